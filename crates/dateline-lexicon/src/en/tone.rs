//! The tone stage's VADER rules and GDELT word classes (`dateline-analyze`, `tone/`).

crate::lists! {
    BOOSTERS: Words = "en/tone/boosters.txt";
    DAMPENERS: Words = "en/tone/dampeners.txt";
    NEGATIONS: Words = "en/tone/negations.txt";
    PRONOUNS: Words = "en/tone/pronouns.txt";
    /// Verbs of action, movement, conflict and change that news uses (our own list; GDELT's activity
    /// dictionary is not published). Inflected forms are derived by `is_activity`.
    ACTIVITY_VERBS: Words = "en/tone/activity-verbs.txt";
    /// Irregular past forms of the activity verbs.
    ACTIVITY_IRREGULAR: Words = "en/tone/activity-irregular.txt";
}
