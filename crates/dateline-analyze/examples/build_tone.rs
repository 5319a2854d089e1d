//! Builds `resources/tone.tsv`, the tone lexicon embedded in dateline-analyze, from the VADER
//! lexicon (MIT) and the Pattern adjective lexicon (PDDL).
//!
//! ```text
//! cargo run -p dateline-analyze --example build_tone -- ../shared/data/tone-lexicons resources/
//! ```
//!
//! Reads `vader_lexicon.txt` (token, mean valence, std dev, ratings) and
//! `textblob-en-sentiment.xml` (Pattern's `en-sentiment.xml`) from the input folder. Keeps the
//! token and mean valence of every VADER entry, and for Pattern the mean polarity over all senses
//! of each single-word form that VADER lacks, when that mean is at least 0.25 away from zero. The
//! format is described in `resources/README.md`; the loader is `dateline_analyze::tone`. Output is
//! deterministic: the same input gives the same bytes.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// Version of the file format; the loader refuses other versions.
const FORMAT_VERSION: u32 = 1;

/// Pattern words whose mean polarity is closer to zero than this are left out.
const PATTERN_MIN_POLARITY: f64 = 0.25;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, out] = &args[..] else {
        eprintln!("usage: build_tone INPUT_DIR OUTPUT_DIR");
        std::process::exit(2);
    };
    if let Err(e) = run(Path::new(input), Path::new(out)) {
        eprintln!("build_tone: {e}");
        std::process::exit(1);
    }
}

fn run(input: &Path, out: &Path) -> Result<(), String> {
    let read = |name: &str| {
        std::fs::read_to_string(input.join(name)).map_err(|e| format!("{}: {e}", input.join(name).display()))
    };
    let vader_text = read("vader_lexicon.txt")?;
    let mut vader = BTreeMap::new();
    for (n, line) in vader_text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut f = line.split('\t');
        let (Some(token), Some(valence)) = (f.next(), f.next()) else {
            return Err(format!("vader_lexicon.txt line {}: fewer than two fields", n + 1));
        };
        let valence: f64 =
            valence.trim().parse().map_err(|e| format!("vader_lexicon.txt line {}: valence: {e}", n + 1))?;
        vader.insert(token.trim().to_string(), valence);
    }
    let xml = read("textblob-en-sentiment.xml")?;
    let mut senses: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for element in xml.split("<word ").skip(1) {
        let element = element.split('>').next().unwrap_or("");
        let (Some(form), Some(polarity)) = (attribute(element, "form"), attribute(element, "polarity")) else {
            continue;
        };
        let Ok(polarity) = polarity.parse::<f64>() else { continue };
        let form = form.to_lowercase();
        if form.contains(char::is_whitespace) || form.contains(['\t', '\n']) {
            continue;
        }
        senses.entry(form).or_default().push(polarity);
    }
    let mut text = String::new();
    let _ = writeln!(
        text,
        "#dateline-tone\t{FORMAT_VERSION}\tVADER lexicon 3.3.2 (C.J. Hutto, MIT License) and Pattern en-sentiment 1.3 \
         (Tom De Smedt, Walter Daelemans, PDDL)"
    );
    for (token, valence) in &vader {
        if token.contains(['\t', '\n']) {
            continue;
        }
        let _ = writeln!(text, "V\t{token}\t{valence}");
    }
    let mut pattern = 0;
    for (form, polarities) in &senses {
        if vader.contains_key(form) {
            continue;
        }
        let mean = polarities.iter().sum::<f64>() / polarities.len() as f64;
        if mean.abs() < PATTERN_MIN_POLARITY {
            continue;
        }
        pattern += 1;
        let _ = writeln!(text, "P\t{form}\t{}", (mean * 1000.0).round() / 1000.0);
    }
    std::fs::write(out.join("tone.tsv"), &text).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!("tone.tsv: {} VADER entries, {pattern} Pattern words, {} bytes", vader.len(), text.len());
    Ok(())
}

/// The value of `name="..."` in one XML start tag (the lexicon uses no entities in attributes
/// that matter here; `&apos;` and `&amp;` are decoded).
fn attribute<'a>(element: &'a str, name: &str) -> Option<std::borrow::Cow<'a, str>> {
    let key = format!(" {name}=\"");
    let start = format!(" {element}").find(&key)? + key.len() - 1;
    let rest = element.get(start..)?;
    let value = &rest[..rest.find('"')?];
    Some(if value.contains('&') {
        value.replace("&apos;", "'").replace("&quot;", "\"").replace("&amp;", "&").into()
    } else {
        value.into()
    })
}
