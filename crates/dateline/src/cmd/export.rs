//! `dateline export`: every stored record (or those published since a date) as JSON Lines or
//! GDELT GKG 2.1.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use dateline_analyze::gazetteer::Gazetteer;
use dateline_store::StoreError;

use super::exit_code;
use crate::cli::ExportArgs;
use crate::export::write_record;

pub fn run(args: &ExportArgs) -> Result<ExitCode> {
    let db = &args.db.db;
    if !db.exists() {
        anyhow::bail!("no store at {} (create one with `dateline ingest PATH --db {}`)", db.display(), db.display());
    }
    let store = dateline_store::Store::open(db).with_context(|| format!("opening the store {}", db.display()))?;
    let gazetteer = Gazetteer::embedded().context("loading the embedded gazetteer")?;
    let mut out: Box<dyn Write> = match &args.out {
        Some(path) if path.as_os_str() != "-" => {
            Box::new(BufWriter::new(File::create(path).with_context(|| format!("creating {}", path.display()))?))
        }
        _ => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let mut failed = 0;
    let mut written = 0usize;
    store.export(args.since.as_deref(), |record: Result<_, StoreError>| -> Result<()> {
        match record {
            Ok(a) => {
                write_record(&mut out, args.format, &a, &gazetteer)?;
                written += 1;
            }
            Err(e) => {
                failed += 1;
                eprintln!("dateline: {e}");
            }
        }
        Ok(())
    })?;
    out.flush()?;
    if args.out.is_some() {
        eprintln!("dateline: exported {written} article(s)");
    }
    if failed > 0 {
        eprintln!("dateline: {failed} record(s) could not be read");
    }
    Ok(exit_code(failed))
}
