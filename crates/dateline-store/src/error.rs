//! The one error type of the store.
//!
//! Every variant names the database (its path, or `:memory:`) and, where there is one, the article,
//! so a message printed by the binary says which file and which record went wrong without context
//! from the caller.

use std::path::PathBuf;

/// Anything that can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite could not open the file, or refused to set it up (WAL, foreign keys).
    #[error("cannot open database {}: {source}", path.display())]
    Open {
        /// The database file.
        path: PathBuf,
        /// What SQLite said.
        source: rusqlite::Error,
    },

    /// The file is an SQLite database, but one some other program made.
    #[error(
        "{} is not a dateline database (application_id {found:#010x}, tables present: {tables})",
        path.display()
    )]
    NotADatelineDatabase {
        /// The database file.
        path: PathBuf,
        /// The `PRAGMA application_id` found.
        found: u32,
        /// How many tables the file already holds.
        tables: u64,
    },

    /// The database was written by a newer dateline; opening it could damage it.
    #[error(
        "{} has schema version {found}, newer than the {known} this dateline knows: upgrade dateline to open it",
        path.display()
    )]
    SchemaTooNew {
        /// The database file.
        path: PathBuf,
        /// `PRAGMA user_version` of the file.
        found: u32,
        /// The newest version this code can migrate to.
        known: u32,
    },

    /// A migration step failed; the database stays at the version before it.
    #[error("migrating {} to schema version {version}: {source}", path.display())]
    Migration {
        /// The database file.
        path: PathBuf,
        /// The version the failed step would have reached.
        version: u32,
        /// What SQLite said.
        source: rusqlite::Error,
    },

    /// Storing one article failed; the whole batch it was in was rolled back.
    #[error("storing article {id} in {}: {source} (batch rolled back)", path.display())]
    Insert {
        /// The database file.
        path: PathBuf,
        /// The article's id.
        id: String,
        /// What SQLite said.
        source: rusqlite::Error,
    },

    /// Another article with different text already has this id (a 64-bit hash-prefix collision
    /// or a hand-edited record). Ingest reports it as the reason the article was rejected; the
    /// rest of the batch is stored.
    #[error(
        "article id {id} is already in {} with different text (content sha256 {sha256})",
        path.display()
    )]
    IdConflict {
        /// The database file.
        path: PathBuf,
        /// The contested id.
        id: String,
        /// SHA-256 of the text of the article that could not be stored.
        sha256: String,
    },

    /// An analysis could not be turned into JSON.
    #[error("encoding article {id} as JSON: {source}")]
    Encode {
        /// The article's id.
        id: String,
        /// What serde_json said.
        source: serde_json::Error,
    },

    /// A stored record no longer parses as an `Analysis`.
    #[error("article {id} in {} has a corrupt record: {source}", path.display())]
    CorruptRecord {
        /// The database file.
        path: PathBuf,
        /// The article's id.
        id: String,
        /// What serde_json said.
        source: serde_json::Error,
    },

    /// A read (search, lookup, statistics) failed.
    #[error("{what} in {}: {source}", path.display())]
    Query {
        /// The database file.
        path: PathBuf,
        /// What was being done ("searching", "reading statistics").
        what: &'static str,
        /// What SQLite said.
        source: rusqlite::Error,
    },

    /// Committing a batch failed; none of it was stored.
    #[error("committing a batch of {articles} articles to {}: {source}", path.display())]
    Commit {
        /// The database file.
        path: PathBuf,
        /// How many articles the batch held.
        articles: usize,
        /// What SQLite said.
        source: rusqlite::Error,
    },

    /// An id prefix too short to be useful as a lookup key.
    #[error("article id prefix {prefix:?} is too short: give at least {min} characters")]
    IdPrefixTooShort {
        /// What was given.
        prefix: String,
        /// The minimum length.
        min: usize,
    },

    /// An id prefix that more than one article shares.
    #[error("article id prefix {prefix:?} is ambiguous in {}: it matches {}", path.display(), candidates.join(", "))]
    AmbiguousId {
        /// The database file.
        path: PathBuf,
        /// What was given.
        prefix: String,
        /// Some of the ids it matches (at most a handful).
        candidates: Vec<String>,
    },

    /// Story options outside their range.
    #[error(
        "invalid story options: threshold {threshold}, containment {containment} and sentences {sentences} \
         must be in (0, 1], candidates ({candidates}) at least 1"
    )]
    InvalidStoryOptions {
        /// The Jaccard threshold given.
        threshold: f64,
        /// The containment threshold given.
        containment: f64,
        /// The sentence containment threshold given.
        sentences: f64,
        /// The candidate count given.
        candidates: usize,
    },
}
