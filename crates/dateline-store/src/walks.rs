//! Row walks for streamed exports: every article matching a search, in the search's order, and
//! every version of a story, in the story's order.
//!
//! Like [`Store::for_each_quote`](crate::Store::for_each_quote), each walk steps through one
//! SQLite statement and hands one row at a time to a callback, which returns `false` to stop
//! (a client that went away). Nothing is collected, so an export of any size holds one row in
//! memory (a story walk also keeps its versions' ids, dates and credits for the origin rule);
//! SQLite sorts what an index cannot order within its own page cache and temporary files.

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Row};
use serde::Serialize;

use crate::origin::{origin, VersionFacts};
use crate::quotes::headline_of;
use crate::search::fts_query;
use crate::stories::{member_row, StoryMember, MEMBERS_SQL};
use crate::views::{combined_fts, push_filters, scan_order, SearchFilter, SortOrder, TITLE_WEIGHT};
use crate::{Store, StoreError};

/// One article matching a search, as an export writes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleRow {
    /// The article id.
    pub id: String,
    /// The headline, or for an untitled article the opening of its first sentence.
    pub headline: String,
    /// Publication date, when known.
    pub published: Option<String>,
    /// Dateline place.
    pub place: Option<String>,
    /// Dateline country (ISO 3166-1 alpha-2).
    pub country: Option<String>,
    /// Language code.
    pub language: String,
    /// Wire credits of the dateline, in order.
    pub sources: Vec<String>,
    /// The URL it was read from, else its file.
    pub url: Option<String>,
    /// Relevance (larger is better) when there is a text query; as in [`crate::SearchPage`].
    pub score: Option<f64>,
    /// The story the article belongs to.
    pub story: Option<i64>,
    /// Versions in that story, this one included.
    pub versions: u64,
}

impl Store {
    /// Calls `each` on every article matching `filter`, in `order` (the order of
    /// [`Store::search_page`], without its cap on scanned matches), at most `limit` of them;
    /// `each` returns `false` to stop. Returns how many rows were passed to `each`.
    pub fn for_each_article(
        &self,
        filter: &SearchFilter,
        order: SortOrder,
        limit: usize,
        mut each: impl FnMut(ArticleRow) -> bool,
    ) -> Result<usize, StoreError> {
        let err = |source| self.query_err("exporting search results", source);
        let text_query = filter.text.as_deref().and_then(fts_query);
        if filter.text.as_deref().is_some_and(|t| !t.trim().is_empty()) && text_query.is_none() {
            return Ok(0);
        }
        let fts = combined_fts(filter);
        let mut sql = String::from(
            "SELECT a.id, a.title, substr(a.text, 1, 1600), json_extract(a.record_json, '$.dateline.span[1]'),
                    a.published, a.dateline_place, a.dateline_country, a.language,
                    (SELECT group_concat(source, char(31))
                     FROM (SELECT s.source FROM article_sources s WHERE s.article_pk = a.pk ORDER BY s.position)),
                    coalesce(a.url, a.source_path), m.story_id, st.size, ",
        );
        let mut params: Vec<Value> = Vec::new();
        match &fts {
            Some(fts) => {
                sql.push_str(
                    "bm25(articles_fts, ?, 1.0) AS score
                     FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid
                          LEFT JOIN story_members m ON m.article_pk = a.pk LEFT JOIN stories st ON st.id = m.story_id
                     WHERE articles_fts MATCH ?",
                );
                params.push(Value::Real(TITLE_WEIGHT));
                params.push(Value::Text(fts.clone()));
            }
            None => sql.push_str(
                "0.0 AS score FROM articles a
                      LEFT JOIN story_members m ON m.article_pk = a.pk LEFT JOIN stories st ON st.id = m.story_id
                 WHERE 1",
            ),
        }
        push_filters(filter, &mut sql, &mut params);
        sql.push_str(scan_order(order, text_query.is_some()));
        sql.push_str(" LIMIT ?");
        params.push(Value::Integer(i64::try_from(limit).unwrap_or(i64::MAX)));
        let scored = text_query.is_some();
        let tx = self.conn.unchecked_transaction().map_err(err)?;
        let mut sent = 0;
        {
            let mut stmt = tx.prepare(&sql).map_err(err)?;
            let mut rows = stmt.query(params_from_iter(params.iter())).map_err(err)?;
            while let Some(row) = rows.next().map_err(err)? {
                sent += 1;
                if !each(article_row(row, scored).map_err(err)?) {
                    break;
                }
            }
        }
        tx.finish().map_err(err)?;
        Ok(sent)
    }

    /// Calls `each` on every version of story `id`, in the order of [`Store::story`] (by
    /// publication date, undated last, then storage order), with the same `origin` and
    /// `uncredited` flags; `each` returns `false` to stop. `Ok(None)` when there is no such
    /// story, else how many versions were passed to `each`.
    ///
    /// The origin is decided by [`crate::origin::origin`], as for [`Store::story`], over the
    /// versions' facts (id, date, credits, size); the full versions are never held together.
    pub fn for_each_story_version(
        &self,
        id: i64,
        mut each: impl FnMut(StoryMember) -> bool,
    ) -> Result<Option<usize>, StoreError> {
        let err = |source| self.query_err("exporting a story's versions", source);
        let tx = self.conn.unchecked_transaction().map_err(err)?;
        // The origin by the rule `Store::story` uses, from the facts it needs (id, date,
        // credits, size) kept for one pass; then the versions are read again and streamed.
        let facts: Vec<VersionFacts> = {
            let mut stmt = tx.prepare_cached(MEMBERS_SQL).map_err(err)?;
            let rows = stmt.query_map([id], member_row).map_err(err)?;
            rows.map(|m| {
                m.map(|m| VersionFacts { id: m.id, published: m.published, sources: m.sources, shingles: m.shingles })
            })
            .collect::<Result<_, _>>()
            .map_err(err)?
        };
        let Some(o) = origin(&facts) else { return Ok(None) };
        drop(facts);
        let mut sent = 0;
        {
            let mut stmt = tx.prepare_cached(MEMBERS_SQL).map_err(err)?;
            let mut rows = stmt.query([id]).map_err(err)?;
            while let Some(row) = rows.next().map_err(err)? {
                let mut member = member_row(row).map_err(err)?;
                member.origin = member.id == o.article;
                member.uncredited = !o.credits.is_empty() && !member.sources.iter().any(|s| o.credits.contains(s));
                sent += 1;
                if !each(member) {
                    break;
                }
            }
        }
        tx.finish().map_err(err)?;
        Ok(Some(sent))
    }
}

fn article_row(r: &Row<'_>, scored: bool) -> rusqlite::Result<ArticleRow> {
    let head: String = r.get::<_, Option<String>>(2)?.unwrap_or_default();
    let headline = headline_of(r.get(1)?, &head, r.get(3)?);
    let sources: Option<String> = r.get(8)?;
    let score: f64 = r.get(12)?;
    Ok(ArticleRow {
        id: r.get(0)?,
        headline,
        published: r.get(4)?,
        place: r.get(5)?,
        country: r.get(6)?,
        language: r.get(7)?,
        sources: split(sources),
        url: r.get(9)?,
        score: scored.then_some(-score),
        story: r.get(10)?,
        versions: r.get::<_, Option<i64>>(11)?.map_or(1, |n| n.max(1) as u64),
    })
}

fn split(joined: Option<String>) -> Vec<String> {
    joined.map(|s| s.split('\u{1f}').filter(|s| !s.is_empty()).map(str::to_string).collect()).unwrap_or_default()
}
