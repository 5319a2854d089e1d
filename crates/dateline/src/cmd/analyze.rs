//! `dateline analyze`: print one analysis record per article.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use dateline_analyze::{analyze, Resources};

use super::{documents, exit_code};
use crate::cli::AnalyzeArgs;
use crate::summary;

pub fn run(args: &AnalyzeArgs) -> Result<ExitCode> {
    let resources = Resources::embedded().context("loading the embedded resources")?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = 0;
    let mut first = true;
    for doc in documents(&args.input) {
        let doc = match doc {
            Ok(doc) => doc,
            Err(err) => {
                failed += 1;
                eprintln!("dateline: {err}");
                continue;
            }
        };
        let analysis = analyze(&doc, &resources);
        if args.json {
            if args.pretty {
                serde_json::to_writer_pretty(&mut out, &analysis)?;
            } else {
                serde_json::to_writer(&mut out, &analysis)?;
            }
            writeln!(out)?;
        } else {
            if !first {
                writeln!(out)?;
            }
            summary::write_analysis(&mut out, &analysis)?;
        }
        first = false;
    }
    out.flush()?;
    if failed > 0 {
        eprintln!("dateline: {failed} input(s) failed");
    }
    Ok(exit_code(failed))
}
