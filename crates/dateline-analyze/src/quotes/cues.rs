//! The cue lexicon: verbs of saying, with their inflections and the misspellings news copy makes.
//!
//! A lexicon rather than a tagger: the verbs that introduce reported speech in news are a short,
//! stable list, and a lookup is both faster and easier to audit than a model. Inflections are
//! undone by suffix rules plus a few irregular forms; a one-letter slip ("stresed", "anounced")
//! is forgiven for longer words so that copy-editing errors do not lose a quote.

use std::sync::LazyLock;

use dateline_ner::lexicon::WordMap;

// `LEMMAS`: resources/lexicon/en/quotes/cue-lemmas.txt
use dateline_lexicon::en::quotes::CUE_LEMMAS as LEMMAS;

// `IRREGULAR`: resources/lexicon/en/quotes/cue-irregular-forms.tsv
use dateline_lexicon::en::quotes::CUE_IRREGULAR_FORMS as IRREGULAR;

// `BELIEF`: resources/lexicon/en/quotes/belief.txt
use dateline_lexicon::en::quotes::BELIEF;

// `INTENT`: resources/lexicon/en/quotes/intent.txt
use dateline_lexicon::en::quotes::INTENT;

// `OBJECT`: resources/lexicon/en/quotes/object.txt
use dateline_lexicon::en::quotes::OBJECT;

// `OBJECT_TOO`: resources/lexicon/en/quotes/object-too.txt
use dateline_lexicon::en::quotes::OBJECT_TOO;

/// Whether `lemma` reports its object when no clause follows ([`OBJECT_TOO`]).
pub(super) fn object_too(lemma: &str) -> bool {
    OBJECT_TOO.contains(&lemma)
}

/// Whether `lemma` attributes its object ([`OBJECT`]).
pub(super) fn is_object(lemma: &str) -> bool {
    OBJECT.contains(&lemma)
}

/// Whether `lemma` is a verb of thought or evidence ([`BELIEF`]).
pub(super) fn is_belief(lemma: &str) -> bool {
    BELIEF.contains(&lemma)
}

/// Whether `lemma` takes its content as a "to" infinitive ([`INTENT`]).
pub(super) fn is_intent(lemma: &str) -> bool {
    INTENT.contains(&lemma)
}

/// Whether `lemma` is a verb of saying (not of thought or intent only).
pub(super) fn is_speech(lemma: &str) -> bool {
    !is_belief(lemma)
        && !matches!(lemma, "decline" | "intend" | "plan" | "refuse" | "seek" | "threaten" | "want" | "call on")
}

// `BARE_CONTENT`: resources/lexicon/en/quotes/bare-content.txt
use dateline_lexicon::en::quotes::BARE_CONTENT;

/// The lemma of `word` when it is a cue verb (any inflection, any case), else `None`.
///
/// Called at every word of every article, so it works in a stack buffer and allocates nothing.
pub(super) fn lemma(word: &str) -> Option<&'static str> {
    if word.len() < 3 || word.len() > MAX_LEN || !word.bytes().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    if !word.bytes().any(|c| c.is_ascii_uppercase()) {
        return exact(word).or_else(|| fuzzy(word));
    }
    let mut buf = [0u8; MAX_LEN];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    // ASCII letters only, so always UTF-8.
    let lower = std::str::from_utf8(lower).ok()?;
    exact(lower).or_else(|| fuzzy(lower))
}

/// The longest word [`lemma`] looks at.
const MAX_LEN: usize = 20;

// `NOUNISH`: resources/lexicon/en/quotes/nounish.txt
use dateline_lexicon::en::quotes::NOUNISH;

/// Whether `word` (a form of `lemma`) could be a plural noun rather than a verb.
pub(super) fn maybe_noun(word: &str, lemma: &str) -> bool {
    word.ends_with('s') && NOUNISH.contains(&lemma)
}

/// Whether `word` (a form of `lemma`) can report a bare clause ("warned the plan would fail"):
/// not the plain form of a lemma that is also a noun ("most state agencies hold ...").
pub(super) fn bare_clause_form(word: &str, lemma: &str) -> bool {
    !NOUNISH.contains(&lemma) || word.ends_with("ed")
}

/// Whether this lemma can take the content as its bare object.
pub(super) fn takes_bare_content(lemma: &str) -> bool {
    BARE_CONTENT.contains(&lemma)
}

fn in_lexicon(stem: &str) -> Option<&'static str> {
    LEMMAS.binary_search(&stem).ok().map(|i| LEMMAS[i])
}

/// Suffix rules that undo an inflection, tried in this order: (suffix, replacement).
const SUFFIXES: [(&str, &str); 8] =
    [("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")];

/// The first candidate stem of an inflected form that is a lemma, candidates taken in order:
/// the form itself, then per suffix rule the stem with its replacement and, for a doubled final
/// consonant, the stem without it. "stressed" → "stress", "stated" → "state", "denies" → "deny",
/// "admitted" → "admit", "noting" → "note".
fn stem_lemma(lower: &str) -> Option<&'static str> {
    if let Some(l) = in_lexicon(lower) {
        return Some(l);
    }
    let mut buf = [0u8; MAX_LEN + 1];
    for (suffix, repl) in SUFFIXES {
        let Some(stem) = lower.strip_suffix(suffix) else { continue };
        if stem.len() < 2 {
            continue;
        }
        if let Some(l) = in_lexicon(concat(&mut buf, stem, repl)) {
            return Some(l);
        }
        // Doubled final consonant: "admitted", "admitting".
        let b = stem.as_bytes();
        if repl.is_empty() && b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2] {
            if let Some(l) = in_lexicon(&stem[..stem.len() - 1]) {
                return Some(l);
            }
        }
    }
    None
}

/// `a` followed by `b`, written into `buf` (which must hold both).
fn concat<'b>(buf: &'b mut [u8], a: &str, b: &str) -> &'b str {
    let n = a.len() + b.len();
    buf[..a.len()].copy_from_slice(a.as_bytes());
    buf[a.len()..n].copy_from_slice(b.as_bytes());
    std::str::from_utf8(&buf[..n]).unwrap_or_default()
}

/// The lemma of a lowercase cue form by the irregular forms and the suffix rules.
fn exact_by_rules(lower: &str) -> Option<&'static str> {
    if let Some((_, l)) = IRREGULAR.iter().find(|(f, _)| *f == lower) {
        return Some(l);
    }
    stem_lemma(lower)
}

/// [`exact_by_rules`] as one lookup: every word with a lemma is an irregular form, a lemma, or
/// a lemma with a replacement undone and a suffix added (the doubled consonant too), so these
/// forms, each with what the rules say of it, are all of them.
static EXACT: LazyLock<WordMap<&'static str>> = LazyLock::new(|| {
    let mut forms: Vec<String> = IRREGULAR.iter().map(|(f, _)| f.to_string()).collect();
    for l in LEMMAS {
        forms.push(l.to_string());
        for (suffix, repl) in SUFFIXES {
            if let Some(stem) = l.strip_suffix(repl) {
                forms.push(format!("{stem}{suffix}"));
            }
            if let (true, Some(last)) = (repl.is_empty(), l.chars().last()) {
                forms.push(format!("{l}{last}{suffix}"));
            }
        }
    }
    forms.into_iter().filter_map(|f| exact_by_rules(&f).map(|l| (f, l))).collect()
});

fn exact(lower: &str) -> Option<&'static str> {
    EXACT.get(lower).copied()
}

// `NOT_TYPOS`: resources/lexicon/en/quotes/not-typos.txt
use dateline_lexicon::en::quotes::NOT_TYPOS;

/// A one-edit misspelling of a cue form: only for words of six letters or more that end in
/// "-ed" or "-s" (inflected, so most likely a verb), compared with the "-ed" and "-s" forms of
/// lemmas of five letters or more, and only insertions, deletions and swaps of neighbours, which
/// are what typing produces. Substitutions are left out because they turn real words into cues
/// ("slated" → "stated", "wanted" → "warned").
fn fuzzy(lower: &str) -> Option<&'static str> {
    let long_enough = if lower.ends_with("ed") { lower.len() >= 6 } else { lower.len() >= 7 && lower.ends_with('s') };
    // "endorsers", "supporters": agent nouns, not a slip in a verb.
    if !long_enough || NOT_TYPOS.contains(&lower) || lower.ends_with("ers") {
        return None;
    }
    let past = lower.ends_with("ed");
    let near = FORMS_NEAR.get(usize::from(past))?.get(lower.len())?;
    let mask = letters(lower);
    near.iter()
        .filter(|&&(_, form_mask)| letters_allow_typo(mask, form_mask))
        .map(|&(k, _)| &FORMS[k])
        .find(|(form, _, _)| one_typo(lower, form))
        .map(|&(_, l, _)| l)
}

/// The [`FORMS`] a one-edit slip can be, in order, with their [`letters`]: by whether the word
/// ends in "-ed" (index 1) or not, then by its length, those forms of the same kind within one
/// letter.
static FORMS_NEAR: LazyLock<[Vec<Near>; 2]> =
    LazyLock::new(|| [false, true].map(|past| (0..=MAX_LEN).map(|n| forms_near(past, n)).collect()));

/// Indices of [`FORMS`] with their [`letters`].
type Near = Vec<(usize, u32)>;

/// The indices and [`letters`] of the [`FORMS`] of kind `past` whose length is within one of
/// `n`, in order.
fn forms_near(past: bool, n: usize) -> Near {
    let near = |k: &usize| FORMS[*k].2 == past && FORMS[*k].0.len().abs_diff(n) <= 1;
    (0..FORMS.len()).filter(near).map(|k| (k, letters(&FORMS[k].0))).collect()
}

/// The set of lowercase ASCII letters in `word`, one bit each.
fn letters(word: &str) -> u32 {
    word.bytes().filter(u8::is_ascii_lowercase).fold(0, |m, b| m | 1 << (b - b'a'))
}

/// A quick test that [`one_typo`] needs to pass: a swap keeps the letters, an inserted or
/// deleted letter adds or removes at most one of them.
fn letters_allow_typo(a: u32, b: u32) -> bool {
    (a ^ b).count_ones() <= 1
}

/// The "-ed" and "-s" forms of the lemmas of five letters or more, built once: (form, lemma, past).
static FORMS: LazyLock<Vec<(String, &'static str, bool)>> = LazyLock::new(|| {
    let mut out = Vec::new();
    // Only verbs of saying: a slip elsewhere turns real words into cues ("raised" / "praised").
    let speech =
        |l: &&&str| is_speech(l) && !is_object(l) && !object_too(l) || matches!(**l, "announce" | "reveal" | "confirm");
    for &l in LEMMAS.iter().filter(|l| l.len() >= 5).filter(speech) {
        let (past, third) = match l.strip_suffix('y') {
            Some(stem) => (format!("{stem}ied"), format!("{stem}ies")),
            None if l.ends_with('e') => (format!("{l}d"), format!("{l}s")),
            None if l.ends_with("ss") || l.ends_with("sh") || l.ends_with("ch") => (format!("{l}ed"), format!("{l}es")),
            None => (format!("{l}ed"), format!("{l}s")),
        };
        out.push((past, l, true));
        out.push((third, l, false));
    }
    out
});

/// True when `a` and `b` differ by one inserted or deleted letter or one swap of neighbours.
fn one_typo(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() == b.len() {
        // Exactly two differences, neighbours, swapped.
        let Some(i) = a.iter().zip(b).position(|(x, y)| x != y) else { return false };
        return i + 1 < a.len() && a[i] == b[i + 1] && a[i + 1] == b[i] && a[i + 2..] == b[i + 2..];
    }
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    if long.len() != short.len() + 1 {
        return false;
    }
    let i = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    short[i..] == long[i + 1..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_is_sorted() {
        assert!(LEMMAS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn inflections() {
        for (w, l) in [
            ("said", "say"),
            ("Says", "say"),
            ("told", "tell"),
            ("added", "add"),
            ("adding", "add"),
            ("stressed", "stress"),
            ("stated", "state"),
            ("noting", "note"),
            ("denies", "deny"),
            ("denied", "deny"),
            ("admitted", "admit"),
            ("emphasised", "emphasise"),
            ("warns", "warn"),
            ("wrote", "write"),
        ] {
            assert_eq!(lemma(w), Some(l), "{w}");
        }
    }

    #[test]
    fn misspellings_forgiven() {
        assert_eq!(lemma("stresed"), Some("stress"));
        assert_eq!(lemma("anounced"), Some("announce"));
        assert_eq!(lemma("insited"), Some("insist"));
        assert_eq!(lemma("explianed"), Some("explain"));
    }

    #[test]
    fn ordinary_words_are_not_cues() {
        for w in ["slated", "waited", "started", "listed", "rested", "voted", "the", "sad", "stores", "notes'"] {
            assert_eq!(lemma(w), None, "{w}");
        }
    }
}
