//! Key formats: PEM (SubjectPublicKeyInfo, X.509, PKCS#1, PKCS#8, SEC1) and JWK, read into the
//! key types of [`crate::key`]. Used for verification keys ([`crate::keys`]) and signing keys
//! ([`crate::sign`]) alike.

use der::Decode;
use serde_json::Value;

use crate::alg::{Curve, MlDsa};
use crate::b64::{self, Alphabet};
use crate::error::{Cause, KeyError};
use crate::key::{PublicKey, SigningKey, rsa_public, strip_zeros};
use crate::oid;

/// The first PEM block in `text` (text before and after it is ignored, as `openssl` output
/// has "Bag Attributes" and the like before its blocks).
pub fn first_pem_block(text: &str) -> Result<pem::Pem, KeyError> {
    let start = text.find("-----BEGIN ").unwrap_or(0);
    let rest = text.get(start..).unwrap_or(text);
    pem::parse(rest.trim()).map_err(|e| KeyError::Pem(Cause::new(e)))
}

/// The label of the first PEM block in `text` ("PUBLIC KEY", "CERTIFICATE", …), if there is
/// one anywhere in it.
pub fn pem_label(text: &str) -> Option<&str> {
    let start = text.find("-----BEGIN ")?;
    let rest = text.get(start + "-----BEGIN ".len()..)?;
    rest.split_once("-----").map(|(label, _)| label).filter(|l| !l.contains('\n'))
}

/// The DER inside the first PEM block, which must carry one of `labels`.
pub fn pem_contents(text: &str, labels: &[&str], expected: &'static str) -> Result<Vec<u8>, KeyError> {
    let block = first_pem_block(text)?;
    if !labels.contains(&block.tag()) {
        return Err(KeyError::PemLabel { found: block.tag().to_owned(), expected });
    }
    Ok(block.into_contents())
}

/// Reads a DER SubjectPublicKeyInfo: RSA, EC P-256/384/521 or Ed25519; other well-formed
/// keys become [`PublicKey::Other`].
pub fn from_spki(der: &[u8]) -> Result<PublicKey, KeyError> {
    let spki =
        spki::SubjectPublicKeyInfoRef::from_der(der).map_err(|e| KeyError::der("SubjectPublicKeyInfo", e))?;
    let algorithm = spki.algorithm.oid;
    let bits = spki
        .subject_public_key
        .as_bytes()
        .ok_or(KeyError::Invalid { what: "public", detail: "the key bits are not whole bytes".to_owned() })?;
    if algorithm == oid::RSA {
        use rsa::pkcs1::DecodeRsaPublicKey;
        let key = rsa::PublicKey::from_pkcs1_der(bits).map_err(|e| KeyError::der("RSA public key", e))?;
        Ok(rsa_public(&key))
    } else if algorithm == oid::EC {
        let curve_oid = spki.algorithm.parameters_oid().map_err(|e| KeyError::der("EC parameters", e))?;
        let curve = match curve_oid {
            oid::P256 => Curve::P256,
            oid::P384 => Curve::P384,
            oid::P521 => Curve::P521,
            oid::SECP256K1 => Curve::Secp256k1,
            other => return Ok(PublicKey::Other(format!("EC {} public key", oid::name(&other)))),
        };
        ec_public(curve, bits)
    } else if algorithm == oid::ED25519 {
        ed25519_public(bits)
    } else if algorithm == oid::ED448 {
        ed448_public(bits)
    } else if let Some(level) = oid::ml_dsa(&algorithm) {
        ml_dsa_public(level, bits)
    } else {
        Ok(PublicKey::Other(format!("{} public key", oid::name(&algorithm))))
    }
}

/// The public key of a DER X.509 certificate (its dates and chain are not JWT checks).
pub fn from_certificate(der: &[u8]) -> Result<PublicKey, KeyError> {
    use der::Encode;
    let cert = x509_cert::Certificate::from_der(der).map_err(|e| KeyError::der("certificate", e))?;
    let spki = cert
        .tbs_certificate()
        .subject_public_key_info()
        .to_der()
        .map_err(|e| KeyError::der("certificate's public key", e))?;
    from_spki(&spki)
}

/// A PKCS#1 `RSA PUBLIC KEY`.
pub fn from_pkcs1(der: &[u8]) -> Result<PublicKey, KeyError> {
    use rsa::pkcs1::DecodeRsaPublicKey;
    let key = rsa::PublicKey::from_pkcs1_der(der).map_err(|e| KeyError::der("RSA public key", e))?;
    Ok(rsa_public(&key))
}

/// Checks that `point` (SEC1) lies on `curve`.
pub fn ec_public(curve: Curve, point: &[u8]) -> Result<PublicKey, KeyError> {
    let ok = match curve {
        Curve::P256 => p256::PublicKey::from_sec1_bytes(point).is_ok(),
        Curve::P384 => p384::PublicKey::from_sec1_bytes(point).is_ok(),
        Curve::P521 => p521::PublicKey::from_sec1_bytes(point).is_ok(),
        Curve::Secp256k1 => k256::PublicKey::from_sec1_bytes(point).is_ok(),
    };
    if ok {
        Ok(PublicKey::Ec { curve, point: point.to_vec() })
    } else {
        Err(KeyError::Invalid { what: curve.name(), detail: "the point is not on the curve".to_owned() })
    }
}

/// An ML-DSA public key: exactly the parameter set's length (FIPS 204 Table 2).
pub fn ml_dsa_public(level: MlDsa, bytes: &[u8]) -> Result<PublicKey, KeyError> {
    if bytes.len() != level.public_key_bytes() {
        return Err(KeyError::Invalid {
            what: "ML-DSA",
            detail: format!(
                "{} public keys are {} bytes, not {}",
                level.name(),
                level.public_key_bytes(),
                bytes.len()
            ),
        });
    }
    Ok(PublicKey::MlDsa { level, bytes: bytes.to_vec() })
}

/// The parameter set an AKP JWK's `alg` names (RFC 9964: an AKP key is bound to its algorithm).
fn akp_level(jwk: &Value) -> Result<Option<MlDsa>, KeyError> {
    let alg = jwk
        .get("alg")
        .and_then(Value::as_str)
        .ok_or_else(|| KeyError::Jwk("an AKP JWK needs \"alg\"".into()))?;
    Ok(MlDsa::ALL.into_iter().find(|l| l.name() == alg))
}

/// An Ed448 public key (RFC 8037): 57 bytes, a valid point that is not of small order (as for
/// Ed25519: a small-order key makes forged signatures verify).
pub fn ed448_public(bytes: &[u8]) -> Result<PublicKey, KeyError> {
    use ed448_goldilocks::elliptic_curve::group::cofactor::CofactorGroup;
    let bytes: [u8; 57] = bytes.try_into().map_err(|_| KeyError::Invalid {
        what: "Ed448",
        detail: format!("{} bytes, expected 57", bytes.len()),
    })?;
    let key = ed448_goldilocks::VerifyingKey::from_bytes(&bytes)
        .map_err(|_| KeyError::Invalid { what: "Ed448", detail: "not a valid curve point".to_owned() })?;
    if bool::from(key.to_edwards().is_small_order()) {
        return Err(KeyError::WeakKey(
            "this Ed448 public key has small order: signatures forged without the private key would verify",
        ));
    }
    Ok(PublicKey::Ed448(Box::new(bytes)))
}

/// An Ed25519 public key: a valid point that is not of small order (a small-order key makes
/// forged signatures verify for any message).
pub fn ed25519_public(bytes: &[u8]) -> Result<PublicKey, KeyError> {
    let bytes: [u8; 32] = bytes.try_into().map_err(|_| KeyError::Invalid {
        what: "Ed25519",
        detail: format!("{} bytes, expected 32", bytes.len()),
    })?;
    let key = ed25519_dalek::VerifyingKey::from_bytes(&bytes)
        .map_err(|_| KeyError::Invalid { what: "Ed25519", detail: "not a valid curve point".to_owned() })?;
    if key.is_weak() {
        return Err(KeyError::WeakKey(
            "this Ed25519 public key has small order: signatures forged without the private key would verify",
        ));
    }
    Ok(PublicKey::Ed25519(bytes))
}

/// Decodes a base64url JWK member (padding tolerated).
pub fn jwk_bytes(jwk: &Value, member: &str) -> Result<Vec<u8>, KeyError> {
    let text = jwk
        .get(member)
        .and_then(Value::as_str)
        .ok_or_else(|| KeyError::Jwk(format!("missing string member \"{member}\"")))?;
    b64::decode_lenient_in(text, Alphabet::UrlSafe)
        .ok_or_else(|| KeyError::Jwk(format!("\"{member}\" is not base64url")))
}

/// Parses JWK text into a JSON value.
pub fn jwk_json(text: &str) -> Result<Value, KeyError> {
    serde_json::from_str(text.trim()).map_err(|e| KeyError::JwkJson(Cause::new(e)))
}

/// The public key of a JWK (private members are ignored).
pub fn jwk_public(jwk: &Value) -> Result<PublicKey, KeyError> {
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
            "Ed448" => ed448_public(&jwk_bytes(jwk, "x")?),
            other => Ok(PublicKey::Other(format!("OKP {other} public key"))),
        },
        "oct" => Ok(PublicKey::Oct(jwk_bytes(jwk, "k")?)),
        // RFC 9964: "Algorithm Key Pair", its `alg` names the algorithm, `pub` the public key.
        "AKP" => match akp_level(jwk)? {
            Some(level) => ml_dsa_public(level, &jwk_bytes(jwk, "pub")?),
            None => Ok(PublicKey::Other(format!(
                "AKP {} public key",
                jwk.get("alg").and_then(Value::as_str).unwrap_or_default()
            ))),
        },
        other => Ok(PublicKey::Other(format!("JWK of key type \"{other}\""))),
    }
}

/// Reads a private-key PEM: PKCS#8 `PRIVATE KEY` (RSA, EC, Ed25519), PKCS#1
/// `RSA PRIVATE KEY` or SEC1 `EC PRIVATE KEY`.
pub fn signing_key_from_pem(text: &str) -> Result<SigningKey, KeyError> {
    let block = first_pem_block(text)?;
    let der = block.contents();
    match block.tag() {
        "PRIVATE KEY" => signing_key_from_pkcs8(der),
        "RSA PRIVATE KEY" => {
            use rsa::pkcs1::DecodeRsaPrivateKey;
            let key =
                rsa::PrivateKey::from_pkcs1_der(der).map_err(|e| KeyError::der("RSA private key", e))?;
            Ok(SigningKey::Rsa(Box::new(key)))
        }
        "EC PRIVATE KEY" => p256::SecretKey::from_sec1_der(der)
            .map(SigningKey::P256)
            .or_else(|_| p384::SecretKey::from_sec1_der(der).map(SigningKey::P384))
            .or_else(|_| p521::SecretKey::from_sec1_der(der).map(SigningKey::P521))
            .or_else(|_| k256::SecretKey::from_sec1_der(der).map(SigningKey::K256))
            .map_err(|e| KeyError::der("P-256, P-384, P-521 or secp256k1 EC private key", e)),
        "PUBLIC KEY" | "RSA PUBLIC KEY" | "CERTIFICATE" => Err(KeyError::NotPrivate),
        other => Err(KeyError::Unsupported(format!("PEM block \"{other}\""))),
    }
}

fn signing_key_from_pkcs8(der: &[u8]) -> Result<SigningKey, KeyError> {
    use p256::pkcs8::DecodePrivateKey;
    let info = p256::pkcs8::PrivateKeyInfoRef::from_der(der).map_err(|e| KeyError::der("PKCS#8 key", e))?;
    let algorithm = info.algorithm.oid;
    let pkcs8 = |e| KeyError::der("PKCS#8 private key", e);
    if algorithm == oid::RSA {
        Ok(SigningKey::Rsa(Box::new(rsa::PrivateKey::from_pkcs8_der(der).map_err(pkcs8)?)))
    } else if algorithm == oid::EC {
        let curve = info.algorithm.parameters_oid().map_err(|e| KeyError::der("EC parameters", e))?;
        match curve {
            oid::P256 => p256::SecretKey::from_pkcs8_der(der).map(SigningKey::P256).map_err(pkcs8),
            oid::P384 => p384::SecretKey::from_pkcs8_der(der).map(SigningKey::P384).map_err(pkcs8),
            oid::P521 => p521::SecretKey::from_pkcs8_der(der).map(SigningKey::P521).map_err(pkcs8),
            oid::SECP256K1 => k256::SecretKey::from_pkcs8_der(der).map(SigningKey::K256).map_err(pkcs8),
            other => Err(KeyError::Unsupported(format!("EC curve {}", oid::name(&other)))),
        }
    } else if algorithm == oid::ED25519 {
        ed25519_dalek::SigningKey::from_pkcs8_der(der)
            .map(|k| SigningKey::Ed25519(Box::new(k)))
            .map_err(pkcs8)
    } else if algorithm == oid::ED448 {
        ed448_goldilocks::SigningKey::try_from(info).map(|k| SigningKey::Ed448(Box::new(k))).map_err(pkcs8)
    } else if let Some(level) = oid::ml_dsa(&algorithm) {
        let seed = crate::mldsa::from_pkcs8(level, info).ok_or_else(|| KeyError::Invalid {
            what: "ML-DSA",
            detail: "only the seed form of an ML-DSA private key (RFC 9881) is read".to_owned(),
        })?;
        Ok(SigningKey::MlDsa { level, seed: Box::new(seed) })
    } else {
        Err(KeyError::Unsupported(format!("{} private key", oid::name(&algorithm))))
    }
}

/// Reads a private JWK (`oct` with `k`; `RSA`, `EC`, `OKP` with `d`), checking that its private
/// part matches its public part.
pub fn signing_key_from_jwk(jwk: &Value) -> Result<SigningKey, KeyError> {
    let public = jwk_public(jwk)?;
    if let PublicKey::Oct(k) = public {
        return Ok(SigningKey::Secret(k));
    }
    if let PublicKey::MlDsa { level, .. } = public {
        // RFC 9964: `priv` is the 32-byte seed.
        if jwk.get("priv").is_none() {
            return Err(KeyError::NotPrivate);
        }
        let seed: [u8; 32] = jwk_bytes(jwk, "priv")?.as_slice().try_into().map_err(|_| {
            KeyError::Invalid { what: "ML-DSA", detail: "\"priv\" must be the 32-byte seed".to_owned() }
        })?;
        let key = SigningKey::MlDsa { level, seed: Box::new(seed) };
        if key.public_key() != public {
            return Err(KeyError::Jwk("the private part does not match the public part".into()));
        }
        return Ok(key);
    }
    if jwk.get("d").is_none() {
        return Err(KeyError::NotPrivate);
    }
    let d = jwk_bytes(jwk, "d")?;
    let key = match &public {
        PublicKey::Rsa { n, e } => {
            let uint = |b: &[u8]| rsa::BoxedUint::from_be_slice_vartime(b);
            let primes = match (jwk_bytes(jwk, "p"), jwk_bytes(jwk, "q")) {
                (Ok(p), Ok(q)) => vec![uint(&p), uint(&q)],
                _ => Vec::new(),
            };
            let key = rsa::PrivateKey::from_components(uint(n), uint(e), uint(&d), primes)
                .map_err(|e| KeyError::Invalid { what: "RSA", detail: e.to_string() })?;
            SigningKey::Rsa(Box::new(key))
        }
        PublicKey::Ec { curve, .. } => {
            let invalid = |_| KeyError::Invalid { what: curve.name(), detail: "bad private scalar d".into() };
            match curve {
                Curve::P256 => SigningKey::P256(p256::SecretKey::from_slice(&d).map_err(invalid)?),
                Curve::P384 => SigningKey::P384(p384::SecretKey::from_slice(&d).map_err(invalid)?),
                Curve::P521 => SigningKey::P521(p521::SecretKey::from_slice(&d).map_err(invalid)?),
                Curve::Secp256k1 => SigningKey::K256(k256::SecretKey::from_slice(&d).map_err(invalid)?),
            }
        }
        PublicKey::Ed25519(_) => {
            let seed: [u8; 32] = d.as_slice().try_into().map_err(|_| KeyError::Invalid {
                what: "Ed25519",
                detail: format!("d is {} bytes, expected 32", d.len()),
            })?;
            SigningKey::Ed25519(Box::new(ed25519_dalek::SigningKey::from_bytes(&seed)))
        }
        PublicKey::Ed448(_) => {
            let key = ed448_goldilocks::SigningKey::try_from(d.as_slice()).map_err(|_| {
                KeyError::Invalid { what: "Ed448", detail: format!("d is {} bytes, expected 57", d.len()) }
            })?;
            SigningKey::Ed448(Box::new(key))
        }
        PublicKey::Oct(_) | PublicKey::Other(_) | PublicKey::MlDsa { .. } => {
            return Err(KeyError::Unsupported(public.describe()));
        }
    };
    if key.public_key() != public {
        return Err(KeyError::Jwk("the private part does not match the public part".into()));
    }
    Ok(key)
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn bad_new_algorithm_keys_say_what_is_wrong() {
        use serde_json::json;
        let message = |jwk: Value| jwk_public(&jwk).map(|k| k.describe()).unwrap_or_else(|e| e.to_string());
        // AKP (ML-DSA, RFC 9964): the algorithm is part of the key.
        assert!(message(json!({"kty": "AKP", "pub": "AAAA"})).contains("an AKP JWK needs \"alg\""));
        let short = message(json!({"kty": "AKP", "alg": "ML-DSA-44", "pub": "AAAA"}));
        assert!(short.contains("ML-DSA-44 public keys are 1312 bytes, not 3"), "{short}");
        assert_eq!(
            message(json!({"kty": "AKP", "alg": "SLH-DSA", "pub": "AAAA"})),
            "AKP SLH-DSA public key (not usable for JWS here)"
        );
        // Ed448 and secp256k1 keys of the wrong size or off the curve.
        assert!(message(json!({"kty": "OKP", "crv": "Ed448", "x": "AAAA"})).contains("3 bytes, expected 57"));
        let k1 = message(
            json!({"kty": "EC", "crv": "secp256k1", "x": b64::encode(&[1; 32]), "y": b64::encode(&[1; 32])}),
        );
        assert!(k1.contains("not on the curve"), "{k1}");
        // A private AKP JWK whose seed is not 32 bytes.
        let generated = crate::keygen::generate(crate::KeygenKind::MlDsa(MlDsa::L44)).unwrap();
        let mut private = generated.private_jwk.clone();
        private["priv"] = json!("AAAA");
        let err = signing_key_from_jwk(&private).map(|_| ()).unwrap_err().to_string();
        assert!(err.contains("\"priv\" must be the 32-byte seed"), "{err}");
    }

    #[test]
    fn pem_blocks_are_found_after_a_preamble() {
        let text = "Bag Attributes\n    localKeyID: 01\nsubject=CN = x\n-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
        assert_eq!(pem_label(text), Some("CERTIFICATE"));
        assert_eq!(first_pem_block(text).map(|b| b.tag().to_owned()).ok().as_deref(), Some("CERTIFICATE"));
        assert_eq!(pem_label("no block here"), None);
        assert_eq!(pem_label("-----BEGIN broken\nlabel-----"), None);
    }

    #[test]
    fn small_order_ed25519_keys_are_refused() {
        // The identity point: with it, R = identity and S = 0 "verify" any message.
        let mut identity = [0u8; 32];
        identity[0] = 1;
        assert!(matches!(ed25519_public(&identity), Err(KeyError::WeakKey(_))));
        let jwk = serde_json::json!({"kty": "OKP", "crv": "Ed25519", "x": "AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"});
        assert!(matches!(jwk_public(&jwk), Err(KeyError::WeakKey(_))));
        let good = serde_json::json!({"kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"});
        assert!(matches!(jwk_public(&good), Ok(PublicKey::Ed25519(_))));
    }

    #[test]
    fn jwk_errors_are_specific() {
        let err = |v: Value| jwk_public(&v).map(|_| ()).unwrap_err().to_string();
        assert!(err(serde_json::json!({"kty": "RSA", "n": "AQAB"})).contains("\"e\""));
        assert!(err(serde_json::json!({"n": "AQAB"})).contains("kty"));
        assert!(
            err(serde_json::json!({"kty": "EC", "crv": "P-256", "x": "AA", "y": "AA"})).contains("32 bytes")
        );
        let other = |v: Value| match jwk_public(&v) {
            Ok(PublicKey::Other(what)) => what,
            other => format!("{other:?}"),
        };
        assert!(
            other(serde_json::json!({"kty": "EC", "crv": "secp256k1", "x": "AA", "y": "AA"}))
                .contains("secp256k1")
        );
        assert!(other(serde_json::json!({"kty": "OKP", "crv": "Ed448", "x": "AA"})).contains("Ed448"));
        assert!(other(serde_json::json!({"kty": "RSA-X"})).contains("RSA-X"));
        assert!(matches!(jwk_json("{"), Err(KeyError::JwkJson(_))));
    }

    #[test]
    fn signing_keys_refuse_public_material() {
        let public_jwk = serde_json::json!({"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"});
        assert_eq!(signing_key_from_jwk(&public_jwk).map(|_| ()), Err(KeyError::NotPrivate));
        let cert = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
        assert_eq!(signing_key_from_pem(cert).map(|_| ()), Err(KeyError::NotPrivate));
    }
}
