//! The verify options, as node `jsonwebtoken` takes them, and `maxAge` as node reads it
//! (`jsonwebtoken/lib/timespan.js` with `ms` 2.1.3).

use serde::{Deserialize, Serialize};

/// Options as node jsonwebtoken's `verify` takes them (PyJWT gets the equivalent arguments; see
/// the module documentation for both mappings).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServerOptions {
    /// `algorithms`; `None`: not given (node then picks by key type, PyJWT refuses).
    pub algorithms: Option<Vec<String>>,
    /// `audience`: empty when not given; one or more.
    pub audience: Vec<String>,
    /// `issuer`: empty when not given; one or more.
    pub issuer: Vec<String>,
    /// `subject`.
    pub subject: Option<String>,
    /// `jwtid` (node only).
    pub jwtid: Option<String>,
    /// `maxAge` (node only): seconds ("3600") or a vercel/ms duration ("6h", "2 days").
    pub max_age: Option<String>,
    /// `clockTolerance` in seconds (PyJWT: `leeway`).
    pub clock_tolerance: u64,
    /// `ignoreExpiration` (PyJWT: `options={"verify_exp": False}`).
    pub ignore_expiration: bool,
    /// `ignoreNotBefore` (PyJWT: `options={"verify_nbf": False}`).
    pub ignore_not_before: bool,
}

/// `maxAge` as node is given it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum MaxAge<'a> {
    /// A number of seconds.
    Seconds(f64),
    /// A string, for `ms`.
    Text(&'a str),
}

impl ServerOptions {
    /// The `maxAge` node gets, if it is truthy (`0` and `""` are not: node skips the check).
    pub(super) fn node_max_age(&self) -> Option<MaxAge<'_>> {
        let text = self.max_age.as_deref()?;
        match plain_number(text) {
            // 0 and -0 are falsy.
            Some(0.0) => None,
            Some(seconds) => Some(MaxAge::Seconds(seconds)),
            None if text.is_empty() => None,
            None => Some(MaxAge::Text(text)),
        }
    }
}

/// `text` as a number when it is a plain decimal (`-?digits(.digits)?`): handed to node as a
/// number of seconds rather than as a string (which `ms` would read as milliseconds).
fn plain_number(text: &str) -> Option<f64> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (all_digits(whole) && all_digits(fraction)).then(|| text.parse().ok()).flatten()
}

/// The instant `maxAge` runs out, as `timespan(maxAge, iat)` computes it (`iat || now`), or
/// `None` where it returns `undefined` (a string `ms` cannot read).
pub(super) fn max_age_deadline(max_age: MaxAge<'_>, iat: f64, now: i64) -> Option<f64> {
    // `iat || Math.floor(Date.now() / 1000)`: an iat of 0 (or NaN) means the clock.
    let timestamp = if iat == 0.0 || iat.is_nan() { now as f64 } else { iat };
    match max_age {
        MaxAge::Seconds(seconds) => Some(timestamp + seconds),
        MaxAge::Text(text) => ms(text).map(|ms| (timestamp + ms / 1000.0).floor()),
    }
}

/// `ms(text)` of the `ms` package (2.1.3): milliseconds, or `None` for `undefined`. Matches
/// `/^(-?(?:\d+)?\.?\d+) *(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)?$/i`.
fn ms(text: &str) -> Option<f64> {
    if text.chars().count() > 100 {
        return None;
    }
    let number_len = text
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || c == '.' || (i == 0 && c == '-')))
        .map_or(text.len(), |(i, _)| i);
    let (number, rest) = text.split_at_checked(number_len)?;
    let unsigned = number.strip_prefix('-').unwrap_or(number);
    // `(?:\d+)?\.?\d+`: digits, or digits '.' digits, with at least one digit at the end.
    let (before, after) = unsigned.split_once('.').unwrap_or(("", unsigned));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if after.is_empty() || !digits(before) || !digits(after) {
        return None;
    }
    let value: f64 = number.parse().ok()?;
    Some(value * unit_ms(rest.trim_start_matches(' '))?)
}

/// Milliseconds in one `ms` unit (case-insensitive; none means milliseconds).
fn unit_ms(unit: &str) -> Option<f64> {
    const SECOND: f64 = 1000.0;
    const DAY: f64 = 86_400_000.0;
    Some(match unit.to_ascii_lowercase().as_str() {
        "years" | "year" | "yrs" | "yr" | "y" => DAY * 365.25,
        "weeks" | "week" | "w" => DAY * 7.0,
        "days" | "day" | "d" => DAY,
        "hours" | "hour" | "hrs" | "hr" | "h" => 3600.0 * SECOND,
        "minutes" | "minute" | "mins" | "min" | "m" => 60.0 * SECOND,
        "seconds" | "second" | "secs" | "sec" | "s" => SECOND,
        "milliseconds" | "millisecond" | "msecs" | "msec" | "ms" | "" => 1.0,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ms_reads_like_the_ms_package() {
        assert_eq!(ms("6h"), Some(21_600_000.0));
        assert_eq!(ms("2 days"), Some(172_800_000.0));
        assert_eq!(ms("1.5h"), Some(5_400_000.0));
        assert_eq!(ms("10"), Some(10.0));
        assert_eq!(ms("1H"), Some(3_600_000.0));
        assert_eq!(ms(".5s"), Some(500.0));
        assert_eq!(ms("-10s"), Some(-10_000.0));
        assert_eq!(ms("1y"), Some(31_557_600_000.0));
        for bad in ["abc", "1.", "", "1 2", "1.2.3", "1x", " 1", "-", "1hours "] {
            assert_eq!(ms(bad), None, "{bad}");
        }
        assert_eq!(ms(&"1".repeat(101)), None);
    }

    #[test]
    fn plain_numbers_are_seconds_and_zero_is_no_max_age() {
        let with = |s: &str| ServerOptions { max_age: Some(s.to_owned()), ..Default::default() };
        assert_eq!(with("3600").node_max_age(), Some(MaxAge::Seconds(3600.0)));
        assert_eq!(with("-1.5").node_max_age(), Some(MaxAge::Seconds(-1.5)));
        assert_eq!(with("0").node_max_age(), None);
        assert_eq!(with("").node_max_age(), None);
        assert_eq!(with("6h").node_max_age(), Some(MaxAge::Text("6h")));
        assert_eq!(with("1e3").node_max_age(), Some(MaxAge::Text("1e3")));
    }

    #[test]
    fn deadlines_floor_strings_but_not_numbers() {
        assert_eq!(max_age_deadline(MaxAge::Seconds(0.5), 100.0, 0), Some(100.5));
        assert_eq!(max_age_deadline(MaxAge::Text("1500"), 100.0, 0), Some(101.0));
        assert_eq!(max_age_deadline(MaxAge::Text("abc"), 100.0, 0), None);
        assert_eq!(max_age_deadline(MaxAge::Seconds(10.0), 0.0, 7), Some(17.0));
    }
}
