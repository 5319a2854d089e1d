//! How a word of an article becomes a content term of [`crate::evidence`], by the article's
//! language.
//!
//! Two articles about one happening in one language inflect the same words differently
//! ("Verhandlungen" / "verhandelt", "negociaciones" / "negoció"), so terms are stems: the
//! language's Snowball stemmer where one exists, else the light English suffix strip the
//! evidence began with. Names are the exception: a capitalised word inside a sentence is kept as
//! written, because a name is what two articles in *different* languages share ("Warszawa" in a
//! Polish text and an English one), and two stemmers would cut it differently. German capitalises
//! every noun, so there the capital says nothing and the word is stemmed.
//!
//! Scripts written without spaces (Chinese, Japanese) have no words to stem: their runs are read
//! as overlapping character pairs by [`is_unspaced`] in the scan, the usual unit for comparing
//! such texts; before, a whole clause was one "word" and Chinese pairs shared almost no terms.
//!
//! Measured on the development half of the SemEval-2022 pairs (docs/accuracy-stories.md).

use std::borrow::Cow;

use rust_stemmers::{Algorithm, Stemmer};

/// Turns words into terms for one article's language.
pub(crate) struct TermStemmer {
    /// The language's Snowball stemmer, when it has one.
    snowball: Option<Stemmer>,
    /// Whether a capitalised word inside a sentence is a name (kept as written): false for
    /// German, whose nouns are all capitalised.
    capitals_are_names: bool,
}

impl TermStemmer {
    /// The stemmer for an ISO 639-1 code (the analysis record's `language`); `None` or a language
    /// without a Snowball stemmer gets the light English strip.
    pub(crate) fn for_language(language: Option<&str>) -> TermStemmer {
        let algorithm = match language {
            Some("de") => Some(Algorithm::German),
            Some("fr") => Some(Algorithm::French),
            Some("es") => Some(Algorithm::Spanish),
            Some("it") => Some(Algorithm::Italian),
            Some("pt") => Some(Algorithm::Portuguese),
            Some("nl") => Some(Algorithm::Dutch),
            Some("ru") => Some(Algorithm::Russian),
            Some("tr") => Some(Algorithm::Turkish),
            Some("ar") => Some(Algorithm::Arabic),
            Some("ro") => Some(Algorithm::Romanian),
            Some("hu") => Some(Algorithm::Hungarian),
            Some("sv") => Some(Algorithm::Swedish),
            Some("da") => Some(Algorithm::Danish),
            Some("no" | "nb" | "nn") => Some(Algorithm::Norwegian),
            Some("fi") => Some(Algorithm::Finnish),
            Some("el") => Some(Algorithm::Greek),
            _ => None,
        };
        TermStemmer { snowball: algorithm.map(Stemmer::create), capitals_are_names: language != Some("de") }
    }

    /// The term of a lower-cased `word`; `name` when it was capitalised and did not open its
    /// sentence.
    pub(crate) fn term<'w>(&self, word: &'w str, name: bool) -> Cow<'w, str> {
        if name && self.capitals_are_names && self.snowball.is_some() {
            return Cow::Borrowed(word);
        }
        match &self.snowball {
            Some(stemmer) => stemmer.stem(word),
            None => Cow::Borrowed(light_strip(word)),
        }
    }
}

/// A light English suffix strip, so that inflections of one word meet ("exports", "exported",
/// "exporting" → "export"), for texts of no known language. Only when at least four characters
/// remain, so short words keep their meaning.
fn light_strip(word: &str) -> &str {
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if stem.chars().count() > 3 {
                return stem;
            }
        }
    }
    word
}

/// Characters of scripts written without spaces between words (CJK ideographs, kana), and Hangul
/// syllables, whose words are long agglutinated runs: read as character pairs.
pub(crate) fn is_unspaced(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'   // hiragana, katakana
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{AC00}'..='\u{D7AF}' // Hangul syllables
        | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_meet_in_their_language() {
        let es = TermStemmer::for_language(Some("es"));
        assert_eq!(es.term("negociaciones", false), es.term("negociación", false));
        let de = TermStemmer::for_language(Some("de"));
        assert_eq!(de.term("verhandlungen", false), de.term("verhandlung", false));
        let en = TermStemmer::for_language(Some("en"));
        assert_eq!(en.term("exported", false), en.term("exporting", false));
    }

    #[test]
    fn names_stay_as_written_except_in_german() {
        let pl_like = TermStemmer::for_language(Some("es"));
        assert_eq!(pl_like.term("valdoria", true), "valdoria");
        let de = TermStemmer::for_language(Some("de"));
        assert_eq!(de.term("verhandlungen", true), de.term("verhandlungen", false));
    }

    #[test]
    fn unknown_languages_get_the_light_strip() {
        let none = TermStemmer::for_language(None);
        assert_eq!(none.term("exports", false), "export");
        assert_eq!(none.term("gas", false), "gas");
        let xx = TermStemmer::for_language(Some("xx"));
        assert_eq!(xx.term("sings", false), "sing");
    }

    #[test]
    fn ideographs_and_kana_are_unspaced_and_latin_is_not() {
        assert!(is_unspaced('港'));
        assert!(is_unspaced('の'));
        assert!(!is_unspaced('a'));
        assert!(!is_unspaced('é'));
    }
}
