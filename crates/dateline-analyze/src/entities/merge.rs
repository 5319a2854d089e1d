//! Merging mentions into entities within one article.

use rustc_hash::FxHashMap as HashMap;

use dateline_text::Span;

use super::mentions::{camel_initials, initials, is_acronym, spells};
use super::{Cand, Kind, Source, Tok};
use crate::{Entity, Geo, Mention, MentionVia, Resources};

/// An entity being built.
#[derive(Debug, Clone)]
pub(crate) struct Ent {
    pub kind: Kind,
    pub mentions: Vec<Cand>,
    /// Coreference mentions ("the military official").
    pub nominal: Vec<Span>,
    pub country: Option<String>,
    pub country_name: Option<String>,
    pub geo: Option<Geo>,
    pub title: Option<String>,
    pub role: Option<String>,
}

impl Ent {
    pub(crate) fn first(&self) -> usize {
        self.mentions.iter().map(|m| m.start).min().unwrap_or(usize::MAX)
    }
    /// The longest name written (without head words), e.g. "Irina Volkova".
    pub(crate) fn best_name<'t>(&self, text: &'t str) -> &'t str {
        self.mentions
            .iter()
            .filter(|m| m.alias_of.is_none() || self.mentions.len() == 1)
            .map(|m| &text[m.start..m.name_end])
            // the longest (in characters), the first in byte order among equally long ones
            .max_by(|a, b| a.chars().count().cmp(&b.chars().count()).then_with(|| b.cmp(a)))
            .or_else(|| self.mentions.first().map(|m| &text[m.start..m.name_end]))
            .unwrap_or("")
    }
}

/// The comparison form of a name: lower case, periods and possessives dropped, single spaces.
pub(crate) fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    norm_into(s, &mut out);
    out
}

/// [`norm`] appended to `out`, so that a merge key (a prefix and the name's comparison form) is
/// one string built once, not a `norm` copied again by `format!`.
fn norm_into(s: &str, out: &mut String) {
    // (`strip_suffix` in a loop is `trim_end_matches` of a string pattern without setting up a
    // substring searcher for each name: that set-up cost more than the trimming)
    let mut s = s;
    while let Some(t) = s.strip_suffix("'s") {
        s = t;
    }
    while let Some(t) = s.strip_suffix("’s") {
        s = t;
    }
    let s = s.trim_end_matches(['\'', '’']);
    let s = s.strip_prefix("the ").or_else(|| s.strip_prefix("The ")).unwrap_or(s);
    if s.is_ascii() {
        norm_ascii(s, out);
        return;
    }
    out.push_str(&s.to_lowercase().replace('.', "").split_whitespace().collect::<Vec<_>>().join(" "));
}

/// The end of [`norm`] for an ASCII name (nearly all), in one pass appended to `out`: lower
/// case, periods dropped, words joined by single spaces.
fn norm_ascii(s: &str, out: &mut String) {
    let from = out.len();
    let mut space = false;
    for c in s.chars().filter(|&c| c != '.') {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && out.len() > from {
            out.push(' ');
        }
        space = false;
        out.push(c.to_ascii_lowercase());
    }
}

/// The key that joins a mention to the entities before it: a class prefix and the country code,
/// the place's id or the name's [`norm`]. Built by pushes into one string, as it is made for
/// every mention of every article.
fn key(text: &str, c: &Cand, res: &Resources) -> String {
    let name = &text[c.start..c.name_end];
    let mut k = String::with_capacity(name.len() + 2);
    match c.kind {
        Kind::Gpe if c.country.is_some() && res.gazetteer.country_by_name(name).is_some() => {
            k.push_str("c:");
            k.push_str(c.country.as_deref().unwrap_or(""));
        }
        Kind::Norp => match &c.country {
            Some(code) => {
                k.push_str("n:");
                k.push_str(code);
            }
            None => {
                k.push_str("n:");
                norm_into(name, &mut k);
                // (a plural's "s" off the name; the prefix ends in ':', where trimming stops)
                let end = k.trim_end_matches('s').len();
                k.truncate(end);
            }
        },
        kind if kind.is_place() => match res.gazetteer.lookup(name).first() {
            Some(p) => {
                use std::fmt::Write as _;
                let _ = write!(k, "g:{}", p.place.geonames_id);
            }
            None => {
                k.push_str("p:");
                norm_into(name, &mut k);
            }
        },
        _ => {
            k.push_str("x:");
            norm_into(name, &mut k);
        }
    }
    k
}

/// One step of the suffix hash: the hash of `word` followed by the words hashed so far.
fn suffix_step(h: u64, word: &str) -> u64 {
    let w = word.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, c| (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3));
    w ^ h.rotate_left(17).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// Groups candidate mentions into entities.
pub(super) fn merge(text: &str, toks: &[Tok], cands: Vec<Cand>, res: &Resources) -> Vec<Ent> {
    let _ = toks;
    let mut ents: Vec<Ent> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::default();
    let mut by_start: HashMap<usize, usize> = HashMap::default();
    // Acronyms used before their long form ("XNA - Xandrian News Agency"): joined after the pass.
    let mut forward: Vec<(usize, usize)> = Vec::new();
    for c in cands {
        let k = key(text, &c, res);
        if let Some(s) = c.alias_of.filter(|s| !by_start.contains_key(s)) {
            forward.push((c.start, s));
        }
        let target = match c.alias_of.and_then(|s| by_start.get(&s).copied()) {
            Some(e) => Some(e),
            None => by_key.get(&k).copied(),
        };
        let e = match target {
            Some(e) => e,
            None => {
                ents.push(Ent {
                    kind: c.kind,
                    mentions: Vec::new(),
                    nominal: Vec::new(),
                    country: None,
                    country_name: None,
                    geo: None,
                    title: None,
                    role: None,
                });
                ents.len() - 1
            }
        };
        by_key.insert(k, e);
        by_start.insert(c.start, e);
        if ents[e].country.is_none() {
            ents[e].country.clone_from(&c.country);
        }
        ents[e].mentions.push(c);
    }
    // An entity emptied into another forwards there (followed to the end of the chain), so
    // each join is a lookup instead of a rewrite of every map entry.
    let mut moved: HashMap<usize, usize> = HashMap::default();
    let settle = |moved: &HashMap<usize, usize>, mut e: usize| {
        while let Some(&next) = moved.get(&e) {
            e = next;
        }
        e
    };
    for (at, long) in forward {
        if let (Some(&from), Some(&to)) = (by_start.get(&at), by_start.get(&long)) {
            let (from, to) = (settle(&moved, from), settle(&moved, to));
            if from != to {
                move_into(&mut ents, from, to);
                moved.insert(from, to);
            }
        }
    }
    // Surnames and other partial names of people: "Volkova" → "Irina Volkova".
    let people: Vec<(usize, Vec<String>)> = ents
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == Kind::Person)
        .map(|(i, e)| (i, norm(e.best_name(text)).split(' ').map(str::to_string).collect()))
        .filter(|(_, w): &(usize, Vec<String>)| w.len() > 1)
        .collect();
    // Every proper suffix of each person's words, to the people it ends (in order): a lookup per
    // entity instead of a scan of all people. Keyed by the suffix's length and a hash built word
    // by word from the end, so a name of w words costs w steps, not the w²/2 of hashing each
    // suffix whole (a 392 KB run of capitalised words is one such name); a hit is confirmed
    // word by word.
    let mut by_suffix: HashMap<(usize, u64), Vec<(usize, usize)>> = HashMap::default();
    let mut work = 0u64;
    for (p, (_, full)) in people.iter().enumerate() {
        let mut h = 0u64;
        for k in (1..full.len()).rev() {
            h = suffix_step(h, &full[k]);
            by_suffix.entry((full.len() - k, h)).or_default().push((p, k));
        }
        work += full.len() as u64;
    }
    // The people whose full name has `words` as a proper suffix, in order.
    let ending = |words: &[&str], work: &mut u64| -> Vec<usize> {
        let h = words.iter().rev().fold(0u64, |h, w| suffix_step(h, w));
        *work += words.len() as u64;
        let Some(hits) = by_suffix.get(&(words.len(), h)) else { return Vec::new() };
        hits.iter()
            .filter(|&&(p, k)| {
                *work += words.len() as u64;
                people[p].1[k..].iter().map(String::as_str).eq(words.iter().copied())
            })
            .map(|&(p, _)| people[p].0)
            .collect()
    };
    // One-word names of people, to tell the order an article writes names in.
    let lone: std::collections::HashSet<String> = ents
        .iter()
        .filter(|e| e.kind == Kind::Person && !e.best_name(text).contains(' '))
        .map(|e| norm(e.best_name(text)))
        .collect();
    // People by first word, for a family name written first, each with whether the article
    // also names them by the last word alone (family name last).
    let mut by_first: HashMap<&str, Vec<(usize, bool)>> = HashMap::default();
    for (j, full) in &people {
        if let (Some(first), Some(last)) = (full.first(), full.last()) {
            by_first.entry(first.as_str()).or_default().push((*j, lone.contains(last)));
        }
    }
    for i in 0..ents.len() {
        let e = &ents[i];
        if !matches!(e.kind, Kind::Person | Kind::Org | Kind::Loc | Kind::Gpe) {
            continue;
        }
        let strong = e.mentions.iter().any(|m| m.source != Source::Model);
        // (only a person's surname stays with a strong mention, below: other strong names are
        // passed before their words are made)
        if strong && e.kind != Kind::Person {
            continue;
        }
        // the name's words borrowed from one normalised string, not a string each: this runs
        // for every entity of every article
        let normed = norm(e.best_name(text));
        let words: Vec<&str> = normed.split(' ').collect();
        // A person's surname found by a rule ("President Valdner" in a headline, before the
        // full name) is still that person's.
        let surname =
            e.kind == Kind::Person && words.len() == 1 && e.mentions.iter().all(|m| m.source != Source::Dateline);
        if strong && !surname {
            continue;
        }
        let mut fits: Vec<usize> = ending(&words, &mut work).into_iter().filter(|&j| j != i).collect();
        // "Mr Lim" after "Lim Boon Seng": with an honorific, a family name written first.
        let honorific = |m: &Cand| {
            let before = text[..m.start].trim_end();
            ["Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr."].iter().any(|h| {
                before.ends_with(h) && before[..before.len() - h.len()].ends_with(|c: char| !c.is_alphanumeric())
            })
        };
        // "Teo" after "Teo Kah Seng", no honorific: a family name written first, when the
        // article never uses the full name's last word alone (it then writes names family name
        // last, and "Teo" would be another person's first name).
        if fits.is_empty() && surname {
            let same_first = words.first().and_then(|w| by_first.get(w));
            let honoured = ents[i].mentions.iter().all(honorific);
            fits = same_first.map_or(Vec::new(), |js| {
                js.iter().filter(|&&(j, family_last)| j != i && (honoured || !family_last)).map(|&(j, _)| j).collect()
            });
            work += fits.len() as u64;
        }
        if fits.len() == 1 {
            move_into(&mut ents, i, fits[0]);
        }
    }
    super::add_work(work);
    // Acronyms used without an introduction: "SDF" after "Syrian Democratic Forces".
    // Candidates by their initials, built once (a scan of every entity per acronym was quadratic
    // in the entities an article has). A candidate only gains acronym mentions below, so its
    // name never gains new initials: checking the conditions again at use keeps the result that
    // of the full scan.
    let expands = |e: &Ent| {
        !e.mentions.is_empty()
            && matches!(e.kind, Kind::Org | Kind::Gpe | Kind::Event)
            && e.best_name(text).contains(' ')
    };
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::default();
    let mut acronym_work = 0u64;
    for (j, e) in ents.iter().enumerate() {
        if expands(e) {
            let (plain, camel) = (initials(e.best_name(text)), camel_initials(e.best_name(text)));
            if camel != plain {
                by_initials.entry(camel).or_default().push(j);
            }
            by_initials.entry(plain).or_default().push(j);
        }
    }
    for i in 0..ents.len() {
        if ents[i].mentions.is_empty() || ents[i].kind == Kind::Person {
            continue;
        }
        let name = ents[i].best_name(text).to_string();
        if !is_acronym(&name) || ents[i].mentions.iter().any(|m| m.source == Source::Dateline) {
            continue;
        }
        let acr = name.replace('.', "");
        let fits: Vec<usize> = by_initials
            .get(&acr)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&j| j != i && expands(&ents[j]) && spells(ents[j].best_name(text), &acr))
            .collect();
        acronym_work += fits.len() as u64 + 1;
        if fits.len() == 1 {
            move_into(&mut ents, i, fits[0]);
        }
    }
    super::add_work(acronym_work);
    ents.retain(|e| !e.mentions.is_empty());
    for e in &mut ents {
        e.mentions.sort_by_key(|m| m.start);
        // the type most mentions have, rules and the dateline counting double
        let mut votes: HashMap<Kind, usize> = HashMap::default();
        for m in &e.mentions {
            let w = if m.source == Source::Model && m.head.is_none() { 1 } else { 2 };
            *votes.entry(m.kind).or_default() += w;
        }
        if let Some((k, _)) = votes.into_iter().max_by_key(|(k, v)| (*v, std::cmp::Reverse(*k))) {
            e.kind = k;
        }
    }
    ents.sort_by_key(Ent::first);
    ents
}

fn move_into(ents: &mut [Ent], from: usize, to: usize) {
    let moved = std::mem::take(&mut ents[from].mentions);
    let kind = ents[to].kind;
    ents[to].mentions.extend(moved.into_iter().map(|mut m| {
        m.kind = kind;
        m
    }));
}

/// The record's entities: ids in order of first mention, names, mentions in text order.
pub(super) fn finish(text: &str, ents: Vec<Ent>) -> Vec<Entity> {
    ents.into_iter()
        .enumerate()
        .map(|(i, e)| {
            let mut name = match (&e.country_name, e.kind) {
                (Some(n), Kind::Gpe) => n.clone(),
                _ => e.best_name(text).to_string(),
            };
            if let Some(h) = e.mentions.iter().find_map(|m| m.head) {
                if let Some(hw) = text.get(h.0..h.1) {
                    if !name.to_lowercase().ends_with(&hw.to_lowercase()) {
                        name = format!("{name} {hw}");
                    }
                }
            }
            if name.chars().all(|c| !c.is_lowercase()) && name.chars().count() > 3 {
                // "MOSCOW" from a dateline: a better-cased mention if there is one
                if let Some(m) = e.mentions.iter().find(|m| {
                    let t = &text[m.start..m.name_end];
                    t.eq_ignore_ascii_case(&name) && t != name
                }) {
                    name = text[m.start..m.name_end].to_string();
                }
            }
            let mut mentions: Vec<Mention> = e
                .mentions
                .iter()
                .map(|m| Mention { text: text[m.start..m.end].to_string(), span: Span(m.start, m.end), via: None })
                .chain(e.nominal.iter().map(|s| Mention {
                    text: text[s.0..s.1].to_string(),
                    span: *s,
                    via: Some(MentionVia::Coreference),
                }))
                .collect();
            mentions.sort_by_key(|m| m.span.0);
            Entity {
                id: format!("e{}", i + 1),
                name,
                kind: e.kind,
                title: e.title,
                role: e.role,
                country: e.country,
                geo: e.geo,
                mentions,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::norm;

    /// `norm` as it was written before it appended into a key: `trim_end_matches` of string
    /// patterns and one allocation per step.
    fn norm_reference(s: &str) -> String {
        let s = s.trim_end_matches("'s").trim_end_matches("’s").trim_end_matches(['\'', '’']);
        let s = s.strip_prefix("the ").or_else(|| s.strip_prefix("The ")).unwrap_or(s);
        s.to_lowercase().replace('.', "").split_whitespace().collect::<Vec<_>>().join(" ")
    }

    proptest::proptest! {
        /// The one-pass `norm` (and so each key it appends to) is the plain one.
        #[test]
        fn norm_equals_the_plain_steps(s in r"(the |The |'s|’s|'|’|\.|[ \t\n]{1,2}|[aBsS]{1,3}|É|ß){0,12}") {
            proptest::prop_assert_eq!(norm(&s), norm_reference(&s));
        }
    }

    #[test]
    fn norm_drops_possessives_periods_and_the() {
        assert_eq!(norm("The U.N.'s's"), "un");
        assert_eq!(norm("  Irina   Volkova’"), "irina volkova");
        assert_eq!(norm("the Café’s"), "café");
    }
}
