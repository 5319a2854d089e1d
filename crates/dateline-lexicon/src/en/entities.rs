//! The entity stage's rules (`dateline-analyze`, `entities/`).

crate::lists! {
    /// Nouns that, followed by "of", name a position in an organisation ("head of X").
    ROLE_OF: Words = "en/entities/role-of.txt";
    /// Titles after which the capitalised words before them, with a name after, are an organisation
    /// even when the recogniser found nothing there ("Kestrel Mining CEO X"): not "president" or
    /// "chairman", which follow countries and parties as often.
    ORG_BEFORE_TITLES: Words = "en/entities/org-before-titles.txt";
    /// Titles after which the capitalised words before them are the organisation the person works
    /// for ("Kestrel Mining CEO Ivo Pantic"), not a portfolio ("Fisheries Minister").
    CORPORATE_TITLES: Words = "en/entities/corporate-titles.txt";
    /// Words that end the name of a role phrase: prepositions of time and place, relatives, verbs.
    ROLE_STOP: Words = "en/entities/role-stop.txt";
    /// Nouns of places that, followed by a preposition, introduce the place's name: "military
    /// base at Al-Karim", "the town of X", "a camp near X".
    PLACE_NOUNS: Pairs = "en/entities/place-nouns.tsv";
    /// Plural place head words and the kind of the places they follow.
    PLURAL_PLACE_HEADS: Pairs = "en/entities/plural-place-heads.tsv";
    /// Last words that make a capitalised name an organisation (a narrower list than `ORG_WORDS`:
    /// no word that also heads buildings or places, such as "center", "court" or "office", nor
    /// "union", which ends "Soviet Union").
    ORG_HEADS: Words = "en/entities/org-heads.txt";
    /// Capitalised head words of buildings and grounds ("... Cricket Ground", "... Stadium").
    FACILITY_HEADS: Words = "en/entities/facility-heads.txt";
    /// Newspaper and journal head words ("... Herald", "... Times", "Journal of ...").
    MEDIA_HEADS: Words = "en/entities/media-heads.txt";
    /// Lower-case nouns for a company that can stand right before its name ("the gas company X").
    COMPANY_NOUNS: Words = "en/entities/company-nouns.txt";
    /// Direction words that may stand between "in" and a country ("in southeast Syria").
    DIRECTIONS: Words = "en/entities/directions.txt";
    /// Nouns that head a role phrase ("the head of ...", "a spokesman for ...").
    ROLE_NOUNS: Words = "en/entities/role-nouns.txt";
    /// Military ranks (lower case, no period): "the military official" refers to someone with one.
    MILITARY: Words = "en/entities/military.txt";
    /// Nouns of nominal mentions that refer back to a titled person ("the official").
    NOMINALS: Words = "en/entities/nominals.txt";
    /// Function words that never modify a role noun.
    TITLE_STOP: Words = "en/entities/title-stop.txt";
    /// Nouns of nominal mentions that fit anyone with a title or role.
    GENERIC_NOMINALS: Words = "en/entities/generic-nominals.txt";
    /// Verbs of saying after which the capitalised words before them are the sayer.
    SAYING: Words = "en/entities/saying.txt";
    /// Verbs of reporting, said of publications and agencies more than of people.
    REPORTING: Words = "en/entities/reporting.txt";
    /// Capitalised words that are never a name, whatever follows them: pronouns, determiners and
    /// quantifiers ("Some said", "Most say").
    REPORTER_NOT_NAMES: Words = "en/entities/reporter-not-names.txt";
    /// Lower-case words that may follow the source named after "according to" ("according to X
    /// on Monday"); any other lower-case word shows the name was a modifier ("the X aide").
    AFTER_A_SOURCE: Words = "en/entities/after-a-source.txt";
    /// Well-known international organisations and news agencies (as written), for the lexicon rule
    /// of the entity stage (not a feature of the model).
    ORG_NAMES: Words = "en/entities/org-names.txt";
    /// Head words of places that are not countries, cities or regions (→ LOC).
    LOC_WORDS: Words = "en/entities/loc-words.txt";
    /// Head words of buildings and structures (→ FAC).
    FAC_WORDS: Words = "en/entities/fac-words.txt";
}
