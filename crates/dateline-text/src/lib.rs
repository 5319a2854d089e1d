//! Text preparation for dateline: bytes in, clean text out, every change accounted for.
//!
//! Raw news arrives in any charset, often mangled (mojibake, lost characters shown as U+FFFD).
//! This crate turns bytes into the normalised body that every analysis span points into, and
//! keeps an [`OffsetMap`] so that any span can be led back to the original bytes. It also
//! segments text into sentences and tokens ([`segment`]).
//!
//! The invariant that the rest of dateline leans on: preparation never loses text silently.
//! Every repair that changes characters is listed in [`Document::repairs`]; guesses (a U+FFFD that
//! probably was a dash) are *reported* with a confidence, never written into the text.

mod decode;
mod document;
mod error;
pub mod language;
mod mojibake;
mod normalize;
mod offsets;
mod replacement;
pub mod segment;
pub mod unwrap;

pub use decode::{decode, DecodeHint, Decoded};
pub use document::{Document, Format, Header, Metadata, RepairKind, SourceRef, Span, TextRepair};
pub use error::TextError;
pub use mojibake::{repair_mojibake, MojibakeFix, Repaired};
pub use offsets::OffsetMap;

/// Clean text ready for analysis, with its offset map and the repairs made or proposed.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// The normalised text (NFC, tidied whitespace, mojibake repaired).
    pub text: String,
    /// Maps byte offsets of `text` back to byte offsets of the original input.
    pub offsets: OffsetMap,
    /// Repairs made (mojibake) and proposed (U+FFFD guesses).
    pub repairs: Vec<TextRepair>,
    /// The charset the bytes were decoded from (a WHATWG label, e.g. `UTF-8`).
    pub encoding: &'static str,
}

/// Decodes, repairs and normalises `bytes` into analysable text.
///
/// The steps, each with an offset map composed into [`Prepared::offsets`]: decode (BOM,
/// declared charset, UTF-8, detection), mojibake repair, NFC and whitespace tidying, then a
/// report of every U+FFFD left in the text. `base_offset` is added to every original offset,
/// for callers that strip a prefix (a crawl header line) before handing the body over.
pub fn prepare(bytes: &[u8], hint: &DecodeHint, base_offset: usize) -> Result<Prepared, TextError> {
    let decoded = decode(bytes, hint)?;
    let repaired = mojibake::repair_mojibake(&decoded.text);
    let (text, norm_map) = normalize::normalize(&repaired.text);
    let to_input = if repaired.offsets.is_identity() {
        decoded.offsets.clone()
    } else {
        repaired.offsets.compose(&decoded.offsets)
    };
    let offsets = norm_map.compose(&to_input).shifted(base_offset);
    let mut repairs: Vec<TextRepair> = repaired
        .fixes
        .into_iter()
        .map(|fix| {
            let (start, end) = offsets::forward_span(&norm_map, &text, fix.start, fix.end);
            let guess = text.get(start..end).map(str::to_string).or(Some(fix.fixed));
            TextRepair {
                kind: RepairKind::Mojibake,
                span: Span(start, end),
                guess,
                confidence: fix.confidence,
                original: Some(fix.original),
            }
        })
        .collect();
    let source =
        replacement::Source { bytes, invalid: &decoded.invalid, base: base_offset, utf8: decoded.encoding == "UTF-8" };
    repairs.extend(replacement::report(&text, &offsets, &source));
    repairs.sort_by_key(|r| (r.span.0, r.span.1));
    Ok(Prepared { text, offsets, repairs, encoding: decoded.encoding })
}
