//! Times that lean on what the article said before them.
//!
//! Two kinds of earlier context matter in news. A results story names its **reporting period**
//! once ("third-quarter profit rose ...") and then says "the quarter", "the latest quarter", "a
//! year ago" or "the year-earlier period" for that period and its year-ago twin. A narrative names
//! a time and then counts from it: "On May 22, 1995 ... the following year", "in June 1998 ...
//! later that year". [`Context`] carries both through the left-to-right scan; without them these
//! expressions are skipped, since the record has no place for an unresolved value.

use chrono::{Datelike, NaiveDate};

use super::resolve::{day, shift_days, weekday_from, Direction};

use super::lexicon::small_number;
use super::resolve::{Unit, When};
use super::scan::{month_led, prep_start, quarter_at, quarter_of, relative_year, year_value, Found};
use super::tense::future_before;
use super::tokens::Toks;

/// How far back (in bytes) a time expression still anchors "the following year" or "a year
/// earlier": about two sentences of wire copy.
const ANCHOR_REACH: usize = 350;

/// What the article has said so far that later expressions resolve against.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Context {
    /// The reporting period of a results story: the first ordinal quarter the text names without
    /// a year ("the third quarter", "third-quarter net"), resolved against the article's date.
    pub period: Option<(i32, u32)>,
    /// The last time expression found and the byte where it ended.
    pub anchor: Option<(When, usize)>,
    /// Set by a match that is a comparison base ("from $4 million a year earlier"): it does not
    /// become the anchor, since what follows still counts from the period reported.
    pub comparison: bool,
}

impl Context {
    /// The last time expression, if it ended within [`ANCHOR_REACH`] bytes before token `i`.
    pub fn recent(&self, t: &Toks, i: usize) -> Option<When> {
        let (when, end) = self.anchor?;
        (t.start(i).saturating_sub(end) <= ANCHOR_REACH).then_some(when)
    }

    /// The year "the year" means in a frame ("later in the year", "the end of the year"): the
    /// reporting period's in a results story, else the year of the time last named, else the
    /// article's.
    fn narrative_year(&self, t: &Toks, i: usize, r: NaiveDate) -> i32 {
        if let Some((y, _)) = self.period {
            return y;
        }
        self.recent(t, i).and_then(When::year).unwrap_or(r.year())
    }
}

/// True when the words `ws` (lowercase; "-" and "'" as their own tokens) start at token `i`.
fn seq(t: &Toks, i: usize, ws: &[&str]) -> bool {
    ws.iter().enumerate().all(|(k, w)| {
        let j = i + k;
        if matches!(*w, "-" | "'") {
            (t.is_punct(j, w) || (*w == "'" && t.is_punct(j, "\u{2019}"))) && t.glued(j) && t.glued(j + 1)
        } else {
            t.is(j, w)
        }
    })
}

/// True when token `k` does not continue the word before it as a hyphenated compound
/// ("the quarter-point cut", "the day-long strike").
fn ends_word(t: &Toks, k: usize) -> bool {
    !(t.glued(k) && t.is_punct(k, "-"))
}

/// "year-ago", "year-earlier", "prior-year" at token `i`: the token after it.
fn year_ago_modifier(t: &Toks, i: usize) -> Option<usize> {
    (seq(t, i, &["year", "-", "ago"]) || seq(t, i, &["year", "-", "earlier"]) || seq(t, i, &["prior", "-", "year"]))
        .then_some(i + 3)
}

/// "a year ago", "a year earlier", "last year" after a period noun ("the quarter a year ago",
/// "the corresponding period last year"): the token after it.
fn year_ago_tail(t: &Toks, k: usize) -> Option<usize> {
    if seq(t, k, &["a", "year", "ago"]) || seq(t, k, &["a", "year", "earlier"]) {
        Some(k + 3)
    } else if seq(t, k, &["last", "year"]) && !t.is_punct(k + 2, "'") {
        Some(k + 2)
    } else {
        None
    }
}

/// True when a comparison word stands just before token `i` ("from", "than", "compared with",
/// "versus", "over"), possibly with a figure between ("up from $4 million, or 3 cents a share,").
pub(super) fn comparison_before(t: &Toks, i: usize) -> bool {
    let mut k = i;
    while k > 0 && i - k < 12 {
        k -= 1;
        let w = t.lower(k);
        if matches!(&*w, "from" | "than" | "with" | "versus" | "vs" | "over" | "to") {
            return true;
        }
        if t.is_word(k) && !matches!(&*w, "or" | "a" | "cents" | "share" | "million" | "billion" | "per") {
            return false;
        }
    }
    false
}

/// True when the sentence before token `i` names a span longer than a quarter ("the nine
/// months", "for the year", "fiscal 1989"), so that "a year earlier" there compares years.
pub(super) fn longer_span_named(t: &Toks, i: usize) -> bool {
    let mut k = i;
    while k > 0 && i - k < 40 && !t.sentence_start(k) {
        k -= 1;
        if t.is(k, "months") && k > 0 && (t.is_num(k - 1) || small_number(t.s(k - 1)).is_some_and(|n| n > 3)) {
            return true;
        }
        let year_noun = t.is(k, "year")
            && ["the", "full", "fiscal", "calendar"].iter().any(|w| t.is(k.wrapping_sub(1), w))
            && ends_word(t, k + 1);
        if t.is(k, "half") || t.is(k, "fiscal") || year_noun {
            return true;
        }
    }
    false
}

/// Results-story periods and the year frames of business copy:
///
/// - "the quarter", "the latest quarter", "the latest period", "this quarter": the reporting
///   period (the latest quarter before the article's when the story named none);
///   "the current quarter" is the article's own quarter;
/// - "the year-ago quarter", "the year-earlier period", "the comparable year-ago quarter", "the
///   quarter a year ago", "the corresponding period last year", "the 1988 period", and the bare
///   modifier ("year-earlier profit"): the reporting period a year back;
/// - "the year-earlier third quarter", "last year's third quarter", "next year's first quarter";
/// - "the first half of 2024", "the latter half of this year", "the first half" in a results
///   story: `2024-H1`;
/// - "the full year", "the current year", "the fiscal year", "for the year", "the end of the
///   year", "year-end": a year (TimeML keeps "the end of" as a modifier, not in the value).
pub(super) fn financial(t: &Toks, i: usize, r: Option<NaiveDate>, cx: &Context) -> Option<Found> {
    let r = r?;
    let start = t.start(i);
    let period = cx.period;
    if t.is(i, "the") {
        return the_period(t, i, r, cx);
    }
    // "this quarter"
    if t.is(i, "this") && t.is(i + 1, "quarter") && ends_word(t, i + 2) {
        let (y, q) = period.unwrap_or((r.year(), quarter_of(r)));
        return Some((i + 2, start, When::Quarter(y, q)));
    }
    // "last year's third quarter", "next year's first quarter", "last year's quarter"
    if let Some(y) = relative_year(t, i, r) {
        if seq(t, i + 2, &["'", "s"]) {
            let k = i + 4;
            if let Some((next, When::Quarter(_, q), _)) = quarter_at(t, k, Some(r)) {
                return Some((next, start, When::Quarter(y, q)));
            }
            if let Some((next, h)) = half_at(t, k) {
                return Some((next, start, When::Half(y, h)));
            }
            if t.is(k, "quarter") || t.is(k, "period") {
                let (_, q) = period?;
                return Some((k + 1, start, When::Quarter(y, q)));
            }
        }
        return None;
    }
    // Bare "year-earlier" / "year-ago" before a noun: "compared with year-earlier profit".
    if let Some(next) = year_ago_modifier(t, i) {
        if t.is(i, "prior") {
            return None;
        }
        let (y, q) = period?;
        let when = if longer_span_named(t, i) { When::Year(y - 1) } else { When::Quarter(y - 1, q) };
        return Some((next, start, when));
    }
    // "year-end", "year end", "year's end": this year's, or last year's after "since".
    if t.is(i, "year") {
        let next = if seq(t, i, &["year", "-", "end"]) {
            i + 3
        } else if seq(t, i, &["year", "'", "s", "end"]) {
            i + 4
        } else if t.is(i + 1, "end") && !t.glued(i + 1) {
            i + 2
        } else {
            return None;
        };
        let since = i > 0 && t.is(i - 1, "since");
        return Some((next, start, When::Year(r.year() - i32::from(since))));
    }
    None
}

/// "first half", "second half", "last half", "first-half": the half and the token after it.
fn half_at(t: &Toks, k: usize) -> Option<(usize, u32)> {
    let h = match &*t.lower(k) {
        "first" => 1,
        "second" | "last" => 2,
        _ => return None,
    };
    let mut j = k + 1;
    if t.is_punct(j, "-") && t.glued(j) && t.glued(j + 1) {
        j += 1;
    }
    t.is(j, "half").then_some((j + 1, h))
}

/// The words that can follow "the" in a form of [`the_period`]: a half, a part of the year, a
/// modifier, or the period noun itself.
const PERIOD_OPENERS: [&str; 22] = [
    "first",
    "second",
    "last",
    "end",
    "start",
    "beginning",
    "rest",
    "remainder",
    "middle",
    "latest",
    "recent",
    "most",
    "current",
    "comparable",
    "corresponding",
    "same",
    "fiscal",
    "full",
    "year",
    "prior",
    "quarter",
    "period",
];

/// The "the ..." forms of [`financial`].
fn the_period(t: &Toks, i: usize, r: NaiveDate, cx: &Context) -> Option<Found> {
    // Every form goes on with one of these words or a year ("the 1988 period"): "the" is among
    // the commonest words, and this spares it all the tests below.
    if !t.is_num(i + 1) && !PERIOD_OPENERS.contains(&&*t.lower(i + 1)) {
        return None;
    }
    let start = t.start(i);
    let period = cx.period;
    // "the first two quarters of 1990", "the last two quarters of this year": a half.
    if (t.is(i + 1, "first") || t.is(i + 1, "last")) && seq(t, i + 2, &["two", "quarters", "of"]) {
        let h = if t.is(i + 1, "first") { 1 } else { 2 };
        if let Some(y) = year_value(t, i + 5) {
            return Some((i + 6, start, When::Half(y, h)));
        }
        let y = relative_year(t, i + 5, r)?;
        return Some((i + 7, start, When::Half(y, h)));
    }
    // "the first half of 2024", "the latter half of this year", "the first half" (results story)
    if let Some((next, h)) = half_at(t, i + 1) {
        if t.is(next, "of") {
            if let Some(y) = year_value(t, next + 1) {
                return Some((next + 2, start, When::Half(y, h)));
            }
            let y = relative_year(t, next + 1, r)?;
            return Some((next + 3, start, When::Half(y, h)));
        }
        period?;
        // The second half named early in a year is the one just reported.
        let y = if h == 2 && r.month() <= 3 { r.year() - 1 } else { r.year() };
        return Some((next, start, When::Half(y, h)));
    }
    // "the end of the year", "the beginning of the year", "the rest of the year"
    if ["end", "start", "beginning", "rest", "remainder", "middle"].iter().any(|w| t.is(i + 1, w))
        && seq(t, i + 2, &["of", "the", "year"])
        && !t.is_punct(i + 5, "'")
    {
        return Some((i + 5, start, When::Year(cx.narrative_year(t, i, r))));
    }
    // "the 1988 period", "the 1989 quarter" (a year when the sentence compares longer spans)
    if let Some(y) = year_value(t, i + 1) {
        if t.is(i + 2, "period") || t.is(i + 2, "quarter") {
            let (_, q) = period?;
            let when =
                if t.is(i + 2, "period") && longer_span_named(t, i) { When::Year(y) } else { When::Quarter(y, q) };
            return Some((i + 3, start, when));
        }
        return None;
    }
    let mut k = i + 1;
    let (mut latest, mut current, mut year_ago, mut fiscal, mut full) = (false, false, false, false, false);
    for _ in 0..3 {
        if t.is(k, "latest") || t.is(k, "recent") {
            latest = true;
            k += 1;
        } else if t.is(k, "most") && t.is(k + 1, "recent") {
            k += 1;
        } else if t.is(k, "current") {
            current = true;
            k += 1;
        } else if t.is(k, "comparable") || t.is(k, "corresponding") || t.is(k, "same") {
            k += 1;
        } else if t.is(k, "fiscal") {
            fiscal = true;
            k += 1;
        } else if t.is(k, "full") {
            full = true;
            k += 1;
        } else if let Some(next) = year_ago_modifier(t, k) {
            year_ago = true;
            k = next;
        } else {
            break;
        }
    }
    // "the year-earlier third quarter"
    if year_ago {
        if let Some((next, when, _)) = quarter_at(t, k, Some(r)) {
            return Some((next, start, when.shift(Unit::Year, -1)?));
        }
    }
    if (t.is(k, "quarter") || t.is(k, "period")) && ends_word(t, k + 1) {
        let is_quarter = t.is(k, "quarter");
        let mut next = k + 1;
        if let Some(after) = year_ago_tail(t, next) {
            year_ago = true;
            next = after;
        }
        if year_ago {
            // "the comparable year-ago quarter, the third quarter ended Oct. 31": the apposition
            // names the quarter (a fiscal one need not be the period reported).
            if t.is_punct(next, ",") && t.is(next + 1, "the") {
                if let Some((_, when @ When::Quarter(..), _)) = quarter_at(t, next + 2, Some(r)) {
                    if t.is(next + 4, "ended") || t.is(next + 5, "ended") {
                        return Some((next, start, when));
                    }
                }
            }
            let (y, q) = period?;
            return Some((next, start, When::Quarter(y - 1, q)));
        }
        if current {
            return is_quarter.then(|| (next, start, When::Quarter(r.year(), quarter_of(r))));
        }
        if k != i + 1 && !latest {
            return None;
        }
        if let Some((y, q)) = period {
            if latest || is_quarter {
                return Some((next, start, When::Quarter(y, q)));
            }
            return None;
        }
        if latest && is_quarter {
            let rq = quarter_of(r);
            let (y, q) = if rq == 1 { (r.year() - 1, 4) } else { (r.year(), rq - 1) };
            return Some((next, start, When::Quarter(y, q)));
        }
        // "the quarter ended Sept. 30": the calendar quarter that date closes.
        if is_quarter && (t.is(next, "ended") || t.is(next, "ending")) {
            if let Some((_, _, When::Day(d))) = month_led(t, next + 1, Some(r)) {
                if d.month() % 3 == 0 {
                    return Some((next, start, When::Quarter(d.year(), quarter_of(d))));
                }
            }
        }
        return None;
    }
    if t.is(k, "year") && ends_word(t, k + 1) && (current || fiscal || full) {
        let next = k + 1;
        // "the fiscal year ended June 30, 1988": the year that date closes.
        if t.is(next, "ended") || t.is(next, "ending") {
            if let Some((_, _, When::Day(d))) = month_led(t, next + 1, Some(r)) {
                return Some((next, start, When::Year(d.year())));
            }
        }
        if let Some(y) = year_value(t, next) {
            return Some((next + 1, start, When::Year(y)));
        }
        if latest {
            return None;
        }
        return Some((next, start, When::Year(r.year())));
    }
    // Plain "the year" in the frames of business and narrative copy: "for the year", "earlier in
    // the year", "the first months of the year".
    if k == i + 1 && t.is(k, "year") && ends_word(t, k + 1) && !t.is_punct(k + 1, "'") {
        let p = i.checked_sub(1)?;
        let frame = t.is(p, "for")
            || t.is(p, "during")
            || (t.is(p, "in") && p > 0 && (t.is(p - 1, "earlier") || t.is(p - 1, "later")))
            || (t.is(p, "of") && p > 0 && (t.is(p - 1, "months") || t.is(p - 1, "half") || t.is(p - 1, "quarter")));
        let next_word = t.lower(k + 1);
        // "a peak for the year of $42.88" is a figure for the year, "man of the year" is not.
        let of_figure = next_word == "of" && (t.is_num(k + 2) || t.is_punct(k + 2, "$"));
        let refused = matches!(&*next_word, "before" | "after" | "earlier" | "later" | "of" | "in" | "when");
        if !frame || refused && !of_figure {
            return None;
        }
        if t.is(k + 1, "ended") || t.is(k + 1, "ending") {
            if let Some((_, _, When::Day(d))) = month_led(t, k + 2, Some(r)) {
                return Some((k + 1, start, When::Year(d.year())));
            }
        }
        return Some((k + 1, start, When::Year(cx.narrative_year(t, i, r))));
    }
    None
}

/// Times counted from the last one named: "the following year", "the next day", "the year
/// before", "the previous month", "later that year", "that day", "the same day". Without a time
/// named within reach they are skipped: the article's date is not what they count from.
pub(super) fn anchored(t: &Toks, i: usize, cx: &Context) -> Option<Found> {
    let w = t.lower(i);
    let start = t.start(i);
    let unit_at = |k: usize| -> Option<Unit> {
        let u = t.lower(k);
        let unit = match &*u {
            "day" => Unit::Day,
            "week" => Unit::Week,
            "month" => Unit::Month,
            "year" => Unit::Year,
            _ => return None,
        };
        // "the day-long strike", "that year's budget" is fine, "the year-ago" is not ours.
        (!(t.glued(k + 1) && t.is_punct(k + 1, "-"))).then_some(unit)
    };
    let (next, unit, n) = match &*w {
        "the" => {
            let m = t.lower(i + 1);
            match &*m {
                "following" | "next" | "previous" | "prior" | "preceding" => {
                    let n = if matches!(&*m, "following" | "next") { 1 } else { -1 };
                    // "the previous Friday": the Friday before the day last named, however far
                    // back (news says "last Friday" for one counted from its own date).
                    if let Some(wd) = t.capitalized(i + 2).then(|| super::lexicon::weekday(t.s(i + 2))).flatten() {
                        let Some((When::Day(d), _)) = cx.anchor else { return None };
                        let dir = if n > 0 { Direction::After } else { Direction::Before };
                        return Some((i + 3, start, When::Day(weekday_from(d, wd, dir))));
                    }
                    // "the next morning" is the next day.
                    if n == 1 && ["morning", "afternoon", "evening", "night"].iter().any(|d| t.is(i + 2, d)) {
                        (i + 3, Unit::Day, 1)
                    } else {
                        (i + 3, unit_at(i + 2)?, n)
                    }
                }
                // "the same month a year ago": the month named, a year back.
                "same" => match year_ago_tail(t, i + 3) {
                    Some(next) => {
                        let unit = unit_at(i + 2)?;
                        let when = at_unit(cx.recent(t, i)?, unit)?.shift(Unit::Year, -1)?;
                        return Some((next, start, when));
                    }
                    None => (i + 3, unit_at(i + 2)?, 0),
                },
                _ => {
                    let unit = unit_at(i + 1)?;
                    let d = t.lower(i + 2);
                    let n = match &*d {
                        "before" | "earlier" | "previous" => -1,
                        "after" | "later" => 1,
                        _ => return None,
                    };
                    // "the day before the election" counts from the election, not from a date.
                    if t.is_word(i + 3) {
                        return None;
                    }
                    (i + 3, unit, n)
                }
            }
        }
        "that" => {
            let k = if t.is(i + 1, "same") { i + 2 } else { i + 1 };
            (k + 1, unit_at(k)?, 0)
        }
        "later" | "earlier" if t.is(i + 1, "that") => (i + 3, unit_at(i + 2)?, 0),
        // "until then": the time last named
        // ("since then" and "by then" frame a span more than they name a time.)
        "then" if ["until", "till"].iter().any(|p| t.is(i.wrapping_sub(1), p)) => {
            let anchor = cx.recent(t, i)?;
            return Some((i + 1, prep_start(t, i).unwrap_or(start), anchor));
        }
        _ => return None,
    };
    let anchor = cx.recent(t, i)?;
    let when = at_unit(anchor, unit)?.shift(unit, n)?;
    Some((next, start, when))
}

/// A value coarsened to a unit: the year of a day, the month of a day, the week of a day.
fn at_unit(when: When, unit: Unit) -> Option<When> {
    let when = match when {
        When::DayTime(d, ..) => When::Day(d),
        w => w,
    };
    Some(match (unit, when) {
        (Unit::Year, w) => When::Year(w.year()?),
        (Unit::Month, When::Day(d)) => When::Month(d.year(), d.month()),
        (Unit::Month, When::Month(..)) => when,
        (Unit::Week, When::Day(d) | When::Week(d)) => When::Week(d),
        (Unit::Day, When::Day(_)) => when,
        _ => return None,
    })
}

/// Prepositions before "the weekend", "the summer": the frame that makes them times.
const FRAME_PREPS: [&str; 16] = [
    "in",
    "during",
    "over",
    "on",
    "at",
    "since",
    "through",
    "until",
    "by",
    "for",
    "into",
    "of",
    "throughout",
    "before",
    "after",
    "from",
];

/// Everyday frames of news copy that name a time without a number:
///
/// - "over the weekend", "during the weekend": the latest weekend (the coming one in the
///   future tense);
/// - "in the summer", "during the early summer", "this past spring", "the spring of 1989": the
///   latest season that has begun (the coming one in the future tense);
/// - "ended the day", "for the day", "later in the day": the day last named, else the
///   article's own (market reports: "the Dow ended the day down 31 points"). The idiom "at the
///   end of the day" is not a time.
pub(super) fn news_frames(t: &Toks, i: usize, r: Option<NaiveDate>, cx: &Context) -> Option<Found> {
    let r = r?;
    let start = t.start(i);
    let prev = |k: usize| k.checked_sub(1).map(|p| t.lower(p)).unwrap_or_default();
    let this_past = t.is(i, "this") && t.is(i + 1, "past");
    if !t.is(i, "the") && !this_past {
        return None;
    }
    let mut k = if this_past { i + 2 } else { i + 1 };
    let framed = this_past || FRAME_PREPS.contains(&&*prev(i));
    // "the weekend"
    if t.is(k, "weekend") && ends_word(t, k + 1) && framed {
        // The coming weekend in the future tense or when the article is written on one; else
        // the last one.
        let when = if future_before(t, i) || r.weekday().num_days_from_monday() >= 5 {
            When::Weekend(r)
        } else {
            When::Weekend(shift_days(r, -7)?)
        };
        return Some((k + 1, start, when));
    }
    // "the [early|late|mid] summer [of 1989]"
    if ["early", "late", "mid"].iter().any(|w| t.is(k, w)) {
        k += 1;
    }
    let code = match t.s(k) {
        "spring" => ("SP", 3),
        "summer" => ("SU", 6),
        "fall" | "autumn" => ("FA", 9),
        "winter" => ("WI", 12),
        _ => ("", 0),
    };
    if code.1 > 0 && ends_word(t, k + 1) {
        if t.is(k + 1, "of") {
            let (y, next) = year_value(t, k + 2).map(|y| (y, k + 3)).or_else(|| spelled_year_value(t, k + 2))?;
            return Some((next, start, When::Season(y, code.0)));
        }
        // "the fall in prices", "the fall of the wall": not the season.
        if !framed || t.is_word(k + 1) && (t.is(k + 1, "in") || t.is(k + 1, "of")) {
            return None;
        }
        let first = code.1;
        let (y, m) = (r.year(), r.month());
        // Winter runs December to February, counted by the year it begins.
        let begun_this_year = m >= first;
        let current = if first == 12 { m == 12 || m <= 2 } else { (first..first + 3).contains(&m) };
        let latest = if begun_this_year { y } else { y - 1 };
        let year = if future_before(t, i) && !current {
            if begun_this_year {
                y + 1
            } else {
                y
            }
        } else {
            latest
        };
        return Some((k + 1, start, When::Season(year, code.0)));
    }
    // "ended the day", "for the day", "later in the day", "the start of the day"
    if t.is(i, "the") && t.is(i + 1, "day") && ends_word(t, i + 2) && !t.is_punct(i + 2, "'") {
        let p = prev(i);
        let p2 = prev(i.saturating_sub(1));
        let frame =
            matches!(&*p, "end" | "ended" | "ending" | "ends" | "finish" | "finished" | "finishing" | "for" | "during")
                || (p == "in" && matches!(&*p2, "early" | "late" | "earlier" | "later"))
                || (p == "of" && matches!(&*p2, "start" | "beginning" | "rest"));
        // "at the end of the day" is an idiom; "the end of the day" is left alone altogether.
        if !frame || (p == "end" && p2 == "the") || t.is_word(i + 2) && t.is(i + 2, "before") {
            return None;
        }
        let when = match cx.recent(t, i) {
            Some(When::Day(d)) => When::Day(d),
            _ => When::Day(r),
        };
        return Some((i + 2, start, when));
    }
    None
}

/// "April 24 and 25", "March 3-4": a day number joined to the day just found takes its month.
pub(super) fn day_list(t: &Toks, i: usize, cx: &Context) -> Option<Found> {
    let (When::Day(d), end) = cx.anchor? else { return None };
    let c = i.checked_sub(1)?;
    let joined = ["and", "or", "to", "through"].iter().any(|w| t.is(c, w)) || (t.is_punct(c, "-") && t.glued(c));
    if !joined || c == 0 || t.end(c - 1) != end {
        return None;
    }
    let (v, n) = t.int(i)?;
    if n > 2 || v <= d.day() || t.glued(i + 1) && !t.is_punct(i + 1, ",") && !t.is_punct(i + 1, ".") {
        return None;
    }
    // "April 24 and 25 people": a count; "April 24 and 25 May": a day of another month.
    if t.is_word(i + 1) && (!t.capitalized(i + 1) || super::lexicon::month(t.s(i + 1)).is_some()) {
        return None;
    }
    Some((i + 1, t.start(i), When::Day(day(d.year(), d.month(), v)?)))
}

/// Years spoken in words, as broadcast transcripts write them: "nineteen ninety-six", "the year
/// two thousand".
pub(super) fn spelled_year(t: &Toks, i: usize, r: Option<NaiveDate>) -> Option<Found> {
    if let Some((y, next)) = spelled_year_value(t, i) {
        let start = prep_start(t, i).unwrap_or(t.start(i));
        return Some((next, start, When::Year(y)));
    }
    if seq(t, i, &["the", "year", "two", "thousand"]) {
        return Some((i + 4, t.start(i), When::Year(2000)));
    }
    spelled_decade(t, i, r)
}

/// "the nineties", "the early eighties": the latest such decade begun by the article's date.
/// Temperatures and ages ("highs in the low nineties", "the nineties in degrees") are not
/// decades: "low", "high", "upper" and a unit after are refused.
fn spelled_decade(t: &Toks, i: usize, r: Option<NaiveDate>) -> Option<Found> {
    if !t.is(i, "the") {
        return None;
    }
    let mut k = i + 1;
    if ["early", "mid", "late"].iter().any(|w| t.is(k, w)) {
        k += 1;
        if t.is_punct(k, "-") && t.glued(k) && t.glued(k + 1) {
            k += 1;
        }
    }
    let tens = match &*t.lower(k) {
        "twenties" => 2,
        "thirties" => 3,
        "forties" => 4,
        "fifties" => 5,
        "sixties" => 6,
        "seventies" => 7,
        "eighties" => 8,
        "nineties" => 9,
        _ => return None,
    };
    if ["degrees", "percent", "fahrenheit", "celsius"].iter().any(|w| t.is(k + 1, w)) {
        return None;
    }
    let r = r?;
    let mut start = r.year() / 100 * 100 + tens * 10;
    if start > r.year() {
        start -= 100;
    }
    Some((k + 1, t.start(i), When::Decade(start / 10)))
}

/// "nineteen ninety-six" at token `i`: the year and the token after it.
pub(super) fn spelled_year_value(t: &Toks, i: usize) -> Option<(i32, usize)> {
    if !t.is(i, "nineteen") {
        return None;
    }
    let tens = small_number(t.s(i + 1)).filter(|n| (20..=90).contains(n) && n % 10 == 0)?;
    let (units, next) = if t.is_punct(i + 2, "-") && t.glued(i + 2) && t.glued(i + 3) {
        match small_number(t.s(i + 3)).filter(|n| (1..=9).contains(n)) {
            Some(u) => (u, i + 4),
            None => (0, i + 2),
        }
    } else {
        (0, i + 2)
    };
    Some((1900 + (tens + units) as i32, next))
}

#[cfg(test)]
mod tests {
    use super::super::found_at;

    fn has(text: &str, reference: &str, want_text: &str, want_value: &str) {
        let got = found_at(text, reference);
        assert!(
            got.iter().any(|(a, b)| a == want_text && b == want_value),
            "{text:?}: want {want_text:?} = {want_value}, got {got:?}"
        );
    }

    const RESULTS: &str = "Brightwater Foods said third-quarter net income climbed 12% to $5 million, or 40 cents \
        a share, against $4.5 million a year ago. Revenue in the latest quarter grew to $90 \
        million from $85 million a year earlier. In the year-earlier period, Brightwater booked a one-time gain \
        from a land sale. The year-ago results were restated. For the nine months, net slipped to $12 million \
        from $14 million a year earlier. Brightwater expects orders in the current quarter to cool, and results \
        for the full year to be flat. Revenue for the quarter was a record.";

    #[test]
    fn results_story_periods() {
        let r = "2023-10-26";
        has(RESULTS, r, "third-quarter", "2023-Q3");
        has(RESULTS, r, "a year ago", "2022-Q3");
        has(RESULTS, r, "the latest quarter", "2023-Q3");
        has(RESULTS, r, "the year-earlier period", "2022-Q3");
        has(RESULTS, r, "year-ago", "2022-Q3");
        has(RESULTS, r, "the current quarter", "2023-Q4");
        has(RESULTS, r, "the full year", "2023");
        has(RESULTS, r, "the quarter", "2023-Q3");
        // The nine months are compared at year precision.
        let got = found_at(RESULTS, r);
        assert_eq!(got.iter().filter(|(a, b)| a == "a year earlier" && b == "2022").count(), 1, "{got:?}");
        assert_eq!(got.iter().filter(|(a, b)| a == "a year earlier" && b == "2022-Q3").count(), 1, "{got:?}");
    }

    #[test]
    fn a_second_results_story_names_its_period() {
        let text = "Brightwater said first-quarter net rose to $9 million from $7 million a year earlier. \
            Separately, Kestrel Mills reported third-quarter profit of $4 million, up from $3 million a year \
            earlier. Year-earlier results included a gain. The effect on fourth-quarter results is not yet known. \
            Orders were flat from a year ago.";
        let got = found_at(text, "2023-10-26");
        let values: Vec<&str> = got.iter().map(|(_, v)| v.as_str()).collect();
        assert_eq!(values, ["2023-Q1", "2022-Q1", "2023-Q3", "2022-Q3", "2022-Q3", "2023-Q4", "2022-Q3"], "{got:?}");
    }

    #[test]
    fn appositions_and_anaphora() {
        let r = "2023-10-27";
        has(
            "During the comparable year-ago quarter, the third quarter ended Oct. 31, the chain made a loss.",
            r,
            "the comparable year-ago quarter",
            "2022-Q3",
        );
        has("The offer closes on Nov. 30. Until then, members may switch plans.", r, "Until then", "2023-11-30");
        assert!(found_at("Since then, members may switch plans.", r).is_empty());
        has(
            "Fares were frozen through the first two quarters of 2024.",
            r,
            "the first two quarters of 2024",
            "2024-H1",
        );
        has("The shares touched a peak for the year of $42 in June.", r, "the year", "2023");
    }

    #[test]
    fn previous_weekday_counts_from_the_last_day_named() {
        let filler = "Dealers pointed to the currency and the budget. ".repeat(10);
        let text = format!("The market finished lower Friday. {filler}It was off 4% from the previous Friday.");
        has(&text, "2023-10-30", "the previous Friday", "2023-10-20");
    }

    #[test]
    fn periods_need_a_results_story() {
        // No quarter named: "the quarter" of a city, a year ago as a plain year, a football half.
        let text = "Police sealed off the quarter. A year ago the team led at the first half and \
                    again in the second half.";
        let got = found_at(text, "2021-05-12");
        assert_eq!(got, [("A year ago".to_string(), "2020".to_string())]);
    }

    #[test]
    fn quarters_and_halves_with_years() {
        let r = "2023-10-31";
        has("the new fee may start as soon as next year's first quarter.", r, "next year's first quarter", "2024-Q1");
        has("orders in the year-earlier third quarter fell", r, "the year-earlier third quarter", "2022-Q3");
        has("weaker margins over the last half of 2023 and", r, "the last half of 2023", "2023-H2");
        has("In the first quarter of last year, it lost $1 million.", r, "first quarter of last year", "2022-Q1");
        has("For the final quarter of 2009, it earned $8 million.", r, "final quarter of 2009", "2009-Q4");
        has("Net rose in the 2022 quarter after the third quarter began.", r, "third quarter", "2023-Q3");
    }

    #[test]
    fn year_frames() {
        let r = "2023-10-30";
        has("to close the merger by year-end.", r, "year-end", "2023");
        has("The index is up 20% since year-end.", r, "year-end", "2022");
        has("a target it set for the end of the year.", r, "the end of the year", "2023");
        has("orders in the current fiscal year will rise", r, "the current fiscal year", "2023");
        has("in fiscal 2023 revenue of $155 million", r, "2023", "2023");
        has("For the year ended June 30, 2022, it earned $4 million.", r, "the year", "2022");
        assert!(found_at("He was named player of the year.", r).is_empty());
    }

    #[test]
    fn counted_from_the_time_named() {
        let r = "2028-01-28";
        has("She moved away in June 2026 and came back later that year.", r, "later that year", "2026");
        has("On May 22, 2023, he was promoted, and the following year he resigned.", r, "the following year", "2024");
        has("Orders fell 42% last month from the previous year.", "2015-02-03", "the previous year", "2014");
        has("The panel met on Aug. 12, 2027. A year earlier, it had said no.", r, "A year earlier", "2026-08-12");
        has("The ballot was on Monday. The count came the next day.", r, "the next day", "2028-01-25");
        // Nothing named before: not resolved.
        assert!(found_at("The count came the next day.", r).is_empty());
        // "the day before the election" counts from the election.
        assert!(found_at("It was on Monday. He left the day before the vote.", r).iter().all(|(a, _)| a != "the day"));
    }

    #[test]
    fn weekends_seasons_and_market_days() {
        let monday = "2018-08-13";
        has("The rebels regrouped over the weekend.", monday, "the weekend", "2018-W32-WE");
        has("Talks will resume over the weekend.", monday, "the weekend", "2018-W33-WE");
        has("Bookings slowed during the early summer.", "2023-10-26", "the early summer", "2023-SU");
        has("Rents rose this past spring.", "2023-10-30", "this past spring", "2023-SP");
        has("Snow fell in the winter.", "2028-02-10", "the winter", "2027-WI");
        has("The mill will reopen in the spring.", "2023-10-30", "the spring", "2024-SP");
        has("It opened in the autumn of 2021.", "2023-10-30", "the autumn of 2021", "2021-FA");
        assert!(found_at("the fall in prices and the fall of the wall", monday).is_empty());
        has("Shares slid on Monday. The index ended the day down 31 points.", "2015-02-24", "the day", "2015-02-23");
        has("The index rose 1% to end the day at 5,210.", "2015-10-12", "the day", "2015-10-12");
        assert!(found_at("When all is said and done, it is about jobs.", monday).is_empty());
    }

    #[test]
    fn weekday_after_a_day_named() {
        let r = "2023-10-30";
        has("The market closed Friday off 4.5% from the previous Friday.", r, "the previous Friday", "2023-10-20");
        has("Lagos, January nineteen ninety-one.", "2026-02-27", "January nineteen ninety-one", "1991-01");
        has(
            "through the winter of nineteen eighty-eight",
            "2026-02-23",
            "the winter of nineteen eighty-eight",
            "1988-WI",
        );
    }

    #[test]
    fn day_lists() {
        has("the fair on April 24 and 25.", "2027-02-10", "25", "2027-04-25");
        assert!(found_at("on April 24 and 25 people died", "2027-02-10").iter().all(|(a, _)| a != "25"));
    }

    #[test]
    fn spoken_years() {
        let r = "2026-02-27";
        has("Lagos, nineteen ninety-one. A market fire.", r, "nineteen ninety-one", "1991");
        has("released in nineteen seventy", r, "in nineteen seventy", "1970");
        has("computers in the year two thousand", r, "the year two thousand", "2000");
        assert!(found_at("nineteen people were hurt", r).is_empty());
    }
}
