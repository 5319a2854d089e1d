//! Events (issue 18): different outlets' stories about one happening are one event, each story
//! kept apart with its own versions; unrelated stories and the same names weeks later are events
//! of their own; a file from before events (version 6) gains them. Every article here was written for these tests.

use dateline_analyze::{Analysis, Entity, Format, Mention, Quote, QuoteKind, SourceRef, Span};
use dateline_store::{Store, SCHEMA_VERSION};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn person(id: usize, name: &str, kind: &str) -> Entity {
    Entity {
        id: format!("e{id}"),
        name: name.into(),
        kind: kind.parse().expect("an entity type"),
        title: None,
        role: None,
        country: None,
        geo: None,
        mentions: vec![Mention { text: name.into(), span: Span(0, 0), via: None }],
    }
}

fn quote(speaker: &str, content: &str) -> Quote {
    Quote {
        speaker: None,
        speaker_name: Some(speaker.into()),
        speaker_mention: None,
        speaker_affiliation: None,
        kind: QuoteKind::Direct,
        cue: Some("said".into()),
        content: content.into(),
        span: Span(0, 0),
        confidence: 0.9,
        tone: None,
    }
}

fn article(text: &str, published: &str, names: &[(&str, &str)], quotes: Vec<Quote>, path: &str) -> Analysis {
    let source = SourceRef { path: Some(path.into()), url: None, format: Format::Text, record: None };
    Analysis {
        published: Some(published.into()),
        entities: names.iter().enumerate().map(|(i, (n, k))| person(i, n, k)).collect(),
        quotes,
        ..Analysis::bare(text, source)
    }
}

const BRIDGE_QUOTE: &str = "We will not reopen the crossing until every cable has been checked";

/// Three outlets on one happening: the collapse of a footbridge in Halvik. Different words, the
/// same names, the same day, and one quote two of them carry.
fn coverage() -> Vec<Analysis> {
    let names = [("Halvik", "GPE"), ("Marta Iversen", "PERSON"), ("Tovik River", "LOC")];
    vec![
        article(
            "A footbridge over the Tovik River in Halvik collapsed on Saturday morning, injuring four walkers, \
             police said. The suspension bridge, built in 1987, gave way as a group crossed it. Mayor Marta \
             Iversen said engineers would inspect the cables of every footbridge in the district.",
            "2025-06-14",
            &names,
            vec![quote("Marta Iversen", BRIDGE_QUOTE)],
            "outlet-a.txt",
        ),
        article(
            "Four people were hurt when a suspension footbridge fell into the Tovik River at Halvik on Saturday. \
             Witnesses said cables snapped as walkers crossed. Marta Iversen, the mayor, ordered an inspection \
             of the district's footbridges and closed the riverside path.",
            "2025-06-14",
            &names,
            vec![quote("Marta Iversen", BRIDGE_QUOTE)],
            "outlet-b.txt",
        ),
        article(
            "Halvik footbridge collapse: the 1987 suspension crossing over the Tovik River failed on Saturday, \
             and four walkers were taken to hospital. Mayor Iversen has promised checks of the cables on all \
             footbridges in the district before the riverside path reopens.",
            "2025-06-15",
            &names,
            Vec::new(),
            "outlet-c.txt",
        ),
    ]
}

/// Forty short local reports on other matters (eight topics in five towns), so that the store's
/// word rarities look like a newsroom's: "said", "the" and "on" are everywhere, "footbridge" is not.
fn background() -> Vec<Analysis> {
    let towns = ["Osken", "Tervin", "Brask", "Lunde", "Morvik"];
    let topics = [
        "Teachers in TOWN asked the school board for smaller classes on Tuesday, saying that rooms built for \
         twenty pupils now hold thirty.",
        "Evening buses in TOWN will run every half hour from September, the transport office said, after \
         commuters complained about waits in the dark.",
        "Fishing boats will pay lower harbour fees in TOWN during the winter months under a plan the port \
         board approved on Monday.",
        "The public library of TOWN will open its reading room on Sundays, the culture department said, \
         answering a petition signed by students.",
        "Households in TOWN face a small rise in water tariffs this autumn to pay for new pipes under the \
         old quarter, the utility said.",
        "A new stand at the TOWN football stadium will seat two thousand fans and should be ready for the \
         spring season, the club said.",
        "Hospital staff in TOWN will get their own car park after nurses said they spent half an hour \
         looking for spaces before night shifts.",
        "Old street lamps in TOWN are being replaced with cheaper lights, which officials say will halve \
         the electricity bill for the streets.",
    ];
    let mut out = Vec::new();
    for (i, town) in towns.iter().enumerate() {
        for (j, topic) in topics.iter().enumerate() {
            let date = format!("2025-0{}-1{}", 1 + (i % 5), j % 9);
            let text = topic.replace("TOWN", town);
            out.push(article(&text, &date, &[(town, "GPE")], Vec::new(), &format!("bg-{i}-{j}.txt")));
        }
    }
    out
}

fn unrelated() -> Vec<Analysis> {
    vec![
        article(
            "The Halvik chess club won the regional team championship on Sunday, beating the holders in the final \
             round. Club captain Rune Dahl said the juniors had carried the team all season.",
            "2025-06-15",
            &[("Halvik", "GPE"), ("Rune Dahl", "PERSON")],
            Vec::new(),
            "chess.txt",
        ),
        article(
            "Grain prices at the Norrby exchange fell for a third week as the early harvest in the south came in \
             larger than expected, traders said. Feed barley lost the most.",
            "2025-06-14",
            &[("Norrby", "GPE")],
            Vec::new(),
            "grain.txt",
        ),
    ]
}

#[test]
fn different_outlets_on_one_happening_are_one_event_of_separate_stories() -> TestResult {
    let mut store = Store::open_in_memory()?;
    store.insert_batch(&background())?;
    let mut batch = unrelated();
    batch.extend(coverage());
    store.insert_batch(&batch)?;
    let story = |a: &Analysis| -> Result<i64, Box<dyn std::error::Error>> {
        store.story_of(&a.id)?.ok_or_else(|| "no story".into())
    };
    let cov = coverage();
    let stories: Vec<i64> = cov.iter().map(story).collect::<Result<_, _>>()?;
    assert!(stories[0] != stories[1] && stories[1] != stories[2] && stories[0] != stories[2], "not copies");
    let events: Vec<Option<i64>> = stories.iter().map(|&s| store.event_of_story(s)).collect::<Result<_, _>>()?;
    assert!(events[0].is_some());
    assert!(events.iter().all(|e| *e == events[0]), "{events:?}");
    let event = store.event(events[0].ok_or("no event")?)?.ok_or("event missing")?;
    assert_eq!(event.size, 3);
    assert_eq!((event.first_seen.as_str(), event.last_seen.as_str()), ("2025-06-14", "2025-06-15"));
    // The unrelated stories are events of their own, even the one sharing the town's name.
    for a in unrelated() {
        let e = store.event_of_story(story(&a)?)?;
        assert!(e.is_some() && e != events[0]);
    }
    let listed = store.events(0, 10, 2)?;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].stories.len(), 3);
    assert_eq!(store.events(0, 100, 1)?.len(), 3 + background().len());
    Ok(())
}

#[test]
fn the_same_names_weeks_later_are_another_event() -> TestResult {
    let mut store = Store::open_in_memory()?;
    store.insert_batch(&background())?;
    let mut first = unrelated();
    first.push(coverage().remove(0));
    store.insert_batch(&first)?;
    let mut later = coverage().remove(1);
    later.published = Some("2025-07-20".into());
    store.insert_batch(std::slice::from_ref(&later))?;
    let e1 = store.event_of_story(store.story_of(&first[2].id)?.ok_or("no story")?)?;
    let e2 = store.event_of_story(store.story_of(&later.id)?.ok_or("no story")?)?;
    assert!(e1.is_some() && e2.is_some() && e1 != e2);
    Ok(())
}

#[test]
fn placing_is_independent_of_batching() -> TestResult {
    let mut one = Store::open_in_memory()?;
    let mut all = background();
    all.extend(unrelated());
    all.extend(coverage());
    one.insert_batch(&all)?;
    let mut many = Store::open_in_memory()?;
    for a in &all {
        many.insert_batch(std::slice::from_ref(a))?;
    }
    let sizes = |s: &Store| -> Result<Vec<u64>, Box<dyn std::error::Error>> {
        Ok(s.events(0, 100, 1)?.iter().map(|e| e.size).collect())
    };
    assert_eq!(sizes(&one)?, sizes(&many)?);
    Ok(())
}

/// A store written before events (version 6) gains them: each story its own event, and its
/// articles indexed so that stories stored after the migration join their events.
#[test]
fn a_version_5_file_gains_events() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("v5.db");
    let mut cov = coverage();
    let old = cov.remove(0);
    let before = background().len() + unrelated().len() + 1;
    {
        let mut store = Store::open(&path)?;
        store.insert_batch(&background())?;
        store.insert_batch(&unrelated())?;
        store.insert_batch(std::slice::from_ref(&old))?;
    }
    // Take the file back to version 6 (quote wordings, no events) as an older dateline left it.
    rusqlite::Connection::open(&path)?.execute_batch(
        "ALTER TABLE story_members DROP COLUMN sentences;
         INSERT INTO lsh_bands SELECT * FROM lsh_fresh; DROP TABLE lsh_fresh; DROP TABLE event_keys_fresh;
         DROP INDEX stories_event; ALTER TABLE stories DROP COLUMN event_id; DROP TABLE events;
         DROP TABLE event_keys; DROP TABLE term_df; DROP TABLE term_df_fresh; DROP TABLE term_docs; DROP TABLE event_backlog;
         PRAGMA user_version = 6;",
    )?;
    let store = Store::open(&path)?;
    assert_eq!(store.schema_version()?, SCHEMA_VERSION);
    assert_eq!(SCHEMA_VERSION, 11);
    let events = store.events(0, 100, 1)?;
    assert_eq!(events.len(), before);
    for e in &events {
        assert_eq!(e.stories.len(), 1);
        assert_eq!(store.event_of_story(e.stories[0].id)?, Some(e.id));
    }
    drop(store);
    // Opening again finds nothing left to index.
    let mut store = Store::open(&path)?;
    store.insert_batch(&cov)?;
    let joined = store.events(0, 10, 2)?;
    assert_eq!(joined.first().map(|e| e.size), Some(3), "the new stories join the old one's event");
    let old_event = store.event_of_story(store.story_of(&old.id)?.ok_or("no story")?)?;
    assert_eq!(joined.first().map(|e| e.id), old_event);
    Ok(())
}

/// `(term, df)` rows sorted by term, and the documents counted.
type TermCounts = (Vec<(i64, i64)>, i64);

/// The document frequencies of a store (a term's count is the sum of its settled and fresh rows).
fn term_counts(path: &std::path::Path) -> Result<TermCounts, Box<dyn std::error::Error>> {
    let conn = rusqlite::Connection::open(path)?;
    let mut stmt = conn.prepare(
        "SELECT term, sum(df) FROM (SELECT term, df FROM term_df UNION ALL SELECT term, df FROM term_df_fresh)
         GROUP BY term ORDER BY term",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<Vec<_>, _>>()?;
    let docs = conn.query_row("SELECT docs FROM term_docs WHERE id = 1", [], |r| r.get(0))?;
    Ok((rows, docs))
}

/// A version 7 file counted other terms (before stemming by language): opening it recounts the
/// document frequencies from the stored articles, to what a fresh store of the same articles has.
#[test]
fn a_version_7_file_recounts_its_term_frequencies() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (fresh, old) = (dir.path().join("fresh.db"), dir.path().join("v7.db"));
    for path in [&fresh, &old] {
        let mut store = Store::open(path)?;
        store.insert_batch(&background())?;
        store.insert_batch(&coverage())?;
    }
    let expected = term_counts(&fresh)?;
    assert_eq!(expected.1, (background().len() + coverage().len()) as i64);
    assert!(!expected.0.is_empty());
    rusqlite::Connection::open(&old)?.execute_batch(
        "ALTER TABLE story_members DROP COLUMN sentences;
         INSERT INTO lsh_bands SELECT * FROM lsh_fresh; DROP TABLE lsh_fresh;
         INSERT INTO event_keys SELECT * FROM event_keys_fresh; DROP TABLE event_keys_fresh;
         DROP TABLE term_df_fresh;
         UPDATE term_df SET df = df + 7; INSERT INTO term_df (term, df) VALUES (12345, 3);
         UPDATE term_docs SET docs = 999; DELETE FROM event_backlog; PRAGMA user_version = 7;",
    )?;
    let store = Store::open(&old)?;
    assert_eq!(store.schema_version()?, SCHEMA_VERSION);
    drop(store);
    assert_eq!(term_counts(&old)?, expected);
    Ok(())
}

fn in_language(mut a: Analysis, language: &str) -> Analysis {
    a.language = language.into();
    a
}

/// Two English stories on different happenings, and Spanish articles that share their names.
fn across_languages() -> (Analysis, Analysis, Analysis, Analysis) {
    let strike = in_language(
        article(
            "Dock workers at the port of Selvig walked out on Monday, halting container traffic, after \
             talks between the union led by Oskar Lindqvist and Nordhavn Shipping broke down over night \
             shifts. Lindqvist said the workers would stay out until Nordhavn Shipping put a new offer on \
             the table. Cranes at Selvig stood idle for most of the day.",
            "2025-09-01",
            &[("Selvig", "GPE"), ("Oskar Lindqvist", "PERSON"), ("Nordhavn Shipping", "ORG")],
            vec![],
            "strike-en.txt",
        ),
        "en",
    );
    let tennis = in_language(
        article(
            "Ilsa Brandt won the Kerrow Open on Sunday, beating the top seed in three sets on a windy centre \
             court. Brandt, who had never passed the second round at Kerrow, dropped the first set before \
             taking control with her serve. The Kerrow Open is the last event before the autumn season.",
            "2025-09-01",
            &[("Ilsa Brandt", "PERSON"), ("Kerrow Open", "EVENT"), ("Kerrow", "GPE")],
            vec![],
            "tennis-en.txt",
        ),
        "en",
    );
    let strike_es = in_language(
        article(
            "Los estibadores del puerto de Selvig dejaron de trabajar el lunes y el tráfico de contenedores \
             quedó paralizado, después de que fracasaran las conversaciones entre el sindicato de Oskar \
             Lindqvist y la naviera Nordhavn Shipping. Según Lindqvist, la huelga seguirá hasta que Nordhavn \
             Shipping presente una nueva oferta. Las grúas de Selvig estuvieron paradas casi todo el día.",
            "2025-09-02",
            &[("Selvig", "GPE"), ("Oskar Lindqvist", "PERSON"), ("Nordhavn Shipping", "ORG")],
            vec![],
            "strike-es.txt",
        ),
        "es",
    );
    let digest_es = in_language(
        article(
            "Resumen del día: en el puerto de Selvig sigue la huelga convocada por Oskar Lindqvist contra \
             Nordhavn Shipping, y en el deporte, Ilsa Brandt ganó el Kerrow Open. Lindqvist y Brandt fueron \
             los nombres de la jornada en Selvig y en Kerrow.",
            "2025-09-02",
            &[("Selvig", "GPE"), ("Oskar Lindqvist", "PERSON"), ("Ilsa Brandt", "PERSON")],
            vec![],
            "digest-es.txt",
        ),
        "es",
    );
    (strike, tennis, strike_es, digest_es)
}

/// An article in another language joins the event whose names it shares; names shared across
/// languages never bridge two events (a digest naming both stories would chain them).
#[test]
fn names_join_an_event_across_languages_but_never_bridge_two() -> TestResult {
    let mut store = Store::open_in_memory()?;
    store.insert_batch(&background())?;
    let (strike, tennis, strike_es, digest_es) = across_languages();
    store.insert_batch(&[strike.clone(), tennis.clone()])?;
    fn event(store: &Store, a: &Analysis) -> Result<Option<i64>, Box<dyn std::error::Error>> {
        Ok(store.event_of_story(store.story_of(&a.id)?.ok_or("no story")?)?)
    }
    let (e_strike, e_tennis) = (event(&store, &strike)?, event(&store, &tennis)?);
    assert!(e_strike.is_some() && e_strike != e_tennis);
    store.insert_batch(std::slice::from_ref(&digest_es))?;
    let joined = event(&store, &digest_es)?;
    assert!(joined == e_strike || joined == e_tennis, "the digest shares names with both: {joined:?}");
    assert_ne!(event(&store, &strike)?, event(&store, &tennis)?, "the digest bridged the two events");
    let mut store = Store::open_in_memory()?;
    store.insert_batch(&background())?;
    store.insert_batch(&[strike.clone(), tennis, strike_es.clone()])?;
    assert_eq!(event(&store, &strike_es)?, event(&store, &strike)?, "the Spanish report joins the strike's event");
    Ok(())
}
