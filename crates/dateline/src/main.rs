//! The `dateline` command: a thin shell over the library crates.
//!
//! Exit codes: 0 everything went well; 1 some inputs failed (a summary is printed) or a command
//! could not run; 2 usage errors (from clap).

mod cli;
mod cmd;
mod export;
mod summary;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc instead of the system allocator: faster on the analysis's many small allocations
/// (measured in docs/BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cmd::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("dateline: error: {err:#}");
            ExitCode::from(1)
        }
    }
}
