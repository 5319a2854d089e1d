//! Tone: VADER sentence scores and GDELT V2Tone-style word densities for an article, a tone for
//! each quote and an aggregate for each speaker.
//!
//! Lexicons: VADER (MIT) and Pattern (PDDL), compiled into `resources/tone.tsv` by
//! `examples/build_tone.rs`. The definitions of every field are in docs/RECORD.md ("tone").
//! Everything here is linear in the length of the text.

mod lexicon;
mod vader;

use lexicon::Classes;
pub use lexicon::ToneLexicon;
pub(crate) use lexicon::ToneTables;
pub use vader::{polarity_scores, Polarity};

use dateline_text::Span;

use crate::{Quote, SpeakerTone, Tone};
use vader::Scratch;

/// Rounds to four decimals, as the record stores scores.
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// A quote's tone: the VADER compound of its content, rounded to four decimals.
pub fn quote_tone(content: &str, lex: &ToneLexicon, words: &crate::Lexicon) -> f64 {
    round4(polarity_scores(content, lex, words).compound)
}

/// The tone of an article: `text` split into `sentences` (byte spans), with its quotes (whose
/// `tone` is read when set, else computed) for the speaker aggregates. Valences come from `lex`,
/// the word classes (boosters, negations, pronouns, activity verbs) from the `tone/` lists of
/// `lexicon`.
pub fn article_tone(
    text: &str,
    sentences: &[Span],
    quotes: &[Quote],
    lex: &ToneLexicon,
    lexicon: &crate::Lexicon,
) -> Tone {
    let c = Classes::of(lexicon);
    let mut scratch = Scratch::default();
    let (mut words, mut positive, mut negative, mut activity, mut pronouns) = (0usize, 0usize, 0usize, 0usize, 0usize);
    let (mut compound_sum, mut scored) = (0.0f64, 0usize);
    for sentence in sentences {
        let Some(s) = text.get(sentence.0..sentence.1) else { continue };
        let p = vader::score(s, lex, c, &mut scratch);
        if scratch.spans.is_empty() {
            continue;
        }
        compound_sum += p.compound;
        scored += 1;
        for (i, &(a, b)) in scratch.spans.iter().enumerate() {
            let word = &s[a..b];
            let alphanumeric = if word.is_ascii() {
                word.bytes().any(|b| b.is_ascii_alphanumeric())
            } else {
                word.chars().any(char::is_alphanumeric)
            };
            if !alphanumeric {
                continue;
            }
            words += 1;
            let v = scratch.valences[i];
            let sign = if v != 0.0 {
                v.signum()
            } else if let Some(p) = scratch.known[i].pattern {
                // Pattern words VADER lacks: their polarity, turned by a negation up to three
                // words before.
                let negated = (i.saturating_sub(3)..i).any(|k| scratch.class(k).negates(scratch.lower(k)));
                if negated {
                    -p.signum()
                } else {
                    p.signum()
                }
            } else {
                0.0
            };
            if sign > 0.0 {
                positive += 1;
            } else if sign < 0.0 {
                negative += 1;
            }
            activity += usize::from(scratch.class(i).is_activity());
            pronouns += usize::from(scratch.class(i).is_pronoun());
        }
    }
    let percent = |k: usize| if words == 0 { 0.0 } else { round4(100.0 * k as f64 / words as f64) };
    let (pos, neg) = (percent(positive), percent(negative));
    Tone {
        score: round4(pos - neg),
        positive: pos,
        negative: neg,
        polarity: round4(pos + neg),
        activity_density: percent(activity),
        self_group_density: percent(pronouns),
        word_count: words,
        compound: if scored == 0 { 0.0 } else { round4(compound_sum / scored as f64) },
        speakers: speaker_tones(quotes, lex, lexicon),
    }
}

/// One aggregate per speaker entity: the mean tone of the quotes attributed to it, in the order
/// speakers are first quoted.
fn speaker_tones(quotes: &[Quote], lex: &ToneLexicon, words: &crate::Lexicon) -> Vec<SpeakerTone> {
    let mut out: Vec<(SpeakerTone, f64)> = Vec::new();
    let mut index: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for q in quotes {
        let Some(id) = &q.speaker else { continue };
        let t = q.tone.unwrap_or_else(|| quote_tone(&q.content, lex, words));
        match index.get(id.as_str()) {
            Some(&k) => {
                out[k].0.quotes += 1;
                out[k].1 += t;
            }
            None => {
                index.insert(id, out.len());
                out.push((SpeakerTone { speaker: id.clone(), name: q.speaker_name.clone(), quotes: 1, tone: 0.0 }, t));
            }
        }
    }
    out.into_iter()
        .map(|(mut s, sum)| {
            s.tone = round4(sum / s.quotes as f64);
            s
        })
        .collect()
}

#[cfg(test)]
mod tests;
