//! The entity stage's corrections for other languages.
//!
//! The recogniser was trained on English, but names are written alike in the Romance languages
//! and Dutch, so most of its mentions there are right (German, which capitalises every noun,
//! keeps only mentions with more evidence: [`vouched_for`]). What goes wrong is what English
//! does not show it: an article capitalised at a sentence start taken into the name ("Le Portugal"), a verb
//! or an adverb that opens a sentence taken for a name ("Encontraron", "Tuttavia"), an
//! organisation whose head word is not English ("Banco Central Europeo" as a place), and a
//! city under its name in that language ("Londres"), which the recogniser does not know as a
//! place. Each correction reads the language's lists ([`Lists`]).

use std::collections::HashSet;

use crate::entities::{capitalised, Cand, Kind, Source, Tok};
use crate::gazetteer::NameMatch;
use crate::quotes::SpanIndex;
use crate::Resources;
use dateline_text::Span;

use super::lexicon::Lists;
use super::split_elided;

/// The smallest population of a city found by its name in the language alone: big enough that
/// its other-language names are not common words.
const MIN_CITY_POPULATION: u64 = 1_000_000;

/// The smallest population of a place whose own name alone, opening a sentence, is taken for
/// the place (other-language names need [`MIN_CITY_POPULATION`]): small towns, and names in
/// other languages, are often common words ("Ora"; "Pensa" is Penza's Italian name).
const MIN_TOWN_POPULATION: u64 = 100_000;

/// Corrects the mentions of an article in `lex`'s language (see the module's doc).
pub(crate) fn adjust(text: &str, toks: &[Tok], cands: &mut Vec<Cand>, res: &Resources, lex: &Lists) {
    let initial = sentence_initial(text, toks);
    countries(text, toks, cands, lex);
    for c in cands.iter_mut() {
        if strip_determiner(text, c, res, lex) {
            crate::entities::refine_cand(text, toks, c, res);
        }
    }
    for c in cands.iter_mut() {
        trim_function_words(text, c, lex);
    }
    cands.retain(|c| c.start < c.end && !function_word(text.get(c.start..c.end).unwrap_or(""), lex));
    let elsewhere = capitalised_inside_sentences(text, toks, &initial);
    cands.retain(|c| !sentence_start_word(text, toks, &initial, &elsewhere, c, res));
    // an organisation head alone ("Grupo", "Parti") is a common noun
    cands.retain(|c| {
        c.source == Source::Dateline
            || text.get(c.start..c.end).is_none_or(|w| w.contains(' ') || !Lists::has(&lex.org_heads, w))
    });
    for c in cands.iter_mut() {
        if c.source != Source::Dateline && first_word(text, c).is_some_and(|w| Lists::has(&lex.org_heads, w)) {
            c.kind = Kind::Org;
            c.country = None;
        }
    }
    if super::lexicon::NOUNS_CAPITALISED.contains(&lex.code) {
        let surnames = surnames(text, toks, lex);
        let stems = stems(text, toks);
        cands.retain(|c| vouched_for(text, c, res, &surnames, &stems, lex));
    }
    let mut added = organisations(text, toks, cands, lex);
    added.extend(people(text, toks, &initial, cands, &added, lex));
    added.extend(cities(text, toks, &initial, cands, res, lex));
    if !added.is_empty() {
        cands.extend(added);
        cands.sort_by_key(|c| c.start);
        // the names found here occur elsewhere too ("Karoline Wendhausen" ... "Wendhausen")
        crate::entities::propagate_cands(text, toks, cands, res);
    }
}

/// Country names as the language writes them ("États-Unis", "Reino Unido") are the country,
/// whatever the recogniser made of them ("Unis" as an organisation).
fn countries(text: &str, toks: &[Tok], cands: &mut Vec<Cand>, lex: &Lists) {
    cands.sort_by_key(|c| c.start);
    let mut hits: Vec<(usize, usize, &str)> = Vec::new();
    for &(name, code) in &lex.countries {
        for (a, _) in text.match_indices(name) {
            let b = a + name.len();
            let bounded = !text[..a].chars().next_back().is_some_and(char::is_alphanumeric)
                && !text[b..].chars().next().is_some_and(|c| c.is_alphanumeric() || c == '-');
            if bounded {
                hits.push((a, b, code));
            }
        }
    }
    if hits.is_empty() {
        return;
    }
    // by start, the longest first, overlaps dropped: one sweep
    hits.sort_by_key(|&(a, b, _)| (a, std::cmp::Reverse(b)));
    // the mention reaching furthest among those starting at or before each start
    let mut widest: Vec<usize> = Vec::with_capacity(cands.len());
    for (k, c) in cands.iter().enumerate() {
        let best = match widest.last() {
            Some(&w) if cands[w].end >= c.end => w,
            _ => k,
        };
        widest.push(best);
    }
    let mut found: Vec<Cand> = Vec::new();
    let mut reach = 0;
    for (a, b, code) in hits {
        if a < reach {
            continue;
        }
        // a longer mention around the name ("Banque de France") keeps it
        let before = cands.partition_point(|c| c.start <= a);
        let inside = before
            .checked_sub(1)
            .map(|k| &cands[widest[k]])
            .is_some_and(|c| c.end >= b && (c.start, c.end) != (a, b) && c.kind != Kind::Gpe);
        if inside {
            continue;
        }
        reach = b;
        let sentence = toks.get(toks.partition_point(|t| t.end <= a)).map_or(0, |t| t.sentence);
        let mut c = crate::entities::cand_for(a, b, Kind::Gpe, Source::Lexicon, sentence);
        c.country = Some(code.to_string());
        found.push(c);
    }
    let overlaps_found = |c: &Cand| {
        let k = found.partition_point(|f| f.end <= c.start);
        found.get(k).is_some_and(|f| f.start < c.end)
    };
    cands.retain(|c| c.source == Source::Dateline || !overlaps_found(c));
    cands.extend(found);
    cands.sort_by_key(|c| c.start);
}

/// The words right after a known first name ("Merkel" in "Angela Merkel"): a lone mention of
/// one of them is that person's surname.
fn surnames<'t>(text: &'t str, toks: &[Tok], lex: &Lists) -> HashSet<&'t str> {
    toks.windows(2)
        .filter(|w| w[0].sentence == w[1].sentence)
        .map(|w| (&text[w[0].start..w[0].end], &text[w[1].start..w[1].end]))
        .filter(|(first, last)| capitalised(last) && known_first_name(first, lex))
        .map(|(_, last)| last)
        .collect()
}

/// A capitalised word the first-name tables know that is not one of the language's function
/// words (the tables, built from English data, list "Der" and "Alle").
fn known_first_name(w: &str, lex: &Lists) -> bool {
    capitalised(w) && !function_word(w, lex) && crate::quotes::is_first_name(w)
}

/// The capitalised beginnings of the article's longer words and compounds ("Corona" of
/// "Coronavirus" and "Corona-Krise"): a place of one of these names is a noun stem there.
fn stems<'t>(text: &'t str, toks: &[Tok]) -> HashSet<&'t str> {
    let mut out = HashSet::new();
    for t in toks {
        let w = &text[t.start..t.end];
        if !capitalised(w) {
            continue;
        }
        for (k, ch) in w.char_indices().skip(1) {
            if ch == '-' || ch.is_lowercase() {
                out.insert(&w[..k]);
            }
        }
        // a hyphenated compound may be split into tokens: "Corona", "-", "Krise"
        if text[t.end..].starts_with('-') {
            out.insert(w);
        }
    }
    out
}

/// In a language that capitalises every noun, whether a mention has evidence beyond its
/// capitals (the English rules read capitals as the recogniser does, so their mentions need it
/// too): found by a list or the dateline; an acronym; a place the gazetteer knows;
/// a name led by a known first name, or the surname of one.
fn vouched_for(
    text: &str,
    c: &Cand,
    res: &Resources,
    surnames: &HashSet<&str>,
    stems: &HashSet<&str>,
    lex: &Lists,
) -> bool {
    if !matches!(c.source, Source::Model | Source::Rule) {
        return true;
    }
    let Some(s) = text.get(c.start..c.end) else { return false };
    let acronym = s.len() >= 2 && s.chars().all(|ch| ch.is_uppercase() || ch == '.' || ch == '-' || ch == '&');
    let place = res.gazetteer.lookup(s).first().is_some_and(|p| {
        let least = if p.via == NameMatch::Primary { MIN_TOWN_POPULATION } else { MIN_CITY_POPULATION };
        p.place.population >= least
    }) && !stems.contains(s)
        || res.gazetteer.country_by_name(s).is_some();
    let mut words = s.split_whitespace();
    let first = words.next().unwrap_or("");
    let person = words.next().is_some() && known_first_name(first, lex);
    acronym || place || person || (!s.contains(' ') && surnames.contains(s))
}

/// For each token, whether it opens its sentence (after any quote marks, dashes or bullets).
fn sentence_initial(text: &str, toks: &[Tok]) -> Vec<bool> {
    let mut out = vec![false; toks.len()];
    let mut open = true;
    let mut sentence = usize::MAX;
    for (i, t) in toks.iter().enumerate() {
        if t.sentence != sentence {
            sentence = t.sentence;
            open = true;
        }
        let w = &text[t.start..t.end];
        if w.chars().any(char::is_alphanumeric) {
            out[i] = open;
            open = false;
        }
    }
    out
}

fn first_word<'t>(text: &'t str, c: &Cand) -> Option<&'t str> {
    text.get(c.start..c.end)?.split(|ch: char| ch.is_whitespace()).next()
}

/// "Le Portugal" → "Portugal", "L'Élysée" → "Élysée", "Selon X" → "X", "Ministerin X" → "X"
/// (the title stays in the text for the title rules); kept whole when the gazetteer knows the name
/// with its article ("La Paz", "Los Angeles", "Le Havre"). Whether the mention changed.
fn strip_determiner(text: &str, c: &mut Cand, res: &Resources, lex: &Lists) -> bool {
    if c.source == Source::Dateline {
        return false;
    }
    let Some(s) = text.get(c.start..c.end) else { return false };
    if !res.gazetteer.lookup(s).is_empty() {
        return false;
    }
    // a separate word ("Le Portugal") or an elided one ("L'Élysée", "L’Élysée")
    let leading = |w: &str| function_word(w, lex) || Lists::has(&lex.titles, w);
    let cut = s
        .find(' ')
        .filter(|&k| leading(&s[..k]))
        .map(|k| k + 1)
        .or_else(|| split_elided(s).filter(|(det, _)| Lists::has(&lex.determiners, det)).map(|(det, _)| det.len()));
    let Some(cut) = cut else { return false };
    let rest = s[cut..].trim_start();
    if !capitalised(rest) {
        return false;
    }
    // a name particle, not an article, when the article also writes it in lower case before the
    // same name ("De Vries" opening a sentence, "Jan de Vries" elsewhere)
    let word = s[..cut].trim_end();
    if text.contains(&format!("{} {rest}", word.to_lowercase())) {
        return false;
    }
    let start = c.start + (s.len() - rest.len());
    c.start = start;
    c.name_end = c.name_end.max(start);
    true
}

/// A word of the language's closed classes (articles, connectors, pronouns, "selon"), which
/// a name neither is nor ends with.
fn function_word(w: &str, lex: &Lists) -> bool {
    lex.closed_class(w) || lex.according.iter().any(|p| p.len() == 1 && p[0] == w.to_lowercase())
}

/// "Sigillo Il", "Scholz Des": a recogniser's name that ran over the capitalised first word
/// of the next sentence ends before it. The mention may become empty (then it is dropped).
fn trim_function_words(text: &str, c: &mut Cand, lex: &Lists) {
    if c.source != Source::Model {
        return;
    }
    while let Some((head, last)) = text.get(c.start..c.end).and_then(|s| s.rsplit_once(' ')) {
        if !function_word(last, lex) {
            break;
        }
        c.end = c.start + head.trim_end().len();
        c.name_end = c.name_end.min(c.end);
    }
}

/// A one-word mention only the recogniser found, at a sentence start, whose word the article
/// never capitalises elsewhere: a verb or an adverb opening the sentence, not a name. Places the
/// gazetteer knows stay.
fn sentence_start_word(
    text: &str,
    toks: &[Tok],
    initial: &[bool],
    elsewhere: &HashSet<&str>,
    c: &Cand,
    res: &Resources,
) -> bool {
    if c.source != Source::Model {
        return false;
    }
    let Ok(k) = toks.binary_search_by_key(&c.start, |t| t.start) else { return false };
    if !initial[k] || toks.get(k + 1).is_some_and(|t| t.end <= c.end) {
        return false;
    }
    let word = &text[c.start..c.end];
    let known_place = res.gazetteer.lookup(word).first().is_some_and(|c| {
        let least = if c.via == NameMatch::Primary { MIN_TOWN_POPULATION } else { MIN_CITY_POPULATION };
        c.place.population >= least
    }) || res.gazetteer.country_by_name(word).is_some();
    !elsewhere.contains(word) && !known_place
}

/// The capitalised words written somewhere other than at a sentence start.
fn capitalised_inside_sentences<'t>(text: &'t str, toks: &[Tok], initial: &[bool]) -> HashSet<&'t str> {
    toks.iter()
        .zip(initial)
        .filter(|(_, &first)| !first)
        .map(|(t, _)| &text[t.start..t.end])
        .filter(|w| capitalised(w))
        .collect()
}

/// Capitalised runs led by an organisation head ("Banco Central Europeo", "Ministère de
/// l'Intérieur") that no mention covers: the head, then capitalised words, joined by the
/// language's connectors when a capitalised word follows them.
fn organisations(text: &str, toks: &[Tok], cands: &[Cand], lex: &Lists) -> Vec<Cand> {
    let spans = SpanIndex::new(cands.iter().map(|c| Span(c.start, c.end)));
    let covered = |a: usize, b: usize| spans.overlaps_any(Span(a, b));
    let word = |i: usize| toks.get(i).and_then(|t| text.get(t.start..t.end)).unwrap_or("");
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let w = word(i);
        if !(capitalised(w) && Lists::has(&lex.org_heads, w)) {
            i += 1;
            continue;
        }
        // where every noun is capitalised, only "Head connector Name" ("Agentur für Arbeit")
        if super::lexicon::NOUNS_CAPITALISED.contains(&lex.code) && !Lists::has(&lex.connectors, word(i + 1)) {
            i += 1;
            continue;
        }
        let mut end = i;
        let mut j = i + 1;
        while j < toks.len() && toks[j].sentence == toks[i].sentence {
            if capitalised(word(j)) {
                end = j;
                j += 1;
            } else if Lists::has(&lex.connectors, word(j))
                || (j > i + 1 && Lists::has(&lex.determiners, word(j)) && Lists::has(&lex.connectors, word(j - 1)))
                || elided_capital(word(j), lex)
            {
                if elided_capital(word(j), lex) {
                    end = j;
                }
                j += 1;
            } else {
                break;
            }
        }
        if end > i && !covered(toks[i].start, toks[end].end) {
            out.push(crate::entities::cand_for(
                toks[i].start,
                toks[end].end,
                Kind::Org,
                Source::Rule,
                toks[i].sentence,
            ));
        }
        i = end.max(i) + 1;
    }
    out
}

/// Two or three capitalised words led by a first name the tables know that no mention covers
/// ("Giulia Ferrandi"): a person. The recogniser, trained on English, misses many names
/// among words it has never seen.
fn people(text: &str, toks: &[Tok], initial: &[bool], cands: &[Cand], added: &[Cand], lex: &Lists) -> Vec<Cand> {
    let spans = SpanIndex::new(cands.iter().chain(added).map(|c| Span(c.start, c.end)));
    let covered = |a: usize, b: usize| spans.overlaps_any(Span(a, b));
    let word = |i: usize| toks.get(i).and_then(|t| text.get(t.start..t.end)).unwrap_or("");
    let name_word =
        |w: &str| capitalised(w) && w.chars().all(|c| c.is_alphabetic() || c == '-') && !function_word(w, lex);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let first = word(i);
        // inside a longer capitalised run the name may be another's part ("Santa Ana Gómez"),
        // except where every noun is capitalised or the word before is a title
        let run_before = i > 0
            && name_word(word(i - 1))
            && !initial[i]
            && !Lists::has(&lex.titles, word(i - 1))
            && !super::lexicon::NOUNS_CAPITALISED.contains(&lex.code);
        if !name_word(first) || !known_first_name(first, lex) || run_before {
            i += 1;
            continue;
        }
        let mut end = i;
        while end + 1 < toks.len()
            && end < i + 2
            && toks[end + 1].sentence == toks[i].sentence
            && name_word(word(end + 1))
        {
            end += 1;
        }
        let heads = |k: usize| Lists::has(&lex.org_heads, word(k));
        if end > i && !covered(toks[i].start, toks[end].end) && !(i..=end).any(heads) {
            out.push(crate::entities::cand_for(
                toks[i].start,
                toks[end].end,
                Kind::Person,
                Source::Rule,
                toks[i].sentence,
            ));
        }
        i = end + 1;
    }
    out
}

/// "l'Intérieur": an elided article or connector before a capitalised word, one token.
fn elided_capital(w: &str, lex: &Lists) -> bool {
    split_elided(w).is_some_and(|(head, rest)| {
        (Lists::has(&lex.connectors, head) || Lists::has(&lex.determiners, head)) && capitalised(rest)
    })
}

/// A capitalised word inside a sentence that no mention covers and that is a country's name,
/// a city's own name ([`MIN_TOWN_POPULATION`]; four letters or more, and not where every noun
/// is capitalised) or a big city's name in another spelling the gazetteer keeps
/// ([`MIN_CITY_POPULATION`]), not the stem of a longer word ("Corona-Krise"): a place ("Lyon";
/// "Londres", "Moscou").
fn cities(text: &str, toks: &[Tok], initial: &[bool], cands: &[Cand], res: &Resources, lex: &Lists) -> Vec<Cand> {
    let strict = super::lexicon::NOUNS_CAPITALISED.contains(&lex.code);
    let stems = stems(text, toks);
    let spans = SpanIndex::new(cands.iter().map(|c| Span(c.start, c.end)));
    let covered = |a: usize, b: usize| spans.overlaps_any(Span(a, b));
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let w = &text[t.start..t.end];
        if initial[i] || !capitalised(w) || w.chars().count() < 3 || covered(t.start, t.end) {
            continue;
        }
        // part of a longer capitalised run: a name the recogniser chose not to take
        let cap_at = |k: Option<usize>| k.and_then(|k| toks.get(k)).is_some_and(|n| capitalised(&text[n.start..n.end]));
        // or part of a hyphenated name ("T-Mobile")
        let hyphened = text[..t.start].ends_with('-') || text[t.end..].starts_with('-');
        if cap_at(Some(i + 1)) || cap_at(i.checked_sub(1)) || hyphened {
            continue;
        }
        // a town's own name will do, except short names and where nouns are capitalised
        let own_name_will_do = !strict && w.chars().count() >= 4;
        let big_city = !stems.contains(w)
            && res.gazetteer.lookup(w).first().is_some_and(|c| {
                let town = own_name_will_do && c.via == NameMatch::Primary;
                c.place.population >= if town { MIN_TOWN_POPULATION } else { MIN_CITY_POPULATION }
            });
        if big_city || res.gazetteer.country_by_name(w).is_some() {
            out.push(crate::entities::cand_for(t.start, t.end, Kind::Gpe, Source::Lexicon, t.sentence));
        }
    }
    out
}
