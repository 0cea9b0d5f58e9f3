//! The JWT core: decode, explain, verify and sign JSON Web Tokens.
//!
//! Pure Rust with no web dependencies, for native and `wasm32-unknown-unknown` alike: the page
//! runs it in the browser, the `jwt-debugger` CLI natively. It never reads the clock — callers
//! pass "now" in [`Options`].
//!
//! - [`analyse`] turns pasted text and a key into a [`Report`] whose first fields are the
//!   verdict of the contract in `shared/fixtures/README.md`.
//! - [`parse_key`] reads a verification key; [`SigningKey::parse`] a signing key.
//! - [`sign_json`] and [`sign_signing_input`] sign; [`generate`] makes keys; [`explain`] shows
//!   the signature computation.

pub mod alg;
pub mod analyse;
pub mod b64;
pub mod claims;
pub mod error;
pub mod explain;
pub mod json;
pub mod keygen;
pub mod keys;
pub mod mac;
pub mod pretty;
pub mod sign;
pub mod verify;

pub use alg::{Alg, Curve, Family};
pub use analyse::{Cleanup, MAX_INPUT_BYTES, Options, Report, analyse, analyse_with, suggest_cleanup};
pub use claims::TimeStatus;
pub use error::{ErrorKind, KeyError, SignError, Warning};
pub use explain::{Explanation, explain};
pub use keygen::{GeneratedKey, KeygenKind, generate};
pub use keys::{KeyKind, KeyMaterial, ParsedKey, PublicKey, SecretEncoding, parse_key, parse_key_light};
pub use sign::{Signed, SigningKey, sign_json, sign_signing_input};
