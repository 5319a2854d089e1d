//! Calendar vocabulary shared by the stages that read dates: month and weekday names, day
//! ordinals (`18th`), years, day-month phrases, and the rule that gives a year to a date
//! written without one.
//!
//! Everything here is ASCII case-insensitive and allocation-free, so the dateline parser and the
//! time-expression resolver can call it on every candidate token.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// Month names and the abbreviations newsrooms use (`Sept`, `Sep`), lowercase, with the month
/// number. A trailing `.` is stripped before lookup.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Weekday names and abbreviations, lowercase.
const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("mon", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("tue", Weekday::Tue),
    ("tues", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("wed", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("thu", Weekday::Thu),
    ("thur", Weekday::Thu),
    ("thurs", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("fri", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sat", Weekday::Sat),
    ("sunday", Weekday::Sun),
    ("sun", Weekday::Sun),
];

/// The month number (1-12) of a month name or abbreviation (`September`, `SEPT.`, `jul`).
pub(crate) fn month_from_name(word: &str) -> Option<u32> {
    let w = word.strip_suffix('.').unwrap_or(word);
    MONTHS.iter().find(|(name, _)| name.eq_ignore_ascii_case(w)).map(|&(_, m)| m)
}

/// The weekday of a weekday name or abbreviation (`Monday`, `Tues.`).
pub(crate) fn weekday_from_name(word: &str) -> Option<Weekday> {
    let w = word.strip_suffix('.').unwrap_or(word);
    WEEKDAYS.iter().find(|(name, _)| name.eq_ignore_ascii_case(w)).map(|&(_, d)| d)
}

/// A day of the month, plain (`18`, `02`) or ordinal (`18th`, `2nd`, `21st`, `3rd`), 1-31. The
/// ordinal suffix must be the right one for the number, so `2th` is not a day.
pub(crate) fn day_from_word(word: &str) -> Option<u32> {
    let digits_end = word.bytes().position(|b| !b.is_ascii_digit()).unwrap_or(word.len());
    if digits_end == 0 || digits_end > 2 {
        return None;
    }
    let day: u32 = word.get(..digits_end)?.parse().ok()?;
    if !(1..=31).contains(&day) {
        return None;
    }
    let suffix = word.get(digits_end..)?;
    if suffix.is_empty() {
        return Some(day);
    }
    let expected = match (day % 10, day % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    suffix.eq_ignore_ascii_case(expected).then_some(day)
}

/// A four-digit year between 1800 and 2199 (news dates; anything else is more likely a number).
pub(crate) fn year_from_word(word: &str) -> Option<i32> {
    if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = word.parse().ok()?;
    (1800..2200).contains(&y).then_some(y)
}

/// The `YYYY-MM-DD` date at the start of an ISO 8601 string (`2019-09-18`, `2019-09-18T10:00Z`).
pub(crate) fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

/// A calendar date as written: the year may be missing (`Feb 26`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct MonthDay {
    /// The year, when the text gives one.
    pub year: Option<i32>,
    /// 1-12.
    pub month: u32,
    /// 1-31 (not yet checked against the month).
    pub day: u32,
}

impl MonthDay {
    /// The date, with the year from [`resolve_year`] when the text gave none. `None` when the
    /// year is unknown or the day does not exist (`Feb 30`).
    pub(crate) fn resolve(self, reference: Option<NaiveDate>) -> Option<NaiveDate> {
        match self.year {
            Some(y) => NaiveDate::from_ymd_opt(y, self.month, self.day),
            None => resolve_year(self.month, self.day, reference?),
        }
    }
}

/// A date phrase as written: a calendar date or a bare weekday (`LONDON, Tuesday (Reuters)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DatePhrase {
    /// `Feb 26`, `18th September, 2019`.
    Date(MonthDay),
    /// `Tuesday`.
    Weekday(Weekday),
}

impl DatePhrase {
    /// The date this phrase names, relative to `reference` where it needs one. A weekday is the
    /// latest such day on or before the reference (a dateline is not dated in the future).
    pub(crate) fn resolve(self, reference: Option<NaiveDate>) -> Option<NaiveDate> {
        match self {
            DatePhrase::Date(md) => md.resolve(reference),
            DatePhrase::Weekday(wd) => {
                let r = reference?;
                let back = (7 + r.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
                r.checked_sub_signed(Duration::days(i64::from(back)))
            }
        }
    }

    /// Whether the phrase gives its own year.
    pub(crate) fn has_year(self) -> bool {
        matches!(self, DatePhrase::Date(MonthDay { year: Some(_), .. }))
    }
}

/// How many months after the reference month a month written without a year may fall and
/// still be this year's: news reports on the past, so "December" read in August is last
/// December, while "October" read in August may be an announced date.
pub(crate) const MONTHS_AHEAD_THIS_YEAR: i32 = 2;

/// How many months before the reference month a month written without a year may fall and
/// still be this year's: "January" read in late December is next January.
pub(crate) const MONTHS_BEHIND_THIS_YEAR: i32 = 10;

/// The one rule for the year of a month written without one, when the text gives no tense to
/// lean on: the reference's year, the year before when the month is more than
/// [`MONTHS_AHEAD_THIS_YEAR`] ahead of the reference's, the year after when it is more than
/// [`MONTHS_BEHIND_THIS_YEAR`] behind. Datelines and times both use it, so "GENEVA, Dec 5" and
/// "on December 5" get the same year from the same reference.
pub(crate) fn year_for_month(month: u32, reference: NaiveDate) -> i32 {
    let diff = month as i32 - reference.month() as i32;
    if diff > MONTHS_AHEAD_THIS_YEAR {
        reference.year() - 1
    } else if diff < -MONTHS_BEHIND_THIS_YEAR {
        reference.year() + 1
    } else {
        reference.year()
    }
}

/// Gives a year to a month and day written without one, by [`year_for_month`].
pub(crate) fn resolve_year(month: u32, day: u32, reference: NaiveDate) -> Option<NaiveDate> {
    let y = year_for_month(month, reference);
    match NaiveDate::from_ymd_opt(y, month, day) {
        Some(d) => Some(d),
        // Feb 29 in a non-leap year: the previous leap year is the only reading.
        None if month == 2 && day == 29 => NaiveDate::from_ymd_opt(y - 1, 2, 29)
            .or_else(|| NaiveDate::from_ymd_opt(y - 2, 2, 29))
            .or_else(|| NaiveDate::from_ymd_opt(y - 3, 2, 29)),
        None => None,
    }
}

/// Reads the date phrase that starts `s`, returning it with the number of bytes it covers
/// (trailing spaces and punctuation not included). Accepted: `Feb 26`, `March 3`, `Sept. 18,
/// 2019`, `18 September`, `18th September, 2019`, `2nd Jul, 2021`, `Tuesday`, `Tuesday, March
/// 3`. The phrase must end at a word boundary.
pub(crate) fn parse_date_phrase(s: &str) -> Option<(DatePhrase, usize)> {
    date_phrase(s, month_from_name)
}

/// [`parse_date_phrase`] that also reads a misspelt month (see [`month_misspelt`]), for the
/// dateline, where the place before and the punctuation around vouch for a date.
pub(crate) fn parse_date_phrase_lenient(s: &str) -> Option<(DatePhrase, usize)> {
    date_phrase(s, |w| month_from_name(w).or_else(|| month_misspelt(w)))
}

/// A month name cut short, or with one letter too many or too few: `Marc`, `Septem`, `Junee`,
/// `Aprill`, `Septmber`.
/// Only full names are read this way, so a cut name has at least four letters.
pub(crate) fn month_misspelt(word: &str) -> Option<u32> {
    const FULL: [&str; 12] = [
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
    let w = word.strip_suffix('.').unwrap_or(word).to_ascii_lowercase();
    if w.len() < 4 || !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let hit = |f: &&str| {
        // A prefix of the name, or the name with one letter doubled or added at the end.
        (f.starts_with(w.as_str()) && w.len() < f.len())
            || (w.len() == f.len() + 1 && w.starts_with(*f))
            || (w.len() == f.len() + 1 && (0..w.len()).any(|i| w[..i] == f[..i] && w[i + 1..] == f[i..]))
            || (w.len() + 1 == f.len()
                && w.len() >= 5
                && (0..w.len()).any(|i| w[..i] == f[..i] && w[i..] == f[i + 1..]))
    };
    FULL.iter().position(hit).map(|i| i as u32 + 1)
}

fn date_phrase(s: &str, month: impl Fn(&str) -> Option<u32> + Copy) -> Option<(DatePhrase, usize)> {
    let mut words = Words::new(s);
    let first = words.next()?;
    if let Some(wd) = weekday_from_name(first.text) {
        // `Tuesday, March 3`: the calendar date wins when one follows.
        let rest_start = first.end + skip_separators(&s[first.end..], true);
        if rest_start > first.end {
            if let Some((DatePhrase::Date(md), len)) = date_phrase(&s[rest_start..], month) {
                return Some((DatePhrase::Date(md), rest_start + len));
            }
        }
        return Some((DatePhrase::Weekday(wd), first.end));
    }
    let second = words.next();
    let (month, day, end) = if let Some(month) = month(first.text) {
        let w = second?;
        // `June 21.`: a full stop after the day is not part of the date.
        let day_text = w.text.trim_end_matches('.');
        (month, day_from_word(day_text)?, w.end - (w.text.len() - day_text.len()))
    } else if let Some(day) = day_from_word(first.text) {
        let w = second?;
        (month(w.text)?, day, w.end)
    } else {
        return None;
    };
    // An optional year, after a space or a comma: `Feb 26, 1987`, `18 September 2019`.
    let gap = skip_separators(&s[end..], true);
    let mut year = None;
    let mut end = end;
    if gap > 0 {
        let rest = &s[end + gap..];
        let len = rest.bytes().position(|b| !b.is_ascii_digit()).unwrap_or(rest.len());
        if let Some(y) = rest.get(..len).and_then(year_from_word) {
            if !rest[len..].starts_with(|c: char| c.is_alphanumeric()) {
                year = Some(y);
                end += gap + len;
            }
        }
    }
    Some((DatePhrase::Date(MonthDay { year, month, day }), end))
}

/// Bytes of spaces (and at most one comma, when `comma`) at the start of `s`.
fn skip_separators(s: &str, comma: bool) -> usize {
    let mut seen_comma = false;
    let mut n = 0;
    for b in s.bytes() {
        match b {
            b' ' | b'\t' => n += 1,
            b',' if comma && !seen_comma => {
                seen_comma = true;
                n += 1
            }
            _ => break,
        }
    }
    n
}

/// A word of a date phrase and where it ends in the input.
struct Word<'a> {
    text: &'a str,
    end: usize,
}

/// Splits a date phrase into words: runs of letters, digits and `.`, separated by spaces or
/// one comma. Stops at anything else, so `Feb 26 - text` gives `Feb`, `26`.
struct Words<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Words<'a> {
    fn new(s: &'a str) -> Self {
        Words { s, pos: 0 }
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = Word<'a>;
    fn next(&mut self) -> Option<Word<'a>> {
        let rest = self.s.get(self.pos..)?;
        let skip = if self.pos == 0 { 0 } else { skip_separators(rest, false) };
        if self.pos > 0 && skip == 0 {
            return None;
        }
        let start = self.pos + skip;
        let body = self.s.get(start..)?;
        let len =
            body.char_indices().find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '.')).map_or(body.len(), |(i, _)| i);
        if len == 0 {
            return None;
        }
        self.pos = start + len;
        Some(Word { text: &body[..len], end: self.pos })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn names() {
        assert_eq!(month_from_name("SEPT."), Some(9));
        assert_eq!(month_from_name("Jul"), Some(7));
        assert_eq!(month_from_name("Mayo"), None);
        assert_eq!(month_misspelt("Marc"), Some(3));
        assert_eq!(month_misspelt("Junee"), Some(6));
        assert_eq!(month_misspelt("Aprill"), Some(4));
        assert_eq!(month_misspelt("Septmber"), Some(9));
        assert_eq!(month_misspelt("Mayo"), Some(5));
        assert_eq!(month_misspelt("Mar"), None);
        assert_eq!(month_misspelt("Marching"), None);
        assert_eq!(weekday_from_name("tues."), Some(Weekday::Tue));
    }

    #[test]
    fn ordinals() {
        assert_eq!(day_from_word("18th"), Some(18));
        assert_eq!(day_from_word("2nd"), Some(2));
        assert_eq!(day_from_word("21ST"), Some(21));
        assert_eq!(day_from_word("11th"), Some(11));
        assert_eq!(day_from_word("2th"), None);
        assert_eq!(day_from_word("32"), None);
        assert_eq!(day_from_word("0"), None);
        assert_eq!(day_from_word("123"), None);
    }

    #[test]
    fn phrases() {
        fn p(s: &str) -> Option<(DatePhrase, &str)> {
            parse_date_phrase(s).map(|(p, n)| (p, &s[..n]))
        }
        assert_eq!(
            p("18th September, 2019) The"),
            Some((DatePhrase::Date(MonthDay { year: Some(2019), month: 9, day: 18 }), "18th September, 2019"))
        );
        assert_eq!(
            p("Feb 26 - Showers"),
            Some((DatePhrase::Date(MonthDay { year: None, month: 2, day: 26 }), "Feb 26"))
        );
        assert_eq!(
            p("Sept. 18, 2019 (AP)"),
            Some((DatePhrase::Date(MonthDay { year: Some(2019), month: 9, day: 18 }), "Sept. 18, 2019"))
        );
        assert_eq!(
            p("Feb 26, 150 tonnes"),
            Some((DatePhrase::Date(MonthDay { year: None, month: 2, day: 26 }), "Feb 26"))
        );
        assert_eq!(p("Tuesday (Reuters)").map(|x| x.1), Some("Tuesday"));
        assert_eq!(p("Tuesday, March 3 -").map(|x| x.1), Some("Tuesday, March 3"));
        assert_eq!(p("March madness"), None);
        assert_eq!(p(""), None);
    }

    #[test]
    fn year_rule() {
        assert_eq!(resolve_year(2, 26, d(2022, 2, 26)), Some(d(2022, 2, 26)));
        assert_eq!(resolve_year(12, 30, d(2020, 1, 2)), Some(d(2019, 12, 30)));
        // Late December's "Jan 2" is next January; August's "Dec 5" is last December.
        assert_eq!(resolve_year(1, 2, d(2019, 12, 30)), Some(d(2020, 1, 2)));
        assert_eq!(resolve_year(12, 5, d(2023, 8, 1)), Some(d(2022, 12, 5)));
        assert_eq!(resolve_year(10, 5, d(2023, 8, 1)), Some(d(2023, 10, 5)));
        assert_eq!(resolve_year(2, 29, d(2021, 3, 1)), Some(d(2020, 2, 29)));
        assert_eq!(resolve_year(2, 30, d(2021, 3, 1)), None);
    }

    #[test]
    fn weekday_resolution() {
        // 2019-09-18 was a Wednesday.
        let r = Some(d(2019, 9, 18));
        assert_eq!(DatePhrase::Weekday(Weekday::Wed).resolve(r), Some(d(2019, 9, 18)));
        assert_eq!(DatePhrase::Weekday(Weekday::Mon).resolve(r), Some(d(2019, 9, 16)));
        assert_eq!(DatePhrase::Weekday(Weekday::Thu).resolve(r), Some(d(2019, 9, 12)));
    }
}
