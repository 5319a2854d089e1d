//! `dateline export`: every stored record (or those published since a date) as JSON Lines,
//! GDELT GKG 2.1 or Parquet.

use std::process::ExitCode;

use anyhow::{Context, Result};
use dateline_analyze::gazetteer::Gazetteer;
use dateline_store::StoreError;

use super::exit_code;
use crate::cli::ExportArgs;
use crate::export::Exporter;

pub fn run(args: &ExportArgs) -> Result<ExitCode> {
    let db = &args.db.db;
    if !db.exists() {
        anyhow::bail!("no store at {} (create one with `dateline ingest PATH --db {}`)", db.display(), db.display());
    }
    let store = dateline_store::Store::open(db).with_context(|| format!("opening the store {}", db.display()))?;
    let gazetteer = Gazetteer::embedded().context("loading the embedded gazetteer")?;
    let mut out = Exporter::open(args.format, args.out.as_deref())?;
    let mut failed = 0;
    let mut written = 0usize;
    store.export(args.since.as_deref(), |record: Result<_, StoreError>| -> Result<()> {
        match record {
            Ok(a) => {
                out.write(a, &gazetteer)?;
                written += 1;
            }
            Err(e) => {
                failed += 1;
                eprintln!("dateline: {e}");
            }
        }
        Ok(())
    })?;
    out.finish()?;
    if args.out.is_some() {
        eprintln!("dateline: exported {written} article(s)");
    }
    if failed > 0 {
        eprintln!("dateline: {failed} record(s) could not be read");
    }
    Ok(exit_code(failed))
}
