//! Trains the entity model from the freely licensed corpora in the shared data folder.
//!
//! ```text
//! cargo run --release -p dateline-ner --example train -- \
//!     --data ../shared/data --out resources/ner.model [--epochs 12] [--bits 20] [--seed N] [--augment 3]
//!     [--sources gum,meantime,...] [--caps 20] [--beam 4]
//! ```
//!
//! `--sources` chooses the training corpora (default: every one in `common::DEFAULT_SOURCES`);
//! `--clusters FILE` the word clusters (default `resources/word-clusters.tsv.gz`; `""` for none);
//! `--caps N` adds every Nth training sentence once more in ALL CAPS (default 10; 0: none);
//! `--beam N` the decoder's beam width, trained for and stored in the model (default 1: greedy;
//! 4 measured better on dev but not yet taken, see docs/accuracy-entities.md, session 13).
//!
//! Deterministic: the same data, seed and settings give the same bytes. Held-out documents (GUM
//! dev/test, every fifth MEANTIME article) and the UNER sets are never trained on.

mod common;

use std::path::PathBuf;
use std::time::Instant;

use std::io::Read;

use dateline_ner::{augment, cluster_entries, place_hashes, train, Model, Sentence, TrainConfig};

/// The word clusters of `resources/word-clusters.tsv.gz` (`word TAB fine TAB coarse` lines after
/// a `#` header; see scripts/build_word_clusters.py) as cluster table entries.
fn read_clusters(path: &std::path::Path) -> Vec<(u32, u16)> {
    let file = std::fs::File::open(path).unwrap_or_else(|e| common::die(format!("{}: {e}", path.display())));
    let mut text = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .unwrap_or_else(|e| common::die(format!("{}: {e}", path.display())));
    let rows = text.lines().filter(|l| !l.starts_with('#')).filter_map(|l| {
        let mut c = l.split('\t');
        let w = c.next()?;
        let fine = c.next()?.parse().ok()?;
        let coarse = c.next()?.parse().ok()?;
        Some((w, fine, coarse))
    });
    cluster_entries(rows)
}

fn main() {
    let mut data = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"));
    let mut out = PathBuf::from("resources/ner.model");
    let mut cfg = TrainConfig::default();
    let mut copies = 3usize;
    let mut caps = 10usize;
    let mut clusters_path = PathBuf::from("resources/word-clusters.tsv.gz");
    let mut sources: Vec<String> = common::DEFAULT_SOURCES.iter().map(|s| s.to_string()).collect();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().unwrap_or_else(|| common::die(format!("{a} needs a value")));
        match a.as_str() {
            "--data" => data = PathBuf::from(val()),
            "--out" => out = PathBuf::from(val()),
            "--epochs" => cfg.epochs = val().parse().unwrap_or_else(|_| common::die("bad --epochs".into())),
            "--bits" => cfg.hash_bits = val().parse().unwrap_or_else(|_| common::die("bad --bits".into())),
            "--seed" => cfg.seed = val().parse().unwrap_or_else(|_| common::die("bad --seed".into())),
            "--beam" => cfg.beam = val().parse().unwrap_or_else(|_| common::die("bad --beam".into())),
            "--prune" => cfg.prune = val().parse().unwrap_or_else(|_| common::die("bad --prune".into())),
            "--augment" => copies = val().parse().unwrap_or_else(|_| common::die("bad --augment".into())),
            "--clusters" => clusters_path = PathBuf::from(val()),
            "--caps" => caps = val().parse().unwrap_or_else(|_| common::die("bad --caps".into())),
            "--sources" => sources = val().split(',').map(str::to_string).collect(),
            _ => common::die(format!("unknown argument {a}")),
        }
    }
    let t0 = Instant::now();
    if let Some(bad) = sources.iter().find(|s| !common::SOURCES.contains(&s.as_str())) {
        common::die(format!("unknown source {bad} (known: {})", common::SOURCES.join(",")));
    }
    let (mut sentences, notes) = common::training_data(&data, &sources);
    if caps > 0 {
        let upper: Vec<Sentence> = sentences
            .iter()
            .step_by(caps)
            .map(|s| Sentence { words: s.words.iter().map(|w| w.to_uppercase()).collect(), spans: s.spans.clone() })
            .collect();
        eprintln!("  ALL CAPS copies: {}", upper.len());
        sentences.extend(upper);
    }
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
    let clusters = if clusters_path.as_os_str().is_empty() { Vec::new() } else { read_clusters(&clusters_path) };
    eprintln!("word clusters: {} words", clusters.len());
    let model = train(&sentences, places, clusters, &cfg, |epoch, acc| {
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
