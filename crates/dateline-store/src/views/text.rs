//! Text cut from an article for display: derived headlines, leads and excerpts, at word
//! boundaries and never inside a character.

use dateline_analyze::Span;
use serde::Serialize;

use crate::search::SNIPPET_ELLIPSIS;

/// Bytes of context on each side of a mention or quote in an excerpt.
const CONTEXT_BYTES: usize = 90;

/// Characters of body text shown for a hit when there is no text query to build a snippet from.
const LEAD_CHARS: usize = 260;

/// Characters read from the start of a text for a lead or a derived headline.
pub(super) const HEAD_CHARS: i64 = 1600;

/// Longest derived headline, in characters.
const HEADLINE_CHARS: usize = 110;

/// A passage of an article with a marked part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Excerpt {
    /// Text before the marked part (starts with `…` when cut).
    pub before: String,
    /// The marked part.
    pub marked: String,
    /// Text after it (ends with `…` when cut).
    pub after: String,
}

/// The opening of an article, for leads and derived headlines.
#[derive(Debug)]
pub(super) struct Head {
    pub(super) id: String,
    pub(super) title: Option<String>,
    pub(super) head: String,
    pub(super) dateline_end: Option<usize>,
    pub(super) story: Option<i64>,
    pub(super) versions: u64,
}

impl Head {
    /// The body after the dateline (or all of the opening when the offset does not fit).
    fn body(&self) -> &str {
        self.dateline_end.and_then(|end| self.head.get(end..)).unwrap_or(self.head.as_str())
    }

    /// The opening shown under the headline: for an untitled article, the text after the first
    /// sentence, which is already the headline.
    pub(super) fn lead(&self) -> String {
        match self.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            Some(_) => lead_of(self.body()),
            None => {
                // A headline cut short leaves its sentence unfinished: then the lead starts over.
                let (headline, rest) = split_first_sentence(self.body());
                if rest.trim().is_empty() || headline.ends_with(SNIPPET_ELLIPSIS) {
                    lead_of(self.body())
                } else {
                    lead_of(rest)
                }
            }
        }
    }

    pub(super) fn headline(&self) -> String {
        match self.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            Some(t) => t.to_string(),
            None => derive_headline(self.body()),
        }
    }
}

/// A headline for an untitled article: its first sentence, or its first words when that is long.
pub fn derive_headline(body: &str) -> String {
    split_first_sentence(body).0
}

/// An untitled article's body split into a headline (its first sentence, cut to
/// [`HEADLINE_CHARS`] at a word) and the text after that sentence.
pub fn split_first_sentence(body: &str) -> (String, &str) {
    let body = body.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '—' | '–' | ':'));
    // The first sentence end: a period, question or exclamation mark followed by whitespace and
    // a capital letter or an opening quote.
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut end = body.len();
    for w in chars.windows(3) {
        let (at, mark) = w[0];
        if matches!(mark, '.' | '?' | '!')
            && w[1].1.is_whitespace()
            && (w[2].1.is_uppercase() || matches!(w[2].1, '"' | '“'))
        {
            // "Sen. Smith", "U.S. officials": a short capitalised word before a period is
            // more likely an abbreviation than the end of a sentence.
            let word = body[..at].rsplit(char::is_whitespace).next().unwrap_or_default();
            let abbreviation =
                mark == '.' && word.chars().count() <= 3 && word.chars().next().is_some_and(char::is_uppercase);
            if !abbreviation {
                end = at;
                break;
            }
        }
    }
    let rest = body.get(end..).map_or("", |r| r.trim_start_matches(['.', '?', '!']).trim_start());
    let flat: String = body[..end].split_whitespace().collect::<Vec<_>>().join(" ");
    let sentence = flat.trim_end_matches(['.', ' ']);
    let Some((cut, _)) = sentence.char_indices().nth(HEADLINE_CHARS) else {
        return (sentence.to_string(), rest);
    };
    let head = &sentence[..cut];
    let head = head.rfind(' ').map_or(head, |space| &head[..space]);
    (format!("{}{SNIPPET_ELLIPSIS}", head.trim_end_matches([',', ';', ':', ' '])), rest)
}

/// The opening of a body: whitespace tidied, cut at a word with an ellipsis.
fn lead_of(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let flat = flat.trim_start_matches(['-', '—', '–', ':', ' ']).to_string();
    let max = LEAD_CHARS;
    let Some((cut, _)) = flat.char_indices().nth(max) else {
        return flat;
    };
    let head = &flat[..cut];
    match head.rfind(' ') {
        Some(space) if space > head.len() / 2 => format!("{}{SNIPPET_ELLIPSIS}", &head[..space]),
        _ => format!("{head}{SNIPPET_ELLIPSIS}"),
    }
}

/// The text around `span`, cut at whitespace near [`CONTEXT_BYTES`] on each side. A span that is
/// out of range or not on char boundaries gives an empty excerpt rather than a panic.
pub fn excerpt(text: &str, span: Span) -> Excerpt {
    let Some(marked) = text.get(span.0..span.1) else {
        return Excerpt { before: String::new(), marked: String::new(), after: String::new() };
    };
    let mut start = span.0.saturating_sub(CONTEXT_BYTES);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (span.1 + CONTEXT_BYTES).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let mut before = &text[start..span.0];
    if start > 0 {
        before = before.split_once(char::is_whitespace).map_or(before, |(_, rest)| rest);
    }
    let mut after = &text[span.1..end];
    if end < text.len() {
        after = after.rsplit_once(char::is_whitespace).map_or(after, |(head, _)| head);
    }
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let lead = if start > 0 { SNIPPET_ELLIPSIS } else { "" };
    let tail = if end < text.len() { SNIPPET_ELLIPSIS } else { "" };
    let keep_space = |s: &str, at_end: bool| {
        let f = flat(s);
        let space = if at_end { s.ends_with(char::is_whitespace) } else { s.starts_with(char::is_whitespace) };
        match (f.is_empty(), space, at_end) {
            (true, _, _) => f,
            (false, true, true) => format!("{f} "),
            (false, true, false) => format!(" {f}"),
            _ => f,
        }
    };
    Excerpt {
        before: format!("{lead}{}", keep_space(before, true)),
        marked: flat(marked),
        after: format!("{}{tail}", keep_space(after, false)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_cuts_at_words_and_never_panics() {
        let text = "Alpha beta gamma. The official said the corridor stays open, officials added.";
        let at = text.find("official").unwrap_or(0);
        let e = excerpt(text, Span(at, at + 8));
        assert_eq!(e.marked, "official");
        assert!(e.before.ends_with("The "));
        // Out of range and mid-character spans give an empty excerpt.
        assert_eq!(excerpt("é", Span(1, 2)).marked, "");
        assert_eq!(excerpt("abc", Span(2, 9)).marked, "");
        let long = "ü".repeat(200);
        let e = excerpt(&long, Span(100, 102));
        assert_eq!(e.marked, "ü");
    }

    #[test]
    fn lead_is_cut_at_a_word() {
        let text = "word ".repeat(100);
        let lead = lead_of(&text);
        assert!(lead.ends_with('…'));
        assert!(lead.len() < 270);
        assert_eq!(lead_of(" — Short body."), "Short body.");
    }

    #[test]
    fn headline_is_the_first_sentence() {
        assert_eq!(derive_headline(" - Talks resumed on Monday. Delegates said no."), "Talks resumed on Monday");
        assert_eq!(derive_headline("Sen. Smith spoke. Then"), "Sen. Smith spoke");
        let long = derive_headline(&"word ".repeat(60));
        assert!(long.ends_with('…') && long.chars().count() <= HEADLINE_CHARS + 1);
        assert_eq!(derive_headline(""), "");
        assert_eq!(split_first_sentence("One two. Three four.").1, "Three four.");
    }
}
