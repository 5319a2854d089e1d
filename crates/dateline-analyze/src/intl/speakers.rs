//! Who said it, in other languages: the speaker a clause names, resolved to an entity of the
//! article (a name; a role phrase to the person who holds it; a pronoun when one person is in
//! reach; a quote naming nobody to the person who spoke just before), or left unresolved.

use dateline_text::Span;

use crate::{Entity, EntityType, Quote, QuoteKind, SpeakerMention};

use super::lexicon::Lists;
use super::quotes::View;

/// How far before a named person a role word may stand to say that the person holds it ("le
/// directeur régional des douanes X"), in bytes.
const ROLE_WINDOW: usize = 80;

/// Who a quote's clause names as its speaker.
#[derive(Debug, Clone, Copy)]
pub(super) enum Who {
    /// An entity's mention.
    Named(usize, Span),
    /// A determiner and a role word ("le ministre").
    Role(Span),
    /// A subject pronoun ("il", "a-t-elle").
    Pronoun(Span),
    /// A verb of saying with no subject written (pro-drop: "dijo").
    Unnamed,
}

/// Every mention of a person or an organisation, by start.
pub(super) struct Mentions<'e> {
    pub(super) entities: &'e [Entity],
    pub(super) spans: Vec<(Span, usize)>,
    /// Whether each entity is a person.
    pub(super) person: Vec<bool>,
    /// The mentions of persons by name, by start.
    pub(super) people: Vec<(Span, usize)>,
}

impl<'e> Mentions<'e> {
    pub(super) fn new(entities: &'e [Entity]) -> Self {
        let mut spans: Vec<(Span, usize)> = entities
            .iter()
            .enumerate()
            .filter(|(_, e)| matches!(e.kind, EntityType::Person | EntityType::Org))
            .flat_map(|(k, e)| e.mentions.iter().filter(|m| m.via.is_none()).map(move |m| (m.span, k)))
            .collect();
        spans.sort_by_key(|(s, _)| s.0);
        let person: Vec<bool> = entities.iter().map(|e| e.kind == EntityType::Person).collect();
        let people = spans.iter().filter(|(_, e)| person[*e]).copied().collect();
        Mentions { entities, spans, person, people }
    }

    /// The mention that starts inside token span `t` (an elided article may come first:
    /// "l'Unesco").
    pub(super) fn starting_in(&self, t: Span) -> Option<(Span, usize)> {
        let k = self.spans.partition_point(|(s, _)| s.0 < t.0);
        self.spans.get(k).filter(|(s, _)| s.0 < t.1).copied()
    }

    /// The mention that ends inside token span `t` (the last one starting before its end).
    pub(super) fn ending_in(&self, t: Span) -> Option<(Span, usize)> {
        let k = self.spans.partition_point(|(s, _)| s.0 < t.1);
        self.spans[..k].iter().rev().take(2).find(|(s, _)| s.1 > t.0 && s.1 <= t.1).copied()
    }
}

/// How sure a quote is of a speaker it takes from the quote just before it.
const CONTINUED: f32 = 0.7;

/// A quote whose clause names nobody ("dijo." with no subject written) or only a pronoun its
/// sentence cannot resolve takes the speaker of the quote right before it, when that quote is
/// a person's and ends in the same or the previous sentence: the same speaker goes on.
pub(super) fn continue_attributions(v: &View<'_>, m: &Mentions<'_>, lex: &Lists, quotes: &mut [Quote]) {
    let sentence_of = |b: usize| v.sentence.get(v.at(b).min(v.toks.len().saturating_sub(1))).copied();
    for k in 1..quotes.len() {
        let q = &quotes[k];
        // "il", "a-t-elle"
        let pronoun = q
            .speaker_mention
            .as_ref()
            .is_some_and(|sm| sm.text.split(['-', ' ']).any(|p| Lists::has(&lex.pronouns, p)));
        if q.speaker.is_some() || !(q.speaker_mention.is_none() || pronoun) {
            continue;
        }
        let prev = &quotes[k - 1];
        let (Some(id), Some(a), Some(b)) =
            (prev.speaker.clone(), sentence_of(prev.span.1.saturating_sub(1)), sentence_of(q.span.0))
        else {
            continue;
        };
        let person = m.entities.iter().position(|e| e.id == id).is_some_and(|e| m.person[e]);
        if person && b <= a + 1 {
            let name = prev.speaker_name.clone();
            let q = &mut quotes[k];
            q.speaker = Some(id);
            q.speaker_name = name;
            q.confidence = CONTINUED;
        }
    }
}

/// Builds the record of one quote, resolving who the clause names.
pub(super) fn quote(
    v: &View<'_>,
    m: &Mentions<'_>,
    lex: &Lists,
    kind: QuoteKind,
    content: Span,
    cue: Span,
    who: Who,
) -> Quote {
    let entities = m.entities;
    let (speaker, mention, confidence) = match who {
        Who::Named(e, s) => (Some(e), Some(s), if entities[e].kind == EntityType::Person { 0.9 } else { 0.8 }),
        Who::Role(s) => match holder_of_role(v, m, lex, s) {
            Some(e) => (Some(e), Some(s), 0.7),
            None => (None, Some(s), 0.5),
        },
        Who::Pronoun(s) => match only_person_before(v, m, s) {
            Some(e) => (Some(e), Some(s), 0.6),
            None => (None, Some(s), 0.5),
        },
        Who::Unnamed => (None, None, 0.0),
    };
    let text = v.text;
    Quote {
        speaker: speaker.map(|e| entities[e].id.clone()),
        speaker_name: speaker.map(|e| entities[e].name.clone()),
        speaker_mention: mention.map(|s| SpeakerMention { text: text[s.0..s.1].to_string(), span: s }),
        speaker_affiliation: None,
        kind,
        cue: text.get(cue.0..cue.1).map(str::to_string),
        content: text[content.0..content.1].to_string(),
        span: content,
        confidence,
        tone: None,
    }
}

/// The most named-person mentions looked at backwards from a role phrase for its holder: a
/// role refers to someone named shortly before, and the search stays bounded.
const ROLE_LOOKBACK: usize = 64;

/// The person a role phrase ("le ministre") refers to: the latest named person before it with
/// that role word shortly before one of their mentions ("le ministre ... X").
fn holder_of_role(v: &View<'_>, m: &Mentions, lex: &Lists, role: Span) -> Option<usize> {
    let words: Vec<String> = v.text[role.0..role.1]
        .split(|c: char| c.is_whitespace() || c == '\'' || c == '\u{2019}')
        .map(str::to_lowercase)
        .collect();
    let title = words.iter().rev().find(|w| Lists::has(&lex.titles, w))?;
    let before = m.people.partition_point(|(s, _)| s.1 <= role.0);
    m.people[..before].iter().rev().take(ROLE_LOOKBACK).find_map(|&(s, e)| {
        let mut from = s.0.saturating_sub(ROLE_WINDOW);
        while !v.text.is_char_boundary(from) {
            from += 1;
        }
        let window = v.text[from..s.0].to_lowercase();
        window.split(|c: char| !c.is_alphanumeric() && c != '-').any(|w| w == title).then_some(e)
    })
}

/// The one person named between the start of the previous sentence and a pronoun; none when
/// two or more are.
fn only_person_before(v: &View<'_>, m: &Mentions, pronoun: Span) -> Option<usize> {
    let s = v.sentence.get(v.at(pronoun.0))?;
    let from = v.sentences.get(s.saturating_sub(1))?.0;
    let a = m.people.partition_point(|(x, _)| x.0 < from);
    let b = m.people.partition_point(|(x, _)| x.1 <= pronoun.0);
    let mut found = None;
    for &(_, e) in m.people.get(a..b).unwrap_or_default() {
        match found {
            Some(f) if f != e => return None,
            _ => found = Some(e),
        }
    }
    found
}
