//! Scores the entity model on held-out data: precision, recall and F1 per type, exact span match.
//!
//! ```text
//! cargo run --release -p dateline-ner --example eval -- \
//!     --data ../shared/data --model resources/ner.model [--split dev|test|all] [--dump sentences.jsonl] [--json]
//! ```
//!
//! `--split` chooses the held-out sets (default `dev`: the sets to tune on; `test` sets are
//! scored only at the end, and UNER, which has no training split here, is among them). The
//! summary line is the macro average over the chosen sets of their PER+ORG+LOC F1 and ORG recall
//! (of the sets with gold organisations).
//!
//! `--dump` writes every evaluation sentence (tokens, gold spans, set name, document number) as JSON Lines so that
//! `scripts/eval_entities_spacy.py` can run spaCy on exactly the same tokens; `--json` prints the
//! scores as one JSON object instead of tables.

mod common;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Instant;

use dateline_ner::{Label, Model};

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn prf(&self) -> (f64, f64, f64) {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        (p, r, f)
    }
}

fn esc(s: &str) -> String {
    let mut o = String::new();
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(o, "\\u{:04x}", c as u32);
            }
            c => o.push(c),
        }
    }
    o
}

fn main() {
    let mut data = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"));
    let mut model_path = PathBuf::from("resources/ner.model");
    let mut dump: Option<PathBuf> = None;
    let mut json = false;
    let mut split = "dev".to_string();
    let show = std::env::var("DLNER_SHOW").is_ok();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().unwrap_or_else(|| common::die(format!("{a} needs a value")));
        match a.as_str() {
            "--data" => data = PathBuf::from(val()),
            "--model" => model_path = PathBuf::from(val()),
            "--dump" => dump = Some(PathBuf::from(val())),
            "--json" => json = true,
            "--split" => split = val(),
            _ => common::die(format!("unknown argument {a}")),
        }
    }
    let bytes = std::fs::read(&model_path)
        .unwrap_or_else(|e| common::die(format!("cannot read {}: {e}", model_path.display())));
    let t = Instant::now();
    let mut model = Model::from_bytes(&bytes).unwrap_or_else(|e| common::die(e.to_string()));
    if let Some(width) = std::env::var("DLNER_BEAM").ok().and_then(|v| v.parse().ok()) {
        // another beam width than the model's own (experiments)
        model.set_beam(width);
    }
    if std::env::var_os("DLNER_SCORE_ALL").is_some() {
        // score every token, lowercase ones outside entities included (the shortcut's cost)
        model.set_skip_lowercase(false);
    }
    let load = t.elapsed();
    let sets: Vec<common::EvalSet> = common::eval_sets(&data)
        .into_iter()
        .filter(|s| match split.as_str() {
            "dev" => s.split == common::Split::Dev,
            "test" => s.split == common::Split::Test,
            _ => true,
        })
        .collect();
    let mut dumped = String::new();
    let mut results = Vec::new();
    let mut total_words = 0usize;
    let mut all_words: Vec<Vec<&str>> = Vec::new();
    for set in &sets {
        let uner_like = !set.name.starts_with("GUM");
        let set_name = format!("{} {}", set.name, if set.split == common::Split::Dev { "dev" } else { "test" });
        let mut by: BTreeMap<&str, Counts> = BTreeMap::new();
        for (si, s) in set.sentences.iter().enumerate() {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let keep = |l: Label| !(uner_like && l == Label::Event);
            let pred: Vec<_> = model.predict(&words).into_iter().filter(|x| keep(x.2)).collect();
            let gold: Vec<_> = s.spans.iter().copied().filter(|x| keep(x.2)).collect();
            for p in &pred {
                let c = by.entry(p.2.as_str()).or_default();
                if gold.contains(p) {
                    c.tp += 1;
                } else {
                    c.fp += 1;
                }
            }
            if show && (pred != gold) && set.split == common::Split::Dev {
                let f = |v: &[(usize, usize, Label)]| {
                    v.iter()
                        .map(|&(a, b, l)| format!("[{} {}]", l.as_str(), words[a..b].join(" ")))
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                eprintln!("[{}] {}\n  gold {}\n  pred {}", set.name, words.join(" "), f(&gold), f(&pred));
            }
            for g in &gold {
                if !pred.contains(g) {
                    by.entry(g.2.as_str()).or_default().fn_ += 1;
                }
            }
            if dump.is_some() {
                let toks: Vec<String> = words.iter().map(|w| format!("\"{}\"", esc(w))).collect();
                let spans: Vec<String> = gold.iter().map(|(a, b, l)| format!("[{a},{b},\"{}\"]", l.as_str())).collect();
                let _ = writeln!(
                    dumped,
                    "{{\"set\":\"{}\",\"doc\":{},\"words\":[{}],\"spans\":[{}]}}",
                    esc(&set_name),
                    set.docs.get(si).copied().unwrap_or(0),
                    toks.join(","),
                    spans.join(",")
                );
            }
            total_words += words.len();
            all_words.push(words);
        }
        results.push((set_name, set.sentences.len(), by));
    }
    if let Some(p) = &dump {
        if let Err(e) = std::fs::write(p, dumped) {
            common::die(format!("cannot write {}: {e}", p.display()));
        }
    }
    // speed: tag every evaluation sentence, three passes, best time
    let mut best = f64::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        let mut n = 0usize;
        for w in &all_words {
            n += model.predict(w).len();
        }
        std::hint::black_box(n);
        best = best.min(t.elapsed().as_secs_f64());
    }
    let wps = total_words as f64 / best;
    if json {
        let mut o = String::from("{\"sets\":[");
        for (i, (name, n, by)) in results.iter().enumerate() {
            if i > 0 {
                o.push(',');
            }
            let _ = write!(o, "{{\"name\":\"{}\",\"sentences\":{n},\"types\":{{", esc(name));
            for (j, (ty, c)) in by.iter().enumerate() {
                if j > 0 {
                    o.push(',');
                }
                let _ = write!(o, "\"{ty}\":{{\"tp\":{},\"fp\":{},\"fn\":{}}}", c.tp, c.fp, c.fn_);
            }
            o.push_str("}}");
        }
        let _ = write!(
            o,
            "],\"words\":{total_words},\"seconds\":{best},\"words_per_second\":{wps},\"load_ms\":{}}}",
            load.as_secs_f64() * 1000.0
        );
        println!("{o}");
        return;
    }
    println!("model {} ({} bytes), loaded in {:.1} ms", model_path.display(), bytes.len(), load.as_secs_f64() * 1000.0);
    for (name, n, by) in &results {
        println!("\n{name} ({n} sentences)");
        println!("  {:6} {:>6} {:>6} {:>6} {:>6}", "type", "P", "R", "F1", "gold");
        let mut all = Counts::default();
        for (ty, c) in by {
            let (p, r, f) = c.prf();
            println!("  {ty:6} {p:6.3} {r:6.3} {f:6.3} {:6}", c.tp + c.fn_);
            all.tp += c.tp;
            all.fp += c.fp;
            all.fn_ += c.fn_;
        }
        let (p, r, f) = all.prf();
        println!("  {:6} {p:6.3} {r:6.3} {f:6.3} {:6}", "all", all.tp + all.fn_);
    }
    let (mut f_sum, mut r_sum, mut r_n) = (0.0, 0.0, 0usize);
    for (_, _, by) in &results {
        let mut all = Counts::default();
        for (ty, c) in by.iter().filter(|(ty, _)| **ty != "EVENT") {
            all.tp += c.tp;
            all.fp += c.fp;
            all.fn_ += c.fn_;
            if *ty == "ORG" && c.tp + c.fn_ > 0 {
                r_sum += c.prf().1;
                r_n += 1;
            }
        }
        f_sum += all.prf().2;
    }
    let k = results.len().max(1) as f64;
    println!(
        "\nmacro over {} {split} sets: PER+ORG+LOC F1 {:.4}, ORG recall {:.4} (sets with gold ORG)",
        results.len(),
        f_sum / k,
        r_sum / r_n.max(1) as f64
    );
    println!("\nspeed: {total_words} words in {best:.3} s = {wps:.0} words/s (one thread, tokens given)");
}
