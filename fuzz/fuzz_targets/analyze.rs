#![no_main]
//! The whole per-article path: bytes → document → analysis, with every span checked.

use std::sync::LazyLock;

use dateline_analyze::{analyze, Resources};
use dateline_ingest::{text_record, Limits};
use libfuzzer_sys::fuzz_target;

static RESOURCES: LazyLock<Resources> = LazyLock::new(|| Resources::embedded().expect("embedded resources load"));

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = text_record("fuzz.txt", data.to_vec()).into_document(&Limits::default()) {
        let a = analyze(&doc, &RESOURCES);
        for (field, span) in a.spans() {
            assert!(a.text.get(span.0..span.1).is_some(), "{field} span {span:?} does not slice text");
        }
    }
});
