//! What every handler shares: the read pool, the optional writer, the templates, and the cached
//! corpus index.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use dateline_analyze::Resources;
use dateline_store::views::CorpusIndex;
use dateline_store::Store;
use tokio::sync::OnceCell;

use crate::model::SearchResponse;
use crate::pool::Pool;
use crate::routes::quotes::QuotesResponse;
use crate::templates::Templates;
use crate::ServerError;

/// How `dateline serve` is configured.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// The store file.
    pub db: PathBuf,
    /// Where to listen; loopback by default, so nothing is exposed unless asked for.
    pub addr: SocketAddr,
    /// The token that enables and guards the write route (`POST /api/ingest`); `None` serves
    /// read-only.
    pub token: Option<String>,
    /// Largest request body accepted, in bytes (the ingest route's JSONL).
    pub max_body_bytes: usize,
    /// Read-only store connections (0: twice the number of cores).
    pub readers: usize,
}

impl ServeConfig {
    /// Defaults for `db`: loopback port 8080, read-only, 16 MiB bodies.
    pub fn new(db: PathBuf) -> ServeConfig {
        ServeConfig {
            db,
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            token: None,
            max_body_bytes: 16 << 20,
            readers: 0,
        }
    }
}

/// How often the corpus index checks whether the store changed.
const INDEX_RECHECK: Duration = Duration::from_secs(2);

/// Entities, speakers and places kept in the corpus index.
const INDEX_TOP: usize = 5_000;

/// The write side, present only when the server was started with a token.
pub struct Writer {
    /// The token `POST /api/ingest` must present.
    pub token: String,
    /// The one read-write connection; ingests run one at a time.
    pub store: Mutex<Store>,
    /// Analysis resources, loaded once.
    pub resources: Resources,
}

impl std::fmt::Debug for Writer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writer").finish_non_exhaustive()
    }
}

/// The cached corpus index and when it was last checked against the store.
#[derive(Debug, Default)]
struct IndexCache {
    generation: Option<(u64, u64)>,
    checked: Option<Instant>,
    index: Arc<CorpusIndex>,
}

/// Shared by every handler (cheap to clone).
#[derive(Debug, Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

/// Search answers (articles and quotes) by their parameters, for one store generation.
#[derive(Debug, Default)]
struct SearchCache {
    generation: Option<(u64, u64)>,
    checked: Option<Instant>,
    answers: HashMap<String, Arc<OnceCell<Answer>>>,
}

/// A cached answer.
#[derive(Debug, Clone)]
enum Answer {
    Articles(Arc<SearchResponse>),
    Quotes(Arc<QuotesResponse>),
}

/// Search answers kept; past this the cache starts over (cheap, and bounded memory).
const SEARCH_CACHE_ENTRIES: usize = 2_048;

#[derive(Debug)]
struct Inner {
    search: Mutex<SearchCache>,
    pool: Arc<Pool>,
    writer: Option<Arc<Writer>>,
    templates: Templates,
    index: tokio::sync::Mutex<IndexCache>,
    max_body_bytes: usize,
}

impl AppState {
    /// Opens the store for `config`. With a token, the file is created if missing (so an empty
    /// server can be filled over HTTP) and the analysis resources are loaded; without one, the
    /// file must exist.
    pub fn open(config: &ServeConfig) -> Result<AppState, ServerError> {
        let writer = match &config.token {
            Some(token) => {
                if token.trim().len() < 8 {
                    return Err(ServerError::BadRequest("the token must be at least 8 characters".into()));
                }
                let store = Store::open(&config.db)?;
                let resources =
                    Resources::embedded().map_err(|e| ServerError::Internal(format!("loading resources: {e}")))?;
                Some(Arc::new(Writer { token: token.clone(), store: Mutex::new(store), resources }))
            }
            None => {
                if !config.db.exists() {
                    return Err(ServerError::NotFound(format!(
                        "no store at {}: run `dateline ingest --db {} ARTICLES...` first, or start with --token to ingest over HTTP",
                        config.db.display(),
                        config.db.display()
                    )));
                }
                // Open once read-write to migrate an older file, then serve read-only.
                drop(Store::open(&config.db)?);
                None
            }
        };
        let readers = if config.readers == 0 {
            std::thread::available_parallelism().map_or(2, |n| n.get()) * 2
        } else {
            config.readers
        };
        let pool = Pool::open(&config.db, readers)?;
        Ok(AppState {
            inner: Arc::new(Inner {
                search: Mutex::new(SearchCache::default()),
                pool,
                writer,
                templates: Templates::new()?,
                index: tokio::sync::Mutex::new(IndexCache::default()),
                max_body_bytes: config.max_body_bytes,
            }),
        })
    }

    /// The read pool.
    pub fn pool(&self) -> &Arc<Pool> {
        &self.inner.pool
    }

    /// The writer, when writes are enabled.
    pub fn writer(&self) -> Option<&Arc<Writer>> {
        self.inner.writer.as_ref()
    }

    /// The templates.
    pub fn templates(&self) -> &Templates {
        &self.inner.templates
    }

    /// Largest request body accepted.
    pub fn max_body_bytes(&self) -> usize {
        self.inner.max_body_bytes
    }

    /// The corpus index, recomputed when the store has changed (checked at most every two
    /// seconds, so a burst of requests costs one cheap query, not one full read each).
    pub async fn corpus_index(&self) -> Result<Arc<CorpusIndex>, ServerError> {
        let mut cache = self.inner.index.lock().await;
        if cache.generation.is_some() && cache.checked.is_some_and(|t| t.elapsed() < INDEX_RECHECK) {
            return Ok(Arc::clone(&cache.index));
        }
        let known = cache.generation;
        let fresh = self
            .pool()
            .run(move |store| {
                let generation = store.generation()?;
                if Some(generation) == known {
                    return Ok((generation, None));
                }
                Ok((generation, Some(store.corpus_index(INDEX_TOP)?)))
            })
            .await?;
        cache.checked = Some(Instant::now());
        if let (generation, Some(index)) = fresh {
            cache.generation = Some(generation);
            cache.index = Arc::new(index);
        }
        Ok(Arc::clone(&cache.index))
    }

    /// Forgets the corpus index check time and the cached searches, so the next request sees an
    /// ingest at once.
    pub async fn invalidate_index(&self) {
        self.inner.index.lock().await.checked = None;
        if let Ok(mut cache) = self.inner.search.lock() {
            *cache = SearchCache::default();
        }
    }

    /// The answer to the search `key`, from the cache while the store has not changed, else
    /// computed by `f` on a pooled connection and kept.
    ///
    /// Concurrent requests for the same key wait for one computation instead of each running it,
    /// and whether the store changed is asked by one request at most every two seconds while the
    /// others go on answering from the cache: a burst of identical searches costs one query.
    pub async fn cached_search<F>(&self, key: String, f: F) -> Result<Arc<SearchResponse>, ServerError>
    where
        F: FnOnce(&Store) -> Result<SearchResponse, ServerError> + Send + 'static,
    {
        let answer =
            self.cached(format!("a|{key}"), move |store| f(store).map(|r| Answer::Articles(Arc::new(r)))).await?;
        match answer {
            Answer::Articles(r) => Ok(r),
            Answer::Quotes(_) => Err(ServerError::Internal("a search key held quotes".into())),
        }
    }

    /// The answer to the quote search `key`, cached like [`AppState::cached_search`].
    pub async fn cached_quotes<F>(&self, key: String, f: F) -> Result<Arc<QuotesResponse>, ServerError>
    where
        F: FnOnce(&Store) -> Result<QuotesResponse, ServerError> + Send + 'static,
    {
        let answer =
            self.cached(format!("q|{key}"), move |store| f(store).map(|r| Answer::Quotes(Arc::new(r)))).await?;
        match answer {
            Answer::Quotes(r) => Ok(r),
            Answer::Articles(_) => Err(ServerError::Internal("a quote key held articles".into())),
        }
    }

    async fn cached<F>(&self, key: String, f: F) -> Result<Answer, ServerError>
    where
        F: FnOnce(&Store) -> Result<Answer, ServerError> + Send + 'static,
    {
        let lock_err = || ServerError::Internal("the search cache lock is poisoned".into());
        let check = {
            let mut cache = self.inner.search.lock().map_err(|_| lock_err())?;
            let stale = cache.checked.is_none_or(|t| t.elapsed() >= INDEX_RECHECK);
            if stale {
                // Claim the check, so the other requests keep using the cache meanwhile.
                cache.checked = Some(Instant::now());
            }
            stale
        };
        if check {
            let generation = self.pool().run(|store| Ok(store.generation()?)).await?;
            let mut cache = self.inner.search.lock().map_err(|_| lock_err())?;
            if cache.generation != Some(generation) {
                cache.answers.clear();
                cache.generation = Some(generation);
            }
        }
        let cell = {
            let mut cache = self.inner.search.lock().map_err(|_| lock_err())?;
            if cache.answers.len() >= SEARCH_CACHE_ENTRIES && !cache.answers.contains_key(&key) {
                cache.answers.clear();
            }
            Arc::clone(cache.answers.entry(key).or_default())
        };
        let pool = Arc::clone(self.pool());
        let answer = cell.get_or_try_init(|| async move { pool.run(f).await }).await?;
        Ok(answer.clone())
    }
}
