//! Readers: turn files, directories and standard input into [`Record`]s, then [`Document`]s.
//!
//! Each reader is an iterator of `Result<Record, IngestError>`: one bad record (invalid JSON, a
//! missing `text`, an unreadable file) is an error for that record, naming the file and line, and
//! the stream goes on. Readers never analyse; they only say what the bytes are and where they
//! came from.

mod error;
mod header;
mod html;
mod inputs;
mod jsonl;
mod record;
mod text;
mod warc;

pub use error::IngestError;
pub use header::parse_crawl_header;
pub use html::{extract_html, html_to_text, HtmlError, HtmlPage, PageMeta};
pub use inputs::{read_inputs, read_inputs_with_stats, read_path, read_stdin, Records};
pub use jsonl::{read_jsonl, read_jsonl_line};
pub use record::{Body, Fetch, Limits, Record};
pub use text::text_record;
pub use warc::{read_warc, IngestStats, StatsSnapshot};

pub use dateline_text::Document;
