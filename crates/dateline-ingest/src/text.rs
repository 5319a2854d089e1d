//! Plain text files: one article per file, with an optional crawl header line.

use dateline_text::{Format, Metadata, SourceRef};

use crate::header::parse_crawl_header;
use crate::{Body, Record};

/// Builds the record of a plain text article from its bytes. A leading crawl header line
/// (` date 2019-09-18 (@author)`) is moved into the metadata, and the body starts after it.
pub fn text_record(path: &str, bytes: Vec<u8>) -> Record {
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
    let header = header_prefix(&bytes[bom..]).and_then(parse_crawl_header).map(|(h, len)| (h, len + bom));
    let (meta, base_offset, body) = match header {
        Some((header, len)) => {
            let body = bytes.get(len..).map(<[u8]>::to_vec).unwrap_or_default();
            (Metadata { header: Some(header), ..Metadata::default() }, len, body)
        }
        None => (Metadata::default(), 0, bytes),
    };
    Record {
        source: SourceRef { path: Some(path.to_string()), url: None, format: Format::Text, record: None },
        body: Body::Bytes { bytes: body, base_offset, charset: None },
        meta,
        fetch: None,
    }
}

/// The start of the first line of `bytes` as text (at most 200 bytes, cut back to valid UTF-8):
/// enough for a header, and for the first words of a body that follows it on the same line.
fn header_prefix(bytes: &[u8]) -> Option<&str> {
    let end = bytes.iter().take(200).position(|&b| b == b'\n').map_or(bytes.len().min(200), |i| i + 1);
    match std::str::from_utf8(&bytes[..end]) {
        Ok(s) => Some(s),
        Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).ok(),
    }
}
