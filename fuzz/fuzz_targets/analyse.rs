//! Any text, with a few keys of each family: `analyse` must not panic, and a report that is not
//! well-formed must show nothing in its verdict.
#![no_main]

use std::sync::OnceLock;

use jwt_core::{Clock, Inspection, KeyKind, ParsedKey, analyse, parse_key};
use libfuzzer_sys::fuzz_target;

const CLOCK: Clock = Clock { now: 1_800_000_000, leeway: 0 };

fn keys() -> &'static [ParsedKey] {
    static KEYS: OnceLock<Vec<ParsedKey>> = OnceLock::new();
    KEYS.get_or_init(|| {
        vec![
            parse_key(KeyKind::None, ""),
            parse_key(KeyKind::SecretUtf8, "secret"),
            parse_key(KeyKind::Jwks, r#"{"keys":[{"kty":"oct","kid":"a","k":"c2VjcmV0"},{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}]}"#),
            parse_key(KeyKind::Jwk, r#"{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}"#),
        ]
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let key = &keys()[usize::from(selector) % keys().len()];
    let report = analyse(&text, key);
    let time_status = Inspection { report: &report, clock: CLOCK, known_secret: None }.time_status();
    let (d, v) = (&report.decoded, &report.verdict);
    if !v.well_formed {
        assert!(d.header.is_none() && d.payload.is_none() && v.alg.is_none());
        assert!(v.signature_valid.is_none() && time_status.is_none());
        assert!(v.error_kind.is_some());
    }
    if let Some(pos) = &d.first_error {
        assert!(pos.offset <= d.token.len());
    }
});
