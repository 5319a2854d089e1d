#![no_main]
//! The whole per-article path: bytes → document → analysis, with every span checked. The first
//! byte picks the language the source declares (none, or one of the languages with lists of
//! their own), so the other-language entity and quote rules are fuzzed too.

use std::sync::LazyLock;

use dateline_analyze::{analyze, Resources};
use dateline_ingest::{text_record, Limits};
use libfuzzer_sys::fuzz_target;

static RESOURCES: LazyLock<Resources> = LazyLock::new(|| Resources::embedded().expect("embedded resources load"));

/// What the first byte selects.
const LANGUAGES: [Option<&str>; 5] = [None, Some("fr"), Some("es"), Some("it"), Some("pt")];

fuzz_target!(|data: &[u8]| {
    let (language, body) = match data.split_first() {
        Some((&b, rest)) => (LANGUAGES[usize::from(b) % LANGUAGES.len()], rest),
        None => (None, data),
    };
    if let Ok(mut doc) = text_record("fuzz.txt", body.to_vec()).into_document(&Limits::default()) {
        doc.meta.language = language.map(str::to_string);
        let a = analyze(&doc, &RESOURCES);
        for (field, span) in a.spans() {
            assert!(a.text.get(span.0..span.1).is_some(), "{field} span {span:?} does not slice text");
        }
    }
});
