//! `dateline ingest`: analyse and store, in batches, with progress and a summary.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use dateline_analyze::Analysis;
use dateline_store::Store;
use indicatif::{ProgressBar, ProgressStyle};

use super::{analyse_inputs, exit_code, warc_summary, Outcome};
use crate::cli::IngestArgs;
use dateline_ingest::StatsSnapshot;

/// Failures listed one by one in the summary; the rest are counted.
const FAILURES_SHOWN: usize = 20;

/// A batch is written once its articles' texts reach this many bytes, whatever `--batch-size`
/// says, so a batch of long articles does not hold gigabytes of records.
const BATCH_BYTES: usize = 64 << 20;

/// Counts for the summary line.
#[derive(Default)]
struct Tally {
    stored: usize,
    duplicates: usize,
    bytes: usize,
    failures: Vec<String>,
}

pub fn run(args: &IngestArgs) -> Result<ExitCode> {
    let db = &args.db.db;
    let mut store = Store::open(db).with_context(|| format!("opening the store {}", db.display()))?;
    let progress = progress_bar(args.quiet);
    let started = Instant::now();
    let batch_size = args.batch_size as usize;
    let mut batch: Vec<Analysis> = Vec::with_capacity(batch_size);
    let mut tally = Tally::default();
    let mut batch_bytes = 0usize;
    let flush = |batch: &mut Vec<Analysis>, store: &mut Store, tally: &mut Tally| -> Result<()> {
        if batch.is_empty() {
            return Ok(());
        }
        let outcome = store.insert_batch(batch).with_context(|| format!("writing to {}", db.display()))?;
        tally.stored += outcome.stored;
        tally.duplicates += outcome.duplicates;
        // An article that cannot be stored is a failure of its own: named with its source,
        // skipped, and the run goes on.
        for r in outcome.rejected {
            let msg = format!("{}: article {} not stored: {}", r.source, r.id, r.reason);
            eprintln!("failed: {}", crate::summary::one_line(&msg));
            tally.failures.push(msg);
        }
        batch.clear();
        Ok(())
    };
    let stats = analyse_inputs(&args.input, |outcome| {
        match outcome {
            Outcome::Analysed(analysis) => {
                tally.bytes += analysis.text.len();
                batch_bytes += analysis.text.len();
                batch.push(*analysis);
                if batch.len() >= batch_size || batch_bytes >= BATCH_BYTES {
                    batch_bytes = 0;
                    flush(&mut batch, &mut store, &mut tally)?;
                }
            }
            Outcome::Failed(err) => {
                progress.println(format!("failed: {}", crate::summary::one_line(&err.to_string())));
                tally.failures.push(err.to_string());
            }
        }
        progress.inc(1);
        Ok(())
    })?;
    flush(&mut batch, &mut store, &mut tally)?;
    progress.finish_and_clear();
    report(&tally, &stats, started.elapsed().as_secs_f64());
    Ok(exit_code(tally.failures.len()))
}

/// The summary on stderr: counts, rates, what WARC readers skipped, and the reasons of failures.
fn report(t: &Tally, stats: &StatsSnapshot, secs: f64) {
    let secs = secs.max(1e-9);
    let seen = t.stored + t.duplicates + t.failures.len();
    eprintln!(
        "ingested {seen} article(s) in {secs:.2}s ({:.0} articles/s, {:.1} MB/s of input): {} stored, {} duplicate(s), {} failed",
        seen as f64 / secs,
        stats.input_bytes.max(t.bytes as u64) as f64 / 1e6 / secs,
        t.stored,
        t.duplicates,
        t.failures.len()
    );
    if let Some(line) = warc_summary(stats) {
        eprintln!("  {line}");
    }
    for f in t.failures.iter().take(FAILURES_SHOWN) {
        eprintln!("  failed: {f}");
    }
    if t.failures.len() > FAILURES_SHOWN {
        eprintln!("  ... and {} more", t.failures.len() - FAILURES_SHOWN);
    }
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
