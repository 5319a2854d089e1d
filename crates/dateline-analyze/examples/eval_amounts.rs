//! Scores the amounts stage on MEANTIME's VALUE markables (MONEY, PERCENT, QUANTITY).
//!
//! MEANTIME gives no normalised value for VALUE markables, so the gold number is read from the
//! gold text by the small, independent reader below (digits, scale words, basic number words);
//! markables it cannot read ("the amount", "substantially less") count for recall only. The
//! gold unit is the currency for MONEY and `percent` for PERCENT; QUANTITY has no gold unit.
//!
//! Usage: `cargo run -p dateline-analyze --example eval_amounts -- [DATA_DIR]` (default
//! `../shared/data`). The data is read in place and never copied.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// One gold VALUE markable: byte span in the rebuilt text, type, text.
struct Gold {
    start: usize,
    end: usize,
    kind: String,
    text: String,
}

fn main() {
    let data = std::env::args().nth(1).map_or_else(|| PathBuf::from("../shared/data"), PathBuf::from);
    let root = data.join("meantime-newsreader-en/intra-doc_annotation");
    let mut files = Vec::new();
    for dir in read_dir(&root) {
        files.extend(read_dir(&dir).into_iter().filter(|p| p.extension().is_some_and(|e| e == "xml")));
    }
    files.sort();
    // per type: gold, found, value known, value ok, unit known, unit ok
    let kinds = ["MONEY", "PERCENT", "QUANTITY"];
    let mut tally = [[0usize; 6]; 3];
    let (mut predicted, mut predicted_on_gold) = (0usize, 0usize);
    let mut spent = Duration::ZERO;
    for path in &files {
        let Ok(xml) = std::fs::read_to_string(path) else {
            eprintln!("cannot read {}", path.display());
            continue;
        };
        let (text, golds) = parse(&xml);
        let started = Instant::now();
        let ours = dateline_analyze::find_amounts(&text, &[]);
        spent += started.elapsed();
        predicted += ours.len();
        predicted_on_gold +=
            ours.iter().filter(|a| golds.iter().any(|g| a.span.0 < g.end && g.start < a.span.1)).count();
        for g in &golds {
            let Some(k) = kinds.iter().position(|k| *k == g.kind) else {
                continue;
            };
            let row = &mut tally[k];
            row[0] += 1;
            let hits: Vec<_> = ours.iter().filter(|a| a.span.0 < g.end && g.start < a.span.1).collect();
            if hits.is_empty() {
                continue;
            }
            row[1] += 1;
            if let Some(v) = gold_value(&g.text) {
                row[2] += 1;
                if hits.iter().any(|a| (a.value - v).abs() <= 1e-6 * v.abs().max(1.0)) {
                    row[3] += 1;
                }
            }
            if let Some(u) = gold_unit(&g.kind, &g.text) {
                row[4] += 1;
                // Money is compared by its ISO code, percent by its unit.
                if hits.iter().any(|a| a.unit.as_deref() == Some(u) || a.currency.as_deref() == Some(u)) {
                    row[5] += 1;
                }
            }
        }
    }
    let ratio = |a: usize, b: usize| {
        if b == 0 {
            "-".to_string()
        } else {
            format!("{:.3}", a as f64 / b as f64)
        }
    };
    println!("| type | gold | recall (overlap) | value ok / gold value readable | unit ok / gold unit known |");
    println!("|---|---|---|---|---|");
    let mut total = [0usize; 6];
    for (k, row) in kinds.iter().zip(tally.iter()) {
        for (t, r) in total.iter_mut().zip(row.iter()) {
            *t += r;
        }
        println!(
            "| {k} | {} | {} | {} ({}/{}) | {} ({}/{}) |",
            row[0],
            ratio(row[1], row[0]),
            ratio(row[3], row[2]),
            row[3],
            row[2],
            ratio(row[5], row[4]),
            row[5],
            row[4]
        );
    }
    println!(
        "| all | {} | {} | {} ({}/{}) | {} ({}/{}) |",
        total[0],
        ratio(total[1], total[0]),
        ratio(total[3], total[2]),
        total[3],
        total[2],
        ratio(total[5], total[4]),
        total[5],
        total[4]
    );
    println!(
        "\npredicted {predicted}, of which {predicted_on_gold} overlap a gold VALUE (MEANTIME annotates only part of each article); {} docs, {:.0} docs/s (amounts stage alone, debug or release as built)",
        files.len(),
        files.len() as f64 / spent.as_secs_f64().max(1e-9)
    );
}

fn read_dir(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir).map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default()
}

/// The value of attribute `name` inside a tag's text.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    let len = tag.get(at..)?.find('"')?;
    tag.get(at..at + len)
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// Rebuilds the text from the CAT tokens (closing the spaces a writer would not type, as
/// scripts/eval_times_dateparser.py does) and reads the VALUE markables.
fn parse(xml: &str) -> (String, Vec<Gold>) {
    let mut text = String::new();
    let mut spans = std::collections::HashMap::new();
    let (mut prev, mut prev_sentence) = (String::new(), String::new());
    for piece in xml.split("<token ").skip(1) {
        let Some(close) = piece.find('>') else { continue };
        let head = &piece[..close];
        let Some(body_end) = piece.find("</token>") else { continue };
        let tok = unescape(&piece[close + 1..body_end]);
        let id = attr(&format!(" {head}"), "t_id").unwrap_or("").to_string();
        let sentence = attr(&format!(" {head}"), "sentence").unwrap_or("").to_string();
        if !text.is_empty() {
            if sentence != prev_sentence && (prev_sentence == "0" || prev_sentence == "1") {
                text.push('\n');
            } else if !matches!(tok.as_str(), "," | "." | ";" | ":" | "!" | "?" | "%" | ")" | "]" | "'s" | "n't" | "'")
                && !matches!(prev.as_str(), "(" | "[" | "$" | "US$" | "#")
            {
                text.push(' ');
            }
        }
        spans.insert(id, (text.len(), text.len() + tok.len()));
        text.push_str(&tok);
        prev = tok;
        prev_sentence = sentence;
    }
    let mut golds = Vec::new();
    for piece in xml.split("<VALUE ").skip(1) {
        let Some(end) = piece.find("</VALUE>") else { continue };
        let body = &piece[..end];
        let kind = attr(&format!(" {body}"), "type").unwrap_or("").to_string();
        let ids: Vec<String> = body
            .split("<token_anchor ")
            .skip(1)
            .filter_map(|a| attr(&format!(" {a}"), "t_id").map(str::to_string))
            .collect();
        let (Some(first), Some(last)) = (ids.first().and_then(|i| spans.get(i)), ids.last().and_then(|i| spans.get(i)))
        else {
            continue;
        };
        let (start, end) = (first.0, last.1);
        golds.push(Gold { start, end, kind, text: text.get(start..end).unwrap_or("").to_string() });
    }
    (text, golds)
}

/// The number a gold text states, read independently of the engine: the first run of digits
/// (or basic number words) with a following scale word.
fn gold_value(text: &str) -> Option<f64> {
    const WORDS: [(&str, f64); 21] = [
        ("one", 1.0),
        ("two", 2.0),
        ("three", 3.0),
        ("four", 4.0),
        ("five", 5.0),
        ("six", 6.0),
        ("seven", 7.0),
        ("eight", 8.0),
        ("nine", 9.0),
        ("ten", 10.0),
        ("eleven", 11.0),
        ("twelve", 12.0),
        ("fifteen", 15.0),
        ("twenty", 20.0),
        ("thirty", 30.0),
        ("forty", 40.0),
        ("fifty", 50.0),
        ("hundred", 100.0),
        ("a", 1.0),
        ("dozen", 12.0),
        ("fifteen", 15.0),
    ];
    let words: Vec<&str> = text.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        let digits: String = w.chars().filter(|c| c.is_ascii_digit() || *c == '.').collect();
        let lower = w.to_ascii_lowercase();
        let base = if !digits.is_empty() && w.chars().next().is_some_and(|c| c.is_ascii_digit() || c == '$') {
            digits.trim_end_matches('.').parse::<f64>().ok()
        } else if lower != "a" {
            WORDS.iter().find(|(n, _)| *n == lower).map(|(_, v)| *v)
        } else {
            None
        };
        let Some(mut v) = base else { continue };
        let suffix = w.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',' || c == '$');
        let next = words.get(i + 1).map(|s| s.to_ascii_lowercase()).unwrap_or_default();
        for s in [suffix.to_ascii_lowercase(), next] {
            v *= match s.as_str() {
                "thousand" => 1e3,
                "million" | "mln" | "m" => 1e6,
                "billion" | "bn" | "bln" => 1e9,
                "trillion" => 1e12,
                _ => 1.0,
            };
        }
        return Some(v);
    }
    None
}

/// The unit the gold implies: the currency of MONEY, `percent` for PERCENT.
fn gold_unit(kind: &str, text: &str) -> Option<&'static str> {
    match kind {
        "PERCENT" => Some("percent"),
        "MONEY" if text.contains('\u{20ac}') || text.contains("euro") => Some("EUR"),
        "MONEY" if text.contains('\u{a3}') || text.contains('#') || text.contains("pound") => Some("GBP"),
        "MONEY" if text.contains('$') || text.contains("dollar") => Some("USD"),
        _ => None,
    }
}
