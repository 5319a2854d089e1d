#![no_main]
//! The wire-dateline parser on arbitrary text: never panics, and its span always slices the
//! input on char boundaries.

use std::sync::LazyLock;

use dateline_analyze::{parse_dateline, Resources};
use libfuzzer_sys::fuzz_target;

static RESOURCES: LazyLock<Resources> = LazyLock::new(|| Resources::embedded().expect("embedded resources load"));

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        if let Some(d) = parse_dateline(s, &RESOURCES, Some("2019-09-18")) {
            assert!(s.get(d.span.0..d.span.1).is_some(), "span {:?} does not slice", d.span);
        }
        let _ = parse_dateline(s, &RESOURCES, None);
    }
});
