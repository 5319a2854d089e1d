//! Holidays whose date is the same wherever English-language news is written: Christmas, New
//! Year, Easter (Western computus), Good Friday, Halloween, Valentine's Day, and (the one
//! country-specific exception, since wire copy names it as a date) US Thanksgiving. Holidays that
//! differ by country ("Independence Day", "Election Day", "Labour Day") are left alone.

use chrono::{Datelike, NaiveDate, Weekday};

use super::resolve::{day, shift_days, When};
use super::scan::{year_of, Found};
use super::tense::future_before;
use super::tokens::Toks;

/// Prepositions and modifiers that make a bare holiday name a time ("at Christmas", "before
/// Easter", "last Thanksgiving").
const HOLIDAY_CUES: [&str; 13] =
    ["on", "at", "before", "after", "since", "by", "until", "over", "for", "around", "last", "next", "this"];

/// Easter Sunday of year `y` (Gregorian, anonymous computus).
fn easter(y: i32) -> Option<NaiveDate> {
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let dd = (h + l - 7 * m + 114) % 31 + 1;
    day(y, u32::try_from(month).ok()?, u32::try_from(dd).ok()?)
}

/// The fourth Thursday of November.
fn thanksgiving(y: i32) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(y, 11, Weekday::Thu, 4)
}

/// Whether `w` is the first word of a holiday name [`holiday`] knows (as written, capitalised).
pub(super) fn may_open(w: &str) -> bool {
    matches!(w, "Christmas" | "New" | "Easter" | "Good" | "Thanksgiving" | "Halloween" | "Valentine")
}

/// A holiday at token `i` (with "last"/"next"/"this" before it in the span). Its names start
/// with the words of [`may_open`].
pub(super) fn holiday(t: &Toks, i: usize, r: Option<NaiveDate>) -> Option<Found> {
    if !t.capitalized(i) {
        return None;
    }
    let w = t.s(i);
    let possessive_day = |k: usize, name: &str| {
        (t.is_punct(k, "'") || t.is_punct(k, "\u{2019}")) && t.glued(k) && t.s(k + 1) == "s" && t.s(k + 2) == name
    };
    // (date in a given year, tokens after, needs a cue before, is a week)
    type Rule = (fn(i32) -> Option<NaiveDate>, usize, bool, bool);
    let rule: Rule = match w {
        "Christmas" if t.s(i + 1) == "Day" => (|y| day(y, 12, 25), i + 2, false, false),
        "Christmas" if t.s(i + 1) == "Eve" => (|y| day(y, 12, 24), i + 2, false, false),
        "Christmas" => (|y| day(y, 12, 25), i + 1, true, false),
        "New" if t.s(i + 1) == "Year" && possessive_day(i + 2, "Day") => (|y| day(y, 1, 1), i + 5, false, false),
        "New" if t.s(i + 1) == "Year" && possessive_day(i + 2, "Eve") => (|y| day(y, 12, 31), i + 5, false, false),
        "Easter" if t.s(i + 1) == "Sunday" => (easter, i + 2, false, false),
        "Easter" if t.s(i + 1) == "Monday" => (|y| shift_days(easter(y)?, 1), i + 2, false, false),
        "Easter" if t.is(i + 1, "week") => (easter, i + 2, false, true),
        "Easter" => (easter, i + 1, true, false),
        "Good" if t.s(i + 1) == "Friday" => (|y| shift_days(easter(y)?, -2), i + 2, false, false),
        "Thanksgiving" if t.s(i + 1) == "Day" => (thanksgiving, i + 2, false, false),
        "Thanksgiving" => (thanksgiving, i + 1, true, false),
        "Halloween" => (|y| day(y, 10, 31), i + 1, true, false),
        "Valentine" if possessive_day(i + 1, "Day") => (|y| day(y, 2, 14), i + 4, false, false),
        _ => return None,
    };
    let (date_in, next, needs_cue, week) = rule;
    let p = i.checked_sub(1);
    let cue = p.and_then(|p| HOLIDAY_CUES.iter().find(|c| t.is(p, c)).copied());
    if needs_cue && (cue.is_none() || t.capitalized(next)) {
        return None;
    }
    let r = r?;
    let this_year = date_in(r.year())?;
    let d = match cue {
        Some("last") => {
            if this_year < r {
                this_year
            } else {
                date_in(r.year() - 1)?
            }
        }
        Some("next") => {
            if this_year > r {
                this_year
            } else {
                date_in(r.year() + 1)?
            }
        }
        Some("this") => this_year,
        _ => {
            // The month-name rule: a holiday well after the article's month is last year's,
            // unless the clause is in the future tense.
            let y = year_of(t, i, r, this_year.month());
            let d = date_in(y)?;
            if future_before(t, i) && d < r {
                date_in(y + 1)?
            } else {
                d
            }
        }
    };
    let start = match (p, cue) {
        (Some(p), Some("last" | "next" | "this")) => t.start(p),
        _ => t.start(i),
    };
    let when = if week { When::Week(d) } else { When::Day(d) };
    Some((next, start, when))
}

#[cfg(test)]
mod tests {
    use super::super::found_at;
    use super::*;

    #[test]
    fn computus() {
        assert_eq!(easter(2000), NaiveDate::from_ymd_opt(2000, 4, 23));
        assert_eq!(easter(2019), NaiveDate::from_ymd_opt(2019, 4, 21));
        assert_eq!(easter(1998), NaiveDate::from_ymd_opt(1998, 4, 12));
    }

    #[test]
    fn holidays_resolve() {
        let got = found_at("The boy was rescued on Thanksgiving Day off the coast.", "2000-01-07");
        assert_eq!(got, [("Thanksgiving Day".to_string(), "1999-11-25".to_string())]);
        let got = found_at("Pilgrims arrived for Easter week.", "2000-04-17");
        assert_eq!(got, [("Easter week".to_string(), "2000-W16".to_string())]);
        let got = found_at("They have not met since last Thanksgiving.", "2000-02-10");
        assert_eq!(got, [("last Thanksgiving".to_string(), "1999-11-25".to_string())]);
        let got = found_at("Shops will close on Christmas Day.", "2019-09-18");
        assert_eq!(got, [("Christmas Day".to_string(), "2019-12-25".to_string())]);
        let got = found_at("Fireworks lit up the sky on New Year's Eve.", "2020-01-02");
        assert_eq!(got, [("New Year's Eve".to_string(), "2019-12-31".to_string())]);
    }

    #[test]
    fn names_are_not_holidays() {
        for text in ["Christmas Island is remote.", "the Easter Rising", "Christmas trees sold well"] {
            assert!(found_at(text, "2019-09-18").is_empty(), "{text}");
        }
    }
}
