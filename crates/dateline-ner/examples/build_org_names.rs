//! Compiles the organisation-name list of the entity stage (`resources/org-names.tsv.gz`) from
//! the organisation mentions of the **training** documents of the freely licensed corpora (the
//! same documents the model trains on: dev and test documents and UNER are never read).
//!
//! ```text
//! cargo run --release -p dateline-ner --example build_org_names -- --data ../shared/data --out resources/org-names.tsv.gz
//! ```
//!
//! A name is kept when its words are written with a capital (connectors such as "of" aside), it
//! has been annotated as an organisation at least once (a name of several words) or `--min` times
//! (one word; default 2), at least 90% of its annotated mentions are
//! organisations, and at least half of all its occurrences in the training text (as a whole
//! token sequence, case as written) are annotated organisation mentions: a name that is usually
//! something else, or usually not a name, is left out. Deterministic: same data, same bytes.

mod common;

use std::io::Write;
use std::path::PathBuf;

const MAX_WORDS: usize = 8;

fn main() {
    let mut data = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"));
    let mut out = PathBuf::from("resources/org-names.tsv.gz");
    let mut min = 2usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().unwrap_or_else(|| common::die(format!("{a} needs a value")));
        match a.as_str() {
            "--data" => data = PathBuf::from(val()),
            "--out" => out = PathBuf::from(val()),
            "--min" => min = val().parse().unwrap_or_else(|_| common::die("bad --min".into())),
            _ => common::die(format!("unknown argument {a}")),
        }
    }
    let sources: Vec<String> = common::DEFAULT_SOURCES.iter().map(|s| s.to_string()).collect();
    let (sentences, notes) = common::training_data(&data, &sources, |_| 1);
    for n in &notes {
        eprintln!("  {n}");
    }
    let kept = common::org_names(|| sentences.iter(), MAX_WORDS, min);
    let mut text = String::from(
        "# organisation names annotated in the training documents of GUM, MEANTIME, WNUT17, Re-DocRED, BTC, \
         WikiGold, CrossNER politics and LitBank (see NOTICE); name TAB times annotated\n",
    );
    for (n, c) in &kept {
        text.push_str(&format!("{n}\t{c}\n"));
    }
    let f = std::fs::File::create(&out).unwrap_or_else(|e| common::die(format!("{}: {e}", out.display())));
    let mut gz = flate2::write::GzEncoder::new(f, flate2::Compression::best());
    gz.write_all(text.as_bytes()).unwrap_or_else(|e| common::die(format!("{}: {e}", out.display())));
    gz.finish().unwrap_or_else(|e| common::die(format!("{}: {e}", out.display())));
    eprintln!("{} organisation names written to {}", kept.len(), out.display());
}
