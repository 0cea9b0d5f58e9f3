//! HMAC-SHA-2 by hash name, for the HMAC-only checker and the teaching view (the `hmac` crate).

use hmac::{KeyInit, Mac};

use crate::alg::Hash;

/// Runs `$body` with `$mac` bound to a fresh HMAC over `$key` for `$hash`.
macro_rules! with_mac {
    ($hash:expr, $key:expr, |$mac:ident| $body:expr) => {
        match $hash {
            Hash::Sha256 => hmac::Hmac::<sha2::Sha256>::new_from_slice($key).ok().map(|$mac| $body),
            Hash::Sha384 => hmac::Hmac::<sha2::Sha384>::new_from_slice($key).ok().map(|$mac| $body),
            Hash::Sha512 => hmac::Hmac::<sha2::Sha512>::new_from_slice($key).ok().map(|$mac| $body),
        }
    };
}

/// HMAC of `data` under `key` (any length, even empty).
pub fn compute(hash: Hash, key: &[u8], data: &[u8]) -> Vec<u8> {
    with_mac!(hash, key, |mac| mac.chain_update(data).finalize().into_bytes().to_vec()).unwrap_or_default()
}

/// Whether `tag` is the HMAC-SHA-256 of `data` under `key`, compared in constant time (the
/// page's first bundle uses only this one: it carries no SHA-512 code).
pub fn verify_sha256(key: &[u8], data: &[u8], tag: &[u8]) -> bool {
    hmac::Hmac::<sha2::Sha256>::new_from_slice(key)
        .is_ok_and(|mac| mac.chain_update(data).verify_slice(tag).is_ok())
}

/// Whether `tag` is the HMAC of `data` under `key`, compared in constant time.
pub fn verify(hash: Hash, key: &[u8], data: &[u8], tag: &[u8]) -> bool {
    with_mac!(hash, key, |mac| mac.chain_update(data).verify_slice(tag).is_ok()).unwrap_or(false)
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn rfc_4231_case_2() {
        let mac = compute(Hash::Sha256, b"Jefe", b"what do ya want for nothing?");
        assert_eq!(hex::encode(&mac), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assert!(verify(Hash::Sha256, b"Jefe", b"what do ya want for nothing?", &mac));
        assert!(!verify(Hash::Sha256, b"Jeff", b"what do ya want for nothing?", &mac));
        assert!(!verify(Hash::Sha256, b"Jefe", b"what do ya want for nothing?", &mac[..31]));
        assert!(verify_sha256(b"Jefe", b"what do ya want for nothing?", &mac));
        assert!(!verify_sha256(b"Jeff", b"what do ya want for nothing?", &mac));
        assert!(!verify_sha256(b"Jefe", b"what do ya want for nothing?", &mac[..31]));
        assert_eq!(compute(Hash::Sha384, b"", b"").len(), 48);
        assert_eq!(compute(Hash::Sha512, b"k", b"").len(), 64);
    }
}
