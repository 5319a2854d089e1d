//! The dateline stage (`dateline-analyze`, `dateline/`).

crate::lists! {
    /// The lists of `resources/lexicon/en/dateline/`.
    pub struct Dateline in "en/";
    /// Newsroom labels written in capitals at the start of a story that look like a dateline's
    /// place (`BREAKING -`, `UPDATE:`), and are never one.
    labels: Words = "dateline/labels.txt";
    /// Agency names written in lowercase (`(dpa)`).
    lowercase_agencies: Words = "dateline/lowercase-agencies.txt";
}
