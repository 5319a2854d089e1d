#![no_main]
//! JSON Lines reader: any bytes give records or per-line errors, never a panic.

use dateline_ingest::{read_jsonl, Limits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = Limits { max_document_bytes: 4096, ..Limits::default() };
    for record in read_jsonl("fuzz.jsonl".into(), data, limits).flatten() {
        let _ = record.into_document(&limits);
    }
});
