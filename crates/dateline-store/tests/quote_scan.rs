//! Quote search past its scan: with more matches than the scan reads, totals stay exact, every
//! page (inside the scan, across its end and past it) is the export walk's slice in the same
//! order, and the speakers facet counts the scanned best matches, names without case.

mod common;

use std::collections::HashMap;

use dateline_analyze::{Analysis, Dateline, Format, QuoteKind, SourceRef, Span};
use dateline_store::views::{SearchFilter, MAX_SCAN};
use dateline_store::{QuoteFilter, QuoteHit, Store};

type TestResult = Result<(), Box<dyn std::error::Error>>;

const SPEAKERS: [&str; 3] = ["Amina Odhiambo", "Jonas Berg", "AMINA ODHIAMBO"];

/// Article `i`: two quotes (one direct, one indirect), one of three speakers (two differ only in
/// case) or none, a place of two, and every tenth article undated.
fn article(i: usize) -> Analysis {
    let first = format!("The harbour crane {i} will be repaired by the port team");
    let second = if i.is_multiple_of(4) {
        format!("dredging of berth {i} starts soon")
    } else {
        format!("berth {i} stays open")
    };
    let text = format!("\"{first},\" an engineer said on day {i}. Officials added that {second}.");
    let source = SourceRef { path: Some(format!("q{i}.txt")), url: None, format: Format::Text, record: None };
    let mut a = Analysis::bare(&text, source);
    a.published = (!i.is_multiple_of(10)).then(|| format!("2024-{:02}-{:02}", 1 + i % 12, 1 + i % 28));
    a.dateline = Some(Dateline {
        place: Some(if i.is_multiple_of(3) { "Mombasa" } else { "Lamu" }.into()),
        country: Some("KE".into()),
        sources: Vec::new(),
        date: None,
        span: Span(0, 0),
    });
    let speaker = (!i.is_multiple_of(5)).then(|| SPEAKERS[i % 3]);
    a.quotes = [("direct", first), ("indirect", second)]
        .into_iter()
        .map(|(kind, content)| common::quote_in(&text, kind, speaker, content))
        .collect();
    a
}

#[test]
fn pages_totals_and_facets_past_the_scan() -> TestResult {
    let mut store = Store::open_in_memory()?;
    let n = MAX_SCAN + 100;
    store.insert_batch(&(0..n).map(article).collect::<Vec<_>>())?;
    let text = |t: &str| QuoteFilter { text: Some(t.into()), ..QuoteFilter::default() };
    let place = SearchFilter { place: Some("Lamu".into()), ..SearchFilter::default() };
    let filters = [
        QuoteFilter::default(),
        QuoteFilter { kind: Some(QuoteKind::Direct), ..QuoteFilter::default() },
        QuoteFilter { article: place.clone(), ..QuoteFilter::default() },
        QuoteFilter { speaker: Some("amina odhiambo".into()), ..QuoteFilter::default() },
        text("harbour"),
        text("dredging"),
        QuoteFilter { kind: Some(QuoteKind::Indirect), ..text("berth") },
        QuoteFilter { speaker: Some("jonas BERG".into()), ..text("harbour") },
        QuoteFilter { speaker: Some("Amina Odhiambo".into()), kind: Some(QuoteKind::Direct), ..QuoteFilter::default() },
        QuoteFilter { article: place, ..text("harbour") },
        QuoteFilter {
            article: SearchFilter { from: Some("2024-06".into()), ..SearchFilter::default() },
            ..text("crane")
        },
    ];
    let mut past_scan = 0;
    for filter in &filters {
        let all = common::walk(&store, filter)?;
        let first = store.quote_search(filter, 0, 25)?;
        assert_eq!(first.total, all.len() as u64, "{filter:?}");
        past_scan += usize::from(all.len() > MAX_SCAN);
        // Pages inside the scan, across its end and past it are slices of the walk.
        for offset in [0, 25, MAX_SCAN - 10, MAX_SCAN + 15] {
            let page = store.quote_search(filter, offset, 25)?;
            let expected: Vec<QuoteHit> = all.iter().skip(offset).take(25).cloned().collect();
            assert_eq!(page.hits, expected, "{filter:?} at {offset}");
        }
        // The facet counts the best MAX_SCAN matches, names without case.
        let mut counts: HashMap<String, u64> = HashMap::new();
        for h in all.iter().take(MAX_SCAN) {
            if let Some(s) = &h.speaker_name {
                *counts.entry(s.to_ascii_lowercase()).or_default() += 1;
            }
        }
        let facet: HashMap<String, u64> =
            first.speakers.iter().map(|c| (c.value.to_ascii_lowercase(), c.count)).collect();
        assert_eq!(facet, counts, "{filter:?}");
        assert!(first.speakers.windows(2).all(|w| w[0].count >= w[1].count));
    }
    assert!(past_scan >= 4, "enough filters match more than the scan: {past_scan}");
    // Words and a speaker find the quotes of the words whose speaker has that name, no more, no
    // fewer (the index's speaker column only narrows).
    let mut narrowed: Vec<QuoteHit> =
        common::walk(&store, &QuoteFilter { speaker: Some("jonas BERG".into()), ..text("harbour") })?;
    let mut expected: Vec<QuoteHit> = common::walk(&store, &text("harbour"))?
        .into_iter()
        .filter(|h| h.speaker_name.as_deref().is_some_and(|s| s.eq_ignore_ascii_case("jonas berg")))
        .collect();
    assert!(!expected.is_empty());
    let key = |h: &QuoteHit| (h.article_id.clone(), h.index);
    narrowed.sort_by_key(key);
    expected.sort_by_key(key);
    assert_eq!(narrowed, expected);
    // A speaker quoted this often is read articles first, the same quotes in the same order as
    // every quote filtered by that speaker.
    let amina: Vec<QuoteHit> = common::walk(&store, &QuoteFilter::default())?
        .into_iter()
        .filter(|h| h.speaker_name.as_deref().is_some_and(|s| s.eq_ignore_ascii_case("amina odhiambo")))
        .collect();
    assert!(amina.len() > MAX_SCAN);
    assert_eq!(
        common::walk(&store, &QuoteFilter { speaker: Some("amina odhiambo".into()), ..QuoteFilter::default() })?,
        amina
    );
    // Newest first, undated last.
    let all = common::walk(&store, &QuoteFilter::default())?;
    let dated: Vec<&str> = all.iter().map_while(|h| h.published.as_deref()).collect();
    assert!(dated.windows(2).all(|w| w[0] >= w[1]));
    assert!(all[dated.len()..].iter().all(|h| h.published.is_none()));
    Ok(())
}
