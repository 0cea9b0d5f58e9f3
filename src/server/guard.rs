//! What every request and response passes through: the `Host` check (DNS rebinding), the
//! same-origin rule of the demo log-in, and the headers every response carries.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::hosts::HostPolicy;

/// `421 Misdirected Request`, empty, for a `Host` this server does not answer to (a page on
/// another name re-pointed at this address: DNS rebinding).
pub async fn check_host(State(hosts): State<Arc<HostPolicy>>, request: Request, next: Next) -> Response {
    let mut values = request.headers().get_all(header::HOST).iter();
    let host = match (values.next(), values.next()) {
        // Exactly one Host (two are a malformed request that proxies and servers could read apart).
        (Some(host), None) => host.to_str().ok().map(str::to_owned),
        (Some(_), Some(_)) => return StatusCode::MISDIRECTED_REQUEST.into_response(),
        (None, _) => None,
    };
    // HTTP/2 carries the authority in the URI instead.
    let host = host.or_else(|| request.uri().authority().map(|a| a.as_str().to_owned()));
    match host {
        Some(host) if hosts.allows(&host) => next.run(request).await,
        _ => StatusCode::MISDIRECTED_REQUEST.into_response(),
    }
}

/// The demo log-in changes who is logged in: another site must not make the browser do that
/// (a link or a form to `/auth/logout` or `/auth/bypass?token=user`). Requests the browser marks
/// `Sec-Fetch-Site: cross-site` or `same-site` get `403`; `same-origin`, `none` (typed or
/// bookmarked) and no header at all (curl) pass.
pub async fn same_origin_only(request: Request, next: Next) -> Response {
    let site = request.headers().get("sec-fetch-site").and_then(|v| v.to_str().ok());
    if matches!(site, Some("cross-site" | "same-site")) {
        return (StatusCode::FORBIDDEN, [(header::CACHE_CONTROL, "no-store")]).into_response();
    }
    next.run(request).await
}

/// A demo route while the demo routes are off, or an unknown path under one: `404` with an
/// empty body.
pub async fn not_found() -> Response {
    StatusCode::NOT_FOUND.into_response()
}

/// The path of the page's worker script (`public/crypto-worker.js`).
pub const WORKER_PATH: &str = "/crypto-worker.js";

/// The worker's own Content-Security-Policy (a worker runs under the policy of its script's
/// response): it may import this origin's scripts, compile WebAssembly and fetch this origin's
/// files — nothing else.
pub const WORKER_POLICY: &str =
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; base-uri 'none'";

/// What every response that is not a page may do: nothing (pages set their own policy, with a
/// nonce).
pub const DEFAULT_POLICY: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/// Browser features the page never uses, denied.
pub const PERMISSIONS_POLICY: &str = "accelerometer=(), camera=(), display-capture=(), geolocation=(), \
     gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), screen-wake-lock=(), \
     serial=(), usb=(), web-share=(), xr-spatial-tracking=()";

/// Where the page's own static files are served (its WebAssembly, JavaScript and CSS, and the
/// crypto module): only documents read the window-level headers, so these files go without them.
const ASSET_PREFIXES: [&str; 2] = ["/pkg/", "/crypto/"];

/// The headers every response carries (those a handler set itself are kept): no sniffing, no
/// referrer, no framing, isolation from other origins' embedders, a strict policy for everything
/// but pages and the worker; and no caching of pages (they show who is logged in) or of `401`s.
/// Everything but the static files also gets the headers only a document reads (its window's
/// isolation, denied browser features, `X-Frame-Options` beside CSP's `frame-ancestors`): on
/// each of the ~45 files a full load fetches they were 330 bytes that no browser reads.
pub async fn response_headers(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let is_worker = path == WORKER_PATH;
    let is_asset = ASSET_PREFIXES.iter().any(|prefix| path.starts_with(prefix));
    let mut response = next.run(request).await;
    let status = response.status();
    let headers = response.headers_mut();
    let is_html = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_worker {
        headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(WORKER_POLICY));
    }
    if is_html || status == StatusCode::UNAUTHORIZED {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    set_missing(
        headers,
        [
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::REFERRER_POLICY, "no-referrer"),
            (HeaderName::from_static("cross-origin-resource-policy"), "same-origin"),
            (header::CONTENT_SECURITY_POLICY, DEFAULT_POLICY),
        ],
    );
    if !is_asset {
        set_missing(
            headers,
            [
                (header::X_FRAME_OPTIONS, "DENY"),
                (HeaderName::from_static("cross-origin-opener-policy"), "same-origin"),
                (HeaderName::from_static("permissions-policy"), PERMISSIONS_POLICY),
            ],
        );
    }
    response
}

fn set_missing<const N: usize>(headers: &mut HeaderMap, values: [(HeaderName, &'static str); N]) {
    for (name, value) in values {
        if !headers.contains_key(&name) {
            headers.insert(name, HeaderValue::from_static(value));
        }
    }
}
