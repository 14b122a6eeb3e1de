//! Dates as news databases and web pages write them ("March 5, 2024
//! Tuesday", "5 March 2024", "Tuesday, March 5, 2024 10:30 AM GMT",
//! "2024-03-05T09:30:00Z") turned into ISO 8601 (`2024-03-05`).

const MONTHS: &[&str] = &[
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
}
