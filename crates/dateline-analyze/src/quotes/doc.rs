//! The article as the quote stages see it: tokens once, sentences as token ranges, and the
//! small word tests every stage shares.

use std::borrow::Cow;

use dateline_text::segment::{Token, TokenKind};
use dateline_text::Span;

/// A set of words a token is compared with, ASCII case ignored.
///
/// The stages ask "is this token one of these words" for nearly every token and many lists;
/// a lexicon list answers from its entries of the token's length, a literal list by scanning.
pub(super) trait WordSet {
    fn has_ignore_ascii_case(&self, word: &str) -> bool;
}

impl WordSet for [&str] {
    fn has_ignore_ascii_case(&self, word: &str) -> bool {
        self.iter().any(|w| w.eq_ignore_ascii_case(word))
    }
}

impl<const N: usize> WordSet for [&str; N] {
    fn has_ignore_ascii_case(&self, word: &str) -> bool {
        self.iter().any(|w| w.eq_ignore_ascii_case(word))
    }
}

impl WordSet for dateline_lexicon::Words {
    fn has_ignore_ascii_case(&self, word: &str) -> bool {
        self.contains_ignore_ascii_case(word)
    }
}

/// Tokens and sentences of one article, computed once and shared by every stage.
pub(super) struct Doc<'a> {
    pub text: &'a str,
    /// The tokens of the article's token table (or of `text`, for [`Doc::new`]).
    pub toks: Cow<'a, [Token]>,
    /// The text of each token, cut once: the stages read token texts hundreds of times per
    /// sentence, and slicing checks char boundaries each time.
    words: Vec<&'a str>,
    /// Sentences as `[first, last)` token ranges, in order.
    pub sents: Vec<(usize, usize)>,
    /// Whether a sentence over [`super::MAX_SENTENCE_TOKENS`] was read as windows.
    pub windowed: bool,
    /// Byte offsets of the newlines of `text`.
    pub newlines: Vec<usize>,
    /// The word lists the stages read (`lx.quotes`: `resources/lexicon/en/quotes/`).
    pub lx: &'a crate::Lexicon,
}

impl<'a> Doc<'a> {
    /// The document of `text` with its own tokens (for the quote stage's unit tests).
    #[cfg(test)]
    pub fn new(text: &'a str, sentences: &[Span]) -> Self {
        let lx = crate::Lexicon::embedded_static();
        Self::with_tokens(text, Cow::Owned(dateline_text::segment::tokens(text)), sentences, lx)
    }

    /// `toks` are the tokens of the article's token table (`segment::tokens(text)`).
    pub fn with_tokens(text: &'a str, toks: Cow<'a, [Token]>, sentences: &[Span], lx: &'a crate::Lexicon) -> Self {
        let mut sents = Vec::with_capacity(sentences.len());
        let mut windowed = false;
        for s in sentences {
            let mut a = toks.partition_point(|t| t.span.0 < s.0);
            let b = toks.partition_point(|t| t.span.0 < s.1);
            while b > a + super::MAX_SENTENCE_TOKENS {
                sents.push((a, a + super::MAX_SENTENCE_TOKENS));
                a += super::MAX_SENTENCE_TOKENS;
                windowed = true;
            }
            if a < b {
                // "Sen. Ann Lee (D-R.I.) said ...": the splitter ends a sentence at the first dot
                // of a state in a party tag; the quote stage reads the two pieces as one.
                match sents.last_mut() {
                    Some(last)
                        if party_tag_split(text, &toks, last.1, a) && b - last.0 <= super::MAX_SENTENCE_TOKENS =>
                    {
                        last.1 = b;
                    }
                    _ => sents.push((a, b)),
                }
            }
        }
        let words = toks.iter().map(|t| text.get(t.span.0..t.span.1).unwrap_or("")).collect();
        Doc { text, toks, words, sents, windowed, newlines: super::marks::newlines(text), lx }
    }

    /// The end of the paragraph holding byte `from`: the next newline, or the text end.
    pub fn paragraph_end(&self, from: usize) -> usize {
        super::marks::paragraph_end(&self.newlines, self.text.len(), from)
    }

    /// The text of token `i` ("" out of range).
    pub fn t(&self, i: usize) -> &'a str {
        self.words.get(i).copied().unwrap_or("")
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind != TokenKind::Punct)
    }

    /// Case-insensitive comparison of token `i` with any of `words`: a few literal words, or a
    /// lexicon list (looked up among its entries of the token's length only).
    pub fn is<W: WordSet + ?Sized>(&self, i: usize, words: &W) -> bool {
        words.has_ignore_ascii_case(self.t(i))
    }

    pub fn start(&self, i: usize) -> usize {
        self.toks.get(i).map_or(self.text.len(), |t| t.span.0)
    }

    pub fn end(&self, i: usize) -> usize {
        self.toks.get(i).map_or(self.text.len(), |t| t.span.1)
    }

    /// The byte span covering tokens `[a, b)`; `None` when empty.
    pub fn span(&self, a: usize, b: usize) -> Option<Span> {
        (a < b && b <= self.toks.len()).then(|| Span(self.start(a), self.end(b - 1)))
    }

    /// Index of the first token starting at or after byte `off`.
    pub fn tok_at(&self, off: usize) -> usize {
        self.toks.partition_point(|t| t.span.0 < off)
    }

    /// Index of the sentence holding token `i`.
    pub fn sent_of(&self, i: usize) -> Option<usize> {
        let k = self.sents.partition_point(|&(a, _)| a <= i);
        k.checked_sub(1).filter(|&k| i < self.sents[k].1)
    }

    /// Whether token `i` is a double quote mark, including the typewriter doubles `''` and ``` `` ```.
    pub fn is_mark(&self, i: usize) -> bool {
        let t = self.t(i);
        is_quote_mark(t)
            || matches!(t, "'" | "`") && (self.t(i + 1) == t && self.end(i) == self.start(i + 1))
            || matches!(t, "'" | "`") && i > 0 && self.t(i - 1) == t && self.end(i - 1) == self.start(i)
    }

    /// The first token of the quote mark ending at token `i`: `i - 1` for a doubled single
    /// mark (`''`, two tokens), else `i`.
    pub fn mark_start(&self, i: usize) -> usize {
        if i > 0 && matches!(self.t(i), "'" | "`") && self.is_mark(i) && self.t(i - 1) == self.t(i) {
            i - 1
        } else {
            i
        }
    }

    /// Whether token `i` is an em or en dash, which sets off an aside ("said — on the radio — that").
    pub fn is_dash(&self, i: usize) -> bool {
        matches!(self.t(i), "\u{2014}" | "\u{2013}")
    }

    /// Whether token `i` is the apostrophe of a plural possessive ("the farmers' union").
    pub fn is_possessive(&self, i: usize) -> bool {
        matches!(self.t(i), "'" | "\u{2019}")
            && i > 0
            && self.end(i - 1) == self.start(i)
            && self.t(i - 1).ends_with('s')
            && self.is_word(i + 1)
            && !self.is_mark(i)
    }

    /// Whether token `i` starts with a capital letter.
    pub fn is_cap(&self, i: usize) -> bool {
        self.is_word(i) && self.t(i).chars().next().is_some_and(char::is_uppercase)
    }
}

/// Whether the sentence ending at token `end` (exclusive) was cut inside a party tag ("(D-R."
/// then "I.) said"): it ends with "(", a party and the first letter of a state, and a dot, and
/// the next sentence, from token `next`, goes on in the same line.
fn party_tag_split(text: &str, toks: &[Token], end: usize, next: usize) -> bool {
    let t = |i: usize| toks.get(i).and_then(|t| text.get(t.span.0..t.span.1)).unwrap_or("");
    let same_line = match (end.checked_sub(1).and_then(|e| toks.get(e)), toks.get(next)) {
        (Some(x), Some(y)) => text.get(x.span.1..y.span.0).is_some_and(|g| !g.contains('\n')),
        _ => false,
    };
    end >= 3 && t(end - 1) == "." && super::phrase::party_tag(t(end - 2)) && t(end - 3) == "(" && same_line
}

/// Double quote marks, straight, curly, low and angled.
pub(super) fn is_quote_mark(s: &str) -> bool {
    matches!(s, "\"" | "\u{201C}" | "\u{201D}" | "\u{201E}" | "\u{00AB}" | "\u{00BB}")
}

/// Whether token `i` looks like a verb or finite auxiliary (for telling clauses from appositions).
pub(super) fn verbish(doc: &Doc, i: usize) -> bool {
    let t = doc.t(i);
    if doc.is(i, &doc.lx.quotes.verbish) {
        return true;
    }
    t.len() > 4 && t.ends_with("ed") && !doc.is_cap(i)
}
