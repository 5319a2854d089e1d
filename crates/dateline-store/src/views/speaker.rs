//! A speaker across the corpus: every quote attributed to the name, dated.

use std::collections::{BTreeMap, HashMap};

use dateline_analyze::{QuoteKind, Span};
use serde::Serialize;

use super::records::{LightQuote, LightRecord};
use super::{count_opt, display_name, ranked, FacetCount, FACET_VALUES};
use crate::{Store, StoreError};

/// One quote of a speaker.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
    pub kind: QuoteKind,
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

impl Store {
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
                    kind: q.kind,
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
}
