//! The one error type of this crate.

/// Errors while turning bytes into text.
#[derive(Debug, thiserror::Error)]
pub enum TextError {
    /// The input is larger than the configured limit.
    #[error("input of {size} bytes exceeds the limit of {limit} bytes")]
    TooLarge {
        /// Size of the input.
        size: usize,
        /// The configured limit.
        limit: usize,
    },
    /// A declared charset label that encoding_rs does not know.
    #[error("unknown charset label {0:?}")]
    UnknownCharset(String),
    /// The input is empty or only whitespace after decoding.
    #[error("no text: the input is empty after decoding")]
    Empty,
}
