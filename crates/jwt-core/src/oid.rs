//! The object identifiers of the key types the debugger reads or names: one table for
//! verification keys, signing keys and messages.

use der::asn1::ObjectIdentifier;

/// rsaEncryption (RFC 8017).
pub const RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
/// id-ecPublicKey (RFC 5480).
pub const EC: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
/// id-Ed25519 (RFC 8410).
pub const ED25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");
/// The named curves of ES256, ES384 and ES512 (RFC 5480).
pub const P256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
pub const P384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.34");
pub const P521: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.35");
/// id-RSASSA-PSS: an RSA key restricted to PSS signatures (RFC 4055).
pub const RSA_PSS: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.10");
/// id-Ed448, id-X25519 and id-X448 (RFC 8410).
pub const ED448: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.113");
pub const X25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.110");
pub const X448: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.111");
/// id-dsa (RFC 3279).
pub const DSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10040.4.1");
/// id-ml-dsa-44, -65 and -87 (FIPS 204; RFC 9881), no parameters.
pub const ML_DSA_44: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.3.17");
pub const ML_DSA_65: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.3.18");
pub const ML_DSA_87: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.3.19");
/// secp256k1 (SEC 2), the curve of ES256K.
pub const SECP256K1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.10");

/// Key algorithms and curves that are read but not usable for JWS here, by name.
const NAMED: [(&str, &str); 7] = [
    ("1.3.101.113", "Ed448"),
    ("1.3.101.110", "X25519"),
    ("1.3.101.111", "X448"),
    ("1.2.840.113549.1.1.10", "RSA-PSS-only"),
    ("1.2.840.10040.4.1", "DSA"),
    ("1.3.132.0.10", "secp256k1"),
    ("1.3.36.3.3.2.8.1.1.7", "brainpoolP256r1"),
];

/// The ML-DSA parameter set an OID names.
pub fn ml_dsa(oid: &ObjectIdentifier) -> Option<crate::alg::MlDsa> {
    use crate::alg::MlDsa;
    [(ML_DSA_44, MlDsa::L44), (ML_DSA_65, MlDsa::L65), (ML_DSA_87, MlDsa::L87)]
        .into_iter()
        .find_map(|(o, level)| (o == *oid).then_some(level))
}

/// A name for people: "Ed448", "secp256k1", or the dotted OID itself.
pub fn name(oid: &ObjectIdentifier) -> String {
    let dotted = oid.to_string();
    NAMED.iter().find(|(o, _)| *o == dotted).map_or(dotted, |(_, n)| (*n).to_owned())
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn names_known_oids_and_spells_out_the_rest() {
        assert_eq!(name(&ObjectIdentifier::new_unwrap("1.3.101.113")), "Ed448");
        assert_eq!(name(&ObjectIdentifier::new_unwrap("1.3.132.0.10")), "secp256k1");
        assert_eq!(name(&ObjectIdentifier::new_unwrap("1.2.3.4")), "1.2.3.4");
    }
}
