//! Writes a generated adversarial or scaling text to stdout (see `dateline_analyze::adversarial`).
//!
//! ```text
//! cargo run --release -p dateline-analyze --example adversarial -- news 8000000 > /tmp/news-8mb.txt
//! cargo run --release -p dateline-analyze --example adversarial -- quotes 50000 > /tmp/quote-storm.txt
//! cargo run --release -p dateline-analyze --example adversarial -- mentions 50000 > /tmp/mention-storm.txt
//! cargo run --release -p dateline-analyze --example adversarial -- capitals 392000 > /tmp/capitals.txt
//! ```

use std::io::Write;

use dateline_analyze::adversarial::{capitalised_run, mention_storm, news_like, quote_storm};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n = args.get(1).and_then(|n| n.parse::<usize>().ok());
    let text = match (args.first().map(String::as_str), n) {
        (Some("news"), Some(n)) => news_like(n, 1),
        (Some("quotes"), Some(n)) => quote_storm(n),
        (Some("mentions"), Some(n)) => mention_storm(n),
        (Some("capitals"), Some(n)) => capitalised_run(n),
        _ => {
            eprintln!("usage: adversarial (news BYTES | quotes FRAGMENTS | mentions NAMES | capitals BYTES)");
            std::process::exit(2);
        }
    };
    std::io::stdout().lock().write_all(text.as_bytes()).expect("write to stdout");
}
