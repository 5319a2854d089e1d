//! What a reader yields: bytes or text, where they came from, and metadata.

use dateline_text::{prepare, DecodeHint, Document, Metadata, SourceRef};

use crate::html::html_to_text;
use crate::IngestError;

/// Limits that keep one hostile input from exhausting the machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest article (file, JSONL line) accepted, in bytes.
    pub max_document_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_document_bytes: 8 << 20 }
    }
}

/// An article's body as the reader found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// Raw bytes of unknown or declared charset; `base_offset` is where they start in the file
    /// (after a stripped crawl header).
    Bytes {
        /// The bytes.
        bytes: Vec<u8>,
        /// Offset of `bytes[0]` in the original input.
        base_offset: usize,
        /// A charset label the container declared.
        charset: Option<String>,
    },
    /// Already-decoded text (a JSONL `text` field).
    Text(String),
    /// An HTML page or fragment (a JSONL `html` field or an `.html` file).
    Html(Vec<u8>),
}

/// One article as read: body, metadata and provenance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Where it came from.
    pub source: SourceRef,
    /// Its body.
    pub body: Body,
    /// Metadata the container gave.
    pub meta: Metadata,
}

impl Record {
    /// A short name for messages: `path`, `path:line` or the URL.
    pub fn input_name(&self) -> String {
        let base = self.source.path.clone().or_else(|| self.source.url.clone()).unwrap_or_else(|| "-".into());
        match &self.source.record {
            Some(r) => format!("{base}:{r}"),
            None => base,
        }
    }

    /// Decodes, repairs and normalises the body into a [`Document`].
    pub fn into_document(self, limits: &Limits) -> Result<Document, IngestError> {
        let input = self.input_name();
        let hint =
            |charset: Option<String>| DecodeHint { declared: charset, max_bytes: Some(limits.max_document_bytes) };
        let prepared = match &self.body {
            Body::Bytes { bytes, base_offset, charset } => prepare(bytes, &hint(charset.clone()), *base_offset),
            Body::Text(text) => prepare(text.as_bytes(), &hint(Some("utf-8".into())), 0),
            Body::Html(html) => {
                let text = html_to_text(html);
                prepare(text.as_bytes(), &hint(Some("utf-8".into())), 0)
            }
        }
        .map_err(|source| IngestError::Text { input, source })?;
        Ok(Document::new(prepared, self.meta, self.source))
    }
}
