//! Sentence segmentation and language identification (`dateline-text`).

crate::lists! {
    /// Abbreviations that take a period and never end a sentence on their own: titles, ranks and
    /// words that are always followed by a name or a number.
    TITLE_ABBREVIATIONS: Words = "en/text/title-abbreviations.txt";
    /// Abbreviations that may end a sentence but usually do not (month names before a day, company
    /// suffixes, "approx.").
    OTHER_ABBREVIATIONS: Words = "en/text/other-abbreviations.txt";
    /// Words that, capitalised after an acronym like "U.S.", show that a new sentence began.
    SENTENCE_STARTERS: Words = "en/text/sentence-starters.txt";
    /// Function words that are English and not also common words of another language written in
    /// Latin script ("in", "a", "is", "die", "on" are left out for that reason).
    ENGLISH_WORDS: Words = "en/text/english-words.txt";
}
