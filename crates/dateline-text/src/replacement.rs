//! U+FFFD reporting with guesses (stub: reports every one, no guess).

use crate::{RepairKind, Span, TextRepair};

/// Lists every U+FFFD in `text`.
pub(crate) fn report(text: &str) -> Vec<TextRepair> {
    text.match_indices('\u{FFFD}')
        .map(|(i, s)| TextRepair {
            kind: RepairKind::ReplacementChar,
            span: Span(i, i + s.len()),
            guess: None,
            confidence: 0.0,
            original: None,
        })
        .collect()
}
