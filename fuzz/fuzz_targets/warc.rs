#![no_main]
//! The WARC reader (plain and gzip, told by the first bytes), then each record's extraction.

use std::sync::Arc;

use dateline_ingest::{read_warc, IngestStats, Limits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = Limits { max_page_bytes: 1 << 16, max_decompressed_bytes: 1 << 24, ..Limits::default() };
    let reader = std::io::Cursor::new(data.to_vec());
    for record in read_warc("fuzz.warc".into(), reader, limits, Arc::new(IngestStats::default())).take(1000).flatten() {
        let _ = record.into_document(&limits);
    }
});
