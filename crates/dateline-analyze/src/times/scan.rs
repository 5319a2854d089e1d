//! The time-expression patterns, tried at each token.

use chrono::{Datelike, NaiveDate};

use super::holidays;
use super::lexicon::{month, ordinal_word, small_number, weekday};
use super::narrative::{self, Context};
use super::resolve::{add_months, day, shift_days, weekday_from, Direction, Unit, When};
use super::tense::{future_after_opening, future_before, past_governs};
use super::tokens::Toks;

/// One time expression: byte range and ISO value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub value: String,
}

/// A match: the token after it, its first byte, and what it means.
pub(super) type Found = (usize, usize, When);

/// Prepositions kept in the span of a bare year or month ("since 2014", "in December"): they are
/// the evidence that the number or name is a time.
pub(super) const SPAN_PREPS: [&str; 8] = ["in", "since", "by", "until", "till", "during", "before", "after"];

/// Words before a four-digit number that make it a year even without a preposition in the span.
const YEAR_CUES: [&str; 14] = [
    "from", "to", "through", "of", "the", "early", "late", "mid", "fiscal", "between", "and", "spring", "summer",
    "autumn",
];

/// Words before a number that make it a count or an identifier, not a year.
const NOT_YEAR_BEFORE: [&str; 28] = [
    "about",
    "some",
    "nearly",
    "almost",
    "around",
    "approximately",
    "roughly",
    "than",
    "over",
    "under",
    "estimated",
    "least",
    "most",
    "only",
    "no",
    "nos",
    "number",
    "article",
    "section",
    "resolution",
    "flight",
    "route",
    "highway",
    "room",
    "page",
    "pages",
    "chapter",
    "paragraph",
];

/// Counted nouns and units that, right after a four-digit number, make it an amount.
const UNITS: [&str; 30] = [
    "people",
    "persons",
    "troops",
    "soldiers",
    "men",
    "women",
    "children",
    "points",
    "percent",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "feet",
    "tonnes",
    "tons",
    "kg",
    "dollars",
    "euros",
    "pounds",
    "yen",
    "barrels",
    "units",
    "jobs",
    "workers",
    "employees",
    "households",
    "families",
];

/// Lowercase words ending in "s" that are not plural nouns.
const S_WORDS: [&str; 14] =
    ["was", "has", "is", "as", "its", "his", "this", "thus", "does", "goes", "says", "plus", "less", "across"];

/// Scans the tokens once, left to right.
pub(crate) fn scan(t: &Toks, reference: Option<NaiveDate>) -> Vec<Hit> {
    let mut out: Vec<Hit> = Vec::new();
    let mut cx = Context::default();
    let mut prev_month: Option<(When, usize)> = None;
    let mut i = 0;
    while i < t.len() {
        cx.comparison = false;
        match match_at(t, i, reference, &mut cx) {
            Some((next, start, when)) => {
                let end = t.end(next.saturating_sub(1));
                let mut next = next;
                let mut when = when;
                // "in January or February": a month joined to the month before shares its
                // year (the next one's when it comes earlier in the calendar).
                if let (When::Month(_, m), Some((When::Month(y0, m0), after))) = (when, prev_month) {
                    let joined = (after..i).all(|k| t.is(k, "or") || t.is(k, "and") || t.is_punct(k, ","));
                    if joined && i > after && i - after <= 2 && t.start(i) == start {
                        when = When::Month(if m >= m0 { y0 } else { y0 + 1 }, m);
                    }
                }
                prev_month = matches!(when, When::Month(..)).then_some((when, next));
                if out.last().is_none_or(|h| h.end <= start) && start < end {
                    out.push(Hit { start, end, value: when.iso() });
                    if !cx.comparison {
                        cx.anchor = Some((when, end));
                    }
                    // The second year of a range: "2009-2010", "1957-58".
                    if let When::Year(y) = when {
                        if let Some((y2, after)) = range_end_year(t, next, y) {
                            out.push(Hit {
                                start: t.start(next + 1),
                                end: t.end(next + 1),
                                value: When::Year(y2).iso(),
                            });
                            next = after;
                        }
                    }
                }
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// The year that closes a range after a year ending at token `k`: `-2010`, `–58` (glued dash,
/// then four digits, or two that make a later year in the same century).
fn range_end_year(t: &Toks, k: usize, y: i32) -> Option<(i32, usize)> {
    if !(t.is_punct(k, "-") || t.is_punct(k, "\u{2013}")) || !t.glued(k) || !t.glued(k + 1) {
        return None;
    }
    let (v, n) = t.int(k + 1)?;
    let y2 = match n {
        4 => v as i32,
        2 => y - y.rem_euclid(100) + v as i32,
        _ => return None,
    };
    if t.glued(k + 2) && (t.is_word(k + 2) || t.is_num(k + 2)) {
        return None;
    }
    (y2 > y && y2 - y <= 30).then_some((y2, k + 2))
}

fn match_at(t: &Toks, i: usize, r: Option<NaiveDate>, cx: &mut Context) -> Option<Found> {
    if t.is_word(i) {
        if !may_open(t, i) {
            return None;
        }
        weekday_led(t, i, r)
            .or_else(|| month_led(t, i, r))
            .or_else(|| narrative::financial(t, i, r, cx))
            .or_else(|| narrative::news_frames(t, i, r, cx))
            .or_else(|| around_day(t, i, r))
            .or_else(|| narrative::anchored(t, i, cx))
            .or_else(|| holidays::holiday(t, i, r))
            .or_else(|| relative(t, i, r, cx))
            .or_else(|| narrative::spelled_year(t, i, r))
    } else if t.is_num(i) {
        iso_date(t, i)
            .or_else(|| slash_date(t, i, r))
            .or_else(|| dotted_date(t, i, r))
            .or_else(|| elided_year(t, i, r))
            .or_else(|| narrative::day_list(t, i, cx))
            .or_else(|| time_of_day(t, i, r, narrative_day(t, i, cx)))
            .or_else(|| zone_time(t, i, r))
            .or_else(|| offset(t, i, r, cx))
            .or_else(|| quarter(t, i, r, cx))
            .or_else(|| day_month(t, i, r))
            .or_else(|| decade(t, i))
            .or_else(|| year(t, i))
    } else {
        None
    }
}

/// Whether the word at `i` can open a time expression: one of the first words the word-led
/// patterns of [`match_at`] test for, in any case, or a capitalised weekday, month or holiday
/// name. Most words are none of these, and this test spares them the whole chain of patterns.
fn may_open(t: &Toks, i: usize) -> bool {
    let w = t.s(i);
    may_open_any_case(w) || t.capitalized(i) && (weekday(w).is_some() || month(w).is_some() || holidays::may_open(w))
}

/// Whether a word in any case is one of the first words the word-led patterns of [`match_at`]
/// test for case-insensitively (as `Toks::is` does).
fn may_open_any_case(word: &str) -> bool {
    const LONGEST: usize = 9;
    if word.is_empty() || word.len() > LONGEST {
        return false;
    }
    let mut buf = [0u8; LONGEST];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    // Spoken numbers ("two days ago", "nineteen ninety-six").
    if small_number(word).is_some() {
        return true;
    }
    matches!(
        &*lower,
        // narrative::financial, news_frames, anchored, spelled_year
        b"the" | b"this" | b"last" | b"next" | b"year" | b"prior" | b"that" | b"later" | b"earlier"
        // relative: named days, "a week ago", quarters
        | b"today" | b"tonight" | b"yesterday" | b"tomorrow" | b"a" | b"an" | b"final" | b"past" | b"then"
        | b"first" | b"second" | b"third" | b"fourth"
    )
}

/// A four-digit year 1000–2100 at token `i`, not glued to letters, digits or symbols after it.
pub(super) fn year_value(t: &Toks, i: usize) -> Option<i32> {
    let (v, n) = t.int(i)?;
    if n != 4 || !(1000..=2100).contains(&v) {
        return None;
    }
    let next = i + 1;
    if t.glued(next) && (t.is_word(next) || t.is_num(next) || t.is_punct(next, "%")) {
        return None;
    }
    // "2058 GMT" is a time of day.
    if ZONES.contains(&t.s(next)) {
        return None;
    }
    Some(v as i32)
}

/// A day of the month (1–31, one or two digits) at `i`, with an optional glued ordinal suffix.
/// Returns the day and the next token.
fn day_number(t: &Toks, i: usize) -> Option<(u32, usize)> {
    let (v, n) = t.int(i)?;
    if n > 2 || !(1..=31).contains(&v) {
        return None;
    }
    let mut next = i + 1;
    if t.glued(next) && t.is_word(next) {
        let s = t.lower(next);
        if matches!(&*s, "st" | "nd" | "rd" | "th") {
            next += 1;
        } else {
            return None;
        }
    }
    // "5:30", "18.5" (not tokenised as one when followed by a letter) are not days.
    if t.glued(next) && (t.is_num(next) || (t.is_punct(next, ":") && t.is_num(next + 1))) {
        return None;
    }
    Some((v, next))
}

/// A month name at `i` that is capitalised, with the glued period of an abbreviation skipped.
/// Returns the month, whether it is an abbreviation, and the next token.
fn month_name(t: &Toks, i: usize) -> Option<(u32, bool, usize)> {
    if !t.capitalized(i) {
        return None;
    }
    let (m, abbr) = month(t.s(i))?;
    let mut next = i + 1;
    if abbr && t.glued(next) && t.is_punct(next, ".") {
        next += 1;
    }
    Some((m, abbr, next))
}

/// The start of a preposition right before token `i` that belongs in the span.
pub(super) fn prep_start(t: &Toks, i: usize) -> Option<usize> {
    let p = i.checked_sub(1)?;
    SPAN_PREPS.iter().any(|w| t.is(p, w)).then(|| t.start(p))
}

/// A day with month and optional year: the year from the text, else the one near the reference.
fn full_day(t: &Toks, i: usize, m: u32, d: u32, r: Option<NaiveDate>) -> Option<When> {
    let r = r?;
    // "the quarter ended Oct. 31" written on Oct. 27: a day a past verb governs is not ahead.
    if past_governs(t, i) && m == r.month() && d > r.day() {
        return day(r.year() - 1, m, d).map(When::Day);
    }
    day(year_of(t, i, r, m), m, d).map(When::Day)
}

/// The year of a month written without one at token `i`: a past verb puts it at or before the
/// reference month, a future one at or after it; otherwise the one rule of
/// [`crate::dates::year_for_month`], which datelines use too.
pub(super) fn year_of(t: &Toks, i: usize, r: NaiveDate, m: u32) -> i32 {
    let diff = m as i32 - r.month() as i32;
    if past_governs(t, i) {
        return if diff > 0 { r.year() - 1 } else { r.year() };
    }
    if future_before(t, i) {
        return if diff < 0 { r.year() + 1 } else { r.year() };
    }
    crate::dates::year_for_month(m, r)
}

/// "last year", "this year", "next year" right after a month ("June last year").
pub(super) fn relative_year(t: &Toks, k: usize, r: NaiveDate) -> Option<i32> {
    if !t.is(k + 1, "year") {
        return None;
    }
    let delta = match &*t.lower(k) {
        "last" => -1,
        "this" => 0,
        "next" => 1,
        _ => return None,
    };
    Some(r.year() + delta)
}

/// `,`? YEAR after a day or month; returns the year and the next token.
fn trailing_year(t: &Toks, i: usize) -> Option<(i32, usize)> {
    let j = if t.is_punct(i, ",") { i + 1 } else { i };
    year_value(t, j).map(|y| (y, j + 1)).or_else(|| narrative::spelled_year_value(t, j))
}

/// "2019-09-18".
fn iso_date(t: &Toks, i: usize) -> Option<Found> {
    let (y, 4) = t.int(i)? else { return None };
    let ok = t.is_punct(i + 1, "-")
        && t.glued(i + 1)
        && t.glued(i + 2)
        && t.is_punct(i + 3, "-")
        && t.glued(i + 3)
        && t.glued(i + 4);
    if !ok {
        return None;
    }
    let (m, 2) = t.int(i + 2)? else { return None };
    let (d, 2) = t.int(i + 4)? else { return None };
    let date = day(y as i32, m, d)?;
    Some((i + 5, t.start(i), When::Day(date)))
}

/// Time-zone abbreviations written between a time of day and its day ("4 a.m. EDT Thursday").
const ZONES: [&str; 12] = ["EDT", "EST", "CDT", "CST", "MDT", "MST", "PDT", "PST", "GMT", "UTC", "BST", "CET"];

/// A 24-hour clock time with its zone: "(2058 GMT)", "15:00 GMT Saturday", "until 0900 UTC on
/// Monday". On the weekday or date that follows (ahead when the clause looks ahead or the time
/// is an "until"), else on the article's date; never a year.
fn zone_time(t: &Toks, i: usize, r: Option<NaiveDate>) -> Option<Found> {
    let (v, n) = t.int(i)?;
    let (hour, minute, mut k) = if n == 4 && !(t.is_punct(i + 1, ":") && t.glued(i + 1)) {
        (v / 100, v % 100, i + 1)
    } else if n <= 2 && t.is_punct(i + 1, ":") && t.glued(i + 1) && t.glued(i + 2) {
        let (m, 2) = t.int(i + 2)? else { return None };
        (v, m, i + 3)
    } else {
        return None;
    };
    if hour > 23 || minute > 59 || !ZONES.contains(&t.s(k)) {
        return None;
    }
    k += 1;
    let end_of_clock = k;
    let mut j = k;
    if t.is_punct(j, ",") {
        j += 1;
    }
    if t.is(j, "on") {
        j += 1;
    }
    let ahead = t.is(i.wrapping_sub(1), "until") || t.is(i.wrapping_sub(1), "till") || future_before(t, i);
    let start = prep_start(t, i).unwrap_or(t.start(i));
    if let Some(wd) = t.capitalized(j).then(|| weekday(t.s(j))).flatten() {
        let dir = if ahead { Direction::OnOrAfter } else { Direction::OnOrBefore };
        let d = weekday_from(r?, wd, dir);
        return Some((j + 1, start, When::DayTime(d, hour, minute)));
    }
    if let Some((next, _, When::Day(d))) = month_led(t, j, r) {
        return Some((next, start, When::DayTime(d, hour, minute)));
    }
    Some((end_of_clock, start, When::DayTime(r?, hour, minute)))
}

/// "9 a.m. Tuesday", "4 a.m. EDT Thursday", "10:30 p.m. Friday", "5 p.m. EST Nov. 9": a time of
/// day on a day, to the minute. The weekday is the coming one when the clause before the time
/// looks ahead ("until 9 a.m. Tuesday", "will leave at 4 a.m. Thursday"). A time of day alone
/// takes the day the narrative last named, close before it (`narrative`: "in the early hours of
/// Sunday ... around 1.40 am"); with none it is not resolved, the record having no day to give it.
/// The minutes may follow a colon or, in British and Indian copy, a dot ("1.40 am").
fn time_of_day(t: &Toks, i: usize, r: Option<NaiveDate>, narrative: Option<NaiveDate>) -> Option<Found> {
    let (h, n, dotted) = match t.int(i) {
        Some((h, n)) => (h, n, None),
        None => {
            // "1.40": one number token with a two-digit decimal part.
            let (a, b) = t.s(i).split_once('.')?;
            let (h, m) = (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?);
            if !t.is_num(i) || a.len() > 2 || b.len() != 2 || m > 59 {
                return None;
            }
            (h, a.len(), Some(m))
        }
    };
    if n > 2 || !(1..=12).contains(&h) {
        return None;
    }
    let mut k = i + 1;
    let mut minute = dotted.unwrap_or(0);
    if dotted.is_none() && t.is_punct(k, ":") && t.glued(k) && t.glued(k + 1) {
        let (m, 2) = t.int(k + 1)? else { return None };
        if m > 59 {
            return None;
        }
        minute = m;
        k += 2;
    }
    // "a.m." / "p.m." (four tokens) or "am" / "pm".
    let pm = if (t.is(k, "a") || t.is(k, "p")) && t.is_punct(k + 1, ".") && t.is(k + 2, "m") && t.glued(k + 2) {
        let pm = t.is(k, "p");
        k += if t.is_punct(k + 3, ".") && t.glued(k + 3) { 4 } else { 3 };
        pm
    } else if t.is(k, "am") || t.is(k, "pm") {
        let pm = t.is(k, "pm");
        k += 1;
        pm
    } else {
        return None;
    };
    let hour = h % 12 + if pm { 12 } else { 0 };
    if ZONES.contains(&t.s(k)) {
        k += 1;
    }
    let clock_end = k;
    if t.is_punct(k, ",") {
        k += 1;
    }
    if t.is(k, "on") {
        k += 1;
    }
    let (next, d) = if let Some(wd) = t.capitalized(k).then(|| weekday(t.s(k))).flatten() {
        let dir = if future_before(t, i) { Direction::OnOrAfter } else { Direction::OnOrBefore };
        (k + 1, weekday_from(r?, wd, dir))
    } else {
        match month_led(t, k, r) {
            Some((next, _, When::Day(d))) => (next, d),
            _ => (clock_end, narrative?),
        }
    };
    Some((next, t.start(i), When::DayTime(d, hour, minute)))
}

/// The day the narrative named last, close before token `i` (see [`Context::recent`]).
fn narrative_day(t: &Toks, i: usize, cx: &Context) -> Option<NaiveDate> {
    match cx.recent(t, i)? {
        When::Day(d) | When::DayTime(d, ..) => Some(d),
        _ => None,
    }
}

/// "9/18/2019", "18/09/2019": month first unless the first number cannot be a month.
/// A two-digit year ("07", "82") read against the reference: the century that puts it no more
/// than a year after the article's date.
fn two_digit_year(v: u32, r: Option<NaiveDate>) -> Option<i32> {
    let r = r?;
    let y = 2000 + v as i32;
    Some(if y <= r.year() + 1 { y } else { y - 100 })
}

/// "21.06.2010", "15.4.09": day, month and year with full stops, which is day first wherever it
/// is written (the European and Asian order; month-first dates use slashes). The first two parts
/// come as one decimal token ("21.06"); a two-digit year needs the article's date for its
/// century, or reads as 20YY under 50 and 19YY from 50.
fn dotted_date(t: &Toks, i: usize, r: Option<NaiveDate>) -> Option<Found> {
    if !t.is_punct(i + 1, ".") || !t.glued(i + 1) || !t.glued(i + 2) {
        return None;
    }
    let (d, m) = t.s(i).split_once('.')?;
    let small = |x: &str| (1..=2).contains(&x.len()) && x.bytes().all(|b| b.is_ascii_digit());
    if !small(d) || !small(m) {
        return None;
    }
    let (d, m): (u32, u32) = (d.parse().ok()?, m.parse().ok()?);
    if t.glued(i + 3) && (t.is_num(i + 3) || t.is_punct(i + 3, ".") && t.is_num(i + 4) && t.glued(i + 4)) {
        return None;
    }
    let y = match t.int(i + 2)? {
        (v, 2) => two_digit_year(v, r).unwrap_or(if v < 50 { 2000 + v as i32 } else { 1900 + v as i32 }),
        (_, 4) => year_value(t, i + 2)?,
        _ => return None,
    };
    Some((i + 3, t.start(i), When::Day(day(y, m, d)?)))
}

/// "9/18/2019", "18/09/2019", "7/8/07": month first unless the first number cannot be a month.
/// A two-digit year needs the article's date to pick its century.
fn slash_date(t: &Toks, i: usize, r: Option<NaiveDate>) -> Option<Found> {
    let glued = (1..=4).all(|k| t.glued(i + k));
    if !glued || !t.is_punct(i + 1, "/") || !t.is_punct(i + 3, "/") {
        return None;
    }
    let (a, na) = t.int(i)?;
    let (b, nb) = t.int(i + 2)?;
    let y = match t.int(i + 4) {
        Some((v, 2)) if na <= 2 && nb <= 2 && !(t.glued(i + 5) && (t.is_num(i + 5) || t.is_punct(i + 5, "/"))) => {
            two_digit_year(v, r)?
        }
        _ => year_value(t, i + 4)?,
    };
    let (m, d) = if a > 12 { (b, a) } else { (a, b) };
    Some((i + 5, t.start(i), When::Day(day(y, m, d)?)))
}

/// "'82", "since '82", "the '80s": a year or decade with its century elided.
fn elided_year(t: &Toks, i: usize, r: Option<NaiveDate>) -> Option<Found> {
    let a = i.checked_sub(1)?;
    let (v, 2) = t.int(i)? else { return None };
    let apostrophe = (t.is_punct(a, "'") || t.is_punct(a, "\u{2019}")) && t.glued(i);
    // The apostrophe opens the token: not a closing quote glued to a word ("Reuters'82").
    if !apostrophe || (t.glued(a) && a > 0 && (t.is_word(a - 1) || t.is_num(a - 1))) {
        return None;
    }
    let y = two_digit_year(v, r)?;
    let start = prep_start(t, a).unwrap_or(t.start(a));
    if t.glued(i + 1) && t.s(i + 1) == "s" {
        return (v % 10 == 0).then(|| (i + 2, start, When::Decade(y / 10)));
    }
    if t.glued(i + 1) && (t.is_word(i + 1) || t.is_num(i + 1) || t.is_punct(i + 1, "%")) {
        return None;
    }
    // A year needs a preposition: "iLife '11", "'60 Minutes" are names.
    let cue = a.checked_sub(1).is_some_and(|p| {
        SPAN_PREPS.iter().chain(["from", "of", "to", "through", "and", "between"].iter()).any(|w| t.is(p, w))
    });
    cue.then_some((i + 1, start, When::Year(y)))
}

/// "18th September, 2019", "18 Sept", "the 18th of September".
fn day_month(t: &Toks, i: usize, r: Option<NaiveDate>) -> Option<Found> {
    if i > 0 && t.glued(i) && !t.is_punct(i - 1, "(") {
        return None;
    }
    let (d, mut j) = day_number(t, i)?;
    if t.is(j, "of") {
        j += 1;
    }
    let (m, _, next) = month_name(t, j)?;
    if let Some((y, after)) = trailing_year(t, next) {
        return Some((after, t.start(i), When::Day(day(y, m, d)?)));
    }
    Some((next, t.start(i), full_day(t, i, m, d, r)?))
}

/// "September 18, 2019", "Sept. 18", "December 2018", "Dec. 2018", "in December".
pub(super) fn month_led(t: &Toks, i: usize, r: Option<NaiveDate>) -> Option<Found> {
    let (m, abbr, next) = month_name(t, i)?;
    // Month day [, year]
    if let Some((d, after)) = day_number(t, next) {
        if let Some((y, after_y)) = trailing_year(t, after) {
            return Some((after_y, t.start(i), When::Day(day(y, m, d)?)));
        }
        // "May 5 people" is rare next to "May 5"; a count right after would be a noun.
        return Some((after, t.start(i), full_day(t, i, m, d, r)?));
    }
    // Month [of|,] year
    let j = if t.is(next, "of") { next + 1 } else { next };
    if let Some((y, after)) = trailing_year(t, j) {
        return Some((after, t.start(i), When::Month(y, m)));
    }
    if abbr {
        return None;
    }
    // Month alone: a preposition or modifier is the evidence; the year comes from the reference.
    let p = i.checked_sub(1)?;
    let ambiguous = matches!(m, 3 | 5);
    let r = r?;
    let (y, m2) = if let Some(y) = relative_year(t, next, r) {
        return Some((next + 2, prep_start(t, i).unwrap_or(t.start(i)), When::Month(y, m)));
    } else if let Some(y) = t.is(next, "of").then(|| relative_year(t, next + 1, r)).flatten() {
        // "after October of next year"
        return Some((next + 3, prep_start(t, i).unwrap_or(t.start(i)), When::Month(y, m)));
    } else if t.is(p, "last") {
        let back = (r.month() as i32 - m as i32 - 1).rem_euclid(12) + 1;
        add_months(r.year(), r.month(), -back)
    } else if t.is(p, "next") {
        let fwd = (m as i32 - r.month() as i32 - 1).rem_euclid(12) + 1;
        add_months(r.year(), r.month(), fwd)
    } else if t.is(p, "this") {
        (r.year(), m)
    } else if SPAN_PREPS.iter().any(|w| t.is(p, w))
        || ["from", "through", "early", "late", "mid", "between"].iter().any(|w| t.is(p, w))
        || (!ambiguous && t.is(p, "of"))
        || hyphen_modifier(t, i).is_some()
        || month_before_connector(t, p)
        || (!ambiguous && month_as_modifier(t, p, next))
        || (m == 3 && march_before_noun(t, p, next))
    {
        (year_of(t, i, r, m), m)
    } else {
        return None;
    };
    let start = if ["last", "next", "this"].iter().any(|w| t.is(p, w)) {
        t.start(p)
    } else if let Some(h) = hyphen_modifier(t, i) {
        t.start(h)
    } else {
        prep_start(t, i).unwrap_or(t.start(i))
    };
    Some((next, start, When::Month(y, m2)))
}

/// "mid-November", "late-November": the modifier's token when one is glued to token `i` by a hyphen.
fn hyphen_modifier(t: &Toks, i: usize) -> Option<usize> {
    let h = i.checked_sub(2)?;
    let ok =
        t.is_punct(h + 1, "-") && t.glued(h + 1) && t.glued(i) && ["mid", "early", "late"].iter().any(|w| t.is(h, w));
    ok.then_some(h)
}

/// "the figures for January", "the October slaying", "a June agreement", "December's figures": a
/// month name used for a period or before a noun (not for "May" and "March", which are words too).
fn month_as_modifier(t: &Toks, p: usize, next: usize) -> bool {
    let article = ["the", "a", "an"].iter().any(|w| t.is(p, w));
    let noun_after = t.is_word(next) && !t.glued(next) && !t.capitalized(next);
    // "April's", "June's" are as often a woman's.
    let name = matches!(t.s(next - 1), "April" | "June");
    let possessive =
        (t.is_punct(next, "'") || t.is_punct(next, "\u{2019}")) && t.glued(next) && t.s(next + 1) == "s" && !name;
    t.is(p, "for") || (article && noun_after) || possessive
}

/// "the March accession", "a March deadline": the capitalised month between an article and a
/// noun ("the march on the capital" is lower case; "the March for Life" has no noun after it).
/// "May" is left out: "the May government" is a prime minister's.
fn march_before_noun(t: &Toks, p: usize, next: usize) -> bool {
    ["the", "a"].iter().any(|w| t.is(p, w))
        && t.is_word(next)
        && !t.glued(next)
        && !t.capitalized(next)
        && !NOT_NOUNS.iter().any(|w| t.is(next, w))
}

/// "between April and June", "from March to May": token `p` joins a month name before it to this one.
fn month_before_connector(t: &Toks, p: usize) -> bool {
    ["and", "or", "to", "through"].iter().any(|w| t.is(p, w))
        && p.checked_sub(1).is_some_and(|q| t.capitalized(q) && month(t.s(q)).is_some_and(|(m, _)| !matches!(m, 3 | 5)))
}

/// "on Monday", "last Monday", "Monday", "Monday, September 16, 2019".
fn weekday_led(t: &Toks, i: usize, r: Option<NaiveDate>) -> Option<Found> {
    if !t.capitalized(i) {
        return None;
    }
    let wd = weekday(t.s(i))?;
    // A full date right after wins and takes the weekday into its span.
    let j = if t.is_punct(i + 1, ",") { i + 2 } else { i + 1 };
    if let Some((next, _, when)) = month_led(t, j, None).or_else(|| day_month(t, j, None)) {
        return Some((next, t.start(i), when));
    }
    if let Some((next, _, when)) = month_led(t, j, r).or_else(|| day_month(t, j, r)) {
        return Some((next, t.start(i), when));
    }
    let r = r?;
    let p = i.checked_sub(1);
    // "was a Tuesday", "every Friday": a kind of day, not a day; but "a Wednesday media event" is
    // an event on a day.
    // "a Sunday night memorial service" is an event too, "on a Sunday night in June" a kind of day.
    let part_of_day = ["morning", "afternoon", "evening", "night"].iter().any(|w| t.is(i + 1, w));
    let noun = if part_of_day { i + 2 } else { i + 1 };
    let function_word = part_of_day && NOT_NOUNS.iter().any(|w| t.is(noun, w));
    let modifies_noun = t.is_word(noun)
        && !t.capitalized(noun)
        && !function_word
        && !p
            .and_then(|p| p.checked_sub(1))
            .is_some_and(|c| ["was", "is", "be", "been", "were"].iter().any(|w| t.is(c, w)));
    if p.is_some_and(|p| ["every", "each", "per"].iter().any(|w| t.is(p, w)))
        || p.is_some_and(|p| (t.is(p, "a") || t.is(p, "an")) && !modifies_noun)
    {
        return None;
    }
    // "Black Monday", "Super Tuesday", "Bloody Sunday": the name of a day in history or of a
    // recurring one, not a day near the article's.
    if p.is_some_and(|p| t.capitalized(p) && NAMED_DAY_WORDS.iter().any(|w| t.is(p, w))) {
        return None;
    }
    let modifier = p.and_then(|p| ["last", "past", "next", "coming", "this", "on"].iter().find(|w| t.is(p, w)));
    let dir = match modifier.copied() {
        Some("last" | "past") => Direction::Before,
        Some("next" | "coming") => Direction::After,
        _ if future_before(t, i) || future_after_opening(t, i) => Direction::OnOrAfter,
        _ => Direction::OnOrBefore,
    };
    let start = match (p, modifier) {
        (Some(p), Some(_)) => t.start(p),
        _ => t.start(i),
    };
    Some((i + 1, start, When::Day(weekday_from(r, wd, dir))))
}

/// A day named by another at token `k`: "Tuesday", "last Tuesday('s)", "March 6", "Christmas".
fn day_at(t: &Toks, k: usize, r: Option<NaiveDate>) -> Option<(usize, NaiveDate)> {
    let j = if ["last", "next", "this", "past", "coming"].iter().any(|w| t.is(k, w)) { k + 1 } else { k };
    let (next, _, when) = weekday_led(t, j, r).or_else(|| month_led(t, j, r)).or_else(|| holidays::holiday(t, j, r))?;
    match when {
        When::Day(d) => Some((next, d)),
        _ => None,
    }
}

/// Times framed by a day the text names: "the week of March 6" (its ISO week), "the day before
/// last Tuesday's hearing", "the day after Christmas" (a day on either side).
fn around_day(t: &Toks, i: usize, r: Option<NaiveDate>) -> Option<Found> {
    if !t.is(i, "the") {
        return None;
    }
    if t.is(i + 1, "week") && t.is(i + 2, "of") {
        let (next, d) = day_at(t, i + 3, r)?;
        return Some((next, t.start(i), When::Week(d)));
    }
    if t.is(i + 1, "day") && (t.is(i + 2, "before") || t.is(i + 2, "after")) {
        let (next, d) = day_at(t, i + 3, r)?;
        let n = if t.is(i + 2, "before") { -1 } else { 1 };
        return Some((next, t.start(i), When::Day(shift_days(d, n)?)));
    }
    None
}

/// Function words that cannot be the noun a weekday and its part of day modify ("a Friday night
/// in June").
const NOT_NOUNS: [&str; 14] =
    ["in", "on", "at", "of", "and", "or", "when", "that", "to", "for", "with", "as", "before", "after"];

/// Capitalised words that make a weekday part of a name ("Black Monday", "Super Tuesday", "Ash
/// Wednesday", "Cyber Monday").
const NAMED_DAY_WORDS: [&str; 13] =
    ["black", "bloody", "super", "cyber", "ash", "holy", "palm", "maundy", "shrove", "fat", "blue", "whit", "giving"];

/// Relative expressions: "yesterday", "two days ago", "last week", "earlier this month",
/// "the third quarter".
fn relative(t: &Toks, i: usize, r: Option<NaiveDate>, cx: &mut Context) -> Option<Found> {
    let w = t.lower(i);
    let r_day = |delta: i64| Some(When::Day(shift_days(r?, delta)?));
    match &*w {
        "today" | "tonight" => {
            // "USA Today" and other names: a capitalised "Today" after a capitalised word.
            if t.capitalized(i) && !t.sentence_start(i) && i > 0 && t.capitalized(i - 1) {
                return None;
            }
            return Some((i + 1, t.start(i), r_day(0)?));
        }
        "yesterday" => return Some((i + 1, t.start(i), r_day(-1)?)),
        "tomorrow" => return Some((i + 1, t.start(i), r_day(1)?)),
        _ => {}
    }
    if let Some(found) = offset(t, i, r, cx) {
        return Some(found);
    }
    if let Some(found) = quarter(t, i, r, cx) {
        return Some(found);
    }
    // [earlier|later] last|next|this week|month|year|weekend|night|morning...
    let (start_tok, k) = if matches!(&*w, "earlier" | "later") { (i, i + 1) } else { (i, i) };
    let modifier = t.lower(k);
    let delta: i64 = match &*modifier {
        "last" => -1,
        "past" if k > 0 && (t.is(k - 1, "the") || t.is(k - 1, "this")) && t.is(k + 1, "week") => -1,
        "next" => 1,
        "this" => 0,
        _ => return None,
    };
    if t.capitalized(k + 1) && !t.sentence_start(k) {
        return None;
    }
    let unit = t.lower(k + 1);
    let r = r?;
    if let Some(found) = season(r, delta, &unit) {
        return Some((k + 2, t.start(start_tok), found));
    }
    // "the past week", "the last week", "this past week": the seven days to the article's date,
    // by the ISO week most of them lie in (not the calendar week before, as "last week").
    let the = k.checked_sub(1).filter(|&p| k == i && (t.is(p, "the") || t.is(p, "this") && &*modifier == "past"));
    if let (Some(p), true, -1) = (the, &*unit == "week", delta) {
        if !t.is(k + 2, "of") && ends_word_at(t, k + 2) {
            return Some((k + 2, t.start(p), When::Week(shift_days(r, -3)?)));
        }
    }
    let when = match &*unit {
        "week" => When::Week(shift_days(r, 7 * delta)?),
        "weekend" => When::Weekend(shift_days(r, 7 * delta)?),
        "month" => {
            let (y, m) = add_months(r.year(), r.month(), delta as i32);
            When::Month(y, m)
        }
        "year" => When::Year(r.year() + delta as i32),
        "night" if delta == -1 => When::Day(shift_days(r, -1)?),
        "morning" | "afternoon" | "evening" if delta == 0 => When::Day(r),
        _ => return None,
    };
    Some((k + 2, t.start(start_tok), when))
}

/// True when token `k` does not continue the word before it as a hyphenated compound.
fn ends_word_at(t: &Toks, k: usize) -> bool {
    !(t.glued(k) && t.is_punct(k, "-"))
}

/// "last summer", "this fall": TimeML season codes, the year of the season's start.
fn season(r: NaiveDate, delta: i64, unit: &str) -> Option<When> {
    let (code, first_month) = match unit {
        "spring" => ("SP", 3),
        "summer" => ("SU", 6),
        "fall" | "autumn" => ("FA", 9),
        "winter" => ("WI", 12),
        _ => return None,
    };
    // The season's start this year relative to the reference: started already or not.
    let started = r.month() >= first_month;
    let y = match delta {
        -1 if started && unit != "winter" && r.month() >= first_month + 3 => r.year(),
        -1 => r.year() - 1,
        0 => r.year(),
        _ if started => r.year() + 1,
        _ => r.year(),
    };
    Some(When::Season(y, code))
}

/// "two days ago", "a week ago", "3 years ago", and the same counted back or forward from the time
/// last named: "a year earlier", "two days later".
///
/// "ago" counts from the article's date. "earlier"/"later" (and "before"/"after" closing a clause)
/// count from the last time expression within reach, at its precision ("Aug. 12, 1988 ... a year
/// earlier" is a day); with none, "earlier" counts from the article's date and "later" is skipped.
/// In a results story a year back is the same reporting period a year before ("net rose to $5
/// million from $4 million a year ago": the year-ago quarter), unless the sentence names a longer
/// span ("the nine months", "the year"), which is then compared at year precision.
fn offset(t: &Toks, i: usize, r: Option<NaiveDate>, cx: &mut Context) -> Option<Found> {
    let n: i64 = if t.is_num(i) {
        i64::from(t.int(i)?.0)
    } else if t.is(i, "a") || t.is(i, "an") {
        1
    } else {
        i64::from(small_number(t.s(i))?)
    };
    let (unit, mult) = Unit::parse(t.s(i + 1))?;
    if !t.is_word(i + 1) || !t.is_word(i + 2) {
        return None;
    }
    // "a week or so ago": the rough figure counts like the plain one.
    let d = if t.is(i + 2, "or") && t.is(i + 3, "so") { i + 4 } else { i + 2 };
    let dir = t.lower(d);
    // "three days later than planned" is a delay, not a time.
    if t.is(d + 1, "than") {
        return None;
    }
    let clause_end = !t.is_word(d + 1);
    let (sign, anchored) = match &*dir {
        "ago" => (-1, false),
        "earlier" => (-1, true),
        "later" => (1, true),
        "before" if clause_end => (-1, true),
        "after" if clause_end => (1, true),
        _ => return None,
    };
    let r = r?;
    let n = n.checked_mul(mult)?.checked_mul(sign)?;
    // "up from $4 million a year earlier": a comparison base anchors nothing after it.
    cx.comparison = narrative::comparison_before(t, i);
    let found = |when: When| Some((d + 1, t.start(i), when));
    if let (Unit::Year, Some((y, q))) = (unit, cx.period) {
        let period = if narrative::longer_span_named(t, i) { When::Year(y) } else { When::Quarter(y, q) };
        return found(period.shift(unit, n)?);
    }
    if anchored {
        if let Some(anchor) = cx.recent(t, i) {
            return found(anchor.shift(unit, n)?);
        }
        if sign > 0 {
            return None;
        }
    }
    let n32 = i32::try_from(n).ok()?;
    let when = match unit {
        Unit::Day => When::Day(shift_days(r, n)?),
        // "a week ago", "two weeks ago" count to a day; "six weeks ago" is a rounded figure: its week.
        Unit::Week if n.abs() <= 2 => When::Day(shift_days(r, 7 * n)?),
        Unit::Week => When::Week(shift_days(r, 7 * n)?),
        Unit::Month => {
            let (y, m) = add_months(r.year(), r.month(), n32);
            When::Month(y, m)
        }
        Unit::Year => When::Year(r.year().checked_add(n32)?),
    };
    found(when)
}

/// "the third quarter", "the first quarter of 2019", "last quarter", "the final quarter of 2009",
/// "the first quarter of last year". The first quarter resolved against the article's date
/// becomes the reporting period of the story (see [`offset`]).
fn quarter(t: &Toks, i: usize, r: Option<NaiveDate>, cx: &mut Context) -> Option<Found> {
    let (next, when, from_reference) = quarter_at(t, i, r)?;
    if let (true, When::Quarter(y, q)) = (from_reference, when) {
        // A second results story in the article ("Separately, Acme reported third-quarter
        // profit ...") names its own period with the modifier; a quarter not yet over
        // ("the impact on fourth-quarter results") or an outlook ("expects fourth-quarter sales
        // to ...") does not replace the period reported.
        let h = if t.is_num(i) { i + 2 } else { i + 1 };
        let modifier = t.is_punct(h, "-") && t.glued(h) && t.glued(h + 1);
        let completed = r.is_some_and(|r| (y, q) < (r.year(), quarter_of(r)));
        if cx.period.is_none() || modifier && completed && !future_before(t, i) {
            cx.period = Some((y, q));
        }
    }
    Some((next, t.start(i), when))
}

/// The quarter of a day.
pub(super) fn quarter_of(d: NaiveDate) -> u32 {
    (d.month() - 1) / 3 + 1
}

/// A quarter at token `i`: the token after it, the value, and whether the year came from the
/// article's date (the text gave none).
pub(super) fn quarter_at(t: &Toks, i: usize, r: Option<NaiveDate>) -> Option<(usize, When, bool)> {
    if t.is(i, "last") && t.is(i + 1, "quarter") && !t.is(i + 2, "of") {
        let r = r?;
        let rq = quarter_of(r);
        let (y, q) = if rq == 1 { (r.year() - 1, 4) } else { (r.year(), rq - 1) };
        return Some((i + 2, When::Quarter(y, q), false));
    }
    let q = ordinal_word(t.s(i)).or_else(|| (t.is(i, "final") || t.is(i, "last")).then_some(4)).or_else(|| {
        let (v, n) = t.int(i)?;
        let suffix = t.lower(i + 1);
        (n == 1 && (1..=4).contains(&v) && t.glued(i + 1) && matches!(&*suffix, "st" | "nd" | "rd" | "th")).then_some(v)
    })?;
    let mut qi = if t.is_num(i) { i + 2 } else { i + 1 };
    if t.is_punct(qi, "-") && t.glued(qi) && t.glued(qi + 1) {
        qi += 1;
    }
    if !t.is(qi, "quarter") {
        return None;
    }
    let mut next = qi + 1;
    let year = if t.is(next, "of") {
        let y = year_value(t, next + 1).map(|y| (y, 2)).or_else(|| Some((relative_year(t, next + 1, r?)?, 3)));
        y.map(|(y, len)| {
            next += len;
            y
        })
    } else if i > 0 {
        year_value(t, i - 1)
    } else {
        None
    };
    // "the last quarter" alone is the previous quarter (above); with a year it is the fourth.
    if t.is(i, "last") && year.is_none() {
        return None;
    }
    match year {
        Some(y) => Some((next, When::Quarter(y, q), false)),
        None => {
            let r = r?;
            // "the second quarter ended Oct. 31": the year of the day that closed it (a fiscal
            // quarter keeps its number).
            if t.is(next, "ended") || t.is(next, "ending") {
                if let Some((_, _, When::Day(d))) = month_led(t, next + 1, Some(r)) {
                    return Some((next, When::Quarter(d.year(), q), true));
                }
            }
            let y = if q > quarter_of(r) { r.year() - 1 } else { r.year() };
            Some((next, When::Quarter(y, q), true))
        }
    }
}

/// "the 1990s", "1990's".
fn decade(t: &Toks, i: usize) -> Option<Found> {
    let (v, 4) = t.int(i)? else { return None };
    if v % 10 != 0 || !(1000..=2100).contains(&v) {
        return None;
    }
    let mut j = i + 1;
    if t.glued(j) && (t.is_punct(j, "'") || t.is_punct(j, "\u{2019}")) {
        j += 1;
    }
    if !(t.glued(j) && t.s(j) == "s") {
        return None;
    }
    let start = prep_start(t, i).unwrap_or(t.start(i));
    Some((j + 1, start, When::Decade(v as i32 / 10)))
}

/// A year alone: "in 2013", "since 2014", "the 2017 Battle of ...", "by 2030".
fn year(t: &Toks, i: usize) -> Option<Found> {
    let y = year_value(t, i)?;
    if i > 0 && t.glued(i) {
        let p = t.s(i - 1);
        let ok_glue =
            matches!(p, "(" | "\"" | "\u{201c}" | "\u{2014}" | "[") || (p == "-" && i >= 2 && t.is_word(i - 2));
        if !ok_glue {
            return None;
        }
    }
    // A number right after (a phone number, a list of counts) or a year range's second part.
    if t.glued(i + 1) && t.is_punct(i + 1, "-") && t.glued(i + 2) && t.is_num(i + 2) {
        let (_, n) = t.int(i + 2)?;
        if n != 2 && n != 4 {
            return None;
        }
    }
    let p = i.checked_sub(1);
    let prev = p.map(|p| t.lower(p)).unwrap_or_default();
    if NOT_YEAR_BEFORE.contains(&&*prev) || prev == "#" || prev == "$" {
        return None;
    }
    let has_prep = p.is_some_and(|_| SPAN_PREPS.contains(&&*prev));
    let has_cue = YEAR_CUES.contains(&&*prev) || (p.is_some() && month(&prev).is_some());
    // "the 2019 elections", "fiscal 1989 sales", "post-1959 politics": a year modifying a noun.
    if counted_noun_after(t, i + 1) && !matches!(&*prev, "the" | "fiscal" | "-") {
        return None;
    }
    if !has_prep && !has_cue && y < 1800 {
        return None;
    }
    let start = if has_prep { prep_start(t, i).unwrap_or(t.start(i)) } else { t.start(i) };
    Some((i + 1, start, When::Year(y)))
}

/// True when token `k` is a lowercase counted noun or unit ("troops", "people", "km").
fn counted_noun_after(t: &Toks, k: usize) -> bool {
    if !t.is_word(k) || t.glued(k) || t.capitalized(k) {
        return false;
    }
    let w = t.lower(k);
    if UNITS.contains(&&*w) {
        return true;
    }
    w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !S_WORDS.contains(&&*w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r() -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2019, 9, 18)
    }

    fn found(text: &str) -> Vec<(String, String)> {
        let t = Toks::new(text);
        scan(&t, r()).into_iter().map(|h| (text[h.start..h.end].to_string(), h.value)).collect()
    }

    fn one(text: &str, want_text: &str, want_value: &str) {
        let got = found(text);
        assert!(
            got.iter().any(|(a, b)| a == want_text && b == want_value),
            "{text:?}: want {want_text:?} = {want_value}, got {got:?}"
        );
    }

    #[test]
    fn absolute_dates() {
        one("LISBON (Agency - 18th September, 2019) The", "18th September, 2019", "2019-09-18");
        one("on September 18, 2019, the", "September 18, 2019", "2019-09-18");
        one("It happened Sept. 18 in", "Sept. 18", "2019-09-18");
        one("It happened Sep 18 in", "Sep 18", "2019-09-18");
        one("held 18 Sept in", "18 Sept", "2019-09-18");
        one("filed 2019-09-18.", "2019-09-18", "2019-09-18");
        one("mentioned in December 2018, but", "December 2018", "2018-12");
        one("since Dec. 2018 there", "Dec. 2018", "2018-12");
        one("on Monday, September 16, 2019 the", "Monday, September 16, 2019", "2019-09-16");
        one("the 3rd of March 2011", "3rd of March 2011", "2011-03-03");
        one("filed 9/18/2019.", "9/18/2019", "2019-09-18");
        one("written in the American format, 7/8/07.", "7/8/07", "2007-07-08");
        one("the lowest level since '82 and", "since '82", "1982");
        one("the boxy cars of the '70s and", "'70s", "197");
        one("In a Wednesday media event, it", "Wednesday", "2019-09-18");
        assert!(found("It was a Tuesday when they met.").is_empty());
        assert!(found("Police said June's husband left.").is_empty());
    }

    #[test]
    fn years_and_decades() {
        one("in the country since 2014, with", "since 2014", "2014");
        one("In 2016, forces", "In 2016", "2016");
        one("culminated in the 2017 Battle of Somewhere", "2017", "2017");
        one("by 2030 the", "by 2030", "2030");
        one("growth in the 1990s was", "1990s", "199");
        assert!(found("some 1500 troops and 2,000 people").is_empty());
        assert!(found("sent 1500 troops").is_empty());
        assert!(found("Article 2001 says").is_empty());
    }

    #[test]
    fn weekdays() {
        one("he said on Wednesday.", "on Wednesday", "2019-09-18");
        one("met in Lisbon on Monday, the", "on Monday", "2019-09-16");
        one("met last Monday", "last Monday", "2019-09-16");
        one("Friday's attack", "Friday", "2019-09-13");
        one("they will meet on Monday.", "on Monday", "2019-09-23");
        one("talks will resume, he said on Monday.", "on Monday", "2019-09-16");
        one("next Wednesday", "next Wednesday", "2019-09-25");
        assert!(found("We believe. Wed and Sat and Sun").is_empty());
    }

    #[test]
    fn relative_expressions() {
        one("last week", "last week", "2019-W37");
        one("said yesterday", "yesterday", "2019-09-17");
        one("today", "today", "2019-09-18");
        one("tomorrow", "tomorrow", "2019-09-19");
        one("two days ago", "two days ago", "2019-09-16");
        one("a week ago", "a week ago", "2019-09-11");
        one("last month", "last month", "2019-08");
        one("next year", "next year", "2020");
        one("this year", "this year", "2019");
        one("earlier this month", "earlier this month", "2019-09");
        one("in the third quarter,", "third quarter", "2019-Q3");
        one("in the fourth quarter,", "fourth quarter", "2018-Q4");
        one("in December", "in December", "2018-12");
        one("elections will be held in December", "in December", "2019-12");
        one("on Saturday, April 25 the", "Saturday, April 25", "2019-04-25");
        one("41 years ago", "41 years ago", "1978");
        one("two weeks ago", "two weeks ago", "2019-09-04");
        one("six weeks ago", "six weeks ago", "2019-W32");
        one("in June last year", "in June last year", "2018-06");
        one("last summer", "last summer", "2019-SU");
        one("in the third-quarter results", "third-quarter", "2019-Q3");
        one("in March", "in March", "2019-03");
        one("The job figures for August rose.", "August", "2019-08");
        one("evidence in the June slaying of a doctor", "June", "2019-06");
        one("a revision to July's figures", "July", "2019-07");
        one("last night", "last night", "2019-09-17");
    }

    #[test]
    fn not_dates() {
        for s in [
            "It may be March.",
            "the march on the capital",
            "May I help? We may.",
            "USA Today reported",
            "COVID-19 and G20, Boeing 737",
            "We saw 12,000 people.",
        ] {
            assert!(found(s).is_empty(), "{s:?}: {:?}", found(s));
        }
    }

    #[test]
    fn a_past_verb_governs_the_time_after_it() {
        // A future around it does not move a time a past verb governs.
        one("The bank will repay holders of bonds issued Sept. 20, it said.", "Sept. 20", "2018-09-20");
        one("Rates will rise, the central bank warned Monday.", "Monday", "2019-09-16");
        one("In the third quarter ended Sept. 30, sales fell.", "third quarter", "2018-Q3");
        // Passives, infinitives and tenses shifted back in a time clause are not past.
        one("He will be formally sentenced Monday.", "Monday", "2019-09-23");
        one("Funds would buy the shares as soon as trading opened Monday.", "Monday", "2019-09-23");
    }

    #[test]
    fn schedules_in_the_present_are_ahead() {
        one("The two ministers meet separately Monday in Geneva.", "Monday", "2019-09-23");
        one("Talks resume on Friday.", "on Friday", "2019-09-20");
        one("He spoke after a visit Monday to the plant.", "Monday", "2019-09-16");
    }

    #[test]
    fn days_framing_other_times() {
        one("A hearing is set for the week of Oct. 7.", "the week of Oct. 7", "2019-W41");
        one("The day before last Tuesday's vote, he resigned.", "The day before last Tuesday", "2019-09-16");
        one("The lights went out a week or so ago.", "a week or so ago", "2019-09-11");
        one("Prices have risen over the past week.", "the past week", "2019-W37");
        one("Few attended a Sunday night vigil outside the hall.", "Sunday", "2019-09-15");
        assert!(found("It happened on a Sunday night in June.").iter().all(|(a, _)| a != "Sunday"));
    }

    #[test]
    fn times_of_day_on_a_day() {
        one("The agency gave the family until 9 a.m. Thursday to sign.", "9 a.m. Thursday", "2019-09-19T09:00");
        one("The fire broke out at 10:30 p.m. EDT Friday.", "10:30 p.m. EDT Friday", "2019-09-13T22:30");
        one("The polls close at 8 p.m. Sept. 20.", "8 p.m. Sept. 20", "2019-09-20T20:00");
        assert!(found("The talks ended at 9 a.m. and resumed.").is_empty());
    }

    #[test]
    fn spelled_decades_and_march_before_a_noun() {
        one("Membership fell through the nineties, he said.", "the nineties", "199");
        one("It was a hit in the early sixties.", "the early sixties", "196");
        assert!(found("Highs will be in the low nineties.").is_empty());
        assert!(found("Readings reached the nineties degrees.").is_empty());
        one("The March referendum was close.", "March", "2019-03");
        assert!(found("They joined the March for Peace.").is_empty());
    }

    #[test]
    fn relative_needs_reference() {
        let text = "on Monday, last week, yesterday, in 2013, Sept. 18";
        let t = Toks::new(text);
        let got: Vec<String> = scan(&t, None).into_iter().map(|h| h.value).collect();
        assert_eq!(got, ["2013"]);
    }
}
