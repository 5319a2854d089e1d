//! Properties of the whole per-article path, bytes → record → document → analysis.

use std::sync::LazyLock;

use dateline_analyze::{analyze, Resources};
use dateline_ingest::{text_record, Limits};
use proptest::prelude::*;

static RESOURCES: LazyLock<Resources> = LazyLock::new(|| Resources::embedded().expect("embedded resources"));

/// Wire-flavoured text: datelines, quotes, dates, numbers, broken characters.
fn wire() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop::sample::select(vec![
        "MOSCOW",
        "(Reuters)",
        " - ",
        "\u{2014}",
        "LONDON, Feb 26 - ",
        "said",
        "\"",
        "\u{201C}",
        "\u{201D}",
        "'",
        "on Monday",
        "18th September, 2019",
        "some 25,000 people",
        "80 percent",
        "$3.5bn",
        "U.S.",
        "Col. Gen.",
        "\u{FFFD}",
        "Ã©",
        "â€™",
        "\n\n",
        " date 2019-09-18 (@x)\n",
        "Syria",
        "the minister",
        ".",
        ",",
        "é",
        "2017",
    ]);
    prop::collection::vec(piece, 0..50).prop_map(|v| v.join(" ").into_bytes())
}

fn check(bytes: Vec<u8>) -> Result<(), TestCaseError> {
    let Ok(doc) = text_record("p.txt", bytes).into_document(&Limits::default()) else { return Ok(()) };
    let a = analyze(&doc, &RESOURCES);
    for (field, span) in a.spans() {
        prop_assert!(span.0 <= span.1, "{} span {:?} is reversed", field, span);
        prop_assert!(a.text.get(span.0..span.1).is_some(), "{} span {:?} does not slice text", field, span);
    }
    for e in &a.entities {
        for m in &e.mentions {
            prop_assert_eq!(a.text.get(m.span.0..m.span.1), Some(m.text.as_str()));
        }
    }
    for t in &a.times {
        prop_assert_eq!(a.text.get(t.span.0..t.span.1), Some(t.text.as_str()));
    }
    for m in &a.amounts {
        prop_assert_eq!(a.text.get(m.span.0..m.span.1), Some(m.text.as_str()));
    }
    prop_assert_eq!(analyze(&doc, &RESOURCES), a, "analysis is deterministic");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn spans_slice_text_on_wire_like_input(bytes in wire()) {
        check(bytes)?;
    }

    #[test]
    fn analysis_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..1500)) {
        check(bytes)?;
    }
}
