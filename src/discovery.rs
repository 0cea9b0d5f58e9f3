//! Key discovery for the server (`GET /api/keys`) and the CLI (`inspect --discover`,
//! `--jwks-url`): an issuer's OpenID configuration → its `jwks_uri` → the key set, reduced to
//! public members by [`jwt_core::discovery`].
//!
//! The client is guarded, because a server hosted for a class must not become a proxy into its
//! network: http and https only; at most [`Limits::max_bytes`] (1 MiB), [`Limits::timeout`]
//! (5 s for the whole discovery) and [`Limits::max_redirects`] (3); JSON answers only. Every
//! address it connects to — a literal in the URL or a redirect, or what a name resolves to (the
//! resolver is ours, so a name cannot be re-bound between check and connect) — is classified:
//! link-local and cloud-metadata addresses are refused always; loopback and private ranges
//! unless [`Reach::Local`] (the server listens on loopback, or the CLI). No proxy, no cookies.
//! Found key sets are kept for [`Limits::cache_for`] (5 minutes).

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use jwt_core::discovery::{self as core, DocumentError};
use reqwest::{Url, redirect};
use serde::Serialize;
use serde_json::Value;
use tokio::sync::Semaphore;

/// Which addresses the fetcher may reach besides public ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Public addresses only: a server others can reach.
    Public,
    /// Loopback and private ranges too: a server on loopback, or the CLI (each serves only the
    /// person at this computer, who can reach those addresses anyway).
    Local,
}

impl Reach {
    /// The reach of a server listening on `ip`.
    pub fn for_listen(ip: IpAddr) -> Reach {
        if ip.is_loopback() { Reach::Local } else { Reach::Public }
    }
}

/// What kind of address an IP is, for the guard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressClass {
    /// An address on the internet.
    Public,
    /// 127.0.0.0/8, ::1.
    Loopback,
    /// RFC 1918, shared (100.64/10), unique local (fc00::/7), and other non-global ranges.
    Private,
    /// 169.254/16, fe80::/10.
    LinkLocal,
    /// A cloud provider's instance metadata service.
    Metadata,
    /// 0.0.0.0, ::, multicast, broadcast: never a server.
    NotAHost,
}

/// Cloud metadata services outside the link-local ranges (AWS's IPv6 one, Alibaba's).
const METADATA: [IpAddr; 2] = [
    IpAddr::V6(Ipv6Addr::new(0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254)),
    IpAddr::V4(Ipv4Addr::new(100, 100, 100, 200)),
];

/// Host names of metadata services (they resolve to link-local addresses, refused anyway).
const METADATA_NAMES: [&str; 4] = ["metadata.google.internal", "metadata.goog", "metadata", "instance-data"];

/// Classifies an address (an IPv4-mapped IPv6 address as its IPv4 address).
pub fn classify(ip: IpAddr) -> AddressClass {
    let ip = match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    };
    if METADATA.contains(&ip) {
        return AddressClass::Metadata;
    }
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            if v4.is_unspecified() || v4.is_broadcast() || v4.is_multicast() || a == 0 {
                AddressClass::NotAHost
            } else if v4.is_loopback() {
                AddressClass::Loopback
            } else if v4.is_link_local() {
                if v4 == Ipv4Addr::new(169, 254, 169, 254) {
                    AddressClass::Metadata
                } else {
                    AddressClass::LinkLocal
                }
            } else if v4.is_private()
                || (a == 100 && (64..128).contains(&b))
                || (a == 192 && b == 0 && v4.octets()[2] == 0)
                || (a == 198 && (b == 18 || b == 19))
                || a >= 240
            {
                AddressClass::Private
            } else {
                AddressClass::Public
            }
        }
        IpAddr::V6(v6) => {
            let first = v6.segments()[0];
            if v6.is_unspecified() || v6.is_multicast() {
                AddressClass::NotAHost
            } else if v6.is_loopback() {
                AddressClass::Loopback
            } else if first & 0xffc0 == 0xfe80 {
                AddressClass::LinkLocal
            } else if first & 0xfe00 == 0xfc00 || first & 0xffc0 == 0xfec0 {
                AddressClass::Private
            } else {
                AddressClass::Public
            }
        }
    }
}

impl AddressClass {
    /// Why an address of this class is refused under `reach`, or `None` when it is allowed.
    pub fn refusal(self, reach: Reach) -> Option<&'static str> {
        match (self, reach) {
            (AddressClass::Public, _) => None,
            (AddressClass::Loopback | AddressClass::Private, Reach::Local) => None,
            (AddressClass::Loopback, Reach::Public) => {
                Some("a loopback address (allowed only when this server listens on loopback)")
            }
            (AddressClass::Private, Reach::Public) => {
                Some("a private-network address (allowed only when this server listens on loopback)")
            }
            (AddressClass::LinkLocal, _) => Some("a link-local address (never fetched)"),
            (AddressClass::Metadata, _) => Some("a cloud metadata address (never fetched)"),
            (AddressClass::NotAHost, _) => Some("not a host address (unspecified, multicast or broadcast)"),
        }
    }
}

/// The limits of a discovery.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest answer read.
    pub max_bytes: usize,
    /// Deadline of a whole discovery (configuration and key set together).
    pub timeout: Duration,
    /// Redirects followed per request.
    pub max_redirects: usize,
    /// How long a found key set is reused.
    pub cache_for: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 1024 * 1024,
            timeout: Duration::from_secs(5),
            max_redirects: 3,
            cache_for: Duration::from_secs(5 * 60),
        }
    }
}

/// Why no key set was found. Each has a stable code and an HTTP status (all 4xx: a refusal is
/// the fetcher's decision, said with its reason).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DiscoveryError {
    #[error("{0:?} is not a URL ({1})")]
    BadUrl(String, String),
    #[error("only http and https URLs are fetched, not {0}:")]
    Scheme(String),
    #[error("{host} is refused: {why}")]
    Refused { host: String, why: String },
    #[error("{url} redirected more than {max} times")]
    TooManyRedirects { url: String, max: usize },
    #[error("{url} answered with more than {max} bytes")]
    TooLarge { url: String, max: usize },
    #[error("no answer within {} s", .0.as_secs_f32())]
    Timeout(Duration),
    #[error("{url} answered {content_type:?}, not JSON")]
    NotJson { url: String, content_type: String },
    #[error("{url} answered HTTP {status}")]
    Status { url: String, status: u16 },
    #[error("{url} could not be reached ({reason})")]
    Unreachable { url: String, reason: String },
    #[error("{url}: {error}")]
    Document { url: String, error: DocumentError },
}

impl DiscoveryError {
    /// The stable code (the API's `error`, the page's `data-code`).
    pub fn code(&self) -> &'static str {
        match self {
            DiscoveryError::BadUrl(..) => "bad_url",
            DiscoveryError::Scheme(_) => "scheme",
            DiscoveryError::Refused { .. } => "refused_address",
            DiscoveryError::TooManyRedirects { .. } => "too_many_redirects",
            DiscoveryError::TooLarge { .. } => "too_large",
            DiscoveryError::Timeout(_) => "timeout",
            DiscoveryError::NotJson { .. } => "not_json",
            DiscoveryError::Status { .. } => "upstream_status",
            DiscoveryError::Unreachable { .. } => "unreachable",
            DiscoveryError::Document { error, .. } => error.code(),
        }
    }

    /// The status `/api/keys` answers with: 400 for what was asked, 403 for a refused address,
    /// 422 for an answer the fetcher would not take.
    pub fn http_status(&self) -> u16 {
        match self {
            DiscoveryError::BadUrl(..) | DiscoveryError::Scheme(_) => 400,
            DiscoveryError::Refused { .. } => 403,
            _ => 422,
        }
    }
}

/// A key set found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Found {
    /// `{"keys": [...]}`, public members only.
    pub jwks: Value,
    /// Where the key set was read.
    pub jwks_uri: String,
    /// The `issuer` the OpenID configuration named (discovery from an issuer only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// What was taken out of the set, in words.
    pub removed: Vec<String>,
}

/// Checks a URL before any request: its scheme, and its host when it is an address literal or
/// a known metadata name (names are checked again, by address, when they resolve).
pub fn check_url(url: &Url, reach: Reach) -> Result<(), DiscoveryError> {
    if !matches!(url.scheme(), "http" | "https") {
        return Err(DiscoveryError::Scheme(url.scheme().to_owned()));
    }
    let refused =
        |host: &str, why: &str| DiscoveryError::Refused { host: host.to_owned(), why: why.to_owned() };
    match url.host() {
        None => Err(DiscoveryError::BadUrl(url.to_string(), "no host".to_owned())),
        Some(url::Host::Ipv4(v4)) => match classify(IpAddr::V4(v4)).refusal(reach) {
            Some(why) => Err(refused(&v4.to_string(), why)),
            None => Ok(()),
        },
        Some(url::Host::Ipv6(v6)) => match classify(IpAddr::V6(v6)).refusal(reach) {
            Some(why) => Err(refused(&v6.to_string(), why)),
            None => Ok(()),
        },
        Some(url::Host::Domain(name)) => {
            let name = name.trim_end_matches('.').to_ascii_lowercase();
            if METADATA_NAMES.contains(&name.as_str()) {
                return Err(refused(&name, "a cloud metadata address (never fetched)"));
            }
            if (name == "localhost" || name.ends_with(".localhost"))
                && let Some(why) = AddressClass::Loopback.refusal(reach)
            {
                return Err(refused(&name, why));
            }
            Ok(())
        }
    }
}

/// Parses and checks a URL given by a person.
pub fn parse_url(text: &str, reach: Reach) -> Result<Url, DiscoveryError> {
    let text = text.trim();
    let url = Url::parse(text).map_err(|e| DiscoveryError::BadUrl(text.to_owned(), e.to_string()))?;
    check_url(&url, reach)?;
    Ok(url)
}

/// Resolves `host` as the client does: the system's answer, less every address the guard
/// refuses under `reach`; refused when nothing is left.
pub async fn resolve_guarded(host: &str, reach: Reach) -> Result<Vec<SocketAddr>, DiscoveryError> {
    let resolved: Vec<SocketAddr> = tokio::net::lookup_host((host, 0))
        .await
        .map_err(|e| DiscoveryError::Unreachable { url: host.to_owned(), reason: e.to_string() })?
        .collect();
    let mut refusal = None;
    let allowed: Vec<SocketAddr> = resolved
        .into_iter()
        .filter(|addr| match classify(addr.ip()).refusal(reach) {
            None => true,
            Some(why) => {
                refusal.get_or_insert_with(|| format!("it resolves to {}, {why}", addr.ip()));
                false
            }
        })
        .collect();
    if allowed.is_empty() {
        let why = refusal.unwrap_or_else(|| "it resolves to no address".to_owned());
        return Err(DiscoveryError::Refused { host: host.to_owned(), why });
    }
    Ok(allowed)
}

/// The resolver the client uses ([`resolve_guarded`]).
struct GuardedResolver {
    reach: Reach,
}

impl reqwest::dns::Resolve for GuardedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let reach = self.reach;
        let host = name.as_str().to_owned();
        Box::pin(async move {
            match resolve_guarded(&host, reach).await {
                Ok(allowed) => Ok(Box::new(allowed.into_iter()) as reqwest::dns::Addrs),
                Err(e) => Err(Box::new(e) as Box<dyn std::error::Error + Send + Sync>),
            }
        })
    }
}

/// The guarded fetcher, with its cache.
pub struct Fetcher {
    client: reqwest::Client,
    reach: Reach,
    limits: Limits,
    cache: Mutex<HashMap<String, (Instant, Arc<Found>)>>,
    permits: Semaphore,
}

/// Most key sets kept at once.
const CACHE_ENTRIES: usize = 256;
/// Most discoveries running at once (others wait for a turn, within their deadline).
const CONCURRENT: usize = 8;

impl Fetcher {
    /// A fetcher for `reach` with `limits`.
    pub fn new(reach: Reach, limits: Limits) -> Result<Fetcher, String> {
        // The TLS provider is ring's (aws-lc-rs does not build here); installed once per process.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let max_redirects = limits.max_redirects;
        let policy = redirect::Policy::custom(move |attempt| {
            if attempt.previous().len() > max_redirects {
                let url = attempt.previous().first().map(Url::to_string).unwrap_or_default();
                return attempt.error(DiscoveryError::TooManyRedirects { url, max: max_redirects });
            }
            match check_url(attempt.url(), reach) {
                Ok(()) => attempt.follow(),
                Err(refusal) => attempt.error(refusal),
            }
        });
        let client = reqwest::Client::builder()
            .no_proxy()
            .redirect(policy)
            .dns_resolver(GuardedResolver { reach })
            .timeout(limits.timeout)
            .connect_timeout(limits.timeout)
            .user_agent(concat!("jwt-debugger/", env!("CARGO_PKG_VERSION"), " (key discovery)"))
            .build()
            .map_err(|e| format!("cannot set up the HTTP client: {e}"))?;
        Ok(Fetcher {
            client,
            reach,
            limits,
            cache: Mutex::new(HashMap::new()),
            permits: Semaphore::new(CONCURRENT),
        })
    }

    /// Which addresses this fetcher reaches.
    pub fn reach(&self) -> Reach {
        self.reach
    }

    /// The key set of `issuer`, through its OpenID configuration.
    pub async fn from_issuer(&self, issuer: &str) -> Result<Arc<Found>, DiscoveryError> {
        let config_url = parse_url(&core::openid_configuration_url(issuer), self.reach)?;
        self.cached(format!("iss {config_url}"), async {
            let body = self.get_json(config_url.clone()).await?;
            let config = core::openid_configuration(&body)
                .map_err(|error| DiscoveryError::Document { url: config_url.to_string(), error })?;
            // A relative jwks_uri is resolved against the configuration's URL.
            let jwks_url = config_url
                .join(&config.jwks_uri)
                .map_err(|e| DiscoveryError::BadUrl(config.jwks_uri.clone(), e.to_string()))?;
            check_url(&jwks_url, self.reach)?;
            self.key_set(jwks_url, config.issuer).await
        })
        .await
    }

    /// The key set at `jwks_uri`.
    pub async fn from_jwks_uri(&self, jwks_uri: &str) -> Result<Arc<Found>, DiscoveryError> {
        let url = parse_url(jwks_uri, self.reach)?;
        self.cached(format!("jwks {url}"), self.key_set(url.clone(), None)).await
    }

    /// A found set from the cache, or `find`'s (within the deadline), kept when found.
    async fn cached(
        &self,
        key: String,
        find: impl Future<Output = Result<Found, DiscoveryError>>,
    ) -> Result<Arc<Found>, DiscoveryError> {
        if let Some(found) = self.cache_get(&key) {
            return Ok(found);
        }
        let work = async {
            let _permit =
                self.permits.acquire().await.map_err(|_| DiscoveryError::Timeout(self.limits.timeout))?;
            find.await
        };
        let found = Arc::new(
            tokio::time::timeout(self.limits.timeout, work)
                .await
                .map_err(|_| DiscoveryError::Timeout(self.limits.timeout))??,
        );
        if let Ok(mut cache) = self.cache.lock() {
            let now = Instant::now();
            cache.retain(|_, (at, _)| now.duration_since(*at) < self.limits.cache_for);
            if cache.len() >= CACHE_ENTRIES {
                cache.clear();
            }
            cache.insert(key, (now, found.clone()));
        }
        Ok(found)
    }

    fn cache_get(&self, key: &str) -> Option<Arc<Found>> {
        let cache = self.cache.lock().ok()?;
        let (at, found) = cache.get(key)?;
        (at.elapsed() < self.limits.cache_for).then(|| found.clone())
    }

    async fn key_set(&self, url: Url, issuer: Option<String>) -> Result<Found, DiscoveryError> {
        let body = self.get_json(url.clone()).await?;
        let set = core::public_set(&body)
            .map_err(|error| DiscoveryError::Document { url: url.to_string(), error })?;
        Ok(Found { jwks: set.jwks, jwks_uri: url.to_string(), issuer, removed: set.removed })
    }

    /// `GET url`: a 2xx JSON answer of at most `max_bytes`, its body.
    async fn get_json(&self, url: Url) -> Result<Vec<u8>, DiscoveryError> {
        let shown = url.to_string();
        let mut response = self
            .client
            .get(url)
            .header(reqwest::header::ACCEPT, "application/json, application/jwk-set+json")
            .send()
            .await
            .map_err(|e| self.failure(&shown, &e))?;
        let at = response.url().to_string();
        if response.status().is_redirection() {
            // A redirect the client did not follow: to a scheme it does not speak (`file:`).
            let location = response.headers().get(reqwest::header::LOCATION).and_then(|v| v.to_str().ok());
            if let Some(Ok(next)) = location.map(|l| response.url().join(l)) {
                check_url(&next, self.reach)?;
            }
        }
        if !response.status().is_success() {
            return Err(DiscoveryError::Status { url: at, status: response.status().as_u16() });
        }
        let content_type = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        if !is_json(&content_type) {
            return Err(DiscoveryError::NotJson { url: at, content_type });
        }
        let max = self.limits.max_bytes;
        if response.content_length().is_some_and(|n| n > max as u64) {
            return Err(DiscoveryError::TooLarge { url: at, max });
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| self.failure(&at, &e))? {
            if body.len() + chunk.len() > max {
                return Err(DiscoveryError::TooLarge { url: at, max });
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }

    /// A client error as a discovery error: the guard's own refusals come back as they were.
    fn failure(&self, url: &str, error: &reqwest::Error) -> DiscoveryError {
        let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
        while let Some(e) = source {
            if let Some(ours) = e.downcast_ref::<DiscoveryError>() {
                return ours.clone();
            }
            source = e.source();
        }
        if error.is_timeout() {
            return DiscoveryError::Timeout(self.limits.timeout);
        }
        let mut reason = String::new();
        let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
        while let Some(e) = source {
            reason = e.to_string();
            source = e.source();
        }
        DiscoveryError::Unreachable { url: url.to_owned(), reason }
    }
}

/// `application/json`, or any `…+json` type (`application/jwk-set+json`).
fn is_json(content_type: &str) -> bool {
    let essence = content_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    essence == "application/json" || (essence.starts_with("application/") && essence.ends_with("+json"))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn addresses_are_classified() {
        for (text, class) in [
            ("93.184.216.34", AddressClass::Public),
            ("2606:4700::1111", AddressClass::Public),
            ("127.0.0.1", AddressClass::Loopback),
            ("127.8.9.10", AddressClass::Loopback),
            ("::1", AddressClass::Loopback),
            ("10.1.2.3", AddressClass::Private),
            ("172.16.0.1", AddressClass::Private),
            ("192.168.1.1", AddressClass::Private),
            ("100.64.0.1", AddressClass::Private),
            ("fd12::1", AddressClass::Private),
            ("169.254.1.1", AddressClass::LinkLocal),
            ("fe80::1", AddressClass::LinkLocal),
            ("169.254.169.254", AddressClass::Metadata),
            ("::ffff:169.254.169.254", AddressClass::Metadata),
            ("::ffff:127.0.0.1", AddressClass::Loopback),
            ("fd00:ec2::254", AddressClass::Metadata),
            ("100.100.100.200", AddressClass::Metadata),
            ("0.0.0.0", AddressClass::NotAHost),
            ("::", AddressClass::NotAHost),
            ("224.0.0.1", AddressClass::NotAHost),
            ("255.255.255.255", AddressClass::NotAHost),
        ] {
            assert_eq!(classify(ip(text)), class, "{text}");
        }
    }

    #[test]
    fn local_reach_allows_loopback_and_private_but_never_link_local() {
        for class in [AddressClass::Loopback, AddressClass::Private] {
            assert_eq!(class.refusal(Reach::Local), None);
            assert!(class.refusal(Reach::Public).is_some());
        }
        for class in [AddressClass::LinkLocal, AddressClass::Metadata, AddressClass::NotAHost] {
            assert!(class.refusal(Reach::Local).is_some());
            assert!(class.refusal(Reach::Public).is_some());
        }
        assert_eq!(AddressClass::Public.refusal(Reach::Public), None);
        assert_eq!(Reach::for_listen(ip("127.0.0.1")), Reach::Local);
        assert_eq!(Reach::for_listen(ip("::1")), Reach::Local);
        assert_eq!(Reach::for_listen(ip("0.0.0.0")), Reach::Public);
    }

    #[test]
    fn urls_are_checked_before_any_request() {
        let code = |text: &str, reach| parse_url(text, reach).err().map(|e| e.code());
        assert_eq!(code("https://issuer.example/", Reach::Public), None);
        assert_eq!(code("http://127.0.0.1:3000/", Reach::Local), None);
        assert_eq!(code("http://127.0.0.1:3000/", Reach::Public), Some("refused_address"));
        assert_eq!(code("http://localhost:3000/", Reach::Public), Some("refused_address"));
        assert_eq!(code("http://app.localhost/", Reach::Public), Some("refused_address"));
        assert_eq!(code("http://10.0.0.1/", Reach::Public), Some("refused_address"));
        assert_eq!(code("http://169.254.169.254/latest/meta-data/", Reach::Local), Some("refused_address"));
        assert_eq!(code("http://[fe80::1]/", Reach::Local), Some("refused_address"));
        assert_eq!(code("http://[::ffff:a9fe:a9fe]/", Reach::Local), Some("refused_address"));
        assert_eq!(code("http://metadata.google.internal/", Reach::Local), Some("refused_address"));
        assert_eq!(code("http://Metadata.Google.Internal./", Reach::Local), Some("refused_address"));
        assert_eq!(code("ftp://issuer.example/", Reach::Local), Some("scheme"));
        assert_eq!(code("file:///etc/passwd", Reach::Local), Some("scheme"));
        assert_eq!(code("not a url", Reach::Local), Some("bad_url"));
    }

    #[test]
    fn json_content_types() {
        assert!(is_json("application/json"));
        assert!(is_json("application/json; charset=utf-8"));
        assert!(is_json("application/jwk-set+json"));
        assert!(!is_json("text/html; charset=utf-8"));
        assert!(!is_json("text/plain"));
        assert!(!is_json(""));
    }

    #[test]
    fn the_default_limits_are_the_documented_ones() {
        let limits = Limits::default();
        assert_eq!(limits.max_bytes, 1 << 20);
        assert_eq!(limits.timeout, Duration::from_secs(5));
        assert_eq!(limits.max_redirects, 3);
        assert_eq!(limits.cache_for, Duration::from_secs(300));
    }

    #[test]
    fn refusals_are_4xx_with_their_code() {
        let refused = DiscoveryError::Refused { host: "10.0.0.1".into(), why: "x".into() };
        assert_eq!((refused.code(), refused.http_status()), ("refused_address", 403));
        let bad = DiscoveryError::Scheme("ftp".into());
        assert_eq!((bad.code(), bad.http_status()), ("scheme", 400));
        let slow = DiscoveryError::Timeout(Duration::from_secs(5));
        assert_eq!((slow.code(), slow.http_status()), ("timeout", 422));
        assert_eq!(slow.to_string(), "no answer within 5 s");
    }
}
