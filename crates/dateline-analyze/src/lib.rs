//! The per-article analysis of dateline.
//!
//! [`analyze`] is a pure function from a prepared [`Document`] and shared [`Resources`] to an
//! [`Analysis`], the JSON record described in docs/RECORD.md. It does no I/O and keeps no global
//! state, so it can run on any number of threads over one set of resources.
//!
//! Stages run in order, each reading what the earlier ones found: header → dateline → language →
//! entities → quotes → times → amounts → tone → fingerprint (ARCHITECTURE.md).

pub mod adversarial;
mod analyze;
pub use analyze::content_id;
mod amounts;
mod dateline;
mod dates;
mod entities;
mod error;
pub mod fingerprint;
pub mod gazetteer;
mod guard;
mod intl;
mod lead;
mod lexicon;
mod quotes;
mod record;
mod resources;
mod times;
pub mod tone;

pub use amounts::{find_amounts, find_amounts_outside_times};
pub use analyze::analyze;
pub use dateline::parse_dateline;
pub use entities::{entity_work, find_entities, find_entities_bounded, MAX_MENTIONS_BASE, TEXT_BYTES_PER_MENTION};
pub use error::AnalyzeError;
pub use fingerprint::{fingerprint, Shingles, Signature, Similarity};
pub use guard::try_analyze;
pub use lead::{find_dateline, lead_spans};
pub use lexicon::Lexicon;
pub use quotes::{
    find_quotes, find_quotes_bounded, find_quotes_with, BYTES_PER_QUOTE, MAX_QUOTE_CONTENT_BYTES, MAX_SENTENCE_TOKENS,
    QUOTES_BASE, QUOTE_CONTENT_SLACK,
};
pub use record::*;
pub use resources::{set_decoding_bias, OrgNames, Resources, ORG_TAG_BIAS};
pub use times::find_times;
pub use tone::{article_tone, polarity_scores, quote_tone, Polarity, ToneLexicon};
