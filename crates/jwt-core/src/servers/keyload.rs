//! Key text as OpenSSL reads it for node (`crypto.createPublicKey`) and as pyca/cryptography
//! reads it for PyJWT (`load_pem_public_key`, `load_pem_private_key`, `load_ssh_public_key`):
//! which PEM block is used, which kind of key it holds, and the public key to verify with.

use der::asn1::{ObjectIdentifier, OctetStringRef};
use der::{Decode, Reader, SliceReader, TagMode, TagNumber};
use serde_json::Value;

use super::{Step, Stop};
use crate::alg::{Curve, Hash};
use crate::b64::{self, Alphabet};
use crate::formats;
use crate::key::{PublicKey, strip_zeros};
use crate::oid;

/// The curves an EC key can be on, as far as the libraries' checks go: the debugger's own.
pub(super) type EcCurve = Curve;

impl Curve {
    /// OpenSSL's name (node's `asymmetricKeyDetails.namedCurve`).
    pub(super) fn openssl_name(self) -> &'static str {
        match self {
            Curve::P256 => "prime256v1",
            Curve::P384 => "secp384r1",
            Curve::P521 => "secp521r1",
            Curve::Secp256k1 => "secp256k1",
        }
    }

    /// pyca/cryptography's name (`key.curve.name`).
    pub(super) fn python_name(self) -> &'static str {
        match self {
            Curve::P256 => "secp256r1",
            Curve::P384 => "secp384r1",
            Curve::P521 => "secp521r1",
            Curve::Secp256k1 => "secp256k1",
        }
    }

    fn from_oid(oid: ObjectIdentifier) -> Option<Self> {
        match oid {
            oid::P256 => Some(Curve::P256),
            oid::P384 => Some(Curve::P384),
            oid::P521 => Some(Curve::P521),
            oid::SECP256K1 => Some(Curve::Secp256k1),
            _ => None,
        }
    }
}

/// The restrictions of an RSASSA-PSS key (RFC 4055), with hashes by OpenSSL's names ("sha256").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct PssParams {
    pub hash: &'static str,
    pub mgf1_hash: &'static str,
    pub salt_len: u8,
}

/// A key type with what verifying needs of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum KeyType {
    Rsa {
        n: Vec<u8>,
        e: Vec<u8>,
    },
    /// An RSA key restricted to PSS; `params` when the key carries them.
    RsaPss {
        n: Vec<u8>,
        e: Vec<u8>,
        params: Option<PssParams>,
    },
    /// The public point, when the debugger has it.
    Ec {
        curve: EcCurve,
        point: Option<Vec<u8>>,
    },
    Ed25519(Option<[u8; 32]>),
    Ed448(Option<Box<[u8; 57]>>),
    X25519,
    X448,
    Dsa,
}

/// A key read from PEM, DER, a JWK or an OpenSSH line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Loaded {
    pub key: KeyType,
    /// Read from private key material (node derives the public key; PyJWT keeps a private key).
    pub private: bool,
}

impl Loaded {
    fn public(key: KeyType) -> Self {
        Self { key, private: false }
    }

    /// node's `keyObject.asymmetricKeyType`.
    pub(super) fn node_type(&self) -> &'static str {
        match self.key {
            KeyType::Rsa { .. } => "rsa",
            KeyType::RsaPss { .. } => "rsa-pss",
            KeyType::Ec { .. } => "ec",
            KeyType::Ed25519(_) => "ed25519",
            KeyType::Ed448(_) => "ed448",
            KeyType::X25519 => "x25519",
            KeyType::X448 => "x448",
            KeyType::Dsa => "dsa",
        }
    }

    /// pyca/cryptography's class name ("RSAPublicKey", "ECPrivateKey", …).
    pub(super) fn python_class(&self) -> String {
        let family = match self.key {
            KeyType::Rsa { .. } | KeyType::RsaPss { .. } => "RSA",
            KeyType::Ec { .. } => "EC",
            KeyType::Ed25519(_) => "Ed25519",
            KeyType::Ed448(_) => "Ed448",
            KeyType::X25519 => "X25519",
            KeyType::X448 => "X448",
            KeyType::Dsa => "DSA",
        };
        format!("{family}{}Key", if self.private { "Private" } else { "Public" })
    }

    /// The public key to verify with, when the debugger can verify with it.
    pub(super) fn verifier(&self) -> Option<PublicKey> {
        match &self.key {
            KeyType::Rsa { n, e } | KeyType::RsaPss { n, e, .. } => {
                Some(PublicKey::Rsa { n: n.clone(), e: e.clone() })
            }
            KeyType::Ec { curve, point: Some(point) } => {
                Some(PublicKey::Ec { curve: *curve, point: point.clone() })
            }
            KeyType::Ed25519(Some(x)) => Some(PublicKey::Ed25519(*x)),
            KeyType::Ed448(Some(x)) => Some(PublicKey::Ed448(x.clone())),
            _ => None,
        }
    }
}

/// A key no one can tell apart further: the debugger has no model of it.
fn unmodelled(what: impl std::fmt::Display) -> Stop {
    Stop::unknown(format!("the debugger does not model {what} keys"))
}

/// `crypto.createPublicKey(text)` on a string or Buffer: `Ok(Some(key))`, or `Ok(None)` when it
/// throws (jsonwebtoken then uses the text as an HMAC secret). OpenSSL looks for a
/// `PUBLIC KEY` block, then `RSA PUBLIC KEY`, then `CERTIFICATE`, then a private key; a block
/// found but unreadable stops the search (and the call throws).
pub(super) fn openssl_public(text: &[u8]) -> Step<Option<Loaded>> {
    let blocks = pem::parse_many(text).unwrap_or_default();
    let first = |tags: &[&str]| blocks.iter().find(|b| tags.contains(&b.tag()));
    if let Some(block) = first(&["PUBLIC KEY"]) {
        return from_spki(block.contents());
    }
    if let Some(block) = first(&["RSA PUBLIC KEY"]) {
        return Ok(rsa_pkcs1_public(block.contents()));
    }
    if let Some(block) = first(&["CERTIFICATE"]) {
        return from_certificate(block.contents());
    }
    match first(&PRIVATE_TAGS) {
        // Without a passphrase an encrypted key does not load.
        Some(block) if block.tag() == "ENCRYPTED PRIVATE KEY" => Ok(None),
        Some(block) => from_private(block.tag(), block.contents()),
        None => Ok(None),
    }
}

/// The PEM labels of private keys.
const PRIVATE_TAGS: [&str; 5] =
    ["PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY"];

/// What a pyca/cryptography loader raises.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum PyLoadError {
    /// `ValueError(message)`; `None` when the debugger does not know the text.
    Value(Option<String>),
    /// `TypeError(message)`.
    Type(String),
}

/// `cryptography`'s `ValueError` text for text with no PEM block at all.
const NO_PEM: &str = "Unable to load PEM file. See https://cryptography.io/en/latest/faq/#why-can-t-i-import-my-pem-file for more details. MalformedFraming";

/// `load_pem_public_key(text)`: the first `PUBLIC KEY` or `RSA PUBLIC KEY` block.
pub(super) fn python_public(text: &[u8]) -> Result<Step<Loaded>, PyLoadError> {
    let block = python_block(
        text,
        &["PUBLIC KEY", "RSA PUBLIC KEY"],
        "Valid PEM but no BEGIN PUBLIC KEY/END PUBLIC KEY delimiters. Are you sure this is a public key?",
    )?;
    let loaded = match block.tag() {
        "RSA PUBLIC KEY" => Ok(rsa_pkcs1_public(block.contents())),
        _ => from_spki(block.contents()),
    };
    python_result(loaded)
}

/// `load_pem_private_key(text, password=None)`: the first private-key block.
pub(super) fn python_private(text: &[u8]) -> Result<Step<Loaded>, PyLoadError> {
    let block = python_block(
        text,
        &PRIVATE_TAGS,
        "Valid PEM but no BEGIN/END delimiters for a private key found. Are you sure this is a private key?",
    )?;
    if block.tag() == "ENCRYPTED PRIVATE KEY" {
        return Err(PyLoadError::Type("Password was not given but private key is encrypted".to_owned()));
    }
    python_result(from_private(block.tag(), block.contents()))
}

/// The first PEM block with one of `tags`, as cryptography's `find_in_pem` picks it.
fn python_block(text: &[u8], tags: &[&str], none_found: &str) -> Result<pem::Pem, PyLoadError> {
    let blocks = pem::parse_many(text).map_err(|_| PyLoadError::Value(None))?;
    if blocks.is_empty() {
        return Err(PyLoadError::Value(Some(NO_PEM.to_owned())));
    }
    blocks
        .into_iter()
        .find(|b| tags.contains(&b.tag()))
        .ok_or_else(|| PyLoadError::Value(Some(none_found.to_owned())))
}

/// A key read from a block: unreadable DER is a `ValueError` whose text the debugger does not know.
fn python_result(loaded: Step<Option<Loaded>>) -> Result<Step<Loaded>, PyLoadError> {
    match loaded {
        Ok(Some(key)) => Ok(Ok(key)),
        Ok(None) => Err(PyLoadError::Value(None)),
        Err(stop) => Ok(Err(stop)),
    }
}

/// A DER SubjectPublicKeyInfo: `Ok(None)` when OpenSSL (and cryptography) cannot read it.
pub(super) fn from_spki(der: &[u8]) -> Step<Option<Loaded>> {
    let Ok(spki) = spki::SubjectPublicKeyInfoRef::from_der(der) else { return Ok(None) };
    let Some(bits) = spki.subject_public_key.as_bytes() else { return Ok(None) };
    let algorithm = spki.algorithm.oid;
    let key = match algorithm {
        oid::RSA => rsa_pkcs1_public(bits).map(|l| l.key),
        oid::RSA_PSS => pss_key(rsa_pkcs1_public(bits), spki.algorithm.parameters)?,
        oid::EC => {
            let curve_oid = spki.algorithm.parameters_oid().ok();
            let curve = curve_oid.and_then(EcCurve::from_oid).ok_or_else(|| unmodelled("EC curve"))?;
            ec_point(curve, bits)
        }
        oid::ED25519 => <[u8; 32]>::try_from(bits).ok().map(|x| KeyType::Ed25519(Some(x))),
        oid::ED448 => <[u8; 57]>::try_from(bits).ok().map(|x| KeyType::Ed448(Some(Box::new(x)))),
        oid::X25519 => (bits.len() == 32).then_some(KeyType::X25519),
        oid::X448 => (bits.len() == 56).then_some(KeyType::X448),
        oid::DSA => Some(KeyType::Dsa),
        other => return Err(unmodelled(oid::name(&other))),
    };
    Ok(key.map(Loaded::public))
}

/// Whether cryptography reads `bytes` as a DER public key (SubjectPublicKeyInfo or PKCS#1) or
/// a DER certificate: PyJWT refuses such bytes as an HMAC secret.
pub(super) fn is_der_key(bytes: &[u8]) -> Step<bool> {
    let certificate = || x509_cert::Certificate::from_der(bytes).is_ok();
    Ok(from_spki(bytes)?.is_some() || rsa_pkcs1_public(bytes).is_some() || certificate())
}

/// An RSA-PSS key from its RSA numbers and its (optional) parameters.
fn pss_key(rsa: Option<Loaded>, params: Option<der::asn1::AnyRef<'_>>) -> Step<Option<KeyType>> {
    let Some(Loaded { key: KeyType::Rsa { n, e }, .. }) = rsa else { return Ok(None) };
    let params = match params {
        None => None,
        Some(any) => Some(pss_params(any).ok_or_else(|| unmodelled("RSA-PSS parameter"))?),
    };
    Ok(Some(KeyType::RsaPss { n, e, params }))
}

/// RSASSA-PSS-params, with the hashes by name.
fn pss_params(any: der::asn1::AnyRef<'_>) -> Option<PssParams> {
    use der::Encode;
    let params = rsa::pkcs1::RsaPssParamsOwned::try_from(any.to_der().ok()?.as_slice()).ok()?;
    let mgf1_hash = params.mask_gen.parameters.as_ref().map(|p| p.oid)?;
    Some(PssParams {
        hash: hash_name(params.hash.oid)?,
        mgf1_hash: hash_name(mgf1_hash)?,
        salt_len: params.salt_len,
    })
}

/// OpenSSL's name for a hash OID.
fn hash_name(oid: ObjectIdentifier) -> Option<&'static str> {
    const HASHES: [(&str, &str); 5] = [
        ("1.3.14.3.2.26", "sha1"),
        ("2.16.840.1.101.3.4.2.4", "sha224"),
        ("2.16.840.1.101.3.4.2.1", "sha256"),
        ("2.16.840.1.101.3.4.2.2", "sha384"),
        ("2.16.840.1.101.3.4.2.3", "sha512"),
    ];
    let dotted = oid.to_string();
    HASHES.iter().find(|(o, _)| *o == dotted).map(|(_, name)| *name)
}

/// OpenSSL's name for one of the JWS hashes.
pub(super) fn openssl_hash(hash: Hash) -> &'static str {
    match hash {
        Hash::Sha256 => "sha256",
        Hash::Sha384 => "sha384",
        Hash::Sha512 => "sha512",
    }
}

/// A PKCS#1 `RSAPublicKey`.
fn rsa_pkcs1_public(der: &[u8]) -> Option<Loaded> {
    let key = rsa::pkcs1::RsaPublicKeyRef::from_der(der).ok()?;
    Some(Loaded::public(rsa_numbers(key.modulus.as_bytes(), key.public_exponent.as_bytes())))
}

fn rsa_numbers(n: &[u8], e: &[u8]) -> KeyType {
    KeyType::Rsa { n: strip_zeros(n).to_vec(), e: strip_zeros(e).to_vec() }
}

/// An EC public point, checked to be on the curve where the debugger can check it.
fn ec_point(curve: EcCurve, point: &[u8]) -> Option<KeyType> {
    formats::ec_public(curve, point).is_ok().then(|| KeyType::Ec { curve, point: Some(point.to_vec()) })
}

/// The public key of a DER X.509 certificate.
fn from_certificate(der: &[u8]) -> Step<Option<Loaded>> {
    use der::Encode;
    let Ok(cert) = x509_cert::Certificate::from_der(der) else { return Ok(None) };
    match cert.tbs_certificate().subject_public_key_info().to_der() {
        Ok(spki) => from_spki(&spki),
        Err(_) => Ok(None),
    }
}

/// A private key block (`PRIVATE KEY`, `RSA PRIVATE KEY`, `EC PRIVATE KEY`).
fn from_private(tag: &str, der: &[u8]) -> Step<Option<Loaded>> {
    let key = match tag {
        "PRIVATE KEY" => pkcs8(der)?,
        "RSA PRIVATE KEY" => rsa_private(der),
        "EC PRIVATE KEY" => sec1(der)?,
        other => return Err(unmodelled(format!("\"{other}\""))),
    };
    Ok(key.map(|key| Loaded { key, private: true }))
}

/// A PKCS#1 `RSAPrivateKey`'s public numbers.
fn rsa_private(der: &[u8]) -> Option<KeyType> {
    let key = rsa::pkcs1::RsaPrivateKeyRef::from_der(der).ok()?;
    Some(rsa_numbers(key.modulus.as_bytes(), key.public_exponent.as_bytes()))
}

/// A PKCS#8 private key's type and public half.
fn pkcs8(der: &[u8]) -> Step<Option<KeyType>> {
    let Ok(info) = p256::pkcs8::PrivateKeyInfoRef::from_der(der) else { return Ok(None) };
    let private = info.private_key.as_bytes();
    Ok(match info.algorithm.oid {
        oid::RSA => rsa_private(private),
        oid::RSA_PSS => {
            let rsa = rsa_private(private).map(Loaded::public);
            pss_key(rsa, info.algorithm.parameters)?
        }
        oid::EC => {
            let curve = info.algorithm.parameters_oid().ok().and_then(EcCurve::from_oid);
            ec_private(curve.ok_or_else(|| unmodelled("EC curve"))?, der, true)
        }
        oid::ED25519 => {
            use p256::pkcs8::DecodePrivateKey;
            ed25519_dalek::SigningKey::from_pkcs8_der(der)
                .ok()
                .map(|k| KeyType::Ed25519(Some(k.verifying_key().to_bytes())))
        }
        oid::ED448 => ed448_goldilocks::SigningKey::try_from(info)
            .ok()
            .map(|k| KeyType::Ed448(Some(Box::new(k.verifying_key().to_bytes())))),
        oid::X25519 => Some(KeyType::X25519),
        oid::X448 => Some(KeyType::X448),
        oid::DSA => Some(KeyType::Dsa),
        other => return Err(unmodelled(oid::name(&other))),
    })
}

/// A SEC1 `ECPrivateKey` (its curve from its parameters).
fn sec1(der: &[u8]) -> Step<Option<KeyType>> {
    let curve = sec1_curve(der).ok_or_else(|| unmodelled("EC private key without a named curve"))?;
    let curve = EcCurve::from_oid(curve).ok_or_else(|| unmodelled("EC curve"))?;
    Ok(ec_private(curve, der, false))
}

/// The `parameters [0]` named curve of a SEC1 `ECPrivateKey`.
fn sec1_curve(der: &[u8]) -> Option<ObjectIdentifier> {
    let mut reader = SliceReader::new(der).ok()?;
    reader
        .sequence(|seq| {
            let _version = u8::decode(seq)?;
            let _key = <&OctetStringRef>::decode(seq)?;
            let curve = seq.context_specific::<ObjectIdentifier>(TagNumber(0), TagMode::Explicit)?;
            let _public =
                seq.context_specific::<der::asn1::BitStringRef<'_>>(TagNumber(1), TagMode::Explicit)?;
            Ok::<_, der::Error>(curve)
        })
        .ok()
        .flatten()
}

/// An EC private key's public point.
fn ec_private(curve: EcCurve, der: &[u8], pkcs8: bool) -> Option<KeyType> {
    use p256::elliptic_curve::sec1::ToSec1Point;
    use p256::pkcs8::DecodePrivateKey;
    macro_rules! point {
        ($curve:ident) => {{
            let key = if pkcs8 {
                $curve::SecretKey::from_pkcs8_der(der).ok()
            } else {
                $curve::SecretKey::from_sec1_der(der).ok()
            };
            key.map(|k| k.public_key().to_sec1_point(false).as_bytes().to_vec())
        }};
    }
    let point = match curve {
        Curve::P256 => Some(point!(p256)?),
        Curve::P384 => Some(point!(p384)?),
        Curve::P521 => Some(point!(p521)?),
        Curve::Secp256k1 => Some(point!(k256)?),
    };
    Some(KeyType::Ec { curve, point })
}

/// `load_ssh_public_key(line)` for `ssh-rsa`, `ssh-ed25519` and `ecdsa-sha2-nistp*` lines:
/// `None` where cryptography raises `ValueError`.
pub(super) fn ssh_public(line: &[u8]) -> Option<Loaded> {
    let text = std::str::from_utf8(line).ok()?;
    let mut words = text.split([' ', '\t']).filter(|w| !w.is_empty());
    let (kind, body) = (words.next()?, words.next()?);
    let blob = b64::decode_lenient_in(body, Alphabet::Standard)?;
    let mut rest = blob.as_slice();
    if ssh_string(&mut rest)? != kind.as_bytes() {
        return None;
    }
    let key = match kind {
        "ssh-rsa" => {
            let e = ssh_string(&mut rest)?;
            let n = ssh_string(&mut rest)?;
            rsa_numbers(n, e)
        }
        "ssh-ed25519" => KeyType::Ed25519(Some(ssh_string(&mut rest)?.try_into().ok()?)),
        "ecdsa-sha2-nistp256" | "ecdsa-sha2-nistp384" | "ecdsa-sha2-nistp521" => {
            let curve = match ssh_string(&mut rest)? {
                b"nistp256" => Curve::P256,
                b"nistp384" => Curve::P384,
                b"nistp521" => Curve::P521,
                _ => return None,
            };
            ec_point(curve, ssh_string(&mut rest)?)?
        }
        _ => return None,
    };
    rest.is_empty().then(|| Loaded::public(key))
}

/// One length-prefixed SSH wire string.
fn ssh_string<'a>(rest: &mut &'a [u8]) -> Option<&'a [u8]> {
    let (len, tail) = rest.split_first_chunk::<4>()?;
    let len = usize::try_from(u32::from_be_bytes(*len)).ok()?;
    let (value, tail) = tail.split_at_checked(len)?;
    *rest = tail;
    Some(value)
}

/// An RSA, EC or OKP JWK as both libraries import it (node: `createPublicKey({format: 'jwk'})`,
/// PyJWT: `from_jwk`); private members make it a private key. `Err(Unknown)` for JWKs the
/// debugger does not read (the libraries' own refusals are not modelled).
pub(super) fn from_jwk(jwk: &Value) -> Step<Loaded> {
    let private = jwk.get("d").is_some();
    let unreadable = |why: String| Stop::unknown(format!("the debugger cannot read this JWK ({why})"));
    let member = |name: &str| formats::jwk_bytes(jwk, name).map_err(|e| unreadable(e.to_string()));
    let key = match (jwk.get("kty").and_then(Value::as_str), jwk.get("crv").and_then(Value::as_str)) {
        (Some("RSA"), _) => {
            let crt = ["p", "q", "dp", "dq", "qi"];
            if private && !crt.iter().all(|m| jwk.get(m).is_some()) {
                return Err(unreadable("a private RSA JWK without its CRT members".to_owned()));
            }
            rsa_numbers(&member("n")?, &member("e")?)
        }
        (Some("EC" | "OKP"), Some("P-256" | "P-384" | "P-521" | "secp256k1" | "Ed25519" | "Ed448")) => {
            match formats::jwk_public(jwk).map_err(|e| unreadable(e.to_string()))? {
                PublicKey::Ec { curve, point } => KeyType::Ec { curve, point: Some(point) },
                PublicKey::Ed25519(x) => KeyType::Ed25519(Some(x)),
                PublicKey::Ed448(x) => KeyType::Ed448(Some(x)),
                other => return Err(unreadable(other.describe())),
            }
        }
        (Some("OKP"), Some("X25519")) => KeyType::X25519,
        (Some("OKP"), Some("X448")) => KeyType::X448,
        (kty, crv) => return Err(unreadable(format!("kty {kty:?}, crv {crv:?}"))),
    };
    Ok(Loaded { key, private })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_names_follow_cryptography() {
        let rsa = Loaded { key: KeyType::Rsa { n: vec![1], e: vec![3] }, private: true };
        assert_eq!(rsa.python_class(), "RSAPrivateKey");
        assert_eq!(rsa.node_type(), "rsa");
        let ec = Loaded::public(KeyType::Ec { curve: Curve::Secp256k1, point: None });
        assert_eq!((ec.python_class().as_str(), ec.node_type()), ("ECPublicKey", "ec"));
        assert!(ec.verifier().is_none());
        let point = vec![4; 65];
        let k1 = Loaded::public(KeyType::Ec { curve: Curve::Secp256k1, point: Some(point.clone()) });
        assert_eq!(k1.verifier(), Some(PublicKey::Ec { curve: Curve::Secp256k1, point }));
    }

    #[test]
    fn text_without_pem_is_a_secret_to_node_and_malformed_framing_to_cryptography() {
        assert_eq!(openssl_public(b"my secret"), Ok(None));
        assert_eq!(python_private(b"my secret"), Err(PyLoadError::Value(Some(NO_PEM.to_owned()))));
        let cert_only = b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
        assert!(
            matches!(python_private(cert_only), Err(PyLoadError::Value(Some(m))) if m.contains("private key"))
        );
        // A PUBLIC KEY block that does not read stops OpenSSL's search: a secret again.
        assert_eq!(
            openssl_public(b"-----BEGIN PUBLIC KEY-----\nAAAAAAAA\n-----END PUBLIC KEY-----\n"),
            Ok(None)
        );
    }

    #[test]
    fn ssh_strings_must_be_whole() {
        let mut rest: &[u8] = &[0, 0, 0, 2, b'h', b'i', 9];
        assert_eq!(ssh_string(&mut rest), Some(&b"hi"[..]));
        assert_eq!(rest, &[9]);
        assert_eq!(ssh_string(&mut rest), None);
        assert!(ssh_public(b"ssh-rsa AAAA").is_none());
    }
}
