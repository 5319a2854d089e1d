//! The time-expression patterns, tried at each token.

use chrono::{Datelike, NaiveDate};

use super::lexicon::{month, ordinal_word, small_number, weekday};
use super::resolve::{add_months, day, shift_days, weekday_from, Direction, When};
use super::tokens::Toks;

/// One time expression: byte range and ISO value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub value: String,
}

/// A match: the token after it, its first byte, and what it means.
type Found = (usize, usize, When);

/// Prepositions kept in the span of a bare year or month ("since 2014", "in December"): they are
/// the evidence that the number or name is a time.
const SPAN_PREPS: [&str; 8] = ["in", "since", "by", "until", "till", "during", "before", "after"];

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
    let mut i = 0;
    while i < t.len() {
        match match_at(t, i, reference) {
            Some((next, start, when)) => {
                let end = t.end(next.saturating_sub(1));
                if out.last().is_none_or(|h| h.end <= start) && start < end {
                    out.push(Hit { start, end, value: when.iso() });
                }
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

fn match_at(t: &Toks, i: usize, r: Option<NaiveDate>) -> Option<Found> {
    if t.is_word(i) {
        weekday_led(t, i, r).or_else(|| month_led(t, i, r)).or_else(|| relative(t, i, r))
    } else if t.is_num(i) {
        iso_date(t, i)
            .or_else(|| slash_date(t, i))
            .or_else(|| ago(t, i, r))
            .or_else(|| quarter(t, i, r))
            .or_else(|| day_month(t, i, r))
            .or_else(|| decade(t, i))
            .or_else(|| year(t, i))
    } else {
        None
    }
}

/// A four-digit year 1000–2100 at token `i`, not glued to letters, digits or symbols after it.
fn year_value(t: &Toks, i: usize) -> Option<i32> {
    let (v, n) = t.int(i)?;
    if n != 4 || !(1000..=2100).contains(&v) {
        return None;
    }
    let next = i + 1;
    if t.glued(next) && (t.is_word(next) || t.is_num(next) || t.is_punct(next, "%")) {
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
        let s = t.s(next).to_ascii_lowercase();
        if matches!(s.as_str(), "st" | "nd" | "rd" | "th") {
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
fn prep_start(t: &Toks, i: usize) -> Option<usize> {
    let p = i.checked_sub(1)?;
    SPAN_PREPS.iter().any(|w| t.is(p, w)).then(|| t.start(p))
}

/// A day with month and optional year: the year from the text, else the one near the reference.
fn full_day(t: &Toks, i: usize, m: u32, d: u32, r: Option<NaiveDate>) -> Option<When> {
    day(year_of(t, i, r?, m), m, d).map(When::Day)
}

/// The year of a month written without one at token `i`. News reports on the past: a month
/// more than two months after the reference's is last year's, unless the clause is in the
/// future tense; a January mentioned in December is next year's.
fn year_of(t: &Toks, i: usize, r: NaiveDate, m: u32) -> i32 {
    let diff = m as i32 - r.month() as i32;
    if future_before(t, i) {
        return if diff < 0 { r.year() + 1 } else { r.year() };
    }
    if diff > 2 {
        r.year() - 1
    } else if diff < -10 {
        r.year() + 1
    } else {
        r.year()
    }
}

/// "last year", "this year", "next year" right after a month ("June last year").
fn relative_year(t: &Toks, k: usize, r: NaiveDate) -> Option<i32> {
    if !t.is(k + 1, "year") {
        return None;
    }
    let delta = match t.s(k).to_ascii_lowercase().as_str() {
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
    year_value(t, j).map(|y| (y, j + 1))
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

/// "9/18/2019", "18/09/2019": month first unless the first number cannot be a month.
fn slash_date(t: &Toks, i: usize) -> Option<Found> {
    let glued = (1..=4).all(|k| t.glued(i + k));
    if !glued || !t.is_punct(i + 1, "/") || !t.is_punct(i + 3, "/") {
        return None;
    }
    let (a, _) = t.int(i)?;
    let (b, _) = t.int(i + 2)?;
    let y = year_value(t, i + 4)?;
    let (m, d) = if a > 12 { (b, a) } else { (a, b) };
    Some((i + 5, t.start(i), When::Day(day(y, m, d)?)))
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
fn month_led(t: &Toks, i: usize, r: Option<NaiveDate>) -> Option<Found> {
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
    } else if t.is(p, "last") {
        let back = (r.month() as i32 - m as i32 - 1).rem_euclid(12) + 1;
        add_months(r.year(), r.month(), -back)
    } else if t.is(p, "next") {
        let fwd = (m as i32 - r.month() as i32 - 1).rem_euclid(12) + 1;
        add_months(r.year(), r.month(), fwd)
    } else if t.is(p, "this") {
        (r.year(), m)
    } else if SPAN_PREPS.iter().any(|w| t.is(p, w))
        || ["from", "through", "early", "late", "mid"].iter().any(|w| t.is(p, w))
        || (!ambiguous && t.is(p, "of"))
    {
        (year_of(t, i, r, m), m)
    } else {
        return None;
    };
    let start = if ["last", "next", "this"].iter().any(|w| t.is(p, w)) {
        t.start(p)
    } else {
        prep_start(t, i).unwrap_or(t.start(i))
    };
    Some((next, start, When::Month(y, m2)))
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
    // "was a Tuesday", "every Friday": a kind of day, not a day.
    if p.is_some_and(|p| ["a", "an", "every", "each", "per"].iter().any(|w| t.is(p, w))) {
        return None;
    }
    let modifier = p.and_then(|p| ["last", "past", "next", "coming", "this", "on"].iter().find(|w| t.is(p, w)));
    let dir = match modifier.copied() {
        Some("last" | "past") => Direction::Before,
        Some("next" | "coming") => Direction::After,
        _ if future_before(t, i) => Direction::OnOrAfter,
        _ => Direction::OnOrBefore,
    };
    let start = match (p, modifier) {
        (Some(p), Some(_)) => t.start(p),
        _ => t.start(i),
    };
    Some((i + 1, start, When::Day(weekday_from(r, wd, dir))))
}

/// True when the clause before token `i` is in the future tense ("will meet on Monday"), and no
/// past reporting verb comes between ("will go, he said on Monday").
fn future_before(t: &Toks, i: usize) -> bool {
    let mut k = i;
    let mut steps = 0;
    while k > 0 && steps < 30 {
        if t.sentence_start(k) {
            return false;
        }
        k -= 1;
        steps += 1;
        let w = t.s(k).to_ascii_lowercase();
        match w.as_str() {
            "said" | "told" | "announced" | "added" | "stated" | "reported" | "confirmed" | "was" | "were" | "had"
            | "did" => return false,
            "will" | "shall" | "scheduled" | "slated" | "due" | "upcoming" => return true,
            "ll" if t.glued(k) => return true,
            _ => {}
        }
    }
    false
}

/// Relative expressions: "yesterday", "two days ago", "last week", "earlier this month",
/// "the third quarter".
fn relative(t: &Toks, i: usize, r: Option<NaiveDate>) -> Option<Found> {
    let w = t.s(i).to_ascii_lowercase();
    let r_day = |delta: i64| Some(When::Day(shift_days(r?, delta)?));
    match w.as_str() {
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
    if let Some(found) = ago(t, i, r) {
        return Some(found);
    }
    if let Some(found) = quarter(t, i, r) {
        return Some(found);
    }
    // [earlier|later] last|next|this week|month|year|weekend|night|morning...
    let (start_tok, k) = if matches!(w.as_str(), "earlier" | "later") { (i, i + 1) } else { (i, i) };
    let modifier = t.s(k).to_ascii_lowercase();
    let delta: i64 = match modifier.as_str() {
        "last" => -1,
        "next" => 1,
        "this" => 0,
        _ => return None,
    };
    if t.capitalized(k + 1) && !t.sentence_start(k) {
        return None;
    }
    let unit = t.s(k + 1).to_ascii_lowercase();
    let r = r?;
    if let Some(found) = season(r, delta, &unit) {
        return Some((k + 2, t.start(start_tok), found));
    }
    let when = match unit.as_str() {
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

/// "two days ago", "a week ago", "3 years ago".
fn ago(t: &Toks, i: usize, r: Option<NaiveDate>) -> Option<Found> {
    let n: i64 = if t.is_num(i) {
        i64::from(t.int(i)?.0)
    } else if t.is(i, "a") || t.is(i, "an") {
        1
    } else {
        i64::from(small_number(t.s(i))?)
    };
    if !t.is(i + 2, "ago") {
        return None;
    }
    let unit = t.s(i + 1).to_ascii_lowercase();
    let r = r?;
    let when = match unit.trim_end_matches('s') {
        "day" => When::Day(shift_days(r, -n)?),
        "week" => When::Day(shift_days(r, -7 * n)?),
        "month" => {
            let (y, m) = add_months(r.year(), r.month(), -(i32::try_from(n).ok()?));
            When::Month(y, m)
        }
        "year" => When::Year(r.year() - i32::try_from(n).ok()?),
        _ => return None,
    };
    Some((i + 3, t.start(i), when))
}

/// "the third quarter", "the first quarter of 2019", "last quarter".
fn quarter(t: &Toks, i: usize, r: Option<NaiveDate>) -> Option<Found> {
    let rq = |r: NaiveDate| (r.month() - 1) / 3 + 1;
    if t.is(i, "last") && t.is(i + 1, "quarter") {
        let r = r?;
        let (y, q) = if rq(r) == 1 { (r.year() - 1, 4) } else { (r.year(), rq(r) - 1) };
        return Some((i + 2, t.start(i), When::Quarter(y, q)));
    }
    let q = ordinal_word(t.s(i)).or_else(|| {
        let (v, n) = t.int(i)?;
        let suffix = t.s(i + 1).to_ascii_lowercase();
        (n == 1 && (1..=4).contains(&v) && t.glued(i + 1) && matches!(suffix.as_str(), "st" | "nd" | "rd" | "th"))
            .then_some(v)
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
        year_value(t, next + 1).inspect(|_| next += 2)
    } else if i > 0 {
        year_value(t, i - 1)
    } else {
        None
    };
    let y = match year {
        Some(y) => y,
        None => {
            let r = r?;
            if q > rq(r) {
                r.year() - 1
            } else {
                r.year()
            }
        }
    };
    Some((next, t.start(i), When::Quarter(y, q)))
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
    let prev = p.map(|p| t.s(p).to_ascii_lowercase()).unwrap_or_default();
    if NOT_YEAR_BEFORE.contains(&prev.as_str()) || prev == "#" || prev == "$" {
        return None;
    }
    let has_prep = p.is_some_and(|_| SPAN_PREPS.contains(&prev.as_str()));
    let has_cue = YEAR_CUES.contains(&prev.as_str()) || (p.is_some() && month(&prev).is_some());
    if counted_noun_after(t, i + 1) && prev != "the" {
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
    let w = t.s(k).to_ascii_lowercase();
    if UNITS.contains(&w.as_str()) {
        return true;
    }
    w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !S_WORDS.contains(&w.as_str())
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
        one("MOSCOW (Agency - 18th September, 2019) The", "18th September, 2019", "2019-09-18");
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
        one("met in Ankara on Monday, the", "on Monday", "2019-09-16");
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
        one("in June last year", "in June last year", "2018-06");
        one("last summer", "last summer", "2019-SU");
        one("in the third-quarter results", "third-quarter", "2019-Q3");
        one("in March", "in March", "2019-03");
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
    fn relative_needs_reference() {
        let text = "on Monday, last week, yesterday, in 2013, Sept. 18";
        let t = Toks::new(text);
        let got: Vec<String> = scan(&t, None).into_iter().map(|h| h.value).collect();
        assert_eq!(got, ["2013"]);
    }
}
