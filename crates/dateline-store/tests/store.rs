//! Integration tests of the store: round trips, idempotent ingest, search, lookups, migrations
//! (including a frozen version 1 file), fault injection and statistics.

use std::path::Path;

use dateline_analyze::{
    content_id, Amount, Analysis, Dateline, Entity, EntityType, Fingerprint, Format, Geo, Header, Mention, MentionVia,
    Qualifier, Quote, QuoteKind, RepairKind, SourceRef, Span, SpeakerMention, TextRepair, TimeExpr, Tone,
};
use dateline_store::{ArticleStatus, Store, StoreError, SCHEMA_VERSION};
use proptest::prelude::*;
use rusqlite::Connection;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// A minimal analysis of `text`, the way `analyze` would shape it.
fn article(
    text: &str,
    title: Option<&str>,
    place: Option<&str>,
    sources: &[&str],
    published: Option<&str>,
) -> Analysis {
    let source =
        SourceRef { path: Some("wire.jsonl".into()), url: None, format: Format::Jsonl, record: Some("1".into()) };
    Analysis {
        title: title.map(str::to_string),
        dateline: place.map(|p| Dateline {
            place: Some(p.to_string()),
            country: None,
            sources: sources.iter().map(|s| s.to_string()).collect(),
            date: published.map(str::to_string),
            span: Span(0, p.len()),
        }),
        published: published.map(str::to_string),
        ..Analysis::bare(text, source)
    }
}

const MOSCOW: &str = "MOSCOW (Riverside Wire / Novosti - 18th September, 2019) - Col. Gen. Mikhail \
Sokolovsky said on Monday that some 12,500 people had left the Tarsin refugee camp in Syria. \
\"The humanitarian corridor remains open,\" the military official added.";

/// A record with every field filled, to prove `get` returns exactly what was stored.
fn full_record() -> Analysis {
    let mut a = article(
        MOSCOW,
        Some("Thousands leave Tarsin camp"),
        Some("Moscow"),
        &["Riverside Wire", "Novosti"],
        Some("2019-09-18"),
    );
    a.source = SourceRef {
        path: Some("crawl/CC-NEWS-2019.warc.gz".into()),
        url: Some("https://www.riverside.example/world/tarsin.html".into()),
        format: Format::Warc,
        record: Some("<urn:uuid:1234>".into()),
    };
    a.header = Some(Header { date: Some("2019-09-18".into()), author: Some("@ChaudhryMAli88".into()) });
    if let Some(d) = a.dateline.as_mut() {
        d.country = Some("RU".into());
        d.span = Span(0, 57);
    }
    a.text_repairs = vec![TextRepair {
        kind: RepairKind::ReplacementChar,
        span: Span(58, 59),
        guess: Some("\u{2014}".into()),
        confidence: 0.8,
        original: Some("\u{fffd}".into()),
    }];
    a.entities = vec![
        Entity {
            id: "e1".into(),
            name: "Dmitri Sokolovsky".into(),
            kind: EntityType::Person,
            title: Some("Col. Gen.".into()),
            role: None,
            country: None,
            geo: None,
            mentions: vec![
                Mention { text: "Col. Gen. Dmitri Sokolovsky".into(), span: Span(60, 87), via: None },
                Mention {
                    text: "the military official".into(),
                    span: Span(200, 221),
                    via: Some(MentionVia::Coreference),
                },
            ],
        },
        Entity {
            id: "e2".into(),
            name: "Syria".into(),
            kind: EntityType::Gpe,
            title: None,
            role: None,
            country: Some("SY".into()),
            geo: Some(Geo { lat: 35.0, lon: 38.0, geonames_id: 163_843, country: "SY".into() }),
            mentions: vec![Mention { text: "Syria".into(), span: Span(160, 165), via: None }],
        },
    ];
    a.quotes = vec![Quote {
        speaker: Some("e1".into()),
        speaker_name: Some("Dmitri Sokolovsky".into()),
        speaker_mention: Some(SpeakerMention { text: "the military official".into(), span: Span(200, 221) }),
        speaker_affiliation: None,
        kind: QuoteKind::Direct,
        cue: Some("added".into()),
        content: "The humanitarian corridor remains open,".into(),
        span: Span(168, 207),
        confidence: 0.75,
        tone: Some(0.0),
    }];
    a.times = vec![TimeExpr { text: "on Monday".into(), value: "2019-09-16".into(), span: Span(93, 102) }];
    a.amounts = vec![Amount {
        text: "some 12,500 people".into(),
        value: 12_500.0,
        unit: Some("people".into()),
        currency: None,
        qualifier: Some(Qualifier::Approximately),
        about: None,
        span: Span(108, 126),
    }];
    a.tone = Some(Tone { score: -4.2, positive: 1.1, negative: 5.3, ..Tone::default() });
    a.fingerprint = Some(Fingerprint { minhash: "AAECAwQFBgc=".into() });
    a
}

/// A small wire corpus: distinct texts, places and credits.
fn corpus() -> Vec<Analysis> {
    vec![
        article(
            "DAMASCUS (SANA) - Syrian army units repelled a rocket attack on positions near Idlib, \
             a military source said on Tuesday.",
            Some("Army repels rocket attack near Idlib"),
            Some("Damascus"),
            &["SANA"],
            Some("2019-09-17"),
        ),
        article(
            "GENEVA (Reuters) - The United Nations called for a humanitarian corridor to the \
             Tarsin camp, where thousands of refugees remain stranded.",
            Some("UN urges corridor to Tarsin"),
            Some("Geneva"),
            &["Reuters"],
            Some("2019-09-19"),
        ),
        article(
            "MOSCOW (Novosti) - Russia said on Wednesday it would keep the humanitarian corridor \
             from Tarsin open for refugees who want to leave.",
            Some("Russia keeps Tarsin corridor open"),
            Some("Moscow"),
            &["Riverside Wire", "Novosti"],
            Some("2019-09-18"),
        ),
        article(
            "BEIRUT (AP) - Lebanese officials met President Volodymyr Zelenskyý's envoy to \
             discuss grain shipments, officials said.",
            None,
            Some("Beirut"),
            &["AP"],
            Some("2019-09-20"),
        ),
        article(
            "Refugee numbers in the camp fell sharply in September, aid agencies reported.",
            Some("Camp population falls"),
            None,
            &[],
            None,
        ),
    ]
}

fn open_file(dir: &tempfile::TempDir) -> Result<(Store, std::path::PathBuf), StoreError> {
    let path = dir.path().join("dateline.db");
    Ok((Store::open(&path)?, path))
}

#[test]
fn a_full_record_round_trips_exactly() -> TestResult {
    let mut store = Store::open_in_memory()?;
    let a = full_record();
    assert_eq!(store.insert_batch(std::slice::from_ref(&a))?.stored, 1);
    assert_eq!(store.get(&a.id)?, Some(a));
    Ok(())
}

/// A stored record whose entity type or quote kind is outside the record's sets (written by a
/// newer or a broken writer) is an error naming the article and the value, never a panic and
/// never a guess.
#[test]
fn a_stored_record_with_an_unknown_type_or_kind_is_refused_by_name() -> TestResult {
    let dir = tempfile::tempdir()?;
    let a = full_record();
    let (mut store, path) = open_file(&dir)?;
    store.insert_batch(std::slice::from_ref(&a))?;
    drop(store);
    let conn = Connection::open(&path)?;
    conn.execute(
        "UPDATE articles SET record_json = replace(record_json, '\"type\":\"PERSON\"', '\"type\":\"ROBOT\"')",
        [],
    )?;
    drop(conn);
    let (store, _) = open_file(&dir)?;
    let err = store.get(&a.id).map_err(|e| e.to_string());
    assert!(err.as_ref().is_err_and(|e| e.contains(&a.id) && e.contains("ROBOT")), "{err:?}");
    let err = store.entity_page("Tarsin", 0, 10).map_err(|e| e.to_string());
    assert!(err.as_ref().is_err_and(|e| e.contains(&a.id) && e.contains("ROBOT")), "{err:?}");
    Ok(())
}

#[test]
fn records_survive_closing_and_reopening_the_file() -> TestResult {
    let dir = tempfile::tempdir()?;
    let records = corpus();
    {
        let (mut store, _) = open_file(&dir)?;
        store.insert_batch(&records)?;
    }
    let (store, _) = open_file(&dir)?;
    for a in &records {
        assert_eq!(store.get(&a.id)?.as_ref(), Some(a));
    }
    assert_eq!(store.stats()?.articles, records.len() as u64);
    Ok(())
}

/// The writer's checkpoints run on a thread with its own connection; closing the store stops
/// that thread too, so the last connection folds the log into the file and removes it: the
/// `.db` file alone is then a complete copy.
#[test]
fn closing_a_written_store_leaves_no_log_beside_the_file() -> TestResult {
    let dir = tempfile::tempdir()?;
    let records = corpus();
    let (mut store, path) = open_file(&dir)?;
    store.insert_batch(&records)?;
    let log = path.with_extension("db-wal");
    assert!(log.exists(), "a written store in WAL mode has a log while open");
    drop(store);
    assert!(!log.exists(), "the log outlived the store");
    let conn = Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let n: i64 = conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
    assert_eq!(n, records.len() as i64);
    Ok(())
}

#[test]
fn the_same_batch_twice_stores_nothing_the_second_time() -> TestResult {
    let mut store = Store::open_in_memory()?;
    let records = corpus();
    let first = store.insert_batch(&records)?;
    assert_eq!((first.stored, first.duplicates), (records.len(), 0));
    let before = store.stats()?;
    let second = store.insert_batch(&records)?;
    assert_eq!((second.stored, second.duplicates), (0, records.len()));
    assert_eq!(store.stats()?, before);
    Ok(())
}

#[test]
fn a_duplicate_within_one_batch_is_stored_once() -> TestResult {
    let mut store = Store::open_in_memory()?;
    let records = corpus();
    // The same text from another file is the same article.
    let mut again = records[1].clone();
    again.source.path = Some("mirror.jsonl".into());
    let batch = vec![records[0].clone(), records[1].clone(), again, records[2].clone()];
    let outcome = store.insert_batch(&batch)?;
    assert_eq!((outcome.stored, outcome.duplicates), (3, 1));
    let stored = store.get(&records[1].id)?;
    assert_eq!(stored.and_then(|a| a.source.path).as_deref(), Some("wire.jsonl"), "the first copy wins");
    Ok(())
}

#[test]
fn an_empty_batch_is_a_no_op() -> TestResult {
    let mut store = Store::open_in_memory()?;
    let outcome = store.insert_batch(&[])?;
    assert_eq!((outcome.stored, outcome.duplicates), (0, 0));
    Ok(())
}

#[test]
fn search_ranks_title_and_density_and_marks_hits() -> TestResult {
    let mut store = Store::open_in_memory()?;
    let records = corpus();
    store.insert_batch(&records)?;

    let hits = store.search("tarsin corridor", 10)?;
    let ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids.len(), 2, "{hits:#?}");
    assert!(ids.contains(&records[1].id.as_str()) && ids.contains(&records[2].id.as_str()));
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score), "best first");
    for h in &hits {
        assert!(h.snippet.contains("[Tarsin]"), "{}", h.snippet);
        assert!(h.snippet.contains("[corridor]"), "{}", h.snippet);
    }

    let moscow = hits.iter().find(|h| h.id == records[2].id).ok_or("Moscow article missing")?;
    assert_eq!(moscow.place.as_deref(), Some("Moscow"));
    assert_eq!(moscow.sources, vec!["Riverside Wire", "Novosti"]);
    assert_eq!(moscow.published.as_deref(), Some("2019-09-18"));
    assert_eq!(moscow.title.as_deref(), Some("Russia keeps Tarsin corridor open"));

    // A title hit outranks a body-only hit of the same word.
    let hits = store.search("camp", 10)?;
    assert_eq!(hits.len(), 2, "{hits:#?}");
    assert_eq!(hits[0].id, records[4].id, "title 'Camp population falls' first");

    // The limit is respected.
    assert_eq!(store.search("refugees", 1)?.len(), 1);
    assert!(store.search("refugees", 0)?.is_empty());
    Ok(())
}

#[test]
fn a_title_hit_outranks_the_same_word_in_a_body_of_the_same_length() -> TestResult {
    let mut store = Store::open_in_memory()?;
    let in_title = article(
        "ANKARA (AFP) - Turkish and Russian officials met on Friday to review the deal.",
        Some("Ceasefire holds in Idlib"),
        Some("Lisbon"),
        &["AFP"],
        None,
    );
    let in_body = article(
        "ANKARA (AFP) - Turkish and Russian officials met on Friday to review the ceasefire.",
        Some("Officials meet in Lisbon"),
        Some("Lisbon"),
        &["AFP"],
        None,
    );
    store.insert_batch(&[in_body.clone(), in_title.clone()])?;
    let hits = store.search("ceasefire", 5)?;
    let ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, vec![in_title.id.as_str(), in_body.id.as_str()]);
    assert!(hits[0].score > hits[1].score);
    Ok(())
}

#[test]
fn search_is_an_and_of_words_with_phrases_prefixes_stems_and_accents() -> TestResult {
    let mut store = Store::open_in_memory()?;
    let records = corpus();
    store.insert_batch(&records)?;
    let ids = |q: &str| -> Result<Vec<String>, StoreError> {
        let mut ids: Vec<String> = store.search(q, 10)?.into_iter().map(|h| h.id).collect();
        ids.sort();
        Ok(ids)
    };
    let sorted = |idx: &[usize]| {
        let mut v: Vec<String> = idx.iter().map(|&i| records[i].id.clone()).collect();
        v.sort();
        v
    };
    assert_eq!(ids("humanitarian corridor")?, sorted(&[1, 2]));
    assert_eq!(ids("humanitarian corridor Geneva")?, sorted(&[1]));
    assert_eq!(ids("\"corridor to the Tarsin\"")?, sorted(&[1]));
    assert_eq!(ids("\"Tarsin corridor\"")?, sorted(&[2]), "title phrase");
    assert_eq!(ids("refug*")?, sorted(&[1, 2, 4]));
    assert_eq!(ids("attacks")?, sorted(&[0]), "porter stem");
    assert_eq!(ids("zelenskyy")?, sorted(&[3]), "diacritics removed");
    assert_eq!(ids("IDLIB")?, sorted(&[0]), "case folded");
    assert_eq!(ids("nonexistentword")?, sorted(&[]));
    Ok(())
}

/// Queries that are FTS5 syntax errors when passed through unchanged.
const NASTY: &[&str] = &[
    "\"",
    "\"\"",
    "\"unbalanced phrase",
    "-",
    "- -",
    "Idlib AND",
    "AND",
    "OR OR",
    "NOT",
    "NEAR(",
    "NEAR(a b, 3)",
    "title:tarsin",
    "nosuchcolumn:x",
    "*",
    "a**",
    "^start",
    "(",
    ")",
    "{title text}: x",
    "+",
    "a + b",
    "''",
    "'",
    "\\",
    "%_%",
    "\0",
    "tarsin\0corridor",
    "\u{0345}*",
    "\u{200b}",
    "🙂*",
    "ｒｕｋｂａｎ",
    "",
    "   \t\n",
];

#[test]
fn nasty_queries_neither_fail_nor_panic() -> TestResult {
    let mut store = Store::open_in_memory()?;
    store.insert_batch(&corpus())?;
    for q in NASTY {
        if let Err(e) = store.search(q, 5) {
            return Err(format!("query {q:?} failed: {e}").into());
        }
    }
    // What is left of a broken query still counts: the stray quote and dash are dropped.
    let plain = store.search("Idlib", 5)?;
    assert_eq!(plain.len(), 1);
    assert_eq!(store.search("\"Idlib -", 5)?, plain);
    assert_eq!(store.search("Idlib*", 5)?.len(), 1);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn search_never_errors_on_any_string(q in "\\PC{0,40}", raw in any::<String>()) {
        let mut store = Store::open_in_memory().map_err(|e| TestCaseError::fail(e.to_string()))?;
        store.insert_batch(&corpus()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for q in [q.as_str(), raw.as_str()] {
            let r = store.search(q, 3);
            prop_assert!(r.is_ok(), "query {:?}: {:?}", q, r.err());
        }
    }

    #[test]
    fn query_operators_never_error(parts in proptest::collection::vec(
        prop_oneof![
            Just("\""), Just("*"), Just("-"), Just("AND"), Just("OR"), Just("NOT"), Just("NEAR"),
            Just("("), Just(")"), Just(":"), Just("^"), Just("+"), Just("tarsin"), Just("camp"),
            Just(" "), Just("title"), Just("{"), Just("}"), Just(","),
        ],
        0..16,
    )) {
        let q: String = parts.concat();
        let mut store = Store::open_in_memory().map_err(|e| TestCaseError::fail(e.to_string()))?;
        store.insert_batch(&corpus()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let r = store.search(&q, 3);
        prop_assert!(r.is_ok(), "query {:?}: {:?}", q, r.err());
    }

    /// Re-ingest adds nothing: however the articles are split into batches and repeated, the
    /// store ends up with each distinct text once.
    #[test]
    fn any_batching_with_repeats_stores_each_text_once(
        picks in proptest::collection::vec(0usize..5, 0..20),
        batch_size in 1usize..6,
    ) {
        let records = corpus();
        let mut store = Store::open_in_memory().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let stream: Vec<Analysis> = picks.iter().map(|&i| records[i].clone()).collect();
        let (mut stored, mut dups) = (0, 0);
        for batch in stream.chunks(batch_size) {
            let o = store.insert_batch(batch).map_err(|e| TestCaseError::fail(e.to_string()))?;
            stored += o.stored;
            dups += o.duplicates;
        }
        let distinct = picks.iter().collect::<std::collections::BTreeSet<_>>().len();
        prop_assert_eq!(stored, distinct);
        prop_assert_eq!(dups, picks.len() - distinct);
        let articles = store.stats().map_err(|e| TestCaseError::fail(e.to_string()))?.articles;
        prop_assert_eq!(articles, distinct as u64);
    }
}

#[test]
fn get_accepts_a_unique_prefix_and_explains_the_rest() -> TestResult {
    let mut store = Store::open_in_memory()?;
    // Two articles whose ids share a prefix, and one apart.
    let mut a = article("first text", None, None, &[], None);
    let mut b = article("second text", None, None, &[], None);
    let c = article("third text", None, None, &[], None);
    a.id = "abcd000000000001".into();
    b.id = "abcd000000000002".into();
    store.insert_batch(&[a.clone(), b.clone(), c.clone()])?;

    assert_eq!(store.get(&a.id)?.as_ref(), Some(&a), "full id");
    assert_eq!(store.get("abcd000000000002")?.as_ref(), Some(&b));
    assert_eq!(store.get(&c.id[..4])?.as_ref(), Some(&c), "4-char prefix");
    assert_eq!(store.get(&c.id[..6].to_uppercase())?.as_ref(), Some(&c), "case-insensitive");
    assert_eq!(store.get(" abcd0000000000011 ")?, None, "longer than any id");
    assert_eq!(store.get("ffff")?.filter(|x| x.id != c.id), None);
    assert_eq!(store.get("zzzz%_")?, None, "LIKE wildcards are not wildcards");

    match store.get("abcd") {
        Err(StoreError::AmbiguousId { candidates, .. }) => {
            assert_eq!(candidates, vec![a.id.clone(), b.id.clone()]);
        }
        other => return Err(format!("expected ambiguity, got {other:?}").into()),
    }
    let msg = store.get("abcd").err().map(|e| e.to_string()).unwrap_or_default();
    assert!(msg.contains("abcd000000000001") && msg.contains("ambiguous"), "{msg}");
    assert!(matches!(store.get("abc"), Err(StoreError::IdPrefixTooShort { min: 4, .. })));
    Ok(())
}

#[test]
fn a_new_file_is_created_at_the_current_version_and_reopens() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (store, path) = open_file(&dir)?;
    assert_eq!(store.schema_version()?, SCHEMA_VERSION);
    drop(store);
    let store = Store::open(&path)?;
    assert_eq!(store.schema_version()?, SCHEMA_VERSION);
    let conn = Connection::open(&path)?;
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
    assert_eq!(mode, "wal");
    Ok(())
}

/// Version 1 of the schema exactly as it shipped. Frozen: never edit this to match the code.
const FROZEN_V1: &str = "
CREATE TABLE articles (
    pk               INTEGER PRIMARY KEY,
    id               TEXT    NOT NULL UNIQUE,
    content_sha256   TEXT    NOT NULL UNIQUE,
    source_path      TEXT,
    url              TEXT,
    format           TEXT    NOT NULL,
    record           TEXT,
    title            TEXT,
    published        TEXT,
    language         TEXT    NOT NULL,
    dateline_place   TEXT,
    dateline_country TEXT,
    dateline_date    TEXT,
    text             TEXT    NOT NULL,
    text_bytes       INTEGER NOT NULL,
    repairs          INTEGER NOT NULL DEFAULT 0,
    record_json      TEXT    NOT NULL,
    ingested_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_dateline_place ON articles(dateline_place);
CREATE TABLE article_sources (
    article_pk INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    source     TEXT    NOT NULL,
    PRIMARY KEY (article_pk, position)
) WITHOUT ROWID;
CREATE INDEX article_sources_source ON article_sources(source);
PRAGMA application_id = 1145851441;
PRAGMA user_version = 1;
";

const FROZEN_TEXT: &str = "KABUL (Pajhwok) - Heavy rain flooded parts of the city overnight.";

/// A version 1 row as a version 1 dateline wrote it: the record without `text` as JSON.
const FROZEN_RECORD_JSON: &str = r#"{"id":"ID","source":{"path":"old.txt","url":null,"format":"text","record":null},"language":"en","title":"Kabul floods","header":null,"dateline":{"place":"Kabul","country":"AF","sources":["Pajhwok"],"date":null,"span":[0,18]},"published":"2019-08-01","text_repairs":[],"entities":[],"quotes":[],"times":[],"amounts":[],"tone":null,"fingerprint":null}"#;

fn write_frozen_v1(path: &Path) -> Result<String, Box<dyn std::error::Error>> {
    let id = content_id(FROZEN_TEXT);
    let conn = Connection::open(path)?;
    conn.execute_batch(FROZEN_V1)?;
    conn.execute(
        "INSERT INTO articles (id, content_sha256, source_path, format, title, published, language,
             dateline_place, dateline_country, text, text_bytes, repairs, record_json)
         VALUES (?1, ?2, 'old.txt', 'text', 'Kabul floods', '2019-08-01', 'en', 'Kabul', 'AF',
             ?3, ?4, 0, ?5)",
        rusqlite::params![
            id,
            dateline_store::content_sha256(FROZEN_TEXT),
            FROZEN_TEXT,
            FROZEN_TEXT.len() as i64,
            FROZEN_RECORD_JSON.replace("\"ID\"", &format!("\"{id}\"")),
        ],
    )?;
    conn.execute("INSERT INTO article_sources (article_pk, position, source) VALUES (1, 0, 'Pajhwok')", [])?;
    Ok(id)
}

#[test]
fn a_frozen_version_1_file_migrates_and_reads_back() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("v1.db");
    let id = write_frozen_v1(&path)?;

    let mut store = Store::open(&path)?;
    assert_eq!(store.schema_version()?, SCHEMA_VERSION);
    let a = store.get(&id)?.ok_or("v1 article missing")?;
    let mut expected = article(FROZEN_TEXT, Some("Kabul floods"), Some("Kabul"), &["Pajhwok"], Some("2019-08-01"));
    expected.source = SourceRef { path: Some("old.txt".into()), url: None, format: Format::Text, record: None };
    if let Some(d) = expected.dateline.as_mut() {
        d.country = Some("AF".into());
        d.date = None;
        d.span = Span(0, 18);
    }
    assert_eq!(a, expected);

    // The migration indexed the rows that were already there.
    let hits = store.search("flooded", 5)?;
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].sources, vec!["Pajhwok"]);
    assert!(hits[0].snippet.contains("[flooded]"), "{}", hits[0].snippet);

    // Old and new rows live side by side; re-ingesting the old one is a duplicate.
    let outcome = store.insert_batch(&[expected, corpus()[0].clone()])?;
    assert_eq!((outcome.stored, outcome.duplicates), (1, 1));
    assert_eq!(store.search("flooded OR rocket", 5)?.len(), 0, "AND, not OR");
    assert_eq!(store.stats()?.articles, 2);
    Ok(())
}

fn schema_sql(path: &Path) -> Result<Vec<(String, String)>, rusqlite::Error> {
    let conn = Connection::open(path)?;
    let mut stmt = conn.prepare(
        "SELECT name, replace(replace(sql, ' ', ''), char(10), '') FROM sqlite_master
         WHERE sql IS NOT NULL ORDER BY name",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

#[test]
fn a_migrated_version_1_file_has_the_same_schema_as_a_new_file() -> TestResult {
    let dir = tempfile::tempdir()?;
    let old = dir.path().join("old.db");
    write_frozen_v1(&old)?;
    drop(Store::open(&old)?);
    let new = dir.path().join("new.db");
    drop(Store::open(&new)?);
    assert_eq!(schema_sql(&old)?, schema_sql(&new)?);
    Ok(())
}

/// A migration step that fails leaves the file at the last version that completed, and says
/// which step failed in which file.
#[test]
fn a_failed_migration_step_leaves_the_previous_version() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("v1.db");
    write_frozen_v1(&path)?;
    // Something already holds the name step 2 needs.
    Connection::open(&path)?.execute_batch("CREATE TABLE articles_fts (x);")?;
    let err = Store::open(&path).err().ok_or("migration should fail")?;
    assert!(matches!(err, StoreError::Migration { version: 2, .. }), "{err}");
    assert!(err.to_string().contains("v1.db"), "{err}");
    let conn = Connection::open(&path)?;
    let v: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    assert_eq!(v, 1);
    let triggers: i64 =
        conn.query_row("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'", [], |r| r.get(0))?;
    assert_eq!(triggers, 0, "no part of step 2 stayed");
    // Once the obstacle is gone the migration completes.
    conn.execute_batch("DROP TABLE articles_fts;")?;
    drop(conn);
    let store = Store::open(&path)?;
    assert_eq!(store.schema_version()?, SCHEMA_VERSION);
    assert_eq!(store.search("flooded", 5)?.len(), 1);
    Ok(())
}

#[test]
fn a_file_from_a_newer_dateline_is_refused_untouched() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (store, path) = open_file(&dir)?;
    drop(store);
    let future = SCHEMA_VERSION + 1;
    Connection::open(&path)?.pragma_update(None, "user_version", future)?;
    let err = Store::open(&path).err().ok_or("a newer file must be refused")?;
    assert!(matches!(err, StoreError::SchemaTooNew { found, .. } if found == future));
    let msg = err.to_string();
    assert!(msg.contains("dateline.db") && msg.contains("upgrade"), "{msg}");
    let v: u32 = Connection::open(&path)?.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    assert_eq!(v, future);
    Ok(())
}

#[test]
fn other_programs_databases_and_non_databases_are_refused() -> TestResult {
    let dir = tempfile::tempdir()?;
    let foreign = dir.path().join("firefox-places.sqlite");
    Connection::open(&foreign)?.execute_batch("CREATE TABLE moz_places (url TEXT);")?;
    let err = Store::open(&foreign).err().ok_or("foreign db accepted")?;
    assert!(matches!(err, StoreError::NotADatelineDatabase { .. }), "{err}");
    assert!(err.to_string().contains("firefox-places.sqlite"));
    let mode: String = Connection::open(&foreign)?.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
    assert_eq!(mode, "delete", "a refused file is not switched to WAL");

    let garbage = dir.path().join("notes.txt");
    std::fs::write(&garbage, "this is not an SQLite database, just some notes ".repeat(100))?;
    let err = Store::open(&garbage).err().ok_or("text file accepted")?;
    assert!(matches!(err, StoreError::Open { .. }), "{err}");
    assert!(err.to_string().contains("notes.txt"), "{err}");
    Ok(())
}

/// A trigger poisons one article in the middle of a batch: the batch must roll back as a whole,
/// the batch before must stay, and a rerun of the whole input must finish without duplicates.
#[test]
fn a_failure_mid_batch_rolls_back_that_batch_only_and_a_rerun_completes() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (mut store, path) = open_file(&dir)?;
    let records = corpus();
    let (batch1, batch2) = records.split_at(2);
    let poisoned = &batch2[1].id;
    assert_eq!(store.insert_batch(batch1)?.stored, 2);

    let saboteur = Connection::open(&path)?;
    saboteur.execute_batch(&format!(
        "CREATE TRIGGER poison BEFORE INSERT ON articles WHEN new.id = '{poisoned}'
         BEGIN SELECT RAISE(ABORT, 'injected fault'); END;"
    ))?;
    let err = store.insert_batch(batch2).err().ok_or("poisoned batch succeeded")?;
    match &err {
        StoreError::Insert { id, .. } => assert_eq!(id, poisoned),
        other => return Err(format!("unexpected error {other}").into()),
    }
    let msg = err.to_string();
    assert!(msg.contains(poisoned.as_str()) && msg.contains("injected fault"), "{msg}");
    assert!(msg.contains("dateline.db") && msg.contains("rolled back"), "{msg}");

    // Nothing of batch 2 is there, not even the article before the poisoned one, nor its
    // sources or its full-text entry; batch 1 is intact.
    let stats = store.stats()?;
    assert_eq!(stats.articles, 2);
    assert_eq!(store.get(&batch2[0].id)?, None);
    assert!(store.search("Wednesday", 5)?.is_empty());
    assert!(!stats.sources.iter().any(|(s, _)| s == "Novosti"));
    for a in batch1 {
        assert_eq!(store.get(&a.id)?.as_ref(), Some(a));
    }

    // The fault goes away; the whole ingest runs again from the start.
    saboteur.execute_batch("DROP TRIGGER poison;")?;
    drop(saboteur);
    let mut rerun = (0, 0);
    for batch in [batch1, batch2] {
        let o = store.insert_batch(batch)?;
        rerun = (rerun.0 + o.stored, rerun.1 + o.duplicates);
    }
    assert_eq!(rerun, (3, 2));
    assert_eq!(store.stats()?.articles, records.len() as u64);
    assert_eq!(store.search("Wednesday", 5)?.len(), 1);
    Ok(())
}

/// Another process holding the write lock makes a batch fail as a whole (after the busy
/// timeout), not half-written; once the lock is gone the same batch goes in.
#[test]
fn a_locked_database_fails_the_batch_cleanly() -> TestResult {
    let dir = tempfile::tempdir()?;
    let records = corpus();
    let (mut store, path) = open_file(&dir)?;
    store.insert_batch(&records[..3])?;
    store.set_busy_timeout(std::time::Duration::from_millis(50))?;

    let blocker = Connection::open(&path)?;
    blocker.execute_batch("BEGIN IMMEDIATE;")?;
    let err = store.insert_batch(&records).err().ok_or("locked write succeeded")?;
    assert!(matches!(err, StoreError::Insert { .. }), "{err}");
    assert!(err.to_string().contains("locked"), "{err}");
    // Readers are not blocked by the writer (WAL).
    assert_eq!(store.stats()?.articles, 3);
    blocker.execute_batch("ROLLBACK;")?;

    let o = store.insert_batch(&records)?;
    assert_eq!((o.stored, o.duplicates), (2, 3));
    Ok(())
}

#[test]
fn an_id_taken_by_other_text_is_rejected_alone_naming_it() -> TestResult {
    let mut store = Store::open_in_memory()?;
    let a = article("one text", None, None, &[], None);
    let mut b = article("another text", None, None, &[], None);
    b.id = a.id.clone();
    store.insert_batch(std::slice::from_ref(&a))?;
    let c = article("a third text", None, None, &[], None);
    let o = store.insert_batch(&[c.clone(), b])?;
    assert_eq!(o.statuses, vec![ArticleStatus::Stored, ArticleStatus::Rejected]);
    assert_eq!((o.stored, o.rejected.len()), (1, 1));
    assert_eq!(o.rejected[0].index, 1);
    assert!(o.rejected[0].reason.contains(&a.id) && o.rejected[0].reason.contains("different text"));
    assert_eq!(store.get(&c.id)?.map(|x| x.text), Some(c.text), "the rest of the batch is stored");
    assert_eq!(store.get(&a.id)?.map(|x| x.text), Some(a.text), "the id keeps its first text");
    Ok(())
}

#[test]
fn stats_count_sources_places_dates_bytes_and_repairs() -> TestResult {
    let mut store = Store::open_in_memory()?;
    let empty = store.stats()?;
    assert_eq!(empty.articles, 0);
    assert_eq!(empty.first_published, None);
    assert!(empty.sources.is_empty() && empty.places.is_empty());
    assert_eq!(empty.schema_version, SCHEMA_VERSION);

    let mut records = corpus();
    records.push(full_record());
    store.insert_batch(&records)?;
    let s = store.stats()?;
    assert_eq!(s.articles, 6);
    assert_eq!(s.first_published.as_deref(), Some("2019-09-17"));
    assert_eq!(s.last_published.as_deref(), Some("2019-09-20"));
    assert_eq!(s.bytes_of_text, records.iter().map(|a| a.text.len() as u64).sum::<u64>());
    assert_eq!(s.repairs, 1);
    assert_eq!(s.schema_version, SCHEMA_VERSION);
    // Counts first, then name: Novosti and Riverside Wire are credited by two articles each.
    assert_eq!(
        s.sources,
        vec![
            ("Novosti".to_string(), 2),
            ("Riverside Wire".to_string(), 2),
            ("AP".to_string(), 1),
            ("Reuters".to_string(), 1),
            ("SANA".to_string(), 1),
        ]
    );
    assert_eq!(s.places[0], ("Moscow".to_string(), 2));
    assert_eq!(s.places.len(), 4);
    assert_eq!(store.stats_top(1)?.places.len(), 1);

    let json = serde_json::to_value(&s)?;
    assert_eq!(json["sources"][0], serde_json::json!(["Novosti", 2]));
    Ok(())
}

#[test]
fn two_stores_on_one_file_see_each_others_commits() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (mut writer, path) = open_file(&dir)?;
    let reader = Store::open(&path)?;
    assert_eq!(reader.stats()?.articles, 0);
    writer.insert_batch(&corpus())?;
    assert_eq!(reader.stats()?.articles, 5);
    assert_eq!(reader.search("Idlib", 5)?.len(), 1);
    Ok(())
}

/// The full-text rows of a batch are written at its end, in one statement per index (schema
/// version 10): every stored article is found once, duplicates and rejected records are not
/// indexed, quotes are searchable, and each index passes FTS5's own integrity check.
#[test]
fn a_batch_is_indexed_once_at_its_end() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (mut store, path) = open_file(&dir)?;
    let records = corpus();
    let mut again = records[1].clone();
    again.source.path = Some("mirror.jsonl".into());
    let mut huge = article(&"Tarsin flood relief convoy. ".repeat(400), None, None, &[], None);
    huge.id = "huge".into();
    store.set_max_record_bytes(4_000);
    let batch = vec![records[0].clone(), full_record(), records[1].clone(), again, huge, records[2].clone()];
    let outcome = store.insert_batch(&batch)?;
    assert_eq!((outcome.stored, outcome.duplicates, outcome.rejected.len()), (4, 1, 1));
    store.insert_batch(&records[3..])?;
    assert_eq!(store.search("corridor", 10)?.len(), 3, "each stored copy once");
    assert!(store.search("convoy", 10)?.is_empty(), "the rejected record is not indexed");
    let conn = Connection::open(&path)?;
    for index in ["articles_fts", "quotes_fts", "quote_wordings_fts"] {
        conn.execute(&format!("INSERT INTO {index}({index}) VALUES ('integrity-check')"), [])?;
    }
    let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0));
    assert_eq!(count("SELECT count(*) FROM articles_fts_docsize")?, count("SELECT count(*) FROM articles")?);
    assert_eq!(count("SELECT count(*) FROM quotes")?, 1);
    assert_eq!(count("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'humanitarian'")?, 1);
    Ok(())
}

/// A fault in the batch's indexing statements (after every article and story row of the batch
/// was written) rolls the whole batch back, and the same batch goes in once the fault is gone.
#[test]
fn a_failure_while_indexing_the_batch_rolls_it_back() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (mut store, path) = open_file(&dir)?;
    let saboteur = Connection::open(&path)?;
    saboteur.execute_batch(
        "CREATE TRIGGER poison BEFORE INSERT ON quotes BEGIN SELECT RAISE(ABORT, 'injected fault'); END;",
    )?;
    let batch = vec![corpus()[0].clone(), full_record()];
    let err = store.insert_batch(&batch).err().ok_or("poisoned batch succeeded")?;
    assert!(err.to_string().contains("injected fault"), "{err}");
    assert_eq!(store.stats()?.articles, 0);
    assert!(store.search("rocket", 5)?.is_empty());
    assert_eq!(store.stories(10, 1)?.len(), 0);
    saboteur.execute_batch("DROP TRIGGER poison;")?;
    drop(saboteur);
    assert_eq!(store.insert_batch(&batch)?.stored, 2);
    assert_eq!(store.search("rocket", 5)?.len(), 1);
    Ok(())
}
