//! Tone tests. Expected compounds were computed with the reference implementation
//! (`vaderSentiment` 3.3.2) on these sentences, which we wrote for the test.

use super::*;
use crate::{QuoteKind, Resources, Stage};
use proptest::prelude::*;
use std::sync::OnceLock;

fn lex() -> &'static ToneLexicon {
    static LEX: OnceLock<ToneLexicon> = OnceLock::new();
    LEX.get_or_init(|| ToneLexicon::embedded().expect("embedded tone lexicon"))
}

fn compound(text: &str) -> f64 {
    polarity_scores(text, lex(), &crate::Lexicon::embedded()).compound
}

#[test]
fn compounds_match_the_reference_implementation() {
    let cases = [
        ("The harvest was good.", 0.4404),
        ("The harvest was very good.", 0.4927),
        ("The harvest was not good.", -0.3412),
        ("The harvest was GOOD, the mayor said.", 0.5622),
        ("The harvest was good!!!", 0.5826),
        ("The roads were bad, but the bridge repairs were excellent.", 0.5859),
        ("The council was not without doubt happy.", -0.5885),
        ("It is kind of good.", 0.3832),
        ("At least it is not a terrible plan.", 0.3724),
        ("There was no joy in the valley.", -0.4717),
        ("The results are the least impressive in years.", -0.4023),
        ("Why did they fail?? Nobody knows??", -0.6662),
        ("The clerk said the plan was never so good.", 0.6626),
        ("The factory reopened on Tuesday.", 0.0),
    ];
    for (text, expected) in cases {
        let got = compound(text);
        assert!((got - expected).abs() < 0.00051, "{text:?}: got {got}, reference {expected}");
    }
}

#[test]
fn shares_match_the_reference_implementation() {
    let p = polarity_scores(
        "The roads were bad, but the bridge repairs were excellent.",
        lex(),
        &crate::Lexicon::embedded(),
    );
    assert!((p.neg - 0.147).abs() < 0.0006 && (p.neu - 0.523).abs() < 0.0006 && (p.pos - 0.33).abs() < 0.0006, "{p:?}");
    assert!((p.neg + p.neu + p.pos - 1.0).abs() < 1e-9);
}

#[test]
fn rules_move_the_score_the_right_way() {
    assert!(compound("The harvest was very good.") > compound("The harvest was good."));
    assert!(compound("The harvest was slightly good.") < compound("The harvest was good."));
    assert!(compound("The harvest was not good.") < 0.0);
    assert!(compound("The harvest was not bad.") > 0.0);
    assert!(compound("The harvest was good!") > compound("The harvest was good."));
    // After "but" the second clause dominates.
    assert!(compound("The plan was excellent, but the result was bad.") < 0.0);
    assert!(compound("The plan was bad, but the result was excellent.") > 0.0);
}

#[test]
fn empty_and_punctuation_only_texts_are_neutral() {
    for t in ["", "   ", "\n\t"] {
        assert_eq!(polarity_scores(t, lex(), &crate::Lexicon::embedded()), Polarity::default(), "{t:?}");
    }
    // As in the reference, a token that stripping would empty is kept and counts as neutral.
    for t in ["...", "!!! ???", "—"] {
        assert_eq!(
            polarity_scores(t, lex(), &crate::Lexicon::embedded()),
            Polarity { neu: 1.0, ..Polarity::default() },
            "{t:?}"
        );
    }
}

#[test]
fn typographic_quotes_do_not_hide_words() {
    assert!((compound("“Good,” she said.") - compound("\"Good,\" she said.")).abs() < 1e-12);
    assert!(compound("“Good,” she said.") > 0.0);
}

#[test]
fn article_fields_follow_their_definitions() {
    let text = "The new bridge is excellent. We are happy, the residents said. The old road was terrible and dangerous. Crews attacked the potholes on Monday.";
    let sentences = dateline_text::segment::sentences(text);
    let t = article_tone(text, &sentences, &[], lex(), &crate::Lexicon::embedded());
    assert_eq!(t.word_count, 24);
    // Positive: excellent, happy. Negative: terrible, dangerous. Pronoun: we. Activity: attacked.
    // ("attacked" is also negative in VADER.)
    assert!((t.positive - round4(200.0 / 24.0)).abs() < 1e-9, "{t:?}");
    assert!((t.negative - round4(300.0 / 24.0)).abs() < 1e-9, "{t:?}");
    assert!((t.score - round4(t.positive - t.negative)).abs() < 1e-9);
    assert!((t.polarity - round4(t.positive + t.negative)).abs() < 1e-9);
    assert!((t.self_group_density - round4(100.0 / 24.0)).abs() < 1e-9, "{t:?}");
    assert!((t.activity_density - round4(100.0 / 24.0)).abs() < 1e-9, "{t:?}");
    assert!(t.compound > -1.0 && t.compound < 1.0);
    assert!(t.speakers.is_empty());
}

#[test]
fn negated_words_count_on_the_other_side() {
    let text = "The plan is not good.";
    let t = article_tone(text, &dateline_text::segment::sentences(text), &[], lex(), &crate::Lexicon::embedded());
    assert_eq!((t.positive, t.word_count), (0.0, 5));
    assert!((t.negative - 20.0).abs() < 1e-9, "{t:?}");
}

#[test]
fn speakers_get_the_mean_of_their_quotes() {
    let q = |speaker: Option<&str>, content: &str| Quote {
        speaker: speaker.map(str::to_string),
        speaker_name: speaker.map(|s| format!("Name {s}")),
        speaker_mention: None,
        speaker_affiliation: None,
        kind: QuoteKind::Direct,
        cue: Some("said".into()),
        content: content.into(),
        span: Span(0, 0),
        confidence: 0.9,
        tone: None,
    };
    let quotes = [
        q(Some("e2"), "The harvest was good."),
        q(Some("e1"), "The harvest was not good."),
        q(Some("e2"), "The factory reopened on Tuesday."),
        q(None, "The harvest was very good."),
    ];
    let t = article_tone("", &[], &quotes, lex(), &crate::Lexicon::embedded());
    assert_eq!(t.speakers.len(), 2);
    assert_eq!((t.speakers[0].speaker.as_str(), t.speakers[0].quotes), ("e2", 2));
    assert!((t.speakers[0].tone - round4(0.4404 / 2.0)).abs() < 0.0006, "{:?}", t.speakers[0]);
    assert_eq!(t.speakers[0].name.as_deref(), Some("Name e2"));
    assert_eq!((t.speakers[1].speaker.as_str(), t.speakers[1].quotes), ("e1", 1));
    assert!(t.speakers[1].tone < 0.0);
    assert_eq!(t.word_count, 0);
}

#[test]
fn analysis_fills_tone_for_english_and_not_for_other_languages() {
    let resources = Resources::embedded().expect("resources");
    let doc = |text: &str| {
        let prepared =
            dateline_text::prepare(text.as_bytes(), &dateline_text::DecodeHint::default(), 0).expect("prepare");
        dateline_text::Document::new(
            prepared,
            Default::default(),
            dateline_text::SourceRef { path: None, url: None, format: dateline_text::Format::Text, record: None },
        )
    };
    let en = crate::analyze(
        &doc("The mayor praised the excellent new library on Monday. \"It is a wonderful day for the town,\" Mayor Ann Fielding said."),
        &resources,
    );
    let tone = en.tone.expect("tone for English");
    assert!(tone.compound > 0.0 && tone.positive > 0.0, "{tone:?}");
    assert!(en.quotes.iter().all(|q| q.tone.is_some()));
    let es = crate::analyze(
        &doc("El ayuntamiento aprobó ayer el nuevo plan de vivienda para los barrios del norte de la ciudad, con más de mil pisos."),
        &resources,
    );
    assert_eq!(es.tone, None);
    assert!(es.skipped_stages.contains(&Stage::Tone));
}

proptest! {
    #[test]
    fn scores_are_bounded_and_never_panic(text in "\\PC{0,200}") {
        let p = polarity_scores(&text, lex(), &crate::Lexicon::embedded());
        prop_assert!((-1.0..=1.0).contains(&p.compound));
        for x in [p.neg, p.neu, p.pos] {
            prop_assert!((0.0..=1.0 + 1e-9).contains(&x));
        }
        let sentences = dateline_text::segment::sentences(&text);
        let t = article_tone(&text, &sentences, &[], lex(), &crate::Lexicon::embedded());
        prop_assert!((-100.0..=100.0).contains(&t.score));
        for x in [t.positive, t.negative, t.polarity, t.activity_density, t.self_group_density] {
            prop_assert!((0.0..=100.0).contains(&x));
        }
        prop_assert!((-1.0..=1.0).contains(&t.compound));
    }

    #[test]
    fn sentiment_words_stay_bounded(words in proptest::collection::vec(
        prop_oneof![
            Just("good"), Just("BAD"), Just("not"), Just("very"), Just("but"), Just("no"), Just("least"),
            Just("kind"), Just("of"), Just("never"), Just("so"), Just("!"), Just("??"), Just("the"), Just("EXCELLENT"),
        ], 0..60)) {
        let text = words.join(" ");
        let p = polarity_scores(&text, lex(), &crate::Lexicon::embedded());
        prop_assert!((-1.0..=1.0).contains(&p.compound));
        prop_assert!(p.neg >= 0.0 && p.pos >= 0.0 && p.neu >= 0.0);
    }
}
