#![no_main]
//! Crawl header line parser and the text reader around it.

use dateline_ingest::{parse_crawl_header, text_record, Limits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        if let Some((_, len)) = parse_crawl_header(s) {
            assert!(len <= s.len());
        }
    }
    let _ = text_record("fuzz.txt", data.to_vec()).into_document(&Limits::default());
});
