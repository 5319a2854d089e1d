//! The tone lexicon (`resources/tone.tsv`): VADER valences and Pattern polarities, and the
//! hand-written word lists of the VADER rules and of the GDELT-style densities.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::AnalyzeError;

/// Version of `resources/tone.tsv` this loader reads.
const FORMAT_VERSION: &str = "1";

/// The lexicon compiled into the binary (built by `examples/build_tone.rs`).
static EMBEDDED: &str = include_str!("../../../../resources/tone.tsv");

/// Word valences for tone scoring. Keys are lowercase.
#[derive(Debug, Clone, Default)]
pub struct ToneLexicon {
    /// Each word's VADER and Pattern scores: one lookup per token gives both.
    words: FxHashMap<Box<str>, WordTone>,
    /// Numbers of VADER and Pattern entries.
    counts: (usize, usize),
}

/// What the lexicons say of one lowercase word.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct WordTone {
    /// VADER: mean human valence rating, -4 to +4.
    pub vader: Option<f64>,
    /// Pattern: mean polarity over a word's senses, -1 to +1 (kept only for words VADER lacks).
    pub pattern: Option<f64>,
}

impl ToneLexicon {
    /// The lexicon embedded in the binary.
    pub fn embedded() -> Result<Self, AnalyzeError> {
        Self::from_text(EMBEDDED, "embedded resources/tone.tsv")
    }

    /// Reads a lexicon in the format `build_tone` writes (see `resources/README.md`).
    pub fn from_text(text: &str, name: &str) -> Result<Self, AnalyzeError> {
        let bad = |line: usize, message: String| AnalyzeError::Resource { name: name.to_string(), line, message };
        let mut lines = text.lines();
        let header = lines.next().unwrap_or("");
        let mut h = header.split('\t');
        if h.next() != Some("#dateline-tone") {
            return Err(bad(1, "missing #dateline-tone header".into()));
        }
        match h.next() {
            Some(FORMAT_VERSION) => {}
            v => return Err(bad(1, format!("format version {v:?}, expected {FORMAT_VERSION}"))),
        }
        let mut lex = ToneLexicon::default();
        for (n, line) in lines.enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut f = line.split('\t');
            let (Some(kind), Some(word), Some(value), None) = (f.next(), f.next(), f.next(), f.next()) else {
                return Err(bad(n + 2, "expected three tab-separated fields".into()));
            };
            let value: f64 = value.parse().map_err(|e| bad(n + 2, format!("value {value:?}: {e}")))?;
            if !value.is_finite() {
                return Err(bad(n + 2, format!("value {value} is not finite")));
            }
            let entry = lex.words.entry(word.into()).or_default();
            match kind {
                "V" => {
                    lex.counts.0 += usize::from(entry.vader.is_none());
                    entry.vader = Some(value);
                }
                "P" => {
                    lex.counts.1 += usize::from(entry.pattern.is_none());
                    entry.pattern = Some(value);
                }
                _ => return Err(bad(n + 2, format!("unknown record type {kind:?}"))),
            }
        }
        Ok(lex)
    }

    /// VADER valence of a lowercase token.
    pub fn vader(&self, lower: &str) -> Option<f64> {
        self.word(lower).vader
    }

    /// Pattern polarity of a lowercase token (only words VADER lacks).
    pub fn pattern(&self, lower: &str) -> Option<f64> {
        self.word(lower).pattern
    }

    /// Both scores of a lowercase token (none when the word is in neither lexicon).
    pub fn word(&self, lower: &str) -> WordTone {
        self.words.get(lower).copied().unwrap_or_default()
    }

    /// Number of VADER and Pattern entries.
    pub fn len(&self) -> (usize, usize) {
        self.counts
    }

    /// True when no word is known (the `Default` value).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Empirical valence added by a booster word (Hutto & Gilbert 2014).
pub(super) const B_INCR: f64 = 0.293;
/// Empirical valence removed by a dampener word.
pub(super) const B_DECR: f64 = -0.293;
/// Empirical valence added by an ALL-CAPS word among mixed-case ones.
pub(super) const C_INCR: f64 = 0.733;
/// Factor a negation applies to a valence.
pub(super) const N_SCALAR: f64 = -0.74;

/// The VADER rules' word classes and the GDELT-style word counts, read from a lexicon set's
/// `tone/` lists (`resources/lexicon/en/tone/`): boosters and dampeners (VADER's degree adverbs,
/// the multi-word ones matched as phrases), negations, personal pronouns, activity verbs.
///
/// These are asked of every token, several times for a word with a valence (the three words
/// before it), so the four short lists are read as one hash map of class bits
/// ([`ToneTables::classes`]): one lookup of a short string, as fast as the `match` statements
/// that mirrored the lists before they were read from the set (a scan of the lists' length
/// groups compared strings by `memcmp`, a few percent of the whole analysis).
#[derive(Clone, Copy)]
pub(crate) struct Classes<'a> {
    derived: &'a ToneTables,
}

/// [`ToneTables::classes`] bits.
const BOOSTER: u8 = 1;
const DAMPENER: u8 = 2;
const NEGATION: u8 = 4;
const PRONOUN: u8 = 8;
const ACTIVITY: u8 = 16;

/// The classes of one lowercase word ([`Classes::of_word`]): the scorer looks each token up once
/// and asks these bits, instead of one lookup per question (booster? negation? pronoun?
/// activity verb?) and again for each of the three words before every word with a valence.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct WordClass(u8);

impl WordClass {
    /// The booster (positive) or dampener (negative) increment (a word on both lists boosts).
    pub(super) fn booster(self) -> Option<f64> {
        if self.0 & BOOSTER != 0 {
            Some(B_INCR)
        } else if self.0 & DAMPENER != 0 {
            Some(B_DECR)
        } else {
            None
        }
    }

    /// Whether the word `lower` of this class negates what follows: a negation word, or any
    /// `n't` form.
    pub(super) fn negates(self, lower: &str) -> bool {
        self.0 & NEGATION != 0 || lower.contains("n't")
    }

    /// A personal or possessive pronoun.
    pub(super) fn is_pronoun(self) -> bool {
        self.0 & PRONOUN != 0
    }

    /// An activity verb or one of its inflections.
    pub(super) fn is_activity(self) -> bool {
        self.0 & ACTIVITY != 0
    }
}

/// What the tone stage derives from the `tone/` lists, built once per set
/// ([`crate::Lexicon`]).
pub(crate) struct ToneTables {
    /// The classes of each word or phrase of `boosters.txt`, `dampeners.txt`, `negations.txt`
    /// and `pronouns.txt`, and of every form of the activity verbs (the lemma, `-s`, `-es`,
    /// `-ed`, `-d`, `-ing`, with a final `e` dropped or the last consonant doubled, and the
    /// irregular forms), as bits ([`BOOSTER`], ...).
    classes: FxHashMap<Box<str>, u8>,
    /// The first words of the multi-word boosters and dampeners ("just enough", "kind of"): the
    /// phrase rule spells out a phrase only at such a word.
    phrase_openers: Vec<&'static str>,
}

impl ToneTables {
    pub(crate) fn new(lists: &dateline_lexicon::en::tone::Tone) -> Self {
        let mut classes: FxHashMap<Box<str>, u8> = FxHashMap::default();
        for (list, bit) in [
            (&lists.boosters, BOOSTER),
            (&lists.dampeners, DAMPENER),
            (&lists.negations, NEGATION),
            (&lists.pronouns, PRONOUN),
        ] {
            for w in list.iter() {
                *classes.entry((*w).into()).or_default() |= bit;
            }
        }
        let mut phrase_openers: Vec<&'static str> = Vec::new();
        for w in lists.boosters.iter().chain(lists.dampeners.iter()) {
            if let Some((first, _)) = w.split_once(' ') {
                if !phrase_openers.contains(&first) {
                    phrase_openers.push(first);
                }
            }
        }
        let mut activity: FxHashSet<String> = lists.activity_irregular.iter().map(|s| s.to_string()).collect();
        for v in &lists.activity_verbs {
            activity.insert(v.to_string());
            for suffix in ["s", "es", "ed", "ing"] {
                activity.insert(format!("{v}{suffix}"));
            }
            if let Some(stem) = v.strip_suffix('e') {
                activity.insert(format!("{v}d"));
                activity.insert(format!("{stem}ing"));
            }
            if let Some(last) = v.chars().last().filter(|c| !"aeiouwy".contains(*c)) {
                activity.insert(format!("{v}{last}ed"));
                activity.insert(format!("{v}{last}ing"));
            }
        }
        for form in activity {
            *classes.entry(form.into_boxed_str()).or_default() |= ACTIVITY;
        }
        ToneTables { classes, phrase_openers }
    }
}

impl<'a> Classes<'a> {
    /// The classes of the set `lx`.
    pub(crate) fn of(lx: &'a crate::Lexicon) -> Self {
        Classes { derived: lx.tone_tables() }
    }

    /// The classes of a lowercase word or phrase.
    pub(super) fn of_word(self, lower: &str) -> WordClass {
        WordClass(self.derived.classes.get(lower).copied().unwrap_or(0))
    }

    /// The booster (positive) or dampener (negative) increment of a lowercase word or phrase (a
    /// word on both lists boosts).
    pub(super) fn booster(self, lower: &str) -> Option<f64> {
        self.of_word(lower).booster()
    }

    /// Whether `word` is the first word of a multi-word booster or dampener ("just enough",
    /// "kind of", "sort of").
    pub(super) fn opens_booster_phrase(self, word: &str) -> bool {
        self.derived.phrase_openers.contains(&word)
    }

    /// True when a lowercase token negates what follows: a negation word, or any `n't` form.
    #[cfg(test)]
    pub(super) fn negates(self, lower: &str) -> bool {
        self.of_word(lower).negates(lower)
    }

    /// True when a lowercase word is a personal or possessive pronoun (GDELT V2Tone field 6
    /// counts "pronouns"; we count personal ones, which carry the self and group references).
    #[cfg(test)]
    pub(super) fn is_pronoun(self, lower: &str) -> bool {
        self.of_word(lower).is_pronoun()
    }
}

/// Phrases whose valence VADER fixes whatever their words say.
pub(super) const SPECIAL_CASES: &[(&str, f64)] = &[
    ("the shit", 3.0),
    ("the bomb", 3.0),
    ("bad ass", 1.5),
    ("yeah right", -2.0),
    ("kiss of death", -1.5),
    ("to die for", 3.0),
    ("beating heart", 3.5),
    ("bus stop", 0.0),
];

/// Whether `word` is the first word of one of [`SPECIAL_CASES`]: the idiom rule compares the
/// phrases only at such a word (a test checks this against the table).
pub(super) fn opens_special_case(word: &str) -> bool {
    matches!(word, "the" | "bad" | "yeah" | "kiss" | "to" | "beating" | "bus")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_loads_both_sources() {
        let lex = ToneLexicon::embedded().expect("embedded tone lexicon");
        let (v, p) = lex.len();
        assert!(v > 7000, "{v} VADER entries");
        assert!(p > 400, "{p} Pattern entries");
        assert!(lex.vader("good").is_some_and(|x| x > 0.0));
        assert!(lex.vader("terrible").is_some_and(|x| x < 0.0));
        assert!(lex.vader("table").is_none());
    }

    #[test]
    fn malformed_lexicons_are_refused() {
        assert!(ToneLexicon::from_text("", "t").is_err());
        assert!(ToneLexicon::from_text("#dateline-tone\t2\tx\n", "t").is_err());
        assert!(ToneLexicon::from_text("#dateline-tone\t1\tx\nV\tgood\n", "t").is_err());
        assert!(ToneLexicon::from_text("#dateline-tone\t1\tx\nV\tgood\tNaN\n", "t").is_err());
        assert!(ToneLexicon::from_text("#dateline-tone\t1\tx\nQ\tgood\t1\n", "t").is_err());
        let ok = ToneLexicon::from_text("#dateline-tone\t1\tx\nV\tgood\t1.5\nP\tneat\t0.4\n", "t").expect("valid");
        assert_eq!(ok.vader("good"), Some(1.5));
        assert_eq!(ok.pattern("neat"), Some(0.4));
    }

    #[test]
    fn word_classes_read_the_lists() {
        let lx = crate::Lexicon::embedded();
        let c = Classes::of(&lx);
        for w in &lx.tone.boosters {
            assert_eq!(c.booster(w), Some(B_INCR), "{w}");
        }
        for w in &lx.tone.dampeners {
            assert_eq!(c.booster(w), Some(B_DECR), "{w}");
        }
        for w in &lx.tone.negations {
            assert!(c.negates(w), "{w}");
        }
        for w in &lx.tone.pronouns {
            assert!(c.is_pronoun(w), "{w}");
        }
        for w in ["the", "good", "note", "nothingness"] {
            assert_eq!(c.booster(w), None, "{w}");
            assert!(!c.is_pronoun(w), "{w}");
        }
        assert!(!c.negates("note") && c.negates("shouldn't") && c.negates("nothing"));
        assert_eq!(c.booster("kind of"), Some(B_DECR));
        assert_eq!(c.booster("very"), Some(B_INCR));
    }

    #[test]
    fn phrase_filters_admit_every_phrase_of_the_lists() {
        let lx = crate::Lexicon::embedded();
        let c = Classes::of(&lx);
        for w in lx.tone.boosters.iter().chain(lx.tone.dampeners.iter()).filter(|w| w.contains(' ')) {
            let first = w.split(' ').next().unwrap_or("");
            assert!(c.opens_booster_phrase(first), "{w}");
        }
        for (p, _) in SPECIAL_CASES {
            let first = p.split(' ').next().unwrap_or("");
            assert!(opens_special_case(first), "{p}");
        }
        assert!(!c.opens_booster_phrase("very") && !opens_special_case("good"));
    }

    #[test]
    fn activity_inflections() {
        let lx = crate::Lexicon::embedded();
        let is_activity = |w: &str| Classes::of(&lx).of_word(w).is_activity();
        for w in [
            "attack",
            "attacked",
            "attacking",
            "attacks",
            "raided",
            "seizing",
            "seized",
            "fled",
            "ran",
            "stormed",
            "cutting",
        ] {
            assert!(is_activity(w), "{w}");
        }
        for w in ["table", "said", "thing", "ending", "s", "ed"] {
            assert!(!is_activity(w), "{w}");
        }
    }
}
