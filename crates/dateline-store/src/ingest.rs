//! Batch ingest: one transaction per batch, idempotent by content hash.
//!
//! An article is the same article when its normalised text is the same, so the key that makes a
//! rerun add nothing is the full SHA-256 of `text` (`content_sha256`, unique). `INSERT … ON CONFLICT
//! (content_sha256) DO NOTHING` turns a second copy, in an earlier batch or earlier in this one,
//! into a counted duplicate instead of an error. Any other failure aborts the batch: the
//! transaction is dropped, SQLite rolls it back, and the batches committed before stay.
//!
//! Every article stored joins its story ([`crate::stories`]) inside the same transaction; the
//! batch's text and quotes enter the full-text indexes at its end, one statement each.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use dateline_analyze::{Analysis, Shingles};
use rusqlite::{params, Connection, ErrorCode, TransactionBehavior};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::recent::{KnownShingles, Recent};
use crate::stories::{self, StoryOptions};
use crate::StoreError;

/// What one call of [`Store::insert_batch`](crate::Store::insert_batch) did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct BatchOutcome {
    /// Articles newly stored.
    pub stored: usize,
    /// Articles whose text was already stored (before, or earlier in the same batch).
    pub duplicates: usize,
    /// Articles that cannot be stored (a record over the size limit, one SQLite calls too big,
    /// one that does not encode, an id already taken by another text), skipped while the rest of
    /// the batch is stored.
    pub rejected: Vec<Rejected>,
    /// What became of each article of the batch, in batch order, so that a caller reporting per
    /// input line (`POST /api/ingest`) needs no bookkeeping of its own.
    pub statuses: Vec<ArticleStatus>,
}

/// What [`Store::insert_batch`](crate::Store::insert_batch) did with one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ArticleStatus {
    /// Newly stored.
    Stored,
    /// Its text was already stored.
    Duplicate,
    /// Not stored; the reason is in [`BatchOutcome::rejected`].
    Rejected,
}

/// An article of a batch that could not be stored, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rejected {
    /// Its position in the batch.
    pub index: usize,
    /// Its id.
    pub id: String,
    /// Where it came from (path, URL, line or record), as the CLI prints it.
    pub source: String,
    /// Why it was not stored.
    pub reason: String,
}

/// Largest stored record accepted by default (record JSON plus text), in bytes: far below
/// SQLite's limit of 1e9 bytes per value, far above any article's record.
pub const MAX_RECORD_BYTES: usize = 256 << 20;

/// Hex SHA-256 of an article's text: the store's identity of an article.
pub fn content_sha256(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(64);
    for b in digest.iter() {
        // Writing to a String cannot fail.
        let _ = write!(hex, "{b:02x}");
    }
    hex
}

/// The record as stored in `record_json`: every field except `text`, which has its own column.
pub(crate) fn record_json_without_text(a: &Analysis) -> Result<String, serde_json::Error> {
    let mut value = serde_json::to_value(a)?;
    if let Some(map) = value.as_object_mut() {
        map.remove("text");
    }
    serde_json::to_string(&value)
}

const INSERT_ARTICLE: &str = "
INSERT INTO articles (
    id, content_sha256, source_path, url, format, record, title, published, language,
    dateline_place, dateline_country, dateline_date, text, text_bytes, repairs, record_json
) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
ON CONFLICT (content_sha256) DO NOTHING";

const INSERT_SOURCE: &str = "INSERT INTO article_sources (article_pk, position, source) VALUES (?1, ?2, ?3)";

/// The full-text rows of the articles whose `pk` is in the JSON array `?1`, in one statement so
/// that FTS5 writes them as one segment (schema version 10 says why).
const INDEX_TEXT: &str = "
INSERT INTO articles_fts(rowid, title, text)
SELECT pk, title, text FROM articles WHERE pk IN (SELECT value FROM json_each(?1)) ORDER BY pk";

/// The quote rows of the articles whose `pk` is in the JSON array `?1`, read from their records
/// as the version 4 step fills them; the quote tables' triggers index them and their wordings.
const INDEX_QUOTES: &str = "
INSERT INTO quotes (article_pk, position, kind, speaker_name, cue, content, span_start, span_end)
SELECT a.pk, CAST(q.key AS INTEGER), json_extract(q.value, '$.kind'),
       json_extract(q.value, '$.speaker_name'), json_extract(q.value, '$.cue'),
       json_extract(q.value, '$.content'), json_extract(q.value, '$.span[0]'),
       json_extract(q.value, '$.span[1]')
FROM articles a, json_each(CASE WHEN json_valid(a.record_json) THEN a.record_json ELSE '{}' END, '$.quotes') AS q
WHERE a.pk IN (SELECT value FROM json_each(?1)) AND json_extract(q.value, '$.content') IS NOT NULL
ORDER BY a.pk, CAST(q.key AS INTEGER)";

/// Indexes the text and quotes of the articles stored by this batch (`pks`), after every story
/// statement of the batch: an FTS5 index flushes its pending rows at each statement savepoint, so
/// rows written between the batch's other statements would each become a segment of their own.
fn index_batch(tx: &rusqlite::Transaction<'_>, pks: &[i64]) -> rusqlite::Result<()> {
    if pks.is_empty() {
        return Ok(());
    }
    // Written by hand: numbers cannot fail to encode, so no fallback could index nothing silently.
    let mut list = String::with_capacity(pks.len() * 8 + 2);
    list.push('[');
    for (i, pk) in pks.iter().enumerate() {
        let _ = write!(list, "{}{pk}", if i == 0 { "" } else { "," });
    }
    list.push(']');
    tx.prepare_cached(INDEX_TEXT)?.execute([&list])?;
    tx.prepare_cached(INDEX_QUOTES)?.execute([&list])?;
    Ok(())
}

/// A batch with everything the writer needs that depends on its articles alone: each one's
/// content hash, stored JSON and story fingerprint. Computed on every core and without the
/// store, so a caller can prepare the next batch while the store's one writer writes this one
/// (`dateline ingest` does); [`Store::insert_prepared`](crate::Store::insert_prepared) stores it.
pub struct PreparedBatch {
    batch: Vec<Analysis>,
    parts: Vec<Parts>,
}

/// What [`PreparedBatch`] computes for one article.
pub(crate) struct Parts {
    sha: String,
    /// The record as stored (`record_json_without_text`), or why it cannot be encoded.
    json: Result<String, String>,
    fingerprint: stories::Fingerprint,
}

impl Parts {
    fn of(a: &Analysis) -> Parts {
        Parts {
            sha: content_sha256(&a.text),
            json: record_json_without_text(a).map_err(|e| e.to_string()),
            fingerprint: stories::Fingerprint::of(a),
        }
    }

    /// Each article's parts, in order, computed in parallel: they are independent.
    pub(crate) fn of_batch(batch: &[Analysis]) -> Vec<Parts> {
        use rayon::prelude::*;
        batch.par_iter().map(Parts::of).collect()
    }
}

impl PreparedBatch {
    /// Prepares `batch` on every core.
    pub fn new(batch: Vec<Analysis>) -> PreparedBatch {
        let parts = Parts::of_batch(&batch);
        PreparedBatch { batch, parts }
    }

    /// The articles, in order.
    pub fn articles(&self) -> &[Analysis] {
        &self.batch
    }

    /// How many articles.
    pub fn len(&self) -> usize {
        self.batch.len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.batch.is_empty()
    }
}

/// Stores `batch` in one transaction; see [`Store::insert_batch`](crate::Store::insert_batch).
pub(crate) fn insert_batch(
    writer: Writer<'_>,
    batch: &[Analysis],
    story_options: &StoryOptions,
) -> Result<BatchOutcome, StoreError> {
    // Computed before the write lock is taken: they need the text only.
    let parts = Parts::of_batch(batch);
    insert_parts(writer, batch, &parts, story_options)
}

/// Stores a prepared batch; see [`Store::insert_prepared`](crate::Store::insert_prepared).
pub(crate) fn insert_prepared(
    writer: Writer<'_>,
    prepared: &PreparedBatch,
    story_options: &StoryOptions,
) -> Result<BatchOutcome, StoreError> {
    insert_parts(writer, &prepared.batch, &prepared.parts, story_options)
}

/// The store's side of a write: its connection and file, its size limit, and the shingles of the
/// articles it stored last (`crate::recent`).
pub(crate) struct Writer<'a> {
    pub(crate) conn: &'a mut Connection,
    pub(crate) path: &'a Path,
    pub(crate) max_record_bytes: usize,
    pub(crate) recent: &'a mut Recent,
}

/// Stores `batch`, whose articles' parts are `parts` (same order), in one transaction.
fn insert_parts(
    writer: Writer<'_>,
    batch: &[Analysis],
    parts: &[Parts],
    story_options: &StoryOptions,
) -> Result<BatchOutcome, StoreError> {
    let Writer { conn, path, max_record_bytes, recent } = writer;
    let mut outcome = BatchOutcome { statuses: Vec::with_capacity(batch.len()), ..BatchOutcome::default() };
    if batch.is_empty() {
        return Ok(outcome);
    }
    let insert_err = |id: &str, source| StoreError::Insert { path: path.to_path_buf(), id: id.to_string(), source };
    let first_id = batch.first().map(|a| a.id.as_str()).unwrap_or_default();
    // IMMEDIATE: take the write lock up front, so a concurrent writer makes us wait (busy
    // timeout) rather than fail halfway when a read lock cannot be upgraded.
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(|e| insert_err(first_id, e))?;
    let mut pending = crate::events::PendingTerms::default();
    let mut stored: Vec<i64> = Vec::with_capacity(batch.len());
    // The articles stored so far in this batch, whose shingles a later one may compare with.
    let mut in_batch: HashMap<i64, &Shingles> = HashMap::new();
    {
        let mut insert_article = tx.prepare_cached(INSERT_ARTICLE).map_err(|e| insert_err(first_id, e))?;
        let mut insert_source = tx.prepare_cached(INSERT_SOURCE).map_err(|e| insert_err(first_id, e))?;
        for (index, (a, Parts { sha, json, fingerprint })) in batch.iter().zip(parts).enumerate() {
            let reject = |outcome: &mut BatchOutcome, reason: String| {
                outcome.statuses.push(ArticleStatus::Rejected);
                outcome.rejected.push(Rejected { index, id: a.id.clone(), source: a.source.describe(), reason });
            };
            let json = match json {
                Ok(json) => json,
                Err(e) => {
                    reject(&mut outcome, format!("encoding the record as JSON: {e}"));
                    continue;
                }
            };
            let size = json.len().saturating_add(a.text.len());
            if size > max_record_bytes {
                reject(&mut outcome, format!("record of {size} bytes is over the limit of {max_record_bytes} bytes"));
                continue;
            }
            let dl = a.dateline.as_ref();
            let inserted = insert_article.execute(params![
                a.id,
                sha,
                a.source.path,
                a.source.url,
                a.source.format.as_str(),
                a.source.record,
                a.title,
                a.published,
                a.language,
                dl.and_then(|d| d.place.as_deref()),
                dl.and_then(|d| d.country.as_deref()),
                dl.and_then(|d| d.date.as_deref()),
                a.text,
                i64::try_from(a.text.len()).unwrap_or(i64::MAX),
                i64::try_from(a.text_repairs.len()).unwrap_or(i64::MAX),
                json,
            ]);
            // A value SQLite refuses as too big, or an id another text holds, fails this
            // statement only (nothing of it was written): the article is reported and skipped,
            // the batch goes on.
            let changed = match inserted {
                Err(rusqlite::Error::SqliteFailure(f, msg)) if f.code == ErrorCode::TooBig => {
                    let what = msg.unwrap_or_else(|| "string or blob too big".into());
                    reject(&mut outcome, format!("SQLite refused the record: {what}"));
                    continue;
                }
                Err(e) => match classify(path, a, sha, e) {
                    e @ StoreError::IdConflict { .. } => {
                        reject(&mut outcome, e.to_string());
                        continue;
                    }
                    e => return Err(e),
                },
                Ok(changed) => changed,
            };
            if changed == 0 {
                outcome.duplicates += 1;
                outcome.statuses.push(ArticleStatus::Duplicate);
                continue;
            }
            outcome.stored += 1;
            outcome.statuses.push(ArticleStatus::Stored);
            let pk = tx.last_insert_rowid();
            stored.push(pk);
            for (position, source) in dl.map(|d| d.sources.as_slice()).unwrap_or_default().iter().enumerate() {
                insert_source
                    .execute(params![pk, i64::try_from(position).unwrap_or(i64::MAX), source])
                    .map_err(|e| insert_err(&a.id, e))?;
            }
            // The new article joins a story in the same transaction, so a story never refers to
            // an article that was rolled back.
            let known = KnownShingles { recent: Some(&*recent), batch: Some(&in_batch) };
            stories::join(&tx, pk, a, fingerprint, known, story_options, &mut pending)
                .map_err(|e| insert_err(&a.id, e))?;
            in_batch.insert(pk, fingerprint.shingles());
        }
        index_batch(&tx, &stored).map_err(|e| insert_err(first_id, e))?;
        pending.flush(&tx).map_err(|e| insert_err(first_id, e))?;
        crate::postings::settle_due(&tx).map_err(|e| insert_err(first_id, e))?;
    }
    tx.commit().map_err(|source| StoreError::Commit { path: path.to_path_buf(), articles: batch.len(), source })?;
    // Kept once committed (a rolled-back batch's row ids are given out again), oldest first.
    for pk in &stored {
        if let Some(shingles) = in_batch.get(pk) {
            recent.push(*pk, shingles);
        }
    }
    Ok(outcome)
}

/// Tells an id collision (same id, other text) from any other failed insert.
fn classify(path: &Path, a: &Analysis, sha: &str, e: rusqlite::Error) -> StoreError {
    let is_id_conflict = matches!(
        &e,
        rusqlite::Error::SqliteFailure(f, Some(msg))
            if f.code == ErrorCode::ConstraintViolation && msg.contains("articles.id")
    );
    if is_id_conflict {
        StoreError::IdConflict { path: path.to_path_buf(), id: a.id.clone(), sha256: sha.to_string() }
    } else {
        StoreError::Insert { path: path.to_path_buf(), id: a.id.clone(), source: e }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_is_lowercase_hex_of_the_text() {
        // The SHA-256 of the empty string, a well-known constant.
        assert_eq!(content_sha256(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assert_eq!(content_sha256("abc").len(), 64);
    }
}
