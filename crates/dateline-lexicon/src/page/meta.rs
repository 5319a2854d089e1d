//! Byline cleaning (`dateline-ingest`, `html/meta.rs`).

crate::lists! {
    /// The lists of `resources/lexicon/page/meta/`.
    pub struct Meta in "page/";
    /// Words that are never part of a person's name in a byline.
    byline_noise / BYLINE_NOISE: Words = "meta/byline-noise.txt";
    /// What a byline slot holds when it holds no name: form labels of comment boxes, CMS defaults.
    placeholders / PLACEHOLDERS: Words = "meta/placeholders.txt";
}
