//! The one error type of this crate.

/// Errors while loading or building analysis resources, or analysing one document.
#[derive(Debug, thiserror::Error)]
pub enum AnalyzeError {
    /// A resource file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// A resource is malformed.
    #[error("malformed resource {name}, line {line}: {message}")]
    Resource {
        /// Which resource.
        name: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A word list of a lexicon set is missing or malformed (`Lexicon::from_dir`): the file and
    /// line, as `path:line: what` (`path: what` for a file that cannot be read).
    #[error("word list {0}")]
    Lexicon(#[from] dateline_lexicon::LexiconError),
    /// A name outside one of the record's closed sets (an entity type, a quote kind, ...).
    #[error("unknown {what} {value:?}")]
    UnknownValue {
        /// Which set ("entity type").
        what: &'static str,
        /// The name given.
        value: String,
    },
    /// The analysis of one document stopped on an internal error (a panic: a bug in dateline),
    /// caught by [`try_analyze`](crate::try_analyze) so that the other documents go on.
    #[error("{input}: the analysis stopped on an internal error, please report it with this input: {message}")]
    Internal {
        /// The document: its path or URL, and its record.
        input: String,
        /// What the failure said.
        message: String,
    },
}
