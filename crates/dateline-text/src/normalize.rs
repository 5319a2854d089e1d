//! NFC and whitespace tidying, with an offset map.
//!
//! Two passes, each with its own map (composed by the caller's [`OffsetMap::compose`]):
//! characters (NFC, no-break spaces to spaces, zero-width characters and stray BOMs dropped),
//! then whitespace (line breaks to LF, spaces collapsed, trailing spaces dropped, at most one
//! blank line, document trimmed). Quotes, dashes and everything else are left as they are:
//! analysis spans point into this text and readers quote from it.
//!
//! ASCII text skips the character pass, and text that needs no change costs one copy and a
//! one-run map.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::OffsetMap;

/// Normalises `text`; returns the new text and its map back to `text`.
pub(crate) fn normalize(text: &str) -> (String, OffsetMap) {
    match normalize_chars(text) {
        None => tidy_whitespace(text),
        Some((chars, chars_map)) => {
            let (tidy, tidy_map) = tidy_whitespace(&chars);
            (tidy, tidy_map.compose(&chars_map))
        }
    }
}

/// What the character pass does with a character that NFC leaves alone.
fn special(c: char) -> Option<&'static str> {
    match c {
        '\u{a0}' | '\u{202f}' | '\u{2007}' => Some(" "),
        '\u{200b}' | '\u{2060}' | '\u{feff}' => Some(""),
        _ => None,
    }
}

/// A place where NFC of the text equals NFC of each side: before a starter that nothing
/// before it can combine with.
fn is_boundary(c: char) -> bool {
    c.is_ascii() || (canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes)
}

/// The character pass; None when it would change nothing.
fn normalize_chars(text: &str) -> Option<(String, OffsetMap)> {
    if text.is_ascii() {
        return None;
    }
    let nfc = is_nfc_quick(text.chars()) == IsNormalized::Yes;
    if nfc && !text.chars().any(|c| special(c).is_some()) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut map = OffsetMap::new();
    let mut seg_start = 0;
    let mut iter = text.char_indices().peekable();
    while iter.next().is_some() {
        // Extend the segment to the next boundary.
        while let Some(&(_, c)) = iter.peek() {
            if is_boundary(c) {
                break;
            }
            iter.next();
        }
        let seg_end = iter.peek().map_or(text.len(), |&(j, _)| j);
        let seg = text.get(seg_start..seg_end).unwrap_or_default();
        push_segment(seg, seg_start, &mut out, &mut map);
        seg_start = seg_end;
    }
    Some((out, map))
}

/// One starter and the characters that may combine with it.
fn push_segment(seg: &str, at: usize, out: &mut String, map: &mut OffsetMap) {
    let mut chars = seg.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if let Some(repl) = special(c) {
            out.push_str(repl);
            map.push(at, seg.len(), repl.len());
            return;
        }
    }
    if is_nfc_quick(seg.chars()) == IsNormalized::Yes && !seg.chars().any(|c| special(c).is_some()) {
        out.push_str(seg);
        map.push(at, seg.len(), seg.len());
        return;
    }
    let before = out.len();
    for c in seg.nfc() {
        match special(c) {
            Some(repl) => out.push_str(repl),
            None => out.push(c),
        }
    }
    map.push(at, seg.len(), out.len() - before);
}

fn is_hspace(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | 0x0B | 0x0C)
}

/// The whitespace pass (all the whitespace it handles is ASCII by now).
fn tidy_whitespace(text: &str) -> (String, OffsetMap) {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut map = OffsetMap::new();
    let mut pos = 0;
    while pos < bytes.len() {
        // A stretch of non-whitespace, copied as it is, with the single spaces between its
        // words (each kept as it is, as the whitespace block below would keep it): one copy and
        // one map run a line instead of one a word (a copy call and a map push per word were
        // most of this pass).
        let is_space = |b: u8| is_hspace(b) || b == b'\n' || b == b'\r';
        let mut word_end = pos;
        loop {
            word_end = bytes
                .get(word_end..)
                .unwrap_or_default()
                .iter()
                .position(|&b| is_space(b))
                .map_or(bytes.len(), |k| word_end + k);
            let single_space = word_end > pos
                && bytes.get(word_end) == Some(&b' ')
                && bytes.get(word_end + 1).is_some_and(|&b| !is_space(b));
            if !single_space {
                break;
            }
            word_end += 1;
        }
        if word_end > pos {
            out.push_str(text.get(pos..word_end).unwrap_or_default());
            map.push(pos, word_end - pos, word_end - pos);
            pos = word_end;
            continue;
        }
        pos = whitespace_block(text, pos, &mut out, &mut map);
    }
    (out, map)
}

/// Copies the whitespace block starting at `pos` into `out` as one space, one line break or a
/// paragraph break (by its line breaks, CRLF counting one; nothing at the text's ends), maps it,
/// and returns where it ends.
fn whitespace_block(text: &str, pos: usize, out: &mut String, map: &mut OffsetMap) -> usize {
    let bytes = text.as_bytes();
    let mut end = pos;
    let mut breaks = 0;
    while let Some(&b) = bytes.get(end) {
        match b {
            b'\n' => breaks += 1,
            b'\r' => {
                breaks += 1;
                if bytes.get(end + 1) == Some(&b'\n') {
                    end += 1;
                }
            }
            b if is_hspace(b) => {}
            _ => break,
        }
        end += 1;
    }
    let repl = if pos == 0 || end == bytes.len() {
        ""
    } else {
        match breaks {
            0 => " ",
            1 => "\n",
            _ => "\n\n",
        }
    };
    let block = text.get(pos..end).unwrap_or_default();
    out.push_str(repl);
    map.push(pos, block.len(), if block == repl { block.len() } else { repl.len() });
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`tidy_whitespace`] as it was, one word at a time: the reference for the line-at-a-time
    /// copy (the whitespace blocks between are [`whitespace_block`]'s in both).
    fn tidy_whitespace_by_words(text: &str) -> (String, OffsetMap) {
        let bytes = text.as_bytes();
        let mut out = String::with_capacity(text.len());
        let mut map = OffsetMap::new();
        let mut pos = 0;
        while pos < bytes.len() {
            let word_end = bytes[pos..]
                .iter()
                .position(|&b| is_hspace(b) || b == b'\n' || b == b'\r')
                .map_or(bytes.len(), |k| pos + k);
            if word_end > pos {
                out.push_str(&text[pos..word_end]);
                map.push(pos, word_end - pos, word_end - pos);
                pos = word_end;
                continue;
            }
            pos = whitespace_block(text, pos, &mut out, &mut map);
        }
        (out, map)
    }

    #[test]
    fn whitespace_is_tidied_as_word_by_word() {
        for t in ["", " ", "a", " ferry  docks\tat \n the\r\npier\n\n\nsoon ", "x y", "x  y", "a b\x0bc\x0c d é f"] {
            assert_eq!(tidy_whitespace(t), tidy_whitespace_by_words(t), "{t:?}");
        }
    }

    proptest! {
        #[test]
        fn line_copies_agree_with_word_copies(t in "[ab é\t\n\r\x0b\x0c]{0,30}") {
            prop_assert_eq!(tidy_whitespace(&t), tidy_whitespace_by_words(&t));
        }
    }

    fn norm(s: &str) -> String {
        normalize(s).0
    }

    #[test]
    fn clean_text_is_unchanged() {
        let s = "MOSCOW, Sept 18 - The ministry said.\n\nA second paragraph.";
        let (t, m) = normalize(s);
        assert_eq!(t, s);
        assert!(m.is_identity());
    }

    #[test]
    fn whitespace_is_tidied() {
        assert_eq!(norm("  a  b\t c  \r\n\r\n\r\n\nd \n e  "), "a b c\n\nd\ne");
        assert_eq!(norm("a\rb\r\nc"), "a\nb\nc");
    }

    #[test]
    fn nfc_and_specials() {
        assert_eq!(norm("Cafe\u{301}\u{a0}au\u{200b} lait\u{feff}"), "Caf\u{e9} au lait");
    }

    #[test]
    fn quotes_and_dashes_stay() {
        let s = "\u{201c}No\u{201d} \u{2014} it\u{2019}s 1990\u{2013}95";
        assert_eq!(norm(s), s);
    }

    #[test]
    fn map_follows_collapsed_spaces_and_nfc() {
        let s = "a    e\u{301}x";
        let (t, m) = normalize(s);
        assert_eq!(t, "a \u{e9}x");
        assert_eq!(m.to_original(0), 0);
        assert_eq!(m.to_original(1), 1);
        assert_eq!(m.to_original(2), 5); // é starts where "e" did
        assert_eq!(m.to_original(4), 8); // x
    }
}
