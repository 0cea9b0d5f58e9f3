//! The JWS algorithms the debugger verifies and signs (RFC 7518 §3, RFC 8037).

use std::fmt;

use serde::{Deserialize, Serialize};

/// A supported JWS `alg`. Names are case-sensitive: `"hs256"` and `"None"` are not algorithms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Alg {
    HS256,
    HS384,
    HS512,
    RS256,
    RS384,
    RS512,
    PS256,
    PS384,
    PS512,
    ES256,
    ES384,
    ES512,
    ES256K,
    EdDSA,
    #[serde(rename = "ML-DSA-44")]
    MlDsa44,
    #[serde(rename = "ML-DSA-65")]
    MlDsa65,
    #[serde(rename = "ML-DSA-87")]
    MlDsa87,
}

/// Which kind of key an algorithm needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// HMAC with a shared secret.
    Hmac,
    /// RSASSA-PKCS1-v1_5 or RSASSA-PSS with an RSA key.
    Rsa,
    /// ECDSA on the given curve.
    Ecdsa(Curve),
    /// EdDSA (RFC 8037) with an Ed25519 or an Ed448 key.
    EdDsa,
    /// ML-DSA (FIPS 204, RFC 9964) at one security level.
    MlDsa(MlDsa),
}

/// The ML-DSA parameter sets of FIPS 204.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MlDsa {
    #[serde(rename = "ML-DSA-44")]
    L44,
    #[serde(rename = "ML-DSA-65")]
    L65,
    #[serde(rename = "ML-DSA-87")]
    L87,
}

impl MlDsa {
    /// All three, weakest first.
    pub const ALL: [MlDsa; 3] = [MlDsa::L44, MlDsa::L65, MlDsa::L87];

    /// "ML-DSA-44": the parameter set's name, also its JWS `alg` (RFC 9964).
    pub fn name(self) -> &'static str {
        self.alg().name()
    }

    /// The JWS algorithm of this parameter set.
    pub fn alg(self) -> Alg {
        match self {
            MlDsa::L44 => Alg::MlDsa44,
            MlDsa::L65 => Alg::MlDsa65,
            MlDsa::L87 => Alg::MlDsa87,
        }
    }

    /// Public key bytes (FIPS 204 Table 2).
    pub fn public_key_bytes(self) -> usize {
        match self {
            MlDsa::L44 => 1312,
            MlDsa::L65 => 1952,
            MlDsa::L87 => 2592,
        }
    }

    /// Signature bytes (FIPS 204 Table 2).
    pub fn signature_bytes(self) -> usize {
        match self {
            MlDsa::L44 => 2420,
            MlDsa::L65 => 3309,
            MlDsa::L87 => 4627,
        }
    }
}

impl Family {
    /// The key this family needs, for messages: "HMAC secret", "RSA key", "EC P-256 key", ….
    pub fn key_name(self) -> &'static str {
        match self {
            Family::Hmac => "HMAC secret",
            Family::Rsa => "RSA key",
            Family::Ecdsa(Curve::P256) => "EC P-256 key",
            Family::Ecdsa(Curve::P384) => "EC P-384 key",
            Family::Ecdsa(Curve::P521) => "EC P-521 key",
            Family::Ecdsa(Curve::Secp256k1) => "EC secp256k1 key",
            Family::EdDsa => "Ed25519 or Ed448 key",
            Family::MlDsa(MlDsa::L44) => "ML-DSA-44 key",
            Family::MlDsa(MlDsa::L65) => "ML-DSA-65 key",
            Family::MlDsa(MlDsa::L87) => "ML-DSA-87 key",
        }
    }
}

/// The elliptic curves of ES256, ES384 and ES512.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Curve {
    #[serde(rename = "P-256")]
    P256,
    #[serde(rename = "P-384")]
    P384,
    #[serde(rename = "P-521")]
    P521,
    /// secp256k1 (RFC 8812), the curve of ES256K.
    #[serde(rename = "secp256k1")]
    Secp256k1,
}

impl Curve {
    /// The JWK `crv` name.
    pub fn name(self) -> &'static str {
        match self {
            Curve::P256 => "P-256",
            Curve::P384 => "P-384",
            Curve::P521 => "P-521",
            Curve::Secp256k1 => "secp256k1",
        }
    }

    /// Bytes of one coordinate or scalar (R and S each have this length in a JWS signature).
    pub fn field_bytes(self) -> usize {
        match self {
            Curve::P256 => 32,
            Curve::P384 => 48,
            Curve::P521 => 66,
            Curve::Secp256k1 => 32,
        }
    }

    /// The algorithm that uses this curve.
    pub fn alg(self) -> Alg {
        match self {
            Curve::P256 => Alg::ES256,
            Curve::P384 => Alg::ES384,
            Curve::P521 => Alg::ES512,
            Curve::Secp256k1 => Alg::ES256K,
        }
    }

    /// Parses a JWK `crv` name.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "P-256" => Some(Curve::P256),
            "P-384" => Some(Curve::P384),
            "P-521" => Some(Curve::P521),
            "secp256k1" => Some(Curve::Secp256k1),
            _ => None,
        }
    }
}

/// The hash function behind an algorithm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Hash {
    #[serde(rename = "SHA-256")]
    Sha256,
    #[serde(rename = "SHA-384")]
    Sha384,
    #[serde(rename = "SHA-512")]
    Sha512,
}

impl Hash {
    /// Output size in bytes (also the minimum HMAC key size of RFC 7518 §3.2).
    pub fn output_bytes(self) -> usize {
        match self {
            Hash::Sha256 => 32,
            Hash::Sha384 => 48,
            Hash::Sha512 => 64,
        }
    }

    /// Display name.
    pub fn name(self) -> &'static str {
        match self {
            Hash::Sha256 => "SHA-256",
            Hash::Sha384 => "SHA-384",
            Hash::Sha512 => "SHA-512",
        }
    }
}

impl Alg {
    /// Every supported algorithm, in the order the UI lists them.
    pub const ALL: [Alg; 17] = [
        Alg::HS256,
        Alg::HS384,
        Alg::HS512,
        Alg::RS256,
        Alg::RS384,
        Alg::RS512,
        Alg::PS256,
        Alg::PS384,
        Alg::PS512,
        Alg::ES256,
        Alg::ES384,
        Alg::ES512,
        Alg::ES256K,
        Alg::EdDSA,
        Alg::MlDsa44,
        Alg::MlDsa65,
        Alg::MlDsa87,
    ];

    /// Parses an `alg` header value, case-sensitively. `None` for anything unsupported.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.name() == name)
    }

    /// The registered name.
    pub fn name(self) -> &'static str {
        match self {
            Alg::HS256 => "HS256",
            Alg::HS384 => "HS384",
            Alg::HS512 => "HS512",
            Alg::RS256 => "RS256",
            Alg::RS384 => "RS384",
            Alg::RS512 => "RS512",
            Alg::PS256 => "PS256",
            Alg::PS384 => "PS384",
            Alg::PS512 => "PS512",
            Alg::ES256 => "ES256",
            Alg::ES384 => "ES384",
            Alg::ES512 => "ES512",
            Alg::ES256K => "ES256K",
            Alg::EdDSA => "EdDSA",
            Alg::MlDsa44 => "ML-DSA-44",
            Alg::MlDsa65 => "ML-DSA-65",
            Alg::MlDsa87 => "ML-DSA-87",
        }
    }

    /// The kind of key this algorithm takes.
    pub fn family(self) -> Family {
        match self {
            Alg::HS256 | Alg::HS384 | Alg::HS512 => Family::Hmac,
            Alg::RS256 | Alg::RS384 | Alg::RS512 | Alg::PS256 | Alg::PS384 | Alg::PS512 => Family::Rsa,
            Alg::ES256 => Family::Ecdsa(Curve::P256),
            Alg::ES384 => Family::Ecdsa(Curve::P384),
            Alg::ES512 => Family::Ecdsa(Curve::P521),
            Alg::ES256K => Family::Ecdsa(Curve::Secp256k1),
            Alg::EdDSA => Family::EdDsa,
            Alg::MlDsa44 => Family::MlDsa(MlDsa::L44),
            Alg::MlDsa65 => Family::MlDsa(MlDsa::L65),
            Alg::MlDsa87 => Family::MlDsa(MlDsa::L87),
        }
    }

    /// The hash function; `None` for EdDSA, which hashes internally (SHA-512 in Ed25519,
    /// SHAKE256 in Ed448).
    pub fn hash(self) -> Option<Hash> {
        match self {
            Alg::HS256 | Alg::RS256 | Alg::PS256 | Alg::ES256 | Alg::ES256K => Some(Hash::Sha256),
            Alg::HS384 | Alg::RS384 | Alg::PS384 | Alg::ES384 => Some(Hash::Sha384),
            Alg::HS512 | Alg::RS512 | Alg::PS512 | Alg::ES512 => Some(Hash::Sha512),
            Alg::EdDSA | Alg::MlDsa44 | Alg::MlDsa65 | Alg::MlDsa87 => None,
        }
    }

    /// A one-line description for people.
    pub fn describe(self) -> &'static str {
        match self {
            Alg::HS256 => "HMAC using SHA-256",
            Alg::HS384 => "HMAC using SHA-384",
            Alg::HS512 => "HMAC using SHA-512",
            Alg::RS256 => "RSASSA-PKCS1-v1_5 using SHA-256",
            Alg::RS384 => "RSASSA-PKCS1-v1_5 using SHA-384",
            Alg::RS512 => "RSASSA-PKCS1-v1_5 using SHA-512",
            Alg::PS256 => "RSASSA-PSS using SHA-256 and MGF1 with SHA-256",
            Alg::PS384 => "RSASSA-PSS using SHA-384 and MGF1 with SHA-384",
            Alg::PS512 => "RSASSA-PSS using SHA-512 and MGF1 with SHA-512",
            Alg::ES256 => "ECDSA using P-256 and SHA-256",
            Alg::ES384 => "ECDSA using P-384 and SHA-384",
            Alg::ES512 => "ECDSA using P-521 and SHA-512",
            Alg::ES256K => "ECDSA using secp256k1 and SHA-256 (RFC 8812)",
            Alg::EdDSA => "Edwards-curve signature (Ed25519 or Ed448, RFC 8037)",
            Alg::MlDsa44 => "ML-DSA-44, post-quantum lattice signature (FIPS 204, RFC 9964)",
            Alg::MlDsa65 => "ML-DSA-65, post-quantum lattice signature (FIPS 204, RFC 9964)",
            Alg::MlDsa87 => "ML-DSA-87, post-quantum lattice signature (FIPS 204, RFC 9964)",
        }
    }

    /// The equivalent `jsonwebtoken` algorithm (it has no ES512, ES256K or ML-DSA).
    pub(crate) fn to_jsonwebtoken(self) -> Option<jsonwebtoken::Algorithm> {
        use jsonwebtoken::Algorithm as J;
        Some(match self {
            Alg::HS256 => J::HS256,
            Alg::HS384 => J::HS384,
            Alg::HS512 => J::HS512,
            Alg::RS256 => J::RS256,
            Alg::RS384 => J::RS384,
            Alg::RS512 => J::RS512,
            Alg::PS256 => J::PS256,
            Alg::PS384 => J::PS384,
            Alg::PS512 => J::PS512,
            Alg::ES256 => J::ES256,
            Alg::ES384 => J::ES384,
            Alg::ES512 | Alg::ES256K | Alg::MlDsa44 | Alg::MlDsa65 | Alg::MlDsa87 => return None,
            Alg::EdDSA => J::EdDSA,
        })
    }
}

impl fmt::Display for Alg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn parse_is_exact_and_case_sensitive() {
        for alg in Alg::ALL {
            assert_eq!(Alg::parse(alg.name()), Some(alg));
        }
        for bad in ["hs256", "None", "none", "es256k", "ES256k", "RS1", "", "EDDSA", "HS256 "] {
            assert_eq!(Alg::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn only_es512_and_es256k_are_missing_from_jsonwebtoken() {
        let missing: Vec<Alg> = Alg::ALL.into_iter().filter(|a| a.to_jsonwebtoken().is_none()).collect();
        assert_eq!(missing, vec![Alg::ES512, Alg::ES256K, Alg::MlDsa44, Alg::MlDsa65, Alg::MlDsa87]);
    }

    #[test]
    fn curves_match_their_algorithms() {
        for curve in [Curve::P256, Curve::P384, Curve::P521, Curve::Secp256k1] {
            assert_eq!(curve.alg().family(), Family::Ecdsa(curve));
            assert_eq!(Curve::from_name(curve.name()), Some(curve));
        }
    }
}
