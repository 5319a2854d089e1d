//! Scores the whole entity stage (recogniser, rules, one type per name, propagation, merging)
//! on the held-out sentences the recogniser's `eval` example dumps, a document at a time, exact
//! span match per type, so that article-level decisions are measured, not only the model.
//!
//! ```text
//! cargo run --release -p dateline-ner --example eval -- --data ../shared/data --split all --dump /tmp/s.jsonl --json
//! cargo run --release -p dateline-analyze --example eval_entities -- /tmp/s.jsonl [--split dev|test|all] [--json]
//!     [--model FILE] [--bias LABEL[.TAGS]=N]...
//! ```
//!
//! Each document's sentences are joined into one text (words separated by spaces, sentences by
//! a line break) and run through [`find_entities`]; every mention found by name (not the ones
//! linked by nominal coreference) is mapped back to the gold tokens and scored when it starts
//! and ends on token boundaries. Types: PERSON → PER, ORG → ORG, GPE/LOC/FAC → LOC, EVENT →
//! EVENT on GUM only, NORP dropped (as `scripts/eval_entities_spacy.py` maps spaCy's).
//! `DLNER_SHOW=1` prints every dev sentence with an error (test errors are never printed).

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::time::Instant;

use dateline_analyze::{find_entities, EntityType, Resources};
use dateline_text::Span;

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

struct Sent {
    words: Vec<String>,
    spans: Vec<(usize, usize, String)>,
}

fn die(msg: String) -> ! {
    eprintln!("error: {msg}");
    std::process::exit(1)
}

/// `--bias LABEL[.TAGS]=N`: `ORG=1500` sets the bias of the four tags of ORG (B, I, L, U),
/// `ORG.BU=1500` of the tags that open one (B and U, i.e. once per entity), `LOC.U=-500` one tag.
fn parse_bias(v: &str) -> Option<(dateline_ner::Label, Vec<u8>, i32)> {
    let (key, n) = v.split_once('=')?;
    let n: i32 = n.trim().parse().ok()?;
    let (label, tags) = key.split_once('.').unwrap_or((key, "BILU"));
    let label = dateline_ner::Label::parse(label)?;
    let positions = tags.chars().map(|c| "BILU".find(c).map(|p| p as u8)).collect::<Option<Vec<u8>>>()?;
    (!positions.is_empty()).then_some((label, positions, n))
}

fn main() {
    let mut path = None;
    let mut split = "all".to_string();
    let mut json = false;
    let mut model = None;
    let mut biases: Vec<(dateline_ner::Label, Vec<u8>, i32)> = Vec::new();
    let show = std::env::var("DLNER_SHOW").is_ok();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--split" => split = args.next().unwrap_or_else(|| die("--split needs a value".into())),
            "--json" => json = true,
            "--model" => model = Some(args.next().unwrap_or_else(|| die("--model needs a value".into()))),
            "--bias" => {
                let v = args.next().unwrap_or_else(|| die("--bias needs a value".into()));
                biases.push(parse_bias(&v).unwrap_or_else(|| die(format!("--bias {v}: want LABEL[.TAGS]=N"))));
            }
            _ if path.is_none() => path = Some(a),
            _ => die(format!("unknown argument {a}")),
        }
    }
    let path = path.unwrap_or_else(|| {
        die("usage: eval_entities DUMP.jsonl [--split dev|test|all] [--json] [--model FILE] [--bias LABEL[.TAGS]=N]..."
            .into())
    });
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| die(format!("cannot read {path}: {e}")));
    // set name → documents (in order) → sentences
    let mut sets: Vec<(String, Vec<Vec<Sent>>)> = Vec::new();
    let mut last_doc: HashMap<String, u64> = HashMap::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| die(format!("{path}: {e}")));
        let set = v["set"].as_str().unwrap_or("").to_string();
        let keep = match split.as_str() {
            "dev" => set.ends_with(" dev") && !set.starts_with("UNER"),
            "test" => set.ends_with(" test"),
            _ => true,
        };
        if !keep {
            continue;
        }
        let doc = v["doc"].as_u64().unwrap_or(0);
        let words: Vec<String> =
            v["words"].as_array().into_iter().flatten().map(|w| w.as_str().unwrap_or("").to_string()).collect();
        let spans = v["spans"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|s| {
                let a = s[0].as_u64().unwrap_or(0) as usize;
                let b = s[1].as_u64().unwrap_or(0) as usize;
                (a, b, s[2].as_str().unwrap_or("").to_string())
            })
            .collect();
        let sent = Sent { words, spans };
        if sets.last().is_none_or(|s| s.0 != set) {
            sets.push((set.clone(), Vec::new()));
        }
        let docs = &mut sets.last_mut().expect("pushed").1;
        if docs.is_empty() || last_doc.get(&set) != Some(&doc) {
            docs.push(Vec::new());
        }
        last_doc.insert(set, doc);
        docs.last_mut().expect("pushed").push(sent);
    }
    let mut res = Resources::embedded().unwrap_or_else(|e| die(format!("cannot load resources: {e}")));
    if let Some(m) = model {
        // another model file than the embedded one (to compare models before committing one)
        let bytes = std::fs::read(&m).unwrap_or_else(|e| die(format!("cannot read {m}: {e}")));
        res.ner = dateline_ner::Model::from_bytes(&bytes).unwrap_or_else(|e| die(format!("{m}: {e}")));
        // decoded as the embedded one is (its tag biases; `--bias` below replaces them)
        dateline_analyze::set_decoding_bias(&mut res.ner);
    }
    for (label, positions, bias) in &biases {
        // a decoding bias on the tags of one label (quantised units), replacing the shipped one
        // (`--bias ORG=0` measures the model without it)
        for &pos in positions {
            res.ner.set_tag_bias(*label, pos, *bias);
        }
    }
    if let Some(width) = std::env::var("DLNER_BEAM").ok().and_then(|v| v.parse().ok()) {
        // another beam width than the model's own (experiments)
        res.ner.set_beam(width);
    }
    let mut results = Vec::new();
    let mut spent = 0.0f64;
    let mut total_words = 0usize;
    for (name, docs) in &sets {
        let gum = name.starts_with("GUM");
        let dev = name.ends_with(" dev");
        let mut by: BTreeMap<String, Counts> = BTreeMap::new();
        let mut n = 0usize;
        for doc in docs {
            // the document's text, and each word's byte span
            let mut text = String::new();
            let mut sentences = Vec::new();
            let mut offs: Vec<Vec<(usize, usize)>> = Vec::new();
            for s in doc {
                if !text.is_empty() {
                    text.push('\n');
                }
                let start = text.len();
                let mut o = Vec::new();
                for (i, w) in s.words.iter().enumerate() {
                    if i > 0 {
                        text.push(' ');
                    }
                    o.push((text.len(), text.len() + w.len()));
                    text.push_str(w);
                }
                sentences.push(Span(start, text.len()));
                offs.push(o);
                total_words += s.words.len();
            }
            let t = Instant::now();
            let ents = find_entities(&text, &sentences, &res, None);
            spent += t.elapsed().as_secs_f64();
            // byte start → (sentence, word) and byte end → word
            let mut starts: HashMap<usize, (usize, usize)> = HashMap::new();
            let mut ends: HashMap<usize, usize> = HashMap::new();
            for (si, o) in offs.iter().enumerate() {
                for (wi, &(a, b)) in o.iter().enumerate() {
                    starts.insert(a, (si, wi));
                    ends.insert(b, wi);
                }
            }
            let mut pred: Vec<Vec<(usize, usize, String)>> = vec![Vec::new(); doc.len()];
            let mut loose: Vec<Vec<String>> = vec![Vec::new(); doc.len()];
            for e in &ents {
                let ty = match e.kind {
                    EntityType::Person => "PER",
                    EntityType::Org => "ORG",
                    EntityType::Gpe | EntityType::Loc | EntityType::Fac => "LOC",
                    EntityType::Event if gum => "EVENT",
                    _ => continue,
                };
                for m in e.mentions.iter().filter(|m| m.via.is_none()) {
                    let (a, b) = (m.span.0, m.span.1);
                    match (starts.get(&a), ends.get(&b)) {
                        (Some(&(si, wa)), Some(&wb)) if wb >= wa && offs[si].get(wb).is_some_and(|x| x.1 == b) => {
                            pred[si].push((wa, wb + 1, ty.to_string()));
                        }
                        _ => {
                            // off the gold tokens: a false positive of its type
                            by.entry(ty.to_string()).or_default().fp += 1;
                            let si = sentences.iter().position(|s| a >= s.0 && a <= s.1).unwrap_or(0);
                            loose[si].push(format!("[{ty}~ {}]", text.get(a..b).unwrap_or("")));
                        }
                    }
                }
            }
            for (si, s) in doc.iter().enumerate() {
                n += 1;
                let p = &mut pred[si];
                p.sort();
                p.dedup();
                for x in p.iter() {
                    let c = by.entry(x.2.clone()).or_default();
                    if s.spans.contains(x) {
                        c.tp += 1;
                    } else {
                        c.fp += 1;
                    }
                }
                for g in &s.spans {
                    if !p.contains(g) {
                        by.entry(g.2.clone()).or_default().fn_ += 1;
                    }
                }
                let mut g = s.spans.clone();
                g.sort();
                if show && dev && (*p != g || !loose[si].is_empty()) {
                    let f = |v: &[(usize, usize, String)]| {
                        v.iter()
                            .map(|(a, b, l)| format!("[{l} {}]", s.words[*a..*b].join(" ")))
                            .collect::<Vec<_>>()
                            .join(" ")
                    };
                    eprintln!(
                        "[{name}] {}\n  gold {}\n  pred {} {}",
                        s.words.join(" "),
                        f(&g),
                        f(p),
                        loose[si].join(" ")
                    );
                }
            }
        }
        results.push((name.clone(), n, by));
    }
    if json {
        let mut o = String::from("{\"sets\":[");
        for (i, (name, n, by)) in results.iter().enumerate() {
            if i > 0 {
                o.push(',');
            }
            let _ = write!(o, "{{\"name\":{},\"sentences\":{n},\"types\":{{", serde_json::json!(name));
            for (j, (ty, c)) in by.iter().enumerate() {
                if j > 0 {
                    o.push(',');
                }
                let _ = write!(o, "\"{ty}\":{{\"tp\":{},\"fp\":{},\"fn\":{}}}", c.tp, c.fp, c.fn_);
            }
            o.push_str("}}");
        }
        let wps = total_words as f64 / spent.max(1e-9);
        let _ = write!(o, "],\"words\":{total_words},\"seconds\":{spent},\"words_per_second\":{wps},\"load_ms\":0}}");
        println!("{o}");
        return;
    }
    let (mut f_sum, mut r_sum, mut r_n) = (0.0, 0.0, 0usize);
    for (name, n, by) in &results {
        println!("\n{name} ({n} sentences)");
        println!("  {:6} {:>6} {:>6} {:>6} {:>6}", "type", "P", "R", "F1", "gold");
        let mut all = Counts::default();
        let mut core = Counts::default();
        for (ty, c) in by {
            let (p, r, f) = c.prf();
            println!("  {ty:6} {p:6.3} {r:6.3} {f:6.3} {:6}", c.tp + c.fn_);
            all.tp += c.tp;
            all.fp += c.fp;
            all.fn_ += c.fn_;
            if ty != "EVENT" {
                core.tp += c.tp;
                core.fp += c.fp;
                core.fn_ += c.fn_;
                if ty == "ORG" && c.tp + c.fn_ > 0 {
                    r_sum += c.prf().1;
                    r_n += 1;
                }
            }
        }
        let (p, r, f) = all.prf();
        println!("  {:6} {p:6.3} {r:6.3} {f:6.3} {:6}", "all", all.tp + all.fn_);
        f_sum += core.prf().2;
    }
    println!(
        "\nmacro over {} sets: PER+ORG+LOC F1 {:.4}, ORG recall {:.4} (sets with gold ORG)",
        results.len(),
        f_sum / results.len().max(1) as f64,
        r_sum / r_n.max(1) as f64
    );
    println!("entity stage: {total_words} words in {spent:.3} s");
}
