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
pub(crate) mod resolve;
mod scan;
mod tense;
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

#[cfg(test)]
mod one_year_rule {
    use super::found_at;
    use crate::{dateline::parse_dateline, Resources};

    /// Regression: datelines used a 183-day window and times a month difference, so the same
    /// reference gave "GENEVA, Dec 5" and "on December 5" different years.
    #[test]
    fn datelines_and_times_agree_on_a_missing_year() {
        for (reference, month_day, want) in [
            ("2023-08-01", "Dec 5", "2022-12-05"),
            ("2023-08-01", "Oct 5", "2023-10-05"),
            ("2023-12-30", "Jan 2", "2024-01-02"),
            ("2024-01-02", "Dec 30", "2023-12-30"),
        ] {
            let dl = parse_dateline(
                &format!("GENEVA, {month_day} - The talks resumed."),
                &Resources::default(),
                Some(reference),
            )
            .and_then(|d| d.date);
            assert_eq!(dl.as_deref(), Some(want), "dateline {month_day} read on {reference}");
            let times = found_at(&format!("Talks on {month_day} in Geneva."), reference);
            assert!(times.iter().any(|(_, v)| v == want), "times {month_day} read on {reference}: {times:?}");
        }
    }
}
