//! The cue lexicon: verbs of saying, with their inflections and the misspellings news copy makes.
//!
//! A lexicon rather than a tagger: the verbs that introduce reported speech in news are a short,
//! stable list, and a lookup is both faster and easier to audit than a model. Inflections are
//! undone by suffix rules plus a few irregular forms; a one-letter slip ("stresed", "anounced")
//! is forgiven for longer words so that copy-editing errors do not lose a quote.

use std::sync::LazyLock;

/// Lemmas of verbs that introduce what someone said, wrote, claimed, believed, found or intends
/// (PolNeAR's scope, and a news reader's: "officials believe that ...", "the poll found that ...",
/// "she plans to run"). Sorted for binary search. The verbs of thought and intent ([`BELIEF`],
/// [`INTENT`]) are held to stricter frames by the stages than verbs of saying.
const LEMMAS: &[&str] = &[
    "accuse",
    "acknowledge",
    "add",
    "admit",
    "affirm",
    "agree",
    "allege",
    "announce",
    "applaud",
    "argue",
    "ask",
    "assert",
    "believe",
    "blame",
    "blast",
    "boast",
    "caution",
    "charge",
    "chide",
    "cite",
    "claim",
    "comment",
    "complain",
    "concede",
    "conclude",
    "condemn",
    "confirm",
    "contend",
    "counter",
    "criticise",
    "criticize",
    "declare",
    "decline",
    "decry",
    "defend",
    "demand",
    "denounce",
    "deny",
    "deride",
    "describe",
    "disclose",
    "dismiss",
    "doubt",
    "elaborate",
    "emphasise",
    "emphasize",
    "endorse",
    "estimate",
    "exclaim",
    "expect",
    "explain",
    "express",
    "fear",
    "feel",
    "find",
    "forecast",
    "hail",
    "highlight",
    "hope",
    "imagine",
    "indicate",
    "insist",
    "intend",
    "joke",
    "know",
    "lambast",
    "lament",
    "maintain",
    "mention",
    "mock",
    "note",
    "observe",
    "oppose",
    "plan",
    "plead",
    "praise",
    "predict",
    "proclaim",
    "promise",
    "propose",
    "question",
    "quip",
    "realise",
    "realize",
    "rebuke",
    "recall",
    "reckon",
    "recognise",
    "recognize",
    "recommend",
    "recount",
    "refuse",
    "reiterate",
    "reject",
    "remark",
    "reply",
    "report",
    "respond",
    "retort",
    "reveal",
    "ridicule",
    "say",
    "seek",
    "show",
    "slam",
    "state",
    "stress",
    "suggest",
    "suspect",
    "tell",
    "testify",
    "think",
    "threaten",
    "tout",
    "tweet",
    "underline",
    "underscore",
    "understand",
    "urge",
    "vow",
    "want",
    "warn",
    "wonder",
    "worry",
    "write",
];

/// Irregular forms and their lemmas.
const IRREGULAR: &[(&str, &str)] = &[
    ("said", "say"),
    ("says", "say"),
    ("saying", "say"),
    ("told", "tell"),
    ("wrote", "write"),
    ("written", "write"),
    ("forecasts", "forecast"),
    ("thought", "think"),
    ("knew", "know"),
    ("felt", "feel"),
    ("found", "find"),
    ("sought", "seek"),
    ("understood", "understand"),
];

/// Verbs of thought, knowledge and evidence: they report a clause ("believes that ...", "the
/// survey found that ...", "thinks the plan will fail"), never a bare object, and they do not
/// frame quoted phrases (a scare quote near "think" is nobody's quote).
const BELIEF: &[&str] = &[
    "believe",
    "doubt",
    "expect",
    "fear",
    "feel",
    "find",
    "hope",
    "imagine",
    "know",
    "realise",
    "realize",
    "reckon",
    "recognise",
    "recognize",
    "show",
    "suspect",
    "think",
    "understand",
    "worry",
];

/// Verbs of intent: they report what their subject means to do, as a "to" infinitive ("plans
/// to run", "declined to comment", "wants voters to know").
const INTENT: &[&str] =
    &["decline", "expect", "hope", "intend", "plan", "promise", "refuse", "seek", "threaten", "vow", "want"];

/// Verbs of stance and judgement whose object is what is attributed ("criticised the plan",
/// "endorsed Smith", "accused the ministry of lying", "called for a recount").
const OBJECT: &[&str] = &[
    "accuse",
    "applaud",
    "blame",
    "blast",
    "call for",
    "chide",
    "cite",
    "condemn",
    "criticise",
    "criticize",
    "decry",
    "defend",
    "demand",
    "denounce",
    "deride",
    "dismiss",
    "endorse",
    "hail",
    "lambast",
    "mock",
    "oppose",
    "praise",
    "propose",
    "rebuke",
    "reject",
    "ridicule",
    "slam",
    "tout",
];

/// Verbs of saying whose object, when no clause follows, is what they report: "announced his
/// resignation", "described the plan as a failure", "the poll shows Smith ahead".
const OBJECT_TOO: &[&str] = &[
    "acknowledge",
    "announce",
    "confirm",
    "deny",
    "describe",
    "disclose",
    "estimate",
    "express",
    "forecast",
    "highlight",
    "predict",
    "recommend",
    "report",
    "reveal",
    "show",
];

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

/// Lemmas whose object can be the reported content itself, without "that": "X said the talks
/// failed", "X told reporters the talks failed". Others ("denied the report", "noted the
/// date") take a plain object that is not speech, so they need "that" or a quote.
const BARE_CONTENT: &[&str] = &["add", "argue", "assert", "claim", "contend", "insist", "say", "tell", "write"];

/// The lemma of `word` when it is a cue verb (any inflection, any case), else `None`.
pub(super) fn lemma(word: &str) -> Option<&'static str> {
    if word.len() < 3 || word.len() > 20 || !word.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    exact(&lower).or_else(|| fuzzy(&lower))
}

/// Lemmas whose "-s" form is more often a plural noun ("media reports", "the claims", "in 26
/// states"): that form counts as a cue only right after its subject.
const NOUNISH: &[&str] = &[
    "charge",
    "claim",
    "comment",
    "counter",
    "estimate",
    "forecast",
    "highlight",
    "note",
    "promise",
    "question",
    "remark",
    "report",
    "reply",
    "state",
    "tweet",
    "vow",
    "joke",
    "quip",
    "retort",
    "demand",
    "praise",
    "slam",
    "blast",
    "cite",
    "plan",
    "find",
    "fear",
    "hope",
    "doubt",
    "worry",
];

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

/// Candidate stems of an inflected form: "stressed" → "stress", "stated" → "state",
/// "denies" → "deny", "admitted" → "admit", "noting" → "note".
fn stems(lower: &str) -> impl Iterator<Item = String> + '_ {
    let mut out: Vec<String> = vec![lower.to_string()];
    for (suffix, repl) in
        [("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")]
    {
        if let Some(stem) = lower.strip_suffix(suffix) {
            if stem.len() >= 2 {
                out.push(format!("{stem}{repl}"));
                // Doubled final consonant: "admitted", "admitting".
                let b = stem.as_bytes();
                if repl.is_empty() && b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2] {
                    out.push(stem[..stem.len() - 1].to_string());
                }
            }
        }
    }
    out.into_iter()
}

fn exact(lower: &str) -> Option<&'static str> {
    if let Some((_, l)) = IRREGULAR.iter().find(|(f, _)| *f == lower) {
        return Some(l);
    }
    stems(lower).find_map(|s| in_lexicon(&s))
}

/// Real words one typing slip away from a cue form ("started" / "stated").
const NOT_TYPOS: &[&str] = &["started", "assets", "stared", "planed"];

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
    FORMS
        .iter()
        .filter(|(form, _, is_past)| *is_past == past && form.len().abs_diff(lower.len()) <= 1)
        .find(|(form, _, _)| one_typo(lower, form))
        .map(|&(_, l, _)| l)
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
        let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
        return diff.len() == 2 && diff[1] == diff[0] + 1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]];
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
