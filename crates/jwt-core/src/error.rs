//! The words of the verdict contract (`CONTRACT.md`) and the core's typed errors, each with a
//! stable code (its serde name) that the page shows as `data-code`.

use std::fmt;
use std::sync::Arc;

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
    /// Every word, in precedence order within each group.
    pub const ALL: [ErrorKind; 19] = [
        ErrorKind::TooLarge,
        ErrorKind::Empty,
        ErrorKind::Segments,
        ErrorKind::Base64,
        ErrorKind::HeaderJson,
        ErrorKind::DuplicateKeys,
        ErrorKind::Jwe,
        ErrorKind::B64False,
        ErrorKind::CritUnsupported,
        ErrorKind::AlgNone,
        ErrorKind::NoneWithSignature,
        ErrorKind::AlgUnsupported,
        ErrorKind::KeyInvalid,
        ErrorKind::KidNotFound,
        ErrorKind::AlgKeyMismatch,
        ErrorKind::BadSignature,
        ErrorKind::PayloadNotJson,
        ErrorKind::PayloadNotObject,
        ErrorKind::ClaimType,
    ];

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

    /// Contract step 14: lower ranks win. Structural errors never meet the others (they stop
    /// the analysis), so they share the last rank.
    pub fn rank(self) -> u8 {
        match self {
            ErrorKind::CritUnsupported => 0,
            ErrorKind::AlgNone
            | ErrorKind::NoneWithSignature
            | ErrorKind::AlgUnsupported
            | ErrorKind::KeyInvalid
            | ErrorKind::KidNotFound
            | ErrorKind::AlgKeyMismatch
            | ErrorKind::BadSignature => 1,
            ErrorKind::PayloadNotJson | ErrorKind::PayloadNotObject => 2,
            ErrorKind::ClaimType => 3,
            _ => 4,
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
    /// Not in the contract: a leading `Authorization:` header name was removed (with `Bearer`).
    AuthorizationHeaderRemoved,
    /// Not in the contract: the secret as pasted does not verify, but a cleaned reading of it
    /// does (quotes, a `NAME=` prefix or surrounding white space removed, as dotenv reads it).
    KeyCleanupVerifies,
    /// Not in the contract: the token is signed with a publicly known HMAC secret
    /// ([`crate::known_secrets`]). Never raised by `analyse`: added by [`crate::Inspection`]
    /// when its caller looked the secret up.
    KnownSecret,
}

impl Warning {
    /// Every word.
    pub const ALL: [Warning; 10] = [
        Warning::BearerPrefixRemoved,
        Warning::WhitespaceRemoved,
        Warning::ExpMilliseconds,
        Warning::HmacSecretIsPublicKey,
        Warning::EcdsaDerSignature,
        Warning::WeakHmacKey,
        Warning::UntrustedKeyHeader,
        Warning::AuthorizationHeaderRemoved,
        Warning::KeyCleanupVerifies,
        Warning::KnownSecret,
    ];

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
            Warning::AuthorizationHeaderRemoved => "authorization_header_removed",
            Warning::KeyCleanupVerifies => "key_cleanup_verifies",
            Warning::KnownSecret => "known_secret",
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
            Warning::AuthorizationHeaderRemoved => {
                "Removed the \"Authorization:\" header name in front of the token."
            }
            Warning::KeyCleanupVerifies => {
                "The secret as pasted does not verify, but it does without its quotes, NAME= prefix or surrounding white space."
            }
            Warning::KnownSecret => {
                "The token is signed with a publicly known secret (from documentation, tutorials or a debugger's sample): anyone can forge tokens signed with it."
            }
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The underlying error of a [`KeyError`], [`SignError`] or [`KeygenError`], kept as its
/// `source()`. Cheap to clone; compared by its message.
#[derive(Clone)]
pub struct Cause(Arc<dyn std::error::Error + Send + Sync>);

impl Cause {
    /// Wraps any error.
    pub fn new(error: impl std::error::Error + Send + Sync + 'static) -> Self {
        Self(Arc::new(error))
    }
}

impl fmt::Debug for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for Cause {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source()
    }
}

impl PartialEq for Cause {
    fn eq(&self, other: &Self) -> bool {
        self.0.to_string() == other.0.to_string()
    }
}

impl Eq for Cause {}

/// Declares a code enum whose serde names are its `as_str` words.
macro_rules! codes {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $word:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every code.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable word (equal to the serde name).
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

codes! {
    /// The stable code of a [`KeyError`].
    KeyErrorCode {
        Empty => "empty",
        Encoding => "encoding",
        Pem => "pem",
        PemLabel => "pem_label",
        Der => "der",
        Unsupported => "unsupported",
        JwkJson => "jwk_json",
        Jwk => "jwk",
        Jwks => "jwks",
        Invalid => "invalid",
        WeakKey => "weak_key",
        NotPrivate => "not_private",
    }
}

/// Why a key could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("the key is empty")]
    Empty,
    #[error("not valid {encoding}: {detail}")]
    Encoding { encoding: &'static str, detail: &'static str },
    #[error("not a PEM block: {0}")]
    Pem(#[source] Cause),
    #[error("this PEM block is a {found}, but {expected} was chosen")]
    PemLabel { found: String, expected: &'static str },
    #[error("the {what} inside the PEM could not be parsed: {source}")]
    Der { what: &'static str, source: Cause },
    #[error("unsupported key type: {0}")]
    Unsupported(String),
    #[error("not JSON: {0}")]
    JwkJson(#[source] Cause),
    #[error("invalid JWK: {0}")]
    Jwk(String),
    #[error("invalid JWKS: {0}")]
    Jwks(String),
    #[error("invalid {what} key: {detail}")]
    Invalid { what: &'static str, detail: String },
    #[error("{0}")]
    WeakKey(&'static str),
    #[error("a private key is needed to sign, but this is a public key")]
    NotPrivate,
}

impl KeyError {
    /// The stable code.
    pub fn code(&self) -> KeyErrorCode {
        match self {
            KeyError::Empty => KeyErrorCode::Empty,
            KeyError::Encoding { .. } => KeyErrorCode::Encoding,
            KeyError::Pem(_) => KeyErrorCode::Pem,
            KeyError::PemLabel { .. } => KeyErrorCode::PemLabel,
            KeyError::Der { .. } => KeyErrorCode::Der,
            KeyError::Unsupported(_) => KeyErrorCode::Unsupported,
            KeyError::JwkJson(_) => KeyErrorCode::JwkJson,
            KeyError::Jwk(_) => KeyErrorCode::Jwk,
            KeyError::Jwks(_) => KeyErrorCode::Jwks,
            KeyError::Invalid { .. } => KeyErrorCode::Invalid,
            KeyError::WeakKey(_) => KeyErrorCode::WeakKey,
            KeyError::NotPrivate => KeyErrorCode::NotPrivate,
        }
    }

    /// A DER parsing error of `what` ("SubjectPublicKeyInfo", "certificate", …).
    pub(crate) fn der(what: &'static str, error: impl std::error::Error + Send + Sync + 'static) -> Self {
        KeyError::Der { what, source: Cause::new(error) }
    }
}

codes! {
    /// The stable code of a [`SignError`].
    SignErrorCode {
        HeaderJson => "header_json",
        PayloadJson => "payload_json",
        HeaderNotObject => "header_not_object",
        Alg => "alg",
        Key => "key",
        KeyMismatch => "key_mismatch",
        Crypto => "crypto",
    }
}

/// Why signing failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignError {
    #[error("the header is not valid JSON: {0}")]
    HeaderJson(#[source] Cause),
    #[error("the payload is not valid JSON: {0}")]
    PayloadJson(#[source] Cause),
    #[error("the header must be a JSON object")]
    HeaderNotObject,
    #[error("unsupported algorithm {0:?}")]
    Alg(String),
    #[error("signing key: {0}")]
    Key(#[from] KeyError),
    #[error("the {key} key does not fit {alg}")]
    KeyMismatch { key: &'static str, alg: &'static str },
    #[error("signing failed: {0}")]
    Crypto(#[source] Cause),
}

impl SignError {
    /// The stable code.
    pub fn code(&self) -> SignErrorCode {
        match self {
            SignError::HeaderJson(_) => SignErrorCode::HeaderJson,
            SignError::PayloadJson(_) => SignErrorCode::PayloadJson,
            SignError::HeaderNotObject => SignErrorCode::HeaderNotObject,
            SignError::Alg(_) => SignErrorCode::Alg,
            SignError::Key(_) => SignErrorCode::Key,
            SignError::KeyMismatch { .. } => SignErrorCode::KeyMismatch,
            SignError::Crypto(_) => SignErrorCode::Crypto,
        }
    }

    pub(crate) fn crypto(error: impl std::error::Error + Send + Sync + 'static) -> Self {
        SignError::Crypto(Cause::new(error))
    }
}

codes! {
    /// The stable code of a [`KeygenError`].
    KeygenErrorCode {
        Random => "random",
        Generate => "generate",
        Encode => "encode",
    }
}

/// Why no key came out of key generation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeygenError {
    #[error("the system's random source failed: {0}")]
    Random(#[source] Cause),
    #[error("key generation failed: {0}")]
    Generate(#[source] Cause),
    #[error("the key could not be encoded: {0}")]
    Encode(#[source] Cause),
}

impl KeygenError {
    /// The stable code.
    pub fn code(&self) -> KeygenErrorCode {
        match self {
            KeygenError::Random(_) => KeygenErrorCode::Random,
            KeygenError::Generate(_) => KeygenErrorCode::Generate,
            KeygenError::Encode(_) => KeygenErrorCode::Encode,
        }
    }
}

/// An error as it travels to the page: its stable code and its message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorReport {
    /// The stable code (`data-code`).
    pub code: String,
    /// The message for people.
    pub message: String,
}

impl From<&KeyError> for ErrorReport {
    fn from(e: &KeyError) -> Self {
        Self { code: e.code().as_str().to_owned(), message: e.to_string() }
    }
}

impl From<&SignError> for ErrorReport {
    fn from(e: &SignError) -> Self {
        Self { code: e.code().as_str().to_owned(), message: e.to_string() }
    }
}

impl From<&KeygenError> for ErrorReport {
    fn from(e: &KeygenError) -> Self {
        Self { code: e.code().as_str().to_owned(), message: e.to_string() }
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    fn serde_word<T: Serialize>(value: T) -> String {
        serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
    }

    #[test]
    fn every_code_is_its_serde_name() {
        for c in KeyErrorCode::ALL {
            assert_eq!(serde_word(c), c.as_str());
        }
        for c in SignErrorCode::ALL {
            assert_eq!(serde_word(c), c.as_str());
        }
        for c in KeygenErrorCode::ALL {
            assert_eq!(serde_word(c), c.as_str());
        }
        for k in ErrorKind::ALL {
            assert_eq!(serde_word(k), k.as_str());
        }
        for w in Warning::ALL {
            assert_eq!(serde_word(w), w.as_str());
        }
    }

    #[test]
    fn causes_stay_reachable_as_sources() {
        use std::error::Error as _;
        let json = serde_json::from_str::<serde_json::Value>("{").unwrap_err();
        let e = SignError::PayloadJson(Cause::new(json));
        assert!(e.source().is_some());
        assert_eq!(e.code(), SignErrorCode::PayloadJson);
        let key = SignError::from(KeyError::NotPrivate);
        assert_eq!(ErrorReport::from(&key).code, "key");
    }
}
