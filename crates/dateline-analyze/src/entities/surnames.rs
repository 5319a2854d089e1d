//! Surnames that are also demonyms ("English", "French", "Welsh"): after an honorific ("Mr.
//! English") or right after a person's first name ("Tom English") the word is a name, not a
//! nationality. The demonym lexicon types every such word NORP and the recogniser often stops
//! the person before it, so "Tom English said" gave a person "Tom" and a nationality. Once the
//! article has named the person, the surname alone is the person too ("Cuban said", "English
//! added"), where nothing shows the nationality: no article before it and no noun after it.

use std::collections::HashSet;

use super::{tok, Cand, Kind, Tok};

/// Honorifics that stand before a surname (without their full stop, which the token may hold).
const HONORIFICS: [&str; 6] = ["Mr", "Mrs", "Ms", "Miss", "Dr", "Mx"];

/// Retypes or joins, in `out` (text order, no overlaps), every one-word nationality that is a
/// surname: after an honorific it becomes a person; right after a person's mention (one space
/// between, the same sentence) and before no capitalised word ("Tom English Channel" stays) it
/// extends that person.
pub(super) fn demonym_surnames(text: &str, toks: &[Tok], out: &mut Vec<Cand>, lx: &crate::Lexicon) {
    let at = |pos: usize| toks.partition_point(|t| t.start < pos);
    let mut drop = Vec::new();
    for k in 0..out.len() {
        let c = &out[k];
        if c.kind != Kind::Norp || text[c.start..c.end].contains(' ') {
            continue;
        }
        let i = at(c.start);
        if toks.get(i).is_none_or(|t| t.start != c.start) || i == 0 {
            continue;
        }
        let same = |j: usize| toks.get(j).is_some_and(|t| t.sentence == toks[i].sentence);
        let prev = if tok(text, toks, i - 1) == "." && i >= 2 { i - 2 } else { i - 1 };
        if same(prev) && HONORIFICS.contains(&tok(text, toks, prev).trim_end_matches('.')) {
            out[k].kind = Kind::Person;
            out[k].country = None;
            continue;
        }
        let next_capital = same(i + 1) && tok(text, toks, i + 1).starts_with(char::is_uppercase);
        let person_before = k > 0
            && out[k - 1].kind == Kind::Person
            && out[k - 1].end + 1 == c.start
            && text.as_bytes().get(out[k - 1].end) == Some(&b' ')
            && out[k - 1].sentence == c.sentence;
        if person_before && !next_capital {
            let end = c.end;
            out[k - 1].end = end;
            out[k - 1].name_end = end;
            drop.push(k);
        }
    }
    for k in drop.into_iter().rev() {
        out.remove(k);
    }
    surnames_alone(text, toks, out, lx);
}

/// Retypes as persons the one-word nationalities in `out` that are the last word of a person's
/// name of two words or more in `out` (the demonym a surname), when no article stands before
/// them and a verb, a possessive or punctuation follows ("Cuban said", "English's plan"), not a
/// noun ("the Cuban government", "Cuban officials").
fn surnames_alone(text: &str, toks: &[Tok], out: &mut [Cand], lx: &crate::Lexicon) {
    let norp: HashSet<&str> = out
        .iter()
        .filter(|c| c.kind == Kind::Norp)
        .filter_map(|c| text.get(c.start..c.end))
        .filter(|w| !w.contains(' '))
        .collect();
    if norp.is_empty() {
        return;
    }
    let surnames: HashSet<&str> = out
        .iter()
        .filter(|c| c.kind == Kind::Person)
        .filter_map(|c| text.get(c.start..c.end)?.rsplit_once(' ').map(|(_, last)| last))
        .filter(|last| norp.contains(last))
        .collect();
    if surnames.is_empty() {
        return;
    }
    let at = |pos: usize| toks.partition_point(|t| t.start < pos);
    for c in out.iter_mut().filter(|c| c.kind == Kind::Norp) {
        if !surnames.contains(&text[c.start..c.end]) {
            continue;
        }
        let i = at(c.start);
        let same = |j: usize| toks.get(j).is_some_and(|t| t.sentence == toks[i].sentence);
        let article = i > 0 && same(i - 1) && matches!(tok(text, toks, i - 1), "the" | "The" | "a" | "A" | "an" | "An");
        let next = if same(i + 1) { tok(text, toks, i + 1) } else { "" };
        let verb_or_stop = next.is_empty()
            || !next.starts_with(char::is_alphanumeric)
            || matches!(next, "'s" | "\u{2019}s" | "is" | "was" | "has" | "had" | "will" | "would" | "also")
            || super::with_lowercase(next, |l| lx.entities.saying.contains(&l) || lx.entities.reporting.contains(&l))
            || next.ends_with("ed") && next.starts_with(char::is_lowercase);
        if !article && verb_or_stop {
            c.kind = Kind::Person;
            c.country = None;
        }
    }
}
