//! What each claim and header parameter means, and how the NumericDate claims read.

use serde::{Deserialize, Serialize};

/// One entry of the claim dictionary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ClaimDoc {
    /// The claim or header parameter name.
    pub name: &'static str,
    /// Its full name.
    pub title: &'static str,
    /// One line for people.
    pub description: &'static str,
    /// Where it is defined, e.g. "RFC 7519 §4.1.4".
    pub source: &'static str,
    /// A link to that definition.
    pub url: &'static str,
}

macro_rules! doc {
    ($name:literal, $title:literal, $desc:literal, $source:literal, $url:expr) => {
        ClaimDoc { name: $name, title: $title, description: $desc, source: $source, url: $url }
    };
}

/// Claims of a JWT payload: RFC 7519's registered claims and the common OpenID Connect, OAuth
/// and JOSE ones.
pub const PAYLOAD_CLAIMS: &[ClaimDoc] = &[
    doc!(
        "iss",
        "Issuer",
        "Who issued the token.",
        "RFC 7519 §4.1.1",
        concat!("https://www.rfc-editor.org/rfc/rfc7519", "#section-4.1.1")
    ),
    doc!(
        "sub",
        "Subject",
        "Whom the token is about, usually a user id, unique within the issuer.",
        "RFC 7519 §4.1.2",
        concat!("https://www.rfc-editor.org/rfc/rfc7519", "#section-4.1.2")
    ),
    doc!(
        "aud",
        "Audience",
        "Who the token is meant for; a recipient not named here must reject it.",
        "RFC 7519 §4.1.3",
        concat!("https://www.rfc-editor.org/rfc/rfc7519", "#section-4.1.3")
    ),
    doc!(
        "exp",
        "Expiration Time",
        "The token must not be accepted at or after this time (seconds since 1970, UTC).",
        "RFC 7519 §4.1.4",
        concat!("https://www.rfc-editor.org/rfc/rfc7519", "#section-4.1.4")
    ),
    doc!(
        "nbf",
        "Not Before",
        "The token must not be accepted before this time (seconds since 1970, UTC).",
        "RFC 7519 §4.1.5",
        concat!("https://www.rfc-editor.org/rfc/rfc7519", "#section-4.1.5")
    ),
    doc!(
        "iat",
        "Issued At",
        "When the token was issued (seconds since 1970, UTC).",
        "RFC 7519 §4.1.6",
        concat!("https://www.rfc-editor.org/rfc/rfc7519", "#section-4.1.6")
    ),
    doc!(
        "jti",
        "JWT ID",
        "A unique id for this token, used to stop replays.",
        "RFC 7519 §4.1.7",
        concat!("https://www.rfc-editor.org/rfc/rfc7519", "#section-4.1.7")
    ),
    doc!(
        "azp",
        "Authorized Party",
        "The client the ID token was issued to.",
        "OpenID Connect Core §2",
        "https://openid.net/specs/openid-connect-core-1_0.html#IDToken"
    ),
    doc!(
        "nonce",
        "Nonce",
        "Value from the authentication request, echoed to tie the ID token to it.",
        "OpenID Connect Core §2",
        "https://openid.net/specs/openid-connect-core-1_0.html#IDToken"
    ),
    doc!(
        "auth_time",
        "Authentication Time",
        "When the user actually authenticated (seconds since 1970, UTC).",
        "OpenID Connect Core §2",
        "https://openid.net/specs/openid-connect-core-1_0.html#IDToken"
    ),
    doc!(
        "acr",
        "Authentication Context Class Reference",
        "How strongly the user was authenticated.",
        "OpenID Connect Core §2",
        "https://openid.net/specs/openid-connect-core-1_0.html#IDToken"
    ),
    doc!(
        "amr",
        "Authentication Methods References",
        "How the user authenticated, e.g. [\"pwd\", \"otp\"].",
        "RFC 8176",
        "https://www.rfc-editor.org/rfc/rfc8176"
    ),
    doc!(
        "sid",
        "Session ID",
        "The user's session at the identity provider.",
        "OpenID Connect Front-Channel Logout §3",
        "https://openid.net/specs/openid-connect-frontchannel-1_0.html#ClaimsContents"
    ),
    doc!(
        "scope",
        "Scope",
        "Space-separated OAuth scopes the token grants.",
        "RFC 8693 §4.2",
        "https://www.rfc-editor.org/rfc/rfc8693#section-4.2"
    ),
    doc!(
        "scp",
        "Scopes",
        "The granted scopes as a list (used by some providers instead of scope).",
        "RFC 9068 §2.2.3 (scope)",
        "https://www.rfc-editor.org/rfc/rfc9068#section-2.2.3"
    ),
    doc!(
        "roles",
        "Roles",
        "Roles granted to the subject.",
        "RFC 9068 §2.2.3.1 (SCIM roles)",
        "https://www.rfc-editor.org/rfc/rfc9068#section-2.2.3.1"
    ),
    doc!(
        "groups",
        "Groups",
        "Groups the subject belongs to.",
        "RFC 9068 §2.2.3.1 (SCIM groups)",
        "https://www.rfc-editor.org/rfc/rfc9068#section-2.2.3.1"
    ),
    doc!(
        "client_id",
        "Client ID",
        "The OAuth client that requested the token.",
        "RFC 8693 §4.3",
        "https://www.rfc-editor.org/rfc/rfc8693#section-4.3"
    ),
    doc!(
        "cnf",
        "Confirmation",
        "Key the presenter must prove possession of.",
        "RFC 7800",
        "https://www.rfc-editor.org/rfc/rfc7800"
    ),
    doc!(
        "email",
        "Email",
        "The user's email address.",
        "OpenID Connect Core §5.1",
        "https://openid.net/specs/openid-connect-core-1_0.html#StandardClaims"
    ),
    doc!(
        "email_verified",
        "Email Verified",
        "Whether the email address was verified.",
        "OpenID Connect Core §5.1",
        "https://openid.net/specs/openid-connect-core-1_0.html#StandardClaims"
    ),
    doc!(
        "name",
        "Name",
        "The user's full display name.",
        "OpenID Connect Core §5.1",
        "https://openid.net/specs/openid-connect-core-1_0.html#StandardClaims"
    ),
    doc!(
        "given_name",
        "Given Name",
        "The user's first name.",
        "OpenID Connect Core §5.1",
        "https://openid.net/specs/openid-connect-core-1_0.html#StandardClaims"
    ),
    doc!(
        "family_name",
        "Family Name",
        "The user's surname.",
        "OpenID Connect Core §5.1",
        "https://openid.net/specs/openid-connect-core-1_0.html#StandardClaims"
    ),
    doc!(
        "preferred_username",
        "Preferred Username",
        "The short name the user goes by.",
        "OpenID Connect Core §5.1",
        "https://openid.net/specs/openid-connect-core-1_0.html#StandardClaims"
    ),
    doc!(
        "picture",
        "Picture",
        "URL of the user's profile picture.",
        "OpenID Connect Core §5.1",
        "https://openid.net/specs/openid-connect-core-1_0.html#StandardClaims"
    ),
    doc!(
        "locale",
        "Locale",
        "The user's locale, e.g. en-GB.",
        "OpenID Connect Core §5.1",
        "https://openid.net/specs/openid-connect-core-1_0.html#StandardClaims"
    ),
    doc!(
        "updated_at",
        "Updated At",
        "When the user's profile last changed (seconds since 1970, UTC).",
        "OpenID Connect Core §5.1",
        "https://openid.net/specs/openid-connect-core-1_0.html#StandardClaims"
    ),
    doc!(
        "at_hash",
        "Access Token Hash",
        "Half of the access token's hash, binding it to the ID token.",
        "OpenID Connect Core §3.1.3.6",
        "https://openid.net/specs/openid-connect-core-1_0.html#CodeIDToken"
    ),
    doc!(
        "c_hash",
        "Code Hash",
        "Half of the authorization code's hash, binding it to the ID token.",
        "OpenID Connect Core §3.3.2.11",
        "https://openid.net/specs/openid-connect-core-1_0.html#HybridIDToken"
    ),
    doc!(
        "typ",
        "Type",
        "The kind of token this payload is (some providers put it in the payload).",
        "RFC 7519 §5.1",
        concat!("https://www.rfc-editor.org/rfc/rfc7519", "#section-5.1")
    ),
    doc!(
        "id",
        "Id (course demo)",
        "The demo user's numeric id, copied from the user object.",
        "course demo",
        "/#demo-heading"
    ),
    doc!(
        "username",
        "Username (course demo)",
        "The demo user's login name, copied from the user object.",
        "course demo",
        "/#demo-heading"
    ),
];

/// Parameters of a JOSE header.
pub const HEADER_PARAMS: &[ClaimDoc] = &[
    doc!(
        "alg",
        "Algorithm",
        "How the token is signed; the verifier must choose the algorithm from its key, not trust this alone.",
        "RFC 7515 §4.1.1",
        concat!("https://www.rfc-editor.org/rfc/rfc7515", "#section-4.1.1")
    ),
    doc!(
        "typ",
        "Type",
        "Media type of the whole token, usually \"JWT\".",
        "RFC 7515 §4.1.9",
        concat!("https://www.rfc-editor.org/rfc/rfc7515", "#section-4.1.9")
    ),
    doc!(
        "cty",
        "Content Type",
        "Media type of the payload; \"JWT\" for a nested token.",
        "RFC 7515 §4.1.10",
        concat!("https://www.rfc-editor.org/rfc/rfc7515", "#section-4.1.10")
    ),
    doc!(
        "kid",
        "Key ID",
        "Which key signed the token; selects a key from a JWKS.",
        "RFC 7515 §4.1.4",
        concat!("https://www.rfc-editor.org/rfc/rfc7515", "#section-4.1.4")
    ),
    doc!(
        "x5t",
        "X.509 Thumbprint (SHA-1)",
        "SHA-1 thumbprint of the signer's certificate.",
        "RFC 7515 §4.1.7",
        concat!("https://www.rfc-editor.org/rfc/rfc7515", "#section-4.1.7")
    ),
    doc!(
        "x5t#S256",
        "X.509 Thumbprint (SHA-256)",
        "SHA-256 thumbprint of the signer's certificate.",
        "RFC 7515 §4.1.8",
        concat!("https://www.rfc-editor.org/rfc/rfc7515", "#section-4.1.8")
    ),
    doc!(
        "jku",
        "JWK Set URL",
        "A URL of keys. Never fetched here: trusting it lets an attacker pick the key.",
        "RFC 7515 §4.1.2",
        concat!("https://www.rfc-editor.org/rfc/rfc7515", "#section-4.1.2")
    ),
    doc!(
        "jwk",
        "JSON Web Key",
        "A key embedded in the token. Never used here: anyone can sign with their own key.",
        "RFC 7515 §4.1.3",
        concat!("https://www.rfc-editor.org/rfc/rfc7515", "#section-4.1.3")
    ),
    doc!(
        "x5u",
        "X.509 URL",
        "A URL of certificates. Never fetched here.",
        "RFC 7515 §4.1.5",
        concat!("https://www.rfc-editor.org/rfc/rfc7515", "#section-4.1.5")
    ),
    doc!(
        "x5c",
        "X.509 Certificate Chain",
        "Certificates embedded in the token. Never trusted here.",
        "RFC 7515 §4.1.6",
        concat!("https://www.rfc-editor.org/rfc/rfc7515", "#section-4.1.6")
    ),
    doc!(
        "crit",
        "Critical",
        "Extensions the verifier must understand, or reject the token.",
        "RFC 7515 §4.1.11",
        concat!("https://www.rfc-editor.org/rfc/rfc7515", "#section-4.1.11")
    ),
    doc!(
        "b64",
        "Base64url-Encode Payload",
        "false means the payload is not encoded (RFC 7797); JWTs must not use it.",
        "RFC 7797 §3",
        "https://www.rfc-editor.org/rfc/rfc7797#section-3"
    ),
    doc!(
        "enc",
        "Encryption Algorithm",
        "How a JWE's content is encrypted.",
        "RFC 7516 §4.1.2",
        "https://www.rfc-editor.org/rfc/rfc7516#section-4.1.2"
    ),
    doc!(
        "zip",
        "Compression",
        "How a JWE's plaintext was compressed before encryption.",
        "RFC 7516 §4.1.3",
        "https://www.rfc-editor.org/rfc/rfc7516#section-4.1.3"
    ),
    doc!(
        "epk",
        "Ephemeral Public Key",
        "The sender's one-time key for ECDH-ES key agreement.",
        "RFC 7518 §4.6.1.1",
        "https://www.rfc-editor.org/rfc/rfc7518#section-4.6.1.1"
    ),
];

/// The dictionary entry of a payload claim.
pub fn payload_doc(name: &str) -> Option<&'static ClaimDoc> {
    PAYLOAD_CLAIMS.iter().find(|d| d.name == name)
}

/// The dictionary entry of a header parameter.
pub fn header_doc(name: &str) -> Option<&'static ClaimDoc> {
    HEADER_PARAMS.iter().find(|d| d.name == name)
}

/// Claims whose value is a NumericDate (seconds since 1970-01-01T00:00:00Z).
pub const NUMERIC_DATE_CLAIMS: [&str; 5] = ["exp", "nbf", "iat", "auth_time", "updated_at"];

/// Whether `exp`/`nbf` make the token valid now (the contract's words).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeStatus {
    Expired,
    NotYetValid,
    Valid,
    NoExp,
}

impl TimeStatus {
    /// The contract's word.
    pub fn as_str(self) -> &'static str {
        match self {
            TimeStatus::Expired => "expired",
            TimeStatus::NotYetValid => "not_yet_valid",
            TimeStatus::Valid => "valid",
            TimeStatus::NoExp => "no_exp",
        }
    }
}

/// Judges `exp` and `nbf` at `now` with `leeway` seconds of tolerance (the contract uses 0):
/// expired when now ≥ exp + leeway, else not yet valid when now < nbf − leeway, else valid when
/// there is an `exp`, else no_exp.
pub fn time_status(exp: Option<f64>, nbf: Option<f64>, now: i64, leeway: u64) -> TimeStatus {
    let now = now as f64;
    let leeway = leeway as f64;
    match (exp, nbf) {
        (Some(exp), _) if now >= exp + leeway => TimeStatus::Expired,
        (_, Some(nbf)) if now < nbf - leeway => TimeStatus::NotYetValid,
        (Some(_), _) => TimeStatus::Valid,
        _ => TimeStatus::NoExp,
    }
}

/// A NumericDate in UTC ISO-8601 (`2026-11-29T04:45:17Z`, fractions kept to the millisecond),
/// or `None` outside years 0000–9999.
pub fn iso8601(seconds: f64) -> Option<String> {
    if !seconds.is_finite() || !(-62_167_219_200.0..253_402_300_800.0).contains(&seconds) {
        return None;
    }
    let whole = seconds.floor();
    let millis = ((seconds - whole) * 1000.0).round() as i64;
    let (whole, millis) = if millis == 1000 { (whole as i64 + 1, 0) } else { (whole as i64, millis) };
    let days = whole.div_euclid(86_400);
    let secs = whole.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let (hh, mm, ss) = (secs / 3600, secs % 3600 / 60, secs % 60);
    Some(if millis == 0 {
        format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}Z")
    } else {
        format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}.{millis:03}Z")
    })
}

/// Proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// A duration in words, two units at most: "5 h 59 min", "3 days", "42 s".
pub fn duration_words(seconds: f64) -> String {
    let s = seconds.abs().floor() as u64;
    const UNITS: [(u64, &str, &str); 5] = [
        (365 * 86_400, "year", "years"),
        (86_400, "day", "days"),
        (3600, "h", "h"),
        (60, "min", "min"),
        (1, "s", "s"),
    ];
    let mut parts = Vec::new();
    let mut rest = s;
    for (size, one, many) in UNITS {
        if rest >= size {
            let n = rest / size;
            rest %= size;
            parts.push(format!("{n} {}", if n == 1 { one } else { many }));
            if parts.len() == 2 {
                break;
            }
        } else if !parts.is_empty() {
            // Do not skip a unit between two ("1 day 3 s" reads oddly): stop at the gap.
            break;
        }
    }
    if parts.is_empty() { "0 s".to_owned() } else { parts.join(" ") }
}

/// How a NumericDate relates to now, from the point of view of `claim`:
/// "expires in 5 h 59 min", "expired 3 days ago", "valid from in 2 h", "issued 10 min ago".
pub fn relative(claim: &str, value: f64, now: i64) -> String {
    let delta = value - now as f64;
    let span = duration_words(delta);
    let future = delta > 0.0;
    match (claim, future) {
        ("exp", true) => format!("expires in {span}"),
        ("exp", false) => format!("expired {span} ago"),
        ("nbf", true) => format!("not valid for another {span}"),
        ("nbf", false) => format!("valid since {span} ago"),
        ("iat", true) => format!("issued in the future ({span} from now)"),
        (_, true) => format!("in {span}"),
        (_, false) => format!("{span} ago"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso8601_known_instants() {
        assert_eq!(iso8601(0.0).as_deref(), Some("1970-01-01T00:00:00Z"));
        assert_eq!(iso8601(978_307_200.0).as_deref(), Some("2001-01-01T00:00:00Z"));
        assert_eq!(iso8601(4_102_444_800.0).as_deref(), Some("2100-01-01T00:00:00Z"));
        assert_eq!(iso8601(1_300_819_380.0).as_deref(), Some("2011-03-22T18:43:00Z"));
        assert_eq!(iso8601(951_782_400.0).as_deref(), Some("2000-02-29T00:00:00Z"));
        assert_eq!(iso8601(-1.0).as_deref(), Some("1969-12-31T23:59:59Z"));
        assert_eq!(iso8601(1.5).as_deref(), Some("1970-01-01T00:00:01.500Z"));
        assert_eq!(iso8601(1.9999).as_deref(), Some("1970-01-01T00:00:02Z"));
        assert_eq!(iso8601(253_402_300_799.0).as_deref(), Some("9999-12-31T23:59:59Z"));
        assert_eq!(iso8601(1e300), None);
        assert_eq!(iso8601(f64::NAN), None);
    }

    #[test]
    fn civil_dates_match_day_counts() {
        // Every day of 1999–2001 against an independent count.
        let mut days = 10_592; // 1999-01-01
        for year in 1999..=2001 {
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            let lengths = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
            for (month, &len) in lengths.iter().enumerate() {
                for day in 1..=len {
                    assert_eq!(civil_from_days(days), (year, month as u32 + 1, day));
                    days += 1;
                }
            }
        }
    }

    #[test]
    fn time_status_follows_the_contract() {
        let now = 2_000_000_000;
        assert_eq!(time_status(Some(978_307_200.0), None, now, 0), TimeStatus::Expired);
        assert_eq!(time_status(Some(now as f64), None, now, 0), TimeStatus::Expired);
        assert_eq!(time_status(Some(now as f64 + 0.5), None, now, 0), TimeStatus::Valid);
        assert_eq!(
            time_status(Some(4_102_444_800.0), Some(4_102_444_800.0), now, 0),
            TimeStatus::NotYetValid
        );
        assert_eq!(time_status(None, Some(4_102_444_800.0), now, 0), TimeStatus::NotYetValid);
        assert_eq!(time_status(None, Some(now as f64), now, 0), TimeStatus::NoExp);
        assert_eq!(time_status(None, None, now, 0), TimeStatus::NoExp);
        // Expired wins over not-yet-valid.
        assert_eq!(time_status(Some(1.0), Some(4e9), now, 0), TimeStatus::Expired);
        // Leeway widens both ends.
        assert_eq!(time_status(Some(now as f64 - 30.0), None, now, 60), TimeStatus::Valid);
        assert_eq!(time_status(Some(now as f64 - 60.0), None, now, 60), TimeStatus::Expired);
        assert_eq!(time_status(None, Some(now as f64 + 30.0), now, 60), TimeStatus::NoExp);
    }

    #[test]
    fn relative_words() {
        let now = 1_000_000;
        assert_eq!(relative("exp", (now + 6 * 3600 - 60) as f64, now), "expires in 5 h 59 min");
        assert_eq!(relative("exp", (now - 3 * 86_400) as f64, now), "expired 3 days ago");
        assert_eq!(relative("iat", (now - 1) as f64, now), "1 s ago");
        assert_eq!(relative("nbf", (now + 7200) as f64, now), "not valid for another 2 h");
        assert_eq!(duration_words(0.0), "0 s");
        assert_eq!(duration_words(86_400.0 + 3.0), "1 day");
        assert_eq!(duration_words(2.0 * 365.0 * 86_400.0 + 86_400.0), "2 years 1 day");
        assert!(duration_words(1e300).starts_with(&format!("{} years", u64::MAX / (365 * 86_400))));
    }

    #[test]
    fn dictionaries_cover_the_required_names_with_links() {
        for name in [
            "iss",
            "sub",
            "aud",
            "exp",
            "nbf",
            "iat",
            "jti",
            "azp",
            "nonce",
            "auth_time",
            "acr",
            "amr",
            "sid",
            "scope",
            "scp",
            "roles",
            "email",
            "name",
            "typ",
        ] {
            assert!(payload_doc(name).is_some(), "{name}");
        }
        for name in ["typ", "cty", "kid", "x5t", "jku", "x5u", "jwk", "crit", "b64", "alg"] {
            assert!(header_doc(name).is_some(), "{name}");
        }
        for doc in PAYLOAD_CLAIMS.iter().chain(HEADER_PARAMS) {
            assert!(doc.url.starts_with("https://") || doc.url.starts_with("/#"), "{}", doc.name);
            assert!(!doc.description.is_empty());
        }
    }
}
