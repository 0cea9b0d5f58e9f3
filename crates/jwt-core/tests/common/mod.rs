//! Shared by the integration tests: the fixture cases and how to compare a verdict with them.
#![allow(dead_code)]

use jwt_core::{KeyKind, ParsedKey, parse_key};
use serde_json::Value;

/// One case of `tests/fixtures/*.json`.
pub struct Case {
    pub id: String,
    pub token: String,
    pub key_kind: KeyKind,
    pub key_text: String,
    pub expect: Value,
    pub raw: Value,
}

impl Case {
    pub fn key(&self) -> ParsedKey {
        parse_key(self.key_kind, &self.key_text)
    }
}

/// The fixture files, compiled in (so the app's CLI tests and wasm32 can use them too).
pub const JWT_CASES: &str = include_str!("../fixtures/jwt-cases.json");
pub const RFC_VECTORS: &str = include_str!("../fixtures/rfc-vectors.json");
/// Cases for the algorithms added after the shared fixtures (ES256K, Ed448, ML-DSA), made by PyJWT
/// and pyca/cryptography
/// (`fixtures/make_more_algorithms.py`).
pub const MORE_ALGORITHMS: &str = include_str!("../fixtures/more-algorithms.json");

/// Cases of a fixture file; `sections` names the arrays to read ("cases", "secondary_cases").
pub fn load(file: &str, sections: &[&str]) -> Vec<Case> {
    let text = match file {
        "jwt-cases.json" => JWT_CASES,
        "rfc-vectors.json" => RFC_VECTORS,
        "more-algorithms.json" => MORE_ALGORITHMS,
        other => panic!("no fixture file {other}"),
    };
    parse(text, sections)
}

/// Cases of fixture JSON text (for wasm32, which has no file system: use `include_str!`).
pub fn parse(json: &str, sections: &[&str]) -> Vec<Case> {
    let data: Value = serde_json::from_str(json).unwrap();
    sections
        .iter()
        .flat_map(|s| data[*s].as_array().cloned().unwrap_or_default())
        .map(|c| {
            let key_kind = KeyKind::parse(c["key"]["kind"].as_str().unwrap()).unwrap();
            let key_text = match &c["key"]["value"] {
                Value::Null => String::new(),
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            Case {
                id: c["id"].as_str().unwrap().to_owned(),
                token: c["token"].as_str().unwrap().to_owned(),
                key_kind,
                key_text,
                expect: c["expect"].clone(),
                raw: c,
            }
        })
        .collect()
}

/// Unix time now: the contract judges time against the real clock.
#[cfg(not(target_arch = "wasm32"))]
pub fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64
}

/// Unix time now (`SystemTime::now` panics on wasm32-unknown-unknown: ask JavaScript).
#[cfg(target_arch = "wasm32")]
pub fn now() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// Compares a verdict (as JSON: the contract's fields) with a case's `expect`; returns the
/// differences.
pub fn differences(got: &Value, expect: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for field in ["well_formed", "alg", "signature_valid", "error_kind", "time_status", "header", "payload"] {
        if got[field] != expect[field] {
            out.push(format!("{field}: got {} expected {}", got[field], expect[field]));
        }
    }
    let have: Vec<&str> = got["warnings"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
    for w in expect["warnings"].as_array().unwrap() {
        if !have.contains(&w.as_str().unwrap()) {
            out.push(format!("warning {w} missing (have {have:?})"));
        }
    }
    out
}
