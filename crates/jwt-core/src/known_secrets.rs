//! Publicly known HMAC secrets: `data/known-secrets.json`, compiled by hand from library and
//! framework documentation, tutorials, debugger defaults and the usual weak choices, each with
//! where it comes from. An HS256/384/512 token signed with one of them can be forged by anyone.
//!
//! [`find`] tries every secret (a few hundred HMACs over the signing input), so it is not part
//! of [`crate::analyse`], which the page runs on every keystroke: callers run it where it may
//! take a millisecond or two (the CLI, the page's lazily loaded crypto module or a worker) and
//! pass the result to [`crate::Inspection`].

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::alg::{Alg, Family};
use crate::analyse::Decoded;
use crate::mac;

/// The list as shipped: `{"description", "entries": [{"secret", "source"}]}`.
const DATA: &str = include_str!("../data/known-secrets.json");

/// One publicly known secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnownSecret {
    /// The exact secret; the HMAC key is its UTF-8 bytes. May be empty or hold control
    /// characters.
    pub secret: String,
    /// Where it is publicly known from.
    pub source: String,
}

#[derive(Deserialize)]
struct Data {
    description: String,
    entries: Vec<KnownSecret>,
}

/// Parsed once, on first use.
static LIST: LazyLock<Data> = LazyLock::new(|| {
    // The file is part of the crate and its tests parse it: an empty list cannot ship unnoticed.
    serde_json::from_str(DATA).unwrap_or(Data { description: String::new(), entries: Vec::new() })
});

/// Every known secret, in the file's order.
pub fn all() -> &'static [KnownSecret] {
    &LIST.entries
}

/// What the list is (the file's `description`).
pub fn description() -> &'static str {
    &LIST.description
}

/// The known secret a decoded token is signed with: for a well-formed HS256/384/512 JWS whose
/// signature has the hash's length, the first secret of the list whose HMAC of the signing
/// input is the signature. `None` for anything else (other algorithms, `none`, JWE, malformed
/// tokens) and when no secret matches. Independent of any key the user pasted.
pub fn find(decoded: &Decoded) -> Option<&'static KnownSecret> {
    if !decoded.well_formed {
        return None;
    }
    let alg = Alg::parse(decoded.alg.as_deref()?)?;
    find_signed(alg, decoded.signing_input()?.as_bytes(), decoded.signature.as_deref()?)
}

/// [`find`] on the parts: the first known secret whose `alg` HMAC of `signing_input` is
/// `signature`. `None` unless `alg` is HS256/384/512 and `signature` has the hash's length.
pub fn find_signed(alg: Alg, signing_input: &[u8], signature: &[u8]) -> Option<&'static KnownSecret> {
    if alg.family() != Family::Hmac {
        return None;
    }
    let hash = alg.hash()?;
    if signature.len() != hash.output_bytes() {
        return None;
    }
    all().iter().find(|known| mac::verify(hash, known.secret.as_bytes(), signing_input, signature))
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use std::collections::HashSet;

    use super::*;
    use crate::analyse::decode;
    use crate::key::SigningKey;
    use crate::keys::KeyKind;
    use crate::sign::sign_json;

    const PAYLOAD: &str = r#"{"sub":"1234567890","name":"John Doe","iat":1516239022}"#;

    /// A token signed by the signing code (the empty key, which it refuses, by hand).
    fn signed(alg: Alg, secret: &[u8]) -> String {
        if secret.is_empty() {
            let input = format!(
                "{}.{}",
                crate::b64::encode(format!(r#"{{"alg":"{alg}","typ":"JWT"}}"#).as_bytes()),
                crate::b64::encode(PAYLOAD.as_bytes())
            );
            let tag = mac::compute(alg.hash().unwrap(), b"", input.as_bytes());
            return format!("{input}.{}", crate::b64::encode(&tag));
        }
        let key = SigningKey::parse(KeyKind::SecretHex, &hex::encode(secret)).unwrap();
        sign_json(r#"{"typ":"JWT"}"#, PAYLOAD, alg, &key).unwrap().token
    }

    fn found(token: &str) -> Option<&'static KnownSecret> {
        find(&decode(token))
    }

    #[test]
    fn the_list_is_large_unique_and_sourced() {
        let list = all();
        assert!(list.len() >= 200, "{} entries", list.len());
        let mut seen = HashSet::new();
        for known in list {
            assert!(seen.insert(known.secret.as_str()), "duplicate secret {:?}", known.secret);
            assert!(!known.source.trim().is_empty(), "no source for {:?}", known.secret);
        }
        assert!(!description().is_empty());
        // Kept exactly: the empty secret and secrets with control characters.
        assert!(list.iter().any(|k| k.secret.is_empty()));
        assert!(list.iter().any(|k| k.secret.chars().any(char::is_control)));
    }

    #[test]
    fn tokens_signed_with_well_known_secrets_are_found_with_their_source() {
        for alg in [Alg::HS256, Alg::HS384, Alg::HS512] {
            let known = found(&signed(alg, b"secret")).unwrap_or_else(|| panic!("{alg}: \"secret\""));
            assert_eq!(known.secret, "secret");
            assert!(known.source.contains("node-jsonwebtoken"), "{}", known.source);
            let known = found(&signed(alg, b"your-256-bit-secret")).unwrap_or_else(|| panic!("{alg}"));
            assert_eq!(known.secret, "your-256-bit-secret");
            assert!(known.source.contains("jwt.io"), "{}", known.source);
        }
    }

    #[test]
    fn every_entry_is_found_even_empty_and_control_characters() {
        for known in all() {
            let token = signed(Alg::HS256, known.secret.as_bytes());
            assert_eq!(found(&token).map(|k| &k.secret), Some(&known.secret));
        }
    }

    #[test]
    fn the_inspection_carries_it_and_analyse_never_looks() {
        let token = signed(Alg::HS256, b"secret");
        for key in
            [crate::keys::parse_key(KeyKind::None, ""), crate::keys::parse_key(KeyKind::SecretUtf8, "secret")]
        {
            let report = crate::analyse::analyse(&token, &key);
            assert!(!report.verdict.warnings.contains(&crate::Warning::KnownSecret));
            let clock = crate::Clock::at(0);
            let plain =
                serde_json::to_value(crate::Inspection { report: &report, clock, known_secret: None })
                    .unwrap();
            assert_eq!(plain["known_secret"], serde_json::Value::Null);
            assert!(!plain["warnings"].as_array().unwrap().iter().any(|w| w == "known_secret"));
            let known_secret = find(&report.decoded);
            let inspection = crate::Inspection { report: &report, clock, known_secret };
            let json = serde_json::to_value(inspection).unwrap();
            assert_eq!(json["known_secret"], "secret");
            assert!(json["warnings"].as_array().unwrap().iter().any(|w| w == "known_secret"), "{json}");
        }
    }

    #[test]
    fn the_page_sample_is_found_whatever_the_input_dressing() {
        // jwt.io's sample token, as pasted with a Bearer prefix and a line break.
        let token = "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.\nSflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
        assert_eq!(found(token).map(|k| k.secret.as_str()), Some("your-256-bit-secret"));
    }

    #[test]
    fn strong_secrets_and_other_tokens_are_not_found() {
        let mut random = [0u8; 32];
        getrandom::fill(&mut random).unwrap();
        for alg in [Alg::HS256, Alg::HS384, Alg::HS512] {
            assert_eq!(found(&signed(alg, &random)), None, "{alg}");
            // One flipped signature bit: no longer "secret".
            let token = signed(alg, b"secret");
            let (input, sig) = token.rsplit_once('.').unwrap();
            let mut bytes = crate::b64::decode_strict(sig).unwrap();
            bytes[0] ^= 1;
            assert_eq!(found(&format!("{input}.{}", crate::b64::encode(&bytes))), None, "{alg}");
            // The right tag for the wrong algorithm length.
            assert_eq!(find_signed(alg, input.as_bytes(), &bytes[..bytes.len() - 1]), None);
        }
        let generated = crate::keygen::generate(crate::keygen::KeygenKind::for_alg(Alg::RS256)).unwrap();
        let rs = sign_json("{}", "{}", Alg::RS256, &generated.key).unwrap().token;
        assert_eq!(found(&rs), None);
        // alg none, malformed, JWE, and an HS256 header over a "secret" tag cut short.
        assert_eq!(found("eyJhbGciOiJub25lIn0.eyJzdWIiOiJhIn0."), None);
        assert_eq!(found("not a token"), None);
        assert_eq!(found(""), None);
        assert_eq!(found("eyJhbGciOiJIUzI1NiJ9.e30"), None);
        assert_eq!(found("eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..aXY.Y2lwaGVy.dGFn"), None);
        // An HS256 token signed with "secret" but with a lowercase alg is not an HMAC token.
        let hs = signed(Alg::HS256, b"secret");
        let (_, rest) = hs.split_once('.').unwrap();
        let lower = format!("{}.{rest}", crate::b64::encode(br#"{"alg":"hs256"}"#));
        assert_eq!(found(&lower), None);
    }
}
