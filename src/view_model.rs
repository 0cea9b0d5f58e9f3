//! What the page shows, derived from the core's results: pure functions, tested natively, so
//! the components only lay them out.

use std::ops::Range;

use jwt_core::analyse::{
    ClaimRow, KeyReport, Normalisation, SecretReadingResult, SegmentRole, SetMemberResult,
};
use jwt_core::pretty::PieceKind;
use jwt_core::time::{self, TimeStatus};
use jwt_core::{Decoded, ErrorKind, KeyKind, SignatureState, Verdict, Warning};

/// One of the two results at the top of the verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Badge {
    /// "good", "bad", "warn" or "neutral": the CSS class (colour is never the only signal).
    pub tone: &'static str,
    /// A symbol drawn next to the title (decorative; the title says it in words). Plain
    /// symbols that every font has: no emoji.
    pub icon: &'static str,
    /// The result in a few words.
    pub title: String,
    /// One sentence more.
    pub detail: String,
}

/// What a public key's answer that is on its way waits for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Waiting {
    /// The public-key code (loaded once per page).
    ForCode,
    /// The check itself: the code is loaded (a slow machine, a long token).
    ForCheck,
}

/// The signature badge; `pending` while a public key's answer is on its way.
pub fn signature_badge(verdict: &Verdict, key: &KeyReport, pending: Option<Waiting>) -> Badge {
    if let Some(waiting) = pending {
        let detail = match waiting {
            Waiting::ForCode => "Loading the public-key code (once), then verifying in this browser.",
            Waiting::ForCheck => "Verifying in this browser; the public-key code is loaded.",
        };
        return Badge {
            tone: "neutral",
            icon: "…",
            title: "Checking the signature…".to_owned(),
            detail: detail.to_owned(),
        };
    }
    let why = || {
        verdict
            .message
            .clone()
            .or_else(|| verdict.error_kind.map(|k| k.describe().to_owned()))
            .unwrap_or_default()
    };
    let state = verdict.signature_state();
    let title = state.title().to_owned();
    let (tone, icon, detail) = match state {
        SignatureState::Verified if verdict.warnings.contains(&Warning::HmacSecretIsPublicKey) => (
            "warn",
            "!",
            "…but the secret is the text of a public key: anyone can sign such tokens (RS256→HS256 key confusion)."
                .to_owned(),
        ),
        SignatureState::Verified => {
            ("good", "✓", key.description.clone().map_or_else(String::new, |d| format!("with the {d}")))
        }
        SignatureState::Invalid => ("bad", "✗", why()),
        SignatureState::NotChecked if verdict.error_kind.is_some() && key.description.is_some() => {
            ("neutral", "○", why())
        }
        SignatureState::NotChecked => {
            ("neutral", "○", "Paste a secret or public key below to verify the signature.".to_owned())
        }
        SignatureState::Unsigned => ("warn", "!", ErrorKind::AlgNone.describe().to_owned()),
        SignatureState::Refused => ("warn", "!", why()),
        SignatureState::Malformed if verdict.error_kind == Some(ErrorKind::Empty) => {
            ("neutral", "○", "Paste a token above, or load a sample.".to_owned())
        }
        SignatureState::Malformed => ("bad", "✗", why()),
    };
    let title = match state {
        SignatureState::Malformed if verdict.error_kind == Some(ErrorKind::Empty) => {
            "Paste a token".to_owned()
        }
        _ => title,
    };
    Badge { tone, icon, title, detail }
}

/// The time badge: expired, not yet valid, valid or no expiry — with how long, at `now`.
pub fn time_badge(decoded: &Decoded, verdict: &Verdict, status: Option<TimeStatus>, now: i64) -> Badge {
    // From the time claims read at decoding (the claim rows are read later, for the tables).
    let times = decoded.times.unwrap_or_default();
    let relative = |name: &str, seconds: Option<f64>| {
        seconds.map(|seconds| capitalise(&time::relative(name, seconds, now))).unwrap_or_default()
    };
    match status {
        Some(TimeStatus::Expired) => {
            Badge {
                tone: "bad", icon: "✗", title: "Expired".to_owned(), detail: relative("exp", times.exp)
            }
        }
        Some(TimeStatus::NotYetValid) => Badge {
            tone: "warn",
            icon: "!",
            title: "Not yet valid".to_owned(),
            detail: relative("nbf", times.nbf),
        },
        Some(TimeStatus::Valid) => Badge {
            tone: "good",
            icon: "✓",
            title: "Not expired".to_owned(),
            detail: relative("exp", times.exp),
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
            detail: match verdict.error_kind {
                Some(ErrorKind::ClaimType) => ErrorKind::ClaimType.describe().to_owned(),
                Some(ErrorKind::Empty) => "Expiry is judged once there is a token.".to_owned(),
                _ => "There is no readable JSON payload with time claims.".to_owned(),
            },
        },
    }
}

/// The text with its first letter upper-cased (the words here start in ASCII).
fn capitalise(text: &str) -> String {
    let mut text = text.to_owned();
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
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
/// The verdict's attributes; `known_secret` adds that warning, in the order `inspect --json`
/// gives it (`jwt_core::Inspection::warnings`).
pub fn verdict_attributes(
    verdict: &Verdict,
    status: Option<TimeStatus>,
    known_secret: bool,
) -> VerdictAttributes {
    let mut warnings = verdict.warnings.clone();
    if known_secret {
        warnings.push(jwt_core::Warning::KnownSecret);
        warnings.sort_unstable();
        warnings.dedup();
    }
    VerdictAttributes {
        well_formed: if verdict.well_formed { "true" } else { "false" },
        alg: verdict.alg.clone().unwrap_or_default(),
        signature_valid: match verdict.signature_valid {
            Some(true) => "true",
            Some(false) => "false",
            None => "null",
        },
        error_kind: verdict.error_kind.map_or("", ErrorKind::as_str),
        time_status: status.map_or("", TimeStatus::as_str),
        warnings: warnings.iter().map(|w| w.as_str()).collect::<Vec<_>>().join(" "),
    }
}

/// What the live region says when the verdict changes (no countdown, so it does not chatter).
pub fn announcement(signature: &Badge, time: &Badge, state: SignatureState) -> String {
    if state == SignatureState::Malformed {
        return format!("{}.", signature.title);
    }
    format!("{}. {}.", signature.title, time.title)
}

/// A warning in words; the weak-key warning with both lengths and the fix.
pub fn warning_text(warning: Warning, key: &KeyReport) -> String {
    match (warning, key.hmac) {
        (Warning::WeakHmacKey, Some(hmac)) => format!(
            "The HMAC key is {} bytes; this algorithm needs at least {} (RFC 7518 §3.2). Make a strong one with: openssl rand -hex 64",
            hmac.bytes, hmac.needed
        ),
        _ => warning.describe().to_owned(),
    }
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
/// At most this many member ranges are cut out of a segment; beyond them the text is one run
/// (a payload with 20,000 claims would otherwise become 40,000 spans).
const MAX_LINKED_MEMBERS: usize = 400;

/// Cuts the normalised token into chunks: by segment, then by the members they encode, with
/// the first bad character on its own. Linear in the number of members.
pub fn token_chunks(decoded: &Decoded) -> Vec<Chunk> {
    let token = &decoded.token;
    // Member ranges in token order (header members, then payload members, each in document
    // order, so the list is sorted by start).
    let members: Vec<Range<usize>> = decoded
        .header_params()
        .iter()
        .take(MAX_LINKED_MEMBERS)
        .chain(decoded.claims().iter().take(MAX_LINKED_MEMBERS))
        .filter_map(|row| row.token_range.clone())
        .collect();
    let bad = decoded.first_error.as_ref().map(|e| {
        let width = token.get(e.offset..).and_then(|rest| rest.chars().next()).map_or(0, char::len_utf8);
        (e.offset..e.offset + width.max(usize::from(e.offset < token.len())), e.reason.clone())
    });
    let mut chunks = Vec::new();
    for (i, segment) in decoded.segments.iter().enumerate() {
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
        let inside = |c: &usize| (segment.range.start..=segment.range.end).contains(c);
        let mut cuts: Vec<usize> = vec![segment.range.start, segment.range.end];
        cuts.extend(members.iter().flat_map(|m| [m.start, m.end]).filter(inside));
        if let Some((r, _)) = &bad {
            cuts.extend([r.start, r.end].into_iter().filter(inside));
        }
        cuts.sort_unstable();
        cuts.dedup();
        // Members are sorted and do not overlap much: walk them alongside the cuts.
        let mut next_member = 0;
        for pair in cuts.windows(2) {
            let &[start, end] = pair else { continue };
            while members.get(next_member).is_some_and(|m| m.end <= start) {
                next_member += 1;
            }
            let member = members.get(next_member).filter(|m| m.start <= start && end <= m.end).cloned();
            let error = bad.as_ref().filter(|(r, _)| r.start == start).map(|(_, why)| why.clone());
            chunks.push(Chunk { range: start..end, class, member, error, elided: false });
        }
    }
    if decoded.segments.is_empty() && !token.is_empty() {
        chunks.push(Chunk {
            range: 0..token.len(),
            class: "t-extra",
            member: None,
            error: None,
            elided: false,
        });
    }
    elide(token, chunks)
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

/// The `data-range` of a piece linked to these characters of the token ("start-end"; none when
/// it stands for no characters): pieces with the same value light up together (`src/js/page.js`).
pub fn range_attr(range: Option<&Range<usize>>) -> Option<String> {
    range.map(|r| format!("{}-{}", r.start, r.end))
}

/// The CSS class of a JSON piece.
pub fn piece_class(kind: PieceKind) -> &'static str {
    match kind {
        PieceKind::Punct => "j-punct",
        PieceKind::Key => "j-key",
        PieceKind::String => "j-str",
        PieceKind::Number => "j-num",
        PieceKind::Bool => "j-bool",
        PieceKind::Null => "j-null",
    }
}

/// Which part of the token a JSON panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Header,
    Payload,
}

/// Why a JSON panel is empty, when it is. `error_kind` gives the verdict's error; it is asked
/// only for a missing part.
pub fn json_note(
    decoded: &Decoded,
    error_kind: impl FnOnce() -> Option<ErrorKind>,
    part: Part,
) -> Option<&'static str> {
    let missing = match part {
        Part::Header => decoded.header.is_none(),
        Part::Payload => decoded.payload.is_none(),
    };
    if !missing {
        return None;
    }
    let structural = decoded.problems.first().map(|p| p.kind);
    Some(match (part, structural.or_else(error_kind)) {
        (_, Some(ErrorKind::Empty)) => "Paste a token to see it decoded.",
        (Part::Payload, Some(ErrorKind::Jwe)) => {
            "Encrypted (JWE): the payload cannot be read without the decryption key, and this debugger does not decrypt."
        }
        (Part::Payload, Some(ErrorKind::B64False)) => {
            "Unencoded payload (b64: false): not shown, JWTs must not use it."
        }
        _ if decoded.has_problem(ErrorKind::PayloadNotJson) => {
            "The payload is not JSON; see the best-effort reading below."
        }
        _ if decoded.has_problem(ErrorKind::PayloadNotObject) => {
            "The payload is JSON but not an object; see the best-effort reading below."
        }
        _ => "Not shown: the token is malformed (see the verdict and the best-effort reading).",
    })
}

/// What normalising ignored, in words.
pub fn normalisation_note(n: &Normalisation) -> String {
    let mut notes = Vec::new();
    if n.header_name_removed {
        notes.push("Ignored the \"Authorization:\" header name.".to_owned());
    }
    if n.bearer_removed {
        notes.push("Ignored the \"Bearer \" prefix.".to_owned());
    }
    if n.whitespace_removed > 0 {
        notes.push(format!("Ignored {} whitespace characters inside the token.", n.whitespace_removed));
    }
    notes.join(" ")
}

/// Values longer than this are cut in the claims table (the JSON panel has them in full).
const VALUE_SHOWN: usize = 300;
/// At most this many rows are drawn per table (the JSON panel has every member).
pub const MAX_ROWS: usize = 200;

/// JSON on one line with a space after each comma and colon, so that lists wrap between their
/// items rather than inside them.
struct Spaced;

impl serde_json::ser::Formatter for Spaced {
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        if first { Ok(()) } else { w.write_all(b", ") }
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        if first { Ok(()) } else { w.write_all(b", ") }
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }
}

/// A claim's value as the claims table shows it: JSON, cut after [`VALUE_SHOWN`] bytes, saying
/// how much is left out. Only the shown part is kept in memory (a claim may be 190 KB).
pub fn shown_value(value: &serde_json::Value) -> String {
    use serde::Serialize;
    let mut out = Capped { head: Vec::new(), chars: 0 };
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, Spaced);
    // Writing into memory cannot fail.
    let _ = value.serialize(&mut serializer);
    let mut end = out.head.len().min(VALUE_SHOWN);
    while end > 0 && out.head.get(end).is_some_and(|b| (b & 0xC0) == 0x80) {
        end -= 1;
    }
    let head = String::from_utf8_lossy(out.head.get(..end).unwrap_or_default());
    let rest = out.chars - head.chars().count();
    if rest == 0 { head.into_owned() } else { format!("{head}… ({rest} more characters)") }
}

/// A writer that keeps the first bytes (a little more than [`VALUE_SHOWN`]) and counts the
/// characters of everything written.
struct Capped {
    head: Vec<u8>,
    chars: usize,
}

impl std::io::Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let room = (VALUE_SHOWN + 4).saturating_sub(self.head.len());
        self.head.extend_from_slice(buf.get(..room.min(buf.len())).unwrap_or_default());
        self.chars += buf.iter().filter(|b| (**b & 0xC0) != 0x80).count();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A server's verify options from the panel's text fields: lists are comma-separated; empty
/// fields are options not given; a clock tolerance that is not a whole number counts as 0.
pub fn server_options(
    algorithms: &str,
    audience: &str,
    issuer: &str,
    subject: &str,
    max_age: &str,
    clock_tolerance: &str,
    ignore_expiration: bool,
) -> jwt_core::servers::ServerOptions {
    let list = |text: &str| -> Vec<String> {
        text.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
    };
    let one = |text: &str| Some(text.trim().to_owned()).filter(|s| !s.is_empty());
    let algorithms = list(algorithms);
    jwt_core::servers::ServerOptions {
        algorithms: (!algorithms.is_empty()).then_some(algorithms),
        audience: list(audience),
        issuer: list(issuer),
        subject: one(subject),
        max_age: one(max_age),
        clock_tolerance: clock_tolerance.trim().parse().unwrap_or(0),
        ignore_expiration,
        ..Default::default()
    }
}

/// What is wrong with the clock tolerance as typed (empty is "not given"; the options then use 0).
pub fn clock_tolerance_problem(text: &str) -> Option<&'static str> {
    let text = text.trim();
    (!text.is_empty() && text.parse::<u64>().is_err())
        .then_some("clockTolerance is a whole number of seconds (e.g. 30): this text is taken as 0.")
}

/// What a claims-table row shows that does not change with the clock.
#[derive(Debug, Clone, PartialEq)]
pub struct RowFacts {
    pub name: String,
    pub value: String,
    pub doc: Option<&'static jwt_core::claims::ClaimDoc>,
    pub range: Option<Range<usize>>,
    pub seconds: Option<f64>,
    pub iso: Option<String>,
    /// The value has a "word" too long for a line (a URL, a hash): it may break anywhere; other
    /// values break only between words.
    pub long: bool,
}

/// Characters in a run without spaces beyond which a value may break anywhere.
const LONG_WORD: usize = 24;

/// The rows of a claims table (at most [`MAX_ROWS`]) and how many were left out.
pub fn row_facts(rows: &[ClaimRow]) -> (Vec<RowFacts>, usize) {
    let facts = rows
        .iter()
        .take(MAX_ROWS)
        .map(|r| (r, shown_value(&r.value)))
        .map(|(r, text)| RowFacts {
            name: r.name.clone(),
            long: has_long_word(&text),
            value: text,
            doc: r.doc,
            range: r.token_range.clone(),
            seconds: r.time.as_ref().map(|t| t.seconds),
            iso: r.time.as_ref().map(|t| t.iso.clone().unwrap_or_else(|| "out of range".to_owned())),
        })
        .collect();
    (facts, rows.len().saturating_sub(MAX_ROWS))
}

/// Whether `text` has a run of more than [`LONG_WORD`] characters without white space.
fn has_long_word(text: &str) -> bool {
    text.split_whitespace().any(|w| w.chars().count() > LONG_WORD)
}

/// One row of the secret-readings table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadingRow {
    pub label: String,
    pub length: String,
    pub result: &'static str,
    pub tone: &'static str,
    pub verifies: &'static str,
}

/// A secret reading as the table shows it.
pub fn reading_row(r: &SecretReadingResult, cleanup: Option<&str>) -> ReadingRow {
    let (result, tone) = match r.verifies {
        Some(true) => ("✓ verifies", "good"),
        Some(false) => ("✗ does not verify", "bad"),
        None => ("not valid in this encoding", "neutral"),
    };
    let mut label = r.encoding.label().to_owned();
    if r.cleaned {
        label.push_str(&format!(", as dotenv reads it ({})", cleanup.unwrap_or("cleaned")));
    }
    if r.used {
        label.push_str(" (used)");
    }
    ReadingRow {
        label,
        length: r.bytes.map_or_else(|| "–".to_owned(), |b| format!("{b} bytes")),
        result,
        tone,
        verifies: r.verifies.map_or("null", |v| if v { "true" } else { "false" }),
    }
}

/// "The secret verifies when read as base64 — choose …", when another reading would verify.
pub fn reading_hint(key: &KeyReport) -> Option<String> {
    let r = key.readings.iter().find(|r| !r.used && !r.cleaned && r.verifies == Some(true))?;
    Some(format!(
        "The secret verifies when read as {} — choose \"{}\" as the key format.",
        r.encoding.label(),
        r.encoding.key_kind().label()
    ))
}

/// One JWKS member in words: its kid and what it did.
pub fn set_member_text(m: &SetMemberResult) -> (String, String) {
    let kid = m.kid.clone().unwrap_or_else(|| "(no kid)".to_owned());
    let result = match m.verifies {
        Some(true) => " — ✓ verifies",
        Some(false) => " — ✗ does not verify",
        None if m.selected => " — not usable for this alg",
        None => " — not selected by the token's kid",
    };
    (kid, format!(": {}{result}", m.description))
}

/// What `key-detected` says, and its `data-kind`: the kind detected from the text as typed,
/// also while a public key's answer is pending (`pending_kind`).
pub fn key_detected(key: &KeyReport, pending_kind: Option<KeyKind>) -> (KeyKind, String) {
    let kind = pending_kind.unwrap_or(key.detected);
    let label = if key.requested == KeyKind::Auto && kind != KeyKind::None {
        format!("Detected: {}", kind.label())
    } else {
        kind.label().to_owned()
    };
    let text = match (&key.description, pending_kind) {
        (_, Some(_)) => format!("{label} — reading it…"),
        (Some(d), None) => format!("{label} — {d}"),
        (None, None) => label,
    };
    (kind, text)
}

/// Whether the normalised token `new` is another token than `sample`: it has all its parts (two
/// dots or more) and is not an edit of the sample ([`is_edit_of`]). Text on its way (empty,
/// half typed) is not.
pub fn is_other_token(sample: &str, new: &str) -> bool {
    new.matches('.').count() >= 2 && !is_edit_of(sample, new)
}

/// Whether `new` is an edit of `old` (typing in it keeps most of it) rather than a different
/// text pasted over it: the common prefix and suffix cover at least half of the longer one.
pub fn is_edit_of(old: &str, new: &str) -> bool {
    let prefix = old.bytes().zip(new.bytes()).take_while(|(a, b)| a == b).count();
    let rest = (old.len() - prefix).min(new.len() - prefix);
    let suffix = old.bytes().rev().zip(new.bytes().rev()).take(rest).take_while(|(a, b)| a == b).count();
    2 * (prefix + suffix) >= old.len().max(new.len())
}

/// Sign mode's key-generation buttons for `alg`: (test id, label, kind) — the contract's
/// `generate-key` first; EdDSA also offers an Ed448 key (`generate-key-ed448`).
pub fn generate_buttons(alg: jwt_core::Alg) -> Vec<(String, String, jwt_core::KeygenKind)> {
    use jwt_core::KeygenKind;
    KeygenKind::choices_for(alg)
        .into_iter()
        .enumerate()
        .map(|(i, kind)| {
            let testid = match (i, kind.name()) {
                (0, _) | (_, None) => "generate-key".to_owned(),
                (_, Some(name)) => format!("generate-key-{name}"),
            };
            let label = match kind {
                KeygenKind::Ed25519 => "Generate an Ed25519 key".to_owned(),
                KeygenKind::Ed448 => "Generate an Ed448 key".to_owned(),
                _ => format!("Generate a {} key", alg.name()),
            };
            (testid, label, kind)
        })
        .collect()
}

/// Where "Find the issuer's keys" looks: the `/api/keys` parameter (`iss` or `jwks_uri`) and
/// the URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscoverTarget {
    /// `iss` (OpenID discovery from an issuer) or `jwks_uri` (a key set's own URL).
    pub param: &'static str,
    /// The URL.
    pub url: String,
}

/// The URL a person typed — an issuer, its OpenID configuration, or a key set (a path ending
/// in `.json`, or naming `jwks`, `keys` or `certs`, as Auth0, Google and Keycloak do) — or,
/// with nothing typed, the token's `iss`.
pub fn discover_target(typed: &str, iss: Option<&str>) -> Result<DiscoverTarget, String> {
    let typed = typed.trim();
    if typed.is_empty() {
        return match iss.map(str::trim) {
            Some(iss) if is_http_url(iss) => Ok(DiscoverTarget { param: "iss", url: iss.to_owned() }),
            Some(iss) => Err(format!(
                "The token's \"iss\" ({iss:?}) is not an http(s) URL: type the issuer's URL, or its key set's."
            )),
            None => {
                Err("The token has no \"iss\" claim: type the issuer's URL, or its key set's (JWKS)."
                    .to_owned())
            }
        };
    }
    if !is_http_url(typed) {
        return Err("Type a URL that starts with https:// (or http://).".to_owned());
    }
    let path = typed.split(['?', '#']).next().unwrap_or_default().trim_end_matches('/');
    if let Some(issuer) = path.strip_suffix(jwt_core::discovery::OPENID_CONFIGURATION) {
        return Ok(DiscoverTarget { param: "iss", url: issuer.to_owned() });
    }
    let last = path.rsplit('/').next().unwrap_or_default().to_ascii_lowercase();
    let key_set = last.ends_with(".json") || last.contains("jwks") || last == "keys" || last == "certs";
    Ok(DiscoverTarget { param: if key_set { "jwks_uri" } else { "iss" }, url: typed.to_owned() })
}

fn is_http_url(text: &str) -> bool {
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// What "Find the issuer's keys" says: a state (`looking`, `found`, `failed`), a code when
/// failed, the key set's URL when found, the words, and — when found — the key set as it goes
/// into the key box (the line shows only while the box still holds it).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DiscoverOutcome {
    /// `looking`, `found` or `failed` (`data-state`).
    pub state: &'static str,
    /// Why it failed (`data-code`): the server's code, or `no_url`, `network`.
    pub code: String,
    /// Where the key set was read (`data-source`).
    pub source: String,
    /// The words shown.
    pub text: String,
    /// The key set, pretty-printed, for the key box.
    pub key_text: Option<String>,
}

impl DiscoverOutcome {
    /// While the server is asked.
    pub fn looking() -> Self {
        DiscoverOutcome {
            state: "looking",
            text: "Asking this page's server for the issuer's keys…".to_owned(),
            ..DiscoverOutcome::default()
        }
    }

    /// No keys, with a stable code and the reason.
    pub fn failed(code: &str, reason: &str) -> Self {
        DiscoverOutcome {
            state: "failed",
            code: code.to_owned(),
            text: format!("No keys found: {reason}"),
            ..DiscoverOutcome::default()
        }
    }
}

/// What `/api/keys` answered (`status`, `body`) for `asked`, in the page's words.
pub fn discover_outcome(status: u16, body: &str, asked: &str) -> DiscoverOutcome {
    use serde_json::Value;
    let body: Value = serde_json::from_str(body).unwrap_or(Value::Null);
    let text = |name: &str| body.get(name).and_then(Value::as_str);
    if status != 200 {
        let reason = text("message").map_or_else(|| format!("the server answered {status}."), str::to_owned);
        return DiscoverOutcome::failed(text("error").unwrap_or("upstream_status"), &reason);
    }
    let (Some(jwks), Some(keys)) = (body.get("jwks"), body.pointer("/jwks/keys").and_then(Value::as_array))
    else {
        return DiscoverOutcome::failed("not_a_key_set", "the server's answer held no key set.");
    };
    let source = text("jwks_uri").unwrap_or(asked).to_owned();
    let count =
        if keys.len() == 1 { "1 public key".to_owned() } else { format!("{} public keys", keys.len()) };
    let mut words = format!("{count} from {source}, now in the key box.");
    let removed: Vec<&str> = body
        .get("removed")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    if !removed.is_empty() {
        words.push_str(&format!(" Taken out (only public members are kept): {}.", removed.join("; ")));
    }
    DiscoverOutcome {
        state: "found",
        code: String::new(),
        source,
        text: words,
        key_text: serde_json::to_string_pretty(jwks).ok(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn linked_pieces_name_their_characters() {
        assert_eq!(super::range_attr(Some(&(12..40))).as_deref(), Some("12-40"));
        assert_eq!(super::range_attr(Some(&(0..0))).as_deref(), Some("0-0"));
        assert_eq!(super::range_attr(None), None);
    }

    use super::*;

    #[test]
    fn generate_buttons_keep_the_contract_id_first_and_offer_ed448_for_eddsa() {
        let eddsa = generate_buttons(jwt_core::Alg::EdDSA);
        let ids: Vec<&str> = eddsa.iter().map(|(id, _, _)| id.as_str()).collect();
        assert_eq!(ids, ["generate-key", "generate-key-ed448"]);
        assert_eq!(eddsa[1].1, "Generate an Ed448 key");
        assert_eq!(eddsa[1].2, jwt_core::KeygenKind::Ed448);
        let es = generate_buttons(jwt_core::Alg::ES256K);
        assert_eq!(es.len(), 1);
        assert_eq!((es[0].0.as_str(), es[0].1.as_str()), ("generate-key", "Generate a ES256K key"));
    }
    use crate::samples;
    use jwt_core::{Clock, Inspection, Report, analyse, parse_key};

    const AT: Clock = Clock { now: 1_800_000_000, leeway: 0 };

    fn sample(id: &str, with_key: bool) -> Report {
        let s = samples::by_id(id).unwrap();
        let key = if with_key { parse_key(s.key_kind, s.key) } else { parse_key(KeyKind::None, "") };
        analyse(s.token, &key)
    }

    fn badges(r: &Report) -> (Badge, Badge) {
        let status = Inspection { report: r, clock: AT, known_secret: None }.time_status();
        (signature_badge(&r.verdict, &r.check.key, None), time_badge(&r.decoded, &r.verdict, status, AT.now))
    }

    #[test]
    fn a_pending_badge_says_what_it_waits_for() {
        let r = sample("es256-jwks", true);
        let code = signature_badge(&r.verdict, &r.check.key, Some(Waiting::ForCode));
        let check = signature_badge(&r.verdict, &r.check.key, Some(Waiting::ForCheck));
        assert_eq!(
            (code.title.as_str(), check.title.as_str()),
            ("Checking the signature…", "Checking the signature…")
        );
        assert!(code.detail.starts_with("Loading the public-key code"), "{}", code.detail);
        assert!(!check.detail.contains("Loading"), "{}", check.detail);
        assert!(check.detail.contains("code is loaded"), "{}", check.detail);
        assert_eq!(signature_badge(&r.verdict, &r.check.key, None).title, "Signature verified");
    }

    #[test]
    fn badges_say_it_in_words() {
        let (sig, time) = badges(&sample("hs256", true));
        assert_eq!((sig.title.as_str(), time.title.as_str()), ("Signature verified", "Not expired"));
        assert!(time.detail.starts_with("Expires in "), "{}", time.detail);
        assert_eq!(badges(&sample("hs256", false)).0.title, "Not checked (no key)");
        let (_, expired) = badges(&sample("hs256-expired", true));
        assert_eq!((expired.title.as_str(), expired.tone), ("Expired", "bad"));
        assert!(expired.detail.ends_with(" ago"));
        assert_eq!(badges(&sample("rs256", true)).1.title, "Not yet valid");
        assert_eq!(badges(&sample("none", true)).0.title, "Unsigned");
        assert_eq!(badges(&sample("none", true)).1.title, "No expiry");
        assert_eq!(sample("jwe", true).verdict.signature_state(), SignatureState::Refused);
        let malformed = analyse("not a token", &parse_key(KeyKind::None, ""));
        let (sig, time) = badges(&malformed);
        assert_eq!(announcement(&sig, &time, malformed.verdict.signature_state()), "Not a valid token.");
        let tampered = samples::SAMPLES[0].token.replace("6bX", "6bY");
        let wrong = analyse(&tampered, &parse_key(KeyKind::SecretUtf8, samples::HS256_SECRET));
        assert_eq!(badges(&wrong).0.title, "Invalid signature");
        // Plain symbols only: no emoji that needs a special font.
        for (s, t) in [badges(&sample("hs256-expired", true)), badges(&sample("rs256", true))] {
            assert!(!s.icon.contains(['⌛', '⏳']) && !t.icon.contains(['⌛', '⏳']));
        }
    }

    #[test]
    fn an_empty_decoder_is_neutral() {
        let empty = analyse("", &parse_key(KeyKind::None, ""));
        let (sig, time) = badges(&empty);
        assert_eq!((sig.tone, sig.title.as_str()), ("neutral", "Paste a token"));
        assert_eq!(time.tone, "neutral");
        assert_eq!(empty.verdict.error_kind, Some(ErrorKind::Empty));
    }

    #[test]
    fn a_public_key_verified_as_a_secret_is_a_warning_not_green() {
        let pem = "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n";
        let key = jwt_core::SigningKey::Secret(pem.as_bytes().to_vec());
        let token = jwt_core::sign_json("{}", "{}", jwt_core::Alg::HS256, &key).unwrap().token;
        let r = analyse(&token, &parse_key(KeyKind::SecretUtf8, pem));
        assert_eq!(r.verdict.signature_valid, Some(true));
        assert_eq!(badges(&r).0.tone, "warn");
    }

    #[test]
    fn verdict_attributes_match_the_json_words() {
        let r = sample("none", false);
        let a = verdict_attributes(
            &r.verdict,
            Inspection { report: &r, clock: AT, known_secret: None }.time_status(),
            false,
        );
        assert_eq!(
            (a.well_formed, a.alg.as_str(), a.signature_valid, a.error_kind, a.time_status),
            ("true", "none", "null", "alg_none", "no_exp")
        );
        let r = analyse(" Bearer a.b", &parse_key(KeyKind::None, ""));
        let a = verdict_attributes(&r.verdict, None, false);
        assert_eq!(
            (a.well_formed, a.error_kind, a.time_status, a.alg.as_str()),
            ("false", "segments", "", "")
        );
        assert_eq!(a.warnings, "bearer_prefix_removed");
        // A well-known secret's warning goes where `inspect --json` puts it.
        let r = sample("hs256", true);
        let known = jwt_core::known_secrets::find(&r.decoded);
        let json = Inspection { report: &r, clock: AT, known_secret: known }.warnings();
        assert!(known.is_some(), "the sample is signed with jwt.io's default secret");
        let words = json.iter().map(|w| w.as_str()).collect::<Vec<_>>().join(" ");
        assert_eq!(verdict_attributes(&r.verdict, None, true).warnings, words);
        assert!(words.split(' ').any(|w| w == "known_secret"));
    }

    #[test]
    fn weak_key_warnings_give_both_lengths_and_the_fix() {
        let key =
            KeyReport { hmac: Some(jwt_core::analyse::HmacKeyInfo { bytes: 6, needed: 32 }), ..empty_key() };
        let text = warning_text(Warning::WeakHmacKey, &key);
        assert!(
            text.contains("6 bytes") && text.contains("32") && text.contains("openssl rand -hex 64"),
            "{text}"
        );
    }

    fn empty_key() -> KeyReport {
        analyse("", &parse_key(KeyKind::None, "")).check.key
    }

    #[test]
    fn chunks_cover_the_token_and_tie_members_to_their_text() {
        let r = sample("hs256", true);
        let chunks = token_chunks(&r.decoded);
        let joined: String = chunks.iter().map(|c| &r.decoded.token[c.range.clone()]).collect();
        assert_eq!(joined, r.decoded.token);
        let sub = r.decoded.claim("sub").unwrap().token_range.clone().unwrap();
        assert!(chunks.iter().any(|c| c.member.as_ref() == Some(&sub) && c.class == "t-payload"));
        assert_eq!(chunks.iter().filter(|c| c.class == "t-dot").count(), 2);
    }

    #[test]
    fn server_options_read_lists_and_leave_empty_fields_out() {
        let o = server_options(" HS256, RS256 ,", "a, b", "", "  ", "6h", "x", true);
        assert_eq!(o.algorithms, Some(vec!["HS256".to_owned(), "RS256".to_owned()]));
        assert_eq!(o.audience, vec!["a".to_owned(), "b".to_owned()]);
        assert!(o.issuer.is_empty() && o.subject.is_none());
        assert_eq!((o.max_age.as_deref(), o.clock_tolerance, o.ignore_expiration), (Some("6h"), 0, true));
        assert_eq!(server_options("", "", "", "", "", "30", false).algorithms, None);
        assert_eq!(server_options("", "", "", "", "", "30", false).clock_tolerance, 30);
        for bad in ["abc", "1.5", "-3"] {
            assert!(clock_tolerance_problem(bad).is_some(), "{bad}");
        }
        for fine in ["", " 30 ", "0"] {
            assert_eq!(clock_tolerance_problem(fine), None, "{fine:?}");
        }
    }

    #[test]
    fn claim_values_are_spaced_json_cut_on_a_character_with_the_rest_counted() {
        assert_eq!(shown_value(&serde_json::json!({"a": [1, 2]})), r#"{"a": [1, 2]}"#);
        let long = serde_json::Value::String("é".repeat(1_000));
        let shown = shown_value(&long);
        // The opening quote, then 149 two-byte characters fit in 300 bytes.
        let head: String = std::iter::once('"').chain(std::iter::repeat_n('é', 149)).collect();
        // 1,000 characters and two quotes, less the 150 shown.
        assert_eq!(shown, format!("{head}… (852 more characters)"));
    }

    #[test]
    fn long_runs_are_elided_but_every_byte_is_accounted_for() {
        let payload = format!(r#"{{"sub":"x","data":"{}","é":1}}"#, "y".repeat(20_000));
        let key = jwt_core::SigningKey::Secret(b"k".to_vec());
        let token = jwt_core::sign_json("{}", &payload, jwt_core::Alg::HS256, &key).unwrap().token;
        let r = analyse(&token, &parse_key(KeyKind::None, ""));
        let chunks = token_chunks(&r.decoded);
        let mut at = 0;
        for c in &chunks {
            assert_eq!(c.range.start, at);
            at = c.range.end;
        }
        assert_eq!(at, r.decoded.token.len());
        let elided: Vec<&Chunk> = chunks.iter().filter(|c| c.elided).collect();
        assert_eq!(elided.len(), 1);
        assert!(elided[0].range.len() > 20_000);
        let drawn: usize = chunks.iter().filter(|c| !c.elided).map(|c| c.range.len()).sum();
        assert!(drawn < 4_000, "{drawn}");
        // The long claim's head, elided middle and tail all link to it.
        let data = r.decoded.claim("data").unwrap().token_range.clone();
        assert!(chunks.iter().filter(|c| c.member == data).count() >= 3);
        assert_eq!(elided[0].member, data);
    }

    #[test]
    fn many_members_stay_a_bounded_number_of_chunks() {
        let payload =
            format!("{{{}}}", (0..10_000).map(|i| format!("\"c{i}\":0")).collect::<Vec<_>>().join(","));
        let key = jwt_core::SigningKey::Secret(b"k".to_vec());
        let token = jwt_core::sign_json("{}", &payload, jwt_core::Alg::HS256, &key).unwrap().token;
        let r = analyse(&token, &parse_key(KeyKind::None, ""));
        let chunks = token_chunks(&r.decoded);
        assert!(chunks.len() < 2 * MAX_LINKED_MEMBERS + 20, "{}", chunks.len());
        let joined: String = chunks.iter().map(|c| &r.decoded.token[c.range.clone()]).collect();
        assert_eq!(joined, r.decoded.token);
        let (rows, left_out) = row_facts(r.decoded.claims());
        assert_eq!((rows.len(), left_out), (MAX_ROWS, 10_000 - MAX_ROWS));
    }

    #[test]
    fn the_first_bad_character_is_its_own_chunk() {
        let token = format!("{}=", samples::SAMPLES[0].token);
        let r = analyse(&token, &parse_key(KeyKind::None, ""));
        let chunks = token_chunks(&r.decoded);
        let bad: Vec<&Chunk> = chunks.iter().filter(|c| c.error.is_some()).collect();
        assert_eq!(bad.len(), 1);
        assert_eq!(&r.decoded.token[bad[0].range.clone()], "=");
        let r = analyse("garbage", &parse_key(KeyKind::None, ""));
        assert_eq!(token_chunks(&r.decoded).len(), 1);
    }

    #[test]
    fn only_long_words_may_break_anywhere() {
        assert!(!has_long_word("[\"user\"]"));
        assert!(!has_long_word("\"Uma User\""));
        assert!(has_long_word("\"https://issuer.example/realms/course/protocol\""));
    }

    #[test]
    fn values_are_shortened_for_the_table() {
        assert_eq!(shown_value(&serde_json::json!(["user"])), "[\"user\"]");
        assert_eq!(
            shown_value(&serde_json::json!(["manager", "contributor"])),
            "[\"manager\", \"contributor\"]"
        );
        assert_eq!(shown_value(&serde_json::json!({"a": [1, 2]})), "{\"a\": [1, 2]}");
        let long = shown_value(&serde_json::json!("é".repeat(400)));
        assert!(long.contains("more characters"), "{long}");
    }

    #[test]
    fn notes_and_hints_in_words() {
        let n = Normalisation {
            header_name_removed: true,
            bearer_removed: true,
            whitespace_removed: 2,
            trimmed: 0,
        };
        let note = normalisation_note(&n);
        assert!(note.contains("Authorization") && note.contains("Bearer") && note.contains('2'), "{note}");
        let r = sample("hs256", false);
        assert_eq!(json_note(&r.decoded, || r.verdict.error_kind, Part::Payload), None);
        let jwe = sample("jwe", false);
        assert!(json_note(&jwe.decoded, || jwe.verdict.error_kind, Part::Payload).unwrap().contains("JWE"));
    }

    #[test]
    fn edits_are_told_from_new_tokens() {
        let sample = samples::SAMPLES[0].token;
        assert!(is_edit_of(sample, sample));
        assert!(is_edit_of(sample, &sample.replace("6bX", "6bY")));
        assert!(is_edit_of(sample, &sample[..sample.len() - 1]));
        assert!(!is_edit_of(sample, samples::SAMPLES[1].token));
        assert!(!is_edit_of(sample, ""));
        assert!(!is_edit_of(sample, "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6NH0.c2ln"));
        // Another complete token is other; a token on its way is not (yet).
        assert!(is_other_token(sample, samples::SAMPLES[1].token));
        assert!(!is_other_token(sample, ""));
        assert!(!is_other_token(sample, &sample[..30]));
        assert!(!is_other_token(sample, &sample.replace("6bX", "6bY")));
        for n in 1..sample.len() {
            assert!(!is_other_token(sample, &sample[..n]), "typing the sample keeps its key ({n})");
        }
    }

    #[test]
    fn key_detected_names_the_pending_kind() {
        let key = empty_key();
        let (kind, text) =
            key_detected(&KeyReport { requested: KeyKind::Auto, ..key.clone() }, Some(KeyKind::PemSpki));
        assert_eq!(kind, KeyKind::PemSpki);
        assert!(text.contains("PEM public key"), "{text}");
        let (kind, text) = key_detected(&key, None);
        assert_eq!((kind, text.as_str()), (KeyKind::None, "No key (decode only)"));
    }

    #[test]
    fn discovery_looks_where_the_person_points() {
        let target = |typed: &str, iss: Option<&str>| discover_target(typed, iss).map(|t| (t.param, t.url));
        let ok = |param: &'static str, url: &str| Ok((param, url.to_owned()));
        assert_eq!(target("", Some("http://127.0.0.1:3000")), ok("iss", "http://127.0.0.1:3000"));
        assert_eq!(target("  https://a.example/ ", Some("x")), ok("iss", "https://a.example/"));
        assert_eq!(
            target("https://kc.example/realms/class/.well-known/openid-configuration", None),
            ok("iss", "https://kc.example/realms/class")
        );
        for jwks in [
            "https://tenant.auth0.com/.well-known/jwks.json",
            "https://www.googleapis.com/oauth2/v3/certs",
            "https://kc.example/realms/class/protocol/openid-connect/certs",
            "https://login.example/discovery/v2.0/keys",
            "https://a.example/my-jwks?v=2",
        ] {
            assert_eq!(target(jwks, None), ok("jwks_uri", jwks), "{jwks}");
        }
        // The host's name does not count, only the path's last segment.
        assert_eq!(target("https://keys.example", None), ok("iss", "https://keys.example"));
        assert!(target("", None).unwrap_err().contains("no \"iss\" claim"));
        assert!(target("", Some("my-app")).unwrap_err().contains("(\"my-app\") is not an http(s) URL"));
        assert!(target("ftp://a.example", None).unwrap_err().contains("https://"));
        assert!(target("file:///etc/passwd", Some("https://a.example")).is_err());
    }

    #[test]
    fn what_the_server_answered_in_the_pages_words() {
        let found = discover_outcome(
            200,
            r#"{"jwks":{"keys":[{"kty":"RSA","n":"n","e":"AQAB"}]},"jwks_uri":"https://a/k","removed":[]}"#,
            "https://a",
        );
        assert_eq!((found.state, found.source.as_str()), ("found", "https://a/k"));
        assert_eq!(found.text, "1 public key from https://a/k, now in the key box.");
        let pretty = "{\n  \"keys\": [\n    {\n      \"kty\": \"RSA\",\n      \"n\": \"n\",\n      \"e\": \"AQAB\"\n    }\n  ]\n}";
        assert_eq!(found.key_text.as_deref(), Some(pretty));
        let found = discover_outcome(
            200,
            r#"{"jwks":{"keys":[{},{}]},"jwks_uri":"https://a/k","removed":["keys[2]: a symmetric (oct) key","x"]}"#,
            "https://a",
        );
        assert_eq!(
            found.text,
            "2 public keys from https://a/k, now in the key box. \
             Taken out (only public members are kept): keys[2]: a symmetric (oct) key; x."
        );
        let refused =
            discover_outcome(403, r#"{"error":"refused_address","message":"10.0.0.1 is refused"}"#, "x");
        assert_eq!(
            (refused.state, refused.code.as_str(), refused.text.as_str(), refused.key_text),
            ("failed", "refused_address", "No keys found: 10.0.0.1 is refused", None)
        );
        // A proxy's HTML error page, or a 200 without a key set: said, nothing for the key box.
        let proxy = discover_outcome(502, "<html>Bad gateway</html>", "x");
        assert_eq!(
            (proxy.code.as_str(), proxy.text.as_str()),
            ("upstream_status", "No keys found: the server answered 502.")
        );
        let empty = discover_outcome(200, "{}", "x");
        assert_eq!((empty.state, empty.code.as_str(), empty.key_text), ("failed", "not_a_key_set", None));
    }
}
