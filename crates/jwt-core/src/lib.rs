//! The JWT core of jwt-debugger: decode, explain, verify and sign JSON Web Tokens.
//!
//! Pure Rust with no web dependencies, for native and `wasm32-unknown-unknown` alike: the page
//! runs it in the browser, the `jwt-debugger` CLI and server natively. It never reads the
//! clock: [`analyse`] is clock-free, and [`time::judge`] judges `exp`/`nbf` at an instant the
//! caller passes.
//!
//! The verdict follows the contract in `CONTRACT.md` (a copy of the shared fixtures' README);
//! the step numbers in comments are its steps.
//!
//! - [`decode`] reads pasted text (steps 1–12), [`check_signature`] checks it with a key
//!   (step 13), [`Verdict::of`] ranks the problems (step 14); [`analyse`] does all three.
//! - [`parse_key`] reads a verification key; [`SigningKey::parse`] a signing key.
//! - [`sign_json`] and [`sign_signing_input`] sign; [`generate`] makes keys; [`explain`] shows
//!   the signature computation.
//! - [`known_secrets::find`] checks an HMAC token against the publicly known secrets (not part of
//!   [`analyse`]: a few hundred HMACs); its result goes into [`Inspection`].
#![forbid(unsafe_code)]

pub mod alg;
pub mod analyse;
pub mod b64;
pub mod claims;
pub mod discovery;
pub mod error;
pub mod explain;
pub mod formats;
pub mod json;
pub mod key;
pub mod keygen;
pub mod keys;
pub mod known_secrets;
pub mod mac;
pub mod mldsa;
pub mod oid;
pub mod pretty;
pub mod secret_cleanup;
pub mod servers;
pub mod sign;
pub mod time;
pub mod verdict;
pub mod verify;

pub use alg::{Alg, Curve, Family, Hash, MlDsa};
pub use analyse::{
    Cleanup, Decoded, MAX_INPUT_BYTES, Report, SignatureCheck, SignedParts, analyse, analyse_with,
    check_signature, check_signed, decode, suggest_cleanup,
};
pub use error::{ErrorKind, KeyError, KeygenError, SignError, Warning};
pub use explain::{Explanation, explain};
pub use key::{PublicKey, SigningKey};
pub use keygen::{GeneratedKey, KeygenKind, generate};
pub use keys::{KeyKind, KeyMaterial, ParsedKey, SecretEncoding, parse_key, parse_key_light};
pub use known_secrets::KnownSecret;
pub use sign::{Signed, sign_json, sign_signing_input};
pub use time::{Clock, TimeStatus};
pub use verdict::{Inspection, SignatureState, Verdict};
