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

mod charset;
mod evidence;
mod unit;

use crate::OffsetMap;

use charset::{charsets, Charset};
use evidence::{cont_class, strength, target, Cont, Context, Strength};
use unit::{read_unit, Unit};

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
    use super::charset::CP437_HIGH;
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
