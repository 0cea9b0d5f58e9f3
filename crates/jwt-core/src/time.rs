//! Judging time: whether `exp` and `nbf` make a token valid at an instant, and NumericDates in
//! words. The analysis itself is clock-free; these cheap functions take the instant, so a
//! ticking clock re-judges time only.

use serde::{Deserialize, Serialize};

/// The instant and tolerance time is judged with. The core never reads the clock itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    /// "Now", in Unix seconds.
    pub now: i64,
    /// Seconds of tolerance for `exp` and `nbf` (0 unless the user asks).
    pub leeway: u64,
}

impl Clock {
    /// `now` with no leeway.
    pub fn at(now: i64) -> Self {
        Self { now, leeway: 0 }
    }
}

/// The time claims of a payload, read (contract step 11): present only when every one of
/// `exp`, `nbf` and `iat` that is present is a number.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct TimeClaims {
    /// `exp`, in seconds.
    pub exp: Option<f64>,
    /// `nbf`, in seconds.
    pub nbf: Option<f64>,
}

impl TimeClaims {
    /// Contract step 12 at `clock`.
    pub fn judge(&self, clock: Clock) -> TimeStatus {
        time_status(self.exp, self.nbf, clock.now, clock.leeway)
    }
}

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
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

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
    fn time_claims_judge_at_a_clock() {
        let claims = TimeClaims { exp: Some(100.0), nbf: None };
        assert_eq!(claims.judge(Clock::at(99)), TimeStatus::Valid);
        assert_eq!(claims.judge(Clock::at(100)), TimeStatus::Expired);
        assert_eq!(claims.judge(Clock { now: 100, leeway: 1 }), TimeStatus::Valid);
    }
}
