//! Signature verification over the exact signing input.
//!
//! HS*, RS*, PS*, ES256/384 and EdDSA go through `jsonwebtoken`'s RustCrypto backend; ES512,
//! which it lacks, through `p521`. Keys are checked against the algorithm before this is called.

use jsonwebtoken::DecodingKey;

use super::alg::{Alg, Curve, Family};
use super::keys::PublicKey;

/// What verifies a signature: HMAC secret bytes, or a public key.
#[derive(Debug, Clone, Copy)]
pub enum Verifier<'a> {
    /// HMAC key bytes (a secret, or an `oct` JWK).
    Hmac(&'a [u8]),
    /// An asymmetric public key.
    Public(&'a PublicKey),
}

impl Verifier<'_> {
    /// Whether this key can verify `alg` at all.
    pub fn fits(&self, alg: Alg) -> bool {
        match self {
            Verifier::Hmac(_) => alg.family() == Family::Hmac,
            Verifier::Public(key) => key.fits(alg),
        }
    }
}

/// Verifies `signature` (decoded bytes; `signature_b64` is the same as it appeared in the token)
/// over `signing_input` (the ASCII `header.payload`). False for any key that does not fit.
pub fn verify(
    alg: Alg,
    verifier: Verifier<'_>,
    signing_input: &[u8],
    signature_b64: &str,
    signature: &[u8],
) -> bool {
    if !verifier.fits(alg) {
        return false;
    }
    if let Verifier::Hmac([]) | Verifier::Public(PublicKey::Oct(_)) = verifier
        && verifier_secret(&verifier).is_empty()
    {
        // jsonwebtoken refuses empty HMAC keys; HMAC itself is defined for them.
        return verify_hmac_empty_key(alg, signing_input, signature);
    }
    let key = match verifier {
        Verifier::Hmac(secret) => DecodingKey::from_secret(secret).ok(),
        Verifier::Public(PublicKey::Oct(secret)) => DecodingKey::from_secret(secret).ok(),
        Verifier::Public(PublicKey::Other(_)) => return false,
        Verifier::Public(PublicKey::Rsa { n, e }) => Some(DecodingKey::from_rsa_raw_components(n, e)),
        Verifier::Public(PublicKey::Ec { curve, point }) => {
            // JWS ECDSA signatures are exactly R‖S; DER or odd lengths never verify.
            if signature.len() != 2 * curve.field_bytes() {
                return false;
            }
            if *curve == Curve::P521 {
                return verify_es512(point, signing_input, signature);
            }
            Some(DecodingKey::from_ec_der(point))
        }
        Verifier::Public(PublicKey::Ed25519(bytes)) => Some(DecodingKey::from_ed_der(bytes)),
    };
    let (Some(key), Some(jwt_alg)) = (key, alg.to_jsonwebtoken()) else {
        return false;
    };
    jsonwebtoken::crypto::verify(signature_b64, signing_input, &key, jwt_alg).unwrap_or(false)
}

fn verifier_secret<'a>(verifier: &Verifier<'a>) -> &'a [u8] {
    match verifier {
        Verifier::Hmac(secret) => secret,
        Verifier::Public(PublicKey::Oct(secret)) => secret,
        Verifier::Public(_) => &[],
    }
}

fn verify_hmac_empty_key(alg: Alg, message: &[u8], signature: &[u8]) -> bool {
    use hmac::{KeyInit, Mac};
    match alg.hash() {
        Some(super::alg::Hash::Sha256) => hmac::Hmac::<sha2::Sha256>::new_from_slice(&[])
            .is_ok_and(|m| m.chain_update(message).verify_slice(signature).is_ok()),
        Some(super::alg::Hash::Sha384) => hmac::Hmac::<sha2::Sha384>::new_from_slice(&[])
            .is_ok_and(|m| m.chain_update(message).verify_slice(signature).is_ok()),
        Some(super::alg::Hash::Sha512) => hmac::Hmac::<sha2::Sha512>::new_from_slice(&[])
            .is_ok_and(|m| m.chain_update(message).verify_slice(signature).is_ok()),
        None => false,
    }
}

fn verify_es512(point: &[u8], message: &[u8], signature: &[u8]) -> bool {
    use signature::Verifier as _;
    let Ok(key) = p521::ecdsa::VerifyingKey::from_sec1_bytes(point) else {
        return false;
    };
    let Ok(signature) = p521::ecdsa::Signature::from_slice(signature) else {
        return false;
    };
    key.verify(message, &signature).is_ok()
}

/// Whether `signature` looks like a DER `ECDSA-Sig-Value` for `curve` (a common mistake:
/// JWS wants raw R‖S). Only meaningful when its length is not the R‖S length.
pub fn is_der_ecdsa(curve: Curve, signature: &[u8]) -> bool {
    if signature.first() != Some(&0x30) || signature.len() == 2 * curve.field_bytes() {
        return false;
    }
    match curve {
        Curve::P256 => p256::ecdsa::DerSignature::from_bytes(signature).is_ok(),
        Curve::P384 => p384::ecdsa::DerSignature::from_bytes(signature).is_ok(),
        Curve::P521 => p521::ecdsa::DerSignature::from_bytes(signature).is_ok(),
    }
}
