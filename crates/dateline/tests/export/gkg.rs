//! Exports: a GKG 2.1 reader written from GDELT's published codebook ("The GDELT Global Knowledge
//! Graph (GKG) Data Format Codebook V2.1"), parsing what `dateline analyze --format gkg` and
//! `dateline export --format gkg` write and checking every column dateline fills against the
//! JSON record of the same article.

use std::collections::BTreeSet;

use serde_json::Value;

use super::{bin, records, run, stdout};

/// The 27 columns of a GKG 2.1 record, in codebook order.
const COLUMNS: [&str; 27] = [
    "GKGRECORDID",
    "V2.1DATE",
    "V2SOURCECOLLECTIONIDENTIFIER",
    "V2SOURCECOMMONNAME",
    "V2DOCUMENTIDENTIFIER",
    "V1COUNTS",
    "V2.1COUNTS",
    "V1THEMES",
    "V2ENHANCEDTHEMES",
    "V1LOCATIONS",
    "V2ENHANCEDLOCATIONS",
    "V1PERSONS",
    "V2ENHANCEDPERSONS",
    "V1ORGANIZATIONS",
    "V2ENHANCEDORGANIZATIONS",
    "V1.5TONE",
    "V2.1ENHANCEDDATES",
    "V2GCAM",
    "V2.1SHARINGIMAGE",
    "V2.1RELATEDIMAGES",
    "V2.1SOCIALIMAGEEMBEDS",
    "V2.1SOCIALVIDEOEMBEDS",
    "V2.1QUOTATIONS",
    "V2.1ALLNAMES",
    "V2.1AMOUNTS",
    "V2.1TRANSLATIONINFO",
    "V2EXTRASXML",
];

/// One parsed GKG record.
struct Gkg<'a> {
    cols: Vec<&'a str>,
}

/// V2ENHANCEDLOCATIONS block: type#name#country#ADM1#ADM2#lat#lon#featureid#offset.
#[derive(Debug, PartialEq)]
struct Location {
    kind: u8,
    name: String,
    country: String,
    adm1: String,
    lat: f64,
    lon: f64,
    feature: String,
    offset: Option<usize>,
}

impl<'a> Gkg<'a> {
    fn parse(line: &'a str) -> Gkg<'a> {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), COLUMNS.len(), "a GKG 2.1 record has 27 columns: {line}");
        Gkg { cols }
    }

    fn col(&self, name: &str) -> &'a str {
        let i = COLUMNS.iter().position(|c| *c == name).expect("known column");
        self.cols[i]
    }

    /// Semicolon-delimited blocks of a column (empty column: none).
    fn blocks(&self, name: &str) -> Vec<&'a str> {
        let c = self.col(name);
        if c.is_empty() {
            Vec::new()
        } else {
            c.split(';').collect()
        }
    }

    /// V1LOCATIONS (7 fields) or V2ENHANCEDLOCATIONS (9 fields).
    fn locations(&self, name: &str) -> Vec<Location> {
        self.blocks(name)
            .into_iter()
            .map(|b| {
                let f: Vec<&str> = b.split('#').collect();
                let v2 = f.len() == 9;
                assert!(f.len() == 7 || v2, "location block {b}");
                let (lat, lon, feature) = if v2 { (f[5], f[6], f[7]) } else { (f[4], f[5], f[6]) };
                Location {
                    kind: f[0].parse().expect("location type"),
                    name: f[1].to_string(),
                    country: f[2].to_string(),
                    adm1: f[3].to_string(),
                    lat: lat.parse().expect("latitude"),
                    lon: lon.parse().expect("longitude"),
                    feature: feature.to_string(),
                    offset: v2.then(|| f[8].parse().expect("offset")),
                }
            })
            .collect()
    }

    /// `name,offset` blocks (V2ENHANCEDPERSONS, V2ENHANCEDORGANIZATIONS, V2.1ALLNAMES).
    fn names_with_offsets(&self, name: &str) -> Vec<(String, usize)> {
        self.blocks(name)
            .into_iter()
            .map(|b| {
                let (n, o) = b.rsplit_once(',').expect("name,offset");
                (n.to_string(), o.parse().expect("offset"))
            })
            .collect()
    }

    /// V1.5TONE: tone, positive, negative, polarity, activity, self/group, word count.
    fn tone(&self) -> Option<[f64; 7]> {
        let c = self.col("V1.5TONE");
        (!c.is_empty()).then(|| {
            let v: Vec<f64> = c.split(',').map(|x| x.parse().expect("tone number")).collect();
            v.try_into().expect("seven tone fields")
        })
    }

    /// V2.1ENHANCEDDATES: resolution#month#day#year#offset.
    fn dates(&self) -> Vec<[usize; 5]> {
        self.blocks("V2.1ENHANCEDDATES")
            .into_iter()
            .map(|b| {
                let v: Vec<usize> = b.split('#').map(|x| x.parse().expect("date field")).collect();
                v.try_into().expect("five date fields")
            })
            .collect()
    }

    /// V2.1QUOTATIONS: blocks separated by `#`, fields by `|`: offset|length|verb|quote.
    fn quotations(&self) -> Vec<(usize, usize, String, String)> {
        let c = self.col("V2.1QUOTATIONS");
        if c.is_empty() {
            return Vec::new();
        }
        c.split('#')
            .map(|b| {
                let f: Vec<&str> = b.splitn(4, '|').collect();
                assert_eq!(f.len(), 4, "quotation block {b}");
                (f[0].parse().expect("offset"), f[1].parse().expect("length"), f[2].to_string(), f[3].to_string())
            })
            .collect()
    }

    /// V2.1AMOUNTS: amount,object,offset.
    fn amounts(&self) -> Vec<(f64, String, usize)> {
        self.blocks("V2.1AMOUNTS")
            .into_iter()
            .map(|b| {
                let f: Vec<&str> = b.split(',').collect();
                assert_eq!(f.len(), 3, "amount block {b}");
                (f[0].parse().expect("amount"), f[1].to_string(), f[2].parse().expect("offset"))
            })
            .collect()
    }

    /// The attributes of each `<TAG .../>` element inside `<WRAPPER>` in V2EXTRASXML.
    fn extras(&self, wrapper: &str, tag: &str) -> Vec<Vec<(String, String)>> {
        let x = self.col("V2EXTRASXML");
        let open = format!("<{wrapper}>");
        let Some(start) = x.find(&open) else { return Vec::new() };
        let inner = &x[start + open.len()..x.find(&format!("</{wrapper}>")).expect("closed wrapper")];
        inner
            .split(&format!("<{tag} "))
            .skip(1)
            .map(|el| {
                let el = el.trim_end_matches("/>");
                let mut attrs = Vec::new();
                let mut rest = el;
                while let Some(eq) = rest.find("=\"") {
                    let key = rest[..eq].trim().to_string();
                    let after = &rest[eq + 2..];
                    let end = after.find('"').expect("closing quote");
                    attrs.push((key, unescape(&after[..end])));
                    rest = &after[end + 1..];
                }
                attrs
            })
            .collect()
    }
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

fn attr<'a>(attrs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

/// Character offset of byte offset `b` in `text`.
fn chars(text: &str, b: &Value) -> usize {
    let b = b.as_u64().expect("span bound") as usize;
    text[..b].chars().count()
}

/// What GKG writes for a free-text value: no tabs, line breaks or the column's delimiters.
fn clean(s: &str, delimiters: &[char]) -> String {
    s.chars()
        .map(|c| if c.is_control() || delimiters.contains(&c) { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Checks one GKG line against the JSON record of the same article.
fn check(line: &str, r: &Value) {
    let g = Gkg::parse(line);
    let text = r["text"].as_str().expect("text");
    let id = r["id"].as_str().expect("id");
    assert!(g.col("GKGRECORDID").ends_with(&format!("-{id}")), "{}", g.col("GKGRECORDID"));
    // DATE.
    match r["published"].as_str().filter(|p| p.len() >= 10) {
        Some(p) => assert_eq!(g.col("V2.1DATE"), format!("{}{}{}000000", &p[0..4], &p[5..7], &p[8..10])),
        None => assert_eq!(g.col("V2.1DATE"), ""),
    }
    // Source: a URL is a web document; otherwise the path is a citation.
    match r["source"]["url"].as_str() {
        Some(url) => {
            assert_eq!(g.col("V2SOURCECOLLECTIONIDENTIFIER"), "1");
            assert_eq!(g.col("V2DOCUMENTIDENTIFIER"), clean(url, &[]));
            assert!(url.contains(g.col("V2SOURCECOMMONNAME")) && !g.col("V2SOURCECOMMONNAME").is_empty());
        }
        None => {
            assert_eq!(g.col("V2SOURCECOLLECTIONIDENTIFIER"), "2");
            assert!(g.col("V2DOCUMENTIDENTIFIER").starts_with(r["source"]["path"].as_str().expect("path")));
        }
    }
    // Columns dateline leaves empty.
    for c in
        ["V1COUNTS", "V2.1COUNTS", "V1THEMES", "V2ENHANCEDTHEMES", "V2GCAM", "V2.1SHARINGIMAGE", "V2.1TRANSLATIONINFO"]
    {
        assert_eq!(g.col(c), "", "{c}");
    }
    let entities = r["entities"].as_array().expect("entities");
    let named = |e: &Value| -> Vec<usize> {
        e["mentions"]
            .as_array()
            .expect("mentions")
            .iter()
            .filter(|m| m.get("via").is_none_or(Value::is_null))
            .map(|m| chars(text, &m["span"][0]))
            .collect()
    };
    // Locations: every geocoded entity once in V1, once per named mention (with its offset) in V2.
    let geocoded: Vec<&Value> = entities.iter().filter(|e| !e["geo"].is_null()).collect();
    let v1 = g.locations("V1LOCATIONS");
    assert_eq!(v1.len(), geocoded.len());
    let v2 = g.locations("V2ENHANCEDLOCATIONS");
    let mut expected_v2 = 0;
    for (e, loc) in geocoded.iter().zip(&v1) {
        let geo = &e["geo"];
        assert_eq!(loc.name, clean(e["name"].as_str().expect("name"), &['#', ';']));
        assert_eq!(loc.country, geo["country"].as_str().expect("country"));
        assert_eq!(loc.feature, geo["geonames_id"].to_string());
        assert!((loc.lat - geo["lat"].as_f64().expect("lat")).abs() < 1e-9);
        assert!((loc.lon - geo["lon"].as_f64().expect("lon")).abs() < 1e-9);
        assert!((1..=5).contains(&loc.kind), "{loc:?}");
        if loc.kind == 1 {
            assert_eq!(loc.adm1, loc.country);
        } else if !loc.adm1.is_empty() {
            assert!(loc.adm1.starts_with(&loc.country), "{loc:?}");
        }
        for offset in named(e) {
            expected_v2 += 1;
            let hit = v2.iter().find(|l| l.offset == Some(offset) && l.name == loc.name);
            let hit = hit.unwrap_or_else(|| panic!("V2 location {} at {offset}", loc.name));
            assert_eq!((hit.kind, &hit.adm1, &hit.feature), (loc.kind, &loc.adm1, &loc.feature));
        }
    }
    assert_eq!(v2.len(), expected_v2);
    // Persons and organisations: unique names in V1, each named mention with its offset in V2.
    for (kind, v1c, v2c) in
        [("PERSON", "V1PERSONS", "V2ENHANCEDPERSONS"), ("ORG", "V1ORGANIZATIONS", "V2ENHANCEDORGANIZATIONS")]
    {
        let of_kind: Vec<&Value> = entities.iter().filter(|e| e["type"] == kind).collect();
        let names: BTreeSet<String> =
            of_kind.iter().map(|e| clean(e["name"].as_str().expect("name"), &[',', ';'])).collect();
        let got: BTreeSet<String> = g.blocks(v1c).into_iter().map(str::to_string).collect();
        assert_eq!(got, names, "{v1c}");
        let mut expected: Vec<(String, usize)> = of_kind
            .iter()
            .flat_map(|e| {
                let n = clean(e["name"].as_str().expect("name"), &[',', ';']);
                named(e).into_iter().map(move |o| (n.clone(), o))
            })
            .collect();
        expected.sort_by_key(|(n, o)| (*o, n.clone()));
        let mut got = g.names_with_offsets(v2c);
        got.sort_by_key(|(n, o)| (*o, n.clone()));
        assert_eq!(got, expected, "{v2c}");
    }
    // Tone.
    match (g.tone(), r["tone"].as_object()) {
        (Some(t), Some(tone)) => {
            let keys =
                ["score", "positive", "negative", "polarity", "activity_density", "self_group_density", "word_count"];
            for (k, v) in keys.iter().zip(t) {
                assert!((tone[*k].as_f64().expect("tone field") - v).abs() < 1e-9, "tone {k}");
            }
            assert!((t[0] - (t[1] - t[2])).abs() < 1e-3, "tone = positive - negative");
        }
        (None, None) => {}
        (g, r) => panic!("tone: GKG {g:?}, record {r:?}"),
    }
    // Dates: every time with at least a year, at its offset, with month and day as resolved.
    let times: Vec<&Value> = r["times"]
        .as_array()
        .expect("times")
        .iter()
        .filter(|t| t["value"].as_str().is_some_and(|v| v.len() >= 4 && v[..4].bytes().all(|b| b.is_ascii_digit())))
        .collect();
    let dates = g.dates();
    assert_eq!(dates.len(), times.len());
    for (t, d) in times.iter().zip(&dates) {
        let v = t["value"].as_str().expect("value");
        assert_eq!(d[3], v[..4].parse::<usize>().expect("year"));
        assert_eq!(d[4], chars(text, &t["span"][0]));
        let full = v.len() >= 10 && v.as_bytes()[7] == b'-';
        if full {
            assert_eq!((d[0], d[1], d[2]), (4, v[5..7].parse().expect("m"), v[8..10].parse().expect("d")));
        } else {
            assert!(d[0] == 2 || d[0] == 1, "{v} {d:?}");
        }
    }
    // Quotations: offset, length (characters), verb and quote of every quote, in order.
    let quotes = r["quotes"].as_array().expect("quotes");
    let q = g.quotations();
    assert_eq!(q.len(), quotes.len());
    for (x, (offset, length, verb, quote)) in quotes.iter().zip(&q) {
        let (s, e) = (chars(text, &x["span"][0]), chars(text, &x["span"][1]));
        assert_eq!((*offset, *length), (s, e - s));
        assert_eq!(verb, &clean(x["cue"].as_str().unwrap_or(""), &['|', '#']));
        assert_eq!(quote, &clean(x["content"].as_str().expect("content"), &['|', '#']));
    }
    // All names: every named mention as written, with its offset.
    let mut all: Vec<(String, usize)> = entities
        .iter()
        .flat_map(|e| e["mentions"].as_array().expect("mentions").iter())
        .filter(|m| m.get("via").is_none_or(Value::is_null))
        .map(|m| (clean(m["text"].as_str().expect("text"), &[',', ';']), chars(text, &m["span"][0])))
        .collect();
    all.sort_by_key(|(n, o)| (*o, n.clone()));
    let mut got = g.names_with_offsets("V2.1ALLNAMES");
    got.sort_by_key(|(n, o)| (*o, n.clone()));
    assert_eq!(got, all);
    // Amounts: value, object (unit) and offset.
    let amounts = r["amounts"].as_array().expect("amounts");
    let got = g.amounts();
    assert_eq!(got.len(), amounts.len());
    for (x, (value, object, offset)) in amounts.iter().zip(&got) {
        assert!((x["value"].as_f64().expect("value") - value).abs() <= 1e-9 * value.abs().max(1.0));
        assert_eq!(object, &clean(x["unit"].as_str().unwrap_or(""), &[',', ';']));
        assert_eq!(*offset, chars(text, &x["span"][0]));
    }
    // Extras: the title, each quote's speaker, and each speaker's tone.
    if let Some(title) = r["title"].as_str() {
        assert!(g.col("V2EXTRASXML").contains("<PAGE_TITLE>"), "title");
        assert!(!title.is_empty());
    }
    let quote_speakers = g.extras("DATELINE_QUOTE_SPEAKERS", "QUOTE");
    let attributed: Vec<(usize, &Value)> =
        quotes.iter().enumerate().filter(|(_, q)| !q["speaker_name"].is_null()).collect();
    assert_eq!(quote_speakers.len(), attributed.len());
    for ((i, q), attrs) in attributed.iter().zip(&quote_speakers) {
        assert_eq!(attr(attrs, "index"), Some(i.to_string().as_str()));
        assert_eq!(attr(attrs, "name"), q["speaker_name"].as_str());
        assert_eq!(attr(attrs, "speaker").unwrap_or(""), q["speaker"].as_str().unwrap_or(""));
        assert_eq!(attr(attrs, "offset"), Some(chars(text, &q["span"][0]).to_string().as_str()));
        if let Some(m) = q["speaker_mention"].as_object() {
            assert_eq!(attr(attrs, "mention"), m["text"].as_str());
        }
    }
    let speakers = g.extras("DATELINE_SPEAKERS", "SPEAKER");
    let expected = r["tone"]["speakers"].as_array().cloned().unwrap_or_default();
    assert_eq!(speakers.len(), expected.len());
    for (s, attrs) in expected.iter().zip(&speakers) {
        assert_eq!(attr(attrs, "id"), s["speaker"].as_str());
        assert_eq!(attr(attrs, "name").unwrap_or(""), s["name"].as_str().unwrap_or(""));
        assert_eq!(attr(attrs, "quotes"), Some(s["quotes"].to_string().as_str()));
        let tone: f64 = attr(attrs, "tone").expect("tone").parse().expect("number");
        assert!((tone - s["tone"].as_f64().expect("tone")).abs() < 1e-9);
    }
}

#[test]
fn gkg_export_parses_with_a_codebook_reader_and_matches_the_record() {
    let inputs = ["../../examples/demo"];
    let json = run(bin().args(["analyze", "--json"]).args(inputs));
    assert!(json.status.success(), "{}", String::from_utf8_lossy(&json.stderr));
    let gkg = run(bin().args(["analyze", "--format", "gkg"]).args(inputs));
    assert!(gkg.status.success(), "{}", String::from_utf8_lossy(&gkg.stderr));
    let recs = records(&json);
    let text = stdout(&gkg);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), recs.len());
    assert!(recs.len() > 10);
    for (line, r) in lines.iter().zip(&recs) {
        check(line, r);
    }
    // The demo set exercises every filled column at least once.
    let parsed: Vec<Gkg> = lines.iter().map(|l| Gkg::parse(l)).collect();
    for c in [
        "V2SOURCECOMMONNAME",
        "V1LOCATIONS",
        "V2ENHANCEDLOCATIONS",
        "V1PERSONS",
        "V2ENHANCEDPERSONS",
        "V1ORGANIZATIONS",
        "V2ENHANCEDORGANIZATIONS",
        "V1.5TONE",
        "V2.1ENHANCEDDATES",
        "V2.1QUOTATIONS",
        "V2.1ALLNAMES",
        "V2.1AMOUNTS",
        "V2EXTRASXML",
    ] {
        assert!(parsed.iter().any(|g| !g.col(c).is_empty()), "no demo article fills {c}");
    }
    // `--format jsonl` is `--json`.
    let jsonl = run(bin().args(["analyze", "--format", "jsonl"]).args(inputs));
    assert_eq!(stdout(&jsonl), stdout(&json));
}

#[test]
fn gkg_values_never_break_the_columns() {
    let dir = tempfile::tempdir().expect("tempdir");
    let feed = dir.path().join("odd.jsonl");
    let text = "GENEVA (Wire) - \\\"We will win; #1 | best, always,\\\" said Ana Ruiz\\tof the Tab|Pipe Group, on March 3, 2024. The group paid $5,000 for the hall.";
    std::fs::write(&feed, format!("{{\"url\": \"https://news.example.com/a\\tb\", \"title\": \"A <b>&amp; \\\"tab\\\"\\there\", \"published\": \"2024-03-04\", \"text\": \"{text}\"}}\n")).expect("write");
    let json = run(bin().args(["analyze", "--json"]).arg(&feed));
    let gkg = run(bin().args(["analyze", "--format", "gkg"]).arg(&feed));
    assert!(gkg.status.success(), "{}", String::from_utf8_lossy(&gkg.stderr));
    let out = stdout(&gkg);
    assert_eq!(out.lines().count(), 1);
    check(out.lines().next().expect("line"), &records(&json)[0]);
}

#[test]
fn export_writes_the_store_in_every_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("x.db");
    let ingest = run(bin().args(["ingest", "--quiet", "../../examples/demo", "--db"]).arg(&db));
    assert!(ingest.status.success(), "{}", String::from_utf8_lossy(&ingest.stderr));
    let analysed = records(&run(bin().args(["analyze", "--json", "../../examples/demo"])));
    let gkg_analyze = stdout(&run(bin().args(["analyze", "--format", "gkg", "../../examples/demo"])));
    // JSON Lines: every stored record is the record `analyze` prints.
    let exported = run(bin().args(["export", "--format", "jsonl", "--db"]).arg(&db));
    assert!(exported.status.success(), "{}", String::from_utf8_lossy(&exported.stderr));
    let exported = records(&exported);
    assert!(!exported.is_empty());
    for r in &exported {
        assert!(analysed.contains(r), "exported record {} differs from analyze", r["id"]);
    }
    let ids: BTreeSet<&str> = exported.iter().map(|r| r["id"].as_str().expect("id")).collect();
    assert_eq!(ids.len(), exported.len());
    // GKG to a file: the lines `analyze --format gkg` prints for the same articles.
    let out = dir.path().join("out.gkg");
    let gkg = run(bin().args(["export", "--format", "gkg", "--db"]).arg(&db).arg("--out").arg(&out));
    assert!(gkg.status.success(), "{}", String::from_utf8_lossy(&gkg.stderr));
    let written = std::fs::read_to_string(&out).expect("output file");
    assert_eq!(written.lines().count(), exported.len());
    for (line, r) in written.lines().zip(&exported) {
        assert!(gkg_analyze.lines().any(|l| l == line), "GKG line of {} differs", r["id"]);
        check(line, r);
    }
    // --since keeps only articles published on or after the date.
    let mut dates: Vec<&str> = exported.iter().filter_map(|r| r["published"].as_str()).collect();
    dates.sort();
    let cut = dates[dates.len() / 2];
    let since = records(&run(bin().args(["export", "--since", cut, "--db"]).arg(&db)));
    let expected = exported.iter().filter(|r| r["published"].as_str().is_some_and(|p| p >= cut)).count();
    assert_eq!(since.len(), expected);
    assert!(expected > 0 && expected < exported.len(), "the cut splits the demo set");
    // A missing store is an error, not an empty export.
    let missing = run(bin().args(["export", "--db"]).arg(dir.path().join("none.db")));
    assert!(!missing.status.success());
}

/// Without the `parquet` feature, asking for Parquet is a clear error, not an empty file.
#[cfg(not(feature = "parquet"))]
#[test]
fn parquet_without_the_feature_says_how_to_get_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("x.parquet");
    let run_ = run(bin()
        .args(["analyze", "--format", "parquet", "--out"])
        .arg(&out)
        .arg("../../examples/demo/08_moscow_grain.txt"));
    assert!(!run_.status.success());
    assert!(
        String::from_utf8_lossy(&run_.stderr).contains("--features parquet"),
        "{}",
        String::from_utf8_lossy(&run_.stderr)
    );
    assert!(!out.exists() || std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0) == 0);
}

/// With it, `analyze` and `export` write Parquet files (magic bytes at both ends, one row per
/// article); their content is checked with pyarrow and DuckDB by python/tests/test_parquet.py.
#[cfg(feature = "parquet")]
#[test]
fn parquet_files_are_written_by_analyze_and_export() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("x.db");
    let ingest = run(bin().args(["ingest", "--quiet", "../../examples/demo", "--db"]).arg(&db));
    assert!(ingest.status.success(), "{}", String::from_utf8_lossy(&ingest.stderr));
    for args in [
        vec!["analyze", "../../examples/demo", "--format", "parquet", "--out"],
        vec!["export", "--format", "parquet", "--out"],
    ] {
        let out = dir.path().join("x.parquet");
        let mut cmd = bin();
        cmd.args(&args).arg(&out);
        if args[0] == "export" {
            cmd.arg("--db").arg(&db);
        }
        let res = run(&mut cmd);
        assert!(res.status.success(), "{}", String::from_utf8_lossy(&res.stderr));
        let bytes = std::fs::read(&out).expect("parquet file");
        assert!(bytes.len() > 1000 && bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"), "{args:?}");
    }
    // Parquet is never written to a terminal, and a bad output path is an error.
    let bad =
        run(bin().args(["export", "--format", "parquet", "--out", "/nonexistent-dir/x.parquet", "--db"]).arg(&db));
    assert!(!bad.status.success());
}
