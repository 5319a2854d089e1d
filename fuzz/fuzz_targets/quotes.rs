#![no_main]
//! The quote stage on arbitrary text: never panics, and every span slices the input on char
//! boundaries and equals the text it reports.

use dateline_analyze::find_quotes;
use dateline_text::segment::sentences;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        for q in find_quotes(s, &sentences(s), &[]) {
            assert_eq!(s.get(q.span.0..q.span.1), Some(q.content.as_str()), "content span {:?}", q.span);
            if let Some(m) = &q.speaker_mention {
                assert_eq!(s.get(m.span.0..m.span.1), Some(m.text.as_str()), "speaker span {:?}", m.span);
            }
        }
    }
});
