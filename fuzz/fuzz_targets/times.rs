//! Fuzzes the times stage: no panic on any input, and every span slices the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for reference in [chrono::NaiveDate::from_ymd_opt(2019, 9, 18), None] {
        for t in dateline_analyze::find_times(&text, reference) {
            assert_eq!(text.get(t.span.0..t.span.1), Some(t.text.as_str()));
        }
    }
});
