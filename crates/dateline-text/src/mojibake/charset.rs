//! The single-byte charsets whose mix-ups with UTF-8 are repaired, as char → byte tables.

use std::sync::OnceLock;

/// Which single-byte charset a table is; a few rules depend on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    W1252,
    W1250,
    Iso2,
    W1251,
    Mac,
    Cp437,
    W1253,
    W1254,
    W1257,
}

/// A single-byte charset as a character → byte table for its upper half.
pub(super) struct Charset {
    pub(super) kind: Kind,
    /// Sorted by char, for binary search.
    pub(super) rev: Vec<(char, u8)>,
}

impl Charset {
    pub(super) fn byte(&self, c: char) -> Option<u8> {
        if c.is_ascii() {
            return u8::try_from(u32::from(c)).ok();
        }
        self.rev.binary_search_by_key(&c, |&(ch, _)| ch).ok().and_then(|i| self.rev.get(i)).map(|&(_, b)| b)
    }
}

/// Code page 437, bytes 0x80..=0xFF (the DOS charset; not in encoding_rs).
pub(super) const CP437_HIGH: &str = "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{a0}";

/// The charsets tried, most common mix-up first (ties go to the earlier one).
pub(super) fn charsets() -> &'static [Charset] {
    static TABLES: OnceLock<Vec<Charset>> = OnceLock::new();
    TABLES.get_or_init(|| {
        let whatwg = [
            (Kind::W1252, encoding_rs::WINDOWS_1252),
            (Kind::W1250, encoding_rs::WINDOWS_1250),
            (Kind::Iso2, encoding_rs::ISO_8859_2),
            (Kind::W1251, encoding_rs::WINDOWS_1251),
            (Kind::Mac, encoding_rs::MACINTOSH),
            (Kind::W1253, encoding_rs::WINDOWS_1253),
            (Kind::W1254, encoding_rs::WINDOWS_1254),
            (Kind::W1257, encoding_rs::WINDOWS_1257),
        ];
        let mut out = Vec::new();
        for (kind, enc) in whatwg {
            let mut high = Vec::with_capacity(128);
            for b in 0x80u8..=0xFF {
                let c = enc.decode_without_bom_handling_and_without_replacement(&[b]).and_then(|s| s.chars().next());
                if let Some(c) = c {
                    high.push((c, b));
                }
            }
            out.push(build(kind, high));
        }
        let cp437 = CP437_HIGH.chars().zip(0x80u8..=0xFF).collect();
        out.insert(5, build(Kind::Cp437, cp437));
        out
    })
}

/// Builds the reverse table; C1 controls map to their own byte where the charset has no other
/// use for it ("sloppy" decoding: Latin-1 mojibake mixed with Windows-1252 mojibake).
pub(super) fn build(kind: Kind, mut rev: Vec<(char, u8)>) -> Charset {
    for b in 0x80u8..=0x9F {
        let c = char::from(b);
        if !rev.iter().any(|&(ch, _)| ch == c) && !rev.iter().any(|&(_, by)| by == b) {
            rev.push((c, b));
        }
    }
    if kind == Kind::W1252 {
        // Latin-1 reading of the bytes Windows-1252 gives printable characters to.
        for b in 0x80u8..=0x9F {
            let c = char::from(b);
            if !rev.iter().any(|&(ch, _)| ch == c) {
                rev.push((c, b));
            }
        }
    }
    rev.sort_unstable();
    rev.dedup_by_key(|p| p.0);
    Charset { kind, rev }
}

// ---------------------------------------------------------------------------------------------
// Units
