//! The parts of a stored record the views parse, and the articles a name may be in (the full-text
//! index narrows them; the records then decide).

use dateline_analyze::{EntityType, Geo, QuoteKind, Span};
use rusqlite::Connection;
use serde::Deserialize;

use super::text::{Head, HEAD_CHARS};
use super::MAX_CANDIDATES;
use crate::search::fts_query;
use crate::{Store, StoreError};

/// The parts of a stored record the views read; unknown fields are skipped, so parsing is cheap.
#[derive(Debug, Deserialize)]
pub(super) struct LightRecord {
    #[serde(default)]
    pub(super) entities: Vec<LightEntity>,
    #[serde(default)]
    pub(super) quotes: Vec<LightQuote>,
}

#[derive(Debug, Deserialize)]
pub(super) struct LightEntity {
    pub(super) id: String,
    pub(super) name: String,
    #[serde(rename = "type")]
    pub(super) kind: EntityType,
    #[serde(default)]
    pub(super) title: Option<String>,
    #[serde(default)]
    pub(super) role: Option<String>,
    #[serde(default)]
    pub(super) country: Option<String>,
    #[serde(default)]
    pub(super) geo: Option<Geo>,
    #[serde(default)]
    pub(super) mentions: Vec<LightMention>,
}

#[derive(Debug, Deserialize)]
pub(super) struct LightMention {
    pub(super) span: Span,
}

#[derive(Debug, Deserialize)]
pub(super) struct LightQuote {
    #[serde(default)]
    pub(super) speaker: Option<String>,
    #[serde(default)]
    pub(super) speaker_name: Option<String>,
    #[serde(default)]
    pub(super) speaker_mention: Option<LightSpeakerMention>,
    pub(super) kind: QuoteKind,
    #[serde(default)]
    pub(super) cue: Option<String>,
    pub(super) content: String,
    pub(super) span: Span,
}

#[derive(Debug, Deserialize)]
pub(super) struct LightSpeakerMention {
    pub(super) text: String,
}

impl Store {
    /// Articles whose text holds every word of `name`, newest first: the superset an entity or
    /// speaker lookup then checks against the stored records.
    pub(super) fn candidates(&self, conn: &Connection, name: &str) -> Result<Vec<Candidate>, StoreError> {
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

    pub(super) fn text_of(&self, conn: &Connection, pk: i64) -> Result<String, StoreError> {
        let err = |source| self.query_err("reading an article's text", source);
        conn.prepare_cached("SELECT text FROM articles WHERE pk = ?1")
            .map_err(err)?
            .query_row([pk], |r| r.get(0))
            .map_err(err)
    }

    pub(super) fn parse(&self, id: &str, json: &str) -> Result<LightRecord, StoreError> {
        serde_json::from_str(json).map_err(|source| StoreError::CorruptRecord {
            path: self.path.clone(),
            id: id.to_string(),
            source,
        })
    }
}

/// A candidate article of an entity or speaker lookup.
#[derive(Debug)]
pub(super) struct Candidate {
    pub(super) pk: i64,
    pub(super) id: String,
    pub(super) headline: String,
    pub(super) published: Option<String>,
    pub(super) place: Option<String>,
    pub(super) record_json: String,
}

/// A name as full-text words that must all occur (no phrase, no prefix: a name's words occur in
/// any article naming it, not always side by side).
pub(super) fn name_query(name: &str) -> Option<String> {
    let words: String = name.chars().map(|c| if c == '"' || c == '*' { ' ' } else { c }).collect();
    fts_query(&words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_word_queries() {
        assert_eq!(name_query("Irina Volkova").as_deref(), Some(r#""Irina" "Volkova""#));
        assert_eq!(name_query("\"*").as_deref(), None);
    }
}
