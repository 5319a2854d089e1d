//! Surnames that are also demonyms ("English", "French", "Welsh"): after an honorific ("Mr.
//! English") or right after a person's first name ("Tom English") the word is a name, not a
//! nationality. The demonym lexicon types every such word NORP and the recogniser often stops
//! the person before it, so "Tom English said" gave a person "Tom" and a nationality.

use super::{tok, Cand, Kind, Tok};

/// Honorifics that stand before a surname (without their full stop, which the token may hold).
const HONORIFICS: [&str; 6] = ["Mr", "Mrs", "Ms", "Miss", "Dr", "Mx"];

/// Retypes or joins, in `out` (text order, no overlaps), every one-word nationality that is a
/// surname: after an honorific it becomes a person; right after a person's mention (one space
/// between, the same sentence) and before no capitalised word ("Tom English Channel" stays) it
/// extends that person.
pub(super) fn demonym_surnames(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
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
}
