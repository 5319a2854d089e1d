//! Unit tests of the whole quote stage on passages written for them, with hand-built entities.

use dateline_text::segment::sentences;
use dateline_text::Span;

use super::find_quotes;
use crate::{Entity, Mention, Quote, QuoteKind};

fn entity(
    id: &str,
    kind: &str,
    name: &str,
    title: Option<&str>,
    role: Option<&str>,
    text: &str,
    mentions: &[&str],
) -> Entity {
    let mut spans = Vec::new();
    for m in mentions {
        let mut from = 0;
        while let Some(i) = text[from..].find(m) {
            spans.push(Mention { text: m.to_string(), span: Span(from + i, from + i + m.len()), via: None });
            from += i + m.len();
        }
    }
    Entity {
        id: id.into(),
        name: name.into(),
        kind: kind.parse().expect("an entity type"),
        title: title.map(Into::into),
        role: role.map(Into::into),
        country: None,
        geo: None,
        mentions: spans,
    }
}

fn run(text: &str, ents: &[Entity]) -> Vec<Quote> {
    let q = find_quotes(text, &sentences(text), ents);
    for x in &q {
        assert_eq!(&text[x.span.0..x.span.1], x.content);
    }
    q
}

fn summary(q: &[Quote]) -> Vec<(String, String, Option<String>, Option<String>)> {
    q.iter().map(|q| (q.kind.to_string(), q.content.clone(), q.cue.clone(), q.speaker.clone())).collect()
}

const STORY: &str = "OSLO (Wire Agency - 4th May, 2022) Fishing quotas in the Barents Sea will be cut by a third, \
the director of the national marine institute, Dr. Ingrid Solberg, said on Tuesday.\n\n\
\"We cannot keep taking more than the sea gives back. The stocks have halved in a decade,\" Solberg said at a \
hearing in parliament.\n\n\
Trade Minister Per Aas said that the cut would hurt coastal towns.\n\n\
\"The numbers are clear. Nobody in this room disputes them,\" the marine scientist added.\n\n\
According to Solberg, cod stocks could recover within five years.\n\n\
\"We are not asking for a ban,\" she stresed. \"We are asking for patience.\"\n\n\
The measures were described by the Fishermen's Union as \"brutal\" and unfair. \
According to the Coast Guard, some 300 vessels operate in the area.";

fn story_entities() -> Vec<Entity> {
    vec![
        entity(
            "e1",
            "PERSON",
            "Ingrid Solberg",
            Some("Dr."),
            Some("director of the national marine institute"),
            STORY,
            &["Ingrid Solberg", "Solberg"],
        ),
        entity("e2", "PERSON", "Per Aas", Some("Trade Minister"), None, STORY, &["Per Aas"]),
        entity("e3", "ORG", "Fishermen's Union", None, None, STORY, &["Fishermen's Union"]),
        entity("e4", "ORG", "Coast Guard", None, None, STORY, &["Coast Guard"]),
    ]
}

#[test]
fn wire_story_all_forms() {
    let q = run(STORY, &story_entities());
    let s = summary(&q);
    let get = |start: &str| s.iter().find(|x| x.1.starts_with(start)).cloned();
    let e = |id: &str| Some(id.to_string());
    let lead = get("Fishing quotas").expect("lead");
    assert_eq!((lead.0.as_str(), lead.2.as_deref(), lead.3.clone()), ("indirect", Some("said"), e("e1")));
    assert!(lead.1.ends_with("by a third"));
    let d1 = get("We cannot keep").expect("direct");
    assert_eq!((d1.0.as_str(), d1.3.clone()), ("direct", e("e1")));
    assert!(d1.1.ends_with("in a decade"));
    let ind = get("the cut would hurt").expect("that-clause");
    assert_eq!((ind.0.as_str(), ind.3.clone()), ("indirect", e("e2")));
    let d2 = get("The numbers are clear").expect("nominal");
    assert_eq!((d2.2.as_deref(), d2.3.clone()), (Some("added"), None));
    let acc = get("cod stocks").expect("according to");
    assert_eq!((acc.2.as_deref(), acc.3.clone()), (Some("According to"), e("e1")));
    let typo = get("We are not asking").expect("misspelt cue");
    assert_eq!((typo.2.as_deref(), typo.3.clone()), (Some("stresed"), e("e1")));
    let cont = get("We are asking for patience").expect("interrupted");
    assert_eq!(cont.3, e("e1"));
    let partial = get("brutal").expect("partial");
    assert_eq!(
        (partial.0.as_str(), partial.2.as_deref(), partial.3.clone()),
        ("partial", Some("described by"), e("e3"))
    );
    let acc2 = get("some 300 vessels").expect("according to org");
    assert_eq!(acc2.3, e("e4"));
}

#[test]
fn speaker_mention_is_the_phrase_at_the_cue() {
    let text = "Dr. Ingrid Solberg, director of the institute, spoke first.\n\n\
\"The numbers are clear,\" the director added.";
    let ents = [entity(
        "e1",
        "PERSON",
        "Ingrid Solberg",
        Some("Dr."),
        Some("director of the institute"),
        text,
        &["Ingrid Solberg"],
    )];
    let q = run(text, &ents);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].speaker.as_deref(), Some("e1"));
    assert_eq!(q[0].speaker_mention.as_ref().map(|m| m.text.as_str()), Some("the director"));
}

#[test]
fn told_reporters_and_said_x() {
    let text = "Mayor Lisa Grant told reporters that the bridge would reopen in June. \
The repairs cost more than planned, said Tom Reyes, the city engineer.";
    let ents = [
        entity("e1", "PERSON", "Lisa Grant", Some("Mayor"), None, text, &["Lisa Grant"]),
        entity("e2", "PERSON", "Tom Reyes", None, Some("the city engineer"), text, &["Tom Reyes"]),
    ];
    let s = summary(&run(text, &ents));
    assert_eq!(s.len(), 2, "{s:?}");
    assert_eq!(s[0].1, "the bridge would reopen in June");
    assert_eq!(s[0].3.as_deref(), Some("e1"));
    assert_eq!(s[1].1, "The repairs cost more than planned");
    assert_eq!(s[1].3.as_deref(), Some("e2"));
}

#[test]
fn unresolved_speakers_stay_unknown() {
    let text = "\"This deal is a disaster for farmers,\" a delegate from the north said after the vote.";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].speaker, None);
    assert_eq!(q[0].speaker_mention.as_ref().map(|m| m.text.as_str()), Some("a delegate from the north"));
}

#[test]
fn multi_paragraph_quote_shares_speaker() {
    let text = "Ana Ruiz said:\n\n\"The first part of the plan is to cut waste.\n\n\"The second part is to invest in schools.\"";
    let ents = [entity("e1", "PERSON", "Ana Ruiz", None, None, text, &["Ana Ruiz"])];
    let q = run(text, &ents);
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(q.iter().all(|q| q.speaker.as_deref() == Some("e1") && q.kind == QuoteKind::Direct));
}

#[test]
fn pronoun_without_evidence_stays_unresolved() {
    // Two persons, neither's gender known, the subject is not the latest: no guess.
    // (Surnames alone: a first name would tell the gender.)
    let text = "Ruiz met Reyes on Monday. \"We agreed on nothing at all,\" he said.";
    let ents = [
        entity("e1", "PERSON", "Ruiz", None, None, text, &["Ruiz"]),
        entity("e2", "PERSON", "Reyes", None, None, text, &["Reyes"]),
    ];
    let q = run(text, &ents);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].speaker, None);
    assert_eq!(q[0].speaker_mention.as_ref().map(|m| m.text.as_str()), Some("he"));
    assert!(q[0].confidence > 0.0 && q[0].confidence < 0.7, "{}", q[0].confidence);
}

#[test]
fn called_reports_its_object_with_the_quoted_name() {
    let text = "Senator Joan Pike called the strike \"irresponsible\" on Friday.";
    let ents = [entity("e1", "PERSON", "Joan Pike", Some("Senator"), None, text, &["Joan Pike"])];
    let q = run(text, &ents);
    assert_eq!(
        summary(&q),
        [("indirect".into(), "the strike \"irresponsible\"".into(), Some("called".into()), Some("e1".into()))]
    );
}

#[test]
fn scare_quotes_and_apostrophes_are_not_quotes() {
    let text = "The so-called \"peace dividend\" never came. The States' 'plan' isn't new.";
    assert!(run(text, &[]).is_empty());
}

/// (kind, content, cue, speaker mention) of each quote, for the short cases below.
fn shapes(text: &str, ents: &[Entity]) -> Vec<(String, String, Option<String>, Option<String>)> {
    run(text, ents)
        .into_iter()
        .map(|q| (q.kind.to_string(), q.content, q.cue, q.speaker_mention.map(|m| m.text)))
        .collect()
}

/// [`shapes`] without the partial quotes nested in reported speech (tested on their own).
fn outer(text: &str, ents: &[Entity]) -> Vec<(String, String, Option<String>, Option<String>)> {
    let all = shapes(text, ents);
    let reported: Vec<String> = all.iter().filter(|q| q.0 == "indirect").map(|q| q.1.clone()).collect();
    all.into_iter().filter(|q| q.0 != "partial" || !reported.iter().any(|r| r.contains(q.1.as_str()))).collect()
}

fn one(
    kind: &str,
    content: &str,
    cue: &str,
    speaker: Option<&str>,
) -> Vec<(String, String, Option<String>, Option<String>)> {
    vec![(kind.into(), content.into(), Some(cue.into()), speaker.map(Into::into))]
}

#[test]
fn verbs_of_thought_report_a_clause() {
    assert_eq!(
        shapes("Party officials believe that the vote will be close.", &[]),
        one("indirect", "the vote will be close", "believe", Some("Party officials"))
    );
    assert_eq!(
        shapes("Most analysts think the central bank will cut rates in March.", &[]),
        one("indirect", "the central bank will cut rates in March", "think", Some("Most analysts"))
    );
    assert_eq!(
        shapes("The audit found that the agency had overspent by a fifth.", &[]),
        one("indirect", "the agency had overspent by a fifth", "found", Some("The audit"))
    );
    // No clause, no quote: a plain object, a preposition, "so", a passive, an infinitive.
    for text in [
        "She believes in hard work and long hours.",
        "They think so.",
        "He knows the area well.",
        "The vote is expected to be close.",
        "The body was found near the river.",
        "Farmers want to know that the rain will come.",
    ] {
        let s = shapes(text, &[]);
        assert!(
            s.iter().all(|q| q.2.as_deref() != Some("believes") && q.2.as_deref() != Some("think")),
            "{text}: {s:?}"
        );
        assert!(
            s.iter().all(|q| !matches!(q.2.as_deref(), Some("knows" | "expected" | "found" | "know"))),
            "{text}: {s:?}"
        );
    }
}

#[test]
fn verbs_of_intent_report_an_infinitive() {
    let text = "Mayor Lisa Grant plans to visit the flooded district next week. \
The water board declined to comment. The union wants the council to delay the vote.";
    let ents = [entity("e1", "PERSON", "Lisa Grant", Some("Mayor"), None, text, &["Lisa Grant"])];
    let q = run(text, &ents);
    let got: Vec<(&str, &str, Option<&str>)> =
        q.iter().map(|q| (q.content.as_str(), q.cue.as_deref().unwrap_or(""), q.speaker.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("to visit the flooded district next week", "plans", Some("e1")),
            ("to comment", "declined", None),
            ("the council to delay the vote", "wants", None),
        ]
    );
    // "plans" as a noun, a plan of someone's, a modifier, a writer's aside: no quote.
    for text in [
        "The government unveiled plans to build a dam on the river.",
        "His tax plan to cut rates for small firms was popular.",
        "Investors seeking to profit from the crisis bought bonds.",
        "Readers might want to check the figures again.",
    ] {
        assert!(run(text, &[]).is_empty(), "{text}");
    }
}

#[test]
fn parenthetical_attributions() {
    // Two fragments, as for a direct quote interrupted by its attribution.
    let s = shapes("The new levy, the finance minister said, will raise little money.", &[]);
    let mut want = one("indirect", "The new levy", "said", Some("the finance minister"));
    want.extend(one("indirect", "will raise little money", "said", Some("the finance minister")));
    assert_eq!(s, want);
    let s = shapes("For two decades, the envoy noted, the border has stayed closed to trade.", &[]);
    assert_eq!(s, one("indirect", "the border has stayed closed to trade", "noted", Some("the envoy")));
    // The attribution ends the sentence: the content is before it only.
    let s = shapes("The levy will raise little money, the minister said on Monday.", &[]);
    assert_eq!(s, one("indirect", "The levy will raise little money", "said", Some("the minister")));
}

#[test]
fn passives_and_quoted_as_saying() {
    let text = "It was reported that the talks had collapsed. The plan was announced on Monday. \
Lisa Grant was quoted as saying the bridge would reopen in June.";
    let ents = [entity("e1", "PERSON", "Lisa Grant", None, None, text, &["Lisa Grant"])];
    let q = run(text, &ents);
    let got: Vec<(&str, Option<&str>, Option<&str>)> =
        q.iter().map(|q| (q.content.as_str(), q.cue.as_deref(), q.speaker.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("the talks had collapsed", Some("reported"), None),
            ("the bridge would reopen in June", Some("quoted as saying"), Some("e1")),
        ]
    );
    assert!(q[0].speaker_mention.is_none(), "no speaker for an impersonal passive");
}

#[test]
fn colon_led_statements() {
    let text = "Lisa Grant said: The bridge will reopen in June.\n\n\
Tom Reyes: We have the money and the crews to finish it.\n\n\
Morning Briefing: Bridge repairs run over budget again.\n\n\
Editor's note: This story has been updated with new figures.";
    let ents = [
        entity("e1", "PERSON", "Lisa Grant", None, None, text, &["Lisa Grant"]),
        entity("e2", "PERSON", "Tom Reyes", None, None, text, &["Tom Reyes"]),
    ];
    let s = summary(&run(text, &ents));
    assert_eq!(
        s,
        [
            ("indirect".into(), "The bridge will reopen in June".into(), Some("said".into()), Some("e1".into())),
            // (First-person words after a speaker's colon are the speaker's own: `unquoted.rs`.)
            (
                "direct".into(),
                "We have the money and the crews to finish it".into(),
                Some(":".into()),
                Some("e2".into())
            ),
        ]
    );
}

#[test]
fn coordinated_verbs_and_relative_speakers() {
    let text = "Mayor Lisa Grant toured the site on Friday and said the bridge would reopen in June. \
The plan was backed by Tom Reyes, who said the repairs were overdue.";
    let ents = [
        entity("e1", "PERSON", "Lisa Grant", Some("Mayor"), None, text, &["Lisa Grant"]),
        entity("e2", "PERSON", "Tom Reyes", None, None, text, &["Tom Reyes"]),
    ];
    let s = summary(&run(text, &ents));
    assert_eq!(s.len(), 2, "{s:?}");
    assert_eq!((s[0].1.as_str(), s[0].3.as_deref()), ("the bridge would reopen in June", Some("e1")));
    assert_eq!((s[1].1.as_str(), s[1].3.as_deref()), ("the repairs were overdue", Some("e2")));
    // A subject that is not a name is kept as the mention, unresolved.
    let q = run("The delegation toured the site and said the bridge was unsafe.", &[]);
    assert_eq!(summary(&q), one("indirect", "the bridge was unsafe", "said", None));
    assert_eq!(q[0].speaker_mention.as_ref().map(|m| m.text.as_str()), Some("The delegation"));
}

#[test]
fn according_to_polls_and_headlines() {
    let s = shapes("According to a Harbour/Metro poll, most residents back the levy.", &[]);
    assert_eq!(s, one("indirect", "most residents back the levy", "According to", Some("a Harbour/Metro poll")));
    let s = shapes("In the latest city survey, two in three residents backed the levy.", &[]);
    assert_eq!(s, one("indirect", "two in three residents backed the levy", "In", Some("the latest city survey")));
    // Not a study: the stance is the residents' own.
    let s = shapes("In the end, residents backed the levy.", &[]);
    assert_eq!(s, one("indirect", "the levy", "backed", Some("residents")));
    let s = shapes("Port Chief Says Traffic Will Recover", &[]);
    assert_eq!(s, one("indirect", "Traffic Will Recover", "Says", Some("Port Chief")));
}

#[test]
fn scare_quotes_near_verbs_of_thought_stay_inside_the_clause() {
    // The clause is reported; the quoted word inside it is not a partial quote of its own.
    let s = shapes("Many voters think the \"reform\" is a sham.", &[]);
    assert_eq!(s, one("indirect", "the \"reform\" is a sham", "think", Some("Many voters")));
    // A quoted word framed only by a verb of thought is nobody's quote.
    let s = shapes("Voters who fear the \"elites\" stayed home.", &[]);
    assert!(s.is_empty(), "{s:?}");
}

#[test]
fn verbs_of_stance_attribute_their_object() {
    let text = "Senator Joan Pike criticised the port authority for the delays. \
Mayor Lisa Grant, who endorsed Pike in March, stayed silent. Pike called for a full inquiry.";
    let ents = [
        entity("e1", "PERSON", "Joan Pike", Some("Senator"), None, text, &["Joan Pike", "Pike"]),
        entity("e2", "PERSON", "Lisa Grant", Some("Mayor"), None, text, &["Lisa Grant"]),
    ];
    let s = summary(&run(text, &ents));
    assert_eq!(
        s,
        [
            (
                "indirect".into(),
                "the port authority for the delays".into(),
                Some("criticised".into()),
                Some("e1".into())
            ),
            // (The time of the endorsement is not what was endorsed.)
            ("indirect".into(), "Pike".into(), Some("endorsed".into()), Some("e2".into())),
            ("indirect".into(), "a full inquiry".into(), Some("called for".into()), Some("e1".into())),
        ]
    );
    // A passive, a participle modifying a noun, an agent noun, a look-alike: no quote.
    for text in [
        "The plan was criticised by unions.",
        "Voters supporting the levy turned out early.",
        "The endorsers met on Friday.",
        "The council raised the levy by a third.",
    ] {
        assert!(run(text, &[]).is_empty(), "{text}");
    }
}

#[test]
fn questions_and_as_clauses() {
    let s = shapes("Asked on Monday whether the bridge would reopen, the mayor said she hoped so.", &[]);
    assert!(
        s.contains(&("indirect".into(), "whether the bridge would reopen".into(), Some("Asked".into()), None)),
        "{s:?}"
    );
    let s = shapes("As the harbour newspaper reported, the ferry will stop running in May.", &[]);
    assert_eq!(s, one("indirect", "the ferry will stop running in May", "reported", Some("the harbour newspaper")));
    let s = shapes("As reported by the harbour newspaper, the ferry will stop running in May.", &[]);
    assert_eq!(s, one("indirect", "the ferry will stop running in May", "reported", Some("the harbour newspaper")));
    let s = shapes("The union called on the council to delay the vote.", &[]);
    assert_eq!(s, one("indirect", "the council to delay the vote", "called on", Some("The union")));
    let s = shapes("Said Grant, \"We will finish the bridge by June.\"", &[]);
    assert_eq!(s, one("direct", "We will finish the bridge by June.", "Said", Some("Grant")));
}

#[test]
fn content_ends_where_the_speaker_does_something_else() {
    let s = shapes("The mayor said the bridge would reopen in June, adding that the cost had doubled.", &[]);
    let contents: Vec<&str> = s.iter().map(|q| q.1.as_str()).collect();
    assert_eq!(contents, ["the bridge would reopen in June", "the cost had doubled"]);
    let s = shapes("She says she respects the council and calls its plan \"bold.\"", &[]);
    assert_eq!(s[0].1, "she respects the council", "{s:?}");
    let s = shapes("She says she respects the council but warns that the plan will fail.", &[]);
    let got: Vec<(&str, Option<&str>, Option<&str>)> =
        s.iter().map(|q| (q.1.as_str(), q.2.as_deref(), q.3.as_deref())).collect();
    assert_eq!(
        got,
        [("she respects the council", Some("says"), Some("She")), ("the plan will fail", Some("warns"), Some("She"))]
    );
}

#[test]
fn noun_cues_report_their_that_clause() {
    let s = shapes("The council heard the mayor's claim that the bridge would reopen in June.", &[]);
    assert!(
        s.contains(&(
            "indirect".into(),
            "the bridge would reopen in June".into(),
            Some("claim".into()),
            Some("the mayor".into())
        )),
        "{s:?}"
    );
    let s = shapes("Officials acted on a warning by the harbour authority that the pier was unsafe.", &[]);
    assert_eq!(s, one("indirect", "the pier was unsafe", "warning", Some("the harbour authority")));
    let s = shapes("Ferry operators repeated their belief that the new timetable will cut costs.", &[]);
    assert!(
        s.contains(&(
            "indirect".into(),
            "the new timetable will cut costs".into(),
            Some("belief".into()),
            Some("their".into())
        )),
        "{s:?}"
    );
    // No possessor and no "by" phrase: the speaker stays unknown.
    let s = shapes("Shares fell amid fears that the mill would close before winter.", &[]);
    assert_eq!(s, one("indirect", "the mill would close before winter", "fears", None));
}

#[test]
fn noun_cues_skip_relative_clauses_and_sentence_subjects() {
    for text in [
        "The council studied the report that the agency released last week.",
        "Voters remembered the promise that he made.",
        "Critics questioned the claim that was published on Monday.",
        "It was a warning that the mayor would repeat often.",
        // A noun phrase that opens the sentence runs into its own verb: left out.
        "The mayor's claim that the bridge would reopen was false.",
    ] {
        let s = shapes(text, &[]);
        assert!(
            !s.iter().any(|q| matches!(q.2.as_deref(), Some("claim" | "promise" | "warning" | "report"))),
            "{text}: {s:?}"
        );
    }
}

#[test]
fn content_ends_at_a_second_attribution_a_relative_clause_or_the_occasion() {
    let contents = |text: &str| -> Vec<String> { shapes(text, &[]).into_iter().map(|q| q.1).collect() };
    // ", and most voters said ...": two attributions, each with its own content.
    assert_eq!(
        contents("Half of the farmers said the levy was too high, and most traders said the port should stay open."),
        ["the levy was too high", "the port should stay open"]
    );
    // ", which ..." after a whole clause is the writer's aside.
    assert_eq!(
        contents("The mayor said the council had met the engineer, who was hired in May."),
        ["the council had met the engineer"]
    );
    // ... but not after the subject of the content.
    assert_eq!(
        contents("The mayor said the engineer, who was hired in May, had quit."),
        ["the engineer, who was hired in May, had quit"]
    );
    // The occasion of the statement is not what was said.
    assert_eq!(
        contents("The minister said the dam was safe in an interview with a local radio station."),
        ["the dam was safe"]
    );
    assert_eq!(
        contents("Two officials said the talks had stalled on condition of anonymity."),
        ["the talks had stalled"]
    );
    // "According to X, CONTENT" keeps its relative clauses (the whole sentence is attributed).
    assert_eq!(
        contents("According to the agency, the dam holds back a lake, which covers two valleys."),
        ["the dam holds back a lake, which covers two valleys"]
    );
}

#[test]
fn quoted_words_inside_reported_clauses() {
    // The quoted words open a clause that goes on after the closing mark.
    let s = outer("Mayor Ada Mbeki says \"the tide has turned\" despite a month of strikes at the docks.", &[]);
    assert_eq!(
        s,
        one(
            "indirect",
            "\"the tide has turned\" despite a month of strikes at the docks",
            "says",
            Some("Mayor Ada Mbeki")
        )
    );
    // ... but a quote that is the whole object stays direct.
    let s = outer("Mbeki said \"we will win\" and left the stage.", &[]);
    assert_eq!(s[0].0, "direct", "{s:?}");
    // An infinitive may open with a quoted verb.
    let s = outer("Okafor vowed to \"keep the mills open\" in the towns that have lost jobs.", &[]);
    assert_eq!(
        s,
        one("indirect", "to \"keep the mills open\" in the towns that have lost jobs", "vowed", Some("Okafor"))
    );
    let s = outer("She asked them to \"think hard\" about the size of the new levy.", &[]);
    assert_eq!(s, one("indirect", "them to \"think hard\" about the size of the new levy", "asked", Some("She")));
    // A common-noun hearer after "told".
    let s = outer("Lee told a town hall in Salem on Monday that the levy is too high.", &[]);
    assert_eq!(s, one("indirect", "the levy is too high", "told", Some("Lee")));
}

#[test]
fn attributions_around_asides_relatives_and_reversed_marks() {
    let got = |text: &str| -> Vec<(String, String, Option<String>)> {
        outer(text, &[]).into_iter().map(|q| (q.0, q.1, q.3)).collect()
    };
    let q = |kind: &str, content: &str, speaker: &str| {
        vec![(kind.to_string(), content.to_string(), Some(speaker.to_string()))]
    };
    // An opening mark typed as the closer.
    assert_eq!(
        got("\"This could cost the port its busiest season,\u{201C} said Ines Varga, a harbour pilot."),
        q("direct", "This could cost the port its busiest season", "Ines Varga")
    );
    // An inverted cue with a quantified speaker, and with a relative clause after the speaker.
    assert_eq!(
        got("The new road helped the farmers far more than the traders, said several residents."),
        q("indirect", "The new road helped the farmers far more than the traders", "several residents")
    );
    assert_eq!(
        got("The district \"needs a doctor who lives here,\" said the woman who ran the clinic for years."),
        q("indirect", "The district \"needs a doctor who lives here,\"", "the woman")
    );
    // "Said X, who ..., "..."".
    assert_eq!(
        got("Said Tom Brecht, who coached the swimmer as a boy, \"Nobody in town was surprised.\""),
        q("direct", "Nobody in town was surprised.", "Tom Brecht")
    );
    // Asides between dashes, after the cue and inside the subject.
    assert_eq!(
        got("Paul Hart said \u{2014} on the radio, as it happens \u{2014} that the campaign raised $4 million."),
        q("indirect", "the campaign raised $4 million", "Paul Hart")
    );
    assert_eq!(
        got("Many speakers \u{2014} including farmers and teachers \u{2014} said the flood was painful."),
        q("indirect", "the flood was painful", "Many speakers")
    );
    // A long subject that opens the sentence.
    assert_eq!(
        got("Most of the fishermen from the three villages along the northern shore meeting the inspectors on Tuesday said they oppose the quota."),
        q(
            "indirect",
            "they oppose the quota",
            "Most of the fishermen from the three villages along the northern shore meeting the inspectors on Tuesday"
        )
    );
}

#[test]
fn verbs_of_support_attack_and_pledge() {
    let got = |text: &str| -> Vec<(String, Option<String>, Option<String>)> {
        shapes(text, &[]).into_iter().map(|q| (q.1, q.2, q.3)).collect()
    };
    let q = |content: &str, cue: &str, speaker: &str| {
        vec![(content.to_string(), Some(cue.to_string()), Some(speaker.to_string()))]
    };
    assert_eq!(got("The farmers' union supported the new levy."), q("the new levy", "supported", "The farmers' union"));
    assert_eq!(got("Senator Ann Lee attacked the budget plan."), q("the budget plan", "attacked", "Senator Ann Lee"));
    assert_eq!(got("The mayor backed the port expansion."), q("the port expansion", "backed", "The mayor"));
    assert_eq!(got("He pledged to rebuild the bridge by June."), q("to rebuild the bridge by June", "pledged", "He"));
    assert_eq!(
        got("Governor Ann Lee spoke for an hour, referring to the flood as a warning."),
        q("the flood as a warning", "referring to", "Governor Ann Lee")
    );
    // Nouns, not acts of support or attack.
    for text in [
        "The attacks on the port killed four people.",
        "The support beams of the bridge were replaced.",
        "Future attacks around the region remain likely.",
        "She came back to the city in May.",
    ] {
        assert!(shapes(text, &[]).is_empty(), "{text}: {:?}", shapes(text, &[]));
    }
}

fn speakers(text: &str, ents: &[Entity]) -> Vec<(String, Option<String>, Option<String>)> {
    run(text, ents).into_iter().map(|q| (q.content, q.speaker_mention.map(|m| m.text), q.speaker)).collect()
}

#[test]
fn a_person_ending_the_speaker_phrase_outranks_a_longer_name_modifying_it() {
    // Regression: the organisation before the role noun was longer, so it was the speaker.
    let text = "Harbour Authority spokesperson Ivo Marek dismissed the claims, telling reporters that \
\"the pier is safe.\"";
    let ents = [
        entity("e1", "ORG", "Harbour Authority", None, None, text, &["Harbour Authority"]),
        entity("e2", "PERSON", "Ivo Marek", None, None, text, &["Ivo Marek"]),
    ];
    let q = run(text, &ents);
    assert!(!q.is_empty() && q.iter().all(|q| q.speaker.as_deref() == Some("e2")), "{q:?}");
    // A clause before the last person: the person opening it speaks, not its object.
    let text = "At the meeting, party chairman Ivo Marek fairly scolded Ana Ruiz for saying the pier was unsafe.";
    let ents = [
        entity("e1", "PERSON", "Ivo Marek", None, None, text, &["Ivo Marek"]),
        entity("e2", "PERSON", "Ana Ruiz", None, None, text, &["Ana Ruiz"]),
    ];
    let q = run(text, &ents);
    assert!(!q.is_empty() && q.iter().all(|q| q.speaker.as_deref() == Some("e1")), "{q:?}");
    // A capitalised title with its "of" part between the place and the person.
    let text = "Harbour County Supervisor of Elections Ana Ruiz said the count would end on Friday.";
    let ents = [
        entity("e1", "GPE", "Harbour County", None, None, text, &["Harbour County"]),
        entity("e2", "PERSON", "Ana Ruiz", None, None, text, &["Ana Ruiz"]),
    ];
    let q = run(text, &ents);
    assert_eq!(q.first().and_then(|q| q.speaker.as_deref()), Some("e2"), "{q:?}");
    // A capitalised role noun after a place's possessive: the place is no speaker.
    let text = "Ruritania's Ambassador to Faro said the talks would resume.";
    let ents = [
        entity("e1", "GPE", "Ruritania", None, None, text, &["Ruritania"]),
        entity("e2", "GPE", "Faro", None, None, text, &["Faro"]),
    ];
    let q = run(text, &ents);
    assert!(!q.is_empty() && q.iter().all(|q| q.speaker.is_none()), "{q:?}");
    // A clause whose subject is the person after titles and modifiers.
    for text in [
        "Harbour board candidate Ana Ruiz is making a pitch to ferry users by promising that the pier will reopen.",
        "Moderator Ana Ruiz started the debate off by asking whether the pier would reopen.",
    ] {
        let ents = [entity("e1", "PERSON", "Ana Ruiz", None, None, text, &["Ana Ruiz"])];
        let q = run(text, &ents);
        assert!(!q.is_empty() && q.iter().all(|q| q.speaker.as_deref() == Some("e1")), "{text}: {q:?}");
    }
    // The person opening the clause outranks a longer name in its object.
    let text = "Ana Ruiz included Ruritania on a list of countries she said were unsafe for ferries.";
    let ents = [
        entity("e1", "PERSON", "Ana Ruiz", None, None, text, &["Ana Ruiz"]),
        entity("e2", "GPE", "Ruritania", None, None, text, &["Ruritania"]),
    ];
    let q = run(text, &ents);
    assert!(!q.is_empty() && q.iter().all(|q| q.speaker.as_deref() == Some("e1")), "{q:?}");
    // The organisation alone still speaks for itself.
    let text = "The Harbour Authority said the pier was safe.";
    let ents = [entity("e1", "ORG", "Harbour Authority", None, None, text, &["Harbour Authority"])];
    let q = run(text, &ents);
    assert_eq!(q.first().and_then(|q| q.speaker.as_deref()), Some("e1"), "{q:?}");
}

#[test]
fn pronoun_agrees_in_gender_with_the_article_evidence() {
    let text = "Ana Ruiz met Tom Reyes on Monday. Ruiz said her office would review the deal. \
\"We agreed on nothing at all,\" he said.";
    let ents = [
        entity("e1", "PERSON", "Ana Ruiz", None, None, text, &["Ana Ruiz", "Ruiz"]),
        entity("e2", "PERSON", "Tom Reyes", None, None, text, &["Tom Reyes"]),
    ];
    let q = run(text, &ents);
    let last = q.last().map(|q| (q.speaker.as_deref(), q.confidence));
    assert_eq!(last.map(|l| l.0), Some(Some("e2")));
    assert!(last.is_some_and(|l| l.1 >= 0.7));
    // A title says it too, and "he" never goes to a woman.
    let text = "Ms. Ruiz met Mr. Reyes on Monday. \"We agreed on nothing at all,\" she said.";
    let ents = [
        entity("e1", "PERSON", "Ruiz", Some("Ms."), None, text, &["Ruiz"]),
        entity("e2", "PERSON", "Reyes", Some("Mr."), None, text, &["Reyes"]),
    ];
    assert_eq!(run(text, &ents)[0].speaker.as_deref(), Some("e1"));
}

#[test]
fn pronoun_skips_quoted_names_and_photo_credits() {
    // A name inside quote marks and a photo credit between the speaker and "he".
    let text = "Mayor Paul Okafor spoke at the depot on Monday.\n\n\
\"Nobody asked Ivo Brandt about the buses,\" he said.\n\n\
(Dana Whitfield/Wire Photos) But he said the board would meet again.";
    let ents = [
        entity("e1", "PERSON", "Paul Okafor", Some("Mayor"), None, text, &["Paul Okafor"]),
        entity("e2", "PERSON", "Ivo Brandt", None, None, text, &["Ivo Brandt"]),
        entity("e3", "PERSON", "Dana Whitfield", None, None, text, &["Dana Whitfield"]),
    ];
    let got = speakers(text, &ents);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got.iter().all(|g| g.2.as_deref() == Some("e1")), "{got:?}");
}

#[test]
fn a_quoted_person_does_not_take_the_next_quote() {
    let text = "Lena Varga criticised the governor on Monday, telling the agency that \"Mr Hale must be unwell.\" \
\"He will have to resign,\" she said.";
    let ents = [
        entity("e1", "PERSON", "Lena Varga", None, None, text, &["Lena Varga"]),
        entity("e2", "PERSON", "Hale", Some("Mr"), None, text, &["Hale"]),
    ];
    let got = speakers(text, &ents);
    let last = got.iter().find(|g| g.0.starts_with("He will"));
    assert_eq!(last.and_then(|g| g.2.as_deref()), Some("e1"), "{got:?}");
    assert!(got.iter().all(|g| g.2.as_deref() != Some("e2")), "{got:?}");
}

#[test]
fn a_name_modifying_a_noun_is_not_the_speaker() {
    let text = "A Portville property developer said the plan was too costly. \
Varga supporters said the vote was rigged. The Varga campaign said it would appeal.";
    let ents = [
        entity("e1", "GPE", "Portville", None, None, text, &["Portville"]),
        entity("e2", "PERSON", "Lena Varga", None, None, text, &["Varga"]),
    ];
    let got = speakers(text, &ents);
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[0].1.as_deref(), Some("A Portville property developer"));
    assert_eq!(got[0].2, None);
    assert_eq!(got[1].2, None, "{got:?}");
    // A campaign speaks for its candidate.
    assert_eq!(got[2].2.as_deref(), Some("e2"), "{got:?}");
}

#[test]
fn a_spokesman_for_an_organisation_is_the_organisation() {
    let text = "A spokesman for the Harbour Authority said the pier would stay closed.";
    let ents = [entity("e1", "ORG", "Harbour Authority", None, None, text, &["Harbour Authority"])];
    let got = run(text, &ents);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].speaker_mention.as_ref().map(|m| m.text.as_str()), Some("A spokesman for the Harbour Authority"));
    assert_eq!(got[0].speaker.as_deref(), Some("e1"));
    // For a person, nobody named said it: not the place after the person either.
    let text = "A spokesman for Mayor Ana Ruiz of Faro said the pier would stay closed.";
    let ents = [
        entity("e1", "PERSON", "Ana Ruiz", Some("Mayor"), None, text, &["Ana Ruiz"]),
        entity("e2", "GPE", "Faro", None, None, text, &["Faro"]),
    ];
    let got = run(text, &ents);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].speaker, None, "{got:?}");
}

#[test]
fn an_adverb_before_the_comma_is_not_the_speaker() {
    let text = "Still, The Portville Courier reported that the vote was close.";
    let ents = [entity("e1", "ORG", "The Portville Courier", None, None, text, &["The Portville Courier"])];
    let got = speakers(text, &ents);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1.as_deref(), Some("The Portville Courier"));
    assert_eq!(got[0].2.as_deref(), Some("e1"));
}

#[test]
fn inverted_cue_and_a_second_cue_end_the_content() {
    let text = "\"Residents will get used to it,\" adds economist Paul Okafor.\n\n\
Okafor said the cost was fair, before noting that the budget had doubled.";
    let ents = [entity("e1", "PERSON", "Paul Okafor", None, Some("economist"), text, &["Paul Okafor", "Okafor"])];
    let got = speakers(text, &ents);
    assert_eq!(got[0].0, "Residents will get used to it");
    assert_eq!(got[0].2.as_deref(), Some("e1"));
    assert!(got.iter().any(|g| g.0 == "the cost was fair" && g.2.as_deref() == Some("e1")), "{got:?}");
}

#[test]
fn a_plural_noun_after_and_does_not_end_the_content() {
    let text = "Paul Okafor said the union had studied the contract and reports from the inspectors.\n\n\
Okafor said the pier would close and reports that it may not reopen were wrong.";
    let ents = [entity("e1", "PERSON", "Paul Okafor", None, None, text, &["Paul Okafor", "Okafor"])];
    let got = speakers(text, &ents);
    assert_eq!(got[0].0, "the union had studied the contract and reports from the inspectors", "{got:?}");
    // "and reports that ..." may be a second verb of the speaker: the content still ends there.
    assert_eq!(got[1].0, "the pier would close", "{got:?}");
}

#[test]
fn a_verb_of_stance_reports_its_that_clause() {
    let text = "Paul Okafor demanded that the harbour board be dissolved. Okafor criticised the plan.";
    let ents = [entity("e1", "PERSON", "Paul Okafor", None, None, text, &["Paul Okafor", "Okafor"])];
    let got = speakers(text, &ents);
    assert_eq!(got[0].0, "the harbour board be dissolved", "{got:?}");
    assert_eq!(got[0].2.as_deref(), Some("e1"));
    assert_eq!(got[1].0, "the plan", "{got:?}");
}

#[test]
fn a_sentence_adverb_and_its_comma_open_the_content() {
    let text = "Paul Okafor said frankly, the harbour board had never met. Okafor said repeatedly, in public.";
    let ents = [entity("e1", "PERSON", "Paul Okafor", None, None, text, &["Paul Okafor", "Okafor"])];
    let got = speakers(text, &ents);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "the harbour board had never met", "{got:?}");
}

#[test]
fn cited_as_saying_gives_the_object_as_speaker() {
    let text = "The agency cited minister Paul Okafor as saying that the bridge would reopen in May.\n\n\
The paper quoted Okafor as saying the pier was safe. Lisa Grant was quoted as saying it was not.";
    let ents = [
        entity("e1", "PERSON", "Paul Okafor", None, Some("minister"), text, &["Paul Okafor", "Okafor"]),
        entity("e2", "PERSON", "Lisa Grant", None, None, text, &["Lisa Grant"]),
    ];
    let got = speakers(text, &ents);
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!((got[0].0.as_str(), got[0].2.as_deref()), ("the bridge would reopen in May", Some("e1")), "{got:?}");
    assert_eq!((got[1].0.as_str(), got[1].2.as_deref()), ("the pier was safe", Some("e1")), "{got:?}");
    assert_eq!(got[2].2.as_deref(), Some("e2"), "{got:?}");
}

#[test]
fn according_to_him_is_the_person_he_would_be() {
    let text = "Minister Paul Okafor said the port is open. According to him, ferries will sail at dawn.\n\n\
According to her report, the market is calm.";
    let ents = [entity("e1", "PERSON", "Paul Okafor", Some("Minister"), None, text, &["Paul Okafor"])];
    let got = speakers(text, &ents);
    assert_eq!((got[1].0.as_str(), got[1].2.as_deref()), ("ferries will sail at dawn", Some("e1")), "{got:?}");
    assert_eq!(got[2].2, None, "{got:?}");
}

#[test]
fn confidence_follows_the_evidence() {
    let text = "Paul Okafor said the pier would reopen. A resident said it would not.";
    let ents = [entity("e1", "PERSON", "Paul Okafor", None, None, text, &["Paul Okafor"])];
    let q = run(text, &ents);
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].speaker.as_deref(), Some("e1"));
    assert!(q[0].confidence >= 0.85);
    assert_eq!(q[1].speaker, None);
    assert!(q[1].confidence > 0.0 && q[1].confidence < q[0].confidence);
}

#[test]
fn the_headline_subject_does_not_take_a_pronoun() {
    let text = "Ivo Brandt quits harbour board\n\nThe harbour board met on Monday after the resignation. \
\"We will miss his experience,\" she said.";
    let ents = [entity("e1", "PERSON", "Ivo Brandt", None, None, text, &["Ivo Brandt"])];
    let got = speakers(text, &ents);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1.as_deref(), Some("she"));
    assert_eq!(got[0].2, None);
}

#[test]
fn adverbials_are_not_speakers_and_lead_adverbs_are_dropped() {
    let lx = crate::Lexicon::embedded_static();
    let phrase = |t: &str, s: &str| {
        let a = t.find(s).unwrap_or(0);
        super::speaker::speaker_phrase(t, Span(a, a + s.len()), lx).map(|p| t[p.0..p.1].to_string())
    };
    let t = "On Tuesday, the council said the pier would reopen. Then she said it would not. Two weeks ago officials said so.";
    assert_eq!(phrase(t, "On Tuesday"), None);
    assert_eq!(phrase(t, "Two weeks ago"), None);
    assert_eq!(phrase(t, "Then she"), Some("she".to_string()));
    assert_eq!(phrase(t, "the council"), Some("the council".to_string()));
    // A time that ends the phrase belongs to the saying; after a participle it stays.
    let t = "Harbour chief Ama Osei on Tuesday said the pier would reopen. The port board last week said so. \
             A survey released on Tuesday said so. Pilots polled last week said so. The mayor yesterday said so.";
    assert_eq!(phrase(t, "Harbour chief Ama Osei on Tuesday"), Some("Harbour chief Ama Osei".to_string()));
    assert_eq!(phrase(t, "The port board last week"), Some("The port board".to_string()));
    assert_eq!(phrase(t, "A survey released on Tuesday"), Some("A survey released on Tuesday".to_string()));
    assert_eq!(phrase(t, "Pilots polled last week"), Some("Pilots polled last week".to_string()));
    assert_eq!(phrase(t, "The mayor yesterday"), Some("The mayor".to_string()));
    let t = "Port rival Ted Marsh on Friday said so.";
    assert_eq!(phrase(t, "Port rival Ted Marsh on Friday"), Some("Port rival Ted Marsh".to_string()));
    // A participle before a capitalised word qualifies it: the time still belongs to the saying.
    let t = "An aide to embattled Harbour Party leader Ama Osei on Tuesday said so.";
    let aide = "An aide to embattled Harbour Party leader Ama Osei";
    assert_eq!(phrase(t, &format!("{aide} on Tuesday")), Some(aide.to_string()));
}

#[test]
fn a_quote_with_no_cue_continues_the_previous_speaker() {
    // Same paragraph after "X said.", and a paragraph that is all quote after X's paragraph.
    let text = "The depot will close in June, Mayor Paul Okafor said on Monday. \"We have no money left.\"\n\n\
\"The buses will run from the old station until the new one opens.\"\n\n\
Ana Ruiz, who chairs the board, said the plan was rushed.\n\n\
\"Nobody asked the drivers,\" the union said. \"We will strike.\"";
    let ents = [
        entity("e1", "PERSON", "Paul Okafor", Some("Mayor"), None, text, &["Paul Okafor"]),
        entity("e2", "PERSON", "Ana Ruiz", None, None, text, &["Ana Ruiz"]),
    ];
    let q = run(text, &ents);
    let by = |c: &str| q.iter().find(|q| q.content.starts_with(c)).map(|q| (q.speaker.clone(), q.confidence));
    assert_eq!(by("We have no money").and_then(|b| b.0).as_deref(), Some("e1"), "{q:?}");
    assert_eq!(by("The buses will run").and_then(|b| b.0).as_deref(), Some("e1"), "{q:?}");
    // Less sure than the attribution it continues.
    assert!(by("The buses will run").zip(by("The depot")).is_some_and(|(c, a)| c.1 < a.1), "{q:?}");
    // The mention is carried along even when it names no entity.
    let strike = q.iter().find(|q| q.content.starts_with("We will strike"));
    assert_eq!(strike.and_then(|q| q.speaker_mention.as_ref()).map(|m| m.text.as_str()), Some("the union"), "{q:?}");
}

#[test]
fn a_quote_with_no_cue_does_not_continue_across_another_name_or_cue() {
    // Another person named between; a cue we do not know after the quote; a colon after narrative.
    let text = "Mayor Paul Okafor said the depot would close.\n\nAna Ruiz arrived late.\n\n\
\"It is a sad day for the town.\"\n\n\
Okafor said the drivers would be paid. \"Out!\" the crowd roared.\n\n\
Okafor said the vote was close. His wife whispered to him: \"They are still with you.\"";
    let ents = [
        entity("e1", "PERSON", "Paul Okafor", Some("Mayor"), None, text, &["Paul Okafor", "Okafor"]),
        entity("e2", "PERSON", "Ana Ruiz", None, None, text, &["Ana Ruiz"]),
    ];
    let q = run(text, &ents);
    for c in ["It is a sad day", "Out!", "They are still"] {
        let got = q.iter().find(|q| q.content.starts_with(c));
        assert!(got.is_none_or(|g| g.speaker.is_none()), "{c}: {q:?}");
    }
}

#[test]
fn a_question_mark_does_not_cut_off_the_attribution() {
    let text = "The board met on Monday.\n\n\"Why should we pay for their mistakes?\" Okafor said of the firm.\n\n\
Raising his voice, Mr. Okafor continued: \"A fair deal? Not this one.\"";
    let ents = [entity("e1", "PERSON", "Paul Okafor", None, None, text, &["Okafor"])];
    let got = speakers(text, &ents);
    assert!(
        got.iter().any(|g| g.0 == "Why should we pay for their mistakes?" && g.2.as_deref() == Some("e1")),
        "{got:?}"
    );
    assert!(got.iter().all(|g| !g.0.starts_with("of the firm")), "{got:?}");
    assert!(got.iter().any(|g| g.0.starts_with("A fair deal") && g.2.as_deref() == Some("e1")), "{got:?}");
}

#[test]
fn a_first_name_rules_out_a_pronoun_of_the_other_gender() {
    // No title and no pronoun in the article says who is who: the first names do.
    let text = "Mary Lang met Tom Reyes at the depot on Monday. \"We agreed on nothing at all,\" she said.";
    let ents = [
        entity("e1", "PERSON", "Mary Lang", None, None, text, &["Mary Lang"]),
        entity("e2", "PERSON", "Tom Reyes", None, None, text, &["Tom Reyes"]),
    ];
    let q = run(text, &ents);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].speaker.as_deref(), Some("e1"), "{q:?}");
    // A name the table does not know stays unknown: two candidates, no speaker.
    let text = "Ashvik Lang met Tom Reyes at the depot on Monday. \"We agreed on nothing at all,\" he said.";
    let ents = [
        entity("e1", "PERSON", "Ashvik Lang", None, None, text, &["Ashvik Lang"]),
        entity("e2", "PERSON", "Zorvan Reyes", None, None, text, &["Tom Reyes"]),
    ];
    assert_eq!(run(text, &ents)[0].speaker, None);
}

#[test]
fn a_name_opening_a_clause_is_the_speaker() {
    let text = "Okafor however said the pier would reopen in May. \
Ana Ruiz celebrated in the harbour with supporters, declaring it \"a great day for the town\". \
Varga supporters said the vote was rigged.";
    let ents = [
        entity("e1", "PERSON", "Paul Okafor", None, None, text, &["Okafor"]),
        entity("e2", "PERSON", "Ana Ruiz", None, None, text, &["Ana Ruiz"]),
        entity("e3", "PERSON", "Lena Varga", None, None, text, &["Varga"]),
    ];
    let got = speakers(text, &ents);
    let by = |c: &str| got.iter().find(|g| g.0.contains(c)).map(|g| (g.1.clone(), g.2.clone()));
    assert_eq!(by("pier would reopen").and_then(|g| g.1).as_deref(), Some("e1"), "{got:?}");
    assert_eq!(by("a great day").and_then(|g| g.1).as_deref(), Some("e2"), "{got:?}");
    // A name modifying a noun still is not the speaker.
    assert_eq!(by("vote was rigged").and_then(|g| g.1), None, "{got:?}");
}

#[test]
fn the_subject_before_a_colon_speaks_the_quote() {
    let text = "The council met on Monday.\n\n\
Mayor Paul Okafor, who chairs the board, delivered a blunt message to Ana Ruiz: \"It is time to stop the delays.\"\n\n\
Before Ruiz's reply, a letter from the union was read out: \"We will not accept the cuts.\"\n\n\
Ruiz interjected: \"So you are saying the depot will close?\"";
    let ents = [
        entity("e1", "PERSON", "Paul Okafor", Some("Mayor"), None, text, &["Paul Okafor"]),
        entity("e2", "PERSON", "Ana Ruiz", None, None, text, &["Ana Ruiz", "Ruiz"]),
    ];
    let got = speakers(text, &ents);
    let by = |c: &str| got.iter().find(|g| g.0.starts_with(c)).and_then(|g| g.2.clone());
    assert_eq!(by("It is time").as_deref(), Some("e1"), "{got:?}");
    assert_eq!(by("So you are saying").as_deref(), Some("e2"), "{got:?}");
    // A possessor after a preposition is not the speaker.
    assert_eq!(by("We will not accept"), None, "{got:?}");
}

#[test]
fn a_participle_after_a_comma_speaks_for_the_sentence_subject() {
    let text = "In the capital, Okafor left the hall quickly, saying, \
\"The talks went nowhere today.\"\n\n\
The depot will close in June, Ruiz said, adding, \"Nobody will lose a job.\"";
    let ents = [
        entity("e1", "PERSON", "Paul Okafor", None, None, text, &["Okafor"]),
        entity("e2", "PERSON", "Ana Ruiz", None, None, text, &["Ana Ruiz", "Ruiz"]),
    ];
    let got = speakers(text, &ents);
    let by = |c: &str| got.iter().find(|g| g.0.starts_with(c)).map(|g| (g.1.clone(), g.2.clone()));
    assert_eq!(by("The talks went nowhere"), Some((Some("Okafor".into()), Some("e1".into()))), "{got:?}");
    assert_eq!(by("Nobody will lose").and_then(|g| g.1).as_deref(), Some("e2"), "{got:?}");
}

#[test]
fn a_participle_does_not_take_the_speaker_of_the_sentence_before() {
    let text = "Ana Ruiz said the plan was fair. \
Paul Okafor, who faces a hard vote in his district, withdrew his support, saying the plan was rushed.";
    let ents = [
        entity("e1", "PERSON", "Ana Ruiz", None, None, text, &["Ana Ruiz"]),
        entity("e2", "PERSON", "Paul Okafor", None, None, text, &["Paul Okafor"]),
    ];
    let got = speakers(text, &ents);
    let rushed = got.iter().find(|g| g.0.contains("rushed"));
    assert_eq!(rushed.and_then(|g| g.2.as_deref()), Some("e2"), "{got:?}");
}

#[test]
fn the_organisation_a_nominal_speaker_speaks_for_is_kept() {
    let text = "A spokesman for the Harbour Authority said the pier would stay closed. \
Officials at the Harbour Authority said repairs would take a year. \
Harbour Authority engineers said the piles were rotten. A Portville developer said the delay was costly.";
    let ents = [
        entity("e1", "ORG", "Harbour Authority", None, None, text, &["Harbour Authority"]),
        entity("e2", "GPE", "Portville", None, None, text, &["Portville"]),
    ];
    let q = run(text, &ents);
    let by =
        |c: &str| q.iter().find(|q| q.content.contains(c)).map(|q| (q.speaker.clone(), q.speaker_affiliation.clone()));
    assert_eq!(by("stay closed"), Some((Some("e1".into()), Some("e1".into()))), "{q:?}");
    // Unnamed people of the organisation: no speaker, the affiliation kept.
    assert_eq!(by("take a year"), Some((None, Some("e1".into()))), "{q:?}");
    assert_eq!(by("piles were rotten"), Some((None, Some("e1".into()))), "{q:?}");
    // A place is no affiliation.
    assert_eq!(by("delay was costly"), Some((None, None)), "{q:?}");
}

#[test]
fn the_previous_speaker_keeps_he_when_others_are_only_objects() {
    // Issue 13: persons named since the attribution only as objects, possessors or inside a
    // subordinate clause do not take "he" from the speaker before.
    let text = "Port director Mr. Kofi Mensah on Tuesday dismissed a complaint filed by the firm of Yaw Boateng.\n\n\
In an interview with a local radio station, he said Boateng's figures were out of date.\n\n\
At the docks, where Boateng runs a warehouse, he said that nothing was ever lost.";
    let ents = [
        entity("e1", "PERSON", "Kofi Mensah", Some("Mr."), None, text, &["Kofi Mensah"]),
        entity("e2", "PERSON", "Yaw Boateng", None, None, text, &["Yaw Boateng", "Boateng"]),
    ];
    let q = run(text, &ents);
    let by = |c: &str| q.iter().find(|q| q.content.contains(c)).and_then(|q| q.speaker.clone());
    assert_eq!(by("out of date"), Some("e1".into()), "{q:?}");
    assert_eq!(by("ever lost"), Some("e1".into()), "{q:?}");
}

#[test]
fn a_subject_named_since_takes_he_from_the_previous_speaker() {
    // The guard of the rule above: a man named since as a sentence's subject leaves "he" open.
    let text = "Mr. Kofi Mensah rejected the charges.\n\nYaw Boateng, his rival, later wrote to the court.\n\n\
\"It is a scandal,\" he said.";
    let ents = [
        entity("e1", "PERSON", "Kofi Mensah", Some("Mr."), None, text, &["Kofi Mensah"]),
        entity("e2", "PERSON", "Yaw Boateng", Some("Mr."), None, text, &["Yaw Boateng"]),
    ];
    let q = run(text, &ents);
    let scandal = q.iter().find(|q| q.content.contains("scandal")).expect("the quote");
    assert_ne!(scandal.speaker.as_deref(), Some("e1"), "{q:?}");
}

#[test]
fn a_name_inside_reported_speech_is_not_the_topic() {
    // "Lee said Hale has ...": Hale is what Lee said, not who "he" is next.
    let text = "Mr. Ivo Kral said on Monday. \"We will wait,\" he said.\n\n\
Spokesman Mr. Jan Novak said Kral has kept in touch with voters.\n\n\
\"That will count in May,\" he said.";
    let ents = [
        entity("e1", "PERSON", "Jan Novak", Some("Mr."), None, text, &["Jan Novak"]),
        entity("e2", "PERSON", "Ivo Kral", Some("Mr."), None, text, &["Ivo Kral", "Kral"]),
    ];
    let q = run(text, &ents);
    let may = q.iter().find(|q| q.content.contains("count in May")).expect("the quote");
    assert_ne!(may.speaker.as_deref(), Some("e2"), "{q:?}");
}

#[test]
fn he_after_an_unnamed_speaker_is_that_speaker() {
    // "One delegate said ...": a pronoun after it, nobody named since, is the delegate.
    let text = "Mr. Omar Said chaired the meeting.\n\n\
One delegate said he had tried to sell his seat. He found no buyer, he said.";
    let ents = [entity("e1", "PERSON", "Omar Said", Some("Mr."), None, text, &["Omar Said"])];
    let q = run(text, &ents);
    let buyer = q.iter().find(|q| q.content.contains("no buyer")).expect("the quote");
    assert_eq!(buyer.speaker, None, "{q:?}");
}

#[test]
fn a_title_with_a_preposition_before_the_name_is_the_person() {
    let text = "Minister for Trade Ana Pereira said the tariffs would fall.";
    let ents = [entity("e1", "PERSON", "Ana Pereira", None, None, text, &["Ana Pereira"])];
    let q = run(text, &ents);
    assert_eq!(
        summary(&q),
        [("indirect".into(), "the tariffs would fall".into(), Some("said".into()), Some("e1".into()))]
    );
}

#[test]
fn a_clause_after_an_inverted_cue_is_content_not_a_speaker() {
    // "X, a lawmaker, said the terms were weak": the clause is what X said.
    let text = "Former senator Ana Pereira, a lawyer from Faro, said the terms were weak.";
    let ents = [entity("e1", "PERSON", "Ana Pereira", None, None, text, &["Ana Pereira"])];
    let q = run(text, &ents);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].content, "the terms were weak");
    assert_eq!(q[0].speaker.as_deref(), Some("e1"));
}

#[test]
fn reported_content_opening_with_a_lost_mark_is_direct() {
    let text = "Spokesman Paul Girard rejected the report and told reporters that \"the figures are simply wrong.\n\nNo more was said.";
    let ents = [entity("e1", "PERSON", "Paul Girard", None, None, text, &["Paul Girard"])];
    let q = run(text, &ents);
    let wrong = q.iter().find(|q| q.content.contains("simply wrong")).expect("the quote");
    assert_eq!((wrong.kind.as_str(), wrong.content.as_str()), ("direct", "the figures are simply wrong"), "{q:?}");
    assert_eq!(wrong.speaker.as_deref(), Some("e1"));
}

#[test]
fn a_lost_mark_before_reported_content_runs_to_the_paragraph_end() {
    let text = "Asked about the strike, Mayor Ines Corvo said that \"our first task is the bridge. The budget \
comes after it, and nobody will be paid twice.\n\nThe council meets on Friday.";
    let ents = [entity("e1", "PERSON", "Ines Corvo", None, None, text, &["Ines Corvo"])];
    let q = run(text, &ents);
    let own = q.iter().find(|q| q.content.contains("first task")).expect("the quote");
    assert_eq!(own.kind.as_str(), "direct", "{q:?}");
    assert_eq!(own.content, "our first task is the bridge. The budget comes after it, and nobody will be paid twice.");
    assert_eq!(own.speaker.as_deref(), Some("e1"));
    assert!(q.iter().all(|q| !q.content.contains("council")), "not past the paragraph: {q:?}");
}

#[test]
fn said_on_a_weekday_then_a_bare_clause() {
    let text = "Rear Admiral Tom Bako said on Monday the ships were safe. Ana Ruiz said on Friday night that the port \
would stay shut. Lee said on Monday in Lagos.";
    let ents = [
        entity("e1", "PERSON", "Tom Bako", None, None, text, &["Tom Bako"]),
        entity("e2", "PERSON", "Ana Ruiz", None, None, text, &["Ana Ruiz"]),
    ];
    let got: Vec<(String, Option<String>)> = run(text, &ents).into_iter().map(|q| (q.content, q.speaker)).collect();
    assert_eq!(
        got,
        [
            ("the ships were safe".to_string(), Some("e1".to_string())),
            ("the port would stay shut".to_string(), Some("e2".to_string()))
        ]
    );
}

#[test]
fn the_head_of_an_organisation_named_by_a_title_chain() {
    // "the X chief" is the person a title chain made head of X; "welcomed the ruling saying"
    // (no comma) speaks for the sentence's subject.
    let text = "Director General of the Coastal Survey (CS) Rear Admiral Tom Bako spoke on Monday.\n\n\
Once the vote was counted, the CS chief praised the outcome saying, \"This is a good day for sailors.\"";
    let ents = [
        entity("e1", "PERSON", "Tom Bako", Some("Rear Admiral"), None, text, &["Tom Bako"]),
        entity("e2", "ORG", "Coastal Survey", None, None, text, &["Coastal Survey", "CS"]),
    ];
    let q = run(text, &ents);
    let good = q.iter().find(|q| q.content.contains("good day")).expect("the quote");
    assert_eq!(good.speaker_mention.as_ref().map(|m| m.text.as_str()), Some("the CS chief"), "{q:?}");
    assert_eq!(good.speaker.as_deref(), Some("e1"), "{q:?}");
    assert_eq!(good.speaker_affiliation.as_deref(), Some("e2"), "{q:?}");
}

#[test]
fn a_quoted_phrase_between_a_possessive_and_remarks_is_the_possessors() {
    let text = "Asked about it, she shrugged off Ana Ruiz's 'reckless gamble' remarks. \
Reyes called Lee's \u{201c}sheer folly\u{201d} comments unfair. It's Lee's 'gamble' anyway.";
    let ents = [
        entity("e1", "PERSON", "Ana Ruiz", None, None, text, &["Ana Ruiz"]),
        entity("e2", "PERSON", "Lee", None, None, text, &["Lee"]),
    ];
    let q = run(text, &ents);
    let by =
        |c: &str| q.iter().find(|q| q.content == c).map(|q| (q.kind.as_str(), q.cue.as_deref(), q.speaker.as_deref()));
    assert_eq!(by("reckless gamble"), Some(("partial", Some("remarks"), Some("e1"))), "{q:?}");
    assert_eq!(by("sheer folly"), Some(("partial", Some("comments"), Some("e2"))), "{q:?}");
    // No noun for what was said after it: not a quote.
    assert_eq!(by("gamble"), None, "{q:?}");
}

#[test]
fn a_possessed_phrase_at_the_very_start_does_not_panic() {
    for text in
        ["Lee's 'x' remarks", "'s 'x' remarks", "Lee's \"", "\u{2019}s \u{2018}\u{2019} words", "A's 'b' words."]
    {
        let _ = run(text, &[]);
    }
    let q = run("Lee's 'big plan' remarks drew fire.", &[]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].speaker_mention.as_ref().map(|m| m.text.as_str()), Some("Lee"));
}

#[test]
fn a_possessor_of_quoted_words_does_not_become_the_previous_speaker() {
    let text = "Mr. Kofi Mensah rejected the report.\n\n\
Later, he waved away Mr. Yaw Boateng's 'fake news' remarks at a briefing.\n\n\
He added that the port would stay open.";
    let ents = [
        entity("e1", "PERSON", "Kofi Mensah", Some("Mr."), None, text, &["Kofi Mensah"]),
        entity("e2", "PERSON", "Yaw Boateng", Some("Mr."), None, text, &["Yaw Boateng"]),
    ];
    let q = run(text, &ents);
    let by = |c: &str| q.iter().find(|q| q.content.contains(c)).and_then(|q| q.speaker.clone());
    let fake = q.iter().find(|q| q.content == "fake news").expect("the partial quote");
    assert_eq!(fake.speaker.as_deref(), Some("e2"), "{q:?}");
    assert_eq!(by("stay open"), Some("e1".into()), "{q:?}");
}

#[test]
fn a_phrase_right_after_a_naming_verb_is_the_namers_own() {
    // Inside reported speech too, with single marks; an apostrophe closes nothing.
    let text = "Mr. Kofi Mensah said fuel queues in the north grew because of what he called 'market games,' \
adding that stocks were full. Ana Ruiz dubbed it \u{201c}a farce\u{201d}. He called 'the people's choice' a fraud.";
    let ents = [
        entity("e1", "PERSON", "Kofi Mensah", Some("Mr."), None, text, &["Kofi Mensah"]),
        entity("e2", "PERSON", "Ana Ruiz", None, None, text, &["Ana Ruiz"]),
    ];
    let q = run(text, &ents);
    let by =
        |c: &str| q.iter().find(|q| q.content == c).map(|q| (q.kind.as_str(), q.cue.as_deref(), q.speaker.as_deref()));
    assert_eq!(by("market games"), Some(("partial", Some("called"), Some("e1"))), "{q:?}");
    // (Outside reported speech, the object and its name: one indirect quote.)
    assert_eq!(by("it \u{201c}a farce\u{201d}"), Some(("indirect", Some("dubbed"), Some("e2"))), "{q:?}");
    assert!(!q.iter().any(|q| q.content == "a farce"), "{q:?}");
    assert!(!q.iter().any(|q| q.content == "the people"), "{q:?}");
}

#[test]
fn a_naming_frame_at_the_edges_of_the_text_does_not_panic() {
    for text in [
        "called 'x'",
        "he called 'x",
        " called it \u{201c}",
        "Lee called ''",
        "\u{e9}\u{e9} dubbed \u{2018}\u{e9}\u{2019}",
    ] {
        let _ = run(text, &[]);
    }
}

#[test]
fn a_quoted_phrase_inside_reported_speech_is_also_a_partial_quote() {
    let text = "The ministry said on Monday that the dumping at the port was \"a disgrace to the city\" and must stop.";
    let ents = [entity("e1", "ORG", "ministry", None, None, text, &["The ministry"])];
    let q = run(text, &ents);
    let inner = q.iter().find(|q| q.content == "a disgrace to the city").expect("the partial quote");
    assert_eq!(
        (inner.kind.as_str(), inner.cue.as_deref(), inner.speaker.as_deref()),
        ("partial", Some("said"), Some("e1"))
    );
    // The reported speech keeps the phrase in its content.
    assert!(
        q.iter().any(|q| q.kind == QuoteKind::Indirect && q.content.contains("\"a disgrace to the city\"")),
        "{q:?}"
    );
}

#[test]
fn a_cue_after_and_takes_the_speaker_of_the_cue_before_it() {
    let text = "The Harbour Authority said that the port had reopened and asked shippers to return at once.";
    let ents = [entity("e1", "ORG", "Harbour Authority", None, None, text, &["Harbour Authority"])];
    let q = run(text, &ents);
    let asked = q.iter().find(|q| q.cue.as_deref() == Some("asked")).expect("the second attribution");
    assert_eq!(asked.speaker.as_deref(), Some("e1"), "{q:?}");
}

#[test]
fn a_relative_clause_between_the_speaker_and_the_cue_is_stepped_over() {
    let text = "Femi Okoro, who runs a ferry firm from Lagos, told the Harbour Gazette that fares would rise. \
                The port authority, which manages six berths, said the delays would end soon.";
    let ents = [
        entity("e1", "PERSON", "Femi Okoro", None, None, text, &["Femi Okoro"]),
        entity("e2", "GPE", "Lagos", None, None, text, &["Lagos"]),
        entity("e3", "ORG", "Harbour Gazette", None, None, text, &["Harbour Gazette"]),
    ];
    let q = run(text, &ents);
    let fares = q.iter().find(|x| x.content.contains("fares would rise")).expect("fares quote");
    assert_eq!(fares.speaker.as_deref(), Some("e1"), "{q:?}");
    let delays = q.iter().find(|x| x.content.contains("delays would end")).expect("delays quote");
    assert_eq!(delays.speaker_mention.as_ref().map(|m| m.text.as_str()), Some("The port authority"), "{q:?}");
}

#[test]
fn a_place_before_a_comma_is_no_speaker_of_an_unclosed_noun_phrase() {
    // "In X, a poll shows": no comma closes "a new poll" before its verb, so it is no
    // apposition of the name before it; "Ruiz, a lawyer, said" is one.
    let text = "Days before the vote in Tema, Ghana, a new national poll shows the mayor ahead. \
                Ana Ruiz, a lawyer for the union, said the count was fair.";
    let ents = [
        entity("e1", "GPE", "Ghana", None, None, text, &["Ghana"]),
        entity("e2", "PERSON", "Ana Ruiz", None, None, text, &["Ana Ruiz"]),
    ];
    let q = run(text, &ents);
    let poll = q.iter().find(|x| x.content.contains("mayor ahead")).expect("poll quote");
    assert_eq!(poll.speaker, None, "{q:?}");
    assert_eq!(poll.speaker_mention.as_ref().map(|m| m.text.as_str()), Some("a new national poll"));
    let fair = q.iter().find(|x| x.content.contains("count was fair")).expect("fair quote");
    assert_eq!(fair.speaker.as_deref(), Some("e2"), "{q:?}");
}

#[test]
fn a_participle_or_a_verb_after_and_shares_the_speaker_of_the_cue_before() {
    // the comma before "adding" stands inside the quote marks of a programme's name; "added"
    // follows "and"
    let text = "\"The mayor would be the best choice,\" Kwame Okafor said on the radio programme \"Morning Show,\" \
                adding, \"Her problem is the calendar.\"\n\n\
                Okafor said the plan had failed and added, \"We will ask for patience.\"";
    let ents = [entity("e1", "PERSON", "Kwame Okafor", None, None, text, &["Kwame Okafor", "Okafor"])];
    let q = run(text, &ents);
    for content in ["Her problem is the calendar.", "We will ask for patience."] {
        let x = q.iter().find(|x| x.content == content).unwrap_or_else(|| panic!("{content}: {q:?}"));
        assert_eq!(x.speaker.as_deref(), Some("e1"), "{content}: {q:?}");
    }
}

#[test]
fn quoted_words_inside_a_sentence_take_the_attribution_right_after_them() {
    let text = "Whatever route she takes, the mayor \"has made herself a leader of the movement,\" Ama Mensah said. \
                \"This movement now has a voice.\"\n\n\
                In a clip the judge called \"distasteful,\" Kofi Boateng described his plans.";
    let ents = [
        entity("e1", "PERSON", "Ama Mensah", None, None, text, &["Ama Mensah"]),
        entity("e2", "PERSON", "Kofi Boateng", None, None, text, &["Kofi Boateng"]),
    ];
    let q = run(text, &ents);
    let leader = q.iter().find(|x| x.content == "has made herself a leader of the movement").expect("embedded");
    assert_eq!((leader.kind.as_str(), leader.speaker.as_deref()), ("partial", Some("e1")), "{q:?}");
    // the next quote, with nothing but the attribution between, is the same speaker's
    let voice = q.iter().find(|x| x.content == "This movement now has a voice.").expect("next");
    assert_eq!(voice.speaker.as_deref(), Some("e1"), "{q:?}");
    // words a naming verb frames are not the next clause's subject's
    assert!(q.iter().all(|x| !(x.content.starts_with("distasteful") && x.speaker.as_deref() == Some("e2"))), "{q:?}");
}

#[test]
fn a_short_sentence_ending_with_its_cue_attributes_the_quote_after_it() {
    let text = "Analysts were divided on Monday.\n\n\
                Professor Dianne Osei of the state university agreed. \"Voters are running out of time.\"\n\n\
                Kofi Mensah agreed.\n\n\"The strike will go on for as long as it takes.\"";
    let ents = [
        entity("e1", "PERSON", "Dianne Osei", Some("Professor"), None, text, &["Dianne Osei"]),
        entity("e2", "PERSON", "Kofi Mensah", None, None, text, &["Kofi Mensah"]),
    ];
    let q = run(text, &ents);
    let v = q.iter().find(|x| x.content == "Voters are running out of time.").expect("quote");
    assert_eq!(v.speaker.as_deref(), Some("e1"), "{q:?}");
    assert_eq!(v.cue.as_deref(), Some("agreed"));
    // a sentence in another paragraph attributes nothing
    let strike = q.iter().find(|x| x.content.starts_with("The strike will go on")).expect("strike quote");
    assert_eq!(strike.speaker, None, "{q:?}");
}

#[test]
fn an_inverted_cue_takes_a_described_name_as_its_speaker() {
    let s = shapes(
        "The new port could matter more for trade than for his standing in Tema, said local strategist Kofi Mensah.",
        &[],
    );
    assert_eq!(
        s,
        one(
            "indirect",
            "The new port could matter more for trade than for his standing in Tema",
            "said",
            Some("local strategist Kofi Mensah")
        )
    );
    // A short noun phrase before the name is its apposition, not what was said; the day and its
    // part are no content either.
    let s = shapes("The party chairman, Kofi Mensah, said Tuesday night he considered Ama Boateng the nominee.", &[]);
    assert_eq!(s, one("indirect", "he considered Ama Boateng the nominee", "said", Some("Kofi Mensah")));
    // "Sen. X (D-Accra), said": the comma after the designation.
    let s = shapes("Rep. Ama Boateng (D-Accra), said at the briefing that she had not seen the report.", &[]);
    assert_eq!(s, one("indirect", "she had not seen the report", "said", Some("Rep. Ama Boateng")));
}

#[test]
fn an_attribution_inside_a_sentence_leaves_its_predicate_as_content() {
    let s = shapes("Recovery, Mr. Mensah says, hinges on winning back the tourists first.", &[]);
    assert_eq!(s, one("indirect", "hinges on winning back the tourists first", "says", Some("Mr. Mensah")));
    let s = shapes("The rift, Boateng writes, opened during a dock strike decades ago.", &[]);
    assert_eq!(s, one("indirect", "opened during a dock strike decades ago", "writes", Some("Boateng")));
    // "But as X noted, CONTENT".
    let s = shapes("But as Mensah noted, those voters will give the mayor a second look.", &[]);
    assert_eq!(s, one("indirect", "those voters will give the mayor a second look", "noted", Some("Mensah")));
}

#[test]
fn a_concession_after_the_reported_clause_is_the_writers() {
    let s = shapes("Mensah said the ferry would run again by June, even though the unions had voted to strike.", &[]);
    assert_eq!(s, one("indirect", "the ferry would run again by June", "said", Some("Mensah")));
}

#[test]
fn quoted_words_inside_a_sentence_take_a_pronoun_or_a_titled_name_after_them() {
    let s = shapes("Voters \"think this mayor will not worry about breaking eggs,\" he said.", &[]);
    assert_eq!(s, one("partial", "think this mayor will not worry about breaking eggs", "said", Some("he")));
    let s = shapes(
        "The ferry scheme \"is gaining real traction,\" Deputy Transport Minister Ama Kofi Boateng told reporters.",
        &[],
    );
    let partial =
        one("partial", "is gaining real traction", "told", Some("Deputy Transport Minister Ama Kofi Boateng"));
    assert!(s.contains(&partial[0]), "{s:?}");
    // A participle after a comma speaks for the subject of the cue before it.
    let text = "The plan is \"reckless,\" Mensah said on Tuesday, noting the port \"cannot absorb the cost.\"";
    let q = speakers(text, &[]);
    let cost = q.iter().find(|x| x.0.starts_with("cannot absorb")).expect("partial");
    assert_eq!(cost.1.as_deref(), Some("Mensah"), "{q:?}");
}

#[test]
fn occasions_and_asides_between_the_cue_and_its_content() {
    let s =
        shapes("Kofi Mensah said on the radio, where he is now a paid guest, that the port must answer for it.", &[]);
    assert_eq!(s, one("indirect", "the port must answer for it", "said", Some("Kofi Mensah")));
    let s = shapes("The ferry group said in a statement on Thursday they pulled the listing from the site.", &[]);
    assert_eq!(s, one("indirect", "they pulled the listing from the site", "said", Some("The ferry group")));
    // ", and as X noted, CONTENT": an "as" clause inside the sentence.
    let s = shapes(
        "Clerks can still get in trouble for losing files, and as Mensah noted, staff in the case could face fines.",
        &[],
    );
    assert_eq!(s, one("indirect", "staff in the case could face fines", "noted", Some("Mensah")));
    // "That was, she said, ...": after a verb the rest is its complement.
    let s = shapes("That was, she said, the hardest winter the valley had known.", &[]);
    assert_eq!(s, one("indirect", "the hardest winter the valley had known", "said", Some("she")));
}

#[test]
fn asides_between_a_subject_and_its_cue() {
    // A relative clause holding quoted words, closed inside its marks.
    let q = speakers("Boateng, who calls the mayor a \"menace,\" said he does not trust the audit.", &[]);
    let audit = q.iter().find(|x| x.0 == "he does not trust the audit").expect("indirect");
    assert_eq!(audit.1.as_deref(), Some("Boateng"), "{q:?}");
    // ... whose naming verb speaks for the name before "who".
    let menace = q.iter().find(|x| x.0.contains("menace")).expect("the naming verb's quote");
    assert_eq!(menace.1.as_deref(), Some("Boateng"), "{q:?}");
    // An aside set off by hyphens with spaces.
    let s =
        shapes("Kofi Mensah, head of the group - which a former governor founded - said the union has options.", &[]);
    assert_eq!(s, one("indirect", "the union has options", "said", Some("Kofi Mensah")));
}

#[test]
fn reported_content_ends_where_the_sentence_turns_to_something_else() {
    // A second attribution with its own named subject.
    let s = outer("Mensah said the ferry would stop on Monday, Boateng said on Friday that it would not.", &[]);
    assert_eq!(s[0], one("indirect", "the ferry would stop on Monday", "said", Some("Mensah"))[0], "{s:?}");
    // A noun phrase summing up the clause.
    let s = outer("The council said the mayor must repay the grant, a move that surprised residents.", &[]);
    assert_eq!(s, one("indirect", "the mayor must repay the grant", "said", Some("The council")));
    // Another act of the speaker after quoted words or after ", but".
    let s = outer("Mensah says he found the mayor \"very charming\" and called the race \"unheard of.\"", &[]);
    assert_eq!(s[0].1, "he found the mayor \"very charming\"", "{s:?}");
    let s = outer("Boateng says residents will dislike the toll, but insists the bridge needs it.", &[]);
    assert_eq!(s[0].1, "residents will dislike the toll", "{s:?}");
}

#[test]
fn an_infinitive_after_a_verb_that_carries_on_is_the_saying() {
    let s = shapes("She continued to suggest that the ledgers were never marked secret.", &[]);
    assert_eq!(s, one("indirect", "the ledgers were never marked secret", "suggest", Some("She")));
    let s = shapes("Mensah later went on to explain why the ferry matters to fishermen.", &[]);
    assert_eq!(s, one("indirect", "why the ferry matters to fishermen", "explain", Some("Mensah")));
    // "declined to say" reports no saying of its own (the refusal is read as an act).
    let s = shapes("Boateng declined to say whether the port would close.", &[]);
    assert!(s.iter().all(|q| q.2.as_deref() != Some("say")), "{s:?}");
    // ... and a direct quote after "went on to say" is its subject's.
    let q = speakers("Mensah joked about the weather, but went on to say, \"The harbour is in real danger.\"", &[]);
    let d = q.iter().find(|x| x.0.starts_with("The harbour")).expect("direct");
    assert_eq!(d.1.as_deref(), Some("Mensah"), "{q:?}");
}

#[test]
fn times_between_a_cue_and_its_content() {
    let s = shapes("The union vowed Friday to keep striking until the autumn.", &[]);
    assert_eq!(s, one("indirect", "to keep striking until the autumn", "vowed", Some("The union")));
    let s = shapes("The Tema Ledger reported last week the group had funded 200 schools.", &[]);
    assert_eq!(s, one("indirect", "the group had funded 200 schools", "reported", Some("The Tema Ledger")));
    let s = shapes("Boateng explained to reporters why the port was chosen.", &[]);
    assert_eq!(s, one("indirect", "why the port was chosen", "explained", Some("Boateng")));
}

#[test]
fn an_opening_adverbial_is_no_content_and_a_subject_with_a_verb_no_speaker() {
    let s = shapes("Before dropping out, the senator responded with anger to the charges.", &[]);
    assert!(s.iter().all(|q| q.1 != "Before dropping out"), "{s:?}");
    let s = shapes("But instead of debating policy, Boateng has spent her time responding to critics.", &[]);
    assert!(s.iter().all(|q| q.1 != "But instead of debating policy"), "{s:?}");
    // A clause before the attribution is still content.
    let s = shapes("This has been a hard year for the port, Mensah said.", &[]);
    assert_eq!(s, one("indirect", "This has been a hard year for the port", "said", Some("Mensah")));
    // An inverted speaker with the place they speak from.
    let s = shapes("The port has more pull than the airport, says economist Kofi Mensah in Accra.", &[]);
    assert_eq!(s, one("indirect", "The port has more pull than the airport", "says", Some("economist Kofi Mensah")));
}

#[test]
fn titles_of_shows_are_not_quotes() {
    let s = shapes("\"We will reopen,\" Mensah said on Harbour TV's \"Meet the Nation\" on Sunday.", &[]);
    assert_eq!(s, one("direct", "We will reopen", "said", Some("Mensah")));
}

#[test]
fn hypothetical_sayings_and_unread_inverted_speakers_are_not_quotes() {
    let s = shapes("Now the villagers could say goodbye to the old ferry.", &[]);
    assert!(s.is_empty(), "{s:?}");
    // An inverted speaker the reading cannot take is not reported content.
    let s = shapes(
        "The firm lobbied for years in Tema and Accra, said lobbyist and strategist Ama Boateng, his former partner.",
        &[],
    );
    assert!(s.iter().all(|q| !q.1.contains("Ama Boateng")), "{s:?}");
}

#[test]
fn doubled_single_marks_close_quoted_words_before_an_attribution() {
    let s = shapes("They ''actually had chemistry,'' said Kofi Owusu.", &[]);
    assert!(s.contains(&one("indirect", "They ''actually had chemistry,''", "said", Some("Kofi Owusu"))[0]), "{s:?}");
    let s = shapes("The visit became \"the high point of their ties,\" according to Mr. Owusu.", &[]);
    assert!(
        s.contains(
            &one("indirect", "The visit became \"the high point of their ties,\"", "according to", Some("Mr. Owusu"))
                [0]
        ),
        "{s:?}"
    );
}

#[test]
fn a_hearer_with_a_possessive_is_skipped() {
    let s = shapes("This is not about me, President Mensah told his closest advisers as he worked on the speech.", &[]);
    // (Direct: first-person words before their attribution, `unquoted.rs`.)
    assert_eq!(s, one("direct", "This is not about me", "told", Some("President Mensah")));
    let s = shapes("Mensah told his advisers the plan would fail.", &[]);
    assert_eq!(s, one("indirect", "the plan would fail", "told", Some("Mensah")));
}

#[test]
fn a_sentence_ending_in_quoted_words_and_an_attribution_is_reported_speech() {
    let s = shapes("The board is unlikely to be \"swamped by newcomers,\" Mensah said.", &[]);
    assert!(
        s.contains(
            &one("indirect", "The board is unlikely to be \"swamped by newcomers,\"", "said", Some("Mensah"))[0]
        ),
        "{s:?}"
    );
    assert!(s.contains(&one("partial", "swamped by newcomers", "said", Some("Mensah"))[0]), "{s:?}");
    // A quote in parentheses opens its sentence.
    let s = shapes("The crowd booed. (\"I do not want a fight,\" said one party activist.)", &[]);
    assert_eq!(s, one("direct", "I do not want a fight", "said", Some("one party activist")));
    // A named attribution closing the sentence ends the content before it.
    let s = shapes("The ferry firm was cutting fares and urging people to travel early, TVGH reported.", &[]);
    assert!(s.iter().all(|q| !q.1.contains("TVGH")), "{s:?}");
}

#[test]
fn a_capitalised_modifier_before_a_common_noun_is_no_sentence_subject() {
    let q = speakers("Local staff were treating the blaze as arson and asking hikers to leave the park.", &[]);
    assert!(q.iter().all(|x| x.1.as_deref() != Some("Local")), "{q:?}");
    let q = speakers("Mensah toured the harbour on Monday, declaring it \"a great day for the town.\"", &[]);
    assert_eq!(q[0].1.as_deref(), Some("Mensah"), "{q:?}");
}

#[test]
fn a_comparison_after_a_poll_figure_is_the_writers() {
    let s = outer("Most riders said the new timetable was worse, compared with a third a year earlier.", &[]);
    assert_eq!(s, one("indirect", "the new timetable was worse", "said", Some("Most riders")));
    // Without the comma too; the other group's saying is then a quote of its own.
    let s = outer(
        "Two in three traders said rents at the market hall had doubled compared to 14 percent of \
the stallholders who said they had barely moved.",
        &[],
    );
    assert_eq!(s[0].1, "rents at the market hall had doubled", "{s:?}");
    assert!(s.iter().any(|q| q.1 == "they had barely moved"), "{s:?}");
}

#[test]
fn an_object_holding_quoted_words_is_what_the_verb_of_saying_reports() {
    let s = shapes("At the launch, the harbour master declared the \"long overdue\" repairs a priority.", &[]);
    let whole = one("indirect", "the \"long overdue\" repairs a priority", "declared", Some("the harbour master"));
    assert!(s.contains(&whole[0]), "{s:?}");
    assert!(s.contains(&one("partial", "long overdue", "declared", Some("the harbour master"))[0]), "{s:?}");
    // "warned of": the object of the preposition.
    let s = outer("The fishing union warned of a \"lost decade\" for the northern fleet.", &[]);
    assert_eq!(s[0].1, "a \"lost decade\" for the northern fleet", "{s:?}");
    // Without quoted words the object is no report.
    let s = shapes("At the launch, the harbour master declared the urgent repairs a priority.", &[]);
    assert!(s.is_empty(), "{s:?}");
}

#[test]
fn a_subject_and_its_apposition_before_a_verb_with_an_object_are_no_content() {
    let s = outer("Ama Boateng, a deputy mayor since 2019, urged a quick vote on the budget.", &[]);
    assert!(s.iter().all(|q| !q.1.contains("deputy mayor")), "{s:?}");
    let s = outer("The ferry company, which has run the route for decades, denied any wrongdoing.", &[]);
    assert!(s.iter().all(|q| !q.1.contains("ferry company")), "{s:?}");
    let s = outer("Kofi Mensah, a retired pilot on the port board, said the dredging plan had no budget.", &[]);
    assert_eq!(s, one("indirect", "the dredging plan had no budget", "said", Some("Kofi Mensah")));
    // A name after the cue still inverts: the subject before it is interrupted, not the speaker.
    let s = outer("The real question, says Ama Lee, is who will pay for the dredging.", &[]);
    assert!(!s.is_empty() && s.iter().all(|q| q.3.as_deref() == Some("Ama Lee")), "{s:?}");
}

#[test]
fn a_percentage_is_a_speaker_and_another_figure_ends_its_content() {
    let s = outer("Among riders under 30, 61% call the ferry too slow, 25% too dear.", &[]);
    assert!(s.iter().all(|q| !q.1.contains("25%")), "{s:?}");
    let s = outer("Of the traders polled, 55% say the council should keep the toll, 38% that it should go.", &[]);
    assert_eq!(s, one("indirect", "the council should keep the toll", "say", Some("55%")));
}

#[test]
fn what_an_unnamed_asker_asked_is_reported() {
    let s = shapes("Asked about the new ferry timetable, the harbour master said it would be reviewed.", &[]);
    assert!(s.contains(&one("indirect", "the new ferry timetable", "Asked", None)[0]), "{s:?}");
    let s = shapes("Asked Monday about the strike in a radio interview, Mensah said little.", &[]);
    assert!(s.contains(&one("indirect", "the strike", "Asked", None)[0]), "{s:?}");
    let s = shapes("Kofi Boateng was asked to name the firms behind the bid.", &[]);
    assert_eq!(s, one("indirect", "to name the firms behind the bid", "asked", None));
    let s = shapes("The mayor was asked by a local reporter whether the bridge would reopen.", &[]);
    assert_eq!(s, one("indirect", "whether the bridge would reopen", "asked", None));
}

#[test]
fn the_topic_of_a_comment_is_what_it_reports() {
    let s = shapes("The ferry operator has not yet commented on the cancelled winter sailings.", &[]);
    assert_eq!(s, one("indirect", "the cancelled winter sailings", "commented", Some("The ferry operator")));
    let s = shapes("Boateng commented on the ruling on Monday.", &[]);
    assert_eq!(s, one("indirect", "the ruling", "commented", Some("Boateng")));
    let s = shapes("The harbour pilots complained of long shifts and broken radar.", &[]);
    assert_eq!(s, one("indirect", "long shifts and broken radar", "complained", Some("The harbour pilots")));
    // A preposition after "about" opens no topic.
    let s = shapes("This was the very shortfall the board warned about in its 2019 review.", &[]);
    assert!(s.is_empty(), "{s:?}");
}

#[test]
fn a_relative_clause_attributes_none_of_the_clause_before_it() {
    let text = "Harbour spokesman Kofi Mensah said pilots sailed with the trawlers, whom he described as brave.";
    let s = outer(text, &[]);
    assert!(s.iter().all(|q| !q.1.contains("Kofi Mensah said")), "{s:?}");
    assert_eq!(s[0].3.as_deref(), Some("Harbour spokesman Kofi Mensah"), "{s:?}");
    let s = outer("The storm cut power to the whole island, which the utility reported on Sunday.", &[]);
    assert!(s.iter().all(|q| !q.1.contains("storm cut power")), "{s:?}");
}

#[test]
fn a_verb_after_and_that_reports_nothing_goes_on_with_the_content() {
    let s = outer("The dock workers said they would stay on strike and hope the port stays shut all week.", &[]);
    assert_eq!(s[0].1, "they would stay on strike and hope the port stays shut all week", "{s:?}");
    // A cue after "and" is another act of the speaker, read on its own.
    let s = outer("The ferry firm said the crossing would reopen in May and expects bookings to recover.", &[]);
    assert_eq!(s[0].1, "the crossing would reopen in May", "{s:?}");
    assert!(s.iter().any(|q| q.1 == "bookings to recover"), "{s:?}");
}

#[test]
fn verbs_of_saying_that_report_their_object() {
    let s = outer("In her closing remarks, the governor noted her long record on flood defences.", &[]);
    assert_eq!(s, one("indirect", "her long record on flood defences", "noted", Some("the governor")));
    let s = outer("Mensah stressed cross-party support for the new harbour wall.", &[]);
    assert_eq!(s, one("indirect", "cross-party support for the new harbour wall", "stressed", Some("Mensah")));
    // A clause still reads as a clause; a slip in the verb is still forgiven.
    let s = outer("Boateng suggested the levy be scrapped.", &[]);
    assert_eq!(s, one("indirect", "the levy be scrapped", "suggested", Some("Boateng")));
    let s = outer("Lee stresed that the vote would go ahead.", &[]);
    assert_eq!(s, one("indirect", "the vote would go ahead", "stresed", Some("Lee")));
}

#[test]
fn a_document_or_a_subject_written_is_no_quote() {
    for text in [
        "The retired skipper wrote a short history of the harbour in 2011.",
        "Boateng, who writes about fisheries for a trade weekly, was not at the hearing.",
        "The council has written off the unpaid berth fees.",
    ] {
        let s = outer(text, &[]);
        assert!(s.is_empty(), "{text}: {s:?}");
    }
    // A clause is still what was written.
    let s = outer("Mensah wrote a deal was close.", &[]);
    assert_eq!(s, one("indirect", "a deal was close", "wrote", Some("Mensah")));
}

#[test]
fn a_participle_that_modifies_a_noun_is_no_cue() {
    for text in [
        "All reported sightings of the seal were checked by wardens.",
        "There were no reported injuries in the blast at the fuel depot.",
        "The previously announced closure of the ferry line will go ahead in June.",
    ] {
        let s = outer(text, &[]);
        assert!(s.is_empty(), "{text}: {s:?}");
    }
    let s = outer("The pilots all said the channel was too shallow.", &[]);
    assert_eq!(s, one("indirect", "the channel was too shallow", "said", Some("The pilots all")));
}

#[test]
fn a_text_opening_with_a_participle_is_read_safely() {
    let s = outer("Reported earlier, the closure stands.", &[]);
    assert!(s.iter().all(|q| !q.1.is_empty()), "{s:?}");
    let s = outer("reported", &[]);
    assert!(s.is_empty(), "{s:?}");
}

#[test]
fn saying_little_or_nothing_reports_no_words() {
    for text in ["The harbour master said little about the dredging plan.", "Boateng would say nothing more on Monday."]
    {
        let s = outer(text, &[]);
        assert!(s.is_empty(), "{text}: {s:?}");
    }
    let s = outer("Mensah said much of the cargo was lost.", &[]);
    assert_eq!(s, one("indirect", "much of the cargo was lost", "said", Some("Mensah")));
}

#[test]
fn a_naming_verb_with_a_long_object_reports_the_object_and_its_name() {
    // The object says whom the name was given to: it is part of what was said.
    let s = shapes("Governor Ama Osei called the new harbour levy \"a tax on every fisherman\" last week.", &[]);
    assert_eq!(
        s,
        one("indirect", "the new harbour levy \"a tax on every fisherman\"", "called", Some("Governor Ama Osei"))
    );
    // Words right after the closing mark finish the clause; "and" starts something else.
    let s = shapes("The mayor calls the port authority's plan \"a gift\" for developers and left.", &[]);
    assert_eq!(s, one("indirect", "the port authority's plan \"a gift\" for developers", "calls", Some("The mayor")));
    // A participle after a comma speaks for the subject of the verb before it, not its object.
    let s = shapes("Kwame Mensah criticised Ama Osei, calling her budget plan \"a fantasy.\"", &[]);
    let named = s.iter().find(|q| q.2.as_deref() == Some("calling")).expect("a quote cued by calling");
    assert_eq!((named.0.as_str(), named.1.as_str()), ("indirect", "her budget plan \"a fantasy.\""), "{s:?}");
    assert_eq!(named.3.as_deref(), Some("Kwame Mensah"), "{s:?}");
    // So does a pronoun or a one-word object: what was called what.
    let s = shapes("The minister called it \"a disgrace\" and called the vote \"rigged.\"", &[]);
    assert!(s.iter().any(|q| q.0 == "indirect" && q.1 == "it \"a disgrace\""), "{s:?}");
    assert!(s.iter().any(|q| q.0 == "indirect" && q.1 == "the vote \"rigged.\""), "{s:?}");
    assert!(s.iter().all(|q| q.0 != "partial"), "{s:?}");
}

#[test]
fn a_hedge_reports_its_clause_with_no_speaker() {
    // The impression is nobody's in particular: the clause, no speaker, in two fragments around
    // the hedge (its cue), as an attribution interrupts a quote.
    let two = |subject: &str, rest: &str, cue: &str| {
        [one("indirect", subject, cue, None), one("indirect", rest, cue, None)].concat()
    };
    let s = shapes("After the second vote, the harbour board appears to have dropped the toll plan.", &[]);
    assert_eq!(s, two("the harbour board", "to have dropped the toll plan", "appears"));
    let s = shapes("The ferry union is expected to approve the new contract on Monday.", &[]);
    assert_eq!(s, two("The ferry union", "to approve the new contract on Monday", "is expected"));
    // With "it" as subject, what follows the hedge; a colon ends the impression.
    let s = shapes("It seems, though, that the port will stay closed.", &[]);
    assert_eq!(s, one("indirect", "the port will stay closed", "seems", None));
    let s = shapes("Traders seemed unconvinced: the price fell again.", &[]);
    assert_eq!(s, two("Traders", "unconvinced", "seemed"));
    // Appearances, modals, negations and aims are no hedges.
    for text in [
        "The minister appeared on state radio on Tuesday.",
        "The mayor appeared before the committee for an hour.",
        "The plan may seem generous to some fishermen.",
        "The council did not appear to notice the change.",
        "The governor is trying to appear calm before the vote.",
    ] {
        assert!(shapes(text, &[]).is_empty(), "{text}");
    }
    // A hedge inside someone's reported speech is theirs, not read twice.
    let s = shapes("Ama Osei said the deal seems fair to both towns.", &[]);
    assert_eq!(s, one("indirect", "the deal seems fair to both towns", "said", Some("Ama Osei")));
}

#[test]
fn a_view_reports_its_object_and_what_it_is_seen_as() {
    let s = shapes("Many fishermen see the new quota as a tax on small boats.", &[]);
    assert_eq!(s, one("indirect", "the new quota as a tax on small boats", "see", Some("Many fishermen")));
    // "saw him as he left" and "such as" are no views.
    assert!(shapes("Residents saw the mayor as he left the hall.", &[]).is_empty());
    assert!(shapes("Farmers see costs such as fuel rising.", &[]).is_empty());
}

#[test]
fn a_short_object_before_as_keeps_the_named_words_alone() {
    let s = shapes("A council spokesperson, Ama Osei, termed the claims as \"harbour gossip\".", &[]);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!((s[0].0.as_str(), s[0].1.as_str()), ("partial", "harbour gossip"), "{s:?}");
}

#[test]
fn a_cue_in_a_relative_clause_reports_up_to_its_closing_comma() {
    let s = outer("Ama Osei, who toured the harbour and said the toll would stay, later changed her mind.", &[]);
    assert_eq!(s[0].1, "the toll would stay", "{s:?}");
    let s = outer("The new fees, which port staff said would start in May, do not cover ferries.", &[]);
    assert_eq!(s[0].1, "would start in May", "{s:?}");
    // Outside a relative clause the sentence goes on with what was said.
    let s = outer("Ama Osei said the toll would stay, will rise in May and will fund the pier.", &[]);
    assert_eq!(s[0].1, "the toll would stay, will rise in May and will fund the pier", "{s:?}");
}

#[test]
fn a_verb_of_intent_and_thought_also_reports_a_clause() {
    let s = shapes("Harbour pilots hope that the strike will end before the season.", &[]);
    assert_eq!(s, one("indirect", "the strike will end before the season", "hope", Some("Harbour pilots")));
    let s = shapes("Traders expect the central bank will hold rates in May.", &[]);
    assert_eq!(s, one("indirect", "the central bank will hold rates in May", "expect", Some("Traders")));
    // Intent alone ("want") still needs its infinitive.
    assert!(shapes("Fishermen want the quota lifted before May.", &[]).is_empty());
}

#[test]
fn the_writer_turning_to_another_clause_ends_the_content() {
    // ", however" before a new clause is the writer's.
    let s = outer("In March, 40 percent said they would back the levy, however that share has since fallen.", &[]);
    assert_eq!(s[0].1, "they would back the levy", "{s:?}");
    // ", but he ..." with a verb in the past: the speaker does something else.
    let s =
        outer("After the meeting, Kofi Mensah said the board had not convinced him, but he praised its chair.", &[]);
    assert_eq!(s[0].1, "the board had not convinced him", "{s:?}");
    // A parenthetical "however" inside the reported clause stays in.
    let s = outer("Ama Osei said the toll, however, would stay in place until May.", &[]);
    assert_eq!(s[0].1, "the toll, however, would stay in place until May", "{s:?}");
}

#[test]
fn a_finding_placed_in_a_poll_reports_it() {
    let s = shapes("Ama Osei leads Kofi Mensah by eight points in the latest Harbour Times poll.", &[]);
    assert_eq!(
        s,
        one("indirect", "Ama Osei leads Kofi Mensah by eight points", "in", Some("the latest Harbour Times poll"))
    );
    // A poll's name with inner punctuation, opening the sentence.
    let s = shapes("In a Harbour/Metro poll released Monday, 50 percent of riders backed the toll.", &[]);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].1, "50 percent of riders backed the toll", "{s:?}");
    // The poll names whom the subject counts: the sentence's verb comes after it.
    assert!(shapes("A third of the ferry riders in the harbour survey had no car.", &[]).is_empty());
    // The last "in" names the poll.
    let s = shapes("The mayor has been stuck in single digits in the polls.", &[]);
    assert_eq!(s, one("indirect", "The mayor has been stuck in single digits", "in", Some("the polls")));
}

#[test]
fn a_participle_glossing_a_whole_clause_ends_the_content() {
    let s = outer("Half of the riders say they would pay a higher fare, putting the ferry ahead of the bus.", &[]);
    assert_eq!(s[0].1, "they would pay a higher fare", "{s:?}");
    // "having" and "including" go on with what was said.
    let s = outer("Ama Osei said the port, having lost two cranes, would close.", &[]);
    assert_eq!(s[0].1, "the port, having lost two cranes, would close", "{s:?}");
}

#[test]
fn a_subject_contracted_with_its_verb_is_a_whole_clause() {
    // "he's hopeful ..., even though ...": the concession is the writer's, as after any clause.
    let s = outer("Kofi Mensah said he's hopeful, even though the pier is closed.", &[]);
    assert_eq!(s[0].1, "he's hopeful", "{s:?}");
}

#[test]
fn reported_content_is_not_cut_inside_quote_marks_it_opened() {
    // A concession inside the quoted words is the speaker's, not the writer's.
    let s = outer("Ama Osei said the fee was \"fair, although steep for the small boats,\" and left.", &[]);
    assert_eq!(s[0].1, "the fee was \"fair, although steep for the small boats,\"", "{s:?}");
    // A sentence break inside the quoted words does not end what was said.
    let s =
        outer("Kofi Mensah said the pier was \"too old to save. Nobody will pay for it.\" The vote is in May.", &[]);
    assert_eq!(s[0].1, "the pier was \"too old to save. Nobody will pay for it.\"", "{s:?}");
}

#[test]
fn one_or_two_quoted_words_a_verb_of_saying_does_not_report_are_no_quote() {
    // The quoted words are a name the writer borrows, not what the speaker said.
    let s = shapes("Ama Osei spoke for an hour on Monday about the \"harbour first\" plan.", &[]);
    assert!(s.iter().all(|q| q.0 != "partial"), "{s:?}");
    let s = shapes("Kofi Mensah told the board on Monday about his \"reset\" of the ferry routes.", &[]);
    assert!(s.iter().all(|q| q.0 != "partial"), "{s:?}");
    // Three words or more framed by the verb are still the speaker's partial quote.
    let s = shapes("Kofi Mensah told the board on Monday about a \"tax on every boat\" in the plan.", &[]);
    assert!(s.iter().any(|q| q.0 == "partial" && q.1 == "tax on every boat"), "{s:?}");
}

#[test]
fn deny_withholding_something_reports_nothing() {
    assert!(shapes("The court denied him bail on Monday.", &[]).is_empty());
    assert!(shapes("The harbour board denied Tema Ferries a second berth this year.", &[]).is_empty());
    // Denying a claim is still a report.
    let s = shapes("Kofi Mensah denied that the port had lost money.", &[]);
    assert_eq!(s, one("indirect", "the port had lost money", "denied", Some("Kofi Mensah")));
}

#[test]
fn a_plural_noun_before_a_relative_that_is_no_cue() {
    let s = shapes("Voters went to the polls on Tuesday in two Gulf Coast states that have lost ferry routes.", &[]);
    assert!(s.is_empty(), "{s:?}");
}

#[test]
fn add_up_to_and_said_than_done_report_nothing() {
    assert!(shapes("The repairs at the port added up to a year of lost trade.", &[]).is_empty());
    assert!(shapes("The strike adds to the pressure that the harbour board faces.", &[]).is_empty());
    assert!(shapes("Closing the ferry route is easier said than done in a town of islands.", &[]).is_empty());
    // "added that" is still a report.
    let s = shapes("Ama Osei added that the pier would reopen in May.", &[]);
    assert_eq!(s, one("indirect", "the pier would reopen in May", "added", Some("Ama Osei")));
}

#[test]
fn a_topic_of_saying_without_a_clause_reports_nothing() {
    assert!(shapes("Here are five things the harbour master has said about the ferry strike.", &[]).is_empty());
    let s = shapes("\"He is one of us,\" Kofi Mensah said of the new port chief.", &[]);
    assert!(s.iter().all(|q| q.0 == "direct"), "{s:?}");
    // A "that" clause further on is still what was told.
    let s = shapes("Ama Osei told members of the harbour board that the pier would close.", &[]);
    assert!(s.iter().any(|q| q.1 == "the pier would close"), "{s:?}");
}

#[test]
fn a_participle_of_saying_joined_to_a_clause_speaks_for_its_subject() {
    let s = shapes("Ama Osei thanked the crews before explaining why the pier must close.", &[]);
    assert!(s.contains(&one("indirect", "why the pier must close", "explaining", Some("Ama Osei"))[0]), "{s:?}");
    let s = shapes("Kofi Mensah said the port was safe, while arguing the city should hire more pilots.", &[]);
    assert!(s.contains(&one("indirect", "the port was safe", "said", Some("Kofi Mensah"))[0]), "{s:?}");
    assert!(
        s.contains(&one("indirect", "the city should hire more pilots", "arguing", Some("Kofi Mensah"))[0]),
        "{s:?}"
    );
    // Opening the sentence, the participle reports up to its comma, for the subject after it.
    let s = shapes("After suggesting on Monday that the fares might rise, Kofi Mensah changed course.", &[]);
    assert_eq!(s, one("indirect", "the fares might rise", "suggesting", Some("Kofi Mensah")));
    // A participle that is no verb of saying reports nothing.
    assert!(shapes("After landing in Tema on Monday, the crew rested for a day.", &[]).is_empty());
}

#[test]
fn a_participle_of_saying_opening_the_sentence_speaks_for_the_subject_after_its_comma() {
    let s = shapes("Noting that the pier is old, Ama Osei asked the board for funds.", &[]);
    assert!(s.contains(&one("indirect", "the pier is old", "Noting", Some("Ama Osei"))[0]), "{s:?}");
    // A wire story's credit line is no participle of saying.
    assert!(shapes("Reporting by Ama Osei; editing by Kofi Mensah.", &[]).is_empty());
}

#[test]
fn and_with_a_comma_before_another_cue_ends_the_content() {
    let s = shapes("Kofi Mensah said the ferries would run on time, and urged passengers to book early.", &[]);
    assert_eq!(
        s,
        [
            one("indirect", "the ferries would run on time", "said", Some("Kofi Mensah")).remove(0),
            one("indirect", "passengers to book early", "urged", Some("Kofi Mensah")).remove(0),
        ]
    );
}

#[test]
fn words_after_another_cue_verb_are_its_complement_not_a_speaker() {
    let s = shapes("Ama Osei commented on the tides, refused to name a date, and told the crowd she would stay.", &[]);
    let told = s.iter().find(|q| q.2.as_deref() == Some("told")).expect("the told clause");
    assert_eq!((told.1.as_str(), told.3.as_deref()), ("she would stay", Some("Ama Osei")), "{s:?}");
    assert!(s.iter().all(|q| q.3.as_deref() != Some("on the tides")), "{s:?}");
}

#[test]
fn according_to_in_parentheses_after_a_colon_and_at_the_sentence_end() {
    let s = shapes("Skaters pay fines. (According to the harbour police, the pier has had no thefts this year.)", &[]);
    assert_eq!(s, one("indirect", "the pier has had no thefts this year", "According to", Some("the harbour police")));
    let s = shapes("The mood has shifted: According to a new survey, most traders back the levy.", &[]);
    assert_eq!(s, one("indirect", "most traders back the levy", "According to", Some("a new survey")));
    let s = shapes("The ferry carried 9,000 passengers in May according to figures from the Harbour Board.", &[]);
    assert_eq!(
        s,
        one(
            "indirect",
            "The ferry carried 9,000 passengers in May",
            "according to",
            Some("figures from the Harbour Board")
        )
    );
    let s = shapes("Tema lost 40 fishing days to storms last year \u{2014} according to the latest port data.", &[]);
    assert_eq!(
        s,
        one("indirect", "Tema lost 40 fishing days to storms last year", "according to", Some("the latest port data"))
    );
    // Quote marks inside the source of an opening attribution.
    let s = shapes("According to the \"clean harbour\" plan, every trawler must fit a new filter by June.", &[]);
    assert_eq!(
        s,
        one(
            "indirect",
            "every trawler must fit a new filter by June",
            "According to",
            Some("the \"clean harbour\" plan")
        )
    );
    // No comma and no source that names itself: a manner, not an attribution.
    assert!(shapes("The crews voted according to party lines.", &[]).is_empty());
    assert!(shapes("The repairs went according to plan.", &[]).is_empty());
}

#[test]
fn a_headline_verb_of_saying_in_title_case() {
    let s = shapes("Port Chief Warns Ferry Traffic Will Fall\n\nThe port reopened on Monday.", &[]);
    assert_eq!(s, one("indirect", "Ferry Traffic Will Fall", "Warns", Some("Port Chief")));
    let s = shapes("Ama Osei Just Announced Her Harbour Budget\n\nThe port reopened on Monday.", &[]);
    assert!(s.iter().any(|q| q.1 == "Her Harbour Budget" && q.2.as_deref() == Some("Announced")), "{s:?}");
    // Not a verb of saying before a topic, nor one that is also a noun, nor below the headline.
    assert!(shapes("Mayor Responded To Critics\n\nThe port reopened on Monday.", &[]).is_empty());
    assert!(shapes("Mayor Claims Victory\n\nThe port reopened on Monday.", &[]).is_empty());
    assert!(shapes("The port reopened.\n\nPort Chief Warns Ferry Traffic Will Fall", &[]).is_empty());
}

#[test]
fn a_participle_after_a_comma_inside_the_closing_mark_speaks_for_the_quote_speaker() {
    let s = shapes("Kofi Mensah said of the strike, \"The fares are too high,\" adding that the vote was rushed.", &[]);
    assert!(s.contains(&one("direct", "The fares are too high", "said", Some("Kofi Mensah"))[0]), "{s:?}");
    assert!(s.contains(&one("indirect", "the vote was rushed", "adding", Some("Kofi Mensah"))[0]), "{s:?}");
    // A gloss of the quoted words is the writer's, not a quote.
    let s = shapes("The crowd sang \"Harbour Lights,\" referring to the old ferry.", &[]);
    assert!(s.iter().all(|q| q.2.as_deref() != Some("referring to")), "{s:?}");
}

#[test]
fn a_comma_inside_the_closing_mark_before_another_act_ends_the_content() {
    let s = shapes("Ama Osei said the fares were \"fair enough,\" while Kofi Mensah said they were too high.", &[]);
    assert!(s.contains(&one("indirect", "the fares were \"fair enough,\"", "said", Some("Ama Osei"))[0]), "{s:?}");
    assert!(s.contains(&one("indirect", "they were too high", "said", Some("Kofi Mensah"))[0]), "{s:?}");
    let s = shapes("Kofi Mensah said the pier was \"a wreck,\" explaining that nobody had paid for it.", &[]);
    assert!(s.contains(&one("indirect", "the pier was \"a wreck,\"", "said", Some("Kofi Mensah"))[0]), "{s:?}");
    // A quote the content opens with keeps its own attribution inside it.
    let s = shapes("\"We will stay,\" Osei said, according to the Harbour Times.", &[]);
    assert!(s.iter().any(|q| q.2.as_deref() == Some("according to")), "{s:?}");
}

#[test]
fn a_comma_after_the_cue_of_a_sentence_opening_speaker_can_open_the_content() {
    let s = shapes("Mayor Ama Osei says, rain or shine, the ferry will sail on Friday.", &[]);
    assert_eq!(s, one("indirect", "rain or shine, the ferry will sail on Friday", "says", Some("Mayor Ama Osei")));
    let s = shapes("Ama Osei said, on reflection, that the pier was too small.", &[]);
    assert_eq!(s, one("indirect", "the pier was too small", "said", Some("Ama Osei")));
    // Not across another attribution, nor before a participle or quote marks.
    let s = shapes("The ledgers show, Osei said on Monday, that the port lost money.", &[]);
    assert!(s.iter().all(|q| q.2.as_deref() != Some("show")), "{s:?}");
    let s = shapes("Ama Osei said, adding that the pier was too small.", &[]);
    assert_eq!(s, one("indirect", "the pier was too small", "adding", Some("Ama Osei")));
}

#[test]
fn a_party_tag_with_dots_stays_with_its_speaker() {
    let s = shapes("The talks stalled. Sen. Ama Osei (D-R.I.) said the ferry budget was too small.", &[]);
    assert_eq!(s, one("indirect", "the ferry budget was too small", "said", Some("Sen. Ama Osei")));
    let s =
        shapes("The talks stalled. Sen. Ama Osei, R-Ky., told Harbour Radio that the ferry budget was too small.", &[]);
    assert_eq!(s, one("indirect", "the ferry budget was too small", "told", Some("Sen. Ama Osei")));
}

#[test]
fn this_before_a_finite_verb_opens_the_content() {
    let s = shapes("Some traders say this is the worst season in years.", &[]);
    assert_eq!(s, one("indirect", "this is the worst season in years", "say", Some("Some traders")));
    // "this week" is still a time, not content.
    let s = shapes("Ama Osei said this week the pier was too old.", &[]);
    assert_eq!(s, one("indirect", "the pier was too old", "said", Some("Ama Osei")));
}

#[test]
fn a_quoted_word_inside_a_question_goes_on_with_it() {
    let s = shapes("Asked by Kofi Mensah whether the \"new\" pier was safe, the mayor smiled.", &[]);
    assert_eq!(s, one("indirect", "whether the \"new\" pier was safe", "Asked", None));
    let s = shapes("The harbour board asked Ama Osei whether the pier was \"safe enough.\"", &[]);
    assert!(s.iter().any(|q| q.1.starts_with("whether the pier was \"safe enough")), "{s:?}");
}

#[test]
fn a_tweeted_object_is_what_was_tweeted() {
    let s = shapes("Kofi Mensah tweeted a map of the new ferry routes.", &[]);
    assert_eq!(s, one("indirect", "a map of the new ferry routes", "tweeted", Some("Kofi Mensah")));
    let s = shapes("Ama Osei tweeted that the pier was flooded.", &[]);
    assert_eq!(s, one("indirect", "the pier was flooded", "tweeted", Some("Ama Osei")));
    // A topic is not what was tweeted.
    assert!(shapes("Ama Osei tweeted about the new ferry routes.", &[]).iter().all(|q| q.1 != "the new ferry routes"));
}

#[test]
fn an_attribution_with_its_own_clause_does_not_take_quoted_words_before_it() {
    // A show's title before a cue that reports a clause of its own: the clause is what was said.
    let s =
        shapes("Tuesday on Harbour TV's \"Evening Desk,\" Ama Osei said if the ferry stops the town will fail.", &[]);
    assert!(
        s.contains(&one("indirect", "if the ferry stops the town will fail", "said", Some("Ama Osei"))[0]),
        "{s:?}"
    );
    assert!(s.iter().all(|q| !q.1.contains("Evening Desk")), "{s:?}");
    // A passive attribution: the subject was asked, the quoted words are nobody's answer.
    let s = shapes(
        "Last week, during a visit to the \"Old Pier,\" Kofi Mensah was asked by a reporter whether the toll would rise.",
        &[],
    );
    assert!(s.iter().all(|q| !q.1.contains("Old Pier")), "{s:?}");
    assert!(s.iter().any(|q| q.1 == "whether the toll would rise"), "{s:?}");
    // The ordinary form keeps its reading.
    let s = shapes("The board is unlikely to be \"swamped by newcomers,\" Ama Osei said on Tuesday.", &[]);
    assert!(s.iter().any(|q| q.0 == "partial" && q.1 == "swamped by newcomers"), "{s:?}");
}

#[test]
fn that_before_a_finite_verb_is_the_subject_of_the_content() {
    let s = shapes("Asked about the toll, Ama Osei said that was a fair price for the new pier.", &[]);
    assert!(
        s.iter().any(|q| q.1 == "that was a fair price for the new pier" && q.2.as_deref() == Some("said")),
        "{s:?}"
    );
    // "that" opening a clause with its own subject is still left out.
    let s = shapes("Ama Osei said that the pier was too old.", &[]);
    assert_eq!(s, one("indirect", "the pier was too old", "said", Some("Ama Osei")));
}

#[test]
fn what_a_hearer_is_told_to_do_is_reported() {
    let s = shapes("The harbour master told the crew to turn the ferry around.", &[]);
    assert_eq!(s, one("indirect", "to turn the ferry around", "told", Some("The harbour master")));
    let s = shapes("Kofi Mensah was heard on the radio telling Osei to close the pier.", &[]);
    assert!(s.iter().any(|q| q.1 == "to close the pier" && q.2.as_deref() == Some("telling")), "{s:?}");
    // A hearer and then a clause keep their reading.
    let s = shapes("Ama Osei told reporters she planned to stay.", &[]);
    assert_eq!(s, one("indirect", "she planned to stay", "told", Some("Ama Osei")));
}

#[test]
fn an_infinitive_content_ends_where_a_whole_clause_would() {
    let s = outer("The council vowed to close the old pier, which has stood since 1920.", &[]);
    assert_eq!(s, one("indirect", "to close the old pier", "vowed", Some("The council")));
    let s = outer("Ama Osei pledged to repave the harbour road, meaning the ferry will run late.", &[]);
    assert_eq!(s, one("indirect", "to repave the harbour road", "pledged", Some("Ama Osei")));
    // A list inside the infinitive goes on.
    let s = outer("Ama Osei pledged to repave the road, the pier and the old quay.", &[]);
    assert_eq!(s, one("indirect", "to repave the road, the pier and the old quay", "pledged", Some("Ama Osei")));
}

#[test]
fn only_before_a_participle_of_saying_is_no_speaker() {
    let s = outer("Ama Osei spoke to the crowd for an hour, only saying at the end that the pier was safe.", &[]);
    assert!(s.contains(&one("indirect", "the pier was safe", "saying", Some("Ama Osei"))[0]), "{s:?}");
    assert!(s.iter().all(|q| q.3.as_deref() != Some("only")), "{s:?}");
}

#[test]
fn an_opening_time_phrase_is_no_speaker() {
    let s = outer("Hours later, Kofi Mensah returned to the pier, telling reporters, \"The ferry will sail.\"", &[]);
    assert!(s.contains(&one("direct", "The ferry will sail.", "telling", Some("Kofi Mensah"))[0]), "{s:?}");
    let s = outer("A week earlier, she visited the port, telling the crews that the pier would stay open.", &[]);
    assert!(s.contains(&one("indirect", "the pier would stay open", "telling", Some("she"))[0]), "{s:?}");
}

#[test]
fn an_aside_between_the_speaker_and_the_cue_is_stepped_over() {
    let s = outer("Ama Osei, after a long pause, said the pier would stay open.", &[]);
    assert_eq!(s, one("indirect", "the pier would stay open", "said", Some("Ama Osei")));
    let s = outer("Kofi Mensah, facing a hard race in Tema, said he would keep the ferry running.", &[]);
    assert_eq!(s, one("indirect", "he would keep the ferry running", "said", Some("Kofi Mensah")));
    let s = outer("The harbour board, meanwhile, said the toll would rise.", &[]);
    assert_eq!(s, one("indirect", "the toll would rise", "said", Some("The harbour board")));
    // A relative clause holding the speaker is no aside, and a name next to the cue is the speaker.
    let s = outer("The port was busy, in what Ama Osei, the harbour chief, called \"a record week.\"", &[]);
    assert!(s.iter().all(|q| q.3.as_deref() != Some("The port was busy")), "{s:?}");
}

#[test]
fn a_time_before_the_cue_is_no_speaker() {
    let s = outer("Ama Osei, the harbour chief, this past week announced a new ferry route.", &[]);
    assert_eq!(s, one("indirect", "a new ferry route", "announced", Some("Ama Osei")));
    let s = outer("Sen. Kofi Mensah (D-Tema) last week said the pier was unsafe.", &[]);
    assert_eq!(s, one("indirect", "the pier was unsafe", "said", Some("Sen. Kofi Mensah")));
}

#[test]
fn a_capitalised_sentence_adverb_is_no_speaker() {
    let s = outer("Ultimately, Ama Osei visited the pier and said it was safe.", &[]);
    assert!(s.contains(&one("indirect", "it was safe", "said", Some("Ama Osei"))[0]), "{s:?}");
    let s = outer("Likewise, Kofi Mensah toured the port and called for a new crane.", &[]);
    assert!(s.contains(&one("indirect", "a new crane", "called for", Some("Kofi Mensah"))[0]), "{s:?}");
}

#[test]
fn a_named_clause_after_an_object_or_infinitive_ends_it() {
    let s = outer("At the moment the board announced the new toll last spring, Kofi Mensah was at sea.", &[]);
    // (The time of the announcement is cut from the short object too.)
    assert!(s.iter().any(|q| q.1 == "the new toll" && q.2.as_deref() == Some("announced")), "{s:?}");
    let s = outer(
        "While the union picketed the docks and vowed to close the pier, Ama Osei has kept the ferries running.",
        &[],
    );
    assert!(s.iter().any(|q| q.1 == "to close the pier" && q.2.as_deref() == Some("vowed")), "{s:?}");
}

#[test]
fn a_one_word_answer_is_all_that_was_said() {
    let s = outer("Asked about the toll, 41 percent of riders said yes, compared with 30 percent last year.", &[]);
    assert!(s.iter().any(|q| q.1 == "yes" && q.2.as_deref() == Some("said")), "{s:?}");
    let s = outer("A year ago, half the crews said so in a survey.", &[]);
    assert!(s.iter().any(|q| q.1 == "so" && q.2.as_deref() == Some("said")), "{s:?}");
    // "no" opening a clause is not an answer.
    let s = outer("Ama Osei said no ferry would sail on Friday.", &[]);
    assert_eq!(s, one("indirect", "no ferry would sail on Friday", "said", Some("Ama Osei")));
}

#[test]
fn a_time_after_a_participle_stays_in_the_speaker_phrase() {
    let s = outer("Traders polled last week had expected the port to reopen.", &[]);
    assert!(s.iter().any(|q| q.3.as_deref() == Some("Traders polled last week")), "{s:?}");
}

#[test]
fn readings_that_report_nothing() {
    // The manner of a reply.
    let s = outer("Ama Osei responded as if she had been insulted by the harbour board.", &[]);
    assert!(s.iter().all(|q| q.2.as_deref() != Some("responded")), "{s:?}");
    // An infinitive whose object is the noun before it.
    let s = outer("The repairs the board promised to fund have never begun.", &[]);
    assert!(s.iter().all(|q| q.2.as_deref() != Some("promised")), "{s:?}");
    // A passive before a colon.
    let s = outer("The ferry got what the old pier had been denied: a second berth and a new crane.", &[]);
    assert!(s.iter().all(|q| q.2.as_deref() != Some("denied")), "{s:?}");
    // The ordinary forms keep their reading.
    let s = outer("The board promised to fund the repairs.", &[]);
    assert_eq!(s, one("indirect", "to fund the repairs", "promised", Some("The board")));
}

#[test]
fn the_subject_after_whom_is_the_speaker() {
    let s = outer("The mayor was not the one pilot whom Ama Osei refused to back.", &[]);
    assert!(s.iter().any(|q| q.2.as_deref() == Some("refused") && q.3.as_deref() == Some("Ama Osei")), "{s:?}");
}

#[test]
fn the_hearer_after_told_is_never_an_inverted_speaker() {
    let s = outer(
        "After two ferries ran aground, the crossing will shut for a month, its chief engineer, Ama Osei, \
         told the Harbour Times.",
        &[],
    );
    assert!(s.iter().all(|q| q.3.as_deref() != Some("the Harbour Times")), "{s:?}");
    assert!(s.iter().all(|q| !q.1.contains("Ama Osei")), "{s:?}");
    // "said" still inverts.
    let s = outer("The pier will reopen in May, said Ama Osei, the port's chief engineer.", &[]);
    assert!(s.iter().any(|q| q.1 == "The pier will reopen in May" && q.3.as_deref() == Some("Ama Osei")), "{s:?}");
}

#[test]
fn a_quote_with_an_attribution_of_its_own_is_not_the_previous_speakers() {
    let text = "\"The tide tables were printed wrong,\" Ama Osei said.\n\n\
                \"Shame on the harbour board!\" the crowd on the quay yelled.";
    let s = shapes(text, &[]);
    assert!(s.iter().any(|q| q.1 == "Shame on the harbour board!" && q.3.is_none()), "{s:?}");
    let text = "\"The tide tables were printed wrong,\" Ama Osei said.\n\n\
                \"Two boats left late and one ran dry,\" a deckhand, whose old ferry sat on the mud of the \
                inner harbour until well after noon on Friday, told Tide FM.";
    let s = shapes(text, &[]);
    assert!(
        s.iter().all(|q| q.3.as_deref() != Some("Ama Osei") || q.1 == "The tide tables were printed wrong"),
        "{s:?}"
    );
    // With nothing after it, the next paragraph still continues the speaker.
    let s = shapes(
        "\"The tide tables were printed wrong,\" Ama Osei said.\n\n\"Two boats left late and one ran dry.\"",
        &[],
    );
    assert!(s.iter().all(|q| q.3.as_deref() == Some("Ama Osei")), "{s:?}");
}

#[test]
fn a_long_apposition_between_the_quote_and_its_cue_is_read() {
    let s = shapes(
        "''The slipway needs new timber before the spring tides,'' Kofi A. Mensah Jr., the longest-serving harbour \
         master of the old Tema fishing port, said on the quay.",
        &[],
    );
    assert_eq!(
        s,
        one("direct", "The slipway needs new timber before the spring tides", "said", Some("Kofi A. Mensah Jr."))
    );
}

#[test]
fn a_nested_quote_closing_with_the_outer_one_keeps_the_attribution() {
    let s =
        shapes("\u{201c}The skipper shouted, \u{2018}Is the rope tied?\u{2019}\u{201d} Ama Osei told reporters.", &[]);
    assert!(s.iter().any(|q| q.0 == "direct" && q.3.as_deref() == Some("Ama Osei")), "{s:?}");
    let s = shapes("''The sign on the gate read, 'No boats after dark,''' Mr. Mensah said.", &[]);
    assert!(s.iter().any(|q| q.0 == "direct" && q.3.as_deref() == Some("Mr. Mensah")), "{s:?}");
}

#[test]
fn a_lone_dash_ends_what_a_verb_of_stance_or_intent_reports() {
    let s = outer("The ferry union has also endorsed Ama Osei - a break with its habit of staying neutral.", &[]);
    assert!(s.iter().any(|q| q.1 == "Ama Osei" && q.2.as_deref() == Some("endorsed")), "{s:?}");
    let s = outer("Kofi Mensah pledged to reopen the pier by May — a promise the board has heard before.", &[]);
    assert!(s.iter().any(|q| q.1 == "to reopen the pier by May" && q.2.as_deref() == Some("pledged")), "{s:?}");
    // A pair of dashes is an aside inside the content.
    let s = outer("Kofi Mensah pledged to close the pier — and the old ferry slip — before the winter.", &[]);
    assert!(s.iter().any(|q| q.1 == "to close the pier — and the old ferry slip — before the winter"), "{s:?}");
}

#[test]
fn a_stance_verbs_object_ends_before_the_circumstances_of_the_act() {
    let s = outer("Kofi Mensah backed the harbour levy despite his doubts about the fishing fleet.", &[]);
    assert!(s.iter().any(|q| q.1 == "the harbour levy" && q.2.as_deref() == Some("backed")), "{s:?}");
    let s = outer("Ama Osei praised the lifeboat crews during a visit to the eastern pier.", &[]);
    assert!(s.iter().any(|q| q.1 == "the lifeboat crews" && q.2.as_deref() == Some("praised")), "{s:?}");
    // A clause after a verb of saying keeps its circumstances.
    let s = outer("Ama Osei said the crews worked without pay during the storm.", &[]);
    assert!(s.iter().any(|q| q.1 == "the crews worked without pay during the storm"), "{s:?}");
}

#[test]
fn content_before_its_cue_keeps_phrases_that_end_content_after_a_cue() {
    // An occasion word inside fronted content is not the occasion of the saying.
    let s = outer("The crews worked late at the harbour board meeting, the harbour master said.", &[]);
    assert!(
        s.iter().any(|q| q.1 == "The crews worked late at the harbour board meeting" && q.2.as_deref() == Some("said")),
        "{s:?}"
    );
    // Nor is a noun phrase after a comma a gloss of the writer's.
    let s =
        outer("While the pier is shut for repairs, a second ferry route is the board's best hope, officials say.", &[]);
    assert!(s.iter().any(|q| q.1.ends_with("the board's best hope") && q.2.as_deref() == Some("say")), "{s:?}");
    // After the cue, the occasion still ends the content.
    let s = outer("The harbour master said the ferry was late in an interview on Monday.", &[]);
    assert!(s.iter().any(|q| q.1 == "the ferry was late" && q.2.as_deref() == Some("said")), "{s:?}");
}

#[test]
fn one_quoted_phrase_of_one_cue_is_one_quote() {
    let text = "The pier closed at noon.\n\nA reporter for Tide FM called it \"a total mess on the water.\"\n\n\
                Former Mayor Ama Osei called the plan \"the cheapest of the bad choices.\"";
    let s = shapes(text, &[]);
    // (Read with the naming verb's object, one quote each: no second reading of the quoted words
    // alone, with "Tide FM" for its speaker, beside it.)
    assert_eq!(s.len(), 2, "{s:?}");
    assert!(
        s.iter()
            .any(|q| q.1 == "it \"a total mess on the water.\"" && q.3.as_deref() == Some("A reporter for Tide FM")),
        "{s:?}"
    );
}

#[test]
fn a_naming_verb_without_quote_marks_reports_its_object_and_name() {
    assert_eq!(
        shapes("Critics call the new ferry toll a tax on the poor.", &[]),
        one("indirect", "the new ferry toll a tax on the poor", "call", Some("Critics"))
    );
    assert_eq!(
        shapes("Mayor Ama Osei called him reckless.", &[]),
        one("indirect", "him reckless", "called", Some("Mayor Ama Osei"))
    );
    let s = shapes("The strike went on for a week, with union leader Kofi Mensah calling the offer an insult.", &[]);
    assert!(s.iter().any(|q| q.1 == "the offer an insult" && q.3.as_deref() == Some("Kofi Mensah")), "{s:?}");
    // A call that names nothing: a meeting, a call back, a noun.
    assert!(shapes("The port authority called a meeting for Friday.", &[]).is_empty());
    assert!(shapes("The harbour master called him back within the hour.", &[]).is_empty());
    assert!(shapes("The roll call itself was delayed by an hour.", &[]).is_empty());
    assert!(shapes("The board called snap elections for October.", &[]).is_empty());
}

#[test]
fn an_infinitive_ends_before_a_past_or_finite_verb_after_and() {
    assert_eq!(
        outer("The ferry operator has vowed to keep the night crossings and toured the harbour on Monday.", &[]),
        one("indirect", "to keep the night crossings", "vowed", Some("The ferry operator"))
    );
    assert_eq!(
        outer("The mayor has vowed to stay on the board and would run again.", &[]),
        one("indirect", "to stay on the board", "vowed", Some("The mayor"))
    );
    // A bare verb goes on with the infinitive.
    assert_eq!(
        outer("The ferry operator has vowed to keep the night crossings and open a second berth.", &[]),
        one("indirect", "to keep the night crossings and open a second berth", "vowed", Some("The ferry operator"))
    );
}

#[test]
fn question_reports_the_object_it_casts_doubt_on() {
    assert_eq!(
        outer("Harbour master Ama Osei questioned the board's figures.", &[]),
        one("indirect", "the board's figures", "questioned", Some("Harbour master Ama Osei"))
    );
    // A question that follows is still the content.
    let s = outer("Kofi Mensah questioned why the ferry had left early.", &[]);
    assert!(s.iter().any(|q| q.1 == "why the ferry had left early"), "{s:?}");
}

#[test]
fn a_named_persons_words_reported_inside_a_direct_quote() {
    let text = "\"The deal matters. Harbour Minister Kofi Mensah had said that the ferry would run all winter, \
                and then he changed his mind,\" Ama Osei said.";
    let s = shapes(text, &[]);
    assert!(
        s.iter().any(|q| q.0 == "indirect"
            && q.1 == "the ferry would run all winter"
            && q.2.as_deref() == Some("had said")
            && q.3.as_deref() == Some("Harbour Minister Kofi Mensah")),
        "{s:?}"
    );
    assert!(s.iter().any(|q| q.0 == "direct" && q.3.as_deref() == Some("Ama Osei")), "{s:?}");
    // A pronoun, or a name that does not open its clause, is not read inside the quote.
    let s = shapes("\"He had said that the ferry would run,\" Ama Osei said.", &[]);
    assert!(s.iter().all(|q| q.0 != "indirect"), "{s:?}");
    let s = shapes("\"I heard that Kofi Mensah said that the ferry would run,\" Ama Osei said.", &[]);
    assert!(s.iter().all(|q| q.0 != "indirect"), "{s:?}");
}

#[test]
fn an_adjective_frame_after_be_reads_the_saying_of_the_subject() {
    assert_eq!(
        outer("Harbour pilots are slightly more likely to say the toll is too high.", &[]),
        one("indirect", "the toll is too high", "say", Some("Harbour pilots"))
    );
    assert_eq!(
        outer("Ama Osei was eager to point out that the pier needs new piles.", &[]),
        one("indirect", "the pier needs new piles", "point out", Some("Ama Osei"))
    );
}

#[test]
fn a_short_object_ends_before_the_time_of_the_act() {
    assert_eq!(
        outer("The dockers' union endorsed Mensah last week.", &[]),
        one("indirect", "Mensah", "endorsed", Some("The dockers' union"))
    );
    assert_eq!(
        outer("Ama Osei announced her candidacy in early May 2019.", &[]),
        one("indirect", "her candidacy", "announced", Some("Ama Osei"))
    );
    // A clause keeps its time: it belongs to what was said.
    assert_eq!(
        outer("Ama Osei said the pier would close on Tuesday.", &[]),
        one("indirect", "the pier would close on Tuesday", "said", Some("Ama Osei"))
    );
}

#[test]
fn an_s_form_after_a_name_reports_a_bare_clause() {
    let text = "The ferry was late again.\n\nThe Harbour Times reports the pier will close for a month.";
    assert_eq!(
        outer(text, &[]),
        one("indirect", "the pier will close for a month", "reports", Some("The Harbour Times"))
    );
    // A verb or a preposition after it makes the word a noun: no report.
    let s = outer("The ferry was late again.\n\nTema Ferries reports show the pier is closed.", &[]);
    assert!(s.iter().all(|q| q.2.as_deref() != Some("reports")), "{s:?}");
    let s = outer("The ferry was late again.\n\nHarbour Census replies with care.", &[]);
    assert!(s.iter().all(|q| q.2.as_deref() != Some("replies")), "{s:?}");
}

#[test]
fn a_polls_share_of_people_is_a_plural_subject() {
    // "3 in 10 want ..." is a second attribution, which ends the first content.
    assert_eq!(
        outer("Most ferry pilots say the toll is fair, while 3 in 10 want it cut by half.", &[]),
        one("indirect", "the toll is fair", "say", Some("Most ferry pilots"))
    );
}

#[test]
fn a_stance_object_ends_at_a_lone_dash_or_even_as() {
    assert_eq!(
        outer("The dockers' union endorsed Mensah - its first endorsement in a decade.", &[]),
        one("indirect", "Mensah", "endorsed", Some("The dockers' union"))
    );
    let s = outer("Ama Osei acknowledged some delays even as she defended the new timetable.", &[]);
    assert!(s.iter().any(|q| q.1 == "some delays" && q.2.as_deref() == Some("acknowledged")), "{s:?}");
    assert!(s.iter().any(|q| q.1 == "the new timetable" && q.2.as_deref() == Some("defended")), "{s:?}");
    let s = outer("The union is pledging to fight the toll -- even as the board closed the pier.", &[]);
    assert!(s.iter().any(|q| q.1 == "to fight the toll" && q.2.as_deref() == Some("pledging")), "{s:?}");
}

#[test]
fn a_closing_according_to_attributes_the_last_with_phrase_or_relative_clause() {
    assert_eq!(
        outer("Ferry traffic fell last year, with most riders paying more, according to the Harbour Board.", &[]),
        one("indirect", "most riders paying more", "according to", Some("the Harbour Board"))
    );
    assert_eq!(
        outer("The toll is set by the pier trust, which met twice in May, according to Tide FM.", &[]),
        one("indirect", "which met twice in May", "according to", Some("Tide FM"))
    );
    // Without such a phrase the whole clause stays the content.
    assert_eq!(
        outer("Ferry traffic fell by a third last year, according to the Harbour Board.", &[]),
        one("indirect", "Ferry traffic fell by a third last year", "according to", Some("the Harbour Board"))
    );
}

#[test]
fn quoted_words_that_run_on_to_the_attribution_are_one_clause() {
    assert_eq!(
        outer("\"The pier is safe\" for the winter, Ama Osei said.", &[]),
        one("indirect", "\"The pier is safe\" for the winter", "said", Some("Ama Osei"))
    );
    // A comma inside the marks, or a speaker phrase right after them, keeps the direct quote.
    let s = outer("\"The pier is safe,\" another pilot, Kofi Mensah, said.", &[]);
    assert!(s.iter().any(|q| q.0 == "direct" && q.1 == "The pier is safe"), "{s:?}");
    let s = outer("\"The pier is safe\" the harbour master said.", &[]);
    assert!(s.iter().all(|q| q.0 != "indirect"), "{s:?}");
}

#[test]
fn an_infinitive_ends_before_a_participle_after_while() {
    let s = outer("The dockers' union vowed to cut the night toll, while raising doubts about the new pier.", &[]);
    assert!(s.iter().any(|q| q.1 == "to cut the night toll" && q.2.as_deref() == Some("vowed")), "{s:?}");
}

#[test]
fn a_stance_participle_after_by_in_while_or_and_is_the_subjects_act() {
    // "by/in/while/and" + the "-ing" form of a verb of stance: the act of the clause's subject,
    // its object ending at the comma.
    let s = outer("Councillor Ama Osei won the ferry vote by denouncing the night toll, a levy on the poor.", &[]);
    assert!(
        s.iter().any(|q| q.1 == "the night toll"
            && q.2.as_deref() == Some("denouncing")
            && q.3.as_deref() == Some("Councillor Ama Osei")),
        "{s:?}"
    );
    let s = outer("Kofi Mensah was the loudest in the chamber in criticizing the harbour board.", &[]);
    assert!(s.iter().any(|q| q.1 == "the harbour board" && q.2.as_deref() == Some("criticizing")), "{s:?}");
    let s = outer("Mayor Ama Osei spoke for an hour, praising the crews and calling for a new pier at Port Vell.", &[]);
    assert!(s.iter().any(|q| q.1 == "a new pier at Port Vell" && q.2.as_deref() == Some("calling for")), "{s:?}");
    // The clause after the comma is the sentence's own.
    let s = outer("While Lee lagged behind in backing the levy, she has often called for a ferry fund.", &[]);
    assert!(s.iter().any(|q| q.1 == "the levy" && q.2.as_deref() == Some("backing")), "{s:?}");
    assert!(s.iter().any(|q| q.1 == "a ferry fund" && q.2.as_deref() == Some("called for")), "{s:?}");
    // "for" gives a reason someone else holds: no act of the subject.
    let s = outer("The board fined the pilots for backing the strike.", &[]);
    assert!(s.iter().all(|q| q.2.as_deref() != Some("backing")), "{s:?}");
}

#[test]
fn a_verb_of_thought_that_is_also_a_noun_reads_a_bare_clause() {
    // The plain or "-ing" form of hope / fear / doubt / worry, read as a verb by its subject.
    let s = outer("Most harbour pilots hope the night ferry will run again by May.", &[]);
    assert!(
        s.iter().any(|q| q.1 == "the night ferry will run again by May"
            && q.2.as_deref() == Some("hope")
            && q.3.as_deref() == Some("Most harbour pilots")),
        "{s:?}"
    );
    let s = outer("Many skippers fear the new quota will empty the harbour.", &[]);
    assert!(s.iter().any(|q| q.1 == "the new quota will empty the harbour" && q.2.as_deref() == Some("fear")), "{s:?}");
    // A noun is no cue: nothing is reported.
    let s = outer("The only hope the town has is a second pier.", &[]);
    assert!(s.iter().all(|q| q.2.as_deref() != Some("hope")), "{s:?}");
}

#[test]
fn point_to_reports_what_is_cited() {
    assert_eq!(
        outer("Mayor Ama Osei pointed to the ferry figures from March.", &[]),
        one("indirect", "the ferry figures from March", "pointed to", Some("Mayor Ama Osei"))
    );
    let s = outer("Harbour pilots point to the new tide tables.", &[]);
    assert!(s.iter().any(|q| q.1 == "the new tide tables" && q.2.as_deref() == Some("point to")), "{s:?}");
    // A noun: no cue.
    let s = outer("The Rovers needed several points to stay up.", &[]);
    assert!(s.iter().all(|q| q.2.as_deref() != Some("points to")), "{s:?}");
}

#[test]
fn a_stance_verb_with_its_object_does_not_frame_a_quoted_title_before_it() {
    let s = outer("In an interview with \"Harbour Talk,\" Mayor Ama Osei praised the ferry crews.", &[]);
    assert!(s.iter().all(|q| !q.1.contains("Harbour Talk")), "{s:?}");
    assert!(s.iter().any(|q| q.1 == "the ferry crews" && q.2.as_deref() == Some("praised")), "{s:?}");
}

#[test]
fn a_source_noun_before_a_headline_colon_is_a_speaker() {
    let s = shapes("Poll: Mensah leads in the northern districts.\n\nThe vote is on Sunday.", &[]);
    assert_eq!(s, one("indirect", "Mensah leads in the northern districts", ":", Some("Poll")));
    let s = shapes("Osei camp: the harbour toll is a tax on the poor.\n\nThe vote is on Sunday.", &[]);
    assert_eq!(s, one("indirect", "the harbour toll is a tax on the poor", ":", Some("Osei camp")));
    // Not in the body, nor a section head in the headline.
    let s = shapes("Ferry vote nears.\n\nPoll: Mensah leads in the northern districts.", &[]);
    assert!(s.is_empty(), "{s:?}");
    let s = shapes("Weekend Briefing: Mensah leads in the northern districts.\n\nThe vote is on Sunday.", &[]);
    assert!(s.is_empty(), "{s:?}");
}

#[test]
fn a_one_word_stance_object_ends_before_the_circumstances_too() {
    assert_eq!(
        outer("The dockers' union endorsed Mensah despite doubts about the night toll.", &[]),
        one("indirect", "Mensah", "endorsed", Some("The dockers' union"))
    );
    let s = outer("Ama Osei, who backed Mensah during the harbour debate, spoke last.", &[]);
    assert!(s.iter().any(|q| q.1 == "Mensah" && q.2.as_deref() == Some("backed")), "{s:?}");
}

#[test]
fn first_person_words_before_their_attribution_are_direct_speech() {
    let s = shapes("We will not bow to pressure from the lenders, the finance minister said on Friday.", &[]);
    assert_eq!(s, one("direct", "We will not bow to pressure from the lenders", "said", Some("the finance minister")));
    let s = shapes("Our door is open to the harbour unions, he told reporters.", &[]);
    assert_eq!(s, one("direct", "Our door is open to the harbour unions", "told", Some("he")));
    let s = shapes("The ferry will not sail before May, the port authority said.", &[]);
    assert_eq!(s, one("indirect", "The ferry will not sail before May", "said", Some("the port authority")));
    // "US" is the country, "World War I" a numeral, a first person inside marks the quoted words'.
    let s = shapes("US tariffs will hurt the fishing towns, the envoy said.", &[]);
    assert_eq!(s[0].0, "indirect", "{s:?}");
    let s = shapes("The pier dates from before World War I and must be rebuilt, the engineer said.", &[]);
    assert_eq!(s[0].0, "indirect", "{s:?}");
    let s = shapes("The levy is \"a tax on us all\" and should go, the union said.", &[]);
    assert_eq!(s[0].0, "indirect", "{s:?}");
    // A headline speaker's colon.
    let text = "Mensah: I will run for the harbour seat again\n\nKofi Mensah spoke in Tema.";
    let s = shapes(text, &[entity("e1", "PERSON", "Kofi Mensah", None, None, text, &["Kofi Mensah", "Mensah"])]);
    assert_eq!(s[0].0, "direct", "{s:?}");
}

#[test]
fn unquoted_direct_speech_goes_on_in_the_first_person_in_its_paragraph() {
    let text = "It does not matter to us who wins the port vote, the minister said. Today the mayor asks us \
for help and tomorrow he says I never called him. We keep working.\n\nThe vote is on Sunday.";
    let s = shapes(text, &[]);
    assert_eq!(s.len(), 2, "{s:?}");
    assert_eq!(s[0].0, "direct");
    assert_eq!(
        s[1],
        (
            "direct".to_string(),
            "Today the mayor asks us for help and tomorrow he says I never called him. We keep working".to_string(),
            None,
            Some("the minister".to_string())
        )
    );
    // Not past a sentence in the third person, nor into the next paragraph.
    let text = "We will not bow, the minister said. The talks resume on Monday. We are ready.\n\nI am tired.";
    let s = shapes(text, &[]);
    assert_eq!(s.len(), 1, "{s:?}");
    // Nor into a sentence with an attribution of its own.
    let text = "We will not bow, the minister said. Our army is ready, her deputy added.";
    let s = shapes(text, &[]);
    assert_eq!(s.len(), 2, "{s:?}");
    assert_eq!(s[1].2.as_deref(), Some("added"), "{s:?}");
}

#[test]
fn the_fragment_after_a_parenthetical_attribution_of_direct_speech_is_direct_too() {
    let s = shapes("Our harbour and its piers, the mayor said, will not be sold to the lenders.", &[]);
    assert_eq!(s.len(), 2, "{s:?}");
    assert!(s.iter().all(|q| q.0 == "direct"), "{s:?}");
}

#[test]
fn quoted_words_with_no_cue_nor_speaker_inside_reported_speech_are_part_of_it() {
    let text = "Ama Osei said the pilots had one answer for the board: \"We sail at dawn or not at all.\"";
    let s = shapes(text, &[]);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].0, "indirect", "{s:?}");
    assert!(s[0].1.contains("We sail at dawn"), "{s:?}");
}

#[test]
fn a_lone_dash_after_a_verb_of_saying_turns_to_the_writer() {
    assert_eq!(
        outer("Ama Osei said she saw the old pier burn - the third fire on the harbour this year.", &[]),
        one("indirect", "she saw the old pier burn", "said", Some("Ama Osei"))
    );
    assert_eq!(
        outer("Ama Osei said the toll would stay \u{2014} a blow to the ferry crews.", &[]),
        one("indirect", "the toll would stay", "said", Some("Ama Osei"))
    );
    // Not when the dash goes on with the report, nor inside quote marks, nor with a pair of dashes.
    let s = outer("Ama Osei said the toll would stay - and that the fares would rise in May.", &[]);
    assert!(s.iter().any(|q| q.1.ends_with("the fares would rise in May")), "{s:?}");
    let s = outer("Ama Osei said the toll was \"a burden - a heavy one\" for the crews.", &[]);
    assert!(s.iter().any(|q| q.0 == "indirect" && q.1.ends_with("for the crews")), "{s:?}");
    let s = outer("Ama Osei said the toll - the highest on the coast - would stay until May.", &[]);
    assert!(s.iter().any(|q| q.1.ends_with("would stay until May")), "{s:?}");
}

#[test]
fn an_age_between_a_name_and_its_apposition_leaves_the_name_the_speaker() {
    let text = "Ana Ruiz, 39, a ferry pilot from Faro, told reporters that she had seen the fire. Ivo \
                Marek, 52, a net maker, said the boats were safe.";
    let ents = [
        entity("p0", "PERSON", "Ana Ruiz", None, None, text, &["Ana Ruiz"]),
        entity("p1", "PERSON", "Ivo Marek", None, None, text, &["Ivo Marek"]),
        entity("g0", "GPE", "Faro", None, None, text, &["Faro"]),
    ];
    let q = run(text, &ents);
    let speaker = |start: &str| q.iter().find(|q| q.content.starts_with(start)).and_then(|q| q.speaker.clone());
    assert_eq!(speaker("she had seen").as_deref(), Some("p0"), "{q:#?}");
    assert_eq!(speaker("the boats").as_deref(), Some("p1"), "{q:#?}");
}

#[test]
fn a_nationality_or_party_word_for_one_person_is_not_the_group() {
    // Not the group: one person the word describes. The group in the plural speaks as one.
    let text = "A Ruritanian trader based in Faro said the harbour was closed. A lifelong Unionist said \
                the vote was unfair. Unionists in Faro said the count was fair.";
    let ents = [
        entity("n0", "NORP", "Ruritanian", None, None, text, &["Ruritanian"]),
        entity("n1", "NORP", "Unionists", None, None, text, &["Unionists", "Unionist"]),
        entity("g0", "GPE", "Faro", None, None, text, &["Faro"]),
    ];
    let q = run(text, &ents);
    let speaker = |start: &str| q.iter().find(|q| q.content.starts_with(start)).and_then(|q| q.speaker.clone());
    assert_eq!(speaker("the harbour was closed"), None, "{q:#?}");
    assert_eq!(speaker("the vote was unfair"), None, "{q:#?}");
    assert_eq!(speaker("the count was fair").as_deref(), Some("n1"), "{q:#?}");
}

#[test]
fn who_before_the_cue_stands_for_the_words_before_it_not_the_clause_subject() {
    let text = "Ana Ruiz polled strongly among harbour workers who believe that the port should stay open. \
                Ana Ruiz thanked Ivo Marek who said the pier would be rebuilt. \
                Ana Ruiz met Unionists who suggested the toll was fair.";
    let ents = [
        entity("p0", "PERSON", "Ana Ruiz", None, None, text, &["Ana Ruiz"]),
        entity("p1", "PERSON", "Ivo Marek", None, None, text, &["Ivo Marek"]),
        entity("n0", "NORP", "Unionists", None, None, text, &["Unionists"]),
    ];
    let q = run(text, &ents);
    let speaker = |start: &str| q.iter().find(|q| q.content.starts_with(start)).and_then(|q| q.speaker.clone());
    assert_eq!(speaker("the port should"), None, "{q:#?}");
    assert_eq!(speaker("the pier would").as_deref(), Some("p1"), "{q:#?}");
    assert_eq!(speaker("the toll was fair").as_deref(), Some("n0"), "{q:#?}");
}

#[test]
fn a_town_and_its_state_in_an_apposition_name_nobody() {
    let text = "Maria Kowal, 58, a retired teacher in Harbourton, Pa., said the ferry was late again. \
                The mayor of Harbourton, Pa., said the port was closed. Councillor Ivo Marek, \
                Unionist of Harbour County, said the toll was fair. Speaking in Harbourton, Ana Ruiz, \
                without naming him, said the tide was high.";
    let ents = [
        entity("p0", "PERSON", "Maria Kowal", None, None, text, &["Maria Kowal"]),
        entity("p1", "PERSON", "Ivo Marek", None, None, text, &["Ivo Marek"]),
        entity("p2", "PERSON", "Ana Ruiz", None, None, text, &["Ana Ruiz"]),
        entity("g0", "GPE", "Pa.", None, None, text, &["Pa."]),
        entity("g1", "GPE", "Harbourton", None, None, text, &["Harbourton"]),
        entity("g2", "GPE", "Harbour County", None, None, text, &["Harbour County"]),
    ];
    let q = run(text, &ents);
    let find = |start: &str| q.iter().find(|q| q.content.starts_with(start)).expect("the quote");
    assert_eq!(find("the ferry was late").speaker.as_deref(), Some("p0"), "{q:#?}");
    let mayor = find("the port was closed");
    assert_eq!(mayor.speaker, None, "{q:#?}");
    assert!(mayor.speaker_mention.as_ref().is_some_and(|m| m.text.starts_with("The mayor")), "{q:#?}");
    assert_eq!(find("the toll was fair").speaker.as_deref(), Some("p1"), "{q:#?}");
    let tide = find("the tide was high");
    assert_eq!(tide.speaker.as_deref(), Some("p2"), "{q:#?}");
    // (an opening adverbial with a place is no apposition of the speaker)
    assert_eq!(tide.speaker_mention.as_ref().map(|m| m.text.as_str()), Some("Ana Ruiz"), "{q:#?}");
}

#[test]
fn a_title_case_headline_with_a_verb_names_its_subject() {
    let text = "Ruiz Visits Harbourton After Fire: 'We Will Rebuild.'\n\nRuiz Ports Manager Ivo Marek said \
                the pier would reopen.";
    let ents = [
        entity("p0", "PERSON", "Ana Ruiz", None, None, text, &["Ruiz"]),
        entity("p1", "PERSON", "Ivo Marek", None, None, text, &["Ivo Marek"]),
        entity("g0", "GPE", "Harbourton", None, None, text, &["Harbourton"]),
    ];
    let q = run(text, &ents);
    let speaker = |start: &str| q.iter().find(|q| q.content.contains(start)).and_then(|q| q.speaker.clone());
    assert_eq!(speaker("We Will Rebuild").as_deref(), Some("p0"), "{q:#?}");
    assert_eq!(speaker("the pier would").as_deref(), Some("p1"), "{q:#?}");
}

#[test]
fn an_aside_after_a_designation_leaves_the_name_the_speaker() {
    let text =
        "Sen. Ana Ruiz (U-Faro), under pressure from Mayor Ivo Marek over the tolls, noted that the port was closed.";
    let ents = [
        entity("p0", "PERSON", "Ana Ruiz", None, None, text, &["Ana Ruiz"]),
        entity("p1", "PERSON", "Ivo Marek", None, None, text, &["Ivo Marek"]),
    ];
    let q = run(text, &ents);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].speaker.as_deref(), Some("p0"), "{q:#?}");
}

#[test]
fn a_name_in_a_wh_clause_is_no_subject_a_pronoun_goes_back_to() {
    // "how Marek rowed" is a clause inside the sentence, not what the paragraph is about.
    let text = "The rower Ivo Marek retired on Friday. His races filled the quays every summer, and \
                his club kept his oars on its wall.\n\nA crowd met at the Marek Boathouse, a club that \
                keeps his trophies.\n\nTomas Berg walked his nephew along the quay on Sunday to show him how \
                Marek rowed.\n\nHe said: \"Nobody on this coast ever rowed faster, and the boy knows it now.\"";
    let mut marek = entity("p1", "PERSON", "Ivo Marek", None, None, text, &["Ivo Marek"]);
    let alone = text.find("how Marek").expect("in the text") + "how ".len();
    marek.mentions.push(Mention { text: "Marek".into(), span: Span(alone, alone + "Marek".len()), via: None });
    let ents = [
        entity("p0", "PERSON", "Tomas Berg", None, None, text, &["Tomas Berg"]),
        marek,
        entity("o0", "ORG", "Marek Boathouse", None, None, text, &["Marek Boathouse"]),
    ];
    let q = run(text, &ents);
    let faster = q.iter().find(|q| q.content.contains("rowed faster")).expect("the quote");
    assert_ne!(faster.speaker.as_deref(), Some("p1"), "{q:#?}");
}

#[test]
fn an_opening_frame_before_quoted_words_and_their_attribution_is_the_writers() {
    // The frame is a prepositional phrase, a subordinate clause, "whatever" or a participle.
    let s = shapes("As for the night ferry, \"we will not run it again,\" said Ama Osei.", &[]);
    assert!(s.iter().any(|q| q.1.starts_with("\"we will not run it") && q.3.as_deref() == Some("Ama Osei")), "{s:?}");
    assert!(s.iter().all(|q| !q.1.contains("night ferry")), "{s:?}");
    let s = shapes("Whatever the board decides, the pilots \"will not go back to sea,\" Kofi Mensah said.", &[]);
    assert!(s.iter().any(|q| q.1.starts_with("the pilots \"will not")), "{s:?}");
    assert!(s.iter().all(|q| !q.1.contains("board decides")), "{s:?}");
    let s = shapes("Leaving the harbour office, the mayor \"looked very tired,\" Kofi Mensah said.", &[]);
    assert!(s.iter().any(|q| q.1.starts_with("the mayor \"looked")), "{s:?}");
    // With nothing between the frame's comma and the marks, the quoted words are direct speech.
    let s = shapes("Because of the storm damage, \"the pier must close,\" Kofi Mensah said.", &[]);
    assert_eq!(s, one("direct", "the pier must close", "said", Some("Kofi Mensah")));
    // No quote marks after the frame: the whole sentence, as before; nor is a hyphenated word a
    // participle.
    let s = shapes("Because of the storm damage, the pier must close, Kofi Mensah said.", &[]);
    assert_eq!(s, one("indirect", "Because of the storm damage, the pier must close", "said", Some("Kofi Mensah")));
    let s = shapes("Right-wing parties, and the harbour union, \"will fight the toll,\" Kofi Mensah said.", &[]);
    assert!(s.iter().any(|q| q.1.starts_with("Right-wing parties")), "{s:?}");
}

#[test]
fn a_relative_clause_on_which_that_runs_to_the_end_is_the_writers() {
    // After an object and its infinitive, and after a noun phrase with no verb of its own.
    assert_eq!(
        outer("The mayor urged the harbour board to close the old pier, which was built in 1911.", &[]),
        one("indirect", "the harbour board to close the old pier", "urged", Some("The mayor"))
    );
    assert_eq!(
        outer("Kofi Mensah declared he plans to repeal the night toll, which was passed in 2019.", &[]),
        one("indirect", "he plans to repeal the night toll", "declared", Some("Kofi Mensah"))
    );
    // Not when a comma closes the relative clause before the content's own verb.
    let s = outer("Ama Osei said the night toll, which was passed in 2019, hurts the ferry crews.", &[]);
    assert!(s.iter().any(|q| q.1.ends_with("hurts the ferry crews")), "{s:?}");
}

#[test]
fn this_and_a_noun_before_a_finite_verb_open_a_bare_clause() {
    let s = outer(
        "Two harbour engineers suggest this shift has less to do with the tides than with the owners' insistence \
         that the pier stay open.",
        &[],
    );
    assert!(
        s.iter().any(|q| q.1.starts_with("this shift has less to do") && q.2.as_deref() == Some("suggest")),
        "{s:?}"
    );
    // "this week" is still a time before the content.
    let s = outer("Ama Osei said this week the pier would stay open.", &[]);
    assert_eq!(s, one("indirect", "the pier would stay open", "said", Some("Ama Osei")));
}

#[test]
fn a_conjunction_right_after_a_cue_or_its_hearer_opens_no_content() {
    let s =
        outer("The mayor faces a claim of fraud, which she has denied and which her deputy repeated on Monday.", &[]);
    assert!(s.iter().all(|q| !q.1.starts_with("and")), "{s:?}");
    let s = outer("You could do what the harbour master told him and his crew to do with the nets.", &[]);
    assert!(s.iter().all(|q| !q.1.starts_with("and")), "{s:?}");
}

#[test]
fn backing_down_or_away_is_a_retreat_not_support() {
    let s = outer("After two weeks of protests the harbour board backed down.", &[]);
    assert!(s.iter().all(|q| q.2.as_deref() != Some("backed")), "{s:?}");
    let s = outer("The crews praised a plan which the board later backed away from.", &[]);
    assert!(s.iter().all(|q| q.2.as_deref() != Some("backed")), "{s:?}");
    // A position given up is still reported.
    let s = outer("Ama Osei backed away from a suggestion that the pier would close.", &[]);
    assert!(s.iter().any(|q| q.1.contains("the pier would close")), "{s:?}");
}

#[test]
fn what_a_lawyer_argued_or_a_writer_wrote_as_a_noun_phrase_is_no_report() {
    let s = outer("Ama Osei, a lawyer who has argued the appeal at the harbour court, will chair the board.", &[]);
    assert!(s.iter().all(|q| q.2.as_deref() != Some("argued")), "{s:?}");
    let s = outer("Kofi Mensah wrote the foreword for a new book on the ferry strike.", &[]);
    assert!(s.iter().all(|q| q.2.as_deref() != Some("wrote")), "{s:?}");
    // A clause, or a hearer and then "that", is still reported.
    let s = outer("Kofi Mensah wrote the crews knew the risk of the night crossing.", &[]);
    assert!(s.iter().any(|q| q.1 == "the crews knew the risk of the night crossing"), "{s:?}");
    let s = outer("Kofi Mensah wrote the harbour board, the Port Council, that the pier would close.", &[]);
    assert!(s.iter().any(|q| q.1.ends_with("that the pier would close")), "{s:?}");
}

#[test]
fn reported_content_ends_with_its_paragraph() {
    // A line of its own after a closing mark ("___" between items of a live blog) is no content.
    let s = outer("Ama Osei said the night ferry \"will sail again on Monday.\"\n\n___\n\nThe pier is old.", &[]);
    assert!(s.iter().any(|q| q.1 == "the night ferry \"will sail again on Monday.\""), "{s:?}");
    assert!(s.iter().all(|q| !q.1.contains('\n')), "{s:?}");
}

#[test]
fn after_a_possessor_the_cue_is_a_noun_and_the_possessor_calls() {
    let text = "The Harbour Traders Union joined Ana Ruiz's call for a new vote on the tolls.";
    let ents = [
        entity("p0", "PERSON", "Ana Ruiz", None, None, text, &["Ana Ruiz"]),
        entity("o0", "ORG", "Harbour Traders Union", None, None, text, &["Harbour Traders Union"]),
    ];
    let q = run(text, &ents);
    let vote = q.iter().find(|q| q.content.starts_with("a new vote")).expect("the quote");
    assert_eq!(vote.speaker.as_deref(), Some("p0"), "{q:#?}");
}

#[test]
fn an_ing_form_after_an_adverb_of_degree_is_an_adjective() {
    let s = outer("For the dockers it was the most telling sign yet that the night shift will end.", &[]);
    assert!(s.iter().all(|q| q.2.as_deref() != Some("telling")), "{s:?}");
    let s = outer("It was a very telling moment for the ferry crews.", &[]);
    assert!(s.iter().all(|q| q.2.as_deref() != Some("telling")), "{s:?}");
    // "most" without a determiner is a quantity of people, who still speak.
    let s = outer("Of the pilots polled, most saying the pier is unsafe, few will sail.", &[]);
    assert!(s.iter().any(|q| q.1.starts_with("the pier is unsafe")), "{s:?}");
}

#[test]
fn a_time_set_against_another_event_after_just_is_the_writers() {
    let s = outer("Ama Osei posted a video of the empty pier, just two days after the ferry strike began.", &[]);
    assert!(s.iter().all(|q| !q.1.contains("strike")), "{s:?}");
    let s = outer("Kofi Mensah announced his bid for the harbour board, just before the vote.", &[]);
    assert!(s.iter().all(|q| !q.1.contains("vote")), "{s:?}");
}

#[test]
fn a_participle_with_its_agent_after_a_noun_reports_nothing() {
    // "the cuts announced by the port office" names cuts; nobody in the sentence announces.
    let s = outer("Pilots looked hard at the ferry budget, above all the cuts announced by the port office.", &[]);
    assert!(s.iter().all(|q| q.2.as_deref() != Some("announced")), "{s:?}");
    // "as reported by" still reads the agent as the speaker.
    let s = outer("As reported by the Harbour Times, the pier will close in May.", &[]);
    assert!(s.iter().any(|q| q.2.as_deref() == Some("reported")), "{s:?}");
}

#[test]
fn states_after_a_compass_adjective_is_a_noun() {
    let s = outer("Her tour heads for Eastern states next month that no ferry line serves.", &[]);
    assert!(s.iter().all(|q| q.2.as_deref() != Some("states")), "{s:?}");
    // After a name it is still a verb.
    let s = outer("Ama Osei states that the pier is safe.", &[]);
    assert!(s.iter().any(|q| q.1.contains("the pier is safe")), "{s:?}");
}

#[test]
fn a_cue_on_an_indefinite_pronoun_reports_nothing() {
    // "everything she writes" is a noun phrase; what follows is the writer's.
    let s = outer("Not everything she writes is read by the board.", &[]);
    assert!(s.iter().all(|q| q.2.as_deref() != Some("writes")), "{s:?}");
    let s = outer("Anything he writes about the pier will be read closely.", &[]);
    assert!(s.iter().all(|q| q.2.as_deref() != Some("writes")), "{s:?}");
}

#[test]
fn a_new_subject_after_an_infinitive_and_a_comma_ends_the_content() {
    let s = outer("The port authority urged crews to stay in port, and the night ferry was cancelled.", &[]);
    assert!(s.iter().any(|q| q.1 == "crews to stay in port"), "{s:?}");
    let s = outer("Ama Osei vowed to reopen the pier, but the board had other plans.", &[]);
    assert!(s.iter().any(|q| q.1 == "to reopen the pier"), "{s:?}");
    // What was said after "said" keeps its second clause.
    let s = outer("Ama Osei said pilots are asked to slow down, and the ferry is never late.", &[]);
    assert!(s.iter().any(|q| q.1.ends_with("the ferry is never late")), "{s:?}");
}

#[test]
fn content_that_is_only_a_time_is_no_quote() {
    let s = outer("Ferry crews stayed home, as the Harbour Times noted two weeks later.", &[]);
    assert!(s.iter().all(|q| q.1 != "two weeks later"), "{s:?}");
    let s = outer("On Friday, as the ferry sat idle, Ama Osei wrote to the board.", &[]);
    assert!(s.iter().all(|q| q.1 != "On Friday"), "{s:?}");
}

#[test]
fn a_sentence_adverb_between_a_cue_and_that_is_no_content() {
    let s = outer("Several pilots suggest however that the board will not close the pier this year.", &[]);
    assert!(s.iter().any(|q| q.1 == "the board will not close the pier this year"), "{s:?}");
    let s = outer("The mayor said nonetheless that the ferry would sail.", &[]);
    assert!(s.iter().any(|q| q.1 == "the ferry would sail"), "{s:?}");
}

#[test]
fn though_and_a_second_attribution_end_the_content() {
    let s = outer("Lee said the pier is too old, though Ama Osei said she doubted it.", &[]);
    assert!(s.iter().any(|q| q.1 == "the pier is too old"), "{s:?}");
    assert!(s.iter().any(|q| q.1 == "she doubted it" && q.3.as_deref() == Some("Ama Osei")), "{s:?}");
    // So do "after" and "before" ("..., after most said so last year").
    let s = outer("Six in ten pilots say the pier is safe, after a third said the same in May.", &[]);
    assert!(s.iter().any(|q| q.1 == "the pier is safe"), "{s:?}");
    // "though" without a verb of saying after it stays in the content.
    let s = outer("Lee said the pier is too old, though the crews like it.", &[]);
    assert!(s.iter().any(|q| q.1 == "the pier is too old, though the crews like it"), "{s:?}");
}

#[test]
fn someone_speaking_for_a_person_is_not_the_person() {
    let text = "Ana Ruiz toured the harbour on Monday.\n\nA spokeswoman for Ruiz said the port was closed. \
                Supporters of Ana Ruiz said the vote was fair. An email from Ana Ruiz said the pier would reopen.";
    let ents = [entity("p0", "PERSON", "Ana Ruiz", None, None, text, &["Ana Ruiz", "Ruiz"])];
    let q = run(text, &ents);
    let speaker = |start: &str| q.iter().find(|q| q.content.starts_with(start)).and_then(|q| q.speaker.clone());
    assert_eq!(speaker("the port was closed"), None, "{q:#?}");
    assert_eq!(speaker("the vote was fair"), None, "{q:#?}");
    // what comes from a person is theirs
    assert_eq!(speaker("the pier would reopen").as_deref(), Some("p0"), "{q:#?}");
}

#[test]
fn a_former_spokesman_speaks_for_nobody_now() {
    let text = "A spokesman for the Harbour Authority said the pier would close. A former spokesman for \
                the Harbour Authority said the pier was safe. A former Harbour Authority spokeswoman said the \
                tolls were too high.";
    let ents = [entity("o0", "ORG", "Harbour Authority", None, None, text, &["Harbour Authority"])];
    let q = run(text, &ents);
    let find = |start: &str| q.iter().find(|q| q.content.starts_with(start)).expect("the quote");
    assert_eq!(find("the pier would close").speaker.as_deref(), Some("o0"), "{q:#?}");
    for start in ["the pier was safe", "the tolls were"] {
        let former = find(start);
        assert_eq!(former.speaker, None, "{q:#?}");
        assert_eq!(former.speaker_affiliation.as_deref(), Some("o0"), "{q:#?}");
    }
}

#[test]
fn a_poll_is_its_pollster_not_the_names_the_finding_is_about() {
    let text = "Kofi Osei has been stuck in single digits in polls behind Ana Ruiz and Ivo Marek. \
                Ruiz leads by eight points in a poll by the Harbour Times.";
    let ents = [
        entity("p0", "PERSON", "Ana Ruiz", None, None, text, &["Ana Ruiz", "Ruiz"]),
        entity("p1", "PERSON", "Ivo Marek", None, None, text, &["Ivo Marek"]),
        entity("p2", "PERSON", "Kofi Osei", None, None, text, &["Kofi Osei"]),
        entity("o0", "ORG", "Harbour Times", None, None, text, &["Harbour Times"]),
    ];
    let q = run(text, &ents);
    let find = |start: &str| q.iter().find(|q| q.content.starts_with(start)).expect("the quote");
    let digits = find("Kofi Osei has been stuck");
    assert_eq!(digits.speaker, None, "{q:#?}");
    assert_eq!(digits.speaker_mention.as_ref().map(|m| m.text.as_str()), Some("polls"), "{q:#?}");
    assert_eq!(find("Ruiz leads").speaker.as_deref(), Some("o0"), "{q:#?}");
}
