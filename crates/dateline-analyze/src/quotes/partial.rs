//! Partial quotes: a short quoted phrase inside a sentence whose frame says whose words they are.
//!
//! "conditions described by the agency as "dire"" (cue "described by", speaker the agency),
//! "X called the plan "reckless"" (cue "called", speaker X), "X warned of "grave consequences""
//! (any cue verb before the phrase, speaker its subject). A quoted phrase with no such frame
//! (a title, a scare quote) is not reported: it is nobody's quote that we can honestly name.

use dateline_text::Span;

use super::doc::Doc;
use super::marks::Region;
use super::phrase::{subject_before, Cue};
use super::Found;
use crate::QuoteKind;

/// The most words a quoted phrase inside reported speech may have to be reported on its own.
const MAX_INNER_WORDS: usize = 12;

/// "said the talks were "a farce"": a short quoted phrase inside the content of reported speech
/// is also reported on its own, as the same speaker's partial quote with the same cue: those are
/// the words the speaker is quoted as using.
pub(super) fn inside_reported(text: &str, regions: &[Region], reported: &[Found], lx: &crate::Lexicon) -> Vec<Found> {
    let mut out = Vec::new();
    // Reported contents by start, so each region looks only at the few that start before it.
    let mut by_start: Vec<&Found> = reported.iter().collect();
    by_start.sort_by_key(|f| f.content.0);
    for r in regions {
        let k = by_start.partition_point(|f| f.content.0 <= r.open);
        let Some(f) = by_start[..k].iter().rev().take(4).find(|f| r.content.1 <= f.content.1) else { continue };
        let words = text.get(r.content.0..r.content.1).map_or(0, |s| s.split_whitespace().count());
        // A verb of thought frames scare quotes ("voters think the "reform" is a sham"), and a
        // lone quoted word is more often a scare quote than someone's words.
        let lemma = f.cue.and_then(|c| text.get(c.0..c.1)).and_then(|w| super::cues::lemma(lx, w.split(' ').next()?));
        let speech =
            lemma.is_some_and(|l| super::cues::is_speech(&lx.quotes, l) && !super::cues::is_belief(&lx.quotes, l));
        if !(2..=MAX_INNER_WORDS).contains(&words) || !speech || r.continues || f.speaker.is_none() {
            continue;
        }
        out.push(Found { kind: QuoteKind::Partial, content: r.content, cue: f.cue, speaker: f.speaker });
    }
    out
}

/// Whether `word` is a noun for what someone said (the cue of a possessed phrase).
pub(super) fn is_said_noun(lx: &crate::Lexicon, word: &str) -> bool {
    lx.quotes.said_nouns.contains(&word)
}

/// The longest quoted phrase of this kind, in bytes.
const MAX_POSSESSED: usize = 120;

/// "Lee's "reckless gamble" remarks", "Lee's 'reckless gamble' comments": a quoted phrase between a
/// person's possessive and a noun for what was said is that person's partial quote, with the noun
/// as its cue. Single quote marks count here (the frame rules out apostrophes), and the phrase
/// counts even inside someone else's reported speech ("declined to comment on Lee's "..."
/// remarks": the words are still Lee's).
pub(super) fn possessed(text: &str, lx: &crate::Lexicon) -> Vec<Found> {
    let mut out = Vec::new();
    for (open, close_mark) in opening_marks(text) {
        let lo = ceil(text, open.saturating_sub(LOOK_BACK));
        let before = text[lo..open].trim_end_matches(' ');
        let Some(owner_end) =
            before.strip_suffix("'s").or_else(|| before.strip_suffix("\u{2019}s")).map(|b| lo + b.len())
        else {
            continue;
        };
        if lo + before.len() == open {
            continue; // "Lee's"" with no space: not a possessive before a quote
        }
        let Some((inner_start, inner, after)) = phrase_from(text, open, close_mark) else { continue };
        if inner.trim().is_empty() || inner.contains(['\n', '"', '\u{201c}', '\u{201d}']) {
            continue;
        }
        let rest = &text[after..];
        let noun_start = after + (rest.len() - rest.trim_start_matches(' ').len());
        let noun: &str = text[noun_start..].split(|ch: char| !ch.is_alphabetic()).next().unwrap_or("");
        if noun_start == after || !lx.quotes.said_nouns.contains(&noun) {
            continue;
        }
        // The possessor: the capitalised words right before "'s" ("Prime Minister Ana Ruiz").
        let (mut owner_start, mut head_end) = (owner_end, owner_end);
        for _ in 0..4 {
            let head = &text[lo..head_end.max(lo)];
            let ws = lo + head.rfind([' ', '\n']).map_or(0, |i| i + 1);
            let head = &text[..head_end.max(lo)];
            let w = &head[ws..];
            if !w.starts_with(char::is_uppercase) || w.contains(['.', ',']) {
                break;
            }
            owner_start = ws;
            if ws <= lo || text[..ws].ends_with('\n') {
                break;
            }
            head_end = ws - 1;
        }
        if owner_start >= owner_end {
            continue;
        }
        let content = trimmed(inner, inner_start);
        out.push(Found {
            kind: QuoteKind::Partial,
            content,
            cue: Some(Span(noun_start, noun_start + noun.len())),
            speaker: Some(Span(owner_start, owner_end)),
        });
    }
    out
}

/// "what he called 'economic motives'", "Lee dubbed it "a farce"": a quoted phrase right after a
/// naming verb (and "it"/"them") whose subject is a pronoun or a capitalised name just before
/// the verb is that speaker's partial quote, with the verb as its cue. Single marks count (the
/// frame rules out apostrophes: the closing mark must end a word), and the phrase counts inside
/// someone else's reported speech, where the region-based partial quotes do not look.
pub(super) fn named(text: &str, lx: &crate::Lexicon) -> Vec<Found> {
    let mut out = Vec::new();
    for (open, close_mark) in opening_marks(text) {
        // Only the words just before the mark are read (a bounded look-back keeps a text of
        // marks and no spaces linear).
        let lo = ceil(text, open.saturating_sub(LOOK_BACK));
        let mut before = text[lo..open].trim_end_matches(' ');
        if lo + before.len() == open {
            continue;
        }
        for object in [" it", " them"] {
            before = before.strip_suffix(object).unwrap_or(before);
        }
        let verb_start = lo + before.rfind([' ', '\n']).map_or(0, |i| i + 1);
        let before = &text[..lo + before.len()];
        let verb = &before[verb_start..];
        if !lx.quotes.naming_right_before.contains(&verb) {
            continue;
        }
        // The subject: a pronoun or up to three capitalised words right before the verb.
        let head = text[..verb_start].trim_end_matches(' ');
        let subject_end = head.len();
        let mut subject_start = subject_end;
        for _ in 0..3 {
            let ws = text[lo..subject_start.max(lo)].trim_end_matches(' ');
            let from = lo + ws.rfind([' ', '\n', '(', ',']).map_or(0, |i| i + 1);
            let ws = &text[..lo + ws.len()];
            let w = &ws[from..];
            if matches!(w, "he" | "she" | "they" | "He" | "She" | "They") && subject_start == subject_end {
                subject_start = from;
                break;
            }
            if !w.starts_with(char::is_uppercase) || w.ends_with('.') && w.len() > 4 {
                break;
            }
            subject_start = from;
        }
        if subject_start >= subject_end {
            continue;
        }
        let Some((inner_start, inner, after)) = phrase_from(text, open, close_mark) else { continue };
        let inner = inner.trim_end_matches([',', '.']);
        let ends_word = !text[after..].starts_with(char::is_alphanumeric);
        if inner.trim().is_empty() || !ends_word || inner.contains(['\n', '"', '\u{201c}', '\u{201d}']) {
            continue;
        }
        let content = trimmed(inner, inner_start);
        out.push(Found {
            kind: QuoteKind::Partial,
            content,
            cue: Some(Span(verb_start, verb_start + verb.len())),
            speaker: Some(Span(subject_start, subject_end)),
        });
    }
    out
}

/// The closing mark that goes with the opening mark `c`, when `c` opens a quote.
/// Every quote mark that can open a phrase, with the mark that closes it: (byte offset, closing
/// mark). The marks' first bytes are found by `memchr` (`"`, `'`, and the 0xE2 that starts
/// U+2018 and U+201C): the text is read as bytes, not decoded char by char. Those bytes never
/// continue a UTF-8 sequence, so every hit is a char boundary.
fn opening_marks(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    memchr::memchr3_iter(b'"', b'\'', 0xE2, text.as_bytes())
        .filter_map(|i| text.get(i..)?.chars().next().and_then(closing_mark).map(|close| (i, close)))
}

fn closing_mark(c: char) -> Option<char> {
    match c {
        '\u{201c}' => Some('\u{201d}'),
        '\u{2018}' => Some('\u{2019}'),
        '"' | '\'' => Some(c),
        _ => None,
    }
}

/// The phrase after the opening mark at `open` up to its closing mark `close`, within
/// [`MAX_POSSESSED`] bytes: (where it starts, the phrase, the byte after the closing mark).
fn phrase_from(text: &str, open: usize, close: char) -> Option<(usize, &str, usize)> {
    let start = open + text[open..].chars().next()?.len_utf8();
    let window = &text[start..floor(text, start + MAX_POSSESSED)];
    let k = window.find(close)?;
    Some((start, &window[..k], start + k + close.len_utf8()))
}

/// The span of `inner` (which starts at byte `start`) without its surrounding whitespace.
fn trimmed(inner: &str, start: usize) -> Span {
    Span(start + (inner.len() - inner.trim_start().len()), start + inner.trim_end().len())
}

/// How far back (bytes) before a quote mark its frame is read.
const LOOK_BACK: usize = 200;

/// `at` moved forward to a char boundary of `text` (and at most its length).
fn ceil(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// `to` moved back to a char boundary of `text` (and at most its length).
fn floor(text: &str, to: usize) -> usize {
    let mut to = to.min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    to
}

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

/// The fewest words a quoted phrase framed by a verb of saying (not a naming verb) must have.
const MIN_FRAMED_WORDS: usize = 3;

/// The nearest naming verb or cue before the phrase in its sentence, with its speaker.
fn frame(doc: &Doc, r: &Region, open: usize, sa: usize, cues: &[Option<Cue>]) -> Option<Found> {
    let mut k = open;
    while k > sa {
        k -= 1;
        if doc.is(k, &doc.lx.quotes.naming) && !doc.is_cap(k) {
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
                        kind: QuoteKind::Partial,
                        content,
                        cue: doc.span(k, k + 2),
                        speaker: doc.span(from, e),
                    });
                }
            }
            let speaker = speaker_of(doc, k, sa, cues);
            if let Some(content) = named_object(doc, k, open, r) {
                return Some(Found { kind: QuoteKind::Indirect, content, cue: doc.span(k, k + 1), speaker });
            }
            return Some(Found { kind: QuoteKind::Partial, content: r.content, cue: doc.span(k, k + 1), speaker });
        }
        if let Some(c) = cues.get(k).copied().flatten() {
            // A verb of thought or intent frames no quoted phrase ("voters who think the
            // "establishment" is to blame"): scare quotes stay nobody's.
            if !super::cues::is_speech(&doc.lx.quotes, c.lemma) || super::cues::is_belief(&doc.lx.quotes, c.lemma) {
                continue;
            }
            if c.lemma == "according" {
                return None;
            }
            // A verb of saying that does not report the phrase as its clause ("the aide said
            // little about the "reset"") frames one or two quoted words as a term, a title or a
            // scare quote more often than as the speaker's words.
            let words = doc.text.get(r.content.0..r.content.1).map_or(0, |s| s.split_whitespace().count());
            if words < MIN_FRAMED_WORDS {
                return None;
            }
            let speaker = speaker_of(doc, c.start, sa, cues);
            speaker?;
            return Some(Found {
                kind: QuoteKind::Partial,
                content: r.content,
                cue: doc.span(c.start, c.end),
                speaker,
            });
        }
    }
    None
}

/// The speaker of the verb at token `k` in the sentence starting at `sa`: its subject, except
/// that a participle after a comma ("X said ..., noting it "..."", "X toured ..., declaring it
/// "..."", "X attacked Y, calling him "...""), speaks for the subject of the cue before it in the
/// sentence, else for the sentence's subject, not for the noun just before its comma.
pub(super) fn speaker_of(doc: &Doc, k: usize, sa: usize, cues: &[Option<Cue>]) -> Option<Span> {
    if doc.t(k).ends_with("ing") && k > sa && doc.t(k - 1) == "," {
        super::direct::prior_cue(k, sa, cues)
            .and_then(|p| subject_before(doc, p.start, sa, cues))
            .and_then(|(a, b)| doc.span(a, b))
            .or_else(|| super::indirect::sentence_subject(doc, sa, k))
    } else {
        subject_before(doc, k, sa, cues).and_then(|(a, b)| doc.span(a, b))
    }
}

/// Whether `w` is a naming verb that may take an object before its quoted name ("called Lee
/// "a clown"", "dubbed the plan "a farce""): `quotes/naming-right-before.txt` and the plain forms
/// of "call", "dub", "term", "label", "brand".
pub(super) fn naming_verb(lx: &crate::Lexicon, w: &str) -> bool {
    use super::doc::WordSet;
    lx.quotes.naming_right_before.has_ignore_ascii_case(w)
        || ["call", "calling", "dub", "term", "label", "brand"].has_ignore_ascii_case(w)
}

/// The most tokens between a naming verb and its quoted phrase read as the verb's object.
const MAX_NAMED_OBJECT: usize = 12;

/// "X called the visiting minister "a great friend" of the port": a naming verb with an object
/// before the quoted phrase says what it calls whom, so what is reported is the object with its
/// name, to the end of the clause when words follow the closing mark; the quoted words alone
/// would drop whom they were said about. So too with one word or a pronoun ("called Lee "a
/// clown"", "called it "a farce"": PolNeAR's content holds the object as well). "termed the claims
/// as "..."" keeps the quoted words alone (an object beside "as"), as do "called for" and "calls
/// from ...", where the verb is not naming.
fn named_object(doc: &Doc, k: usize, open: usize, r: &Region) -> Option<Span> {
    if !naming_verb(doc.lx, doc.t(k)) {
        return None;
    }
    let (from, mark) = (k + 1, doc.mark_start(open));
    if mark <= from || mark - from > MAX_NAMED_OBJECT || doc.is(from, &doc.lx.quotes.prepositions) {
        return None;
    }
    let words = (from..mark)
        .filter(|&j| doc.is_word(j) && !doc.is(j, &doc.lx.quotes.determiners) && !doc.is(j, &doc.lx.quotes.pronouns))
        .filter(|&j| !doc.is(j, &["as"]))
        .count();
    let object = (from..mark).any(|j| doc.is_word(j)) && !(from..mark).any(|j| doc.is(j, &["as"]));
    if words < 2 && !object
        || (from..mark).any(|j| doc.is_mark(j) || doc.is(j, &[";", ":", "(", ")"]) || doc.is_dash(j))
    {
        return None;
    }
    let quoted = doc.text.get(r.content.0..r.content.1)?;
    let mut end = r.after;
    if !quoted.ends_with([',', '.', '!', '?']) {
        // Words right after the closing mark finish the clause ("... "a priority" for women").
        let (mut j, sb) = (doc.tok_at(r.after), doc.sents.get(doc.sent_of(open)?)?.1);
        while j < sb
            && (doc.is_word(j) || doc.is_mark(j))
            && !doc.is(j, &doc.lx.quotes.not_going_on)
            && !occasion_or_time(doc, j, sb)
        {
            end = doc.end(j);
            j += 1;
        }
    }
    Some(Span(doc.start(from), end))
}

/// Whether token `j` opens the occasion or the time of a statement ("in an interview", "on
/// Friday", "last week", "during the debate"), which is no part of what was said.
fn occasion_or_time(doc: &Doc, j: usize, hi: usize) -> bool {
    super::indirect::occasion(doc, j, hi)
        || doc.is(j, &["during", "yesterday", "today"])
        || doc.is(j, &doc.lx.quotes.weekdays)
        || doc.is(j, &["on", "last", "this", "next"])
            && (doc.is(j + 1, &doc.lx.quotes.weekdays) || doc.is(j + 1, &doc.lx.quotes.periods))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The byte scan finds exactly the marks a char-by-char scan finds, on texts mixing the
        /// marks with other characters that start with 0xE2 (dashes, the closing marks).
        #[test]
        fn opening_marks_are_those_of_a_char_scan(chars in proptest::collection::vec(0..9usize, 0..60)) {
            let alphabet = ['"', '\'', '\u{201c}', '\u{2018}', '\u{201d}', '\u{2014}', 'é', 'a', ' '];
            let text: String = chars.iter().map(|&c| alphabet[c]).collect();
            let by_chars: Vec<(usize, char)> =
                text.char_indices().filter_map(|(i, c)| closing_mark(c).map(|close| (i, close))).collect();
            proptest::prop_assert_eq!(opening_marks(&text).collect::<Vec<_>>(), by_chars);
        }
    }
}
