//! Cue tokens and the speaker phrases around them.
//!
//! News attributes speech in a handful of word orders: "X said", "said X", "X, the head of Y,
//! said", "the head of Y, X, said", "according to X". A speaker phrase is read off the tokens
//! next to the cue up to the nearest clause boundary, so it is linear and needs no parser.

use super::cues;
use super::doc::{verbish, Doc};

/// A cue found at a token: `[start, end)` tokens and its lemma.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Cue {
    pub start: usize,
    pub end: usize,
    pub lemma: &'static str,
}

/// A speaker phrase (token range) and where its appositive chain starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Chain {
    pub speaker: (usize, usize),
    /// First token of the speaker with its appositions ("the head of Y, X").
    pub start: usize,
}

/// Every cue of the article by token, computed once.
pub(super) fn cues(doc: &Doc) -> Vec<Option<Cue>> {
    let mut out = vec![None; doc.toks.len()];
    for (i, slot) in out.iter_mut().enumerate() {
        *slot = cue_at(doc, i);
    }
    out
}

fn cue_at(doc: &Doc, i: usize) -> Option<Cue> {
    if !doc.is_word(i) {
        return None;
    }
    if doc.is(i, &["according"]) && doc.is(i + 1, &["to"]) {
        return Some(Cue { start: i, end: i + 2, lemma: "according" });
    }
    let t = doc.t(i);
    // Cue verbs are lower case inside a sentence; a capital means a name or a noun ("States"),
    // except "Says" in a title-case headline ("Senator Says Talks Failed").
    if t.chars().next().is_some_and(char::is_uppercase) {
        let headline = matches!(t, "Says" | "Said") && i > 0 && doc.is_cap(i - 1) && doc.is_cap(i + 1);
        let opens = !(i > 0 && doc.is_word(i - 1));
        if t == "Asked" && opens && doc.is_word(i + 1) {
            return Some(Cue { start: i, end: i + 1, lemma: "ask" });
        }
        // "Noting that the port is old, Lee asked ...": a participle of saying opening the
        // sentence ("Reporting by ..." and "Writing by ..." are a wire story's credits).
        if opens && t.len() > 5 && t.ends_with("ing") && doc.is_word(i + 1) && !doc.is(i + 1, &["by"]) {
            let lemma = cues::lemma(doc.lx, t)
                .filter(|l| cues::is_speech(&doc.lx.quotes, l) && !cues::is_intent(&doc.lx.quotes, l))?;
            return Some(Cue { start: i, end: i + 1, lemma });
        }
        // "Said Smith, "..."": the inverted attribution opening a sentence.
        if t == "Said" && opens && doc.is_cap(i + 1) {
            return Some(Cue { start: i, end: i + 1, lemma: "say" });
        }
        if headline {
            return Some(Cue { start: i, end: i + 1, lemma: "say" });
        }
        return title_verb(doc, i, t).map(|lemma| Cue { start: i, end: i + 1, lemma });
    }
    // "X was quoted as saying": X is the speaker.
    if t == "quoted" && doc.is(i + 1, &["as"]) && doc.is(i + 2, &doc.lx.quotes.as_saying) {
        return Some(Cue { start: i, end: i + 3, lemma: "say" });
    }
    // "The agency cited the minister as saying ...": the cue is "as saying", its speaker the
    // object before it, and "cited" reports nothing of its own.
    if t == "as" && doc.is(i + 1, &doc.lx.quotes.as_saying) && cited_before(doc, i).is_some() {
        return Some(Cue { start: i, end: i + 2, lemma: "say" });
    }
    if doc.lx.quotes.citing.contains(&t) && cited_object_end(doc, i).is_some() {
        return None;
    }
    // ", referring to the senator as ...": the object of "to" is what is attributed.
    if matches!(t, "referring" | "referred" | "refers") && doc.is(i + 1, &["to"]) {
        return Some(Cue { start: i, end: i + 2, lemma: "refer to" });
    }
    if matches!(t, "point" | "points" | "pointed" | "pointing") && doc.is(i + 1, &["out"]) {
        return Some(Cue { start: i, end: i + 2, lemma: "point out" });
    }
    // "Lee pointed to the ferry figures", "They point to the toll": what is cited as evidence,
    // a verb of stance. ("the point to his audience", "several points to win": a noun; "-s"
    // only after a name or a pronoun, as other verbs that are also nouns.)
    if matches!(t, "point" | "points" | "pointed" | "pointing") && doc.is(i + 1, &["to"]) {
        let named = i > 0 && (doc.is_cap(i - 1) || doc.is(i - 1, &["he", "she", "it", "they"]));
        let linked = t == "pointing" && i > 0 && stance_participle(doc, i - 1, "point to");
        let ok = if t == "points" { named } else { thought_form(doc, i, t, "point") || linked };
        return ok.then_some(Cue { start: i, end: i + 2, lemma: "point to" });
    }
    if matches!(t, "call" | "calls" | "called" | "calling") && doc.is(i + 1, &["for", "on"]) {
        let lemma = if doc.is(i + 1, &["for"]) { "call for" } else { "call on" };
        // ("..., praising the crews and calling for a new pier": as a verb of stance's participle.)
        let linked = t == "calling" && lemma == "call for" && i > 0 && stance_participle(doc, i - 1, lemma);
        return (thought_form(doc, i, t, "call") || linked).then_some(Cue { start: i, end: i + 2, lemma });
    }
    // "X continued: "..."", "..." he continued.": speech only when a quote mark is next to it
    // ("continued to rise" and "the talks continued" are not).
    if matches!(t, "continued" | "continues") {
        let quote_after = doc.is(i + 1, &[":", ","]) && doc.is_mark(i + 2);
        let quote_before = doc.is(i + 1, &[".", ","]) && (2..6).any(|k| i >= k && doc.is_mark(i - k));
        return (quote_after || quote_before).then_some(Cue { start: i, end: i + 1, lemma: "say" });
    }
    if matches!(t, "put" | "puts") && doc.is(i + 1, &["it"]) {
        return Some(Cue { start: i, end: i + 2, lemma: "put it" });
    }
    let lemma = cues::lemma(doc.lx, t)?;
    let prev = i.checked_sub(1);
    // "went on to explain", "continued to suggest that": the infinitive is the saying.
    if t == lemma && cues::is_speech(&doc.lx.quotes, lemma) && infinitive_frame(doc, i).is_some() {
        return Some(Cue { start: i, end: i + 1, lemma });
    }
    // "reports", "claims", "states": a verb only right after a subject.
    // A capital that only opens the sentence is no name ("Future attacks remain likely").
    // Nor is a compass adjective ("Southern states", "Midwestern states").
    let compass = |p: usize| {
        let w = doc.t(p).to_ascii_lowercase();
        ["western", "eastern", "northern", "southern"].iter().any(|c| w.ends_with(c))
    };
    let name_before = |p: usize| doc.is_cap(p) && !compass(p) && doc.sent_of(p).is_some_and(|s| doc.sents[s].0 != p);
    if cues::maybe_noun(&doc.lx.quotes, t, lemma)
        && !prev.is_some_and(|p| name_before(p) || doc.is(p, &["he", "she", "it", "they"]))
    {
        return None;
    }
    // A noun after a determiner ("the report", "his claims") or an infinitive ("declined to
    // comment") is not an act of saying.
    if prev.is_some_and(|p| doc.is(p, &doc.lx.quotes.determiners) || possessive_noun(doc, p)) {
        return None;
    }
    if participle_adjective(doc, i) || degree_adjective(doc, i) || reduced_relative(doc, i) || said_thing(doc, i) {
        return None;
    }
    let strict = cues::is_belief(&doc.lx.quotes, lemma)
        || !cues::is_speech(&doc.lx.quotes, lemma)
        || cues::is_object(&doc.lx.quotes, lemma);
    // The plain form of a lemma that is also a noun ("state", "claim") is held to the same test.
    let nounish_plain = t == lemma && !cues::bare_clause_form(&doc.lx.quotes, t, lemma);
    if (strict || nounish_plain) && !thought_form(doc, i, t, lemma) {
        return None;
    }
    // "is said to be": hearsay without a speaker.
    if t == "said" && doc.is(i + 1, &["to"]) && prev.is_some_and(|p| doc.is(p, &["is", "was", "are", "were", "be"])) {
        return None;
    }
    Some(Cue { start: i, end: i + 1, lemma })
}

/// "Port Chief Urges Calm", "Mayor Just Announced Her Budget": in the article's first line (its
/// headline, in title case), a verb of saying in "-s" or "-ed" between two capitalised words.
/// Lemmas that are also nouns ("Claims", "Reports") are left out.
fn title_verb(doc: &Doc, i: usize, t: &str) -> Option<&'static str> {
    let first_line = doc.newlines.first().is_none_or(|&n| doc.start(i) < n);
    let inflected = t.ends_with("ed") || t.ends_with('s') && !t.ends_with("ss");
    let q = &doc.lx.quotes;
    // ("Responded To Critics": a topic after a preposition, not what was said.)
    if !first_line || !inflected || i == 0 || !doc.is_cap(i - 1) || !doc.is_cap(i + 1) || doc.is(i + 1, &q.prepositions)
    {
        return None;
    }
    cues::lemma(doc.lx, t).filter(|l| cues::is_speech(q, l) && !q.nounish.contains(l) && !cues::is_object(q, l))
}

/// Adverbs that stand between a determiner and a participle used as an adjective.
const PARTICIPLE_ADVERBS: &[&str] =
    &["previously", "widely", "recently", "publicly", "officially", "newly", "already", "formally", "originally"];

/// "all reported sightings", "no reported injuries", "the previously announced closure": a
/// past participle after a quantifier, a determiner or a preposition (an adverb may stand
/// between) modifies the noun after it; nobody is reporting anything.
fn participle_adjective(doc: &Doc, i: usize) -> bool {
    if !doc.t(i).ends_with("ed") {
        return false;
    }
    let mut p = i;
    while p > 0 && doc.is(p - 1, PARTICIPLE_ADVERBS) {
        p -= 1;
    }
    if p == 0 {
        return false;
    }
    // ("the pilots have all backed the plan": "all" after an auxiliary floats off its subject.)
    let floating = doc.is(p - 1, &["all"]) && p >= 2 && doc.is(p - 2, &doc.lx.quotes.auxiliaries);
    let quantifier = doc.is(p - 1, &["all", "no", "any", "in"]) && !floating;
    // The noun it modifies comes next ("they all said the vote ..." is a saying).
    let noun_next = doc.is_word(i + 1)
        && !doc.is_cap(i + 1)
        && !doc.is(i + 1, &doc.lx.quotes.determiners)
        && !doc.is(i + 1, &doc.lx.quotes.pronouns)
        && !doc.is(i + 1, &["that"]);
    doc.is(p - 1, &doc.lx.quotes.determiners) && p < i || quantifier && noun_next
}

/// "the figures reported by the board", "a plan announced by the mayor": a past participle
/// with its agent right after a common noun modifies the noun; the writer reports no act of
/// saying there ("was reported by", "as reported by", "Lee reported by phone" are left alone).
fn reduced_relative(doc: &Doc, i: usize) -> bool {
    let q = &doc.lx.quotes;
    let noun_before = i > 0
        && doc.is_word(i - 1)
        && !doc.is_cap(i - 1)
        && !doc.is(i - 1, &q.auxiliaries)
        && !doc.is(i - 1, &q.be)
        && !doc.is(i - 1, &q.pronouns)
        && !doc.is(i - 1, &q.determiners)
        && !doc.is(i - 1, &["as", "and", "or", "but", "who", "which", "that"])
        && !is_adverb(doc, i - 1);
    // ("responded by saying ...": "by" and a participle is the means, not the agent.)
    let agent = doc.is(i + 1, &["by"]) && !doc.t(i + 2).ends_with("ing");
    doc.t(i).ends_with("ed") && agent && noun_before
}

/// "not everything Lee says is true", "anything she writes will sell": a cue whose subject (a
/// name or a pronoun) follows an indefinite pronoun is a clause on that pronoun, the thing said;
/// what comes after the cue is the writer's sentence going on, not what was said.
fn said_thing(doc: &Doc, i: usize) -> bool {
    let mut p = i;
    while p > 0 && i - p < 4 && doc.is_cap(p - 1) {
        p -= 1;
    }
    if p == i && i > 0 && doc.is(i - 1, &doc.lx.quotes.pronouns) {
        p = i - 1;
    }
    p < i && p > 0 && doc.is(p - 1, &["everything", "anything", "nothing", "something", "whatever"])
}

/// Adverbs of degree that make an "-ing" form after them an adjective ("very telling").
const DEGREE_ADVERBS: &[&str] = &["very", "quite", "so", "too", "particularly", "especially", "increasingly", "less"];

/// "the most telling sign", "a more promising plan", "a very telling remark": an "-ing" form
/// after an adverb of degree is an adjective. "most" and "more" only after a determiner ("with
/// most saying they ..." is a saying).
fn degree_adjective(doc: &Doc, i: usize) -> bool {
    if !doc.t(i).ends_with("ing") || i == 0 {
        return false;
    }
    doc.is(i - 1, DEGREE_ADVERBS)
        || doc.is(i - 1, &["most", "more", "least"]) && i >= 2 && doc.is(i - 2, &doc.lx.quotes.determiners)
}

/// For a plain verb at `i` after "to": the token where its governing verb starts ("went" of
/// "went on to explain"), when the frame is one of `quotes/infinitive-frames.txt` or "went/goes on".
pub(super) fn infinitive_frame(doc: &Doc, i: usize) -> Option<usize> {
    let to = i.checked_sub(1).filter(|&p| doc.is(p, &["to"]))?;
    let v = to.checked_sub(1)?;
    if doc.is(v, &doc.lx.quotes.infinitive_frames) && !doc.is_cap(v) {
        return Some(v);
    }
    // "voters are more likely to say", "Lee was quick to point out": the form of "be" before an
    // adjective frame, words of degree, adverbs and "not" between.
    if doc.is(v, &doc.lx.quotes.adjective_frames) {
        let mut b = v;
        while b > 0
            && v - b < 4
            && (doc.is(b - 1, &doc.lx.quotes.degree_words)
                || doc.is(b - 1, &doc.lx.quotes.middle)
                || is_adverb(doc, b - 1))
        {
            b -= 1;
        }
        return b.checked_sub(1).filter(|&p| doc.is(p, &doc.lx.quotes.be) && !doc.is(p, &["be", "been", "being"]));
    }
    let went = v.checked_sub(1).filter(|_| doc.is(v, &["on"]))?;
    doc.is(went, &["went", "goes", "go"]).then_some(went)
}

/// Whether token `p` is a possessive ("the editor's note", "the minister's claims", "voters' fears"):
/// what follows it is a noun.
fn possessive_noun(doc: &Doc, p: usize) -> bool {
    let t = doc.t(p);
    let apos = t.ends_with("'s") || t.ends_with("\u{2019}s");
    doc.is_possessive(p)
        || apos && !doc.lx.quotes.not_possessive.iter().any(|w| w.eq_ignore_ascii_case(&t.replace('\u{2019}', "'")))
}

/// Whether a verb of thought or intent at `i` is used as a finite verb with a subject: not a
/// passive or adjective ("is expected to", "was found"), not a noun ("his tax plan to"), not an
/// infinitive ("to know that").
fn thought_form(doc: &Doc, i: usize, t: &str, lemma: &str) -> bool {
    let mut p = i;
    while p > 0 && doc.is_word(p - 1) && (doc.is(p - 1, &doc.lx.quotes.middle) || is_adverb(doc, p - 1)) {
        p -= 1;
    }
    let Some(p) = p.checked_sub(1) else { return false };
    let prev = doc.t(p);
    // "is seeking to", ", hoping that": a participle needs its auxiliary or a comma; "investors
    // seeking to" is a noun with a modifier.
    if t.ends_with("ing") {
        return doc.is(p, &doc.lx.quotes.be) || prev == "," || stance_participle(doc, p, lemma);
    }
    // ("4 in 10 want ...": a poll's share of people is a plural subject; other numbers are not.)
    let digit = |w: &str| w.chars().next().is_some_and(|c| c.is_ascii_digit());
    let share = p >= 2 && doc.is(p - 1, &["in", "of"]) && digit(doc.t(p - 2));
    if doc.is(p, &doc.lx.quotes.be) || doc.is(p, &["to"]) || digit(prev) && !share {
        return false;
    }
    if share {
        return true;
    }
    let intent_only = !cues::is_speech(&doc.lx.quotes, lemma) && !cues::is_belief(&doc.lx.quotes, lemma);
    // "you might want to", "those who want to": a writer's aside or a modifier, not an attribution.
    if intent_only && doc.is(p, &["you", "who", "might", "may", "would", "could", "should", "must"]) {
        return false;
    }
    if !t.eq_ignore_ascii_case(lemma) {
        return true;
    }
    // The plain present ("think", "plan") needs a plural or first-person subject, or a modal.
    doc.is(p, &["i", "we", "they", "you", "who", "do", "did", "does", "don't", "didn't", "will", "would", "could"])
        || doc.is(p, &["can", "may", "might", "should", "must", "don\u{2019}t", "didn\u{2019}t"])
        || (doc.is_word(p)
            && !doc.is_cap(p)
            && prev.ends_with('s')
            && !doc.is(p, &doc.lx.quotes.not_plural)
            && !doc.is(p, &doc.lx.quotes.determiners))
        || (doc.is_cap(p) && !doc.is(p, &["The", "A", "An"]))
}

/// "won the vote by promising ...", "the loudest in denouncing the toll", "..., praising X and
/// calling for Y": the "-ing" form of a verb of stance after one of `quotes/stance-participles.txt`
/// (at `p`) is the act of the clause's subject.
pub(super) fn stance_participle(doc: &Doc, p: usize, lemma: &str) -> bool {
    cues::is_object(&doc.lx.quotes, lemma) && doc.is(p, &doc.lx.quotes.stance_participles)
}

/// Whether the words from token `a` read as a clause ("the plan will fail", "he lied"), not a
/// plain object ("the report", "in God"): a subject pronoun first, or a finite auxiliary before
/// the next clause boundary.
pub(super) fn clause_like(doc: &Doc, a: usize, hi: usize) -> bool {
    if doc.is(a, &["it", "you"]) {
        // Object or subject: "knows it well" is not a clause, "knows it is late" is.
        let next = doc.t(a + 1);
        return a + 1 < hi
            && (finite(doc, a + 1) || !doc.is_cap(a + 1) && (next.ends_with("ed") || next.ends_with('s')));
    }
    if doc.is(a, &doc.lx.quotes.clause_subjects) {
        return doc.is_word(a + 1) && a + 1 < hi;
    }
    let first = doc.t(a).replace('\u{2019}', "'");
    if ["it's", "he's", "she's", "there's", "that's", "they're", "we're", "i'm"]
        .contains(&first.to_ascii_lowercase().as_str())
    {
        return true;
    }
    if !doc.is_word(a) || doc.is(a, &doc.lx.quotes.prepositions) {
        return false;
    }
    let mut j = a + 1;
    let inside = |j: usize| doc.is_word(j) || doc.is_mark(j) || doc.is_possessive(j);
    while j < hi && j - a < 12 && inside(j) && !doc.is(j, &["who", "which", "that", "whom", "whose", "where", "when"]) {
        if finite(doc, j) {
            return true;
        }
        j += 1;
    }
    false
}

/// Whether token `i` is a finite auxiliary or copula ("will", "has", "isn't").
pub(super) fn finite(doc: &Doc, i: usize) -> bool {
    let w = doc.t(i).replace('\u{2019}', "'");
    doc.lx.quotes.finite.iter().any(|f| f.eq_ignore_ascii_case(&w))
}

fn is_boundary(doc: &Doc, i: usize, cues: &[Option<Cue>]) -> bool {
    if !doc.is_word(i) {
        // Inner punctuation of names is part of their tokens, and a percent sign of its figure
        // ("61% of riders call ..."); any other punct ends the phrase.
        return !doc.is_possessive(i) && doc.t(i) != "%";
    }
    doc.is(i, &doc.lx.quotes.clause_words)
        || doc.is(i, &doc.lx.quotes.citing)
        || cues.get(i).is_some_and(Option::is_some)
}

/// The subject phrase right before the cue at `cue`, not reaching back before token `lo`:
/// "the military official [added]", "Russian President Vladimir Putin [said]".
pub(super) fn subject_before(doc: &Doc, cue: usize, lo: usize, cues: &[Option<Cue>]) -> Option<(usize, usize)> {
    let mut b = cue;
    while b > lo && doc.is_word(b - 1) && (doc.is(b - 1, &doc.lx.quotes.auxiliaries) || is_adverb(doc, b - 1)) {
        b -= 1;
    }
    // "Lee last week said", "the chairman this past week announced": a time before the verb.
    if b > lo + 2 && doc.is(b - 1, &doc.lx.quotes.periods) {
        let k = if doc.is(b - 2, &["past"]) { b - 2 } else { b - 1 };
        // (Not the time of a participle: "Economists polled last week had expected".)
        let participle = k >= lo + 2 && !doc.is_cap(k - 2) && doc.t(k - 2).ends_with("ed");
        if k > lo + 1 && doc.is(k - 1, &["last", "this", "earlier"]) && !participle {
            b = k - 1;
        }
    }
    // "Smith, the head of X, said": skip the comma that closes an apposition.
    let mut comma = false;
    if b > lo + 1 && doc.t(b - 1) == "," && doc.is_word(b - 2) {
        b -= 1;
        comma = true;
        // "Okoro, who runs a ferry firm in Tema, told": a relative clause set off by commas
        // stands between the subject and its verb; the subject ends at the comma before it.
        if let Some(comma) = relative_clause_start(doc, b, lo, 0).or_else(|| aside_start(doc, b, lo, cues)) {
            b = comma;
        }
    } else if b > lo + 2 && doc.is_mark(b - 1) && doc.t(b - 2) == "," {
        // "Okoro, who calls the plan a "farce," said": the clause ends inside its quote marks.
        if let Some(comma) = relative_clause_start(doc, b - 2, lo, 1) {
            b = comma;
        }
    } else if b > lo + 2 && doc.t(b - 1) == "," && doc.t(b - 2) == ")" {
        // "Sen. Ann Lee (D-Ore.), said": the comma after a designation.
        b -= 1;
    }
    // "Rep. Ann Lee (D-Ore.) said", "Sen. Ann Lee, R-Ky., said": step over the designation.
    if b > lo + 1 && doc.t(b - 1) == ")" {
        let open = (b.saturating_sub(10).max(lo)..b - 1).rev().find(|&j| doc.t(j) == "(");
        if let Some(o) = open.filter(|&o| o > lo) {
            b = o;
        }
    } else if b > lo + 2 && party_tag(doc.t(b - 1)) && doc.t(b - 2) == "," {
        b -= 2;
    } else if b > lo + 4 && doc.t(b - 1) == "," && doc.t(b - 2) == "." && party_tag(doc.t(b - 3)) && doc.t(b - 4) == ","
    {
        // "Sen. Ann Lee, R-Ky., said": the tag with its dot, between commas.
        b -= 4;
    } else if b > lo + 2 && aside_dash(doc, b - 1) {
        // "Many speakers — including farmers and traders — said": step over the aside (typed
        // with dashes, or with hyphens set off by spaces).
        let open = (b.saturating_sub(ASIDE_DASH_TOKENS).max(lo)..b - 1).rev().find(|&j| aside_dash(doc, j));
        if let Some(o) = open.filter(|&o| o > lo) {
            b = o;
        }
    }
    let mut a = b;
    while a > lo && b - a < 20 && !is_boundary(doc, a - 1, cues) {
        a -= 1;
    }
    if a == b || (a > lo && b - a >= 12 && !is_boundary(doc, a - 1, cues)) {
        return None;
    }
    // "Lee commented on the tides, refused to ...": lower-case words right after another cue
    // verb, closed by a comma, are that verb's complement, not a subject.
    // (A cue word that may be a noun, "the German state next to ...", only in the past tense;
    // "first reported by the paper, ..." is a passive's agent.)
    let verb_before = a > lo
        && cues
            .get(a - 1)
            .copied()
            .flatten()
            .is_some_and(|c| !doc.lx.quotes.nounish.contains(&c.lemma) || doc.t(a - 1).ends_with("ed"));
    if comma && verb_before && !doc.is_cap(a) && !doc.is(a, &["by"]) {
        return None;
    }
    // "the only member whom Lee refused": the subject after a relative "whom" is the speaker.
    if let Some(w) = (a..b.saturating_sub(1)).rev().find(|&j| doc.is(j, &["whom"])) {
        return Some((w + 1, b));
    }
    // "Okoro, who calls ...": the relative pronoun stands for the name before its comma.
    if b - a == 1 && doc.is(a, &["who"]) && a > lo + 1 && doc.t(a - 1) == "," {
        let end = a - 1;
        let mut start = end;
        while start > lo && end - start < 7 && doc.is_cap(start - 1) {
            start -= 1;
        }
        if start < end {
            return Some((start, end));
        }
    }
    Some((a, b))
}

/// How far back the comma opening an aside before a cue is looked for, in tokens.
const ASIDE_COMMA_TOKENS: usize = 20;

/// "Blunt, after a long pause, said", "Ruiz, facing a challenge at home, said", "The board,
/// meanwhile, said", "Her office, when contacted, said": the comma that opens an aside set off by
/// commas before the comma at `close`, when the aside opens with a preposition, a subordinator,
/// a connective, an adverb or a participle and holds no cue; the subject ends at that comma.
/// (The comma before the aside may be one of two: "Lee, 22, of Tema, said".)
fn aside_start(doc: &Doc, close: usize, lo: usize, cues: &[Option<Cue>]) -> Option<usize> {
    let floor = close.saturating_sub(ASIDE_COMMA_TOKENS).max(lo + 1);
    let mut j = close;
    let mut commas = 0;
    while j > floor {
        j -= 1;
        if !doc.is_word(j) && doc.t(j) != "," && !doc.is_possessive(j) || cues.get(j).is_some_and(Option::is_some) {
            return None;
        }
        if doc.t(j) != "," {
            continue;
        }
        let k = j + 1;
        let opens = doc.is(k, &doc.lx.quotes.prepositions)
            || doc.is(k, &doc.lx.quotes.subordinators)
            || doc.is(k, &doc.lx.quotes.connectives)
            || is_adverb(doc, k)
            || doc.t(k).len() > 4 && doc.t(k).ends_with("ing") && !doc.is_cap(k);
        // (Not a relative clause holding the speaker: ", in what Lee, the port's chief, called".)
        let relative = (k + 1..close).any(|m| doc.is(m, &doc.lx.quotes.wh));
        // (after a word, or a designation: "Sen. Ann Lee (D-Ore.), facing ..., said")
        if opens && !relative && (doc.is_word(j - 1) || doc.t(j - 1) == ")") && j - 1 > lo {
            return Some(j);
        }
        // A name of more than one word right before the cue is the speaker ("..., as one of
        // them, the Harbour Times's Ama Lee, reported").
        if commas == 0 && doc.is_cap(k) && close - k > 1 {
            return None;
        }
        commas += 1;
        if commas == 2 {
            return None;
        }
    }
    None
}

/// How far back the opening dash of an aside before a cue is looked for, in tokens.
const ASIDE_DASH_TOKENS: usize = 24;

/// A dash that sets off an aside: an em or en dash, or a hyphen or double hyphen with spaces
/// on both sides ("Ana Ruiz - who founded the group - said").
pub(super) fn aside_dash(doc: &Doc, j: usize) -> bool {
    if doc.is_dash(j) {
        return true;
    }
    let spaced = |a: usize, b: usize| doc.text.get(a..b).is_some_and(|g| g.chars().any(char::is_whitespace));
    matches!(doc.t(j), "-" | "--")
        && j > 0
        && spaced(doc.end(j - 1), doc.start(j))
        && j + 1 < doc.toks.len()
        && spaced(doc.end(j), doc.start(j + 1))
}

/// How far back a relative clause set off by commas is looked for, in tokens.
const RELATIVE_CLAUSE_TOKENS: usize = 40;

/// The comma that opens ", who ..." or ", which ..." before the comma at `close`, when the
/// clause has no other cue-like break in it and a word stands before the comma. `marks_after`
/// counts the quote marks between `close` and the cue (a clause may end inside its marks).
fn relative_clause_start(doc: &Doc, close: usize, lo: usize, marks_after: usize) -> Option<usize> {
    let floor = close.saturating_sub(RELATIVE_CLAUSE_TOKENS).max(lo + 1);
    let mut j = close;
    let mut marks = marks_after;
    while j > floor {
        j -= 1;
        if matches!(doc.t(j), "." | "!" | "?" | ";" | ":") {
            return None;
        }
        // Quoted words inside the clause ("who calls him a "sociopath,"") are part of it, but
        // a lone mark means the comma belongs to a quotation.
        if doc.is_mark(j) {
            marks += 1;
        }
        if doc.is(j, &["who", "which"]) && doc.t(j - 1) == "," && marks % 2 == 1 {
            return None;
        }
        if doc.is(j, &["who", "which"]) && doc.t(j - 1) == "," {
            return (j >= 2 && j - 1 > lo && doc.is_word(j - 2)).then_some(j - 1);
        }
    }
    None
}

/// "R-Ky.", "D-Ore": a party and state tag after a legislator's name.
pub(super) fn party_tag(t: &str) -> bool {
    let mut parts = t.splitn(2, '-');
    matches!(parts.next(), Some("R" | "D" | "I"))
        && parts.next().is_some_and(|s| s.chars().next().is_some_and(char::is_uppercase))
}

/// Where the run of capitalised words that ends right before token `v` starts: at most `max`
/// words, never before `lo` (`v` itself when there is none).
pub(super) fn capitalised_run_before(doc: &Doc, v: usize, lo: usize, max: usize) -> usize {
    let mut a = v;
    while a > lo && v - a < max && doc.is_word(a - 1) && doc.is_cap(a - 1) {
        a -= 1;
    }
    a
}

/// Whether tokens `[a, b)` look like a name: capitalised words, title abbreviations, particles.
pub(super) fn name_like(doc: &Doc, a: usize, b: usize) -> bool {
    b > a
        && b - a <= 7
        && (a..b).all(|i| doc.is_cap(i) || doc.is(i, &["de", "da", "van", "von", "bin", "al", "el", "la", "le", "du"]))
}

/// Whether tokens `[a, b)` end in a place named after a preposition ("a nurse in Harbourton",
/// "of Harbour County"): capitalised words, then "in", "of", "from" or "near" before them.
fn ends_in_a_place(doc: &Doc, a: usize, b: usize) -> bool {
    let mut k = b;
    while k > a && doc.is_cap(k - 1) {
        k -= 1;
    }
    k < b && k > a && doc.is(k - 1, &["in", "of", "from", "near"])
}

/// The name that a comma-set apposition starting at token `seg` describes: the name-like
/// words before the comma before it, an age between them skipped ("Ana Ruiz, 67, a nurse").
fn name_before(doc: &Doc, seg: usize, lo: usize, cues: &[Option<Cue>]) -> Option<(usize, usize)> {
    if seg < lo + 2 || doc.t(seg - 1) != "," {
        return None;
    }
    let (start, end) = segment_before_comma(doc, seg - 1, lo, cues);
    name_like(doc, start, end).then_some((start, end))
}

/// The words between the comma at token `comma` and the boundary before them (at most 15
/// tokens), as `(start, end)`; an age set off by commas there is stepped over to the words
/// before it ("Ana Ruiz, 39, a pilot": from the comma after "39", "Ana Ruiz").
fn segment_before_comma(doc: &Doc, comma: usize, lo: usize, cues: &[Option<Cue>]) -> (usize, usize) {
    let start_of = |end: usize| {
        let mut start = end;
        while start > lo && !is_boundary(doc, start - 1, cues) && end - start < 15 {
            start -= 1;
        }
        start
    };
    let start = start_of(comma);
    if comma - start == 1 && is_age(doc.t(start)) && start >= lo + 2 && doc.t(start - 1) == "," {
        return (start_of(start - 1), start - 1);
    }
    (start, comma)
}

/// The capitalised name whose possessive stands right before the cue at `cue` ("Ana Ruiz's",
/// "the Unionists'"), up to five words.
fn possessor_before(doc: &Doc, cue: usize, lo: usize) -> Option<(usize, usize)> {
    let k = cue.checked_sub(1).filter(|&k| k > lo)?;
    let t = doc.t(k);
    let end = if doc.is_possessive(k) {
        k
    } else if doc.is_cap(k) && (t.ends_with("'s") || t.ends_with("\u{2019}s")) {
        k + 1
    } else {
        return None;
    };
    let mut start = end;
    while start > lo && doc.is_cap(start - 1) && end - start < 5 {
        start -= 1;
    }
    (start < end && name_like(doc, start, end)).then_some((start, end))
}

/// Whether `w` is a person's age as news writes it after a name: a number of one to three digits.
fn is_age(w: &str) -> bool {
    (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
}

/// Whether tokens `[a, b)` look like an apposition ("the head of the national centre"): a noun
/// phrase of modest length with no finite verb.
fn appositive(doc: &Doc, a: usize, b: usize) -> bool {
    b > a && b - a <= 14 && (a..b).all(|i| doc.is_word(i) && !verbish(doc, i))
}

/// The speaker before `cue` with its appositions. When the phrase next to the cue is a noun
/// phrase and a name sits before it ("Smith, the head of X, said"), the name is the speaker.
pub(super) fn speaker_chain(doc: &Doc, cue: usize, lo: usize, cues: &[Option<Cue>]) -> Option<Chain> {
    // "Unionists joined Ana Ruiz's call for a vote": after a possessor the cue is a noun, and
    // the possessor is who calls, not the clause's subject.
    if let Some(p) = possessor_before(doc, cue, lo) {
        return Some(Chain { speaker: p, start: p.0 });
    }
    let (a, b) = subject_before(doc, cue, lo, cues)?;
    if a >= lo + 2 && doc.t(a - 1) == "," {
        // ("Ana Ruiz, 39, a fisherman, said": an age stands between the name and its apposition.)
        let (seg, seg_end) = segment_before_comma(doc, a - 1, lo, cues);
        // "a retired nurse in Harbourton, Pa., said": the state after its town ends the
        // apposition and names nobody; the speaker is the name before the apposition, if any
        // ("Ana Ruiz, 67, a retired nurse in ..."), else the apposition with its place.
        // (the state set off by commas: "Speaking in Harbourton, Lee said" names Lee)
        if b - a <= 3 && doc.is_cap(a) && doc.t(b) == "," && ends_in_a_place(doc, seg, seg_end) {
            if let Some(name) = name_before(doc, seg, lo, cues) {
                return Some(Chain { speaker: name, start: name.0 });
            }
            // (not an opening adverbial: "Speaking in Harbourton, Lee, smiling, said")
            let adverbial = doc.t(seg).ends_with("ing") || doc.is(seg, &doc.lx.quotes.prepositions);
            if !adverbial {
                return Some(Chain { speaker: (seg, b), start: seg });
            }
        }
        // A pronoun takes no name before it ("However, he added": the connective is no speaker);
        // an apposition is closed by a comma before the cue ("Smith, a lawyer, said"), so "In
        // Tema, a new poll shows" names no speaker before the comma.
        let closed = doc.t(b) == "," || aside_dash(doc, b);
        // ("Ana Ruiz, Mayor of Faro, said", "Ivo Marek, Unionist of Harbour County, said": a
        // capitalised role with its "of" part describes the name before it.)
        let role_of = b - a >= 3 && doc.is_cap(a) && doc.is(a + 1, &["of", "for"]);
        let nominal = closed
            && (!doc.is_cap(a) || doc.is(a, &["the", "a", "an"]) || role_of)
            && !doc.is(a, &doc.lx.quotes.pronouns);
        // "Still, the newspaper reported": a sentence adverb before the comma is not a name.
        let adverb = seg_end - seg == 1 && (doc.is(seg, &doc.lx.quotes.connectives) || is_adverb(doc, seg));
        if nominal && !adverb && name_like(doc, seg, seg_end) {
            return Some(Chain { speaker: (seg, seg_end), start: seg });
        }
        // "CONTENT, the head of Y, X, said": the apposition belongs to the speaker, and the
        // content ends at the comma before it.
        if name_like(doc, a, b) && seg > lo && doc.t(seg - 1) == "," && appositive(doc, seg, seg_end) {
            return Some(Chain { speaker: (a, b), start: seg });
        }
    }
    Some(Chain { speaker: (a, b), start: a })
}

/// The speaker written after its cue ("said Smith", "said the minister", "said he").
pub(super) fn object_after(doc: &Doc, from: usize, hi: usize) -> Option<(usize, usize)> {
    let first_ok =
        doc.is_word(from) && !doc.is(from, &doc.lx.quotes.after_stop) && !doc.is(from, &doc.lx.quotes.adverbial);
    if from >= hi || !first_ok {
        return None;
    }
    let mut b = from;
    while b < hi
        && b - from < 10
        && (doc.is_word(b) || doc.is_possessive(b))
        && !(b > from && !doc.is_cap(b) && doc.is(b, &doc.lx.quotes.after_stop))
    {
        b += 1;
    }
    if doc.is(from, &doc.lx.quotes.pronouns) {
        b = from + 1;
    }
    (b > from).then_some((from, b))
}

/// What follows a cue verb, for indirect speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum After {
    /// "said (on Monday) that CONTENT": content starts at this token.
    That(usize),
    /// "said CONTENT": content starts at this token.
    Bare(usize),
    /// Nothing but adverbials up to the sentence end ("said on Wednesday.").
    End,
}

/// Reads what follows the cue ending at token `from` in a sentence ending at `hi`.
pub(super) fn after_cue(doc: &Doc, from: usize, hi: usize) -> After {
    let at_end = |j: usize| j >= hi || (matches!(doc.t(j), "." | "!" | "?") && j + 1 >= hi);
    // "said — on the radio, as it happens — that ...": step over the aside.
    if doc.is_dash(from) {
        let close = (from + 1..hi.min(from + 14)).find(|&j| doc.is_dash(j));
        if let Some(close) = close.filter(|&j| doc.is(j + 1, &["that"])) {
            return After::That(close + 2);
        }
    }
    if at_end(from) || matches!(doc.t(from), "," | ";" | "(" | "\u{2014}" | "\u{2013}") {
        return After::End;
    }
    // ("said that was a mistake": "that" before a finite verb is the clause's subject.)
    if doc.is(from, &["that"]) && !finite(doc, from + 1) {
        return After::That(from + 1);
    }
    // "said Thursday his plan ...": a one-word day, then the content without "that".
    let day = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday"];
    if doc.is(from, &day)
        && doc.is_word(from + 1)
        && !doc.is(from + 1, &doc.lx.quotes.adverbial)
        && !doc.is(from + 1, &doc.lx.quotes.day_parts)
    {
        return if doc.is(from + 1, &["that"]) { After::That(from + 2) } else { After::Bare(from + 1) };
    }
    // "said Tuesday night he ...": a weekday and a part of the day.
    if doc.is(from, &day[..7]) && doc.is(from + 1, &doc.lx.quotes.day_parts) && !doc.is(from + 1, &["and", "or"]) {
        let j = from + 2;
        if doc.is(j, &["that"]) {
            return After::That(j + 1);
        }
        if j < hi && doc.is_word(j) && !doc.is(j, &doc.lx.quotes.adverbial) && clause_like(doc, j, hi) {
            return After::Bare(j);
        }
    }
    // "reported last month that ...", "said this week the ...": a relative time of two words.
    if doc.is(from, &["last", "this", "next", "earlier", "late"]) && doc.is(from + 1, &doc.lx.quotes.periods) {
        let j = from + 2;
        if doc.is(j, &["that"]) {
            return After::That(j + 1);
        }
        if j < hi && doc.is_word(j) && !doc.is(j, &doc.lx.quotes.adverbial) && clause_like(doc, j, hi) {
            return After::Bare(j);
        }
    }
    // "said on Monday the plan ...", "said on Friday night that ...": a weekday after "on"
    // (and a part of the day), then the content with or without "that".
    if doc.is(from, &["on"]) && doc.is(from + 1, &day[..7]) {
        let mut j = from + 2;
        if doc.is(j, &doc.lx.quotes.day_parts) && !doc.is(j, &["and", "or"]) {
            j += 1;
        }
        if doc.is(j, &["that"]) {
            return After::That(j + 1);
        }
        if j < hi && doc.is_word(j) && !doc.is(j, &doc.lx.quotes.adverbial) && clause_like(doc, j, hi) {
            return After::Bare(j);
        }
    }
    // "said frankly, the plan was ...": a sentence adverb and its comma open the content.
    if is_adverb(doc, from) && doc.t(from + 1) == "," && from + 2 < hi && clause_like(doc, from + 2, hi) {
        return After::Bare(from + 2);
    }
    // "say this is the worst season": "this" before a finite verb is the clause's subject, not
    // the start of a time ("said this week ...").
    if doc.is(from, &["this"]) && finite(doc, from + 1) {
        return After::Bare(from);
    }
    // "suggest this shift has little to do with ...", "say these new tolls will ...": "this"
    // or "these" and a noun or two before a finite verb open the clause, not a time ("said
    // this week ..."); the adverbial scan below would run on to a "that" deep in the clause.
    if doc.is(from, &["this", "these"])
        && !doc.is(from + 1, &doc.lx.quotes.periods)
        && !doc.is(from + 1, &doc.lx.quotes.day_parts)
        && (from + 2..hi.min(from + 4))
            .any(|v| finite(doc, v) && (from + 1..v).all(|k| doc.is_word(k) && !doc.is_cap(k) && !finite(doc, k)))
    {
        return After::Bare(from);
    }
    // "told him and his aides to ...": a conjunction right after the hearer joins another
    // part of the sentence, it opens no content.
    if doc.is(from, &["and", "or"]) {
        return After::End;
    }
    if doc.is(from, &doc.lx.quotes.adverbial) || is_adverb(doc, from) {
        let mut j = from;
        // A quote mark ends the adverbial ("vowed to "take our fight" to voters that ...").
        while j < hi && doc.t(j) != "," && doc.t(j) != ";" && !doc.is_mark(j) {
            if doc.is(j, &["that"]) {
                return After::That(j + 1);
            }
            // "said in a statement Thursday they would ...": a pronoun subject after the
            // occasion opens the content.
            if j > from + 1 && doc.is(j, &doc.lx.quotes.occasion_subjects) && finite_or_past(doc, j + 1) {
                return After::Bare(j);
            }
            j += 1;
        }
        // "said on the radio, where he is a guest, that ...": an aside set off by commas
        // between the occasion and "that".
        if j < hi && doc.t(j) == "," {
            if let Some(that) = that_after_aside(doc, j, hi) {
                return After::That(that);
            }
        }
        return After::End;
    }
    After::Bare(from)
}

/// Whether token `j` is a finite auxiliary or a lowercase past or present verb ("would", "pulled").
fn finite_or_past(doc: &Doc, j: usize) -> bool {
    let t = doc.t(j);
    finite(doc, j) || doc.is_word(j) && !doc.is_cap(j) && t.len() > 3 && (t.ends_with("ed") || t.ends_with('s'))
}

/// The most tokens an aside between the occasion of a saying and its "that" may hold.
const ASIDE_TOKENS: usize = 24;

/// For the comma at `comma` after an occasion: the content start after `, that` when the aside
/// between holds only words and commas (no quote mark, cue-like break or sentence end).
pub(super) fn that_after_aside(doc: &Doc, comma: usize, hi: usize) -> Option<usize> {
    let end = hi.min(comma + ASIDE_TOKENS);
    let mut j = comma + 1;
    while j < end && (doc.is_word(j) || doc.t(j) == ",") {
        if doc.t(j) == "," && doc.is(j + 1, &["that"]) {
            return Some(j + 2);
        }
        j += 1;
    }
    None
}

/// The most words between "cited" and "as saying": "cited Deputy Energy Minister Ana Ruiz as saying".
const CITED_OBJECT: usize = 8;

/// For "as" at `i`: the verb of citing that opens its object ("cited [the minister] as").
fn cited_before(doc: &Doc, i: usize) -> Option<usize> {
    (2..=CITED_OBJECT + 1)
        .take_while(|&k| i >= k && (doc.is_word(i - k + 1) || doc.is_possessive(i - k + 1)))
        .map(|k| i - k)
        .find(|&v| doc.is(v, &doc.lx.quotes.citing))
}

/// For a verb of citing at `v`: the "as" of "cited X as saying" when it follows.
fn cited_object_end(doc: &Doc, v: usize) -> Option<usize> {
    (v + 2..=v + CITED_OBJECT + 1)
        .take_while(|&j| doc.is_word(j) || doc.is_possessive(j))
        .find(|&j| doc.is(j, &["as"]) && doc.is(j + 1, &doc.lx.quotes.as_saying))
}

pub(super) fn is_adverb(doc: &Doc, i: usize) -> bool {
    let t = doc.t(i);
    t.len() > 4 && t.ends_with("ly") && !doc.is_cap(i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_text::segment::sentences;

    fn phrase(text: &str, cue_word: &str) -> Option<String> {
        let doc = Doc::new(text, &sentences(text));
        let cs = cues(&doc);
        let k = (0..doc.toks.len()).find(|&i| doc.t(i) == cue_word)?;
        let ch = speaker_chain(&doc, k, 0, &cs)?;
        doc.span(ch.speaker.0, ch.speaker.1).map(|s| text[s.0..s.1].to_string())
    }

    #[test]
    fn subjects() {
        assert_eq!(
            phrase("Prices rose, Finance Minister Ana Ruiz said.", "said").as_deref(),
            Some("Finance Minister Ana Ruiz")
        );
        assert_eq!(
            phrase("Prices rose, the senior diplomat has also said.", "said").as_deref(),
            Some("the senior diplomat")
        );
        assert_eq!(
            phrase("Prices rose, Ana Ruiz, the head of the central bank, said.", "said").as_deref(),
            Some("Ana Ruiz")
        );
        assert_eq!(
            phrase("Prices rose, the head of the central bank, Dr. Ana Ruiz, said.", "said").as_deref(),
            Some("Dr. Ana Ruiz")
        );
    }

    #[test]
    fn nouns_are_not_cues() {
        let text = "The report said little. His claims were denied. She declined to comment.";
        let doc = Doc::new(text, &sentences(text));
        let found: Vec<&str> = cues(&doc).iter().flatten().map(|c| doc.t(c.start)).collect();
        // "declined" is a verb of intent ("declined to comment"); "comment" after "to" is not a cue.
        assert_eq!(found, ["said", "denied", "declined"]);
    }
}
