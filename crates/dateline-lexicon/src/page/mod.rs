//! Words of web-page furniture that HTML extraction recognises, in the languages pages write them (`resources/lexicon/page/`).

pub mod furniture;
pub mod meta;
pub mod score;

/// The page lists as a set (the readers, in `dateline-ingest`, read the statics of each
/// module; this is for the checks).
pub struct Page {
    /// `furniture/`
    pub furniture: furniture::Furniture,
    /// `meta/`
    pub meta: meta::Meta,
    /// `score/`
    pub score: score::Score,
}

/// Every list of this set, embedded.
pub(crate) fn all() -> impl Iterator<Item = &'static dyn crate::List> {
    static PAGE: std::sync::OnceLock<Page> = std::sync::OnceLock::new();
    let p = PAGE.get_or_init(|| Page {
        furniture: furniture::Furniture::embedded(),
        meta: meta::Meta::embedded(),
        score: score::Score::embedded(),
    });
    p.furniture.lists().into_iter().chain(p.meta.lists()).chain(p.score.lists())
}
