//! Noun cues: a noun of saying whose "that" clause is reported speech ("the senator's claim that
//! ...", "a warning by the agency that ...", "amid fears that ..."), with its possessor or "by"
//! phrase as the speaker. Verb cues are in [`super::indirect`].

use dateline_text::Span;

use super::doc::Doc;
use super::indirect::content_to_end;
use super::phrase::{finite, is_adverb, Cue};
use super::Found;
use crate::QuoteKind;

/// Noun cues in the sentence `[lo, hi)`: "the senator's claim that CONTENT", "a claim by the
/// senator that CONTENT", "amid fears that CONTENT". The speaker is the possessor or the "by"
/// phrase, else unresolved. Only a complement clause counts ("the claim that he made" is a
/// relative clause), and a noun phrase that opens the sentence is skipped (its clause runs into
/// the sentence's own verb, which a linear scan cannot place).
pub(super) fn noun_cues(doc: &Doc, lo: usize, hi: usize, cues: &[Option<Cue>], quoted: &[bool]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut k = lo + 1;
    while k + 1 < hi {
        // The word after the noun first: it rules out almost every token at the cost of one compare.
        let candidate = doc.is(k + 1, &["that", "by", "from"]) && doc.is(k, &doc.lx.quotes.noun_cues);
        if !candidate || cues.get(k).is_some_and(Option::is_some) || quoted.get(k) == Some(&true) {
            k += 1;
            continue;
        }
        // "that" right after the noun, or after a "by X" / "from X" phrase.
        let (that, by) = if doc.is(k + 1, &["that"]) {
            (k + 1, None)
        } else if doc.is(k + 1, &["by", "from"]) {
            let Some(t) = (k + 2..hi.min(k + 9))
                .take_while(|&j| doc.is_word(j) || doc.is_possessive(j))
                .find(|&j| doc.is(j, &["that"]))
            else {
                k += 1;
                continue;
            };
            let ok = t > k + 2 && (doc.is_cap(k + 2) || doc.is(k + 2, &doc.lx.quotes.noun_determiners));
            if !ok {
                k += 1;
                continue;
            }
            (t, doc.span(k + 2, t))
        } else {
            k += 1;
            continue;
        };
        if let Some(f) = noun_cue(doc, (lo, hi), (k, that), by, cues, quoted) {
            k = doc.tok_at(f.content.1).max(k + 1);
            out.push(f);
        } else {
            k += 1;
        }
    }
    out
}

/// The attribution of the noun cue at token `k` whose "that" is at token `that`, if it is one.
fn noun_cue(
    doc: &Doc,
    (lo, hi): (usize, usize),
    (k, that): (usize, usize),
    by: Option<Span>,
    cues: &[Option<Cue>],
    quoted: &[bool],
) -> Option<Found> {
    // What governs the noun: a determiner or possessor (past up to two adjectives), a cue verb
    // ("rejected claims that") or a preposition before a bare plural ("amid fears that").
    let mut p = k - 1;
    for _ in 0..2 {
        if p > lo && is_modifier(doc, p) && cues.get(p).is_some_and(Option::is_none) {
            p -= 1;
        }
    }
    let plural = doc.t(k).ends_with('s');
    let (speaker, np) = if possessor(doc, p) {
        (possessor_span(doc, lo, p), possessor_start(doc, lo, p))
    } else if doc.is(p, &doc.lx.quotes.noun_determiners) {
        (None, p)
    } else if plural && (doc.is(p, &doc.lx.quotes.noun_prepositions) || cues.get(p).is_some_and(Option::is_some)) {
        (None, p + 1)
    } else {
        return None;
    };
    let speaker = by.or(speaker);
    // The noun phrase opens the sentence ("The claim that ... was false"): skip.
    let mut s = lo;
    while s < np && (doc.is(s, &["but", "and", "yet", "still", "so"]) || is_adverb(doc, s)) {
        s += 1;
    }
    // ... or is the subject of a clause ("said that Lee's claim that ... is false").
    // A cleft ("it was a concern that Lee would echo") is a relative clause.
    let cleft = np >= lo + 2 && doc.is(np - 1, &doc.lx.quotes.be) && doc.is(np - 2, &["it", "this", "that"]);
    if s == np || cleft || doc.is(np - 1, &doc.lx.quotes.clause_words) || doc.is(np - 1, &["whether", "if"]) {
        return None;
    }
    let a = that + 1;
    if quoted.get(a) == Some(&true) || !complement(doc, a, hi) {
        return None;
    }
    // The clause ends at the first stop outside quote marks ("her claim that she "never sent"
    // classified mail").
    let e = (a..hi)
        .find(|&j| {
            quoted.get(j) != Some(&true)
                && matches!(doc.t(j), "," | ";" | ":" | "(" | "-" | "--" | "\u{2014}" | "\u{2013}" | "\u{2015}")
        })
        .unwrap_or(hi);
    let content = content_to_end(doc, a, e)?;
    let words = doc.text.get(content.0..content.1).map_or(0, |s| s.split_whitespace().count());
    (words >= 3).then(|| Found { kind: QuoteKind::Indirect, content, cue: doc.span(k, k + 1), speaker })
}

/// A lowercase word that can modify a noun cue ("repeated", "latest", "false").
fn is_modifier(doc: &Doc, p: usize) -> bool {
    doc.is_word(p)
        && !doc.is_cap(p)
        && !doc.is(p, &doc.lx.quotes.noun_determiners)
        && !doc.is(p, &doc.lx.quotes.noun_prepositions)
        && !possessor(doc, p)
        && !doc.is(p, &doc.lx.quotes.prepositions)
        && !doc.is(p, &doc.lx.quotes.clause_words)
        && !finite(doc, p)
        && !doc.is(p, &doc.lx.quotes.be)
}

/// Whether token `p` is a possessor: a possessive pronoun or a word with "'s" (or a plural's "'").
fn possessor(doc: &Doc, p: usize) -> bool {
    let t = doc.t(p).replace('\u{2019}', "'");
    let contraction = ["it's", "he's", "she's", "that's", "there's", "what's", "who's", "let's", "here's"];
    doc.is(p, &["his", "her", "their", "its"])
        || doc.is_possessive(p)
        || t.ends_with("'s") && !contraction.iter().any(|c| c.eq_ignore_ascii_case(&t))
}

/// The first token of the possessor ending at `p`: "Sen. Ann Lee's", "the senator's".
fn possessor_start(doc: &Doc, lo: usize, p: usize) -> usize {
    if doc.is(p, &["his", "her", "their", "its"]) {
        return p;
    }
    let last = if doc.is_possessive(p) { p - 1 } else { p };
    let mut a = last;
    while a > lo && last - a < 5 && doc.is_cap(a - 1) && doc.is_cap(a) {
        a -= 1;
    }
    if a > lo && doc.is(a - 1, &["the", "a", "an"]) {
        a -= 1;
    }
    a
}

/// The possessor at `p` as a speaker span, without its "'s".
fn possessor_span(doc: &Doc, lo: usize, p: usize) -> Option<Span> {
    let a = possessor_start(doc, lo, p);
    if doc.is(p, &["his", "her", "their", "its"]) {
        return doc.span(p, p + 1);
    }
    if doc.is_possessive(p) {
        return doc.span(a, p);
    }
    let t = doc.t(p);
    let cut = if t.ends_with("\u{2019}s") { "\u{2019}s".len() } else { 2 };
    let end = doc.end(p) - cut;
    (doc.start(a) < end).then(|| Span(doc.start(a), end))
}

/// Whether the words from `a` (right after "that") open a complement clause ("the claim that the
/// plan will fail") rather than a relative one ("the claim that he made", "the report that was
/// released"): a subject, then within a few words a finite verb with something after it.
fn complement(doc: &Doc, a: usize, hi: usize) -> bool {
    if !doc.is_word(a)
        || finite(doc, a)
        || doc.is(a, &doc.lx.quotes.be)
        || doc.is(a, &doc.lx.quotes.prepositions)
        || doc.is(a, &doc.lx.quotes.clause_words)
    {
        return false;
    }
    let lower_verb = |j: usize| {
        let t = doc.t(j);
        !doc.is_cap(j)
            && (t.len() > 3 && t.ends_with("ed") || super::cues::lemma(doc.lx, t).is_some() && !t.ends_with("ing"))
    };
    // "that was released", "that appeared": a verb straight after "that" is a relative clause.
    if lower_verb(a) {
        return false;
    }
    let pronoun = doc.is(a, &doc.lx.quotes.that_subjects);
    // Find the verb: a finite auxiliary or a past form within five words of the subject.
    let from = a + 1;
    let mut v = None;
    for j in from..hi.min(from + 5) {
        if !doc.is_word(j) && !doc.is_possessive(j) {
            break;
        }
        if finite(doc, j) || lower_verb(j) || pronoun && j == from && !doc.is_cap(j) {
            v = Some(j);
            break;
        }
    }
    let Some(mut v) = v else { return false };
    // Past the verb group ("would not have won").
    while v + 1 < hi
        && (finite(doc, v + 1)
            || doc.is(v + 1, &["not", "n't", "be", "been", "have", "never"])
            || is_adverb(doc, v + 1))
    {
        v += 1;
    }
    if finite(doc, v) || doc.is(v, &["be", "been", "have"]) {
        v += 1;
    }
    if v >= hi || !doc.is_word(v) {
        return false;
    }
    // A verb that takes an object, with none after it, leaves the gap of a relative clause: "the
    // report that the agency released last week", "the promise that he made."
    let next = v + 1;
    let object = next < hi
        && doc.is_word(next)
        && !doc.is(next, &doc.lx.quotes.prepositions)
        && !doc.is(next, &doc.lx.quotes.adverbial);
    object && !is_adverb(doc, next) || !doc.is(v, &doc.lx.quotes.gap_verbs)
}
