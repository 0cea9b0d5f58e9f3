//! Everything that exists only on the server: configuration, the demo auth routes and the
//! router that serves the Leptos app.

pub mod auth;
pub mod config;
pub mod hosts;
pub mod session;

use std::sync::Arc;

use axum::Router;
use axum::extract::FromRef;
use axum::http::{HeaderName, HeaderValue, header};
use axum::routing::get;
use axum_extra::extract::cookie::Key;
use leptos::nonce::use_nonce;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, file_and_error_handler_with_context, generate_route_list};
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::app::{App, shell};
use auth::TokenSigner;
use config::Config;

/// Shared state of every route.
#[derive(Clone)]
pub struct AppState {
    /// Leptos's site options (address, site root, output name).
    pub leptos_options: LeptosOptions,
    /// Key of the encrypted session cookie.
    pub session_key: Key,
    /// Signer for `/auth/token`.
    pub signer: Arc<TokenSigner>,
}

impl AppState {
    /// Builds the state from Leptos's options and the server's configuration.
    pub fn new(leptos_options: LeptosOptions, config: &Config) -> Self {
        Self {
            leptos_options,
            session_key: config.session_key.clone(),
            signer: Arc::new(TokenSigner::hs256(&config.jwt_secret)),
        }
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

impl FromRef<AppState> for Key {
    fn from_ref(state: &AppState) -> Self {
        state.session_key.clone()
    }
}

impl FromRef<AppState> for Arc<TokenSigner> {
    fn from_ref(state: &AppState) -> Self {
        state.signer.clone()
    }
}

/// The whole application: demo auth routes, server-rendered pages, static files.
pub fn app(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let session_key = state.session_key.clone();
    let fallback_key = state.session_key.clone();
    let options = state.leptos_options.clone();
    Router::new()
        .route("/auth/bypass", get(auth::bypass))
        .route("/auth/token", get(auth::token))
        .route("/auth/logout", get(auth::logout))
        .leptos_routes_with_context(
            &state,
            routes,
            move || page_context(&session_key),
            move || shell(options.clone()),
        )
        .fallback(file_and_error_handler_with_context::<AppState, _>(
            move || page_context(&fallback_key),
            shell,
        ))
        .layer(axum::middleware::from_fn(worker_policy))
        .layer(CompressionLayer::new())
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("x-frame-options"),
            HeaderValue::from_static("DENY"),
        ))
        // Pages set their own policy with a nonce (see `content_security_policy`); everything
        // else (JSON, files, errors) may run and load nothing.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'; base-uri 'none'"),
        ))
        .with_state(state)
}

/// What a page is rendered with: the session's user, and a Content-Security-Policy whose nonce
/// (a fresh one per page, provided by leptos_axum) is the only one its inline scripts carry.
fn page_context(session_key: &Key) {
    if let Some(parts) = use_context::<axum::http::request::Parts>()
        && let Some(user) = session::user_from_headers(&parts.headers, session_key)
    {
        provide_context(crate::demo_users::SessionUser::from(user));
    }
    if let (Some(nonce), Some(response)) = (use_nonce(), use_context::<leptos_axum::ResponseOptions>())
        && let Ok(policy) = HeaderValue::from_str(&content_security_policy(&nonce))
    {
        response.insert_header(header::CONTENT_SECURITY_POLICY, policy);
    }
}

/// The path of the page's worker script (`public/crypto-worker.js`).
pub const WORKER_PATH: &str = "/crypto-worker.js";

/// The worker's own Content-Security-Policy (a worker runs under the policy of its script's
/// response): it may import this origin's scripts, compile WebAssembly and fetch this origin's
/// files — nothing else.
pub const WORKER_POLICY: &str =
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; base-uri 'none'";

/// Gives the worker script its policy (everything else that is not a page keeps the strict
/// default one).
async fn worker_policy(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let is_worker = request.uri().path() == WORKER_PATH;
    let mut response = next.run(request).await;
    if is_worker {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(WORKER_POLICY));
    }
    response
}

/// The Content-Security-Policy of a page whose inline scripts carry `nonce`: scripts, styles
/// and connections only from this origin, no third party of any kind, no framing.
pub fn content_security_policy(nonce: &str) -> String {
    format!(
        "default-src 'none'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'; font-src 'self'; manifest-src 'self'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}
