//! `dateline analyze`: print one analysis record per article.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::Result;

use super::{analyse_inputs, exit_code, warc_summary, Outcome};
use crate::cli::AnalyzeArgs;
use crate::summary;

pub fn run(args: &AnalyzeArgs) -> Result<ExitCode> {
    // Export formats read the gazetteer (GKG location types); the summary and --json do not.
    let gazetteer = match args.format {
        Some(_) => Some(dateline_analyze::gazetteer::Gazetteer::embedded()?),
        None => None,
    };
    let mut exporter = match args.format {
        Some(format) => Some(crate::export::Exporter::open(format, args.out.as_deref())?),
        None => None,
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = 0;
    let mut first = true;
    let stats = analyse_inputs(&args.input, |outcome| {
        let analysis = match outcome {
            Outcome::Analysed(a) => a,
            Outcome::Failed(err) => {
                failed += 1;
                eprintln!("dateline: {}", summary::one_line(&err.to_string()));
                return Ok(());
            }
        };
        if let (Some(exporter), Some(gazetteer)) = (&mut exporter, &gazetteer) {
            exporter.write(*analysis, gazetteer)?;
        } else if args.json {
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
            summary::write_analysis(&mut summary::TerminalSafe::new(&mut out), &analysis)?;
        }
        first = false;
        Ok(())
    })?;
    out.flush()?;
    if let Some(exporter) = exporter {
        exporter.finish()?;
    }
    if let Some(line) = warc_summary(&stats) {
        eprintln!("dateline: {line}");
    }
    if failed > 0 {
        eprintln!("dateline: {failed} input(s) failed");
    }
    Ok(exit_code(failed))
}
