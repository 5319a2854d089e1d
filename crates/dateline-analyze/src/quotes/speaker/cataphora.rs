//! Speakers described before they are named: "A spokesperson for the opposition said on
//! Tuesday ...", then, in the next attribution, "..., Ana Ruiz told a news conference."
//!
//! The wire lead names a source by role and gives the name in the next paragraph. The first
//! quote's phrase is indefinite, so it refers back to nobody and stays unresolved. It is the
//! named person when the article's convention leaves no other reading: the next attribution's
//! speaker phrase is a full name, bare (no title, role or apposition of its own) and the name's
//! first mention in the article, and nobody else is named between the two attributions outside
//! reported or quoted words. A reporter introduces a new person by name and role together, so a
//! bare new name right after an unnamed role is that role's holder. Anything else (a second
//! person named in between, a name with its own description, a name used before, an
//! attribution more than a paragraph away) leaves the first quote unresolved.

use dateline_text::Span;

use super::{introduced_noun, Found, Resolution, Resolver};
use crate::EntityType;

/// How sure a speaker named only by the next attribution is: at the floor of what is given.
const NAMED_NEXT: f32 = super::MIN_CONFIDENCE;

/// How far (bytes) the name's attribution may be from the description's.
const REACH: usize = 700;

/// Resolves the unresolved quotes whose speaker phrase introduces someone by role ("a
/// spokesman for ...") to the person the next attribution names for the first time.
/// `found` and `resolved` are parallel (the quotes and their resolutions so far).
pub(super) fn name_described_speakers(text: &str, resolver: &Resolver, found: &[Found], resolved: &mut [Resolution]) {
    let lx = resolver.lx;
    // Attributions by their phrase, in text order; quotes that continue one share its phrase.
    let mut order: Vec<usize> = (0..found.len()).filter(|&i| found[i].speaker.is_some()).collect();
    order.sort_by_key(|&i| found[i].speaker.map(|s| (s.0, s.1)));
    order.dedup_by_key(|&mut i| found[i].speaker);
    // Each entity's first mention, read once (linear in the article's mentions) and only when a
    // described speaker and a named one follow each other.
    let firsts = std::cell::OnceCell::new();
    let firsts = || {
        firsts.get_or_init(|| {
            let mut firsts: Vec<Option<Span>> = vec![None; resolver.entities.len()];
            for &(span, i) in &resolver.mentions {
                if let Some(f) = firsts.get_mut(i) {
                    f.get_or_insert(span);
                }
            }
            firsts
        })
    };
    // (phrase, person) for every described phrase the next attribution names
    let mut named: Vec<(Span, usize)> = Vec::new();
    for pair in order.windows(2) {
        let (i, j) = (pair[0], pair[1]);
        let (Some(s), Some(next)) = (found[i].speaker, found[j].speaker) else { continue };
        if resolved[i].entity.is_some() || !describes_someone(text, s, lx) {
            continue;
        }
        let after = s.1.max(found[i].content.1);
        if next.0 < after || next.0 - s.1 > REACH || paragraphs_between(text, s.1, next.0) > 1 {
            continue;
        }
        let r = resolved[j];
        let Some(p) = r.entity.filter(|_| r.confidence >= super::MIN_CONFIDENCE) else { continue };
        let person = resolver.entities.get(p).is_some_and(|e| e.kind == EntityType::Person);
        if !person || !bare_full_name(text, next, found[j].cue) || firsts().get(p).copied().flatten() != Some(next) {
            continue;
        }
        if resolver.someone_named_between(s.1, next.0, p, firsts()) {
            continue;
        }
        named.push((s, p));
    }
    // every quote of a described phrase, a continued one too, gets the name
    named.sort_by_key(|(s, _)| (s.0, s.1));
    for (f, res) in found.iter().zip(resolved.iter_mut()) {
        let Some(s) = f.speaker.filter(|_| res.entity.is_none()) else { continue };
        if let Ok(k) = named.binary_search_by_key(&(s.0, s.1), |(x, _)| (x.0, x.1)) {
            *res = Resolution { entity: Some(named[k].1), confidence: NAMED_NEXT, ..*res };
        }
    }
}

/// Is the phrase `s` one unnamed person introduced by role ("a spokesperson for ...", "an aide
/// to ...", "a senior official"), not a document or a group?
fn describes_someone(text: &str, s: Span, lx: &crate::Lexicon) -> bool {
    introduced_noun(text, s, lx).is_some_and(|noun| {
        lx.entities.role_nouns.contains(&noun.as_str()) || lx.quotes.generic.contains(&noun.as_str())
    })
}

/// Is the speaker phrase `s` a name of two words or more and nothing else: not after a word
/// other than its cue ("witness Ana Ruiz"), not followed by a comma (an apposition or a
/// relative clause describes the name)?
fn bare_full_name(text: &str, s: Span, cue: Option<Span>) -> bool {
    let Some(name) = text.get(s.0..s.1) else { return false };
    let whole =
        name.split_whitespace().all(|w| w.starts_with(char::is_uppercase)) && name.split_whitespace().nth(1).is_some();
    let before = text.get(..s.0).unwrap_or("").trim_end();
    let last_word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let after_cue = cue.is_some_and(|c| c.1 <= s.0 && text.get(c.1..s.0).is_some_and(|g| g.trim().is_empty()));
    let clear_before = last_word.is_empty() || after_cue;
    let clear_after = !text.get(s.1..).unwrap_or("").trim_start().starts_with(',');
    whole && clear_before && clear_after
}

/// How many paragraph breaks (blank or not: a line break) lie between `a` and `b`.
fn paragraphs_between(text: &str, a: usize, b: usize) -> usize {
    let Some(gap) = text.get(a..b) else { return usize::MAX };
    let mut breaks = 0;
    let mut in_break = false;
    for line in gap.split('\n').skip(1) {
        if !in_break {
            breaks += 1;
        }
        in_break = line.trim().is_empty();
    }
    breaks
}

impl Resolver<'_> {
    /// Is a person other than `except` first named between `a` and `b` (`firsts`: each entity's
    /// first mention), outside quote marks and reported speech (a person named there is what
    /// someone said, not a new source)?
    fn someone_named_between(&self, a: usize, b: usize, except: usize, firsts: &[Option<Span>]) -> bool {
        let from = self.mentions.partition_point(|(s, _)| s.0 < a);
        self.mentions[from..].iter().take_while(|(s, _)| s.0 < b).any(|&(s, i)| {
            i != except
                && !self.is_quoted(s.0)
                && !self.is_reported(s.0)
                && self.entities.get(i).is_some_and(|e| e.kind == EntityType::Person)
                && firsts.get(i).copied().flatten().is_some_and(|f| f.0 >= a)
        })
    }
}

#[cfg(test)]
mod tests {
    use dateline_text::segment::sentences;
    use dateline_text::Span;

    use crate::quotes::find_quotes;
    use crate::{Entity, Mention, Quote};

    /// A person or place with a mention at every occurrence of each of `names` in `text`.
    fn entity(id: &str, kind: &str, text: &str, names: &[&str]) -> Entity {
        let mut mentions = Vec::new();
        for n in names {
            for (at, _) in text.match_indices(n) {
                mentions.push(Mention { text: n.to_string(), span: Span(at, at + n.len()), via: None });
            }
        }
        mentions.sort_by_key(|m| m.span.0);
        Entity {
            id: id.into(),
            name: names[0].into(),
            kind: kind.parse().expect("an entity type"),
            title: None,
            role: None,
            country: None,
            geo: None,
            mentions,
        }
    }

    /// The quotes of `text`, its persons and places given.
    fn quotes(text: &str, persons: &[&[&str]]) -> Vec<Quote> {
        let mut ents: Vec<Entity> =
            persons.iter().enumerate().map(|(i, names)| entity(&format!("p{i}"), "PERSON", text, names)).collect();
        ents.push(entity("g0", "GPE", text, &["Faro"]));
        find_quotes(text, &sentences(text), &ents)
    }

    /// The speaker of the quote whose content starts with `start`.
    fn speaker_of(q: &[Quote], start: &str) -> Option<String> {
        q.iter().find(|q| q.content.starts_with(start)).expect("the quote is found").speaker.clone()
    }

    const LEAD: &str = "A spokesperson for opposition leader Ana Ruiz said on Tuesday that the navy had \
        closed the port of Faro to fishing boats.\n\n";

    #[test]
    fn a_role_then_a_new_bare_name_in_the_next_attribution_is_that_person() {
        let text = format!("{LEAD}\"The harbour belongs to the fishermen,\" Tomas Berg told a news conference.");
        let q = quotes(&text, &[&["Ana Ruiz", "Ruiz"], &["Tomas Berg", "Berg"]]);
        assert_eq!(speaker_of(&q, "the navy").as_deref(), Some("p1"), "{q:#?}");
        assert_eq!(speaker_of(&q, "The harbour").as_deref(), Some("p1"));
        // after the cue too: `..., said Tomas Berg.`
        let text = format!("{LEAD}\"The harbour belongs to the fishermen,\" said Tomas Berg.");
        let q = quotes(&text, &[&["Ana Ruiz", "Ruiz"], &["Tomas Berg", "Berg"]]);
        assert_eq!(speaker_of(&q, "the navy").as_deref(), Some("p1"), "{q:#?}");
    }

    #[test]
    fn a_name_with_its_own_description_is_someone_else() {
        for next in [
            "\"The harbour belongs to the fishermen,\" Tomas Berg, a trawler captain, told a news conference.",
            "\"The harbour belongs to the fishermen,\" trawler captain Tomas Berg told a news conference.",
        ] {
            let text = format!("{LEAD}{next}");
            let q = quotes(&text, &[&["Ana Ruiz", "Ruiz"], &["Tomas Berg", "Berg"]]);
            assert_eq!(speaker_of(&q, "the navy"), None, "{next}: {q:#?}");
        }
    }

    #[test]
    fn a_name_used_before_or_another_person_named_between_leaves_the_role_unnamed() {
        // Berg was named before the description: the spokesperson is not introduced by his name.
        let text = format!(
            "Tomas Berg sailed home.\n\n{LEAD}\"The harbour belongs to the fishermen,\" Tomas Berg told a news conference."
        );
        let q = quotes(&text, &[&["Ana Ruiz", "Ruiz"], &["Tomas Berg", "Berg"]]);
        assert_eq!(speaker_of(&q, "the navy"), None, "{q:#?}");
        // Someone else comes into the story between the two attributions.
        let lead = LEAD.trim_end();
        let text = format!(
            "{lead} Harbour master Ivo Marek closed the gates.\n\n\"The harbour belongs to the fishermen,\" \
             Tomas Berg told a news conference."
        );
        let q = quotes(&text, &[&["Ana Ruiz", "Ruiz"], &["Tomas Berg", "Berg"], &["Ivo Marek", "Marek"]]);
        assert_eq!(speaker_of(&q, "the navy"), None, "{q:#?}");
    }

    #[test]
    fn a_name_two_paragraphs_on_or_a_group_is_not_the_described_person() {
        let text = format!(
            "{LEAD}The navy did not comment.\n\n\"The harbour belongs to the fishermen,\" Tomas Berg told a news conference."
        );
        let q = quotes(&text, &[&["Ana Ruiz", "Ruiz"], &["Tomas Berg", "Berg"]]);
        assert_eq!(speaker_of(&q, "the navy"), None, "{q:#?}");
        let text = "Spokespeople for opposition leader Ana Ruiz said the navy had closed the port.\n\n\
            \"The harbour belongs to the fishermen,\" Tomas Berg told a news conference.";
        let q = quotes(text, &[&["Ana Ruiz", "Ruiz"], &["Tomas Berg", "Berg"]]);
        assert_eq!(speaker_of(&q, "the navy"), None, "{q:#?}");
    }
}
