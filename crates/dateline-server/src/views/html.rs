//! Small HTML and URL helpers shared by the views.

use std::fmt::Write;

/// Escapes text for HTML element content and quoted attribute values: `& < > " '`.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    escape_into(&mut out, s);
    out
}

/// Appends `s` escaped to `out`.
pub fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Percent-encodes a string as one URL path segment (or query value): everything but the
/// unreserved characters of RFC 3986, so `/`, `?`, `#` and spaces in a name cannot escape it.
pub fn segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// A search snippet as HTML: escaped, with the store's `[`…`]` match markers as `<mark>`.
///
/// The markers are ASCII brackets, which article text may also contain; only a `[` that has a
/// matching `]` later becomes a mark, so a stray bracket shows as itself.
pub fn snippet_html(snippet: &str) -> String {
    let mut out = String::with_capacity(snippet.len() + 32);
    let mut rest = snippet;
    while let Some(open) = rest.find('[') {
        match rest[open + 1..].find(']') {
            Some(close) => {
                escape_into(&mut out, &rest[..open]);
                out.push_str("<mark>");
                escape_into(&mut out, &rest[open + 1..open + 1 + close]);
                out.push_str("</mark>");
                rest = &rest[open + 2 + close..];
            }
            None => break,
        }
    }
    escape_into(&mut out, rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything_that_matters() {
        assert_eq!(
            escape(r#"<script>alert("x")</script>&'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;"
        );
    }

    #[test]
    fn segments_cannot_break_out() {
        assert_eq!(segment("Al Jazeera/AP?x#y"), "Al%20Jazeera%2FAP%3Fx%23y");
        assert_eq!(segment("Zürich"), "Z%C3%BCrich");
    }

    #[test]
    fn snippets_mark_matches_and_escape_the_rest() {
        assert_eq!(snippet_html("a [grain] <b> [x"), "a <mark>grain</mark> &lt;b&gt; [x");
        assert_eq!(snippet_html("[<script>]"), "<mark>&lt;script&gt;</mark>");
    }
}
