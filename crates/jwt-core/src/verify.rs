//! Signature verification over the exact signing input.
//!
//! HS* goes through [`crate::mac`] (the one HMAC path, which also takes empty keys); RS*, PS*,
//! ES384, ES512 and EdDSA through the RustCrypto crates `jsonwebtoken`'s backend uses (`rsa`,
//! `p384`, `p521`, `ed25519-dalek`), with the same checks, on keys prepared once
//! ([`Prepared`]). ES256 keys are read and checked by `p256` too, but its signatures are checked
//! with `crrl` (see [`Prepared::P256`]). Keys are checked against the algorithm before this is
//! called.

use crate::alg::{Alg, Curve, Family};
use crate::key::PublicKey;

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

/// Verifies `signature` (decoded bytes) over `signing_input` (the ASCII `header.payload`).
/// False for any key that does not fit.
pub fn verify(alg: Alg, verifier: Verifier<'_>, signing_input: &[u8], signature: &[u8]) -> bool {
    if !verifier.fits(alg) {
        return false;
    }
    match verifier {
        Verifier::Hmac(secret) => verify_hmac(alg, secret, signing_input, signature),
        Verifier::Public(key) => Prepared::new(key).verify(alg, signing_input, signature),
    }
}

/// A public key made ready once for any number of verifications: RSA with its Montgomery
/// parameters, curve points decoded and checked. (Reading them is a good part of the cost of
/// one verification, and the page verifies with one key as the user types.)
pub enum Prepared {
    /// HMAC key bytes (an `oct` JWK).
    Hmac(Vec<u8>),
    Rsa(Box<rsa::PublicKey>),
    /// A P-256 point read and checked by `p256` (as before), kept as a `crrl` public key: crrl's
    /// variable-time ECDSA verification (fine for public data) was about 2.5× as fast as
    /// `p256`'s in one WebAssembly build under Node, so ES256 is checked on the page. The
    /// Wycheproof vectors hold natively and in wasm32, and a unit test compares it with `p256`.
    P256(Box<crrl::p256::PublicKey>),
    P384(p384::ecdsa::VerifyingKey),
    P521(p521::ecdsa::VerifyingKey),
    K256(k256::ecdsa::VerifyingKey),
    Ed25519(Box<ed25519_dalek::VerifyingKey>),
    Ed448(Box<ed448_goldilocks::VerifyingKey>),
    MlDsa(crate::mldsa::Prepared),
    /// A key no supported algorithm uses, or one that does not read.
    Unusable,
}

impl Prepared {
    /// Prepares `key`.
    pub fn new(key: &PublicKey) -> Self {
        match key {
            PublicKey::Oct(k) => Prepared::Hmac(k.clone()),
            PublicKey::Rsa { n, e } => rsa::PublicKey::new(
                rsa::BoxedUint::from_be_slice_vartime(n),
                rsa::BoxedUint::from_be_slice_vartime(e),
            )
            .map_or(Prepared::Unusable, |k| Prepared::Rsa(Box::new(k))),
            PublicKey::Ec { curve: Curve::P256, point } => p256::ecdsa::VerifyingKey::from_sec1_bytes(point)
                .ok()
                .and_then(|key| crrl::p256::PublicKey::decode(key.to_sec1_point(false).as_bytes()))
                .map_or(Prepared::Unusable, |key| Prepared::P256(Box::new(key))),
            PublicKey::Ec { curve: Curve::P384, point } => {
                p384::ecdsa::VerifyingKey::from_sec1_bytes(point).map_or(Prepared::Unusable, Prepared::P384)
            }
            PublicKey::Ec { curve: Curve::P521, point } => {
                p521::ecdsa::VerifyingKey::from_sec1_bytes(point).map_or(Prepared::Unusable, Prepared::P521)
            }
            PublicKey::Ec { curve: Curve::Secp256k1, point } => {
                k256::ecdsa::VerifyingKey::from_sec1_bytes(point).map_or(Prepared::Unusable, Prepared::K256)
            }
            PublicKey::Ed25519(bytes) => ed25519_dalek::VerifyingKey::from_bytes(bytes)
                .map_or(Prepared::Unusable, |k| Prepared::Ed25519(Box::new(k))),
            PublicKey::Ed448(bytes) => ed448_goldilocks::VerifyingKey::from_bytes(bytes)
                .map_or(Prepared::Unusable, |k| Prepared::Ed448(Box::new(k))),
            PublicKey::MlDsa { level, bytes } => {
                crate::mldsa::Prepared::new(*level, bytes).map_or(Prepared::Unusable, Prepared::MlDsa)
            }
            PublicKey::Other(_) => Prepared::Unusable,
        }
    }

    /// Whether `signature` over `message` verifies for `alg` — the same checks `jsonwebtoken`'s
    /// RustCrypto backend makes: PKCS#1 v1.5 or PSS with a salt as long as the hash, ECDSA as
    /// exactly R‖S (ES256 through `crrl`, with the same checks), Ed25519 as in RFC 8032. ES256K
    /// (RFC 8812) accepts a high S as well as a low one, as OpenSSL (PyJWT, node) does: only
    /// Bitcoin requires low S, and `k256` refuses a high S unless the signature is normalised
    /// first.
    pub fn verify(&self, alg: Alg, message: &[u8], signature: &[u8]) -> bool {
        use rsa::{Pkcs1v15Sign, Pss};
        use sha2::{Digest, Sha256, Sha384, Sha512};
        use signature::Verifier as _;
        match (self, alg) {
            (Prepared::Hmac(key), _) => verify_hmac(alg, key, message, signature),
            (Prepared::Rsa(key), Alg::RS256) => {
                key.verify(Pkcs1v15Sign::new::<Sha256>(), &Sha256::digest(message), signature).is_ok()
            }
            (Prepared::Rsa(key), Alg::RS384) => {
                key.verify(Pkcs1v15Sign::new::<Sha384>(), &Sha384::digest(message), signature).is_ok()
            }
            (Prepared::Rsa(key), Alg::RS512) => {
                key.verify(Pkcs1v15Sign::new::<Sha512>(), &Sha512::digest(message), signature).is_ok()
            }
            (Prepared::Rsa(key), Alg::PS256) => {
                key.verify(Pss::<Sha256>::new(), &Sha256::digest(message), signature).is_ok()
            }
            (Prepared::Rsa(key), Alg::PS384) => {
                key.verify(Pss::<Sha384>::new(), &Sha384::digest(message), signature).is_ok()
            }
            (Prepared::Rsa(key), Alg::PS512) => {
                key.verify(Pss::<Sha512>::new(), &Sha512::digest(message), signature).is_ok()
            }
            // Exactly R‖S (crrl would also read other even lengths); R and S in [1, n-1].
            (Prepared::P256(key), Alg::ES256) => {
                signature.len() == 64 && key.verify_hash(signature, &Sha256::digest(message))
            }
            (Prepared::P384(key), Alg::ES384) => {
                p384::ecdsa::Signature::from_slice(signature).is_ok_and(|s| key.verify(message, &s).is_ok())
            }
            (Prepared::P521(key), Alg::ES512) => {
                p521::ecdsa::Signature::from_slice(signature).is_ok_and(|s| key.verify(message, &s).is_ok())
            }
            (Prepared::K256(key), Alg::ES256K) => k256::ecdsa::Signature::from_slice(signature)
                .is_ok_and(|s| key.verify(message, &s.normalize_s()).is_ok()),
            (Prepared::Ed25519(key), Alg::EdDSA) => {
                ed25519_dalek::Signature::from_slice(signature).is_ok_and(|s| key.verify(message, &s).is_ok())
            }
            // Pure Ed448 with an empty context (RFC 8037 §3.1). R's last byte holds only the
            // sign of x: bits 448–454 must be zero (RFC 8032 §5.2.2), which `ed448-goldilocks`
            // 0.14.0-pre.15 does not check (Wycheproof ed448 tc63–65 caught it).
            (Prepared::Ed448(key), Alg::EdDSA) => {
                signature.get(56).is_some_and(|last| last & 0x7f == 0)
                    && ed448_goldilocks::Signature::from_slice(signature)
                        .is_ok_and(|s| key.verify_raw(&s, message).is_ok())
            }
            // Pure ML-DSA with an empty context (RFC 9964), at the key's own parameter set.
            (Prepared::MlDsa(key), alg) if key.level().alg() == alg => key.verify(message, signature),
            _ => false,
        }
    }
}

/// A checker that prepares each public key once and keeps the last few: for verifying many
/// tokens with the same keys (the page's crypto module).
#[derive(Default)]
pub struct Cached {
    keys: std::cell::RefCell<Vec<(PublicKey, std::rc::Rc<Prepared>)>>,
}

impl Cached {
    /// How many prepared keys are kept (a JWKS rarely has more).
    const KEEP: usize = 8;

    fn prepared(&self, key: &PublicKey) -> std::rc::Rc<Prepared> {
        let mut keys = self.keys.borrow_mut();
        if let Some((_, prepared)) = keys.iter().find(|(k, _)| k == key) {
            return prepared.clone();
        }
        let prepared = std::rc::Rc::new(Prepared::new(key));
        if keys.len() >= Self::KEEP {
            keys.remove(0);
        }
        keys.push((key.clone(), prepared.clone()));
        prepared
    }
}

impl Crypto for Cached {
    fn verify(&self, alg: Alg, verifier: Verifier<'_>, signing_input: &[u8], signature: &[u8]) -> bool {
        match verifier {
            _ if !verifier.fits(alg) => false,
            Verifier::Hmac(secret) => verify_hmac(alg, secret, signing_input, signature),
            Verifier::Public(key) => self.prepared(key).verify(alg, signing_input, signature),
        }
    }
}

/// HMAC verification (constant-time comparison); any key length, even empty.
pub fn verify_hmac(alg: Alg, key: &[u8], message: &[u8], signature: &[u8]) -> bool {
    match (alg.family(), alg.hash()) {
        (Family::Hmac, Some(hash)) => super::mac::verify(hash, key, message, signature),
        _ => false,
    }
}

/// How an analysis checks signatures.
pub trait Crypto {
    /// Whether `signature` verifies; false when this implementation cannot check it.
    fn verify(&self, alg: Alg, verifier: Verifier<'_>, signing_input: &[u8], signature: &[u8]) -> bool;
}

/// Every algorithm (the CLI, the server, the tests, and the page's lazily loaded crypto module).
pub struct Full;

impl Crypto for Full {
    fn verify(&self, alg: Alg, verifier: Verifier<'_>, signing_input: &[u8], signature: &[u8]) -> bool {
        verify(alg, verifier, signing_input, signature)
    }
}

/// HS256 only: what the page's first bundle carries (SHA-256 alone: the SHA-512 code of HS384
/// and HS512 and all public-key code stay in the lazily loaded crypto module, which checks those
/// with [`Full`]). [`Hs256Only::handles`] says which tokens it can answer for; for any other
/// algorithm its `verify` says false, as the trait's "cannot check" — so ask it only for those.
pub struct Hs256Only;

impl Hs256Only {
    /// Whether this checker gives the same answer as [`Full`] for a token of `alg` with a secret
    /// or no key: for HS256 and for every algorithm that it never has to compute a MAC for
    /// (`none`, public-key algorithms with a secret, unknown ones); not for HS384 and HS512.
    pub fn handles(alg: Option<Alg>) -> bool {
        !matches!(alg, Some(Alg::HS384 | Alg::HS512))
    }
}

impl Crypto for Hs256Only {
    fn verify(&self, alg: Alg, verifier: Verifier<'_>, signing_input: &[u8], signature: &[u8]) -> bool {
        let key: &[u8] = match verifier {
            Verifier::Hmac(key) => key,
            Verifier::Public(PublicKey::Oct(key)) => key,
            Verifier::Public(_) => return false,
        };
        alg == Alg::HS256 && super::mac::verify_sha256(key, signing_input, signature)
    }
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
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

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

    /// ES256 goes through `crrl`; `p256` (what `jsonwebtoken` uses) must give the same answer
    /// for good signatures and for each way of spoiling one: a changed bit anywhere in R‖S or in
    /// the message, R and S swapped, the other S (n − S, valid in ECDSA), zero, n or 2²⁵⁶ − 1 as
    /// R or S, a signature one byte short or long, and R and S each with a zero byte in front
    /// (64 + 2 bytes: crrl alone would read it). Natively (crrl's 64-bit code) and in
    /// wasm32 (its 32-bit code).
    #[test]
    fn es256_through_crrl_agrees_with_p256() {
        use p256::ecdsa::signature::{Signer as _, Verifier as _};
        use sha2::Digest as _;
        // The group order n, big-endian.
        const N: [u8; 32] = [
            0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
            0xbc, 0xe6, 0xfa, 0xad, 0xa7, 0x17, 0x9e, 0x84, 0xf3, 0xb9, 0xca, 0xc2, 0xfc, 0x63, 0x25, 0x51,
        ];
        let negate = |s: &[u8]| -> Vec<u8> {
            // n − s, big-endian, with borrow.
            let mut out = vec![0u8; 32];
            let mut borrow = 0i16;
            for i in (0..32).rev() {
                let d = i16::from(N[i]) - i16::from(s[i]) - borrow;
                borrow = i16::from(d < 0);
                out[i] = (d + 256 * borrow) as u8;
            }
            out
        };
        let (mut valid, mut compared) = (0, 0);
        for i in 0u8..12 {
            let secret = sha2::Sha256::digest([i]);
            let signing = p256::ecdsa::SigningKey::from_slice(&secret).unwrap();
            let point = signing.verifying_key().to_sec1_point(i % 2 == 0);
            let key = PublicKey::Ec { curve: Curve::P256, point: point.as_bytes().to_vec() };
            let prepared = Prepared::new(&key);
            assert!(matches!(prepared, Prepared::P256(_)), "key {i} did not prepare");
            let message = format!("eyJhbGciOiJFUzI1NiJ9.{}", "x".repeat(usize::from(i) * 37)).into_bytes();
            let signature: p256::ecdsa::Signature = signing.sign(&message);
            let good = signature.to_bytes().to_vec();
            let (r, s) = good.split_at(32);
            let mut tries: Vec<(Vec<u8>, Vec<u8>)> = vec![(message.clone(), good.clone())];
            for bit in [0, 7, 100, 255, 256, 300, 511] {
                let mut bad = good.clone();
                bad[bit / 8] ^= 1 << (bit % 8);
                tries.push((message.clone(), bad));
            }
            let mut other = message.clone();
            other[usize::from(i) % message.len()] ^= 1;
            tries.push((other, good.clone()));
            tries.push((message.clone(), [s, r].concat()));
            tries.push((message.clone(), [r, &negate(s)].concat()));
            for edge in [[0u8; 32], N, [0xff; 32]] {
                tries.push((message.clone(), [&edge, s].concat()));
                tries.push((message.clone(), [r, &edge].concat()));
            }
            tries.push((message.clone(), good[..63].to_vec()));
            tries.push((message.clone(), [&[0], r, &[0], s].concat()));
            tries.push((message.clone(), [&good[..], &[0]].concat()));
            for (msg, sig) in &tries {
                let by_p256 = p256::ecdsa::Signature::from_slice(sig)
                    .is_ok_and(|sig| signing.verifying_key().verify(msg, &sig).is_ok());
                assert_eq!(prepared.verify(Alg::ES256, msg, sig), by_p256, "key {i}, signature {sig:02x?}");
                compared += 1;
                valid += usize::from(by_p256);
            }
        }
        // Each key: the good signature and its other S verify; everything else fails.
        assert_eq!((compared, valid), (12 * 20, 12 * 2));
    }

    #[test]
    fn hs256_only_agrees_with_full_where_it_handles_the_token_and_refuses_the_rest() {
        assert!(
            Hs256Only::handles(Some(Alg::HS256))
                && Hs256Only::handles(Some(Alg::RS256))
                && Hs256Only::handles(None)
        );
        assert!(!Hs256Only::handles(Some(Alg::HS384)) && !Hs256Only::handles(Some(Alg::HS512)));
        let input = b"a.b";
        for alg in [Alg::HS256, Alg::HS384, Alg::HS512] {
            let key = crate::SigningKey::Secret(b"key".to_vec());
            let sig = crate::sign::sign_bytes(alg, &key, input).unwrap();
            for (k, want) in [(&b"key"[..], true), (&b"other"[..], false), (&b""[..], false)] {
                assert_eq!(Full.verify(alg, Verifier::Hmac(k), input, &sig), want, "{alg}");
                if Hs256Only::handles(Some(alg)) {
                    assert_eq!(Hs256Only.verify(alg, Verifier::Hmac(k), input, &sig), want, "{alg}");
                }
            }
        }
        let rsa = PublicKey::Rsa { n: vec![1; 256], e: vec![1, 0, 1] };
        assert!(!Hs256Only.verify(Alg::RS256, Verifier::Public(&rsa), input, &[]));
    }
}
