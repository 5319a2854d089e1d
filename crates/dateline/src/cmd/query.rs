//! `dateline search`, `show` and `stats`: read-only views of the store.

use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use dateline_store::Store;

use crate::cli::{SearchArgs, ShowArgs, StatsArgs};
use crate::summary;

/// Opens an existing store; a missing file is an error rather than a new empty store.
fn open(db: &Path) -> Result<Store> {
    if !db.exists() {
        bail!("no store at {} (create one with `dateline ingest PATH --db {}`)", db.display(), db.display());
    }
    Store::open(db).with_context(|| format!("opening the store {}", db.display()))
}

pub fn search(args: &SearchArgs) -> Result<ExitCode> {
    let store = open(&args.db.db)?;
    let query = args.query.join(" ");
    let hits = store.search(&query, args.limit).with_context(|| format!("searching for {query:?}"))?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    if args.json {
        for hit in &hits {
            serde_json::to_writer(&mut out, hit)?;
            writeln!(out)?;
        }
    } else if hits.is_empty() {
        writeln!(out, "no articles match {query:?}")?;
    } else {
        let mut out = summary::TerminalSafe::new(&mut out);
        for (rank, hit) in hits.iter().enumerate() {
            summary::write_hit(&mut out, rank + 1, hit)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn show(args: &ShowArgs) -> Result<ExitCode> {
    let store = open(&args.db.db)?;
    let Some(analysis) = store.get(&args.id).with_context(|| format!("looking up {}", args.id))? else {
        bail!("no article with id {:?} in {}", args.id, args.db.db.display());
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    if args.json {
        serde_json::to_writer_pretty(&mut out, &analysis)?;
        writeln!(out)?;
    } else {
        let mut out = summary::TerminalSafe::new(&mut out);
        summary::write_analysis(&mut out, &analysis)?;
        writeln!(out, "\n{}", analysis.text)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn stats(args: &StatsArgs) -> Result<ExitCode> {
    let store = open(&args.db.db)?;
    let stats = store.stats()?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    if args.json {
        serde_json::to_writer_pretty(&mut out, &stats)?;
        writeln!(out)?;
    } else {
        summary::write_stats(&mut summary::TerminalSafe::new(&mut out), &args.db.db, &stats)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
