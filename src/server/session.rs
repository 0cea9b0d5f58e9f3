//! The demo login session: an encrypted, authenticated cookie holding the demo user's id, in a
//! fixed-length form (so the cookie's length does not tell which user it is).
//!
//! A cookie that does not decrypt under this run's key (tampered, forged, or from an earlier run
//! with a random key) or that names no demo user counts as "logged out", never as an error.

use axum::http::HeaderMap;
use axum_extra::extract::cookie::{Cookie, Key, PrivateCookieJar, SameSite};

use crate::demo_users::{DemoUser, find_by_id};

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "jwt_debugger_session";

/// The cookie's value for `user`: the same length for every user.
fn value_of(user: &DemoUser) -> String {
    format!("demo-user:{:08}", user.id)
}

/// The demo user the jar's session names, if any.
pub fn current_user(jar: &PrivateCookieJar) -> Option<&'static DemoUser> {
    let cookie = jar.get(SESSION_COOKIE)?;
    let id = cookie.value().strip_prefix("demo-user:")?.parse().ok()?;
    find_by_id(id)
}

/// The demo user named by the session cookie in raw request headers (for server rendering).
pub fn user_from_headers(headers: &HeaderMap, key: &Key) -> Option<&'static DemoUser> {
    current_user(&PrivateCookieJar::from_headers(headers, key.clone()))
}

/// Starts a session for `user`: `HttpOnly`, `SameSite=Lax`, `Path=/`, ends with the browser;
/// `Secure` when `secure` (served over HTTPS, `COOKIE_SECURE`).
pub fn log_in(jar: PrivateCookieJar, user: &DemoUser, secure: bool) -> PrivateCookieJar {
    let cookie = Cookie::build((SESSION_COOKIE, value_of(user)))
        .http_only(true)
        .same_site(SameSite::Lax)
        .path("/")
        .secure(secure);
    jar.add(cookie)
}

/// Ends the session (the browser is told to drop the cookie).
pub fn log_out(jar: PrivateCookieJar) -> PrivateCookieJar {
    jar.remove(Cookie::build(SESSION_COOKIE).path("/"))
}
