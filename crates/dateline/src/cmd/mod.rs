//! One module per subcommand; each returns the process exit code.

mod analyze;
mod ingest;
mod query;

use std::process::ExitCode;

use anyhow::Result;
use dateline_ingest::{Document, IngestError, Limits};

use crate::cli::{Cli, Command, InputArgs};

/// Runs the chosen subcommand.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Analyze(args) => analyze::run(&args),
        Command::Ingest(args) => ingest::run(&args),
        Command::Search(args) => query::search(&args),
        Command::Show(args) => query::show(&args),
        Command::Stats(args) => query::stats(&args),
    }
}

/// Every document the inputs hold, in input order; bad inputs come through as errors.
fn documents(input: &InputArgs) -> impl Iterator<Item = Result<Document, IngestError>> {
    let limits = Limits { max_document_bytes: input.max_bytes };
    dateline_ingest::read_inputs(&input.paths, limits).map(move |r| r.and_then(|rec| rec.into_document(&limits)))
}

/// Exit code 1 when any input failed, 0 otherwise.
fn exit_code(failed: usize) -> ExitCode {
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
