//! Events the recogniser read as people, organisations or places: "the Summer Olympic Games",
//! "the Harbour Jazz Festival", storms ("Cyclone Vemara", and "Vemara" alone after it).

use super::{capitalised, demonym, tok, Cand, Kind, Source, Tok};

/// Whether `c` is a recogniser's mention of a type an event's name may have been given by the recogniser.
fn retypable(c: &Cand) -> bool {
    c.source == Source::Model
        && c.head.is_none()
        && matches!(c.kind, Kind::Person | Kind::Org | Kind::Gpe | Kind::Loc | Kind::Fac)
}

/// Whether the recogniser's mention `first..=last` (tokens, several) ends in a capitalised event
/// head word (`entities/event-heads.txt`) right after a capitalised word or a number: "Olympic
/// Games", "2026 Harbour Festival", not "Ministry of War". "Games" also needs a demonym or an
/// Olympic word before it ("Asian Games", "Paralympic Games"): "Rockstar Games" is a company.
fn ends_in_event_head(text: &str, toks: &[Tok], first: usize, last: usize, lx: &crate::Lexicon) -> bool {
    if last <= first {
        return false;
    }
    let head = tok(text, toks, last);
    let prev = tok(text, toks, last - 1);
    if !capitalised(head)
        || !lx.entities.event_heads.contains_ignore_ascii_case(head)
        || !prev.starts_with(|ch: char| ch.is_uppercase() || ch.is_ascii_digit())
    {
        return false;
    }
    if !head.eq_ignore_ascii_case("games") {
        return true;
    }
    let p = prev.to_ascii_lowercase();
    p.starts_with("olymp") || p.starts_with("paralymp") || demonym(prev, lx).is_some()
}

/// Whether `w` is a capitalised storm word (`entities/storm-words.txt`).
fn storm_word(w: &str, lx: &crate::Lexicon) -> bool {
    capitalised(w) && lx.entities.storm_words.contains_ignore_ascii_case(w)
}

/// Retypes the recogniser's events as events: names of several words ending in an event head
/// word ([`ends_in_event_head`]), and storms: a name after a storm word ("Cyclone Vemara", the
/// mention taking the word when the recogniser left it out), then every other mention of the
/// recogniser written as a storm's name ("Vemara"). `out` is in text order; one pass over it,
/// and one hash lookup a mention.
pub(super) fn event_names(text: &str, toks: &[Tok], out: &mut [Cand], lx: &crate::Lexicon) {
    let mut storms: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
    let mut prev_end = 0;
    for c in out.iter_mut() {
        let end_before = prev_end;
        prev_end = prev_end.max(c.end);
        if !retypable(c) {
            continue;
        }
        let (Some(first), Some(last)) = (super::tok_at(toks, c.start), super::tok_ending(toks, c.end)) else {
            continue;
        };
        if storm_word(tok(text, toks, first), lx) && last > first {
            storms.insert(&text[toks[first + 1].start..c.end]);
            c.kind = Kind::Event;
        } else if first > 0
            && toks[first - 1].sentence == toks[first].sentence
            && toks[first - 1].start >= end_before
            && storm_word(tok(text, toks, first - 1), lx)
        {
            storms.insert(&text[c.start..c.end]);
            c.start = toks[first - 1].start;
            c.kind = Kind::Event;
        } else if ends_in_event_head(text, toks, first, last, lx) {
            c.kind = Kind::Event;
        }
    }
    if storms.is_empty() {
        return;
    }
    for c in out.iter_mut() {
        if retypable(c) && storms.contains(&text[c.start..c.end]) {
            c.kind = Kind::Event;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Resources;

    use super::super::mentions::space_tokens as toks;

    fn at(a: usize, words: &str, kind: Kind) -> Cand {
        super::super::mentions::cand(a, a + words.len(), kind, Source::Model, 0)
    }

    fn spans(text: &str, out: &[Cand]) -> Vec<(String, Kind)> {
        out.iter().map(|c| (text[c.start..c.end].to_string(), c.kind)).collect()
    }

    #[test]
    fn a_storm_read_as_a_person_is_an_event_at_every_mention() {
        let res = Resources::embedded().expect("resources");
        let text = "Cyclone Vemara reached the coast on Monday , and by Tuesday Vemara had weakened";
        // the recogniser's person left the storm word out, then read the name alone
        let mut out = vec![
            at(text.find("Vemara").expect("first"), "Vemara", Kind::Person),
            at(text.rfind("Vemara").expect("second"), "Vemara", Kind::Person),
        ];
        event_names(text, &toks(text), &mut out, &res.lexicon);
        assert_eq!(
            spans(text, &out),
            vec![("Cyclone Vemara".to_string(), Kind::Event), ("Vemara".to_string(), Kind::Event)]
        );
        // the storm word inside the mention; a person of the same sentence stays a person
        let text = "Hurricane Tolly forced Mayor Ines Carrow to close the port";
        let mut out = vec![
            super::super::mentions::model_cand(text, "Hurricane Tolly", Kind::Person),
            super::super::mentions::model_cand(text, "Ines Carrow", Kind::Person),
        ];
        event_names(text, &toks(text), &mut out, &res.lexicon);
        assert_eq!(out[0].kind, Kind::Event);
        assert_eq!(out[1].kind, Kind::Person);
        // a person named after no storm word keeps the type
        let text = "Vemara Osk said the storm had passed";
        let mut out = vec![super::super::mentions::model_cand(text, "Vemara Osk", Kind::Person)];
        event_names(text, &toks(text), &mut out, &res.lexicon);
        assert_eq!(out[0].kind, Kind::Person);
    }

    #[test]
    fn games_and_festivals_read_as_organisations_are_events() {
        let res = Resources::embedded().expect("resources");
        let text = "Tarvik hosted the Olympic Games and the Harbour Jazz Festival in the same year";
        let mut out = vec![
            super::super::mentions::model_cand(text, "Olympic Games", Kind::Org),
            super::super::mentions::model_cand(text, "Harbour Jazz Festival", Kind::Loc),
        ];
        event_names(text, &toks(text), &mut out, &res.lexicon);
        assert_eq!(out[0].kind, Kind::Event);
        assert_eq!(out[1].kind, Kind::Event);
        // a company named "... Games", and a ministry "of War", stay organisations
        let text = "Korvane Games and the Ministry of War signed the contract";
        let mut out = vec![
            super::super::mentions::model_cand(text, "Korvane Games", Kind::Org),
            super::super::mentions::model_cand(text, "Ministry of War", Kind::Org),
        ];
        event_names(text, &toks(text), &mut out, &res.lexicon);
        assert_eq!(out[0].kind, Kind::Org);
        assert_eq!(out[1].kind, Kind::Org);
    }
}
