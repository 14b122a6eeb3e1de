//! A PDF's page furniture: running headers and footers, page numbers and
//! the lines a browser prints on every page (date and page title at the
//! top, the address and "1/3" at the bottom). Left in, the first of them
//! became the article's title and the others sentences of its text.

/// Lines at each end of a page where furniture stands.
pub(super) const ZONE: usize = 2;
/// A running header longer than this is a repeated paragraph, kept.
const MAX_WORDS: usize = 20;

/// The pages' text joined as the PDF reader joins it, without the
/// furniture lines at the top and bottom of each page: lines repeated in
/// the same place on at least half the pages (two at least; digits
/// aside, so "Page 2" and "Page 3" repeat), page numbers (also glued to
/// the start or end of a line, "Page 3 of 12"), and a browser's print
/// header and footer. A line `keep` accepts is never furniture: an
/// export's record marks ("End of Document") end many of its pages.
/// Also returns what was taken out, in page order (for `removed.csv`).
pub fn without_furniture(pages: &[String], keep: &dyn Fn(&str) -> bool) -> (String, Vec<String>) {
    // Page numbers taken off the lines they were glued to, page by page.
    let mut glued: Vec<Vec<String>> = vec![Vec::new(); pages.len()];
    let lines: Vec<Vec<&str>> = pages
        .iter()
        .zip(&mut glued)
        .map(|(p, glued)| {
            let mut l: Vec<&str> = p.split('\n').collect();
            let (top, bottom) = zone_lines(&l);
            for i in top.into_iter().chain(bottom) {
                let rest = unglued(l[i]);
                if rest.len() != l[i].len() {
                    glued.push(glued_piece(l[i].trim(), rest).to_string());
                }
                l[i] = rest;
            }
            l
        })
        .collect();
    let zones: Vec<(Vec<usize>, Vec<usize>)> = lines.iter().map(|l| zone_lines(l)).collect();
    let needed = pages.len().div_ceil(2).max(2);
    let repeated = |top: bool| -> std::collections::HashSet<String> {
        let mut count: std::collections::HashMap<String, usize> = Default::default();
        for (page, (t, b)) in lines.iter().zip(&zones) {
            let mut keys: Vec<String> = (if top { t } else { b })
                .iter()
                .map(|&i| key(page[i]))
                .collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                *count.entry(k).or_default() += 1;
            }
        }
        count
            .into_iter()
            .filter(|(_, n)| *n >= needed)
            .map(|(k, _)| k)
            .collect()
    };
    let (heads, feet) = (repeated(true), repeated(false));
    let mut out = String::new();
    let mut removed = Vec::new();
    for ((page, (top, bottom)), glued) in lines.iter().zip(&zones).zip(glued) {
        removed.extend(glued);
        let drop = |i: usize| {
            let line = page[i].trim();
            let short = line.split_whitespace().count() <= MAX_WORDS;
            let at_top = top.contains(&i);
            let at_bottom = bottom.contains(&i);
            !keep(line)
                && (page_number(line)
                    || print_line(line, at_top)
                    || (at_top && short && heads.contains(&key(line)))
                    || (at_bottom && short && feet.contains(&key(line))))
        };
        let mut kept: Vec<&str> = Vec::with_capacity(page.len());
        for (i, line) in page.iter().enumerate() {
            if (top.contains(&i) || bottom.contains(&i)) && drop(i) {
                removed.push(line.trim().to_string());
            } else {
                kept.push(line);
            }
        }
        out.push_str(&kept.join("\n"));
    }
    (out, removed)
}

/// The "Page 3 of 12" that [`unglued`] took off `line` (trimmed), leaving
/// `rest`, a slice of it at its start or its end.
fn glued_piece<'a>(line: &'a str, rest: &str) -> &'a str {
    // `unglued` looks at the start first, so a rest at the end is checked first.
    match line.strip_suffix(rest) {
        Some(piece) => piece.trim(),
        None => line[rest.len()..].trim(),
    }
}

/// "Page 3 of 12" as words.
fn page_of(words: &[&str]) -> bool {
    let number = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    matches!(words, [p, n, of, m] if p.eq_ignore_ascii_case("page")
        && number(n) && of.eq_ignore_ascii_case("of") && number(m))
}

/// A line without a "Page 3 of 12" the PDF glued to its start or end (the
/// page number printed on the running header's line), when other words
/// remain.
fn unglued(line: &str) -> &str {
    let t = line.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() <= 4 {
        return line;
    }
    if page_of(&words[..4]) {
        // The fourth word's end, found from the start.
        let mut rest = t;
        for w in &words[..4] {
            rest = rest.trim_start()[w.len()..].trim_start();
        }
        return rest;
    }
    if page_of(&words[words.len() - 4..]) {
        let mut rest = t;
        for w in words[words.len() - 4..].iter().rev() {
            let r = rest.trim_end();
            rest = r[..r.len() - w.len()].trim_end();
        }
        return rest;
    }
    line
}

/// The indices of the first and the last [`ZONE`] non-blank lines.
fn zone_lines(page: &[&str]) -> (Vec<usize>, Vec<usize>) {
    let filled: Vec<usize> = (0..page.len())
        .filter(|&i| !page[i].trim().is_empty())
        .collect();
    let top = filled.iter().take(ZONE).copied().collect();
    let bottom = filled.iter().rev().take(ZONE).copied().collect();
    (top, bottom)
}

/// A line compared across pages: lower case, spaces collapsed, each run of
/// digits one `#`.
fn key(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut in_digits = false;
    for w in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in w.chars() {
            if c.is_ascii_digit() {
                if !in_digits {
                    out.push('#');
                }
                in_digits = true;
            } else {
                in_digits = false;
                out.extend(c.to_lowercase());
            }
        }
        in_digits = false;
    }
    out
}

/// "3", "- 3 -", "Page 3", "Page 3 of 7", "3 of 7", "3/7".
fn page_number(line: &str) -> bool {
    matches!(
        key(line).trim_matches(['-', ' ']),
        "#" | "page #" | "page # of #" | "# of #" | "#/#" | "p. #"
    )
}

/// The pieces a browser prints at the top and bottom of a page.
#[derive(Clone, Copy, PartialEq)]
enum Piece {
    /// The page's address.
    Address,
    /// The date and time of printing ("05/03/2024, 14:02", "3/5/24, 2:02 PM").
    DateTime,
    /// The page's place ("1/3", "1 of 3", "Page 1 of 3").
    Place,
}

/// The piece `words` starts with (`from_end`: ends with), and how many
/// words it takes.
fn piece(words: &[&str], from_end: bool) -> Option<(Piece, usize)> {
    let n = words.len();
    let take = |k: usize| -> Option<Vec<String>> {
        (k <= n).then(|| {
            let w = if from_end {
                &words[n - k..]
            } else {
                &words[..k]
            };
            w.iter().map(|w| key(w)).collect()
        })
    };
    let address = |w: &str| {
        ["http://", "https://", "file://"].iter().any(|p| {
            w.len() > p.len() && w.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p))
        })
    };
    let edge = if from_end {
        words.last()
    } else {
        words.first()
    };
    if edge.is_some_and(|w| address(w)) {
        return Some((Piece::Address, 1));
    }
    let date = |k: &str| matches!(k.trim_end_matches(','), "#/#/#" | "#.#.#" | "#-#-#");
    let time = |k: &str| matches!(k.trim_end_matches(','), "#:#" | "#:#:#");
    let meridiem = |k: &str| matches!(k, "am" | "pm" | "a.m." | "p.m.");
    for k in [3, 2] {
        if let Some(w) = take(k) {
            let ok = date(&w[0]) && time(&w[1]) && (k == 2 || meridiem(&w[2]));
            if ok {
                return Some((Piece::DateTime, k));
            }
        }
    }
    if take(1).is_some_and(|w| w[0] == "#/#") {
        return Some((Piece::Place, 1));
    }
    if take(4).is_some_and(|w| w.join(" ") == "page # of #") {
        return Some((Piece::Place, 4));
    }
    if take(3).is_some_and(|w| w.join(" ") == "# of #") {
        return Some((Piece::Place, 3));
    }
    None
}

/// A line a browser prints at the top or bottom of each page: only its
/// address, the date and time, the page's place ("https://... 1/1", "1 of
/// 1 05/03/2024, 14:02", a date alone), or at the top the page's title
/// after the date ("05/03/2024, 14:02 Storm hits coast - BBC News") or
/// before the address ("Storm hits coast - BBC News https://...").
fn print_line(line: &str, at_top: bool) -> bool {
    let mut words: Vec<&str> = line.split_whitespace().collect();
    let mut found = Vec::new();
    let (mut date_first, mut address_last) = (false, false);
    loop {
        if let Some((p, k)) = piece(&words, false) {
            date_first |= found.is_empty() && p == Piece::DateTime;
            found.push(p);
            words.drain(..k);
        } else if let Some((p, k)) = piece(&words, true) {
            address_last |= p == Piece::Address;
            found.push(p);
            words.truncate(words.len() - k);
        } else {
            break;
        }
    }
    // A page's place alone before other words is text ("2/3 of the town").
    if found.is_empty() || (found == [Piece::Place] && !words.is_empty()) {
        return false;
    }
    words.is_empty() || (at_top && (date_first || address_last) && words.len() <= MAX_WORDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(p: &[&str]) -> Vec<String> {
        p.iter().map(|s| s.to_string()).collect()
    }

    /// Without furniture, no line kept for its own sake.
    fn none(pages: &[String]) -> String {
        without_furniture(pages, &|_| false).0
    }

    /// A record mark repeated at the foot of the pages stays when `keep`
    /// says so; a page number glued to a running header goes with it.
    #[test]
    fn kept_lines_stay_and_glued_page_numbers_go() {
        let p = pages(&[
            "Flood coverage Page 1 of 3\nStorm hits\nText one.\nEnd of Document",
            "Page 2 of 3 Flood coverage\nStorm ends\nText two.\nEnd of Document",
            "Flood coverage\nRoads open\nText three.\nEnd of Document",
        ]);
        assert_eq!(
            none(&p),
            "Storm hits\nText one.Storm ends\nText two.Roads open\nText three."
        );
        let (marks, removed) = without_furniture(&p, &|l| l == "End of Document");
        // What went is listed, page by page, glued page numbers on their own.
        assert_eq!(
            removed,
            [
                "Page 1 of 3",
                "Flood coverage",
                "Page 2 of 3",
                "Flood coverage",
                "Flood coverage"
            ]
        );
        assert_eq!(
            marks,
            "Storm hits\nText one.\nEnd of DocumentStorm ends\nText two.\nEnd of DocumentRoads open\nText three.\nEnd of Document"
        );
        assert_eq!(unglued("Page 3 of 12"), "Page 3 of 12");
        assert_eq!(unglued(" page 3 of 12  the river"), "the river");
        assert_eq!(unglued("the river Page 3 of 12 "), "the river");
        assert_eq!(unglued("a page 3 of the report"), "a page 3 of the report");
    }

    /// From a real-input review: the running header was the first line, so
    /// it became the title.
    #[test]
    fn running_headers_and_page_numbers_go() {
        let got = none(&pages(&[
            "\n\nThe Daily Post, 5 March 2024\nStorm hits coast\nThe storm came in the night.\nPage 1 of 2",
            "\n\nThe Daily Post, 5 March 2024\nThree people were hurt.\nPage 2 of 2",
        ]));
        assert_eq!(
            got,
            "\n\nStorm hits coast\nThe storm came in the night.\n\nThree people were hurt."
        );
    }

    #[test]
    fn a_browser_print_loses_its_header_and_footer_on_one_page_too() {
        let got = none(&pages(&[
            "05/03/2024, 14:02 Storm hits coast - BBC News\nStorm hits coast\nThe storm came in the night.\nhttps://www.bbc.co.uk/news/uk-123 1/1",
        ]));
        assert_eq!(got, "Storm hits coast\nThe storm came in the night.");
    }

    /// From a real-input review: a one-page print whose footer the PDF
    /// gave as two lines (the address, then "1/1") kept the address; and
    /// Firefox prints the address on the title's line at the top and the
    /// date after "1 of 1" at the bottom.
    #[test]
    fn browser_print_lines_go_from_either_end_of_one_page() {
        let body = "Storm hits coast\nThe storm came in the night.\nThree people were hurt.";
        for print in [
            format!("05/03/2024, 14:02 Storm hits coast - BBC News\n{body}\nhttps://www.bbc.co.uk/news/uk-123\n1/1"),
            format!("05/03/2024, 14:02\n{body}\n1/1\nhttps://www.bbc.co.uk/news/uk-123"),
            format!("Storm hits coast - BBC News https://www.bbc.co.uk/news/uk-123\n{body}\n1 of 1 3/5/2024, 2:02:11 PM"),
            format!("https://www.bbc.co.uk/news/uk-123\n{body}\nPage 1 of 1\n05.03.24, 14:02"),
        ] {
            assert_eq!(none(&pages(&[&print])), body, "{print:?}");
        }
        // Text in the page's end lines that only mentions an address or a
        // date stays.
        for text in [
            format!("{body}\nMore at https://www.gov.uk/floods on the site."),
            format!("{body}\nUpdated 05/03/2024, 14:02 by our reporter"),
            format!("See https://www.gov.uk/floods today.\n{body}"),
        ] {
            assert_eq!(none(&pages(&[&text])), text);
        }
    }

    /// Text that repeats in the body, a line on one page only and a long
    /// repeated line stay; lines in the middle of a page are never furniture.
    #[test]
    fn body_lines_stay() {
        let long = "This very long line repeats at the top of both pages and is far too long to be a running header of any newspaper page";
        let got = none(&pages(&[
            &format!("{long}\nFirst body.\n2\nMore body.\nEnd one."),
            &format!("{long}\nSecond body.\nEnd two."),
        ]));
        assert!(got.contains(long) && got.contains("\n2\n"), "{got:?}");
        let one = none(&pages(&["The Daily Post\nBody.", "Other\nBody two."]));
        assert_eq!(one, "The Daily Post\nBody.Other\nBody two.");
    }

    #[test]
    fn page_numbers_and_prints_are_recognised() {
        for l in ["3", "- 3 -", "Page 3", "page 3 of 7", "3 of 7", "3/7"] {
            assert!(page_number(l), "{l}");
        }
        for l in ["3 people", "Page three", "Page 3 of the report"] {
            assert!(!page_number(l), "{l}");
        }
        assert!(print_line("3/5/24, 2:02 PM Storm hits coast", true));
        assert!(!print_line("3/5/24, 2:02 PM Storm hits coast", false));
        assert!(!print_line("Storm on 3/5/24, 2:02 PM", true));
        assert!(print_line("https://example.com/a 2/3", false));
        assert!(!print_line(
            "See https://example.com/a for 2/3 of it",
            false
        ));
        assert!(!print_line("2/3 of the town flooded", true));
        assert!(!print_line("\u{e9}\u{e9}\u{e9}\u{e9}\u{e9} 1/1", false));
    }
}
