//! The verdict (contract step 14) of a decoded token and its signature check, how it reads
//! (one classification for the page and the CLI alike), and the CLI's JSON with time judged.

use serde::Serialize;
use serde::ser::SerializeStruct;

use crate::analyse::{ClaimRow, Decoded, Problem, Report, SignatureCheck, TimeInfo};
use crate::error::{ErrorKind, Warning};
use crate::known_secrets::KnownSecret;
use crate::time::{self, Clock, TimeStatus};

/// The contract's verdict, without time (which needs a clock: [`Verdict::time_status`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    /// Contract: the token parsed as a JWS/JWE.
    pub well_formed: bool,
    /// Contract: the header's `alg` as written, or null.
    pub alg: Option<String>,
    /// Contract: true/false when the signature was checked, null when it was not.
    pub signature_valid: Option<bool>,
    /// Contract: the highest-precedence problem, or null.
    pub error_kind: Option<ErrorKind>,
    /// What exactly that problem is, when there is more to say than its word.
    pub message: Option<String>,
    /// Contract (advisory): warning words, sorted, without repeats.
    pub warnings: Vec<Warning>,
}

impl Verdict {
    /// Contract step 14: the highest-precedence problem of the two steps wins; a structural
    /// problem (which stopped the analysis) is the only one there is.
    pub fn of(decoded: &Decoded, check: &SignatureCheck) -> Self {
        let winner: Option<&Problem> =
            decoded.problems.iter().chain(check.problem.as_ref()).min_by_key(|p| p.kind.rank());
        let mut warnings: Vec<Warning> = decoded.warnings.iter().chain(&check.warnings).copied().collect();
        warnings.sort_unstable();
        warnings.dedup();
        Verdict {
            well_formed: decoded.well_formed,
            alg: decoded.alg.clone(),
            signature_valid: if decoded.well_formed { check.signature_valid } else { None },
            error_kind: winner.map(|p| p.kind),
            message: winner.and_then(|p| p.message.clone()),
            warnings,
        }
    }

    /// Contract step 12 at `clock`: null without a JSON-object payload or with `claim_type`.
    pub fn time_status(&self, decoded: &Decoded, clock: Clock) -> Option<TimeStatus> {
        decoded.times.filter(|_| self.well_formed).map(|t| t.judge(clock))
    }

    /// How the signature part reads.
    pub fn signature_state(&self) -> SignatureState {
        match (self.well_formed, self.signature_valid, self.error_kind) {
            (false, _, _) => SignatureState::Malformed,
            (_, Some(true), _) => SignatureState::Verified,
            (_, Some(false), _) => SignatureState::Invalid,
            (_, None, Some(ErrorKind::AlgNone)) => SignatureState::Unsigned,
            (_, None, Some(kind)) if kind.is_structural() => SignatureState::Malformed,
            (
                _,
                None,
                Some(ErrorKind::PayloadNotJson | ErrorKind::PayloadNotObject | ErrorKind::ClaimType) | None,
            ) => SignatureState::NotChecked,
            (_, None, Some(_)) => SignatureState::Refused,
        }
    }
}

/// The signature result, as people read it (page badge and CLI line alike).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SignatureState {
    Verified,
    Invalid,
    /// No key was given.
    NotChecked,
    /// `alg` is `none`.
    Unsigned,
    /// Checking was refused (unsupported alg, key mismatch, crit, JWE, unreadable key, …).
    Refused,
    /// The token is not well-formed.
    Malformed,
}

impl SignatureState {
    /// The result in a few words ("Signature verified", "Not checked (no key)", …).
    pub fn title(self) -> &'static str {
        match self {
            SignatureState::Verified => "Signature verified",
            SignatureState::Invalid => "Invalid signature",
            SignatureState::NotChecked => "Not checked (no key)",
            SignatureState::Unsigned => "Unsigned",
            SignatureState::Refused => "Signature not checked",
            SignatureState::Malformed => "Not a valid token",
        }
    }
}

/// A report with time judged at a clock: what `jwt-debugger inspect --json` prints. The
/// verdict's fields come first, then the details.
#[derive(Debug, Clone, Copy)]
pub struct Inspection<'a> {
    /// The analysis.
    pub report: &'a Report,
    /// The instant and leeway time is judged with.
    pub clock: Clock,
    /// The publicly known secret the token is signed with ([`crate::known_secrets::find`]),
    /// when the caller looked it up; `None` when it found none or did not look (the fixture
    /// tests do not: the contract's verdict is `analyse`'s).
    pub known_secret: Option<&'a KnownSecret>,
}

impl Inspection<'_> {
    /// Contract step 12 at the clock.
    pub fn time_status(&self) -> Option<TimeStatus> {
        self.report.verdict.time_status(&self.report.decoded, self.clock)
    }

    /// The verdict's warnings, plus `known_secret` when the token is signed with one; sorted,
    /// without repeats.
    pub fn warnings(&self) -> Vec<Warning> {
        let mut warnings = self.report.verdict.warnings.clone();
        if self.known_secret.is_some() {
            warnings.push(Warning::KnownSecret);
            warnings.sort_unstable();
            warnings.dedup();
        }
        warnings
    }
}

/// A claim row with its time relative to the clock.
struct TimedRow<'a> {
    row: &'a ClaimRow,
    now: i64,
}

struct TimedInfo<'a> {
    name: &'a str,
    info: &'a TimeInfo,
    now: i64,
}

impl Serialize for TimedInfo<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut out = s.serialize_struct("TimeInfo", 3)?;
        out.serialize_field("seconds", &self.info.seconds)?;
        out.serialize_field("iso", &self.info.iso)?;
        out.serialize_field("relative", &time::relative(self.name, self.info.seconds, self.now))?;
        out.end()
    }
}

impl Serialize for TimedRow<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let row = self.row;
        let mut out = s.serialize_struct("ClaimRow", 5)?;
        out.serialize_field("name", &row.name)?;
        out.serialize_field("value", &row.value)?;
        out.serialize_field("doc", &row.doc)?;
        out.serialize_field(
            "time",
            &row.time.as_ref().map(|info| TimedInfo { name: &row.name, info, now: self.now }),
        )?;
        out.serialize_field("token_range", &row.token_range)?;
        out.end()
    }
}

impl Serialize for Inspection<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Report { decoded: d, check, verdict: v } = self.report;
        let now = self.clock.now;
        fn rows(rows: &[ClaimRow], now: i64) -> Vec<TimedRow<'_>> {
            rows.iter().map(|row| TimedRow { row, now }).collect()
        }
        let mut out = s.serialize_struct("Inspection", 20)?;
        out.serialize_field("well_formed", &v.well_formed)?;
        out.serialize_field("header", &d.header)?;
        out.serialize_field("payload", &d.payload)?;
        out.serialize_field("alg", &v.alg)?;
        out.serialize_field("signature_valid", &v.signature_valid)?;
        out.serialize_field("error_kind", &v.error_kind)?;
        out.serialize_field("time_status", &self.time_status())?;
        out.serialize_field("warnings", &self.warnings())?;
        out.serialize_field("message", &v.message)?;
        out.serialize_field("known_secret", &self.known_secret.map(|k| k.secret.as_str()))?;
        out.serialize_field("token", &d.token)?;
        out.serialize_field("normalisation", &d.normalisation)?;
        out.serialize_field("token_type", &d.token_type)?;
        out.serialize_field("segments", &d.segments)?;
        out.serialize_field("first_error", &d.first_error)?;
        out.serialize_field("lenient", &d.lenient)?;
        out.serialize_field("header_params", &rows(d.header_params(), now))?;
        out.serialize_field("claims", &rows(d.claims(), now))?;
        out.serialize_field("key", &check.key)?;
        out.serialize_field("options", &self.clock)?;
        out.end()
    }
}
