//! The schema and its migrations.
//!
//! Tables (version 11):
//!
//! - `articles`: one row per distinct text. `pk` (integer rowid, the full-text index's key),
//!   `id` (the record's id, unique), `content_sha256` (of `text`, unique: the dedup key), the
//!   columns worth filtering on (`source_path`, `url`, `format`, `record`, `title`, `published`,
//!   `language`, `dateline_place`, `dateline_country`, `dateline_date`), `text`, `text_bytes`,
//!   `repairs` (count of text repairs), `record_json` (the full record less `text`) and
//!   `ingested_at` (UTC).
//! - `article_sources`: the dateline's wire credits, `(article_pk, position, source)`.
//! - `articles_fts`: FTS5 over `title` and `text`, external content read from `articles`: new
//!   rows indexed by the ingest, batch by batch (version 10), deletes and updates by triggers.
//! - `stories`, `story_members`, `lsh_bands`: near-duplicate stories; see [`V3_STORIES`].
//! - `quotes`, `quotes_fts`: every quote as a row, searchable; see [`V4_QUOTES`].
//! - `story_sizes`: how many stories have each size, kept by triggers; see [`V5_STORY_SIZES`].
//! - `quote_wordings`, `quote_wordings_fts`, `quote_occurrences`: each distinct quote wording once,
//!   searchable, with the quotes that carry it; see [`V6_QUOTE_WORDINGS`].
//! - `events`, `stories.event_id`, `event_keys`, `term_df`, `term_docs`, `event_backlog`: events
//!   (stories about one happening) and what finds them; see [`V7_EVENTS`]. Version 8 recounts
//!   `term_df` for terms stemmed in each article's language; see [`V8_TERMS_BY_LANGUAGE`].
//! - `lsh_fresh`, `event_keys_fresh`: the newest rows of the band index and the event keys, moved
//!   into `lsh_bands` and `event_keys` in sorted runs; see [`V9_FRESH_POSTINGS`].
//! - Version 10 indexes each batch's text and quotes in one statement each, from the ingest, and
//!   keeps each story member's sentence hashes; see [`V10_BATCH_INDEXING`].
//! - `term_df_fresh`: the newest document-frequency counts, added into `term_df` in sorted runs;
//!   see [`V11_FRESH_TERM_COUNTS`].
//!
//! The schema version lives in `PRAGMA user_version`; [`MIGRATIONS`]`[i]` takes a database from
//! version `i` to `i + 1`. Each step runs in its own transaction together with the version bump, so
//! a failed or interrupted migration leaves the file at the last version that completed.
//!
//! Rules for whoever adds the next step: never edit a step that has shipped (files in the wild were
//! made by it, and `tests/store.rs` keeps a frozen copy of version 1 to prove old files still open);
//! append a new one instead, and make it fill any new table or column from the rows already there.
//! The entity, quote and story tables of later issues are such steps: `record_json` keeps every
//! article's full record so they can be filled from what is already stored, without re-analysis.
//! `PRAGMA application_id` marks the file as ours so that `open` refuses other programs' databases
//! instead of adding tables to them.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use crate::StoreError;

/// `PRAGMA application_id` of a dateline database: "DLN1" in ASCII.
pub const APPLICATION_ID: u32 = 0x444c_4e31;

/// Version 1: articles, their wire credits, and the indexes the statistics need.
///
/// `text` is stored once, in its own column (the full-text index reads it from there);
/// `record_json` is the whole `Analysis` except `text`, which `get` puts back.
const V1_CORE: &str = "
CREATE TABLE articles (
    pk               INTEGER PRIMARY KEY,
    id               TEXT    NOT NULL UNIQUE,
    content_sha256   TEXT    NOT NULL UNIQUE,
    source_path      TEXT,
    url              TEXT,
    format           TEXT    NOT NULL,
    record           TEXT,
    title            TEXT,
    published        TEXT,
    language         TEXT    NOT NULL,
    dateline_place   TEXT,
    dateline_country TEXT,
    dateline_date    TEXT,
    text             TEXT    NOT NULL,
    text_bytes       INTEGER NOT NULL,
    repairs          INTEGER NOT NULL DEFAULT 0,
    record_json      TEXT    NOT NULL,
    ingested_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_dateline_place ON articles(dateline_place);

CREATE TABLE article_sources (
    article_pk INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    source     TEXT    NOT NULL,
    PRIMARY KEY (article_pk, position)
) WITHOUT ROWID;
CREATE INDEX article_sources_source ON article_sources(source);
";

/// Version 2: the full-text index over title and text.
///
/// External content (the text is not stored twice), kept in step with `articles` by triggers so that
/// any later writer (deletes, corrections) cannot leave it stale, and filled from the rows a
/// version 1 file already holds. `remove_diacritics 2` lets "Zelenskyy" find "Zelenskyý";
/// porter stemming lets "attack" find "attacks".
const V2_FULL_TEXT: &str = "
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text,
    content = 'articles', content_rowid = 'pk',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.pk, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.pk, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text);
END;
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
";

/// Version 3: stories (near-duplicate clusters), their members, and the LSH band index.
///
/// - `stories`: one row per story, with what the listing sorts on kept up to date by ingest:
///   `size` (members), `first_seen` and `last_seen` (published dates, else ingest time).
/// - `story_members`: one row per article (every article is in exactly one story, alone if it has
///   no near-duplicate), with its distinct shingle count, the byte range left out of its
///   fingerprint (the dateline), and the member it joined through with their similarity.
/// - `lsh_bands`: `(band_key, article_pk)` for every band of every article's MinHash signature;
///   the primary key is the index that finds candidates. No foreign key: it is an index, and
///   articles are never deleted yet.
///
/// SQL cannot compute a MinHash, so this step only makes the tables; `stories::catch_up` then
/// fingerprints the articles already stored (in `pk` order, resumable) when the store opens.
const V3_STORIES: &str = "
CREATE TABLE stories (
    id         INTEGER PRIMARY KEY,
    size       INTEGER NOT NULL,
    first_seen TEXT    NOT NULL,
    last_seen  TEXT    NOT NULL
);
CREATE INDEX stories_by_size ON stories(size DESC, last_seen DESC);

CREATE TABLE story_members (
    article_pk INTEGER PRIMARY KEY REFERENCES articles(pk) ON DELETE CASCADE,
    story_id   INTEGER NOT NULL REFERENCES stories(id),
    shingles   INTEGER NOT NULL,
    skip_start INTEGER,
    skip_end   INTEGER,
    via_pk     INTEGER,
    similarity REAL
);
CREATE INDEX story_members_story ON story_members(story_id);

CREATE TABLE lsh_bands (
    band_key   INTEGER NOT NULL,
    article_pk INTEGER NOT NULL,
    PRIMARY KEY (band_key, article_pk)
) WITHOUT ROWID;
";

/// Version 4: every quote as a row, searchable by its words and its speaker.
///
/// - `quotes`: one row per quote of an article's record (`position` is its index in the record's
///   `quotes`), filled from `record_json` by a trigger, so every writer (CLI ingest, the HTTP
///   ingest, anything that inserts an article row) indexes quotes the same way, and existing
///   stores are back-filled by this step itself.
/// - `quotes_fts`: FTS5 over the quote's content and speaker name (external content: the words are
///   stored once, in `quotes`), same tokenizer as the articles' index.
const V4_QUOTES: &str = "
CREATE TABLE quotes (
    pk           INTEGER PRIMARY KEY,
    article_pk   INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    kind         TEXT,
    speaker_name TEXT,
    cue          TEXT,
    content      TEXT    NOT NULL,
    span_start   INTEGER,
    span_end     INTEGER
);
CREATE INDEX quotes_article ON quotes(article_pk);
CREATE INDEX quotes_speaker ON quotes(speaker_name COLLATE NOCASE);

CREATE VIRTUAL TABLE quotes_fts USING fts5(
    content, speaker_name,
    content = 'quotes', content_rowid = 'pk',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, content, speaker_name) VALUES (new.pk, new.content, new.speaker_name);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, content, speaker_name)
        VALUES ('delete', old.pk, old.content, old.speaker_name);
END;

CREATE TRIGGER quotes_of_new_article AFTER INSERT ON articles BEGIN
    INSERT INTO quotes (article_pk, position, kind, speaker_name, cue, content, span_start, span_end)
    SELECT new.pk, CAST(q.key AS INTEGER), json_extract(q.value, '$.kind'),
           json_extract(q.value, '$.speaker_name'), json_extract(q.value, '$.cue'),
           json_extract(q.value, '$.content'), json_extract(q.value, '$.span[0]'),
           json_extract(q.value, '$.span[1]')
    FROM json_each(CASE WHEN json_valid(new.record_json) THEN new.record_json ELSE '{}' END, '$.quotes') AS q
    WHERE json_extract(q.value, '$.content') IS NOT NULL;
END;
CREATE TRIGGER quotes_of_deleted_article AFTER DELETE ON articles BEGIN
    DELETE FROM quotes WHERE article_pk = old.pk;
END;

INSERT INTO quotes (article_pk, position, kind, speaker_name, cue, content, span_start, span_end)
SELECT a.pk, CAST(q.key AS INTEGER), json_extract(q.value, '$.kind'),
       json_extract(q.value, '$.speaker_name'), json_extract(q.value, '$.cue'),
       json_extract(q.value, '$.content'), json_extract(q.value, '$.span[0]'),
       json_extract(q.value, '$.span[1]')
FROM articles a, json_each(CASE WHEN json_valid(a.record_json) THEN a.record_json ELSE '{}' END, '$.quotes') AS q
WHERE json_extract(q.value, '$.content') IS NOT NULL
ORDER BY a.pk, CAST(q.key AS INTEGER);
";

/// Version 5: how many stories there are of each size, kept by triggers on `stories`.
///
/// - `story_sizes`: `(size, stories)`, one row per size that some story has. The story listing
///   pages in SQL over `stories_by_size` and counts its total here, from as many rows as there
///   are distinct sizes (a few dozen) instead of every story: at 10,000 stories the listing read
///   every story and its members to count them (0.8 s a request).
///
/// Triggers rather than ingest code, so that every writer (ingest, merges, the catch-up of older
/// files, anything later that deletes) keeps the counts true; filled here from the stories a
/// version 4 file already holds.
const V5_STORY_SIZES: &str = "
CREATE TABLE story_sizes (
    size    INTEGER PRIMARY KEY,
    stories INTEGER NOT NULL
);
CREATE TRIGGER story_sizes_insert AFTER INSERT ON stories BEGIN
    INSERT INTO story_sizes (size, stories) VALUES (new.size, 1)
        ON CONFLICT (size) DO UPDATE SET stories = stories + 1;
END;
CREATE TRIGGER story_sizes_delete AFTER DELETE ON stories BEGIN
    UPDATE story_sizes SET stories = stories - 1 WHERE size = old.size;
    DELETE FROM story_sizes WHERE size = old.size AND stories <= 0;
END;
CREATE TRIGGER story_sizes_update AFTER UPDATE OF size ON stories WHEN new.size <> old.size BEGIN
    UPDATE story_sizes SET stories = stories - 1 WHERE size = old.size;
    DELETE FROM story_sizes WHERE size = old.size AND stories <= 0;
    INSERT INTO story_sizes (size, stories) VALUES (new.size, 1)
        ON CONFLICT (size) DO UPDATE SET stories = stories + 1;
END;
INSERT INTO story_sizes (size, stories) SELECT size, count(*) FROM stories GROUP BY size;
";

/// Version 6: every distinct quote wording once, with its own full-text index, and the quotes
/// that carry it, kept by triggers on `quotes`.
///
/// A wire quote is republished word for word by every outlet that runs the story: at 100,000
/// generated articles, 1,023,775 quotes had 11,308 distinct texts, 23,773 with their speaker and
/// kind. A quote search ranked by bm25 over `quotes_fts` scored every carrier of a word (375,731
/// rows for a common word, 315 ms) and tested a kind on every matching row; ranked over the
/// wordings it scores each wording once, and the quotes of the best wordings are then read in
/// order from `quote_occurrences`.
///
/// - `quote_wordings`: `(content, speaker_name, kind)` exactly as in `quotes` (the same words said
///   by another speaker, or as another kind, is another wording, so that every quote condition is
///   a condition on its wording), with `quotes`, how many quote rows carry it, so that totals are
///   sums over wordings instead of counts over quotes. `ifnull(.., x'')` in the key tells a
///   missing speaker or kind (a BLOB there) from any name (TEXT), since UNIQUE lets NULLs repeat.
/// - `quote_wordings_fts`: FTS5 over the wording's content and speaker name, external content, the
///   same columns and tokenizer as `quotes_fts` (which stays: quote trails rank carriers by it).
/// - `quote_occurrences`: `(wording_pk, quote_pk, article_pk)`, a wording's quotes in key order,
///   with the article each is in, so that article filters join without reading `quotes`.
///
/// Filled here from the quotes a version 5 file already holds, wordings numbered in the order of
/// their first quote, as ingest numbers them.
const V6_QUOTE_WORDINGS: &str = "
CREATE TABLE quote_wordings (
    pk           INTEGER PRIMARY KEY,
    content      TEXT    NOT NULL,
    speaker_name TEXT,
    kind         TEXT,
    quotes       INTEGER NOT NULL
);
CREATE UNIQUE INDEX quote_wordings_key ON quote_wordings(content, ifnull(speaker_name, x''), ifnull(kind, x''));
CREATE INDEX quote_wordings_speaker ON quote_wordings(speaker_name COLLATE NOCASE);

CREATE TABLE quote_occurrences (
    wording_pk INTEGER NOT NULL,
    quote_pk   INTEGER NOT NULL,
    article_pk INTEGER NOT NULL,
    PRIMARY KEY (wording_pk, quote_pk)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE quote_wordings_fts USING fts5(
    content, speaker_name,
    content = 'quote_wordings', content_rowid = 'pk',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER quote_wordings_fts_insert AFTER INSERT ON quote_wordings BEGIN
    INSERT INTO quote_wordings_fts(rowid, content, speaker_name) VALUES (new.pk, new.content, new.speaker_name);
END;
CREATE TRIGGER quote_wordings_fts_delete AFTER DELETE ON quote_wordings BEGIN
    INSERT INTO quote_wordings_fts(quote_wordings_fts, rowid, content, speaker_name)
        VALUES ('delete', old.pk, old.content, old.speaker_name);
END;

CREATE TRIGGER quote_wordings_of_new_quote AFTER INSERT ON quotes BEGIN
    INSERT INTO quote_wordings (content, speaker_name, kind, quotes)
        VALUES (new.content, new.speaker_name, new.kind, 1)
        ON CONFLICT DO UPDATE SET quotes = quotes + 1;
    INSERT INTO quote_occurrences (wording_pk, quote_pk, article_pk)
        SELECT pk, new.pk, new.article_pk FROM quote_wordings
        WHERE content = new.content AND ifnull(speaker_name, x'') = ifnull(new.speaker_name, x'')
          AND ifnull(kind, x'') = ifnull(new.kind, x'');
END;
CREATE TRIGGER quote_wordings_of_deleted_quote AFTER DELETE ON quotes BEGIN
    DELETE FROM quote_occurrences WHERE quote_pk = old.pk AND wording_pk = (
        SELECT pk FROM quote_wordings
        WHERE content = old.content AND ifnull(speaker_name, x'') = ifnull(old.speaker_name, x'')
          AND ifnull(kind, x'') = ifnull(old.kind, x''));
    UPDATE quote_wordings SET quotes = quotes - 1
        WHERE content = old.content AND ifnull(speaker_name, x'') = ifnull(old.speaker_name, x'')
          AND ifnull(kind, x'') = ifnull(old.kind, x'');
    DELETE FROM quote_wordings
        WHERE content = old.content AND ifnull(speaker_name, x'') = ifnull(old.speaker_name, x'')
          AND ifnull(kind, x'') = ifnull(old.kind, x'') AND quotes <= 0;
END;

INSERT INTO quote_wordings (content, speaker_name, kind, quotes)
SELECT content, speaker_name, kind, count(*) FROM quotes
GROUP BY content, ifnull(speaker_name, x''), ifnull(kind, x'')
ORDER BY min(pk);
INSERT INTO quote_occurrences (wording_pk, quote_pk, article_pk)
SELECT w.pk, q.pk, q.article_pk FROM quotes q JOIN quote_wordings w
    ON w.content = q.content AND ifnull(w.speaker_name, x'') = ifnull(q.speaker_name, x'')
   AND ifnull(w.kind, x'') = ifnull(q.kind, x'');
";

/// Version 7: events, the second level above stories (issue 18).
///
/// - `events`: one row per event (stories about one happening): `stories` (how many), and
///   `first_seen`, `last_seen` over its articles' dates.
/// - `stories.event_id`: the event of each story.
/// - `event_keys`: `(key, article_pk)` for every name, quote and dateline of every article
///   (hashed, `evidence::Evidence::event_keys`); the primary key is the index that finds an
///   article's candidates.
/// - `term_df`, `term_docs`: in how many articles each content term (hashed) occurs, and how many
///   articles were counted: the document frequencies the content-word cosine reads.
///
/// The stories an older file holds each become an event of their own. Hashing the older
/// articles' names, quotes and terms needs Rust, so this step records the range of articles to
/// index in `event_backlog` (`next_pk` to `last_pk`), and `events::catch_up` indexes them when
/// the store opens (resumable, in batches), so that they are candidates for new articles;
/// articles stored from now on are indexed as they come.
const V7_EVENTS: &str = "
CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    stories    INTEGER NOT NULL,
    first_seen TEXT    NOT NULL,
    last_seen  TEXT    NOT NULL
);
CREATE INDEX events_by_size ON events(stories DESC, last_seen DESC);

ALTER TABLE stories ADD COLUMN event_id INTEGER;
CREATE INDEX stories_event ON stories(event_id);

CREATE TABLE event_keys (
    key        INTEGER NOT NULL,
    article_pk INTEGER NOT NULL,
    PRIMARY KEY (key, article_pk)
) WITHOUT ROWID;

CREATE TABLE term_df (
    term INTEGER PRIMARY KEY,
    df   INTEGER NOT NULL
);
CREATE TABLE term_docs (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    docs INTEGER NOT NULL
);
INSERT INTO term_docs (id, docs) VALUES (1, 0);

CREATE TABLE event_backlog (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    next_pk INTEGER NOT NULL,
    last_pk INTEGER NOT NULL
);
INSERT INTO event_backlog (id, next_pk, last_pk) SELECT 1, 1, coalesce(max(pk), 0) FROM articles;

INSERT INTO events (id, stories, first_seen, last_seen) SELECT id, 1, first_seen, last_seen FROM stories;
UPDATE stories SET event_id = id;
";

/// Version 8: the content terms of the story evidence are stemmed in each article's language
/// (`crate::terms`), so the document frequencies counted under version 7 are of other terms.
/// They are emptied and every stored article is put back in `event_backlog`, whose catch-up
/// (`events::catch_up`, when the store opens) counts its terms again; its event keys are
/// unchanged and re-inserted as no-ops. Tables and rows are otherwise untouched.
const V8_TERMS_BY_LANGUAGE: &str = "
DELETE FROM term_df;
UPDATE term_docs SET docs = 0 WHERE id = 1;
INSERT OR REPLACE INTO event_backlog (id, next_pk, last_pk) SELECT 1, 1, coalesce(max(pk), 0) FROM articles;
";

/// Version 9: the LSH band index and the event keys each get a small `*_fresh` table that
/// receives new rows and moves them into the large one (`lsh_bands`, `event_keys`) in sorted runs,
/// so that a batch no longer dirties a page of the large index per row (`crate::postings`). The
/// rows already stored stay where they are: they are settled.
const V9_FRESH_POSTINGS: &str = "
CREATE TABLE lsh_fresh (
    band_key   INTEGER NOT NULL,
    article_pk INTEGER NOT NULL,
    PRIMARY KEY (band_key, article_pk)
) WITHOUT ROWID;
CREATE TABLE event_keys_fresh (
    key        INTEGER NOT NULL,
    article_pk INTEGER NOT NULL,
    PRIMARY KEY (key, article_pk)
) WITHOUT ROWID;
";

/// Version 10: a batch's rows enter the full-text indexes in one statement each, written by the
/// ingest at the end of the batch (`crate::ingest`), instead of one trigger run per article. FTS5
/// writes its pending rows to disk as a new segment at every statement savepoint, and every
/// statement that may abort (triggers, foreign keys) opens one: with the triggers, each article of
/// a batch became its own segment of each index, and merging those segments back was a fifth of
/// the ingest. The triggers that indexed a new article's text and expanded its quotes are dropped
/// (`IF EXISTS`: a file taken back to an older version in tests may have lost them already); the
/// triggers for deletes and updates stay, as do the quote tables' own triggers (the batch's quotes
/// go into `quotes` in one statement, so their index rows are written together too).
///
/// `story_members.sentences` keeps each article's sentence hashes (sorted distinct u64, little
/// endian, a few hundred bytes), so that confirming a candidate as a version no longer splits its
/// text into sentences again. NULL for the rows stored before: they are split from the text.
const V10_BATCH_INDEXING: &str = "
DROP TRIGGER IF EXISTS articles_fts_insert;
DROP TRIGGER IF EXISTS quotes_of_new_article;
ALTER TABLE story_members ADD COLUMN sentences BLOB;
";

/// Version 11: the document frequencies get a small `term_df_fresh` table, as the postings did in
/// version 9. Terms are hashes, so each batch's counts landed on random pages of `term_df`: at
/// 1M articles a batch of 1,000 rewrote about 10,000 of its pages, two thirds of everything the
/// batch wrote. Counts now go to `term_df_fresh` and are added into `term_df` in one sorted pass
/// when it is large (`events::PendingTerms::flush`); a term's frequency is the sum of its two rows.
/// The counts already stored stay in `term_df`.
const V11_FRESH_TERM_COUNTS: &str = "
CREATE TABLE term_df_fresh (
    term INTEGER PRIMARY KEY,
    df   INTEGER NOT NULL
);
";

/// The migration steps, oldest first: step `i` takes the schema from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    V1_CORE,
    V2_FULL_TEXT,
    V3_STORIES,
    V4_QUOTES,
    V5_STORY_SIZES,
    V6_QUOTE_WORDINGS,
    V7_EVENTS,
    V8_TERMS_BY_LANGUAGE,
    V9_FRESH_POSTINGS,
    V10_BATCH_INDEXING,
    V11_FRESH_TERM_COUNTS,
];

/// The schema version this code writes and reads.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// The schema version recorded in the file.
pub fn user_version(conn: &Connection) -> rusqlite::Result<u32> {
    let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    // user_version is a signed 32-bit header field; a negative value is not one we wrote.
    Ok(u32::try_from(v).unwrap_or(u32::MAX))
}

/// Checks that the file at `path` is a dateline database this code can open (or an empty one it
/// may set up) and returns its schema version. Runs before anything is written, so that a foreign
/// database is not even switched to WAL.
pub fn check(conn: &Connection, path: &Path) -> Result<u32, StoreError> {
    let open_err = |source| StoreError::Open { path: path.to_path_buf(), source };
    let found = user_version(conn).map_err(open_err)?;
    let app_id: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0)).map_err(open_err)?;
    // application_id is a signed 32-bit header field; compare its bit pattern.
    let app_id = u32::try_from(app_id & 0xffff_ffff).unwrap_or(0);
    if app_id != APPLICATION_ID {
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table'", [], |r| r.get(0))
            .map_err(open_err)?;
        // An empty file (or a fresh in-memory database) is ours to set up; anything else is not.
        if app_id != 0 || found != 0 || tables != 0 {
            return Err(StoreError::NotADatelineDatabase {
                path: path.to_path_buf(),
                found: app_id,
                tables: u64::try_from(tables).unwrap_or(0),
            });
        }
    }
    if found > SCHEMA_VERSION {
        return Err(StoreError::SchemaTooNew { path: path.to_path_buf(), found, known: SCHEMA_VERSION });
    }
    Ok(found)
}

/// Brings the database at `path` to [`SCHEMA_VERSION`], refusing files that are not ours or newer.
pub fn migrate(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    let found = check(conn, path)?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let version = index as u32 + 1;
        let step_err = |source| StoreError::Migration { path: path.to_path_buf(), version, source };
        // IMMEDIATE takes the write lock before the version is re-read, so two processes opening
        // the same old file cannot both run a step.
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(step_err)?;
        if user_version(&tx).map_err(step_err)? >= version {
            continue;
        }
        tx.execute_batch(sql).map_err(step_err)?;
        tx.pragma_update(None, "application_id", i64::from(APPLICATION_ID)).map_err(step_err)?;
        tx.pragma_update(None, "user_version", i64::from(version)).map_err(step_err)?;
        tx.commit().map_err(step_err)?;
    }
    Ok(())
}
