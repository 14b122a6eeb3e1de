//! Dates as news databases and web pages write them ("March 5, 2024
//! Tuesday", "5 March 2024", "Tuesday, March 5, 2024 10:30 AM GMT",
//! "2024-03-05T09:30:00Z") turned into ISO 8601 (`2024-03-05`).

use crate::model::dates::MONTH_NAMES as MONTHS;

fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| {
            *m == w || (w.len() >= 3 && m.starts_with(&w) && (w.len() == 3 || w == "sept"))
        })
        .map(|i| i as u32 + 1)
}

const SEASONS: &[&str] = &["spring", "summer", "autumn", "fall", "winter"];

/// A date line with no day, as monthly and quarterly titles print it
/// ("March 2012", "Spring 2012", "March/April 2012", "Winter 2011/2012"):
/// `Some(Some("2012-03"))` when it names one month of one year,
/// `Some(Some("2012"))` for a season or several months of one year,
/// `Some(None)` when it spans years, `None` for a line that is no such date.
pub fn dayless_date(s: &str) -> Option<Option<String>> {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '/' | '-' | '\u{2013}'))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 6 {
        return None;
    }
    let mut months = Vec::new();
    let mut years = Vec::new();
    let mut seasons = 0;
    for w in &words {
        if let Some(m) = month_of(w) {
            months.push(m);
        } else if SEASONS.contains(&w.to_lowercase().as_str()) {
            seasons += 1;
        } else if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
            years.push(
                w.parse::<u32>()
                    .ok()
                    .filter(|y| (1800..=2200).contains(y))?,
            );
        } else {
            return None;
        }
    }
    if years.is_empty() || (months.is_empty() && seasons == 0) {
        return None;
    }
    years.dedup();
    Some(match (&years[..], &months[..]) {
        ([y], [m]) if seasons == 0 => Some(format!("{y:04}-{m:02}")),
        ([y], _) => Some(format!("{y:04}")),
        _ => None,
    })
}

/// The ISO date in `s`, if it holds one a reader can trust: an ISO date at
/// its start, or a month name with a day and a four-digit year.
pub fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    if let Some(d) = crate::model::dates::parse_date(s) {
        if let (Some(m), Some(day)) = (d.month, d.day) {
            return Some(format!("{:04}-{m:02}-{day:02}", d.year));
        }
    }
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let i = words.iter().position(|w| month_of(w).is_some())?;
    let month = month_of(words[i])?;
    let num = |w: &str| -> Option<u32> {
        let w = w.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
        (!w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse().ok())
            .flatten()
    };
    let year_at = |j: usize| words.get(j).and_then(|w| num(w)).filter(|y| *y >= 1800);
    let day_at = |j: usize| {
        words
            .get(j)
            .filter(|w| w.len() <= 4)
            .and_then(|w| num(w))
            .filter(|d| (1..=31).contains(d))
    };
    // "March 5, 2024" or "5 March 2024".
    let (day, year) = if let (Some(d), Some(y)) = (day_at(i + 1), year_at(i + 2)) {
        (d, y)
    } else if let (Some(d), Some(y)) = (i.checked_sub(1).and_then(day_at), year_at(i + 1)) {
        (d, y)
    } else {
        return None;
    };
    jiff::civil::Date::new(year as i16, month as i8, day as i8).ok()?;
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// Weekday names' short forms, as a printed date gives them (the full
/// names are `model::dates::WEEKDAY_NAMES`).
const WEEKDAY_SHORT: &[&str] = &[
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
];

/// Words a printed date line may open with ("Published on", "Last
/// modified", "Updated at").
const DATE_LINE_WORDS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "first",
    "last",
    "modified",
    "on",
    "at",
];

/// Most words of a line that is only a date ("Last modified on Tue 7 Feb
/// 2017 15.00 GMT" has 9).
const DATE_LINE_MAX_WORDS: usize = 12;

/// Whether `w` (one word of a line, its commas gone) can be part of a
/// printed date: a weekday, a month, a day or year ("7", "7th", "2017"), a
/// time ("15.00", "10:30am"), "am"/"pm", a time zone in capitals ("GMT",
/// "AEDT"), a dash or bar, or an opening word ("Published", "Updated on").
fn date_word(w: &str) -> bool {
    let lower = w.to_lowercase();
    let bare = lower.trim_end_matches('.');
    let digits_end = lower
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
        .unwrap_or(lower.len());
    let (digits, rest) = lower.split_at(digits_end);
    let number = digits.starts_with(|c: char| c.is_ascii_digit())
        && matches!(
            rest.trim_end_matches('.'),
            "" | "st" | "nd" | "rd" | "th" | "am" | "pm" | "a.m" | "p.m"
        );
    number
        || crate::model::dates::WEEKDAY_NAMES.contains(&bare)
        || WEEKDAY_SHORT.contains(&bare)
        || month_of(w).is_some()
        || matches!(bare, "am" | "pm" | "a.m" | "p.m")
        || ((2..=5).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase()))
        || matches!(w, "-" | "|" | "\u{2013}" | "\u{2014}" | "\u{b7}")
        || DATE_LINE_WORDS.contains(&bare)
}

/// The ISO date of a line that holds a date and nothing else, as a saved
/// article prints it under its headline ("Tuesday 7 February 2017", "Tue 7
/// Feb 2017 14.05 GMT", "Published February 7, 2017", "2017-02-07"); `None`
/// for a line with any other word ("Source: The Independent, 26 February
/// 2017", a sentence that mentions a date), or a date without a day.
pub fn date_line(line: &str) -> Option<String> {
    let line = line.trim();
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > DATE_LINE_MAX_WORDS {
        return None;
    }
    if let Some(d) = crate::model::dates::parse_date(line) {
        // An ISO date, perhaps with a time after it.
        let rest_is_time = words[1..].iter().all(|w| date_word(w));
        return (d.day.is_some() && rest_is_time)
            .then(|| iso_date(line))
            .flatten();
    }
    if !words.iter().all(|w| date_word(w)) {
        return None;
    }
    iso_date(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_dates() {
        for (s, want) in [
            ("March 5, 2024 Tuesday", "2024-03-05"),
            ("March 5, 2024 Tuesday 10:30 AM GMT", "2024-03-05"),
            ("Tuesday, March 5, 2024", "2024-03-05"),
            ("5 March 2024", "2024-03-05"),
            ("05 Mar 2024", "2024-03-05"),
            ("Sept. 30, 2023", "2023-09-30"),
            ("2024-03-05T09:30:00Z", "2024-03-05"),
            ("Load-Date: March 6, 2024", "2024-03-06"),
        ] {
            assert_eq!(iso_date(s).as_deref(), Some(want), "{s}");
        }
        for s in [
            "The Guardian",
            "May the best win",
            "February 30, 2024",
            "Length: 523 words",
            "2024",
        ] {
            assert_eq!(iso_date(s), None, "{s}");
        }
    }

    #[test]
    fn dates_without_a_day() {
        for (s, want) in [
            ("March 2012", Some("2012-03")),
            ("Sept. 2012", Some("2012-09")),
            ("Spring 2012", Some("2012")),
            ("March/April 2012", Some("2012")),
            ("Winter 2011/2012", None),
        ] {
            assert_eq!(dayless_date(s), Some(want.map(String::from)), "{s}");
        }
        for s in [
            "The Guardian",
            "March 5, 2012",
            "2012",
            "Spring",
            "May the best win 2012",
            "Fall in prices 2012",
        ] {
            assert_eq!(dayless_date(s), None, "{s}");
        }
    }

    /// A line under a headline that is a date and nothing else.
    #[test]
    fn a_date_line_is_a_date_and_nothing_else() {
        for (s, want) in [
            ("Tuesday 7 February 2017", "2017-02-07"),
            ("6 February 2017", "2017-02-06"),
            ("Tue 7 Feb 2017 14.05 GMT", "2017-02-07"),
            ("Last modified on Tue 7 Feb 2017 15.00 GMT", "2017-02-07"),
            ("Published February 7, 2017", "2017-02-07"),
            ("February 7th, 2017 | 10:30am", "2017-02-07"),
            ("Tuesday, February 7, 2017 10:30 a.m. EST", "2017-02-07"),
            ("2017-02-07", "2017-02-07"),
            ("2017-02-07 14:05", "2017-02-07"),
        ] {
            assert_eq!(date_line(s).as_deref(), Some(want), "{s}");
        }
        for s in [
            "Source: The Independent, 26 February 2017",
            "By Jane Smith, 7 February 2017",
            "On 7 February 2017 the Senate voted.",
            "February 2017",
            "2017",
            "Tuesday",
            "7 February",
            "31 February 2017",
            "2017-02-07 Senate vote",
            "",
        ] {
            assert_eq!(date_line(s), None, "{s}");
        }
    }
}
