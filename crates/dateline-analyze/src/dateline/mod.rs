//! Wire datelines: the `PLACE, Date (Agency) -` preamble that opens a news report.
//!
//! The forms handled (see `tests/dateline.rs`):
//!
//! ```text
//! MOSCOW (Riverside Wire / Tass - 18th September, 2019) The ...
//! WASHINGTON (Reuters) - ...            KABUL, Afghanistan (AP) — ...
//! ISLAMABAD, Jul 2 (Indus Desk / Capital Point News - 2nd Jul, 2021 ) : ...
//! PARIS, March 3 (AFP) - ...            LONDON, Feb 26 - ...
//! BEIRUT, Lebanon -- ...                Moscow, 18 September (TASS) – ...
//! (CNN) — ...                           (AP) - ...     (a credit alone: no place)
//! ```
//!
//! The signal is structural: a place, then optional comma-separated qualifiers (a region or
//! country) and a date, then a parenthesised credit and/or a closing dash or colon. To stay
//! quiet on ordinary first sentences, the place must be written in capitals (`WASHINGTON
//! officials said` still fails, for want of the punctuation), or be a known place in title case
//! with a date, credit or known qualifier after it (`Moscow, 18 September (TASS) –`). A bare
//! `PLACE -` with nothing between must resolve in the gazetteer, so `BREAKING -` is not a
//! dateline.
//!
//! The span runs from the first non-space character to the closing dash or colon inclusive
//! (or the closing parenthesis when no dash follows); the space after it is not included.
//! Only the first [`WINDOW`] bytes are read, so the cost is a few microseconds per article
//! whatever its length.

mod resolve;
mod scan;
mod sources;

use crate::dates::{parse_iso_date, DatePhrase};
use crate::{Dateline, Resources, Span};

/// How many bytes after the first non-space character are examined.
pub(crate) const WINDOW: usize = 200;

/// How much leading whitespace is skipped before giving up.
const MAX_LEADING_SPACE: usize = 64;

/// Finds and parses the dateline that opens `text`.
///
/// `reference_date` (ISO 8601, from the header or `published`) supplies the year when the
/// dateline gives only a day and month, and the date when it gives only a weekday.
pub fn parse_dateline(text: &str, resources: &Resources, reference_date: Option<&str>) -> Option<Dateline> {
    let lead = text.len() - text.trim_start().len();
    if lead > MAX_LEADING_SPACE {
        return None;
    }
    parse_dateline_at(text, lead, resources, reference_date)
}

/// [`parse_dateline`] at byte `lead` of `text` (the first character of a line of the lead or of
/// the body's first paragraph); the span is in `text`. `None` when `lead` is not a char boundary.
pub(crate) fn parse_dateline_at(
    text: &str,
    lead: usize,
    resources: &Resources,
    reference_date: Option<&str>,
) -> Option<Dateline> {
    // Star prefixes some feeds put before a story (`****PLACE, Date -`) are not the dateline.
    let stars = text.get(lead..)?.bytes().take_while(|&b| b == b'*').count();
    let lead = if stars > 0 { lead + stars + scan::spaces(&text[lead + stars..]) } else { lead };
    let window = prefix(text.get(lead..)?, WINDOW);
    if let Some((sources, end)) = credit_only(window, &resources.lexicon) {
        let sources = sources.iter().map(|s| s.to_string()).collect();
        return Some(Dateline { place: None, country: None, sources, date: None, span: Span(lead, lead + end) });
    }
    let raw = scan::scan(window, &resources.lexicon)?;
    let gaz = &resources.gazetteer;
    let resolved = resolve::resolve(gaz, &raw, &resources.lexicon)?;
    let reference = reference_date.and_then(parse_iso_date);
    let date = pick_date(&raw.dates).and_then(|d| d.resolve(reference));
    Some(Dateline {
        place: Some(resolved.place),
        country: resolved.country,
        sources: raw.sources.iter().map(|s| s.to_string()).collect(),
        date: date.map(|d| d.format("%Y-%m-%d").to_string()),
        span: Span(lead, lead + raw.end),
    })
}

/// The longest credit a place-less dateline may have, in bytes (`(Associated Press)`).
const MAX_CREDIT_ONLY: usize = 40;

/// A credit with no place opening the story: `(CNN) — The ...`, `(AP) - ...`, `(CNN)The ...`.
/// The agencies and the length of the dateline, closing dash included.
///
/// A parenthesis opening a text is more often a remark or a label (`(VIDEO)`, `(Updated)`) than
/// a credit, so the credit must be one or more agencies each written as an acronym in capitals
/// (`AP`, `IANS`) or known by name (`entities/org-names.txt`: `Reuters`), none a newsroom label
/// (`dateline/labels.txt`), and be followed by a closing dash or colon, or, for the form some
/// outlets print with no dash, directly by the body's first capital (`(CNN)The`).
fn credit_only<'a>(window: &'a str, lx: &crate::Lexicon) -> Option<(Vec<&'a str>, usize)> {
    let close = window.strip_prefix('(')?.find(')')? + 1;
    if close > MAX_CREDIT_ONLY {
        return None;
    }
    let credit = sources::parse_credit(&window[1..close], lx)?;
    let known = |s: &str| lx.entities.org_names.contains(s);
    let acronym = |s: &str| (2..=6).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase());
    let label = |s: &str| lx.dateline.labels.contains(&s.to_lowercase().as_str());
    if credit.sources.is_empty() || !credit.sources.iter().all(|s| (known(s) || acronym(s)) && !label(s)) {
        return None;
    }
    let after = close + 1;
    let pos = after + scan::spaces(&window[after..]);
    let closing = scan::closing_len(&window[pos..]);
    let end = if closing > 0 && window[pos + closing..].starts_with([' ', '\t']) {
        pos + closing
    } else if window[after..].starts_with(|c: char| c.is_uppercase()) {
        after
    } else {
        return None;
    };
    window[end..]
        .trim_start()
        .starts_with(|c: char| c.is_uppercase() || matches!(c, '"' | '\u{201c}'))
        .then_some((credit.sources, end))
}

/// The longest prefix of `s` of at most `max` bytes that ends on a char boundary.
fn prefix(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The date a dateline states: the first one with a year (the credit often repeats the
/// dateline's date with its year: `ISLAMABAD, Jul 2 (... - 2nd Jul, 2021)`), else the first.
fn pick_date(dates: &[DatePhrase]) -> Option<DatePhrase> {
    dates.iter().copied().find(|d| d.has_year()).or_else(|| dates.first().copied())
}

#[cfg(test)]
mod tests;
