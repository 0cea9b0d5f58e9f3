//! Fresh keys for signing: HMAC secrets, RSA, EC P-256/384/521 and Ed25519, as PEM and JWK.
//! Randomness comes from the operating system (`getrandom`; the browser's crypto on wasm32).

use getrandom::SysRng;
use p256::elliptic_curve::Generate;
use p256::elliptic_curve::sec1::ToSec1Point;
use serde::Serialize;
use serde_json::{Value, json};

use crate::alg::{Alg, Curve, Family, MlDsa};
use crate::b64;
use crate::error::{Cause, KeygenError};
use crate::key::SigningKey;

/// What kind of key to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum KeygenKind {
    /// A random HMAC secret as long as the hash of `alg` (32, 48 or 64 bytes).
    Hmac(Alg),
    /// RSA with this many bits (2048, 3072 or 4096).
    Rsa(usize),
    /// EC on this curve.
    Ec(Curve),
    /// Ed25519.
    Ed25519,
    /// Ed448.
    Ed448,
    /// ML-DSA at one parameter set.
    MlDsa(MlDsa),
}

impl KeygenKind {
    /// The kinds offered, with their command-line names.
    pub const NAMED: [(&'static str, KeygenKind); 15] = [
        ("hs256", KeygenKind::Hmac(Alg::HS256)),
        ("hs384", KeygenKind::Hmac(Alg::HS384)),
        ("hs512", KeygenKind::Hmac(Alg::HS512)),
        ("rsa2048", KeygenKind::Rsa(2048)),
        ("rsa3072", KeygenKind::Rsa(3072)),
        ("rsa4096", KeygenKind::Rsa(4096)),
        ("p256", KeygenKind::Ec(Curve::P256)),
        ("p384", KeygenKind::Ec(Curve::P384)),
        ("p521", KeygenKind::Ec(Curve::P521)),
        ("secp256k1", KeygenKind::Ec(Curve::Secp256k1)),
        ("ed25519", KeygenKind::Ed25519),
        ("ed448", KeygenKind::Ed448),
        ("ml-dsa-44", KeygenKind::MlDsa(MlDsa::L44)),
        ("ml-dsa-65", KeygenKind::MlDsa(MlDsa::L65)),
        ("ml-dsa-87", KeygenKind::MlDsa(MlDsa::L87)),
    ];

    /// The kind named `name` (see [`KeygenKind::NAMED`]).
    pub fn parse(name: &str) -> Option<Self> {
        Self::NAMED.iter().find(|(n, _)| *n == name).map(|(_, k)| *k)
    }

    /// Its command-line name ("p256", "ed448", …); `None` for an RSA size that is not offered.
    pub fn name(self) -> Option<&'static str> {
        Self::NAMED.iter().find(|(_, k)| *k == self).map(|(n, _)| *n)
    }

    /// The kinds that suit `alg`: [`KeygenKind::for_alg`] first; EdDSA also offers Ed448.
    pub fn choices_for(alg: Alg) -> Vec<Self> {
        let first = Self::for_alg(alg);
        if first == KeygenKind::Ed25519 { vec![first, KeygenKind::Ed448] } else { vec![first] }
    }

    /// The kind that suits `alg` (RSA keys are 2048 bits).
    pub fn for_alg(alg: Alg) -> Self {
        match alg.family() {
            Family::Hmac => KeygenKind::Hmac(alg),
            Family::Rsa => KeygenKind::Rsa(2048),
            Family::Ecdsa(curve) => KeygenKind::Ec(curve),
            Family::EdDsa => KeygenKind::Ed25519,
            Family::MlDsa(level) => KeygenKind::MlDsa(level),
        }
    }
}

/// A generated key in the forms people paste.
#[derive(Debug, Clone, Serialize)]
pub struct GeneratedKey {
    /// The algorithm it is meant for.
    pub alg: Alg,
    /// HMAC only: the secret, base64url (choose "secret (base64)" to use it).
    pub secret_base64url: Option<String>,
    /// Private key, PKCS#8 PEM (asymmetric keys).
    pub private_pem: Option<String>,
    /// Public key, SPKI PEM (asymmetric keys).
    pub public_pem: Option<String>,
    /// Private JWK (for HMAC, the `oct` key).
    pub private_jwk: Value,
    /// Public JWK (asymmetric keys).
    pub public_jwk: Option<Value>,
    /// The key itself, for signing right away.
    #[serde(skip)]
    pub key: SigningKey,
}

fn generate_err(e: impl std::error::Error + Send + Sync + 'static) -> KeygenError {
    KeygenError::Generate(Cause::new(e))
}

fn encode_err(e: impl std::error::Error + Send + Sync + 'static) -> KeygenError {
    KeygenError::Encode(Cause::new(e))
}

fn rng() -> rand_core::UnwrapErr<SysRng> {
    rand_core::UnwrapErr(SysRng)
}

/// Makes a fresh key of `kind`.
pub fn generate(kind: KeygenKind) -> Result<GeneratedKey, KeygenError> {
    let key = match kind {
        KeygenKind::Hmac(alg) => {
            let len = alg.hash().map_or(32, |h| h.output_bytes());
            let mut secret = vec![0u8; len];
            getrandom::fill(&mut secret).map_err(|e| KeygenError::Random(Cause::new(e)))?;
            let k = b64::encode(&secret);
            return Ok(GeneratedKey {
                alg,
                secret_base64url: Some(k.clone()),
                private_pem: None,
                public_pem: None,
                private_jwk: json!({"kty": "oct", "k": k, "alg": alg.name()}),
                public_jwk: None,
                key: SigningKey::Secret(secret),
            });
        }
        KeygenKind::Rsa(bits) => {
            SigningKey::Rsa(Box::new(rsa::PrivateKey::new(&mut rng(), bits).map_err(generate_err)?))
        }
        KeygenKind::Ec(Curve::P256) => SigningKey::P256(
            Generate::try_generate_from_rng(&mut SysRng).map_err(|e| KeygenError::Random(Cause::new(e)))?,
        ),
        KeygenKind::Ec(Curve::P384) => SigningKey::P384(
            Generate::try_generate_from_rng(&mut SysRng).map_err(|e| KeygenError::Random(Cause::new(e)))?,
        ),
        KeygenKind::Ec(Curve::P521) => SigningKey::P521(
            Generate::try_generate_from_rng(&mut SysRng).map_err(|e| KeygenError::Random(Cause::new(e)))?,
        ),
        KeygenKind::Ec(Curve::Secp256k1) => SigningKey::K256(
            Generate::try_generate_from_rng(&mut SysRng).map_err(|e| KeygenError::Random(Cause::new(e)))?,
        ),
        KeygenKind::Ed25519 => SigningKey::Ed25519(Box::new(ed25519_dalek::SigningKey::generate(&mut rng()))),
        KeygenKind::Ed448 => SigningKey::Ed448(Box::new(
            Generate::try_generate_from_rng(&mut SysRng).map_err(|e| KeygenError::Random(Cause::new(e)))?,
        )),
        KeygenKind::MlDsa(level) => {
            let mut seed = [0u8; 32];
            getrandom::fill(&mut seed).map_err(|e| KeygenError::Random(Cause::new(e)))?;
            SigningKey::MlDsa { level, seed: Box::new(seed) }
        }
    };
    describe(key)
}

/// An HMAC secret has no PEM form.
#[derive(Debug, thiserror::Error)]
#[error("an HMAC secret has no PEM form")]
struct NoPem;

/// PEM and JWK forms of an asymmetric signing key.
pub fn describe(key: SigningKey) -> Result<GeneratedKey, KeygenError> {
    use p256::pkcs8::{EncodePrivateKey, LineEnding};
    let lf = LineEnding::LF;
    let public_pem = key.public_pem().ok_or(KeygenError::Encode(Cause::new(NoPem)))?;
    let (alg, private_pem, private_jwk, public_jwk) = match &key {
        SigningKey::Secret(_) => return Err(KeygenError::Encode(Cause::new(NoPem))),
        SigningKey::Rsa(k) => {
            use rsa::traits::{PrivateKeyParts, PublicKeyParts};
            let public = k.to_public_key();
            let enc = |b: &[u8]| b64::encode(b);
            let public_jwk = json!({
                "kty": "RSA",
                "n": enc(&public.n_bytes()),
                "e": enc(&public.e_bytes()),
            });
            let mut private_jwk = public_jwk.clone();
            let prime = |i: usize| k.primes().get(i).map(|p| enc(&p.to_be_bytes_trimmed_vartime()));
            let extra = json!({
                "d": enc(&k.d().to_be_bytes_trimmed_vartime()),
                "p": prime(0),
                "q": prime(1),
            });
            merge(&mut private_jwk, extra);
            (Alg::RS256, k.to_pkcs8_pem(lf).map_err(encode_err)?.to_string(), private_jwk, public_jwk)
        }
        SigningKey::P256(k) => ec_forms(
            Curve::P256,
            k.to_pkcs8_pem(lf).map_err(encode_err)?.to_string(),
            k.public_key().to_sec1_point(false).as_bytes(),
            &k.to_bytes(),
        ),
        SigningKey::P384(k) => ec_forms(
            Curve::P384,
            k.to_pkcs8_pem(lf).map_err(encode_err)?.to_string(),
            k.public_key().to_sec1_point(false).as_bytes(),
            &k.to_bytes(),
        ),
        SigningKey::P521(k) => ec_forms(
            Curve::P521,
            k.to_pkcs8_pem(lf).map_err(encode_err)?.to_string(),
            k.public_key().to_sec1_point(false).as_bytes(),
            &k.to_bytes(),
        ),
        SigningKey::K256(k) => ec_forms(
            Curve::Secp256k1,
            k.to_pkcs8_pem(lf).map_err(encode_err)?.to_string(),
            k.public_key().to_sec1_point(false).as_bytes(),
            &k.to_bytes(),
        ),
        SigningKey::Ed25519(k) => {
            let x = b64::encode(k.verifying_key().as_bytes());
            let public_jwk = json!({"kty": "OKP", "crv": "Ed25519", "x": x});
            let mut private_jwk = public_jwk.clone();
            merge(&mut private_jwk, json!({"d": b64::encode(&k.to_bytes())}));
            (Alg::EdDSA, k.to_pkcs8_pem(lf).map_err(encode_err)?.to_string(), private_jwk, public_jwk)
        }
        SigningKey::MlDsa { level, seed } => {
            let public_jwk = json!({
                "kty": "AKP",
                "alg": level.name(),
                "pub": b64::encode(&crate::mldsa::public_from_seed(*level, seed)),
            });
            let mut private_jwk = public_jwk.clone();
            merge(&mut private_jwk, json!({"priv": b64::encode(&seed[..])}));
            let pem =
                crate::mldsa::private_pem(*level, seed).ok_or(KeygenError::Encode(Cause::new(NoPem)))?;
            (level.alg(), pem, private_jwk, public_jwk)
        }
        SigningKey::Ed448(k) => {
            let x = b64::encode(&k.verifying_key().to_bytes());
            let public_jwk = json!({"kty": "OKP", "crv": "Ed448", "x": x});
            let mut private_jwk = public_jwk.clone();
            merge(&mut private_jwk, json!({"d": b64::encode(k.to_bytes().as_slice())}));
            (Alg::EdDSA, k.to_pkcs8_pem(lf).map_err(encode_err)?.to_string(), private_jwk, public_jwk)
        }
    };
    Ok(GeneratedKey {
        alg,
        secret_base64url: None,
        private_pem: Some(private_pem),
        public_pem: Some(public_pem),
        private_jwk,
        public_jwk: Some(public_jwk),
        key,
    })
}

fn ec_forms(curve: Curve, private_pem: String, point: &[u8], d: &[u8]) -> (Alg, String, Value, Value) {
    let size = curve.field_bytes();
    let public_jwk = json!({
        "kty": "EC",
        "crv": curve.name(),
        "x": b64::encode(point.get(1..1 + size).unwrap_or_default()),
        "y": b64::encode(point.get(1 + size..).unwrap_or_default()),
    });
    let mut private_jwk = public_jwk.clone();
    merge(&mut private_jwk, json!({"d": b64::encode(d)}));
    (curve.alg(), private_pem, private_jwk, public_jwk)
}

fn merge(into: &mut Value, extra: Value) {
    if let (Some(into), Value::Object(extra)) = (into.as_object_mut(), extra) {
        into.extend(extra);
    }
}

/// A fresh signing key of `kind`, as text for sign mode's key box and the kind to read it as:
/// an HMAC secret as base64url, any other key as PKCS#8 PEM.
pub fn generate_text(kind: KeygenKind) -> Result<(String, crate::keys::KeyKind), KeygenError> {
    use crate::keys::KeyKind;
    let generated = generate(kind)?;
    match (generated.secret_base64url, generated.private_pem) {
        (Some(secret), _) => Ok((secret, KeyKind::SecretBase64)),
        (None, Some(private)) => Ok((private, KeyKind::Auto)),
        (None, None) => Err(KeygenError::Encode(Cause::new(NoPem))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use crate::keys::{KeyKind, KeyMaterial, parse_key};

    #[test]
    fn kinds_have_names_and_eddsa_offers_both_curves() {
        for (name, kind) in KeygenKind::NAMED {
            assert_eq!(kind.name(), Some(name));
        }
        assert_eq!(KeygenKind::Rsa(1024).name(), None);
        assert_eq!(KeygenKind::choices_for(Alg::EdDSA), [KeygenKind::Ed25519, KeygenKind::Ed448]);
        assert_eq!(KeygenKind::choices_for(Alg::ES256K), [KeygenKind::Ec(Curve::Secp256k1)]);
        for alg in Alg::ALL {
            assert!(KeygenKind::choices_for(alg).iter().all(|k| k.name().is_some()), "{alg}");
        }
    }

    #[test]
    fn every_kind_round_trips_through_its_pem_and_jwk_forms() {
        for (name, kind) in KeygenKind::NAMED {
            if kind == KeygenKind::Rsa(3072) || kind == KeygenKind::Rsa(4096) {
                continue; // slow in debug builds; 2048 covers the code
            }
            let generated = generate(kind).unwrap_or_else(|e| panic!("{name}: {e}"));
            let signer_public = generated.key.public_key();
            if let Some(pem) = &generated.public_pem {
                let parsed = parse_key(KeyKind::PemSpki, pem);
                assert!(
                    matches!(parsed.material, Ok(KeyMaterial::Public { ref key, .. }) if *key == signer_public),
                    "{name}"
                );
                let private =
                    SigningKey::parse(KeyKind::Auto, generated.private_pem.as_ref().unwrap()).unwrap();
                assert_eq!(private.public_key(), signer_public, "{name}");
                let jwk = generated.public_jwk.as_ref().unwrap().to_string();
                let parsed = parse_key(KeyKind::Jwk, &jwk);
                assert!(
                    matches!(parsed.material, Ok(KeyMaterial::Public { ref key, .. }) if *key == signer_public),
                    "{name}"
                );
            }
            let from_jwk = SigningKey::parse(KeyKind::Jwk, &generated.private_jwk.to_string()).unwrap();
            assert_eq!(from_jwk.public_key(), signer_public, "{name}");
            assert!(generated.key.fits(generated.alg), "{name}");
        }
    }

    #[test]
    fn hmac_secrets_have_the_hash_length_and_differ() {
        let a = generate(KeygenKind::Hmac(Alg::HS384)).unwrap();
        let b = generate(KeygenKind::Hmac(Alg::HS384)).unwrap();
        let len = |g: &GeneratedKey| match &g.key {
            SigningKey::Secret(s) => s.len(),
            _ => 0,
        };
        assert_eq!(len(&a), 48);
        assert_ne!(a.secret_base64url, b.secret_base64url);
    }
}
