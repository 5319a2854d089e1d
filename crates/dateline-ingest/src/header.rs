//! The crawl header some text dumps put on their first line: ` date 2019-09-18 (@author)`.

use dateline_text::Header;

/// Parses a crawl header line. Returns the header and the byte length of the line including its
/// line break, or `None` when the text does not start with one.
///
/// Accepted: optional leading spaces, the word `date`, an ISO date, and optionally an author in
/// parentheses. Anything else on the line means it is not a header, so prose is never eaten.
pub fn parse_crawl_header(text: &str) -> Option<(Header, usize)> {
    let line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    let line = text[..line_end].trim();
    let rest = line.strip_prefix("date")?;
    if !rest.starts_with([' ', '\t', ':']) {
        return None;
    }
    let rest = rest.trim_start_matches([' ', '\t', ':']);
    let date = rest.get(..10).filter(|d| is_iso_date(d))?;
    let rest = rest[10..].trim();
    let author = if rest.is_empty() {
        None
    } else {
        let inner = rest.strip_prefix('(')?.strip_suffix(')')?.trim();
        if inner.is_empty() || inner.contains(['(', ')']) {
            return None;
        }
        Some(inner.to_string())
    };
    Some((Header { date: Some(date.to_string()), author }, line_end))
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() })
        && (1..=12).contains(&(u32::from(b[5] - b'0') * 10 + u32::from(b[6] - b'0')))
        && (1..=31).contains(&(u32::from(b[8] - b'0') * 10 + u32::from(b[9] - b'0')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_with_author() {
        let (h, len) = parse_crawl_header(" date 2021-03-04 (@desk_editor)\n\nBODY").expect("header");
        assert_eq!(h.date.as_deref(), Some("2021-03-04"));
        assert_eq!(h.author.as_deref(), Some("@desk_editor"));
        assert_eq!(len, " date 2021-03-04 (@desk_editor)\n".len());
    }

    #[test]
    fn header_without_author() {
        let (h, _) = parse_crawl_header("date 2021-03-04\nBody").expect("header");
        assert_eq!(h.author, None);
    }

    #[test]
    fn prose_is_not_a_header() {
        assert!(parse_crawl_header("date night plans were cancelled on 2021-03-04.\n").is_none());
        assert!(parse_crawl_header("dates 2021-03-04\n").is_none());
        assert!(parse_crawl_header("date 2021-13-04\n").is_none());
        assert!(parse_crawl_header("date 2021-03-04 and more\n").is_none());
        assert!(parse_crawl_header("date 2021-03-0é\n").is_none());
        assert!(parse_crawl_header("").is_none());
    }
}
