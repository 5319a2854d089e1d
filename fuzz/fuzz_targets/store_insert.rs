#![no_main]
//! The store's insert path: any batch of records (arbitrary text, titles, credits, out-of-range
//! dateline and quote spans, forged ids, records over the size limit) is answered per article,
//! never with a failed batch or a panic, and every stored article lands in one story.
//!
//! Input: records separated by 0xFF; each record's first byte says which fields to fill, the next
//! two give span ends, the rest is the text (lossy UTF-8).

use dateline_analyze::{Analysis, Dateline, Format, Quote, QuoteKind, SourceRef, Span};
use dateline_store::{ArticleStatus, Store};
use libfuzzer_sys::fuzz_target;

/// A small record limit, so that short inputs also reach the rejection path.
const LIMIT: usize = 1_024;

fn record(i: usize, chunk: &[u8], earlier: &[Analysis]) -> Analysis {
    let (flags, a, b, body) = match chunk {
        [f, a, b, rest @ ..] => (*f, usize::from(*a), usize::from(*b), rest),
        _ => (0, 0, 0, chunk),
    };
    let text = String::from_utf8_lossy(body).into_owned();
    let source = SourceRef { path: Some("fuzz.jsonl".into()), url: None, format: Format::Jsonl, record: Some(i.to_string()) };
    let part = |n: usize| text.chars().take(n % 16).collect::<String>();
    let mut r = Analysis::bare(&text, source);
    if flags & 1 != 0 {
        r.title = Some(part(a));
    }
    if flags & 2 != 0 {
        r.dateline = Some(Dateline {
            place: Some(part(b)),
            country: None,
            sources: vec![part(a), part(b)],
            date: None,
            span: Span(a, b),
        });
    }
    if flags & 4 != 0 {
        r.quotes.push(Quote {
            speaker: None,
            speaker_name: Some(part(a)),
            speaker_mention: None,
            speaker_affiliation: None,
            kind: QuoteKind::Direct,
            cue: None,
            content: text.repeat(usize::from(flags >> 5)),
            span: Span(b, a),
            confidence: 0.5,
            tone: None,
        });
    }
    if flags & 8 != 0 {
        r.published = Some(part(a + b));
    }
    if flags & 16 != 0 {
        if let Some(e) = earlier.get(a % earlier.len().max(1)) {
            r.id = e.id.clone();
        }
    }
    r
}

fuzz_target!(|data: &[u8]| {
    let mut batch: Vec<Analysis> = Vec::new();
    for (i, chunk) in data.split(|&b| b == 0xFF).take(32).enumerate() {
        let r = record(i, chunk, &batch);
        batch.push(r);
    }
    let mut store = Store::open_in_memory().expect("in-memory store");
    store.set_max_record_bytes(LIMIT);
    let half = batch.len() / 2;
    let mut stored = 0u64;
    for part in [&batch[..half], &batch[half..]] {
        let o = store.insert_batch(part).expect("a batch never fails on its records");
        assert_eq!(o.statuses.len(), part.len());
        assert_eq!(o.stored + o.duplicates + o.rejected.len(), part.len());
        for r in &o.rejected {
            assert_eq!(o.statuses[r.index], ArticleStatus::Rejected);
        }
        for (a, s) in part.iter().zip(&o.statuses) {
            if *s == ArticleStatus::Stored {
                let got = store.get(&a.id).expect("lookup").expect("a stored article reads back");
                assert_eq!(got.text, a.text);
            }
        }
        stored += o.stored as u64;
    }
    let articles = store.stats().expect("stats").articles;
    assert_eq!(articles, stored);
    let sizes: u64 = store.stories(usize::MAX, 1).expect("stories").iter().map(|s| s.size).sum();
    assert_eq!(sizes, articles, "every stored article is in exactly one story");
});
