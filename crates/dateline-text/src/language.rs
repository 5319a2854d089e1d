//! Language identification: which language an article is written in, as an ISO 639-1 code.
//!
//! whatlang is small (trigram profiles compiled in, no data files) and fast enough to run on
//! every article. It is unreliable on very short texts, so we only answer when there are
//! enough letters. Its own "reliable" flag and confidence (a margin over the runner-up) reject
//! most clear single sentences, so they are not used as a gate.

use whatlang::{Detector, Lang};

/// Fewer letters than this and we do not guess.
const MIN_LETTERS: usize = 20;
/// How much text is looked at: the first part of an article decides its language (a few
/// paragraphs are plenty for whatlang's trigrams, and detection costs in proportion).
const SAMPLE_BYTES: usize = 1536;

/// The language of `text` as an ISO 639-1 code (`en`, `de`), or `None` when the text is too
/// too short to tell.
pub fn detect(text: &str) -> Option<String> {
    let lists = &dateline_lexicon::Lexicon::embedded_en_ref().text;
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    if plainly_english(sample, lists) {
        return Some("en".to_string());
    }
    let info = Detector::new().detect(sample)?;
    iso639_1(info.lang()).map(str::to_string)
}

/// What language identification found, and how sure it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Detection {
    /// ISO 639-1 code, or `None` when the text is too short to tell.
    pub code: Option<String>,
    /// How sure, 0..=1: the share of English function words for the English rules, whatlang's
    /// confidence (its margin over the runner-up) otherwise.
    pub confidence: f32,
    /// Whether the answer is sure enough to skip the stages that read English when it is not
    /// English: a long enough sample and a clear margin, or a script English is not written in.
    pub reliable: bool,
}

/// Fewer letters than this and a non-English answer from whatlang is not reliable.
const RELIABLE_LETTERS: usize = 120;
/// whatlang's confidence at or over which a long enough sample is reliable.
const RELIABLE_CONFIDENCE: f64 = 0.5;

/// Like [`detect`], with how sure the answer is. Short and tabular English (a headline and one
/// sentence, a table of results) has few of the trigrams whatlang needs and may come back as
/// another language written in Latin script; English function words, or a weak answer on a
/// short sample, keep it from being thrown away.
///
/// The English function words are those of the set compiled in; [`detect_with_confidence_with`]
/// takes a set (the analysis passes the one of its `Resources`).
pub fn detect_with_confidence(text: &str) -> Detection {
    detect_with_confidence_with(text, &dateline_lexicon::Lexicon::embedded_en_ref().text)
}

/// [`detect_with_confidence`] with the English function words of `lists`
/// (`text/english-words.txt`).
pub fn detect_with_confidence_with(text: &str, lists: &dateline_lexicon::en::text::Text) -> Detection {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    // Letters are only compared with MIN_LETTERS and RELIABLE_LETTERS: counted up to the larger,
    // not over the whole sample.
    let letters = sample.chars().filter(|c| c.is_alphabetic()).take(MIN_LETTERS.max(RELIABLE_LETTERS)).count();
    if letters < MIN_LETTERS {
        return Detection { code: None, confidence: 0.0, reliable: false };
    }
    let (words, english) = english_share(sample, lists);
    let share = if words == 0 { 0.0 } else { english as f32 / words as f32 };
    if words >= 40 && english * 4 >= words {
        return Detection { code: Some("en".into()), confidence: (0.5 + 2.0 * share).min(1.0), reliable: true };
    }
    let Some(info) = Detector::new().detect(sample) else {
        return Detection { code: None, confidence: 0.0, reliable: false };
    };
    let code = iso639_1(info.lang()).map(str::to_string);
    let latin = info.script() == whatlang::Script::Latin;
    if code.as_deref() != Some("en") && latin && english >= 2 && english * 6 >= words {
        // A short English text with its function words: English, whatever the trigrams say.
        return Detection { code: Some("en".into()), confidence: (0.3 + 2.0 * share).min(0.9), reliable: words >= 12 };
    }
    let reliable =
        !latin || info.is_reliable() || (letters >= RELIABLE_LETTERS && info.confidence() >= RELIABLE_CONFIDENCE);
    if code.as_deref() != Some("en") && !reliable && english >= 1 && sample.is_ascii() {
        // A weak answer on a short sample in plain ASCII with an English function word: a line
        // of English news ("X met Y in Z on Friday, officials said"), said with little confidence.
        return Detection { code: Some("en".into()), confidence: (0.2 + share).min(0.5), reliable: false };
    }
    Detection { code, confidence: info.confidence() as f32, reliable }
}

/// Words of `sample`, and how many of them are English function words.
fn english_share(sample: &str, lists: &dateline_lexicon::en::text::Text) -> (usize, usize) {
    if sample.is_ascii() {
        return english_share_ascii(sample, lists);
    }
    english_share_by_chars(sample, lists)
}

/// [`english_share`] of an ASCII sample (nearly every one), read by bytes: for an ASCII char,
/// `is_alphabetic` is `is_ascii_alphabetic`, and splitting on a char predicate decoded every char.
fn english_share_ascii(sample: &str, lists: &dateline_lexicon::en::text::Text) -> (usize, usize) {
    let (mut words, mut english) = (0usize, 0usize);
    let bytes = sample.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
        }
        words += 1;
        if i - start <= 5 && sample.get(start..i).is_some_and(|w| lists.english_words.contains_ignore_ascii_case(w)) {
            english += 1;
        }
    }
    (words, english)
}

/// [`english_share`] by chars.
fn english_share_by_chars(sample: &str, lists: &dateline_lexicon::en::text::Text) -> (usize, usize) {
    let (mut words, mut english) = (0usize, 0usize);
    for w in sample.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        words += 1;
        if w.len() <= 5 && lists.english_words.contains_ignore_ascii_case(w) {
            english += 1;
        }
    }
    (words, english)
}

/// A shortcut for most of the news we read: a sample of at least 40 words of which a quarter or
/// more are English function words is English. (Other languages score a few percent here, and
/// whatlang's trigram scoring costs about a tenth of a whole analysis.) Anything less certain
/// goes to whatlang.
fn plainly_english(sample: &str, lists: &dateline_lexicon::en::text::Text) -> bool {
    let (mut words, mut english) = (0usize, 0usize);
    for w in sample.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        words += 1;
        if w.len() <= 5 && lists.english_words.contains_ignore_ascii_case(w) {
            english += 1;
        }
    }
    words >= 40 && english * 4 >= words
}

/// ISO 639-1 code of a whatlang language; `None` for the few without one.
fn iso639_1(lang: Lang) -> Option<&'static str> {
    Some(match lang {
        Lang::Eng => "en",
        Lang::Deu => "de",
        Lang::Fra => "fr",
        Lang::Spa => "es",
        Lang::Ita => "it",
        Lang::Por => "pt",
        Lang::Nld => "nl",
        Lang::Rus => "ru",
        Lang::Ukr => "uk",
        Lang::Pol => "pl",
        Lang::Ces => "cs",
        Lang::Slk => "sk",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Bul => "bg",
        Lang::Mkd => "mk",
        Lang::Bel => "be",
        Lang::Ron => "ro",
        Lang::Hun => "hu",
        Lang::Fin => "fi",
        Lang::Est => "et",
        Lang::Lav => "lv",
        Lang::Lit => "lt",
        Lang::Swe => "sv",
        Lang::Dan => "da",
        Lang::Nob => "nb",
        Lang::Ell => "el",
        Lang::Tur => "tr",
        Lang::Aze => "az",
        Lang::Ara => "ar",
        Lang::Heb => "he",
        Lang::Pes => "fa",
        Lang::Urd => "ur",
        Lang::Hin => "hi",
        Lang::Ben => "bn",
        Lang::Pan => "pa",
        Lang::Guj => "gu",
        Lang::Mar => "mr",
        Lang::Tam => "ta",
        Lang::Tel => "te",
        Lang::Kan => "kn",
        Lang::Mal => "ml",
        Lang::Ori => "or",
        Lang::Sin => "si",
        Lang::Nep => "ne",
        Lang::Tha => "th",
        Lang::Vie => "vi",
        Lang::Ind => "id",
        Lang::Jav => "jv",
        Lang::Tgl => "tl",
        Lang::Cmn => "zh",
        Lang::Jpn => "ja",
        Lang::Kor => "ko",
        Lang::Kat => "ka",
        Lang::Hye => "hy",
        Lang::Amh => "am",
        Lang::Yid => "yi",
        Lang::Epo => "eo",
        Lang::Lat => "la",
        Lang::Afr => "af",
        Lang::Zul => "zu",
        Lang::Sna => "sn",
        Lang::Aka => "ak",
        Lang::Cat => "ca",
        Lang::Khm => "km",
        Lang::Mya => "my",
        Lang::Uzb => "uz",
        Lang::Tuk => "tk",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The byte reading of an ASCII sample counts the words and English words the char
        /// reading counts.
        #[test]
        fn ascii_share_equals_the_char_share(
            sample in r"((the|of|and|in|to|a|is|was|for|that|said|Mr|X|\\d+|[a-zA-Z]{1,8})[ ,.'\-\n0-9]{1,3}){0,40}"
        ) {
            let lists = &dateline_lexicon::Lexicon::embedded_en_ref().text;
            proptest::prop_assert_eq!(english_share_ascii(&sample, lists), english_share_by_chars(&sample, lists));
        }
    }

    #[test]
    fn common_news_languages() {
        let en = "The minister said on Monday that the government would present the budget next week.";
        let de = "Der Minister sagte am Montag, die Regierung werde den Haushalt in der nächsten Woche vorlegen.";
        let fr = "Le ministre a déclaré lundi que le gouvernement présenterait le budget la semaine prochaine.";
        assert_eq!(detect(en).as_deref(), Some("en"));
        assert_eq!(detect(de).as_deref(), Some("de"));
        assert_eq!(detect(fr).as_deref(), Some("fr"));
        assert_eq!(detect("OK"), None);
        assert_eq!(detect(""), None);
        let _ = detect(&"é".repeat(5000));
    }

    /// The English shortcut answers only for English: long texts in other languages (including
    /// ones that share words with English) still go to whatlang, and English below the bar too.
    #[test]
    fn the_english_shortcut_is_only_taken_by_english() {
        let en = "The minister said on Monday that the government would present the budget next week, \
                  and that it had been delayed by a dispute with the opposition over spending. He said \
                  the plan was not final and that talks with the unions, which have been held since \
                  March, would go on for as long as they were needed to reach an agreement.";
        assert!(plainly_english(en, &dateline_lexicon::Lexicon::embedded_en_ref().text));
        assert_eq!(detect(en).as_deref(), Some("en"));
        let others = [
            "De minister zei maandag dat de regering de begroting volgende week zal presenteren, en dat \
             die is vertraagd door een geschil met de oppositie over de uitgaven. Hij zei dat het plan \
             niet definitief is en dat de gesprekken met de vakbonden, die sinds maart worden gevoerd, \
             zullen doorgaan zolang dat nodig is om tot een akkoord te komen met alle partijen.",
            "Der Minister sagte am Montag, die Regierung werde den Haushalt in der nächsten Woche \
             vorlegen, und er sei durch einen Streit mit der Opposition über die Ausgaben verzögert \
             worden. Er sagte, der Plan sei nicht endgültig und die Gespräche mit den Gewerkschaften, \
             die seit März geführt werden, würden so lange fortgesetzt, wie es nötig sei.",
            "El ministro dijo el lunes que el gobierno presentará el presupuesto la próxima semana, y que \
             se ha retrasado por una disputa con la oposición sobre el gasto. Dijo que el plan no es \
             definitivo y que las conversaciones con los sindicatos, que se celebran desde marzo, \
             seguirán durante todo el tiempo que sea necesario para llegar a un acuerdo final.",
        ];
        for text in others {
            assert!(!plainly_english(text, &dateline_lexicon::Lexicon::embedded_en_ref().text), "{text}");
            assert_ne!(detect(text).as_deref(), Some("en"), "{text}");
        }
        assert!(
            !plainly_english("The minister said so.", &dateline_lexicon::Lexicon::embedded_en_ref().text),
            "too short to take the shortcut"
        );
    }

    /// Short English is English, with how sure the answer is; other languages stay theirs.
    #[test]
    fn short_english_is_english() {
        let one = "Karla Veit met Tomas Brenner in Vienna on Friday, officials said.";
        let d = detect_with_confidence(one);
        assert_eq!(d.code.as_deref(), Some("en"), "{d:?}");
        let table = "RESULTS\nRovers 2 United 1\nCity 0 Athletic 3\nWanderers 1 Albion 1\nTown 4 County 2";
        let d = detect_with_confidence(table);
        assert!(d.code.as_deref() == Some("en") || !d.reliable, "{d:?}");
        let fr = "Le ministre a déclaré lundi que le gouvernement présenterait le budget la semaine prochaine, \
                  et que le retard tenait à un désaccord avec l'opposition sur les dépenses publiques.";
        let d = detect_with_confidence(fr);
        assert_eq!(d.code.as_deref(), Some("fr"));
        assert!(d.reliable, "{d:?}");
        assert!(detect_with_confidence("OK").code.is_none());
    }
}
