//! The insert path takes any batch of records: arbitrary text (control characters, NUL, any
//! script), arbitrary titles and credits, dateline and quote spans that lie outside the text or
//! off char boundaries, records too big to store and ids taken by another text. Whatever the
//! batch, `insert_batch` answers `Ok`, says what became of every article, never loses a good one,
//! and leaves every stored article in exactly one story. The fuzz target `store_insert` drives
//! the same path from raw bytes.

use dateline_analyze::{Analysis, Dateline, Format, Quote, QuoteKind, SourceRef, Span};
use dateline_store::{ArticleStatus, Store};
use proptest::prelude::*;

/// Records larger than this (JSON plus text) are rejected by the stores under test.
const LIMIT: usize = 2_048;

/// One generated record and what the test expects of it.
#[derive(Debug, Clone)]
struct Spec {
    text: String,
    title: Option<String>,
    published: Option<String>,
    /// Dateline: place, credits, span (any numbers: the store must not trust them).
    dateline: Option<(String, Vec<String>, usize, usize)>,
    /// Quotes: content and span.
    quotes: Vec<(String, usize, usize)>,
    /// Take the id of the record this many places earlier (a forged id).
    steal: Option<usize>,
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "\\PC{0,80}",
        2 => any::<String>(),
        // Control characters and NUL among words.
        1 => proptest::collection::vec(prop_oneof![Just("\0".to_string()), Just("\u{1b}]0;x\u{7}".to_string()),
                                                      Just("\r\n".to_string()), "[A-Za-z]{1,8}"], 0..20)
            .prop_map(|v| v.join(" ")),
        // Over the record limit.
        1 => (LIMIT..LIMIT * 3).prop_map(|n| "Storm word. ".repeat(n / 12 + 1)),
    ]
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        text(),
        proptest::option::of("\\PC{0,20}"),
        proptest::option::of(prop_oneof!["[0-9]{4}-[0-9]{2}-[0-9]{2}", "\\PC{0,12}"]),
        proptest::option::of(("\\PC{0,12}", proptest::collection::vec("\\PC{0,10}", 0..3), 0..200usize, 0..200usize)),
        proptest::collection::vec((any::<String>(), 0..300usize, 0..300usize), 0..3),
        proptest::option::weighted(0.15, 1..4usize),
    )
        .prop_map(|(text, title, published, dateline, quotes, steal)| Spec {
            text,
            title,
            published,
            dateline,
            quotes,
            steal,
        })
}

fn build(specs: &[Spec]) -> Vec<Analysis> {
    let mut out: Vec<Analysis> = Vec::with_capacity(specs.len());
    for (i, s) in specs.iter().enumerate() {
        let source = SourceRef {
            path: Some("props.jsonl".into()),
            url: None,
            format: Format::Jsonl,
            record: Some((i + 1).to_string()),
        };
        let mut a = Analysis {
            title: s.title.clone(),
            published: s.published.clone(),
            dateline: s.dateline.as_ref().map(|(place, sources, start, end)| Dateline {
                place: Some(place.clone()),
                country: None,
                sources: sources.clone(),
                date: None,
                span: Span(*start, *end),
            }),
            quotes: s
                .quotes
                .iter()
                .map(|(content, start, end)| Quote {
                    speaker: None,
                    speaker_name: Some(content.chars().take(5).collect()),
                    speaker_mention: None,
                    speaker_affiliation: None,
                    kind: QuoteKind::ALL[start % QuoteKind::ALL.len()],
                    cue: None,
                    content: content.clone(),
                    span: Span(*start, *end),
                    confidence: 0.5,
                    tone: None,
                })
                .collect(),
            ..Analysis::bare(&s.text, source)
        };
        if let Some(back) = s.steal.filter(|&b| b <= i) {
            a.id = out[i - back].id.clone();
        }
        out.push(a);
    }
    out
}

/// Size of the record as the store measures it.
fn record_bytes(a: &Analysis) -> usize {
    let mut v = serde_json::to_value(a).unwrap_or_default();
    if let Some(m) = v.as_object_mut() {
        m.remove("text");
    }
    serde_json::to_string(&v).map(|s| s.len()).unwrap_or(usize::MAX) + a.text.len()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn any_batch_is_answered_per_article_and_keeps_the_good_ones(
        specs in proptest::collection::vec(spec(), 1..10),
        split in 0..10usize,
    ) {
        let batch = build(&specs);
        let mut store = Store::open_in_memory().map_err(|e| TestCaseError::fail(e.to_string()))?;
        store.set_max_record_bytes(LIMIT);
        let split = split.min(batch.len());
        let mut statuses = Vec::new();
        for part in [&batch[..split], &batch[split..]] {
            let o = store.insert_batch(part).map_err(|e| TestCaseError::fail(format!("batch failed: {e}")))?;
            prop_assert_eq!(o.statuses.len(), part.len());
            prop_assert_eq!(o.stored + o.duplicates + o.rejected.len(), part.len());
            let rejected: Vec<usize> = o.rejected.iter().map(|r| r.index).collect();
            let marked: Vec<usize> =
                (0..part.len()).filter(|&i| o.statuses[i] == ArticleStatus::Rejected).collect();
            prop_assert_eq!(rejected, marked);
            for r in &o.rejected {
                prop_assert!(r.source.starts_with("props.jsonl record "), "{}", r.source);
                prop_assert!(!r.reason.is_empty());
            }
            statuses.extend(o.statuses);
        }
        for (i, a) in batch.iter().enumerate() {
            let forged = a.id != dateline_analyze::content_id(&a.text);
            let too_big = record_bytes(a) > LIMIT;
            // A forged record earlier with the same text holds that text under another id.
            let shadowed = batch[..i].iter().any(|b| b.text == a.text && b.id != a.id);
            // A good record is never lost: it is stored, or its text already was.
            if !forged && !too_big && !shadowed {
                prop_assert_ne!(statuses[i], ArticleStatus::Rejected, "record {} was rejected", i);
                let got = store.get(&a.id).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(got.map(|g| g.text), Some(a.text.clone()));
            }
            if too_big {
                prop_assert_eq!(statuses[i], ArticleStatus::Rejected);
            }
        }
        // Every stored article is in exactly one story.
        let stats = store.stats().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let stories = store.stories(usize::MAX, 1).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(stories.iter().map(|s| s.size).sum::<u64>(), stats.articles);
        // The counts kept by triggers agree with the stories.
        for min in 1..=3u64 {
            let page = store.stories_page(0, 1, min).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(page.total, stories.iter().filter(|s| s.size >= min).count() as u64);
        }
        let stored = statuses.iter().filter(|s| **s == ArticleStatus::Stored).count() as u64;
        prop_assert_eq!(stored, stats.articles);
        // Sending the same batch again stores nothing new and still fails nothing.
        let again = store.insert_batch(&batch).map_err(|e| TestCaseError::fail(format!("rerun failed: {e}")))?;
        prop_assert_eq!(again.stored, 0);
    }
}
