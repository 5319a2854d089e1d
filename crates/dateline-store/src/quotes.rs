//! Quote search: who said what, across the corpus.
//!
//! Every quote of every stored record is a row of the `quotes` table (schema version 4, filled by
//! a trigger from the record), with its own full-text index over the content and the speaker's
//! name. A search combines words of the quote, the speaker, the quote's kind and every article
//! filter of [`SearchFilter`] (place, country, source, language, entity, publication dates), and
//! answers one page of quotes, newest first (or best match first for a text query), with the
//! total and the most quoted speakers among all matches.
//!
//! [`Store::for_each_quote`] walks the same matches row by row for exports, so an export of any
//! size holds one quote in memory at a time.

use dateline_analyze::Span;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Row};
use serde::Serialize;

use crate::search::fts_query;
use crate::views::{push_filters, FacetCount, SearchFilter, FACET_VALUES};
use crate::{Store, StoreError};

/// Quote kinds a filter may name, as the record writes them.
pub const QUOTE_KINDS: [&str; 3] = ["direct", "indirect", "partial"];

/// What a quote search is restricted to. Every field is optional; all given ones must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteFilter {
    /// Words of the quote or of its speaker's name, as for [`Store::search`](crate::Store::search)
    /// (`"phrases"`, `prefix*`).
    pub text: Option<String>,
    /// The resolved speaker's name, exactly (case-insensitive).
    pub speaker: Option<String>,
    /// One of [`QUOTE_KINDS`].
    pub kind: Option<String>,
    /// Filters on the article that carries the quote; its `text` and `speaker` are not used
    /// (the quote's own `text` and `speaker` above are).
    pub article: SearchFilter,
}

/// One quote found, with the article it is in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteHit {
    /// The article's id.
    pub article_id: String,
    /// The article's headline (its title, else derived from its text).
    pub headline: String,
    /// The article's publication date, when known.
    pub published: Option<String>,
    /// The article's dateline place and country, when it has one.
    pub place: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// The article's wire credits, in order.
    pub sources: Vec<String>,
    /// The quote's index in the article record's `quotes`.
    pub index: usize,
    /// `direct`, `indirect` or `partial`.
    pub kind: Option<String>,
    /// The resolved speaker's name.
    pub speaker_name: Option<String>,
    /// The verb or phrase that introduces the quote.
    pub cue: Option<String>,
    /// What was said.
    pub content: String,
    /// Where the quote is in the article's text.
    pub span: Option<Span>,
}

/// One page of a quote search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuotePage {
    /// Quotes matching, in all.
    pub total: u64,
    /// The requested slice.
    pub hits: Vec<QuoteHit>,
    /// The most quoted speakers among all matches (quotes without a resolved speaker are not
    /// counted), most quotes first.
    pub speakers: Vec<FacetCount>,
}

/// The SELECT list of a quote hit, in the order [`hit_of`] reads it.
/// (`substr` counts characters and spans bytes: 1,600 characters cover a dateline and a first
/// sentence, which [`hit_of`] then cuts at the dateline's byte end.)
const HIT_COLUMNS: &str = "a.id, a.title, substr(a.text, 1, 1600), a.published, a.dateline_place, a.dateline_country,
     (SELECT group_concat(source, char(31))
      FROM (SELECT s.source FROM article_sources s WHERE s.article_pk = a.pk ORDER BY s.position)),
     q.position, q.kind, q.speaker_name, q.cue, q.content, q.span_start, q.span_end,
     json_extract(a.record_json, '$.dateline.span[1]')";

impl Store {
    /// The `offset..offset + limit` slice of the quotes matching `filter`, with the total and the
    /// speakers facet of all matches.
    pub fn quote_search(&self, filter: &QuoteFilter, offset: usize, limit: usize) -> Result<QuotePage, StoreError> {
        let err = |source| self.query_err("searching quotes", source);
        let Some((from_where, params)) = matching(filter) else {
            return Ok(QuotePage { total: 0, hits: Vec::new(), speakers: Vec::new() });
        };
        let tx = self.conn.unchecked_transaction().map_err(err)?;
        let total: i64 = tx
            .prepare_cached(&format!("SELECT count(*) {from_where}"))
            .and_then(|mut s| s.query_row(params_from_iter(params.iter()), |r| r.get(0)))
            .map_err(err)?;
        let mut speakers = Vec::new();
        {
            let sql = format!(
                "SELECT q.speaker_name, count(*) AS n {from_where} AND q.speaker_name IS NOT NULL
                 GROUP BY q.speaker_name COLLATE NOCASE ORDER BY n DESC, q.speaker_name LIMIT {FACET_VALUES}"
            );
            let mut stmt = tx.prepare_cached(&sql).map_err(err)?;
            let rows = stmt
                .query_map(params_from_iter(params.iter()), |r| {
                    Ok(FacetCount { value: r.get(0)?, count: r.get::<_, i64>(1)?.max(0) as u64 })
                })
                .map_err(err)?;
            for row in rows {
                speakers.push(row.map_err(err)?);
            }
        }
        let mut hits = Vec::new();
        {
            let sql = format!("SELECT {HIT_COLUMNS} {from_where} {} LIMIT ? OFFSET ?", order_of(filter));
            let mut page_params = params.clone();
            page_params.push(Value::Integer(i64::try_from(limit).unwrap_or(i64::MAX)));
            page_params.push(Value::Integer(i64::try_from(offset).unwrap_or(i64::MAX)));
            let mut stmt = tx.prepare_cached(&sql).map_err(err)?;
            let rows = stmt.query_map(params_from_iter(page_params.iter()), hit_of).map_err(err)?;
            for row in rows {
                hits.push(row.map_err(err)?);
            }
        }
        tx.finish().map_err(err)?;
        Ok(QuotePage { total: total.max(0) as u64, hits, speakers })
    }

    /// Calls `each` on every quote matching `filter`, in the order of [`Store::quote_search`], at
    /// most `limit` of them; `each` returns `false` to stop early. One row is in memory at a time.
    /// Returns how many quotes were passed to `each`.
    pub fn for_each_quote(
        &self,
        filter: &QuoteFilter,
        limit: usize,
        mut each: impl FnMut(QuoteHit) -> bool,
    ) -> Result<usize, StoreError> {
        let err = |source| self.query_err("exporting quotes", source);
        let Some((from_where, mut params)) = matching(filter) else { return Ok(0) };
        let sql = format!("SELECT {HIT_COLUMNS} {from_where} {} LIMIT ?", order_of(filter));
        params.push(Value::Integer(i64::try_from(limit).unwrap_or(i64::MAX)));
        let tx = self.conn.unchecked_transaction().map_err(err)?;
        let mut sent = 0;
        {
            let mut stmt = tx.prepare(&sql).map_err(err)?;
            let mut rows = stmt.query(params_from_iter(params.iter())).map_err(err)?;
            while let Some(row) = rows.next().map_err(err)? {
                sent += 1;
                if !each(hit_of(row).map_err(err)?) {
                    break;
                }
            }
        }
        tx.finish().map_err(err)?;
        Ok(sent)
    }
}

/// The `FROM ... WHERE ...` of the quotes matching `filter`, with its parameters; `None` when a
/// text query has nothing searchable in it (it then matches nothing, like article search).
fn matching(filter: &QuoteFilter) -> Option<(String, Vec<Value>)> {
    let given = |v: &Option<String>| v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
    let mut sql = String::new();
    let mut params = Vec::new();
    match given(&filter.text) {
        Some(text) => {
            let fts = fts_query(&text)?;
            sql.push_str(
                "FROM quotes_fts JOIN quotes q ON q.pk = quotes_fts.rowid JOIN articles a ON a.pk = q.article_pk
                 WHERE quotes_fts MATCH ?",
            );
            params.push(Value::Text(fts));
        }
        None => sql.push_str("FROM quotes q JOIN articles a ON a.pk = q.article_pk WHERE 1"),
    }
    if let Some(v) = given(&filter.speaker) {
        sql.push_str(" AND q.speaker_name = ? COLLATE NOCASE");
        params.push(Value::Text(v));
    }
    if let Some(v) = given(&filter.kind) {
        sql.push_str(" AND q.kind = ? COLLATE NOCASE");
        params.push(Value::Text(v));
    }
    let article = SearchFilter { text: None, speaker: None, ..filter.article.clone() };
    push_filters(&article, &mut sql, &mut params);
    Some((sql, params))
}

/// Best match first for a text query (bm25 over content and speaker), else newest first; undated
/// articles last; ties in article then quote order, so paging is stable.
fn order_of(filter: &QuoteFilter) -> &'static str {
    if filter.text.as_deref().is_some_and(|t| !t.trim().is_empty()) {
        "ORDER BY bm25(quotes_fts), a.pk, q.position"
    } else {
        "ORDER BY a.published IS NULL, a.published DESC, a.pk DESC, q.position"
    }
}

/// An article's headline: its title, else its first sentence after the dateline (`head` is the
/// opening of its text, `dateline_end` the byte where its dateline ends).
pub(crate) fn headline_of(title: Option<String>, head: &str, dateline_end: Option<i64>) -> String {
    let body = dateline_end.and_then(|e| usize::try_from(e).ok()).and_then(|end| head.get(end..)).unwrap_or(head);
    title.filter(|t| !t.trim().is_empty()).unwrap_or_else(|| crate::views::derive_headline(body))
}

fn hit_of(r: &Row<'_>) -> rusqlite::Result<QuoteHit> {
    let title: Option<String> = r.get(1)?;
    let head: String = r.get::<_, Option<String>>(2)?.unwrap_or_default();
    let headline = headline_of(title, &head, r.get(14)?);
    let sources: Option<String> = r.get(6)?;
    let span = match (r.get::<_, Option<i64>>(12)?, r.get::<_, Option<i64>>(13)?) {
        (Some(s), Some(e)) if 0 <= s && s <= e => Some(Span(s as usize, e as usize)),
        _ => None,
    };
    Ok(QuoteHit {
        article_id: r.get(0)?,
        headline,
        published: r.get(3)?,
        place: r.get(4)?,
        country: r.get(5)?,
        sources: sources
            .map(|s| s.split('\u{1f}').filter(|s| !s.is_empty()).map(str::to_string).collect())
            .unwrap_or_default(),
        index: r.get::<_, i64>(7)?.max(0) as usize,
        kind: r.get(8)?,
        speaker_name: r.get(9)?,
        cue: r.get(10)?,
        content: r.get(11)?,
        span,
    })
}
