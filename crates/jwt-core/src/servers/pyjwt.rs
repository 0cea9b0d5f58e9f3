//! PyJWT 2.15.1: `jwt.decode(token, key, algorithms=…, audience=…, issuer=…, subject=…,
//! leeway=…, options=…)`, step by step (`api_jwt.py`, `api_jws.py`, `algorithms.py`,
//! `api_jwk.py`) over pyca/cryptography 50. Exceptions that are not PyJWT's (`TypeError`,
//! `ValueError`, `AttributeError`, `UnicodeDecodeError`) keep their class.

use serde_json::{Map, Value};

use super::jsontext::{self, Walk};
use super::keyload::{self, EcCurve, KeyType, Loaded, PyLoadError};
use super::pyvalue::{self, PyInt, truthy};
use super::{PyJwtAnswer, ServerKey, ServerOptions, Step, Stop};
use crate::alg::{Alg, Curve, Hash};
use crate::b64::{self, Alphabet};
use crate::verify::{Crypto, Full, Verifier};

/// What PyJWT 2's `jwt.decode(token, key, …)` does at `now` (see the module documentation of
/// [`super`] for how the key and options are handed over).
pub fn pyjwt(token: &str, key: ServerKey<'_>, options: &ServerOptions, now: i64) -> PyJwtAnswer {
    PyJwtAnswer::from_step(decode(token, key, options, now))
}

fn raise(exception: &str, message: impl Into<String>) -> Stop {
    Stop::threw(exception, message)
}

fn decode_error(message: impl Into<String>) -> Stop {
    raise("DecodeError", message)
}

fn invalid_key(message: impl Into<String>) -> Stop {
    raise("InvalidKeyError", message)
}

/// An algorithm of `jwt.algorithms.get_default_algorithms()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Algorithm {
    NoneAlg,
    Hmac(Hash),
    Rsa(Hash),
    Pss(Hash),
    Ec(Hash, EcCurve),
    Okp,
}

impl Algorithm {
    fn by_name(name: &str) -> Option<Self> {
        let p = |c: Curve| c;
        Some(match name {
            "none" => Algorithm::NoneAlg,
            "HS256" => Algorithm::Hmac(Hash::Sha256),
            "HS384" => Algorithm::Hmac(Hash::Sha384),
            "HS512" => Algorithm::Hmac(Hash::Sha512),
            "RS256" => Algorithm::Rsa(Hash::Sha256),
            "RS384" => Algorithm::Rsa(Hash::Sha384),
            "RS512" => Algorithm::Rsa(Hash::Sha512),
            "PS256" => Algorithm::Pss(Hash::Sha256),
            "PS384" => Algorithm::Pss(Hash::Sha384),
            "PS512" => Algorithm::Pss(Hash::Sha512),
            "ES256" => Algorithm::Ec(Hash::Sha256, p(Curve::P256)),
            "ES256K" => Algorithm::Ec(Hash::Sha256, Curve::Secp256k1),
            "ES384" => Algorithm::Ec(Hash::Sha384, p(Curve::P384)),
            "ES512" | "ES521" => Algorithm::Ec(Hash::Sha512, p(Curve::P521)),
            "EdDSA" => Algorithm::Okp,
            _ => return None,
        })
    }

    /// The class name, as `check_crypto_key_type` prints it.
    fn class(self) -> &'static str {
        match self {
            Algorithm::NoneAlg => "NoneAlgorithm",
            Algorithm::Hmac(_) => "HMACAlgorithm",
            Algorithm::Rsa(_) => "RSAAlgorithm",
            Algorithm::Pss(_) => "RSAPSSAlgorithm",
            Algorithm::Ec(..) => "ECAlgorithm",
            Algorithm::Okp => "OKPAlgorithm",
        }
    }

    /// Whether a key of this type passes `check_crypto_key_type`.
    fn takes(self, key: &KeyType) -> bool {
        match self {
            Algorithm::Rsa(_) | Algorithm::Pss(_) => {
                matches!(key, KeyType::Rsa { .. } | KeyType::RsaPss { .. })
            }
            Algorithm::Ec(..) => matches!(key, KeyType::Ec { .. }),
            Algorithm::Okp => matches!(key, KeyType::Ed25519(_) | KeyType::Ed448(_)),
            Algorithm::NoneAlg | Algorithm::Hmac(_) => false,
        }
    }
}

/// The key argument: a `str` (the default is `""`), `bytes`, or a `PyJWK`.
enum Arg {
    Str(String),
    Bytes(Vec<u8>),
    Jwk(PyJwk),
}

impl Arg {
    fn new(key: ServerKey<'_>) -> Step<Self> {
        Ok(match key {
            ServerKey::None => Arg::Str(String::new()),
            ServerKey::Secret(bytes) => match std::str::from_utf8(bytes) {
                Ok(text) => Arg::Str(text.to_owned()),
                Err(_) => Arg::Bytes(bytes.to_vec()),
            },
            ServerKey::Pem(text) => Arg::Str(text.to_owned()),
            ServerKey::Jwk(jwk) => Arg::Jwk(pyjwk(jwk)?),
        })
    }

    /// `force_bytes(key)` (a PyJWK never gets here).
    fn bytes(&self) -> &[u8] {
        match self {
            Arg::Str(text) => text.as_bytes(),
            Arg::Bytes(bytes) => bytes,
            Arg::Jwk(_) => &[],
        }
    }
}

/// `jwt.PyJWK(jwk)`: the algorithm it is bound to and the key it holds.
struct PyJwk {
    alg: String,
    algorithm: Algorithm,
    key: Prepared,
}

/// A key ready for `verify`.
enum Prepared {
    /// alg `none`'s `None`.
    Nothing,
    Secret(Vec<u8>),
    Asym(Loaded),
}

/// No prediction: the exception's text holds Python's `repr()` of the JWK.
fn needs_dict_repr() -> Stop {
    Stop::unknown("PyJWK raises an error quoting the JWK as a Python dict, which the debugger does not spell")
}

/// `PyJWK(jwk)` (`api_jwk.py`), which raises before `decode` is called.
fn pyjwk(jwk: &Value) -> Step<PyJwk> {
    let jwk =
        jwk.as_object().ok_or_else(|| Stop::unknown("PyJWK takes a dict: this JWK is not a JSON object"))?;
    let kty = jwk.get("kty").filter(|k| truthy(k)).ok_or_else(needs_dict_repr)?;
    let alg = match jwk.get("alg").filter(|a| truthy(a)) {
        Some(Value::String(alg)) => alg.clone(),
        Some(_) => return Err(needs_dict_repr()),
        None => default_jwk_alg(jwk, kty)?.to_owned(),
    };
    let algorithm =
        Algorithm::by_name(&alg).filter(|a| *a != Algorithm::NoneAlg).ok_or_else(needs_dict_repr)?;
    let key = jwk_key(algorithm, jwk)?;
    Ok(PyJwk { alg, algorithm, key })
}

/// The algorithm PyJWK picks from `kty` (and `crv`) when the JWK has no `alg`.
fn default_jwk_alg(jwk: &Map<String, Value>, kty: &Value) -> Step<&'static str> {
    let crv = jwk.get("crv").filter(|c| truthy(c));
    let crv_text = || crv.and_then(Value::as_str).ok_or_else(|| Stop::unknown("a crv that is not a string"));
    match kty.as_str() {
        Some("EC") => match crv.map(|_| crv_text()).transpose()? {
            None | Some("P-256") => Ok("ES256"),
            Some("P-384") => Ok("ES384"),
            Some("P-521") => Ok("ES512"),
            Some("secp256k1") => Ok("ES256K"),
            Some(other) => Err(invalid_key(format!("Unsupported crv: {other}"))),
        },
        Some("RSA") => Ok("RS256"),
        Some("oct") => Ok("HS256"),
        Some("OKP") => match crv.ok_or_else(needs_dict_repr).and_then(|_| crv_text())? {
            "Ed25519" => Ok("EdDSA"),
            other => Err(invalid_key(format!("Unsupported crv: {other}"))),
        },
        Some(other) => Err(invalid_key(format!("Unsupported kty: {other}"))),
        None => Err(Stop::unknown("a kty that is not a string")),
    }
}

/// `Algorithm.from_jwk(jwk)`, then what `prepare_key` does with the key object.
fn jwk_key(algorithm: Algorithm, jwk: &Map<String, Value>) -> Step<Prepared> {
    let kty = jwk.get("kty").and_then(Value::as_str);
    let member = |name: &str| -> Step<Option<Vec<u8>>> {
        jwk.get(name)
            .map(|v| v.as_str().and_then(|s| b64::decode_lenient_in(s, Alphabet::UrlSafe)))
            .map(|bytes| bytes.ok_or_else(|| Stop::unknown(format!("a \"{name}\" that is not base64url"))))
            .transpose()
    };
    let whole = Value::Object(jwk.clone());
    match algorithm {
        Algorithm::Hmac(_) => {
            if kty != Some("oct") {
                return Err(invalid_key("Not an HMAC key"));
            }
            let k = member("k")?
                .ok_or_else(|| Stop::unknown("an oct JWK without \"k\" (PyJWK raises KeyError)"))?;
            if k.is_empty() {
                return Err(invalid_key("HMAC key must not be empty."));
            }
            prepare_hmac(&k)
        }
        Algorithm::Rsa(_) | Algorithm::Pss(_) => {
            if kty != Some("RSA") {
                return Err(invalid_key("Not an RSA key"));
            }
            if !(jwk.contains_key("n") && jwk.contains_key("e")) {
                return Err(invalid_key("Not a public or private key"));
            }
            Ok(Prepared::Asym(keyload::from_jwk(&whole)?))
        }
        Algorithm::Ec(_, expected) => {
            if kty != Some("EC") || !(jwk.contains_key("x") && jwk.contains_key("y")) {
                return Err(invalid_key("Not an Elliptic curve key"));
            }
            let (x, y) = (member("x")?.unwrap_or_default(), member("y")?.unwrap_or_default());
            let crv = jwk.get("crv");
            let size = match crv.and_then(Value::as_str) {
                Some("P-256" | "secp256k1") => 32,
                Some("P-384") => 48,
                Some("P-521") => 66,
                Some(other) => return Err(invalid_key(format!("Invalid curve: {other}"))),
                None if crv.is_none() => return Err(invalid_key("Invalid curve: None")),
                None => return Err(Stop::unknown("a crv that is not a string")),
            };
            if x.len() != size || y.len() != size {
                let name = crv.and_then(Value::as_str).unwrap_or_default();
                return Err(invalid_key(format!("Coords should be {size} bytes for curve {name}")));
            }
            let key = keyload::from_jwk(&whole)?;
            check_curve(&key, expected)?;
            Ok(Prepared::Asym(key))
        }
        Algorithm::Okp => {
            if kty != Some("OKP") {
                return Err(invalid_key("Not an Octet Key Pair"));
            }
            match jwk.get("crv").map(Value::as_str) {
                Some(Some("Ed25519" | "Ed448")) => {}
                Some(Some(other)) => return Err(invalid_key(format!("Invalid curve: {other}"))),
                None => return Err(invalid_key("Invalid curve: None")),
                Some(None) => return Err(Stop::unknown("a crv that is not a string")),
            }
            if !jwk.contains_key("x") {
                return Err(invalid_key("OKP should have \"x\" parameter"));
            }
            Ok(Prepared::Asym(keyload::from_jwk(&whole)?))
        }
        Algorithm::NoneAlg => Err(needs_dict_repr()),
    }
}

/// `jwt.decode`, in the order of `api_jwt.py` and `api_jws.py`.
fn decode(token: &str, key: ServerKey<'_>, options: &ServerOptions, now: i64) -> Step {
    let key = Arg::new(key)?;
    let algorithms = options.algorithms.as_deref();
    if algorithms.is_none_or(<[String]>::is_empty) && !matches!(key, Arg::Jwk(_)) {
        return Err(decode_error(
            "It is required that you pass in a value for the \"algorithms\" argument when calling decode().",
        ));
    }
    let jws = load(token)?;
    validate_headers(&jws.header)?;
    if jws.header.get("b64") == Some(&Value::Bool(false)) {
        let crit_has_b64 =
            jws.header.get("crit").and_then(Value::as_array).is_some_and(|c| c.iter().any(|e| e == "b64"));
        if !crit_has_b64 {
            return Err(raise(
                "InvalidTokenError",
                "The 'b64' header parameter requires 'b64' to be listed in 'crit'.",
            ));
        }
        return Err(decode_error(
            "It is required that you pass in a value for the \"detached_payload\" argument to decode a message having the b64 header set to false.",
        ));
    }
    verify_signature(&jws, &key, algorithms)?;
    let Value::Object(payload) = read_json(&jws.payload, "Invalid payload string")? else {
        return Err(decode_error("Invalid payload string: must be a json object"));
    };
    validate_claims(&payload, options, now)
}

/// A token as `PyJWS._load` splits it.
struct Jws<'a> {
    header: Map<String, Value>,
    payload: Vec<u8>,
    signing_input: &'a str,
    signature: Vec<u8>,
}

/// `PyJWS._load`.
fn load(token: &str) -> Step<Jws<'_>> {
    let not_enough = || decode_error("Not enough segments");
    let (signing_input, crypto) = token.rsplit_once('.').ok_or_else(not_enough)?;
    let (header_b64, payload_b64) = signing_input.split_once('.').ok_or_else(not_enough)?;
    let header = segment(header_b64, "header")?;
    let Value::Object(header) = read_json(&header, "Invalid header string")? else {
        return Err(decode_error("Invalid header string: must be a json object"));
    };
    let payload = if header.get("b64") == Some(&Value::Bool(false)) {
        if !payload_b64.is_empty() {
            return Err(decode_error("Payload segment must be empty when 'b64' is false."));
        }
        Vec::new()
    } else {
        segment(payload_b64, "payload")?
    };
    let signature = segment(crypto, "crypto")?;
    Ok(Jws { header, payload, signing_input, signature })
}

/// `_decode_base64url_segment`: base64url with correct `=` padding allowed, canonical only.
fn segment(text: &str, name: &str) -> Step<Vec<u8>> {
    let bad = || decode_error(format!("Invalid {name} padding"));
    let stripped = text.trim_end_matches('=');
    let padding = text.len() - stripped.len();
    if padding > 2 || (padding > 0 && !text.len().is_multiple_of(4)) {
        return Err(bad());
    }
    b64::decode_strict(stripped).map_err(|_| bad())
}

/// `json.loads(bytes)`, its errors as `DecodeError("<what>: <error>")`.
fn read_json(bytes: &[u8], what: &str) -> Step<Value> {
    let text = python_text(bytes).map_err(|e| match e {
        Decoding::Error(message) => decode_error(format!("{what}: {message}")),
        Decoding::Unknown => Stop::unknown(
            "UTF-16, UTF-32 or encoded surrogates, which the debugger does not decode as Python does",
        ),
    })?;
    match jsontext::python(&text) {
        Walk::Valid => serde_json::from_str(&text.iter().collect::<String>()).map_err(|e| {
            Stop::unknown(format!("Python reads this JSON but the debugger does not ({e}): NaN, Infinity, 1e400 or a lone surrogate"))
        }),
        Walk::Invalid(message) => Err(decode_error(format!("{what}: {message}"))),
        Walk::Unknown => Err(Stop::unknown("the JSON nests deeper than the debugger reads (128 levels)")),
    }
}

/// Why bytes do not decode as `json.loads` decodes them.
enum Decoding {
    /// `str(UnicodeDecodeError)`.
    Error(String),
    /// An encoding the debugger does not follow.
    Unknown,
}

/// `bytes.decode(json.detect_encoding(bytes), 'surrogatepass')` for UTF-8 (with or without a
/// byte-order mark).
fn python_text(bytes: &[u8]) -> Result<Vec<char>, Decoding> {
    let wide_bom = [&[0, 0, 0xfe, 0xff][..], &[0xff, 0xfe], &[0xfe, 0xff]];
    if wide_bom.iter().any(|bom| bytes.starts_with(bom)) {
        return Err(Decoding::Unknown);
    }
    let body = match bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        Some(body) => body,
        None if bytes.len() >= 4 || bytes.len() == 2 => {
            if bytes.first() == Some(&0) || bytes.get(1) == Some(&0) {
                return Err(Decoding::Unknown);
            }
            bytes
        }
        None => bytes,
    };
    std::str::from_utf8(body).map(|text| text.chars().collect()).map_err(|e| utf8_error(body, &e))
}

/// `str(UnicodeDecodeError)` of CPython's UTF-8 decoder.
fn utf8_error(bytes: &[u8], error: &std::str::Utf8Error) -> Decoding {
    let start = error.valid_up_to();
    let Some(&first) = bytes.get(start) else { return Decoding::Unknown };
    // 'surrogatepass' lets encoded surrogates (ED A0..BF ..) through.
    if first == 0xed && bytes.get(start + 1).is_some_and(|b| (0xa0..=0xbf).contains(b)) {
        return Decoding::Unknown;
    }
    let (end, reason) = match error.error_len() {
        Some(1) if matches!(first, 0x80..=0xc1 | 0xf5..=0xff) => (start + 1, "invalid start byte"),
        Some(len) => (start + len, "invalid continuation byte"),
        None => (bytes.len(), "unexpected end of data"),
    };
    Decoding::Error(if end - start == 1 {
        format!("'utf-8' codec can't decode byte 0x{first:02x} in position {start}: {reason}")
    } else {
        format!("'utf-8' codec can't decode bytes in position {start}-{}: {reason}", end - 1)
    })
}

/// `PyJWS._validate_headers`: `kid` must be a string; `crit` may only list `b64`, present.
fn validate_headers(header: &Map<String, Value>) -> Step {
    let invalid = |message: String| raise("InvalidTokenError", message);
    if header.get("kid").is_some_and(|kid| !kid.is_string()) {
        return Err(invalid("Key ID header parameter must be a string".to_owned()));
    }
    let Some(crit) = header.get("crit") else { return Ok(()) };
    let crit = crit
        .as_array()
        .filter(|c| !c.is_empty())
        .ok_or_else(|| invalid("Invalid 'crit' header: must be a non-empty list".to_owned()))?;
    for ext in crit {
        let ext = ext
            .as_str()
            .ok_or_else(|| invalid("Invalid 'crit' header: values must be strings".to_owned()))?;
        if ext != "b64" {
            return Err(invalid(format!("Unsupported critical extension: {ext}")));
        }
        if !header.contains_key(ext) {
            return Err(invalid(format!("Critical extension '{ext}' is missing from headers")));
        }
    }
    Ok(())
}

/// `PyJWS._verify_signature`.
fn verify_signature(jws: &Jws<'_>, key: &Arg, algorithms: Option<&[String]>) -> Step {
    let allowed: Option<Vec<&str>> = match (algorithms, key) {
        (None, Arg::Jwk(jwk)) => Some(vec![jwk.alg.as_str()]),
        (list, _) => list.map(|l| l.iter().map(String::as_str).collect()),
    };
    let alg =
        jws.header.get("alg").ok_or_else(|| raise("InvalidAlgorithmError", "Algorithm not specified"))?;
    let alg = alg
        .as_str()
        .filter(|a| !a.is_empty() && allowed.as_ref().is_none_or(|list| list.contains(a)))
        .ok_or_else(|| raise("InvalidAlgorithmError", "The specified alg value is not allowed"))?;
    let prepared_here;
    let (algorithm, prepared) = match key {
        Arg::Jwk(jwk) if alg != jwk.alg => {
            let (Some(token_alg), Some(key_alg)) = (pyvalue::repr(alg), pyvalue::repr(&jwk.alg)) else {
                return Err(Stop::unknown(
                    "an algorithm name the debugger does not spell as Python's repr()",
                ));
            };
            let message = format!("Token algorithm {token_alg} does not match the key's algorithm {key_alg}");
            return Err(raise("InvalidAlgorithmError", message));
        }
        Arg::Jwk(jwk) => (jwk.algorithm, &jwk.key),
        _ => {
            let algorithm = Algorithm::by_name(alg)
                .ok_or_else(|| raise("InvalidAlgorithmError", "Algorithm not supported"))?;
            prepared_here = prepare(algorithm, key)?;
            (algorithm, &prepared_here)
        }
    };
    if verifies(algorithm, alg, prepared, jws)? {
        Ok(())
    } else {
        Err(raise("InvalidSignatureError", "Signature verification failed"))
    }
}

/// `alg_obj.prepare_key(key)` for a str or bytes key.
fn prepare(algorithm: Algorithm, key: &Arg) -> Step<Prepared> {
    let bytes = key.bytes();
    match algorithm {
        Algorithm::NoneAlg if bytes.is_empty() && matches!(key, Arg::Str(_)) => Ok(Prepared::Nothing),
        Algorithm::NoneAlg => Err(invalid_key("When alg = \"none\", key value must be None.")),
        Algorithm::Hmac(_) => prepare_hmac(bytes),
        Algorithm::Rsa(_) | Algorithm::Pss(_) => prepare_rsa(algorithm, bytes),
        Algorithm::Ec(_, curve) => prepare_ec(algorithm, curve, bytes),
        Algorithm::Okp => prepare_okp(key),
    }
}

/// `HMACAlgorithm.prepare_key`: no empty, asymmetric or JWK-looking keys.
fn prepare_hmac(bytes: &[u8]) -> Step<Prepared> {
    if bytes.is_empty() {
        return Err(invalid_key("HMAC key must not be empty."));
    }
    if is_pem_format(bytes) || is_ssh_key(bytes) || keyload::is_der_key(bytes)? {
        return Err(invalid_key(
            "The specified key is an asymmetric key or x509 certificate and should not be used as an HMAC secret.",
        ));
    }
    if looks_like_jwk(bytes)? {
        return Err(invalid_key(
            "The specified key looks like a JWK and should not be used directly as an HMAC secret. Load it via PyJWK / HMACAlgorithm.from_jwk first.",
        ));
    }
    Ok(Prepared::Secret(bytes.to_vec()))
}

/// The labels of `jwt.utils._PEMS`.
const PEM_LABELS: [&str; 16] = [
    "CERTIFICATE",
    "TRUSTED CERTIFICATE",
    "PRIVATE KEY",
    "PUBLIC KEY",
    "ENCRYPTED PRIVATE KEY",
    "OPENSSH PRIVATE KEY",
    "DSA PRIVATE KEY",
    "RSA PRIVATE KEY",
    "RSA PUBLIC KEY",
    "EC PRIVATE KEY",
    "DH PARAMETERS",
    "NEW CERTIFICATE REQUEST",
    "CERTIFICATE REQUEST",
    "SSH2 PUBLIC KEY",
    "SSH2 ENCRYPTED PRIVATE KEY",
    "X509 CRL",
];

/// `jwt.utils.is_pem_format`: a `----[- ]BEGIN <label>[- ]----` marker, then later the END
/// marker of the same label.
fn is_pem_format(key: &[u8]) -> bool {
    let mut begins: Vec<(&str, usize)> = Vec::new();
    for at in 0..key.len() {
        match pem_marker(key, at) {
            Some((true, label, end)) => {
                begins.retain(|(l, _)| *l != label);
                begins.push((label, end));
            }
            Some((false, label, _)) if begins.iter().any(|(l, end)| *l == label && *end < at) => return true,
            _ => {}
        }
    }
    false
}

/// The marker at `at`: whether it begins, its label, and where it ends.
fn pem_marker(key: &[u8], at: usize) -> Option<(bool, &'static str, usize)> {
    let rest = key.get(at..)?.strip_prefix(b"----")?;
    let rest = rest.strip_prefix(b"-").or_else(|| rest.strip_prefix(b" "))?;
    let (begins, rest) = match rest.strip_prefix(b"BEGIN ") {
        Some(rest) => (true, rest),
        None => (false, rest.strip_prefix(b"END ")?),
    };
    PEM_LABELS.iter().find_map(|label| {
        let after = rest.strip_prefix(label.as_bytes())?;
        let after = after.strip_prefix(b"-").or_else(|| after.strip_prefix(b" "))?;
        after.strip_prefix(b"----").map(|tail| (begins, *label, key.len() - tail.len()))
    })
}

/// `jwt.utils.is_ssh_key`.
fn is_ssh_key(key: &[u8]) -> bool {
    ["ssh-ed25519", "ssh-rsa", "ssh-dss", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521"]
        .iter()
        .any(|prefix| key.starts_with(prefix.as_bytes()))
}

/// Whether the key is JSON holding an object with a `kty` member anywhere.
fn looks_like_jwk(bytes: &[u8]) -> Step<bool> {
    let Ok(text) = python_text(bytes) else { return Ok(false) };
    match jsontext::python(&text) {
        Walk::Invalid(_) => Ok(false),
        Walk::Unknown => Err(Stop::unknown("the key is JSON nested deeper than the debugger reads")),
        Walk::Valid => match serde_json::from_str::<Value>(&text.iter().collect::<String>()) {
            Ok(value) => Ok(has_kty(&value)),
            Err(_) => Err(Stop::unknown("the key is JSON the debugger does not read (NaN, Infinity, 1e400)")),
        },
    }
}

fn has_kty(value: &Value) -> bool {
    match value {
        Value::Object(o) => o.contains_key("kty") || o.values().any(has_kty),
        Value::Array(a) => a.iter().any(has_kty),
        _ => false,
    }
}

/// `check_crypto_key_type`: the key's family must fit the algorithm.
fn check_type(algorithm: Algorithm, key: Loaded) -> Step<Loaded> {
    if algorithm.takes(&key.key) {
        return Ok(key);
    }
    Err(invalid_key(format!(
        "Expected one of <generator object Algorithm.check_crypto_key_type.<locals>.<genexpr> at 0x…>, got: {}. Invalid Key type for {}",
        key.python_class(),
        algorithm.class()
    )))
}

/// `ECAlgorithm._validate_curve`.
fn check_curve(key: &Loaded, expected: EcCurve) -> Step {
    match key.key {
        KeyType::Ec { curve, .. } if curve != expected => Err(invalid_key(format!(
            "The key's curve '{}' does not match the expected curve '{}' for this algorithm",
            curve.python_name(),
            expected.python_name()
        ))),
        _ => Ok(()),
    }
}

/// A cryptography loader's error, raised (its text known) or unknown.
fn loader_error(error: PyLoadError) -> Stop {
    match error {
        PyLoadError::Value(Some(message)) => raise("ValueError", message),
        PyLoadError::Value(None) => {
            Stop::unknown("cryptography raises a ValueError whose text the debugger does not know")
        }
        PyLoadError::Type(message) => raise("TypeError", message),
    }
}

/// `RSAAlgorithm.prepare_key`: an OpenSSH line, else a private key, else a public key.
fn prepare_rsa(algorithm: Algorithm, bytes: &[u8]) -> Step<Prepared> {
    let first = if bytes.starts_with(b"ssh-rsa") {
        keyload::ssh_public(bytes)
    } else {
        match keyload::python_private(bytes) {
            Ok(loaded) => Some(loaded?),
            Err(PyLoadError::Type(message)) => return Err(raise("TypeError", message)),
            Err(PyLoadError::Value(_)) => None,
        }
    };
    if let Some(key) = first {
        return Ok(Prepared::Asym(check_type(algorithm, key)?));
    }
    match keyload::python_public(bytes) {
        Ok(loaded) => Ok(Prepared::Asym(check_type(algorithm, loaded?)?)),
        Err(_) => Err(invalid_key("Could not parse the provided public key.")),
    }
}

/// `ECAlgorithm.prepare_key`: a public key (or OpenSSH line), else a private key.
fn prepare_ec(algorithm: Algorithm, curve: EcCurve, bytes: &[u8]) -> Step<Prepared> {
    let public = if bytes.starts_with(b"ecdsa-sha2-") {
        keyload::ssh_public(bytes).map(Ok)
    } else {
        keyload::python_public(bytes).ok()
    };
    let key = match public {
        Some(loaded) => loaded?,
        None => keyload::python_private(bytes).map_err(loader_error)??,
    };
    let key = check_type(algorithm, key)?;
    check_curve(&key, curve)?;
    Ok(Prepared::Asym(key))
}

/// `OKPAlgorithm.prepare_key`: picked by the PEM markers in the text.
fn prepare_okp(key: &Arg) -> Step<Prepared> {
    let text = match key {
        Arg::Str(text) => text.as_str(),
        Arg::Bytes(bytes) => {
            return Err(match std::str::from_utf8(bytes).map_err(|e| utf8_error(bytes, &e)) {
                Err(Decoding::Error(message)) => raise("UnicodeDecodeError", message),
                _ => Stop::unknown("bytes the debugger does not decode as Python does"),
            });
        }
        Arg::Jwk(_) => return Err(Stop::unknown("no key")),
    };
    let loaded = if text.contains("-----BEGIN PUBLIC") {
        keyload::python_public(text.as_bytes()).map_err(loader_error)??
    } else if text.contains("-----BEGIN PRIVATE") {
        keyload::python_private(text.as_bytes()).map_err(loader_error)??
    } else if text.starts_with("ssh-") {
        keyload::ssh_public(text.as_bytes()).ok_or_else(|| {
            Stop::unknown("cryptography refuses this OpenSSH line, in words the debugger does not know")
        })?
    } else {
        return Err(invalid_key("Not a public or private key"));
    };
    Ok(Prepared::Asym(check_type(Algorithm::Okp, loaded)?))
}

/// `alg_obj.verify(signing_input, key, signature)`.
fn verifies(algorithm: Algorithm, alg: &str, key: &Prepared, jws: &Jws<'_>) -> Step<bool> {
    let (input, signature) = (jws.signing_input.as_bytes(), jws.signature.as_slice());
    let key = match (algorithm, key) {
        (Algorithm::NoneAlg, _) => return Ok(false),
        (Algorithm::Hmac(hash), Prepared::Secret(secret)) => {
            return Ok(crate::mac::verify(hash, secret, input, signature));
        }
        (_, Prepared::Asym(key)) => key,
        _ => return Err(Stop::unknown("a key PyJWT's own checks should have refused")),
    };
    match algorithm {
        Algorithm::Rsa(_) | Algorithm::Pss(_) if key.private => Err(raise(
            "AttributeError",
            "'cryptography.hazmat.bindings._rust.openssl.rsa.RSA' object has no attribute 'verify'",
        )),
        Algorithm::Rsa(_) | Algorithm::Pss(_) if !pss_allows(algorithm, &key.key) => Ok(false),
        Algorithm::Ec(_, curve) => {
            let size = curve.field_bytes();
            if signature.len() != 2 * size {
                return Ok(false);
            }
            public_verify(if alg == "ES521" { "ES512" } else { alg }, key, input, signature)
        }
        _ => public_verify(alg, key, input, signature),
    }
}

/// Whether an RSA-PSS key's restrictions let OpenSSL verify `algorithm` at all.
fn pss_allows(algorithm: Algorithm, key: &KeyType) -> bool {
    match (algorithm, key) {
        (Algorithm::Rsa(_), KeyType::RsaPss { .. }) => false,
        (Algorithm::Pss(hash), KeyType::RsaPss { params: Some(p), .. }) => {
            let name = keyload::openssl_hash(hash);
            p.hash == name && p.mgf1_hash == name && usize::from(p.salt_len) <= hash.output_bytes()
        }
        _ => true,
    }
}

/// A public-key signature check, where the debugger has the code for it.
fn public_verify(alg: &str, key: &Loaded, input: &[u8], signature: &[u8]) -> Step<bool> {
    let (Some(alg), Some(public)) = (Alg::parse(alg), key.verifier()) else {
        return Err(Stop::unknown(format!(
            "PyJWT would check this signature with a {} key, which the debugger has no code for",
            key.python_class()
        )));
    };
    Ok(Full.verify(alg, Verifier::Public(&public), input, signature))
}

/// `PyJWT._validate_claims` (no `require` list): iat, nbf, exp, iss, aud, sub, jti.
fn validate_claims(payload: &Map<String, Value>, options: &ServerOptions, now: i64) -> Step {
    let (now, leeway) = (i128::from(now), i128::from(options.clock_tolerance));
    let time = |name: &str, exception: &str, message: &str| -> Step<Option<i128>> {
        match payload.get(name).map(pyvalue::int) {
            None => Ok(None),
            Some(PyInt::Int(value)) => Ok(Some(value)),
            Some(PyInt::Raises) => Err(raise(exception, message)),
            Some(PyInt::Unknown) => {
                Err(Stop::unknown(format!("the debugger cannot tell what int() makes of this {name}")))
            }
        }
    };
    let iat = time("iat", "InvalidIssuedAtError", "Issued At claim (iat) must be an integer.")?;
    if iat.is_some_and(|iat| iat > now + leeway) {
        return Err(raise("ImmatureSignatureError", "The token is not yet valid (iat)"));
    }
    if !options.ignore_not_before {
        let nbf = time("nbf", "DecodeError", "Not Before claim (nbf) must be an integer.")?;
        if nbf.is_some_and(|nbf| nbf > now + leeway) {
            return Err(raise("ImmatureSignatureError", "The token is not yet valid (nbf)"));
        }
    }
    if !options.ignore_expiration {
        let exp = time("exp", "DecodeError", "Expiration Time claim (exp) must be an integer.")?;
        if exp.is_some_and(|exp| exp <= now - leeway) {
            return Err(raise("ExpiredSignatureError", "Signature has expired"));
        }
    }
    validate_issuer(payload, &options.issuer)?;
    validate_audience(payload, &options.audience)?;
    validate_subject(payload, options.subject.as_deref())?;
    if payload.get("jti").is_some_and(|jti| !jti.is_string()) {
        return Err(raise("InvalidJTIError", "JWT ID must be a string"));
    }
    Ok(())
}

fn missing(claim: &str) -> Stop {
    raise("MissingRequiredClaimError", format!("Token is missing the \"{claim}\" claim"))
}

fn validate_issuer(payload: &Map<String, Value>, issuer: &[String]) -> Step {
    if issuer.is_empty() {
        return Ok(());
    }
    let iss = payload.get("iss").ok_or_else(|| missing("iss"))?;
    let iss =
        iss.as_str().ok_or_else(|| raise("InvalidIssuerError", "Payload Issuer (iss) must be a string"))?;
    if issuer.iter().any(|i| i == iss) { Ok(()) } else { Err(raise("InvalidIssuerError", "Invalid issuer")) }
}

fn validate_audience(payload: &Map<String, Value>, audience: &[String]) -> Step {
    let aud = payload.get("aud").filter(|a| truthy(a));
    if audience.is_empty() {
        return match aud {
            Some(_) => Err(raise("InvalidAudienceError", "Invalid audience")),
            None => Ok(()),
        };
    }
    let bad_format = || raise("InvalidAudienceError", "Invalid claim format in token");
    let claims: Vec<&str> = match aud.ok_or_else(|| missing("aud"))? {
        Value::String(one) => vec![one.as_str()],
        Value::Array(items) => {
            items.iter().map(Value::as_str).collect::<Option<_>>().ok_or_else(bad_format)?
        }
        _ => return Err(bad_format()),
    };
    if audience.iter().any(|a| claims.contains(&a.as_str())) {
        Ok(())
    } else {
        Err(raise("InvalidAudienceError", "Audience doesn't match"))
    }
}

fn validate_subject(payload: &Map<String, Value>, subject: Option<&str>) -> Step {
    let Some(sub) = payload.get("sub") else { return Ok(()) };
    let sub = sub.as_str().ok_or_else(|| raise("InvalidSubjectError", "Subject must be a string"))?;
    match subject {
        Some(subject) if subject != sub => Err(raise("InvalidSubjectError", "Invalid subject")),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pem_markers_as_pyjwt_finds_them() {
        assert!(is_pem_format(b"-----BEGIN PUBLIC KEY-----\nAA\n-----END PUBLIC KEY-----"));
        assert!(is_pem_format(b"x ---- BEGIN RSA PRIVATE KEY ---- y ---- END RSA PRIVATE KEY ----"));
        assert!(!is_pem_format(b"-----END PUBLIC KEY----- -----BEGIN PUBLIC KEY-----"));
        assert!(!is_pem_format(b"-----BEGIN PUBLIC KEY-----\nAA\n-----END CERTIFICATE-----"));
        assert!(!is_pem_format(b"-----BEGIN FOO-----\n-----END FOO-----"));
    }

    #[test]
    fn python_utf8_errors() {
        let message = |b: &[u8]| match python_text(b) {
            Err(Decoding::Error(m)) => m,
            _ => String::new(),
        };
        assert_eq!(
            message(b"{\"a\":\"\xff\"}"),
            "'utf-8' codec can't decode byte 0xff in position 6: invalid start byte"
        );
        assert_eq!(
            message(b"ab\xe2\x82"),
            "'utf-8' codec can't decode bytes in position 2-3: unexpected end of data"
        );
        assert_eq!(
            message(b"a\xe2(b"),
            "'utf-8' codec can't decode byte 0xe2 in position 1: invalid continuation byte"
        );
        assert_eq!(python_text(b"\xef\xbb\xbf{}").ok(), Some(vec!['{', '}']));
        assert!(matches!(python_text(b"{\0\"\0"), Err(Decoding::Unknown)));
    }
}
