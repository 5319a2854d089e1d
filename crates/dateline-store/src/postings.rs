//! Posting lists from a hashed key to the articles that carry it (the LSH band index and the event
//! keys), written so that a large store does not rewrite its whole index on every batch.
//!
//! The keys are hashes, so new rows land at random places of a key-ordered B-tree: with one table,
//! every batch dirtied about one page per row (42 band rows per article), and every commit wrote
//! and checkpointed all of them. At 300,000 articles that was about 200 KB written per article
//! placed, most of the store's writes. So each index is two tables, as in a log-structured merge
//! tree of two levels:
//!
//! - **fresh**: every new row goes here. It is small, so a batch dirties at most its few pages.
//! - **settled**: when fresh holds [`Postings::fresh_rows`] rows or more, they move into settled
//!   in one sorted pass (`INSERT … SELECT` reads fresh in key order, so each settled page is
//!   written once per move) and fresh is emptied, in the transaction of the batch that filled it.
//!
//! A lookup reads both and keeps the newest; the two never disagree about anything else, since a
//! row is in exactly one of them. The best size of fresh balances its per-batch pages against how
//! often settled is rewritten: about `sqrt(256,000 · settled pages · rows per article)` rows, so
//! larger for the band index (42 rows per article) than for the event keys (about a dozen).

use rusqlite::{params, Transaction};

/// One index: the statements on its two tables, and when fresh moves into settled.
///
/// The statements are whole literals (made by [`postings!`]), so that the prepared-statement
/// cache finds them without formatting a string per lookup, and the bucket size is written into
/// the SQL rather than bound: SQLite's planner reads a bound `LIMIT`, which marks the statement
/// to be compiled again whenever its bindings are cleared, that is every time it goes back to
/// the cache (that was a quarter of the time of placing an article).
pub(crate) struct Postings {
    insert: &'static str,
    /// The newest [`Postings::cap`] of a key, fresh then settled.
    newest: [&'static str; 2],
    contains: [&'static str; 2],
    count_fresh: &'static str,
    settle: &'static str,
    /// Most articles read per key per table.
    pub(crate) cap: usize,
    /// Rows in fresh at which they move into settled.
    fresh_rows: i64,
}

/// A [`Postings`] over tables `$fresh` and `$settled`, key column `$key`, reading at most `$cap`
/// articles per key (a literal) and settling at `$rows` fresh rows.
macro_rules! postings {
    ($fresh:literal, $settled:literal, $key:literal, $cap:literal, $rows:expr) => {
        Postings {
            insert: concat!("INSERT OR IGNORE INTO ", $fresh, " (", $key, ", article_pk) VALUES (?1, ?2)"),
            newest: [
                concat!(
                    "SELECT article_pk FROM ",
                    $fresh,
                    " WHERE ",
                    $key,
                    " = ?1 ORDER BY article_pk DESC LIMIT ",
                    $cap
                ),
                concat!(
                    "SELECT article_pk FROM ",
                    $settled,
                    " WHERE ",
                    $key,
                    " = ?1 ORDER BY article_pk DESC LIMIT ",
                    $cap
                ),
            ],
            contains: [
                concat!("SELECT 1 FROM ", $fresh, " WHERE ", $key, " = ?1 AND article_pk = ?2"),
                concat!("SELECT 1 FROM ", $settled, " WHERE ", $key, " = ?1 AND article_pk = ?2"),
            ],
            count_fresh: concat!("SELECT count(*) FROM ", $fresh),
            settle: concat!(
                "INSERT OR IGNORE INTO ",
                $settled,
                " (",
                $key,
                ", article_pk) SELECT ",
                $key,
                ", article_pk FROM ",
                $fresh,
                " ORDER BY ",
                $key,
                ", article_pk; DELETE FROM ",
                $fresh,
                ";"
            ),
            cap: $cap,
            fresh_rows: $rows,
        }
    };
}

/// The LSH band index of stories ([`crate::lsh`]): 42 rows per article; the newest 16 articles
/// per band (a version shares most bands with its story's other versions, so its newest few are
/// as good a way in as all of them).
pub(crate) const LSH_BANDS: Postings = postings!("lsh_fresh", "lsh_bands", "band_key", 16, 1 << 20);

/// The keys that find an event's candidates ([`crate::events`]): about a dozen rows per article;
/// the newest 32 articles per key.
pub(crate) const EVENT_KEYS: Postings = postings!("event_keys_fresh", "event_keys", "key", 32, 1 << 18);

impl Postings {
    /// Records that article `pk` carries `key` (nothing when it already does).
    pub(crate) fn insert(&self, tx: &Transaction<'_>, key: i64, pk: i64) -> rusqlite::Result<()> {
        tx.prepare_cached(self.insert)?.execute(params![key, pk])?;
        Ok(())
    }

    /// The newest articles carrying `key` (at most the index's cap), newest first, appended to
    /// `out`.
    pub(crate) fn newest(&self, tx: &Transaction<'_>, key: i64, out: &mut Vec<i64>) -> rusqlite::Result<()> {
        let start = out.len();
        for sql in self.newest {
            let mut stmt = tx.prepare_cached(sql)?;
            for row in stmt.query_map([key], |r| r.get::<_, i64>(0))? {
                out.push(row?);
            }
        }
        // Fresh rows are usually the newer ones, but an older file's catch-up can put older
        // articles there, and re-insert a settled row (a row is unique within a table, not
        // across the two): sort and dedup rather than trust the order of the tables.
        let mut found = out.split_off(start);
        found.sort_unstable_by(|a, b| b.cmp(a));
        found.dedup();
        found.truncate(self.cap);
        out.extend(found);
        Ok(())
    }

    /// Whether article `pk` carries `key`.
    pub(crate) fn contains(&self, tx: &Transaction<'_>, key: i64, pk: i64) -> rusqlite::Result<bool> {
        for sql in self.contains {
            if tx.prepare_cached(sql)?.exists(params![key, pk])? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Moves fresh into settled when it has grown to [`Postings::fresh_rows`]; whether it did.
    /// Counting fresh reads only its page headers, and fresh is small by construction.
    pub(crate) fn settle_if_due(&self, tx: &Transaction<'_>) -> rusqlite::Result<bool> {
        let rows: i64 = tx.prepare_cached(self.count_fresh)?.query_row([], |r| r.get(0))?;
        if rows < self.fresh_rows {
            return Ok(false);
        }
        self.settle(tx)?;
        Ok(true)
    }

    /// Moves every fresh row into settled, in key order, and empties fresh.
    pub(crate) fn settle(&self, tx: &Transaction<'_>) -> rusqlite::Result<()> {
        tx.execute_batch(self.settle)
    }
}

/// Settles every index whose fresh table is due; called by each writer before it commits.
pub(crate) fn settle_due(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    LSH_BANDS.settle_if_due(tx)?;
    EVENT_KEYS.settle_if_due(tx)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    const SMALL: Postings = postings!("f", "s", "k", 3, 4);

    fn db() -> rusqlite::Result<Connection> {
        let conn = Connection::open_in_memory()?;
        conn.execute_batch(
            "CREATE TABLE f (k INTEGER NOT NULL, article_pk INTEGER NOT NULL, PRIMARY KEY (k, article_pk)) WITHOUT ROWID;
             CREATE TABLE s (k INTEGER NOT NULL, article_pk INTEGER NOT NULL, PRIMARY KEY (k, article_pk)) WITHOUT ROWID;",
        )?;
        Ok(conn)
    }

    fn count(tx: &Transaction<'_>, table: &str) -> rusqlite::Result<i64> {
        tx.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
    }

    fn newest(tx: &Transaction<'_>, key: i64) -> rusqlite::Result<Vec<i64>> {
        let mut out = Vec::new();
        SMALL.newest(tx, key, &mut out)?;
        Ok(out)
    }

    #[test]
    fn lookups_see_both_tables_newest_first_and_settling_changes_no_answer() -> rusqlite::Result<()> {
        let mut conn = db()?;
        let tx = conn.transaction()?;
        for pk in 1..=3 {
            SMALL.insert(&tx, 7, pk)?;
        }
        SMALL.insert(&tx, 8, 2)?;
        assert!(SMALL.settle_if_due(&tx)?, "four rows reach the bar");
        assert_eq!((count(&tx, "f")?, count(&tx, "s")?), (0, 4));
        SMALL.insert(&tx, 7, 5)?;
        SMALL.insert(&tx, 7, 5)?;
        assert!(!SMALL.settle_if_due(&tx)?, "a repeated row counts once");
        let mut out = vec![99];
        SMALL.newest(&tx, 7, &mut out)?;
        assert_eq!(out, [99, 5, 3, 2], "what was there stays; the newest three across both tables");
        let mut found = Vec::new();
        for (k, pk) in [(7, 1), (7, 5), (8, 2), (8, 5)] {
            found.push(SMALL.contains(&tx, k, pk)?);
        }
        assert_eq!(found, [true, true, true, false]);
        SMALL.settle(&tx)?;
        assert_eq!(newest(&tx, 7)?, [5, 3, 2]);
        assert!(SMALL.contains(&tx, 7, 5)?);
        Ok(())
    }

    #[test]
    fn a_row_in_both_tables_is_one_article() -> rusqlite::Result<()> {
        let mut conn = db()?;
        let tx = conn.transaction()?;
        SMALL.insert(&tx, 1, 4)?;
        SMALL.settle(&tx)?;
        SMALL.insert(&tx, 1, 4)?;
        SMALL.insert(&tx, 1, 2)?;
        assert_eq!(newest(&tx, 1)?, [4, 2]);
        Ok(())
    }

    #[test]
    fn an_older_article_in_fresh_still_sorts_by_age() -> rusqlite::Result<()> {
        // An older file's catch-up inserts older articles after newer ones were settled.
        let mut conn = db()?;
        let tx = conn.transaction()?;
        for pk in [10, 11, 12, 13] {
            SMALL.insert(&tx, 1, pk)?;
        }
        SMALL.settle(&tx)?;
        SMALL.insert(&tx, 1, 3)?;
        assert_eq!(newest(&tx, 1)?, [13, 12, 11]);
        Ok(())
    }
}
