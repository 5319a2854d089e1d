//! `POST /api/ingest`'s body, without HTTP: any body gets one result per non-blank line, in
//! order, and no bad line (garbage bytes, JSON that is not an article, a line over the size limit,
//! an article the store cannot take) costs a good line its place in the store. The fuzz target
//! `ingest_body` drives the same function from raw bytes.

use std::sync::{LazyLock, Mutex};

use dateline_analyze::Resources;
use dateline_ingest::Limits;
use dateline_server::ingest_body;
use dateline_server::model::LineStatus;
use dateline_store::Store;
use proptest::prelude::*;

static RESOURCES: LazyLock<Resources> =
    LazyLock::new(|| Resources::embedded().unwrap_or_else(|e| panic!("embedded resources: {e}")));

/// Largest line the reader takes here.
const MAX_LINE: usize = 8_192;
/// Largest record the store takes here.
const MAX_RECORD: usize = 6_000;

/// A line of the body, and what it must become.
#[derive(Debug, Clone)]
enum Line {
    /// An article: must be stored (or be a duplicate of one stored).
    Good(String),
    /// An article whose text alone is over the store's record limit: must be rejected.
    TooBigToStore(String),
    /// Not an article (bytes without a newline, JSON without text, a line over the reader's
    /// limit): must be invalid.
    Bad(Vec<u8>),
    /// Whitespace: no entry.
    Blank(String),
}

fn sentence() -> impl Strategy<Value = String> {
    ("[A-Z][a-z]{2,8}", proptest::collection::vec("[a-z]{2,9}", 3..12))
        .prop_map(|(w, ws)| format!("{w} {}.", ws.join(" ")))
}

fn json_line(text: &str) -> Vec<u8> {
    serde_json::json!({ "text": text, "title": "Props", "published": "2024-05-07" }).to_string().into_bytes()
}

fn line() -> impl Strategy<Value = Line> {
    prop_oneof![
        6 => proptest::collection::vec(sentence(), 1..4).prop_map(|s| Line::Good(s.join(" "))),
        1 => sentence().prop_map(|s| Line::TooBigToStore(format!("{s} ").repeat(MAX_RECORD / s.len() + 2))),
        2 => proptest::collection::vec(any::<u8>().prop_filter("no newline", |b| *b != b'\n'), 1..60)
            .prop_filter("not blank", |v| !v.iter().all(u8::is_ascii_whitespace))
            .prop_map(Line::Bad),
        1 => prop_oneof![
            Just(br#"{"title": "no text"}"#.to_vec()),
            Just(br#"{"text": "   "}"#.to_vec()),
            Just(br#"[1, 2]"#.to_vec()),
            Just(format!(r#"{{"text": "{}"}}"#, "x".repeat(MAX_LINE)).into_bytes()),
        ].prop_map(Line::Bad),
        1 => "[ \t\r]{0,3}".prop_map(Line::Blank),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn every_line_gets_a_result_and_good_lines_are_stored(lines in proptest::collection::vec(line(), 0..7)) {
        let mut body = Vec::new();
        for l in &lines {
            match l {
                Line::Good(t) | Line::TooBigToStore(t) => body.extend(json_line(t)),
                Line::Bad(b) => body.extend(b),
                Line::Blank(s) => body.extend(s.as_bytes()),
            }
            body.push(b'\n');
        }
        let mut store = Store::open_in_memory().map_err(|e| TestCaseError::fail(e.to_string()))?;
        store.set_max_record_bytes(MAX_RECORD);
        let store = Mutex::new(store);
        let limits = Limits { max_document_bytes: MAX_LINE, ..Limits::default() };
        let out = ingest_body(&body, &store, &RESOURCES, &limits)
            .map_err(|e| TestCaseError::fail(format!("the body failed: {e}")))?;

        let expected: Vec<(usize, &Line)> =
            lines.iter().enumerate().filter(|(_, l)| !matches!(l, Line::Blank(_))).map(|(i, l)| (i + 1, l)).collect();
        prop_assert_eq!(out.lines.len(), expected.len());
        prop_assert_eq!(out.received, expected.len());
        let store = store.lock().map_err(|_| TestCaseError::fail("poisoned"))?;
        for (got, (number, l)) in out.lines.iter().zip(&expected) {
            prop_assert_eq!(got.line, *number);
            match l {
                Line::Good(_) => {
                    prop_assert!(matches!(got.status, LineStatus::Stored | LineStatus::Duplicate), "{:?}", got);
                    let id = got.id.clone().ok_or_else(|| TestCaseError::fail("no id"))?;
                    let stored = store.get(&id).map_err(|e| TestCaseError::fail(e.to_string()))?;
                    prop_assert!(stored.is_some(), "line {} not in the store", number);
                }
                Line::TooBigToStore(_) => {
                    prop_assert_eq!(got.status, LineStatus::Rejected);
                    prop_assert!(got.error.as_deref().is_some_and(|e| e.contains("over the limit")), "{:?}", got);
                }
                Line::Bad(_) => {
                    prop_assert_eq!(got.status, LineStatus::Invalid);
                    prop_assert!(got.error.is_some() && got.id.is_none());
                }
                Line::Blank(_) => unreachable!("filtered out"),
            }
        }
        let stored = out.lines.iter().filter(|l| l.status == LineStatus::Stored).count();
        prop_assert_eq!(out.stored, stored);
        prop_assert_eq!(store.stats().map_err(|e| TestCaseError::fail(e.to_string()))?.articles, stored as u64);
        let failed = out.lines.iter().filter(|l| matches!(l.status, LineStatus::Rejected | LineStatus::Invalid)).count();
        prop_assert_eq!(out.errors.len(), failed);
    }
}
