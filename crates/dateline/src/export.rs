//! Export formats shared by `dateline analyze --format` and `dateline export`: JSON Lines (the
//! record), GDELT GKG 2.1 (one tab-separated line of 27 columns per article) and, with the
//! `parquet` feature, Parquet (`dateline-parquet`). The column mapping and the Parquet schema are
//! documented in docs/EXPORTS.md.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::Path;

use anyhow::{bail, Context, Result};
use clap::ValueEnum;
use dateline_analyze::gazetteer::Gazetteer;
use dateline_analyze::{Analysis, Entity, EntityType, Span};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// The analysis record, one JSON object per line (as `--json`).
    Jsonl,
    /// GDELT Global Knowledge Graph 2.1: 27 tab-separated columns, one article per line.
    Gkg,
    /// Apache Parquet with a nested schema (needs the `parquet` cargo feature).
    Parquet,
}

/// Where exported records go: a text format written record by record, or a Parquet file written
/// in row groups.
pub enum Exporter {
    /// JSON Lines or GKG.
    Text(Box<dyn Write + Send>, ExportFormat),
    /// Parquet.
    #[cfg(feature = "parquet")]
    Parquet(Box<dateline_parquet::ParquetSink<Box<dyn Write + Send>>>),
}

impl Exporter {
    /// Opens `out` (a file; standard output when `None` or `-`) for `format`. Parquet is binary,
    /// so it is never written to a terminal.
    pub fn open(format: ExportFormat, out: Option<&Path>) -> Result<Exporter> {
        let to_stdout = out.is_none_or(|p| p.as_os_str() == "-");
        let sink: Box<dyn Write + Send> = match out {
            Some(path) if !to_stdout => {
                Box::new(BufWriter::new(File::create(path).with_context(|| format!("creating {}", path.display()))?))
            }
            _ => Box::new(BufWriter::new(std::io::stdout())),
        };
        match format {
            ExportFormat::Jsonl | ExportFormat::Gkg => Ok(Exporter::Text(sink, format)),
            ExportFormat::Parquet => {
                if to_stdout && std::io::stdout().is_terminal() {
                    bail!("Parquet is binary: give --out FILE (or redirect standard output)");
                }
                Self::parquet(sink)
            }
        }
    }

    #[cfg(feature = "parquet")]
    fn parquet(sink: Box<dyn Write + Send>) -> Result<Exporter> {
        Ok(Exporter::Parquet(Box::new(dateline_parquet::ParquetSink::new(sink)?)))
    }

    #[cfg(not(feature = "parquet"))]
    fn parquet(_sink: Box<dyn Write + Send>) -> Result<Exporter> {
        bail!(
            "this dateline was built without Parquet support: build it with `cargo build --release \
             --features parquet` (docs/EXPORTS.md)"
        )
    }

    /// Writes one record.
    pub fn write(&mut self, a: Analysis, gazetteer: &Gazetteer) -> Result<()> {
        match self {
            Exporter::Text(out, format) => write_record(out, *format, &a, gazetteer),
            #[cfg(feature = "parquet")]
            Exporter::Parquet(sink) => Ok(sink.push(a)?),
        }
    }

    /// Flushes what is buffered (and writes the Parquet footer).
    pub fn finish(self) -> Result<()> {
        match self {
            Exporter::Text(mut out, _) => out.flush()?,
            #[cfg(feature = "parquet")]
            Exporter::Parquet(sink) => {
                let (_, mut out) = (*sink).finish()?;
                out.flush()?;
            }
        }
        Ok(())
    }
}

/// Writes one record in `format`.
pub fn write_record(out: &mut impl Write, format: ExportFormat, a: &Analysis, gazetteer: &Gazetteer) -> Result<()> {
    match format {
        ExportFormat::Jsonl => {
            serde_json::to_writer(&mut *out, a)?;
            writeln!(out)?;
        }
        ExportFormat::Gkg => writeln!(out, "{}", gkg_line(a, gazetteer))?,
        ExportFormat::Parquet => bail!("Parquet is written through `Exporter`, not record by record"),
    }
    Ok(())
}

/// Byte offsets to character (code point) offsets of one text, in O(64) per lookup.
struct CharOffsets<'a> {
    bytes: &'a [u8],
    /// Characters before each 64-byte block.
    blocks: Vec<usize>,
}

impl<'a> CharOffsets<'a> {
    fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / 64 + 1);
        let mut count = 0;
        for chunk in bytes.chunks(64) {
            blocks.push(count);
            count += chunk.iter().filter(|&&b| !is_continuation(b)).count();
        }
        CharOffsets { bytes, blocks }
    }

    /// The character offset of byte offset `b` (clamped to the text).
    fn at(&self, b: usize) -> usize {
        let b = b.min(self.bytes.len());
        let block = b / 64;
        let base = self.blocks.get(block).copied().unwrap_or_else(|| self.blocks.last().copied().unwrap_or(0));
        let start = (block * 64).min(self.bytes.len());
        base + self.bytes[start..b].iter().filter(|&&x| !is_continuation(x)).count()
    }

    /// Character length of a span.
    fn len(&self, s: Span) -> usize {
        self.at(s.1).saturating_sub(self.at(s.0))
    }
}

fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// Replaces tabs, line breaks and the given delimiters with spaces, so a value cannot break the
/// GKG structure.
fn clean(s: &str, delimiters: &[char]) -> String {
    s.chars()
        .map(|c| if c.is_control() || delimiters.contains(&c) { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Escapes text for the XML of the Extras column (and removes control characters).
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// `YYYYMMDDHHMMSS` of an ISO 8601 date or timestamp with at least a full date.
fn gkg_date(iso: &str) -> Option<String> {
    let b = iso.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    if !(digits(0..4) && b.get(4) == Some(&b'-') && digits(5..7) && b.get(7) == Some(&b'-') && digits(8..10)) {
        return None;
    }
    let mut out = format!("{}{}{}", &iso[0..4], &iso[5..7], &iso[8..10]);
    if b.get(10).is_some_and(|&c| c == b'T' || c == b' ') && digits(11..13) && digits(14..16) {
        out.push_str(&iso[11..13]);
        out.push_str(&iso[14..16]);
        out.push_str(if digits(17..19) { &iso[17..19] } else { "00" });
    } else {
        out.push_str("000000");
    }
    Some(out)
}

/// The host of a URL without `www.`, lowercased.
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?.split(':').next()?;
    (!host.is_empty()).then(|| host.trim_start_matches("www.").to_ascii_lowercase())
}

/// GKG location type and ADM1 code of a geocoded entity: 1 country, 2 US state, 3 US city,
/// 4 world city, 5 world state (ADM1).
fn location_type(e: &Entity, gazetteer: &Gazetteer) -> (u8, String) {
    let Some(geo) = &e.geo else { return (4, String::new()) };
    let id = u32::try_from(geo.geonames_id).unwrap_or(0);
    if gazetteer.country_by_code(&geo.country).is_some_and(|c| c.geonames_id == id) {
        return (1, geo.country.clone());
    }
    if let Some(place) = gazetteer.place_by_id(id) {
        let adm1 = place.admin1.as_deref().map(|a| format!("{}{a}", geo.country)).unwrap_or_default();
        return (if geo.country == "US" { 3 } else { 4 }, adm1);
    }
    if let Some(region) = gazetteer.admin1_by_name(&e.name).into_iter().find(|r| r.geonames_id == id) {
        return (if geo.country == "US" { 2 } else { 5 }, format!("{}{}", region.country, region.code));
    }
    (4, String::new())
}

/// A number as GDELT writes amounts: integers without a fraction.
fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// The GKG 2.1 line of one record (27 columns, no line break).
pub fn gkg_line(a: &Analysis, gazetteer: &Gazetteer) -> String {
    let chars = CharOffsets::new(&a.text);
    let date = a.published.as_deref().and_then(gkg_date);
    let mut cols: Vec<String> = vec![String::new(); 27];
    // 1 GKGRECORDID, 2 V2.1DATE.
    cols[0] = format!("{}-{}", date.as_deref().unwrap_or("00000000000000"), a.id);
    cols[1] = date.unwrap_or_default();
    // 3 V2SOURCECOLLECTIONIDENTIFIER (1 web, 2 citation only), 4 V2SOURCECOMMONNAME,
    // 5 V2DOCUMENTIDENTIFIER.
    match a.source.url.as_deref() {
        Some(url) => {
            cols[2] = "1".into();
            cols[3] = host(url).map(|h| clean(&h, &[])).unwrap_or_default();
            cols[4] = clean(url, &[]);
        }
        None => {
            cols[2] = "2".into();
            let path = a.source.path.as_deref().unwrap_or("");
            cols[4] = clean(
                &match &a.source.record {
                    Some(r) => format!("{path}#{r}"),
                    None => path.to_string(),
                },
                &[],
            );
        }
    }
    // 10 V1LOCATIONS, 11 V2ENHANCEDLOCATIONS.
    let (mut v1_locations, mut v2_locations) = (Vec::new(), Vec::new());
    for e in &a.entities {
        let Some(geo) = &e.geo else { continue };
        let (kind, adm1) = location_type(e, gazetteer);
        let name = clean(&e.name, &['#', ';']);
        let country = clean(&geo.country, &['#', ';']);
        v1_locations.push(format!("{kind}#{name}#{country}#{adm1}#{}#{}#{}", geo.lat, geo.lon, geo.geonames_id));
        for m in e.mentions.iter().filter(|m| m.via.is_none()) {
            v2_locations.push(format!(
                "{kind}#{name}#{country}#{adm1}##{}#{}#{}#{}",
                geo.lat,
                geo.lon,
                geo.geonames_id,
                chars.at(m.span.0)
            ));
        }
    }
    cols[9] = v1_locations.join(";");
    cols[10] = v2_locations.join(";");
    // 12-15 V1PERSONS, V2ENHANCEDPERSONS, V1ORGANIZATIONS, V2ENHANCEDORGANIZATIONS.
    for (kind, v1, v2) in [(EntityType::Person, 11, 12), (EntityType::Org, 13, 14)] {
        let mut names: Vec<String> = Vec::new();
        let mut seen = HashSet::new();
        let mut mentions = Vec::new();
        for e in a.entities.iter().filter(|e| e.kind == kind) {
            let name = clean(&e.name, &[',', ';']);
            if seen.insert(name.clone()) {
                names.push(name.clone());
            }
            for m in e.mentions.iter().filter(|m| m.via.is_none()) {
                mentions.push((chars.at(m.span.0), name.clone()));
            }
        }
        mentions.sort();
        cols[v1] = names.join(";");
        cols[v2] = mentions.iter().map(|(o, n)| format!("{n},{o}")).collect::<Vec<_>>().join(";");
    }
    // 16 V1.5TONE.
    if let Some(t) = &a.tone {
        cols[15] = format!(
            "{},{},{},{},{},{},{}",
            t.score, t.positive, t.negative, t.polarity, t.activity_density, t.self_group_density, t.word_count
        );
    }
    // 17 V2.1ENHANCEDDATES: resolution#month#day#year#offset.
    cols[16] = a
        .times
        .iter()
        .filter_map(|t| {
            let v = t.value.as_str();
            let b = v.as_bytes();
            let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
            if !digits(0..4) {
                return None;
            }
            let year = &v[0..4];
            let month = (b.get(4) == Some(&b'-') && digits(5..7)).then(|| &v[5..7]);
            let day = month.and_then(|_| (b.get(7) == Some(&b'-') && digits(8..10)).then(|| &v[8..10]));
            let n = |s: Option<&str>| s.and_then(|s| s.parse::<u32>().ok()).unwrap_or(0);
            let resolution = match (month, day) {
                (Some(_), Some(_)) => 4,
                (Some(_), None) => 2,
                _ => 1,
            };
            Some(format!("{resolution}#{}#{}#{}#{}", n(month), n(day), n(Some(year)), chars.at(t.span.0)))
        })
        .collect::<Vec<_>>()
        .join(";");
    // 23 V2.1QUOTATIONS: offset|length|verb|quote, blocks separated by #.
    cols[22] = a
        .quotes
        .iter()
        .map(|q| {
            format!(
                "{}|{}|{}|{}",
                chars.at(q.span.0),
                chars.len(q.span),
                clean(q.cue.as_deref().unwrap_or(""), &['|', '#']),
                clean(&q.content, &['|', '#'])
            )
        })
        .collect::<Vec<_>>()
        .join("#");
    // 24 V2.1ALLNAMES: every entity mention, as written, in text order.
    let mut names: Vec<(usize, String)> = a
        .entities
        .iter()
        .flat_map(|e| {
            e.mentions.iter().filter(|m| m.via.is_none()).map(|m| (chars.at(m.span.0), clean(&m.text, &[',', ';'])))
        })
        .collect();
    names.sort();
    cols[23] = names.iter().map(|(o, n)| format!("{n},{o}")).collect::<Vec<_>>().join(";");
    // 25 V2.1AMOUNTS: amount,object,offset.
    cols[24] = a
        .amounts
        .iter()
        .map(|x| {
            format!(
                "{},{},{}",
                number(x.value),
                clean(x.unit.as_deref().unwrap_or(""), &[',', ';']),
                chars.at(x.span.0)
            )
        })
        .collect::<Vec<_>>()
        .join(";");
    // 27 V2EXTRASXML: title, and what GDELT lacks: speakers of quotes and their tone.
    let mut extras = String::new();
    if let Some(title) = &a.title {
        let _ = write!(extras, "<PAGE_TITLE>{}</PAGE_TITLE>", xml(title));
    }
    if a.quotes.iter().any(|q| q.speaker_name.is_some()) {
        extras.push_str("<DATELINE_QUOTE_SPEAKERS>");
        for (i, q) in a.quotes.iter().enumerate() {
            let Some(name) = &q.speaker_name else { continue };
            let _ = write!(
                extras,
                "<QUOTE index=\"{i}\" offset=\"{}\" speaker=\"{}\" name=\"{}\"",
                chars.at(q.span.0),
                xml(q.speaker.as_deref().unwrap_or("")),
                xml(name)
            );
            if let Some(m) = &q.speaker_mention {
                let _ = write!(extras, " mention=\"{}\" mention_offset=\"{}\"", xml(&m.text), chars.at(m.span.0));
            }
            if let Some(t) = q.tone {
                let _ = write!(extras, " tone=\"{t}\"");
            }
            extras.push_str("/>");
        }
        extras.push_str("</DATELINE_QUOTE_SPEAKERS>");
    }
    if let Some(t) = a.tone.as_ref().filter(|t| !t.speakers.is_empty()) {
        extras.push_str("<DATELINE_SPEAKERS>");
        for s in &t.speakers {
            let _ = write!(
                extras,
                "<SPEAKER id=\"{}\" name=\"{}\" quotes=\"{}\" tone=\"{}\"/>",
                xml(&s.speaker),
                xml(s.name.as_deref().unwrap_or("")),
                s.quotes,
                s.tone
            );
        }
        extras.push_str("</DATELINE_SPEAKERS>");
    }
    cols[26] = extras;
    cols.join("\t")
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_analyze::{analyze, Resources};
    use dateline_ingest::{text_record, Limits};
    use proptest::prelude::*;
    use std::sync::LazyLock;

    static RESOURCES: LazyLock<Resources> = LazyLock::new(|| Resources::embedded().expect("embedded resources"));

    fn wire() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "NAIROBI (Wire) - ",
            "Ann Tallis",
            "said",
            "\"",
            "\u{201C}",
            "\u{201D}",
            "good",
            "not",
            "terrible",
            "on March 3, 2024",
            "some 1,200 people",
            "Kenya",
            "Acme Group",
            "\t",
            "#",
            "|",
            ";",
            ",",
            "<b>&",
            "\n\n",
            "é",
            ".",
        ]);
        prop::collection::vec(piece, 0..40).prop_map(|v| v.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
        /// Whatever the text, a GKG record is one line of exactly 27 columns.
        #[test]
        fn gkg_lines_always_have_27_columns(text in wire()) {
            let Ok(doc) = text_record("p.txt", text.into_bytes()).into_document(&Limits::default()) else { return Ok(()) };
            let a = analyze(&doc, &RESOURCES);
            let line = gkg_line(&a, &RESOURCES.gazetteer);
            prop_assert!(!line.contains('\n') && !line.contains('\r'));
            prop_assert_eq!(line.split('\t').count(), 27);
            let quotes = line.split('\t').nth(22).unwrap_or("");
            let blocks = if quotes.is_empty() { 0 } else { quotes.split('#').count() };
            prop_assert_eq!(blocks, a.quotes.len());
            prop_assert!(quotes.is_empty() || quotes.split('#').all(|b| b.split('|').count() == 4));
        }
    }

    #[test]
    fn char_offsets_count_code_points() {
        let text = "é".repeat(100) + "abc";
        let c = CharOffsets::new(&text);
        assert_eq!(c.at(0), 0);
        assert_eq!(c.at(2), 1);
        assert_eq!(c.at(130), 65);
        assert_eq!(c.at(200), 100);
        assert_eq!(c.at(203), 103);
        assert_eq!(c.at(10_000), 103);
        assert_eq!(c.len(Span(2, 6)), 2);
    }

    #[test]
    fn dates_and_hosts() {
        assert_eq!(gkg_date("2019-09-18").as_deref(), Some("20190918000000"));
        assert_eq!(gkg_date("2019-09-18T10:42:07Z").as_deref(), Some("20190918104207"));
        assert_eq!(gkg_date("2019-09"), None);
        assert_eq!(host("https://www.Example.org:8080/a/b?c").as_deref(), Some("example.org"));
        assert_eq!(host("not a url"), None);
        assert_eq!(clean("a\tb;c#d\n", &[';', '#']), "a b c d");
        assert_eq!(xml("<a & \"b\">"), "&lt;a &amp; &quot;b&quot;&gt;");
        assert_eq!(number(1_200_000.0), "1200000");
        assert_eq!(number(2.5), "2.5");
    }
}
