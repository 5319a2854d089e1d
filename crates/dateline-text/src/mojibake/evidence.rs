//! How strongly a unit looks like mojibake rather than real text.

use super::charset::{Charset, Kind};
use super::unit::Unit;

/// What a decoded character is, for plausibility.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
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
pub(super) fn target(c: char) -> Option<Target> {
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
pub(super) enum Cont {
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

pub(super) fn cont_class(c: char) -> Cont {
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
pub(super) enum Strength {
    Reject,
    /// Lossy or "Ã "+space units: applied only when the text has other evidence.
    Dependent,
    Weak,
    Strong,
}

/// The neighbourhood of a unit in the text.
pub(super) struct Context {
    pub(super) prev: Option<char>,
    pub(super) next: Option<char>,
    /// Number of units in the unbroken row this unit belongs to.
    pub(super) row: usize,
}

pub(super) fn is_ascii_alnum(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric())
}

pub(super) fn is_ascii_alpha(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphabetic())
}

pub(super) fn strength(cs: &Charset, chars: &[(usize, char)], u: &Unit, ctx: &Context) -> Strength {
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

pub(super) fn two_byte_strength(
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
pub(super) fn space_a0_strength(chars: &[(usize, char)], u: &Unit, ctx: &Context) -> Strength {
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
