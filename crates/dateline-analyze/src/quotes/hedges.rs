//! Impressions and views with no verb of saying: "the bid appears to have stalled", "the board is
//! expected to approve the loan", "voters see the levy as a tax on the poor".
//!
//! News attributes these as much as speech: a hedge ("seems", "appears", "is expected to") gives
//! an impression the article does not pin on anyone, so the clause is the content (in two
//! fragments around the hedge, which is the cue) and the speaker stays unnamed; a view ("X sees Y as Z") is its subject's, and what it holds is the
//! object and what it is seen as. So is a naming without quote marks ("critics call the levy a
//! tax"): the object and what it is called. All are read only outside quote marks and only where
//! no other cue already reports the words.

use dateline_text::Span;

use super::doc::Doc;
use super::phrase::{subject_before, Cue};
use super::Found;
use crate::QuoteKind;

/// The most tokens between a verb of view and its "as".
const MAX_VIEWED: usize = 20;

/// Impressions and views in the sentence `[lo, sb)`.
pub(super) fn find(doc: &Doc, lo: usize, sb: usize, cues: &[Option<Cue>], quoted: &[bool]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut v = lo;
    while v < sb {
        if quoted.get(v).copied().unwrap_or(false) {
            v += 1;
            continue;
        }
        let found = hedge(doc, v, lo, sb)
            .or_else(|| viewed_as(doc, v, lo, sb, cues))
            .or_else(|| named_plainly(doc, v, lo, sb, cues));
        if let Some(f) = found {
            v = doc.tok_at(f.content.1).max(v + 1);
            out.extend(split_at_hedge(doc, f));
        } else {
            v += 1;
        }
    }
    out
}

/// "the bid | appears | to have stalled": a hedge inside its clause splits the content in two,
/// the subject and what it seems to do or be, as an attribution interrupts a quote ("The levy,
/// the minister said, will raise little"); the hedge itself is the cue, not content. A view
/// ("sees X as Y") and "It seems that ..." keep one span.
fn split_at_hedge(doc: &Doc, f: Found) -> Vec<Found> {
    let (a, e) = (doc.tok_at(f.content.0), doc.tok_at(f.content.1));
    let hedged = f.speaker.is_none() && f.cue.is_some_and(|c| a < doc.tok_at(c.0) && doc.tok_at(c.1) < e);
    match f.cue.filter(|_| hedged) {
        Some(c) => [doc.span(a, doc.tok_at(c.0)), doc.span(doc.tok_at(c.1), e)]
            .into_iter()
            .flatten()
            .map(|content| Found { content, ..f })
            .collect(),
        None => vec![f],
    }
}

/// "the bid appears to have stalled", "Ruiz seemed unmoved", "the council is expected to vote
/// on Friday", "It appears that the deal is off": the clause whose verb is a hedge, from the
/// start of its clause (after a comma, a semicolon or a conjunction) to the sentence end, with no
/// speaker. With "it" as subject, only what follows the hedge ("that ...", "like ...").
fn hedge(doc: &Doc, v: usize, lo: usize, sb: usize) -> Option<Found> {
    let seems = matches!(doc.t(v), "seem" | "seems" | "seemed" | "appear" | "appears" | "appeared");
    if !seems && !matches!(doc.t(v), "is" | "are" | "was" | "were") {
        return None;
    }
    // "may seem", "did not appear", "trying to appear": a hedge under a modal, a negation or
    // an infinitive is the writer's aside or someone's aim, not an impression given.
    let negated = doc.t(v.saturating_sub(1)).ends_with("n't") || doc.t(v.saturating_sub(1)).ends_with("n\u{2019}t");
    if v > lo
        && (negated
            || doc.is(v - 1, &doc.lx.quotes.hypothetical)
            || doc.is(v - 1, &["to", "not", "never", "did", "does", "do", "will", "would"]))
    {
        return None;
    }
    let start = clause_start(doc, v, lo);
    if start >= v || doc.is(start, &["i", "we", "you", "there"]) {
        return None;
    }
    let it = v == start + 1 && doc.is(start, &["it"]);
    let (cue_end, after) =
        if it && seems && doc.is(v + 1, &[",", "that", "like", "as"]) { (v + 1, v + 1) } else { hedge_verb(doc, v)? };
    let from = if it {
        // "It appears, though, that ...": the clause after the hedge.
        let mut a = after;
        while a < sb
            && (doc.t(a) == "," || doc.is(a, &["though", "however", "then", "now", "that", "like", "as", "if"]))
        {
            a += 1;
        }
        a
    } else {
        start
    };
    let content = clause_to_end(doc, from, sb)?;
    Some(Found { kind: QuoteKind::Indirect, content, cue: doc.span(v, cue_end), speaker: None })
}

/// Whether token `v` is a hedge ("seems", "appeared", "is expected" before "to"), and if so the
/// end of the cue and the token after it. "appeared on television" and "appeared before the
/// committee" are appearances, not hedges: "appear" needs "to" and a verb, or a word that is no
/// preposition.
fn hedge_verb(doc: &Doc, v: usize) -> Option<(usize, usize)> {
    let t = doc.t(v);
    if matches!(t, "is" | "are" | "was" | "were") {
        let e = if doc.is(v + 1, &["widely", "also", "still"]) { v + 2 } else { v + 1 };
        return (doc.t(e) == "expected" && doc.t(e + 1) == "to").then_some((e + 1, e + 1));
    }
    let seem = matches!(t, "seem" | "seems" | "seemed");
    if !seem && !matches!(t, "appear" | "appears" | "appeared") {
        return None;
    }
    let n = v + 1;
    let next_ok = if doc.is(n, &["to"]) {
        doc.is_word(n + 1) && !doc.is_cap(n + 1) && !doc.is(n + 1, &doc.lx.quotes.determiners)
    } else if seem {
        doc.is_word(n) && (doc.is(n, &["like", "that"]) || !doc.is(n, &doc.lx.quotes.prepositions))
    } else {
        doc.is_word(n) && !appearance(doc, n)
    };
    next_ok.then_some((n, n))
}

/// Whether the word at `n`, after "appear(s/ed)", shows a person or thing showing up somewhere
/// ("appeared on television", "appeared briefly before", "appeared alongside", "appeared as a
/// guest") rather than a hedge ("appears fatigued").
fn appearance(doc: &Doc, n: usize) -> bool {
    doc.is_cap(n)
        || doc.is(n, &doc.lx.quotes.prepositions)
        || doc.is(n, &doc.lx.quotes.determiners)
        || doc.is(n, &["as", "onstage", "live", "alongside", "together", "again", "briefly"])
        || doc.t(n).ends_with("ly") && doc.is(n + 1, &doc.lx.quotes.prepositions)
}

/// Where the clause holding the verb at `v` starts: after the nearest comma, semicolon, colon,
/// dash, parenthesis or conjunction before it in the sentence (a relative pronoun stays in).
fn clause_start(doc: &Doc, v: usize, lo: usize) -> usize {
    let mut j = v;
    while j > lo {
        let t = doc.t(j - 1);
        if matches!(t, "," | ";" | ":" | "(" | ")") || doc.is_dash(j - 1) || doc.is_mark(j - 1) {
            return j;
        }
        if doc.is(j - 1, &["which", "who", "that"]) {
            return j - 1;
        }
        if doc.is(
            j - 1,
            &["and", "but", "if", "while", "when", "because", "though", "although", "since", "so", "whether"],
        ) {
            return j;
        }
        j -= 1;
    }
    lo
}

/// Tokens `[a, sb)` without the final stop, ending at a semicolon, a colon or ", but" (what
/// follows is another statement): at least three words.
fn clause_to_end(doc: &Doc, a: usize, sb: usize) -> Option<Span> {
    let mut e =
        (a..sb).find(|&j| matches!(doc.t(j), ";" | ":") || doc.t(j) == "," && doc.is(j + 1, &["but"])).unwrap_or(sb);
    while e > a && matches!(doc.t(e - 1), "." | "!" | "?" | "," | ":") {
        e -= 1;
    }
    let words = (a..e).filter(|&j| doc.is_word(j)).count();
    (words >= 3).then(|| doc.span(a, e)).flatten()
}

/// "Voters see the levy as a tax on the poor", "the envoy viewed the visit as a snub": a verb of
/// view, its object and "as" give the subject's view; the content is the object and what it is
/// seen as. "saw him as he left" (a clause after "as") and "such as" are no views.
fn viewed_as(doc: &Doc, v: usize, lo: usize, sb: usize, cues: &[Option<Cue>]) -> Option<Found> {
    if !matches!(doc.t(v), "see" | "sees" | "saw" | "view" | "views" | "viewed" | "regard" | "regards" | "regarded") {
        return None;
    }
    let from = v + 1;
    if !doc.is_word(from)
        || doc.is(from, &["as", "it", "that", "to", "if", "whether"])
        || doc.is(from, &doc.lx.quotes.prepositions)
    {
        return None;
    }
    let limit = sb.min(from + MAX_VIEWED);
    let as_at = (from + 1..limit).find(|&j| doc.is(j, &["as"]) || !doc.is_word(j) && !doc.is_possessive(j))?;
    if !doc.is(as_at, &["as"])
        || doc.is(as_at - 1, &["such", "well", "so", "just"])
        || doc.is(as_at + 1, &["well", "soon", "long", "much", "many", "far", "if", "though"])
        || doc.is(as_at + 1, &doc.lx.quotes.pronouns)
    {
        return None;
    }
    let content = clause_to_end(doc, from, sb)?;
    let speaker = subject_before(doc, v, lo, cues).and_then(|(a, b)| doc.span(a, b))?;
    Some(Found { kind: QuoteKind::Indirect, content, cue: doc.span(v, v + 1), speaker: Some(speaker) })
}

/// The most tokens of an object named by a verb of naming before what it is called.
const MAX_NAMED: usize = 10;

/// "Critics call the levy a tax on the poor", "she called him reckless", "calling himself a
/// moderate": a naming verb with no quote marks, its object and what the object is called give
/// the subject's view, as "sees the levy as a tax" does; the content is the object and its name,
/// to the end of the clause. A name object needs "a"/"an" to open what it is called ("called a
/// meeting", "called snap elections", "called the race for X" name nothing); a pronoun object
/// may be followed by any word that is no particle, time or preposition ("called him back",
/// "called them on Monday"). Quoted words are the partial and naming readings' own.
fn named_plainly(doc: &Doc, v: usize, lo: usize, sb: usize, cues: &[Option<Cue>]) -> Option<Found> {
    if !doc.is(v, &doc.lx.quotes.naming_plain) || doc.is_cap(v) {
        return None;
    }
    let from = v + 1;
    // ("the roll call itself": a noun.)
    let noun = v > lo && doc.is(v - 1, &doc.lx.quotes.determiners);
    if noun || !doc.is_word(from) || doc.is(from, &doc.lx.quotes.prepositions) || doc.is(from, &["a", "an"]) {
        return None;
    }
    let named = if doc.is(from, &doc.lx.quotes.object_pronouns) {
        let n = from + 1;
        let word = doc.is_word(n)
            && !doc.is_cap(n)
            && !doc.is(n, &doc.lx.quotes.prepositions)
            && !doc.is(n, &doc.lx.quotes.naming_not_complement)
            && !doc.is(n, &doc.lx.quotes.weekdays)
            && !doc.is(n, &["to", "that", "as"])
            && !super::phrase::finite(doc, n);
        if !word {
            return None;
        }
        n
    } else {
        let limit = sb.min(from + MAX_NAMED);
        let at = (from + 1..limit).find(|&j| doc.is(j, &["a", "an"]) || !doc.is_word(j) && !doc.is_possessive(j))?;
        let verb_inside = (from..at).any(|j| super::phrase::finite(doc, j) || doc.is(j, &doc.lx.quotes.prepositions));
        if !doc.is(at, &["a", "an"]) || verb_inside {
            return None;
        }
        at
    };
    // ("called the hotel a day later": a time, not a name.)
    if doc.is(named, &["a", "an"]) && doc.is(named + 1, &doc.lx.quotes.periods) {
        return None;
    }
    // (The object's end is read from what it is called: "it" opens no object of its own.)
    let mut b = doc.tok_at(super::indirect::object(doc, named, sb)?.1);
    while b > named + 1 && matches!(doc.t(b - 1), "." | "," | "!" | "?" | ";" | ":") {
        b -= 1;
    }
    if (from..b).any(|j| doc.is_mark(j)) {
        return None;
    }
    let content = doc.span(from, b)?;
    let speaker = if v > lo && doc.is(v - 1, &["to"]) {
        // "used his speech to call ...", "continued to call ...": the verb that governs the
        // infinitive has the subject, when it is one that carries on.
        let frame = super::phrase::infinitive_frame(doc, v).filter(|&f| f > lo)?;
        super::partial::speaker_of(doc, frame, lo, cues)?
    } else if doc.t(v).ends_with("ing") && v > lo && doc.t(v - 1) != "," {
        // "with Mayor Ama Lee calling the plan a mistake": the name right before the
        // participle, else nobody named.
        let a = super::phrase::capitalised_run_before(doc, v, lo, 6);
        return Some(Found { kind: QuoteKind::Indirect, content, cue: doc.span(v, v + 1), speaker: doc.span(a, v) });
    } else {
        super::partial::speaker_of(doc, v, lo, cues)?
    };
    Some(Found { kind: QuoteKind::Indirect, content, cue: doc.span(v, v + 1), speaker: Some(speaker) })
}
