//! Quote trails: every article that carries the same quote, where it first appeared, and how
//! its wording changed on the way.
//!
//! The same words from the same speaker are the strongest sign that two articles share a
//! source, and the first publication of a quote is where to look for its context. A trail
//! starts from one quote: candidates are the quotes whose index shares its most telling words
//! (an `OR` query over up to [`QUERY_WORDS`] of its longest words, best match first, at most
//! [`MAX_CANDIDATES`]), kept when their words mostly coincide ([`MIN_OVERLAP`], measured on the
//! shorter of the two, so a trimmed quote still joins) and the speakers do not contradict each
//! other (two different resolved names are two different statements). The trail is ordered by
//! publication date; the earliest is the likely origin, and each version carries its word diff
//! from it.

use std::collections::HashSet;

use dateline_analyze::Span;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use crate::diff::{diff, ParagraphChange};
use crate::{Store, StoreError};

/// Words of the starting quote put in the candidate query.
pub const QUERY_WORDS: usize = 8;

/// Candidate quotes read from the index before the overlap test.
pub const MAX_CANDIDATES: usize = 500;

/// Shared words, as a share of the shorter quote's distinct words, for two quotes to be one.
pub const MIN_OVERLAP: f64 = 0.6;

/// Quotes this short (in distinct words) only join when their words are the same.
const SHORT_QUOTE_WORDS: usize = 4;

/// One appearance of a quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrailStop {
    /// The article.
    pub article_id: String,
    /// Its headline (its title, else its first sentence after the dateline).
    pub headline: String,
    /// Its publication date.
    pub published: Option<String>,
    /// Its dateline place.
    pub place: Option<String>,
    /// The quote's index in the article record's `quotes`.
    pub index: usize,
    /// The resolved speaker in this article.
    pub speaker_name: Option<String>,
    /// The quote as this article words it.
    pub content: String,
    /// Where it is in the article's text.
    pub span: Option<Span>,
    /// Shared distinct words, as a share of the shorter quote's.
    pub overlap: f64,
    /// Word for word the same as the first appearance (case, spacing and punctuation aside).
    pub same_wording: bool,
    /// How the wording differs from the first appearance's (empty when the same).
    pub changes: Vec<ParagraphChange>,
}

/// A quote and every article carrying it, earliest first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteTrail {
    /// The speaker, when some appearance resolves one.
    pub speaker_name: Option<String>,
    /// The appearances, by publication date (undated last); the first is the likely origin.
    pub stops: Vec<TrailStop>,
}

/// The distinct lower-cased words of a quote.
fn word_set(s: &str) -> HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Shared distinct words as a share of the smaller set.
fn overlap(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / smaller as f64
}

/// The words that best find a quote again: its longest distinct words, as an FTS5 `OR` query of
/// quoted terms (only letters and digits, so no user syntax gets through).
fn candidate_query(content: &str) -> Option<String> {
    let mut words: Vec<String> = word_set(content).into_iter().filter(|w| w.chars().count() >= 3).collect();
    words.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then_with(|| a.cmp(b)));
    words.truncate(QUERY_WORDS);
    (!words.is_empty()).then(|| words.iter().map(|w| format!("\"{w}\"")).collect::<Vec<_>>().join(" OR "))
}

/// A row of the quotes table with its article.
#[derive(Debug)]
struct Row {
    article_id: String,
    headline: String,
    published: Option<String>,
    place: Option<String>,
    index: usize,
    speaker_name: Option<String>,
    content: String,
    span: Option<Span>,
}

const ROW_COLUMNS: &str = "a.id, a.title, a.published, a.dateline_place, q.position, q.speaker_name, q.content,
     q.span_start, q.span_end, substr(a.text, 1, 1600), json_extract(a.record_json, '$.dateline.span[1]')";

fn row_of(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    let span = match (r.get::<_, Option<i64>>(7)?, r.get::<_, Option<i64>>(8)?) {
        (Some(s), Some(e)) if 0 <= s && s <= e => Some(Span(s as usize, e as usize)),
        _ => None,
    };
    Ok(Row {
        article_id: r.get(0)?,
        headline: crate::quotes::headline_of(
            r.get(1)?,
            &r.get::<_, Option<String>>(9)?.unwrap_or_default(),
            r.get(10)?,
        ),
        published: r.get(2)?,
        place: r.get(3)?,
        index: r.get::<_, i64>(4)?.max(0) as usize,
        speaker_name: r.get(5)?,
        content: r.get(6)?,
        span,
    })
}

impl Store {
    /// The trail of quote `index` of article `article_id` (an id or unique prefix is not
    /// accepted here: the full id). `Ok(None)` when there is no such quote.
    pub fn quote_trail(&self, article_id: &str, index: usize) -> Result<Option<QuoteTrail>, StoreError> {
        let err = |source| self.query_err("following a quote", source);
        let tx = self.conn.unchecked_transaction().map_err(err)?;
        let start = tx
            .prepare_cached(&format!(
                "SELECT {ROW_COLUMNS} FROM quotes q JOIN articles a ON a.pk = q.article_pk
                 WHERE a.id = ?1 AND q.position = ?2"
            ))
            .map_err(err)?
            .query_row(params![article_id, i64::try_from(index).unwrap_or(i64::MAX)], row_of)
            .optional()
            .map_err(err)?;
        let Some(start) = start else { return Ok(None) };
        let words = word_set(&start.content);
        let mut rows = Vec::new();
        if let Some(query) = candidate_query(&start.content) {
            let mut stmt = tx
                .prepare_cached(&format!(
                    "SELECT {ROW_COLUMNS} FROM quotes_fts JOIN quotes q ON q.pk = quotes_fts.rowid
                     JOIN articles a ON a.pk = q.article_pk
                     WHERE quotes_fts MATCH ?1 ORDER BY bm25(quotes_fts) LIMIT ?2"
                ))
                .map_err(err)?;
            let found = stmt.query_map(params![query, MAX_CANDIDATES as i64], row_of).map_err(err)?;
            for row in found {
                rows.push(row.map_err(err)?);
            }
        }
        tx.finish().map_err(err)?;

        let same_speaker = |r: &Row| match (&start.speaker_name, &r.speaker_name) {
            (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
            _ => true,
        };
        let mut kept: Vec<(Row, f64)> = rows
            .into_iter()
            .filter(|r| !(r.article_id == start.article_id && r.index == start.index))
            .filter_map(|r| {
                let theirs = word_set(&r.content);
                let o = overlap(&words, &theirs);
                let short = words.len().min(theirs.len()) <= SHORT_QUOTE_WORDS;
                let joins = if short { words == theirs } else { o >= MIN_OVERLAP };
                (joins && same_speaker(&r)).then_some((r, o))
            })
            .collect();
        // One appearance per article: its closest wording.
        kept.sort_by(|a, b| a.0.article_id.cmp(&b.0.article_id).then(b.1.total_cmp(&a.1)));
        kept.dedup_by(|a, b| a.0.article_id == b.0.article_id);
        kept.retain(|(r, _)| r.article_id != start.article_id);
        let mut all: Vec<(Row, f64)> = vec![(start, 1.0)];
        all.extend(kept);
        // Earliest first, undated last; ties by article id so the order is stable.
        all.sort_by(|a, b| {
            (a.0.published.is_none(), &a.0.published, &a.0.article_id).cmp(&(
                b.0.published.is_none(),
                &b.0.published,
                &b.0.article_id,
            ))
        });
        let origin = all.first().map(|(r, _)| r.content.clone()).unwrap_or_default();
        let origin_words: Vec<String> = words_in_order(&origin);
        let speaker_name = all.iter().find_map(|(r, _)| r.speaker_name.clone());
        let stops = all
            .into_iter()
            .map(|(r, o)| {
                let same_wording = words_in_order(&r.content) == origin_words;
                let changes = if same_wording { Vec::new() } else { diff(&origin, &r.content).paragraphs };
                TrailStop {
                    article_id: r.article_id,
                    headline: r.headline,
                    published: r.published,
                    place: r.place,
                    index: r.index,
                    speaker_name: r.speaker_name,
                    content: r.content,
                    span: r.span,
                    overlap: (o * 1000.0).round() / 1000.0,
                    same_wording,
                    changes,
                }
            })
            .collect();
        Ok(Some(QuoteTrail { speaker_name, stops }))
    }
}

/// A quote's words in order, lower-cased: what "the same wording" compares.
fn words_in_order(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_is_measured_on_the_shorter_quote() {
        let a = word_set("The harbour will reopen on Monday, the minister said");
        let b = word_set("the harbour will reopen on Monday");
        assert!((overlap(&a, &b) - 1.0).abs() < 1e-9);
        assert_eq!(overlap(&a, &HashSet::new()), 0.0);
    }

    #[test]
    fn candidate_queries_hold_only_quoted_words() {
        assert_eq!(candidate_query("a b"), None);
        let q = candidate_query("Ceasefire \"talks\" OR NEAR(x) *").unwrap_or_default();
        assert!(q.split(" OR ").all(|t| t.starts_with('"') && t.ends_with('"')), "{q}");
        assert!(q.contains("\"ceasefire\"") && q.contains("\"near\""), "{q}");
    }
}
