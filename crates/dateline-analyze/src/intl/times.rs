//! Dates in other languages: "5 décembre 2023", "3 de marzo", "5. Dezember", "mardi",
//! "el próximo jueves", "hier", resolved against the publication date as the English time
//! stage resolves them (a year-less date takes its year by `dates::resolve_year`, the one rule
//! for a missing year; a weekday is the last one on or before the publication date unless a
//! word puts it ahead).

use chrono::{Duration, NaiveDate};
use dateline_text::segment::{Token, TokenKind};
use dateline_text::Span;

use super::lexicon::Lists;
use crate::times::resolve::{weekday_from, Direction};
use crate::TimeExpr;

/// The time expressions of an article in `lex`'s language. Without a reference date only
/// dates that carry their year are read.
pub(crate) fn find(text: &str, toks: &[Token], lex: &Lists, reference: Option<NaiveDate>) -> Vec<TimeExpr> {
    let low: Vec<String> = toks.iter().map(|t| t.text(text).to_lowercase()).collect();
    let w = |i: usize| low.get(i).map_or("", String::as_str);
    let mut out: Vec<TimeExpr> = Vec::new();
    let mut push = |a: usize, b: usize, value: String| {
        let span = Span(toks[a].span.0, toks[b].span.1);
        if out.last().is_none_or(|t| t.span.1 <= span.0) {
            out.push(TimeExpr { text: text[span.0..span.1].to_string(), value, span });
        }
    };
    let mut i = 0;
    while i < toks.len() {
        if let Some(&month) = lex.months.get(w(i)) {
            if let Some((first, last, value)) = date_at(toks, &w, i, month, reference) {
                push(first, last, value);
                i = last + 1;
                continue;
            }
        }
        if let (Some(&weekday), Some(r)) = (lex.weekdays.get(w(i)), reference) {
            // "mardi 5 décembre": the date that follows says it
            let dated = toks.get(i + 1).is_some_and(|t| t.kind == TokenKind::Number)
                && (lex.months.contains_key(w(i + 2)) || lex.months.contains_key(w(i + 3)));
            if !dated {
                let ahead = lex.next_words.contains(w(i + 1))
                    || i.checked_sub(1).is_some_and(|p| lex.next_words.contains(w(p)));
                let dir = if ahead { Direction::After } else { Direction::OnOrBefore };
                push(i, i, weekday_from(r, weekday - 1, dir).to_string());
            }
        } else if let (Some(&offset), Some(r)) = (lex.relative_days.get(w(i)), reference) {
            push(i, i, (r + Duration::days(offset)).to_string());
        }
        i += 1;
    }
    out
}

/// The date around month word `m`: its day before it ("5", "5 de", "5."), its year after it
/// ("2023", "de 2023"); the first and last tokens and the ISO value. A month without a day
/// needs its year ("décembre 2023" → 2023-12).
fn date_at<'w>(
    toks: &[Token],
    w: &impl Fn(usize) -> &'w str,
    m: usize,
    month: u32,
    reference: Option<NaiveDate>,
) -> Option<(usize, usize, String)> {
    let text_of = |i: usize| toks.get(i);
    let joiner = |i: usize| matches!(w(i), "de" | "del" | "." | "di");
    // the day before
    let day_at = |i: Option<usize>| i.and_then(|i| text_of(i).map(|t| (i, t)));
    let mut first = m;
    let mut day = None;
    if let Some((k, t)) = day_at(m.checked_sub(1)) {
        if let Some(d) = day_of_text(t, w(k)) {
            day = Some(d);
            first = k;
        } else if joiner(k) {
            if let Some((k2, t2)) = day_at(k.checked_sub(1)) {
                if let Some(d) = day_of_text(t2, w(k2)) {
                    day = Some(d);
                    first = k2;
                }
            }
        }
    }
    // the year after
    let mut last = m;
    let mut year = None;
    if let Some(y) = text_of(m + 1).and_then(|t| year_digits(t, w(m + 1))) {
        year = Some(y);
        last = m + 1;
    } else if joiner(m + 1) {
        if let Some(y) = text_of(m + 2).and_then(|t| year_digits(t, w(m + 2))) {
            year = Some(y);
            last = m + 2;
        }
    }
    match (day, year) {
        (Some(d), Some(y)) => Some((first, last, NaiveDate::from_ymd_opt(y, month, d)?.to_string())),
        (Some(d), None) => Some((first, last, crate::dates::resolve_year(month, d, reference?)?.to_string())),
        (None, Some(y)) => Some((first, last, format!("{y:04}-{month:02}"))),
        (None, None) => None,
    }
}

/// The day of the month a number token gives ("5", "1er", "1º"), from its lower-cased text.
fn day_of_text(t: &Token, low: &str) -> Option<u32> {
    if t.kind != TokenKind::Number {
        return None;
    }
    let digits = low.trim_end_matches(|c: char| c.is_alphabetic() || c == 'º' || c == '°');
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// A four-digit year, from a number token's lower-cased text.
fn year_digits(t: &Token, low: &str) -> Option<i32> {
    (t.kind == TokenKind::Number && low.len() == 4)
        .then(|| low.parse().ok())
        .flatten()
        .filter(|y| (1800..=2200).contains(y))
}
