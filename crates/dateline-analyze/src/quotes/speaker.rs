//! Speaker resolution: from the phrase at the cue to an entity of the article.
//!
//! In order of trust: the phrase overlaps a mention the entities stage found (a name, a surname,
//! an acronym, or a nominal it linked by coreference); a pronoun takes the most recent person
//! named before it; a definite title or role ("the minister") takes the most recent person whose
//! title or role has that noun. Anything else (indefinite "a delegate", plural "officials")
//! stays unresolved: a missing speaker is better than a wrong one.

use dateline_text::Span;

use crate::Entity;

/// How far back (bytes) a pronoun or a role noun may look for its person: about two paragraphs.
const WINDOW: usize = 1500;

/// Role nouns vague enough that they refer back to the latest titled person even when the
/// title does not contain them ("the official" after "Col. Gen. X, head of ...").
const GENERIC: &[&str] = &[
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "diplomat",
    "officer",
    "commander",
    "lawmaker",
    "politician",
    "leader",
    "envoy",
    "general",
    "executive",
];

/// Nouns for people who speak for an organisation: "a spokesman for the ministry" is the ministry.
const SPOKES: &[&str] = &["spokesman", "spokeswoman", "spokesperson", "representative", "statement", "spokespeople"];

/// Words that end the head of a speaker phrase ("a spokesman | for the ministry").
const HEAD_END: &[&str] = &["of", "for", "at", "from", "with", "in", "on", "who", "to"];

/// Entity mentions in text order, for lookups by position.
pub(super) struct Resolver<'a> {
    entities: &'a [Entity],
    /// (span, entity index), sorted by start.
    mentions: Vec<(Span, usize)>,
    /// The largest end among `mentions[..=k]`, so an overlap search stops where no earlier
    /// mention can reach the span.
    max_end: Vec<usize>,
}

impl<'a> Resolver<'a> {
    pub fn new(entities: &'a [Entity]) -> Self {
        let mut mentions: Vec<(Span, usize)> =
            entities.iter().enumerate().flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.span, i))).collect();
        mentions.sort_by_key(|(s, i)| (s.0, s.1, *i));
        let max_end = mentions
            .iter()
            .scan(0, |m, (s, _)| {
                *m = s.1.max(*m);
                Some(*m)
            })
            .collect();
        Resolver { entities, mentions, max_end }
    }

    pub fn entity(&self, i: usize) -> Option<&'a Entity> {
        self.entities.get(i)
    }

    /// The entity the speaker phrase `phrase` refers to.
    pub fn resolve(&self, text: &str, phrase: Span) -> Option<usize> {
        let words = words(text, phrase);
        let head_len = words.iter().position(|(w, _)| HEAD_END.contains(&w.as_str())).unwrap_or(words.len());
        let head = match (words.first(), words.get(head_len.saturating_sub(1))) {
            (Some(f), Some(l)) if head_len > 0 => Span(f.1 .0, l.1 .1),
            _ => return None,
        };
        if let Some(e) = self.overlapping(head, |_| true) {
            return Some(e);
        }
        let first = words[0].0.as_str();
        let noun = words[head_len - 1].0.trim_end_matches("'s").trim_end_matches("\u{2019}s").to_string();
        if head_len == 1 && matches!(first, "he" | "she") {
            return self.latest_before(phrase.0, |e| e.kind == "PERSON");
        }
        if head_len == 1 && first == "it" {
            return self.latest_before(phrase.0, |e| e.kind == "ORG");
        }
        if SPOKES.contains(&noun.as_str()) && head_len < words.len() {
            let rest = Span(head.1, phrase.1);
            if let Some(e) = self.overlapping(rest, |e| e.kind == "ORG" || e.kind == "GPE") {
                return Some(e);
            }
        }
        // Only a definite description refers back; "a delegate" or "officials" is someone new.
        let definite = matches!(first, "the") || first.ends_with("'s") || first.ends_with("\u{2019}s");
        if !definite || noun.ends_with('s') && !noun.ends_with("ss") {
            return None;
        }
        let has_noun = |e: &Entity| {
            [e.title.as_deref(), e.role.as_deref()]
                .into_iter()
                .flatten()
                .any(|t| t.split(|c: char| !c.is_alphanumeric()).any(|w| w.eq_ignore_ascii_case(&noun)))
        };
        self.latest_before(phrase.0, |e| e.kind == "PERSON" && has_noun(e)).or_else(|| {
            GENERIC
                .contains(&noun.as_str())
                .then(|| {
                    self.latest_before(phrase.0, |e| e.kind == "PERSON" && (e.title.is_some() || e.role.is_some()))
                })
                .flatten()
        })
    }

    /// The entity whose mention overlaps `span` most (persons first on ties).
    fn overlapping(&self, span: Span, ok: impl Fn(&Entity) -> bool) -> Option<usize> {
        let end = self.mentions.partition_point(|(s, _)| s.0 < span.1);
        // Only mentions from the first whose running end passes the span's start can overlap.
        let from = self.max_end[..end].partition_point(|&e| e <= span.0);
        let mut best: Option<(usize, bool, usize)> = None;
        // Backwards, so ties go to the earlier mention (`>=`), as a forward scan with `>` would.
        for &(s, i) in self.mentions[from..end].iter().rev() {
            let overlap = s.1.min(span.1).saturating_sub(s.0.max(span.0));
            let Some(e) = self.entities.get(i) else { continue };
            if overlap == 0 || !ok(e) {
                continue;
            }
            let key = (overlap, e.kind == "PERSON", i);
            if best.is_none_or(|b| (key.0, key.1) >= (b.0, b.1)) {
                best = Some(key);
            }
        }
        best.map(|b| b.2)
    }

    /// The entity of the latest mention ending before `at` (within [`WINDOW`]) that passes `ok`.
    fn latest_before(&self, at: usize, ok: impl Fn(&Entity) -> bool) -> Option<usize> {
        let end = self.mentions.partition_point(|(s, _)| s.0 < at);
        self.mentions[..end]
            .iter()
            .rev()
            .filter(|(s, _)| s.1 <= at)
            .take_while(|(s, _)| at - s.0 <= WINDOW)
            .find(|(_, i)| self.entities.get(*i).is_some_and(&ok))
            .map(|&(_, i)| i)
    }
}

/// Lower-cased words of `span` with their spans.
fn words(text: &str, span: Span) -> Vec<(String, Span)> {
    let Some(s) = text.get(span.0..span.1) else { return Vec::new() };
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        let inner = c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '-' | '.');
        match (start, inner) {
            (None, true) => start = Some(i),
            (Some(a), false) => {
                out.push((s[a..i].trim_end_matches('.').to_lowercase(), Span(span.0 + a, span.0 + i)));
                start = None;
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Mention;

    fn person(id: &str, name: &str, title: Option<&str>, role: Option<&str>, spans: &[(usize, usize)]) -> Entity {
        Entity {
            id: id.into(),
            name: name.into(),
            kind: "PERSON".into(),
            title: title.map(Into::into),
            role: role.map(Into::into),
            country: None,
            geo: None,
            mentions: spans
                .iter()
                .map(|&(a, b)| Mention { text: String::new(), span: Span(a, b), via: None })
                .collect(),
        }
    }

    #[test]
    fn names_pronouns_and_roles() {
        let text = "Interior Minister Lena Park spoke first. Then Tom Hale spoke. The minister said no. He said yes.";
        let ents = [
            person("e1", "Lena Park", Some("Interior Minister"), None, &[(18, 27)]),
            person("e2", "Tom Hale", None, None, &[(45, 53)]),
        ];
        let r = Resolver::new(&ents);
        let at = |p: &str| text.find(p).map(|a| Span(a, a + p.len())).unwrap_or(Span(0, 0));
        assert_eq!(r.resolve(text, at("Lena Park")), Some(0));
        assert_eq!(r.resolve(text, at("The minister")), Some(0));
        assert_eq!(r.resolve(text, at("He")), Some(1));
        assert_eq!(r.resolve(text, at("Then")), None);
    }

    #[test]
    fn indefinite_and_plural_stay_unknown() {
        let text = "Lena Park, the minister, left. A minister said no. Ministers said yes.";
        let ents = [person("e1", "Lena Park", None, Some("the minister"), &[(0, 9)])];
        let r = Resolver::new(&ents);
        let at = |p: &str| text.find(p).map(|a| Span(a, a + p.len())).unwrap_or(Span(0, 0));
        assert_eq!(r.resolve(text, at("A minister")), None);
        assert_eq!(r.resolve(text, at("Ministers")), None);
    }
}
