//! Trains the entity model from the freely licensed corpora in the shared data folder.
//!
//! ```text
//! cargo run --release -p dateline-ner --example train -- \
//!     --data ../shared/data --out resources/ner.model [--epochs 12] [--bits 20] [--seed N] [--augment 3]
//! ```
//!
//! Deterministic: the same data, seed and settings give the same bytes. Held-out documents (GUM
//! dev/test, every fifth MEANTIME article) and the UNER sets are never trained on.

mod common;

use std::path::PathBuf;
use std::time::Instant;

use dateline_ner::{augment, place_hashes, train, Model, TrainConfig};

fn main() {
    let mut data = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"));
    let mut out = PathBuf::from("resources/ner.model");
    let mut cfg = TrainConfig::default();
    let mut copies = 3usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().unwrap_or_else(|| common::die(format!("{a} needs a value")));
        match a.as_str() {
            "--data" => data = PathBuf::from(val()),
            "--out" => out = PathBuf::from(val()),
            "--epochs" => cfg.epochs = val().parse().unwrap_or_else(|_| common::die("bad --epochs".into())),
            "--bits" => cfg.hash_bits = val().parse().unwrap_or_else(|_| common::die("bad --bits".into())),
            "--seed" => cfg.seed = val().parse().unwrap_or_else(|_| common::die("bad --seed".into())),
            "--prune" => cfg.prune = val().parse().unwrap_or_else(|_| common::die("bad --prune".into())),
            "--augment" => copies = val().parse().unwrap_or_else(|_| common::die("bad --augment".into())),
            _ => common::die(format!("unknown argument {a}")),
        }
    }
    let t0 = Instant::now();
    let (mut sentences, notes) = common::training_data(&data);
    let extra = augment(&sentences, copies, cfg.seed);
    eprintln!("  augmentation: {} sentences with entities replaced ({copies} per sentence)", extra.len());
    sentences.extend(extra);
    for n in &notes {
        eprintln!("  {n}");
    }
    let tokens: usize = sentences.iter().map(|s| s.words.len()).sum();
    let ents: usize = sentences.iter().map(|s| s.spans.len()).sum();
    eprintln!("training on {} sentences, {tokens} tokens, {ents} entities", sentences.len());
    if let Ok(n) = std::env::var("DLNER_SHOW") {
        // print some training sentences with their entities, for eyeballing the loaders
        let step: usize = n.parse().unwrap_or(500);
        for s in sentences.iter().step_by(step.max(1)) {
            let ents: Vec<String> =
                s.spans.iter().map(|&(a, b, l)| format!("[{} {}]", l.as_str(), s.words[a..b].join(" "))).collect();
            eprintln!("{}\n    {}", s.words.join(" "), ents.join(" "));
        }
    }
    let names = common::place_names(&data);
    let places = place_hashes(names.iter().map(String::as_str));
    eprintln!("place lexicon: {} phrases", places.len());
    let model = train(&sentences, places, &cfg, |epoch, acc| {
        eprintln!("epoch {epoch:2}: training-token accuracy {:.4}  ({:.0?})", acc, t0.elapsed());
    });
    let bytes = model.to_bytes();
    if let Err(e) = std::fs::write(&out, &bytes) {
        common::die(format!("cannot write {}: {e}", out.display()));
    }
    let check = Model::from_bytes(&bytes).unwrap_or_else(|e| common::die(format!("re-read failed: {e}")));
    eprintln!(
        "wrote {} ({} bytes, {} feature rows) in {:.0?}",
        out.display(),
        bytes.len(),
        check.n_rows(),
        t0.elapsed()
    );
}
