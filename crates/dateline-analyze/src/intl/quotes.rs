//! Quotes in other languages: direct quotes beside a verb of saying, reported clauses after a
//! verb of saying and a complementizer, objects of verbs of denial and announcement, and
//! "selon X" attributions, each with the speaker the clause names.
//!
//! Smaller than the English stage on purpose: a quote needs a verb of saying beside it, a
//! reported clause needs its subject, and a speaker that is not named (a pronoun with two
//! people before it, a role no named person holds, a verb with no subject written and no
//! speaker just before) stays unresolved rather than guessed.

use dateline_text::segment::{Token, TokenKind};
use dateline_text::Span;

use crate::{Entity, Quote, QuoteKind};

use super::speakers::{continue_attributions, quote, Mentions, Who};

use super::lexicon::Lists;
use super::split_elided;

/// The most tokens between a closing quote mark and its verb of saying (", a-t-il ensuite
/// déclaré"), and between an opening mark and the verb before it.
const CUE_REACH: usize = 8;
/// The most tokens from a verb of saying to the speaker named after it (", a précisé à l'agence
/// de la ville le maire").
const SPEAKER_REACH: usize = 10;
/// The fewest words a direct quote holds: shorter quoted words are names or terms.
const MIN_QUOTE_WORDS: usize = 3;
/// The article as tokens, in lower case, with each token's sentence.
pub(super) struct View<'a> {
    pub(super) text: &'a str,
    pub(super) toks: &'a [Token],
    pub(super) low: Vec<String>,
    pub(super) sentence: Vec<usize>,
    pub(super) sentences: &'a [Span],
}

impl<'a> View<'a> {
    fn new(text: &'a str, toks: &'a [Token], sentences: &'a [Span]) -> Self {
        let low = toks.iter().map(|t| t.text(text).to_lowercase()).collect();
        let mut s = 0;
        let sentence = toks
            .iter()
            .map(|t| {
                while s + 1 < sentences.len() && t.span.0 >= sentences[s].1 {
                    s += 1;
                }
                s
            })
            .collect();
        View { text, toks, low, sentence, sentences }
    }

    fn w(&self, i: usize) -> &str {
        self.low.get(i).map_or("", String::as_str)
    }

    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Punct) && self.w(i) == p
    }

    fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// The first token at or after byte `b`.
    pub(super) fn at(&self, b: usize) -> usize {
        self.toks.partition_point(|t| t.span.0 < b)
    }
}

/// The quotes of an article in `lex`'s language. `skip` is the headline's span: a headline is
/// never a quote.
pub(crate) fn find(
    text: &str,
    toks: &[Token],
    sentences: &[Span],
    entities: &[Entity],
    lex: &Lists,
    skip: Option<Span>,
) -> Vec<Quote> {
    let v = View::new(text, toks, sentences);
    let mentions = Mentions::new(entities);
    let regions = quoted_regions(text);
    let in_headline = |s: Span| skip.is_some_and(|h| s.0 < h.1 && h.0 < s.1);
    let mut out = Vec::new();
    for &(open, inner, close) in &regions {
        if in_headline(inner) || words_in(&v, inner) < MIN_QUOTE_WORDS {
            continue;
        }
        let found = cue_after(&v, &mentions, lex, close).or_else(|| cue_before(&v, &mentions, lex, open));
        if let Some((cue, who)) = found {
            out.push(quote(&v, &mentions, lex, QuoteKind::Direct, inner, cue, who));
        }
    }
    let quoted = |b: usize| regions.iter().any(|&(o, _, c)| o.0 <= b && b < c.1);
    for (i, t) in toks.iter().enumerate() {
        if quoted(t.span.0) || in_headline(t.span) {
            continue;
        }
        let w = v.w(i);
        let found = if Lists::has(&lex.speech_verbs, w) || Lists::has(&lex.object_verbs, w) {
            reported(&v, &mentions, lex, i).or_else(|| said_after(&v, &mentions, lex, i))
        } else {
            according(&v, &mentions, lex, i)
        };
        if let Some((content, cue, who)) = found {
            let overlaps_direct = out.iter().any(|q: &Quote| q.span.0 < content.1 && content.0 < q.span.1);
            if !overlaps_direct {
                out.push(quote(&v, &mentions, lex, QuoteKind::Indirect, content, cue, who));
            }
        }
    }
    out.sort_by_key(|q| (q.span.0, q.span.1));
    out.dedup_by_key(|q| q.span);
    continue_attributions(&v, &mentions, lex, &mut out);
    out
}

/// The quoted regions of the text: (opening mark, content without its inner spaces, closing
/// mark). Guillemets and curly quotes pair with their own closing mark, straight double quotes
/// alternate; nothing pairs across a line break.
fn quoted_regions(text: &str) -> Vec<(Span, Span, Span)> {
    let mut out = Vec::new();
    let mut open: Option<(char, usize)> = None;
    for (b, ch) in text.char_indices() {
        let end = b + ch.len_utf8();
        let closes = match (open, ch) {
            (_, '\n') => {
                open = None;
                continue;
            }
            (None, '«' | '“' | '„' | '"') => {
                open = Some((ch, b));
                continue;
            }
            (Some(('«', _)), '»') | (Some(('“' | '„', _)), '”' | '“') | (Some(('"', _)), '"') => true,
            _ => false,
        };
        if closes {
            if let Some((m, o)) = open.take() {
                let from = o + m.len_utf8();
                let inner = &text[from..b];
                let lead = inner.len() - inner.trim_start().len();
                let trail = inner.len() - inner.trim_end().len();
                if from + lead < b - trail {
                    out.push((Span(o, from), Span(from + lead, b - trail), Span(b, end)));
                }
            }
        }
    }
    out
}

fn words_in(v: &View<'_>, s: Span) -> usize {
    let a = v.at(s.0);
    let b = v.at(s.1);
    (a..b).filter(|&i| v.is_word(i)).count()
}

/// ", a déclaré le ministre", ", dijo Pérez", ", X a ajouté" after a closing mark: the cue and
/// who it names.
fn cue_after(v: &View<'_>, m: &Mentions, lex: &Lists, close: Span) -> Option<(Span, Who)> {
    let mut i = v.at(close.1);
    let sentence = v.sentence.get(i.checked_sub(1)?).copied()?;
    if v.is_punct(i, ",") || v.is_punct(i, "-") || v.is_punct(i, "—") {
        i += 1;
    }
    let mut subject = None;
    let stop = (i + CUE_REACH).min(v.toks.len());
    let mut j = i;
    while j < stop && v.sentence[j] == sentence {
        let w = v.w(j);
        if Lists::has(&lex.speech_verbs, w) {
            let cue = cue_span(v, lex, j);
            let who = subject.or_else(|| speaker_after(v, m, lex, j)).unwrap_or(Who::Unnamed);
            return Some((cue, who));
        }
        if let Some((s, e)) = m.starting_in(v.toks[j].span).filter(|_| subject.is_none()) {
            subject = Some(Who::Named(e, s));
            j = v.at(s.1);
            continue;
        }
        if let Some(r) = role_at(v, lex, j).filter(|_| subject.is_none()) {
            subject = Some(Who::Role(r));
            j = v.at(r.1);
            continue;
        }
        if subject.is_none() && inverted_pronoun(w) {
            // "a-t-elle", "déclare-t-il": the subject is in the verb's own token
            subject = Some(Who::Pronoun(v.toks[j].span));
        } else if !(Lists::has(&lex.auxiliaries, w) || Lists::has(&lex.pronouns, w) || Lists::has(&lex.time_words, w)) {
            return None;
        }
        j += 1;
    }
    None
}

/// "X a déclaré : «", "X dijo: \"": the cue before an opening mark and its subject.
fn cue_before(v: &View<'_>, m: &Mentions, lex: &Lists, open: Span) -> Option<(Span, Who)> {
    let k = v.at(open.0).checked_sub(1)?;
    if !(v.is_punct(k, ":") || v.is_punct(k, ",")) {
        return None;
    }
    let sentence = v.sentence[k];
    let lowest = k.saturating_sub(CUE_REACH);
    let verb = (lowest..k)
        .rev()
        .take_while(|&j| v.sentence[j] == sentence)
        .find(|&j| Lists::has(&lex.speech_verbs, v.w(j)))?;
    let who = subject_before(v, m, lex, verb)?;
    Some((cue_span(v, lex, verb), who))
}

/// The verb of saying with the auxiliary right before it ("a déclaré", "ha detto").
fn cue_span(v: &View<'_>, lex: &Lists, verb: usize) -> Span {
    let mut a = verb;
    while a > 0 && a + 2 > verb && Lists::has(&lex.auxiliaries, v.w(a - 1)) && !Lists::has(&lex.pronouns, v.w(a - 1)) {
        a -= 1;
    }
    Span(v.toks[a].span.0, v.toks[verb].span.1)
}

/// A role phrase at token `j`: a determiner and a role word ("le ministre", "la portavoz",
/// "l'ambassadeur").
fn role_at(v: &View<'_>, lex: &Lists, j: usize) -> Option<Span> {
    let w = v.w(j);
    if Lists::has(&lex.determiners, w) && Lists::has(&lex.titles, v.w(j + 1)) {
        return Some(Span(v.toks[j].span.0, v.toks[j + 1].span.1));
    }
    let (det, rest) = split_elided(w)?;
    (Lists::has(&lex.determiners, det) && Lists::has(&lex.titles, rest)).then_some(v.toks[j].span)
}

/// "la ministra X", "el presidente de la orquesta, X": a person named right after the role
/// phrase, or in apposition to it, is the speaker.
fn named_after_role(v: &View<'_>, m: &Mentions, role: Span) -> Option<Who> {
    let mut j = v.at(role.1);
    if let Some((s, e)) = m.starting_in(v.toks.get(j)?.span).filter(|&(_, e)| m.person[e]) {
        return Some(Who::Named(e, s));
    }
    let sentence = v.sentence.get(j)?;
    let stop = (j + CUE_REACH).min(v.toks.len());
    while j < stop && v.sentence[j] == *sentence {
        if v.is_punct(j, ",") {
            let (s, e) = m.starting_in(v.toks.get(j + 1)?.span)?;
            return m.person[e].then_some(Who::Named(e, s));
        }
        if v.toks[j].kind == TokenKind::Punct {
            return None;
        }
        j += 1;
    }
    None
}

/// "a-t-il", "déclare-t-elle": a verb with its subject pronoun after a hyphen.
fn inverted_pronoun(w: &str) -> bool {
    ["-il", "-elle", "-ils", "-elles", "-on"].iter().any(|p| w.ends_with(p)) && w.contains('-')
}

/// A determiner and a lower-case noun at token `j` ("l'esperto", "la fuente").
fn noun_phrase_at(v: &View<'_>, lex: &Lists, j: usize) -> Option<Span> {
    // where nouns are capitalised, a lower-case word after a determiner is an adjective
    if super::lexicon::NOUNS_CAPITALISED.contains(&lex.code) {
        return None;
    }
    let noun = |w: &str| w.chars().next().is_some_and(char::is_lowercase) && !Lists::has(&lex.determiners, w);
    let original = |i: usize| v.toks.get(i).map_or("", |t| t.text(v.text));
    if Lists::has(&lex.determiners, v.w(j)) && v.is_word(j + 1) && noun(original(j + 1)) {
        return Some(Span(v.toks[j].span.0, v.toks[j + 1].span.1));
    }
    let (det, rest) = split_elided(original(j))?;
    (Lists::has(&lex.determiners, det) && noun(rest)).then_some(v.toks[j].span)
}

/// Whether a mention modifies a noun before it rather than naming a speaker: after a
/// connector ("un comentario de X", "el Gobierno del X") or, for a name that is not a
/// person's, after a capitalised word the mention left out ("Reino Unido" found as "Unido";
/// a person's name after one is the person: "des Transports X").
fn modifies(v: &View<'_>, lex: &Lists, s: Span, person: bool) -> bool {
    let k = v.at(s.0);
    let Some(before) = k.checked_sub(1) else { return false };
    let t = v.toks[before];
    if t.span.1 > s.0 {
        // the mention starts inside a token: an elided connector before it ("d'X")
        return Lists::has(&lex.connectors, &v.text[t.span.0..s.0]);
    }
    let prev = t.text(v.text);
    let opens_sentence = v.sentences.get(v.sentence[before]).is_some_and(|x| x.0 == t.span.0);
    Lists::has(&lex.connectors, prev)
        || (!person
            && v.is_word(before)
            && crate::entities::capitalised(prev)
            && !opens_sentence
            && !Lists::has(&lex.titles, prev))
}

/// The speaker named after a verb of saying, before the clause ends: a mention, a role phrase
/// or a pronoun, not one a hearer preposition introduces ("à l'agence X").
fn speaker_after(v: &View<'_>, m: &Mentions, lex: &Lists, verb: usize) -> Option<Who> {
    let w = v.w(verb + 1);
    if Lists::has(&lex.pronouns, w) {
        return Some(Who::Pronoun(v.toks[verb + 1].span));
    }
    if w.starts_with('-') || inverted_pronoun(w) {
        return Some(Who::Pronoun(v.toks[verb + 1].span));
    }
    let sentence = v.sentence[verb];
    let mut j = verb + 1;
    let stop = (verb + 1 + SPEAKER_REACH).min(v.toks.len());
    // inside a hearer's or a channel's phrase ("à l'agence X", "devant la presse"): from its
    // preposition until a determiner opens a new phrase after a noun
    let mut hearer = false;
    let mut noun_seen = false;
    while j < stop && v.sentence[j] == sentence {
        if v.toks[j].kind == TokenKind::Punct && v.w(j) != "'" {
            return None;
        }
        if Lists::has(&lex.hearers, v.w(j)) {
            (hearer, noun_seen) = (true, false);
            j += 1;
            continue;
        }
        if hearer && noun_seen && Lists::has(&lex.determiners, v.w(j)) {
            hearer = false;
        }
        let after_hearer = hearer;
        noun_seen = true;
        if let Some((s, e)) = m.starting_in(v.toks[j].span) {
            if !after_hearer && !modifies(v, lex, s, m.person[e]) {
                return Some(Who::Named(e, s));
            }
            j = v.at(s.1);
            continue;
        }
        // a time phrase ("el jueves") is no subject
        if Lists::has(&lex.determiners, v.w(j)) && Lists::has(&lex.time_words, v.w(j + 1)) {
            j += 2;
            continue;
        }
        if let Some(r) = role_at(v, lex, j) {
            if !after_hearer {
                return Some(named_after_role(v, m, r).unwrap_or(Who::Role(r)));
            }
            j = v.at(r.1);
            continue;
        }
        // first after the verb, a determiner and a noun is the inverted subject ("ha
        // affermato l'esperto"), a role the lists do not name
        if !hearer && (verb + 1..j).all(|k| Lists::has(&lex.time_words, v.w(k)) || Lists::has(&lex.determiners, v.w(k)))
        {
            if let Some(r) = noun_phrase_at(v, lex, j) {
                return Some(named_after_role(v, m, r).unwrap_or(Who::Role(r)));
            }
        }
        j += 1;
    }
    None
}

/// The subject before a verb of saying: a mention, a role phrase or a pronoun ending right
/// before it, with auxiliaries, clitics and time words between ("X a démenti", "X lui a dit").
fn subject_before(v: &View<'_>, m: &Mentions, lex: &Lists, verb: usize) -> Option<Who> {
    let mut j = verb.checked_sub(1)?;
    let sentence = v.sentence[verb];
    loop {
        let w = v.w(j);
        if v.sentence[j] != sentence {
            return None;
        }
        if Lists::has(&lex.pronouns, w) {
            return Some(Who::Pronoun(v.toks[j].span));
        }
        // "the minister, X, said": a person's name in apposition before the verb
        if v.is_punct(j, ",") && j > 0 {
            if let Some((s, e)) = m.ending_in(v.toks[j - 1].span).filter(|&(_, e)| m.person[e]) {
                let before = v.at(s.0).checked_sub(1);
                if before.is_some_and(|b| v.is_punct(b, ",")) {
                    return Some(Who::Named(e, s));
                }
            }
            return None;
        }
        if let Some((s, e)) = m.ending_in(v.toks[j].span) {
            return (!modifies(v, lex, s, m.person[e])).then_some(Who::Named(e, s));
        }
        if Lists::has(&lex.titles, w) && j > 0 {
            if let Some(r) = role_at(v, lex, j - 1) {
                return Some(Who::Role(r));
            }
        }
        if let Some(r) = role_at(v, lex, j).filter(|r| r.1 == v.toks[j].span.1) {
            return Some(Who::Role(r));
        }
        if !(Lists::has(&lex.auxiliaries, w) || Lists::has(&lex.time_words, w)) || j == 0 {
            return None;
        }
        j -= 1;
    }
}

/// A reported clause at verb of saying `verb`: "X a déclaré que ...", "X a nié jeudi la
/// fermeture de ...". The content runs to the end of the sentence.
fn reported(v: &View<'_>, m: &Mentions, lex: &Lists, verb: usize) -> Option<(Span, Span, Who)> {
    let who = subject_before(v, m, lex, verb)?;
    let sentence = v.sentence[verb];
    let object = Lists::has(&lex.object_verbs, v.w(verb));
    let mut j = verb + 1;
    let stop = (verb + 1 + CUE_REACH).min(v.toks.len());
    let mut start = None;
    while j < stop && v.sentence[j] == sentence {
        let w = v.w(j);
        if Lists::has(&lex.complementizers, w) {
            start = v.toks.get(j + 1).map(|t| t.span.0);
            break;
        }
        if let Some((c, _)) =
            split_elided(w).filter(|(c, rest)| Lists::has(&lex.complementizers, c) && !rest.is_empty())
        {
            start = Some(v.toks[j].span.0 + c.len());
            break;
        }
        if Lists::has(&lex.time_words, w) || v.is_punct(j, ",") {
            j += 1;
            continue;
        }
        if Lists::has(&lex.hearers, w) {
            // the hearer: the preposition and a short phrase ("à la radio", "al diario local")
            j += 1;
            let mut n = 0;
            while j < stop && n < 3 && v.is_word(j) && !Lists::has(&lex.complementizers, v.w(j)) {
                j += 1;
                n += 1;
            }
            continue;
        }
        let determiner =
            Lists::has(&lex.determiners, w) || split_elided(w).is_some_and(|(d, _)| Lists::has(&lex.determiners, d));
        if object && determiner {
            start = Some(v.toks[j].span.0);
        }
        break;
    }
    let start = start?;
    let end = sentence_end(v, sentence);
    let content = trim(v.text, Span(start, end))?;
    Some((content, cue_span(v, lex, verb), who))
}

/// "..., a indiqué le ministre." and "..., ha detto X.": a sentence whose last clause is a
/// verb of saying and its speaker reports the words before the comma.
fn said_after(v: &View<'_>, m: &Mentions, lex: &Lists, verb: usize) -> Option<(Span, Span, Who)> {
    let cue = cue_span(v, lex, verb);
    let comma = v.at(cue.0).checked_sub(1)?;
    if !v.is_punct(comma, ",") || !Lists::has(&lex.speech_verbs, v.w(verb)) {
        return None;
    }
    let sentence = v.sentence[verb];
    let who = speaker_after(v, m, lex, verb)?;
    let end = match who {
        Who::Named(_, s) | Who::Role(s) => s.1,
        Who::Pronoun(_) | Who::Unnamed => return None,
    };
    // the speaker closes the sentence (a comma and an apposition may follow)
    let next = v.at(end);
    let closes = next >= v.toks.len() || v.sentence[next] != sentence || v.is_punct(next, ".") || v.is_punct(next, ",");
    let first = v.sentences.get(sentence)?.0;
    if !closes || v.toks[comma].span.0 <= first {
        return None;
    }
    Some((trim(v.text, Span(first, v.toks[comma].span.0))?, cue, who))
}

/// "selon X, ..." and "..., selon X.": the words attributed to X.
fn according(v: &View<'_>, m: &Mentions, lex: &Lists, i: usize) -> Option<(Span, Span, Who)> {
    let phrase = lex.according.iter().find(|p| p.iter().enumerate().all(|(k, w)| v.w(i + k) == w))?;
    let after = i + phrase.len();
    let sentence = v.sentence[i];
    let who = match m.starting_in(v.toks.get(after)?.span) {
        Some((s, e)) => Who::Named(e, s),
        None => {
            let role = role_at(v, lex, after)?;
            named_after_role(v, m, role).unwrap_or(Who::Role(role))
        }
    };
    let who_end = match who {
        Who::Named(_, s) | Who::Role(s) | Who::Pronoun(s) => s.1,
        Who::Unnamed => return None,
    };
    let cue = Span(v.toks[i].span.0, v.toks[after - 1].span.1);
    let first = v.sentences.get(sentence)?.0;
    let at_start = v.toks.get(i).is_some_and(|t| t.span.0 == first);
    let content = if at_start {
        let comma = v.at(who_end);
        if !v.is_punct(comma, ",") {
            return None;
        }
        Span(v.toks.get(comma + 1)?.span.0, sentence_end(v, sentence))
    } else {
        // ", selon X." closing the sentence
        let before = i.checked_sub(1)?;
        let closes =
            v.at(who_end) >= v.toks.len() || v.sentence[v.at(who_end)] != sentence || v.is_punct(v.at(who_end), ".");
        if !v.is_punct(before, ",") || !closes {
            return None;
        }
        Span(first, v.toks[before].span.0)
    };
    Some((trim(v.text, content)?, cue, who))
}

fn sentence_end(v: &View<'_>, sentence: usize) -> usize {
    v.sentences.get(sentence).map_or(v.text.len(), |s| s.1)
}

/// The span without surrounding spaces and final punctuation; `None` when nothing is left.
fn trim(text: &str, s: Span) -> Option<Span> {
    let t = text.get(s.0..s.1)?;
    let lead = t.len() - t.trim_start().len();
    let body = t.trim_end().trim_end_matches(['.', ';', ':', ',', '!', '?']).trim_end();
    (body.len() > lead).then(|| Span(s.0 + lead, s.0 + body.len()))
}
