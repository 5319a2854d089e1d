//! Time expressions (stub; the attribution issue fills it in).

use chrono::NaiveDate;

use crate::TimeExpr;

/// Finds time expressions in `text` and resolves them against `reference` (the article's date).
pub fn find_times(text: &str, reference: Option<NaiveDate>) -> Vec<TimeExpr> {
    let _ = (text, reference);
    Vec::new()
}
