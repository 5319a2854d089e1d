//! `dateline ingest`: analyse and store, in batches, with progress and a summary.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use dateline_analyze::{analyze, Analysis, Resources};
use dateline_store::Store;
use indicatif::{ProgressBar, ProgressStyle};

use super::{documents, exit_code};
use crate::cli::IngestArgs;

/// Failures listed one by one in the summary; the rest are counted.
const FAILURES_SHOWN: usize = 20;

pub fn run(args: &IngestArgs) -> Result<ExitCode> {
    let resources = Resources::embedded().context("loading the embedded resources")?;
    let mut store = Store::open(&args.db.db).with_context(|| format!("opening the store {}", args.db.db.display()))?;
    let progress = progress_bar(args.quiet);
    let started = Instant::now();
    let batch_size = args.batch_size as usize;
    let mut batch: Vec<Analysis> = Vec::with_capacity(batch_size);
    let (mut stored, mut duplicates, mut bytes) = (0usize, 0usize, 0usize);
    let mut failures: Vec<String> = Vec::new();
    let mut flush = |batch: &mut Vec<Analysis>, store: &mut Store| -> Result<()> {
        if batch.is_empty() {
            return Ok(());
        }
        let outcome = store.insert_batch(batch).with_context(|| format!("writing to {}", args.db.db.display()))?;
        stored += outcome.stored;
        duplicates += outcome.duplicates;
        batch.clear();
        Ok(())
    };
    for doc in documents(&args.input) {
        match doc {
            Ok(doc) => {
                bytes += doc.text.len();
                batch.push(analyze(&doc, &resources));
                if batch.len() >= batch_size {
                    flush(&mut batch, &mut store)?;
                }
            }
            Err(err) => {
                progress.println(format!("failed: {err}"));
                failures.push(err.to_string());
            }
        }
        progress.inc(1);
    }
    flush(&mut batch, &mut store)?;
    progress.finish_and_clear();
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    let seen = stored + duplicates + failures.len();
    eprintln!(
        "ingested {seen} article(s) in {secs:.2}s ({:.0} articles/s, {:.1} MB/s of text): {stored} stored, {duplicates} duplicate(s), {} failed",
        seen as f64 / secs,
        bytes as f64 / 1e6 / secs,
        failures.len()
    );
    for f in failures.iter().take(FAILURES_SHOWN) {
        eprintln!("  failed: {f}");
    }
    if failures.len() > FAILURES_SHOWN {
        eprintln!("  ... and {} more", failures.len() - FAILURES_SHOWN);
    }
    Ok(exit_code(failures.len()))
}

/// A spinner with a rate, only when stderr is a terminal and not silenced.
fn progress_bar(quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    if let Ok(style) = ProgressStyle::with_template("{spinner} {pos} articles  {per_sec}  {elapsed}") {
        bar.set_style(style);
    }
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}
