//! The crawl header some text dumps put on their first line: ` date 2019-09-18 (@author)`.

use dateline_text::Header;

/// Parses a crawl header line. Returns the header and the byte length it covers: the whole line
/// with its line break, or, when the body follows the date on the same line, the header up to
/// the body's first character. `None` when the text does not start with one.
///
/// Accepted, after optional leading spaces, the word `date` and an ISO date:
///
/// * nothing more on the line (` date 2021-03-04`);
/// * an author in parentheses (` date 2019-09-18 (@author)`);
/// * one bare token naming the author or the site (` date 2021-07-02 Example.com`,
///   ` date 2021-07-02 @desk`);
/// * the body itself, when it opens with a capital, a digit or a quote mark (` date 2021-07-02
///   Officials on Friday said ...`): the header ends where the body starts.
///
/// Anything else means it is not a header, so prose (`date night plans ...`) is never eaten.
pub fn parse_crawl_header(text: &str) -> Option<(Header, usize)> {
    let line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    let line = &text[..line_end];
    let lead = line.len() - line.trim_start().len();
    let rest = line[lead..].strip_prefix("date")?;
    if !rest.starts_with([' ', '\t', ':']) {
        return None;
    }
    let after_word = rest.trim_start_matches([' ', '\t', ':']);
    let date = after_word.get(..10).filter(|d| is_iso_date(d))?;
    let after_date = &after_word[10..];
    let rest = after_date.trim();
    let header = |author: Option<String>| Header { date: Some(date.to_string()), author };
    if rest.is_empty() {
        return Some((header(None), line_end));
    }
    if !after_date.starts_with([' ', '\t']) {
        return None;
    }
    if let Some(inner) = rest.strip_prefix('(') {
        let inner = inner.strip_suffix(')')?.trim();
        if inner.is_empty() || inner.contains(['(', ')']) {
            return None;
        }
        return Some((header(Some(inner.to_string())), line_end));
    }
    if !rest.contains(char::is_whitespace) {
        // One token: a handle or a site name, when it is name-like.
        let ok = rest.len() <= 64
            && rest.starts_with(|c: char| c.is_alphanumeric() || c == '@')
            && rest.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '@' | '_' | '-'))
            && !rest.ends_with('.');
        return ok.then(|| (header(Some(rest.to_string())), line_end));
    }
    // The body on the same line.
    let body_start = line_end - after_date.len() + (after_date.len() - after_date.trim_start().len());
    let first = text[body_start..].chars().next()?;
    let opens = first.is_uppercase() || first.is_ascii_digit() || matches!(first, '"' | '\u{201C}' | '\'' | '\u{2018}');
    opens.then(|| (header(None), body_start))
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
    fn header_with_a_site_name() {
        let (h, len) = parse_crawl_header(" date 2022-11-05 Example.com\nSite\n").expect("header");
        assert_eq!(h.author.as_deref(), Some("Example.com"));
        assert_eq!(len, " date 2022-11-05 Example.com\n".len());
        let (h, _) = parse_crawl_header("date 2022-11-05 @wire_desk\n").expect("header");
        assert_eq!(h.author.as_deref(), Some("@wire_desk"));
    }

    #[test]
    fn header_followed_by_the_body_on_its_line() {
        let text = " date 2022-11-05 Officials in the port town said on Friday the ferry was late.\n";
        let (h, len) = parse_crawl_header(text).expect("header");
        assert_eq!(h.date.as_deref(), Some("2022-11-05"));
        assert_eq!(h.author, None);
        assert!(text[len..].starts_with("Officials in"));
    }

    #[test]
    fn prose_is_not_a_header() {
        assert!(parse_crawl_header("date night plans were cancelled on 2021-03-04.\n").is_none());
        assert!(parse_crawl_header("dates 2021-03-04\n").is_none());
        assert!(parse_crawl_header("date 2021-13-04\n").is_none());
        assert!(parse_crawl_header("date 2021-03-04 and more\n").is_none());
        assert!(parse_crawl_header("date 2021-03-04.\n").is_none());
        assert!(parse_crawl_header("date 2021-03-04 (a) (b)\n").is_none());
        assert!(parse_crawl_header("date 2021-03-0é\n").is_none());
        assert!(parse_crawl_header("").is_none());
    }
}
