//! The lead stage (`dateline-analyze`, `lead.rs`).

crate::lists! {
    /// Countries whose numeric dates are written month first.
    MONTH_FIRST: Words = "en/lead/month-first.txt";
}
