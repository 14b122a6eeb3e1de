//! The one paragraph rule: positions and voices both split an article with it.

/// Trimmed byte spans of the paragraphs of `text`: blocks of lines separated
/// by blank lines; where the text has no blank line between two lines of
/// text, each non-blank line is a paragraph (files that never leave a blank
/// line put one paragraph on each line).
pub fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut blocks: Vec<(usize, usize)> = Vec::new();
    let mut blank_before = false;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_end();
        if t.trim().is_empty() {
            blank_before = !lines.is_empty();
        } else {
            let span = (at + t.len() - t.trim_start().len(), at + t.len());
            match blocks.last_mut() {
                Some(last) if !blank_before => last.1 = span.1,
                _ => blocks.push(span),
            }
            lines.push(span);
            blank_before = false;
        }
        at += line.len();
    }
    if blocks.len() > 1 {
        blocks
    } else {
        lines
    }
}
