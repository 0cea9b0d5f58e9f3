//! Unit tests of the analysis, by contract step.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;
use crate::alg::Alg;
use crate::b64;
use crate::error::Warning;
use crate::key::PublicKey;
use crate::keys::{KeyKind, KeyMaterial, SecretEncoding, parse_key};
use crate::time::{Clock, TimeStatus};
use crate::verdict::Inspection;

const NOW: Clock = Clock { now: 1_800_000_000, leeway: 0 };

/// A report's verdict and details side by side, with time judged at a clock.
struct Flat {
    well_formed: bool,
    header: Option<Value>,
    payload: Option<Value>,
    alg: Option<String>,
    signature_valid: Option<bool>,
    error_kind: Option<ErrorKind>,
    time_status: Option<TimeStatus>,
    warnings: Vec<Warning>,
    message: Option<String>,
    token: String,
    first_error: Option<ErrorPosition>,
    lenient: Option<Lenient>,
    header_params: Vec<ClaimRow>,
    claims: Vec<ClaimRow>,
    key: KeyReport,
}

fn analyse_at(input: &str, key: &ParsedKey, clock: Clock) -> Flat {
    let report = super::analyse(input, key);
    let time_status = Inspection { report: &report, clock, known_secret: None }.time_status();
    let Report { decoded, check, verdict } = report;
    let (header_params, claims) = (decoded.header_params().to_vec(), decoded.claims().to_vec());
    Flat {
        well_formed: verdict.well_formed,
        header: decoded.header,
        payload: decoded.payload,
        alg: verdict.alg,
        signature_valid: verdict.signature_valid,
        error_kind: verdict.error_kind,
        time_status,
        warnings: verdict.warnings,
        message: verdict.message,
        token: decoded.token,
        first_error: decoded.first_error,
        lenient: decoded.lenient,
        header_params,
        claims,
        key: check.key,
    }
}

fn token(header: &str, payload: &str, signature: &[u8]) -> String {
    format!(
        "{}.{}.{}",
        b64::encode(header.as_bytes()),
        b64::encode(payload.as_bytes()),
        b64::encode(signature)
    )
}

fn hs256(header: &str, payload: &str, secret: &[u8]) -> String {
    let input = format!("{}.{}", b64::encode(header.as_bytes()), b64::encode(payload.as_bytes()));
    let key = crate::key::SigningKey::Secret(secret.to_vec());
    crate::sign::sign_signing_input(Alg::HS256, &key, &input).unwrap()
}

fn no_key() -> ParsedKey {
    ParsedKey::none()
}

#[test]
fn structural_errors_clear_the_verdict() {
    let big = "a".repeat(MAX_INPUT_BYTES + 1);
    assert_eq!(analyse_at(&big, &no_key(), NOW).error_kind, Some(ErrorKind::TooLarge));
    assert_eq!(
        analyse_at(&"a".repeat(MAX_INPUT_BYTES), &no_key(), NOW).error_kind,
        Some(ErrorKind::Segments)
    );
    assert_eq!(analyse_at(" \n\t", &no_key(), NOW).error_kind, Some(ErrorKind::Empty));
    assert_eq!(analyse_at("Bearer  ", &no_key(), NOW).error_kind, Some(ErrorKind::Segments));
    for bad in ["a.b", "a.b.c.d", "a.b.c.d.e.f", "abc"] {
        let r = analyse_at(bad, &no_key(), NOW);
        assert_eq!(r.error_kind, Some(ErrorKind::Segments), "{bad}");
        assert!(!r.well_formed && r.header.is_none() && r.alg.is_none());
    }
    let t = token(r#"{"alg":"HS256"}"#, "{}", b"sig");
    assert_eq!(analyse_at(&format!("{t}."), &no_key(), NOW).error_kind, Some(ErrorKind::Segments));
}

#[test]
fn base64_errors_point_at_the_character() {
    let t = token(r#"{"alg":"HS256"}"#, "{}", b"sig");
    let bad = format!("{t}=");
    let r = analyse_at(&bad, &no_key(), NOW);
    assert_eq!(r.error_kind, Some(ErrorKind::Base64));
    assert_eq!(r.first_error.as_ref().unwrap().offset, bad.len() - 1);
    assert_eq!(r.first_error.as_ref().unwrap().segment, 2);
    // The lenient reading still shows the header and payload.
    let lenient = r.lenient.unwrap();
    assert_eq!(lenient.header.unwrap().json.unwrap()["alg"], "HS256");
    assert_eq!(lenient.payload.unwrap().text, "{}");
    assert_eq!(r.header, None);
}

#[test]
fn header_rules() {
    let cases = [
        ("not json", ErrorKind::HeaderJson),
        ("[1]", ErrorKind::HeaderJson),
        (r#"{"typ":"JWT"}"#, ErrorKind::HeaderJson),
        (r#"{"alg":256}"#, ErrorKind::HeaderJson),
        (r#"{"alg":"HS256","alg":"none"}"#, ErrorKind::DuplicateKeys),
    ];
    for (header, kind) in cases {
        let r = analyse_at(&token(header, "{}", b""), &no_key(), NOW);
        assert_eq!(r.error_kind, Some(kind), "{header}");
        assert!(!r.well_formed && r.header.is_none());
    }
    let mut not_utf8 = b64::encode(b"{\"alg\":\"\xff\"}");
    not_utf8.push_str(".e30.");
    assert_eq!(analyse_at(&not_utf8, &no_key(), NOW).error_kind, Some(ErrorKind::HeaderJson));
}

#[test]
fn jwe_and_b64_false_show_only_the_header() {
    let h = b64::encode(br#"{"alg":"dir","enc":"A128GCM"}"#);
    let r = analyse_at(&format!("{h}..aXY.Y2lwaGVy.dGFn"), &no_key(), NOW);
    assert_eq!(r.error_kind, Some(ErrorKind::Jwe));
    assert!(r.well_formed);
    assert_eq!(r.alg.as_deref(), Some("dir"));
    assert_eq!(r.header.unwrap()["enc"], "A128GCM");
    assert_eq!((r.payload, r.signature_valid, r.time_status), (None, None, None));

    let r = analyse_at(&token(r#"{"alg":"HS256","b64":false,"crit":["b64"]}"#, "{}", b"s"), &no_key(), NOW);
    assert_eq!(r.error_kind, Some(ErrorKind::B64False));
    assert!(r.well_formed && r.payload.is_none() && r.header.is_some());
}

#[test]
fn payload_rules_keep_checking_the_signature() {
    let key = parse_key(KeyKind::SecretUtf8, "k");
    let t = hs256(r#"{"alg":"HS256"}"#, "hello", b"k");
    let r = analyse_at(&t, &key, NOW);
    assert_eq!(
        (r.error_kind, r.signature_valid, r.well_formed),
        (Some(ErrorKind::PayloadNotJson), Some(true), true)
    );
    assert_eq!((r.payload, r.time_status), (None, None));
    assert_eq!(r.lenient.unwrap().payload.unwrap().text, "hello");

    let t = hs256(r#"{"alg":"HS256"}"#, "[1,2]", b"k");
    let r = analyse_at(&t, &key, NOW);
    assert_eq!(r.error_kind, Some(ErrorKind::PayloadNotObject));

    let t = hs256(r#"{"alg":"HS256"}"#, r#"{"a":1,"a":2}"#, b"k");
    let r = analyse_at(&t, &key, NOW);
    assert_eq!(
        (r.error_kind, r.well_formed, r.signature_valid),
        (Some(ErrorKind::DuplicateKeys), false, None)
    );

    // A bad signature outranks a non-JSON payload.
    let t = hs256(r#"{"alg":"HS256"}"#, "hello", b"other");
    let r = analyse_at(&t, &key, NOW);
    assert_eq!((r.error_kind, r.signature_valid), (Some(ErrorKind::BadSignature), Some(false)));
}

#[test]
fn crit_rules() {
    let key = parse_key(KeyKind::SecretUtf8, "k");
    for (crit, ok) in [
        (r#"["b64"]"#, true),
        (r#"["exp"]"#, false),
        (r#"[]"#, false),
        (r#""b64""#, false),
        (r#"["b64",1]"#, false),
        (r#"["b64","x"]"#, false),
    ] {
        let header = format!(r#"{{"alg":"HS256","crit":{crit}}}"#);
        let t = hs256(&header, r#"{"exp":4102444800}"#, b"k");
        let r = analyse_at(&t, &key, NOW);
        if ok {
            assert_eq!((r.error_kind, r.signature_valid), (None, Some(true)), "{crit}");
        } else {
            assert_eq!((r.error_kind, r.signature_valid), (Some(ErrorKind::CritUnsupported), None), "{crit}");
            assert_eq!(r.time_status, Some(TimeStatus::Valid));
            assert!(r.payload.is_some());
        }
    }
}

#[test]
fn claim_types_and_time() {
    let key = parse_key(KeyKind::SecretUtf8, "k");
    let r = analyse_at(&hs256(r#"{"alg":"HS256"}"#, r#"{"exp":"4102444800"}"#, b"k"), &key, NOW);
    assert_eq!(
        (r.error_kind, r.time_status, r.signature_valid),
        (Some(ErrorKind::ClaimType), None, Some(true))
    );
    let r = analyse_at(&hs256(r#"{"alg":"HS256"}"#, r#"{"iat":true,"exp":1}"#, b"k"), &key, NOW);
    assert_eq!((r.error_kind, r.time_status), (Some(ErrorKind::ClaimType), None));
    let r = analyse_at(&hs256(r#"{"alg":"HS256"}"#, r#"{"exp":4102444800.5,"nbf":1.25}"#, b"k"), &key, NOW);
    assert_eq!((r.error_kind, r.time_status), (None, Some(TimeStatus::Valid)));
    let r = analyse_at(&hs256(r#"{"alg":"HS256"}"#, r#"{"exp":4102444800000}"#, b"k"), &key, NOW);
    assert!(r.warnings.contains(&Warning::ExpMilliseconds));
    assert_eq!(r.time_status, Some(TimeStatus::Valid));
    let exp = r.claims.iter().find(|c| c.name == "exp").unwrap();
    assert_eq!(exp.time.as_ref().unwrap().iso, None);
    // Leeway is explicit.
    let t = hs256(r#"{"alg":"HS256"}"#, &format!(r#"{{"exp":{}}}"#, NOW.now - 10), b"k");
    assert_eq!(analyse_at(&t, &key, NOW).time_status, Some(TimeStatus::Expired));
    let lenient = Clock { leeway: 30, ..NOW };
    assert_eq!(analyse_at(&t, &key, lenient).time_status, Some(TimeStatus::Valid));
}

#[test]
fn none_and_unsupported_algorithms() {
    let key = parse_key(KeyKind::SecretUtf8, "k");
    let r = analyse_at(&token(r#"{"alg":"none"}"#, "{}", b""), &key, NOW);
    assert_eq!((r.error_kind, r.signature_valid), (Some(ErrorKind::AlgNone), None));
    let r = analyse_at(&token(r#"{"alg":"none"}"#, "{}", b"x"), &key, NOW);
    assert_eq!((r.error_kind, r.signature_valid), (Some(ErrorKind::NoneWithSignature), Some(false)));
    for alg in ["None", "hs256", "es256k", "ES256k", "RS1", "ES256KK"] {
        let r = analyse_at(&token(&format!(r#"{{"alg":"{alg}"}}"#), "{}", b"x"), &key, NOW);
        assert_eq!((r.error_kind, r.signature_valid), (Some(ErrorKind::AlgUnsupported), None), "{alg}");
        assert_eq!(r.alg.as_deref(), Some(alg));
    }
}

#[test]
fn secret_readings_tell_which_encoding_verifies() {
    let secret = [0xfbu8, 0xff, 0x00, 0x10, 0x20, 0x30];
    let t = hs256(r#"{"alg":"HS256"}"#, "{}", &secret);
    let text = "+/8AECAw";
    let r = analyse_at(&t, &parse_key(KeyKind::Auto, text), NOW);
    assert_eq!((r.signature_valid, r.error_kind), (Some(false), Some(ErrorKind::BadSignature)));
    let verifies: Vec<(SecretEncoding, Option<bool>)> =
        r.key.readings.iter().map(|x| (x.encoding, x.verifies)).collect();
    assert_eq!(
        verifies,
        [
            (SecretEncoding::Utf8, Some(false)),
            (SecretEncoding::Base64, Some(true)),
            (SecretEncoding::Base64url, None),
            (SecretEncoding::Hex, None)
        ]
    );
    let r = analyse_at(&t, &parse_key(KeyKind::SecretBase64, text), NOW);
    assert_eq!(r.signature_valid, Some(true));
    assert!(r.warnings.contains(&Warning::WeakHmacKey));
    let r = analyse_at(&t, &parse_key(KeyKind::SecretHex, "fbff00102030"), NOW);
    assert_eq!(r.signature_valid, Some(true));
}

#[test]
fn key_problems() {
    let t = hs256(r#"{"alg":"HS256"}"#, "{}", b"k");
    let r = analyse_at(&t, &parse_key(KeyKind::SecretBase64, "!!"), NOW);
    assert_eq!((r.error_kind, r.signature_valid), (Some(ErrorKind::KeyInvalid), None));
    assert!(r.key.error.is_some());
    let r = analyse_at(&t, &parse_key(KeyKind::Jwk, r#"{"kty":"oct","k":"aw"}"#), NOW);
    assert_eq!(r.signature_valid, Some(true));
    let r = analyse_at(&t, &parse_key(KeyKind::None, "ignored"), NOW);
    assert_eq!((r.error_kind, r.signature_valid), (None, None));
    // A key-confusion attempt: an RS token verified with a secret is a mismatch.
    let rs = token(r#"{"alg":"RS256"}"#, "{}", b"x");
    let r = analyse_at(&rs, &parse_key(KeyKind::SecretUtf8, "k"), NOW);
    assert_eq!(r.error_kind, Some(ErrorKind::AlgKeyMismatch));
}

#[test]
fn empty_hmac_key_verifies_with_a_weak_key_warning() {
    use hmac::{KeyInit, Mac};
    let input = format!("{}.{}", b64::encode(br#"{"alg":"HS256"}"#), b64::encode(b"{}"));
    let mac =
        hmac::Hmac::<sha2::Sha256>::new_from_slice(b"").unwrap().chain_update(input.as_bytes()).finalize();
    let token = format!("{input}.{}", b64::encode(&mac.into_bytes()));
    let r = analyse_at(&token, &parse_key(KeyKind::SecretUtf8, ""), NOW);
    assert_eq!((r.signature_valid, r.error_kind), (Some(true), None));
    assert!(r.warnings.contains(&Warning::WeakHmacKey));
    let r = analyse_at(&token, &parse_key(KeyKind::SecretUtf8, "x"), NOW);
    assert_eq!(r.signature_valid, Some(false));
    // With auto, an empty key box means "no key".
    assert_eq!(analyse_at(&token, &parse_key(KeyKind::Auto, ""), NOW).signature_valid, None);
}

#[test]
fn readable_keys_of_unsupported_types_are_a_mismatch() {
    // An X25519 SubjectPublicKeyInfo (a key-agreement key: no JWS algorithm uses it).
    let x25519 = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VuAyEAIxbE+IsFgIO6Bwf2UILKEVPcjKNNTxpOSJUBO0X66lI=\n-----END PUBLIC KEY-----\n";
    let key = parse_key(KeyKind::PemSpki, x25519);
    assert!(
        matches!(key.material, Ok(KeyMaterial::Public { key: PublicKey::Other(_), .. })),
        "{:?}",
        key.material
    );
    let r = analyse_at(&token(r#"{"alg":"EdDSA"}"#, "{}", &[0; 64]), &key, NOW);
    assert_eq!((r.error_kind, r.signature_valid), (Some(ErrorKind::AlgKeyMismatch), None));
    assert!(r.message.unwrap().contains("X25519"));
}

#[test]
fn ed448_keys_are_eddsa_keys() {
    // The Ed448 SubjectPublicKeyInfo of RFC 8410 §10.1: an EdDSA key now, so a wrong signature
    // is a bad signature, not a mismatch; for RS256 it is the wrong type.
    let ed448 = "-----BEGIN PUBLIC KEY-----\nMEMwBQYDK2VxAzoAX9dEm1m0Yf0s54fsYWrUah2hNCSFpw4fig6nXYDpZ3jt8SR2m0bHBhvWeD3x5Q9s0foavq/oJWGA\n-----END PUBLIC KEY-----\n";
    let key = parse_key(KeyKind::PemSpki, ed448);
    assert!(
        matches!(key.material, Ok(KeyMaterial::Public { key: PublicKey::Ed448(_), .. })),
        "{:?}",
        key.material
    );
    let r = analyse_at(&token(r#"{"alg":"EdDSA"}"#, "{}", &[0; 114]), &key, NOW);
    assert_eq!((r.error_kind, r.signature_valid), (Some(ErrorKind::BadSignature), Some(false)));
    let r = analyse_at(&token(r#"{"alg":"RS256"}"#, "{}", &[0; 256]), &key, NOW);
    assert_eq!((r.error_kind, r.signature_valid), (Some(ErrorKind::AlgKeyMismatch), None));
}

#[test]
fn jwks_selection_by_kid() {
    let t = hs256(r#"{"alg":"HS256","kid":"b"}"#, "{}", b"key-b");
    let set = |keys: &str| parse_key(KeyKind::Jwks, &format!(r#"{{"keys":[{keys}]}}"#));
    let a = r#"{"kty":"oct","kid":"a","k":"a2V5LWE"}"#;
    let b = r#"{"kty":"oct","kid":"b","k":"a2V5LWI"}"#;
    let b_wrong = r#"{"kty":"oct","kid":"b","k":"a2V5LWE"}"#;
    assert_eq!(analyse_at(&t, &set(&format!("{a},{b}")), NOW).signature_valid, Some(true));
    assert_eq!(analyse_at(&t, &set(a), NOW).error_kind, Some(ErrorKind::KidNotFound));
    // No fallback to other keys when the kid's key fails.
    let r = analyse_at(&t, &set(&format!("{b_wrong},{a}")), NOW);
    assert_eq!(r.error_kind, Some(ErrorKind::BadSignature));
    // Without kid every compatible key is tried.
    let t = hs256(r#"{"alg":"HS256"}"#, "{}", b"key-b");
    let r = analyse_at(&t, &set(&format!("{a},{b}")), NOW);
    assert_eq!(r.signature_valid, Some(true));
    assert_eq!(r.key.set.iter().filter_map(|m| m.verifies).collect::<Vec<_>>(), [false, true]);
    let rsa_only = r#"{"kty":"RSA","kid":"r","n":"AQAB","e":"AQAB"}"#;
    assert_eq!(analyse_at(&t, &set(rsa_only), NOW).error_kind, Some(ErrorKind::AlgKeyMismatch));
    // The set is described in words that count right.
    assert_eq!(analyse_at(&t, &set(a), NOW).key.description.as_deref(), Some("JWKS with 1 key (1 usable)"));
    let r = analyse_at(&t, &set(&format!("{a},{rsa_only}")), NOW);
    assert_eq!(r.key.description.as_deref(), Some("JWKS with 2 keys (1 usable)"));
}

#[test]
fn public_key_text_as_hmac_secret_warns() {
    let pem = "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n";
    let t = hs256(r#"{"alg":"HS256"}"#, "{}", pem.as_bytes());
    let r = analyse_at(&t, &parse_key(KeyKind::SecretUtf8, pem), NOW);
    assert_eq!(r.signature_valid, Some(true));
    assert!(r.warnings.contains(&Warning::HmacSecretIsPublicKey));
    for text in ["ssh-rsa AAAA", "ecdsa-sha2-nistp256 AAAA", "x -----BEGIN RSA PUBLIC KEY-----"] {
        let r = analyse_at(&t, &parse_key(KeyKind::SecretUtf8, text), NOW);
        assert!(r.warnings.contains(&Warning::HmacSecretIsPublicKey), "{text}");
    }
}

#[test]
fn claim_rows_locate_their_values_in_the_token() {
    let t = hs256(
        r#"{"alg":"HS256","typ":"JWT"}"#,
        r#"{"sub":"1234567890","name":"John Doe","iat":1516239022}"#,
        b"k",
    );
    let r = analyse_at(&t, &no_key(), NOW);
    let names: Vec<&str> = r.claims.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["sub", "name", "iat"]);
    for row in r.claims.iter().chain(&r.header_params) {
        let range = row.token_range.clone().unwrap();
        let decoded = b64::decode_lenient(&r.token[range]);
        let text = String::from_utf8_lossy(&decoded);
        assert!(text.contains(&row.value.to_string()), "{}'s value not in its range", row.name);
        assert!(text.contains(&format!("\"{}\"", row.name)), "{}'s name not in its range", row.name);
    }
    let iat = r.claims.iter().find(|c| c.name == "iat").unwrap();
    assert_eq!(iat.time.as_ref().unwrap().iso.as_deref(), Some("2018-01-18T01:30:22Z"));
    assert_eq!(iat.doc.unwrap().source, "RFC 7519 §4.1.6");
}

#[test]
fn claim_rows_are_read_when_first_asked_for() {
    let t = hs256(r#"{"alg":"HS256","typ":"JWT"}"#, r#"{"sub":"1","exp":1700000000}"#, b"k");
    let decoded = decode(&t);
    // Decoding (what a keystroke's verdict needs) leaves them unread.
    assert!(decoded.rows.header.get().is_none() && decoded.rows.claims.get().is_none());
    assert_eq!(decoded.times.and_then(|t| t.exp), Some(1_700_000_000.0));
    let names = |rows: &[ClaimRow]| rows.iter().map(|r| r.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(decoded.claims()), ["sub", "exp"]);
    assert_eq!(names(decoded.header_params()), ["alg", "typ"]);
    assert!(decoded.rows.header.get().is_some() && decoded.rows.claims.get().is_some());
    // Read or not, two decodes of one token are equal.
    assert_eq!(decoded, decode(&t));
}

#[test]
fn a_payload_with_duplicate_names_still_has_its_header_explained() {
    let t = token(r#"{"alg":"HS256","typ":"JWT"}"#, r#"{"a":1,"a":2}"#, b"x");
    let decoded = decode(&t);
    assert!(decoded.has_problem(ErrorKind::DuplicateKeys));
    assert!(decoded.header.is_none() && decoded.claims().is_empty());
    let header = decoded.header_params();
    assert_eq!(header.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(), ["alg", "typ"]);
    assert!(
        header.iter().all(|r| r.token_range.as_ref().is_some_and(|range| range.end <= t.find('.').unwrap()))
    );
}

#[test]
fn untrusted_key_headers_are_flagged() {
    let r = analyse_at(
        &token(r#"{"alg":"RS256","jku":"https://evil.example/keys"}"#, "{}", b"x"),
        &no_key(),
        NOW,
    );
    assert!(r.warnings.contains(&Warning::UntrustedKeyHeader));
}

#[test]
fn an_unencoded_payload_is_not_a_base64_error() {
    // RFC 7797: with "b64": false the payload segment is raw text, "hello" here (5
    // characters: impossible as base64url).
    let header = b64::encode(br#"{"alg":"HS256","b64":false,"crit":["b64"]}"#);
    let sig = b64::encode(b"signature");
    let r = analyse_at(&format!("{header}.hello.{sig}"), &no_key(), NOW);
    assert_eq!((r.error_kind, r.well_formed), (Some(ErrorKind::B64False), true));
    assert!(r.first_error.is_none());
    // Without b64: false the same payload is a base64 error.
    let header = b64::encode(br#"{"alg":"HS256"}"#);
    let r = analyse_at(&format!("{header}.hello.{sig}"), &no_key(), NOW);
    assert_eq!(r.error_kind, Some(ErrorKind::Base64));
}

#[test]
fn an_authorization_header_line_decodes_with_a_warning() {
    let t = hs256(r#"{"alg":"HS256"}"#, "{}", b"k");
    let r = analyse_at(&format!("Authorization: Bearer {t}"), &no_key(), NOW);
    assert_eq!((r.well_formed, r.error_kind), (true, None));
    assert!(r.warnings.contains(&Warning::AuthorizationHeaderRemoved));
    assert!(r.warnings.contains(&Warning::BearerPrefixRemoved));
}

#[test]
fn a_kid_that_is_not_a_string_selects_no_key() {
    let set =
        parse_key(KeyKind::Jwks, r#"{"keys":[{"kty":"oct","kid":"a","k":"aw"},{"kty":"oct","k":"aw"}]}"#);
    for kid in ["123", "null", r#"["a"]"#] {
        let t = hs256(&format!(r#"{{"alg":"HS256","kid":{kid}}}"#), "{}", b"k");
        let r = analyse_at(&t, &set, NOW);
        assert_eq!((r.error_kind, r.signature_valid), (Some(ErrorKind::KidNotFound), None), "{kid}");
        assert!(r.message.unwrap_or_default().contains("not a string"), "{kid}");
        assert!(r.key.set.iter().all(|m| !m.selected && m.verifies.is_none()));
    }
}

#[test]
fn jwks_members_for_encryption_never_verify() {
    let t = hs256(r#"{"alg":"HS256"}"#, "{}", b"k");
    let enc = parse_key(KeyKind::Jwks, r#"{"keys":[{"kty":"oct","k":"aw","use":"enc"}]}"#);
    let r = analyse_at(&t, &enc, NOW);
    assert_eq!((r.error_kind, r.signature_valid), (Some(ErrorKind::AlgKeyMismatch), None));
    let ops = parse_key(KeyKind::Jwks, r#"{"keys":[{"kty":"oct","k":"aw","key_ops":["encrypt"]}]}"#);
    assert_eq!(analyse_at(&t, &ops, NOW).error_kind, Some(ErrorKind::AlgKeyMismatch));
    let sig =
        parse_key(KeyKind::Jwks, r#"{"keys":[{"kty":"oct","k":"aw","use":"sig","key_ops":["verify"]}]}"#);
    assert_eq!(analyse_at(&t, &sig, NOW).signature_valid, Some(true));
}

#[test]
fn secrets_as_they_sit_in_env_files_are_named_but_not_used() {
    let secret = "46a5f1c0ffee46a5f1c0ffee46a5f1c0ffee";
    let t = hs256(r#"{"alg":"HS256"}"#, "{}", secret.as_bytes());
    for pasted in [
        format!("'{secret}'"),
        format!("\"{secret}\""),
        format!("JWT_SECRET_KEY='{secret}'"),
        format!("JWT_SECRET_KEY={secret}"),
        format!("{secret}\n"),
        format!(" {secret}"),
    ] {
        let r = analyse_at(&t, &parse_key(KeyKind::Auto, &pasted), NOW);
        // Honest about the text as pasted ...
        assert_eq!(
            (r.signature_valid, r.error_kind),
            (Some(false), Some(ErrorKind::BadSignature)),
            "{pasted:?}"
        );
        // ... and says what would verify.
        assert!(r.warnings.contains(&Warning::KeyCleanupVerifies), "{pasted:?}");
        let cleanup = r.key.cleanup.clone().unwrap_or_else(|| panic!("{pasted:?}"));
        assert!(cleanup.verifies && !cleanup.explanation.is_empty());
        assert!(
            r.key
                .readings
                .iter()
                .any(|x| x.cleaned && x.verifies == Some(true) && x.encoding == SecretEncoding::Utf8)
        );
    }
    // The right secret needs no cleanup; a wrong one in quotes gets no warning.
    let r = analyse_at(&t, &parse_key(KeyKind::Auto, secret), NOW);
    assert_eq!((r.signature_valid, r.key.cleanup), (Some(true), None));
    let r = analyse_at(&t, &parse_key(KeyKind::Auto, "'wrong'"), NOW);
    assert!(!r.warnings.contains(&Warning::KeyCleanupVerifies));
    assert_eq!(r.key.cleanup.map(|c| c.verifies), Some(false));
}

#[test]
fn a_certificate_after_a_preamble_is_never_an_hmac_secret() {
    let bag = "Bag Attributes\n    friendlyName: demo\nsubject=CN = demo\nissuer=CN = demo\n-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    let t = hs256(r#"{"alg":"HS256"}"#, "{}", bag.as_bytes());
    // auto reads it as a certificate (here a broken one): never a verified secret.
    let r = analyse_at(&t, &parse_key(KeyKind::Auto, bag), NOW);
    assert_ne!(r.signature_valid, Some(true));
    assert_eq!(r.key.detected, KeyKind::PemCert);
    // Chosen explicitly as a secret it verifies, with the key-confusion warning.
    let r = analyse_at(&t, &parse_key(KeyKind::SecretUtf8, bag), NOW);
    assert_eq!(r.signature_valid, Some(true));
    assert!(r.warnings.contains(&Warning::HmacSecretIsPublicKey));
}

#[test]
fn weak_hmac_keys_report_their_length() {
    let t = hs256(r#"{"alg":"HS256"}"#, "{}", b"secret");
    let r = analyse_at(&t, &parse_key(KeyKind::Auto, "secret"), NOW);
    assert_eq!(r.key.hmac, Some(HmacKeyInfo { bytes: 6, needed: 32 }));
    assert!(r.warnings.contains(&Warning::WeakHmacKey));
}

#[test]
fn the_winning_problem_brings_its_own_message() {
    // crit outranks a payload that is not JSON: the message is crit's.
    let t = hs256(r#"{"alg":"HS256","crit":["exp"]}"#, "hello", b"k");
    let r = analyse_at(&t, &parse_key(KeyKind::SecretUtf8, "k"), NOW);
    assert_eq!(r.error_kind, Some(ErrorKind::CritUnsupported));
    assert!(r.message.unwrap_or_default().contains("crit"));
    // A bad signature outranks the payload: the payload's message is not shown as the reason.
    let t = hs256(r#"{"alg":"HS256"}"#, "hello", b"other");
    let r = analyse_at(&t, &parse_key(KeyKind::SecretUtf8, "k"), NOW);
    assert_eq!((r.error_kind, r.message), (Some(ErrorKind::BadSignature), None));
}

#[test]
fn many_claims_are_read_in_linear_time() {
    let payload: String =
        format!("{{{}}}", (0..16_000).map(|i| format!("\"c{i}\":0")).collect::<Vec<_>>().join(","));
    let t = hs256(r#"{"alg":"HS256"}"#, &payload, b"k");
    let r = analyse_at(&t, &no_key(), NOW);
    assert_eq!(r.claims.len(), 16_000);
    assert!(r.claims.iter().all(|c| c.token_range.is_some()));
}

/// The page sends its crypto module a token's signed parts, not the token: checking the parts
/// (after a trip through JSON, as they travel) answers as checking the decoded token does.
#[test]
fn checking_the_signed_parts_answers_as_checking_the_token() {
    let jwks = parse_key(KeyKind::Jwks, r#"{"keys":[{"kty":"oct","kid":"a","k":"a2V5LWE"}]}"#);
    let secret = parse_key(KeyKind::SecretUtf8, "key-a");
    let good = hs256(r#"{"alg":"HS256","kid":"a"}"#, r#"{"sub":"1"}"#, b"key-a");
    let tampered = good.replacen("eyJzdWIiOiIxIn0", "eyJzdWIiOiIyIn0", 1);
    let cases = [
        good.clone(),
        tampered,
        hs256(r#"{"alg":"HS256","kid":"b"}"#, "{}", b"key-a"),
        hs256(r#"{"alg":"HS256","kid":7}"#, "{}", b"key-a"),
        hs256(r#"{"alg":"HS256"}"#, "{}", b"key-a"),
        token(r#"{"alg":"none"}"#, "{}", b""),
        token(r#"{"alg":"none"}"#, "{}", b"sig"),
        token(r#"{"alg":"HS999"}"#, "{}", b"sig"),
        token(r#"{"alg":"HS256","crit":["x"],"x":1}"#, "{}", b"sig"),
        "not.a.token".to_owned(),
        String::new(),
    ];
    let mut checked = 0;
    for t in &cases {
        let decoded = decode(t);
        let parts = SignedParts::of(&decoded);
        let travelled: Option<SignedParts> =
            serde_json::from_str(&serde_json::to_string(&parts).unwrap()).unwrap();
        assert_eq!(travelled, parts, "{t}");
        for key in [&jwks, &secret, &no_key()] {
            let expected = check_signature(&decoded, key, &crate::verify::Full);
            assert_eq!(check_signed(travelled.as_ref(), key, &crate::verify::Full), expected, "{t}");
            checked += usize::from(expected.signature_valid.is_some());
        }
    }
    // Most cases reach the signature with a key (step 13 is skipped for the rest).
    assert!(checked >= 10, "{checked}");
    // And a kid that is a string, one that is not, and none travel as such.
    let kid_of = |t: &str| serde_json::to_value(SignedParts::of(&decode(t))).unwrap()["kid"].clone();
    assert_eq!(kid_of(&good), serde_json::json!({"Text": "a"}));
    assert_eq!(kid_of(&cases[3]), serde_json::json!({"NotText": "7"}));
    assert_eq!(kid_of(&cases[4]), serde_json::json!("Absent"));
}

/// Parts whose signature is not base64url (never made by `SignedParts::of`) are not checked:
/// the check says so rather than calling the signature invalid.
#[test]
fn signed_parts_with_an_unreadable_signature_are_not_checked() {
    let t = hs256(r#"{"alg":"HS256"}"#, "{}", b"key-a");
    let mut parts = serde_json::to_value(SignedParts::of(&decode(&t))).unwrap();
    parts["signature_b64"] = serde_json::json!("not base64url!");
    let parts: SignedParts = serde_json::from_value(parts).unwrap();
    let check = check_signed(Some(&parts), &parse_key(KeyKind::SecretUtf8, "key-a"), &crate::verify::Full);
    assert_eq!(check.signature_valid, None);
    assert_eq!(check.problem.map(|p| p.kind), Some(ErrorKind::Base64));
}
