//! Time expressions through the public API, on wire-style sentences written for these tests.

use chrono::NaiveDate;
use dateline_analyze::find_times;
use proptest::prelude::*;

fn reference() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2021, 3, 10) // a Wednesday
}

fn values(text: &str) -> Vec<(String, String)> {
    find_times(text, reference()).into_iter().map(|t| (t.text, t.value)).collect()
}

#[test]
fn wire_story() {
    let text = "LISBON (Newswire - 10th March, 2021) Port workers went on strike on Wednesday, \
                a union leader said. Talks broke down on Monday after the government rejected \
                a pay offer made in January 2020. The dockers have been without a contract \
                since 2019, and the union will meet again on Friday. The 2008 Dock Strike \
                lasted two months. Cargo volumes fell last week and were down 12% last month.";
    let got = values(text);
    let want = [
        ("10th March, 2021", "2021-03-10"),
        ("on Wednesday", "2021-03-10"),
        ("on Monday", "2021-03-08"),
        ("January 2020", "2020-01"),
        ("since 2019", "2019"),
        ("on Friday", "2021-03-12"),
        ("2008", "2008"),
        ("last week", "2021-W09"),
        ("last month", "2021-02"),
    ];
    for (t, v) in want {
        assert!(got.iter().any(|(a, b)| a == t && b == v), "missing {t:?} = {v}: {got:?}");
    }
    assert_eq!(got.len(), want.len(), "{got:?}");
}

#[test]
fn ambiguous_words_need_evidence() {
    let text = "We may see a march on Sunday. Wed and Sat are abbreviations. May 5, 2020 was \
                a Tuesday; in May the talks resumed.";
    let got = values(text);
    assert_eq!(
        got,
        [
            ("on Sunday".to_string(), "2021-03-07".to_string()),
            ("May 5, 2020".to_string(), "2020-05-05".to_string()),
            ("in May".to_string(), "2021-05".to_string()),
        ]
    );
}

#[test]
fn counts_are_not_years() {
    assert!(values("Police deployed 1500 troops and 2,000 officers.").is_empty());
}

#[test]
fn no_reference_keeps_only_absolute_times() {
    let got: Vec<String> =
        find_times("On Monday, in 2013, yesterday, 5 June 2014", None).into_iter().map(|t| t.value).collect();
    assert_eq!(got, ["2013", "2014-06-05"]);
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("May".to_string()),
        Just("Sept.".to_string()),
        Just("Monday".to_string()),
        Just("last".to_string()),
        Just("in".to_string()),
        Just("ago".to_string()),
        Just("\u{201c}".to_string()),
        Just("\"".to_string()),
        Just("\u{fffd}".to_string()),
        Just("-".to_string()),
        Just("/".to_string()),
        Just(",".to_string()),
        "[0-9]{1,5}",
        "[0-9]{1,3}(th|st|s)",
        "\\PC{0,6}",
        Just(" ".to_string()),
    ]
}

proptest! {
    #[test]
    fn spans_slice_text(parts in proptest::collection::vec(piece(), 0..40), sep in "[ ,.\n]{0,2}") {
        let text = parts.join(&sep);
        for reference in [reference(), None, NaiveDate::from_ymd_opt(2100, 12, 31)] {
            for t in find_times(&text, reference) {
                let slice = text.get(t.span.0..t.span.1);
                prop_assert_eq!(slice, Some(t.text.as_str()));
                prop_assert!(!t.value.is_empty());
            }
        }
    }
}
