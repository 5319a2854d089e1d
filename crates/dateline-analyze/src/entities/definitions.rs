//! Sentences that define a name: "Varnook is a village in the north", "Varnook, a fishing town
//! on the coast": the noun says the name is a place, whatever the recogniser typed it, at every
//! mention of the name in the article.

use super::{tok, Cand, Kind, Source, Tok};

/// Words that may follow the noun of a definition ("a village in ...", "a town , ...").
fn after_noun(w: &str) -> bool {
    w.is_empty()
        || !w.chars().any(char::is_alphanumeric)
        || [
            "in", "of", "on", "near", "at", "and", "along", "off", "between", "located", "situated", "that", "which",
            "with",
        ]
        .iter()
        .any(|x| x.eq_ignore_ascii_case(w))
}

/// The kind of place the words after the recogniser's mention ending at token `last` define it
/// as: "is" / "was" / "," then "a" / "an", at most two more words, and a place noun
/// (`entities/place-nouns.tsv`, `loc-words.txt`, `fac-words.txt`) followed by a preposition,
/// a relative, punctuation or the sentence's end; after a comma, only a preposition ("Varnook,
/// a town on the coast", not "Varnook, a village elder").
fn defined_as(text: &str, toks: &[Tok], last: usize, lx: &crate::Lexicon) -> Option<Kind> {
    let s = toks[last].sentence;
    let w = |k: usize| if toks.get(k).is_some_and(|t| t.sentence == s) { tok(text, toks, k) } else { "" };
    let verb = w(last + 1);
    let comma = verb == ",";
    if !(comma || verb.eq_ignore_ascii_case("is") || verb.eq_ignore_ascii_case("was")) {
        return None;
    }
    let det = w(last + 2);
    if !(det.eq_ignore_ascii_case("a") || det.eq_ignore_ascii_case("an")) {
        return None;
    }
    for k in last + 3..=last + 5 {
        let n = w(k);
        if n.is_empty() || !n.chars().all(|ch| ch.is_alphabetic() || ch == '-') {
            return None;
        }
        if let Some(kind) = super::mentions::place_noun_kind(lx, &n.to_lowercase()) {
            let next = w(k + 1);
            let fits = if comma {
                !next.is_empty() && next.chars().any(char::is_alphabetic) && after_noun(next)
            } else {
                after_noun(next)
            };
            if fits {
                return Some(kind);
            }
        }
    }
    None
}

/// Retypes the recogniser's organisations and people that a sentence defines as a place
/// ([`defined_as`]), then every other mention of the recogniser written the same way: a rule's
/// evidence, which the one-type-per-name vote then keeps. `out` is in text order; a bounded
/// look at the next six tokens of each mention, one hash lookup a mention after.
pub(super) fn defined_places(text: &str, toks: &[Tok], out: &mut [Cand], lx: &crate::Lexicon) {
    let retypable =
        |c: &Cand| c.source == Source::Model && c.head.is_none() && matches!(c.kind, Kind::Org | Kind::Person);
    let mut defined: rustc_hash::FxHashMap<&str, Kind> = rustc_hash::FxHashMap::default();
    for c in out.iter_mut() {
        if !retypable(c) {
            continue;
        }
        let Some(last) = super::tok_ending(toks, c.end) else { continue };
        if let Some(kind) = defined_as(text, toks, last, lx) {
            c.kind = kind;
            c.source = Source::Rule;
            defined.entry(&text[c.start..c.end]).or_insert(kind);
        }
    }
    if defined.is_empty() {
        return;
    }
    for c in out.iter_mut() {
        if retypable(c) {
            if let Some(&kind) = defined.get(&text[c.start..c.end]) {
                c.kind = kind;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Resources;

    use super::super::mentions::space_tokens as toks;

    fn model(a: usize, words: &str, kind: Kind) -> Cand {
        super::super::mentions::cand(a, a + words.len(), kind, Source::Model, 0)
    }

    #[test]
    fn a_name_a_sentence_defines_as_a_place_is_that_place_at_every_mention() {
        let res = Resources::embedded().expect("resources");
        let text = "Varnook is a small farming village in the north . Varnook had 265 people , and the Varnook Jets play rugby";
        let mut out = vec![
            model(0, "Varnook", Kind::Org),
            model(text.find("Varnook had").expect("second"), "Varnook", Kind::Org),
            model(text.find("Varnook Jets").expect("team"), "Varnook Jets", Kind::Org),
        ];
        defined_places(text, &toks(text), &mut out, &res.lexicon);
        assert_eq!(out.iter().map(|c| c.kind).collect::<Vec<_>>(), [Kind::Gpe, Kind::Gpe, Kind::Org]);
        // in capitals, and an apposition followed by a preposition
        let text = "KESHMOOR , A FISHING TOWN ON THE COAST , FLOODED";
        let mut out = vec![model(0, "KESHMOOR", Kind::Person)];
        defined_places(text, &toks(text), &mut out, &res.lexicon);
        assert_eq!(out[0].kind, Kind::Gpe);
        // no definition: a noun that goes on ("a field marshal"), an apposition about a person
        for text in ["Tomas Veld was a field marshal", "Tomas Veld , a village elder , said"] {
            let mut out = vec![model(0, "Tomas Veld", Kind::Person)];
            defined_places(text, &toks(text), &mut out, &res.lexicon);
            assert_eq!(out[0].kind, Kind::Person, "{text}");
        }
    }
}
