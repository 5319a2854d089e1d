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
