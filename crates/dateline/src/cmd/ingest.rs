//! `dateline ingest`: analyse and store, in batches, with progress and a summary.
//!
//! Two stages run at once: the analysis (on `--jobs` threads) and the store's single writer (on a
//! thread of its own), joined by a queue of one batch. Batches are written in input order, so the
//! store is the same as if each batch were written before the next was analysed.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::time::Instant;

use anyhow::{anyhow, Context, Result};
use dateline_analyze::Analysis;
use dateline_store::{PreparedBatch, Store};
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
    let store = Store::open(db).with_context(|| format!("opening the store {}", db.display()))?;
    let progress = progress_bar(args.quiet);
    let started = Instant::now();
    let batch_size = args.batch_size as usize;
    let (to_writer, batches) = mpsc::sync_channel::<PreparedBatch>(BATCHES_QUEUED);
    let (read, written) = std::thread::scope(|scope| {
        let writer = scope.spawn(|| write_batches(store, batches, db));
        let read = read_batches(args, batch_size, &progress, to_writer);
        // The sender is gone (dropped by `read_batches`), so the writer ends once it has written
        // every batch sent; a writer that failed has already stopped taking them.
        let written = writer.join().unwrap_or_else(|_| Err(anyhow!("the store writer of {} panicked", db.display())));
        (read, written)
    });
    // The writer's error first: when it stops, the reader fails to send, and the cause is the
    // writer's.
    let written = written?;
    let (mut tally, stats) = read?;
    progress.finish_and_clear();
    tally.stored = written.stored;
    tally.duplicates = written.duplicates;
    tally.failures.extend(written.failures);
    report(&tally, &stats, started.elapsed().as_secs_f64());
    Ok(exit_code(tally.failures.len()))
}

/// Batches waiting for the writer besides the one it writes: one, so the analysis of the next
/// batch overlaps the writing of this one while at most three batches are held in memory.
const BATCHES_QUEUED: usize = 1;

/// Analyses the inputs and sends them to the writer in batches; what it counted (bytes, failed
/// inputs) and the readers' statistics.
fn read_batches(
    args: &IngestArgs,
    batch_size: usize,
    progress: &ProgressBar,
    to_writer: SyncSender<PreparedBatch>,
) -> Result<(Tally, StatsSnapshot)> {
    let mut tally = Tally::default();
    let mut batch: Vec<Analysis> = Vec::with_capacity(batch_size);
    let mut batch_bytes = 0usize;
    let send = |batch: &mut Vec<Analysis>| -> Result<()> {
        if batch.is_empty() {
            return Ok(());
        }
        let full = std::mem::replace(batch, Vec::with_capacity(batch_size));
        // Hashes, stored JSON and story fingerprints on every core, off the writer's thread.
        to_writer.send(PreparedBatch::new(full)).map_err(|_| anyhow!("the store writer stopped"))
    };
    let stats = analyse_inputs(&args.input, |outcome| {
        match outcome {
            Outcome::Analysed(analysis) => {
                tally.bytes += analysis.text.len();
                batch_bytes += analysis.text.len();
                batch.push(*analysis);
                if batch.len() >= batch_size || batch_bytes >= BATCH_BYTES {
                    batch_bytes = 0;
                    send(&mut batch)?;
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
    send(&mut batch)?;
    Ok((tally, stats))
}

/// Writes every batch received, in the order sent, on its own thread: the store has one writer,
/// and while it writes a batch the analysis goes on with the next. Stops at the first batch the
/// store cannot write (the batches before it stay committed).
fn write_batches(mut store: Store, batches: Receiver<PreparedBatch>, db: &std::path::Path) -> Result<Tally> {
    let mut tally = Tally::default();
    for batch in batches {
        let outcome = store.insert_prepared(&batch).with_context(|| format!("writing to {}", db.display()))?;
        tally.stored += outcome.stored;
        tally.duplicates += outcome.duplicates;
        // An article that cannot be stored is a failure of its own: named with its source,
        // skipped, and the run goes on.
        for r in outcome.rejected {
            let msg = format!("{}: article {} not stored: {}", r.source, r.id, r.reason);
            eprintln!("failed: {}", crate::summary::one_line(&msg));
            tally.failures.push(msg);
        }
    }
    Ok(tally)
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
