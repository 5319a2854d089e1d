//! The one error type of this crate. Every variant names the input it is about.

use dateline_text::TextError;

/// Why one input or record could not be read.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// A file or directory could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// A JSONL line is not valid JSON, or not an object.
    #[error("{path}:{line}: invalid JSON: {message}")]
    Json {
        /// The file.
        path: String,
        /// 1-based line number.
        line: usize,
        /// What the parser said.
        message: String,
    },
    /// A JSONL record has neither `text` nor `html` as a string.
    #[error("{path}:{line}: record has no \"text\" or \"html\" string")]
    MissingText {
        /// The file.
        path: String,
        /// 1-based line number.
        line: usize,
    },
    /// A record or file is larger than the configured limit.
    #[error("{input}: {size} bytes exceeds the limit of {limit} bytes ({setting})")]
    TooLarge {
        /// The setting that holds the limit (`--max-bytes`, or the fixed HTML page limit).
        setting: &'static str,
        /// The file, with `:line` for JSONL records.
        input: String,
        /// Its size, or a lower bound.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// The input holds no text (empty, or only whitespace once decoded and normalised): there
    /// is no article to store.
    #[error("{input}: no text (empty or whitespace only)")]
    Empty {
        /// The file, with `:line` or the record for containers.
        input: String,
    },
    /// The bytes could not be turned into text.
    #[error("{input}: {source}")]
    Text {
        /// The file, with `:line` for JSONL records.
        input: String,
        /// The cause.
        source: TextError,
    },
    /// A format dateline cannot read yet.
    #[error("{path}: {what}")]
    Unsupported {
        /// The file.
        path: String,
        /// What is not supported.
        what: String,
    },
    /// An HTML page could not be extracted (over a limit).
    #[error("{input}: {source}")]
    Html {
        /// The file, record or URL.
        input: String,
        /// The cause.
        source: crate::html::HtmlError,
    },
    /// A WARC record is broken (bad version line, headers, length, truncated, bad gzip or
    /// chunked body) or over a limit; reading resumes at the next record.
    #[error("{path} at byte {offset}{}: {what}", record.as_deref().map(|r| format!(" (record {r})")).unwrap_or_default())]
    Warc {
        /// The file.
        path: String,
        /// Offset of the record in the (decompressed) stream.
        offset: u64,
        /// The WARC-Record-ID, when the headers were read.
        record: Option<String>,
        /// What was wrong.
        what: String,
    },
}

/// The option that sets [`crate::Limits::max_document_bytes`], for messages.
pub(crate) const MAX_BYTES: &str = "--max-bytes";
/// How messages name [`crate::Limits::max_page_bytes`], which no option changes.
pub(crate) const MAX_PAGE_BYTES: &str = "the HTML page limit, max_page_bytes";
