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
pub(crate) struct Fnv(pub(crate) u64);

impl Fnv {
    /// The FNV-1a offset basis: the hash of nothing.
    pub(crate) const fn start() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    pub(crate) fn new(template: u8) -> Self {
        let mut h = Fnv::start();
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
    let mut h = Fnv::start();
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
    /// Sorted hashes of lowercased place phrases (from GeoNames at training time). Read-only
    /// after [`Lex::new`], which builds its prefilter from it.
    pub places: Vec<u64>,
    /// The [`text_hash`]es of the nationality words, person titles and organisation words,
    /// sorted and distinct, each with the lexicons it is in ([`DEMONYM`], [`TITLE`], [`ORG`]):
    /// one search per token instead of one per lexicon.
    words: Vec<(u64, u8)>,
    /// Word clusters (GloVe 6B 50d k-means, see `scripts/build_word_clusters.py`): the
    /// [`cluster_key`]s of lowercased words, sorted, and beside each its code (fine cluster in
    /// the low 10 bits, coarse cluster above).
    pub cluster_keys: Vec<u32>,
    pub cluster_codes: Vec<u16>,
    /// The same clusters as an open-addressing table of `(key, code + 1)` (0: an empty slot)
    /// with at least twice as many slots as keys: a token costs one or two probes instead of a
    /// binary search over 100,000 keys (the keys are hash bits already, so they spread evenly).
    cluster_slots: Vec<(u32, u32)>,
    /// The same place hashes as an open-addressing table (0: an empty slot; a zero hash is
    /// `place_zero`), at most half full: one or two probes instead of a binary search over
    /// 71,000 hashes, for every capitalised token and each of the three tokens after it.
    place_slots: Vec<u64>,
    place_zero: bool,
    /// Prefilters of `places` and `words`.
    places_filter: Prefilter,
    words_filter: Prefilter,
}

/// A bitmap over the low bits of a set of hashes: a clear bit proves a hash absent, which
/// spares most tokens the binary search (few are in any lexicon).
#[derive(Debug, Clone, Default)]
struct Prefilter {
    bits: Vec<u64>,
}

impl Prefilter {
    /// A filter of `2^log2_bits` bits over `hashes`.
    fn new(hashes: impl Iterator<Item = u64>, log2_bits: u32) -> Self {
        let mut bits = vec![0u64; 1 << (log2_bits - 6)];
        let mask = (1u64 << log2_bits) - 1;
        for h in hashes {
            let b = h & mask;
            bits[(b >> 6) as usize] |= 1 << (b & 63);
        }
        Prefilter { bits }
    }

    /// False only when `h` is surely not in the set (true for an empty filter).
    fn may_contain(&self, h: u64) -> bool {
        if self.bits.is_empty() {
            return true;
        }
        let b = h & ((self.bits.len() as u64) * 64 - 1);
        self.bits[(b >> 6) as usize] & (1 << (b & 63)) != 0
    }
}

/// The fine and coarse cluster of a word not in the cluster list.
const NO_FINE: u16 = 1024;
const NO_COARSE: u8 = 64;

/// The 32-bit key of a lowercase word's [`text_hash`] in the cluster table.
fn cluster_key(h: u64) -> u32 {
    (avalanche(h) >> 32) as u32
}

/// Cluster table entries for (lowercase word, fine cluster < 1024, coarse cluster < 64), in the
/// order given (the first of two words with the same key wins).
pub fn cluster_entries<'a>(words: impl IntoIterator<Item = (&'a str, u16, u8)>) -> Vec<(u32, u16)> {
    let mut out: Vec<(u32, u16, usize)> = words
        .into_iter()
        .enumerate()
        .filter(|(_, (_, f, c))| *f < NO_FINE && *c < NO_COARSE)
        .map(|(i, (w, f, c))| (cluster_key(text_hash(w)), f | u16::from(c) << 10, i))
        .collect();
    out.sort_by_key(|e| (e.0, e.2));
    out.dedup_by_key(|e| e.0);
    out.into_iter().map(|(k, c, _)| (k, c)).collect()
}

/// Lexicon flags of [`Lex::words`].
const DEMONYM: u8 = 1;
const TITLE: u8 = 2;
const ORG: u8 = 4;

/// The entries of [`Lex::words`]: each hash once, with the flags of every lexicon that has it.
fn word_flags() -> Vec<(u64, u8)> {
    let demonyms = DEMONYMS.iter().map(|(w, _)| (text_hash(w), DEMONYM));
    let titles = PERSON_TITLES.iter().map(|w| (text_hash(w), TITLE));
    let org = ORG_WORDS.iter().map(|w| (text_hash(w), ORG));
    let mut all: Vec<(u64, u8)> = demonyms.chain(titles).chain(org).collect();
    all.sort_unstable();
    let mut out: Vec<(u64, u8)> = Vec::with_capacity(all.len());
    for (h, f) in all {
        match out.last_mut() {
            Some(last) if last.0 == h => last.1 |= f,
            _ => out.push((h, f)),
        }
    }
    out
}

impl Lex {
    pub(crate) fn new(mut places: Vec<u64>, mut clusters: Vec<(u32, u16)>) -> Self {
        places.sort_unstable();
        places.dedup();
        clusters.sort_unstable();
        // one code per key (a rare 32-bit collision keeps the more frequent word's, listed first
        // by the builder: `cluster_entries` keeps the first)
        clusters.dedup_by_key(|e| e.0);
        let (cluster_keys, cluster_codes): (Vec<u32>, Vec<u16>) = clusters.into_iter().unzip();
        let mut cluster_slots = vec![(0u32, 0u32); (2 * cluster_keys.len()).next_power_of_two()];
        let mask = cluster_slots.len() - 1;
        for (&key, &code) in cluster_keys.iter().zip(&cluster_codes) {
            let mut i = key as usize & mask;
            while cluster_slots[i].1 != 0 {
                i = (i + 1) & mask;
            }
            cluster_slots[i] = (key, u32::from(code) + 1);
        }
        let words = word_flags();
        // Some ten bits per entry or more (71,000 places, 450 words): about one absent hash in
        // ten or fewer goes on to the search.
        let places_filter = Prefilter::new(places.iter().copied(), 20);
        let words_filter = Prefilter::new(words.iter().map(|&(h, _)| h), 12);
        let mut place_slots = vec![0u64; (2 * places.len()).next_power_of_two()];
        let mask = place_slots.len() - 1;
        for &h in places.iter().filter(|&&h| h != 0) {
            let mut i = (h >> 40) as usize & mask;
            while place_slots[i] != 0 {
                i = (i + 1) & mask;
            }
            place_slots[i] = h;
        }
        let place_zero = places.first() == Some(&0);
        Lex {
            places,
            words,
            cluster_keys,
            cluster_codes,
            cluster_slots,
            place_slots,
            place_zero,
            places_filter,
            words_filter,
        }
    }

    /// The lexicon flags of the word whose [`text_hash`] is `h` (0 when in none).
    fn flags(&self, h: u64) -> u8 {
        if !self.words_filter.may_contain(h) {
            return 0;
        }
        self.words.binary_search_by_key(&h, |&(w, _)| w).map_or(0, |k| self.words[k].1)
    }

    /// The (fine, coarse) clusters of the word whose lowercase [`text_hash`] is `h`
    /// ([`NO_FINE`], [`NO_COARSE`] when the word is not in the cluster list).
    fn cluster(&self, h: u64) -> (u16, u8) {
        let key = cluster_key(h);
        let Some(mask) = self.cluster_slots.len().checked_sub(1) else { return (NO_FINE, NO_COARSE) };
        let mut i = key as usize & mask;
        loop {
            match self.cluster_slots[i] {
                (_, 0) => return (NO_FINE, NO_COARSE),
                (k, c) if k == key => {
                    let c = (c - 1) as u16;
                    return (c & 0x3ff, (c >> 10) as u8);
                }
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// Whether `h` is the [`phrase_hash`] of a place.
    fn is_place(&self, h: u64) -> bool {
        if h == 0 {
            return self.place_zero;
        }
        if !self.places_filter.may_contain(h) {
            return false;
        }
        // The prefilter read the low bits; the table's slot comes from high ones.
        let mask = self.place_slots.len() - 1;
        let mut i = (h >> 40) as usize & mask;
        loop {
            match self.place_slots[i] {
                0 => return false,
                x if x == h => return true,
                _ => i = (i + 1) & mask,
            }
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
    /// Has no letter and no digit (punctuation, symbols): like a lowercase word, such a token
    /// is scored only when it may continue an entity ("AT & T").
    pub no_alnum: bool,
    /// Every field is filled in, not only those of [`surface_info`].
    complete: bool,
    digit: bool,
    hyphen: bool,
    dot: bool,
    demonym: bool,
    /// A person title, with or without its final dot ("Gen.", "minister").
    person_title: bool,
    org_word: bool,
    /// Position in a place-lexicon match: 0 none, 1 begin, 2 inside, 3 last, 4 unit.
    gaz: u8,
    /// Word clusters (`NO_FINE` / `NO_COARSE` when unknown).
    fine: u16,
    coarse: u8,
}

/// The shape class of a character: `X` uppercase, `x` lowercase, `d` numeric, else itself.
fn shape_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

/// [`shape_class`] of an ASCII character.
fn ascii_shape_class(b: u8) -> u8 {
    if b.is_ascii_uppercase() {
        b'X'
    } else if b.is_ascii_lowercase() {
        b'x'
    } else if b.is_ascii_digit() {
        b'd'
    } else {
        b
    }
}

/// The [`text_hash`] of the word shape ("Xxxx", "dd-dd": classes, runs capped at 3), hashed as
/// the classes come instead of being written out first.
fn shape_hash(w: &str) -> u64 {
    let mut h = Fnv::start();
    let mut last = ' ';
    let mut run = 0;
    for m in w.chars().map(shape_class) {
        run = if m == last { run + 1 } else { 1 };
        if run <= 3 {
            for &b in m.encode_utf8(&mut [0u8; 4]).as_bytes() {
                h.byte(b);
            }
        }
        last = m;
    }
    h.byte(0xff);
    h.0
}

/// The [`text_hash`] of the short shape ("Xx", "d-d": classes, runs collapsed), hashed as the
/// classes come instead of being written out first.
fn short_hash(w: &str) -> u64 {
    let mut h = Fnv::start();
    let mut last = ' ';
    for m in w.chars().map(shape_class) {
        if m != last {
            for &b in m.encode_utf8(&mut [0u8; 4]).as_bytes() {
                h.byte(b);
            }
        }
        last = m;
    }
    h.byte(0xff);
    h.0
}

/// Reusable buffers for [`sentence_info`].
#[derive(Default)]
pub(crate) struct Scratch {
    /// Where each token's lowercase form lies in `all_lower`, for the place lexicon and the
    /// affix features.
    lowers: Vec<(usize, usize)>,
    /// The lowercase forms of the sentence's tokens, one after another.
    all_lower: String,
}

impl Scratch {
    /// The lowercase form of token `i` of the sentence [`sentence_info`] last read.
    pub(crate) fn lower(&self, i: usize) -> &str {
        let (a, z) = self.lowers[i];
        &self.all_lower[a..z]
    }
}

/// `w` lowercased (ASCII without the Unicode tables), appended to `out`.
fn push_lowercase(w: &str, out: &mut String) {
    if w.is_ascii() {
        let start = out.len();
        out.push_str(w);
        out[start..].make_ascii_lowercase();
    } else {
        out.push_str(&w.to_lowercase());
    }
}

/// The facts of token `w`, whose lowercase form is `lower`.
fn token_info(w: &str, lower: &str, lex: &Lex) -> TokenInfo {
    let mut t = TokenInfo { lower: text_hash(lower), complete: true, ..TokenInfo::default() };
    (t.fine, t.coarse) = lex.cluster(t.lower);
    let first = w.chars().next();
    t.title = first.is_some_and(char::is_uppercase);
    t.lower_initial = first.is_some_and(char::is_lowercase);
    if w.is_ascii() {
        ascii_shape_facts(w, &mut t);
    } else {
        t.short = short_hash(w);
        t.upper = all_caps(w);
        t.no_alnum = !w.chars().any(char::is_alphanumeric);
        for b in w.bytes() {
            t.digit |= b.is_ascii_digit();
            t.hyphen |= b == b'-';
            t.dot |= b == b'.';
        }
    }
    let flags = lex.flags(t.lower);
    t.demonym = flags & DEMONYM != 0;
    t.org_word = flags & ORG != 0;
    let trimmed = lower.trim_end_matches('.');
    let title_flags = if trimmed.len() == lower.len() { flags } else { lex.flags(text_hash(trimmed)) };
    t.person_title = title_flags & TITLE != 0;
    t
}

/// Two or more letters, all uppercase.
fn all_caps(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic());
    let (letters, all_upper) = letters.fold((0, true), |(n, up), c| (n + 1, up && c.is_uppercase()));
    letters > 1 && all_upper
}

/// For an ASCII word (nearly all of them), in one pass over its bytes: what [`short_hash`],
/// [`all_caps`] and the digit, hyphen and dot tests give for any word. For ASCII the Unicode
/// classes are the ASCII ones and a shape class is one byte.
fn ascii_shape_facts(w: &str, t: &mut TokenInfo) {
    let mut short = Fnv::start();
    let mut last = b' ';
    let (mut letters, mut all_upper, mut alnum) = (0, true, false);
    for b in w.bytes() {
        alnum |= b.is_ascii_alphanumeric();
        let m = ascii_shape_class(b);
        if m != last {
            short.byte(m);
        }
        last = m;
        if b.is_ascii_alphabetic() {
            letters += 1;
            all_upper &= b.is_ascii_uppercase();
        }
        t.digit |= b.is_ascii_digit();
        t.hyphen |= b == b'-';
        t.dot |= b == b'.';
    }
    short.byte(0xff);
    t.short = short.0;
    t.upper = letters > 1 && all_upper;
    t.no_alnum = !alnum;
}

/// The facts of every token of a sentence, place-lexicon matches included.
pub(crate) fn sentence_info(words: &[&str], lex: &Lex, scratch: &mut Scratch) -> Vec<TokenInfo> {
    let mut info = surface_pass(words, scratch);
    for (k, t) in info.iter_mut().enumerate() {
        complete(t, words[k], scratch.lower(k), lex);
    }
    mark_places(&mut info, lex, scratch);
    info
}

/// What tagging needs of a sentence: [`sentence_info`] in full for the tokens the model may
/// score and their neighbours, and for every other token only what its neighbours' features read
/// of it (whether it is capitalised, lowercase or punctuation). Most tokens of news are
/// lowercase words far from any name; they are never scored, so their hashes and word clusters
/// (a cache miss each) are not computed. [`complete_window`] fills in the rest around a token
/// scored after all (a lowercase word continuing an entity).
pub(crate) fn sentence_info_for_tagging(words: &[&str], lex: &Lex, scratch: &mut Scratch) -> Vec<TokenInfo> {
    let mut info = surface_pass(words, scratch);
    for i in 0..info.len() {
        if may_score(&info[i]) {
            complete_window(&mut info, i, words, lex, scratch);
        }
    }
    mark_places(&mut info, lex, scratch);
    info
}

/// Lowercases the sentence's tokens into `scratch` (where the place lexicon and the affix
/// features read them) and returns each token's [`surface_info`].
fn surface_pass(words: &[&str], scratch: &mut Scratch) -> Vec<TokenInfo> {
    scratch.all_lower.clear();
    scratch.lowers.clear();
    words
        .iter()
        .map(|w| {
            let start = scratch.all_lower.len();
            push_lowercase(w, &mut scratch.all_lower);
            scratch.lowers.push((start, scratch.all_lower.len()));
            surface_info(w)
        })
        .collect()
}

/// How far the features of a token read its neighbours' hashes and clusters (the look-ahead of
/// feature 47 reads only whether a word is capitalised, which every token has).
const CONTEXT: usize = 2;

/// Whether the model scores this token even outside an entity (see `Model::skip_lowercase`).
pub(crate) fn may_score(t: &TokenInfo) -> bool {
    !t.lower_initial && !t.no_alnum
}

/// Completes the tokens around token `i` (see [`sentence_info_for_tagging`]).
pub(crate) fn complete_window(info: &mut [TokenInfo], i: usize, words: &[&str], lex: &Lex, scratch: &Scratch) {
    for k in i.saturating_sub(CONTEXT)..info.len().min(i + CONTEXT + 1) {
        complete(&mut info[k], words[k], scratch.lower(k), lex);
    }
}

/// What the first character says: capitalised, lowercase, no letter or digit at all.
fn surface_info(w: &str) -> TokenInfo {
    let first = w.chars().next();
    let no_alnum = if w.is_ascii() {
        !w.bytes().any(|b| b.is_ascii_alphanumeric())
    } else {
        !w.chars().any(char::is_alphanumeric)
    };
    TokenInfo {
        title: first.is_some_and(char::is_uppercase),
        lower_initial: first.is_some_and(char::is_lowercase),
        no_alnum,
        ..TokenInfo::default()
    }
}

/// Fills in every fact of a token [`surface_info`] left out (its place-lexicon position, set
/// later for the whole sentence, is kept).
fn complete(t: &mut TokenInfo, w: &str, lower: &str, lex: &Lex) {
    if !t.complete {
        let gaz = t.gaz;
        *t = token_info(w, lower, lex);
        t.gaz = gaz;
    }
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
                if lex.is_place(h.finish()) {
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
/// (cleared first): [`token_features`] followed by [`context_features`]. `scratch` must be the
/// one [`sentence_info`] filled for this sentence.
pub(crate) fn static_features(i: usize, word: &str, info: &[TokenInfo], scratch: &Scratch, out: &mut Vec<u64>) {
    out.clear();
    token_features(i == 0, word, &info[i], scratch.lower(i), out);
    context_features(i, info, out);
}

/// The features that depend on nothing but the token itself (the word as written, whether it
/// opens the sentence, and what [`sentence_info`] read of the word alone), appended to `out`.
/// Because they depend on nothing else, the model can add up their weights once per distinct
/// word and reuse the sum (`model::TokenScores`). The hashes only the token itself needs (the
/// word as written, its shape and affixes) are computed here, so tokens the model never scores
/// never pay for them. `lower` is the word's lowercase form.
pub(crate) fn token_features(first: bool, word: &str, t: &TokenInfo, lower: &str, out: &mut Vec<u64>) {
    let b = u64::from;
    out.push(feature(0, &[]));
    out.push(feature(1, &[t.lower]));
    out.push(feature(2, &[text_hash(word)]));
    out.push(feature(3, &[shape_hash(word)]));
    out.push(feature(4, &[t.short]));
    // prefixes of 1..=3 characters and suffixes of 1..=4, as many as the word has
    let ends = lower.char_indices().map(|(k, _)| k).skip(1).chain(std::iter::once(lower.len()));
    for (k, end) in ends.take(3).enumerate() {
        out.push(feature(6 + k as u8, &[text_hash(&lower[..end])]));
    }
    for (k, (start, _)) in lower.char_indices().rev().take(4).enumerate() {
        out.push(feature(11 + k as u8, &[text_hash(&lower[start..])]));
    }
    let first = b(first);
    let flags = first | b(t.title) << 1 | b(t.upper) << 2 | b(t.digit) << 3 | b(t.hyphen) << 4 | b(t.dot) << 5;
    out.push(feature(20, &[flags]));
    out.push(feature(21, &[first | b(t.title) << 1]));
    out.push(feature(43, &[b(t.demonym) << 1 | b(t.title)]));
    out.push(feature(45, &[b(t.person_title)]));
    out.push(feature(46, &[b(t.org_word) << 1 | b(t.title)]));
    let case = b(t.title) | b(t.upper) << 1;
    out.push(feature(70, &[u64::from(t.fine)]));
    out.push(feature(71, &[u64::from(t.fine) << 2 | case]));
    out.push(feature(72, &[u64::from(t.coarse) << 2 | case]));
}

/// The features of token `i` that read its neighbours or its place in a place-lexicon match,
/// appended to `out`.
pub(crate) fn context_features(i: usize, info: &[TokenInfo], out: &mut Vec<u64>) {
    let n = info.len();
    let none = TokenInfo {
        lower: text_hash(""),
        short: text_hash(""),
        fine: NO_FINE + 1,
        coarse: NO_COARSE + 1,
        ..TokenInfo::default()
    };
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
    out.push(feature(44, &[b(p1.person_title) << 1 | b(t.title)]));
    let org_ahead = (1..=3).any(|k| {
        let x = at(ii + k);
        x.title && x.org_word
    });
    out.push(feature(47, &[b(org_ahead) << 1 | b(t.title)]));
    // capitalised neighbourhood
    out.push(feature(48, &[b(p1.title) << 2 | b(t.title) << 1 | b(n1.title)]));
    // word clusters: the neighbours', with the word's
    let fine = |x: &TokenInfo| u64::from(x.fine);
    let coarse = |x: &TokenInfo| u64::from(x.coarse);
    out.push(feature(73, &[fine(&p1)]));
    out.push(feature(74, &[fine(&n1)]));
    out.push(feature(75, &[coarse(&p1) << 16 | coarse(&t) << 8 | coarse(&n1)]));
    out.push(feature(76, &[coarse(&p2) << 8 | coarse(&p1)]));
    out.push(feature(77, &[coarse(&n1) << 8 | coarse(&n2)]));
    out.push(feature(78, &[fine(&p1), t.short]));
    out.push(feature(79, &[t.short, fine(&n1)]));
}

/// Features that depend on the tags already predicted to the left, appended to `out`:
/// [`tag_features`] and [`word_tag_features`].
pub(crate) fn dynamic_features(i: usize, prev: Tag, prev2: Tag, info: &[TokenInfo], out: &mut Vec<u64>) {
    let (a, b) = tag_features(prev, prev2);
    out.push(a);
    out.push(b);
    word_tag_features(i, prev, info, out);
}

/// The features of the previous tag and of the previous two tags alone (17 and 289 of them:
/// the beam decoder keeps their weights in a table).
pub(crate) fn tag_features(prev: Tag, prev2: Tag) -> (u64, u64) {
    let p = u64::from(prev.0);
    (feature(60, &[p]), feature(61, &[u64::from(prev2.0) << 8 | p]))
}

/// The features of the previous tag with token `i`, appended to `out`.
pub(crate) fn word_tag_features(i: usize, prev: Tag, info: &[TokenInfo], out: &mut Vec<u64>) {
    let t = &info[i];
    let p = u64::from(prev.0);
    out.push(feature(62, &[p, t.lower]));
    out.push(feature(63, &[p, t.short]));
    out.push(feature(64, &[p << 8 | u64::from(t.coarse)]));
}
