//! The entity model's lexicons: what its features read, its tokenizer's abbreviations, the training reader's name rules (`dateline-ner`).

crate::lists! {
    /// Nationality adjectives and group nouns (lowercase) with the ISO 3166-1 alpha-2 code of the
    /// country they point to (`""` for groups with no single country).
    DEMONYMS: Pairs = "en/ner/demonyms.tsv";
    /// Titles and honorifics that precede a person's name (lowercase, without the final period).
    PERSON_TITLES: Words = "en/ner/person-titles.txt";
    /// Words that end or head organisation names (lowercase).
    ORG_WORDS: Words = "en/ner/org-words.txt";
    /// Tokens that may join the capitalised words of one name ("Committee of the Red Cross").
    NAME_CONNECTORS: Words = "en/ner/name-connectors.txt";
    /// Words that are never a name on their own (pronouns, determiners), even capitalised.
    NOT_NAMES: Words = "en/ner/not-names.txt";
    /// Abbreviations that keep their final period.
    ABBREVIATIONS: Words = "en/ner/abbreviations.txt";
}
