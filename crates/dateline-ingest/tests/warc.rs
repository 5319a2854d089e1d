//! WARC reading: archives built here (good, truncated, wrong lengths, garbage, bombs) and the
//! public samples in ../shared/data/warc-samples.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use dateline_ingest::{read_inputs_with_stats, read_warc, IngestError, IngestStats, Limits, Record};
use flate2::write::GzEncoder;
use flate2::Compression;
use proptest::prelude::*;

const PAGE: &str = "<html><head><title>Harbour reopens | Coast News</title></head><body><nav><a href=/>Home</a></nav>\
<article><p>The harbour reopened on Monday after a week of repairs, the port authority said.</p>\
<p>Ferries will run on the normal timetable from Tuesday.</p></article><footer>(c) Coast News</footer></body></html>";

/// One WARC record with the given type, headers and block.
fn record(kind: &str, id: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Target-URI: {uri}\r\n\
WARC-Date: 2021-05-04T10:00:00Z\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http(status: u16, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut r =
        format!("HTTP/1.1 {status} X\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n", body.len())
            .into_bytes();
    r.extend_from_slice(body);
    r
}

fn response(id: &str, uri: &str, body: &[u8]) -> Vec<u8> {
    record("response", id, uri, "application/http; msgtype=response", &http(200, "text/html; charset=utf-8", body))
}

fn gzip_member(bytes: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::fast());
    enc.write_all(bytes).expect("gzip in memory");
    enc.finish().expect("gzip in memory")
}

fn read(bytes: Vec<u8>, limits: Limits) -> (Vec<Result<Record, IngestError>>, Arc<IngestStats>) {
    let stats = Arc::new(IngestStats::default());
    let out = read_warc("t.warc".into(), std::io::Cursor::new(bytes), limits, Arc::clone(&stats)).collect();
    (out, stats)
}

#[test]
fn responses_become_articles_and_others_are_counted() {
    let mut w = record("warcinfo", "0", "", "application/warc-fields", b"software: test\r\n");
    w.extend(record(
        "request",
        "1",
        "http://coast.example/a",
        "application/http; msgtype=request",
        b"GET /a HTTP/1.1\r\n\r\n",
    ));
    w.extend(response("2", "http://coast.example/2021/05/04/harbour", PAGE.as_bytes()));
    w.extend(record(
        "response",
        "3",
        "http://coast.example/logo.png",
        "application/http",
        &http(200, "image/png", b"\x89PNG"),
    ));
    w.extend(record(
        "response",
        "4",
        "http://coast.example/gone",
        "application/http",
        &http(404, "text/html", b"<p>no</p>"),
    ));
    let gz: Vec<u8> = w.split_inclusive(|_| false).flat_map(gzip_member).collect();
    for bytes in [w, gz] {
        let (out, stats) = read(bytes, Limits::default());
        assert_eq!(out.len(), 1, "{out:?}");
        let rec = out.into_iter().next().expect("one").expect("ok");
        assert_eq!(rec.source.url.as_deref(), Some("http://coast.example/2021/05/04/harbour"));
        assert_eq!(rec.source.record.as_deref(), Some("urn:uuid:2"));
        assert_eq!(rec.fetch.as_ref().and_then(|f| f.date.as_deref()), Some("2021-05-04T10:00:00Z"));
        let doc = rec.into_document(&Limits::default()).expect("document");
        assert_eq!(
            doc.text,
            "The harbour reopened on Monday after a week of repairs, the port authority said.\n\n\
Ferries will run on the normal timetable from Tuesday."
        );
        assert_eq!(doc.meta.published.as_deref(), Some("2021-05-04"));
        let s = stats.snapshot();
        assert_eq!(
            (s.warc_records, s.warc_articles, s.skipped_type, s.skipped_not_html, s.skipped_status),
            (5, 1, 2, 1, 1)
        );
    }
}

#[test]
fn per_record_gzip_and_chunked_gzip_bodies() {
    let gz_body = gzip_member(PAGE.as_bytes());
    let mut chunked =
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n"
            .to_vec();
    for part in gz_body.chunks(50) {
        chunked.extend_from_slice(format!("{:x}\r\n", part.len()).as_bytes());
        chunked.extend_from_slice(part);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let w = gzip_member(&record("response", "c", "http://x.example/c", "application/http", &chunked));
    let (out, _) = read(w, Limits::default());
    let rec = out.into_iter().next().expect("one").expect("ok");
    assert!(matches!(&rec.body, dateline_ingest::Body::Html(b) if b == PAGE.as_bytes()));
}

#[test]
fn broken_records_are_errors_and_reading_resyncs() {
    let good = |id: &str| response(id, &format!("http://x.example/{id}"), PAGE.as_bytes());
    // Garbage between records.
    let mut w = good("a");
    w.extend_from_slice(b"this is not a record\r\nnor this\r\n");
    w.extend(good("b"));
    // Content-Length too short: the rest of the block looks like garbage.
    let short = good("c");
    let text = String::from_utf8_lossy(&short).into_owned();
    let fixed = text.replacen(
        &format!("Content-Length: {}", http(200, "text/html; charset=utf-8", PAGE.as_bytes()).len()),
        "Content-Length: 100",
        1,
    );
    w.extend(fixed.into_bytes());
    w.extend(good("d"));
    // Content-Length too long: swallows the start of the next record.
    let long = String::from_utf8_lossy(&good("e")).replacen("Content-Length: ", "Content-Length: 9", 1).into_bytes();
    w.extend(long);
    w.extend(good("f"));
    // Missing Content-Length.
    w.extend_from_slice(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:g>\r\n\r\n");
    w.extend(good("h"));
    // Truncated at the end.
    let trunc = good("i");
    w.extend_from_slice(&trunc[..trunc.len() / 2]);

    let (out, stats) = read(w, Limits::default());
    let ok: Vec<String> = out.iter().filter_map(|r| r.as_ref().ok()).filter_map(|r| r.source.record.clone()).collect();
    let errs: Vec<String> = out.iter().filter_map(|r| r.as_ref().err()).map(ToString::to_string).collect();
    assert_eq!(ok, ["urn:uuid:a", "urn:uuid:b", "urn:uuid:d", "urn:uuid:f", "urn:uuid:h"], "{errs:#?}");
    assert!(errs.iter().any(|e| e.contains("expected a WARC/1.x version line")), "{errs:#?}");
    assert!(errs.iter().any(|e| e.contains("urn:uuid:c") && e.contains("Content-Length")), "{errs:#?}");
    assert!(errs.iter().any(|e| e.contains("urn:uuid:e") && e.contains("overruns")), "{errs:#?}");
    assert!(errs.iter().any(|e| e.contains("urn:uuid:g") && e.contains("Content-Length")), "{errs:#?}");
    assert!(errs.iter().any(|e| e.contains("urn:uuid:i") && e.contains("truncated")), "{errs:#?}");
    assert!(errs.iter().all(|e| e.starts_with("t.warc at byte ")), "{errs:#?}");
    assert_eq!(stats.snapshot().warc_errors as usize, errs.len());
}

#[test]
fn oversized_bodies_are_skipped_not_buffered() {
    let big = format!("<p>{}</p>", "x".repeat(200_000));
    let mut w = response("big", "http://x.example/big", big.as_bytes());
    w.extend(response("small", "http://x.example/small", PAGE.as_bytes()));
    let limits = Limits { max_page_bytes: 10_000, ..Limits::default() };
    let (out, _) = read(w, limits);
    assert!(matches!(&out[0], Err(IngestError::Warc { what, .. }) if what.contains("max_page_bytes")));
    assert!(out[1].is_ok());
}

#[test]
fn gzip_bomb_is_stopped() {
    // 1 MiB of zeros compresses about 1000:1; 16 members of it pass the ratio check.
    let member = gzip_member(&vec![0u8; 1 << 20]);
    let bomb: Vec<u8> = std::iter::repeat_n(member, 16).flatten().collect();
    let (out, _) = read(bomb.clone(), Limits::default());
    let errs: Vec<String> = out.iter().filter_map(|r| r.as_ref().err()).map(ToString::to_string).collect();
    assert!(errs.iter().any(|e| e.contains("gzip bomb")), "{errs:?}");
    let small = Limits { max_decompressed_bytes: 1 << 20, ..Limits::default() };
    let (out, _) = read(bomb, small);
    assert!(out.iter().any(|r| matches!(r, Err(e) if e.to_string().contains("max_decompressed_bytes"))));
}

fn samples_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/warc-samples");
    let dir = dir.canonicalize().unwrap_or(dir);
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(std::env::var_os("CI").is_none(), "CI is set but the WARC samples are missing");
    eprintln!("skipping: ../shared/data/warc-samples not found");
    None
}

#[test]
fn public_samples_read_without_panic_and_yield_pages() {
    let Some(dir) = samples_dir() else { return };
    let (records, stats) = read_inputs_with_stats(&[dir], Limits::default());
    let mut ok = 0;
    let mut errors = Vec::new();
    for r in records {
        match r {
            Ok(rec) if rec.source.format != dateline_text::Format::Warc => {}
            Ok(rec) => {
                ok += 1;
                assert!(rec.source.record.is_some(), "{:?}", rec.source);
                let _ = rec.into_document(&Limits::default());
            }
            Err(e) => errors.push(e.to_string()),
        }
    }
    let s = stats.snapshot();
    eprintln!("samples: {ok} articles, {} errors, {s:?}", errors.len());
    for e in &errors {
        eprintln!("  {e}");
    }
    assert!(ok >= 20, "{ok} articles");
    assert!(s.skipped_type > 0 && s.input_bytes > 0);
}

#[test]
fn warcio_cases() {
    let Some(dir) = samples_dir() else { return };
    let data = dir.join("warcio/test/data");
    let read_one = |name: &str| -> Vec<Result<Record, IngestError>> {
        read_inputs_with_stats(&[data.join(name)], Limits::default()).0.collect()
    };
    // A response with chunked transfer-encoding.
    let chunked = read_one("example-iana.org-chunked.warc");
    assert!(chunked.iter().any(|r| r.is_ok()), "{chunked:?}");
    // Truncated at the end: the complete records come through, then one error.
    let trunc = read_one("example-trunc.warc");
    assert!(trunc.iter().any(|r| r.is_err()), "{trunc:?}");
    // A space in the target URI is kept.
    let space = read_one("example-space-in-target-uri.warc.gz");
    assert!(space.iter().all(|r| r.as_ref().map_or(true, |r| r.source.url.is_some())));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn reader_takes_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..4096), prefix in any::<bool>()) {
        let mut input = if prefix { b"WARC/1.0\r\nContent-Length: 10\r\n\r\n".to_vec() } else { Vec::new() };
        input.extend(bytes);
        let (out, _) = read(input, Limits { max_page_bytes: 1 << 12, ..Limits::default() });
        for r in out.into_iter().flatten() {
            let _ = r.into_document(&Limits::default());
        }
    }

    #[test]
    fn reader_survives_any_cut_of_a_good_archive(cut in 0usize..2000, flip in 0usize..2000) {
        let mut w = response("a", "http://x.example/a", PAGE.as_bytes());
        w.extend(response("b", "http://x.example/b", PAGE.as_bytes()));
        let gz: Vec<u8> = gzip_member(&w);
        for mut bytes in [w, gz] {
            if let Some(b) = bytes.get_mut(flip) { *b ^= 0x55; }
            bytes.truncate(cut.max(1));
            let (out, _) = read(bytes, Limits::default());
            // Two records in: at most two articles out, and per record at most one record error
            // and one resync error, plus one error for the stream itself (a corrupt gzip member).
            prop_assert!(out.iter().filter(|r| r.is_ok()).count() <= 2);
            prop_assert!(out.len() <= 2 * 2 + 1, "{} items", out.len());
        }
    }
}
