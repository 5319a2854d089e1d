//! The place gazetteer (stub; the dateline work fills it in from GeoNames).

use crate::AnalyzeError;

/// Places and countries by name.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {}

impl Gazetteer {
    /// The gazetteer compiled into the binary.
    pub fn embedded() -> Result<Self, AnalyzeError> {
        Ok(Gazetteer {})
    }
}
