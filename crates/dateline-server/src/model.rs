//! The JSON shapes of the API that are the API's own (paging, parameters, the ingest outcome,
//! diffs as paragraphs and word runs), with their OpenAPI schemas.
//!
//! What the API serves from the store it serves as the store's own types: the view types
//! (`dateline_store::views::ArticleHit`, `EntitySummary`, `SpeakerQuote`, ...) and stories and
//! events (`StorySummary`, `StoryMember`, `Event`) derive their schemas behind the `openapi`
//! feature of dateline-store, as the analysis record (`GET /api/articles/{id}`) derives its own
//! behind the `openapi` feature of dateline-analyze. One definition is the wire format and the
//! documented schema, so the two cannot drift.

use dateline_analyze::Geo;
use dateline_store::views::{
    ArticleHit, EntityArticle, EntitySummary, FacetCount, Facets, PlaceSummary, RelatedEntity, SpeakerQuote,
    SpeakerSummary,
};
use dateline_store::{Event, StoryMember, StorySummary};
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

/// A page of search results.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SearchResponse {
    /// Where this page sits; `total` counts every match (up to 20,000).
    pub paging: Paging,
    /// False when more than 20,000 articles matched and `paging.total` is a lower bound.
    pub total_is_exact: bool,
    /// The results of this page.
    pub hits: Vec<ArticleHit>,
    /// Facets of all matches, for narrowing the search.
    pub facets: Facets,
}

/// An entity across the corpus.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct EntityResponse {
    /// Canonical name.
    pub name: String,
    /// Types it was given, most frequent first.
    pub types: Vec<FacetCount>,
    /// Titles seen.
    pub titles: Vec<FacetCount>,
    /// Roles seen.
    pub roles: Vec<FacetCount>,
    /// Countries seen.
    pub countries: Vec<FacetCount>,
    /// Coordinates, when geocoded.
    pub geo: Option<Geo>,
    /// Mentions over all articles.
    pub total_mentions: u64,
    /// Quotes attributed to it.
    pub total_quotes: u64,
    /// Entities named in the same articles.
    pub related: Vec<RelatedEntity>,
    /// Where this page of articles sits; `total` is the number of articles naming it.
    pub paging: Paging,
    /// This page of articles, newest first.
    pub articles: Vec<EntityArticle>,
}

/// A speaker across the corpus.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SpeakerResponse {
    /// Canonical name.
    pub name: String,
    /// Titles seen.
    pub titles: Vec<FacetCount>,
    /// Roles seen.
    pub roles: Vec<FacetCount>,
    /// Articles quoting the speaker.
    pub total_articles: u64,
    /// Quotes per publication date, oldest first: the timeline.
    pub timeline: Vec<FacetCount>,
    /// Where this page of quotes sits; `total` is the number of quotes.
    pub paging: Paging,
    /// This page of quotes, newest first.
    pub quotes: Vec<SpeakerQuote>,
}

/// Speakers, most quoted first.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SpeakerList {
    /// Where this page sits.
    pub paging: Paging,
    /// This page.
    pub items: Vec<SpeakerSummary>,
}

/// Entities, most widely named first.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct EntityList {
    /// Where this page sits.
    pub paging: Paging,
    /// This page.
    pub items: Vec<EntitySummary>,
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

/// Geocoded places, most widely named first.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct PlaceList {
    /// Where this page sits.
    pub paging: Paging,
    /// This page.
    pub items: Vec<PlaceSummary>,
}

/// What the store holds.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct StatsResponse {
    /// Articles stored.
    pub articles: u64,
    /// Earliest publication date.
    pub first_published: Option<String>,
    /// Latest publication date.
    pub last_published: Option<String>,
    /// Wire credits, most frequent first (top 20).
    pub sources: Vec<FacetCount>,
    /// Dateline places, most frequent first (top 20).
    pub places: Vec<FacetCount>,
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
    /// Not a readable article (bad JSON, no text, over the size limit, empty), or one whose
    /// analysis stopped on an internal error.
    Invalid,
}

/// Stories, largest first, then most recently seen.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct StoryList {
    /// Where this page sits.
    pub paging: Paging,
    /// This page.
    pub items: Vec<StorySummary>,
}

/// A page of events.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct EventList {
    /// Where this page sits.
    pub paging: Paging,
    /// This page.
    pub items: Vec<Event>,
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

/// A story with every version, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct StoryResponse {
    /// The summary.
    pub story: StorySummary,
    /// The versions, by publication date (undated last).
    pub members: Vec<StoryMember>,
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

/// What became of a run of words from one wording to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum WordOp {
    /// Kept.
    Same,
    /// Only in the old wording.
    Removed,
    /// Only in the new wording.
    Added,
}

/// What became of a paragraph from one version to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphOp {
    /// Kept.
    Same,
    /// Only in the old version.
    Removed,
    /// Only in the new version.
    Added,
    /// Edited: its word runs say how.
    Changed,
}

/// A run of words in a changed paragraph or a changed wording.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct WordOut {
    /// `same`, `removed` or `added`.
    pub op: WordOp,
    /// The words, each with the whitespace after it.
    pub text: String,
}

impl From<dateline_store::diff::WordChange> for WordOut {
    fn from(w: dateline_store::diff::WordChange) -> WordOut {
        use dateline_store::diff::WordChange;
        match w {
            WordChange::Same(text) => WordOut { op: WordOp::Same, text },
            WordChange::Removed(text) => WordOut { op: WordOp::Removed, text },
            WordChange::Added(text) => WordOut { op: WordOp::Added, text },
        }
    }
}

/// A paragraph of a diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ParagraphOut {
    /// `same`, `removed`, `added` or `changed`.
    pub op: ParagraphOp,
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
        use dateline_store::diff::ParagraphChange;
        let paragraphs = d
            .paragraphs
            .into_iter()
            .map(|p| match p {
                ParagraphChange::Same { text } => {
                    ParagraphOut { op: ParagraphOp::Same, old: Some(text.clone()), new: Some(text), words: Vec::new() }
                }
                ParagraphChange::Removed { text } => {
                    ParagraphOut { op: ParagraphOp::Removed, old: Some(text), new: None, words: Vec::new() }
                }
                ParagraphChange::Added { text } => {
                    ParagraphOut { op: ParagraphOp::Added, old: None, new: Some(text), words: Vec::new() }
                }
                ParagraphChange::Changed { old, new, words } => ParagraphOut {
                    op: ParagraphOp::Changed,
                    old: Some(old),
                    new: Some(new),
                    words: words.into_iter().map(WordOut::from).collect(),
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
