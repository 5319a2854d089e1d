//! A byte stream with an offset, capped line reads, skipping, and push-back (to give back
//! bytes read past a record whose `Content-Length` was too long).

use std::io::{self, BufRead, Read};

/// The decompressed WARC stream.
pub struct Stream<R> {
    inner: R,
    /// Bytes given back, read before `inner`.
    back: Vec<u8>,
    back_pos: usize,
    offset: u64,
}

impl<R: BufRead> Stream<R> {
    /// Wraps a reader positioned at offset 0.
    pub fn new(inner: R) -> Self {
        Stream { inner, back: Vec::new(), back_pos: 0, offset: 0 }
    }

    /// Offset of the next byte in the decompressed stream.
    pub fn offset(&self) -> u64 {
        self.offset
    }

    /// Gives bytes back: they are read again before the rest of the stream.
    pub fn unread(&mut self, bytes: &[u8]) {
        let mut v = bytes.to_vec();
        v.extend_from_slice(&self.back[self.back_pos..]);
        self.back = v;
        self.back_pos = 0;
        self.offset = self.offset.saturating_sub(bytes.len() as u64);
    }

    fn fill(&mut self) -> io::Result<&[u8]> {
        if self.back_pos < self.back.len() {
            return Ok(&self.back[self.back_pos..]);
        }
        if !self.back.is_empty() {
            self.back.clear();
            self.back_pos = 0;
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, n: usize) {
        if self.back_pos < self.back.len() {
            self.back_pos += n;
        } else {
            self.inner.consume(n);
        }
        self.offset += n as u64;
    }

    /// Reads a line including its `\n`; a line longer than `max` is returned cut at `max`
    /// (the rest comes as the next line). `None` at the end of the stream.
    pub fn read_line(&mut self, max: usize) -> io::Result<Option<Vec<u8>>> {
        let mut line = Vec::new();
        loop {
            let buf = self.fill()?;
            if buf.is_empty() {
                return Ok((!line.is_empty()).then_some(line));
            }
            let room = max.saturating_sub(line.len()).max(1);
            let window = &buf[..buf.len().min(room)];
            match window.iter().position(|&b| b == b'\n') {
                Some(i) => {
                    line.extend_from_slice(&window[..=i]);
                    self.consume(i + 1);
                    return Ok(Some(line));
                }
                None => {
                    let n = window.len();
                    line.extend_from_slice(window);
                    self.consume(n);
                    if line.len() >= max {
                        return Ok(Some(line));
                    }
                }
            }
        }
    }

    /// Reads up to `len` bytes (fewer at the end of the stream).
    pub fn read_exact_len(&mut self, len: u64) -> io::Result<Vec<u8>> {
        let mut out = Vec::with_capacity(usize::try_from(len.min(1 << 24)).unwrap_or(0));
        let mut left = len;
        while left > 0 {
            let buf = self.fill()?;
            if buf.is_empty() {
                break;
            }
            let n = buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
            out.extend_from_slice(&buf[..n]);
            self.consume(n);
            left -= n as u64;
        }
        Ok(out)
    }

    /// Skips up to `len` bytes without keeping them; returns how many were skipped.
    pub fn skip(&mut self, len: u64) -> io::Result<u64> {
        let mut left = len;
        while left > 0 {
            let buf = self.fill()?;
            if buf.is_empty() {
                break;
            }
            let n = buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
            self.consume(n);
            left -= n as u64;
        }
        Ok(len - left)
    }

    /// Consumes the blank line(s) that end a record; true when they were exactly `\r\n\r\n`
    /// (or the stream ended cleanly, or a lenient `\n\n`).
    pub fn skip_record_end(&mut self) -> bool {
        let mut seen = Vec::with_capacity(4);
        while seen.len() < 4 {
            let Ok(buf) = self.fill() else { return false };
            match buf.first() {
                None => return seen.is_empty() || seen == b"\r\n" || seen == b"\n",
                Some(&b) if b == b'\r' || b == b'\n' => {
                    seen.push(b);
                    self.consume(1);
                    if seen == b"\n\n" {
                        return true;
                    }
                }
                Some(_) => return false,
            }
        }
        seen == b"\r\n\r\n"
    }
}

impl<R: BufRead> Read for Stream<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let buf = self.fill()?;
        let n = buf.len().min(out.len());
        out[..n].copy_from_slice(&buf[..n]);
        self.consume(n);
        Ok(n)
    }
}
