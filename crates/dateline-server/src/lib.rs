//! The dateline HTTP server: a JSON API and a web UI over one store.
//!
//! `dateline serve` calls [`run`]. The server is read-only unless started with a token, which
//! then guards the one write route (`POST /api/ingest`); it binds loopback unless told otherwise.
//! Reads go through a small pool of read-only SQLite connections on blocking threads ([`pool`]);
//! pages are rendered on the server ([`templates`], [`views`]) with a little script for
//! tooltips, and the OpenAPI document is generated from the handlers ([`routes::api`]).

pub mod error;
pub mod ingest;
pub mod model;
pub mod pool;
pub mod routes;
pub mod state;
pub mod templates;
pub mod views;

use std::net::SocketAddr;

pub use error::{ApiError, ServerError};
pub use ingest::ingest_body;
pub use routes::router;
pub use state::{AppState, ServeConfig};

/// Opens the store, binds `config.addr` and serves until Ctrl-C or SIGTERM, on a Tokio runtime of
/// its own (so the caller needs no async code). `on_ready` is called with the bound address and
/// the number of stored articles once the server accepts connections.
pub fn run(config: ServeConfig, on_ready: impl FnOnce(SocketAddr, u64)) -> Result<(), ServerError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("dateline-serve")
        .build()
        .map_err(|e| ServerError::Internal(format!("starting the runtime: {e}")))?;
    runtime.block_on(serve(config, on_ready))
}

/// [`run`] on the caller's runtime.
pub async fn serve(config: ServeConfig, on_ready: impl FnOnce(SocketAddr, u64)) -> Result<(), ServerError> {
    let state = AppState::open(&config)?;
    let articles = state.pool().run(|store| Ok(store.generation()?.1)).await?;
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|e| ServerError::Internal(format!("cannot listen on {}: {e}", config.addr)))?;
    let addr = listener.local_addr().map_err(|e| ServerError::Internal(e.to_string()))?;
    on_ready(addr, articles);
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(|e| ServerError::Internal(format!("serving: {e}")))
}

/// Resolves on Ctrl-C or SIGTERM, so the server finishes the requests in flight and exits 0.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
