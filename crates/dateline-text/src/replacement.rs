//! Reports every U+FFFD in the prepared text, with a guess at what it stood for.
//!
//! Wire copy loses characters on the way (a Windows-1252 dash pasted into UTF-8, a curly quote
//! through an ASCII-only system) and the place usually tells what was lost: a lone mark between
//! spaces in a sentence was a dash, one between digits an en dash, one before "s" or "t" an
//! apostrophe. The guess is *reported* with a confidence, never written into the text: the text
//! must stay what the source said, and a guess can be wrong.

use crate::{OffsetMap, RepairKind, Span, TextRepair};

const FFFD: char = '\u{FFFD}';
const FFFD_LEN: usize = 3;

/// What the decoder knew about the input, to tell decoding errors from U+FFFD already there.
pub(crate) struct Source<'a> {
    /// The input bytes.
    pub bytes: &'a [u8],
    /// Byte ranges of `bytes` that were invalid in the charset.
    pub invalid: &'a [Span],
    /// Added to input offsets by the offset map.
    pub base: usize,
    /// True when the input was decoded as UTF-8.
    pub utf8: bool,
}

/// Lists every U+FFFD in `text`.
pub(crate) fn report(text: &str, offsets: &OffsetMap, src: &Source<'_>) -> Vec<TextRepair> {
    if !text.contains(FFFD) {
        return Vec::new();
    }
    let positions: Vec<usize> = text.match_indices(FFFD).map(|(i, _)| i).collect();
    let quotes = pair_quotes(text, &positions);
    positions
        .iter()
        .zip(quotes)
        .map(|(&i, quote)| {
            let (mut guess, mut confidence) = match quote {
                Some(q) => (Some(q.to_string()), 0.6),
                None => context_guess(text, i),
            };
            let original = offsets.to_original(i).saturating_sub(src.base);
            let bad = src.invalid.iter().find(|s| s.start() <= original && original < s.end().max(s.start() + 1));
            let kind = if bad.is_some() { RepairKind::InvalidBytes } else { RepairKind::ReplacementChar };
            let mut raw = None;
            if let Some(span) = bad {
                let bytes = src.bytes.get(span.start()..span.end()).unwrap_or_default();
                raw = Some(bytes.iter().map(|b| format!("\\x{b:02X}")).collect::<String>());
                if let Some(byte_guess) = windows_1252_guess(bytes, src.utf8) {
                    confidence = if guess.as_deref() == Some(byte_guess.as_str()) { 0.9 } else { 0.6 };
                    guess = Some(byte_guess);
                }
            }
            TextRepair { kind, span: Span(i, i + FFFD_LEN), guess, confidence, original: raw }
        })
        .collect()
}

/// A single stray byte in UTF-8 text is most often a Windows-1252 character (a dash, a quote)
/// pasted into a UTF-8 document.
fn windows_1252_guess(bytes: &[u8], utf8: bool) -> Option<String> {
    let [b] = bytes else { return None };
    if !utf8 || *b < 0x80 {
        return None;
    }
    let c = encoding_rs::WINDOWS_1252
        .decode_without_bom_handling_and_without_replacement(&[*b])
        .and_then(|s| s.chars().next())?;
    (!c.is_control()).then(|| c.to_string())
}

fn prev_char(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

fn next_char(text: &str, i: usize) -> Option<char> {
    text.get(i + FFFD_LEN..).and_then(|s| s.chars().next())
}

fn is_space(c: Option<char>) -> bool {
    c.is_some_and(char::is_whitespace)
}

/// The guess from the characters around a U+FFFD at byte `i`.
fn context_guess(text: &str, i: usize) -> (Option<String>, f32) {
    let prev = prev_char(text, i);
    let next = next_char(text, i);
    if prev == Some(' ') && next == Some(' ') {
        let before = text.get(..i - 1).and_then(|s| s.chars().next_back());
        let after = text.get(i + FFFD_LEN + 1..).and_then(|s| s.chars().next());
        let wordish = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace() && c != FFFD);
        if wordish(before) && wordish(after) {
            return (Some("\u{2014}".to_string()), 0.8);
        }
    }
    if prev.is_some_and(|c| c.is_ascii_digit()) && next.is_some_and(|c| c.is_ascii_digit()) {
        return (Some("\u{2013}".to_string()), 0.7);
    }
    if prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic) {
        let rest = text.get(i + FFFD_LEN..).unwrap_or_default();
        let suffix: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        if matches!(suffix.as_str(), "s" | "t" | "ll" | "re" | "ve" | "d" | "m") {
            return (Some("\u{2019}".to_string()), 0.75);
        }
    }
    (None, 0.1)
}

/// Curly quotes: a U+FFFD opening a word ("said \u{FFFD}We") paired with one closing a later
/// word ("go.\u{FFFD} He") in the same paragraph. Returns the quote for each position.
fn pair_quotes(text: &str, positions: &[usize]) -> Vec<Option<char>> {
    let mut out = vec![None; positions.len()];
    let mut open: Option<usize> = None;
    for (k, &i) in positions.iter().enumerate() {
        let prev = prev_char(text, i);
        let next = next_char(text, i);
        let opens = (prev.is_none() || is_space(prev) || prev == Some('(')) && next.is_some_and(char::is_alphanumeric);
        let closes = prev.is_some_and(|c| c.is_alphanumeric() || ".,!?;:".contains(c))
            && (next.is_none() || is_space(next) || next.is_some_and(|c| ".,!?;:)".contains(c)));
        if let Some(o) = open {
            let paragraph_break =
                positions.get(o).and_then(|&start| text.get(start..i)).is_some_and(|between| between.contains("\n\n"));
            if paragraph_break {
                open = None;
            }
        }
        if opens {
            open = Some(k);
        } else if closes {
            if let Some(o) = open.take() {
                if let Some(slot) = out.get_mut(o) {
                    *slot = Some('\u{201C}');
                }
                if let Some(slot) = out.get_mut(k) {
                    *slot = Some('\u{201D}');
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guesses(text: &str) -> Vec<(Option<String>, f32)> {
        let map = OffsetMap::identity(text.len(), 0);
        let src = Source { bytes: text.as_bytes(), invalid: &[], base: 0, utf8: true };
        report(text, &map, &src).into_iter().map(|r| (r.guess, r.confidence)).collect()
    }

    #[test]
    fn dash_between_spaces() {
        let g = guesses("the United States \u{FFFD} Russia and Turkey");
        assert_eq!(g, vec![(Some("\u{2014}".into()), 0.8)]);
        let g = guesses("\"deplorable\" \u{FFFD} lacking");
        assert_eq!(g[0].0.as_deref(), Some("\u{2014}"));
    }

    #[test]
    fn en_dash_between_digits() {
        assert_eq!(guesses("in 1990\u{FFFD}95")[0].0.as_deref(), Some("\u{2013}"));
    }

    #[test]
    fn apostrophes() {
        assert_eq!(guesses("we don\u{FFFD}t know")[0].0.as_deref(), Some("\u{2019}"));
        assert_eq!(guesses("Syria\u{FFFD}s army")[0].0.as_deref(), Some("\u{2019}"));
        assert_eq!(guesses("Z\u{FFFD}rich")[0].0, None);
    }

    #[test]
    fn paired_quotes() {
        let g = guesses("he said \u{FFFD}we will go.\u{FFFD} Then");
        assert_eq!(g[0].0.as_deref(), Some("\u{201C}"));
        assert_eq!(g[1].0.as_deref(), Some("\u{201D}"));
        let lone = guesses("he said \u{FFFD}we will go. Then");
        assert_eq!(lone[0].0, None);
    }

    #[test]
    fn invalid_bytes_are_told_apart() {
        let text = "a \u{FFFD} b \u{FFFD} c";
        let map = OffsetMap::identity(text.len(), 0);
        let invalid = [Span(2, 3)];
        let src = Source { bytes: b"a \x97 b", invalid: &invalid, base: 0, utf8: true };
        let r = report(text, &map, &src);
        assert_eq!(r[0].kind, RepairKind::InvalidBytes);
        assert_eq!(r[0].guess.as_deref(), Some("\u{2014}"));
        assert_eq!(r[0].confidence, 0.9);
        assert_eq!(r[1].kind, RepairKind::ReplacementChar);
    }
}
