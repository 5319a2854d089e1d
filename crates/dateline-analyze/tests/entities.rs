//! Entities on wire-style articles written for these tests (not taken from any corpus).

use std::sync::OnceLock;

use dateline_analyze::{find_entities, Entity, EntityType, MentionVia, Resources};
use proptest::prelude::*;

fn resources() -> &'static Resources {
    static R: OnceLock<Resources> = OnceLock::new();
    R.get_or_init(|| Resources::embedded().expect("embedded resources load"))
}

fn entities(text: &str) -> Vec<Entity> {
    let sentences = dateline_text::segment::sentences(text);
    find_entities(text, &sentences, resources(), None)
}

fn by_mention<'a>(ents: &'a [Entity], mention: &str) -> Option<&'a Entity> {
    ents.iter().find(|e| e.mentions.iter().any(|m| m.text == mention))
}

fn check_spans(text: &str, ents: &[Entity]) {
    for (i, e) in ents.iter().enumerate() {
        assert_eq!(e.id, format!("e{}", i + 1));
        assert!(!e.mentions.is_empty());
        for m in &e.mentions {
            assert!(text.is_char_boundary(m.span.0) && text.is_char_boundary(m.span.1));
            assert_eq!(&text[m.span.0..m.span.1], m.text);
        }
    }
}

const ARTICLE_1: &str = "Kenya's Foreign Minister Amina Odhiambo met German Chancellor Friedrich \
Baumann in Nairobi on Tuesday to discuss refugees at the Dadaab camp, located in eastern Kenya. \
The Office of the Regional Commissioner for Water Safety (RCWS) says the camp houses \
more than 200,000 people. \"We need more help,\" Odhiambo said. The minister added that Kenya \
would ask the European Union for funds. Baumann said Germany was ready to help, according to \
a statement from the German government. The RCWS has warned of shortages.";

#[test]
fn people_titles_roles_and_surnames() {
    let ents = entities(ARTICLE_1);
    check_spans(ARTICLE_1, &ents);
    let amina = by_mention(&ents, "Amina Odhiambo").expect("Amina Odhiambo found");
    assert_eq!(amina.kind, EntityType::Person);
    assert_eq!(amina.title.as_deref(), Some("Foreign Minister"));
    assert!(amina.mentions.iter().any(|m| m.text == "Odhiambo"), "surname merged: {amina:?}");
    assert!(
        amina.mentions.iter().any(|m| m.text == "The minister" && m.via == Some(MentionVia::Coreference)),
        "nominal coreference: {amina:?}"
    );
    let baumann = ents.iter().find(|e| e.name == "Friedrich Baumann").expect("Baumann found");
    assert_eq!(baumann.kind, EntityType::Person);
    assert_eq!(baumann.title.as_deref(), Some("Chancellor"));
    assert_eq!(baumann.role.as_deref(), Some("German Chancellor"));
    assert!(baumann.mentions.iter().any(|m| m.text == "Baumann"));
}

#[test]
fn places_countries_and_camps() {
    let ents = entities(ARTICLE_1);
    let kenya = ents.iter().find(|e| e.name == "Kenya").expect("Kenya");
    assert_eq!(kenya.kind, EntityType::Gpe);
    assert_eq!(kenya.country.as_deref(), Some("KE"));
    assert!(kenya.mentions.len() >= 2);
    let nairobi = by_mention(&ents, "Nairobi").expect("Nairobi");
    assert_eq!(nairobi.kind, EntityType::Gpe);
    assert_eq!(nairobi.geo.as_ref().map(|g| g.country.as_str()), Some("KE"));
    let camp = ents.iter().find(|e| e.name.starts_with("Dadaab")).expect("Dadaab camp");
    assert!(matches!(camp.kind.as_str(), "LOC" | "GPE" | "FAC"), "{camp:?}");
    assert_eq!(camp.country.as_deref(), Some("KE"));
}

#[test]
fn acronyms_join_their_long_form() {
    let ents = entities(ARTICLE_1);
    let rcws = by_mention(&ents, "RCWS").expect("RCWS");
    assert_eq!(rcws.kind, EntityType::Org);
    assert_eq!(rcws.name, "Regional Commissioner for Water Safety");
    let eu = ents.iter().find(|e| e.name == "European Union").expect("EU");
    assert_eq!(eu.kind, EntityType::Org);
    assert!(rcws.mentions.iter().filter(|m| m.text == "RCWS").count() >= 2, "{rcws:?}");
    assert!(rcws.mentions.len() >= 3, "long form merged: {rcws:?}");
}

#[test]
fn nationalities_are_norp() {
    let ents = entities(ARTICLE_1);
    let german = by_mention(&ents, "German").expect("German");
    assert_eq!(german.kind, EntityType::Norp);
}

const ARTICLE_2: &str = "CARACAS (Wire Service) - Venezuela's opposition leader Carlos Mendoza \
said on Friday that the U.S. had offered support. Washington has backed Mendoza since January, \
and the United States' ambassador, Laura Chen, met him in Caracas. \"This is a first step,\" \
Mendoza told reporters. Chen, the US envoy to the region, did not comment. The ambassador later \
flew to Bogota, the Colombian capital.";

#[test]
fn country_aliases_merge_and_possessives_drop() {
    let ents = entities(ARTICLE_2);
    check_spans(ARTICLE_2, &ents);
    let us = ents.iter().find(|e| e.name == "United States").expect("United States");
    assert_eq!(us.kind, EntityType::Gpe);
    assert_eq!(us.country.as_deref(), Some("US"));
    let texts: Vec<&str> = us.mentions.iter().map(|m| m.text.as_str()).collect();
    assert!(texts.contains(&"U.S."), "{texts:?}");
    assert!(texts.contains(&"United States"), "{texts:?}");
    let ven = ents.iter().find(|e| e.name == "Venezuela").expect("Venezuela");
    assert!(ven.mentions.iter().all(|m| m.text == "Venezuela"), "{ven:?}");
    let chen = ents.iter().find(|e| e.name == "Laura Chen").expect("Laura Chen");
    assert!(chen.mentions.iter().any(|m| m.text == "Chen"));
    assert!(chen.role.is_some(), "{chen:?}");
    let mendoza = ents.iter().find(|e| e.name == "Carlos Mendoza").expect("Carlos Mendoza");
    assert_eq!(mendoza.role.as_deref(), Some("opposition leader"));
    let washington = ents.iter().find(|e| e.name == "Washington").expect("Washington");
    assert_eq!(washington.kind, EntityType::Gpe);
    let bogota = ents.iter().find(|e| e.name == "Bogota").expect("Bogota");
    assert_eq!(bogota.country.as_deref(), Some("CO"));
}

#[test]
fn lower_case_words_are_not_entities() {
    let text = "the committee said prices would rise. officials expect more rain next week.";
    let ents = entities(text);
    assert!(ents.is_empty(), "{ents:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn never_panics_and_spans_slice_the_text(s in "\\PC{0,300}") {
        let ents = entities(&s);
        check_spans(&s, &ents);
    }

    #[test]
    fn never_panics_on_news_like_text(
        words in proptest::collection::vec(
            prop_oneof![
                Just("the"), Just("The"), Just("US"), Just("U.S."), Just("("), Just(")"), Just(","),
                Just("Gen."), Just("President"), Just("camp"), Just("official"), Just("of"),
                Just("Syria's"), Just("-"), Just("\""), Just("said"), Just("Al"), Just("IS"),
                Just("Ahmed"), Just("Moscow"), Just("’s"), Just("é"), Just("."), Just("head"),
            ],
            0..60,
        )
    ) {
        let text = words.join(" ");
        let ents = entities(&text);
        check_spans(&text, &ents);
    }
}
