//! Contract steps 4–9: segments, strict base64url, the header, JWE and unencoded payloads,
//! the payload. A failure here ends the analysis (with a lenient reading for the eyes).

use serde_json::Value;

use super::{Decoded, ErrorPosition, Lenient, LenientPart, Problem, SegmentInfo, SegmentRole, TokenType};
use crate::alg::{Alg, Family};
use crate::b64;
use crate::error::{ErrorKind, Warning};
use crate::json::{self, JsonError};

/// The token cut at its dots, each part strictly decoded.
struct Parts<'t> {
    text: Vec<&'t str>,
    bytes: Vec<Vec<u8>>,
}

impl Parts<'_> {
    fn bytes(&self, i: usize) -> &[u8] {
        self.bytes.get(i).map_or(&[], Vec::as_slice)
    }
}

impl Decoded {
    /// Steps 4–12 on the normalised token.
    pub(super) fn read_token(&mut self, token: &str) -> Result<(), Problem> {
        let text = self.segments(token)?;
        let parts = self.base64(text)?;
        let (header, alg) = self.header(&parts)?;
        if self.jwe_or_unencoded(&header, &alg) {
            return Ok(());
        }
        let payload = match self.payload(&parts) {
            Ok(payload) => payload,
            Err(problem) => {
                // Step 15 shows no header now, but its parameters are still explained: read
                // them while the header is at hand (from its decoded text: `self.token` is set
                // again only after this step).
                let rows = self.rows_in(&header, parts.bytes(0), 0, crate::claims::header_doc, false);
                self.rows.header.get_or_init(|| rows);
                return Err(problem);
            }
        };
        self.well_formed = true;
        self.alg = Some(alg);
        self.signature = parts.bytes.get(2).cloned();
        if let Some(Family::Ecdsa(curve)) = self.alg.as_deref().and_then(Alg::parse).map(Alg::family)
            && crate::verify::is_der_ecdsa(curve, parts.bytes(2))
        {
            self.warnings.push(Warning::EcdsaDerSignature);
        }
        self.crit(&header);
        self.claims_and_times(payload.as_ref());
        self.header = Some(header);
        self.payload = payload;
        Ok(())
    }

    /// Step 4: three segments (JWS) or five (JWE).
    fn segments<'t>(&mut self, token: &'t str) -> Result<Vec<&'t str>, Problem> {
        let text: Vec<&str> = token.split('.').collect();
        let count = text.len();
        let mut offset = 0;
        self.segments = text
            .iter()
            .enumerate()
            .map(|(i, part)| {
                let range = offset..offset + part.len();
                offset += part.len() + 1;
                SegmentInfo { role: SegmentRole::of(i, count), range, decoded_len: None, error: None }
            })
            .collect();
        self.token_type = match count {
            3 => Some(TokenType::Jws),
            5 => Some(TokenType::Jwe),
            _ => {
                self.lenient(&text, None, None);
                return Err(Problem::new(
                    ErrorKind::Segments,
                    format!(
                        "{count} segment{} found; a JWS has 3 (header.payload.signature), a JWE 5",
                        if count == 1 { "" } else { "s" }
                    ),
                ));
            }
        };
        Ok(text)
    }

    /// Step 5: strict base64url everywhere; the first bad character is located. A JWS whose
    /// header says `"b64": false` carries its payload unencoded (RFC 7797): that segment is
    /// not base64 at all, so it is not judged as such (step 8 refuses the token instead).
    fn base64<'t>(&mut self, text: Vec<&'t str>) -> Result<Parts<'t>, Problem> {
        let unencoded = text.len() == 3 && text.first().is_some_and(|h| says_b64_false(h));
        let mut bytes = Vec::with_capacity(text.len());
        let mut first_bad = None;
        for (i, (part, info)) in text.iter().zip(self.segments.iter_mut()).enumerate() {
            if unencoded && i == 1 {
                bytes.push(part.as_bytes().to_vec());
                continue;
            }
            match b64::decode_strict(part) {
                Ok(decoded) => {
                    info.decoded_len = Some(decoded.len());
                    bytes.push(decoded);
                }
                Err(bad) => {
                    if first_bad.is_none() {
                        first_bad = Some((i, info.range.start + bad.offset, info.role, bad.reason.clone()));
                    }
                    info.error = Some(bad);
                    bytes.push(Vec::new());
                }
            }
        }
        if let Some((segment, offset, role, reason)) = first_bad {
            let message = format!("{} segment: {reason} (at character {})", role.label(), offset + 1);
            self.first_error = Some(ErrorPosition { offset, segment, reason });
            self.lenient(&text, None, None);
            return Err(Problem::new(ErrorKind::Base64, message));
        }
        Ok(Parts { text, bytes })
    }

    /// Step 6: a UTF-8 JSON object with a string `alg` and no duplicate names.
    fn header(&mut self, parts: &Parts<'_>) -> Result<(Value, String), Problem> {
        let fail = |this: &mut Self, problem: Problem| {
            let payload = (parts.text.len() == 3).then(|| parts.bytes(1));
            this.lenient(&parts.text, Some(parts.bytes(0)), payload);
            Err(problem)
        };
        let header = match json::parse_strict(parts.bytes(0)) {
            Ok(header) => header,
            Err(e) => {
                let problem = self.json_error(0, parts.bytes(0), &e);
                return fail(self, problem);
            }
        };
        let alg = match header.as_object().map(|o| o.get("alg")) {
            Some(Some(Value::String(alg))) => alg.clone(),
            shape => {
                let why = match shape {
                    None => "the header is JSON but not an object",
                    Some(None) => "the header has no \"alg\"",
                    Some(Some(_)) => "the header's \"alg\" is not a string",
                };
                return fail(self, Problem::new(ErrorKind::HeaderJson, why));
            }
        };
        if ["jwk", "jku", "x5u", "x5c"].iter().any(|k| header.get(*k).is_some()) {
            self.warnings.push(Warning::UntrustedKeyHeader);
        }
        Ok((header, alg))
    }

    /// Steps 7 and 8: a JWE or an unencoded payload is well-formed, shows its header, and
    /// ends here.
    fn jwe_or_unencoded(&mut self, header: &Value, alg: &str) -> bool {
        let problem = if self.token_type == Some(TokenType::Jwe) {
            Problem::new(ErrorKind::Jwe, "the payload is encrypted; it is not decrypted or verified here")
        } else if header.get("b64") == Some(&Value::Bool(false)) {
            Problem { kind: ErrorKind::B64False, message: None }
        } else {
            return false;
        };
        self.well_formed = true;
        self.header = Some(header.clone());
        self.alg = Some(alg.to_owned());
        self.problems.push(problem);
        true
    }

    /// Step 9: the payload. Duplicate names end the analysis; a payload that is not a JSON
    /// object is a problem, but the signature is still checked.
    fn payload(&mut self, parts: &Parts<'_>) -> Result<Option<Value>, Problem> {
        let bytes = parts.bytes(1);
        let problem = match json::parse_strict(bytes) {
            Ok(Value::Object(o)) => return Ok(Some(Value::Object(o))),
            Ok(_) => Problem::new(ErrorKind::PayloadNotObject, "the payload is JSON but not an object"),
            Err(e @ JsonError::Duplicate { .. }) => {
                let problem = self.json_error(1, bytes, &e);
                self.lenient(&parts.text, None, Some(bytes));
                return Err(problem);
            }
            Err(e) => self.json_error(1, bytes, &e),
        };
        self.lenient(&parts.text, None, Some(bytes));
        self.problems.push(problem);
        Ok(None)
    }

    /// A JSON error of segment `index`, located in the token.
    fn json_error(&mut self, index: usize, bytes: &[u8], error: &JsonError) -> Problem {
        let Some(info) = self.segments.get(index) else {
            return Problem::new(ErrorKind::HeaderJson, error.to_string());
        };
        let decoded_offset = match error {
            JsonError::NotUtf8 { valid_up_to } => *valid_up_to,
            JsonError::Syntax { line, column, .. } => offset_of(bytes, *line, *column),
            JsonError::Duplicate { .. } => 0,
        };
        let range = &info.range;
        let offset = (range.start + decoded_offset / 3 * 4).min(range.end.saturating_sub(1).max(range.start));
        let reason = format!("{}: {error}", info.role.label());
        self.first_error = Some(ErrorPosition { offset, segment: index, reason: reason.clone() });
        let kind = match (error, index) {
            (JsonError::Duplicate { .. }, _) => ErrorKind::DuplicateKeys,
            (_, 0) => ErrorKind::HeaderJson,
            _ => ErrorKind::PayloadNotJson,
        };
        Problem::new(kind, reason)
    }

    /// Best-effort readings of header and payload, when the verdict cannot show them.
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
            self.lenient = Some(lenient);
        }
    }
}

/// Whether a header segment decodes to JSON with `"b64": false`.
fn says_b64_false(segment: &str) -> bool {
    b64::decode_strict(segment)
        .ok()
        .and_then(|h| serde_json::from_slice::<Value>(&h).ok())
        .is_some_and(|h| h.get("b64") == Some(&Value::Bool(false)))
}

/// Byte offset of a 1-based line and column in `bytes`.
fn offset_of(bytes: &[u8], line: usize, column: usize) -> usize {
    let mut offset = 0;
    for _ in 1..line {
        match bytes.get(offset..).and_then(|rest| rest.iter().position(|b| *b == b'\n')) {
            Some(p) => offset += p + 1,
            None => break,
        }
    }
    (offset + column.saturating_sub(1)).min(bytes.len())
}
