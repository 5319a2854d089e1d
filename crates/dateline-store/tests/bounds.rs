//! One article that cannot be stored is reported with its source and skipped; the rest of its
//! batch, and later batches, are stored.

use dateline_analyze::{Analysis, Format, SourceRef};
use dateline_store::Store;

fn article(text: &str, path: &str) -> Analysis {
    Analysis::bare(text, SourceRef { path: Some(path.into()), url: None, format: Format::Text, record: None })
}

#[test]
fn an_oversized_record_is_rejected_alone() -> Result<(), Box<dyn std::error::Error>> {
    let mut store = Store::open_in_memory()?;
    store.set_max_record_bytes(4_096);
    let big = "A very long article. ".repeat(1_000);
    let batch = vec![
        article("The first good article.", "good-1.txt"),
        article(&big, "huge.txt"),
        article("The second good article.", "good-2.txt"),
    ];
    let outcome = store.insert_batch(&batch)?;
    assert_eq!(outcome.stored, 2);
    assert_eq!(outcome.rejected.len(), 1);
    let r = &outcome.rejected[0];
    assert_eq!((r.index, r.id.as_str(), r.source.as_str()), (1, batch[1].id.as_str(), "huge.txt"));
    assert!(r.reason.contains("4096"), "{}", r.reason);
    assert!(store.get(&batch[0].id)?.is_some() && store.get(&batch[2].id)?.is_some());
    assert!(store.get(&batch[1].id)?.is_none());
    // The run goes on: the next batch is stored, and re-sending the rejected one rejects it again.
    let next = store.insert_batch(&[article("A later article.", "later.txt"), batch[1].clone()])?;
    assert_eq!((next.stored, next.rejected.len()), (1, 1));
    Ok(())
}
