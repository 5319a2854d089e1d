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

/// VADER's degree adverbs that raise intensity.
#[cfg(test)]
// `BOOSTERS`: resources/lexicon/en/tone/boosters.txt
use dateline_lexicon::en::tone::BOOSTERS;

/// VADER's degree adverbs that lower intensity (the multi-word ones are matched as phrases).
#[cfg(test)]
// `DAMPENERS`: resources/lexicon/en/tone/dampeners.txt
use dateline_lexicon::en::tone::DAMPENERS;

/// The booster (positive) or dampener (negative) increment of a lowercase word or phrase.
pub(super) fn booster(lower: &str) -> Option<f64> {
    // A `match` on strings compiles to a length switch and a few comparisons: much faster than
    // scanning the lists, and this runs for every token.
    match lower {
        "absolutely" | "amazingly" | "awfully" | "completely" | "considerable" | "considerably" | "decidedly"
        | "deeply" | "effing" | "enormous" | "enormously" | "entirely" | "especially" | "exceptional"
        | "exceptionally" | "extreme" | "extremely" | "fabulously" | "flipping" | "flippin" | "frackin"
        | "fracking" | "fricking" | "frickin" | "frigging" | "friggin" | "fully" | "fuckin" | "fucking" | "fuggin"
        | "fugging" | "greatly" | "hella" | "highly" | "hugely" | "incredible" | "incredibly" | "intensely"
        | "major" | "majorly" | "more" | "most" | "particularly" | "purely" | "quite" | "really" | "remarkably"
        | "so" | "substantially" | "thoroughly" | "total" | "totally" | "tremendous" | "tremendously" | "uber"
        | "unbelievably" | "unusually" | "utter" | "utterly" | "very" => Some(B_INCR),
        "almost" | "barely" | "hardly" | "just enough" | "kind of" | "kinda" | "kindof" | "kind-of" | "less"
        | "little" | "marginal" | "marginally" | "occasional" | "occasionally" | "partly" | "scarce" | "scarcely"
        | "slight" | "slightly" | "somewhat" | "sort of" | "sorta" | "sortof" | "sort-of" => Some(B_DECR),
        _ => None,
    }
}

/// Whether `word` is the first word of a multi-word booster or dampener ("just enough", "kind
/// of", "sort of"): the phrase rules only spell out a phrase that starts with one (a test checks
/// this against the lists).
pub(super) fn opens_booster_phrase(word: &str) -> bool {
    matches!(word, "just" | "kind" | "sort")
}

/// VADER's negation words (with and without apostrophe).
#[cfg(test)]
// `NEGATIONS`: resources/lexicon/en/tone/negations.txt
use dateline_lexicon::en::tone::NEGATIONS;

/// True when a lowercase token negates what follows: a negation word, or any `n't` form.
pub(super) fn negates(lower: &str) -> bool {
    matches!(
        lower,
        "aint"
            | "arent"
            | "cannot"
            | "cant"
            | "couldnt"
            | "darent"
            | "didnt"
            | "doesnt"
            | "ain't"
            | "aren't"
            | "can't"
            | "couldn't"
            | "daren't"
            | "didn't"
            | "doesn't"
            | "dont"
            | "hadnt"
            | "hasnt"
            | "havent"
            | "isnt"
            | "mightnt"
            | "mustnt"
            | "neither"
            | "don't"
            | "hadn't"
            | "hasn't"
            | "haven't"
            | "isn't"
            | "mightn't"
            | "mustn't"
            | "neednt"
            | "needn't"
            | "never"
            | "none"
            | "nope"
            | "nor"
            | "not"
            | "nothing"
            | "nowhere"
            | "oughtnt"
            | "shant"
            | "shouldnt"
            | "uhuh"
            | "wasnt"
            | "werent"
            | "oughtn't"
            | "shan't"
            | "shouldn't"
            | "uh-uh"
            | "wasn't"
            | "weren't"
            | "without"
            | "wont"
            | "wouldnt"
            | "won't"
            | "wouldn't"
            | "rarely"
            | "seldom"
            | "despite"
    ) || lower.contains("n't")
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

/// Personal and possessive pronouns, for the self/group reference density (GDELT V2Tone field
/// 6 counts "pronouns"; we count personal ones, which carry the self and group references).
#[cfg(test)]
// `PRONOUNS`: resources/lexicon/en/tone/pronouns.txt
use dateline_lexicon::en::tone::PRONOUNS;

/// True when a lowercase word is a personal or possessive pronoun.
pub(super) fn is_pronoun(lower: &str) -> bool {
    matches!(
        lower,
        "i" | "me"
            | "my"
            | "mine"
            | "myself"
            | "we"
            | "us"
            | "our"
            | "ours"
            | "ourselves"
            | "you"
            | "your"
            | "yours"
            | "yourself"
            | "yourselves"
            | "he"
            | "him"
            | "his"
            | "himself"
            | "she"
            | "her"
            | "hers"
            | "herself"
            | "it"
            | "its"
            | "itself"
            | "they"
            | "them"
            | "their"
            | "theirs"
            | "themselves"
    )
}

// `ACTIVITY_VERBS`: resources/lexicon/en/tone/activity-verbs.txt
use dateline_lexicon::en::tone::ACTIVITY_VERBS;

// `ACTIVITY_IRREGULAR`: resources/lexicon/en/tone/activity-irregular.txt
use dateline_lexicon::en::tone::ACTIVITY_IRREGULAR;

/// Every form of the activity verbs: the lemma, `-s`, `-es`, `-ed`, `-d`, `-ing` (with a final
/// `e` dropped, or the last consonant doubled), and the irregular forms. Built once.
fn activity_forms() -> &'static FxHashSet<String> {
    static FORMS: std::sync::OnceLock<FxHashSet<String>> = std::sync::OnceLock::new();
    FORMS.get_or_init(|| {
        let mut set: FxHashSet<String> = ACTIVITY_IRREGULAR.iter().map(|s| s.to_string()).collect();
        for v in ACTIVITY_VERBS {
            set.insert(v.to_string());
            for suffix in ["s", "es", "ed", "ing"] {
                set.insert(format!("{v}{suffix}"));
            }
            if let Some(stem) = v.strip_suffix('e') {
                set.insert(format!("{v}d"));
                set.insert(format!("{stem}ing"));
            }
            if let Some(last) = v.chars().last().filter(|c| !"aeiouwy".contains(*c)) {
                set.insert(format!("{v}{last}ed"));
                set.insert(format!("{v}{last}ing"));
            }
        }
        set
    })
}

/// True when a lowercase word is an activity verb or one of its inflections.
pub(super) fn is_activity(lower: &str) -> bool {
    activity_forms().contains(lower)
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
    fn word_list_matches_agree_with_the_lists() {
        for w in BOOSTERS {
            assert_eq!(booster(w), Some(B_INCR), "{w}");
        }
        for w in DAMPENERS {
            assert_eq!(booster(w), Some(B_DECR), "{w}");
        }
        for w in NEGATIONS {
            assert!(negates(w), "{w}");
        }
        for w in PRONOUNS {
            assert!(is_pronoun(w), "{w}");
        }
        for w in ["the", "good", "note", "nothingness"] {
            assert_eq!(booster(w), None, "{w}");
            assert!(!is_pronoun(w), "{w}");
        }
        assert!(!negates("note") && negates("shouldn't") && negates("nothing"));
    }

    #[test]
    fn phrase_filters_admit_every_phrase_of_the_lists() {
        for w in BOOSTERS.iter().chain(DAMPENERS).filter(|w| w.contains(' ')) {
            let first = w.split(' ').next().unwrap_or("");
            assert!(opens_booster_phrase(first), "{w}");
        }
        for (p, _) in SPECIAL_CASES {
            let first = p.split(' ').next().unwrap_or("");
            assert!(opens_special_case(first), "{p}");
        }
        assert!(!opens_booster_phrase("very") && !opens_special_case("good"));
    }

    #[test]
    fn activity_inflections() {
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
