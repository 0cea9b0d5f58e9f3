//! Route tests for the demo API (`/api/me`, `/api/admin`), the RS256 issuer
//! (`/auth/token?alg=RS256`, `/.well-known/jwks.json`, `/.well-known/openid-configuration`),
//! through `oneshot` on the real router. The messages are node jsonwebtoken's; that the core
//! predicts them exactly is proven against the library itself by `end2end/servers/`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![cfg(feature = "ssr")]

use axum::Router;
use axum::body::Body;
use axum::http::{Request, Response, StatusCode, header};
use http_body_util::BodyExt;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use jwt_core::servers::{ServerKey, ServerOptions, node_jsonwebtoken};
use jwt_debugger::server::config::Config;
use jwt_debugger::server::issuer::{Issuer, RsaIssuer};
use jwt_debugger::server::site::Site;
use jwt_debugger::server::{AppState, app};
use leptos::prelude::LeptosOptions;
use serde_json::Value;
use tower::ServiceExt;

const KEY: &str = "api-test-secret-0123456789abcdef-0123456789abcdef";
const LISTEN: &str = "127.0.0.1:3000";

/// The app's state for `vars` (the test key unless `vars` set another: the first match counts),
/// listening on `listen`.
fn state(vars: &[(&str, &str)], listen: &str) -> AppState {
    let mut all = vars.to_vec();
    all.push(("JWT_SECRET_KEY", KEY));
    let config = Config::from_lookup(|name| all.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string()))
        .unwrap()
        .0;
    let options = LeptosOptions::builder().output_name("jwt-debugger").build();
    AppState::new(options, &config, listen.parse().unwrap(), Site::Dir(std::env::temp_dir().join("none")))
}

fn router(vars: &[(&str, &str)], listen: &str) -> Router {
    app(state(vars, listen))
}

async fn send(router: &Router, uri: &str, headers: &[(&str, &[u8])]) -> Response<Body> {
    let mut req = Request::builder().uri(uri).header(header::HOST, LISTEN);
    for (name, value) in headers {
        req = req.header(*name, *value);
    }
    router.clone().oneshot(req.body(Body::empty()).unwrap()).await.unwrap()
}

async fn json(res: Response<Body>) -> Value {
    serde_json::from_slice(&res.into_body().collect().await.unwrap().to_bytes()).unwrap()
}

async fn cookie_for(router: &Router, user: &str) -> String {
    let res = send(router, &format!("/auth/bypass?token={user}"), &[]).await;
    let cookie = res.headers()[header::SET_COOKIE].to_str().unwrap();
    cookie.split(';').next().unwrap().to_owned()
}

async fn token_for(router: &Router, user: &str, query: &str) -> String {
    let cookie = cookie_for(router, user).await;
    let res = send(router, &format!("/auth/token{query}"), &[("cookie", cookie.as_bytes())]).await;
    assert_eq!(res.status(), StatusCode::OK);
    json(res).await["token"].as_str().unwrap().to_owned()
}

async fn call(router: &Router, path: &str, authorization: &[u8]) -> (StatusCode, Option<String>, Value) {
    let res = send(router, path, &[("authorization", authorization)]).await;
    let status = res.status();
    let challenge = res.headers().get(header::WWW_AUTHENTICATE).map(|v| v.to_str().unwrap().to_owned());
    (status, challenge, json(res).await)
}

fn bearer(token: &str) -> Vec<u8> {
    format!("Bearer {token}").into_bytes()
}

/// One character of the signature changed.
fn tampered(token: &str) -> String {
    // A character in the middle of the signature: the last one may carry only padding bits,
    // which node's base64 decoder ignores (so node would accept that change).
    let at = token.rfind('.').unwrap() + 10;
    let mut t = token.to_owned();
    let c = if &t[at..=at] == "A" { "B" } else { "A" };
    t.replace_range(at..=at, c);
    t
}

#[tokio::test]
async fn the_demo_token_opens_api_me_and_a_changed_one_does_not() {
    let r = router(&[], LISTEN);
    let token = token_for(&r, "user", "").await;
    let (status, challenge, body) = call(&r, "/api/me", &bearer(&token)).await;
    assert_eq!((status, challenge), (StatusCode::OK, None));
    assert_eq!(body["user"]["username"], "user");
    assert_eq!(body["user"]["exp"].as_u64().unwrap() - body["user"]["iat"].as_u64().unwrap(), 21_600);

    let (status, challenge, body) = call(&r, "/api/me", &bearer(&tampered(&token))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body, serde_json::json!({"error": "JsonWebTokenError", "message": "invalid signature"}));
    assert_eq!(challenge.unwrap(), r#"Bearer error="invalid_token", error_description="invalid signature""#);
}

#[tokio::test]
async fn no_token_or_not_a_bearer_header_is_jwt_must_be_provided() {
    let r = router(&[], LISTEN);
    let res = send(&r, "/api/me", &[]).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert!(res.headers()[header::WWW_AUTHENTICATE].to_str().unwrap().contains("jwt must be provided"));
    assert_eq!(json(res).await["message"], "jwt must be provided");
    for header in [&b"Basic dXNlcjpwYXNz"[..], b"Bearer", b"Bearer ", b"token abc"] {
        let (status, _, body) = call(&r, "/api/me", header).await;
        assert_eq!(
            (status, body["message"].as_str()),
            (StatusCode::UNAUTHORIZED, Some("jwt must be provided"))
        );
    }
}

#[tokio::test]
async fn expired_malformed_and_wrongly_signed_tokens_get_the_librarys_words() {
    let r = router(&[], LISTEN);
    let sign = |alg: jsonwebtoken::Algorithm, claims: Value, key: &[u8]| {
        jsonwebtoken::encode(
            &jsonwebtoken::Header::new(alg),
            &claims,
            &jsonwebtoken::EncodingKey::from_secret(key).unwrap(),
        )
        .unwrap()
    };
    let expired =
        sign(Algorithm::HS256, serde_json::json!({"sub": "x", "exp": 1_000_000_000}), KEY.as_bytes());
    let (_, _, body) = call(&r, "/api/me", &bearer(&expired)).await;
    assert_eq!(body, serde_json::json!({"error": "TokenExpiredError", "message": "jwt expired"}));
    let hs512 = sign(Algorithm::HS512, serde_json::json!({"sub": "x"}), KEY.as_bytes());
    let (_, _, body) = call(&r, "/api/me", &bearer(&hs512)).await;
    assert_eq!(body["message"], "invalid algorithm");
    let (_, _, body) = call(&r, "/api/me", b"Bearer not.a-token").await;
    assert_eq!(body["message"], "jwt malformed");
    let unsigned = format!("{}.", expired.rsplit_once('.').unwrap().0);
    let (_, _, body) = call(&r, "/api/me", &bearer(&unsigned)).await;
    assert_eq!(body["message"], "jwt signature is required");
}

#[tokio::test]
async fn api_admin_needs_the_admin_role() {
    let r = router(&[], LISTEN);
    let user = token_for(&r, "user", "").await;
    let (status, _, body) = call(&r, "/api/admin", &bearer(&user)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(body, serde_json::json!({"error": "Forbidden", "message": "requires role admin"}));
    let admin = token_for(&r, "admin", "").await;
    let (status, _, body) = call(&r, "/api/admin", &bearer(&admin)).await;
    assert_eq!((status, body["user"]["username"].as_str()), (StatusCode::OK, Some("admin")));
    let (status, _, _) = call(&r, "/api/admin", b"").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_rs256_issuer_publishes_its_key_and_the_api_accepts_its_tokens() {
    let r = router(&[], LISTEN);
    let token = token_for(&r, "manager", "?alg=RS256").await;
    let jwks = json(send(&r, "/.well-known/jwks.json", &[]).await).await;
    let jwk = &jwks["keys"][0];
    assert_eq!(
        (jwk["kty"].as_str(), jwk["use"].as_str(), jwk["alg"].as_str()),
        (Some("RSA"), Some("sig"), Some("RS256"))
    );
    let header = jsonwebtoken::decode_header(&token).unwrap();
    assert_eq!(header.alg, Algorithm::RS256);
    assert_eq!(header.kid.as_deref(), jwk["kid"].as_str());
    // Verified independently with the published JWK.
    let key =
        DecodingKey::from_rsa_components(jwk["n"].as_str().unwrap(), jwk["e"].as_str().unwrap()).unwrap();
    let mut validation = Validation::new(Algorithm::RS256);
    validation.set_issuer(&["http://127.0.0.1:3000"]);
    let claims = jsonwebtoken::decode::<Value>(&token, &key, &validation).unwrap().claims;
    assert_eq!(claims["username"], "manager");
    assert_eq!(claims["exp"].as_u64().unwrap() - claims["iat"].as_u64().unwrap(), 21_600);

    let config = json(send(&r, "/.well-known/openid-configuration", &[]).await).await;
    assert_eq!(config["issuer"], "http://127.0.0.1:3000");
    assert_eq!(config["jwks_uri"], "http://127.0.0.1:3000/.well-known/jwks.json");
    assert_eq!(config["id_token_signing_alg_values_supported"], serde_json::json!(["RS256"]));

    let (status, _, body) = call(&r, "/api/me", &bearer(&token)).await;
    assert_eq!((status, body["user"]["username"].as_str()), (StatusCode::OK, Some("manager")));
    let (_, _, body) = call(&r, "/api/me", &bearer(&tampered(&token))).await;
    assert_eq!(body["message"], "invalid signature");
    // An unknown alg is refused; not logged in is still an empty 401.
    let cookie = cookie_for(&r, "user").await;
    let res = send(&r, "/auth/token?alg=ES256", &[("cookie", cookie.as_bytes())]).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let res = send(&r, "/auth/token?alg=RS256", &[]).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_issuer_key_can_come_from_a_file() {
    let generated = jwt_core::keygen::generate(jwt_core::KeygenKind::Rsa(2048)).unwrap();
    let path = std::env::temp_dir().join(format!("jwt-debugger-issuer-{}.pem", std::process::id()));
    std::fs::write(&path, generated.private_pem.unwrap()).unwrap();
    let issuer = jwt_debugger::server::issuer::from_env(path.to_str()).unwrap();
    assert_eq!(issuer.existing().unwrap().public_pem(), generated.public_pem.unwrap());
    std::fs::write(&path, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n").unwrap();
    assert!(jwt_debugger::server::issuer::from_env(path.to_str()).is_err());
    let _ = std::fs::remove_file(&path);
}

#[tokio::test]
async fn odd_authorization_headers_are_401_with_a_message_never_500() {
    let r = router(&[], LISTEN);
    let huge = format!("Bearer {}", "a.".repeat(30_000));
    let latin1 = b"Bearer \xff\xfe.\xfa.b".to_vec();
    for header in [huge.as_bytes(), &latin1, b"Bearer a.b.c d", b"Bearer ...."] {
        let (status, challenge, body) = call(&r, "/api/me", header).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
        assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()), "{body}");
        assert!(challenge.unwrap().starts_with("Bearer error=\"invalid_token\""));
    }
    // Repeated headers: the first counts, as in node.
    let token = token_for(&r, "user", "").await;
    let res =
        send(&r, "/api/me", &[("authorization", &bearer(&token)), ("authorization", b"Bearer x")]).await;
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn off_the_demo_the_api_and_the_issuer_are_404() {
    let r = router(&[("DEMO_AUTH", "off")], LISTEN);
    for path in ["/api/me", "/api/admin", "/.well-known/jwks.json", "/.well-known/openid-configuration"] {
        let res = send(&r, path, &[]).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
        assert!(res.into_body().collect().await.unwrap().to_bytes().is_empty());
    }
}

// The attack lessons' forgeries (built here as the page builds them) against the demo API, in
// its normal mode and with DEMO_API_VULNERABLE=true.

/// A router whose RS256 issuer is known to the test (its kid and public PEM).
fn router_with_issuer(vars: &[(&str, &str)], listen: &str) -> (Router, std::sync::Arc<RsaIssuer>) {
    let issuer = Issuer::with_key(RsaIssuer::generate().unwrap());
    let known = issuer.existing().unwrap();
    (app(state(vars, listen).with_issuer(issuer)), known)
}

/// The claims of `token` with `roles: ["admin"]`.
fn admin_claims(token: &str) -> String {
    let mut claims = jwt_core::decode(token).payload.unwrap();
    claims["roles"] = serde_json::json!(["admin"]);
    claims.to_string()
}

fn b64(text: &str) -> String {
    jwt_core::b64::encode(text.as_bytes())
}

/// `alg` (as written) over the admin claims, with an empty signature.
fn unsigned(token: &str, alg: &str) -> String {
    format!("{}.{}.", b64(&format!(r#"{{"alg":"{alg}","typ":"JWT"}}"#)), b64(&admin_claims(token)))
}

/// HS256 with the issuer's public key PEM — read back from the published JWKS, as the page
/// does — as the secret, and the issuer's kid.
async fn key_confused(r: &Router, token: &str) -> String {
    let jwks = json(send(r, "/.well-known/jwks.json", &[]).await).await;
    let jwk = &jwks["keys"][0];
    let pem = jwt_core::keys::public_forms(jwt_core::KeyKind::Jwk, &jwk.to_string()).unwrap().pem;
    let header = serde_json::json!({"typ": "JWT", "kid": jwk["kid"]}).to_string();
    let key = jwt_core::SigningKey::Secret(pem.into_bytes());
    jwt_core::sign_json(&header, &admin_claims(token), jwt_core::Alg::HS256, &key).unwrap().token
}

/// ES256 with a fresh key whose public JWK is in the header; `signer` signs instead when given.
fn embedded_jwk(token: &str, signer: Option<&jwt_core::SigningKey>) -> String {
    let fresh = jwt_core::generate(jwt_core::KeygenKind::Ec(jwt_core::Curve::P256)).unwrap();
    let header = serde_json::json!({"typ": "JWT", "jwk": fresh.public_jwk.unwrap()}).to_string();
    let key = signer.unwrap_or(&fresh.key);
    jwt_core::sign_json(&header, &admin_claims(token), jwt_core::Alg::ES256, key).unwrap().token
}

/// What node jsonwebtoken 9 says about `token` with `key` and `algorithms: [alg]`.
fn node_says(token: &str, key: ServerKey<'_>, alg: &str) -> (String, String) {
    let options = ServerOptions { algorithms: Some(vec![alg.to_owned()]), ..ServerOptions::default() };
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    let answer = node_jsonwebtoken(token, key, &options, i64::try_from(now).unwrap());
    assert_eq!(answer.ok, Some(false), "{answer:?}");
    (answer.name.unwrap(), answer.message.unwrap())
}

/// The real token with the admin claims and its old signature (the tamper lesson).
fn claims_changed(token: &str) -> String {
    let (header, rest) = token.split_once('.').unwrap();
    let signature = rest.rsplit_once('.').unwrap().1;
    format!("{header}.{}.{signature}", b64(&admin_claims(token)))
}

#[tokio::test]
async fn forged_tokens_get_nodes_words_from_the_normal_api() {
    let (r, issuer) = router_with_issuer(&[], LISTEN);
    let token = token_for(&r, "user", "").await;
    let secret = ServerKey::Secret(KEY.as_bytes());
    let cases = [
        ("tamper", "/api/admin", claims_changed(&token), secret, "HS256"),
        ("alg-none", "/api/admin", unsigned(&token, "none"), secret, "HS256"),
        (
            "key-confusion",
            "/api/me",
            key_confused(&r, &token).await,
            ServerKey::Pem(issuer.public_pem()),
            "RS256",
        ),
        ("embedded-jwk", "/api/me", embedded_jwk(&token, None), secret, "HS256"),
    ];
    // The messages the lessons name the defence from (src/components/lessons.rs).
    let expected =
        ["invalid signature", "jwt signature is required", "invalid algorithm", "invalid algorithm"];
    for ((lesson, path, forged, key, alg), message) in cases.into_iter().zip(expected) {
        // node's answer as the core predicts it for the key and algorithm the API uses.
        let (name, said) = node_says(&forged, key, alg);
        assert_eq!(said, message, "{lesson}");
        let (status, challenge, body) = call(&r, path, &bearer(&forged)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{lesson}: {body}");
        assert_eq!(body, serde_json::json!({"error": name, "message": said}), "{lesson}");
        assert!(challenge.unwrap().contains(&format!("error_description=\"{said}\"")), "{lesson}");
    }
}

#[tokio::test]
async fn the_vulnerable_api_accepts_what_naive_code_accepted_and_nothing_more() {
    let (r, issuer) = router_with_issuer(&[("DEMO_API_VULNERABLE", "true")], LISTEN);
    let token = token_for(&r, "user", "").await;

    // alg none, in any case: the claims as sent, admin included.
    for alg in ["none", "NONE", "nOnE"] {
        let (status, _, body) = call(&r, "/api/admin", &bearer(&unsigned(&token, alg))).await;
        assert_eq!(status, StatusCode::OK, "{alg}: {body}");
        assert_eq!(body["user"]["roles"], serde_json::json!(["admin"]));
        assert_eq!(body["user"]["username"], "user");
    }
    // RS256 → HS256 key confusion with the issuer's exact public PEM text.
    let confused = key_confused(&r, &token).await;
    let (status, _, body) = call(&r, "/api/me", &bearer(&confused)).await;
    assert_eq!(
        (status, body["user"]["roles"].clone()),
        (StatusCode::OK, serde_json::json!(["admin"])),
        "{body}"
    );
    // Any other text than exactly public_pem() does not verify (here: without its final newline).
    let pem = issuer.public_pem().trim_end().as_bytes().to_vec();
    let header = serde_json::json!({"typ": "JWT", "kid": issuer.kid()}).to_string();
    let near = jwt_core::sign_json(
        &header,
        &admin_claims(&token),
        jwt_core::Alg::HS256,
        &jwt_core::SigningKey::Secret(pem),
    )
    .unwrap()
    .token;
    let (status, _, body) = call(&r, "/api/me", &bearer(&near)).await;
    assert_eq!((status, body["message"].as_str()), (StatusCode::UNAUTHORIZED, Some("invalid algorithm")));
    // An embedded JWK that signed the token; one that did not is the normal answer.
    let (status, _, body) = call(&r, "/api/me", &bearer(&embedded_jwk(&token, None))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let other = jwt_core::generate(jwt_core::KeygenKind::Ec(jwt_core::Curve::P256)).unwrap().key;
    let (status, _, body) = call(&r, "/api/me", &bearer(&embedded_jwk(&token, Some(&other)))).await;
    assert_eq!((status, body["message"].as_str()), (StatusCode::UNAUTHORIZED, Some("invalid algorithm")));

    // Still refused: a changed token with its old signature, and expired forgeries.
    let (status, _, body) = call(&r, "/api/admin", &bearer(&claims_changed(&token))).await;
    assert_eq!((status, body["message"].as_str()), (StatusCode::UNAUTHORIZED, Some("invalid signature")));
    let expired =
        format!("{}.{}.", b64(r#"{"alg":"none"}"#), b64(r#"{"sub":"x","roles":["admin"],"exp":1000000000}"#));
    let (status, _, body) = call(&r, "/api/admin", &bearer(&expired)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body, serde_json::json!({"error": "TokenExpiredError", "message": "jwt expired"}));
    // The real token still works as before.
    let (status, _, _) = call(&r, "/api/me", &bearer(&token)).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn the_vulnerable_mode_is_refused_off_loopback_and_never_on_there() {
    let vars = [("DEMO_API_VULNERABLE", "true"), ("DEMO_AUTH", "on")];
    let config =
        Config::from_lookup(|name| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string()))
            .unwrap()
            .0;
    assert!(
        config.check_listen("0.0.0.0:3000".parse().unwrap()).unwrap_err().to_string().contains("loopback")
    );
    assert!(config.check_listen(LISTEN.parse().unwrap()).is_ok());
    let bad = Config::from_lookup(|name| (name == "DEMO_API_VULNERABLE").then(|| "yes".to_owned()));
    assert!(bad.unwrap_err().to_string().contains("DEMO_API_VULNERABLE"));
    // Even if a caller skipped the check, the state built for 0.0.0.0 is not vulnerable.
    let (r, _) = router_with_issuer(&vars, "0.0.0.0:3000");
    let token = token_for(&r, "user", "").await;
    let (status, _, body) = call(&r, "/api/admin", &bearer(&unsigned(&token, "none"))).await;
    assert_eq!(
        (status, body["message"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("jwt signature is required"))
    );
}

#[tokio::test]
async fn a_well_known_secret_lets_anyone_sign_admin_tokens_in_either_mode() {
    for vulnerable in ["false", "true"] {
        let r = router(&[("JWT_SECRET_KEY", "secret"), ("DEMO_API_VULNERABLE", vulnerable)], LISTEN);
        let token = token_for(&r, "user", "").await;
        // What the page's weak-secret lesson does: find the secret from the token alone, re-sign.
        let known = jwt_core::known_secrets::find(&jwt_core::decode(&token)).unwrap();
        assert_eq!(known.secret, "secret");
        let key = jwt_core::SigningKey::Secret(known.secret.as_bytes().to_vec());
        let forged =
            jwt_core::sign_json(r#"{"typ":"JWT"}"#, &admin_claims(&token), jwt_core::Alg::HS256, &key)
                .unwrap()
                .token;
        let (status, _, body) = call(&r, "/api/admin", &bearer(&forged)).await;
        assert_eq!(
            (status, body["user"]["username"].as_str()),
            (StatusCode::OK, Some("user")),
            "{vulnerable}"
        );
    }
    // The configured test key is not a well-known one: nothing to find.
    let r = router(&[], LISTEN);
    assert!(jwt_core::known_secrets::find(&jwt_core::decode(&token_for(&r, "user", "").await)).is_none());
}

#[tokio::test]
async fn the_page_shows_the_lessons_with_the_demo_and_the_banner_only_when_vulnerable() {
    let page = |r: Router| async move {
        let res = send(&r, "/", &[]).await;
        String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap()
    };
    let normal = page(router(&[], LISTEN)).await;
    assert!(normal.contains(r#"data-testid="lessons""#));
    assert!(!normal.contains("vulnerable-banner"));
    let vulnerable = page(router(&[("DEMO_API_VULNERABLE", "true")], LISTEN)).await;
    assert!(
        vulnerable.contains(r#"data-testid="vulnerable-banner""#) && vulnerable.contains(r#"role="alert""#)
    );
    let off = page(router(&[("DEMO_API_VULNERABLE", "true"), ("DEMO_AUTH", "off")], LISTEN)).await;
    assert!(!off.contains(r#"data-testid="lessons""#) && !off.contains("vulnerable-banner"));
}

/// `GET uri` with `Host: host`, status and JSON body.
async fn get_as(router: &Router, host: &str, uri: &str) -> (StatusCode, Value) {
    let req = Request::builder().uri(uri).header(header::HOST, host).body(Body::empty()).unwrap();
    let res = router.clone().oneshot(req).await.unwrap();
    let status = res.status();
    (
        status,
        serde_json::from_slice(&res.into_body().collect().await.unwrap().to_bytes()).unwrap_or(Value::Null),
    )
}

#[tokio::test]
async fn discovery_finds_the_demo_issuers_key_and_it_verifies_the_rs256_token() {
    // The server on a real socket, so that it can fetch its own issuer's documents.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let listen = listener.local_addr().unwrap().to_string();
    let r = router(&[], &listen);
    let served = r.clone();
    tokio::spawn(async move { axum::serve(listener, served).await.unwrap() });

    let req = Request::builder().uri("/auth/bypass?token=manager").header(header::HOST, &listen);
    let res = r.clone().oneshot(req.body(Body::empty()).unwrap()).await.unwrap();
    let cookie = res.headers()[header::SET_COOKIE].to_str().unwrap().split(';').next().unwrap().to_owned();
    let req = Request::builder()
        .uri("/auth/token?alg=RS256")
        .header(header::HOST, &listen)
        .header("cookie", cookie);
    let token = json(r.clone().oneshot(req.body(Body::empty()).unwrap()).await.unwrap()).await["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let iss = format!("http://{listen}");
    let (status, found) = get_as(&r, &listen, &format!("/api/keys?iss={iss}")).await;
    assert_eq!(status, StatusCode::OK, "{found}");
    assert_eq!(found["jwks_uri"], format!("{iss}/.well-known/jwks.json"));
    assert_eq!(found["issuer"], iss);
    let (_, published) = get_as(&r, &listen, "/.well-known/jwks.json").await;
    assert_eq!(found["jwks"], published);

    let key = jwt_core::parse_key(jwt_core::KeyKind::Jwks, &found["jwks"].to_string());
    let report = jwt_core::analyse(&token, &key);
    assert_eq!((report.verdict.signature_valid, report.verdict.error_kind), (Some(true), None));
    let report = jwt_core::analyse(&tampered(&token), &key);
    assert_eq!(report.verdict.signature_valid, Some(false));

    // The same through jwks_uri.
    let (status, again) =
        get_as(&r, &listen, &format!("/api/keys?jwks_uri={iss}/.well-known/jwks.json")).await;
    assert_eq!((status, &again["jwks"]), (StatusCode::OK, &published));
}

#[tokio::test]
async fn discovery_refusals_are_4xx_with_a_code_and_a_reason() {
    let r = router(&[], LISTEN);
    for (uri, status, code) in [
        ("/api/keys", 400, "bad_request"),
        ("/api/keys?iss=", 400, "bad_request"),
        ("/api/keys?iss=https://a.example&jwks_uri=https://a.example/k", 400, "bad_request"),
        ("/api/keys?iss=not%20a%20url", 400, "bad_url"),
        ("/api/keys?jwks_uri=ftp://a.example/keys", 400, "scheme"),
        ("/api/keys?jwks_uri=http://169.254.169.254/latest/meta-data/", 403, "refused_address"),
        ("/api/keys?iss=http://[fe80::1]", 403, "refused_address"),
        ("/api/keys?iss=http://metadata.google.internal", 403, "refused_address"),
    ] {
        let (got, body) = get_as(&r, LISTEN, uri).await;
        assert_eq!((got.as_u16(), body["error"].as_str()), (status, Some(code)), "{uri}: {body}");
        assert!(!body["message"].as_str().unwrap().is_empty());
    }
    // Asked by another site: refused before anything is fetched.
    let res = send(&r, "/api/keys?iss=https://a.example", &[("sec-fetch-site", b"cross-site")]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_server_off_loopback_refuses_loopback_and_private_issuers() {
    let r = router(&[("DEMO_AUTH", "on")], "0.0.0.0:3000");
    for iss in
        ["http://127.0.0.1:3000", "http://10.0.0.8", "http://192.168.1.10/realms/x", "http://localhost:8080"]
    {
        let (status, body) = get_as(&r, LISTEN, &format!("/api/keys?iss={iss}")).await;
        assert_eq!(
            (status, body["error"].as_str()),
            (StatusCode::FORBIDDEN, Some("refused_address")),
            "{iss}"
        );
        assert!(
            body["message"].as_str().unwrap().contains("allowed only when this server listens on loopback")
        );
    }
    // With the demo off, discovery is still there (a class's server finds real issuers' keys).
    let r = router(&[("DEMO_AUTH", "off")], LISTEN);
    let (status, body) = get_as(&r, LISTEN, "/api/keys").await;
    assert_eq!((status, body["error"].as_str()), (StatusCode::BAD_REQUEST, Some("bad_request")));
}
