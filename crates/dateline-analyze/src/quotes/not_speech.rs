//! Quoted text that is not anybody's words: the title of a show or a work named after a
//! preposition or a verb (`said on "Meet the Nation,"`, `told "Morning Harbour"`), and the
//! attribute values of markup left in the text (`<tweet id="7711" date="2016-09-01">`).

use dateline_text::Span;

use super::Found;
use crate::QuoteKind;

/// Marks that may open a quoted title (straight, curly, doubled single and angled).
const QUOTE_CHARS: &[char] =
    &['"', '\'', '\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}', '\u{201e}', '\u{ab}', '\u{bb}'];

/// The most words a quoted title may have.
const TITLE_WORDS: usize = 6;

/// Whether the quote `f` (direct or partial) is a title or a markup value, not speech.
pub(super) fn is_not_speech(text: &str, f: &Found, lx: &crate::Lexicon) -> bool {
    if f.kind == QuoteKind::Indirect {
        return false;
    }
    let Some(content) = text.get(f.content.0..f.content.1) else { return false };
    !content.chars().any(char::is_alphabetic)
        || markup_value(text, f.content)
        || framed_title(text, f.content, content, lx)
}

/// `id="..."`: the opening mark follows an equals sign.
fn markup_value(text: &str, content: Span) -> bool {
    let before = text.get(..content.0).unwrap_or("");
    let mut rev = before.chars().rev();
    matches!(rev.next(), Some('"' | '\u{201c}' | '\'')) && rev.next() == Some('=')
}

/// A title-case phrase of a few words, right after a preposition, a possessive or a verb of
/// writing or telling (`on NBC's "Meet the Nation,"`).
fn framed_title(text: &str, content: Span, inner: &str, lx: &crate::Lexicon) -> bool {
    let words: Vec<&str> = inner
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > TITLE_WORDS {
        return false;
    }
    let capitalised = |w: &str| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let small = |w: &str| lx.quotes.title_small_words.iter().any(|s| s.eq_ignore_ascii_case(w));
    let title_case = capitalised(words[0])
        && words.iter().all(|w| capitalised(w) || small(w))
        && words.iter().filter(|w| capitalised(w)).count() >= 2.min(words.len());
    if !title_case {
        return false;
    }
    // The word before the opening mark.
    let before = text.get(..content.0).unwrap_or("");
    let before = before.trim_end_matches(|c: char| c.is_whitespace() || QUOTE_CHARS.contains(&c));
    let prev = before.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
    let possessive = prev.ends_with("'s") || prev.ends_with("\u{2019}s");
    // `in his 2012 memoir, "A Harbour Boy."`: a work named just before, set off by a comma.
    let work = prev.strip_suffix(',').is_some_and(|w| lx.quotes.works.iter().any(|n| n.eq_ignore_ascii_case(w)));
    possessive
        || work
        || lx.quotes.title_frames.iter().any(|w| w.eq_ignore_ascii_case(prev))
        || subject(text, content, before, lx)
        || modifier(text, content, inner, lx)
}

/// Words after a quoted phrase that go on with the sentence rather than name a thing.
const NOT_NOUNS: &[&str] =
    &["and", "or", "but", "as", "because", "while", "if", "than", "that", "which", "who", "when"];

/// `wore "Vote Harbour First" badges`, `his "Harbour Nights" show`: a title-case phrase right
/// before a lowercase noun (no comma or stop between) is the name of that thing, a slogan or a
/// title, not words anyone is quoted as saying.
fn modifier(text: &str, content: Span, inner: &str, lx: &crate::Lexicon) -> bool {
    if inner.trim_end().ends_with(|c: char| c.is_ascii_punctuation()) {
        return false;
    }
    let after = text.get(content.1..).unwrap_or("");
    let Some(after) = after.strip_prefix(|c: char| QUOTE_CHARS.contains(&c)) else { return false };
    let after = after.trim_start_matches(|c: char| QUOTE_CHARS.contains(&c));
    let Some(after) = after.strip_prefix(' ') else { return false };
    let next: &str = after.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    let has = |list: &dateline_lexicon::Words| list.iter().any(|w| w.eq_ignore_ascii_case(next));
    next.len() > 2
        && next.chars().all(|c| c.is_ascii_lowercase())
        && after[next.len()..].starts_with([' ', '.', ','])
        && !NOT_NOUNS.contains(&next)
        && !has(&lx.quotes.pronouns)
        && !has(&lx.quotes.determiners)
        && !has(&lx.quotes.prepositions)
        && !has(&lx.quotes.finite)
        && !has(&lx.quotes.verbish)
        && super::cues::lemma(lx, next).is_none()
        && !next.ends_with("ed")
        && !next.ends_with("ing")
        && !next.ends_with("ly")
}

/// `"Harbour Lights" is a play about ...`, `"Tide Tables," which opens Friday, ...`: a
/// title-case phrase opening a sentence and followed by the sentence's own lowercase words
/// (not a verb of saying or a pronoun, as in `"Never Again," said the mayor`) is the subject of
/// the sentence, a title.
fn subject(text: &str, content: Span, before: &str, lx: &crate::Lexicon) -> bool {
    let opens = before.is_empty() || before.ends_with(['.', '!', '?', '\n']);
    // (`"Out!" the crowd chanted`: an exclamation or a question is speech.)
    let exclaims = text.get(content.0..content.1).is_some_and(|c| c.trim_end().ends_with(['!', '?']));
    if !opens || exclaims {
        return false;
    }
    let after = text.get(content.1..).unwrap_or("");
    let after = after.trim_start_matches(|c: char| c.is_whitespace() || c == ',' || QUOTE_CHARS.contains(&c));
    let next: &str = after.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    next.chars().next().is_some_and(char::is_lowercase)
        && super::cues::lemma(lx, next).is_none()
        && !lx.quotes.pronouns.iter().any(|p| p.eq_ignore_ascii_case(next))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn partial(text: &str, inner: &str) -> Found {
        let a = text.find(inner).expect("inner");
        Found { kind: QuoteKind::Partial, content: Span(a, a + inner.len()), cue: None, speaker: None }
    }

    #[test]
    fn titles_after_a_frame_are_not_speech() {
        let lx = crate::Lexicon::embedded_static();
        let t = "Mensah said on Harbour TV's \"Meet the Nation,\" that the port would close.";
        assert!(is_not_speech(t, &partial(t, "Meet the Nation,"), lx));
        let t = "\"The port will close,\" Boateng told \"Morning Harbour.\"";
        assert!(is_not_speech(t, &partial(t, "Morning Harbour."), lx));
        let t = "Mensah said on ''The Late Show With Ama Boateng'' last month.";
        assert!(is_not_speech(t, &partial(t, "The Late Show With Ama Boateng"), lx));
        let t = "\"The port will close,\" Boateng told \"Morning Harbour.\"";
        assert!(is_not_speech(t, &partial(t, "Morning Harbour."), lx));
        // Speech in title case after a cue is still speech when it is not framed.
        let t = "The mayor called the plan \"A Disgrace\" on Monday.";
        assert!(!is_not_speech(t, &partial(t, "A Disgrace"), lx));
        // A title-case phrase as a sentence's subject, or after a work it names.
        let t = "The cast sang. \"Harbour Lights\" is a play about the ferry strike.";
        assert!(is_not_speech(t, &partial(t, "Harbour Lights"), lx));
        let t = "Mensah told the story in his 2019 memoir, \"A Harbour Boy.\" It sold well.";
        assert!(is_not_speech(t, &partial(t, "A Harbour Boy."), lx));
        let t = "The crowd cheered. \"Never Again,\" said the mayor.";
        assert!(!is_not_speech(t, &partial(t, "Never Again,"), lx));
        let t = "The crowd cheered. \"Go Home!\" chanted the dockers.";
        assert!(!is_not_speech(t, &partial(t, "Go Home!"), lx));
        let t = "The crowd cheered. \"Thank You,\" she said.";
        assert!(!is_not_speech(t, &partial(t, "Thank You,"), lx));
        // A slogan or a title naming the noun after it.
        let t = "Dockers wore \"Save Our Pier\" badges at the rally.";
        assert!(is_not_speech(t, &partial(t, "Save Our Pier"), lx));
        let t = "The board dropped its \"Harbour Nights\" series in May.";
        assert!(is_not_speech(t, &partial(t, "Harbour Nights"), lx));
        // Not before a verb, a conjunction or after a comma inside the marks.
        let t = "She said \"The Dockers\" and left.";
        assert!(!is_not_speech(t, &partial(t, "The Dockers"), lx));
        let t = "Osei called it \"Sons of the Pier,\" in a speech.";
        assert!(!is_not_speech(t, &partial(t, "Sons of the Pier,"), lx));
        // Ordinary quoted words after a preposition are speech.
        let t = "She spoke of \"a very hard year for the town.\"";
        assert!(!is_not_speech(t, &partial(t, "a very hard year for the town."), lx));
    }

    #[test]
    fn markup_values_and_numbers_are_not_speech() {
        let lx = crate::Lexicon::embedded_static();
        let t = "<post id=\"771156940\" author=\"@harbourdesk\">The ferry is late.</post>";
        assert!(is_not_speech(t, &partial(t, "771156940"), lx));
        assert!(is_not_speech(t, &partial(t, "@harbourdesk"), lx));
        let t = "He said \"no\" twice.";
        assert!(!is_not_speech(t, &partial(t, "no"), lx));
    }
}
