//! Trains the entity model from the freely licensed corpora in the shared data folder.
//!
//! ```text
//! cargo run --release -p dateline-ner --example train -- \
//!     --data ../shared/data --out resources/ner.model [--epochs 12] [--bits 20] [--seed N] [--augment 3]
//!     [--sources gum,meantime,...] [--weights gum-news=2,...] [--caps 20] [--beam 4]
//!     [--features mid-sub,bits] [--clusters FILE] [--start-prior ORG=2000]
//! ```
//!
//! `--weights` reads some sources more than once per epoch (`source=N`; `gum-news` for GUM's
//! news documents alone; 0 leaves a source out; measured in session 18, none shipped);
//! `--start-prior LABEL=DELTA,...` adds DELTA (in the model file's quantised units) to the
//! constant feature's weight of the tags that open an entity of LABEL, after training: the
//! committed model has `ORG=2000` (session 18 of docs/accuracy-entities.md).
//!
//! `--sources` chooses the training corpora (default: every one in `common::DEFAULT_SOURCES`);
//! `--clusters FILE` the word clusters (default `resources/word-clusters.tsv.gz`; `""` for none);
//! `--caps N` adds every Nth training sentence once more in ALL CAPS (default 10; 0: none);
//! `--beam N` the decoder's beam width, trained for and stored in the model (default 1: greedy;
//! 4 measured better on dev, see docs/accuracy-entities.md, session 13);
//! `--features` the optional feature templates, comma-separated, kept in the model (default
//! none: those of format 4, the committed model's): `mid-sub` the 256 mid clusters and 4,096
//! nested sub-clusters of the word and its neighbours, `bits` the word's binarized GloVe vector,
//! `bits-neighbours` also its neighbours', `bits-case` also the word's with its case (these need
//! a format-2 cluster file), `orgs` the organisation names of the training sentences (the rules
//! of `build_org_names`), matched in each training sentence with only the names of the other
//! four of five folds (contiguous blocks of the training sentences, before the copies:
//! jackknifing), and kept in the model (names of all folds) for new text. Measured in session 15
//! of docs/accuracy-entities.md; none is in the committed model.
//!
//! Deterministic: the same data, seed and settings give the same bytes. Held-out documents (GUM
//! dev/test, every fifth MEANTIME article) and the UNER sets are never trained on.

mod common;

use std::path::PathBuf;
use std::time::Instant;

use std::io::Read;

use dateline_ner::{
    augment, cluster_entries, org_name_hash, place_hashes, train, Label, Model, OrgNames, Sentence, TrainConfig,
    WordClass, FEAT_BITS, FEAT_BITS_CASE, FEAT_BITS_NEIGHBOURS, FEAT_MID_SUB, FEAT_ORGS,
};

/// Folds of the organisation-name jackknife.
const ORG_FOLDS: usize = 5;
/// The longest organisation name kept, in tokens (the features match no longer one).
const ORG_MAX_WORDS: usize = 6;

/// The hashes of the organisation names of `sentences` (those `keep` accepts, by index), by the
/// rules of `build_org_names`: every word capitalised (connectors aside), annotated as an
/// organisation once (several words) or twice (one word), at least 90% of its annotations
/// organisations and at least half of its occurrences in those sentences.
fn org_names(sentences: &[Sentence], keep: impl Fn(usize) -> bool) -> Vec<u64> {
    let chosen = || sentences.iter().enumerate().filter(|(k, _)| keep(*k)).map(|(_, s)| s);
    let mut out: Vec<u64> = common::org_names(chosen, ORG_MAX_WORDS, 2)
        .iter()
        .map(|(n, _)| org_name_hash(&n.split(' ').collect::<Vec<_>>()))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The word clusters of `resources/word-clusters.tsv.gz` as cluster table entries: after a
/// `#dateline-word-clusters TAB version` header, `word TAB fine TAB coarse` lines (format 1) or
/// `word TAB fine TAB coarse TAB mid TAB sub TAB high TAB low` (format 2, masks in hexadecimal;
/// see scripts/build_word_clusters.py). `features`, the optional templates, must find their
/// fields in the file: a format-1 file is refused for them, with the reason.
fn read_clusters(path: &std::path::Path, features: u8) -> Vec<(u32, WordClass)> {
    let fail = |e: String| -> ! { common::die(format!("{}: {e}", path.display())) };
    let file = std::fs::File::open(path).unwrap_or_else(|e| fail(e.to_string()));
    let mut text = String::new();
    flate2::read::GzDecoder::new(file).read_to_string(&mut text).unwrap_or_else(|e| fail(e.to_string()));
    let header = text.lines().next().unwrap_or("");
    let version = match header.split('\t').collect::<Vec<_>>()[..] {
        ["#dateline-word-clusters", v, ..] => v.to_string(),
        _ => fail("no #dateline-word-clusters header".into()),
    };
    let wide = match version.as_str() {
        "1" => false,
        "2" => true,
        v => fail(format!("cluster file format {v} unknown to this build (it reads 1 and 2)")),
    };
    if !wide && features != 0 {
        fail("a format-1 cluster file (fine and coarse clusters only) has no mid and sub clusters nor binarized vectors: build one with scripts/build_word_clusters.py --format 2 (see resources/README.md), or train without --features".into());
    }
    let rows = text.lines().enumerate().filter(|(_, l)| !l.starts_with('#')).map(|(n, l)| {
        let bad = || -> ! { fail(format!("line {}: malformed: {l:?}", n + 1)) };
        let c: Vec<&str> = l.split('\t').collect();
        if c.len() != if wide { 7 } else { 3 } {
            bad();
        }
        let num = |k: usize| c[k].parse::<u16>().unwrap_or_else(|_| bad());
        let hex = |k: usize| u64::from_str_radix(c[k], 16).unwrap_or_else(|_| bad());
        let mut class = WordClass { fine: num(1), coarse: num(2) as u8, ..WordClass::default() };
        if wide {
            (class.mid, class.sub) = (num(3) as u8, num(4) as u8);
            (class.high, class.low) = (hex(5), hex(6));
        }
        (c[0], class)
    });
    cluster_entries(rows)
}

/// The `--features` value (`none`, or a comma-separated list of `mid-sub`, `bits`,
/// `bits-neighbours`, `bits-case` and `orgs`).
fn parse_features(v: &str) -> u8 {
    v.split(',').filter(|f| !f.is_empty() && *f != "none").fold(0, |set, f| match f {
        "mid-sub" => set | FEAT_MID_SUB,
        "bits" => set | FEAT_BITS,
        "bits-neighbours" => set | FEAT_BITS | FEAT_BITS_NEIGHBOURS,
        "bits-case" => set | FEAT_BITS | FEAT_BITS_CASE,
        "orgs" => set | FEAT_ORGS,
        _ => common::die(format!("unknown feature set {f} (known: none, mid-sub, bits, bits-neighbours, orgs)")),
    })
}

fn main() {
    let mut data = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"));
    let mut out = PathBuf::from("resources/ner.model");
    let mut cfg = TrainConfig::default();
    let mut copies = 3usize;
    let mut caps = 10usize;
    let mut clusters_path = PathBuf::from("resources/word-clusters.tsv.gz");
    let mut sources: Vec<String> = common::DEFAULT_SOURCES.iter().map(|s| s.to_string()).collect();
    let mut weights: Vec<(String, usize)> = Vec::new();
    let mut priors: Vec<(Label, i16)> = Vec::new();
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
            "--features" => cfg.features = parse_features(&val()),
            "--caps" => caps = val().parse().unwrap_or_else(|_| common::die("bad --caps".into())),
            "--sources" => sources = val().split(',').map(str::to_string).collect(),
            "--start-prior" => {
                priors = val()
                    .split(',')
                    .filter(|w| !w.is_empty())
                    .map(|w| {
                        let bad = || -> ! { common::die(format!("bad --start-prior entry {w} (LABEL=DELTA)")) };
                        let (l, d) = w.split_once('=').unwrap_or_else(|| bad());
                        (Label::parse(l).unwrap_or_else(|| bad()), d.parse().unwrap_or_else(|_| bad()))
                    })
                    .collect()
            }
            "--weights" => {
                weights = val()
                    .split(',')
                    .filter(|w| !w.is_empty())
                    .map(|w| {
                        let (name, n) =
                            w.split_once('=').unwrap_or_else(|| common::die(format!("bad --weights entry {w}")));
                        (
                            name.to_string(),
                            n.parse().unwrap_or_else(|_| common::die(format!("bad --weights entry {w}"))),
                        )
                    })
                    .collect()
            }
            _ => common::die(format!("unknown argument {a}")),
        }
    }
    let t0 = Instant::now();
    if let Some(bad) = sources.iter().find(|s| !common::SOURCES.contains(&s.as_str())) {
        common::die(format!("unknown source {bad} (known: {})", common::SOURCES.join(",")));
    }
    if let Some((bad, _)) = weights.iter().find(|(s, _)| !common::SOURCES.contains(&s.as_str()) && s != "gum-news") {
        common::die(format!("unknown source {bad} in --weights (known: {},gum-news)", common::SOURCES.join(",")));
    }
    let weight = |name: &str| -> usize {
        let base = if name == "gum-news" { "gum" } else { name };
        weights
            .iter()
            .rev()
            .find(|(s, _)| s == name)
            .or_else(|| weights.iter().rev().find(|(s, _)| s == base))
            .map_or(1, |w| w.1)
    };
    let (mut sentences, notes) = common::training_data(&data, &sources, weight);
    // the organisation-name jackknife: the fold of each sentence (contiguous blocks), its copies'
    let originals = sentences.len();
    let mut fold_of: Vec<usize> = (0..originals).map(|k| k * ORG_FOLDS / originals.max(1)).collect();
    let mut orgs = OrgNames::default();
    if cfg.features & FEAT_ORGS != 0 {
        orgs.all = org_names(&sentences, |_| true);
        orgs.folds = (0..ORG_FOLDS).map(|f| org_names(&sentences, |k| fold_of[k] != f)).collect();
        let sizes: Vec<usize> = orgs.folds.iter().map(Vec::len).collect();
        eprintln!("  organisation names: {} ({sizes:?} outside each fold)", orgs.all.len());
    }
    if caps > 0 {
        let upper: Vec<Sentence> = sentences
            .iter()
            .step_by(caps)
            .map(|s| Sentence { words: s.words.iter().map(|w| w.to_uppercase()).collect(), spans: s.spans.clone() })
            .collect();
        eprintln!("  ALL CAPS copies: {}", upper.len());
        let folds: Vec<usize> = (0..originals).step_by(caps).map(|k| fold_of[k]).collect();
        fold_of.extend(folds);
        sentences.extend(upper);
    }
    let extra = augment(&sentences, copies, cfg.seed);
    let copied: Vec<usize> = sentences
        .iter()
        .zip(&fold_of)
        .filter(|(s, _)| !s.spans.is_empty())
        .flat_map(|(_, &f)| std::iter::repeat_n(f, copies))
        .collect();
    fold_of.extend(copied);
    if cfg.features & FEAT_ORGS != 0 {
        orgs.fold_of = fold_of;
    }
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
    let clusters =
        if clusters_path.as_os_str().is_empty() { Vec::new() } else { read_clusters(&clusters_path, cfg.features) };
    eprintln!("word clusters: {} words", clusters.len());
    let mut model = train(&sentences, places, clusters, &orgs, &cfg, |epoch, acc| {
        eprintln!("epoch {epoch:2}: training-token accuracy {:.4}  ({:.0?})", acc, t0.elapsed());
    });
    for &(label, delta) in &priors {
        model.shift_start_prior(label, delta);
        eprintln!("start prior of {}: {delta:+} (row now {:?})", label.as_str(), model.prior_row());
    }
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
