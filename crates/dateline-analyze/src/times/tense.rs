//! Tense around a time expression: whether the clause puts the time ahead of the article's date
//! (a future auxiliary, a schedule in the present, a plan) or a past verb governs it. The
//! patterns in [`super::scan`] ask this to choose the direction of a weekday, a month or a date
//! whose year is missing.

use super::tokens::Toks;

/// Past-tense verbs that end a backward search for a future cue: the time belongs to them.
const PAST_CUES: [&str; 11] =
    ["said", "told", "announced", "added", "stated", "reported", "confirmed", "was", "were", "had", "did"];

/// Words that put the time they govern ahead of the article's date: auxiliaries of the future,
/// and the schedules of wire copy.
const FUTURE_CUES: [&str; 7] = ["will", "shall", "scheduled", "slated", "due", "upcoming", "intends"];

/// Weaker cues: the conditional and the plans, expectations and deadlines of reported speech
/// ("would", "plans to", "expected to", "payable", "effective"). They are not used for a weekday
/// that names an event by the possessive ("Wednesday's ruling", which is past news even when
/// the clause is about the future).
const WEAK_FUTURE_CUES: [&str; 9] =
    ["would", "should", "might", "can", "expected", "expects", "payable", "effective", "soon"];

/// How strong a future cue token `k` is: 2 for [`FUTURE_CUES`] and "'ll", 1 for
/// [`WEAK_FUTURE_CUES`], "set to", "as early as", and plan verbs with an object ("plans to", "planned a"), 0 otherwise. A word glued
/// to a hyphen ("lower-than-expected") is part of a compound, not a verb.
fn future_cue(t: &Toks, k: usize) -> u8 {
    if !t.is_word(k) || (t.glued(k) && t.is_punct(k.wrapping_sub(1), "-")) {
        return 0;
    }
    let w = t.lower(k);
    if FUTURE_CUES.contains(&&*w) || (w == "ll" && t.glued(k)) {
        return 2;
    }
    let plan = matches!(&*w, "plan" | "plans" | "planned" | "planning" | "postponed")
        && ["to", "a", "an", "until"].iter().any(|o| t.is(k + 1, o));
    let weak = WEAK_FUTURE_CUES.contains(&&*w)
        || plan
        || (w == "set" && t.is(k + 1, "to"))
        || (w == "early" && t.is(k + 1, "as") && k.checked_sub(1).is_some_and(|p| t.is(p, "as")));
    u8::from(weak)
}

/// True when token `k` opens a sentence, not counting a period after an initial or a title
/// ("Daniel P. Davison", "U.S. officials", "Mr. Smith"), which ends no sentence.
fn clause_start(t: &Toks, k: usize) -> bool {
    if !t.sentence_start(k) {
        return false;
    }
    if k >= 2 && t.is_punct(k - 1, ".") && t.glued(k - 1) && t.is_word(k - 2) {
        let w = t.s(k - 2);
        let initial = w.len() == 1 && t.capitalized(k - 2);
        let title = ["mr", "mrs", "ms", "dr", "gen", "gov", "sen", "rep", "st", "jr", "sr", "lt", "col", "sgt"]
            .iter()
            .any(|a| w.eq_ignore_ascii_case(a));
        return !(initial || title);
    }
    true
}

/// True when the clause before token `i` is in the future tense ("will meet on Monday", "plans
/// to leave on Thursday"), and no past reporting verb comes between ("will go, he said on
/// Monday"). A deadline ("until Friday") reads as future unless a past verb governs it.
pub(super) fn future_before(t: &Toks, i: usize) -> bool {
    // "since March" is past whatever the clause says, and so is a time a past verb governs.
    if t.is(i.wrapping_sub(1), "since") || past_governs(t, i) {
        return false;
    }
    if scheduled_present(t, i) {
        return true;
    }
    let possessive = t.is_punct(i + 1, "'") || t.is_punct(i + 1, "\u{2019}");
    let needed = if possessive { 2 } else { 1 };
    let mut k = i;
    let mut steps = 0;
    let mut until = false;
    while k > 0 && steps < 30 {
        if clause_start(t, k) {
            break;
        }
        k -= 1;
        steps += 1;
        let w = t.lower(k);
        if PAST_CUES.contains(&&*w) {
            return false;
        }
        if future_cue(t, k) >= needed {
            return true;
        }
        if (w == "until" || w == "till") && k + 1 == i && !clause_start(t, k) {
            until = true;
        }
    }
    until
}

/// Irregular past tenses of news verbs that govern a time right after them ("met Monday").
const IRREGULAR_PAST: [&str; 16] = [
    "said", "told", "began", "met", "left", "held", "took", "won", "lost", "fell", "rose", "came", "went", "sent",
    "spoke", "wrote",
];

/// Words before a participle that make it a passive or an infinitive, not a past tense ("will be
/// sentenced Monday", "is to be released Friday", "are closed Monday").
const NOT_PAST_BEFORE: [&str; 10] = ["be", "been", "being", "to", "is", "are", "am", "get", "gets", "getting"];

/// True when a past-tense verb right before token `i` (or before "on" there) governs the time at
/// `i`: "shares issued July 1", "the quarter ended Oct. 31", "the ruling, Cuba predicted
/// Wednesday", "signed on Monday". Such a time is not ahead of the article's date, whatever
/// future the sentence speaks of around it. Passives and infinitives ("will be sentenced
/// Monday") and the verbs of schedules ("scheduled", "expected", "planned") are not past.
pub(super) fn past_governs(t: &Toks, i: usize) -> bool {
    let Some(mut k) = i.checked_sub(1) else { return false };
    if t.is(k, "on") {
        let Some(p) = k.checked_sub(1) else { return false };
        k = p;
    }
    if !t.is_word(k) || t.capitalized(k) || future_cue(t, k) > 0 {
        return false;
    }
    let w = t.s(k);
    let regular = w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed");
    if !regular && !IRREGULAR_PAST.contains(&w) {
        return false;
    }
    // An adverb between the auxiliary and the participle: "will be formally sentenced Monday".
    let mut a = k.wrapping_sub(1);
    if t.is_word(a) && t.s(a).ends_with("ly") {
        a = a.wrapping_sub(1);
    }
    if t.is_word(a) && NOT_PAST_BEFORE.iter().any(|x| t.is(a, x)) {
        return false;
    }
    // A tense shifted back in a time clause of reported speech: "would buy as soon as trading
    // opened Monday", "would be infused when the markets opened on Friday".
    !(1..=3).any(|n| k.checked_sub(n).is_some_and(|c| SHIFTED_AFTER.iter().any(|x| t.is(c, x))))
}

/// Verbs of timetables that news writes in the present for what is to come ("talks resume
/// Monday", "the two leaders meet separately Monday", "the law takes effect Friday").
const SCHEDULE_VERBS: [&str; 12] =
    ["meet", "begin", "start", "open", "resume", "leave", "arrive", "return", "visit", "travel", "convene", "reopen"];

/// True when a present tense of a [`SCHEDULE_VERBS`] verb governs the time at `i` (right before
/// it, or with "on" or an adverb in "-ly" between): the time is ahead of the article's date.
fn scheduled_present(t: &Toks, i: usize) -> bool {
    let Some(mut k) = i.checked_sub(1) else { return false };
    if t.is(k, "on") || t.is_word(k) && t.s(k).len() > 4 && t.s(k).ends_with("ly") {
        let Some(p) = k.checked_sub(1) else { return false };
        k = p;
    }
    if !t.is_word(k) || t.capitalized(k) {
        return false;
    }
    let w = t.s(k);
    let stem = w.strip_suffix('s').unwrap_or(w);
    // "the track meet Saturday" and "a visit Monday" are nouns after an article.
    let article =
        k.checked_sub(1).is_some_and(|p| ["the", "a", "an", "his", "her", "their", "its"].iter().any(|a| t.is(p, a)));
    SCHEDULE_VERBS.contains(&stem) && !article
}

/// Conjunctions that open a time clause, whose past tense in reported speech may stand for a
/// future ("as soon as trading opened Monday").
const SHIFTED_AFTER: [&str; 6] = ["when", "once", "soon", "until", "till", "if"];

/// True when a weekday opens its sentence ("On Tuesday, the league plans to ...") and the clause
/// after it is in the future tense before any past verb.
pub(super) fn future_after_opening(t: &Toks, i: usize) -> bool {
    let opens = clause_start(t, i) || (t.is(i.wrapping_sub(1), "on") && clause_start(t, i.wrapping_sub(1)));
    if !opens || !t.is_punct(i + 1, ",") {
        return false;
    }
    for k in i + 2..(i + 22).min(t.len()) {
        if t.kind(k) == Some(super::tokens::Kind::Punct) && matches!(t.s(k), "." | "!" | "?" | ";") {
            return false;
        }
        if PAST_CUES.contains(&&*t.lower(k)) {
            return false;
        }
        // Forward, the weak cues count only in the present tense with an infinitive ("plans to").
        let weak = future_cue(t, k) == 1 && t.is(k + 1, "to") && !t.s(k).ends_with("ed");
        if future_cue(t, k) == 2 || weak {
            return true;
        }
    }
    false
}
