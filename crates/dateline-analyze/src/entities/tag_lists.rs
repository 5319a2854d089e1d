//! Lines of tags: "Kenya Uganda Border Nairobi Kampala Interior Ministry Rain", the topic
//! keywords a news page prints under its story and a crawl keeps as text.
//!
//! The recogniser reads such a line as one sentence and runs names together across tags ("Uganda
//! Border Nairobi Kampala Interior Ministry" typed as one organisation). A line of tags is told
//! from a title-case headline by what it lacks: it stands on a line of its own, every word is
//! capitalised and alphabetic, no punctuation, no function word or verb of a headline ("Of",
//! "The", "Says") but for a preposition at its end, and it names two places or more, each a word of its own. There, a mention of
//! the recogniser's that spans a known place after its first word runs over tags and is
//! dropped; the lexicon still finds the places, and the names the article writes elsewhere are
//! found again by propagation.

use super::mentions::{is_headline_verb, is_known_place};
use super::{capitalised, tok, Cand, Tok};
use crate::Resources;

/// Fewest words on a line of tags.
const MIN_TAGS: usize = 5;

/// Fewest one-word places on a line of tags.
const MIN_PLACES: usize = 2;

/// The sentences (by index) that are lines of tags, in order.
pub(super) fn tag_lines(text: &str, toks: &[Tok], res: &Resources) -> Vec<usize> {
    super::sentence_runs(toks)
        .filter(|&(i, j)| is_tag_line(text, toks, i, j, res))
        .map(|(i, _)| toks[i].sentence)
        .collect()
}

/// Drops the recogniser's mentions in `model` that run over tags (a known place after their
/// first word) on the lines of tags `lines`, before other names are looked for after them.
pub(super) fn drop_runs_over_tags(text: &str, toks: &[Tok], lines: &[usize], model: &mut Vec<Cand>, res: &Resources) {
    model.retain(|c| {
        if lines.binary_search(&c.sentence).is_err() {
            return true;
        }
        let (Some(a), Some(b)) = (super::tok_at(toks, c.start), super::tok_ending(toks, c.end)) else { return true };
        !(a + 1..=b).any(|k| is_known_place(tok(text, toks, k), res))
    });
}

/// Keeps, on the lines of tags `lines`, only the mentions whose name the article also writes
/// outside them, and one-word places and countries: a tag repeats a name of the story, and
/// what the recogniser makes of two tags side by side ("Uganda Border") is no name.
pub(super) fn keep_names_told_elsewhere(
    text: &str,
    toks: &[Tok],
    lines: &[usize],
    out: &mut Vec<Cand>,
    res: &Resources,
) {
    if lines.is_empty() {
        return;
    }
    let on_tags = |c: &Cand| lines.binary_search(&c.sentence).is_ok();
    let told: std::collections::HashSet<&str> =
        out.iter().filter(|c| !on_tags(c)).filter_map(|c| text.get(c.start..c.end)).collect();
    out.retain(|c| {
        let name = text.get(c.start..c.end).unwrap_or("");
        let one_word = super::tok_at(toks, c.start).is_some_and(|a| toks[a].end == c.end);
        !on_tags(c) || told.contains(name) || one_word && is_known_place(name, res)
    });
}

/// Whether tokens `a..b` (one sentence) are a line of tags.
fn is_tag_line(text: &str, toks: &[Tok], a: usize, b: usize, res: &Resources) -> bool {
    if b - a < MIN_TAGS {
        return false;
    }
    // Only blanks between the line's ends and its first and last words (read over the blanks
    // alone: a text with no line break is not scanned back to its start at every sentence).
    let blank = |c: char| c == ' ' || c == '\t' || c == '\r' || c == '\u{a0}';
    let head = text.get(..toks[a].start).map(|t| t.trim_end_matches(blank));
    let tail = text.get(toks[b - 1].end..).map(|t| t.trim_start_matches(blank));
    let own_line = head.is_some_and(|t| t.is_empty() || t.ends_with('\n'))
        && tail.is_some_and(|t| t.is_empty() || t.starts_with('\n'));
    if !own_line {
        return false;
    }
    let lx = &res.lexicon;
    let mut places = 0;
    for k in a..b {
        let w = tok(text, toks, k);
        let plain = w.chars().all(char::is_alphabetic) && capitalised(w);
        // (a preposition may end the line: the next block's heading, "More From", run into it)
        let preposition = k + 1 < b && lx.quotes.prepositions.contains_ignore_ascii_case(w);
        if !plain || is_headline_verb(w) || preposition {
            return false;
        }
        if matches!(w, "The" | "A" | "An" | "And" | "Or" | "But" | "As" | "Is" | "Are" | "Was" | "Were") {
            return false;
        }
        places += usize::from(is_known_place(w, res));
    }
    places >= MIN_PLACES
}
