//! Signing: private keys (secret, PKCS#8 / PKCS#1 / SEC1 PEM, private JWK) and compact tokens.
//!
//! HS*, RS*, PS*, ES256/384 and EdDSA sign through `jsonwebtoken`; ES512 through `p521`.

use der::Decode;
use p256::elliptic_curve::sec1::ToSec1Point;
use serde_json::Value;

use super::alg::{Alg, Curve, Family};
use super::b64;
use super::error::{KeyError, SignError};
use super::keys::{self, KeyKind, PublicKey, SecretEncoding};

/// A key that can sign.
#[derive(Clone)]
pub enum SigningKey {
    /// HMAC secret bytes.
    Secret(Vec<u8>),
    /// RSA private key.
    Rsa(Box<rsa::PrivateKey>),
    /// P-256 private key.
    P256(p256::SecretKey),
    /// P-384 private key.
    P384(p384::SecretKey),
    /// P-521 private key.
    P521(p521::SecretKey),
    /// Ed25519 private key.
    Ed25519(Box<ed25519_dalek::SigningKey>),
}

impl std::fmt::Debug for SigningKey {
    // Never print private key material.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SigningKey({})", self.describe())
    }
}

const OID_RSA: der::asn1::ObjectIdentifier = der::asn1::ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const OID_EC: der::asn1::ObjectIdentifier = der::asn1::ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const OID_ED25519: der::asn1::ObjectIdentifier = der::asn1::ObjectIdentifier::new_unwrap("1.3.101.112");

fn der_err(e: impl std::fmt::Display) -> KeyError {
    KeyError::Der(e.to_string())
}

impl SigningKey {
    /// Reads a signing key: `kind` is a secret kind, `jwk`, or `auto` (PEM, JWK or UTF-8 secret).
    pub fn parse(kind: KeyKind, text: &str) -> Result<Self, KeyError> {
        let kind = if kind == KeyKind::Auto { keys::detect(text) } else { kind };
        let secret = |encoding: SecretEncoding| -> Result<Self, KeyError> {
            let bytes = encoding
                .decode(text)
                .ok_or(KeyError::Encoding { encoding: encoding.label(), detail: "cannot decode".into() })?;
            if bytes.is_empty() { Err(KeyError::Empty) } else { Ok(SigningKey::Secret(bytes)) }
        };
        match kind {
            KeyKind::None | KeyKind::Auto => Err(KeyError::Empty),
            KeyKind::SecretUtf8 => secret(SecretEncoding::Utf8),
            KeyKind::SecretBase64 => {
                secret(SecretEncoding::Base64).or_else(|_| secret(SecretEncoding::Base64url))
            }
            KeyKind::SecretHex => secret(SecretEncoding::Hex),
            KeyKind::PemPrivate => Self::from_pem(text),
            KeyKind::PemSpki | KeyKind::PemCert | KeyKind::PemPkcs1 => Err(KeyError::NotPrivate),
            KeyKind::Jwk => {
                let value: Value =
                    serde_json::from_str(text.trim()).map_err(|e| KeyError::Jwk(e.to_string()))?;
                Self::from_jwk(&value)
            }
            KeyKind::Jwks => Err(KeyError::Jwks("paste one private JWK to sign, not a key set".into())),
        }
    }

    /// Reads a private-key PEM: PKCS#8 `PRIVATE KEY` (RSA, EC, Ed25519), PKCS#1
    /// `RSA PRIVATE KEY` or SEC1 `EC PRIVATE KEY`.
    pub fn from_pem(text: &str) -> Result<Self, KeyError> {
        let block = pem::parse(text.trim()).map_err(|e| KeyError::Pem(e.to_string()))?;
        let der = block.contents();
        match block.tag() {
            "PRIVATE KEY" => Self::from_pkcs8_der(der),
            "RSA PRIVATE KEY" => {
                use rsa::pkcs1::DecodeRsaPrivateKey;
                Ok(SigningKey::Rsa(Box::new(rsa::PrivateKey::from_pkcs1_der(der).map_err(der_err)?)))
            }
            "EC PRIVATE KEY" => p256::SecretKey::from_sec1_der(der)
                .map(SigningKey::P256)
                .or_else(|_| p384::SecretKey::from_sec1_der(der).map(SigningKey::P384))
                .or_else(|_| p521::SecretKey::from_sec1_der(der).map(SigningKey::P521))
                .map_err(|_| KeyError::Der("not a P-256, P-384 or P-521 EC private key".into())),
            "PUBLIC KEY" | "RSA PUBLIC KEY" | "CERTIFICATE" => Err(KeyError::NotPrivate),
            other => Err(KeyError::Unsupported(format!("PEM block \"{other}\""))),
        }
    }

    fn from_pkcs8_der(der: &[u8]) -> Result<Self, KeyError> {
        use p256::pkcs8::DecodePrivateKey;
        let info = p256::pkcs8::PrivateKeyInfoRef::from_der(der).map_err(der_err)?;
        let oid = info.algorithm.oid;
        if oid == OID_RSA {
            Ok(SigningKey::Rsa(Box::new(rsa::PrivateKey::from_pkcs8_der(der).map_err(der_err)?)))
        } else if oid == OID_EC {
            let curve = info.algorithm.parameters_oid().map_err(der_err)?;
            match curve.to_string().as_str() {
                "1.2.840.10045.3.1.7" => p256::SecretKey::from_pkcs8_der(der).map(SigningKey::P256),
                "1.3.132.0.34" => p384::SecretKey::from_pkcs8_der(der).map(SigningKey::P384),
                "1.3.132.0.35" => p521::SecretKey::from_pkcs8_der(der).map(SigningKey::P521),
                other => return Err(KeyError::Unsupported(format!("EC curve {other}"))),
            }
            .map_err(der_err)
        } else if oid == OID_ED25519 {
            ed25519_dalek::SigningKey::from_pkcs8_der(der)
                .map(|k| SigningKey::Ed25519(Box::new(k)))
                .map_err(der_err)
        } else {
            Err(KeyError::Unsupported(format!("private key algorithm {oid}")))
        }
    }

    /// Reads a private JWK (`oct` with `k`; `RSA`, `EC`, `OKP` with `d`).
    pub fn from_jwk(jwk: &Value) -> Result<Self, KeyError> {
        let kty =
            jwk.get("kty").and_then(Value::as_str).ok_or_else(|| KeyError::Jwk("missing \"kty\"".into()))?;
        if kty == "oct" {
            return match keys::jwk_public(jwk)? {
                PublicKey::Oct(k) => Ok(SigningKey::Secret(k)),
                _ => Err(KeyError::Jwk("unexpected oct key".into())),
            };
        }
        if jwk.get("d").is_none() {
            return Err(KeyError::NotPrivate);
        }
        let public = keys::jwk_public(jwk)?;
        let d = keys::jwk_bytes(jwk, "d")?;
        let key = match &public {
            PublicKey::Rsa { n, e } => {
                let uint = |b: &[u8]| rsa::BoxedUint::from_be_slice_vartime(b);
                let primes = match (keys::jwk_bytes(jwk, "p"), keys::jwk_bytes(jwk, "q")) {
                    (Ok(p), Ok(q)) => vec![uint(&p), uint(&q)],
                    _ => Vec::new(),
                };
                let key = rsa::PrivateKey::from_components(uint(n), uint(e), uint(&d), primes)
                    .map_err(|e| KeyError::Invalid { what: "RSA", detail: e.to_string() })?;
                SigningKey::Rsa(Box::new(key))
            }
            PublicKey::Ec { curve, .. } => {
                let invalid =
                    |_| KeyError::Invalid { what: curve.name(), detail: "bad private scalar d".into() };
                match curve {
                    Curve::P256 => SigningKey::P256(p256::SecretKey::from_slice(&d).map_err(invalid)?),
                    Curve::P384 => SigningKey::P384(p384::SecretKey::from_slice(&d).map_err(invalid)?),
                    Curve::P521 => SigningKey::P521(p521::SecretKey::from_slice(&d).map_err(invalid)?),
                }
            }
            PublicKey::Ed25519(_) => {
                let seed: [u8; 32] = d.as_slice().try_into().map_err(|_| KeyError::Invalid {
                    what: "Ed25519",
                    detail: format!("d is {} bytes, expected 32", d.len()),
                })?;
                SigningKey::Ed25519(Box::new(ed25519_dalek::SigningKey::from_bytes(&seed)))
            }
            PublicKey::Oct(_) => return Err(KeyError::Jwk("unexpected oct key".into())),
            PublicKey::Other(what) => return Err(KeyError::Unsupported(what.clone())),
        };
        if key.public_key() != public {
            return Err(KeyError::Jwk("the private part does not match the public part".into()));
        }
        Ok(key)
    }

    /// The matching public key (an HMAC secret's "public key" is itself, as an `oct` key).
    pub fn public_key(&self) -> PublicKey {
        match self {
            SigningKey::Secret(k) => PublicKey::Oct(k.clone()),
            SigningKey::Rsa(k) => keys::rsa_public(k.as_public_key()),
            SigningKey::P256(k) => PublicKey::Ec {
                curve: Curve::P256,
                point: k.public_key().to_sec1_point(false).as_bytes().to_vec(),
            },
            SigningKey::P384(k) => PublicKey::Ec {
                curve: Curve::P384,
                point: k.public_key().to_sec1_point(false).as_bytes().to_vec(),
            },
            SigningKey::P521(k) => PublicKey::Ec {
                curve: Curve::P521,
                point: k.public_key().to_sec1_point(false).as_bytes().to_vec(),
            },
            SigningKey::Ed25519(k) => PublicKey::Ed25519(k.verifying_key().to_bytes()),
        }
    }

    /// The public key as SPKI PEM; `None` for an HMAC secret (which has no public half).
    pub fn public_pem(&self) -> Option<String> {
        use p256::pkcs8::{EncodePublicKey, LineEnding};
        let lf = LineEnding::LF;
        match self {
            SigningKey::Secret(_) => None,
            SigningKey::Rsa(k) => k.to_public_key().to_public_key_pem(lf).ok(),
            SigningKey::P256(k) => k.public_key().to_public_key_pem(lf).ok(),
            SigningKey::P384(k) => k.public_key().to_public_key_pem(lf).ok(),
            SigningKey::P521(k) => k.public_key().to_public_key_pem(lf).ok(),
            SigningKey::Ed25519(k) => k.verifying_key().to_public_key_pem(lf).ok(),
        }
    }

    /// What verifies this key's signatures, as key text and kind for the decoder: the same
    /// secret text (read the same way) for HMAC, the public PEM otherwise — never the private key.
    pub fn verification_key(&self, text: &str, kind: KeyKind) -> Option<(String, KeyKind)> {
        match self {
            SigningKey::Secret(_) => Some((text.to_owned(), kind)),
            other => other.public_pem().map(|pem| (pem, KeyKind::Auto)),
        }
    }

    /// Whether this key can sign `alg`.
    pub fn fits(&self, alg: Alg) -> bool {
        self.public_key().fits(alg)
    }

    /// "RSA 2048-bit private key", "HMAC secret (32 bytes)", …
    pub fn describe(&self) -> String {
        match self {
            SigningKey::Secret(k) => format!("HMAC secret ({} bytes)", k.len()),
            other => other.public_key().describe().replace("public key", "private key"),
        }
    }

    /// The algorithms this key can sign.
    pub fn algs(&self) -> Vec<Alg> {
        match self {
            SigningKey::Secret(_) => vec![Alg::HS256, Alg::HS384, Alg::HS512],
            other => other.public_key().algs(),
        }
    }
}

/// Signs `signing_input` (the exact ASCII `header.payload`) and returns the signature bytes.
pub fn sign_bytes(alg: Alg, key: &SigningKey, signing_input: &[u8]) -> Result<Vec<u8>, SignError> {
    use jsonwebtoken::EncodingKey;
    if !key.fits(alg) {
        return Err(SignError::KeyMismatch { key: key_family(key), alg: alg.name() });
    }
    let crypto = |e: &dyn std::fmt::Display| SignError::Crypto(e.to_string());
    let encoding_key = match key {
        SigningKey::Secret(k) => EncodingKey::from_secret(k).map_err(|e| crypto(&e))?,
        SigningKey::Rsa(k) => {
            use rsa::pkcs1::EncodeRsaPrivateKey;
            EncodingKey::from_rsa_der(k.to_pkcs1_der().map_err(|e| crypto(&e))?.as_bytes())
        }
        SigningKey::P256(k) => {
            use p256::pkcs8::EncodePrivateKey;
            EncodingKey::from_ec_der(k.to_pkcs8_der().map_err(|e| crypto(&e))?.as_bytes())
        }
        SigningKey::P384(k) => {
            use p384::pkcs8::EncodePrivateKey;
            EncodingKey::from_ec_der(k.to_pkcs8_der().map_err(|e| crypto(&e))?.as_bytes())
        }
        SigningKey::P521(k) => {
            use signature::Signer;
            let signer = p521::ecdsa::SigningKey::from(k.clone());
            let signature: p521::ecdsa::Signature = signer.try_sign(signing_input).map_err(|e| crypto(&e))?;
            return Ok(signature.to_bytes().to_vec());
        }
        SigningKey::Ed25519(k) => {
            use ed25519_dalek::pkcs8::EncodePrivateKey;
            EncodingKey::from_ed_der(k.to_pkcs8_der().map_err(|e| crypto(&e))?.as_bytes())
        }
    };
    let jwt_alg = alg.to_jsonwebtoken().ok_or_else(|| SignError::Alg(alg.name().to_owned()))?;
    let signature =
        jsonwebtoken::crypto::sign(signing_input, &encoding_key, jwt_alg).map_err(|e| crypto(&e))?;
    b64::decode_strict(&signature).map_err(|e| SignError::Crypto(e.reason))
}

fn key_family(key: &SigningKey) -> &'static str {
    match key {
        SigningKey::Secret(_) => "HMAC secret",
        SigningKey::Rsa(_) => "RSA",
        SigningKey::P256(_) => "P-256",
        SigningKey::P384(_) => "P-384",
        SigningKey::P521(_) => "P-521",
        SigningKey::Ed25519(_) => "Ed25519",
    }
}

/// Signs the exact `header.payload` text and returns the compact token.
pub fn sign_signing_input(alg: Alg, key: &SigningKey, signing_input: &str) -> Result<String, SignError> {
    let signature = sign_bytes(alg, key, signing_input.as_bytes())?;
    Ok(format!("{signing_input}.{}", b64::encode(&signature)))
}

/// A freshly signed token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signed {
    /// The compact JWS.
    pub token: String,
    /// The header as signed (with `alg` set).
    pub header: Value,
}

/// Signs JSON texts: the header (an object; its `alg` is set to `alg`) and the payload (any
/// JSON; a JWT needs an object), both serialised compactly in their member order.
pub fn sign_json(header: &str, payload: &str, alg: Alg, key: &SigningKey) -> Result<Signed, SignError> {
    let given: Value = serde_json::from_str(header).map_err(|e| SignError::HeaderJson(e.to_string()))?;
    let payload: Value = serde_json::from_str(payload).map_err(|e| SignError::PayloadJson(e.to_string()))?;
    // `alg` first, as people expect to read it; the other members keep their order.
    let mut object = serde_json::Map::new();
    object.insert("alg".into(), Value::String(alg.name().into()));
    for (name, value) in given.as_object().ok_or(SignError::HeaderNotObject)? {
        if name != "alg" {
            object.insert(name.clone(), value.clone());
        }
    }
    let header = Value::Object(object);
    let header_text = serde_json::to_string(&header).map_err(|e| SignError::HeaderJson(e.to_string()))?;
    let payload_text = serde_json::to_string(&payload).map_err(|e| SignError::PayloadJson(e.to_string()))?;
    let signing_input =
        format!("{}.{}", b64::encode(header_text.as_bytes()), b64::encode(payload_text.as_bytes()));
    Ok(Signed { token: sign_signing_input(alg, key, &signing_input)?, header })
}

/// The family a key of this algorithm belongs to, for messages.
pub fn family_name(alg: Alg) -> &'static str {
    match alg.family() {
        Family::Hmac => "HMAC secret",
        Family::Rsa => "RSA key",
        Family::Ecdsa(Curve::P256) => "EC P-256 key",
        Family::Ecdsa(Curve::P384) => "EC P-384 key",
        Family::Ecdsa(Curve::P521) => "EC P-521 key",
        Family::Ed25519 => "Ed25519 key",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_json_puts_alg_first_and_keeps_the_rest() {
        let key = SigningKey::Secret(b"k".to_vec());
        let signed =
            sign_json(r#"{"typ":"JWT","alg":"none","kid":"a"}"#, r#"{"sub":"x"}"#, Alg::HS384, &key).unwrap();
        let keys: Vec<&String> = signed.header.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["alg", "typ", "kid"]);
        assert_eq!(signed.header["alg"], "HS384");
        let header = signed.token.split('.').next().unwrap();
        assert_eq!(b64::decode_strict(header).unwrap(), br#"{"alg":"HS384","typ":"JWT","kid":"a"}"#);
    }

    #[test]
    fn sign_errors_are_specific() {
        let key = SigningKey::Secret(b"k".to_vec());
        assert_eq!(sign_json("[]", "{}", Alg::HS256, &key).unwrap_err(), SignError::HeaderNotObject);
        assert!(matches!(sign_json("{", "{}", Alg::HS256, &key), Err(SignError::HeaderJson(_))));
        assert!(matches!(sign_json("{}", "{", Alg::HS256, &key), Err(SignError::PayloadJson(_))));
        assert!(matches!(sign_json("{}", "{}", Alg::RS256, &key), Err(SignError::KeyMismatch { .. })));
    }

    #[test]
    fn verification_keys_never_carry_the_private_key() {
        let secret = SigningKey::parse(KeyKind::SecretHex, "00ff").unwrap();
        assert_eq!(
            secret.verification_key("00ff", KeyKind::SecretHex),
            Some(("00ff".into(), KeyKind::SecretHex))
        );
        let ed = crate::jwt::generate(crate::jwt::KeygenKind::Ed25519).unwrap();
        let (pem, kind) = ed.key.verification_key("ignored", KeyKind::Auto).unwrap();
        assert_eq!(kind, KeyKind::Auto);
        assert!(pem.starts_with("-----BEGIN PUBLIC KEY-----") && !pem.contains("PRIVATE"));
        assert_eq!(Some(pem), ed.public_pem);
        let parsed = crate::jwt::parse_key(KeyKind::PemSpki, ed.public_pem.as_ref().unwrap());
        assert!(
            matches!(parsed.material, Ok(crate::jwt::KeyMaterial::Public { ref key, .. }) if *key == ed.key.public_key())
        );
    }

    #[test]
    fn signing_keys_refuse_public_material() {
        assert_eq!(SigningKey::parse(KeyKind::PemSpki, "x").unwrap_err(), KeyError::NotPrivate);
        let public_jwk = r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#;
        assert_eq!(SigningKey::parse(KeyKind::Jwk, public_jwk).unwrap_err(), KeyError::NotPrivate);
        assert!(format!("{:?}", SigningKey::Secret(b"hidden".to_vec())).contains("6 bytes"));
        assert!(!format!("{:?}", SigningKey::Secret(b"hidden".to_vec())).contains("hidden"));
    }
}
