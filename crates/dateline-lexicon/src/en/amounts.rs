//! The amount stage (`dateline-analyze`, `amounts/`).

crate::lists! {
    /// The lists of `resources/lexicon/en/amounts/`.
    pub struct Amounts in "en/";
    /// Words after "N years" that make it an age or a point in time, not a duration.
    not_duration_after: Words = "amounts/not-duration-after.txt";
}
