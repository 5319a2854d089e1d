//! Fuzzes the amounts stage: no panic on any input, and every span slices the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for a in dateline_analyze::find_amounts(&text, &[]) {
        assert_eq!(text.get(a.span.0..a.span.1), Some(a.text.as_str()));
        assert!(a.value.is_finite());
    }
});
