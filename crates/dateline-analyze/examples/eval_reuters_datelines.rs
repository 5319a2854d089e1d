//! Scores the dateline parser against Reuters-21578, whose stories carry their dateline in a
//! separate `<DATELINE>` field and their countries in `<PLACES>`.
//!
//! ```text
//! cargo run -p dateline-analyze --example eval_reuters_datelines -- ../shared/data/reuters-21578
//! ```
//!
//! For each story with a `<DATELINE>`, runs `parse_dateline` on the dateline followed by the
//! body (as a story would arrive), with the `<DATE>` field as reference, and compares:
//!
//! * detection: a dateline was found;
//! * place: ours equals the dateline's place (text before the first comma), ignoring case;
//! * date: ours equals the dateline's month and day in the `<DATE>` year;
//! * country: ours is among the `<PLACES>` countries (mapped to ISO2 through the gazetteer),
//!   and, for stories with exactly one place, equals it.
//!
//! Then runs the parser on the bodies alone, which never start with a dateline, and counts
//! detections as false positives. The corpus is for research only: this reads it, prints
//! numbers, and copies none of it anywhere.
//!
//! Stories are split by `NEWID`: even ids are the dev half (tune on it; its misses are printed),
//! odd ids the test half (report only: its misses are never printed). The parser is the one the
//! analysis uses, `find_dateline`, which also looks past a page's lead.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use dateline_analyze::gazetteer::Gazetteer;
use dateline_analyze::{find_dateline as parse_dateline, Resources};

/// Reuters `<PLACES>` names the gazetteer does not know (1987 countries, short forms).
const PLACE_CODES: &[(&str, &str)] = &[
    ("usa", "US"),
    ("uk", "GB"),
    ("west-germany", "DE"),
    ("east-germany", "DE"),
    ("ussr", "RU"),
    ("uae", "AE"),
    ("burma", "MM"),
    ("zaire", "CD"),
    ("czechoslovakia", "CZ"),
    ("yugoslavia", "RS"),
    ("netherlands-antilles", "CW"),
    ("ivory-coast", "CI"),
];

struct Story {
    newid: u64,
    date: String,
    places: Vec<String>,
    dateline: String,
    body: String,
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "../shared/data/reuters-21578".to_string());
    let load = Instant::now();
    match Gazetteer::embedded() {
        Ok(g) => eprintln!("gazetteer alone: {} places in {:?}", g.len(), load.elapsed()),
        Err(e) => eprintln!("gazetteer: {e}"),
    }
    let load = Instant::now();
    let resources = match Resources::embedded() {
        Ok(r) => {
            eprintln!("resources loaded in {:?}", load.elapsed());
            r
        }
        Err(e) => {
            eprintln!("cannot load resources: {e}");
            std::process::exit(1);
        }
    };
    let mut stories = Vec::new();
    let mut files: Vec<_> =
        std::fs::read_dir(&dir).map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect()).unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "sgm"));
    files.sort();
    for path in &files {
        match read_sgml(path) {
            Ok(s) => stories.extend(s),
            Err(e) => eprintln!("{}: {e}", path.display()),
        }
    }
    if stories.is_empty() {
        eprintln!("no stories found in {dir}");
        std::process::exit(1);
    }
    let (dev, test): (Vec<Story>, Vec<Story>) = stories.into_iter().partition(|s| s.newid % 2 == 0);
    println!("== dev (even NEWID)");
    score(&dev, &resources, files.len(), true);
    println!("== test (odd NEWID)");
    score(&test, &resources, files.len(), false);
}

fn read_sgml(path: &Path) -> Result<Vec<Story>, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    // The files are Latin-1 at worst; map bytes to chars one to one.
    let text: String = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => e.into_bytes().iter().map(|&b| char::from(b)).collect(),
    };
    let mut out = Vec::new();
    for block in text.split("<REUTERS").skip(1) {
        let Some(dateline) = between(block, "<DATELINE>", "</DATELINE>") else {
            continue;
        };
        let places = between(block, "<PLACES>", "</PLACES>")
            .map(|p| {
                p.split("<D>")
                    .filter_map(|d| d.split("</D>").next())
                    .map(str::trim)
                    .filter(|d| !d.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        let newid =
            block.split("NEWID=\"").nth(1).and_then(|r| r.split('"').next()).and_then(|n| n.parse().ok()).unwrap_or(0);
        out.push(Story {
            newid,
            date: between(block, "<DATE>", "</DATE>").unwrap_or("").trim().to_string(),
            places,
            dateline: unescape(dateline),
            body: unescape(between(block, "<BODY>", "</BODY>").unwrap_or("")),
        });
    }
    Ok(out)
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = s.find(open)? + open.len();
    let end = s[start..].find(close)? + start;
    Some(&s[start..end])
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = tail.find(';').filter(|&e| e <= 8);
        match end.map(|e| &tail[1..e]) {
            Some("lt") => out.push('<'),
            Some("gt") => out.push('>'),
            Some("amp") => out.push('&'),
            Some(num) if num.starts_with('#') => {
                if let Some(c) = num[1..].parse::<u32>().ok().and_then(char::from_u32) {
                    if !c.is_control() {
                        out.push(c);
                    }
                }
            }
            _ => {
                out.push('&');
                rest = &tail[1..];
                continue;
            }
        }
        rest = &tail[end.map_or(1, |e| e + 1)..];
    }
    out.push_str(rest);
    out
}

/// `26-FEB-1987 15:01:01.79` → 1987.
fn reference(date: &str) -> Option<(String, i32)> {
    let mut parts = date.split([' ', '-']);
    let day: u32 = parts.next()?.parse().ok()?;
    let month = month_number(parts.next()?)?;
    let year: i32 = parts.next()?.parse().ok()?;
    Some((format!("{year:04}-{month:02}-{day:02}"), year))
}

fn month_number(m: &str) -> Option<u32> {
    let m = m.trim_end_matches('.').to_ascii_lowercase();
    let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let key = m.get(..3)?;
    names.iter().position(|n| *n == key).map(|i| i as u32 + 1)
}

/// The gold place and `MM-DD` from a DATELINE field (`    SALVADOR, Feb 26 - `).
fn gold(dateline: &str) -> (String, Option<(u32, u32)>) {
    let d = dateline.trim().trim_end_matches('-').trim();
    let place = d.split(',').next().unwrap_or("").trim().to_string();
    let md = d.rsplit(',').next().and_then(|last| {
        let mut w = last.split_whitespace();
        let month = month_number(w.next()?)?;
        let day: u32 = w.next()?.parse().ok()?;
        Some((month, day))
    });
    (place, md)
}

fn country_code(g: &Gazetteer, reuters: &str) -> Option<String> {
    if let Some((_, c)) = PLACE_CODES.iter().find(|(n, _)| *n == reuters) {
        return Some((*c).to_string());
    }
    g.country_by_name(&reuters.replace('-', " ")).map(|c| c.code.clone())
}

#[derive(Default)]
struct Tally {
    n: usize,
    detected: usize,
    place_ok: usize,
    date_gold: usize,
    date_ok: usize,
    country_scored: usize,
    country_in_places: usize,
    single_scored: usize,
    single_ok: usize,
    unmapped: BTreeMap<String, usize>,
    misses: BTreeMap<String, usize>,
    wrong_place: BTreeMap<String, usize>,
    wrong_country: BTreeMap<String, usize>,
}

fn score(stories: &[Story], res: &Resources, n_files: usize, show_errors: bool) {
    let g = &res.gazetteer;
    let mut t = Tally::default();
    let mut elapsed = std::time::Duration::ZERO;
    for s in stories {
        t.n += 1;
        let reference = reference(&s.date);
        let input = format!("{}{}", s.dateline, s.body);
        let start = Instant::now();
        let got = parse_dateline(&input, res, reference.as_ref().map(|r| r.0.as_str()));
        elapsed += start.elapsed();
        let (place, md) = gold(&s.dateline);
        let expected_date = match (md, &reference) {
            (Some((m, d)), Some((_, y))) => Some(format!("{y:04}-{m:02}-{d:02}")),
            _ => None,
        };
        if expected_date.is_some() {
            t.date_gold += 1;
        }
        let Some(got) = got else {
            *t.misses.entry(s.dateline.trim().to_string()).or_default() += 1;
            continue;
        };
        t.detected += 1;
        if got.place.as_deref().is_some_and(|p| p.eq_ignore_ascii_case(&place)) {
            t.place_ok += 1;
        } else {
            let key = format!("{place} -> {}", got.place.as_deref().unwrap_or("-"));
            *t.wrong_place.entry(key).or_default() += 1;
        }
        if expected_date.is_some() && got.date == expected_date {
            t.date_ok += 1;
        }
        let codes: Vec<String> = s
            .places
            .iter()
            .filter_map(|p| {
                let c = country_code(g, p);
                if c.is_none() {
                    *t.unmapped.entry(p.clone()).or_default() += 1;
                }
                c
            })
            .collect();
        if !codes.is_empty() {
            t.country_scored += 1;
            if got.country.as_ref().is_some_and(|c| codes.contains(c)) {
                t.country_in_places += 1;
            } else {
                let key =
                    format!("{place}: ours {} vs PLACES {}", got.country.as_deref().unwrap_or("-"), codes.join(","));
                *t.wrong_country.entry(key).or_default() += 1;
            }
            if s.places.len() == 1 {
                t.single_scored += 1;
                if got.country.as_ref() == codes.first() {
                    t.single_ok += 1;
                }
            }
        }
    }
    // False positives: bodies never open with a dateline in this corpus.
    let mut fp = 0;
    let mut fp_examples: BTreeMap<String, usize> = BTreeMap::new();
    for s in stories {
        let reference = reference(&s.date);
        if let Some(d) = parse_dateline(&s.body, res, reference.as_ref().map(|r| r.0.as_str())) {
            fp += 1;
            let shown = s.body.get(d.span.0..d.span.1).unwrap_or("").to_string();
            *fp_examples.entry(shown).or_default() += 1;
        }
    }
    let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    println!("files: {n_files}, stories with a DATELINE: {}", t.n);
    println!("detection: {}/{} = {:.4}", t.detected, t.n, pct(t.detected, t.n));
    println!(
        "place (of all): {}/{} = {:.4}; of detected: {:.4}",
        t.place_ok,
        t.n,
        pct(t.place_ok, t.n),
        pct(t.place_ok, t.detected)
    );
    println!("date (of all with a month-day): {}/{} = {:.4}", t.date_ok, t.date_gold, pct(t.date_ok, t.date_gold));
    println!(
        "country in PLACES: {}/{} = {:.4}; single-PLACES stories: {}/{} = {:.4}",
        t.country_in_places,
        t.country_scored,
        pct(t.country_in_places, t.country_scored),
        t.single_ok,
        t.single_scored,
        pct(t.single_ok, t.single_scored)
    );
    println!("false positives on bodies: {fp}/{} = {:.4}", stories.len(), pct(fp, stories.len()));
    println!("time: {:.1} us per call ({} calls)", elapsed.as_secs_f64() * 1e6 / t.n.max(1) as f64, t.n);
    if !show_errors {
        return;
    }
    let top = |m: &BTreeMap<String, usize>, label: &str| {
        let mut v: Vec<_> = m.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        println!("{label} ({} distinct):", v.len());
        for (k, n) in v.into_iter().take(25) {
            println!("  {n:4}  {k}");
        }
    };
    top(&t.misses, "missed datelines");
    top(&t.wrong_place, "wrong places (gold -> ours)");
    top(&t.wrong_country, "countries not in PLACES");
    top(&t.unmapped, "PLACES names not mapped to a country");
    top(&fp_examples, "false positives");
}
