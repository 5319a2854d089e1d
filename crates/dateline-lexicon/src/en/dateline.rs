//! The dateline stage (`dateline-analyze`, `dateline/`).

crate::lists! {
    /// Newsroom labels written in capitals at the start of a story that look like a dateline's
    /// place (`BREAKING -`, `UPDATE:`), and are never one.
    LABELS: Words = "en/dateline/labels.txt";
    /// Agency names written in lowercase (`(dpa)`).
    LOWERCASE_AGENCIES: Words = "en/dateline/lowercase-agencies.txt";
}
