//! Cheap linear passes over the raw bytes before parsing: the declared charset and a nesting
//! estimate.
//!
//! The charset must be known before the page can be decoded, and html5ever does no sniffing of
//! its own. The depth estimate exists because html5ever has no nesting cap and some tree-builder
//! steps scan the stack of open elements: a page of 100 000 unclosed `<div>`s is cheap to read
//! but slow to parse. Refusing it up front keeps parse time linear in practice.

/// Void elements and elements whose end tag is implied; they never deepen the estimate.
const NO_DEPTH: &[&[u8]] = &[
    b"area",
    b"base",
    b"br",
    b"col",
    b"embed",
    b"hr",
    b"img",
    b"input",
    b"link",
    b"meta",
    b"param",
    b"source",
    b"track",
    b"wbr",
    b"p",
    b"li",
    b"dt",
    b"dd",
    b"option",
    b"tr",
    b"td",
    b"th",
    b"!doctype",
];

/// Elements whose content is raw text: tags inside them are not tags.
const RAW: &[&[u8]] = &[b"script", b"style", b"textarea", b"title", b"xmp"];

/// The charset declared in the first 4 KiB (`<meta charset>` or `http-equiv` content type).
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = lower[start..].iter().position(|&b| b == b'>').map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + 7..];
            let rest = rest.strip_prefix(b" ").unwrap_or(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let label: String = rest
                    .iter()
                    .skip_while(|b| matches!(b, b' ' | b'"' | b'\''))
                    .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
                    .map(|&b| b as char)
                    .collect();
                if !label.is_empty() {
                    return Some(label);
                }
            }
        }
        from = end;
    }
    None
}

/// The charset parameter of a `Content-Type` value (`text/html; charset=ISO-8859-1`).
pub fn content_type_charset(value: &str) -> Option<String> {
    let lower = value.to_ascii_lowercase();
    let at = lower.find("charset=")?;
    let label: String = lower[at + 8..]
        .trim_start_matches(['"', '\'', ' '])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!label.is_empty()).then_some(label)
}

/// An estimate of the deepest element nesting, in one pass. It errs high (unclosed formatting
/// elements count), which is the safe side for a limit.
pub fn max_depth_estimate(bytes: &[u8]) -> usize {
    let mut depth = 0usize;
    let mut max = 0usize;
    let mut i = 0usize;
    let n = bytes.len();
    while i < n {
        let Some(lt) = bytes[i..].iter().position(|&b| b == b'<') else { break };
        i += lt + 1;
        if bytes[i..].starts_with(b"!--") {
            i = find(&bytes[i..], b"-->").map_or(n, |e| i + e + 3);
            continue;
        }
        let closing = bytes.get(i) == Some(&b'/');
        let name_start = if closing { i + 1 } else { i };
        let name_len =
            bytes[name_start..].iter().take(16).take_while(|b| b.is_ascii_alphanumeric() || **b == b'!').count();
        if name_len == 0 {
            continue;
        }
        let mut buf = [0u8; 16];
        for (d, s) in buf.iter_mut().zip(&bytes[name_start..name_start + name_len]) {
            *d = s.to_ascii_lowercase();
        }
        let name = &buf[..name_len];
        let gt = bytes[name_start..].iter().position(|&b| b == b'>').map_or(n, |e| name_start + e);
        let self_closing = gt > 0 && bytes.get(gt - 1) == Some(&b'/');
        i = gt;
        if closing {
            if !NO_DEPTH.contains(&name) {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        if RAW.contains(&name) {
            // Skip to the matching end tag: script content may hold `<div>` strings.
            let mut end_tag = b"</".to_vec();
            end_tag.extend_from_slice(name);
            i = find_ci(&bytes[i..], &end_tag).map_or(n, |e| i + e);
            continue;
        }
        if !self_closing && !NO_DEPTH.contains(&name) {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

/// First position of `needle` in `hay`: jumps between occurrences of its first byte, which
/// is much faster than comparing every window on long script and comment bodies.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    find_by(hay, needle, false)
}

/// [`find`], ASCII case folded.
fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    find_by(hay, needle, true)
}

fn find_by(hay: &[u8], needle: &[u8], fold: bool) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let last_start = hay.len().checked_sub(needle.len())?;
    let (lower, upper) = if fold { (first.to_ascii_lowercase(), first.to_ascii_uppercase()) } else { (first, first) };
    let mut i = 0;
    while i <= last_start {
        let at = i + hay[i..=last_start].iter().position(|&b| b == lower || b == upper)?;
        let candidate = &hay[at + 1..at + needle.len()];
        if if fold { candidate.eq_ignore_ascii_case(rest) } else { candidate == rest } {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charsets() {
        assert_eq!(declared_charset(b"<html><meta charset=\"ISO-8859-1\">").as_deref(), Some("iso-8859-1"));
        assert_eq!(
            declared_charset(b"<meta http-equiv=Content-Type content='text/html; charset=windows-1252'>").as_deref(),
            Some("windows-1252")
        );
        assert_eq!(declared_charset(b"<p>no meta</p>"), None);
        assert_eq!(content_type_charset("text/html; charset=\"UTF-8\"").as_deref(), Some("utf-8"));
        assert_eq!(content_type_charset("text/html"), None);
    }

    #[test]
    fn depth() {
        assert_eq!(max_depth_estimate(b"<div><div><p>x<p>y</div></div>"), 2);
        assert_eq!(max_depth_estimate(b"<script>if(a<b){'<div><div>'}</script><div></div>"), 1);
        assert_eq!(max_depth_estimate(&b"<div>".repeat(1000)), 1000);
        assert_eq!(max_depth_estimate(b"<"), 0);
        assert_eq!(max_depth_estimate(b"<br/><img src=x/>"), 0);
        assert_eq!(max_depth_estimate(b"<SCRIPT>x='<div>'</Script><div><!-- <div> --></div>"), 1);
        assert_eq!(find(b"a-->b", b"-->"), Some(1));
        assert_eq!(find(b"--", b"-->"), None);
        assert_eq!(find_ci(b"x</SCRIPT>", b"</script"), Some(1));
    }
}
