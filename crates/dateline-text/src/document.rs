//! The document: what the readers hand to analysis.

use serde::{Deserialize, Serialize};

use crate::{OffsetMap, Prepared};

/// A half-open byte range `[start, end)` into a text; serialised as `[start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span(pub usize, pub usize);

/// `[start, end]`: an array of two byte offsets, as serde writes the tuple struct.
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Span {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Type};
        ArrayBuilder::new()
            .items(ObjectBuilder::new().schema_type(Type::Integer).minimum(Some(0)))
            .min_items(Some(2))
            .max_items(Some(2))
            .description(Some("A half-open byte range [start, end) into `text`"))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Span {}

impl Span {
    /// The first byte of the range.
    pub fn start(self) -> usize {
        self.0
    }
    /// One past the last byte of the range.
    pub fn end(self) -> usize {
        self.1
    }
    /// Length in bytes.
    pub fn len(self) -> usize {
        self.1.saturating_sub(self.0)
    }
    /// True when the range is empty.
    pub fn is_empty(self) -> bool {
        self.1 <= self.0
    }
    /// The slice of `text` this span covers, or `None` if it is out of range or not on char boundaries.
    pub fn slice(self, text: &str) -> Option<&str> {
        text.get(self.0..self.1)
    }
}

/// The input format an article came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// A plain text file.
    Text,
    /// An HTML page.
    Html,
    /// One line of a JSON Lines file.
    Jsonl,
    /// A WARC response record.
    Warc,
}

impl Format {
    /// The lowercase name used in records and the store.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Jsonl => "jsonl",
            Format::Warc => "warc",
        }
    }
}

/// Where an article came from, precisely enough to find it again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SourceRef {
    /// The file path (`-` for standard input).
    pub path: Option<String>,
    /// The URL of the article, when known.
    pub url: Option<String>,
    /// The input format.
    pub format: Format,
    /// The record within the file: the line number of a JSONL record, a WARC-Record-ID.
    pub record: Option<String>,
}

impl SourceRef {
    /// Where the article came from as messages name it: the path or URL, then the record
    /// (`crawl.jsonl record 17`).
    pub fn describe(&self) -> String {
        let place = self.path.as_deref().or(self.url.as_deref()).unwrap_or("(unnamed input)");
        match &self.record {
            Some(r) => format!("{place} record {r}"),
            None => place.to_string(),
        }
    }
}

/// The crawl header some text dumps carry on their first line: ` date 2019-09-18 (@author)`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Header {
    /// The date, ISO 8601.
    pub date: Option<String>,
    /// The author handle, as written (`@name`).
    pub author: Option<String>,
}

/// Metadata that came with an article, outside its body text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// An id given by the source (JSONL `id`), kept for reference; the analysis id is a content hash.
    pub id: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Author or byline.
    pub author: Option<String>,
    /// Publication date as given (ISO 8601 preferred).
    pub published: Option<String>,
    /// Publisher or outlet name.
    pub site: Option<String>,
    /// The crawl header line, when the text had one.
    pub header: Option<Header>,
    /// The language as the source gives it (JSONL `language`, ISO 639-1); it wins over detection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// What kind of repair a [`TextRepair`] records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RepairKind {
    /// A U+FFFD replacement character in the text; `guess` proposes what it stood for.
    ReplacementChar,
    /// Mojibake (UTF-8 decoded as a legacy charset) that was reversed in `text`.
    Mojibake,
    /// Bytes that were not valid in the declared or detected charset and became U+FFFD.
    InvalidBytes,
}

/// One repair made to the text, or proposed for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TextRepair {
    /// What was repaired.
    pub kind: RepairKind,
    /// Where, in the normalised text.
    pub span: Span,
    /// What the original probably was (for guesses), or what the text now holds (for repairs made).
    pub guess: Option<String>,
    /// How sure the repair is, 0..=1.
    pub confidence: f32,
    /// The text before the repair, when it was changed (mojibake).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original: Option<String>,
}

/// A prepared article: clean text plus everything known about where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The normalised body text; every analysis span indexes into it.
    pub text: String,
    /// Offsets back into the original bytes.
    pub offsets: OffsetMap,
    /// Repairs made or proposed while preparing `text`.
    pub repairs: Vec<TextRepair>,
    /// Metadata from the source.
    pub meta: Metadata,
    /// Where the article came from.
    pub source: SourceRef,
    /// The charset the body was decoded from.
    pub encoding: &'static str,
}

impl Document {
    /// Assembles a document from prepared text and what the reader knew.
    pub fn new(prepared: Prepared, meta: Metadata, source: SourceRef) -> Self {
        Document {
            text: prepared.text,
            offsets: prepared.offsets,
            repairs: prepared.repairs,
            meta,
            source,
            encoding: prepared.encoding,
        }
    }
}
