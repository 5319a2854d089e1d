//! Quotes and their speakers: who said what, in their words or reported.
//!
//! The stages run over one shared view of the article ([`doc::Doc`]): quote marks are paired
//! into regions ([`marks`]); regions with an attribution next to them become direct quotes
//! ([`direct`]); cue verbs outside quote marks give reported speech ([`indirect`]); short quoted
//! phrases framed by a cue give partial quotes ([`partial`]). Speakers are read off the words at
//! the cue ([`phrase`]) and resolved to the article's entities ([`speaker`]). Everything is a
//! linear scan over tokens with a fixed lexicon ([`cues`]): no regex, no model, no allocation per
//! token beyond the cue lookup.

mod cues;
mod direct;
mod doc;
mod indirect;
mod marks;
mod partial;
mod phrase;
mod speaker;

use dateline_text::Span;

use crate::{Entity, Quote, SpeakerMention};

/// What a quote is, before its speaker is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Found {
    pub kind: &'static str,
    pub content: Span,
    pub cue: Option<Span>,
    /// The speaker phrase at the cue, when there is one.
    pub speaker: Option<Span>,
}

/// Finds direct, indirect and partial quotes in `text` and resolves their speakers to `entities`.
///
/// `sentences` are the article's sentence spans (from `dateline_text::segment::sentences`).
/// Never panics; every span returned slices `text` on char boundaries.
pub fn find_quotes(text: &str, sentences: &[Span], entities: &[Entity]) -> Vec<Quote> {
    let doc = doc::Doc::new(text, sentences);
    let cues = phrase::cues(&doc);
    let regions = marks::regions(text);
    let quoted = indirect::quoted_tokens(&doc, &regions);
    let (mut found, used) = direct::find(&doc, &regions, &cues);
    indirect::trim_clauses(&doc, &quoted, &cues, &mut found);
    let indirect = indirect::find(&doc, &quoted, &cues, &used, &found);
    // A quoted phrase inside reported speech is part of it ("said the plan was "a farce"").
    found.retain(|f| f.kind == "direct" || !indirect.iter().any(|i| contains(i.content, f.content)));
    found.extend(indirect.iter().copied());
    let partials = partial::find(&doc, &regions, &cues, &found);
    found.extend(partials);
    found.sort_by_key(|f| (f.content.0, f.content.1));
    found.dedup_by(|b, a| a.content == b.content);
    let resolver = speaker::Resolver::new(entities);
    // "Name: ..." at a paragraph start (cue: the colon) is a speaker only when the name is one the
    // entities stage found; otherwise it is a section head ("Morning Briefing: ...") or an interviewer.
    found.retain(|f| {
        let colon = f.cue.and_then(|c| text.get(c.0..c.1)) == Some(":");
        !colon || f.speaker.is_some_and(|s| resolver.resolve(text, s).is_some())
    });
    found.into_iter().filter_map(|f| to_quote(text, &resolver, f)).collect()
}

fn contains(outer: Span, inner: Span) -> bool {
    outer.0 <= inner.0 && inner.1 <= outer.1
}

fn to_quote(text: &str, resolver: &speaker::Resolver, f: Found) -> Option<Quote> {
    let content = text.get(f.content.0..f.content.1)?.to_string();
    let mention = f.speaker.and_then(|s| Some(SpeakerMention { text: text.get(s.0..s.1)?.to_string(), span: s }));
    let entity = f.speaker.and_then(|s| resolver.resolve(text, s)).and_then(|i| resolver.entity(i));
    Some(Quote {
        speaker: entity.map(|e| e.id.clone()),
        speaker_name: entity.map(|e| e.name.clone()),
        speaker_mention: mention,
        kind: f.kind.to_string(),
        cue: f.cue.and_then(|c| text.get(c.0..c.1)).map(str::to_string),
        content,
        span: f.content,
        tone: None,
    })
}

#[cfg(test)]
mod tests;
