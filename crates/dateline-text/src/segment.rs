//! Sentences and tokens with byte spans (placeholder; rules land next).

use crate::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with inner apostrophes, hyphens and abbreviation periods: `U.S.`, `Col.`).
    Word,
    /// Digits with inner separators (`25,000`, `3.5`).
    Number,
    /// Punctuation.
    Punct,
}

/// A token: a span into the text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where.
    pub span: Span,
    /// What.
    pub kind: TokenKind,
}

/// Sentence spans of `text`, in order, covering every non-space character.
pub fn sentences(text: &str) -> Vec<Span> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    vec![Span(0, text.len())]
}

/// Token spans of `text`, in order.
pub fn tokens(text: &str) -> Vec<Token> {
    let _ = text;
    Vec::new()
}
