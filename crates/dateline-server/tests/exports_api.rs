//! Search and story exports over the demo store: every match in the order the API pages them,
//! the same rows as JSON Lines and CSV, filters carried, a file name to save under, and bad
//! parameters or unknown stories answered before any download starts.

mod common;

use axum::http::StatusCode;
use common::*;
use serde_json::Value;

/// Every hit of a search, page after page, in order.
async fn all_hits(app: &axum::Router, query: &str) -> Vec<Value> {
    let mut out = Vec::new();
    for page in 1.. {
        let got = get(app, &format!("/api/search?{query}&per_page=100&page={page}")).await.json();
        let hits = got["hits"].as_array().cloned().unwrap_or_default();
        if hits.is_empty() {
            return out;
        }
        out.extend(hits);
    }
    out
}

fn jsonl(body: &str) -> Vec<Value> {
    body.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("a JSON line ({e}): {l}"))).collect()
}

/// CSV records (RFC 4180: a quoted field may hold commas, quotes and line breaks).
fn csv_records(body: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let (mut record, mut field, mut quoted, mut chars) = (Vec::new(), String::new(), false, body.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    records
}

#[tokio::test]
async fn search_export_gives_every_match_in_the_search_order() {
    let dir = demo_store();
    let app = app(&dir, None, None);
    for query in ["q=said", "q=said&sort=oldest", "sort=newest", "q=minister&from=2023"] {
        let hits = all_hits(&app, query).await;
        assert!(!hits.is_empty(), "{query}");
        let got = get(&app, &format!("/api/search/export?{query}")).await;
        assert_eq!(got.status, StatusCode::OK, "{query}");
        assert_eq!(got.content_type, "application/x-ndjson");
        assert_eq!(got.disposition.as_deref(), Some("attachment; filename=\"search.jsonl\""));
        let rows = jsonl(&got.body);
        let ids = |v: &[Value]| v.iter().map(|h| h["id"].as_str().unwrap_or_default().to_string()).collect::<Vec<_>>();
        assert_eq!(ids(&rows), ids(&hits), "{query}: the export follows the search order");
        for (row, hit) in rows.iter().zip(&hits) {
            for key in
                ["headline", "published", "place", "country", "language", "sources", "score", "story", "versions"]
            {
                assert_eq!(row[key], hit[key], "{query}: {key} of {}", hit["id"]);
            }
        }
    }
}

#[tokio::test]
async fn search_export_carries_filters_and_writes_csv() {
    let dir = demo_store();
    let app = app(&dir, None, None);
    let facets = get(&app, "/api/search?q=said").await.json();
    let place = facets["facets"]["places"][0]["value"].as_str().unwrap_or_default().to_string();
    let count = facets["facets"]["places"][0]["count"].as_u64().unwrap_or_default() as usize;
    assert!(!place.is_empty() && count > 0, "{facets}");
    let rows = jsonl(&get(&app, &format!("/api/search/export?q=said&place={}", seg(&place))).await.body);
    assert_eq!(rows.len(), count);
    assert!(rows.iter().all(|r| r["place"].as_str() == Some(place.as_str())));

    // The search page's export links carry its filters.
    let page = get(&app, &format!("/?q=said&place={}", seg(&place))).await.body.replace("&#x2f;", "/");
    let link = format!("href=\"/api/search/export?q=said&amp;place={}&amp;format=csv\"", seg(&place));
    assert!(page.contains(&link), "{link} in {page}");

    let csv = get(&app, &format!("/api/search/export?q=said&place={}&format=csv", seg(&place))).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.content_type.starts_with("text/csv"), "{}", csv.content_type);
    assert_eq!(csv.disposition.as_deref(), Some("attachment; filename=\"search.csv\""));
    let records = csv_records(&csv.body);
    assert_eq!(records[0].join(","), "published,headline,place,country,language,sources,url,score,story,versions,id");
    assert_eq!(records.len(), count + 1);
    for (record, row) in records[1..].iter().zip(&rows) {
        assert_eq!(record.len(), 11);
        assert_eq!(record[10], row["id"].as_str().unwrap_or_default());
        assert_eq!(record[1], row["headline"].as_str().unwrap_or_default());
        assert_eq!(record[2], place);
    }
}

#[tokio::test]
async fn story_export_gives_each_version_with_its_origin_flags() {
    let dir = demo_store();
    let app = app(&dir, None, None);
    let stories = get(&app, "/api/stories").await.json();
    let id = stories["items"][0]["id"].as_i64().expect("a story with two versions in the demo");
    let story = get(&app, &format!("/api/stories/{id}")).await.json();
    let members = story["members"].as_array().cloned().unwrap_or_default();
    assert!(members.len() >= 2, "{story}");

    let got = get(&app, &format!("/api/stories/{id}/export")).await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(got.content_type, "application/x-ndjson");
    assert_eq!(got.disposition, Some(format!("attachment; filename=\"story-{id}.jsonl\"")));
    let rows = jsonl(&got.body);
    assert_eq!(rows.len(), members.len());
    for (row, m) in rows.iter().zip(&members) {
        assert_eq!(row["story"].as_i64(), Some(id));
        for key in
            ["id", "title", "published", "source", "sources", "shingles", "via", "similarity", "uncredited", "origin"]
        {
            assert_eq!(row[key], m[key], "{key} of {}", m["id"]);
        }
    }
    assert_eq!(rows.iter().filter(|r| r["origin"] == true).count(), 1);
    assert_eq!(rows.iter().find(|r| r["origin"] == true).map(|r| &r["id"]), Some(&story["story"]["origin"]["article"]));

    // The story page links both.
    let page = get(&app, &format!("/story/{id}")).await.body.replace("&#x2f;", "/");
    assert!(page.contains(&format!("href=\"/api/stories/{id}/export?format=csv\"")), "{page}");

    let csv = get(&app, &format!("/api/stories/{id}/export?format=csv")).await;
    let records = csv_records(&csv.body);
    assert_eq!(
        records[0].join(","),
        "story,published,title,sources,source,origin,uncredited,shingles,via,similarity,id"
    );
    assert_eq!(records.len(), members.len() + 1);
    let ids: Vec<&str> = records[1..].iter().map(|r| r[10].as_str()).collect();
    let expected: Vec<&str> = members.iter().filter_map(|m| m["id"].as_str()).collect();
    assert_eq!(ids, expected);
}

#[tokio::test]
async fn bad_export_requests_are_answered_before_the_download() {
    let dir = demo_store();
    let app = app(&dir, None, None);
    for (uri, status, says) in [
        ("/api/search/export?format=xlsx", StatusCode::BAD_REQUEST, "format"),
        ("/api/search/export?from=2021-13-45", StatusCode::BAD_REQUEST, "from"),
        ("/api/search/export?sort=loudest", StatusCode::BAD_REQUEST, "sort"),
        ("/api/stories/seven/export", StatusCode::BAD_REQUEST, "story id"),
        ("/api/stories/1/export?format=pdf", StatusCode::BAD_REQUEST, "format"),
        ("/api/stories/999999/export", StatusCode::NOT_FOUND, "999999"),
    ] {
        let got = get(&app, uri).await;
        assert_eq!(got.status, status, "{uri}");
        assert!(got.disposition.is_none(), "{uri}");
        let body = got.json();
        assert!(body["message"].as_str().unwrap_or_default().contains(says), "{uri}: {body}");
    }
    // A search nothing matches is an empty file (CSV: the header alone).
    let empty = get(&app, "/api/search/export?q=zzzyxqwv&format=csv").await;
    assert_eq!(empty.status, StatusCode::OK);
    assert_eq!(csv_records(&empty.body).len(), 1);
}

#[tokio::test]
async fn every_export_is_in_the_openapi_document_with_both_formats() {
    let dir = demo_store();
    let app = app(&dir, None, None);
    let doc = get(&app, "/api/openapi.json").await.json();
    for path in ["/api/search/export", "/api/stories/{id}/export", "/api/quotes/export"] {
        let op = &doc["paths"][path]["get"];
        assert!(op.is_object(), "{path} is documented");
        let content = &op["responses"]["200"]["content"];
        assert!(content["application/x-ndjson"].is_object() && content["text/csv"].is_object(), "{path}: {content}");
        let params: Vec<&str> =
            op["parameters"].as_array().into_iter().flatten().filter_map(|p| p["name"].as_str()).collect();
        assert!(params.contains(&"format"), "{path}: {params:?}");
    }
    let row = &doc["components"]["schemas"]["ExportedArticle"]["properties"];
    assert!(row["headline"].is_object() && row["versions"].is_object(), "{row}");
    assert!(doc["components"]["schemas"]["ExportedVersion"]["properties"]["origin"].is_object());
}

/// The event pages: the listing links each event, an event page links each of its stories, and
/// the API agrees with them.
#[tokio::test(flavor = "multi_thread")]
async fn event_pages_list_their_stories_side_by_side() {
    let dir = demo_store();
    let app = app(&dir, None, None);
    let events = get(&app, "/api/events?min_stories=1&per_page=100").await.json();
    let items = events["items"].as_array().cloned().unwrap_or_default();
    assert!(!items.is_empty(), "every story is in an event");
    let total = events["paging"]["total"].as_u64().unwrap_or(0);
    assert_eq!(total as usize, items.len());
    let first = &items[0];
    let id = first["id"].as_i64().unwrap_or_default();
    let page = get(&app, &format!("/event/{id}")).await;
    assert_eq!(page.status, axum::http::StatusCode::OK);
    for s in first["stories"].as_array().into_iter().flatten() {
        let sid = s["id"].as_i64().unwrap_or_default();
        assert!(page.body.replace("&#x2f;", "/").contains(&format!("/story/{sid}")), "{}", page.body);
    }
    assert_eq!(get(&app, "/api/events/999999").await.status, axum::http::StatusCode::NOT_FOUND);
    assert_eq!(get(&app, "/api/events/abc").await.status, axum::http::StatusCode::BAD_REQUEST);
    assert_eq!(get(&app, "/event/999999").await.status, axum::http::StatusCode::NOT_FOUND);
}
