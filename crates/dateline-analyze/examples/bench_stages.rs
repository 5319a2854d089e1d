//! Times each analysis stage alone over a directory of text articles, one thread, so a stage can
//! be compared with a peer that does only that job (spaCy's NER against our entity stage).
//!
//! ```sh
//! cargo run --release -p dateline-analyze --example bench_stages -- target/bench/corpus
//! ```
//!
//! Prints one line per stage: articles/s and words/s (whitespace words, as the peers count them).

use std::time::Instant;

use chrono::NaiveDate;
use dateline_analyze::{
    article_tone, find_amounts_outside_times, find_entities, find_quotes, find_times, parse_dateline, Resources,
};
use dateline_ingest::{text_record, Limits};
use dateline_text::segment;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "target/bench/corpus".into());
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
    let report = |name: &str, secs: f64| {
        println!("{name:<12} {:>9.0} articles/s {:>11.0} words/s", texts.len() as f64 / secs, words as f64 / secs);
    };
    let time = |f: &mut dyn FnMut()| {
        let best = (0..3)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min);
        best.max(1e-9)
    };
    report("dateline", time(&mut || texts.iter().for_each(|t| drop(parse_dateline(t, &res, None)))));
    report("segment", time(&mut || texts.iter().for_each(|t| drop(segment::sentences(t)))));
    report(
        "entities",
        time(&mut || texts.iter().zip(&sentences).for_each(|(t, s)| drop(find_entities(t, s, &res, None)))),
    );
    report(
        "quotes",
        time(&mut || texts.iter().zip(&sentences).zip(&entities).for_each(|((t, s), e)| drop(find_quotes(t, s, e)))),
    );
    report("times", time(&mut || texts.iter().zip(&reference).for_each(|(t, r)| drop(find_times(t, *r)))));
    // As the pipeline runs it: the times already found are handed to the amounts stage.
    let times: Vec<_> = texts.iter().zip(&reference).map(|(t, r)| find_times(t, *r)).collect();
    report(
        "amounts",
        time(&mut || {
            texts.iter().zip(&entities).zip(&times).for_each(|((t, e), x)| drop(find_amounts_outside_times(t, e, x)))
        }),
    );
    report(
        "tone",
        time(&mut || {
            texts.iter().zip(&sentences).for_each(|(t, s)| drop(article_tone(t, s, &[], &res.tone, &res.lexicon)))
        }),
    );
}
