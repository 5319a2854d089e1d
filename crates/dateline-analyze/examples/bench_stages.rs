//! Times each analysis stage alone over a directory of text articles, one thread, so a stage can
//! be compared with a peer that does only that job (spaCy's NER against our entity stage).
//!
//! ```sh
//! cargo run --release -p dateline-analyze --example bench_stages -- target/bench/corpus
//! # one stage only, timed 20 times instead of 3 (for a profiler: `perf record -g -- ...`)
//! cargo run --release -p dateline-analyze --example bench_stages -- target/bench/corpus quotes
//! ```
//!
//! Prints one line per stage: articles/s and words/s (whitespace words, as the peers count them).
//! With one stage named, also a digest of that stage's output over the corpus, so two builds
//! compared for speed can be checked to give the same answers (entities and quotes).

use std::time::Instant;

use chrono::NaiveDate;
use dateline_analyze::{
    article_tone, find_amounts_outside_times, find_entities, find_quotes, find_times, parse_dateline, Resources,
};
use dateline_ingest::{text_record, Limits};
use dateline_text::segment;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "target/bench/corpus".into());
    let only = std::env::args().nth(2);
    let rounds = if only.is_some() { 20 } else { 3 };
    let mut paths: Vec<_> = match std::fs::read_dir(&dir) {
        Ok(rd) => {
            rd.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect()
        }
        Err(e) => {
            eprintln!("bench_stages: cannot read {dir}: {e}");
            std::process::exit(2);
        }
    };
    paths.sort();
    // Documents as the CLI prepares them (crawl header stripped), with the header date as the
    // reference for relative times.
    let docs: Vec<_> = paths
        .iter()
        .filter_map(|p| std::fs::read(p).ok().map(|b| (p.display().to_string(), b)))
        .filter_map(|(name, b)| text_record(&name, b).into_document(&Limits::default()).ok())
        .collect();
    let reference: Vec<Option<NaiveDate>> = docs
        .iter()
        .map(|d| d.meta.header.as_ref().and_then(|h| h.date.as_deref()))
        .map(|d| d.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()))
        .collect();
    let texts: Vec<String> = docs.into_iter().map(|d| d.text).collect();
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    let res = match Resources::embedded() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("bench_stages: resources: {e}");
            std::process::exit(1);
        }
    };
    let sentences: Vec<_> = texts.iter().map(|t| segment::sentences(t)).collect();
    let entities: Vec<_> = texts.iter().zip(&sentences).map(|(t, s)| find_entities(t, s, &res, None)).collect();
    println!("{} articles, {} words, one thread", texts.len(), words);
    let runs = |name: &str| only.as_deref().is_none_or(|o| o == name);
    let report = |name: &str, secs: f64| {
        println!("{name:<12} {:>9.0} articles/s {:>11.0} words/s", texts.len() as f64 / secs, words as f64 / secs);
    };
    let time = |f: &mut dyn FnMut()| {
        let best = (0..rounds)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min);
        best.max(1e-9)
    };
    if runs("dateline") {
        report("dateline", time(&mut || texts.iter().for_each(|t| drop(parse_dateline(t, &res, None)))));
    }
    if runs("segment") {
        report("segment", time(&mut || texts.iter().for_each(|t| drop(segment::sentences(t)))));
    }
    if runs("entities") {
        report(
            "entities",
            time(&mut || texts.iter().zip(&sentences).for_each(|(t, s)| drop(find_entities(t, s, &res, None)))),
        );
    }
    if runs("quotes") {
        report(
            "quotes",
            time(&mut || {
                texts.iter().zip(&sentences).zip(&entities).for_each(|((t, s), e)| drop(find_quotes(t, s, e)))
            }),
        );
    }
    if only.as_deref() == Some("entities") {
        digest(texts.iter().zip(&sentences).map(|(t, s)| find_entities(t, s, &res, None)));
    }
    if only.as_deref() == Some("quotes") {
        digest(texts.iter().zip(&sentences).zip(&entities).map(|((t, s), e)| find_quotes(t, s, e)));
    }
    if runs("times") {
        report("times", time(&mut || texts.iter().zip(&reference).for_each(|(t, r)| drop(find_times(t, *r)))));
    }
    // As the pipeline runs it: the times already found are handed to the amounts stage.
    let times: Vec<_> = texts.iter().zip(&reference).map(|(t, r)| find_times(t, *r)).collect();
    if runs("amounts") {
        report(
            "amounts",
            time(&mut || {
                texts
                    .iter()
                    .zip(&entities)
                    .zip(&times)
                    .for_each(|((t, e), x)| drop(find_amounts_outside_times(t, e, x)))
            }),
        );
    }
    if runs("tone") {
        report(
            "tone",
            time(&mut || {
                texts.iter().zip(&sentences).for_each(|(t, s)| drop(article_tone(t, s, &[], &res.tone, &res.lexicon)))
            }),
        );
    }
}

/// Prints a hash of the outputs' debug form (the same build of the standard library hashes the
/// same way, so two builds of one toolchain compare).
fn digest<T: std::fmt::Debug>(outputs: impl Iterator<Item = T>) {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for o in outputs {
        format!("{o:?}").hash(&mut h);
    }
    println!("output digest {:016x}", h.finish());
}
