//! Named-entity recognition for dateline.
//!
//! A left-to-right averaged-perceptron tagger (greedy, or a beam of tag sequences with structured training) over BILOU tags (PER, ORG, LOC, EVENT) with
//! hashed features (word, shape, affixes, context words and shapes, capitalisation in context,
//! sentence position, previous tags, and lexicon hits: GeoNames places, nationality adjectives,
//! person titles, organisation words). It is trained by this project from freely licensed
//! corpora (see `examples/train.rs`) and stored in a compact versioned binary ([`Model`]).
//!
//! The finer types of the analysis record (GPE/LOC/FAC, NORP) and merging, titles and geocoding
//! are done by `dateline-analyze` on top of these spans.

pub mod data;
mod features;
pub mod lexicon;
mod model;
mod tags;
mod token_scores;
mod tokenize;
mod train;

pub use features::{
    cluster_entries, WordClass, FEAT_ALL, FEAT_BITS, FEAT_BITS_CASE, FEAT_BITS_NEIGHBOURS, FEAT_MID_SUB, FEAT_ORGS,
};
pub use model::{Model, TokenSpan, FORMAT_VERSION};
pub use tags::{decode as decode_tags, encode as encode_tags, Label, Tag, N_TAGS};
pub use tokenize::{tokenize, tokenize_chunks};
pub use train::{augment, org_name_hash, place_hashes, train, OrgNames, Sentence, TrainConfig};

/// Errors while loading a model.
#[derive(Debug, thiserror::Error)]
pub enum NerError {
    /// The bytes are not a valid model.
    #[error("malformed NER model: {0}")]
    Format(String),
    /// The model was written by another format version.
    #[error("NER model format version {0} is not supported (this build reads version {FORMAT_VERSION})")]
    Version(u16),
}

/// An entity found in text: byte span `[start, end)` and label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// Type.
    pub label: Label,
}

impl Model {
    /// Tokenises `text[start..end]` (one sentence) and returns its entities as byte spans into
    /// `text`. Spans that are not on character boundaries are impossible by construction.
    pub fn recognize(&self, text: &str, start: usize, end: usize) -> Vec<Found> {
        let Some(sent) = text.get(start..end) else {
            return Vec::new();
        };
        let toks = tokenize(sent);
        let words: Vec<&str> = toks.iter().map(|&(a, b)| &sent[a..b]).collect();
        self.predict(&words)
            .into_iter()
            .map(|(s, e, label)| Found { start: start + toks[s].0, end: start + toks[e - 1].1, label })
            .collect()
    }
}
