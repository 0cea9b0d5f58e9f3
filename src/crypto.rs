//! The lazily loaded part of the core: public-key verification, signing, key generation and the
//! teaching view. In the browser it is its own WebAssembly module (`crates/jwt-core-wasm`,
//! served under `/crypto/`), loaded once the page is interactive: the page calls it directly
//! for fast work and through a Web Worker for slow work (see [`is_slow`]), so no keystroke waits
//! on their arithmetic. On the server (and in native tests) the same calls run the core directly.

use jwt_core::analyse::SignatureCheck;
use jwt_core::error::ErrorReport;
use jwt_core::sign::SignOutcome;
use jwt_core::{Alg, Explanation, KeyKind, KeygenKind};
#[cfg(feature = "split")]
use leptos::lazy;
use serde::{Deserialize, Serialize};

/// A question for the public-key code: a token's signed parts and a key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// What step 13 needs of the token (`None`: step 13 is skipped), read from the page's own
    /// decoding: the crypto module does not decode the token again.
    pub signed: Option<jwt_core::SignedParts>,
    /// How to read the key.
    pub key_kind: KeyKind,
    /// The key text.
    pub key_text: String,
}

/// A request for sign mode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignRequest {
    pub header: String,
    pub payload: String,
    pub alg: Alg,
    pub key_kind: KeyKind,
    pub key_text: String,
}

/// What the teaching view needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExplainRequest {
    pub alg: Alg,
    pub signing_input: String,
    pub signature: Vec<u8>,
    pub secret: Option<Vec<u8>>,
}

/// A question for "what your server would say": the decoder's token and key, a server's
/// options and the clock.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServersRequest {
    pub token: String,
    pub key_kind: KeyKind,
    pub key_text: String,
    pub options: jwt_core::servers::ServerOptions,
    pub now: i64,
}

/// Whether verifying the token takes long enough (milliseconds in WebAssembly) to belong in the
/// worker rather than on the page's main thread: ES384, ES512, ML-DSA, and EdDSA with an Ed448
/// signature (114 bytes; an Ed25519 one is 64 and quick). One check in Chromium
/// (`end2end/bench/crypto-module.mjs`, 1 KB token, 2026-12-01): ES384 3.7–3.8 ms, ES512 2.3–2.5,
/// Ed448 5.1–5.5, ML-DSA-44 0.36 (but its tokens are ~3.5 KB and ML-DSA-65/87 are larger);
/// against RS256 0.56–0.65, PS256 0.39–0.64, ES256K 0.18–0.22 and Ed25519 0.17, which stay
/// here, and ES256: 1.2–1.3 ms with `p256`, which is why it was in the worker; checked with
/// `crrl` now, about 2.5× as fast (side by side in one WebAssembly build under Node), so it
/// stays here too.
pub fn is_slow(decoded: &jwt_core::Decoded) -> bool {
    let alg = decoded.alg.as_deref().and_then(Alg::parse);
    let ed448 = alg == Some(Alg::EdDSA) && decoded.signature.as_ref().is_some_and(|s| s.len() == 114);
    ed448 || matches!(alg, Some(Alg::ES384 | Alg::ES512 | Alg::MlDsa44 | Alg::MlDsa65 | Alg::MlDsa87))
}

#[cfg(feature = "hydrate")]
mod imp {
    use serde::Serialize;
    use serde::de::DeserializeOwned;
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(module = "/src/js/page.js")]
    extern "C" {
        /// Starts loading the module (once); resolves when it is ready.
        fn crypto_load() -> js_sys::Promise;
        /// Whether the module is loaded on this page.
        fn crypto_ready() -> bool;
        /// Calls an export of the loaded module with JSON text; returns its JSON text.
        #[wasm_bindgen(catch)]
        fn crypto_call(name: &str, input: &str) -> Result<String, JsValue>;
        /// Starts the worker (once); resolves when its module is loaded.
        fn worker_load() -> js_sys::Promise;
        /// Whether the worker's module is loaded.
        fn worker_ready() -> bool;
        /// Calls an export in the worker; resolves to its JSON text.
        fn worker_call(name: &str, input: &str) -> js_sys::Promise;
    }

    fn text(error: JsValue) -> String {
        error.as_string().unwrap_or_else(|| format!("{error:?}"))
    }

    fn decode<T: DeserializeOwned>(output: &str) -> Result<T, String> {
        serde_json::from_str(output).map_err(|e| format!("unexpected answer from the crypto module: {e}"))
    }

    pub fn ready() -> bool {
        crypto_ready()
    }

    pub fn worker_is_ready() -> bool {
        worker_ready()
    }

    pub async fn load() -> Result<(), String> {
        wasm_bindgen_futures::JsFuture::from(crypto_load())
            .await
            .map(|_| ())
            .map_err(|e| format!("the public-key code could not be loaded: {}", text(e)))
    }

    pub async fn load_worker() -> Result<(), String> {
        wasm_bindgen_futures::JsFuture::from(worker_load())
            .await
            .map(|_| ())
            .map_err(|e| format!("the worker could not be started: {}", text(e)))
    }

    /// Calls `name` on this page, now; `None` unless the module is loaded.
    pub fn call_now<I: Serialize, O: DeserializeOwned>(name: &str, input: &I) -> Option<Result<O, String>> {
        if !crypto_ready() {
            return None;
        }
        let input = serde_json::to_string(input).ok()?;
        Some(crypto_call(name, &input).map_err(text).and_then(|out| decode(&out)))
    }

    /// Calls `name` on this page once the module is loaded.
    pub async fn call<I: Serialize, O: DeserializeOwned>(name: &str, input: &I) -> Result<O, String> {
        load().await?;
        call_now(name, input).unwrap_or_else(|| Err("the crypto module is not loaded".to_owned()))
    }

    /// Calls `name` in the worker.
    pub async fn call_in_worker<I: Serialize, O: DeserializeOwned>(
        name: &str,
        input: &I,
    ) -> Result<O, String> {
        let input = serde_json::to_string(input).map_err(|e| e.to_string())?;
        let out = wasm_bindgen_futures::JsFuture::from(worker_call(name, &input)).await.map_err(text)?;
        decode(&out.as_string().unwrap_or_default())
    }
}

#[cfg(feature = "hydrate")]
pub use imp::{load, load_worker, ready};

/// The signature check for `question`, now: when the crypto module and the code that reads its
/// answers are loaded and the algorithm is fast (on the server, always). `None` otherwise: then
/// [`check`] answers a little later.
pub fn check_now(question: &Question, slow: bool) -> Option<Result<SignatureCheck, String>> {
    #[cfg(feature = "hydrate")]
    {
        if slow || !imp::ready() {
            return None;
        }
        #[cfg(feature = "split")]
        {
            // Only once its code is here: polling the loader of a chunk that is still on its way
            // (with a waker that is then dropped) would leave that load waiting for nobody.
            if !CHECK_CODE_LOADED.load(std::sync::atomic::Ordering::Relaxed) {
                return None;
            }
            poll_once(check_on_page(question.clone())).flatten()
        }
        #[cfg(not(feature = "split"))]
        {
            check_on_page(question.clone())
        }
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = slow;
        Some(Ok(native::check(question)))
    }
}

/// Whether the code that answers a question (`slow`: the worker's) is loaded: a pending answer
/// then waits for the check itself, not for code.
pub fn code_ready(slow: bool) -> bool {
    #[cfg(feature = "hydrate")]
    {
        if slow {
            imp::worker_is_ready()
        } else {
            #[cfg(feature = "split")]
            let page_code = CHECK_CODE_LOADED.load(std::sync::atomic::Ordering::Relaxed);
            #[cfg(not(feature = "split"))]
            let page_code = true;
            imp::ready() && page_code
        }
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = slow;
        true
    }
}

/// Asks the crypto module on this page, if it is loaded (lazily loaded code: reading its answer
/// is not needed for secrets).
#[cfg(feature = "hydrate")]
#[cfg_attr(feature = "split", lazy)]
fn check_on_page(question: Question) -> Option<Result<SignatureCheck, String>> {
    imp::call_now("check_signature", &question)
}

/// Polls a future once: its output if it is ready at once (a lazily loaded function whose code
/// is already here), else `None`.
#[cfg(all(feature = "hydrate", feature = "split"))]
fn poll_once<T>(future: impl std::future::Future<Output = T>) -> Option<T> {
    let mut future = std::pin::pin!(future);
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    match future.as_mut().poll(&mut context) {
        std::task::Poll::Ready(value) => Some(value),
        std::task::Poll::Pending => None,
    }
}

/// The signature check for `question`: in the worker for slow algorithms, on the page
/// otherwise. Reading the answer is itself lazily loaded code (it is not needed for secrets).
#[cfg_attr(feature = "split", lazy)]
pub async fn check(question: Question, slow: bool) -> Result<SignatureCheck, String> {
    #[cfg(feature = "hydrate")]
    {
        if slow {
            imp::call_in_worker("check_signature", &question).await
        } else {
            imp::call("check_signature", &question).await
        }
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = slow;
        Ok(native::check(&question))
    }
}

/// Whether the code of [`check_on_page`] is loaded (set by [`preload_check`]).
#[cfg(all(feature = "hydrate", feature = "split"))]
static CHECK_CODE_LOADED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Loads the code that reads answers ahead of use.
pub async fn preload_check() {
    #[cfg(all(feature = "hydrate", feature = "split"))]
    {
        __preload_check().await;
        __preload_check_on_page().await;
        CHECK_CODE_LOADED.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

/// Signs for sign mode.
pub async fn sign(request: SignRequest) -> Result<SignOutcome, String> {
    #[cfg(feature = "hydrate")]
    {
        imp::call("sign", &request).await
    }
    #[cfg(not(feature = "hydrate"))]
    {
        Ok(jwt_core::sign::sign_texts(
            &request.header,
            &request.payload,
            request.alg,
            request.key_kind,
            &request.key_text,
        ))
    }
}

/// A fresh signing key of `kind` (in the worker: RSA key generation takes a while).
pub async fn generate(kind: KeygenKind) -> Result<Result<(String, KeyKind), ErrorReport>, String> {
    #[cfg(feature = "hydrate")]
    {
        let name = kind.name().ok_or_else(|| "no such key kind".to_owned())?;
        imp::call_in_worker("generate", &name).await
    }
    #[cfg(not(feature = "hydrate"))]
    {
        Ok(jwt_core::keygen::generate_text(kind).map_err(|e| ErrorReport::from(&e)))
    }
}

/// What node jsonwebtoken and PyJWT would say (in the worker for slow algorithms).
pub async fn servers(request: ServersRequest, slow: bool) -> Result<jwt_core::servers::Servers, String> {
    #[cfg(feature = "hydrate")]
    {
        if slow {
            imp::call_in_worker("servers", &request).await
        } else {
            imp::call("servers", &request).await
        }
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = slow;
        Ok(jwt_core::servers::servers(
            &request.token,
            request.key_kind,
            &request.key_text,
            &request.options,
            request.now,
        ))
    }
}

/// The publicly known secret a token is signed with, if any (`jwt_core::known_secrets`): asked
/// of the crypto module in the worker — ~400 HMACs (about 2 ms) stay off the main thread and the
/// list out of the first load. Calling the worker is itself lazily loaded code.
#[cfg_attr(feature = "split", lazy)]
pub async fn known_secret(token: String) -> Result<Option<jwt_core::known_secrets::KnownSecret>, String> {
    #[cfg(feature = "hydrate")]
    {
        imp::call_in_worker("known_secret", &token).await
    }
    #[cfg(not(feature = "hydrate"))]
    {
        Ok(jwt_core::known_secrets::find(&jwt_core::decode(&token)).cloned())
    }
}

/// How many publicly known secrets [`known_secret`] tries (the list stays in the crypto module).
pub async fn known_secrets_count() -> Result<usize, String> {
    #[cfg(feature = "hydrate")]
    {
        imp::call("known_secrets_count", &()).await
    }
    #[cfg(not(feature = "hydrate"))]
    {
        Ok(jwt_core::known_secrets::all().len())
    }
}

/// A key's public half as SPKI PEM text and as a JWK (`jwt_core::keys::public_forms`): e.g. a
/// JWKS member's PEM, or the JWK of a freshly generated private key. Public-key code: asked of
/// the crypto module on the page.
pub async fn public_forms(
    key_kind: KeyKind,
    key_text: String,
) -> Result<Result<jwt_core::keys::PublicForms, String>, String> {
    #[cfg(feature = "hydrate")]
    {
        #[derive(Serialize)]
        struct KeyInput {
            key_kind: KeyKind,
            key_text: String,
        }
        imp::call("public_forms", &KeyInput { key_kind, key_text }).await
    }
    #[cfg(not(feature = "hydrate"))]
    {
        Ok(jwt_core::keys::public_forms(key_kind, &key_text))
    }
}

/// The signature computed step by step.
pub async fn explain(request: ExplainRequest) -> Result<Explanation, String> {
    #[cfg(feature = "hydrate")]
    {
        imp::call("explain", &request).await
    }
    #[cfg(not(feature = "hydrate"))]
    {
        Ok(jwt_core::explain(
            request.alg,
            &request.signing_input,
            &request.signature,
            request.secret.as_deref(),
        ))
    }
}

/// Loads the module ahead of use (after hydration), so it also works offline later.
#[cfg(not(feature = "hydrate"))]
pub async fn load() -> Result<(), String> {
    Ok(())
}

/// Starts the worker ahead of use (nothing to do natively).
#[cfg(not(feature = "hydrate"))]
pub async fn load_worker() -> Result<(), String> {
    Ok(())
}

/// Whether the module is loaded (always, natively).
#[cfg(not(feature = "hydrate"))]
pub fn ready() -> bool {
    true
}

#[cfg(not(feature = "hydrate"))]
mod native {
    use super::Question;
    use jwt_core::analyse::SignatureCheck;

    pub fn check(q: &Question) -> SignatureCheck {
        jwt_core::check_signed(
            q.signed.as_ref(),
            &jwt_core::parse_key(q.key_kind, &q.key_text),
            &jwt_core::verify::Full,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::is_slow;

    fn token(alg: &str, signature_bytes: usize) -> jwt_core::Decoded {
        let b64 = jwt_core::b64::encode;
        jwt_core::decode(&format!(
            "{}.{}.{}",
            b64(format!(r#"{{"alg":"{alg}"}}"#).as_bytes()),
            b64(b"{}"),
            b64(&vec![1u8; signature_bytes])
        ))
    }

    #[test]
    fn slow_algorithms_go_to_the_worker() {
        for (alg, bytes, slow) in [
            ("HS256", 32, false),
            ("ES256", 64, false),
            ("RS256", 256, false),
            ("PS256", 256, false),
            ("ES256K", 64, false),
            ("EdDSA", 64, false),
            ("EdDSA", 114, true),
            ("ES384", 96, true),
            ("ES512", 132, true),
            ("ML-DSA-44", 2420, true),
            ("ML-DSA-87", 4627, true),
            ("XS256", 32, false),
        ] {
            assert_eq!(is_slow(&token(alg, bytes)), slow, "{alg} with {bytes} bytes");
        }
    }
}
