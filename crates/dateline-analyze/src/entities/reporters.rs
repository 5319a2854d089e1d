//! Names that say or report something: "Okafor said", "The Ledger reported", "according to
//! Harbourwatch". The recogniser misses many names it never saw in training (small outlets,
//! unusual surnames), and an unrecognised speaker leaves a quote without a speaker. The
//! grammatical role is evidence of its own: a capitalised subject of a verb of saying is a
//! person or an organisation. These are fallbacks: a span any other source found wins.

use std::collections::HashSet;

use super::mentions::{cand, is_calendar_word};
use super::{capitalised, demonym, is_person_title, tok, Cand, Kind, Source, Tok};
use crate::quotes::is_first_name;

/// Whether `w` starts as a word of `entities/saying.txt` or `reporting.txt` or "to" may: a cheap first
/// test for every token.
fn may_be_cue(w: &str) -> bool {
    matches!(w.as_bytes().first(), Some(b's' | b't' | b'a' | b'w' | b'e' | b'i' | b'r' | b'p' | b'q' | b'c'))
}

/// Whether token `k` is a hyphen written inside a word ("Sun-Times"), between name words.
fn hyphen_joins(text: &str, toks: &[Tok], k: usize, lx: &crate::Lexicon) -> bool {
    k >= 1
        && k + 1 < toks.len()
        && tok(text, toks, k) == "-"
        && toks[k - 1].end == toks[k].start
        && toks[k].end == toks[k + 1].start
        && name_word(tok(text, toks, k + 1), lx)
}

/// A word that can be part of a name here: capitalised with a lower-case letter or an
/// acronym of two or more capitals, and not a function word, title, nationality or day or
/// month ("the ministry on Friday said").
fn name_word(w: &str, lx: &crate::Lexicon) -> bool {
    let acronym = w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase() || c == '-');
    (capitalised(w) && w.chars().any(char::is_lowercase) || acronym)
        && !is_person_title(w, lx)
        && demonym(w, lx).is_none()
        && !lx.entities.reporter_not_names.contains(&w)
        && !is_calendar_word(w)
}

/// Subjects of verbs of saying and reporting, and objects of "according to", that are
/// capitalised names no other source found (`taken` tells whether a byte span overlaps a
/// mention already found): runs of one to three name words.
pub(super) fn reporters(
    text: &str,
    toks: &[Tok],
    taken: impl Fn(usize, usize) -> bool,
    lx: &crate::Lexicon,
) -> Vec<Cand> {
    let mut out = Vec::new();
    let mut mid_sentence: Option<HashSet<&str>> = None;
    for v in 1..toks.len() {
        let verb = tok(text, toks, v);
        // (most words are none of these: the first letter turns them away)
        if !may_be_cue(verb) {
            continue;
        }
        let according = verb == "to" && v >= 1 && tok(text, toks, v - 1).eq_ignore_ascii_case("according");
        // `org`: "the" before the name, or a verb of reporting, says an organisation
        let (a, b, org) = if according {
            // "according to [the] X ..."
            let mut a = v + 1;
            if matches!(tok(text, toks, a), "the" | "The") {
                a += 1;
            }
            let mut b = a;
            while b < toks.len()
                && b - a < 3
                && toks[b].sentence == toks[v].sentence
                && name_word(tok(text, toks, b), lx)
            {
                b += 1;
                // "Sun-Times": a hyphen inside a word joins its parts
                if hyphen_joins(text, toks, b, lx) {
                    b += 2;
                }
            }
            // "according to X's report": a possessive names the source's owner; "according to
            // the X aide": the name is a modifier of a noun
            let next = tok(text, toks, b);
            let modifier = next.starts_with(char::is_lowercase) && !lx.entities.after_a_source.contains(&next);
            if b == a || next.starts_with('\'') || next.starts_with('\u{2019}') || modifier {
                continue;
            }
            (a, b, matches!(tok(text, toks, v + 1), "the" | "The"))
        } else {
            let reporting = lx.entities.reporting.contains(&verb);
            if !reporting && !lx.entities.saying.contains(&verb) {
                continue;
            }
            let b = v;
            let mut a = v;
            while a > 0
                && v - a < 3
                && toks[a - 1].sentence == toks[v].sentence
                && name_word(tok(text, toks, a - 1), lx)
            {
                a -= 1;
                if a >= 2 && hyphen_joins(text, toks, a - 1, lx) && name_word(tok(text, toks, a - 2), lx) {
                    a -= 2;
                }
            }
            if a == b {
                continue;
            }
            let the =
                a > 0 && toks[a - 1].sentence == toks[v].sentence && matches!(tok(text, toks, a - 1), "the" | "The");
            (a, b, reporting || the)
        };
        if taken(toks[a].start, toks[b - 1].end) {
            continue;
        }
        // A sentence's first word is capitalised whatever it is ("Mediator Okonkwo said"): it
        // is part of the name only when it is a first name or capitalised mid-sentence elsewhere
        // in the article (its own occurrence opens a sentence, so it is not in the set).
        let mut a = a;
        let opens_sentence = a == 0 || toks[a - 1].sentence != toks[a].sentence;
        if opens_sentence && !is_first_name(tok(text, toks, a)) {
            let seen = mid_sentence.get_or_insert_with(|| capitalised_mid_sentence(text, toks));
            if !seen.contains(tok(text, toks, a)) {
                a += 1;
                while a < b && tok(text, toks, a) == "-" {
                    a += 1;
                }
                if a == b {
                    continue;
                }
            }
        }
        let kind = kind_of(text, toks, a, b, org, lx);
        // as weak as the recogniser's own guesses: one type per name and the merge may overrule it
        out.push(cand(toks[a].start, toks[b - 1].end, kind, Source::Model, toks[a].sentence));
    }
    out
}

/// The type of the name `a..b`: an organisation when `org` (after "the": "the Ledger said"; a
/// verb of reporting: "X reported") or with an organisation word ("Harbour Survey"), a person when one word (a surname, most often) or
/// when the first word is a first name; other runs of several words are organisations.
fn kind_of(text: &str, toks: &[Tok], a: usize, b: usize, org: bool, lx: &crate::Lexicon) -> Kind {
    let org_word = (a..b).any(|k| lx.ner.org_words.contains(&tok(text, toks, k).to_lowercase().as_str()));
    if org || org_word {
        Kind::Org
    } else if b - a == 1 || is_first_name(tok(text, toks, a)) {
        Kind::Person
    } else {
        Kind::Org
    }
}

/// The capitalised words of the text that stand somewhere other than first in their sentence.
fn capitalised_mid_sentence<'t>(text: &'t str, toks: &[Tok<'t>]) -> HashSet<&'t str> {
    (1..toks.len())
        .filter(|&i| toks[i - 1].sentence == toks[i].sentence)
        .map(|i| tok(text, toks, i))
        .filter(|w| capitalised(w))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_letter_test_lets_every_cue_through() {
        let lx = crate::Lexicon::embedded_static();
        for w in lx.entities.saying.iter().chain(&lx.entities.reporting).chain(&["to"]) {
            assert!(may_be_cue(w), "{w}");
        }
    }
}
