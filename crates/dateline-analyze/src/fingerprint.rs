//! Near-duplicate fingerprints: word shingles and their MinHash signature.
//!
//! A republished wire story keeps most of its sentences word for word while the republisher
//! changes the byline, the dateline credit, the house style ("U.S."/"US", "per cent"/"%") and the
//! boilerplate around it. So the fingerprint looks at words, not bytes:
//!
//! - **Normalised words**: runs of letters and digits, lower-cased; a `.` or apostrophe *inside* a
//!   word joins rather than splits (`U.S.` = `US`, `Russia's` = `Russias`), `%` is the word
//!   `percent` and `per cent` is one word, so house-style edits do not break shingles. All other
//!   punctuation separates words and is otherwise ignored.
//! - **What is left out**: the dateline (its credit is exactly what copies change, and the store
//!   names the origin from it separately) and boilerplate lines (copyright, "follow us", "related
//!   topics", …) recognised by their opening words. Lines that recur across a whole site need a
//!   corpus to be seen and are the store's business, not this per-article stage's.
//! - **Shingles**: every run of [`SHINGLE_WORDS`] consecutive words *within a paragraph* (a line),
//!   hashed with xxh3 over the words' own xxh3 hashes (no string is built per shingle); a shorter
//!   paragraph is one shingle. Shingles do not cross paragraphs because paragraphs are what
//!   republishers drop and reorder: dropping one removes only its own shingles, instead of also
//!   minting new ones across the gap (which cost a short article 10% of its containment).
//! - **MinHash**: [`NUM_PERM`] hash functions `h_i(x) = ((a_i·x + b_i) mod 2^64) >> 32`
//!   (multiply-add-shift over the 64-bit shingle hash), with fixed seeds, so a signature means the same in every run
//!   and every version of this crate that keeps [`FINGERPRINT_VERSION`].
//!
//! The exact shingle set ([`Shingles`]) is what the store confirms candidates with (Jaccard, and
//! containment so that a shortened copy still joins); the signature only finds the candidates.

use std::ops::Range;

use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

use crate::{Fingerprint, Span};

/// Words per shingle. Five is datasketch's usual choice and the peer benchmark's; short enough that
/// one edited word spoils only five shingles, long enough that unrelated articles share few.
pub const SHINGLE_WORDS: usize = 5;

/// Hash functions in a signature: the standard error of an estimated Jaccard is about
/// `sqrt(J(1-J)/128)`, 0.035 at J = 0.8.
pub const NUM_PERM: usize = 128;

/// Bumped whenever normalisation, shingling or seeds change, since signatures would no longer
/// compare. Stored nowhere yet; the base64 length guards against other sizes.
pub const FINGERPRINT_VERSION: u32 = 2;

// `BOILERPLATE_OPENINGS`: resources/lexicon/en/fingerprint/boilerplate-openings.txt
use dateline_lexicon::en::fingerprint::BOILERPLATE_OPENINGS;

/// Boilerplate lines are short; a long paragraph that happens to open with "Copyright" is text.
const MAX_BOILERPLATE_LINE: usize = 200;

/// The multipliers `a_i` (odd) and offsets `b_i` of the hash functions: splitmix64 from a fixed
/// start.
const PERM_A: [u64; NUM_PERM] = make_seeds(0x6461_7465_6c69_6e65, true); // "dateline"
const PERM_B: [u64; NUM_PERM] = make_seeds(0x6d69_6e68_6173_6821, false); // "minhash!"

const fn make_seeds(start: u64, odd: bool) -> [u64; NUM_PERM] {
    let mut out = [0u64; NUM_PERM];
    let mut state = start;
    let mut i = 0;
    while i < NUM_PERM {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        out[i] = if odd { splitmix(state) | 1 } else { splitmix(state) };
        i += 1;
    }
    out
}

const fn splitmix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A MinHash signature: for each hash function, the least value over the article's shingles.
/// An empty text has the all-`u32::MAX` signature, which matches nothing.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Signature(pub [u32; NUM_PERM]);

impl Signature {
    /// The fraction of hash functions on which two signatures agree: an unbiased estimate of the
    /// Jaccard similarity of the two shingle sets. Two empty texts are not similar (0.0).
    pub fn jaccard(&self, other: &Signature) -> f64 {
        if self.is_empty() || other.is_empty() {
            return 0.0;
        }
        let same = self.0.iter().zip(other.0.iter()).filter(|(a, b)| a == b).count();
        same as f64 / NUM_PERM as f64
    }

    /// True for the signature of a text without words.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|&v| v == u32::MAX)
    }

    /// The signature as the record carries it: the values little-endian, base64 (684 characters).
    pub fn to_base64(&self) -> String {
        let mut bytes = Vec::with_capacity(NUM_PERM * 4);
        for v in &self.0 {
            bytes.extend_from_slice(&v.to_le_bytes());
        }
        base64::encode(&bytes)
    }

    /// Reads [`Signature::to_base64`]'s output back; `None` for anything else (other lengths,
    /// other alphabets), so a record from another fingerprint scheme is recomputed, not trusted.
    pub fn from_base64(s: &str) -> Option<Signature> {
        let bytes = base64::decode(s)?;
        if bytes.len() != NUM_PERM * 4 {
            return None;
        }
        let mut out = [0u32; NUM_PERM];
        for (slot, chunk) in out.iter_mut().zip(bytes.chunks_exact(4)) {
            *slot = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        }
        Some(Signature(out))
    }
}

/// The distinct shingle hashes of one text, sorted: the exact set that candidates are confirmed
/// with.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Shingles(Vec<u64>);

impl Shingles {
    /// The shingles of `text`, leaving out the bytes in `exclude` (the dateline) and boilerplate
    /// lines. `exclude` is clamped to the text and ignored off char boundaries.
    pub fn of(text: &str, exclude: Option<Range<usize>>) -> Shingles {
        let mut shingler = Shingler::default();
        let mut set = shingler.shingle(text, exclude).to_vec();
        set.sort_unstable();
        set.dedup();
        Shingles(set)
    }

    /// The sorted, distinct hashes.
    pub fn as_slice(&self) -> &[u64] {
        &self.0
    }

    /// Number of distinct shingles.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when the text had no words.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The MinHash signature of the set.
    pub fn signature(&self) -> Signature {
        minhash(&self.0)
    }

    /// How many shingles the two sets share.
    pub fn intersection(&self, other: &Shingles) -> usize {
        let (mut i, mut j, mut n) = (0, 0, 0);
        let (a, b) = (&self.0, &other.0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    n += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        n
    }

    /// Exact similarity of the two sets: Jaccard, and containment of the smaller in the larger.
    pub fn similarity(&self, other: &Shingles) -> Similarity {
        let inter = self.intersection(other);
        let union = self.len() + other.len() - inter;
        let smaller = self.len().min(other.len());
        let ratio = |n: usize, d: usize| if d == 0 { 0.0 } else { n as f64 / d as f64 };
        Similarity { jaccard: ratio(inter, union), containment: ratio(inter, smaller) }
    }
}

/// How alike two shingle sets are.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Similarity {
    /// |A ∩ B| / |A ∪ B|.
    pub jaccard: f64,
    /// |A ∩ B| / min(|A|, |B|): 1.0 when one is a shortened copy of the other.
    pub containment: f64,
}

/// Reusable buffers for shingling many texts without allocating per text (the benchmark and bulk
/// paths); [`Shingles::of`] is the convenient form.
#[derive(Debug, Default)]
pub struct Shingler {
    word: String,
    words: Vec<u64>,
    shingles: Vec<u64>,
}

impl Shingler {
    /// The shingle hashes of `text` in text order (with repeats); see [`Shingles::of`].
    pub fn shingle(&mut self, text: &str, exclude: Option<Range<usize>>) -> &[u64] {
        self.words.clear();
        self.shingles.clear();
        let exclude = exclude.filter(|r| r.start <= r.end && text.is_char_boundary(r.start.min(text.len())));
        let (head, tail) = match exclude {
            Some(r) if text.is_char_boundary(r.end.min(text.len())) => {
                (&text[..r.start.min(text.len())], &text[r.end.min(text.len())..])
            }
            _ => (text, ""),
        };
        for part in [head, tail] {
            for line in part.split('\n') {
                if is_boilerplate(line) {
                    continue;
                }
                self.words.clear();
                self.words_of(line);
                merge_per_cent(&mut self.words);
                let words = &self.words;
                if words.len() < SHINGLE_WORDS {
                    if !words.is_empty() {
                        self.shingles.push(shingle_hash(words));
                    }
                } else {
                    self.shingles.extend(words.windows(SHINGLE_WORDS).map(shingle_hash));
                }
            }
        }
        &self.shingles
    }

    /// Appends the hashes of the normalised words of `line` to `self.words`.
    fn words_of(&mut self, line: &str) {
        let mut chars = line.chars().peekable();
        self.word.clear();
        let mut prev_alnum = false;
        while let Some(c) = chars.next() {
            // ASCII first: `char::to_lowercase` walks Unicode tables and was a tenth of the time.
            if c.is_ascii_alphanumeric() {
                self.word.push(c.to_ascii_lowercase());
                prev_alnum = true;
                continue;
            }
            if !c.is_ascii() && c.is_alphanumeric() {
                self.word.extend(c.to_lowercase());
                prev_alnum = true;
                continue;
            }
            // A joiner between two word characters keeps the word going: U.S., Russia's, 2.5.
            let joiner = matches!(c, '.' | '\'' | '\u{2019}');
            if joiner && prev_alnum && chars.peek().is_some_and(|n| n.is_alphanumeric()) {
                continue;
            }
            prev_alnum = false;
            if !self.word.is_empty() {
                self.words.push(xxh3_64(self.word.as_bytes()));
                self.word.clear();
            }
            if c == '%' {
                self.words.push(*PERCENT);
            }
        }
        if !self.word.is_empty() {
            self.words.push(xxh3_64(self.word.as_bytes()));
            self.word.clear();
        }
    }
}

/// Hash of the word "percent", which `%` and "per cent" become.
static PERCENT: std::sync::LazyLock<u64> = std::sync::LazyLock::new(|| xxh3_64(b"percent"));

/// Replaces the two words "per cent" by the one word "percent", in place.
fn merge_per_cent(words: &mut Vec<u64>) {
    let per = xxh3_64(b"per");
    let cent = xxh3_64(b"cent");
    if !words.windows(2).any(|w| w[0] == per && w[1] == cent) {
        return;
    }
    let mut out = 0;
    let mut i = 0;
    while i < words.len() {
        if words[i] == per && words.get(i + 1) == Some(&cent) {
            words[out] = *PERCENT;
            i += 2;
        } else {
            words[out] = words[i];
            i += 1;
        }
        out += 1;
    }
    words.truncate(out);
}

/// One shingle's hash: xxh3 over its words' hashes, with no string built.
fn shingle_hash(words: &[u64]) -> u64 {
    let mut buf = [0u8; 8 * SHINGLE_WORDS];
    for (slot, w) in buf.chunks_exact_mut(8).zip(words) {
        slot.copy_from_slice(&w.to_le_bytes());
    }
    xxh3_64_with_seed(&buf[..8 * words.len().min(SHINGLE_WORDS)], 0x5348_494e)
}

/// True for a line that is boilerplate around a story rather than part of it: a short line opening
/// with one of the known openings (copyright, follow and share prompts, registration walls,
/// newsletter prompts). Shared by the shingles and the store's story evidence.
pub fn is_boilerplate(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() || line.len() > MAX_BOILERPLATE_LINE {
        return false;
    }
    // Most lines open with ASCII: compared in place, without building a lowercase copy (this
    // runs for every line of hard-wrapped text).
    let ascii_head = line.bytes().take(24).all(|b| b.is_ascii());
    if ascii_head {
        return BOILERPLATE_OPENINGS.has_prefix_of_ignore_ascii_case(line.as_bytes());
    }
    let head: String = line.chars().take(24).flat_map(char::to_lowercase).collect();
    BOILERPLATE_OPENINGS.has_prefix_of(&head)
}

/// The MinHash signature of a set (or multiset) of shingle hashes.
pub fn minhash(shingles: &[u64]) -> Signature {
    // Hash function `i` is multiply-add-shift on the full 64-bit shingle hash: `(a_i·x + b_i)
    // mod 2^64`, top 32 bits. The product must wrap: with a 32-bit multiplier on a 32-bit key it
    // would not, the functions would keep the order of the inputs, and all would pick nearly the
    // same minimum (an estimated 0.5 for a true Jaccard of 0.92, before this was fixed).
    //
    // The top 32 bits of the least 64-bit value are the least of the top 32 bits (the shift keeps
    // the order), so the minimum is taken on the full products and shifted once at the end; and
    // each function runs over all shingles with its seeds held in registers.
    let mut sig = [u32::MAX; NUM_PERM];
    for ((slot, &a), &b) in sig.iter_mut().zip(PERM_A.iter()).zip(PERM_B.iter()) {
        let least = shingles.iter().map(|&x| a.wrapping_mul(x).wrapping_add(b)).fold(u64::MAX, u64::min);
        *slot = (least >> 32) as u32;
    }
    Signature(sig)
}

/// The signature of `text` as a whole (no dateline left out).
pub fn signature(text: &str) -> Signature {
    Shingler::default().signature(text, None)
}

impl Shingler {
    /// The signature of `text` less `exclude`, reusing this shingler's buffers.
    pub fn signature(&mut self, text: &str, exclude: Option<Range<usize>>) -> Signature {
        minhash(self.shingle(text, exclude))
    }
}

/// The record's fingerprint of an article body, leaving out its dateline span.
pub fn fingerprint(text: &str, dateline: Option<Span>) -> Fingerprint {
    let exclude = dateline.map(|s| s.0..s.1);
    Fingerprint { minhash: Shingler::default().signature(text, exclude).to_base64() }
}

/// Standard base64 with padding: 30 lines instead of a dependency for one fixed-size field.
mod base64 {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    pub fn encode(bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let b = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            for k in 0..4 {
                if k <= chunk.len() {
                    out.push(char::from(ALPHABET[((n >> (18 - 6 * k)) & 63) as usize]));
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    pub fn decode(s: &str) -> Option<Vec<u8>> {
        let s = s.as_bytes();
        if !s.len().is_multiple_of(4) {
            return None;
        }
        let mut out = Vec::with_capacity(s.len() / 4 * 3);
        for chunk in s.chunks_exact(4) {
            let mut n = 0u32;
            let mut pad = 0;
            for &c in chunk {
                let v = match c {
                    b'A'..=b'Z' => c - b'A',
                    b'a'..=b'z' => c - b'a' + 26,
                    b'0'..=b'9' => c - b'0' + 52,
                    b'+' => 62,
                    b'/' => 63,
                    b'=' => {
                        pad += 1;
                        0
                    }
                    _ => return None,
                };
                if pad > 0 && c != b'=' {
                    return None;
                }
                n = (n << 6) | u32::from(v);
            }
            let bytes = n.to_be_bytes();
            out.extend_from_slice(&bytes[1..4 - pad.min(2)]);
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<u64> {
        let mut s = Shingler::default();
        s.words.clear();
        s.words_of(text);
        merge_per_cent(&mut s.words);
        s.words
    }

    #[test]
    fn house_style_does_not_change_words() {
        assert_eq!(words("the U.S. said 80 per cent"), words("The US said 80%"));
        assert_eq!(words("Russia's grain"), words("russias GRAIN"));
        assert_ne!(words("grain harvest"), words("grain harvests"));
    }

    #[test]
    fn identical_text_identical_signature_and_edits_lower_it() {
        let a = "one two three four five six seven eight nine ten eleven twelve";
        let b = "one two three four five six seven eight nine ten eleven dozen";
        assert_eq!(signature(a), signature(a));
        let j = signature(a).jaccard(&signature(b));
        assert!(j < 1.0 && j > 0.5, "{j}");
    }

    #[test]
    fn dateline_and_boilerplate_are_left_out() {
        let body = "Russia's grain harvest could reach 130 million tonnes, the minister said.";
        let a = format!("MOSCOW (TASS) {body}\n\nCopyright 2023 Example Network. All rights reserved.");
        let b = format!("MOSCOW (Interfax) {body}\n\nFollow us on Twitter.");
        let sa = Shingles::of(&a, Some(0..13));
        let sb = Shingles::of(&b, Some(0..17));
        assert_eq!(sa, sb);
        assert_eq!(sa, Shingles::of(body, None));
    }

    #[test]
    fn containment_sees_a_shortened_copy() {
        let long = (0..200).map(|i| format!("w{i}")).collect::<Vec<_>>().join(" ");
        let short = (0..100).map(|i| format!("w{i}")).collect::<Vec<_>>().join(" ");
        let sim = Shingles::of(&long, None).similarity(&Shingles::of(&short, None));
        assert_eq!(sim.containment, 1.0);
        assert!(sim.jaccard < 0.55);
    }

    #[test]
    fn base64_round_trips_and_rejects_garbage() {
        let sig = signature("some words for a signature here and there");
        let b64 = sig.to_base64();
        assert_eq!(b64.len(), 684);
        assert_eq!(Signature::from_base64(&b64), Some(sig));
        assert_eq!(Signature::from_base64("AAECAwQFBgc="), None);
        assert_eq!(Signature::from_base64("not base64!"), None);
        assert_eq!(base64::encode(b"ab"), "YWI=");
        assert_eq!(base64::decode("YWI="), Some(b"ab".to_vec()));
    }

    #[test]
    fn empty_text_matches_nothing() {
        let e = signature("");
        assert!(e.is_empty());
        assert_eq!(e.jaccard(&e), 0.0);
        assert!(Shingles::of(" ... ", None).is_empty());
    }

    #[test]
    fn exclusion_off_a_char_boundary_is_ignored() {
        assert_eq!(Shingles::of("é words here", Some(1..2)), Shingles::of("é words here", None));
        assert_eq!(Shingles::of("short", Some(3..99)), Shingles::of("sho", None));
    }
}
