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

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

use dateline_ner::Label;

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
    let (sentences, notes) = common::training_data(&data, &sources);
    for n in &notes {
        eprintln!("  {n}");
    }
    // name → (organisation mentions, other-type mentions)
    let mut labelled: HashMap<String, (usize, usize)> = HashMap::new();
    for s in &sentences {
        for &(a, b, l) in &s.spans {
            if b - a > MAX_WORDS {
                continue;
            }
            let name = s.words[a..b].join(" ");
            let e = labelled.entry(name).or_default();
            if l == Label::Org {
                e.0 += 1;
            } else {
                e.1 += 1;
            }
        }
    }
    let shaped = |n: &str| {
        let first = n.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        let letters = n.chars().filter(|c| c.is_alphabetic()).count();
        // every word capitalised, a number or a connector
        let words = n.split(' ').all(|w| {
            !w.starts_with(char::is_lowercase) || matches!(w, "of" | "and" | "for" | "the" | "de" | "on" | "du" | "la")
        });
        first && letters >= 2 && words && !n.starts_with("The ") && !n.ends_with(" 's")
    };
    // one annotation is enough for a name of several words; a single word needs `min`
    let cands: HashMap<&str, usize> = labelled
        .iter()
        .filter(|(n, &(org, other))| {
            org >= if n.contains(' ') { 1 } else { min } && org * 10 >= (org + other) * 9 && shaped(n)
        })
        .map(|(n, _)| (n.as_str(), 0usize))
        .collect();
    // how often each candidate occurs at all (any token sequence, labelled or not)
    let mut seen = cands;
    let mut key = String::new();
    for s in &sentences {
        for a in 0..s.words.len() {
            key.clear();
            for b in a..(a + MAX_WORDS).min(s.words.len()) {
                if b > a {
                    key.push(' ');
                }
                key.push_str(&s.words[b]);
                if let Some(c) = seen.get_mut(key.as_str()) {
                    *c += 1;
                }
            }
        }
    }
    let mut kept: Vec<(&str, usize)> = seen
        .into_iter()
        .filter(|&(n, occ)| {
            let org = labelled[n].0;
            org * 2 >= occ
        })
        .map(|(n, _)| (n, labelled[n].0))
        .collect();
    kept.sort();
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
