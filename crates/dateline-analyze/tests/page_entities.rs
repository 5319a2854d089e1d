//! Entities on pages as they come: a surname in a headline before the full name, a family name
//! written first with an honorific, and a byline's agency. Our own sentences, invented people.

use std::sync::OnceLock;

use dateline_analyze::{analyze, Analysis, EntityType, Resources};
use dateline_text::{Document, Format, Metadata, SourceRef};

fn res() -> &'static Resources {
    static R: OnceLock<Resources> = OnceLock::new();
    R.get_or_init(|| Resources::embedded().expect("embedded resources load"))
}

fn run(text: &str) -> Analysis {
    let prepared = dateline_text::prepare(text.as_bytes(), &Default::default(), 0).expect("prepared");
    let source = SourceRef { path: Some("t.txt".into()), url: None, format: Format::Text, record: None };
    analyze(&Document::new(prepared, Metadata::default(), source), res())
}

fn mentions_of<'a>(a: &'a Analysis, name: &str) -> Vec<&'a str> {
    a.entities.iter().filter(|e| e.name == name).flat_map(|e| e.mentions.iter().map(|m| m.text.as_str())).collect()
}

#[test]
fn a_headline_surname_joins_the_full_name() {
    let a = run("President Valdner says the port will reopen\n\n\
                 President Karel Valdner said on Monday that the port would reopen in May.\n\n\
                 Valdner said the repairs were nearly done.\n");
    let m = mentions_of(&a, "Karel Valdner");
    assert!(m.iter().filter(|t| **t == "Valdner").count() >= 2, "{:?}", a.entities);
}

#[test]
fn an_honorific_family_name_written_first() {
    let a = run("Transport Minister Lim Boon Seng said on Tuesday the new line would open in June.\n\n\
                 Mr Lim said the trains had been tested for a month.\n");
    let m = mentions_of(&a, "Lim Boon Seng");
    assert!(m.contains(&"Lim"), "{:?}", a.entities);
}

#[test]
fn the_byline_agency_is_an_organisation() {
    let a = run("Ferry channel to be widened\n\nBy Jane Roe, Harbour Wire Service\n9 March 2016\n\n\
                 LISBON : Transport minister Rui Falcao said on Wednesday the channel would be widened.\n");
    assert!(
        a.entities.iter().any(|e| e.name == "Harbour Wire Service" && e.kind == EntityType::Org),
        "{:?}",
        a.entities
    );
}

#[test]
fn an_agency_defined_on_its_own_line_is_one_organisation() {
    // A masthead line "XNA - Xandrian News Agency", then the agency in the dateline: the acronym
    // used before its long form, the long form the recogniser stops short of, and the dateline's
    // mention all join one organisation.
    let a = run("Ministers meet on Monday\n\nXNA - Xandrian News Agency\n\n\
                 KAVALA, Oct 14, XNA -- The minister said the talks would go on. XNA said more.\n");
    let m = mentions_of(&a, "Xandrian News Agency");
    assert_eq!(m.iter().filter(|t| **t == "XNA").count(), 3, "{:?}", a.entities);
    assert!(a
        .entities
        .iter()
        .filter(|e| e.mentions.iter().any(|m| m.text == "XNA"))
        .all(|e| e.kind == EntityType::Org));
}
