//! The corpus index: the most quoted speakers, the most widely named entities and the geocoded
//! places, from one pass over every record.

use std::collections::{HashMap, HashSet};

use dateline_analyze::{EntityType, Geo};
use serde::Serialize;

use super::records::LightRecord;
use super::{count_opt, display_name, most_frequent, most_frequent_type};
use crate::{Store, StoreError};

/// A speaker in the corpus index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EntitySummary {
    /// Canonical name.
    pub name: String,
    /// Most frequent type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Articles naming it.
    pub articles: u64,
    /// Mentions over all articles.
    pub mentions: u64,
}

/// A geocoded place in the corpus index.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlaceSummary {
    /// Canonical name.
    pub name: String,
    /// Type (GPE, LOC, FAC).
    #[serde(rename = "type")]
    pub kind: EntityType,
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

impl Store {
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
            kinds: HashMap<EntityType, u64>,
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
                    *acc.kinds.entry(e.kind).or_default() += 1;
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
                    kind: most_frequent_type(&acc.kinds)?,
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
            .filter_map(|(key, acc)| {
                Some(EntitySummary {
                    kind: most_frequent_type(&acc.kinds)?,
                    name: display_name(&acc.names).unwrap_or(key),
                    articles: acc.articles,
                    mentions: acc.mentions,
                })
            })
            .collect();
        entities
            .sort_by(|a, b| b.articles.cmp(&a.articles).then(b.mentions.cmp(&a.mentions)).then(a.name.cmp(&b.name)));
        let entity_count = entities.len() as u64;
        entities.truncate(top);
        Ok(CorpusIndex { articles, speaker_count, entity_count, place_count, speakers, entities, places })
    }
}
