//! Calendar arithmetic against the article's date, and ISO 8601 output at a given precision.

use chrono::{Datelike, Duration, NaiveDate};

/// A resolved time at the precision the text gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum When {
    Day(NaiveDate),
    /// A day and a time of day on it, to the minute ("9 a.m. Tuesday"), local to the text.
    DayTime(NaiveDate, u32, u32),
    Month(i32, u32),
    Year(i32),
    /// A decade, by its first three digits ("the 1990s" → 199).
    Decade(i32),
    /// An ISO week, by a day inside it.
    Week(NaiveDate),
    /// The weekend of the ISO week of this day.
    Weekend(NaiveDate),
    Quarter(i32, u32),
    /// A half year, 1 or 2 ("the second half of 1989" → 1989-H2).
    Half(i32, u32),
    /// A season by TimeML code (SP, SU, FA, WI).
    Season(i32, &'static str),
}

impl When {
    /// ISO 8601 (with the TimeML extensions for decades, weekends and quarters).
    pub fn iso(self) -> String {
        match self {
            When::Day(d) => d.format("%Y-%m-%d").to_string(),
            When::DayTime(d, h, m) => format!("{}T{h:02}:{m:02}", d.format("%Y-%m-%d")),
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
            When::Half(y, h) => format!("{y:04}-H{h}"),
            When::Season(y, s) => format!("{y:04}-{s}"),
        }
    }
}

/// The unit of a counted time span ("two days", "a year").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Month,
    Year,
}

impl Unit {
    /// "day", "days", "weeks", "decade" (ten years: the count is multiplied by the caller).
    pub fn parse(word: &str) -> Option<(Unit, i64)> {
        let w = word.to_ascii_lowercase();
        Some(match w.trim_end_matches('s') {
            "day" => (Unit::Day, 1),
            "week" => (Unit::Week, 1),
            "month" => (Unit::Month, 1),
            "year" => (Unit::Year, 1),
            "decade" => (Unit::Year, 10),
            _ => return None,
        })
    }
}

impl When {
    /// The calendar year the value lies in (a week by its Thursday's year, a decade has none).
    pub fn year(self) -> Option<i32> {
        match self {
            When::Day(d) | When::DayTime(d, ..) => Some(d.year()),
            When::Week(d) | When::Weekend(d) => Some(d.iso_week().year()),
            When::Month(y, _) | When::Year(y) | When::Quarter(y, _) | When::Half(y, _) | When::Season(y, _) => Some(y),
            When::Decade(_) => None,
        }
    }

    /// The same kind of value moved by `n` units ("a year earlier" than a quarter is the quarter a year
    /// before). A move finer than the value's precision is refused (days from a month), and a move
    /// by months from a day keeps the month only: the text gives no day.
    pub fn shift(self, unit: Unit, n: i64) -> Option<When> {
        let n32 = i32::try_from(n).ok()?;
        Some(match (unit, self) {
            (Unit::Year, When::Day(d)) => When::Day(day(d.year().checked_add(n32)?, d.month(), d.day())?),
            (Unit::Year, When::Month(y, m)) => When::Month(y.checked_add(n32)?, m),
            (Unit::Year, When::Quarter(y, q)) => When::Quarter(y.checked_add(n32)?, q),
            (Unit::Year, When::Half(y, h)) => When::Half(y.checked_add(n32)?, h),
            (Unit::Year, When::Season(y, s)) => When::Season(y.checked_add(n32)?, s),
            (Unit::Year, w) => When::Year(w.year()?.checked_add(n32)?),
            (Unit::Month, When::Day(d)) => {
                let (y, m) = add_months(d.year(), d.month(), n32);
                When::Month(y, m)
            }
            (Unit::Month, When::Month(y, m)) => {
                let (y, m) = add_months(y, m, n32);
                When::Month(y, m)
            }
            (Unit::Week, When::Day(d)) => When::Day(shift_days(d, n.checked_mul(7)?)?),
            (Unit::Week, When::Week(d)) => When::Week(shift_days(d, n.checked_mul(7)?)?),
            (Unit::Day, When::Day(d)) => When::Day(shift_days(d, n)?),
            _ => return None,
        })
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
        assert_eq!(When::Half(1989, 2).iso(), "1989-H2");
    }

    #[test]
    fn shifts_keep_precision() {
        assert_eq!(When::Quarter(1989, 3).shift(Unit::Year, -1), Some(When::Quarter(1988, 3)));
        assert_eq!(When::Day(d("1989-08-12")).shift(Unit::Year, -1), Some(When::Day(d("1988-08-12"))));
        assert_eq!(When::Day(d("2020-02-29")).shift(Unit::Year, 1), None);
        assert_eq!(When::Day(d("2009-01-31")).shift(Unit::Month, 1), Some(When::Month(2009, 2)));
        assert_eq!(When::Month(2009, 1).shift(Unit::Day, 1), None);
        assert_eq!(When::Week(d("2019-09-18")).shift(Unit::Year, 1), Some(When::Year(2020)));
    }
}
