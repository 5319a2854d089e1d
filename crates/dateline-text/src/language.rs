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
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    if plainly_english(sample) {
        return Some("en".to_string());
    }
    let info = Detector::new().detect(sample)?;
    iso639_1(info.lang()).map(str::to_string)
}

/// Function words that are English and not also common words of another language written in
/// Latin script ("in", "a", "is", "die", "on" are left out for that reason).
const ENGLISH_WORDS: &[&str] = &[
    "the", "of", "and", "to", "that", "was", "for", "with", "said", "his", "her", "he", "she", "they", "it", "by",
    "from", "at", "as", "are", "have", "has", "had", "this", "which", "be", "were", "their", "would", "will", "been",
    "who", "not", "but", "its", "after", "than", "also", "about",
];

/// A shortcut for most of the news we read: a sample of at least 40 words of which a quarter or
/// more are English function words is English. (Other languages score a few percent here, and
/// whatlang's trigram scoring costs about a tenth of a whole analysis.) Anything less certain
/// goes to whatlang.
fn plainly_english(sample: &str) -> bool {
    let (mut words, mut english) = (0usize, 0usize);
    for w in sample.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        words += 1;
        if w.len() <= 5 && ENGLISH_WORDS.iter().any(|e| e.len() == w.len() && e.eq_ignore_ascii_case(w)) {
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
        assert!(plainly_english(en));
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
            assert!(!plainly_english(text), "{text}");
            assert_ne!(detect(text).as_deref(), Some("en"), "{text}");
        }
        assert!(!plainly_english("The minister said so."), "too short to take the shortcut");
    }
}
