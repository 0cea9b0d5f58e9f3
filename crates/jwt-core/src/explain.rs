//! The signature computed step by step, for teaching: what is signed, its digest or HMAC, and
//! the signature's parts (R and S for ECDSA and EdDSA).

use serde::{Deserialize, Serialize};
use sha2::Digest;

use crate::alg::{Alg, Family, Hash};
use crate::b64;

/// One step of the computation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// What this value is.
    pub label: String,
    /// The value: hex for bytes, text otherwise.
    pub value: String,
    /// A remark for people.
    pub note: Option<String>,
}

/// The signature of a JWS, explained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Explanation {
    /// The algorithm.
    pub alg: Alg,
    /// Whether the recomputed HMAC equals the token's signature (HS* with a secret only).
    pub hmac_matches: Option<bool>,
    /// The steps, in order.
    pub steps: Vec<Step>,
}

fn hex(bytes: &[u8]) -> String {
    hex::encode(bytes)
}

fn step(label: impl Into<String>, value: impl Into<String>, note: Option<&str>) -> Step {
    Step { label: label.into(), value: value.into(), note: note.map(str::to_owned) }
}

fn digest(hash: Hash, data: &[u8]) -> Vec<u8> {
    match hash {
        Hash::Sha256 => sha2::Sha256::digest(data).to_vec(),
        Hash::Sha384 => sha2::Sha384::digest(data).to_vec(),
        Hash::Sha512 => sha2::Sha512::digest(data).to_vec(),
    }
}

/// Explains how `signature` was computed over `signing_input` (the ASCII `header.payload`).
/// `secret` is the HMAC key, when there is one, to recompute HS* signatures.
pub fn explain(alg: Alg, signing_input: &str, signature: &[u8], secret: Option<&[u8]>) -> Explanation {
    let mut steps = vec![step(
        "Signing input: base64url(header) + \".\" + base64url(payload)",
        signing_input,
        Some("The exact characters of the token before the second dot; the JSON is never re-serialised."),
    )];
    let mut hmac_matches = None;
    match (alg.family(), alg.hash()) {
        (Family::Hmac, Some(hash)) => {
            match secret.map(|k| (k, crate::mac::compute(hash, k, signing_input.as_bytes()))) {
                Some((key, mac)) => {
                    steps.push(step(format!("Key ({} bytes)", key.len()), hex(key), None));
                    steps.push(step(format!("HMAC-{}(key, signing input)", hash.name()), hex(&mac), None));
                    steps.push(step(
                        "base64url of that HMAC",
                        b64::encode(&mac),
                        Some("This is what the third segment must be."),
                    ));
                    hmac_matches = Some(mac == signature);
                }
                None => steps.push(step(
                    format!("HMAC-{}(key, signing input)", hash.name()),
                    "(needs the secret)",
                    Some("Paste the secret to recompute the signature."),
                )),
            }
        }
        (Family::Rsa, Some(hash)) => {
            steps.push(step(
                format!("{}(signing input)", hash.name()),
                hex(&digest(hash, signing_input.as_bytes())),
                None,
            ));
            let scheme = if alg.name().starts_with("PS") {
                "RSASSA-PSS: the digest is encoded with MGF1 and a random salt as long as the hash, then signed with the private key."
            } else {
                "RSASSA-PKCS1-v1_5: the digest is wrapped in a DigestInfo, padded, then signed with the private key."
            };
            steps.push(step(
                format!("Signature ({} bytes = key size)", signature.len()),
                hex(signature),
                Some(scheme),
            ));
        }
        (Family::Ecdsa(curve), Some(hash)) => {
            steps.push(step(
                format!("{}(signing input)", hash.name()),
                hex(&digest(hash, signing_input.as_bytes())),
                None,
            ));
            let half = curve.field_bytes();
            if let Some((r, s)) = signature.split_at_checked(half).filter(|_| signature.len() == 2 * half) {
                steps.push(step(format!("R ({half} bytes)"), hex(r), None));
                steps.push(step(
                    format!("S ({half} bytes)"),
                    hex(s),
                    Some("JWS stores R‖S as fixed-size big-endian numbers, not DER."),
                ));
            } else {
                steps.push(step(
                    format!("Signature ({} bytes)", signature.len()),
                    hex(signature),
                    Some("Not R‖S: an ES signature must be exactly twice the field size."),
                ));
            }
        }
        (Family::MlDsa(level), _) => {
            // Kilobytes of signature: the start of it, and its size (the JSON has all of it).
            let shown = signature.get(..48).unwrap_or(signature);
            steps.push(step(
                format!("Signature ({} bytes; {} signatures are {})", signature.len(), level.name(), level.signature_bytes()),
                format!("{}… ({} more bytes)", hex(shown), signature.len() - shown.len()),
                Some("ML-DSA signs the message itself (pure ML-DSA, empty context: RFC 9964); there is no separate digest step."),
            ));
        }
        _ => {
            // Ed25519 signs with 64 bytes (SHA-512 inside), Ed448 with 114 (SHAKE256 inside).
            let (half, note) = match signature.len() {
                64 => {
                    (32, "Ed25519 hashes the message itself with SHA-512; there is no separate digest step.")
                }
                _ => (57, "Ed448 hashes the message itself with SHAKE256; there is no separate digest step."),
            };
            if let Some((r, s)) =
                signature.split_at_checked(half).filter(|_| signature.len() == 64 || signature.len() == 114)
            {
                steps.push(step(format!("R ({half} bytes, a curve point)"), hex(r), None));
                steps.push(step(format!("S ({half} bytes, a scalar)"), hex(s), Some(note)));
            } else {
                steps.push(step(format!("Signature ({} bytes)", signature.len()), hex(signature), None));
            }
        }
    }
    Explanation { alg, hmac_matches, steps }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn hmac_steps_recompute_the_signature() {
        // RFC 4231 test case 2.
        let mac = crate::mac::compute(Hash::Sha256, b"Jefe", b"what do ya want for nothing?");
        assert_eq!(hex(&mac), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        let e = explain(Alg::HS256, "what do ya want for nothing?", &mac, Some(b"Jefe"));
        assert_eq!(e.hmac_matches, Some(true));
        assert_eq!(e.steps[2].value, hex(&mac));
        let e = explain(Alg::HS256, "x", &mac, Some(b"Jefe"));
        assert_eq!(e.hmac_matches, Some(false));
        assert_eq!(explain(Alg::HS256, "x", &mac, None).hmac_matches, None);
    }

    #[test]
    fn ecdsa_splits_r_and_s() {
        let sig: Vec<u8> = (0..64).collect();
        let e = explain(Alg::ES256, "a.b", &sig, None);
        assert_eq!(e.steps[1].value, hex(&sha2::Sha256::digest(b"a.b")));
        assert_eq!(e.steps[2].value, hex(&sig[..32]));
        assert_eq!(e.steps[3].value, hex(&sig[32..]));
        let e = explain(Alg::ES512, "a.b", &[0u8; 132], None);
        assert!(e.steps[2].label.starts_with("R (66 bytes)"));
        let e = explain(Alg::ES256K, "a.b", &sig, None);
        assert_eq!(e.steps[1].value, hex(&sha2::Sha256::digest(b"a.b")));
        assert_eq!((e.steps[2].value.clone(), e.steps[3].value.clone()), (hex(&sig[..32]), hex(&sig[32..])));
        let e = explain(Alg::EdDSA, "a.b", &sig, None);
        assert!(e.steps[1].label.starts_with("R (32 bytes"));
        let ed448: Vec<u8> = (0..114).collect();
        let e = explain(Alg::EdDSA, "a.b", &ed448, None);
        assert!(e.steps[1].label.starts_with("R (57 bytes") && e.steps[2].label.starts_with("S (57 bytes"));
        assert_eq!(e.steps[2].value, hex(&ed448[57..]));
        let e = explain(Alg::MlDsa44, "a.b", &[1u8; 2420], None);
        assert!(e.steps[1].label.starts_with("Signature (2420 bytes"), "{:?}", e.steps);
        assert!(e.steps[1].value.ends_with("… (2372 more bytes)") && e.steps[1].value.len() < 200);
    }
}
