//! The web UI: server-rendered pages over the same loaders as the API.
//!
//! Each handler loads what it shows, builds a small context, and renders a template; any
//! [`ServerError`] becomes an HTML error page with the same status the API would answer.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use dateline_analyze::EntityType;
use dateline_store::views::{ArticleHit, FacetCount, SpeakerQuote};
use serde::Serialize;
use serde_json::json;

use super::api::{
    load_article, load_diff, load_entity, load_event, load_events, load_speaker, load_stats, load_stories, load_story,
    paging, run_search,
};
use super::extract::{ApiPath, ApiQuery};
use crate::model::{DiffParams, EventListParams, PageParams, Paging, SearchParams, SearchResponse, StoryListParams};
use crate::state::AppState;
use crate::views::html::segment;
use crate::views::timeline::timeline_svg;
use crate::views::{annotate::type_label, article_view};
use crate::ServerError;

/// Speakers and places listed beside the front page's results.
const SIDEBAR_ITEMS: usize = 8;

/// Renders a result as a page, or its error as an error page.
fn respond(state: &AppState, result: Result<String, ServerError>) -> Response {
    match result {
        Ok(html) => Html(html).into_response(),
        Err(e) => error_page(state, e),
    }
}

/// The HTML page of an error, with its status.
pub fn error_page(state: &AppState, e: ServerError) -> Response {
    e.log();
    let status = e.status();
    let title = match status {
        StatusCode::NOT_FOUND => "Not found",
        StatusCode::BAD_REQUEST => "That request did not work",
        _ => "Something went wrong",
    };
    let ctx = json!({ "title": title, "status": status.as_u16(), "message": e.public_message() });
    match state.templates().render("error.html", ctx) {
        Ok(html) => (status, Html(html)).into_response(),
        Err(_) => (status, e.public_message()).into_response(),
    }
}

/// A query string from pairs, values percent-encoded; empty values are left out.
fn query_string(pairs: &[(&str, String)]) -> String {
    let parts: Vec<String> =
        pairs.iter().filter(|(_, v)| !v.trim().is_empty()).map(|(k, v)| format!("{k}={}", segment(v))).collect();
    if parts.is_empty() {
        "/".to_string()
    } else {
        format!("/?{}", parts.join("&"))
    }
}

/// The filters of a search as `(key, value)` pairs, page excluded.
fn search_pairs(p: &SearchParams) -> Vec<(&'static str, String)> {
    let v = |o: &Option<String>| o.clone().unwrap_or_default();
    vec![
        ("q", v(&p.q)),
        ("place", v(&p.place)),
        ("country", v(&p.country)),
        ("source", v(&p.source)),
        ("language", v(&p.language)),
        ("entity", v(&p.entity)),
        ("speaker", v(&p.speaker)),
        ("from", v(&p.from)),
        ("to", v(&p.to)),
        ("sort", v(&p.sort)),
    ]
}

/// The link to the same search with `key` set to `value` (empty: removed), back on page 1.
fn with(p: &SearchParams, key: &str, value: &str) -> String {
    let mut pairs = search_pairs(p);
    for pair in &mut pairs {
        if pair.0 == key {
            pair.1 = value.to_string();
        }
    }
    query_string(&pairs)
}

#[derive(Debug, Serialize)]
struct FacetItem {
    label: String,
    count: u64,
    href: String,
    active: bool,
}

#[derive(Debug, Serialize)]
struct FacetGroup {
    title: &'static str,
    items: Vec<FacetItem>,
}

#[derive(Debug, Serialize)]
struct Chip {
    label: String,
    value: String,
    remove: String,
}

#[derive(Debug, Serialize)]
struct Pager {
    prev: Option<String>,
    next: Option<String>,
    page: usize,
    pages: u64,
}

fn pager(paging: &Paging, link: impl Fn(usize) -> String) -> Option<Pager> {
    if paging.pages <= 1 {
        return None;
    }
    Some(Pager {
        prev: (paging.page > 1).then(|| link(paging.page - 1)),
        next: ((paging.page as u64) < paging.pages).then(|| link(paging.page + 1)),
        page: paging.page,
        pages: paging.pages,
    })
}

/// `/`: the search page; with no query and no filter, the front page of the corpus.
pub async fn search_page(
    State(state): State<AppState>,
    query: Result<ApiQuery<SearchParams>, ServerError>,
) -> Response {
    let result = async {
        let ApiQuery(mut p) = query?;
        p.per_page = Some(p.per_page.unwrap_or(20));
        let results: std::sync::Arc<SearchResponse> = run_search(&state, &p).await?;
        let pairs = search_pairs(&p);
        let filtered = pairs.iter().any(|(k, v)| *k != "sort" && !v.trim().is_empty());
        let chips: Vec<Chip> = pairs
            .iter()
            .filter(|(k, v)| !matches!(*k, "q" | "sort") && !v.trim().is_empty())
            .map(|(k, v)| Chip { label: k.to_string(), value: v.clone(), remove: with(&p, k, "") })
            .collect();
        let facet = |title: &'static str, key: &str, counts: &[FacetCount]| FacetGroup {
            title,
            items: counts
                .iter()
                .map(|c| {
                    let active = pairs.iter().any(|(k, v)| *k == key && v.eq_ignore_ascii_case(&c.value));
                    FacetItem {
                        label: c.value.clone(),
                        count: c.count,
                        href: with(&p, key, if active { "" } else { &c.value }),
                        active,
                    }
                })
                .collect(),
        };
        let f = &results.facets;
        let mut facets = vec![
            facet("Place", "place", &f.places),
            facet("Country", "country", &f.countries),
            facet("Source", "source", &f.sources),
            facet("Year", "from", &[]),
            facet("Language", "language", &f.languages),
        ];
        // Years filter by a range: from=YYYY&to=YYYY.
        facets[3].items = f
            .years
            .iter()
            .map(|c| {
                let active = p.from.as_deref() == Some(c.value.as_str()) && p.to.as_deref() == Some(c.value.as_str());
                let mut pairs = search_pairs(&p);
                for pair in &mut pairs {
                    if pair.0 == "from" || pair.0 == "to" {
                        pair.1 = if active { String::new() } else { c.value.clone() };
                    }
                }
                FacetItem { label: c.value.clone(), count: c.count, href: query_string(&pairs), active }
            })
            .collect();
        facets.retain(|g| !g.items.is_empty());
        let sorts: Vec<FacetItem> = ["relevance", "newest", "oldest"]
            .iter()
            .map(|s| FacetItem {
                label: s.to_string(),
                count: 0,
                href: with(&p, "sort", if *s == "relevance" { "" } else { s }),
                active: p.sort.as_deref().unwrap_or("relevance") == *s,
            })
            .collect();
        let pager = pager(&results.paging, |n| {
            let mut pairs = search_pairs(&p);
            pairs.push(("page", n.to_string()));
            query_string(&pairs)
        });
        let (stats, speakers, places) = if filtered {
            (None, Vec::new(), Vec::new())
        } else {
            let index = state.corpus_index().await?;
            (
                Some(load_stats(&state).await?),
                index.speakers.iter().take(SIDEBAR_ITEMS).cloned().collect(),
                index.places.iter().take(SIDEBAR_ITEMS).cloned().collect(),
            )
        };
        // The front page lists stories, not copies: one entry per story (its newest version),
        // the others counted on it. A search lists every matching version.
        let latest: Vec<ArticleHit> = if filtered {
            Vec::new()
        } else {
            let mut seen = std::collections::HashSet::new();
            results.hits.iter().filter(|h| h.story.is_none_or(|s| seen.insert(s))).cloned().collect()
        };
        // Export links: the same filters and sort, every match.
        let export = |format: &str| {
            let mut pairs = search_pairs(&p);
            pairs.push(("format", format.to_string()));
            format!("/api/search/export{}", query_string(&pairs).trim_start_matches('/'))
        };
        let (export_csv, export_jsonl) = (export("csv"), export("jsonl"));
        let title = match p.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
            Some(q) => format!("{q} — search"),
            None if filtered => "Search".to_string(),
            None => "dateline".to_string(),
        };
        state.templates().render(
            "search.html",
            json!({
                "title": title, "nav": "search", "params": p, "filtered": filtered, "results": results,
                "facets": facets, "chips": chips, "sorts": sorts, "pager": pager, "stats": stats,
                "speakers": speakers, "places": places, "latest": latest,
                "export_csv": export_csv, "export_jsonl": export_jsonl,
            }),
        )
    }
    .await;
    respond(&state, result)
}

/// `/article/{id}`: the annotated article.
pub async fn article_page(State(state): State<AppState>, id: Result<ApiPath, ServerError>) -> Response {
    let result = async {
        let ApiPath(id) = id?;
        let a = load_article(&state, id).await?;
        let article_id = a.id.clone();
        let story = state
            .pool()
            .run(move |store| {
                let Some(n) = store.story_of(&article_id)? else { return Ok(None) };
                Ok(store.story(n)?.map(|s| (n, s.summary.size)))
            })
            .await?;
        let story = story.filter(|(_, size)| *size > 1).map(|(id, size)| json!({ "id": id, "size": size }));
        let view = article_view(&a);
        state.templates().render(
            "article.html",
            json!({ "title": view.headline.clone(), "nav": "search", "a": view, "story": story }),
        )
    }
    .await;
    respond(&state, result)
}

/// `/entity/{name}`: an entity across the corpus.
pub async fn entity_page(
    State(state): State<AppState>,
    name: Result<ApiPath, ServerError>,
    query: Result<ApiQuery<PageParams>, ServerError>,
) -> Response {
    let result = async {
        let ApiPath(name) = name?;
        let ApiQuery(p) = query?;
        let (_, per, offset) = paging(p.page, p.per_page)?;
        let e = load_entity(&state, name, offset, per).await?;
        let kind = e.types.first().map(|t| t.value.clone()).unwrap_or_default();
        let base = format!("/entity/{}", segment(&e.name));
        let pager = pager(&e.paging, |n| format!("{base}?page={n}"));
        state.templates().render(
            "entity.html",
            json!({
                "title": e.name.clone(), "nav": "entities", "kind_label": type_label(&kind).to_string(), "kind": kind,
                "speaker_href": (e.total_quotes > 0).then(|| format!("/speaker/{}", segment(&e.name))),
                "search_href": query_string(&[("entity", e.name.clone())]),
                "pager": pager, "e": e,
            }),
        )
    }
    .await;
    respond(&state, result)
}

#[derive(Debug, Serialize)]
struct Day {
    date: String,
    anchor: String,
    quotes: Vec<SaidOnce>,
}

/// A quote as said once, with every article that carries it: republished copies of a story
/// repeat the same words, which the speaker page shows once.
#[derive(Debug, Serialize)]
struct SaidOnce {
    q: SpeakerQuote,
    also: Vec<SpeakerQuote>,
}

fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().map(str::to_lowercase).eq(b.split_whitespace().map(str::to_lowercase))
}

/// `/speaker/{name}`: every quote of a speaker, with a timeline.
pub async fn speaker_page(
    State(state): State<AppState>,
    name: Result<ApiPath, ServerError>,
    query: Result<ApiQuery<PageParams>, ServerError>,
) -> Response {
    let result = async {
        let ApiPath(name) = name?;
        let ApiQuery(p) = query?;
        let (_, per, offset) = paging(p.page, p.per_page.or(Some(50)))?;
        let s = load_speaker(&state, name, offset, per).await?;
        let points: Vec<(String, u64)> = s.timeline.iter().map(|c| (c.value.clone(), c.count)).collect();
        let svg = timeline_svg(&points);
        let mut days: Vec<Day> = Vec::new();
        for q in s.quotes.iter().cloned() {
            let date = q.published.clone().unwrap_or_else(|| "Undated".to_string());
            if days.last().is_none_or(|d| d.date != date) {
                days.push(Day { anchor: format!("d-{date}"), date, quotes: Vec::new() });
            }
            let Some(day) = days.last_mut() else { continue };
            match day.quotes.iter_mut().find(|g| g.q.article_id != q.article_id && same_words(&g.q.content, &q.content))
            {
                Some(g) => g.also.push(q),
                None => day.quotes.push(SaidOnce { q, also: Vec::new() }),
            }
        }
        let base = format!("/speaker/{}", segment(&s.name));
        let pager = pager(&s.paging, |n| format!("{base}?page={n}"));
        state.templates().render(
            "speaker.html",
            json!({
                "title": s.name.clone(), "nav": "speakers", "timeline_svg": svg, "days": days,
                "entity_href": format!("/entity/{}", segment(&s.name)),
                "search_href": query_string(&[("speaker", s.name.clone())]),
                "pager": pager, "s": s,
            }),
        )
    }
    .await;
    respond(&state, result)
}

/// `/speakers`: who is quoted most.
pub async fn speakers_page(
    State(state): State<AppState>,
    query: Result<ApiQuery<PageParams>, ServerError>,
) -> Response {
    let result = async {
        let ApiQuery(p) = query?;
        let (page, per, offset) = paging(p.page, p.per_page.or(Some(50)))?;
        let index = state.corpus_index().await?;
        let paging = Paging::new(page, per, index.speakers.len() as u64);
        let items: Vec<_> = index.speakers.iter().skip(offset).take(per).cloned().collect();
        let people: Vec<_> = index.entities.iter().filter(|e| e.kind == EntityType::Person).take(30).cloned().collect();
        let orgs: Vec<_> = index.entities.iter().filter(|e| e.kind == EntityType::Org).take(30).cloned().collect();
        let pager = pager(&paging, |n| format!("/speakers?page={n}"));
        state.templates().render(
            "speakers.html",
            json!({ "title": "Speakers and entities", "nav": "speakers", "items": items, "paging": paging,
                       "pager": pager, "people": people, "orgs": orgs }),
        )
    }
    .await;
    respond(&state, result)
}

/// `/places`: geocoded places with coordinates.
pub async fn places_page(State(state): State<AppState>, query: Result<ApiQuery<PageParams>, ServerError>) -> Response {
    let result = async {
        let ApiQuery(p) = query?;
        let (page, per, offset) = paging(p.page, p.per_page.or(Some(100)))?;
        let index = state.corpus_index().await?;
        let paging = Paging::new(page, per, index.places.len() as u64);
        let items: Vec<_> = index.places.iter().skip(offset).take(per).cloned().collect();
        let pager = pager(&paging, |n| format!("/places?page={n}"));
        let map = crate::views::map::map_svg(&index.places);
        state.templates().render(
            "places.html",
            json!({ "title": "Places", "nav": "places", "items": items, "paging": paging, "pager": pager,
                       "map": map }),
        )
    }
    .await;
    respond(&state, result)
}

/// Headlines for stories without a title: the first sentence of their origin (or first) version.
async fn story_headlines(state: &AppState, ids: Vec<String>) -> Result<Vec<Option<String>>, ServerError> {
    state
        .pool()
        .run(move |store| {
            let mut out = Vec::with_capacity(ids.len());
            for id in ids {
                let a = if id.is_empty() { None } else { store.get(&id)? };
                out.push(a.map(|a| article_view_headline(&a)));
            }
            Ok(out)
        })
        .await
}

fn article_view_headline(a: &dateline_analyze::Analysis) -> String {
    match a.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => t.to_string(),
        None => {
            let start = a.dateline.as_ref().map_or(0, |d| d.span.1);
            dateline_store::views::derive_headline(a.text.get(start..).unwrap_or(&a.text))
        }
    }
}

/// `/stories`: republished texts, largest first.
pub async fn stories_page(
    State(state): State<AppState>,
    query: Result<ApiQuery<StoryListParams>, ServerError>,
) -> Response {
    let result = async {
        let ApiQuery(p) = query?;
        let list = load_stories(&state, &p).await?;
        let ids = list
            .items
            .iter()
            .map(|s| if s.title.is_some() { String::new() } else { s.origin.as_ref().map(|o| o.article.clone()).unwrap_or_default() })
            .collect();
        let heads = story_headlines(&state, ids).await?;
        let items: Vec<serde_json::Value> = list
            .items
            .iter()
            .zip(heads)
            .map(|(s, h)| json!({ "s": s, "headline": s.title.clone().or(h).unwrap_or_else(|| format!("Story {}", s.id)) }))
            .collect();
        let pager = pager(&list.paging, |n| format!("/stories?page={n}"));
        state.templates().render(
            "stories.html",
            json!({ "title": "Stories", "nav": "stories", "items": items, "paging": list.paging, "pager": pager }),
        )
    }
    .await;
    respond(&state, result)
}

/// `/events`: events (different stories about one happening), most stories first, each with its
/// stories listed.
pub async fn events_page(
    State(state): State<AppState>,
    query: Result<ApiQuery<EventListParams>, ServerError>,
) -> Response {
    let result = async {
        let ApiQuery(p) = query?;
        let list = load_events(&state, &p).await?;
        let pager = pager(&list.paging, |n| format!("/events?page={n}"));
        state.templates().render(
            "events.html",
            json!({ "title": "Events", "nav": "events", "items": list.items, "paging": list.paging, "pager": pager }),
        )
    }
    .await;
    respond(&state, result)
}

/// `/event/{id}`: every outlet's story about one happening, side by side.
pub async fn event_page(State(state): State<AppState>, id: Result<ApiPath, ServerError>) -> Response {
    let result = async {
        let ApiPath(id) = id?;
        let event = load_event(&state, &id).await?;
        let headline =
            event.stories.iter().find_map(|s| s.title.clone()).unwrap_or_else(|| format!("Event {}", event.id));
        state.templates().render(
            "event.html",
            json!({ "title": headline.clone(), "nav": "events", "headline": headline, "ev": event }),
        )
    }
    .await;
    respond(&state, result)
}

/// `/story/{id}`: the versions of a story side by side, differences marked.
pub async fn story_page(
    State(state): State<AppState>,
    id: Result<ApiPath, ServerError>,
    query: Result<ApiQuery<DiffParams>, ServerError>,
) -> Response {
    let result = async {
        let ApiPath(id) = id?;
        let ApiQuery(p) = query?;
        let story = load_story(&state, &id).await?;
        let diff = if story.members.len() > 1 { Some(load_diff(&state, &story, &p).await?) } else { None };
        let head_of = story.story.origin.as_ref().map(|o| o.article.clone()).unwrap_or_default();
        let headline = match &story.story.title {
            Some(t) => t.clone(),
            None => {
                story_headlines(&state, vec![head_of]).await?.pop().flatten().unwrap_or_else(|| format!("Story {id}"))
            }
        };
        let member = |aid: &str| story.members.iter().position(|m| m.id == aid).map(|i| (i + 1, &story.members[i]));
        let (from, to) = match &diff {
            Some(d) => (member(&d.from), member(&d.to)),
            None => (None, None),
        };
        state.templates().render(
            "story.html",
            json!({
                "origin_n": story.story.origin.as_ref().and_then(|o| member(&o.article)).map(|(n, _)| n),
                "title": headline.clone(), "nav": "stories", "headline": headline, "st": story,
                "diff": diff, "from": from.map(|(n, m)| json!({"n": n, "m": m})),
                "to": to.map(|(n, m)| json!({"n": n, "m": m})),
            }),
        )
    }
    .await;
    respond(&state, result)
}
