//! The entity stage's rules (`dateline-analyze`, `entities/`).

crate::lists! {
    /// The lists of `resources/lexicon/en/entities/`.
    pub struct Entities in "en/";
    /// Nouns that, followed by "of", name a position in an organisation ("head of X").
    role_of: Words = "entities/role-of.txt";
    /// Titles after which the capitalised words before them, with a name after, are an organisation
    /// even when the recogniser found nothing there ("Kestrel Mining CEO X"): not "president" or
    /// "chairman", which follow countries and parties as often.
    org_before_titles: Words = "entities/org-before-titles.txt";
    /// Titles after which the capitalised words before them are the organisation the person works
    /// for ("Kestrel Mining CEO Ivo Pantic"), not a portfolio ("Fisheries Minister").
    corporate_titles: Words = "entities/corporate-titles.txt";
    /// Title words that only modify another title ("Foreign Minister"): no name follows them
    /// directly.
    title_modifiers: Words = "entities/title-modifiers.txt";
    /// Words that end the name of a role phrase: prepositions of time and place, relatives, verbs.
    role_stop: Words = "entities/role-stop.txt";
    /// Nouns of places that, followed by a preposition, introduce the place's name: "military
    /// base at Al-Karim", "the town of X", "a camp near X".
    place_nouns: Pairs = "entities/place-nouns.tsv";
    /// Plural place head words and the kind of the places they follow.
    plural_place_heads: Pairs = "entities/plural-place-heads.tsv";
    /// Last words that make a capitalised name an organisation (a narrower list than `ORG_WORDS`:
    /// no word that also heads buildings or places, such as "center", "court" or "office", nor
    /// "union", which ends "Soviet Union").
    org_heads: Words = "entities/org-heads.txt";
    /// Capitalised head words of buildings and grounds ("... Cricket Ground", "... Stadium").
    facility_heads: Words = "entities/facility-heads.txt";
    /// Newspaper and journal head words ("... Herald", "... Times", "Journal of ...").
    media_heads: Words = "entities/media-heads.txt";
    /// Lower-case nouns for a company that can stand right before its name ("the gas company X").
    company_nouns: Words = "entities/company-nouns.txt";
    /// Capitalised words that, after a place's name, make it an event, an agreement or another
    /// place ("the X Summit", "X Province") rather than an organisation named after the place.
    not_org_after_place: Words = "entities/not-org-after-place.txt";
    /// Capitalised words that open sentences and are no portfolio before a title ("Meanwhile
    /// Minister X"): the title is the title word alone.
    not_portfolio: Words = "entities/not-portfolio.txt";
    /// Capitalised words that, right before a country or city, name an organisation with it
    /// ("Air <country>" for an airline).
    org_before_place: Words = "entities/org-before-place.txt";
    /// Continents and world regions (as written), which a company's branch may be named after.
    world_regions: Words = "entities/world-regions.txt";
    /// Direction words that may stand between "in" and a country ("in southeast Syria").
    directions: Words = "entities/directions.txt";
    /// Nouns that head a role phrase ("the head of ...", "a spokesman for ...").
    role_nouns: Words = "entities/role-nouns.txt";
    /// Military ranks (lower case, no period): "the military official" refers to someone with one.
    military: Words = "entities/military.txt";
    /// Nouns of nominal mentions that refer back to a titled person ("the official").
    nominals: Words = "entities/nominals.txt";
    /// Nominal nouns and title words they also refer back to, "noun: words" ("premier: prime
    /// minister").
    nominal_synonyms: Words = "entities/nominal-synonyms.txt";
    /// Portfolios a ministry is named after ("Foreign", "Defence"), capitalised before a
    /// lower-case "ministry".
    portfolios: Words = "entities/portfolios.txt";
    /// Function words that never modify a role noun.
    title_stop: Words = "entities/title-stop.txt";
    /// Nouns of nominal mentions that fit anyone with a title or role.
    generic_nominals: Words = "entities/generic-nominals.txt";
    /// Verbs of saying after which the capitalised words before them are the sayer.
    saying: Words = "entities/saying.txt";
    /// Verbs of reporting, said of publications and agencies more than of people.
    reporting: Words = "entities/reporting.txt";
    /// Capitalised words that are never a name, whatever follows them: pronouns, determiners and
    /// quantifiers ("Some said", "Most say").
    reporter_not_names: Words = "entities/reporter-not-names.txt";
    /// Lower-case words that may follow the source named after "according to" ("according to X
    /// on Monday"); any other lower-case word shows the name was a modifier ("the X aide").
    after_a_source: Words = "entities/after-a-source.txt";
    /// Well-known international organisations and news agencies (as written), for the lexicon rule
    /// of the entity stage (not a feature of the model).
    org_names: Words = "entities/org-names.txt";
    /// Head words of places that are not countries, cities or regions (→ LOC).
    loc_words: Words = "entities/loc-words.txt";
    /// Head words of buildings and structures (→ FAC).
    fac_words: Words = "entities/fac-words.txt";
    /// Plural nouns for organisations: the names listed after them are organisations.
    org_plurals: Words = "entities/org-plurals.txt";
    /// Words that, with "of" and a known place, name an event after it ("the Siege of X").
    events_of_places: Words = "entities/events-of-places.txt";
    /// Capitalised last words that make a name of several words an event ("... Games").
    event_heads: Words = "entities/event-heads.txt";
    /// Capitalised words that, before a name, make it a storm's name ("Cyclone X").
    storm_words: Words = "entities/storm-words.txt";
    /// Prepositions after which a region the gazetteer lists is a mention of that place.
    place_prepositions: Words = "entities/place-prepositions.txt";
    /// Seasons, capitalised in some house styles: never a region after a preposition.
    seasons: Words = "entities/seasons.txt";
}
