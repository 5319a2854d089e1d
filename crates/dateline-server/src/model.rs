//! The JSON shapes of the API, with their OpenAPI schemas.
//!
//! These mirror the store's view types field by field (the store does not depend on utoipa), so
//! the documented schema and the wire format come from one definition, and a change in the store
//! that would change the API fails to compile here instead of drifting silently. The analysis
//! record (`GET /api/articles/{id}`) and the coordinates of places are not mirrored: their
//! schemas are derived on the record types themselves (`dateline_analyze::Analysis`, `Geo`, with
//! the `openapi` feature of dateline-analyze), so the record's contract has one source.

use dateline_analyze::{EntityType, Geo, QuoteKind};
use dateline_store::views::{
    ArticleHit, EntityArticle, EntitySummary, Excerpt, FacetCount, Facets, PlaceSummary, RelatedEntity, SpeakerQuote,
    SpeakerSummary,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Largest `per_page` any list accepts.
pub const MAX_PER_PAGE: usize = 100;
/// Default `per_page`.
pub const DEFAULT_PER_PAGE: usize = 20;
/// Deepest page any list serves: `page * per_page` past this is refused rather than scanned.
pub const MAX_OFFSET: usize = 10_000;

/// Pagination of a list: 1-based `page`, `per_page` up to 100.
#[derive(Debug, Clone, Copy, Default, Deserialize, IntoParams, ToSchema)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Page number, from 1.
    #[param(minimum = 1, example = 1)]
    pub page: Option<usize>,
    /// Items per page (1 to 100, default 20).
    #[param(minimum = 1, maximum = 100, example = 20)]
    pub per_page: Option<usize>,
}

/// Where a page sits in its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Paging {
    /// This page, from 1.
    pub page: usize,
    /// Items per page.
    pub per_page: usize,
    /// Items in the whole list.
    pub total: u64,
    /// Pages in the whole list (0 for an empty list).
    pub pages: u64,
}

impl Paging {
    /// The paging of `total` items for this request.
    pub fn new(page: usize, per_page: usize, total: u64) -> Paging {
        let per = per_page.max(1) as u64;
        Paging { page, per_page, total, pages: total.div_ceil(per) }
    }
}

/// A value of a facet with its count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Count {
    /// The value.
    pub value: String,
    /// How many articles (or quotes) have it.
    pub count: u64,
}

impl From<FacetCount> for Count {
    fn from(f: FacetCount) -> Count {
        Count { value: f.value, count: f.count }
    }
}

fn counts(v: Vec<FacetCount>) -> Vec<Count> {
    v.into_iter().map(Count::from).collect()
}

/// The search filters (all optional; all given ones must hold).
#[derive(Debug, Clone, Default, Deserialize, Serialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Free text: all words must occur; "an exact phrase" in double quotes; `word*` for a prefix.
    #[param(example = "grain corridor")]
    pub q: Option<String>,
    /// Dateline place, exactly (case-insensitive).
    #[param(example = "Moscow")]
    pub place: Option<String>,
    /// Dateline country, ISO 3166-1 alpha-2.
    #[param(example = "RU")]
    pub country: Option<String>,
    /// A wire credit of the dateline.
    #[param(example = "Reuters")]
    pub source: Option<String>,
    /// Language code (ISO 639-1).
    #[param(example = "en")]
    pub language: Option<String>,
    /// An entity the article names (canonical name, case-insensitive).
    pub entity: Option<String>,
    /// A speaker quoted in the article (canonical name, case-insensitive).
    pub speaker: Option<String>,
    /// Published on or after (ISO 8601 date or prefix: `2021`, `2021-07`, `2021-07-02`).
    #[param(example = "2021-01-01")]
    pub from: Option<String>,
    /// Published on or before (inclusive of the whole period: `2021-07` runs to July 31).
    pub to: Option<String>,
    /// `relevance` (default; newest first without a text query), `newest` or `oldest`.
    pub sort: Option<String>,
    /// Page number, from 1.
    #[param(minimum = 1)]
    pub page: Option<usize>,
    /// Results per page (1 to 100, default 20).
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<usize>,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Hit {
    /// Article id: `GET /api/articles/{id}`.
    pub id: String,
    /// Headline as published, when there was one.
    pub title: Option<String>,
    /// The headline, or the opening of the first sentence of an untitled article.
    pub headline: String,
    /// Best publication date known (ISO 8601).
    pub published: Option<String>,
    /// Dateline place.
    pub place: Option<String>,
    /// Dateline country (ISO 3166-1 alpha-2).
    pub country: Option<String>,
    /// Language code.
    pub language: String,
    /// Wire credits of the dateline, in order.
    pub sources: Vec<String>,
    /// Passage around the matched terms, which are between `[` and `]`; the lead of the body
    /// when there is no text query.
    pub snippet: String,
    /// Relevance (larger is better; only comparable within one query); null without a text query.
    pub score: Option<f64>,
    /// The story of the article's versions: `GET /api/stories/{id}`.
    pub story: Option<i64>,
    /// Versions in that story, this one included (1 when the article stands alone).
    pub versions: u64,
}

impl From<ArticleHit> for Hit {
    fn from(h: ArticleHit) -> Hit {
        Hit {
            id: h.id,
            title: h.title,
            headline: h.headline,
            published: h.published,
            place: h.place,
            country: h.country,
            language: h.language,
            sources: h.sources,
            snippet: h.snippet,
            score: h.score,
            story: h.story,
            versions: h.versions,
        }
    }
}

/// Counts of all matches by facet, most frequent first (years: newest first).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct FacetSet {
    /// Dateline places.
    pub places: Vec<Count>,
    /// Dateline countries.
    pub countries: Vec<Count>,
    /// Wire credits.
    pub sources: Vec<Count>,
    /// Languages.
    pub languages: Vec<Count>,
    /// Publication years.
    pub years: Vec<Count>,
}

impl From<Facets> for FacetSet {
    fn from(f: Facets) -> FacetSet {
        FacetSet {
            places: counts(f.places),
            countries: counts(f.countries),
            sources: counts(f.sources),
            languages: counts(f.languages),
            years: counts(f.years),
        }
    }
}

/// A page of search results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct SearchResponse {
    /// Where this page sits; `total` counts every match (up to 20,000).
    pub paging: Paging,
    /// False when more than 20,000 articles matched and `paging.total` is a lower bound.
    pub total_is_exact: bool,
    /// The results of this page.
    pub hits: Vec<Hit>,
    /// Facets of all matches, for narrowing the search.
    pub facets: FacetSet,
}

/// A passage with a marked part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ExcerptOut {
    /// Text before (starts with `…` when cut).
    pub before: String,
    /// The marked part.
    pub marked: String,
    /// Text after (ends with `…` when cut).
    pub after: String,
}

impl From<Excerpt> for ExcerptOut {
    fn from(e: Excerpt) -> ExcerptOut {
        ExcerptOut { before: e.before, marked: e.marked, after: e.after }
    }
}

/// One article naming an entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct EntityArticleOut {
    /// Article id.
    pub id: String,
    /// Headline (derived from the text when untitled).
    pub headline: String,
    /// Publication date.
    pub published: Option<String>,
    /// Dateline place.
    pub place: Option<String>,
    /// The entity's id inside that article (`e3`).
    pub entity_id: String,
    /// Mentions in the article.
    pub mentions: u64,
    /// Quotes by the entity in the article.
    pub quotes: u64,
    /// The first mention in context.
    pub excerpt: ExcerptOut,
}

impl From<EntityArticle> for EntityArticleOut {
    fn from(a: EntityArticle) -> EntityArticleOut {
        EntityArticleOut {
            id: a.id,
            headline: a.headline,
            published: a.published,
            place: a.place,
            entity_id: a.entity_id,
            mentions: a.mentions,
            quotes: a.quotes,
            excerpt: a.excerpt.into(),
        }
    }
}

/// An entity named alongside another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct RelatedOut {
    /// Canonical name.
    pub name: String,
    /// Entity type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Articles naming both.
    pub count: u64,
}

impl From<RelatedEntity> for RelatedOut {
    fn from(r: RelatedEntity) -> RelatedOut {
        RelatedOut { name: r.name, kind: r.kind, count: r.count }
    }
}

/// An entity across the corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct EntityResponse {
    /// Canonical name.
    pub name: String,
    /// Types it was given, most frequent first.
    pub types: Vec<Count>,
    /// Titles seen.
    pub titles: Vec<Count>,
    /// Roles seen.
    pub roles: Vec<Count>,
    /// Countries seen.
    pub countries: Vec<Count>,
    /// Coordinates, when geocoded.
    pub geo: Option<Geo>,
    /// Mentions over all articles.
    pub total_mentions: u64,
    /// Quotes attributed to it.
    pub total_quotes: u64,
    /// Entities named in the same articles.
    pub related: Vec<RelatedOut>,
    /// Where this page of articles sits; `total` is the number of articles naming it.
    pub paging: Paging,
    /// This page of articles, newest first.
    pub articles: Vec<EntityArticleOut>,
}

/// One quote on a speaker page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct QuoteOut {
    /// The article.
    pub article_id: String,
    /// Its headline.
    pub headline: String,
    /// Its publication date: the date of the quote.
    pub published: Option<String>,
    /// Its dateline place.
    pub place: Option<String>,
    /// Index of the quote in the article record's `quotes`.
    pub index: usize,
    /// `direct`, `indirect` or `partial`.
    pub kind: QuoteKind,
    /// The cue ("said").
    pub cue: Option<String>,
    /// What was said.
    pub content: String,
    /// How the speaker was named at this quote.
    pub speaker_mention: Option<String>,
    /// `[start, end)` byte offsets of the content in the article's text.
    pub span: [usize; 2],
}

impl From<SpeakerQuote> for QuoteOut {
    fn from(q: SpeakerQuote) -> QuoteOut {
        QuoteOut {
            article_id: q.article_id,
            headline: q.headline,
            published: q.published,
            place: q.place,
            index: q.index,
            kind: q.kind,
            cue: q.cue,
            content: q.content,
            speaker_mention: q.speaker_mention,
            span: [q.span.0, q.span.1],
        }
    }
}

/// A speaker across the corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct SpeakerResponse {
    /// Canonical name.
    pub name: String,
    /// Titles seen.
    pub titles: Vec<Count>,
    /// Roles seen.
    pub roles: Vec<Count>,
    /// Articles quoting the speaker.
    pub total_articles: u64,
    /// Quotes per publication date, oldest first: the timeline.
    pub timeline: Vec<Count>,
    /// Where this page of quotes sits; `total` is the number of quotes.
    pub paging: Paging,
    /// This page of quotes, newest first.
    pub quotes: Vec<QuoteOut>,
}

/// A speaker in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct SpeakerItem {
    /// Canonical name: `GET /api/speakers/{name}`.
    pub name: String,
    /// Quotes attributed.
    pub quotes: u64,
    /// Articles quoting them.
    pub articles: u64,
    /// Most frequent title or role.
    pub description: Option<String>,
}

impl From<SpeakerSummary> for SpeakerItem {
    fn from(s: SpeakerSummary) -> SpeakerItem {
        SpeakerItem { name: s.name, quotes: s.quotes, articles: s.articles, description: s.description }
    }
}

/// Speakers, most quoted first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct SpeakerList {
    /// Where this page sits.
    pub paging: Paging,
    /// This page.
    pub items: Vec<SpeakerItem>,
}

/// An entity in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct EntityItem {
    /// Canonical name: `GET /api/entities/{name}`.
    pub name: String,
    /// Most frequent type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Articles naming it.
    pub articles: u64,
    /// Mentions over all articles.
    pub mentions: u64,
}

impl From<EntitySummary> for EntityItem {
    fn from(e: EntitySummary) -> EntityItem {
        EntityItem { name: e.name, kind: e.kind, articles: e.articles, mentions: e.mentions }
    }
}

/// Entities, most widely named first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct EntityList {
    /// Where this page sits.
    pub paging: Paging,
    /// This page.
    pub items: Vec<EntityItem>,
}

/// Filter of the entity list.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EntityListParams {
    /// Only this type: PERSON, ORG, GPE, LOC, NORP, FAC or EVENT.
    #[serde(rename = "type")]
    #[param(rename = "type", example = "PERSON")]
    pub kind: Option<String>,
    /// Page number, from 1.
    #[param(minimum = 1)]
    pub page: Option<usize>,
    /// Items per page (1 to 100, default 20).
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<usize>,
}

/// A geocoded place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PlaceItem {
    /// Canonical name.
    pub name: String,
    /// Entity type (GPE, LOC, FAC).
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Coordinates.
    pub geo: Geo,
    /// Articles naming it.
    pub articles: u64,
    /// Articles datelined there.
    pub datelined: u64,
}

impl From<PlaceSummary> for PlaceItem {
    fn from(p: PlaceSummary) -> PlaceItem {
        PlaceItem { name: p.name, kind: p.kind, geo: p.geo, articles: p.articles, datelined: p.datelined }
    }
}

/// Geocoded places, most widely named first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PlaceList {
    /// Where this page sits.
    pub paging: Paging,
    /// This page.
    pub items: Vec<PlaceItem>,
}

/// What the store holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct StatsResponse {
    /// Articles stored.
    pub articles: u64,
    /// Earliest publication date.
    pub first_published: Option<String>,
    /// Latest publication date.
    pub last_published: Option<String>,
    /// Wire credits, most frequent first (top 20).
    pub sources: Vec<Count>,
    /// Dateline places, most frequent first (top 20).
    pub places: Vec<Count>,
    /// UTF-8 bytes of article text.
    pub bytes_of_text: u64,
    /// Text repairs made or proposed.
    pub repairs: u64,
    /// Schema version of the store file.
    pub schema_version: u32,
    /// Distinct speakers quoted.
    pub speakers: u64,
    /// Distinct entities named.
    pub entities: u64,
    /// Whether `POST /api/ingest` is enabled (the server was started with a token).
    pub writable: bool,
}

/// The outcome of `POST /api/ingest`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct IngestResponse {
    /// Lines read.
    pub received: usize,
    /// Articles stored.
    pub stored: usize,
    /// Articles whose text was already stored.
    pub duplicates: usize,
    /// Ids of the analysed articles, in input order (stored or duplicate).
    pub ids: Vec<String>,
    /// Lines that could not be read or stored, with the reason.
    pub errors: Vec<String>,
    /// What became of each non-blank line, in input order: one bad line never costs the others.
    pub lines: Vec<IngestLine>,
}

/// What `POST /api/ingest` did with one line of the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct IngestLine {
    /// Line number in the body, from 1 (blank lines count but get no entry).
    pub line: usize,
    /// `stored`, `duplicate` (the text was stored already), `rejected` (analysed but the store
    /// cannot take it, e.g. a record over the size limit) or `invalid` (not a readable article).
    pub status: LineStatus,
    /// The article's id, once analysed.
    pub id: Option<String>,
    /// Why the line was rejected or invalid.
    pub error: Option<String>,
}

/// The outcome of one ingested line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LineStatus {
    /// Newly stored.
    Stored,
    /// Its text was already stored.
    Duplicate,
    /// Analysed, but the store cannot take it.
    Rejected,
    /// Not a readable article (bad JSON, no text, over the size limit, empty).
    Invalid,
}

/// Where a story most likely came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct OriginOut {
    /// The wire credits carried by the most versions.
    pub credits: Vec<String>,
    /// The version most likely to be the original (article id).
    pub article: String,
    /// Which clue decided: `credit+earliest`, `earliest` or `most_complete`.
    pub reason: String,
    /// The earliest dated version.
    pub earliest: Option<String>,
    /// The version with the most text.
    pub most_complete: Option<String>,
    /// Versions that carry the story without any of its credits.
    pub uncredited: Vec<String>,
}

impl From<dateline_store::Origin> for OriginOut {
    fn from(o: dateline_store::Origin) -> OriginOut {
        OriginOut {
            credits: o.credits,
            article: o.article,
            reason: o.reason.to_string(),
            earliest: o.earliest,
            most_complete: o.most_complete,
            uncredited: o.uncredited,
        }
    }
}

/// A story: articles that are versions of one text (republications, edits).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct StoryItem {
    /// Story id: `GET /api/stories/{id}`.
    pub id: i64,
    /// Versions (articles) in it.
    pub size: u64,
    /// Earliest publication date among them.
    pub first_seen: String,
    /// Latest.
    pub last_seen: String,
    /// Headline of the origin version, else of any version that has one.
    pub title: Option<String>,
    /// The likely origin.
    pub origin: Option<OriginOut>,
}

impl From<dateline_store::StorySummary> for StoryItem {
    fn from(s: dateline_store::StorySummary) -> StoryItem {
        StoryItem {
            id: s.id,
            size: s.size,
            first_seen: s.first_seen,
            last_seen: s.last_seen,
            title: s.title,
            origin: s.origin.map(OriginOut::from),
        }
    }
}

/// Stories, largest first, then most recently seen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct StoryList {
    /// Where this page sits.
    pub paging: Paging,
    /// This page.
    pub items: Vec<StoryItem>,
}

/// One event: different stories about one happening, side by side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct EventItem {
    /// Event id: `GET /api/events/{id}`.
    pub id: i64,
    /// Stories in it.
    pub size: u64,
    /// Earliest date among its articles.
    pub first_seen: String,
    /// Latest.
    pub last_seen: String,
    /// Its stories, most versions first (at most 200 for one event, 5 per event in the listing;
    /// `size` counts them all).
    pub stories: Vec<StoryItem>,
}

impl From<dateline_store::Event> for EventItem {
    fn from(e: dateline_store::Event) -> EventItem {
        EventItem {
            id: e.id,
            size: e.size,
            first_seen: e.first_seen,
            last_seen: e.last_seen,
            stories: e.stories.into_iter().map(StoryItem::from).collect(),
        }
    }
}

/// A page of events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct EventList {
    /// Where this page sits.
    pub paging: Paging,
    /// This page.
    pub items: Vec<EventItem>,
}

/// Filter of the event list.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventListParams {
    /// Only events with at least this many stories (default 2; 1 lists lone stories too).
    #[param(minimum = 1, example = 2)]
    pub min_stories: Option<u64>,
    /// Page number, from 1.
    #[param(minimum = 1)]
    pub page: Option<usize>,
    /// Items per page (1 to 100, default 20).
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<usize>,
}

/// Filter of the story list.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StoryListParams {
    /// Only stories with at least this many versions (default 2; 1 lists single articles too).
    #[param(minimum = 1, example = 2)]
    pub min_size: Option<u64>,
    /// Page number, from 1.
    #[param(minimum = 1)]
    pub page: Option<usize>,
    /// Items per page (1 to 100, default 20).
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<usize>,
}

/// One version of a story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct StoryMemberOut {
    /// Article id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// File or URL it came from.
    pub source: Option<String>,
    /// Wire credits of its dateline.
    pub sources: Vec<String>,
    /// Distinct shingles (how much story text it carries).
    pub shingles: u64,
    /// The version it joined through (null for the first).
    pub via: Option<String>,
    /// Similarity to that version.
    pub similarity: Option<f64>,
    /// True when the story has credits and this version carries none of them.
    pub uncredited: bool,
    /// True for the likely origin.
    pub origin: bool,
}

impl From<dateline_store::StoryMember> for StoryMemberOut {
    fn from(m: dateline_store::StoryMember) -> StoryMemberOut {
        StoryMemberOut {
            id: m.id,
            title: m.title,
            published: m.published,
            source: m.source,
            sources: m.sources,
            shingles: m.shingles,
            via: m.via,
            similarity: m.similarity,
            uncredited: m.uncredited,
            origin: m.origin,
        }
    }
}

/// A story with every version, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct StoryResponse {
    /// The summary.
    pub story: StoryItem,
    /// The versions, by publication date (undated last).
    pub members: Vec<StoryMemberOut>,
}

/// Which two versions to compare.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DiffParams {
    /// The older version (article id or prefix); default: the story's origin.
    pub from: Option<String>,
    /// The newer version; default: the last version that differs from `from`.
    pub to: Option<String>,
}

/// A run of words in a changed paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct WordOut {
    /// `same`, `removed` or `added`.
    pub op: String,
    /// The words, each with the whitespace after it.
    pub text: String,
}

/// A paragraph of a diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ParagraphOut {
    /// `same`, `removed`, `added` or `changed`.
    pub op: String,
    /// The paragraph in the old version (null for `added`).
    pub old: Option<String>,
    /// The paragraph in the new version (null for `removed`).
    pub new: Option<String>,
    /// For `changed`: runs of words kept, removed and added.
    pub words: Vec<WordOut>,
}

/// Counts of a diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct DiffCounts {
    /// Paragraphs kept.
    pub same: usize,
    /// Paragraphs only in the old version.
    pub removed: usize,
    /// Paragraphs only in the new version.
    pub added: usize,
    /// Paragraphs edited.
    pub changed: usize,
    /// Words removed inside edited paragraphs.
    pub words_removed: usize,
    /// Words added inside edited paragraphs.
    pub words_added: usize,
}

/// What changed from one version of a story to another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct DiffResponse {
    /// The story.
    pub story: i64,
    /// The old version's article id.
    pub from: String,
    /// The new version's article id.
    pub to: String,
    /// Paragraphs of both, in order, with what happened to each.
    pub paragraphs: Vec<ParagraphOut>,
    /// Counts.
    pub stats: DiffCounts,
}

impl DiffResponse {
    /// The API shape of a store diff.
    pub fn new(story: i64, from: String, to: String, d: dateline_store::VersionDiff) -> DiffResponse {
        use dateline_store::diff::{ParagraphChange, WordChange};
        let word = |w: WordChange| match w {
            WordChange::Same(t) => WordOut { op: "same".into(), text: t },
            WordChange::Removed(t) => WordOut { op: "removed".into(), text: t },
            WordChange::Added(t) => WordOut { op: "added".into(), text: t },
        };
        let paragraphs = d
            .paragraphs
            .into_iter()
            .map(|p| match p {
                ParagraphChange::Same { text } => {
                    ParagraphOut { op: "same".into(), old: Some(text.clone()), new: Some(text), words: Vec::new() }
                }
                ParagraphChange::Removed { text } => {
                    ParagraphOut { op: "removed".into(), old: Some(text), new: None, words: Vec::new() }
                }
                ParagraphChange::Added { text } => {
                    ParagraphOut { op: "added".into(), old: None, new: Some(text), words: Vec::new() }
                }
                ParagraphChange::Changed { old, new, words } => ParagraphOut {
                    op: "changed".into(),
                    old: Some(old),
                    new: Some(new),
                    words: words.into_iter().map(word).collect(),
                },
            })
            .collect();
        let s = d.stats;
        DiffResponse {
            story,
            from,
            to,
            paragraphs,
            stats: DiffCounts {
                same: s.same,
                removed: s.removed,
                added: s.added,
                changed: s.changed,
                words_removed: s.words_removed,
                words_added: s.words_added,
            },
        }
    }
}
