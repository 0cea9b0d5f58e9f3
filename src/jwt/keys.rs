//! Verification keys: the text a user pasted, read as the kind they chose or as detected.
//!
//! Kinds follow the fixtures' contract: secrets (UTF-8, base64 in either alphabet, hex), PEM
//! SubjectPublicKeyInfo, X.509 certificates, PKCS#1 RSA public keys, JWK and JWKS. A private
//! key pasted by mistake is accepted in auto mode: its public half is used.

use base64::Engine;
use base64::alphabet;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::{DecodePaddingMode, GeneralPurpose as Gp};
use der::Decode;
use der::asn1::ObjectIdentifier;
use rsa::traits::PublicKeyParts;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::alg::{Alg, Curve, Family};
use super::error::KeyError;

const STANDARD_LENIENT: GeneralPurpose = Gp::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);
const URL_SAFE_LENIENT: GeneralPurpose = Gp::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

const OID_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const OID_EC: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const OID_ED25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");
const OID_P256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
const OID_P384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.34");
const OID_P521: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.35");
const OID_SECP256K1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.10");

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
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
        let compact: String;
        let t = if text.bytes().any(|b| b.is_ascii_whitespace()) {
            compact = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
            compact.as_str()
        } else {
            text
        };
        match self {
            SecretEncoding::Utf8 => Some(text.as_bytes().to_vec()),
            SecretEncoding::Base64 => STANDARD_LENIENT.decode(t).ok(),
            SecretEncoding::Base64url => URL_SAFE_LENIENT.decode(t).ok(),
            SecretEncoding::Hex => {
                if t.len() % 2 != 0 || !t.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return None;
                }
                (0..t.len()).step_by(2).map(|i| u8::from_str_radix(&t[i..i + 2], 16).ok()).collect()
            }
        }
    }
}

/// A public key (or a symmetric JWK) ready for verification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublicKey {
    /// RSA modulus and exponent, big-endian.
    Rsa { n: Vec<u8>, e: Vec<u8> },
    /// An EC point in SEC1 encoding, checked to lie on `curve`.
    Ec { curve: Curve, point: Vec<u8> },
    /// An Ed25519 public key.
    Ed25519([u8; 32]),
    /// A symmetric key from an `oct` JWK.
    Oct(Vec<u8>),
    /// A well-formed key of a type no supported algorithm uses (Ed448, secp256k1, …): it
    /// fits nothing, so any token gets `alg_key_mismatch`.
    Other(String),
}

impl PublicKey {
    /// Whether this key can verify `alg` (the contract's key/alg compatibility).
    pub fn fits(&self, alg: Alg) -> bool {
        match (self, alg.family()) {
            (PublicKey::Oct(_), Family::Hmac) | (PublicKey::Rsa { .. }, Family::Rsa) => true,
            (PublicKey::Ec { curve, .. }, Family::Ecdsa(c)) => *curve == c,
            (PublicKey::Ed25519(_), Family::Ed25519) => true,
            _ => false,
        }
    }

    /// "RSA 2048-bit", "EC P-256", "Ed25519", "symmetric (32 bytes)".
    pub fn describe(&self) -> String {
        match self {
            PublicKey::Rsa { n, .. } => format!("RSA {}-bit public key", bit_len(n)),
            PublicKey::Ec { curve, .. } => format!("EC {} public key", curve.name()),
            PublicKey::Ed25519(_) => "Ed25519 public key".to_owned(),
            PublicKey::Oct(k) => format!("symmetric key ({} bytes)", k.len()),
            PublicKey::Other(what) => format!("{what} (not usable for JWS here)"),
        }
    }

    /// The algorithms this key can verify.
    pub fn algs(&self) -> Vec<Alg> {
        Alg::ALL.into_iter().filter(|a| self.fits(*a)).collect()
    }
}

fn bit_len(be: &[u8]) -> usize {
    let be = strip_zeros(be);
    be.first().map_or(0, |b| be.len() * 8 - b.leading_zeros() as usize)
}

fn strip_zeros(be: &[u8]) -> &[u8] {
    let first = be.iter().position(|b| *b != 0).unwrap_or(be.len());
    &be[first..]
}

/// One member of a JWKS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JwkEntry {
    /// Its `kid`, if it has one.
    pub kid: Option<String>,
    /// The key, or why it could not be read (such members are skipped).
    pub key: Result<PublicKey, KeyError>,
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
/// HMAC secret); `None` for PEM, JWK and JWKS. The page reads those lazily, so the code for
/// RSA, elliptic curves and X.509 loads only when someone pastes such a key.
pub fn parse_key_light(kind: KeyKind, text: &str) -> Option<ParsedKey> {
    let detected = if kind == KeyKind::Auto { detect(text) } else { kind };
    let material = read_secret(detected, text)?;
    Some(ParsedKey { requested: kind, detected, material })
}

/// Guesses the kind of a key text: PEM by its label, JSON by its `keys` member, else a UTF-8
/// secret (auto never guesses base64 or hex: those readings are listed for the user instead).
pub fn detect(text: &str) -> KeyKind {
    let t = text.trim();
    if t.is_empty() {
        return KeyKind::None;
    }
    if let Some(label) = pem_label(t) {
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

fn pem_label(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("-----BEGIN ")?;
    rest.split_once("-----").map(|(label, _)| label)
}

/// Reads the kinds that need no public-key code; `None` for the others.
fn read_secret(kind: KeyKind, text: &str) -> Option<Result<KeyMaterial, KeyError>> {
    let secret = |encoding: SecretEncoding| {
        let (encoding, bytes) = match encoding {
            SecretEncoding::Base64 | SecretEncoding::Base64url => {
                [SecretEncoding::Base64, SecretEncoding::Base64url]
                    .into_iter()
                    .find_map(|enc| enc.decode(text).map(|b| (enc, b)))
                    .ok_or_else(|| KeyError::Encoding {
                        encoding: "base64",
                        detail: "use A–Z a–z 0–9 with + / or - _, optionally = padding".to_owned(),
                    })?
            }
            SecretEncoding::Hex => (
                encoding,
                encoding.decode(text).ok_or_else(|| KeyError::Encoding {
                    encoding: "hex",
                    detail: "use an even number of 0–9 a–f characters".to_owned(),
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
    match kind {
        KeyKind::Auto | KeyKind::None => Ok(KeyMaterial::None),
        KeyKind::SecretUtf8 | KeyKind::SecretBase64 | KeyKind::SecretHex => {
            read_secret(kind, text).unwrap_or(Ok(KeyMaterial::None))
        }
        KeyKind::PemSpki => {
            let der = pem_contents(text, &["PUBLIC KEY"], "a PUBLIC KEY (SPKI)")?;
            public(from_spki(&der)?)
        }
        KeyKind::PemCert => {
            let der = pem_contents(text, &["CERTIFICATE"], "a CERTIFICATE")?;
            public(from_certificate(&der)?)
        }
        KeyKind::PemPkcs1 => {
            let der = pem_contents(text, &["RSA PUBLIC KEY"], "an RSA PUBLIC KEY (PKCS#1)")?;
            use rsa::pkcs1::DecodeRsaPublicKey;
            let key = rsa::PublicKey::from_pkcs1_der(&der).map_err(|e| KeyError::Der(e.to_string()))?;
            public(rsa_public(&key))
        }
        KeyKind::PemPrivate => {
            let key = super::sign::SigningKey::from_pem(text)?;
            Ok(KeyMaterial::Public { key: key.public_key(), from_private: true, has_private_members: true })
        }
        KeyKind::Jwk => {
            let value: Value = serde_json::from_str(text.trim()).map_err(|e| KeyError::Jwk(e.to_string()))?;
            let has_private_members = value.get("d").is_some();
            Ok(KeyMaterial::Public { key: jwk_public(&value)?, from_private: false, has_private_members })
        }
        KeyKind::Jwks => {
            let value: Value =
                serde_json::from_str(text.trim()).map_err(|e| KeyError::Jwks(e.to_string()))?;
            let keys = value
                .get("keys")
                .and_then(Value::as_array)
                .ok_or_else(|| KeyError::Jwks("expected {\"keys\": [ ... ]}".to_owned()))?;
            Ok(KeyMaterial::Set(
                keys.iter()
                    .map(|jwk| JwkEntry {
                        kid: jwk.get("kid").and_then(Value::as_str).map(str::to_owned),
                        key: jwk_public(jwk),
                    })
                    .collect(),
            ))
        }
    }
}

fn public(key: PublicKey) -> Result<KeyMaterial, KeyError> {
    Ok(KeyMaterial::Public { key, from_private: false, has_private_members: false })
}

/// The DER inside the first PEM block, which must carry one of `labels`.
pub(crate) fn pem_contents(text: &str, labels: &[&str], expected: &'static str) -> Result<Vec<u8>, KeyError> {
    let block = pem::parse(text.trim()).map_err(|e| KeyError::Pem(e.to_string()))?;
    if !labels.contains(&block.tag()) {
        return Err(KeyError::PemLabel { found: block.tag().to_owned(), expected });
    }
    Ok(block.into_contents())
}

/// Reads a DER SubjectPublicKeyInfo: RSA, EC P-256/384/521 or Ed25519.
pub(crate) fn from_spki(der: &[u8]) -> Result<PublicKey, KeyError> {
    let spki = spki::SubjectPublicKeyInfoRef::from_der(der).map_err(|e| KeyError::Der(e.to_string()))?;
    let oid = spki.algorithm.oid;
    let bits =
        spki.subject_public_key.as_bytes().ok_or_else(|| KeyError::Der("unaligned key bits".into()))?;
    if oid == OID_RSA {
        use rsa::pkcs1::DecodeRsaPublicKey;
        let key = rsa::PublicKey::from_pkcs1_der(bits)
            .map_err(|e| KeyError::Invalid { what: "RSA", detail: e.to_string() })?;
        Ok(rsa_public(&key))
    } else if oid == OID_EC {
        let curve_oid = spki.algorithm.parameters_oid().map_err(|e| KeyError::Der(e.to_string()))?;
        let curve = match curve_oid {
            OID_P256 => Curve::P256,
            OID_P384 => Curve::P384,
            OID_P521 => Curve::P521,
            OID_SECP256K1 => return Ok(PublicKey::Other("EC secp256k1 public key".into())),
            other => return Ok(PublicKey::Other(format!("EC public key on curve {other}"))),
        };
        ec_public(curve, bits)
    } else if oid == OID_ED25519 {
        ed25519_public(bits)
    } else {
        let name = match oid.to_string().as_str() {
            "1.3.101.113" => "Ed448 public key".to_owned(),
            "1.3.101.110" => "X25519 public key".to_owned(),
            "1.3.101.111" => "X448 public key".to_owned(),
            "1.2.840.113549.1.1.10" => "RSA-PSS-only public key".to_owned(),
            "1.2.840.10040.4.1" => "DSA public key".to_owned(),
            other => format!("public key of algorithm {other}"),
        };
        Ok(PublicKey::Other(name))
    }
}

fn from_certificate(der: &[u8]) -> Result<PublicKey, KeyError> {
    use der::Encode;
    let cert = x509_cert::Certificate::from_der(der).map_err(|e| KeyError::Der(e.to_string()))?;
    let spki = cert
        .tbs_certificate()
        .subject_public_key_info()
        .to_der()
        .map_err(|e| KeyError::Der(e.to_string()))?;
    from_spki(&spki)
}

pub(crate) fn rsa_public(key: &rsa::PublicKey) -> PublicKey {
    PublicKey::Rsa { n: key.n_bytes().into_vec(), e: key.e_bytes().into_vec() }
}

/// Checks that `point` (SEC1) lies on `curve`.
pub(crate) fn ec_public(curve: Curve, point: &[u8]) -> Result<PublicKey, KeyError> {
    let ok = match curve {
        Curve::P256 => p256::PublicKey::from_sec1_bytes(point).is_ok(),
        Curve::P384 => p384::PublicKey::from_sec1_bytes(point).is_ok(),
        Curve::P521 => p521::PublicKey::from_sec1_bytes(point).is_ok(),
    };
    if ok {
        Ok(PublicKey::Ec { curve, point: point.to_vec() })
    } else {
        Err(KeyError::Invalid { what: curve.name(), detail: "the point is not on the curve".to_owned() })
    }
}

fn ed25519_public(bytes: &[u8]) -> Result<PublicKey, KeyError> {
    let bytes: [u8; 32] = bytes.try_into().map_err(|_| KeyError::Invalid {
        what: "Ed25519",
        detail: format!("{} bytes, expected 32", bytes.len()),
    })?;
    ed25519_dalek::VerifyingKey::from_bytes(&bytes)
        .map_err(|_| KeyError::Invalid { what: "Ed25519", detail: "not a valid curve point".to_owned() })?;
    Ok(PublicKey::Ed25519(bytes))
}

/// Decodes a base64url JWK member (padding tolerated).
pub(crate) fn jwk_bytes(jwk: &Value, member: &str) -> Result<Vec<u8>, KeyError> {
    let text = jwk
        .get(member)
        .and_then(Value::as_str)
        .ok_or_else(|| KeyError::Jwk(format!("missing string member \"{member}\"")))?;
    URL_SAFE_LENIENT.decode(text).map_err(|_| KeyError::Jwk(format!("\"{member}\" is not base64url")))
}

/// The public key of a JWK (private members are ignored).
pub(crate) fn jwk_public(jwk: &Value) -> Result<PublicKey, KeyError> {
    let kty =
        jwk.get("kty").and_then(Value::as_str).ok_or_else(|| KeyError::Jwk("missing \"kty\"".into()))?;
    match kty {
        "RSA" => {
            let n = jwk_bytes(jwk, "n")?;
            let e = jwk_bytes(jwk, "e")?;
            let key = rsa::PublicKey::new(
                rsa::BoxedUint::from_be_slice_vartime(strip_zeros(&n)),
                rsa::BoxedUint::from_be_slice_vartime(strip_zeros(&e)),
            )
            .map_err(|e| KeyError::Invalid { what: "RSA", detail: e.to_string() })?;
            Ok(rsa_public(&key))
        }
        "EC" => {
            let crv = jwk.get("crv").and_then(Value::as_str).unwrap_or("");
            let Some(curve) = Curve::from_name(crv) else {
                return Ok(PublicKey::Other(format!("EC {crv} public key")));
            };
            let x = jwk_bytes(jwk, "x")?;
            let y = jwk_bytes(jwk, "y")?;
            let size = curve.field_bytes();
            if x.len() != size || y.len() != size {
                return Err(KeyError::Jwk(format!("{crv} coordinates must be {size} bytes each")));
            }
            let mut point = Vec::with_capacity(1 + 2 * size);
            point.push(4);
            point.extend_from_slice(&x);
            point.extend_from_slice(&y);
            ec_public(curve, &point)
        }
        "OKP" => match jwk.get("crv").and_then(Value::as_str).unwrap_or("") {
            "Ed25519" => ed25519_public(&jwk_bytes(jwk, "x")?),
            other => Ok(PublicKey::Other(format!("OKP {other} public key"))),
        },
        "oct" => Ok(PublicKey::Oct(jwk_bytes(jwk, "k")?)),
        other => Ok(PublicKey::Other(format!("JWK of key type \"{other}\""))),
    }
}

#[cfg(test)]
mod tests {
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
    fn secret_readings() {
        assert_eq!(SecretEncoding::Utf8.decode(" a "), Some(b" a ".to_vec()));
        assert_eq!(SecretEncoding::Base64.decode("+/8="), Some(vec![0xfb, 0xff]));
        assert_eq!(SecretEncoding::Base64.decode(" +/8 \n"), Some(vec![0xfb, 0xff]));
        assert_eq!(SecretEncoding::Base64url.decode("-_8"), Some(vec![0xfb, 0xff]));
        assert_eq!(SecretEncoding::Base64url.decode("+/8"), None);
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
    fn jwk_errors_are_specific() {
        let err = |text: &str| parse_key(KeyKind::Jwk, text).material.unwrap_err().to_string();
        let other = |text: &str| match parse_key(KeyKind::Jwk, text).material {
            Ok(KeyMaterial::Public { key: PublicKey::Other(what), .. }) => what,
            m => panic!("{m:?}"),
        };
        assert!(other(r#"{"kty":"EC","crv":"secp256k1","x":"AA","y":"AA"}"#).contains("secp256k1"));
        assert!(other(r#"{"kty":"OKP","crv":"Ed448","x":"AA"}"#).contains("Ed448"));
        assert!(other(r#"{"kty":"RSA-X"}"#).contains("RSA-X"));
        assert!(err(r#"{"kty":"RSA","n":"AQAB"}"#).contains("\"e\""));
        assert!(err(r#"{"n":"AQAB"}"#).contains("kty"));
        assert!(err("[1]").contains("kty"));
        assert!(err("{").contains("JWK"));
        assert!(err(r#"{"kty":"EC","crv":"P-256","x":"AA","y":"AA"}"#).contains("32 bytes"));
        let k = parse_key(KeyKind::Jwk, r#"{"kty":"oct","k":"c2VjcmV0"}"#).material.unwrap();
        assert!(matches!(k, KeyMaterial::Public { key: PublicKey::Oct(ref b), .. } if b == b"secret"));
    }

    #[test]
    fn pem_label_must_match_the_chosen_kind() {
        let cert_text = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
        let err = parse_key(KeyKind::PemSpki, cert_text).material.unwrap_err();
        assert!(matches!(err, KeyError::PemLabel { .. }), "{err}");
        assert!(matches!(parse_key(KeyKind::PemSpki, "not pem").material, Err(KeyError::Pem(_))));
    }

    #[test]
    fn bit_lengths() {
        assert_eq!(bit_len(&[0, 0x80, 0]), 16);
        assert_eq!(bit_len(&[1]), 1);
        assert_eq!(bit_len(&[]), 0);
    }
}
