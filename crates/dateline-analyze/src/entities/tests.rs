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
    for c in mentions::find(&text, &toks, &sentences, &res, None, &[]) {
        println!("{:?} {:?} {:?}", &text[c.start..c.end], c.kind, c.source);
    }
}

#[test]
fn a_name_set_off_after_a_role_noun_is_a_person() {
    let ents = run("The utility's chairman, Odhiambo Kiprotich, told a hearing that prices would rise.");
    let p = find(&ents, "Odhiambo Kiprotich").expect("the person after the role noun");
    assert_eq!(p.kind, "PERSON");
    // one capitalised word after the comma is not enough to call it a name
    let ents = run("Prices will rise, its chairman, Reuters reported on Tuesday.");
    assert!(find(&ents, "Reuters").is_none_or(|e| e.kind != "PERSON"), "{ents:?}");
}

#[test]
fn coordinated_places_before_a_plural_head_are_each_places() {
    let ents = run("Aid convoys reached villages in Wajir, Garissa and Mandera counties on Friday.");
    for name in ["Wajir", "Garissa", "Mandera"] {
        let e = find(&ents, name).unwrap_or_else(|| panic!("{name} in {ents:?}"));
        assert_eq!(e.kind, "GPE", "{name}");
    }
    // a single run before the head is left to the other rules; lower-case words are not names
    let ents = run("Officials in several counties said the roads and bridges were closed.");
    assert!(ents.is_empty(), "{ents:?}");
}

#[test]
fn an_organisation_name_goes_on_through_for_the_and_of() {
    let ents =
        run("The United Nations Office for the Coordination of Humanitarian Affairs said its teams had arrived.");
    let long = "United Nations Office for the Coordination of Humanitarian Affairs";
    let org = find(&ents, long).unwrap_or_else(|| panic!("{long} in {ents:?}"));
    assert_eq!(org.kind, "ORG");
    assert!(find(&ents, "Humanitarian Affairs").is_none(), "{ents:?}");
}

#[test]
fn a_weekday_after_an_organisation_is_not_part_of_its_name() {
    let ents = run("The decision was announced by the Commerce Department on Tuesday in a statement.");
    assert!(ents.iter().all(|e| !e.name.contains("Tuesday")), "{ents:?}");
}

#[test]
fn the_place_an_event_is_named_after_is_a_mention_of_it() {
    let ents = run("Mosul was retaken in 2017. The Battle of Mosul lasted nine months.");
    let mosul = find(&ents, "Mosul").unwrap_or_else(|| panic!("{ents:?}"));
    assert_eq!(mosul.mentions.len(), 2, "{mosul:?}");
}

#[test]
fn one_name_written_the_same_way_is_one_entity_of_one_type() {
    // Issue 19: one mistyped mention must neither stand apart as another entity nor spread.
    let text = "Quorvent Holdings said on Monday that Quorvent would cut 300 jobs. Shares of Quorvent \
                fell 4 percent in Dalvik. Quorvent employs 9,000 people, and Quorvent plans a new plant.";
    let ents = run(text);
    let with: Vec<&Entity> = ents.iter().filter(|e| e.mentions.iter().any(|m| m.text == "Quorvent")).collect();
    assert_eq!(with.len(), 1, "{ents:?}");
}

#[test]
fn a_name_before_refugee_camp_is_the_camp() {
    // Issue 19 (and the model's PERSON guess): "X refugee camp" names a place, whatever the
    // recogniser thought of X.
    let text = "Aid workers reached Tarsel Oum refugee camp on Monday. Conditions in Tarsel Oum camp \
                were poor, officials said.";
    let ents = run(text);
    assert!(ents.iter().all(|e| e.kind != "PERSON"), "{ents:?}");
}

#[test]
fn a_name_ending_in_an_organisation_word_is_an_organisation() {
    // Issue 19: organisations typed as places or people ("Mountain" looks like a place).
    let text = "Leaders of the Brask Valley Workers Association met the Corvan Mountain Army on Tuesday.";
    let ents = run(text);
    for name in ["Brask Valley Workers Association", "Corvan Mountain Army"] {
        if let Some(e) = find(&ents, name) {
            assert_eq!(e.kind, "ORG", "{e:?}");
        }
    }
}

#[test]
fn a_place_the_recogniser_ran_on_over_its_place_noun_is_kept() {
    // "the Velma district of Sarno": the name before the place noun is a place, not dropped with
    // the rest of a run-on span.
    let text = "He runs a shop in the Velma district of Sarno, where prices rose again.";
    let ents = run(text);
    assert!(ents.iter().all(|e| !e.name.contains("district")), "{ents:?}");
}

#[test]
fn the_world_food_programme_is_an_organisation() {
    let ents = run("Officials said the World Food Programme would help distribute rations.");
    let wfp = find(&ents, "World Food Programme").expect("World Food Programme");
    assert_eq!(wfp.kind, "ORG");
}
