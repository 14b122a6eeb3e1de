//! Calendar dates as articles give them, the periods of the timeline and
//! of `--group-by date`, and the timeline's result types. Calendar
//! arithmetic is jiff's.

use jiff::civil::Date as CivilDate;
use serde::Serialize;

/// The English month names in calendar order, lower case: read in database
/// dates and passed over in speaker names ("said police Tuesday, March 5").
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The English weekday names, lower case: passed over in printed date lines
/// and in speaker names ("said police Tuesday").
pub const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The Monday from which week keys are counted.
const FIRST_MONDAY: CivilDate = jiff::civil::date(1970, 1, 5);

/// The civil date of a year, month and day, if it exists.
fn civil(year: i64, month: u32, day: u32) -> Option<CivilDate> {
    CivilDate::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

/// Length of a timeline period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Period {
    /// ISO week (Monday to Sunday), labelled "2024-W05".
    Week,
    /// Calendar month, labelled "2024-03".
    #[default]
    Month,
    /// Calendar year, labelled "2024".
    Year,
}

impl Period {
    /// Name used in outputs.
    pub fn name(&self) -> &'static str {
        match self {
            Period::Week => "week",
            Period::Month => "month",
            Period::Year => "year",
        }
    }

    /// Parses "week", "month" or "year".
    pub fn parse(s: &str) -> Option<Period> {
        match s.trim().to_ascii_lowercase().as_str() {
            "week" | "weekly" => Some(Period::Week),
            "month" | "monthly" => Some(Period::Month),
            "year" | "yearly" => Some(Period::Year),
            _ => None,
        }
    }

    /// Sortable key of a date's period (consecutive periods have consecutive keys).
    pub(crate) fn key(&self, d: Date) -> Option<i64> {
        match self {
            Period::Year => Some(d.year),
            Period::Month => Some(d.year * 12 + d.month? as i64 - 1),
            Period::Week => {
                // Weeks are counted from the Monday 1970-01-05, so that
                // consecutive weeks have consecutive keys.
                let date = civil(d.year, d.month?, d.day?)?;
                let days = date.since(FIRST_MONDAY).ok()?.get_days() as i64;
                Some(days.div_euclid(7))
            }
        }
    }

    /// Label of a period key.
    pub(crate) fn label(&self, key: i64) -> String {
        match self {
            Period::Year => format!("{key}"),
            Period::Month => format!("{}-{:02}", key.div_euclid(12), key.rem_euclid(12) + 1),
            Period::Week => {
                // ISO week: the week belongs to the year of its Thursday.
                let monday = jiff::Span::new()
                    .try_days(key.saturating_mul(7))
                    .and_then(|span| FIRST_MONDAY.checked_add(span))
                    .ok();
                match monday {
                    Some(m) => {
                        let w = m.iso_week_date();
                        format!("{}-W{:02}", w.year(), w.week())
                    }
                    None => format!("week {key}"),
                }
            }
        }
    }
}

/// A calendar date, possibly without day or month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    /// Year.
    pub year: i64,
    /// Month 1-12, if given.
    pub month: Option<u32>,
    /// Day 1-31, if given.
    pub day: Option<u32>,
}

/// Reads the start of an ISO-like date, year first: "2024-03-05",
/// "2024-03-05T10:00Z", "2024/03/05", "2024.03.05", "2017/2/7" (month and
/// day of one or two digits, as spreadsheets write them), "2024-03" or
/// "2024". Anything else is `None`, also a day or month the calendar does
/// not have ("2017-02-30", "2017-13").
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() < 4 || !b[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let year: i64 = s[..4].parse().ok()?;
    // One or two digits after a separator at `i` (the same separator as
    // the first, when `sep` is given): the number and the index after it.
    let part = |i: usize, sep: Option<u8>| -> Option<(u32, usize, u8)> {
        let c = *b.get(i)?;
        if !matches!(c, b'-' | b'/' | b'.') || sep.is_some_and(|s| s != c) {
            return None;
        }
        let len = b[i + 1..].iter().take_while(|d| d.is_ascii_digit()).count();
        if !(1..=2).contains(&len) {
            return None;
        }
        Some((s[i + 1..i + 1 + len].parse().ok()?, i + 1 + len, c))
    };
    // What may follow a date: nothing, a time ("T10:00", " 10:00").
    let ends = |i: usize| {
        b.get(i)
            .is_none_or(|c| c.is_ascii_whitespace() || *c == b'T')
    };
    if ends(4) {
        return Some(Date {
            year,
            month: None,
            day: None,
        });
    }
    let (month, after_month, sep) = part(4, None).filter(|(m, _, _)| (1..=12).contains(m))?;
    if ends(after_month) {
        return Some(Date {
            year,
            month: Some(month),
            day: None,
        });
    }
    // A day the month does not have ("2017-02-30") makes the date unreadable:
    // read as its month alone, a typing error would land in a period silently.
    let (day, _, _) = part(after_month, Some(sep))?;
    civil(year, month, day)?;
    Some(Date {
        year,
        month: Some(month),
        day: Some(day),
    })
}

/// Period label of a date string, if it can be read at that resolution.
pub fn period_of(date: &str, p: Period) -> Option<String> {
    let d = parse_date(date)?;
    p.key(d).map(|k| p.label(k))
}

/// Frame shares per period (week, month or year).
#[derive(Debug, Clone, Serialize, Default)]
pub struct Timeline {
    /// "week", "month" or "year".
    pub period: String,
    /// Frames in column order.
    pub frames: Vec<String>,
    /// Every period from the first dated article to the last (empty periods included).
    pub points: Vec<PeriodPoint>,
    /// Articles without a date.
    pub undated: usize,
    /// Articles whose date could not be read (e.g. "5 March", "2017-02-30"), by id.
    pub unreadable_dates: Vec<String>,
    /// Periods in which one group (of several) wrote most of the articles.
    pub dominated_periods: Vec<DominatedPeriod>,
    /// Each named group's own line, when the corpus has two or more groups.
    pub groups: Vec<GroupLine>,
}

/// A period in which one group wrote most of the articles although it wrote
/// under half of the corpus: a jump of the pooled line there may be a change
/// of source rather than of framing.
#[derive(Debug, Clone, Serialize, Default, PartialEq, Eq)]
pub struct DominatedPeriod {
    /// Period label.
    pub period: String,
    /// The group that wrote most of the period's articles.
    pub group: String,
    /// Articles of that group in the period.
    pub group_articles: usize,
    /// All articles of the period.
    pub articles: usize,
}

/// One group's articles and mean frame scores per period of the timeline.
#[derive(Debug, Clone, Serialize, Default)]
pub struct GroupLine {
    /// Group name.
    pub group: String,
    /// Articles of the group in each period (the timeline's periods, in order).
    pub articles: Vec<usize>,
    /// Mean score per 1,000 words of each frame in each period; `None` when the group has no article there.
    pub mean_per_1k: Vec<Vec<Option<f64>>>,
}

/// One period of the timeline.
#[derive(Debug, Clone, Serialize, Default)]
pub struct PeriodPoint {
    /// Label: "2024-W05", "2024-03" or "2024".
    pub period: String,
    /// Articles dated in the period.
    pub articles: usize,
    /// Share of each frame in the period's frame hits (pooled); `None` when the period has no hits.
    pub shares: Vec<Option<f64>>,
    /// Mean score per 1,000 words of each frame; `None` when the period has no articles.
    pub mean_per_1k: Vec<Option<f64>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_periods() {
        let d = parse_date("2024-03-05T10:00:00Z").unwrap();
        assert_eq!((d.year, d.month, d.day), (2024, Some(3), Some(5)));
        assert_eq!(parse_date("2024/12/31").unwrap().day, Some(31));
        // An impossible day or month is no date, not its month or year.
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("2017-02-30"), None);
        assert_eq!(parse_date("2017-04-31T10:00"), None);
        assert_eq!(parse_date("2017-13-01"), None);
        assert_eq!(parse_date("2017-13"), None);
        assert_eq!(parse_date("2017-03-00"), None);
        // Month and day of one digit, as spreadsheets write them.
        let d = parse_date("2017/2/7").unwrap();
        assert_eq!((d.year, d.month, d.day), (2017, Some(2), Some(7)));
        assert_eq!(parse_date("2017-3-05 10:30").unwrap().day, Some(5));
        assert_eq!(parse_date("2017-3").unwrap().month, Some(3));
        // Mixed separators, three-digit parts and trailing digits are no date.
        assert_eq!(parse_date("2017/03-05"), None);
        assert_eq!(parse_date("2017-003-05"), None);
        assert_eq!(parse_date("2017-03-0512"), None);
        assert_eq!(period_of("2017-02-30", Period::Month), None);
        assert_eq!(parse_date("2024-03").unwrap().month, Some(3));
        assert!(parse_date("5 March 2024").is_none());
        assert!(parse_date("20240305").is_none());
        assert_eq!(period_of("2024-03-05", Period::Month).unwrap(), "2024-03");
        assert_eq!(period_of("2024-03-05", Period::Year).unwrap(), "2024");
        // ISO weeks, including the ones that belong to the neighbouring year.
        assert_eq!(period_of("2024-01-01", Period::Week).unwrap(), "2024-W01");
        assert_eq!(period_of("2021-01-03", Period::Week).unwrap(), "2020-W53");
        assert_eq!(period_of("2019-12-30", Period::Week).unwrap(), "2020-W01");
        assert_eq!(period_of("2024-03-05", Period::Week).unwrap(), "2024-W10");
        assert_eq!(period_of("2024-03", Period::Week), None);
        assert_eq!(parse_date("2000-02-29").unwrap().day, Some(29));
        assert_eq!(parse_date("1900-02-29"), None);
        // Week keys are consecutive across a year boundary and read back.
        let k = |s| Period::Week.key(parse_date(s).unwrap()).unwrap();
        assert_eq!(k("2021-01-04") - k("2020-12-28"), 1);
        assert_eq!(Period::Week.label(k("2020-12-31")), "2020-W53");
        assert_eq!(Period::Week.label(k("1969-12-31")), "1970-W01");
        assert_eq!(k("1970-01-05"), 0);
        assert_eq!(k("1970-01-04"), -1);
    }
}
