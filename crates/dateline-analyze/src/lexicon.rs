//! The word lists the stages read, as a value carried by [`crate::Resources`].
//!
//! A stage never names a list by a global: it reads the set it is given
//! (`resources.lexicon.quotes.cue_lemmas`), so another language, or an edited list, is a folder
//! loaded at run time ([`Lexicon::from_dir`], `dateline analyze --lexicon DIR`) and a test can
//! analyse with a changed copy of the English set. The tables the stages derive from the lists
//! (every inflected form of the cue verbs, the prefixes of the organisation names, ...) belong to
//! the set too, built the first time a stage asks, so that a swapped set never meets tables made
//! from another one.

use std::fmt;
use std::ops::Deref;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use crate::AnalyzeError;

/// One language's word lists ([`dateline_lexicon::Lexicon`], which this dereferences to) and
/// the tables derived from them. Cheap to clone (shared), read-only, shared across threads.
#[derive(Clone)]
pub struct Lexicon {
    inner: Arc<Inner>,
}

struct Inner {
    set: Arc<dateline_lexicon::Lexicon>,
    cues: OnceLock<crate::quotes::CueTables>,
    entities: OnceLock<crate::entities::EntityTables>,
    tone: OnceLock<crate::tone::ToneTables>,
}

impl Lexicon {
    /// The English set compiled into the binary (`resources/lexicon/en/`): made once per process,
    /// so every [`Lexicon::embedded`] shares its lists and derived tables.
    pub fn embedded() -> Self {
        Lexicon::embedded_static().clone()
    }

    /// [`Lexicon::embedded`] by reference, for the public functions that take no `Resources`.
    pub(crate) fn embedded_static() -> &'static Lexicon {
        static EN: OnceLock<Lexicon> = OnceLock::new();
        EN.get_or_init(|| Lexicon::from_set(dateline_lexicon::Lexicon::embedded_en()))
    }

    /// A set built in code (a test's changed copy, say).
    pub fn new(set: dateline_lexicon::Lexicon) -> Self {
        Lexicon::from_set(Arc::new(set))
    }

    fn from_set(set: Arc<dateline_lexicon::Lexicon>) -> Self {
        Lexicon {
            inner: Arc::new(Inner { set, cues: OnceLock::new(), entities: OnceLock::new(), tone: OnceLock::new() }),
        }
    }

    /// The set in the folder `dir`, laid out as `resources/lexicon/en/`: every file required,
    /// the first missing or malformed one an error naming the file and the line.
    pub fn from_dir(dir: impl AsRef<Path>) -> Result<Self, AnalyzeError> {
        Ok(Lexicon::new(dateline_lexicon::Lexicon::from_dir(dir)?))
    }

    /// The cue verbs' forms, built from `quotes/cue-lemmas.txt` and its neighbours.
    pub(crate) fn cues(&self) -> &crate::quotes::CueTables {
        self.inner.cues.get_or_init(|| crate::quotes::CueTables::new(&self.quotes))
    }

    /// The entity rules' lookup tables.
    pub(crate) fn entity_tables(&self) -> &crate::entities::EntityTables {
        self.inner.entities.get_or_init(|| crate::entities::EntityTables::new(self))
    }

    /// The tone stage's word classes.
    pub(crate) fn tone_tables(&self) -> &crate::tone::ToneTables {
        self.inner.tone.get_or_init(|| crate::tone::ToneTables::new(&self.tone))
    }
}

impl Deref for Lexicon {
    type Target = dateline_lexicon::Lexicon;
    fn deref(&self) -> &Self::Target {
        &self.inner.set
    }
}

/// The embedded English set.
impl Default for Lexicon {
    fn default() -> Self {
        Lexicon::embedded()
    }
}

impl fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let first = self.lists().next().map(|l| l.file().to_string());
        f.debug_struct("Lexicon").field("first_file", &first).finish_non_exhaustive()
    }
}
