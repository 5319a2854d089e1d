//! Reported speech: a cue verb outside quote marks and the clause it reports.
//!
//! The forms, each read off the tokens around the cue: "X said (on Monday) (that) CONTENT",
//! "X told reporters (that) CONTENT", "CONTENT, X said (on Wednesday).", the lead-sentence form
//! "CONTENT, the head of Y, X, said.", "CONTENT, said X.", "according to X, CONTENT" and
//! "CONTENT, according to X". A participle after a comma ("..., adding that CONTENT") reports
//! for the speaker of the cue before it in the sentence. Noun cues ([`super::noun_cues`]) report
//! their "that" clause: "the mayor's claim that CONTENT", "a warning by X that CONTENT".

use dateline_text::Span;

use super::doc::verbish;
use super::doc::Doc;
use super::marks::Region;
use super::noun_cues::noun_cues;
use super::phrase::{
    after_cue, clause_like, finite, is_adverb, name_like, object_after, speaker_chain, subject_before, After, Chain,
    Cue,
};
use super::Found;
use crate::QuoteKind;

/// Reported speech in the sentences of the article.
pub(super) fn find(doc: &Doc, quoted: &[bool], cues: &[Option<Cue>], used: &[bool], direct: &[Found]) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    for &(sa, sb) in &doc.sents {
        let lo = after_dateline(doc, sa, sb);
        let mut k = lo;
        while k < sb {
            let Some(c) = cues.get(k).copied().flatten() else {
                k += 1;
                continue;
            };
            if used.get(k).copied().unwrap_or(false) || quoted.get(k).copied().unwrap_or(false) {
                k = c.end;
                continue;
            }
            let found = if c.lemma == "according" {
                according(doc, c, lo, sb)
            } else {
                verb(doc, c, lo, sb, cues, direct, &out)
            };
            let found: Vec<Found> =
                found.into_iter().map(|f| trim_content(doc, cues, quoted, c.lemma != "according", f)).collect();
            let next = found.iter().map(|f| doc.tok_at(f.content.1)).max().unwrap_or(0).max(c.end);
            out.extend(found);
            k = next;
        }
    }
    // "the senator's claim that CONTENT", "a warning by the agency that CONTENT": noun cues, after
    // the verbs so that a verb's own reading of the sentence wins where both apply.
    let mut nouns = Vec::new();
    for &(sa, sb) in &doc.sents {
        let lo = after_dateline(doc, sa, sb);
        nouns.extend(noun_cues(doc, lo, sb, cues, quoted));
    }
    for f in nouns {
        // A clause another cue already reports ("said in a statement that ...", "dismissed claims
        // that ...") is not read twice.
        let twice = |o: &Found| contains(f.content, o.content) || contains(o.content, f.content);
        if !out.iter().chain(direct).any(twice) {
            out.push(f);
        }
    }
    for &(sa, sb) in &doc.sents {
        if let Some(f) = labelled(doc, sa, sb, cues, quoted)
            .or_else(|| study(doc, sa, sb, cues, quoted))
            .or_else(|| study_after(doc, after_dateline(doc, sa, sb), sb, cues, quoted))
        {
            // The study speaks for the stance verbs inside its finding.
            let stance_inside = |o: &Found| {
                contains(f.content, o.content)
                    && o.cue.is_some_and(|c| {
                        cues.get(doc.tok_at(c.0))
                            .copied()
                            .flatten()
                            .is_some_and(|c| super::cues::is_object(&doc.lx.quotes, c.lemma))
                    })
            };
            out.retain(|o| !stance_inside(o));
            if !out.iter().chain(direct).any(|o| o.content.0 < f.content.1 && f.content.0 < o.content.1) {
                out.push(f);
            }
        }
    }
    // "X said: "... Vladimir Lee had said that the port would reopen ..."": a named person's
    // words the speaker reports inside the direct quote.
    for f in direct.iter().filter(|f| f.kind == QuoteKind::Direct) {
        out.extend(nested_in_direct(doc, cues, quoted, f));
    }
    // Impressions and views with no verb of saying, where nothing else reports the words.
    let taken = super::SpanIndex::new(out.iter().chain(direct).map(|o| o.content));
    for &(sa, sb) in &doc.sents {
        let lo = after_dateline(doc, sa, sb);
        out.extend(
            super::hedges::find(doc, lo, sb, cues, quoted).into_iter().filter(|f| !taken.overlaps_any(f.content)),
        );
    }
    out.sort_by_key(|f| f.content.0);
    out
}

/// The most words of a name that opens a report nested in a direct quote.
const MAX_NESTED_NAME: usize = 4;

/// `"It is important that Ama Lee had said that the ferry would run, and ..."`: inside a direct
/// quote, a name of two to four capitalised words right before "said"/"has said"/"had said"
/// and "that" reports that person's words, as the speaker tells them. Only this form is read:
/// a pronoun or a noun phrase inside quote marks may stand for anyone in the speaker's story,
/// and the name must open its clause (a sentence start, a comma or a bracket before it).
fn nested_in_direct(doc: &Doc, cues: &[Option<Cue>], quoted: &[bool], f: &Found) -> Option<Found> {
    let (a, b) = (doc.tok_at(f.content.0), doc.tok_at(f.content.1));
    let k = (a..b).find(|&k| {
        cues.get(k).copied().flatten().is_some_and(|c| c.lemma == "say" && doc.is(c.end, &["that"])) && !doc.is_cap(k)
    })?;
    let c = cues.get(k).copied().flatten()?;
    let v = if doc.is(k - 1, &["had", "has"]) { k - 1 } else { k };
    let s = super::phrase::capitalised_run_before(doc, v, a, MAX_NESTED_NAME);
    let opens = s == a || matches!(doc.t(s - 1), "," | "(" | ")" | "." | ";" | ":");
    if v - s < 2 || !opens || !super::phrase::name_like(doc, s, v) {
        return None;
    }
    // (", and when he saw it he doubted": the speaker's own story goes on after ", and"/", but".)
    let hi = doc.sent_of(k).map_or(b, |i| doc.sents[i].1.min(b));
    let hi = (c.end + 2..hi).find(|&j| doc.t(j) == "," && doc.is(j + 1, &["and", "but"])).unwrap_or(hi);
    let content = content_to_end(doc, c.end + 1, hi)?;
    let found = Found { kind: QuoteKind::Indirect, content, cue: doc.span(v, c.end), speaker: doc.span(s, v) };
    Some(trim_content(doc, cues, quoted, true, found))
}

/// Trims the reported clauses the direct stage found (`X says "..." despite ...`) like any other.
pub(super) fn trim_clauses(doc: &Doc, quoted: &[bool], cues: &[Option<Cue>], found: &mut [Found]) {
    for f in found.iter_mut().filter(|f| f.kind == QuoteKind::Indirect) {
        *f = trim_content(doc, cues, quoted, true, *f);
    }
}

/// Ends reported content where the sentence turns to another act of the speaker or to another
/// attribution: ", noting that ...", "... but added ...", "... and calls her ...", "; ...",
/// ", and most voters said ...". After a verb cue, once the content is a whole clause, a
/// relative clause (", which ...") and the occasion of the saying ("... in an interview on
/// Sunday", "... on condition of anonymity") end it too. The content keeps at least two words.
fn trim_content(doc: &Doc, cues: &[Option<Cue>], quoted: &[bool], verb_cue: bool, mut f: Found) -> Found {
    let (a, e) = (doc.tok_at(f.content.0), doc.tok_at(f.content.1));
    let cue_at = |j: usize| cues.get(j).is_some_and(Option::is_some);
    let verb_at = |j: usize| {
        cue_at(j)
            || !doc.is_cap(j) && super::cues::lemma(doc.lx, doc.t(j)).is_some() && !doc.t(j).ends_with("ing")
            || doc.is(j, &doc.lx.quotes.naming) && !doc.is_cap(j)
    };
    // "said the board erred and called the vote a farce": a cue or a naming verb after "and"
    // is another act of the speaker; any other verb ("... and want to ...") goes on with what
    // was said.
    // ("... and reports that ..." is read as a verb too: the speaker's, more often than not.)
    let reports_that = |j: usize| {
        doc.t(j).ends_with('s')
            && doc.is(j + 1, &["that"])
            && super::cues::lemma(doc.lx, doc.t(j)).is_some_and(|l| super::cues::is_speech(&doc.lx.quotes, l))
    };
    let second_act = |j: usize| cue_at(j) || doc.is(j, &doc.lx.quotes.naming) && !doc.is_cap(j) || reports_that(j);
    let participle = |j: usize| doc.t(j).ends_with("ing") && super::cues::lemma(doc.lx, doc.t(j)).is_some();
    // ", and most voters said ...": a second attribution, which is read on its own.
    let new_attribution = |j: usize| {
        (j + 2..e.min(j + 12)).take_while(|&m| doc.is_word(m) && !quoted.get(m).copied().unwrap_or(false)).any(cue_at)
    };
    // ", Lee said ...": a name of up to five words, then a verb of saying.
    // (At the end of the sentence, ", BFM TV reported.", it ends any content, a whole clause or not.)
    let named_attribution = |j: usize, clause: bool| {
        let m = (j..e.min(j + 6)).find(|&m| !doc.is_cap(m)).unwrap_or(j);
        let last = m + 1 >= e || m + 2 >= e && matches!(doc.t(m + 1), "." | "!" | "?");
        m > j
            && cues.get(m).copied().flatten().is_some_and(|c| super::cues::is_speech(&doc.lx.quotes, c.lemma))
            && !quoted.get(m).copied().unwrap_or(false)
            && (clause || last)
    };
    // A relative clause or an occasion ends the content only once the content is a whole clause
    // ("said the bomber, who was 28, had trained abroad" keeps going).
    // "According to X, CONTENT" attributes the whole sentence, relative clauses included.
    // ("they're liberal": a subject contracted with its verb is a whole clause too.)
    let contracted_subject = verb_cue && {
        let t = doc.t(a).to_ascii_lowercase().replace('\u{2019}', "'");
        t.split_once('\'').is_some_and(|(stem, verb)| {
            matches!(verb, "re" | "s" | "ll" | "ve" | "d" | "m") && doc.lx.quotes.pronouns.contains(&stem)
        })
    };
    // ("vowed to close the pier, which ...": an infinitive with its verb is a whole predicate.)
    let infinitive = verb_cue && doc.is(a, &["to"]) && doc.is_word(a + 1) && !doc.is_cap(a + 1);
    let whole = |j: usize| {
        verb_cue && !doc.is(a, &["to"]) && (a + 1..j).any(|m| finite(doc, m) || past_tense(doc, m))
            || contracted_subject
            || infinitive && j > a + 2
    };
    let relative = f.cue.is_some_and(|c| in_relative_clause(doc, doc.tok_at(c.0)));
    let fronted_cue = f.cue.is_some_and(|c| c.0 >= f.content.1);
    let relative_to_end = |j: usize| {
        verb_cue
            && doc.is(j + 1, &["which"])
            && !quoted.get(j).copied().unwrap_or(false)
            && f.cue.is_some_and(|c| c.0 < f.content.0)
            && (j + 2..e).all(|m| doc.t(m) != ",")
    };
    // "urged the crews to stay in port, and the ferry was ...": after an infinitive (with its
    // hearer: no finite verb before the "to"), ", and" or ", but" and a new subject with its
    // own finite verb is the writer's next clause.
    let to_infinitive = verb_cue
        && !fronted_cue
        && (a..e.min(a + 4))
            .any(|m| doc.is(m, &["to"]) && doc.is_word(m + 1) && !doc.is_cap(m + 1) && (a..m).all(|x| !finite(doc, x)));
    let new_clause = |k: usize| {
        (doc.is(k, &["the", "a", "an", "his", "her", "their", "its"]) || doc.is_cap(k))
            && (k + 1..e.min(k + 5)).take_while(|&m| doc.is_word(m)).any(|m| finite(doc, m))
    };
    let ing_gloss = |j: usize| {
        let t = doc.t(j);
        t.len() > 5
            && t.ends_with("ing")
            && !doc.is_cap(j)
            && doc.is_word(j + 1)
            && !doc.is(j, &["including", "according", "having", "being"])
    };
    // The sentence's own verb after a relative clause: "..., do not cover ferries", "..., later left".
    let verb = |m: usize| verbish(doc, m) || doc.is(m, &doc.lx.quotes.irregular_past);
    let main_verb = |m: usize| {
        verb(m)
            || (is_adverb(doc, m) || doc.is(m, &["later", "then", "also", "still", "never", "soon", "now"]))
                && verb(m + 1)
    };
    // "endorsed Lee - her first pick in a race this year", "vowed to fund the pier — a pledge
    // ...": after a verb of stance or intent, a lone dash turns to the writer's gloss (a pair of
    // dashes is an aside inside the content).
    let q = &doc.lx.quotes;
    let lemma = f.cue.and_then(|c| cues.get(doc.tok_at(c.0)).copied().flatten()).map(|c| c.lemma);
    let stance = lemma.is_some_and(|l| {
        (super::cues::is_object(q, l) || super::cues::is_intent(q, l)) && !super::cues::is_belief(q, l)
    });
    // "CONTENT, X said": the content comes before its cue.
    let fronted = f.cue.is_some_and(|c| c.0 >= f.content.1);
    let one_dash = (a..e).filter(|&j| super::phrase::aside_dash(doc, j)).count() == 1;
    let lone_dash = stance && one_dash;
    // "said she saw the pier burn - the third fire this year": so after a verb of saying, when
    // the dash stands outside quote marks and does not go on with the report ("- and that ...",
    // "- including ...").
    let speech = verb_cue && !fronted && lemma.is_some_and(|l| super::cues::is_speech(q, l));
    let said_dash = |j: usize| {
        speech
            && one_dash
            && !quoted.get(j).copied().unwrap_or(false)
            && !doc.is(j + 1, &["and", "including", "especially"])
    };
    // "backed the levy despite her doubts", "praised the crews during a visit": a stance verb's
    // object ends before the circumstances of the act.
    let object_only = lemma.is_some_and(|l| {
        super::cues::is_object(q, l) && !super::cues::is_intent(q, l) && !super::cues::is_belief(q, l)
    }) && !doc.is(a, &["to", "that"]);
    // ("endorsed Lee - the first time ...": after a one-word object too.)
    let one_word_dash = (lone_dash && a + 1 < e && super::phrase::aside_dash(doc, a + 1)).then_some(a + 1);
    // ("endorsed Lee despite ...", "backed Osei during ...": so do the circumstances.)
    let one_word_circumstance = (object_only && a + 1 < e && doc.is(a + 1, &q.object_circumstances)).then_some(a + 1);
    let stop = one_word_dash.or(one_word_circumstance).or_else(|| (a + 2..e).find(|&j| match doc.t(j) {
        ";" => true,
        _ if (lone_dash || said_dash(j)) && super::phrase::aside_dash(doc, j) => true,
        "," => {
            // `said it was "too late," adding ...`, `... "a good plan," while Mensah said ...`: a
            // comma inside the closing mark, before another act of saying or another speaker,
            // ends the content too (which then closes its quote). (Not for content that opens
            // with the quote: `"...," Lee said, adding ...`.)
            let opens_quoted = doc.is_mark(a) || quoted.get(a).copied().unwrap_or(false);
            let m = if !opens_quoted && quoted.get(j).copied().unwrap_or(false) && doc.is_mark(j + 1) {
                if doc.is_mark(j + 2) && doc.mark_start(j + 2) == j + 1 { j + 2 } else { j + 1 }
            } else {
                j
            };
            m > j && (participle(m + 1) || doc.is(m + 1, &["and", "but", "while", "whereas", "though", "although", "after", "before"]) && new_attribution(m + 1))
                || participle(j + 1)
                || doc.is(j + 1, &["before", "after", "while", "then"]) && participle(j + 2) && cue_at(j + 2)
                // ("vowed to cut the toll, while raising ..."): after an infinitive, any participle.
                || infinitive && doc.is(j + 1, &["before", "after", "while"]) && doc.t(j + 2).ends_with("ing")
                || doc.is(j + 1, &["according", "echoing"])
                || doc.is(j + 1, &doc.lx.quotes.clause_turns) && whole(j)
                // "urged the board to close the pier, which ...", "said Lee's lead in the polls,
                // which is ...": a relative clause on "which" that runs to the end (no comma
                // closes it before a verb of the content's own) is the writer's, whole clause or not.
                || relative_to_end(j)
                // ", even though ...", ", although ...": a concession the writer adds.
                || (doc.is(j + 1, &doc.lx.quotes.concessive) || doc.is(j + 1, &["even"]) && doc.is(j + 2, &["as", "though", "if", "while"]))
                    && whole(j)
                || doc.is(j + 1, &["and", "but", "while", "whereas", "though", "although", "after", "before"]) && new_attribution(j + 1)
                // ", and urged the board to ...": the speaker's next act, as without the comma.
                || doc.is(j + 1, &["and"]) && second_act(j + 2) && !plural_noun(doc, j + 2)
                // ", but insists ...": the speaker turns to another act.
                || doc.is(j + 1, &["but"]) && verb_at(j + 2) && !doc.is(j + 2, &["that"]) && !plural_noun(doc, j + 2)
                // ", Lee said on Friday that ...": a second attribution with its own subject.
                || named_attribution(j + 1, whole(j))
                // "vowed to cut the toll, Lee has run on ...": the sentence's own clause after an
                // opening one.
                || infinitive && named_clause(doc, j + 1)
                // "..., a requirement that ...": a noun phrase summing up the clause is the writer's.
                || doc.is(j + 1, &["a", "an"]) && whole(j) && !fronted
                // "61% of riders call the ferry too slow, 25% too dear": another poll figure.
                || percent_figure(doc, j + 1) && whole(j)
                // ", but he sounded ...": the speaker, as a pronoun, does something else.
                || doc.is(j + 1, &["but"]) && doc.is(j + 2, &["he", "she", "they"]) && past_tense(doc, j + 3) && whole(j)
                // ", putting them ahead of ...": a participle after a whole clause is the writer's
                // gloss on it.
                || ing_gloss(j + 1) && whole(j)
                // "tweeted a chart of the fares, just a day after the strike": the time of the act,
                // set against another event, is the writer's.
                || doc.is(j + 1, &["just"]) && just_before_or_after(doc, j + 2) && !fronted
                || to_infinitive && doc.is(j + 1, &["and", "but"]) && new_clause(j + 2)
                // ", however this time ...": the writer turns to another clause.
                || doc.is(j + 1, &["however"]) && doc.is_word(j + 2) && whole(j)
                // "X, who said he would come, did not": the comma closing the relative clause,
                // once the content has a verb ("who said the toll, already high, would rise" goes on).
                || relative && main_verb(j + 1) && (a..j).any(|m| finite(doc, m) || past_tense(doc, m))
        }
        _ if object_only && doc.is(j, &doc.lx.quotes.object_circumstances) => true,
        _ => {
            doc.is(j, &["and", "but"])
                && (doc.is_word(j - 1) || doc.is_mark(j - 1) || super::phrase::aside_dash(doc, j - 1))
                && second_act(j + 1)
                && !doc.is(j + 1, &["that"])
                && !plural_noun(doc, j + 1)
                // "most riders said fares were too high, compared with a third last year": the
                // writer sets another figure against the one reported.
                || doc.is(j, &["compared"]) && doc.is(j + 1, &["with", "to"]) && whole(j) && !fronted
                // (Only after the cue: inside content that comes before it, "in debate prep" is
                // not the occasion of the saying.)
                || occasion(doc, j, e) && whole(j) && !fronted
                // "... before noting that ...": a second cue ends the content.
                || doc.is(j, &["before", "after", "while", "then"]) && participle(j + 1) && cue_at(j + 1)
                // "acknowledged some errors even as he defended the board": the writer sets
                // another act against the one reported.
                || doc.is(j, &["even"]) && doc.is(j + 1, &["as"]) && !doc.is(j - 1, &["and", "or"])
                // "vowed to keep the pier open and praised the crews": an infinitive goes on with
                // a bare verb, so a past or finite verb after "and" is the speaker's next act.
                // (Not inside quote marks, nor before an adjective: "the posh and well-connected".)
                || infinitive
                    && j > a + 2
                    && doc.is(j, &["and"])
                    && !quoted.get(j).copied().unwrap_or(false)
                    && (past_tense(doc, j + 1) && !doc.t(j + 1).contains('-') || finite(doc, j + 1))
        }
    }));
    // "endorsed Lee last week", "announced his bid in June 2015": after a short object, the time
    // of the act is no part of what was endorsed or announced.
    let object_reading = lemma.is_some_and(|l| super::cues::is_object(q, l) || super::cues::object_too(q, l))
        && !doc.is(a, &["to", "that"])
        && !fronted;
    let stop = match stop {
        None if object_reading => {
            let mut end = e;
            while end > a && matches!(doc.t(end - 1), "." | ",") {
                end -= 1;
            }
            (a + 1..end.min(a + 1 + MAX_TIMED_OBJECT)).find(|&j| time_tail(doc, j, end))
        }
        stop => stop,
    };
    if let Some(mut j) = stop {
        // "... -- but said ...": the dash before the conjunction goes too.
        if j > a + 2 && super::phrase::aside_dash(doc, j - 1) {
            j -= 1;
        }
        // "..., compared with ...": nor does the comma before the stop belong to the content,
        // nor a dash written as hyphens ("... the floor -- even as ...").
        while j > a + 2 && (doc.t(j - 1) == "," || doc.t(j - 1) == "-" && doc.t(j - 2) == "-") {
            j -= if doc.t(j - 1) == "," { 1 } else { 2 };
        }
        if let Some(span) = doc.span(a, j) {
            f.content = span;
        }
    }
    f
}

/// Units of a span of time ("a few days later").
const TIME_UNITS: &[&str] =
    &["minutes", "hours", "days", "weeks", "months", "years", "hour", "day", "week", "month", "year"];

/// "as the paper reported a few days later", "On Tuesday, ..., Lee wrote": reported content that
/// is only a time (a date, or a span of time before "later", "earlier" or "ago") says nothing
/// anyone said; it is when the act took place.
pub(super) fn only_time(doc: &Doc, f: &Found) -> bool {
    let (a, mut e) = (doc.tok_at(f.content.0), doc.tok_at(f.content.1));
    while e > a && matches!(doc.t(e - 1), "." | ",") {
        e -= 1;
    }
    if e == a {
        return false;
    }
    let mut k = a;
    while k < e && k < a + 2 && (doc.is(k, &["a", "few", "several", "some"]) || doc.is(k, TIME_COUNTS)) {
        k += 1;
    }
    let span = k + 2 == e && doc.is(k, TIME_UNITS) && doc.is(k + 1, &["later", "earlier", "ago"]);
    span || time_tail(doc, a, e)
}

/// Numbers written as words before a unit of time ("three weeks later").
const TIME_COUNTS: &[&str] = &["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/// The most words of an object whose time ("endorsed Lee last week") is cut from what it reports.
const MAX_TIMED_OBJECT: usize = 3;

/// Whether tokens `[j, e)` are a time and nothing else: "last week", "(on) Tuesday (night)", "in
/// (early) June (2015)", "in 2012", "June 3", "earlier this month", "late Monday", "during the
/// primary", with "here" or "there" before it.
fn time_tail(doc: &Doc, j: usize, e: usize) -> bool {
    let q = &doc.lx.quotes;
    let mut k = j;
    if doc.is(k, &["here", "there"]) {
        k += 1;
    }
    let year = |i: usize| doc.t(i).len() == 4 && doc.t(i).bytes().all(|b| b.is_ascii_digit());
    let day = |i: usize| (1..=2).contains(&doc.t(i).len()) && doc.t(i).bytes().all(|b| b.is_ascii_digit());
    let weekday = |i: usize| doc.is(i, &q.weekdays) && (i + 1 == e || i + 2 == e && doc.is(i + 1, &q.day_parts));
    // a full month name (the crate's one table, `dates`; abbreviations are other words here)
    let month = |i: usize| {
        crate::times::lexicon::month(doc.t(i)).is_some_and(|(_, abbreviated)| !abbreviated)
            && (i + 1 == e
                || i + 2 == e && (year(i + 1) || day(i + 1))
                || i + 4 == e && day(i + 1) && doc.t(i + 2) == "," && year(i + 3))
    };
    if doc.is(k, &["last", "this", "next"]) {
        return k + 2 == e && doc.is(k + 1, &q.periods);
    }
    if doc.is(k, &["earlier", "later", "early", "late"]) {
        return k + 3 == e && doc.is(k + 1, &["this", "last"]) && doc.is(k + 2, &q.periods) || weekday(k + 1);
    }
    if doc.is(k, &["on"]) {
        return weekday(k + 1) || month(k + 1);
    }
    if doc.is(k, &["in"]) {
        let m = if doc.is(k + 1, &["early", "late", "mid"]) { k + 2 } else { k + 1 };
        return month(m) || m == k + 1 && k + 2 == e && year(k + 1);
    }
    if doc.is(k, &["during"]) {
        return k + 3 == e && doc.is(k + 1, &["the"]) && doc.is_word(k + 2);
    }
    weekday(k) || month(k) && k + 1 < e
}

/// Whether the cue at token `k` is inside a relative clause set off by a comma ("Lee, who
/// toured the port and said ...", "The fees, which port staff said ..."): its content then ends
/// at the comma that closes the clause, where the sentence's own verb comes back ("..., do
/// not cover ferries"), not at the sentence end.
fn in_relative_clause(doc: &Doc, k: usize) -> bool {
    let lo = doc.sent_of(k).map_or(k, |s| doc.sents[s].0).max(k.saturating_sub(25));
    let Some(r) = (lo..k).rev().find(|&j| !doc.is_word(j) || doc.is(j, &["who", "which"])) else { return false };
    r > lo && doc.is(r, &["who", "which"]) && doc.t(r - 1) == ","
}

/// "before ...", "after ...", "a day after ...", "hours before ...": after "just", a time set
/// against another event (a preposition within three words).
fn just_before_or_after(doc: &Doc, k: usize) -> bool {
    let relation = |m: usize| doc.is(m, &["before", "after"]);
    relation(k) || (k..k + 3).take_while(|&m| doc.is_word(m)).any(|m| relation(m + 1))
}

/// Whether a poll figure opens at token `j`: a number, then "%" or "percent".
fn percent_figure(doc: &Doc, j: usize) -> bool {
    doc.t(j).bytes().next().is_some_and(|c| c.is_ascii_digit()) && (doc.t(j + 1) == "%" || doc.is(j + 1, &["percent"]))
}

/// "the contract and reports from the inspectors": a cue word in -s followed by a preposition or the
/// end of the clause is a plural noun, not a second verb of the speaker ("and reports that ..."
/// or "and adds the ..." stay verbs).
fn plural_noun(doc: &Doc, j: usize) -> bool {
    let t = doc.t(j);
    t.ends_with('s')
        && !t.ends_with("ss")
        && (doc.is(j + 1, &["in", "of", "from", "by", "on", "about", "at", "for", "and", "or"]) || !doc.is_word(j + 1))
}

/// "..., Lee was holding a meeting": a capitalised subject of up to four words right before a
/// finite or past verb opens a new clause at token `j`.
fn named_clause(doc: &Doc, j: usize) -> bool {
    let m = (j..j + 5).find(|&m| !doc.is_cap(m)).unwrap_or(j);
    m > j && !doc.is(j, &doc.lx.quotes.pronouns) && (finite(doc, m) || past_tense(doc, m))
}

/// A past-tense verb in lower case ("boycotted", "conceded").
fn past_tense(doc: &Doc, j: usize) -> bool {
    let t = doc.t(j);
    t.len() > 4 && t.ends_with("ed") && doc.is_word(j) && !doc.is_cap(j)
}

/// Whether token `j` opens a phrase naming the occasion of the statement ("in an interview
/// with CNN", "at a news conference", "on condition of anonymity", "on Twitter"), which ends
/// the content: a preposition, then at most four words, the last an occasion noun.
pub(super) fn occasion(doc: &Doc, j: usize, e: usize) -> bool {
    if !doc.is(j, &["in", "on", "at", "during", "via"]) {
        return false;
    }
    let mut k = j + 1;
    while k < e && k - j <= 4 && doc.is_word(k) && !doc.is(k, &doc.lx.quotes.occasions) {
        k += 1;
    }
    k - j <= 4 && doc.is(k, &doc.lx.quotes.occasions) && !doc.is(k + 1, &["that", "of"])
}

/// "Name: content" at a paragraph start (interview transcripts, "Q:" and "A:", headlines such as
/// "Senator Lee: Talks Have Failed"): the name before the colon is the speaker and the rest of the
/// paragraph is what they said. Cue: the colon.
fn labelled(doc: &Doc, sa: usize, sb: usize, cues: &[Option<Cue>], quoted: &[bool]) -> Option<Found> {
    let para_start = doc.text.get(..doc.start(sa)).is_none_or(|s| s.is_empty() || s.ends_with('\n'));
    if !para_start {
        return None;
    }
    let colon = (sa..sb.min(sa + 6)).find(|&j| doc.t(j) == ":")?;
    // ("Poll: ...", "Osei camp: ...": a source noun ends the words before a headline's colon.)
    let source = colon > sa && doc.is(colon - 1, &doc.lx.quotes.label_sources) && (sa..colon).all(|j| doc.is_word(j));
    if colon == sa
        || !name_like(doc, sa, colon) && !source
        || doc.is(sa, &doc.lx.quotes.labels)
        || doc.is(colon - 1, &doc.lx.quotes.labels)
        || doc.is(sa, &["the", "a", "an", "just"])
    {
        return None;
    }
    // A dateline or section head in capitals ("WASHINGTON:"), or a time ("2:25").
    let caps = (sa..colon).all(|i| doc.t(i).len() > 1 && doc.t(i).chars().all(|c| !c.is_lowercase()));
    if caps && !(colon == sa + 1 && doc.t(sa).len() == 1)
        || doc.is_mark(colon + 1)
        || quoted.get(colon + 1) == Some(&true)
    {
        return None;
    }
    if (sa..colon).any(|i| cues.get(i).is_some_and(Option::is_some)) {
        return None;
    }
    let content = content_to_paragraph(doc, colon + 1)?;
    let words = doc.text.get(content.0..content.1).map_or(0, |s| s.split_whitespace().count());
    (words >= 3).then(|| Found {
        kind: QuoteKind::Indirect,
        content,
        cue: doc.span(colon, colon + 1),
        speaker: doc.span(sa, colon),
    })
}

/// "In the latest poll, CONTENT": a sentence led by a poll, survey, study or report and with no
/// cue of its own reports what that document found. Cue: "In"; speaker: the document.
fn study(doc: &Doc, sa: usize, sb: usize, cues: &[Option<Cue>], quoted: &[bool]) -> Option<Found> {
    if !doc.is(sa, &["in"]) {
        return None;
    }
    // (A name may hold inner punctuation: "In an NBC/Harbour Times poll, ...".)
    let comma = (sa + 1..sb.min(sa + 16)).find(|&j| !doc.is_word(j) && !matches!(doc.t(j), "/" | "-" | "&"))?;
    if doc.t(comma) != "," || !(sa + 1..comma).any(|j| doc.is(j, &doc.lx.quotes.studies)) {
        return None;
    }
    // A verb of stance inside is part of the finding ("In the survey, most residents backed the levy").
    let own_cue =
        |j: usize| cues.get(j).copied().flatten().is_some_and(|c| !super::cues::is_object(&doc.lx.quotes, c.lemma));
    if (comma..sb).any(|j| own_cue(j) || quoted.get(j) == Some(&true) || doc.is_mark(j)) {
        return None;
    }
    let content = content_to_end(doc, comma + 1, sb)?;
    Some(Found { kind: QuoteKind::Indirect, content, cue: doc.span(sa, sa + 1), speaker: doc.span(sa + 1, comma) })
}

/// The most tokens of a poll's name after "in" ("in a Harbour Times/Metro poll").
const MAX_STUDY_NAME: usize = 8;

/// The most tokens after a poll's name to the sentence end ("released Sunday", "taken in May").
const MAX_STUDY_TAIL: usize = 10;

/// "Osei leads by eight points in the latest Harbour Times poll.": a sentence with no cue of its
/// own that ends by placing its finding in a poll, survey or study reports that finding. Cue:
/// "in"; speaker: the poll; content: the clause before "in" (after a subordinator such as
/// "although", which is the writer's).
fn study_after(doc: &Doc, lo: usize, sb: usize, cues: &[Option<Cue>], quoted: &[bool]) -> Option<Found> {
    if (lo..sb).any(|j| cues.get(j).copied().flatten().is_some() || quoted.get(j) == Some(&true) || doc.is_mark(j)) {
        return None;
    }
    // The poll's name: words, inner punctuation and "of", no other preposition ("in single
    // digits in polls") and no clause ("in a row that the poll ...").
    let inner = |j: usize| {
        (doc.is_word(j) || matches!(doc.t(j), "/" | "-" | "&") || doc.is_possessive(j))
            && (doc.is(j, &["of"]) || !doc.is(j, &doc.lx.quotes.prepositions))
            && !doc.is(j, &doc.lx.quotes.clause_words)
    };
    let k = (lo + 2..sb).find(|&k| {
        doc.is(k, &["in"])
            && !doc.is_cap(k)
            && (k + 1..sb.min(k + 1 + MAX_STUDY_NAME))
                .take_while(|&j| inner(j))
                .any(|j| doc.is(j, &doc.lx.quotes.studies))
    })?;
    let noun = (k + 1..sb).find(|&j| doc.is(j, &doc.lx.quotes.studies))?;
    // "A third of the riders in the harbour survey had no car": the survey names whom the subject
    // counts, and the sentence's verb comes after it.
    let verb_after =
        (noun + 1..sb).any(|j| verbish(doc, j) || finite(doc, j) || past_tense(doc, j) && !doc.is(j - 1, &[","]));
    if sb - noun > MAX_STUDY_TAIL || !doc.is_word(k + 1) || verb_after {
        return None;
    }
    let mut start = lo;
    for j in lo..k {
        if j > lo
            && doc.t(j - 1) == ","
            && doc.is(j, &["although", "though", "while", "as", "because", "meaning", "when"])
        {
            start = j + 1;
        }
    }
    let mut e = k;
    while e > start && doc.t(e - 1) == "," {
        e -= 1;
    }
    if (start..e).filter(|&j| doc.is_word(j)).count() < 3 {
        return None;
    }
    // (the poll and who made it, "a poll by the Harbour Times"; not what the finding is about
    // after it: "in polls behind Lee and Hale" names no pollster)
    let mut speaker_end = noun + 1;
    if speaker_end + 1 < sb && doc.is(speaker_end, &["by", "from", "for", "of"]) {
        speaker_end += 1;
        while speaker_end < sb
            && doc.is_word(speaker_end)
            && (doc.is_cap(speaker_end) || doc.is(speaker_end, &["the", "of", "and"]))
        {
            speaker_end += 1;
        }
    }
    Some(Found {
        kind: QuoteKind::Indirect,
        content: doc.span(start, e)?,
        cue: doc.span(k, k + 1),
        speaker: doc.span(k + 1, speaker_end),
    })
}

/// Content from token `a` to the end of its paragraph (a colon-led statement may run over
/// several sentences), without the final stop.
fn content_to_paragraph(doc: &Doc, a: usize) -> Option<Span> {
    let from = doc.start(a);
    let end = doc.paragraph_end(from);
    let mut e = doc.tok_at(end);
    while e > a && matches!(doc.t(e - 1), "." | "," | ";") {
        e -= 1;
    }
    (e > a + 1).then(|| doc.span(a, e)).flatten()
}

/// Which tokens are inside quote marks (their cues belong to the quoted speaker, not the frame).
pub(super) fn quoted_tokens(doc: &Doc, regions: &[Region]) -> Vec<bool> {
    let mut q = vec![false; doc.toks.len()];
    for r in regions {
        let (a, b) = (doc.tok_at(r.content.0), doc.tok_at(r.content.1));
        for slot in q.iter_mut().take(b).skip(a) {
            *slot = true;
        }
    }
    q
}

/// Where a sentence's own words begin, past a wire dateline ("CITY (Agency) — ").
fn after_dateline(doc: &Doc, sa: usize, sb: usize) -> usize {
    let caps = |i: usize| doc.t(i).len() >= 2 && doc.t(i).chars().all(|c| !c.is_lowercase());
    if !(doc.is_word(sa) && caps(sa)) {
        return sa;
    }
    let mut i = sa;
    while i < sb && i - sa < 6 && (caps(i) || doc.t(i) == ",") {
        i += 1;
    }
    if doc.t(i) == "(" {
        while i < sb && i - sa < 40 && doc.t(i) != ")" {
            i += 1;
        }
        i += 1;
    }
    while i < sb && matches!(doc.t(i), "\u{2014}" | "\u{2013}" | "-" | ":") {
        i += 1;
    }
    if i > sa + 1 && i < sb {
        i
    } else {
        sa
    }
}

/// Content from token `a` to the sentence end `b`, without the final stop.
pub(super) fn content_to_end(doc: &Doc, a: usize, b: usize) -> Option<Span> {
    // (Not past the paragraph's end: a sentence the segmenter ran on over a line of its own, a
    // "___" rule or a bare heading, ends with its paragraph.)
    let mut e = b.min(doc.tok_at(doc.paragraph_end(doc.start(a))).max(a + 1));
    while e > a && matches!(doc.t(e - 1), "." | "!" | "?" | ",") {
        e -= 1;
    }
    if e <= a + 1 || doc.is_mark(a) && e - a < 3 {
        return None;
    }
    doc.span(a, e)
}

/// Where the content before a closing attribution starts, for the sentence start `lo` and the
/// attribution's comma `e`: `Because of the delays, "the pier is lost," Lee said` and `Whatever
/// the board decides, the crews "will not go back," said Lee`: an opening adverbial (a
/// preposition, a subordinate clause, a participle) set off by its comma, before quoted words,
/// is the writer's frame for them, and the content starts after its comma. With no quote marks
/// after the comma the whole sentence stays the content ("If the levy fails, the pier will
/// close, Lee said": PolNeAR marks the condition with it).
pub(super) fn after_frame(doc: &Doc, lo: usize, e: usize) -> usize {
    let q = &doc.lx.quotes;
    let t = doc.t(lo);
    // ("Right-wing parties ...", "Nothing ...": no participle.)
    let participle = doc.is_cap(lo)
        && t.len() > 4
        && t.ends_with("ing")
        && !t.ends_with("thing")
        && t.chars().all(|c| c.is_ascii_alphabetic());
    let opener = participle
        || doc.is(lo, &q.prepositions)
        || doc.is(lo, &q.subordinators)
        || doc.is(lo, &q.concessive)
        || doc.is(lo, &q.frame_openers);
    if !opener {
        return lo;
    }
    // (The frame's own words hold no quote mark: `As "the people's mayor," Lee said ...`.)
    let comma = (lo + 1..e).take_while(|&j| !doc.is_mark(j)).find(|&j| doc.t(j) == ",");
    match comma {
        Some(c) if (c + 1..e).any(|j| doc.is_mark(j)) => c + 1,
        _ => lo,
    }
}

/// Content from the sentence start `a` up to (not including) token `e`, which is a comma.
fn content_before(doc: &Doc, a: usize, e: usize) -> Option<Span> {
    (e > a + 2 && doc.t(e) == ",").then(|| doc.span(a, e)).flatten()
}

fn according(doc: &Doc, c: Cue, lo: usize, hi: usize) -> Vec<Found> {
    let cue = doc.span(c.start, c.end);
    // "(According to the port police, ...)", "... has shifted: According to a new survey, ...": the
    // attribution opens a parenthesis or what follows a colon as it would a sentence.
    let paren = c.start > lo && doc.t(c.start - 1) == "(";
    let opens = c.start == lo || paren || c.start > lo && doc.t(c.start - 1) == ":" && doc.is_cap(c.start);
    let hi = if paren { (c.end..hi).find(|&j| doc.t(j) == ")").unwrap_or(hi) } else { hi };
    let mut b = c.end;
    // "a Harbour/Metro poll", "the A.P.": inner punctuation belongs to the name ("the "clean
    // harbour" plan": so do quote marks, in an opening attribution).
    let reach = if opens { 24 } else { 12 };
    while b < hi
        && b - c.end < reach
        && (doc.is_word(b) || doc.is_possessive(b) || matches!(doc.t(b), "/" | "&" | "-") || opens && doc.is_mark(b))
    {
        b += 1;
    }
    let speaker = doc.span(c.end, b);
    let mut out = Vec::new();
    if speaker.is_none() {
        return out;
    }
    let found = |content| Found { kind: QuoteKind::Indirect, content, cue, speaker };
    // "... 9,000 passengers in May according to figures from the port", "... storms last year — according to the
    // latest figures": with no comma before it, only a source that names itself (a capital or
    // a study word) at the sentence end; "voted according to party lines" attributes nothing.
    let source = (c.end..b).any(|j| doc.is_cap(j) || doc.is(j, &doc.lx.quotes.studies));
    let at_end = b >= hi || b + 1 == hi && matches!(doc.t(b), "." | "!" | "?");
    let bare = c.start > lo + 2 && (doc.is_word(c.start - 1) || super::phrase::aside_dash(doc, c.start - 1));
    if opens && doc.t(b) == "," {
        out.extend(content_to_end(doc, b + 1, hi).map(found));
    } else if bare && source && at_end {
        let e = if doc.is_word(c.start - 1) { c.start } else { c.start - 1 };
        out.extend(doc.span(lo, e).map(found));
    } else if c.start > lo && doc.t(c.start - 1) == "," {
        // "..., with most riders paying more, according to the survey.", "..., which rose by a
        // third, according to port figures.": at the sentence end the attribution is of the last
        // phrase, a "with" phrase or a relative clause after a comma.
        let from = if at_end { last_attributed_phrase(doc, lo, c.start - 1) } else { lo };
        out.extend(content_before(doc, from, c.start - 1).map(found));
        // "The plan, according to X, will fail": the content goes on after the attribution.
        if doc.t(b) == "," {
            out.extend(continuation(doc, b + 1, hi).map(found));
        }
    } else if c.start > lo + 2 && doc.is_mark(c.start - 1) {
        // `The visit became "the high point," according to X.`: the comma inside the marks.
        let m = doc.mark_start(c.start - 1);
        if m > lo + 2 && doc.t(m - 1) == "," {
            out.extend(doc.span(lo, c.start).map(found));
        }
    }
    out
}

/// Where the last phrase before the comma at `e` that a closing "according to" attributes
/// starts: after ", with", or at ", who" / ", which"; else `lo`.
fn last_attributed_phrase(doc: &Doc, lo: usize, e: usize) -> usize {
    (lo + 2..e.saturating_sub(2))
        .rev()
        .find(|&j| doc.t(j - 1) == "," && doc.is(j, &["with", "who", "which"]))
        .map_or(lo, |j| if doc.is(j, &["with"]) { j + 1 } else { j })
}

/// The content that resumes after a parenthetical attribution ("The plan, he said, will fail"):
/// from token `a` to the sentence end, when it is more than a trailing adverbial.
/// Whether token `a` reads as a finite verb opening a predicate: a lowercase word in "-s" or
/// "-ed", or a common irregular past ("began", "made").
fn predicate(doc: &Doc, a: usize) -> bool {
    let t = doc.t(a);
    if doc.is_cap(a)
        || doc.is(a, &doc.lx.quotes.prepositions)
        || doc.is(a, &doc.lx.quotes.adverbial)
        || doc.is(a, &doc.lx.quotes.clause_words)
    {
        return false;
    }
    verbish(doc, a)
        || t.len() > 3 && t.ends_with('s') && !t.ends_with("ss") && !t.ends_with("us")
        || doc.is(a, &doc.lx.quotes.irregular_past)
}

fn continuation(doc: &Doc, a: usize, hi: usize) -> Option<Span> {
    if a >= hi || !doc.is_word(a) || doc.is(a, &doc.lx.quotes.not_continuation) || doc.t(a).ends_with("ing") {
        return None;
    }
    // A clause ("will fail", "the country has ..."), or the predicate of a subject the
    // attribution interrupted ("Survival, she says, depends on ..."), not a trailing phrase
    // ("slightly below").
    if !finite(doc, a) && !clause_like(doc, a, hi) && !predicate(doc, a) {
        return None;
    }
    let content = content_to_end(doc, a, hi)?;
    let words = doc.text.get(content.0..content.1).map_or(0, |s| s.split_whitespace().count());
    (words >= 3).then_some(content)
}

fn verb(
    doc: &Doc,
    c: Cue,
    lo: usize,
    hi: usize,
    cues: &[Option<Cue>],
    direct: &[Found],
    so_far: &[Found],
) -> Vec<Found> {
    let Some(cue) = doc.span(c.start, c.end) else { return Vec::new() };
    // "the costs added up to ...", "adds to the drama", "easier said than done": no saying.
    let idiom = c.lemma == "add" && doc.is(c.end, &["up", "to"]) || doc.is(c.end, &["than"]);
    if idiom || withheld(doc, c) || relative_noun(doc, c) {
        return Vec::new();
    }
    // "which he has denied and which ...", "books, plays, television shows and films": a
    // conjunction right after the verb joins another part of the sentence; the verb reports
    // nothing of its own there (nor is what stands before it a fragment of content).
    let joined = doc.is(c.end, &["and", "or"]);
    // "the board backed down", "backed off on the toll", "which it backed away from": a retreat,
    // no support. ("Backed away from a suggestion that ..." still reports the position given up.)
    let retreat =
        c.lemma == "back" && (doc.is(c.end, &["down", "off"]) || doc.is(c.end, &["away"]) && !doc.is_word(c.end + 2));
    if joined || retreat {
        return Vec::new();
    }
    let one = |content: Option<Span>, speaker: Option<Span>| -> Vec<Found> {
        content
            .map(|content| Found { kind: QuoteKind::Indirect, content, cue: Some(cue), speaker })
            .into_iter()
            .collect()
    };
    // "X said: CONTENT" with no quote marks: the rest of the paragraph.
    let verb_form = super::cues::bare_clause_form(&doc.lx.quotes, doc.t(c.start), c.lemma);
    if doc.t(c.end) == ":" && !doc.is_mark(c.end + 1) && !doc.is_mark(c.end + 2) {
        // ("... have been denied: a chance to ...": a passive reports nothing.)
        if c.start > lo && doc.is(c.start - 1, &doc.lx.quotes.be) {
            return Vec::new();
        }
        let chain = (c.start > lo).then(|| speaker_chain(doc, c.start, lo, cues)).flatten();
        let Some(speaker) = chain.and_then(|ch| doc.span(ch.speaker.0, ch.speaker.1)) else { return Vec::new() };
        if !verb_form || !super::cues::is_speech(&doc.lx.quotes, c.lemma) {
            return Vec::new();
        }
        return one(content_to_paragraph(doc, c.end + 1), Some(speaker));
    }
    // Direct speech right after the cue is the direct stage's (a quote mark in the next
    // sentence, after `said.`, is not).
    if matches!(doc.t(c.end), ":")
        || doc.is_mark(c.end) && c.end < hi
        || !doc.is_word(c.end) && c.end + 1 < hi && doc.is_mark(c.end + 1)
    {
        return Vec::new();
    }
    // "She continued to suggest that ...": the subject is the governing verb's.
    let frame = super::phrase::infinitive_frame(doc, c.start).filter(|&v| v > lo);
    let prev = before_verb(doc, frame.unwrap_or(c.start), lo);
    // "they could say goodbye", "he can add a title": what someone might say is no report.
    if prev.is_some_and(|p| doc.is(p, &doc.lx.quotes.hypothetical)) {
        return Vec::new();
    }
    // "..., adding that ...": the speaker of the previous cue in this sentence, else the subject
    // the sentence opens with. So too "... before insisting that ...", "..., while arguing ...":
    // a participle joined to the clause before it (not one opening the sentence).
    let link = prev.filter(|&p| {
        doc.t(c.start).ends_with("ing")
            && (doc.is(p, &doc.lx.quotes.participle_links) || super::phrase::stance_participle(doc, p, c.lemma))
    });
    let verb_before = |p: usize| {
        (lo..p).any(|m| {
            finite(doc, m) || past_tense(doc, m) || verbish(doc, m) || doc.is(m, &doc.lx.quotes.irregular_past)
        })
    };
    // "After suggesting on Monday that ..., Lee changed course": a participle phrase opening the
    // sentence reports up to its comma, for the subject after it.
    if link.is_some_and(|p| !verb_before(p)) {
        let comma = clause_end(doc, c.end, hi);
        let speaker = (comma < hi).then(|| sentence_subject(doc, comma + 1, hi)).flatten();
        return match speaker {
            Some(speaker) => one(content_after(doc, c, comma), Some(speaker)),
            None => Vec::new(),
        };
    }
    // "Noting that the port is old, Lee asked ...": so does one opening the sentence.
    if c.start == lo && doc.t(c.start).ends_with("ing") && doc.is_cap(c.start) {
        let comma = clause_end(doc, c.end, hi);
        let speaker = (comma < hi).then(|| sentence_subject(doc, comma + 1, hi)).flatten();
        return match speaker {
            Some(speaker) => one(content_after(doc, c, comma), Some(speaker)),
            None => Vec::new(),
        };
    }
    let linked = |p: usize| link == Some(p) && (doc.is_word(p - 1) || doc.t(p - 1) == ",");
    // (`"It is too late," adding that ...`: the comma stands inside the closing mark.)
    // (`"the harbour tax," referring to ...` glosses the quoted words: not after the marks.)
    let in_marks = |p: usize| doc.is_mark(p) && doc.mark_start(p) > lo && doc.t(doc.mark_start(p) - 1) == ",";
    if doc.t(c.start).ends_with("ing") && prev.is_some_and(|p| doc.t(p) == "," || in_marks(p) || linked(p)) {
        let sent_start = doc.start(lo);
        let earlier = direct
            .iter()
            .chain(so_far)
            .rev()
            .find(|f| f.cue.is_some_and(|q| q.0 >= sent_start && q.1 <= doc.start(c.start)))
            .and_then(|f| f.speaker);
        if c.lemma == "refer to" && prev.is_some_and(in_marks) {
            return Vec::new();
        }
        let speaker = earlier.or_else(|| sentence_subject(doc, lo, c.start));
        // ", claiming victory": a participle's bare object is an act, not speech, unless the verb
        // is "say" ("..., saying the plan failed") or a clause follows.
        let bare_object = matches!(after_cue(doc, c.end, hi), After::Bare(a) if !clause_like(doc, a, hi));
        if bare_object && matches!(c.lemma, "claim" | "insist" | "argue" | "contend" | "assert" | "write") {
            return Vec::new();
        }
        // "... in denouncing the toll, the harbour's biggest cost": what a stance participle
        // joined by a word (not a comma) reports ends at its comma, whose words go back to the
        // sentence ("While Lee lagged in calling for X, she ...").
        let hi = match prev {
            Some(p) if doc.t(p) != "," && super::phrase::stance_participle(doc, p, c.lemma) => {
                clause_end(doc, c.end, hi)
            }
            _ => hi,
        };
        return one(content_after(doc, c, hi), speaker);
    }
    if let Some(f) = inverted(doc, c, lo, hi) {
        return vec![f];
    }
    // Passives: "it was reported that CONTENT" has no speaker we can name; "the plan was
    // announced" reports nothing. ("X was quoted as saying" is read as X's cue.)
    if prev.is_some_and(|p| doc.is(p, &doc.lx.quotes.be))
        && !doc.t(c.start).ends_with("ing")
        && doc.t(c.start) != "quoted"
    {
        // "Lee was asked about the levy": what was asked, by someone the sentence does not name.
        if c.lemma == "ask" {
            return one(asked(doc, c.end, hi), None);
        }
        let impersonal = prev.and_then(|p| p.checked_sub(1)).is_some_and(|s| doc.is(s, &["it"]));
        if impersonal {
            if let After::That(a) = after_cue(doc, c.end, hi) {
                return one(content_to_end(doc, a, hi), None);
            }
        }
        return Vec::new();
    }
    // "X met survivors and said CONTENT": the subject of the first verb; "Y, who said CONTENT":
    // the noun phrase the relative clause hangs on.
    let chain = match prev {
        Some(p) if doc.is(p, &["and", "but"]) => {
            // "X said that ... and asked Y to ...": the speaker of the cue before, in this
            // sentence, else the subject the sentence opens with.
            let sent_start = doc.start(lo);
            let earlier = direct
                .iter()
                .chain(so_far)
                .rev()
                .find(|f| f.cue.is_some_and(|q| q.0 >= sent_start && q.1 <= doc.start(p)))
                .and_then(|f| f.speaker);
            return one(content_after(doc, c, hi), earlier.or_else(|| sentence_subject(doc, lo, p)));
        }
        Some(p) if doc.is(p, &["who"]) && p > lo => {
            // "Tom Reyes, who said": the noun phrase ends at the comma that opens the clause.
            let end = if doc.t(p - 1) == "," { p - 1 } else { p };
            let speaker = subject_before(doc, end, lo, cues).and_then(|(a, b)| doc.span(a, b));
            // "X, who endorsed Y, spoke first": the relative clause ends at its comma.
            return one(content_after(doc, c, clause_end(doc, c.end, hi)), speaker);
        }
        _ => {
            let v = frame.unwrap_or(c.start);
            (v > lo).then(|| speaker_chain(doc, v, lo, cues)).flatten()
        }
    };
    // "As the newspaper reported, CONTENT" and "As reported by X, CONTENT".
    if let Some(f) = as_reported(doc, c, lo, hi, chain) {
        return vec![f];
    }
    // "Since she endorsed Y, ...", "When he said Z, ...": a subordinate clause ends at its comma.
    let hi = match chain {
        Some(ch) if ch.start > lo && doc.is(ch.start - 1, &doc.lx.quotes.subordinators) => clause_end(doc, c.end, hi),
        _ => hi,
    };
    // "When asked whether ...", "Asked on Monday why ...": the question, its asker unnamed.
    let Some(chain) = chain else {
        return if c.lemma == "ask" { one(asked(doc, c.end, hi), None) } else { Vec::new() };
    };
    let speaker = doc.span(chain.speaker.0, chain.speaker.1);
    if let Some(content) = content_after(doc, c, hi) {
        // "..., said lobbyist and strategist Ann Lee, her partner": after a comma, words with
        // no verb are an inverted speaker the reading above could not take, not content.
        let (a, b) = (doc.tok_at(content.0), doc.tok_at(content.1));
        let verbless = !(a..b).any(|j| finite(doc, j) || past_tense(doc, j) || predicate(doc, j) || verbish(doc, j));
        let clause_start = doc.is(a, &["to"]) || doc.t(a).ends_with("ing");
        if prev.is_some_and(|p| doc.t(p) == ",") && verbless && !clause_start {
            return Vec::new();
        }
        return one(Some(content), speaker);
    }
    // "Mayor Ama Lee says, rain or shine, the ferry will sail", "Lee said, on reflection, that
    // ...": when the speaker opens the sentence, a comma after the cue can open the content
    // (a clause follows it), not only a parenthetical attribution.
    if chain.start == lo && doc.t(c.end) == "," && super::cues::is_speech(&doc.lx.quotes, c.lemma) {
        // (Not across another cue, "The ledgers show, he said, that ...", nor into quote marks,
        // which the direct stage reads.)
        let clear = |to: usize| (c.end..=to).all(|j| !doc.is_mark(j) && cues.get(j).is_some_and(Option::is_none));
        if let Some(that) = super::phrase::that_after_aside(doc, c.end, hi).filter(|&t| clear(t)) {
            return one(content_to_end(doc, that, hi), speaker);
        }
        let a = c.end + 1;
        // (A bare clause: with no cue nor quote mark in it, which would make the comma's words
        // an aside or a quote's lead-in.)
        let opens = doc.is_word(a)
            && clear(hi.saturating_sub(1))
            && !doc.t(a).ends_with("ing")
            && !doc.is(a, &["and", "but", "or", "so", "then"])
            && !doc.is(a, &doc.lx.quotes.subordinators)
            && !doc.is(a, &doc.lx.quotes.prepositions);
        let clause = (a..hi.min(a + 25)).any(|j| (j == a || doc.t(j - 1) == ",") && clause_like(doc, j, hi));
        if opens && clause {
            return one(content_to_end(doc, a, hi), speaker);
        }
    }
    let ended = if c.lemma == "tell" { after_object(doc, c.end, hi) } else { after_cue(doc, c.end, hi) } == After::End;
    if !ended
        || super::cues::is_intent(&doc.lx.quotes, c.lemma) && !super::cues::is_speech(&doc.lx.quotes, c.lemma)
        || c.lemma == "ask"
    {
        return Vec::new();
    }
    let mut out = Vec::new();
    if chain.start > lo && doc.t(chain.start - 1) == "," {
        // "The plan, he said, will fail": the content resumes after the attribution, in two
        // fragments; "For years, the envoy noted, the country has ...": an opening adverbial is
        // not content.
        // "That was, she said, the hardest winter": after a verb the rest is its complement.
        let verb_before = chain.start >= lo + 2 && doc.is(chain.start - 2, &doc.lx.quotes.verbish);
        let rest = attribution_end(doc, c.end, hi).and_then(|comma| {
            continuation(doc, comma + 1, hi)
                .or_else(|| verb_before.then(|| content_to_end(doc, comma + 1, hi)).flatten())
        });
        // "The party chairman, Ann Lee, said ...": a short noun phrase before the name is its
        // apposition, not what was said.
        let nominal = doc.t(c.start - 1) == ","
            && doc.is(lo, &["the", "a", "an"])
            && chain.start - 1 - lo <= 5
            && (lo..chain.start - 1).all(|j| doc.is_word(j) && !verbish(doc, j));
        // "Before dropping out, Cruz responded ...", "But instead of debating, Lee has spent her
        // time responding ...": an opening adverbial is no content, and a subject with a verb
        // of its own is no speaker phrase.
        let first = if doc.is(lo, &["but", "and", "yet", "so"]) { lo + 1 } else { lo };
        let clause = (first..chain.start - 1).any(|j| finite(doc, j) || past_tense(doc, j));
        let adverbial = !clause
            && (doc.is(first, &doc.lx.quotes.prepositions)
                || doc.is(first, &doc.lx.quotes.subordinators)
                || doc.is(first, &["instead"])
                || is_adverb(doc, first)
                || doc.t(first).ends_with("ing"));
        let verb_in_subject = (chain.speaker.0..chain.speaker.1).any(|j| verbish(doc, j));
        let opening = rest.is_some()
            && (doc.is(lo, &doc.lx.quotes.prepositions) || doc.is(lo, &doc.lx.quotes.adverbial) || is_adverb(doc, lo));
        // "..., whom he described as ...": a relative clause attributes none of the clause before it.
        let relative = doc.is(chain.speaker.0, &["whom", "which", "who", "whose", "that"]);
        if !nominal && !adverbial && !opening && !verb_in_subject && !relative {
            out.extend(one(content_before(doc, after_frame(doc, lo, chain.start - 1), chain.start - 1), speaker));
        }
        out.extend(one(rest, speaker));
    }
    out
}

/// "the court denied him bail", "denied the port a second crane": "deny" with a person and then
/// the thing refused (or a bare "bail", "entry", "access") withholds something; it reports no
/// denial of a claim.
fn withheld(doc: &Doc, c: Cue) -> bool {
    if c.lemma != "deny" {
        return false;
    }
    let person = doc.is(c.end, &["him", "her", "them", "us", "me", "it"]) || doc.is_cap(c.end) && doc.is_word(c.end);
    let mut j = c.end;
    while person && j < c.end + 4 && doc.is_cap(j) && doc.is_word(j) {
        j += 1;
    }
    let thing = if person && j == c.end { c.end + 1 } else { j };
    let withheld_things = &doc.lx.quotes.withheld_things;
    doc.is(c.end, withheld_things)
        || person && thing > c.end && (doc.is(thing, &["a", "an", "the", "any"]) || doc.is(thing, withheld_things))
}

/// "the Rust Belt states that have lost jobs": a cue word in "-s" right before "that" and a verb
/// is a plural noun with its relative clause ("he states that" is never followed by a verb).
fn relative_noun(doc: &Doc, c: Cue) -> bool {
    let t = doc.t(c.start);
    c.end == c.start + 1
        && t.ends_with('s')
        && !t.ends_with("ss")
        && doc.is(c.end, &["that"])
        && (finite(doc, c.end + 1) || past_tense(doc, c.end + 1))
}

/// "As the newspaper reported, CONTENT", "As reported by X, CONTENT": an attribution in an
/// "as" clause opening the sentence, or opening a clause inside it (", and as X noted, CONTENT").
fn as_reported(doc: &Doc, c: Cue, lo: usize, hi: usize, chain: Option<Chain>) -> Option<Found> {
    let as_at = match chain {
        Some(ch) => ch.start.checked_sub(1)?,
        None => c.start.checked_sub(1)?,
    };
    // "But as the minister noted, ...": a conjunction or a comma may come before "as".
    let opens =
        as_at == lo || as_at > lo && (doc.t(as_at - 1) == "," || doc.is(as_at - 1, &["but", "and", "yet", "so"]));
    if as_at < lo || !doc.is(as_at, &["as"]) || !opens {
        return None;
    }
    let (speaker, comma) = match chain {
        Some(ch) => (doc.span(ch.speaker.0, ch.speaker.1), attribution_end(doc, c.end, hi)?),
        None if doc.is(c.end, &["by"]) => {
            let comma = (c.end + 1..hi.min(c.end + 12)).find(|&j| !doc.is_word(j)).filter(|&j| doc.t(j) == ",")?;
            (doc.span(c.end + 1, comma), comma)
        }
        _ => return None,
    };
    let content = continuation(doc, comma + 1, hi)?;
    Some(Found { kind: QuoteKind::Indirect, content, cue: doc.span(c.start, c.end), speaker })
}

/// The end of a clause that closes at its first comma (or the sentence end `hi`).
fn clause_end(doc: &Doc, from: usize, hi: usize) -> usize {
    (from..hi).find(|&j| doc.t(j) == ",").unwrap_or(hi)
}

/// The comma that closes a parenthetical attribution ("he said on Monday, ..."), if any.
fn attribution_end(doc: &Doc, from: usize, hi: usize) -> Option<usize> {
    let mut j = from;
    while j < hi && j - from < 6 && doc.is_word(j) {
        j += 1;
    }
    (j < hi && doc.t(j) == "," && (j == from || doc.is(from, &doc.lx.quotes.adverbial) || is_adverb(doc, from)))
        .then_some(j)
}

/// The token before the verb at `start`, past auxiliaries and adverbs ("has also said").
fn before_verb(doc: &Doc, start: usize, lo: usize) -> Option<usize> {
    let mut p = start;
    while p > lo
        && doc.is_word(p - 1)
        && (doc.is(p - 1, &doc.lx.quotes.auxiliaries) && !doc.is(p - 1, &doc.lx.quotes.be) || is_adverb(doc, p - 1))
    {
        p -= 1;
    }
    (p > lo).then(|| p - 1)
}

/// The subject a sentence opens with, when it is a name or a personal pronoun ("Senator Ann Lee
/// met ... and said"), past an opening adverbial ("On Monday, ..."). Nothing else is guessed.
pub(super) fn sentence_subject(doc: &Doc, lo: usize, upto: usize) -> Option<Span> {
    let mut a = lo;
    // ("Ultimately, Lee ...", "Likewise, she ...": a capitalised sentence adverb and its comma.)
    let opening_adverb = doc.t(a + 1) == ","
        && (doc.is(a, &doc.lx.quotes.connectives) || doc.t(a).len() > 4 && doc.t(a).ends_with("ly"));
    if doc.is(a, &doc.lx.quotes.adverbial) || is_adverb(doc, a) || opening_adverb {
        a = (a..upto.min(a + 8)).find(|&j| doc.t(j) == ",")? + 1;
    } else if doc.is_cap(a)
        && doc.t(a).len() > 4
        && (doc.t(a).ends_with("ing") || doc.t(a).ends_with("ed") && doc.is(a + 1, &doc.lx.quotes.prepositions))
    {
        // ("Asked about the ruling, she said ...": a past participle and its preposition too.)
        // "Talking to the station's evening programme, he declined ...": an opening participle
        // phrase is no subject.
        a = (a..upto.min(a + 20)).find(|&j| doc.t(j) == ",")? + 1;
    }
    // "Hours later, Lee ...", "A week earlier, she ...": an opening time phrase is no subject.
    if let Some(k) = (a..upto.min(a + 4)).find(|&j| doc.is(j, &["later", "earlier", "ago"])) {
        if k + 1 < upto && doc.t(k + 1) == "," && (a..k).all(|j| doc.is_word(j)) {
            a = k + 2;
        }
    }
    if doc.is(a, &["he", "she", "they", "we", "i"]) {
        return doc.span(a, a + 1);
    }
    if doc.is(a, &["the"]) {
        // "the harbour chief appreciated ...": a definite noun phrase of a few words right
        // before a verb is the subject.
        let verb = (a + 2..upto.min(a + 6)).find(|&j| !doc.is_word(j) || super::doc::verbish(doc, j))?;
        let nouns = (a + 1..verb).all(|j| {
            doc.is_word(j) && !doc.is(j, &doc.lx.quotes.clause_words) && !doc.is(j, &doc.lx.quotes.prepositions)
        });
        return (nouns && doc.is_word(verb) && super::doc::verbish(doc, verb)).then(|| doc.span(a, verb)).flatten();
    }
    if doc.is(a, &["a", "an", "this", "that", "these", "those", "it", "in", "but", "and", "so"]) {
        return None;
    }
    let mut b = a;
    while b < upto && b - a < 7 && name_like(doc, b, b + 1) {
        b += 1;
    }
    // "Local police were ...": a capitalised modifier before a common noun is no subject; the
    // name must stand right before its verb.
    let ends = doc.t(b) == ","
        || doc.is_word(b)
            && !doc.is_cap(b)
            && (predicate(doc, b) || is_adverb(doc, b) || doc.is(b, &doc.lx.quotes.auxiliaries) || cue_like(doc, b));
    // "Chile's central bank": a possessive name is the subject's determiner, not the subject.
    let possessive = b > a && {
        let last = doc.t(b - 1);
        last.ends_with("'s") || last.ends_with("\u{2019}s") || doc.is(b, &["'s", "\u{2019}s", "'", "\u{2019}"])
    };
    (b > a && ends && !possessive).then(|| doc.span(a, b)).flatten()
}

/// Whether token `j` is a verb of saying in any form ("declared", "told").
fn cue_like(doc: &Doc, j: usize) -> bool {
    super::cues::lemma(doc.lx, doc.t(j)).is_some()
}

/// The content a cue verb reports after it, by the verb's frame: "that" and a clause; a bare
/// clause ("said the talks failed"; verbs of thought only when it has a finite verb); "to" and a
/// verb for verbs of intent ("plans to run", "wants voters to know"); a question after "asked".
fn content_after(doc: &Doc, c: Cue, hi: usize) -> Option<Span> {
    use super::cues::{is_intent, is_object, is_speech, takes_bare_content};
    // "responded as if he had been hurt": the manner of the reply, not its words.
    if doc.is(c.end, &["as"]) && doc.is(c.end + 1, &["if", "though"]) {
        return None;
    }
    if is_object(&doc.lx.quotes, c.lemma) {
        // "demanded that the board be dissolved": a that-clause is the content itself.
        if let After::That(a) = after_cue(doc, c.end, hi) {
            return content_to_end(doc, a, hi);
        }
        return object(doc, c.end, hi);
    }
    if is_intent(&doc.lx.quotes, c.lemma) || matches!(c.lemma, "urge" | "ask" | "call on") {
        if let Some(a) = infinitive(doc, c, hi) {
            // "the divides he promised to bridge have grown": the infinitive's object is the
            // noun before it, and the sentence's own verb follows; nothing is reported.
            if doc.is(a, &["to"]) && finite(doc, a + 2) {
                return None;
            }
            return content_to_end(doc, a, hi);
        }
        // "hopes that the vote will pass", "officials expect the port will reopen": a verb of
        // intent that is also one of thought reports a clause as well as an infinitive.
        if !is_speech(&doc.lx.quotes, c.lemma) && !super::cues::is_belief(&doc.lx.quotes, c.lemma) {
            return None;
        }
    }
    if c.lemma == "ask" {
        return question(doc, c.end, hi);
    }
    // "explained (to reporters) why ...": the question is the content.
    if matches!(c.lemma, "explain" | "describe" | "detail" | "reveal" | "outline") {
        if let Some(q) = question(doc, c.end, hi) {
            return Some(q);
        }
    }
    let after = if c.lemma == "tell" { after_object(doc, c.end, hi) } else { after_cue(doc, c.end, hi) };
    // (Verbs of saying only: "they think so" reports no words.)
    if let (After::Bare(a), true) = (after, super::cues::is_speech(&doc.lx.quotes, c.lemma)) {
        if let Some(word) = one_word_answer(doc, a) {
            return Some(word);
        }
    }
    // ("The Harbour Times reports the pier will close": the "-s" form of a lemma that is also a
    // noun is a verb right after a name or a pronoun, as the cue test read it.)
    let named_s_form = doc.t(c.start).ends_with('s')
        && c.start > 0
        && (doc.is_cap(c.start - 1) && doc.sent_of(c.start - 1).is_some_and(|s| doc.sents[s].0 != c.start - 1)
            || doc.is(c.start - 1, &["he", "she", "it"]))
        // ("G-III reports show ...", "Census replies with ...", "which X estimates would cost":
        // a verb or a preposition next makes the "-s" word a noun or the verb of a relative clause.)
        && !finite(doc, c.end)
        && !verbish(doc, c.end)
        && !doc.is(c.end, &doc.lx.quotes.prepositions)
        && super::cues::lemma(doc.lx, doc.t(c.end)).is_none();
    let verb_form = super::cues::bare_clause_form(&doc.lx.quotes, doc.t(c.start), c.lemma) || named_s_form;
    match after {
        After::That(a) => content_to_end(doc, a, hi),
        After::Bare(a)
            if takes_bare_content(&doc.lx.quotes, c.lemma)
                && !document_written(doc, c, a, hi)
                && !said_nothing(doc, a, hi) =>
        {
            content_to_end(doc, a, hi)
        }
        After::Bare(a)
            if (verb_form || thought_verb(doc, c)) && clause_like(doc, a, hi) && !doc.is(a, &["a", "an"]) =>
        {
            content_to_end(doc, a, hi)
        }
        After::Bare(_) if verb_form && super::cues::object_too(&doc.lx.quotes, c.lemma) => object(doc, c.end, hi),
        // "commented on the ruling": "on" read as an adverbial left nothing to report.
        After::End if doc.is(c.end, &["on"]) => topic_of(doc, c, c.end, hi),
        After::Bare(a) if verb_form && !super::cues::is_belief(&doc.lx.quotes, c.lemma) => {
            quoted_object(doc, a, hi).or_else(|| topic_of(doc, c, a, hi))
        }
        _ => None,
    }
}

/// "Harbour pilots hope the strike will end soon", "they are fearing the pier will close": the
/// plain or "-ing" form of a verb of thought that is also a noun (hope, fear, doubt, worry) reads
/// a bare clause as the other verbs of thought do, once the cue test has read it as a verb (a
/// plural, pronoun or modal subject, or "be" or a comma before the participle).
fn thought_verb(doc: &Doc, c: Cue) -> bool {
    let t = doc.t(c.start);
    super::cues::is_belief(&doc.lx.quotes, c.lemma) && (t.eq_ignore_ascii_case(c.lemma) || t.ends_with("ing"))
}

/// "46% said yes, compared with ...", "half said so in May", "he said no. But ...": a one-word
/// answer before a comma, a stop or a preposition is all that was said.
fn one_word_answer(doc: &Doc, a: usize) -> Option<Span> {
    let t = doc.t(a);
    let word = t.strip_suffix('.').unwrap_or(t);
    if !["yes", "no", "so"].iter().any(|w| w.eq_ignore_ascii_case(word)) || doc.is_cap(a) {
        return None;
    }
    let ends = word.len() < t.len()
        || !doc.is_word(a + 1) && !doc.is_mark(a + 1)
        || doc.is(a + 1, &doc.lx.quotes.prepositions) && !doc.is(a + 1, &["to", "of", "for", "about"]);
    ends.then(|| Span(doc.start(a), doc.start(a) + word.len()))
}

/// "declared the "long overdue" repairs a priority", "warned of a "lost decade" for the fleet": a
/// verb of saying whose object (or the object of "of"/"about"/"on" after it) holds quoted words
/// reports that object: the quoted words show it is the speaker's own account, not the writer's.
fn quoted_object(doc: &Doc, a: usize, hi: usize) -> Option<Span> {
    let from = if doc.is(a, &["of", "about", "on"]) { a + 1 } else { a };
    let span = object(doc, from, hi)?;
    let (x, y) = (doc.tok_at(span.0), doc.tok_at(span.1));
    ((x..y).filter(|&j| doc.is_mark(j)).count() >= 2).then_some(span)
}

/// "wrote a letter to the council", "has written about the port for years", "wrote off the
/// debt": what someone wrote, or wrote about, with no clause is a document or a subject, not
/// words they are reported as saying.
/// So is what a lawyer argued ("has argued appeals at the harbour court", "argued the appeal"),
/// and what someone wrote with "the" or a possessive ("wrote the foreword to her memoir",
/// "wrote his column"): a noun phrase with no verb of its own, not a clause ("wrote the crews
/// knew the risk" reports one).
fn document_written(doc: &Doc, c: Cue, a: usize, hi: usize) -> bool {
    let determiner = ["a", "an", "the", "his", "her", "their", "its"];
    let written =
        c.lemma == "write" && doc.is(a, &["a", "an", "about", "of", "into", "off"]) && !clause_like(doc, a, hi);
    // ("wrote the local paper, the Harbour Times, that ...": a hearer, then the clause.)
    let that_later = (a..hi).any(|j| doc.is(j, &["that"]));
    let object =
        matches!(c.lemma, "write" | "argue") && doc.is(a, &determiner) && !verb_in_phrase(doc, a, hi) && !that_later;
    written || object
}

/// Whether the words from token `a` (up to a clause break, at most a dozen) hold a verb: a finite
/// auxiliary, an irregular past ("knew") or a lowercase past in "-ed".
fn verb_in_phrase(doc: &Doc, a: usize, hi: usize) -> bool {
    (a + 1..hi.min(a + 13))
        .take_while(|&j| doc.is_word(j) || doc.is_mark(j) || doc.is_possessive(j))
        .any(|j| finite(doc, j) || past_tense(doc, j) || doc.is(j, &doc.lx.quotes.irregular_past))
}

/// "said little about the plan", "would say nothing more": an amount of saying with no clause
/// after it reports no words.
/// So does "what he said about the levy", "Lee said of the mayor": a topic after "about" or "of"
/// with no clause of its own (nor a "that" clause further on: "told members of the board that").
fn said_nothing(doc: &Doc, a: usize, hi: usize) -> bool {
    let topic = doc.is(a, &["about", "of"]) && !(a..hi).any(|j| doc.is(j, &["that"]));
    (doc.is(a, &["nothing", "little", "much"]) || topic) && !clause_like(doc, a, hi)
}

/// The object of a verb of stance, to the end of its clause: "criticised [the plan for its cost]".
pub(super) fn object(doc: &Doc, from: usize, hi: usize) -> Option<Span> {
    let mut a = from;
    while a < hi && is_adverb(doc, a) {
        a += 1;
    }
    if !doc.is_word(a)
        || doc.is(a, &doc.lx.quotes.prepositions)
        || doc.is(a, &doc.lx.quotes.adverbial)
        || doc.is(a, &["that", "it", "them"])
    {
        return None;
    }
    let mut e = a;
    while e < hi && !matches!(doc.t(e), ";" | ":" | "(" | "\u{2014}") {
        // (", Lee was ...": the sentence's own clause after an opening one.)
        if doc.t(e) == ","
            && (doc.is(e + 1, &doc.lx.quotes.object_end) || doc.t(e + 1).ends_with("ing") || named_clause(doc, e + 1))
        {
            break;
        }
        // "endorsed Smith last week and has campaigned with him": a second verb, not the object.
        let next = doc.t(e + 1);
        if doc.is(e, &["and", "but"]) && (finite(doc, e + 1) || next.ends_with("ed") && !doc.is_cap(e + 1)) {
            break;
        }
        e += 1;
    }
    content_to_end(doc, a, e).or_else(|| (e > a).then(|| doc.span(a, e)).flatten())
}

/// "plans to run", "urged lawmakers to act", "wants the court to rule": where the infinitive (or
/// its subject) starts.
fn infinitive(doc: &Doc, c: Cue, hi: usize) -> Option<usize> {
    let mut a = c.end;
    while a < hi && (doc.is(a, &["not", "also", "again"]) || is_adverb(doc, a) || doc.is(a, &doc.lx.quotes.weekdays)) {
        a += 1;
    }
    // "vowed to "take the fight" to ...": the verb may open a quoted phrase.
    let v = if doc.is_mark(a + 1) { a + 2 } else { a + 1 };
    if doc.is(a, &["to"]) && doc.is_word(v) && !doc.is_cap(v) && !doc.is(v, &["the", "a", "an"]) {
        return Some(a);
    }
    if !matches!(c.lemma, "want" | "urge" | "ask" | "expect" | "call on") {
        return None;
    }
    let mut j = a;
    while j < hi && j - a < 5 && doc.is_word(j) && !doc.is(j, &["to", "that", "for", "about", "if", "whether"]) {
        j += 1;
    }
    let v = if doc.is_mark(j + 1) { j + 2 } else { j + 1 };
    (j > a && doc.is(j, &["to"]) && doc.is_word(v) && !doc.is_cap(v)).then_some(a)
}

/// What an unnamed asker asked ("Asked whether ...", "When asked about the levy, ...", "Lee was
/// asked by a reporter to explain ..."): the question, the topic after "about" up to its comma,
/// or the request after "to". A weekday or the asker ("by Kofi Mensah") may come first.
fn asked(doc: &Doc, from: usize, hi: usize) -> Option<Span> {
    let mut a = from;
    if doc.is(a, &doc.lx.quotes.weekdays) {
        a += 1;
    }
    if doc.is(a, &["by"]) {
        a += 1;
        while a < hi && a - from < 6 && doc.is_cap(a) {
            a += 1;
        }
    }
    if let Some(q) = question(doc, a, hi) {
        return Some(q);
    }
    let topic = doc.is(a, &["about"]);
    let request = doc.is(a, &["to"]) && doc.is_word(a + 1) && !doc.is_cap(a + 1);
    if !topic && !request {
        return None;
    }
    if topic {
        return topic_span(doc, a + 1, hi);
    }
    let e = clause_end(doc, a, hi);
    (e > a).then(|| content_to_end(doc, a, e)).flatten()
}

/// "commented on the ruling", "warned of delays at the port", "joked about his age": the topic
/// of a verb of comment after "on"/"about"/"of" is what the comment was about.
fn topic_of(doc: &Doc, c: Cue, a: usize, hi: usize) -> Option<Span> {
    let topical = matches!(c.lemma, "comment" | "warn" | "complain" | "joke" | "boast");
    (topical && doc.is(a, &["on", "about", "of"])).then(|| topic_span(doc, a + 1, hi)).flatten()
}

/// A topic from token `start` up to its comma or the sentence end, before an occasion or a day
/// ("about the levy in an interview", "... after the debate", "... on Monday"), without the
/// final stop.
fn topic_span(doc: &Doc, start: usize, hi: usize) -> Option<Span> {
    let mut e = clause_end(doc, start, hi);
    let occasion_or_time = |j: usize| {
        occasion(doc, j, e)
            || doc.is(j, &["after", "before", "during"])
            || doc.is(j, &doc.lx.quotes.weekdays)
            || doc.is(j, &["on"]) && doc.is(j + 1, &doc.lx.quotes.weekdays)
    };
    e = (start + 1..e).find(|&j| occasion_or_time(j)).unwrap_or(e);
    while e > start && matches!(doc.t(e - 1), "." | "!" | "?") {
        e -= 1;
    }
    let opens = doc.is_word(start) && !doc.is(start, &doc.lx.quotes.prepositions);
    (e > start && opens).then(|| doc.span(start, e)).flatten()
}

/// "asked (reporters) whether CONTENT": the question, up to a comma or the sentence end.
fn question(doc: &Doc, from: usize, hi: usize) -> Option<Span> {
    let w = (from..hi.min(from + 6)).take_while(|&j| doc.is_word(j)).find(|&j| doc.is(j, &doc.lx.quotes.wh))?;
    let mut e = w + 1;
    // (`whether the "new" pier is safe`: a quoted word inside the question goes on with it; a
    // quote mark right after the wh-word, or a closing one at its end, ends it.)
    let inner_mark = |e: usize| e > w + 1 && doc.is_word(e + 1) && doc.is_word(e - 1);
    while e < hi && !matches!(doc.t(e), "," | ";" | "." | "?" | "!") && (!doc.is_mark(e) || inner_mark(e)) {
        e += 1;
    }
    (e > w + 2).then(|| doc.span(w, e)).flatten()
}

/// "CONTENT, said X." and "CONTENT, said X, the head of Y.": the speaker follows the cue and
/// ends the sentence (or an apposition does).
fn inverted(doc: &Doc, c: Cue, lo: usize, hi: usize) -> Option<Found> {
    // "the crossing will shut, its chief engineer, Ama Lee, told the Harbour Times": what follows "told" is the
    // hearer, never an inverted speaker.
    if c.lemma == "tell" {
        return None;
    }
    // `... them," said X`: the comma may sit inside the closing mark.
    let comma = match c.start.checked_sub(1) {
        Some(p) if p > lo && doc.t(p) == "," => p,
        Some(p) if doc.is_mark(p) && doc.mark_start(p) > lo + 1 && doc.t(doc.mark_start(p) - 1) == "," => p,
        _ => return None,
    };
    let (a, b) = object_after(doc, c.end, hi)?;
    // "said the man who built ...", "said a spokesman, who ...": a relative clause may follow.
    let ends = b >= hi
        || matches!(doc.t(b), "," | "." | "!" | "?") && (doc.t(b) == "," || b + 1 >= hi)
        || doc.is(b, &["who", "whose"])
        || placed(doc, b, hi);
    let speaker_like = name_like(doc, a, b)
        || doc.is(a, &["the", "he", "she"])
        || doc.is(a, &doc.lx.quotes.quantifiers)
        || described_name(doc, a, b);
    // "X, a lawmaker, said the terms were weak": a clause after the cue is its content, not
    // an inverted speaker.
    let clause = (a..b).any(|j| doc.is(j, &doc.lx.quotes.verbish));
    if !ends || !speaker_like || clause {
        return None;
    }
    let content = if doc.is_mark(comma) {
        let lo = after_frame(doc, lo, comma);
        (comma > lo + 2).then(|| doc.span(lo, comma + 1)).flatten()?
    } else if !verb_outside_relative(doc, lo, comma) && !name_like(doc, a, b) && !doc.is(a, &["he", "she", "they"]) {
        // "Ama Boateng, a deputy mayor since 2019, urged a quick vote": no clause before the
        // comma and no name after the cue, so the words after it are its object, not an
        // inverted speaker ("The real question, says Ama Lee, is ..." still inverts: a name
        // follows).
        return None;
    } else {
        content_before(doc, lo, comma)?
    };
    Some(Found { kind: QuoteKind::Indirect, content, cue: doc.span(c.start, c.end), speaker: doc.span(a, b) })
}

/// Whether tokens `[a, b)` hold a verb outside a relative clause set off by a comma ("The ferry
/// company, which has run the route for decades" holds none of its own): what an inverted cue
/// reports is a clause, not a noun phrase.
fn verb_outside_relative(doc: &Doc, a: usize, b: usize) -> bool {
    let mut relative = false;
    for j in a..b {
        if doc.t(j) == "," {
            relative = doc.is(j + 1, &["who", "which", "whose", "whom"]);
        } else if !relative && (finite(doc, j) || past_tense(doc, j) || predicate(doc, j) || verbish(doc, j)) {
            return true;
        }
    }
    false
}

/// "said Kofi Mensah in Tema.": a place of a few capitalised words ends the sentence after the
/// speaker.
fn placed(doc: &Doc, b: usize, hi: usize) -> bool {
    if !doc.is(b, &["in", "at", "from"]) {
        return false;
    }
    let place = (b + 1..hi).take_while(|&j| doc.is_cap(j) || doc.t(j) == ",").count();
    let end = b + 1 + place;
    (1..=5).contains(&place) && (end >= hi || end + 1 >= hi && matches!(doc.t(end), "." | "!" | "?"))
}

/// "said local strategist Kofi Mensah", "said former envoy Ama Boateng": a few words of
/// description ending in a name of at least two capitalised words, with no preposition or verb.
fn described_name(doc: &Doc, a: usize, b: usize) -> bool {
    let tail = (a..b).rev().take_while(|&j| doc.is_cap(j)).count();
    let described = b - tail;
    tail >= 2
        && described > a
        && described - a <= 4
        && (a..described).all(|j| {
            doc.is_word(j)
                && !doc.is(j, &doc.lx.quotes.prepositions)
                && !doc.is(j, &doc.lx.quotes.verbish)
                && !verbish(doc, j)
        })
}

/// Words that open a clause after a hearer ("told his advisers *the* plan would fail").
const CLAUSE_OPENERS: &[&str] = &["the", "a", "an", "he", "she", "they", "it", "we", "i", "his", "her", "their"];

/// After "told": skip the hearer ("reporters", "the newspaper", "Reuters") to the content.
fn after_object(doc: &Doc, from: usize, hi: usize) -> After {
    match after_cue(doc, from, hi) {
        After::Bare(a) => {
            let mut j = a;
            if doc.is(j, &["the", "a", "an", "his", "her", "their", "its", "our"]) {
                // "told a town hall in Salem that", "told his advisers as ...": a common-noun
                // hearer of a few words.
                j += 1;
                while j < hi
                    && j - a < 8
                    && doc.is_word(j)
                    && !doc.is(j, &doc.lx.quotes.adverbial)
                    && !doc.is(j, &["that"])
                {
                    // "told his advisers the plan would fail": a clause after the hearer.
                    if j > a + 1 && doc.is(j, CLAUSE_OPENERS) && clause_like(doc, j, hi) {
                        return After::Bare(j);
                    }
                    j += 1;
                }
            }
            while j < hi && j - a < 4 && (doc.is_cap(j) || j == a) {
                j += 1;
            }
            // "told members of the board that": the hearer goes on after "of" to the "that".
            if doc.is(j, &["of"]) {
                let that = (j + 1..hi.min(j + 10)).take_while(|&k| doc.is_word(k)).find(|&k| doc.is(k, &["that"]));
                return that.map_or(After::End, |k| After::That(k + 1));
            }
            if doc.is(j, &["in", "on", "at"]) {
                // "told reporters in Geneva that": let the adverbial scan find "that".
                return match after_cue(doc, j, hi) {
                    After::That(x) => After::That(x),
                    _ => After::End,
                };
            }
            // "told the crew to turn back": what the hearer was told to do.
            let v = if doc.is_mark(j + 1) { j + 2 } else { j + 1 };
            if j > a && doc.is(j, &["to"]) && doc.is_word(v) && !doc.is_cap(v) && !doc.is(v, &["the", "a", "an"]) {
                return After::Bare(j);
            }
            match after_cue(doc, j, hi) {
                After::That(x) => After::That(x),
                After::Bare(x) => After::Bare(x),
                After::End => After::End,
            }
        }
        other => other,
    }
}

fn contains(outer: Span, inner: Span) -> bool {
    outer.0 <= inner.0 && inner.1 <= outer.1
}
