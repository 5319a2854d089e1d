//! Calendar arithmetic against the article's date, and ISO 8601 output at a given precision.

use chrono::{Datelike, Duration, NaiveDate};

/// A resolved time at the precision the text gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum When {
    Day(NaiveDate),
    Month(i32, u32),
    Year(i32),
    /// A decade, by its first three digits ("the 1990s" → 199).
    Decade(i32),
    /// An ISO week, by a day inside it.
    Week(NaiveDate),
    /// The weekend of the ISO week of this day.
    Weekend(NaiveDate),
    Quarter(i32, u32),
    /// A season by TimeML code (SP, SU, FA, WI).
    Season(i32, &'static str),
}

impl When {
    /// ISO 8601 (with the TimeML extensions for decades, weekends and quarters).
    pub fn iso(self) -> String {
        match self {
            When::Day(d) => d.format("%Y-%m-%d").to_string(),
            When::Month(y, m) => format!("{y:04}-{m:02}"),
            When::Year(y) => format!("{y:04}"),
            When::Decade(d) => format!("{d:03}"),
            When::Week(d) => {
                let w = d.iso_week();
                format!("{:04}-W{:02}", w.year(), w.week())
            }
            When::Weekend(d) => {
                let w = d.iso_week();
                format!("{:04}-W{:02}-WE", w.year(), w.week())
            }
            When::Quarter(y, q) => format!("{y:04}-Q{q}"),
            When::Season(y, s) => format!("{y:04}-{s}"),
        }
    }
}

/// Month arithmetic: (year, month) moved by `delta` months.
pub(crate) fn add_months(y: i32, m: u32, delta: i32) -> (i32, u32) {
    let idx = y * 12 + m as i32 - 1 + delta;
    (idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1)
}

/// Days since Monday, 0–6.
fn wd(d: NaiveDate) -> i64 {
    i64::from(d.weekday().num_days_from_monday())
}

/// Which occurrence of a weekday a text means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    /// Past-tense news: the most recent such day, the reference day included.
    OnOrBefore,
    /// "last Monday": strictly before.
    Before,
    /// Future tense: the next such day, the reference day included.
    OnOrAfter,
    /// "next Monday": strictly after.
    After,
}

/// The day with weekday `target` (0 = Monday) nearest `reference` in `dir`.
pub(crate) fn weekday_from(reference: NaiveDate, target: u32, dir: Direction) -> NaiveDate {
    let t = i64::from(target);
    let back = (wd(reference) - t).rem_euclid(7);
    let fwd = (t - wd(reference)).rem_euclid(7);
    let days = match dir {
        Direction::OnOrBefore => -back,
        Direction::Before => -(if back == 0 { 7 } else { back }),
        Direction::OnOrAfter => fwd,
        Direction::After => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
    };
    reference + Duration::days(days)
}

/// A calendar day if it exists.
pub(crate) fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Shifts a day by a signed number of days, `None` on overflow.
pub(crate) fn shift_days(d: NaiveDate, days: i64) -> Option<NaiveDate> {
    d.checked_add_signed(Duration::try_days(days)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn weekdays_resolve_in_both_directions() {
        let wed = d("2019-09-18");
        assert_eq!(weekday_from(wed, 0, Direction::OnOrBefore), d("2019-09-16"));
        assert_eq!(weekday_from(wed, 2, Direction::OnOrBefore), wed);
        assert_eq!(weekday_from(wed, 2, Direction::Before), d("2019-09-11"));
        assert_eq!(weekday_from(wed, 0, Direction::OnOrAfter), d("2019-09-23"));
        assert_eq!(weekday_from(wed, 2, Direction::After), d("2019-09-25"));
    }

    #[test]
    fn iso_output() {
        assert_eq!(When::Week(d("2019-09-11")).iso(), "2019-W37");
        assert_eq!(When::Month(2018, 12).iso(), "2018-12");
        assert_eq!(When::Decade(199).iso(), "199");
        assert_eq!(add_months(2019, 1, -1), (2018, 12));
    }
}
