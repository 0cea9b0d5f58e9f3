//! Which `Host` headers the server answers (DNS rebinding): a web page on a name the attacker
//! controls, re-pointed at 127.0.0.1, would otherwise log in and read tokens signed with the
//! course key. Only names that cannot be re-pointed by a stranger are answered: the listen
//! address, `localhost`, loopback addresses, IP literals when listening on every interface, and
//! the names an operator lists in `ALLOWED_HOSTS`. Anything else gets `421 Misdirected Request`.

use std::net::{IpAddr, SocketAddr};

/// The hosts this server answers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostPolicy {
    /// The address the server listens on.
    listen: SocketAddr,
    /// Extra names (lower case), each with an optional port (`None`: any port).
    allowed: Vec<(String, Option<u16>)>,
}

impl HostPolicy {
    /// The policy for a server listening on `listen`, with the extra names of `ALLOWED_HOSTS`
    /// (`name` or `name:port`, separated by commas or spaces).
    pub fn new(listen: SocketAddr, allowed_hosts: &str) -> Self {
        let allowed = allowed_hosts
            .split([',', ' '])
            .map(str::trim)
            .filter(|h| !h.is_empty())
            .map(|h| {
                let (name, port) = split_host(h);
                (name.to_ascii_lowercase(), port)
            })
            .collect();
        Self { listen, allowed }
    }

    /// Whether a request with this `Host` header value is answered.
    pub fn allows(&self, host: &str) -> bool {
        let (name, port) = split_host(host.trim());
        let name = name.to_ascii_lowercase();
        if self.allowed.iter().any(|(n, p)| *n == name && p.is_none_or(|p| Some(p) == port)) {
            return true;
        }
        // A browser always sends the port unless it is the scheme's default; this server is
        // reached on its own port.
        if port.is_some_and(|p| p != self.listen.port()) || (port.is_none() && self.listen.port() != 80) {
            return false;
        }
        if name == "localhost" {
            return true;
        }
        let Ok(ip) = name.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>() else {
            return false;
        };
        // IP literals cannot be re-pointed by DNS: the listen address and loopback always,
        // any of this machine's addresses when it listens on every interface.
        ip.is_loopback() || ip == self.listen.ip() || self.listen.ip().is_unspecified()
    }
}

/// `name` and `port` of `name:port`, `[v6]:port`, `name` or `[v6]`.
fn split_host(host: &str) -> (&str, Option<u16>) {
    if let Some(rest) = host.strip_prefix('[') {
        return match rest.split_once(']') {
            Some((v6, after)) => (v6, after.strip_prefix(':').and_then(|p| p.parse().ok())),
            None => (host, None),
        };
    }
    match host.rsplit_once(':') {
        // A bare IPv6 address has several colons and no port.
        Some((name, port)) if !name.contains(':') => (name, port.parse().ok()),
        _ => (host, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(listen: &str, allowed: &str) -> HostPolicy {
        HostPolicy::new(listen.parse().unwrap(), allowed)
    }

    #[test]
    fn loopback_servers_answer_their_own_names_only() {
        let p = policy("127.0.0.1:3000", "");
        for ok in ["127.0.0.1:3000", "localhost:3000", "LOCALHOST:3000", "[::1]:3000", "127.0.0.2:3000"] {
            assert!(p.allows(ok), "{ok}");
        }
        for refused in [
            "attacker.example:3000",
            "attacker.example",
            "localhost:3001",
            "localhost",
            "127.0.0.1",
            "192.168.1.10:3000",
            "",
            "localhost.attacker.example:3000",
        ] {
            assert!(!p.allows(refused), "{refused}");
        }
    }

    #[test]
    fn hosted_servers_answer_ip_literals_and_listed_names() {
        let p = policy("0.0.0.0:3000", "jwt.school.example, tools.example:443");
        assert!(p.allows("192.168.1.10:3000"));
        assert!(p.allows("jwt.school.example:3000"));
        assert!(p.allows("jwt.school.example"));
        assert!(p.allows("tools.example:443"));
        assert!(!p.allows("tools.example:3000"));
        assert!(!p.allows("rebind.attacker.example:3000"));
        let p = policy("192.168.1.10:3000", "");
        assert!(p.allows("192.168.1.10:3000"));
        assert!(!p.allows("192.168.1.11:3000"));
    }

    #[test]
    fn host_values_are_split_carefully() {
        assert_eq!(split_host("[::1]:3000"), ("::1", Some(3000)));
        assert_eq!(split_host("::1"), ("::1", None));
        assert_eq!(split_host("example:notaport"), ("example", None));
        assert_eq!(split_host("[::1"), ("[::1", None));
    }
}
