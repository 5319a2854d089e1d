//! The parenthesised credit of a dateline: agencies and outlets, sometimes with a date
//! (`(Riverside Wire / Tass - 18th September, 2019)`, `(Reuters)`, `(AP)`).

use super::scan::is_dash;
use crate::dates::{parse_date_phrase, DatePhrase};

/// The most words an agency name may have.
const MAX_AGENCY_WORDS: usize = 6;

/// What a credit holds.
#[derive(Debug, Default)]
pub(super) struct Credit<'a> {
    /// Agency and outlet names, in order.
    pub sources: Vec<&'a str>,
    /// Dates.
    pub dates: Vec<DatePhrase>,
}

/// Reads a credit's inside. Parts are separated by `/`, `;`, or a dash with a space beside it
/// (`Tass - 18th`, not `France-Presse`); a part that is not a date as a whole is split on
/// commas (`Reuters, AP`). `None` unless every part is an agency-like name or a date, so a
/// parenthetical remark (`(the country)`) is not a credit.
pub(super) fn parse_credit<'a>(inner: &'a str, lx: &crate::Lexicon) -> Option<Credit<'a>> {
    let mut credit = Credit::default();
    let mut any = false;
    for part in split_parts(inner) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        any = true;
        if let Some(d) = whole_date(part) {
            credit.dates.push(d);
            continue;
        }
        for piece in part.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            if let Some(d) = whole_date(piece) {
                credit.dates.push(d);
            } else if is_clock_time(piece) {
                // `(10:00 A.M.)`: a filing time, neither agency nor date.
            } else if is_agency(piece, lx) {
                credit.sources.push(piece);
            } else {
                return None;
            }
        }
    }
    any.then_some(credit)
}

/// The date when `s` is a date phrase and nothing else.
fn whole_date(s: &str) -> Option<DatePhrase> {
    let (d, len) = parse_date_phrase(s)?;
    s[len..].trim_matches(|c: char| c.is_whitespace() || c == '.').is_empty().then_some(d)
}

/// A clock time such as `10:00`, `10:00 A.M.`, `14:30 GMT`.
fn is_clock_time(s: &str) -> bool {
    let mut parts = s.splitn(2, ' ');
    let clock = parts.next().unwrap_or_default();
    let Some((h, m)) = clock.split_once(':') else {
        return false;
    };
    let digits = |x: &str| (1..=2).contains(&x.len()) && x.bytes().all(|b| b.is_ascii_digit());
    digits(h)
        && digits(m)
        && parts.next().is_none_or(|zone| zone.len() <= 6 && zone.chars().all(|c| c.is_ascii_alphabetic() || c == '.'))
}

/// Splits on `/`, `;` and spaced dashes.
fn split_parts(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        let sep = match c {
            '/' | ';' => true,
            c if is_dash(c) => prev.is_none_or(char::is_whitespace) || next.is_none_or(char::is_whitespace),
            _ => false,
        };
        if sep {
            parts.push(&s[start..i]);
            start = i + c.len_utf8();
        }
        prev = Some(c);
    }
    parts.push(&s[start..]);
    parts
}

/// Whether `s` looks like the name of an agency or outlet: a few capitalised words (`Riverside
/// Wire`, `Agence France-Presse`, `AP`), connectors allowed inside (`Voice of America`).
pub(super) fn is_agency(s: &str, lx: &crate::Lexicon) -> bool {
    if s.len() > 60 || lx.dateline.lowercase_agencies.contains(&s) {
        return s.len() <= 60;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > MAX_AGENCY_WORDS {
        return false;
    }
    // A short lowercase acronym before capitalised words (`dts Nachrichtenagentur`).
    if words.len() >= 2
        && words.len() <= 3
        && (2..=4).contains(&words[0].len())
        && words[0].bytes().all(|b| b.is_ascii_lowercase())
        && words[1..].iter().all(|w| w.starts_with(|c: char| c.is_uppercase()) && w.chars().all(char::is_alphabetic))
    {
        return true;
    }
    if !s.chars().any(char::is_alphabetic)
        || !s.chars().all(|c| c.is_alphanumeric() || c.is_whitespace() || matches!(c, '.' | '&' | '\'' | '-' | '!'))
    {
        return false;
    }
    words.iter().enumerate().all(|(i, w)| {
        w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || *w == "&"
            || (i > 0 && matches!(*w, "of" | "the" | "and" | "for" | "de" | "du" | "la" | "news"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits() {
        let lx = crate::Lexicon::embedded();
        let c = parse_credit("Riverside Wire / Tass - 18th September, 2019", &lx).expect("credit");
        assert_eq!(c.sources, ["Riverside Wire", "Tass"]);
        assert_eq!(c.dates.len(), 1);
        let c = parse_credit("Indus Desk / Capital Point News - 2nd Jul, 2021 ", &lx).expect("credit");
        assert_eq!(c.sources, ["Indus Desk", "Capital Point News"]);
        let c = parse_credit("Agence France-Presse", &lx).expect("credit");
        assert_eq!(c.sources, ["Agence France-Presse"]);
        let c = parse_credit("Reuters, AP", &lx).expect("credit");
        assert_eq!(c.sources, ["Reuters", "AP"]);
        assert_eq!(parse_credit("dpa", &lx).map(|c| c.sources), Some(vec!["dpa"]));
        assert_eq!(
            parse_credit("dts Nachrichtenagentur", &lx).map(|c| c.sources),
            Some(vec!["dts Nachrichtenagentur"])
        );
        let c = parse_credit("10:00 A.M.", &lx).expect("filing time");
        assert!(c.sources.is_empty() && c.dates.is_empty());
    }

    #[test]
    fn remarks_are_not_credits() {
        let lx = crate::Lexicon::embedded();
        assert!(parse_credit("the country", &lx).is_none());
        assert!(parse_credit("pictured above", &lx).is_none());
        assert!(parse_credit("", &lx).is_none());
        assert!(parse_credit(" / ", &lx).is_none());
        assert!(parse_credit("see page 3", &lx).is_none());
        assert!(parse_credit("see Page 3", &lx).is_none());
    }
}
