//! Fresh keys for signing: HMAC secrets, RSA, EC P-256/384/521 and Ed25519, as PEM and JWK.
//! Randomness comes from the operating system (`getrandom`; the browser's crypto on wasm32).

use getrandom::SysRng;
use p256::elliptic_curve::Generate;
use p256::elliptic_curve::sec1::ToSec1Point;
use serde::Serialize;
use serde_json::{Value, json};

use super::alg::{Alg, Curve};
use super::b64;
use super::sign::SigningKey;

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
}

impl KeygenKind {
    /// The kinds offered, with their command-line names.
    pub const NAMED: [(&'static str, KeygenKind); 10] = [
        ("hs256", KeygenKind::Hmac(Alg::HS256)),
        ("hs384", KeygenKind::Hmac(Alg::HS384)),
        ("hs512", KeygenKind::Hmac(Alg::HS512)),
        ("rsa2048", KeygenKind::Rsa(2048)),
        ("rsa3072", KeygenKind::Rsa(3072)),
        ("rsa4096", KeygenKind::Rsa(4096)),
        ("p256", KeygenKind::Ec(Curve::P256)),
        ("p384", KeygenKind::Ec(Curve::P384)),
        ("p521", KeygenKind::Ec(Curve::P521)),
        ("ed25519", KeygenKind::Ed25519),
    ];

    /// The kind named `name` (see [`KeygenKind::NAMED`]).
    pub fn parse(name: &str) -> Option<Self> {
        Self::NAMED.iter().find(|(n, _)| *n == name).map(|(_, k)| *k)
    }

    /// The kind that suits `alg` (RSA keys are 2048 bits).
    pub fn for_alg(alg: Alg) -> Self {
        match alg.family() {
            super::alg::Family::Hmac => KeygenKind::Hmac(alg),
            super::alg::Family::Rsa => KeygenKind::Rsa(2048),
            super::alg::Family::Ecdsa(curve) => KeygenKind::Ec(curve),
            super::alg::Family::Ed25519 => KeygenKind::Ed25519,
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

/// Why no key came out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("key generation failed: {0}")]
pub struct KeygenError(String);

fn err(e: impl std::fmt::Display) -> KeygenError {
    KeygenError(e.to_string())
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
            getrandom::fill(&mut secret).map_err(err)?;
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
            SigningKey::Rsa(Box::new(rsa::PrivateKey::new(&mut rng(), bits).map_err(err)?))
        }
        KeygenKind::Ec(Curve::P256) => {
            SigningKey::P256(Generate::try_generate_from_rng(&mut SysRng).map_err(err)?)
        }
        KeygenKind::Ec(Curve::P384) => {
            SigningKey::P384(Generate::try_generate_from_rng(&mut SysRng).map_err(err)?)
        }
        KeygenKind::Ec(Curve::P521) => {
            SigningKey::P521(Generate::try_generate_from_rng(&mut SysRng).map_err(err)?)
        }
        KeygenKind::Ed25519 => SigningKey::Ed25519(Box::new(ed25519_dalek::SigningKey::generate(&mut rng()))),
    };
    describe(key)
}

/// PEM and JWK forms of an asymmetric signing key.
pub fn describe(key: SigningKey) -> Result<GeneratedKey, KeygenError> {
    use p256::pkcs8::{EncodePrivateKey, LineEnding};
    let lf = LineEnding::LF;
    let public_pem = key.public_pem().ok_or_else(|| KeygenError("no public key".into()))?;
    let (alg, private_pem, private_jwk, public_jwk) = match &key {
        SigningKey::Secret(_) => return Err(KeygenError("an HMAC secret has no PEM form".into())),
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
            let primes = k.primes();
            let extra = json!({
                "d": enc(&k.d().to_be_bytes_trimmed_vartime()),
                "p": enc(&primes[0].to_be_bytes_trimmed_vartime()),
                "q": enc(&primes[1].to_be_bytes_trimmed_vartime()),
            });
            merge(&mut private_jwk, extra);
            (Alg::RS256, k.to_pkcs8_pem(lf).map_err(err)?.to_string(), private_jwk, public_jwk)
        }
        SigningKey::P256(k) => ec_forms(
            Curve::P256,
            k.to_pkcs8_pem(lf).map_err(err)?.to_string(),
            k.public_key().to_sec1_point(false).as_bytes(),
            &k.to_bytes(),
        ),
        SigningKey::P384(k) => ec_forms(
            Curve::P384,
            k.to_pkcs8_pem(lf).map_err(err)?.to_string(),
            k.public_key().to_sec1_point(false).as_bytes(),
            &k.to_bytes(),
        ),
        SigningKey::P521(k) => ec_forms(
            Curve::P521,
            k.to_pkcs8_pem(lf).map_err(err)?.to_string(),
            k.public_key().to_sec1_point(false).as_bytes(),
            &k.to_bytes(),
        ),
        SigningKey::Ed25519(k) => {
            let x = b64::encode(k.verifying_key().as_bytes());
            let public_jwk = json!({"kty": "OKP", "crv": "Ed25519", "x": x});
            let mut private_jwk = public_jwk.clone();
            merge(&mut private_jwk, json!({"d": b64::encode(&k.to_bytes())}));
            (Alg::EdDSA, k.to_pkcs8_pem(lf).map_err(err)?.to_string(), private_jwk, public_jwk)
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
        "x": b64::encode(&point[1..1 + size]),
        "y": b64::encode(&point[1 + size..]),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jwt::keys::{KeyKind, KeyMaterial, parse_key};

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
