//! Shared test setup: a store filled with the demo articles, and the app over it.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use dateline_analyze::{analyze, Resources};
use dateline_ingest::{read_inputs, Limits};
use dateline_server::{router, AppState, ServeConfig};
use dateline_store::Store;
use http_body_util::BodyExt;
use tower::ServiceExt;

pub const TOKEN: &str = "test-token-1234";

/// The demo articles of the repository.
pub fn demo_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/demo")
}

/// A temporary store holding the demo articles.
pub fn demo_store() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let db = dir.path().join("demo.db");
    let mut store = Store::open(&db).unwrap_or_else(|e| panic!("open: {e}"));
    let resources = Resources::embedded().unwrap_or_else(|e| panic!("resources: {e}"));
    let limits = Limits::default();
    let batch: Vec<_> = read_inputs(&[demo_dir()], limits)
        .filter_map(|r| r.and_then(|r| r.into_document(&limits)).ok())
        .map(|doc| analyze(&doc, &resources))
        .collect();
    assert!(batch.len() >= 10, "demo articles: {}", batch.len());
    store.insert_batch(&batch).unwrap_or_else(|e| panic!("insert: {e}"));
    dir
}

/// The app over the store in `dir`, with or without a token.
pub fn app(dir: &tempfile::TempDir, token: Option<&str>, max_body: Option<usize>) -> Router {
    let mut config = ServeConfig::new(dir.path().join("demo.db"));
    config.token = token.map(str::to_string);
    config.readers = 2;
    if let Some(m) = max_body {
        config.max_body_bytes = m;
    }
    router(AppState::open(&config).unwrap_or_else(|e| panic!("state: {e}")))
}

/// A response: status, content type and body.
pub struct Got {
    pub status: StatusCode,
    pub content_type: String,
    pub csp: Option<String>,
    /// `Content-Disposition` (exports name their file there).
    pub disposition: Option<String>,
    pub body: String,
}

impl Got {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

pub async fn send(app: &Router, req: Request<Body>) -> Got {
    let res = app.clone().oneshot(req).await.unwrap_or_else(|e| panic!("request: {e}"));
    let status = res.status();
    let header = |name: &str| res.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
    let content_type = header("content-type").unwrap_or_default();
    let csp = header("content-security-policy");
    let disposition = header("content-disposition");
    let bytes = res.into_body().collect().await.unwrap_or_else(|e| panic!("body: {e}")).to_bytes();
    Got { status, content_type, csp, disposition, body: String::from_utf8_lossy(&bytes).into_owned() }
}

pub async fn get(app: &Router, uri: &str) -> Got {
    send(app, Request::get(uri).body(Body::empty()).unwrap_or_else(|e| panic!("{uri}: {e}"))).await
}

pub async fn post(app: &Router, uri: &str, token: Option<&str>, body: impl Into<Body>) -> Got {
    let mut req = Request::post(uri).header("content-type", "application/x-ndjson");
    if let Some(t) = token {
        req = req.header("authorization", format!("Bearer {t}"));
    }
    send(app, req.body(body.into()).unwrap_or_else(|e| panic!("{uri}: {e}"))).await
}

/// Percent-encodes a path segment.
pub fn seg(s: &str) -> String {
    dateline_server::views::html::segment(s)
}
