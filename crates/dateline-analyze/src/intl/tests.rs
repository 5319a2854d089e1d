//! Entities and quotes in French, Spanish, Italian, Portuguese, German and Dutch, on sentences written for
//! these tests (invented people and bodies; real countries and big cities).

use std::sync::OnceLock;

use dateline_text::{Document, Format, Metadata, SourceRef};
use proptest::prelude::*;

use crate::{analyze, Analysis, EntityType, QuoteKind, Resources, Stage};

fn res() -> &'static Resources {
    static R: OnceLock<Resources> = OnceLock::new();
    R.get_or_init(|| Resources::embedded().expect("embedded resources load"))
}

fn run(language: &str, text: &str) -> Analysis {
    let prepared = dateline_text::prepare(text.as_bytes(), &Default::default(), 0).expect("prepared");
    let source = SourceRef { path: Some("t.txt".into()), url: None, format: Format::Text, record: None };
    let meta = Metadata { language: Some(language.to_string()), ..Metadata::default() };
    analyze(&Document::new(prepared, meta, source), res())
}

fn entity<'a>(a: &'a Analysis, name: &str) -> Option<&'a crate::Entity> {
    a.entities.iter().find(|e| e.name == name)
}

/// (kind, speaker name, speaker mention, content) of every quote.
fn quotes(a: &Analysis) -> Vec<(QuoteKind, Option<String>, Option<String>, String)> {
    a.quotes
        .iter()
        .map(|q| {
            (q.kind, q.speaker_name.clone(), q.speaker_mention.as_ref().map(|m| m.text.clone()), q.content.clone())
        })
        .collect()
}

#[test]
fn the_lists_are_well_formed() {
    super::lexicon::check().expect("intl lexicons parse");
    for code in super::lexicon::LANGUAGES {
        let lex = super::for_language(code).expect("a set per language");
        assert!(!lex.speech_verbs.is_empty() && !lex.determiners.is_empty() && !lex.countries.is_empty(), "{code}");
        let mut months: Vec<u32> = lex.months.values().copied().collect();
        months.sort_unstable();
        months.dedup();
        assert_eq!(months, (1..=12).collect::<Vec<_>>(), "{code}: every month named");
        let mut days: Vec<u32> = lex.weekdays.values().copied().collect();
        days.sort_unstable();
        days.dedup();
        assert_eq!(days, (1..=7).collect::<Vec<_>>(), "{code}: every weekday named");
    }
    assert!(super::for_language("pl").is_none());
}

#[test]
fn a_malformed_line_is_reported_with_its_file_and_line() {
    let e = dateline_lexicon::parse::<2>("intl/x.txt", "# c\nfr\tdit\nfr dit\n").expect_err("one field");
    assert_eq!((e.file.as_str(), e.line), ("intl/x.txt", 3));
}

#[test]
fn other_languages_get_every_stage_but_tone() {
    let a = run("fr", "La ministre Claire Vautrin a déclaré mardi que le projet serait abandonné.");
    assert_eq!(a.skipped_stages, vec![Stage::Tone]);
    assert!(a.tone.is_none());
    assert!(entity(&a, "Claire Vautrin").is_some_and(|e| e.kind == EntityType::Person), "{:?}", a.entities);
    // without a publication date a weekday cannot be placed
    assert!(a.times.is_empty(), "{:?}", a.times);
    // a language without lists still skips every reading stage
    let b = run("pl", "Minister Jan Kowal powiedział, że projekt zostanie porzucony.");
    assert!(b.entities.is_empty() && b.quotes.is_empty());
    assert!(b.skipped_stages.contains(&Stage::Entities));
}

fn run_dated(language: &str, text: &str, published: &str) -> Analysis {
    let prepared = dateline_text::prepare(text.as_bytes(), &Default::default(), 0).expect("prepared");
    let source = SourceRef { path: Some("t.txt".into()), url: None, format: Format::Text, record: None };
    let meta = Metadata {
        language: Some(language.to_string()),
        published: Some(published.to_string()),
        ..Metadata::default()
    };
    analyze(&Document::new(prepared, meta, source), res())
}

fn times(a: &Analysis) -> Vec<(String, String)> {
    a.times.iter().map(|t| (t.text.clone(), t.value.clone())).collect()
}

#[test]
fn dates_are_resolved_against_the_publication_date() {
    // 2025-06-11 is a Wednesday
    let a = run_dated(
        "fr",
        "Le conseil a voté lundi un budget pour le 2 septembre 2026. Il se réunira vendredi prochain, \
         comme hier, et depuis le 1er juin. En mars 2024, rien n'était prêt.",
        "2025-06-11",
    );
    let t = times(&a);
    for (text, value) in [
        ("lundi", "2025-06-09"),
        ("2 septembre 2026", "2026-09-02"),
        ("vendredi", "2025-06-13"),
        ("hier", "2025-06-10"),
        ("1er juin", "2025-06-01"),
        ("mars 2024", "2024-03"),
    ] {
        assert!(t.contains(&(text.to_string(), value.to_string())), "{text}: {t:?}");
    }
    let b = run_dated(
        "es",
        "El alcalde dijo el jueves que la plaza abrirá el 4 de enero de 2026. Hoy llueve.",
        "2025-06-11",
    );
    let t = times(&b);
    for (text, value) in [("jueves", "2025-06-05"), ("4 de enero de 2026", "2026-01-04"), ("Hoy", "2025-06-11")] {
        assert!(t.contains(&(text.to_string(), value.to_string())), "{text}: {t:?}");
    }
    let c = run_dated("de", "Die Stadt teilte am Montag mit, die Brücke sei ab dem 20. Juli gesperrt.", "2025-06-11");
    let t = times(&c);
    for (text, value) in [("Montag", "2025-06-09"), ("20. Juli", "2025-07-20")] {
        assert!(t.contains(&(text.to_string(), value.to_string())), "{text}: {t:?}");
    }
}

#[test]
fn an_article_at_a_sentence_start_is_not_part_of_the_name() {
    let a = run("fr", "Le Portugal a signé l'accord. Les dirigeants du Portugal sont satisfaits.");
    let pt = entity(&a, "Portugal").expect("Portugal");
    assert_eq!(pt.kind, EntityType::Gpe);
    assert_eq!(pt.mentions.len(), 2, "{:?}", a.entities);
    assert!(a.entities.iter().all(|e| !e.name.starts_with("Le ")), "{:?}", a.entities);
}

#[test]
fn a_verb_opening_a_sentence_is_not_a_name() {
    let a = run("es", "La policía llegó al barrio a las tres. Encontraron a Mateo Quirell herido en la calle.");
    assert!(entity(&a, "Encontraron").is_none(), "{:?}", a.entities);
    assert!(entity(&a, "Mateo Quirell").is_some(), "{:?}", a.entities);
}

#[test]
fn country_and_city_names_in_the_language_are_places() {
    let a = run("fr", "Les délégués arrivés des États-Unis ont rejoint Londres, puis l'Allemagne.");
    let us = entity(&a, "États-Unis").expect("États-Unis");
    assert_eq!((us.kind, us.country.as_deref()), (EntityType::Gpe, Some("US")));
    assert!(entity(&a, "Londres").is_some_and(|e| e.kind == EntityType::Gpe), "{:?}", a.entities);
    assert!(a.entities.iter().all(|e| e.name != "Unis"), "{:?}", a.entities);
}

#[test]
fn an_organisation_head_makes_an_organisation() {
    let a = run("es", "Los datos del Banco Central de Valtoria preocupan a los inversores del Grupo.");
    let b = entity(&a, "Banco Central de Valtoria").expect("bank");
    assert_eq!(b.kind, EntityType::Org);
    assert!(entity(&a, "Grupo").is_none(), "a head word alone is no name: {:?}", a.entities);
}

#[test]
fn a_direct_quote_with_an_inverted_role_speaker_goes_to_the_role_holder() {
    let text = "Interrogé vendredi, le directeur du réseau ferré Étienne Marchetti a nié la panne des \
                signaux. « Les trains circulent normalement depuis ce matin sur toutes les lignes », a \
                assuré à la radio Onde Verte le directeur.";
    let a = run("fr", text);
    let q = quotes(&a);
    assert!(
        q.iter().any(|(k, s, m, c)| *k == QuoteKind::Direct
            && s.as_deref() == Some("Étienne Marchetti")
            && m.as_deref() == Some("le directeur")
            && c.starts_with("Les trains circulent")),
        "{q:?}"
    );
    // the hearer is never the speaker
    assert!(q.iter().all(|(_, s, _, _)| s.as_deref() != Some("Onde Verte")), "{q:?}");
    // the object of a verb of denial is what was denied
    assert!(
        q.iter().any(|(k, s, _, c)| *k == QuoteKind::Indirect
            && s.as_deref() == Some("Étienne Marchetti")
            && c == "la panne des signaux"),
        "{q:?}"
    );
    // the role phrase joins the person's mentions
    let p = entity(&a, "Étienne Marchetti").expect("person");
    assert!(p.mentions.iter().any(|m| m.text == "le directeur"), "{p:?}");
}

#[test]
fn a_reported_clause_after_que_che_and_que() {
    let a = run("es", "La alcaldesa Lucía Berrocal dijo que el puente será reparado antes de marzo.");
    assert!(
        quotes(&a).iter().any(|(k, s, _, c)| *k == QuoteKind::Indirect
            && s.as_deref() == Some("Lucía Berrocal")
            && c == "el puente será reparado antes de marzo"),
        "{:?}",
        quotes(&a)
    );
    let b = run("it", "Il sindaco Marco Vellani ha detto che la scuola riaprirà lunedì.");
    assert!(
        quotes(&b).iter().any(|(_, s, _, c)| s.as_deref() == Some("Marco Vellani") && c == "la scuola riaprirà lunedì"),
        "{:?}",
        quotes(&b)
    );
    let c = run("pt", "O governador Paulo Tavares disse que a estrada ficará fechada.");
    assert!(
        quotes(&c).iter().any(|(_, s, _, c)| s.as_deref() == Some("Paulo Tavares") && c == "a estrada ficará fechada"),
        "{:?}",
        quotes(&c)
    );
}

#[test]
fn a_clause_before_an_inverted_cue_is_reported_speech() {
    let a = run("it", "La diga non è sicura e andrà chiusa entro l'estate, ha detto Giulia Ferrandi.");
    assert!(
        quotes(&a).iter().any(|(_, s, _, c)| s.as_deref() == Some("Giulia Ferrandi")
            && c == "La diga non è sicura e andrà chiusa entro l'estate"),
        "{:?}",
        quotes(&a)
    );
}

#[test]
fn according_to_attributes_the_rest_of_the_sentence() {
    let a = run("fr", "Selon Amandine Roussel, la récolte sera deux fois plus faible cette année.");
    assert!(
        quotes(&a).iter().any(|(_, s, _, c)| s.as_deref() == Some("Amandine Roussel")
            && c == "la récolte sera deux fois plus faible cette année"),
        "{:?}",
        quotes(&a)
    );
}

#[test]
fn a_name_that_modifies_a_noun_is_no_speaker() {
    // "un message de X": the message speaks, not X; "le gouvernement du Y": not Y
    let a = run("es", "Un mensaje de Rodrigo Almenar señaló: \"Nadie nos avisó de nada antes del cierre\".");
    assert!(quotes(&a).iter().all(|(_, s, _, _)| s.as_deref() != Some("Rodrigo Almenar")), "{:?}", quotes(&a));
}

#[test]
fn a_pronoun_with_two_people_before_it_stays_unresolved() {
    let text = "Inès Carvalho a rencontré Sophie Lamarre à Lyon. « Nous avons trouvé un terrain d'entente \
                sur les salaires », a-t-elle déclaré.";
    let a = run("fr", text);
    let q = quotes(&a);
    assert!(q.iter().any(|(k, s, m, _)| *k == QuoteKind::Direct && s.is_none() && m.is_some()), "{q:?}");
}

#[test]
fn a_headline_is_never_a_quote() {
    let text = "La directrice Odile Ferracci nie la panne des signaux\n\n\
                La directrice Odile Ferracci a nié vendredi la panne des signaux.";
    let a = run("fr", text);
    assert_eq!(a.title.as_deref(), Some("La directrice Odile Ferracci nie la panne des signaux"));
    let body = text.rfind("La directrice").expect("body");
    assert!(!a.quotes.is_empty(), "the body's denial is found");
    assert!(a.quotes.iter().all(|q| q.span.0 > body), "{:?}", quotes(&a));
}

#[test]
fn amounts_with_comma_decimals_grouped_thousands_units_and_qualifiers() {
    let a = run_dated(
        "fr",
        "La région compte plus de 12.500 sinistrés et près de 3 400 maisons détruites. La reconstruction \
         coûtera 1,8 milliard d'euros, soit 15 % du budget. Le 3 mai 2025, 40 pompiers étaient mobilisés.",
        "2025-05-10",
    );
    let got: Vec<(String, f64, Option<String>, Option<crate::Qualifier>)> =
        a.amounts.iter().map(|x| (x.text.clone(), x.value, x.unit.clone(), x.qualifier)).collect();
    use crate::Qualifier::*;
    for (text, value, unit, q) in [
        ("plus de 12.500 sinistrés", 12_500.0, "sinistrés", Some(MoreThan)),
        ("près de 3 400 maisons", 3_400.0, "maisons", Some(Approximately)),
        ("1,8 milliard d'euros", 1.8e9, "euros", None),
        ("15 %", 15.0, "percent", None),
        ("40 pompiers", 40.0, "pompiers", None),
    ] {
        assert!(got.contains(&(text.to_string(), value, Some(unit.to_string()), q)), "{text}: {got:?}");
    }
    // the date's numbers are no amounts
    assert!(got.iter().all(|g| g.1 != 3.0 && g.1 != 2025.0), "{got:?}");
    // money carries its ISO code; counts do not
    let code = |t: &str| a.amounts.iter().find(|x| x.text == t).and_then(|x| x.currency.clone());
    assert_eq!(code("1,8 milliard d'euros").as_deref(), Some("EUR"));
    assert_eq!(code("40 pompiers"), None);
    let b = run("es", "El plan costará 2.300 millones de dólares y unas 90 viviendas serán demolidas.");
    let got: Vec<(f64, Option<String>)> = b.amounts.iter().map(|x| (x.value, x.unit.clone())).collect();
    assert!(got.contains(&(2.3e9, Some("dólares".to_string()))), "{got:?}");
    assert!(b.amounts.iter().any(|x| x.value == 2.3e9 && x.currency.as_deref() == Some("USD")), "{:?}", b.amounts);
    assert!(got.contains(&(90.0, Some("viviendas".to_string()))), "{got:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Any text in any of the languages is analysed without a panic, and every quote and
    /// mention is a span of the text holding what it says.
    #[test]
    fn any_text_is_read_and_spans_hold(text in "[A-Za-zÉéèàç«»\"',.:; \\n-]{0,200}", k in 0usize..4) {
        let lang = super::lexicon::LANGUAGES[k];
        let a = run(lang, &text);
        for q in &a.quotes {
            prop_assert_eq!(a.text.get(q.span.0..q.span.1), Some(q.content.as_str()));
        }
        for e in &a.entities {
            for m in &e.mentions {
                prop_assert_eq!(a.text.get(m.span.0..m.span.1), Some(m.text.as_str()));
            }
        }
    }
}

#[test]
fn a_time_phrase_is_no_speaker_and_a_role_in_apposition_names_the_person() {
    let text = "\"Nadie esperaba una respuesta tan rápida del ministerio\", dijo el jueves el presidente del \
                sindicato, Tomás Irazoqui.";
    let a = run("es", text);
    let q = quotes(&a);
    assert!(
        q.iter().any(|(k, s, m, _)| *k == QuoteKind::Direct
            && s.as_deref() == Some("Tomás Irazoqui")
            && m.as_deref() == Some("Tomás Irazoqui")),
        "{q:?}"
    );
}

#[test]
fn a_role_followed_by_the_name_is_that_person_and_the_dateline_is_no_content() {
    let text = "VALENCIA (EFE) - El ayuntamiento cerrará el mercado central durante las obras, dijo el \
                alcalde Ramón Ezquerra.";
    let a = run("es", text);
    let q = quotes(&a);
    assert!(
        q.iter().any(|(k, s, _, c)| *k == QuoteKind::Indirect
            && s.as_deref() == Some("Ramón Ezquerra")
            && c == "El ayuntamiento cerrará el mercado central durante las obras"),
        "{q:?}"
    );
}

#[test]
fn german_keeps_only_names_with_evidence_beyond_their_capitals() {
    let text = "Die Regierung in Berlin prüft den Vorschlag. Der Angriff auf die Anlage wurde am Montag \
                gemeldet. Ministerin Karoline Wendhausen sagte, dass die Prüfung Wochen dauern werde. \
                Wendhausen sprach von einer schwierigen Lage in Deutschland.";
    let a = run("de", text);
    for noun in ["Regierung", "Vorschlag", "Angriff", "Anlage", "Prüfung", "Lage"] {
        assert!(a.entities.iter().all(|e| !e.name.contains(noun)), "{noun}: {:?}", a.entities);
    }
    let p = entity(&a, "Karoline Wendhausen").expect("person");
    assert!(p.mentions.iter().any(|m| m.text == "Wendhausen"), "{p:?}");
    assert!(entity(&a, "Deutschland").is_some_and(|e| e.country.as_deref() == Some("DE")), "{:?}", a.entities);
    assert!(entity(&a, "Berlin").is_some(), "{:?}", a.entities);
    assert!(
        quotes(&a).iter().any(|(k, s, _, c)| *k == QuoteKind::Indirect
            && s.as_deref() == Some("Karoline Wendhausen")
            && c == "die Prüfung Wochen dauern werde"),
        "{:?}",
        quotes(&a)
    );
}

#[test]
fn a_german_quote_with_its_inverted_speaker_and_a_word_stem_that_is_no_place() {
    let text = "Die Corona-Krise trifft die Häfen. „Wir rechnen mit deutlich weniger Ladung in diesem \
                Jahr“, sagte Hafenchef Jonas Brettschneider der Zeitung.";
    let a = run("de", text);
    assert!(entity(&a, "Corona").is_none(), "{:?}", a.entities);
    assert!(
        quotes(&a).iter().any(|(k, s, _, c)| *k == QuoteKind::Direct
            && s.as_deref() == Some("Jonas Brettschneider")
            && c.starts_with("Wir rechnen")),
        "{:?}",
        quotes(&a)
    );
}

#[test]
fn a_city_by_its_own_name_and_according_to_a_named_role() {
    let text = "Les travaux du tramway de Lyon reprendront en mai. Selon la porte-parole Maëlle Quentric, \
                le chantier coûtera deux fois plus que prévu.";
    let a = run("fr", text);
    assert!(entity(&a, "Lyon").is_some_and(|e| e.kind == EntityType::Gpe), "{:?}", a.entities);
    assert!(
        quotes(&a).iter().any(|(k, s, _, c)| *k == QuoteKind::Indirect
            && s.as_deref() == Some("Maëlle Quentric")
            && c == "le chantier coûtera deux fois plus que prévu"),
        "{:?}",
        quotes(&a)
    );
}

#[test]
fn a_quote_with_no_subject_written_continues_the_speaker_before_it() {
    let text = "La jueza Marta Olivencia dijo que el caso seguirá abierto. \"No vamos a cerrar nada sin \
                pruebas sólidas\", añadió.";
    let a = run("es", text);
    let q = quotes(&a);
    assert!(
        q.iter().any(|(k, s, m, c)| *k == QuoteKind::Direct
            && s.as_deref() == Some("Marta Olivencia")
            && m.is_none()
            && c.starts_with("No vamos")),
        "{q:?}"
    );
    // far from any attribution, nobody is guessed
    let b = run(
        "es",
        "El puerto cerró ayer. Las lluvias siguieron. \"No vamos a cerrar nada sin pruebas sólidas\", añadió.",
    );
    assert!(quotes(&b).iter().all(|(_, s, _, _)| s.is_none()), "{:?}", quotes(&b));
}

#[test]
fn a_name_in_apposition_before_the_verb_is_the_speaker() {
    let a = run("es", "El director del hospital, Tomás Beltrán, dijo que faltan camas en la planta tercera.");
    assert!(
        quotes(&a).iter().any(|(k, s, _, c)| *k == QuoteKind::Indirect
            && s.as_deref() == Some("Tomás Beltrán")
            && c == "faltan camas en la planta tercera"),
        "{:?}",
        quotes(&a)
    );
}

#[test]
fn dutch_names_keep_their_particles_and_aldus_attributes_a_quote() {
    let text = "De wethouder van Utrecht, Pieter van Dijkhuizen, zei dinsdag dat de brug in mei 2026 \
                opengaat. \"We liggen goed op schema\", aldus Van Dijkhuizen. Volgens de gemeente kost de \
                brug ruim 40 miljoen euro.";
    let a = run_dated("nl", text, "2025-06-11");
    let p = entity(&a, "Pieter van Dijkhuizen").expect("person");
    assert!(p.mentions.iter().any(|m| m.text == "Van Dijkhuizen"), "{p:?}");
    let q = quotes(&a);
    assert!(
        q.iter().any(|(k, s, _, c)| *k == QuoteKind::Direct
            && s.as_deref() == Some("Pieter van Dijkhuizen")
            && c == "We liggen goed op schema"),
        "{q:?}"
    );
    assert!(
        q.iter().any(|(k, s, _, c)| *k == QuoteKind::Indirect
            && s.as_deref() == Some("Pieter van Dijkhuizen")
            && c == "de brug in mei 2026 opengaat"),
        "{q:?}"
    );
    assert!(times(&a).contains(&("dinsdag".to_string(), "2025-06-10".to_string())), "{:?}", times(&a));
    assert!(times(&a).contains(&("mei 2026".to_string(), "2026-05".to_string())), "{:?}", times(&a));
    assert!(a.amounts.iter().any(|x| x.value == 4e7 && x.unit.as_deref() == Some("euro")), "{:?}", a.amounts);
}
