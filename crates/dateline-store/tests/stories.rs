//! Stories in the store: versions of one wire story join, unrelated articles do not, re-ingest
//! adds nothing, shortened copies and bridges are handled, older files catch up, the diff shows
//! the exact edits and the credited agency is named origin. Property tests for the diff and the
//! fingerprint.

use dateline_analyze::fingerprint::{signature, Shingles};
use dateline_analyze::{Analysis, Dateline, Format, SourceRef, Span};
use dateline_store::diff::{diff, paragraphs, ParagraphChange, WordChange};
use dateline_store::{OriginReason, PreparedBatch, Store, StoryOptions};
use proptest::prelude::*;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The demo pair: the Reuters original and an uncredited copy with a paragraph dropped, one
/// phrase changed and another byline (crawl header).
const ORIGINAL: &str = include_str!("../../../examples/demo/14_lagos_port.txt");
const COPY: &str = include_str!("../../../examples/demo/15_lagos_port_copy.txt");

/// The body after the crawl header line, as the reader would give it.
fn body(file: &str) -> &str {
    file.split_once("\n\n").map_or(file, |(_, b)| b).trim()
}

/// An analysis of `text` with a dateline ending at the first ` - ` and the given credits.
fn wire(text: &str, sources: &[&str], published: Option<&str>, path: &str) -> Analysis {
    let end = text.find(" - ").map_or(0, |i| i + 2);
    let source = SourceRef { path: Some(path.into()), url: None, format: Format::Text, record: None };
    Analysis {
        dateline: (end > 0).then(|| Dateline {
            place: Some("Lagos".into()),
            country: Some("NG".into()),
            sources: sources.iter().map(|s| s.to_string()).collect(),
            date: None,
            span: Span(0, end),
        }),
        published: published.map(str::to_string),
        ..Analysis::bare(text, source)
    }
}

fn pair() -> (Analysis, Analysis) {
    (
        wire(body(ORIGINAL), &["Reuters"], Some("2024-03-04"), "14_lagos_port.txt"),
        wire(body(COPY), &[], Some("2024-03-05"), "15_lagos_port_copy.txt"),
    )
}

/// Unrelated wire stories of about the same length.
fn unrelated() -> Vec<Analysis> {
    let texts = [
        "GENEVA (AP) - Talks on a new plastics treaty ended without agreement on Friday after delegates from \
         oil-producing countries blocked limits on production, diplomats said. The chair said negotiations would \
         resume next year in another city, and several delegations called the outcome a missed chance.",
        "KABUL (AFP) - Flash floods swept through three villages in northern Afghanistan overnight, killing at least \
         twelve people and destroying hundreds of homes, a provincial spokesman said on Tuesday. Rescue teams were \
         still searching for survivors in the mud, and aid groups asked for tents and clean water.",
        "SANTIAGO (Reuters) - Chile's central bank cut its benchmark interest rate by half a percentage point on \
         Wednesday, citing slowing inflation and weak domestic demand, and signalled further cuts ahead. Economists \
         had expected a smaller move, and the peso weakened after the announcement.",
    ];
    texts.iter().enumerate().map(|(i, t)| wire(t, &["X"], Some("2024-03-01"), &format!("u{i}.txt"))).collect()
}

fn paras(n: std::ops::Range<usize>) -> String {
    n.map(|i| {
        format!(
            "Paragraph {i} tells part {i} of the story of the river dam number {i} that engineers inspected on day \
             {i} and found cracks in section {i} of the eastern wall."
        )
    })
    .collect::<Vec<_>>()
    .join("\n\n")
}

/// A batch prepared apart (`PreparedBatch`, as `dateline ingest` prepares the next batch while
/// one is written) is stored exactly as the same batch given to `insert_batch`: same outcome,
/// same stories; the copy joining its original shows the prepared fingerprints are read.
#[test]
fn a_prepared_batch_is_stored_as_the_same_batch_given_whole() -> TestResult {
    let (original, copy) = pair();
    let mut first = unrelated();
    first.push(original);
    let mut duplicate = copy.clone();
    duplicate.id = "again".into();
    let second = vec![copy, duplicate];
    let mut whole = Store::open_in_memory()?;
    let mut prepared = Store::open_in_memory()?;
    let mut outcomes = (Vec::new(), Vec::new());
    for batch in [first, second] {
        outcomes.0.push(whole.insert_batch(&batch)?);
        let ready = PreparedBatch::new(batch.clone());
        assert_eq!(ready.articles(), &batch[..]);
        outcomes.1.push(prepared.insert_prepared(&ready)?);
    }
    assert_eq!(outcomes.0, outcomes.1);
    assert_eq!(outcomes.1[1].stored, 1, "the copy is stored, its duplicate text is not");
    let listed =
        |store: &Store| store.stories(100, 1).map(|v| v.into_iter().map(|s| (s.size, s.title)).collect::<Vec<_>>());
    assert_eq!(listed(&whole)?, listed(&prepared)?);
    assert_eq!(listed(&prepared)?.first().map(|s| s.0), Some(2), "the copy joined its original");
    Ok(())
}

/// The writer keeps the shingles of the articles it stored last, so as not to read and shingle
/// them again as candidates; a rolled-back batch's row ids are given out again, so its articles
/// must not be kept. Here the failed batch held a text whose row id then goes to the original of
/// a wire story: the original's copy must join it, which it cannot if the failed text's shingles
/// were kept under that row id (checked: keeping them before the commit fails this test), and a
/// copy of the failed text joins nothing.
#[test]
fn a_rolled_back_batch_leaves_no_shingles_behind_for_the_row_ids_given_out_again() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("s.db");
    let mut store = Store::open(&path)?;
    store.insert_batch(&unrelated())?;
    // A trigger makes any article titled "boom" fail, which fails its whole batch.
    rusqlite::Connection::open(&path)?.execute_batch(
        "CREATE TRIGGER boom BEFORE INSERT ON articles WHEN new.title = 'boom' BEGIN SELECT RAISE(ABORT, 'boom'); END;",
    )?;
    let dam = wire(&paras(0..8), &["X"], Some("2024-03-02"), "dam.txt");
    let mut failing = wire("LAGOS (X) - A short note that fails.", &[], None, "boom.txt");
    failing.title = Some("boom".into());
    assert!(store.insert_batch(&[dam.clone(), failing]).is_err(), "the batch fails");
    // The next batch gets the rolled-back row ids: first an article unlike the dam story.
    let (original, copy) = pair();
    store.insert_batch(std::slice::from_ref(&original))?;
    let mut dam_copy = wire(&paras(0..7), &["X"], Some("2024-03-03"), "dam_copy.txt");
    dam_copy.id = "dam-copy".into();
    store.insert_batch(&[dam_copy.clone(), copy.clone()])?;
    let story_of = |id: &str| store.story_of(id);
    assert_ne!(story_of(&dam_copy.id)?, story_of(&original.id)?, "the dam copy joined an unrelated article");
    assert_eq!(story_of(&copy.id)?, story_of(&original.id)?, "the port copy joins its original");
    Ok(())
}

#[test]
fn two_versions_of_a_wire_story_are_one_story_with_the_exact_diff_and_the_agency_as_origin() -> TestResult {
    let mut store = Store::open_in_memory()?;
    let (original, copy) = pair();
    let mut batch = unrelated();
    batch.push(copy.clone());
    batch.push(original.clone());
    store.insert_batch(&batch)?;

    let stories = store.stories(10, 2)?;
    assert_eq!(stories.len(), 1, "{stories:#?}");
    let summary = &stories[0];
    assert_eq!(summary.size, 2);
    assert_eq!((summary.first_seen.as_str(), summary.last_seen.as_str()), ("2024-03-04", "2024-03-05"));
    let origin = summary.origin.as_ref().ok_or("no origin")?;
    assert_eq!(origin.credits, vec!["Reuters".to_string()]);
    assert_eq!(origin.article, original.id);
    assert_eq!(origin.reason, OriginReason::CreditEarliest);
    assert_eq!(origin.uncredited, vec![copy.id.clone()], "the copy carries the story without its credit");
    // Neither version has a title: the story is headlined by its origin's first sentence, after
    // the dateline.
    let title = summary.title.as_deref().ok_or("no headline")?;
    assert!(title.starts_with("Nigeria's busiest container port"), "{title}");

    let story = store.story(summary.id)?.ok_or("story missing")?;
    let ids: Vec<&str> = story.members.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, vec![original.id.as_str(), copy.id.as_str()], "oldest first");
    assert!(story.members[0].origin && !story.members[0].uncredited);
    assert!(story.members[1].uncredited);
    assert_eq!(store.story_of(&copy.id[..6])?, Some(summary.id));

    let d = store.diff(&original.id, &copy.id)?.ok_or("diff missing")?;
    let s = d.stats;
    assert_eq!((s.same, s.removed, s.added, s.changed), (3, 1, 0, 2), "{:#?}", d.paragraphs);
    assert_eq!(
        d.paragraphs[3],
        ParagraphChange::Removed {
            text: "Truck drivers said the access road to the port remained the main bottleneck, with queues \
                   stretching several kilometres on most days."
                .into()
        }
    );
    let ParagraphChange::Changed { words, .. } = &d.paragraphs[0] else { return Err("lead not changed".into()) };
    let edits: Vec<&WordChange> = words.iter().filter(|w| !matches!(w, WordChange::Same(_))).collect();
    assert_eq!(edits, vec![&WordChange::Removed("(Reuters) ".into())]);
    let ParagraphChange::Changed { words, .. } = &d.paragraphs[1] else { return Err("para 2 not changed".into()) };
    let edits: Vec<&WordChange> = words.iter().filter(|w| !matches!(w, WordChange::Same(_))).collect();
    assert_eq!(
        edits,
        vec![&WordChange::Removed("most populous country.".into()), &WordChange::Added("largest economy.".into())]
    );
    Ok(())
}

#[test]
fn unrelated_articles_stay_apart() -> TestResult {
    let mut store = Store::open_in_memory()?;
    store.insert_batch(&unrelated())?;
    assert!(store.stories(10, 2)?.is_empty());
    assert_eq!(store.stories(10, 1)?.len(), 3, "each article is its own story");
    Ok(())
}

#[test]
fn re_ingest_adds_nothing() -> TestResult {
    let mut store = Store::open_in_memory()?;
    let (original, copy) = pair();
    let mut batch = unrelated();
    batch.extend([original, copy]);
    store.insert_batch(&batch)?;
    let before = store.stories(100, 1)?;
    let again = store.insert_batch(&batch)?;
    assert_eq!((again.stored, again.duplicates), (0, batch.len()));
    assert_eq!(store.stories(100, 1)?, before);
    Ok(())
}

#[test]
fn a_shortened_copy_joins_by_containment() -> TestResult {
    let mut store = Store::open_in_memory()?;
    let full = paras(0..12);
    let short = paras(0..6);
    let sim = Shingles::of(&full, None).similarity(&Shingles::of(&short, None));
    assert!(sim.jaccard < StoryOptions::default().threshold, "Jaccard alone would miss it: {sim:?}");
    store.insert_batch(&[wire(&full, &[], None, "full.txt"), wire(&short, &[], None, "short.txt")])?;
    assert_eq!(store.stories(10, 2)?.first().map(|s| s.size), Some(2));
    Ok(())
}

#[test]
fn an_article_bridging_two_stories_merges_them() -> TestResult {
    let mut store = Store::open_in_memory()?;
    let (left, right, both) = (paras(0..8), paras(8..16), paras(0..16));
    store.insert_batch(&[wire(&left, &[], Some("2024-01-01"), "l"), wire(&right, &[], Some("2024-01-03"), "r")])?;
    assert!(store.stories(10, 2)?.is_empty());
    assert_eq!((store.stories_page(0, 10, 1)?.total, store.stories_page(0, 10, 2)?.total), (2, 0));
    store.insert_batch(&[wire(&both, &[], Some("2024-01-02"), "b")])?;
    let stories = store.stories(10, 1)?;
    assert_eq!(stories.len(), 1, "{stories:#?}");
    assert_eq!(stories[0].size, 3);
    // The merge moved the counts: one story of three, none of one.
    let totals: Vec<u64> = (1..=4).map(|m| store.stories_page(0, 10, m).map(|p| p.total)).collect::<Result<_, _>>()?;
    assert_eq!(totals, [1, 1, 1, 0]);
    assert_eq!((stories[0].first_seen.as_str(), stories[0].last_seen.as_str()), ("2024-01-01", "2024-01-03"));
    // The merged story is in one event, which counts it once; no event is left empty.
    let events = store.events(0, 10, 1)?;
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!((events[0].size, events[0].stories.len()), (1, 1));
    assert_eq!(store.event_of_story(stories[0].id)?, Some(events[0].id));
    Ok(())
}

#[test]
fn stricter_options_split_what_the_defaults_join_and_bad_options_are_refused() -> TestResult {
    let mut store = Store::open_in_memory()?;
    let (original, copy) = pair();
    let strict = StoryOptions { threshold: 1.0, containment: 1.0, sentences: 1.0, ..StoryOptions::default() };
    store.insert_batch_with(&[original, copy], &strict)?;
    assert!(store.stories(10, 2)?.is_empty());
    let bad = StoryOptions { threshold: 0.0, ..StoryOptions::default() };
    assert!(store.insert_batch_with(&unrelated(), &bad).is_err());
    let bad = StoryOptions { sentences: 1.5, ..StoryOptions::default() };
    assert!(store.insert_batch_with(&unrelated(), &bad).is_err());
    Ok(())
}

#[test]
fn an_older_file_catches_up_when_opened() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("old.db");
    let (original, copy) = pair();
    {
        let mut store = Store::open(&path)?;
        store.insert_batch(&[original, copy])?;
    }
    // As a version 2 file would be: articles, no stories.
    rusqlite::Connection::open(&path)?.execute_batch(
        "DELETE FROM story_members; DELETE FROM stories; DELETE FROM lsh_bands; DELETE FROM lsh_fresh;",
    )?;
    let store = Store::open(&path)?;
    let stories = store.stories(10, 1)?;
    assert_eq!(stories.len(), 1);
    assert_eq!(stories[0].size, 2);
    Ok(())
}

/// Stories of sizes 3, 2, 1, 1, 1 (a bridged family, the demo pair, three unrelated articles).
fn mixed_sizes() -> Vec<Analysis> {
    let (original, copy) = pair();
    let mut batch = unrelated();
    batch.extend([original, copy]);
    batch.push(wire(&paras(0..8), &[], Some("2024-01-01"), "l"));
    batch.push(wire(&paras(8..16), &[], Some("2024-01-03"), "r"));
    batch.push(wire(&paras(0..16), &[], Some("2024-01-02"), "b"));
    batch
}

/// The count of stories of at least `min` versions, straight from `stories`.
fn counted(path: &std::path::Path, min: i64) -> Result<u64, rusqlite::Error> {
    let n: i64 =
        rusqlite::Connection::open(path)?
            .query_row("SELECT count(*) FROM stories WHERE size >= ?1", [min], |r| r.get(0))?;
    Ok(u64::try_from(n).unwrap_or(0))
}

/// Pages of the listing, in order, are the listing; totals agree with the stories themselves.
fn check_pages(store: &Store, path: &std::path::Path) -> TestResult {
    for min in 1..=4u64 {
        let all = store.stories(100, min)?;
        let mut paged = Vec::new();
        for offset in (0..all.len() + 2).step_by(2) {
            let page = store.stories_page(offset, 2, min)?;
            assert_eq!(page.total, counted(path, min as i64)?, "min_size {min}");
            assert_eq!(page.total, all.len() as u64);
            paged.extend(page.items);
        }
        assert_eq!(paged, all, "min_size {min}");
    }
    Ok(())
}

/// A store written before `story_sizes` (version 4) gains it, filled from its stories, when it
/// is opened; the triggers then keep it true through new stories and merges.
#[test]
fn a_version_4_file_gains_story_sizes_and_pages_agree() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("v4.db");
    let batch = mixed_sizes();
    let (first, later) = batch.split_at(5);
    {
        let mut store = Store::open(&path)?;
        store.insert_batch(first)?;
    }
    // Take the file back to version 4 as an older dateline left it.
    rusqlite::Connection::open(&path)?.execute_batch(
        "ALTER TABLE story_members DROP COLUMN sentences;
         INSERT INTO lsh_bands SELECT * FROM lsh_fresh; DROP TABLE lsh_fresh; DROP TABLE event_keys_fresh;
         DROP INDEX stories_event; ALTER TABLE stories DROP COLUMN event_id; DROP TABLE events;
         DROP TABLE event_keys; DROP TABLE term_df; DROP TABLE term_df_fresh; DROP TABLE term_docs; DROP TABLE event_backlog;
         DROP TRIGGER quote_wordings_of_new_quote; DROP TRIGGER quote_wordings_of_deleted_quote;
         DROP TABLE quote_wordings_fts; DROP TABLE quote_occurrences; DROP TABLE quote_wordings;
         DROP TRIGGER story_sizes_insert; DROP TRIGGER story_sizes_delete; DROP TRIGGER story_sizes_update;
         DROP TABLE story_sizes; PRAGMA user_version = 4;",
    )?;
    let mut store = Store::open(&path)?;
    assert_eq!(store.schema_version()?, dateline_store::SCHEMA_VERSION);
    assert_eq!(store.stories_page(0, 10, 1)?.total, 4);
    check_pages(&store, &path)?;
    // New stories and a merge after the migration.
    store.insert_batch(later)?;
    let sizes: Vec<u64> = store.stories(100, 1)?.iter().map(|s| s.size).collect();
    assert_eq!(sizes, [3, 2, 1, 1, 1]);
    check_pages(&store, &path)?;
    Ok(())
}

/// A version 8 file kept every band row and event key in one table each: opened by this version,
/// its rows stay where they are and still find the stored articles, and new rows go to the new
/// tables.
#[test]
fn a_version_8_file_keeps_its_band_index() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("v8.db");
    let (original, copy) = pair();
    {
        let mut store = Store::open(&path)?;
        store.insert_batch(std::slice::from_ref(&original))?;
    }
    rusqlite::Connection::open(&path)?.execute_batch(
        "ALTER TABLE story_members DROP COLUMN sentences;
         INSERT INTO lsh_bands SELECT * FROM lsh_fresh; DROP TABLE lsh_fresh;
         INSERT INTO event_keys SELECT * FROM event_keys_fresh; DROP TABLE event_keys_fresh;
         INSERT INTO term_df SELECT term, df FROM term_df_fresh WHERE true
           ON CONFLICT (term) DO UPDATE SET df = df + excluded.df;
         DROP TABLE term_df_fresh;
         PRAGMA user_version = 8;",
    )?;
    let mut store = Store::open(&path)?;
    assert_eq!(store.schema_version()?, dateline_store::SCHEMA_VERSION);
    store.insert_batch(std::slice::from_ref(&copy))?;
    let stories = store.stories(10, 1)?;
    assert_eq!(stories.len(), 1, "the copy found its original through the settled band rows");
    assert_eq!(stories[0].size, 2);
    drop(store);
    let conn = rusqlite::Connection::open(&path)?;
    let count = |table: &str| conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get::<_, i64>(0));
    assert_eq!(count("lsh_fresh")?, 42, "the copy's rows are fresh");
    assert_eq!(count("lsh_bands")?, 42, "the original's rows stayed settled");
    Ok(())
}

/// Paragraphs of a few words from a small vocabulary, so that random versions share a lot.
fn text_strategy() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec!["grain", "port", "said", "the", "minister", "Lagos", "4,000", "on", "—"]);
    let para = prop::collection::vec(word, 1..8).prop_map(|w| w.join(" "));
    prop::collection::vec(para, 0..8).prop_map(|p| p.join("\n\n"))
}

proptest! {
    #[test]
    fn applying_the_diff_rebuilds_the_other_version(a in text_strategy(), b in text_strategy()) {
        let d = diff(&a, &b);
        let expected: Vec<String> = paragraphs(&b).iter().map(|s| s.to_string()).collect();
        prop_assert_eq!(d.apply(&a), Some(expected));
        prop_assert_eq!(diff(&a, &a).stats.is_identical(), true);
    }

    #[test]
    fn the_fingerprint_is_deterministic(text in "\\PC{0,400}") {
        let s = signature(&text);
        prop_assert_eq!(&s, &signature(&text.clone()));
        prop_assert_eq!(Shingles::of(&text, None), Shingles::of(&text, None));
        if !s.is_empty() {
            prop_assert_eq!(s.jaccard(&s), 1.0);
        }
    }
}
