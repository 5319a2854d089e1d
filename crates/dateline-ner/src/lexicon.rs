//! The English lexicons the recogniser's features read (and the entity stage shares):
//! nationality adjectives and plurals with their country, person titles, organisation head words,
//! and the lookups over them.
//!
//! The lists themselves are data, `resources/lexicon/en/ner/` (read through `dateline_lexicon`);
//! the trained model's hashed features depend on them, so a change to those three files needs a
//! retrained `ner.model`, and the model reads the embedded copies. The entity stage's rules,
//! which share them, build a [`Vocabulary`] from the set they are given. Lists only the entity
//! stage's rules read are in `resources/lexicon/en/entities/`.

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

/// The lookups over one copy of these lists: demonyms by lowercased word, person titles.
///
/// The model's features read the embedded lists ([`Vocabulary::embedded`]), the ones it was
/// trained with; the entity stage's rules, which share the vocabulary, build one from the set
/// they are given (`dateline_analyze::Resources::lexicon`, its `ner/` lists), so that a set
/// loaded from a folder changes the rules but never the trained features.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    /// Demonyms by ASCII-lowercased word, the first entry of a word winning as a linear search
    /// would have it.
    demonyms: WordMap<&'static str>,
    /// Person titles, ASCII-lowercased.
    titles: HashSet<String, BuildHasherDefault<WordHasher>>,
    /// Person titles as written in the list (for the non-ASCII words).
    titles_listed: Vec<&'static str>,
    /// The lengths and first letters of `demonyms`' keys, to turn most words away unhashed.
    demonym_shapes: Shapes,
    /// The same of `titles`.
    title_shapes: Shapes,
}

/// Which (byte length, ASCII-case-folded first byte) pairs some key of a table has. The entity
/// rules and the model's features ask the vocabulary about nearly every capitalised word, and
/// few of those words share both with any key: a bit test answers them without copying,
/// lowercasing and hashing the word. A word that passes is looked up as before, so the answers
/// are the table's.
#[derive(Debug, Clone)]
struct Shapes {
    /// Per length up to [`MAX_KEY`], a bit per first byte ([`Shapes::bit`]).
    masks: [u32; MAX_KEY + 1],
}

impl Default for Shapes {
    fn default() -> Self {
        Shapes { masks: [0; MAX_KEY + 1] }
    }
}

impl Shapes {
    fn of<'a>(keys: impl IntoIterator<Item = &'a str>) -> Self {
        let mut shapes = Shapes::default();
        for k in keys {
            // (keys longer than `MAX_KEY` are never found: `with_ascii_lowercase` refuses such words)
            if let Some(m) = shapes.masks.get_mut(k.len()) {
                *m |= Shapes::bit(k);
            }
        }
        shapes
    }

    /// Bit 0-25 for a first byte that is an ASCII letter in either case, 30 for the empty word,
    /// 31 for any other first byte.
    fn bit(w: &str) -> u32 {
        match w.as_bytes().first().map(u8::to_ascii_lowercase) {
            Some(b @ b'a'..=b'z') => 1 << (b - b'a'),
            Some(_) => 1 << 31,
            None => 1 << 30,
        }
    }

    /// False when no key has `w`'s length and, ASCII case aside, its first byte: `w` ASCII-
    /// lowercased is no key then.
    fn may_hold(&self, w: &str) -> bool {
        self.masks.get(w.len()).is_some_and(|&m| m & Shapes::bit(w) != 0)
    }
}

impl Vocabulary {
    /// The lookups over `demonyms` (`ner/demonyms.tsv`) and `titles` (`ner/person-titles.txt`).
    pub fn new(demonyms: &[(&'static str, &'static str)], titles: &[&'static str]) -> Self {
        let mut map = WordMap::default();
        for &(w, code) in demonyms {
            map.entry(w.to_ascii_lowercase()).or_insert(code);
        }
        let lowered: HashSet<String, BuildHasherDefault<WordHasher>> =
            titles.iter().map(|t| t.to_ascii_lowercase()).collect();
        Vocabulary {
            demonym_shapes: Shapes::of(map.keys().map(String::as_str)),
            title_shapes: Shapes::of(lowered.iter().map(String::as_str)),
            demonyms: map,
            titles: lowered,
            titles_listed: titles.to_vec(),
        }
    }

    /// Over the embedded lists, built once: what the model's features read.
    pub fn embedded() -> &'static Vocabulary {
        static EMBEDDED: LazyLock<Vocabulary> = LazyLock::new(|| Vocabulary::new(DEMONYMS, PERSON_TITLES));
        &EMBEDDED
    }

    /// The country code of a nationality adjective or group noun (`Some("")` for groups with
    /// no single country), case-insensitive.
    pub fn demonym(&self, word: &str) -> Option<&'static str> {
        // (this runs on every capitalised word of an article: one hash lookup, no allocation)
        let hit = |w: &str| {
            if !self.demonym_shapes.may_hold(w) {
                return None;
            }
            with_ascii_lowercase(w, |lower| self.demonyms.get(lower).copied()).flatten()
        };
        if word.is_ascii() {
            hit(word)
        } else {
            hit(&word.to_lowercase())
        }
    }

    /// True for a person title or honorific (`Col.`, `President`), case-insensitive.
    pub fn is_person_title(&self, word: &str) -> bool {
        let w = word.trim_end_matches('.');
        if w.is_ascii() {
            if !self.title_shapes.may_hold(w) {
                return false;
            }
            return with_ascii_lowercase(w, |lower| self.titles.contains(lower)).unwrap_or(false);
        }
        let w = w.to_lowercase();
        self.titles_listed.contains(&w.as_str())
    }
}

/// [`Vocabulary::demonym`] over the embedded lists.
pub fn demonym(word: &str) -> Option<&'static str> {
    Vocabulary::embedded().demonym(word)
}

/// [`Vocabulary::is_person_title`] over the embedded lists.
pub fn is_person_title(word: &str) -> bool {
    Vocabulary::embedded().is_person_title(word)
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

    /// The lookups without the shape filter: what [`Vocabulary`] answered before it had one.
    fn plain_demonym(v: &Vocabulary, word: &str) -> Option<&'static str> {
        let hit = |w: &str| with_ascii_lowercase(w, |lower| v.demonyms.get(lower).copied()).flatten();
        if word.is_ascii() {
            hit(word)
        } else {
            hit(&word.to_lowercase())
        }
    }

    fn plain_is_person_title(v: &Vocabulary, word: &str) -> bool {
        let w = word.trim_end_matches('.');
        if w.is_ascii() {
            return with_ascii_lowercase(w, |lower| v.titles.contains(lower)).unwrap_or(false);
        }
        v.titles_listed.contains(&w.to_lowercase().as_str())
    }

    #[test]
    fn every_listed_word_passes_the_shape_filter() {
        let v = Vocabulary::embedded();
        for &(w, _) in DEMONYMS {
            for word in [w.to_string(), w.to_ascii_uppercase(), w.to_ascii_lowercase()] {
                assert_eq!(v.demonym(&word), plain_demonym(v, &word), "{word}");
                assert!(v.demonym(&word).is_some() || !word.is_ascii(), "{word}");
            }
        }
        for &t in PERSON_TITLES {
            for word in [t.to_string(), t.to_ascii_uppercase(), format!("{t}.")] {
                assert_eq!(v.is_person_title(&word), plain_is_person_title(v, &word), "{word}");
            }
        }
        // an empty key passes too
        let v = Vocabulary::new(&[("", "XX")], &[""]);
        assert_eq!(v.demonym(""), Some("XX"));
        assert!(v.is_person_title("."));
    }

    proptest::proptest! {
        /// The filtered lookups answer as the plain ones, for listed words in any case, their
        /// neighbours and arbitrary text.
        #[test]
        fn filtered_lookups_equal_the_plain_ones(
            word in r"(Syrian|syrians|KURDISH|Col|Mr|president|Gen|[A-Za-z]{0,4}|[a-zé\.]{1,12}|\PC{0,8})\.{0,2}"
        ) {
            let v = Vocabulary::embedded();
            proptest::prop_assert_eq!(v.demonym(&word), plain_demonym(v, &word));
            proptest::prop_assert_eq!(v.is_person_title(&word), plain_is_person_title(v, &word));
        }
    }
}
