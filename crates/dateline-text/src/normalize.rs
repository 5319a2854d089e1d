//! NFC and whitespace tidying with an offset map (stub: identity).

use crate::{OffsetMap, TextRepair};

/// Normalises decoded text; returns the text, its map to the original bytes and the repairs made.
pub(crate) fn normalize(
    text: &str,
    decoded: &OffsetMap,
    base: usize,
) -> (String, OffsetMap, Vec<TextRepair>) {
    let trimmed = text.trim();
    let start = text.len() - text.trim_start().len();
    let mut map = OffsetMap::new();
    map.push(start, trimmed.len(), trimmed.len());
    let map = map.compose(decoded);
    let mut shifted = OffsetMap::new();
    shifted.push(base, map.len(), map.len());
    let _ = shifted;
    (trimmed.to_string(), map, Vec::new())
}
