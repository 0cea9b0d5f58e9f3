//! What each claim and header parameter means: a dictionary of the registered and common names.

use serde::Serialize;

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
    /// A link to that definition (none for the course demo's own claims).
    pub url: Option<&'static str>,
}

macro_rules! doc {
    ($name:literal, $title:literal, $desc:literal, $source:literal) => {
        ClaimDoc { name: $name, title: $title, description: $desc, source: $source, url: None }
    };
    ($name:literal, $title:literal, $desc:literal, $source:literal, $url:expr) => {
        ClaimDoc { name: $name, title: $title, description: $desc, source: $source, url: Some($url) }
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
    doc!("id", "Id (course demo)", "The demo user's numeric id, copied from the user object.", "course demo"),
    doc!(
        "username",
        "Username (course demo)",
        "The demo user's login name, copied from the user object.",
        "course demo"
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

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

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
            assert!(doc.url.is_none_or(|u| u.starts_with("https://")), "{}", doc.name);
            assert_eq!(doc.url.is_none(), doc.source == "course demo", "{}", doc.name);
            assert!(!doc.description.is_empty());
        }
    }
}
