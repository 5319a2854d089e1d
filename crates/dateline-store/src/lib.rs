//! The dateline store: analyses in one SQLite file, searchable.
//!
//! [`Store`] is the embedded default store: SQLite through rusqlite (bundled, so there is
//! nothing to install), WAL so readers (the HTTP server) and one writer (an ingest) can share the
//! file, and FTS5 for search.
//!
//! - **Schema**: versioned with `PRAGMA user_version` and applied by ordered migrations
//!   ([`schema`]); a file from a newer dateline is refused rather than damaged.
//! - **Ingest**: idempotent and transactional per batch ([`Store::insert_batch`]). An article is
//!   identified by the SHA-256 of its text, so ingesting the same input again stores nothing new,
//!   and a crash loses at most the batch that was open.
//! - **Stories**: every article stored joins a story of near-duplicates (MinHash LSH candidates,
//!   confirmed by exact shingle similarity) in the same transaction ([`stories`]); a story has an
//!   origin ([`origin`]) and its versions can be compared ([`diff`]).
//! - **Search**: any user string is a valid query ([`fts_query`]), ranked by bm25, with a snippet;
//!   quotes have their own index and search ([`quotes`]), and a quote's trail lists every
//!   article carrying it, earliest first, with its changes of wording ([`trails`]).
//! - **Exports**: searches, quotes and a story's versions are walked row by row for streamed
//!   exports ([`walks`], [`Store::for_each_quote`]), so an export of any size holds one row.
//!
//! The tables are documented in [`schema`]; `record_json` keeps each full [`Analysis`] (less its
//! `text`, which has its own column) so [`Store::get`] returns exactly what was stored.

mod checkpoint;
pub mod diff;
mod error;
pub mod events;
pub mod evidence;
mod export;
mod ingest;
pub mod lsh;
pub mod origin;
mod postings;
pub mod quotes;
mod recent;
pub mod schema;
mod search;
mod stats;
pub mod stories;
mod terms;
pub mod trails;
pub mod views;
pub mod walks;

use std::path::{Path, PathBuf};
use std::time::Duration;

use dateline_analyze::Analysis;
use rusqlite::{Connection, OptionalExtension};

pub use diff::VersionDiff;
pub use error::StoreError;
pub use events::{Event, EventPage};
pub use ingest::{content_sha256, ArticleStatus, BatchOutcome, PreparedBatch, Rejected, MAX_RECORD_BYTES};
pub use origin::{Origin, OriginReason};
pub use quotes::{QuoteFilter, QuoteHit, QuotePage};
pub use schema::SCHEMA_VERSION;
pub use search::{fts_query, SearchHit, MAX_QUERY_TERMS, SNIPPET_CLOSE, SNIPPET_ELLIPSIS, SNIPPET_OPEN};
pub use stats::{Stats, TOP_N};
pub use stories::{Story, StoryMember, StoryOptions, StoryPage, StorySummary};
pub use trails::{QuoteTrail, TrailStop};
pub use views::{CorpusIndex, EntityPage, SearchFilter, SearchPage, SortOrder, SpeakerPage};
pub use walks::ArticleRow;

/// The shortest id prefix [`Store::get`] accepts: 4 hex digits, 65,536 buckets.
pub const MIN_ID_PREFIX: usize = 4;

/// How long a write waits for another process's write lock before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// A dateline database: one SQLite file (or an in-memory database for tests).
///
/// Not `Sync`: give each thread its own `Store` on the same file; WAL lets them read concurrently.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    /// The file, for error messages (`:memory:` for an in-memory store).
    path: PathBuf,
    /// Largest record (JSON plus text) stored; larger ones are rejected one by one.
    max_record_bytes: usize,
    /// The shingles of the articles it stored last (`recent`).
    recent: recent::Recent,
    /// Checkpoints for the writer, on their own thread: started by the first write (set once,
    /// to `None` for an in-memory store or when the thread cannot start). After `conn`, so the
    /// writer's connection closes first and this one, the last, folds the log into the file.
    checkpointer: std::cell::OnceCell<Option<checkpoint::Checkpointer>>,
}

impl Store {
    /// Opens the database at `path`, creating it if missing and migrating it to
    /// [`SCHEMA_VERSION`]. Refuses SQLite files made by other programs and files from a newer
    /// dateline.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open(path).map_err(|source| StoreError::Open { path: path.to_path_buf(), source })?;
        Store::setup(conn, path.to_path_buf())
    }

    /// Opens a fresh database in memory (for tests and throwaway runs).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|source| StoreError::Open { path: path.clone(), source })?;
        Store::setup(conn, path)
    }

    /// Checks, configures and migrates a fresh connection.
    fn setup(mut conn: Connection, path: PathBuf) -> Result<Store, StoreError> {
        let open_err = |source| StoreError::Open { path: path.clone(), source };
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open_err)?;
        schema::check(&conn, &path)?;
        // WAL: readers never block the writer and a crash mid-batch rolls back cleanly.
        // NORMAL is durable across application crashes in WAL mode and only risks the last
        // commits on power loss, which a rerun of the idempotent ingest restores.
        // (An in-memory database answers "memory" to the journal_mode request; that is fine.)
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)).map_err(open_err)?;
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(open_err)?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(open_err)?;
        // 64 MB of page cache (SQLite's default is 2 MB): the LSH band index is read at random
        // positions for every article, and a large store's upper B-tree levels stay in memory.
        // A fixed bound, so memory stays flat however large the file grows.
        conn.pragma_update(None, "cache_size", -65_536).map_err(open_err)?;
        conn.set_prepared_statement_cache_capacity(128);
        // The query planner's stability guarantee: plans never depend on bound values. Without
        // it, SQLite marks a statement whose plan read a bound value (a `LIMIT ?`, a key) to be
        // compiled again whenever its bindings are cleared, which the statement cache does every
        // time a statement goes back to it: on the ingest path that recompiled a statement per
        // band lookup, a quarter of the time of placing an article.
        conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true).map_err(open_err)?;
        schema::migrate(&mut conn, &path)?;
        // Articles of a file from before events are indexed for them (their stories already are
        // events of their own), then articles stored before stories existed (or by an
        // interrupted catch-up) join their story and event.
        events::catch_up(&mut conn, &path)?;
        stories::catch_up(&mut conn, &path, &StoryOptions::default())?;
        Ok(Store {
            conn,
            path,
            max_record_bytes: MAX_RECORD_BYTES,
            recent: recent::Recent::default(),
            checkpointer: std::cell::OnceCell::new(),
        })
    }

    /// How long a write waits for another connection's write lock before failing with "database
    /// is locked" (default 10 s). A server answering requests may want less.
    pub fn set_busy_timeout(&mut self, timeout: Duration) -> Result<(), StoreError> {
        self.conn.busy_timeout(timeout).map_err(|source| StoreError::Open { path: self.path.clone(), source })
    }

    /// The database file (`:memory:` for an in-memory store).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The largest record (JSON plus text, bytes) [`Store::insert_batch`] stores; larger ones
    /// are listed in [`BatchOutcome::rejected`]. Default [`MAX_RECORD_BYTES`].
    pub fn set_max_record_bytes(&mut self, bytes: usize) {
        self.max_record_bytes = bytes;
    }

    /// Stores a batch of analyses in one transaction.
    ///
    /// Articles whose text is already stored, by an earlier batch or earlier in this one, are
    /// counted as duplicates and skipped. An article that cannot be stored by itself (its record
    /// over [`Store::set_max_record_bytes`], or too big for SQLite, or not encodable, or its id
    /// held by another text) is listed in [`BatchOutcome::rejected`] with its source and
    /// skipped; the rest of the batch is stored. If any other failure occurs, nothing of the batch is stored and the error names
    /// the article; earlier batches are unaffected, so rerunning the same input finishes the
    /// job. Batches of a few hundred to a few thousand articles amortise the commit.
    pub fn insert_batch(&mut self, batch: &[Analysis]) -> Result<BatchOutcome, StoreError> {
        ingest::insert_batch(self.writer(), batch, &StoryOptions::default())
    }

    /// Stores a batch prepared by [`PreparedBatch::new`] (possibly on another thread, while this
    /// store wrote the batch before), exactly as [`Store::insert_batch`] stores its articles.
    pub fn insert_prepared(&mut self, prepared: &PreparedBatch) -> Result<BatchOutcome, StoreError> {
        ingest::insert_prepared(self.writer(), prepared, &StoryOptions::default())
    }

    /// What a write needs of this store. The first one of a file-backed store hands its WAL
    /// checkpoints to a thread of their own ([`checkpoint`]).
    fn writer(&mut self) -> ingest::Writer<'_> {
        let (conn, path) = (&mut self.conn, &self.path);
        self.checkpointer.get_or_init(|| {
            (path != Path::new(":memory:")).then(|| checkpoint::Checkpointer::start(conn, path)).flatten()
        });
        ingest::Writer {
            conn: &mut self.conn,
            path: &self.path,
            max_record_bytes: self.max_record_bytes,
            recent: &mut self.recent,
        }
    }

    /// Full-text search over titles and text, best first, at most `limit` hits.
    ///
    /// `query` is free text: words must all occur (stemmed, case and accent insensitive),
    /// `"an exact phrase"` in double quotes must occur as written, and a trailing `*` matches a
    /// prefix (`refug*`). Any string is accepted; one with nothing searchable returns no hits.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        search::search(&self.conn, &self.path, query, limit)
    }

    /// The article with this id, or with an id starting with this prefix (at least
    /// [`MIN_ID_PREFIX`] characters, case-insensitive). `Ok(None)` when nothing matches; an
    /// error when the prefix is too short or matches several articles.
    pub fn get(&self, id: &str) -> Result<Option<Analysis>, StoreError> {
        let key = id.trim().to_ascii_lowercase();
        if key.chars().count() < MIN_ID_PREFIX {
            return Err(StoreError::IdPrefixTooShort { prefix: id.to_string(), min: MIN_ID_PREFIX });
        }
        let err = |source| StoreError::Query { path: self.path.clone(), what: "looking up an article", source };
        let row = |r: &rusqlite::Row<'_>| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?));
        let exact = self
            .conn
            .prepare_cached("SELECT id, text, record_json FROM articles WHERE id = ?1")
            .map_err(err)?
            .query_row([&key], row)
            .optional()
            .map_err(err)?;
        if let Some((id, text, json)) = exact {
            return self.decode(id, text, &json).map(Some);
        }
        // A range scan on the unique index: every string starting with `key` sorts at or after
        // `key` and before `key` followed by the highest code point.
        let upper = format!("{key}{}", char::MAX);
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, text, record_json FROM articles WHERE id >= ?1 AND id < ?2
                 ORDER BY id LIMIT 6",
            )
            .map_err(err)?;
        let mut matches: Vec<(String, String, String)> =
            stmt.query_map([&key, &upper], row).map_err(err)?.collect::<Result<_, _>>().map_err(err)?;
        match matches.len() {
            0 => Ok(None),
            1 => {
                let (id, text, json) = matches.remove(0);
                self.decode(id, text, &json).map(Some)
            }
            _ => Err(StoreError::AmbiguousId {
                path: self.path.clone(),
                prefix: id.to_string(),
                candidates: matches.into_iter().map(|(id, _, _)| id).collect(),
            }),
        }
    }

    /// Rebuilds an `Analysis` from its stored JSON and its text column.
    fn decode(&self, id: String, text: String, json: &str) -> Result<Analysis, StoreError> {
        let corrupt = |source| StoreError::CorruptRecord { path: self.path.clone(), id: id.clone(), source };
        let mut value: serde_json::Value = serde_json::from_str(json).map_err(corrupt)?;
        if let Some(map) = value.as_object_mut() {
            map.insert("text".to_string(), serde_json::Value::String(text));
        }
        serde_json::from_value(value).map_err(corrupt)
    }

    /// Counts, date range, top sources and places; see [`Stats`].
    pub fn stats(&self) -> Result<Stats, StoreError> {
        self.stats_top(TOP_N)
    }

    /// Like [`Store::stats`], listing at most `top` sources and places.
    pub fn stats_top(&self, top: usize) -> Result<Stats, StoreError> {
        stats::stats(&self.conn, &self.path, top)
    }

    /// The schema version of the file (equal to [`SCHEMA_VERSION`] once opened).
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        schema::user_version(&self.conn).map_err(|source| StoreError::Query {
            path: self.path.clone(),
            what: "reading the schema version",
            source,
        })
    }

    /// Like [`Store::insert_batch`], grouping the new articles into stories with `options`
    /// instead of the measured defaults. Stories already stored are not regrouped.
    pub fn insert_batch_with(
        &mut self,
        batch: &[Analysis],
        options: &StoryOptions,
    ) -> Result<BatchOutcome, StoreError> {
        options.validate()?;
        ingest::insert_batch(self.writer(), batch, options)
    }

    /// Like [`Store::insert_prepared`], grouping the new articles into stories with `options`.
    pub fn insert_prepared_with(
        &mut self,
        prepared: &PreparedBatch,
        options: &StoryOptions,
    ) -> Result<BatchOutcome, StoreError> {
        options.validate()?;
        ingest::insert_prepared(self.writer(), prepared, options)
    }

    /// Stories with at least `min_size` versions, largest first, then most recently seen; at most
    /// `limit`.
    pub fn stories(&self, limit: usize, min_size: u64) -> Result<Vec<StorySummary>, StoreError> {
        stories::list(&self.conn, &self.path, limit, min_size)
    }

    /// The page of [`Store::stories`] that skips `offset` stories and holds at most `limit`,
    /// with the number of stories of at least `min_size` versions. Costs the page's stories, not
    /// the store's (paged in SQL, counted from `story_sizes`).
    pub fn stories_page(&self, offset: usize, limit: usize, min_size: u64) -> Result<StoryPage, StoreError> {
        stories::page(&self.conn, &self.path, offset, limit, min_size)
    }

    /// The story with this id and all its versions; `Ok(None)` when there is none.
    pub fn story(&self, id: i64) -> Result<Option<Story>, StoreError> {
        stories::get(&self.conn, &self.path, id)
    }

    /// Events (stories about one happening) with at least `min_stories` stories, largest first,
    /// then most recently seen: the page that skips `offset` and holds at most `limit`, each
    /// with its largest [`events::LISTED_STORIES`] stories.
    pub fn events(&self, offset: usize, limit: usize, min_stories: u64) -> Result<Vec<Event>, StoreError> {
        events::list(&self.conn, &self.path, offset, limit, min_stories)
    }

    /// The page of [`Store::events`] with the number of events of at least `min_stories` stories.
    pub fn events_page(&self, offset: usize, limit: usize, min_stories: u64) -> Result<EventPage, StoreError> {
        events::page(&self.conn, &self.path, offset, limit, min_stories)
    }

    /// The event with this id and its stories side by side; `Ok(None)` when there is none.
    pub fn event(&self, id: i64) -> Result<Option<Event>, StoreError> {
        events::get(&self.conn, &self.path, id)
    }

    /// The event of a story.
    pub fn event_of_story(&self, story: i64) -> Result<Option<i64>, StoreError> {
        events::event_of_story(&self.conn, &self.path, story)
    }

    /// The story of the article with this id (or unique prefix, as for [`Store::get`]).
    pub fn story_of(&self, article: &str) -> Result<Option<i64>, StoreError> {
        match self.get(article)? {
            Some(a) => stories::story_of(&self.conn, &self.path, &a.id),
            None => Ok(None),
        }
    }

    /// Paragraph and word differences from article `old` to article `new` (ids or unique
    /// prefixes); `Ok(None)` when either is not stored.
    pub fn diff(&self, old: &str, new: &str) -> Result<Option<VersionDiff>, StoreError> {
        let (Some(a), Some(b)) = (self.get(old)?, self.get(new)?) else { return Ok(None) };
        Ok(Some(diff::diff(&a.text, &b.text)))
    }
}
