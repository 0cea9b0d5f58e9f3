//! The key-discovery client's guards against a real HTTP server on loopback: a configuration
//! and key set found (private members removed), relative `jwks_uri`, redirects up to the limit
//! and not one more, a slow answer, 2 MiB (announced and streamed), HTML, a redirect to the
//! metadata address or to `file:`, loopback refused to a public server, and the cache.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![cfg(feature = "ssr")]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use jwt_debugger::discovery::{Fetcher, Limits, Reach, resolve_guarded};
use serde_json::{Value, json};

/// The test issuer: its base URL and how often its key set was fetched.
struct Upstream {
    base: String,
    jwks_hits: Arc<AtomicUsize>,
}

fn key_set() -> Value {
    json!({"keys": [
        {"kty": "RSA", "kid": "k1", "use": "sig", "alg": "RS256", "n": "sXch", "e": "AQAB", "d": "private!"},
        {"kty": "oct", "kid": "h", "k": "c2VjcmV0"}
    ]})
}

fn json_answer(value: &Value) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], value.to_string()).into_response()
}

async fn upstream() -> Upstream {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let jwks_hits = Arc::new(AtomicUsize::new(0));
    let config = json!({"issuer": base, "jwks_uri": format!("{base}/jwks")});
    let big = format!("{{\"keys\":[],\"pad\":\"{}\"}}", "x".repeat(2 << 20));
    let app = Router::new()
        .route("/.well-known/openid-configuration", get(move || async move { json_answer(&config) }))
        .route(
            "/relative/.well-known/openid-configuration",
            get(|| async { json_answer(&json!({"jwks_uri": "/jwks"})) }),
        )
        .route(
            "/jwks",
            get(|State(hits): State<Arc<AtomicUsize>>| async move {
                hits.fetch_add(1, Ordering::SeqCst);
                json_answer(&key_set())
            }),
        )
        .route(
            "/hop/{n}",
            get(|Path(n): Path<u32>| async move {
                if n == 0 {
                    json_answer(&key_set())
                } else {
                    Redirect::temporary(&format!("/hop/{}", n - 1)).into_response()
                }
            }),
        )
        .route(
            "/slow",
            get(|| async {
                tokio::time::sleep(Duration::from_secs(3)).await;
                json_answer(&key_set())
            }),
        )
        .route(
            "/big",
            get(move || async move { ([(header::CONTENT_TYPE, "application/json")], big).into_response() }),
        )
        .route(
            "/big-stream",
            get(|| async {
                let chunks = (0..64).map(|_| Ok::<_, std::io::Error>(vec![b' '; 32 * 1024]));
                let body = Body::from_stream(futures_util::stream::iter(chunks));
                ([(header::CONTENT_TYPE, "application/json")], body).into_response()
            }),
        )
        .route(
            "/html",
            get(|| async { ([(header::CONTENT_TYPE, "text/html")], "<html>sign in</html>").into_response() }),
        )
        .route(
            "/to-metadata",
            get(|| async { Redirect::temporary("http://169.254.169.254/latest/meta-data/") }),
        )
        .route("/to-file", get(|| async { Redirect::temporary("file:///etc/passwd") }))
        .route("/missing", get(|| async { StatusCode::NOT_FOUND }))
        .route("/secret-only", get(|| async { json_answer(&json!({"keys": [{"kty": "oct", "k": "AA"}]})) }))
        .with_state(jwks_hits.clone());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    Upstream { base, jwks_hits }
}

fn limits() -> Limits {
    Limits { timeout: Duration::from_millis(800), ..Limits::default() }
}

fn local() -> Fetcher {
    Fetcher::new(Reach::Local, limits()).unwrap()
}

async fn code_of(
    result: Result<Arc<jwt_debugger::discovery::Found>, jwt_debugger::discovery::DiscoveryError>,
) -> String {
    let e = result.expect_err("the fetch should have been refused");
    format!("{}: {e}", e.code())
}

#[tokio::test]
async fn an_issuers_keys_are_found_with_only_public_members() {
    let up = upstream().await;
    let found = local().from_issuer(&format!("{}/", up.base)).await.unwrap();
    assert_eq!(found.jwks_uri, format!("{}/jwks", up.base));
    assert_eq!(found.issuer.as_deref(), Some(up.base.as_str()));
    assert_eq!(
        found.jwks,
        json!({"keys": [{"kty": "RSA", "kid": "k1", "use": "sig", "alg": "RS256", "n": "sXch", "e": "AQAB"}]})
    );
    let removed = found.removed.join("\n");
    assert!(removed.contains("private members d") && removed.contains("symmetric (oct)"), "{removed}");

    let found = local().from_issuer(&format!("{}/relative", up.base)).await.unwrap();
    assert_eq!(found.jwks_uri, format!("{}/jwks", up.base));
}

#[tokio::test]
async fn three_redirects_are_followed_and_a_fourth_is_refused() {
    let up = upstream().await;
    let found = local().from_jwks_uri(&format!("{}/hop/3", up.base)).await.unwrap();
    assert_eq!(found.jwks_uri, format!("{}/hop/3", up.base));
    let refused = code_of(local().from_jwks_uri(&format!("{}/hop/4", up.base)).await).await;
    assert!(refused.starts_with("too_many_redirects: "), "{refused}");
}

#[tokio::test]
async fn a_slow_answer_is_cut_off_at_the_deadline() {
    let up = upstream().await;
    let started = Instant::now();
    let refused = code_of(local().from_jwks_uri(&format!("{}/slow", up.base)).await).await;
    assert_eq!(refused, "timeout: no answer within 0.8 s");
    assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
}

#[tokio::test]
async fn two_mebibytes_are_refused_whether_announced_or_streamed() {
    let up = upstream().await;
    for path in ["/big", "/big-stream"] {
        let refused = code_of(local().from_jwks_uri(&format!("{}{path}", up.base)).await).await;
        assert!(
            refused.starts_with("too_large: ") && refused.ends_with("more than 1048576 bytes"),
            "{refused}"
        );
    }
}

#[tokio::test]
async fn html_an_error_status_and_a_secret_only_set_are_refused() {
    let up = upstream().await;
    let refused = code_of(local().from_jwks_uri(&format!("{}/html", up.base)).await).await;
    assert!(refused.starts_with("not_json: ") && refused.contains("\"text/html\""), "{refused}");
    let refused = code_of(local().from_jwks_uri(&format!("{}/missing", up.base)).await).await;
    assert!(refused.starts_with("upstream_status: ") && refused.ends_with("HTTP 404"), "{refused}");
    let refused = code_of(local().from_jwks_uri(&format!("{}/secret-only", up.base)).await).await;
    assert!(refused.starts_with("no_public_keys: "), "{refused}");
}

#[tokio::test]
async fn redirects_to_the_metadata_address_or_a_file_are_refused() {
    let up = upstream().await;
    let refused = code_of(local().from_jwks_uri(&format!("{}/to-metadata", up.base)).await).await;
    assert_eq!(
        refused,
        "refused_address: 169.254.169.254 is refused: a cloud metadata address (never fetched)"
    );
    let refused = code_of(local().from_jwks_uri(&format!("{}/to-file", up.base)).await).await;
    assert!(refused.starts_with("scheme: "), "{refused}");
}

#[tokio::test]
async fn a_public_server_refuses_loopback_by_address_and_by_name() {
    let up = upstream().await;
    let public = Fetcher::new(Reach::Public, limits()).unwrap();
    let refused = code_of(public.from_issuer(&up.base).await).await;
    assert!(refused.starts_with("refused_address: 127.0.0.1 is refused: a loopback address"), "{refused}");
    let port = up.base.rsplit(':').next().unwrap();
    let refused = code_of(public.from_jwks_uri(&format!("http://localhost:{port}/jwks")).await).await;
    assert!(refused.starts_with("refused_address: localhost is refused"), "{refused}");
    // A name is judged by what it resolves to (here /etc/hosts' loopback names).
    let e = resolve_guarded("localhost", Reach::Public).await.unwrap_err();
    assert!(e.to_string().contains("it resolves to 127.0.0.1, a loopback address"), "{e}");
    assert!(!resolve_guarded("localhost", Reach::Local).await.unwrap().is_empty());
    assert_eq!(up.jwks_hits.load(Ordering::SeqCst), 0, "nothing reached the upstream");
}

#[tokio::test]
async fn found_keys_are_kept_for_the_cache_time() {
    let up = upstream().await;
    let uri = format!("{}/jwks", up.base);
    let cached = local();
    cached.from_jwks_uri(&uri).await.unwrap();
    cached.from_jwks_uri(&uri).await.unwrap();
    assert_eq!(up.jwks_hits.load(Ordering::SeqCst), 1);
    let uncached = Fetcher::new(Reach::Local, Limits { cache_for: Duration::ZERO, ..limits() }).unwrap();
    uncached.from_jwks_uri(&uri).await.unwrap();
    uncached.from_jwks_uri(&uri).await.unwrap();
    assert_eq!(up.jwks_hits.load(Ordering::SeqCst), 3);
}

#[tokio::test]
async fn https_is_spoken_with_certificate_checks_and_a_failure_is_said() {
    // The upstream speaks plain HTTP: a TLS handshake with it fails, and is reported as such
    // (never retried without TLS).
    let up = upstream().await;
    let https = up.base.replace("http://", "https://");
    let refused = code_of(local().from_jwks_uri(&format!("{https}/jwks")).await).await;
    assert!(refused.starts_with(&format!("unreachable: {https}/jwks could not be reached")), "{refused}");
    assert_eq!(up.jwks_hits.load(Ordering::SeqCst), 0);
}
