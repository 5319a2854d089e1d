//! What a reader yields: bytes or text, where they came from, and metadata.

use dateline_text::{prepare, DecodeHint, Document, Metadata, SourceRef};

use crate::html::extract_html;
use crate::IngestError;

/// Limits that keep one hostile input from exhausting the machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest article (file, JSONL line, extracted text) accepted, in bytes.
    pub max_document_bytes: usize,
    /// Largest HTML page (file or WARC response body) accepted, in bytes. Larger WARC bodies
    /// are skipped without being buffered.
    pub max_page_bytes: usize,
    /// Deepest element nesting accepted in a page (html5ever itself has no cap).
    pub max_html_depth: usize,
    /// Work budget for extracting one page, counted in parsed nodes and in the steps of the
    /// scoring passes over them (not in time, so the same page gives the same result under
    /// any load).
    pub max_html_work: u64,
    /// Most bytes one compressed file may expand to (gzip bombs); reading stops there.
    pub max_decompressed_bytes: u64,
    /// Highest expansion ratio of a compressed file once it passed 8 MiB decompressed.
    pub max_compression_ratio: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_document_bytes: 8 << 20,
            max_page_bytes: 16 << 20,
            max_html_depth: 512,
            max_html_work: 64_000_000,
            max_decompressed_bytes: 64 << 30,
            max_compression_ratio: 100,
        }
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
    /// An HTML page or fragment (a JSONL `html` field, an `.html` file, a WARC response).
    Html(Vec<u8>),
}

/// How a crawler fetched a page (WARC response records).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fetch {
    /// `WARC-Date`: when the page was fetched (ISO 8601).
    pub date: Option<String>,
    /// The charset of the HTTP `Content-Type` header.
    pub charset: Option<String>,
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
    /// Fetch details, for crawled pages.
    pub fetch: Option<Fetch>,
}

impl Record {
    /// The size of the body in bytes, as held in memory (for read-ahead bounded in bytes).
    pub fn body_len(&self) -> usize {
        match &self.body {
            Body::Bytes { bytes, .. } => bytes.len(),
            Body::Text(t) => t.len(),
            Body::Html(h) => h.len(),
        }
    }

    /// A short name for messages: `path`, `path:line` or the URL.
    pub fn input_name(&self) -> String {
        let base = self.source.path.clone().or_else(|| self.source.url.clone()).unwrap_or_else(|| "-".into());
        match &self.source.record {
            Some(r) => format!("{base}:{r}"),
            None => base,
        }
    }

    /// Decodes, repairs and normalises the body into a [`Document`].
    ///
    /// HTML is extracted first (article text, metadata). Metadata the container gave (JSONL
    /// fields) wins over what the page says; the page fills the gaps, its canonical URL
    /// becomes `source.url` when there was none, and for crawled pages without any date of
    /// their own the fetch date stands in for the publication date.
    pub fn into_document(mut self, limits: &Limits) -> Result<Document, IngestError> {
        let input = self.input_name();
        let hint =
            |charset: Option<String>| DecodeHint { declared: charset, max_bytes: Some(limits.max_document_bytes) };
        let prepared = match &self.body {
            Body::Bytes { bytes, base_offset, charset } => prepare(bytes, &hint(charset.clone()), *base_offset),
            Body::Text(text) => prepare(text.as_bytes(), &hint(Some("utf-8".into())), 0),
            Body::Html(html) => {
                let charset = self.fetch.as_ref().and_then(|f| f.charset.as_deref());
                let page = extract_html(html, charset, self.source.url.as_deref(), limits)
                    .map_err(|source| IngestError::Html { input: input.clone(), source })?;
                let m = page.meta;
                let meta = &mut self.meta;
                meta.title = meta.title.take().or(m.title);
                meta.author = meta.author.take().or(m.author);
                meta.site = meta.site.take().or(m.site);
                let fetched = self.fetch.as_ref().and_then(|f| f.date.as_deref()).and_then(|d| d.get(..10));
                meta.published = meta.published.take().or(m.published).or(fetched.map(str::to_string));
                self.source.url = self.source.url.take().or(m.canonical);
                prepare(page.text.as_bytes(), &hint(Some("utf-8".into())), 0)
            }
        }
        .map_err(|source| IngestError::Text { input: input.clone(), source })?;
        if prepared.text.trim().is_empty() {
            return Err(IngestError::Empty { input });
        }
        Ok(Document::new(prepared, self.meta, self.source))
    }
}
