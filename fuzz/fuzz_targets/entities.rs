//! Fuzzes the entity stage and the NER model reader: no panic on any input, every mention span
//! slices the text on character boundaries and equals the mention's text.
#![no_main]

use std::sync::LazyLock;

use dateline_analyze::{find_entities, Resources};
use libfuzzer_sys::fuzz_target;

static RESOURCES: LazyLock<Resources> = LazyLock::new(|| Resources::embedded().expect("embedded resources load"));

fuzz_target!(|data: &[u8]| {
    // the model reader must reject garbage without panicking
    let _ = dateline_ner::Model::from_bytes(data);
    let text = String::from_utf8_lossy(data);
    let sentences = dateline_text::segment::sentences(&text);
    for e in find_entities(&text, &sentences, &RESOURCES, None) {
        for m in &e.mentions {
            assert_eq!(text.get(m.span.0..m.span.1), Some(m.text.as_str()));
        }
    }
});
