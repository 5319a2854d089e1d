//! Corpus statistics: what is in the store, at a glance.

use std::path::Path;

use rusqlite::Connection;
use serde::Serialize;

use crate::{schema, StoreError};

/// How many of the most frequent sources and places [`Store::stats`](crate::Store::stats) lists.
pub const TOP_N: usize = 20;

/// A summary of the store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Articles stored.
    pub articles: u64,
    /// Wire agencies and outlets credited in datelines, with the number of articles crediting
    /// each, most frequent first (at most [`TOP_N`]).
    pub sources: Vec<(String, u64)>,
    /// Earliest publication date (ISO 8601 strings sort chronologically).
    pub first_published: Option<String>,
    /// Latest publication date.
    pub last_published: Option<String>,
    /// Dateline places with their article counts, most frequent first (at most [`TOP_N`]).
    pub places: Vec<(String, u64)>,
    /// Total UTF-8 bytes of article text.
    pub bytes_of_text: u64,
    /// Schema version of the file.
    pub schema_version: u32,
    /// Text repairs made or proposed, over all articles.
    pub repairs: u64,
}

const TOTALS: &str = "
SELECT count(*), min(published), max(published), coalesce(sum(text_bytes), 0),
       coalesce(sum(repairs), 0)
FROM articles";

const TOP_SOURCES: &str = "
SELECT source, count(DISTINCT article_pk) AS n FROM article_sources
GROUP BY source ORDER BY n DESC, source LIMIT ?1";

const TOP_PLACES: &str = "
SELECT dateline_place, count(*) AS n FROM articles WHERE dateline_place IS NOT NULL
GROUP BY dateline_place ORDER BY n DESC, dateline_place LIMIT ?1";

/// Reads the statistics, listing at most `top` sources and places.
pub(crate) fn stats(conn: &Connection, path: &Path, top: usize) -> Result<Stats, StoreError> {
    let err = |source| StoreError::Query { path: path.to_path_buf(), what: "reading statistics", source };
    // One read transaction, so the totals and the lists describe the same moment even while
    // another process is ingesting.
    let tx = conn.unchecked_transaction().map_err(err)?;
    let (articles, first, last, bytes, repairs) = tx
        .prepare_cached(TOTALS)
        .map_err(err)?
        .query_row([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, i64>(4)?,
            ))
        })
        .map_err(err)?;
    let top = i64::try_from(top).unwrap_or(i64::MAX);
    let counted = |sql: &str| -> Result<Vec<(String, u64)>, StoreError> {
        let mut stmt = tx.prepare_cached(sql).map_err(err)?;
        let rows = stmt.query_map([top], |r| Ok((r.get::<_, String>(0)?, to_u64(r.get(1)?)))).map_err(err)?;
        rows.collect::<Result<_, _>>().map_err(err)
    };
    let sources = counted(TOP_SOURCES)?;
    let places = counted(TOP_PLACES)?;
    let schema_version = schema::user_version(&tx).map_err(err)?;
    tx.finish().map_err(err)?;
    Ok(Stats {
        articles: to_u64(articles),
        sources,
        first_published: first,
        last_published: last,
        places,
        bytes_of_text: to_u64(bytes),
        schema_version,
        repairs: to_u64(repairs),
    })
}

/// SQLite counts are `i64`; they are never negative here.
fn to_u64(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}
