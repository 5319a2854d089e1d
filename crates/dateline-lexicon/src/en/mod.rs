//! The English lexicons of the rules: the analysis stages, text preparation and the entity model's features (`resources/lexicon/en/`).

pub mod adversarial;
pub mod amounts;
pub mod dateline;
pub mod entities;
pub mod fingerprint;
pub mod lead;
pub mod ner;
pub mod quotes;
pub mod text;
pub mod tone;

/// Every list of this set.
pub(crate) fn all() -> impl Iterator<Item = &'static dyn crate::Embedded> {
    ner::ALL
        .iter()
        .chain(text::ALL)
        .chain(entities::ALL)
        .chain(tone::ALL)
        .chain(dateline::ALL)
        .chain(amounts::ALL)
        .chain(lead::ALL)
        .chain(fingerprint::ALL)
        .chain(adversarial::ALL)
        .chain(quotes::ALL)
        .copied()
}
