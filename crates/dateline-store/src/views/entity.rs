//! An entity across the corpus: every article naming it, with what the articles say about it.

use std::collections::{HashMap, HashSet};

use dateline_analyze::{EntityType, Geo, Span};
use serde::Serialize;

use super::records::{Candidate, LightRecord};
use super::text::{excerpt, Excerpt};
use super::{count_opt, display_name, ranked, FacetCount, FACET_VALUES};
use crate::{Store, StoreError};

/// One article's mentions of an entity, with context.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RelatedEntity {
    /// Canonical name.
    pub name: String,
    /// Type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Articles naming both.
    pub count: u64,
}

impl Store {
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
        let mut related: HashMap<(String, EntityType), u64> = HashMap::new();
        let mut geo: Option<Geo> = None;
        let mut matches: Vec<(Candidate, String, u64, u64, Span)> = Vec::new();
        let (mut total_mentions, mut total_quotes) = (0u64, 0u64);
        for c in candidates {
            let record: LightRecord = self.parse(&c.id, &c.record_json)?;
            let Some(entity) = record.entities.iter().find(|e| e.name.to_lowercase() == key) else {
                continue;
            };
            *names.entry(entity.name.clone()).or_default() += 1;
            *types.entry(entity.kind.as_str().to_string()).or_default() += 1;
            count_opt(&mut titles, entity.title.as_deref());
            count_opt(&mut roles, entity.role.as_deref());
            count_opt(&mut countries, entity.country.as_deref().or(entity.geo.as_ref().map(|g| g.country.as_str())));
            if geo.is_none() {
                geo.clone_from(&entity.geo);
            }
            let mut seen = HashSet::new();
            for other in &record.entities {
                if other.name.to_lowercase() != key && seen.insert((other.name.clone(), other.kind)) {
                    *related.entry((other.name.clone(), other.kind)).or_default() += 1;
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
}
