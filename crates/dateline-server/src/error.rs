//! The one error type of the server, and how it becomes a response.
//!
//! Every failure of a request is a [`ServerError`]; the API answers it as JSON
//! `{"status": 404, "message": "..."}` with the matching HTTP status, so clients need one error
//! shape for every route. Web pages render the same error as an HTML page (see `routes::web`).
//! Store errors are logged in full on the server and answered with a short message: a client
//! should not learn file paths from an error.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use dateline_store::StoreError;
use serde::Serialize;
use utoipa::ToSchema;

/// Anything that can go wrong while answering a request.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The request asked for something that does not exist.
    #[error("{0}")]
    NotFound(String),
    /// The request was malformed: a bad parameter, a page past the limit.
    #[error("{0}")]
    BadRequest(String),
    /// A write route was called without the right token.
    #[error("a valid token is required: send `Authorization: Bearer <token>`")]
    Unauthorized,
    /// A write route was called on a server started without `--token`.
    #[error("this server is read-only: start it with --token to enable {0}")]
    ReadOnly(&'static str),
    /// The request body was larger than the limit.
    #[error("request body larger than {limit} bytes")]
    PayloadTooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
    /// The route exists but not for this method.
    #[error("method not allowed")]
    MethodNotAllowed,
    /// The store failed; details are logged, not sent.
    #[error("store error: {0}")]
    Store(#[from] StoreError),
    /// A page could not be rendered (a template bug).
    #[error("rendering {name}: {message}")]
    Render {
        /// The template.
        name: &'static str,
        /// What went wrong.
        message: String,
    },
    /// A blocking task panicked or was cancelled.
    #[error("internal error: {0}")]
    Internal(String),
}

impl ServerError {
    /// The HTTP status this error is answered with.
    pub fn status(&self) -> StatusCode {
        match self {
            ServerError::NotFound(_) => StatusCode::NOT_FOUND,
            ServerError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ServerError::Unauthorized => StatusCode::UNAUTHORIZED,
            ServerError::ReadOnly(_) => StatusCode::FORBIDDEN,
            ServerError::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ServerError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ServerError::Store(StoreError::IdPrefixTooShort { .. } | StoreError::AmbiguousId { .. }) => {
                StatusCode::BAD_REQUEST
            }
            ServerError::Store(_) | ServerError::Render { .. } | ServerError::Internal(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    }

    /// The message sent to the client: the error itself for client errors, a generic line for
    /// server errors (whose details go to the log).
    pub fn public_message(&self) -> String {
        match self {
            ServerError::Store(e @ (StoreError::IdPrefixTooShort { .. } | StoreError::AmbiguousId { .. })) => {
                // These name the database path; keep only what the client asked about.
                match e {
                    StoreError::IdPrefixTooShort { prefix, min, .. } => {
                        format!("article id prefix {prefix:?} is too short: give at least {min} characters")
                    }
                    StoreError::AmbiguousId { prefix, candidates, .. } => {
                        format!("article id prefix {prefix:?} matches several articles: {}", candidates.join(", "))
                    }
                    _ => e.to_string(),
                }
            }
            e if e.status().is_server_error() => "internal server error (see the server log)".to_string(),
            e => e.to_string(),
        }
    }

    /// Logs server-side failures (client errors are the client's business).
    pub fn log(&self) {
        if self.status().is_server_error() {
            eprintln!("dateline serve: {self}");
        }
    }
}

/// The JSON body of every error answer.
#[derive(Debug, Clone, Serialize, serde::Deserialize, ToSchema)]
pub struct ApiError {
    /// The HTTP status code, repeated for clients that only see the body.
    #[schema(example = 404)]
    pub status: u16,
    /// What went wrong, for a person.
    #[schema(example = "no article with id 0123abcd")]
    pub message: String,
}

impl IntoResponse for ServerError {
    fn into_response(self) -> Response {
        self.log();
        let status = self.status();
        let body = ApiError { status: status.as_u16(), message: self.public_message() };
        (status, Json(body)).into_response()
    }
}
