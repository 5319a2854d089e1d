//! The entity model's lexicons: what its features read, its tokenizer's abbreviations, the training reader's name rules (`dateline-ner`).

crate::lists! {
    /// The lists of `resources/lexicon/en/ner/`.
    pub struct Ner in "en/";
    /// Nationality adjectives and group nouns (lowercase) with the ISO 3166-1 alpha-2 code of the
    /// country they point to (`""` for groups with no single country).
    demonyms / DEMONYMS: Pairs = "ner/demonyms.tsv";
    /// Titles and honorifics that precede a person's name (lowercase, without the final period).
    person_titles / PERSON_TITLES: Words = "ner/person-titles.txt";
    /// Words that end or head organisation names (lowercase).
    org_words / ORG_WORDS: Words = "ner/org-words.txt";
    /// Tokens that may join the capitalised words of one name ("Committee of the Red Cross").
    name_connectors / NAME_CONNECTORS: Words = "ner/name-connectors.txt";
    /// Words that are never a name on their own (pronouns, determiners), even capitalised.
    not_names / NOT_NAMES: Words = "ner/not-names.txt";
    /// Abbreviations that keep their final period.
    abbreviations / ABBREVIATIONS: Words = "ner/abbreviations.txt";
}
