//! node `jsonwebtoken` 9.0.3: `jwt.verify(token, key, options)` in its synchronous form, step
//! by step (`verify.js`, `decode.js`, `lib/validateAsymmetricKey.js`, and `jws`/`jwa` below
//! them). Errors it does not wrap (`SyntaxError`, `TypeError`, plain `Error`) keep their class.

use serde_json::{Map, Value};

use super::jsontext::{self, Walk};
use super::keyload::{self, EcCurve, KeyType, Loaded};
use super::options::max_age_deadline;
use super::{NodeAnswer, ServerKey, ServerOptions, Step, Stop};
use crate::alg::{Alg, Curve, Family};
use crate::b64;
use crate::verify::{Crypto, Full, Verifier};

/// What node `jsonwebtoken` 9's `jwt.verify(token, key, options)` does, with `clockTimestamp`
/// set to `now` (see the module documentation of [`super`] for how the key and options are
/// handed over).
pub fn node_jsonwebtoken(token: &str, key: ServerKey<'_>, options: &ServerOptions, now: i64) -> NodeAnswer {
    NodeAnswer::from_step(verify(token, key, options, now))
}

fn jwt_error(message: impl Into<String>) -> Stop {
    Stop::threw("JsonWebTokenError", message)
}

/// The key argument as `verify` is given it.
enum Arg {
    Undefined,
    /// A string (`is_string`) or a Buffer.
    Text {
        bytes: Vec<u8>,
        is_string: bool,
    },
    Object(KeyObject),
}

/// A `crypto.KeyObject`.
enum KeyObject {
    Secret(Vec<u8>),
    Public(Loaded),
}

impl Arg {
    fn new(key: ServerKey<'_>) -> Step<Self> {
        Ok(match key {
            ServerKey::None => Arg::Undefined,
            ServerKey::Secret(bytes) => {
                Arg::Text { bytes: bytes.to_vec(), is_string: std::str::from_utf8(bytes).is_ok() }
            }
            ServerKey::Pem(text) => Arg::Text { bytes: text.as_bytes().to_vec(), is_string: true },
            ServerKey::Jwk(jwk) => Arg::Object(jwk_key_object(jwk)?),
        })
    }

    /// JavaScript truthiness: `undefined` and `""` are false (an empty Buffer is not).
    fn truthy(&self) -> bool {
        match self {
            Arg::Undefined => false,
            Arg::Text { bytes, is_string } => !(*is_string && bytes.is_empty()),
            Arg::Object(_) => true,
        }
    }

    /// `createPublicKey(key)`, else `createSecretKey(key)` (`verify.js:120-130`).
    fn into_key_object(self) -> Step<Option<KeyObject>> {
        match self {
            Arg::Undefined => Ok(None),
            Arg::Object(object) => Ok(Some(object)),
            Arg::Text { bytes, .. } => Ok(Some(match keyload::openssl_public(&bytes)? {
                Some(public) => KeyObject::Public(public),
                None => KeyObject::Secret(bytes),
            })),
        }
    }
}

/// The KeyObject the caller makes from a JWK: `createSecretKey(Buffer.from(k, 'base64url'))`
/// for `oct`, else `createPublicKey({ key: jwk, format: 'jwk' })`.
fn jwk_key_object(jwk: &Value) -> Step<KeyObject> {
    if jwk.get("kty").and_then(Value::as_str) == Some("oct") {
        let k = jwk.get("k").and_then(Value::as_str).ok_or_else(|| {
            Stop::unknown(
                "this oct JWK has no string \"k\": Buffer.from(jwk.k, 'base64url') throws before verify",
            )
        })?;
        return Ok(KeyObject::Secret(b64::decode_lenient(k)));
    }
    keyload::from_jwk(jwk).map(KeyObject::Public)
}

/// `jwt.verify`, in the order of `verify.js`.
fn verify(token: &str, key: ServerKey<'_>, options: &ServerOptions, now: i64) -> Step {
    if token.is_empty() {
        return Err(jwt_error("jwt must be provided"));
    }
    let parts: Vec<&str> = token.split('.').collect();
    let [header_b64, payload_b64, signature] = parts[..] else { return Err(jwt_error("jwt malformed")) };
    let decoded = decode(header_b64, payload_b64, signature)?.ok_or_else(|| jwt_error("invalid token"))?;
    let key = Arg::new(key)?;
    let has_signature = !signature.is_empty();
    if !has_signature && key.truthy() {
        return Err(jwt_error("jwt signature is required"));
    }
    if has_signature && !key.truthy() {
        return Err(jwt_error("secret or public key must be provided"));
    }
    if !has_signature && options.algorithms.is_none() {
        return Err(jwt_error("please specify \"none\" in \"algorithms\" to verify unsigned tokens"));
    }
    let key = key.into_key_object()?;
    let allowed = match (&options.algorithms, &key) {
        (Some(list), _) => list.iter().map(String::as_str).collect(),
        (None, Some(key)) => default_algorithms(key),
        (None, None) => Vec::new(),
    };
    let alg =
        decoded.alg().filter(|alg| allowed.contains(alg)).ok_or_else(|| jwt_error("invalid algorithm"))?;
    check_key_type(alg, key.as_ref())?;
    validate_asymmetric_key(alg, key.as_ref())?;
    let signing_input = token.get(..header_b64.len() + 1 + payload_b64.len()).unwrap_or_default();
    if !signature_verifies(alg, key.as_ref(), signing_input.as_bytes(), signature)? {
        return Err(jwt_error("invalid signature"));
    }
    check_claims(&decoded.payload, options, now)
}

/// The token as `jws.decode` and `decode.js` read it.
struct Decoded {
    header: Value,
    payload: Payload,
}

/// The payload `verify` goes on with.
enum Payload {
    /// `JSON.parse`'s result.
    Json(Value),
    /// The payload text itself (it was not JSON, or not an object or array, and `typ` is not "JWT").
    Text,
}

impl Decoded {
    /// `header.alg` when it is a string (`indexOf` finds nothing else in a list of strings).
    fn alg(&self) -> Option<&str> {
        self.header.as_object().and_then(|h| h.get("alg")).and_then(Value::as_str)
    }
}

/// `jws.decode(token)` then `decode.js`: `Ok(None)` for "invalid token"; a payload that is not
/// JSON throws V8's `SyntaxError` when the header's `typ` is "JWT".
fn decode(header_b64: &str, payload_b64: &str, signature: &str) -> Step<Option<Decoded>> {
    let alphabet = |s: &str| s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    let well_formed = !header_b64.is_empty()
        && !payload_b64.is_empty()
        && [header_b64, payload_b64, signature].iter().all(|s| alphabet(s));
    if !well_formed {
        return Ok(None);
    }
    // Buffer.from(segment, 'base64').toString('binary'): one character per byte.
    let header_text: String = b64::decode_lenient(header_b64).into_iter().map(char::from).collect();
    let header = match parse(&header_text)? {
        Some(header) if js_truthy(&header) => header,
        _ => return Ok(None),
    };
    let payload_text = String::from_utf8_lossy(&b64::decode_lenient(payload_b64)).into_owned();
    let typ_jwt = header.get("typ").and_then(Value::as_str) == Some("JWT");
    let payload = match jsontext::v8(&payload_text) {
        Walk::Valid => match read_json(&payload_text)? {
            value if typ_jwt || value.is_object() || value.is_array() => Payload::Json(value),
            _ => Payload::Text,
        },
        Walk::Invalid(message) if typ_jwt => return Err(Stop::threw("SyntaxError", message)),
        Walk::Invalid(_) => Payload::Text,
        Walk::Unknown => return Err(too_deep()),
    };
    Ok(Some(Decoded { header, payload }))
}

/// `JSON.parse(text)`: the value, or `None` when it throws.
fn parse(text: &str) -> Step<Option<Value>> {
    match jsontext::v8(text) {
        Walk::Invalid(_) => Ok(None),
        Walk::Unknown => Err(too_deep()),
        Walk::Valid => read_json(text).map(Some),
    }
}

/// The value of JSON that `JSON.parse` reads.
fn read_json(text: &str) -> Step<Value> {
    serde_json::from_str(text).map_err(|e| {
        Stop::unknown(format!(
            "JSON.parse reads this JSON but the debugger does not ({e}): a lone surrogate, or a number beyond 1e308"
        ))
    })
}

fn too_deep() -> Stop {
    Stop::unknown("the JSON nests deeper than the debugger reads (128 levels)")
}

/// JavaScript truthiness of a JSON value.
fn js_truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(_) | Value::Object(_) => true,
    }
}

const HS: [&str; 3] = ["HS256", "HS384", "HS512"];
const RSA: [&str; 6] = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512"];
const EC: [&str; 3] = ["ES256", "ES384", "ES512"];

/// The `algorithms` `verify` picks by key type when none are given (`verify.js:132-142`).
fn default_algorithms(key: &KeyObject) -> Vec<&'static str> {
    match key {
        KeyObject::Secret(_) => HS.to_vec(),
        KeyObject::Public(public) if public.node_type() == "ec" => EC.to_vec(),
        KeyObject::Public(_) => RSA.to_vec(),
    }
}

/// `verify.js:148-152`: an HS alg needs a secret key, an RS/PS/ES alg a public one.
fn check_key_type(alg: &str, key: Option<&KeyObject>) -> Step {
    let symmetric = alg.starts_with("HS");
    let asymmetric = ["RS", "PS", "ES"].iter().any(|p| alg.starts_with(p));
    if !symmetric && !asymmetric {
        return Ok(());
    }
    let Some(key) = key else {
        return Err(Stop::threw("TypeError", "Cannot read properties of undefined (reading 'type')"));
    };
    match key {
        KeyObject::Public(_) if symmetric => {
            Err(jwt_error(format!("secretOrPublicKey must be a symmetric key when using {alg}")))
        }
        KeyObject::Secret(_) if asymmetric => {
            Err(jwt_error(format!("secretOrPublicKey must be an asymmetric key when using {alg}")))
        }
        _ => Ok(()),
    }
}

fn plain_error(message: String) -> Stop {
    Stop::threw("Error", message)
}

/// `lib/validateAsymmetricKey.js`: the key type, curve and RSA-PSS parameters must suit `alg`.
fn validate_asymmetric_key(alg: &str, key: Option<&KeyObject>) -> Step {
    let Some(KeyObject::Public(key)) = key else { return Ok(()) };
    if alg.is_empty() {
        return Ok(());
    }
    let key_type = key.node_type();
    let allowed: &[&str] = match key_type {
        "ec" => &EC,
        "rsa" => &["RS256", "PS256", "RS384", "PS384", "RS512", "PS512"],
        "rsa-pss" => &["PS256", "PS384", "PS512"],
        other => return Err(plain_error(format!("Unknown key type \"{other}\"."))),
    };
    if !allowed.contains(&alg) {
        let list = allowed.join(", ");
        return Err(plain_error(format!(
            "\"alg\" parameter for \"{key_type}\" key type must be one of: {list}."
        )));
    }
    match &key.key {
        KeyType::Ec { curve, .. } => check_curve(alg, *curve),
        KeyType::RsaPss { params, .. } => check_pss(alg, params.as_ref()),
        _ => Ok(()),
    }
}

fn check_curve(alg: &str, curve: EcCurve) -> Step {
    let wanted = match alg {
        "ES256" => Curve::P256,
        "ES384" => Curve::P384,
        _ => Curve::P521,
    };
    let wanted_name = wanted.openssl_name();
    if curve.openssl_name() == wanted_name {
        Ok(())
    } else {
        Err(plain_error(format!("\"alg\" parameter \"{alg}\" requires curve \"{wanted_name}\".")))
    }
}

fn check_pss(alg: &str, params: Option<&keyload::PssParams>) -> Step {
    let bits: u16 = alg.get(alg.len().saturating_sub(3)..).and_then(|b| b.parse().ok()).unwrap_or(0);
    let hash = format!("sha{bits}");
    let matching = params.is_some_and(|p| p.hash == hash && p.mgf1_hash == p.hash);
    if !matching {
        return Err(plain_error(format!(
            "Invalid key for this operation, its RSA-PSS parameters do not meet the requirements of \"alg\" {alg}."
        )));
    }
    if params.is_some_and(|p| u16::from(p.salt_len) > bits >> 3) {
        return Err(plain_error(format!(
            "Invalid key for this operation, its RSA-PSS parameter saltLength does not meet the requirements of \"alg\" {alg}."
        )));
    }
    Ok(())
}

/// `jws.verify(token, alg, key)` through `jwa(alg)`.
fn signature_verifies(alg: &str, key: Option<&KeyObject>, input: &[u8], signature: &str) -> Step<bool> {
    if alg.is_empty() {
        return Err(Stop::threw("Error", "Missing algorithm parameter for jws.verify"));
    }
    if alg == "none" {
        return Ok(signature.is_empty());
    }
    // jwa 2's list: HMAC, RSA, PSS and ES256/384/512 — no EdDSA, ES256K or ML-DSA.
    let Some(parsed) = Alg::parse(alg).filter(|a| {
        matches!(a.family(), Family::Hmac | Family::Rsa) || matches!(a, Alg::ES256 | Alg::ES384 | Alg::ES512)
    }) else {
        return Err(Stop::threw(
            "TypeError",
            format!(
                "\"{alg}\" is not a valid algorithm.\n  Supported algorithms are:\n  \"HS256\", \"HS384\", \"HS512\", \"RS256\", \"RS384\", \"RS512\", \"PS256\", \"PS384\", \"PS512\", \"ES256\", \"ES384\", \"ES512\" and \"none\"."
            ),
        ));
    };
    match (key, parsed.family()) {
        // The computed HMAC, base64url, is compared as text with the signature segment.
        (Some(KeyObject::Secret(secret)), Family::Hmac) => {
            let hash = parsed.hash().ok_or_else(|| Stop::unknown("no hash"))?;
            Ok(b64::encode(&crate::mac::compute(hash, secret, input)) == signature)
        }
        (Some(KeyObject::Public(public)), family) => {
            let bytes = b64::decode_lenient(signature);
            if let Family::Ecdsa(curve) = family {
                let wanted = 2 * curve.field_bytes();
                if bytes.len() != wanted {
                    let saw = bytes.len();
                    return Err(Stop::threw(
                        "TypeError",
                        format!("\"{alg}\" signatures must be \"{wanted}\" bytes, saw \"{saw}\""),
                    ));
                }
            }
            let verifier =
                public.verifier().ok_or_else(|| Stop::unknown("the debugger cannot verify with this key"))?;
            Ok(Full.verify(parsed, Verifier::Public(&verifier), input, &bytes))
        }
        _ => Err(Stop::unknown("a key that jsonwebtoken's own checks should have refused")),
    }
}

/// The claim checks of `verify.js:174-249`, in order.
fn check_claims(payload: &Payload, options: &ServerOptions, now: i64) -> Step {
    let claims = match payload {
        Payload::Json(Value::Object(claims)) => Some(claims),
        Payload::Json(Value::Null) => {
            return Err(Stop::threw("TypeError", "Cannot read properties of null (reading 'nbf')"));
        }
        _ => None,
    };
    let claim = |name: &str| claims.and_then(|c| c.get(name));
    let (clock, tolerance) = (now as f64, options.clock_tolerance as f64);
    if let Some(nbf) = claim("nbf").filter(|_| !options.ignore_not_before) {
        let nbf = nbf.as_f64().ok_or_else(|| jwt_error("invalid nbf value"))?;
        if nbf > clock + tolerance {
            return Err(Stop::threw("NotBeforeError", "jwt not active"));
        }
    }
    if let Some(exp) = claim("exp").filter(|_| !options.ignore_expiration) {
        let exp = exp.as_f64().ok_or_else(|| jwt_error("invalid exp value"))?;
        if clock >= exp + tolerance {
            return Err(Stop::threw("TokenExpiredError", "jwt expired"));
        }
    }
    check_audience(claim("aud"), &options.audience)?;
    check_issuer(claim("iss"), &options.issuer)?;
    check_equal(claim("sub"), options.subject.as_deref(), "subject")?;
    check_equal(claim("jti"), options.jwtid.as_deref(), "jwtid")?;
    check_max_age(claims, options, now)
}

/// The values of a list option as node sees it: one value is a string (skipped when empty),
/// several an array.
fn given(values: &[String]) -> Option<&[String]> {
    match values {
        [] => None,
        [one] if one.is_empty() => None,
        _ => Some(values),
    }
}

fn check_audience(aud: Option<&Value>, audience: &[String]) -> Step {
    let Some(audiences) = given(audience) else { return Ok(()) };
    let targets: Vec<&Value> = match aud {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(one) => vec![one],
        None => Vec::new(),
    };
    let matches = targets.iter().any(|t| t.as_str().is_some_and(|t| audiences.iter().any(|a| a == t)));
    if matches {
        Ok(())
    } else {
        Err(jwt_error(format!("jwt audience invalid. expected: {}", audiences.join(" or "))))
    }
}

fn check_issuer(iss: Option<&Value>, issuer: &[String]) -> Step {
    let Some(issuers) = given(issuer) else { return Ok(()) };
    let iss = iss.and_then(Value::as_str);
    if iss.is_some_and(|iss| issuers.iter().any(|i| i == iss)) {
        Ok(())
    } else {
        Err(jwt_error(format!("jwt issuer invalid. expected: {}", issuers.join(","))))
    }
}

/// `subject` and `jwtid`: the claim must be the same string.
fn check_equal(claim: Option<&Value>, expected: Option<&str>, option: &str) -> Step {
    match expected.filter(|e| !e.is_empty()) {
        Some(expected) if claim.and_then(Value::as_str) != Some(expected) => {
            Err(jwt_error(format!("jwt {option} invalid. expected: {expected}")))
        }
        _ => Ok(()),
    }
}

fn check_max_age(claims: Option<&Map<String, Value>>, options: &ServerOptions, now: i64) -> Step {
    let Some(max_age) = options.node_max_age() else { return Ok(()) };
    let iat = claims.and_then(|c| c.get("iat")).and_then(Value::as_f64);
    let iat = iat.ok_or_else(|| jwt_error("iat required when maxAge is specified"))?;
    let deadline = max_age_deadline(max_age, iat, now).ok_or_else(|| {
        jwt_error("\"maxAge\" should be a number of seconds or string representing a timespan eg: \"1d\", \"20h\", 60")
    })?;
    if now as f64 >= deadline + options.clock_tolerance as f64 {
        return Err(Stop::threw("TokenExpiredError", "maxAge exceeded"));
    }
    Ok(())
}
