//! Named entities: recognition, typing, in-article merging, titles and roles, nominal
//! coreference and geocoding.
//!
//! 1. **Mentions** ([`mentions`]): the statistical recogniser (`dateline-ner`) per sentence, plus
//!    rules where they are more precise: the dateline's place and wire sources, country names and
//!    aliases and nationality adjectives (NORP) from lexicons, organisations named in role phrases
//!    ("the director of Kenyan national agency for ..."), acronyms introduced in parentheses.
//! 2. **Typing**: the model's PER/ORG/LOC/EVENT refined to GPE (gazetteer countries, regions,
//!    cities), LOC (camps, rivers, unknown places) and FAC (airports, bridges).
//! 3. **Merging** ([`merge`]): surnames to full names, acronyms to their long forms, country
//!    aliases ("US" = "U.S." = "United States"), gazetteer alternate spellings, place names with
//!    and without their head word ("Kestrel" = "Kestrel camp").
//! 4. **Titles and roles** ([`titles`]) from the words before a name and from appositions.
//! 5. **Nominal coreference**: "the military official", "the minister" → the most recent
//!    compatible titled person, as a mention with `via: "coreference"`.
//! 6. **Geocoding** ([`geo`]) against the gazetteer, disambiguated by the dateline and the other
//!    places of the article; places the gazetteer lacks take their country from the text.

mod bare_titles;
mod common_words;
mod definitions;
mod events;
mod geo;
mod joins;
mod listed;
mod mentions;
mod ministries;
mod networks;
pub(crate) use mentions::Tables as EntityTables;
mod merge;
mod occurrences;
mod reporters;
mod surnames;
mod tag_lists;
mod titles;

use dateline_text::segment::TokenTable;
use dateline_text::Span;

use crate::{Dateline, Entity, Resources};

/// Entity types of the record, under the short name the stage's rules use.
pub(crate) use crate::EntityType as Kind;

/// The country code of a nationality adjective or group noun in the set's `ner/demonyms.tsv`
/// (`Some("")` for a group with no single country), case-insensitive.
pub(crate) fn demonym(word: &str, lx: &crate::Lexicon) -> Option<&'static str> {
    lx.entity_tables().vocabulary().demonym(word)
}

/// Whether `word` is a person title or honorific of the set's `ner/person-titles.txt`.
pub(crate) fn is_person_title(word: &str, lx: &crate::Lexicon) -> bool {
    lx.entity_tables().vocabulary().is_person_title(word)
}

/// How a mention was found; rules outrank the model when they overlap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Source {
    Model,
    Lexicon,
    Rule,
    Dateline,
}

/// A mention before merging.
#[derive(Debug, Clone)]
pub(crate) struct Cand {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub source: Source,
    /// ISO2 country when a lexicon or the gazetteer says (countries, demonyms).
    pub country: Option<String>,
    /// For an acronym introduced in parentheses: the start of the long form it abbreviates.
    pub alias_of: Option<usize>,
    /// Where the name proper ends: before a place head word the mention was extended over
    /// ("Kestrel" in "Kestrel camp"); equals `end` otherwise.
    pub name_end: usize,
    /// The head word the mention was extended over ("camp"), if any.
    pub head: Option<Span>,
    /// Index of the sentence the mention is in.
    pub sentence: usize,
}

/// A token of the article: byte span, the sentence it belongs to, and its text (the rules read
/// each token's words dozens of times: sliced once here, not checked for char boundaries at
/// every read).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok<'t> {
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
    /// `text[start..end]`.
    pub word: &'t str,
}

/// Finds, types, merges and geocodes the entities of `text`.
pub fn find_entities(
    text: &str,
    sentences: &[Span],
    resources: &Resources,
    dateline: Option<&Dateline>,
) -> Vec<Entity> {
    find_entities_bounded(text, sentences, resources, dateline).0
}

/// An article keeps at most `MAX_MENTIONS_BASE + text.len() / TEXT_BYTES_PER_MENTION` candidate
/// mentions (in text order); the record says when more were found.
pub const MAX_MENTIONS_BASE: usize = 10_000;
/// See [`MAX_MENTIONS_BASE`].
pub const TEXT_BYTES_PER_MENTION: usize = 16;

/// [`find_entities`], and whether the mentions were cut at the article's cap
/// ([`MAX_MENTIONS_BASE`]).
pub fn find_entities_bounded(
    text: &str,
    sentences: &[Span],
    resources: &Resources,
    dateline: Option<&Dateline>,
) -> (Vec<Entity>, bool) {
    find_entities_in(
        text,
        &TokenTable::with_lists(text, &resources.lexicon.text),
        sentences,
        resources,
        dateline,
        &[],
        None,
    )
}

/// [`find_entities_bounded`] with agencies credited outside the dateline (spans of `text`, such
/// as a byline's agency), which are organisations, over an article in `language` (`None`:
/// English), with the corrections of that language's lists ([`crate::intl::entities`]) applied
/// to the mentions before merging.
pub(crate) fn find_entities_in(
    text: &str,
    table: &TokenTable,
    sentences: &[Span],
    resources: &Resources,
    dateline: Option<&Dateline>,
    credits: &[Span],
    language: Option<&crate::intl::Lists>,
) -> (Vec<Entity>, bool) {
    let lx = &resources.lexicon;
    let toks = tokens(text, table, sentences);
    let mut cands = mentions::find(text, &toks, sentences, resources, dateline, credits);
    if let Some(lex) = language {
        crate::intl::entities::adjust(text, &toks, &mut cands, resources, lex);
    }
    let cap = MAX_MENTIONS_BASE.saturating_add(text.len() / TEXT_BYTES_PER_MENTION);
    let cut = cands.len() > cap;
    cands.truncate(cap);
    let mut ents = merge::merge(text, &toks, cands, resources);
    titles::assign(text, &toks, &mut ents, lx);
    titles::coreference(text, &toks, &mut ents, lx);
    geo::geocode(text, &toks, &mut ents, resources, dateline);
    (merge::finish(text, ents), cut)
}

/// A mention found by a rule, for the other-language corrections.
pub(crate) fn cand_for(start: usize, end: usize, kind: Kind, source: Source, sentence: usize) -> Cand {
    mentions::cand(start, end, kind, source, sentence)
}

/// Types a mention again from its words (after a correction changed them): countries,
/// demonyms, organisation and place head words.
pub(crate) fn refine_cand(text: &str, toks: &[Tok], c: &mut Cand, resources: &Resources) {
    mentions::refine(text, toks, c, resources);
}

/// Finds the other occurrences of the names among `cands` (and of persons' surnames), after a
/// correction added names the first pass did not have.
pub(crate) fn propagate_cands(text: &str, toks: &[Tok], cands: &mut Vec<Cand>, resources: &Resources) {
    mentions::propagate(text, toks, cands, resources);
}

/// Tokens of the whole text (the recogniser's tokenizer, splitting the whitespace-free chunks of
/// the article's token table), each tagged with its sentence.
fn tokens<'t>(text: &'t str, table: &TokenTable, sentences: &[Span]) -> Vec<Tok<'t>> {
    let spans = dateline_ner::tokenize_chunks(text, table.chunks().map(|(a, b, _)| (a, b)));
    let mut out = Vec::with_capacity(spans.len());
    let mut s = 0;
    for (a, b) in spans {
        while s + 1 < sentences.len() && a >= sentences[s].1 {
            s += 1;
        }
        out.push(Tok { start: a, end: b, sentence: s, word: text.get(a..b).unwrap_or("") });
    }
    out
}

/// The token ranges `a..b` of the article's sentences, in order (each run of tokens with one
/// sentence index).
pub(crate) fn sentence_runs<'a>(toks: &'a [Tok]) -> impl Iterator<Item = (usize, usize)> + 'a {
    let mut i = 0;
    std::iter::from_fn(move || {
        let s = toks.get(i)?.sentence;
        let a = i;
        while toks.get(i).is_some_and(|t| t.sentence == s) {
            i += 1;
        }
        Some((a, i))
    })
}

/// The text of token `i`, or "" past the ends.
pub(crate) fn tok<'t>(text: &'t str, toks: &[Tok<'t>], i: usize) -> &'t str {
    debug_assert!(toks.get(i).is_none_or(|t| text.get(t.start..t.end) == Some(t.word)));
    toks.get(i).map_or("", |t| t.word)
}

thread_local! {
    /// Work done by the entity stage's searches on this thread, for [`entity_work`].
    static WORK: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Steps of work the entity stage's name searches have done on this thread so far (name
/// propagation's tries and compared bytes, the merge's surname lookups): a deterministic count,
/// so tests can assert that the work grows linearly with the text where a timed test could not.
/// Instrumentation only: it never changes a result.
pub fn entity_work() -> u64 {
    WORK.with(std::cell::Cell::get)
}

/// Adds to [`entity_work`].
pub(crate) fn add_work(n: u64) {
    WORK.with(|w| w.set(w.get().saturating_add(n)));
}

/// Index of the token that starts at byte `b`.
pub(crate) fn tok_at(toks: &[Tok], b: usize) -> Option<usize> {
    toks.binary_search_by_key(&b, |t| t.start).ok()
}

/// Index of the token that ends at byte `b`.
pub(crate) fn tok_ending(toks: &[Tok], b: usize) -> Option<usize> {
    toks.binary_search_by_key(&b, |t| t.end).ok()
}

/// Calls `f` with `w.to_lowercase()`, built in a stack buffer for an ASCII word of up to 32 bytes
/// (nearly every word; for ASCII, `to_lowercase` is `to_ascii_lowercase`) instead of allocated:
/// the rules lowercase a word before looking it up in a list at many tokens of every article.
pub(crate) fn with_lowercase<T>(w: &str, f: impl FnOnce(&str) -> T) -> T {
    let mut buf = [0u8; 32];
    if let Some(lower) = buf.get_mut(..w.len()).filter(|_| w.is_ascii()) {
        lower.copy_from_slice(w.as_bytes());
        lower.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(lower) {
            return f(lower);
        }
    }
    f(&w.to_lowercase())
}

pub(crate) fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests;
