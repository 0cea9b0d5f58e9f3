//! The key types: a [`PublicKey`] verifies, a [`SigningKey`] signs. Reading them from text is
//! [`crate::formats`]'s job; this module only knows what a key is and what it fits.

use p256::elliptic_curve::sec1::ToSec1Point;

use crate::alg::{Alg, Curve, Family, MlDsa};

/// A public key (or a symmetric JWK) ready for verification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublicKey {
    /// RSA modulus and exponent, big-endian.
    Rsa { n: Vec<u8>, e: Vec<u8> },
    /// An EC point in SEC1 encoding, checked to lie on `curve`.
    Ec { curve: Curve, point: Vec<u8> },
    /// An Ed25519 public key (not of small order).
    Ed25519([u8; 32]),
    /// An Ed448 public key (RFC 8037), 57 bytes, a valid point.
    Ed448(Box<[u8; 57]>),
    /// An ML-DSA public key (FIPS 204), of its parameter set's exact length.
    MlDsa { level: MlDsa, bytes: Vec<u8> },
    /// A symmetric key from an `oct` JWK.
    Oct(Vec<u8>),
    /// A well-formed key of a type no supported algorithm uses (X25519, X448, …): it
    /// fits nothing, so any token gets `alg_key_mismatch`.
    Other(String),
}

impl PublicKey {
    /// Whether this key can verify `alg` (the contract's key/alg compatibility).
    pub fn fits(&self, alg: Alg) -> bool {
        match (self, alg.family()) {
            (PublicKey::Oct(_), Family::Hmac) | (PublicKey::Rsa { .. }, Family::Rsa) => true,
            (PublicKey::Ec { curve, .. }, Family::Ecdsa(c)) => *curve == c,
            (PublicKey::Ed25519(_) | PublicKey::Ed448(_), Family::EdDsa) => true,
            (PublicKey::MlDsa { level, .. }, Family::MlDsa(l)) => *level == l,
            _ => false,
        }
    }

    /// "RSA 2048-bit public key", "EC P-256 public key", "symmetric key (32 bytes)".
    pub fn describe(&self) -> String {
        match self {
            PublicKey::Rsa { n, .. } => format!("RSA {}-bit public key", bit_len(n)),
            PublicKey::Ec { curve, .. } => format!("EC {} public key", curve.name()),
            PublicKey::Ed25519(_) => "Ed25519 public key".to_owned(),
            PublicKey::Ed448(_) => "Ed448 public key".to_owned(),
            PublicKey::MlDsa { level, .. } => format!("{} public key", level.name()),
            PublicKey::Oct(k) => format!("symmetric key ({} bytes)", k.len()),
            PublicKey::Other(what) => format!("{what} (not usable for JWS here)"),
        }
    }

    /// The algorithms this key can verify.
    pub fn algs(&self) -> Vec<Alg> {
        Alg::ALL.into_iter().filter(|a| self.fits(*a)).collect()
    }

    /// The key as SPKI PEM with LF line endings, exactly as [`SigningKey::public_pem`] writes the
    /// same key; `None` for a symmetric key or a key of a type no supported algorithm uses.
    pub fn to_spki_pem(&self) -> Option<String> {
        use p256::pkcs8::{EncodePublicKey, LineEnding};
        let lf = LineEnding::LF;
        match self {
            PublicKey::Rsa { n, e } => rsa::PublicKey::new(
                rsa::BoxedUint::from_be_slice_vartime(strip_zeros(n)),
                rsa::BoxedUint::from_be_slice_vartime(strip_zeros(e)),
            )
            .ok()?
            .to_public_key_pem(lf)
            .ok(),
            PublicKey::Ec { curve: Curve::P256, point } => {
                p256::PublicKey::from_sec1_bytes(point).ok()?.to_public_key_pem(lf).ok()
            }
            PublicKey::Ec { curve: Curve::P384, point } => {
                p384::PublicKey::from_sec1_bytes(point).ok()?.to_public_key_pem(lf).ok()
            }
            PublicKey::Ec { curve: Curve::P521, point } => {
                p521::PublicKey::from_sec1_bytes(point).ok()?.to_public_key_pem(lf).ok()
            }
            PublicKey::Ec { curve: Curve::Secp256k1, point } => {
                k256::PublicKey::from_sec1_bytes(point).ok()?.to_public_key_pem(lf).ok()
            }
            PublicKey::Ed25519(bytes) => {
                ed25519_dalek::VerifyingKey::from_bytes(bytes).ok()?.to_public_key_pem(lf).ok()
            }
            PublicKey::Ed448(bytes) => {
                ed448_goldilocks::VerifyingKey::from_bytes(bytes).ok()?.to_public_key_pem(lf).ok()
            }
            PublicKey::MlDsa { level, bytes } => crate::mldsa::public_pem(*level, bytes),
            PublicKey::Oct(_) | PublicKey::Other(_) => None,
        }
    }

    /// The key as a JWK: `kty` and the key's own members (no `kid`, `use` or `alg`); `None` for
    /// a key of a type no supported algorithm uses.
    pub fn to_jwk(&self) -> Option<serde_json::Value> {
        use serde_json::json;
        let enc = crate::b64::encode;
        Some(match self {
            PublicKey::Rsa { n, e } => {
                json!({"kty": "RSA", "n": enc(strip_zeros(n)), "e": enc(strip_zeros(e))})
            }
            PublicKey::Ec { curve, point } => {
                let size = curve.field_bytes();
                let (x, y) = (point.get(1..1 + size)?, point.get(1 + size..)?);
                json!({"kty": "EC", "crv": curve.name(), "x": enc(x), "y": enc(y)})
            }
            PublicKey::Ed25519(bytes) => json!({"kty": "OKP", "crv": "Ed25519", "x": enc(bytes)}),
            PublicKey::Ed448(bytes) => json!({"kty": "OKP", "crv": "Ed448", "x": enc(&bytes[..])}),
            // RFC 9964: key type AKP, with the algorithm and the encoded public key.
            PublicKey::MlDsa { level, bytes } => {
                json!({"kty": "AKP", "alg": level.name(), "pub": enc(bytes)})
            }
            PublicKey::Oct(k) => json!({"kty": "oct", "k": enc(k)}),
            PublicKey::Other(_) => return None,
        })
    }
}

/// Bits in a big-endian unsigned number.
pub(crate) fn bit_len(be: &[u8]) -> usize {
    let be = strip_zeros(be);
    be.first().map_or(0, |b| be.len() * 8 - b.leading_zeros() as usize)
}

/// A big-endian number without its leading zero bytes.
pub(crate) fn strip_zeros(be: &[u8]) -> &[u8] {
    let first = be.iter().position(|b| *b != 0).unwrap_or(be.len());
    be.get(first..).unwrap_or_default()
}

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
    /// secp256k1 private key (ES256K).
    K256(k256::SecretKey),
    /// Ed25519 private key.
    Ed25519(Box<ed25519_dalek::SigningKey>),
    /// Ed448 private key (its 57-byte seed).
    Ed448(Box<ed448_goldilocks::SigningKey>),
    /// ML-DSA private key: its 32-byte seed ξ (RFC 9964's `priv`).
    MlDsa { level: MlDsa, seed: Box<[u8; 32]> },
}

impl std::fmt::Debug for SigningKey {
    // Never print private key material.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SigningKey({})", self.describe())
    }
}

impl SigningKey {
    /// The matching public key (an HMAC secret's "public key" is itself, as an `oct` key).
    pub fn public_key(&self) -> PublicKey {
        let ec = |curve, point: &[u8]| PublicKey::Ec { curve, point: point.to_vec() };
        match self {
            SigningKey::Secret(k) => PublicKey::Oct(k.clone()),
            SigningKey::Rsa(k) => rsa_public(k.as_public_key()),
            SigningKey::P256(k) => ec(Curve::P256, k.public_key().to_sec1_point(false).as_bytes()),
            SigningKey::P384(k) => ec(Curve::P384, k.public_key().to_sec1_point(false).as_bytes()),
            SigningKey::P521(k) => ec(Curve::P521, k.public_key().to_sec1_point(false).as_bytes()),
            SigningKey::K256(k) => ec(Curve::Secp256k1, k.public_key().to_sec1_point(false).as_bytes()),
            SigningKey::Ed25519(k) => PublicKey::Ed25519(k.verifying_key().to_bytes()),
            SigningKey::Ed448(k) => PublicKey::Ed448(Box::new(k.verifying_key().to_bytes())),
            SigningKey::MlDsa { level, seed } => {
                PublicKey::MlDsa { level: *level, bytes: crate::mldsa::public_from_seed(*level, seed) }
            }
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
            SigningKey::K256(k) => k.public_key().to_public_key_pem(lf).ok(),
            SigningKey::Ed25519(k) => k.verifying_key().to_public_key_pem(lf).ok(),
            SigningKey::Ed448(k) => k.verifying_key().to_public_key_pem(lf).ok(),
            SigningKey::MlDsa { .. } => self.public_key().to_spki_pem(),
        }
    }

    /// Whether this key can sign `alg`.
    pub fn fits(&self, alg: Alg) -> bool {
        self.public_key().fits(alg)
    }

    /// The family of keys this is, for messages ("HMAC secret", "RSA key", "EC P-256 key", …).
    pub fn family_name(&self) -> &'static str {
        match self {
            SigningKey::Secret(_) => Family::Hmac.key_name(),
            SigningKey::Rsa(_) => Family::Rsa.key_name(),
            SigningKey::P256(_) => Family::Ecdsa(Curve::P256).key_name(),
            SigningKey::P384(_) => Family::Ecdsa(Curve::P384).key_name(),
            SigningKey::P521(_) => Family::Ecdsa(Curve::P521).key_name(),
            SigningKey::K256(_) => Family::Ecdsa(Curve::Secp256k1).key_name(),
            SigningKey::Ed25519(_) => "Ed25519 key",
            SigningKey::Ed448(_) => "Ed448 key",
            SigningKey::MlDsa { level, .. } => Family::MlDsa(*level).key_name(),
        }
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

/// An RSA public key as modulus and exponent.
pub(crate) fn rsa_public(key: &rsa::PublicKey) -> PublicKey {
    use rsa::traits::PublicKeyParts;
    PublicKey::Rsa { n: key.n_bytes().into_vec(), e: key.e_bytes().into_vec() }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn bit_lengths() {
        assert_eq!(bit_len(&[0, 0x80, 0]), 16);
        assert_eq!(bit_len(&[1]), 1);
        assert_eq!(bit_len(&[]), 0);
    }

    #[test]
    fn signing_keys_never_print_their_material() {
        assert!(format!("{:?}", SigningKey::Secret(b"hidden".to_vec())).contains("6 bytes"));
        assert!(!format!("{:?}", SigningKey::Secret(b"hidden".to_vec())).contains("hidden"));
    }

    #[test]
    fn public_keys_convert_to_the_pem_and_jwk_their_private_keys_give() {
        use crate::keygen::{KeygenKind, generate};
        use crate::keys::{KeyKind, KeyMaterial, parse_key};
        for kind in [
            KeygenKind::Rsa(2048),
            KeygenKind::Ec(Curve::P256),
            KeygenKind::Ec(Curve::P521),
            KeygenKind::Ed25519,
        ] {
            let generated = generate(kind).unwrap();
            let (pem, jwk) = (generated.public_pem.unwrap(), generated.public_jwk.unwrap());
            let from_jwk = match parse_key(KeyKind::Jwk, &jwk.to_string()).material.unwrap() {
                KeyMaterial::Public { key, .. } => key,
                other => panic!("{other:?}"),
            };
            // Byte for byte: the PEM text is what a server holds as the issuer's public key.
            assert_eq!(from_jwk.to_spki_pem().as_deref(), Some(pem.as_str()), "{kind:?}");
            assert_eq!(from_jwk.to_jwk(), Some(jwk.clone()), "{kind:?}");
            assert_eq!(generated.key.public_key().to_jwk(), Some(jwk), "{kind:?}");
        }
        assert_eq!(PublicKey::Oct(vec![1, 2]).to_spki_pem(), None);
        assert_eq!(PublicKey::Oct(vec![0xfb]).to_jwk(), Some(serde_json::json!({"kty": "oct", "k": "-w"})));
        assert_eq!(PublicKey::Other("Ed448 public key".into()).to_jwk(), None);
    }

    #[test]
    fn public_keys_fit_their_families_only() {
        let oct = PublicKey::Oct(vec![1; 32]);
        assert_eq!(oct.algs(), [Alg::HS256, Alg::HS384, Alg::HS512]);
        assert!(PublicKey::Other("Ed448 public key".into()).algs().is_empty());
        assert!(PublicKey::Ec { curve: Curve::P384, point: vec![] }.fits(Alg::ES384));
        assert!(!PublicKey::Ec { curve: Curve::P384, point: vec![] }.fits(Alg::ES256));
    }
}
