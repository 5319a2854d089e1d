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
