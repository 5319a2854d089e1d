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
/// The hash of the constant feature (template 0, no parts), which every scored token has.
pub(crate) fn constant_feature() -> u64 {
    feature(0, &[])
}

fn feature(tpl: u8, parts: &[u64]) -> u64 {
    let mut h = (u64::from(tpl) + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for &p in parts {
        h = (h ^ p).wrapping_mul(0xbf58_476d_1ce4_e5b9).rotate_left(31);
    }
    avalanche(h)
}

/// The template byte that starts a place phrase's hash ([`phrase_hash`], [`mark_places`]).
const PLACE_PHRASE: u8 = 250;
/// The template byte that starts an organisation name's hash ([`org_phrase_hash`], [`mark_orgs`]).
const ORG_PHRASE: u8 = 251;

/// Hash of a lowercased place phrase (tokens joined by one space), for the place lexicon.
pub fn phrase_hash(lower_tokens: &[&str]) -> u64 {
    seeded_phrase_hash(PLACE_PHRASE, lower_tokens)
}

/// Hash of an organisation name's lowercased tokens, for [`Lex::orgs`] (names of more than six
/// tokens are never matched).
pub fn org_phrase_hash(lower_tokens: &[&str]) -> u64 {
    seeded_phrase_hash(ORG_PHRASE, lower_tokens)
}

/// The hash [`mark_longest`] extends one token at a time: the FNV-1a of template byte `seed`
/// and the tokens' bytes.
fn seeded_phrase_hash(seed: u8, lower_tokens: &[&str]) -> u64 {
    let mut h = Fnv::new(seed);
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
    /// [`cluster_key`]s of lowercased words, sorted, and beside each its classes.
    pub cluster_keys: Vec<u32>,
    pub cluster_classes: Vec<WordClass>,
    /// The same clusters as an open-addressing table of `(key, code + 1)` (0: an empty slot;
    /// code: fine cluster in bits 0-9, coarse 10-15, mid 16-23, sub 24-25) with at least twice
    /// as many slots as keys: a token costs one or two probes instead of a binary search over
    /// 100,000 keys (the keys are hash bits already, so they spread evenly).
    cluster_slots: Vec<(u32, u32)>,
    /// The binarized vectors `(high, low)` by slot of `cluster_slots` (empty unless the set has
    /// [`FEAT_BITS`]: a model without them keeps the 8-byte slots).
    cluster_bits: Vec<(u64, u64)>,
    /// Which of the optional feature templates the model reads ([`FEAT_MID_SUB`],
    /// [`FEAT_BITS`], [`FEAT_ORGS`]; 0 for a model of format 3 or 4).
    pub set: u8,
    /// Sorted, distinct [`org_phrase_hash`]es of the organisation names of the training
    /// documents (empty unless the set has [`FEAT_ORGS`]).
    pub orgs: Vec<u64>,
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
/// The mid (256) and nested sub (4 × 1,024) clusters of a word not in the cluster list.
const NO_MID: u16 = 256;
const NO_SUB: u16 = 4096;

/// Optional feature templates (the model file's feature-set byte, format 5): the 256 mid
/// clusters and the 4,096 nested sub-clusters of the word and its neighbours.
pub const FEAT_MID_SUB: u8 = 1;
/// Optional feature templates: the binarized GloVe vector (Guo et al. 2014) of the word, one
/// feature per dimension that is high or low.
pub const FEAT_BITS: u8 = 2;
/// Optional feature templates: the binarized vectors of the word's neighbours (with
/// [`FEAT_BITS`], which stores the vectors).
pub const FEAT_BITS_NEIGHBOURS: u8 = 8;
/// Optional feature templates: the word's binarized vector with its case (with [`FEAT_BITS`]).
pub const FEAT_BITS_CASE: u8 = 16;
/// Optional feature templates: the word's place in a match of the organisation names of the
/// training documents ([`Lex::orgs`]), with its neighbours'.
pub const FEAT_ORGS: u8 = 4;
/// Every optional feature template this build knows.
pub const FEAT_ALL: u8 = FEAT_MID_SUB | FEAT_BITS | FEAT_ORGS | FEAT_BITS_NEIGHBOURS | FEAT_BITS_CASE;
/// The longest organisation name matched, in tokens.
const MAX_ORG_TOKENS: usize = 6;

/// What the cluster table says of one word (see `scripts/build_word_clusters.py`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordClass {
    /// Fine cluster, < 1,024.
    pub fine: u16,
    /// Coarse cluster (over the fine clusters' centroids), < 64.
    pub coarse: u8,
    /// Mid cluster (over the fine clusters' centroids), < 256.
    pub mid: u8,
    /// Which quarter of its fine cluster, < 4.
    pub sub: u8,
    /// Binarized vector: bit d set when dimension d is high, < 2^56.
    pub high: u64,
    /// Binarized vector: bit d set when dimension d is low, < 2^56.
    pub low: u64,
}

/// The 32-bit key of a lowercase word's [`text_hash`] in the cluster table.
fn cluster_key(h: u64) -> u32 {
    (avalanche(h) >> 32) as u32
}

/// Cluster table entries for (lowercase word, its classes), in the order given (the first of
/// two words with the same key wins); entries out of range (fine ≥ 1,024, coarse ≥ 64, sub ≥ 4,
/// a binarized mask of more than 56 bits) are left out.
pub fn cluster_entries<'a>(words: impl IntoIterator<Item = (&'a str, WordClass)>) -> Vec<(u32, WordClass)> {
    let mut out: Vec<(u32, WordClass, usize)> = words
        .into_iter()
        .enumerate()
        .filter(|(_, (_, c))| c.fine < NO_FINE && c.coarse < NO_COARSE && c.sub < 4 && (c.high | c.low) >> 56 == 0)
        .map(|(i, (w, c))| (cluster_key(text_hash(w)), c, i))
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
    /// The lexicons of a model: place hashes, word clusters and the optional feature set
    /// (bits of [`FEAT_ALL`]; the clusters' fields the set does not read are cleared).
    pub(crate) fn new(mut places: Vec<u64>, mut clusters: Vec<(u32, WordClass)>, set: u8, mut orgs: Vec<u64>) -> Self {
        places.sort_unstable();
        places.dedup();
        if set & FEAT_ORGS == 0 {
            orgs.clear();
        }
        orgs.sort_unstable();
        orgs.dedup();
        for (_, c) in &mut clusters {
            if set & FEAT_MID_SUB == 0 {
                (c.mid, c.sub) = (0, 0);
            }
            if set & FEAT_BITS == 0 {
                (c.high, c.low) = (0, 0);
            }
        }
        // stable: one class per key (a rare 32-bit collision keeps the more frequent word's,
        // listed first by the builder: `cluster_entries` keeps the first)
        clusters.sort_by_key(|e| e.0);
        clusters.dedup_by_key(|e| e.0);
        let (cluster_keys, cluster_classes): (Vec<u32>, Vec<WordClass>) = clusters.into_iter().unzip();
        let mut cluster_slots = vec![(0u32, 0u32); (2 * cluster_keys.len()).next_power_of_two()];
        let mut cluster_bits = vec![(0u64, 0u64); if set & FEAT_BITS != 0 { cluster_slots.len() } else { 0 }];
        let mask = cluster_slots.len() - 1;
        for (&key, c) in cluster_keys.iter().zip(&cluster_classes) {
            let mut i = key as usize & mask;
            while cluster_slots[i].1 != 0 {
                i = (i + 1) & mask;
            }
            let code = u32::from(c.fine) | u32::from(c.coarse) << 10 | u32::from(c.mid) << 16 | u32::from(c.sub) << 24;
            cluster_slots[i] = (key, code + 1);
            if let Some(b) = cluster_bits.get_mut(i) {
                *b = (c.high, c.low);
            }
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
            cluster_classes,
            cluster_slots,
            cluster_bits,
            set,
            orgs,
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

    /// The classes of the word whose lowercase [`text_hash`] is `h` (`None` when the word is
    /// not in the cluster list; the fields the model's set does not read are 0).
    fn cluster(&self, h: u64) -> Option<WordClass> {
        let key = cluster_key(h);
        let mask = self.cluster_slots.len().checked_sub(1)?;
        let mut i = key as usize & mask;
        loop {
            match self.cluster_slots[i] {
                (_, 0) => return None,
                (k, c) if k == key => {
                    let c = c - 1;
                    let (high, low) = self.cluster_bits.get(i).copied().unwrap_or_default();
                    return Some(WordClass {
                        fine: (c & 0x3ff) as u16,
                        coarse: (c >> 10 & 0x3f) as u8,
                        mid: (c >> 16) as u8,
                        sub: (c >> 24 & 3) as u8,
                        high,
                        low,
                    });
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
    /// Position in an organisation-name match (as `gaz`; only with [`FEAT_ORGS`]).
    org: u8,
    /// Word clusters (`NO_FINE` / `NO_COARSE` / `NO_MID` / `NO_SUB` when unknown; `sub` is
    /// `fine * 4 + quarter`).
    fine: u16,
    coarse: u8,
    mid: u16,
    sub: u16,
    /// Binarized vector (0 when unknown or when the model does not read it).
    high: u64,
    low: u64,
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
    match lex.cluster(t.lower) {
        Some(c) => {
            (t.fine, t.coarse) = (c.fine, c.coarse);
            (t.mid, t.sub) = (u16::from(c.mid), c.fine * 4 + u16::from(c.sub));
            (t.high, t.low) = (c.high, c.low);
        }
        None => (t.fine, t.coarse, t.mid, t.sub) = (NO_FINE, NO_COARSE, NO_MID, NO_SUB),
    }
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
    if lex.set & FEAT_ORGS != 0 {
        mark_orgs(&mut info, &lex.orgs, scratch);
    }
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
    if lex.set & FEAT_ORGS != 0 {
        mark_orgs(&mut info, &lex.orgs, scratch);
    }
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
        let (gaz, org) = (t.gaz, t.org);
        *t = token_info(w, lower, lex);
        (t.gaz, t.org) = (gaz, org);
    }
}

/// Organisation names `orgs` (sorted [`org_phrase_hash`]es): longest match (up to
/// [`MAX_ORG_TOKENS`]) left to right from a capitalised token, as BILU positions in
/// [`TokenInfo::org`] (cleared first). Training marks each sentence again with the names of the
/// other folds of its corpus (jackknifing), so the feature is no more reliable there than on new
/// text.
pub(crate) fn mark_orgs(info: &mut [TokenInfo], orgs: &[u64], scratch: &Scratch) {
    for t in info.iter_mut() {
        t.org = 0;
    }
    if orgs.is_empty() {
        return;
    }
    mark_longest(info, scratch, ORG_PHRASE, MAX_ORG_TOKENS, |h| orgs.binary_search(&h).is_ok(), |t, pos| t.org = pos);
}

/// Place lexicon: longest match (up to 4 tokens) left to right, as BILU positions.
fn mark_places(info: &mut [TokenInfo], lex: &Lex, scratch: &Scratch) {
    mark_longest(info, scratch, PLACE_PHRASE, 4, |h| lex.is_place(h), |t, pos| t.gaz = pos);
}

/// Longest lexicon matches left to right, each starting at a capitalised or upper-case token:
/// the phrase hash (template byte `seed`) of tokens `i..i+len`, extended one token at a time up
/// to `max` tokens, is a match when `hit` says so. Each match's tokens get their BILU position
/// from `set`: 1 begin, 2 inside, 3 last, 4 a match of one token.
fn mark_longest(
    info: &mut [TokenInfo],
    scratch: &Scratch,
    seed: u8,
    max: usize,
    hit: impl Fn(u64) -> bool,
    set: impl Fn(&mut TokenInfo, u8),
) {
    let n = info.len();
    let mut i = 0;
    while i < n {
        let mut matched = 0;
        if info[i].title || info[i].upper {
            let mut h = Fnv::new(seed);
            for (len, &(a, b)) in scratch.lowers[i..n.min(i + max)].iter().enumerate() {
                h.bytes(&scratch.all_lower.as_bytes()[a..b]);
                if hit(h.finish()) {
                    matched = len + 1;
                }
            }
        }
        if matched == 0 {
            i += 1;
            continue;
        }
        if matched == 1 {
            set(&mut info[i], 4);
        } else {
            set(&mut info[i], 1);
            for t in &mut info[i + 1..i + matched - 1] {
                set(t, 2);
            }
            set(&mut info[i + matched - 1], 3);
        }
        i += matched;
    }
}

/// The features of token `i` (the word `word`) that do not depend on predicted tags, into `out`
/// (cleared first): [`token_features`] followed by [`context_features`]. `scratch` must be the
/// one [`sentence_info`] filled for this sentence.
pub(crate) fn static_features(
    i: usize,
    word: &str,
    info: &[TokenInfo],
    scratch: &Scratch,
    set: u8,
    out: &mut Vec<u64>,
) {
    out.clear();
    token_features(i == 0, word, &info[i], scratch.lower(i), set, out);
    context_features(i, info, set, out);
}

/// One feature of template `tpl` per set bit of `mask` (the bit's number its value).
fn bit_features(tpl: u8, mut mask: u64, out: &mut Vec<u64>) {
    while mask != 0 {
        out.push(feature(tpl, &[u64::from(mask.trailing_zeros())]));
        mask &= mask - 1;
    }
}

/// The features that depend on nothing but the token itself (the word as written, whether it
/// opens the sentence, and what [`sentence_info`] read of the word alone), appended to `out`.
/// Because they depend on nothing else, the model can add up their weights once per distinct
/// word and reuse the sum (`model::TokenScores`). The hashes only the token itself needs (the
/// word as written, its shape and affixes) are computed here, so tokens the model never scores
/// never pay for them. `lower` is the word's lowercase form; `set` the optional templates
/// ([`Lex::set`]).
pub(crate) fn token_features(first: bool, word: &str, t: &TokenInfo, lower: &str, set: u8, out: &mut Vec<u64>) {
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
    if set & FEAT_MID_SUB != 0 {
        out.push(feature(80, &[u64::from(t.sub)]));
        out.push(feature(81, &[u64::from(t.sub) << 2 | case]));
        out.push(feature(82, &[u64::from(t.mid) << 2 | case]));
    }
    if set & FEAT_BITS != 0 {
        bit_features(90, t.high, out);
        bit_features(91, t.low, out);
        if set & FEAT_BITS_CASE != 0 {
            bit_features(104 + case as u8, t.high, out);
            bit_features(108 + case as u8, t.low, out);
        }
    }
}

/// The features of token `i` that read its neighbours or its place in a place-lexicon match,
/// appended to `out` (`set`: the optional templates, [`Lex::set`]).
pub(crate) fn context_features(i: usize, info: &[TokenInfo], set: u8, out: &mut Vec<u64>) {
    let n = info.len();
    let none = TokenInfo {
        lower: text_hash(""),
        short: text_hash(""),
        fine: NO_FINE + 1,
        coarse: NO_COARSE + 1,
        mid: NO_MID + 1,
        sub: NO_SUB + 1,
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
    if set & FEAT_MID_SUB != 0 {
        out.push(feature(83, &[u64::from(p1.mid)]));
        out.push(feature(84, &[u64::from(n1.mid)]));
        out.push(feature(85, &[u64::from(p1.sub)]));
        out.push(feature(86, &[u64::from(n1.sub)]));
    }
    if set & FEAT_ORGS != 0 {
        let o = u64::from(t.org);
        out.push(feature(100, &[o << 1 | b(t.title)]));
        out.push(feature(101, &[u64::from(n1.org) << 8 | o]));
        out.push(feature(102, &[u64::from(p1.org) << 8 | o]));
    }
    if set & FEAT_BITS != 0 && set & FEAT_BITS_NEIGHBOURS != 0 {
        bit_features(92, p1.high, out);
        bit_features(93, p1.low, out);
        bit_features(94, n1.high, out);
        bit_features(95, n1.low, out);
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(set: u8) -> Lex {
        let acme = WordClass { fine: 5, coarse: 2, mid: 9, sub: 3, high: 0b101, low: 1 << 40 };
        let clusters = cluster_entries([("acme", acme), ("trust", WordClass { fine: 7, ..WordClass::default() })]);
        Lex::new(Vec::new(), clusters, set, vec![org_phrase_hash(&["acme", "trust"])])
    }

    fn features(words: &[&str], set: u8) -> Vec<Vec<u64>> {
        let lex = lex(set);
        let mut scratch = Scratch::default();
        let info = sentence_info(words, &lex, &mut scratch);
        (0..words.len())
            .map(|i| {
                let mut out = Vec::new();
                static_features(i, words[i], &info, &scratch, lex.set, &mut out);
                out
            })
            .collect()
    }

    #[test]
    fn optional_templates_only_add_features() {
        let words = ["Shares", "of", "Acme", "Trust", "rose"];
        let plain = features(&words, 0);
        for set in [FEAT_MID_SUB, FEAT_BITS, FEAT_BITS | FEAT_BITS_NEIGHBOURS, FEAT_ORGS, FEAT_ALL] {
            let more = features(&words, set);
            for (a, b) in plain.iter().zip(&more) {
                // the features of format 4, unchanged and in their order, with the set's added
                let mut rest = b.iter();
                assert!(a.iter().all(|f| rest.any(|g| g == f)), "set {set}");
            }
            assert!(more[2].len() > plain[2].len(), "set {set}");
        }
        // "Acme": 2 high bits and 1 low bit, its own; with the neighbours', "of" reads them too
        let bits = features(&words, FEAT_BITS);
        assert_eq!(bits[2].len(), plain[2].len() + 3);
        assert_eq!(bits[1].len(), plain[1].len());
        let near = features(&words, FEAT_BITS | FEAT_BITS_NEIGHBOURS);
        assert_eq!(near[1].len(), plain[1].len() + 3);
    }

    #[test]
    fn organisation_names_are_marked_from_a_capitalised_word() {
        let lex = lex(FEAT_ORGS);
        let mut scratch = Scratch::default();
        let marks = |words: &[&str], scratch: &mut Scratch| -> Vec<u8> {
            sentence_info(words, &lex, scratch).iter().map(|t| t.org).collect()
        };
        assert_eq!(marks(&["Shares", "of", "Acme", "Trust", "rose"], &mut scratch), [0, 0, 1, 3, 0]);
        assert_eq!(marks(&["ACME", "TRUST"], &mut scratch), [1, 3]);
        assert_eq!(marks(&["the", "acme", "trust"], &mut scratch), [0, 0, 0]);
        // without the feature no name is marked, whatever the list
        let plain = Lex::new(Vec::new(), Vec::new(), 0, vec![org_phrase_hash(&["acme", "trust"])]);
        let info = sentence_info(&["Acme", "Trust"], &plain, &mut scratch);
        assert!(info.iter().all(|t| t.org == 0));
    }
}
