//! The lead stage (`dateline-analyze`, `lead.rs`).

crate::lists! {
    /// The lists of `resources/lexicon/en/lead/`.
    pub struct Lead in "en/";
    /// Countries whose numeric dates are written month first.
    month_first: Words = "lead/month-first.txt";
}
