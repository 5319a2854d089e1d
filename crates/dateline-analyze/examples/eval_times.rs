//! Runs the times stage over documents for `scripts/eval_times_dateparser.py`.
//!
//! Reads JSON Lines on stdin, one document a line: `{"id": "...", "text": "...", "dct": "YYYY-MM-DD"}`.
//! Writes one line per document: `{"id": "...", "times": [{"span": [s, e], "text": "...", "value": "..."}]}`,
//! then, on stderr, `docs N seconds S` for the analysis alone (reading and writing excluded).
//!
//! Usage: `cargo run -p dateline-analyze --example eval_times < docs.jsonl > out.jsonl`

use std::io::{BufRead, Write};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use serde_json::{json, Value};

fn main() -> std::io::Result<()> {
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let (mut docs, mut spent) = (0usize, Duration::ZERO);
    for line in stdin.lock().lines() {
        let line = line?;
        let Ok(doc) = serde_json::from_str::<Value>(&line) else {
            eprintln!("skipping a line that is not JSON");
            continue;
        };
        let text = doc["text"].as_str().unwrap_or("");
        let dct =
            doc["dct"].as_str().and_then(|d| NaiveDate::parse_from_str(d.get(..10).unwrap_or(d), "%Y-%m-%d").ok());
        let started = Instant::now();
        let times = dateline_analyze::find_times(text, dct);
        spent += started.elapsed();
        docs += 1;
        let times: Vec<Value> =
            times.iter().map(|t| json!({"span": [t.span.0, t.span.1], "text": t.text, "value": t.value})).collect();
        writeln!(out, "{}", json!({"id": doc["id"], "times": times}))?;
    }
    out.flush()?;
    eprintln!("docs {docs} seconds {:.6}", spent.as_secs_f64());
    Ok(())
}
