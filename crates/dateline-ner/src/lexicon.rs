//! The English lexicons the recogniser's features read (and the entity stage shares):
//! nationality adjectives and plurals with their country, person titles, organisation head words,
//! and the lookups over them.
//!
//! The lists themselves are data, `resources/lexicon/en/ner/` (read through `dateline_lexicon`);
//! the trained model's hashed features depend on them, so a change to those three files needs a
//! retrained `ner.model`. Lists only the entity stage's rules read are in
//! `resources/lexicon/en/entities/`.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use crate::features::Fnv;

// `DEMONYMS`: resources/lexicon/en/ner/demonyms.tsv
pub use dateline_lexicon::en::ner::DEMONYMS;

// `PERSON_TITLES`: resources/lexicon/en/ner/person-titles.txt
pub use dateline_lexicon::en::ner::PERSON_TITLES;

// `ORG_WORDS`: resources/lexicon/en/ner/org-words.txt
pub use dateline_lexicon::en::ner::ORG_WORDS;

/// The country code of a nationality adjective or group noun (`Some("")` for groups with no
/// single country), case-insensitive.
pub fn demonym(word: &str) -> Option<&'static str> {
    // (this runs on every capitalised word of an article: one hash lookup, no allocation)
    let hit = |w: &str| with_ascii_lowercase(w, |lower| DEMONYM_MAP.get(lower).copied()).flatten();
    if word.is_ascii() {
        hit(word)
    } else {
        hit(&word.to_lowercase())
    }
}

/// True for a person title or honorific (`Col.`, `President`), case-insensitive.
pub fn is_person_title(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    if w.is_ascii() {
        return with_ascii_lowercase(w, |lower| TITLE_SET.contains(lower)).unwrap_or(false);
    }
    let w = w.to_lowercase();
    PERSON_TITLES.contains(&w.as_str())
}

/// The longest key of the lexicon tables; longer words are in none of them.
const MAX_KEY: usize = 40;

/// Calls `f` with `w` ASCII-lowercased in a stack buffer; `None` when `w` is longer than any key
/// or the lowercase form is not UTF-8 (never, for ASCII).
fn with_ascii_lowercase<T>(w: &str, f: impl FnOnce(&str) -> T) -> Option<T> {
    let mut buf = [0u8; MAX_KEY];
    let lower = buf.get_mut(..w.len())?;
    lower.copy_from_slice(w.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).ok().map(f)
}

/// [`DEMONYMS`] by ASCII-lowercased word, the first entry of a word winning as a linear search
/// would have it.
static DEMONYM_MAP: LazyLock<WordMap<&'static str>> = LazyLock::new(|| {
    let mut map = WordMap::default();
    for &(w, code) in DEMONYMS {
        map.entry(w.to_ascii_lowercase()).or_insert(code);
    }
    map
});

/// [`PERSON_TITLES`], ASCII-lowercased.
static TITLE_SET: LazyLock<HashSet<String, BuildHasherDefault<WordHasher>>> =
    LazyLock::new(|| PERSON_TITLES.iter().map(|t| t.to_ascii_lowercase()).collect());

/// A table keyed by words, hashed with [`WordHasher`].
pub type WordMap<V> = HashMap<String, V, BuildHasherDefault<WordHasher>>;

/// FNV-1a for tables keyed by words: their keys are fixed lists of short words, so SipHash's
/// guard against crafted collisions buys nothing there and would cost most of a lookup.
pub struct WordHasher(Fnv);

impl Default for WordHasher {
    fn default() -> Self {
        WordHasher(Fnv::start())
    }
}

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0 .0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0.byte(b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        assert_eq!(demonym("Syrian"), Some("SY"));
        assert_eq!(demonym("Kurdish"), Some(""));
        assert_eq!(demonym("table"), None);
        assert!(is_person_title("Col."));
        assert!(!is_person_title("table"));
    }
}
