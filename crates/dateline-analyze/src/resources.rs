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
}

/// The entity model compiled into the binary.
static NER_MODEL: &[u8] = include_bytes!("../../../resources/ner.model");

impl Resources {
    /// Loads the resources embedded in the binary (built by the documented commands in
    /// `resources/README.md`).
    pub fn embedded() -> Result<Self, AnalyzeError> {
        Ok(Resources {
            gazetteer: Gazetteer::embedded()?,
            ner: dateline_ner::Model::from_bytes(NER_MODEL).map_err(|e| AnalyzeError::Resource {
                name: "embedded resources/ner.model".to_string(),
                line: 0,
                message: e.to_string(),
            })?,
            tone: crate::ToneLexicon::embedded()?,
        })
    }
}
