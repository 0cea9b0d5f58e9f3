//! Server configuration, read once at start-up from the environment (after `.env`).

use std::fmt;

use axum_extra::extract::cookie::Key;

/// RFC 7518 §3.2: an HS256 key must be at least as long as the hash output (32 bytes).
pub const MIN_HS256_KEY_BYTES: usize = 32;
/// `Key::derive_from` needs at least this many bytes of master key.
pub const MIN_SESSION_SECRET_BYTES: usize = 32;
/// Random bytes in a generated `JWT_SECRET_KEY`.
pub const GENERATED_KEY_BYTES: usize = 64;

/// Where the HMAC key for `/auth/token` came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretOrigin {
    /// `JWT_SECRET_KEY` from the environment or `.env`.
    Environment,
    /// Generated at start-up for this run only.
    Generated,
}

/// `DEMO_AUTH`: when the course's demo routes (`/auth/*`, the demo API) are on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DemoMode {
    /// On when the server listens on loopback only (the default).
    #[default]
    Auto,
    /// On everywhere (with a warning when not on loopback).
    On,
    /// Off everywhere.
    Off,
}

impl DemoMode {
    /// Parses `DEMO_AUTH`.
    pub fn parse(value: &str) -> Result<Self, ConfigError> {
        match value.trim().to_ascii_lowercase().as_str() {
            "" | "auto" => Ok(DemoMode::Auto),
            "on" => Ok(DemoMode::On),
            "off" => Ok(DemoMode::Off),
            other => Err(ConfigError::DemoAuth(other.to_owned())),
        }
    }

    /// Whether the demo routes are on for a server listening on `addr`.
    pub fn enabled_for(self, addr: std::net::SocketAddr) -> bool {
        match self {
            DemoMode::Auto => addr.ip().is_loopback(),
            DemoMode::On => true,
            DemoMode::Off => false,
        }
    }
}

/// A setting that cannot be used: the server says so in one line and exits with code 2.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("DEMO_AUTH must be auto, on or off, not {0:?}")]
    DemoAuth(String),
    #[error("COOKIE_SECURE must be true or false, not {0:?}")]
    CookieSecure(String),
    #[error("DEMO_API_VULNERABLE must be true or false, not {0:?}")]
    DemoApiVulnerable(String),
    #[error(
        "DEMO_API_VULNERABLE=true makes the demo API accept forged tokens: it is refused unless the \
         server listens on loopback (127.0.0.0/8, ::1), not on {0}"
    )]
    VulnerableNotLoopback(std::net::SocketAddr),
}

/// Everything the server reads from its environment, besides Leptos's own `LEPTOS_*` variables.
#[derive(Clone)]
pub struct Config {
    /// `DEMO_AUTH`.
    pub demo: DemoMode,
    /// `ALLOWED_HOSTS`: extra `Host` names to answer (see [`super::hosts::HostPolicy`]).
    pub allowed_hosts: String,
    /// `COOKIE_SECURE`: mark the session cookie `Secure` (behind HTTPS).
    pub cookie_secure: bool,
    /// HMAC key for `/auth/token`: the UTF-8 bytes of `JWT_SECRET_KEY`, exactly as the course's
    /// Express app used it.
    pub jwt_secret: Vec<u8>,
    /// Where `jwt_secret` came from.
    pub jwt_secret_origin: SecretOrigin,
    /// Encrypts and authenticates the session cookie.
    pub session_key: Key,
    /// `JWT_PRIVATE_KEY_FILE`: the RS256 issuer's key (PKCS#8 PEM); unset, one is made per run.
    pub private_key_file: Option<String>,
    /// `DEMO_API_VULNERABLE`: the demo API also accepts what naive verification code accepted
    /// (`alg: none`, RS256→HS256 key confusion, embedded JWKs), for demonstrations on loopback.
    pub demo_api_vulnerable: bool,
}

impl fmt::Debug for Config {
    // Never print key material.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("jwt_secret_len", &self.jwt_secret.len())
            .field("jwt_secret_origin", &self.jwt_secret_origin)
            .field("demo_api_vulnerable", &self.demo_api_vulnerable)
            .finish_non_exhaustive()
    }
}

/// Something the operator should read once at start-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// No `JWT_SECRET_KEY`: a random one was made for this run. Carries the key text (hex).
    GeneratedJwtSecret { key_text: String },
    /// `JWT_SECRET_KEY` is shorter than RFC 7518 asks for HS256.
    WeakJwtSecret { bytes: usize },
    /// `SESSION_SECRET` is too short to derive a cookie key from: a random one is used.
    ShortSessionSecret { bytes: usize },
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::GeneratedJwtSecret { key_text } => write!(
                f,
                "JWT_SECRET_KEY is not set: generated a random key for this run \
                 ({GENERATED_KEY_BYTES} random bytes, hex-encoded). Tokens are signed with this \
                 text as the HS256 secret (paste it into the verifier as a UTF-8 secret):\n  {key_text}\n\
                 Tokens stop verifying when the server restarts; to keep a key, put \
                 JWT_SECRET_KEY=<key> in .env (generate one with `openssl rand -hex 64`)."
            ),
            Notice::WeakJwtSecret { bytes } => write!(
                f,
                "warning: JWT_SECRET_KEY is {bytes} bytes; RFC 7518 §3.2 asks for at least \
                 {MIN_HS256_KEY_BYTES} bytes for HS256. Fine for a demo, weak for anything else."
            ),
            Notice::ShortSessionSecret { bytes } => write!(
                f,
                "warning: SESSION_SECRET is {bytes} bytes, fewer than {MIN_SESSION_SECRET_BYTES}: \
                 ignored; sessions use a random key and end when the server restarts."
            ),
        }
    }
}

impl Config {
    /// Reads the process environment (after `.env` of the working directory).
    pub fn from_env() -> Result<(Self, Vec<Notice>), ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads configuration through `lookup` (the environment, or a map in tests).
    /// A variable that is set but empty counts as absent.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<(Self, Vec<Notice>), ConfigError> {
        let get = |name: &str| lookup(name).filter(|v| !v.is_empty());
        let mut notices = Vec::new();
        let demo = DemoMode::parse(&get("DEMO_AUTH").unwrap_or_default())?;
        let cookie_secure = match get("COOKIE_SECURE").map(|v| v.trim().to_ascii_lowercase()) {
            None => false,
            Some(v) if v == "true" || v == "1" => true,
            Some(v) if v == "false" || v == "0" => false,
            Some(other) => return Err(ConfigError::CookieSecure(other)),
        };
        // Strictly true or false: a typo must not switch the vulnerable mode on or silently off.
        let demo_api_vulnerable = match get("DEMO_API_VULNERABLE").map(|v| v.trim().to_ascii_lowercase()) {
            None => false,
            Some(v) if v == "true" => true,
            Some(v) if v == "false" => false,
            Some(other) => return Err(ConfigError::DemoApiVulnerable(other)),
        };
        let allowed_hosts = get("ALLOWED_HOSTS").unwrap_or_default();
        let private_key_file = get("JWT_PRIVATE_KEY_FILE");

        let (jwt_secret, jwt_secret_origin) = match get("JWT_SECRET_KEY") {
            Some(text) => {
                if text.len() < MIN_HS256_KEY_BYTES {
                    notices.push(Notice::WeakJwtSecret { bytes: text.len() });
                }
                (text.into_bytes(), SecretOrigin::Environment)
            }
            None => {
                let key_text = hex::encode(random_bytes::<GENERATED_KEY_BYTES>());
                notices.push(Notice::GeneratedJwtSecret { key_text: key_text.clone() });
                (key_text.into_bytes(), SecretOrigin::Generated)
            }
        };

        let session_key = match get("SESSION_SECRET") {
            Some(text) if text.len() >= MIN_SESSION_SECRET_BYTES => Key::derive_from(text.as_bytes()),
            Some(text) => {
                notices.push(Notice::ShortSessionSecret { bytes: text.len() });
                Key::from(&random_bytes::<64>())
            }
            None => Key::from(&random_bytes::<64>()),
        };

        Ok((
            Config {
                demo,
                allowed_hosts,
                cookie_secure,
                jwt_secret,
                jwt_secret_origin,
                session_key,
                private_key_file,
                demo_api_vulnerable,
            },
            notices,
        ))
    }

    /// Checks the settings that depend on the listen address: `DEMO_API_VULNERABLE=true` only on
    /// loopback (127.0.0.0/8, `::1`), whatever `DEMO_AUTH` says.
    pub fn check_listen(&self, addr: std::net::SocketAddr) -> Result<(), ConfigError> {
        if self.demo_api_vulnerable && !addr.ip().is_loopback() {
            return Err(ConfigError::VulnerableNotLoopback(addr));
        }
        Ok(())
    }
}

/// Random bytes for keys made at start-up. Without the operating system's random source the
/// server cannot make keys at all, so it stops there (start-up only).
#[allow(clippy::expect_used)]
fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).expect("the operating system's random source is unavailable");
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
    }

    #[test]
    fn configured_key_is_used_as_utf8_bytes_without_notice() {
        let key = "a-secret-that-is-long-enough-for-hs256-0123456789";
        let (config, notices) = Config::from_lookup(lookup(&[("JWT_SECRET_KEY", key)])).unwrap();
        assert_eq!(config.jwt_secret, key.as_bytes());
        assert_eq!(config.jwt_secret_origin, SecretOrigin::Environment);
        assert!(notices.is_empty(), "{notices:?}");
    }

    #[test]
    fn missing_key_is_generated_as_hex_and_announced_once() {
        let (config, notices) = Config::from_lookup(lookup(&[])).unwrap();
        assert_eq!(config.jwt_secret_origin, SecretOrigin::Generated);
        assert_eq!(config.jwt_secret.len(), GENERATED_KEY_BYTES * 2);
        assert!(config.jwt_secret.iter().all(u8::is_ascii_hexdigit));
        assert_eq!(notices.len(), 1);
        let Notice::GeneratedJwtSecret { key_text } = &notices[0] else { panic!("{notices:?}") };
        assert_eq!(key_text.as_bytes(), &config.jwt_secret[..]);
        assert!(notices[0].to_string().contains(key_text.as_str()));
        assert!(notices[0].to_string().contains(".env"));
        // Two runs get different keys.
        let (other, _) = Config::from_lookup(lookup(&[])).unwrap();
        assert_ne!(other.jwt_secret, config.jwt_secret);
    }

    #[test]
    fn empty_key_counts_as_missing() {
        let (config, _) = Config::from_lookup(lookup(&[("JWT_SECRET_KEY", "")])).unwrap();
        assert_eq!(config.jwt_secret_origin, SecretOrigin::Generated);
    }

    #[test]
    fn short_key_warns_but_is_kept() {
        let (config, notices) = Config::from_lookup(lookup(&[("JWT_SECRET_KEY", "secret")])).unwrap();
        assert_eq!(config.jwt_secret, b"secret");
        assert_eq!(notices, vec![Notice::WeakJwtSecret { bytes: 6 }]);
        assert!(notices[0].to_string().contains("RFC 7518"));
    }

    #[test]
    fn session_secret_derives_a_stable_key() {
        let vars = [("JWT_SECRET_KEY", "k"), ("SESSION_SECRET", "0123456789abcdef0123456789abcdef")];
        let (a, _) = Config::from_lookup(lookup(&vars)).unwrap();
        let (b, _) = Config::from_lookup(lookup(&vars)).unwrap();
        assert_eq!(a.session_key.master(), b.session_key.master());
        let (c, notices) = Config::from_lookup(lookup(&[("SESSION_SECRET", "short")])).unwrap();
        assert!(notices.contains(&Notice::ShortSessionSecret { bytes: 5 }));
        assert_ne!(c.session_key.master(), a.session_key.master());
    }

    #[test]
    fn demo_auth_and_cookie_secure_are_read_strictly() {
        let loopback: std::net::SocketAddr = "127.0.0.1:3000".parse().unwrap();
        let lan: std::net::SocketAddr = "0.0.0.0:3000".parse().unwrap();
        let demo = |v: &str| Config::from_lookup(lookup(&[("DEMO_AUTH", v)])).map(|(c, _)| c.demo);
        assert_eq!(demo(""), Ok(DemoMode::Auto));
        assert_eq!(demo("Auto"), Ok(DemoMode::Auto));
        assert_eq!(demo("on"), Ok(DemoMode::On));
        assert_eq!(demo("OFF"), Ok(DemoMode::Off));
        assert_eq!(demo("yes"), Err(ConfigError::DemoAuth("yes".into())));
        assert!(DemoMode::Auto.enabled_for(loopback) && !DemoMode::Auto.enabled_for(lan));
        assert!(DemoMode::On.enabled_for(lan) && !DemoMode::Off.enabled_for(loopback));
        let ipv6: std::net::SocketAddr = "[::1]:3000".parse().unwrap();
        assert!(DemoMode::Auto.enabled_for(ipv6));
        let secure =
            |v: &str| Config::from_lookup(lookup(&[("COOKIE_SECURE", v)])).map(|(c, _)| c.cookie_secure);
        assert_eq!(secure("true"), Ok(true));
        assert_eq!(secure("0"), Ok(false));
        assert!(secure("maybe").is_err());
    }

    #[test]
    fn demo_api_vulnerable_is_strict_and_loopback_only() {
        let read = |v: &str| {
            Config::from_lookup(lookup(&[("DEMO_API_VULNERABLE", v)])).map(|(c, _)| c.demo_api_vulnerable)
        };
        assert_eq!(read(""), Ok(false));
        assert_eq!(read("false"), Ok(false));
        assert_eq!(read(" TRUE "), Ok(true));
        for bad in ["yes", "1", "on", "maybe"] {
            assert_eq!(read(bad), Err(ConfigError::DemoApiVulnerable(bad.to_owned())));
        }
        let (config, _) = Config::from_lookup(lookup(&[("DEMO_API_VULNERABLE", "true")])).unwrap();
        for addr in ["127.0.0.1:3000", "127.0.0.2:80", "[::1]:3000"] {
            assert_eq!(config.check_listen(addr.parse().unwrap()), Ok(()), "{addr}");
        }
        for addr in ["0.0.0.0:3000", "[::]:3000", "192.168.1.10:3000"] {
            let addr: std::net::SocketAddr = addr.parse().unwrap();
            let err = config.check_listen(addr).unwrap_err();
            assert_eq!(err, ConfigError::VulnerableNotLoopback(addr));
            let line = err.to_string();
            assert!(
                line.contains("DEMO_API_VULNERABLE")
                    && line.contains(&addr.to_string())
                    && !line.contains('\n')
            );
        }
        // Off, any address will do.
        let (off, _) = Config::from_lookup(lookup(&[])).unwrap();
        assert_eq!(off.check_listen("0.0.0.0:3000".parse().unwrap()), Ok(()));
    }

    #[test]
    fn debug_output_hides_the_key() {
        let key = "do-not-print-me-0123456789abcdef0123";
        let (config, _) = Config::from_lookup(lookup(&[("JWT_SECRET_KEY", key)])).unwrap();
        assert!(!format!("{config:?}").contains(key));
    }
}
