//! Byline cleaning (`dateline-ingest`, `html/meta.rs`).

crate::lists! {
    /// Words that are never part of a person's name in a byline.
    BYLINE_NOISE: Words = "page/meta/byline-noise.txt";
    /// What a byline slot holds when it holds no name: form labels of comment boxes, CMS defaults.
    PLACEHOLDERS: Words = "page/meta/placeholders.txt";
}
