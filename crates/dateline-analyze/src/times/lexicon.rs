//! Calendar and number words for the times and amounts scanners.
//!
//! Month and weekday names come from the dateline parser's `dates` module (one table for the
//! crate); this module adds what the scanners need on top: whether a name was abbreviated (an
//! abbreviation needs more evidence) and the number, ordinal and scale words `dates` has no use for.

use crate::dates::{month_from_name, weekday_from_name};

/// Lengths of the full month names, January first: a shorter match in `dates` is an abbreviation.
const MONTH_NAME_LEN: [usize; 12] = [7, 8, 5, 5, 3, 4, 4, 6, 9, 7, 8, 8];

/// Lengths of the full weekday names, Monday first.
const WEEKDAY_NAME_LEN: [usize; 7] = [6, 7, 9, 8, 6, 8, 6];

/// A month name or abbreviation (without its period): (month 1–12, is an abbreviation).
///
/// Ambiguous names ("May", "March") are returned like any other; callers decide from the
/// context whether there is evidence of a date.
pub(crate) fn month(word: &str) -> Option<(u32, bool)> {
    // Names and abbreviations have three to nine letters (the length test first: the scanners
    // ask this of every capitalised word).
    if word.ends_with('.') || !(3..=9).contains(&word.len()) {
        return None;
    }
    let m = month_from_name(word)?;
    let full = MONTH_NAME_LEN.get(m as usize - 1).copied().unwrap_or(0);
    Some((m, word.len() < full))
}

/// A full weekday name: 0 = Monday … 6 = Sunday. Abbreviations ("Wed", "Sat", "Sun") are not
/// accepted: alone they are far more often other words.
pub(crate) fn weekday(word: &str) -> Option<u32> {
    // Full names have six to nine letters (the length test first, as for `month`).
    if !(6..=9).contains(&word.len()) {
        return None;
    }
    let d = weekday_from_name(word)?.num_days_from_monday();
    (WEEKDAY_NAME_LEN.get(d as usize).copied() == Some(word.len())).then_some(d)
}

/// Cardinal number words up to ninety ("three" → 3, "twenty" → 20), in any case.
pub(crate) fn small_number(word: &str) -> Option<u32> {
    // Every name has three to nine letters: many words are ruled out by their length alone.
    const LONGEST: usize = 9;
    if !(3..=LONGEST).contains(&word.len()) {
        return None;
    }
    // They start with one of these letters (`| 0x20` lower-cases an ASCII letter).
    if !matches!(word.as_bytes()[0] | 0x20, b'e' | b'f' | b'n' | b'o' | b's' | b't' | b'z') {
        return None;
    }
    let mut buf = [0u8; LONGEST];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    Some(match &*lower {
        b"zero" => 0,
        b"one" => 1,
        b"two" => 2,
        b"three" => 3,
        b"four" => 4,
        b"five" => 5,
        b"six" => 6,
        b"seven" => 7,
        b"eight" => 8,
        b"nine" => 9,
        b"ten" => 10,
        b"eleven" => 11,
        b"twelve" => 12,
        b"thirteen" => 13,
        b"fourteen" => 14,
        b"fifteen" => 15,
        b"sixteen" => 16,
        b"seventeen" => 17,
        b"eighteen" => 18,
        b"nineteen" => 19,
        b"twenty" => 20,
        b"thirty" => 30,
        b"forty" => 40,
        b"fifty" => 50,
        b"sixty" => 60,
        b"seventy" => 70,
        b"eighty" => 80,
        b"ninety" => 90,
        _ => return None,
    })
}

/// Ordinal words ("first" → 1 … "fourth" → 4), enough for quarters and halves.
pub(crate) fn ordinal_word(word: &str) -> Option<u32> {
    const ORD: [&str; 4] = ["first", "second", "third", "fourth"];
    ORD.iter().position(|o| o.eq_ignore_ascii_case(word)).map(|i| i as u32 + 1)
}

/// Scale words and their factors ("million" → 1e6, "bn" → 1e9).
pub(crate) fn scale(word: &str) -> Option<f64> {
    const SCALES: [(&str, f64); 17] = [
        ("hundred", 1e2),
        ("thousand", 1e3),
        ("million", 1e6),
        ("mln", 1e6),
        ("mn", 1e6),
        ("millions", 1e6),
        ("billion", 1e9),
        ("bln", 1e9),
        ("bn", 1e9),
        ("billions", 1e9),
        ("trillion", 1e12),
        ("trn", 1e12),
        ("tn", 1e12),
        ("lakh", 1e5),
        ("lakhs", 1e5),
        ("crore", 1e7),
        ("crores", 1e7),
    ];
    if word.len() < 2 || word.len() > 8 {
        return None;
    }
    SCALES.iter().find(|(w, _)| w.eq_ignore_ascii_case(word)).map(|&(_, f)| f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_bounds_hold_every_name() {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September"];
        let more = ["October", "November", "December"];
        for (m, name) in months.iter().chain(more.iter()).enumerate() {
            assert_eq!(month(name), Some((m as u32 + 1, false)), "{name}");
        }
        let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
        for (d, name) in days.iter().enumerate() {
            assert_eq!(weekday(name), Some(d as u32), "{name}");
        }
        for abbr in ["Jan", "Sept", "Sep", "Dec"] {
            assert!(month(abbr).is_some_and(|(_, a)| a), "{abbr}");
        }
    }

    #[test]
    fn tables() {
        assert_eq!(month("Sept"), Some((9, true)));
        assert_eq!(month("DECEMBER"), Some((12, false)));
        assert_eq!(month("Ma"), None);
        assert_eq!(weekday("Wednesday"), Some(2));
        assert_eq!(weekday("Wed"), None);
        assert_eq!(small_number("seventy"), Some(70));
        assert_eq!(small_number("Twelve"), Some(12));
        assert_eq!(scale("bn"), Some(1e9));
    }
}
