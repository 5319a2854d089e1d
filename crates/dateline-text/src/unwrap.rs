//! Hard-wrapped text: paragraphs broken into lines at a fixed width (about 70 columns), as
//! mailing lists, wire feeds and plain-text archives write them.
//!
//! [`soft_breaks`] finds the line breaks that only wrap a paragraph; [`unwrap`] replaces each with
//! a space. A `\n` and a space are both one byte, so every offset into the unwrapped text is the
//! same offset into the text before: the offset map needs no new step, and nothing else moves.
//!
//! The width is found from the text itself: the line length most lines cluster just under. A
//! break is soft when the next line's first word would not have fitted on the line (that is why
//! the writer broke it there); a short line (a heading, a date, the end of a paragraph) is a real
//! break. Texts without such a cluster are left alone, so prose written one paragraph per line
//! never changes.

/// The narrowest and widest wrap widths considered, in characters.
const WIDTHS: std::ops::RangeInclusive<usize> = 40..=100;
/// How far under the width a line may end and still count towards it.
const BAND: usize = 12;
/// How much shorter than the estimated width a line may be and still have been wrapped: the
/// estimate is the longest line seen, a few columns over the width most lines were cut at.
const SLACK: usize = 6;
/// The fewest lines that must cluster under the width.
const MIN_WRAPPED: usize = 5;

/// Byte offsets of the `\n` characters of `text` that only wrap a paragraph, in order.
pub fn soft_breaks(text: &str) -> Vec<usize> {
    // (start, end, length in chars) of every line.
    let mut lines: Vec<(usize, usize, usize)> = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            lines.push((start, i, text[start..i].trim_end().chars().count()));
            start = i + 1;
        }
    }
    lines.push((start, text.len(), text[start..].trim_end().chars().count()));
    let Some(width) = wrap_width(&lines) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for pair in lines.windows(2) {
        let (s, e, len) = pair[0];
        let (ns, ne, nlen) = pair[1];
        if len == 0 || nlen == 0 || len > width + 1 {
            continue;
        }
        let line = &text[s..e];
        let next = &text[ns..ne];
        // An indented line opens a paragraph; a line of its own kind (a list item) too.
        if next.starts_with([' ', '\t']) || next.starts_with(['-', '*', '\u{2022}', '>']) || line.ends_with(':') {
            continue;
        }
        let first_word = next.split_whitespace().next().map_or(0, |w| w.chars().count());
        if len + 1 + first_word + SLACK > width {
            out.push(e);
        }
    }
    out
}

/// `text` with its soft breaks (see [`soft_breaks`]) replaced by spaces, and their offsets.
/// Same length as `text`, byte for byte.
pub fn unwrap(text: &str) -> Option<(String, Vec<usize>)> {
    let breaks = soft_breaks(text);
    if breaks.is_empty() {
        return None;
    }
    let mut bytes = text.as_bytes().to_vec();
    for &i in &breaks {
        bytes[i] = b' ';
    }
    // A `\n` byte replaced by a space keeps the text valid UTF-8.
    String::from_utf8(bytes).ok().map(|s| (s, breaks))
}

/// The wrap width of a hard-wrapped text: the line length with the most lines ending within
/// [`BAND`] characters under it, when they are many and most of the text's lines.
fn wrap_width(lines: &[(usize, usize, usize)]) -> Option<usize> {
    let nonempty: Vec<usize> = lines.iter().map(|l| l.2).filter(|&n| n > 0).collect();
    if nonempty.len() < MIN_WRAPPED {
        return None;
    }
    let mut hist = [0usize; 102];
    for &n in &nonempty {
        if n <= 100 {
            hist[n] += 1;
        }
    }
    let mut best: Option<(usize, usize)> = None;
    for w in WIDTHS {
        if hist[w] == 0 {
            continue;
        }
        let count: usize = hist[w.saturating_sub(BAND)..=w].iter().sum();
        if best.is_none_or(|(_, c)| count >= c) {
            best = Some((w, count));
        }
    }
    let (width, count) = best?;
    // Most lines are at or under the width, and many cluster just under it.
    let longer = nonempty.iter().filter(|&&n| n > width + 1).count();
    (count >= MIN_WRAPPED && count * 2 >= nonempty.len() && longer * 5 <= nonempty.len()).then_some(width)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WRAPPED: &str = "TOWN HALL VOTE\n\
PORTVILLE, May 3 - The town council of Portville voted on Tuesday to\n\
rebuild the old ferry pier before the summer, the mayor said after a\n\
meeting that ran late into the evening. Residents had asked for\n\
the work for years.\n\
\"We have waited long enough for this pier and the boats need it,\" the\n\
mayor told reporters outside the hall, adding that the cost would be\n\
shared with the province.\n";

    #[test]
    fn wrapped_paragraphs_are_joined_and_short_lines_kept() {
        let (out, breaks) = unwrap(WRAPPED).expect("wrapped");
        assert_eq!(out.len(), WRAPPED.len());
        assert!(out.starts_with("TOWN HALL VOTE\nPORTVILLE"));
        assert!(out.contains("voted on Tuesday to rebuild the old"));
        assert!(out.contains("for years.\n\"We have"));
        assert!(out.contains("for this pier and the boats need it,\" the mayor told"));
        for &b in &breaks {
            assert_eq!(&WRAPPED[b..b + 1], "\n");
        }
    }

    #[test]
    fn one_paragraph_per_line_is_left_alone() {
        let text = "PORTVILLE, May 3 - The town council of Portville voted on Tuesday to rebuild the old ferry pier.\n\
The mayor said the cost would be shared with the province.\n\nShort line\nAnother short line\n";
        assert!(unwrap(text).is_none());
        assert!(unwrap("").is_none());
        assert!(unwrap("\n\n\n\n\n\n").is_none());
    }
}
