//! The demo's RS256 issuer: `/auth/token?alg=RS256` signs with an RSA key whose public half is
//! published at `/.well-known/jwks.json` (with `/.well-known/openid-configuration` pointing at
//! it), as an identity provider would. The key is read from `JWT_PRIVATE_KEY_FILE` (PKCS#8 PEM)
//! at start-up, or made on first use (RSA-2048 takes a moment; start-up does not wait for it).

use std::sync::Arc;

use jwt_core::keygen::{self, KeygenKind};
use jwt_core::{Alg, KeyKind, SigningKey, b64};
use serde::Serialize;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use tokio::sync::OnceCell;

use super::auth::TOKEN_LIFETIME_SECS;
use crate::demo_users::DemoUser;

/// An RSA signing key with its published forms.
pub struct RsaIssuer {
    key: SigningKey,
    /// The JWK thumbprint (RFC 7638) of the public key: its `kid`.
    kid: String,
    /// The public key as SPKI PEM (what the demo API verifies with).
    public_pem: String,
    /// The public JWK as published (with `kid`, `use`, `alg`).
    public_jwk: Value,
}

/// Why an issuer key cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum IssuerError {
    #[error("JWT_PRIVATE_KEY_FILE: cannot read {path}: {source}")]
    Read { path: String, source: std::io::Error },
    #[error("JWT_PRIVATE_KEY_FILE: {0}")]
    Key(String),
}

/// Claims of an RS256 token: the user, `iat`, `exp` and `iss`.
#[derive(Serialize)]
struct Claims<'a> {
    #[serde(flatten)]
    user: &'a DemoUser,
    iat: u64,
    exp: u64,
    iss: &'a str,
}

impl RsaIssuer {
    /// The issuer for an RSA private key in PEM (PKCS#8, or PKCS#1).
    pub fn from_pem(pem: &str) -> Result<Self, IssuerError> {
        let key = SigningKey::parse(KeyKind::Auto, pem).map_err(|e| IssuerError::Key(e.to_string()))?;
        if !matches!(key, SigningKey::Rsa(_)) {
            return Err(IssuerError::Key(format!("not an RSA private key but {}", key.describe())));
        }
        Self::new(key)
    }

    /// A fresh RSA-2048 issuer.
    pub fn generate() -> Result<Self, IssuerError> {
        let generated =
            keygen::generate(KeygenKind::Rsa(2048)).map_err(|e| IssuerError::Key(e.to_string()))?;
        Self::new(generated.key)
    }

    fn new(key: SigningKey) -> Result<Self, IssuerError> {
        let forms = keygen::describe(key).map_err(|e| IssuerError::Key(e.to_string()))?;
        let public = forms.public_jwk.unwrap_or_default();
        let member =
            |name: &str| public.get(name).and_then(serde_json::Value::as_str).unwrap_or_default().to_owned();
        let (n, e) = (member("n"), member("e"));
        // RFC 7638: the required members in lexicographic order, no white space.
        let canonical = format!(r#"{{"e":"{e}","kty":"RSA","n":"{n}"}}"#);
        let kid = b64::encode(&Sha256::digest(canonical.as_bytes()));
        let public_jwk = json!({"kty": "RSA", "n": n, "e": e, "kid": kid, "use": "sig", "alg": "RS256"});
        Ok(Self { key: forms.key, kid, public_pem: forms.public_pem.unwrap_or_default(), public_jwk })
    }

    /// The key's id (`kid` of its tokens and of its JWK).
    pub fn kid(&self) -> &str {
        &self.kid
    }

    /// The public key, SPKI PEM.
    pub fn public_pem(&self) -> &str {
        &self.public_pem
    }

    /// `{"keys": [the public JWK]}`.
    pub fn jwks(&self) -> Value {
        json!({ "keys": [self.public_jwk] })
    }

    /// An RS256 token for `user`, issued at `now` by `iss` (this server's origin).
    pub fn issue(&self, user: &DemoUser, now: u64, iss: &str) -> Result<String, String> {
        let header = json!({"alg": "RS256", "typ": "JWT", "kid": self.kid}).to_string();
        let claims = Claims { user, iat: now, exp: now + TOKEN_LIFETIME_SECS, iss };
        let payload = serde_json::to_string(&claims).map_err(|e| e.to_string())?;
        jwt_core::sign_json(&header, &payload, Alg::RS256, &self.key)
            .map(|s| s.token)
            .map_err(|e| e.to_string())
    }
}

/// The issuer of a running server: loaded at start-up, or made when first needed.
#[derive(Clone, Default)]
pub struct Issuer(Arc<OnceCell<Option<Arc<RsaIssuer>>>>);

impl Issuer {
    /// An issuer whose key is already known.
    pub fn with_key(issuer: RsaIssuer) -> Self {
        Self(Arc::new(OnceCell::new_with(Some(Some(Arc::new(issuer))))))
    }

    /// The issuer if its key exists yet (it never makes one).
    pub fn existing(&self) -> Option<Arc<RsaIssuer>> {
        self.0.get().cloned().flatten()
    }

    /// The issuer, making its key on first use (on a blocking thread). `None` only when key
    /// generation failed (the operating system's random source is gone).
    pub async fn get(&self) -> Option<Arc<RsaIssuer>> {
        self.0
            .get_or_init(|| async {
                let made = tokio::task::spawn_blocking(RsaIssuer::generate).await;
                match made {
                    Ok(Ok(issuer)) => Some(Arc::new(issuer)),
                    Ok(Err(err)) => {
                        tracing::error!(%err, "could not make the RS256 issuer key");
                        None
                    }
                    Err(err) => {
                        tracing::error!(%err, "could not make the RS256 issuer key");
                        None
                    }
                }
            })
            .await
            .clone()
    }
}

/// Reads `JWT_PRIVATE_KEY_FILE` when it is set.
pub fn from_env(path: Option<&str>) -> Result<Issuer, IssuerError> {
    match path {
        None => Ok(Issuer::default()),
        Some(path) => {
            let pem = std::fs::read_to_string(path)
                .map_err(|source| IssuerError::Read { path: path.to_owned(), source })?;
            Ok(Issuer::with_key(RsaIssuer::from_pem(&pem)?))
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn the_kid_is_the_rfc_7638_thumbprint() {
        // RFC 7638 §3.1's example key and thumbprint.
        let n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
        let canonical = format!(r#"{{"e":"AQAB","kty":"RSA","n":"{n}"}}"#);
        assert_eq!(
            b64::encode(&Sha256::digest(canonical.as_bytes())),
            "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
        );
    }

    #[test]
    fn tokens_carry_the_kid_and_verify_with_the_published_key() {
        let issuer = RsaIssuer::generate().unwrap();
        let user = &crate::demo_users::DEMO_USERS[0];
        let token = issuer.issue(user, 1_700_000_000, "http://127.0.0.1:3000").unwrap();
        let report =
            jwt_core::analyse(&token, &jwt_core::parse_key(KeyKind::Jwks, &issuer.jwks().to_string()));
        assert_eq!(report.verdict.signature_valid, Some(true));
        let payload = report.decoded.payload.unwrap();
        assert_eq!(payload["iss"], "http://127.0.0.1:3000");
        assert_eq!(payload["exp"], 1_700_000_000 + TOKEN_LIFETIME_SECS);
        assert_eq!(report.decoded.header.unwrap()["kid"], issuer.kid());
        // The same key again from its PEM gives the same kid.
        let pem = keygen::describe(issuer.key.clone()).unwrap().private_pem.unwrap();
        assert_eq!(RsaIssuer::from_pem(&pem).unwrap().kid(), issuer.kid());
        assert!(RsaIssuer::from_pem("not a key").is_err());
    }
}
