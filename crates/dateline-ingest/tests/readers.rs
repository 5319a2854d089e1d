//! Readers never panic and never lose a record: every input gives a record or an error naming it.

use dateline_ingest::{html_to_text, parse_crawl_header, read_jsonl, read_path, text_record, Limits};
use proptest::prelude::*;

fn small_limits() -> Limits {
    Limits { max_document_bytes: 1 << 12, ..Limits::default() }
}

proptest! {
    #[test]
    fn text_reader_takes_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let record = text_record("x.txt", bytes);
        match record.into_document(&small_limits()) {
            Ok(doc) => {
                for r in &doc.repairs {
                    prop_assert!(doc.text.get(r.span.0..r.span.1).is_some());
                }
            }
            Err(e) => prop_assert!(e.to_string().starts_with("x.txt")),
        }
    }

    #[test]
    fn jsonl_reader_yields_one_item_per_nonblank_line(lines in prop::collection::vec("[ -~]{0,40}", 0..20)) {
        let input = lines.join("\n");
        let expected = lines.iter().filter(|l| !l.trim().is_empty()).count();
        let items: Vec<_> = read_jsonl("f.jsonl".into(), input.as_bytes(), small_limits()).collect();
        prop_assert_eq!(items.len(), expected);
    }

    #[test]
    fn jsonl_reader_takes_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        for record in read_jsonl("f.jsonl".into(), &bytes[..], small_limits()).flatten() {
            let _ = record.into_document(&small_limits());
        }
    }

    #[test]
    fn html_and_header_take_anything(s in any::<String>()) {
        let _ = html_to_text(s.as_bytes());
        if let Some((_, len)) = parse_crawl_header(&s) {
            prop_assert!(len <= s.len() && s.is_char_boundary(len));
        }
    }
}

#[test]
fn header_line_is_moved_to_metadata_and_offsets_point_past_it() {
    let bytes = b" date 2020-05-06 (@desk)\n\nROME (ANSA) - Text.\n".to_vec();
    let doc = text_record("r.txt", bytes).into_document(&Limits::default()).expect("document");
    assert_eq!(doc.text, "ROME (ANSA) - Text.");
    let header = doc.meta.header.expect("header");
    assert_eq!(header.date.as_deref(), Some("2020-05-06"));
    assert_eq!(header.author.as_deref(), Some("@desk"));
    assert_eq!(doc.offsets.to_original(0), " date 2020-05-06 (@desk)\n\n".len());
}

#[test]
fn directories_are_walked_in_name_order_and_unknown_files_skipped() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("b.txt"), "Second.").expect("write");
    std::fs::write(dir.path().join("a.txt"), "First.").expect("write");
    std::fs::write(dir.path().join("c.jsonl"), "{\"text\":\"Third.\"}\n{\"text\":\"Fourth.\"}\n").expect("write");
    std::fs::write(dir.path().join("image.png"), [0u8, 1, 2]).expect("write");
    std::fs::write(dir.path().join(".hidden.txt"), "no").expect("write");
    let texts: Vec<String> = read_path(dir.path(), Limits::default())
        .map(|r| r.expect("record").into_document(&Limits::default()).expect("doc").text)
        .collect();
    assert_eq!(texts, ["First.", "Second.", "Third.", "Fourth."]);
}

#[test]
fn too_large_file_is_an_error_naming_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.txt");
    std::fs::write(&path, "x".repeat(100)).expect("write");
    let items: Vec<_> = read_path(&path, Limits { max_document_bytes: 10, ..Limits::default() }).collect();
    assert_eq!(items.len(), 1);
    let err = items.into_iter().next().expect("one").expect_err("too large");
    assert!(err.to_string().contains("big.txt") && err.to_string().contains("exceeds the limit"), "{err}");
}
