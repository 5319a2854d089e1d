//! Language identification: which language an article is written in, as an ISO 639-1 code.
//!
//! whatlang is small (trigram profiles compiled in, no data files) and fast enough to run on
//! every article. It is unreliable on very short texts, so we only answer when there are
//! enough letters. Its own "reliable" flag and confidence (a margin over the runner-up) reject
//! most clear single sentences, so they are not used as a gate.

use whatlang::{Detector, Lang};

/// Fewer letters than this and we do not guess.
const MIN_LETTERS: usize = 20;
/// How much text is looked at: the first part of an article decides its language.
const SAMPLE_BYTES: usize = 4096;

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
    let info = Detector::new().detect(sample)?;
    iso639_1(info.lang()).map(str::to_string)
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
}
