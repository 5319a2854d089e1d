//! The cue lexicon: verbs of saying, with their inflections and the misspellings news copy makes.
//!
//! A lexicon rather than a tagger: the verbs that introduce reported speech in news are a short,
//! stable list, and a lookup is both faster and easier to audit than a model. Inflections are
//! undone by suffix rules plus a few irregular forms; a one-letter slip ("stresed", "anounced")
//! is forgiven for longer words so that copy-editing errors do not lose a quote.

use dateline_ner::lexicon::WordMap;

/// The quote stage's lists of a set (`resources/lexicon/en/quotes/`).
type Lists = dateline_lexicon::en::quotes::Quotes;

/// Whether `lemma` reports its object when no clause follows (`quotes/object-too.txt`).
pub(super) fn object_too(lx: &Lists, lemma: &str) -> bool {
    lx.object_too.contains(&lemma)
}

/// Whether `lemma` attributes its object (`quotes/object.txt`).
pub(super) fn is_object(lx: &Lists, lemma: &str) -> bool {
    lx.object.contains(&lemma)
}

/// Whether `lemma` is a verb of thought or evidence (`quotes/belief.txt`).
pub(super) fn is_belief(lx: &Lists, lemma: &str) -> bool {
    lx.belief.contains(&lemma)
}

/// Whether `lemma` takes its content as a "to" infinitive (`quotes/intent.txt`).
pub(super) fn is_intent(lx: &Lists, lemma: &str) -> bool {
    lx.intent.contains(&lemma)
}

/// Whether `lemma` is a verb of saying (not of thought or intent only).
pub(super) fn is_speech(lx: &Lists, lemma: &str) -> bool {
    !is_belief(lx, lemma)
        && !matches!(lemma, "decline" | "intend" | "plan" | "refuse" | "seek" | "threaten" | "want" | "call on")
}

/// The lemma of `word` when it is a cue verb (any inflection, any case), else `None`.
///
/// Called at every word of every article, so it works in a stack buffer and allocates nothing.
pub(super) fn lemma(lx: &crate::Lexicon, word: &str) -> Option<&'static str> {
    let (t, lists) = (lx.cues(), &lx.quotes);
    if word.len() < 3 || word.len() > MAX_LEN || !word.bytes().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    if !word.bytes().any(|c| c.is_ascii_uppercase()) {
        return t.exact(word).or_else(|| t.fuzzy(lists, word));
    }
    let mut buf = [0u8; MAX_LEN];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    // ASCII letters only, so always UTF-8.
    let lower = std::str::from_utf8(lower).ok()?;
    t.exact(lower).or_else(|| t.fuzzy(lists, lower))
}

/// The longest word [`lemma`] looks at.
const MAX_LEN: usize = 20;

/// Whether `word` (a form of `lemma`) could be a plural noun rather than a verb.
pub(super) fn maybe_noun(lx: &Lists, word: &str, lemma: &str) -> bool {
    word.ends_with('s') && lx.nounish.contains(&lemma)
}

/// Whether `word` (a form of `lemma`) can report a bare clause ("warned the plan would fail"):
/// not the plain form of a lemma that is also a noun ("most state agencies hold ...").
pub(super) fn bare_clause_form(lx: &Lists, word: &str, lemma: &str) -> bool {
    !lx.nounish.contains(&lemma) || word.ends_with("ed")
}

/// Whether this lemma can take the content as its bare object.
pub(super) fn takes_bare_content(lx: &Lists, lemma: &str) -> bool {
    lx.bare_content.contains(&lemma)
}

/// `stem` when it is a cue lemma (`quotes/cue-lemmas.txt`). Only read while [`Tables`] are
/// built, so a lookup that needs no sorted file (a set loaded from disk may not be).
fn in_lexicon(lx: &Lists, stem: &str) -> Option<&'static str> {
    lx.cue_lemmas.iter().find(|l| **l == stem).copied()
}

/// Suffix rules that undo an inflection, tried in this order: (suffix, replacement).
const SUFFIXES: [(&str, &str); 8] =
    [("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")];

/// The first candidate stem of an inflected form that is a lemma, candidates taken in order:
/// the form itself, then per suffix rule the stem with its replacement and, for a doubled final
/// consonant, the stem without it. "stressed" → "stress", "stated" → "state", "denies" → "deny",
/// "admitted" → "admit", "noting" → "note".
fn stem_lemma(lx: &Lists, lower: &str) -> Option<&'static str> {
    if let Some(l) = in_lexicon(lx, lower) {
        return Some(l);
    }
    let mut buf = [0u8; MAX_LEN + 1];
    for (suffix, repl) in SUFFIXES {
        let Some(stem) = lower.strip_suffix(suffix) else { continue };
        if stem.len() < 2 {
            continue;
        }
        if let Some(l) = in_lexicon(lx, concat(&mut buf, stem, repl)) {
            return Some(l);
        }
        // Doubled final consonant: "admitted", "admitting".
        let b = stem.as_bytes();
        if repl.is_empty() && b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2] {
            if let Some(l) = in_lexicon(lx, &stem[..stem.len() - 1]) {
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
fn exact_by_rules(lx: &Lists, lower: &str) -> Option<&'static str> {
    if let Some((_, l)) = lx.cue_irregular_forms.iter().find(|(f, _)| *f == lower) {
        return Some(l);
    }
    stem_lemma(lx, lower)
}

/// The tables [`lemma`] reads, derived from a set's cue lists once per set
/// ([`crate::Lexicon`]): every exact form, and the forms a one-letter slip can be.
pub(crate) struct Tables {
    /// Every form with a lemma ([`exact_by_rules`] as one lookup).
    exact: WordMap<&'static str>,
    /// The "-ed" and "-s" forms of the lemmas of five letters or more: (form, lemma, past).
    forms: Vec<(String, &'static str, bool)>,
    /// The [`Tables::forms`] a one-edit slip can be, in order, with their [`letters`]: by
    /// whether the word ends in "-ed" (index 1) or not, then by its length, those forms of the
    /// same kind within one letter.
    forms_near: [Vec<Near>; 2],
}

impl Tables {
    pub(crate) fn new(lx: &Lists) -> Self {
        let forms = forms(lx);
        let forms_near = [false, true].map(|past| (0..=MAX_LEN).map(|n| forms_near(&forms, past, n)).collect());
        Tables { exact: exact_forms(lx), forms, forms_near }
    }

    fn exact(&self, lower: &str) -> Option<&'static str> {
        self.exact.get(lower).copied()
    }

    /// A one-edit misspelling of a cue form: only for words of six letters or more that end in
    /// "-ed" or "-s" (inflected, so most likely a verb), compared with the "-ed" and "-s" forms
    /// of lemmas of five letters or more, and only insertions, deletions and swaps of
    /// neighbours, which are what typing produces. Substitutions are left out because they turn
    /// real words into cues ("slated" → "stated", "wanted" → "warned").
    fn fuzzy(&self, lx: &Lists, lower: &str) -> Option<&'static str> {
        let long_enough =
            if lower.ends_with("ed") { lower.len() >= 6 } else { lower.len() >= 7 && lower.ends_with('s') };
        // "endorsers", "supporters": agent nouns, not a slip in a verb.
        if !long_enough || lx.not_typos.contains(&lower) || lower.ends_with("ers") {
            return None;
        }
        let past = lower.ends_with("ed");
        let near = self.forms_near.get(usize::from(past))?.get(lower.len())?;
        let mask = letters(lower);
        near.iter()
            .filter(|&&(_, form_mask)| letters_allow_typo(mask, form_mask))
            .map(|&(k, _)| &self.forms[k])
            .find(|(form, _, _)| one_typo(lower, form))
            .map(|&(_, l, _)| l)
    }
}

/// [`exact_by_rules`] as one lookup: every word with a lemma is an irregular form, a lemma, or
/// a lemma with a replacement undone and a suffix added (the doubled consonant too), so these
/// forms, each with what the rules say of it, are all of them.
fn exact_forms(lx: &Lists) -> WordMap<&'static str> {
    let mut forms: Vec<String> = lx.cue_irregular_forms.iter().map(|(f, _)| f.to_string()).collect();
    for l in &lx.cue_lemmas {
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
    forms.into_iter().filter_map(|f| exact_by_rules(lx, &f).map(|l| (f, l))).collect()
}

/// Indices of [`Tables::forms`] with their [`letters`].
type Near = Vec<(usize, u32)>;

/// The indices and [`letters`] of the `forms` of kind `past` whose length is within one of
/// `n`, in order.
fn forms_near(forms: &[(String, &'static str, bool)], past: bool, n: usize) -> Near {
    let near = |k: &usize| forms[*k].2 == past && forms[*k].0.len().abs_diff(n) <= 1;
    (0..forms.len()).filter(near).map(|k| (k, letters(&forms[k].0))).collect()
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

/// The "-ed" and "-s" forms of the lemmas of five letters or more: (form, lemma, past).
fn forms(lx: &Lists) -> Vec<(String, &'static str, bool)> {
    let mut out = Vec::new();
    // Only verbs of saying: a slip elsewhere turns real words into cues ("raised" / "praised").
    // (The verbs of saying that also report an object keep their forgiven slips: "stresed".)
    let speech = |l: &&&str| {
        is_speech(lx, l) && !is_object(lx, l) && !object_too(lx, l)
            || matches!(
                **l,
                "announce"
                    | "reveal"
                    | "confirm"
                    | "emphasize"
                    | "explain"
                    | "mention"
                    | "note"
                    | "recall"
                    | "reiterate"
                    | "stress"
                    | "suggest"
            )
    };
    for &l in lx.cue_lemmas.iter().filter(|l| l.len() >= 5).filter(speech) {
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
}

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

    #[test]
    fn lexicon_is_sorted() {
        let lx = crate::Lexicon::embedded();
        assert!(lx.quotes.cue_lemmas.windows(2).all(|w| w[0] < w[1]));
    }

    fn lemma(w: &str) -> Option<&'static str> {
        super::lemma(&crate::Lexicon::embedded(), w)
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
