//! The API against its OpenAPI document: every route is documented, every documented operation
//! answers with a documented status and a body that has the documented shape; errors are JSON
//! `{status, message}`; limits and the token are enforced.

mod common;

use std::collections::BTreeSet;

use axum::http::StatusCode;
use common::*;
use serde_json::Value;

/// Every API route the server has, as `METHOD path` (the router cannot be enumerated, so this
/// list is the other half of the check: a route added without documentation fails here).
const ROUTES: &[&str] = &[
    "get /api/search",
    "get /api/search/export",
    "get /api/articles/{id}",
    "get /api/entities",
    "get /api/entities/{name}",
    "get /api/speakers",
    "get /api/speakers/{name}",
    "get /api/places",
    "get /api/stats",
    "get /api/stories",
    "get /api/stories/{id}",
    "get /api/stories/{id}/diff",
    "get /api/stories/{id}/export",
    "get /api/events",
    "get /api/events/{id}",
    "get /api/quotes",
    "get /api/quotes/export",
    "get /api/quotes/trail",
    "post /api/ingest",
    "get /api/openapi.json",
];

/// Resolves a `$ref` into the document's components.
fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let name = r.rsplit('/').next().unwrap_or_default();
            &doc["components"]["schemas"][name]
        }
        None => schema,
    }
}

/// Checks `value` against `schema` as far as this API needs: types, enumerated values, required
/// properties, properties and array items, recursively. Returns the first mismatch.
fn check(doc: &Value, schema: &Value, value: &Value, at: &str) -> Result<(), String> {
    let schema = resolve(doc, schema);
    if let Some(any) = schema.get("oneOf").and_then(Value::as_array) {
        return if any.iter().any(|s| check(doc, s, value, at).is_ok()) {
            Ok(())
        } else {
            Err(format!("{at}: matches none of oneOf"))
        };
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        if !values.contains(value) {
            return Err(format!("{at}: {value} is none of {values:?}"));
        }
    }
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    if !types.is_empty() {
        let actual = match value {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        };
        let ok = types.contains(&actual) || (actual == "integer" && types.contains(&"number"));
        if !ok {
            return Err(format!("{at}: expected {types:?}, got {actual}"));
        }
    }
    if let (Some(required), Some(obj)) = (schema["required"].as_array(), value.as_object()) {
        for r in required.iter().filter_map(Value::as_str) {
            if !obj.contains_key(r) {
                return Err(format!("{at}: missing required property {r}"));
            }
        }
    }
    if let (Some(props), Some(obj)) = (schema["properties"].as_object(), value.as_object()) {
        for (k, v) in obj {
            if let Some(s) = props.get(k) {
                check(doc, s, v, &format!("{at}.{k}"))?;
            }
        }
    }
    if let (Some(items), Some(arr)) = (schema.get("items"), value.as_array()) {
        for (i, v) in arr.iter().enumerate() {
            check(doc, items, v, &format!("{at}[{i}]"))?;
        }
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn every_route_is_documented_and_answers_as_documented() {
    let dir = demo_store();
    let app = app(&dir, Some(TOKEN), None);
    let doc = get(&app, "/api/openapi.json").await;
    assert_eq!(doc.status, StatusCode::OK);
    assert!(doc.content_type.starts_with("application/json"));
    let doc = doc.json();
    assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")));

    let mut documented = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().into_iter().flatten() {
        for method in ["get", "post", "put", "delete", "patch"] {
            if item.get(method).is_some() {
                documented.insert(format!("{method} {path}"));
            }
        }
    }
    let expected: BTreeSet<String> = ROUTES.iter().map(|s| s.to_string()).collect();
    assert_eq!(documented, expected, "the OpenAPI paths and the server's API routes differ");

    // Real values for the path parameters, found through the API itself.
    let search = get(&app, "/api/search?q=said&per_page=5").await.json();
    let id = search["hits"][0]["id"].as_str().unwrap_or_default().to_string();
    let speakers = get(&app, "/api/speakers").await.json();
    let speaker = speakers["items"][0]["name"].as_str().unwrap_or_default().to_string();
    let entities = get(&app, "/api/entities?type=GPE").await.json();
    let entity = entities["items"][0]["name"].as_str().unwrap_or_default().to_string();
    let stories = get(&app, "/api/stories").await.json();
    let story = stories["items"][0]["id"].as_i64().unwrap_or(1).to_string();
    let events = get(&app, "/api/events?min_stories=1").await.json();
    let event = events["items"][0]["id"].as_i64().unwrap_or(1).to_string();
    assert!(!id.is_empty() && !speaker.is_empty() && !entity.is_empty(), "demo data found nothing");

    let quotes = get(&app, "/api/quotes?per_page=1").await.json();
    let quoted = quotes["hits"][0]["article_id"].as_str().unwrap_or_default().to_string();
    assert!(!quoted.is_empty(), "the demo articles quote people");
    let body =
        r#"{"text": "GENEVA (Reuters) - A test article about talks. \"We talk,\" Anna Berg said.", "title": "Test"}"#;
    for route in ROUTES {
        let (method, path) = route.split_once(' ').unwrap_or_default();
        let op = &doc["paths"][path][method];
        let uri = path
            .replace(
                "{id}",
                if path.contains("stories") {
                    &story
                } else if path.contains("events") {
                    &event
                } else {
                    &id
                },
            )
            .replace("{name}", &seg(if path.contains("speakers") { &speaker } else { &entity }));
        // The trail starts from a quote: the first quote of the corpus.
        let uri = if path == "/api/quotes/trail" { format!("{uri}?article={quoted}&index=0") } else { uri };
        let got = match method {
            "post" => post(&app, &uri, Some(TOKEN), body).await,
            _ => get(&app, &uri).await,
        };
        let status = got.status.as_u16().to_string();
        let response = &op["responses"][&status];
        assert!(response.is_object(), "{route}: status {status} is not documented: {}", got.body);
        // The answer has one of the content types the document gives for it (JSON, or JSON Lines
        // for an export).
        let documented: Vec<String> =
            response["content"].as_object().map(|c| c.keys().cloned().collect()).unwrap_or_default();
        assert!(
            documented.iter().any(|ct| got.content_type.starts_with(ct.as_str())),
            "{route}: {} is not one of {documented:?}",
            got.content_type
        );
        assert_eq!(got.status, StatusCode::OK, "{route}: {}", got.body);
        if let Some(schema) = response["content"]["application/json"].get("schema") {
            let value = got.json();
            check(&doc, schema, &value, route).unwrap_or_else(|e| panic!("{e}\n{}", got.body));
        }
        // An export's lines each have the documented row shape.
        if let Some(schema) = response["content"]["application/x-ndjson"].get("schema") {
            assert!(!got.body.is_empty(), "{route}: an empty export");
            for line in got.body.lines() {
                let value: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{route}: {e}: {line}"));
                check(&doc, schema, &value, route).unwrap_or_else(|e| panic!("{e}\n{line}"));
            }
        }
    }

    // And the documented error answers, with the error schema.
    let error_cases = [
        ("get /api/search", "/api/search?per_page=1000", 400),
        ("get /api/search", "/api/search?page=0", 400),
        ("get /api/search", "/api/search?sort=sideways", 400),
        ("get /api/search", "/api/search?from=yesterday", 400),
        ("get /api/search", "/api/search?page=99999", 400),
        ("get /api/articles/{id}", "/api/articles/ab", 400),
        ("get /api/articles/{id}", "/api/articles/ffffffffffffffff", 404),
        ("get /api/entities/{name}", "/api/entities/Nobody%20Atall", 404),
        ("get /api/speakers/{name}", "/api/speakers/Nobody%20Atall", 404),
        ("get /api/stories/{id}", "/api/stories/nine", 400),
        ("get /api/stories/{id}", "/api/stories/999999", 404),
        ("get /api/stories/{id}/diff", &format!("/api/stories/{story}/diff?from=ffffffff"), 400),
        ("get /api/search/export", "/api/search/export?format=xml", 400),
        ("get /api/stories/{id}/export", "/api/stories/nine/export", 400),
        ("get /api/stories/{id}/export", "/api/stories/999999/export", 404),
    ];
    for (route, uri, want) in error_cases {
        let (method, path) = route.split_once(' ').unwrap_or_default();
        let got = get(&app, uri).await;
        assert_eq!(got.status.as_u16(), want, "{uri}: {}", got.body);
        let response = &doc["paths"][path][method]["responses"][want.to_string()];
        assert!(response.is_object(), "{uri}: status {want} is not documented");
        let schema = &response["content"]["application/json"]["schema"];
        check(&doc, schema, &got.json(), uri).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(got.json()["status"], want);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn search_filters_facets_and_pages() {
    let dir = demo_store();
    let app = app(&dir, None, None);
    let all = get(&app, "/api/search").await.json();
    let total = all["paging"]["total"].as_u64().unwrap_or(0);
    assert!(total >= 10);
    let places = all["facets"]["places"].as_array().cloned().unwrap_or_default();
    assert!(!places.is_empty());
    // Each place facet count is what filtering by that place returns.
    for p in places.iter().take(3) {
        let name = p["value"].as_str().unwrap_or_default();
        let got = get(&app, &format!("/api/search?place={}", seg(name))).await.json();
        assert_eq!(got["paging"]["total"], p["count"], "place {name}");
        for h in got["hits"].as_array().into_iter().flatten() {
            assert!(h["place"].as_str().is_some_and(|x| x.eq_ignore_ascii_case(name)));
        }
    }
    // Pages partition the results.
    let p1 = get(&app, "/api/search?per_page=4&page=1").await.json();
    let p2 = get(&app, "/api/search?per_page=4&page=2").await.json();
    let ids = |v: &Value| -> Vec<String> {
        v["hits"].as_array().into_iter().flatten().filter_map(|h| h["id"].as_str().map(str::to_string)).collect()
    };
    assert_eq!(ids(&p1).len(), 4);
    assert!(ids(&p1).iter().all(|i| !ids(&p2).contains(i)));
    assert_eq!(p1["paging"]["pages"].as_u64(), Some(total.div_ceil(4)));
    // Dates are inclusive prefixes; newest first without a query.
    let y = get(&app, "/api/search?from=2024&to=2024").await.json();
    for h in y["hits"].as_array().into_iter().flatten() {
        assert!(h["published"].as_str().is_some_and(|d| d.starts_with("2024")), "{h}");
    }
    // Speaker and entity filters read the stored records.
    let speakers = get(&app, "/api/speakers").await.json();
    let name = speakers["items"][0]["name"].as_str().unwrap_or_default().to_string();
    let quoted = get(&app, &format!("/api/search?speaker={}", seg(&name))).await.json();
    assert_eq!(quoted["paging"]["total"], speakers["items"][0]["articles"], "speaker {name}");
    // Text search marks its matches.
    let grain = get(&app, "/api/search?q=grain").await.json();
    assert!(grain["hits"][0]["snippet"].as_str().is_some_and(|s| s.contains("[grain]") || s.contains("[Grain]")));
    assert!(grain["hits"][0]["score"].is_number());
}

#[tokio::test(flavor = "multi_thread")]
async fn speaker_and_entity_pages_cover_the_corpus() {
    let dir = demo_store();
    let app = app(&dir, None, None);
    let speakers = get(&app, "/api/speakers").await.json();
    let top = &speakers["items"][0];
    let name = top["name"].as_str().unwrap_or_default();
    let page = get(&app, &format!("/api/speakers/{}?per_page=100", seg(name))).await.json();
    assert_eq!(page["paging"]["total"], top["quotes"]);
    let quotes = page["quotes"].as_array().cloned().unwrap_or_default();
    assert_eq!(quotes.len() as u64, top["quotes"].as_u64().unwrap_or(0));
    // Each quote points at the article and the quote that holds it.
    for q in quotes.iter().take(3) {
        let article =
            get(&app, &format!("/api/articles/{}", q["article_id"].as_str().unwrap_or_default())).await.json();
        let idx = q["index"].as_u64().unwrap_or(0) as usize;
        assert_eq!(article["quotes"][idx]["content"], q["content"]);
    }
    let dated: u64 = page["timeline"].as_array().into_iter().flatten().filter_map(|c| c["count"].as_u64()).sum();
    assert!(dated <= top["quotes"].as_u64().unwrap_or(0));
    // Case does not matter.
    let lower = get(&app, &format!("/api/speakers/{}", seg(&name.to_lowercase()))).await;
    assert_eq!(lower.status, StatusCode::OK);

    let places = get(&app, "/api/places").await.json();
    let place = &places["items"][0];
    assert!(place["geo"]["lat"].is_number() && place["geo"]["lon"].is_number());
    let e = get(&app, &format!("/api/entities/{}", seg(place["name"].as_str().unwrap_or_default()))).await.json();
    assert_eq!(e["paging"]["total"], place["articles"]);
    assert!(e["articles"][0]["excerpt"]["marked"].as_str().is_some_and(|m| !m.is_empty()));
}

#[tokio::test(flavor = "multi_thread")]
async fn errors_are_json_everywhere_under_api() {
    let dir = demo_store();
    let app = app(&dir, None, None);
    for (uri, want) in [("/api/nope", 404), ("/api", 404), ("/api/search?page=abc", 400)] {
        let got = get(&app, uri).await;
        assert_eq!(got.status.as_u16(), want, "{uri}");
        assert_eq!(got.json()["status"], want, "{uri}");
        assert!(got.json()["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
    let got = post(&app, "/api/search", None, "").await;
    assert_eq!(got.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(got.json()["status"], 405);
    // Web pages answer errors as pages.
    let page = get(&app, "/article/ffffffffffffffff").await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(page.content_type.starts_with("text/html") && page.body.contains("Not found"));
}

#[tokio::test(flavor = "multi_thread")]
async fn ingest_needs_the_token_and_respects_the_size_limit() {
    let dir = demo_store();
    let line = r#"{"text": "OSLO (NTB) - Ferries resumed on Tuesday after a storm, the operator said.", "published": "2024-05-07"}"#;
    // Read-only server: the route exists but refuses.
    let ro = app(&dir, None, None);
    let got = post(&ro, "/api/ingest", Some(TOKEN), line).await;
    assert_eq!(got.status, StatusCode::FORBIDDEN, "{}", got.body);
    assert_eq!(got.json()["status"], 403);

    let rw = app(&dir, Some(TOKEN), Some(4096));
    assert_eq!(post(&rw, "/api/ingest", None, line).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(post(&rw, "/api/ingest", Some("wrong-token-9999"), line).await.status, StatusCode::UNAUTHORIZED);
    let big = format!("{line}\n").repeat(100);
    let got = post(&rw, "/api/ingest", Some(TOKEN), big).await;
    assert_eq!(got.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", got.body);
    assert_eq!(got.json()["status"], 413);

    let before = get(&rw, "/api/stats").await.json()["articles"].as_u64().unwrap_or(0);
    let body = format!("{line}\nnot json\n");
    let got = post(&rw, "/api/ingest", Some(TOKEN), body.clone()).await;
    assert_eq!(got.status, StatusCode::OK, "{}", got.body);
    let r = got.json();
    assert_eq!((r["received"].as_u64(), r["stored"].as_u64()), (Some(2), Some(1)));
    assert_eq!(r["errors"].as_array().map(Vec::len), Some(1));
    // One result per line, in order.
    let statuses = |r: &serde_json::Value| -> Vec<(u64, String)> {
        r["lines"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|l| (l["line"].as_u64().unwrap_or(0), l["status"].to_string()))
            .collect()
    };
    assert_eq!(statuses(&r), [(1, "\"stored\"".to_string()), (2, "\"invalid\"".to_string())]);
    // Idempotent, and visible at once.
    let again = post(&rw, "/api/ingest", Some(TOKEN), body).await.json();
    assert_eq!((again["stored"].as_u64(), again["duplicates"].as_u64()), (Some(0), Some(1)));
    assert_eq!(statuses(&again), [(1, "\"duplicate\"".to_string()), (2, "\"invalid\"".to_string())]);
    assert_eq!(get(&rw, "/api/stats").await.json()["articles"].as_u64(), Some(before + 1));
    let found = get(&rw, "/api/search?q=ferries").await.json();
    assert_eq!(found["paging"]["total"], 1);
}

/// The keys of `value` (recursively) that `schema` does not document as properties, as paths.
fn undocumented(doc: &Value, schema: &Value, value: &Value, at: &str, out: &mut Vec<String>) {
    let schema = resolve(doc, schema);
    if let Some(any) = schema.get("oneOf").and_then(Value::as_array) {
        // Option<T>: the branch that is not `null`.
        for s in any.iter().filter(|s| resolve(doc, s)["type"] != "null") {
            undocumented(doc, s, value, at, out);
        }
        return;
    }
    match value {
        Value::Object(obj) => {
            for (k, v) in obj {
                match schema["properties"].get(k) {
                    Some(s) => undocumented(doc, s, v, &format!("{at}.{k}"), out),
                    None => out.push(format!("{at}.{k}")),
                }
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                undocumented(doc, &schema["items"], v, &format!("{at}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// The record's schema comes from the record types (dateline-analyze's `openapi` feature), not
/// from a hand-written copy: every key of a real record, down to its quotes, entities and spans,
/// is a documented property of the right type, and a record that breaks the contract fails.
#[tokio::test(flavor = "multi_thread")]
async fn the_record_schema_is_derived_from_the_record_types() {
    let dir = demo_store();
    let app = app(&dir, None, None);
    let doc = get(&app, "/api/openapi.json").await.json();
    let schema =
        &doc["paths"]["/api/articles/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["schema"];
    let record = resolve(&doc, schema);
    assert_eq!(record["type"], "object", "{schema}");
    for field in ["id", "source", "language", "text", "entities", "quotes", "times", "amounts", "tone", "fingerprint"] {
        assert!(record["properties"].get(field).is_some(), "{field} is not documented: {record}");
    }
    let quotes = get(&app, "/api/quotes?per_page=1").await.json();
    let id = quotes["hits"][0]["article_id"].as_str().unwrap_or_default().to_string();
    let article = get(&app, &format!("/api/articles/{id}")).await.json();
    assert!(article["quotes"].as_array().is_some_and(|q| !q.is_empty()) && article["entities"][0].is_object());
    check(&doc, schema, &article, "record").unwrap_or_else(|e| panic!("{e}"));
    let mut missing = Vec::new();
    undocumented(&doc, schema, &article, "record", &mut missing);
    assert!(missing.is_empty(), "undocumented keys: {missing:?}");
    // Spans are arrays of two offsets: a span written as a string breaks the contract.
    let mut broken = article.clone();
    broken["quotes"][0]["span"] = Value::String("0-5".into());
    assert!(check(&doc, schema, &broken, "broken").is_err());
    // The closed sets are enumerated with the names the record writes: a type outside them
    // breaks the contract.
    let names = |set: &str| doc["components"]["schemas"][set]["enum"].clone();
    assert_eq!(names("EntityType"), serde_json::json!(["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"]));
    assert_eq!(names("QuoteKind"), serde_json::json!(["direct", "indirect", "partial"]));
    assert_eq!(names("Stage"), serde_json::json!(["entities", "quotes", "times", "amounts", "tone"]));
    assert_eq!(names("MentionVia"), serde_json::json!(["coreference", "speaker"]));
    let qualifiers = serde_json::json!(["approximately", "more than", "less than", "at least", "at most", "exactly"]);
    assert_eq!(names("Qualifier"), qualifiers);
    let mut broken = article.clone();
    broken["entities"][0]["type"] = Value::String("Person".into());
    assert!(check(&doc, schema, &broken, "broken").is_err());
    // Places' coordinates are the record's own `Geo`.
    let places = get(&app, "/api/places").await.json();
    let list = &doc["paths"]["/api/places"]["get"]["responses"]["200"]["content"]["application/json"]["schema"];
    check(&doc, list, &places, "places").unwrap_or_else(|e| panic!("{e}"));
    let item = resolve(&doc, &resolve(&doc, list)["properties"]["items"]["items"]);
    assert_eq!(item["properties"]["geo"]["$ref"], "#/components/schemas/Geo", "{item}");
    // And the list items are the store's own view type, not a copy of it.
    let items = &resolve(&doc, list)["properties"]["items"]["items"]["$ref"];
    assert_eq!(items, "#/components/schemas/PlaceSummary", "{list}");
}
