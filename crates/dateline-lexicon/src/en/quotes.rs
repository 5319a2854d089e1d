//! The quote stage's rules (`dateline-analyze`, `quotes/`).

crate::lists! {
    /// The lists of `resources/lexicon/en/quotes/`.
    pub struct Quotes in "en/";
    /// Role nouns vague enough that they refer back to the latest titled person even when the
    /// title does not contain them ("the official" after "Col. Gen. X, head of ...").
    generic: Words = "quotes/generic.txt";
    /// Nouns for people who speak for an organisation: "a spokesman for the ministry" is the ministry.
    spokes: Words = "quotes/spokes.txt";
    /// Nouns for the person who heads an organisation: "the Harbour Authority chief".
    leaders: Words = "quotes/leaders.txt";
    /// Bodies that speak for the name before them ("the Hale campaign", "Lee's office"), unlike
    /// "Hale aides" or "Lee supporters", who are other people.
    voices: Words = "quotes/voices.txt";
    /// Words that end the head of a speaker phrase ("a spokesman | for the ministry").
    head_end: Words = "quotes/head-end.txt";
    /// Title and role words that say a person's gender.
    male_words: Words = "quotes/male-words.txt";
    female_words: Words = "quotes/female-words.txt";
    /// Words after a name that make the phrase a clause with the name as its subject ("Hale
    /// distanced himself from ...", "Lee however", "Okafor can hardly"), not a noun the name
    /// modifies ("Varga supporters").
    subject_clause_words: Words = "quotes/subject-clause-words.txt";
    /// Titles that may stand before a name opening a clause.
    title_like: Words = "quotes/title-like.txt";
    /// Words a speaker phrase never starts with (prepositions, subordinators): such a phrase was read
    /// off an adverbial ("In March", "On Tuesday", "with Gorka"), not a noun phrase.
    not_speaker_start: Words = "quotes/not-speaker-start.txt";
    /// Adverbs and conjunctions left in front of a speaker ("Then she", "But Smith"): dropped.
    lead_words: Words = "quotes/lead-words.txt";
    /// Words before a name that make it an object or a modifier, not a subject.
    not_subject_after: Words = "quotes/not-subject-after.txt";
    /// Auxiliaries and common verbs that follow a subject.
    verb_after_subject: Words = "quotes/verb-after-subject.txt";
    /// Abbreviated titles whose dot ends no sentence.
    title_dots: Words = "quotes/title-dots.txt";
    /// Lemmas of verbs that introduce what someone said, wrote, claimed, believed, found or intends
    /// (PolNeAR's scope, and a news reader's: "officials believe that ...", "the poll found that ...",
    /// "she plans to run"). Kept sorted (a test checks), for readers. The verbs of thought and intent (`belief`,
    /// `intent`) are held to stricter frames by the stages than verbs of saying.
    cue_lemmas: Words = "quotes/cue-lemmas.txt";
    /// Irregular forms and their lemmas.
    cue_irregular_forms: Pairs = "quotes/cue-irregular-forms.tsv";
    /// Verbs of thought, knowledge and evidence: they report a clause ("believes that ...", "the
    /// survey found that ...", "thinks the plan will fail"), never a bare object, and they do not
    /// frame quoted phrases (a scare quote near "think" is nobody's quote).
    belief: Words = "quotes/belief.txt";
    /// Verbs of intent: they report what their subject means to do, as a "to" infinitive ("plans
    /// to run", "declined to comment", "wants voters to know").
    intent: Words = "quotes/intent.txt";
    /// Verbs of stance and judgement whose object is what is attributed ("criticised the plan",
    /// "endorsed Smith", "accused the ministry of lying", "called for a recount").
    object: Words = "quotes/object.txt";
    /// Verbs of saying whose object, when no clause follows, is what they report: "announced his
    /// resignation", "described the plan as a failure", "the poll shows Smith ahead".
    object_too: Words = "quotes/object-too.txt";
    /// Lemmas whose object can be the reported content itself, without "that": "X said the talks
    /// failed", "X told reporters the talks failed". Others ("denied the report", "noted the
    /// date") take a plain object that is not speech, so they need "that" or a quote.
    bare_content: Words = "quotes/bare-content.txt";
    /// Lemmas whose "-s" form is more often a plural noun ("media reports", "the claims", "in 26
    /// states"): that form counts as a cue only right after its subject.
    nounish: Words = "quotes/nounish.txt";
    /// Real words one typing slip away from a cue form ("started" / "stated").
    not_typos: Words = "quotes/not-typos.txt";
    /// Subject pronouns that can stand for a speaker.
    pronouns: Words = "quotes/pronouns.txt";
    /// Words that mark a new clause: a speaker phrase never reaches back across them.
    clause_words: Words = "quotes/clause-words.txt";
    /// Auxiliaries and adverbs that may sit between a speaker and the cue ("has said", "also added").
    auxiliaries: Words = "quotes/auxiliaries.txt";
    /// Words that show a phrase is a clause, not a noun phrase (finite auxiliaries and copulas).
    verbish: Words = "quotes/verbish.txt";
    /// Verbs that frame a quoted characterisation ("called it "a disgrace"").
    naming: Words = "quotes/naming.txt";
    /// Nouns for what someone said, after a possessor and a quoted phrase: "Lee's "reckless" remarks".
    said_nouns: Words = "quotes/said-nouns.txt";
    /// Naming verbs that frame a quoted phrase right after them ("what he called 'a farce'").
    naming_right_before: Words = "quotes/naming-right-before.txt";
    /// Words after a closing mark that start something new rather than finish the quoted clause
    /// (`called them "losers" and left`).
    not_going_on: Words = "quotes/not-going-on.txt";
    /// Nouns that attribute the clause after "that": "the claim that ...", "her warning that ...".
    noun_cues: Words = "quotes/noun-cues.txt";
    /// Determiners that govern a noun cue ("the claim that", "a warning that", "his belief that").
    noun_determiners: Words = "quotes/noun-determiners.txt";
    /// Prepositions after which a bare plural is a noun cue ("amid fears that", "despite claims that").
    noun_prepositions: Words = "quotes/noun-prepositions.txt";
    /// Verbs that take an object: without one after them, the clause is a relative one.
    gap_verbs: Words = "quotes/gap-verbs.txt";
    /// Subject pronouns that open a complement clause ("the claim that he lied").
    that_subjects: Words = "quotes/that-subjects.txt";
    /// Verbs that end a paragraph-final attribution: `..., he told reporters.`
    attribution_verbs: Words = "quotes/attribution-verbs.txt";
    /// Words after a comma that open a clause of the writer's, not more of the reported content:
    /// "..., but ...", "..., which ...", "..., while ...".
    clause_turns: Words = "quotes/clause-turns.txt";
    /// Nouns that name the occasion of a statement: "in an interview", "at a rally".
    occasions: Words = "quotes/occasions.txt";
    /// Labels that end with a colon at a paragraph start but are not speakers.
    labels: Words = "quotes/labels.txt";
    /// Documents that speak for themselves when a sentence opens with them: "In a new poll, ...".
    studies: Words = "quotes/studies.txt";
    /// Words that open something other than more content after a parenthetical attribution.
    not_continuation: Words = "quotes/not-continuation.txt";
    /// Words that open a subordinate clause.
    subordinators: Words = "quotes/subordinators.txt";
    /// Words after a comma that end the object of a verb of stance ("criticised the plan, saying").
    object_end: Words = "quotes/object-end.txt";
    /// Prepositions that end the object of a verb of stance with the circumstances of the act
    /// ("backed the levy despite her doubts", "praised the crews during a visit").
    object_circumstances: Words = "quotes/object-circumstances.txt";
    /// Adjectives after "be" whose infinitive is the subject's saying ("more likely to say").
    adjective_frames: Words = "quotes/adjective-frames.txt";
    /// Words of degree between "be" and such an adjective ("are slightly more likely to say").
    degree_words: Words = "quotes/degree-words.txt";
    /// Verbs that name what their object is without quote marks ("called him reckless").
    naming_plain: Words = "quotes/naming-plain.txt";
    /// Pronouns as the object of a verb ("called him reckless").
    object_pronouns: Words = "quotes/object-pronouns.txt";
    /// Words after a naming verb and a pronoun that say nothing it was called ("called him back").
    naming_not_complement: Words = "quotes/naming-not-complement.txt";
    wh: Words = "quotes/wh.txt";
    /// Words that open a speaker phrase after an inverted cue ("..., said several observers").
    quantifiers: Words = "quotes/quantifiers.txt";
    determiners: Words = "quotes/determiners.txt";
    /// Words after a cue that open an adverbial (time, place, manner), not the content.
    adverbial: Words = "quotes/adverbial.txt";
    /// Words that end a speaker phrase written after its cue ("said Smith on Monday").
    after_stop: Words = "quotes/after-stop.txt";
    /// Contractions that end like a possessive but hold a verb ("he's said").
    not_possessive: Words = "quotes/not-possessive.txt";
    /// Words that may sit between a subject and a verb of thought ("voters still believe").
    middle: Words = "quotes/middle.txt";
    /// Forms of "be": before a participle they make a passive ("is expected to", "was found dead").
    be: Words = "quotes/be.txt";
    /// Words ending in "s" that are not plural subjects.
    not_plural: Words = "quotes/not-plural.txt";
    /// Subject pronouns that open a clause.
    clause_subjects: Words = "quotes/clause-subjects.txt";
    /// Finite auxiliaries and copulas: one of them shows a run of words is a clause.
    finite: Words = "quotes/finite.txt";
    /// Prepositions: content never starts with one.
    prepositions: Words = "quotes/prepositions.txt";
    /// Sentence adverbs and connectives that open a sentence before a comma ("Still, ...").
    connectives: Words = "quotes/connectives.txt";
    /// Parts of a day that follow its name ("Monday night").
    day_parts: Words = "quotes/day-parts.txt";
    /// Verbs of citing: "cited X as saying", and a boundary of X's phrase.
    citing: Words = "quotes/citing.txt";
    /// The participles of "as saying" after a verb of citing.
    as_saying: Words = "quotes/as-saying.txt";
    /// Conjunctions of concession that open a clause after a comma.
    concessive: Words = "quotes/concessive.txt";
    /// Words other than prepositions and subordinators that open an adverbial frame at a
    /// sentence's start ("Whatever his plans, ...", "Despite the delays, ...").
    frame_openers: Words = "quotes/frame-openers.txt";
    /// Past forms of common verbs that do not end in "-ed".
    irregular_past: Words = "quotes/irregular-past.txt";
    /// Modals before a cue that make the saying hypothetical.
    hypothetical: Words = "quotes/hypothetical.txt";
    /// "vowed Tuesday to remain": a weekday may stand between the verb and "to".
    weekdays: Words = "quotes/weekdays.txt";
    /// Verbs whose "to" infinitive carries on their subject's act ("continued to insist", "had to
    /// explain"); "declined to say" and "wants to say" report no saying and are not here.
    infinitive_frames: Words = "quotes/infinitive-frames.txt";
    /// Periods after "last", "this" or "next" ("last month").
    periods: Words = "quotes/periods.txt";
    /// Pronouns that open reported content after an occasion ("said in a statement they ...").
    occasion_subjects: Words = "quotes/occasion-subjects.txt";
    /// Lowercase words that may open that speaker phrase (`," he said`, `," his brother told`).
    embedded_speaker_starts: Words = "quotes/embedded-speaker-starts.txt";
    /// Small words a title in title case leaves in lower case ("Meet the Press", "Fox and Friends").
    title_small_words: Words = "quotes/title-small-words.txt";
    /// Words after which a quoted title names a show, paper or work rather than someone's words.
    title_frames: Words = "quotes/title-frames.txt";
    /// Kinds of work that, named before a comma, make the quoted title after it a name.
    works: Words = "quotes/works.txt";
    /// What "deny" withholds when it refuses something rather than a claim ("denied him bail").
    withheld_things: Words = "quotes/withheld-things.txt";
    /// Words that join a participle of saying to the clause before it ("... before insisting
    /// that", "..., while arguing"): it speaks for that clause's subject.
    participle_links: Words = "quotes/participle-links.txt";
    /// Words that make the "-ing" form of a verb of stance after them the clause subject's act
    /// ("won the vote by promising ...", "..., praising X and calling for Y").
    stance_participles: Words = "quotes/stance-participles.txt";
    /// Source nouns that, ending the words before a headline's colon, make what follows the
    /// source's words ("Poll: Mensah leads in the north").
    label_sources: Words = "quotes/label-sources.txt";
    /// First-person pronouns: reported content before its attribution that speaks with one of
    /// them outside quote marks is a direct quote whose marks were dropped ("Our door is open,
    /// he told reporters").
    first_person: Words = "quotes/first-person.txt";
}
