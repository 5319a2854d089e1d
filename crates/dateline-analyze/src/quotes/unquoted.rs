//! Direct speech printed without quote marks.
//!
//! Some outlets (translated wire copy above all) drop the marks around a statement and print the
//! speaker's first-person words before the attribution: `We will not bow to pressure, the
//! minister said.`, `Our door is open, he told reporters.` Reported speech shifts "I", "we" and
//! "our" to the third person ("he told reporters their door was open"), so reported content
//! before a verb of saying, or after a speaker's colon ("Lee: I will run again"), that speaks in
//! the first person outside any quote marks is the speaker's own words: a direct quote.
//!
//! The sentences after such a quote in its paragraph that go on in the first person, with no
//! attribution of their own (`We will not bow, the minister said. Our people have suffered
//! enough.`), are the same speaker's words: one direct quote with no cue of its own, which takes
//! the attribution's speaker. A cue inside those words that names no speaker, or only a pronoun
//! ("... and then he says I never called"), is the speaker's story, not a quote of its own, and
//! is dropped, as cues inside quote marks are.

use dateline_text::Span;

use super::doc::Doc;
use super::phrase::Cue;
use super::Found;
use crate::QuoteKind;

/// Whether token `i` is a first-person pronoun (`quotes/first-person.txt`; a contraction by its
/// first part, "I'm", "we've"). "us" counts in lower case only ("US" is the country), no other
/// word in capitals does ("ME" is a state), and "I" not right after a capitalised word that
/// does not open the sentence ("World War I", "Phase I").
fn first_person_at(doc: &Doc, i: usize, lo: usize) -> bool {
    let t = doc.t(i);
    let stem = t.split(['\'', '\u{2019}']).next().unwrap_or(t);
    if !doc.lx.quotes.first_person.contains_ignore_ascii_case(stem) {
        return false;
    }
    match stem {
        "I" => !(i > lo + 1 && doc.is_cap(i - 1)),
        "i" => false,
        "us" => true,
        _ if stem.eq_ignore_ascii_case("us") => false,
        _ => stem.len() == 1 || stem.chars().any(char::is_lowercase),
    }
}

/// Whether token `i` opens a single-quoted phrase (`‘...’`, or `'` before a word with no word
/// right before it: not an apostrophe).
fn single_open(doc: &Doc, i: usize) -> bool {
    match doc.t(i) {
        "\u{2018}" => true,
        "'" => doc.is_word(i + 1) && doc.end(i) == doc.start(i + 1) && !(i > 0 && doc.end(i - 1) == doc.start(i)),
        _ => false,
    }
}

/// Whether token `i` closes a single-quoted phrase (`’` or `'`, not a plural possessive).
fn single_close(doc: &Doc, i: usize) -> bool {
    matches!(doc.t(i), "\u{2019}" | "'") && !doc.is_possessive(i) && !single_open(doc, i)
}

/// Whether tokens `[a, b)` speak in the first person outside quote marks: outside the double
/// marks the article's regions pair (`quoted`) and outside single-quoted phrases ("Lee: rivals
/// ‘fear what we built’" quotes someone's words inside the claim), unless the single marks wrap
/// the whole content (a headline's `Lee: ‘We will win’` is all the speaker's words). `lo` is the
/// first token of the sentence. One pass, and one back to pair the single marks.
fn first_person(doc: &Doc, quoted: &[bool], a: usize, b: usize, lo: usize) -> bool {
    let (mut a, mut b) = (a, b);
    while b > a && matches!(doc.t(b - 1), "." | "," | "!" | "?") {
        b -= 1;
    }
    if b > a + 1 && single_open(doc, a) && single_close(doc, b - 1) {
        a += 1;
        b -= 1;
    }
    // The closing single mark after each token, if any (the next one in [i, b)).
    let mut close = vec![None; b.saturating_sub(a)];
    let mut next = None;
    for i in (a..b).rev() {
        if single_close(doc, i) {
            next = Some(i);
        }
        close[i - a] = next;
    }
    let mut i = a;
    while i < b {
        if single_open(doc, i) {
            if let Some(c) = close.get(i + 1 - a).copied().flatten() {
                i = c + 1;
                continue;
            }
        }
        if !quoted.get(i).copied().unwrap_or(false) && first_person_at(doc, i, lo) {
            return true;
        }
        i += 1;
    }
    false
}

/// Whether the speaker phrase `s` is the first or second person ("we", "I", "you"): words the
/// writer or the reader say are no attribution to someone else.
fn personal(doc: &Doc, s: Span) -> bool {
    doc.text.get(s.0..s.1).is_some_and(|w| matches!(w.trim().to_ascii_lowercase().as_str(), "i" | "we" | "you"))
}

/// The reported quotes in `found` that are direct speech without marks become
/// [`QuoteKind::Direct`]: content before the verb of saying and its speaker, or after the
/// speaker's colon, that speaks in the first person (with the fragment after the same
/// attribution, "Our plan, he said, will work"); each of those before its attribution is
/// followed by the first-person sentences of its paragraph that have no attribution of their
/// own, as one more direct quote of the same speaker; and quotes inside those words whose
/// speaker is none or a pronoun are dropped.
pub(super) fn speak_directly(doc: &Doc, quoted: &[bool], cues: &[Option<Cue>], found: &mut Vec<Found>) {
    let text = doc.text;
    // (cue, speaker) of the quotes turned, and which of them precede their attribution.
    let mut turned: Vec<(Span, Span)> = Vec::new();
    let mut hosts: Vec<Found> = Vec::new();
    for f in found.iter_mut().filter(|f| f.kind == QuoteKind::Indirect) {
        let (Some(c), Some(s)) = (f.cue, f.speaker) else { continue };
        let before = f.content.1 <= c.0 && f.content.1 <= s.0;
        let colon = c.1 <= f.content.0
            && text.get(c.1..f.content.0).is_some_and(|g| {
                let g = g.trim();
                g == ":" || g.is_empty() && text.get(c.0..c.1) == Some(":")
            });
        let speech = cues
            .get(doc.tok_at(c.0))
            .copied()
            .flatten()
            .is_some_and(|q| q.lemma != "according" && super::cues::is_speech(&doc.lx.quotes, q.lemma));
        if !(before && speech || colon) || personal(doc, s) {
            continue;
        }
        let (a, b) = (doc.tok_at(f.content.0), doc.tok_at(f.content.1));
        let lo = doc.sent_of(a).map_or(a, |k| doc.sents[k].0);
        if first_person(doc, quoted, a, b, lo) {
            f.kind = QuoteKind::Direct;
            turned.push((c, s));
            if before {
                hosts.push(*f);
            }
        }
    }
    if turned.is_empty() {
        return;
    }
    turned.sort_unstable_by_key(|t| (t.0 .0, t.1 .0));
    for f in found.iter_mut().filter(|f| f.kind == QuoteKind::Indirect) {
        if let (Some(c), Some(s)) = (f.cue, f.speaker) {
            if turned.binary_search_by_key(&(c.0, s.0), |t| (t.0 .0, t.1 .0)).is_ok_and(|k| turned[k] == (c, s)) {
                f.kind = QuoteKind::Direct;
            }
        }
    }
    // The cues of attributions that make a sentence someone's words of its own: a clause after
    // their content ("..., he added"), or a speaker who is more than a pronoun ("Lee said we
    // ..."; a pronoun may be someone the speaker tells of: "then he says I never called").
    // (The phrase's last word: "tomorrow he".)
    let pronoun = |s: Span| {
        let last = text.get(s.0..s.1).and_then(|w| w.split_whitespace().last());
        last.is_some_and(|w| doc.lx.quotes.pronouns.contains_ignore_ascii_case(w))
    };
    let mut attributed: Vec<usize> = found
        .iter()
        .filter_map(|f| {
            let (c, s) = (f.cue?, f.speaker?);
            (f.content.1 <= c.0 || !pronoun(s)).then_some(c.0)
        })
        .collect();
    attributed.sort_unstable();
    hosts.sort_by_key(|h| h.content.0);
    let mut spoken: Vec<Span> = Vec::new();
    let mut done = 0;
    let mut more = Vec::new();
    for h in &hosts {
        let Some(c) = h.cue else { continue };
        let Some(si) = doc.sent_of(doc.tok_at(c.0)) else { continue };
        // (Each sentence is read once: a later host in a sentence already read goes no further.)
        if si < done {
            continue;
        }
        let para_end = doc.paragraph_end(c.0);
        let mut last = None;
        let mut j = si + 1;
        while let Some(&(sa, sb)) = doc.sents.get(j) {
            if doc.start(sa) >= para_end || !continues(doc, quoted, &attributed, sa, sb) {
                break;
            }
            last = Some(j);
            j += 1;
        }
        done = j;
        let Some(l) = last else { continue };
        let (a, b) = (doc.sents[si + 1].0, doc.sents[l].1);
        let mut e = b;
        while e > a && matches!(doc.t(e - 1), "." | "!" | "?") {
            e -= 1;
        }
        if let Some(content) = doc.span(a, e) {
            more.push(Found { kind: QuoteKind::Direct, content, cue: None, speaker: h.speaker });
            spoken.push(content);
        }
    }
    spoken.extend(hosts.iter().map(|h| h.content));
    let spoken = super::SpanIndex::new(spoken.into_iter());
    // (As inside quote marks, a pronoun there may stand for anyone in the speaker's story.)
    found.retain(|f| {
        f.kind == QuoteKind::Direct || f.speaker.is_some_and(|s| !pronoun(s)) || !spoken.contains_any(f.content)
    });
    found.extend(more);
}

/// Whether the sentence `[sa, sb)` goes on with the words of a quote without marks before it:
/// it has no quote mark, no attribution of its own (`attributed`, sorted cue starts), and a
/// first-person pronoun.
fn continues(doc: &Doc, quoted: &[bool], attributed: &[usize], sa: usize, sb: usize) -> bool {
    let from = attributed.partition_point(|&c| c < doc.start(sa));
    if attributed.get(from).is_some_and(|&c| c < doc.end(sb.saturating_sub(1))) {
        return false;
    }
    if (sa..sb).any(|i| doc.is_mark(i) || quoted.get(i).copied().unwrap_or(false)) {
        return false;
    }
    (sa..sb).any(|i| first_person_at(doc, i, sa))
}
