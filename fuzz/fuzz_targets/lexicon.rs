#![no_main]
//! The word-list parser: any bytes give entries or an error naming a line of the input.

use dateline_lexicon::parse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let lines = text.split('\n').count();
    for result in [parse::<1>("fuzz.txt", text).map(|v| v.len()), parse::<2>("fuzz.tsv", text).map(|v| v.len())] {
        match result {
            Ok(n) => assert!(n <= lines),
            Err(e) => assert!(e.line >= 1 && e.line <= lines),
        }
    }
});
