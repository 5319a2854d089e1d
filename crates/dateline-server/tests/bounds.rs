//! Limits answer in the API's JSON error shape.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{app, demo_store, send};

const TOKEN: &str = "test-token-0123456789";

/// A Content-Length over the limit used to get the limit layer's text/plain 413.
#[tokio::test(flavor = "multi_thread")]
async fn declared_oversize_body_gets_a_json_413() {
    let dir = demo_store();
    let rw = app(&dir, Some(TOKEN), Some(4096));
    let req = Request::post("/api/ingest")
        .header("content-type", "application/x-ndjson")
        .header("content-length", "100000")
        .header("authorization", format!("Bearer {TOKEN}"))
        .body(Body::from(vec![b'x'; 100_000]))
        .unwrap_or_else(|e| panic!("{e}"));
    let got = send(&rw, req).await;
    assert_eq!(got.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", got.body);
    assert!(got.content_type.starts_with("application/json"), "{}", got.content_type);
    assert_eq!(got.json()["status"], 413);
}
