//! Contract step 13: the signature, checked with the key the user gave — and what the key
//! turned out to be (which secret readings verify, which JWKS member the `kid` chose).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Decoded, Problem};
use crate::alg::{Alg, Family};
use crate::b64;
use crate::error::{ErrorKind, KeyErrorCode, Warning};
use crate::key::PublicKey;
use crate::keys::{self, JwkEntry, KeyKind, KeyMaterial, ParsedKey, SecretEncoding};
use crate::secret_cleanup::{self, Removed};
use crate::verify::{Crypto, Verifier};

/// What checking the signature with a key found (step 13).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignatureCheck {
    /// Contract: true/false when the signature was checked, null when it was not.
    pub signature_valid: Option<bool>,
    /// The signature problem, if any (`alg_none`, `bad_signature`, …).
    pub problem: Option<Problem>,
    /// Warnings about the key.
    pub warnings: Vec<Warning>,
    /// The key as it was read, and what it did.
    pub key: KeyReport,
}

/// The key as read, and its part in the verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyReport {
    /// The kind chosen.
    pub requested: KeyKind,
    /// The kind used (detected when `auto`).
    pub detected: KeyKind,
    /// "RSA 2048-bit public key", "HMAC secret, 32 bytes (UTF-8 text)", …
    pub description: Option<String>,
    /// Why the key could not be read.
    pub error: Option<String>,
    /// The stable code of that error (the page's `data-code`).
    pub error_code: Option<KeyErrorCode>,
    /// For an HMAC secret and an HS* token: each reading of the text and whether it verifies.
    pub readings: Vec<SecretReadingResult>,
    /// For a JWKS: each member, whether the token's `kid` selected it and what it gave.
    pub set: Vec<SetMemberResult>,
    /// Remarks for people (a private key was pasted, …).
    pub notes: Vec<String>,
    /// For an HMAC key used with HS*: its length against the hash's.
    pub hmac: Option<HmacKeyInfo>,
    /// For a secret that does not verify as pasted: the text as dotenv would read it.
    pub cleanup: Option<CleanupReport>,
}

/// One reading of an HMAC secret text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecretReadingResult {
    /// How the text was read.
    pub encoding: SecretEncoding,
    /// Whether this reading is of the cleaned text ([`KeyReport::cleanup`]), not as pasted.
    pub cleaned: bool,
    /// Key length in bytes under this reading, or null when the text is not valid in it.
    pub bytes: Option<usize>,
    /// Whether the signature verifies with this reading (null when not valid in it).
    pub verifies: Option<bool>,
    /// This is the reading the verdict used.
    pub used: bool,
}

/// One member of a JWKS, as used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetMemberResult {
    /// Its `kid`.
    pub kid: Option<String>,
    /// Its description or why it could not be used.
    pub description: String,
    /// Selected by the token's `kid` (or every member when the token has none).
    pub selected: bool,
    /// Whether it verified the signature (null when not tried).
    pub verifies: Option<bool>,
}

/// An HMAC key's length against the minimum of RFC 7518 §3.2 (the hash's output size).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct HmacKeyInfo {
    /// The key's length in bytes.
    pub bytes: usize,
    /// The minimum for the token's algorithm.
    pub needed: usize,
}

/// A pasted secret read as dotenv reads a value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CleanupReport {
    /// What dotenv leaves out.
    pub removed: Vec<Removed>,
    /// The same in a sentence.
    pub explanation: String,
    /// Whether the cleaned text verifies the signature (in some reading).
    pub verifies: bool,
}

impl KeyReport {
    /// The report of no key yet, chosen as `requested`.
    pub fn empty(requested: KeyKind) -> Self {
        Self::new(&ParsedKey { requested, ..ParsedKey::none() })
    }

    fn new(key: &ParsedKey) -> Self {
        let (description, notes) = match &key.material {
            Err(_) | Ok(KeyMaterial::None) => (None, Vec::new()),
            Ok(KeyMaterial::Secret { encoding, bytes, .. }) => {
                (Some(format!("HMAC secret, {} bytes ({})", bytes.len(), encoding.label())), Vec::new())
            }
            Ok(KeyMaterial::Public { key, from_private, has_private_members }) => {
                let notes = (*from_private || *has_private_members)
                    .then(|| {
                        "This is a private key; only its public half is used. Verifying needs only the public key — never share the private one."
                            .to_owned()
                    })
                    .into_iter()
                    .collect();
                (Some(key.describe()), notes)
            }
            Ok(KeyMaterial::Set(entries)) => {
                let readable = entries.iter().filter(|e| e.key.is_ok()).count();
                let keys =
                    if entries.len() == 1 { "1 key".to_owned() } else { format!("{} keys", entries.len()) };
                (Some(format!("JWKS with {keys} ({readable} usable)")), Vec::new())
            }
        };
        let error = key.material.as_ref().err();
        KeyReport {
            requested: key.requested,
            detected: key.detected,
            description,
            error: error.map(ToString::to_string),
            error_code: error.map(|e| e.code()),
            readings: Vec::new(),
            set: Vec::new(),
            notes,
            hmac: None,
            cleanup: None,
        }
    }
}

/// The token's `kid`, as JWKS selection sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
enum Kid {
    Absent,
    Text(String),
    /// Present but not a string (`123`, `null`, `["b"]`, as JSON text): no key can have it.
    NotText(String),
}

/// What step 13 needs of a token: its algorithm, `kid`, signing input and signature. The page
/// sends these, not the token, to its crypto module for a public key, so the module does not
/// decode the token a second time on every keystroke.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedParts {
    alg: String,
    kid: Kid,
    /// The exact `header.payload` characters.
    signing_input: String,
    /// The signature segment as it appears in the token.
    signature_b64: String,
}

impl SignedParts {
    /// Present for a well-formed JWS whose `crit` passed (step 13 is skipped otherwise).
    pub fn of(decoded: &Decoded) -> Option<Self> {
        if !decoded.well_formed
            || decoded.has_problem(ErrorKind::CritUnsupported)
            || decoded.has_problem(ErrorKind::Jwe)
            || decoded.has_problem(ErrorKind::B64False)
        {
            return None;
        }
        let kid = match decoded.header.as_ref().and_then(|h| h.get("kid")) {
            None => Kid::Absent,
            Some(Value::String(kid)) => Kid::Text(kid.clone()),
            Some(other) => Kid::NotText(other.to_string()),
        };
        Some(SignedParts {
            alg: decoded.alg.clone()?,
            kid,
            signing_input: decoded.signing_input()?.to_owned(),
            signature_b64: decoded.signature_b64()?.to_owned(),
        })
    }
}

/// Contract step 13: checks the decoded token's signature with `key`.
pub fn check_signature(decoded: &Decoded, key: &ParsedKey, crypto: &dyn Crypto) -> SignatureCheck {
    // The signature as step 5 decoded it (a well-formed JWS always has one).
    let signed = SignedParts::of(decoded).zip(decoded.signature.as_deref());
    check_parts(signed.as_ref().map(|(s, signature)| (s, *signature)), key, crypto)
}

/// Step 13 on a token's parts read before ([`SignedParts::of`]); `None`: step 13 is skipped,
/// as for a token that [`SignedParts::of`] gives none for.
pub fn check_signed(signed: Option<&SignedParts>, key: &ParsedKey, crypto: &dyn Crypto) -> SignatureCheck {
    let Some(signed) = signed else { return check_parts(None, key, crypto) };
    // The parts of a well-formed token always decode (strictly, as step 5 decoded them).
    match b64::decode_strict(&signed.signature_b64) {
        Ok(signature) => check_parts(Some((signed, &signature)), key, crypto),
        Err(e) => SignatureCheck {
            problem: Some(Problem::new(ErrorKind::Base64, format!("the signature: {}", e.reason))),
            ..check_parts(None, key, crypto)
        },
    }
}

fn check_parts(
    signed: Option<(&SignedParts, &[u8])>,
    key: &ParsedKey,
    crypto: &dyn Crypto,
) -> SignatureCheck {
    let mut check = SignatureCheck {
        signature_valid: None,
        problem: None,
        warnings: Vec::new(),
        key: KeyReport::new(key),
    };
    if let Some((signed, signature)) = signed {
        check.problem = check.run(signed, signature, key, crypto).err();
        check.warnings.sort_unstable();
        check.warnings.dedup();
    }
    check
}

impl SignatureCheck {
    fn run(
        &mut self,
        signed: &SignedParts,
        signature: &[u8],
        key: &ParsedKey,
        crypto: &dyn Crypto,
    ) -> Result<(), Problem> {
        if signed.alg == "none" {
            if signature.is_empty() {
                return Err(Problem { kind: ErrorKind::AlgNone, message: None });
            }
            self.signature_valid = Some(false);
            return Err(Problem { kind: ErrorKind::NoneWithSignature, message: None });
        }
        let Some(alg) = Alg::parse(&signed.alg) else {
            return Err(Problem::new(
                ErrorKind::AlgUnsupported,
                format!("\"{}\" is not a supported algorithm (names are case-sensitive)", signed.alg),
            ));
        };
        let check =
            |verifier: Verifier<'_>| crypto.verify(alg, verifier, signed.signing_input.as_bytes(), signature);
        let material = key
            .material
            .as_ref()
            .map_err(|e| Problem::new(ErrorKind::KeyInvalid, format!("the key could not be read: {e}")))?;
        let valid = match material {
            KeyMaterial::None => return Ok(()),
            KeyMaterial::Secret { text, encoding, bytes } => {
                self.secret(alg, text, *encoding, bytes, &check)?
            }
            KeyMaterial::Public { key: public, .. } => {
                if !public.fits(alg) {
                    return Err(mismatch(alg, &public.describe()));
                }
                if let PublicKey::Oct(k) = public {
                    self.hmac_length(alg, k.len());
                }
                check(Verifier::Public(public))
            }
            KeyMaterial::Set(entries) => self.set(alg, entries, &signed.kid, &check)?,
        };
        self.signature_valid = Some(valid);
        if valid { Ok(()) } else { Err(Problem { kind: ErrorKind::BadSignature, message: None }) }
    }

    /// An HMAC secret: every reading of the text, and the text as dotenv would read it.
    fn secret(
        &mut self,
        alg: Alg,
        text: &str,
        encoding: SecretEncoding,
        bytes: &[u8],
        check: &dyn Fn(Verifier<'_>) -> bool,
    ) -> Result<bool, Problem> {
        if alg.family() != Family::Hmac {
            return Err(mismatch(alg, "an HMAC secret"));
        }
        if keys::looks_like_public_key(text) {
            self.warnings.push(Warning::HmacSecretIsPublicKey);
        }
        self.hmac_length(alg, bytes.len());
        // Readings often decode to the same bytes (base64 and base64url, the one in use): each
        // distinct secret is checked once (an HMAC of the whole token each, on every keystroke).
        let checked = std::cell::RefCell::new(Vec::<(Vec<u8>, bool)>::new());
        let verifies = |secret: &[u8]| -> bool {
            if let Some((_, valid)) = checked.borrow().iter().find(|(s, _)| s == secret) {
                return *valid;
            }
            let valid = check(Verifier::Hmac(secret));
            checked.borrow_mut().push((secret.to_vec(), valid));
            valid
        };
        let valid = verifies(bytes);
        let readings = |text: &str, cleaned: bool| -> Vec<SecretReadingResult> {
            SecretEncoding::ALL
                .into_iter()
                .map(|enc| {
                    let reading = enc.decode(text);
                    SecretReadingResult {
                        encoding: enc,
                        cleaned,
                        bytes: reading.as_ref().map(Vec::len),
                        verifies: reading.as_deref().map(verifies),
                        used: !cleaned && enc == encoding,
                    }
                })
                .collect()
        };
        self.key.readings = readings(text, false);
        if !valid && let Some(cleanup) = secret_cleanup::clean(text) {
            let mut cleaned = readings(&cleanup.cleaned, true);
            cleaned.retain(|r| r.bytes.is_some());
            let verifies = cleaned.iter().any(|r| r.verifies == Some(true));
            if verifies {
                self.warnings.push(Warning::KeyCleanupVerifies);
            }
            self.key.readings.extend(cleaned);
            self.key.cleanup =
                Some(CleanupReport { explanation: cleanup.explain(), removed: cleanup.removed, verifies });
        }
        Ok(valid)
    }

    /// JWKS selection: by `kid` when the token has one (no fallback), else every compatible
    /// key. Members whose `use` or `key_ops` exclude verifying are never used.
    fn set(
        &mut self,
        alg: Alg,
        entries: &[JwkEntry],
        kid: &Kid,
        check: &dyn Fn(Verifier<'_>) -> bool,
    ) -> Result<bool, Problem> {
        let mut valid = false;
        let mut any_selected = false;
        let mut any_compatible = false;
        for entry in entries {
            let selected = match kid {
                Kid::Absent => true,
                Kid::Text(kid) => entry.kid.as_deref() == Some(kid.as_str()),
                Kid::NotText(_) => false,
            };
            any_selected |= selected;
            let verifies = match (&entry.key, &entry.not_for_verifying) {
                (Ok(k), None) if selected && k.fits(alg) => {
                    any_compatible = true;
                    let ok = check(Verifier::Public(k));
                    valid |= ok;
                    Some(ok)
                }
                _ => None,
            };
            self.key.set.push(SetMemberResult {
                kid: entry.kid.clone(),
                description: match (&entry.key, &entry.not_for_verifying) {
                    (Ok(k), None) => k.describe(),
                    (Ok(k), Some(why)) => format!("{} — not used: {why}", k.describe()),
                    (Err(e), _) => format!("unusable: {e}"),
                },
                selected,
                verifies,
            });
        }
        match kid {
            Kid::NotText(value) => {
                return Err(Problem::new(
                    ErrorKind::KidNotFound,
                    format!(
                        "the token's \"kid\" is {value}, not a string, so no key in the set can match it"
                    ),
                ));
            }
            Kid::Text(kid) if !any_selected => {
                return Err(Problem::new(
                    ErrorKind::KidNotFound,
                    format!("no key in the set has \"kid\": \"{kid}\""),
                ));
            }
            _ => {}
        }
        if !any_compatible {
            return Err(Problem::new(
                ErrorKind::AlgKeyMismatch,
                format!("no {} in the set fits {alg} and may verify signatures", alg.family().key_name()),
            ));
        }
        Ok(valid)
    }

    /// Notes the key's length against RFC 7518 §3.2's minimum; warns when it is shorter.
    fn hmac_length(&mut self, alg: Alg, bytes: usize) {
        if let Some(hash) = alg.hash() {
            let needed = hash.output_bytes();
            self.key.hmac = Some(HmacKeyInfo { bytes, needed });
            if bytes < needed {
                self.warnings.push(Warning::WeakHmacKey);
            }
        }
    }
}

fn mismatch(alg: Alg, key: &str) -> Problem {
    Problem::new(ErrorKind::AlgKeyMismatch, format!("{alg} needs {}, not {key}", alg.family().key_name()))
}
