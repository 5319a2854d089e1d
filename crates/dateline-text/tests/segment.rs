//! Segmentation invariants: segmenting never changes the text.

use dateline_text::segment::{sentences, tokens};
use proptest::prelude::*;

fn newsy() -> impl Strategy<Value = String> {
    // Pieces that stress the rules: abbreviations, quotes, numbers, non-ASCII letters.
    let piece = prop::sample::select(vec![
        "Col.", "Gen.", "U.S.", "Jan.", "No.", "10", "3.5", "25,000", "said", "The", "\"", "\u{201C}", "\u{201D}", ".",
        "!", "?", "\n\n", "\n", " ", "  ", "'", "\u{2019}", "-", "(", ")", "é", "Ж", "\u{FFFD}", "a.m.", "J.",
        "e\u{301}", "\t", "…",
    ]);
    prop::collection::vec(piece, 0..60).prop_map(|v| v.join(" "))
}

fn check(text: &str) {
    let toks = tokens(text);
    let mut covered = 0;
    for t in &toks {
        assert!(t.span.0 < t.span.1, "empty token");
        assert!(text.get(t.span.0..t.span.1).is_some(), "token not on char boundaries");
        assert!(text[covered..t.span.0].chars().all(char::is_whitespace), "non-space text left out of tokens");
        covered = t.span.1;
    }
    assert!(text[covered..].chars().all(char::is_whitespace));

    let sents = sentences(text);
    let mut prev = 0;
    for s in &sents {
        assert!(s.0 < s.1 && text.get(s.0..s.1).is_some(), "bad sentence span {s:?}");
        assert!(text[prev..s.0].chars().all(char::is_whitespace), "sentences skip non-space text");
        assert!(!text[s.0..s.1].starts_with(char::is_whitespace));
        prev = s.1;
    }
    assert!(text[prev..].chars().all(char::is_whitespace));
}

proptest! {
    #[test]
    fn spans_cover_text_on_char_boundaries(text in newsy()) {
        check(&text);
    }

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        check(&text);
    }
}
