//! The one integration-test binary of the `dateline` command: it runs the real binary on the
//! demo articles in `examples/demo` (written for this project) and on the reference article in
//! `../shared` when that is present.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dateline"));
    cmd.env_remove("DATELINE_DB");
    cmd
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn demo(name: &str) -> String {
    format!("../../examples/demo/{name}")
}

fn run(cmd: &mut Command) -> Output {
    cmd.current_dir(env!("CARGO_MANIFEST_DIR")).output().expect("run dateline")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn records(out: &Output) -> Vec<Value> {
    stdout(out).lines().map(|l| serde_json::from_str(l).expect("each line is a JSON record")).collect()
}

/// `../shared` holds the reference article and evaluation data; absent outside the project's
/// machines. Tests that need it skip with a message, except under CI where its absence is a failure.
fn shared() -> Option<PathBuf> {
    let dir = root().join("../shared");
    if dir.join("seed").is_dir() {
        return Some(dir);
    }
    assert!(std::env::var_os("CI").is_none(), "CI is set but {} is missing", dir.display());
    eprintln!("skipping: {} not found", dir.display());
    None
}

#[test]
fn analyze_json_has_every_contract_field() {
    let out = run(bin().args(["analyze", "--json", &demo("01_nairobi_drought.txt")]));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    let r = &recs[0];
    for field in [
        "id",
        "source",
        "language",
        "title",
        "header",
        "dateline",
        "published",
        "text",
        "text_repairs",
        "entities",
        "quotes",
        "times",
        "amounts",
        "tone",
        "fingerprint",
    ] {
        assert!(r.get(field).is_some(), "missing field {field}");
    }
    assert_eq!(r["header"]["date"], "2024-03-14");
    assert_eq!(r["header"]["author"], "@wiredesk_ke");
    assert_eq!(r["source"]["format"], "text");
    assert!(r["text"].as_str().is_some_and(|t| t.starts_with("NAIROBI, Kenya (AP)")));
    assert_eq!(r["id"].as_str().map(str::len), Some(16));
}

#[test]
fn golden_records_of_the_demo_articles() {
    let mut paths: Vec<_> = std::fs::read_dir(root().join("examples/demo"))
        .expect("examples/demo")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    paths.sort();
    for name in paths {
        let out = run(bin().args(["analyze", "--json", &demo(&name)]));
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let recs = records(&out);
        insta::assert_json_snapshot!(name.clone(), recs);
    }
}

#[test]
fn a_bad_input_fails_alone_and_sets_exit_code_1() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&bad, "{\"text\": \"PARIS (AFP) - Good line.\"}\nnot json at all\n{\"title\": \"no body\"}\n")
        .expect("write");
    let out = run(bin().args(["analyze", "--json"]).arg(&bad).arg(demo("02_geneva_talks.txt")));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(records(&out).len(), 2, "the good JSONL line and the text file are still analysed");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.jsonl:2: invalid JSON"), "{err}");
    assert!(err.contains("bad.jsonl:3: record has no"), "{err}");
    let missing = run(bin().args(["analyze", "no/such/file.txt"]));
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no/such/file.txt"));
}

#[test]
fn usage_errors_exit_2() {
    let out = run(bin().args(["analyze"]));
    assert_eq!(out.status.code(), Some(2));
    let out = run(bin().args(["frobnicate"]));
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn stdin_takes_text_or_jsonl() {
    let feed = |input: &str| {
        let mut child =
            bin().args(["analyze", "--json", "-"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().expect("spawn");
        use std::io::Write;
        child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write");
        child.wait_with_output().expect("wait")
    };
    let text = feed("LONDON, Feb 26 - Shares rose.\n");
    assert_eq!(records(&text).len(), 1);
    let jsonl = feed("{\"text\": \"One.\"}\n{\"text\": \"Two.\"}\n");
    let recs = records(&jsonl);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[1]["source"]["record"], "2");
}

#[test]
fn ingest_is_idempotent_and_search_show_stats_work() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("news.db");
    let ingest = || run(bin().args(["ingest", "--quiet", "../../examples/demo", "--db"]).arg(&db));
    let first = ingest();
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let summary = String::from_utf8_lossy(&first.stderr).into_owned();
    assert!(summary.contains("0 duplicate(s)") && summary.contains("0 failed"), "{summary}");

    let second = ingest();
    assert!(second.status.success());
    let summary = String::from_utf8_lossy(&second.stderr).into_owned();
    assert!(summary.contains(" 0 stored"), "re-ingest stores nothing: {summary}");

    let stats = run(bin().args(["stats", "--json", "--db"]).arg(&db));
    let stats: Value = serde_json::from_slice(&stats.stdout).expect("stats JSON");
    assert_eq!(stats["articles"], 15, "12 text files + 3 JSONL records");

    let hits = run(bin().args(["search", "--json", "drought", "--db"]).arg(&db));
    let hits = records(&hits);
    assert!(!hits.is_empty());
    let id = hits[0]["id"].as_str().expect("id").to_string();
    let show = run(bin().args(["show", "--json", &id[..8], "--db"]).arg(&db));
    assert!(show.status.success());
    let shown: Value = serde_json::from_slice(&show.stdout).expect("show JSON");
    assert!(shown["text"].as_str().is_some_and(|t| t.contains("drought")));

    let none = run(bin().args(["search", "zzzyyyxxx", "--db"]).arg(&db));
    assert!(none.status.success());
    let nasty = run(bin().args(["search", "\"unbalanced AND (", "--db"]).arg(&db));
    assert!(nasty.status.success(), "{}", String::from_utf8_lossy(&nasty.stderr));
    let missing = run(bin().args(["search", "x", "--db"]).arg(dir.path().join("absent.db")));
    assert_eq!(missing.status.code(), Some(1));
}

/// The reference article: header, dateline and repairs must be fully right; the later groups
/// must not fall below what has landed.
#[test]
fn reference_article_scores() {
    let Some(shared) = shared() else { return };
    let gold = shared.join("seed/000_056294eb0f0c9909.gold.json");
    let cmd = format!("{} analyze {{}} --json", env!("CARGO_BIN_EXE_dateline"));
    let out = Command::new("python3")
        .arg(shared.join("eval/score.py"))
        .arg(&gold)
        .args(["--run", &cmd])
        .output()
        .expect("python3 runs score.py");
    let report = stdout(&out);
    let last = report.lines().last().unwrap_or_default().to_string();
    eprintln!("{report}");
    for group in ["header 2/2", "dateline 4/4", "repairs 1/1"] {
        assert!(last.contains(group), "expected {group} in: {last}");
    }
}
