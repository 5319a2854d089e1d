//! Prints a model's constant-feature weights, or writes a copy with the start prior of labels
//! shifted (measuring only).
//!
//! ```text
//! cargo run --release -p dateline-ner --example prior -- IN.model [OUT.model ORG=+500 ...]
//! ```

use dateline_ner::{Label, Model};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let bytes = std::fs::read(&args[0]).expect("read model");
    let mut m = Model::from_bytes(&bytes).expect("model");
    println!("prior row: {:?} (scale {})", m.prior_row(), m.scale());
    if args.len() > 2 {
        for a in &args[2..] {
            let (l, d) = a.split_once('=').expect("LABEL=DELTA");
            let d = d.parse().expect("delta");
            match l.split_once('.') {
                Some((l, p)) => {
                    m.shift_prior(Label::parse(l).expect("label"), "BILU".find(p).expect("B, I, L or U") as u8, d)
                }
                None => m.shift_start_prior(Label::parse(l).expect("label"), d),
            }
        }
        println!("now:       {:?}", m.prior_row());
        std::fs::write(&args[1], m.to_bytes()).expect("write");
    }
}
