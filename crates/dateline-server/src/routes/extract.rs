//! Extractors whose rejections are [`ServerError`]s, so a bad query string or path answers with
//! the same JSON error shape as everything else (axum's own rejections are plain text).

use axum::extract::{FromRequestParts, Path, Query};
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;
use std::sync::Arc;

use crate::state::{AppState, Writer};
use crate::ServerError;

/// Query parameters, or a 400 JSON error naming the bad one.
#[derive(Debug, Clone)]
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ServerError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(v)| ApiQuery(v))
            .map_err(|e| ServerError::BadRequest(e.body_text()))
    }
}

/// One path parameter (percent-decoded), or a 400 JSON error.
#[derive(Debug, Clone)]
pub struct ApiPath(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ApiPath {
    type Rejection = ServerError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Path::<String>::from_request_parts(parts, state)
            .await
            .map(|Path(v)| ApiPath(v))
            .map_err(|e| ServerError::BadRequest(e.body_text()))
    }
}

/// The right to write: the server has a token and the request presents it as
/// `Authorization: Bearer <token>`. Checked from the headers alone, before any body is read.
#[derive(Debug, Clone)]
pub struct WriteAccess(pub Arc<Writer>);

impl FromRequestParts<AppState> for WriteAccess {
    type Rejection = ServerError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let writer = state.writer().ok_or(ServerError::ReadOnly("POST /api/ingest"))?;
        let given = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .ok_or(ServerError::Unauthorized)?;
        if constant_time_eq(given.as_bytes(), writer.token.as_bytes()) {
            Ok(WriteAccess(Arc::clone(writer)))
        } else {
            Err(ServerError::Unauthorized)
        }
    }
}

/// Compares without an early exit, so the time taken does not tell how much of a guess was right.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    let mut diff = a.len() ^ b.len();
    for i in 0..a.len().max(b.len()) {
        diff |= usize::from(a.get(i).copied().unwrap_or(0) ^ b.get(i).copied().unwrap_or(0));
    }
    diff == 0
}

#[cfg(test)]
mod tests {
    use super::constant_time_eq;

    #[test]
    fn compares_tokens() {
        assert!(constant_time_eq(b"secret-token", b"secret-token"));
        assert!(!constant_time_eq(b"secret-token", b"secret-tokeN"));
        assert!(!constant_time_eq(b"secret", b"secret-token"));
        assert!(!constant_time_eq(b"", b"x"));
    }
}
