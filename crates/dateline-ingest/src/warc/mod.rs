//! WARC and WARC.gz: response records holding HTML pages become [`Record`]s.
//!
//! We parse records ourselves (version line, headers, `Content-Length` bytes of block, blank
//! line) over a streaming, decompressed reader: memory holds one record body at most, and a
//! body over [`Limits::max_page_bytes`] is skipped unread. A broken record (bad version line,
//! missing or wrong length, truncated, undecodable HTTP body) is an error naming the file,
//! offset and record id; reading then resyncs on the next `WARC/1.` line. Records that are not
//! HTML pages are skipped and counted in [`IngestStats`].

mod gzip;
mod http;
mod stream;

use std::io::{BufRead, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use dateline_text::{Format, Metadata, SourceRef};

use gzip::open_stream;
use stream::Stream;

use crate::html::content_type_charset;
use crate::{Body, Fetch, IngestError, Limits, Record};

/// Most header bytes one record may have.
const MAX_HEADER_BYTES: usize = 64 << 10;
/// Slack over the page limit for HTTP headers inside a response block.
const HTTP_HEADER_SLACK: u64 = 64 << 10;

/// Counters of what readers saw, shared with the caller while the stream runs (for progress
/// and the end-of-run summary). All counters only grow.
#[derive(Debug, Default)]
pub struct IngestStats {
    /// Bytes read from input files as stored (compressed for `.gz`).
    pub input_bytes: AtomicU64,
    /// WARC records seen, of any type.
    pub warc_records: AtomicU64,
    /// WARC records that became articles.
    pub warc_articles: AtomicU64,
    /// Skipped: not a response/resource record (request, metadata, warcinfo, revisit...).
    pub skipped_type: AtomicU64,
    /// Skipped: HTTP status other than 200.
    pub skipped_status: AtomicU64,
    /// Skipped: not HTML (images, PDFs, CSS, robots.txt...).
    pub skipped_not_html: AtomicU64,
    /// Broken or oversized records reported as errors.
    pub warc_errors: AtomicU64,
}

impl IngestStats {
    /// A plain copy of the counters.
    pub fn snapshot(&self) -> StatsSnapshot {
        let l = |a: &AtomicU64| a.load(Ordering::Relaxed);
        StatsSnapshot {
            input_bytes: l(&self.input_bytes),
            warc_records: l(&self.warc_records),
            warc_articles: l(&self.warc_articles),
            skipped_type: l(&self.skipped_type),
            skipped_status: l(&self.skipped_status),
            skipped_not_html: l(&self.skipped_not_html),
            warc_errors: l(&self.warc_errors),
        }
    }
}

/// A copy of [`IngestStats`] at one moment.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatsSnapshot {
    /// See [`IngestStats::input_bytes`].
    pub input_bytes: u64,
    /// See [`IngestStats::warc_records`].
    pub warc_records: u64,
    /// See [`IngestStats::warc_articles`].
    pub warc_articles: u64,
    /// See [`IngestStats::skipped_type`].
    pub skipped_type: u64,
    /// See [`IngestStats::skipped_status`].
    pub skipped_status: u64,
    /// See [`IngestStats::skipped_not_html`].
    pub skipped_not_html: u64,
    /// See [`IngestStats::warc_errors`].
    pub warc_errors: u64,
}

/// Reads WARC records from `reader` (plain or gzip, told by its first bytes). `path` names the
/// input in records and errors.
pub fn read_warc<R: Read + Send + 'static>(
    path: String,
    reader: R,
    limits: Limits,
    stats: Arc<IngestStats>,
) -> impl Iterator<Item = Result<Record, IngestError>> + Send {
    let counter = Arc::new(AtomicU64::new(0));
    let opened = open_stream(reader, Arc::clone(&counter), &limits);
    let (stream, first_error) = match opened {
        Ok(s) => (Some(Stream::new(s)), None),
        Err(e) => (None, Some(IngestError::Warc { path: path.clone(), offset: 0, record: None, what: e.to_string() })),
    };
    WarcReader { path, stream, limits, stats, counter, counted: 0, pending: first_error, in_garbage: false }
}

struct WarcReader {
    path: String,
    stream: Option<Stream<Box<dyn BufRead + Send>>>,
    limits: Limits,
    stats: Arc<IngestStats>,
    /// Compressed bytes read so far by this reader, mirrored into `stats.input_bytes`.
    counter: Arc<AtomicU64>,
    counted: u64,
    pending: Option<IngestError>,
    in_garbage: bool,
}

/// What one record turned out to be.
enum Outcome {
    Article(Box<Record>),
    Skipped,
    Broken { offset: u64, record: Option<String>, what: String },
    Fatal { offset: u64, what: String },
    End,
}

impl Iterator for WarcReader {
    type Item = Result<Record, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(e) = self.pending.take() {
                return Some(Err(e));
            }
            let outcome = self.next_record();
            let now = self.counter.load(Ordering::Relaxed);
            self.stats.input_bytes.fetch_add(now - self.counted, Ordering::Relaxed);
            self.counted = now;
            match outcome {
                Outcome::Article(r) => {
                    self.stats.warc_articles.fetch_add(1, Ordering::Relaxed);
                    return Some(Ok(*r));
                }
                Outcome::Skipped => {}
                Outcome::Broken { offset, record, what } => {
                    self.stats.warc_errors.fetch_add(1, Ordering::Relaxed);
                    return Some(Err(IngestError::Warc { path: self.path.clone(), offset, record, what }));
                }
                Outcome::Fatal { offset, what } => {
                    self.stream = None;
                    self.stats.warc_errors.fetch_add(1, Ordering::Relaxed);
                    return Some(Err(IngestError::Warc { path: self.path.clone(), offset, record: None, what }));
                }
                Outcome::End => {
                    self.stream = None;
                    return None;
                }
            }
        }
    }
}

impl WarcReader {
    fn next_record(&mut self) -> Outcome {
        let Some(stream) = self.stream.as_mut() else { return Outcome::End };
        // Find the version line, skipping blank lines; anything else is garbage to resync over.
        let (offset, version) = loop {
            let offset = stream.offset();
            match stream.read_line(MAX_HEADER_BYTES) {
                Ok(None) => return Outcome::End,
                Ok(Some(line)) => {
                    let t = trim_eol(&line);
                    if t.starts_with(b"WARC/1.") || t.starts_with(b"WARC/0.") {
                        self.in_garbage = false;
                        break (offset, String::from_utf8_lossy(t).into_owned());
                    }
                    if t.is_empty() {
                        continue;
                    }
                    if !self.in_garbage {
                        self.in_garbage = true;
                        return Outcome::Broken {
                            offset,
                            record: None,
                            what: "expected a WARC/1.x version line; skipping to the next record".into(),
                        };
                    }
                }
                Err(e) => return Outcome::Fatal { offset, what: format!("read error: {e}") },
            }
        };
        let _ = version;
        self.stats.warc_records.fetch_add(1, Ordering::Relaxed);
        let mut headers: Vec<(String, String)> = Vec::new();
        let mut header_bytes = 0usize;
        loop {
            match stream.read_line(MAX_HEADER_BYTES) {
                Ok(None) => {
                    return Outcome::Broken { offset, record: id_of(&headers), what: "truncated in headers".into() }
                }
                Ok(Some(line)) => {
                    header_bytes += line.len();
                    let t = trim_eol(&line);
                    if t.is_empty() {
                        break;
                    }
                    if header_bytes > MAX_HEADER_BYTES {
                        return Outcome::Broken { offset, record: id_of(&headers), what: "headers too long".into() };
                    }
                    let t = String::from_utf8_lossy(t);
                    if let Some((k, v)) = t.split_once(':') {
                        headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
                    } else if t.starts_with([' ', '\t']) {
                        if let Some(last) = headers.last_mut() {
                            last.1.push(' ');
                            last.1.push_str(t.trim());
                        }
                    }
                }
                Err(e) => return Outcome::Fatal { offset, what: format!("read error: {e}") },
            }
        }
        let get = |k: &str| headers.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
        let record_id = id_of(&headers);
        let Some(length) = get("content-length").and_then(|v| v.trim().parse::<u64>().ok()) else {
            return Outcome::Broken { offset, record: record_id, what: "missing or invalid Content-Length".into() };
        };
        let kind = get("warc-type").unwrap_or("").to_ascii_lowercase();
        let block_type = get("content-type").unwrap_or("").to_ascii_lowercase();
        let wanted = match kind.as_str() {
            "response" => block_type.starts_with("application/http") || block_type.is_empty(),
            "resource" => is_html(&block_type),
            _ => false,
        };
        let max_block = self.limits.max_page_bytes as u64 + HTTP_HEADER_SLACK;
        if length > max_block {
            // Not read, and not skipped by its length either: a lying Content-Length (10^15)
            // would skip every record after it. The resync looks for the next `WARC/1.` line,
            // which for an honest length is where skipping would have led anyway.
            self.in_garbage = true;
            if !wanted {
                self.stats.skipped_type.fetch_add(1, Ordering::Relaxed);
                return Outcome::Skipped;
            }
            return Outcome::Broken {
                offset,
                record: record_id,
                what: format!("record block of {length} bytes exceeds the page limit (max_page_bytes); skipped"),
            };
        }
        if !wanted {
            match stream.skip(length) {
                Ok(n) if n < length => {
                    return Outcome::Broken { offset, record: record_id, what: truncated(n, length) };
                }
                Ok(_) => {}
                Err(e) => return Outcome::Fatal { offset, what: format!("read error: {e}") },
            }
            let _ = stream.skip_record_end();
            self.stats.skipped_type.fetch_add(1, Ordering::Relaxed);
            return Outcome::Skipped;
        }
        let block = match stream.read_exact_len(length) {
            Ok(b) => b,
            Err(e) => return Outcome::Fatal { offset, what: format!("read error: {e}") },
        };
        let short = (block.len() as u64) < length;
        if short || !stream.skip_record_end() {
            // Content-Length is wrong (or the file ends early). If the next record starts
            // inside what we read, give it back; else what follows is the rest of this
            // block, which the resync skips without a second error.
            if let Some(pos) = http::find(&block, b"\nWARC/1.") {
                stream.unread(&block[pos + 1..]);
                let what = "Content-Length overruns the next record".into();
                return Outcome::Broken { offset, record: record_id, what };
            }
            if short {
                return Outcome::Broken { offset, record: record_id, what: truncated(block.len() as u64, length) };
            }
            self.in_garbage = true;
            let what = "Content-Length does not match: block not followed by a blank line".into();
            return Outcome::Broken { offset, record: record_id, what };
        }
        let uri = get("warc-target-uri").map(|u| u.trim_matches(['<', '>']).trim().to_string());
        let date = get("warc-date").map(str::to_string);
        let (body, charset) = if kind == "resource" {
            (block, content_type_charset(&block_type))
        } else {
            match http::parse_response(&block, self.limits.max_page_bytes, self.limits.max_compression_ratio) {
                Ok(resp) => {
                    if resp.status != 200 {
                        self.stats.skipped_status.fetch_add(1, Ordering::Relaxed);
                        return Outcome::Skipped;
                    }
                    if !is_html(&resp.content_type) {
                        self.stats.skipped_not_html.fetch_add(1, Ordering::Relaxed);
                        return Outcome::Skipped;
                    }
                    let charset = content_type_charset(&resp.content_type);
                    (resp.body, charset)
                }
                Err(what) => return Outcome::Broken { offset, record: record_id, what },
            }
        };
        Outcome::Article(Box::new(Record {
            source: SourceRef { path: Some(self.path.clone()), url: uri, format: Format::Warc, record: record_id },
            body: Body::Html(body),
            meta: Metadata::default(),
            fetch: Some(Fetch { date, charset }),
        }))
    }
}

fn truncated(got: u64, want: u64) -> String {
    format!("truncated: block has {got} of {want} bytes (Content-Length)")
}

fn id_of(headers: &[(String, String)]) -> Option<String> {
    headers.iter().find(|(k, _)| k == "warc-record-id").map(|(_, v)| v.trim_matches(['<', '>']).to_string())
}

fn is_html(content_type: &str) -> bool {
    content_type.starts_with("text/html") || content_type.starts_with("application/xhtml")
}

fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}
