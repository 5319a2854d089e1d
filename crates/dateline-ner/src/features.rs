//! Feature extraction: every feature is a 64-bit FNV-1a hash of a template id and its values,
//! folded into `2^bits` buckets by the model (feature hashing: no vocabulary to store).

use std::collections::HashSet;

use crate::lexicon::{DEMONYMS, ORG_WORDS, PERSON_TITLES};
use crate::tags::{Tag, N_TAGS};

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
        // final avalanche so low bits are well mixed
        let mut x = self.0;
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        x
    }
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
    pub demonyms: HashSet<&'static str>,
    pub titles: HashSet<&'static str>,
    pub org: HashSet<&'static str>,
}

impl Lex {
    pub(crate) fn new(mut places: Vec<u64>) -> Self {
        places.sort_unstable();
        places.dedup();
        Lex {
            places,
            demonyms: DEMONYMS.iter().map(|(w, _)| *w).collect(),
            titles: PERSON_TITLES.iter().copied().collect(),
            org: ORG_WORDS.iter().copied().collect(),
        }
    }
    pub(crate) fn is_place(&self, lower_tokens: &[&str]) -> bool {
        self.places.binary_search(&phrase_hash(lower_tokens)).is_ok()
    }
}

/// Per-token facts computed once per sentence.
pub(crate) struct TokenInfo {
    pub lower: String,
    pub shape: String,
    pub short: String,
    pub title: bool,
    pub upper: bool,
}

fn shape(w: &str) -> (String, String) {
    let mut s = String::new();
    let mut short = String::new();
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
            s.push(m);
        }
        last = m;
    }
    (s, short)
}

pub(crate) fn token_info(w: &str) -> TokenInfo {
    let (shape, short) = shape(w);
    let mut chars = w.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.len() > 1 && letters.iter().all(|c| c.is_uppercase());
    TokenInfo { lower: w.to_lowercase(), shape, short, title: first_upper, upper }
}

/// Static features of every token (those that do not depend on predicted tags).
pub(crate) fn static_features(words: &[&str], lex: &Lex, out: &mut Vec<Vec<u64>>) -> Vec<TokenInfo> {
    let info: Vec<TokenInfo> = words.iter().map(|w| token_info(w)).collect();
    let n = words.len();
    // place lexicon: longest match (up to 4 tokens) left to right, as BILU positions
    let mut gaz = vec![0u8; n];
    let mut i = 0;
    while i < n {
        let mut matched = 0;
        if info[i].title || info[i].upper {
            for len in (1..=4.min(n - i)).rev() {
                let toks: Vec<&str> = info[i..i + len].iter().map(|t| t.lower.as_str()).collect();
                if lex.is_place(&toks) {
                    matched = len;
                    break;
                }
            }
        }
        if matched == 0 {
            i += 1;
            continue;
        }
        if matched == 1 {
            gaz[i] = 4;
        } else {
            gaz[i] = 1;
            for g in gaz.iter_mut().take(i + matched - 1).skip(i + 1) {
                *g = 2;
            }
            gaz[i + matched - 1] = 3;
        }
        i += matched;
    }
    out.clear();
    let none =
        TokenInfo { lower: String::new(), shape: String::new(), short: String::new(), title: false, upper: false };
    let at = |k: isize| -> &TokenInfo {
        if k < 0 || k as usize >= n {
            &none
        } else {
            &info[k as usize]
        }
    };
    for i in 0..n {
        let t = &info[i];
        let ii = i as isize;
        let mut f = Vec::with_capacity(48);
        let w = words[i];
        let mut push = |tpl: u8, parts: &[&[u8]]| {
            let mut h = Fnv::new(tpl);
            for p in parts {
                h.bytes(p);
            }
            f.push(h.finish());
        };
        let lower = t.lower.as_bytes();
        push(0, &[]);
        push(1, &[lower]);
        push(2, &[w.as_bytes()]);
        push(3, &[t.shape.as_bytes()]);
        push(4, &[t.short.as_bytes()]);
        let bounds: Vec<usize> = t.lower.char_indices().map(|(k, _)| k).chain(std::iter::once(t.lower.len())).collect();
        let nchars = bounds.len() - 1;
        for k in 1..=3.min(nchars) {
            push(5 + k as u8, &[&lower[..bounds[k]]]);
        }
        for k in 1..=4.min(nchars) {
            push(10 + k as u8, &[&lower[bounds[nchars - k]..]]);
        }
        let fl = [
            u8::from(i == 0),
            u8::from(t.title),
            u8::from(t.upper),
            u8::from(w.bytes().any(|c| c.is_ascii_digit())),
            u8::from(w.contains('-')),
            u8::from(w.contains('.')),
        ];
        push(20, &[&fl]);
        push(21, &[&[u8::from(i == 0), u8::from(t.title)]]);
        let (p1, p2, n1, n2) = (at(ii - 1), at(ii - 2), at(ii + 1), at(ii + 2));
        push(22, &[p1.lower.as_bytes()]);
        push(23, &[p2.lower.as_bytes()]);
        push(24, &[n1.lower.as_bytes()]);
        push(25, &[n2.lower.as_bytes()]);
        push(26, &[p1.short.as_bytes()]);
        push(27, &[n1.short.as_bytes()]);
        push(28, &[p1.short.as_bytes(), t.short.as_bytes(), n1.short.as_bytes()]);
        push(29, &[p1.lower.as_bytes(), t.short.as_bytes()]);
        push(30, &[t.short.as_bytes(), n1.lower.as_bytes()]);
        push(31, &[p1.lower.as_bytes(), lower]);
        push(32, &[lower, n1.lower.as_bytes()]);
        push(33, &[p2.lower.as_bytes(), p1.lower.as_bytes(), t.short.as_bytes()]);
        // lexicons
        let g = gaz[i];
        push(40, &[&[g, u8::from(t.title)]]);
        push(41, &[&[gaz.get(i + 1).copied().unwrap_or(0), g]]);
        if i > 0 {
            push(42, &[&[gaz[i - 1], g]]);
        }
        let dem = lex.demonyms.contains(t.lower.as_str());
        push(43, &[&[u8::from(dem), u8::from(t.title)]]);
        push(44, &[&[u8::from(lex.titles.contains(p1.lower.trim_end_matches('.'))), u8::from(t.title)]]);
        push(45, &[&[u8::from(lex.titles.contains(t.lower.trim_end_matches('.')))]]);
        let org_here = lex.org.contains(t.lower.as_str());
        push(46, &[&[u8::from(org_here), u8::from(t.title)]]);
        let org_ahead = (1..=3).any(|k| {
            let x = at(ii + k);
            x.title && lex.org.contains(x.lower.as_str())
        });
        push(47, &[&[u8::from(org_ahead), u8::from(t.title)]]);
        // capitalised neighbourhood
        push(48, &[&[u8::from(p1.title), u8::from(t.title), u8::from(n1.title)]]);
        out.push(f);
    }
    info
}

/// Features that depend on the tags already predicted to the left.
pub(crate) fn dynamic_features(i: usize, prev: Tag, prev2: Tag, info: &[TokenInfo], out: &mut Vec<u64>) {
    out.clear();
    let t = &info[i];
    let p = [prev.0];
    let pp = [prev2.0, prev.0];
    let mut h = Fnv::new(60);
    h.bytes(&p);
    out.push(h.finish());
    let mut h = Fnv::new(61);
    h.bytes(&pp);
    out.push(h.finish());
    let mut h = Fnv::new(62);
    h.bytes(&p).bytes(t.lower.as_bytes());
    out.push(h.finish());
    let mut h = Fnv::new(63);
    h.bytes(&p).bytes(t.short.as_bytes());
    out.push(h.finish());
    let _ = N_TAGS;
}
