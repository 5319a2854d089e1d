//! Differences between two versions of a story: paragraphs first, then words inside the
//! paragraphs that changed.
//!
//! Republishers drop, add and reorder whole paragraphs and edit words inside the ones they keep,
//! so a line diff of the whole text says too little and a character diff too much. Paragraphs
//! (non-empty lines) are aligned with patience diff, which anchors on paragraphs that occur once in
//! each version and so does not pair up unrelated paragraphs by accident. Where a run of
//! paragraphs was replaced, each old paragraph is paired with the next new one that shares at least
//! half of its words ([`CHANGED_MIN_SIMILARITY`]); a pair is a *changed* paragraph with a word diff
//! (Myers over words with their trailing whitespace, so the pieces concatenate back to the text);
//! the rest are *removed* or *added*. [`VersionDiff::apply`] rebuilds the new version from the old
//! one, which is what the tests prove.

use serde::Serialize;
use similar::{capture_diff_slices, Algorithm, DiffOp};

/// Two paragraphs sharing at least this share of their words (Dice coefficient) are one edited
/// paragraph; below it, one was removed and another added.
pub const CHANGED_MIN_SIMILARITY: f64 = 0.5;

/// What changed from one version to another.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VersionDiff {
    /// The paragraphs of both versions, in order, each marked with what happened to it.
    pub paragraphs: Vec<ParagraphChange>,
    /// Counts, for a one-line summary.
    pub stats: DiffStats,
}

/// One paragraph of the diff.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum ParagraphChange {
    /// In both versions, word for word.
    Same {
        /// The paragraph.
        text: String,
    },
    /// Only in the old version.
    Removed {
        /// The paragraph.
        text: String,
    },
    /// Only in the new version.
    Added {
        /// The paragraph.
        text: String,
    },
    /// Edited: `old` became `new`; `words` walks through both.
    Changed {
        /// The paragraph in the old version.
        old: String,
        /// The paragraph in the new version.
        new: String,
        /// Runs of words kept, removed and added; `same` + `removed` runs concatenate to `old`,
        /// `same` + `added` runs to `new`.
        words: Vec<WordChange>,
    },
}

/// A run of words inside a changed paragraph (each word with the whitespace after it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "op", content = "text", rename_all = "snake_case")]
pub enum WordChange {
    /// Kept.
    Same(String),
    /// Only in the old paragraph.
    Removed(String),
    /// Only in the new paragraph.
    Added(String),
}

/// How much changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DiffStats {
    /// Paragraphs kept as they were.
    pub same: usize,
    /// Paragraphs only in the old version.
    pub removed: usize,
    /// Paragraphs only in the new version.
    pub added: usize,
    /// Paragraphs edited.
    pub changed: usize,
    /// Words removed inside edited paragraphs.
    pub words_removed: usize,
    /// Words added inside edited paragraphs.
    pub words_added: usize,
}

impl DiffStats {
    /// True when the two versions have the same paragraphs.
    pub fn is_identical(&self) -> bool {
        self.removed == 0 && self.added == 0 && self.changed == 0
    }
}

/// The paragraphs of a text: its non-empty lines, trimmed.
pub fn paragraphs(text: &str) -> Vec<&str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).collect()
}

/// Words with the whitespace that follows each, so that they concatenate back to the text.
fn words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_space = false;
    for (i, c) in text.char_indices() {
        let space = c.is_whitespace();
        if in_space && !space {
            out.push(&text[start..i]);
            start = i;
        }
        in_space = space;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Dice coefficient of the two paragraphs' words (matched in order).
fn word_similarity(a: &str, b: &str) -> f64 {
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() && wb.is_empty() {
        return 1.0;
    }
    let same: usize = capture_diff_slices(Algorithm::Myers, &wa, &wb)
        .iter()
        .map(|op| match op {
            DiffOp::Equal { len, .. } => *len,
            _ => 0,
        })
        .sum();
    2.0 * same as f64 / (wa.len() + wb.len()) as f64
}

/// The diff from `old` to `new`.
pub fn diff(old: &str, new: &str) -> VersionDiff {
    let (a, b) = (paragraphs(old), paragraphs(new));
    let mut out = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, &a, &b) {
        match op {
            DiffOp::Equal { old_index, len, .. } => {
                out.extend(a[old_index..old_index + len].iter().map(|p| ParagraphChange::Same { text: p.to_string() }));
            }
            DiffOp::Delete { old_index, old_len, .. } => {
                out.extend(
                    a[old_index..old_index + old_len].iter().map(|p| ParagraphChange::Removed { text: p.to_string() }),
                );
            }
            DiffOp::Insert { new_index, new_len, .. } => {
                out.extend(
                    b[new_index..new_index + new_len].iter().map(|p| ParagraphChange::Added { text: p.to_string() }),
                );
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                pair_replaced(&a[old_index..old_index + old_len], &b[new_index..new_index + new_len], &mut out);
            }
        }
    }
    let stats = stats(&out);
    VersionDiff { paragraphs: out, stats }
}

/// Pairs each old paragraph of a replaced run with the first remaining new one similar enough;
/// new paragraphs skipped over on the way are additions, unpaired old ones removals.
fn pair_replaced(old: &[&str], new: &[&str], out: &mut Vec<ParagraphChange>) {
    let mut j = 0;
    for o in old {
        let partner = (j..new.len()).find(|&k| word_similarity(o, new[k]) >= CHANGED_MIN_SIMILARITY);
        match partner {
            Some(k) => {
                out.extend(new[j..k].iter().map(|p| ParagraphChange::Added { text: p.to_string() }));
                out.push(changed(o, new[k]));
                j = k + 1;
            }
            None => out.push(ParagraphChange::Removed { text: o.to_string() }),
        }
    }
    out.extend(new[j..].iter().map(|p| ParagraphChange::Added { text: p.to_string() }));
}

/// A changed paragraph with its word diff, adjacent runs of one kind merged.
fn changed(old: &str, new: &str) -> ParagraphChange {
    let (wa, wb) = (words(old), words(new));
    let mut runs: Vec<WordChange> = Vec::new();
    let mut push = |change: WordChange| {
        match (runs.last_mut(), &change) {
            (Some(WordChange::Same(s)), WordChange::Same(t))
            | (Some(WordChange::Removed(s)), WordChange::Removed(t))
            | (Some(WordChange::Added(s)), WordChange::Added(t)) => s.push_str(t),
            _ => runs.push(change),
        };
    };
    for op in capture_diff_slices(Algorithm::Myers, &wa, &wb) {
        let (o, n) = (op.old_range(), op.new_range());
        match op {
            DiffOp::Equal { .. } => push(WordChange::Same(wa[o].concat())),
            DiffOp::Delete { .. } => push(WordChange::Removed(wa[o].concat())),
            DiffOp::Insert { .. } => push(WordChange::Added(wb[n].concat())),
            DiffOp::Replace { .. } => {
                push(WordChange::Removed(wa[o].concat()));
                push(WordChange::Added(wb[n].concat()));
            }
        }
    }
    ParagraphChange::Changed { old: old.to_string(), new: new.to_string(), words: runs }
}

fn stats(changes: &[ParagraphChange]) -> DiffStats {
    let mut s = DiffStats::default();
    for c in changes {
        match c {
            ParagraphChange::Same { .. } => s.same += 1,
            ParagraphChange::Removed { .. } => s.removed += 1,
            ParagraphChange::Added { .. } => s.added += 1,
            ParagraphChange::Changed { words: w, .. } => {
                s.changed += 1;
                for run in w {
                    match run {
                        WordChange::Removed(t) => s.words_removed += t.split_whitespace().count(),
                        WordChange::Added(t) => s.words_added += t.split_whitespace().count(),
                        WordChange::Same(_) => {}
                    }
                }
            }
        }
    }
    s
}

impl VersionDiff {
    /// Rebuilds the new version's paragraphs from the old text by applying the diff; `None` when
    /// `old` is not the text the diff was made from.
    pub fn apply(&self, old: &str) -> Option<Vec<String>> {
        let mut from = paragraphs(old).into_iter();
        let mut out = Vec::new();
        for change in &self.paragraphs {
            match change {
                ParagraphChange::Same { text } => {
                    (from.next()? == text).then_some(())?;
                    out.push(text.clone());
                }
                ParagraphChange::Removed { text } => (from.next()? == text).then_some(())?,
                ParagraphChange::Added { text } => out.push(text.clone()),
                ParagraphChange::Changed { words, .. } => {
                    let source = from.next()?;
                    let mut rebuilt_old = String::new();
                    let mut rebuilt_new = String::new();
                    for run in words {
                        match run {
                            WordChange::Same(t) => {
                                rebuilt_old.push_str(t);
                                rebuilt_new.push_str(t);
                            }
                            WordChange::Removed(t) => rebuilt_old.push_str(t),
                            WordChange::Added(t) => rebuilt_new.push_str(t),
                        }
                    }
                    (rebuilt_old == source).then_some(())?;
                    out.push(rebuilt_new);
                }
            }
        }
        from.next().is_none().then_some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dropped_paragraph_and_a_changed_word() {
        let old = "Lead paragraph here.\n\nA quote that was dropped.\n\nAccording to industry analysts, it grew.";
        let new = "Lead paragraph here.\n\nAccording to market analysts, it grew.";
        let d = diff(old, new);
        assert_eq!(d.stats, DiffStats { same: 1, removed: 1, added: 0, changed: 1, words_removed: 1, words_added: 1 });
        let ParagraphChange::Changed { words, .. } = &d.paragraphs[2] else { panic!("{:?}", d.paragraphs) };
        assert!(words.contains(&WordChange::Removed("industry ".into())));
        assert!(words.contains(&WordChange::Added("market ".into())));
        assert_eq!(d.apply(old), Some(paragraphs(new).iter().map(|s| s.to_string()).collect()));
        assert_eq!(d.apply(new), None);
    }

    #[test]
    fn identical_texts_have_an_identical_diff() {
        let d = diff("a\n\nb", "a\n\nb\n");
        assert!(d.stats.is_identical());
    }

    #[test]
    fn words_concatenate_back() {
        let t = "  one two\tthree  ";
        assert_eq!(words(t).concat(), t);
    }
}
