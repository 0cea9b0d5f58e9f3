//! Every case of the shared fixtures (PyJWT and jose cases, RFC 7515 / RFC 8037 vectors) through
//! the library, compared field by field with the contract's expectations.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use jwt_core::{Alg, Clock, Inspection, KeyKind, SigningKey, analyse, sign_signing_input};
use serde_json::Value;

fn check(file: &str, sections: &[&str]) -> usize {
    let cases = common::load(file, sections);
    assert!(!cases.is_empty());
    let clock = Clock::at(common::now());
    let mut failures = Vec::new();
    for case in &cases {
        let report = analyse(&case.token, &case.key());
        // The contract's verdict is analyse's: no known-secret lookup (it would only add the
        // advisory `known_secret` warning to cases signed with one).
        let got = serde_json::to_value(Inspection { report: &report, clock, known_secret: None }).unwrap();
        let diff = common::differences(&got, &case.expect);
        if !diff.is_empty() {
            failures.push(format!("{}: {}", case.id, diff.join("; ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    cases.len()
}

#[test]
fn jwt_cases_match_the_contract() {
    assert_eq!(check("jwt-cases.json", &["cases"]), 51);
}

#[test]
fn more_algorithms_match_the_contract() {
    assert_eq!(check("more-algorithms.json", &["cases"]), 20);
}

#[test]
fn rfc_vectors_match_the_contract() {
    assert_eq!(check("rfc-vectors.json", &["cases", "secondary_cases"]), 10);
}

#[test]
fn rfc_signing_reproduces_deterministic_vectors_and_verifies_the_others() {
    let cases = common::load("rfc-vectors.json", &["cases", "secondary_cases"]);
    let mut checked = 0;
    for case in cases.iter().filter(|c| !c.raw["signing"].is_null()) {
        let private = case.raw["private_jwk"].to_string();
        let key = SigningKey::parse(KeyKind::Jwk, &private).unwrap_or_else(|e| panic!("{}: {e}", case.id));
        let token = case.token.trim();
        let (signing_input, _) = token.rsplit_once('.').unwrap();
        let alg = Alg::parse(case.expect["alg"].as_str().unwrap()).unwrap();
        let signed = sign_signing_input(alg, &key, signing_input).unwrap();
        if case.raw["signing"]["deterministic"] == Value::Bool(true) {
            assert_eq!(signed, token, "{}: not byte for byte", case.id);
        } else {
            assert_ne!(signed, token, "{}: ECDSA signatures are randomised", case.id);
        }
        let report = analyse(&signed, &case.key());
        assert_eq!(report.verdict.signature_valid, Some(true), "{}", case.id);
        checked += 1;
    }
    assert_eq!(checked, 5);
}
