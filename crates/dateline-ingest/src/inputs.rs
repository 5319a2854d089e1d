//! Inputs named on the command line: files, directories (walked) and `-` (standard input).

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use dateline_text::{Format, Metadata, SourceRef};

use crate::jsonl::read_jsonl;
use crate::text::text_record;
use crate::warc::{read_warc, IngestStats};
use crate::{Body, IngestError, Limits, Record};

/// A boxed stream of records.
pub type Records = Box<dyn Iterator<Item = Result<Record, IngestError>> + Send>;

/// File extensions read when walking a directory; other files there are skipped.
const KNOWN_EXTENSIONS: &[&str] = &["txt", "text", "jsonl", "ndjson", "html", "htm", "xhtml", "warc"];

/// Reads every input in order: files by extension, directories walked in name order, `-` as
/// standard input.
pub fn read_inputs(paths: &[PathBuf], limits: Limits) -> Records {
    read_inputs_with_stats(paths, limits).0
}

/// Like [`read_inputs`], and also returns counters that fill while the records are read:
/// input bytes (compressed, for MB/s), WARC records skipped by reason, WARC errors.
pub fn read_inputs_with_stats(paths: &[PathBuf], limits: Limits) -> (Records, Arc<IngestStats>) {
    let stats = Arc::new(IngestStats::default());
    let paths = paths.to_vec();
    let shared = Arc::clone(&stats);
    let records = Box::new(paths.into_iter().flat_map(move |p| -> Records {
        if p.as_os_str() == "-" {
            read_stdin_with(limits, Arc::clone(&shared))
        } else {
            read_path_with(&p, limits, Arc::clone(&shared))
        }
    }));
    (records, stats)
}

/// Reads one file or a directory tree.
pub fn read_path(path: &Path, limits: Limits) -> Records {
    read_path_with(path, limits, Arc::new(IngestStats::default()))
}

fn read_path_with(path: &Path, limits: Limits, stats: Arc<IngestStats>) -> Records {
    if path.is_dir() {
        let walk = walkdir::WalkDir::new(path).sort_by_file_name().follow_links(true);
        return Box::new(walk.into_iter().flat_map(move |entry| -> Records {
            match entry {
                Ok(e) if e.file_type().is_file() && is_known(e.path()) && !is_hidden(e.path()) => {
                    read_file(e.path(), limits, Arc::clone(&stats))
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
    read_file(path, limits, stats)
}

fn is_known(path: &Path) -> bool {
    is_warc(path) || extension(path).is_some_and(|e| KNOWN_EXTENSIONS.contains(&e.as_str()))
}

/// `.warc`, `.warc.gz` (also `.warc.gzip`).
fn is_warc(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_ascii_lowercase();
    name.ends_with(".warc") || name.ends_with(".warc.gz") || name.ends_with(".warc.gzip")
}

fn is_hidden(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'))
}

fn extension(path: &Path) -> Option<String> {
    path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase)
}

fn read_file(path: &Path, limits: Limits, stats: Arc<IngestStats>) -> Records {
    let name = path.display().to_string();
    let ext = extension(path);
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".arc") || lower.ends_with(".arc.gz") {
        let what = "ARC (the pre-WARC format) is not supported; convert with warcio or jwarc".to_string();
        return Box::new(std::iter::once(Err(IngestError::Unsupported { path: name, what })));
    }
    let file = match File::open(path) {
        Ok(f) => f,
        Err(source) => return Box::new(std::iter::once(Err(IngestError::Io { path: name, source }))),
    };
    if is_warc(path) {
        return Box::new(read_warc(name, file, limits, stats));
    }
    if ext.as_deref() == Some("gz") {
        let what = "gzip input other than .warc.gz is not supported".to_string();
        return Box::new(std::iter::once(Err(IngestError::Unsupported { path: name, what })));
    }
    if matches!(ext.as_deref(), Some("jsonl" | "ndjson")) {
        return Box::new(read_jsonl(name, BufReader::new(file), limits));
    }
    let html = matches!(ext.as_deref(), Some("html" | "htm" | "xhtml"));
    let (cap, setting) = if html {
        (limits.max_page_bytes, crate::error::MAX_PAGE_BYTES)
    } else {
        (limits.max_document_bytes, crate::error::MAX_BYTES)
    };
    let one = read_capped(file, &name, cap, setting).map(|bytes| {
        if html {
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
        fetch: None,
    }
}

/// Reads at most `limit` bytes (plus one, to tell that it was exceeded).
fn read_capped(reader: impl Read, name: &str, limit: usize, setting: &'static str) -> Result<Vec<u8>, IngestError> {
    let mut bytes = Vec::new();
    let cap = limit as u64 + 1;
    reader.take(cap).read_to_end(&mut bytes).map_err(|source| IngestError::Io { path: name.to_string(), source })?;
    if bytes.len() > limit {
        return Err(IngestError::TooLarge { setting, input: name.to_string(), size: bytes.len(), limit });
    }
    Ok(bytes)
}

/// Reads standard input: WARC (plain or gzip) when it starts like one, JSON Lines when the
/// first non-blank byte is `{`, else one text article.
pub fn read_stdin(limits: Limits) -> Records {
    read_stdin_with(limits, Arc::new(IngestStats::default()))
}

fn read_stdin_with(limits: Limits, stats: Arc<IngestStats>) -> Records {
    let mut reader = BufReader::new(std::io::stdin());
    let (looks_jsonl, looks_warc) = match reader.fill_buf() {
        Ok(buf) => (
            buf.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{'),
            buf.starts_with(b"WARC/") || buf.starts_with(&[0x1f, 0x8b]),
        ),
        Err(source) => return Box::new(std::iter::once(Err(IngestError::Io { path: "-".into(), source }))),
    };
    if looks_warc {
        return Box::new(read_warc("-".into(), reader, limits, stats));
    }
    if looks_jsonl {
        return Box::new(read_jsonl("-".into(), reader, limits));
    }
    Box::new(std::iter::once(
        read_capped(reader, "-", limits.max_document_bytes, crate::error::MAX_BYTES).map(|b| text_record("-", b)),
    ))
}
