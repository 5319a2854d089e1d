//! The word lists of the other-language rules (`resources/lexicon/intl/`), one set per
//! language, read once per process.
//!
//! Every file holds `language TAB entry` lines, so adding a language is adding lines, not code
//! (see `resources/README.md`). The files are embedded; [`check`] reports the first malformed
//! line with its file, and [`for_language`] gives no set at all when a file is malformed, so
//! a bad list turns the stages off for that language instead of running them half-read.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use dateline_lexicon::LexiconError;

/// The languages with a set of rules: languages written in the Latin script whose names are
/// capitalised like English ones, so the entity recogniser finds them too (German capitalises
/// every noun as well: see [`NOUNS_CAPITALISED`]).
pub(crate) const LANGUAGES: [&str; 6] = ["fr", "es", "it", "pt", "de", "nl"];

/// The languages that capitalise every noun, where a capitalised word alone says little: the
/// recogniser's mentions there are kept only with more evidence (`intl::entities`).
pub(crate) const NOUNS_CAPITALISED: [&str; 1] = ["de"];

/// The files, by the name an error gives them.
const FILES: [(&str, &str); 12] = [
    ("resources/lexicon/intl/determiners.txt", include_str!("../../../../resources/lexicon/intl/determiners.txt")),
    ("resources/lexicon/intl/org-heads.txt", include_str!("../../../../resources/lexicon/intl/org-heads.txt")),
    ("resources/lexicon/intl/titles.txt", include_str!("../../../../resources/lexicon/intl/titles.txt")),
    ("resources/lexicon/intl/speech-verbs.txt", include_str!("../../../../resources/lexicon/intl/speech-verbs.txt")),
    ("resources/lexicon/intl/object-verbs.txt", include_str!("../../../../resources/lexicon/intl/object-verbs.txt")),
    ("resources/lexicon/intl/according.txt", include_str!("../../../../resources/lexicon/intl/according.txt")),
    (
        "resources/lexicon/intl/complementizers.txt",
        include_str!("../../../../resources/lexicon/intl/complementizers.txt"),
    ),
    ("resources/lexicon/intl/auxiliaries.txt", include_str!("../../../../resources/lexicon/intl/auxiliaries.txt")),
    ("resources/lexicon/intl/hearers.txt", include_str!("../../../../resources/lexicon/intl/hearers.txt")),
    ("resources/lexicon/intl/time-words.txt", include_str!("../../../../resources/lexicon/intl/time-words.txt")),
    ("resources/lexicon/intl/pronouns.txt", include_str!("../../../../resources/lexicon/intl/pronouns.txt")),
    ("resources/lexicon/intl/connectors.txt", include_str!("../../../../resources/lexicon/intl/connectors.txt")),
];

/// The lists of one language, in lower case.
#[derive(Debug, Default)]
pub(crate) struct Lists {
    /// The language code (`fr`).
    pub code: &'static str,
    /// "le", "la", "l'": may open a capitalised run without being part of the name.
    pub determiners: HashSet<String>,
    /// "ministère", "banco": open an organisation's name.
    pub org_heads: HashSet<String>,
    /// "ministre", "portavoz": an office or a role.
    pub titles: HashSet<String>,
    /// Verbs of saying.
    pub speech_verbs: HashSet<String>,
    /// Verbs of saying whose object is what was said ("démenti", "anunció").
    pub object_verbs: HashSet<String>,
    /// "selon", "de acuerdo con", as words.
    pub according: Vec<Vec<String>>,
    /// "que", "qu'", "che".
    pub complementizers: HashSet<String>,
    /// "a", "ha", "lui": between a speaker and the verb.
    pub auxiliaries: HashSet<String>,
    /// "à", "al": before a hearer or a channel.
    pub hearers: HashSet<String>,
    /// "mardi", "ayer": time and manner words before what was said.
    pub time_words: HashSet<String>,
    /// "il", "ella".
    pub pronouns: HashSet<String>,
    /// "de", "del": join the parts of a name.
    pub connectors: HashSet<String>,
    /// Country names as written in the language, with their ISO2 code ("États-Unis", "US").
    pub countries: Vec<(&'static str, &'static str)>,
    /// Month names and their numbers ("décembre" → 12).
    pub months: HashMap<String, u32>,
    /// Weekday names and their ISO numbers ("mardi" → 2).
    pub weekdays: HashMap<String, u32>,
    /// Days named relative to the publication date and their offsets ("hier" → -1).
    pub relative_days: HashMap<String, i64>,
    /// Words that put a weekday ahead ("prochain").
    pub next_words: HashSet<String>,
    /// Phrases that qualify the number after them, as words ("plus de" → more than).
    pub qualifiers: Vec<(Vec<String>, crate::Qualifier)>,
    /// Number words and the power of ten they multiply by ("millions" → 6).
    pub multipliers: HashMap<String, i32>,
    /// Words for percent, as words ("pour cent").
    pub percent: Vec<Vec<String>>,
}

impl Lists {
    /// Whether `word` (any case) is one of `list`'s entries.
    pub fn has(list: &HashSet<String>, word: &str) -> bool {
        // most words reach here already in lower case (the quote finder lowers its tokens once)
        if word.chars().all(|c| c.to_lowercase().eq([c])) {
            list.contains(word)
        } else {
            list.contains(&word.to_lowercase())
        }
    }

    /// Whether `word` is an article, a connector, a pronoun or a complementizer: a word no name
    /// or unit is.
    pub fn closed_class(&self, word: &str) -> bool {
        Self::has(&self.determiners, word)
            || Self::has(&self.connectors, word)
            || Self::has(&self.pronouns, word)
            || Self::has(&self.complementizers, word)
    }
}

/// Country names, with three fields a line (language, name, code).
const COUNTRY_NAMES: (&str, &str) =
    ("resources/lexicon/intl/country-names.txt", include_str!("../../../../resources/lexicon/intl/country-names.txt"));

/// Words with a number, three fields a line: months, weekdays, days relative to the
/// publication date.
const NUMBERED: [(&str, &str); 3] = [
    ("resources/lexicon/intl/months.txt", include_str!("../../../../resources/lexicon/intl/months.txt")),
    ("resources/lexicon/intl/weekdays.txt", include_str!("../../../../resources/lexicon/intl/weekdays.txt")),
    ("resources/lexicon/intl/relative-days.txt", include_str!("../../../../resources/lexicon/intl/relative-days.txt")),
];

/// Words that put a weekday ahead.
const NEXT_WORDS: (&str, &str) =
    ("resources/lexicon/intl/next-words.txt", include_str!("../../../../resources/lexicon/intl/next-words.txt"));

/// Qualifiers before a number, three fields a line (language, phrase, qualifier).
const QUALIFIERS: (&str, &str) =
    ("resources/lexicon/intl/qualifiers.txt", include_str!("../../../../resources/lexicon/intl/qualifiers.txt"));

/// Number words, three fields a line (language, word, power of ten).
const MULTIPLIERS: (&str, &str) =
    ("resources/lexicon/intl/multipliers.txt", include_str!("../../../../resources/lexicon/intl/multipliers.txt"));

/// Words for percent.
const PERCENT: (&str, &str) =
    ("resources/lexicon/intl/percent.txt", include_str!("../../../../resources/lexicon/intl/percent.txt"));

/// Parses every file into one set per language of [`LANGUAGES`].
fn load() -> Result<Vec<Lists>, LexiconError> {
    let mut sets: Vec<Lists> = LANGUAGES.iter().map(|&code| Lists { code, ..Lists::default() }).collect();
    for (k, (file, text)) in FILES.iter().enumerate() {
        for [lang, entry] in dateline_lexicon::parse::<2>(file, text)? {
            let set = set_of(&mut sets, file, text, lang, entry)?;
            let entry = entry.to_lowercase();
            let list = match k {
                0 => &mut set.determiners,
                1 => &mut set.org_heads,
                2 => &mut set.titles,
                3 => &mut set.speech_verbs,
                4 => &mut set.object_verbs,
                5 => {
                    set.according.push(words(&entry));
                    continue;
                }
                6 => &mut set.complementizers,
                7 => &mut set.auxiliaries,
                8 => &mut set.hearers,
                9 => &mut set.time_words,
                10 => &mut set.pronouns,
                _ => &mut set.connectors,
            };
            list.insert(entry);
        }
    }
    for (k, (file, text)) in NUMBERED.iter().enumerate() {
        for [lang, word, number] in dateline_lexicon::parse::<3>(file, text)? {
            let fault =
                |message: String| LexiconError { file: file.to_string(), line: line_of(text, lang, word), message };
            let set = set_of(&mut sets, file, text, lang, word)?;
            let n: i64 = number.parse().map_err(|_| fault(format!("{number:?} is not a number")))?;
            let word = word.to_lowercase();
            let in_range = |lo: i64, hi: i64| {
                if (lo..=hi).contains(&n) {
                    Ok(n)
                } else {
                    Err(fault(format!("{n} is outside {lo}..={hi}")))
                }
            };
            match k {
                0 => {
                    set.months.insert(word, in_range(1, 12)? as u32);
                }
                1 => {
                    set.weekdays.insert(word, in_range(1, 7)? as u32);
                }
                _ => {
                    set.relative_days.insert(word, in_range(-7, 7)?);
                }
            }
        }
    }
    let (file, text) = NEXT_WORDS;
    for [lang, word] in dateline_lexicon::parse::<2>(file, text)? {
        let set = set_of(&mut sets, file, text, lang, word)?;
        set.next_words.insert(word.to_lowercase());
    }
    let (file, text) = QUALIFIERS;
    for [lang, phrase, name] in dateline_lexicon::parse::<3>(file, text)? {
        let fault =
            |message: String| LexiconError { file: file.to_string(), line: line_of(text, lang, phrase), message };
        let set = set_of(&mut sets, file, text, lang, phrase)?;
        let q = crate::Qualifier::parse(name).ok_or_else(|| fault(format!("{name:?} is not a qualifier")))?;
        set.qualifiers.push((words(&phrase.to_lowercase()), q));
    }
    let (file, text) = MULTIPLIERS;
    for [lang, word, power] in dateline_lexicon::parse::<3>(file, text)? {
        let fault = |message: String| LexiconError { file: file.to_string(), line: line_of(text, lang, word), message };
        let set = set_of(&mut sets, file, text, lang, word)?;
        let p: i32 = power
            .parse()
            .ok()
            .filter(|p| (1..=15).contains(p))
            .ok_or_else(|| fault(format!("{power:?} is not a power of ten from 1 to 15")))?;
        set.multipliers.insert(word.to_lowercase(), p);
    }
    let (file, text) = PERCENT;
    for [lang, phrase] in dateline_lexicon::parse::<2>(file, text)? {
        let set = set_of(&mut sets, file, text, lang, phrase)?;
        set.percent.push(words(&phrase.to_lowercase()));
    }
    let (file, text) = COUNTRY_NAMES;
    for [lang, name, code] in dateline_lexicon::parse::<3>(file, text)? {
        let set = set_of(&mut sets, file, text, lang, name)?;
        set.countries.push((name, code));
    }
    // longest first, so that "Corée du Sud" is found before a shorter name inside it
    for set in &mut sets {
        set.countries.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
    }
    Ok(sets)
}

/// The set of language `lang`, or an error naming the line of `entry` when the language has
/// none.
fn set_of<'s>(
    sets: &'s mut [Lists],
    file: &str,
    text: &str,
    lang: &str,
    entry: &str,
) -> Result<&'s mut Lists, LexiconError> {
    sets.iter_mut().find(|s| s.code == lang).ok_or_else(|| LexiconError {
        file: file.to_string(),
        line: line_of(text, lang, entry),
        message: format!("language {lang:?} is not one of {LANGUAGES:?}"),
    })
}

/// A phrase as its words ("plus de" → ["plus", "de"]).
fn words(phrase: &str) -> Vec<String> {
    phrase.split(' ').map(str::to_string).collect()
}

/// The line (from 1) of the first entry of `lang` holding `entry`, for an error.
fn line_of(text: &str, lang: &str, entry: &str) -> usize {
    text.split('\n').position(|l| l.starts_with(lang) && l.contains(entry)).map_or(0, |k| k + 1)
}

fn all() -> &'static Result<Vec<Lists>, LexiconError> {
    static ALL: OnceLock<Result<Vec<Lists>, LexiconError>> = OnceLock::new();
    ALL.get_or_init(load)
}

/// The set of a language code (`fr`), if the language has one and its files are well formed.
pub(crate) fn for_language(code: &str) -> Option<&'static Lists> {
    all().as_ref().ok()?.iter().find(|s| s.code == code)
}

/// Checks every file: the first malformed line, with its file and line number.
pub(crate) fn check() -> Result<(), LexiconError> {
    all().as_ref().map(|_| ()).map_err(Clone::clone)
}
