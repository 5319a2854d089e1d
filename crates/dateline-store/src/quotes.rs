//! Quote search: who said what, across the corpus.
//!
//! Every quote of every stored record is a row of the `quotes` table (schema version 4, filled by
//! a trigger from the record). Words are searched in `quote_wordings` (schema version 6): each
//! distinct (content, speaker, kind) once, with a full-text index over the content and the
//! speaker's name, so a quote carried word for word by many articles is ranked once and its
//! carriers are read from `quote_occurrences`. A search combines words of the quote, the speaker, the quote's kind and every article
//! filter of [`SearchFilter`] (place, country, source, language, entity, publication dates), and
//! answers one page of quotes, newest first (or best match first for a text query), with the
//! total and the most quoted speakers among the best [`MAX_SCAN`] matches.
//!
//! [`Store::for_each_quote`] walks the same matches row by row for exports, so an export of any
//! size holds one quote in memory at a time (a text query's, one score's quote keys).

use std::collections::HashMap;

use dateline_analyze::{QuoteKind, Span};
use rusqlite::types::{Type, Value};
use rusqlite::{params_from_iter, Row};
use serde::Serialize;

use crate::search::fts_query;
use crate::views::{push_filters, FacetCount, SearchFilter, FACET_VALUES, MAX_SCAN};
use crate::{Store, StoreError};

/// What a quote search is restricted to. Every field is optional; all given ones must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteFilter {
    /// Words of the quote or of its speaker's name, as for [`Store::search`](crate::Store::search)
    /// (`"phrases"`, `prefix*`).
    pub text: Option<String>,
    /// The resolved speaker's name, exactly (case-insensitive).
    pub speaker: Option<String>,
    /// The quote's kind.
    pub kind: Option<QuoteKind>,
    /// Filters on the article that carries the quote; its `text` and `speaker` are not used
    /// (the quote's own `text` and `speaker` above are).
    pub article: SearchFilter,
}

/// One quote found, with the article it is in.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
    pub kind: Option<QuoteKind>,
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
    /// The most quoted speakers among the best [`MAX_SCAN`] matches, all of them when fewer
    /// match (quotes without a resolved speaker are not counted), most quotes first.
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

/// One quote hit by its key (`?1`).
fn hit_by_key() -> String {
    format!("SELECT {HIT_COLUMNS} FROM quotes q JOIN articles a ON a.pk = q.article_pk WHERE q.pk = ?1")
}

impl Store {
    /// The `offset..offset + limit` slice of the quotes matching `filter`, with the total and the
    /// speakers facet.
    ///
    /// Like article search, the page and the facet come from one light scan of the best
    /// [`MAX_SCAN`] matches (quote key and speaker only; the page's quotes are then read by key),
    /// so a query matching most of a large corpus does not count speakers or read columns over
    /// all of them: the speakers facet describes the best [`MAX_SCAN`] matches (all of them when
    /// fewer match). The total is exact: a sum over quote wordings when no article filter needs
    /// the articles, else counted. A page past the scan is read directly.
    ///
    /// Words are ranked over distinct wordings (`quote_wordings_fts`, schema version 6), so a
    /// wire quote carried by a hundred articles is scored once: best wording first by bm25, and
    /// the quotes of one score in key order.
    pub fn quote_search(&self, filter: &QuoteFilter, offset: usize, limit: usize) -> Result<QuotePage, StoreError> {
        let err = |source| self.query_err("searching quotes", source);
        let Some(mut m) = matching(filter) else {
            return Ok(QuotePage { total: 0, hits: Vec::new(), speakers: Vec::new() });
        };
        let tx = self.conn.unchecked_transaction().map_err(err)?;
        // The scan: (quote key, speaker) of the best MAX_SCAN + 1 matches, in order.
        let speaker_only = m.fts.is_none() && m.speaker;
        let (mut scan, counted, want) = if m.fts.is_some() {
            let (scan, total) = m.scan_wordings(&tx, MAX_SCAN + 1).map_err(err)?;
            (scan, Some(total), MAX_SCAN + 1)
        } else {
            let counted = m.choose(&tx).map_err(err)?;
            // A speaker's quotes all carry the name (equal without ASCII case, as the facet
            // counts names): once their total is known the facet is that name, so the scan only
            // needs to reach the end of the page (a speaker with 68,489 quotes read 2,001 of them
            // for a page of 25).
            let want = match counted {
                Some(_) if speaker_only => offset.saturating_add(limit).clamp(1, MAX_SCAN + 1),
                _ => MAX_SCAN + 1,
            };
            let sql = format!("SELECT q.pk, q.speaker_name {} {} LIMIT ?", m.from_where, m.order);
            let mut params = m.params.clone();
            params.push(Value::Integer(want as i64));
            let mut stmt = tx.prepare_cached(&sql).map_err(err)?;
            let rows = stmt.query_map(params_from_iter(params.iter()), |r| Ok((r.get(0)?, r.get(1)?))).map_err(err)?;
            let mut scan = Vec::new();
            for row in rows {
                scan.push(row.map_err(err)?);
            }
            (scan, counted, want)
        };
        // Fewer rows than asked for: the scan holds every match.
        let complete = scan.len() < want;
        scan.truncate(MAX_SCAN);
        let total = match counted {
            _ if complete => scan.len() as u64,
            Some(n) => n,
            None => m.count(&tx).map_err(err)?,
        };
        let speakers = match scan.first() {
            Some((_, Some(name))) if speaker_only && want <= MAX_SCAN => {
                vec![FacetCount { value: name.clone(), count: total.min(MAX_SCAN as u64) }]
            }
            _ => speaker_facet(&scan),
        };
        let mut hits = Vec::new();
        if complete || offset.saturating_add(limit) <= scan.len() {
            let mut stmt = tx.prepare_cached(&hit_by_key()).map_err(err)?;
            for (pk, _) in scan.iter().skip(offset).take(limit) {
                hits.push(stmt.query_row([pk], hit_of).map_err(err)?);
            }
        } else if m.fts.is_some() {
            // Past the scan: walk the keys to the page, then read its quotes.
            let mut keys = Vec::with_capacity(limit);
            let mut seen = 0usize;
            m.for_each_text_key(&tx, |key| {
                if seen >= offset {
                    keys.push(key);
                }
                seen += 1;
                Ok(keys.len() < limit)
            })
            .map_err(err)?;
            let mut stmt = tx.prepare_cached(&hit_by_key()).map_err(err)?;
            for pk in keys {
                hits.push(stmt.query_row([pk], hit_of).map_err(err)?);
            }
        } else {
            let sql = format!("SELECT {HIT_COLUMNS} {} {} LIMIT ? OFFSET ?", m.from_where, m.order);
            let mut params = m.params.clone();
            params.push(Value::Integer(i64::try_from(limit).unwrap_or(i64::MAX)));
            params.push(Value::Integer(i64::try_from(offset).unwrap_or(i64::MAX)));
            let mut stmt = tx.prepare_cached(&sql).map_err(err)?;
            let rows = stmt.query_map(params_from_iter(params.iter()), hit_of).map_err(err)?;
            for row in rows {
                hits.push(row.map_err(err)?);
            }
        }
        tx.finish().map_err(err)?;
        Ok(QuotePage { total, hits, speakers })
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
        let Some(mut m) = matching(filter) else { return Ok(0) };
        let tx = self.conn.unchecked_transaction().map_err(err)?;
        if m.fts.is_some() {
            let mut sent = 0;
            {
                let mut stmt = tx.prepare_cached(&hit_by_key()).map_err(err)?;
                m.for_each_text_key(&tx, |key| {
                    if sent >= limit {
                        return Ok(false);
                    }
                    sent += 1;
                    Ok(each(stmt.query_row([key], hit_of)?))
                })
                .map_err(err)?;
            }
            tx.finish().map_err(err)?;
            return Ok(sent);
        }
        m.choose(&tx).map_err(err)?;
        let sql = format!("SELECT {HIT_COLUMNS} {} {} LIMIT ?", m.from_where, m.order);
        let mut params = m.params;
        params.push(Value::Integer(i64::try_from(limit).unwrap_or(i64::MAX)));
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

/// A scanned match: the quote's key and its speaker.
type ScanRow = (i64, Option<String>);

/// A wording a text query matches: its key, bm25 score, how many quotes carry it, its speaker.
type Wording = (i64, f64, i64, Option<String>);

/// A speaker's quotes through the speaker index, then sorted by date.
const SPEAKER_FIRST: &str = "FROM quotes q JOIN articles a ON a.pk = q.article_pk WHERE 1";

/// Articles newest first through the `published` index, then their quotes.
const ARTICLES_FIRST: &str = "FROM articles a CROSS JOIN quotes q ON q.article_pk = a.pk WHERE 1";

/// The wordings a text query matches, with their bm25 score (`?` is the full-text query; the
/// wording conditions follow).
const RANKED_WORDINGS: &str = "SELECT w.pk, bm25(quote_wordings_fts) AS score, w.quotes, w.speaker_name
     FROM quote_wordings_fts JOIN quote_wordings w ON w.pk = quote_wordings_fts.rowid
     WHERE quote_wordings_fts MATCH ?";

/// The quotes matching a filter, as SQL.
struct Matching {
    /// `FROM ... WHERE ...` over `q` (quotes) and `a` (articles) for a query without words
    /// (empty for a text query, which [`Matching::for_each_text_key`] reads instead).
    from_where: String,
    /// The parameters of `from_where`, in order.
    params: Vec<Value>,
    /// The result order (see [`matching`]).
    order: &'static str,
    /// The full-text query, when there is one.
    fts: Option<String>,
    /// True when a speaker is given.
    speaker: bool,
    /// The quote's own conditions (speaker, kind) as ` AND ...` over `w` (a wording: its speaker
    /// and kind are those of every quote carrying it), with their parameters.
    wording_where: String,
    quote_params: Vec<Value>,
    /// The conditions on the article as ` AND ...` over `a`, with their parameters.
    article_where: String,
    article_params: Vec<Value>,
}

/// The quotes matching `filter`; `None` when a text query has nothing searchable in it (it then
/// matches nothing, like article search).
fn matching(filter: &QuoteFilter) -> Option<Matching> {
    let given = |v: &Option<String>| v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
    let speaker = given(&filter.speaker);
    let fts = match given(&filter.text) {
        // With a speaker, the index's own speaker column narrows the matches to wordings whose
        // speaker has the name's words in order, before any row is read; equality is still
        // checked on the row. The name's words join the bm25 score: the same words in every
        // kept row, weighed by each row's length like the query's own words, so the order is
        // that of the words alone except where lengths differ a lot (page and export agree).
        Some(text) => Some(match &speaker {
            Some(name) if name.chars().any(char::is_alphanumeric) => {
                format!("({}) AND speaker_name : \"{}\"", fts_query(&text)?, name.replace('"', "\"\""))
            }
            _ => fts_query(&text)?,
        }),
        None => None,
    };
    let (mut quote_where, mut wording_where, mut quote_params) = (String::new(), String::new(), Vec::new());
    if let Some(v) = &speaker {
        quote_where.push_str(" AND q.speaker_name = ? COLLATE NOCASE");
        wording_where.push_str(" AND w.speaker_name = ? COLLATE NOCASE");
        quote_params.push(Value::Text(v.clone()));
    }
    if let Some(kind) = filter.kind {
        quote_where.push_str(" AND q.kind = ? COLLATE NOCASE");
        wording_where.push_str(" AND w.kind = ? COLLATE NOCASE");
        quote_params.push(Value::Text(kind.as_str().to_string()));
    }
    let article = SearchFilter { text: None, speaker: None, ..filter.article.clone() };
    let (mut article_where, mut article_params) = (String::new(), Vec::new());
    push_filters(&article, &mut article_where, &mut article_params);
    let mut sql = String::new();
    let mut params = Vec::new();
    let order = match &fts {
        Some(_) => {
            // Read by Matching::for_each_text_key instead of SQL: best wording first (bm25 over
            // content and speaker, each wording scored once), then the quotes of one score in key
            // order. Quote keys grow with (article, position): the trigger inserts an article's
            // quotes in order.
            ""
        }
        // Newest first, undated last (NULL is the smallest value, so last in DESC), then article
        // and quote order. Without a speaker, the articles are read first, through the
        // `published` index in that order, so a page of the newest quotes reads a page of
        // articles instead of sorting every quote; a speaker's quotes are found by their index.
        None => {
            sql.push_str(if speaker.is_some() { SPEAKER_FIRST } else { ARTICLES_FIRST });
            sql.push_str(&quote_where);
            params.extend(quote_params.iter().cloned());
            "ORDER BY a.published DESC, a.pk DESC, q.position"
        }
    };
    if fts.is_none() {
        sql.push_str(&article_where);
        params.extend(article_params.iter().cloned());
    }
    Some(Matching {
        from_where: sql,
        params,
        order,
        fts,
        speaker: speaker.is_some(),
        wording_where,
        quote_params,
        article_where,
        article_params,
    })
}

impl Matching {
    /// True when some condition is on the article: the articles table is then needed to decide
    /// what matches, not only to order it.
    fn article_filters(&self) -> bool {
        !self.article_params.is_empty()
    }

    /// For a speaker without words: when the speaker is quoted so often that walking articles
    /// newest first meets their newest quotes sooner than sorting all of them (`n * n >= 250 *
    /// all quotes`, from the costs of an index row and of a joined, sorted one), read articles
    /// first. Returns the count of the speaker's quotes when it is the exact total.
    fn choose(&mut self, conn: &rusqlite::Connection) -> rusqlite::Result<Option<u64>> {
        if self.fts.is_some() || !self.from_where.starts_with(SPEAKER_FIRST) {
            return Ok(None);
        }
        let n = self.wording_sum(conn)?;
        let all: i64 = conn.prepare_cached("SELECT coalesce(max(pk), 0) FROM quotes")?.query_row([], |r| r.get(0))?;
        let n_i = i64::try_from(n).unwrap_or(i64::MAX);
        if n_i >= MAX_SCAN as i64 && n_i.saturating_mul(n_i) >= all.saturating_mul(250) {
            self.from_where = self.from_where.replacen(SPEAKER_FIRST, ARTICLES_FIRST, 1);
        }
        Ok((!self.article_filters()).then_some(n))
    }

    /// How many quotes meet the quote's own conditions (speaker, kind), whatever their article:
    /// a sum over the wordings that meet them, not a count over quotes.
    fn wording_sum(&self, conn: &rusqlite::Connection) -> rusqlite::Result<u64> {
        let n: i64 = conn
            .prepare_cached(&format!(
                "SELECT coalesce(sum(w.quotes), 0) FROM quote_wordings w WHERE 1{}",
                self.wording_where
            ))?
            .query_row(params_from_iter(self.quote_params.iter()), |r| r.get(0))?;
        Ok(n.max(0) as u64)
    }

    /// The scan of a text query: `(quote key, speaker)` of the best `want` matches in the order
    /// of [`Matching::order`], and the exact total.
    ///
    /// Ranks the matching wordings (each scored once), then reads the quotes of each wording in
    /// that order until `want` are found and the next wording scores worse (a wording scoring
    /// the same may hold smaller keys). Without article filters the total is the sum of the
    /// wordings' quotes; with them every wording's quotes are counted through their articles.
    fn scan_wordings(&self, conn: &rusqlite::Connection, want: usize) -> rusqlite::Result<(Vec<ScanRow>, u64)> {
        let wordings = self.ranked_wordings(conn)?;
        let filtered = self.article_filters();
        let (keys_sql, count_sql) = self.occurrence_sql();
        let mut keys = conn.prepare_cached(&keys_sql)?;
        let mut found: Vec<(f64, i64, usize)> = Vec::new();
        let mut counted: u64 = 0;
        // The score of the wording that filled the scan: later wordings scoring worse cannot enter it.
        let mut cut: Option<f64> = None;
        for (index, (wording, score, _, _)) in wordings.iter().enumerate() {
            let needed = cut.is_none_or(|c| *score <= c);
            if !needed {
                if !filtered {
                    break;
                }
                let n: i64 = conn
                    .prepare_cached(&count_sql)?
                    .query_row(params_from_iter(self.occurrence_params(*wording)), |r| r.get(0))?;
                counted += n.max(0) as u64;
                continue;
            }
            let rows = keys.query_map(params_from_iter(self.occurrence_params(*wording)), |r| r.get::<_, i64>(0))?;
            for key in rows {
                found.push((*score, key?, index));
                counted += 1;
            }
            if cut.is_none() && found.len() >= want {
                cut = Some(*score);
            }
        }
        let total = if filtered { counted } else { wordings.iter().map(|w| w.2.max(0) as u64).sum() };
        found.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        found.truncate(want);
        Ok((found.into_iter().map(|(_, key, index)| (key, wordings[index].3.clone())).collect(), total))
    }

    /// The wordings a text query matches (speaker and kind conditions included), best first:
    /// `(key, bm25 score, quotes carrying it, speaker)`.
    fn ranked_wordings(&self, conn: &rusqlite::Connection) -> rusqlite::Result<Vec<Wording>> {
        let Some(fts) = &self.fts else { return Ok(Vec::new()) };
        let mut stmt = conn.prepare_cached(&format!("{RANKED_WORDINGS}{} ORDER BY score, w.pk", self.wording_where))?;
        let params = std::iter::once(Value::Text(fts.clone())).chain(self.quote_params.iter().cloned());
        let rows = stmt.query_map(params_from_iter(params), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        rows.collect()
    }

    /// The keys of a wording's quotes that meet the article conditions, ascending, and their
    /// count (the count is only used with article conditions).
    fn occurrence_sql(&self) -> (String, String) {
        if self.article_filters() {
            let from = format!(
                "FROM quote_occurrences o CROSS JOIN articles a ON a.pk = o.article_pk WHERE o.wording_pk = ?{}",
                self.article_where
            );
            (format!("SELECT o.quote_pk {from} ORDER BY o.quote_pk"), format!("SELECT count(*) {from}"))
        } else {
            ("SELECT quote_pk FROM quote_occurrences WHERE wording_pk = ? ORDER BY quote_pk".to_string(), String::new())
        }
    }

    /// Calls `each` with the key of every quote a text query matches, in the order of
    /// [`Matching::order`] (best wording first; the keys of one score ascending, so the quotes
    /// of wordings scoring alike interleave as a sort by score and key would put them), until
    /// it returns `false`. Reads one score's keys at a time: an export or a page past the scan
    /// neither sorts every match nor reads any row before its turn.
    fn for_each_text_key(
        &self,
        conn: &rusqlite::Connection,
        mut each: impl FnMut(i64) -> rusqlite::Result<bool>,
    ) -> rusqlite::Result<()> {
        let wordings = self.ranked_wordings(conn)?;
        let mut keys = conn.prepare_cached(&self.occurrence_sql().0)?;
        let mut group: Vec<i64> = Vec::new();
        let mut next = 0;
        while next < wordings.len() {
            let score = wordings[next].1;
            group.clear();
            while next < wordings.len() && wordings[next].1.total_cmp(&score).is_eq() {
                let rows = keys.query_map(params_from_iter(self.occurrence_params(wordings[next].0)), |r| r.get(0))?;
                for key in rows {
                    group.push(key?);
                }
                next += 1;
            }
            group.sort_unstable();
            for &key in &group {
                if !each(key)? {
                    return Ok(());
                }
            }
        }
        Ok(())
    }

    /// The parameters of a wording's occurrences: its key, then the article conditions'.
    fn occurrence_params(&self, wording: i64) -> Vec<Value> {
        std::iter::once(Value::Integer(wording)).chain(self.article_params.iter().cloned()).collect()
    }

    /// The count of every match of a query without words: through the articles when an article
    /// filter needs them, else summed over wordings.
    fn count(&self, conn: &rusqlite::Connection) -> rusqlite::Result<u64> {
        if !self.article_filters() {
            return self.wording_sum(conn);
        }
        let n: i64 = conn
            .prepare_cached(&format!("SELECT count(*) {}", self.from_where))?
            .query_row(params_from_iter(self.params.iter()), |r| r.get(0))?;
        Ok(n.max(0) as u64)
    }
}

/// The most quoted speakers among scanned matches (names compared without ASCII case, each shown
/// as first met), most quotes first, then by name.
fn speaker_facet(scan: &[ScanRow]) -> Vec<FacetCount> {
    let mut counts: HashMap<String, (String, u64)> = HashMap::new();
    for name in scan.iter().filter_map(|(_, s)| s.as_deref()) {
        counts.entry(name.to_ascii_lowercase()).or_insert_with(|| (name.to_string(), 0)).1 += 1;
    }
    let mut out: Vec<FacetCount> = counts.into_values().map(|(value, count)| FacetCount { value, count }).collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    out.truncate(FACET_VALUES);
    out
}

/// An article's headline: its title, else its first sentence after the dateline (`head` is the
/// opening of its text, `dateline_end` the byte where its dateline ends).
pub(crate) fn headline_of(title: Option<String>, head: &str, dateline_end: Option<i64>) -> String {
    let body = dateline_end.and_then(|e| usize::try_from(e).ok()).and_then(|end| head.get(end..)).unwrap_or(head);
    title.filter(|t| !t.trim().is_empty()).unwrap_or_else(|| crate::views::derive_headline(body))
}

/// The quote kind in column `i`: a name outside the record's set (the column is filled from
/// stored records) is a conversion error naming it, like any other bad value of a row.
fn quote_kind(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<QuoteKind>> {
    let Some(text) = r.get::<_, Option<String>>(i)? else { return Ok(None) };
    text.parse().map(Some).map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, Type::Text, Box::new(e)))
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
        kind: quote_kind(r, 8)?,
        speaker_name: r.get(9)?,
        cue: r.get(10)?,
        content: r.get(11)?,
        span,
    })
}
