//! The analysis: pasted text in, a [`Report`] out, following the verdict contract
//! (`CONTRACT.md`) step by step. It is clock-free: time is judged afterwards
//! ([`crate::time`]), so a ticking clock never re-runs it.
//!
//! - [`decode`] (steps 1–12, no key): [`normalise`] then [`structure`] and [`claims`];
//! - [`check_signature`] (step 13, with a key): [`signature`];
//! - [`crate::Verdict::of`] (step 14) ranks what both found.
//!
//! The page runs the first part as you type and the second whenever the key or the token
//! changes; the CLI and the tests run [`analyse`], which does all three.

mod claims;
mod normalise;
mod signature;
mod structure;

use std::ops::Range;

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use normalise::{Cleanup, normalise, suggest_cleanup};
pub use signature::{
    CleanupReport, HmacKeyInfo, KeyReport, SecretReadingResult, SetMemberResult, SignatureCheck, SignedParts,
    check_signature, check_signed,
};

use crate::b64::BadBase64;
use crate::claims::ClaimDoc;
use crate::error::{ErrorKind, Warning};
use crate::keys::ParsedKey;
use crate::time::TimeClaims;
use crate::verdict::Verdict;
use crate::verify::{self, Crypto};

/// Inputs longer than this many bytes are refused unparsed (contract step 1).
pub const MAX_INPUT_BYTES: usize = 262_144;

/// A problem the analysis found: the contract's word, and more specific words when there are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// The contract's word.
    pub kind: ErrorKind,
    /// What exactly is wrong, for people.
    pub message: Option<String>,
}

impl Problem {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self { kind, message: Some(message.into()) }
    }
}

/// Everything read from a token without a key and without a clock (contract steps 1–12).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Decoded {
    /// Contract: the token parsed as a JWS/JWE (steps 1–9 passed).
    pub well_formed: bool,
    /// Contract: the decoded header, or null.
    pub header: Option<Value>,
    /// Contract: the decoded payload when it is a JSON object, or null.
    pub payload: Option<Value>,
    /// Contract: the header's `alg` as written, or null.
    pub alg: Option<String>,
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
    /// The header's parameters and the payload's claims, explained: read when first asked for
    /// ([`Decoded::header_params`], [`Decoded::claims`]). A keystroke's verdict needs neither,
    /// and they are a good part of decoding a small token (a second pass over the JSON, a copy
    /// of every value, dates written out).
    #[serde(skip)]
    rows: Rows,
    /// Problems found without a key: one structural problem (which ends the analysis), or any
    /// of `crit_unsupported`, `payload_not_json`/`payload_not_object` and `claim_type`.
    pub problems: Vec<Problem>,
    /// Warnings found without a key.
    pub warnings: Vec<Warning>,
    /// `exp` and `nbf`, when the payload is an object whose time claims are numbers.
    #[serde(skip)]
    pub times: Option<TimeClaims>,
    /// The signature's bytes, for a well-formed JWS.
    #[serde(skip)]
    pub signature: Option<Vec<u8>>,
}

impl Decoded {
    /// The signing input: the exact `header.payload` characters of a JWS.
    pub fn signing_input(&self) -> Option<&str> {
        let payload = self.segments.get(1).filter(|_| self.token_type == Some(TokenType::Jws))?;
        self.token.get(..payload.range.end)
    }

    /// The signature segment as it appears in the token.
    pub fn signature_b64(&self) -> Option<&str> {
        let signature = self.segments.get(2).filter(|_| self.token_type == Some(TokenType::Jws))?;
        self.token.get(signature.range.clone())
    }

    /// Whether the analysis found `kind` without a key.
    pub fn has_problem(&self, kind: ErrorKind) -> bool {
        self.problems.iter().any(|p| p.kind == kind)
    }

    /// The claim row named `name`.
    pub fn claim(&self, name: &str) -> Option<&ClaimRow> {
        self.claims().iter().find(|c| c.name == name)
    }

    /// The header's parameters, explained (empty unless the header is a JSON object with a
    /// string `alg`).
    pub fn header_params(&self) -> &[ClaimRow] {
        self.rows.header.get_or_init(|| match &self.header {
            Some(header) => self.rows_of(header, 0, crate::claims::header_doc, false),
            None => Vec::new(),
        })
    }

    /// The payload's claims, explained (empty unless the payload is a JSON object).
    pub fn claims(&self) -> &[ClaimRow] {
        self.rows.claims.get_or_init(|| match &self.payload {
            Some(payload) => self.rows_of(payload, 1, crate::claims::payload_doc, true),
            None => Vec::new(),
        })
    }

    /// The rows of `object`, the JSON that segment `index` of the token encodes (decoded again
    /// from the token: its text is not kept).
    fn rows_of(
        &self,
        object: &Value,
        index: usize,
        doc: fn(&str) -> Option<&'static ClaimDoc>,
        dates: bool,
    ) -> Vec<ClaimRow> {
        let segment = self.segments.get(index).and_then(|s| self.token.get(s.range.clone()));
        let bytes = segment.and_then(|text| crate::b64::decode_strict(text).ok()).unwrap_or_default();
        self.rows_in(object, &bytes, index, doc, dates)
    }

    /// The rows of `object`, whose JSON text is `json` (the decoded segment `index`).
    fn rows_in(
        &self,
        object: &Value,
        json: &[u8],
        index: usize,
        doc: fn(&str) -> Option<&'static ClaimDoc>,
        dates: bool,
    ) -> Vec<ClaimRow> {
        let Some(range) = self.segments.get(index).map(|s| s.range.clone()) else {
            return Vec::new();
        };
        claims::rows(object, std::str::from_utf8(json).unwrap_or_default(), &range, doc, dates)
    }
}

/// [`Decoded::header_params`] and [`Decoded::claims`], once read. They follow from the other
/// fields, so two decodes that are otherwise equal are equal whether or not they were read.
#[derive(Debug, Clone, Default)]
struct Rows {
    header: std::sync::OnceLock<Vec<ClaimRow>>,
    claims: std::sync::OnceLock<Vec<ClaimRow>>,
}

impl PartialEq for Rows {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// What normalising (contract step 2) removed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Normalisation {
    /// A leading `Authorization:` header name was removed.
    pub header_name_removed: bool,
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
    /// Byte range within [`Decoded::token`].
    pub range: Range<usize>,
    /// Decoded length in bytes, when strictly decodable.
    pub decoded_len: Option<usize>,
    /// Why it is not strict base64url.
    pub error: Option<BadBase64>,
}

/// Where the first problem is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorPosition {
    /// Byte offset within [`Decoded::token`].
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
    /// For NumericDate claims holding a number: the instant (its distance from now is the
    /// clock's business: [`crate::time::relative`]).
    pub time: Option<TimeInfo>,
    /// Byte range of the base64url characters that encode this member — its name and its value
    /// — within [`Decoded::token`] (whole characters, so it may include neighbouring bytes).
    pub token_range: Option<Range<usize>>,
}

/// A NumericDate, read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimeInfo {
    /// The value in seconds.
    pub seconds: f64,
    /// UTC ISO-8601, or null when out of range.
    pub iso: Option<String>,
}

/// Contract steps 1–12: reads pasted text without a key. Never panics.
pub fn decode(input: &str) -> Decoded {
    let mut decoded = Decoded::default();
    if let Err(problem) = decoded.read(input) {
        decoded.fail(problem);
    }
    decoded.warnings.sort_unstable();
    decoded.warnings.dedup();
    decoded
}

impl Decoded {
    /// Steps 1–12; a structural problem stops them.
    fn read(&mut self, input: &str) -> Result<(), Problem> {
        normalise::check_size(input)?;
        self.normalise(input);
        if self.token.is_empty() {
            return Err(Problem { kind: ErrorKind::Empty, message: None });
        }
        let token = std::mem::take(&mut self.token);
        let result = self.read_token(&token);
        self.token = token;
        result
    }

    /// Contract step 15: a structural failure shows nothing in the verdict.
    fn fail(&mut self, problem: Problem) {
        self.well_formed = false;
        self.header = None;
        self.payload = None;
        self.alg = None;
        self.times = None;
        self.signature = None;
        self.problems = vec![problem];
    }
}

/// Everything known about one pasted token and one key: what [`decode`] read, what
/// [`check_signature`] found, and the [`Verdict`] of both.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Steps 1–12.
    pub decoded: Decoded,
    /// Step 13.
    pub check: SignatureCheck,
    /// Step 14: the contract's verdict (without time, which needs a clock).
    pub verdict: Verdict,
}

/// Analyses pasted text with `key` (every algorithm). Never panics; always returns a report.
pub fn analyse(input: &str, key: &ParsedKey) -> Report {
    analyse_with(input, key, &verify::Full)
}

/// [`analyse`] with a chosen signature checker (the page's first bundle uses
/// [`verify::Hs256Only`], with keys from [`crate::keys::parse_key_light`]).
pub fn analyse_with(input: &str, key: &ParsedKey, crypto: &dyn Crypto) -> Report {
    let decoded = decode(input);
    let check = check_signature(&decoded, key, crypto);
    let verdict = Verdict::of(&decoded, &check);
    Report { decoded, check, verdict }
}

#[cfg(test)]
mod tests;
