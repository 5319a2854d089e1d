//! Extracts HTML pages named on the command line (or one path per line on stdin) and prints
//! one JSON object per page: `path`, `text`, `title`, `author`, `date`, `modified`, `site`,
//! `url`, `lang`, `error`. Pages are read into memory first and only extraction is timed; the
//! total goes to stderr as `{"pages": N, "seconds": S, "cpu_seconds": C}` so scripts can compare
//! speeds (`cpu_seconds`: CPU time of the extraction, from `/proc/self/schedstat`; null where
//! that file does not exist).
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
    let (start, cpu_start) = (Instant::now(), cpu_seconds());
    let results: Vec<_> = pages.iter().map(|(_, bytes)| extract_html(bytes, None, None, &limits)).collect();
    let seconds = start.elapsed().as_secs_f64();
    let cpu = cpu_start.zip(cpu_seconds()).map(|(a, b)| b - a);
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
    eprintln!("{}", serde_json::json!({ "pages": pages.len(), "seconds": seconds, "cpu_seconds": cpu }));
}

/// CPU time this process has run so far (Linux: the first field of `/proc/self/schedstat`, in
/// nanoseconds), less sensitive than wall time to other jobs on a shared machine.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}
