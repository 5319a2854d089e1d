//! Runs the whole analysis over text files for `scripts/eval_quotes_textacy.py` and prints each
//! article's quotes with spans as character offsets into the *original* file, so they can be
//! compared with standoff annotations (PolNeAR's brat `.ann` count code points of the raw text).
//!
//! Reads file paths on stdin, one a line. Writes one JSON line per file:
//! `{"path", "quotes": [{"kind", "cue", "content": [s, e], "speaker": [s, e] | null, "speaker_name"}]}`,
//! then, on stderr, `docs N seconds S` for preparation plus analysis (reading and writing excluded).
//!
//! Usage: `ls DIR/*.txt | cargo run -p dateline-analyze --example eval_quotes > out.jsonl`

use std::io::{BufRead, Write};
use std::time::{Duration, Instant};

use dateline_analyze::{analyze, Resources};
use dateline_text::{prepare, DecodeHint, Document, Format, Metadata, SourceRef, Span};
use serde_json::json;

fn main() -> std::io::Result<()> {
    let resources = match Resources::embedded() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("cannot load resources: {e}");
            std::process::exit(2);
        }
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let (mut docs, mut spent, mut quotes_spent) = (0usize, Duration::ZERO, Duration::ZERO);
    for line in std::io::stdin().lock().lines() {
        let path = line?;
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("cannot read {path}");
            continue;
        };
        let started = Instant::now();
        let Ok(prepared) = prepare(&bytes, &DecodeHint::default(), 0) else {
            eprintln!("cannot prepare {path}");
            continue;
        };
        let source = SourceRef { path: Some(path.clone()), url: None, format: Format::Text, record: None };
        let doc = Document::new(prepared, Metadata::default(), source);
        let analysis = analyze(&doc, &resources);
        spent += started.elapsed();
        // The quote stage alone, on the same inputs the pipeline gave it.
        let sentences = dateline_text::segment::sentences(&analysis.text);
        let started = Instant::now();
        let again = dateline_analyze::find_quotes(&analysis.text, &sentences, &analysis.entities);
        quotes_spent += started.elapsed();
        if again != analysis.quotes {
            eprintln!("quotes differ between runs on {path}");
        }
        docs += 1;
        // Byte offsets of the normalised text → byte offsets of the file → code point offsets.
        let original = String::from_utf8_lossy(&bytes);
        let chars = |derived: usize| {
            let b = doc.offsets.to_original(derived).min(original.len());
            original.get(..b).map_or(0, |s| s.chars().count())
        };
        let span = |s: Span| [chars(s.0), chars(s.1)];
        let quotes: Vec<_> = analysis
            .quotes
            .iter()
            .map(|q| {
                json!({
                    "kind": q.kind,
                    "cue": q.cue,
                    "content": span(q.span),
                    "speaker": q.speaker_mention.as_ref().map(|m| span(m.span)),
                    "speaker_name": q.speaker_name,
                    "confidence": q.confidence,
                    // Every mention of the resolved speaker entity, to judge the resolution.
                    "speaker_entity": q.speaker.as_ref().and_then(|id| analysis.entities.iter().find(|e| &e.id == id))
                        .map(|e| e.mentions.iter().map(|m| span(m.span)).collect::<Vec<_>>()),
                })
            })
            .collect();
        writeln!(out, "{}", json!({ "path": path, "quotes": quotes }))?;
    }
    out.flush()?;
    eprintln!("docs {docs} seconds {:.3} quotes_seconds {:.3}", spent.as_secs_f64(), quotes_spent.as_secs_f64());
    Ok(())
}
