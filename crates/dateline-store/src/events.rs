//! Events: different stories about the same happening, grouped as they are ingested.
//!
//! A story holds versions of one text (copies, edits, rewrites of one wire story); an event holds
//! the stories of different outlets about one happening, so that an analyst sees every outlet's
//! take side by side. Every story is in exactly one event (alone when nothing else is about the
//! same happening).
//!
//! Each new article, inside the batch transaction that stores it and right after it joined its
//! story:
//!
//! 1. its **keys** are indexed: the names of its entities, its quotes (speaker and words), its
//!    dateline (place and date) and its most frequent capitalised words, each hashed
//!    ([`Evidence::event_keys`]); its content terms count once more in the store's document
//!    frequencies (`term_df` and its fresh part, written once per batch: [`PendingTerms`]), from which term rarity
//!    is read;
//! 2. when its story already has an event (the article joined an existing story), it is in that
//!    event and nothing is compared;
//! 3. otherwise (it founded its story) the stored articles sharing its keys are the candidates
//!    (the newest [`BUCKET_CAP`] per key, those published within [`WINDOW_DAYS`] of it, the
//!    [`CANDIDATES`] sharing the most keys), each compared by [`crate::evidence::compare`]: TF-IDF
//!    cosine over content words with the store's document frequencies, lifted by shared quotes.
//!    Those reaching [`Score::same_event`](crate::evidence::Score::same_event) put the story into
//!    their event; when they lie in several events, the events merge (into the one with the
//!    most stories), as stories do, so events are the connected components of "same event".
//!
//! A candidate is found through an index lookup per key, never a scan, so placing an article
//! costs the same however many are stored; the document frequencies are one row per distinct
//! term.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;

use crate::evidence::{compare, DocFreq, Evidence, HashKeyed};
use crate::postings::EVENT_KEYS;
use crate::stories::StorySummary;
use crate::StoreError;
use std::path::Path;

/// Most articles read per key (the newest): a name in thousands of articles ("Reuters", a
/// president) is as good a way in through its recent articles as through all of them, and this
/// keeps the cost per article flat.
/// Set where the key index's statements are written (`postings::EVENT_KEYS`).
pub const BUCKET_CAP: usize = EVENT_KEYS.cap;

/// Most candidates compared per new story (those sharing the most keys).
pub const CANDIDATES: usize = 8;

/// Candidates published more than this many days before or after the article are not the same
/// happening's coverage (an anniversary, a trial years later): they are stories of their own.
pub const WINDOW_DAYS: i64 = 3;

/// Terms in `term_df_fresh` at which they are added into `term_df`: a fresh table of this size
/// (about 1,000 pages) stays in the page cache, and `term_df` is rewritten once per about 20
/// batches of 1,000 articles instead of at a page per new term in every batch.
pub(crate) const FRESH_TERM_ROWS: i64 = 200_000;

/// Document frequencies counted in the open batch and not yet written: one upsert per distinct
/// term per batch, in term order, instead of one random B-tree write per term per article (at
/// 100,000 articles the per-article writes halved the insertion rate).
#[derive(Debug, Default)]
pub(crate) struct PendingTerms {
    df: HashKeyed<i64, i64>,
    docs: i64,
}

impl PendingTerms {
    /// Counts one more article's terms.
    fn add(&mut self, ev: &Evidence) {
        if ev.is_empty() {
            return;
        }
        self.docs += 1;
        for t in ev.term_keys() {
            *self.df.entry(key(t)).or_default() += 1;
        }
    }

    /// Writes the counts into `term_df_fresh` and `term_docs`, and forgets them; adds
    /// `term_df_fresh` into `term_df` when it holds [`FRESH_TERM_ROWS`] terms or more.
    pub(crate) fn flush(&mut self, tx: &Transaction<'_>) -> rusqlite::Result<()> {
        self.flush_settling_at(tx, FRESH_TERM_ROWS)
    }

    /// [`PendingTerms::flush`], settling from `settle_rows` fresh terms.
    fn flush_settling_at(&mut self, tx: &Transaction<'_>, settle_rows: i64) -> rusqlite::Result<()> {
        let mut terms: Vec<(i64, i64)> = self.df.drain().collect();
        terms.sort_unstable();
        let mut up = tx.prepare_cached(
            "INSERT INTO term_df_fresh (term, df) VALUES (?1, ?2) ON CONFLICT (term) DO UPDATE SET df = df + ?2",
        )?;
        for (t, n) in terms {
            up.execute([t, n])?;
        }
        tx.prepare_cached("UPDATE term_docs SET docs = docs + ?1 WHERE id = 1")?.execute([self.docs])?;
        self.docs = 0;
        let fresh: i64 = tx.prepare_cached("SELECT count(*) FROM term_df_fresh")?.query_row([], |r| r.get(0))?;
        if fresh >= settle_rows {
            // In term order (the fresh table's own), so each page of `term_df` is written once.
            // (`WHERE true`: SQLite's parser needs it before an upsert's ON CONFLICT.)
            tx.prepare_cached(
                "INSERT INTO term_df (term, df) SELECT term, df FROM term_df_fresh WHERE true
                 ON CONFLICT (term) DO UPDATE SET df = df + excluded.df",
            )?
            .execute([])?;
            tx.prepare_cached("DELETE FROM term_df_fresh")?.execute([])?;
        }
        Ok(())
    }
}

/// The store's document frequencies, read for the terms one placement needs.
struct StoreFreq {
    docs: u64,
    df: HashKeyed<u64, u64>,
}

impl DocFreq for StoreFreq {
    fn documents(&self) -> u64 {
        self.docs
    }
    fn frequency(&self, term: u64) -> u64 {
        self.df.get(&term).copied().unwrap_or(0)
    }
}

/// SQLite integers are signed: the same 64 bits.
fn key(k: u64) -> i64 {
    i64::from_ne_bytes(k.to_ne_bytes())
}

/// Days since 1970-01-01 of an ISO date's `YYYY-MM-DD` prefix; `None` for anything else.
fn days(date: &str) -> Option<i64> {
    let y: i64 = date.get(0..4)?.parse().ok()?;
    let m: i64 = date.get(5..7)?.parse().ok()?;
    let d: i64 = date.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// True when two publication dates are within [`WINDOW_DAYS`]; an unknown date contradicts
/// nothing.
fn within_window(a: Option<&str>, b: Option<&str>) -> bool {
    match (a.and_then(days), b.and_then(days)) {
        (Some(x), Some(y)) => (x - y).abs() <= WINDOW_DAYS,
        _ => true,
    }
}

/// Places the article `pk`, just joined to `story`, into an event; see the module documentation.
/// `seen` is the date the story's dates come from (publication date, else storage time).
pub(crate) fn place(
    tx: &Transaction<'_>,
    pk: i64,
    story: i64,
    ev: &Evidence,
    published: Option<&str>,
    seen: &str,
    pending: &mut PendingTerms,
) -> rusqlite::Result<i64> {
    let keys: Vec<i64> = ev.event_keys().map(key).collect();
    pending.add(ev);
    let current: Option<i64> = tx
        .prepare_cached("SELECT event_id FROM stories WHERE id = ?1")?
        .query_row([story], |r| r.get::<_, Option<i64>>(0))
        .optional()?
        .flatten();
    let event = match current {
        Some(event) => event,
        None => {
            let found = matching_events(tx, pk, ev, &keys, published, pending)?;
            let event = match found.as_slice() {
                [] => {
                    tx.prepare_cached("INSERT INTO events (stories, first_seen, last_seen) VALUES (0, ?1, ?1)")?
                        .execute([seen])?;
                    tx.last_insert_rowid()
                }
                _ => merge(tx, &found)?,
            };
            tx.prepare_cached("UPDATE stories SET event_id = ?1 WHERE id = ?2")?.execute([event, story])?;
            tx.prepare_cached("UPDATE events SET stories = stories + 1 WHERE id = ?1")?.execute([event])?;
            event
        }
    };
    tx.prepare_cached(
        "UPDATE events SET first_seen = min(first_seen, ?2), last_seen = max(last_seen, ?2) WHERE id = ?1",
    )?
    .execute(params![event, seen])?;
    for k in keys {
        EVENT_KEYS.insert(tx, k, pk)?;
    }
    Ok(event)
}

/// The events of the candidates that are about the same happening as the article.
fn matching_events(
    tx: &Transaction<'_>,
    pk: i64,
    ev: &Evidence,
    keys: &[i64],
    published: Option<&str>,
    pending: &PendingTerms,
) -> rusqlite::Result<Vec<i64>> {
    if keys.is_empty() || ev.is_empty() {
        return Ok(Vec::new());
    }
    let mut shared: HashMap<i64, u32> = HashMap::new();
    let mut bucket = Vec::new();
    for &k in keys {
        bucket.clear();
        EVENT_KEYS.newest(tx, k, &mut bucket)?;
        for &cand in &bucket {
            if cand != pk {
                *shared.entry(cand).or_default() += 1;
            }
        }
    }
    let mut ranked: Vec<(i64, u32)> = shared.into_iter().collect();
    ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
    let mut row_of = tx.prepare_cached(
        "SELECT a.text, a.published, m.skip_start, m.skip_end, s.event_id, a.language
         FROM articles a JOIN story_members m ON m.article_pk = a.pk JOIN stories s ON s.id = m.story_id
         WHERE a.pk = ?1",
    )?;
    let mut compared: Vec<(i64, Evidence)> = Vec::new();
    for (cand, _) in ranked {
        if compared.len() == CANDIDATES {
            break;
        }
        type Row = (String, Option<String>, Option<i64>, Option<i64>, Option<i64>, Option<String>);
        let row: Option<Row> = row_of
            .query_row([cand], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))
            .optional()?;
        let Some((text, cand_published, start, end, Some(event), language)) = row else { continue };
        if !within_window(published, cand_published.as_deref()) || compared.iter().any(|(e, _)| *e == event) {
            continue;
        }
        let skip = match (start, end) {
            (Some(s), Some(e)) => Some(usize::try_from(s).unwrap_or(0)..usize::try_from(e).unwrap_or(0)),
            _ => None,
        };
        let mut other = Evidence::of_text(&text, skip, language.as_deref());
        // The candidate's names, quotes and dateline are what it shares with the article through
        // the key index; its own full record is not read back.
        other.share_keys_from(ev, &key_set(tx, cand, keys)?);
        compared.push((event, other));
    }
    if compared.is_empty() {
        return Ok(Vec::new());
    }
    let freq = store_freq(tx, ev, compared.iter().map(|(_, e)| e), pending)?;
    let mut out: Vec<i64> = Vec::new();
    let mut weaker: Option<(f64, i64)> = None;
    for (event, other) in &compared {
        let score = compare(ev, other, &freq);
        if score.same_event_by_words() {
            if !out.contains(event) {
                out.push(*event);
            }
        } else if score.same_event() && weaker.is_none_or(|(best, _)| score.similarity() > best) {
            weaker = Some((score.similarity(), *event));
        }
    }
    // The weaker evidence (names shared across languages, close words with the same entities)
    // joins an article to one event, never bridges two: an article sharing names with two
    // different stories would chain them.
    if out.is_empty() {
        out.extend(weaker.map(|(_, event)| event));
    }
    Ok(out)
}

/// Which of `keys` the article `cand` carries.
fn key_set(tx: &Transaction<'_>, cand: i64, keys: &[i64]) -> rusqlite::Result<Vec<u64>> {
    let mut out = Vec::new();
    for &k in keys {
        if EVENT_KEYS.contains(tx, k, cand)? {
            out.push(u64::from_ne_bytes(k.to_ne_bytes()));
        }
    }
    Ok(out)
}

/// The document frequencies of every term of `ev` and `others`, read from `term_df`.
fn store_freq<'a>(
    tx: &Transaction<'_>,
    ev: &'a Evidence,
    others: impl Iterator<Item = &'a Evidence>,
    pending: &PendingTerms,
) -> rusqlite::Result<StoreFreq> {
    let docs: i64 = tx.prepare_cached("SELECT docs FROM term_docs WHERE id = 1")?.query_row([], |r| r.get(0))?;
    let docs = docs + pending.docs;
    let mut lookup = tx.prepare_cached(
        "SELECT coalesce((SELECT df FROM term_df WHERE term = ?1), 0)
              + coalesce((SELECT df FROM term_df_fresh WHERE term = ?1), 0)",
    )?;
    let mut df: HashKeyed<u64, u64> = HashKeyed::default();
    // Only the terms both sides have matter to the dot product, but each side's norm needs all
    // of its own terms: read every term once.
    for e in std::iter::once(ev).chain(others) {
        for t in e.term_keys() {
            if let std::collections::hash_map::Entry::Vacant(slot) = df.entry(t) {
                let n: i64 = lookup.query_row([key(t)], |r| r.get(0))?;
                let n = n + pending.df.get(&key(t)).copied().unwrap_or(0);
                slot.insert(u64::try_from(n).unwrap_or(0));
            }
        }
    }
    Ok(StoreFreq { docs: u64::try_from(docs).unwrap_or(0), df })
}

/// Merges `events` into the one with the most stories (ties: the oldest) and returns it.
fn merge(tx: &Transaction<'_>, events: &[i64]) -> rusqlite::Result<i64> {
    let mut sized = Vec::with_capacity(events.len());
    for &e in events {
        let n: i64 = tx.prepare_cached("SELECT stories FROM events WHERE id = ?1")?.query_row([e], |r| r.get(0))?;
        sized.push((n, e));
    }
    let Some(&(_, keep)) = sized.iter().max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1))) else {
        return Err(rusqlite::Error::QueryReturnedNoRows);
    };
    for &(_, gone) in sized.iter().filter(|(_, e)| *e != keep) {
        fold(tx, keep, gone)?;
    }
    Ok(keep)
}

/// Moves every story of event `gone` into `keep` and deletes `gone`.
fn fold(tx: &Transaction<'_>, keep: i64, gone: i64) -> rusqlite::Result<()> {
    if keep == gone {
        return Ok(());
    }
    tx.prepare_cached("UPDATE stories SET event_id = ?1 WHERE event_id = ?2")?.execute([keep, gone])?;
    tx.prepare_cached(
        "UPDATE events SET stories = stories + (SELECT stories FROM events WHERE id = ?2),
            first_seen = min(first_seen, (SELECT first_seen FROM events WHERE id = ?2)),
            last_seen = max(last_seen, (SELECT last_seen FROM events WHERE id = ?2))
         WHERE id = ?1",
    )?
    .execute([keep, gone])?;
    tx.prepare_cached("DELETE FROM events WHERE id = ?1")?.execute([gone])?;
    Ok(())
}

/// Keeps events true when stories merge: `gone` (about to be deleted) leaves its event, and when
/// that event differs from `keep`'s the two events merge, since a story cannot be about two
/// happenings. Called by the story merge before it deletes `gone`.
pub(crate) fn stories_merged(tx: &Transaction<'_>, keep: i64, gone: i64) -> rusqlite::Result<()> {
    let event_of = |s: i64| -> rusqlite::Result<Option<i64>> {
        Ok(tx
            .prepare_cached("SELECT event_id FROM stories WHERE id = ?1")?
            .query_row([s], |r| r.get::<_, Option<i64>>(0))
            .optional()?
            .flatten())
    };
    let (Some(k), Some(g)) = (event_of(keep)?, event_of(gone)?) else { return Ok(()) };
    if k != g {
        // Either event may be kept; the stories follow it, `gone` included.
        merge(tx, &[k, g])?;
    }
    // `gone` leaves its (now common) event: one story fewer.
    let e = event_of(gone)?;
    if let Some(e) = e {
        tx.prepare_cached("UPDATE events SET stories = stories - 1 WHERE id = ?1")?.execute([e])?;
        tx.prepare_cached("UPDATE stories SET event_id = NULL WHERE id = ?1")?.execute([gone])?;
    }
    Ok(())
}

/// Articles per transaction when indexing the articles of an older file.
const CATCH_UP_BATCH: i64 = 500;

/// Indexes the articles a file older than version 7 held (their keys and terms; their stories are already
/// events of their own), so that new articles find them: the range in `event_backlog`, oldest
/// first, in batches, resumable. Articles not yet in a story are left to `stories::catch_up`,
/// which places them whole. A record that does not decode is indexed by its text alone. Cheap
/// when there is nothing to do (one row read).
pub(crate) fn catch_up(conn: &mut Connection, path: &Path) -> Result<u64, StoreError> {
    let err =
        |source| StoreError::Query { path: path.to_path_buf(), what: "indexing older articles for events", source };
    let mut done = 0u64;
    loop {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(err)?;
        let (next, last): (i64, i64) = tx
            .query_row("SELECT next_pk, last_pk FROM event_backlog WHERE id = 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()
            .map_err(err)?
            .unwrap_or((1, 0));
        if next > last {
            return Ok(done);
        }
        let rows: Vec<(i64, String, String)> = {
            let mut stmt = tx
                .prepare(
                    "SELECT a.pk, a.text, a.record_json FROM articles a JOIN story_members m ON m.article_pk = a.pk
                     WHERE a.pk >= ?1 AND a.pk <= ?2 ORDER BY a.pk LIMIT ?3",
                )
                .map_err(err)?;
            let rows = stmt
                .query_map(params![next, last, CATCH_UP_BATCH], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .map_err(err)?;
            rows.collect::<Result<_, _>>().map_err(err)?
        };
        let mut pending = PendingTerms::default();
        let mut upto = last;
        if rows.len() == usize::try_from(CATCH_UP_BATCH).unwrap_or(usize::MAX) {
            upto = rows.last().map_or(last, |r| r.0);
        }
        {
            for (pk, text, json) in rows {
                let ev = match decode(&text, &json) {
                    Some(a) => Evidence::of(&a),
                    None => Evidence::of_text(&text, None, None),
                };
                pending.add(&ev);
                for k in ev.event_keys() {
                    EVENT_KEYS.insert(&tx, key(k), pk).map_err(err)?;
                }
                done += 1;
            }
        }
        pending.flush(&tx).map_err(err)?;
        crate::postings::settle_due(&tx).map_err(err)?;
        tx.execute("UPDATE event_backlog SET next_pk = ?1 WHERE id = 1", [upto.saturating_add(1)]).map_err(err)?;
        tx.commit().map_err(err)?;
    }
}

/// An analysis from its stored JSON and text; `None` when the JSON is not a record.
fn decode(text: &str, json: &str) -> Option<dateline_analyze::Analysis> {
    let mut value: serde_json::Value = serde_json::from_str(json).ok()?;
    value.as_object_mut()?.insert("text".to_string(), serde_json::Value::String(text.to_string()));
    serde_json::from_value(value).ok()
}

/// One event with its stories side by side.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Event {
    /// The event id (`dateline event ID`).
    pub id: i64,
    /// How many stories it holds.
    pub size: u64,
    /// The earliest date among its articles.
    pub first_seen: String,
    /// The latest.
    pub last_seen: String,
    /// Its stories, largest first (each with its origin and headline): at most
    /// [`MAX_EVENT_STORIES`] for one event, [`LISTED_STORIES`] in a listing; `size` counts all.
    pub stories: Vec<StorySummary>,
}

/// The events with at least `min_stories` stories, largest first, then most recently seen.
pub(crate) fn list(
    conn: &Connection,
    path: &Path,
    offset: usize,
    limit: usize,
    min_stories: u64,
) -> Result<Vec<Event>, StoreError> {
    let sql = "SELECT id FROM events WHERE stories >= ?1 ORDER BY stories DESC, last_seen DESC, id LIMIT ?2 OFFSET ?3";
    let ids = crate::stories::page_of_ids(conn, path, sql, "listing events", min_stories, limit, offset)?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(e) = get_with(conn, path, id, LISTED_STORIES)? {
            out.push(e);
        }
    }
    Ok(out)
}

/// Stories shown per event in a listing (the largest): a listing page reads each of them with
/// its versions, so it stays cheap whatever the size of its events.
pub const LISTED_STORIES: i64 = 5;

/// One page of the event listing, and how many events the whole listing has.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventPage {
    /// Events with at least the minimum number of stories.
    pub total: u64,
    /// The page: most stories first, then the most recently seen.
    pub items: Vec<Event>,
}

/// The page of [`list`] with the total (counted over the `events_by_size` index).
pub(crate) fn page(
    conn: &Connection,
    path: &Path,
    offset: usize,
    limit: usize,
    min_stories: u64,
) -> Result<EventPage, StoreError> {
    let err = |source| StoreError::Query { path: path.to_path_buf(), what: "counting events", source };
    let total: i64 = conn
        .prepare_cached("SELECT count(*) FROM events WHERE stories >= ?1")
        .map_err(err)?
        .query_row([i64::try_from(min_stories).unwrap_or(i64::MAX)], |r| r.get(0))
        .map_err(err)?;
    Ok(EventPage { total: u64::try_from(total).unwrap_or(0), items: list(conn, path, offset, limit, min_stories)? })
}

/// Most stories listed in one event (the largest); the count says how many there are.
pub const MAX_EVENT_STORIES: i64 = 200;

/// The event with this id and its stories (at most [`MAX_EVENT_STORIES`]).
pub(crate) fn get(conn: &Connection, path: &Path, id: i64) -> Result<Option<Event>, StoreError> {
    get_with(conn, path, id, MAX_EVENT_STORIES)
}

/// The event with this id and at most `max_stories` of its stories, the largest first.
fn get_with(conn: &Connection, path: &Path, id: i64, max_stories: i64) -> Result<Option<Event>, StoreError> {
    let err = |source| StoreError::Query { path: path.to_path_buf(), what: "reading an event", source };
    let head: Option<(i64, String, String)> = conn
        .prepare_cached("SELECT stories, first_seen, last_seen FROM events WHERE id = ?1")
        .map_err(err)?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()
        .map_err(err)?;
    let Some((size, first_seen, last_seen)) = head else { return Ok(None) };
    let story_ids: Vec<i64> = conn
        .prepare_cached("SELECT id FROM stories WHERE event_id = ?1 ORDER BY size DESC, first_seen, id LIMIT ?2")
        .map_err(err)?
        .query_map(params![id, max_stories], |r| r.get(0))
        .map_err(err)?
        .collect::<Result<_, _>>()
        .map_err(err)?;
    let mut stories = Vec::with_capacity(story_ids.len());
    for s in story_ids {
        if let Some(story) = crate::stories::get(conn, path, s)? {
            stories.push(story.summary);
        }
    }
    Ok(Some(Event { id, size: u64::try_from(size).unwrap_or(0), first_seen, last_seen, stories }))
}

/// The event a story belongs to.
pub(crate) fn event_of_story(conn: &Connection, path: &Path, story: i64) -> Result<Option<i64>, StoreError> {
    let err = |source| StoreError::Query { path: path.to_path_buf(), what: "finding a story's event", source };
    Ok(conn
        .prepare_cached("SELECT event_id FROM stories WHERE id = ?1")
        .map_err(err)?
        .query_row([story], |r| r.get::<_, Option<i64>>(0))
        .optional()
        .map_err(err)?
        .flatten())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every term's count, each summed over its settled and fresh rows, and the fresh rows.
    fn counts(conn: &Connection) -> rusqlite::Result<(Vec<(i64, i64)>, i64)> {
        let mut stmt = conn.prepare(
            "SELECT term, sum(df) FROM (SELECT term, df FROM term_df UNION ALL SELECT term, df FROM term_df_fresh)
             GROUP BY term ORDER BY term",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<Vec<_>, _>>()?;
        let fresh = conn.query_row("SELECT count(*) FROM term_df_fresh", [], |r| r.get(0))?;
        Ok((rows, fresh))
    }

    /// Counts flushed batch by batch give every term the same frequency whether they moved into
    /// `term_df` after every batch, once in between, or never; a move empties the fresh table.
    #[test]
    fn term_counts_are_the_same_settled_or_fresh() -> Result<(), Box<dyn std::error::Error>> {
        let batches: [&[(i64, i64)]; 3] = [&[(5, 1), (-3, 2), (9, 1)], &[(5, 2), (7, 1)], &[(-3, 1), (7, 4), (11, 1)]];
        let mut results = Vec::new();
        for settle_rows in [1, 4, i64::MAX] {
            let mut conn = Connection::open_in_memory()?;
            crate::schema::migrate(&mut conn, Path::new(":memory:"))?;
            let mut fresh_after = Vec::new();
            for batch in batches {
                let tx = conn.transaction()?;
                let mut pending = PendingTerms { df: batch.iter().copied().collect(), docs: 1 };
                pending.flush_settling_at(&tx, settle_rows)?;
                tx.commit()?;
                fresh_after.push(counts(&conn)?.1);
            }
            let docs: i64 = conn.query_row("SELECT docs FROM term_docs WHERE id = 1", [], |r| r.get(0))?;
            assert_eq!(docs, 3);
            results.push((counts(&conn)?.0, fresh_after));
        }
        let expected = vec![(-3, 3), (5, 3), (7, 5), (9, 1), (11, 1)];
        assert_eq!(results[0], (expected.clone(), vec![0, 0, 0]), "moved after every batch");
        assert_eq!(results[1], (expected.clone(), vec![3, 0, 3]), "moved once four terms were fresh");
        assert_eq!(results[2], (expected, vec![3, 4, 5]), "never moved");
        Ok(())
    }

    #[test]
    fn dates_are_days_and_the_window_tolerates_unknown_dates() {
        assert_eq!(days("1970-01-01"), Some(0));
        assert_eq!(days("2000-03-01"), Some(11_017));
        assert_eq!(days("2024-02-29T10:00:00Z"), Some(19_782));
        assert_eq!(days("2024-13-01"), None);
        assert_eq!(days("soon"), None);
        assert!(within_window(Some("2024-03-01"), Some("2024-02-27")));
        assert!(!within_window(Some("2024-03-01"), Some("2024-02-25")));
        assert!(within_window(None, Some("2024-02-25")));
    }
}
