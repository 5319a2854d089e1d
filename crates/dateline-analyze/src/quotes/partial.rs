//! Partial quotes: a short quoted phrase inside a sentence whose frame says whose words they are.
//!
//! "conditions described by the agency as "dire"" (cue "described by", speaker the agency),
//! "X called the plan "reckless"" (cue "called", speaker X), "X warned of "grave consequences""
//! (any cue verb before the phrase, speaker its subject). A quoted phrase with no such frame
//! (a title, a scare quote) is not reported: it is nobody's quote that we can honestly name.

use super::doc::Doc;
use super::marks::Region;
use super::phrase::{subject_before, Cue};
use super::Found;

/// Verbs that frame a quoted characterisation ("called it "a disgrace"").
pub(super) const NAMING: &[&str] = &[
    "call",
    "calls",
    "called",
    "calling",
    "describe",
    "describes",
    "described",
    "describing",
    "dub",
    "dubbed",
    "term",
    "termed",
    "label",
    "labelled",
    "labeled",
    "brand",
    "branded",
];

/// Partial quotes among the regions not already taken by `found`.
pub(super) fn find(doc: &Doc, regions: &[Region], cues: &[Option<Cue>], found: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    let taken = super::SpanIndex::new(found.iter().map(|f| f.content));
    for r in regions {
        if taken.touches_any(r.content) {
            continue;
        }
        let open = doc.tok_at(r.open);
        let Some(s) = doc.sent_of(open) else { continue };
        let (sa, _) = doc.sents[s];
        if let Some(f) = frame(doc, r, open, sa, cues) {
            out.push(f);
        }
    }
    out
}

/// The nearest naming verb or cue before the phrase in its sentence, with its speaker.
fn frame(doc: &Doc, r: &Region, open: usize, sa: usize, cues: &[Option<Cue>]) -> Option<Found> {
    let mut k = open;
    while k > sa {
        k -= 1;
        if doc.is(k, NAMING) && !doc.is_cap(k) {
            // "described by X as": the agent after "by" is the speaker.
            if doc.is(k + 1, &["by"]) {
                let from = k + 2;
                let mut e = from;
                while e < open && !doc.is(e, &["as"]) && doc.is_word(e) {
                    e += 1;
                }
                if doc.is(e, &["as"]) && e > from {
                    let content = r.content;
                    return Some(Found {
                        kind: "partial",
                        content,
                        cue: doc.span(k, k + 2),
                        speaker: doc.span(from, e),
                    });
                }
            }
            let speaker = subject_before(doc, k, sa, cues).and_then(|(a, b)| doc.span(a, b));
            return Some(Found { kind: "partial", content: r.content, cue: doc.span(k, k + 1), speaker });
        }
        if let Some(c) = cues.get(k).copied().flatten() {
            // A verb of thought or intent frames no quoted phrase ("voters who think the
            // "establishment" is to blame"): scare quotes stay nobody's.
            if !super::cues::is_speech(c.lemma) || super::cues::is_belief(c.lemma) {
                continue;
            }
            if c.lemma == "according" {
                return None;
            }
            let speaker = subject_before(doc, c.start, sa, cues).and_then(|(a, b)| doc.span(a, b));
            speaker?;
            return Some(Found { kind: "partial", content: r.content, cue: doc.span(c.start, c.end), speaker });
        }
    }
    None
}
