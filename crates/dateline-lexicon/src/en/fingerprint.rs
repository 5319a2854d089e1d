//! The fingerprint's boilerplate rule (`dateline-analyze`, `fingerprint.rs`).

crate::lists! {
    /// Lines that start with one of these (lower-cased) are boilerplate around the story.
    BOILERPLATE_OPENINGS: Words = "en/fingerprint/boilerplate-openings.txt";
}
