//! Quote marks paired into quoted regions.
//!
//! A straight `"` is both opener and closer, so its role is read from its neighbours (space
//! before and a letter after opens; a letter before and space or punctuation after closes).
//! Apostrophes and single quotes are never marks here: "the United States' contingent" and
//! "don't" must not shift the pairing, and nested single quotes are simply part of the content.
//! An unpaired mark drops only its own quote, never the rest of the article.

use dateline_text::Span;

/// The longest quote we believe (bytes). Longer pairs are almost always a lost mark.
const MAX_QUOTE: usize = 4000;

/// One quoted stretch of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Region {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// The content between the marks, trimmed of whitespace.
    pub content: Span,
    /// Byte offset just past the closing mark; the paragraph end when the quote continues.
    pub after: usize,
    /// The quote runs on into the next region (a multi-paragraph quote whose closing mark is
    /// omitted at the paragraph end, the next paragraph opening with a new mark).
    pub continues: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Role {
    Open,
    Close,
    Either,
}

fn role(text: &str, at: usize, c: char, len: usize) -> Role {
    let prev = text.get(..at).and_then(|s| s.chars().next_back());
    let next = text.get(at + len..).and_then(|s| s.chars().next());
    let space_before = prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '\u{2014}' | '\u{2013}' | '/'));
    let space_after = next.is_none_or(|n| n.is_whitespace() || matches!(n, ')' | ']'));
    let opens = space_before && !space_after;
    let closes = !space_before && (space_after || next.is_some_and(|n| n.is_ascii_punctuation() || n == '\u{2014}'));
    match c {
        // Curly and angled marks say what they are, unless the typesetting clearly reversed them.
        '\u{201C}' | '\u{201E}' | '\u{00AB}' => {
            // `here,“ said`: an opening mark typed as the closer, after a word or its stop.
            if prev.is_some_and(|p| p.is_alphanumeric() || matches!(p, '.' | ',' | '!' | '?')) && space_after {
                Role::Close
            } else {
                Role::Open
            }
        }
        '\u{201D}' | '\u{00BB}' => {
            if space_before && next.is_some_and(char::is_alphanumeric) {
                Role::Open
            } else {
                Role::Close
            }
        }
        _ => match (opens, closes) {
            (true, false) => Role::Open,
            (false, true) => Role::Close,
            _ => Role::Either,
        },
    }
}

/// Byte offsets of every newline of `text`, for [`paragraph_end`] by binary search (a search
/// for the next newline from each mark would read a text without newlines once per mark).
pub(super) fn newlines(text: &str) -> Vec<usize> {
    text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i).collect()
}

/// The end of the paragraph holding `from` (the first newline at or after it, or the text end),
/// given the text's [`newlines`].
pub(super) fn paragraph_end(newlines: &[usize], len: usize, from: usize) -> usize {
    newlines.get(newlines.partition_point(|&n| n < from)).copied().unwrap_or(len)
}

fn trimmed(text: &str, a: usize, b: usize) -> Option<Span> {
    let s = text.get(a..b)?;
    let lead = s.len() - s.trim_start().len();
    let inner = s.trim();
    (!inner.is_empty()).then(|| Span(a + lead, a + lead + inner.len()))
}

/// Every quoted region of `text`, in order.
pub(super) fn regions(text: &str, lx: &crate::Lexicon) -> Vec<Region> {
    let mut out: Vec<Region> = Vec::new();
    let nl = newlines(text);
    // (mark offset, content start) of the quote being read.
    let mut pending: Option<(usize, usize)> = None;
    let bytes = text.as_bytes();
    let mut marks = MarkBytes::new(bytes);
    let mut i = 0;
    while let Some(at) = marks.next_from(i) {
        let Some(c) = text.get(at..).and_then(|s| s.chars().next()) else { break };
        i = at + c.len_utf8();
        // Typewriter doubles: '' and `` stand for a double quote in some newsroom systems.
        let doubled = matches!(c, '\'' | '`') && bytes.get(i) == Some(&(c as u8));
        if doubled {
            i += 1;
        } else if !matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}') {
            continue;
        }
        let len = if doubled { 2 } else { c.len_utf8() };
        let mut r = role(text, at, if doubled { '"' } else { c }, len);
        if doubled && c == '`' {
            r = Role::Open;
        }
        let content_start = at + len;
        if let Some((open, start)) = pending {
            let para = paragraph_end(&nl, text.len(), start);
            if para < at {
                // The quote ran past its paragraph without closing. It continues only if this
                // mark opens the next paragraph.
                let next_para = text.get(para..at).is_some_and(|gap| gap.trim().is_empty());
                pending = None;
                if next_para && r != Role::Close {
                    if let Some(content) = trimmed(text, start, para) {
                        out.push(Region { open, content, after: para, continues: true });
                    }
                    pending = Some((at, content_start));
                    continue;
                }
                // A dangling opener: drop it (and any region it was continuing), unless the
                // paragraph closes it with an attribution of its own.
                if out.last().is_some_and(|r| r.continues) {
                    drop_continued(&mut out);
                } else if let Some(region) = closed_by_attribution(text, open, start, para, lx) {
                    out.push(region);
                }
            }
        }
        match (pending, r) {
            (None, Role::Open | Role::Either) => pending = Some((at, content_start)),
            (Some((open, start)), Role::Close | Role::Either) => {
                pending = None;
                if at - start <= MAX_QUOTE {
                    if let Some(content) = trimmed(text, start, at) {
                        out.push(Region { open, content, after: content_start, continues: false });
                        continue;
                    }
                }
                if out.last().is_some_and(|r| r.continues) {
                    drop_continued(&mut out);
                }
            }
            // Two openers in a row: the first lost its closer; start again from the second.
            (Some(_), Role::Open) => pending = Some((at, content_start)),
            (None, Role::Close) => {}
        }
    }
    if let Some((open, start)) = pending {
        if out.last().is_some_and(|r| r.continues) {
            drop_continued(&mut out);
        } else if let Some(region) = closed_by_attribution(text, open, start, paragraph_end(&nl, text.len(), start), lx)
        {
            out.push(region);
        }
    }
    out
}

/// The most words an attribution after the lost closer may have: `, the deputy minister said on Monday.`
const ATTRIBUTION_WORDS: usize = 8;

/// A paragraph that opens with a quote mark and never closes it, ending with its attribution
/// (`"The plan will fail. It is too late, he told reporters.`): the closer was lost in typing,
/// and the quote runs to the comma before the attribution. Only a mark that opens its paragraph
/// and a short final clause holding a verb of saying count; anything else stays dropped.
fn closed_by_attribution(text: &str, open: usize, start: usize, para: usize, lx: &crate::Lexicon) -> Option<Region> {
    let line_start = text.get(..open)?.rfind('\n').map_or(0, |n| n + 1);
    if !text.get(line_start..open)?.trim().is_empty() || start >= para {
        return None;
    }
    let body = text.get(start..para)?.trim_end();
    let body = body.strip_suffix('.')?;
    let comma = body.rfind(',')?;
    let tail: Vec<&str> = body.get(comma + 1..)?.split_whitespace().collect();
    let cue = tail.iter().position(|w| lx.quotes.attribution_verbs.contains(w))?;
    let speaker = tail.get(..cue)?;
    let plausible = (1..=4).contains(&speaker.len())
        && tail.len() <= ATTRIBUTION_WORDS
        && speaker.iter().all(|w| w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'')));
    if !plausible {
        return None;
    }
    let content = trimmed(text, start, start + comma + 1)?;
    Some(Region { open, content, after: start + comma + 1, continues: false })
}

/// The first byte at or after `from` that can start a mark: `"`, `'`, `` ` ``, or the first byte
/// of the curly (U+201C to U+201E) and angled (U+00AB, U+00BB) marks. Every other character is
/// passed over without decoding it.
#[cfg(test)]
fn next_mark_byte(bytes: &[u8], from: usize) -> Option<usize> {
    let at = bytes.get(from..)?.iter().position(|b| matches!(b, b'"' | b'\'' | b'`' | 0xC2 | 0xE2))?;
    Some(from + at)
}

/// [`next_mark_byte`] for offsets that only grow, as [`regions`] asks: the next ASCII mark and
/// the next lead byte of a wide one are found apart, by `memchr` (which tests many bytes per
/// step, where the byte loop tested five values at every byte), and each is kept until the
/// reader passes it.
struct MarkBytes<'b> {
    bytes: &'b [u8],
    /// The next `"`, `'` or `` ` `` at or after the offset it was found from (`None`: no more).
    ascii: Option<usize>,
    /// The next 0xC2 or 0xE2 likewise.
    wide: Option<usize>,
    /// The offset both were found from: each is the first of its kind at or after it.
    from: usize,
}

impl<'b> MarkBytes<'b> {
    fn new(bytes: &'b [u8]) -> Self {
        let ascii = memchr::memchr3(b'"', b'\'', b'`', bytes);
        let wide = memchr::memchr2(0xC2, 0xE2, bytes);
        MarkBytes { bytes, ascii, wide, from: 0 }
    }

    /// The first byte at or after `from` that can start a mark; `from` never less than the
    /// last call's.
    fn next_from(&mut self, from: usize) -> Option<usize> {
        debug_assert!(from >= self.from);
        self.from = from;
        let rest = self.bytes.get(from..)?;
        if self.ascii.is_some_and(|a| a < from) {
            self.ascii = memchr::memchr3(b'"', b'\'', b'`', rest).map(|k| from + k);
        }
        if self.wide.is_some_and(|w| w < from) {
            self.wide = memchr::memchr2(0xC2, 0xE2, rest).map(|k| from + k);
        }
        match (self.ascii, self.wide) {
            (Some(a), Some(w)) => Some(a.min(w)),
            (a, w) => a.or(w),
        }
    }
}

/// Forgets a run of `continues` regions whose quote never closed.
fn drop_continued(out: &mut Vec<Region>) {
    while out.last().is_some_and(|r| r.continues) {
        out.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The memchr scanner finds the bytes the byte loop finds, from offsets that grow by
        /// any steps (the reader moves past a mark by one to four bytes, or more).
        #[test]
        fn mark_bytes_equal_the_byte_loop(
            text in r#"([a-z "'`\u{201c}\u{201d}\u{ab}\u{bb}\u{e9}\u{2014}]{0,6}){0,12}|\PC{0,50}"#,
            steps in proptest::collection::vec(0usize..6, 0..40),
        ) {
            let bytes = text.as_bytes();
            let mut marks = MarkBytes::new(bytes);
            let mut from = 0;
            for step in steps {
                proptest::prop_assert_eq!(marks.next_from(from), next_mark_byte(bytes, from));
                from += step;
            }
            proptest::prop_assert_eq!(marks.next_from(from), next_mark_byte(bytes, from));
            proptest::prop_assert_eq!(marks.next_from(from.max(bytes.len() + 1)), None);
        }
    }

    fn contents<'a>(text: &'a str, lx: &crate::Lexicon) -> Vec<&'a str> {
        regions(text, lx).iter().map(|r| &text[r.content.0..r.content.1]).collect()
    }

    #[test]
    fn straight_and_curly() {
        let lx = crate::Lexicon::embedded_static();
        assert_eq!(contents("He said \"yes, we will\" and left.", lx), ["yes, we will"]);
        assert_eq!(contents("\u{201C}No,\u{201D} she said. \u{201C}Never.\u{201D}", lx), ["No,", "Never."]);
        assert_eq!(contents("\u{00AB} Assez \u{00BB}, a-t-il dit.", lx), ["Assez"]);
    }

    #[test]
    fn apostrophes_do_not_pair() {
        let lx = crate::Lexicon::embedded_static();
        let t = "\"The United States' contingent isn't leaving,\" she said. 'Fine' he said.";
        assert_eq!(contents(t, lx), ["The United States' contingent isn't leaving,"]);
    }

    #[test]
    fn multi_paragraph() {
        let lx = crate::Lexicon::embedded_static();
        let t = "\"First part of it.\n\n\"Second part,\" he said.";
        let r = regions(t, lx);
        assert_eq!(contents(t, lx), ["First part of it.", "Second part,"]);
        assert!(r[0].continues && !r[1].continues);
    }

    #[test]
    fn a_lost_closer_before_a_final_attribution_is_restored() {
        let lx = crate::Lexicon::embedded_static();
        let t = "\"The plan will fail. It is too late, he told reporters on Monday.\n\nHe left.";
        assert_eq!(contents(t, lx), ["The plan will fail. It is too late,"]);
        let t = "\"The plan will fail, he said.\n\nShe said \"yes\" at once.";
        assert_eq!(contents(t, lx), ["The plan will fail,", "yes"]);
        // Mid-paragraph openers and final clauses without a verb of saying stay dropped.
        assert!(contents("He spoke. \"The plan will fail, he told reporters.\n\nNext.", lx).is_empty());
        assert!(contents("\"The plan will fail, as everyone knows.\n\nNext.", lx).is_empty());
        assert!(contents("\"The plan, which he said was late, will fail.\n\nNext.", lx).is_empty());
    }

    #[test]
    fn unclosed_quote_is_dropped_alone() {
        let lx = crate::Lexicon::embedded_static();
        let t = "\"Lost opener here.\n\nNew paragraph. \"Fine,\" she said.";
        assert_eq!(contents(t, lx), ["Fine,"]);
        assert_eq!(contents("He is 6'2\" tall. \"Yes,\" he said.", lx), ["Yes,"]);
        assert_eq!(contents("''Fine,'' he said. It's ``odd''.", lx), ["Fine,", "odd"]);
    }
}
