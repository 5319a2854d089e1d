//! Feature extraction: every feature is a 64-bit hash of a template id and its values, folded
//! into `2^bits` buckets by the model (feature hashing: no vocabulary to store).
//!
//! Speed matters here (this is most of the entity stage's time), so each token's strings (its
//! lowercase form, shape, affixes) are hashed once per sentence into a [`TokenInfo`], and a
//! feature combines those 64-bit values with a few multiplications instead of re-reading bytes.
//! The combination is part of the model format (version 2): a model trained with other features
//! would load but predict nonsense, which is why the version number guards it.

use crate::lexicon::{DEMONYMS, ORG_WORDS, PERSON_TITLES};
use crate::tags::Tag;

/// 64-bit FNV-1a, stable across platforms and releases (part of the model format).
#[derive(Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Fnv {
    pub(crate) fn new(template: u8) -> Self {
        let mut h = Fnv(0xcbf2_9ce4_8422_2325);
        h.byte(template);
        h
    }
    pub(crate) fn byte(&mut self, b: u8) {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
    }
    pub(crate) fn bytes(&mut self, s: &[u8]) -> &mut Self {
        for &b in s {
            self.byte(b);
        }
        self.byte(0xff);
        self
    }
    pub(crate) fn finish(&self) -> u64 {
        avalanche(self.0)
    }
}

/// The final mix of MurmurHash3, so that the low bits the model keeps depend on every input bit.
#[inline]
fn avalanche(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x
}

/// Hash of a string (one token's lowercase form, shape, affix...), computed once per token.
fn text_hash(s: &str) -> u64 {
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    h.bytes(s.as_bytes());
    h.0
}

/// A feature: template `tpl` with the values `parts` (token hashes or small packed integers).
/// Each part goes through a multiply-rotate step, so the order of the parts matters.
#[inline]
fn feature(tpl: u8, parts: &[u64]) -> u64 {
    let mut h = (u64::from(tpl) + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for &p in parts {
        h = (h ^ p).wrapping_mul(0xbf58_476d_1ce4_e5b9).rotate_left(31);
    }
    avalanche(h)
}

/// Hash of a lowercased place phrase (tokens joined by one space), for the place lexicon.
pub fn phrase_hash(lower_tokens: &[&str]) -> u64 {
    let mut h = Fnv::new(250);
    for t in lower_tokens {
        h.bytes(t.as_bytes());
    }
    h.finish()
}

/// Lexicons the features consult, built once when a model loads.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lex {
    /// Sorted hashes of lowercased place phrases (from GeoNames at training time).
    pub places: Vec<u64>,
    /// Sorted [`text_hash`]es of the nationality words, person titles and organisation words.
    demonyms: Vec<u64>,
    titles: Vec<u64>,
    org: Vec<u64>,
}

fn sorted_hashes<'a>(words: impl Iterator<Item = &'a str>) -> Vec<u64> {
    let mut v: Vec<u64> = words.map(text_hash).collect();
    v.sort_unstable();
    v.dedup();
    v
}

impl Lex {
    pub(crate) fn new(mut places: Vec<u64>) -> Self {
        places.sort_unstable();
        places.dedup();
        Lex {
            places,
            demonyms: sorted_hashes(DEMONYMS.iter().map(|(w, _)| *w)),
            titles: sorted_hashes(PERSON_TITLES.iter().copied()),
            org: sorted_hashes(ORG_WORDS.iter().copied()),
        }
    }
}

/// What the features need of one token, computed once per sentence: hashes and flags only, so
/// a sentence's tokens cost one allocation, not several per token.
#[derive(Clone, Copy, Default)]
pub(crate) struct TokenInfo {
    lower: u64,
    short: u64,
    /// Starts with an uppercase letter.
    pub title: bool,
    /// Two or more letters, all uppercase.
    pub upper: bool,
    /// Starts with a lowercase letter.
    pub lower_initial: bool,
    digit: bool,
    hyphen: bool,
    dot: bool,
    demonym: bool,
    /// A person title, with or without its final dot ("Gen.", "minister").
    person_title: bool,
    org_word: bool,
    /// Position in a place-lexicon match: 0 none, 1 begin, 2 inside, 3 last, 4 unit.
    gaz: u8,
}

/// Word shape ("Xxxx", "dd-dd", runs capped at 3) and short shape (runs collapsed: "Xx", "d-d"),
/// written into the two reusable buffers.
fn shapes(w: &str, shape: &mut String, short: &mut String) {
    shape.clear();
    short.clear();
    let mut last = ' ';
    let mut run = 0;
    for c in w.chars() {
        let m = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if m == last {
            run += 1;
        } else {
            run = 1;
            short.push(m);
        }
        if run <= 3 {
            shape.push(m);
        }
        last = m;
    }
}

/// Reusable buffers for [`sentence_info`].
#[derive(Default)]
pub(crate) struct Scratch {
    lower: String,
    shape: String,
    short: String,
    /// Lowercase forms of the sentence's tokens, for the place lexicon.
    lowers: Vec<(usize, usize)>,
    all_lower: String,
}

/// `w` lowercased into `out` (ASCII without the Unicode tables).
fn lowercase_into(w: &str, out: &mut String) {
    out.clear();
    if w.is_ascii() {
        out.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.push_str(&w.to_lowercase());
    }
}

fn token_info(w: &str, lex: &Lex, s: &mut Scratch) -> TokenInfo {
    lowercase_into(w, &mut s.lower);
    shapes(w, &mut s.shape, &mut s.short);
    let lower = s.lower.as_str();
    let mut t = TokenInfo { lower: text_hash(lower), short: text_hash(&s.short), ..TokenInfo::default() };
    let mut chars = w.chars();
    let first = chars.next();
    t.title = first.is_some_and(char::is_uppercase);
    t.lower_initial = first.is_some_and(char::is_lowercase);
    let mut letters = 0;
    let mut all_upper = true;
    for c in w.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        all_upper &= c.is_uppercase();
    }
    t.upper = letters > 1 && all_upper;
    t.digit = w.bytes().any(|c| c.is_ascii_digit());
    t.hyphen = w.contains('-');
    t.dot = w.contains('.');
    let found = |set: &[u64], h: u64| set.binary_search(&h).is_ok();
    t.demonym = found(&lex.demonyms, t.lower);
    t.org_word = found(&lex.org, t.lower);
    let trimmed = lower.trim_end_matches('.');
    t.person_title = found(&lex.titles, if trimmed.len() == lower.len() { t.lower } else { text_hash(trimmed) });
    t
}

/// The facts of every token of a sentence, place-lexicon matches included.
pub(crate) fn sentence_info(words: &[&str], lex: &Lex, scratch: &mut Scratch) -> Vec<TokenInfo> {
    let mut info = Vec::with_capacity(words.len());
    scratch.all_lower.clear();
    scratch.lowers.clear();
    for w in words {
        let t = token_info(w, lex, scratch);
        let start = scratch.all_lower.len();
        scratch.all_lower.push_str(&scratch.lower);
        scratch.lowers.push((start, scratch.all_lower.len()));
        info.push(t);
    }
    mark_places(&mut info, lex, scratch);
    info
}

/// Place lexicon: longest match (up to 4 tokens) left to right, as BILU positions.
fn mark_places(info: &mut [TokenInfo], lex: &Lex, scratch: &Scratch) {
    let n = info.len();
    let mut i = 0;
    while i < n {
        let mut matched = 0;
        if info[i].title || info[i].upper {
            // `phrase_hash` of tokens i..i+len, extended one token at a time
            let mut h = Fnv::new(250);
            for (len, &(a, b)) in scratch.lowers[i..n.min(i + 4)].iter().enumerate() {
                h.bytes(&scratch.all_lower.as_bytes()[a..b]);
                if lex.places.binary_search(&h.finish()).is_ok() {
                    matched = len + 1;
                }
            }
        }
        if matched == 0 {
            i += 1;
            continue;
        }
        if matched == 1 {
            info[i].gaz = 4;
        } else {
            info[i].gaz = 1;
            for t in &mut info[i + 1..i + matched - 1] {
                t.gaz = 2;
            }
            info[i + matched - 1].gaz = 3;
        }
        i += matched;
    }
}

/// The features of token `i` (the word `word`) that do not depend on predicted tags, into `out`
/// (cleared first). The hashes only the token itself needs (the word as written, its shape and
/// affixes) are computed here, so tokens the model never scores never pay for them.
pub(crate) fn static_features(i: usize, word: &str, info: &[TokenInfo], scratch: &mut Scratch, out: &mut Vec<u64>) {
    out.clear();
    let n = info.len();
    let none = TokenInfo { lower: text_hash(""), short: text_hash(""), ..TokenInfo::default() };
    let at = |k: isize| -> TokenInfo {
        if k < 0 || k as usize >= n {
            none
        } else {
            info[k as usize]
        }
    };
    let t = info[i];
    let ii = i as isize;
    let b = u64::from;
    out.push(feature(0, &[]));
    out.push(feature(1, &[t.lower]));
    out.push(feature(2, &[text_hash(word)]));
    lowercase_into(word, &mut scratch.lower);
    shapes(word, &mut scratch.shape, &mut scratch.short);
    out.push(feature(3, &[text_hash(&scratch.shape)]));
    out.push(feature(4, &[t.short]));
    let lower = scratch.lower.as_str();
    // prefixes of 1..=3 characters and suffixes of 1..=4, as many as the word has
    let ends = lower.char_indices().map(|(k, _)| k).skip(1).chain(std::iter::once(lower.len()));
    for (k, end) in ends.take(3).enumerate() {
        out.push(feature(6 + k as u8, &[text_hash(&lower[..end])]));
    }
    for (k, (start, _)) in lower.char_indices().rev().take(4).enumerate() {
        out.push(feature(11 + k as u8, &[text_hash(&lower[start..])]));
    }
    let first = b(i == 0);
    let flags = first | b(t.title) << 1 | b(t.upper) << 2 | b(t.digit) << 3 | b(t.hyphen) << 4 | b(t.dot) << 5;
    out.push(feature(20, &[flags]));
    out.push(feature(21, &[first | b(t.title) << 1]));
    let (p1, p2, n1, n2) = (at(ii - 1), at(ii - 2), at(ii + 1), at(ii + 2));
    out.push(feature(22, &[p1.lower]));
    out.push(feature(23, &[p2.lower]));
    out.push(feature(24, &[n1.lower]));
    out.push(feature(25, &[n2.lower]));
    out.push(feature(26, &[p1.short]));
    out.push(feature(27, &[n1.short]));
    out.push(feature(28, &[p1.short, t.short, n1.short]));
    out.push(feature(29, &[p1.lower, t.short]));
    out.push(feature(30, &[t.short, n1.lower]));
    out.push(feature(31, &[p1.lower, t.lower]));
    out.push(feature(32, &[t.lower, n1.lower]));
    out.push(feature(33, &[p2.lower, p1.lower, t.short]));
    // lexicons
    let g = u64::from(t.gaz);
    out.push(feature(40, &[g << 1 | b(t.title)]));
    out.push(feature(41, &[u64::from(n1.gaz) << 8 | g]));
    if i > 0 {
        out.push(feature(42, &[u64::from(p1.gaz) << 8 | g]));
    }
    out.push(feature(43, &[b(t.demonym) << 1 | b(t.title)]));
    out.push(feature(44, &[b(p1.person_title) << 1 | b(t.title)]));
    out.push(feature(45, &[b(t.person_title)]));
    out.push(feature(46, &[b(t.org_word) << 1 | b(t.title)]));
    let org_ahead = (1..=3).any(|k| {
        let x = at(ii + k);
        x.title && x.org_word
    });
    out.push(feature(47, &[b(org_ahead) << 1 | b(t.title)]));
    // capitalised neighbourhood
    out.push(feature(48, &[b(p1.title) << 2 | b(t.title) << 1 | b(n1.title)]));
}

/// Features that depend on the tags already predicted to the left.
pub(crate) fn dynamic_features(i: usize, prev: Tag, prev2: Tag, info: &[TokenInfo], out: &mut Vec<u64>) {
    out.clear();
    let t = &info[i];
    let p = u64::from(prev.0);
    out.push(feature(60, &[p]));
    out.push(feature(61, &[u64::from(prev2.0) << 8 | p]));
    out.push(feature(62, &[p, t.lower]));
    out.push(feature(63, &[p, t.short]));
}
