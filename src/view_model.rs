//! What the page shows, derived from a [`Report`]: pure functions, tested natively, so the
//! components only lay them out.

use std::ops::Range;

use crate::jwt::analyse::SegmentRole;
use crate::jwt::{ErrorKind, Report, TimeStatus};

/// The signature result, as the page words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// One of the two results at the top of the verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Badge {
    /// "good", "bad", "warn" or "neutral": the CSS class (colour is never the only signal).
    pub tone: &'static str,
    /// A symbol drawn next to the title (decorative; the title says it in words).
    pub icon: &'static str,
    /// The result in a few words.
    pub title: String,
    /// One sentence more.
    pub detail: String,
}

/// Classifies the signature part of a verdict.
pub fn signature_state(report: &Report) -> SignatureState {
    match (report.well_formed, report.signature_valid, report.error_kind) {
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

/// The signature badge.
pub fn signature_badge(report: &Report) -> Badge {
    let why = || {
        report
            .message
            .clone()
            .or_else(|| report.error_kind.map(|k| k.describe().to_owned()))
            .unwrap_or_default()
    };
    let (tone, icon, title, detail) = match signature_state(report) {
        SignatureState::Verified => (
            "good",
            "✓",
            "Signature verified".to_owned(),
            report.key.description.clone().map_or_else(String::new, |d| format!("with the {d}")),
        ),
        SignatureState::Invalid => ("bad", "✗", "Invalid signature".to_owned(), why()),
        SignatureState::NotChecked => (
            "neutral",
            "○",
            "Not checked (no key)".to_owned(),
            "Paste a secret or public key below to verify the signature.".to_owned(),
        ),
        SignatureState::Unsigned => {
            ("warn", "⚠", "Unsigned".to_owned(), ErrorKind::AlgNone.describe().to_owned())
        }
        SignatureState::Refused => ("warn", "⚠", "Signature not checked".to_owned(), why()),
        SignatureState::Malformed => ("bad", "✗", "Not a valid token".to_owned(), why()),
    };
    Badge { tone, icon, title, detail }
}

/// The time badge: expired, not yet valid, valid or no expiry — with how long.
pub fn time_badge(report: &Report) -> Badge {
    let claim = |name: &str| report.claims.iter().find(|c| c.name == name).and_then(|c| c.time.as_ref());
    let relative = |name: &str| claim(name).map(|t| t.relative.clone()).unwrap_or_default();
    match report.time_status {
        Some(TimeStatus::Expired) => Badge {
            tone: "bad",
            icon: "⌛",
            title: "Expired".to_owned(),
            detail: capitalise(&relative("exp")),
        },
        Some(TimeStatus::NotYetValid) => Badge {
            tone: "warn",
            icon: "⏳",
            title: "Not yet valid".to_owned(),
            detail: capitalise(&relative("nbf")),
        },
        Some(TimeStatus::Valid) => Badge {
            tone: "good",
            icon: "✓",
            title: "Not expired".to_owned(),
            detail: capitalise(&relative("exp")),
        },
        Some(TimeStatus::NoExp) => Badge {
            tone: "warn",
            icon: "∞",
            title: "No expiry".to_owned(),
            detail: "The token has no exp claim: it never expires on its own.".to_owned(),
        },
        None => Badge {
            tone: "neutral",
            icon: "–",
            title: "Time not judged".to_owned(),
            detail: match report.error_kind {
                Some(ErrorKind::ClaimType) => ErrorKind::ClaimType.describe().to_owned(),
                _ => "There is no readable JSON payload with time claims.".to_owned(),
            },
        },
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// The `data-*` values of the test contract's `verdict` element, as strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerdictAttributes {
    pub well_formed: &'static str,
    pub alg: String,
    pub signature_valid: &'static str,
    pub error_kind: &'static str,
    pub time_status: &'static str,
    pub warnings: String,
}

/// The contract's values for `data-*` (the same as `inspect --json`).
pub fn verdict_attributes(report: &Report) -> VerdictAttributes {
    VerdictAttributes {
        well_formed: if report.well_formed { "true" } else { "false" },
        alg: report.alg.clone().unwrap_or_default(),
        signature_valid: match report.signature_valid {
            Some(true) => "true",
            Some(false) => "false",
            None => "null",
        },
        error_kind: report.error_kind.map_or("", ErrorKind::as_str),
        time_status: report.time_status.map_or("", TimeStatus::as_str),
        warnings: report.warnings.iter().map(|w| w.as_str()).collect::<Vec<_>>().join(" "),
    }
}

/// What the live region says when the verdict changes (no countdown, so it does not chatter).
pub fn announcement(report: &Report) -> String {
    let sig = signature_badge(report);
    let time = time_badge(report);
    if signature_state(report) == SignatureState::Malformed {
        return format!("{}.", sig.title);
    }
    format!("{}. {}.", sig.title, time.title)
}

/// A run of the token's characters that is shown one way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    /// Byte range in the normalised token.
    pub range: Range<usize>,
    /// CSS class of the part: `t-header`, `t-payload`, `t-signature`, `t-jwe`, `t-dot`, `t-extra`.
    pub class: &'static str,
    /// The token range of the claim or header parameter this chunk encodes, if any.
    pub member: Option<Range<usize>>,
    /// When this chunk is the first bad character: why.
    pub error: Option<String>,
    /// The middle of a very long run, not drawn (a marker says how much is left out).
    pub elided: bool,
}

/// Runs longer than this are drawn as head … tail: a 256 KiB token should not be laid out three
/// times over (it is in full in the text box anyway).
const ELIDE_OVER: usize = 3072;
const ELIDE_HEAD: usize = 1024;
const ELIDE_TAIL: usize = 256;

/// Cuts the normalised token into chunks: by segment, then by the members they encode, with the
/// first bad character on its own.
pub fn token_chunks(report: &Report) -> Vec<Chunk> {
    let members: Vec<Range<usize>> =
        report.header_params.iter().chain(&report.claims).filter_map(|row| row.token_range.clone()).collect();
    let bad = report.first_error.as_ref().map(|e| {
        let end = report.token[e.offset..].chars().next().map_or(e.offset, |c| e.offset + c.len_utf8());
        (e.offset..end.max(e.offset + usize::from(e.offset < report.token.len())), e.reason.clone())
    });
    let mut chunks = Vec::new();
    for (i, segment) in report.segments.iter().enumerate() {
        if i > 0 {
            let dot = segment.range.start - 1;
            chunks.push(Chunk {
                range: dot..dot + 1,
                class: "t-dot",
                member: None,
                error: None,
                elided: false,
            });
        }
        let class = match segment.role {
            SegmentRole::Header => "t-header",
            SegmentRole::Payload => "t-payload",
            SegmentRole::Signature => "t-signature",
            SegmentRole::Extra => "t-extra",
            _ => "t-jwe",
        };
        // Boundaries: segment ends, member ranges, and the bad character.
        let mut cuts = vec![segment.range.start, segment.range.end];
        for m in &members {
            cuts.extend([m.start, m.end]);
        }
        if let Some((r, _)) = &bad {
            cuts.extend([r.start, r.end]);
        }
        cuts.retain(|c| (segment.range.start..=segment.range.end).contains(c));
        cuts.sort_unstable();
        cuts.dedup();
        for pair in cuts.windows(2) {
            let range = pair[0]..pair[1];
            let member = members.iter().find(|m| m.start <= range.start && range.end <= m.end).cloned();
            let error = bad.as_ref().filter(|(r, _)| r.start == range.start).map(|(_, why)| why.clone());
            chunks.push(Chunk { range, class, member, error, elided: false });
        }
    }
    if report.segments.is_empty() && !report.token.is_empty() {
        chunks.push(Chunk {
            range: 0..report.token.len(),
            class: "t-extra",
            member: None,
            error: None,
            elided: false,
        });
    }
    elide(&report.token, chunks)
}

/// Splits every over-long chunk into head, elided middle and tail (on character boundaries).
fn elide(token: &str, chunks: Vec<Chunk>) -> Vec<Chunk> {
    let boundary = |mut i: usize| {
        while !token.is_char_boundary(i) {
            i += 1;
        }
        i
    };
    let mut out = Vec::with_capacity(chunks.len());
    for chunk in chunks {
        if chunk.range.len() <= ELIDE_OVER || chunk.error.is_some() {
            out.push(chunk);
            continue;
        }
        let head_end = boundary(chunk.range.start + ELIDE_HEAD);
        let tail_start = boundary(chunk.range.end - ELIDE_TAIL);
        let part = |range: Range<usize>, elided| Chunk { range, elided, ..chunk.clone() };
        out.push(part(chunk.range.start..head_end, false));
        out.push(part(head_end..tail_start, true));
        out.push(part(tail_start..chunk.range.end, false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jwt::{KeyKind, Options, analyse, parse_key};
    use crate::samples;

    const AT: Options = Options { now: 1_800_000_000, leeway: 0 };

    fn sample(id: &str, with_key: bool) -> Report {
        let s = samples::by_id(id).unwrap();
        let key = if with_key { parse_key(s.key_kind, s.key) } else { parse_key(KeyKind::None, "") };
        analyse(s.token, &key, AT)
    }

    #[test]
    fn badges_say_it_in_words() {
        let r = sample("hs256", true);
        assert_eq!(signature_badge(&r).title, "Signature verified");
        assert_eq!(time_badge(&r).title, "Not expired");
        assert!(time_badge(&r).detail.starts_with("Expires in "), "{}", time_badge(&r).detail);
        assert_eq!(signature_badge(&sample("hs256", false)).title, "Not checked (no key)");
        let expired = sample("hs256-expired", true);
        assert_eq!((time_badge(&expired).title.as_str(), time_badge(&expired).tone), ("Expired", "bad"));
        assert!(time_badge(&expired).detail.ends_with(" ago"));
        assert_eq!(time_badge(&sample("rs256", true)).title, "Not yet valid");
        assert_eq!(signature_badge(&sample("none", true)).title, "Unsigned");
        assert_eq!(time_badge(&sample("none", true)).title, "No expiry");
        assert_eq!(signature_state(&sample("jwe", true)), SignatureState::Refused);
        let malformed = analyse("not a token", &parse_key(KeyKind::None, ""), AT);
        assert_eq!(signature_state(&malformed), SignatureState::Malformed);
        assert_eq!(announcement(&malformed), "Not a valid token.");
        let tampered = samples::SAMPLES[0].token.replace("6bX", "6bY");
        let wrong = analyse(&tampered, &parse_key(KeyKind::SecretUtf8, samples::HS256_SECRET), AT);
        assert_eq!(signature_badge(&wrong).title, "Invalid signature");
    }

    #[test]
    fn verdict_attributes_match_the_json_words() {
        let a = verdict_attributes(&sample("none", false));
        assert_eq!(
            (a.well_formed, a.alg.as_str(), a.signature_valid, a.error_kind, a.time_status),
            ("true", "none", "null", "alg_none", "no_exp")
        );
        let a = verdict_attributes(&analyse(" Bearer a.b", &parse_key(KeyKind::None, ""), AT));
        assert_eq!(
            (a.well_formed, a.error_kind, a.time_status, a.alg.as_str()),
            ("false", "segments", "", "")
        );
        assert_eq!(a.warnings, "bearer_prefix_removed");
    }

    #[test]
    fn chunks_cover_the_token_and_tie_members_to_their_text() {
        let r = sample("hs256", true);
        let chunks = token_chunks(&r);
        let joined: String = chunks.iter().map(|c| &r.token[c.range.clone()]).collect();
        assert_eq!(joined, r.token);
        let sub = r.claims.iter().find(|c| c.name == "sub").unwrap().token_range.clone().unwrap();
        assert!(chunks.iter().any(|c| c.member.as_ref() == Some(&sub) && c.class == "t-payload"));
        assert_eq!(chunks.iter().filter(|c| c.class == "t-dot").count(), 2);
    }

    #[test]
    fn long_runs_are_elided_but_every_byte_is_accounted_for() {
        let payload = format!(r#"{{"sub":"x","data":"{}","é":1}}"#, "y".repeat(20_000));
        let key = crate::jwt::SigningKey::Secret(b"k".to_vec());
        let token = crate::jwt::sign_json("{}", &payload, crate::jwt::Alg::HS256, &key).unwrap().token;
        let r = analyse(&token, &parse_key(KeyKind::None, ""), AT);
        let chunks = token_chunks(&r);
        let mut at = 0;
        for c in &chunks {
            assert_eq!(c.range.start, at);
            at = c.range.end;
        }
        assert_eq!(at, r.token.len());
        let elided: Vec<&Chunk> = chunks.iter().filter(|c| c.elided).collect();
        assert_eq!(elided.len(), 1);
        assert!(elided[0].range.len() > 20_000);
        let drawn: usize = chunks.iter().filter(|c| !c.elided).map(|c| c.range.len()).sum();
        assert!(drawn < 4_000, "{drawn}");
        // The long claim's head and tail still link to it.
        let data = r.claims.iter().find(|c| c.name == "data").unwrap().token_range.clone();
        assert_eq!(chunks.iter().filter(|c| c.member == data).count(), 3);
    }

    #[test]
    fn the_first_bad_character_is_its_own_chunk() {
        let token = format!("{}=", samples::SAMPLES[0].token);
        let r = analyse(&token, &parse_key(KeyKind::None, ""), AT);
        let chunks = token_chunks(&r);
        let bad: Vec<&Chunk> = chunks.iter().filter(|c| c.error.is_some()).collect();
        assert_eq!(bad.len(), 1);
        assert_eq!(&r.token[bad[0].range.clone()], "=");
        let joined: String = chunks.iter().map(|c| &r.token[c.range.clone()]).collect();
        assert_eq!(joined, r.token);
        // Not even a JWS: one chunk.
        let r = analyse("garbage", &parse_key(KeyKind::None, ""), AT);
        assert_eq!(token_chunks(&r).len(), 1);
    }
}
