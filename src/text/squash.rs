//! Sentence text as quoted in the outputs: whitespace runs squashed to
//! single spaces, shared rather than copied.

use std::sync::Arc;

/// `s` with its whitespace runs as single spaces and trimmed (what
/// `split_whitespace().collect::<Vec<_>>().join(" ")` gives), built in one
/// allocation: it runs on every sentence of the corpus.
pub fn squash_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// [`squash_spaces`] as a shared string, copied once when `s` has nothing
/// to squash (the usual sentence).
pub fn squashed(s: &str) -> Arc<str> {
    if is_squashed(s) {
        Arc::from(s)
    } else {
        Arc::from(squash_spaces(s))
    }
}

/// Whether `s` is already what [`squash_spaces`] makes of it: no whitespace
/// but single spaces between words, none at either end. Reads bytes and
/// decodes only non-ASCII characters (it runs on every sentence).
fn is_squashed(s: &str) -> bool {
    let b = s.as_bytes();
    let mut prev_space = true;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            if c == b' ' {
                if prev_space {
                    return false;
                }
                prev_space = true;
            } else if (0x09..=0x0D).contains(&c) {
                // The ASCII whitespace `char::is_whitespace` knows besides ' '.
                return false;
            } else {
                prev_space = false;
            }
            i += 1;
        } else {
            let ch = s[i..].chars().next().unwrap_or(' ');
            if ch.is_whitespace() {
                return false;
            }
            prev_space = false;
            i += ch.len_utf8();
        }
    }
    !prev_space
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squashed_check_equals_squashing() {
        let pieces = [
            "a", "b", " ", "  ", "\t", "\n", "\u{0B}", "\u{0C}", "\r", "\u{A0}", "\u{2009}",
            "\u{3000}", "é", "’", "x y", "\u{85}",
        ];
        let mut r = crate::stats::resample::rng(8, "squash");
        // The character walk it replaced.
        let reference = |s: &str| {
            let mut prev_space = true;
            s.chars().all(|c| {
                let ok = if c == ' ' {
                    !prev_space
                } else {
                    !c.is_whitespace()
                };
                prev_space = c == ' ';
                ok
            }) && !prev_space
        };
        for n in 0..2000 {
            let t = crate::stats::resample::pieces_text(&mut r, &pieces, n % 9);
            assert_eq!(is_squashed(&t), reference(&t), "{t:?}");
            if is_squashed(&t) {
                assert_eq!(squash_spaces(&t), t);
            }
        }
        assert!(is_squashed("a b"));
    }
    #[test]
    fn squash_spaces_joins_words_with_single_spaces() {
        for s in [
            "",
            "  ",
            " a  b\t\nc ",
            "x\u{a0}y\u{2003} z",
            "one",
            "one two",
            "one two ",
            " one",
            "a\nb",
        ] {
            let want = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(squash_spaces(s), want);
            assert_eq!(&*squashed(s), want, "{s:?}");
        }
    }
}
