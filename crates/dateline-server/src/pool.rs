//! A small pool of read-only store connections.
//!
//! A [`Store`] is not `Sync` (an SQLite connection serves one thread at a time), and opening one
//! per request costs a file open, a schema check and a cold page cache. So the server keeps a few
//! read-only connections, each used by one blocking task at a time: a semaphore hands out the
//! right to one, the task takes it from the idle list, runs its queries on a blocking thread (SQLite
//! calls block), and puts it back. WAL lets all of them read while an ingest writes.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use dateline_store::{Store, StoreError};
use tokio::sync::Semaphore;

use crate::ServerError;

/// Read-only connections to one store file, opened on first use.
#[derive(Debug)]
pub struct Pool {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
    permits: Semaphore,
}

impl Pool {
    /// A pool of at most `size` connections (at least one) to the store at `path`. The file must
    /// exist and be at the current schema version; the first connection is opened now so that a
    /// bad file fails at startup, not at the first request.
    pub fn open(path: &Path, size: usize) -> Result<Arc<Pool>, StoreError> {
        let first = Store::open_read_only(path)?;
        Ok(Arc::new(Pool {
            path: path.to_path_buf(),
            idle: Mutex::new(vec![first]),
            permits: Semaphore::new(size.max(1)),
        }))
    }

    /// The store file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` with a connection on a blocking thread and returns its result.
    pub async fn run<T, F>(self: &Arc<Self>, f: F) -> Result<T, ServerError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ServerError> + Send + 'static,
    {
        let permit = self.permits.acquire().await.map_err(|e| ServerError::Internal(e.to_string()))?;
        let pool = Arc::clone(self);
        let result = tokio::task::spawn_blocking(move || {
            let store = match pool.take() {
                Ok(store) => store,
                Err(e) => return Err(ServerError::Store(e)),
            };
            let result = f(&store);
            pool.give_back(store);
            result
        })
        .await
        .map_err(|e| ServerError::Internal(format!("a store task failed: {e}")))?;
        drop(permit);
        result
    }

    /// An idle connection, or a new one when all open ones are busy (the semaphore bounds how
    /// many exist).
    fn take(&self) -> Result<Store, StoreError> {
        let idle = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        match idle {
            Some(store) => Ok(store),
            None => Store::open_read_only(&self.path),
        }
    }

    fn give_back(&self, store: Store) {
        if let Ok(mut idle) = self.idle.lock() {
            idle.push(store);
        }
    }
}
