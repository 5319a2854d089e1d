//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// dateline: who said what, where and when, and where each story came from.
#[derive(Debug, Parser)]
#[command(name = "dateline", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse articles and print one record per article (no store needed).
    Analyze(AnalyzeArgs),
    /// Analyse articles and store them (idempotent: an article already stored is skipped).
    Ingest(IngestArgs),
    /// Full-text search over stored articles, best matches first.
    Search(SearchArgs),
    /// Show one stored article by id (or a unique id prefix).
    Show(ShowArgs),
    /// Summarise what the store holds.
    Stats(StatsArgs),
    /// List stories (articles that are versions of one another), largest and newest first.
    Stories(StoriesArgs),
    /// Show one story: its versions, its likely origin, and what changed between two versions.
    Story(StoryArgs),
    /// List events (different stories about one happening), or show one with its stories side
    /// by side.
    Events(EventsArgs),
    /// Serve the JSON API and the web UI over a store (read-only unless --token is given).
    Serve(ServeArgs),
    /// Write stored records as JSON Lines, GDELT GKG 2.1 or Parquet (docs/EXPORTS.md).
    Export(ExportArgs),
}

/// Where articles come from.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files or directories to read (.txt, .jsonl, .html, .htm, .warc, .warc.gz; directories are
    /// walked); `-` reads standard input (WARC, JSON Lines if it starts with `{`, else one text
    /// article).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Largest article accepted, in bytes; larger ones are reported as errors and skipped.
    #[arg(long, value_name = "BYTES", default_value_t = 8 << 20)]
    pub max_bytes: usize,
    /// Worker threads for analysis (0: one per core). Output order never depends on it.
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    pub jobs: usize,
    /// Read the rules' word lists from this folder (laid out as `resources/lexicon/en/`, every
    /// file required) instead of the English set compiled in.
    #[arg(long, value_name = "DIR")]
    pub lexicon: Option<PathBuf>,
}

/// `dateline analyze`.
#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Print JSON (one record per line) instead of a readable summary.
    #[arg(long)]
    pub json: bool,
    /// With --json, indent the output (then it is no longer one record per line).
    #[arg(long, requires = "json")]
    pub pretty: bool,
    /// Print in an export format instead: `jsonl` (as --json), `gkg` (GDELT GKG 2.1 TSV) or
    /// `parquet` (with --out; needs the `parquet` build feature).
    #[arg(long, value_enum, value_name = "FORMAT", conflicts_with = "json")]
    pub format: Option<crate::export::ExportFormat>,
    /// With --format, write to this file instead of standard output (`-`: standard output).
    #[arg(long, value_name = "PATH", requires = "format")]
    pub out: Option<PathBuf>,
}

/// `dateline export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// `jsonl` (the record, one per line), `gkg` (GDELT GKG 2.1, 27 tab-separated columns) or
    /// `parquet` (nested schema, docs/EXPORTS.md; needs the `parquet` build feature).
    #[arg(long, value_enum, value_name = "FORMAT", default_value = "jsonl")]
    pub format: crate::export::ExportFormat,
    /// Only articles published on or after this date (ISO 8601: `2019`, `2019-09`, `2019-09-18`).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Write to this file instead of standard output (`-`: standard output).
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
}

/// The store to use.
#[derive(Debug, Args)]
pub struct DbArgs {
    /// The store file (SQLite); created when ingesting.
    #[arg(long, value_name = "FILE", default_value = "dateline.db", env = "DATELINE_DB")]
    pub db: PathBuf,
}

/// `dateline ingest`.
#[derive(Debug, Args)]
pub struct IngestArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub db: DbArgs,
    /// Articles per transaction: a crash loses at most one batch, and re-running finishes the job.
    #[arg(long, value_name = "N", default_value_t = 200, value_parser = clap::value_parser!(u32).range(1..))]
    pub batch_size: u32,
    /// Never show a progress bar.
    #[arg(long)]
    pub quiet: bool,
}

/// `dateline search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to find (all must occur); "an exact phrase" in double quotes; `word*` for a prefix.
    #[arg(required = true, value_name = "QUERY")]
    pub query: Vec<String>,
    #[command(flatten)]
    pub db: DbArgs,
    /// Print JSON (one hit per line).
    #[arg(long)]
    pub json: bool,
    /// Most results to show.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub limit: usize,
}

/// `dateline show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The article id, or a unique prefix of at least 4 characters.
    pub id: String,
    #[command(flatten)]
    pub db: DbArgs,
    /// Print the full analysis record as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `dateline stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `dateline stories`.
#[derive(Debug, Args)]
pub struct StoriesArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Print JSON (one story per line).
    #[arg(long)]
    pub json: bool,
    /// Most stories to show.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
    /// Only stories with at least this many versions (1 lists single articles too).
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub min_size: u64,
}

/// `dateline events`.
#[derive(Debug, Args)]
pub struct EventsArgs {
    /// Show this event (its id from the listing) with all its stories.
    pub id: Option<i64>,
    #[command(flatten)]
    pub db: DbArgs,
    /// Print JSON (one event per line).
    #[arg(long)]
    pub json: bool,
    /// Most events to list.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
    /// Only events with at least this many stories (1 lists lone stories too).
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub min_stories: u64,
}

/// `dateline story`.
#[derive(Debug, Args)]
pub struct StoryArgs {
    /// The story id (from `dateline stories`), or the id of any article in it.
    pub id: String,
    #[command(flatten)]
    pub db: DbArgs,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// Show what changed from version A to version B (their numbers in the list, or article ids).
    #[arg(long, num_args = 2, value_names = ["A", "B"])]
    pub diff: Option<Vec<String>>,
}

/// `dateline serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Address to listen on. Loopback by default; anything else exposes the store to the network.
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
    /// Enables `POST /api/ingest`, which then requires `Authorization: Bearer TOKEN` (at least 8
    /// characters). Without it the server is read-only.
    #[arg(long, value_name = "TOKEN", env = "DATELINE_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// Largest request body accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 16 << 20)]
    pub max_body: usize,
    /// Read-only store connections (0: twice the number of cores).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub readers: usize,
}
