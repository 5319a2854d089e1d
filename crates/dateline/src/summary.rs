//! Readable, terminal-sized renderings of records, hits and statistics.

use std::io::{self, Write};
use std::path::Path;

use dateline_analyze::{Analysis, RepairKind};
use dateline_store::{SearchHit, Stats};

/// A writer for human-readable output on a terminal: control characters from article text
/// (ESC and OSC sequences that could move the cursor or set the window title, C1 controls,
/// backspace, carriage return, DEL) are written as visible escapes (`\x1b`, `\u{9b}`); newline
/// and tab pass. Writes are `str` pieces from `write!`, so characters are never split across
/// calls.
pub struct TerminalSafe<W: Write> {
    inner: W,
}

impl<W: Write> TerminalSafe<W> {
    pub fn new(inner: W) -> Self {
        TerminalSafe { inner }
    }
}

impl<W: Write> Write for TerminalSafe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut from = 0;
        let mut i = 0;
        while i < buf.len() {
            let b = buf[i];
            let c1 = b == 0xC2 && buf.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n));
            if c1 || b == 0x7F || b < 0x20 && b != b'\n' && b != b'\t' {
                self.inner.write_all(&buf[from..i])?;
                if c1 {
                    write!(self.inner, "\\u{{{:x}}}", buf[i + 1])?;
                    i += 1;
                } else {
                    write!(self.inner, "\\x{b:02x}")?;
                }
                from = i + 1;
            }
            i += 1;
        }
        self.inner.write_all(&buf[from..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// `s` on one line of a terminal: newlines and other control characters escaped (file names
/// and messages on stderr).
pub fn one_line(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() }).collect()
}

/// Longest piece of content shown for a quote before it is cut.
const QUOTE_CHARS: usize = 90;

/// A few lines saying what the analysis found.
pub fn write_analysis(out: &mut impl Write, a: &Analysis) -> io::Result<()> {
    let origin = a.source.url.as_deref().or(a.source.path.as_deref()).unwrap_or("-");
    let record = a.source.record.as_deref().map(|r| format!(":{r}")).unwrap_or_default();
    writeln!(out, "{}  {origin}{record}", a.id)?;
    if let Some(title) = &a.title {
        writeln!(out, "  title:     {title}")?;
    }
    writeln!(out, "  published: {}", a.published.as_deref().unwrap_or("unknown"))?;
    if let Some(h) = &a.header {
        writeln!(out, "  header:    {} {}", h.date.as_deref().unwrap_or("-"), h.author.as_deref().unwrap_or(""))?;
    }
    if let Some(d) = &a.dateline {
        let place = d.place.as_deref().unwrap_or("?");
        let country = d.country.as_deref().map(|c| format!(", {c}")).unwrap_or_default();
        let date = d.date.as_deref().map(|c| format!("  {c}")).unwrap_or_default();
        let credit = if d.sources.is_empty() { String::new() } else { format!(" ({})", d.sources.join(" / ")) };
        writeln!(out, "  dateline:  {place}{country}{credit}{date}")?;
    }
    let sentences = dateline_text::segment::sentences(&a.text).len();
    writeln!(out, "  text:      {} bytes, {sentences} sentence(s)", a.text.len())?;
    if !a.text_repairs.is_empty() {
        let fffd = a.text_repairs.iter().filter(|r| r.kind == RepairKind::ReplacementChar).count();
        let guessed = a.text_repairs.iter().filter(|r| r.guess.is_some()).count();
        writeln!(
            out,
            "  repairs:   {} ({fffd} replacement character(s), {guessed} with a proposed original)",
            a.text_repairs.len()
        )?;
    }
    for e in &a.entities {
        let title = e.title.as_deref().map(|t| format!(" [{t}]")).unwrap_or_default();
        writeln!(out, "  {:<7} {}{title}  ({} mention(s))", e.kind, e.name, e.mentions.len())?;
    }
    for q in &a.quotes {
        let who = q.speaker_name.as_deref().unwrap_or("(unresolved)");
        writeln!(out, "  quote   {who} {}: {}", q.cue.as_deref().unwrap_or(""), cut(&q.content, QUOTE_CHARS))?;
    }
    if !a.times.is_empty() {
        let times: Vec<String> = a.times.iter().map(|t| format!("{} = {}", t.text, t.value)).collect();
        writeln!(out, "  times:     {}", times.join("; "))?;
    }
    if !a.amounts.is_empty() {
        let amounts: Vec<&str> = a.amounts.iter().map(|m| m.text.as_str()).collect();
        writeln!(out, "  amounts:   {}", amounts.join("; "))?;
    }
    Ok(())
}

/// One search result: rank, id, date, place, title and snippet.
pub fn write_hit(out: &mut impl Write, rank: usize, hit: &SearchHit) -> io::Result<()> {
    let date = hit.published.as_deref().unwrap_or("----------");
    let place = hit.place.as_deref().unwrap_or("");
    let credit = if hit.sources.is_empty() { String::new() } else { format!(" ({})", hit.sources.join(" / ")) };
    writeln!(out, "{rank:>3}. {}  {date}  {place}{credit}", hit.id)?;
    if let Some(title) = &hit.title {
        writeln!(out, "     {title}")?;
    }
    writeln!(out, "     {}", hit.snippet.replace('\n', " "))?;
    Ok(())
}

/// The store in a few lines.
pub fn write_stats(out: &mut impl Write, db: &Path, s: &Stats) -> io::Result<()> {
    writeln!(out, "store:     {} (schema version {})", db.display(), s.schema_version)?;
    writeln!(
        out,
        "articles:  {} ({:.1} MB of text, {} text repair(s))",
        s.articles,
        s.bytes_of_text as f64 / 1e6,
        s.repairs
    )?;
    writeln!(
        out,
        "published: {} .. {}",
        s.first_published.as_deref().unwrap_or("?"),
        s.last_published.as_deref().unwrap_or("?")
    )?;
    let list = |v: &[(String, u64)]| v.iter().map(|(n, c)| format!("{n} ({c})")).collect::<Vec<_>>().join(", ");
    if !s.sources.is_empty() {
        writeln!(out, "credits:   {}", list(&s.sources))?;
    }
    if !s.places.is_empty() {
        writeln!(out, "places:    {}", list(&s.places))?;
    }
    Ok(())
}

/// The first `n` characters of `s`, with an ellipsis when cut.
fn cut(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}\u{2026}", &s[..i]),
        None => s.to_string(),
    }
}
