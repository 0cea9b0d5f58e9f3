//! Signing: signing keys read from text (secret, PKCS#8 / PKCS#1 / SEC1 PEM, private JWK) and
//! compact tokens.
//!
//! HMAC goes through [`crate::mac`]; RS*, PS*, ES256/384 and EdDSA through `jsonwebtoken`;
//! ES512, which it lacks, through `p521`.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::alg::Alg;
use crate::b64;
use crate::error::{Cause, ErrorReport, KeyError, SignError};
use crate::formats;
use crate::key::SigningKey;
use crate::keys::{self, KeyKind, SecretEncoding};

impl SigningKey {
    /// Reads a signing key: `kind` is a secret kind, `jwk`, or `auto` (PEM, JWK or UTF-8 secret).
    pub fn parse(kind: KeyKind, text: &str) -> Result<Self, KeyError> {
        let kind = if kind == KeyKind::Auto { keys::detect(text) } else { kind };
        let secret = |encoding: SecretEncoding| -> Result<Self, KeyError> {
            let bytes = encoding
                .decode(text)
                .ok_or(KeyError::Encoding { encoding: encoding.label(), detail: "cannot decode it" })?;
            if bytes.is_empty() { Err(KeyError::Empty) } else { Ok(SigningKey::Secret(bytes)) }
        };
        match kind {
            KeyKind::None | KeyKind::Auto => Err(KeyError::Empty),
            KeyKind::SecretUtf8 => secret(SecretEncoding::Utf8),
            KeyKind::SecretBase64 => {
                secret(SecretEncoding::Base64).or_else(|_| secret(SecretEncoding::Base64url))
            }
            KeyKind::SecretHex => secret(SecretEncoding::Hex),
            KeyKind::PemPrivate => formats::signing_key_from_pem(text),
            KeyKind::PemSpki | KeyKind::PemCert | KeyKind::PemPkcs1 => Err(KeyError::NotPrivate),
            KeyKind::Jwk => formats::signing_key_from_jwk(&formats::jwk_json(text)?),
            KeyKind::Jwks => Err(KeyError::Jwks("paste one private JWK to sign, not a key set".into())),
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
}

/// Signs `signing_input` (the exact ASCII `header.payload`) and returns the signature bytes.
pub fn sign_bytes(alg: Alg, key: &SigningKey, signing_input: &[u8]) -> Result<Vec<u8>, SignError> {
    use jsonwebtoken::EncodingKey;
    if !key.fits(alg) {
        return Err(SignError::KeyMismatch { key: key.family_name(), alg: alg.name() });
    }
    let encoding_key = match key {
        SigningKey::Secret(k) => {
            let hash = alg.hash().ok_or_else(|| SignError::Alg(alg.name().to_owned()))?;
            return Ok(crate::mac::compute(hash, k, signing_input));
        }
        SigningKey::Rsa(k) => {
            use rsa::pkcs1::EncodeRsaPrivateKey;
            EncodingKey::from_rsa_der(k.to_pkcs1_der().map_err(SignError::crypto)?.as_bytes())
        }
        SigningKey::P256(k) => {
            use p256::pkcs8::EncodePrivateKey;
            EncodingKey::from_ec_der(k.to_pkcs8_der().map_err(SignError::crypto)?.as_bytes())
        }
        SigningKey::P384(k) => {
            use p384::pkcs8::EncodePrivateKey;
            EncodingKey::from_ec_der(k.to_pkcs8_der().map_err(SignError::crypto)?.as_bytes())
        }
        SigningKey::P521(k) => {
            use signature::Signer;
            let signer = p521::ecdsa::SigningKey::from(k.clone());
            let signature: p521::ecdsa::Signature =
                signer.try_sign(signing_input).map_err(SignError::crypto)?;
            return Ok(signature.to_bytes().to_vec());
        }
        SigningKey::K256(k) => {
            use signature::Signer;
            // RFC 6979 deterministic nonces; the signature comes out with a low S.
            let signer = k256::ecdsa::SigningKey::from(k.clone());
            let signature: k256::ecdsa::Signature =
                signer.try_sign(signing_input).map_err(SignError::crypto)?;
            return Ok(signature.to_bytes().to_vec());
        }
        SigningKey::MlDsa { level, seed } => {
            // Pure ML-DSA, empty context (RFC 9964), deterministic.
            return crate::mldsa::sign(*level, seed, signing_input)
                .ok_or_else(|| SignError::Alg(alg.name().to_owned()));
        }
        SigningKey::Ed448(k) => {
            // Pure Ed448, empty context (RFC 8037): deterministic, 114 bytes.
            return Ok(k.sign_raw(signing_input).to_bytes().to_vec());
        }
        SigningKey::Ed25519(k) => {
            use ed25519_dalek::pkcs8::EncodePrivateKey;
            EncodingKey::from_ed_der(k.to_pkcs8_der().map_err(SignError::crypto)?.as_bytes())
        }
    };
    let jwt_alg = alg.to_jsonwebtoken().ok_or_else(|| SignError::Alg(alg.name().to_owned()))?;
    let signature =
        jsonwebtoken::crypto::sign(signing_input, &encoding_key, jwt_alg).map_err(SignError::crypto)?;
    b64::decode_strict(&signature).map_err(|e| SignError::Crypto(Cause::new(e)))
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
    let given: Value = serde_json::from_str(header).map_err(|e| SignError::HeaderJson(Cause::new(e)))?;
    let payload: Value = serde_json::from_str(payload).map_err(|e| SignError::PayloadJson(Cause::new(e)))?;
    // `alg` first, as people expect to read it; the other members keep their order.
    let mut object = serde_json::Map::new();
    object.insert("alg".into(), Value::String(alg.name().into()));
    for (name, value) in given.as_object().ok_or(SignError::HeaderNotObject)? {
        if name != "alg" {
            object.insert(name.clone(), value.clone());
        }
    }
    let header = Value::Object(object);
    let signing_input = format!(
        "{}.{}",
        b64::encode(header.to_string().as_bytes()),
        b64::encode(payload.to_string().as_bytes())
    );
    Ok(Signed { token: sign_signing_input(alg, key, &signing_input)?, header })
}

/// What sign mode shows: the token (or why there is none), what the key is, and the key that
/// verifies the token for "Decode this token" (never the private key).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignOutcome {
    /// The signed token, or why there is none.
    pub token: Result<String, ErrorReport>,
    /// "RSA 2048-bit private key; signs RS256, …", or why the key cannot be used.
    pub key_status: Result<String, ErrorReport>,
    /// The key that verifies the token (text, kind).
    pub verify_key: Option<(String, KeyKind)>,
}

/// Signs header and payload JSON texts with key text, as sign mode does.
pub fn sign_texts(header: &str, payload: &str, alg: Alg, key_kind: KeyKind, key_text: &str) -> SignOutcome {
    let key = match SigningKey::parse(key_kind, key_text) {
        Ok(k) => k,
        Err(e) => {
            let e = SignError::Key(e);
            return SignOutcome { token: Err((&e).into()), key_status: Err((&e).into()), verify_key: None };
        }
    };
    let algs = key.algs().iter().map(|a| a.name()).collect::<Vec<_>>().join(", ");
    SignOutcome {
        token: sign_json(header, payload, alg, &key).map(|s| s.token).map_err(|e| (&e).into()),
        key_status: Ok(format!("{}; signs {algs}.", key.describe())),
        verify_key: key.verification_key(key_text, key_kind),
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn ed448_reproduces_rfc_8032_and_verifies() {
        // RFC 8032 §7.4, "-----Blank" (pyca/cryptography signs the same bytes).
        let secret = hex::decode(
            "6c82a562cb808d10d632be89c8513ebf6c929f34ddfa8c9f63c9960ef6e348a3528c8a3fcc2f044e39a3fc5b94492f8f032e7549a20098f95b",
        )
        .unwrap();
        let key =
            SigningKey::Ed448(Box::new(ed448_goldilocks::SigningKey::try_from(secret.as_slice()).unwrap()));
        let public = key.public_key();
        let crate::PublicKey::Ed448(ref x) = public else { panic!("{public:?}") };
        assert_eq!(
            hex::encode(&x[..]),
            "5fd7449b59b461fd2ce787ec616ad46a1da1342485a70e1f8a0ea75d80e96778edf124769b46c7061bd6783df1e50f6cd1fa1abeafe8256180"
        );
        let signature = sign_bytes(Alg::EdDSA, &key, b"").unwrap();
        assert_eq!(
            hex::encode(&signature),
            "533a37f6bbe457251f023c0d88f976ae2dfb504a843e34d2074fd823d41a591f2b233f034f628281f2fd7a22ddd47d7828c59bd0a21bfd3980ff0d2028d4b18a9df63e006c5d1c2d345b925d8dc00b4104852db99ac5c7cdda8530a113a0f4dbb61149f05a7363268c71d95808ff2e652600"
        );
        let verifier = crate::verify::Prepared::new(&public);
        assert!(verifier.verify(Alg::EdDSA, b"", &signature));
        assert!(!verifier.verify(Alg::EdDSA, b"x", &signature));
        let generated = crate::keygen::generate(crate::KeygenKind::Ed448).unwrap();
        let signed = sign_json(r#"{"typ":"JWT"}"#, r#"{"sub":"x"}"#, Alg::EdDSA, &generated.key).unwrap();
        for (kind, text) in [
            (crate::KeyKind::PemSpki, generated.public_pem.clone().unwrap()),
            (crate::KeyKind::Jwk, generated.public_jwk.clone().unwrap().to_string()),
        ] {
            let report = crate::analyse(&signed.token, &crate::parse_key(kind, &text));
            assert_eq!(report.verdict.signature_valid, Some(true), "{kind:?}");
        }
        let from_jwk = SigningKey::parse(crate::KeyKind::Jwk, &generated.private_jwk.to_string()).unwrap();
        assert_eq!(from_jwk.public_key(), generated.key.public_key());
        let from_pem =
            SigningKey::parse(crate::KeyKind::Auto, generated.private_pem.as_deref().unwrap()).unwrap();
        assert_eq!(from_pem.public_key(), generated.key.public_key());
    }

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
        use crate::error::SignErrorCode;
        let key = SigningKey::Secret(b"k".to_vec());
        let code = |r: Result<Signed, SignError>| r.map(|_| ()).unwrap_err().code();
        assert_eq!(code(sign_json("[]", "{}", Alg::HS256, &key)), SignErrorCode::HeaderNotObject);
        assert_eq!(code(sign_json("{", "{}", Alg::HS256, &key)), SignErrorCode::HeaderJson);
        assert_eq!(code(sign_json("{}", "{", Alg::HS256, &key)), SignErrorCode::PayloadJson);
        assert_eq!(code(sign_json("{}", "{}", Alg::RS256, &key)), SignErrorCode::KeyMismatch);
    }

    #[test]
    fn hmac_signatures_match_the_one_mac_path() {
        let key = SigningKey::Secret(b"Jefe".to_vec());
        let sig = sign_bytes(Alg::HS256, &key, b"what do ya want for nothing?").unwrap();
        assert_eq!(hex::encode(sig), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    #[test]
    fn verification_keys_never_carry_the_private_key() {
        let secret = SigningKey::parse(KeyKind::SecretHex, "00ff").unwrap();
        assert_eq!(
            secret.verification_key("00ff", KeyKind::SecretHex),
            Some(("00ff".into(), KeyKind::SecretHex))
        );
        let ed = crate::generate(crate::KeygenKind::Ed25519).unwrap();
        let (pem, kind) = ed.key.verification_key("ignored", KeyKind::Auto).unwrap();
        assert_eq!(kind, KeyKind::Auto);
        assert!(pem.starts_with("-----BEGIN PUBLIC KEY-----") && !pem.contains("PRIVATE"));
        assert_eq!(Some(pem), ed.public_pem);
        let parsed = crate::parse_key(KeyKind::PemSpki, ed.public_pem.as_ref().unwrap());
        assert!(
            matches!(parsed.material, Ok(crate::KeyMaterial::Public { ref key, .. }) if *key == ed.key.public_key())
        );
    }

    #[test]
    fn sign_mode_outcomes_say_what_the_key_is() {
        let out = sign_texts(
            "{}",
            r#"{"sub":"x"}"#,
            Alg::HS256,
            KeyKind::SecretUtf8,
            "a-string-secret-at-least-256-bits-long",
        );
        assert!(out.token.is_ok());
        assert_eq!(out.key_status.as_deref(), Ok("HMAC secret (38 bytes); signs HS256, HS384, HS512."));
        let out = sign_texts("{}", "{", Alg::HS256, KeyKind::SecretUtf8, "k");
        assert_eq!(out.token.map_err(|e| e.code), Err("payload_json".to_owned()));
        let out = sign_texts("{}", "{}", Alg::HS256, KeyKind::PemSpki, "-----BEGIN PUBLIC KEY-----");
        assert_eq!(out.key_status.map_err(|e| e.code), Err("key".to_owned()));
        assert_eq!(out.verify_key, None);
    }

    #[test]
    fn signing_keys_refuse_public_material() {
        assert_eq!(SigningKey::parse(KeyKind::PemSpki, "x").unwrap_err(), KeyError::NotPrivate);
        let public_jwk = r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#;
        assert_eq!(SigningKey::parse(KeyKind::Jwk, public_jwk).unwrap_err(), KeyError::NotPrivate);
    }
}
