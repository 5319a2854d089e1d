//! Pass 5, rendering: the chosen blocks' text block by block, paragraphs separated by blank
//! lines, leaving out link lists, "Read also" boxes and labels (by their opening words), date
//! stamps, and headings left heading nothing.

use super::tables::{BOILER_LABELS, BOILER_OPENINGS, DATE_WORDS, SHORT_BOILER_OPENINGS};
use crate::html::dom::{Dom, ElemId, Tok};
use crate::html::{furniture, HtmlError, Work};

/// Writes the container's text: blocks separated by blank lines, `<br>` as a line break,
/// furniture and link-list blocks left out.
pub(super) fn render(
    dom: &Dom,
    parts: &[ElemId],
    is_block: &[bool],
    dropped: &[bool],
    keep_own: &[bool],
    work: &mut Work,
) -> Result<String, HtmlError> {
    let whole = [(0, dom.tokens.len().saturating_sub(1))];
    let ranges: Vec<(usize, usize)> =
        parts.iter().filter_map(|&c| dom.elems.get(c as usize)).map(|e| (e.open as usize, e.close as usize)).collect();
    let ranges = if ranges.is_empty() { &whole[..] } else { &ranges[..] };
    let mut out = String::new();
    for &(start, end) in ranges {
        let mut blocks: Vec<ElemId> = Vec::new();
        paragraph_break(&mut out);
        let mut i = start;
        while i <= end && i < dom.tokens.len() {
            work.step()?;
            match dom.tokens[i] {
                Tok::Open(id) => {
                    let e = &dom.elems[id as usize];
                    if dropped[id as usize] && i != start {
                        i = e.close as usize + 1;
                        continue;
                    }
                    if is_block[id as usize] {
                        blocks.push(id);
                        paragraph_break(&mut out);
                        if matches!(&*e.tag, "h2" | "h3" | "h4" | "h5" | "h6") {
                            out.push(HEADING_MARK);
                        }
                    } else if e.tag.as_ref() == "br" {
                        trim_end_spaces(&mut out);
                        out.push('\n');
                    }
                }
                Tok::Close(id) => {
                    if is_block[id as usize] {
                        if blocks.last() == Some(&id) {
                            blocks.pop();
                        }
                        paragraph_break(&mut out);
                    }
                }
                Tok::Text(s, e) => {
                    let keep = blocks.last().is_none_or(|&b| keep_own[b as usize]);
                    if keep {
                        push_collapsed(&mut out, dom.tok_text(s, e));
                    }
                }
            }
            i += 1;
        }
    }
    Ok(tidy(&out))
}

fn paragraph_break(out: &mut String) {
    trim_end_spaces(out);
    if !out.is_empty() && !out.ends_with("\n\n") {
        if out.ends_with('\n') {
            out.push('\n');
        } else {
            out.push_str("\n\n");
        }
    }
}

fn trim_end_spaces(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
}

/// Appends text with whitespace runs collapsed to one space (HTML's rule), soft hyphens
/// (invisible unless a line breaks there) left out.
fn push_collapsed(out: &mut String, raw: &str) {
    let mut last_space = out.is_empty() || out.ends_with([' ', '\n']);
    for c in raw.chars() {
        if c == '\u{AD}' {
            continue;
        }
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

/// Marks the start of a heading in the rendered text, for [`tidy`]; never in the output.
const HEADING_MARK: char = '\u{1}';

/// Trims each paragraph and drops empty ones and "Read also" style lines, then drops headings
/// that head nothing: a short one followed by another heading or ending the text is the title
/// of a box whose content was removed (related links, newsletter, tags).
fn tidy(text: &str) -> String {
    let mut paras: Vec<(bool, String)> = Vec::new();
    for para in text.split("\n\n") {
        let heading = para.starts_with(HEADING_MARK);
        let para = para.replace(HEADING_MARK, "");
        let lines: Vec<&str> = para.lines().map(str::trim).filter(|l| !l.is_empty() && !is_boiler_line(l)).collect();
        if !lines.is_empty() {
            paras.push((heading, lines.join("\n")));
        }
    }
    let mut keep = vec![true; paras.len()];
    let mut next_is_text = false;
    for (i, (heading, text)) in paras.iter().enumerate().rev() {
        // A long "heading" is a lead or a paragraph styled as one.
        let heading = *heading && text.chars().count() <= 100;
        if heading {
            keep[i] = next_is_text;
        }
        next_is_text = !heading;
    }
    let kept: Vec<String> = paras.into_iter().zip(keep).filter(|(_, k)| *k).map(|((_, p), _)| p).collect();
    kept.join("\n\n")
}

pub(super) fn is_boiler_line(line: &str) -> bool {
    let chars = line.chars().count();
    if chars > 250 {
        return false;
    }
    let lower = line.to_lowercase();
    if furniture::is_furniture_line(line, &lower) {
        return true;
    }
    if chars > 200 {
        return false;
    }
    BOILER_OPENINGS.has_prefix_of(&lower)
        || (chars <= 60 && SHORT_BOILER_OPENINGS.has_prefix_of(&lower))
        || (chars <= 40 && is_date_line(&lower))
        || BOILER_LABELS.contains(&lower.trim_end_matches([':', ' ']))
}

fn is_date_line(lower: &str) -> bool {
    // Only letters, digits, spaces and date punctuation: "286,35 €" or "+49 30 1234" are not stamps.
    if !lower.chars().all(|c| c.is_alphanumeric() || c.is_whitespace() || ".,:/-".contains(c)) {
        return false;
    }
    let (mut digits, mut marker) = (false, false);
    let all_date = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).all(|w| {
        if w.chars().all(|c| c.is_ascii_digit()) {
            digits = true;
            true
        } else {
            marker |= !matches!(w, "de" | "h" | "am" | "um" | "at" | "vor" | "mo" | "di" | "do" | "so");
            DATE_WORDS.contains(&w)
        }
    });
    // A number alone ("2020", "12") needs a month, weekday or unit, or date punctuation.
    let stamp = lower
        .as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && matches!(w[1], b'.' | b':' | b'/') && w[2].is_ascii_digit());
    all_date && digits && (marker || stamp)
}
