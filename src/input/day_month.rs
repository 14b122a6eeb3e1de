//! Numeric dates with the year last, as spreadsheets and many national
//! conventions write them ("05/03/2024", "3/5/2024 10:30", "5.3.2024"), and
//! which of day and month comes first in them.
//!
//! "3/5/2024" is 3 May in most of the world and 5 March in the United
//! States, so the order is never guessed from habit: a date with a number
//! above 12 in one place settles it for itself ("13/5/2024" is day first), a
//! column of dates settles it when its dates that decide all agree
//! ([`column_order`]), and dots are day first (no country writes month
//! first with dots). A date that nothing settles is not read, and the
//! message says why and how to write it.

/// Which number comes first in a numeric date with the year last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayMonth {
    /// "13/5/2024": day, month, year.
    DayFirst,
    /// "5/13/2024": month, day, year.
    MonthFirst,
}

/// The two leading numbers, the four-digit year and the separator of a
/// year-last date ("05/03/2024" -> (5, 3, 2024, '/')); a time may follow
/// after white space.
fn numbers(s: &str) -> Option<(u32, u32, i64, char)> {
    let date = s.split_whitespace().next()?;
    let sep = date.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
    let parts: Vec<&str> = date.split(sep).collect();
    let [a, b, y] = parts[..] else {
        return None;
    };
    let small = |p: &str| (1..=2).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_digit());
    if !small(a) || !small(b) || y.len() != 4 || !y.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((a.parse().ok()?, b.parse().ok()?, y.parse().ok()?, sep))
}

/// The order a single year-last date settles by itself: a number above 12
/// can only be the day; dots are day first.
fn own_order(a: u32, b: u32, sep: char) -> Option<DayMonth> {
    match (a > 12, b > 12) {
        // Neither can be the month: the calendar check refuses the date.
        (true, _) => Some(DayMonth::DayFirst),
        (false, true) => Some(DayMonth::MonthFirst),
        _ if sep == '.' => Some(DayMonth::DayFirst),
        _ => None,
    }
}

/// The order a column's year-last dates settle: the one order that every
/// date deciding for itself agrees on. `None` when none decides, or when
/// they disagree (a column that mixes the two orders cannot be read by one).
pub fn column_order<'a>(values: impl IntoIterator<Item = &'a str>) -> Option<DayMonth> {
    let mut found = None;
    for v in values {
        let Some((a, b, _, sep)) = numbers(v) else {
            continue;
        };
        if let Some(o) = own_order(a, b, sep) {
            if found.is_some_and(|f| f != o) {
                return None;
            }
            found = Some(o);
        }
    }
    found
}

/// A year-last date as ISO ("2024-03-05"), in `order` when its own numbers
/// do not settle it: `None` when `s` is no such date, `Some(Err(why))` when
/// it is one but cannot be read (no order settles it, or the calendar has
/// no such day).
pub fn year_last(s: &str, order: Option<DayMonth>) -> Option<Result<String, String>> {
    let (a, b, year, sep) = numbers(s)?;
    let Some(order) = own_order(a, b, sep).or(order) else {
        return Some(Err(format!(
            "it could be day {a} of month {b} or month {a}, day {b}, and no date beside it has a \
             number above 12 to tell which"
        )));
    };
    let (day, month) = match order {
        DayMonth::DayFirst => (a, b),
        DayMonth::MonthFirst => (b, a),
    };
    let iso = format!("{year:04}-{month:02}-{day:02}");
    Some(match crate::model::dates::parse_date(&iso) {
        Some(_) => Ok(iso),
        None => Err("the calendar has no such day".into()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_with_a_number_above_12_settles_its_own_order() {
        assert_eq!(year_last("13/5/2024", None), Some(Ok("2024-05-13".into())));
        assert_eq!(year_last("5/13/2024", None), Some(Ok("2024-05-13".into())));
        assert_eq!(
            year_last("05/31/2024 10:30 AM", None),
            Some(Ok("2024-05-31".into()))
        );
        // The date's own numbers beat the column's order.
        assert_eq!(
            year_last("13/5/2024", Some(DayMonth::MonthFirst)),
            Some(Ok("2024-05-13".into()))
        );
    }

    #[test]
    fn dots_are_day_first() {
        assert_eq!(year_last("5.3.2024", None), Some(Ok("2024-03-05".into())));
    }

    #[test]
    fn an_ambiguous_date_needs_an_order() {
        let why = year_last("3/5/2024", None).unwrap().unwrap_err();
        assert!(
            why.contains("could be day 3 of month 5 or month 3, day 5"),
            "{why}"
        );
        assert_eq!(
            year_last("3/5/2024", Some(DayMonth::DayFirst)),
            Some(Ok("2024-05-03".into()))
        );
        assert_eq!(
            year_last("3/5/2024", Some(DayMonth::MonthFirst)),
            Some(Ok("2024-03-05".into()))
        );
    }

    #[test]
    fn impossible_days_and_other_shapes() {
        assert_eq!(
            year_last("31/2/2024", None),
            Some(Err("the calendar has no such day".into()))
        );
        assert_eq!(
            year_last("13/13/2024", None),
            Some(Err("the calendar has no such day".into()))
        );
        assert_eq!(year_last("2024-03-05", None), None);
        assert_eq!(year_last("3/5/24", None), None);
        assert_eq!(year_last("3/5", None), None);
        assert_eq!(year_last("5 March 2024", None), None);
        assert_eq!(year_last("3/5-2024", None), None);
    }

    #[test]
    fn a_column_is_settled_by_the_dates_that_decide() {
        let us = ["3/5/2024", "3/17/2024", "4/1/2024"];
        assert_eq!(column_order(us), Some(DayMonth::MonthFirst));
        let uk = ["03/05/2024", "17/03/2024"];
        assert_eq!(column_order(uk), Some(DayMonth::DayFirst));
        assert_eq!(column_order(["3/5/2024", "4/1/2024"]), None);
        // Two orders in one column: none is taken.
        assert_eq!(column_order(["17/3/2024", "3/17/2024"]), None);
        assert_eq!(column_order(["2024-03-05", "soon"]), None);
    }
}
