//! Speaker resolution: from the phrase at the cue to an entity of the article, with a confidence.
//!
//! In order of trust: the phrase overlaps a mention the entities stage found (a name, a surname,
//! an acronym, or a nominal it linked by coreference); "he"/"she" takes a person that agrees in
//! gender (titles, role nouns, the pronouns the article uses next to the name) and is salient (the
//! speaker of the previous attribution when everyone named since is only an object, a possessor or
//! inside reported speech, a sentence subject, the only candidate nearby; a first
//! name the table in resources/first-names.tsv knows rules out the other gender), never a
//! name inside quote marks, a byline or a photo credit; a definite title or role ("the minister")
//! takes the most recent person whose title or role has that noun. Anything else (indefinite
//! "a delegate", plural "officials", a pronoun with several equally likely persons) stays
//! unresolved, the mention kept: a missing speaker is better than a wrong one.

use rustc_hash::FxHashMap as HashMap;
use std::cell::OnceCell;
use std::sync::LazyLock;

use dateline_text::Span;

use super::marks::Region;
use super::Found;
use crate::{Entity, EntityType, Quote, QuoteKind, SpeakerMention};

mod cataphora;

/// How far back (bytes) a pronoun or a role noun may look for its person: about two paragraphs.
const WINDOW: usize = 1500;

/// Longer mentions than this (bytes) are not looked for when overlapping a speaker phrase.
const MAX_MENTION: usize = 400;

/// How far after a name (bytes) the article's next pronoun counts as evidence of its gender.
const GENDER_REACH: usize = 150;

/// What a pronoun resolution loses when the person's gender is not known from the article.
const UNKNOWN_GENDER: f32 = 0.1;

/// How sure "he"/"she" is of the previous speaker when a person of the same gender was named
/// after it: below [`MIN_CONFIDENCE`] even with the gender known, the mention kept.
const PREVIOUS_PASSED_OVER: f32 = 0.6;

/// How sure "he"/"she" is of the previous speaker when the persons named since are only objects,
/// possessors or modifiers ("Lee's remarks", "the Hale campaign"), none a clause's subject.
const PREVIOUS_UNCHALLENGED: f32 = 0.75;

/// Below this confidence a resolution is not given: the quote keeps its mention, speaker null.
const MIN_CONFIDENCE: f32 = 0.7;

/// First names and the gender their people's pronouns show, learned from coreference chains of
/// free corpora (`scripts/build_first_names.py`; see resources/README.md and NOTICE).
static FIRST_NAMES_TSV: &str = include_str!("../../../../resources/first-names.tsv");

/// First names the US Social Security Administration's baby-name counts give almost only to one
/// sex (`scripts/build_first_names_ssa.py`; public domain): the fallback for names the corpora
/// above never showed. Decompressed once, when a pronoun first needs a gender.
static FIRST_NAMES_SSA_GZ: &[u8] = include_bytes!("../../../../resources/first-names-ssa.tsv.gz");

static FIRST_NAMES: LazyLock<HashMap<String, Gender>> = LazyLock::new(|| {
    let mut ssa = String::new();
    // The embedded file is checked by a test; a failure here leaves only the corpus table.
    let _ = std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(FIRST_NAMES_SSA_GZ), &mut ssa);
    let mut table: HashMap<String, Gender> = parse_first_names(&ssa).collect();
    // The corpus table, learned from news and Wikipedia pronouns, wins over the US counts.
    table.extend(parse_first_names(FIRST_NAMES_TSV));
    table
});

/// `name<TAB>m|f[<TAB>...]` lines, comments skipped.
fn parse_first_names(tsv: &str) -> impl Iterator<Item = (String, Gender)> + '_ {
    tsv.lines().filter(|l| !l.starts_with('#')).filter_map(|l| {
        let mut f = l.split('\t');
        let name = f.next()?;
        let g = match f.next()? {
            "m" => Gender::Male,
            "f" => Gender::Female,
            _ => return None,
        };
        Some((name.to_string(), g))
    })
}

/// The gender the table gives the first word of `name` ("Ana Ruiz" -> the entry for "ana"), when
/// the name has at least two words.
fn first_name_gender(name: &str) -> Gender {
    let mut words = name.split_whitespace();
    let (Some(first), Some(_)) = (words.next(), words.next()) else { return Gender::Unknown };
    let lower = first.to_lowercase();
    FIRST_NAMES.get(lower.as_str()).copied().unwrap_or(Gender::Unknown)
}

/// Whether `word` is a first name the tables know ("Kofi"), whatever its gender.
pub(crate) fn is_first_name(word: &str) -> bool {
    FIRST_NAMES.contains_key(word.to_lowercase().as_str())
}

#[cfg(test)]
mod first_name_tests {
    use super::*;

    #[test]
    fn the_embedded_tables_give_genders() {
        // From the corpus table or the SSA counts; the SSA file must decompress and parse.
        assert!(FIRST_NAMES.len() > 20_000, "{}", FIRST_NAMES.len());
        assert_eq!(first_name_gender("Kofi Mensah"), Gender::Male);
        assert_eq!(first_name_gender("Valarie Ortiz"), Gender::Female);
        assert_eq!(first_name_gender("Quxzy Ortiz"), Gender::Unknown);
        // One word is a surname as often as a first name: no gender.
        assert_eq!(first_name_gender("Kofi"), Gender::Unknown);
    }
}

/// The votes a first name in the table is worth against the article's own pronouns (one each).
const FIRST_NAME_VOTES: u32 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
    Unknown,
}

/// Entity mentions in text order, for lookups by position, with what the article says about each
/// person's gender and where its quoted words are.
pub(super) struct Resolver<'a> {
    entities: &'a [Entity],
    /// The word lists (`lx.quotes`: `resources/lexicon/en/quotes/`).
    lx: &'a crate::Lexicon,
    /// (span, entity index), sorted by start.
    mentions: Vec<(Span, usize)>,
    /// Per entity: gender from titles, role nouns and the article's pronouns next to the name.
    /// (with the first-name table, from the article alone): see [`Resolver::genders`].
    gender: OnceCell<(Vec<Gender>, Vec<Gender>)>,
    /// Quote-mark regions, `open..after`, sorted: names inside are quoted, not salient.
    quoted: Vec<Span>,
    /// Per mention (same order as `mentions`): a byline or a photo credit, never an antecedent.
    credit: OnceCell<Vec<bool>>,
    /// Contents of reported speech, sorted: a name there is what someone said, not the topic
    /// ("Lee said Hale has ...": Hale is no subject of the story's sentence).
    reported: Vec<Span>,
}

/// A speaker resolved at one quote: the entity (if any) and how sure the attribution is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Resolution {
    pub entity: Option<usize>,
    pub confidence: f32,
    /// The organisation the speaker speaks for or belongs to ("a spokesman for the ministry").
    pub affiliation: Option<usize>,
}

impl Resolution {
    const NONE: Resolution = Resolution { entity: None, confidence: 0.0, affiliation: None };
}

/// What the attributions before a quote say about who "he" or "she" may be.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Before {
    /// The speaker resolved at the attribution before: (entity, position of its phrase).
    pub speaker: Option<(usize, usize)>,
    /// Where the latest attribution to someone unnamed ("one delegate said") was: a pronoun
    /// after it, with no person named since, is that unnamed person.
    pub unnamed: Option<usize>,
}

impl<'a> Resolver<'a> {
    pub fn new(entities: &'a [Entity], regions: &[Region], lx: &'a crate::Lexicon) -> Self {
        let mut mentions: Vec<(Span, usize)> =
            entities.iter().enumerate().flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.span, i))).collect();
        mentions.sort_by_key(|(s, i)| (s.0, s.1, *i));
        let mut quoted: Vec<Span> = regions.iter().map(|r| Span(r.open, r.after.max(r.content.1))).collect();
        quoted.sort_by_key(|s| s.0);
        // Gender and credits are read only when a pronoun needs them, once per article.
        Resolver {
            entities,
            lx,
            mentions,
            gender: OnceCell::new(),
            quoted,
            credit: OnceCell::new(),
            reported: Vec::new(),
        }
    }

    /// The resolver, knowing the contents of the article's reported speech.
    pub fn with_reported(mut self, contents: impl IntoIterator<Item = Span>) -> Self {
        self.reported = contents.into_iter().collect();
        self.reported.sort_by_key(|s| s.0);
        self
    }

    /// Is `at` inside reported speech? (Contents may nest or overlap; a short scan back.)
    fn is_reported(&self, at: usize) -> bool {
        let i = self.reported.partition_point(|s| s.0 <= at);
        self.reported[..i].iter().rev().take(4).any(|s| at < s.1)
    }

    pub fn entity(&self, i: usize) -> Option<&'a Entity> {
        self.entities.get(i)
    }

    /// Is `at` inside quote marks?
    fn is_quoted(&self, at: usize) -> bool {
        let i = self.quoted.partition_point(|s| s.0 <= at);
        i > 0 && self.quoted.get(i - 1).is_some_and(|s| at < s.1)
    }

    /// Per mention: a byline, a photo credit or a headline name (see [`is_credit`]).
    fn credits(&self, text: &str) -> &[bool] {
        self.credit.get_or_init(|| {
            let first_line_end = text.get(..200).unwrap_or(text).find('\n');
            self.mentions.iter().map(|(s, _)| is_credit(text, *s, first_line_end)).collect()
        })
    }

    /// Each entity's gender: a title or role word decides; else the pronouns that follow its
    /// mentions (outside quote marks, before another person is named) vote, and a clear majority
    /// decides. Per entity: (gender with the first-name table's votes, gender from the article alone).
    fn genders(&self, text: &str) -> (Vec<Gender>, Vec<Gender>) {
        let lx = self.lx;
        let mut votes = vec![(0u32, 0u32); self.entities.len()];
        let mut decided = vec![Gender::Unknown; self.entities.len()];
        for (i, e) in self.entities.iter().enumerate() {
            if e.kind != EntityType::Person {
                continue;
            }
            let words = [e.title.as_deref(), e.role.as_deref()]
                .into_iter()
                .flatten()
                .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()).map(str::to_lowercase).collect::<Vec<_>>());
            for w in words {
                if lx.quotes.male_words.contains(&w.as_str()) {
                    decided[i] = Gender::Male;
                } else if lx.quotes.female_words.contains(&w.as_str()) {
                    decided[i] = Gender::Female;
                }
            }
        }
        for (k, &(span, i)) in self.mentions.iter().enumerate() {
            let Some(e) = self.entities.get(i) else { continue };
            if e.kind != EntityType::Person || self.credits(text).get(k) == Some(&true) {
                continue;
            }
            // "Mr. Hale", "Ms Park": the title before the mention.
            let before = text.get(span.0.saturating_sub(6)..span.0).unwrap_or("");
            let title = before.trim_end().trim_end_matches('.').rsplit(|c: char| !c.is_alphabetic()).next();
            match title.map(str::to_lowercase).as_deref() {
                Some("mr") => votes[i].0 += 3,
                Some("mrs" | "ms" | "miss") => votes[i].1 += 3,
                _ => {}
            }
            if self.is_quoted(span.0) {
                continue;
            }
            // The next pronoun before another person's name, a quote mark or the paragraph end.
            let mut limit = (span.1 + GENDER_REACH).min(text.len());
            if let Some(&(next, _)) = self.mentions[k + 1..].iter().take_while(|(s, _)| s.0 < limit).find(|(s, j)| {
                *j != i && s.0 >= span.1 && self.entities.get(*j).is_some_and(|e| e.kind == EntityType::Person)
            }) {
                limit = limit.min(next.0);
            }
            let Some(after) = floor(text, span.1, limit) else { continue };
            let stop = after.find(['\n', '"', '\u{201c}', '\u{201d}']).unwrap_or(after.len());
            for w in after[..stop].split(|c: char| !c.is_alphabetic()) {
                match w {
                    "he" | "He" | "him" | "his" | "His" | "himself" => {
                        votes[i].0 += 1;
                        break;
                    }
                    "she" | "She" | "her" | "Her" | "hers" | "herself" => {
                        votes[i].1 += 1;
                        break;
                    }
                    _ => {}
                }
            }
        }
        let article = self.settle(&decided, &votes);
        // The first-name table adds its votes; what it alone decides only rules candidates out.
        for (i, e) in self.entities.iter().enumerate() {
            if e.kind == EntityType::Person && decided[i] == Gender::Unknown {
                match first_name_gender(&e.name) {
                    Gender::Male => votes[i].0 += FIRST_NAME_VOTES,
                    Gender::Female => votes[i].1 += FIRST_NAME_VOTES,
                    Gender::Unknown => {}
                }
            }
        }
        (self.settle(&decided, &votes), article)
    }

    /// Genders from titles (`decided`) and votes (male, female): a clear majority decides, and a
    /// person of unknown gender takes the agreed gender of others with the same surname
    /// ("Alain Toussaint" and "Mr Toussaint" may be two entities).
    fn settle(&self, decided: &[Gender], votes: &[(u32, u32)]) -> Vec<Gender> {
        let mut genders: Vec<Gender> = decided
            .iter()
            .zip(votes)
            .map(|(&g, &(m, f))| match g {
                Gender::Unknown if m > 0 && m >= 3 * f => Gender::Male,
                Gender::Unknown if f > 0 && f >= 3 * m => Gender::Female,
                g => g,
            })
            .collect();
        let surname = |e: &Entity| e.name.rsplit(' ').next().unwrap_or("").to_string();
        let mut by_surname: HashMap<String, Option<Gender>> = HashMap::default();
        for (e, &g) in self.entities.iter().zip(&genders) {
            if e.kind == EntityType::Person && g != Gender::Unknown {
                let slot = by_surname.entry(surname(e)).or_insert(Some(g));
                if *slot != Some(g) {
                    *slot = None;
                }
            }
        }
        for (e, g) in self.entities.iter().zip(genders.iter_mut()) {
            if e.kind == EntityType::Person && *g == Gender::Unknown {
                if let Some(Some(known)) = by_surname.get(&surname(e)) {
                    *g = *known;
                }
            }
        }
        genders
    }

    /// The entity the speaker phrase `phrase` names, with no context (for "Name: ..." checks).
    pub fn resolve(&self, text: &str, phrase: Span) -> Option<usize> {
        self.resolve_at(text, phrase, Span(phrase.1, phrase.1), Before::default()).entity
    }

    /// The entity the speaker phrase `phrase` of a quote with content `content` refers to;
    /// `previous` is what the attributions before it say.
    pub fn resolve_at(&self, text: &str, phrase: Span, content: Span, previous: Before) -> Resolution {
        // "Lee did well among voters who believe ...": the cue's subject is "who", and "who"
        // stands for the words just before it, not for the clause's subject: a person named
        // there (or a group: "Republicans who agree"), or nobody named.
        if text.get(phrase.1..).is_some_and(|t| t.trim_start_matches(' ').starts_with("who ")) {
            let end = self.mentions.partition_point(|(s, _)| s.0 < phrase.1);
            let last = self.mentions[..end].iter().rev().take_while(|(s, _)| s.1 + MAX_MENTION > phrase.1);
            let named = last.filter(|(s, _)| s.1 == phrase.1 && phrase.0 <= s.0).find(|&&(s, i)| {
                self.entities.get(i).is_some_and(|e| match e.kind {
                    // (an organisation there is most often where the person works or studied:
                    // "a graduate of Harbour Law School who argued")
                    EntityType::Person => true,
                    EntityType::Norp => self.plural_in(text, i, s),
                    _ => false,
                })
            });
            return match named {
                Some(&(_, i)) => Resolution { entity: Some(i), confidence: 0.9, affiliation: None },
                None => Resolution::NONE,
            };
        }
        let r = self.resolve_phrase(text, phrase, content, previous);
        // "a Lebanese man visiting Faro", "a registered Republican": a nationality or party word
        // describes one person, who is not the group; only the group named in the plural speaks
        // as the group ("Republicans in Ohio said").
        let group = r.entity.filter(|&e| self.entities.get(e).is_some_and(|x| x.kind == EntityType::Norp));
        if group.is_some_and(|e| !self.plural_in(text, e, phrase)) {
            return Resolution { entity: None, confidence: 0.0, ..r };
        }
        r
    }

    /// Whether entity `e` has a plural mention ("Republicans", "Democrats") inside `phrase`.
    fn plural_in(&self, text: &str, e: usize, phrase: Span) -> bool {
        let from = self.mentions.partition_point(|(s, _)| s.0 < phrase.0);
        self.mentions[from..]
            .iter()
            .take_while(|(s, _)| s.1 <= phrase.1)
            .any(|&(s, i)| i == e && text.get(s.0..s.1).is_some_and(|w| w.ends_with('s') && !w.ends_with("ss")))
    }

    /// [`Resolver::resolve_at`] before the check of groups.
    fn resolve_phrase(&self, text: &str, phrase: Span, content: Span, previous: Before) -> Resolution {
        let lx = self.lx;
        let none = Resolution::NONE;
        let words = words(text, phrase);
        if words.len() == 1 && words[0].0 == "who" {
            return self.relative_antecedent(text, phrase.0);
        }
        if words.first().is_some_and(|w| matches!(w.0.as_str(), "a" | "an" | "the")) {
            // "Ana Ruiz, a lawyer from Faro, said": the apposition describes the name before it.
            let closed = text.get(phrase.1..).is_some_and(|t| t.starts_with(','));
            let r = self.relative_antecedent(text, phrase.0);
            if closed && r.entity.is_some() {
                return r;
            }
        }
        let head_len = words.iter().position(|(w, _)| lx.quotes.head_end.contains(&w.as_str())).unwrap_or(words.len());
        let head = match (words.first(), words.get(head_len.saturating_sub(1))) {
            (Some(f), Some(l)) if head_len > 0 => Span(f.1 .0, l.1 .1),
            _ => return none,
        };
        // "Foreign ministry spokesperson Ann Lee": a person named at the end of the head is its
        // head noun; the names before it (an organisation, a place) only modify it, however
        // long they are. Not when the words before it hold a verb or a conjunction: then the
        // phrase is a clause or a list ("Lee Endorses Ann Hale", "Lee scolded Hale for").
        let person_at = |s: Span| self.overlapping(s, |e| e.kind == EntityType::Person).is_some();
        let last_person = self.overlapping(words[head_len - 1].1, |e| e.kind == EntityType::Person);
        // (read only when the head ends in a person)
        let modifiers_only = || {
            words[..head_len - 1].iter().enumerate().all(|(k, (w, s))| {
                let named = self.overlapping(*s, |_| true).is_some();
                let written = text.get(s.0..s.1).unwrap_or("");
                let capital = written.starts_with(|c: char| c.is_uppercase());
                // a headline's verb after a person ("Lee Endorses Hale"), not a place ("Texas")
                let headline_verb = headline_verb_shape(written, w) && k > 0 && person_at(words[k - 1].1);
                named
                    || !(matches!(w.as_str(), "and" | "or")
                        || (!capital && (w.ends_with("ed") || w.ends_with("ing")))
                        || headline_verb)
            })
        };
        if let Some(p) = last_person.filter(|_| modifiers_only()) {
            return Resolution { entity: Some(p), confidence: 0.9, affiliation: None };
        }
        // "Harbour County Supervisor of Elections Ana Ruiz": a capitalised title ends the head,
        // and its "of" part leads to the person, who outranks the county before the title.
        // (a sentence's first word is capitalised whatever it is: there, only a title word;
        // "Supporters of Ana Ruiz" are not Ruiz)
        let capital_title = text.get(words[head_len - 1].1 .0..).is_some_and(|w| w.starts_with(char::is_uppercase))
            && (head_len > 1 || crate::entities::is_person_title(&words[0].0, lx));
        let titled = capital_title && words.get(head_len).is_some_and(|(w, _)| matches!(w.as_str(), "of" | "for"));
        if let Some(e) = titled.then(|| self.titled_name(text, &words[head_len..])).flatten() {
            return Resolution { entity: Some(e), confidence: 0.9, affiliation: None };
        }
        if let Some(e) = self.overlapping(head, |_| true) {
            // "a Texas real estate developer", "die-hard Ruritania supporters": the name only
            // modifies a common noun, so the speaker is the noun's referent, not the name.
            let last = words[head_len - 1].1;
            // "Ana Ruiz, a lawyer from Faro": an apposition after a comma describes the name.
            let (from, to) = (
                self.mentions.partition_point(|(s, _)| s.0 < head.0),
                self.mentions.partition_point(|(s, _)| s.0 < last.0),
            );
            let apposition = self.mentions[from..to]
                .iter()
                .filter(|(s, i)| *i == e && s.1 <= last.0)
                .any(|(s, _)| text.get(s.1..last.0).is_some_and(|g| g.trim_start().starts_with(',')));
            // "Ruritania's Ambassador to Faro": a capitalised role noun that names nobody after a
            // place is a head as a lower-case one is (after an organisation, "Harbour Authority
            // President", the organisation speaks through its head, as before).
            let role_noun = |w: &str| {
                lx.entities.nominals.contains(w) || lx.quotes.leaders.contains(w) || lx.quotes.spokes.contains(w)
            };
            let place = self.entities.get(e).is_some_and(|x| matches!(x.kind, EntityType::Gpe | EntityType::Loc));
            let lower_head = text[last.0..last.1].starts_with(|c: char| c.is_lowercase())
                || (place && role_noun(words[head_len - 1].0.as_str()) && self.overlapping(last, |_| true).is_none());
            let clause = names_a_clause(text, &words[..head_len], |w| self.overlapping(w, |_| true).is_some(), lx);
            // "Lee included Ruritania on a list of ...": the person the clause opens with is
            // the speaker, whatever longer name its object holds.
            let subject = clause.and_then(|run| self.overlapping(run, |_| true));
            if let Some(p) =
                subject.filter(|&p| p != e && self.entities.get(p).is_some_and(|x| x.kind == EntityType::Person))
            {
                return Resolution { entity: Some(p), confidence: 0.9, affiliation: None };
            }
            let modifier = !apposition
                && lower_head
                && self.overlapping(last, |x| self.entities.get(e).is_some_and(|y| std::ptr::eq(x, y))).is_none()
                && !words[head_len - 1].0.ends_with("'s")
                && !words[head_len - 1].0.ends_with("\u{2019}s")
                && subject.is_none_or(|p| p != e);
            if !modifier {
                return Resolution { entity: Some(e), confidence: 0.9, affiliation: None };
            }
            // "ministry officials", "Harbour Authority engineers": people of the organisation.
            let affiliation = self.entities.get(e).is_some_and(|x| x.kind == EntityType::Org).then_some(e);
            let definite = words[0].0 == "the";
            if definite && lx.quotes.leaders.contains(&words[head_len - 1].0.as_str()) && affiliation.is_some() {
                // "the Harbour Authority chief": the person the article titled as its head.
                if let Some(p) = self.head_of(text, e, phrase.0) {
                    return Resolution { entity: Some(p), confidence: 0.75, affiliation };
                }
            }
            if lx.quotes.spokes.contains(&words[head_len - 1].0.as_str())
                || lx.quotes.voices.contains(&words[head_len - 1].0.as_str())
            {
                // "a ministry spokesman", "the Hale campaign": they speak for the name (not a
                // former one).
                if former(&words[..head_len]) {
                    return Resolution { affiliation, ..none };
                }
                return Resolution { entity: Some(e), confidence: 0.75, affiliation };
            }
            return Resolution { affiliation, ..none };
        }
        // "Secretary of State Ann Lee", "Minister for Trade Ann Lee": a title with a preposition
        // inside it, then the person. The title is capitalised: "a spokeswoman for Lee",
        // "supporters of Lee", "people close to Lee" speak for Lee, not as Lee. What comes
        // "from" or "by" a person is theirs ("an email from Lee", "a response from Lee").
        let authored = words.get(head_len).is_some_and(|(w, _)| matches!(w.as_str(), "from" | "by"));
        if let Some(e) = (capital_title || authored).then(|| self.titled_name(text, &words[head_len..])).flatten() {
            return Resolution { entity: Some(e), confidence: 0.9, affiliation: None };
        }
        let r = self.resolve_nominal(text, phrase, content, previous, &words, head_len, head);
        // "officials at the Harbour Authority", "a spokesman for the ministry": the body they
        // speak for, kept whether or not the person is known.
        let affiliation = (head_len < words.len()
            && matches!(words[head_len].0.as_str(), "of" | "for" | "at" | "from" | "with"))
        .then(|| self.overlapping(Span(words[head_len].1 .0, phrase.1), |e| e.kind == EntityType::Org))
        .flatten();
        Resolution { affiliation, ..r }
    }

    /// [`Resolver::resolve_at`] for a phrase whose head names no entity.
    #[allow(clippy::too_many_arguments)]
    fn resolve_nominal(
        &self,
        text: &str,
        phrase: Span,
        content: Span,
        previous: Before,
        words: &[(String, Span)],
        head_len: usize,
        head: Span,
    ) -> Resolution {
        let lx = self.lx;
        let none = Resolution::NONE;
        let first = words[0].0.as_str();
        let noun = words[head_len - 1].0.trim_end_matches("'s").trim_end_matches("\u{2019}s").to_string();
        // "According to him, ...": the object form stands for the person as "he" does.
        let object_form = words.len() == 1 && matches!(first, "him" | "her");
        if head_len == 1 && matches!(first, "he" | "she") || object_form {
            let want = if matches!(first, "he" | "him") { Gender::Male } else { Gender::Female };
            return self.pronoun(text, phrase.0, content, want, previous);
        }
        if head_len == 1 && first == "it" {
            let e = self.latest_before(phrase.0, |e| e.kind == EntityType::Org);
            return Resolution { entity: e, confidence: if e.is_some() { 0.6 } else { 0.0 }, affiliation: None };
        }
        if lx.quotes.spokes.contains(&noun.as_str()) && head_len < words.len() {
            let rest = Span(head.1, phrase.1);
            // "a spokesperson for Ruritania's president Ana Ruiz" speaks for a person, who did
            // not say it herself; the place before her name is not the speaker either, nor the
            // one after it ("a spokesman for Mayor Ana Ruiz of Faro").
            // ("a statement from Lee's office" is Lee's office: the person is not the head.)
            if self.has_person(text, rest) {
                return none;
            }
            if let Some(e) = self.overlapping(rest, |e| e.kind == EntityType::Org || e.kind == EntityType::Gpe) {
                // "a former spokesman for the ministry" no longer speaks for it
                if former(&words[..head_len]) {
                    return Resolution { affiliation: Some(e), ..none };
                }
                return Resolution { entity: Some(e), confidence: 0.8, affiliation: None };
            }
        }
        // Only a definite description refers back; "a delegate" or "officials" is someone new.
        let definite = matches!(first, "the") || first.ends_with("'s") || first.ends_with("\u{2019}s");
        if !definite || noun.ends_with('s') && !noun.ends_with("ss") {
            return none;
        }
        let has_noun = |e: &Entity| {
            [e.title.as_deref(), e.role.as_deref()]
                .into_iter()
                .flatten()
                .any(|t| t.split(|c: char| !c.is_alphanumeric()).any(|w| w.eq_ignore_ascii_case(&noun)))
        };
        if let Some(e) = self.latest_before(phrase.0, |e| e.kind == EntityType::Person && has_noun(e)) {
            return Resolution { entity: Some(e), confidence: 0.75, affiliation: None };
        }
        let e = lx
            .quotes
            .generic
            .contains(&noun.as_str())
            .then(|| {
                self.latest_before(phrase.0, |e| {
                    e.kind == EntityType::Person && (e.title.is_some() || e.role.is_some())
                })
            })
            .flatten();
        Resolution { entity: e, confidence: if e.is_some() { 0.6 } else { 0.0 }, affiliation: None }
    }

    /// "he"/"she" at `at`: the persons named before it (not quoted, not in this quote's content,
    /// not a credit) that agree in gender, weighed by salience.
    fn pronoun(&self, text: &str, at: usize, content: Span, want: Gender, before: Before) -> Resolution {
        let lx = self.lx;
        let (gender, article) = self.gender.get_or_init(|| self.genders(text));
        let agrees = |i: usize| gender.get(i).copied().unwrap_or(Gender::Unknown);
        let ok = |i: usize| {
            self.entities.get(i).is_some_and(|e| e.kind == EntityType::Person)
                && matches!(agrees(i), g if g == want || g == Gender::Unknown)
        };
        // Up to three distinct candidates, latest first: (entity, latest mention start, end).
        let mut cands: Vec<(usize, usize, usize)> = Vec::new();
        let end = self.mentions.partition_point(|(s, _)| s.0 < at);
        for (k, &(s, i)) in self.mentions[..end].iter().enumerate().rev() {
            if at - s.0 > WINDOW || cands.len() == 3 {
                break;
            }
            if s.1 > at
                || (content.0 <= s.0 && s.0 < content.1)
                || self.credits(text).get(k) == Some(&true)
                || self.is_quoted(s.0)
                || !ok(i)
                || cands.iter().any(|c| c.0 == i)
            {
                continue;
            }
            cands.push((i, s.0, s.1));
        }
        let previous = before.speaker.filter(|&(p, pos)| at.saturating_sub(pos) <= WINDOW && ok(p));
        let prev = previous.map(|p| p.0);
        // Only the article's own evidence (a title, its pronouns) makes a resolution surer.
        let known = |i: usize| article.get(i).copied() == Some(want);
        let pick = |i: usize, confidence: f32| Resolution {
            entity: Some(i),
            confidence: if known(i) { confidence + 0.05 } else { confidence - UNKNOWN_GENDER },
            affiliation: None,
        };
        // "One delegate said ... He was ..., he said": the unnamed speaker, nobody named since.
        let latest_at = cands.first().map_or(0, |c| c.1).max(previous.map_or(0, |p| p.1));
        if before.unnamed.is_some_and(|u| u > latest_at && u < at) {
            return Resolution::NONE;
        }
        // The previous speaker unchallenged is salient enough that the first-name table's
        // gender ("Ana" is a woman's name) counts as known.
        let pick_named = |i: usize, confidence: f32| {
            if !known(i) && agrees(i) == want {
                Resolution { entity: Some(i), confidence, affiliation: None }
            } else {
                pick(i, confidence)
            }
        };
        let Some(&(latest, _, _)) = cands.first() else {
            return match prev {
                Some(p) => pick(p, 0.5),
                None => Resolution::NONE,
            };
        };
        if cands.len() == 1 {
            return pick(latest, if prev == Some(latest) { 0.9 } else { 0.8 });
        }
        // Salience: the latest person who is a sentence's subject or spoke at the attribution
        // before (a name in an object or a possessive is rarely what "he said" goes back to).
        let subject = |c: &(usize, usize, usize)| {
            is_subject(text, c.1, lx) || !self.is_reported(c.1) && acts(text, Span(c.1, c.2), lx)
        };
        let salient = cands.iter().position(|c| Some(c.0) == prev || subject(c));
        // Persons named since the previous attribution only as objects, possessors or modifiers
        // ("the Hale campaign", "by Lee", "Lee's remarks") do not take the topic from its speaker.
        let unchallenged = || {
            let Some((p, pos)) = previous else { return false };
            let from = self.mentions.partition_point(|(s, _)| s.0 <= pos);
            let to = self.mentions.partition_point(|(s, _)| s.0 < at);
            self.mentions[from.min(to)..to].iter().enumerate().all(|(j, &(s, i))| {
                i == p
                    || !ok(i)
                    || (content.0 <= s.0 && s.0 < content.1)
                    || self.is_quoted(s.0)
                    || self.credits(text).get(from + j) == Some(&true)
                    || !subject(&(i, s.0, s.1))
            })
        };
        match salient.map(|k| cands[k].0) {
            Some(s) if Some(s) == prev && s == latest => pick(s, 0.85),
            Some(s) if s == latest => pick(s, 0.7),
            Some(s) if Some(s) == prev && unchallenged() => pick_named(s, PREVIOUS_UNCHALLENGED),
            // The previous speaker with someone else named since as a subject: right only a
            // little more often than wrong on the dev split, so never given.
            Some(s) if Some(s) == prev => pick(s, PREVIOUS_PASSED_OVER),
            // The previous speaker further back than the three latest persons, none a subject.
            _ if unchallenged() => pick_named(prev.unwrap_or(latest), PREVIOUS_UNCHALLENGED),
            Some(s) => pick(s, 0.6),
            None => pick(latest, 0.4),
        }
    }

    /// The person an earlier title chain makes the head of organisation `org` ("Director General
    /// of the Harbour Authority (HA) Admiral Ann Lee", "Harbour Authority chief Ann Lee"): a
    /// person's name following a mention of `org` before `before`, with only capitalised words,
    /// parentheses and "of"/"the" between. The latest such person.
    fn head_of(&self, text: &str, org: usize, before: usize) -> Option<usize> {
        let end = self.mentions.partition_point(|(s, _)| s.0 < before);
        let lo = before.saturating_sub(WINDOW);
        let start = self.mentions.partition_point(|(s, _)| s.0 < lo).min(end);
        let mut found = None;
        for (k, &(m, i)) in self.mentions.iter().enumerate().take(end).skip(start) {
            if i != org || self.is_quoted(m.0) {
                continue;
            }
            let next = self.mentions[k + 1..end].iter().find(|(s, j)| s.0 >= m.1 && *j != org);
            let Some(&(p, j)) = next else { continue };
            let gap = text.get(m.1..p.0).unwrap_or(".");
            let chain = gap.len() <= 80
                && gap.split_whitespace().all(|w| {
                    let w = w.trim_matches(|c: char| matches!(c, '(' | ')' | ','));
                    w.is_empty() || w.starts_with(char::is_uppercase) || matches!(w, "of" | "the")
                });
            if chain && self.entities.get(j).is_some_and(|e| e.kind == EntityType::Person) {
                found = Some(j);
            }
        }
        found
    }

    /// The person named at the end of `rest` (the words after a title's preposition) when every
    /// word before the name is capitalised ("of State John Kerry"): the title continues to it.
    fn titled_name(&self, text: &str, rest: &[(String, Span)]) -> Option<usize> {
        let (first, last) = (rest.first()?.1, rest.last()?.1);
        let end = self.mentions.partition_point(|(s, _)| s.0 < last.1);
        let &(m, e) =
            self.mentions[..end].iter().rev().take_while(|(s, _)| s.0 > first.0).find(|(s, _)| s.1 == last.1)?;
        let person = self.entities.get(e).is_some_and(|x| x.kind == EntityType::Person);
        let title = rest.iter().skip(1).take_while(|(_, s)| s.0 < m.0).all(|(_, s)| {
            text.get(s.0..s.1)
                .is_some_and(|w| w.starts_with(char::is_uppercase) || matches!(w, "of" | "for" | "and" | "the"))
        });
        (person && title && !self.is_quoted(m.0)).then_some(e)
    }

    /// "Ana Ruiz, who said ...": the relative pronoun at `at` refers to the name just before it,
    /// and only when nothing but a comma stands between them ("the mayor of Ruiz's town, who"
    /// names someone else, so it stays unresolved).
    fn relative_antecedent(&self, text: &str, at: usize) -> Resolution {
        let end = self.mentions.partition_point(|(s, _)| s.0 < at);
        let Some(&(span, i)) = self.mentions[..end].iter().rev().find(|(s, _)| s.1 <= at) else {
            return Resolution::NONE;
        };
        let between = text.get(span.1..at).unwrap_or("x");
        let person = self.entities.get(i).is_some_and(|e| e.kind == EntityType::Person);
        if !person || self.is_quoted(span.0) || between.trim() != "," {
            return Resolution::NONE;
        }
        Resolution { entity: Some(i), confidence: 0.9, affiliation: None }
    }

    /// Whether a name inside `span` is a person's, not as a possessor ("for Lee's office").
    fn has_person(&self, text: &str, span: Span) -> bool {
        let end = self.mentions.partition_point(|(s, _)| s.0 < span.1);
        let start = self.mentions[..end].partition_point(|(s, _)| s.0 < span.0);
        self.mentions[start..end].iter().filter(|(s, _)| s.1 <= span.1).any(|&(m, i)| {
            let possessor = text.get(m.1..).is_some_and(|t| t.starts_with("'s") || t.starts_with("\u{2019}s"));
            self.entities.get(i).is_some_and(|e| e.kind == EntityType::Person) && !possessor
        })
    }

    /// The entity whose mention overlaps `span` most (persons first on ties).
    fn overlapping(&self, span: Span, ok: impl Fn(&Entity) -> bool) -> Option<usize> {
        let end = self.mentions.partition_point(|(s, _)| s.0 < span.1);
        // Mentions are short: none starting more than MAX_MENTION bytes before `span` reaches it.
        let start = self.mentions[..end].partition_point(|(s, _)| s.0 + MAX_MENTION < span.0);
        let mut best: Option<(usize, bool, usize)> = None;
        for &(s, i) in &self.mentions[start..end] {
            if s.1 <= span.0 {
                continue;
            }
            let overlap = s.1.min(span.1).saturating_sub(s.0.max(span.0));
            let Some(e) = self.entities.get(i) else { continue };
            if overlap == 0 || !ok(e) {
                continue;
            }
            let key = (overlap, e.kind == EntityType::Person, i);
            if best.is_none_or(|b| (key.0, key.1) >= (b.0, b.1)) {
                best = Some(key);
            }
        }
        best.map(|b| b.2)
    }

    /// The person who speaks a quote opening at `open` after a colon with no cue of ours
    /// (`Lee interjected: "..."`, `Mayor Ann Lee, who chairs the board, sent a short reply to
    /// Hale: "..."`, `Continued Lee: "..."`): the first person named in the clause before the colon,
    /// when that person is the clause's subject (it opens the clause, titles aside) or the only
    /// person named there and not the object of a preposition. Returns (mention, entity).
    fn colon_lead(&self, text: &str, open: usize) -> Option<(Span, usize)> {
        let lx = self.lx;
        let before = text.get(..open)?.trim_end_matches(|c: char| c.is_whitespace() || is_mark(c));
        let colon = before.strip_suffix(':')?.len();
        let lo = (colon.saturating_sub(LEAD_REACH)..colon).find(|&i| text.is_char_boundary(i))?;
        let window = text.get(lo..colon)?;
        // The clause starts at the paragraph start or after the last full stop of a word.
        let start = window.rfind('\n').map(|n| n + 1).or((lo == 0).then_some(0))?;
        let lead = &window[start..];
        let clause = lead
            .char_indices()
            .rev()
            .find(|&(i, c)| {
                // A closing quote mark, or a stop after a word that is no abbreviation ("Mr.", "Ky.").
                is_mark(c)
                    || matches!(c, '.' | '?' | '!')
                        && lead[i + 1..].starts_with(' ')
                        && lead[..i]
                            .rsplit(' ')
                            .next()
                            .is_some_and(|w| w.len() > 3 && w.chars().all(char::is_alphabetic))
            })
            .map_or(0, |(i, c)| i + c.len_utf8());
        let from = lo + start + clause;
        let a = self.mentions.partition_point(|(s, _)| s.0 < from);
        let persons: Vec<(Span, usize)> = self.mentions[a..]
            .iter()
            .take_while(|(s, _)| s.1 <= colon)
            .filter(|(s, i)| {
                !self.is_quoted(s.0) && self.entities.get(*i).is_some_and(|e| e.kind == EntityType::Person)
            })
            .copied()
            .collect();
        let &(m, e) = persons.first()?;
        let only = persons.iter().all(|p| p.1 == e);
        // "Before Hale's speech, ...", "From Lee's letter:": an object or a possessor.
        let lead_in = text.get(from..m.0).unwrap_or("");
        let prep = lead_in.split_whitespace().any(|w| lx.quotes.not_speaker_start.contains(&w.to_lowercase().as_str()));
        let possessive = text.get(m.1..).is_some_and(|t| t.starts_with("'s") || t.starts_with("\u{2019}s"));
        (!prep && !possessive && (is_subject(text, m.0, lx) || only)).then_some((m, e))
    }

    /// Is a person named (outside quote marks, not in a credit line) between bytes `a` and `b`?
    fn person_between(&self, a: usize, b: usize) -> bool {
        let from = self.mentions.partition_point(|(s, _)| s.0 < a);
        self.mentions[from..]
            .iter()
            .take_while(|(s, _)| s.0 < b)
            .any(|(s, i)| !self.is_quoted(s.0) && self.entities.get(*i).is_some_and(|e| e.kind == EntityType::Person))
    }

    /// The entity of the latest mention ending before `at` (within [`WINDOW`]) that passes `ok`,
    /// not inside quote marks.
    fn latest_before(&self, at: usize, ok: impl Fn(&Entity) -> bool) -> Option<usize> {
        let end = self.mentions.partition_point(|(s, _)| s.0 < at);
        self.mentions[..end]
            .iter()
            .rev()
            .filter(|(s, _)| s.1 <= at && !self.is_quoted(s.0))
            .take_while(|(s, _)| at - s.0 <= WINDOW)
            .find(|(_, i)| self.entities.get(*i).is_some_and(&ok))
            .map(|&(_, i)| i)
    }
}

/// Quotes with their speakers resolved in text order, each resolution seeing the speaker of the
/// attribution before it.
pub(super) fn to_quotes(text: &str, resolver: &Resolver, found: Vec<Found>, lx: &crate::Lexicon) -> Vec<Quote> {
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| found[i].speaker.map_or(found[i].content.0, |s| s.0));
    let mut resolved = vec![Resolution::NONE; found.len()];
    let mut previous = Before::default();
    let mut found = found;
    for f in &mut found {
        // "In March, ...", "two weeks ago", "with Trump": a phrase read off the wrong words.
        f.speaker = f.speaker.and_then(|s| speaker_phrase(text, s, lx));
    }
    for i in order {
        let f = &found[i];
        let Some(s) = f.speaker else { continue };
        let r = resolver.resolve_at(text, s, f.content, previous);
        // "Lee's "folly" remarks": a possessor, not the subject of an attribution.
        let possessor = f.cue.and_then(|c| text.get(c.0..c.1)).is_some_and(|w| super::partial::is_said_noun(lx, w));
        match r.entity {
            _ if possessor => {}
            Some(e) => previous.speaker = Some((e, s.0)),
            None if introduces_someone(text, s, lx) => previous.unnamed = Some(s.0),
            None => {}
        }
        resolved[i] = r;
    }
    continue_speakers(text, resolver, &mut found, &mut resolved);
    // "A spokesman for the party said ...", then "..., Ana Ruiz told reporters": the name.
    cataphora::name_described_speakers(text, resolver, &found, &mut resolved);
    found.into_iter().zip(resolved).filter_map(|(f, r)| to_quote(text, resolver, f, r)).collect()
}

/// How much the speaker of a quote with no cue of its own is less sure than the attribution it
/// continues.
const CONTINUED: f32 = 0.05;

/// How sure a speaker read off the clause before a colon is (no cue verb of ours in it).
const COLON_LEAD: f32 = 0.8;

/// How far back (bytes) from a colon the clause that leads a quote is read.
const LEAD_REACH: usize = 250;

/// Narrative after the previous attribution, in its paragraph, that still lets a quote with no
/// cue continue it (bytes).
const CONTINUE_GAP: usize = 200;

/// The wire convention: a direct quote with no cue of its own, in the same paragraph as the
/// attribution before it or opening the next paragraph, with no other person named in between,
/// is the previous speaker's (`"A," Hale said. "B."`; `Hale said ...` then a paragraph that is
/// all quote). It takes that speaker's mention and resolution, a little less sure.
fn continue_speakers(text: &str, resolver: &Resolver, found: &mut [Found], resolved: &mut [Resolution]) {
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| found[i].content.0);
    // The latest attributed quote: (its index, where its attribution or content ends).
    let mut last: Option<(usize, usize)> = None;
    for i in order {
        let f = found[i];
        if let Some(s) = f.speaker {
            last = Some((i, s.1.max(f.content.1)));
            continue;
        }
        if f.kind != QuoteKind::Direct || f.cue.is_some() {
            continue;
        }
        // `Lee interjected: "..."`, `Continued Lee: "..."`: a colon after a clause whose
        // subject is a person, with a verb we do not list.
        if let Some((m, e)) = resolver.colon_lead(text, f.content.0) {
            found[i].speaker = Some(m);
            resolved[i] = Resolution { entity: Some(e), confidence: COLON_LEAD, affiliation: None };
            last = Some((i, f.content.1));
            continue;
        }
        let Some((p, end)) = last else { continue };
        let open = f.content.0;
        // A long gap cannot pass the tests below; it is not scanned (linear time per article).
        if open.saturating_sub(end) > 2 * CONTINUE_GAP {
            continue;
        }
        let Some(gap) = text.get(end.min(open)..open) else { continue };
        // Up to the first line break: the rest of the attribution's paragraph; after it, only
        // blank lines and the opening mark.
        let (same, rest) = gap.split_once('\n').unwrap_or((gap, ""));
        let clear = rest.chars().all(|c| c.is_whitespace() || is_mark(c))
            && same.len() <= CONTINUE_GAP
            && opens_sentence(text, open)
            && !attributed_after(text, f.content)
            && !resolver.person_between(end.min(open), open);
        if !clear {
            continue;
        }
        found[i].speaker = found[p].speaker;
        let r = resolved[p];
        resolved[i] = Resolution { confidence: r.confidence - CONTINUED, ..r };
        last = Some((i, f.content.1));
    }
}

/// Is the speaker phrase `s` someone new and unnamed ("a delegate", "one senior aide", "another
/// witness"): one person, introduced by an indefinite word?
fn introduces_someone(text: &str, s: Span, lx: &crate::Lexicon) -> bool {
    introduced_noun(text, s, lx).is_some()
}

/// The head noun (lower-cased) of a speaker phrase that introduces someone new and unnamed
/// ([`introduces_someone`]): "delegate" in "one senior delegate from Faro".
fn introduced_noun(text: &str, s: Span, lx: &crate::Lexicon) -> Option<String> {
    let mut w = words(text, s);
    let head = w.iter().position(|(x, _)| lx.quotes.head_end.contains(&x.as_str())).unwrap_or(w.len());
    let indefinite = w.first().is_some_and(|(x, _)| matches!(x.as_str(), "a" | "an" | "one" | "another"));
    if !indefinite || head < 2 {
        return None;
    }
    w.truncate(head);
    let (noun, _) = w.pop()?;
    let one = !noun.ends_with('s') || noun.ends_with("ss");
    let document = matches!(noun.as_str(), "statement" | "report" | "release" | "letter" | "study" | "poll" | "survey");
    (one && !document).then_some(noun)
}

/// Does the quote at `open` start a sentence (a stop, a quote mark or a line break before it)?
/// `his wife told him: "..."` is someone else's cue we do not know.
fn opens_sentence(text: &str, open: usize) -> bool {
    let before = text.get(..open).unwrap_or("").trim_end_matches(is_mark).trim_end_matches([' ', '\t', '\u{a0}']);
    before.is_empty() || before.ends_with(['\n', '.', '?', '!']) || before.ends_with(is_mark)
}

/// Is the quote with content `content` followed, on its line, by words of its own sentence
/// (`"...," the letter reads`, `"Out!" the crowd shouted`): an attribution we do not know.
fn attributed_after(text: &str, content: Span) -> bool {
    let stop = text.get(..content.1).unwrap_or("").trim_end_matches(is_mark).ends_with('.');
    let tail = text.get(content.1..).unwrap_or("");
    let tail = tail.trim_start_matches([',', '.', '?', '!']).trim_start_matches(is_mark);
    let next = tail.trim_start_matches([' ', '\t', '\u{a0}']).chars().next();
    match next {
        None | Some('\n' | '\r') => false,
        Some(c) if is_mark(c) => false,
        Some(c) => !(stop && c.is_uppercase()),
    }
}

fn is_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}' | '\u{ab}' | '\u{bb}' | '`')
}

fn to_quote(text: &str, resolver: &Resolver, f: Found, r: Resolution) -> Option<Quote> {
    let content = text.get(f.content.0..f.content.1)?.to_string();
    let mention = f.speaker.and_then(|s| Some(SpeakerMention { text: text.get(s.0..s.1)?.to_string(), span: s }));
    let sure = r.confidence >= MIN_CONFIDENCE;
    let entity = r.entity.filter(|_| sure).and_then(|i| resolver.entity(i));
    // Sure of the entity; else of the mention alone (a name not in the entities, a nominal).
    let confidence = match (entity, &mention) {
        (Some(_), _) => r.confidence,
        (None, Some(_)) => 0.5,
        (None, None) => 0.0,
    };
    Some(Quote {
        speaker: entity.map(|e| e.id.clone()),
        speaker_name: entity.map(|e| e.name.clone()),
        speaker_mention: mention,
        speaker_affiliation: r.affiliation.and_then(|i| resolver.entity(i)).map(|e| e.id.clone()),
        kind: f.kind,
        cue: f.cue.and_then(|c| text.get(c.0..c.1)).map(str::to_string),
        content,
        span: f.content,
        confidence,
        tone: None,
    })
}

/// Whether the words of a speaker phrase's head say the role is past ("a former spokesman").
fn former(head: &[(String, Span)]) -> bool {
    head.iter().any(|(w, _)| matches!(w.as_str(), "former" | "ex" | "onetime" | "one-time"))
}

/// Whether a word (as written, and lower-cased) has the shape of a title-case headline's verb:
/// capitalised, five letters or more, ending in "s" ("Endorses", "Addresses").
fn headline_verb_shape(written: &str, lower: &str) -> bool {
    lower.len() > 4 && lower.ends_with('s') && written.starts_with(char::is_uppercase)
}

/// The name that opens the clause `words` when a verb or an adverb follows it (see
/// `quotes/subject-clause-words.txt`; "-ed" and "-ly" words; a headline's verb,
/// [`headline_verb_shape`]): the phrase is a clause with the name as its subject, not a noun the
/// name modifies. Before the name may stand titles and
/// modifiers, other names among them ("Former Rep.", "Texas Sen.", "Democratic presidential
/// candidate"), but no article, preposition, conjunction, relative pronoun or verb form ("a
/// Texas developer", "supporters of Lee", "voters who like Lee", "polls showing Lee"). `named`
/// says which words are in a mention.
fn names_a_clause(
    text: &str,
    words: &[(String, Span)],
    named: impl Fn(Span) -> bool,
    lx: &crate::Lexicon,
) -> Option<Span> {
    let mut k = 0;
    while k < words.len() {
        let (w, s) = (&words[k].0, words[k].1);
        if !named(s) {
            let w = w.as_str();
            let modifier = lx.quotes.title_like.contains(&w)
                || !(matches!(w, "a" | "an" | "the" | "and" | "or" | "but" | "who" | "that" | "which" | "whose")
                    || lx.quotes.head_end.contains(&w)
                    || lx.quotes.subject_clause_words.contains(&w)
                    || w.ends_with("ed")
                    || w.ends_with("ing")
                    || w.ends_with("'s")
                    || w.ends_with("\u{2019}s"));
            if !modifier {
                return None;
            }
            k += 1;
            continue;
        }
        let end = k + words[k..].iter().take_while(|(_, s)| named(*s)).count();
        let (next, at) = (words.get(end)?.0.as_str(), words.get(end)?.1);
        // (a title-case headline's verb: "Lee Addresses Harbour Fire"; not when a name ends the
        // phrase, "Lee Communications Director Ana Ruiz": that is a title)
        let headline_verb = words.last().is_some_and(|(_, s)| !named(*s))
            && !next.ends_with("ss")
            && text.get(at.0..at.1).is_some_and(|w| headline_verb_shape(w, next));
        let verb = lx.quotes.subject_clause_words.contains(&next)
            || (next.len() > 4 && (next.ends_with("ed") || next.ends_with("ly")))
            || headline_verb;
        if verb {
            return Some(Span(words[k].1 .0, words[end - 1].1 .1));
        }
        k = end;
    }
    None
}

/// The speaker phrase at `s` with leading adverbs dropped, or none when it is not a noun phrase
/// (see `quotes/not-speaker-start.txt`; "two weeks ago").
pub(super) fn speaker_phrase(text: &str, s: Span, lx: &crate::Lexicon) -> Option<Span> {
    let w = words(text, s);
    let lead = w.iter().take_while(|(x, _)| lx.quotes.lead_words.contains(&x.as_str())).count();
    let rest = w.get(lead..).filter(|r| !r.is_empty())?;
    let first = rest.first().map(|(x, _)| x.as_str())?;
    if lx.quotes.not_speaker_start.contains(&first) || rest.len() > 1 && rest.last().is_some_and(|(x, _)| x == "ago") {
        return None;
    }
    // "Hillary Clinton on Tuesday said": the time belongs to the saying, not to the speaker.
    let end = match rest.len() - trailing_time(text, rest) {
        keep if keep > 0 && keep < rest.len() => rest[keep - 1].1 .1,
        _ => s.1,
    };
    Some(Span(if lead > 0 { rest[0].1 .0 } else { s.0 }, end))
}

/// How many of the last words of a speaker phrase are a time adverbial ("on Tuesday", "last
/// week", "yesterday") that ends it, or 0. A time after a verb form modifies it and stays
/// ("a survey released on Tuesday", "traders polled last week").
fn trailing_time(text: &str, w: &[(String, Span)]) -> usize {
    const DAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    const UNITS: [&str; 4] = ["week", "month", "year", "weekend"];
    const PARTS: [&str; 4] = ["morning", "afternoon", "evening", "night"];
    let n = w.len();
    let at = |k: usize| -> &str { n.checked_sub(k).map_or("", |i| w[i].0.as_str()) };
    let day = |x: &str| DAYS.contains(&x);
    let on_day_part = at(3) == "on" && day(at(2)) && PARTS.contains(&at(1));
    let earlier_this =
        matches!(at(3), "earlier" | "later") && matches!(at(2), "this" | "last") && UNITS.contains(&at(1));
    let k = if on_day_part || earlier_this {
        3
    } else if (at(2) == "on" && day(at(1)))
        || (matches!(at(2), "last" | "this") && (UNITS.contains(&at(1)) || day(at(1))))
    {
        2
    } else if matches!(at(1), "yesterday" | "today" | "tonight") {
        1
    } else {
        return 0;
    };
    // The time modifies a verb form anywhere before it ("fishermen meeting the inspectors on
    // Tuesday") as much as one right before it.
    let verbal = |x: &str| {
        x.ends_with("ed")
            || x.ends_with("ing")
            || matches!(
                x,
                "taken" | "given" | "seen" | "shown" | "written" | "held" | "made" | "who" | "that" | "which"
            )
    };
    // A capitalised word is a name ("Ted"), whatever its ending.
    let name = |s: Span| text.get(s.0..s.1).and_then(|x| x.chars().next()).is_some_and(char::is_uppercase);
    // ... but not one before a capitalised word, which it qualifies ("ousted Harbour Party leader").
    let adjective = |i: usize| w.get(i + 1).is_some_and(|(_, s)| name(*s));
    if n <= k || w[..n - k].iter().enumerate().any(|(i, (x, s))| verbal(x) && !name(*s) && !adjective(i)) {
        0
    } else {
        k
    }
}

/// A byline ("By Ann Lee"), a photo credit ("(Ann Lee/Agency)", "Photo: Ann Lee") or a headline
/// (a short first line with no closing stop): no pronoun of the body goes back to these.
fn is_credit(text: &str, s: Span, first_line_end: Option<usize>) -> bool {
    let first_line = first_line_end.filter(|&n| s.1 <= n && n < 160).map(|n| text[..n].trim_end());
    if first_line.is_some_and(|l| !l.ends_with(['.', '"', '\u{201d}', ':'])) {
        return true;
    }
    let after = text.get(s.1..).unwrap_or("").trim_start_matches(' ');
    // The line up to the mention, looked for no further back than 200 bytes.
    let lo = (s.0.saturating_sub(200)..s.0).find(|&i| text.is_char_boundary(i)).unwrap_or(s.0);
    let before = text.get(lo..s.0).unwrap_or("");
    let line = match before.rfind('\n') {
        Some(n) => &before[n + 1..],
        None if lo == 0 => before,
        None => "",
    };
    after.starts_with('/')
        || before.ends_with('/')
        || line.trim_start().starts_with("By ") && line.len() < 40
        || line.trim_start().starts_with("Photo")
        || line.contains("Credit:")
}

/// Does the mention at `at` open its sentence (only capitalised words, such as a title, before it)?
fn is_subject(text: &str, at: usize, lx: &crate::Lexicon) -> bool {
    let lo = (at.saturating_sub(300)..at).find(|&i| text.is_char_boundary(i)).unwrap_or(at);
    let before = text.get(lo..at).unwrap_or("");
    // The sentence start: the last stop, line break or quote mark, not the dot of a title
    // ("on Mr. Hale" is no sentence start).
    let mut upto = before.len();
    let from = loop {
        let Some(i) = before[..upto].rfind(['\n', '.', '!', '?', '"', '\u{201d}', '\u{201c}']) else { break 0 };
        let word = before[..i].rsplit([' ', '\n']).next().unwrap_or("");
        if before[i..].starts_with('.') && lx.quotes.title_dots.contains(&word) {
            upto = i;
            continue;
        }
        break i + before[i..].chars().next().map_or(1, char::len_utf8);
    };
    let lead = &before[from..];
    lead.split_whitespace().count() <= 4
        && lead.split_whitespace().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
}

/// Does the name at `name` act as its clause's subject: followed by a verb ("Lee said", "Lee
/// has", "Lee, 54, warned", "Lee also argued"), not preceded by a preposition ("by Lee")?
/// Possessors ("Lee's"), modifiers ("the Lee campaign") and objects are not subjects.
fn acts(text: &str, name: Span, lx: &crate::Lexicon) -> bool {
    let before = text.get(..name.0).unwrap_or("");
    let prev = before
        .split_whitespace()
        .rev()
        .find(|w| !w.chars().next().is_some_and(char::is_uppercase))
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if lx.quotes.not_subject_after.contains(&prev.as_str()) {
        return false;
    }
    let after = text.get(name.1..).unwrap_or("");
    if !after.starts_with([' ', ',']) {
        return false;
    }
    // Skip an age or a short apposition between commas ("Lee, 54, said").
    let after = match after.strip_prefix(", ") {
        Some(rest) => match rest.find(", ") {
            Some(k) if k <= 40 && !rest[..k].contains(['.', '\n']) => &rest[k + 2..],
            _ => return false,
        },
        None => after,
    };
    let mut words = after.split_whitespace().map(|w| w.trim_end_matches([',', '.', ';', ':']));
    let Some(mut next) = words.next() else { return false };
    if matches!(next, "also" | "then" | "later" | "again" | "now" | "once" | "still" | "never" | "already") {
        let Some(w) = words.next() else { return false };
        next = w;
    }
    next.chars().next().is_some_and(char::is_lowercase)
        && (lx.quotes.verb_after_subject.contains(&next)
            || next.len() > 4 && next.ends_with("ed")
            || super::cues::lemma(lx, next).is_some())
}

/// `text[from..to]`, `to` moved back to a char boundary.
fn floor(text: &str, from: usize, mut to: usize) -> Option<&str> {
    while to > from && !text.is_char_boundary(to) {
        to -= 1;
    }
    text.get(from..to)
}

/// Lower-cased words of `span` with their spans.
fn words(text: &str, span: Span) -> Vec<(String, Span)> {
    let Some(s) = text.get(span.0..span.1) else { return Vec::new() };
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        let inner = c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '-' | '.');
        match (start, inner) {
            (None, true) => start = Some(i),
            (Some(a), false) => {
                out.push((s[a..i].trim_end_matches('.').to_lowercase(), Span(span.0 + a, span.0 + i)));
                start = None;
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Mention;

    fn person(id: &str, name: &str, title: Option<&str>, role: Option<&str>, spans: &[(usize, usize)]) -> Entity {
        Entity {
            id: id.into(),
            name: name.into(),
            kind: EntityType::Person,
            title: title.map(Into::into),
            role: role.map(Into::into),
            country: None,
            geo: None,
            mentions: spans
                .iter()
                .map(|&(a, b)| Mention { text: String::new(), span: Span(a, b), via: None })
                .collect(),
        }
    }

    #[test]
    fn names_pronouns_and_roles() {
        let lx = crate::Lexicon::embedded_static();
        let text = "Interior Minister Lena Park spoke first. Then Tom Hale spoke. The minister said no. He said yes.";
        let ents = [
            person("e1", "Lena Park", Some("Interior Minister"), None, &[(18, 27)]),
            person("e2", "Tom Hale", None, None, &[(45, 53)]),
        ];
        let r = Resolver::new(&ents, &[], lx);
        let at = |p: &str| text.find(p).map(|a| Span(a, a + p.len())).unwrap_or(Span(0, 0));
        assert_eq!(r.resolve(text, at("Lena Park")), Some(0));
        assert_eq!(r.resolve(text, at("The minister")), Some(0));
        assert_eq!(r.resolve(text, at("He")), Some(1));
        assert_eq!(r.resolve(text, at("Then")), None);
    }

    #[test]
    fn who_refers_to_the_name_just_before_its_comma() {
        let lx = crate::Lexicon::embedded_static();
        let text = "Tom Hale, who said no, left. The mayor of Lena Park's town, who said yes, stayed.";
        let ents =
            [person("e1", "Tom Hale", None, None, &[(0, 8)]), person("e2", "Lena Park", None, None, &[(42, 51)])];
        let r = Resolver::new(&ents, &[], lx);
        let at = |from: usize| text[from..].find("who").map(|a| Span(from + a, from + a + 3)).unwrap_or(Span(0, 0));
        assert_eq!(r.resolve(text, at(0)), Some(0));
        // The town, not Lena Park, is what stands before this comma.
        assert_eq!(r.resolve(text, at(30)), None);
    }

    #[test]
    fn the_previous_speaker_passed_over_by_another_man_is_not_given() {
        let lx = crate::Lexicon::embedded_static();
        let text = "Mr Hale said no. Then Mr Ross met him at the port. He said yes.";
        let ents = [person("e1", "Hale", None, None, &[(3, 7)]), person("e2", "Ross", None, None, &[(25, 29)])];
        let r = Resolver::new(&ents, &[], lx);
        let he = text.rfind("He").unwrap_or(0);
        let got = r.resolve_at(
            text,
            Span(he, he + 2),
            Span(he + 8, text.len()),
            Before { speaker: Some((0, 3)), unnamed: None },
        );
        let given = got.entity.filter(|_| got.confidence >= MIN_CONFIDENCE);
        assert_ne!(given, Some(0), "a subject named since takes the topic: {got:?}");
        // With nobody named in between, the previous speaker is given.
        let text = "Mr Hale said no. He later went to the port. He said yes.";
        let r = Resolver::new(&ents[..1], &[], lx);
        let he = text.rfind("He").unwrap_or(0);
        let got = r.resolve_at(
            text,
            Span(he, he + 2),
            Span(he + 8, text.len()),
            Before { speaker: Some((0, 3)), unnamed: None },
        );
        assert_eq!(got.entity, Some(0));
        assert!(got.confidence >= MIN_CONFIDENCE, "{}", got.confidence);
    }

    #[test]
    fn a_spokesperson_for_a_person_is_neither_the_person_nor_the_place() {
        let lx = crate::Lexicon::embedded_static();
        let text = "A spokesperson for ousted Ruritania leader Ana Ruiz on Monday accused the army. \
A spokesperson for Ruritania accused the army.";
        let ruiz = text.find("Ana Ruiz").unwrap_or(0);
        let land: Vec<usize> = text.match_indices("Ruritania").map(|(i, _)| i).collect();
        let mut place = person("e2", "Ruritania", None, None, &[(land[0], land[0] + 9), (land[1], land[1] + 9)]);
        place.kind = EntityType::Gpe;
        let ents = [person("e1", "Ana Ruiz", None, None, &[(ruiz, ruiz + 8)]), place];
        let r = Resolver::new(&ents, &[], lx);
        let second = text.rfind("A spokesperson").unwrap_or(0);
        assert_eq!(r.resolve(text, Span(0, ruiz + 18)), None);
        assert_eq!(r.resolve(text, Span(second, land[1] + 9)), Some(1));
    }

    #[test]
    fn indefinite_and_plural_stay_unknown() {
        let lx = crate::Lexicon::embedded_static();
        let text = "Lena Park, the minister, left. A minister said no. Ministers said yes.";
        let ents = [person("e1", "Lena Park", None, Some("the minister"), &[(0, 9)])];
        let r = Resolver::new(&ents, &[], lx);
        let at = |p: &str| text.find(p).map(|a| Span(a, a + p.len())).unwrap_or(Span(0, 0));
        assert_eq!(r.resolve(text, at("A minister")), None);
        assert_eq!(r.resolve(text, at("Ministers")), None);
    }
}
