//! The JSON API under `/api`. Every handler is documented with `#[utoipa::path]`, and the router
//! is built with `utoipa_axum`, so the OpenAPI document at `/api/openapi.json` lists exactly the
//! routes that exist.

use std::sync::{Arc, OnceLock};

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::http::StatusCode;
use axum::Json;
use dateline_analyze::{Analysis, EntityType};
use dateline_ingest::Limits;
use dateline_store::views::{FacetCount, SearchFilter, SortOrder, MAX_SCAN};
use dateline_store::Event;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::extract::{ApiPath, ApiQuery, WriteAccess};
use crate::error::ApiError;
use crate::model::*;
use crate::state::AppState;
use crate::ServerError;

/// The OpenAPI document's fixed parts; the paths come from the router.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "dateline",
        description = "Who said what, where and when: search a dateline store, read analysed articles, \
                       follow entities and speakers across the corpus. Errors are JSON `{status, message}`.",
        license(name = "MIT OR Apache-2.0")
    ),
    tags(
        (name = "search", description = "Full-text search with facets and filters"),
        (name = "articles", description = "Analysis records"),
        (name = "corpus", description = "Entities, speakers and places across the corpus"),
        (name = "stories", description = "Republications of one text: versions, origin, differences"),
        (name = "events", description = "Different stories about one happening, side by side"),
        (name = "ingest", description = "Adding articles (needs the server's token)"),
        (name = "meta", description = "About the API itself")
    ),
    components(schemas(ApiError)),
    modifiers(&TokenScheme)
)]
pub struct ApiDoc;

/// Declares the bearer token that guards the write route.
struct TokenScheme;

impl Modify for TokenScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme("token", SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)));
    }
}

/// The OpenAPI document as JSON, built once from the router.
pub fn openapi_json() -> &'static str {
    static DOC: OnceLock<String> = OnceLock::new();
    DOC.get_or_init(|| {
        router().into_openapi().to_pretty_json().unwrap_or_else(|e| {
            format!(r#"{{"status": 500, "message": "the OpenAPI document failed to serialise: {e}"}}"#)
        })
    })
}

/// The API routes with their OpenAPI paths.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(search))
        .routes(routes!(super::export::search_export))
        .routes(routes!(article))
        .routes(routes!(entities))
        .routes(routes!(entity))
        .routes(routes!(speakers))
        .routes(routes!(speaker))
        .routes(routes!(places))
        .routes(routes!(stats))
        .routes(routes!(stories))
        .routes(routes!(story))
        .routes(routes!(story_diff))
        .routes(routes!(events))
        .routes(routes!(event))
        .routes(routes!(super::export::story_export))
        .routes(routes!(super::quotes::quotes))
        .routes(routes!(super::quotes::quotes_export))
        .routes(routes!(super::quotes::quote_trail))
        .routes(routes!(ingest))
        .routes(routes!(openapi_doc))
}

/// Validated paging: `(page, per_page, offset)`.
pub fn paging(page: Option<usize>, per_page: Option<usize>) -> Result<(usize, usize, usize), ServerError> {
    let page = page.unwrap_or(1);
    let per = per_page.unwrap_or(DEFAULT_PER_PAGE);
    if page == 0 {
        return Err(ServerError::BadRequest("page starts at 1".into()));
    }
    if per == 0 || per > MAX_PER_PAGE {
        return Err(ServerError::BadRequest(format!("per_page must be between 1 and {MAX_PER_PAGE}")));
    }
    let offset = (page - 1).saturating_mul(per);
    if offset > MAX_OFFSET {
        return Err(ServerError::BadRequest(format!(
            "page {page} is too deep: at most {MAX_OFFSET} results can be skipped; narrow the search instead"
        )));
    }
    Ok((page, per, offset))
}

/// The store filter and order of search parameters.
pub fn search_filter(p: &SearchParams) -> Result<(SearchFilter, SortOrder), ServerError> {
    let order = match p.sort.as_deref().map(str::trim).unwrap_or_default() {
        "" | "relevance" => SortOrder::Relevance,
        "newest" => SortOrder::Newest,
        "oldest" => SortOrder::Oldest,
        other => {
            return Err(ServerError::BadRequest(format!("sort must be relevance, newest or oldest, not {other:?}")));
        }
    };
    let nonempty = |v: &Option<String>| v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
    check_date_bound("from", nonempty(&p.from).as_deref())?;
    check_date_bound("to", nonempty(&p.to).as_deref())?;
    Ok((
        SearchFilter {
            text: nonempty(&p.q),
            place: nonempty(&p.place),
            country: nonempty(&p.country),
            source: nonempty(&p.source),
            language: nonempty(&p.language),
            entity: nonempty(&p.entity),
            speaker: nonempty(&p.speaker),
            from: nonempty(&p.from),
            to: nonempty(&p.to),
        },
        order,
    ))
}

/// A date filter's value: a real calendar date or a prefix of one (`2021`, `2021-07`,
/// `2021-07-02`), or a 400 naming the parameter. `2021-13-45` is refused rather than matching
/// nothing, so a typo is seen.
pub fn check_date_bound(name: &str, value: Option<&str>) -> Result<(), ServerError> {
    let Some(v) = value else { return Ok(()) };
    let bad = || {
        ServerError::BadRequest(format!(
            "{name} must be an ISO 8601 date or prefix (2021, 2021-07, 2021-07-02), not {v:?}"
        ))
    };
    let parts: Vec<&str> = v.split('-').collect();
    let number = |p: &str, len: usize| {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse::<u32>().ok()).flatten()
    };
    let year = parts.first().and_then(|p| number(p, 4)).ok_or_else(bad)?;
    if let Some(m) = parts.get(1) {
        let month = number(m, 2).filter(|m| (1..=12).contains(m)).ok_or_else(bad)?;
        if let Some(d) = parts.get(2) {
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            let days = match month {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            number(d, 2).filter(|d| (1..=days).contains(d)).ok_or_else(bad)?;
        }
    }
    if parts.len() > 3 {
        return Err(bad());
    }
    Ok(())
}

/// Runs a search for the API and the web page alike.
///
/// Answers are cached by their parameters until the store changes (see
/// [`AppState::cached_search`]): news search repeats itself, and a broad query over a large store
/// costs tens of milliseconds of ranking.
pub async fn run_search(state: &AppState, p: &SearchParams) -> Result<Arc<SearchResponse>, ServerError> {
    let (page, per, offset) = paging(p.page, p.per_page)?;
    if offset >= MAX_SCAN {
        return Err(ServerError::BadRequest(format!(
            "page {page} is too deep: only the best {MAX_SCAN} matches are paged; narrow the search instead"
        )));
    }
    let (filter, order) = search_filter(p)?;
    let key = format!("{filter:?}|{order:?}|{offset}|{per}");
    state
        .cached_search(key, move |store| {
            let result = store.search_page(&filter, order, offset, per)?;
            Ok(SearchResponse {
                paging: Paging::new(page, per, result.total),
                total_is_exact: result.total_is_exact,
                hits: result.hits,
                facets: result.facets,
            })
        })
        .await
}

/// Search articles, with facets.
///
/// Free text (all words, "phrases", prefix*) combined with filters on dateline place, country,
/// wire source, language, publication dates, and entities or speakers in the analysis. Without
/// `q`, lists the matching articles newest first.
#[utoipa::path(
    get,
    path = "/api/search",
    tag = "search",
    params(SearchParams),
    responses(
        (status = 200, description = "One page of results and the facets of all matches", body = SearchResponse),
        (status = 400, description = "A bad parameter (paging, sort, dates)", body = ApiError)
    )
)]
async fn search(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<SearchParams>,
) -> Result<Json<Arc<SearchResponse>>, ServerError> {
    Ok(Json(run_search(&state, &p).await?))
}

/// Fetches an article's record.
pub async fn load_article(state: &AppState, id: String) -> Result<Analysis, ServerError> {
    let shown = id.clone();
    state
        .pool()
        .run(move |store| Ok(store.get(&id)?))
        .await?
        .ok_or_else(|| ServerError::NotFound(format!("no article with id {shown:?}")))
}

/// The full analysis record of one article.
#[utoipa::path(
    get,
    path = "/api/articles/{id}",
    tag = "articles",
    params(("id" = String, Path, description = "Article id, or a unique prefix of at least 4 characters")),
    responses(
        (status = 200, description = "The analysis record", body = Analysis),
        (status = 400, description = "Prefix too short or ambiguous", body = ApiError),
        (status = 404, description = "No such article", body = ApiError)
    )
)]
async fn article(State(state): State<AppState>, ApiPath(id): ApiPath) -> Result<Json<Analysis>, ServerError> {
    Ok(Json(load_article(&state, id).await?))
}

/// Entities named in the corpus, most widely named first.
#[utoipa::path(
    get,
    path = "/api/entities",
    tag = "corpus",
    params(EntityListParams),
    responses(
        (status = 200, description = "A page of entities", body = EntityList),
        (status = 400, description = "Bad paging", body = ApiError)
    )
)]
async fn entities(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<EntityListParams>,
) -> Result<Json<EntityList>, ServerError> {
    let (page, per, offset) = paging(p.page, p.per_page)?;
    let index = state.corpus_index().await?;
    // A type outside the record's set names no entity: an empty list, as for a known type nobody has.
    let kind =
        p.kind.as_deref().map(str::trim).filter(|k| !k.is_empty()).map(|k| EntityType::parse(&k.to_ascii_uppercase()));
    let all: Vec<_> = index.entities.iter().filter(|e| kind.is_none_or(|k| k == Some(e.kind))).collect();
    Ok(Json(EntityList {
        paging: Paging::new(page, per, all.len() as u64),
        items: all.into_iter().skip(offset).take(per).cloned().collect(),
    }))
}

/// Loads an entity page.
pub async fn load_entity(
    state: &AppState,
    name: String,
    offset: usize,
    per: usize,
) -> Result<EntityResponse, ServerError> {
    let shown = name.clone();
    let page = state
        .pool()
        .run(move |store| Ok(store.entity_page(&name, offset, per)?))
        .await?
        .ok_or_else(|| ServerError::NotFound(format!("no article names {shown:?}")))?;
    Ok(EntityResponse {
        name: page.name,
        types: page.types,
        titles: page.titles,
        roles: page.roles,
        countries: page.countries,
        geo: page.geo,
        total_mentions: page.total_mentions,
        total_quotes: page.total_quotes,
        related: page.related,
        paging: Paging::new(offset / per.max(1) + 1, per, page.total_articles),
        articles: page.articles,
    })
}

/// An entity across the corpus: every article naming it, with context.
#[utoipa::path(
    get,
    path = "/api/entities/{name}",
    tag = "corpus",
    params(("name" = String, Path, description = "Canonical name (case-insensitive), percent-encoded"), PageParams),
    responses(
        (status = 200, description = "The entity and a page of the articles naming it", body = EntityResponse),
        (status = 400, description = "Bad paging", body = ApiError),
        (status = 404, description = "No article names it", body = ApiError)
    )
)]
async fn entity(
    State(state): State<AppState>,
    ApiPath(name): ApiPath,
    ApiQuery(p): ApiQuery<PageParams>,
) -> Result<Json<EntityResponse>, ServerError> {
    let (_, per, offset) = paging(p.page, p.per_page)?;
    Ok(Json(load_entity(&state, name, offset, per).await?))
}

/// Speakers quoted in the corpus, most quoted first.
#[utoipa::path(
    get,
    path = "/api/speakers",
    tag = "corpus",
    params(PageParams),
    responses(
        (status = 200, description = "A page of speakers", body = SpeakerList),
        (status = 400, description = "Bad paging", body = ApiError)
    )
)]
async fn speakers(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<PageParams>,
) -> Result<Json<SpeakerList>, ServerError> {
    let (page, per, offset) = paging(p.page, p.per_page)?;
    let index = state.corpus_index().await?;
    Ok(Json(SpeakerList {
        paging: Paging::new(page, per, index.speakers.len() as u64),
        items: index.speakers.iter().skip(offset).take(per).cloned().collect(),
    }))
}

/// Loads a speaker page.
pub async fn load_speaker(
    state: &AppState,
    name: String,
    offset: usize,
    per: usize,
) -> Result<SpeakerResponse, ServerError> {
    let shown = name.clone();
    let page = state
        .pool()
        .run(move |store| Ok(store.speaker_page(&name, offset, per)?))
        .await?
        .ok_or_else(|| ServerError::NotFound(format!("nobody called {shown:?} is quoted")))?;
    Ok(SpeakerResponse {
        name: page.name,
        titles: page.titles,
        roles: page.roles,
        total_articles: page.total_articles,
        timeline: page.timeline,
        paging: Paging::new(offset / per.max(1) + 1, per, page.total_quotes),
        quotes: page.quotes,
    })
}

/// A speaker across the corpus: every quote, with dates and articles, and a timeline.
#[utoipa::path(
    get,
    path = "/api/speakers/{name}",
    tag = "corpus",
    params(("name" = String, Path, description = "Canonical name (case-insensitive), percent-encoded"), PageParams),
    responses(
        (status = 200, description = "The speaker's quotes", body = SpeakerResponse),
        (status = 400, description = "Bad paging", body = ApiError),
        (status = 404, description = "Nobody of that name is quoted", body = ApiError)
    )
)]
async fn speaker(
    State(state): State<AppState>,
    ApiPath(name): ApiPath,
    ApiQuery(p): ApiQuery<PageParams>,
) -> Result<Json<SpeakerResponse>, ServerError> {
    let (_, per, offset) = paging(p.page, p.per_page)?;
    Ok(Json(load_speaker(&state, name, offset, per).await?))
}

/// Geocoded places named in the corpus, with coordinates.
#[utoipa::path(
    get,
    path = "/api/places",
    tag = "corpus",
    params(PageParams),
    responses(
        (status = 200, description = "A page of places", body = PlaceList),
        (status = 400, description = "Bad paging", body = ApiError)
    )
)]
async fn places(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<PageParams>,
) -> Result<Json<PlaceList>, ServerError> {
    let (page, per, offset) = paging(p.page, p.per_page)?;
    let index = state.corpus_index().await?;
    Ok(Json(PlaceList {
        paging: Paging::new(page, per, index.places.len() as u64),
        items: index.places.iter().skip(offset).take(per).cloned().collect(),
    }))
}

/// Reads the corpus statistics.
pub async fn load_stats(state: &AppState) -> Result<StatsResponse, ServerError> {
    let stats = state.pool().run(|store| Ok(store.stats()?)).await?;
    let index = state.corpus_index().await?;
    let pairs = |v: Vec<(String, u64)>| v.into_iter().map(|(value, count)| FacetCount { value, count }).collect();
    Ok(StatsResponse {
        articles: stats.articles,
        first_published: stats.first_published,
        last_published: stats.last_published,
        sources: pairs(stats.sources),
        places: pairs(stats.places),
        bytes_of_text: stats.bytes_of_text,
        repairs: stats.repairs,
        schema_version: stats.schema_version,
        speakers: index.speaker_count,
        entities: index.entity_count,
        writable: state.writer().is_some(),
    })
}

/// What the store holds: counts, date range, top sources and places.
#[utoipa::path(
    get,
    path = "/api/stats",
    tag = "corpus",
    responses((status = 200, description = "Corpus statistics", body = StatsResponse))
)]
async fn stats(State(state): State<AppState>) -> Result<Json<StatsResponse>, ServerError> {
    Ok(Json(load_stats(&state).await?))
}

/// Stories with at least `min_size` versions, largest first.
#[utoipa::path(
    get,
    path = "/api/stories",
    tag = "stories",
    params(StoryListParams),
    responses(
        (status = 200, description = "A page of stories", body = StoryList),
        (status = 400, description = "Bad paging", body = ApiError)
    )
)]
async fn stories(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<StoryListParams>,
) -> Result<Json<StoryList>, ServerError> {
    Ok(Json(load_stories(&state, &p).await?))
}

/// Loads a page of stories.
pub async fn load_stories(state: &AppState, p: &StoryListParams) -> Result<StoryList, ServerError> {
    let (page, per, offset) = paging(p.page, p.per_page)?;
    let min_size = p.min_size.unwrap_or(2).max(1);
    // Paged and counted in SQL: the cost is this page's stories, not the store's.
    let found = state.pool().run(move |store| Ok(store.stories_page(offset, per, min_size)?)).await?;
    Ok(StoryList { paging: Paging::new(page, per, found.total), items: found.items })
}

/// Events with at least `min_stories` stories, most stories first.
#[utoipa::path(
    get,
    path = "/api/events",
    tag = "events",
    params(EventListParams),
    responses(
        (status = 200, description = "A page of events", body = EventList),
        (status = 400, description = "Bad paging", body = ApiError)
    )
)]
async fn events(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<EventListParams>,
) -> Result<Json<EventList>, ServerError> {
    Ok(Json(load_events(&state, &p).await?))
}

/// Loads a page of events.
pub async fn load_events(state: &AppState, p: &EventListParams) -> Result<EventList, ServerError> {
    let (page, per, offset) = paging(p.page, p.per_page)?;
    let min = p.min_stories.unwrap_or(2).max(1);
    let found = state.pool().run(move |store| Ok(store.events_page(offset, per, min)?)).await?;
    Ok(EventList { paging: Paging::new(page, per, found.total), items: found.items })
}

/// Loads an event.
pub async fn load_event(state: &AppState, id: &str) -> Result<Event, ServerError> {
    let n: i64 =
        id.trim().parse().map_err(|_| ServerError::BadRequest(format!("event id must be a number, not {id:?}")))?;
    let event = state
        .pool()
        .run(move |store| Ok(store.event(n)?))
        .await?
        .ok_or_else(|| ServerError::NotFound(format!("no event {n}")))?;
    Ok(event)
}

/// An event: its stories (each with its versions' count and likely origin) side by side.
#[utoipa::path(
    get,
    path = "/api/events/{id}",
    tag = "events",
    params(("id" = i64, Path, description = "Event id")),
    responses(
        (status = 200, description = "The event", body = Event),
        (status = 400, description = "Not an id", body = ApiError),
        (status = 404, description = "No such event", body = ApiError)
    )
)]
async fn event(State(state): State<AppState>, ApiPath(id): ApiPath) -> Result<Json<Event>, ServerError> {
    Ok(Json(load_event(&state, &id).await?))
}

/// Loads a story.
pub async fn load_story(state: &AppState, id: &str) -> Result<StoryResponse, ServerError> {
    let n: i64 =
        id.trim().parse().map_err(|_| ServerError::BadRequest(format!("story id must be a number, not {id:?}")))?;
    let story = state
        .pool()
        .run(move |store| Ok(store.story(n)?))
        .await?
        .ok_or_else(|| ServerError::NotFound(format!("no story {n}")))?;
    Ok(StoryResponse { story: story.summary, members: story.members })
}

/// A story: every version, its likely origin, and the credits each carries.
#[utoipa::path(
    get,
    path = "/api/stories/{id}",
    tag = "stories",
    params(("id" = i64, Path, description = "Story id")),
    responses(
        (status = 200, description = "The story and its versions", body = StoryResponse),
        (status = 400, description = "Not a story id", body = ApiError),
        (status = 404, description = "No such story", body = ApiError)
    )
)]
async fn story(State(state): State<AppState>, ApiPath(id): ApiPath) -> Result<Json<StoryResponse>, ServerError> {
    Ok(Json(load_story(&state, &id).await?))
}

/// Compares two versions of a story (by default its origin and the last other version).
pub async fn load_diff(state: &AppState, story: &StoryResponse, p: &DiffParams) -> Result<DiffResponse, ServerError> {
    let members = &story.members;
    let find =
        |given: &str| {
            let g = given.trim().to_ascii_lowercase();
            members.iter().find(|m| m.id.starts_with(&g) && g.len() >= 4).map(|m| m.id.clone()).ok_or_else(|| {
                ServerError::BadRequest(format!("{given:?} is not a version of story {}", story.story.id))
            })
        };
    let origin = story.story.origin.as_ref().map(|o| o.article.clone());
    let from = match p.from.as_deref().filter(|s| !s.trim().is_empty()) {
        Some(f) => find(f)?,
        None => origin.or_else(|| members.first().map(|m| m.id.clone())).unwrap_or_default(),
    };
    let to = match p.to.as_deref().filter(|s| !s.trim().is_empty()) {
        Some(t) => find(t)?,
        None => members.iter().rev().find(|m| m.id != from).map_or_else(|| from.clone(), |m| m.id.clone()),
    };
    let (a, b) = (from.clone(), to.clone());
    let diff = state
        .pool()
        .run(move |store| Ok(store.diff(&a, &b)?))
        .await?
        .ok_or_else(|| ServerError::NotFound("a version of this story is no longer stored".into()))?;
    Ok(DiffResponse::new(story.story.id, from, to, diff))
}

/// What changed between two versions of a story: paragraphs kept, removed, added and edited,
/// with word-level changes inside edited ones.
#[utoipa::path(
    get,
    path = "/api/stories/{id}/diff",
    tag = "stories",
    params(("id" = i64, Path, description = "Story id"), DiffParams),
    responses(
        (status = 200, description = "The differences", body = DiffResponse),
        (status = 400, description = "A version that is not in the story", body = ApiError),
        (status = 404, description = "No such story", body = ApiError)
    )
)]
async fn story_diff(
    State(state): State<AppState>,
    ApiPath(id): ApiPath,
    ApiQuery(p): ApiQuery<DiffParams>,
) -> Result<Json<DiffResponse>, ServerError> {
    let story = load_story(&state, &id).await?;
    Ok(Json(load_diff(&state, &story, &p).await?))
}

/// Analyse and store articles sent as JSON Lines.
///
/// One article per line: `text` or `html`, optional `url`, `published`, `title`, `author`,
/// `source`. Needs `Authorization: Bearer <token>` and a server started with `--token`.
/// Idempotent: an article whose text is stored already counts as a duplicate. Answers one result
/// per line (`lines`): a bad line, or an article the store cannot take, is reported on its line
/// and the other lines are stored.
#[utoipa::path(
    post,
    path = "/api/ingest",
    tag = "ingest",
    request_body(content = String, content_type = "application/x-ndjson", description = "JSON Lines, one article per line"),
    security(("token" = [])),
    responses(
        (status = 200, description = "What was stored", body = IngestResponse),
        (status = 401, description = "Missing or wrong token", body = ApiError),
        (status = 403, description = "The server is read-only", body = ApiError),
        (status = 413, description = "Body over the size limit", body = ApiError)
    )
)]
async fn ingest(
    State(state): State<AppState>,
    WriteAccess(writer): WriteAccess,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<IngestResponse>, ServerError> {
    let body = body.map_err(|e| match e.status() {
        StatusCode::PAYLOAD_TOO_LARGE => ServerError::PayloadTooLarge { limit: state.max_body_bytes() },
        _ => ServerError::BadRequest(e.body_text()),
    })?;
    let response = tokio::task::spawn_blocking(move || {
        crate::ingest::ingest_body(&body, &writer.store, &writer.resources, &Limits::default())
    })
    .await
    .map_err(|e| ServerError::Internal(format!("the ingest task failed: {e}")))??;
    state.invalidate_index().await;
    Ok(Json(response))
}

/// This document.
#[utoipa::path(
    get,
    path = "/api/openapi.json",
    tag = "meta",
    responses((status = 200, description = "The OpenAPI 3.1 document of this API", content_type = "application/json"))
)]
async fn openapi_doc() -> ([(axum::http::HeaderName, &'static str); 1], &'static str) {
    ([(CONTENT_TYPE, "application/json")], openapi_json())
}
