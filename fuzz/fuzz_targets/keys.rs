//! Any text as a key of every kind, for verifying and for signing: reading must not panic.
#![no_main]

use jwt_core::{KeyKind, SigningKey, parse_key};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let kind = KeyKind::CHOICES[usize::from(selector) % KeyKind::CHOICES.len()];
    let parsed = parse_key(kind, &text);
    assert_eq!(parsed.requested, kind);
    let _ = SigningKey::parse(kind, &text);
    let _ = jwt_core::formats::signing_key_from_pem(&text);
});
