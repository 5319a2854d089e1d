//! Quote search and export: `GET /api/quotes` (one page, with the speakers facet),
//! `GET /api/quotes/export` (every match as JSON Lines or CSV, streamed) and the `/quotes` page.
//!
//! The export streams through the shared [`super::export`] module: a row walk on a blocking
//! thread feeding the response body through a bounded channel, so memory does not grow with the
//! size of the export.

use std::sync::Arc;

use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use axum::Json;
use dateline_analyze::QuoteKind;
use dateline_store::views::{FacetCount, SearchFilter};
use dateline_store::{QuoteFilter, QuoteHit};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::{IntoParams, ToSchema};

use super::api::{check_date_bound, paging};
use super::export::{self, opt, ExportRow, Format, EXPORT_MAX};
use super::extract::ApiQuery;
use super::web::error_page;
use crate::model::{Paging, WordOp, WordOut};
use crate::state::AppState;
use crate::views::html::segment;
use crate::ServerError;

/// Quote search filters (all optional; all given ones must hold).
#[derive(Debug, Clone, Default, Deserialize, Serialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QuoteParams {
    /// Words of the quote or its speaker's name: all must occur; "an exact phrase"; `word*`.
    #[param(example = "ceasefire")]
    pub q: Option<String>,
    /// The resolved speaker's name, exactly (case-insensitive).
    pub speaker: Option<String>,
    /// `direct`, `indirect` or `partial`.
    pub kind: Option<String>,
    /// Dateline place of the article, exactly (case-insensitive).
    pub place: Option<String>,
    /// Dateline country of the article, ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// A wire credit of the article's dateline.
    pub source: Option<String>,
    /// The article's language code.
    pub language: Option<String>,
    /// An entity the article names (an organisation, a place, a person; canonical name).
    pub entity: Option<String>,
    /// Published on or after (ISO 8601 date or prefix).
    pub from: Option<String>,
    /// Published on or before (inclusive of the whole period named).
    pub to: Option<String>,
    /// Page number, from 1 (search only).
    #[param(minimum = 1)]
    pub page: Option<usize>,
    /// Quotes per page, 1 to 100 (search only).
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<usize>,
    /// Export format: `jsonl` (default) or `csv` (export only).
    pub format: Option<String>,
}

/// One page of quotes.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct QuotesResponse {
    /// Where this page is.
    pub paging: Paging,
    /// The quotes of this page.
    pub hits: Vec<QuoteHit>,
    /// The most quoted speakers among the best 2,000 matches (all matches when fewer), as
    /// article search counts its facets.
    pub speakers: Vec<FacetCount>,
}

/// The store filter of quote parameters, or a 400 naming the bad one.
pub fn quote_filter(p: &QuoteParams) -> Result<QuoteFilter, ServerError> {
    let nonempty = |v: &Option<String>| v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
    let kind =
        match nonempty(&p.kind).map(|k| k.to_ascii_lowercase()) {
            Some(k) => Some(QuoteKind::parse(&k).ok_or_else(|| {
                ServerError::BadRequest(format!("kind must be direct, indirect or partial, not {k:?}"))
            })?),
            None => None,
        };
    check_date_bound("from", nonempty(&p.from).as_deref())?;
    check_date_bound("to", nonempty(&p.to).as_deref())?;
    Ok(QuoteFilter {
        text: nonempty(&p.q),
        speaker: nonempty(&p.speaker),
        kind,
        article: SearchFilter {
            text: None,
            place: nonempty(&p.place),
            country: nonempty(&p.country),
            source: nonempty(&p.source),
            language: nonempty(&p.language),
            entity: nonempty(&p.entity),
            speaker: None,
            from: nonempty(&p.from),
            to: nonempty(&p.to),
        },
    })
}

/// Runs a quote search for the API and the web page alike.
///
/// Answers are cached by their parameters until the store changes, as article searches are: a
/// word that most quotes of a large corpus carry costs the ranking of all of them.
pub async fn run_quotes(state: &AppState, p: &QuoteParams) -> Result<Arc<QuotesResponse>, ServerError> {
    let (page, per, offset) = paging(p.page, p.per_page)?;
    let filter = quote_filter(p)?;
    let key = format!("{filter:?}|{offset}|{per}");
    state
        .cached_quotes(key, move |store| {
            let found = store.quote_search(&filter, offset, per)?;
            Ok(QuotesResponse {
                paging: Paging::new(page, per, found.total),
                hits: found.hits,
                speakers: found.speakers,
            })
        })
        .await
}

/// Search quotes: who said what.
///
/// Words of the quote or its speaker, combined with the speaker, the kind of quote and the
/// filters of the article that carries it (place, country, source, language, entity, dates).
/// Best match first for a text query, newest first otherwise.
#[utoipa::path(
    get,
    path = "/api/quotes",
    tag = "search",
    params(QuoteParams),
    responses(
        (status = 200, description = "One page of quotes, the total, and the speakers of the best 2,000 matches", body = QuotesResponse),
        (status = 400, description = "A bad parameter (paging, kind, dates)", body = crate::error::ApiError)
    )
)]
pub async fn quotes(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<QuoteParams>,
) -> Result<Json<Arc<QuotesResponse>>, ServerError> {
    Ok(Json(run_quotes(&state, &p).await?))
}

/// Export quotes: every match, as JSON Lines or CSV.
///
/// The same filters as `/api/quotes`, in the same order, at most 1,000,000 quotes; streamed, so
/// it starts at once and any size downloads in constant server memory. A store error after the
/// first row ends the download early (the file is then shorter than the matches).
#[utoipa::path(
    get,
    path = "/api/quotes/export",
    tag = "search",
    params(QuoteParams),
    responses(
        (status = 200, description = "The quotes: one JSON object per line, or CSV with a header row",
         content((QuoteHit = "application/x-ndjson"), (String = "text/csv"))),
        (status = 400, description = "A bad parameter (format, kind, dates)", body = crate::error::ApiError)
    )
)]
pub async fn quotes_export(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<QuoteParams>,
) -> Result<Response, ServerError> {
    let filter = quote_filter(&p)?;
    let format = Format::parse(p.format.as_deref())?;
    Ok(export::stream::<QuoteHit, _>(&state, "quotes", format, move |store, sink| {
        store.for_each_quote(&filter, EXPORT_MAX, |hit| sink.send(&hit))?;
        Ok(())
    }))
}

impl ExportRow for QuoteHit {
    const CSV_HEADER: &'static str =
        "published,speaker,kind,cue,content,headline,place,country,sources,article_id,index\r\n";

    fn csv_fields(&self) -> Vec<String> {
        vec![
            opt(&self.published),
            opt(&self.speaker_name),
            opt(&self.kind),
            opt(&self.cue),
            self.content.clone(),
            self.headline.clone(),
            opt(&self.place),
            opt(&self.country),
            self.sources.join("; "),
            self.article_id.clone(),
            self.index.to_string(),
        ]
    }
}

/// Which quote a trail starts from.
#[derive(Debug, Clone, Default, Deserialize, Serialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TrailParams {
    /// The article's id (16 hex digits).
    pub article: String,
    /// The quote's index in the article record's `quotes`.
    pub index: usize,
}

/// One appearance of a quote in a trail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TrailStopOut {
    /// The article: `GET /api/articles/{id}`.
    pub article_id: String,
    /// Its headline (its title, else its first sentence).
    pub headline: String,
    /// Its publication date.
    pub published: Option<String>,
    /// Its dateline place.
    pub place: Option<String>,
    /// The quote's index in that article's `quotes`.
    pub index: usize,
    /// The speaker as resolved in that article.
    pub speaker_name: Option<String>,
    /// The quote as that article words it.
    pub content: String,
    /// Shared distinct words with the starting quote, as a share of the shorter one's.
    pub overlap: f64,
    /// Word for word the first appearance's wording.
    pub same_wording: bool,
    /// How the wording differs from the first appearance: runs of `same`, `removed` and `added`
    /// words (empty when the same).
    pub changes: Vec<WordOut>,
}

/// A quote and every article carrying it, earliest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TrailResponse {
    /// The speaker, when some appearance resolves one.
    pub speaker_name: Option<String>,
    /// The appearances by publication date, undated last; the first is the likely origin.
    pub stops: Vec<TrailStopOut>,
}

fn words_of(changes: Vec<dateline_store::diff::ParagraphChange>) -> Vec<WordOut> {
    use dateline_store::diff::ParagraphChange;
    let mut out = Vec::new();
    for c in changes {
        match c {
            ParagraphChange::Same { text } => out.push(WordOut { op: WordOp::Same, text }),
            ParagraphChange::Removed { text } => out.push(WordOut { op: WordOp::Removed, text }),
            ParagraphChange::Added { text } => out.push(WordOut { op: WordOp::Added, text }),
            ParagraphChange::Changed { words, .. } => out.extend(words.into_iter().map(WordOut::from)),
        }
    }
    out
}

/// Loads a quote's trail for the API and the page alike.
pub async fn load_trail(state: &AppState, article: String, index: usize) -> Result<TrailResponse, ServerError> {
    if article.len() != 16 || !article.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(ServerError::BadRequest(format!("article must be a 16-digit hex id, not {article:?}")));
    }
    let shown = format!("quote {index} of article {article}");
    let trail = state.pool().run(move |store| Ok(store.quote_trail(&article.to_ascii_lowercase(), index)?)).await?;
    let trail = trail.ok_or_else(|| ServerError::NotFound(shown))?;
    Ok(TrailResponse {
        speaker_name: trail.speaker_name,
        stops: trail
            .stops
            .into_iter()
            .map(|s| TrailStopOut {
                article_id: s.article_id,
                headline: s.headline,
                published: s.published,
                place: s.place,
                index: s.index,
                speaker_name: s.speaker_name,
                content: s.content,
                overlap: s.overlap,
                same_wording: s.same_wording,
                changes: words_of(s.changes),
            })
            .collect(),
    })
}

/// Follow a quote: every article carrying it, where it first appeared, how its wording changed.
///
/// Quotes join when most of their words coincide (a trimmed quote still joins) and their
/// resolved speakers do not differ. The first stop is the earliest publication.
#[utoipa::path(
    get,
    path = "/api/quotes/trail",
    tag = "stories",
    params(TrailParams),
    responses(
        (status = 200, description = "The quote's trail", body = TrailResponse),
        (status = 400, description = "A bad article id or index", body = crate::error::ApiError),
        (status = 404, description = "No such quote", body = crate::error::ApiError)
    )
)]
pub async fn quote_trail(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<TrailParams>,
) -> Result<Json<TrailResponse>, ServerError> {
    Ok(Json(load_trail(&state, p.article, p.index).await?))
}

/// `/trail?article=ID&index=N`: a quote's trail as a page.
pub async fn trail_page(State(state): State<AppState>, query: Result<ApiQuery<TrailParams>, ServerError>) -> Response {
    let result = async {
        let ApiQuery(p) = query?;
        let trail = load_trail(&state, p.article.clone(), p.index).await?;
        let title = match &trail.speaker_name {
            Some(s) => format!("Trail of a quote by {s}"),
            None => "Trail of a quote".to_string(),
        };
        state.templates().render("trail.html", json!({ "title": title, "nav": "quotes", "trail": trail, "from": p }))
    }
    .await;
    match result {
        Ok(html) => Html(html).into_response(),
        Err(e) => error_page(&state, e),
    }
}

/// The filters of a quote search as `(key, value)` pairs, page and format excluded, in the order
/// links write them.
fn quote_pairs(p: &QuoteParams) -> Vec<(&'static str, String)> {
    let v = |o: &Option<String>| o.clone().unwrap_or_default();
    vec![
        ("q", v(&p.q)),
        ("speaker", v(&p.speaker)),
        ("kind", v(&p.kind)),
        ("place", v(&p.place)),
        ("country", v(&p.country)),
        ("source", v(&p.source)),
        ("language", v(&p.language)),
        ("entity", v(&p.entity)),
        ("from", v(&p.from)),
        ("to", v(&p.to)),
    ]
}

/// `path?k=v&...` for the non-empty pairs, values percent-encoded, with `extra` pairs after them.
fn link(path: &str, pairs: &[(&str, String)], extra: &[(&str, String)]) -> String {
    let parts: Vec<String> = pairs
        .iter()
        .chain(extra)
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| format!("{k}={}", segment(v)))
        .collect();
    if parts.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", parts.join("&"))
    }
}

/// `/quotes`: the quote search page, with its filters kept in the URL, a speakers facet that
/// follows them, paging, and export links for the same filters.
pub async fn quotes_page(State(state): State<AppState>, query: Result<ApiQuery<QuoteParams>, ServerError>) -> Response {
    let result = async {
        let ApiQuery(mut p) = query?;
        p.per_page = Some(p.per_page.unwrap_or(25));
        let found = run_quotes(&state, &p).await?;
        let pairs = quote_pairs(&p);
        let with = |key: &str, value: &str| {
            let changed: Vec<(&str, String)> =
                pairs.iter().map(|(k, v)| (*k, if *k == key { value.to_string() } else { v.clone() })).collect();
            link("/quotes", &changed, &[])
        };
        let speakers: Vec<serde_json::Value> = found
            .speakers
            .iter()
            .map(|c| {
                let active = p.speaker.as_deref().is_some_and(|s| s.eq_ignore_ascii_case(&c.value));
                json!({ "label": c.value, "count": c.count, "active": active,
                        "href": with("speaker", if active { "" } else { &c.value }) })
            })
            .collect();
        let kinds: Vec<serde_json::Value> = QuoteKind::ALL
            .iter()
            .map(|k| k.as_str())
            .map(|k| {
                let active = p.kind.as_deref().is_some_and(|s| s.eq_ignore_ascii_case(k));
                json!({ "label": k, "active": active, "href": with("kind", if active { "" } else { k }) })
            })
            .collect();
        let chips: Vec<serde_json::Value> = pairs
            .iter()
            .filter(|(k, v)| *k != "q" && !v.trim().is_empty())
            .map(|(k, v)| json!({ "label": k, "value": v, "remove": with(k, "") }))
            .collect();
        let paging = &found.paging;
        let prev = (paging.page > 1).then(|| link("/quotes", &pairs, &[("page", (paging.page - 1).to_string())]));
        let next = ((paging.page as u64) < paging.pages)
            .then(|| link("/quotes", &pairs, &[("page", (paging.page + 1).to_string())]));
        let pager = (paging.pages > 1)
            .then(|| json!({ "prev": prev, "next": next, "page": paging.page, "pages": paging.pages }));
        let export_csv = link("/api/quotes/export", &pairs, &[("format", "csv".into())]);
        let export_jsonl = link("/api/quotes/export", &pairs, &[("format", "jsonl".into())]);
        state.templates().render(
            "quotes.html",
            json!({ "title": "Quotes", "nav": "quotes", "params": p, "results": found, "speakers": speakers,
                    "kinds": kinds, "chips": chips, "pager": pager, "export_csv": export_csv,
                    "export_jsonl": export_jsonl }),
        )
    }
    .await;
    match result {
        Ok(html) => Html(html).into_response(),
        Err(e) => error_page(&state, e),
    }
}
