//! ML-DSA (FIPS 204) for JWS (RFC 9964) with RustCrypto's `ml-dsa`: pure ML-DSA with an empty
//! context. Keys are the 32-byte seed ξ (a JWK's `priv`, PKCS#8's seed form) and the encoded
//! public key (a JWK's `pub`, SPKI's key bits). One place knows the three parameter sets.

use ml_dsa::{EncodedSignature, EncodedVerifyingKey, MlDsa44, MlDsa65, MlDsa87, MlDsaParams};

use crate::alg::MlDsa;

/// A public key decoded once (the page verifies with one key as the user types).
pub enum Prepared {
    L44(Box<ml_dsa::VerifyingKey<MlDsa44>>),
    L65(Box<ml_dsa::VerifyingKey<MlDsa65>>),
    L87(Box<ml_dsa::VerifyingKey<MlDsa87>>),
}

fn decode_public<P: MlDsaParams>(bytes: &[u8]) -> Option<Box<ml_dsa::VerifyingKey<P>>> {
    let encoded = EncodedVerifyingKey::<P>::try_from(bytes).ok()?;
    Some(Box::new(ml_dsa::VerifyingKey::<P>::decode(&encoded)))
}

fn verify_with<P: MlDsaParams>(key: &ml_dsa::VerifyingKey<P>, message: &[u8], signature: &[u8]) -> bool {
    EncodedSignature::<P>::try_from(signature)
        .ok()
        .and_then(|encoded| ml_dsa::Signature::<P>::decode(&encoded))
        .is_some_and(|signature| key.verify_with_context(message, &[], &signature))
}

impl Prepared {
    /// `None` when `bytes` is not a public key of `level`'s length.
    pub fn new(level: MlDsa, bytes: &[u8]) -> Option<Self> {
        Some(match level {
            MlDsa::L44 => Prepared::L44(decode_public(bytes)?),
            MlDsa::L65 => Prepared::L65(decode_public(bytes)?),
            MlDsa::L87 => Prepared::L87(decode_public(bytes)?),
        })
    }

    /// The parameter set of the key.
    pub fn level(&self) -> MlDsa {
        match self {
            Prepared::L44(_) => MlDsa::L44,
            Prepared::L65(_) => MlDsa::L65,
            Prepared::L87(_) => MlDsa::L87,
        }
    }

    /// Whether `signature` (exactly the parameter set's length) verifies over `message`.
    pub fn verify(&self, message: &[u8], signature: &[u8]) -> bool {
        match self {
            Prepared::L44(key) => verify_with(key, message, signature),
            Prepared::L65(key) => verify_with(key, message, signature),
            Prepared::L87(key) => verify_with(key, message, signature),
        }
    }
}

fn signing_key<P: MlDsaParams>(seed: &[u8; 32]) -> ml_dsa::SigningKey<P> {
    ml_dsa::SigningKey::<P>::from_seed(&(*seed).into())
}

fn public_of<P: MlDsaParams>(seed: &[u8; 32]) -> Vec<u8> {
    use signature::Keypair;
    signing_key::<P>(seed).verifying_key().encode().to_vec()
}

/// The encoded public key of the key with this seed.
pub fn public_from_seed(level: MlDsa, seed: &[u8; 32]) -> Vec<u8> {
    match level {
        MlDsa::L44 => public_of::<MlDsa44>(seed),
        MlDsa::L65 => public_of::<MlDsa65>(seed),
        MlDsa::L87 => public_of::<MlDsa87>(seed),
    }
}

fn sign_with<P: MlDsaParams>(seed: &[u8; 32], message: &[u8]) -> Option<Vec<u8>> {
    let key = signing_key::<P>(seed);
    key.expanded_key().sign_deterministic(message, &[]).ok().map(|s| s.encode().to_vec())
}

/// The deterministic ML-DSA signature (empty context) of `message`.
pub fn sign(level: MlDsa, seed: &[u8; 32], message: &[u8]) -> Option<Vec<u8>> {
    match level {
        MlDsa::L44 => sign_with::<MlDsa44>(seed, message),
        MlDsa::L65 => sign_with::<MlDsa65>(seed, message),
        MlDsa::L87 => sign_with::<MlDsa87>(seed, message),
    }
}

fn seed_from_pkcs8<P>(info: ml_dsa::pkcs8::PrivateKeyInfoRef<'_>) -> Option<[u8; 32]>
where
    P: MlDsaParams,
    ml_dsa::SigningKey<P>: for<'a> TryFrom<ml_dsa::pkcs8::PrivateKeyInfoRef<'a>>,
{
    let key = ml_dsa::SigningKey::<P>::try_from(info).ok()?;
    Some(key.to_seed().into())
}

/// The seed of a PKCS#8 ML-DSA private key (the seed form of RFC 9881), with its level.
pub fn from_pkcs8(level: MlDsa, info: ml_dsa::pkcs8::PrivateKeyInfoRef<'_>) -> Option<[u8; 32]> {
    match level {
        MlDsa::L44 => seed_from_pkcs8::<MlDsa44>(info),
        MlDsa::L65 => seed_from_pkcs8::<MlDsa65>(info),
        MlDsa::L87 => seed_from_pkcs8::<MlDsa87>(info),
    }
}

fn pkcs8_pem<P>(seed: &[u8; 32]) -> Option<String>
where
    P: MlDsaParams,
    ml_dsa::SigningKey<P>: ml_dsa::pkcs8::EncodePrivateKey,
{
    use ml_dsa::pkcs8::EncodePrivateKey;
    signing_key::<P>(seed).to_pkcs8_pem(ml_dsa::pkcs8::LineEnding::LF).ok().map(|pem| pem.to_string())
}

/// The private key as PKCS#8 PEM (seed form).
pub fn private_pem(level: MlDsa, seed: &[u8; 32]) -> Option<String> {
    match level {
        MlDsa::L44 => pkcs8_pem::<MlDsa44>(seed),
        MlDsa::L65 => pkcs8_pem::<MlDsa65>(seed),
        MlDsa::L87 => pkcs8_pem::<MlDsa87>(seed),
    }
}

/// The public key as SPKI PEM (the level's OID, no parameters, the encoded key as the bits).
pub fn public_pem(level: MlDsa, bytes: &[u8]) -> Option<String> {
    use der::Encode;
    use der::asn1::BitString;
    let oid = match level {
        MlDsa::L44 => crate::oid::ML_DSA_44,
        MlDsa::L65 => crate::oid::ML_DSA_65,
        MlDsa::L87 => crate::oid::ML_DSA_87,
    };
    let spki = spki::SubjectPublicKeyInfoOwned {
        algorithm: spki::AlgorithmIdentifierOwned { oid, parameters: None },
        subject_public_key: BitString::from_bytes(bytes).ok()?,
    };
    let der = spki.to_der().ok()?;
    Some(pem::encode_config(
        &pem::Pem::new("PUBLIC KEY", der),
        pem::EncodeConfig::new().set_line_ending(pem::LineEnding::LF),
    ))
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn signs_and_verifies_at_every_level_and_refuses_the_rest() {
        for level in MlDsa::ALL {
            let seed = [7u8; 32];
            let public = public_from_seed(level, &seed);
            assert_eq!(public.len(), level.public_key_bytes(), "{level:?}");
            let signature = sign(level, &seed, b"a.b").unwrap();
            assert_eq!(signature.len(), level.signature_bytes(), "{level:?}");
            let key = Prepared::new(level, &public).unwrap();
            assert!(key.verify(b"a.b", &signature));
            assert!(!key.verify(b"a.c", &signature));
            assert!(!key.verify(b"a.b", &signature[1..]));
            assert!(Prepared::new(level, &public[1..]).is_none());
            let pem = public_pem(level, &public).unwrap();
            assert!(pem.starts_with("-----BEGIN PUBLIC KEY-----\n"));
        }
    }
}
