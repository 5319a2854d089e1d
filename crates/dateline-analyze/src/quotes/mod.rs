//! Quotes and their speakers: who said what, in their words or reported.
//!
//! The stages run over one shared view of the article ([`doc::Doc`]): quote marks are paired
//! into regions ([`marks`]); regions with an attribution next to them become direct quotes
//! ([`direct`]); cue verbs outside quote marks give reported speech ([`indirect`]); short quoted
//! phrases framed by a cue give partial quotes ([`partial`]); impressions and views with no verb
//! of saying ("appears to", "is expected to", "sees X as Y") report their clause ([`hedges`]);
//! first-person reported words before their attribution are direct speech without marks
//! ([`unquoted`]).
//! Speakers are read off the words at
//! the cue ([`phrase`]) and resolved to the article's entities ([`speaker`]). Everything is a
//! linear scan over tokens with a fixed lexicon ([`cues`]): no regex, no model, no allocation per
//! token beyond the cue lookup.

mod cues;
pub(crate) use cues::Tables as CueTables;
mod direct;
mod doc;
mod hedges;
mod indirect;
mod marks;
mod nominals;
mod not_speech;
mod noun_cues;
mod partial;
mod phrase;
mod speaker;
mod unquoted;
pub(crate) use speaker::is_first_name;

pub(crate) use nominals::{add_speaker_mentions, add_speaker_mentions_with};

use dateline_text::segment::TokenTable;
use dateline_text::Span;

use crate::{Entity, Quote, QuoteKind};

/// What a quote is, before its speaker is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Found {
    pub kind: QuoteKind,
    pub content: Span,
    pub cue: Option<Span>,
    /// The speaker phrase at the cue, when there is one.
    pub speaker: Option<Span>,
}

/// The quote stage reads a sentence longer than this many tokens as consecutive windows of this
/// many tokens, so that no cue scans further than this (a text without full stops would make
/// every cue read to its end: quadratic time and output).
pub const MAX_SENTENCE_TOKENS: usize = 512;

/// A quote's content is cut (at a token boundary) to at most this many bytes.
pub const MAX_QUOTE_CONTENT_BYTES: usize = 4096;

/// An article keeps at most `QUOTES_BASE + text.len() / BYTES_PER_QUOTE` quotes ...
pub const QUOTES_BASE: usize = 1000;
/// ... (see [`QUOTES_BASE`]) ...
pub const BYTES_PER_QUOTE: usize = 100;
/// ... and their contents add up to at most `text.len() + QUOTE_CONTENT_SLACK` bytes; the quotes
/// past either budget (in text order) are not reported and the record says the stage was cut.
pub const QUOTE_CONTENT_SLACK: usize = 64 * 1024;

/// Whether two partial quotes of one cue open together and the later, longer one only adds
/// punctuation (`"a mess"` and `"a mess."`).
fn same_phrase(text: &str, a: &Found, b: &Found) -> bool {
    a.kind == QuoteKind::Partial
        && b.kind == QuoteKind::Partial
        && a.cue == b.cue
        && a.content.0 == b.content.0
        && text.get(a.content.1..b.content.1).is_some_and(|t| t.chars().all(|c| matches!(c, ',' | '.' | ';')))
}

/// Finds direct, indirect and partial quotes in `text` and resolves their speakers to `entities`.
///
/// `sentences` are the article's sentence spans (from `dateline_text::segment::sentences`).
/// Never panics; every span returned slices `text` on char boundaries. The word lists are the
/// embedded English set; [`analyze`](fn@crate::analyze) reads those of its
/// [`Resources`](crate::Resources) (`find_quotes_with` names a set).
pub fn find_quotes(text: &str, sentences: &[Span], entities: &[Entity]) -> Vec<Quote> {
    find_quotes_bounded(text, sentences, entities).0
}

/// [`find_quotes`], and whether a cap cut anything: a sentence read in windows
/// ([`MAX_SENTENCE_TOKENS`]), a content cut ([`MAX_QUOTE_CONTENT_BYTES`]) or quotes past the
/// article's budget ([`QUOTES_BASE`]).
pub fn find_quotes_bounded(text: &str, sentences: &[Span], entities: &[Entity]) -> (Vec<Quote>, bool) {
    find_quotes_in(text, &TokenTable::new(text), sentences, entities, crate::Lexicon::embedded_static())
}

/// [`find_quotes`] with the word lists of `lexicon` (`resources.lexicon`).
pub fn find_quotes_with(text: &str, sentences: &[Span], entities: &[Entity], lexicon: &crate::Lexicon) -> Vec<Quote> {
    find_quotes_in(text, &TokenTable::with_lists(text, &lexicon.text), sentences, entities, lexicon).0
}

/// [`find_quotes_bounded`] over the article's token table (`TokenTable::new(text)`).
pub(crate) fn find_quotes_in(
    text: &str,
    table: &TokenTable,
    sentences: &[Span],
    entities: &[Entity],
    lx: &crate::Lexicon,
) -> (Vec<Quote>, bool) {
    let doc = doc::Doc::with_tokens(text, std::borrow::Cow::Borrowed(table.tokens()), sentences, lx);
    let mut cut = doc.windowed;
    let cues = phrase::cues(&doc);
    let regions = marks::regions(text, lx);
    let quoted = indirect::quoted_tokens(&doc, &regions);
    let (mut found, used) = direct::find(&doc, &regions, &cues);
    indirect::trim_clauses(&doc, &quoted, &cues, &mut found);
    let mut indirect = indirect::find(&doc, &quoted, &cues, &used, &found);
    for f in found.iter_mut().chain(indirect.iter_mut()).filter(|f| f.kind == QuoteKind::Indirect) {
        close_open_mark(&regions, f);
    }
    // `We will not bow, the minister said.`: first-person words without marks are direct speech.
    unquoted::speak_directly(&doc, &quoted, &cues, &mut indirect);
    indirect.retain(|f| f.kind != QuoteKind::Indirect || !indirect::only_time(&doc, f));
    // A quoted phrase inside reported speech is part of it ("said the plan was "a farce"").
    let reported = SpanIndex::new(indirect.iter().map(|i| i.content));
    found.retain(|f| f.kind == QuoteKind::Direct || !reported.contains_any(f.content));
    found.extend(indirect.iter().copied());
    let mut partials = partial::find(&doc, &regions, &cues, &found);
    // ... and is also the speaker's own words, reported on their own.
    partials.extend(partial::inside_reported(text, &regions, &indirect, lx));
    // The possessive frame first: of two readings of one phrase, the first is kept below.
    let mut possessed = partial::possessed(text, lx);
    possessed.extend(partial::named(text, lx));
    let at = found.len();
    found.extend(partials);
    found.splice(at..at, possessed);
    // (the newlines are read only when a quote opened by a lost mark needs its paragraph)
    let mut newlines = None;
    for f in &mut found {
        opened_by_a_mark(text, &mut newlines, f);
    }
    // Titles of shows and works, and markup values, are nobody's words.
    found.retain(|f| !not_speech::is_not_speech(text, f, lx));
    found.sort_by_key(|f| (f.content.0, f.content.1));
    // (A naming verb's object with its quoted name, `called it "a mess"`, is one indirect quote:
    // another reading of the quoted words alone by the same verb is not kept beside it.)
    let naming = |c: Span| text.get(c.0..c.1).is_some_and(|w| partial::naming_verb(lx, w));
    let mut named: Vec<(usize, Span)> = found
        .iter()
        .filter(|f| f.kind == QuoteKind::Indirect)
        .filter_map(|f| f.cue.filter(|&c| naming(c)).map(|c| (c.0, f.content)))
        .collect();
    named.sort_unstable_by_key(|n| n.0);
    found.retain(|f| {
        let Some(c) = f.cue.filter(|_| f.kind == QuoteKind::Partial) else { return true };
        let from = named.partition_point(|n| n.0 < c.0);
        !named[from..].iter().take_while(|n| n.0 == c.0).any(|n| n.1 .0 <= f.content.0 && f.content.1 <= n.1 .1)
    });
    // (Two readings of one quoted phrase by one cue, `called it "a mess."`, may differ only by the
    // stop inside the closing mark: the first, without it, is kept, with the longer speaker phrase
    // of the two when they end together and it opens with a capital, "A reporter for X" rather
    // than "X", unless the shorter is a pronoun.)
    found.dedup_by(|b, a| {
        let same = same_phrase(text, a, b);
        if let (true, Some(sa), Some(sb)) = (same, a.speaker, b.speaker) {
            let pronoun = text.get(sa.0..sa.1).is_some_and(|w| lx.quotes.pronouns.contains(&w.to_lowercase().as_str()));
            let capital = text.get(sb.0..sb.1).and_then(|w| w.chars().next()).is_some_and(char::is_uppercase);
            if sb.1 == sa.1 && sb.0 < sa.0 && !pronoun && capital {
                a.speaker = b.speaker;
            }
        }
        a.content == b.content || same
    });
    for f in &mut found {
        if f.content.1 - f.content.0 > MAX_QUOTE_CONTENT_BYTES {
            f.content = cut_content(&doc, f.content);
            cut = true;
        }
    }
    found.dedup_by(|b, a| a.content == b.content);
    let resolver = speaker::Resolver::new(entities, &regions, lx).with_reported(indirect.iter().map(|i| i.content));
    // "Name: ..." at a paragraph start (cue: the colon) is a speaker only when the name is one the
    // entities stage found; otherwise it is a section head ("Morning Briefing: ...") or an interviewer.
    // In the headline a source noun before the colon is one too ("Poll: Mensah leads").
    let headline_source = |f: &Found| {
        let first_line = f.cue.is_some_and(|c| text.get(..c.0).is_some_and(|t| !t.contains('\n')));
        let last_word = f.speaker.and_then(|s| text.get(s.0..s.1)).and_then(|s| s.split_whitespace().last());
        first_line && last_word.is_some_and(|w| lx.quotes.label_sources.contains_ignore_ascii_case(w))
    };
    found.retain(|f| {
        let colon = f.cue.and_then(|c| text.get(c.0..c.1)) == Some(":");
        !colon || f.speaker.is_some_and(|s| resolver.resolve(text, s).is_some()) || headline_source(f)
    });
    // The article's budget of quotes and of quoted bytes, in text order.
    let max_quotes = QUOTES_BASE.saturating_add(text.len() / BYTES_PER_QUOTE);
    let mut content_budget = text.len().saturating_add(QUOTE_CONTENT_SLACK);
    let mut keep = 0;
    for f in &found {
        let len = f.content.1 - f.content.0;
        if keep >= max_quotes || len > content_budget {
            cut = true;
            break;
        }
        content_budget -= len;
        keep += 1;
    }
    found.truncate(keep);
    let mut quotes = speaker::to_quotes(text, &resolver, found, lx);
    // `he said the choice was plain: "Leave or fight."`: quoted words with no cue and no speaker
    // inside someone's reported speech are part of what they said, as partial quotes are.
    let reported = SpanIndex::new(
        quotes.iter().filter(|q| q.kind == QuoteKind::Indirect && q.speaker_mention.is_some()).map(|q| q.span),
    );
    quotes.retain(|q| {
        q.kind != QuoteKind::Direct || q.cue.is_some() || q.speaker_mention.is_some() || !reported.contains_any(q.span)
    });
    (quotes, cut)
}

/// The most bytes reported content is carried forward to close a quote it opened.
const MAX_CLOSING_REACH: usize = 600;

/// `said the levy was "a tax on every boat, and nobody voted for it."`: reported content that
/// ends inside quote marks it opened (cut at a comma or a sentence break inside the quoted words)
/// runs on to the closing mark, when the quote closes in the same paragraph within
/// [`MAX_CLOSING_REACH`] bytes: the speaker's quoted words are not cut in half.
fn close_open_mark(regions: &[marks::Region], f: &mut Found) {
    let k = regions.partition_point(|r| r.open < f.content.1);
    let Some(r) = k.checked_sub(1).and_then(|k| regions.get(k)) else { return };
    // (Content that opens with the mark is the speaker's own words: `opened_by_a_mark`.)
    if r.open > f.content.0
        && r.after > f.content.1
        && !r.continues
        && r.after - f.content.1 <= MAX_CLOSING_REACH
        && r.after - f.content.0 <= MAX_QUOTE_CONTENT_BYTES
    {
        f.content.1 = r.after;
    }
}

/// `telling reporters that "The plan failed.`: reported content that opens with a quote mark
/// whose closing mark was lost is the speaker's own words, a direct quote without the mark. With
/// no mark left in its paragraph, the quote runs to the paragraph's end (the reported clause is
/// only its first sentence).
fn opened_by_a_mark(text: &str, newlines: &mut Option<Vec<usize>>, f: &mut Found) {
    let Some(content) = text.get(f.content.0..f.content.1) else { return };
    let Some(rest) = content.strip_prefix(['"', '\u{201c}']) else { return };
    if f.kind == QuoteKind::Indirect && !rest.contains(['"', '\u{201c}', '\u{201d}']) && rest.trim_start().len() > 1 {
        f.kind = QuoteKind::Direct;
        f.content.0 = f.content.1 - rest.trim_start().len();
        let newlines = newlines.get_or_insert_with(|| marks::newlines(text));
        let para = marks::paragraph_end(newlines, text.len(), f.content.1);
        let more = text.get(f.content.1..para).map(str::trim_end).unwrap_or("");
        if more.chars().any(char::is_alphanumeric)
            && !more.contains(['"', '\u{201c}', '\u{201d}'])
            && para - f.content.0 <= MAX_QUOTE_CONTENT_BYTES
        {
            f.content.1 += more.len();
        }
    }
}

/// The longest prefix of `content` that ends on a token end and holds at most
/// [`MAX_QUOTE_CONTENT_BYTES`] bytes (else the bytes up to the last char boundary within it).
fn cut_content(doc: &doc::Doc, content: Span) -> Span {
    let limit = content.0 + MAX_QUOTE_CONTENT_BYTES;
    let e = doc.toks.partition_point(|t| t.span.1 <= limit);
    match e.checked_sub(1).map(|k| doc.toks[k].span.1) {
        Some(end) if end > content.0 => Span(content.0, end),
        _ => {
            let mut end = limit.min(doc.text.len());
            while !doc.text.is_char_boundary(end) {
                end -= 1;
            }
            Span(content.0, end)
        }
    }
}

/// Spans sorted by start with the running maximum of their ends: whether any of them contains
/// or touches a given span, in O(log n) rather than a scan of them all.
pub(crate) struct SpanIndex {
    starts: Vec<usize>,
    max_end: Vec<usize>,
}

impl SpanIndex {
    pub fn new(spans: impl Iterator<Item = Span>) -> Self {
        let mut v: Vec<Span> = spans.collect();
        v.sort_unstable_by_key(|s| s.0);
        let mut max_end = Vec::with_capacity(v.len());
        let mut m = 0;
        for s in &v {
            m = m.max(s.1);
            max_end.push(m);
        }
        SpanIndex { starts: v.iter().map(|s| s.0).collect(), max_end }
    }

    /// The largest end among spans starting at or before `at`.
    fn max_end_from(&self, at: usize) -> Option<usize> {
        let k = self.starts.partition_point(|&s| s <= at);
        k.checked_sub(1).map(|k| self.max_end[k])
    }

    /// Whether some span `o` has `o.0 <= inner.0 && inner.1 <= o.1`.
    pub fn contains_any(&self, inner: Span) -> bool {
        self.max_end_from(inner.0).is_some_and(|e| e >= inner.1)
    }

    /// Whether some span `o` has `o.0 <= s.1 && s.0 <= o.1` (overlapping or adjacent).
    pub fn touches_any(&self, s: Span) -> bool {
        self.max_end_from(s.1).is_some_and(|e| e >= s.0)
    }

    /// Whether some span `o` has `o.0 < s.1 && s.0 < o.1` (sharing a byte).
    pub fn overlaps_any(&self, s: Span) -> bool {
        let k = self.starts.partition_point(|&x| x < s.1);
        k.checked_sub(1).is_some_and(|k| self.max_end[k] > s.0)
    }
}

#[cfg(test)]
mod tests;
