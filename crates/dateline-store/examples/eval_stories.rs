//! Evaluation and benchmark of fingerprints and stories (run by `scripts/eval_stories.py`, which
//! runs datasketch on the same data in the same run and prints the tables of
//! docs/accuracy-stories.md and docs/bench-stories.md).
//!
//! ```text
//! eval_stories pairs PAIRS.jsonl                  # {"pair_id","text1","text2"} -> similarities
//! eval_stories corpus DIR [--db FILE] [--threshold J] [--containment C]
//!                                                 # ingest *.txt into a store -> {"id","story"}
//! eval_stories bench DIR                          # in-memory shingle+MinHash+LSH, one thread
//! eval_stories scale N [--db FILE] [--batch B] [--from K]
//!                                                 # N synthetic variants of DIR's docs through the store
//!                                                 # (documents K..K+N: --from continues a store that
//!                                                 # holds the first K, to time placing at its size)
//! ```
//!
//! Documents are read the way `dateline ingest` reads a crawl text file: the ` date … (@author)`
//! header line becomes `published`, the dateline is found by the real `parse_dateline` and left
//! out of the fingerprint. (The full analysis is not run: stories need only text and dateline.)

use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use dateline_analyze::fingerprint::{minhash, Shingler};
use dateline_analyze::{analyze, content_id, parse_dateline, Analysis, Format, Resources, Shingles, SourceRef};
use dateline_store::evidence::{compare, CorpusFreq, Evidence};
use dateline_store::lsh::band_keys;
use dateline_store::stories::CANDIDATES_PER_BUCKET;
use dateline_store::{PreparedBatch, Store, StoryOptions};
use dateline_text::{Document, Metadata};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opt = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let mut options = StoryOptions::default();
    if let Some(t) = opt("--threshold") {
        options.threshold = t.parse()?;
    }
    if let Some(c) = opt("--containment") {
        options.containment = c.parse()?;
    }
    if let Some(c) = opt("--sentences") {
        options.sentences = c.parse()?;
    }
    match (args.first().map(String::as_str), args.get(1)) {
        (Some("pairs"), Some(file)) => pairs(Path::new(file), &options),
        (Some("corpus"), Some(dir)) => corpus(Path::new(dir), opt("--db").map(PathBuf::from), &options),
        (Some("bench"), Some(dir)) => bench(Path::new(dir)),
        (Some("scale"), Some(n)) => {
            let dir = opt("--dir").ok_or("scale needs --dir DIR")?;
            let batch = opt("--batch").map_or(Ok(1000), |b| b.parse())?;
            let from = opt("--from").map_or(Ok(0), |k| k.parse())?;
            let range = from..from + n.parse::<usize>()?;
            scale(range, Path::new(&dir), opt("--db").map(PathBuf::from), batch, &options)
        }
        _ => Err("usage: eval_stories pairs FILE | corpus DIR | bench DIR | scale N --dir DIR".into()),
    }
}

/// Peak resident memory of this process, in MB (Linux `VmHWM`).
fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// CPU seconds (user + system) the calling thread has used, from Linux's
/// `/proc/thread-self/stat` (0 elsewhere). On a shared machine the writer's CPU time says what
/// the wall time cannot: how fast placing would go with a core of its own.
fn thread_cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    // The fields after the command name (in parentheses, which may hold spaces): utime and
    // stime are the 12th and 13th of them, in clock ticks (100 per second on Linux).
    let fields: Vec<&str> =
        stat.rsplit_once(')').map(|(_, rest)| rest.split_whitespace().collect()).unwrap_or_default();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

/// Similarities of each pair (`pair_id`, `text1`, `text2`), one JSON line each: the shingle
/// Jaccard and containment the copy detector uses, and the story evidence of
/// [`dateline_store::evidence`] over the full analysis of each text (entities, quotes, dateline),
/// with term rarity counted over all the texts of the file (no labels are read).
fn pairs(file: &Path, options: &StoryOptions) -> Result<()> {
    let resources = Resources::embedded()?;
    let mut rows: Vec<(serde_json::Value, Evidence, Evidence, Shingles, Shingles)> = Vec::new();
    let mut ids: Vec<(String, String)> = Vec::new();
    let mut records: Vec<Analysis> = Vec::new();
    let mut df = CorpusFreq::default();
    for line in std::io::BufReader::new(std::fs::File::open(file)?).lines() {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        let text = |k: &str| v.get(k).and_then(|t| t.as_str()).unwrap_or_default().to_string();
        let (t1, t2) = (text("text1"), text("text2"));
        let (a, b) = (analysed(&t1, &resources), analysed(&t2, &resources));
        let (ea, eb) = (Evidence::of(&a), Evidence::of(&b));
        df.add(&ea);
        df.add(&eb);
        ids.push((a.id.clone(), b.id.clone()));
        records.push(a);
        records.push(b);
        rows.push((
            v.get("pair_id").cloned().unwrap_or_default(),
            ea,
            eb,
            Shingles::of(&t1, None),
            Shingles::of(&t2, None),
        ));
    }
    // The store's own path: every text stored in file order (as an ingest would), each joining a
    // story and an event with the store's incremental document frequencies and key index.
    let mut store = Store::open_in_memory()?;
    for chunk in records.chunks(500) {
        store.insert_batch_with(chunk, options)?;
    }
    let placed = |id: &str| -> Result<(Option<i64>, Option<i64>)> {
        let story = store.story_of(id)?;
        let event = match story {
            Some(s) => store.event_of_story(s)?,
            None => None,
        };
        Ok((story, event))
    };
    let out = std::io::stdout();
    let mut out = out.lock();
    for ((id, ea, eb, a, b), (ia, ib)) in rows.iter().zip(&ids) {
        let ((sa, va), (sb, vb)) = (placed(ia)?, placed(ib)?);
        let sim = a.similarity(b);
        let est = a.signature().jaccard(&b.signature());
        let s = compare(ea, eb, &df);
        let row = serde_json::json!({
            "pair_id": id, "jaccard": sim.jaccard, "containment": sim.containment,
            "minhash_jaccard": est, "same": options.same_story(sim),
            "cosine": s.cosine, "sentences": s.sentences, "entities": s.entities, "quotes": s.quotes,
            "same_dateline": s.same_dateline, "similarity": s.similarity(),
            "same_story_or_event": s.same_version() || s.same_event(),
            "store_same_story": sa.is_some() && sa == sb, "store_same_event": va.is_some() && va == vb,
        });
        writeln!(out, "{row}")?;
    }
    Ok(())
}

/// The full analysis of a plain text, as `dateline analyze` makes it.
fn analysed(text: &str, resources: &Resources) -> Analysis {
    let source = SourceRef { path: None, url: None, format: Format::Text, record: None };
    match dateline_text::prepare(text.as_bytes(), &Default::default(), 0) {
        Ok(prepared) => analyze(&Document::new(prepared, Metadata::default(), source), resources),
        Err(_) => Analysis::bare(text, source),
    }
}

/// The `.txt` files of `dir`, sorted by name.
fn txt_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    Ok(files)
}

/// An analysis of one crawl text file with what stories need: text, dateline, published.
fn record(path: &Path, raw: &str, resources: &Resources) -> Analysis {
    let (published, body) = match raw.strip_prefix(" date ").and_then(|r| r.split_once('\n')) {
        Some((header, body)) => (header.get(..10).map(str::to_string), body.trim()),
        None => (None, raw.trim()),
    };
    let dateline = parse_dateline(body, resources, published.as_deref());
    let source = SourceRef { path: Some(path.display().to_string()), url: None, format: Format::Text, record: None };
    Analysis { dateline, published, ..Analysis::bare(body, source) }
}

fn open(db: Option<PathBuf>) -> Result<Store> {
    Ok(match db {
        Some(p) => {
            let _ = std::fs::remove_file(&p);
            Store::open(&p)?
        }
        None => Store::open_in_memory()?,
    })
}

/// Ingests every `.txt` of `dir` into a store and prints each document's story.
fn corpus(dir: &Path, db: Option<PathBuf>, options: &StoryOptions) -> Result<()> {
    let resources = Resources::embedded()?;
    let mut store = open(db)?;
    let files = txt_files(dir)?;
    let mut records = Vec::with_capacity(files.len());
    let mut names = Vec::with_capacity(files.len());
    for f in &files {
        let raw = std::fs::read_to_string(f)?;
        records.push(record(f, &raw, &resources));
        names.push(f.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default());
    }
    let t = Instant::now();
    for chunk in records.chunks(500) {
        store.insert_batch_with(chunk, options)?;
    }
    let secs = t.elapsed().as_secs_f64();
    let out = std::io::stdout();
    let mut out = out.lock();
    for (name, r) in names.iter().zip(&records) {
        let story = store.story_of(&r.id)?;
        writeln!(out, "{}", serde_json::json!({ "id": name, "story": story }))?;
    }
    eprintln!(
        "{}",
        serde_json::json!({ "docs": records.len(), "store_ingest_s": secs, "store_docs_per_s": records.len() as f64 / secs })
    );
    Ok(())
}

/// Shingling + MinHash + LSH insert and query in memory on one thread, like the datasketch peer.
fn bench(dir: &Path) -> Result<()> {
    let docs: Vec<String> = txt_files(dir)?.iter().map(std::fs::read_to_string).collect::<std::io::Result<_>>()?;
    let n = docs.len();
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut best = f64::MAX;
    let mut phases = (0.0, 0.0, 0.0);
    let mut candidates = 0usize;
    for _ in 0..5 {
        let mut shingler = Shingler::default();
        let mut found: Vec<u32> = Vec::new();
        let mut index: HashMap<i64, Vec<u32>> = HashMap::new();
        let (mut t_sh, mut t_mh, mut t_lsh) = (0.0, 0.0, 0.0);
        candidates = 0;
        let start = Instant::now();
        for (i, d) in docs.iter().enumerate() {
            let t = Instant::now();
            let sh = shingler.shingle(d, None);
            let t2 = Instant::now();
            let sig = minhash(sh);
            let t3 = Instant::now();
            let keys = band_keys(&sig);
            // As the store does: the newest of each bucket, ranked by bands shared.
            found.clear();
            for k in keys {
                let bucket = index.entry(k).or_default();
                found.extend(bucket.iter().rev().take(CANDIDATES_PER_BUCKET));
                bucket.push(i as u32);
            }
            found.sort_unstable();
            found.dedup();
            candidates += found.len();
            t_sh += (t2 - t).as_secs_f64();
            t_mh += (t3 - t2).as_secs_f64();
            t_lsh += t3.elapsed().as_secs_f64();
        }
        let total = start.elapsed().as_secs_f64();
        if total < best {
            best = total;
            phases = (t_sh, t_mh, t_lsh);
        }
    }
    let row = serde_json::json!({
        "tool": "dateline", "docs": n, "best_of": 5, "end_to_end_s": best,
        "end_to_end_docs_per_s": n as f64 / best, "MB_per_s": bytes as f64 / 1e6 / best,
        "shingle_s": phases.0, "minhash_s": phases.1, "lsh_insert_query_s": phases.2,
        "mean_candidates_per_query": candidates as f64 / n as f64, "peak_rss_MB": peak_rss_mb(),
        "bucket_cap": CANDIDATES_PER_BUCKET,
    });
    println!("{row}");
    Ok(())
}

/// Documents `range` through the store in batches: variants of the corpus documents (document `i`
/// is corpus document `i mod len` with every 50th word replaced by a token made from `i`), so each
/// is distinct and every corpus document has many near-duplicates. Prints time and peak RSS.
fn scale(
    range: std::ops::Range<usize>,
    dir: &Path,
    db: Option<PathBuf>,
    batch: usize,
    options: &StoryOptions,
) -> Result<()> {
    let n = range.len();
    let options = *options;
    let resources = Resources::embedded()?;
    let base: Vec<Analysis> = txt_files(dir)?
        .iter()
        .map(|f| std::fs::read_to_string(f).map(|raw| record(f, &raw, &resources)))
        .collect::<std::io::Result<_>>()?;
    if base.is_empty() {
        return Err("no documents".into());
    }
    // Continuing (`--from`) keeps the store's articles; a run from 0 starts a new one.
    let store = match db {
        Some(p) if range.start > 0 => Store::open(&p)?,
        db => open(db)?,
    };
    let start = Instant::now();
    // As `dateline ingest` does: the next batch is made and prepared (hashes, stored JSON,
    // fingerprints, on every core) while the store's one writer, on its own thread, writes this
    // one. A queue of one batch.
    let (to_writer, batches) = std::sync::mpsc::sync_channel::<PreparedBatch>(1);
    let writer = std::thread::spawn(move || -> std::result::Result<(Store, f64, f64), dateline_store::StoreError> {
        let mut store = store;
        let mut written = 0usize;
        // Time the writer spent waiting for the next batch: what the preparing side costs it.
        let mut idle = 0.0;
        loop {
            let waited = Instant::now();
            let Ok(prepared) = batches.recv() else { break };
            idle += waited.elapsed().as_secs_f64();
            store.insert_prepared_with(&prepared, &options)?;
            let before = written;
            written += prepared.len();
            if written / 100_000 > before / 100_000 {
                eprintln!(
                    "{written} docs, {:.1}s, writer CPU {:.1}s, peak RSS {:.0} MB",
                    start.elapsed().as_secs_f64(),
                    thread_cpu_seconds(),
                    peak_rss_mb()
                );
            }
        }
        Ok((store, thread_cpu_seconds(), idle))
    });
    let mut chunk = Vec::with_capacity(batch);
    for i in range.clone() {
        let mut a = base[i % base.len()].clone();
        if i >= base.len() {
            let mut text = String::with_capacity(a.text.len() + 64);
            for (w, word) in a.text.split(' ').enumerate() {
                if w > 0 {
                    text.push(' ');
                }
                if w % 50 == 25 {
                    text.push_str(&format!("v{i}x{w}"));
                } else {
                    text.push_str(word);
                }
            }
            a.id = content_id(&text);
            a.text = text;
        }
        chunk.push(a);
        if chunk.len() == batch || i + 1 == range.end {
            let full = std::mem::replace(&mut chunk, Vec::with_capacity(batch));
            if to_writer.send(PreparedBatch::new(full)).is_err() {
                break; // the writer stopped: its error is below
            }
        }
    }
    drop(to_writer);
    let (store, writer_cpu, writer_idle) = writer.join().map_err(|_| "the store writer panicked")??;
    let secs = start.elapsed().as_secs_f64();
    let stories = store.stories(1, 1)?;
    println!(
        "{}",
        serde_json::json!({
            "docs": n, "seconds": secs, "docs_per_s": n as f64 / secs, "peak_rss_MB": peak_rss_mb(),
            "writer_cpu_s": writer_cpu, "writer_idle_s": writer_idle, "docs_per_writer_cpu_s": n as f64 / writer_cpu.max(0.01),
            "largest_story": stories.first().map(|s| s.size),
        })
    );
    Ok(())
}
