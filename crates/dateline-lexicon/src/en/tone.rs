//! The tone stage's VADER rules and GDELT word classes (`dateline-analyze`, `tone/`).

crate::lists! {
    /// The lists of `resources/lexicon/en/tone/`.
    pub struct Tone in "en/";
    boosters: Words = "tone/boosters.txt";
    dampeners: Words = "tone/dampeners.txt";
    negations: Words = "tone/negations.txt";
    pronouns: Words = "tone/pronouns.txt";
    /// Verbs of action, movement, conflict and change that news uses (our own list; GDELT's activity
    /// dictionary is not published). Inflected forms are derived by `is_activity`.
    activity_verbs: Words = "tone/activity-verbs.txt";
    /// Irregular past forms of the activity verbs.
    activity_irregular: Words = "tone/activity-irregular.txt";
}
