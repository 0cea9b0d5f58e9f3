//! Key discovery's pure half: where an issuer's OpenID configuration is, the `jwks_uri` it
//! names, and a key set reduced to its public members. Fetching (with its guards) belongs to the
//! server and the CLI; the core never touches the network.

use serde::Serialize;
use serde_json::{Map, Value};

/// Where OpenID Connect Discovery 1.0 (§4) puts an issuer's configuration, after its URL.
pub const OPENID_CONFIGURATION: &str = "/.well-known/openid-configuration";

/// The URL of `issuer`'s OpenID configuration: the issuer without a trailing `/`, then
/// [`OPENID_CONFIGURATION`] (so `https://kc.example/realms/class` works as Keycloak expects).
pub fn openid_configuration_url(issuer: &str) -> String {
    format!("{}{OPENID_CONFIGURATION}", issuer.trim().trim_end_matches('/'))
}

/// Why a fetched document cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(rename_all = "snake_case", tag = "code", content = "detail")]
pub enum DocumentError {
    /// The body is not JSON.
    #[error("the answer is not JSON ({0})")]
    NotJson(String),
    /// The OpenID configuration names no `jwks_uri`.
    #[error("the OpenID configuration has no \"jwks_uri\" string")]
    NoJwksUri,
    /// The JWKS is not `{"keys": [...]}`.
    #[error("the answer is not a key set: expected {{\"keys\": [ ... ]}}")]
    NotAKeySet,
    /// Nothing in the set is a public key of a type this page knows.
    #[error("the key set holds no public key (RSA, EC, OKP or AKP)")]
    NoPublicKeys,
}

impl DocumentError {
    /// The stable code (the serde name).
    pub fn code(&self) -> &'static str {
        match self {
            DocumentError::NotJson(_) => "not_json",
            DocumentError::NoJwksUri => "no_jwks_uri",
            DocumentError::NotAKeySet => "not_a_key_set",
            DocumentError::NoPublicKeys => "no_public_keys",
        }
    }
}

/// What an OpenID configuration says about keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenIdConfiguration {
    /// Where the key set is.
    pub jwks_uri: String,
    /// The `issuer` it names, if any.
    pub issuer: Option<String>,
}

/// Reads an OpenID configuration document.
pub fn openid_configuration(body: &[u8]) -> Result<OpenIdConfiguration, DocumentError> {
    let doc: Value = serde_json::from_slice(body).map_err(|e| DocumentError::NotJson(e.to_string()))?;
    let jwks_uri = doc.get("jwks_uri").and_then(Value::as_str).ok_or(DocumentError::NoJwksUri)?;
    Ok(OpenIdConfiguration {
        jwks_uri: jwks_uri.to_owned(),
        issuer: doc.get("issuer").and_then(Value::as_str).map(str::to_owned),
    })
}

/// A key set with only public members.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PublicSet {
    /// `{"keys": [...]}`: the public keys, each with only its public members.
    pub jwks: Value,
    /// What was taken out, in words (a symmetric key, an unknown `kty`, private members).
    pub removed: Vec<String>,
}

/// Members every kept key may carry: its identity and use, none of them secret.
const COMMON: [&str; 8] = ["kty", "kid", "use", "key_ops", "alg", "x5c", "x5t", "x5t#S256"];

/// The public members of each key type (RFC 7518 §6, RFC 8037, RFC 9964); `None` for types
/// that are never public (`oct`) or unknown.
fn public_members(kty: &str) -> Option<&'static [&'static str]> {
    match kty {
        "RSA" => Some(&["n", "e"]),
        "EC" => Some(&["crv", "x", "y"]),
        "OKP" => Some(&["crv", "x"]),
        "AKP" => Some(&["pub"]),
        _ => None,
    }
}

/// Members that are private key material in some key type.
const PRIVATE: [&str; 9] = ["d", "p", "q", "dp", "dq", "qi", "oth", "k", "priv"];

/// Reads a key set and keeps only public keys and, of each, only public members. A key set
/// that publishes private material is reduced, and the removal said.
pub fn public_set(body: &[u8]) -> Result<PublicSet, DocumentError> {
    let doc: Value = serde_json::from_slice(body).map_err(|e| DocumentError::NotJson(e.to_string()))?;
    let keys = doc.get("keys").and_then(Value::as_array).ok_or(DocumentError::NotAKeySet)?;
    let mut kept = Vec::new();
    let mut removed = Vec::new();
    for (index, key) in keys.iter().enumerate() {
        let Some(object) = key.as_object() else {
            removed.push(format!("keys[{index}]: not a JSON object"));
            continue;
        };
        let name = object
            .get("kid")
            .and_then(Value::as_str)
            .map_or_else(|| format!("keys[{index}]"), |kid| format!("keys[{index}] (kid {kid:?})"));
        let kty = object.get("kty").and_then(Value::as_str).unwrap_or_default();
        let Some(members) = public_members(kty) else {
            removed.push(if kty == "oct" {
                format!("{name}: a symmetric (oct) key, which is secret by nature")
            } else {
                format!("{name}: unknown key type {kty:?}")
            });
            continue;
        };
        let public: Map<String, Value> = object
            .iter()
            .filter(|(member, _)| COMMON.contains(&member.as_str()) || members.contains(&member.as_str()))
            .map(|(member, value)| (member.clone(), value.clone()))
            .collect();
        let private: Vec<&str> =
            object.keys().map(String::as_str).filter(|member| PRIVATE.contains(member)).collect();
        if !private.is_empty() {
            removed.push(format!(
                "{name}: private members {} (a key set must not publish them)",
                private.join(", ")
            ));
        }
        kept.push(Value::Object(public));
    }
    if kept.is_empty() {
        return Err(DocumentError::NoPublicKeys);
    }
    Ok(PublicSet { jwks: serde_json::json!({ "keys": kept }), removed })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_configuration_url_follows_the_issuer_path() {
        assert_eq!(
            openid_configuration_url("https://kc.example/realms/class/"),
            "https://kc.example/realms/class/.well-known/openid-configuration"
        );
        assert_eq!(
            openid_configuration_url("http://127.0.0.1:3000"),
            "http://127.0.0.1:3000/.well-known/openid-configuration"
        );
    }

    #[test]
    fn a_configuration_names_its_jwks_uri() {
        let doc = br#"{"issuer":"https://a.example","jwks_uri":"https://a.example/keys"}"#;
        let config = openid_configuration(doc).unwrap();
        assert_eq!(config.jwks_uri, "https://a.example/keys");
        assert_eq!(config.issuer.as_deref(), Some("https://a.example"));
        assert_eq!(openid_configuration(br#"{"issuer":"x"}"#), Err(DocumentError::NoJwksUri));
        assert_eq!(openid_configuration(b"<html>").unwrap_err().code(), "not_json");
    }

    #[test]
    fn only_public_keys_and_members_are_kept() {
        let set = json!({"keys": [
            {"kty": "RSA", "kid": "r", "use": "sig", "alg": "RS256", "n": "AQAB", "e": "AQAB",
             "d": "secret", "p": "s", "q": "s", "dp": "s", "dq": "s", "qi": "s", "x5t": "t"},
            {"kty": "EC", "crv": "P-256", "x": "x", "y": "y", "d": "secret"},
            {"kty": "OKP", "crv": "Ed25519", "x": "x"},
            {"kty": "AKP", "alg": "ML-DSA-44", "pub": "p", "priv": "seed"},
            {"kty": "oct", "kid": "h", "k": "c2VjcmV0"},
            {"kty": "XYZ"},
            "nonsense"
        ]});
        let out = public_set(set.to_string().as_bytes()).unwrap();
        assert_eq!(
            out.jwks,
            json!({"keys": [
                {"kty": "RSA", "kid": "r", "use": "sig", "alg": "RS256", "n": "AQAB", "e": "AQAB", "x5t": "t"},
                {"kty": "EC", "crv": "P-256", "x": "x", "y": "y"},
                {"kty": "OKP", "crv": "Ed25519", "x": "x"},
                {"kty": "AKP", "alg": "ML-DSA-44", "pub": "p"}
            ]})
        );
        let removed = out.removed.join("\n");
        assert!(removed.contains("keys[0] (kid \"r\"): private members d, p, q, dp, dq, qi"), "{removed}");
        assert!(removed.contains("keys[1]: private members d"), "{removed}");
        assert!(removed.contains("keys[3]: private members priv"), "{removed}");
        assert!(removed.contains("keys[4] (kid \"h\"): a symmetric (oct) key"), "{removed}");
        assert!(removed.contains("keys[5]: unknown key type \"XYZ\""), "{removed}");
        assert!(removed.contains("keys[6]: not a JSON object"), "{removed}");
    }

    #[test]
    fn a_set_without_public_keys_is_refused() {
        assert_eq!(public_set(br#"{"keys":[{"kty":"oct","k":"AA"}]}"#), Err(DocumentError::NoPublicKeys));
        assert_eq!(public_set(br#"{"keys":[]}"#), Err(DocumentError::NoPublicKeys));
        assert_eq!(public_set(br#"{"issuer":"x"}"#), Err(DocumentError::NotAKeySet));
        assert_eq!(public_set(b"not json").unwrap_err().code(), "not_json");
    }

    #[test]
    fn codes_are_the_serde_names() {
        for error in [
            DocumentError::NotJson(String::new()),
            DocumentError::NoJwksUri,
            DocumentError::NotAKeySet,
            DocumentError::NoPublicKeys,
        ] {
            assert_eq!(serde_json::to_value(&error).unwrap()["code"], error.code());
        }
    }
}
