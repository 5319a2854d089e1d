#![no_main]
//! The minimal HTML-to-text pass.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = dateline_ingest::html_to_text(data);
});
