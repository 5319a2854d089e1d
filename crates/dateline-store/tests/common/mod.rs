//! Helpers shared by the quote-search test binaries (`quote_scan.rs`, `quote_wordings.rs`).

use dateline_analyze::{Quote, Span};
use dateline_store::{QuoteFilter, QuoteHit, Store};

/// A quote of `kind` with `content`, found where it first stands in `text`, said by `speaker`
/// (resolved to entity `e1`) or by nobody named.
pub fn quote_in(text: &str, kind: &str, speaker: Option<&str>, content: String) -> Quote {
    let start = text.find(&content).unwrap_or(0);
    Quote {
        speaker: speaker.map(|_| "e1".into()),
        speaker_name: speaker.map(str::to_string),
        speaker_mention: None,
        speaker_affiliation: None,
        confidence: 0.9,
        tone: None,
        kind: kind.parse().expect("a quote kind"),
        cue: Some("said".into()),
        span: Span(start, start + content.len()),
        content,
    }
}

/// Every quote the filter matches, walked as an export walks them.
pub fn walk(store: &Store, filter: &QuoteFilter) -> Result<Vec<QuoteHit>, Box<dyn std::error::Error>> {
    let mut out = Vec::new();
    store.for_each_quote(filter, usize::MAX, |h| {
        out.push(h);
        true
    })?;
    Ok(out)
}
