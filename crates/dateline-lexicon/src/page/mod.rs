//! Words of web-page furniture that HTML extraction recognises, in the languages pages write them (`resources/lexicon/page/`).

pub mod furniture;
pub mod meta;
pub mod score;

/// Every list of this set.
pub(crate) fn all() -> impl Iterator<Item = &'static dyn crate::Embedded> {
    furniture::ALL.iter().chain(meta::ALL).chain(score::ALL).copied()
}
