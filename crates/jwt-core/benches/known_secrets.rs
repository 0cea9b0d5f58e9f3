//! The known-secret check ([`jwt_core::known_secrets::find`]): a few hundred HMACs over the
//! signing input. Worst case: no secret matches, so every one is tried. Prints figures; asserts
//! nothing. Run: `cargo bench -p jwt-core --bench known_secrets`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use jwt_core::{Alg, KeygenKind, decode, generate, known_secrets, sign_json};

/// The longest token of at most `size` bytes signed with `alg` under a fresh random key.
fn token(alg: Alg, size: usize) -> String {
    let key = generate(KeygenKind::for_alg(alg)).expect("key").key;
    let make = |pad: usize| {
        let payload = format!(
            r#"{{"sub":"1234567890","name":"Ada Lovelace","iat":1700000000,"exp":4102444800,"pad":"{}"}}"#,
            "x".repeat(pad)
        );
        sign_json(r#"{"typ":"JWT"}"#, &payload, alg, &key).expect("sign").token
    };
    let mut pad = 0;
    while make(pad + 1).len() <= size {
        pad += 1;
    }
    make(pad)
}

fn known_secrets(c: &mut Criterion) {
    println!("{} known secrets", known_secrets::all().len());
    let mut group = c.benchmark_group("known secrets, no match");
    for (name, alg, size) in [
        ("known_secret_1kb", Alg::HS256, 1024),
        ("known_secret_1kb_hs512", Alg::HS512, 1024),
        ("known_secret_200b", Alg::HS256, 200),
    ] {
        let token = token(alg, size);
        assert!(token.len() <= size && token.len() > size - 8, "{name}: {}", token.len());
        let decoded = decode(&token);
        assert!(known_secrets::find(&decoded).is_none());
        group.bench_function(name, |b| b.iter(|| known_secrets::find(black_box(&decoded))));
    }
    group.finish();
}

criterion_group!(benches, known_secrets);
criterion_main!(benches);
