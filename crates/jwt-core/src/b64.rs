//! base64url as JWS uses it (RFC 7515 §2): strict for verdicts, lenient for display.

use base64::Engine;
use base64::alphabet;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, URL_SAFE_NO_PAD};
use base64::engine::{DecodePaddingMode, GeneralPurpose as Gp};
use serde::Serialize;

/// The one forgiving decoder (base64url alphabet, padding optional, unused bits ignored):
/// display readings of broken segments, secrets read as base64 or base64url, JWK members.
const LENIENT: GeneralPurpose = Gp::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

/// The two base64 alphabets a secret may be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alphabet {
    /// `+` and `/` (RFC 4648 §4).
    Standard,
    /// `-` and `_` (RFC 4648 §5).
    UrlSafe,
}

/// Decodes `text` in one alphabet, leniently (optional padding, unused bits ignored), or
/// `None` when it is not valid in it. No white space is allowed (callers remove it).
pub fn decode_lenient_in(text: &str, alphabet: Alphabet) -> Option<Vec<u8>> {
    let (foreign, own) = match alphabet {
        Alphabet::Standard => (['-', '_'], ['+', '/']),
        Alphabet::UrlSafe => (['+', '/'], ['-', '_']),
    };
    if text.contains(foreign) {
        return None;
    }
    let mapped: String;
    let text = if alphabet == Alphabet::Standard && text.contains(own) {
        mapped = text
            .chars()
            .map(|c| match c {
                '+' => '-',
                '/' => '_',
                c => c,
            })
            .collect();
        mapped.as_str()
    } else {
        text
    };
    LENIENT.decode(text).ok()
}

/// Why a segment is not strict base64url, and where (byte offset within the segment).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{reason} (at byte {offset})")]
pub struct BadBase64 {
    /// Offset of the first offending byte within the segment.
    pub offset: usize,
    /// The offending character, when there is one (a bad length has none).
    pub found: Option<char>,
    /// What is wrong, for people.
    pub reason: String,
}

/// Encodes bytes as unpadded base64url.
pub fn encode(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Strictly decodes one segment: only `A–Z a–z 0–9 - _`, no padding, length mod 4 ≠ 1, and
/// zero unused bits in the last character (so every byte string has exactly one encoding and a
/// changed character always changes the bytes).
pub fn decode_strict(segment: &str) -> Result<Vec<u8>, BadBase64> {
    // By bytes: every byte of a non-ASCII character is outside the alphabet, and the first one
    // starts the character (a 256 KiB segment is checked without decoding UTF-8).
    let bad = segment.bytes().position(|b| !is_b64url(char::from(b)));
    if let Some((offset, c)) = bad.and_then(|offset| Some((offset, segment.get(offset..)?.chars().next()?))) {
        let reason = match c {
            '=' => "padding '=' is not allowed in base64url JWS segments".to_owned(),
            '+' | '/' => format!("'{c}' belongs to standard base64; base64url uses '-' and '_'"),
            c if c.is_whitespace() => "whitespace inside a segment".to_owned(),
            c => format!("'{}' is not a base64url character", c.escape_default()),
        };
        return Err(BadBase64 { offset, found: Some(c), reason });
    }
    if segment.len() % 4 == 1 {
        return Err(BadBase64 {
            offset: segment.len() - 1,
            found: segment.chars().last(),
            reason: "impossible length: one character too many or too few (length mod 4 is 1)".to_owned(),
        });
    }
    URL_SAFE_NO_PAD.decode(segment).map_err(|_| BadBase64 {
        offset: segment.len().saturating_sub(1),
        found: segment.chars().last(),
        reason: "the last character has non-zero unused bits (not the canonical encoding)".to_owned(),
    })
}

/// Best-effort decoding for display: accepts the standard alphabet and padding, skips anything
/// else, and drops an impossible trailing character.
pub fn decode_lenient(segment: &str) -> Vec<u8> {
    let mut cleaned: String = segment
        .chars()
        .filter_map(|c| match c {
            '+' => Some('-'),
            '/' => Some('_'),
            c if is_b64url(c) => Some(c),
            _ => None,
        })
        .collect();
    if cleaned.len() % 4 == 1 {
        cleaned.pop();
    }
    LENIENT.decode(&cleaned).unwrap_or_default()
}

fn is_b64url(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn strict_round_trips_every_length() {
        for len in 0..40u8 {
            let bytes: Vec<u8> = (0..len).map(|i| i.wrapping_mul(37).wrapping_add(11)).collect();
            assert_eq!(decode_strict(&encode(&bytes)).unwrap(), bytes);
        }
    }

    #[test]
    fn strict_names_the_first_bad_character() {
        let err = decode_strict("abc=").unwrap_err();
        assert_eq!((err.offset, err.found), (3, Some('=')));
        assert!(err.reason.contains("padding"));
        let err = decode_strict("ab+d").unwrap_err();
        assert_eq!((err.offset, err.found), (2, Some('+')));
        let err = decode_strict("aé").unwrap_err();
        assert_eq!((err.offset, err.found), (1, Some('é')));
        let err = decode_strict("ab\u{1F600}cd").unwrap_err();
        assert_eq!((err.offset, err.found), (2, Some('\u{1F600}')));
        let err = decode_strict("abcde").unwrap_err();
        assert_eq!(err.offset, 4);
        assert!(err.reason.contains("length"));
    }

    #[test]
    fn strict_rejects_non_canonical_trailing_bits() {
        assert_eq!(decode_strict("QQ").unwrap(), b"A");
        assert!(decode_strict("QR").is_err());
    }

    #[test]
    fn lenient_reads_padded_and_standard_alphabet() {
        assert_eq!(decode_lenient("QQ=="), b"A");
        assert_eq!(decode_lenient("-_-_"), decode_lenient("+/+/"));
        assert_eq!(decode_lenient("QR"), b"A");
        assert_eq!(decode_lenient("Q Q!"), b"A");
        assert_eq!(decode_lenient("QQQQQ"), b"A\x04\x10");
    }
}
