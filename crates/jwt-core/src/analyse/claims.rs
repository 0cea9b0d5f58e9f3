//! Contract steps 10–12 without the clock: `crit`, the claim types, and the rows that explain
//! every header parameter and claim. Judging `exp`/`nbf` at an instant is [`crate::time`]'s.

use std::collections::HashMap;
use std::ops::Range;

use serde_json::Value;

use super::{ClaimRow, Decoded, Problem, TimeInfo};
use crate::claims::{ClaimDoc, NUMERIC_DATE_CLAIMS};
use crate::error::{ErrorKind, Warning};
use crate::json;
use crate::time::{self, TimeClaims};

/// `exp` values above this were almost certainly written in milliseconds.
const MILLISECONDS_THRESHOLD: f64 = 1e11;

impl Decoded {
    /// Step 10: `crit`, if present, must be a non-empty list of extensions we understand (only
    /// `b64`). Otherwise the signature is not checked (step 13 is skipped).
    pub(super) fn crit(&mut self, header: &Value) {
        let ok = match header.get("crit") {
            None => true,
            Some(Value::Array(names)) => !names.is_empty() && names.iter().all(|n| n.as_str() == Some("b64")),
            Some(_) => false,
        };
        if !ok {
            let crit = header.get("crit").map(Value::to_string).unwrap_or_default();
            self.problems.push(Problem::new(
                ErrorKind::CritUnsupported,
                format!(
                    "\"crit\" must be a non-empty list of extensions this verifier understands (only \"b64\"); it is {crit}"
                ),
            ));
        }
    }

    /// Steps 11 and 12 (the clock-free part): check that `exp`, `nbf` and `iat` are numbers,
    /// and keep `exp`/`nbf` for judging time later. (The rows that explain the claims are read
    /// when asked for: [`Decoded::claims`].)
    pub(super) fn claims_and_times(&mut self, payload: Option<&Value>) {
        let Some(payload) = payload else { return };
        let number = |name: &'static str| payload.get(name).map(|v| v.as_f64().ok_or(name));
        match (number("exp").transpose(), number("nbf").transpose(), number("iat").transpose()) {
            (Ok(exp), Ok(nbf), Ok(_)) => {
                if exp.is_some_and(|e| e > MILLISECONDS_THRESHOLD) {
                    self.warnings.push(Warning::ExpMilliseconds);
                }
                self.times = Some(TimeClaims { exp, nbf });
            }
            (exp, nbf, iat) => {
                let bad =
                    [exp.err(), nbf.err(), iat.err()].into_iter().flatten().collect::<Vec<_>>().join(", ");
                self.problems.push(Problem::new(
                    ErrorKind::ClaimType,
                    format!("{bad} must be a JSON number (seconds since 1970)"),
                ));
            }
        }
    }
}

/// Explains each member of a JSON object, with where its value is encoded in the token (and,
/// with `dates`, reads its NumericDate claims).
/// Linear in the number of members (a 256 KiB payload may have tens of thousands).
pub(super) fn rows(
    object: &Value,
    text: &str,
    segment: &Range<usize>,
    doc: fn(&str) -> Option<&'static ClaimDoc>,
    dates: bool,
) -> Vec<ClaimRow> {
    let Some(object) = object.as_object() else {
        return Vec::new();
    };
    let spans: HashMap<String, Range<usize>> = json::member_spans(text).into_iter().collect();
    object
        .iter()
        .map(|(name, value)| {
            let time = (dates && NUMERIC_DATE_CLAIMS.contains(&name.as_str()))
                .then(|| value.as_f64())
                .flatten()
                .map(|seconds| TimeInfo { seconds, iso: time::iso8601(seconds) });
            let token_range = spans.get(name).map(|r| {
                let start = segment.start + r.start / 3 * 4;
                let end = (segment.start + r.end.div_ceil(3) * 4).min(segment.end);
                start..end
            });
            ClaimRow { name: name.clone(), value: value.clone(), doc: doc(name), time, token_range }
        })
        .collect()
}
