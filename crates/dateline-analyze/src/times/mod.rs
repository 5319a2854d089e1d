//! Time expressions: absolute dates, years, weekdays and relative expressions, resolved to
//! ISO 8601 at the precision the text gives.
//!
//! A single left-to-right pass over [`tokens`] tries, at each token, the patterns in [`scan`]
//! (longest first: a weekday before a full date, a day before a month before a year). Words that
//! are often not dates ("May", "March", weekday abbreviations, four-digit counts) need evidence:
//! capitalisation plus a day number, a year or a preposition. Expressions that need the article's
//! date to resolve ("on Monday", "last week", "Sept. 18") are skipped when there is none, since the
//! record has no place for an unresolved value.
//!
//! The pass carries a little of what the article said before ([`narrative`]): the reporting
//! period of a results story ("the quarter", "a year ago" there) and the last time named ("the
//! following year", "later that year"). [`holidays`] adds the holidays with one date everywhere.

mod holidays;
pub(crate) mod lexicon;
mod narrative;
mod resolve;
mod scan;
pub(crate) mod tokens;

use chrono::NaiveDate;

use crate::{Span, TimeExpr};

/// Finds time expressions in `text` and resolves them against `reference` (the article's date).
pub fn find_times(text: &str, reference: Option<NaiveDate>) -> Vec<TimeExpr> {
    times_in(&tokens::Toks::new(text), text, reference)
}

/// [`find_times`] over `text` already tokenized (the analysis shares the tokens with amounts).
pub(crate) fn times_in(toks: &tokens::Toks, text: &str, reference: Option<NaiveDate>) -> Vec<TimeExpr> {
    time_spans(toks, reference)
        .into_iter()
        .filter_map(|h| {
            Some(TimeExpr { text: text.get(h.start..h.end)?.to_string(), value: h.value, span: Span(h.start, h.end) })
        })
        .collect()
}

/// The raw hits over an already tokenized text; the amounts stage uses it to keep years and
/// dates out of its numbers.
pub(crate) fn time_spans(toks: &tokens::Toks, reference: Option<NaiveDate>) -> Vec<scan::Hit> {
    scan::scan(toks, reference)
}

/// For the tests of the scanner's parts: each expression found in `text` with `reference` as the
/// article's date, as (text, value).
#[cfg(test)]
fn found_at(text: &str, reference: &str) -> Vec<(String, String)> {
    let t = tokens::Toks::new(text);
    let r = NaiveDate::parse_from_str(reference, "%Y-%m-%d").ok();
    scan::scan(&t, r).into_iter().map(|h| (text[h.start..h.end].to_string(), h.value)).collect()
}
