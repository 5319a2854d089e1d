//! Speakers named by description: "the harbour chief said" resolved to a person is also a
//! mention of that person.
//!
//! The entities stage links a definite description to a titled person only when the title
//! shares its noun ("the minister" after "Minister Ana Ruiz"). The quote stage resolves more of
//! them, with the attribution's context ("the Harbour Authority chief" through a title chain).
//! What the quote stage is sure of is fed back so that the entity lists every way the article
//! refers to the person, as with the coreference mentions.

use std::collections::HashSet;

use dateline_text::Span;

use crate::{Entity, EntityType, Mention, MentionVia, Quote};

/// How the fed-back mentions are marked (`Mention::via`).
pub const VIA: MentionVia = MentionVia::Speaker;

/// Adds to `entities` the definite speaker phrases ("the X chief") that `quotes` resolved to
/// them, when no entity already has the phrase, part of it that is a person, or more.
pub fn add_speaker_mentions(entities: &mut [Entity], quotes: &[Quote]) {
    add_speaker_mentions_with(entities, quotes, |w| w.eq_ignore_ascii_case("the"));
}

/// [`add_speaker_mentions`] for a language whose definite articles `definite` knows ("le",
/// "la", "el"): a resolved speaker's phrase that opens with one becomes the entity's mention.
pub(crate) fn add_speaker_mentions_with(entities: &mut [Entity], quotes: &[Quote], definite: impl Fn(&str) -> bool) {
    // Every mention by start, with the furthest end reached so far, built once: each phrase
    // looks only at the mentions that can overlap it (an article's quotes times its mentions
    // would be quadratic).
    let mut index: Vec<(Span, usize)> =
        entities.iter().enumerate().flat_map(|(i, e)| e.mentions.iter().map(move |x| (x.span, i))).collect();
    index.sort_by_key(|(s, _)| s.0);
    let reach: Vec<usize> = index
        .iter()
        .scan(0, |r, (s, _)| {
            *r = s.1.max(*r);
            Some(*r)
        })
        .collect();
    let mut added: HashSet<(usize, usize)> = HashSet::new();
    for q in quotes {
        let (Some(id), Some(m)) = (q.speaker.as_deref(), q.speaker_mention.as_ref()) else { continue };
        let mut words = m.text.split_whitespace();
        let first = words.next();
        if !first.is_some_and(&definite) || words.next().is_none() || added.contains(&(m.span.0, m.span.1)) {
            continue;
        }
        let Some(target) = entities.iter().position(|e| e.id == id) else { continue };
        // A name inside the phrase that is not a person's ("the Harbour Authority chief": the
        // organisation) stays a mention of its own; a person's name there, the speaker's own
        // name ("the World Bank" is "World Bank") or a mention reaching out of the phrase means
        // the phrase is already someone's mention.
        let mut k = index.partition_point(|(s, _)| s.0 < m.span.1);
        let mut taken = false;
        while k > 0 && reach[k - 1] > m.span.0 && !taken {
            k -= 1;
            let (x, e) = index[k];
            let overlaps = x.0 < m.span.1 && m.span.0 < x.1;
            let inside = m.span.0 <= x.0 && x.1 <= m.span.1 && x != m.span;
            taken = overlaps && (e == target || entities[e].kind == EntityType::Person || !inside);
        }
        if taken {
            continue;
        }
        let e = &mut entities[target];
        let at = e.mentions.partition_point(|x| x.span.0 < m.span.0);
        e.mentions.insert(at, Mention { text: m.text.clone(), span: m.span, via: Some(VIA) });
        added.insert((m.span.0, m.span.1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{QuoteKind, SpeakerMention};

    fn quote(speaker: Option<&str>, text: &str, at: usize) -> Quote {
        Quote {
            speaker: speaker.map(Into::into),
            speaker_name: None,
            speaker_mention: Some(SpeakerMention { text: text.into(), span: Span(at, at + text.len()) }),
            speaker_affiliation: None,
            kind: QuoteKind::Direct,
            cue: Some("said".into()),
            content: "x".into(),
            span: Span(0, 1),
            confidence: 0.75,
            tone: None,
        }
    }

    #[test]
    fn a_resolved_description_becomes_a_mention_once() {
        let org = Entity {
            id: "e2".into(),
            name: "Survey Authority".into(),
            kind: EntityType::Org,
            title: None,
            role: None,
            country: None,
            geo: None,
            mentions: vec![Mention { text: "Survey Authority".into(), span: Span(124, 140), via: None }],
        };
        let mut ents = vec![Entity {
            id: "e1".into(),
            name: "Tom Bako".into(),
            kind: EntityType::Person,
            title: None,
            role: None,
            country: None,
            geo: None,
            mentions: vec![
                Mention { text: "Tom Bako".into(), span: Span(0, 8), via: None },
                Mention { text: "Bako".into(), span: Span(100, 104), via: None },
            ],
        }];
        ents.push(org);
        let quotes = [
            quote(Some("e1"), "the survey chief", 50),
            // the same phrase again does not overlap anything new: added once per place
            quote(Some("e1"), "the survey chief", 50),
            // a pronoun, an unresolved description and a name are not added
            quote(Some("e1"), "he", 70),
            quote(None, "the other official", 80),
            quote(Some("e1"), "Bako", 100),
            // an organisation named inside the phrase stays its own mention
            quote(Some("e1"), "the Survey Authority chief", 120),
            // the speaker's own name inside the phrase: already a mention
            quote(Some("e2"), "the Survey Authority", 124 - 4),
        ];
        add_speaker_mentions(&mut ents, &quotes);
        let got: Vec<(&str, usize, Option<&str>)> =
            ents[0].mentions.iter().map(|m| (m.text.as_str(), m.span.0, m.via.map(MentionVia::as_str))).collect();
        assert_eq!(
            got,
            [
                ("Tom Bako", 0, None),
                ("the survey chief", 50, Some("speaker")),
                ("Bako", 100, None),
                ("the Survey Authority chief", 120, Some("speaker"))
            ]
        );
        assert_eq!(ents[1].mentions.len(), 1);
    }
}
