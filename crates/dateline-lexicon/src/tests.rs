//! The format's rules, faults named by file and line, and every embedded list well formed.

use proptest::prelude::*;

use super::*;

#[test]
fn words_comments_and_blank_lines() -> Result<(), LexiconError> {
    let text = "# verbs of saying\n\nsaid\n  # an indented comment\nwarned\r\n\"according to \"\n";
    let got = parse::<1>("t.txt", text)?;
    assert_eq!(got, vec![["said"], ["warned"], ["according to "]]);
    Ok(())
}

#[test]
fn pairs_with_an_empty_quoted_field() -> Result<(), LexiconError> {
    let got = parse::<2>("t.tsv", "kenyan\tKE\nkurds\t\"\"\n")?;
    assert_eq!(got, vec![["kenyan", "KE"], ["kurds", ""]]);
    Ok(())
}

#[test]
fn a_fault_names_the_file_and_the_line() {
    let cases: &[(&str, usize, &str)] = &[
        ("said\n warned\n", 2, "space at one end"),
        ("said\nwarned \n", 2, "space at one end"),
        ("said\n\n\"open\n", 3, "does not close"),
        ("said\tsays\n", 1, "2 tab-separated fields where 1"),
        ("a\x07b\n", 1, "control character"),
        ("say \"so\"\n", 1, "holds a '\"'"),
        ("\"a\"b\"\n", 1, "of its own"),
    ];
    for &(text, line, says) in cases {
        let Err(e) = parse::<1>("resources/lexicon/en/x.txt", text) else {
            panic!("{text:?} was accepted");
        };
        assert_eq!((e.file.as_str(), e.line), ("resources/lexicon/en/x.txt", line), "{text:?}");
        assert!(e.message.contains(says), "{text:?}: {e}");
        assert!(e.to_string().starts_with(&format!("resources/lexicon/en/x.txt:{line}: ")), "{e}");
    }
    let Err(e) = parse::<2>("p.tsv", "kenyan\tKE\nkurds\n") else { panic!("a missing field was accepted") };
    assert_eq!(e.line, 2);
    assert!(e.message.contains("1 tab-separated field(s) where 2"), "{e}");
}

#[test]
fn reading_a_malformed_list_keeps_its_good_lines() {
    static BAD: Words = Words::new("bad.txt", "said\n warned\nnoted\n");
    let bad: &dyn List = &BAD;
    assert_eq!(&*BAD, &["said", "noted"]);
    assert_eq!(bad.check().map_err(|e| e.line), Err(2));
}

#[test]
fn every_embedded_list_is_well_formed_and_not_empty() -> Result<(), LexiconError> {
    let mut files = std::collections::HashSet::new();
    for list in embedded() {
        assert!(list.check()? > 0, "{} is empty", list.file());
        assert!(files.insert(list.file()), "{} is declared twice", list.file());
    }
    assert!(check_embedded()? > 1000);
    Ok(())
}

#[test]
fn lists_read_in_file_order() {
    assert_eq!(en::ner::DEMONYMS.first(), Some(&("afghan", "AF")));
    assert!(en::ner::DEMONYMS.contains(&("palestinian-israeli", "")));
    assert!(en::ner::PERSON_TITLES.contains(&"mr"));
    assert!(page::score::SHORT_BOILER_OPENINGS.contains(&"(c) "));
}

proptest! {
    /// Any text parses to entries or to an error naming a line of the text; never a panic.
    #[test]
    fn any_text_parses_or_names_a_line(text in "\\PC{0,200}|[a-z \t\"#\r\n\u{7}]{0,80}") {
        for result in [parse::<1>("f", &text).map(|v| v.len()), parse::<2>("f", &text).map(|v| v.len())] {
            if let Err(e) = result {
                prop_assert!(e.line >= 1 && e.line <= text.split('\n').count());
            }
        }
    }

    /// Entries written by the rules (quoted when they need it) read back as written.
    #[test]
    fn written_entries_read_back(entries in prop::collection::vec("[a-z][a-z .'-]{0,12}|[ a-z]{0,6}", 0..20)) {
        let mut text = String::from("# generated\n");
        for e in &entries {
            if e.is_empty() || e.trim() != e {
                text.push_str(&format!("\"{e}\"\n"));
            } else {
                text.push_str(&format!("{e}\n"));
            }
        }
        let got = parse::<1>("f", &text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let got: Vec<&str> = got.into_iter().map(|[w]| w).collect();
        prop_assert_eq!(got, entries.iter().map(String::as_str).collect::<Vec<_>>());
    }
}

/// A list over `entries`, leaked so that it lives as long as an embedded one.
fn leaked(entries: &[String]) -> &'static Words {
    let text: String = entries.iter().map(|e| format!("\"{e}\"\n")).collect();
    Box::leak(Box::new(Words::new("t.txt", Box::leak(text.into_boxed_str()))))
}

#[test]
fn lookups_find_entries_of_any_length_and_case() {
    let long = "x".repeat(70);
    let list = leaked(&["Said".into(), "according to ".into(), long.clone(), "é".into()]);
    assert!(list.contains("Said") && !list.contains("said") && list.contains_ignore_ascii_case("SAID"));
    assert!(list.contains(&long) && !list.contains(&"x".repeat(71)));
    assert!(list.has_prefix_of("according to the mayor") && !list.has_prefix_of("according to"));
    assert!(list.has_prefix_of_ignore_ascii_case(b"ACCORDING TO her") && list.has_prefix_of("\u{e9}t\u{e9}"));
    assert!(!list.has_prefix_of("") && !list.contains(""));
    let with_empty = leaked(&["".into(), "a".into()]);
    assert!(with_empty.contains("") && with_empty.has_prefix_of("zzz") && with_empty.has_prefix_of(""));
}

proptest! {
    /// The grouped lookups answer as a scan of the slice does.
    #[test]
    fn lookups_agree_with_a_scan(
        entries in prop::collection::vec("[a-cA-C é]{0,5}", 0..12),
        words in prop::collection::vec("[a-cA-C é]{0,7}", 1..12),
    ) {
        let entries: Vec<String> = entries.into_iter().filter(|e| !e.contains('"')).collect();
        let list = leaked(&entries);
        let in_order: Vec<&str> = entries.iter().map(String::as_str).collect();
        prop_assert_eq!(list.as_slice(), in_order.as_slice());
        for w in &words {
            let w = w.as_str();
            prop_assert_eq!(list.contains(w), entries.iter().any(|e| e == w));
            prop_assert_eq!(list.contains_ignore_ascii_case(w), entries.iter().any(|e| e.eq_ignore_ascii_case(w)));
            prop_assert_eq!(list.has_prefix_of(w), entries.iter().any(|e| w.starts_with(e.as_str())));
            prop_assert_eq!(
                list.has_prefix_of_ignore_ascii_case(w.as_bytes()),
                entries.iter().any(|e| w.as_bytes().get(..e.len()).is_some_and(|h| h.eq_ignore_ascii_case(e.as_bytes())))
            );
        }
    }
}

/// The English set's folder in the repository.
fn en_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../resources/lexicon/en")
}

/// Copies the English set's folder into a temporary one, to be changed by a test.
fn copy_of_en() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temporary folder");
    for list in Lexicon::embedded_en().lists() {
        let rel = list.file().strip_prefix("resources/lexicon/en/").expect("an English file");
        let to = tmp.path().join(rel);
        std::fs::create_dir_all(to.parent().expect("a folder")).expect("folder made");
        std::fs::copy(en_dir().join(rel), &to).expect("file copied");
    }
    tmp
}

#[test]
fn a_set_read_from_disk_is_the_embedded_set() -> Result<(), LexiconError> {
    let disk = Lexicon::from_dir(en_dir())?;
    let embedded = Lexicon::embedded_en();
    let (a, b): (Vec<&dyn List>, Vec<&dyn List>) = (disk.lists().collect(), embedded.lists().collect());
    assert_eq!(a.len(), b.len());
    assert!(a.len() >= 120, "{} lists", a.len());
    for (a, b) in a.iter().zip(&b) {
        assert!(a.file().ends_with(b.file().strip_prefix("resources/lexicon/en/").unwrap_or("?")), "{}", a.file());
        assert_eq!(a.check()?, b.check()?, "{}", a.file());
    }
    assert_eq!(&*disk.quotes.cue_lemmas, &*embedded.quotes.cue_lemmas);
    assert_eq!(&*disk.entities.place_nouns, &*embedded.entities.place_nouns);
    assert!(disk.quotes.cue_lemmas.contains("say") && disk.quotes.cue_lemmas.contains_ignore_ascii_case("SAY"));
    Ok(())
}

#[test]
fn a_malformed_file_on_disk_is_named_with_its_line() {
    let tmp = copy_of_en();
    let file = tmp.path().join("quotes/cue-lemmas.txt");
    let text = std::fs::read_to_string(&file).expect("read");
    let lines = text.lines().count();
    std::fs::write(&file, format!("{text}added \n")).expect("written");
    let Err(e) = Lexicon::from_dir(tmp.path()) else { panic!("a malformed set was accepted") };
    assert_eq!((e.file.as_str(), e.line), (file.display().to_string().as_str(), lines + 1), "{e}");
    assert!(e.to_string().contains("cue-lemmas.txt:") && e.message.contains("space at one end"), "{e}");
    // Bytes that are not UTF-8 are a fault of their line too.
    std::fs::write(&file, b"say\ntell\n\xff\n").expect("written");
    let Err(e) = Lexicon::from_dir(tmp.path()) else { panic!("bytes that are not UTF-8 were accepted") };
    assert_eq!(e.line, 3, "{e}");
}

#[test]
fn a_missing_file_on_disk_is_named() {
    let tmp = copy_of_en();
    let file = tmp.path().join("tone/negations.txt");
    std::fs::remove_file(&file).expect("removed");
    let Err(e) = Lexicon::from_dir(tmp.path()) else { panic!("a set without a file was accepted") };
    assert_eq!((e.file.as_str(), e.line), (file.display().to_string().as_str(), 0), "{e}");
    assert!(e.message.contains("cannot read"), "{e}");
}
