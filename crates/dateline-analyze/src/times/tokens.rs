//! The pieces the times and amounts scanners read, split from the article's token table
//! ([`Toks::from_table`]) or, for the stand-alone entry points, from the text ([`tokenize`]).
//!
//! Both stages look at the same few shapes (runs of letters, runs of digits, single punctuation
//! marks) and care about whether two pieces touch ("18th", "$3.5bn", "COVID-19") or are separated
//! by space. Splitting letters from digits here, and recording `glued`, lets each scanner match
//! those shapes with plain slice patterns instead of regexes, in one pass and without allocation
//! per token.

use std::borrow::Cow;

use dateline_text::segment::TokenTable;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of alphabetic characters (any script).
    Word,
    /// ASCII digits, with `,` thousands groups and one `.` decimal part kept inside ("25,000", "3.5").
    Num,
    /// Any other single non-space character.
    Punct,
}

/// One token: a byte range into the text and how it touches its neighbour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// No whitespace between the previous token and this one.
    pub glued: bool,
    /// A line break between the previous token and this one (a paragraph or line boundary).
    pub newline: bool,
}

/// Splits `text` into tokens. Never fails; every token's range is on char boundaries.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut glued = false;
    let mut newline = false;
    // Each token ends on a char boundary past its start, where the next one is looked for.
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        if c.is_whitespace() {
            glued = false;
            if c == '\n' || c == '\r' || c == '\u{2029}' {
                newline = true;
            }
            i += c.len_utf8();
            continue;
        }
        let (kind, end) = piece(text, i, c);
        out.push(Token { kind, start: i, end, glued, newline });
        glued = true;
        newline = false;
        i = end;
    }
    out
}

/// The kind and end of the piece starting with `c` at byte `i`: a run of letters, a number, or
/// one mark.
fn piece(text: &str, i: usize, c: char) -> (Kind, usize) {
    if c.is_alphabetic() {
        (Kind::Word, word_end(text, i))
    } else if c.is_ascii_digit() {
        (Kind::Num, number_end(text.as_bytes(), i))
    } else {
        (Kind::Punct, i + c.len_utf8())
    }
}

/// The tokens of [`tokenize`], derived from the article's token table: each whitespace-free
/// chunk of the table split into letter, digit and mark pieces. The same tokens as `tokenize`
/// gives (a proptest checks it): whitespace bounds a piece in both, and the scanners stop at it.
pub(crate) fn from_table(text: &str, table: &TokenTable) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    for (a, b, newline) in table.chunks() {
        let mut i = a;
        let mut glued = false;
        let mut newline = newline;
        while i < b {
            // An ASCII byte (nearly every piece) is classed as `piece` would class its char,
            // without decoding it (the proptest below compares with `tokenize`).
            let (kind, end) = match text.as_bytes()[i] {
                c if c.is_ascii_alphabetic() => (Kind::Word, word_end(text, i)),
                c if c.is_ascii_digit() => (Kind::Num, number_end(text.as_bytes(), i)),
                c if c.is_ascii() => (Kind::Punct, i + 1),
                _ => {
                    let Some(c) = char_at(text, i) else { break };
                    piece(text, i, c)
                }
            };
            out.push(Token { kind, start: i, end, glued, newline });
            glued = true;
            newline = false;
            i = end;
        }
    }
    out
}

/// The char at byte `i` of `text`, if `i` is a boundary inside it.
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// The end of the run of alphabetic characters (any script) starting at `start`.
fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = start;
    loop {
        // ASCII letters without decoding them; other letters one char at a time.
        while bytes.get(end).is_some_and(u8::is_ascii_alphabetic) {
            end += 1;
        }
        // (an ASCII byte or the end ends the word: no char to decode)
        if bytes.get(end).is_none_or(u8::is_ascii) {
            return end;
        }
        match char_at(text, end) {
            Some(c) if !c.is_ascii() && c.is_alphabetic() => end += c.len_utf8(),
            _ => return end,
        }
    }
}

/// The end of the number starting at `start`: ASCII digits, with `,` thousands groups and one
/// `.` decimal part kept inside.
fn number_end(bytes: &[u8], start: usize) -> usize {
    let mut end = start + 1;
    let mut seen_dot = false;
    while end < bytes.len() {
        let b = bytes[end];
        if b.is_ascii_digit() {
            end += 1;
        } else if b == b','
            && !seen_dot
            && end + 4 <= bytes.len()
            && bytes[end + 1..end + 4].iter().all(u8::is_ascii_digit)
            && bytes.get(end + 4).is_none_or(|d| !d.is_ascii_digit())
        {
            end += 4;
        } else if b == b'.' && !seen_dot && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
            seen_dot = true;
            end += 2;
        } else {
            break;
        }
    }
    end
}

/// Token helpers that need the text.
pub(crate) struct Toks<'a> {
    pub text: &'a str,
    pub toks: Vec<Token>,
    /// Each token's text, sliced once: the scanners read the text of the tokens around every
    /// word, over a dozen times per token, and each slice from the text checked its two char
    /// boundaries again.
    words: Vec<&'a str>,
}

impl<'a> Toks<'a> {
    pub fn new(text: &'a str) -> Self {
        Self::with_tokens(text, tokenize(text))
    }

    /// The tokens of `text` from its token table (the same as [`Toks::new`]).
    pub fn from_table(text: &'a str, table: &TokenTable) -> Self {
        Self::with_tokens(text, from_table(text, table))
    }

    fn with_tokens(text: &'a str, toks: Vec<Token>) -> Self {
        let words = toks.iter().map(|t| text.get(t.start..t.end).unwrap_or("")).collect();
        Toks { text, toks, words }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Token `i` in ASCII lower case ("" past the end), borrowed when it has no capital (most
    /// words): the patterns compare words in lower case at nearly every token they look at.
    pub fn lower(&self, i: usize) -> Cow<'a, str> {
        let s = self.s(i);
        if s.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(s.to_ascii_lowercase())
        } else {
            Cow::Borrowed(s)
        }
    }

    /// The token's text, or "" past the end.
    pub fn s(&self, i: usize) -> &'a str {
        debug_assert_eq!(self.words.len(), self.toks.len());
        self.words.get(i).copied().unwrap_or("")
    }

    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
    }

    pub fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Num)
    }

    /// True when token `i` is the punctuation mark `c`.
    pub fn is_punct(&self, i: usize, c: &str) -> bool {
        self.kind(i) == Some(Kind::Punct) && self.s(i) == c
    }

    /// True when token `i` touches the token before it.
    pub fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.glued)
    }

    /// Case-insensitive comparison of token `i` with an ASCII lowercase word.
    pub fn is(&self, i: usize, word: &str) -> bool {
        self.is_word(i) && self.s(i).eq_ignore_ascii_case(word)
    }

    /// True when token `i` is a word starting with an uppercase letter.
    pub fn capitalized(&self, i: usize) -> bool {
        self.is_word(i) && self.s(i).chars().next().is_some_and(char::is_uppercase)
    }

    pub fn start(&self, i: usize) -> usize {
        self.toks.get(i).map_or(self.text.len(), |t| t.start)
    }

    pub fn end(&self, i: usize) -> usize {
        self.toks.get(i).map_or(self.text.len(), |t| t.end)
    }

    /// True when token `i` opens a sentence: first token, after `.`/`!`/`?`/`:`, after a line
    /// break, or after an opening quote that itself opens a sentence.
    pub fn sentence_start(&self, i: usize) -> bool {
        if i == 0 || self.toks.get(i).is_some_and(|t| t.newline) {
            return true;
        }
        let p = self.s(i - 1);
        if matches!(p, "." | "!" | "?" | ":" | ";") {
            return true;
        }
        if matches!(p, "\"" | "\u{201c}" | "'" | "\u{2018}" | "(" | "[") {
            return self.sentence_start(i - 1);
        }
        false
    }

    /// The unsigned numeric value of a `Num` token ("25,000" → 25000).
    pub fn num(&self, i: usize) -> Option<f64> {
        if !self.is_num(i) {
            return None;
        }
        let s = self.s(i);
        if s.contains(',') {
            s.replace(',', "").parse().ok()
        } else {
            s.parse().ok()
        }
    }

    /// The integer value of a `Num` token made only of digits, with its digit count.
    pub fn int(&self, i: usize) -> Option<(u32, usize)> {
        let s = self.s(i);
        if !self.is_num(i) || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse().ok().map(|v| (v, s.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shapes(text: &str) -> Vec<(&str, Kind, bool)> {
        tokenize(text).into_iter().map(|t| (&text[t.start..t.end], t.kind, t.glued)).collect()
    }

    #[test]
    fn splits_letters_digits_and_marks() {
        let got = shapes("$3.5bn, 25,000 people; 18th COVID-19 1,5");
        let words: Vec<&str> = got.iter().map(|g| g.0).collect();
        assert_eq!(
            words,
            ["$", "3.5", "bn", ",", "25,000", "people", ";", "18", "th", "COVID", "-", "19", "1", ",", "5"]
        );
        assert!(got[1].2 && got[2].2 && !got[4].2);
    }

    #[test]
    fn keeps_multibyte_boundaries() {
        for t in tokenize("€20m — «x» 5\u{a0}000 ünïcödé 3.") {
            assert!(t.start < t.end);
        }
    }

    #[test]
    fn the_token_table_gives_the_same_tokens() {
        let text = "GENEVA, Dec. 5\n\n\u{2029}On 18th May the 3.5bn\u{a0}deal (U.S.-led) closed;  1,250 said  \u{e9}t\u{e9}\r\nx";
        let table = TokenTable::new(text);
        assert_eq!(from_table(text, &table), tokenize(text));
        assert!(from_table(text, &table).iter().any(|t| t.newline && &text[t.start..t.end] == "On"));
    }

    proptest::proptest! {
        /// Times and amounts read the pieces of the article's token table: the same tokens,
        /// flags included, as their own tokenizer gives over the text.
        #[test]
        fn table_pieces_equal_the_tokenizer(text in r"([a-zA-Z0-9.,'\u{2019}\u{301}\u{e9}$%()-]{1,6}|[ \n\r\t\u{a0}\u{2029}]{1,2}){0,24}|\PC{0,60}") {
            let table = TokenTable::new(&text);
            proptest::prop_assert_eq!(from_table(&text, &table), tokenize(&text));
        }

        /// A token's text, sliced once when the tokens are made, is the text's slice at the
        /// token's range ("" past the end), as it was when each call sliced it.
        #[test]
        fn token_text_is_the_slice_of_its_range(text in r"([a-zA-Z0-9.,'\u{2019}\u{e9}$%-]{1,6}|[ \n\u{a0}]{1,2}){0,16}|\PC{0,40}") {
            for t in [Toks::new(&text), Toks::from_table(&text, &TokenTable::new(&text))] {
                for i in 0..t.len() + 2 {
                    let slice = t.toks.get(i).and_then(|k| text.get(k.start..k.end)).unwrap_or("");
                    proptest::prop_assert_eq!(t.s(i), slice);
                }
            }
        }
    }
}
