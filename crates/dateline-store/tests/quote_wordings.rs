//! Quote wordings (schema version 6): wire copies of a quote share one wording, kept true by
//! triggers through inserts and deletes, back-filled when a version 5 file opens; a text search
//! ranks wordings once and still answers every quote carrying them, in the order of its export
//! walk, with exact totals and speakers facets, past the scan and across ties at its cut.

mod common;

use std::collections::HashMap;

use dateline_analyze::{Analysis, Dateline, Format, QuoteKind, SourceRef, Span};
use dateline_store::views::{SearchFilter, MAX_SCAN};
use dateline_store::{QuoteFilter, QuoteHit, Store};
use rusqlite::Connection;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// What a wire service said, carried word for word by every copy. The first two have the same
/// words and speaker and differ only in kind (so they score alike and interleave by key); the
/// third has no speaker; the fourth is another speaker's. See [`copy`] for a fifth.
const WIRE: [(&str, Option<&str>, &str); 4] = [
    ("direct", Some("Lena Okafor"), "The harbour reopens on Monday for grain ships"),
    ("partial", Some("Lena Okafor"), "The harbour reopens on Monday for grain ships"),
    ("direct", None, "Grain prices will fall once the harbour is open"),
    ("indirect", Some("Tomas Reyes"), "the harbour tolls stay as they are for now"),
];

/// Copy `i` of the wire story: the three wire quotes the copy number picks, one quote of its
/// own, a place of two, and every seventh copy undated.
fn copy(i: usize) -> Analysis {
    let own = format!("copy {i} of the harbour story was filed late");
    let picked: Vec<(&str, Option<&str>, String)> = [i % 4, (i + 1) % 4, (i + 2) % 4]
        .iter()
        // Every fifth copy spells the partial quote's speaker in capitals: another wording.
        .map(|&k| {
            (
                WIRE[k].0,
                if k == 1 && i.is_multiple_of(5) { Some("LENA OKAFOR") } else { WIRE[k].1 },
                WIRE[k].2.to_string(),
            )
        })
        .chain(std::iter::once(("direct", Some("Desk Editor"), own)))
        .collect();
    let text = format!("Harbour copy {i}. ") + &picked.iter().map(|p| format!("\"{}.\"", p.2)).collect::<String>();
    let source = SourceRef { path: Some(format!("c{i}.txt")), url: None, format: Format::Text, record: None };
    let mut a = Analysis::bare(&text, source);
    a.published = (!i.is_multiple_of(7)).then(|| format!("2025-{:02}-{:02}", 1 + i % 12, 1 + i % 28));
    a.dateline = Some(Dateline {
        place: Some(if i.is_multiple_of(2) { "Mombasa" } else { "Tanga" }.into()),
        country: Some("KE".into()),
        sources: Vec::new(),
        date: None,
        span: Span(0, 0),
    });
    a.quotes =
        picked.into_iter().map(|(kind, speaker, content)| common::quote_in(&text, kind, speaker, content)).collect();
    a
}

fn text(t: &str) -> QuoteFilter {
    QuoteFilter { text: Some(t.into()), ..QuoteFilter::default() }
}

/// The filters every check runs over: words alone, with a speaker, a kind, an article filter,
/// and the searches without words.
fn filters() -> Vec<QuoteFilter> {
    let mombasa = SearchFilter { place: Some("mombasa".into()), ..SearchFilter::default() };
    vec![
        text("harbour"),
        text("grain"),
        text("copy"),
        text("\"harbour reopens\""),
        QuoteFilter { speaker: Some("lena okafor".into()), ..text("harbour") },
        QuoteFilter { kind: Some(QuoteKind::Partial), ..text("harbour") },
        QuoteFilter { kind: Some(QuoteKind::Direct), ..text("grain") },
        QuoteFilter { article: mombasa.clone(), ..text("harbour") },
        QuoteFilter {
            article: SearchFilter { from: Some("2025-06".into()), ..SearchFilter::default() },
            kind: Some(QuoteKind::Direct),
            ..text("harbour")
        },
        QuoteFilter::default(),
        QuoteFilter { kind: Some(QuoteKind::Partial), ..QuoteFilter::default() },
        QuoteFilter { speaker: Some("Tomas Reyes".into()), ..QuoteFilter::default() },
        QuoteFilter { speaker: Some("LENA OKAFOR".into()), ..QuoteFilter::default() },
        QuoteFilter { speaker: Some("lena okafor".into()), kind: Some(QuoteKind::Partial), ..QuoteFilter::default() },
        QuoteFilter { article: mombasa, ..QuoteFilter::default() },
    ]
}

/// Every page is the walk's slice, the total is the walk's length, the facet counts the walk's
/// best MAX_SCAN, and the walk holds exactly the quotes that meet the filter.
fn check_search(store: &Store, filter: &QuoteFilter) -> Result<Vec<QuoteHit>, Box<dyn std::error::Error>> {
    let all = common::walk(store, filter)?;
    let first = store.quote_search(filter, 0, 25)?;
    assert_eq!(first.total, all.len() as u64, "{filter:?}");
    for offset in [0, 25, MAX_SCAN - 10, MAX_SCAN + 15, all.len().saturating_sub(5)] {
        let page = store.quote_search(filter, offset, 25)?;
        let expected: Vec<QuoteHit> = all.iter().skip(offset).take(25).cloned().collect();
        assert_eq!(page.hits, expected, "{filter:?} at {offset}");
    }
    let mut counts: HashMap<String, u64> = HashMap::new();
    for h in all.iter().take(MAX_SCAN) {
        if let Some(s) = &h.speaker_name {
            *counts.entry(s.to_ascii_lowercase()).or_default() += 1;
        }
    }
    let facet: HashMap<String, u64> = first.speakers.iter().map(|c| (c.value.to_ascii_lowercase(), c.count)).collect();
    assert_eq!(facet, counts, "{filter:?}");
    // Each facet value is spelled as first met in the walk.
    for value in &first.speakers {
        let met = all.iter().filter_map(|h| h.speaker_name.as_deref()).find(|s| s.eq_ignore_ascii_case(&value.value));
        assert_eq!(met, Some(value.value.as_str()), "{filter:?}");
    }
    for h in &all {
        if let Some(kind) = filter.kind {
            assert_eq!(h.kind, Some(kind), "{filter:?}: {h:?}");
        }
        if let Some(speaker) = &filter.speaker {
            assert!(h.speaker_name.as_deref().is_some_and(|s| s.eq_ignore_ascii_case(speaker)), "{h:?}");
        }
        if filter.article.place.is_some() {
            assert_eq!(h.place.as_deref(), Some("Mombasa"));
        }
    }
    Ok(all)
}

/// Which copy a hit is from, by its headline ("Harbour copy 12").
fn copy_number(h: &QuoteHit) -> usize {
    h.headline.trim_start_matches("Harbour copy ").trim_end_matches('.').parse().unwrap_or(usize::MAX)
}

/// The wordings as the triggers keep them: (wordings, sum of their counts, occurrences).
fn wording_rows(conn: &Connection) -> rusqlite::Result<(i64, i64, i64)> {
    conn.query_row(
        "SELECT (SELECT count(*) FROM quote_wordings), (SELECT coalesce(sum(quotes), 0) FROM quote_wordings),
                (SELECT count(*) FROM quote_occurrences)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
}

/// The same, as they should be: distinct (content, speaker, kind) of the quotes, and the quotes.
fn expected_rows(conn: &Connection) -> rusqlite::Result<(i64, i64, i64)> {
    conn.query_row(
        "SELECT (SELECT count(*) FROM (SELECT DISTINCT content, speaker_name, kind FROM quotes)),
                (SELECT count(*) FROM quotes), (SELECT count(*) FROM quotes)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
}

#[test]
fn wire_copies_share_wordings_and_searches_answer_every_copy_in_order() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("wire.db");
    let mut store = Store::open(&path)?;
    let n = MAX_SCAN + 300;
    store.insert_batch(&(0..n).map(copy).collect::<Vec<_>>())?;

    // Five wire wordings and one of each copy's own, each counting the quotes that carry it.
    let conn = Connection::open(&path)?;
    assert_eq!(wording_rows(&conn)?, (5 + n as i64, 4 * n as i64, 4 * n as i64));
    assert_eq!(wording_rows(&conn)?, expected_rows(&conn)?);
    let every = common::walk(&store, &QuoteFilter::default())?;
    assert_eq!(every.len(), 4 * n);

    for filter in filters() {
        check_search(&store, &filter)?;
    }

    // Words: every quote carrying them; the two wordings that differ only in kind score alike,
    // so their quotes come in storage order (copy, then place in the record), interleaved.
    let reopens = check_search(&store, &text("reopens"))?;
    assert_eq!(reopens.len(), every.iter().filter(|h| h.content.contains("reopens")).count());
    assert!(reopens.len() > MAX_SCAN, "the ties at the scan's cut are exercised");
    let order: Vec<(usize, usize)> = reopens.iter().map(|h| (copy_number(h), h.index)).collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "storage order: {:?}", &order[..8]);
    let kinds: Vec<QuoteKind> = reopens.iter().take(6).filter_map(|h| h.kind).collect();
    assert!(kinds.contains(&QuoteKind::Direct) && kinds.contains(&QuoteKind::Partial), "interleaved: {kinds:?}");

    // The order is that of one SQL sort over every match by the wording's bm25, then key.
    for words in ["harbour", "grain", "copy", "reopens OR tolls"] {
        let fts = dateline_store::fts_query(words).ok_or("a query")?;
        let mut stmt = conn.prepare(
            "SELECT a.id, q.position FROM quote_wordings_fts JOIN quote_wordings w ON w.pk = quote_wordings_fts.rowid
             JOIN quote_occurrences o ON o.wording_pk = w.pk JOIN quotes q ON q.pk = o.quote_pk
             JOIN articles a ON a.pk = q.article_pk
             WHERE quote_wordings_fts MATCH ?1 ORDER BY bm25(quote_wordings_fts), q.pk",
        )?;
        let sorted: Vec<(String, usize)> =
            stmt.query_map([fts], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as usize)))?.collect::<Result<_, _>>()?;
        let walked: Vec<(String, usize)> =
            common::walk(&store, &text(words))?.into_iter().map(|h| (h.article_id, h.index)).collect();
        assert_eq!(walked, sorted, "{words}");
    }
    // A longer wording with the word (ten words with its speaker's) scores worse than a shorter
    // one (nine), whatever its count.
    let grain = common::walk(&store, &text("grain"))?;
    assert!(grain[0].content.starts_with("Grain prices"), "{:?}", grain[0].content);
    assert!(grain.last().is_some_and(|h| h.content.starts_with("The harbour reopens")));
    Ok(())
}

/// Deleting articles (nothing does yet, but the triggers allow it) takes their quotes out of the
/// wordings: counts drop, a wording no quote carries is gone, from its index too.
#[test]
fn deleted_articles_leave_their_wordings_true() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("wire.db");
    let mut store = Store::open(&path)?;
    store.insert_batch(&(0..40).map(copy).collect::<Vec<_>>())?;
    let conn = Connection::open(&path)?;
    let quotes_of = |conn: &Connection| -> rusqlite::Result<i64> {
        conn.query_row("SELECT count(*) FROM quotes", [], |r| r.get(0))
    };
    conn.execute("DELETE FROM articles WHERE source_path IN ('c3.txt', 'c4.txt', 'c5.txt')", [])?;
    let left = quotes_of(&conn)?;
    assert_eq!(left, 4 * 37);
    assert_eq!(wording_rows(&conn)?, expected_rows(&conn)?);
    assert_eq!(wording_rows(&conn)?.0, 5 + 37);
    let gone = QuoteFilter { text: Some("\"copy 4 of\"".into()), ..QuoteFilter::default() };
    assert_eq!(store.quote_search(&gone, 0, 10)?.total, 0);
    let kept = QuoteFilter { text: Some("\"copy 6 of\"".into()), ..QuoteFilter::default() };
    assert_eq!(store.quote_search(&kept, 0, 10)?.total, 1);
    // The index agrees with its wordings (FTS5 fails this statement otherwise).
    conn.execute("INSERT INTO quote_wordings_fts(quote_wordings_fts) VALUES ('integrity-check')", [])?;
    for filter in filters() {
        check_search(&store, &filter)?;
    }
    // Every copy gone: no wording left.
    conn.execute("DELETE FROM articles", [])?;
    assert_eq!(wording_rows(&conn)?, (0, 0, 0));
    assert_eq!(store.quote_search(&text("harbour"), 0, 10)?.total, 0);
    Ok(())
}

/// A version 5 file (quotes, no wordings) gains its wordings when opened, and every search
/// answers as in a store written at version 6; quotes ingested afterwards join the same wordings.
#[test]
fn a_version_5_file_gains_its_wordings() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (old, new) = (dir.path().join("v5.db"), dir.path().join("v6.db"));
    let batch: Vec<Analysis> = (0..MAX_SCAN + 100).map(copy).collect();
    let (first, later) = batch.split_at(MAX_SCAN);
    Store::open(&old)?.insert_batch(first)?;
    // Take the file back to version 5 as an older dateline left it (no events, no wordings).
    Connection::open(&old)?.execute_batch(
        "ALTER TABLE story_members DROP COLUMN sentences;
         INSERT INTO lsh_bands SELECT * FROM lsh_fresh; DROP TABLE lsh_fresh; DROP TABLE event_keys_fresh;
         DROP INDEX stories_event; ALTER TABLE stories DROP COLUMN event_id; DROP TABLE events;
         DROP TABLE event_keys; DROP TABLE term_df; DROP TABLE term_df_fresh; DROP TABLE term_docs; DROP TABLE event_backlog;
         DROP TRIGGER quote_wordings_of_new_quote; DROP TRIGGER quote_wordings_of_deleted_quote;
         DROP TABLE quote_wordings_fts; DROP TABLE quote_occurrences; DROP TABLE quote_wordings;
         PRAGMA user_version = 5;",
    )?;
    let mut migrated = Store::open(&old)?;
    assert_eq!(migrated.schema_version()?, dateline_store::SCHEMA_VERSION);
    let mut fresh = Store::open(&new)?;
    fresh.insert_batch(first)?;
    let same = |a: &Store, b: &Store| -> TestResult {
        for filter in filters() {
            assert_eq!(check_search(a, &filter)?, check_search(b, &filter)?, "{filter:?}");
        }
        Ok(())
    };
    same(&migrated, &fresh)?;
    assert_eq!(wording_rows(&Connection::open(&old)?)?, wording_rows(&Connection::open(&new)?)?);
    migrated.insert_batch(later)?;
    fresh.insert_batch(later)?;
    same(&migrated, &fresh)?;
    assert_eq!(wording_rows(&Connection::open(&old)?)?, wording_rows(&Connection::open(&new)?)?);
    Ok(())
}
