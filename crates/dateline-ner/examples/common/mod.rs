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

/// Which held-out part a set belongs to: `Dev` is for choosing features and settings (its
/// errors may be read), `Test` is only scored, at the end.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Split {
    Dev,
    Test,
}

/// A named evaluation set.
pub struct EvalSet {
    pub name: String,
    pub split: Split,
    pub sentences: Vec<Sentence>,
    /// The document of each sentence (an index within the set), for evaluations that read a
    /// whole document at a time (the article-level entity stage).
    pub docs: Vec<u32>,
}

/// Held-out sentences with the document each belongs to.
#[derive(Default)]
pub struct Held {
    pub sentences: Vec<Sentence>,
    pub docs: Vec<u32>,
}

impl Held {
    /// Adds one document's sentences.
    pub fn push_doc(&mut self, doc: Vec<Sentence>) {
        let d = self.docs.last().map_or(0, |d| d + 1);
        self.docs.extend(std::iter::repeat_n(d, doc.len()));
        self.sentences.extend(doc);
    }
    /// Every sentence its own document.
    pub fn singletons(v: Vec<Sentence>) -> Held {
        let mut h = Held::default();
        for s in v {
            h.push_doc(vec![s]);
        }
        h
    }
    /// Sentences with a document key each (consecutive equal keys are one document).
    pub fn keyed(v: Vec<(String, Sentence)>) -> Held {
        let mut h = Held::default();
        let mut last: Option<String> = None;
        let mut d = 0u32;
        for (k, s) in v {
            if last.as_ref().is_some_and(|l| *l != k) {
                d += 1;
            }
            last = Some(k);
            h.docs.push(d);
            h.sentences.push(s);
        }
        h
    }
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

/// Document names listed under the given heading (`dev` or `test`) of GUM's splits.md.
fn gum_split(root: &Path, heading: &str) -> HashSet<String> {
    let text = read(&root.join("gum/splits.md"));
    let mut out = HashSet::new();
    let mut on = false;
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            on = h.trim() == heading;
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

/// The document-level split of corpora without one of their own: document `i` (in file order)
/// is dev when `i % 10 == dev`, test when `i % 10 == test`, else training.
fn split_of(i: usize, dev: usize, test: usize) -> Option<Split> {
    if i % 10 == dev {
        Some(Split::Dev)
    } else if i % 10 == test {
        Some(Split::Test)
    } else {
        None
    }
}

/// Re-DocRED documents of one file, each as its sentences.
fn redocred(root: &Path, file: &str) -> Vec<Vec<Sentence>> {
    let text = read(&root.join("redocred").join(file));
    let v: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| die(format!("{file}: {e}")));
    let mut out = Vec::new();
    for doc in v.as_array().map(Vec::as_slice).unwrap_or_default() {
        let sents: Vec<Vec<String>> = doc["sents"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .map(|s| {
                s.as_array()
                    .map(Vec::as_slice)
                    .unwrap_or_default()
                    .iter()
                    .map(|w| w.as_str().unwrap_or("").to_string())
                    .collect()
            })
            .collect();
        let mut mentions = Vec::new();
        for ent in doc["vertexSet"].as_array().map(Vec::as_slice).unwrap_or_default() {
            for m in ent.as_array().map(Vec::as_slice).unwrap_or_default() {
                let si = m["sent_id"].as_u64().unwrap_or(u64::MAX) as usize;
                let a = m["pos"][0].as_u64().unwrap_or(0) as usize;
                let b = m["pos"][1].as_u64().unwrap_or(0) as usize;
                mentions.push((si, a, b, m["type"].as_str().unwrap_or("")));
            }
        }
        out.push(data::redocred_doc(sents, &mentions));
    }
    out
}

/// LitBank novels (sorted by file name), each as sentences.
fn litbank(root: &Path) -> Vec<Vec<Sentence>> {
    let dir = root.join("litbank/entities/tsv");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| die(format!("{}: {e}", dir.display())))
        .flatten()
        .map(|f| f.path())
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    files.iter().map(|f| data::litbank_tsv(&read(f))).collect()
}

/// BTC tweets of one file, without those of section G (news outlets), which is a test set.
fn btc(root: &Path, file: &str, g: &HashSet<Vec<String>>) -> Vec<Sentence> {
    let docs = data::conll_docs(&read(&root.join("btc").join(file)), data::conll_label);
    docs.into_iter().flatten().filter(|s| !g.contains(&s.words)).map(without_handles).collect()
}

/// BTC tags user names ("@" and the handle after it, as two entities); news has none, so those
/// spans are dropped.
fn without_handles(mut s: Sentence) -> Sentence {
    let w = &s.words;
    s.spans.retain(|&(a, _, _)| !(w[a] == "@" || w[a].starts_with(['@', '#']) || a > 0 && w[a - 1] == "@"));
    s
}

/// MultiCoNER's lower-case sentences written as cased text would be (see `corpora`).
/// With each sentence, whether it names a product or a creative work (capitalised, unlabelled).
fn multiconer_cased(text: &str) -> Vec<(Sentence, bool)> {
    const SMALL: &[&str] = &[
        "of", "the", "and", "for", "de", "on", "in", "a", "an", "to", "at", "by", "la", "du", "von", "van", "der",
        "del", "da", "le",
    ];
    const ALWAYS: &[&str] = &[
        "i",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let cap = |w: &str| -> String {
        let mut c = w.chars();
        c.next().map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
    };
    let mut out = Vec::new();
    for block in text.split("\n\n") {
        let rows: Vec<(&str, &str)> = block
            .lines()
            .filter(|l| !l.starts_with("# ") && !l.trim().is_empty())
            .filter_map(|l| {
                let c: Vec<&str> = l.split_whitespace().collect();
                (c.len() >= 2).then(|| (c[0], c[c.len() - 1]))
            })
            .collect();
        if rows.is_empty() {
            continue;
        }
        let tags: Vec<String> = rows.iter().map(|r| r.1.to_string()).collect();
        let spans = bio_spans_raw(&tags);
        let works = spans.iter().any(|s| data::conll_label(&s.2).is_none());
        let mut words: Vec<String> = rows.iter().map(|r| r.0.to_string()).collect();
        for &(a, b, _) in &spans {
            for (k, w) in words[a..b].iter_mut().enumerate() {
                if k == 0 || !SMALL.contains(&w.as_str()) {
                    *w = cap(w);
                }
            }
        }
        for w in words.iter_mut() {
            if ALWAYS.contains(&w.as_str()) && w != "may"
                || dateline_ner::lexicon::demonym(w).is_some() && w.chars().all(char::is_lowercase)
            {
                *w = cap(w);
            }
        }
        words[0] = cap(&words[0]);
        let spans = spans.into_iter().filter_map(|(a, b, t)| data::conll_label(&t).map(|l| (a, b, l))).collect();
        out.push((Sentence { words, spans }, works));
    }
    out
}

/// `s` with a capitalised "The" opening a name of several words left out of the name.
fn without_leading_the(s: &Sentence) -> Sentence {
    let mut s = s.clone();
    for sp in s.spans.iter_mut() {
        if sp.1 - sp.0 > 1 && s.words[sp.0] == "The" {
            sp.0 += 1;
        }
    }
    s
}

/// BIO tags' spans with their raw type names.
fn bio_spans_raw(tags: &[String]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (k, t) in tags.iter().chain(std::iter::once(&"O".to_string())).enumerate() {
        let (p, ty) = t.split_once('-').unwrap_or((t.as_str(), ""));
        let cont = p == "I" && open.as_ref().is_some_and(|(_, o)| o == ty);
        if !cont {
            if let Some((a, o)) = open.take() {
                out.push((a, k, o));
            }
            if p == "B" || p == "I" {
                open = Some((k, ty.to_string()));
            }
        }
    }
    out
}

/// One corpus, split into training, dev and test sentences.
#[derive(Default)]
pub struct Corpus {
    pub name: &'static str,
    pub train: Vec<Sentence>,
    pub dev: Vec<(String, Held)>,
    pub test: Vec<(String, Held)>,
    /// The training sentences (indices into `train`) of news documents, for a weight of their own.
    pub news: std::ops::Range<usize>,
}

/// Corpora the model may be trained on, by name: the ones `--sources` chooses from.
pub const SOURCES: &[&str] = &[
    "gum",
    "meantime",
    "wnut17",
    "redocred",
    "btc",
    "wikigold",
    "crossner",
    "litbank",
    "multiconer",
    "multiconer-cased",
    "multiconer-orgs",
    "multiconer-orgs-half",
    "multiconer-orgs-clean",
    "multiconer-orgs-clean-nothe",
];

/// The sources trained on unless `--sources` says otherwise.
pub const DEFAULT_SOURCES: &[&str] =
    &["gum", "meantime", "wnut17", "redocred", "btc", "wikigold", "crossner", "litbank"];

/// Every corpus with its document-level split. Test documents are never trained on.
pub fn corpora(root: &Path) -> Vec<Corpus> {
    let mut out = Vec::new();
    // GUM: its own splits.md
    let (gdev, gtest) = (gum_split(root, "dev"), gum_split(root, "test"));
    let mut c = Corpus { name: "gum", ..Corpus::default() };
    let (mut nd, mut nt, mut od, mut ot) = (Held::default(), Held::default(), Held::default(), Held::default());
    for (doc, text) in gum_docs(root) {
        let s = data::gum_conllu(&text);
        let news = doc.starts_with("GUM_news_");
        if gdev.contains(&doc) {
            if news {
                nd.push_doc(s)
            } else {
                od.push_doc(s)
            }
        } else if gtest.contains(&doc) {
            if news {
                nt.push_doc(s)
            } else {
                ot.push_doc(s)
            }
        } else {
            if news && c.news.is_empty() {
                c.news = c.train.len()..c.train.len();
            }
            c.train.extend(s);
            if news {
                c.news.end = c.train.len();
            }
        }
    }
    c.dev = vec![("GUM news".into(), nd), ("GUM other genres".into(), od)];
    c.test = vec![("GUM news".into(), nt), ("GUM other genres".into(), ot)];
    out.push(c);
    // MEANTIME: documents 4 and 9 of every 10 (sorted by path) held out
    let mut c = Corpus { name: "meantime", ..Corpus::default() };
    let (mut d, mut t) = (Held::default(), Held::default());
    for (i, f) in meantime_files(root).iter().enumerate() {
        let s = data::meantime_xml(&read(f));
        match split_of(i, 4, 9) {
            Some(Split::Dev) => d.push_doc(s),
            Some(Split::Test) => t.push_doc(s),
            None => c.train.extend(s),
        }
    }
    c.dev = vec![("MEANTIME".into(), d)];
    c.test = vec![("MEANTIME".into(), t)];
    out.push(c);
    // WNUT17: train + dev train; its test file is not in the snapshot
    let mut c = Corpus { name: "wnut17", ..Corpus::default() };
    for f in ["wnut17/wnut17train.conll", "wnut17/emerging.dev.conll"] {
        c.train.extend(data::bio_conll(&read(&root.join(f))).into_iter().map(|(_, s)| s));
    }
    out.push(c);
    // Re-DocRED: one in ten documents of dev_revised is dev, one in ten of test_revised is test
    let mut c = Corpus { name: "redocred", ..Corpus::default() };
    let (mut d, mut t) = (Held::default(), Held::default());
    for (i, doc) in redocred(root, "dev_revised.json").into_iter().enumerate() {
        if i % 10 == 9 {
            d.push_doc(doc)
        } else {
            c.train.extend(doc)
        }
    }
    for (i, doc) in redocred(root, "test_revised.json").into_iter().enumerate() {
        if i % 10 == 9 {
            t.push_doc(doc)
        } else {
            c.train.extend(doc)
        }
    }
    c.dev = vec![("Re-DocRED".into(), d)];
    c.test = vec![("Re-DocRED".into(), t)];
    out.push(c);
    // BTC: train minus section G; dev; section G (news outlets) and test are test sets
    let g: Vec<Sentence> =
        data::conll_docs(&read(&root.join("btc/g.conll")), data::conll_label).into_iter().flatten().collect();
    let gset: HashSet<Vec<String>> = g.iter().map(|s| s.words.clone()).collect();
    let g = g.into_iter().map(without_handles).collect();
    let mut c = Corpus { name: "btc", ..Corpus::default() };
    c.train = btc(root, "btc.train", &gset);
    c.dev = vec![("BTC".into(), Held::singletons(btc(root, "btc.dev", &gset)))];
    c.test = vec![("BTC section G (news outlets)".into(), Held::singletons(g))];
    out.push(c);
    // WikiGold: documents 8 and 9 of every 10
    let mut c = Corpus { name: "wikigold", ..Corpus::default() };
    let (mut d, mut t) = (Held::default(), Held::default());
    let docs = data::conll_docs(&read(&root.join("wikigold/wikigold.conll.txt")), data::conll_label);
    for (i, doc) in docs.into_iter().enumerate() {
        match split_of(i, 8, 9) {
            Some(Split::Dev) => d.push_doc(doc),
            Some(Split::Test) => t.push_doc(doc),
            None => c.train.extend(doc),
        }
    }
    c.dev = vec![("WikiGold".into(), d)];
    c.test = vec![("WikiGold".into(), t)];
    out.push(c);
    // CrossNER politics: its own train / dev / test files
    let mut c = Corpus { name: "crossner", ..Corpus::default() };
    let cn = |f: &str| -> Vec<Sentence> {
        data::conll_docs(&read(&root.join("crossner-politics").join(f)), data::conll_label)
            .into_iter()
            .flatten()
            .collect()
    };
    c.train = cn("train.txt");
    c.dev = vec![("CrossNER politics".into(), Held::singletons(cn("dev.txt")))];
    c.test = vec![("CrossNER politics".into(), Held::singletons(cn("test.txt")))];
    out.push(c);
    // LitBank: novels 8 and 9 of every 10 (sorted by file name)
    let mut c = Corpus { name: "litbank", ..Corpus::default() };
    let (mut d, mut t) = (Held::default(), Held::default());
    for (i, doc) in litbank(root).into_iter().enumerate() {
        match split_of(i, 8, 9) {
            Some(Split::Dev) => d.push_doc(doc),
            Some(Split::Test) => t.push_doc(doc),
            None => c.train.extend(doc),
        }
    }
    c.dev = vec![("LitBank".into(), d)];
    c.test = vec![("LitBank".into(), t)];
    out.push(c);
    // MultiCoNER (lower case): train only (the model tags no lower-case word that does not
    // continue a name, so its dev file would score 0 whatever it learnt)
    let mut c = Corpus { name: "multiconer", ..Corpus::default() };
    c.train = data::conll_docs(&read(&root.join("multiconer-en/en_train.conll")), data::conll_label)
        .into_iter()
        .flatten()
        .collect();
    out.push(c);
    // MultiCoNER recased (measuring only): the same sentences with the words of every named
    // span (creative works and products too, which stay unlabelled), the sentence's first word,
    // "i", months, weekdays and nationality words capitalised
    let mut c = Corpus { name: "multiconer-cased", ..Corpus::default() };
    let cased = multiconer_cased(&read(&root.join("multiconer-en/en_train.conll")));
    // and only its sentences with an organisation (GRP or CORP); and of those, the ones that
    // name no product or work ("clean")
    let has_org = |s: &Sentence| s.spans.iter().any(|x| x.2 == dateline_ner::Label::Org);
    let clean: Vec<Sentence> = cased.iter().filter(|(s, works)| has_org(s) && !works).map(|(s, _)| s.clone()).collect();
    c.train = cased.into_iter().map(|(s, _)| s).collect();
    let orgs: Vec<Sentence> = c.train.iter().filter(|s| has_org(s)).cloned().collect();
    out.push(c);
    // the same with "The" cut from the start of names (MultiCoNER keeps it in, most of our
    // sets and the news sets leave it out)
    let no_the = clean.iter().map(without_leading_the).collect();
    out.push(Corpus { name: "multiconer-orgs-clean", train: clean, ..Corpus::default() });
    out.push(Corpus { name: "multiconer-orgs-clean-nothe", train: no_the, ..Corpus::default() });
    let half = orgs.iter().step_by(2).cloned().collect();
    out.push(Corpus { name: "multiconer-orgs", train: orgs, ..Corpus::default() });
    out.push(Corpus { name: "multiconer-orgs-half", train: half, ..Corpus::default() });
    // UNER: evaluation only (no train split in the snapshot), test-like
    let mut c = Corpus { name: "uner", ..Corpus::default() };
    let pud = data::bio_conll(&read(&root.join("uner-english-pud/en_pud-ud-test.iob2")));
    let (pn, pw): (Vec<_>, Vec<_>) = pud.into_iter().partition(|(id, _)| id.starts_with('n'));
    // a sentence id is the document id, '-', the sentence number
    let doc_key = |v: Vec<(String, Sentence)>| -> Vec<(String, Sentence)> {
        v.into_iter().map(|(id, s)| (id.rsplit_once('-').map_or(id.as_str(), |x| x.0).to_string(), s)).collect()
    };
    c.test.push(("UNER PUD news".into(), Held::keyed(doc_key(pn))));
    c.test.push(("UNER PUD wiki".into(), Held::keyed(doc_key(pw))));
    let ewt = data::bio_conll(&read(&root.join("uner-english-ewt/en_ewt-ud-dev.iob2")));
    c.test.push(("UNER EWT dev".into(), Held::keyed(doc_key(ewt))));
    out.push(c);
    for c in &mut out {
        let fix = |v: &mut Vec<Sentence>| {
            *v = v.iter().filter(|x| !x.words.is_empty()).map(Sentence::retokenized).collect();
        };
        // the news range counted again without the empty sentences
        let kept_before = |end: usize| c.train[..end].iter().filter(|x| !x.words.is_empty()).count();
        c.news = kept_before(c.news.start)..kept_before(c.news.end);
        fix(&mut c.train);
        for (_, h) in c.dev.iter_mut().chain(c.test.iter_mut()) {
            let (mut s, mut d) = (Vec::new(), Vec::new());
            for (x, doc) in h.sentences.iter().zip(&h.docs) {
                if !x.words.is_empty() {
                    s.push(x.retokenized());
                    d.push(*doc);
                }
            }
            h.sentences = s;
            h.docs = d;
        }
    }
    out
}

/// The training sentences (retokenised) of the chosen sources, and a description of what went in.
/// `weight` says how many times each source's sentences are read (1 unless named; the copies
/// are shuffled with the rest, so a weight of 2 counts that source twice per epoch).
pub fn training_data(root: &Path, sources: &[String], weight: impl Fn(&str) -> usize) -> (Vec<Sentence>, Vec<String>) {
    let mut out = Vec::new();
    let mut notes = Vec::new();
    for c in corpora(root) {
        if !sources.iter().any(|s| s == c.name) {
            continue;
        }
        let ents: usize = c.train.iter().map(|s| s.spans.len()).sum();
        let w = weight(c.name);
        // GUM's news documents may be weighted apart from its other genres ("gum-news")
        let wn = if c.name == "gum" { weight("gum-news") } else { w };
        let w_of = |k: usize| if c.news.contains(&k) { wn } else { w };
        notes.push(format!(
            "{}: {} sentences, {ents} entities, weight {w}{}",
            c.name,
            c.train.len(),
            if c.news.is_empty() { String::new() } else { format!(" ({} news sentences: weight {wn})", c.news.len()) }
        ));
        // the sentences once, in order, then the further copies
        let extra: Vec<Sentence> = (2..=w.max(wn))
            .flat_map(|n| c.train.iter().enumerate().filter(move |&(k, _)| w_of(k) >= n).map(|(_, s)| s.clone()))
            .collect();
        out.extend(c.train.into_iter().enumerate().filter(|&(k, _)| w_of(k) > 0).map(|(_, s)| s));
        out.extend(extra);
    }
    (out, notes)
}

/// The held-out evaluation sets: dev sets, then test sets (UNER, evaluation only, among them).
pub fn eval_sets(root: &Path) -> Vec<EvalSet> {
    let mut dev = Vec::new();
    let mut test = Vec::new();
    for c in corpora(root) {
        for (name, h) in c.dev {
            dev.push(EvalSet { name, split: Split::Dev, sentences: h.sentences, docs: h.docs });
        }
        for (name, h) in c.test {
            test.push(EvalSet { name, split: Split::Test, sentences: h.sentences, docs: h.docs });
        }
    }
    // Casing robustness: the Re-DocRED dev documents again, in ALL CAPS (as headlines and some
    // wire copy are written)
    if let Some(r) = dev.iter().find(|s| s.name == "Re-DocRED") {
        let upper = r
            .sentences
            .iter()
            .map(|s| Sentence { words: s.words.iter().map(|w| w.to_uppercase()).collect(), spans: s.spans.clone() })
            .collect();
        let docs = r.docs.clone();
        dev.push(EvalSet { name: "Re-DocRED, ALL CAPS".into(), split: Split::Dev, sentences: upper, docs });
    }
    dev.extend(test);
    dev
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

/// The organisation names of `sentences` by the rules of `build_org_names` (its module comment
/// says why), with how often each was annotated an organisation, sorted by name: names of at
/// most `max_words` tokens, every word capitalised (connectors aside), annotated as an
/// organisation once (several words) or `min` times (one word), at least 90% of their
/// annotations organisations, and at least half of their occurrences in those sentences.
/// `train --features orgs` compiles its jackknifed list with the same rules.
pub fn org_names<'a, I>(sentences: impl Fn() -> I, max_words: usize, min: usize) -> Vec<(String, usize)>
where
    I: Iterator<Item = &'a Sentence>,
{
    use std::collections::HashMap;
    // name → (organisation mentions, other-type mentions)
    let mut labelled: HashMap<String, (usize, usize)> = HashMap::new();
    for s in sentences() {
        for &(a, b, l) in &s.spans {
            if b - a > max_words {
                continue;
            }
            let e = labelled.entry(s.words[a..b].join(" ")).or_default();
            if l == dateline_ner::Label::Org {
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
    // how often each candidate occurs at all (any token sequence, labelled or not)
    let mut seen: HashMap<&str, usize> = labelled
        .iter()
        .filter(|(n, &(org, other))| {
            org >= if n.contains(' ') { 1 } else { min } && org * 10 >= (org + other) * 9 && shaped(n)
        })
        .map(|(n, _)| (n.as_str(), 0usize))
        .collect();
    let mut key = String::new();
    for s in sentences() {
        for a in 0..s.words.len() {
            key.clear();
            for b in a..(a + max_words).min(s.words.len()) {
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
    let mut kept: Vec<(String, usize)> = seen
        .into_iter()
        .filter(|&(n, occ)| labelled[n].0 * 2 >= occ)
        .map(|(n, _)| (n.to_string(), labelled[n].0))
        .collect();
    kept.sort();
    kept
}
