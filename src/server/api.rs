//! The course's protected demo API: `GET /api/me` and `GET /api/admin` check the bearer token
//! as the course's Express middleware does with node `jsonwebtoken` 9 — HS256 with
//! `JWT_SECRET_KEY` and `algorithms: ['HS256']`, or, for a token whose header `kid` names the
//! demo issuer's RSA key, that key and `algorithms: ['RS256']` — and answer with exactly what
//! `jwt.verify` would have thrown (predicted by `jwt_core::servers`), as RFC 6750 asks.
//! Also the issuer's discovery documents: `/.well-known/jwks.json` and
//! `/.well-known/openid-configuration`.
//!
//! With `DEMO_API_VULNERABLE=true` (loopback only, for demonstrations) the API first tries what
//! naive verification code did, and accepts a token any of these take (see [`naive_verify`]):
//! `alg: none` in any case without checking a signature (CVE-2015-9235), HS256 verified with
//! the issuer's public PEM text as the HMAC secret when the `kid` names the issuer's RSA key
//! (RS256→HS256 key confusion, CVE-2016-10555), and a signature verified with the public JWK
//! the token carries in its own header (CVE-2018-0114). Those paths still refuse an expired
//! token; anything they do not accept goes through the normal check unchanged.

use std::time::{SystemTime, UNIX_EPOCH};

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use jwt_core::servers::{NodeAnswer, ServerKey, ServerOptions, node_jsonwebtoken};
use jwt_core::verify::Verifier;
use jwt_core::{Alg, b64};
use serde_json::{Map, Value, json};

use super::AppState;

/// The token of an `Authorization` header as the course's middleware reads it
/// (`req.headers.authorization?.split(' ')[1]`): the word after `Bearer `. Node keeps the first
/// of repeated `Authorization` headers and reads bytes as Latin-1; so does this.
fn bearer_token(headers: &HeaderMap) -> String {
    let Some(value) = headers.get(header::AUTHORIZATION) else { return String::new() };
    let text: String = value.as_bytes().iter().map(|b| char::from(*b)).collect();
    let mut words = text.split(' ');
    match (words.next(), words.next()) {
        (Some("Bearer"), Some(token)) => token.to_owned(),
        _ => String::new(),
    }
}

/// The header's `kid`, if the token has a readable header with a string `kid`.
fn kid_of(token: &str) -> Option<String> {
    let header = token.split('.').next()?;
    let json = b64::decode_strict(header).ok()?;
    let value: Value = serde_json::from_slice(&json).ok()?;
    value.get("kid")?.as_str().map(str::to_owned)
}

fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// node jsonwebtoken's error for a rejected token: answered with `401`.
struct Rejected {
    name: String,
    message: String,
}

impl IntoResponse for Rejected {
    fn into_response(self) -> Response {
        unauthorized(&self.name, &self.message)
    }
}

/// What node jsonwebtoken says about the request's bearer token: the verified claims, or its
/// error. In the vulnerable mode, what naive code accepts comes first.
fn verify_bearer(state: &AppState, headers: &HeaderMap) -> Result<Value, Rejected> {
    let token = bearer_token(headers);
    if state.demo_api_vulnerable
        && let Some(answer) = naive_verify(state, &token, now())
    {
        return answer;
    }
    let rsa = state.issuer.existing().filter(|issuer| kid_of(&token).as_deref() == Some(issuer.kid()));
    let (key, alg) = match &rsa {
        Some(issuer) => (ServerKey::Pem(issuer.public_pem()), "RS256"),
        None => (ServerKey::Secret(&state.jwt_secret), "HS256"),
    };
    let options = ServerOptions { algorithms: Some(vec![alg.to_owned()]), ..ServerOptions::default() };
    match node_jsonwebtoken(&token, key, &options, now()) {
        NodeAnswer { ok: Some(true), .. } => Ok(verified_claims(&token)),
        NodeAnswer { name, message, .. } => Err(Rejected {
            name: name.unwrap_or_else(|| "JsonWebTokenError".to_owned()),
            message: message.unwrap_or_else(|| "invalid token".to_owned()),
        }),
    }
}

/// A compact JWS as naive code read it: header and payload JSON objects, the signing input
/// and the signature bytes (strict base64url, exactly three segments).
struct NaiveParts<'a> {
    header: Map<String, Value>,
    payload: Map<String, Value>,
    signing_input: &'a str,
    signature: Vec<u8>,
}

fn naive_parts(token: &str) -> Option<NaiveParts<'_>> {
    let (signing_input, signature_b64) = token.rsplit_once('.')?;
    let (header, payload) = signing_input.split_once('.')?;
    if payload.contains('.') {
        return None;
    }
    let object = |segment: &str| match serde_json::from_slice(&b64::decode_strict(segment).ok()?).ok()? {
        Value::Object(map) => Some(map),
        _ => None,
    };
    Some(NaiveParts {
        header: object(header)?,
        payload: object(payload)?,
        signing_input,
        signature: b64::decode_strict(signature_b64).ok()?,
    })
}

/// `DEMO_API_VULNERABLE=true` only: what naive verification code accepted, as the attack
/// lessons need it. `Some` with the claims (or `jwt expired`) when one of these takes the token;
/// `None` to go on with the normal check:
///
/// - header `alg` is `none` in any case: the payload is taken, no signature is looked at;
/// - header `jwk` holds a public key (or an `oct` key) that verifies the signature for the
///   header's `alg`: the token vouches for itself;
/// - header `alg` is `HS256` and its `kid` names the issuer's RSA key: HMAC-SHA256 with the
///   issuer's public key PEM text (exactly [`super::issuer::RsaIssuer::public_pem`]'s bytes)
///   as the secret — what a verifier that takes `alg` from the token does with the key it looked up.
///
/// Expiry is still checked, simply: a numeric `exp` at or before `now` is node's
/// `TokenExpiredError: jwt expired` (no clock tolerance). `nbf` is not read here (the normal
/// path checks it); neither path checks `aud` or `iss`.
fn naive_verify(state: &AppState, token: &str, now: i64) -> Option<Result<Value, Rejected>> {
    let parts = naive_parts(token)?;
    let alg = parts.header.get("alg")?.as_str()?;
    let verifies = |alg: Alg, verifier: Verifier<'_>| {
        jwt_core::verify::verify(alg, verifier, parts.signing_input.as_bytes(), &parts.signature)
    };
    let accepted = if alg.eq_ignore_ascii_case("none") {
        true
    } else if let Some(jwk) = parts.header.get("jwk") {
        let key = jwt_core::formats::jwk_public(jwk).ok()?;
        verifies(Alg::parse(alg)?, Verifier::Public(&key))
    } else if alg == "HS256" {
        let kid = parts.header.get("kid").and_then(Value::as_str);
        let issuer = state.issuer.existing().filter(|issuer| kid == Some(issuer.kid()))?;
        verifies(Alg::HS256, Verifier::Hmac(issuer.public_pem().as_bytes()))
    } else {
        false
    };
    if !accepted {
        return None;
    }
    let expired = parts.payload.get("exp").and_then(Value::as_f64).is_some_and(|exp| now as f64 >= exp);
    Some(if expired {
        Err(Rejected { name: "TokenExpiredError".to_owned(), message: "jwt expired".to_owned() })
    } else {
        Ok(Value::Object(parts.payload))
    })
}

/// The payload of a token that verified.
fn verified_claims(token: &str) -> Value {
    jwt_core::decode(token).payload.unwrap_or(Value::Null)
}

/// `401` with the library's error as JSON and in `WWW-Authenticate` (RFC 6750 §3).
fn unauthorized(name: &str, message: &str) -> Response {
    let quoted = message.replace('\\', "\\\\").replace('"', "\\\"");
    let challenge = format!(r#"Bearer error="invalid_token", error_description="{quoted}""#);
    let mut response =
        (StatusCode::UNAUTHORIZED, Json(json!({ "error": name, "message": message }))).into_response();
    if let Ok(value) = HeaderValue::from_str(&challenge) {
        response.headers_mut().insert(header::WWW_AUTHENTICATE, value);
    }
    response
}

/// `GET /api/me`: `200 {"user": <the verified claims>}`, or `401` with node jsonwebtoken's error.
pub async fn me(State(state): State<AppState>, headers: HeaderMap) -> Response {
    match verify_bearer(&state, &headers) {
        Ok(claims) => Json(json!({ "user": claims })).into_response(),
        Err(rejected) => rejected.into_response(),
    }
}

/// `GET /api/admin`: as `/api/me`, then `403` unless the verified `roles` contain `admin`.
pub async fn admin(State(state): State<AppState>, headers: HeaderMap) -> Response {
    match verify_bearer(&state, &headers) {
        Ok(claims) => {
            let admin = claims
                .get("roles")
                .and_then(Value::as_array)
                .is_some_and(|roles| roles.iter().any(|r| r == "admin"));
            if admin {
                Json(json!({ "user": claims })).into_response()
            } else {
                (
                    StatusCode::FORBIDDEN,
                    Json(json!({ "error": "Forbidden", "message": "requires role admin" })),
                )
                    .into_response()
            }
        }
        Err(rejected) => rejected.into_response(),
    }
}

/// This server's origin as a client named it (the `Host` was checked by the guard).
pub fn origin(state: &AppState, headers: &HeaderMap) -> String {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("localhost");
    let scheme = if state.cookie_secure { "https" } else { "http" };
    format!("{scheme}://{host}")
}

/// `GET /.well-known/jwks.json`: the issuer's public key.
pub async fn jwks(State(state): State<AppState>) -> Response {
    match state.issuer.get().await {
        Some(issuer) => Json(issuer.jwks()).into_response(),
        None => StatusCode::SERVICE_UNAVAILABLE.into_response(),
    }
}

/// `GET /.well-known/openid-configuration`: where the issuer's keys are.
pub async fn openid_configuration(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let issuer = origin(&state, &headers);
    Json(json!({
        "issuer": issuer,
        "jwks_uri": format!("{issuer}/.well-known/jwks.json"),
        "id_token_signing_alg_values_supported": ["RS256"],
        "response_types_supported": ["id_token"],
        "subject_types_supported": ["public"],
    }))
    .into_response()
}
