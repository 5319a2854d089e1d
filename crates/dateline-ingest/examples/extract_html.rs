//! Extracts HTML pages named on the command line (or one path per line on stdin) and prints
//! one JSON object per page: `path`, `text`, `title`, `author`, `date`, `modified`, `site`,
//! `url`, `lang`, `error`. Pages are read into memory first and only extraction is timed; the
//! total goes to stderr as `{"pages": N, "seconds": S}` so scripts can compare speeds.
//!
//! `cargo run --release -p dateline-ingest --example extract_html -- page.html ...`

use std::io::{BufRead, Write};
use std::time::Instant;

use dateline_ingest::{extract_html, Limits};

fn main() {
    let mut paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        paths = std::io::stdin().lock().lines().map_while(Result::ok).filter(|l| !l.trim().is_empty()).collect();
    }
    let pages: Vec<(String, Vec<u8>)> =
        paths.into_iter().map(|p| (std::fs::read(&p).unwrap_or_default(), p)).map(|(b, p)| (p, b)).collect();
    let limits = Limits::default();
    let start = Instant::now();
    let results: Vec<_> = pages.iter().map(|(_, bytes)| extract_html(bytes, None, None, &limits)).collect();
    let seconds = start.elapsed().as_secs_f64();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for ((path, _), result) in pages.iter().zip(results) {
        let value = match result {
            Ok(p) => serde_json::json!({
                "path": path, "text": p.text, "title": p.meta.title, "author": p.meta.author,
                "date": p.meta.published, "modified": p.meta.modified, "site": p.meta.site,
                "url": p.meta.canonical, "lang": p.meta.lang, "error": null,
            }),
            Err(e) => serde_json::json!({ "path": path, "text": "", "error": e.to_string() }),
        };
        let _ = writeln!(out, "{value}");
    }
    let _ = out.flush();
    eprintln!("{}", serde_json::json!({ "pages": pages.len(), "seconds": seconds }));
}
