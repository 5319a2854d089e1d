//! Corpus loading shared by the `train` and `eval` examples: which documents train, which are
//! held out, read straight from the shared data folder (never copied into the repository).

#![allow(dead_code)]

use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use dateline_ner::{data, Sentence};

/// GUM genres whose texts carry a licence that allows a shipped model (CC BY / CC BY-SA);
/// the NC genres (fiction, wikiHow, essays, letters, podcasts), reddit, and genres whose
/// licence GUM's LICENSE.txt does not state are left out.
pub const GUM_GENRES: &[&str] = &["academic", "bio", "court", "interview", "news", "voyage"];

/// A named evaluation set.
pub struct EvalSet {
    pub name: String,
    pub sentences: Vec<Sentence>,
}

pub fn die(msg: String) -> ! {
    eprintln!("error: {msg}");
    std::process::exit(1)
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| die(format!("cannot read {}: {e}", path.display())))
}

/// GUM documents (name, conllu text) of the allowed genres from the tarball.
fn gum_docs(root: &Path) -> Vec<(String, String)> {
    let path = root.join("gum/gum-dep-xml-coref.tar.gz");
    let file = fs::File::open(&path).unwrap_or_else(|e| die(format!("cannot open {}: {e}", path.display())));
    let mut ar = tar::Archive::new(flate2::read::GzDecoder::new(file));
    let mut out = Vec::new();
    let entries = ar.entries().unwrap_or_else(|e| die(format!("{}: {e}", path.display())));
    for entry in entries {
        let mut entry = entry.unwrap_or_else(|e| die(format!("{}: {e}", path.display())));
        let name = entry.path().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
        let Some(doc) = name.strip_prefix("dep/").and_then(|n| n.strip_suffix(".conllu")) else {
            continue;
        };
        let genre = doc.split('_').nth(1).unwrap_or("");
        if !doc.starts_with("GUM_") || !GUM_GENRES.contains(&genre) {
            continue;
        }
        let mut text = String::new();
        if entry.read_to_string(&mut text).is_ok() {
            out.push((doc.to_string(), text));
        }
    }
    out.sort();
    out
}

/// Document names listed under the dev and test headings of GUM's splits.md.
fn gum_heldout(root: &Path) -> HashSet<String> {
    let text = read(&root.join("gum/splits.md"));
    let mut out = HashSet::new();
    let mut on = false;
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            on = h.trim() == "dev" || h.trim() == "test";
        } else if on {
            if let Some(n) = line.trim().strip_prefix("* ") {
                out.insert(n.trim().to_string());
            }
        }
    }
    out
}

fn meantime_files(root: &Path) -> Vec<PathBuf> {
    let base = root.join("meantime-newsreader-en/intra-doc_annotation");
    let mut out = Vec::new();
    let dirs = fs::read_dir(&base).unwrap_or_else(|e| die(format!("{}: {e}", base.display())));
    for d in dirs.flatten() {
        if let Ok(files) = fs::read_dir(d.path()) {
            out.extend(files.flatten().map(|f| f.path()).filter(|p| p.extension().is_some_and(|x| x == "xml")));
        }
    }
    out.sort();
    out
}

/// MEANTIME: every fifth document (sorted by path) is held out for evaluation.
fn meantime_heldout(i: usize) -> bool {
    i % 5 == 4
}

/// The training sentences (retokenised) and a description of what went in.
pub fn training_data(root: &Path) -> (Vec<Sentence>, Vec<String>) {
    let mut out = Vec::new();
    let mut notes = Vec::new();
    let held = gum_heldout(root);
    let mut n = 0;
    for (doc, text) in gum_docs(root) {
        if held.contains(&doc) {
            continue;
        }
        let s = data::gum_conllu(&text);
        n += 1;
        out.extend(s);
    }
    notes.push(format!("GUM train split, genres {GUM_GENRES:?}: {n} docs"));
    let mut n = 0;
    for (i, f) in meantime_files(root).iter().enumerate() {
        if meantime_heldout(i) {
            continue;
        }
        n += 1;
        out.extend(data::meantime_xml(&read(f)));
    }
    notes.push(format!("MEANTIME (4 of every 5 docs): {n} docs"));
    for f in ["wnut17/wnut17train.conll", "wnut17/emerging.dev.conll"] {
        let s = data::bio_conll(&read(&root.join(f)));
        notes.push(format!("{f}: {} sentences", s.len()));
        out.extend(s.into_iter().map(|(_, s)| s));
    }
    let out: Vec<Sentence> = out.iter().filter(|s| !s.words.is_empty()).map(Sentence::retokenized).collect();
    (out, notes)
}

/// The held-out evaluation sets.
pub fn eval_sets(root: &Path) -> Vec<EvalSet> {
    let mut sets = Vec::new();
    let held = gum_heldout(root);
    let mut news = Vec::new();
    let mut other = Vec::new();
    for (doc, text) in gum_docs(root) {
        if !held.contains(&doc) {
            continue;
        }
        let s = data::gum_conllu(&text);
        if doc.starts_with("GUM_news_") {
            news.extend(s);
        } else {
            other.extend(s);
        }
    }
    sets.push(EvalSet { name: "GUM news (dev+test docs)".into(), sentences: news });
    sets.push(EvalSet { name: "GUM other genres (dev+test)".into(), sentences: other });
    let mut mt = Vec::new();
    for (i, f) in meantime_files(root).iter().enumerate() {
        if meantime_heldout(i) {
            mt.extend(data::meantime_xml(&read(f)));
        }
    }
    sets.push(EvalSet { name: "MEANTIME held-out (every 5th doc)".into(), sentences: mt });
    let pud = data::bio_conll(&read(&root.join("uner-english-pud/en_pud-ud-test.iob2")));
    let (pn, pw): (Vec<_>, Vec<_>) = pud.into_iter().partition(|(id, _)| id.starts_with('n'));
    sets.push(EvalSet { name: "UNER PUD news".into(), sentences: pn.into_iter().map(|x| x.1).collect() });
    sets.push(EvalSet { name: "UNER PUD wiki".into(), sentences: pw.into_iter().map(|x| x.1).collect() });
    let ewt = data::bio_conll(&read(&root.join("uner-english-ewt/en_ewt-ud-dev.iob2")));
    sets.push(EvalSet { name: "UNER EWT dev".into(), sentences: ewt.into_iter().map(|x| x.1).collect() });
    for s in &mut sets {
        s.sentences = s.sentences.iter().filter(|x| !x.words.is_empty()).map(Sentence::retokenized).collect();
    }
    sets
}

/// GeoNames place names for the lexicon feature: countries, admin1 regions, and cities
/// (name, ASCII name, and ASCII alternate names of cities over 100,000 people).
pub fn place_names(root: &Path) -> Vec<String> {
    let g = root.join("geonames");
    let mut out = Vec::new();
    for line in read(&g.join("countryInfo.tsv")).lines() {
        if line.starts_with('#') {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() > 5 {
            out.push(c[4].to_string());
        }
    }
    for line in read(&g.join("regionInfo.tsv")).lines().skip(1) {
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() > 2 {
            out.push(c[1].to_string());
            out.push(c[2].to_string());
        }
    }
    for line in read(&g.join("cities15000.txt")).lines() {
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 15 {
            continue;
        }
        out.push(c[1].to_string());
        out.push(c[2].to_string());
        let pop: u64 = c[14].parse().unwrap_or(0);
        if pop >= 100_000 {
            for alt in c[3].split(',') {
                if alt.is_ascii() && alt.chars().next().is_some_and(|x| x.is_ascii_uppercase()) {
                    out.push(alt.to_string());
                }
            }
        }
    }
    out
}
