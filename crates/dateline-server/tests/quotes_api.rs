//! Quote search and export over the demo store: filters narrow, pages follow the export's
//! order, CSV and JSON Lines carry the same quotes, and bad parameters are a 400 that says why.

mod common;

use axum::http::StatusCode;
use common::*;
use serde_json::Value;

#[tokio::test]
async fn quotes_search_filters_by_words_speaker_and_kind() {
    let dir = demo_store();
    let app = app(&dir, None, None);
    let all = get(&app, "/api/quotes?per_page=100").await.json();
    let total = all["paging"]["total"].as_u64().unwrap_or_default();
    assert!(total >= 10, "the demo articles quote people: {all}");
    let speaker = all["speakers"][0]["value"].as_str().unwrap_or_default().to_string();
    let said = all["speakers"][0]["count"].as_u64().unwrap_or_default();
    assert!(!speaker.is_empty() && said >= 1, "{all}");

    // The speaker filter gives exactly the facet's count, all by that speaker.
    let by = get(&app, &format!("/api/quotes?per_page=100&speaker={}", seg(&speaker.to_uppercase()))).await.json();
    assert_eq!(by["paging"]["total"].as_u64(), Some(said), "{by}");
    for h in by["hits"].as_array().into_iter().flatten() {
        assert_eq!(h["speaker_name"].as_str(), Some(speaker.as_str()));
    }

    // Words of one quote find it; each hit's span points at its content in the article.
    let first = &all["hits"][0];
    let word = first["content"].as_str().unwrap_or_default().split_whitespace().max_by_key(|w| w.len()).unwrap_or("x");
    let word: String = word.chars().filter(|c| c.is_alphanumeric()).collect();
    let found = get(&app, &format!("/api/quotes?q={}", seg(&word))).await.json();
    let hits = found["hits"].as_array().cloned().unwrap_or_default();
    assert!(hits.iter().any(|h| h["content"] == first["content"]), "{word}: {found}");
    let article =
        get(&app, &format!("/api/articles/{}", first["article_id"].as_str().unwrap_or_default())).await.json();
    let text = article["text"].as_str().unwrap_or_default();
    let span = &first["span"];
    let (s, e) = (span[0].as_u64().unwrap_or(0) as usize, span[1].as_u64().unwrap_or(0) as usize);
    assert_eq!(text.get(s..e), first["content"].as_str());

    // Kinds partition the quotes.
    let mut by_kind = 0;
    for kind in ["direct", "indirect", "partial"] {
        let got = get(&app, &format!("/api/quotes?kind={kind}&per_page=100")).await.json();
        for h in got["hits"].as_array().into_iter().flatten() {
            assert_eq!(h["kind"].as_str(), Some(kind));
        }
        by_kind += got["paging"]["total"].as_u64().unwrap_or_default();
    }
    assert_eq!(by_kind, total);
}

#[tokio::test]
async fn export_streams_every_match_as_jsonl_and_csv() {
    let dir = demo_store();
    let app = app(&dir, None, None);
    let page = get(&app, "/api/quotes?per_page=100").await.json();
    let total = page["paging"]["total"].as_u64().unwrap_or_default() as usize;

    let jsonl = get(&app, "/api/quotes/export").await;
    assert_eq!(jsonl.status, StatusCode::OK);
    assert_eq!(jsonl.content_type, "application/x-ndjson");
    let lines: Vec<Value> = jsonl.body.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    assert_eq!(lines.len(), total);
    assert_eq!(Some(&lines), page["hits"].as_array(), "the export follows the search order");

    let csv = get(&app, "/api/quotes/export?format=csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.content_type.starts_with("text/csv"));
    assert!(csv.body.starts_with("published,speaker,kind,cue,content,"));
    // Records, not lines: a quoted field may hold a line break. Count rows by their final id column.
    let ids = lines.iter().filter(|l| csv.body.contains(l["article_id"].as_str().unwrap_or("?"))).count();
    assert_eq!(ids, total);
}

#[tokio::test]
async fn bad_quote_parameters_are_a_400_that_says_why() {
    let dir = demo_store();
    let app = app(&dir, None, None);
    for (uri, says) in [
        ("/api/quotes?kind=rumour", "kind"),
        ("/api/quotes?from=2021-13-45", "from"),
        ("/api/quotes?to=2021-02-30", "to"),
        ("/api/quotes?page=0", "page"),
        ("/api/quotes/export?format=xlsx", "format"),
        ("/api/search?from=2021-13-45", "from"),
    ] {
        let got = get(&app, uri).await;
        assert_eq!(got.status, StatusCode::BAD_REQUEST, "{uri}");
        let body = got.json();
        assert_eq!(body["status"], 400, "{uri}");
        assert!(body["message"].as_str().unwrap_or_default().contains(says), "{uri}: {body}");
    }
    // Real dates and prefixes are fine.
    for uri in ["/api/quotes?from=2024&to=2024-02-29", "/api/search?from=2023-07&to=2023-07-31"] {
        assert_eq!(get(&app, uri).await.status, StatusCode::OK, "{uri}");
    }
}

#[tokio::test]
async fn a_quote_carried_by_two_versions_has_a_trail_page_and_api() {
    let dir = demo_store();
    let app = app(&dir, None, None);
    // The demo has a story republished with the same quotes: find a quote in two articles.
    let all = get(&app, "/api/quotes?per_page=100").await.json();
    let hits = all["hits"].as_array().cloned().unwrap_or_default();
    let shared = hits
        .iter()
        .find(|h| hits.iter().filter(|o| o["content"] == h["content"]).count() > 1)
        .expect("a quote carried twice");
    let (article, index) = (shared["article_id"].as_str().unwrap_or_default(), shared["index"].as_u64().unwrap_or(0));
    let trail = get(&app, &format!("/api/quotes/trail?article={article}&index={index}")).await.json();
    let stops = trail["stops"].as_array().cloned().unwrap_or_default();
    assert!(stops.len() >= 2, "{trail}");
    assert!(stops.iter().any(|s| s["article_id"] == article));
    assert!(stops.iter().all(|s| s["speaker_name"] == stops[0]["speaker_name"]));
    let dates: Vec<&str> = stops.iter().filter_map(|s| s["published"].as_str()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "earliest first: {dates:?}");

    let page = get(&app, &format!("/trail?article={article}&index={index}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("first seen"));

    for (uri, status) in [
        ("/api/quotes/trail?article=zz&index=0", StatusCode::BAD_REQUEST),
        ("/api/quotes/trail?article=ffffffffffffffff&index=0", StatusCode::NOT_FOUND),
        (&*format!("/api/quotes/trail?article={article}&index=999"), StatusCode::NOT_FOUND),
    ] {
        assert_eq!(get(&app, uri).await.status, status, "{uri}");
    }
}

#[tokio::test]
async fn cached_quote_answers_follow_an_ingest_at_once() {
    let dir = demo_store();
    let app = app(&dir, Some(TOKEN), None);
    let uri = "/api/quotes?q=marmalade";
    let before = get(&app, uri).await.json();
    assert_eq!(before["paging"]["total"], 0, "{before}");
    // Asked twice: the second answer comes from the cache and is the same.
    assert_eq!(get(&app, uri).await.json(), before);
    let line = r#"{"text": "NAIROBI (Wire) - \"The marmalade factory will reopen in June,\" Wanjiru Kamau said on Monday.", "title": "Factory"}"#;
    let stored = post(&app, "/api/ingest", Some(TOKEN), line).await.json();
    assert_eq!(stored["stored"], 1, "{stored}");
    let after = get(&app, uri).await.json();
    assert_eq!(after["paging"]["total"], 1, "the ingest clears the cached answer: {after}");
    assert!(after["hits"][0]["content"].as_str().unwrap_or_default().contains("marmalade"));
}
