//! The fingerprint's boilerplate rule (`dateline-analyze`, `fingerprint.rs`).

crate::lists! {
    /// The lists of `resources/lexicon/en/fingerprint/`.
    pub struct Fingerprint in "en/";
    /// Lines that start with one of these (lower-cased) are boilerplate around the story.
    boilerplate_openings / BOILERPLATE_OPENINGS: Words = "fingerprint/boilerplate-openings.txt";
}
