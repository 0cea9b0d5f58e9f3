//! `GET /api/keys?iss=URL` or `?jwks_uri=URL`: the page's "Find the issuer's keys". The server
//! fetches the issuer's OpenID configuration and key set with the guarded client of
//! [`crate::discovery`] and answers only their public members. The page sends the issuer's URL
//! (or one a person typed), never the token.

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::AppState;
use crate::discovery::DiscoveryError;

/// What was asked: an issuer or a key set's URL.
enum Asked {
    Issuer(String),
    JwksUri(String),
}

/// Reads the query: exactly one of `iss` and `jwks_uri`, not empty.
fn asked(query: Option<&str>) -> Result<Asked, &'static str> {
    let mut found = None;
    for (name, value) in form_urlencoded::parse(query.unwrap_or_default().as_bytes()) {
        let value = value.trim().to_owned();
        let this = match name.as_ref() {
            "iss" => Asked::Issuer(value),
            "jwks_uri" => Asked::JwksUri(value),
            _ => continue,
        };
        if found.replace(this).is_some() {
            return Err("give one of iss and jwks_uri, once");
        }
    }
    match found {
        Some(Asked::Issuer(v) | Asked::JwksUri(v)) if v.is_empty() => Err("the URL is empty"),
        Some(asked) => Ok(asked),
        None => Err("give iss=<issuer URL> or jwks_uri=<key set URL>"),
    }
}

fn error(status: StatusCode, code: &str, message: &str) -> Response {
    (status, [(header::CACHE_CONTROL, "no-store")], Json(json!({ "error": code, "message": message })))
        .into_response()
}

/// The handler.
pub async fn keys(State(state): State<AppState>, RawQuery(query): RawQuery) -> Response {
    let asked = match asked(query.as_deref()) {
        Ok(asked) => asked,
        Err(message) => return error(StatusCode::BAD_REQUEST, "bad_request", message),
    };
    let Some(fetcher) = state.discovery.as_deref() else {
        return error(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            "key discovery is not available on this server",
        );
    };
    let found = match &asked {
        Asked::Issuer(iss) => fetcher.from_issuer(iss).await,
        Asked::JwksUri(uri) => fetcher.from_jwks_uri(uri).await,
    };
    match found {
        Ok(found) => ([(header::CACHE_CONTROL, "no-store")], Json(&*found)).into_response(),
        Err(e) => refusal(&e),
    }
}

fn refusal(e: &DiscoveryError) -> Response {
    let status = StatusCode::from_u16(e.http_status()).unwrap_or(StatusCode::UNPROCESSABLE_ENTITY);
    error(status, e.code(), &e.to_string())
}
