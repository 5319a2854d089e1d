//! The amount stage (`dateline-analyze`, `amounts/`).

crate::lists! {
    /// Words after "N years" that make it an age or a point in time, not a duration.
    NOT_DURATION_AFTER: Words = "en/amounts/not-duration-after.txt";
}
