//! Amounts through the public API, on wire-style sentences written for these tests.

use dateline_analyze::{find_amounts, Entity, EntityType, Mention, Qualifier, Span};
use proptest::prelude::*;

fn entity(id: &str, text: &str, mention: &str) -> Entity {
    let start = text.find(mention).unwrap_or(0);
    Entity {
        id: id.into(),
        name: mention.into(),
        kind: EntityType::Loc,
        title: None,
        role: None,
        country: None,
        geo: None,
        mentions: vec![Mention { text: mention.into(), span: Span(start, start + mention.len()), via: None }],
    }
}

#[test]
fn wire_story() {
    let text = "The Westbay shelter houses some 4,500 people, aid workers said on Tuesday. \
                According to the regional council, over 900 families are living in the \
                shelter, with 60 percent of them from more than 12 villages. The government \
                has pledged $3.5bn and the bank a further \u{20ac}20m, while prices rose 4.2% \
                in 2020.";
    let entities = [
        entity("e1", text, "Westbay shelter"),
        entity("e2", text, "regional council"),
        entity("e3", text, "the shelter"),
    ];
    let got = find_amounts(text, &entities);
    let row = |t: &str| got.iter().find(|a| a.text == t);
    let a = row("some 4,500 people").expect("some 4,500 people");
    assert_eq!((a.value, a.unit.as_deref(), a.qualifier), (4500.0, Some("people"), Some(Qualifier::Approximately)));
    assert_eq!(a.about.as_deref(), Some("e1"));
    let b = row("over 900 families").expect("over 900 families");
    assert_eq!(b.qualifier, Some(Qualifier::MoreThan));
    assert_eq!(row("60 percent").map(|a| a.value), Some(60.0));
    assert_eq!(row("more than 12 villages").map(|a| a.value), Some(12.0));
    let dollars = row("$3.5bn").expect("$3.5bn");
    assert_eq!((dollars.unit.as_deref(), dollars.currency.as_deref()), (Some("dollars"), Some("USD")));
    assert_eq!(row("\u{20ac}20m").map(|a| a.value), Some(2e7));
    assert_eq!(row("4.2%").and_then(|a| a.unit.clone()).as_deref(), Some("percent"));
    assert_eq!(got.len(), 7, "{got:?}");
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("$".to_string()),
        Just("\u{20ac}".to_string()),
        Just("\u{a3}".to_string()),
        Just("US$".to_string()),
        Just("Rs".to_string()),
        Just("some".to_string()),
        Just("more than".to_string()),
        Just("million".to_string()),
        Just("bn".to_string()),
        Just("percent".to_string()),
        Just("%".to_string()),
        Just("people".to_string()),
        Just("twenty-".to_string()),
        Just("hundreds of".to_string()),
        Just("\"".to_string()),
        Just("\u{201d}".to_string()),
        "[0-9]{1,7}([.,][0-9]{1,3})?",
        "\\PC{0,6}",
    ]
}

proptest! {
    #[test]
    fn spans_slice_text(parts in proptest::collection::vec(piece(), 0..40), sep in "[ ,.\n]{0,2}") {
        let text = parts.join(&sep);
        let entities = [Entity {
            id: "e1".into(), name: "x".into(), kind: EntityType::Loc, title: None, role: None,
            country: None, geo: None,
            mentions: vec![Mention { text: String::new(), span: Span(0, text.len().min(3)), via: None }],
        }];
        for a in find_amounts(&text, &entities) {
            prop_assert_eq!(text.get(a.span.0..a.span.1), Some(a.text.as_str()));
            prop_assert!(a.value.is_finite());
        }
    }
}
