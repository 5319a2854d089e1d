//! Common words capitalised only because they open a sentence: "Delegates gathered in the hall",
//! "People lined the streets". The recogniser reads one sentence at a time and sometimes takes
//! such a word for a name; the article shows it is not when it writes the same word in lower case
//! elsewhere ("... the delegates voted") and never capitalises it anywhere but at a sentence's
//! start.

use std::collections::HashSet;

use super::{tok, Cand, Source, Tok};

/// Whether token `i` opens its sentence, or follows only the quote mark that opens it.
fn opens_sentence(text: &str, toks: &[Tok], i: usize) -> bool {
    let first = |k: usize| k == 0 || toks[k - 1].sentence != toks[k].sentence;
    first(i) || i >= 1 && is_mark(tok(text, toks, i - 1)) && first(i - 1)
}

fn is_mark(w: &str) -> bool {
    matches!(w, "\"" | "\u{201c}" | "\u{2018}" | "'" | "\u{ab}")
}

/// Drops the recogniser's one-word mentions whose every occurrence among the candidates opens a
/// sentence, when the article also writes the word in lower case as a word of its own.
pub(super) fn drop_sentence_initial_common_words(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    // The one-word model mentions, by text, and whether one of them stands mid-sentence.
    let mut opening_only: Vec<(&str, bool)> = Vec::new();
    for c in out.iter().filter(|c| c.source == Source::Model) {
        let Some(i) = super::tok_at(toks, c.start) else { continue };
        if toks[i].end != c.end {
            continue;
        }
        let w = &text[c.start..c.end];
        let opening = opens_sentence(text, toks, i);
        match opening_only.iter_mut().find(|(x, _)| *x == w) {
            Some(e) => e.1 &= opening,
            None => opening_only.push((w, opening)),
        }
    }
    // (mentions of other sources, or of several words, with the same text keep it a name)
    opening_only
        .retain(|(w, only)| *only && !out.iter().any(|c| c.source != Source::Model && &text[c.start..c.end] == *w));
    if opening_only.is_empty() {
        return;
    }
    // (their lower-case forms, looked for in one pass over the tokens: usually one or two words)
    let lowered: Vec<(String, &str)> = opening_only
        .into_iter()
        .map(|(w, _)| w)
        .filter(|w| w.chars().skip(1).all(char::is_lowercase))
        .map(|w| (w.to_lowercase(), w))
        .collect();
    let mut common: HashSet<&str> = HashSet::new();
    for i in 0..toks.len() {
        let t = tok(text, toks, i);
        if t.starts_with(char::is_lowercase) {
            if let Some((_, w)) = lowered.iter().find(|(l, _)| l == t) {
                common.insert(w);
            }
        }
    }
    if common.is_empty() {
        return;
    }
    out.retain(|c| c.source != Source::Model || !common.contains(&text[c.start..c.end]));
}

/// Whether `w` is the plural of an acronym ("MPs", "NGOs", "M.P.s"): two capitals or more
/// (periods allowed), then a lower-case "s".
fn plural_acronym(w: &str) -> bool {
    let Some(stem) = w.strip_suffix('s') else { return false };
    stem.bytes().filter(u8::is_ascii_uppercase).count() >= 2
        && stem.bytes().all(|b| b.is_ascii_uppercase() || b == b'.')
}

/// Drops the one-word mentions of the recogniser and of the organisation-name list that are the
/// plural of an acronym ("sitting MPs", "the NGOs that ..."; the list, compiled from the training
/// documents, has "MPs"): a class of people or bodies, not the name of one; kept when a rule
/// names it too (an acronym defined in parentheses). Two passes over `out`.
pub(super) fn drop_plural_acronyms(text: &str, out: &mut Vec<Cand>) {
    let named: HashSet<&str> = out
        .iter()
        .filter(|c| !matches!(c.source, Source::Model | Source::Lexicon) || c.alias_of.is_some())
        .map(|c| &text[c.start..c.end])
        .filter(|w| plural_acronym(w))
        .collect();
    out.retain(|c| {
        let w = &text[c.start..c.end];
        !matches!(c.source, Source::Model | Source::Lexicon)
            || c.alias_of.is_some()
            || !plural_acronym(w)
            || named.contains(w)
    });
}

/// Whether token `k` is written in capitals (a letter, none in lower case).
fn shouted(text: &str, toks: &[Tok], k: usize) -> bool {
    let w = tok(text, toks, k);
    w.chars().any(char::is_alphabetic) && w.chars().all(|c| !c.is_lowercase())
}

/// Drops one-word organisation mentions that are a pronoun or wh-word written in capitals among
/// other words in capitals ("DELEGATES, WHO MET ..."): in all-caps text "WHO" is the pronoun,
/// whichever source (the recogniser, propagation of the acronym) took it for the organisation.
pub(super) fn drop_shouted_function_words(text: &str, toks: &[Tok], out: &mut Vec<Cand>, lx: &crate::Lexicon) {
    out.retain(|c| {
        // (the cheap tests first: a short organisation's mention)
        if c.kind != super::Kind::Org || c.source == Source::Dateline || c.end - c.start > 8 {
            return true;
        }
        let Some(i) = super::tok_at(toks, c.start) else { return true };
        if toks[i].end != c.end || !shouted(text, toks, i) {
            return true;
        }
        let lower = text[c.start..c.end].to_lowercase();
        if !lx.quotes.wh.contains(&lower.as_str()) && !lx.quotes.pronouns.contains(&lower.as_str()) {
            return true;
        }
        let same = |k: usize| toks.get(k).is_some_and(|t| t.sentence == toks[i].sentence);
        let neighbour =
            (i > 0 && same(i - 1) && shouted(text, toks, i - 1)) || (same(i + 1) && shouted(text, toks, i + 1));
        !neighbour
    });
}

/// Whether `w`, written in capitals, is a verb the recogniser ran a name on over in all-caps
/// text ("ODHIAMBO RESIGNED"): a past form in "-ED" of five letters or more (not a
/// name such as "AHMED", "SAEED" or "UNITED"), or a verb of saying or reporting.
fn shouted_verb(w: &str, lx: &crate::Lexicon) -> bool {
    let lower = w.to_lowercase();
    let past = lower.len() >= 5
        && lower.ends_with("ed")
        && !lower.ends_with("eed")
        && !lower.ends_with("med")
        && !lower.ends_with("hed")
        && !matches!(lower.as_str(), "united" | "limited" | "incorporated");
    past || lx.entities.saying.contains(&lower.as_str()) || lx.entities.reporting.contains(&lower.as_str())
}

/// Ends a mention written in capitals before a verb it ran on over ([`shouted_verb`]): the
/// model cannot see case there, and a verb right after a subject is the commonest run-on. What
/// is left is dropped when it is a lone place head word ("RIVER FLOODED": "river", no name).
pub(super) fn trim_shouted_verbs(text: &str, toks: &[Tok], out: &mut Vec<Cand>, lx: &crate::Lexicon) {
    out.retain_mut(|c| {
        // (the cheap tests first: most mentions have a lower-case second letter, or one later)
        if text.as_bytes().get(c.start + 1).is_some_and(u8::is_ascii_lowercase)
            || text[c.start..c.end].chars().any(char::is_lowercase)
        {
            return true;
        }
        let (Some(first), Some(last)) = (super::tok_at(toks, c.start), super::tok_ending(toks, c.end)) else {
            return true;
        };
        let all_caps = (first..=last).all(|k| shouted(text, toks, k));
        if c.source == Source::Dateline || last == first || !all_caps || c.name_end != c.end {
            return true;
        }
        if !shouted_verb(tok(text, toks, last), lx) {
            return true;
        }
        c.end = toks[last - 1].end;
        c.name_end = c.end;
        let lone = last - 1 == first;
        !(lone && super::mentions::head_kind(lx, &tok(text, toks, first).to_lowercase()).is_some())
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Resources;

    use super::super::mentions::space_tokens as toks;

    fn org(text: &str, word: &str) -> Cand {
        super::super::mentions::model_cand(text, word, super::super::Kind::Org)
    }

    fn person(text: &str, words: &str) -> Cand {
        super::super::mentions::model_cand(text, words, super::super::Kind::Person)
    }

    #[test]
    fn the_plural_of_an_acronym_is_no_organisation() {
        // the recogniser's and the organisation list's "MPs", "NGOs": a class, not a name
        let text = "Several MPs and two NGOs backed the Tarvish Farmers Party";
        let mut out = vec![org(text, "MPs"), org(text, "NGOs"), org(text, "Tarvish Farmers Party")];
        out[1].source = Source::Lexicon;
        drop_plural_acronyms(text, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(&text[out[0].start..out[0].end], "Tarvish Farmers Party");
        // one acronym ("KFP"), or one a rule found (defined in parentheses), stays
        let text = "the Kestrel Farmers Parties ( KFPs ) and the KFP";
        let mut out = vec![org(text, "KFPs"), org(text, "KFP")];
        out[0].source = Source::Rule;
        drop_plural_acronyms(text, &mut out);
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn a_name_in_capitals_ends_before_its_verb() {
        // Issue 19: all-caps names cut wrong ("ODHIAMBO DEMANDED" read as one name).
        let res = Resources::embedded().expect("resources");
        let text = "AFTER THE VOTE , ODHIAMBO DEMANDED A RECOUNT";
        let mut out = vec![person(text, "ODHIAMBO DEMANDED")];
        trim_shouted_verbs(text, &toks(text), &mut out, &res.lexicon);
        assert_eq!(&text[out[0].start..out[0].end], "ODHIAMBO");
        // a name that ends in "-ED" stays whole, and so does mixed case
        let text = "TALKS WITH SAMIR AHMED RESUMED";
        let mut out = vec![person(text, "SAMIR AHMED")];
        trim_shouted_verbs(text, &toks(text), &mut out, &res.lexicon);
        assert_eq!(&text[out[0].start..out[0].end], "SAMIR AHMED");
        // a lone place word left over is no name
        let text = "THE RIVER FLOODED THE TOWN";
        let mut out = vec![person(text, "RIVER FLOODED")];
        trim_shouted_verbs(text, &toks(text), &mut out, &res.lexicon);
        assert!(out.is_empty());
    }

    #[test]
    fn a_pronoun_in_capitals_is_no_organisation() {
        let res = Resources::embedded().expect("resources");
        let text = "SOME DELEGATES , WHO MET ON FRIDAY , AGREED";
        let mut out = vec![org(text, "WHO")];
        drop_shouted_function_words(text, &toks(text), &mut out, &res.lexicon);
        assert!(out.is_empty());
        // the acronym in ordinary text is the organisation
        let text = "The WHO said cases had fallen";
        let mut out = vec![org(text, "WHO")];
        drop_shouted_function_words(text, &toks(text), &mut out, &res.lexicon);
        assert_eq!(out.len(), 1);
    }
}
