//! Resources shared by every analysis: loaded once, read-only, shared across threads.

use crate::gazetteer::Gazetteer;
use crate::AnalyzeError;

/// Models, gazetteers and lexicons the stages read. Cheap to share by reference across threads.
#[derive(Debug, Clone, Default)]
pub struct Resources {
    /// Places and countries (GeoNames).
    pub gazetteer: Gazetteer,
    /// The entity recogniser (trained by `cargo run --release -p dateline-ner --example train`).
    pub ner: dateline_ner::Model,
    /// Tone lexicons (VADER and Pattern; built by `cargo run -p dateline-analyze --example build_tone`).
    pub tone: crate::ToneLexicon,
    /// Organisation names annotated in the model's training documents (built by
    /// `cargo run --release -p dateline-ner --example build_org_names`).
    pub org_names: OrgNames,
    /// The word lists of the rules (`resources/lexicon/en/` by default): the stages read them
    /// from here, so a set loaded at run time (`Lexicon::from_dir`) replaces the English one.
    pub lexicon: crate::Lexicon,
}

/// Organisation names, as their tokens joined by single spaces ("A - League", "Bank of X").
#[derive(Debug, Clone, Default)]
pub struct OrgNames {
    names: dateline_ner::lexicon::WordMap<()>,
    /// The first token of every name, so that most words are turned away by one lookup.
    firsts: dateline_ner::lexicon::WordMap<()>,
    /// The names of several words in capitals, for text written all in capitals, and their
    /// first tokens.
    shouted: dateline_ner::lexicon::WordMap<()>,
    shouted_firsts: dateline_ner::lexicon::WordMap<()>,
    /// The most tokens of a name.
    max_words: usize,
}

impl OrgNames {
    /// Reads `name TAB count` lines (a `#` line is a comment).
    pub fn from_tsv(text: &str) -> Self {
        let mut o = OrgNames::default();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let name = line.split('\t').next().unwrap_or("").trim();
            if name.is_empty() {
                continue;
            }
            let first = name.split(' ').next().unwrap_or(name);
            o.firsts.insert(first.to_string(), ());
            o.max_words = o.max_words.max(name.split(' ').count());
            o.names.insert(name.to_string(), ());
            if name.contains(' ') {
                o.shouted_firsts.insert(first.to_uppercase(), ());
                o.shouted.insert(name.to_uppercase(), ());
            }
        }
        o
    }
    /// Whether some name starts with the token `w`.
    pub fn may_start(&self, w: &str) -> bool {
        self.firsts.contains_key(w)
    }
    /// Whether `name` (tokens joined by single spaces) is a listed organisation.
    pub fn contains(&self, name: &str) -> bool {
        self.names.contains_key(name)
    }
    /// Whether some name of several words, in capitals, starts with the token `w`.
    pub fn may_start_shouted(&self, w: &str) -> bool {
        self.shouted_firsts.contains_key(w)
    }
    /// Whether `name` (tokens in capitals joined by single spaces) is a listed organisation's
    /// name of several words written in capitals.
    pub fn contains_shouted(&self, name: &str) -> bool {
        self.shouted.contains_key(name)
    }
    /// The most tokens of a listed name.
    pub fn max_words(&self) -> usize {
        self.max_words
    }
    /// How many names are listed.
    pub fn len(&self) -> usize {
        self.names.len()
    }
    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// The organisation names compiled into the binary.
static ORG_NAMES_GZ: &[u8] = include_bytes!("../../../resources/org-names.tsv.gz");

/// The entity model compiled into the binary.
static NER_MODEL: &[u8] = include_bytes!("../../../resources/ner.model");

/// The decoding bias of the recogniser's organisation tags (B, I, L and U of ORG), in the
/// model's quantised units: added to their scores at every token the decoder scores, so that a
/// name the weights find about as likely an organisation as not is read as one (more
/// organisations found, a few more wrongly). Tuned on the dev sets with the shipped model
/// (`eval_entities --split dev --bias ORG=N`; docs/accuracy-entities.md, session 20).
pub const ORG_TAG_BIAS: i32 = 500;

/// Sets the recogniser's decoding settings the entity stage is tuned with
/// ([`ORG_TAG_BIAS`]) on `ner`: done for the embedded model, and for another model loaded in
/// its place to be measured the same way.
pub fn set_decoding_bias(ner: &mut dateline_ner::Model) {
    for pos in 0..4 {
        ner.set_tag_bias(dateline_ner::Label::Org, pos, ORG_TAG_BIAS);
    }
}

impl Resources {
    /// Loads the resources embedded in the binary (built by the documented commands in
    /// `resources/README.md`).
    ///
    /// The word lists of the rules (`resources/lexicon/`, the English set as
    /// [`Resources::lexicon`]) are checked here too: a malformed list is refused with its file
    /// and line before any article is read, and so are the other languages' lists
    /// (`resources/lexicon/intl/`).
    pub fn embedded() -> Result<Self, AnalyzeError> {
        dateline_lexicon::check_embedded().map_err(|e| AnalyzeError::Resource {
            name: format!("embedded {}", e.file),
            line: e.line,
            message: e.message,
        })?;
        crate::intl::lexicon::check().map_err(|e| AnalyzeError::Resource {
            name: format!("embedded {}", e.file),
            line: e.line,
            message: e.message,
        })?;
        Ok(Resources {
            gazetteer: Gazetteer::embedded()?,
            // (the bytes the build read: their checksum is checked by a test, not by every run)
            ner: {
                let mut ner =
                    dateline_ner::Model::from_embedded_bytes(NER_MODEL).map_err(|e| AnalyzeError::Resource {
                        name: "embedded resources/ner.model".to_string(),
                        line: 0,
                        message: e.to_string(),
                    })?;
                set_decoding_bias(&mut ner);
                ner
            },
            tone: crate::ToneLexicon::embedded()?,
            org_names: {
                use std::io::Read;
                let mut text = String::new();
                flate2::read::GzDecoder::new(ORG_NAMES_GZ).read_to_string(&mut text).map_err(|e| {
                    AnalyzeError::Resource {
                        name: "embedded resources/org-names.tsv.gz".to_string(),
                        line: 0,
                        message: e.to_string(),
                    }
                })?;
                OrgNames::from_tsv(&text)
            },
            lexicon: crate::Lexicon::embedded(),
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_embedded_recogniser_decodes_with_the_organisation_bias_and_no_other() {
        let res = super::Resources::embedded().expect("loads");
        for pos in 0..4 {
            assert_eq!(res.ner.tag_bias(dateline_ner::Label::Org, pos), super::ORG_TAG_BIAS);
            for other in [dateline_ner::Label::Per, dateline_ner::Label::Loc, dateline_ner::Label::Event] {
                assert_eq!(res.ner.tag_bias(other, pos), 0);
            }
        }
        // a model loaded in its place gets the same setting
        let mut other = dateline_ner::Model::from_bytes(super::NER_MODEL).expect("loads");
        assert_eq!(other.tag_bias(dateline_ner::Label::Org, 1), 0);
        super::set_decoding_bias(&mut other);
        assert_eq!(other.tag_bias(dateline_ner::Label::Org, 1), super::ORG_TAG_BIAS);
    }

    /// `Resources::embedded` loads the model without summing it; the sum is checked here, once.
    #[test]
    fn the_embedded_model_passes_its_checksum() {
        let checked = dateline_ner::Model::from_bytes(super::NER_MODEL).expect("the committed model's checksum holds");
        let unchecked = dateline_ner::Model::from_embedded_bytes(super::NER_MODEL).expect("loads");
        assert_eq!(checked.to_bytes(), unchecked.to_bytes());
    }
}
