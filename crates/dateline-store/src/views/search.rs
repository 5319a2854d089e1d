//! Faceted article search: one light scan of the best matches gives the page and the facets, and
//! the column filters (place, country, language, source, dates, entity, speaker) that quote search
//! and the export walks share.

use std::collections::{HashMap, HashSet};

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::records::name_query;
use super::text::{Head, HEAD_CHARS};
use super::{count_opt, ranked, to_u64, FacetCount, FACET_VALUES, MAX_SCAN};
use crate::search::{fts_query, SNIPPET_CLOSE, SNIPPET_ELLIPSIS, SNIPPET_OPEN};
use crate::{Store, StoreError};

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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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

/// Counts of the matching articles by place, country, source, language and year.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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

impl Store {
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
