#![no_main]
//! The body of `POST /api/ingest`, without HTTP: any bytes get one result per non-blank line,
//! never a failed request or a panic, and every line reported stored reads back from the store.

use std::sync::{LazyLock, Mutex};

use dateline_analyze::Resources;
use dateline_ingest::Limits;
use dateline_server::ingest_body;
use dateline_server::model::LineStatus;
use dateline_store::Store;
use libfuzzer_sys::fuzz_target;

static RESOURCES: LazyLock<Resources> = LazyLock::new(|| Resources::embedded().expect("embedded resources load"));

fuzz_target!(|data: &[u8]| {
    let mut store = Store::open_in_memory().expect("in-memory store");
    // Small limits, so that short inputs also reach the over-the-limit paths.
    store.set_max_record_bytes(4_096);
    let store = Mutex::new(store);
    let limits = Limits { max_document_bytes: 2_048, ..Limits::default() };
    let out = ingest_body(data, &store, &RESOURCES, &limits).expect("any body is answered per line");
    // A line over the limit is an error even when blank.
    let non_blank = data
        .split(|&b| b == b'\n')
        .filter(|l| l.len() > limits.max_document_bytes || !l.iter().all(u8::is_ascii_whitespace))
        .count();
    assert_eq!(out.lines.len(), non_blank);
    assert_eq!(out.received, non_blank);
    let store = store.lock().expect("lock");
    for l in &out.lines {
        match l.status {
            LineStatus::Stored | LineStatus::Duplicate => {
                let id = l.id.as_deref().expect("an analysed line has an id");
                assert!(store.get(id).expect("lookup").is_some(), "line {} reported stored", l.line);
            }
            LineStatus::Rejected | LineStatus::Invalid => assert!(l.error.is_some()),
        }
    }
});
