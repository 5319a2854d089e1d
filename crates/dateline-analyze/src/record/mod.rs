//! The analysis record: the JSON contract of docs/RECORD.md as Rust types.
//!
//! Field names are fixed by the contract; fields may be added, never renamed without a version
//! bump. Every `span` is a byte range into [`Analysis::text`].

use serde::{Deserialize, Serialize};

mod sets;

pub use sets::{EntityType, MentionVia, Qualifier, QuoteKind, Stage};

pub use dateline_text::{Format, Header, RepairKind, SourceRef, Span, TextRepair};

/// Everything dateline knows about one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Analysis {
    /// First 16 hex digits of the SHA-256 of `text`: the same text always gets the same id.
    pub id: String,
    /// Where the article came from.
    pub source: SourceRef,
    /// ISO 639-1 code of the article's language (`und` when the text is too short to tell).
    pub language: String,
    /// How sure language identification was, 0..=1 (`null` when the source gave the language).
    /// A language other than English that is not reliably detected is `und`, and the English
    /// stages run.
    #[serde(default)]
    pub language_confidence: Option<f32>,
    /// Stages that did not run because they do not apply (English-only stages on other
    /// languages); their fields are empty.
    #[serde(default)]
    pub skipped_stages: Vec<Stage>,
    /// Stages whose output was cut at a documented cap (`entities`, `quotes`, ...; see
    /// docs/RECORD.md): what they report covers the article up to the cap. Absent when nothing
    /// was cut, which is every ordinary article.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub truncated_stages: Vec<Stage>,
    /// Headline, when the source gave one.
    pub title: Option<String>,
    /// The author: the source's metadata, else the byline of the lead.
    #[serde(default)]
    pub author: Option<String>,
    /// The crawl header line (`date`, `author`), when there was one.
    pub header: Option<Header>,
    /// The wire dateline that opens the body, when there is one.
    pub dateline: Option<Dateline>,
    /// The best publication date known (ISO 8601).
    pub published: Option<String>,
    /// What stands before the body (headline, byline, date lines) and where the body starts.
    #[serde(default)]
    pub lead: Option<LeadBlock>,
    /// The normalised body text.
    pub text: String,
    /// Offsets of the line breaks that only wrapped a paragraph and are spaces in `text`
    /// (one byte each way, so no other offset moves).
    #[serde(default)]
    pub line_joins: Vec<usize>,
    /// Repairs made to `text` or proposed for it.
    pub text_repairs: Vec<TextRepair>,
    /// Named entities with their mentions.
    pub entities: Vec<Entity>,
    /// Direct, indirect and partial quotes.
    pub quotes: Vec<Quote>,
    /// Time expressions, resolved.
    pub times: Vec<TimeExpr>,
    /// Amounts with unit and qualifier.
    pub amounts: Vec<Amount>,
    /// Tone of the article (VADER and GDELT V2Tone fields) and of each speaker; `null` when the
    /// tone stage did not run (other languages).
    pub tone: Option<Tone>,
    /// Near-duplicate fingerprint: the MinHash signature the store clusters stories with.
    pub fingerprint: Option<Fingerprint>,
}

/// A wire dateline: `MOSCOW (Riverside Wire / Tass - 18th September, 2019)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Dateline {
    /// The place, properly cased (`Moscow`).
    pub place: Option<String>,
    /// ISO 3166-1 alpha-2 code of the place's country, when resolved.
    pub country: Option<String>,
    /// Wire agencies and outlets credited, in order.
    pub sources: Vec<String>,
    /// The date, ISO 8601, resolved against the header or publication date when it has no year.
    pub date: Option<String>,
    /// The dateline's extent in `text`, including its closing dash or colon.
    pub span: Span,
}

/// The lead of a page: spans in `text` of what stands before the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LeadBlock {
    /// Where the body starts: the dateline's line, else the first paragraph of prose.
    pub body_start: usize,
    /// The headline line.
    #[serde(default)]
    pub title: Option<Span>,
    /// The byline.
    #[serde(default)]
    pub byline: Option<Span>,
    /// Dates printed in the lead.
    #[serde(default)]
    pub dates: Vec<Span>,
}

/// A named entity and all its mentions in the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Entity {
    /// Article-local id (`e1`, `e2`, ...).
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// PERSON, ORG, GPE, LOC, NORP, FAC or EVENT.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Title ("Col. Gen.", "President").
    pub title: Option<String>,
    /// Role from an apposition or modifier.
    pub role: Option<String>,
    /// ISO 3166-1 alpha-2 country.
    pub country: Option<String>,
    /// Coordinates, when resolved.
    pub geo: Option<Geo>,
    /// Every mention.
    pub mentions: Vec<Mention>,
}

/// A resolved place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Geo {
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// GeoNames id.
    pub geonames_id: u64,
    /// ISO 3166-1 alpha-2 country.
    pub country: String,
}

/// One mention of an entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Mention {
    /// The mention as written.
    pub text: String,
    /// Where.
    pub span: Span,
    /// How it was linked when not by name (`coreference`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<MentionVia>,
}

/// A quote and its speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Quote {
    /// Entity id of the speaker.
    pub speaker: Option<String>,
    /// The speaker entity's name.
    pub speaker_name: Option<String>,
    /// The mention that names the speaker at this quote.
    pub speaker_mention: Option<SpeakerMention>,
    /// Entity id of the organisation the speaker speaks for or belongs to, when the mention names
    /// one ("a spokesman for the ministry", "officials at the Harbour Authority"); absent from the
    /// JSON when there is none (records written before the field existed read as none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_affiliation: Option<String>,
    /// `direct`, `indirect` or `partial`.
    pub kind: QuoteKind,
    /// The cue ("said", "according to").
    pub cue: Option<String>,
    /// What was said, without quote marks.
    pub content: String,
    /// Where the content is.
    pub span: Span,
    /// How sure the attribution is, 0 to 1: of `speaker` when it is resolved, else of
    /// `speaker_mention` alone; 0 when there is neither.
    #[serde(default)]
    pub confidence: f32,
    /// VADER compound of the content, -1 to +1 (`null` when the tone stage did not run).
    #[serde(default)]
    pub tone: Option<f64>,
}

/// The mention of a speaker at one quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SpeakerMention {
    /// As written.
    pub text: String,
    /// Where.
    pub span: Span,
}

/// A time expression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimeExpr {
    /// As written.
    pub text: String,
    /// ISO 8601 at the precision the text gives.
    pub value: String,
    /// Where.
    pub span: Span,
}

/// An amount.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Amount {
    /// As written.
    pub text: String,
    /// The number.
    pub value: f64,
    /// What the number counts, in words: the counted noun as written ("people", "cubic
    /// metres"), `percent`, or for money the currency's name ("dollars", "euros"; as written
    /// when the text spells it, "roubles"), whether the text wrote a sign or a word.
    pub unit: Option<String>,
    /// For money, the ISO 4217 code the currency resolves to ("USD" for "$" and "US dollars",
    /// "AUD" for "A$"): `unit` keeps the words a reader expects, this the code that sums.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// approximately, more than, less than, at least, at most, exactly.
    pub qualifier: Option<Qualifier>,
    /// Entity id the amount is about.
    pub about: Option<String>,
    /// Where.
    pub span: Span,
}

/// Tone scores: the GDELT V2Tone fields, the VADER compound, and one aggregate per speaker
/// (definitions in docs/RECORD.md).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Tone {
    /// positive minus negative (GDELT "Tone"), -100 to +100.
    pub score: f64,
    /// Share of words with positive valence, percent.
    pub positive: f64,
    /// Share of words with negative valence, percent.
    pub negative: f64,
    /// Share of words with any valence (positive plus negative), percent.
    #[serde(default)]
    pub polarity: f64,
    /// Share of words that are activity verbs, percent.
    #[serde(default)]
    pub activity_density: f64,
    /// Share of words that are personal pronouns, percent.
    #[serde(default)]
    pub self_group_density: f64,
    /// Words counted (tokens with a letter or digit).
    #[serde(default)]
    pub word_count: usize,
    /// Mean VADER compound of the sentences, -1 to +1.
    #[serde(default)]
    pub compound: f64,
    /// Tone of each quoted speaker, in the order they are first quoted.
    #[serde(default)]
    pub speakers: Vec<SpeakerTone>,
}

/// The tone of one speaker's quotes in an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SpeakerTone {
    /// Entity id of the speaker.
    pub speaker: String,
    /// The speaker entity's name.
    pub name: Option<String>,
    /// Quotes attributed to the speaker.
    pub quotes: usize,
    /// Mean tone (VADER compound) of those quotes, -1 to +1.
    pub tone: f64,
}

/// Near-duplicate fingerprint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Fingerprint {
    /// MinHash signature, base64.
    pub minhash: String,
}

impl Analysis {
    /// A record of `text` from `source` with nothing found yet: the id computed, language `en`,
    /// every stage empty. For records built by hand (tests, benchmarks, importers), which then
    /// fill in what they know with struct update syntax.
    pub fn bare(text: &str, source: SourceRef) -> Analysis {
        Analysis {
            id: crate::content_id(text),
            source,
            language: "en".into(),
            language_confidence: None,
            skipped_stages: Vec::new(),
            truncated_stages: Vec::new(),
            title: None,
            author: None,
            header: None,
            dateline: None,
            published: None,
            lead: None,
            text: text.to_string(),
            line_joins: Vec::new(),
            text_repairs: Vec::new(),
            entities: Vec::new(),
            quotes: Vec::new(),
            times: Vec::new(),
            amounts: Vec::new(),
            tone: None,
            fingerprint: None,
        }
    }

    /// Every span in the record, with a label saying where it came from (for invariant checks).
    pub fn spans(&self) -> Vec<(&'static str, Span)> {
        let mut out = Vec::new();
        if let Some(l) = &self.lead {
            out.extend(l.title.map(|s| ("lead.title", s)));
            out.extend(l.byline.map(|s| ("lead.byline", s)));
            out.extend(l.dates.iter().map(|&s| ("lead.dates", s)));
        }
        if let Some(d) = &self.dateline {
            out.push(("dateline", d.span));
        }
        out.extend(self.text_repairs.iter().map(|r| ("text_repairs", r.span)));
        for e in &self.entities {
            out.extend(e.mentions.iter().map(|m| ("entities.mentions", m.span)));
        }
        for q in &self.quotes {
            out.push(("quotes", q.span));
            if let Some(m) = &q.speaker_mention {
                out.push(("quotes.speaker_mention", m.span));
            }
        }
        out.extend(self.times.iter().map(|t| ("times", t.span)));
        out.extend(self.amounts.iter().map(|a| ("amounts", a.span)));
        out
    }
}
