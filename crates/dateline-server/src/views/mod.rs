//! View models: what the templates show, computed from the store's records and views.

pub mod annotate;
pub mod html;
pub mod map;
pub mod timeline;

use std::collections::BTreeMap;

use dateline_analyze::{Analysis, EntityType, Qualifier, QuoteKind};
use dateline_store::views::derive_headline;
use serde::Serialize;

use self::annotate::{annotate, entity_label, number};
use self::html::segment;

/// Entity types in the order the article sidebar lists them.
const TYPE_ORDER: [EntityType; 7] = [
    EntityType::Person,
    EntityType::Org,
    EntityType::Gpe,
    EntityType::Loc,
    EntityType::Fac,
    EntityType::Norp,
    EntityType::Event,
];

/// An article page.
#[derive(Debug, Serialize)]
pub struct ArticleView {
    pub id: String,
    pub headline: String,
    pub has_title: bool,
    pub published: Option<String>,
    pub language: String,
    pub author: Option<String>,
    /// The source URL, only when it is http(s) (so a link can never be `javascript:`).
    pub url: Option<String>,
    pub source_label: String,
    pub format: String,
    pub dateline: Option<DatelineView>,
    /// The annotated body: HTML built by [`annotate`], every text piece escaped.
    pub body_html: String,
    pub entity_groups: Vec<EntityGroup>,
    pub quotes: Vec<QuoteView>,
    pub times: Vec<TimeView>,
    pub amounts: Vec<AmountView>,
    pub repairs: Vec<RepairView>,
    pub words: usize,
}

#[derive(Debug, Serialize)]
pub struct DatelineView {
    pub place: Option<String>,
    pub country: Option<String>,
    pub sources: Vec<String>,
    pub date: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct EntityGroup {
    pub kind: EntityType,
    pub label: String,
    pub items: Vec<EntityView>,
}

#[derive(Debug, Serialize)]
pub struct EntityView {
    pub id: String,
    pub name: String,
    pub href: String,
    pub mentions: usize,
    pub title: Option<String>,
    pub role: Option<String>,
    pub geo: Option<String>,
    pub quotes: usize,
}

#[derive(Debug, Serialize)]
pub struct QuoteView {
    pub n: usize,
    pub anchor: String,
    pub speaker: Option<String>,
    pub speaker_href: Option<String>,
    pub mention: Option<String>,
    pub kind: QuoteKind,
    pub cue: Option<String>,
    pub content: String,
}

#[derive(Debug, Serialize)]
pub struct TimeView {
    pub text: String,
    pub value: String,
}

#[derive(Debug, Serialize)]
pub struct AmountView {
    pub text: String,
    pub value: String,
    pub unit: Option<String>,
    pub currency: Option<String>,
    pub qualifier: Option<Qualifier>,
    pub about: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct RepairView {
    pub anchor: String,
    pub kind: String,
    pub guess: Option<String>,
    pub original: Option<String>,
    pub confidence: u32,
}

/// The page model of an article.
pub fn article_view(a: &Analysis) -> ArticleView {
    let body_start = a.dateline.as_ref().map_or(0, |d| d.span.1);
    let headline = match a.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => t.to_string(),
        None => derive_headline(a.text.get(body_start..).unwrap_or(&a.text)),
    };
    let mut groups: BTreeMap<usize, EntityGroup> = BTreeMap::new();
    for e in &a.entities {
        let rank = TYPE_ORDER.iter().position(|&t| t == e.kind).unwrap_or(TYPE_ORDER.len());
        let group = groups.entry(rank).or_insert_with(|| EntityGroup {
            kind: e.kind,
            label: plural(entity_label(e.kind)),
            items: Vec::new(),
        });
        group.items.push(EntityView {
            id: e.id.clone(),
            name: e.name.clone(),
            href: format!("/entity/{}", segment(&e.name)),
            mentions: e.mentions.len(),
            title: e.title.clone(),
            role: e.role.clone(),
            geo: e.geo.as_ref().map(|g| format!("{:.4}, {:.4}", g.lat, g.lon)),
            quotes: a.quotes.iter().filter(|q| q.speaker.as_deref() == Some(e.id.as_str())).count(),
        });
    }
    for g in groups.values_mut() {
        g.items.sort_by(|x, y| y.mentions.cmp(&x.mentions).then_with(|| x.name.cmp(&y.name)));
    }
    let url = a.source.url.clone().filter(|u| u.starts_with("https://") || u.starts_with("http://"));
    ArticleView {
        id: a.id.clone(),
        has_title: a.title.is_some(),
        headline,
        published: a.published.clone(),
        language: a.language.clone(),
        author: a.header.as_ref().and_then(|h| h.author.clone()),
        source_label: url.clone().or_else(|| a.source.path.clone()).unwrap_or_else(|| "unknown source".to_string()),
        url,
        format: format!("{:?}", a.source.format).to_lowercase(),
        dateline: a.dateline.as_ref().map(|d| DatelineView {
            place: d.place.clone(),
            country: d.country.clone(),
            sources: d.sources.clone(),
            date: d.date.clone(),
        }),
        body_html: annotate(a),
        entity_groups: groups.into_values().collect(),
        quotes: a
            .quotes
            .iter()
            .enumerate()
            .map(|(i, q)| QuoteView {
                n: i + 1,
                anchor: format!("q-{i}"),
                speaker: q.speaker_name.clone(),
                speaker_href: q.speaker_name.as_ref().map(|n| format!("/speaker/{}", segment(n))),
                mention: q.speaker_mention.as_ref().map(|m| m.text.clone()),
                kind: q.kind,
                cue: q.cue.clone(),
                content: q.content.clone(),
            })
            .collect(),
        times: a.times.iter().map(|t| TimeView { text: t.text.clone(), value: t.value.clone() }).collect(),
        amounts: a
            .amounts
            .iter()
            .map(|m| AmountView {
                text: m.text.clone(),
                value: number(m.value),
                unit: m.unit.clone(),
                currency: m.currency.clone(),
                qualifier: m.qualifier,
                about: m.about.as_ref().and_then(|id| a.entities.iter().find(|e| &e.id == id)).map(|e| e.name.clone()),
            })
            .collect(),
        repairs: a
            .text_repairs
            .iter()
            .enumerate()
            .map(|(i, r)| RepairView {
                anchor: format!("fix-{i}"),
                kind: format!("{:?}", r.kind),
                guess: r.guess.clone(),
                original: r.original.clone(),
                confidence: (f64::from(r.confidence) * 100.0).round().clamp(0.0, 100.0) as u32,
            })
            .collect(),
        words: a.text.split_whitespace().count(),
    }
}

fn plural(label: &str) -> String {
    match label {
        "Person" => "People".to_string(),
        "Facility" => "Facilities".to_string(),
        "Group" => "Groups".to_string(),
        other => format!("{other}s"),
    }
}
