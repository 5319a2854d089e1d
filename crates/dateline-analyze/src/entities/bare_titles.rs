//! Titles the recogniser took for names: "Justice" in "Justice Okafor" read as a person of its
//! own, "the Queen", "the Pope".

use super::{is_person_title, tok, Cand, Kind, Source, Tok};

/// Whether `c` is a recogniser's person or organisation mention of one word that is a title
/// ("Justice", "Queen"; "the Commodore" read as an organisation).
fn is_bare_title(text: &str, c: &Cand, lx: &crate::Lexicon) -> bool {
    let w = &text[c.start..c.end];
    c.source == Source::Model
        && matches!(c.kind, Kind::Person | Kind::Org)
        && !w.contains(' ')
        && is_person_title(w, lx)
}

/// Drops the recogniser's one-word person mentions that are titles: before another person's
/// mention ("Justice" + "Okafor": the name is the second), after "the" ("the Queen", a title
/// used as a description, which no news corpus marks as a name), or before "of" and a name
/// ("Queen of Veldmark"). `out` is in text order.
pub(super) fn drop_bare_titles(text: &str, toks: &[Tok], out: &mut Vec<Cand>, lx: &crate::Lexicon) {
    let keep: Vec<bool> = (0..out.len())
        .map(|i| {
            let c = &out[i];
            if !is_bare_title(text, c, lx) {
                return true;
            }
            let before_name = out.get(i + 1).is_some_and(|n| {
                n.kind == Kind::Person && n.sentence == c.sentence && text.get(c.end..n.start) == Some(" ")
            });
            let first = super::tok_at(toks, c.start);
            let after_the = first
                .and_then(|f| f.checked_sub(1))
                .is_some_and(|b| toks[b].sentence == c.sentence && matches!(tok(text, toks, b), "the" | "The" | "THE"));
            // before "of" and a name: the title of a place or a people ("Emperor of the
            // Tarvish Isles", "Queen of Veldmark"), a description, not the name
            let before_of = super::tok_ending(toks, c.end).is_some_and(|l| {
                let same = |k: usize| toks.get(k).is_some_and(|t| t.sentence == c.sentence);
                let next = tok(text, toks, l + 2);
                same(l + 2) && tok(text, toks, l + 1) == "of" && (super::capitalised(next) || next == "the")
            });
            !(before_name || after_the || before_of)
        })
        .collect();
    let mut k = keep.iter();
    out.retain(|_| k.next().copied().unwrap_or(true));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Resources;

    use super::super::mentions::space_tokens as toks;

    fn person(text: &str, word: &str) -> Cand {
        super::super::mentions::model_cand(text, word, Kind::Person)
    }

    #[test]
    fn a_title_read_as_a_person_is_no_name() {
        let res = Resources::embedded().expect("resources");
        // before another person's name: the name is the second mention
        let text = "The question , Justice Okafor , is narrow";
        let mut out = vec![person(text, "Justice"), person(text, "Okafor")];
        drop_bare_titles(text, &toks(text), &mut out, &res.lexicon);
        assert_eq!(out.len(), 1);
        assert_eq!(&text[out[0].start..out[0].end], "Okafor");
        // after "the": a description
        let text = "THE QUEEN OPENED THE BRIDGE";
        let mut out = vec![person(text, "QUEEN")];
        drop_bare_titles(text, &toks(text), &mut out, &res.lexicon);
        assert!(out.is_empty());
        // before "of" and a name: the title of a place or a people, not a name
        let text = "Ivo Dak , Emperor of the Tarvish Isles , and the Queen of Veldmark met";
        let mut out = vec![person(text, "Ivo Dak"), person(text, "Emperor"), person(text, "Queen")];
        drop_bare_titles(text, &toks(text), &mut out, &res.lexicon);
        assert_eq!(out.len(), 1);
        assert_eq!(&text[out[0].start..out[0].end], "Ivo Dak");
        // read as an organisation ("the Queen" in a text that names a band "Queen")
        let text = "The Queen opened the new session of the Tarvish Parliament";
        let mut out = vec![super::super::mentions::model_cand(text, "Queen", Kind::Org)];
        drop_bare_titles(text, &toks(text), &mut out, &res.lexicon);
        assert!(out.is_empty());
        // a title used as a name of its own stays ("Chief Justice" addressed)
        let text = "Thank you , Chief Justice";
        let mut out = vec![person(text, "Justice")];
        drop_bare_titles(text, &toks(text), &mut out, &res.lexicon);
        assert_eq!(out.len(), 1);
    }
}
