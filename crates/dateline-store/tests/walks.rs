//! Row walks for exports: a story's versions come out in the story's order with the same origin
//! and credit flags as `Store::story`, and a search walk gives the search's order and filters but
//! every match, past the cap that search pages stop at.

use dateline_analyze::{Analysis, Dateline, Format, SourceRef, Span};
use dateline_store::views::{SearchFilter, SortOrder, MAX_SCAN};
use dateline_store::{OriginReason, Store};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Our own wire story, in paragraphs, long enough for near-duplicate detection.
fn story_text(edit: &str) -> String {
    [
        "PORTO NOVO (Wire) - Engineers closed the old harbour bridge on Monday after divers found cracks in two \
         of its pillars, the port authority said, and ferries will carry cars across the lagoon until repairs end.",
        "The bridge, built in the nineteen sixties, carries most of the traffic between the market and the \
         container terminal, and drivers faced long queues at the ferry landing by the afternoon.",
        "A spokesman for the authority said inspections of the other crossings would follow this week and that \
         no date had been set for reopening, while traders asked for a temporary footbridge.",
        edit,
    ]
    .join("\n\n")
}

fn version(edit: &str, sources: &[&str], published: Option<&str>, path: &str) -> Analysis {
    let text = story_text(edit);
    let end = text.find(" - ").map_or(0, |i| i + 2);
    let source = SourceRef { path: Some(path.into()), url: None, format: Format::Text, record: None };
    Analysis {
        dateline: Some(Dateline {
            place: Some("Porto-Novo".into()),
            country: Some("BJ".into()),
            sources: sources.iter().map(|s| s.to_string()).collect(),
            date: None,
            span: Span(0, end),
        }),
        published: published.map(str::to_string),
        ..Analysis::bare(&text, source)
    }
}

/// Every story's versions walked one by one equal the story's own list, flags included.
fn walks_match_stories(store: &Store) -> TestResult {
    for summary in store.stories(1_000, 1)? {
        let story = store.story(summary.id)?.ok_or("a listed story")?;
        let mut walked = Vec::new();
        let sent = store.for_each_story_version(summary.id, |m| {
            walked.push(m);
            true
        })?;
        assert_eq!(sent, Some(story.members.len()));
        assert_eq!(walked, story.members, "story {}", summary.id);
    }
    Ok(())
}

#[test]
fn a_story_walk_gives_the_versions_and_origin_flags_of_the_story() -> TestResult {
    let mut store = Store::open_in_memory()?;
    store.insert_batch(&[
        version("The ferry runs every twenty minutes.", &["Reuters"], Some("2024-03-04"), "a.txt"),
        version("The ferry runs every half hour.", &[], Some("2024-03-05"), "b.txt"),
        version("The ferry runs every twenty minutes, officials said.", &["AP", "Reuters"], None, "c.txt"),
        version("The ferry runs every twenty minutes from dawn.", &["AP"], Some("2024-03-03"), "d.txt"),
    ])?;
    let stories = store.stories(10, 2)?;
    assert_eq!(stories.len(), 1, "{stories:?}");
    let id = stories[0].id;
    let story = store.story(id)?.ok_or("the story")?;
    // Reuters and AP tie at two versions each: the earliest credited version is the origin, and
    // the copy carrying neither is uncredited.
    let origin = story.members.iter().find(|m| m.origin).ok_or("an origin")?;
    assert_eq!(origin.source.as_deref(), Some("d.txt"));
    let uncredited: Vec<_> = story.members.iter().filter(|m| m.uncredited).filter_map(|m| m.source.clone()).collect();
    assert_eq!(uncredited, vec!["b.txt".to_string()]);
    walks_match_stories(&store)?;

    // Stopping early stops; an unknown story is None.
    let mut seen = 0;
    assert_eq!(
        store.for_each_story_version(id, |_| {
            seen += 1;
            false
        })?,
        Some(1)
    );
    assert_eq!(seen, 1);
    assert_eq!(store.for_each_story_version(id + 1_000, |_| true)?, None);
    Ok(())
}

#[test]
fn without_credits_or_dates_the_walk_names_the_most_complete_version() -> TestResult {
    let mut store = Store::open_in_memory()?;
    store.insert_batch(&[
        version("Short.", &[], None, "a.txt"),
        version("A much longer closing paragraph that adds several words of its own to the story.", &[], None, "b.txt"),
        version("Short too.", &[], None, "c.txt"),
    ])?;
    let story = store.stories(10, 2)?.first().cloned().ok_or("a story")?;
    assert_eq!(story.origin.as_ref().map(|o| o.reason), Some(OriginReason::MostComplete));
    walks_match_stories(&store)
}

#[test]
fn a_search_walk_follows_the_search_order_and_filters_past_the_scan_cap() -> TestResult {
    let mut store = Store::open_in_memory()?;
    let n = MAX_SCAN + 40;
    let batch: Vec<Analysis> = (0..n)
        .map(|i| {
            let text = format!(
                "Notice {i}: the harbour office lists berth {i} as {} this week, and crane {} is booked.",
                if i.is_multiple_of(3) { "closed for dredging" } else { "open" },
                i * 7
            );
            let source = SourceRef { path: Some(format!("n{i}.txt")), url: None, format: Format::Text, record: None };
            Analysis {
                published: (!i.is_multiple_of(10)).then(|| format!("2024-{:02}-{:02}", 1 + i % 12, 1 + i % 28)),
                ..Analysis::bare(&text, source)
            }
        })
        .collect();
    store.insert_batch(&batch)?;

    let ids = |filter: &SearchFilter, order: SortOrder| -> Result<Vec<String>, Box<dyn std::error::Error>> {
        let mut out = Vec::new();
        store.for_each_article(filter, order, usize::MAX, |row| {
            out.push(row.id);
            true
        })?;
        Ok(out)
    };
    let paged = |filter: &SearchFilter, order: SortOrder| -> Result<Vec<String>, Box<dyn std::error::Error>> {
        let mut out = Vec::new();
        let mut offset = 0;
        loop {
            let page = store.search_page(filter, order, offset, 100)?;
            if page.hits.is_empty() {
                return Ok(out);
            }
            out.extend(page.hits.into_iter().map(|h| h.id));
            offset += 100;
        }
    };

    // Every article, past the cap search pages stop at; the first MAX_SCAN in the same order.
    for order in [SortOrder::Relevance, SortOrder::Newest, SortOrder::Oldest] {
        let all = SearchFilter { text: Some("harbour".into()), ..SearchFilter::default() };
        let walked = ids(&all, order)?;
        assert_eq!(walked.len(), n, "{order:?}");
        assert_eq!(walked[..MAX_SCAN], paged(&all, order)?[..], "{order:?}");
    }
    // A narrower query and a date filter: the same articles as search, in the same order.
    let dredging =
        SearchFilter { text: Some("dredging".into()), from: Some("2024-06".into()), ..SearchFilter::default() };
    let walked = ids(&dredging, SortOrder::Relevance)?;
    assert!(!walked.is_empty() && walked.len() < MAX_SCAN);
    assert_eq!(walked, paged(&dredging, SortOrder::Relevance)?);
    // A query with nothing searchable matches nothing; the limit and the callback stop the walk.
    assert!(
        ids(&SearchFilter { text: Some("\"\"".into()), ..SearchFilter::default() }, SortOrder::Relevance)?.is_empty()
    );
    let mut rows = Vec::new();
    let sent = store.for_each_article(&SearchFilter::default(), SortOrder::Newest, 5, |r| {
        rows.push(r);
        true
    })?;
    assert_eq!((sent, rows.len()), (5, 5));
    assert!(rows.iter().all(|r| r.score.is_none() && r.versions == 1 && r.headline.starts_with("Notice")));
    Ok(())
}
