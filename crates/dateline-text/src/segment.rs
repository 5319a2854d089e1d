//! Sentences and tokens with byte spans.
//!
//! Rules rather than a model: news prose is full of abbreviations ("Col. Gen.", "U.S.", "Jan.",
//! "No. 10") that a plain UAX#29 sentence splitter breaks on, and the cases are few enough to list.
//! Segmentation never changes the text: tokens and sentences are spans into it, and everything
//! between two sentences is whitespace.

use crate::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with inner apostrophes, hyphens and abbreviation periods: `U.S.`, `Col.`).
    Word,
    /// Digits with inner separators (`25,000`, `3.5`), possibly followed by letters (`18th`).
    Number,
    /// Punctuation or any other symbol, one character each.
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

impl Token {
    /// The token's text.
    pub fn text(self, text: &str) -> &str {
        text.get(self.span.0..self.span.1).unwrap_or("")
    }
}

/// The word lists segmentation reads: a set's `text/` lists (`resources/lexicon/en/text/`), the
/// abbreviations that keep their period and the words that open a sentence after an acronym.
/// The functions without `_with` read the English set compiled in; the analysis passes the set
/// of its `Resources`.
pub type Lists = dateline_lexicon::en::text::Text;

/// The English set compiled in.
fn embedded() -> &'static Lists {
    &dateline_lexicon::Lexicon::embedded_en_ref().text
}

/// The longest entry of the abbreviation lists.
const LONGEST_ABBREVIATION: usize = 6;

fn is_abbreviation(word: &str, list: &dateline_lexicon::Words) -> bool {
    // (the length test first: this runs on every word before a period)
    word.len() <= LONGEST_ABBREVIATION && list.contains_ignore_ascii_case(word)
}

/// Tokens of `text`, in order. Whitespace separates tokens and belongs to none.
pub fn tokens(text: &str) -> Vec<Token> {
    tokens_with(text, embedded())
}

/// [`tokens`] with the abbreviations of `lists`.
pub fn tokens_with(text: &str, lists: &Lists) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    // Every scanner ends on a char boundary past its start, so the next token starts there.
    let mut start = 0;
    while let Some(c) = char_at(text, start) {
        if c.is_whitespace() {
            start += c.len_utf8();
            continue;
        }
        let (end, kind) = if c.is_alphabetic() {
            (scan_word(text, start, lists), TokenKind::Word)
        } else if c.is_ascii_digit() {
            (scan_number(text, start), TokenKind::Number)
        } else {
            (start + c.len_utf8(), TokenKind::Punct)
        };
        out.push(Token { span: Span(start, end), kind });
        start = end;
    }
    out
}

/// The char at byte `i` of `text`, if `i` is a boundary inside it. An ASCII byte (nearly every
/// one; never a continuation byte, so always a boundary) is the char, without slicing the text
/// and decoding: the tokenizer asks this at every space and at the end of every word.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => char_at_decoded(text, i),
    }
}

/// [`char_at`] by slicing and decoding.
fn char_at_decoded(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// A word: letters and marks, joined by inner apostrophes and hyphens ("don't", "US-led"), with a
/// trailing period when it is an abbreviation ("Col.", "U.S.", "J.").
fn scan_word(text: &str, start: usize, lists: &Lists) -> usize {
    let bytes = text.as_bytes();
    let mut end = start;
    let mut dotted = false;
    loop {
        // ASCII letters and digits, the bulk of every word, without decoding them.
        while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
            end += 1;
        }
        let Some(c) = char_at(text, end) else { break };
        if c.is_alphanumeric() || is_mark(c) {
            end += c.len_utf8();
            continue;
        }
        let next = char_at(text, end + c.len_utf8());
        let joins = matches!(c, '\'' | '\u{2019}' | '-' | '\u{2010}' | '&')
            && next.is_some_and(char::is_alphanumeric)
            && end > start;
        if joins {
            end += c.len_utf8();
            continue;
        }
        // "U.S." and "a.m.": single letters separated by periods.
        if c == '.' && next.is_some_and(char::is_alphabetic) && is_single_letter_segment(text, start, end) {
            let after = end + 1 + next.map_or(0, char::len_utf8);
            if char_at(text, after).is_none_or(|c| !c.is_alphanumeric()) {
                dotted = true;
                end += 1;
                continue;
            }
        }
        break;
    }
    if char_at(text, end) == Some('.') {
        let word = &text[start..end];
        let single = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        // "No. 10" abbreviates "number" only before a number: "she would vote no." ends a
        // sentence.
        let numero = word.eq_ignore_ascii_case("no") || word.eq_ignore_ascii_case("nos");
        let number_after =
            text[end + 1..].trim_start_matches([' ', '\u{a0}']).starts_with(|c: char| c.is_ascii_digit());
        // "then-Sen.", "ex-Gov.": a title after a hyphenated prefix keeps its period too.
        let hyphened_title = word.rsplit_once('-').is_some_and(|(_, title)| {
            title.starts_with(|c: char| c.is_ascii_uppercase()) && is_abbreviation(title, &lists.title_abbreviations)
        });
        if dotted
            || single
            || hyphened_title
            || (!numero || number_after)
                && (is_abbreviation(word, &lists.title_abbreviations)
                    || is_abbreviation(word, &lists.other_abbreviations))
        {
            end += 1;
        }
    }
    end
}

/// True when the last segment of `text[start..end]` after the last period is one letter.
fn is_single_letter_segment(text: &str, start: usize, end: usize) -> bool {
    let seg = text[start..end].rsplit('.').next().unwrap_or("");
    seg.chars().count() == 1
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// A number: digits with inner `,` or `.` between digits ("25,000", "3.5"), and a letter suffix
/// ("18th", "2nd", "5bn").
fn scan_number(text: &str, start: usize) -> usize {
    let b = text.as_bytes();
    let mut end = start;
    while end < b.len() {
        let c = b[end];
        let separator = matches!(c, b',' | b'.') && end > start && b.get(end + 1).is_some_and(u8::is_ascii_digit);
        if !(c.is_ascii_digit() || separator) {
            break;
        }
        end += 1;
    }
    while let Some(c) = char_at(text, end).filter(|c| c.is_alphabetic()) {
        end += c.len_utf8();
    }
    end
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '\u{201D}' | '\u{2019}' | '\u{00BB}')
}

/// The token table of one article: the tokens of [`tokens`], each with how it touches the one
/// before (glued, or after a line break), computed once per article and read by every stage of
/// the analysis, which reads it as it is (sentences, quotes) or derives its own view from it:
/// the entity model's treebank pieces and the letter, digit and mark pieces of times and amounts
/// are split inside the table's runs of glued tokens, the text's whitespace-free chunks.
#[derive(Debug, Clone, Default)]
pub struct TokenTable {
    tokens: Vec<Token>,
    gaps: Vec<Gap>,
}

/// What lies between a token and the one before it (or the text start).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Gap {
    /// No whitespace between them (never for the first token).
    pub glued: bool,
    /// The whitespace between them holds a line or paragraph break (`\n`, `\r`, U+2029).
    pub newline: bool,
}

impl TokenTable {
    /// The table of `text`.
    pub fn new(text: &str) -> Self {
        TokenTable::with_lists(text, embedded())
    }

    /// The table of `text`, with the abbreviations of `lists`.
    pub fn with_lists(text: &str, lists: &Lists) -> Self {
        let tokens = tokens_with(text, lists);
        let mut gaps = Vec::with_capacity(tokens.len());
        let mut prev_end = None;
        for t in &tokens {
            let before = text.get(prev_end.unwrap_or(0)..t.span.0).unwrap_or("");
            gaps.push(Gap {
                glued: prev_end.is_some() && before.is_empty(),
                newline: before.contains(['\n', '\r', '\u{2029}']),
            });
            prev_end = Some(t.span.1);
        }
        TokenTable { tokens, gaps }
    }

    /// The tokens, in order.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// What lies before each token, in token order.
    pub fn gaps(&self) -> &[Gap] {
        &self.gaps
    }

    /// The text's whitespace-free chunks, in order, as byte ranges `(start, end)` with whether a
    /// line break comes before each: the maximal runs of glued tokens.
    pub fn chunks(&self) -> impl Iterator<Item = (usize, usize, bool)> + '_ {
        let mut i = 0;
        std::iter::from_fn(move || {
            let first = self.tokens.get(i)?;
            let newline = self.gaps[i].newline;
            i += 1;
            while self.gaps.get(i).is_some_and(|g| g.glued) {
                i += 1;
            }
            Some((first.span.0, self.tokens[i - 1].span.1, newline))
        })
    }
}

/// Sentence spans of `text`, in order. Every non-whitespace character is in exactly one sentence;
/// a paragraph break always ends a sentence.
pub fn sentences(text: &str) -> Vec<Span> {
    sentences_of(text, &tokens(text))
}

/// [`sentences`] over the tokens of `text` already found (`toks` must be `tokens(text)`, as a
/// [`TokenTable`] holds them).
pub fn sentences_of(text: &str, toks: &[Token]) -> Vec<Span> {
    sentences_of_with(text, toks, embedded())
}

/// [`sentences_of`] with the sentence starters of `lists` (`toks` from [`tokens_with`] with the
/// same lists).
pub fn sentences_of_with(text: &str, toks: &[Token], lists: &Lists) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < toks.len() {
        let tok = toks[i];
        let s = start.get_or_insert(tok.span.0);
        let mut end_here = false;
        let mut last = i;
        let t = tok.text(text);
        if matches!(t, "." | "!" | "?" | "\u{2026}") {
            // Absorb runs of terminators and closing quotes/brackets: `said." Next`, `?!`.
            while let Some(next) = toks.get(last + 1) {
                let nt = next.text(text);
                let adjacent = next.span.0 == toks[last].span.1;
                if adjacent && (matches!(nt, "." | "!" | "?") || nt.chars().all(is_closing)) {
                    last += 1;
                } else {
                    break;
                }
            }
            end_here = toks.get(last + 1).is_none_or(|next| starts_sentence(text, next));
        } else if tok.kind == TokenKind::Word && t.ends_with('.') && ends_with_acronym(t) {
            end_here = toks.get(i + 1).is_some_and(|next| {
                let nt = next.text(text);
                lists.sentence_starters.contains(&nt) || paragraph_between(text, tok.span.1, next.span.0)
            });
        }
        if !end_here {
            if let Some(next) = toks.get(i + 1) {
                end_here = paragraph_between(text, tok.span.1, next.span.0);
            }
        }
        if end_here {
            out.push(Span(*s, toks[last].span.1));
            start = None;
        }
        i = last + 1;
    }
    if let (Some(s), Some(last)) = (start, toks.last()) {
        out.push(Span(s, last.span.1));
    }
    out
}

/// "U.S." or "a.m." (periods inside), but not "Col." or "Jan.": only those can end a sentence.
fn ends_with_acronym(word: &str) -> bool {
    word[..word.len() - 1].contains('.')
}

/// A line break between two offsets: headlines and paragraphs end sentences even without a period.
fn paragraph_between(text: &str, a: usize, b: usize) -> bool {
    text.get(a..b).is_some_and(|gap| gap.contains('\n'))
}

/// Whether `next` can open a sentence: a capital, a digit, an opening quote or bracket.
fn starts_sentence(text: &str, next: &Token) -> bool {
    let c = next.text(text).chars().next().unwrap_or(' ');
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\u{201C}' | '\'' | '\u{2018}' | '(' | '[' | '\u{00AB}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|s| &text[s.0..s.1]).collect()
    }

    fn toks(text: &str) -> Vec<&str> {
        tokens(text).into_iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn titles_do_not_split() {
        let t = "The commander, Col. Gen. Ivan Petrov, spoke. Lt. Smith agreed.";
        assert_eq!(sents(t), ["The commander, Col. Gen. Ivan Petrov, spoke.", "Lt. Smith agreed."]);
    }

    #[test]
    fn titles_after_a_hyphenated_prefix_do_not_split() {
        let t = "Lee said the gap with then-Gov. Ama Osei was small. Ex-Sen. Kofi Mensah agreed.";
        assert_eq!(sents(t), ["Lee said the gap with then-Gov. Ama Osei was small.", "Ex-Sen. Kofi Mensah agreed."]);
        // (A hyphenated word whose last part is no title still ends its sentence.)
        assert_eq!(
            sents("The pier closed for well-being. Lee left."),
            ["The pier closed for well-being.", "Lee left."]
        );
    }

    #[test]
    fn acronyms_and_months() {
        let t = "Talks with U.S. officials began on Jan. 5 in Geneva. They ended in the U.S. The next round is set.";
        assert_eq!(
            sents(t),
            [
                "Talks with U.S. officials began on Jan. 5 in Geneva.",
                "They ended in the U.S.",
                "The next round is set."
            ]
        );
    }

    #[test]
    fn numbers_decimals_and_no() {
        let t = "Prices rose 3.5 percent at No. 10 Downing Street. Some 25,000 people came.";
        assert_eq!(sents(t), ["Prices rose 3.5 percent at No. 10 Downing Street.", "Some 25,000 people came."]);
        // "no" before anything but a number is the word, and its period may end a sentence.
        let t = "She said she would vote no. Yet the board approved it. It is No.1 again.";
        assert_eq!(sents(t), ["She said she would vote no.", "Yet the board approved it.", "It is No.1 again."]);
        assert_eq!(
            toks("rose 3.5 percent, 25,000 people on 18th"),
            ["rose", "3.5", "percent", ",", "25,000", "people", "on", "18th"]
        );
    }

    #[test]
    fn initials() {
        let t = "Author J. R. Tolkin wrote it. It sold well.";
        assert_eq!(sents(t), ["Author J. R. Tolkin wrote it.", "It sold well."]);
    }

    #[test]
    fn quote_closing_after_period() {
        let t = "\"We will win.\" The minister left. He said: \"No!\" Then silence.";
        assert_eq!(sents(t), ["\"We will win.\"", "The minister left.", "He said: \"No!\"", "Then silence."]);
        let curly = "\u{201C}It is over.\u{201D} She nodded.";
        assert_eq!(sents(curly), ["\u{201C}It is over.\u{201D}", "She nodded."]);
    }

    #[test]
    fn lowercase_after_period_continues() {
        let t = "The vote was 5 vs. 4 in favour. it was close";
        assert_eq!(sents(t), ["The vote was 5 vs. 4 in favour. it was close"]);
    }

    #[test]
    fn paragraphs_end_sentences() {
        let t = "Headline without period\n\nBody starts here. Second sentence";
        assert_eq!(sents(t), ["Headline without period", "Body starts here.", "Second sentence"]);
    }

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens() {
        assert_eq!(
            toks("the US-led coalition's strikes don\u{2019}t stop Al-Karim."),
            ["the", "US-led", "coalition's", "strikes", "don\u{2019}t", "stop", "Al-Karim", "."]
        );
        assert_eq!(toks("Col. Gen. U.S. forces"), ["Col.", "Gen.", "U.S.", "forces"]);
        assert_eq!(toks("the end."), ["the", "end", "."]);
    }

    #[test]
    fn abbreviations_fit_the_length_bound() {
        let all = embedded().title_abbreviations.iter().chain(embedded().other_abbreviations.iter());
        assert!(all.map(|a| a.len()).max() == Some(LONGEST_ABBREVIATION));
    }

    proptest::proptest! {
        /// The ASCII shortcut of `char_at` answers as slicing and decoding does, at every byte
        /// offset (boundaries or not) and past the end.
        #[test]
        fn char_at_equals_decoding(text in r"[a-z .'\u{e9}\u{2019}\u{301}\n]{0,12}|\PC{0,24}") {
            for i in 0..text.len() + 3 {
                proptest::prop_assert_eq!(char_at(&text, i), char_at_decoded(&text, i));
            }
        }
    }

    #[test]
    fn empty_and_space_only() {
        assert!(sentences("").is_empty());
        assert!(sentences(" \n\n ").is_empty());
        assert!(tokens("   ").is_empty());
    }
}
