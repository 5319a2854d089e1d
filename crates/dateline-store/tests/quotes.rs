//! Quote search: the `quotes` index filled from records (by trigger, and back-filled by the
//! version 4 migration), words, speaker, kind and article filters, paging, the speakers facet,
//! and the export walk.

use dateline_analyze::{Analysis, Dateline, Format, Quote, QuoteKind, SourceRef, Span};
use dateline_store::views::SearchFilter;
use dateline_store::{QuoteFilter, Store};
use rusqlite::Connection;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// An article of `text` published on `published`, from `place`, with `quotes` as
/// (kind, speaker, cue, content); each content must occur in `text`.
fn article(text: &str, published: &str, place: &str, quotes: &[(&str, Option<&str>, &str, &str)]) -> Analysis {
    let source = SourceRef { path: Some("wire.jsonl".into()), url: None, format: Format::Jsonl, record: None };
    let mut a = Analysis::bare(text, source);
    a.published = Some(published.into());
    a.dateline = Some(Dateline {
        place: Some(place.into()),
        country: Some("KE".into()),
        sources: vec!["Wire".into()],
        date: Some(published.into()),
        span: Span(0, 0),
    });
    a.quotes = quotes
        .iter()
        .map(|&(kind, speaker, cue, content)| {
            let start = text.find(content).expect("content is in the text");
            Quote {
                speaker: speaker.map(|_| "e1".into()),
                speaker_name: speaker.map(str::to_string),
                speaker_mention: None,
                speaker_affiliation: None,
                confidence: if speaker.is_some() { 0.9 } else { 0.0 },
                tone: None,
                kind: kind.parse().expect("a quote kind"),
                cue: Some(cue.into()),
                content: content.into(),
                span: Span(start, start + content.len()),
            }
        })
        .collect();
    a
}

fn corpus() -> Vec<Analysis> {
    vec![
        article(
            "\"The ceasefire must hold through the harvest,\" said Amina Odhiambo. She added that the roads were open.",
            "2024-03-04",
            "Nairobi",
            &[
                ("direct", Some("Amina Odhiambo"), "said", "The ceasefire must hold through the harvest,"),
                ("indirect", Some("Amina Odhiambo"), "added", "the roads were open"),
            ],
        ),
        article(
            "Jonas Berg said the ceasefire talks would resume in April. \"We are patient,\" a diplomat said.",
            "2024-03-20",
            "Kisumu",
            &[
                ("indirect", Some("Jonas Berg"), "said", "the ceasefire talks would resume in April"),
                ("direct", None, "said", "We are patient,"),
            ],
        ),
        article(
            "Amina Odhiambo said the bridge would reopen in May.",
            "2024-05-02",
            "Nairobi",
            &[("indirect", Some("Amina Odhiambo"), "said", "the bridge would reopen in May")],
        ),
    ]
}

fn contents(page: &dateline_store::QuotePage) -> Vec<&str> {
    page.hits.iter().map(|h| h.content.as_str()).collect()
}

#[test]
fn quotes_are_indexed_on_insert_and_searched_by_words_speaker_kind_and_dates() -> TestResult {
    let mut store = Store::open_in_memory()?;
    store.insert_batch(&corpus())?;

    // Everything, newest first, quotes of one article in record order.
    let all = store.quote_search(&QuoteFilter::default(), 0, 10)?;
    assert_eq!(all.total, 5);
    assert_eq!(all.hits[0].content, "the bridge would reopen in May");
    assert_eq!(all.speakers[0].value, "Amina Odhiambo");
    assert_eq!(all.speakers[0].count, 3);
    assert_eq!(all.speakers.len(), 2, "unresolved speakers are not a facet value: {:?}", all.speakers);

    // Words of the quote (stemmed: "ceasefire" in both articles).
    let words = QuoteFilter { text: Some("ceasefire".into()), ..QuoteFilter::default() };
    let page = store.quote_search(&words, 0, 10)?;
    assert_eq!(page.total, 2);
    let mut got = contents(&page);
    got.sort_unstable();
    assert_eq!(got, ["The ceasefire must hold through the harvest,", "the ceasefire talks would resume in April"]);

    // Speaker (case-insensitive), kind, and a date range on the article.
    let by = QuoteFilter {
        speaker: Some("amina odhiambo".into()),
        kind: Some(QuoteKind::Indirect),
        article: SearchFilter { from: Some("2024-03".into()), to: Some("2024-03".into()), ..SearchFilter::default() },
        ..QuoteFilter::default()
    };
    let page = store.quote_search(&by, 0, 10)?;
    assert_eq!(contents(&page), ["the roads were open"]);
    let hit = &page.hits[0];
    assert_eq!(hit.published.as_deref(), Some("2024-03-04"));
    assert_eq!(hit.place.as_deref(), Some("Nairobi"));
    assert_eq!(hit.sources, ["Wire"]);
    assert_eq!(hit.index, 1);
    assert_eq!(hit.cue.as_deref(), Some("added"));
    let record = store.get(&hit.article_id)?.expect("the hit's article");
    let span = hit.span.expect("span");
    assert_eq!(&record.text[span.0..span.1], hit.content);

    // Article filters: place.
    let place = QuoteFilter {
        article: SearchFilter { place: Some("kisumu".into()), ..SearchFilter::default() },
        ..QuoteFilter::default()
    };
    assert_eq!(store.quote_search(&place, 0, 10)?.total, 2);

    // A query with nothing searchable matches nothing.
    let nothing = QuoteFilter { text: Some("\"\" * ".into()), ..QuoteFilter::default() };
    assert_eq!(store.quote_search(&nothing, 0, 10)?.total, 0);
    Ok(())
}

#[test]
fn paging_is_stable_and_the_export_walk_sees_every_match_in_order() -> TestResult {
    let mut store = Store::open_in_memory()?;
    store.insert_batch(&corpus())?;
    let filter = QuoteFilter::default();
    let mut paged = Vec::new();
    for page in 0..3 {
        paged.extend(store.quote_search(&filter, page * 2, 2)?.hits);
    }
    let mut walked = Vec::new();
    let n = store.for_each_quote(&filter, 100, |h| {
        walked.push(h);
        true
    })?;
    assert_eq!(n, 5);
    assert_eq!(walked, paged);
    // The walk stops when asked and at its limit.
    assert_eq!(store.for_each_quote(&filter, 100, |_| false)?, 1);
    assert_eq!(store.for_each_quote(&filter, 3, |_| true)?, 3);
    Ok(())
}

#[test]
fn reingesting_adds_no_quote_rows() -> TestResult {
    let mut store = Store::open_in_memory()?;
    store.insert_batch(&corpus())?;
    store.insert_batch(&corpus())?;
    assert_eq!(store.quote_search(&QuoteFilter::default(), 0, 10)?.total, 5);
    Ok(())
}

/// A store written before quotes had their own table gains them when it is opened.
#[test]
fn version_3_store_is_back_filled() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("v3.db");
    {
        let mut store = Store::open(&path)?;
        store.insert_batch(&corpus())?;
    }
    {
        // Take the file back to version 3 as an older dateline left it.
        let conn = Connection::open(&path)?;
        conn.execute_batch(
            "ALTER TABLE story_members DROP COLUMN sentences;
         INSERT INTO lsh_bands SELECT * FROM lsh_fresh; DROP TABLE lsh_fresh; DROP TABLE event_keys_fresh;
             DROP INDEX stories_event; ALTER TABLE stories DROP COLUMN event_id; DROP TABLE events;
             DROP TABLE event_keys; DROP TABLE term_df; DROP TABLE term_df_fresh; DROP TABLE term_docs; DROP TABLE event_backlog;
             DROP TRIGGER quote_wordings_of_new_quote; DROP TRIGGER quote_wordings_of_deleted_quote;
             DROP TABLE quote_wordings_fts; DROP TABLE quote_occurrences; DROP TABLE quote_wordings;
             DROP TRIGGER quotes_of_deleted_article;
             DROP TABLE quotes_fts; DROP TABLE quotes;
             DROP TRIGGER story_sizes_insert; DROP TRIGGER story_sizes_delete; DROP TRIGGER story_sizes_update;
             DROP TABLE story_sizes; PRAGMA user_version = 3;",
        )?;
    }
    let store = Store::open(&path)?;
    let page = store.quote_search(&QuoteFilter { text: Some("bridge".into()), ..QuoteFilter::default() }, 0, 10)?;
    assert_eq!(contents(&page), ["the bridge would reopen in May"]);
    assert_eq!(store.quote_search(&QuoteFilter::default(), 0, 10)?.total, 5);
    Ok(())
}

/// An untitled article's headline is its first sentence after the dateline, not the dateline.
#[test]
fn untitled_headlines_skip_the_dateline() -> TestResult {
    let text = "NAIROBI (Wire) - The council approved the new bus routes. \"It is a good day,\" said Amina Odhiambo.";
    let mut a =
        article(text, "2024-06-01", "Nairobi", &[("direct", Some("Amina Odhiambo"), "said", "It is a good day,")]);
    if let Some(d) = a.dateline.as_mut() {
        d.span = Span(0, "NAIROBI (Wire) -".len());
    }
    let mut store = Store::open_in_memory()?;
    store.insert_batch(&[a])?;
    let page = store.quote_search(&QuoteFilter::default(), 0, 10)?;
    assert_eq!(page.hits[0].headline, "The council approved the new bus routes");
    Ok(())
}

/// A quote carried by three articles (one trimmed it, one reworded a word) is followed to its
/// first publication; a different speaker's similar words and an unrelated quote stay out.
#[test]
fn a_quote_trail_finds_every_carrier_and_the_first_publication() -> TestResult {
    let said = "The port will reopen on Monday after the storm damage is cleared";
    let a = article(
        &format!("\"{said},\" said Ines Varga. Traffic was light."),
        "2024-04-02",
        "Lisbon",
        &[("direct", Some("Ines Varga"), "said", said)],
    );
    let first = "The port will reopen on Monday after the storm damage is cleared";
    let earlier = article(
        &format!("Harbour pilot Ines Varga said: \"{first}.\""),
        "2024-04-01",
        "Porto",
        &[("direct", Some("Ines Varga"), "said", first)],
    );
    let trimmed = "The port will reopen on Monday";
    let copy = article(
        &format!("\"{trimmed},\" Varga said."),
        "2024-04-03",
        "Faro",
        &[("direct", Some("Ines Varga"), "said", trimmed)],
    );
    let reworded = "The port will open again on Monday after the storm damage is cleared";
    let edit = article(
        &format!("\"{reworded},\" said Ines Varga."),
        "2024-04-04",
        "Braga",
        &[("direct", Some("Ines Varga"), "said", reworded)],
    );
    let other_speaker = article(
        &format!("\"{said},\" said Tomas Reis."),
        "2024-03-30",
        "Lisbon",
        &[("direct", Some("Tomas Reis"), "said", said)],
    );
    let unrelated = "Fares on the river ferry will rise in May";
    let noise = article(
        &format!("\"{unrelated},\" said Ines Varga."),
        "2024-03-29",
        "Lisbon",
        &[("direct", Some("Ines Varga"), "said", unrelated)],
    );
    let mut store = Store::open_in_memory()?;
    store.insert_batch(&[a.clone(), earlier.clone(), copy.clone(), edit.clone(), other_speaker, noise])?;

    let trail = store.quote_trail(&a.id, 0)?.expect("the quote exists");
    let ids: Vec<&str> = trail.stops.iter().map(|s| s.article_id.as_str()).collect();
    assert_eq!(ids, [earlier.id.as_str(), a.id.as_str(), copy.id.as_str(), edit.id.as_str()]);
    assert_eq!(trail.speaker_name.as_deref(), Some("Ines Varga"));
    assert!(trail.stops[1].same_wording && trail.stops[1].changes.is_empty());
    assert!(!trail.stops[2].same_wording, "trimmed");
    assert!(!trail.stops[3].same_wording, "reworded");
    assert!(!trail.stops[3].changes.is_empty());
    // From any stop, the same trail.
    let again = store.quote_trail(&edit.id, 0)?.expect("the quote exists");
    assert_eq!(again.stops.len(), 4);
    assert!(store.quote_trail(&a.id, 7)?.is_none());
    Ok(())
}
