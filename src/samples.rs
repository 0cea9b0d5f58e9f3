//! Sample tokens to start from, with the keys that verify them. Tokens are public examples: the
//! HMAC secret is printed on purpose, and the asymmetric samples carry only public keys.

use jwt_core::KeyKind;

/// One sample.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sample {
    /// Stable id (for tests and the menu's values).
    pub id: &'static str,
    /// Menu label.
    pub label: &'static str,
    /// The token.
    pub token: &'static str,
    /// The key that verifies it, and how to read it (empty for none).
    pub key: &'static str,
    /// The kind of `key`.
    pub key_kind: KeyKind,
}

/// The HMAC secret of the HS256 samples.
pub const HS256_SECRET: &str = "a-string-secret-at-least-256-bits-long";

const RSA_PUBLIC_PEM: &str = "-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwQA4M66hcRTKI0W4Eqxm
3vLuN0CIFeEL3UPT5qlJZrlxF6GM6ohIekDikpdYnI+aX+D/BijgWYmkeAPJO4YP
9gf6JiBrknGH44pnlDvbMqojud+Tp2XUpvnXVLUA7qAic2bRj8r9OuWsB9cynkVU
uRL0AoqRYCkSGU8gBN0QEtupQIsdiIagJe2XivQ6HDuWcXKlokSDyLgcgbocmXWU
+gCQ7n2n4E07EReg0oxhyA+5wLBsSipVhV39HbNSbUDhqJpL3j46kGqJ3Pzg77cT
sp4BINFjjkEouhJQmBkfYPrjjZm4OUPr4eLsBmyFE6yKvHYe6rLZ/uBwXcvFmKF4
oQIDAQAB
-----END PUBLIC KEY-----
";

/// Every sample, the first being the page's default.
pub const SAMPLES: [Sample; 6] = [
    Sample {
        id: "hs256",
        label: "HS256, valid until 2100",
        token: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkFkYSBMb3ZlbGFjZSIsImFkbWluIjp0cnVlLCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6NDEwMjQ0NDgwMH0.6bXRX52k2IqhN9QnzyUPMNHXC8-GVNCPmFJ-0pPaezw",
        key: HS256_SECRET,
        key_kind: KeyKind::Auto,
    },
    Sample {
        id: "hs256-expired",
        label: "HS256, expired in 2001",
        token: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkFkYSBMb3ZlbGFjZSIsImlhdCI6OTc4MzAwMDAwLCJleHAiOjk3ODMwNzIwMH0.eioP8u7eUwta8wZanz52xaLy1Z0oxwJVI3ublDuGhcE",
        key: HS256_SECRET,
        key_kind: KeyKind::Auto,
    },
    Sample {
        id: "rs256",
        label: "RS256, not valid before 2100 (PEM public key)",
        token: "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2lzc3Vlci5leGFtcGxlIiwic3ViIjoic3R1ZGVudC00MiIsImF1ZCI6Imp3dC1kZWJ1Z2dlciIsInNjb3BlIjoicmVhZDpncmFkZXMiLCJpYXQiOjE3MDAwMDAwMDAsIm5iZiI6NDEwMjQ0NDgwMCwiZXhwIjo0MTAyNDQ4NDAwfQ.v9oqbVAzS69z_3mgGLeRU21JAnYClW7RHMU4lCAApO9fC0L7XmkR1CU6zu3KIx9Ey0A29h4wCQBdtOKNqCTVcAdsPLwGnsE7cx99M8eYGENxXso68zG8PLsSRkBx2aqLagjVSUJm9XFwHmCIi3zy270KLuLPl1qu0ARxytqyhtwe3pLVZNT3Yj0f84vq5XAfJBpaJ6xARB2_yXMdA9bd6uRNYfGVTPt5zWl_FBrYpCMV9ZT65Mmo9ohsymXHKKwk1UPd5TLkWlxa9VDNiS_EDNnp_LLlPdeLnIxxjzNmKadtxu2pLBYsi2b-aHB50VIfBEN9yoFi1RncwjSF2JU5VA",
        key: RSA_PUBLIC_PEM,
        key_kind: KeyKind::Auto,
    },
    Sample {
        id: "es256-jwks",
        label: "ES256 with a kid (JWKS)",
        token: "eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImRlbW8tZWMifQ.eyJzdWIiOiJzdHVkZW50LTciLCJyb2xlcyI6WyJ1c2VyIl0sImlhdCI6MTcwMDAwMDAwMCwiZXhwIjo0MTAyNDQ0ODAwfQ.57vjRLZRY8jROjmBfUNqqH_ooqFA6pD1-Kbv-7WqeMg1wGGvkODbiUh0uyvw7qs95rxnB9SkiXZ87lVfk4Vt2A",
        key: r#"{"keys": [{"kty": "EC", "crv": "P-256", "x": "n0fHPMYEv_uMjC0w_BWjKy_WRhd4CbWIdo5Wvy5pINE", "y": "S5BjgqtkDuQC1BlMXxf5rwoqInvEbd542OjB7tESelI", "kid": "demo-ec"}]}"#,
        key_kind: KeyKind::Auto,
    },
    Sample {
        id: "none",
        label: "Unsigned (alg none)",
        token: "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIxMjM0NTY3ODkwIiwiYWRtaW4iOnRydWV9.",
        key: "",
        key_kind: KeyKind::Auto,
    },
    Sample {
        id: "jwe",
        label: "Encrypted (JWE)",
        token: "eyJhbGciOiJSU0EtT0FFUC0yNTYiLCJlbmMiOiJBMjU2R0NNIiwiY3R5IjoiSldUIn0.M0yzfhWytQVO9b239JQVTeL2e4xWOZ8fZAFGAyB8GycOfpa3yrOMTxf93BOFlWB_sGNhgLlo1EHat6_T5Q867LkZKgEepL-TRmXwXsj31h87gH342XQWRUhwKiGgxLhvUhzYY8WsdxdEzJnfcS1nwIiEi1pKezv-cCpQOyP7ihXxnXu6VYgeE4tqQL9Wc1pQ0MuR8lfpE7Azs3YkDpGDY2fFyiKie56-G9PT-8oxDPa2nk7DPL1BigGaTsvCwVDUfA-iFdOZQAyHCMoo33wr16SmPizJm4qY-TTev42ma2Z5teGZrU1_hPlryzyqax57mmi0xNQlkPONqlWjwfcupA.7UOkQ82ayKKOUnZU.kjPir0nfMnS4E_vhB-QjO6_UCrhKXR6H7q3p_UYLx331SEyTAvQagwQZvamrTVfoDlzX1ZELdIUXZf3_0V2v1L70d6Yo1hUAnKUJ6RBpRpcoV3cbGvADy8I.cZCCYUXYNm8Ih94BJUbjJA",
        key: "",
        key_kind: KeyKind::Auto,
    },
];

/// The sample with this id.
pub fn by_id(id: &str) -> Option<&'static Sample> {
    SAMPLES.iter().find(|s| s.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jwt_core::{Clock, ErrorKind, Inspection, TimeStatus, analyse, parse_key};

    #[test]
    fn samples_show_what_their_labels_say() {
        let clock = Clock::at(1_800_000_000);
        let verdict = |id: &str| {
            let s = by_id(id).unwrap();
            let report = analyse(s.token, &parse_key(s.key_kind, s.key));
            let time = Inspection { report: &report, clock, known_secret: None }.time_status();
            (report.verdict.signature_valid, report.verdict.error_kind, time)
        };
        assert_eq!(verdict("hs256"), (Some(true), None, Some(TimeStatus::Valid)));
        assert_eq!(verdict("hs256-expired"), (Some(true), None, Some(TimeStatus::Expired)));
        assert_eq!(verdict("rs256"), (Some(true), None, Some(TimeStatus::NotYetValid)));
        assert_eq!(verdict("es256-jwks"), (Some(true), None, Some(TimeStatus::Valid)));
        assert_eq!(verdict("none"), (None, Some(ErrorKind::AlgNone), Some(TimeStatus::NoExp)));
        assert_eq!(verdict("jwe"), (None, Some(ErrorKind::Jwe), None));
    }
}
