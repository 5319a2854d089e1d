//! Direct quotes: quoted regions with an attribution next to them.
//!
//! The attribution is looked for, in order, right before the opening mark (`X said: "..."`),
//! right after the closing mark (`"...," X said`), and in the next sentence when the quote stands
//! alone (`"..." So said X.`). A quote without one takes the speaker of the quote just before
//! it when nothing but that quote's attribution separates them (interrupted quotes, and
//! paragraph after paragraph of one speaker), and every paragraph of a multi-paragraph quote
//! shares one attribution.

use dateline_text::Span;

use super::doc::Doc;
use super::marks::Region;
use super::phrase::{after_cue, object_after, speaker_chain, After, Cue};
use super::Found;
use crate::QuoteKind;

/// An attribution: the cue, the speaker phrase and where the attribution clause ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Attr {
    pub cue: Span,
    pub cue_tok: usize,
    pub speaker: Option<Span>,
    /// Byte offset of the end of the sentence holding the cue.
    pub end: usize,
}

/// How far (tokens) an attribution may sit from its quote mark.
const REACH: usize = 14;

/// ... or when a speaker phrase with an apposition stands between them (`"...," Kofi A. Mensah Jr.,
/// the harbour master of the old fishing port, said`): the quote closes on a comma, the phrase opens
/// like a speaker and the cue follows a comma.
const APPOSITION_REACH: usize = 24;

/// The most words between the closing mark of quoted words inside a sentence and the cue that
/// attributes them (`the mayor "has ...," Ama Mensah said`).
const EMBEDDED_SPEAKER_TOKENS: usize = 4;

/// ... or between it and the cue when they are all capitalised (a name and its titles).
const EMBEDDED_NAME_TOKENS: usize = 7;

/// Direct quotes of the article, and which tokens served as their cues.
pub(super) fn find(doc: &Doc, regions: &[Region], cues: &[Option<Cue>]) -> (Vec<Found>, Vec<bool>) {
    let mut used = vec![false; doc.toks.len()];
    let mut attrs: Vec<Option<Attr>> = vec![None; regions.len()];
    let mut direct = vec![false; regions.len()];
    let mut mixed = vec![false; regions.len()];
    let mut embedded = vec![false; regions.len()];
    let mut run_on: Vec<Option<Span>> = vec![None; regions.len()];
    for (ri, r) in regions.iter().enumerate() {
        let open_tok = doc.tok_at(r.open);
        let after_tok = doc.tok_at(r.after);
        let Some(s_open) = doc.sent_of(open_tok) else { continue };
        let (sent_lo, _) = doc.sents[s_open];
        let led_by_colon = open_tok > sent_lo && doc.t(open_tok - 1) == ":";
        // (`("I don't want a fight," said one delegate.)`: a parenthesis may open the sentence.)
        let in_parens = open_tok == sent_lo + 1 && doc.t(sent_lo) == "(";
        let at_start = open_tok == sent_lo || led_by_colon || in_parens;
        // A quote opening a sentence may take the attribution that ends the sentence before
        // with a colon ("X said:" then a new paragraph).
        let lo = match s_open.checked_sub(1) {
            Some(p) if open_tok == sent_lo && doc.t(sent_lo.wrapping_sub(1)) == ":" => doc.sents[p].0,
            _ => sent_lo,
        };
        let next_open = regions.get(ri + 1).map_or(doc.toks.len(), |n| doc.tok_at(n.open));
        let mut hi = doc.sent_of(after_tok.saturating_sub(1)).map_or(after_tok, |s| doc.sents[s].1).min(next_open);
        // `"Who are they?" Hale said.`: the sentence splitter ends the sentence at `?"` before a
        // capital; the attribution that follows on the same line belongs to the quote.
        // (`... ‘Is the rope tied?’” Lee told ...`: a nested quote may close first.)
        let asks = doc
            .text
            .get(r.content.0..r.content.1)
            .is_some_and(|c| c.trim_end().trim_end_matches(['\'', '\u{2019}']).ends_with(['?', '!']));
        if asks
            && hi == after_tok
            && doc.sents.get(doc.sent_of(after_tok).unwrap_or(usize::MAX)).is_some_and(|s| s.0 == after_tok)
        {
            let same_line = doc.text.get(r.after..doc.start(after_tok)).is_some_and(|g| !g.contains('\n'));
            if same_line {
                hi = doc.sent_of(after_tok).map_or(after_tok, |s| doc.sents[s].1).min(next_open);
            }
        }
        let before = before(doc, open_tok, lo, cues);
        let after = if r.continues { None } else { after(doc, after_tok, hi, cues) };
        // `X says "the tide has turned" despite the strikes`: the quoted words open a clause
        // that goes on after the closing mark; the whole clause is what X said.
        mixed[ri] = before.is_some_and(|b| doc.tok_at(b.cue.1) == open_tok)
            && !r.continues
            && doc.is_word(after_tok)
            && !doc.is_cap(after_tok)
            && after_tok < hi
            && cues.get(after_tok).is_some_and(Option::is_none)
            && !doc.is(after_tok, &doc.lx.quotes.not_going_on)
            && !doc.text.get(r.content.0..r.content.1).is_some_and(|c| c.ends_with(['.', '!', '?', ',']));
        // `"We are not worried" about the tides, Lee said.`: quoted words opening the sentence
        // that run on, unquoted, to the comma before the attribution are one clause of hers.
        if let (None, Some(a), true) = (before, after, at_start || open_tok == lo) {
            let att = a.speaker.map_or(a.cue_tok, |sp| doc.tok_at(sp.0).min(a.cue_tok));
            // (Not after a comma inside the marks, `"...," another friend, Ama Lee, said`, nor
            // before a speaker phrase, `" the mayor said`.)
            let runs_on = !r.continues
                && !doc.text.get(r.content.0..r.content.1).is_some_and(|c| c.ends_with(','))
                && doc.is_word(after_tok)
                && !doc.is_cap(after_tok)
                && !doc.is(after_tok, &doc.lx.quotes.determiners)
                && !doc.is(after_tok, &doc.lx.quotes.embedded_speaker_starts)
                && !doc.is(after_tok, &doc.lx.quotes.pronouns)
                && cues.get(after_tok).is_some_and(Option::is_none)
                && att > after_tok + 1
                && doc.t(att - 1) == ","
                && (after_tok..att - 1).all(|k| doc.is_word(k) || doc.t(k) == "," || doc.is_possessive(k));
            if runs_on {
                // (From the opening mark, so that the quoted words keep both their marks.)
                run_on[ri] = doc.span(open_tok, att - 1);
            }
        }
        // `the mayor "has made herself a leader," Mensah said`: quoted words inside a sentence,
        // set off from the attribution after them by a comma, are the speaker's words.
        let comma_closed =
            doc.text.get(r.content.0..r.content.1).is_some_and(|c| c.ends_with(',')) || doc.t(after_tok) == ",";
        // The attribution must follow at once: a short speaker phrase, then the cue (`," Mensah
        // said`), not a clause that runs on to a cue. (With the cue first, `," said the mayor`,
        // the inverted reading takes the whole clause as reported speech.)
        let at_once = after.is_some_and(|a| {
            let from = if doc.t(after_tok) == "," { after_tok + 1 } else { after_tok };
            // A name with its titles may run longer (`," Deputy Interior Minister Ana Ruiz told`).
            let titled_name = (from..a.cue_tok).all(|k| doc.is_cap(k));
            let limit = if titled_name { EMBEDDED_NAME_TOKENS } else { EMBEDDED_SPEAKER_TOKENS };
            a.cue_tok > from
                && a.cue_tok - from <= limit
                && (doc.is_cap(from) || doc.is(from, &doc.lx.quotes.embedded_speaker_starts))
                && (from..a.cue_tok).all(|k| doc.is_word(k) && !doc.is(k, &doc.lx.quotes.not_going_on))
                && !reports_own(doc, a, hi, cues)
        });
        // ... and words a naming verb frames (`the judge called "distasteful,"`, `refers to
        // him as "Chris,"`) are its subject's, not the next clause's.
        let named = open_tok > 0 && (doc.is(open_tok - 1, &doc.lx.quotes.naming) || doc.is(open_tok - 1, &["as"]));
        embedded[ri] = before.is_none() && at_once && !named && !(at_start || open_tok == lo) && comma_closed;
        let attr = match (before, after) {
            (Some(b), _) => Some(b),
            (None, Some(a)) if at_start || open_tok == lo || embedded[ri] => Some(a),
            _ => None,
        };
        if attr.is_some() || at_start {
            direct[ri] = true;
            attrs[ri] = attr.or_else(|| next_sentence(doc, after_tok, cues)).or_else(|| {
                if open_tok == sent_lo {
                    previous_sentence(doc, r.open, s_open, cues)
                } else {
                    None
                }
            });
        }
    }
    share_attributions(doc, regions, &mut attrs, &direct);
    let mut out = Vec::new();
    for (ri, r) in regions.iter().enumerate() {
        if !direct[ri] {
            continue;
        }
        let attr = attrs[ri];
        // A standalone quote with no speaker at all must at least look like speech.
        // (words counted only for a quote without a speaker, and only up to the four it needs)
        let few_words =
            || doc.text.get(r.content.0..r.content.1).map_or(0, |s| s.split_whitespace().take(4).count()) < 4;
        if attr.is_none() && few_words() {
            continue;
        }
        if let Some(a) = attr {
            if let Some(u) = used.get_mut(a.cue_tok) {
                *u = true;
            }
        }
        let clause = if mixed[ri] { clause_from(doc, r.open) } else { run_on[ri] };
        // The sentence's start, and where its words begin after an opening frame (`Whatever
        // the board decides, the crews "will not go back," Lee said`, `Like most pilots, "we
        // stay," Lee said`: from the end of the frame).
        let open_tok = doc.tok_at(r.open);
        let sent_lo = doc.sent_of(open_tok).map_or(open_tok, |s| doc.sents[s].0);
        let lo = super::indirect::after_frame(doc, sent_lo, open_tok + 1);
        out.push(Found {
            kind: if clause.is_some() {
                QuoteKind::Indirect
            } else if embedded[ri] && lo == open_tok && lo > sent_lo {
                // (Nothing between the frame and the marks: the speaker's own sentence.)
                QuoteKind::Direct
            } else if embedded[ri] {
                QuoteKind::Partial
            } else {
                QuoteKind::Direct
            },
            content: clause.unwrap_or_else(|| trim_comma(doc.text, r.content)),
            cue: attr.map(|a| a.cue),
            speaker: attr.and_then(|a| a.speaker),
        });
        // `The board is unlikely to be "swamped by newcomers," Lee said.`: the sentence up
        // to the closing mark is what Lee said, the quoted words her own.
        if embedded[ri] {
            // (After a frame, one word may be the whole subject: `..., Lee "will go," Ama said`.)
            let words = if lo > sent_lo { 1 } else { 2 };
            if open_tok >= lo + words {
                out.extend(doc.span(lo, open_tok).map(|s| Found {
                    kind: QuoteKind::Indirect,
                    content: Span(s.0, r.after),
                    cue: attr.map(|a| a.cue),
                    speaker: attr.and_then(|a| a.speaker),
                }));
            }
        }
    }
    (out, used)
}

/// From the opening mark at byte `open` to the end of its sentence, without the final stop.
fn clause_from(doc: &Doc, open: usize) -> Option<Span> {
    let a = doc.tok_at(open);
    let (_, b) = doc.sents[doc.sent_of(a)?];
    let mut e = b;
    while e > a && matches!(doc.t(e - 1), "." | "!" | "?" | "," | ";") {
        e -= 1;
    }
    doc.span(a, e)
}

/// Drops the comma that ends a quote interrupted by its attribution (`"...," she said`).
fn trim_comma(text: &str, s: Span) -> Span {
    match text.get(s.0..s.1) {
        Some(c) if c.len() > 1 && c.ends_with(',') => Span(s.0, s.1 - 1),
        _ => s,
    }
}

/// Paragraphs of one quote share its attribution; a quote right after an attributed one, with
/// nothing but that attribution between them, has the same speaker.
fn share_attributions(doc: &Doc, regions: &[Region], attrs: &mut [Option<Attr>], direct: &[bool]) {
    let mut g = 0;
    while g < regions.len() {
        let mut e = g;
        while e + 1 < regions.len() && regions[e].continues {
            e += 1;
        }
        if let Some(a) = attrs[g..=e].iter().flatten().next().copied() {
            for slot in attrs[g..=e].iter_mut().filter(|s| s.is_none()) {
                *slot = Some(a);
            }
        }
        g = e + 1;
    }
    for ri in 1..regions.len() {
        if attrs[ri].is_some() || !direct[ri] || !direct[ri - 1] {
            continue;
        }
        let Some(prev) = attrs[ri - 1] else { continue };
        let from = prev.end.max(regions[ri - 1].after);
        let gap_clear = doc.text.get(from..regions[ri].open).is_some_and(|g| g.trim().is_empty());
        if gap_clear && !unread_attribution(doc, &regions[ri]) {
            attrs[ri] = Some(prev);
        }
    }
}

/// `"...," a deckhand, whose ferry sat on the mud, told Tide FM.`, `"Shame!" the crowd
/// yelled.`: a speaker phrase right after the closing mark (a capitalised word or a word such as
/// "the" or "his" after a comma; such a word after `?` or `!`), on the quote's line, is an
/// attribution we could not read: the quote is not the previous speaker's.
fn unread_attribution(doc: &Doc, r: &Region) -> bool {
    let Some(content) = doc.text.get(r.content.0..r.content.1) else { return false };
    let mut k = doc.tok_at(r.after);
    if doc.t(k) == "'" {
        k += 1;
    }
    let comma = content.ends_with(',') || doc.t(k) == ",";
    while doc.t(k) == "," {
        k += 1;
    }
    let same_line = k < doc.toks.len() && doc.text.get(r.after..doc.start(k)).is_some_and(|g| !g.contains('\n'));
    let starts = doc.is(k, &doc.lx.quotes.embedded_speaker_starts) && !doc.is_cap(k);
    same_line && doc.is_word(k) && (comma && (doc.is_cap(k) || starts) || content.ends_with(['?', '!']) && starts)
}

fn sentence_end(doc: &Doc, tok: usize) -> usize {
    doc.sent_of(tok).map_or(doc.end(tok), |s| doc.end(doc.sents[s].1 - 1))
}

/// The speaker phrase written after "according to".
fn according_to(doc: &Doc, from: usize, hi: usize) -> Option<Span> {
    let mut b = from;
    while b < hi && b - from < 12 && doc.is_word(b) {
        b += 1;
    }
    doc.span(from, b)
}

fn attr_at(doc: &Doc, c: Cue, lo: usize, hi: usize, cues: &[Option<Cue>]) -> Option<Attr> {
    // `"...," X said on the radio, adding, "..."` (the comma may stand inside the quote marks)
    let after_comma = c.start.checked_sub(1).is_some_and(|p| {
        doc.t(p) == "," || doc.is_mark(p) && doc.mark_start(p) >= 1 && doc.t(doc.mark_start(p) - 1).ends_with(',')
    });
    // "She went on to say: "..."": the subject of the verb the infinitive hangs on.
    let v = super::phrase::infinitive_frame(doc, c.start).filter(|&v| v > lo).unwrap_or(c.start);
    // `X said the plan failed and added, "..."`, `... but went on to say, "..."`
    let after_and = v.checked_sub(1).is_some_and(|p| doc.is(p, &["and", "but"]));
    let speaker = if c.lemma == "according" {
        according_to(doc, c.end, hi)
    } else if c.start > lo
        && (after_and
            || doc.t(c.start).ends_with("ing")
                && (after_comma
                    || doc.is_word(c.start - 1)
                        && !doc.is_cap(c.start - 1)
                        && !doc.is(c.start - 1, &doc.lx.quotes.auxiliaries)))
    {
        // (Also without the comma: "X welcomed the ruling saying ...".)
        // "X declined to comment on Y's remarks, saying, "..."": the participle's subject is the
        // sentence's, not the noun phrase before the comma; "Y, X said, adding, "..."" and "X
        // said Y and added, "..."": the speaker of the cue before, in this sentence.
        match prior_cue(c.start, lo, cues) {
            Some(p) if p.start > lo => {
                speaker_chain(doc, p.start, lo, cues).and_then(|ch| doc.span(ch.speaker.0, ch.speaker.1))
            }
            _ => super::indirect::sentence_subject(doc, lo, c.start),
        }
    } else if c.start > lo {
        speaker_chain(doc, v, lo, cues).and_then(|ch| doc.span(ch.speaker.0, ch.speaker.1))
    } else {
        object_after(doc, c.end, hi).and_then(|(a, b)| doc.span(a, b))
    };
    Some(Attr { cue: doc.span(c.start, c.end)?, cue_tok: c.start, speaker, end: sentence_end(doc, c.start) })
}

/// `On Harbour TV's "Evening Desk," Ama Lee said if the ferry ...`, `..., "Tide Tables," Lee
/// was asked whether ...`: an attribution after quoted words that reports a clause of its own
/// ("that", "if", "whether" or a bare clause after the cue), or that is a passive (the subject
/// was told or asked something), does not attribute the quoted words before it.
fn reports_own(doc: &Doc, a: Attr, hi: usize, cues: &[Option<Cue>]) -> bool {
    let (from, end) = (a.cue_tok, doc.tok_at(a.cue.1));
    let passive = from > 0 && doc.is(from - 1, &doc.lx.quotes.be);
    // (`In an interview with "Harbour Talk," Lee praised the crews`: a verb of stance with its
    // object after it reports that object, not the quoted title before it.)
    let stance = cues.get(from).copied().flatten().is_some_and(|c| super::cues::is_object(&doc.lx.quotes, c.lemma));
    passive
        || match after_cue(doc, end, hi) {
            After::That(_) => true,
            After::Bare(j) => stance || doc.is(j, &["if", "whether"]) || super::phrase::clause_like(doc, j, hi),
            After::End => false,
        }
}

/// How far back, in tokens, a participle or a verb after "and" looks for the cue whose speaker
/// it shares.
const PRIOR_CUE_TOKENS: usize = 40;

/// The nearest cue before the word just before token `at` (a comma, "and"), not before `lo`.
pub(super) fn prior_cue(at: usize, lo: usize, cues: &[Option<Cue>]) -> Option<Cue> {
    let floor = at.saturating_sub(PRIOR_CUE_TOKENS).max(lo);
    (floor..at.saturating_sub(1)).rev().find_map(|p| cues.get(p).copied().flatten())
}

/// `"...," X said` or `"...," said X`: a cue within reach after the closing mark.
fn after(doc: &Doc, from: usize, hi: usize, cues: &[Option<Cue>]) -> Option<Attr> {
    // (`'No boats after dark,''' Lee said`: a single mark closing a nested quote may stand after the
    // double one.)
    let mut i = from;
    while i < hi && (matches!(doc.t(i), "," | "\u{2014}" | "\u{2013}" | "-") || i == from && doc.t(i) == "'") {
        i += 1;
    }
    let comma_closed = i > from
        || doc
            .text
            .get(..doc.start(from))
            .is_some_and(|t| t.trim_end_matches(|c: char| !c.is_alphanumeric() && c != ',').ends_with(','));
    let speaker_opens = doc.is_cap(i) || doc.is(i, &doc.lx.quotes.embedded_speaker_starts);
    let reach = if comma_closed && speaker_opens { APPOSITION_REACH } else { REACH };
    for k in i..hi.min(i + reach) {
        let t = doc.t(k);
        if matches!(t, ";" | ":" | "?" | "!" | "(") || t == "." && !doc.is_cap(k.saturating_sub(1)) || doc.is_mark(k) {
            break;
        }
        if let Some(c) = cues.get(k).copied().flatten() {
            if k >= i + REACH && doc.t(k - 1) != "," {
                return None;
            }
            return attr_at(doc, c, i, hi, cues);
        }
    }
    None
}

/// `X said: "..."`, `X told reporters, "..."`: a cue just before the opening mark.
fn before(doc: &Doc, open: usize, lo: usize, cues: &[Option<Cue>]) -> Option<Attr> {
    let mut j = open;
    let punct = j > lo && matches!(doc.t(j - 1), ":" | ",");
    if punct {
        j -= 1;
    }
    let mut k = j;
    while k > lo && j - k < 6 {
        k -= 1;
        if !doc.is_word(k) && !doc.is_possessive(k) {
            return None;
        }
        if let Some(c) = cues.get(k).copied().flatten() {
            if !punct && c.end != open {
                return None;
            }
            // "said he expected "long nights"": a verb of thought or intent frames a quoted
            // phrase inside a clause, not a direct quote, unless a colon or comma sets it off.
            if !punct
                && (super::cues::is_belief(&doc.lx.quotes, c.lemma) || !super::cues::is_speech(&doc.lx.quotes, c.lemma))
            {
                return None;
            }
            return attr_at(doc, c, lo, j, cues);
        }
    }
    // `Said X, who grew up nearby, "..."`: a sentence opened by its cue, the speaker after it.
    if punct && doc.is(lo, &["said", "says"]) && doc.is_cap(lo) && j - lo <= 24 {
        let c = cues.get(lo).copied().flatten()?;
        return attr_at(doc, c, lo, j, cues);
    }
    None
}

/// Whether a line break stands between bytes `from` and `to` (an attribution never reaches across
/// a paragraph; a range outside the text counts as crossing).
fn crosses_paragraph(doc: &Doc, from: usize, to: usize) -> bool {
    doc.text.get(from..to).is_none_or(|g| g.contains('\n'))
}

/// The most tokens of a sentence that only says who spoke (`Ama Mensah of the port union
/// agreed.`), read as the attribution of the quote after it.
const SPEAKER_SENTENCE_TOKENS: usize = 12;

/// A quote opening the sentence after a short one that ends with its cue, in the same
/// paragraph: `Ama Mensah agreed. "The port must reopen."`.
fn previous_sentence(doc: &Doc, open: usize, s_open: usize, cues: &[Option<Cue>]) -> Option<Attr> {
    let (a, b) = doc.sents[s_open.checked_sub(1)?];
    if b <= a + 1 || b - a > SPEAKER_SENTENCE_TOKENS || crosses_paragraph(doc, doc.end(b - 1), open) {
        return None;
    }
    // the cue is the sentence's last word, before its full stop
    let last = if doc.t(b - 1) == "." { b - 2 } else { return None };
    let c = cues.get(last).copied().flatten()?;
    if c.end != b - 1
        || c.lemma == "according"
        || !super::cues::is_speech(&doc.lx.quotes, c.lemma)
        || (a..last).any(|k| doc.is_mark(k))
    {
        return None;
    }
    attr_at(doc, c, a, b, cues).filter(|x| x.speaker.is_some())
}

/// A quote standing alone, attributed by a short sentence right after it ("... " So said X.).
fn next_sentence(doc: &Doc, after_tok: usize, cues: &[Option<Cue>]) -> Option<Attr> {
    let s = doc.sent_of(after_tok)?;
    let (a, b) = doc.sents[s];
    if a != after_tok || doc.is_mark(a) {
        return None;
    }
    // not across a paragraph break: `"..." ¶ X agreed.` agrees with the quote, it does not say it
    if crosses_paragraph(doc, after_tok.checked_sub(1).map_or(0, |p| doc.end(p)), doc.start(a)) {
        return None;
    }
    let k = (a..b.min(a + 6)).find(|&k| cues.get(k).copied().flatten().is_some())?;
    let c = cues.get(k).copied().flatten()?;
    if c.lemma == "according" || after_cue(doc, c.end, b) != After::End || b - c.end > 8 {
        return None;
    }
    attr_at(doc, c, a, b, cues)
}
