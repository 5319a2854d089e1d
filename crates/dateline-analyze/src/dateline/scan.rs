//! The lexical pass: finds the dateline's parts and its extent, without the gazetteer.

use super::sources::{is_agency, parse_credit, Credit};
use crate::dates::{parse_date_phrase, parse_date_phrase_lenient, DatePhrase};

/// The most words a place or qualifier may have (`SALT LAKE CITY`, `RIO DE JANEIRO`).
const MAX_PLACE_WORDS: usize = 5;
/// The most comma-separated parts between the place and the credit (`TORRANCE, Calif., March 4`).
const MAX_PARTS: usize = 3;
/// The longest parenthesised credit, in bytes.
const MAX_CREDIT: usize = 120;

/// How the place is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Case {
    /// `WASHINGTON`, `ST. LOUIS`, `McALLEN`.
    Caps,
    /// `Moscow`, `Rio de Janeiro`.
    Title,
    /// Any other case: some feeds lowercase a whole dateline (`omaha, april 7 -`, `New york,
    /// March 2 -`).
    Other,
}

/// What the lexical pass found.
#[derive(Debug, Default)]
pub(super) struct Raw<'a> {
    /// The place as written.
    pub place: &'a str,
    /// How it is written (`None` only in the `Default` value).
    pub case: Option<Case>,
    /// Words after commas that are not dates: regions and countries (`Ill.`, `Afghanistan`).
    pub qualifiers: Vec<&'a str>,
    /// Date phrases, in order of appearance.
    pub dates: Vec<DatePhrase>,
    /// Credited agencies, in order.
    pub sources: Vec<&'a str>,
    /// Whether a parenthesised credit was found.
    pub credit: bool,
    /// Whether the place is followed directly by a dash with a space before it (`Paris - `).
    pub spaced_dash: bool,
    /// Whether a closing dash or colon ends the dateline.
    pub closed: bool,
    /// Byte offset just past the dateline.
    pub end: usize,
}

impl Raw<'_> {
    /// Whether anything beyond the place itself was found (date, qualifier or credit).
    pub fn has_structure(&self) -> bool {
        self.credit || !self.dates.is_empty() || !self.qualifiers.is_empty()
    }
}

/// Scans `s`, which starts at the first non-space character of the text.
pub(super) fn scan<'a>(s: &'a str, lx: &crate::Lexicon) -> Option<Raw<'a>> {
    let place_end = words(s, MAX_PLACE_WORDS)?;
    let place = &s[..place_end];
    let case = case_of(place)?;
    let mut raw = Raw { place, case: Some(case), ..Raw::default() };
    let mut pos = place_end;
    let mut parts = 0;
    loop {
        pos += spaces(&s[pos..]);
        let rest = &s[pos..];
        if let Some(after_comma) = rest.strip_prefix(',') {
            parts += 1;
            if parts > MAX_PARTS {
                return None;
            }
            pos += 1 + spaces(after_comma);
            let rest = &s[pos..];
            // A stray comma before the dash (`CHICAGO, March 4, -`).
            let closing = closing_len(rest);
            if closing > 0 && !raw.dates.is_empty() {
                pos += closing;
                raw.closed = true;
                break;
            }
            // A comma before the credit (`SAN FRANCISCO, January 01, (THEWILL) –`).
            if rest.starts_with('(') {
                continue;
            }
            if let Some((date, len)) = parse_date_phrase_lenient(rest) {
                raw.dates.push(date);
                pos += len;
            } else {
                let len = words(rest, MAX_PLACE_WORDS)?;
                let q = &rest[..len];
                if !q.starts_with(|c: char| c.is_uppercase()) {
                    return None;
                }
                pos += len;
                // After the date comes the agency, not a region (`YEREVAN, AUGUST 12, AGENCY:`,
                // `Tehran, Oct 14, AGENCY --`).
                if !raw.dates.is_empty() && is_agency(q, lx) {
                    raw.sources.push(q);
                    raw.credit = true;
                    continue;
                }
                raw.qualifiers.push(q);
                // A date after the region without a comma (`ANGLETON, Tex. March 3 -`).
                let gap = spaces(&s[pos..]);
                if gap > 0 {
                    let after = &s[pos + gap..];
                    if let Some((date @ DatePhrase::Date(_), len)) = parse_date_phrase(after) {
                        raw.dates.push(date);
                        pos += gap + len;
                    }
                }
            }
        } else if let Some(inner) = rest.strip_prefix('(') {
            let (close, c) = inner
                .char_indices()
                .take_while(|&(i, _)| i < MAX_CREDIT)
                .find(|&(_, c)| matches!(c, ')' | '(' | '\n'))?;
            if c != ')' {
                return None;
            }
            let Credit { sources, dates } = parse_credit(&inner[..close], lx)?;
            raw.sources = sources;
            raw.dates.extend(dates);
            raw.credit = true;
            pos += 1 + close + 1;
            // A closing dash or colon may follow the credit (`(Reuters) -`, `) :`).
            let gap = spaces(&s[pos..]);
            let closing = closing_len(&s[pos + gap..]);
            if closing > 0 {
                raw.closed = true;
                pos += gap + closing;
            }
            break;
        } else if let Some((name, len)) = slashed_credit(rest, lx).filter(|_| !raw.dates.is_empty()) {
            // `YEREVAN, June 21. /AGENCY/.`
            raw.sources.push(name);
            raw.credit = true;
            pos += len;
            let gap = spaces(&s[pos..]);
            let closing = closing_len(&s[pos + gap..]);
            if closing > 0 {
                raw.closed = true;
                pos += gap + closing;
            }
            break;
        } else {
            let closing = closing_len(rest);
            if closing == 0 {
                return None;
            }
            raw.spaced_dash = pos == place_end + 1
                && s[place_end..].starts_with(' ')
                && rest.starts_with(is_dash)
                && s[pos + closing..].starts_with(' ')
                // The story opens after it (`Moscow - the capital - was quiet` is one sentence).
                && s[pos + closing..].trim_start().starts_with(|c: char| c.is_uppercase() || matches!(c, '"' | '\u{201C}'));
            pos += closing;
            raw.closed = true;
            break;
        }
    }
    raw.end = pos;
    Some(raw)
}

/// A credit between slashes after the date: `. /AGENCY/.` → (`AGENCY`, length with the dots).
fn slashed_credit<'a>(s: &'a str, lx: &crate::Lexicon) -> Option<(&'a str, usize)> {
    let mut pos = 0;
    if s.starts_with('.') {
        pos += 1;
    }
    pos += spaces(&s[pos..]);
    let inner = s[pos..].strip_prefix('/')?;
    let close = inner.find(['/', '\n'])?;
    let name = inner[..close].trim();
    if !inner[close..].starts_with('/') || name.is_empty() || close > 40 || !is_agency(name, lx) {
        return None;
    }
    pos += 1 + close + 1;
    if s[pos..].starts_with('.') {
        pos += 1;
    }
    Some((name, pos))
}

/// Length of the spaces and tabs at the start of `s` (a dateline does not span lines).
pub(super) fn spaces(s: &str) -> usize {
    s.bytes().take_while(|&b| b == b' ' || b == b'\t').count()
}

/// Length of a closing dash (`-`, `--`, `—`, `–`, `―`, `−`) or colon at the start of `s`. A lone
/// U+FFFD followed by a space counts too: it is what a dash becomes when a page's charset is
/// misread (`BEIRUT, Lebanon \u{FFFD} Lebanon's ...`), and the text repair report proposes the dash.
pub(super) fn closing_len(s: &str) -> usize {
    if s.starts_with(':') {
        return 1;
    }
    if let Some(rest) = s.strip_prefix('\u{FFFD}') {
        return if rest.starts_with([' ', '\t']) { '\u{FFFD}'.len_utf8() } else { 0 };
    }
    s.chars().take_while(|&c| is_dash(c)).map(char::len_utf8).sum()
}

/// Dash characters wire copy uses around datelines.
pub(super) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// Length of a run of up to `max` name words separated by single spaces at the start of `s`:
/// `NEW YORK`, `ST. LOUIS`, `PORT-AU-PRINCE`, `D.C.`. `None` when `s` does not start with one.
pub(super) fn words(s: &str, max: usize) -> Option<usize> {
    let mut end = word(s)?;
    let mut n = 1;
    while n < max {
        let rest = &s[end..];
        let Some(next) = rest.strip_prefix(' ') else {
            break;
        };
        // `Tex. March 3`: a date ends the name.
        if matches!(parse_date_phrase(next), Some((DatePhrase::Date(_), _))) {
            break;
        }
        match word(next) {
            Some(len) => {
                end += 1 + len;
                n += 1;
            }
            None => break,
        }
    }
    Some(end)
}

/// Length of one name word: a letter, then letters, `.`, apostrophes, and hyphens or slashes
/// between letters (`DALLAS/FORT WORTH`).
fn word(s: &str) -> Option<usize> {
    let mut chars = s.char_indices().peekable();
    match chars.next() {
        Some((_, c)) if c.is_alphabetic() => {}
        _ => return None,
    }
    let mut end = s.len();
    while let Some((i, c)) = chars.next() {
        let ok = c.is_alphabetic()
            || matches!(c, '.' | '\'' | '\u{2019}')
            || (matches!(c, '-' | '/') && chars.peek().is_some_and(|&(_, n)| n.is_alphabetic()));
        if !ok {
            end = i;
            break;
        }
    }
    Some(end)
}

/// Lowercase words that may sit inside a title-case place name (`Rio de Janeiro`).
pub(super) fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "del"
            | "della"
            | "di"
            | "da"
            | "do"
            | "dos"
            | "das"
            | "du"
            | "des"
            | "la"
            | "le"
            | "les"
            | "el"
            | "al"
            | "au"
            | "aux"
            | "of"
            | "the"
            | "on"
            | "upon"
            | "sur"
            | "am"
            | "an"
            | "en"
            | "im"
            | "y"
    )
}

/// Whether the place is written in capitals or in title case; `None` for anything else
/// (`The presence`, `officials`).
fn case_of(place: &str) -> Option<Case> {
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 {
        return None;
    }
    let caps = place.split(' ').all(|w| {
        let upper = w.chars().filter(|c| c.is_uppercase()).count();
        let lower = w.chars().filter(|c| c.is_lowercase()).count();
        // `McALLEN`, `DeKALB`: AP keeps these in capitals except the small letter.
        upper > 0 && (lower == 0 || (upper >= 3 && lower <= 1))
    });
    if caps {
        return Some(Case::Caps);
    }
    let mut first = true;
    let title = place.split(' ').all(|w| {
        let ok = w.starts_with(|c: char| c.is_uppercase()) || (!first && is_particle(w));
        first = false;
        ok
    });
    if title {
        return Some(Case::Title);
    }
    (!place.contains('.')).then_some(Case::Other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_words() {
        assert_eq!(words("NEW YORK, Feb 26", 5), Some(8));
        assert_eq!(words("ST. LOUIS (Reuters)", 5), Some(9));
        assert_eq!(words("PORT-AU-PRINCE, Haiti", 5), Some(14));
        assert_eq!(words("LONDON- The", 5), Some(6));
        assert_eq!(words("(AP)", 5), None);
        assert_eq!(words("Tex. March 3 -", 5), Some(4));
    }

    #[test]
    fn cases() {
        assert_eq!(case_of("WASHINGTON"), Some(Case::Caps));
        assert_eq!(case_of("McALLEN"), Some(Case::Caps));
        assert_eq!(case_of("Rio de Janeiro"), Some(Case::Title));
        assert_eq!(case_of("The presence of"), Some(Case::Other));
        assert_eq!(case_of("omaha"), Some(Case::Other));
        assert_eq!(case_of("de Gaulle"), Some(Case::Other));
        assert_eq!(case_of("A"), None);
    }

    #[test]
    fn closings() {
        assert_eq!(closing_len("-- text"), 2);
        assert_eq!(closing_len("\u{2014} text"), 3);
        assert_eq!(closing_len("\u{FFFD} text"), 3);
        assert_eq!(closing_len("\u{FFFD}text"), 0);
        assert_eq!(closing_len(": text"), 1);
        assert_eq!(closing_len("text"), 0);
    }
}
