//! The `jwt-debugger` binary's `inspect`, `sign` and `keygen`, run as a user would.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![cfg(feature = "ssr")]

#[path = "../crates/jwt-core/tests/common/mod.rs"]
mod common;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_jwt-debugger"))
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child =
        bin().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or_default()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

/// A file holding exactly `bytes`, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(bytes: &[u8]) -> Self {
        static N: AtomicUsize = AtomicUsize::new(0);
        let path = std::env::temp_dir().join(format!(
            "jwt-debugger-cli-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::write(&path, bytes).unwrap();
        TempFile(path)
    }
    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn every_fixture_case_through_the_cli_json() {
    let mut cases = common::load("jwt-cases.json", &["cases"]);
    cases.extend(common::load("rfc-vectors.json", &["cases", "secondary_cases"]));
    cases.extend(common::load("more-algorithms.json", &["cases"]));
    let mut failures = Vec::new();
    for case in &cases {
        let key_file = TempFile::new(case.key_text.as_bytes());
        let mut args = vec!["inspect", "--json", "--key-kind", case.key_kind.as_str()];
        if case.key_kind != jwt_core::KeyKind::None {
            args.extend(["--key-file", key_file.path()]);
        }
        // The token on standard input: tokens can exceed argument limits, and may hold newlines.
        args.push("-");
        let out = run(&args, Some(case.token.as_bytes()));
        assert_eq!(out.status.code(), Some(0), "{}: {}", case.id, String::from_utf8_lossy(&out.stderr));
        let got: Value = serde_json::from_str(&stdout(&out)).unwrap();
        let diff = common::differences(&got, &case.expect);
        if !diff.is_empty() {
            failures.push(format!("{}: {}", case.id, diff.join("; ")));
        }
        // The JSON carries exactly the contract's fields, plus the richer report.
        for field in [
            "well_formed",
            "header",
            "payload",
            "alg",
            "signature_valid",
            "error_kind",
            "time_status",
            "warnings",
        ] {
            assert!(got.get(field).is_some(), "{}: no {field}", case.id);
        }
        assert!(got.get("claims").is_some() && got.get("segments").is_some());
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(cases.len(), 81);
}

#[test]
fn token_as_argument_and_readable_summary_without_colour() {
    let token = "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjk3ODMwNzIwMH0.lDChaFOnf6C6z7PhURmJ9NyBOSPRlWnCnSC5Ru7eDGY";
    let out = run(&["inspect", "--key", "k", token], None);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(!text.contains('\x1b'), "colour on a pipe: {text}");
    assert!(text.contains("Verdict:") && text.contains("EXPIRED"), "{text}");
    assert!(text.contains("2001-01-01T00:00:00Z"), "{text}");
}

#[test]
fn now_and_leeway_flags() {
    let token = "eyJhbGciOiJub25lIn0.eyJleHAiOjEwMDB9.";
    let json = |args: &[&str]| -> Value {
        let mut all = vec!["inspect", "--json"];
        all.extend(args);
        all.push(token);
        serde_json::from_str(&stdout(&run(&all, None))).unwrap()
    };
    assert_eq!(json(&["--now", "999"])["time_status"], "valid");
    assert_eq!(json(&["--now", "1000"])["time_status"], "expired");
    assert_eq!(json(&["--now", "1010", "--leeway", "30"])["time_status"], "valid");
    assert_eq!(json(&["--now", "1010"])["error_kind"], "alg_none");
}

#[test]
fn key_file_is_read_byte_for_byte() {
    // Signed with "secret\n": the trailing newline is part of the key.
    let signed = run(&["sign", "--alg", "HS256", "--key", "secret\n", r#"{"sub":"a"}"#], None);
    let token = stdout(&signed).trim().to_owned();
    let with_newline = TempFile::new(b"secret\n");
    let without = TempFile::new(b"secret");
    let verdict = |file: &TempFile| -> Value {
        let out =
            run(&["inspect", "--json", "--key-kind", "secret-utf8", "--key-file", file.path(), &token], None);
        serde_json::from_str(&stdout(&out)).unwrap()
    };
    assert_eq!(verdict(&with_newline)["signature_valid"], true);
    assert_eq!(verdict(&without)["signature_valid"], false);
}

#[test]
fn usage_errors_exit_2_with_a_message() {
    for args in [
        vec!["inspect", "--key-kind", "pem-spki", "a.b.c"],
        vec!["inspect", "--key-kind", "nonsense", "a.b.c"],
        vec!["inspect", "--key", "a", "--key-file", "/x", "a.b.c"],
        vec!["inspect", "--key-file", "/no/such/file", "a.b.c"],
        vec!["inspect", "--now", "soon", "a.b.c"],
        vec!["sign", "--alg", "HS999", "--key", "k", "{}"],
        vec!["sign", "--alg", "HS256", "{}"],
        vec!["sign", "--alg", "RS256", "--key", "k", "{}"],
        vec!["sign", "--alg", "HS256", "--key", "k", "{not json"],
        vec!["keygen", "rsa1024"],
    ] {
        let out = run(&args, Some(b""));
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("error"), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn bad_tokens_still_exit_0() {
    for token in ["", "garbage", "a.b", "x.y.z.w", "😀.😀.😀"] {
        let out = run(&["inspect", "--json", "-"], Some(token.as_bytes()));
        assert_eq!(out.status.code(), Some(0), "{token:?}");
        let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(v["well_formed"], false, "{token:?}");
    }
}

#[test]
fn large_token_on_stdin() {
    let payload = format!(r#"{{"data":"{}"}}"#, "x".repeat(150_000));
    let signed = run(&["sign", "--alg", "HS256", "--key", "k", "-"], Some(payload.as_bytes()));
    let token = stdout(&signed);
    assert!(token.len() > 200_000);
    let out = run(&["inspect", "--json", "--key", "k", "-"], Some(token.as_bytes()));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["signature_valid"], true);
}

#[test]
fn keygen_then_sign_then_inspect_for_every_algorithm() {
    for (kind, alg) in [
        ("hs512", "HS512"),
        ("rsa2048", "PS384"),
        ("p256", "ES256"),
        ("p384", "ES384"),
        ("p521", "ES512"),
        ("secp256k1", "ES256K"),
        ("ed25519", "EdDSA"),
        ("ed448", "EdDSA"),
        ("ml-dsa-65", "ML-DSA-65"),
    ] {
        let out = run(&["keygen", kind, "--json"], None);
        assert_eq!(out.status.code(), Some(0), "{kind}");
        let key: Value = serde_json::from_str(&stdout(&out)).unwrap();
        let private = key["private_jwk"].to_string();
        let signed =
            run(&["sign", "--alg", alg, "--key-kind", "jwk", "--key", &private, r#"{"sub":"x"}"#], None);
        assert_eq!(signed.status.code(), Some(0), "{kind}: {}", String::from_utf8_lossy(&signed.stderr));
        let token = stdout(&signed);
        let verify_with = if key["public_pem"].is_string() {
            key["public_pem"].as_str().unwrap().to_owned()
        } else {
            key["private_jwk"].to_string()
        };
        let out = run(&["inspect", "--json", "--key", &verify_with, token.trim()], None);
        let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!((v["alg"].as_str(), v["signature_valid"].as_bool()), (Some(alg), Some(true)), "{kind}");
    }
}

fn inspect_json(token: &str, key_kind: &str, key: &str) -> Value {
    let key_file = TempFile::new(key.as_bytes());
    let out = run(&["inspect", "--json", "--key-kind", key_kind, "--key-file", key_file.path(), token], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_str(&stdout(&out)).unwrap()
}

fn sign_with(key_kind: &str, key: &str, alg: &str, payload: &str) -> String {
    let key_file = TempFile::new(key.as_bytes());
    let out =
        run(&["sign", "--alg", alg, "--key-kind", key_kind, "--key-file", key_file.path(), payload], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    stdout(&out).trim().to_owned()
}

#[test]
fn a_certificate_after_a_preamble_is_never_verified_as_a_secret() {
    // `openssl pkcs12 -nokeys` output: a preamble, then a real certificate.
    let cert = common::load("jwt-cases.json", &["cases"])
        .into_iter()
        .find(|c| c.id == "rs256_x509_certificate")
        .unwrap()
        .key_text;
    let bag = format!(
        "Bag Attributes\n    localKeyID: 01 00 00 00\nsubject=CN = course\n\nissuer=CN = course\n\n{cert}"
    );
    let forged = sign_with("secret-utf8", &bag, "HS256", r#"{"sub":"admin"}"#);
    for key in [bag.clone(), format!("\u{feff}{bag}")] {
        let v = inspect_json(&forged, "auto", &key);
        assert_ne!(v["signature_valid"], true, "{v}");
        assert_eq!(v["error_kind"], "alg_key_mismatch", "{v}");
    }
    // Chosen as a secret on purpose: verified, with the key-confusion warning.
    let v = inspect_json(&forged, "secret-utf8", &bag);
    assert_eq!(v["signature_valid"], true);
    assert!(v["warnings"].as_array().unwrap().contains(&Value::from("hmac_secret_is_public_key")), "{v}");
}

#[test]
fn the_small_order_ed25519_key_is_refused() {
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let mut signature = [0u8; 64];
    signature[0] = 1;
    let forged = format!(
        "{}.{}.{}",
        b64.encode(r#"{"alg":"EdDSA"}"#),
        b64.encode(r#"{"sub":"anyone"}"#),
        b64.encode(signature)
    );
    let x = "AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    let mut spki = hex_bytes("302a300506032b6570032100");
    spki.extend(b64.decode(x).unwrap());
    let pem = format!(
        "-----BEGIN PUBLIC KEY-----\n{}\n-----END PUBLIC KEY-----\n",
        base64::engine::general_purpose::STANDARD.encode(&spki)
    );
    let jwk = format!(r#"{{"kty":"OKP","crv":"Ed25519","x":"{x}"}}"#);
    for key in [jwk, pem] {
        let v = inspect_json(&forged, "auto", &key);
        assert_ne!(v["signature_valid"], true, "{v}");
        assert_eq!(v["error_kind"], "key_invalid", "{v}");
    }
}

fn hex_bytes(hex: &str) -> Vec<u8> {
    (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()).collect()
}

#[test]
fn a_secret_pasted_as_in_dotenv_is_named_and_the_cleanup_verifies() {
    let token = sign_with("secret-utf8", "course-secret-0123456789abcdef0123", "HS256", r#"{"sub":"a"}"#);
    let v = inspect_json(&token, "auto", "JWT_SECRET_KEY=\"course-secret-0123456789abcdef0123\"\n");
    assert_eq!(v["signature_valid"], false, "{v}");
    assert!(v["warnings"].as_array().unwrap().contains(&Value::from("key_cleanup_verifies")), "{v}");
}

fn has_warning(v: &Value, word: &str) -> bool {
    v["warnings"].as_array().unwrap().contains(&Value::from(word))
}

#[test]
fn a_token_signed_with_a_publicly_known_secret_is_flagged_with_or_without_a_key() {
    for alg in ["HS256", "HS384", "HS512"] {
        let token = sign_with("secret-utf8", "secret", alg, r#"{"sub":"a"}"#);
        let json = |args: &[&str]| -> Value {
            let mut all = vec!["inspect", "--json"];
            all.extend(args);
            all.push(&token);
            let out = run(&all, None);
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            serde_json::from_str(&stdout(&out)).unwrap()
        };
        for (args, valid) in [
            (&[][..], Value::Null),
            (&["--key", "secret"][..], Value::Bool(true)),
            (&["--key", "another-secret-0123456789abcdef0123"][..], Value::Bool(false)),
        ] {
            let v = json(args);
            assert_eq!(v["signature_valid"], valid, "{alg} {args:?}: {v}");
            assert_eq!(v["known_secret"], "secret", "{alg} {args:?}: {v}");
            assert!(has_warning(&v, "known_secret"), "{alg} {args:?}: {v}");
        }
    }
    // jwt.io's debugger default, the empty secret and one with control characters.
    for secret in ["your-256-bit-secret", "", "\u{2}\u{1}thisismyscretkey\u{1}\u{2}\\e\\y\\y\\h"] {
        let header = base64_url(r#"{"alg":"HS256","typ":"JWT"}"#.as_bytes());
        let input = format!("{header}.{}", base64_url(br#"{"sub":"a"}"#));
        let tag = jwt_core::mac::compute(jwt_core::Hash::Sha256, secret.as_bytes(), input.as_bytes());
        let token = format!("{input}.{}", base64_url(&tag));
        let v: Value = serde_json::from_str(&stdout(&run(&["inspect", "--json", &token], None))).unwrap();
        assert_eq!(v["known_secret"], secret, "{secret:?}: {v}");
    }
}

fn base64_url(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

#[test]
fn a_token_with_a_strong_secret_has_no_known_secret() {
    let strong = "e3b1c4a2f9d84f7a9c0b6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a";
    let token = sign_with("secret-utf8", strong, "HS256", r#"{"sub":"a"}"#);
    for v in [
        serde_json::from_str(&stdout(&run(&["inspect", "--json", &token], None))).unwrap(),
        inspect_json(&token, "secret-utf8", strong),
    ] {
        assert_eq!(v.get("known_secret"), Some(&Value::Null), "{v}");
        assert!(!has_warning(&v, "known_secret"), "{v}");
    }
    let text = stdout(&run(&["inspect", &token], None));
    assert!(!text.contains("publicly known secret"), "{text}");
}

#[test]
fn the_readable_summary_warns_prominently_about_a_known_secret() {
    let token = sign_with("secret-utf8", "secret", "HS256", r#"{"sub":"a"}"#);
    let text = stdout(&run(&["inspect", "--key", "secret", &token], None));
    let line = text
        .lines()
        .find(|l| l.starts_with("WARNING: signed with a publicly known secret \"secret\" ("))
        .unwrap_or_else(|| panic!("no warning line: {text}"));
    assert!(
        line.contains("node-jsonwebtoken") && line.ends_with("anyone can forge tokens signed with it"),
        "{line}"
    );
    // Near the verdict: before the algorithm, time and claims.
    let verdict = text.find("Verdict:").unwrap();
    let warning = text.find("WARNING: signed").unwrap();
    assert!(verdict < warning && warning < text.find("Algorithm:").unwrap(), "{text}");
}

/// A tiny identity provider on loopback (its own thread and runtime): the OpenID configuration
/// and the key set of `jwk`. Its base URL.
fn issuer_serving(jwk: Value) -> String {
    use axum::routing::get;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let config = serde_json::json!({"issuer": base, "jwks_uri": format!("{base}/keys")});
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async move {
            let json = |v: Value| ([(axum::http::header::CONTENT_TYPE, "application/json")], v.to_string());
            let app = axum::Router::new()
                .route("/.well-known/openid-configuration", get(move || async move { json(config) }))
                .route("/keys", get(move || async move { json(serde_json::json!({ "keys": [jwk] })) }));
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            axum::serve(listener, app).await.unwrap();
        });
    });
    base
}

#[test]
fn inspect_finds_the_issuers_keys_by_discovery_or_jwks_url() {
    let out = run(&["keygen", "p256", "--json"], None);
    let key: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let mut public = key["public_jwk"].clone();
    public["kid"] = "k1".into();
    let base = issuer_serving(public);
    let private = key["private_jwk"].to_string();
    let payload = format!(r#"{{"sub":"x","iss":"{base}"}}"#);
    let token = sign_with("jwk", &private, "ES256", &payload);
    // One character in the middle of the signature, changed.
    let at = token.len() - 10;
    let other = if &token[at..=at] == "A" { "B" } else { "A" };
    let tampered = format!("{}{other}{}", &token[..at], &token[at + 1..]);

    for how in [vec!["--discover"], vec!["--jwks-url", &format!("{base}/keys")]] {
        let mut args = vec!["inspect", "--json"];
        args.extend(how.iter().copied());
        let out = run(&[args.as_slice(), &[token.as_str()]].concat(), None);
        assert_eq!(out.status.code(), Some(0), "{how:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("keys from {base}/keys")));
        let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!((v["signature_valid"].as_bool(), &v["error_kind"]), (Some(true), &Value::Null), "{how:?}");
        let out = run(&[args.as_slice(), &[tampered.as_str()]].concat(), None);
        let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(v["signature_valid"], false, "{how:?}");
    }
}

#[test]
fn inspect_discovery_refusals_exit_1_with_the_reason() {
    let no_iss = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln";
    let http_iss = "eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJodHRwOi8vMTY5LjI1NC4xNjkuMjU0In0.c2ln";
    for (args, says) in [
        (vec!["inspect", "--discover", no_iss], "the token has no \"iss\" claim"),
        (vec!["inspect", "--discover", http_iss], "169.254.169.254 is refused: a cloud metadata address"),
        (vec!["inspect", "--jwks-url", "file:///etc/passwd", no_iss], "only http and https"),
        (vec!["inspect", "--jwks-url", "http://[fe80::1]/keys", no_iss], "a link-local address"),
    ] {
        let out = run(&args, None);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
        assert!(out.stdout.is_empty());
    }
    // With a key of its own, discovery is a usage error.
    let out = run(&["inspect", "--discover", "--key", "k", no_iss], None);
    assert_eq!(out.status.code(), Some(2));
}
