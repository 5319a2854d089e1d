//! A per-thread cache of the summed weights of a word's own features.
//!
//! Half of a token's features ([`crate::features::token_features`]: the word, its shape, affixes,
//! clusters and lexicon flags) depend on nothing but the word and whether it opens the sentence,
//! and computing them (seven affix hashes, the shape) and looking up their weights (scattered
//! over megabytes, a cache miss each) is most of the model's time. News repeats its capitalised
//! words ("The", "He", the names of the story), so the sums are kept per word, in a small
//! direct-mapped table per thread, and reused.
//!
//! The cache is exact: a slot holds the whole word (words longer than [`MAX_WORD`] bytes are never
//! cached), the sentence-initial flag and the model it was computed with, and the scores are
//! integer sums, so a cached and a recomputed score are the same number. The output therefore
//! never depends on which articles a thread saw before, nor on the number of threads.

use std::cell::RefCell;

use crate::tags::N_TAGS;

/// Longest word (in bytes) the cache holds; longer words are scored every time.
const MAX_WORD: usize = 23;
/// Number of slots (a power of two): some 400 KB per thread.
const SLOTS: usize = 4096;

#[derive(Clone, Copy)]
struct Slot {
    /// Length of the word, plus 1 (0: empty); bit 7 is the sentence-initial flag.
    tag: u8,
    word: [u8; MAX_WORD],
    model: u64,
    scores: [i32; N_TAGS],
}

const EMPTY: Slot = Slot { tag: 0, word: [0; MAX_WORD], model: 0, scores: [0; N_TAGS] };

/// The cache of one thread (see the module comment).
pub(crate) struct TokenScores {
    slots: Vec<Slot>,
}

thread_local! {
    static CACHE: RefCell<TokenScores> = const { RefCell::new(TokenScores { slots: Vec::new() }) };
}

impl TokenScores {
    /// Runs `f` with this thread's cache, or with a fresh one if the thread's is in use (a
    /// re-entrant call: never happens today, and then only costs speed).
    pub(crate) fn with<R>(model: u64, f: impl FnOnce(&mut Cached<'_>) -> R) -> R {
        CACHE.with(|c| match c.try_borrow_mut() {
            Ok(mut cache) => {
                if cache.slots.is_empty() {
                    cache.slots = vec![EMPTY; SLOTS];
                }
                f(&mut Cached { slots: &mut cache.slots, model })
            }
            Err(_) => f(&mut Cached { slots: &mut [], model }),
        })
    }
}

/// The cache of one thread, for one model.
pub(crate) struct Cached<'a> {
    slots: &'a mut [Slot],
    model: u64,
}

impl Cached<'_> {
    /// The scores of `word` (opening the sentence or not): from the cache, or summed by `fill`
    /// (which adds the word's feature weights to the zeroed array it is given) and kept.
    pub(crate) fn get_or_insert(
        &mut self,
        word: &str,
        first: bool,
        fill: impl FnOnce(&mut [i32; N_TAGS]),
    ) -> [i32; N_TAGS] {
        let bytes = word.as_bytes();
        if bytes.len() > MAX_WORD || self.slots.is_empty() {
            let mut scores = [0; N_TAGS];
            fill(&mut scores);
            return scores;
        }
        let tag = (bytes.len() as u8 + 1) | if first { 0x80 } else { 0 };
        let slot = &mut self.slots[slot_of(bytes, first)];
        if slot.tag == tag && slot.model == self.model && &slot.word[..bytes.len()] == bytes {
            return slot.scores;
        }
        let mut scores = [0; N_TAGS];
        fill(&mut scores);
        slot.tag = tag;
        slot.model = self.model;
        slot.word[..bytes.len()].copy_from_slice(bytes);
        slot.scores = scores;
        scores
    }
}

/// The slot of a word: a cheap multiplicative hash of its bytes.
fn slot_of(bytes: &[u8], first: bool) -> usize {
    let mut h = u64::from(first) + 0x9e37_79b9_7f4a_7c15;
    for &b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    ((h ^ (h >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9) >> 52) as usize & (SLOTS - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cached_scores_are_the_computed_ones_and_keyed_by_word_flag_and_model() {
        let mut calls = 0;
        let mut run = |model: u64, word: &str, first: bool, v: i32| {
            TokenScores::with(model, |c| {
                c.get_or_insert(word, first, |s| {
                    calls += 1;
                    s[0] = v;
                })
            })[0]
        };
        assert_eq!(run(1, "Reuters", false, 5), 5);
        assert_eq!(run(1, "Reuters", false, 9), 5, "second lookup served from the cache");
        assert_eq!(run(1, "Reuters", true, 7), 7, "the sentence-initial flag is part of the key");
        assert_eq!(run(2, "Reuters", false, 3), 3, "another model's scores are not reused");
        assert_eq!(run(1, "Reuter", false, 4), 4, "a prefix is another word");
        let long = "A".repeat(MAX_WORD + 1);
        assert_eq!(run(1, &long, false, 6), 6);
        assert_eq!(run(1, &long, false, 8), 8, "long words are never cached");
        assert_eq!(calls, 6);
    }
}
