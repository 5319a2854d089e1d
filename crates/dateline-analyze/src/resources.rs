//! Resources shared by every analysis: loaded once, read-only, shared across threads.

use crate::gazetteer::Gazetteer;
use crate::AnalyzeError;

/// Models, gazetteers and lexicons the stages read. Cheap to share by reference across threads.
#[derive(Debug, Clone, Default)]
pub struct Resources {
    /// Places and countries (GeoNames).
    pub gazetteer: Gazetteer,
}

impl Resources {
    /// Loads the resources embedded in the binary (built by the documented commands in
    /// `resources/README.md`).
    pub fn embedded() -> Result<Self, AnalyzeError> {
        Ok(Resources {
            gazetteer: Gazetteer::embedded()?,
        })
    }
}
