//! Limits counted in work, not time: the same page gives the same result under any load.

use dateline_ingest::{extract_html, HtmlError, Limits};

#[test]
fn html_work_budget_is_counted_not_timed() {
    let page = "<p>Some sentence of text, with a comma.</p>".repeat(2_000);
    let tight = Limits { max_html_work: 5_000, ..Limits::default() };
    // Always the same error at the same limit, however fast or loaded the machine is.
    for _ in 0..3 {
        assert_eq!(
            extract_html(page.as_bytes(), None, None, &tight).map(|p| p.text),
            Err(HtmlError::WorkBudget { limit: 5_000 })
        );
    }
    let p = extract_html(page.as_bytes(), None, None, &Limits::default()).expect("within the default budget");
    assert_eq!(p.text.matches("\n\n").count(), 1_999);
}

fn warc_response(id: &str, content_length: Option<u64>, body: &str) -> Vec<u8> {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{body}");
    let length = content_length.unwrap_or(http.len() as u64);
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Target-URI: http://x.example/{id}\r\n\
Content-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n"
    )
    .into_bytes();
    r.extend_from_slice(http.as_bytes());
    r.extend_from_slice(b"\r\n\r\n");
    r
}

/// A Content-Length of 10^15 used to skip to the end of the file, losing every record after it.
#[test]
fn lying_content_length_resyncs_on_the_next_record() {
    let page = |w: &str| {
        format!("<html><body><article><p>The {w} ferry ran on time on Monday, the operator said.</p></article></body></html>")
    };
    let mut w = warc_response("a", None, &page("first"));
    w.extend(warc_response("liar", Some(1_000_000_000_000_000), &page("lying")));
    w.extend(warc_response("b", None, &page("second")));
    w.extend(warc_response("c", None, &page("third")));
    let stats = std::sync::Arc::new(dateline_ingest::IngestStats::default());
    let out: Vec<_> =
        dateline_ingest::read_warc("t.warc".into(), std::io::Cursor::new(w), Limits::default(), stats).collect();
    let ids: Vec<Option<String>> = out.iter().map(|r| r.as_ref().ok().and_then(|r| r.source.record.clone())).collect();
    // Before: [a, error] and nothing more.
    for id in ["urn:uuid:a", "urn:uuid:b", "urn:uuid:c"] {
        assert!(ids.contains(&Some(id.to_string())), "{id} missing from {ids:?}");
    }
    assert!(out
        .iter()
        .any(|r| matches!(r, Err(dateline_ingest::IngestError::Warc { what, .. }) if what.contains("max_page_bytes"))));
}

/// An HTML file over the page limit was blamed on `--max-bytes`, which does not change it.
#[test]
fn oversize_html_names_its_own_limit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = dir.path().join("big.html");
    std::fs::write(&page, format!("<p>{}</p>", "word ".repeat(100))).expect("write");
    let text = dir.path().join("big.txt");
    std::fs::write(&text, "word ".repeat(100)).expect("write");
    let limits = Limits { max_page_bytes: 100, max_document_bytes: 100, ..Limits::default() };
    let err = |p: &std::path::Path| match dateline_ingest::read_path(p, limits).next() {
        Some(Err(e)) => e.to_string(),
        other => panic!("expected an error, got {:?}", other.map(|r| r.map(|r| r.input_name()))),
    };
    let html = err(&page);
    assert!(html.contains("max_page_bytes") && !html.contains("--max-bytes"), "{html}");
    assert!(err(&text).contains("--max-bytes"));
}
