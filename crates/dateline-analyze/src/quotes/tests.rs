//! Unit tests of the whole quote stage on passages written for them, with hand-built entities.

use dateline_text::segment::sentences;
use dateline_text::Span;

use super::find_quotes;
use crate::{Entity, Mention, Quote};

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
        kind: kind.into(),
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
    q.iter().map(|q| (q.kind.clone(), q.content.clone(), q.cue.clone(), q.speaker.clone())).collect()
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
    assert!(q.iter().all(|q| q.speaker.as_deref() == Some("e1") && q.kind == "direct"));
}

#[test]
fn pronoun_takes_latest_person() {
    let text = "Ana Ruiz met Tom Reyes on Monday. \"We agreed on nothing at all,\" he said.";
    let ents = [
        entity("e1", "PERSON", "Ana Ruiz", None, None, text, &["Ana Ruiz"]),
        entity("e2", "PERSON", "Tom Reyes", None, None, text, &["Tom Reyes"]),
    ];
    let q = run(text, &ents);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].speaker.as_deref(), Some("e2"));
}

#[test]
fn called_frames_a_partial_quote() {
    let text = "Senator Joan Pike called the strike \"irresponsible\" on Friday.";
    let ents = [entity("e1", "PERSON", "Joan Pike", Some("Senator"), None, text, &["Joan Pike"])];
    let q = run(text, &ents);
    assert_eq!(summary(&q), [("partial".into(), "irresponsible".into(), Some("called".into()), Some("e1".into()))]);
}

#[test]
fn scare_quotes_and_apostrophes_are_not_quotes() {
    let text = "The so-called \"peace dividend\" never came. The States' 'plan' isn't new.";
    assert!(run(text, &[]).is_empty());
}
