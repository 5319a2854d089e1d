//! Entities, quotes, dates and amounts in other languages written in the Latin script: French, Spanish,
//! Italian, Portuguese, German and Dutch.
//!
//! The English stages read English word lists; run as they are over another language they miss
//! every quote and type names by English head words. Here each language has its own lists
//! (`resources/lexicon/intl/`, [`lexicon`]); the entity recogniser and the English entity rules
//! still find the names, [`entities`] corrects what the language changes about them (in German,
//! which capitalises every noun, it keeps only names with evidence beyond their capitals), and
//! [`quotes`] finds the quotes, [`times`] the dates and [`amounts`] the amounts. Tone is not
//! read in these languages (the record lists it as skipped).

pub(crate) mod amounts;
pub(crate) mod entities;
pub(crate) mod lexicon;
pub(crate) mod quotes;
mod speakers;
pub(crate) mod times;

#[cfg(test)]
mod tests;

pub(crate) use lexicon::{for_language, Lists};

/// "l'ambassadeur" → ("l'", "ambassadeur").
pub(super) fn split_elided(w: &str) -> Option<(&str, &str)> {
    let (k, ch) = w.char_indices().find(|&(_, ch)| ch == '\'' || ch == '\u{2019}')?;
    Some((&w[..k + ch.len_utf8()], &w[k + ch.len_utf8()..]))
}
