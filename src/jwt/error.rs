//! The words of the verdict contract (`shared/fixtures/README.md`) and the core's typed errors.

use std::fmt;

use serde::{Deserialize, Serialize};

/// `error_kind` of a verdict. The contract's words, plus `key_invalid` (the key text could not
/// be read, which the contract does not cover).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    TooLarge,
    Empty,
    Segments,
    Base64,
    HeaderJson,
    DuplicateKeys,
    Jwe,
    B64False,
    CritUnsupported,
    AlgNone,
    NoneWithSignature,
    AlgUnsupported,
    /// Not in the contract: the pasted key could not be read (bad PEM, JWK, base64…).
    KeyInvalid,
    KidNotFound,
    AlgKeyMismatch,
    BadSignature,
    PayloadNotJson,
    PayloadNotObject,
    ClaimType,
}

impl ErrorKind {
    /// The contract's word.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::TooLarge => "too_large",
            ErrorKind::Empty => "empty",
            ErrorKind::Segments => "segments",
            ErrorKind::Base64 => "base64",
            ErrorKind::HeaderJson => "header_json",
            ErrorKind::DuplicateKeys => "duplicate_keys",
            ErrorKind::Jwe => "jwe",
            ErrorKind::B64False => "b64_false",
            ErrorKind::CritUnsupported => "crit_unsupported",
            ErrorKind::AlgNone => "alg_none",
            ErrorKind::NoneWithSignature => "none_with_signature",
            ErrorKind::AlgUnsupported => "alg_unsupported",
            ErrorKind::KeyInvalid => "key_invalid",
            ErrorKind::KidNotFound => "kid_not_found",
            ErrorKind::AlgKeyMismatch => "alg_key_mismatch",
            ErrorKind::BadSignature => "bad_signature",
            ErrorKind::PayloadNotJson => "payload_not_json",
            ErrorKind::PayloadNotObject => "payload_not_object",
            ErrorKind::ClaimType => "claim_type",
        }
    }

    /// A sentence for people.
    pub fn describe(self) -> &'static str {
        match self {
            ErrorKind::TooLarge => "The input is over 256 KiB; it was not parsed.",
            ErrorKind::Empty => "There is no token: nothing is left after removing whitespace.",
            ErrorKind::Segments => "A JWT has three dot-separated parts (a JWE has five).",
            ErrorKind::Base64 => "A part is not strict base64url (A–Z a–z 0–9 - _, no padding).",
            ErrorKind::HeaderJson => "The header is not a UTF-8 JSON object with a string \"alg\".",
            ErrorKind::DuplicateKeys => {
                "A JSON member name appears twice; readers could disagree on its value."
            }
            ErrorKind::Jwe => "This is an encrypted token (JWE): its header is readable, its payload is not.",
            ErrorKind::B64False => {
                "The header sets \"b64\": false (RFC 7797); JWTs must not use an unencoded payload."
            }
            ErrorKind::CritUnsupported => {
                "The header's \"crit\" names an extension this verifier does not understand, so it must refuse."
            }
            ErrorKind::AlgNone => "The token is unsigned (alg \"none\"): nothing vouches for its content.",
            ErrorKind::NoneWithSignature => "The alg is \"none\" but a signature is present (RFC 7518 §3.6).",
            ErrorKind::AlgUnsupported => "The alg is not one of the JWS algorithms this debugger supports.",
            ErrorKind::KeyInvalid => "The key could not be read.",
            ErrorKind::KidNotFound => "No key in the JWKS has the token's \"kid\".",
            ErrorKind::AlgKeyMismatch => "The key's type does not fit the token's alg.",
            ErrorKind::BadSignature => "The signature does not verify with this key.",
            ErrorKind::PayloadNotJson => "The payload is not UTF-8 JSON, so this is a JWS but not a JWT.",
            ErrorKind::PayloadNotObject => "The payload is JSON but not an object, so this is not a JWT.",
            ErrorKind::ClaimType => "\"exp\", \"nbf\" or \"iat\" is not a JSON number.",
        }
    }

    /// Errors of steps 1–9 of the contract: the token is not well-formed.
    pub fn is_structural(self) -> bool {
        matches!(
            self,
            ErrorKind::TooLarge
                | ErrorKind::Empty
                | ErrorKind::Segments
                | ErrorKind::Base64
                | ErrorKind::HeaderJson
                | ErrorKind::DuplicateKeys
        )
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `warnings` of a verdict: the contract's words, plus a few more (the contract allows more).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Warning {
    BearerPrefixRemoved,
    WhitespaceRemoved,
    ExpMilliseconds,
    HmacSecretIsPublicKey,
    EcdsaDerSignature,
    /// Not in the contract: an HMAC key shorter than the hash output (RFC 7518 §3.2).
    WeakHmacKey,
    /// Not in the contract: the header carries a key or key URL (`jwk`, `jku`, `x5u`, `x5c`),
    /// which this debugger shows but never uses.
    UntrustedKeyHeader,
}

impl Warning {
    /// The word.
    pub fn as_str(self) -> &'static str {
        match self {
            Warning::BearerPrefixRemoved => "bearer_prefix_removed",
            Warning::WhitespaceRemoved => "whitespace_removed",
            Warning::ExpMilliseconds => "exp_milliseconds",
            Warning::HmacSecretIsPublicKey => "hmac_secret_is_public_key",
            Warning::EcdsaDerSignature => "ecdsa_der_signature",
            Warning::WeakHmacKey => "weak_hmac_key",
            Warning::UntrustedKeyHeader => "untrusted_key_header",
        }
    }

    /// A sentence for people.
    pub fn describe(self) -> &'static str {
        match self {
            Warning::BearerPrefixRemoved => "Removed the \"Bearer \" prefix of an Authorization header.",
            Warning::WhitespaceRemoved => "Removed spaces or line breaks from inside the token.",
            Warning::ExpMilliseconds => {
                "\"exp\" looks like milliseconds (it is over 10^11); NumericDate is in seconds, so it was judged literally."
            }
            Warning::HmacSecretIsPublicKey => {
                "The HMAC secret is the text of a public key: this is the RS256→HS256 key-confusion attack pattern."
            }
            Warning::EcdsaDerSignature => {
                "The ECDSA signature is DER-encoded; JWS needs the raw R‖S form, so it cannot verify."
            }
            Warning::WeakHmacKey => {
                "The HMAC key is shorter than the hash output; RFC 7518 §3.2 requires at least that many bytes."
            }
            Warning::UntrustedKeyHeader => {
                "The header carries its own key or key URL (jwk, jku, x5u or x5c). It is shown, never used or fetched."
            }
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a key could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("the key is empty")]
    Empty,
    #[error("not valid {encoding}: {detail}")]
    Encoding { encoding: &'static str, detail: String },
    #[error("not a PEM block: {0}")]
    Pem(String),
    #[error("this PEM block is a {found}, but {expected} was chosen")]
    PemLabel { found: String, expected: &'static str },
    #[error("the DER inside the PEM could not be parsed: {0}")]
    Der(String),
    #[error("unsupported key type: {0}")]
    Unsupported(String),
    #[error("invalid JWK: {0}")]
    Jwk(String),
    #[error("invalid JWKS: {0}")]
    Jwks(String),
    #[error("invalid {what} key: {detail}")]
    Invalid { what: &'static str, detail: String },
    #[error("a private key is needed to sign, but this is a public key")]
    NotPrivate,
}

/// Why signing failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignError {
    #[error("the header is not valid JSON: {0}")]
    HeaderJson(String),
    #[error("the payload is not valid JSON: {0}")]
    PayloadJson(String),
    #[error("the header must be a JSON object")]
    HeaderNotObject,
    #[error("unsupported algorithm {0:?}")]
    Alg(String),
    #[error("{0}")]
    Key(#[from] KeyError),
    #[error("the {key} key does not fit {alg}")]
    KeyMismatch { key: &'static str, alg: &'static str },
    #[error("signing failed: {0}")]
    Crypto(String),
}
