//! JSON Lines: one article per line, `text` or `html` plus optional metadata.

use std::io::BufRead;

use dateline_text::{Format, Metadata, SourceRef};
use serde_json::{Map, Value};

use crate::error::MAX_BYTES;
use crate::{Body, IngestError, Limits, Record};

/// Reads articles from JSON Lines. Each line is an object with `text` or `html` (a string) and
/// optionally `id`, `url`, `title`, `author`, `published`, `source`. Blank lines are skipped; a bad
/// line is an error naming `path:line`, and reading goes on with the next line.
pub fn read_jsonl<R: BufRead>(
    path: String,
    reader: R,
    limits: Limits,
) -> impl Iterator<Item = Result<Record, IngestError>> {
    JsonlReader { path, reader, limits, line: 0, done: false, buf: Vec::new() }
}

struct JsonlReader<R> {
    path: String,
    reader: R,
    limits: Limits,
    line: usize,
    done: bool,
    buf: Vec<u8>,
}

impl<R: BufRead> JsonlReader<R> {
    /// Reads one line into `buf`, never holding more than the limit in memory. Returns the full
    /// line length (which may exceed what was kept), or `None` at the end.
    fn next_line(&mut self) -> Result<Option<usize>, std::io::Error> {
        self.buf.clear();
        let cap = self.limits.max_document_bytes.saturating_add(1);
        let mut total = 0usize;
        loop {
            let chunk = self.reader.fill_buf()?;
            if chunk.is_empty() {
                return Ok((total > 0).then_some(total));
            }
            let (take, found) = match memchr_newline(chunk) {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            let room = cap.saturating_sub(self.buf.len());
            self.buf.extend_from_slice(&chunk[..take.min(room)]);
            total += take;
            self.reader.consume(take);
            if found {
                return Ok(Some(total));
            }
        }
    }
}

fn memchr_newline(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'\n')
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Result<Record, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let len = match self.next_line() {
                Ok(Some(len)) => len,
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(source) => {
                    self.done = true;
                    return Some(Err(IngestError::Io { path: self.path.clone(), source }));
                }
            };
            self.line += 1;
            if let Some(item) = line_of_size(&self.path, self.line, &self.buf, len, &self.limits) {
                return Some(item);
            }
        }
        None
    }
}

/// One line of JSON Lines (with or without its newline), read the way [`read_jsonl`] reads it:
/// `None` for a blank line, else the record or the error naming `path:line`. For callers that
/// hold the lines already and answer per line (`POST /api/ingest`).
pub fn read_jsonl_line(path: &str, line: usize, bytes: &[u8], limits: &Limits) -> Option<Result<Record, IngestError>> {
    line_of_size(path, line, bytes, bytes.len(), limits)
}

/// [`read_jsonl_line`] for a line of `len` bytes of which `bytes` were kept.
fn line_of_size(
    path: &str,
    line: usize,
    bytes: &[u8],
    len: usize,
    limits: &Limits,
) -> Option<Result<Record, IngestError>> {
    if len > limits.max_document_bytes {
        return Some(Err(IngestError::TooLarge {
            setting: MAX_BYTES,
            input: format!("{path}:{line}"),
            size: len,
            limit: limits.max_document_bytes,
        }));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    Some(parse_line(path, line, bytes))
}

fn parse_line(path: &str, line: usize, bytes: &[u8]) -> Result<Record, IngestError> {
    let json_error = |message: String| IngestError::Json { path: path.to_string(), line, message };
    let value: Value = serde_json::from_slice(bytes).map_err(|e| json_error(e.to_string()))?;
    let Value::Object(obj) = value else {
        return Err(json_error("expected an object".into()));
    };
    let body = match (string(&obj, "text"), string(&obj, "html")) {
        (Some(text), _) => Body::Text(text),
        (None, Some(html)) => Body::Html(html.into_bytes()),
        (None, None) => return Err(IngestError::MissingText { path: path.to_string(), line }),
    };
    let meta = Metadata {
        id: string(&obj, "id").or_else(|| obj.get("id").filter(|v| v.is_number()).map(Value::to_string)),
        title: string(&obj, "title"),
        author: string(&obj, "author"),
        published: string(&obj, "published"),
        site: string(&obj, "source"),
        header: None,
        language: string(&obj, "language").or_else(|| string(&obj, "lang")),
    };
    let format = if matches!(body, Body::Html(_)) { Format::Html } else { Format::Jsonl };
    let source =
        SourceRef { path: Some(path.to_string()), url: string(&obj, "url"), format, record: Some(line.to_string()) };
    Ok(Record { source, body, meta, fetch: None })
}

/// A non-empty string field.
fn string(obj: &Map<String, Value>, key: &str) -> Option<String> {
    obj.get(key).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &str) -> Vec<Result<Record, IngestError>> {
        read_jsonl("in.jsonl".into(), input.as_bytes(), Limits::default()).collect()
    }

    #[test]
    fn good_and_bad_lines_both_reported() {
        let out = read(
            "{\"text\":\"A\",\"url\":\"http://x\"}\nnot json\n\n{\"title\":\"no body\"}\n[1]\n{\"html\":\"<p>B</p>\"}",
        );
        assert_eq!(out.len(), 5);
        let first = out[0].as_ref().expect("first ok");
        assert_eq!(first.source.url.as_deref(), Some("http://x"));
        assert_eq!(first.source.record.as_deref(), Some("1"));
        assert!(matches!(&out[1], Err(IngestError::Json { line: 2, .. })));
        assert!(matches!(&out[2], Err(IngestError::MissingText { line: 4, .. })));
        assert!(matches!(&out[3], Err(IngestError::Json { line: 5, .. })));
        assert!(matches!(&out[4], Ok(Record { body: Body::Html(_), .. })));
        assert_eq!(
            out[1].as_ref().expect_err("bad").to_string().split(':').take(2).collect::<Vec<_>>(),
            ["in.jsonl", "2"]
        );
    }

    #[test]
    fn metadata_fields() {
        let out = read(r#"{"text":"T","id":7,"title":"H","author":"A","published":"2020-01-02","source":"Wire"}"#);
        let r = out[0].as_ref().expect("ok");
        assert_eq!(r.meta.id.as_deref(), Some("7"));
        assert_eq!(r.meta.title.as_deref(), Some("H"));
        assert_eq!(r.meta.author.as_deref(), Some("A"));
        assert_eq!(r.meta.published.as_deref(), Some("2020-01-02"));
        assert_eq!(r.meta.site.as_deref(), Some("Wire"));
    }

    #[test]
    fn overlong_line_is_an_error_and_reading_goes_on() {
        let limits = Limits { max_document_bytes: 20, ..Limits::default() };
        let input = format!("{{\"text\":\"{}\"}}\n{{\"text\":\"ok\"}}\n", "x".repeat(100));
        let out: Vec<_> = read_jsonl("big.jsonl".into(), input.as_bytes(), limits).collect();
        assert!(matches!(&out[0], Err(IngestError::TooLarge { .. })));
        assert!(out[1].is_ok());
    }
}
