//! Everything that exists only on the server: configuration, the demo auth routes, the static
//! site, the guards every request passes, and the router that serves the Leptos app.

pub mod api;
pub mod auth;
pub mod config;
pub mod guard;
pub mod hosts;
pub mod issuer;
pub mod keys;
pub mod logging;
pub mod serve;
pub mod session;
pub mod site;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{FromRef, Request, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use axum_extra::extract::cookie::Key;
use leptos::nonce::use_nonce;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list, render_app_to_stream_with_context};
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

use crate::app::{App, shell};
use crate::demo_users::{DemoApiVulnerable, DemoRoutes, SessionUser};
use auth::TokenSigner;
use config::Config;
use hosts::HostPolicy;
use site::Site;

/// Requests larger than this are refused (`413`): the server takes no uploads.
pub const MAX_REQUEST_BYTES: usize = 64 * 1024;
/// A request taking longer than this is answered `408`.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// Shared state of every route.
#[derive(Clone)]
pub struct AppState {
    /// Leptos's site options (address, output name).
    pub leptos_options: LeptosOptions,
    /// Key of the encrypted session cookie.
    pub session_key: Key,
    /// Signer for `/auth/token`.
    pub signer: Arc<TokenSigner>,
    /// `JWT_SECRET_KEY`, for the demo API's HS256 check.
    pub jwt_secret: Arc<[u8]>,
    /// The RS256 issuer of `/auth/token?alg=RS256` and `/.well-known/jwks.json`.
    pub issuer: issuer::Issuer,
    /// Whether the demo routes are on (`DEMO_AUTH` for this listen address).
    pub demo: bool,
    /// `DEMO_API_VULNERABLE`: the demo API also accepts what naive code accepted (see
    /// [`api`]). Only with the demo routes on and on loopback.
    pub demo_api_vulnerable: bool,
    /// Mark the session cookie `Secure` (`COOKIE_SECURE`).
    pub cookie_secure: bool,
    /// The `Host` values answered.
    pub hosts: Arc<HostPolicy>,
    /// The static files.
    pub site: Arc<Site>,
    /// The guarded client of `/api/keys` (`None` if it could not be set up; the route says so).
    pub discovery: Option<Arc<crate::discovery::Fetcher>>,
}

impl AppState {
    /// Builds the state from Leptos's options, the server's configuration, the address it
    /// listens on and where its static files are.
    pub fn new(leptos_options: LeptosOptions, config: &Config, listen: SocketAddr, site: Site) -> Self {
        Self {
            leptos_options,
            session_key: config.session_key.clone(),
            signer: Arc::new(TokenSigner::hs256(&config.jwt_secret)),
            jwt_secret: Arc::from(config.jwt_secret.as_slice()),
            issuer: issuer::Issuer::default(),
            demo: config.demo.enabled_for(listen),
            // `Config::check_listen` refuses it off loopback at start-up; never on elsewhere.
            demo_api_vulnerable: config.demo_api_vulnerable
                && config.demo.enabled_for(listen)
                && listen.ip().is_loopback(),
            cookie_secure: config.cookie_secure,
            hosts: Arc::new(HostPolicy::new(listen, &config.allowed_hosts)),
            site: Arc::new(site),
            discovery: discovery_for(listen),
        }
    }
}

/// The key-discovery client of a server listening on `listen` (loopback and private networks
/// only reachable from a server on loopback).
fn discovery_for(listen: SocketAddr) -> Option<Arc<crate::discovery::Fetcher>> {
    use crate::discovery::{Fetcher, Limits, Reach};
    match Fetcher::new(Reach::for_listen(listen.ip()), Limits::default()) {
        Ok(fetcher) => Some(Arc::new(fetcher)),
        Err(e) => {
            tracing::warn!("key discovery is off: {e}");
            None
        }
    }
}

impl AppState {
    /// The same state with `issuer` (from `JWT_PRIVATE_KEY_FILE`).
    #[must_use]
    pub fn with_issuer(mut self, issuer: issuer::Issuer) -> Self {
        self.issuer = issuer;
        self
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

impl FromRef<AppState> for Arc<HostPolicy> {
    fn from_ref(state: &AppState) -> Self {
        state.hosts.clone()
    }
}

/// The whole application: demo auth routes (when on), the page, static files, and the guards
/// and headers of every response.
pub fn app(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let context = page_context(&state);
    let options = state.leptos_options.clone();
    let demo_routes = Router::new()
        .route("/auth/bypass", get(auth::bypass))
        .route("/auth/token", get(auth::token))
        .route("/auth/logout", get(auth::logout))
        .route_layer(axum::middleware::from_fn(guard::same_origin_only))
        .route("/api/me", get(api::me))
        .route("/api/admin", get(api::admin))
        .route("/.well-known/jwks.json", get(api::jwks))
        .route("/.well-known/openid-configuration", get(api::openid_configuration));
    let router = if state.demo { Router::new().merge(demo_routes) } else { Router::new() };
    router
        // Unknown paths under the demo routes, and all of them when the demo is off: an empty 404.
        .route("/auth", any(guard::not_found))
        .route("/auth/{*rest}", any(guard::not_found))
        // Key discovery: on whether or not the demo is (a class's server finds real issuers' keys).
        .route("/api/keys", get(keys::keys).route_layer(axum::middleware::from_fn(guard::same_origin_only)))
        .route("/api", any(guard::not_found))
        .route("/api/{*rest}", any(guard::not_found))
        .route("/.well-known/{*rest}", any(guard::not_found))
        .leptos_routes_with_context(&state, routes, context.clone(), move || shell(options.clone()))
        .fallback(move |state: State<AppState>, request: Request| {
            static_or_not_found(state, request, context.clone())
        })
        .layer(CompressionLayer::new())
        .layer(axum::middleware::from_fn(guard::response_headers))
        .layer(RequestBodyLimitLayer::new(MAX_REQUEST_BYTES))
        .layer(TimeoutLayer::with_status_code(axum::http::StatusCode::REQUEST_TIMEOUT, REQUEST_TIMEOUT))
        .layer(axum::middleware::from_fn_with_state(state.hosts.clone(), guard::check_host))
        .layer(logging::layer())
        .with_state(state)
}

/// A static file, or else the app's "not found" page.
async fn static_or_not_found(
    State(state): State<AppState>,
    request: Request,
    context: impl Fn() + Clone + Send + Sync + 'static,
) -> Response {
    if let Some(response) = state.site.serve(request.method(), request.uri().path(), request.headers()) {
        return response;
    }
    let options = state.leptos_options.clone();
    let render = render_app_to_stream_with_context(context, move || shell(options.clone()));
    render(request).await.into_response()
}

/// What a page is rendered with: the session's user, whether the demo routes are on (and the
/// demo API in its vulnerable mode), and a Content-Security-Policy whose nonce (a fresh one per
/// page, provided by leptos_axum) is the only one its inline scripts carry.
fn page_context(state: &AppState) -> impl Fn() + Clone + Send + Sync + 'static {
    let session_key = state.session_key.clone();
    let preloads = crate::app::ModulePreloads(
        state
            .site
            .static_imports(&state.leptos_options.site_pkg_dir, &state.leptos_options.output_name)
            .into(),
    );
    let demo = state.demo;
    let vulnerable = state.demo_api_vulnerable;
    move || {
        provide_context(preloads.clone());
        provide_context(DemoRoutes(demo));
        provide_context(DemoApiVulnerable(vulnerable));
        if demo
            && let Some(parts) = use_context::<axum::http::request::Parts>()
            && let Some(user) = session::user_from_headers(&parts.headers, &session_key)
        {
            provide_context(SessionUser::from(user));
        }
        if let (Some(nonce), Some(response)) = (use_nonce(), use_context::<leptos_axum::ResponseOptions>())
            && let Ok(policy) = HeaderValue::from_str(&content_security_policy(&nonce))
        {
            response.insert_header(header::CONTENT_SECURITY_POLICY, policy);
        }
    }
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
