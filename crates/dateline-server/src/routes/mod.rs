//! The router: API, web pages, static assets, fallbacks and the safety layers.

pub mod api;
pub mod export;
pub mod extract;
pub mod quotes;
pub mod web;

use axum::extract::{DefaultBodyLimit, State};
use axum::http::header::{self, HeaderValue};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::state::AppState;
use crate::ServerError;

/// The stylesheet, served from the binary.
const STYLE_CSS: &str = include_str!("../../static/style.css");
/// The little script: tooltips, highlight toggles, mention linking.
const APP_JS: &str = include_str!("../../static/app.js");
/// The icon.
const ICON_SVG: &str = include_str!("../../static/icon.svg");

/// Every static asset, for the cache-busting fingerprint of their URLs.
pub const ASSETS: [&str; 3] = [STYLE_CSS, APP_JS, ICON_SVG];

/// Pages may load only their own scripts, styles and images: even if some text escaped its
/// escaping, an injected inline script would not run.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// The whole application for `state`.
pub fn router(state: AppState) -> Router {
    let (api, _openapi) = api::router().split_for_parts();
    let max_body = state.max_body_bytes();
    Router::new()
        .merge(api)
        .route("/", get(web::search_page))
        .route("/article/{id}", get(web::article_page))
        .route("/entity/{name}", get(web::entity_page))
        .route("/speaker/{name}", get(web::speaker_page))
        .route("/speakers", get(web::speakers_page))
        .route("/quotes", get(quotes::quotes_page))
        .route("/trail", get(quotes::trail_page))
        .route("/places", get(web::places_page))
        .route("/stories", get(web::stories_page))
        .route("/story/{id}", get(web::story_page))
        .route("/events", get(web::events_page))
        .route("/event/{id}", get(web::event_page))
        .route("/static/style.css", get(|| asset("text/css; charset=utf-8", STYLE_CSS)))
        .route("/static/app.js", get(|| asset("text/javascript; charset=utf-8", APP_JS)))
        .route("/static/icon.svg", get(|| asset("image/svg+xml", ICON_SVG)))
        .route("/favicon.ico", get(|| asset("image/svg+xml", ICON_SVG)))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(max_body))
        .layer(RequestBodyLimitLayer::new(max_body))
        .layer(axum::middleware::from_fn_with_state(state.clone(), refuse_declared_large_body))
        .layer(SetResponseHeaderLayer::if_not_present(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP)))
        .layer(SetResponseHeaderLayer::overriding(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::overriding(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer")))
        .layer(SetResponseHeaderLayer::overriding(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
        .with_state(state)
}

/// A request whose `Content-Length` is over the body limit is refused before its body is read,
/// with the API's JSON error (the limit layer inside would answer in plain text).
async fn refuse_declared_large_body(
    State(state): State<AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    let limit = state.max_body_bytes();
    if declared.is_some_and(|n| n > limit as u64) {
        return ServerError::PayloadTooLarge { limit }.into_response();
    }
    next.run(req).await
}

/// A static asset; cached for an hour (they change only with the binary).
async fn asset(content_type: &'static str, body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, "public, max-age=3600")], body).into_response()
}

/// Unknown paths: a JSON error under `/api`, an HTML page elsewhere.
async fn not_found(State(state): State<AppState>, uri: Uri) -> Response {
    let e = ServerError::NotFound(format!("no such page: {}", uri.path()));
    if uri.path().starts_with("/api/") || uri.path() == "/api" {
        e.into_response()
    } else {
        web::error_page(&state, e)
    }
}

async fn method_not_allowed(State(state): State<AppState>, uri: Uri) -> Response {
    if uri.path().starts_with("/api/") {
        ServerError::MethodNotAllowed.into_response()
    } else {
        let mut r = web::error_page(&state, ServerError::MethodNotAllowed);
        *r.status_mut() = StatusCode::METHOD_NOT_ALLOWED;
        r
    }
}
