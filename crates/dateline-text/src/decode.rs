//! Bytes to a Rust string: BOM first, then the declared charset, then "valid UTF-8 stays
//! UTF-8", then detection (chardetng).
//!
//! Every decoded character is mapped back to the input bytes it came from, because legacy
//! charsets change lengths (one Windows-1252 byte becomes two UTF-8 bytes) and every span
//! dateline reports must lead back to the original bytes. Invalid byte sequences become
//! U+FFFD and are listed in [`Decoded::invalid`], so they can be told apart from U+FFFD
//! characters that were already in the input.

use encoding_rs::{DecoderResult, Encoding, UTF_16BE, UTF_16LE, UTF_8};

use crate::{OffsetMap, Span, TextError};

/// What the caller knows about the charset of some bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DecodeHint {
    /// A charset label declared by the container (HTTP header, `<meta charset>`, JSONL is UTF-8).
    /// A WHATWG label; an unknown label is an error rather than a silent guess.
    pub declared: Option<String>,
    /// Reject inputs larger than this many bytes.
    pub max_bytes: Option<usize>,
}

/// Decoded text with an offset map back into the bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The decoded text.
    pub text: String,
    /// Byte offsets of `text` to byte offsets of the input.
    pub offsets: OffsetMap,
    /// The WHATWG name of the charset used.
    pub encoding: &'static str,
    /// Byte ranges of the *input* that were not valid in the charset; each became one U+FFFD.
    pub invalid: Vec<Span>,
}

/// How many bytes chardetng looks at; more rarely changes its mind and costs time.
const DETECT_PREFIX: usize = 256 * 1024;

/// Decodes `bytes` to text.
///
/// Order of evidence: a byte order mark beats a declared label (as in browsers), a declared
/// label beats detection, and bytes that are valid UTF-8 are taken as UTF-8 without asking
/// the detector (a legacy-charset text that happens to be valid UTF-8 is vanishingly rare).
pub fn decode(bytes: &[u8], hint: &DecodeHint) -> Result<Decoded, TextError> {
    if let Some(limit) = hint.max_bytes {
        if bytes.len() > limit {
            return Err(TextError::TooLarge { size: bytes.len(), limit });
        }
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return Ok(decode_as(encoding, bytes, bom_len));
    }
    if let Some(label) = hint.declared.as_deref() {
        let encoding =
            Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| TextError::UnknownCharset(label.to_string()))?;
        return Ok(decode_as(encoding, bytes, 0));
    }
    // UTF-16 without a byte order mark: ASCII in UTF-16 is valid UTF-8 with a NUL after (or
    // before) every letter, so it must be told before the UTF-8 test.
    if let Some(encoding) = utf16_without_bom(bytes) {
        return Ok(decode_as(encoding, bytes, 0));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_string(),
            offsets: OffsetMap::identity(text.len(), 0),
            encoding: UTF_8.name(),
            invalid: Vec::new(),
        });
    }
    if mostly_utf8(bytes) {
        return Ok(decode_as(UTF_8, bytes, 0));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    let prefix = &bytes[..bytes.len().min(DETECT_PREFIX)];
    detector.feed(prefix, prefix.len() == bytes.len());
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    Ok(decode_as(encoding, bytes, 0))
}

/// UTF-16LE or BE when at least 16 bytes are there and, in the first 4 KiB, most bytes at odd
/// positions (LE) or at even positions (BE) are NUL while almost none at the other parity are:
/// text in any 8-bit charset or UTF-8 has no such pattern.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let prefix = &bytes[..bytes.len().min(4096) & !1];
    if prefix.len() < 16 {
        return None;
    }
    let pairs = prefix.len() / 2;
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in prefix.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let most = |n: usize| n * 10 >= pairs * 6;
    let few = |n: usize| n * 20 <= pairs;
    if most(odd) && few(even) {
        Some(UTF_16LE)
    } else if most(even) && few(odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// True when invalid UTF-8 is a few stray bytes in text that is otherwise UTF-8 with
/// non-ASCII characters: decoding it as a legacy charset would turn every good multi-byte
/// character into mojibake to save a handful of bad bytes.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut good = 0usize;
    let mut bad = 0usize;
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            bad += 1;
        }
    }
    good > 0 && good >= bad
}

/// Decodes `bytes[start..]` (after a BOM of `start` bytes) as `encoding`.
fn decode_as(encoding: &'static Encoding, bytes: &[u8], start: usize) -> Decoded {
    let body = bytes.get(start..).unwrap_or_default();
    let (text, offsets, invalid) = if encoding == UTF_8 {
        decode_utf8(body, start)
    } else if encoding.is_single_byte() {
        decode_single_byte(encoding, body, start)
    } else {
        decode_incremental(encoding, body, start)
    };
    Decoded { text, offsets, encoding: encoding.name(), invalid }
}

/// UTF-8 with the maximal invalid subparts replaced by U+FFFD (the WHATWG rule).
fn decode_utf8(body: &[u8], base: usize) -> (String, OffsetMap, Vec<Span>) {
    let mut text = String::with_capacity(body.len() + 8);
    let mut map = OffsetMap::new();
    let mut invalid = Vec::new();
    let mut pos = base;
    for chunk in body.utf8_chunks() {
        let valid = chunk.valid();
        text.push_str(valid);
        map.push(pos, valid.len(), valid.len());
        pos += valid.len();
        let bad = chunk.invalid();
        if !bad.is_empty() {
            text.push('\u{FFFD}');
            map.push(pos, bad.len(), '\u{FFFD}'.len_utf8());
            invalid.push(Span(pos, pos + bad.len()));
            pos += bad.len();
        }
    }
    (text, map, invalid)
}

/// One byte, one character: a 256-entry table, and an exact per-character map.
fn decode_single_byte(encoding: &'static Encoding, body: &[u8], base: usize) -> (String, OffsetMap, Vec<Span>) {
    let mut table = ['\u{FFFD}'; 256];
    for (b, slot) in (0u8..=255).zip(table.iter_mut()) {
        if let Some(s) = encoding.decode_without_bom_handling_and_without_replacement(&[b]) {
            if let Some(c) = s.chars().next() {
                *slot = c;
            }
        }
    }
    let mut text = String::with_capacity(body.len() * 2);
    let mut map = OffsetMap::new();
    let mut invalid = Vec::new();
    for (i, &b) in body.iter().enumerate() {
        let c = table[usize::from(b)];
        let at = base + i;
        if c == '\u{FFFD}' {
            invalid.push(Span(at, at + 1));
        }
        text.push(c);
        map.push(at, 1, c.len_utf8());
    }
    (text, map, invalid)
}

/// Multi-byte legacy charsets (Shift_JIS, GBK, EUC-KR, Big5, UTF-16, ISO-2022-JP): fed one
/// byte at a time so each emitted character can be tied to the bytes consumed since the
/// previous one. Slow per byte, but only taken for the rare non-UTF-8 multi-byte input.
fn decode_incremental(encoding: &'static Encoding, body: &[u8], base: usize) -> (String, OffsetMap, Vec<Span>) {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(body.len() * 2);
    let mut map = OffsetMap::new();
    let mut invalid = Vec::new();
    let mut pending = 0usize; // first body byte not yet covered by the map
    let mut pos = 0usize;
    loop {
        let last = pos + 1 >= body.len();
        let src = body.get(pos..(pos + 1).min(body.len())).unwrap_or_default();
        let mut read_total = 0usize;
        loop {
            let need = decoder.max_utf8_buffer_length_without_replacement(src.len() - read_total).unwrap_or(16);
            text.reserve(need.max(8));
            let before = text.len();
            let rest = src.get(read_total..).unwrap_or_default();
            let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut text, last);
            read_total += read;
            let produced = text.len() - before;
            let consumed_end = pos + read_total;
            match result {
                DecoderResult::InputEmpty => {
                    if produced > 0 {
                        map.push(base + pending, consumed_end.saturating_sub(pending), produced);
                        pending = consumed_end;
                    }
                    break;
                }
                DecoderResult::OutputFull => {
                    if produced > 0 {
                        map.push(base + pending, consumed_end.saturating_sub(pending), produced);
                        pending = consumed_end;
                    }
                }
                DecoderResult::Malformed(bad, extra) => {
                    let bad_end = consumed_end.saturating_sub(usize::from(extra)).max(pending);
                    let bad_start = bad_end.saturating_sub(usize::from(bad)).max(pending);
                    if produced > 0 {
                        map.push(base + pending, bad_start - pending, produced);
                    }
                    text.push('\u{FFFD}');
                    map.push(base + bad_start, bad_end - bad_start, '\u{FFFD}'.len_utf8());
                    invalid.push(Span(base + bad_start, base + bad_end));
                    pending = bad_end;
                }
            }
        }
        pos += 1;
        if pos >= body.len() {
            break;
        }
    }
    if pending < body.len() {
        map.push(base + pending, body.len() - pending, 0);
    }
    (text, map, invalid)
}

#[cfg(test)]
mod tests {
    #[test]
    fn utf16_without_bom_is_told_from_utf8() {
        let text = "The harbour reopened on Monday, the port authority said.";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, name) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
            let d = super::decode(&bytes, &super::DecodeHint::default()).expect("decodes");
            assert_eq!((d.text.as_str(), d.encoding), (text, name));
        }
        // One NUL in UTF-8 text is not UTF-16.
        let one_nul = "The harbour reopened on Monday,\0 the port authority said.";
        assert_eq!(
            super::decode(one_nul.as_bytes(), &super::DecodeHint::default()).expect("decodes").encoding,
            "UTF-8"
        );
    }

    use super::*;

    fn hint(label: &str) -> DecodeHint {
        DecodeHint { declared: Some(label.to_string()), max_bytes: None }
    }

    #[test]
    fn valid_utf8_stays_utf8() {
        let d = decode("Zürich said".as_bytes(), &DecodeHint::default()).expect("decodes");
        assert_eq!(d.text, "Zürich said");
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.invalid.is_empty());
    }

    #[test]
    fn declared_latin1_maps_each_char_back() {
        let d = decode(b"caf\xe9 au lait", &hint("iso-8859-1")).expect("decodes");
        assert_eq!(d.text, "café au lait");
        assert_eq!(d.encoding, "windows-1252");
        // "é" is 2 bytes in the text, 1 in the input; " au" follows at input byte 4.
        assert_eq!(d.offsets.to_original(3), 3);
        assert_eq!(d.offsets.to_original(5), 4);
    }

    #[test]
    fn unknown_label_is_an_error() {
        let err = decode(b"x", &hint("klingon-8")).expect_err("unknown label");
        assert!(matches!(err, TextError::UnknownCharset(_)));
    }

    #[test]
    fn too_large_is_an_error() {
        let h = DecodeHint { declared: None, max_bytes: Some(3) };
        assert!(matches!(decode(b"abcd", &h), Err(TextError::TooLarge { .. })));
    }

    #[test]
    fn bom_beats_declared_label() {
        let d = decode(b"\xef\xbb\xbfhi", &hint("windows-1252")).expect("decodes");
        assert_eq!(d.text, "hi");
        assert_eq!(d.offsets.to_original(0), 3);
    }

    #[test]
    fn utf16_bom_is_decoded_with_a_map() {
        let d = decode(b"\xff\xfeh\x00i\x00", &DecodeHint::default()).expect("decodes");
        assert_eq!(d.text, "hi");
        assert_eq!(d.encoding, "UTF-16LE");
        assert_eq!(d.offsets.to_original(0), 2);
        assert_eq!(d.offsets.to_original(1), 4);
    }

    #[test]
    fn stray_byte_in_utf8_is_reported_invalid() {
        let d = decode(
            "naïve \u{2014} ok".as_bytes().iter().copied().chain(*b" \x97 x").collect::<Vec<_>>().as_slice(),
            &DecodeHint::default(),
        )
        .expect("decodes");
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.invalid.len(), 1);
        assert!(d.text.ends_with(" \u{FFFD} x"));
    }

    #[test]
    fn legacy_text_is_detected() {
        let bytes = b"Le pr\xe9sident a d\xe9clar\xe9 que la r\xe9forme \xe9tait n\xe9cessaire.";
        let d = decode(bytes, &DecodeHint::default()).expect("decodes");
        assert!(d.text.contains("président"), "{}", d.text);
        assert!(d.invalid.is_empty());
    }

    #[test]
    fn shift_jis_maps_multibyte_chars() {
        let d = decode(b"a\x82\xa0b", &hint("shift_jis")).expect("decodes");
        assert_eq!(d.text, "aあb");
        assert_eq!(d.offsets.to_original(1), 1);
        assert_eq!(d.offsets.to_original(4), 3);
    }

    #[test]
    fn malformed_multibyte_is_reported() {
        let d = decode(b"a\x82 b", &hint("shift_jis")).expect("decodes");
        assert!(d.text.contains('\u{FFFD}'));
        assert_eq!(d.invalid.len(), 1);
    }
}
