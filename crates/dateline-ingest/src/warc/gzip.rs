//! Opening a possibly gzipped stream, with the decompressed size capped.
//!
//! WARC files are gzipped record by record (multi-member gzip), so `MultiGzDecoder` reads them
//! as one stream. A gzip bomb expands a few kilobytes into gigabytes; we count both sides and
//! stop with an error when the total passes [`Limits::max_decompressed_bytes`] or the ratio
//! passes [`Limits::max_compression_ratio`] once 8 MiB has been read to judge.

use std::io::{self, BufRead, BufReader, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use flate2::bufread::MultiGzDecoder;

use crate::Limits;

/// Below this many decompressed bytes the ratio is not checked: small files of repetitive
/// HTML compress very well and are harmless.
const RATIO_GRACE: u64 = 8 << 20;

/// Counts bytes as they are read, into a shared counter the caller can watch.
pub(crate) struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R> Counting<R> {
    /// Wraps `inner`; every byte read is added to `count`.
    pub fn new(inner: R, count: Arc<AtomicU64>) -> Self {
        Counting { inner, count }
    }
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// A decompressed stream that fails once it expands past the limits.
struct Capped<R> {
    inner: R,
    out: u64,
    compressed: Arc<AtomicU64>,
    start: u64,
    max: u64,
    ratio: u64,
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.out += n as u64;
        let read_in = self.compressed.load(Ordering::Relaxed).saturating_sub(self.start).max(1);
        if self.out > self.max {
            return Err(io::Error::other(format!(
                "decompressed size passed the limit of {} bytes (max_decompressed_bytes)",
                self.max
            )));
        }
        if self.out > RATIO_GRACE && self.out / read_in > self.ratio {
            return Err(io::Error::other(format!(
                "compression ratio above {}:1 (max_compression_ratio): likely a gzip bomb",
                self.ratio
            )));
        }
        Ok(n)
    }
}

/// Opens `reader` as plain or gzip (told by the magic bytes), decompressed and capped.
/// `compressed` counts the bytes read from `reader`.
pub fn open_stream<R: Read + Send + 'static>(
    reader: R,
    compressed: Arc<AtomicU64>,
    limits: &Limits,
) -> io::Result<Box<dyn BufRead + Send>> {
    let start = compressed.load(Ordering::Relaxed);
    let mut buffered = BufReader::with_capacity(256 << 10, Counting::new(reader, Arc::clone(&compressed)));
    let magic = buffered.fill_buf()?;
    if magic.starts_with(&[0x1f, 0x8b]) {
        let capped = Capped {
            inner: MultiGzDecoder::new(buffered),
            out: 0,
            compressed,
            start,
            max: limits.max_decompressed_bytes,
            ratio: limits.max_compression_ratio.max(1),
        };
        Ok(Box::new(BufReader::with_capacity(256 << 10, capped)))
    } else {
        Ok(Box::new(buffered))
    }
}

/// Below this many decoded bytes an HTTP body's expansion ratio is not checked.
const BODY_RATIO_GRACE: u64 = 1 << 20;

/// Decompresses a gzip or deflate HTTP body, at most `max` bytes and, past 1 MiB, at most
/// `ratio` times the encoded size (one body's bomb is stopped before it fills memory).
pub fn inflate(body: &[u8], encoding: &str, max: usize, ratio: u64) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    let by_ratio = (body.len() as u64).saturating_mul(ratio.max(1)).max(BODY_RATIO_GRACE);
    let limit = (max as u64).min(by_ratio) + 1;
    match encoding {
        "gzip" | "x-gzip" => MultiGzDecoder::new(body).take(limit).read_to_end(&mut out)?,
        "deflate" => {
            // Servers send zlib-wrapped or raw deflate under this name; try both.
            let r = flate2::bufread::ZlibDecoder::new(body).take(limit).read_to_end(&mut out);
            if r.is_err() {
                out.clear();
                flate2::bufread::DeflateDecoder::new(body).take(limit).read_to_end(&mut out)?
            } else {
                out.len()
            }
        }
        other => return Err(io::Error::other(format!("unsupported Content-Encoding {other:?}"))),
    };
    if out.len() > max {
        return Err(io::Error::other(format!("decoded body passed the limit of {max} bytes (max_page_bytes)")));
    }
    if out.len() as u64 > by_ratio {
        return Err(io::Error::other(format!(
            "decoded body expands more than {ratio}:1 (max_compression_ratio): likely a gzip bomb"
        )));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(bytes).expect("compress");
        e.finish().expect("compress")
    }

    /// A 147 KB WARC.gz reached 4.2 GB: one body's gzip had no ratio check.
    #[test]
    fn one_body_bomb_is_stopped_by_its_ratio() {
        let bomb = gzip(&vec![b' '; 12 << 20]);
        let err = inflate(&bomb, "gzip", 16 << 20, 100).expect_err("a 1000:1 body is refused");
        assert!(err.to_string().contains("100:1"), "{err}");
        // A body under 1 MiB decoded is not judged by its ratio.
        let tiny = vec![b'x'; 500_000];
        assert_eq!(inflate(&gzip(&tiny), "gzip", 16 << 20, 100).expect("under the grace size"), tiny);
    }
}
