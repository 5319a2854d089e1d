//! Mojibake repair: UTF-8 text that was once decoded as a single-byte charset (Windows-1252,
//! Latin-1, Windows-1250/1251/1253/1254/1257, MacRoman, code page 437), possibly more than once.
//!
//! The repair works on *units*: a run of characters that, encoded back to bytes in the suspect
//! charset, forms exactly one well-formed UTF-8 sequence ("Ã©" → C3 A9 → "é"). Only units are
//! rewritten, never the text around them, so the offset map stays exact and each repaired run
//! is reported on its own.
//!
//! Most such units are also ordinary text in some language ("Å™" could be Swedish plus a trade
//! mark), so a unit is only rewritten with evidence: the decoded character must be one that
//! real text uses (no IPA letters, Armenian or archaic Cyrillic out of two Latin characters), and
//! the mangled form must look like mojibake: a continuation character that no word contains
//! ("©" after "Ã"), a C1 control, several units in a row, or a three-byte sequence. Weak
//! evidence needs company: one lone, weak unit is left alone. The thresholds were set against
//! ftfy's test cases with its negative cases (real text that looks suspicious) as the hard
//! constraint; see `docs/accuracy-mojibake.md`.

use std::sync::OnceLock;

use crate::OffsetMap;

/// One repaired run: where it is in the repaired text and what it was before.
#[derive(Debug, Clone, PartialEq)]
pub struct MojibakeFix {
    /// Byte range in the repaired text.
    pub start: usize,
    /// End of the byte range in the repaired text.
    pub end: usize,
    /// The text as it was (the mangled form).
    pub original: String,
    /// The text now in its place.
    pub fixed: String,
    /// How sure the repair is, 0..=1.
    pub confidence: f32,
}

/// Text with mojibake repaired, its map back to the input text and the repairs made.
#[derive(Debug, Clone, PartialEq)]
pub struct Repaired {
    /// The repaired text.
    pub text: String,
    /// Maps byte offsets of `text` to byte offsets of the input text.
    pub offsets: OffsetMap,
    /// The runs that were rewritten, in text order.
    pub fixes: Vec<MojibakeFix>,
}

/// Repairs mojibake in `text`. Text without any sign of mojibake is returned unchanged (and
/// without building per-character structures).
pub fn repair_mojibake(text: &str) -> Repaired {
    if !might_have_mojibake(text) {
        return unchanged(text);
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut best: Option<(u32, Vec<Edit>)> = None;
    for cs in charsets() {
        if let Some((score, edits)) = plan(cs, &chars, text.len()) {
            if best.as_ref().is_none_or(|(s, _)| score > *s) {
                best = Some((score, edits));
            }
        }
    }
    let mut edits = best.map(|(_, e)| e).unwrap_or_default();
    add_c1_edits(&chars, text.len(), &mut edits);
    if edits.is_empty() {
        return unchanged(text);
    }
    edits.sort_by_key(|e| e.start);
    apply(text, &edits)
}

fn unchanged(text: &str) -> Repaired {
    Repaired { text: text.to_string(), offsets: OffsetMap::identity(text.len(), 0), fixes: Vec::new() }
}

/// Cheap pre-check: mojibake needs two non-ASCII characters in a row, a C1 control, or the
/// "Ã" whose following byte became a space.
fn might_have_mojibake(text: &str) -> bool {
    if text.is_ascii() {
        return false;
    }
    let mut prev_non_ascii = false;
    for c in text.chars() {
        let non_ascii = !c.is_ascii();
        if (non_ascii && prev_non_ascii) || ('\u{80}'..='\u{9f}').contains(&c) || c == 'Ã' {
            return true;
        }
        prev_non_ascii = non_ascii;
    }
    false
}

// ---------------------------------------------------------------------------------------------
// Charsets

/// Which single-byte charset a table is; a few rules depend on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
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
struct Charset {
    kind: Kind,
    /// Sorted by char, for binary search.
    rev: Vec<(char, u8)>,
}

impl Charset {
    fn byte(&self, c: char) -> Option<u8> {
        if c.is_ascii() {
            return u8::try_from(u32::from(c)).ok();
        }
        self.rev.binary_search_by_key(&c, |&(ch, _)| ch).ok().and_then(|i| self.rev.get(i)).map(|&(_, b)| b)
    }
}

/// Code page 437, bytes 0x80..=0xFF (the DOS charset; not in encoding_rs).
const CP437_HIGH: &str = "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{a0}";

/// The charsets tried, most common mix-up first (ties go to the earlier one).
fn charsets() -> &'static [Charset] {
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
fn build(kind: Kind, mut rev: Vec<(char, u8)>) -> Charset {
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

/// A candidate unit: chars `[first, last]` (indices into the char list) encode to one UTF-8
/// sequence that decodes to `out`.
#[derive(Debug, Clone)]
struct Unit {
    first: usize,
    /// Index one past the last char of the unit.
    end: usize,
    out: String,
    /// Bytes in the UTF-8 sequence.
    len: usize,
    /// The sequence had lost bytes (shown as U+FFFD or "?"); the result is U+FFFD.
    lossy: bool,
    /// "Ã" followed by a space that stood for its lost 0xA0 byte.
    space_a0: bool,
    /// A continuation byte 0xA0 (no-break space) appears as a plain space: only believed
    /// inside a row of other units ("Ð ÑƒÑ" for "Ру").
    spaced: bool,
}

fn utf8_len(lead: u8) -> usize {
    match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => 0,
    }
}

/// Tries to read one unit starting at char `i`.
fn read_unit(cs: &Charset, chars: &[(usize, char)], i: usize) -> Option<Unit> {
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
fn contraction_follows(chars: &[(usize, char)], i: usize) -> bool {
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
fn read_surrogate_pair(cs: &Charset, chars: &[(usize, char)], i: usize, hi: &[u8; 4]) -> Option<Unit> {
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

/// What a decoded character is, for plausibility.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Latin,
    OtherLetter,
    Mark,
    Symbol,
    Wide,
    /// A C1 control: only useful as a step in a row that decodes again.
    Control,
}

/// Characters real text uses, as results of decoding a unit. Anything else (IPA letters,
/// Armenian, archaic Cyrillic, Hebrew points, C1 controls) is far more likely to be two real
/// characters that merely look like mojibake.
fn target(c: char) -> Option<Target> {
    let u = u32::from(c);
    let t = match u {
        0x80..=0x9F => Target::Control,
        0xA0..=0xBF | 0xD7 | 0xF7 => Target::Symbol,
        0xC0..=0xFF => Target::Latin,
        0x100..=0x17E => Target::Latin,
        0x1A0 | 0x1A1 | 0x1AF | 0x1B0 | 0x1CD..=0x1DC | 0x218..=0x21B => Target::Latin,
        0x2C6..=0x2DD => Target::Symbol,
        0x300..=0x308 | 0x30A..=0x30C | 0x323 | 0x327 | 0x336 => Target::Mark,
        0x386..=0x3CE => Target::OtherLetter,
        0x400..=0x45F | 0x490 | 0x491 => Target::OtherLetter,
        0x5D0..=0x5EA => Target::OtherLetter,
        0x621..=0x652 | 0x660..=0x669 | 0x671..=0x6D3 | 0x6F0..=0x6F9 => Target::OtherLetter,
        0x900..=0xEFF
        | 0x10A0..=0x10FF
        | 0x1E00..=0x1EFF
        | 0x2000..=0x206F
        | 0x20A0..=0x20CF
        | 0x2100..=0x23FF
        | 0x2460..=0x27BF
        | 0x2800..=0x28FF
        | 0x2E80..=0x9FFF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFB00..=0xFB06
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFFEF
        | 0xFFFD
        | 0x1F000..=0x1FAFF
        | 0x20000..=0x2FFFF => Target::Wide,
        _ => return None,
    };
    Some(t)
}

/// How a continuation character of a unit looks in running text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cont {
    /// A C1 control: never intended in text.
    C1,
    /// No-break space: common after words on its own.
    Nbsp,
    /// Punctuation that follows words naturally (’ ” … – —).
    Natural,
    /// A letter.
    Letter,
    /// Any other symbol (© ® ¢ £ ¤ ± ² ³ ¼ ™ € …): rare right after a letter.
    Symbol,
}

fn cont_class(c: char) -> Cont {
    match c {
        '\u{80}'..='\u{9f}' => Cont::C1,
        '\u{a0}' => Cont::Nbsp,
        '\u{2019}' | '\u{201d}' | '\u{2026}' | '\u{2013}' | '\u{2014}' | '\u{201c}' | '\u{2018}' | '\u{201e}'
        | '\u{201a}' | '\u{2022}' | '\u{b7}' => Cont::Natural,
        'ª' | 'º' | 'µ' => Cont::Symbol,
        c if c.is_alphabetic() => Cont::Letter,
        _ => Cont::Symbol,
    }
}

/// How strongly a unit suggests mojibake.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    Reject,
    /// Lossy or "Ã "+space units: applied only when the text has other evidence.
    Dependent,
    Weak,
    Strong,
}

/// The neighbourhood of a unit in the text.
struct Context {
    prev: Option<char>,
    next: Option<char>,
    /// Number of units in the unbroken row this unit belongs to.
    row: usize,
}

fn is_ascii_alnum(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric())
}

fn is_ascii_alpha(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphabetic())
}

fn strength(cs: &Charset, chars: &[(usize, char)], u: &Unit, ctx: &Context) -> Strength {
    if u.space_a0 {
        return space_a0_strength(chars, u, ctx);
    }
    if u.spaced {
        let word_start = ctx.prev.is_none_or(|c| c == ' ');
        let lower_next = ctx.next.is_some_and(|c| c.is_ascii_lowercase());
        return if ctx.row >= 2 || (u.len == 2 && word_start && lower_next) {
            Strength::Dependent
        } else {
            Strength::Reject
        };
    }
    if u.lossy {
        let lower = |c: Option<char>| c.is_some_and(|c| c.is_ascii_lowercase());
        return if u.len == 2 && lower(ctx.prev) && lower(ctx.next) {
            Strength::Strong // "SlovenÄ\u{FFFD}ina"
        } else {
            Strength::Dependent
        };
    }
    let Some(out) = u.out.chars().next() else {
        return Strength::Reject;
    };
    let Some(tgt) = target(out) else {
        return Strength::Reject;
    };
    if tgt == Target::Control && ctx.row < 2 {
        return Strength::Reject;
    }
    let Some(&(_, lead)) = chars.get(u.first) else {
        return Strength::Reject;
    };
    let conts: Vec<Cont> =
        chars.get(u.first + 1..u.end).unwrap_or_default().iter().map(|&(_, c)| cont_class(c)).collect();
    if conts.contains(&Cont::C1) {
        return Strength::Strong;
    }
    if u.len >= 3 {
        // Two or three characters from the 0x80..=0xBF row after a lead are mojibake unless
        // they are punctuation closing a word ("Brontë…”").
        let natural = conts.iter().all(|c| matches!(c, Cont::Natural | Cont::Nbsp));
        if natural && ctx.row < 2 && ctx.prev.is_some_and(char::is_alphabetic) {
            return Strength::Reject;
        }
        return Strength::Strong;
    }
    if ctx.row >= 2 {
        return Strength::Strong;
    }
    let cont_char = chars.get(u.first + 1).map(|p| p.1);
    two_byte_strength(cs, lead, conts.first().copied(), cont_char, out, tgt, ctx)
}

fn two_byte_strength(
    cs: &Charset,
    lead: char,
    cont: Option<Cont>,
    cont_char: Option<char>,
    out: char,
    tgt: Target,
    ctx: &Context,
) -> Strength {
    let Some(cont) = cont else {
        return Strength::Reject;
    };
    let lead_byte = cs.byte(lead).unwrap_or(0);
    // 0xC2/0xC3 lead the whole Latin-1 range: "Ã©", "Â£", "√©", "Г©". Windows-1250 (Ă, Â)
    // and code page 437 (├, ┬) are left out: there these leads are real letters or line art.
    let latin1_lead =
        matches!(lead_byte, 0xC2 | 0xC3) && matches!(cs.kind, Kind::W1252 | Kind::Mac | Kind::W1251 | Kind::W1254);
    let w1252 = matches!(cs.kind, Kind::W1252 | Kind::W1254);
    match cont {
        Cont::Nbsp => {
            if w1252 && lead == 'Ã' {
                Strength::Strong
            } else if (out.is_lowercase() && ctx.next.is_some_and(|c| c.is_ascii_lowercase()))
                || (w1252 && lead == 'Â' && ctx.prev.is_some_and(|c| c.is_ascii_lowercase()))
            {
                Strength::Weak
            } else {
                Strength::Reject
            }
        }
        Cont::Symbol if latin1_lead => {
            if w1252 || is_ascii_alnum(ctx.prev) || is_ascii_alnum(ctx.next) {
                Strength::Strong
            } else {
                Strength::Reject
            }
        }
        Cont::Natural if latin1_lead => {
            if is_ascii_alpha(ctx.prev) && is_ascii_alpha(ctx.next) {
                Strength::Strong
            } else {
                Strength::Reject
            }
        }
        Cont::Letter if latin1_lead && (is_ascii_alpha(ctx.prev) || is_ascii_alpha(ctx.next)) => Strength::Strong,
        _ => {
            let both = is_ascii_alnum(ctx.prev) && is_ascii_alnum(ctx.next);
            let either = is_ascii_alnum(ctx.prev) || is_ascii_alnum(ctx.next);
            let letters = is_ascii_alpha(ctx.prev) && is_ascii_alpha(ctx.next);
            let next_lower = ctx.next.is_some_and(|c| c.is_ascii_lowercase());
            // Superscripts, fractions and signs right after an accented capital: "Ä°", "Å³".
            let numeric = cont_char.is_some_and(|c| "¹²³±°¼½¾µ".contains(c));
            // Two capitals are a shouted word ("HÅØYA"); a capital pair inside a lowercase
            // word is not ("ÄÆdomu").
            let shouting =
                cont == Cont::Letter && lead.is_uppercase() && cont_char.is_some_and(char::is_uppercase) && !next_lower;
            match tgt {
                _ if shouting => Strength::Reject,
                Target::Latin | Target::Mark if cont == Cont::Symbol && (both || next_lower || (numeric && either)) => {
                    Strength::Strong
                }
                Target::Latin | Target::Mark if cont == Cont::Natural && letters => Strength::Weak,
                Target::Latin | Target::Mark if either && cont != Cont::Natural => Strength::Weak,
                Target::OtherLetter if letters && cont == Cont::Symbol => Strength::Strong,
                Target::OtherLetter if letters => Strength::Weak,
                _ => Strength::Reject,
            }
        }
    }
}

/// "Ã" then a space, standing for "à": strong after a lowercase letter or apostrophe
/// ("voilÃ  le", "jusqu'Ã nos"); at a word start it needs other evidence in the text.
fn space_a0_strength(chars: &[(usize, char)], u: &Unit, ctx: &Context) -> Strength {
    let after = chars.get(u.end..).unwrap_or_default().iter().map(|p| p.1).find(|&c| c != ' ');
    let next_lower = after.is_some_and(|c| c.is_lowercase());
    match ctx.prev {
        Some(p) if p.is_ascii_lowercase() || p == '\'' || p == '\u{2019}' => {
            if next_lower {
                Strength::Strong
            } else {
                Strength::Reject
            }
        }
        None | Some(' ') if next_lower => Strength::Dependent,
        _ => Strength::Reject,
    }
}

// ---------------------------------------------------------------------------------------------
// Planning and applying

/// One replacement in the text: chars `[start, end)` (byte offsets) become `fixed`.
#[derive(Debug, Clone)]
struct Edit {
    start: usize,
    end: usize,
    fixed: String,
    confidence: f32,
}

/// Finds the units of `cs` in the text, weighs them, and returns the edits with a score, or
/// None when the evidence for this charset is not enough.
fn plan(cs: &Charset, chars: &[(usize, char)], text_len: usize) -> Option<(u32, Vec<Edit>)> {
    let mut units = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match read_unit(cs, chars, i) {
            Some(u) => {
                i = u.end;
                units.push(u);
            }
            None => i += 1,
        }
    }
    if units.is_empty() {
        return None;
    }
    // Rows: units that touch, counting only those whose result is a plausible character.
    let good: Vec<bool> = units.iter().map(|u| u.lossy || u.out.chars().next().and_then(target).is_some()).collect();
    let mut row = vec![1usize; units.len()];
    let mut k = 0;
    while k < units.len() {
        let mut j = k + 1;
        while j < units.len() && good[j - 1] && good[j] && units[j].first == units[j - 1].end {
            j += 1;
        }
        for r in row.iter_mut().take(j).skip(k) {
            *r = j - k;
        }
        k = j;
    }
    let strengths: Vec<Strength> = units
        .iter()
        .zip(&row)
        .map(|(u, &row)| {
            let ctx = Context {
                prev: u.first.checked_sub(1).and_then(|p| chars.get(p)).map(|p| p.1),
                next: chars.get(u.end).map(|p| p.1),
                row,
            };
            strength(cs, chars, u, &ctx)
        })
        .collect();
    let strong = strengths.iter().filter(|s| **s == Strength::Strong).count();
    let weak = strengths.iter().filter(|s| **s == Strength::Weak).count();
    if strong == 0 && weak < 2 {
        return None;
    }
    if strong + weak == 1 && has_unexplained(cs, chars, &units, &strengths) {
        // One repair in a text whose other non-ASCII characters are not mojibake in this
        // charset: more likely real text than a single mangled character.
        return None;
    }
    let mut edits = Vec::new();
    for (u, s) in units.iter().zip(&strengths) {
        if *s == Strength::Reject {
            continue;
        }
        let start = chars.get(u.first).map_or(text_len, |p| p.0);
        let end = chars.get(u.end).map_or(text_len, |p| p.0);
        let confidence = match s {
            Strength::Strong => 0.95,
            Strength::Weak => 0.75,
            _ => 0.6,
        };
        edits.push(Edit { start, end, fixed: u.out.clone(), confidence });
    }
    let score = u32::try_from(3 * strong + weak).unwrap_or(u32::MAX);
    Some((score, merge_rows(edits)))
}

/// True when a non-ASCII character outside the accepted units could be written in `cs`: text
/// that went wholly through the mix-up would show it mangled too.
fn has_unexplained(cs: &Charset, chars: &[(usize, char)], units: &[Unit], strengths: &[Strength]) -> bool {
    let mut covered = vec![false; chars.len()];
    for (u, s) in units.iter().zip(strengths) {
        if *s != Strength::Reject {
            for c in covered.iter_mut().take(u.end).skip(u.first) {
                *c = true;
            }
        }
    }
    chars.iter().zip(&covered).any(|(&(_, c), &cov)| {
        !cov && !c.is_ascii() && c != '\u{a0}' && !('\u{80}'..='\u{9f}').contains(&c) && cs.byte(c).is_some()
    })
}

/// Joins touching edits into one (a mangled word is one repair), then decodes again where
/// the result is itself mojibake (text that went through the mix-up twice or three times).
fn merge_rows(edits: Vec<Edit>) -> Vec<Edit> {
    let mut out: Vec<Edit> = Vec::with_capacity(edits.len());
    for e in edits {
        match out.last_mut() {
            Some(last) if last.end == e.start => {
                last.end = e.end;
                last.fixed.push_str(&e.fixed);
                last.confidence = last.confidence.min(e.confidence);
            }
            _ => out.push(e),
        }
    }
    for e in &mut out {
        for _ in 0..3 {
            match redecode(&e.fixed) {
                Some(again) => e.fixed = again,
                None => break,
            }
        }
    }
    // A C1 control is only a step towards another decoding; if that did not happen, the
    // row was not mojibake after all.
    out.retain(|e| !e.fixed.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)));
    out
}

/// Decodes `s` once more if all of it is units of one charset with at least one strong sign.
fn redecode(s: &str) -> Option<String> {
    if s.chars().count() < 2 {
        return None;
    }
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    'charsets: for cs in charsets() {
        let mut out = String::new();
        let mut i = 0;
        let mut strong = false;
        let mut units = 0;
        while i < chars.len() {
            let Some(u) = read_unit(cs, &chars, i) else {
                continue 'charsets;
            };
            if u.space_a0 || u.spaced || (!u.lossy && u.out.chars().next().and_then(target).is_none()) {
                continue 'charsets;
            }
            let conts = chars.get(u.first + 1..u.end).unwrap_or_default();
            strong |= u.len >= 3 || conts.iter().any(|&(_, c)| matches!(cont_class(c), Cont::C1 | Cont::Symbol));
            units += 1;
            out.push_str(&u.out);
            i = u.end;
        }
        if strong || units >= 2 {
            return Some(out);
        }
    }
    None
}

/// C1 controls left over after the unit repair are Windows-1252 bytes read as Latin-1
/// ("\u{93}quoted\u{94}"); the five bytes Windows-1252 leaves undefined stay as they are.
fn add_c1_edits(chars: &[(usize, char)], text_len: usize, edits: &mut Vec<Edit>) {
    let covered = |pos: usize| edits.iter().any(|e| e.start <= pos && pos < e.end);
    let mut extra = Vec::new();
    for (k, &(pos, c)) in chars.iter().enumerate() {
        if !('\u{80}'..='\u{9f}').contains(&c) || covered(pos) {
            continue;
        }
        let Ok(b) = u8::try_from(u32::from(c)) else {
            continue;
        };
        let fixed = encoding_rs::WINDOWS_1252
            .decode_without_bom_handling_and_without_replacement(&[b])
            .and_then(|s| s.chars().next())
            .filter(|f| !('\u{80}'..='\u{9f}').contains(f));
        if let Some(f) = fixed {
            let end = chars.get(k + 1).map_or(text_len, |p| p.0);
            extra.push(Edit { start: pos, end, fixed: f.to_string(), confidence: 0.8 });
        }
    }
    edits.extend(extra);
}

fn apply(text: &str, edits: &[Edit]) -> Repaired {
    let mut out = String::with_capacity(text.len());
    let mut map = OffsetMap::new();
    let mut fixes = Vec::with_capacity(edits.len());
    let mut pos = 0;
    for e in edits {
        if e.start < pos || e.end < e.start {
            continue; // overlapping edits cannot happen; skip defensively
        }
        let (Some(before), Some(original)) = (text.get(pos..e.start), text.get(e.start..e.end)) else {
            continue;
        };
        out.push_str(before);
        map.push(pos, before.len(), before.len());
        let start = out.len();
        out.push_str(&e.fixed);
        map.push(e.start, e.end - e.start, e.fixed.len());
        fixes.push(MojibakeFix {
            start,
            end: out.len(),
            original: original.to_string(),
            fixed: e.fixed.clone(),
            confidence: e.confidence,
        });
        pos = e.end;
    }
    let rest = text.get(pos..).unwrap_or_default();
    out.push_str(rest);
    map.push(pos, rest.len(), rest.len());
    Repaired { text: out, offsets: map, fixes }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(s: &str) -> String {
        repair_mojibake(s).text
    }

    #[test]
    fn cp437_table_is_complete() {
        assert_eq!(CP437_HIGH.chars().count(), 128);
    }

    #[test]
    fn repairs_common_windows_1252_mojibake() {
        assert_eq!(fix("the minister\u{e2}\u{20ac}\u{2122}s office"), "the minister\u{2019}s office");
        assert_eq!(fix("a caf\u{c3}\u{a9} in Paris"), "a caf\u{e9} in Paris");
        assert_eq!(fix("talks \u{e2}\u{20ac}\u{201d} and more"), "talks \u{2014} and more");
    }

    #[test]
    fn repairs_double_encoding() {
        let s = "it doesn\u{c3}\u{a2}\u{e2}\u{201a}\u{ac}\u{e2}\u{201e}\u{a2}t matter";
        assert_eq!(fix(s), "it doesn\u{2019}t matter");
    }

    #[test]
    fn repairs_latin1_c1_variant() {
        assert_eq!(fix("Ecuador\u{e2}\u{80}\u{99}s decision"), "Ecuador\u{2019}s decision");
    }

    #[test]
    fn leaves_real_text_alone() {
        for s in [
            "L\u{2019}\u{e9}t\u{e9} \u{e0} Paris, s\u{e3}o Jo\u{e3}o, \u{de}\u{f3}rsh\u{f6}fn",
            "\u{397} \u{3b5}\u{3bb}\u{3bb}\u{3b7}\u{3bd}\u{3b9}\u{3ba}\u{3ae} \u{3b3}\u{3bb}\u{3ce}\u{3c3}\u{3c3}\u{3b1}",
            "\u{41c}\u{43e}\u{441}\u{43a}\u{432}\u{430} \u{2014} \u{441}\u{442}\u{43e}\u{43b}\u{438}\u{446}\u{430}",
            "NESTL\u{c9}\u{ae} and 5\u{d7}\u{a3}35",
            "C O N C L U S \u{c3} O",
        ] {
            assert_eq!(fix(s), s);
        }
    }

    #[test]
    fn map_points_into_the_mangled_text() {
        let r = repair_mojibake("ab \u{c3}\u{a9}t\u{c3}\u{a9} cd");
        assert_eq!(r.text, "ab \u{e9}t\u{e9} cd");
        assert_eq!(r.fixes.len(), 2);
        assert_eq!(r.offsets.to_original(3), 3);
        assert_eq!(r.offsets.to_original(5), 7); // "t"
        assert_eq!(r.offsets.to_original(8), 12); // " cd"
    }

    #[test]
    fn c1_controls_become_windows_1252() {
        assert_eq!(fix("\u{93}quoted\u{94} here \u{81}"), "\u{201c}quoted\u{201d} here \u{81}");
    }
}
