//! Words of the adversarial article generator (`dateline-analyze`, `adversarial.rs`).

crate::lists! {
    ROLES: Words = "en/adversarial/roles.txt";
    ORG_HEADS: Words = "en/adversarial/org-heads.txt";
    NOUNS: Words = "en/adversarial/nouns.txt";
    VERBS: Words = "en/adversarial/verbs.txt";
    WEEKDAYS: Words = "en/adversarial/weekdays.txt";
    MONTHS: Words = "en/adversarial/months.txt";
    UNITS: Words = "en/adversarial/units.txt";
    CUES: Words = "en/adversarial/cues.txt";
}
