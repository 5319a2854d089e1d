//! Stories: articles that are versions of one another, found as they are ingested.
//!
//! Each new article, inside the batch transaction that stores it:
//!
//! 1. is shingled (its dateline and boilerplate left out) and MinHashed ([`dateline_analyze::fingerprint`]),
//!    which needs its text alone and so is done for the whole batch before the transaction, on
//!    every core (`ingest::Parts::of_batch`, with the article's hash and stored JSON);
//! 2. looks up the stored articles sharing at least one LSH band ([`crate::lsh`]) and keeps the
//!    [`StoryOptions::candidates`] sharing the most bands;
//! 3. is compared exactly with each of them (their shingles are those the writer kept of the
//!    articles it stored last ([`crate::recent`]), else recomputed from the stored text, which is
//!    cheaper than storing every shingle set; their sentence hashes, a few hundred bytes, are
//!    stored with the member row). A candidate *matches* when the
//!    Jaccard similarity reaches [`StoryOptions::threshold`] or the containment of the smaller
//!    set in the larger reaches [`StoryOptions::containment`], so that a copy with paragraphs
//!    dropped still joins its original; failing that, when the smaller article's *sentences* lie
//!    in the larger ([`Score::same_version`](crate::evidence::Score::same_version)), so that a
//!    copy flattened into one paragraph, trimmed, re-led or with a local paragraph added joins
//!    too (their shingles across the changed paragraph breaks no longer match);
//! 4. joins the story of its best match, or founds a new story. When its matches lie in several
//!    stories it **bridges** them and they are merged (into the largest, so the best-known id
//!    survives). Merging makes the result independent of ingest order: stories are the connected
//!    components of the "matches" graph, as a batch clustering would find them, and the exact
//!    confirmation at a high threshold keeps chains of weak links out.
//!
//! Nothing is ever recomputed for the stories already stored; re-ingesting an article changes
//! nothing because the article itself is a duplicate and never reaches this module.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use dateline_analyze::{Analysis, Dateline, Shingles, Similarity};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use crate::events::{self, PendingTerms};
use crate::evidence::{Evidence, Score, MIN_SHARED_SENTENCES, VERSION_SENTENCES};
use crate::lsh::{band_keys, BANDS};
use crate::origin::{origin, Origin, VersionFacts};
use crate::postings::{self, LSH_BANDS};
use crate::recent::KnownShingles;
use crate::StoreError;

/// How articles are grouped into stories.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StoryOptions {
    /// Exact shingle Jaccard at or above which two articles are versions of one story.
    pub threshold: f64,
    /// Containment of the smaller shingle set in the larger at or above which two articles are
    /// versions of one story (a shortened copy).
    pub containment: f64,
    /// Share of the smaller article's sentences found in the larger at or above which the two
    /// are versions of one story when their shingles are not alike enough (a copy flattened,
    /// trimmed or re-led), given at least [`MIN_SHARED_SENTENCES`] shared sentences.
    pub sentences: f64,
    /// Most candidates compared exactly per new article (those sharing the most LSH bands).
    pub candidates: usize,
}

/// Jaccard default: the lowest with perfect pairwise precision on the synthetic republication
/// corpus (docs/accuracy-stories.md; 0.75 already merges families there, 0.8–0.9 all score F1 1.0),
/// so that real copies with more edits than the synthetic ones still join.
pub const DEFAULT_THRESHOLD: f64 = 0.8;
/// Containment default: a copy with 90% of its shingles inside the other is the same story; on the
/// synthetic corpus no two different stories reach 0.88.
pub const DEFAULT_CONTAINMENT: f64 = 0.9;
/// Candidates compared per article by default.
pub const DEFAULT_CANDIDATES: usize = 16;

impl Default for StoryOptions {
    fn default() -> Self {
        StoryOptions {
            threshold: DEFAULT_THRESHOLD,
            containment: DEFAULT_CONTAINMENT,
            sentences: VERSION_SENTENCES,
            candidates: DEFAULT_CANDIDATES,
        }
    }
}

impl StoryOptions {
    /// True when two articles this similar belong to one story.
    pub fn same_story(&self, sim: Similarity) -> bool {
        sim.jaccard >= self.threshold || sim.containment >= self.containment
    }

    /// True when two articles sharing `shared` sentences, `contained` of the smaller one's, are
    /// versions of one story by their sentences.
    pub fn same_by_sentences(&self, contained: f64, shared: usize) -> bool {
        Score { sentences: contained, shared_sentences: shared, ..Score::default() }.is_version(self.sentences)
    }

    /// Checks the options are usable: thresholds in (0, 1], at least one candidate.
    pub fn validate(&self) -> Result<(), StoreError> {
        let ok = |x: f64| x > 0.0 && x <= 1.0;
        if !ok(self.threshold) || !ok(self.containment) || !ok(self.sentences) || self.candidates == 0 {
            return Err(StoreError::InvalidStoryOptions {
                threshold: self.threshold,
                containment: self.containment,
                sentences: self.sentences,
                candidates: self.candidates,
            });
        }
        Ok(())
    }
}

/// The byte range left out of an article's fingerprint: its dateline.
fn exclusion(dateline: Option<&Dateline>) -> Option<Range<usize>> {
    dateline.map(|d| d.span.0..d.span.1)
}

/// Where an article's "seen" date comes from: its publication date, else the time it was stored.
const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";

/// Puts the article stored as `pk` into a story; see the module documentation.
/// and then its story (or the article, if it founded the story) into an event ([`events::place`]).
/// Document frequencies are counted into `pending`, which the caller flushes before it commits.
pub(crate) fn join(
    tx: &Transaction<'_>,
    pk: i64,
    a: &Analysis,
    fingerprint: &Fingerprint,
    known: KnownShingles<'_>,
    opts: &StoryOptions,
    pending: &mut PendingTerms,
) -> rusqlite::Result<i64> {
    join_text(tx, pk, fingerprint, known, a.published.as_deref(), opts, pending)
}

/// What placing an article needs from its text alone: its shingles, their LSH band keys and its
/// evidence. Computed before the batch's transaction, on every core (`ingest::Parts::of_batch`),
/// so that the single writer only reads and writes the store.
pub(crate) struct Fingerprint {
    /// The byte range left out of the shingles (the dateline).
    skip: Option<Range<usize>>,
    shingles: Shingles,
    /// `None` when the article has no shingles (too short): it is then in no LSH bucket.
    keys: Option<[i64; BANDS]>,
    evidence: Evidence,
}

impl Fingerprint {
    /// The fingerprint of an analysed article (its entities and quotes join the evidence).
    pub(crate) fn of(a: &Analysis) -> Fingerprint {
        Fingerprint::with_evidence(&a.text, exclusion(a.dateline.as_ref()), Evidence::of(a))
    }

    /// The fingerprint of a stored text whose record is not read (the catch-up of older files).
    fn of_text(text: &str, skip: Option<Range<usize>>, language: Option<&str>) -> Fingerprint {
        let evidence = Evidence::of_text(text, skip.clone(), language);
        Fingerprint::with_evidence(text, skip, evidence)
    }

    fn with_evidence(text: &str, skip: Option<Range<usize>>, evidence: Evidence) -> Fingerprint {
        let shingles = Shingles::of(text, skip.clone());
        let keys = (!shingles.is_empty()).then(|| band_keys(&shingles.signature()));
        Fingerprint { skip, shingles, keys, evidence }
    }

    /// Its shingles.
    pub(crate) fn shingles(&self) -> &Shingles {
        &self.shingles
    }
}

fn join_text(
    tx: &Transaction<'_>,
    pk: i64,
    fingerprint: &Fingerprint,
    known: KnownShingles<'_>,
    published: Option<&str>,
    opts: &StoryOptions,
    pending: &mut PendingTerms,
) -> rusqlite::Result<i64> {
    let Fingerprint { skip, shingles, keys, evidence: sentences } = fingerprint;
    let mut best: Option<(i64, i64, Similarity)> = None; // (story, via article, similarity)
    let mut stories: Vec<i64> = Vec::new();
    if let Some(keys) = keys {
        for (cand, story, sim) in confirmed(tx, pk, (shingles, sentences), keys, known, opts)? {
            if !stories.contains(&story) {
                stories.push(story);
            }
            if best.is_none_or(|(_, _, b)| score(sim) > score(b)) {
                best = Some((story, cand, sim));
            }
        }
        for &key in keys {
            LSH_BANDS.insert(tx, key, pk)?;
        }
    }
    let seen: String = match published {
        Some(p) => p.to_string(),
        None => tx.query_row(&format!("SELECT {NOW}"), [], |r| r.get(0))?,
    };
    let story = match best {
        None => {
            tx.prepare_cached("INSERT INTO stories (size, first_seen, last_seen) VALUES (0, ?1, ?1)")?
                .execute([&seen])?;
            tx.last_insert_rowid()
        }
        Some(_) => merge(tx, &stories)?,
    };
    tx.prepare_cached(
        "INSERT INTO story_members (article_pk, story_id, shingles, skip_start, skip_end, via_pk, similarity, sentences)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        pk,
        story,
        i64::try_from(shingles.len()).unwrap_or(i64::MAX),
        skip.as_ref().map(|r| i64::try_from(r.start).unwrap_or(i64::MAX)),
        skip.as_ref().map(|r| i64::try_from(r.end).unwrap_or(i64::MAX)),
        best.map(|(_, via, _)| via),
        best.map(|(_, _, sim)| score(sim)),
        sentences.sentences_blob(),
    ])?;
    tx.prepare_cached(
        "UPDATE stories SET size = size + 1, first_seen = min(first_seen, ?2), last_seen = max(last_seen, ?2)
         WHERE id = ?1",
    )?
    .execute(params![story, seen])?;
    events::place(tx, pk, story, sentences, published, &seen, pending)?;
    Ok(story)
}

/// One number for "how alike": the larger of Jaccard and containment.
fn score(sim: Similarity) -> f64 {
    sim.jaccard.max(sim.containment)
}

/// The byte range a member row says its fingerprint left out.
fn skip_of(start: Option<i64>, end: Option<i64>) -> Option<Range<usize>> {
    match (start, end) {
        (Some(s), Some(e)) => Some(usize::try_from(s).unwrap_or(0)..usize::try_from(e).unwrap_or(0)),
        _ => None,
    }
}

/// The candidates of the article `pk` that match it, with their story and similarity. A
/// candidate whose shingles are `known` is not read and shingled again (`crate::recent`).
fn confirmed(
    tx: &Transaction<'_>,
    pk: i64,
    (shingles, sentences): (&Shingles, &Evidence),
    keys: &[i64; BANDS],
    known: KnownShingles<'_>,
    opts: &StoryOptions,
) -> rusqlite::Result<Vec<(i64, i64, Similarity)>> {
    // Per band, only the most recent BUCKET_CAP articles: a story republished thousands of times
    // fills its buckets, and any recent version of it is as good a way in as all of them. This
    // keeps the cost per article flat however large the store and its stories grow.
    let mut shared: HashMap<i64, u32> = HashMap::new();
    let mut bucket = Vec::new();
    for &key in keys {
        bucket.clear();
        LSH_BANDS.newest(tx, key, &mut bucket)?;
        for &cand in &bucket {
            *shared.entry(cand).or_default() += 1;
        }
    }
    let mut ranked: Vec<(i64, u32)> = shared.into_iter().collect();
    ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let candidates: Vec<i64> = ranked.into_iter().take(opts.candidates).map(|(pk, _)| pk).collect();
    let mut story_of =
        tx.prepare_cached("SELECT story_id, skip_start, skip_end, sentences FROM story_members WHERE article_pk = ?1")?;
    let mut text_of = tx.prepare_cached("SELECT text FROM articles WHERE pk = ?1")?;
    let mut out: Vec<(i64, i64, Similarity)> = Vec::new();
    for cand in candidates.into_iter().filter(|&c| c != pk) {
        let row = story_of
            .query_row([cand], |r| {
                let stored = r.get_ref(3)?.as_blob_or_null()?.and_then(Evidence::from_sentences_blob);
                Ok((r.get::<_, i64>(0)?, r.get::<_, Option<i64>>(1)?, r.get::<_, Option<i64>>(2)?, stored))
            })
            .optional()?;
        let Some((story, start, end, stored_sentences)) = row else { continue };
        // One confirmed version of a story is enough to join it; comparing more of its versions
        // cannot change where the article goes (they rank lower, so they matter little as `via`).
        if out.iter().any(|&(_, s, _)| s == story) {
            continue;
        }
        let skip = skip_of(start, end);
        let kept = known.get(cand);
        // The text is read only when something needs it: shingles not kept, or sentences not
        // stored (an older row).
        let text = if kept.is_none() || stored_sentences.is_none() {
            let Some(text) = text_of.query_row([cand], |r| r.get::<_, String>(0)).optional()? else { continue };
            text
        } else {
            String::new()
        };
        let computed;
        let theirs = match kept {
            Some(s) => s,
            None => {
                computed = Shingles::of(&text, skip.clone());
                &computed
            }
        };
        let sentences_of = || stored_sentences.unwrap_or_else(|| Evidence::sentences_of_text(&text, skip.clone()));
        if let Some(sim) = confirm((shingles, sentences), theirs, sentences_of, opts) {
            out.push((cand, story, sim));
        }
    }
    Ok(out)
}

/// The exact comparison of a new article (its shingles and sentences) with a candidate (its
/// shingles, and `sentences_of` giving its sentences, called only when they are needed): the
/// similarity when they are versions of one story, else `None`.
fn confirm(
    (shingles, sentences): (&Shingles, &Evidence),
    theirs: &Shingles,
    sentences_of: impl FnOnce() -> Evidence,
    opts: &StoryOptions,
) -> Option<Similarity> {
    let sim = shingles.similarity(theirs);
    if opts.same_story(sim) {
        return Some(sim);
    }
    // Sentences only when the shingles said no but still overlap (a copy with 70% of its
    // sentences in the other keeps well over a third of its shingles there, however its
    // paragraphs were cut and joined), and only when the article has enough sentences to
    // share: most candidates are settled by shingles alone, without a second scan.
    if sim.containment >= SENTENCE_FLOOR && sentences.sentence_count() >= MIN_SHARED_SENTENCES {
        let (contained, shared) = sentences.sentence_containment(&sentences_of());
        if opts.same_by_sentences(contained, shared) {
            // Recorded as containment: the share of the smaller version found in the larger.
            return Some(Similarity { containment: contained.max(sim.containment), ..sim });
        }
    }
    None
}

/// The store's decision for two articles, each given as its text and the byte range left out of
/// its fingerprint (its dateline span): the similarity when they are versions of one story, else
/// `None`. It is the comparison ingest makes between a new article and each of its LSH
/// candidates, so a batch clustering (the Spark job of the Python package) that joins the same
/// pairs finds the same stories. Symmetric in its answer: the sentence route needs
/// [`MIN_SHARED_SENTENCES`] shared sentences, which neither side can have fewer of. An article
/// without shingles is a version of nothing (the store never compares it).
pub fn versions_of_one_story(
    a: (&str, Option<Range<usize>>),
    b: (&str, Option<Range<usize>>),
    opts: &StoryOptions,
) -> Option<Similarity> {
    let shingles = Shingles::of(a.0, a.1.clone());
    if shingles.is_empty() {
        return None;
    }
    let sentences = Evidence::sentences_of_text(a.0, a.1);
    let theirs = Shingles::of(b.0, b.1.clone());
    confirm((&shingles, &sentences), &theirs, || Evidence::sentences_of_text(b.0, b.1), opts)
}

/// How the store picks the candidates it compares a new article with ([`confirmed`]): per LSH
/// band, the [`BUCKET_CAP`] most recently stored articles; of those, the [`StoryOptions::candidates`]
/// sharing the most bands (ties: the earliest stored). Exposed so that a batch clustering can pick
/// the same pairs.
pub const CANDIDATES_PER_BUCKET: usize = BUCKET_CAP;

/// Merges `stories` into the largest of them (ties: the oldest) and returns it.
fn merge(tx: &Transaction<'_>, stories: &[i64]) -> rusqlite::Result<i64> {
    let mut sized = Vec::with_capacity(stories.len());
    for &s in stories {
        let size: i64 = tx.prepare_cached("SELECT size FROM stories WHERE id = ?1")?.query_row([s], |r| r.get(0))?;
        sized.push((size, s));
    }
    let Some(&(_, keep)) = sized.iter().max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1))) else {
        return Err(rusqlite::Error::QueryReturnedNoRows);
    };
    for &(_, gone) in sized.iter().filter(|(_, s)| *s != keep) {
        events::stories_merged(tx, keep, gone)?;
        tx.prepare_cached("UPDATE story_members SET story_id = ?1 WHERE story_id = ?2")?.execute([keep, gone])?;
        tx.prepare_cached(
            "UPDATE stories SET size = size + (SELECT size FROM stories WHERE id = ?2),
                first_seen = min(first_seen, (SELECT first_seen FROM stories WHERE id = ?2)),
                last_seen = max(last_seen, (SELECT last_seen FROM stories WHERE id = ?2))
             WHERE id = ?1",
        )?
        .execute([keep, gone])?;
        tx.prepare_cached("DELETE FROM stories WHERE id = ?1")?.execute([gone])?;
    }
    Ok(keep)
}

/// Shingle containment below which sentence containment is not computed: a version by its
/// sentences shares most of its words in order, so its shingle containment stays far above this
/// (the edited copies of `tests/story_edits.rs` keep 0.6 or more).
const SENTENCE_FLOOR: f64 = 0.35;

/// Most articles read from one LSH bucket per lookup (the newest). A version of a story shares
/// most of its bands with the story's other versions, so its newest few in each band are as good
/// a way in as all of them; reading the rows was a fifth of the time of placing an article at
/// 300,000 stored when this was 64 (docs/bench-stories.md). Set where the band index's
/// statements are written (`postings::LSH_BANDS`).
const BUCKET_CAP: usize = LSH_BANDS.cap;

/// Articles per transaction when fingerprinting the articles of an older file.
const CATCH_UP_BATCH: i64 = 500;

/// The part of a stored record the catch-up needs.
#[derive(Deserialize)]
struct DatelineOnly {
    dateline: Option<Dateline>,
}

/// Puts every stored article that is in no story yet into one, oldest first, in batches: the
/// migration to version 3 leaves the articles of an older file without fingerprints, and an
/// interrupted catch-up resumes where it stopped. Cheap when there is nothing to do (two index
/// lookups), since ingest keeps every article up to the highest `pk` in a story.
pub(crate) fn catch_up(conn: &mut Connection, path: &Path, opts: &StoryOptions) -> Result<u64, StoreError> {
    let err = |source| StoreError::Query { path: path.to_path_buf(), what: "adding older articles to stories", source };
    let mut done = 0u64;
    let mut pending = PendingTerms::default();
    loop {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(err)?;
        type Row = (i64, String, String, Option<String>, String, Option<String>);
        let rows: Vec<Row> = {
            let mut stmt = tx
                .prepare(
                    "SELECT pk, id, text, published, record_json, language FROM articles
                     WHERE pk > (SELECT coalesce(max(article_pk), 0) FROM story_members)
                     ORDER BY pk LIMIT ?1",
                )
                .map_err(err)?;
            let rows = stmt
                .query_map([CATCH_UP_BATCH], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))
                .map_err(err)?;
            rows.collect::<Result<_, _>>().map_err(err)?
        };
        if rows.is_empty() {
            return Ok(done);
        }
        let prepared: Vec<(i64, Option<String>, Fingerprint)> = {
            use rayon::prelude::*;
            rows.into_par_iter()
                .map(|(pk, id, text, published, json, language)| {
                    let partial: DatelineOnly = serde_json::from_str(&json)
                        .map_err(|source| StoreError::CorruptRecord { path: path.to_path_buf(), id, source })?;
                    let skip = exclusion(partial.dateline.as_ref());
                    Ok((pk, published, Fingerprint::of_text(&text, skip, language.as_deref())))
                })
                .collect::<Result<_, StoreError>>()?
        };
        for (pk, published, fingerprint) in prepared {
            join_text(&tx, pk, &fingerprint, KnownShingles::default(), published.as_deref(), opts, &mut pending)
                .map_err(err)?;
            done += 1;
        }
        pending.flush(&tx).map_err(err)?;
        postings::settle_due(&tx).map_err(err)?;
        tx.commit().map_err(err)?;
    }
}

/// One line of the story listing.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StorySummary {
    /// The story id (`dateline story ID`).
    pub id: i64,
    /// How many versions (articles) it has.
    pub size: u64,
    /// The earliest publication date among them (else when the first was stored).
    pub first_seen: String,
    /// The latest.
    pub last_seen: String,
    /// The headline of the origin version, else of any version that has one, else the origin's
    /// first sentence (as untitled articles are headlined in search).
    pub title: Option<String>,
    /// The likely origin.
    pub origin: Option<Origin>,
}

/// One version in a story.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StoryMember {
    /// The article id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Publication date, when known.
    pub published: Option<String>,
    /// File or URL it came from.
    pub source: Option<String>,
    /// Wire credits of its dateline.
    pub sources: Vec<String>,
    /// Distinct shingles (how much story text it carries).
    pub shingles: u64,
    /// The member it joined through (`None` for the founder).
    pub via: Option<String>,
    /// Its similarity to that member (the larger of Jaccard and containment).
    pub similarity: Option<f64>,
    /// True when the story has credits and this version carries none of them.
    pub uncredited: bool,
    /// True for the likely origin.
    pub origin: bool,
}

/// A story with all its versions, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Story {
    /// Summary line.
    #[serde(flatten)]
    pub summary: StorySummary,
    /// The versions, by publication date (undated last), then storage order.
    pub members: Vec<StoryMember>,
}

/// One page of the story listing, and how many stories the whole listing has.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryPage {
    /// Stories with at least the minimum size.
    pub total: u64,
    /// The page: largest first, then the most recently seen.
    pub items: Vec<StorySummary>,
}

/// The stories with at least `min_size` versions, largest first, then the most recently seen.
pub(crate) fn list(
    conn: &Connection,
    path: &Path,
    limit: usize,
    min_size: u64,
) -> Result<Vec<StorySummary>, StoreError> {
    summaries(conn, path, 0, limit, min_size)
}

/// The page of [`list`] that skips `offset` stories and holds at most `limit`, with the total.
///
/// Paged in SQL (the `stories_by_size` index serves the order, so skipping is a walk of the
/// index, not a read of every story) and counted from `story_sizes`, so a page costs its own
/// stories whatever the size of the store.
pub(crate) fn page(
    conn: &Connection,
    path: &Path,
    offset: usize,
    limit: usize,
    min_size: u64,
) -> Result<StoryPage, StoreError> {
    let err = |source| StoreError::Query { path: path.to_path_buf(), what: "counting stories", source };
    let total: i64 = conn
        .prepare_cached("SELECT coalesce(sum(stories), 0) FROM story_sizes WHERE size >= ?1")
        .map_err(err)?
        .query_row([i64::try_from(min_size).unwrap_or(i64::MAX)], |r| r.get(0))
        .map_err(err)?;
    Ok(StoryPage { total: u64::try_from(total).unwrap_or(0), items: summaries(conn, path, offset, limit, min_size)? })
}

/// The ids a listing query returns: `sql` takes the least size (`?1`), a limit (`?2`) and an
/// offset (`?3`); stories and events are listed alike, largest first.
pub(crate) fn page_of_ids(
    conn: &Connection,
    path: &Path,
    sql: &str,
    what: &'static str,
    min_size: u64,
    limit: usize,
    offset: usize,
) -> Result<Vec<i64>, StoreError> {
    let err = |source| StoreError::Query { path: path.to_path_buf(), what, source };
    let clamp = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
    conn.prepare_cached(sql)
        .map_err(err)?
        .query_map(params![clamp(min_size), clamp(limit as u64), clamp(offset as u64)], |r| r.get(0))
        .map_err(err)?
        .collect::<Result<_, _>>()
        .map_err(err)
}

fn summaries(
    conn: &Connection,
    path: &Path,
    offset: usize,
    limit: usize,
    min_size: u64,
) -> Result<Vec<StorySummary>, StoreError> {
    let sql = "SELECT id FROM stories WHERE size >= ?1 ORDER BY size DESC, last_seen DESC, id LIMIT ?2 OFFSET ?3";
    let ids = page_of_ids(conn, path, sql, "listing stories", min_size, limit, offset)?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(story) = get(conn, path, id)? {
            out.push(story.summary);
        }
    }
    Ok(out)
}

/// A story's versions (`?1` the story id) in the story's order: by publication date, undated
/// last, then storage order. Rows for [`member_row`].
pub(crate) const MEMBERS_SQL: &str = "SELECT a.id, a.title, a.published, coalesce(a.url, a.source_path), m.shingles,
        (SELECT v.id FROM articles v WHERE v.pk = m.via_pk), m.similarity,
        (SELECT group_concat(source, char(31)) FROM
            (SELECT source FROM article_sources s WHERE s.article_pk = a.pk ORDER BY position))
 FROM story_members m JOIN articles a ON a.pk = m.article_pk
 WHERE m.story_id = ?1
 ORDER BY a.published IS NULL, a.published, a.pk";

/// One row of [`MEMBERS_SQL`], its origin flags not yet set.
pub(crate) fn member_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoryMember> {
    let sources: Option<String> = r.get(7)?;
    Ok(StoryMember {
        id: r.get(0)?,
        title: r.get(1)?,
        published: r.get(2)?,
        source: r.get(3)?,
        shingles: u64::try_from(r.get::<_, i64>(4)?).unwrap_or(0),
        via: r.get(5)?,
        similarity: r.get(6)?,
        sources: sources
            .map(|s| s.split('\u{1f}').filter(|s| !s.is_empty()).map(str::to_string).collect())
            .unwrap_or_default(),
        uncredited: false,
        origin: false,
    })
}

/// The story with this id.
pub(crate) fn get(conn: &Connection, path: &Path, id: i64) -> Result<Option<Story>, StoreError> {
    let err = |source| StoreError::Query { path: path.to_path_buf(), what: "reading a story", source };
    let head: Option<(i64, String, String)> = conn
        .prepare_cached("SELECT size, first_seen, last_seen FROM stories WHERE id = ?1")
        .map_err(err)?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()
        .map_err(err)?;
    let Some((size, first_seen, last_seen)) = head else { return Ok(None) };
    let mut members: Vec<StoryMember> = conn
        .prepare_cached(MEMBERS_SQL)
        .map_err(err)?
        .query_map([id], member_row)
        .map_err(err)?
        .collect::<Result<_, _>>()
        .map_err(err)?;
    let facts: Vec<VersionFacts> = members
        .iter()
        .map(|m| VersionFacts {
            id: m.id.clone(),
            published: m.published.clone(),
            sources: m.sources.clone(),
            shingles: m.shingles,
        })
        .collect();
    let origin = origin(&facts);
    if let Some(o) = &origin {
        for m in &mut members {
            m.uncredited = o.uncredited.contains(&m.id);
            m.origin = m.id == o.article;
        }
    }
    let mut title = members
        .iter()
        .find(|m| m.origin && m.title.is_some())
        .or_else(|| members.iter().find(|m| m.title.is_some()))
        .and_then(|m| m.title.clone());
    if title.is_none() {
        // No version has a title (plain-text copy): the origin's first sentence, as the search
        // pages headline an untitled article.
        let first = members.iter().find(|m| m.origin).or_else(|| members.first());
        if let Some(m) = first {
            title = conn
                .prepare_cached(
                    "SELECT a.title, substr(a.text, 1, 1600), json_extract(a.record_json, '$.dateline.span[1]')
                     FROM articles a WHERE a.id = ?1",
                )
                .map_err(err)?
                .query_row([&m.id], |r| {
                    let head: String = r.get::<_, Option<String>>(1)?.unwrap_or_default();
                    Ok(crate::quotes::headline_of(r.get(0)?, &head, r.get(2)?))
                })
                .optional()
                .map_err(err)?
                .filter(|h| !h.trim().is_empty());
        }
    }
    let size = u64::try_from(size).unwrap_or(0);
    Ok(Some(Story { summary: StorySummary { id, size, first_seen, last_seen, title, origin }, members }))
}

/// The story an article (by its full id) belongs to.
pub(crate) fn story_of(conn: &Connection, path: &Path, article_id: &str) -> Result<Option<i64>, StoreError> {
    let err = |source| StoreError::Query { path: path.to_path_buf(), what: "finding an article's story", source };
    conn.prepare_cached("SELECT m.story_id FROM story_members m JOIN articles a ON a.pk = m.article_pk WHERE a.id = ?1")
        .map_err(err)?
        .query_row([article_id], |r| r.get(0))
        .optional()
        .map_err(err)
}
