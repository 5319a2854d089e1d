//! `prepare` must not panic on any bytes: decoding, mojibake repair, normalisation and the
//! U+FFFD report all run on hostile input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = dateline_text::prepare(data, &Default::default(), 0);
});
