//! Reported speech: a cue verb outside quote marks and the clause it reports.
//!
//! The forms, each read off the tokens around the cue: "X said (on Monday) (that) CONTENT",
//! "X told reporters (that) CONTENT", "CONTENT, X said (on Wednesday).", the lead-sentence form
//! "CONTENT, the head of Y, X, said.", "CONTENT, said X.", "according to X, CONTENT" and
//! "CONTENT, according to X". A participle after a comma ("..., adding that CONTENT") reports
//! for the speaker of the cue before it in the sentence.

use dateline_text::Span;

use super::doc::Doc;
use super::marks::Region;
use super::phrase::{after_cue, name_like, object_after, speaker_chain, After, Cue};
use super::Found;

/// Reported speech in the sentences of the article.
pub(super) fn find(doc: &Doc, regions: &[Region], cues: &[Option<Cue>], used: &[bool], direct: &[Found]) -> Vec<Found> {
    let quoted = quoted_tokens(doc, regions);
    let mut out: Vec<Found> = Vec::new();
    for &(sa, sb) in &doc.sents {
        let lo = after_dateline(doc, sa, sb);
        let mut k = lo;
        while k < sb {
            let Some(c) = cues.get(k).copied().flatten() else {
                k += 1;
                continue;
            };
            if used.get(k).copied().unwrap_or(false) || quoted.get(k).copied().unwrap_or(false) {
                k = c.end;
                continue;
            }
            let found = if c.lemma == "according" {
                according(doc, c, lo, sb)
            } else {
                verb(doc, c, lo, sb, cues, direct, &out)
            };
            match found {
                Some(f) => {
                    let next = doc.tok_at(f.content.1).max(c.end);
                    out.push(f);
                    k = next;
                }
                None => k = c.end,
            }
        }
    }
    out
}

/// Which tokens are inside quote marks (their cues belong to the quoted speaker, not the frame).
fn quoted_tokens(doc: &Doc, regions: &[Region]) -> Vec<bool> {
    let mut q = vec![false; doc.toks.len()];
    for r in regions {
        let (a, b) = (doc.tok_at(r.content.0), doc.tok_at(r.content.1));
        for slot in q.iter_mut().take(b).skip(a) {
            *slot = true;
        }
    }
    q
}

/// Where a sentence's own words begin, past a wire dateline ("CITY (Agency) — ").
fn after_dateline(doc: &Doc, sa: usize, sb: usize) -> usize {
    let caps = |i: usize| doc.t(i).len() >= 2 && doc.t(i).chars().all(|c| !c.is_lowercase());
    if !(doc.is_word(sa) && caps(sa)) {
        return sa;
    }
    let mut i = sa;
    while i < sb && i - sa < 6 && (caps(i) || doc.t(i) == ",") {
        i += 1;
    }
    if doc.t(i) == "(" {
        while i < sb && i - sa < 40 && doc.t(i) != ")" {
            i += 1;
        }
        i += 1;
    }
    while i < sb && matches!(doc.t(i), "\u{2014}" | "\u{2013}" | "-" | ":") {
        i += 1;
    }
    if i > sa + 1 && i < sb {
        i
    } else {
        sa
    }
}

/// Content from token `a` to the sentence end `b`, without the final stop.
fn content_to_end(doc: &Doc, a: usize, b: usize) -> Option<Span> {
    let mut e = b;
    while e > a && matches!(doc.t(e - 1), "." | "!" | "?" | ",") {
        e -= 1;
    }
    if e <= a + 1 || doc.is_mark(a) && e - a < 3 {
        return None;
    }
    doc.span(a, e)
}

/// Content from the sentence start `a` up to (not including) token `e`, which is a comma.
fn content_before(doc: &Doc, a: usize, e: usize) -> Option<Span> {
    (e > a + 2 && doc.t(e) == ",").then(|| doc.span(a, e)).flatten()
}

fn according(doc: &Doc, c: Cue, lo: usize, hi: usize) -> Option<Found> {
    let cue = doc.span(c.start, c.end);
    let mut b = c.end;
    while b < hi && doc.is_word(b) && b - c.end < 12 {
        b += 1;
    }
    let speaker = doc.span(c.end, b);
    speaker?;
    if c.start == lo && doc.t(b) == "," {
        let content = content_to_end(doc, b + 1, hi)?;
        return Some(Found { kind: "indirect", content, cue, speaker });
    }
    if c.start > lo && doc.t(c.start - 1) == "," {
        let content = content_before(doc, lo, c.start - 1)?;
        return Some(Found { kind: "indirect", content, cue, speaker });
    }
    None
}

fn verb(
    doc: &Doc,
    c: Cue,
    lo: usize,
    hi: usize,
    cues: &[Option<Cue>],
    direct: &[Found],
    so_far: &[Found],
) -> Option<Found> {
    let cue = doc.span(c.start, c.end);
    // Direct speech right after the cue is the direct stage's.
    if matches!(doc.t(c.end), ":") || doc.is_mark(c.end) || doc.is_mark(c.end + 1) {
        return None;
    }
    // "..., adding that ...": the speaker of the previous cue in this sentence.
    if doc.t(c.start).ends_with("ing") && c.start > lo && doc.t(c.start - 1) == "," {
        let sent_start = doc.start(lo);
        let speaker = direct
            .iter()
            .chain(so_far)
            .rev()
            .find(|f| f.cue.is_some_and(|q| q.0 >= sent_start.saturating_sub(400) && q.1 <= doc.start(c.start)))
            .and_then(|f| f.speaker);
        let After::That(a) = after_cue(doc, c.end, hi) else { return None };
        let content = content_to_end(doc, a, hi)?;
        return Some(Found { kind: "indirect", content, cue, speaker });
    }
    if let Some(f) = inverted(doc, c, lo, hi) {
        return Some(f);
    }
    let chain = (c.start > lo).then(|| speaker_chain(doc, c.start, lo, cues)).flatten()?;
    let speaker = doc.span(chain.speaker.0, chain.speaker.1);
    let mut after = after_cue(doc, c.end, hi);
    if c.lemma == "tell" {
        after = after_object(doc, c.end, hi);
    }
    match after {
        After::That(a) => content_to_end(doc, a, hi).map(|content| Found { kind: "indirect", content, cue, speaker }),
        After::Bare(a) if super::cues::takes_bare_content(c.lemma) => {
            content_to_end(doc, a, hi).map(|content| Found { kind: "indirect", content, cue, speaker })
        }
        After::End if chain.start > lo + 2 && doc.t(chain.start - 1) == "," => {
            content_before(doc, lo, chain.start - 1).map(|content| Found { kind: "indirect", content, cue, speaker })
        }
        _ => None,
    }
}

/// "CONTENT, said X." and "CONTENT, said X, the head of Y.": the speaker follows the cue and
/// ends the sentence (or an apposition does).
fn inverted(doc: &Doc, c: Cue, lo: usize, hi: usize) -> Option<Found> {
    if c.start <= lo || doc.t(c.start - 1) != "," {
        return None;
    }
    let (a, b) = object_after(doc, c.end, hi)?;
    let ends = b >= hi || matches!(doc.t(b), "," | "." | "!" | "?") && (doc.t(b) == "," || b + 1 >= hi);
    if !ends || !(name_like(doc, a, b) || doc.is(a, &["the", "he", "she"])) {
        return None;
    }
    let content = content_before(doc, lo, c.start - 1)?;
    Some(Found { kind: "indirect", content, cue: doc.span(c.start, c.end), speaker: doc.span(a, b) })
}

/// After "told": skip the hearer ("reporters", "the newspaper", "Reuters") to the content.
fn after_object(doc: &Doc, from: usize, hi: usize) -> After {
    match after_cue(doc, from, hi) {
        After::Bare(a) => {
            let mut j = a;
            if doc.is(j, &["the", "a", "an"]) {
                j += 1;
            }
            while j < hi && j - a < 4 && (doc.is_cap(j) || j == a) {
                j += 1;
            }
            if doc.is(j, &["in", "on", "at"]) {
                // "told reporters in Geneva that": let the adverbial scan find "that".
                return match after_cue(doc, j, hi) {
                    After::That(x) => After::That(x),
                    _ => After::End,
                };
            }
            match after_cue(doc, j, hi) {
                After::That(x) => After::That(x),
                After::Bare(x) => After::Bare(x),
                After::End => After::End,
            }
        }
        other => other,
    }
}
