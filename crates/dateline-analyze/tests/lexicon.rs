//! The word lists are data the analysis is given (`Resources::lexicon`): a set loaded from a
//! folder at run time changes what the stages find, and a broken folder is refused with the file
//! and line at fault.

use std::path::{Path, PathBuf};

use dateline_analyze::{analyze, Analysis, Lexicon, Resources};
use dateline_ingest::{text_record, Limits};

/// The English set in the repository, the folder `Lexicon::embedded` is compiled from.
fn en_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../resources/lexicon/en")
}

/// A copy of the English set in a temporary folder, with `edit` applied to the text of `file`.
fn edited_copy(file: &str, edit: impl Fn(&str) -> String) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temporary folder");
    copy_dir(&en_dir(), tmp.path());
    let path = tmp.path().join(file);
    let text = std::fs::read_to_string(&path).expect("list read");
    std::fs::write(&path, edit(&text)).expect("list written");
    tmp
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("folder made");
    for entry in std::fs::read_dir(from).expect("folder read") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("file copied");
        }
    }
}

fn run(text: &str, resources: &Resources) -> Analysis {
    let doc = text_record("swap.txt", text.as_bytes().to_vec()).into_document(&Limits::default()).expect("document");
    analyze(&doc, resources)
}

/// "insisted" is a verb of saying because `quotes/cue-lemmas.txt` lists "insist": with the stock
/// set the sentence reports what the mayor said; with a copy of the set that leaves the verb out,
/// it reports nothing. The stage reads the set it is given, not one compiled in.
#[test]
fn a_cue_verb_left_out_of_a_swapped_set_gives_no_quote() {
    let text = "Mayor Lena Okafor insisted that the ferry would sail on Friday.";
    let stock = Resources::embedded().expect("embedded resources");
    let quotes = run(text, &stock).quotes;
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(quotes[0].content, "the ferry would sail on Friday");
    assert_eq!(quotes[0].speaker_name.as_deref(), Some("Lena Okafor"));

    let dir = edited_copy("quotes/cue-lemmas.txt", |t| {
        let kept: Vec<&str> = t.lines().filter(|l| l.trim() != "insist").collect();
        assert!(kept.len() < t.lines().count(), "the file lists \"insist\"");
        kept.join("\n") + "\n"
    });
    let swapped = Resources { lexicon: Lexicon::from_dir(dir.path()).expect("edited set loads"), ..stock.clone() };
    assert_eq!(run(text, &swapped).quotes, vec![], "no verb of saying, no quote");

    // The same folder unedited is the embedded set: the same record, byte for byte.
    let same = Resources { lexicon: Lexicon::from_dir(en_dir()).expect("repository set loads"), ..stock.clone() };
    let json = |a: &Analysis| serde_json::to_string(a).expect("json");
    assert_eq!(json(&run(text, &same)), json(&run(text, &stock)));
}

/// The tone stage reads its word classes from the set too: without "very" among the boosters,
/// "very good" is only as good as "good".
#[test]
fn a_booster_left_out_of_a_swapped_set_no_longer_boosts() {
    let text = "The harvest was very good this year, the farmers said.";
    let stock = Resources::embedded().expect("embedded resources");
    let dir = edited_copy("tone/boosters.txt", |t| {
        let kept: Vec<&str> = t.lines().filter(|l| l.trim() != "very").collect();
        assert!(kept.len() < t.lines().count(), "the file lists \"very\"");
        kept.join("\n") + "\n"
    });
    let swapped = Resources { lexicon: Lexicon::from_dir(dir.path()).expect("edited set loads"), ..stock.clone() };
    let compound = |r: &Resources| run(text, r).tone.expect("English text has a tone").compound;
    let plain = compound(&stock);
    assert!(compound(&swapped) > 0.0);
    assert!(plain > compound(&swapped), "{plain} with the booster, {} without", compound(&swapped));
}

/// A malformed line in a set's folder is an error naming the file and the line; so is a missing
/// file.
#[test]
fn a_malformed_or_missing_file_is_named_with_its_line() {
    let dir = edited_copy("tone/boosters.txt", |t| format!("{t}extremely \n"));
    let lines = std::fs::read_to_string(en_dir().join("tone/boosters.txt")).expect("read").lines().count();
    let err = Lexicon::from_dir(dir.path()).expect_err("a malformed set is refused");
    let message = err.to_string();
    assert!(message.contains(&format!("tone/boosters.txt:{}: ", lines + 1)), "{message}");
    assert!(message.contains("space at one end"), "{message}");

    std::fs::remove_file(dir.path().join("entities/org-heads.txt")).expect("removed");
    std::fs::write(dir.path().join("tone/boosters.txt"), "very\n").expect("written");
    let message = Lexicon::from_dir(dir.path()).expect_err("a set without a file is refused").to_string();
    assert!(message.contains("entities/org-heads.txt: cannot read the file"), "{message}");
}
