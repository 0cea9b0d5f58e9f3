//! The course's demo auth routes: `/auth/bypass`, `/auth/token`, `/auth/logout`.

use std::time::{SystemTime, UNIX_EPOCH};

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::PrivateCookieJar;
use jwt_core::{Alg, b64};
use serde::Serialize;

use super::session;
use crate::demo_users::{DemoUser, find_by_username};

/// Lifetime of an issued token: `exp = iat + 6 h`, as the course's `expiresIn: '6h'`.
pub const TOKEN_LIFETIME_SECS: u64 = 6 * 60 * 60;

/// The header node jsonwebtoken writes for HS256 (`{"alg":"HS256","typ":"JWT"}`), encoded once.
const HS256_HEADER_B64: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

/// Signs demo tokens as the course's `jsonwebtoken.sign(req.user, key, {expiresIn: '6h'})`:
/// the same header, the user's members, then `iat` and `exp`.
pub struct TokenSigner {
    key: Vec<u8>,
}

/// Claims of an issued token: the user object, then `iat` and `exp` (the course's order).
#[derive(Serialize)]
struct TokenClaims<'a> {
    #[serde(flatten)]
    user: &'a DemoUser,
    iat: u64,
    exp: u64,
}

impl TokenSigner {
    /// An HS256 signer over the raw bytes of `secret`.
    pub fn hs256(secret: &[u8]) -> Self {
        Self { key: secret.to_vec() }
    }

    /// Signs a token for `user`, issued at `now` (Unix seconds).
    pub fn issue(&self, user: &DemoUser, now: u64) -> Result<String, serde_json::Error> {
        let claims = serde_json::to_vec(&TokenClaims { user, iat: now, exp: now + TOKEN_LIFETIME_SECS })?;
        let signing_input = format!("{HS256_HEADER_B64}.{}", b64::encode(&claims));
        let hash = Alg::HS256.hash().unwrap_or(jwt_core::Hash::Sha256);
        let signature = jwt_core::mac::compute(hash, &self.key, signing_input.as_bytes());
        Ok(format!("{signing_input}.{}", b64::encode(&signature)))
    }
}

/// Body of a successful `/auth/token`.
#[derive(Serialize)]
struct TokenBody {
    token: String,
}

fn unauthorized(reason: &'static str) -> Response {
    (StatusCode::UNAUTHORIZED, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], reason).into_response()
}

/// Whether the session cookie is marked `Secure` (`COOKIE_SECURE`).
#[derive(Debug, Clone, Copy)]
pub struct CookieSecure(pub bool);

impl axum::extract::FromRef<super::AppState> for CookieSecure {
    fn from_ref(state: &super::AppState) -> Self {
        CookieSecure(state.cookie_secure)
    }
}

/// The values of `token` in a query string (percent-decoded; invalid UTF-8 replaced).
fn tokens(query: Option<&str>) -> Vec<String> {
    form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .filter(|(name, _)| name == "token")
        .map(|(_, value)| value.into_owned())
        .collect()
}

/// `GET /auth/bypass?token=<username>`: log in as that demo user and go to `/` (303).
/// Unknown, missing or repeated user: 401 with a short reason, and any existing session ends.
pub async fn bypass(
    State(secure): State<CookieSecure>,
    jar: PrivateCookieJar,
    RawQuery(query): RawQuery,
) -> Response {
    let name = match tokens(query.as_deref()).as_slice() {
        [one] if !one.is_empty() => one.clone(),
        [] | [_] => {
            return (session::log_out(jar), unauthorized("missing ?token=<username>\n")).into_response();
        }
        _ => {
            return (session::log_out(jar), unauthorized("give one user: ?token=<username>\n"))
                .into_response();
        }
    };
    match find_by_username(&name) {
        Some(user) => (session::log_in(jar, user, secure.0), Redirect::to("/")).into_response(),
        None => (session::log_out(jar), unauthorized("unknown demo user\n")).into_response(),
    }
}

/// `GET /auth/token`: `{"token": "<JWT>"}` for the logged-in demo user (HS256 with
/// `JWT_SECRET_KEY`; `?alg=RS256`: RS256 with the demo issuer's key, with `kid` and `iss`), or
/// 401 with an empty body.
pub async fn token(
    State(state): State<super::AppState>,
    jar: PrivateCookieJar,
    headers: axum::http::HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let Some(user) = session::current_user(&jar) else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let algs: Vec<String> = form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .filter(|(name, _)| name == "alg")
        .map(|(_, value)| value.into_owned())
        .collect();
    let now = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let issued = match algs.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        [] | ["HS256"] => state.signer.issue(user, now).map_err(|e| e.to_string()),
        ["RS256"] => match state.issuer.get().await {
            Some(issuer) => issuer.issue(user, now, &super::api::origin(&state, &headers)),
            None => Err("no RS256 key".to_owned()),
        },
        _ => {
            return (
                StatusCode::BAD_REQUEST,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                "alg must be HS256 or RS256\n",
            )
                .into_response();
        }
    };
    match issued {
        Ok(token) => {
            ([(header::CACHE_CONTROL, HeaderValue::from_static("no-store"))], Json(TokenBody { token }))
                .into_response()
        }
        Err(err) => {
            // The error names no key material.
            tracing::error!(%err, "could not sign a demo token");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `GET /auth/logout`: end the session and go to `/` (303).
pub async fn logout(jar: PrivateCookieJar) -> Response {
    (session::log_out(jar), Redirect::to("/")).into_response()
}
