//! Everything that exists only on the server: configuration, the demo auth routes and the
//! router that serves the Leptos app.

pub mod auth;
pub mod config;
pub mod session;

use std::sync::Arc;

use axum::Router;
use axum::extract::FromRef;
use axum::http::{HeaderName, HeaderValue, header};
use axum::routing::get;
use axum_extra::extract::cookie::Key;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, file_and_error_handler, generate_route_list};
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
    /// Fails only on an empty JWT secret, which [`Config`] never produces.
    pub fn new(leptos_options: LeptosOptions, config: &Config) -> Result<Self, jsonwebtoken::errors::Error> {
        Ok(Self {
            leptos_options,
            session_key: config.session_key.clone(),
            signer: Arc::new(TokenSigner::hs256(&config.jwt_secret)?),
        })
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
    let options = state.leptos_options.clone();
    Router::new()
        .route("/auth/bypass", get(auth::bypass))
        .route("/auth/token", get(auth::token))
        .route("/auth/logout", get(auth::logout))
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_context(session_key.clone()),
            move || shell(options.clone()),
        )
        .fallback(file_and_error_handler::<AppState, _>(shell))
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
        .with_state(state)
}
