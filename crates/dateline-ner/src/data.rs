//! Readers for the training and evaluation corpora (text in, [`Sentence`]s out; the caller does
//! the file I/O). Each maps the corpus' own types onto [`Label`] and keeps only *named* mentions.

use crate::lexicon::is_person_title;
use crate::tags::Label;
use crate::train::Sentence;

// `CONNECTORS`: resources/lexicon/en/ner/name-connectors.txt
use dateline_lexicon::en::ner::NAME_CONNECTORS as CONNECTORS;

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// GUM CoNLL-U (`Entity=` in MISC): named mentions are those whose syntactic head is PROPN,
/// trimmed to the capitalised run around the head (titles dropped for people), outermost first.
pub fn gum_conllu(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut rows: Vec<Vec<&str>> = Vec::new();
    for line in text.lines().chain(std::iter::once("")) {
        if line.is_empty() {
            if !rows.is_empty() {
                out.push(gum_sentence(&rows));
                rows.clear();
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 || cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        rows.push(cols);
    }
    out
}

fn gum_sentence(rows: &[Vec<&str>]) -> Sentence {
    let words: Vec<String> = rows.iter().map(|r| r[1].to_string()).collect();
    let heads: Vec<usize> = rows.iter().map(|r| r[6].parse().unwrap_or(0)).collect();
    // (start, end, type) mentions
    let mut open: Vec<(String, usize, String)> = Vec::new();
    let mut mentions: Vec<(usize, usize, String)> = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let Some(ent) = r[9].split('|').find_map(|m| m.strip_prefix("Entity=")) else {
            continue;
        };
        let b = ent.as_bytes();
        let mut k = 0;
        while k < b.len() {
            if b[k] == b'(' {
                let mut j = k + 1;
                while j < b.len() && b[j] != b'(' && b[j] != b')' {
                    j += 1;
                }
                let desc = &ent[k + 1..j];
                let mut parts = desc.split('-');
                let id = parts.next().unwrap_or("").to_string();
                let ty = parts.next().unwrap_or("").to_string();
                if j < b.len() && b[j] == b')' {
                    mentions.push((i, i + 1, ty));
                    k = j + 1;
                } else {
                    open.push((id, i, ty));
                    k = j;
                }
            } else if b[k].is_ascii_digit() {
                let mut j = k;
                while j < b.len() && b[j].is_ascii_digit() {
                    j += 1;
                }
                let id = &ent[k..j];
                if let Some(p) = open.iter().rposition(|(oid, _, _)| oid == id) {
                    let (_, s, ty) = open.remove(p);
                    mentions.push((s, i + 1, ty));
                }
                k = j + 1;
            } else {
                k += 1;
            }
        }
    }
    let mut named: Vec<(usize, usize, Label)> = Vec::new();
    for (s, e, ty) in mentions {
        let label = match ty.as_str() {
            "person" => Label::Per,
            "organization" => Label::Org,
            "place" => Label::Loc,
            "event" => Label::Event,
            _ => continue,
        };
        // syntactic head: the first token whose head lies outside the span
        let Some(h) = (s..e).find(|&k| heads[k] == 0 || heads[k] - 1 < s || heads[k] > e) else {
            continue;
        };
        if rows[h][3] != "PROPN" || !capitalised(&words[h]) {
            continue;
        }
        if let Some(span) = core_span(&words, s, e, h, label) {
            named.push(span);
        }
    }
    Sentence { spans: flatten(named), words }
}

/// The capitalised run around token `h` inside `[s, e)`, titles dropped for people.
fn core_span(words: &[String], s: usize, e: usize, h: usize, label: Label) -> Option<(usize, usize, Label)> {
    let conn = |k: usize| CONNECTORS.contains(&words[k].to_lowercase().as_str());
    let mut a = h;
    loop {
        if a > s && capitalised(&words[a - 1]) {
            a -= 1;
        } else if a > s + 1 && conn(a - 1) && capitalised(&words[a - 2]) {
            a -= 2;
        } else if a > s + 2 && conn(a - 1) && conn(a - 2) && capitalised(&words[a - 3]) {
            a -= 3;
        } else {
            break;
        }
    }
    let mut z = h + 1;
    loop {
        if z < e && capitalised(&words[z]) {
            z += 1;
        } else if z + 1 < e && conn(z) && capitalised(&words[z + 1]) {
            z += 2;
        } else if z + 2 < e && conn(z) && conn(z + 1) && capitalised(&words[z + 2]) {
            z += 3;
        } else {
            break;
        }
    }
    if label == Label::Per {
        if let Some(t) = (a..h).rev().find(|&k| is_person_title(&words[k])) {
            a = t + 1;
        }
    }
    (a < z).then_some((a, z, label))
}

/// Non-overlapping spans, longest first.
fn flatten(mut spans: Vec<(usize, usize, Label)>) -> Vec<(usize, usize, Label)> {
    spans.sort_by_key(|&(s, e, _)| (std::cmp::Reverse(e - s), s));
    let mut out: Vec<(usize, usize, Label)> = Vec::new();
    for sp in spans {
        if out.iter().all(|o| sp.1 <= o.0 || sp.0 >= o.1) {
            out.push(sp);
        }
    }
    out.sort_by_key(|s| s.0);
    out
}

/// MEANTIME annotates entities in the title and the first five sentences only (sentence 1 is the
/// date line); later sentences would teach the model that names are not names.
const MEANTIME_ANNOTATED_SENTENCES: usize = 5;

/// A MEANTIME (NewsReader CAT XML) document: NAMed mentions of PER, ORG and LOC entities in its
/// annotated sentences.
pub fn meantime_xml(xml: &str) -> Vec<Sentence> {
    // tokens: t_id → (sentence, text)
    let mut tokens: Vec<(u32, usize, String)> = Vec::new();
    for part in xml.split("<token ").skip(1) {
        let Some(head_end) = part.find('>') else { continue };
        let head = &part[..head_end];
        let Some(body_end) = part.find("</token>") else { continue };
        let body = unescape(&part[head_end + 1..body_end]);
        let sent = attr(head, "sentence").and_then(|v| v.parse().ok()).unwrap_or(0);
        let tid = attr(head, "t_id").and_then(|v| v.parse().ok()).unwrap_or(0);
        tokens.push((tid, sent, body));
    }
    // mentions: m_id → (token ids, NAM?)
    let mut mentions: Vec<(String, Vec<u32>)> = Vec::new();
    for part in xml.split("<ENTITY_MENTION ").skip(1) {
        let Some(head_end) = part.find('>') else { continue };
        let head = &part[..head_end];
        if attr(head, "syntactic_type") != Some("NAM") {
            continue;
        }
        let body = part.split("</ENTITY_MENTION>").next().unwrap_or("");
        let ids: Vec<u32> = body.split("t_id=\"").skip(1).filter_map(|x| x.split('"').next()?.parse().ok()).collect();
        if let Some(m) = attr(head, "m_id") {
            mentions.push((m.to_string(), ids));
        }
    }
    // entities: m_id → type
    let mut ent_type: Vec<(String, Label)> = Vec::new();
    for part in xml.split("<ENTITY ").skip(1) {
        let head = part.split('>').next().unwrap_or("");
        let label = match attr(head, "ent_type") {
            Some("PER") => Label::Per,
            Some("ORG") => Label::Org,
            Some("LOC") => Label::Loc,
            _ => continue,
        };
        if let Some(m) = attr(head, "m_id") {
            ent_type.push((m.to_string(), label));
        }
    }
    // REFERS_TO: mention → entity
    let mut spans_by_tid: Vec<(u32, u32, Label)> = Vec::new();
    for part in xml.split("<REFERS_TO ").skip(1) {
        let body = part.split("</REFERS_TO>").next().unwrap_or("");
        let Some(tgt) = body.split("<target m_id=\"").nth(1).and_then(|x| x.split('"').next()) else {
            continue;
        };
        let Some((_, label)) = ent_type.iter().find(|(m, _)| m == tgt) else { continue };
        for src in body.split("<source m_id=\"").skip(1).filter_map(|x| x.split('"').next()) {
            if let Some((_, ids)) = mentions.iter().find(|(m, _)| m == src) {
                if let (Some(&a), Some(&b)) = (ids.iter().min(), ids.iter().max()) {
                    spans_by_tid.push((a, b, *label));
                }
            }
        }
    }
    let mut out = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        let sent = tokens[k].1;
        if sent > MEANTIME_ANNOTATED_SENTENCES {
            break;
        }
        let mut j = k;
        while j < tokens.len() && tokens[j].1 == sent {
            j += 1;
        }
        let toks = &tokens[k..j];
        let words: Vec<String> = toks.iter().map(|t| t.2.clone()).collect();
        let mut spans = Vec::new();
        for &(a, b, l) in &spans_by_tid {
            let s = toks.iter().position(|t| t.0 == a);
            let e = toks.iter().position(|t| t.0 == b);
            if let (Some(s), Some(e)) = (s, e) {
                let mut s = s;
                // the determiner is not part of the name
                while s < e && !capitalised(&words[s]) {
                    s += 1;
                }
                spans.push((s, e + 1, l));
            }
        }
        out.push(Sentence { words, spans: flatten(spans) });
        k = j;
    }
    out
}

fn attr<'a>(head: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let i = format!(" {head}").find(&key)?;
    let rest = &head[i + key.len() - 1..];
    rest.split('"').next()
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

/// Two-column BIO CoNLL (WNUT17: person, location, group, corporation; or UNER's
/// idx/token/tag columns with PER, ORG, LOC). Returns sentences with their `# sent_id` if given.
pub fn bio_conll(text: &str) -> Vec<(String, Sentence)> {
    let mut out = Vec::new();
    let mut id = String::new();
    let mut words: Vec<String> = Vec::new();
    let mut tags: Vec<String> = Vec::new();
    let mut flush = |id: &mut String, words: &mut Vec<String>, tags: &mut Vec<String>| {
        if !words.is_empty() {
            let spans = bio_spans(tags, default_label);
            out.push((std::mem::take(id), Sentence { words: std::mem::take(words), spans }));
            tags.clear();
        }
    };
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut id, &mut words, &mut tags);
            continue;
        }
        if let Some(rest) = line.strip_prefix("# sent_id = ") {
            id = rest.trim().to_string();
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let (w, t) = if cols.len() >= 3 && cols[0].chars().all(|c| c.is_ascii_digit()) {
            (cols[1], cols[2])
        } else if cols.len() >= 2 {
            (cols[0], cols[cols.len() - 1])
        } else {
            continue;
        };
        words.push(w.to_string());
        tags.push(t.trim().to_string());
    }
    flush(&mut id, &mut words, &mut tags);
    out
}

/// The types of WNUT17 and UNER.
fn default_label(t: &str) -> Option<Label> {
    match t {
        "PER" | "person" => Some(Label::Per),
        "ORG" | "group" | "corporation" => Some(Label::Org),
        "LOC" | "location" => Some(Label::Loc),
        _ => None,
    }
}

/// The types of the CoNLL-style corpora read by [`conll_docs`]: CoNLL-2003 (WikiGold, BTC:
/// PER/ORG/LOC, MISC dropped), CrossNER politics (politician/person, organisation/political
/// party, country/location; elections, events and misc dropped) and MultiCoNER (PER, GRP and
/// CORP as ORG, LOC; creative works and products dropped).
pub fn conll_label(t: &str) -> Option<Label> {
    match t {
        "PER" | "person" | "politician" => Some(Label::Per),
        "ORG" | "organisation" | "politicalparty" | "GRP" | "CORP" | "group" | "corporation" => Some(Label::Org),
        "LOC" | "location" | "country" => Some(Label::Loc),
        _ => None,
    }
}

/// A CoNLL file (token in the first column, IOB1 or IOB2 tag in the last, columns separated by
/// tabs or spaces) as documents of sentences: `-DOCSTART-` lines start a new document, `#`
/// lines are skipped, a blank line ends a sentence. Types go through `label`.
pub fn conll_docs(text: &str, label: fn(&str) -> Option<Label>) -> Vec<Vec<Sentence>> {
    let mut docs: Vec<Vec<Sentence>> = vec![Vec::new()];
    let mut words: Vec<String> = Vec::new();
    let mut tags: Vec<String> = Vec::new();
    let flush = |docs: &mut Vec<Vec<Sentence>>, words: &mut Vec<String>, tags: &mut Vec<String>| {
        if !words.is_empty() {
            let spans = bio_spans(tags, label);
            if let Some(d) = docs.last_mut() {
                d.push(Sentence { words: std::mem::take(words), spans });
            }
            tags.clear();
        }
    };
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut docs, &mut words, &mut tags);
            continue;
        }
        if line.starts_with("# ") || line.starts_with("#\t") {
            continue;
        }
        let cols: Vec<&str> = if line.contains('\t') { line.split('\t').collect() } else { line.split(' ').collect() };
        let cols: Vec<&str> = cols.into_iter().filter(|c| !c.is_empty()).collect();
        if cols.len() < 2 {
            continue;
        }
        if cols[0] == "-DOCSTART-" {
            flush(&mut docs, &mut words, &mut tags);
            if docs.last().is_some_and(|d| !d.is_empty()) {
                docs.push(Vec::new());
            }
            continue;
        }
        words.push(cols[0].to_string());
        tags.push(cols[cols.len() - 1].trim().to_string());
    }
    flush(&mut docs, &mut words, &mut tags);
    docs.retain(|d| !d.is_empty());
    docs
}

fn bio_spans(tags: &[String], label_of: fn(&str) -> Option<Label>) -> Vec<(usize, usize, Label)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Option<Label>, String)> = None;
    for (i, t) in tags.iter().enumerate() {
        let (bio, ty) = t.split_once('-').unwrap_or((t.as_str(), ""));
        let cont = bio == "I" && open.as_ref().is_some_and(|(_, _, oty)| oty == ty);
        if !cont {
            if let Some((s, Some(l), _)) = open.take() {
                out.push((s, i, l));
            }
            open = None;
            if bio == "B" || bio == "I" {
                open = Some((i, label_of(ty), ty.to_string()));
            }
        }
    }
    if let Some((s, Some(l), _)) = open {
        out.push((s, tags.len(), l));
    }
    out
}

// `NOT_NAMES`: resources/lexicon/en/ner/not-names.txt
use dateline_lexicon::en::ner::NOT_NAMES;

/// One Re-DocRED document: its tokenised sentences and its mentions as (sentence, start, end,
/// type). PER, ORG and LOC mentions become spans, except nationality and other demonym words
/// typed LOC there ("American", NORP for us) and mentions that do not start with a capital.
pub fn redocred_doc(sents: Vec<Vec<String>>, mentions: &[(usize, usize, usize, &str)]) -> Vec<Sentence> {
    let mut spans: Vec<Vec<(usize, usize, Label)>> = vec![Vec::new(); sents.len()];
    for &(si, a, b, ty) in mentions {
        let Some(words) = sents.get(si) else { continue };
        if a >= b || b > words.len() {
            continue;
        }
        let label = match ty {
            "PER" => Label::Per,
            "ORG" => Label::Org,
            "LOC" => Label::Loc,
            _ => continue,
        };
        if !capitalised(&words[a]) || (b - a == 1 && NOT_NAMES.contains(&words[a].to_lowercase().as_str())) {
            continue;
        }
        if b - a == 1 && crate::lexicon::demonym(&words[a]).is_some() {
            continue;
        }
        spans[si].push((a, b, label));
    }
    sents.into_iter().zip(spans).map(|(words, sp)| Sentence { words, spans: flatten(sp) }).collect()
}

/// A LitBank entities TSV (token, then four nested BIO layers of PER, ORG, GPE, LOC, FAC, VEH
/// mentions): the proper-name mentions, as PER, ORG and LOC (GPE, LOC and FAC). A mention is
/// kept when its words are all capitalised (connectors such as "of" allowed inside), it is not a
/// lone pronoun or title, and does not start with a determiner; nested names keep the outermost.
pub fn litbank_tsv(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut layers: Vec<Vec<String>> = vec![Vec::new(); 4];
    let mut flush = |words: &mut Vec<String>, layers: &mut Vec<Vec<String>>| {
        if words.is_empty() {
            return;
        }
        let mut spans = Vec::new();
        for layer in layers.iter() {
            for (a, b, l) in bio_spans(layer, litbank_label) {
                let ws = &words[a..b];
                let conn = |w: &String| CONNECTORS.contains(&w.to_lowercase().as_str());
                let proper = capitalised(&ws[0])
                    && capitalised(&ws[ws.len() - 1])
                    && ws.iter().all(|w| capitalised(w) || conn(w) || !w.chars().any(char::is_alphabetic))
                    && !NOT_NAMES.contains(&ws[0].to_lowercase().as_str())
                    && !ws.iter().all(|w| is_person_title(w));
                if proper {
                    spans.push((a, b, l));
                }
            }
        }
        out.push(Sentence { words: std::mem::take(words), spans: flatten(spans) });
        for l in layers.iter_mut() {
            l.clear();
        }
    };
    for line in text.lines() {
        let cols: Vec<&str> = line.trim_end_matches('\r').split('\t').collect();
        if line.trim().is_empty() || cols.len() < 5 {
            flush(&mut words, &mut layers);
            continue;
        }
        words.push(cols[0].to_string());
        for (k, l) in layers.iter_mut().enumerate() {
            l.push(cols[k + 1].trim().to_string());
        }
    }
    flush(&mut words, &mut layers);
    out
}

fn litbank_label(t: &str) -> Option<Label> {
    match t {
        "PER" => Some(Label::Per),
        "ORG" => Some(Label::Org),
        "GPE" | "LOC" | "FAC" => Some(Label::Loc),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bio() {
        let s = bio_conll("# sent_id = x\n1\tThe\tO\n2\tRed\tB-ORG\n3\tCross\tI-ORG\n4\tin\tO\n5\tParis\tB-LOC\n\n");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].0, "x");
        assert_eq!(s[0].1.spans, vec![(1, 3, Label::Org), (4, 5, Label::Loc)]);
        let w = bio_conll("Empire\tB-location\nState\tI-location\n=\tO\nESB\tB-product\n");
        assert_eq!(w[0].1.spans, vec![(0, 2, Label::Loc)]);
    }

    #[test]
    fn gum_named_mentions() {
        let conllu = "1\tPresident\tPresident\tPROPN\tNNP\t_\t2\tcompound\t_\tEntity=(1-person-new-x-cf1-2-coref\n\
2\tObama\tObama\tPROPN\tNNP\t_\t3\tnsubj\t_\tEntity=1)\n\
3\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_\n\
4\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\tEntity=(2-place-new-x-cf1-3-coref\n\
5\tUnited\tUnited\tPROPN\tNNP\t_\t6\tcompound\t_\t_\n\
6\tStates\tStates\tPROPN\tNNP\t_\t3\tobj\t_\tEntity=2)\n\
7\ttoday\ttoday\tNOUN\tNN\t_\t3\tobl\t_\tEntity=(3-time-new-x-cf1-1-coref)\n\n";
        let s = gum_conllu(conllu);
        assert_eq!(s[0].spans, vec![(1, 2, Label::Per), (4, 6, Label::Loc)]);
    }
}
