//! Text that is still markup after parsing: character references escaped twice, and tags
//! escaped into text.
//!
//! The parser decodes each reference once, which is right for the page but not for what
//! publishers escape twice: a CMS writes `&amp;#8217;` into `og:title`, or JSON-LD (which is
//! not HTML, so nothing decodes it) carries `&#8211;`, and the headline shows `&#8217;` instead
//! of ’. Lazy-loading plugins and teaser widgets escape `<img …>` or `<p>` into text (the
//! same thing inside `<noscript>` is never read: its raw text is skipped with the element).
//! Both are undone here, conservatively: only references ending in `;`, and only tags whose
//! name is an HTML element's and whose inside looks like attributes.

use std::borrow::Cow;

/// How many references one value may hold before the rest are left as they are (a bound on
/// the work for a hostile value; real titles hold a handful).
const MAX_REFERENCES: usize = 64;

/// Decodes the character references (`&#8217;`, `&#x2019;`, `&rsquo;`, `&amp;`) left in a
/// metadata value, repeating once for a value escaped twice (`&amp;#8217;`). Only references
/// closed by `;` are read, so "AT&T" or "Q&A" stay as they are.
pub(crate) fn decode_references(value: &str) -> Cow<'_, str> {
    if !has_reference(value) {
        return Cow::Borrowed(value);
    }
    let once = decode_once(value);
    let twice = if has_reference(&once) { decode_once(&once) } else { once };
    Cow::Owned(twice)
}

/// True when `s` holds `&` followed by a name or number and `;`.
fn has_reference(s: &str) -> bool {
    s.match_indices('&').any(|(i, _)| reference_len(&s[i..]).is_some())
}

/// The length of the reference at the start of `s` (`&` to `;` included), if one is there.
fn reference_len(s: &str) -> Option<usize> {
    let body = s.strip_prefix('&')?.as_bytes();
    let (start, digit): (usize, fn(&u8) -> bool) = match body {
        [b'#', b'x' | b'X', ..] => (2, u8::is_ascii_hexdigit),
        [b'#', ..] => (1, u8::is_ascii_digit),
        _ => (0, u8::is_ascii_alphanumeric),
    };
    let n = body.iter().skip(start).take(33).take_while(|b| digit(b)).count();
    (n > 0 && body.get(start + n) == Some(&b';')).then_some(1 + start + n + 1)
}

/// One pass: each reference decoded by the HTML parser itself (its tables know every named
/// reference and map `&#150;` the way browsers do), the rest of the text copied.
fn decode_once(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    let mut done = 0;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        match reference_len(rest).filter(|_| done < MAX_REFERENCES) {
            Some(n) => {
                out.push_str(&parse_reference(&rest[..n]));
                rest = &rest[n..];
                done += 1;
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text one reference stands for, as the parser reads it in a paragraph.
fn parse_reference(reference: &str) -> String {
    let frag = scraper::Html::parse_fragment(reference);
    let text: String = frag.root_element().text().collect();
    if text.is_empty() {
        reference.to_string()
    } else {
        text
    }
}

/// HTML elements whose tags, escaped into text, are removed from it. Words of prose that could
/// follow `<` ("a <b" in a formula) are kept out by [`looks_like_attributes`].
const TAG_NAMES: &[&str] = &[
    "a",
    "abbr",
    "article",
    "audio",
    "b",
    "blockquote",
    "br",
    "div",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "iframe",
    "img",
    "input",
    "li",
    "link",
    "meta",
    "noscript",
    "ol",
    "p",
    "picture",
    "script",
    "section",
    "source",
    "span",
    "strong",
    "style",
    "table",
    "td",
    "tr",
    "u",
    "ul",
    "video",
];

/// Removes tags escaped into a text node (`<img src="…">`, `</p>`), keeping the text between
/// them. Text with no `<` is returned as it is.
pub(crate) fn strip_escaped_tags(text: &str) -> Cow<'_, str> {
    if !text.contains('<') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut changed = false;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        match escaped_tag_len(rest) {
            Some(n) => {
                rest = &rest[n..];
                changed = true;
            }
            None => {
                out.push('<');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

/// The length of the escaped tag at the start of `s` (from `<` to `>`), if it is one: a known
/// element name, then nothing, `/`, or attributes, closed within 1,000 bytes with no `<` inside.
fn escaped_tag_len(s: &str) -> Option<usize> {
    let body = s.strip_prefix('<')?;
    let (closing, body) = match body.strip_prefix('/') {
        Some(b) => (true, b),
        None => (false, body),
    };
    let name_len = body.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let name = body.get(..name_len)?.to_ascii_lowercase();
    if !TAG_NAMES.contains(&name.as_str()) {
        return None;
    }
    let after = &body[name_len..];
    let end = after.bytes().take(1000).position(|b| b == b'>' || b == b'<')?;
    if after.as_bytes()[end] != b'>' {
        return None;
    }
    let inside = &after[..end];
    if !inside.is_empty() && !inside.starts_with([' ', '\t', '\n', '\r', '/']) {
        return None;
    }
    if closing && !inside.trim().is_empty() || !closing && !looks_like_attributes(inside) {
        return None;
    }
    Some(1 + usize::from(closing) + name_len + end + 1)
}

/// True for what may stand between a tag's name and `>`: nothing, a `/`, or attributes (at
/// least one `=`), not words of a sentence.
fn looks_like_attributes(inside: &str) -> bool {
    let t = inside.trim().trim_end_matches('/').trim();
    t.is_empty() || t.contains('=')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_escaped_once_or_twice_are_decoded() {
        assert_eq!(decode_references("Don&#8217;t wait &#8211; act"), "Don\u{2019}t wait \u{2013} act");
        assert_eq!(decode_references("Olive &#038; Herb"), "Olive & Herb");
        assert_eq!(decode_references("Q&amp;amp;A &amp;#x2019;"), "Q&A \u{2019}");
        assert_eq!(decode_references("&rsquo;Quoted&lsquo;"), "\u{2019}Quoted\u{2018}");
        // No reference, or no `;`: left alone.
        assert_eq!(decode_references("AT&T and Q&A"), "AT&T and Q&A");
        assert_eq!(decode_references("Tom &amp Jerry &;"), "Tom &amp Jerry &;");
        assert_eq!(decode_references("&unknownname;"), "&unknownname;");
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_only_removes(s in "([a-z<>/=&#;\"' ]|\\PC){0,200}") {
            let stripped = strip_escaped_tags(&s);
            proptest::prop_assert!(stripped.len() <= s.len());
            if !s.contains('<') {
                proptest::prop_assert_eq!(stripped.as_ref(), s.as_str());
            }
            let decoded = decode_references(&s);
            if !s.contains('&') {
                proptest::prop_assert_eq!(decoded.as_ref(), s.as_str());
            }
        }
    }

    #[test]
    fn escaped_tags_go_and_prose_stays() {
        assert_eq!(strip_escaped_tags("<p>Budget talks resume.</p>"), "Budget talks resume.");
        assert_eq!(strip_escaped_tags("A <img src=\"a.jpg\" alt=\"x\"/>photo"), "A photo");
        assert_eq!(strip_escaped_tags("<a class=\"more\" href=\"/x\">More</a>"), "More");
        assert_eq!(strip_escaped_tags("if x <b and c> d then"), "if x <b and c> d then");
        assert_eq!(strip_escaped_tags("a < b > c, <3 and <br>"), "a < b > c, <3 and ");
        assert_eq!(strip_escaped_tags("<unknown tag=1>"), "<unknown tag=1>");
        assert!(matches!(strip_escaped_tags("no markup"), Cow::Borrowed(_)));
    }
}
