//! Reading every stored record back, for `dateline export`.

use dateline_analyze::Analysis;

use crate::{Store, StoreError};

impl Store {
    /// Hands every stored article to `sink` in the order they were stored, or only those
    /// published on or after `since` (an ISO 8601 date or prefix, compared as text, so `2019`,
    /// `2019-09` and `2019-09-18` all work; articles without a publication date are then left
    /// out). A record that cannot be decoded is passed as an error and the export goes on; an
    /// error returned by `sink` stops it.
    pub fn export<E: From<StoreError>>(
        &self,
        since: Option<&str>,
        mut sink: impl FnMut(Result<Analysis, StoreError>) -> Result<(), E>,
    ) -> Result<(), E> {
        let err = |source| StoreError::Query { path: self.path.clone(), what: "exporting articles", source };
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, text, record_json FROM articles
                 WHERE ?1 IS NULL OR (published IS NOT NULL AND published >= ?1) ORDER BY pk",
            )
            .map_err(err)?;
        let mut rows = stmt.query([since]).map_err(err)?;
        while let Some(row) = rows.next().map_err(err)? {
            let fields = (|| {
                Ok::<_, rusqlite::Error>((row.get::<_, String>(0)?, row.get::<_, String>(1)?, row.get::<_, String>(2)?))
            })();
            let record = match fields {
                Ok((id, text, json)) => self.decode(id, text, &json),
                Err(source) => Err(err(source)),
            };
            sink(record)?;
        }
        Ok(())
    }
}
