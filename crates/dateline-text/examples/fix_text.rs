//! Runs dateline's character repair over strings, for the mojibake accuracy report.
//!
//! Reads JSON Lines on stdin, one JSON string per line, and writes one line per input:
//! `{"fixed": "...", "changed": bool}`. The repair path is the one `prepare` takes on UTF-8
//! bytes, minus whitespace tidying: mojibake repair, then NFC. (Tidying collapses runs of
//! spaces and turns no-break spaces into spaces, which is right for articles but is not what
//! the ftfy cases measure.)
//!
//! `scripts/eval_mojibake.py` drives it; by hand:
//! `echo '"caf\u00c3\u00a9"' | cargo run -q -p dateline-text --example fix_text`

use std::io::{self, BufRead, BufWriter, Write};

use unicode_normalization::UnicodeNormalization;

fn main() -> io::Result<()> {
    let stdin = io::stdin();
    let mut out = BufWriter::new(io::stdout().lock());
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let input: String = serde_json::from_str(&line).map_err(|e| {
            io::Error::new(io::ErrorKind::InvalidData, format!("stdin line {}: not a JSON string: {e}", n + 1))
        })?;
        let repaired = dateline_text::repair_mojibake(&input);
        let fixed: String = repaired.text.nfc().collect();
        let changed = fixed != input;
        let record = serde_json::json!({ "fixed": fixed, "changed": changed });
        writeln!(out, "{record}")?;
    }
    out.flush()
}
