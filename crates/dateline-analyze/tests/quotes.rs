//! Quotes through the public API, on wire-style passages written for these tests, with entities
//! built by hand (so the quote stage is tested on its own), plus invariants over random text.

use dateline_analyze::{find_quotes, Entity, EntityType, Mention, Quote, QuoteKind, Span};
use dateline_text::segment::sentences;
use proptest::prelude::*;

fn person(id: &str, name: &str, title: Option<&str>, role: Option<&str>, text: &str, forms: &[&str]) -> Entity {
    let mut mentions = Vec::new();
    for f in forms {
        mentions.extend(text.match_indices(f).map(|(i, m)| Mention {
            text: m.into(),
            span: Span(i, i + m.len()),
            via: None,
        }));
    }
    mentions.sort_by_key(|m| m.span);
    Entity {
        id: id.into(),
        name: name.into(),
        kind: EntityType::Person,
        title: title.map(Into::into),
        role: role.map(Into::into),
        country: None,
        geo: None,
        mentions,
    }
}

fn quotes(text: &str, entities: &[Entity]) -> Vec<Quote> {
    let q = find_quotes(text, &sentences(text), entities);
    for x in &q {
        assert_eq!(text.get(x.span.0..x.span.1), Some(x.content.as_str()));
        if let Some(m) = &x.speaker_mention {
            assert_eq!(text.get(m.span.0..m.span.1), Some(m.text.as_str()));
        }
    }
    q
}

const HARBOUR: &str = "ROTTERDAM (Harbour Wire - 2nd June, 2023) Container traffic through the port fell for a \
fourth month, the chief executive of the port authority, Marijke de Vries, said on Friday.\n\n\
\u{201C}We are seeing ships skip Europe altogether. That has not happened since the crisis of 2009,\u{201D} \
de Vries told a news conference.\n\n\
Economy Minister Karel Jansen said on Thursday that the government would not step in.\n\n\
\u{201C}The port has reserves. It does not need a bailout,\u{201D} the minister added. \
\u{201C}It needs customers.\u{201D}\n\n\
According to de Vries, volumes could recover by the end of the year.";

fn harbour_entities() -> Vec<Entity> {
    vec![
        person(
            "e1",
            "Marijke de Vries",
            None,
            Some("chief executive of the port authority"),
            HARBOUR,
            &["Marijke de Vries", "de Vries"],
        ),
        person("e2", "Karel Jansen", Some("Economy Minister"), None, HARBOUR, &["Karel Jansen"]),
    ]
}

#[test]
fn harbour_story() {
    let q = quotes(HARBOUR, &harbour_entities());
    let got: Vec<(&str, &str, Option<&str>, Option<&str>)> =
        q.iter().map(|q| (q.kind.as_str(), q.content.as_str(), q.cue.as_deref(), q.speaker.as_deref())).collect();
    let want = [
        ("indirect", "Container traffic through the port fell for a fourth month", Some("said"), Some("e1")),
        (
            "direct",
            "We are seeing ships skip Europe altogether. That has not happened since the crisis of 2009",
            Some("told"),
            Some("e1"),
        ),
        ("indirect", "the government would not step in", Some("said"), Some("e2")),
        ("direct", "The port has reserves. It does not need a bailout", Some("added"), Some("e2")),
        ("direct", "It needs customers.", Some("added"), Some("e2")),
        ("indirect", "volumes could recover by the end of the year", Some("According to"), Some("e1")),
    ];
    assert_eq!(got, want);
    assert_eq!(q[3].speaker_mention.as_ref().map(|m| m.text.as_str()), Some("the minister"));
    assert_eq!(q[0].speaker_name.as_deref(), Some("Marijke de Vries"));
}

#[test]
fn guillemets_and_straight_quotes() {
    let text = "\u{00AB}The vote is final,\u{00BB} Mayor Ines Roth said. \"We move on,\" she added.";
    let ents = [person("e1", "Ines Roth", Some("Mayor"), None, text, &["Ines Roth"])];
    let q = quotes(text, &ents);
    assert_eq!(q.len(), 2);
    assert!(q.iter().all(|q| q.kind == QuoteKind::Direct && q.speaker.as_deref() == Some("e1")));
}

#[test]
fn odd_marks_lose_only_their_quote() {
    let text = "\"This one never closes. The union\u{2019}s leaders' plan is \"fair,\" said Omar Diaz.\n\n\
\"This one is fine,\" Diaz said.";
    let ents = [person("e1", "Omar Diaz", None, None, text, &["Omar Diaz", "Diaz"])];
    let q = quotes(text, &ents);
    assert!(q.iter().any(|q| q.content == "This one is fine" && q.speaker.as_deref() == Some("e1")), "{q:?}");
}

#[test]
fn no_entities_still_reports_the_phrase() {
    let text = "\"We were not consulted,\" a spokeswoman for the farmers' union said.";
    let q = quotes(text, &[]);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].speaker, None);
    assert_eq!(q[0].speaker_mention.as_ref().map(|m| m.text.as_str()), Some("a spokeswoman for the farmers' union"));
}

#[test]
fn empty_and_markless_text() {
    assert!(quotes("", &[]).is_empty());
    assert!(quotes("The river rose two metres overnight.", &[]).is_empty());
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"".to_string()),
        Just("\u{201C}".to_string()),
        Just("\u{201D}".to_string()),
        Just("\u{00AB}".to_string()),
        Just("\u{00BB}".to_string()),
        Just("'".to_string()),
        Just("''".to_string()),
        Just("\u{2019}".to_string()),
        Just(", ".to_string()),
        Just(". ".to_string()),
        Just(": ".to_string()),
        Just("\n\n".to_string()),
        Just(" said ".to_string()),
        Just(" according to ".to_string()),
        Just("he ".to_string()),
        Just("the minister ".to_string()),
        Just("Ana Ruiz ".to_string()),
        Just(" stresed that ".to_string()),
        "[a-zA-Z\u{e9}\u{4e2d} ]{0,12}",
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn never_panics_and_spans_slice(parts in prop::collection::vec(piece(), 0..40)) {
        let text: String = parts.concat();
        let ents = [person("e1", "Ana Ruiz", Some("minister"), None, &text, &["Ana Ruiz"])];
        for q in find_quotes(&text, &sentences(&text), &ents) {
            prop_assert_eq!(text.get(q.span.0..q.span.1), Some(q.content.as_str()));
            if let Some(m) = &q.speaker_mention {
                prop_assert_eq!(text.get(m.span.0..m.span.1), Some(m.text.as_str()));
            }
            prop_assert!(matches!(q.kind.as_str(), "direct" | "indirect" | "partial"));
        }
    }

    #[test]
    fn arbitrary_sentence_spans_do_not_panic(text in "\\PC{0,80}", cuts in prop::collection::vec((0usize..100, 0usize..100), 0..6)) {
        let spans: Vec<Span> = cuts.into_iter().map(|(a, b)| Span(a, b)).collect();
        for q in find_quotes(&text, &spans, &[]) {
            prop_assert_eq!(text.get(q.span.0..q.span.1), Some(q.content.as_str()));
        }
    }
}
