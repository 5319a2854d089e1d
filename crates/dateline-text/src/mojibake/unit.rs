//! Units: runs of characters that encode back to exactly one UTF-8 sequence.

use super::charset::{Charset, Kind};

/// A candidate unit: chars `[first, last]` (indices into the char list) encode to one UTF-8
/// sequence that decodes to `out`.
#[derive(Debug, Clone)]
pub(super) struct Unit {
    pub(super) first: usize,
    /// Index one past the last char of the unit.
    pub(super) end: usize,
    pub(super) out: String,
    /// Bytes in the UTF-8 sequence.
    pub(super) len: usize,
    /// The sequence had lost bytes (shown as U+FFFD or "?"); the result is U+FFFD.
    pub(super) lossy: bool,
    /// "Ã" followed by a space that stood for its lost 0xA0 byte.
    pub(super) space_a0: bool,
    /// A continuation byte 0xA0 (no-break space) appears as a plain space: only believed
    /// inside a row of other units ("Ð ÑƒÑ" for "Ру").
    pub(super) spaced: bool,
}

pub(super) fn utf8_len(lead: u8) -> usize {
    match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => 0,
    }
}

/// Tries to read one unit starting at char `i`.
pub(super) fn read_unit(cs: &Charset, chars: &[(usize, char)], i: usize) -> Option<Unit> {
    let &(_, c0) = chars.get(i)?;
    let lead = cs.byte(c0)?;
    let len = utf8_len(lead);
    if len == 0 {
        return None;
    }
    // "Ã" + space: the 0xA0 of "à" was turned into a space somewhere along the way.
    let a_grave_lead = match cs.kind {
        Kind::W1252 => c0 == 'Ã',
        Kind::W1251 => c0 == 'Г',
        _ => false,
    };
    if a_grave_lead && chars.get(i + 1).map(|p| p.1) == Some(' ') {
        let doubled = chars.get(i + 2).map(|p| p.1) == Some(' ')
            || (i > 0 && chars.get(i - 1).map(|p| p.1) == Some(' ') && contraction_follows(chars, i + 2));
        return Some(Unit {
            first: i,
            end: if doubled { i + 2 } else { i + 1 },
            out: "à".to_string(),
            len: 2,
            lossy: false,
            space_a0: true,
            spaced: false,
        });
    }
    let mut bytes = [lead, 0, 0, 0];
    let mut lossy = false;
    let mut spaced = false;
    for (k, slot) in bytes.iter_mut().enumerate().take(len).skip(1) {
        let &(_, c) = chars.get(i + k)?;
        if c == '\u{FFFD}' || (c == '?' && k >= 2 && len == 3) {
            lossy = true;
            continue;
        }
        let b = if c == ' ' && k + 1 == len && cs.byte('\u{a0}') == Some(0xA0) {
            spaced = true;
            0xA0
        } else {
            cs.byte(c)?
        };
        if !(0x80..=0xBF).contains(&b) {
            return None;
        }
        *slot = b;
    }
    if lossy {
        // Only a lead byte that starts a real sequence counts; a lone "Ã?" is too common.
        return Some(Unit {
            first: i,
            end: i + len,
            out: "\u{FFFD}".to_string(),
            len,
            lossy: true,
            space_a0: false,
            spaced,
        });
    }
    let seq = bytes.get(..len)?;
    if let Ok(s) = std::str::from_utf8(seq) {
        return Some(Unit { first: i, end: i + len, out: s.to_string(), len, lossy: false, space_a0: false, spaced });
    }
    if spaced {
        return None;
    }
    read_surrogate_pair(cs, chars, i, &bytes)
}

/// Portuguese writes "à" fused with what follows ("às", "àquele"); a mangled "Ã" before those
/// lost the space that separates it only by accident.
pub(super) fn contraction_follows(chars: &[(usize, char)], i: usize) -> bool {
    let rest = chars.get(i..).unwrap_or_default();
    let word: String = rest.iter().map(|p| p.1).take_while(|c| c.is_alphabetic()).collect();
    let after = rest.get(word.chars().count()).map(|p| p.1);
    if after.is_some_and(|c| c == '\'' || c == '\u{2019}') {
        return false; // French "à s'éloigner"
    }
    matches!(word.as_str(), "s" | "quele" | "quela" | "queles" | "quelas" | "quilo")
}

/// CESU-8 / Java "modified UTF-8": an astral character (emoji) written as two three-byte
/// surrogate sequences.
pub(super) fn read_surrogate_pair(cs: &Charset, chars: &[(usize, char)], i: usize, hi: &[u8; 4]) -> Option<Unit> {
    if hi[0] != 0xED || !(0xA0..=0xAF).contains(&hi[1]) {
        return None;
    }
    let mut lo = [0u8; 3];
    for (k, slot) in lo.iter_mut().enumerate() {
        *slot = cs.byte(chars.get(i + 3 + k)?.1)?;
    }
    if lo[0] != 0xED || !(0xB0..=0xBF).contains(&lo[1]) || !(0x80..=0xBF).contains(&lo[2]) {
        return None;
    }
    let high = 0xD000 | (u32::from(hi[1] & 0x3F) << 6) | u32::from(hi[2] & 0x3F);
    let low = 0xD000 | (u32::from(lo[1] & 0x3F) << 6) | u32::from(lo[2] & 0x3F);
    let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
    let c = char::from_u32(code)?;
    Some(Unit { first: i, end: i + 6, out: c.to_string(), len: 4, lossy: false, space_a0: false, spaced: false })
}
