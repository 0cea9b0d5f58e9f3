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
        return verify_hmac(alg, &[], signing_input, signature);
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

/// HMAC verification with the `hmac` crate directly (constant-time comparison); any key length.
pub fn verify_hmac(alg: Alg, key: &[u8], message: &[u8], signature: &[u8]) -> bool {
    match (alg.family(), alg.hash()) {
        (Family::Hmac, Some(hash)) => super::mac::verify(hash, key, message, signature),
        _ => false,
    }
}

/// How an analysis checks signatures.
pub trait Crypto {
    /// Whether `signature` verifies; false when this implementation cannot check it.
    fn verify(
        &self,
        alg: Alg,
        verifier: Verifier<'_>,
        signing_input: &[u8],
        signature_b64: &str,
        signature: &[u8],
    ) -> bool;
}

/// Every algorithm (the CLI, the tests, and the page's lazily loaded public-key part).
pub struct Full;

impl Crypto for Full {
    fn verify(
        &self,
        alg: Alg,
        verifier: Verifier<'_>,
        signing_input: &[u8],
        signature_b64: &str,
        signature: &[u8],
    ) -> bool {
        verify(alg, verifier, signing_input, signature_b64, signature)
    }
}

/// HMAC only: what the page's main bundle carries (its keys are secrets or none; public keys
/// are analysed with [`Full`], loaded lazily).
pub struct HmacOnly;

impl Crypto for HmacOnly {
    fn verify(
        &self,
        alg: Alg,
        verifier: Verifier<'_>,
        signing_input: &[u8],
        _: &str,
        signature: &[u8],
    ) -> bool {
        match verifier {
            Verifier::Hmac(key) => verify_hmac(alg, key, signing_input, signature),
            Verifier::Public(PublicKey::Oct(key)) => verify_hmac(alg, key, signing_input, signature),
            Verifier::Public(_) => false,
        }
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
/// JWS wants raw R‖S): a SEQUENCE of two positive INTEGERs that fit the curve, and nothing
/// else. Only meaningful when its length is not the R‖S length.
pub fn is_der_ecdsa(curve: Curve, signature: &[u8]) -> bool {
    use der::asn1::UintRef;
    use der::{Decode, Reader, SliceReader};
    if signature.first() != Some(&0x30) || signature.len() == 2 * curve.field_bytes() {
        return false;
    }
    let fits = |n: &UintRef<'_>| {
        !n.as_bytes().is_empty()
            && n.as_bytes().len() <= curve.field_bytes()
            && n.as_bytes().iter().any(|b| *b != 0)
    };
    let Ok(mut reader) = SliceReader::new(signature) else { return false };
    reader
        .sequence(|seq| {
            let r = UintRef::decode(seq)?;
            let s = UintRef::decode(seq)?;
            Ok::<bool, der::Error>(fits(&r) && fits(&s))
        })
        .is_ok_and(|ok| ok && reader.is_finished())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn der_ecdsa_detection() {
        // SEQUENCE { INTEGER 1, INTEGER 2 }
        assert!(is_der_ecdsa(Curve::P256, &[0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x02]));
        // Trailing garbage, zero r, wrong tag, R‖S length: no.
        assert!(!is_der_ecdsa(Curve::P256, &[0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x02, 0x00]));
        assert!(!is_der_ecdsa(Curve::P256, &[0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x02]));
        assert!(!is_der_ecdsa(Curve::P256, &[0x31, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x02]));
        let mut rs = vec![0x30u8];
        rs.resize(64, 1);
        assert!(!is_der_ecdsa(Curve::P256, &rs));
        // An integer longer than the field (P-256: 32 bytes, plus a 0x00 sign byte is allowed).
        let mut long = vec![0x30, 0x26, 0x02, 0x21, 0x00];
        long.extend([0xff; 32]);
        long.extend([0x02, 0x01, 0x01]);
        assert!(is_der_ecdsa(Curve::P256, &long));
        let mut too_long = vec![0x30, 0x26, 0x02, 0x21, 0x01];
        too_long.extend([0xff; 32]);
        too_long.extend([0x02, 0x01, 0x01]);
        assert!(!is_der_ecdsa(Curve::P256, &too_long));
    }

    #[test]
    fn hmac_only_agrees_with_full_on_hmac_and_refuses_the_rest() {
        let input = b"a.b";
        for alg in [Alg::HS256, Alg::HS384, Alg::HS512] {
            let key = crate::jwt::SigningKey::Secret(b"key".to_vec());
            let sig = crate::jwt::sign::sign_bytes(alg, &key, input).unwrap();
            let b64 = crate::jwt::b64::encode(&sig);
            for (k, want) in [(&b"key"[..], true), (&b"other"[..], false), (&b""[..], false)] {
                assert_eq!(Full.verify(alg, Verifier::Hmac(k), input, &b64, &sig), want, "{alg}");
                assert_eq!(HmacOnly.verify(alg, Verifier::Hmac(k), input, &b64, &sig), want, "{alg}");
            }
        }
        let rsa = PublicKey::Rsa { n: vec![1; 256], e: vec![1, 0, 1] };
        assert!(!HmacOnly.verify(Alg::RS256, Verifier::Public(&rsa), input, "", &[]));
    }
}
