//! VADER sentence scoring (Hutto & Gilbert 2014, "VADER: A Parsimonious Rule-based Model for
//! Sentiment Analysis of Social Media Text"), written from the published rules:
//!
//! * tokens are the whitespace-separated words with leading and trailing punctuation removed,
//!   unless that leaves two characters or fewer (so emoticons such as `:)` survive);
//! * each lexicon word starts at its mean human valence; booster and dampener words up to three
//!   words before it add ±0.293 (scaled by 0.95 and 0.9 for the second and third word back); an
//!   ALL-CAPS word among mixed-case ones adds ±0.733; a negation up to three words before
//!   multiplies by -0.74; `no` before a word negates it; `least` (not `at least`) negates;
//!   `never so` / `never this` intensifies by 1.25; a few fixed phrases take a fixed valence;
//! * after the first `but`, valences count 1.5 times, before it 0.5 times;
//! * `!` (up to four) adds 0.292 each, two or more `?` add 0.18 each (0.96 for four or more), to
//!   the sum, away from zero;
//! * compound = sum / sqrt(sum² + 15), in [-1, 1].
//!
//! Differences from the Python reference (`vaderSentiment` 3.3.2), documented in docs/RECORD.md:
//! emoji are not translated to words; the `but` weighting applies to positions (the reference
//! looks values up by equality, which differs when two valences are equal); typographic quotes
//! and dashes count as punctuation as well as ASCII ones.

use super::lexicon::{opens_special_case, Classes, ToneLexicon, WordClass, WordTone, C_INCR, N_SCALAR, SPECIAL_CASES};

/// VADER's normalisation constant: the sum at which compound reaches about ±0.72.
const ALPHA: f64 = 15.0;

/// VADER scores of one text.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Polarity {
    /// Share of the valence mass that is negative, 0 to 1.
    pub neg: f64,
    /// Share of tokens that carry no valence, 0 to 1.
    pub neu: f64,
    /// Share of the valence mass that is positive, 0 to 1.
    pub pos: f64,
    /// Normalised sum of valences, -1 (most negative) to +1 (most positive).
    pub compound: f64,
}

/// Reusable buffers for scoring, so scoring many sentences allocates little.
#[derive(Debug, Default)]
pub struct Scratch {
    /// Byte ranges of the tokens in the text scored.
    pub(super) spans: Vec<(usize, usize)>,
    /// Lowercase tokens (strings reused across calls).
    lower: Vec<String>,
    /// Number of valid entries in `lower`.
    n: usize,
    /// Whether each token (as written) is ALL CAPS ([`is_upper`]), found while it is lowercased.
    upper: Vec<bool>,
    /// What the lexicons say of each token (`vader`: its valence, when VADER has the word).
    pub(super) known: Vec<WordTone>,
    /// The rules' classes of each token (booster, negation, pronoun, activity verb).
    classes: Vec<WordClass>,
    /// Adjusted valence of each token after all rules.
    pub(super) valences: Vec<f64>,
}

impl Scratch {
    /// The lowercase form of token `i`.
    pub(super) fn lower(&self, i: usize) -> &str {
        &self.lower[i]
    }

    /// The rules' classes of token `i`.
    pub(super) fn class(&self, i: usize) -> WordClass {
        self.classes[i]
    }
}

/// True for the punctuation VADER strips from the ends of a token: ASCII punctuation, and (our
/// addition) typographic quotes, dashes and the ellipsis.
fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation() || matches!(c, '‘' | '’' | '“' | '”' | '«' | '»' | '–' | '—' | '…')
}

/// Python's `str.isupper`: at least one cased character and no lowercase one.
fn is_upper(s: &str) -> bool {
    // (asked of every token: ASCII words, nearly all, without the Unicode tables)
    if s.is_ascii() {
        return !s.bytes().any(|b| b.is_ascii_lowercase()) && s.bytes().any(|b| b.is_ascii_uppercase());
    }
    let mut cased = false;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        cased |= c.is_uppercase();
    }
    cased
}

/// Scores `text` as one unit (VADER is meant for a sentence or a short passage): valences from
/// `lex`, the rules' word classes (boosters, negations) from the `tone/` lists of `words`.
pub fn polarity_scores(text: &str, lex: &ToneLexicon, words: &crate::Lexicon) -> Polarity {
    // Every quote of every article is scored here: the buffers (a string per token among them)
    // are the thread's, kept from call to call.
    thread_local! {
        static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
    }
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => score(text, lex, Classes::of(words), &mut scratch),
        Err(_) => score(text, lex, Classes::of(words), &mut Scratch::default()),
    })
}

/// Scores `text`, leaving the tokens and their adjusted valences in `scratch`.
pub(super) fn score(text: &str, lex: &ToneLexicon, c: Classes<'_>, s: &mut Scratch) -> Polarity {
    tokenize(text, s);
    let n = s.n;
    if n == 0 {
        return Polarity::default();
    }
    let upper_count = s.upper.iter().filter(|&&u| u).count();
    let cap_diff = upper_count > 0 && upper_count < n;
    s.known.clear();
    s.known.extend(s.lower[..n].iter().map(|w| lex.word(w)));
    s.classes.clear();
    s.classes.extend(s.lower[..n].iter().map(|w| c.of_word(w)));
    s.valences.clear();
    for i in 0..n {
        let w = s.lower[i].as_str();
        let skip = s.classes[i].booster().is_some() || (w == "kind" && i + 1 < n && s.lower[i + 1] == "of");
        let v = if skip {
            0.0
        } else {
            match s.known[i].vader {
                Some(base) => word_valence(i, base, s, cap_diff, c),
                None => 0.0,
            }
        };
        s.valences.push(v);
    }
    // "but" shifts the weight to what follows it.
    if let Some(b) = s.lower[..n].iter().position(|w| w == "but") {
        for (i, v) in s.valences.iter_mut().enumerate() {
            if i < b {
                *v *= 0.5;
            } else if i > b {
                *v *= 1.5;
            }
        }
    }
    finish(text, &s.valences)
}

/// Splits on whitespace and strips punctuation from the ends of each token, keeping the token
/// whole when stripping would leave two characters or fewer.
fn tokenize(text: &str, s: &mut Scratch) {
    s.spans.clear();
    s.upper.clear();
    s.n = 0;
    if text.is_ascii() {
        tokenize_ascii(text, s);
    } else {
        tokenize_chars(text, s);
    }
}

/// [`tokenize`] for any text, char by char (the reference the ASCII path is tested against).
fn tokenize_chars(text: &str, s: &mut Scratch) {
    let base = text.as_ptr() as usize;
    for raw in text.split_whitespace() {
        let start = raw.as_ptr() as usize - base;
        let stripped = raw.trim_matches(is_punct);
        let tok = if stripped.chars().nth(2).is_none() { raw } else { stripped };
        let a = start + (tok.as_ptr() as usize - raw.as_ptr() as usize);
        push_token(text, a, a + tok.len(), s);
    }
}

/// [`tokenize`] for ASCII text (nearly every sentence): the same tokens, found on bytes
/// (`split_whitespace` and `trim_matches` decode every char; about 100 instructions a token).
/// A test checks it against the char path.
fn tokenize_ascii(text: &str, s: &mut Scratch) {
    // `char::is_whitespace` in ASCII: tab, line feed, vertical tab, form feed, return, space.
    let space = |b: u8| matches!(b, b'\t'..=b'\r' | b' ');
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if space(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && !space(bytes[i]) {
            i += 1;
        }
        let raw = &bytes[start..i];
        let (mut a, mut b) = (0, raw.len());
        while a < b && raw[a].is_ascii_punctuation() {
            a += 1;
        }
        while b > a && raw[b - 1].is_ascii_punctuation() {
            b -= 1;
        }
        if b - a <= 2 {
            (a, b) = (0, raw.len());
        }
        push_token(text, start + a, start + b, s);
    }
}

/// Records the token `text[a..b]`: its span, its lowercase form and whether it is ALL CAPS.
fn push_token(text: &str, a: usize, b: usize, s: &mut Scratch) {
    let tok = &text[a..b];
    s.spans.push((a, b));
    s.upper.push(is_upper(tok));
    if s.lower.len() == s.n {
        s.lower.push(String::new());
    }
    let l = &mut s.lower[s.n];
    l.clear();
    if tok.is_ascii() {
        l.push_str(tok);
        l.make_ascii_lowercase();
    } else {
        l.extend(tok.chars().flat_map(char::to_lowercase));
    }
    s.n += 1;
}

/// The valence of lexicon word `i` after the negation, booster, capitals, idiom and `least`
/// rules.
fn word_valence(i: usize, base: f64, s: &Scratch, cap_diff: bool, c: Classes<'_>) -> f64 {
    let n = s.n;
    let w = |k: usize| s.lower[k].as_str();
    let mut v = base;
    // "no" as a determiner negates the next lexicon word instead of counting itself.
    if w(i) == "no" && i + 1 < n && s.known[i + 1].vader.is_some() {
        v = 0.0;
    }
    if (i > 0 && w(i - 1) == "no")
        || (i > 1 && w(i - 2) == "no")
        || (i > 2 && w(i - 3) == "no" && matches!(w(i - 1), "or" | "nor"))
    {
        v = base * N_SCALAR;
    }
    if cap_diff && s.upper[i] {
        v += if v > 0.0 { C_INCR } else { -C_INCR };
    }
    for back in 0..3 {
        if i <= back {
            break;
        }
        let j = i - back - 1;
        if s.known[j].vader.is_some() {
            continue;
        }
        let mut inc = modifier(s.upper[j], s.classes[j], v, cap_diff);
        if inc != 0.0 {
            inc *= [1.0, 0.95, 0.9][back];
        }
        v += inc;
        v = negation(v, back, i, &w, |k| s.classes[k].negates(w(k)));
        if back == 2 {
            v = idioms(v, i, n, &w, c);
        }
    }
    // "least" negates, except in "at least" and "very least".
    if i > 0 && w(i - 1) == "least" && s.known[i - 1].vader.is_none() && !(i > 1 && matches!(w(i - 2), "at" | "very")) {
        v *= N_SCALAR;
    }
    v
}

/// The increment a booster or dampener word (of classes `class`, ALL CAPS when `upper`) gives a
/// following word of valence `v`.
fn modifier(upper: bool, class: WordClass, v: f64, cap_diff: bool) -> f64 {
    let Some(mut inc) = class.booster() else { return 0.0 };
    if v < 0.0 {
        inc = -inc;
    }
    if cap_diff && upper {
        inc += if v > 0.0 { C_INCR } else { -C_INCR };
    }
    inc
}

/// The negation rule for the word `back + 1` places before word `i` (`negates(k)`: whether word
/// `k` negates what follows).
fn negation<'a>(v: f64, back: usize, i: usize, w: &impl Fn(usize) -> &'a str, negates: impl Fn(usize) -> bool) -> f64 {
    let so_this = |x: &str| matches!(x, "so" | "this");
    match back {
        0 => {
            if negates(i - 1) {
                return v * N_SCALAR;
            }
        }
        1 => {
            if w(i - 2) == "never" && so_this(w(i - 1)) {
                return v * 1.25;
            }
            if w(i - 2) == "without" && w(i - 1) == "doubt" {
                return v;
            }
            if negates(i - 2) {
                return v * N_SCALAR;
            }
        }
        _ => {
            // As in the reference implementation, "so" or "this" just before the word also
            // intensifies at this step.
            if (w(i - 3) == "never" && so_this(w(i - 2))) || so_this(w(i - 1)) {
                return v * 1.25;
            }
            if w(i - 3) == "without" && (w(i - 2) == "doubt" || w(i - 1) == "doubt") {
                return v;
            }
            if negates(i - 3) {
                return v * N_SCALAR;
            }
        }
    }
    v
}

/// Fixed-valence phrases around word `i` (which has at least three words before it), and
/// multi-word dampeners (`kind of`, `sort of`) before it.
fn idioms<'a>(mut v: f64, i: usize, n: usize, w: &impl Fn(usize) -> &'a str, c: Classes<'_>) -> f64 {
    let special = |range: std::ops::Range<usize>| -> Option<f64> {
        // Most words open no phrase of the table: no phrase is spelt out for them.
        if !opens_special_case(w(range.start)) {
            return None;
        }
        SPECIAL_CASES.iter().find(|(p, _)| phrase_is(p, range.clone(), w)).map(|&(_, x)| x)
    };
    // Phrases ending at i or just before it, in the reference's order; the first match wins.
    for r in [i - 1..i + 1, i - 2..i + 1, i - 2..i, i - 3..i, i - 3..i - 1] {
        if let Some(x) = special(r) {
            v = x;
            break;
        }
    }
    if i + 1 < n {
        if let Some(x) = special(i..i + 2) {
            v = x;
        }
    }
    if i + 2 < n {
        if let Some(x) = special(i..i + 3) {
            v = x;
        }
    }
    for r in [i - 3..i, i - 3..i - 1, i - 2..i] {
        if let Some(inc) = phrase_booster(r, w, c) {
            v += inc;
        }
    }
    v
}

/// True when the words in `range` spell `phrase` (words separated by single spaces).
fn phrase_is<'a>(phrase: &str, range: std::ops::Range<usize>, w: &impl Fn(usize) -> &'a str) -> bool {
    let mut parts = phrase.split(' ');
    range.into_iter().all(|k| parts.next() == Some(w(k))) && parts.next().is_none()
}

/// The booster value of a multi-word phrase in `range` (`kind of`, `sort of`, `just enough`).
fn phrase_booster<'a>(range: std::ops::Range<usize>, w: &impl Fn(usize) -> &'a str, c: Classes<'_>) -> Option<f64> {
    if range.len() < 2 || !c.opens_booster_phrase(w(range.start)) {
        return None;
    }
    let mut phrase = String::new();
    for k in range {
        if !phrase.is_empty() {
            phrase.push(' ');
        }
        phrase.push_str(w(k));
    }
    c.booster(&phrase)
}

/// Punctuation emphasis: `!` and repeated `?` in the text. The marks are counted by `memchr`
/// (many bytes per step: both are rare), and only up to four, past which the emphasis is the
/// same; counting every byte of every sentence and quote cost a hundredth of the analysis.
fn punctuation_emphasis(text: &str) -> f64 {
    let bangs = memchr::memchr_iter(b'!', text.as_bytes()).take(4).count();
    let questions = memchr::memchr_iter(b'?', text.as_bytes()).take(4).count();
    let q = match questions {
        0 | 1 => 0.0,
        2 | 3 => questions as f64 * 0.18,
        _ => 0.96,
    };
    bangs as f64 * 0.292 + q
}

/// Compound and the positive, negative and neutral shares from the adjusted valences.
fn finish(text: &str, valences: &[f64]) -> Polarity {
    let mut sum: f64 = valences.iter().sum();
    let emphasis = punctuation_emphasis(text);
    if sum > 0.0 {
        sum += emphasis;
    } else if sum < 0.0 {
        sum -= emphasis;
    }
    let compound = (sum / (sum * sum + ALPHA).sqrt()).clamp(-1.0, 1.0);
    let (mut pos, mut neg, mut neu) = (0.0f64, 0.0f64, 0.0f64);
    for &v in valences {
        if v > 0.0 {
            pos += v + 1.0;
        } else if v < 0.0 {
            neg += v - 1.0;
        } else {
            neu += 1.0;
        }
    }
    if pos > neg.abs() {
        pos += emphasis;
    } else if pos < neg.abs() {
        neg -= emphasis;
    }
    let total = pos + neg.abs() + neu;
    if total.is_nan() || total <= 0.0 || !compound.is_finite() {
        return Polarity::default();
    }
    Polarity { neg: (neg / total).abs(), neu: (neu / total).abs(), pos: (pos / total).abs(), compound }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `punctuation_emphasis` as it was: every byte counted.
    fn emphasis_by_bytes(text: &str) -> f64 {
        let bangs = text.bytes().filter(|&b| b == b'!').count().min(4);
        let questions = text.bytes().filter(|&b| b == b'?').count();
        let q = match questions {
            0 | 1 => 0.0,
            2 | 3 => questions as f64 * 0.18,
            _ => 0.96,
        };
        bangs as f64 * 0.292 + q
    }

    proptest! {
        /// Counting the marks by `memchr`, up to four, gives the emphasis counting every byte gave.
        #[test]
        fn emphasis_counts_as_the_byte_count(text in "[a !?\u{e9}]{0,40}|[!?]{0,9}|\\PC{0,40}") {
            prop_assert_eq!(punctuation_emphasis(&text).to_bits(), emphasis_by_bytes(&text).to_bits());
        }
    }

    /// `is_upper` by its definition, char by char (the path non-ASCII words take).
    fn is_upper_by_chars(s: &str) -> bool {
        s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase)
    }

    #[test]
    fn ascii_words_are_upper_as_python_says() {
        for (w, upper) in [("NATO", true), ("U.S.", true), ("Nato", false), ("42", false), ("A1", true), ("", false)] {
            assert_eq!(is_upper(w), upper, "{w}");
            assert_eq!(is_upper_by_chars(w), upper, "{w}");
        }
    }

    /// The tokens of [`tokenize`]'s char path, whatever the text.
    fn tokens_by_chars(text: &str) -> (Vec<(usize, usize)>, Vec<String>, Vec<bool>) {
        let mut s = Scratch::default();
        tokenize_chars(text, &mut s);
        (s.spans, s.lower[..s.n].to_vec(), s.upper)
    }

    fn tokens_of(text: &str) -> (Vec<(usize, usize)>, Vec<String>, Vec<bool>) {
        let mut s = Scratch::default();
        tokenize(text, &mut s);
        (s.spans, s.lower[..s.n].to_vec(), s.upper)
    }

    #[test]
    fn ascii_tokens_are_the_char_path_tokens() {
        for t in ["", "  ", "Hello, WORLD!! :) ...", "a\x0bb\x0cc\rd\te\nf", "\"US-led\" (NATO) 'ok'.", "-- :-) x."] {
            assert_eq!(tokens_of(t), tokens_by_chars(t), "{t:?}");
        }
    }

    proptest! {
        #[test]
        fn the_ascii_path_agrees_with_the_char_path(w in "[a-zA-Z0-9.'!-]{0,8}|\\PC{0,6}") {
            prop_assert_eq!(is_upper(&w), is_upper_by_chars(&w));
        }

        #[test]
        fn ascii_tokenizing_agrees_with_the_char_path(t in "[a-zA-Z0-9.,'!?():;\"\\- \t\n\x0b\x0c\r\x1f]{0,40}") {
            prop_assert_eq!(tokens_of(&t), tokens_by_chars(&t));
        }
    }
}
