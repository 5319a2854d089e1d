//! End-to-end tests of `prepare`: bytes in, text, offsets and repairs out.
//! The sentences are written for these tests in the style of wire copy.

use dateline_text::{prepare, DecodeHint, RepairKind, TextError};
use proptest::prelude::*;
use unicode_normalization::{is_nfc, UnicodeNormalization};

fn prep(bytes: &[u8]) -> dateline_text::Prepared {
    prepare(bytes, &DecodeHint::default(), 0).expect("prepares")
}

#[test]
fn clean_wire_copy_is_unchanged() {
    let s = "LISBON, March 3 (Reuters) - The port reopened on Tuesday, officials said.";
    let p = prep(s.as_bytes());
    assert_eq!(p.text, s);
    assert!(p.repairs.is_empty());
    assert_eq!(p.offsets.to_original(10), 10);
    assert_eq!(p.encoding, "UTF-8");
}

#[test]
fn mojibake_is_repaired_and_reported() {
    let s = "The minister\u{e2}\u{80}\u{99}s aide said the caf\u{c3}\u{a9} had closed.";
    let p = prep(s.as_bytes());
    assert_eq!(p.text, "The minister\u{2019}s aide said the caf\u{e9} had closed.");
    let fixes: Vec<_> = p.repairs.iter().filter(|r| r.kind == RepairKind::Mojibake).collect();
    assert_eq!(fixes.len(), 2);
    let first = fixes[0];
    assert_eq!(first.span.slice(&p.text), Some("\u{2019}"));
    assert_eq!(first.guess.as_deref(), Some("\u{2019}"));
    assert_eq!(first.original.as_deref(), Some("\u{e2}\u{80}\u{99}"));
    assert!(first.confidence > 0.5);
    // "s aide" after the repaired apostrophe maps back past the three mangled characters.
    let s_at = p.text.find("s aide").expect("present");
    assert_eq!(p.offsets.to_original(s_at), s.find("s aide").expect("present"));
}

#[test]
fn doubly_encoded_mojibake_is_repaired() {
    let s = "Officials didn\u{c3}\u{a2}\u{e2}\u{82}\u{ac}\u{e2}\u{84}\u{a2}t comment.";
    let p = prep(s.as_bytes());
    assert_eq!(p.text, "Officials didn\u{2019}t comment.");
}

#[test]
fn real_accented_text_is_left_alone() {
    for s in [
        "Le pr\u{e9}sident fran\u{e7}ais a d\u{e9}clar\u{e9} : \u{ab} C\u{2019}est l\u{2019}\u{e9}t\u{e9} \u{bb}.",
        "O ministro da Sa\u{fa}de n\u{e3}o comentou a situa\u{e7}\u{e3}o em S\u{c3}O PAULO.",
        "\u{de}ingvellir \u{ed} \u{cd}slandi var lokað \u{ed} gær.",
        "\u{391}\u{3b8}\u{3ae}\u{3bd}\u{3b1}, 3 \u{39c}\u{3b1}\u{3c1}\u{3c4}\u{3af}\u{3bf}\u{3c5}.",
        "\u{41c}\u{43e}\u{441}\u{43a}\u{432}\u{430}, 18 \u{441}\u{435}\u{43d}\u{442}\u{44f}\u{431}\u{440}\u{44f}.",
    ] {
        let p = prep(s.as_bytes());
        assert_eq!(p.text, s);
        assert!(p.repairs.is_empty(), "{s}: {:?}", p.repairs);
    }
}

#[test]
fn replacement_char_gets_a_dash_guess() {
    let s = "the talks between the United States \u{FFFD} Russia stalled";
    let p = prep(s.as_bytes());
    assert_eq!(p.text, s);
    assert_eq!(p.repairs.len(), 1);
    let r = &p.repairs[0];
    assert_eq!(r.kind, RepairKind::ReplacementChar);
    assert_eq!(r.span.slice(&p.text), Some("\u{FFFD}"));
    assert_eq!(r.guess.as_deref(), Some("\u{2014}"));
    assert!((r.confidence - 0.8).abs() < 1e-6);
}

#[test]
fn stray_windows_1252_byte_is_invalid_bytes() {
    let mut bytes = "Ministers met in Br\u{fc}ssel on Monday".as_bytes().to_vec();
    bytes.extend_from_slice(b" \x96 a spokesman said.");
    let p = prep(&bytes);
    assert_eq!(p.encoding, "UTF-8");
    let r = p.repairs.iter().find(|r| r.kind == RepairKind::InvalidBytes).expect("reported");
    assert_eq!(r.guess.as_deref(), Some("\u{2013}"));
    assert_eq!(r.original.as_deref(), Some("\\x96"));
    assert_eq!(p.offsets.to_original(r.span.start()), bytes.len() - 19);
}

#[test]
fn declared_legacy_charset_maps_back_to_bytes() {
    let bytes = b"KYIV \x97 the mayor said on Monday the city\x92s power was back.";
    let hint = DecodeHint { declared: Some("windows-1252".into()), max_bytes: None };
    let p = prepare(bytes, &hint, 100).expect("prepares");
    assert_eq!(p.text, "KYIV \u{2014} the mayor said on Monday the city\u{2019}s power was back.");
    let the = p.text.find("the mayor").expect("present");
    assert_eq!(p.offsets.to_original(the), 100 + 7);
    assert!(p.repairs.is_empty());
}

#[test]
fn whitespace_and_base_offset() {
    let s = "  Header line\r\n\r\n\r\nBody   text\u{a0}here.  \n";
    let p = prepare(s.as_bytes(), &DecodeHint::default(), 40).expect("prepares");
    assert_eq!(p.text, "Header line\n\nBody text here.");
    assert_eq!(p.offsets.to_original(0), 42);
    let body = p.text.find("Body").expect("present");
    assert_eq!(p.offsets.to_original(body), 40 + s.find("Body").expect("present"));
}

#[test]
fn limits_and_labels_are_errors() {
    let hint = DecodeHint { declared: Some("no-such-charset".into()), max_bytes: None };
    assert!(matches!(prepare(b"x", &hint, 0), Err(TextError::UnknownCharset(_))));
    let hint = DecodeHint { declared: None, max_bytes: Some(2) };
    assert!(matches!(prepare(b"abc", &hint, 0), Err(TextError::TooLarge { .. })));
}

#[test]
fn mojibake_span_survives_whitespace_changes() {
    let s = "A  \u{c3}\u{a9}t\u{c3}\u{a9}   in   Paris";
    let p = prep(s.as_bytes());
    assert_eq!(p.text, "A \u{e9}t\u{e9} in Paris");
    for r in &p.repairs {
        assert!(r.span.slice(&p.text).is_some());
    }
    assert_eq!(p.repairs[0].span.slice(&p.text), Some("\u{e9}"));
}

fn check_invariants(bytes: &[u8], base: usize) -> Result<(), TestCaseError> {
    let Ok(p) = prepare(bytes, &DecodeHint::default(), base) else {
        return Ok(());
    };
    for r in &p.repairs {
        prop_assert!(r.span.slice(&p.text).is_some(), "span {:?} in {:?}", r.span, p.text);
    }
    let mut last = 0;
    for i in 0..=p.text.len() {
        let o = p.offsets.to_original(i);
        prop_assert!(o >= last, "map not monotonic at {i}");
        prop_assert!(o <= bytes.len() + base);
        last = o;
    }
    prop_assert!(is_nfc(&p.text));
    Ok(())
}

proptest! {
    #[test]
    fn never_panics_and_keeps_invariants(bytes in proptest::collection::vec(any::<u8>(), 0..200), base in 0usize..50) {
        check_invariants(&bytes, base)?;
    }

    #[test]
    fn invariants_on_mojibake_like_text(s in "[a-zA-Z ,.\u{a0}\u{c0}-\u{ff}\u{80}-\u{9f}\u{2018}-\u{2022}\u{20ac}\u{2122}\u{FFFD}\n\r\t\u{301}]{0,80}") {
        check_invariants(s.as_bytes(), 3)?;
        // Also as bytes of its own mojibake: UTF-8 read as Windows-1252.
        let (mangled, _, _) = encoding_rs::WINDOWS_1252.decode(s.as_bytes());
        check_invariants(mangled.as_bytes(), 0)?;
    }

    #[test]
    fn clean_ascii_is_identity(words in proptest::collection::vec("[A-Za-z0-9,.;:'\"()-]{1,12}", 0..30)) {
        let s = words.join(" ");
        let p = prepare(s.as_bytes(), &DecodeHint::default(), 0).expect("prepares");
        prop_assert_eq!(p.text.as_str(), s.trim());
        prop_assert!(p.repairs.is_empty());
    }

    #[test]
    fn text_is_nfc(s in "\\PC{0,40}") {
        let p = prepare(s.as_bytes(), &DecodeHint::default(), 0).expect("prepares");
        let renorm: String = p.text.nfc().collect();
        prop_assert_eq!(renorm, p.text);
    }
}
