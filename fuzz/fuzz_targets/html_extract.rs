#![no_main]
//! The HTML article extractor: any bytes, with and without a declared charset and URL.

use dateline_ingest::{extract_html, Limits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = Limits::default();
    let _ = extract_html(data, None, None, &limits);
    let _ = extract_html(data, Some("windows-1252"), Some("http://x.example/2020/01/02/a"), &limits);
});
