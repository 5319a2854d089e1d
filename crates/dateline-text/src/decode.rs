//! Bytes to a Rust string: BOM, declared charset, or detection. (Stub: UTF-8 lossy; the text
//! issue replaces it.)

use crate::{OffsetMap, TextError};

/// What the caller knows about the charset of some bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DecodeHint {
    /// A charset label declared by the container (HTTP header, `<meta charset>`, JSONL is UTF-8).
    pub declared: Option<String>,
    /// Reject inputs larger than this many bytes.
    pub max_bytes: Option<usize>,
}

/// Decoded text with an offset map back into the bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The decoded text.
    pub text: String,
    /// Byte offsets of `text` to byte offsets of the input.
    pub offsets: OffsetMap,
    /// The WHATWG name of the charset used.
    pub encoding: &'static str,
}

/// Decodes `bytes` to text.
pub fn decode(bytes: &[u8], hint: &DecodeHint) -> Result<Decoded, TextError> {
    if let Some(limit) = hint.max_bytes {
        if bytes.len() > limit {
            return Err(TextError::TooLarge {
                size: bytes.len(),
                limit,
            });
        }
    }
    let text = String::from_utf8_lossy(bytes).into_owned();
    let offsets = OffsetMap::identity(text.len(), 0);
    Ok(Decoded {
        text,
        offsets,
        encoding: "UTF-8",
    })
}
