//! Writes the mean of several models' weights (measuring only).
//!
//! ```text
//! cargo run --release -p dateline-ner --example average -- OUT.model A.model B.model ...
//! ```

use dateline_ner::Model;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let models: Vec<Model> =
        args[1..].iter().map(|p| Model::from_bytes(&std::fs::read(p).expect("read model")).expect("model")).collect();
    let refs: Vec<&Model> = models.iter().collect();
    let m = Model::average(&refs, 0.05).expect("models of one kind");
    println!("{} rows (inputs: {:?})", m.n_rows(), models.iter().map(Model::n_rows).collect::<Vec<_>>());
    std::fs::write(&args[0], m.to_bytes()).expect("write");
}
