//! Words of the adversarial article generator (`dateline-analyze`, `adversarial.rs`).

crate::lists! {
    /// The lists of `resources/lexicon/en/adversarial/`.
    pub struct Adversarial in "en/";
    roles / ROLES: Words = "adversarial/roles.txt";
    org_heads / ORG_HEADS: Words = "adversarial/org-heads.txt";
    nouns / NOUNS: Words = "adversarial/nouns.txt";
    verbs / VERBS: Words = "adversarial/verbs.txt";
    weekdays / WEEKDAYS: Words = "adversarial/weekdays.txt";
    months / MONTHS: Words = "adversarial/months.txt";
    units / UNITS: Words = "adversarial/units.txt";
    cues / CUES: Words = "adversarial/cues.txt";
}
