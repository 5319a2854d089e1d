use super::*;
use crate::Resources;

fn resources() -> Resources {
    Resources::embedded().expect("embedded resources load")
}

fn run(text: &str) -> Vec<Entity> {
    let sentences = dateline_text::segment::sentences(text);
    find_entities(text, &sentences, &resources(), None)
}

fn find<'a>(ents: &'a [Entity], name: &str) -> Option<&'a Entity> {
    ents.iter().find(|e| e.name == name)
}

#[test]
fn determiners_and_possessives_are_not_part_of_names() {
    let ents = run("The United States' envoy met officials of the United States and Kenya's leaders.");
    let us = find(&ents, "United States").expect("United States");
    assert!(us.mentions.iter().all(|m| m.text == "United States"), "{us:?}");
    assert_eq!(us.mentions.len(), 2);
    let ke = find(&ents, "Kenya").expect("Kenya");
    assert_eq!(ke.mentions[0].text, "Kenya");
}

#[test]
fn acronym_in_parentheses_with_a_comment() {
    let text = "Fighters of the Free Mountain Army (FMA, banned in several countries) attacked. \
                Later the FMA withdrew.";
    let ents = run(text);
    let fma = ents.iter().find(|e| e.mentions.iter().any(|m| m.text == "FMA")).expect("FMA");
    assert_eq!(fma.name, "Free Mountain Army");
    assert_eq!(fma.kind, "ORG");
    assert_eq!(fma.mentions.len(), 3, "{fma:?}");
}

#[test]
fn apposition_role_and_military_coreference() {
    let text = "The threat is growing, the commander of the northern defense directorate, Maj. Gen. \
                Ivo Marek, said on Sunday. President Lena Holt visited the border. \"We are ready,\" \
                the military official added.";
    let ents = run(text);
    let marek = find(&ents, "Ivo Marek").expect("Ivo Marek");
    assert_eq!(marek.title.as_deref(), Some("Maj. Gen."));
    assert_eq!(marek.role.as_deref(), Some("commander of the northern defense directorate"));
    assert!(marek.mentions.iter().any(|m| m.text == "the military official" && m.via.is_some()), "{ents:?}");
}

#[test]
fn empty_text() {
    assert!(run("").is_empty());
    assert!(run("   \n").is_empty());
}

#[test]
fn mentions_slice_the_text() {
    let text = "Chancellor Angela Merkel met French President Emmanuel Macron in Berlin on Monday. \
                Merkel said Germany and France would act together.";
    for e in run(text) {
        for m in &e.mentions {
            assert_eq!(&text[m.span.0..m.span.1], m.text);
        }
    }
}

/// Prints the candidates and tokens for the text in `DLNER_DEBUG` (a file path).
#[test]
#[ignore]
fn debug_candidates() {
    let Ok(path) = std::env::var("DLNER_DEBUG") else { return };
    let text = std::fs::read_to_string(path).expect("read");
    let res = resources();
    let sentences = dateline_text::segment::sentences(&text);
    let toks = tokens(&text, &sentences);
    for s in 0..sentences.len() {
        let words: Vec<&str> = toks.iter().filter(|t| t.sentence == s).map(|t| &text[t.start..t.end]).collect();
        let pred = res.ner.predict(&words);
        let shown: Vec<String> =
            pred.iter().map(|(a, b, l)| format!("[{} {}]", l.as_str(), words[*a..*b].join(" "))).collect();
        println!("{}\n   {}", words.join(" "), shown.join(" "));
    }
    for c in mentions::find(&text, &toks, &sentences, &res, None) {
        println!("{:?} {:?} {:?}", &text[c.start..c.end], c.kind, c.source);
    }
}
