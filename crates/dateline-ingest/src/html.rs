//! A minimal, linear-time HTML-to-text pass for article bodies given as HTML (JSONL `html`,
//! `.html` files).
//!
//! This is deliberately simple: it drops markup, skips non-content elements (scripts, styles,
//! navigation, headers, footers, asides, forms) and turns block elements into paragraph breaks.
//! It does not score boilerplate; real page extraction (a DOM, boilerplate removal, metadata)
//! is the job of the web-ingestion work. It never recurses, so no input can blow the stack.

/// Elements whose content is never article text.
const SKIPPED: &[&str] =
    &["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template", "svg", "head"];

/// Elements that start a new paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "section",
    "article",
    "tr",
    "pre",
    "hr",
    "ul",
    "ol",
    "table",
    "figure",
    "figcaption",
    "main",
];

/// Extracts readable text from HTML bytes (decoded as UTF-8, lossily).
pub fn html_to_text(html: &[u8]) -> String {
    let html = String::from_utf8_lossy(html);
    let mut out = String::with_capacity(html.len() / 2);
    let mut skip: Option<String> = None;
    let mut rest: &str = &html;
    while let Some(lt) = rest.find('<') {
        if skip.is_none() {
            push_text(&mut out, &rest[..lt]);
        }
        let tag_area = &rest[lt..];
        if let Some(after) = tag_area.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |i| &after[i + 3..]);
            continue;
        }
        let Some(gt) = tag_area.find('>') else {
            rest = "";
            break;
        };
        let tag = &tag_area[1..gt];
        rest = &tag_area[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        match &skip {
            Some(open) if closing && *open == name => skip = None,
            Some(_) => {}
            None if !closing && SKIPPED.contains(&name.as_str()) && !tag.ends_with('/') => skip = Some(name),
            None if BLOCKS.contains(&name.as_str()) => out.push_str("\n\n"),
            None => {}
        }
    }
    if skip.is_none() {
        push_text(&mut out, rest);
    }
    out
}

/// Appends text with entities decoded and whitespace runs collapsed (HTML's own rule).
fn push_text(out: &mut String, raw: &str) {
    let decoded = decode_entities(raw);
    let mut last_space = out.ends_with([' ', '\n']) || out.is_empty();
    for c in decoded.chars() {
        if c.is_whitespace() && c != '\u{A0}' {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
        } else {
            out.push(c);
            last_space = false;
        }
    }
}

/// Decodes the common named entities and all numeric ones; unknown entities stay as written.
fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let semi = tail.find(';').filter(|&i| i <= 10);
        let decoded = semi.and_then(|i| entity(&tail[1..i]));
        match (semi, decoded) {
            (Some(i), Some(c)) => {
                out.push(c);
                rest = &tail[i + 1..];
            }
            _ => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out.into()
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "mdash" => '\u{2014}',
        "ndash" => '\u{2013}',
        "lsquo" => '\u{2018}',
        "rsquo" => '\u{2019}',
        "ldquo" => '\u{201C}',
        "rdquo" => '\u{201D}',
        "hellip" => '\u{2026}',
        "laquo" => '\u{AB}',
        "raquo" => '\u{BB}',
        "eacute" => 'é',
        "copy" => '©',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_entities() {
        let t = html_to_text(b"<html><head><title>T</title></head><body><nav>Home</nav><p>First &amp; foremost.</p><p>He said &#8220;no&#8221;.</p><script>x()</script><footer>(c)</footer></body></html>");
        let paras: Vec<&str> = t.split("\n\n").map(str::trim).filter(|s| !s.is_empty()).collect();
        assert_eq!(paras, ["First & foremost.", "He said \u{201C}no\u{201D}."]);
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for s in ["<", "<p", "&#xFFFFFFFF;", "&#0;", "<!-- x", "<script>", "a & b", "&;"] {
            let _ = html_to_text(s.as_bytes());
        }
        assert_eq!(html_to_text(b"a & b").trim(), "a & b");
    }
}
