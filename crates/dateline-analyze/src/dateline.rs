//! Wire datelines (stub; filled in by the dateline work).

use crate::{Dateline, Resources};

/// Finds and parses the dateline that opens `text`.
///
/// `reference_date` (ISO 8601, from the header or `published`) supplies the year when the
/// dateline gives only a day and month.
pub fn parse_dateline(
    text: &str,
    resources: &Resources,
    reference_date: Option<&str>,
) -> Option<Dateline> {
    let _ = (text, resources, reference_date);
    None
}
