//! Full-text search: turning what a user typed into a safe FTS5 query, and ranking the hits.
//!
//! Users type free text, not FTS5 syntax. [`fts_query`] rewrites any string into a query FTS5
//! always accepts: every word becomes a quoted string (so `AND`, `-`, `NEAR`, `:` and stray quotes
//! are just words or nothing), words are joined by spaces (FTS5's implicit AND), a balanced
//! `"exact phrase"` stays one phrase, and a trailing `*` on a word or phrase is kept as a prefix
//! search. Hits are ranked by bm25 with the title weighted above the body.

use std::path::Path;

use rusqlite::{params, Connection};
use serde::Serialize;

use crate::StoreError;

/// Marks the start of a matched term in [`SearchHit::snippet`]. ASCII brackets: readable in a
/// terminal and in JSON; a web UI escapes the snippet and then swaps the markers for `<mark>`.
pub const SNIPPET_OPEN: &str = "[";
/// Marks the end of a matched term in [`SearchHit::snippet`].
pub const SNIPPET_CLOSE: &str = "]";
/// Stands for text cut from either end of a snippet.
pub const SNIPPET_ELLIPSIS: &str = "…";
/// Tokens of context in a snippet (FTS5 caps this at 64).
const SNIPPET_TOKENS: i64 = 24;
/// Terms beyond this many are ignored: a pasted paragraph should not become a 500-term AND.
pub const MAX_QUERY_TERMS: usize = 32;
/// bm25 weight of the title column relative to the body (1.0).
const TITLE_WEIGHT: f64 = 3.0;

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    /// The article id (pass it to [`Store::get`](crate::Store::get)).
    pub id: String,
    /// Headline, when there is one.
    pub title: Option<String>,
    /// Best publication date known.
    pub published: Option<String>,
    /// Dateline place.
    pub place: Option<String>,
    /// Wire credits of the dateline, in order.
    pub sources: Vec<String>,
    /// A passage of the body around the best hits, matched terms between [`SNIPPET_OPEN`] and
    /// [`SNIPPET_CLOSE`].
    pub snippet: String,
    /// Relevance: the negated bm25 score, so larger is better; only comparable within one query.
    pub score: f64,
}

/// One unit of a parsed user query.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Term {
    text: String,
    prefix: bool,
}

/// Rewrites free text into an FTS5 query that cannot be a syntax error, or `None` when nothing
/// searchable is left (empty, only punctuation).
///
/// `rocket attack` → `"rocket" "attack"`; `"exact phrase" idlib*` → `"exact phrase" "idlib"*`;
/// `AND -` → `"AND"`; an unbalanced `"` is ignored.
pub fn fts_query(input: &str) -> Option<String> {
    let terms = parse_terms(input);
    if terms.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(input.len() + 4 * terms.len());
    for (i, t) in terms.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push('"');
        out.push_str(&t.text.replace('"', "\"\""));
        out.push('"');
        if t.prefix {
            out.push('*');
        }
    }
    Some(out)
}

/// Splits input into words and balanced double-quoted phrases, keeping only those with something
/// the tokenizer indexes (a letter or digit): FTS5 rejects a phrase that tokenizes to nothing
/// followed by `*`, and a bare `""` would match nothing.
fn parse_terms(input: &str) -> Vec<Term> {
    // FTS5 ends a string at NUL ("unterminated string"); no control character is searchable.
    let cleaned: String = input.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let mut terms = Vec::new();
    let mut rest = cleaned.as_str();
    while terms.len() < MAX_QUERY_TERMS {
        rest = rest.trim_start();
        let Some(first) = rest.chars().next() else {
            break;
        };
        let (raw, after) = if first == '"' {
            match rest[1..].find('"') {
                // A balanced phrase: its content, then whatever follows the closing quote.
                Some(end) => (&rest[1..1 + end], &rest[end + 2..]),
                // A lone quote: drop it and read on as words.
                None => {
                    rest = &rest[1..];
                    continue;
                }
            }
        } else {
            let end = rest.find(|c: char| c.is_whitespace() || c == '"').unwrap_or(rest.len());
            (&rest[..end], &rest[end..])
        };
        // A `*` right after the word or the closing quote asks for a prefix search.
        let (raw, after, prefix) = if let Some(stripped) = after.strip_prefix('*') {
            (raw, stripped, true)
        } else if let Some(stripped) = raw.strip_suffix('*') {
            (stripped, after, true)
        } else {
            (raw, after, false)
        };
        rest = after;
        let text = raw.trim_matches('*').trim();
        if text.chars().any(char::is_alphanumeric) {
            terms.push(Term { text: text.to_string(), prefix });
        }
    }
    terms
}

const SEARCH: &str = "
SELECT a.pk, a.id, a.title, a.published, a.dateline_place,
       snippet(articles_fts, 1, ?3, ?4, ?5, ?6),
       bm25(articles_fts, ?7, 1.0) AS score
FROM articles_fts JOIN articles AS a ON a.pk = articles_fts.rowid
WHERE articles_fts MATCH ?1
ORDER BY score
LIMIT ?2";

const SOURCES: &str = "SELECT source FROM article_sources WHERE article_pk = ?1 ORDER BY position";

/// Runs a search; see [`Store::search`](crate::Store::search).
pub(crate) fn search(conn: &Connection, path: &Path, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
    let Some(fts) = fts_query(query) else {
        return Ok(Vec::new());
    };
    if limit == 0 {
        return Ok(Vec::new());
    }
    let err = |source| StoreError::Query { path: path.to_path_buf(), what: "searching", source };
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let mut stmt = conn.prepare_cached(SEARCH).map_err(err)?;
    let rows = stmt
        .query_map(
            params![fts, limit, SNIPPET_OPEN, SNIPPET_CLOSE, SNIPPET_ELLIPSIS, SNIPPET_TOKENS, TITLE_WEIGHT],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    SearchHit {
                        id: r.get(1)?,
                        title: r.get(2)?,
                        published: r.get(3)?,
                        place: r.get(4)?,
                        sources: Vec::new(),
                        snippet: r.get::<_, Option<String>>(5)?.unwrap_or_default(),
                        score: -r.get::<_, f64>(6)?,
                    },
                ))
            },
        )
        .map_err(err)?;
    let mut hits = Vec::new();
    let mut sources = conn.prepare_cached(SOURCES).map_err(err)?;
    for row in rows {
        let (pk, mut hit) = row.map_err(err)?;
        hit.sources = sources.query_map([pk], |r| r.get(0)).map_err(err)?.collect::<Result<_, _>>().map_err(err)?;
        hits.push(hit);
    }
    Ok(hits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_words_become_quoted_and_joined() {
        assert_eq!(fts_query("rocket attack").as_deref(), Some(r#""rocket" "attack""#));
    }

    #[test]
    fn operators_and_punctuation_are_defused() {
        assert_eq!(fts_query("Idlib AND").as_deref(), Some(r#""Idlib" "AND""#));
        assert_eq!(fts_query("-").as_deref(), None);
        assert_eq!(fts_query("\"").as_deref(), None);
        assert_eq!(fts_query("   ").as_deref(), None);
        assert_eq!(fts_query("***").as_deref(), None);
        assert_eq!(fts_query("a-b:c").as_deref(), Some(r#""a-b:c""#));
        assert_eq!(fts_query("NEAR(a b)").as_deref(), Some(r#""NEAR(a" "b)""#));
    }

    #[test]
    fn balanced_quotes_make_a_phrase_unbalanced_are_dropped() {
        assert_eq!(
            fts_query(r#""humanitarian corridor" Syria"#).as_deref(),
            Some(r#""humanitarian corridor" "Syria""#)
        );
        assert_eq!(
            fts_query(r#"Syria "humanitarian corridor"#).as_deref(),
            Some(r#""Syria" "humanitarian" "corridor""#)
        );
        assert_eq!(fts_query(r#"a"b"#).as_deref(), Some(r#""a" "b""#));
    }

    #[test]
    fn trailing_star_is_a_prefix() {
        assert_eq!(fts_query("refug*").as_deref(), Some(r#""refug"*"#));
        assert_eq!(fts_query(r#""kestrel ca"*"#).as_deref(), Some(r#""kestrel ca"*"#));
        assert_eq!(fts_query("*refug").as_deref(), Some(r#""refug""#));
    }

    #[test]
    fn embedded_quotes_in_words_are_escaped() {
        // A quote inside a word starts a new term; nothing reaches FTS5 unescaped.
        let q = fts_query("it's o\"neil").unwrap_or_default();
        assert_eq!(q, r#""it's" "o" "neil""#);
    }

    #[test]
    fn control_characters_separate_words() {
        assert_eq!(fts_query("kestrel\0corridor\u{7}").as_deref(), Some(r#""kestrel" "corridor""#));
    }

    #[test]
    fn term_count_is_capped() {
        let many = "word ".repeat(100);
        let q = fts_query(&many).unwrap_or_default();
        assert_eq!(q.matches('"').count(), 2 * MAX_QUERY_TERMS);
    }
}
