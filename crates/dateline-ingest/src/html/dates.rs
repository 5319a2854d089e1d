//! Dates as pages write them, turned into ISO `YYYY-MM-DD`.
//!
//! Structured sources (JSON-LD, meta tags, `<time datetime>`) are nearly always ISO 8601; bylines
//! and URLs are not. We accept the forms news and blog pages use in the languages the evaluation
//! set holds (English, German, French, Spanish, Italian, Dutch) and reject anything that is not
//! a real calendar day in a plausible range, so a product number never becomes a date.

/// Years accepted as publication years.
const YEARS: std::ops::RangeInclusive<i32> = 1990..=2035;

/// Month names and abbreviations (lowercase, without the trailing dot), month number.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("januar", 1),
    ("jänner", 1),
    ("janvier", 1),
    ("enero", 1),
    ("gennaio", 1),
    ("januari", 1),
    ("february", 2),
    ("feb", 2),
    ("februar", 2),
    ("février", 2),
    ("fevrier", 2),
    ("febrero", 2),
    ("febbraio", 2),
    ("februari", 2),
    ("march", 3),
    ("mar", 3),
    ("märz", 3),
    ("maerz", 3),
    ("mrz", 3),
    ("mars", 3),
    ("marzo", 3),
    ("maart", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("abril", 4),
    ("aprile", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("maggio", 5),
    ("mei", 5),
    ("june", 6),
    ("jun", 6),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("giugno", 6),
    ("july", 7),
    ("jul", 7),
    ("juli", 7),
    ("juillet", 7),
    ("julio", 7),
    ("luglio", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("augustus", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("settembre", 9),
    ("october", 10),
    ("oct", 10),
    ("oktober", 10),
    ("okt", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("ottobre", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("december", 12),
    ("dec", 12),
    ("dezember", 12),
    ("dez", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("diciembre", 12),
    ("dicembre", 12),
];

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ymd(pub i32, pub u32, pub u32);

impl Ymd {
    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.0, self.1, self.2)
    }

    fn checked(y: i32, m: u32, d: u32) -> Option<Ymd> {
        let dim = match m {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
            2 => 28,
            _ => return None,
        };
        (YEARS.contains(&y) && (1..=dim).contains(&d)).then_some(Ymd(y, m, d))
    }
}

/// A date at the start of a structured value: `2019-09-18`, `2019-09-18T10:00:00Z`,
/// `20190918`, `2019/09/18`; else the first date found anywhere in it ([`find_date`]).
pub fn parse_date(s: &str) -> Option<Ymd> {
    let t = s.trim();
    let b = t.as_bytes();
    if b.len() >= 10 && b[..4].iter().all(u8::is_ascii_digit) && matches!(b[4], b'-' | b'/' | b'.') && b[7] == b[4] {
        let y = num(&t[..4])?;
        if let (Some(m), Some(d)) = (num(t.get(5..7)?), num(t.get(8..10)?)) {
            return Ymd::checked(y, m as u32, d as u32);
        }
    }
    if b.len() >= 8 && b[..8].iter().all(u8::is_ascii_digit) && b.get(8).is_none_or(|c| !c.is_ascii_digit()) {
        return Ymd::checked(num(&t[..4])?, num(&t[4..6])? as u32, num(&t[6..8])? as u32);
    }
    find_date(t)
}

/// The first date written in running text: `18.09.2019`, `18. September 2019`,
/// `September 18, 2019`, `18 Sep 2019`, `2019-09-18`, `18/09/2019` (day first, as in Europe).
pub fn find_date(text: &str) -> Option<Ymd> {
    let words = tokens(text);
    for i in 0..words.len() {
        if let Some(d) = date_at(&words, i) {
            return Some(d);
        }
    }
    None
}

/// Splits into number and word tokens, keeping the separator that followed each.
fn tokens(text: &str) -> Vec<(String, char)> {
    let mut out: Vec<(String, char)> = Vec::new();
    let mut cur = String::new();
    for c in text.chars().take(2000) {
        if c.is_alphanumeric() {
            if !cur.is_empty() && cur.chars().all(|x| x.is_ascii_digit()) != c.is_ascii_digit() {
                out.push((std::mem::take(&mut cur), ' '));
            }
            cur.push(c);
        } else {
            if !cur.is_empty() {
                out.push((std::mem::take(&mut cur), c));
            } else if let Some(last) = out.last_mut() {
                if last.1 == ' ' {
                    last.1 = c;
                }
            }
            if out.len() > 400 {
                break;
            }
        }
    }
    if !cur.is_empty() {
        out.push((cur, ' '));
    }
    out
}

fn date_at(w: &[(String, char)], i: usize) -> Option<Ymd> {
    let get = |k: usize| w.get(i + k).map(|(s, c)| (s.as_str(), *c));
    let (a, sa) = get(0)?;
    let (b, sb) = get(1)?;
    let (c, _) = get(2)?;
    let year = |s: &str| if s.len() == 4 { num(s) } else { None };
    // 2019-09-18 or 2019/09/18
    if let (Some(y), true) = (year(a), matches!(sa, '-' | '/' | '.') && sb == sa) {
        return Ymd::checked(y, num(b)? as u32, num(c)? as u32);
    }
    // 18.09.2019, 18/09/2019, 18-09-2019
    if a.len() <= 2 && b.len() <= 2 && matches!(sa, '.' | '/' | '-') && sb == sa {
        if let (Some(d), Some(m), Some(y)) = (num(a), num(b), year(c)) {
            return Ymd::checked(y, m as u32, d as u32);
        }
    }
    // 18. September 2019, 18 Sep 2019, 1er mars 2019
    if a.len() <= 2 && num(a).is_some() {
        let (mw, yw) =
            if matches!(b, "er" | "th" | "st" | "nd" | "rd" | "de") { (c, get(3).map(|t| t.0)) } else { (b, Some(c)) };
        let (mw, yw) = if mw == "de" { (yw.unwrap_or(""), get(4).map(|t| t.0)) } else { (mw, yw) };
        if let (Some(m), Some(y)) = (month(mw), yw.and_then(year)) {
            return Ymd::checked(y, m, num(a)? as u32);
        }
        // "18 de septiembre de 2019"
        if let (Some(m), Some(y)) = (month(mw), get(4).and_then(|t| year(t.0))) {
            if yw == Some("de") {
                return Ymd::checked(y, m, num(a)? as u32);
            }
        }
    }
    // September 18, 2019 / Sep 18th 2019
    if let Some(m) = month(a) {
        if b.len() <= 2 {
            let yw = if matches!(c, "th" | "st" | "nd" | "rd") { get(3).map(|t| t.0) } else { Some(c) };
            if let (Some(d), Some(y)) = (num(b), yw.and_then(year)) {
                return Ymd::checked(y, m, d as u32);
            }
        }
    }
    None
}

fn month(word: &str) -> Option<u32> {
    if word.len() < 3 {
        return None;
    }
    let lower = word.to_lowercase();
    MONTHS.iter().find(|(name, _)| *name == lower).map(|&(_, m)| m)
}

fn num(s: &str) -> Option<i32> {
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// A date in a URL path: `/2019/09/18/`, `/2019-09-18-`, `/20190918/`.
pub fn url_date(url: &str) -> Option<Ymd> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let parts: Vec<&str> = path.split('/').collect();
    for i in 0..parts.len() {
        let p = parts[i];
        if p.len() == 4 && num(p).is_some() {
            if let (Some(m), Some(d)) = (parts.get(i + 1), parts.get(i + 2)) {
                let d: String = d.chars().take_while(char::is_ascii_digit).collect();
                if m.len() <= 2 && !d.is_empty() && d.len() <= 2 {
                    if let (Some(y), Some(m), Some(d)) = (num(p), num(m), num(&d)) {
                        if let Some(x) = Ymd::checked(y, m as u32, d as u32) {
                            return Some(x);
                        }
                    }
                }
            }
        }
        let b = p.as_bytes();
        if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' {
            if let (Some(y), Some(m), Some(d)) = (num(&p[..4]), num(&p[5..7]), num(&p[8..10])) {
                if let Some(x) = Ymd::checked(y, m as u32, d as u32) {
                    return Some(x);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Option<String> {
        parse_date(s).map(Ymd::iso)
    }

    #[test]
    fn structured_and_written_forms() {
        assert_eq!(iso("2019-09-18T10:20:00+02:00").as_deref(), Some("2019-09-18"));
        assert_eq!(iso("20190918").as_deref(), Some("2019-09-18"));
        assert_eq!(iso("Veröffentlicht am 18.09.2019 um 10:00").as_deref(), Some("2019-09-18"));
        assert_eq!(iso("18. September 2019").as_deref(), Some("2019-09-18"));
        assert_eq!(iso("Posted on September 18, 2019 by admin").as_deref(), Some("2019-09-18"));
        assert_eq!(iso("Sep 18th, 2019").as_deref(), Some("2019-09-18"));
        assert_eq!(iso("1er mars 2019").as_deref(), Some("2019-03-01"));
        assert_eq!(iso("18 de septiembre de 2019").as_deref(), Some("2019-09-18"));
        assert_eq!(iso("31.02.2019"), None);
        assert_eq!(iso("Item 12.34.5678"), None);
        assert_eq!(iso(""), None);
    }

    #[test]
    fn urls() {
        assert_eq!(url_date("https://x.org/2019/09/18/story").map(Ymd::iso).as_deref(), Some("2019-09-18"));
        assert_eq!(url_date("https://x.org/news/2019-09-18-story").map(Ymd::iso).as_deref(), Some("2019-09-18"));
        assert_eq!(url_date("https://x.org/2019/09/story"), None);
        assert_eq!(url_date("https://x.org/9999/99/99/"), None);
    }
}
