//! The shingles of the articles the writer stored last, kept so that comparing a new article
//! with them needs neither their text nor shingling it again.
//!
//! Placing an article compares it exactly with its best LSH candidates, and a candidate's
//! shingles used to be recomputed from its stored text each time: at 300,000 stored that was
//! about an eighth of the writer's time, reading and shingling articles stored moments before
//! (copies of a story arrive close together, and the newest articles of a bucket are the ones
//! read). A stored article's text and dateline never change, and a committed article's row id
//! is never reused, so its shingles can be kept as they were computed when it was stored.

use std::collections::{HashMap, VecDeque};

use dateline_analyze::Shingles;

/// Where the writer finds the shingles of a stored article without reading and shingling its
/// text: the store's newest articles, and the articles of the batch being written.
#[derive(Clone, Copy, Default)]
pub(crate) struct KnownShingles<'a> {
    pub(crate) recent: Option<&'a Recent>,
    /// The articles stored so far by the open batch.
    pub(crate) batch: Option<&'a HashMap<i64, &'a Shingles>>,
}

impl<'a> KnownShingles<'a> {
    pub(crate) fn get(&self, pk: i64) -> Option<&'a Shingles> {
        self.recent.and_then(|r| r.map.get(&pk)).or_else(|| self.batch.and_then(|m| m.get(&pk).copied()))
    }
}

/// The shingles of the articles this store stored last, in committed batches (a rolled-back
/// batch's row ids are used again, so its articles are never kept). Bounded by
/// [`Recent::MAX_HASHES`], so memory stays flat.
pub(crate) struct Recent {
    map: HashMap<i64, Shingles>,
    order: VecDeque<i64>,
    hashes: usize,
    /// Most hashes kept.
    cap: usize,
}

impl Default for Recent {
    fn default() -> Self {
        Recent::with_cap(Recent::MAX_HASHES)
    }
}

impl std::fmt::Debug for Recent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Recent").field("articles", &self.order.len()).field("hashes", &self.hashes).finish()
    }
}

impl Recent {
    /// Most shingle hashes kept (8 bytes each: 16 MB), the oldest articles leaving first.
    const MAX_HASHES: usize = 2 << 20;

    fn with_cap(cap: usize) -> Recent {
        Recent { map: HashMap::new(), order: VecDeque::new(), hashes: 0, cap }
    }

    /// Keeps the shingles of article `pk`, committed.
    pub(crate) fn push(&mut self, pk: i64, shingles: &Shingles) {
        if shingles.len() > self.cap || self.map.contains_key(&pk) {
            return;
        }
        self.hashes += shingles.len();
        self.map.insert(pk, shingles.clone());
        self.order.push_back(pk);
        while self.hashes > self.cap {
            let Some(old) = self.order.pop_front() else { break };
            if let Some(gone) = self.map.remove(&old) {
                self.hashes -= gone.len();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shingles(n: usize) -> Shingles {
        let text: Vec<String> = (0..n + 4).map(|i| format!("w{i}")).collect();
        Shingles::of(&text.join(" "), None)
    }

    #[test]
    fn the_oldest_articles_leave_first_and_the_bound_holds() {
        let mut recent = Recent::with_cap(25);
        let batch = KnownShingles::default();
        assert!(batch.get(1).is_none(), "nothing is known of an empty writer");
        for pk in 1..=4 {
            recent.push(pk, &shingles(10));
        }
        let known = KnownShingles { recent: Some(&recent), batch: None };
        assert_eq!((known.get(1), known.get(2)), (None, None), "the two oldest left");
        assert_eq!(known.get(3).map(Shingles::len), Some(10));
        assert_eq!(known.get(4).map(Shingles::len), Some(10));
        assert!(recent.hashes <= 25);
    }

    #[test]
    fn an_article_larger_than_the_bound_is_not_kept_and_evicts_nothing() {
        let mut recent = Recent::with_cap(25);
        recent.push(1, &shingles(10));
        recent.push(2, &shingles(30));
        let known = KnownShingles { recent: Some(&recent), batch: None };
        assert!(known.get(1).is_some());
        assert!(known.get(2).is_none());
    }

    #[test]
    fn the_open_batch_is_read_after_the_kept_articles() {
        let recent = Recent::default();
        let mine = shingles(3);
        let batch: HashMap<i64, &Shingles> = [(7, &mine)].into_iter().collect();
        let known = KnownShingles { recent: Some(&recent), batch: Some(&batch) };
        assert_eq!(known.get(7), Some(&mine));
        assert_eq!(known.get(8), None);
    }
}
