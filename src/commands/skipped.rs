//! The warnings that name what a run skipped: one per file, and one per
//! table and reason for the rows of a table skipped for the same reason
//! (a spreadsheet with 36 empty text cells gives one warning listing their
//! lines, not 36 warnings in which the other messages are lost).

use crate::input::formats::table::source_line as table_line;
use crate::model::Skipped;
use std::collections::BTreeMap;

/// Fewest rows of one table skipped for one reason that share a warning.
const GROUPED_ROWS: usize = 3;

/// One warning per skipped file, and one per table and reason for its rows
/// skipped for that reason (at least [`GROUPED_ROWS`] of them), each in the
/// place of its first row; every line is named.
pub fn skipped_warnings(skipped: &[Skipped]) -> Vec<String> {
    let mut rows: BTreeMap<(&str, &str), Vec<u64>> = BTreeMap::new();
    for s in skipped {
        if let Some((file, line)) = table_line(&s.source) {
            rows.entry((file, &s.reason)).or_default().push(line);
        }
    }
    let mut out = Vec::new();
    for s in skipped {
        let grouped = table_line(&s.source).and_then(|(file, line)| {
            let lines = rows.get(&(file, s.reason.as_str()))?;
            (lines.len() >= GROUPED_ROWS).then_some((file, line, lines))
        });
        match grouped {
            None => out.push(s.to_string()),
            Some((file, line, lines)) if lines[0] == line => {
                let listed: Vec<String> = lines.iter().map(u64::to_string).collect();
                out.push(format!(
                    "skipped {} rows of {file}: {} (lines {})",
                    crate::model::numbers::int(lines.len()),
                    s.reason,
                    listed.join(", ")
                ));
            }
            Some(_) => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skip(source: &str, reason: &str) -> Skipped {
        Skipped {
            source: source.into(),
            reason: reason.into(),
        }
    }

    #[test]
    fn rows_skipped_for_one_reason_share_a_warning() {
        let empty = "empty 'text' field";
        let s = [
            skip("a.txt", "empty file"),
            skip("t.csv:line 23 (row 22)", empty),
            skip("t.csv:line 30 (row 29)", "unclosed quotation mark"),
            skip("t.csv:line 105 (row 104)", empty),
            skip("u.jsonl:line 4", empty),
            skip("t.csv:line 230 (row 229)", empty),
        ];
        assert_eq!(
            skipped_warnings(&s),
            [
                "skipped a.txt: empty file",
                "skipped 3 rows of t.csv: empty 'text' field (lines 23, 105, 230)",
                "skipped t.csv:line 30 (row 29): unclosed quotation mark",
                "skipped u.jsonl:line 4: empty 'text' field",
            ]
        );
    }

    #[test]
    fn two_rows_keep_their_own_warnings() {
        let s = [
            skip("t.csv:line 2 (row 1)", "x"),
            skip("t.csv:line 3 (row 2)", "x"),
        ];
        assert_eq!(
            skipped_warnings(&s),
            [
                "skipped t.csv:line 2 (row 1): x",
                "skipped t.csv:line 3 (row 2): x"
            ]
        );
    }
}
