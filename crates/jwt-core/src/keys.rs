//! Verification keys: the text a user pasted, read as the kind they chose or as detected.
//!
//! Kinds follow the contract: secrets (UTF-8, base64 in either alphabet, hex), PEM
//! SubjectPublicKeyInfo, X.509 certificates, PKCS#1 RSA public keys, JWK and JWKS. A private
//! key pasted by mistake is accepted in auto mode: its public half is used. `auto` reads text
//! that holds a PEM block anywhere, or JSON, as that key: never as an HMAC secret.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::b64::{self, Alphabet};
use crate::error::KeyError;
use crate::formats;
use crate::key::PublicKey;

/// How to read the key text. The names are the test contract's `key-kind` option values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum KeyKind {
    /// Detect from the text.
    #[default]
    Auto,
    SecretUtf8,
    SecretBase64,
    SecretHex,
    PemSpki,
    PemCert,
    PemPkcs1,
    Jwk,
    Jwks,
    /// No key: decode and explain only.
    None,
    /// Detected only (never chosen): a private-key PEM, whose public half is used.
    PemPrivate,
}

impl KeyKind {
    /// The kinds a user can choose, in menu order.
    pub const CHOICES: [KeyKind; 10] = [
        KeyKind::Auto,
        KeyKind::SecretUtf8,
        KeyKind::SecretBase64,
        KeyKind::SecretHex,
        KeyKind::PemSpki,
        KeyKind::PemCert,
        KeyKind::PemPkcs1,
        KeyKind::Jwk,
        KeyKind::Jwks,
        KeyKind::None,
    ];

    /// The option value.
    pub fn as_str(self) -> &'static str {
        match self {
            KeyKind::Auto => "auto",
            KeyKind::SecretUtf8 => "secret-utf8",
            KeyKind::SecretBase64 => "secret-base64",
            KeyKind::SecretHex => "secret-hex",
            KeyKind::PemSpki => "pem-spki",
            KeyKind::PemCert => "pem-cert",
            KeyKind::PemPkcs1 => "pem-pkcs1",
            KeyKind::Jwk => "jwk",
            KeyKind::Jwks => "jwks",
            KeyKind::None => "none",
            KeyKind::PemPrivate => "pem-private",
        }
    }

    /// A label for menus.
    pub fn label(self) -> &'static str {
        match self {
            KeyKind::Auto => "Detect automatically",
            KeyKind::SecretUtf8 => "Secret (UTF-8 text)",
            KeyKind::SecretBase64 => "Secret (base64 / base64url)",
            KeyKind::SecretHex => "Secret (hex)",
            KeyKind::PemSpki => "PEM public key (SPKI)",
            KeyKind::PemCert => "PEM X.509 certificate",
            KeyKind::PemPkcs1 => "PEM RSA public key (PKCS#1)",
            KeyKind::Jwk => "JWK",
            KeyKind::Jwks => "JWKS (key set)",
            KeyKind::None => "No key (decode only)",
            KeyKind::PemPrivate => "PEM private key (public half used)",
        }
    }

    /// Parses an option value (any of [`KeyKind::CHOICES`]).
    pub fn parse(name: &str) -> Option<Self> {
        Self::CHOICES.into_iter().find(|k| k.as_str() == name)
    }

    /// Whether the kind reads the text as an HMAC secret.
    pub fn is_secret(self) -> bool {
        matches!(self, KeyKind::SecretUtf8 | KeyKind::SecretBase64 | KeyKind::SecretHex)
    }
}

/// A way of turning secret text into bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SecretEncoding {
    Utf8,
    Base64,
    Base64url,
    Hex,
}

impl SecretEncoding {
    /// Every reading, in the order the report lists them.
    pub const ALL: [SecretEncoding; 4] =
        [SecretEncoding::Utf8, SecretEncoding::Base64, SecretEncoding::Base64url, SecretEncoding::Hex];

    /// Display name.
    pub fn label(self) -> &'static str {
        match self {
            SecretEncoding::Utf8 => "UTF-8 text",
            SecretEncoding::Base64 => "base64",
            SecretEncoding::Base64url => "base64url",
            SecretEncoding::Hex => "hex",
        }
    }

    /// The key kind that reads a secret this way.
    pub fn key_kind(self) -> KeyKind {
        match self {
            SecretEncoding::Utf8 => KeyKind::SecretUtf8,
            SecretEncoding::Base64 | SecretEncoding::Base64url => KeyKind::SecretBase64,
            SecretEncoding::Hex => KeyKind::SecretHex,
        }
    }

    /// The bytes `text` stands for under this reading, if it is valid in it. The encoded
    /// readings ignore ASCII white space, outside and inside (tools such as `openssl rand
    /// -base64 64` wrap their output); UTF-8 takes the text exactly.
    pub fn decode(self, text: &str) -> Option<Vec<u8>> {
        if self == SecretEncoding::Utf8 {
            return Some(text.as_bytes().to_vec());
        }
        let compact: String;
        let t = if text.bytes().any(|b| b.is_ascii_whitespace()) {
            compact = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
            compact.as_str()
        } else {
            text
        };
        match self {
            SecretEncoding::Utf8 => None,
            SecretEncoding::Base64 => b64::decode_lenient_in(t, Alphabet::Standard),
            SecretEncoding::Base64url => b64::decode_lenient_in(t, Alphabet::UrlSafe),
            SecretEncoding::Hex => hex::decode(t).ok(),
        }
    }
}

/// One member of a JWKS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JwkEntry {
    /// Its `kid`, if it has a string one.
    pub kid: Option<String>,
    /// The key, or why it could not be read (such members are skipped).
    pub key: Result<PublicKey, KeyError>,
    /// Why its `use` or `key_ops` rule out verifying signatures, if they do.
    pub not_for_verifying: Option<String>,
}

impl JwkEntry {
    fn read(jwk: &Value) -> Self {
        let not_for_verifying = match (jwk.get("use"), jwk.get("key_ops")) {
            (Some(Value::String(u)), _) if u != "sig" => {
                Some(format!("its \"use\" is \"{u}\", not \"sig\": it is not for signatures"))
            }
            (_, Some(Value::Array(ops))) if !ops.iter().any(|o| o.as_str() == Some("verify")) => {
                Some("its \"key_ops\" do not include \"verify\"".to_owned())
            }
            _ => None,
        };
        JwkEntry {
            kid: jwk.get("kid").and_then(Value::as_str).map(str::to_owned),
            key: formats::jwk_public(jwk),
            not_for_verifying,
        }
    }
}

/// What a key text turned out to hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyMaterial {
    /// No key: decode only.
    None,
    /// An HMAC secret: the bytes of the chosen reading, and the text for the other readings.
    Secret { text: String, encoding: SecretEncoding, bytes: Vec<u8> },
    /// One public key. `from_private` when it was derived from a pasted private key.
    Public { key: PublicKey, from_private: bool, has_private_members: bool },
    /// A JWKS.
    Set(Vec<JwkEntry>),
}

/// A key text, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedKey {
    /// The kind the user chose.
    pub requested: KeyKind,
    /// The kind used (equal to `requested` unless that was `auto`).
    pub detected: KeyKind,
    /// The key, or why it could not be read.
    pub material: Result<KeyMaterial, KeyError>,
}

impl ParsedKey {
    /// No key at all.
    pub fn none() -> Self {
        Self { requested: KeyKind::None, detected: KeyKind::None, material: Ok(KeyMaterial::None) }
    }
}

/// Reads `text` as a key of `kind` (`auto` detects it). Never fails: errors are in the result.
pub fn parse_key(kind: KeyKind, text: &str) -> ParsedKey {
    let detected = if kind == KeyKind::Auto { detect(text) } else { kind };
    let material = read_secret(detected, text).unwrap_or_else(|| read_public(detected, text));
    ParsedKey { requested: kind, detected, material }
}

/// Like [`parse_key`], but only for keys that need no public-key cryptography (none, or an
/// HMAC secret); `None` for PEM, JWK and JWKS. The page's first bundle reads only these: the
/// code for RSA, elliptic curves and X.509 loads when someone pastes such a key.
pub fn parse_key_light(kind: KeyKind, text: &str) -> Option<ParsedKey> {
    let detected = if kind == KeyKind::Auto { detect(text) } else { kind };
    let material = read_secret(detected, text)?;
    Some(ParsedKey { requested: kind, detected, material })
}

/// The public half of a key, in the two forms servers and tokens carry: SPKI PEM text and a JWK.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicForms {
    /// SPKI PEM, LF line endings (as [`crate::SigningKey::public_pem`] writes it).
    pub pem: String,
    /// The public JWK: `kty` and the key's members only.
    pub jwk: Value,
}

/// The public forms of `text` read as `kind`: a public key (PEM, certificate, JWK) or the
/// public half of a private key. An error, as text, for secrets, key sets and unusable keys.
pub fn public_forms(kind: KeyKind, text: &str) -> Result<PublicForms, String> {
    match parse_key(kind, text).material {
        Ok(KeyMaterial::Public { key, .. }) => match (key.to_spki_pem(), key.to_jwk()) {
            (Some(pem), Some(jwk)) => Ok(PublicForms { pem, jwk }),
            _ => Err(format!("{} has no public PEM form", key.describe())),
        },
        Ok(KeyMaterial::Set(_)) => Err("this is a key set (JWKS): take one of its keys".to_owned()),
        Ok(KeyMaterial::Secret { .. } | KeyMaterial::None) => Err("not a public or private key".to_owned()),
        Err(e) => Err(e.to_string()),
    }
}

/// Guesses the kind of a key text: a PEM block anywhere in it by its label, JSON by its `keys`
/// member, else a UTF-8 secret (auto never guesses base64 or hex: those readings are listed for
/// the user instead).
pub fn detect(text: &str) -> KeyKind {
    let t = text.trim().trim_start_matches('\u{feff}').trim_start();
    if t.is_empty() {
        return KeyKind::None;
    }
    if let Some(label) = formats::pem_label(t) {
        return match label {
            "CERTIFICATE" => KeyKind::PemCert,
            "RSA PUBLIC KEY" => KeyKind::PemPkcs1,
            "PRIVATE KEY" | "RSA PRIVATE KEY" | "EC PRIVATE KEY" => KeyKind::PemPrivate,
            _ => KeyKind::PemSpki,
        };
    }
    if t.starts_with('{') {
        return match serde_json::from_str::<Value>(t) {
            Ok(Value::Object(o)) if o.contains_key("keys") => KeyKind::Jwks,
            _ => KeyKind::Jwk,
        };
    }
    KeyKind::SecretUtf8
}

/// Whether secret text looks like public-key material (the RS256→HS256 confusion pattern): a
/// PEM block of any label anywhere, an OpenSSH public key, or a JWK/JWKS.
pub fn looks_like_public_key(text: &str) -> bool {
    let t = text.trim().trim_start_matches('\u{feff}').trim_start();
    formats::pem_label(t).is_some()
        || text.contains("PUBLIC KEY-----")
        || t.starts_with("ssh-")
        || t.starts_with("ecdsa-sha2-")
        || (t.starts_with('{') && (t.contains("\"kty\"") || t.contains("\"keys\"")))
}

/// Reads the kinds that need no public-key code; `None` for the others.
fn read_secret(kind: KeyKind, text: &str) -> Option<Result<KeyMaterial, KeyError>> {
    let secret = |encoding: SecretEncoding| {
        let (encoding, bytes) = match encoding {
            SecretEncoding::Base64 | SecretEncoding::Base64url => {
                [SecretEncoding::Base64, SecretEncoding::Base64url]
                    .into_iter()
                    .find_map(|enc| enc.decode(text).map(|b| (enc, b)))
                    .ok_or(KeyError::Encoding {
                        encoding: "base64",
                        detail: "use A–Z a–z 0–9 with + / or - _, optionally = padding",
                    })?
            }
            SecretEncoding::Hex => (
                encoding,
                encoding.decode(text).ok_or(KeyError::Encoding {
                    encoding: "hex",
                    detail: "use an even number of 0–9 a–f characters",
                })?,
            ),
            SecretEncoding::Utf8 => (encoding, text.as_bytes().to_vec()),
        };
        // An empty key is allowed: HMAC is defined for it, and some libraries accept it, so
        // showing that such a token verifies (with a weak-key warning) is the honest answer.
        Ok(KeyMaterial::Secret { text: text.to_owned(), encoding, bytes })
    };
    Some(match kind {
        KeyKind::Auto | KeyKind::None => Ok(KeyMaterial::None),
        KeyKind::SecretUtf8 => secret(SecretEncoding::Utf8),
        KeyKind::SecretBase64 => secret(SecretEncoding::Base64),
        KeyKind::SecretHex => secret(SecretEncoding::Hex),
        _ => return None,
    })
}

/// Reads PEM, JWK and JWKS keys (RSA, elliptic curves, Ed25519, X.509).
fn read_public(kind: KeyKind, text: &str) -> Result<KeyMaterial, KeyError> {
    let public = |key| Ok(KeyMaterial::Public { key, from_private: false, has_private_members: false });
    match kind {
        KeyKind::Auto | KeyKind::None => Ok(KeyMaterial::None),
        KeyKind::SecretUtf8 | KeyKind::SecretBase64 | KeyKind::SecretHex => {
            read_secret(kind, text).unwrap_or(Ok(KeyMaterial::None))
        }
        KeyKind::PemSpki => {
            public(formats::from_spki(&formats::pem_contents(text, &["PUBLIC KEY"], "a PUBLIC KEY (SPKI)")?)?)
        }
        KeyKind::PemCert => public(formats::from_certificate(&formats::pem_contents(
            text,
            &["CERTIFICATE"],
            "a CERTIFICATE",
        )?)?),
        KeyKind::PemPkcs1 => public(formats::from_pkcs1(&formats::pem_contents(
            text,
            &["RSA PUBLIC KEY"],
            "an RSA PUBLIC KEY (PKCS#1)",
        )?)?),
        KeyKind::PemPrivate => {
            let key = formats::signing_key_from_pem(text)?;
            Ok(KeyMaterial::Public { key: key.public_key(), from_private: true, has_private_members: true })
        }
        KeyKind::Jwk => {
            let value = formats::jwk_json(text)?;
            let has_private_members = value.get("d").is_some();
            Ok(KeyMaterial::Public {
                key: formats::jwk_public(&value)?,
                from_private: false,
                has_private_members,
            })
        }
        KeyKind::Jwks => {
            let value = formats::jwk_json(text)?;
            let keys = value
                .get("keys")
                .and_then(Value::as_array)
                .ok_or_else(|| KeyError::Jwks("expected {\"keys\": [ ... ]}".to_owned()))?;
            Ok(KeyMaterial::Set(keys.iter().map(JwkEntry::read).collect()))
        }
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn choices_round_trip_through_their_names() {
        for kind in KeyKind::CHOICES {
            assert_eq!(KeyKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(KeyKind::parse("pem-private"), None);
        assert_eq!(KeyKind::parse("AUTO"), None);
    }

    #[test]
    fn detects_kinds_from_text() {
        assert_eq!(detect(""), KeyKind::None);
        assert_eq!(detect("  \n"), KeyKind::None);
        assert_eq!(detect("secret"), KeyKind::SecretUtf8);
        assert_eq!(detect("deadbeef"), KeyKind::SecretUtf8);
        assert_eq!(detect("-----BEGIN PUBLIC KEY-----\nAA\n-----END PUBLIC KEY-----"), KeyKind::PemSpki);
        assert_eq!(detect("\n-----BEGIN CERTIFICATE-----\n"), KeyKind::PemCert);
        assert_eq!(detect("-----BEGIN RSA PUBLIC KEY-----"), KeyKind::PemPkcs1);
        assert_eq!(detect("-----BEGIN EC PRIVATE KEY-----"), KeyKind::PemPrivate);
        assert_eq!(detect(r#"{"kty":"oct","k":"AA"}"#), KeyKind::Jwk);
        assert_eq!(detect(r#"{"keys":[]}"#), KeyKind::Jwks);
        assert_eq!(detect("{not json"), KeyKind::Jwk);
    }

    #[test]
    fn pem_blocks_anywhere_and_after_a_bom_are_never_secrets() {
        // `openssl pkcs12 -nokeys` output: attributes, then the certificate.
        let bag = "Bag Attributes\n    friendlyName: demo\nsubject=CN = demo\nissuer=CN = demo\n-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
        assert_eq!(detect(bag), KeyKind::PemCert);
        assert_eq!(
            detect("\u{feff}-----BEGIN PUBLIC KEY-----\nAA\n-----END PUBLIC KEY-----"),
            KeyKind::PemSpki
        );
        assert_eq!(detect("\u{feff}{\"kty\":\"oct\",\"k\":\"AA\"}"), KeyKind::Jwk);
        for text in [bag, "ssh-rsa AAAA", "{\"kty\":\"RSA\"}", "x -----BEGIN RSA PUBLIC KEY-----"] {
            assert!(looks_like_public_key(text), "{text}");
        }
        assert!(!looks_like_public_key("a-string-secret-at-least-256-bits-long"));
    }

    #[test]
    fn public_forms_of_private_and_public_keys_agree() {
        let generated = crate::keygen::generate(crate::KeygenKind::Ec(crate::Curve::P256)).unwrap();
        let (pem, jwk) = (generated.public_pem.unwrap(), generated.public_jwk.unwrap());
        let expected = PublicForms { pem: pem.clone(), jwk: jwk.clone() };
        assert_eq!(public_forms(KeyKind::Auto, &generated.private_pem.unwrap()), Ok(expected.clone()));
        assert_eq!(public_forms(KeyKind::Auto, &pem), Ok(expected.clone()));
        assert_eq!(public_forms(KeyKind::Jwk, &jwk.to_string()), Ok(expected));
        assert!(public_forms(KeyKind::SecretUtf8, "secret").is_err());
        assert!(public_forms(KeyKind::Jwks, r#"{"keys":[]}"#).is_err());
        assert!(public_forms(KeyKind::Jwk, r#"{"kty":"oct","k":"AA"}"#).is_err());
        assert!(
            public_forms(KeyKind::Auto, "-----BEGIN PUBLIC KEY-----\nAA\n-----END PUBLIC KEY-----").is_err()
        );
    }

    #[test]
    fn secret_readings() {
        assert_eq!(SecretEncoding::Utf8.decode(" a "), Some(b" a ".to_vec()));
        assert_eq!(SecretEncoding::Base64.decode("+/8="), Some(vec![0xfb, 0xff]));
        assert_eq!(SecretEncoding::Base64.decode(" +/8 \n"), Some(vec![0xfb, 0xff]));
        assert_eq!(SecretEncoding::Base64url.decode("-_8"), Some(vec![0xfb, 0xff]));
        assert_eq!(SecretEncoding::Base64url.decode("+/8"), None);
        assert_eq!(SecretEncoding::Base64.decode("-_8"), None);
        assert_eq!(SecretEncoding::Hex.decode("DEADbeef"), Some(vec![0xde, 0xad, 0xbe, 0xef]));
        assert_eq!(SecretEncoding::Hex.decode("abc"), None);
        assert_eq!(SecretEncoding::Hex.decode("zz"), None);
    }

    #[test]
    fn secret_kinds_keep_utf8_exact_and_decode_the_others() {
        let key = parse_key(KeyKind::SecretUtf8, "pem\n");
        assert!(matches!(key.material, Ok(KeyMaterial::Secret { ref bytes, .. }) if bytes == b"pem\n"));
        let key = parse_key(KeyKind::SecretBase64, "-_8");
        assert!(matches!(key.material, Ok(KeyMaterial::Secret { ref bytes, .. }) if bytes == &[0xfb, 0xff]));
        assert!(matches!(parse_key(KeyKind::SecretBase64, "+-").material, Err(KeyError::Encoding { .. })));
        assert!(matches!(parse_key(KeyKind::SecretHex, "0g").material, Err(KeyError::Encoding { .. })));
        assert!(
            matches!(parse_key(KeyKind::SecretUtf8, "").material, Ok(KeyMaterial::Secret { ref bytes, .. }) if bytes.is_empty())
        );
        let wrapped = parse_key(KeyKind::SecretBase64, "+/8A\nECAw\n");
        assert!(
            matches!(wrapped.material, Ok(KeyMaterial::Secret { ref bytes, .. }) if bytes == &[0xfb, 0xff, 0, 0x10, 0x20, 0x30])
        );
        assert_eq!(parse_key(KeyKind::Auto, "").material, Ok(KeyMaterial::None));
    }

    #[test]
    fn pem_label_must_match_the_chosen_kind() {
        let cert_text = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
        let err = parse_key(KeyKind::PemSpki, cert_text).material.unwrap_err();
        assert!(matches!(err, KeyError::PemLabel { .. }), "{err}");
        assert!(matches!(parse_key(KeyKind::PemSpki, "not pem").material, Err(KeyError::Pem(_))));
    }

    #[test]
    fn jwks_members_honour_use_and_key_ops() {
        let set = parse_key(
            KeyKind::Jwks,
            r#"{"keys":[{"kty":"oct","k":"AA","use":"enc"},{"kty":"oct","k":"AA","key_ops":["sign"]},{"kty":"oct","k":"AA","use":"sig","kid":7}]}"#,
        );
        let Ok(KeyMaterial::Set(entries)) = set.material else { panic!("{:?}", set.material) };
        assert!(entries[0].not_for_verifying.as_deref().unwrap_or_default().contains("enc"));
        assert!(entries[1].not_for_verifying.as_deref().unwrap_or_default().contains("verify"));
        assert_eq!((entries[2].not_for_verifying.as_ref(), entries[2].kid.as_ref()), (None, None));
    }
}
