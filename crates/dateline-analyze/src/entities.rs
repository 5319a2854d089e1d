//! Named entities (stub; the entities issue fills it in).

use dateline_text::Span;

use crate::{Dateline, Entity, Resources};

/// Finds, types, merges and geocodes the entities of `text`.
pub fn find_entities(
    text: &str,
    sentences: &[Span],
    resources: &Resources,
    dateline: Option<&Dateline>,
) -> Vec<Entity> {
    let _ = (text, sentences, resources, dateline);
    Vec::new()
}
