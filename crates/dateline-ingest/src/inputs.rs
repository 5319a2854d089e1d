//! Inputs named on the command line: files, directories (walked) and `-` (standard input).

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use dateline_text::{Format, Metadata, SourceRef};

use crate::jsonl::read_jsonl;
use crate::text::text_record;
use crate::{Body, IngestError, Limits, Record};

/// A boxed stream of records.
pub type Records = Box<dyn Iterator<Item = Result<Record, IngestError>> + Send>;

/// File extensions read when walking a directory; other files there are skipped.
const KNOWN_EXTENSIONS: &[&str] = &["txt", "text", "jsonl", "ndjson", "html", "htm"];

/// Reads every input in order: files by extension, directories walked in name order, `-` as
/// standard input.
pub fn read_inputs(paths: &[PathBuf], limits: Limits) -> Records {
    let paths = paths.to_vec();
    Box::new(paths.into_iter().flat_map(move |p| -> Records {
        if p.as_os_str() == "-" {
            read_stdin(limits)
        } else {
            read_path(&p, limits)
        }
    }))
}

/// Reads one file or a directory tree.
pub fn read_path(path: &Path, limits: Limits) -> Records {
    if path.is_dir() {
        let walk = walkdir::WalkDir::new(path).sort_by_file_name().follow_links(true);
        return Box::new(walk.into_iter().flat_map(move |entry| -> Records {
            match entry {
                Ok(e) if e.file_type().is_file() && is_known(e.path()) && !is_hidden(e.path()) => {
                    read_file(e.path(), limits)
                }
                Ok(_) => Box::new(std::iter::empty()),
                Err(err) => {
                    let p = err.path().map_or_else(|| "?".to_string(), |p| p.display().to_string());
                    let source = err.into_io_error().unwrap_or_else(|| std::io::Error::other("directory loop"));
                    Box::new(std::iter::once(Err(IngestError::Io { path: p, source })))
                }
            }
        }));
    }
    read_file(path, limits)
}

fn is_known(path: &Path) -> bool {
    extension(path).is_some_and(|e| KNOWN_EXTENSIONS.contains(&e.as_str()))
}

fn is_hidden(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'))
}

fn extension(path: &Path) -> Option<String> {
    path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase)
}

fn read_file(path: &Path, limits: Limits) -> Records {
    let name = path.display().to_string();
    let ext = extension(path);
    if matches!(ext.as_deref(), Some("warc" | "gz" | "arc")) {
        let what = "WARC input is not supported yet".to_string();
        return Box::new(std::iter::once(Err(IngestError::Unsupported { path: name, what })));
    }
    let file = match File::open(path) {
        Ok(f) => f,
        Err(source) => return Box::new(std::iter::once(Err(IngestError::Io { path: name, source }))),
    };
    if matches!(ext.as_deref(), Some("jsonl" | "ndjson")) {
        return Box::new(read_jsonl(name, BufReader::new(file), limits));
    }
    let one = read_capped(file, &name, limits).map(|bytes| {
        if matches!(ext.as_deref(), Some("html" | "htm")) {
            html_record(&name, bytes)
        } else {
            text_record(&name, bytes)
        }
    });
    Box::new(std::iter::once(one))
}

fn html_record(path: &str, bytes: Vec<u8>) -> Record {
    Record {
        source: SourceRef { path: Some(path.to_string()), url: None, format: Format::Html, record: None },
        body: Body::Html(bytes),
        meta: Metadata::default(),
    }
}

/// Reads at most the limit (plus one byte, to tell that it was exceeded).
fn read_capped(reader: impl Read, name: &str, limits: Limits) -> Result<Vec<u8>, IngestError> {
    let mut bytes = Vec::new();
    let cap = limits.max_document_bytes as u64 + 1;
    reader.take(cap).read_to_end(&mut bytes).map_err(|source| IngestError::Io { path: name.to_string(), source })?;
    if bytes.len() > limits.max_document_bytes {
        return Err(IngestError::TooLarge {
            input: name.to_string(),
            size: bytes.len(),
            limit: limits.max_document_bytes,
        });
    }
    Ok(bytes)
}

/// Reads standard input: JSON Lines when the first non-blank byte is `{`, else one text article.
pub fn read_stdin(limits: Limits) -> Records {
    let mut reader = BufReader::new(std::io::stdin());
    let looks_jsonl = match reader.fill_buf() {
        Ok(buf) => buf.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{'),
        Err(source) => return Box::new(std::iter::once(Err(IngestError::Io { path: "-".into(), source }))),
    };
    if looks_jsonl {
        return Box::new(read_jsonl("-".into(), reader, limits));
    }
    Box::new(std::iter::once(read_capped(reader, "-", limits).map(|b| text_record("-", b))))
}
