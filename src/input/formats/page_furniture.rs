//! A PDF's page furniture: running headers and footers, page numbers and
//! the lines a browser prints on every page (date and page title at the
//! top, the address and "1/3" at the bottom). Left in, the first of them
//! became the article's title and the others sentences of its text.

/// Lines at each end of a page where furniture stands.
const ZONE: usize = 2;
/// A running header longer than this is a repeated paragraph, kept.
const MAX_WORDS: usize = 20;

/// The pages' text joined as the PDF reader joins it, without the
/// furniture lines at the top and bottom of each page: lines repeated in
/// the same place on at least half the pages (two at least; digits
/// aside, so "Page 2" and "Page 3" repeat), page numbers (also glued to
/// the start or end of a line, "Page 3 of 12"), and a browser's print
/// header and footer. A line `keep` accepts is never furniture: an
/// export's record marks ("End of Document") end many of its pages.
pub fn without_furniture(pages: &[String], keep: &dyn Fn(&str) -> bool) -> String {
    let lines: Vec<Vec<&str>> = pages
        .iter()
        .map(|p| {
            let mut l: Vec<&str> = p.split('\n').collect();
            let (top, bottom) = zone_lines(&l);
            for i in top.into_iter().chain(bottom) {
                l[i] = unglued(l[i]);
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
    for (page, (top, bottom)) in lines.iter().zip(&zones) {
        let drop = |i: usize| {
            let line = page[i].trim();
            let short = line.split_whitespace().count() <= MAX_WORDS;
            let at_top = top.contains(&i);
            let at_bottom = bottom.contains(&i);
            !keep(line)
                && (page_number(line)
                    || (at_top && (short && heads.contains(&key(line)) || print_header(line)))
                    || (at_bottom && (short && feet.contains(&key(line)) || print_footer(line))))
        };
        let kept: Vec<&str> = (0..page.len())
            .filter(|&i| !((top.contains(&i) || bottom.contains(&i)) && drop(i)))
            .map(|i| page[i])
            .collect();
        out.push_str(&kept.join("\n"));
    }
    out
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

/// A browser's print header: the date and time, then the page's title
/// ("05/03/2024, 14:02 Storm hits coast - BBC News", "3/5/24, 2:02 PM ...").
fn print_header(line: &str) -> bool {
    let k = key(line);
    k.starts_with("#/#/#, #:#") || k.starts_with("#/#/# #:#") || k.starts_with("#.#.#, #:#")
}

/// A browser's print footer: the page's address and the page's place
/// ("https://www.bbc.co.uk/news/uk-123 1/3").
fn print_footer(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let last = words.next_back().unwrap_or("");
    let rest: Vec<&str> = words.collect();
    key(last) == "#/#"
        && rest.len() == 1
        && (rest[0].starts_with("http://")
            || rest[0].starts_with("https://")
            || rest[0].starts_with("file://"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(p: &[&str]) -> Vec<String> {
        p.iter().map(|s| s.to_string()).collect()
    }

    /// Without furniture, no line kept for its own sake.
    fn none(pages: &[String]) -> String {
        without_furniture(pages, &|_| false)
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
        let marks = without_furniture(&p, &|l| l == "End of Document");
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
        assert!(print_header("3/5/24, 2:02 PM Storm hits coast"));
        assert!(!print_header("Storm on 3/5/24, 2:02 PM"));
        assert!(print_footer("https://example.com/a 2/3"));
        assert!(!print_footer("See https://example.com/a for 2/3 of it"));
    }
}
