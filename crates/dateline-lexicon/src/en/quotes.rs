//! The quote stage's rules (`dateline-analyze`, `quotes/`).

crate::lists! {
    /// Role nouns vague enough that they refer back to the latest titled person even when the
    /// title does not contain them ("the official" after "Col. Gen. X, head of ...").
    GENERIC: Words = "en/quotes/generic.txt";
    /// Nouns for people who speak for an organisation: "a spokesman for the ministry" is the ministry.
    SPOKES: Words = "en/quotes/spokes.txt";
    /// Nouns for the person who heads an organisation: "the Harbour Authority chief".
    LEADERS: Words = "en/quotes/leaders.txt";
    /// Bodies that speak for the name before them ("the Hale campaign", "Lee's office"), unlike
    /// "Hale aides" or "Lee supporters", who are other people.
    VOICES: Words = "en/quotes/voices.txt";
    /// Words that end the head of a speaker phrase ("a spokesman | for the ministry").
    HEAD_END: Words = "en/quotes/head-end.txt";
    /// Title and role words that say a person's gender.
    MALE_WORDS: Words = "en/quotes/male-words.txt";
    FEMALE_WORDS: Words = "en/quotes/female-words.txt";
    /// Words after a name that make the phrase a clause with the name as its subject ("Hale
    /// distanced himself from ...", "Lee however", "Okafor can hardly"), not a noun the name
    /// modifies ("Varga supporters").
    SUBJECT_CLAUSE_WORDS: Words = "en/quotes/subject-clause-words.txt";
    /// Titles that may stand before a name opening a clause.
    TITLE_LIKE: Words = "en/quotes/title-like.txt";
    /// Words a speaker phrase never starts with (prepositions, subordinators): such a phrase was read
    /// off an adverbial ("In March", "On Tuesday", "with Gorka"), not a noun phrase.
    NOT_SPEAKER_START: Words = "en/quotes/not-speaker-start.txt";
    /// Adverbs and conjunctions left in front of a speaker ("Then she", "But Smith"): dropped.
    LEAD_WORDS: Words = "en/quotes/lead-words.txt";
    /// Words before a name that make it an object or a modifier, not a subject.
    NOT_SUBJECT_AFTER: Words = "en/quotes/not-subject-after.txt";
    /// Auxiliaries and common verbs that follow a subject.
    VERB_AFTER_SUBJECT: Words = "en/quotes/verb-after-subject.txt";
    /// Abbreviated titles whose dot ends no sentence.
    TITLE_DOTS: Words = "en/quotes/title-dots.txt";
    /// Lemmas of verbs that introduce what someone said, wrote, claimed, believed, found or intends
    /// (PolNeAR's scope, and a news reader's: "officials believe that ...", "the poll found that ...",
    /// "she plans to run"). Sorted for binary search. The verbs of thought and intent (`BELIEF`,
    /// `INTENT`) are held to stricter frames by the stages than verbs of saying.
    CUE_LEMMAS: Words = "en/quotes/cue-lemmas.txt";
    /// Irregular forms and their lemmas.
    CUE_IRREGULAR_FORMS: Pairs = "en/quotes/cue-irregular-forms.tsv";
    /// Verbs of thought, knowledge and evidence: they report a clause ("believes that ...", "the
    /// survey found that ...", "thinks the plan will fail"), never a bare object, and they do not
    /// frame quoted phrases (a scare quote near "think" is nobody's quote).
    BELIEF: Words = "en/quotes/belief.txt";
    /// Verbs of intent: they report what their subject means to do, as a "to" infinitive ("plans
    /// to run", "declined to comment", "wants voters to know").
    INTENT: Words = "en/quotes/intent.txt";
    /// Verbs of stance and judgement whose object is what is attributed ("criticised the plan",
    /// "endorsed Smith", "accused the ministry of lying", "called for a recount").
    OBJECT: Words = "en/quotes/object.txt";
    /// Verbs of saying whose object, when no clause follows, is what they report: "announced his
    /// resignation", "described the plan as a failure", "the poll shows Smith ahead".
    OBJECT_TOO: Words = "en/quotes/object-too.txt";
    /// Lemmas whose object can be the reported content itself, without "that": "X said the talks
    /// failed", "X told reporters the talks failed". Others ("denied the report", "noted the
    /// date") take a plain object that is not speech, so they need "that" or a quote.
    BARE_CONTENT: Words = "en/quotes/bare-content.txt";
    /// Lemmas whose "-s" form is more often a plural noun ("media reports", "the claims", "in 26
    /// states"): that form counts as a cue only right after its subject.
    NOUNISH: Words = "en/quotes/nounish.txt";
    /// Real words one typing slip away from a cue form ("started" / "stated").
    NOT_TYPOS: Words = "en/quotes/not-typos.txt";
    /// Subject pronouns that can stand for a speaker.
    PRONOUNS: Words = "en/quotes/pronouns.txt";
    /// Words that mark a new clause: a speaker phrase never reaches back across them.
    CLAUSE_WORDS: Words = "en/quotes/clause-words.txt";
    /// Auxiliaries and adverbs that may sit between a speaker and the cue ("has said", "also added").
    AUXILIARIES: Words = "en/quotes/auxiliaries.txt";
    /// Words that show a phrase is a clause, not a noun phrase (finite auxiliaries and copulas).
    VERBISH: Words = "en/quotes/verbish.txt";
    /// Verbs that frame a quoted characterisation ("called it "a disgrace"").
    NAMING: Words = "en/quotes/naming.txt";
    /// Nouns for what someone said, after a possessor and a quoted phrase: "Lee's "reckless" remarks".
    SAID_NOUNS: Words = "en/quotes/said-nouns.txt";
    /// Naming verbs that frame a quoted phrase right after them ("what he called 'a farce'").
    NAMING_RIGHT_BEFORE: Words = "en/quotes/naming-right-before.txt";
    /// Words after a closing mark that start something new rather than finish the quoted clause
    /// (`called them "losers" and left`).
    NOT_GOING_ON: Words = "en/quotes/not-going-on.txt";
    /// Nouns that attribute the clause after "that": "the claim that ...", "her warning that ...".
    NOUN_CUES: Words = "en/quotes/noun-cues.txt";
    /// Determiners that govern a noun cue ("the claim that", "a warning that", "his belief that").
    NOUN_DETERMINERS: Words = "en/quotes/noun-determiners.txt";
    /// Prepositions after which a bare plural is a noun cue ("amid fears that", "despite claims that").
    NOUN_PREPOSITIONS: Words = "en/quotes/noun-prepositions.txt";
    /// Verbs that take an object: without one after them, the clause is a relative one.
    GAP_VERBS: Words = "en/quotes/gap-verbs.txt";
    /// Subject pronouns that open a complement clause ("the claim that he lied").
    THAT_SUBJECTS: Words = "en/quotes/that-subjects.txt";
    /// Verbs that end a paragraph-final attribution: `..., he told reporters.`
    ATTRIBUTION_VERBS: Words = "en/quotes/attribution-verbs.txt";
    /// Words after a comma that open a clause of the writer's, not more of the reported content:
    /// "..., but ...", "..., which ...", "..., while ...".
    CLAUSE_TURNS: Words = "en/quotes/clause-turns.txt";
    /// Nouns that name the occasion of a statement: "in an interview", "at a rally".
    OCCASIONS: Words = "en/quotes/occasions.txt";
    /// Labels that end with a colon at a paragraph start but are not speakers.
    LABELS: Words = "en/quotes/labels.txt";
    /// Documents that speak for themselves when a sentence opens with them: "In a new poll, ...".
    STUDIES: Words = "en/quotes/studies.txt";
    /// Words that open something other than more content after a parenthetical attribution.
    NOT_CONTINUATION: Words = "en/quotes/not-continuation.txt";
    /// Words that open a subordinate clause.
    SUBORDINATORS: Words = "en/quotes/subordinators.txt";
    /// Words after a comma that end the object of a verb of stance ("criticised the plan, saying").
    OBJECT_END: Words = "en/quotes/object-end.txt";
    WH: Words = "en/quotes/wh.txt";
    /// Words that open a speaker phrase after an inverted cue ("..., said several observers").
    QUANTIFIERS: Words = "en/quotes/quantifiers.txt";
    DETERMINERS: Words = "en/quotes/determiners.txt";
    /// Words after a cue that open an adverbial (time, place, manner), not the content.
    ADVERBIAL: Words = "en/quotes/adverbial.txt";
    /// Words that end a speaker phrase written after its cue ("said Smith on Monday").
    AFTER_STOP: Words = "en/quotes/after-stop.txt";
    /// Contractions that end like a possessive but hold a verb ("he's said").
    NOT_POSSESSIVE: Words = "en/quotes/not-possessive.txt";
    /// Words that may sit between a subject and a verb of thought ("voters still believe").
    MIDDLE: Words = "en/quotes/middle.txt";
    /// Forms of "be": before a participle they make a passive ("is expected to", "was found dead").
    BE: Words = "en/quotes/be.txt";
    /// Words ending in "s" that are not plural subjects.
    NOT_PLURAL: Words = "en/quotes/not-plural.txt";
    /// Subject pronouns that open a clause.
    CLAUSE_SUBJECTS: Words = "en/quotes/clause-subjects.txt";
    /// Finite auxiliaries and copulas: one of them shows a run of words is a clause.
    FINITE: Words = "en/quotes/finite.txt";
    /// Prepositions: content never starts with one.
    PREPOSITIONS: Words = "en/quotes/prepositions.txt";
    /// Sentence adverbs and connectives that open a sentence before a comma ("Still, ...").
    CONNECTIVES: Words = "en/quotes/connectives.txt";
    /// Parts of a day that follow its name ("Monday night").
    DAY_PARTS: Words = "en/quotes/day-parts.txt";
    /// Verbs of citing: "cited X as saying", and a boundary of X's phrase.
    CITING: Words = "en/quotes/citing.txt";
    /// The participles of "as saying" after a verb of citing.
    AS_SAYING: Words = "en/quotes/as-saying.txt";
    /// Conjunctions of concession that open a clause after a comma.
    CONCESSIVE: Words = "en/quotes/concessive.txt";
    /// Past forms of common verbs that do not end in "-ed".
    IRREGULAR_PAST: Words = "en/quotes/irregular-past.txt";
    /// Modals before a cue that make the saying hypothetical.
    HYPOTHETICAL: Words = "en/quotes/hypothetical.txt";
    /// "vowed Tuesday to remain": a weekday may stand between the verb and "to".
    WEEKDAYS: Words = "en/quotes/weekdays.txt";
    /// Verbs whose "to" infinitive carries on their subject's act ("continued to insist", "had to
    /// explain"); "declined to say" and "wants to say" report no saying and are not here.
    INFINITIVE_FRAMES: Words = "en/quotes/infinitive-frames.txt";
    /// Periods after "last", "this" or "next" ("last month").
    PERIODS: Words = "en/quotes/periods.txt";
    /// Pronouns that open reported content after an occasion ("said in a statement they ...").
    OCCASION_SUBJECTS: Words = "en/quotes/occasion-subjects.txt";
    /// Lowercase words that may open that speaker phrase (`," he said`, `," his brother told`).
    EMBEDDED_SPEAKER_STARTS: Words = "en/quotes/embedded-speaker-starts.txt";
    /// Small words a title in title case leaves in lower case ("Meet the Press", "Fox and Friends").
    TITLE_SMALL_WORDS: Words = "en/quotes/title-small-words.txt";
    /// Words after which a quoted title names a show, paper or work rather than someone's words.
    TITLE_FRAMES: Words = "en/quotes/title-frames.txt";
}
