//! `frame agree --entries`: which lexicon entries frame's hits in a coding
//! sheet come from, and how often the coder coded their units 1.
//!
//! A dictionary is refined entry by entry: a frame's precision of 0.6 says
//! that four hits in ten are wrong, not which words make them. The table
//! lists, per frame, each entry that matched a unit (as the evidence names
//! it, "negated: safe" for a negated reassurance entry counted as threat),
//! with how many of its units the coder coded 1 and 0, so a researcher can
//! read the units of the entries that go wrong and decide whether the entry
//! needs a sense rule, goes, or stays. It is a count in the sheet, not
//! weighted to a corpus: a stratified sheet over-represents some entries.

use crate::report::csv::write_text_record;

/// Entries shown per frame in the text report (the CSV lists all).
pub const TEXT_ROWS: usize = 15;

/// One lexicon entry's hits in the sheet, for one frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryRow {
    /// The frame the entry's matches counted for.
    pub frame: String,
    /// The entry as the evidence names it.
    pub entry: String,
    /// Units in which it matched (a unit counts once however often it matched).
    pub units: usize,
    /// Of those, units the coder coded 1 for the frame.
    pub coder_1: usize,
    /// Ids of the units the coder coded 0 for the frame, in sheet order.
    pub coded_0: Vec<String>,
}

impl EntryRow {
    /// Units the coder coded 0: the entry's false hits in the sheet.
    pub fn coder_0(&self) -> usize {
        self.coded_0.len()
    }

    /// Share of the entry's units the coder coded 1.
    pub fn precision(&self) -> f64 {
        self.coder_1 as f64 / self.units as f64
    }
}

/// The entries behind frame's hits, frame by frame.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryTable {
    /// The sheet's frames, in its order.
    pub frames: Vec<String>,
    /// Units with at least one hit, per frame of [`EntryTable::frames`].
    pub hit_units: Vec<usize>,
    /// Rows grouped by frame (sheet order), most false hits first, then most
    /// units, then by entry.
    pub rows: Vec<EntryRow>,
    /// "sentences", "articles" or "units", for prose.
    pub unit_word: &'static str,
}

/// One coded unit as the tally reads it.
pub struct CodedUnit<'a> {
    /// The unit's id.
    pub unit_id: &'a str,
    /// The coder's codes, one per sheet frame.
    pub codes: &'a [bool],
    /// The entries that matched it, one list per sheet frame (repeats allowed).
    pub entries: &'a [Vec<String>],
}

/// Counts, per frame and entry, the units it matched and how the coder coded them.
pub fn tally(frames: &[String], units: &[CodedUnit], unit_word: &'static str) -> EntryTable {
    let mut rows = Vec::new();
    let mut hit_units = Vec::with_capacity(frames.len());
    for (k, frame) in frames.iter().enumerate() {
        let mut by_entry: std::collections::BTreeMap<&str, EntryRow> = Default::default();
        let mut hit = 0;
        for u in units {
            let Some(list) = u.entries.get(k) else {
                continue;
            };
            let mut seen: Vec<&str> = list.iter().map(String::as_str).collect();
            seen.sort_unstable();
            seen.dedup();
            hit += usize::from(!seen.is_empty());
            let coded = u.codes.get(k).copied().unwrap_or(false);
            for e in seen {
                let row = by_entry.entry(e).or_insert_with(|| EntryRow {
                    frame: frame.clone(),
                    entry: e.to_string(),
                    units: 0,
                    coder_1: 0,
                    coded_0: Vec::new(),
                });
                row.units += 1;
                if coded {
                    row.coder_1 += 1;
                } else {
                    row.coded_0.push(u.unit_id.to_string());
                }
            }
        }
        let mut list: Vec<EntryRow> = by_entry.into_values().collect();
        list.sort_by(|a, b| {
            b.coder_0()
                .cmp(&a.coder_0())
                .then(b.units.cmp(&a.units))
                .then(a.entry.cmp(&b.entry))
        });
        rows.extend(list);
        hit_units.push(hit);
    }
    EntryTable {
        frames: frames.to_vec(),
        hit_units,
        rows,
        unit_word,
    }
}

impl EntryTable {
    /// The rows of one frame.
    fn of<'a>(&'a self, frame: &'a str) -> impl Iterator<Item = &'a EntryRow> + 'a {
        self.rows.iter().filter(move |r| r.frame == frame)
    }

    /// The table for the terminal: per frame, the [`TEXT_ROWS`] entries with
    /// the most units the coder coded 0.
    pub fn to_text(&self) -> String {
        let u = self.unit_word;
        let mut out = format!(
            "\nEntries behind frame's hits (counted in this sheet, not weighted to a corpus; a {} counts once per entry; precision = the share of an entry's {u} the coder coded 1):\n",
            singular(u)
        );
        for (k, frame) in self.frames.iter().enumerate() {
            let rows: Vec<&EntryRow> = self.of(frame).collect();
            if rows.is_empty() {
                out.push_str(&format!("\n{frame}: no entry matched a {}\n", singular(u)));
                continue;
            }
            let n = self.hit_units[k];
            out.push_str(&format!(
                "\n{frame}: {} {} matched {n} {}, most {u} coded 0 first\n",
                rows.len(),
                if rows.len() == 1 { "entry" } else { "entries" },
                if n == 1 { singular(u) } else { u },
            ));
            let mut cells: Vec<[String; 5]> = vec![[
                "entry".into(),
                u.into(),
                "coder=1".into(),
                "coder=0".into(),
                "precision".into(),
            ]];
            for r in rows.iter().take(TEXT_ROWS) {
                cells.push([
                    r.entry.clone(),
                    r.units.to_string(),
                    r.coder_1.to_string(),
                    r.coder_0().to_string(),
                    format!("{:.2}", r.precision()),
                ]);
            }
            let widths: Vec<usize> = (0..5)
                .map(|c| {
                    cells
                        .iter()
                        .map(|r| r[c].chars().count())
                        .max()
                        .unwrap_or(0)
                })
                .collect();
            for r in &cells {
                let line: Vec<String> = r
                    .iter()
                    .enumerate()
                    .map(|(c, v)| {
                        if c == 0 {
                            format!("{v:<w$}", w = widths[c])
                        } else {
                            format!("{v:>w$}", w = widths[c])
                        }
                    })
                    .collect();
                out.push_str(&format!("  {}\n", line.join("  ").trim_end()));
            }
            if rows.len() > TEXT_ROWS {
                out.push_str(&format!(
                    "  ({} more; --entries --csv lists every entry with the ids of its {u} coded 0)\n",
                    rows.len() - TEXT_ROWS
                ));
            }
        }
        out
    }

    /// Every row as CSV: frame, entry, counts, precision and the ids of the
    /// units the coder coded 0 (space-separated), to look them up in the sheet.
    pub fn to_csv(&self) -> Vec<u8> {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        write_text_record(
            &mut w,
            [
                "frame",
                "entry",
                "units",
                "coder_1",
                "coder_0",
                "precision",
                "coded_0_units",
            ],
        );
        for r in &self.rows {
            write_text_record(
                &mut w,
                [
                    r.frame.clone(),
                    r.entry.clone(),
                    r.units.to_string(),
                    r.coder_1.to_string(),
                    r.coder_0().to_string(),
                    format!("{:.4}", r.precision()),
                    r.coded_0.join(" "),
                ],
            );
        }
        w.into_inner().unwrap_or_default()
    }
}

/// "sentence" for "sentences" (the unit words are regular plurals).
fn singular(units: &str) -> &str {
    units.strip_suffix('s').unwrap_or(units)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn counts_each_unit_once_per_entry_and_sorts_false_hits_first() {
        let frames = s(&["threat", "reassurance"]);
        let e1 = vec![s(&["war", "war", "warn"]), s(&[])];
        let e2 = vec![s(&["warn"]), s(&["safe to drink"])];
        let e3 = vec![s(&["warn", "war"]), s(&[])];
        let e4 = vec![s(&[]), s(&[])];
        let units = [
            CodedUnit {
                unit_id: "a#s1",
                codes: &[true, false],
                entries: &e1,
            },
            CodedUnit {
                unit_id: "a#s2",
                codes: &[false, true],
                entries: &e2,
            },
            CodedUnit {
                unit_id: "b#s1",
                codes: &[false, false],
                entries: &e3,
            },
            CodedUnit {
                unit_id: "b#s2",
                codes: &[true, false],
                entries: &e4,
            },
        ];
        let t = tally(&frames, &units, "sentences");
        assert_eq!(t.hit_units, vec![3, 1]);
        let threat: Vec<_> = t.of("threat").collect();
        assert_eq!(threat[0].entry, "warn", "two false hits sort first");
        assert_eq!((threat[0].units, threat[0].coder_1), (3, 1));
        assert_eq!(threat[0].coded_0, s(&["a#s2", "b#s1"]));
        assert_eq!(threat[1].entry, "war");
        assert_eq!((threat[1].units, threat[1].coder_1), (2, 1), "a#s1 once");
        assert!((threat[1].precision() - 0.5).abs() < 1e-12);
        let re: Vec<_> = t.of("reassurance").collect();
        assert_eq!(re.len(), 1);
        assert_eq!(re[0].coder_0(), 0);
    }

    #[test]
    fn text_and_csv_name_every_frame_and_the_false_hits() {
        let frames = s(&["threat", "economic"]);
        let e = vec![s(&["negated: safe"]), s(&[])];
        let units = [CodedUnit {
            unit_id: "x#s3",
            codes: &[false, false],
            entries: &e,
        }];
        let t = tally(&frames, &units, "sentences");
        let text = t.to_text();
        assert!(
            text.contains("threat: 1 entry matched 1 sentence,"),
            "{text}"
        );
        assert!(text.contains("negated: safe"), "{text}");
        assert!(
            text.contains("economic: no entry matched a sentence"),
            "{text}"
        );
        let csv = String::from_utf8(t.to_csv()).unwrap();
        assert_eq!(
            csv,
            "frame,entry,units,coder_1,coder_0,precision,coded_0_units\nthreat,negated: safe,1,0,1,0.0000,x#s3\n"
        );
    }

    #[test]
    fn long_lists_are_cut_in_the_text_only() {
        let frames = s(&["threat"]);
        let lists: Vec<Vec<Vec<String>>> = (0..TEXT_ROWS + 3)
            .map(|i| vec![vec![format!("w{i:02}")]])
            .collect();
        let ids: Vec<String> = (0..lists.len()).map(|i| format!("u{i}")).collect();
        let units: Vec<CodedUnit> = lists
            .iter()
            .zip(&ids)
            .map(|(e, id)| CodedUnit {
                unit_id: id,
                codes: &[true],
                entries: e,
            })
            .collect();
        let t = tally(&frames, &units, "articles");
        assert!(t.to_text().contains("(3 more; --entries --csv"));
        let csv = String::from_utf8(t.to_csv()).unwrap();
        assert_eq!(csv.lines().count(), TEXT_ROWS + 3 + 1);
    }
}
