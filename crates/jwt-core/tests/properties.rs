//! Property tests: for every algorithm, whatever the claims, signing then analysing verifies;
//! and changing any single character of the token makes it fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![cfg(not(target_arch = "wasm32"))]

use std::sync::OnceLock;

use jwt_core::{
    Alg, Clock, ErrorKind, GeneratedKey, Inspection, KeyKind, KeygenKind, ParsedKey, analyse, generate,
    parse_key, sign_json,
};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

const NOW: Clock = Clock { now: 1_800_000_000, leeway: 0 };

/// One generated key per algorithm, shared by every case (RSA generation is slow).
fn keys() -> &'static Vec<(Alg, GeneratedKey, ParsedKey)> {
    static KEYS: OnceLock<Vec<(Alg, GeneratedKey, ParsedKey)>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let rsa = generate(KeygenKind::Rsa(2048)).unwrap();
        Alg::ALL
            .into_iter()
            .map(|alg| {
                let generated = match KeygenKind::for_alg(alg) {
                    KeygenKind::Rsa(_) => rsa.clone(),
                    kind => generate(kind).unwrap(),
                };
                let verify_key = match (&generated.public_pem, &generated.secret_base64url) {
                    (Some(pem), _) => parse_key(KeyKind::Auto, pem),
                    (None, Some(secret)) => parse_key(KeyKind::SecretBase64, secret),
                    _ => unreachable!(),
                };
                (alg, generated, verify_key)
            })
            .collect()
    })
}

fn claim_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        "\\PC{0,24}".prop_map(Value::String),
        Just(Value::Null),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z]{1,6}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn claims() -> impl Strategy<Value = Value> {
    (
        prop::collection::btree_map("[a-z_]{1,10}", claim_value(), 0..6),
        prop::option::of(1_000_000_000i64..4_000_000_000),
    )
        .prop_map(|(map, exp)| {
            let mut object: Map<String, Value> =
                map.into_iter().filter(|(k, _)| !matches!(k.as_str(), "exp" | "nbf" | "iat")).collect();
            if let Some(exp) = exp {
                object.insert("exp".into(), json!(exp));
            }
            Value::Object(object)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn signed_tokens_verify_and_any_changed_character_fails(
        alg_index in 0..Alg::ALL.len(),
        claims in claims(),
        position in any::<prop::sample::Index>(),
        replacement in prop::sample::select("ABCabc0189-_.=+/ é".chars().collect::<Vec<char>>()),
    ) {
        let (alg, generated, verify_key) = &keys()[alg_index];
        let token = sign_json(r#"{"typ":"JWT"}"#, &claims.to_string(), *alg, &generated.key).unwrap().token;
        let report = analyse(&token, verify_key);
        prop_assert_eq!(report.verdict.signature_valid, Some(true), "{} {}", alg, token);
        prop_assert_eq!(report.verdict.error_kind, None);
        prop_assert_eq!(report.decoded.payload.as_ref(), Some(&claims));
        prop_assert_eq!(report.verdict.alg.as_deref(), Some(alg.name()));

        // Change exactly one character to a different one.
        let chars: Vec<char> = token.chars().collect();
        let i = position.index(chars.len());
        prop_assume!(chars[i] != replacement);
        let mut changed = chars.clone();
        changed[i] = replacement;
        let changed: String = changed.into_iter().collect();
        let report = analyse(&changed, verify_key).verdict;
        prop_assert_ne!(report.signature_valid, Some(true), "{} still verifies after changing char {}", alg, i);
        prop_assert!(report.error_kind.is_some());
        if report.well_formed {
            prop_assert!(matches!(
                report.error_kind,
                Some(ErrorKind::BadSignature | ErrorKind::PayloadNotJson | ErrorKind::PayloadNotObject
                    | ErrorKind::AlgUnsupported | ErrorKind::AlgKeyMismatch | ErrorKind::CritUnsupported
                    | ErrorKind::AlgNone | ErrorKind::NoneWithSignature | ErrorKind::ClaimType)
            ), "{:?}", report.error_kind);
        }
    }

    #[test]
    fn analyse_never_panics_on_arbitrary_text(text in "\\PC{0,300}") {
        let key = parse_key(KeyKind::SecretUtf8, "k");
        let report = analyse(&text, &key);
        let time_status = Inspection { report: &report, clock: NOW, known_secret: None }.time_status();
        if !report.verdict.well_formed {
            let d = &report.decoded;
            prop_assert!(d.header.is_none() && d.payload.is_none() && report.verdict.alg.is_none());
            prop_assert!(report.verdict.signature_valid.is_none() && time_status.is_none());
        }
    }

    #[test]
    fn analyse_never_panics_on_token_shaped_input(
        parts in prop::collection::vec("[A-Za-z0-9_=+/ -]{0,40}", 1..7),
        kind in prop::sample::select(KeyKind::CHOICES.to_vec()),
        key in "\\PC{0,40}",
    ) {
        let _ = analyse(&parts.join("."), &parse_key(kind, &key));
    }
}

#[test]
fn every_algorithm_is_covered() {
    // The proptest above draws algorithms by index; make sure each one signs and verifies.
    for (alg, generated, verify_key) in keys() {
        let token = sign_json("{}", r#"{"sub":"x"}"#, *alg, &generated.key).unwrap().token;
        assert_eq!(analyse(&token, verify_key).verdict.signature_valid, Some(true), "{alg}");
    }
    assert_eq!(keys().len(), Alg::ALL.len());
    assert_eq!(keys().len(), 17);
}
