//! The HTTP response inside a WARC response record: status, headers, body (de-chunked and
//! decompressed).

use super::gzip::inflate;

/// A parsed HTTP response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// Status code (200...).
    pub status: u16,
    /// `Content-Type`, lowercase.
    pub content_type: String,
    /// The entity body, de-chunked and decompressed.
    pub body: Vec<u8>,
}

/// Parses `raw` (status line, headers, body). Errors are messages for the record's error.
pub fn parse_response(raw: &[u8], max_body: usize, max_ratio: u64) -> Result<Response, String> {
    let (head_end, body_start) = match find(raw, b"\r\n\r\n") {
        Some(i) => (i, i + 4),
        None => match find(raw, b"\n\n") {
            Some(i) => (i, i + 2),
            None => return Err("HTTP headers do not end".into()),
        },
    };
    let head = String::from_utf8_lossy(&raw[..head_end]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or("");
    if !status_line.starts_with("HTTP/") {
        return Err(format!("not an HTTP response: {:?}", status_line.chars().take(40).collect::<String>()));
    }
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or_else(|| format!("bad HTTP status line {:?}", status_line.chars().take(40).collect::<String>()))?;
    let mut content_type = String::new();
    let mut chunked = false;
    let mut encoding = String::new();
    for line in lines {
        let Some((k, v)) = line.split_once(':') else { continue };
        let v = v.trim().to_ascii_lowercase();
        match k.trim().to_ascii_lowercase().as_str() {
            "content-type" => content_type = v,
            "transfer-encoding" => chunked = v.contains("chunked"),
            "content-encoding" => encoding = v,
            _ => {}
        }
    }
    let mut body = raw[body_start..].to_vec();
    if chunked {
        // Some crawlers store the body de-chunked but keep the header: use it as it is then.
        if let Some(dechunked) = dechunk(&body) {
            body = dechunked;
        }
    }
    // Some crawlers (ClueWeb) store the decoded body but keep `Content-Encoding: gzip`:
    // only inflate what starts like gzip.
    let stored_decoded = encoding.contains("gzip") && !body.starts_with(&[0x1f, 0x8b]);
    if !encoding.is_empty() && encoding != "identity" && !body.is_empty() && !stored_decoded {
        body =
            inflate(&body, &encoding, max_body, max_ratio).map_err(|e| format!("Content-Encoding {encoding}: {e}"))?;
    }
    Ok(Response { status, content_type, body })
}

/// Decodes HTTP chunked transfer-encoding; `None` when the body is not validly chunked.
fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    loop {
        let eol = find(rest, b"\n")?;
        let size_line = std::str::from_utf8(&rest[..eol]).ok()?.trim();
        let size_hex = size_line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        rest = &rest[eol + 1..];
        if size == 0 {
            return Some(out);
        }
        if size > rest.len() {
            // A truncated last chunk: keep what is there.
            out.extend_from_slice(rest);
            return Some(out);
        }
        out.extend_from_slice(&rest[..size]);
        rest = &rest[size..];
        rest = rest.strip_prefix(b"\r\n").or_else(|| rest.strip_prefix(b"\n")).unwrap_or(rest);
        if rest.is_empty() {
            return Some(out);
        }
    }
}

/// Position of `needle` in `hay` (`memchr::memmem`: linear time whatever the bytes).
pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    memchr::memmem::find(hay, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_and_status() {
        let raw = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nHello\r\n6\r\n world\r\n0\r\n\r\n";
        let r = parse_response(raw, 1000, 100).expect("response");
        assert_eq!(r.status, 200);
        assert_eq!(r.body, b"Hello world");
        let not_chunked = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n<html>x</html>";
        assert_eq!(parse_response(not_chunked, 1000, 100).expect("response").body, b"<html>x</html>");
        assert!(parse_response(b"garbage", 10, 100).is_err());
    }
}
