//! The lazily loaded part of the page: the JWT core with every algorithm (RSA, elliptic curves,
//! Ed25519, Ed448, ML-DSA, X.509), signing, key generation and the teaching view, built as its
//! own WebAssembly module. The page loads it after it is interactive and calls it directly for
//! fast work; a Web Worker loads the same module for slow work (ES384/ES512/ES256K/Ed448/ML-DSA
//! verification, RSA key generation), so the page's main thread never waits on it.
//!
//! Every export takes and returns JSON text, so the page and this module share no memory: the
//! page's first bundle stays free of public-key code and data.

use std::cell::RefCell;

use jwt_core::keys::{KeyKind, ParsedKey};
use jwt_core::{Alg, parse_key};
use serde::Deserialize;
use wasm_bindgen::prelude::wasm_bindgen;

thread_local! {
    /// The key of the last check, read once: typing in the token box re-verifies with the same
    /// key many times, and reading an RSA or EC key is a good part of the work.
    static LAST_KEY: RefCell<Option<(KeyKind, String, ParsedKey)>> = const { RefCell::new(None) };
    /// Public keys prepared for verification (RSA Montgomery parameters, decoded points).
    static PREPARED: jwt_core::verify::Cached = jwt_core::verify::Cached::default();
}

/// `text` read as a key of `kind`, from the cache when it is the last one.
fn key(kind: KeyKind, text: String) -> ParsedKey {
    LAST_KEY.with_borrow_mut(|last| match last {
        Some((k, t, parsed)) if *k == kind && *t == text => parsed.clone(),
        _ => {
            let parsed = parse_key(kind, &text);
            *last = Some((kind, text, parsed.clone()));
            parsed
        }
    })
}

/// Input of [`check_signature`]: the token's parts step 13 needs (the page has decoded it).
#[derive(Deserialize)]
struct CheckInput {
    signed: Option<jwt_core::SignedParts>,
    key_kind: KeyKind,
    key_text: String,
}

/// Input of [`servers`].
#[derive(Deserialize)]
struct ServersInput {
    token: String,
    key_kind: KeyKind,
    key_text: String,
    options: jwt_core::servers::ServerOptions,
    now: i64,
}

/// Input of [`public_forms`].
#[derive(Deserialize)]
struct KeyInput {
    key_kind: KeyKind,
    key_text: String,
}

/// Input of [`sign`].
#[derive(Deserialize)]
struct SignInput {
    header: String,
    payload: String,
    alg: Alg,
    key_kind: KeyKind,
    key_text: String,
}

/// Input of [`explain`].
#[derive(Deserialize)]
struct ExplainInput {
    alg: Alg,
    signing_input: String,
    signature: Vec<u8>,
    secret: Option<Vec<u8>>,
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| format!("{{\"error\":{:?}}}", e.to_string()))
}

fn bad_input(e: &serde_json::Error) -> String {
    format!("{{\"error\":{:?}}}", format!("bad input: {e}"))
}

/// Contract step 13 with every algorithm: `{signed, key_kind, key_text}` → `SignatureCheck`,
/// where `signed` is the token's `SignedParts` (null when step 13 is skipped).
#[wasm_bindgen]
pub fn check_signature(input: &str) -> String {
    match serde_json::from_str::<CheckInput>(input) {
        Ok(i) => {
            let key = key(i.key_kind, i.key_text);
            PREPARED.with(|prepared| json(&jwt_core::check_signed(i.signed.as_ref(), &key, prepared)))
        }
        Err(e) => bad_input(&e),
    }
}

/// Sign mode: `{header, payload, alg, key_kind, key_text}` → `SignOutcome`.
#[wasm_bindgen]
pub fn sign(input: &str) -> String {
    match serde_json::from_str::<SignInput>(input) {
        Ok(i) => json(&jwt_core::sign::sign_texts(&i.header, &i.payload, i.alg, i.key_kind, &i.key_text)),
        Err(e) => bad_input(&e),
    }
}

/// A fresh key of a kind named as the CLI names it: `"ed448"` → `{"Ok": [text, kind]}` or
/// `{"Err": error}`.
#[wasm_bindgen]
pub fn generate(input: &str) -> String {
    match serde_json::from_str::<String>(input) {
        Ok(name) => match jwt_core::KeygenKind::parse(&name) {
            Some(kind) => json(
                &jwt_core::keygen::generate_text(kind).map_err(|e| jwt_core::error::ErrorReport::from(&e)),
            ),
            None => format!("{{\"error\":{:?}}}", format!("bad input: no key kind {name:?}")),
        },
        Err(e) => bad_input(&e),
    }
}

/// The teaching view: `{alg, signing_input, signature, secret}` → `Explanation`.
#[wasm_bindgen]
pub fn explain(input: &str) -> String {
    match serde_json::from_str::<ExplainInput>(input) {
        Ok(i) => json(&jwt_core::explain(i.alg, &i.signing_input, &i.signature, i.secret.as_deref())),
        Err(e) => bad_input(&e),
    }
}

/// What node jsonwebtoken 9 and PyJWT 2 would say: `{token, key_kind, key_text, options, now}`
/// → `Servers`.
#[wasm_bindgen]
pub fn servers(input: &str) -> String {
    match serde_json::from_str::<ServersInput>(input) {
        Ok(i) => json(&jwt_core::servers::servers(&i.token, i.key_kind, &i.key_text, &i.options, i.now)),
        Err(e) => bad_input(&e),
    }
}

/// The publicly known secret the token (a JSON string) is signed with: `{secret, source}` or
/// `null` (HS256/384/512 tokens only; see `jwt_core::known_secrets`).
#[wasm_bindgen]
pub fn known_secret(input: &str) -> String {
    match serde_json::from_str::<String>(input) {
        Ok(token) => json(&jwt_core::known_secrets::find(&jwt_core::decode(&token))),
        Err(e) => bad_input(&e),
    }
}

/// How many publicly known secrets [`known_secret`] tries (any input) → a number.
#[wasm_bindgen]
pub fn known_secrets_count(_input: &str) -> String {
    json(&jwt_core::known_secrets::all().len())
}

/// The public half of a key in SPKI PEM and JWK form: `{key_kind, key_text}` →
/// `{"Ok": {pem, jwk}}` or `{"Err": reason}` (see `jwt_core::keys::public_forms`).
#[wasm_bindgen]
pub fn public_forms(input: &str) -> String {
    match serde_json::from_str::<KeyInput>(input) {
        Ok(i) => json(&jwt_core::keys::public_forms(i.key_kind, &i.key_text)),
        Err(e) => bad_input(&e),
    }
}
