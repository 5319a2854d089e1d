//! Sentence segmentation and language identification (`dateline-text`).

crate::lists! {
    /// The lists of `resources/lexicon/en/text/`.
    pub struct Text in "en/";
    /// Abbreviations that take a period and never end a sentence on their own: titles, ranks and
    /// words that are always followed by a name or a number.
    title_abbreviations: Words = "text/title-abbreviations.txt";
    /// Abbreviations that may end a sentence but usually do not (month names before a day, company
    /// suffixes, "approx.").
    other_abbreviations: Words = "text/other-abbreviations.txt";
    /// Words that, capitalised after an acronym like "U.S.", show that a new sentence began.
    sentence_starters: Words = "text/sentence-starters.txt";
    /// Function words that are English and not also common words of another language written in
    /// Latin script ("in", "a", "is", "die", "on" are left out for that reason).
    english_words: Words = "text/english-words.txt";
}
