//! Lead blocks: what a page puts before the body of a story, and where the body starts.
//!
//! Pages as crawled rarely open with the wire dateline. Before it come, in some order: a site
//! name or section path (`Home > World`, `News / Africa`), a headline, a kicker or standfirst, a
//! byline (`By Jane Roe, Example News`), a date line (`Sep 3, 2014`, `DATE: 04/01/2007`,
//! `Updated: 21.06.2010 14:05`, `5 Nov 2013 at 18:20hrs | Views`). [`read_lead`] reads the first
//! lines of the text, classifies each one, and looks for the dateline at the start of every line
//! up to the first few paragraphs of prose.
//!
//! Nothing here changes the text: every finding is a span into it, so the offsets of all later
//! stages stay those of the text (`tests/lead_blocks.rs` checks it with proptest).
//!
//! Dates written with numbers only (`04/01/2007`) are read day-first or month-first by evidence:
//! a part over 12, then a date with a month name elsewhere in the lead that agrees with one
//! reading, then the dateline's country (month-first in the United States and a few others).
//! With no evidence the date is left unread rather than guessed.

use chrono::{Datelike, NaiveDate};

use crate::dateline::parse_dateline_at;
use crate::dates::{day_from_word, month_from_name, parse_date_phrase, weekday_from_name, DatePhrase};
use crate::{Dateline, Resources, Span};

/// How far into the text the lead may reach, in bytes.
const LEAD_BYTES: usize = 3000;
/// The most lines read.
const MAX_LINES: usize = 24;
/// How many paragraphs of prose may come before the dateline (a standfirst, a site blurb).
const MAX_PROSE_BEFORE_DATELINE: usize = 2;
/// The fewest words after a dateline on its line.
const MIN_WORDS_AFTER: usize = 4;
/// A line longer than this, or ending like a sentence, is prose rather than a lead line.
const SHORT_LINE: usize = 160;

/// What the lead of a text holds.
#[derive(Debug, Default, Clone)]
pub(crate) struct Lead {
    /// The headline line, when one stands before the body.
    pub title: Option<Span>,
    /// The byline.
    pub byline: Option<Byline>,
    /// Dates printed in the lead (date lines, bylines), in order.
    pub dates: Vec<LeadDate>,
    /// The wire dateline, wherever it opens a line of the lead or of the first paragraphs.
    pub dateline: Option<Dateline>,
    /// Where the body starts: the dateline's line, else the first paragraph of prose.
    pub body_start: usize,
}

/// A byline: `By Jane Roe, Example News`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Byline {
    /// The author's name as written.
    pub author: String,
    /// The agency or outlet after the name, when given.
    pub agency: Option<String>,
    /// Where the agency is written.
    pub agency_span: Option<Span>,
    /// The line.
    pub span: Span,
}

/// A date printed in the lead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LeadDate {
    /// The date as written.
    pub span: Span,
    /// The day it names.
    pub date: NaiveDate,
    /// A clock time on the same line, as written, with its value (hours, minutes).
    pub time: Option<(Span, u32, u32)>,
}

impl Lead {
    /// The page's own date: the date line nearest before the body (a blog's post date may come
    /// earlier, the story's date after its byline).
    pub fn published(&self) -> Option<NaiveDate> {
        self.dates.iter().rev().find(|d| d.span.0 < self.body_start).or(self.dates.first()).map(|d| d.date)
    }
}

/// A numeric date not yet given an order: `04/01/2007`.
#[derive(Debug, Clone, Copy)]
struct Numeric {
    span: Span,
    a: u32,
    b: u32,
    year: i32,
    time: Option<(Span, u32, u32)>,
}

/// Reads the lead of `text`. `reference` (ISO 8601) is a date known from outside the text (the
/// crawl header, the source's metadata); it dates a dateline that gives no year.
pub(crate) fn read_lead(text: &str, resources: &Resources, reference: Option<&str>) -> Lead {
    let mut lead = Lead::default();
    let mut numerics: Vec<Numeric> = Vec::new();
    let mut prose = 0;
    let mut body_start = None;
    let mut pos = 0;
    let mut lines = 0;
    let mut pending_lines: Vec<(usize, usize)> = Vec::new();
    let mut bylines: Vec<Byline> = Vec::new();
    while pos < text.len() && pos < LEAD_BYTES && lines < MAX_LINES {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line_start = pos + (text[pos..end].len() - text[pos..end].trim_start().len());
        let line = text[line_start..end].trim_end();
        pos = end + 1;
        if line.is_empty() {
            continue;
        }
        lines += 1;
        // The dateline: before any dates of the lead are known, with the outside reference; the
        // lead's own date fills in later.
        let own = lead_reference(&lead, &numerics);
        let reference_here = reference.map(str::to_string).or(own.map(|d| d.format("%Y-%m-%d").to_string()));
        if let Some(d) = parse_dateline_at(text, line_start, resources, reference_here.as_deref()) {
            // The story goes on after the dateline on its line (`NEWSWIRE - The Daily Agency
            // Service` is a masthead, not a dateline).
            let structured = d.date.is_some() || !d.sources.is_empty();
            if structured || lines == 1 || reads_on(text.get(d.span.1..end).unwrap_or("")) {
                lead.dateline = Some(d);
                break;
            }
        }
        if is_prose(line) {
            body_start.get_or_insert(line_start);
            prose += 1;
            if prose > MAX_PROSE_BEFORE_DATELINE {
                break;
            }
            continue;
        }
        if let Some(b) = byline(line, line_start) {
            bylines.push(b);
            continue;
        }
        if let Some(found) = date_in_line(line, line_start) {
            match found {
                Found::Named(d) => lead.dates.push(d),
                Found::Numeric(n) => numerics.push(n),
            }
            continue;
        }
        pending_lines.push((line_start, line_start + line.len()));
    }
    // The body starts at the dateline, else at the first prose; lead lines are those before it
    // (short lines after the first prose are subheads when no dateline follows).
    lead.body_start = match (&lead.dateline, body_start) {
        (Some(d), _) => d.span.0,
        (None, Some(b)) => b,
        (None, None) => 0,
    };
    let before = |s: usize| s < lead.body_start;
    lead.byline = bylines.into_iter().find(|b| before(b.span.0));
    lead.dates.retain(|d| before(d.span.0));
    numerics.retain(|n| before(n.span.0));
    pending_lines.retain(|&(s, _)| before(s));
    // Numeric dates, by evidence.
    let country = lead.dateline.as_ref().and_then(|d| d.country.clone());
    for n in numerics {
        if let Some(date) = order_numeric(&n, &lead.dates, country.as_deref(), &resources.lexicon) {
            lead.dates.push(LeadDate { span: n.span, date, time: n.time });
        }
    }
    lead.dates.sort_by_key(|d| d.span.0);
    // The headline: the first line of a few words that reads like one.
    lead.title = pending_lines.iter().find(|&&(s, e)| is_headline(&text[s..e])).map(|&(s, e)| Span(s, e));
    lead
}

/// Finds the dateline of a page as it comes: at the start of the text, or after the lead
/// (headline, page chrome, byline, date lines), or at the start of one of the first paragraphs
/// of prose. `reference` (ISO 8601) dates a dateline that gives no year, as in
/// [`parse_dateline`](crate::parse_dateline); a date line of the lead does too.
pub fn find_dateline(text: &str, resources: &Resources, reference: Option<&str>) -> Option<Dateline> {
    read_lead(text, resources, reference).dateline
}

/// The spans the lead reader reports in `text` (title, byline, dates, dateline) and where the
/// body starts, for checks that they all slice the text.
pub fn lead_spans(text: &str, resources: &Resources) -> (Vec<Span>, usize) {
    let lead = read_lead(text, resources, None);
    let mut spans: Vec<Span> = lead.title.into_iter().chain(lead.byline.map(|b| b.span)).collect();
    spans.extend(lead.dates.iter().map(|d| d.span));
    spans.extend(lead.dates.iter().filter_map(|d| d.time.map(|t| t.0)));
    spans.extend(lead.dateline.map(|d| d.span));
    (spans, lead.body_start)
}

/// The lead's own date so far (for a dateline without a year), from dates with a month name.
fn lead_reference(lead: &Lead, _numerics: &[Numeric]) -> Option<NaiveDate> {
    lead.dates.last().map(|d| d.date)
}

/// Whether the rest of a line after a dateline is the story: enough words, one of them
/// lowercase (a masthead's words are all capitalised).
fn reads_on(rest: &str) -> bool {
    let words: Vec<&str> = rest.split_whitespace().collect();
    words.len() >= MIN_WORDS_AFTER && words.iter().take(12).any(|w| w.starts_with(|c: char| c.is_lowercase()))
}

/// Whether a line reads as running prose: long, or ending like a sentence with enough words.
fn is_prose(line: &str) -> bool {
    let words = line.split_whitespace().count();
    if line.len() > SHORT_LINE {
        return true;
    }
    let ends = line.ends_with(['.', '!', '?', '"', '\u{201D}']) && !line.ends_with("..");
    ends && words >= 8
}

/// Whether a short line reads like a headline: at least four words, starting with a capital or
/// a digit, not a section path.
fn is_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (4..=30).contains(&words)
        && line.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '\'' || c == '"')
        && !line.contains(" > ")
        && !line.contains(" / ")
        && !line.starts_with(['\u{2022}', '*', '|'])
}

/// A byline: `By Jane Roe`, `BY JANE ROE`, `By: Web Desk`, `By Jane Roe, Example News`.
fn byline(line: &str, start: usize) -> Option<Byline> {
    let rest = ["By:", "BY:", "By ", "BY ", "by "].iter().find_map(|p| line.strip_prefix(p))?;
    let rest = rest.trim_start();
    if !rest.starts_with(char::is_uppercase) || rest.len() > 100 {
        return None;
    }
    let mut parts = rest.splitn(2, [',', '|']).map(str::trim);
    let author = parts.next()?.trim_end_matches(['-', '\u{2013}', '\u{2014}', ' ']);
    let name_like = |s: &str| {
        let words: Vec<&str> = s.split_whitespace().collect();
        !words.is_empty()
            && words.len() <= 6
            && words.iter().all(|w| {
                w.starts_with(|c: char| c.is_uppercase()) || matches!(*w, "de" | "van" | "von" | "al" | "bin" | "and")
            })
    };
    if !name_like(author) {
        return None;
    }
    let agency = parts.next().filter(|a| name_like(a));
    let agency_span = agency.and_then(|a| {
        let off = line.rfind(a)?;
        Some(Span(start + off, start + off + a.len()))
    });
    Some(Byline {
        author: author.to_string(),
        agency: agency.map(str::to_string),
        agency_span,
        span: Span(start, start + line.len()),
    })
}

/// Words a date line may hold besides the date: labels, times, zones, and the page furniture
/// around them (`Updated:`, `at 18:20hrs`, `| Views`, `5 minutes ago`).
fn is_furniture(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    if w.is_empty() || w.bytes().all(|b| b.is_ascii_digit() || b == b':') {
        return true;
    }
    let lower = w.to_lowercase();
    matches!(
        lower.as_str(),
        "date"
            | "dated"
            | "updated"
            | "update"
            | "published"
            | "posted"
            | "last"
            | "modified"
            | "created"
            | "on"
            | "at"
            | "hrs"
            | "hr"
            | "h"
            | "am"
            | "pm"
            | "a.m"
            | "p.m"
            | "gmt"
            | "utc"
            | "ist"
            | "pkt"
            | "est"
            | "edt"
            | "cet"
            | "cest"
            | "bst"
            | "pst"
            | "pdt"
            | "local"
            | "time"
            | "views"
            | "ago"
            | "minute"
            | "minutes"
            | "hour"
            | "hours"
            | "day"
            | "days"
            | "first"
    ) || weekday_from_name(&lower).is_some()
        || month_from_name(&lower).is_some()
        || day_from_word(w).is_some()
        || parse_clock(w).is_some()
}

/// The two day/month parts of a numeric date in written order, and its year.
type NumericParts = (u32, u32, i32);

/// What a date line gave.
enum Found {
    Named(LeadDate),
    Numeric(Numeric),
}

/// The date of a date line: a short line whose words, besides one date, are furniture or the
/// capitalised words of a name (a byline with its timestamp). `None` for anything else.
fn date_in_line(line: &str, start: usize) -> Option<Found> {
    if line.len() > 120 || line.ends_with('.') && line.split_whitespace().count() > 6 {
        return None;
    }
    // Find the first date in the line, at a word start.
    let mut date: Option<(usize, usize, Option<NaiveDate>, Option<NumericParts>)> = None;
    for (i, _) in word_starts(line) {
        let rest = &line[i..];
        if let Some((DatePhrase::Date(md), len)) = parse_date_phrase(rest) {
            if let Some(y) = md.year {
                if let Some(d) = NaiveDate::from_ymd_opt(y, md.month, md.day) {
                    date = Some((i, i + len, Some(d), None));
                    break;
                }
            }
        }
        if let Some((a, b, y, len)) = numeric_date(rest) {
            date = Some((i, i + len, None, Some((a, b, y))));
            break;
        }
    }
    let (ds, de, named, numeric) = date?;
    // Everything else on the line is furniture or a name.
    let outside = format!("{} {}", &line[..ds], &line[de..]);
    let mut lowercase_words = 0;
    for w in outside.split(|c: char| c.is_whitespace() || c == '|') {
        if w.is_empty() || is_furniture(w) {
            continue;
        }
        let w = w.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | ':' | '-' | '\u{2013}' | '\u{2014}'));
        if w.is_empty() || w.starts_with(|c: char| c.is_uppercase() || c == '@') {
            continue;
        }
        lowercase_words += 1;
    }
    if lowercase_words > 1 {
        return None;
    }
    let time = clock_in(line, de).map(|(s, e, h, m)| (Span(start + s, start + e), h, m));
    let span = Span(start + ds, start + de);
    Some(match (named, numeric) {
        (Some(date), _) => Found::Named(LeadDate { span, date, time }),
        (None, Some((a, b, year))) => Found::Numeric(Numeric { span, a, b, year, time }),
        _ => return None,
    })
}

/// Byte offsets of the word starts in `s` (after a space, `|`, `:` or `(`, and at 0).
fn word_starts(s: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut prev: Option<char> = None;
    s.char_indices().filter(move |&(_, c)| {
        let starts = prev.is_none_or(|p| p.is_whitespace() || matches!(p, '|' | ':' | '(' | ','));
        prev = Some(c);
        starts && c.is_alphanumeric()
    })
}

/// A numeric date at the start of `s`: `21.06.2010`, `04/01/2007`, `15.4.09`, `2010-06-21`.
/// Returns the two day/month parts in written order (ISO dates come back already ordered, as
/// a day over 12 cannot be: see [`order_numeric`]), the year, and the length.
fn numeric_date(s: &str) -> Option<(u32, u32, i32, usize)> {
    let len = s.find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '/' | '-'))).unwrap_or(s.len());
    let token = s[..len].trim_end_matches('.');
    if s[len..].starts_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    let sep = token.chars().find(|c| matches!(c, '.' | '/' | '-'))?;
    let parts: Vec<&str> = token.split(sep).collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || p.len() > 4) {
        return None;
    }
    let n: Vec<u32> = parts.iter().map(|p| p.parse().ok()).collect::<Option<_>>()?;
    if parts[0].len() == 4 {
        // ISO order: year, month, day. Written as (day, month) so the order is known.
        if sep != '-' || !(1..=12).contains(&n[1]) || !(1..=31).contains(&n[2]) {
            return None;
        }
        return Some((n[2], n[1] + 100, n[0] as i32, token.len()));
    }
    let year = match parts[2].len() {
        4 => n[2] as i32,
        2 => {
            if n[2] < 50 {
                2000 + n[2] as i32
            } else {
                1900 + n[2] as i32
            }
        }
        _ => return None,
    };
    if !(1..=31).contains(&n[0]) || !(1..=31).contains(&n[1]) || parts[0].len() > 2 || parts[1].len() > 2 {
        return None;
    }
    if !(1900..2100).contains(&year) {
        return None;
    }
    Some((n[0], n[1], year, token.len()))
}

/// Orders a numeric date by evidence; `None` when nothing decides.
///
/// The countries that write the month first are `lead/month-first.txt` of `lx`.
fn order_numeric(n: &Numeric, named: &[LeadDate], country: Option<&str>, lx: &crate::Lexicon) -> Option<NaiveDate> {
    // ISO dates were marked with a month over 100.
    if n.b > 100 {
        return NaiveDate::from_ymd_opt(n.year, n.b - 100, n.a);
    }
    let day_first = NaiveDate::from_ymd_opt(n.year, n.b, n.a);
    let month_first = NaiveDate::from_ymd_opt(n.year, n.a, n.b);
    match (day_first, month_first) {
        (Some(d), None) => return Some(d),
        (None, Some(m)) => return Some(m),
        (None, None) => return None,
        (Some(d), Some(m)) if d == m => return Some(d),
        _ => {}
    }
    let (d, m) = (day_first?, month_first?);
    // Another date on the page within a few days of one reading only.
    let near = |x: NaiveDate| named.iter().any(|o| (o.date - x).num_days().abs() <= 3);
    match (near(d), near(m)) {
        (true, false) => return Some(d),
        (false, true) => return Some(m),
        _ => {}
    }
    match country {
        Some(c) if lx.lead.month_first.contains(&c) => Some(m),
        Some(_) => Some(d),
        None => None,
    }
}

/// A clock time after byte `from` in `line`: `08:05 PM`, `14:05`, `18:20hrs`.
fn clock_in(line: &str, from: usize) -> Option<(usize, usize, u32, u32)> {
    for (i, _) in word_starts(line).filter(|&(i, _)| i >= from) {
        let rest = &line[i..];
        let len = rest.find(|c: char| c.is_whitespace() || c == '|').unwrap_or(rest.len());
        if let Some((h, m)) = parse_clock(&rest[..len]) {
            let mut end = i + len;
            let mut hour = h;
            // A following AM / PM.
            let after = &line[end..];
            let gap = after.len() - after.trim_start().len();
            let word = after.split_whitespace().next().unwrap_or("");
            let w = word.trim_end_matches('.').to_ascii_lowercase();
            if gap > 0 && matches!(w.as_str(), "am" | "pm" | "a.m" | "p.m") && h <= 12 {
                if w.starts_with('p') && h < 12 {
                    hour = h + 12;
                } else if w.starts_with('a') && h == 12 {
                    hour = 0;
                }
                end += gap + word.len();
            }
            return Some((i, end, hour, m));
        }
    }
    None
}

/// `14:05`, `18:20hrs`, `8:05` → (hours, minutes).
fn parse_clock(w: &str) -> Option<(u32, u32)> {
    let w = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let (h, m) = w.split_once(':')?;
    if !(1..=2).contains(&h.len()) || m.len() != 2 {
        return None;
    }
    let h: u32 = h.parse().ok()?;
    let m: u32 = m.parse().ok()?;
    (h < 24 && m < 60).then_some((h, m))
}

/// The ISO 8601 value of a lead date, with its clock time when it has one.
pub(crate) fn iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid")
    }

    #[test]
    fn numeric_dates_are_ordered_by_evidence() {
        let lx = crate::Lexicon::embedded();
        let n = |s: &str| {
            let (a, b, year, len) = numeric_date(s).expect("numeric");
            Numeric { span: Span(0, len), a, b, year, time: None }
        };
        // A part over 12 decides.
        assert_eq!(order_numeric(&n("21.06.2010"), &[], None, &lx), Some(d(2010, 6, 21)));
        assert_eq!(order_numeric(&n("06/21/2010"), &[], None, &lx), Some(d(2010, 6, 21)));
        assert_eq!(order_numeric(&n("15.4.09"), &[], None, &lx), Some(d(2009, 4, 15)));
        // Nothing decides: unread.
        assert_eq!(order_numeric(&n("04/01/2007"), &[], None, &lx), None);
        // The country decides.
        assert_eq!(order_numeric(&n("04/01/2007"), &[], Some("US"), &lx), Some(d(2007, 4, 1)));
        assert_eq!(order_numeric(&n("04/01/2007"), &[], Some("GB"), &lx), Some(d(2007, 1, 4)));
        // Another date on the page decides.
        let other = LeadDate { span: Span(0, 1), date: d(2007, 4, 2), time: None };
        assert_eq!(order_numeric(&n("04/01/2007"), &[other], Some("GB"), &lx), Some(d(2007, 4, 1)));
        // ISO.
        assert_eq!(order_numeric(&n("2010-06-01"), &[], None, &lx), Some(d(2010, 6, 1)));
        assert!(numeric_date("3.5 percent").is_none());
        assert!(numeric_date("1.2.3.4").is_none());
        assert!(numeric_date("12.13").is_none());
    }

    #[test]
    fn date_lines() {
        let got = |s: &str| match date_in_line(s, 0) {
            Some(Found::Named(d)) => Some((iso(d.date), d.time.map(|t| (t.1, t.2)))),
            Some(Found::Numeric(n)) => Some((format!("{}/{}/{}", n.a, n.b, n.year), n.time.map(|t| (t.1, t.2)))),
            None => None,
        };
        assert_eq!(got("Aug 3, 2009"), Some(("2009-08-03".into(), None)));
        assert_eq!(got("5 Nov 2013 at 18:20hrs | Views"), Some(("2013-11-05".into(), Some((18, 20)))));
        assert_eq!(got("Updated: 11.02.2012 09:45"), Some(("11/2/2012".into(), Some((9, 45)))));
        assert_eq!(got("DATE: 05/03/2004"), Some(("5/3/2004".into(), None)));
        assert_eq!(
            got("Jane Roe (@jroe) 5 minutes ago Sat 04th May 2019 | 08:05 PM"),
            Some(("2019-05-04".into(), Some((20, 5))))
        );
        assert_eq!(got("The council met on May 4, 2019 to vote on the plan"), None);
        assert_eq!(got("Market report"), None);
    }

    #[test]
    fn bylines() {
        let b = byline("By Jane Roe, Example News Service", 0).expect("byline");
        assert_eq!(b.author, "Jane Roe");
        assert_eq!(b.agency.as_deref(), Some("Example News Service"));
        assert_eq!(byline("By:Night Desk", 0).map(|b| b.author), Some("Night Desk".into()));
        assert!(byline("By the time the rain stopped", 0).is_none());
        assert!(byline("Bystanders ran", 0).is_none());
    }
}
