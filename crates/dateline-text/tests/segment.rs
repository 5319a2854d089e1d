//! Segmentation invariants: segmenting never changes the text.

use dateline_text::segment::{sentences, sentences_of, tokens, TokenTable};
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

    // The token table: segment's tokens, what lies between them, and the whitespace-free chunks.
    let table = TokenTable::new(text);
    assert_eq!(table.tokens(), &toks[..]);
    assert_eq!(sentences_of(text, table.tokens()), sents);
    let mut prev_end = None;
    for (t, g) in table.tokens().iter().zip(table.gaps()) {
        let before = &text[prev_end.unwrap_or(0)..t.span.0];
        assert_eq!(g.glued, prev_end.is_some() && before.is_empty(), "{text:?}");
        assert_eq!(g.newline, before.contains(['\n', '\r', '\u{2029}']), "{text:?}");
        prev_end = Some(t.span.1);
    }
    let mut runs = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                runs.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    runs.extend(start.map(|s| (s, text.len())));
    let chunks: Vec<(usize, usize)> = table.chunks().map(|(a, b, _)| (a, b)).collect();
    assert_eq!(chunks, runs, "chunks are the maximal runs of non-whitespace: {text:?}");
}

#[test]
fn the_table_marks_glued_tokens_and_line_breaks() {
    let text = "Col. Ama said:\n\n\"Yes.\" (U.S.-led)";
    let table = TokenTable::new(text);
    let words: Vec<(&str, bool, bool)> =
        table.tokens().iter().zip(table.gaps()).map(|(t, g)| (t.text(text), g.glued, g.newline)).collect();
    assert_eq!(words[0], ("Col.", false, false));
    assert_eq!(words[2], ("said", false, false));
    assert_eq!(words[3], (":", true, false));
    assert_eq!(words[4], ("\"", false, true));
    assert_eq!(words[5], ("Yes", true, false));
    let chunks: Vec<&str> = table.chunks().map(|(a, b, _)| &text[a..b]).collect();
    assert_eq!(chunks, ["Col.", "Ama", "said:", "\"Yes.\"", "(U.S.-led)"]);
    assert_eq!(table.chunks().filter(|c| c.2).count(), 1);
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
