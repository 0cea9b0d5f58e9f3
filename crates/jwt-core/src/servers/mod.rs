//! "What would your server say": the exact answer of node `jsonwebtoken` 9 (`jwt.verify`) and
//! PyJWT 2 (`jwt.decode`) for a token, a key and verify options — acceptance, or the first error
//! each library throws or raises, by class name and message text.
//!
//! Predicted for `jsonwebtoken` 9.0.3 on Node 20 and PyJWT 2.15.1 with `cryptography` 50.0.2 on
//! CPython 3.11, and checked against the real libraries by `end2end/servers/compare.mjs`.
//!
//! # How a key is handed to each library
//!
//! | [`ServerKey`]   | node `jsonwebtoken`                                                   | PyJWT                                      |
//! |-----------------|-----------------------------------------------------------------------|--------------------------------------------|
//! | `None`          | `jwt.verify(token, undefined, options)`                               | `jwt.decode(token, algorithms=…)` (the key keeps its default `""`) |
//! | `Secret(bytes)` | a string when the bytes are UTF-8 (what `process.env.SECRET` gives), else a `Buffer` | a `str` when UTF-8, else `bytes` |
//! | `Pem(text)`     | the string, as given                                                  | the `str`, as given                        |
//! | `Jwk(jwk)`      | `crypto.createSecretKey(Buffer.from(jwk.k, 'base64url'))` for `"kty": "oct"`, else `crypto.createPublicKey({ key: jwk, format: 'jwk' })` (jsonwebtoken 9 takes no JWK) | `jwt.PyJWK(jwk)` |
//!
//! A key set (JWKS) is handed to neither: both libraries take one key (see [`servers`]).
//!
//! # How the options are handed to each library
//!
//! node gets `{ algorithms, audience, issuer, subject, jwtid, maxAge, clockTolerance,
//! ignoreExpiration, ignoreNotBefore, clockTimestamp: now }`, each only when given: one audience
//! or issuer as a string, several as an array; `maxAge` as a number when it is a plain number of
//! seconds ("3600"), else as the string (a vercel/ms duration such as "6h"). PyJWT gets
//! `jwt.decode(token, key, algorithms=…, audience=…, issuer=…, subject=…, leeway=…,
//! options={"verify_exp": …, "verify_nbf": …})`, each only when given (one audience or issuer as
//! a `str`, several as a list). PyJWT has no `jwtid` or `maxAge`: they are not checked there.
//! Its clock is the system clock, taken as `now` here (whole seconds).
//!
//! # What an answer says
//!
//! `ok: Some(true)` when the library accepts the token (no class, no message); `ok: Some(false)`
//! with the class name (`JsonWebTokenError`, `TokenExpiredError`, `SyntaxError`, …;
//! `InvalidSignatureError`, `DecodeError`, …) and the exact message; `ok: None` with an
//! explanation when there is no prediction: the library cannot take the key at all, or the
//! debugger cannot tell (a signature with a key it has no code for, JSON that only one
//! side reads, …). One message cannot be exact: PyJWT's "Expected one of <generator object …
//! at 0x7f…>" names a memory address, which is written `0x…` here.

mod jsontext;
mod keyload;
mod node;
mod options;
mod pyjwt;
mod pyvalue;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::keys::{KeyKind, KeyMaterial};

pub use node::node_jsonwebtoken;
pub use options::ServerOptions;
pub use pyjwt::pyjwt;

/// What node `jsonwebtoken` does: accepts (`ok: Some(true)`), throws (`ok: Some(false)` with the
/// error's `name` and `message`), or no prediction (`ok: None`, `message` says why).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodeAnswer {
    pub ok: Option<bool>,
    pub name: Option<String>,
    pub message: Option<String>,
}

/// What PyJWT does: accepts (`ok: Some(true)`), raises (`ok: Some(false)` with the exception's
/// class name and `str(exc)`), or no prediction (`ok: None`, `message` says why).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PyJwtAnswer {
    pub ok: Option<bool>,
    pub exception: Option<String>,
    pub message: Option<String>,
}

/// Both libraries' answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Servers {
    pub node_jsonwebtoken: NodeAnswer,
    pub pyjwt: PyJwtAnswer,
}

/// A key as a server would be given it (see the module's table for how each library gets it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ServerKey<'a> {
    /// No key.
    None,
    /// Secret bytes.
    Secret(&'a [u8]),
    /// PEM text (a public key, a certificate or a private key), exactly as given.
    Pem(&'a str),
    /// One JWK.
    Jwk(&'a Value),
}

/// Where a library stops on the way to its answer.
#[derive(Debug, Clone, PartialEq)]
enum Stop {
    /// It throws (or raises) this class with this message.
    Threw { class: String, message: String },
    /// The debugger cannot tell; the text says why.
    Unknown(String),
}

impl Stop {
    fn threw(class: &str, message: impl Into<String>) -> Self {
        Stop::Threw { class: class.to_owned(), message: message.into() }
    }

    fn unknown(why: impl Into<String>) -> Self {
        Stop::Unknown(why.into())
    }
}

/// One step of a library's checks: go on, or stop there.
type Step<T = ()> = Result<T, Stop>;

impl NodeAnswer {
    /// `jwt.verify` returns the payload.
    pub fn accepted() -> Self {
        Self { ok: Some(true), name: None, message: None }
    }

    /// `jwt.verify` throws an error of class `name`.
    pub fn threw(name: impl Into<String>, message: impl Into<String>) -> Self {
        Self { ok: Some(false), name: Some(name.into()), message: Some(message.into()) }
    }

    /// No prediction, for the reason given.
    pub fn no_prediction(why: impl Into<String>) -> Self {
        Self { ok: None, name: None, message: Some(why.into()) }
    }

    fn from_step(step: Step) -> Self {
        match step {
            Ok(()) => Self::accepted(),
            Err(Stop::Threw { class, message }) => Self::threw(class, message),
            Err(Stop::Unknown(why)) => Self::no_prediction(why),
        }
    }
}

impl PyJwtAnswer {
    /// `jwt.decode` returns the payload.
    pub fn accepted() -> Self {
        Self { ok: Some(true), exception: None, message: None }
    }

    /// `jwt.decode` raises `exception`.
    pub fn raised(exception: impl Into<String>, message: impl Into<String>) -> Self {
        Self { ok: Some(false), exception: Some(exception.into()), message: Some(message.into()) }
    }

    /// No prediction, for the reason given.
    pub fn no_prediction(why: impl Into<String>) -> Self {
        Self { ok: None, exception: None, message: Some(why.into()) }
    }

    fn from_step(step: Step) -> Self {
        match step {
            Ok(()) => Self::accepted(),
            Err(Stop::Threw { class, message }) => Self::raised(class, message),
            Err(Stop::Unknown(why)) => Self::no_prediction(why),
        }
    }
}

/// Both libraries' answers for the key the user gave the debugger: its key kind and text, read
/// as the debugger reads them (`auto` detects the kind). A secret is the bytes of the reading in
/// use (UTF-8, base64 or hex); PEM public keys, certificates and private keys go as their text; a
/// JWK as its JSON; no key (or `auto` with an empty text) as none. A JWKS gets no prediction:
/// both libraries take one key, picked by the token's `kid` (jwks-rsa, `jwt.PyJWKClient`).
pub fn servers(token: &str, kind: KeyKind, key_text: &str, options: &ServerOptions, now: i64) -> Servers {
    let key = crate::keys::parse_key(kind, key_text);
    let both = |key: ServerKey<'_>| Servers {
        node_jsonwebtoken: node_jsonwebtoken(token, key, options, now),
        pyjwt: pyjwt(token, key, options, now),
    };
    let neither = |node: String, python: String| Servers {
        node_jsonwebtoken: NodeAnswer::no_prediction(node),
        pyjwt: PyJwtAnswer::no_prediction(python),
    };
    match key.detected {
        KeyKind::Auto | KeyKind::None => both(ServerKey::None),
        KeyKind::SecretUtf8 | KeyKind::SecretBase64 | KeyKind::SecretHex => match &key.material {
            Ok(KeyMaterial::Secret { bytes, .. }) => both(ServerKey::Secret(bytes)),
            Ok(_) => both(ServerKey::None),
            Err(e) => {
                let why = format!("the secret cannot be read ({e}), so there are no bytes to hand to the library");
                neither(why.clone(), why)
            }
        },
        KeyKind::PemSpki | KeyKind::PemCert | KeyKind::PemPkcs1 | KeyKind::PemPrivate => {
            both(ServerKey::Pem(key_text))
        }
        KeyKind::Jwk => match serde_json::from_str::<Value>(key_text.trim().trim_start_matches('\u{feff}')) {
            Ok(jwk) => both(ServerKey::Jwk(&jwk)),
            Err(e) => {
                let why = format!("the JWK is not JSON ({e}): JSON.parse / json.loads would fail before verifying");
                neither(why.clone(), why)
            }
        },
        KeyKind::Jwks => neither(
            "jsonwebtoken takes one key, not a key set: pick the JWK whose kid matches the token's (jwks-rsa does this) \
             and pass crypto.createPublicKey({ key: jwk, format: 'jwk' })"
                .to_owned(),
            "PyJWT takes one key, not a key set: use jwt.PyJWKClient(url).get_signing_key_from_jwt(token).key, \
             or jwt.PyJWKSet.from_dict(jwks)[kid], and pass that"
                .to_owned(),
        ),
    }
}
