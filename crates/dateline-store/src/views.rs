//! Read-only corpus views for the HTTP server and other readers: faceted search, entity and
//! speaker pages across the corpus, and a corpus index (top speakers, entities, places).
//!
//! Everything here reads what is already stored: the indexed columns of `articles`, the wire
//! credits in `article_sources`, the full-text index, and `record_json` for entities and quotes.
//! There is no entity or quote table yet, so entity and speaker lookups first narrow the
//! candidates with the full-text index (a canonical name's words occur in the text of every
//! article that names it) and then check the stored records; the corpus index parses every record
//! once and is meant to be cached by the caller, keyed on [`Store::generation`].

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Not;
use std::path::Path;
use std::time::Duration;

use dateline_analyze::{Geo, Span};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OpenFlags, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::search::{fts_query, SNIPPET_CLOSE, SNIPPET_ELLIPSIS, SNIPPET_OPEN};
use crate::{schema, Store, StoreError, SCHEMA_VERSION};

/// At most this many of the best matching articles are read for the facets of a search (and for
/// its pages); the total is then counted separately where that is cheap, else it is a lower bound
/// ([`SearchPage::total_is_exact`] is false). Bounds the cost of a query that matches most of a
/// large corpus: facets describe the best matches, as in most search engines.
pub const MAX_SCAN: usize = 2_000;

/// At most this many articles are read for an entity or speaker page.
pub const MAX_CANDIDATES: usize = 20_000;

/// Values listed per facet, most frequent first.
pub const FACET_VALUES: usize = 12;

/// Bytes of context on each side of a mention or quote in an excerpt.
const CONTEXT_BYTES: usize = 90;

/// Characters of body text shown for a hit when there is no text query to build a snippet from.
const LEAD_CHARS: usize = 260;

/// Characters read from the start of a text for a lead or a derived headline.
const HEAD_CHARS: i64 = 1600;

/// Longest derived headline, in characters.
const HEADLINE_CHARS: usize = 110;

/// Tokens of context in a search snippet.
const SNIPPET_TOKENS: i64 = 28;

/// bm25 weight of the title relative to the body.
pub(crate) const TITLE_WEIGHT: f64 = 3.0;

/// Separates wire credits in the one-row-per-article scan (ASCII unit separator: never in a name).
const SEP: char = '\u{1f}';

/// What a search is restricted to. Every field is optional; all given ones must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchFilter {
    /// Free text, as for [`Store::search`](crate::Store::search).
    pub text: Option<String>,
    /// Dateline place, exactly (case-insensitive).
    pub place: Option<String>,
    /// Dateline country, ISO 3166-1 alpha-2 (case-insensitive).
    pub country: Option<String>,
    /// A wire credit of the dateline, exactly (case-insensitive).
    pub source: Option<String>,
    /// Language code.
    pub language: Option<String>,
    /// Canonical name of an entity the article names (case-insensitive).
    pub entity: Option<String>,
    /// Canonical name of a speaker quoted in the article (case-insensitive).
    pub speaker: Option<String>,
    /// Published on or after this ISO 8601 date (or prefix: `2019`, `2019-09`).
    pub from: Option<String>,
    /// Published on or before this ISO 8601 date (or prefix, inclusive: `2019-09` means to its end).
    pub to: Option<String>,
}

/// Result order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    /// Best match first when there is a text query, else newest first.
    #[default]
    Relevance,
    /// Newest publication date first.
    Newest,
    /// Oldest publication date first.
    Oldest,
}

/// One article in a list of results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleHit {
    /// The article id.
    pub id: String,
    /// Headline, when there is one.
    pub title: Option<String>,
    /// The headline, or for an untitled article the opening of its first sentence: always
    /// something to show.
    pub headline: String,
    /// Best publication date known.
    pub published: Option<String>,
    /// Dateline place.
    pub place: Option<String>,
    /// Dateline country.
    pub country: Option<String>,
    /// Language code.
    pub language: String,
    /// Wire credits, in order.
    pub sources: Vec<String>,
    /// A passage around the matched terms (marked with [`SNIPPET_OPEN`] and [`SNIPPET_CLOSE`]),
    /// or the opening of the body when there is no text query.
    pub snippet: String,
    /// Relevance (larger is better) when there is a text query.
    pub score: Option<f64>,
    /// The story the article belongs to (its versions: republications and near-duplicates).
    pub story: Option<i64>,
    /// Versions in that story, this one included (1 when the article stands alone).
    pub versions: u64,
}

/// A value of a facet and how many matching articles have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    /// The value.
    pub value: String,
    /// Articles (or quotes, where a view says so) with it.
    pub count: u64,
}

/// Counts of the matching articles by place, country, source, language and year.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Facets {
    /// Dateline places.
    pub places: Vec<FacetCount>,
    /// Dateline countries.
    pub countries: Vec<FacetCount>,
    /// Wire credits.
    pub sources: Vec<FacetCount>,
    /// Languages.
    pub languages: Vec<FacetCount>,
    /// Publication years.
    pub years: Vec<FacetCount>,
}

/// One page of search results with the facets of all matches.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchPage {
    /// Matching articles.
    pub total: u64,
    /// False when more than [`MAX_SCAN`] articles matched under a column filter, so `total` is
    /// a lower bound.
    pub total_is_exact: bool,
    /// The requested page.
    pub hits: Vec<ArticleHit>,
    /// Facets over the best [`MAX_SCAN`] matches, not only this page.
    pub facets: Facets,
}

/// One article's mentions of an entity, with context.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityArticle {
    /// The article.
    pub id: String,
    /// Its headline (derived from the text when it has no title).
    pub headline: String,
    /// Its publication date.
    pub published: Option<String>,
    /// Its dateline place.
    pub place: Option<String>,
    /// The entity's article-local id (`e3`), to find it in the article.
    pub entity_id: String,
    /// Mentions in this article.
    pub mentions: u64,
    /// Quotes by the entity in this article.
    pub quotes: u64,
    /// The first mention in context.
    pub excerpt: Excerpt,
}

/// A passage of an article with a marked part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Excerpt {
    /// Text before the marked part (starts with `…` when cut).
    pub before: String,
    /// The marked part.
    pub marked: String,
    /// Text after it (ends with `…` when cut).
    pub after: String,
}

/// An entity across the corpus: every article naming it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityPage {
    /// Canonical name, as most often written.
    pub name: String,
    /// Entity types it was given, most frequent first.
    pub types: Vec<FacetCount>,
    /// Titles seen ("President").
    pub titles: Vec<FacetCount>,
    /// Roles seen.
    pub roles: Vec<FacetCount>,
    /// Countries seen.
    pub countries: Vec<FacetCount>,
    /// Coordinates, when it was geocoded in any article.
    pub geo: Option<Geo>,
    /// Articles naming it.
    pub total_articles: u64,
    /// Mentions over all articles.
    pub total_mentions: u64,
    /// Quotes attributed to it.
    pub total_quotes: u64,
    /// Entities named in the same articles, most frequent first.
    pub related: Vec<RelatedEntity>,
    /// The requested page of articles, newest first.
    pub articles: Vec<EntityArticle>,
}

/// An entity named alongside another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RelatedEntity {
    /// Canonical name.
    pub name: String,
    /// Type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Articles naming both.
    pub count: u64,
}

/// One quote of a speaker.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerQuote {
    /// The article.
    pub article_id: String,
    /// Its headline (derived from the text when it has no title).
    pub headline: String,
    /// Its publication date: the quote's date.
    pub published: Option<String>,
    /// Its dateline place.
    pub place: Option<String>,
    /// Index of the quote in the article's `quotes`.
    pub index: usize,
    /// `direct`, `indirect` or `partial`.
    pub kind: String,
    /// The cue ("said").
    pub cue: Option<String>,
    /// What was said.
    pub content: String,
    /// How the speaker was named at this quote.
    pub speaker_mention: Option<String>,
    /// Where the content is in the article's text.
    pub span: Span,
}

/// A speaker across the corpus: every quote, dated.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerPage {
    /// Canonical name.
    pub name: String,
    /// Titles seen.
    pub titles: Vec<FacetCount>,
    /// Roles seen.
    pub roles: Vec<FacetCount>,
    /// Quotes over all articles.
    pub total_quotes: u64,
    /// Articles quoting the speaker.
    pub total_articles: u64,
    /// Quotes per publication date, oldest first (undated quotes are left out): the timeline.
    pub timeline: Vec<FacetCount>,
    /// The requested page of quotes, newest first.
    pub quotes: Vec<SpeakerQuote>,
}

/// A speaker in the corpus index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpeakerSummary {
    /// Canonical name.
    pub name: String,
    /// Quotes attributed.
    pub quotes: u64,
    /// Articles quoting them.
    pub articles: u64,
    /// Most frequent title or role, for a one-line description.
    pub description: Option<String>,
}

/// An entity in the corpus index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntitySummary {
    /// Canonical name.
    pub name: String,
    /// Most frequent type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Articles naming it.
    pub articles: u64,
    /// Mentions over all articles.
    pub mentions: u64,
}

/// A geocoded place in the corpus index.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceSummary {
    /// Canonical name.
    pub name: String,
    /// Type (GPE, LOC, FAC).
    #[serde(rename = "type")]
    pub kind: String,
    /// Where.
    pub geo: Geo,
    /// Articles naming it.
    pub articles: u64,
    /// Articles datelined there.
    pub datelined: u64,
}

/// Who and what the corpus talks about: computed by reading every record once, so callers should
/// cache it and recompute when [`Store::generation`] changes.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CorpusIndex {
    /// Articles read.
    pub articles: u64,
    /// Distinct speakers in the corpus (before `top` was applied).
    pub speaker_count: u64,
    /// Distinct entities in the corpus.
    pub entity_count: u64,
    /// Distinct geocoded places in the corpus.
    pub place_count: u64,
    /// Speakers, most quoted first.
    pub speakers: Vec<SpeakerSummary>,
    /// Entities, most widely named first.
    pub entities: Vec<EntitySummary>,
    /// Geocoded places, most widely named first.
    pub places: Vec<PlaceSummary>,
}

/// The parts of a stored record the views read; unknown fields are skipped, so parsing is cheap.
#[derive(Debug, Deserialize)]
struct LightRecord {
    #[serde(default)]
    entities: Vec<LightEntity>,
    #[serde(default)]
    quotes: Vec<LightQuote>,
}

#[derive(Debug, Deserialize)]
struct LightEntity {
    id: String,
    name: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    role: Option<String>,
    #[serde(default)]
    country: Option<String>,
    #[serde(default)]
    geo: Option<Geo>,
    #[serde(default)]
    mentions: Vec<LightMention>,
}

#[derive(Debug, Deserialize)]
struct LightMention {
    span: Span,
}

#[derive(Debug, Deserialize)]
struct LightQuote {
    #[serde(default)]
    speaker: Option<String>,
    #[serde(default)]
    speaker_name: Option<String>,
    #[serde(default)]
    speaker_mention: Option<LightSpeakerMention>,
    kind: String,
    #[serde(default)]
    cue: Option<String>,
    content: String,
    span: Span,
}

#[derive(Debug, Deserialize)]
struct LightSpeakerMention {
    text: String,
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
        Ok(Store { conn, path: path.to_path_buf(), max_record_bytes: crate::MAX_RECORD_BYTES })
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

    /// Faceted search: the `offset..offset + limit` slice of the matching articles in `order`,
    /// with the total and the facets of all matches (up to [`MAX_SCAN`]).
    pub fn search_page(
        &self,
        filter: &SearchFilter,
        order: SortOrder,
        offset: usize,
        limit: usize,
    ) -> Result<SearchPage, StoreError> {
        let err = |source| self.query_err("searching", source);
        let fts = combined_fts(filter);
        let text_query = filter.text.as_deref().and_then(fts_query);
        // A text query that has nothing searchable in it matches nothing, like Store::search.
        if filter.text.as_deref().is_some_and(|t| !t.trim().is_empty()) && text_query.is_none() {
            return Ok(SearchPage { total: 0, total_is_exact: true, hits: Vec::new(), facets: Facets::default() });
        }
        let mut sql = String::from(
            "SELECT a.pk, a.dateline_place, a.dateline_country, a.language, a.published,
                    (SELECT group_concat(s.source, char(31)) FROM article_sources s WHERE s.article_pk = a.pk), ",
        );
        let mut params: Vec<Value> = Vec::new();
        if let Some(fts) = &fts {
            sql.push_str("bm25(articles_fts, ?, 1.0) AS score FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid WHERE articles_fts MATCH ?");
            params.push(Value::Real(TITLE_WEIGHT));
            params.push(Value::Text(fts.clone()));
        } else {
            sql.push_str("0.0 AS score FROM articles a WHERE 1");
        }
        push_filters(filter, &mut sql, &mut params);
        let column_filters = params.len() > if fts.is_some() { 2 } else { 0 };
        sql.push_str(scan_order(order, text_query.is_some()));
        sql.push_str(" LIMIT ?");
        params.push(Value::Integer(MAX_SCAN as i64 + 1));

        let tx = self.conn.unchecked_transaction().map_err(err)?;
        let mut rows: Vec<ScanRow> = Vec::new();
        {
            let mut stmt = tx.prepare_cached(&sql).map_err(err)?;
            let mapped = stmt
                .query_map(params_from_iter(params.iter()), |r| {
                    Ok(ScanRow {
                        pk: r.get(0)?,
                        place: r.get(1)?,
                        country: r.get(2)?,
                        language: r.get(3)?,
                        published: r.get(4)?,
                        sources: r.get(5)?,
                        score: r.get(6)?,
                    })
                })
                .map_err(err)?;
            for row in mapped {
                rows.push(row.map_err(err)?);
            }
        }
        let mut total_is_exact = rows.len() <= MAX_SCAN;
        rows.truncate(MAX_SCAN);
        let mut total = rows.len() as u64;
        // Past the scan, count exactly when no column filter needs the articles table.
        if !total_is_exact && !column_filters {
            let counted: i64 = match &fts {
                Some(f) => tx
                    .prepare_cached("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?1")
                    .map_err(err)?
                    .query_row([f], |r| r.get(0))
                    .map_err(err)?,
                None => tx
                    .prepare_cached("SELECT count(*) FROM articles")
                    .map_err(err)?
                    .query_row([], |r| r.get(0))
                    .map_err(err)?,
            };
            total = to_u64(counted);
            total_is_exact = true;
        }
        let facets = facets_of(&rows);
        let page: Vec<&ScanRow> = rows.iter().skip(offset).take(limit).collect();
        let mut hits = Vec::with_capacity(page.len());
        for row in page {
            hits.push(self.hit(&tx, row, text_query.as_deref())?);
        }
        tx.finish().map_err(err)?;
        Ok(SearchPage { total, total_is_exact, hits, facets })
    }

    /// The details of one scanned row: columns, a headline, and a snippet (or the lead when
    /// there is no text query).
    fn hit(&self, conn: &Connection, row: &ScanRow, text_query: Option<&str>) -> Result<ArticleHit, StoreError> {
        let err = |source| self.query_err("reading a search hit", source);
        let head = self.head_of(conn, row.pk)?;
        let snippet = match text_query {
            Some(q) => conn
                .prepare_cached(
                    "SELECT snippet(articles_fts, 1, ?1, ?2, ?3, ?4) FROM articles_fts
                     WHERE articles_fts MATCH ?5 AND articles_fts.rowid = ?6",
                )
                .map_err(err)?
                .query_row(
                    rusqlite::params![SNIPPET_OPEN, SNIPPET_CLOSE, SNIPPET_ELLIPSIS, SNIPPET_TOKENS, q, row.pk],
                    |r| r.get::<_, Option<String>>(0),
                )
                .optional()
                .map_err(err)?
                .flatten(),
            None => None,
        };
        Ok(ArticleHit {
            headline: head.headline(),
            snippet: snippet.unwrap_or_else(|| head.lead()),
            id: head.id,
            title: head.title,
            published: row.published.clone(),
            place: row.place.clone(),
            country: row.country.clone(),
            language: row.language.clone(),
            sources: split_sources(row.sources.as_deref()),
            score: text_query.map(|_| -row.score),
            story: head.story,
            versions: head.versions.max(1),
        })
    }

    /// An article's id, title and the opening of its text.
    fn head_of(&self, conn: &Connection, pk: i64) -> Result<Head, StoreError> {
        let err = |source| self.query_err("reading an article's opening", source);
        // substr counts characters and spans count bytes: take enough characters to cover a
        // dateline and a lead (N characters hold at least N bytes), then cut at byte offsets.
        conn.prepare_cached(
            "SELECT a.id, a.title, substr(a.text, 1, ?2), json_extract(a.record_json, '$.dateline.span[1]'),
                    m.story_id, s.size
             FROM articles a LEFT JOIN story_members m ON m.article_pk = a.pk
                  LEFT JOIN stories s ON s.id = m.story_id
             WHERE a.pk = ?1",
        )
        .map_err(err)?
        .query_row(rusqlite::params![pk, HEAD_CHARS], |r| {
            Ok(Head {
                id: r.get(0)?,
                title: r.get(1)?,
                head: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                dateline_end: r.get::<_, Option<i64>>(3)?.and_then(|e| usize::try_from(e).ok()),
                story: r.get(4)?,
                versions: r.get::<_, Option<i64>>(5)?.map_or(1, |n| n.max(1) as u64),
            })
        })
        .map_err(err)
    }

    /// Every article naming the entity `name` (case-insensitive), newest first, with the
    /// `offset..offset + limit` slice of them in detail. `Ok(None)` when no article names it.
    pub fn entity_page(&self, name: &str, offset: usize, limit: usize) -> Result<Option<EntityPage>, StoreError> {
        let err = |source| self.query_err("reading an entity page", source);
        let key = name.trim().to_lowercase();
        let tx = self.conn.unchecked_transaction().map_err(err)?;
        let candidates = self.candidates(&tx, name)?;
        let mut names: HashMap<String, u64> = HashMap::new();
        let mut types: HashMap<String, u64> = HashMap::new();
        let mut titles: HashMap<String, u64> = HashMap::new();
        let mut roles: HashMap<String, u64> = HashMap::new();
        let mut countries: HashMap<String, u64> = HashMap::new();
        let mut related: HashMap<(String, String), u64> = HashMap::new();
        let mut geo: Option<Geo> = None;
        let mut matches: Vec<(Candidate, String, u64, u64, Span)> = Vec::new();
        let (mut total_mentions, mut total_quotes) = (0u64, 0u64);
        for c in candidates {
            let record: LightRecord = self.parse(&c.id, &c.record_json)?;
            let Some(entity) = record.entities.iter().find(|e| e.name.to_lowercase() == key) else {
                continue;
            };
            *names.entry(entity.name.clone()).or_default() += 1;
            *types.entry(entity.kind.clone()).or_default() += 1;
            count_opt(&mut titles, entity.title.as_deref());
            count_opt(&mut roles, entity.role.as_deref());
            count_opt(&mut countries, entity.country.as_deref().or(entity.geo.as_ref().map(|g| g.country.as_str())));
            if geo.is_none() {
                geo.clone_from(&entity.geo);
            }
            let mut seen = HashSet::new();
            for other in &record.entities {
                if other.name.to_lowercase() != key && seen.insert((other.name.clone(), other.kind.clone())) {
                    *related.entry((other.name.clone(), other.kind.clone())).or_default() += 1;
                }
            }
            let mentions = entity.mentions.len() as u64;
            let quotes =
                record.quotes.iter().filter(|q| q.speaker.as_deref() == Some(entity.id.as_str())).count() as u64;
            total_mentions += mentions;
            total_quotes += quotes;
            let first = entity.mentions.iter().map(|m| m.span).min().unwrap_or(Span(0, 0));
            matches.push((c, entity.id.clone(), mentions, quotes, first));
        }
        if matches.is_empty() {
            return Ok(None);
        }
        let mut articles = Vec::new();
        for (c, entity_id, mentions, quotes, first) in matches.iter().skip(offset).take(limit) {
            let text = self.text_of(&tx, c.pk)?;
            articles.push(EntityArticle {
                id: c.id.clone(),
                headline: c.headline.clone(),
                published: c.published.clone(),
                place: c.place.clone(),
                entity_id: entity_id.clone(),
                mentions: *mentions,
                quotes: *quotes,
                excerpt: excerpt(&text, *first),
            });
        }
        tx.finish().map_err(err)?;
        let mut related: Vec<RelatedEntity> =
            related.into_iter().map(|((name, kind), count)| RelatedEntity { name, kind, count }).collect();
        related.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        related.truncate(FACET_VALUES * 2);
        Ok(Some(EntityPage {
            name: display_name(&names).unwrap_or_else(|| name.trim().to_string()),
            types: ranked(types, FACET_VALUES),
            titles: ranked(titles, FACET_VALUES),
            roles: ranked(roles, FACET_VALUES),
            countries: ranked(countries, FACET_VALUES),
            geo,
            total_articles: matches.len() as u64,
            total_mentions,
            total_quotes,
            related,
            articles,
        }))
    }

    /// Every quote attributed to the speaker `name` (case-insensitive), with a dated timeline and
    /// the `offset..offset + limit` slice of the quotes, newest first. `Ok(None)` when nobody of
    /// that name is quoted.
    pub fn speaker_page(&self, name: &str, offset: usize, limit: usize) -> Result<Option<SpeakerPage>, StoreError> {
        let err = |source| self.query_err("reading a speaker page", source);
        let key = name.trim().to_lowercase();
        let tx = self.conn.unchecked_transaction().map_err(err)?;
        let candidates = self.candidates(&tx, name)?;
        tx.finish().map_err(err)?;
        let mut names: HashMap<String, u64> = HashMap::new();
        let mut titles: HashMap<String, u64> = HashMap::new();
        let mut roles: HashMap<String, u64> = HashMap::new();
        let mut timeline: BTreeMap<String, u64> = BTreeMap::new();
        let mut quotes = Vec::new();
        let mut articles = 0u64;
        for c in candidates {
            let record: LightRecord = self.parse(&c.id, &c.record_json)?;
            let said: Vec<(usize, &LightQuote)> = record
                .quotes
                .iter()
                .enumerate()
                .filter(|(_, q)| q.speaker_name.as_deref().is_some_and(|n| n.to_lowercase() == key))
                .collect();
            if said.is_empty() {
                continue;
            }
            articles += 1;
            // The speaker's entity in this article, for titles and roles.
            let entity_id = said.iter().find_map(|(_, q)| q.speaker.as_deref());
            if let Some(e) = record.entities.iter().find(|e| Some(e.id.as_str()) == entity_id) {
                count_opt(&mut titles, e.title.as_deref());
                count_opt(&mut roles, e.role.as_deref());
            }
            for (index, q) in said {
                if let Some(n) = &q.speaker_name {
                    *names.entry(n.clone()).or_default() += 1;
                }
                if let Some(day) = c.published.as_deref().filter(|d| d.len() >= 4) {
                    *timeline.entry(day.to_string()).or_default() += 1;
                }
                quotes.push(SpeakerQuote {
                    article_id: c.id.clone(),
                    headline: c.headline.clone(),
                    published: c.published.clone(),
                    place: c.place.clone(),
                    index,
                    kind: q.kind.clone(),
                    cue: q.cue.clone(),
                    content: q.content.clone(),
                    speaker_mention: q.speaker_mention.as_ref().map(|m| m.text.clone()),
                    span: q.span,
                });
            }
        }
        if quotes.is_empty() {
            return Ok(None);
        }
        let total_quotes = quotes.len() as u64;
        Ok(Some(SpeakerPage {
            name: display_name(&names).unwrap_or_else(|| name.trim().to_string()),
            titles: ranked(titles, FACET_VALUES),
            roles: ranked(roles, FACET_VALUES),
            total_quotes,
            total_articles: articles,
            timeline: timeline.into_iter().map(|(value, count)| FacetCount { value, count }).collect(),
            quotes: quotes.into_iter().skip(offset).take(limit).collect(),
        }))
    }

    /// Reads every record once: the most quoted speakers, the most widely named entities and the
    /// geocoded places, at most `top` of each. Linear in the corpus: cache it.
    pub fn corpus_index(&self, top: usize) -> Result<CorpusIndex, StoreError> {
        let err = |source| self.query_err("building the corpus index", source);
        let tx = self.conn.unchecked_transaction().map_err(err)?;
        #[derive(Default)]
        struct Acc {
            quotes: u64,
            articles: u64,
            mentions: u64,
            kinds: HashMap<String, u64>,
            descriptions: HashMap<String, u64>,
            names: HashMap<String, u64>,
            geo: Option<Geo>,
            datelined: u64,
        }
        // Keyed by lowercased name, so "MOSCOW" from a dateline and "Moscow" from the body are one
        // entity; `names` counts the spellings, and the display name is the best of them.
        let mut speakers: HashMap<String, Acc> = HashMap::new();
        let mut entities: HashMap<String, Acc> = HashMap::new();
        let mut articles = 0u64;
        {
            let mut stmt = tx.prepare_cached("SELECT id, record_json, dateline_place FROM articles").map_err(err)?;
            let mut rows = stmt.query([]).map_err(err)?;
            while let Some(row) = rows.next().map_err(err)? {
                let id: String = row.get(0).map_err(err)?;
                let json: String = row.get(1).map_err(err)?;
                let place: Option<String> = row.get(2).map_err(err)?;
                let record: LightRecord = self.parse(&id, &json)?;
                articles += 1;
                let mut quoted: HashMap<&str, u64> = HashMap::new();
                for q in &record.quotes {
                    if let Some(n) = q.speaker_name.as_deref() {
                        *quoted.entry(n).or_default() += 1;
                    }
                }
                for (n, count) in quoted {
                    let acc = speakers.entry(n.to_lowercase()).or_default();
                    *acc.names.entry(n.to_string()).or_default() += count;
                    acc.quotes += count;
                    acc.articles += 1;
                    if let Some(e) = record.entities.iter().find(|e| e.name == n) {
                        count_opt(&mut acc.descriptions, e.title.as_deref().or(e.role.as_deref()));
                    }
                }
                let mut seen = HashSet::new();
                for e in &record.entities {
                    let key = e.name.to_lowercase();
                    if !seen.insert(key.clone()) {
                        continue;
                    }
                    let acc = entities.entry(key).or_default();
                    *acc.names.entry(e.name.clone()).or_default() += 1;
                    acc.articles += 1;
                    acc.mentions += e.mentions.len() as u64;
                    *acc.kinds.entry(e.kind.clone()).or_default() += 1;
                    if acc.geo.is_none() {
                        acc.geo.clone_from(&e.geo);
                    }
                    if place.as_deref().is_some_and(|p| p.eq_ignore_ascii_case(&e.name)) {
                        acc.datelined += 1;
                    }
                }
            }
        }
        tx.finish().map_err(err)?;
        let mut speakers: Vec<SpeakerSummary> = speakers
            .into_iter()
            .map(|(key, acc)| SpeakerSummary {
                name: display_name(&acc.names).unwrap_or(key),
                quotes: acc.quotes,
                articles: acc.articles,
                description: most_frequent(&acc.descriptions),
            })
            .collect();
        speakers.sort_by(|a, b| b.quotes.cmp(&a.quotes).then(b.articles.cmp(&a.articles)).then(a.name.cmp(&b.name)));
        let speaker_count = speakers.len() as u64;
        speakers.truncate(top);
        let mut places: Vec<PlaceSummary> = entities
            .iter()
            .filter_map(|(key, acc)| {
                Some(PlaceSummary {
                    name: display_name(&acc.names).unwrap_or_else(|| key.clone()),
                    kind: most_frequent(&acc.kinds).unwrap_or_default(),
                    geo: acc.geo.clone()?,
                    articles: acc.articles,
                    datelined: acc.datelined,
                })
            })
            .collect();
        places.sort_by(|a, b| b.articles.cmp(&a.articles).then_with(|| a.name.cmp(&b.name)));
        let place_count = places.len() as u64;
        places.truncate(top);
        let mut entities: Vec<EntitySummary> = entities
            .into_iter()
            .map(|(key, acc)| EntitySummary {
                name: display_name(&acc.names).unwrap_or(key),
                kind: most_frequent(&acc.kinds).unwrap_or_default(),
                articles: acc.articles,
                mentions: acc.mentions,
            })
            .collect();
        entities
            .sort_by(|a, b| b.articles.cmp(&a.articles).then(b.mentions.cmp(&a.mentions)).then(a.name.cmp(&b.name)));
        let entity_count = entities.len() as u64;
        entities.truncate(top);
        Ok(CorpusIndex { articles, speaker_count, entity_count, place_count, speakers, entities, places })
    }

    /// Articles whose text holds every word of `name`, newest first: the superset an entity or
    /// speaker lookup then checks against the stored records.
    fn candidates(&self, conn: &Connection, name: &str) -> Result<Vec<Candidate>, StoreError> {
        let err = |source| self.query_err("finding articles by name", source);
        let Some(fts) = name_query(name) else {
            return Ok(Vec::new());
        };
        let mut stmt = conn
            .prepare_cached(
                "SELECT a.pk, a.id, a.title, a.published, a.dateline_place, a.record_json,
                        substr(a.text, 1, ?3), json_extract(a.record_json, '$.dateline.span[1]')
                 FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid
                 WHERE articles_fts MATCH ?1
                 ORDER BY a.published IS NULL, a.published DESC, a.pk DESC LIMIT ?2",
            )
            .map_err(err)?;
        let rows = stmt
            .query_map(rusqlite::params![fts, MAX_CANDIDATES as i64, HEAD_CHARS / 4], |r| {
                let head = Head {
                    id: String::new(),
                    title: r.get(2)?,
                    head: r.get::<_, Option<String>>(6)?.unwrap_or_default(),
                    dateline_end: r.get::<_, Option<i64>>(7)?.and_then(|e| usize::try_from(e).ok()),
                    story: None,
                    versions: 1,
                };
                Ok(Candidate {
                    pk: r.get(0)?,
                    id: r.get(1)?,
                    headline: head.headline(),
                    published: r.get(3)?,
                    place: r.get(4)?,
                    record_json: r.get(5)?,
                })
            })
            .map_err(err)?;
        rows.collect::<Result<_, _>>().map_err(err)
    }

    fn text_of(&self, conn: &Connection, pk: i64) -> Result<String, StoreError> {
        let err = |source| self.query_err("reading an article's text", source);
        conn.prepare_cached("SELECT text FROM articles WHERE pk = ?1")
            .map_err(err)?
            .query_row([pk], |r| r.get(0))
            .map_err(err)
    }

    fn parse(&self, id: &str, json: &str) -> Result<LightRecord, StoreError> {
        serde_json::from_str(json).map_err(|source| StoreError::CorruptRecord {
            path: self.path.clone(),
            id: id.to_string(),
            source,
        })
    }

    pub(crate) fn query_err(&self, what: &'static str, source: rusqlite::Error) -> StoreError {
        StoreError::Query { path: self.path.clone(), what, source }
    }
}

/// A row of the search scan: what the facets count.
#[derive(Debug)]
struct ScanRow {
    pk: i64,
    place: Option<String>,
    country: Option<String>,
    language: String,
    published: Option<String>,
    sources: Option<String>,
    score: f64,
}

/// A candidate article of an entity or speaker lookup.
#[derive(Debug)]
struct Candidate {
    pk: i64,
    id: String,
    headline: String,
    published: Option<String>,
    place: Option<String>,
    record_json: String,
}

/// The opening of an article, for leads and derived headlines.
#[derive(Debug)]
struct Head {
    id: String,
    title: Option<String>,
    head: String,
    dateline_end: Option<usize>,
    story: Option<i64>,
    versions: u64,
}

impl Head {
    /// The body after the dateline (or all of the opening when the offset does not fit).
    fn body(&self) -> &str {
        self.dateline_end.and_then(|end| self.head.get(end..)).unwrap_or(self.head.as_str())
    }

    /// The opening shown under the headline: for an untitled article, the text after the first
    /// sentence, which is already the headline.
    fn lead(&self) -> String {
        match self.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            Some(_) => lead_of(self.body()),
            None => {
                // A headline cut short leaves its sentence unfinished: then the lead starts over.
                let (headline, rest) = split_first_sentence(self.body());
                if rest.trim().is_empty() || headline.ends_with(SNIPPET_ELLIPSIS) {
                    lead_of(self.body())
                } else {
                    lead_of(rest)
                }
            }
        }
    }

    fn headline(&self) -> String {
        match self.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            Some(t) => t.to_string(),
            None => derive_headline(self.body()),
        }
    }
}

/// A headline for an untitled article: its first sentence, or its first words when that is long.
pub fn derive_headline(body: &str) -> String {
    split_first_sentence(body).0
}

/// An untitled article's body split into a headline (its first sentence, cut to
/// [`HEADLINE_CHARS`] at a word) and the text after that sentence.
pub fn split_first_sentence(body: &str) -> (String, &str) {
    let body = body.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '—' | '–' | ':'));
    // The first sentence end: a period, question or exclamation mark followed by whitespace and
    // a capital letter or an opening quote.
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut end = body.len();
    for w in chars.windows(3) {
        let (at, mark) = w[0];
        if matches!(mark, '.' | '?' | '!')
            && w[1].1.is_whitespace()
            && (w[2].1.is_uppercase() || matches!(w[2].1, '"' | '“'))
        {
            // "Sen. Smith", "U.S. officials": a short capitalised word before a period is
            // more likely an abbreviation than the end of a sentence.
            let word = body[..at].rsplit(char::is_whitespace).next().unwrap_or_default();
            let abbreviation =
                mark == '.' && word.chars().count() <= 3 && word.chars().next().is_some_and(char::is_uppercase);
            if !abbreviation {
                end = at;
                break;
            }
        }
    }
    let rest = body.get(end..).map_or("", |r| r.trim_start_matches(['.', '?', '!']).trim_start());
    let flat: String = body[..end].split_whitespace().collect::<Vec<_>>().join(" ");
    let sentence = flat.trim_end_matches(['.', ' ']);
    let Some((cut, _)) = sentence.char_indices().nth(HEADLINE_CHARS) else {
        return (sentence.to_string(), rest);
    };
    let head = &sentence[..cut];
    let head = head.rfind(' ').map_or(head, |space| &head[..space]);
    (format!("{}{SNIPPET_ELLIPSIS}", head.trim_end_matches([',', ';', ':', ' '])), rest)
}

/// The full-text query of a filter: the free text, plus the words of any entity or speaker name
/// (which narrow the scan before the records are checked).
pub(crate) fn combined_fts(filter: &SearchFilter) -> Option<String> {
    let parts: Vec<String> = [
        filter.text.as_deref().and_then(fts_query),
        filter.entity.as_deref().and_then(name_query),
        filter.speaker.as_deref().and_then(name_query),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// A name as full-text words that must all occur (no phrase, no prefix: a name's words occur in
/// any article naming it, not always side by side).
fn name_query(name: &str) -> Option<String> {
    let words: String = name.chars().map(|c| if c == '"' || c == '*' { ' ' } else { c }).collect();
    fts_query(&words)
}

/// The ORDER BY of a search scan (and of its export), over `a` (articles) and `score` (bm25).
///
/// NULL sorts first in SQLite: undated articles come last when newest is first, and the plain
/// DESC order lets the `published` index serve a browse without a sort.
pub(crate) fn scan_order(order: SortOrder, text_query: bool) -> &'static str {
    match (order, text_query) {
        (SortOrder::Relevance, true) => " ORDER BY score, a.pk",
        (SortOrder::Oldest, _) => " ORDER BY a.published IS NULL, a.published, a.pk",
        _ => " ORDER BY a.published DESC, a.pk DESC",
    }
}

/// Appends the column filters of `filter` to a WHERE clause.
pub(crate) fn push_filters(filter: &SearchFilter, sql: &mut String, params: &mut Vec<Value>) {
    let given = |v: &Option<String>| v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
    if let Some(v) = given(&filter.place) {
        sql.push_str(" AND a.dateline_place = ? COLLATE NOCASE");
        params.push(Value::Text(v));
    }
    if let Some(v) = given(&filter.country) {
        sql.push_str(" AND a.dateline_country = ? COLLATE NOCASE");
        params.push(Value::Text(v));
    }
    if let Some(v) = given(&filter.language) {
        sql.push_str(" AND a.language = ? COLLATE NOCASE");
        params.push(Value::Text(v));
    }
    if let Some(v) = given(&filter.source) {
        sql.push_str(
            " AND EXISTS (SELECT 1 FROM article_sources s WHERE s.article_pk = a.pk AND s.source = ? COLLATE NOCASE)",
        );
        params.push(Value::Text(v));
    }
    if let Some(v) = given(&filter.from) {
        sql.push_str(" AND a.published >= ?");
        params.push(Value::Text(v));
    }
    if let Some(v) = given(&filter.to) {
        // Inclusive of the whole period the bound names: `2019-09` runs to the end of September.
        sql.push_str(" AND substr(a.published, 1, length(?)) <= ?");
        params.push(Value::Text(v.clone()));
        params.push(Value::Text(v));
    }
    if let Some(v) = given(&filter.entity) {
        sql.push_str(
            " AND EXISTS (SELECT 1 FROM json_each(a.record_json, '$.entities') e
                          WHERE json_extract(e.value, '$.name') = ? COLLATE NOCASE)",
        );
        params.push(Value::Text(v));
    }
    if let Some(v) = given(&filter.speaker) {
        sql.push_str(
            " AND EXISTS (SELECT 1 FROM json_each(a.record_json, '$.quotes') q
                          WHERE json_extract(q.value, '$.speaker_name') = ? COLLATE NOCASE)",
        );
        params.push(Value::Text(v));
    }
}

/// Counts the facets of the scanned rows.
fn facets_of(rows: &[ScanRow]) -> Facets {
    let mut places: HashMap<String, u64> = HashMap::new();
    let mut countries: HashMap<String, u64> = HashMap::new();
    let mut sources: HashMap<String, u64> = HashMap::new();
    let mut languages: HashMap<String, u64> = HashMap::new();
    let mut years: HashMap<String, u64> = HashMap::new();
    for row in rows {
        count_opt(&mut places, row.place.as_deref());
        count_opt(&mut countries, row.country.as_deref());
        *languages.entry(row.language.clone()).or_default() += 1;
        count_opt(&mut years, row.published.as_deref().and_then(|p| p.get(..4)));
        let mut seen = HashSet::new();
        for s in row.sources.as_deref().unwrap_or_default().split(SEP).filter(|s| !s.is_empty()) {
            if seen.insert(s) {
                *sources.entry(s.to_string()).or_default() += 1;
            }
        }
    }
    let mut years = ranked(years, usize::MAX);
    years.sort_by(|a, b| b.value.cmp(&a.value));
    years.truncate(FACET_VALUES);
    Facets {
        places: ranked(places, FACET_VALUES),
        countries: ranked(countries, FACET_VALUES),
        sources: ranked(sources, FACET_VALUES),
        languages: ranked(languages, FACET_VALUES),
        years,
    }
}

fn split_sources(joined: Option<&str>) -> Vec<String> {
    joined.unwrap_or_default().split(SEP).filter(|s| !s.is_empty()).map(str::to_string).collect()
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

/// The opening of a body: whitespace tidied, cut at a word with an ellipsis.
fn lead_of(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let flat = flat.trim_start_matches(['-', '—', '–', ':', ' ']).to_string();
    let max = LEAD_CHARS;
    let Some((cut, _)) = flat.char_indices().nth(max) else {
        return flat;
    };
    let head = &flat[..cut];
    match head.rfind(' ') {
        Some(space) if space > head.len() / 2 => format!("{}{SNIPPET_ELLIPSIS}", &head[..space]),
        _ => format!("{head}{SNIPPET_ELLIPSIS}"),
    }
}

/// The text around `span`, cut at whitespace near [`CONTEXT_BYTES`] on each side. A span that is
/// out of range or not on char boundaries gives an empty excerpt rather than a panic.
pub fn excerpt(text: &str, span: Span) -> Excerpt {
    let Some(marked) = text.get(span.0..span.1) else {
        return Excerpt { before: String::new(), marked: String::new(), after: String::new() };
    };
    let mut start = span.0.saturating_sub(CONTEXT_BYTES);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (span.1 + CONTEXT_BYTES).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let mut before = &text[start..span.0];
    if start > 0 {
        before = before.split_once(char::is_whitespace).map_or(before, |(_, rest)| rest);
    }
    let mut after = &text[span.1..end];
    if end < text.len() {
        after = after.rsplit_once(char::is_whitespace).map_or(after, |(head, _)| head);
    }
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let lead = if start > 0 { SNIPPET_ELLIPSIS } else { "" };
    let tail = if end < text.len() { SNIPPET_ELLIPSIS } else { "" };
    let keep_space = |s: &str, at_end: bool| {
        let f = flat(s);
        let space = if at_end { s.ends_with(char::is_whitespace) } else { s.starts_with(char::is_whitespace) };
        match (f.is_empty(), space, at_end) {
            (true, _, _) => f,
            (false, true, true) => format!("{f} "),
            (false, true, false) => format!(" {f}"),
            _ => f,
        }
    };
    Excerpt {
        before: format!("{lead}{}", keep_space(before, true)),
        marked: flat(marked),
        after: format!("{}{tail}", keep_space(after, false)),
    }
}

fn to_u64(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_cuts_at_words_and_never_panics() {
        let text = "Alpha beta gamma. The official said the corridor stays open, officials added.";
        let at = text.find("official").unwrap_or(0);
        let e = excerpt(text, Span(at, at + 8));
        assert_eq!(e.marked, "official");
        assert!(e.before.ends_with("The "));
        // Out of range and mid-character spans give an empty excerpt.
        assert_eq!(excerpt("é", Span(1, 2)).marked, "");
        assert_eq!(excerpt("abc", Span(2, 9)).marked, "");
        let long = "ü".repeat(200);
        let e = excerpt(&long, Span(100, 102));
        assert_eq!(e.marked, "ü");
    }

    #[test]
    fn names_become_word_queries() {
        assert_eq!(name_query("Irina Volkova").as_deref(), Some(r#""Irina" "Volkova""#));
        assert_eq!(name_query("\"*").as_deref(), None);
    }

    #[test]
    fn lead_is_cut_at_a_word() {
        let text = "word ".repeat(100);
        let lead = lead_of(&text);
        assert!(lead.ends_with('…'));
        assert!(lead.len() < 270);
        assert_eq!(lead_of(" — Short body."), "Short body.");
    }

    #[test]
    fn headline_is_the_first_sentence() {
        assert_eq!(derive_headline(" - Talks resumed on Monday. Delegates said no."), "Talks resumed on Monday");
        assert_eq!(derive_headline("Sen. Smith spoke. Then"), "Sen. Smith spoke");
        let long = derive_headline(&"word ".repeat(60));
        assert!(long.ends_with('…') && long.chars().count() <= HEADLINE_CHARS + 1);
        assert_eq!(derive_headline(""), "");
        assert_eq!(split_first_sentence("One two. Three four.").1, "Three four.");
    }

    #[test]
    fn display_names_avoid_capitals() {
        let names: HashMap<String, u64> = [("MOSCOW".to_string(), 3), ("Moscow".to_string(), 1)].into();
        assert_eq!(display_name(&names).as_deref(), Some("Moscow"));
        let names: HashMap<String, u64> = [("UN".to_string(), 3), ("Un".to_string(), 1)].into();
        assert_eq!(display_name(&names).as_deref(), Some("UN"));
    }
}
