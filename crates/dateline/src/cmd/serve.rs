//! `dateline serve`: the HTTP JSON API and web UI of `dateline-server`, over one store.

use std::process::ExitCode;

use anyhow::{Context, Result};
use dateline_server::ServeConfig;

use crate::cli::ServeArgs;

pub fn run(args: &ServeArgs) -> Result<ExitCode> {
    let mut config = ServeConfig::new(args.db.db.clone());
    config.addr = args.addr;
    // An empty token (`DATELINE_TOKEN=` in an environment file) means no token: read-only,
    // said on stderr, rather than a server that refuses to start.
    config.token = args.token.clone().filter(|t| !t.trim().is_empty());
    if args.token.is_some() && config.token.is_none() {
        eprintln!("dateline serve: the token is empty (DATELINE_TOKEN or --token): serving read-only");
    }
    config.max_body_bytes = args.max_body;
    config.readers = args.readers;
    let writable = config.token.is_some();
    if !args.addr.ip().is_loopback() {
        eprintln!("dateline serve: warning: listening on {}, reachable from other machines", args.addr);
    }
    dateline_server::run(config, |addr, articles| {
        let mode = if writable { "read-write: POST /api/ingest needs the token" } else { "read-only" };
        eprintln!("dateline serve: {articles} article(s) from {} ({mode})", args.db.db.display());
        // The address on stdout, alone on its line, so scripts can read it.
        println!("http://{addr}/");
    })
    .with_context(|| format!("serving {}", args.db.db.display()))?;
    Ok(ExitCode::SUCCESS)
}
