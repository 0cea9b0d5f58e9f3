//! The analysis: pasted text in, a [`Report`] out. Follows the verdict contract of
//! `shared/fixtures/README.md` step by step (the step numbers below are the contract's), and
//! collects what a debugger shows besides the verdict.

use std::ops::Range;

use serde::Serialize;
use serde_json::Value;

use super::alg::{Alg, Family};
use super::b64::{self, BadBase64};
use super::claims::{self, ClaimDoc, TimeStatus};
use super::error::{ErrorKind, Warning};
use super::json::{self, JsonError};
use super::keys::{JwkEntry, KeyKind, KeyMaterial, ParsedKey, PublicKey, SecretEncoding};
use super::verify::{self, Verifier};

/// Inputs longer than this many bytes are refused unparsed (contract step 1).
pub const MAX_INPUT_BYTES: usize = 262_144;

/// `exp` values above this were almost certainly written in milliseconds.
const MILLISECONDS_THRESHOLD: f64 = 1e11;

/// The clock and tolerance an analysis uses. The core never reads the clock itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Options {
    /// "Now", in Unix seconds.
    pub now: i64,
    /// Seconds of tolerance for `exp` and `nbf` (0 unless the user asks).
    pub leeway: u64,
}

/// Everything known about one pasted token.
///
/// The first eight fields are the verdict of the contract; the rest is for display.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Contract: the token parsed as a JWS/JWE (steps 1–9 passed).
    pub well_formed: bool,
    /// Contract: the decoded header, or null.
    pub header: Option<Value>,
    /// Contract: the decoded payload when it is a JSON object, or null.
    pub payload: Option<Value>,
    /// Contract: the header's `alg` as written, or null.
    pub alg: Option<String>,
    /// Contract: true/false when the signature was checked, null when it was not.
    pub signature_valid: Option<bool>,
    /// Contract: the highest-precedence problem, or null.
    pub error_kind: Option<ErrorKind>,
    /// Contract: `exp`/`nbf` judged at `now`, or null.
    pub time_status: Option<TimeStatus>,
    /// Contract (advisory): warning words, sorted, without repeats.
    pub warnings: Vec<Warning>,

    /// What is wrong, in words (more specific than [`ErrorKind::describe`]).
    pub message: Option<String>,
    /// The token after normalising (step 2): what the offsets below refer to.
    pub token: String,
    /// What normalising removed.
    pub normalisation: Normalisation,
    /// JWS (3 segments), JWE (5) or neither.
    pub token_type: Option<TokenType>,
    /// Each segment's place in `token`, and whether it is strict base64url.
    pub segments: Vec<SegmentInfo>,
    /// The first offending character or place in `token`, if any.
    pub first_error: Option<ErrorPosition>,
    /// Best-effort readings of header and payload when the verdict cannot show them.
    pub lenient: Option<Lenient>,
    /// The header's parameters, explained.
    pub header_params: Vec<ClaimRow>,
    /// The payload's claims, explained.
    pub claims: Vec<ClaimRow>,
    /// The key as it was read, and what it did.
    pub key: KeyReport,
    /// The clock used.
    pub options: Options,
}

/// What normalising (contract step 2) removed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Normalisation {
    /// A leading `Bearer ` was removed.
    pub bearer_removed: bool,
    /// Whitespace characters removed from inside the token.
    pub whitespace_removed: usize,
    /// Whitespace characters trimmed from the ends.
    pub trimmed: usize,
}

/// What kind of compact serialization the token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenType {
    Jws,
    Jwe,
}

/// The role of a segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SegmentRole {
    Header,
    Payload,
    Signature,
    EncryptedKey,
    Iv,
    Ciphertext,
    Tag,
    /// A segment beyond what JWS or JWE have.
    Extra,
}

impl SegmentRole {
    fn of(index: usize, count: usize) -> Self {
        match (count, index) {
            (_, 0) => SegmentRole::Header,
            (5, 1) => SegmentRole::EncryptedKey,
            (5, 2) => SegmentRole::Iv,
            (5, 3) => SegmentRole::Ciphertext,
            (5, 4) => SegmentRole::Tag,
            (_, 1) => SegmentRole::Payload,
            (_, 2) => SegmentRole::Signature,
            _ => SegmentRole::Extra,
        }
    }

    /// Display name.
    pub fn label(self) -> &'static str {
        match self {
            SegmentRole::Header => "header",
            SegmentRole::Payload => "payload",
            SegmentRole::Signature => "signature",
            SegmentRole::EncryptedKey => "encrypted key",
            SegmentRole::Iv => "initialization vector",
            SegmentRole::Ciphertext => "ciphertext",
            SegmentRole::Tag => "authentication tag",
            SegmentRole::Extra => "extra segment",
        }
    }
}

/// One dot-separated segment of the token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SegmentInfo {
    /// What the segment holds.
    pub role: SegmentRole,
    /// Byte range within [`Report::token`].
    pub range: Range<usize>,
    /// Decoded length in bytes, when strictly decodable.
    pub decoded_len: Option<usize>,
    /// Why it is not strict base64url.
    pub error: Option<BadBase64>,
}

/// Where the first problem is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorPosition {
    /// Byte offset within [`Report::token`].
    pub offset: usize,
    /// The segment it is in.
    pub segment: usize,
    /// What is wrong there.
    pub reason: String,
}

/// Best-effort readings for display, labelled as such; never part of the verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lenient {
    /// The header, read leniently.
    pub header: Option<LenientPart>,
    /// The payload, read leniently.
    pub payload: Option<LenientPart>,
}

/// One leniently read segment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LenientPart {
    /// The bytes as text (invalid UTF-8 replaced).
    pub text: String,
    /// The same bytes as JSON, when they parse (duplicates keep the last value).
    pub json: Option<Value>,
}

/// A header parameter or claim, explained.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimRow {
    /// Member name.
    pub name: String,
    /// Member value.
    pub value: Value,
    /// The dictionary entry, when the name is known.
    pub doc: Option<&'static ClaimDoc>,
    /// For NumericDate claims holding a number: the instant in words.
    pub time: Option<TimeInfo>,
    /// Byte range of the base64url characters that encode this member's value, within
    /// [`Report::token`] (whole characters, so it may include neighbouring bytes).
    pub token_range: Option<Range<usize>>,
}

/// A NumericDate, read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimeInfo {
    /// The value in seconds.
    pub seconds: f64,
    /// UTC ISO-8601, or null when out of range.
    pub iso: Option<String>,
    /// Relative to now, e.g. "expires in 5 h 59 min".
    pub relative: String,
}

/// The key as read, and its part in the verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeyReport {
    /// The kind chosen.
    pub requested: KeyKind,
    /// The kind used (detected when `auto`).
    pub detected: KeyKind,
    /// "RSA 2048-bit public key", "HMAC secret, 32 bytes (UTF-8 text)", …
    pub description: Option<String>,
    /// Why the key could not be read.
    pub error: Option<String>,
    /// For an HMAC secret and an HS* token: each reading of the text and whether it verifies.
    pub readings: Vec<SecretReadingResult>,
    /// For a JWKS: each member, whether the token's `kid` selected it and what it gave.
    pub set: Vec<SetMemberResult>,
    /// Remarks for people (a private key was pasted, …).
    pub notes: Vec<String>,
}

/// One reading of an HMAC secret text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SecretReadingResult {
    /// How the text was read.
    pub encoding: SecretEncoding,
    /// Key length in bytes under this reading, or null when the text is not valid in it.
    pub bytes: Option<usize>,
    /// Whether the signature verifies with this reading (null when not valid in it).
    pub verifies: Option<bool>,
    /// This is the reading the verdict used.
    pub used: bool,
}

/// One member of a JWKS, as used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SetMemberResult {
    /// Its `kid`.
    pub kid: Option<String>,
    /// Its description or why it could not be read.
    pub description: String,
    /// Selected by the token's `kid` (or every member when the token has none).
    pub selected: bool,
    /// Whether it verified the signature (null when not tried).
    pub verifies: Option<bool>,
}

/// Analyses pasted text with `key` at `options.now`. Never panics; always returns a report.
pub fn analyse(input: &str, key: &ParsedKey, options: Options) -> Report {
    analyse_with(input, key, options, &verify::Full)
}

/// [`analyse`] with a chosen signature checker (the page's main bundle uses
/// [`verify::HmacOnly`], with keys from [`super::keys::parse_key_light`]).
pub fn analyse_with(input: &str, key: &ParsedKey, options: Options, crypto: &dyn verify::Crypto) -> Report {
    let mut report = Report::empty(key, options);
    if input.len() > MAX_INPUT_BYTES {
        report.message = Some(format!("{} bytes; the limit is {MAX_INPUT_BYTES}", input.len()));
        return report.fail(ErrorKind::TooLarge);
    }
    let (token, normalisation) = normalise(input);
    if normalisation.bearer_removed {
        report.warn(Warning::BearerPrefixRemoved);
    }
    if normalisation.whitespace_removed > 0 {
        report.warn(Warning::WhitespaceRemoved);
    }
    report.normalisation = normalisation;
    report.token = token;
    if report.token.is_empty() {
        return report.fail(ErrorKind::Empty);
    }
    Analysis::new(&mut report, crypto).run(key);
    report.warnings.sort_unstable();
    report.warnings.dedup();
    report
}

/// Contract step 2: trim SP/HT/CR/LF, strip a case-insensitive `Bearer` + blanks, remove any
/// SP/HT/CR/LF left inside.
fn normalise(input: &str) -> (String, Normalisation) {
    let is_ws = |c: char| matches!(c, ' ' | '\t' | '\r' | '\n');
    let trimmed = input.trim_matches(is_ws);
    let mut n = Normalisation { trimmed: input.len() - trimmed.len(), ..Normalisation::default() };
    let mut rest = trimmed;
    if rest.len() > 6 && rest.is_char_boundary(6) && rest[..6].eq_ignore_ascii_case("bearer") {
        let after = &rest[6..];
        let stripped = after.trim_start_matches([' ', '\t']);
        if stripped.len() < after.len() {
            n.bearer_removed = true;
            rest = stripped;
        }
    }
    let mut token = String::with_capacity(rest.len());
    for c in rest.chars() {
        if is_ws(c) {
            n.whitespace_removed += 1;
        } else {
            token.push(c);
        }
    }
    (token, n)
}

/// Surrounding quotes or a `{"token": "…"}` wrapper, which people paste from JSON and code.
/// The analysis itself never removes them (the contract does not); the page offers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleanup {
    /// The text without the wrapper.
    pub cleaned: String,
    /// What was removed, for the note shown to the user.
    pub removed: &'static str,
}

/// Suggests removing quotes or a JSON wrapper around a pasted token.
pub fn suggest_cleanup(input: &str) -> Option<Cleanup> {
    let t = input.trim();
    if t.starts_with('{')
        && let Ok(Value::Object(o)) = serde_json::from_str::<Value>(t)
    {
        let token = ["token", "access_token", "id_token", "jwt"]
            .iter()
            .find_map(|k| o.get(*k).and_then(Value::as_str))?;
        return Some(Cleanup { cleaned: token.to_owned(), removed: "the JSON around the token" });
    }
    for q in ['"', '\'', '`'] {
        if t.len() >= 2 && t.starts_with(q) && t.ends_with(q) {
            let inner = &t[1..t.len() - 1];
            if !inner.contains(q) {
                return Some(Cleanup { cleaned: inner.to_owned(), removed: "the surrounding quotes" });
            }
        }
    }
    None
}

impl Report {
    fn empty(key: &ParsedKey, options: Options) -> Self {
        Report {
            well_formed: false,
            header: None,
            payload: None,
            alg: None,
            signature_valid: None,
            error_kind: None,
            time_status: None,
            warnings: Vec::new(),
            message: None,
            token: String::new(),
            normalisation: Normalisation::default(),
            token_type: None,
            segments: Vec::new(),
            first_error: None,
            lenient: None,
            header_params: Vec::new(),
            claims: Vec::new(),
            key: KeyReport::new(key),
            options,
        }
    }

    /// Ends a structural failure: the verdict shows nothing (contract step 15).
    fn fail(mut self, kind: ErrorKind) -> Self {
        self.fail_in_place(kind);
        self
    }

    fn fail_in_place(&mut self, kind: ErrorKind) {
        self.well_formed = false;
        self.header = None;
        self.payload = None;
        self.alg = None;
        self.signature_valid = None;
        self.time_status = None;
        self.error_kind = Some(kind);
    }

    fn warn(&mut self, w: Warning) {
        self.warnings.push(w);
    }
}

impl KeyReport {
    fn new(key: &ParsedKey) -> Self {
        let (description, error, notes) = match &key.material {
            Err(e) => (None, Some(e.to_string()), Vec::new()),
            Ok(KeyMaterial::None) => (None, None, Vec::new()),
            Ok(KeyMaterial::Secret { encoding, bytes, .. }) => {
                (Some(format!("HMAC secret, {} bytes ({})", bytes.len(), encoding.label())), None, Vec::new())
            }
            Ok(KeyMaterial::Public { key, from_private, has_private_members }) => {
                let mut notes = Vec::new();
                if *from_private || *has_private_members {
                    notes.push(
                        "This is a private key; only its public half is used. Verifying needs only the public key — never share the private one."
                            .to_owned(),
                    );
                }
                (Some(key.describe()), None, notes)
            }
            Ok(KeyMaterial::Set(entries)) => {
                let readable = entries.iter().filter(|e| e.key.is_ok()).count();
                (Some(format!("JWKS with {} keys ({readable} usable)", entries.len())), None, Vec::new())
            }
        };
        KeyReport {
            requested: key.requested,
            detected: key.detected,
            description,
            error,
            readings: Vec::new(),
            set: Vec::new(),
            notes,
        }
    }
}

/// The working state of one analysis.
struct Analysis<'r> {
    report: &'r mut Report,
    crypto: &'r dyn verify::Crypto,
}

impl<'r> Analysis<'r> {
    fn new(report: &'r mut Report, crypto: &'r dyn verify::Crypto) -> Self {
        Self { report, crypto }
    }

    fn run(mut self, key: &ParsedKey) {
        let token = std::mem::take(&mut self.report.token);
        self.run_on(&token, key);
        self.report.token = token;
    }

    fn run_on(&mut self, token: &str, key: &ParsedKey) {
        // Step 4: segments.
        let parts: Vec<&str> = token.split('.').collect();
        let count = parts.len();
        let mut offset = 0;
        self.report.segments = parts
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let range = offset..offset + p.len();
                offset += p.len() + 1;
                SegmentInfo { role: SegmentRole::of(i, count), range, decoded_len: None, error: None }
            })
            .collect();
        let decoded: Vec<Result<Vec<u8>, BadBase64>> = parts.iter().map(|p| b64::decode_strict(p)).collect();
        for (info, d) in self.report.segments.iter_mut().zip(&decoded) {
            match d {
                Ok(bytes) => info.decoded_len = Some(bytes.len()),
                Err(e) => info.error = Some(e.clone()),
            }
        }
        if count != 3 && count != 5 {
            self.report.message = Some(format!(
                "{count} segment{} found; a JWS has 3 (header.payload.signature), a JWE 5",
                if count == 1 { "" } else { "s" }
            ));
            self.lenient(&parts, None, None);
            self.report.fail_in_place(ErrorKind::Segments);
            return;
        }
        self.report.token_type = Some(if count == 3 { TokenType::Jws } else { TokenType::Jwe });

        // Step 5: strict base64url everywhere.
        if let Some((i, bad)) = decoded.iter().enumerate().find_map(|(i, d)| d.as_ref().err().map(|e| (i, e)))
        {
            let role = self.report.segments[i].role.label();
            let at = self.report.segments[i].range.start + bad.offset;
            self.report.message = Some(format!("{role} segment: {} (at character {})", bad.reason, at + 1));
            self.report.first_error =
                Some(ErrorPosition { offset: at, segment: i, reason: bad.reason.clone() });
            self.lenient(&parts, None, None);
            self.report.fail_in_place(ErrorKind::Base64);
            return;
        }
        let bytes: Vec<Vec<u8>> = decoded.into_iter().map(|d| d.unwrap_or_default()).collect();

        // Step 6: header.
        let header = match json::parse_strict(&bytes[0]) {
            Ok(v) => v,
            Err(e) => {
                let kind = if matches!(e, JsonError::Duplicate { .. }) {
                    ErrorKind::DuplicateKeys
                } else {
                    ErrorKind::HeaderJson
                };
                self.json_error(0, &bytes[0], &e);
                self.lenient(&parts, Some(&bytes[0]), bytes.get(1).filter(|_| count == 3).map(Vec::as_slice));
                self.report.fail_in_place(kind);
                return;
            }
        };
        let alg = match header.as_object().map(|o| o.get("alg")) {
            Some(Some(Value::String(alg))) => alg.clone(),
            shape => {
                self.report.message = Some(
                    match shape {
                        None => "the header is JSON but not an object",
                        Some(None) => "the header has no \"alg\"",
                        Some(Some(_)) => "the header's \"alg\" is not a string",
                    }
                    .to_owned(),
                );
                self.lenient(&parts, Some(&bytes[0]), bytes.get(1).filter(|_| count == 3).map(Vec::as_slice));
                self.report.fail_in_place(ErrorKind::HeaderJson);
                return;
            }
        };
        let header_text = std::str::from_utf8(&bytes[0]).unwrap_or_default();
        self.report.header_params =
            rows(&header, header_text, &self.report.segments[0].range, claims::header_doc, None);
        if ["jwk", "jku", "x5u", "x5c"].iter().any(|k| header.get(*k).is_some()) {
            self.report.warn(Warning::UntrustedKeyHeader);
        }

        // Step 7: JWE.
        if count == 5 {
            self.report.well_formed = true;
            self.report.header = Some(header);
            self.report.alg = Some(alg);
            self.report.error_kind = Some(ErrorKind::Jwe);
            self.report.message =
                Some("the payload is encrypted; it is not decrypted or verified here".to_owned());
            return;
        }

        // Step 8: unencoded payload.
        if header.get("b64") == Some(&Value::Bool(false)) {
            self.report.well_formed = true;
            self.report.header = Some(header);
            self.report.alg = Some(alg);
            self.report.error_kind = Some(ErrorKind::B64False);
            return;
        }

        // Step 9: payload.
        let mut errors: Vec<ErrorKind> = Vec::new();
        let payload = match json::parse_strict(&bytes[1]) {
            Ok(Value::Object(o)) => Some(Value::Object(o)),
            Ok(_) => {
                errors.push(ErrorKind::PayloadNotObject);
                self.report.message = Some("the payload is JSON but not an object".to_owned());
                self.lenient(&parts, None, Some(&bytes[1]));
                None
            }
            Err(e @ JsonError::Duplicate { .. }) => {
                self.json_error(1, &bytes[1], &e);
                self.lenient(&parts, None, Some(&bytes[1]));
                self.report.fail_in_place(ErrorKind::DuplicateKeys);
                return;
            }
            Err(e) => {
                errors.push(ErrorKind::PayloadNotJson);
                self.json_error(1, &bytes[1], &e);
                self.lenient(&parts, None, Some(&bytes[1]));
                None
            }
        };
        self.report.well_formed = true;
        self.report.alg = Some(alg.clone());

        // Step 10: crit.
        let crit_ok = match header.get("crit") {
            None => true,
            Some(Value::Array(names)) => !names.is_empty() && names.iter().all(|n| n.as_str() == Some("b64")),
            Some(_) => false,
        };
        if !crit_ok {
            errors.push(ErrorKind::CritUnsupported);
            self.report.message = Some(format!(
                "\"crit\" must be a non-empty list of extensions this verifier understands (only \"b64\"); it is {}",
                header.get("crit").map(Value::to_string).unwrap_or_default()
            ));
        }

        // Steps 11 and 12: claims and time.
        if let Some(payload) = &payload {
            let payload_text = std::str::from_utf8(&bytes[1]).unwrap_or_default();
            let now = self.report.options.now;
            self.report.claims =
                rows(payload, payload_text, &self.report.segments[1].range, claims::payload_doc, Some(now));
            let number = |name: &'static str| payload.get(name).map(|v| v.as_f64().ok_or(name));
            let (exp, nbf, iat) = (number("exp"), number("nbf"), number("iat"));
            match (exp.transpose(), nbf.transpose(), iat.transpose()) {
                (Ok(exp), Ok(nbf), Ok(_)) => {
                    if exp.is_some_and(|e| e > MILLISECONDS_THRESHOLD) {
                        self.report.warn(Warning::ExpMilliseconds);
                    }
                    let leeway = self.report.options.leeway;
                    self.report.time_status = Some(claims::time_status(exp, nbf, now, leeway));
                }
                (exp, nbf, iat) => {
                    let bad = [exp.err(), nbf.err(), iat.err()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(", ");
                    if self.report.message.is_none() {
                        self.report.message =
                            Some(format!("{bad} must be a JSON number (seconds since 1970)"));
                    }
                    errors.push(ErrorKind::ClaimType);
                }
            }
        }
        self.report.header = Some(header);
        self.report.payload = payload;

        // Step 13: signature (not when crit refuses the token).
        if let Some(Family::Ecdsa(curve)) = Alg::parse(&alg).map(Alg::family)
            && verify::is_der_ecdsa(curve, &bytes[2])
        {
            self.report.warn(Warning::EcdsaDerSignature);
        }
        if crit_ok {
            let signing_input = &token[..self.report.segments[1].range.end];
            if let Some(kind) = self.signature(&alg, key, signing_input.as_bytes(), parts[2], &bytes[2]) {
                errors.push(kind);
            }
        }

        // Step 14: precedence.
        self.report.error_kind = precedence(&errors);
    }

    /// Contract step 13. Sets `signature_valid`; returns the signature error, if any.
    fn signature(
        &mut self,
        alg_name: &str,
        key: &ParsedKey,
        signing_input: &[u8],
        signature_b64: &str,
        signature: &[u8],
    ) -> Option<ErrorKind> {
        if alg_name == "none" {
            if signature.is_empty() && signature_b64.is_empty() {
                self.report.signature_valid = None;
                return Some(ErrorKind::AlgNone);
            }
            self.report.signature_valid = Some(false);
            return Some(ErrorKind::NoneWithSignature);
        }
        let Some(alg) = Alg::parse(alg_name) else {
            self.note(format!("\"{alg_name}\" is not a supported algorithm (names are case-sensitive)"));
            return Some(ErrorKind::AlgUnsupported);
        };
        let crypto = self.crypto;
        let check =
            |verifier: Verifier<'_>| crypto.verify(alg, verifier, signing_input, signature_b64, signature);
        let material = match &key.material {
            Err(e) => {
                self.note(format!("the key could not be read: {e}"));
                return Some(ErrorKind::KeyInvalid);
            }
            Ok(m) => m,
        };
        let valid = match material {
            KeyMaterial::None => return None,
            KeyMaterial::Secret { text, encoding, bytes } => {
                if alg.family() != Family::Hmac {
                    self.note(format!("{alg} needs {}, not an HMAC secret", super::sign::family_name(alg)));
                    return Some(ErrorKind::AlgKeyMismatch);
                }
                let t = text.trim_start();
                if t.starts_with("-----BEGIN")
                    || t.starts_with("ssh-")
                    || t.starts_with("ecdsa-sha2-")
                    || text.contains("PUBLIC KEY-----")
                {
                    self.report.warn(Warning::HmacSecretIsPublicKey);
                }
                self.weak_hmac(alg, bytes.len());
                self.report.key.readings = SecretEncoding::ALL
                    .into_iter()
                    .map(|enc| {
                        let reading = enc.decode(text);
                        SecretReadingResult {
                            encoding: enc,
                            bytes: reading.as_ref().map(Vec::len),
                            verifies: reading.as_deref().map(|b| check(Verifier::Hmac(b))),
                            used: enc == *encoding,
                        }
                    })
                    .collect();
                check(Verifier::Hmac(bytes))
            }
            KeyMaterial::Public { key: public, .. } => {
                if !public.fits(alg) {
                    self.note(format!(
                        "{alg} needs {}, not {}",
                        super::sign::family_name(alg),
                        public.describe()
                    ));
                    return Some(ErrorKind::AlgKeyMismatch);
                }
                if let PublicKey::Oct(k) = public {
                    self.weak_hmac(alg, k.len());
                }
                check(Verifier::Public(public))
            }
            KeyMaterial::Set(entries) => {
                let kid =
                    self.report.header_params.iter().find(|r| r.name == "kid").and_then(|r| r.value.as_str());
                let kid = kid.map(str::to_owned);
                match self.verify_set(alg, entries, kid.as_deref(), &check) {
                    Ok(valid) => valid,
                    Err(kind) => return Some(kind),
                }
            }
        };
        self.report.signature_valid = Some(valid);
        if valid { None } else { Some(ErrorKind::BadSignature) }
    }

    /// JWKS selection: by `kid` when the token has one (no fallback), else every compatible key.
    fn verify_set(
        &mut self,
        alg: Alg,
        entries: &[JwkEntry],
        kid: Option<&str>,
        check: &dyn Fn(Verifier<'_>) -> bool,
    ) -> Result<bool, ErrorKind> {
        let mut valid = false;
        let mut any_selected = false;
        let mut any_compatible = false;
        for entry in entries {
            let selected = kid.is_none_or(|kid| entry.kid.as_deref() == Some(kid));
            any_selected |= selected;
            let verifies = match &entry.key {
                Ok(k) if selected && k.fits(alg) => {
                    any_compatible = true;
                    let ok = check(Verifier::Public(k));
                    valid |= ok;
                    Some(ok)
                }
                _ => None,
            };
            self.report.key.set.push(SetMemberResult {
                kid: entry.kid.clone(),
                description: match &entry.key {
                    Ok(k) => k.describe(),
                    Err(e) => format!("unusable: {e}"),
                },
                selected,
                verifies,
            });
        }
        if let Some(kid) = kid
            && !any_selected
        {
            self.note(format!("no key in the set has \"kid\": \"{kid}\""));
            return Err(ErrorKind::KidNotFound);
        }
        if !any_compatible {
            self.note(format!("no {} in the set fits {alg}", super::sign::family_name(alg)));
            return Err(ErrorKind::AlgKeyMismatch);
        }
        Ok(valid)
    }

    fn weak_hmac(&mut self, alg: Alg, len: usize) {
        if alg.hash().is_some_and(|h| len < h.output_bytes()) {
            self.report.warn(Warning::WeakHmacKey);
        }
    }

    fn note(&mut self, message: String) {
        if self.report.message.is_none() {
            self.report.message = Some(message);
        }
    }

    /// Records a JSON error of segment `index` with its place in the token.
    fn json_error(&mut self, index: usize, bytes: &[u8], error: &JsonError) {
        let role = self.report.segments[index].role.label();
        let decoded_offset = match error {
            JsonError::NotUtf8 { valid_up_to } => *valid_up_to,
            JsonError::Syntax { line, column, .. } => offset_of(bytes, *line, *column),
            JsonError::Duplicate { .. } => 0,
        };
        let range = &self.report.segments[index].range;
        let offset = (range.start + decoded_offset / 3 * 4).min(range.end.saturating_sub(1).max(range.start));
        let reason = format!("{role}: {error}");
        self.report.message = Some(reason.clone());
        self.report.first_error = Some(ErrorPosition { offset, segment: index, reason });
    }

    /// Fills [`Report::lenient`] with best-effort readings of header and payload.
    fn lenient(&mut self, parts: &[&str], header: Option<&[u8]>, payload: Option<&[u8]>) {
        let read = |bytes: Vec<u8>| {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let json = serde_json::from_slice(&bytes).ok();
            LenientPart { text, json }
        };
        let header = header.map(<[u8]>::to_vec).or_else(|| parts.first().map(|p| b64::decode_lenient(p)));
        let payload = payload
            .map(<[u8]>::to_vec)
            .or_else(|| if parts.len() == 5 { None } else { parts.get(1).map(|p| b64::decode_lenient(p)) });
        let lenient = Lenient {
            header: header.filter(|b| !b.is_empty()).map(read),
            payload: payload.filter(|b| !b.is_empty()).map(read),
        };
        if lenient.header.is_some() || lenient.payload.is_some() {
            self.report.lenient = Some(lenient);
        }
    }
}

/// Byte offset of a 1-based line and column in `bytes`.
fn offset_of(bytes: &[u8], line: usize, column: usize) -> usize {
    let mut offset = 0;
    for _ in 1..line {
        match bytes[offset..].iter().position(|b| *b == b'\n') {
            Some(p) => offset += p + 1,
            None => break,
        }
    }
    (offset + column.saturating_sub(1)).min(bytes.len())
}

/// Contract step 14: `crit_unsupported`, then signature errors, then payload, then claim types.
fn precedence(errors: &[ErrorKind]) -> Option<ErrorKind> {
    let rank = |k: &ErrorKind| match k {
        ErrorKind::CritUnsupported => 0,
        ErrorKind::AlgNone
        | ErrorKind::NoneWithSignature
        | ErrorKind::AlgUnsupported
        | ErrorKind::KeyInvalid
        | ErrorKind::KidNotFound
        | ErrorKind::AlgKeyMismatch
        | ErrorKind::BadSignature => 1,
        ErrorKind::PayloadNotJson | ErrorKind::PayloadNotObject => 2,
        ErrorKind::ClaimType => 3,
        _ => 4,
    };
    errors.iter().copied().min_by_key(rank)
}

/// Explains each member of a JSON object, with where its value is encoded in the token.
fn rows(
    object: &Value,
    text: &str,
    segment: &Range<usize>,
    doc: fn(&str) -> Option<&'static ClaimDoc>,
    now: Option<i64>,
) -> Vec<ClaimRow> {
    let Some(object) = object.as_object() else {
        return Vec::new();
    };
    let spans = json::member_spans(text);
    object
        .iter()
        .map(|(name, value)| {
            let time = now.filter(|_| claims::NUMERIC_DATE_CLAIMS.contains(&name.as_str())).and_then(|now| {
                let seconds = value.as_f64()?;
                Some(TimeInfo {
                    seconds,
                    iso: claims::iso8601(seconds),
                    relative: claims::relative(name, seconds, now),
                })
            });
            let token_range = spans.iter().find(|(n, _)| n == name).map(|(_, r)| {
                let start = segment.start + r.start / 3 * 4;
                let end = (segment.start + r.end.div_ceil(3) * 4).min(segment.end);
                start..end
            });
            ClaimRow { name: name.clone(), value: value.clone(), doc: doc(name), time, token_range }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jwt::keys::parse_key;

    const NOW: Options = Options { now: 1_800_000_000, leeway: 0 };

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
        let key = crate::jwt::sign::SigningKey::Secret(secret.to_vec());
        crate::jwt::sign::sign_signing_input(Alg::HS256, &key, &input).unwrap()
    }

    fn no_key() -> ParsedKey {
        ParsedKey::none()
    }

    #[test]
    fn normalise_follows_step_2() {
        assert_eq!(
            normalise("  Bearer \t abc.def \r\n"),
            ("abc.def".into(), Normalisation { bearer_removed: true, whitespace_removed: 0, trimmed: 5 })
        );
        assert_eq!(normalise("bEaReR x").0, "x");
        assert!(!normalise("Bearerx.y").1.bearer_removed);
        assert_eq!(normalise("Bearer").0, "Bearer");
        let (t, n) = normalise("a b\nc\td");
        assert_eq!((t.as_str(), n.whitespace_removed), ("abcd", 3));
        // Only SP, HT, CR, LF count; other whitespace stays (and later fails base64).
        assert_eq!(normalise("\u{a0}a").0, "\u{a0}a");
        assert_eq!(normalise("é").0, "é");
    }

    #[test]
    fn structural_errors_clear_the_verdict() {
        let big = "a".repeat(MAX_INPUT_BYTES + 1);
        assert_eq!(analyse(&big, &no_key(), NOW).error_kind, Some(ErrorKind::TooLarge));
        assert_eq!(
            analyse(&"a".repeat(MAX_INPUT_BYTES), &no_key(), NOW).error_kind,
            Some(ErrorKind::Segments)
        );
        assert_eq!(analyse(" \n\t", &no_key(), NOW).error_kind, Some(ErrorKind::Empty));
        assert_eq!(analyse("Bearer  ", &no_key(), NOW).error_kind, Some(ErrorKind::Segments));
        for bad in ["a.b", "a.b.c.d", "a.b.c.d.e.f", "abc"] {
            let r = analyse(bad, &no_key(), NOW);
            assert_eq!(r.error_kind, Some(ErrorKind::Segments), "{bad}");
            assert!(!r.well_formed && r.header.is_none() && r.alg.is_none());
        }
        let t = token(r#"{"alg":"HS256"}"#, "{}", b"sig");
        assert_eq!(analyse(&format!("{t}."), &no_key(), NOW).error_kind, Some(ErrorKind::Segments));
    }

    #[test]
    fn base64_errors_point_at_the_character() {
        let t = token(r#"{"alg":"HS256"}"#, "{}", b"sig");
        let bad = format!("{t}=");
        let r = analyse(&bad, &no_key(), NOW);
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
            let r = analyse(&token(header, "{}", b""), &no_key(), NOW);
            assert_eq!(r.error_kind, Some(kind), "{header}");
            assert!(!r.well_formed && r.header.is_none());
        }
        let mut not_utf8 = b64::encode(b"{\"alg\":\"\xff\"}");
        not_utf8.push_str(".e30.");
        assert_eq!(analyse(&not_utf8, &no_key(), NOW).error_kind, Some(ErrorKind::HeaderJson));
    }

    #[test]
    fn jwe_and_b64_false_show_only_the_header() {
        let h = b64::encode(br#"{"alg":"dir","enc":"A128GCM"}"#);
        let r = analyse(&format!("{h}..aXY.Y2lwaGVy.dGFn"), &no_key(), NOW);
        assert_eq!(r.error_kind, Some(ErrorKind::Jwe));
        assert!(r.well_formed);
        assert_eq!(r.alg.as_deref(), Some("dir"));
        assert_eq!(r.header.unwrap()["enc"], "A128GCM");
        assert_eq!((r.payload, r.signature_valid, r.time_status), (None, None, None));

        let r = analyse(&token(r#"{"alg":"HS256","b64":false,"crit":["b64"]}"#, "{}", b"s"), &no_key(), NOW);
        assert_eq!(r.error_kind, Some(ErrorKind::B64False));
        assert!(r.well_formed && r.payload.is_none() && r.header.is_some());
    }

    #[test]
    fn payload_rules_keep_checking_the_signature() {
        let key = parse_key(KeyKind::SecretUtf8, "k");
        let t = hs256(r#"{"alg":"HS256"}"#, "hello", b"k");
        let r = analyse(&t, &key, NOW);
        assert_eq!(
            (r.error_kind, r.signature_valid, r.well_formed),
            (Some(ErrorKind::PayloadNotJson), Some(true), true)
        );
        assert_eq!((r.payload, r.time_status), (None, None));
        assert_eq!(r.lenient.unwrap().payload.unwrap().text, "hello");

        let t = hs256(r#"{"alg":"HS256"}"#, "[1,2]", b"k");
        let r = analyse(&t, &key, NOW);
        assert_eq!(r.error_kind, Some(ErrorKind::PayloadNotObject));

        let t = hs256(r#"{"alg":"HS256"}"#, r#"{"a":1,"a":2}"#, b"k");
        let r = analyse(&t, &key, NOW);
        assert_eq!(
            (r.error_kind, r.well_formed, r.signature_valid),
            (Some(ErrorKind::DuplicateKeys), false, None)
        );

        // A bad signature outranks a non-JSON payload.
        let t = hs256(r#"{"alg":"HS256"}"#, "hello", b"other");
        let r = analyse(&t, &key, NOW);
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
            let r = analyse(&t, &key, NOW);
            if ok {
                assert_eq!((r.error_kind, r.signature_valid), (None, Some(true)), "{crit}");
            } else {
                assert_eq!(
                    (r.error_kind, r.signature_valid),
                    (Some(ErrorKind::CritUnsupported), None),
                    "{crit}"
                );
                assert_eq!(r.time_status, Some(TimeStatus::Valid));
                assert!(r.payload.is_some());
            }
        }
    }

    #[test]
    fn claim_types_and_time() {
        let key = parse_key(KeyKind::SecretUtf8, "k");
        let r = analyse(&hs256(r#"{"alg":"HS256"}"#, r#"{"exp":"4102444800"}"#, b"k"), &key, NOW);
        assert_eq!(
            (r.error_kind, r.time_status, r.signature_valid),
            (Some(ErrorKind::ClaimType), None, Some(true))
        );
        let r = analyse(&hs256(r#"{"alg":"HS256"}"#, r#"{"iat":true,"exp":1}"#, b"k"), &key, NOW);
        assert_eq!((r.error_kind, r.time_status), (Some(ErrorKind::ClaimType), None));
        let r = analyse(&hs256(r#"{"alg":"HS256"}"#, r#"{"exp":4102444800.5,"nbf":1.25}"#, b"k"), &key, NOW);
        assert_eq!((r.error_kind, r.time_status), (None, Some(TimeStatus::Valid)));
        let r = analyse(&hs256(r#"{"alg":"HS256"}"#, r#"{"exp":4102444800000}"#, b"k"), &key, NOW);
        assert!(r.warnings.contains(&Warning::ExpMilliseconds));
        assert_eq!(r.time_status, Some(TimeStatus::Valid));
        let exp = r.claims.iter().find(|c| c.name == "exp").unwrap();
        assert_eq!(exp.time.as_ref().unwrap().iso, None);
        // Leeway is explicit.
        let t = hs256(r#"{"alg":"HS256"}"#, &format!(r#"{{"exp":{}}}"#, NOW.now - 10), b"k");
        assert_eq!(analyse(&t, &key, NOW).time_status, Some(TimeStatus::Expired));
        let lenient = Options { leeway: 30, ..NOW };
        assert_eq!(analyse(&t, &key, lenient).time_status, Some(TimeStatus::Valid));
    }

    #[test]
    fn none_and_unsupported_algorithms() {
        let key = parse_key(KeyKind::SecretUtf8, "k");
        let r = analyse(&token(r#"{"alg":"none"}"#, "{}", b""), &key, NOW);
        assert_eq!((r.error_kind, r.signature_valid), (Some(ErrorKind::AlgNone), None));
        let r = analyse(&token(r#"{"alg":"none"}"#, "{}", b"x"), &key, NOW);
        assert_eq!((r.error_kind, r.signature_valid), (Some(ErrorKind::NoneWithSignature), Some(false)));
        for alg in ["None", "hs256", "ES256K", "RS1"] {
            let r = analyse(&token(&format!(r#"{{"alg":"{alg}"}}"#), "{}", b"x"), &key, NOW);
            assert_eq!((r.error_kind, r.signature_valid), (Some(ErrorKind::AlgUnsupported), None), "{alg}");
            assert_eq!(r.alg.as_deref(), Some(alg));
        }
    }

    #[test]
    fn secret_readings_tell_which_encoding_verifies() {
        let secret = [0xfbu8, 0xff, 0x00, 0x10, 0x20, 0x30];
        let t = hs256(r#"{"alg":"HS256"}"#, "{}", &secret);
        let text = "+/8AECAw";
        let r = analyse(&t, &parse_key(KeyKind::Auto, text), NOW);
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
        let r = analyse(&t, &parse_key(KeyKind::SecretBase64, text), NOW);
        assert_eq!(r.signature_valid, Some(true));
        assert!(r.warnings.contains(&Warning::WeakHmacKey));
        let r = analyse(&t, &parse_key(KeyKind::SecretHex, "fbff00102030"), NOW);
        assert_eq!(r.signature_valid, Some(true));
    }

    #[test]
    fn key_problems() {
        let t = hs256(r#"{"alg":"HS256"}"#, "{}", b"k");
        let r = analyse(&t, &parse_key(KeyKind::SecretBase64, "!!"), NOW);
        assert_eq!((r.error_kind, r.signature_valid), (Some(ErrorKind::KeyInvalid), None));
        assert!(r.key.error.is_some());
        let r = analyse(&t, &parse_key(KeyKind::Jwk, r#"{"kty":"oct","k":"aw"}"#), NOW);
        assert_eq!(r.signature_valid, Some(true));
        let r = analyse(&t, &parse_key(KeyKind::None, "ignored"), NOW);
        assert_eq!((r.error_kind, r.signature_valid), (None, None));
        // A key-confusion attempt: an RS token verified with a secret is a mismatch.
        let rs = token(r#"{"alg":"RS256"}"#, "{}", b"x");
        let r = analyse(&rs, &parse_key(KeyKind::SecretUtf8, "k"), NOW);
        assert_eq!(r.error_kind, Some(ErrorKind::AlgKeyMismatch));
    }

    #[test]
    fn empty_hmac_key_verifies_with_a_weak_key_warning() {
        use hmac::{KeyInit, Mac};
        let input = format!("{}.{}", b64::encode(br#"{"alg":"HS256"}"#), b64::encode(b"{}"));
        let mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(b"")
            .unwrap()
            .chain_update(input.as_bytes())
            .finalize();
        let token = format!("{input}.{}", b64::encode(&mac.into_bytes()));
        let r = analyse(&token, &parse_key(KeyKind::SecretUtf8, ""), NOW);
        assert_eq!((r.signature_valid, r.error_kind), (Some(true), None));
        assert!(r.warnings.contains(&Warning::WeakHmacKey));
        let r = analyse(&token, &parse_key(KeyKind::SecretUtf8, "x"), NOW);
        assert_eq!(r.signature_valid, Some(false));
        // With auto, an empty key box means "no key".
        assert_eq!(analyse(&token, &parse_key(KeyKind::Auto, ""), NOW).signature_valid, None);
    }

    #[test]
    fn readable_keys_of_unsupported_types_are_a_mismatch() {
        // An Ed448 SubjectPublicKeyInfo (RFC 8410 example).
        let ed448 = "-----BEGIN PUBLIC KEY-----\nMEMwBQYDK2VxAzoAX9dEm1m0Yf0s54fsYWrUah2hNCSFpw4fig6nXYDpZ3jt8SR2m0bHBhvWeD3x5Q9s0foavq/oJWGA\n-----END PUBLIC KEY-----\n";
        let key = parse_key(KeyKind::PemSpki, ed448);
        assert!(
            matches!(key.material, Ok(KeyMaterial::Public { key: PublicKey::Other(_), .. })),
            "{:?}",
            key.material
        );
        let r = analyse(&token(r#"{"alg":"EdDSA"}"#, "{}", &[0; 64]), &key, NOW);
        assert_eq!((r.error_kind, r.signature_valid), (Some(ErrorKind::AlgKeyMismatch), None));
        assert!(r.message.unwrap().contains("Ed448"));
    }

    #[test]
    fn jwks_selection_by_kid() {
        let t = hs256(r#"{"alg":"HS256","kid":"b"}"#, "{}", b"key-b");
        let set = |keys: &str| parse_key(KeyKind::Jwks, &format!(r#"{{"keys":[{keys}]}}"#));
        let a = r#"{"kty":"oct","kid":"a","k":"a2V5LWE"}"#;
        let b = r#"{"kty":"oct","kid":"b","k":"a2V5LWI"}"#;
        let b_wrong = r#"{"kty":"oct","kid":"b","k":"a2V5LWE"}"#;
        assert_eq!(analyse(&t, &set(&format!("{a},{b}")), NOW).signature_valid, Some(true));
        assert_eq!(analyse(&t, &set(a), NOW).error_kind, Some(ErrorKind::KidNotFound));
        // No fallback to other keys when the kid's key fails.
        let r = analyse(&t, &set(&format!("{b_wrong},{a}")), NOW);
        assert_eq!(r.error_kind, Some(ErrorKind::BadSignature));
        // Without kid every compatible key is tried.
        let t = hs256(r#"{"alg":"HS256"}"#, "{}", b"key-b");
        let r = analyse(&t, &set(&format!("{a},{b}")), NOW);
        assert_eq!(r.signature_valid, Some(true));
        assert_eq!(r.key.set.iter().filter_map(|m| m.verifies).collect::<Vec<_>>(), [false, true]);
        let rsa_only = r#"{"kty":"RSA","kid":"r","n":"AQAB","e":"AQAB"}"#;
        assert_eq!(analyse(&t, &set(rsa_only), NOW).error_kind, Some(ErrorKind::AlgKeyMismatch));
    }

    #[test]
    fn public_key_text_as_hmac_secret_warns() {
        let pem = "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n";
        let t = hs256(r#"{"alg":"HS256"}"#, "{}", pem.as_bytes());
        let r = analyse(&t, &parse_key(KeyKind::SecretUtf8, pem), NOW);
        assert_eq!(r.signature_valid, Some(true));
        assert!(r.warnings.contains(&Warning::HmacSecretIsPublicKey));
        for text in ["ssh-rsa AAAA", "ecdsa-sha2-nistp256 AAAA", "x -----BEGIN RSA PUBLIC KEY-----"] {
            let r = analyse(&t, &parse_key(KeyKind::SecretUtf8, text), NOW);
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
        let r = analyse(&t, &no_key(), NOW);
        let names: Vec<&str> = r.claims.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["sub", "name", "iat"]);
        for row in r.claims.iter().chain(&r.header_params) {
            let range = row.token_range.clone().unwrap();
            let decoded = b64::decode_lenient(&r.token[range]);
            let needle = row.value.to_string();
            assert!(String::from_utf8_lossy(&decoded).contains(&needle), "{} not in its range", row.name);
        }
        let iat = r.claims.iter().find(|c| c.name == "iat").unwrap();
        assert_eq!(iat.time.as_ref().unwrap().iso.as_deref(), Some("2018-01-18T01:30:22Z"));
        assert_eq!(iat.doc.unwrap().source, "RFC 7519 §4.1.6");
    }

    #[test]
    fn untrusted_key_headers_are_flagged() {
        let r = analyse(
            &token(r#"{"alg":"RS256","jku":"https://evil.example/keys"}"#, "{}", b"x"),
            &no_key(),
            NOW,
        );
        assert!(r.warnings.contains(&Warning::UntrustedKeyHeader));
    }

    #[test]
    fn cleanup_suggestions() {
        assert_eq!(suggest_cleanup(" \"a.b.c\" ").unwrap().cleaned, "a.b.c");
        assert_eq!(suggest_cleanup("'a.b.c'").unwrap().cleaned, "a.b.c");
        assert_eq!(suggest_cleanup(r#"{"token":"a.b.c"}"#).unwrap().cleaned, "a.b.c");
        assert_eq!(suggest_cleanup(r#"{"access_token":"x","other":1}"#).unwrap().cleaned, "x");
        assert_eq!(suggest_cleanup("a.b.c"), None);
        assert_eq!(suggest_cleanup("\""), None);
        assert_eq!(suggest_cleanup(r#"{"nothing":1}"#), None);
    }
}
