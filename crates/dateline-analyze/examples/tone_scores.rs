//! Scores texts with dateline's VADER implementation, one text per input line, for comparison
//! with the Python reference (`scripts/eval_tone_vader.py`).
//!
//! ```text
//! cargo run --release -p dateline-analyze --example tone_scores < sentences.txt > scores.tsv
//! ```
//!
//! Prints `neg<TAB>neu<TAB>pos<TAB>compound` per input line (unrounded), and on standard error the
//! time spent scoring (input and output excluded) as `scoring_seconds <N> <S>`, so the script can
//! set it against the reference's time on the same texts. Lexicon loading is excluded too.

use std::io::{BufRead, Write};

fn main() {
    let lex = match dateline_analyze::ToneLexicon::embedded() {
        Ok(l) => l,
        Err(e) => {
            eprintln!("tone_scores: {e}");
            std::process::exit(1);
        }
    };
    let lines: Vec<String> = std::io::stdin().lock().lines().map_while(Result::ok).collect();
    // Best of three passes, as the reference script does.
    let mut best = f64::INFINITY;
    let mut scores = Vec::new();
    for _ in 0..3 {
        let start = std::time::Instant::now();
        scores = lines
            .iter()
            .map(|l| dateline_analyze::polarity_scores(l, &lex, &dateline_analyze::Lexicon::embedded()))
            .collect();
        best = best.min(start.elapsed().as_secs_f64());
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for p in &scores {
        let _ = writeln!(out, "{}\t{}\t{}\t{}", p.neg, p.neu, p.pos, p.compound);
    }
    let _ = out.flush();
    eprintln!("scoring_seconds {} {best:.6}", lines.len());
}
