//! Route tests for the demo auth endpoints, the server-rendered page, the static site and the
//! guards every request passes, through `oneshot` on the real router (no socket).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![cfg(feature = "ssr")]

use axum::Router;
use axum::body::Body;
use axum::http::{Request, Response, StatusCode, header};
use http_body_util::BodyExt;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use jwt_debugger::server::auth::TOKEN_LIFETIME_SECS;
use jwt_debugger::server::config::Config;
use jwt_debugger::server::session::SESSION_COOKIE;
use jwt_debugger::server::site::Site;
use jwt_debugger::server::{AppState, app};
use leptos::prelude::LeptosOptions;
use serde_json::Value;
use tower::ServiceExt;

const KEY: &str = "route-test-secret-0123456789abcdef-0123456789abcdef";

fn config(vars: &[(&str, &str)]) -> Config {
    Config::from_lookup(|name| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())).unwrap().0
}

/// The address the routers under test listen on.
const LISTEN: &str = "127.0.0.1:3000";

/// A small site directory (a script with its brotli copy, the wasm, the worker).
/// Written once per process: tests run in parallel, and rewriting a file while another test
/// reads it would change its ETag under that test.
fn site() -> Site {
    static ROOT: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    let root = ROOT.get_or_init(|| {
        let root = std::env::temp_dir().join(format!("jwt-debugger-route-tests-{}", std::process::id()));
        std::fs::create_dir_all(root.join("pkg")).unwrap();
        std::fs::write(root.join("pkg/jwt-debugger.js"), b"export default 1").unwrap();
        std::fs::write(root.join("pkg/jwt-debugger.js.br"), b"BROTLI").unwrap();
        std::fs::write(root.join("pkg/jwt-debugger.wasm"), b"\0asm").unwrap();
        std::fs::write(root.join("crypto-worker.js"), b"self.onmessage = () => {}").unwrap();
        root
    });
    Site::Dir(root.clone())
}

fn router_at(config: &Config, listen: &str) -> Router {
    let options = LeptosOptions::builder().output_name("jwt-debugger").build();
    app(AppState::new(options, config, listen.parse().unwrap(), site()))
}

fn build_router(config: &Config) -> Router {
    router_at(config, LISTEN)
}

/// A request as a browser on this machine sends it (with its `Host`).
fn request(method: &str, uri: &str) -> axum::http::request::Builder {
    request_to(LISTEN, method, uri)
}

/// A request for `host`.
fn request_to(host: &str, method: &str, uri: &str) -> axum::http::request::Builder {
    Request::builder().method(method).uri(uri).header(header::HOST, host)
}

async fn send(router: &Router, req: axum::http::request::Builder) -> Response<Body> {
    router.clone().oneshot(req.body(Body::empty()).unwrap()).await.unwrap()
}

async fn get(router: &Router, uri: &str, cookie: Option<&str>) -> Response<Body> {
    let mut req = request("GET", uri);
    if let Some(cookie) = cookie {
        req = req.header(header::COOKIE, cookie);
    }
    send(router, req).await
}

async fn body_text(res: Response<Body>) -> String {
    String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap()
}

fn set_cookies(res: &Response<Body>) -> Vec<String> {
    res.headers().get_all(header::SET_COOKIE).iter().map(|v| v.to_str().unwrap().to_owned()).collect()
}

/// Logs in through `/auth/bypass` and returns the `name=value` pair to send back.
async fn log_in(router: &Router, user: &str) -> String {
    let res = get(router, &format!("/auth/bypass?token={user}"), None).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let cookie = set_cookies(&res).into_iter().next().expect("a session cookie");
    cookie.split(';').next().unwrap().to_owned()
}

fn verify(token: &str, key: &[u8]) -> Value {
    let mut validation = Validation::new(Algorithm::HS256);
    validation.required_spec_claims.clear();
    validation.validate_exp = false;
    jsonwebtoken::decode::<Value>(token, &DecodingKey::from_secret(key).unwrap(), &validation)
        .expect("token verifies with the configured key")
        .claims
}

async fn token_of(router: &Router, cookie: &str) -> String {
    let res = get(router, "/auth/token", Some(cookie)).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[header::CONTENT_TYPE], "application/json");
    let body: Value = serde_json::from_str(&body_text(res).await).unwrap();
    let object = body.as_object().unwrap();
    assert_eq!(object.len(), 1, "only the token: {body}");
    object["token"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn token_before_login_is_401_with_empty_body() {
    let router = build_router(&config(&[("JWT_SECRET_KEY", KEY)]));
    let res = get(&router, "/auth/token", None).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(body_text(res).await, "");
}

#[tokio::test]
async fn bypass_sets_a_locked_down_cookie_and_redirects_home() {
    let router = build_router(&config(&[("JWT_SECRET_KEY", KEY)]));
    let res = get(&router, "/auth/bypass?token=admin", None).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()[header::LOCATION], "/");
    let cookies = set_cookies(&res);
    assert_eq!(cookies.len(), 1, "{cookies:?}");
    let cookie = &cookies[0];
    assert!(cookie.starts_with(&format!("{SESSION_COOKIE}=")), "{cookie}");
    for attribute in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.split("; ").any(|a| a == attribute), "{attribute} missing in {cookie}");
    }
    // The value is encrypted: the user name is not readable (or forgeable) in it.
    let value = cookie.split(';').next().unwrap();
    assert!(!value.contains("admin"), "{value}");
}

#[tokio::test]
async fn token_after_login_is_hs256_with_user_claims_and_six_hour_lifetime() {
    let router = build_router(&config(&[("JWT_SECRET_KEY", KEY)]));
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    for (username, id, name, roles) in [
        ("admin", 1, "Ada Admin", vec!["admin"]),
        ("manager", 3, "Mia Manager", vec!["manager", "contributor"]),
    ] {
        let cookie = log_in(&router, username).await;
        let token = token_of(&router, &cookie).await;
        let header = jsonwebtoken::decode_header(&token).unwrap();
        assert_eq!(header.alg, Algorithm::HS256);
        let claims = verify(&token, KEY.as_bytes());
        assert_eq!(claims["id"], id);
        assert_eq!(claims["username"], username);
        assert_eq!(claims["name"], name);
        assert_eq!(claims["roles"], serde_json::json!(roles));
        let iat = claims["iat"].as_u64().unwrap();
        let exp = claims["exp"].as_u64().unwrap();
        assert_eq!(exp - iat, 21600);
        assert_eq!(TOKEN_LIFETIME_SECS, 21600);
        assert!(iat.abs_diff(now) <= 5, "iat {iat} vs now {now}");
        let keys: Vec<&str> = claims.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys.len(), 6, "{keys:?}");
    }
}

#[tokio::test]
async fn token_does_not_verify_with_another_key() {
    let router = build_router(&config(&[("JWT_SECRET_KEY", KEY)]));
    let cookie = log_in(&router, "user").await;
    let token = token_of(&router, &cookie).await;
    let mut validation = Validation::new(Algorithm::HS256);
    validation.validate_exp = false;
    let other = DecodingKey::from_secret(b"some other key").unwrap();
    assert!(jsonwebtoken::decode::<Value>(&token, &other, &validation).is_err());
}

#[tokio::test]
async fn unknown_or_missing_user_is_401_with_a_reason_and_no_session() {
    let router = build_router(&config(&[("JWT_SECRET_KEY", KEY)]));
    for uri in
        ["/auth/bypass?token=mallory", "/auth/bypass", "/auth/bypass?token=", "/auth/bypass?token=Admin"]
    {
        let res = get(&router, uri, None).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{uri}");
        // Any cookie sent is a removal, never a session.
        for cookie in set_cookies(&res) {
            assert!(cookie.starts_with(&format!("{SESSION_COOKIE}=;")), "{uri}: {cookie}");
        }
        assert!(res.headers()[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/plain"));
        let reason = body_text(res).await;
        assert!(!reason.trim().is_empty() && reason.len() < 80, "{uri}: {reason:?}");
    }
}

#[tokio::test]
async fn failed_bypass_ends_an_existing_session() {
    let router = build_router(&config(&[("JWT_SECRET_KEY", KEY)]));
    let cookie = log_in(&router, "admin").await;
    let res = get(&router, "/auth/bypass?token=nobody", Some(&cookie)).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let cookies = set_cookies(&res);
    assert!(cookies.iter().any(|c| c.contains("Max-Age=0")), "{cookies:?}");
}

#[tokio::test]
async fn logout_drops_the_cookie_and_redirects_home() {
    let router = build_router(&config(&[("JWT_SECRET_KEY", KEY)]));
    let cookie = log_in(&router, "admin").await;
    let res = get(&router, "/auth/logout", Some(&cookie)).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()[header::LOCATION], "/");
    let cookies = set_cookies(&res);
    assert_eq!(cookies.len(), 1, "{cookies:?}");
    assert!(cookies[0].starts_with(&format!("{SESSION_COOKIE}=;")), "{}", cookies[0]);
    assert!(cookies[0].contains("Max-Age=0") && cookies[0].contains("Path=/"), "{}", cookies[0]);
    // A browser that obeyed has no cookie left: logged out.
    let res = get(&router, "/auth/token", None).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn forged_tampered_or_foreign_cookies_count_as_logged_out() {
    let router = build_router(&config(&[("JWT_SECRET_KEY", KEY)]));
    let genuine = log_in(&router, "admin").await;
    let (name, value) = genuine.split_once('=').unwrap();
    let mut tampered: Vec<char> = value.chars().collect();
    let middle = tampered.len() / 2;
    tampered[middle] = if tampered[middle] == 'A' { 'B' } else { 'A' };
    let tampered: String = tampered.into_iter().collect();
    // A cookie made by another server run (different random key).
    let other_run = log_in(&build_router(&config(&[("JWT_SECRET_KEY", KEY)])), "admin").await;
    for cookie in [
        format!("{SESSION_COOKIE}=admin"),
        format!("{SESSION_COOKIE}={}", "x".repeat(3000)),
        format!("{name}={}", "A".repeat(3000)),
        format!("{name}={tampered}"),
        format!("{name}="),
        format!("{name}=%%%not-base64"),
        other_run,
    ] {
        let res = get(&router, "/auth/token", Some(&cookie)).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{cookie}");
        assert_eq!(body_text(res).await, "");
        let page = get(&router, "/", Some(&cookie)).await;
        assert_eq!(page.status(), StatusCode::OK, "{cookie}");
        assert!(body_text(page).await.contains("Not logged in"), "{cookie}");
    }
    // The genuine one still works.
    assert_eq!(get(&router, "/auth/token", Some(&genuine)).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn session_secret_keeps_sessions_across_restarts() {
    let vars = [("JWT_SECRET_KEY", KEY), ("SESSION_SECRET", "a-session-secret-of-at-least-32-bytes!!")];
    let cookie = log_in(&build_router(&config(&vars)), "contributor").await;
    let restarted = build_router(&config(&vars));
    let token = token_of(&restarted, &cookie).await;
    assert_eq!(verify(&token, KEY.as_bytes())["username"], "contributor");
}

#[tokio::test]
async fn without_jwt_secret_key_tokens_verify_with_the_announced_key() {
    let (config, notices) = Config::from_lookup(|_| None).unwrap();
    let announced = notices
        .iter()
        .find_map(|n| match n {
            jwt_debugger::server::config::Notice::GeneratedJwtSecret { key_text } => Some(key_text.clone()),
            _ => None,
        })
        .expect("the generated key is announced");
    let router = build_router(&config);
    let cookie = log_in(&router, "user").await;
    let token = token_of(&router, &cookie).await;
    assert_eq!(verify(&token, announced.as_bytes())["username"], "user");
}

#[tokio::test]
async fn page_shows_the_session_state() {
    let router = build_router(&config(&[("JWT_SECRET_KEY", KEY)]));
    let page = body_text(get(&router, "/", None).await).await;
    assert!(page.contains("Not logged in"));
    for user in ["admin", "contributor", "manager", "user"] {
        assert!(page.contains(&format!("href=\"/auth/bypass?token={user}\"")), "{user}");
    }
    assert!(!page.contains("href=\"/auth/logout\""));
    let cookie = log_in(&router, "admin").await;
    let page = body_text(get(&router, "/", Some(&cookie)).await).await;
    assert!(page.contains("Logged in as Ada Admin (admin)"), "{page}");
    assert!(page.contains("href=\"/auth/logout\""));
}

#[tokio::test]
async fn unknown_path_is_404_page() {
    let router = build_router(&config(&[("JWT_SECRET_KEY", KEY)]));
    let res = get(&router, "/no/such/page", None).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(body_text(res).await.contains("Page not found"));
}

#[tokio::test]
async fn pages_carry_a_nonce_csp_that_matches_their_inline_script() {
    let router = build_router(&config(&[("JWT_SECRET_KEY", KEY)]));
    let res = get(&router, "/", None).await;
    let csp = res.headers()[header::CONTENT_SECURITY_POLICY].to_str().unwrap().to_owned();
    for directive in
        ["default-src 'none'", "connect-src 'self'", "frame-ancestors 'none'", "'wasm-unsafe-eval'"]
    {
        assert!(csp.contains(directive), "{directive} missing in {csp}");
    }
    let nonce = csp.split("'nonce-").nth(1).and_then(|s| s.split('\'').next()).unwrap().to_owned();
    assert!(nonce.len() >= 16, "{nonce}");
    let html = body_text(res).await;
    assert!(html.contains(&format!("nonce=\"{nonce}\"")), "the hydration script carries the nonce");
    // ... and only the script: no other attribute (such as a preload's crossorigin) shows it.
    assert_eq!(html.matches(&nonce).count(), html.matches(&format!("nonce=\"{nonce}\"")).count(), "{html}");
    // A new page, a new nonce.
    let again = get(&router, "/", None).await;
    assert!(!again.headers()[header::CONTENT_SECURITY_POLICY].to_str().unwrap().contains(&nonce));
    // Everything else may run and load nothing.
    let cookie = log_in(&router, "admin").await;
    let token = get(&router, "/auth/token", Some(&cookie)).await;
    assert_eq!(
        token.headers()[header::CONTENT_SECURITY_POLICY],
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"
    );
    assert_eq!(token.headers()[header::CACHE_CONTROL], "no-store");
}

#[tokio::test]
async fn the_page_is_rendered_with_the_sample_decoded_and_verified() {
    let router = build_router(&config(&[("JWT_SECRET_KEY", KEY)]));
    let html = body_text(get(&router, "/", None).await).await;
    assert!(html.contains("data-signature-valid=\"true\""), "verdict rendered on the server");
    assert!(html.contains("data-state=\"loading\""), "not ready before hydration");
    assert!(html.contains("Ada Lovelace"));
    assert!(html.contains("data-testid=\"token-input\""));
}

#[tokio::test]
async fn the_demo_switch_follows_demo_auth_and_the_listen_address() {
    // (DEMO_AUTH, listen address, demo routes on)
    for (mode, listen, on) in [
        ("", "127.0.0.1:3000", true),
        ("auto", "[::1]:3000", true),
        ("auto", "0.0.0.0:3000", false),
        ("auto", "192.168.1.10:3000", false),
        ("on", "0.0.0.0:3000", true),
        ("off", "127.0.0.1:3000", false),
        ("off", "0.0.0.0:3000", false),
    ] {
        let router = router_at(&config(&[("JWT_SECRET_KEY", KEY), ("DEMO_AUTH", mode)]), listen);
        let port_host = |path: &str| request_to("127.0.0.1:3000", "GET", path);
        let res = send(&router, port_host("/auth/bypass?token=admin")).await;
        if on {
            assert_eq!(res.status(), StatusCode::SEE_OTHER, "{mode} {listen}");
        } else {
            assert_eq!(res.status(), StatusCode::NOT_FOUND, "{mode} {listen}");
            assert_eq!(body_text(res).await, "", "{mode} {listen}: empty, as for an unknown path");
            for path in ["/auth/token", "/auth/logout", "/api/me"] {
                let res = send(&router, port_host(path)).await;
                assert_eq!(res.status(), StatusCode::NOT_FOUND, "{mode} {listen} {path}");
            }
        }
        // The page hides the demo panel when the routes are off.
        let page = body_text(send(&router, port_host("/")).await).await;
        assert_eq!(page.contains("data-testid=\"session-status\""), on, "{mode} {listen}");
    }
}

#[tokio::test]
async fn only_this_servers_own_host_names_are_answered() {
    let router = build_router(&config(&[("JWT_SECRET_KEY", KEY)]));
    let cookie = log_in(&router, "admin").await;
    for path in ["/", "/auth/bypass?token=admin", "/auth/token", "/pkg/jwt-debugger.js", "/no/such/page"] {
        for host in
            ["attacker.example:3000", "attacker.example", "localhost:3001", "127.0.0.1.attacker.example:3000"]
        {
            let res = send(&router, request_to(host, "GET", path).header(header::COOKIE, &cookie)).await;
            assert_eq!(res.status(), StatusCode::MISDIRECTED_REQUEST, "{host} {path}");
            assert_eq!(body_text(res).await, "", "{host} {path}");
        }
        for host in ["localhost:3000", "127.0.0.1:3000", "[::1]:3000"] {
            let res = send(&router, request_to(host, "GET", path).header(header::COOKIE, &cookie)).await;
            assert_ne!(res.status(), StatusCode::MISDIRECTED_REQUEST, "{host} {path}");
        }
    }
    // Without a Host at all, or with two: refused.
    let res = router.clone().oneshot(Request::get("/").body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(res.status(), StatusCode::MISDIRECTED_REQUEST);
    let res = send(&router, request("GET", "/").header(header::HOST, "attacker.example:3000")).await;
    assert_eq!(res.status(), StatusCode::MISDIRECTED_REQUEST);
    // Names listed in ALLOWED_HOSTS are answered.
    let hosted =
        router_at(&config(&[("ALLOWED_HOSTS", "jwt.school.example"), ("DEMO_AUTH", "on")]), "0.0.0.0:3000");
    let res = send(&hosted, request_to("jwt.school.example:3000", "GET", "/")).await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = send(&hosted, request_to("other.example:3000", "GET", "/")).await;
    assert_eq!(res.status(), StatusCode::MISDIRECTED_REQUEST);
}

#[tokio::test]
async fn other_sites_cannot_log_the_browser_in_or_out() {
    let router = build_router(&config(&[("JWT_SECRET_KEY", KEY)]));
    let cookie = log_in(&router, "admin").await;
    for path in ["/auth/bypass?token=user", "/auth/logout", "/auth/token"] {
        for site in ["cross-site", "same-site"] {
            let res = send(
                &router,
                request("GET", path).header("sec-fetch-site", site).header(header::COOKIE, &cookie),
            )
            .await;
            assert_eq!(res.status(), StatusCode::FORBIDDEN, "{site} {path}");
            assert!(set_cookies(&res).is_empty(), "{site} {path}: the session is untouched");
        }
        for site in ["same-origin", "none"] {
            let res = send(
                &router,
                request("GET", path).header("sec-fetch-site", site).header(header::COOKIE, &cookie),
            )
            .await;
            assert_ne!(res.status(), StatusCode::FORBIDDEN, "{site} {path}");
        }
    }
}

#[tokio::test]
async fn every_response_carries_the_isolation_headers_and_pages_are_not_stored() {
    let router = build_router(&config(&[("JWT_SECRET_KEY", KEY)]));
    let cookie = log_in(&router, "admin").await;
    for (path, cookie) in [
        ("/", None),
        ("/auth/token", Some(cookie.as_str())),
        ("/auth/token", None),
        ("/pkg/jwt-debugger.js", None),
        ("/crypto-worker.js", None),
        ("/no/such/page", None),
        ("/pkg/no-such-file.js", None),
        ("/auth/nothing-here", None),
    ] {
        let res = get(&router, path, cookie).await;
        let h = res.headers();
        assert_eq!(h["cross-origin-resource-policy"], "same-origin", "{path}");
        assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{path}");
        assert_eq!(h[header::REFERRER_POLICY], "no-referrer", "{path}");
        assert!(h.contains_key(header::CONTENT_SECURITY_POLICY), "{path}");
        // What only a document reads: on pages, answers and errors, not on the static files
        // (their policy refuses framing).
        if path.starts_with("/pkg/") {
            let policy = h[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
            assert!(policy.contains("frame-ancestors 'none'"), "{path}: {policy}");
            for name in ["cross-origin-opener-policy", "permissions-policy", "x-frame-options"] {
                assert!(h.get(name).is_none(), "{path}: {name}");
            }
        } else {
            assert_eq!(h["cross-origin-opener-policy"], "same-origin", "{path}");
            assert_eq!(h[header::X_FRAME_OPTIONS], "DENY", "{path}");
            let permissions = h["permissions-policy"].to_str().unwrap();
            for feature in ["camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"] {
                assert!(permissions.contains(feature), "{path}: {feature}");
            }
        }
        let html = h.get(header::CONTENT_TYPE).is_some_and(|v| v.to_str().unwrap().starts_with("text/html"));
        if html || res.status() == StatusCode::UNAUTHORIZED {
            assert_eq!(h[header::CACHE_CONTROL], "no-store", "{path}");
        }
    }
}

#[tokio::test]
async fn static_files_are_negotiated_and_revalidated() {
    let router = build_router(&config(&[("JWT_SECRET_KEY", KEY)]));
    let res =
        send(&router, request("GET", "/pkg/jwt-debugger.js").header(header::ACCEPT_ENCODING, "gzip, br"))
            .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[header::CONTENT_ENCODING], "br");
    assert_eq!(res.headers()[header::VARY], "accept-encoding");
    let etag = res.headers()[header::ETAG].to_str().unwrap().to_owned();
    let again = send(
        &router,
        request("GET", "/pkg/jwt-debugger.js")
            .header(header::ACCEPT_ENCODING, "gzip, br")
            .header(header::IF_NONE_MATCH, &etag),
    )
    .await;
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    let wasm = get(&router, "/pkg/jwt-debugger.wasm", None).await;
    assert_eq!(wasm.headers()[header::CONTENT_TYPE], "application/wasm");
    // The worker runs under its own narrow policy.
    let worker = get(&router, "/crypto-worker.js", None).await;
    let csp = worker.headers()[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval'") && csp.contains("connect-src 'self'"),
        "{csp}"
    );
}

#[tokio::test]
async fn the_session_cookie_does_not_tell_who_by_its_length_and_can_be_secure() {
    let router = build_router(&config(&[("JWT_SECRET_KEY", KEY)]));
    let lengths: Vec<usize> = futures_lengths(&router).await;
    assert!(lengths.windows(2).all(|w| w[0] == w[1]), "{lengths:?}");
    let secure = build_router(&config(&[("JWT_SECRET_KEY", KEY), ("COOKIE_SECURE", "true")]));
    let res = get(&secure, "/auth/bypass?token=admin", None).await;
    assert!(set_cookies(&res)[0].contains("Secure"), "{:?}", set_cookies(&res));
    let res = get(&router, "/auth/bypass?token=admin", None).await;
    assert!(!set_cookies(&res)[0].contains("Secure"));
}

/// The length of each demo user's encrypted session value (percent-decoding undone: it is
/// base64, whose `+ / =` the cookie escapes at random).
async fn futures_lengths(router: &Router) -> Vec<usize> {
    let mut lengths = Vec::new();
    for user in ["admin", "contributor", "manager", "user"] {
        let cookie = log_in(router, user).await;
        let value =
            cookie.split_once('=').unwrap().1.replace("%2B", "+").replace("%2F", "/").replace("%3D", "=");
        lengths.push(value.len());
    }
    lengths
}

#[tokio::test]
async fn one_user_per_log_in() {
    let router = build_router(&config(&[("JWT_SECRET_KEY", KEY)]));
    let res = get(&router, "/auth/bypass?token=admin&token=user", None).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert!(body_text(res).await.contains("give one user"));
}

#[tokio::test]
async fn bad_input_never_500s() {
    let router = build_router(&config(&[("JWT_SECRET_KEY", KEY)]));
    let paths =
        ["/", "/auth/bypass?token=admin", "/auth/token", "/auth/logout", "/pkg/jwt-debugger.js", "/nope"];
    for path in paths {
        for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE"] {
            let res = send(&router, request(method, path)).await;
            assert!(res.status().as_u16() < 500, "{method} {path}: {}", res.status());
        }
    }
    for uri in [
        format!("/auth/bypass?token={}", "a".repeat(60 * 1024)),
        format!("/?q={}", "b".repeat(60 * 1024)),
        "/auth/bypass?token=ad%00min".to_owned(),
        "/auth/bypass?token=%ff%fe".to_owned(),
        "/auth/bypass?token=%".to_owned(),
        "/auth/bypass?token=admin&token=admin".to_owned(),
        "/%ff%fe".to_owned(),
        "/pkg/%2e%2e/Cargo.toml".to_owned(),
    ] {
        let res = get(&router, &uri, None).await;
        assert!(res.status().as_u16() < 500, "{}: {}", &uri[..uri.len().min(60)], res.status());
        if uri.starts_with("/auth/bypass") {
            assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{}", &uri[..uri.len().min(60)]);
        }
    }
    // A request body over the limit is refused, not read.
    let res = router
        .clone()
        .oneshot(
            request("POST", "/auth/token")
                .header(header::CONTENT_LENGTH, 1_000_000)
                .body(Body::from(vec![b'x'; 1_000_000]))
                .unwrap(),
        )
        .await
        .unwrap();
    assert!(res.status().is_client_error(), "{}", res.status());
}
