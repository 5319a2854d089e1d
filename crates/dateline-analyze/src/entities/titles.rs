//! Titles and roles of people, and nominal coreference to titled people.

use dateline_text::Span;

use super::merge::Ent;
use super::{capitalised, demonym, is_person_title, tok, tok_at, tok_ending, Kind, Tok};

fn is_role_noun(w: &str, lx: &crate::Lexicon) -> bool {
    lx.entities.role_nouns.contains(&w.to_lowercase().as_str())
}

/// Titles ("Col. Gen.", "President") and roles ("Russian President", "US leader", "head of
/// ...") of every person, from the words before a name and from appositions around it.
pub(super) fn assign(text: &str, toks: &[Tok], ents: &mut [Ent], lx: &crate::Lexicon) {
    // (gathered the first time a title is found)
    let mut mentions: Option<Mentions> = None;
    for i in 0..ents.len() {
        if ents[i].kind != Kind::Person {
            continue;
        }
        for m in ents[i].mentions.clone() {
            let Some(first) = tok_at(toks, m.start) else { continue };
            // words before the name: titles, role nouns, nationality and country modifiers
            let mut j = first;
            while j > 0 && toks[j - 1].sentence == toks[first].sentence && first - j < 6 {
                let w = tok(text, toks, j - 1);
                let title_word = is_person_title(w, lx) && (capitalised(w) || is_role_noun(w, lx));
                let modifier = capitalised(w) && (demonym(w, lx).is_some() || super::mentions::is_acronym(w));
                if title_word || modifier {
                    j -= 1;
                } else {
                    break;
                }
            }
            // a lower-case word before a lower-case role noun: "opposition leader"
            if j < first && j > 0 && toks[j - 1].sentence == toks[first].sentence {
                let head = tok(text, toks, j);
                let before = tok(text, toks, j - 1);
                let plain = !before.is_empty()
                    && before.chars().all(char::is_lowercase)
                    && !lx.entities.title_stop.contains(&before)
                    && !before.ends_with("ed")
                    && !before.ends_with("ing");
                if !capitalised(head) && is_role_noun(head, lx) && plain {
                    j -= 1;
                }
            }
            // a modifier alone is not a role ("Syrian Ahmed ...")
            if !(j..first).any(|k| is_person_title(tok(text, toks, k), lx)) {
                j = first;
            }
            if j < first {
                let mut t = first;
                while t > j && capitalised(tok(text, toks, t - 1)) && is_person_title(tok(text, toks, t - 1), lx) {
                    t -= 1;
                }
                if t < first && ents[i].title.is_none() {
                    let spans = mentions.get_or_insert_with(|| Mentions::of(ents));
                    // a title of several title words ("Foreign Minister", "Vice President")
                    // has its portfolio: a capitalised word before it is a place or body the
                    // recogniser missed ("Westland Foreign Minister"), not part of the title
                    let p = if first - t == 1 { portfolio_start(text, toks, t, spans, lx) } else { t };
                    ents[i].title = Some(text[toks[p].start..toks[first - 1].end].to_string());
                }
                if (j < t || t == first) && ents[i].role.is_none() {
                    ents[i].role = Some(text[toks[j].start..toks[first - 1].end].to_string());
                }
            }
            if ents[i].role.is_none() {
                ents[i].role = apposition_before(text, toks, j, lx)
                    .or_else(|| tok_ending(toks, m.end).and_then(|last| apposition_after(text, toks, last, lx)));
            } else if let Some(r) = apposition_before(text, toks, j, lx) {
                // an apposition says more than a modifier
                ents[i].role = Some(r);
            }
        }
    }
}

/// The spans of every mention of the article, to tell the words of a title from another
/// entity's name.
struct Mentions {
    /// Starts of the mentions, in order.
    starts: Vec<usize>,
    /// The largest end among the mentions up to each one (mentions may nest after merging).
    max_end: Vec<usize>,
}

impl Mentions {
    fn of(ents: &[Ent]) -> Self {
        let mut spans: Vec<(usize, usize)> =
            ents.iter().flat_map(|e| e.mentions.iter().map(|m| (m.start, m.end))).collect();
        spans.sort_unstable();
        let starts = spans.iter().map(|s| s.0).collect();
        let max_end = spans
            .iter()
            .scan(0, |m, s| {
                *m = s.1.max(*m);
                Some(*m)
            })
            .collect();
        Mentions { starts, max_end }
    }

    /// Whether some mention overlaps `[a, b)`.
    fn covers(&self, a: usize, b: usize) -> bool {
        let k = self.starts.partition_point(|&s| s < b);
        k.checked_sub(1).is_some_and(|k| self.max_end[k] > a)
    }
}

/// Whether `w` may be a word of a portfolio before a title ("Veterans Affairs", "Fisheries and
/// Oceans" before "Minister"): capitalised with lower-case letters, no nationality, and not a
/// function word or a sentence adverb ("Meanwhile Minister X").
fn portfolio_word(w: &str, lx: &crate::Lexicon) -> bool {
    let lower = w.to_lowercase();
    capitalised(w)
        && w.chars().any(char::is_lowercase)
        && demonym(w, lx).is_none()
        && !lx.entities.title_stop.contains(&lower.as_str())
        && !lx.text.sentence_starters.contains(&w)
        && !lx.entities.not_portfolio.contains(&w)
        && !lower.ends_with("ly")
        && !super::mentions::is_calendar_word(w)
}

/// Where the title that starts with capitalised title words at token `t` really starts: the
/// portfolio before them is part of it ("Veterans Affairs Minister", "Former Fisheries and
/// Oceans Minister"), at most four words that are no other entity's mention (in "Kestrel
/// Mining CEO X" the company is an entity of its own, not the title).
fn portfolio_start(text: &str, toks: &[Tok], t: usize, mentions: &Mentions, lx: &crate::Lexicon) -> usize {
    let s = toks[t].sentence;
    let free = |k: usize| !mentions.covers(toks[k].start, toks[k].end);
    let mut p = t;
    let mut k = t;
    while k > 0 && toks[k - 1].sentence == s && t - k < 5 {
        let w = tok(text, toks, k - 1);
        let title = capitalised(w) && is_person_title(w, lx);
        // "and" between two capitalised words of the portfolio
        let joins = matches!(w, "and" | "&")
            && k >= 2
            && toks[k - 2].sentence == s
            && portfolio_word(tok(text, toks, k - 2), lx);
        if !free(k - 1) || !(title || joins || portfolio_word(w, lx)) {
            break;
        }
        k -= 1;
        if !joins {
            p = k;
        }
    }
    p
}

/// ", the head of X, [title] NAME": the role phrase between the previous comma and the one
/// before the name (`start` is the first token of the title or name).
fn apposition_before(text: &str, toks: &[Tok], start: usize, lx: &crate::Lexicon) -> Option<String> {
    if start < 2 || tok(text, toks, start - 1) != "," {
        return None;
    }
    let end = start - 1;
    let mut a = end;
    while a > 0
        && toks[a - 1].sentence == toks[start].sentence
        && !matches!(tok(text, toks, a - 1), "," | "(" | ";" | ":" | "\"" | "“" | "”")
        && end - a < 14
    {
        a -= 1;
    }
    role_phrase(text, toks, a, end, lx)
}

/// "NAME, the head of X,": the role phrase after the name (`last` is its last token).
fn apposition_after(text: &str, toks: &[Tok], last: usize, lx: &crate::Lexicon) -> Option<String> {
    if tok(text, toks, last + 1) != "," {
        return None;
    }
    let a = last + 2;
    let mut b = a;
    while b < toks.len()
        && toks[b].sentence == toks[last].sentence
        && !matches!(tok(text, toks, b), "," | "." | ")" | ";" | ":" | "\"" | "“" | "”")
        && b - a < 14
    {
        b += 1;
    }
    if b >= toks.len() || !matches!(tok(text, toks, b), "," | "." | ")" | ";") {
        return None;
    }
    role_phrase(text, toks, a, b, lx)
}

/// Tokens `[a, b)` as a role ("head of ...", "Russia's foreign minister"), without the
/// article, if a role noun is among its first words.
fn role_phrase(text: &str, toks: &[Tok], mut a: usize, b: usize, lx: &crate::Lexicon) -> Option<String> {
    if matches!(tok(text, toks, a), "the" | "The" | "a" | "A" | "an" | "An") {
        a += 1;
    }
    if a >= b || b - a > 12 {
        return None;
    }
    let head = (a..b.min(a + 3)).any(|k| {
        let w = tok(text, toks, k);
        is_role_noun(w, lx)
            && !matches!(
                w.to_lowercase().as_str(),
                "former"
                    | "acting"
                    | "top"
                    | "senior"
                    | "vice"
                    | "prime"
                    | "foreign"
                    | "defense"
                    | "defence"
                    | "interior"
            )
    });
    let verbish =
        (a..b).any(|k| matches!(tok(text, toks, k), "said" | "says" | "told" | "who" | "which" | "is" | "was"));
    (head && !verbish).then(|| text[toks[a].start..toks[b - 1].end].to_string())
}

/// "the military official", "the minister": links each to the most recently mentioned
/// compatible person with a title or role, as a coreference mention.
pub(super) fn coreference(text: &str, toks: &[Tok], ents: &mut [Ent], lx: &crate::Lexicon) {
    let taken: Vec<(usize, usize)> = ents.iter().flat_map(|e| e.mentions.iter().map(|m| (m.start, m.end))).collect();
    for i in 0..toks.len() {
        if !matches!(tok(text, toks, i), "the" | "The") {
            continue;
        }
        // the + up to two lower-case modifiers + a nominal
        let mut k = i + 1;
        let mut mods = Vec::new();
        let mut noun = None;
        while k < toks.len() && k <= i + 3 && toks[k].sentence == toks[i].sentence {
            let w = tok(text, toks, k);
            if !w.chars().all(char::is_lowercase) || w.is_empty() {
                break;
            }
            if lx.entities.nominals.contains(&w) {
                noun = Some((k, w));
                break;
            }
            mods.push(w);
            k += 1;
        }
        let Some((k, noun)) = noun else { continue };
        let next = tok(text, toks, k + 1);
        // "the head of X" is a role phrase; "the minister Ahmed ..." an apposition; a plural
        // or compound noun ("the official statement") is not a person.
        if matches!(next, "of" | "for" | "to" | "'s" | "’s")
            || capitalised(next)
            || (next.chars().all(char::is_lowercase) && !next.is_empty() && !is_verbish(next))
        {
            continue;
        }
        let span = (toks[i].start, toks[k].end);
        if taken.iter().any(|t| t.0 < span.1 && span.0 < t.1) {
            continue;
        }
        let military = mods.contains(&"military") || noun == "general" || noun == "colonel";
        let mut best: Option<(usize, usize)> = None; // (last mention before, entity)
        for (ei, e) in ents.iter().enumerate() {
            if e.kind != Kind::Person || (e.title.is_none() && e.role.is_none()) {
                continue;
            }
            let desc =
                format!("{} {}", e.title.as_deref().unwrap_or(""), e.role.as_deref().unwrap_or("")).to_lowercase();
            let words: Vec<&str> = desc.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
            let ok = if military {
                words.iter().any(|w| lx.entities.military.contains(w))
                    || desc.contains("defense")
                    || desc.contains("military")
            } else if lx.entities.generic_nominals.contains(&noun) {
                true
            } else if noun.starts_with("spokes") {
                words.iter().any(|w| w.starts_with("spokes"))
            } else {
                words.contains(&noun) || synonym_in(lx, noun, &words)
            };
            if !ok {
                continue;
            }
            let last =
                e.mentions.iter().map(|m| m.start).chain(e.nominal.iter().map(|s| s.0)).filter(|&s| s < span.0).max();
            if let Some(last) = last {
                if best.is_none_or(|(b, _)| last > b) {
                    best = Some((last, ei));
                }
            }
        }
        if let Some((_, ei)) = best {
            ents[ei].nominal.push(Span(span.0, span.1));
        }
    }
}

/// Whether the title or role words `words` hold a phrase the lexicon gives as another name of
/// the nominal `noun` ("premier" for "Prime Minister").
fn synonym_in(lx: &crate::Lexicon, noun: &str, words: &[&str]) -> bool {
    let lines = lx.entities.nominal_synonyms.as_slice().iter().filter_map(|line| line.split_once(':'));
    lines.filter(|(n, _)| n.trim() == noun).any(|(_, phrase)| {
        // (the phrase's words, split only for the lines of this noun)
        let phrase: Vec<&str> = phrase.split_whitespace().collect();
        !phrase.is_empty() && words.windows(phrase.len()).any(|w| w == phrase.as_slice())
    })
}

/// Verbs that may follow a nominal subject ("the official added").
fn is_verbish(w: &str) -> bool {
    w.ends_with("ed")
        || w.ends_with('s')
        || matches!(
            w,
            "said"
                | "told"
                | "also"
                | "has"
                | "had"
                | "is"
                | "was"
                | "will"
                | "would"
                | "could"
                | "did"
                | "does"
                | "can"
                | "may"
                | "might"
                | "must"
                | "should"
                | "then"
                | "later"
        )
}
