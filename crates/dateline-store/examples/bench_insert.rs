//! Insert throughput of the store on synthetic wire articles.
//!
//! ```text
//! cargo run -p dateline-store --example bench_insert [ARTICLES] [BATCH]   # defaults 2000, 500
//! ```
//!
//! Builds ARTICLES analyses of about 3 kB of text each (with a dateline, credits, a few entities),
//! stores them in batches of BATCH into a fresh file in a temporary directory, and prints
//! articles/s for the first ingest, for a rerun (all duplicates), and the time of a few searches.
//! Use a release build for numbers worth comparing; timings are not asserted anywhere.

use std::time::Instant;

use dateline_analyze::{Analysis, Dateline, Entity, EntityType, Format, Mention, SourceRef, Span};
use dateline_store::Store;

const WORDS: &[&str] = &[
    "the",
    "army",
    "said",
    "on",
    "Monday",
    "refugees",
    "camp",
    "corridor",
    "humanitarian",
    "officials",
    "ministry",
    "rocket",
    "attack",
    "border",
    "talks",
    "ceasefire",
    "government",
    "forces",
    "province",
    "aid",
    "convoy",
    "reported",
    "statement",
    "according",
    "to",
    "in",
    "of",
    "and",
    "a",
    "city",
    "residents",
    "fled",
    "agency",
    "spokesman",
    "told",
    "reporters",
    "after",
    "meeting",
    "president",
    "envoy",
    "week",
    "troops",
    "withdrawal",
    "negotiations",
    "sources",
];
const PLACES: &[&str] = &["Moscow", "Damascus", "Geneva", "Beirut", "Kabul", "Nairobi"];
const AGENCIES: &[&str] = &["Tass", "Reuters", "AP", "AFP", "SANA", "Xinhua"];

/// xorshift64*: deterministic and dependency-free.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

fn synthetic(i: usize, rng: &mut Rng) -> Analysis {
    let place = rng.pick(PLACES);
    let agency = rng.pick(AGENCIES);
    let head = format!("{} ({agency}) - ", place.to_uppercase());
    let mut text = head.clone();
    text.push_str(&format!("Report number {i}. "));
    while text.len() < 3000 {
        text.push_str(rng.pick(WORDS));
        text.push(if rng.next().is_multiple_of(12) { '.' } else { ' ' });
        if text.ends_with('.') {
            text.push(' ');
        }
    }
    let entities = (0..5)
        .map(|e| Entity {
            id: format!("e{}", e + 1),
            name: format!("Person {e}"),
            kind: EntityType::Person,
            title: None,
            role: None,
            country: None,
            geo: None,
            mentions: vec![Mention { text: "the".into(), span: Span(0, 3), via: None }],
        })
        .collect();
    let source = SourceRef {
        path: Some("bench.jsonl".into()),
        url: Some(format!("https://example.org/news/{i}")),
        format: Format::Jsonl,
        record: Some(i.to_string()),
    };
    Analysis {
        title: Some(format!("Synthetic report {i} from {place}")),
        dateline: Some(Dateline {
            place: Some(place.into()),
            country: None,
            sources: vec![agency.into()],
            date: Some(format!("2019-09-{:02}", 1 + i % 28)),
            span: Span(0, head.len()),
        }),
        published: Some(format!("2019-09-{:02}", 1 + i % 28)),
        entities,
        ..Analysis::bare(&text, source)
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(2000);
    let batch: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(500).max(1);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let articles: Vec<Analysis> = (0..n).map(|i| synthetic(i, &mut rng)).collect();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();

    let dir = tempfile::tempdir()?;
    let path = dir.path().join("bench.db");
    let mut store = Store::open(&path)?;

    let t = Instant::now();
    let mut stored = 0;
    for chunk in articles.chunks(batch) {
        stored += store.insert_batch(chunk)?.stored;
    }
    let first = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let mut dups = 0;
    for chunk in articles.chunks(batch) {
        dups += store.insert_batch(chunk)?.duplicates;
    }
    let rerun = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let queries = ["refugees camp", "\"humanitarian corridor\"", "negotiat*", "ceasefire Moscow"];
    let mut hits = 0;
    for q in queries {
        hits += store.search(q, 20)?.len();
    }
    let search_ms = t.elapsed().as_secs_f64() * 1000.0 / queries.len() as f64;
    let file_bytes = std::fs::metadata(&path)?.len()
        + std::fs::metadata(path.with_extension("db-wal")).map(|m| m.len()).unwrap_or(0);

    println!("articles: {n} ({:.1} MB of text), batch size {batch}", bytes as f64 / 1e6);
    println!(
        "ingest:   {stored} stored in {first:.2} s = {:.0} articles/s ({:.1} MB/s of text)",
        stored as f64 / first,
        bytes as f64 / 1e6 / first
    );
    println!("rerun:    {dups} duplicates in {rerun:.2} s = {:.0} articles/s", dups as f64 / rerun);
    println!("search:   {search_ms:.2} ms per query (limit 20, {hits} hits over {} queries)", queries.len());
    println!("file:     {:.1} MB (db + wal)", file_bytes as f64 / 1e6);
    Ok(())
}
