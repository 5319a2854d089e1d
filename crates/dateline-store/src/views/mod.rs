//! Read-only corpus views for the HTTP server and other readers: faceted search, entity and
//! speaker pages across the corpus, and a corpus index (top speakers, entities, places).
//!
//! Everything here reads what is already stored: the indexed columns of `articles`, the wire
//! credits in `article_sources`, the full-text index, and `record_json` for entities and quotes.
//! There is no entity table yet, so entity and speaker lookups first narrow the
//! candidates with the full-text index (a canonical name's words occur in the text of every
//! article that names it) and then check the stored records; the corpus index parses every record
//! once and is meant to be cached by the caller, keyed on [`Store::generation`].
//!
//! One module per job: `search` (faceted article search and the SQL filters quote search
//! shares), `entity` and `speaker` (the pages of one name), `index` (the corpus index),
//! `records` (the parts of a stored record the views parse, and the articles a name may be in),
//! `text` (headlines, leads and excerpts cut from an article's text). This module keeps what they
//! share: the scan bounds, facet counts, and opening a store for reading.

mod entity;
mod index;
mod records;
mod search;
mod speaker;
mod text;

use std::collections::HashMap;
use std::ops::Not;
use std::path::Path;
use std::time::Duration;

use dateline_analyze::EntityType;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use crate::{schema, Store, StoreError, SCHEMA_VERSION};

pub use entity::{EntityArticle, EntityPage, RelatedEntity};
pub use index::{CorpusIndex, EntitySummary, PlaceSummary, SpeakerSummary};
pub(crate) use search::{combined_fts, push_filters, scan_order, TITLE_WEIGHT};
pub use search::{ArticleHit, Facets, SearchFilter, SearchPage, SortOrder};
pub use speaker::{SpeakerPage, SpeakerQuote};
pub use text::{derive_headline, excerpt, split_first_sentence, Excerpt};

/// At most this many of the best matching articles are read for the facets of a search (and for
/// its pages); the total is then counted separately where that is cheap, else it is a lower bound
/// ([`SearchPage::total_is_exact`] is false). Bounds the cost of a query that matches most of a
/// large corpus: facets describe the best matches, as in most search engines.
pub const MAX_SCAN: usize = 2_000;

/// At most this many articles are read for an entity or speaker page.
pub const MAX_CANDIDATES: usize = 20_000;

/// Values listed per facet, most frequent first.
pub const FACET_VALUES: usize = 12;

/// A value of a facet and how many matching articles have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FacetCount {
    /// The value.
    pub value: String,
    /// Articles (or quotes, where a view says so) with it.
    pub count: u64,
}

impl Store {
    /// Opens an existing store for reading only: no file is created, nothing is migrated, and the
    /// connection refuses writes. The file must be at [`SCHEMA_VERSION`] (open it once with
    /// [`Store::open`] to migrate). Meant for servers, which keep one per worker.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        let open_err = |source| StoreError::Open { path: path.to_path_buf(), source };
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags).map_err(open_err)?;
        conn.busy_timeout(Duration::from_secs(5)).map_err(open_err)?;
        let found = schema::check(&conn, path)?;
        if found != SCHEMA_VERSION {
            return Err(StoreError::Open {
                path: path.to_path_buf(),
                source: rusqlite::Error::InvalidParameterName(format!(
                    "schema version {found}, expected {SCHEMA_VERSION}: open it once for writing (dateline ingest) to migrate"
                )),
            });
        }
        // query_only makes any write an error even if a statement tried; a larger page cache and
        // memory-mapped reads keep hot pages out of the syscall path under concurrent load.
        conn.pragma_update(None, "query_only", "ON").map_err(open_err)?;
        conn.pragma_update(None, "cache_size", -16_000).map_err(open_err)?;
        conn.pragma_update(None, "mmap_size", 268_435_456_i64).map_err(open_err)?;
        conn.set_prepared_statement_cache_capacity(64);
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            max_record_bytes: crate::MAX_RECORD_BYTES,
            recent: crate::recent::Recent::default(),
            // A read-only store never writes, so never checkpoints.
            checkpointer: std::cell::OnceCell::from(None),
        })
    }

    /// A cheap token that changes whenever articles are added or removed: `(largest pk, count)`.
    /// Caches of derived views (the [`CorpusIndex`]) compare it to know when to recompute.
    pub fn generation(&self) -> Result<(u64, u64), StoreError> {
        let err = |source| self.query_err("reading the store generation", source);
        self.conn
            .prepare_cached("SELECT coalesce(max(pk), 0), count(*) FROM articles")
            .map_err(err)?
            .query_row([], |r| Ok((to_u64(r.get(0)?), to_u64(r.get(1)?))))
            .map_err(err)
    }

    pub(crate) fn query_err(&self, what: &'static str, source: rusqlite::Error) -> StoreError {
        StoreError::Query { path: self.path.clone(), what, source }
    }
}

fn count_opt(map: &mut HashMap<String, u64>, value: Option<&str>) {
    if let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) {
        *map.entry(v.to_string()).or_default() += 1;
    }
}

/// The `n` most frequent values, ties by value, so the order is stable.
fn ranked(map: HashMap<String, u64>, n: usize) -> Vec<FacetCount> {
    let mut out: Vec<FacetCount> = map.into_iter().map(|(value, count)| FacetCount { value, count }).collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    out.truncate(n);
    out
}

/// The spelling to show of a name written several ways: the most frequent one not in capitals
/// (datelines write `MOSCOW`), else the most frequent.
fn display_name(names: &HashMap<String, u64>) -> Option<String> {
    let shouting =
        |n: &str| n.chars().any(char::is_lowercase).not() && n.chars().filter(|c| c.is_alphabetic()).count() > 3;
    let calm: HashMap<String, u64> = names.iter().filter(|(n, _)| !shouting(n)).map(|(n, c)| (n.clone(), *c)).collect();
    most_frequent(&calm).or_else(|| most_frequent(names))
}

fn most_frequent(map: &HashMap<String, u64>) -> Option<String> {
    map.iter().max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0))).map(|(k, _)| k.clone())
}

/// The type given most often; a tie goes to the type whose name sorts first, as when the types
/// were counted by name.
fn most_frequent_type(map: &HashMap<EntityType, u64>) -> Option<EntityType> {
    map.iter().max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.as_str().cmp(a.0.as_str()))).map(|(k, _)| *k)
}

fn to_u64(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_avoid_capitals() {
        let names: HashMap<String, u64> = [("MOSCOW".to_string(), 3), ("Moscow".to_string(), 1)].into();
        assert_eq!(display_name(&names).as_deref(), Some("Moscow"));
        let names: HashMap<String, u64> = [("UN".to_string(), 3), ("Un".to_string(), 1)].into();
        assert_eq!(display_name(&names).as_deref(), Some("UN"));
    }
}
