//! Analyse + verify time per algorithm for a 1 KB token, and analyse time for a 256 KiB token
//! (natively). Prints figures; asserts nothing. Run: `cargo bench -p jwt-core --bench analyse`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use jwt_core::{
    Alg, KeyKind, KeygenKind, MAX_INPUT_BYTES, ParsedKey, analyse, decode, generate, parse_key, sign_json,
};

/// A token of at most `size` bytes (within a few bytes) signed with `alg`, and its verify key.
fn token(alg: Alg, size: usize) -> (String, ParsedKey) {
    token_with(alg, KeygenKind::for_alg(alg), size)
}

/// [`token`] with a key of `kind` (EdDSA: Ed25519 or Ed448).
fn token_with(alg: Alg, kind: KeygenKind, size: usize) -> (String, ParsedKey) {
    let generated = generate(kind).expect("key");
    let make = |pad: usize| {
        let payload = format!(
            r#"{{"sub":"1234567890","name":"Ada Lovelace","iat":1700000000,"exp":4102444800,"pad":"{}"}}"#,
            "x".repeat(pad)
        );
        sign_json(r#"{"typ":"JWT"}"#, &payload, alg, &generated.key).expect("sign").token
    };
    // Each 3 payload bytes add 4 token characters: adjust the padding until it fits.
    let mut pad = 0usize;
    let mut token = make(pad);
    while token.len() + 4 <= size || token.len() > size {
        let delta = (size as isize - token.len() as isize) * 3 / 4;
        pad = (pad as isize + delta.clamp(-(pad as isize), isize::MAX)).max(0) as usize;
        let next = make(pad);
        if next.len() == token.len() {
            break;
        }
        token = next;
    }
    let key = match (&generated.public_pem, &generated.secret_base64url) {
        (Some(pem), _) => parse_key(KeyKind::PemSpki, pem),
        (None, Some(secret)) => parse_key(KeyKind::SecretBase64, secret),
        _ => unreachable!(),
    };
    (token, key)
}

fn one_kilobyte(c: &mut Criterion) {
    let mut group = c.benchmark_group("analyse+verify 1 KB");
    for alg in Alg::ALL {
        // An ML-DSA signature alone is 2.4–4.6 KB: its tokens are as small as they can be.
        let size = if matches!(alg.family(), jwt_core::Family::MlDsa(_)) { 0 } else { 1024 };
        let (token, key) = token(alg, size);
        assert!(size == 0 || (token.len() <= 1024 && token.len() > 1000), "{alg}: {}", token.len());
        assert_eq!(analyse(&token, &key).verdict.signature_valid, Some(true));
        group.bench_function(alg.name(), |b| b.iter(|| analyse(black_box(&token), black_box(&key))));
    }
    let (token, key) = token_with(Alg::EdDSA, KeygenKind::Ed448, 1024);
    assert_eq!(analyse(&token, &key).verdict.signature_valid, Some(true));
    group.bench_function("EdDSA (Ed448)", |b| b.iter(|| analyse(black_box(&token), black_box(&key))));
    group.finish();
}

fn large(c: &mut Criterion) {
    let mut group = c.benchmark_group("analyse 256 KiB");
    group.sample_size(20);
    let (token, key) = token(Alg::HS256, MAX_INPUT_BYTES);
    assert!(token.len() <= MAX_INPUT_BYTES && token.len() > MAX_INPUT_BYTES - 16, "{}", token.len());
    println!("large token: {} bytes", token.len());
    group.bench_function("decode only", |b| b.iter(|| decode(black_box(&token))));
    group.bench_function("HS256 verify", |b| b.iter(|| analyse(black_box(&token), &key)));
    group.finish();
}

criterion_group!(benches, one_kilobyte, large);
criterion_main!(benches);
