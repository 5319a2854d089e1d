//! One module per subcommand; each returns the process exit code.

mod analyze;
mod export;
mod ingest;
mod query;
mod serve;
mod stories;

use std::process::ExitCode;

use anyhow::{Context, Result};
use dateline_analyze::{try_analyze, Analysis, Resources};
use dateline_ingest::{IngestError, Limits, Record, StatsSnapshot};
use rayon::prelude::*;

use crate::cli::{Cli, Command, InputArgs};

/// Records read ahead and analysed together; big enough to keep every core busy, small enough
/// that memory stays flat whatever the input size.
const CHUNK: usize = 256;

/// Bytes of bodies read ahead at most (a chunk closes at [`CHUNK`] records or this many bytes,
/// whichever comes first, and always holds at least one record): 256 pages of 16 MiB each
/// would otherwise be 4 GiB in memory before analysis starts.
const CHUNK_BYTES: usize = 32 << 20;

/// Runs the chosen subcommand.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Analyze(args) => analyze::run(&args),
        Command::Ingest(args) => ingest::run(&args),
        Command::Search(args) => query::search(&args),
        Command::Show(args) => query::show(&args),
        Command::Stats(args) => query::stats(&args),
        Command::Stories(args) => stories::list(&args),
        Command::Story(args) => stories::show(&args),
        Command::Events(args) => stories::events(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Export(args) => export::run(&args),
    }
}

/// What happened to one input record.
pub enum Outcome {
    /// Analysed.
    Analysed(Box<Analysis>),
    /// Could not be read or decoded, or its analysis stopped on an internal error.
    Failed(anyhow::Error),
}

/// Reads the inputs in order, analyses them on all threads of the pool, and hands each outcome
/// to `sink` in input order, so output is the same whatever the number of threads. Returns what
/// the readers counted (input bytes, WARC records skipped).
fn analyse_inputs(input: &InputArgs, mut sink: impl FnMut(Outcome) -> Result<()>) -> Result<StatsSnapshot> {
    let mut resources = Resources::embedded().context("loading the embedded resources")?;
    if let Some(dir) = &input.lexicon {
        resources.lexicon = dateline_analyze::Lexicon::from_dir(dir)
            .with_context(|| format!("loading the word lists of {}", dir.display()))?;
    }
    let pool = rayon::ThreadPoolBuilder::new().num_threads(input.jobs).build().context("starting worker threads")?;
    let limits = Limits { max_document_bytes: input.max_bytes, ..Limits::default() };
    let (records, stats) = dateline_ingest::read_inputs_with_stats(&input.paths, limits);
    let mut records = records.peekable();
    let mut chunk: Vec<Result<Record, IngestError>> = Vec::with_capacity(CHUNK);
    while records.peek().is_some() {
        let mut bytes = 0usize;
        while chunk.len() < CHUNK && (chunk.is_empty() || bytes < CHUNK_BYTES) {
            let Some(record) = records.next() else { break };
            bytes = bytes.saturating_add(record.as_ref().map_or(0, Record::body_len));
            chunk.push(record);
        }
        let outcomes: Vec<Outcome> = pool.install(|| {
            chunk
                .par_drain(..)
                .map(|record| match record.and_then(|r| r.into_document(&limits)) {
                    // One document's internal failure is that document's, named; the run goes on.
                    Ok(doc) => match try_analyze(&doc, &resources) {
                        Ok(analysis) => Outcome::Analysed(Box::new(analysis)),
                        Err(err) => Outcome::Failed(err.into()),
                    },
                    Err(err) => Outcome::Failed(err.into()),
                })
                .collect()
        });
        for outcome in outcomes {
            sink(outcome)?;
        }
    }
    Ok(stats.snapshot())
}

/// One line on what WARC readers skipped, when there were WARC inputs.
fn warc_summary(s: &StatsSnapshot) -> Option<String> {
    (s.warc_records > 0).then(|| {
        format!(
            "WARC: {} record(s), {} article(s); skipped {} non-response, {} non-200, {} non-HTML; {} broken",
            s.warc_records, s.warc_articles, s.skipped_type, s.skipped_status, s.skipped_not_html, s.warc_errors
        )
    })
}

/// Exit code 1 when any input failed, 0 otherwise.
fn exit_code(failed: usize) -> ExitCode {
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
