//! Issue 18: edited copies of a wire story join its story, whatever the newsroom did to it
//! (flattened into one paragraph, trimmed, re-led, a local paragraph added), while two different
//! articles behind the same registration wall stay apart. Every article here was written for
//! these tests.

use dateline_analyze::fingerprint::Shingles;
use dateline_analyze::{Analysis, Dateline, Format, SourceRef, Span};
use dateline_store::{Store, StoryOptions};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The wire original: a dateline, then eight paragraphs.
const WIRE: &[&str] = &[
    "BRAVINA (Northwire) - The port of Bravina reopened its container terminal on Monday after a fire \
     in a warehouse closed it for nine days, the harbour authority said. Ships that had waited at anchor \
     began to berth before dawn.",
    "The fire started in a store of cooking oil on the night of March 2 and spread to two cranes, \
     according to the authority. Nobody was hurt, but about 300 containers were damaged by heat and water.",
    "\"We lost nine days and a great deal of trust,\" said Ilse Marant, the authority's director. \"Our \
     job now is to clear the backlog without cutting corners on safety.\"",
    "Shipping agents said more than forty vessels had been diverted to the smaller port of Keloso during \
     the closure. Freight rates on the route rose by a fifth in the first week.",
    "The terminal handles about a third of the country's imports of machinery and medicine. Pharmacies in \
     the capital reported shortages of some antibiotics last week.",
    "Investigators from the fire service have not said what caused the blaze. A report is expected by the \
     end of April, the interior ministry said in a statement.",
    "The dockworkers' union said its members would work extra shifts for two weeks to clear the backlog. \
     Union secretary Pavel Orrin said the men had been promised overtime pay at double the usual rate.",
    "Bravina's terminal was expanded in 2019 with loans from a regional development bank. It handled \
     1.2 million containers last year, a record.",
];

/// Unrelated wire stories: they keep the store from being a two-article toy.
const OTHERS: &[&str] = &[
    "TERVIN (Northwire) - The national orchestra of Tervin will tour six cities in the north this summer, \
     its manager said on Friday. The tour opens in the old theatre of Hollam on June 12.\n\
     Tickets go on sale next week, with discounts for students and pensioners.\n\
     The orchestra last toured the region eleven years ago, before the theatre was restored.",
    "OSKEN (Northwire) - Farmers in the Osken valley began the barley harvest two weeks early after a dry, \
     warm spring, the farmers' cooperative said on Wednesday.\n\
     Yields look close to last year's, but prices have fallen by about eight percent.\n\
     The cooperative asked the government to buy part of the crop for the strategic reserve.",
];

fn analysis(text: &str, path: &str) -> Analysis {
    let end = text.find(" - ").map_or(0, |i| i + 2);
    let source = SourceRef { path: Some(path.into()), url: None, format: Format::Text, record: None };
    Analysis {
        dateline: (end > 0).then(|| Dateline {
            place: Some("Bravina".into()),
            country: None,
            sources: vec!["Northwire".into()],
            date: None,
            span: Span(0, end),
        }),
        published: Some("2025-03-11".into()),
        ..Analysis::bare(text, source)
    }
}

/// Stores the original, the unrelated stories and then `copy`; returns how many articles the
/// original's story holds and the copy's shingle similarity to the original.
fn joins(copy: &str) -> Result<(u64, f64, f64), Box<dyn std::error::Error>> {
    let mut store = Store::open_in_memory()?;
    let original = WIRE.join("\n");
    let mut batch = vec![analysis(&original, "wire.txt")];
    batch.extend(OTHERS.iter().enumerate().map(|(i, t)| analysis(t, &format!("other{i}.txt"))));
    store.insert_batch(&batch)?;
    let copy_record = analysis(copy, "copy.txt");
    store.insert_batch(std::slice::from_ref(&copy_record))?;
    let story = store.story_of(&batch[0].id)?.ok_or("the original has no story")?;
    let size = store.story(story)?.map_or(0, |s| s.summary.size);
    let skip = |a: &Analysis| a.dateline.as_ref().map(|d| d.span.0..d.span.1);
    let sim = Shingles::of(&original, skip(&batch[0])).similarity(&Shingles::of(copy, skip(&copy_record)));
    // The unrelated stories stay alone.
    for other in &batch[1..] {
        let s = store.story_of(&other.id)?.ok_or("no story")?;
        assert_eq!(store.story(s)?.map(|s| s.summary.size), Some(1));
    }
    Ok((size, sim.jaccard, sim.containment))
}

/// Shingles alone would leave `copy` out: so the test proves the sentence evidence works. Its
/// shingle containment stays above 0.6, well over the floor below which the store does not
/// look at sentences (0.35).
fn shingles_would_miss(jaccard: f64, containment: f64) -> bool {
    let d = StoryOptions::default();
    assert!(containment >= 0.6, "containment {containment:.2}");
    jaccard < d.threshold && containment < d.containment
}

#[test]
fn a_copy_flattened_into_one_paragraph_joins_its_story() -> TestResult {
    // Flattened and cut short, as a site's text box keeps it: the copy is now the smaller text,
    // and its shingles across the old paragraph breaks are nowhere in the original.
    let flat = WIRE[..6].join(" ");
    let (size, j, c) = joins(&flat)?;
    assert!(shingles_would_miss(j, c), "J {j:.2} C {c:.2}");
    assert_eq!(size, 2);
    Ok(())
}

#[test]
fn a_trimmed_copy_joins_its_story() -> TestResult {
    // Trimmed to the first sentence of each of the first six paragraphs, run together.
    let first = |p: &str| p.split_inclusive(". ").next().unwrap_or(p).trim().to_string();
    let trimmed = WIRE[..6].iter().map(|p| first(p)).collect::<Vec<_>>().join(" ");
    let (size, j, c) = joins(&trimmed)?;
    assert!(shingles_would_miss(j, c), "J {j:.2} C {c:.2}");
    assert_eq!(size, 2);
    Ok(())
}

#[test]
fn a_re_led_copy_with_a_new_headline_joins_its_story() -> TestResult {
    let relead = format!(
        "Bravina port back in business after warehouse blaze\n\
         Container ships are moving through Bravina again, ending a nine-day shutdown that rattled \
         importers across the country.\n{}",
        WIRE[1..].join(" ")
    );
    let (size, j, c) = joins(&relead)?;
    assert!(shingles_would_miss(j, c), "J {j:.2} C {c:.2}");
    assert_eq!(size, 2);
    Ok(())
}

#[test]
fn a_copy_with_a_local_paragraph_joins_its_story() -> TestResult {
    let mut paras: Vec<&str> = WIRE.to_vec();
    let local = "In Harrow Bay, the town's two hardware shops said deliveries of tools and pumps had been \
                 held up since the fire, and the mayor asked residents to be patient.";
    paras.insert(5, local);
    paras.truncate(7);
    let (size, j, c) = joins(&paras.join("\n\n"))?;
    assert_eq!(size, 2, "J {j:.2} C {c:.2}");
    Ok(())
}

#[test]
fn different_articles_behind_the_same_registration_wall_stay_apart() -> TestResult {
    let wall = "Already a subscriber? Log in to keep reading our journalism.\n\
                Register for free to read two stories a month from the Valley Courier.\n\
                Get our newsletter: the Courier's best local reporting, every morning in your inbox.\n\
                Share on social media";
    let mut store = Store::open_in_memory()?;
    let a = analysis(&format!("{}\n{wall}", OTHERS[0]), "a.txt");
    let b = analysis(&format!("{}\n{wall}", OTHERS[1]), "b.txt");
    store.insert_batch(&[a.clone(), b.clone()])?;
    assert_ne!(store.story_of(&a.id)?, store.story_of(&b.id)?);
    // The wall is not fingerprinted at all: each article shingles as it would without it.
    assert_eq!(Shingles::of(&a.text, None), Shingles::of(OTHERS[0], None));
    Ok(())
}

/// The flattened copy of [`a_copy_flattened_into_one_paragraph_joins_its_story`] placed against
/// an original whose stored sentence hashes were first replaced by `stored` (SQL): the size of the
/// original's story afterwards.
fn flattened_copy_joins_with_stored_sentences(stored: &str) -> Result<u64, Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("s.db");
    let original = analysis(&WIRE.join("\n"), "wire.txt");
    Store::open(&path)?.insert_batch(std::slice::from_ref(&original))?;
    rusqlite::Connection::open(&path)?.execute(&format!("UPDATE story_members SET sentences = {stored}"), [])?;
    let mut store = Store::open(&path)?;
    store.insert_batch(&[analysis(&WIRE[..6].join(" "), "copy.txt")])?;
    let story = store.story_of(&original.id)?.ok_or("the original has no story")?;
    Ok(store.story(story)?.map_or(0, |s| s.summary.size))
}

/// Each stored article keeps its sentence hashes, and the confirmation reads them instead of
/// splitting the candidate's text: emptied, they no longer match the flattened copy. Rows stored
/// before schema version 10 (NULL) and bytes that are not a hash list are split from the text.
#[test]
fn stored_sentence_hashes_confirm_a_version_and_old_rows_fall_back_to_the_text() -> TestResult {
    assert_eq!(flattened_copy_joins_with_stored_sentences("sentences")?, 2, "as stored");
    assert_eq!(flattened_copy_joins_with_stored_sentences("x''")?, 1, "no sentences stored: read, not recomputed");
    assert_eq!(flattened_copy_joins_with_stored_sentences("NULL")?, 2, "a row of an older version");
    assert_eq!(flattened_copy_joins_with_stored_sentences("x'0102'")?, 2, "not a hash list");
    assert_eq!(flattened_copy_joins_with_stored_sentences("zeroblob(16)")?, 2, "hashes out of order");
    Ok(())
}
