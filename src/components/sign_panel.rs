//! Sign mode: edit header and payload JSON, choose the algorithm and key (or generate one), get
//! the signed token, copy it or send it to the decoder. The decoder never re-signs by itself.

use std::time::Duration;

use leptos::prelude::*;

use crate::jwt::{Alg, KeyKind, KeygenKind, SigningKey, generate, sign_json};
use crate::samples::HS256_SECRET;
use crate::state::use_debugger;

/// Sign mode's inputs, shared so the decoder can hand a token over for editing.
#[derive(Clone, Copy)]
pub struct SignState {
    /// Algorithm.
    pub alg: RwSignal<Alg>,
    /// Header JSON text.
    pub header: RwSignal<String>,
    /// Payload JSON text.
    pub payload: RwSignal<String>,
    /// Signing key text.
    pub key_text: RwSignal<String>,
    /// How to read the signing key.
    pub key_kind: RwSignal<KeyKind>,
    /// Whether sign mode is open (opening it loads the signing code).
    pub open: RwSignal<bool>,
}

impl SignState {
    /// Sign mode's starting point: an HS256 token with the sample secret.
    pub fn new() -> Self {
        Self {
            alg: RwSignal::new(Alg::HS256),
            header: RwSignal::new("{\n  \"typ\": \"JWT\"\n}".to_owned()),
            payload: RwSignal::new(
                "{\n  \"sub\": \"1234567890\",\n  \"name\": \"Ada Lovelace\",\n  \"iat\": 1700000000,\n  \"exp\": 4102444800\n}"
                    .to_owned(),
            ),
            key_text: RwSignal::new(HS256_SECRET.to_owned()),
            key_kind: RwSignal::new(KeyKind::Auto),
            open: RwSignal::new(false),
        }
    }

    /// Takes over a decoded header and payload for editing.
    pub fn edit(&self, header: &serde_json::Value, payload: &serde_json::Value) {
        if let Some(alg) = header.get("alg").and_then(|a| a.as_str()).and_then(Alg::parse) {
            self.alg.set(alg);
        }
        self.header.set(serde_json::to_string_pretty(header).unwrap_or_default());
        self.payload.set(serde_json::to_string_pretty(payload).unwrap_or_default());
        self.open.set(true);
    }
}

impl Default for SignState {
    fn default() -> Self {
        Self::new()
    }
}

const SIGN_KEY_KINDS: [KeyKind; 5] =
    [KeyKind::Auto, KeyKind::SecretUtf8, KeyKind::SecretBase64, KeyKind::SecretHex, KeyKind::Jwk];

/// What signing produced: the token, and what the key is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignOutput {
    /// The signed token, or why there is none.
    pub token: Result<String, String>,
    /// The signing key described ("RSA 2048-bit private key; signs RS256, …"), or why unusable.
    pub key_status: String,
    /// The key that verifies the token (text, kind), for "Decode this token".
    pub verify_key: Option<(String, KeyKind)>,
}

/// Signs header and payload with the key text. Runs in the lazily loaded part of the bundle:
/// signing code is fetched the first time sign mode is opened.
#[cfg_attr(feature = "split", lazy)]
async fn sign_in_browser(
    header: String,
    payload: String,
    alg: Alg,
    key_kind: KeyKind,
    key_text: String,
) -> SignOutput {
    let key = match SigningKey::parse(key_kind, &key_text) {
        Ok(k) => k,
        Err(e) => {
            let message = format!("Cannot use this key: {e}");
            return SignOutput {
                token: Err(format!("Signing key: {e}")),
                key_status: message,
                verify_key: None,
            };
        }
    };
    let algs = key.algs().iter().map(|a| a.name()).collect::<Vec<_>>().join(", ");
    let key_status = format!("{}; signs {algs}.", key.describe());
    let token = sign_json(&header, &payload, alg, &key).map(|s| s.token).map_err(|e| e.to_string());
    let verify_key = key.verification_key(&key_text, key_kind);
    SignOutput { token, key_status, verify_key }
}

/// A fresh key for `alg`: (signing key text, its kind). Lazily loaded, like signing.
#[cfg_attr(feature = "split", lazy)]
async fn generate_in_browser(alg: Alg) -> Result<(String, KeyKind), String> {
    let generated = generate(KeygenKind::for_alg(alg)).map_err(|e| e.to_string())?;
    match (generated.secret_base64url, generated.private_pem) {
        (Some(secret), _) => Ok((secret, KeyKind::SecretBase64)),
        (None, Some(private)) => Ok((private, KeyKind::Auto)),
        _ => Err("no key form".to_owned()),
    }
}

/// Fetches sign mode's code ahead of use (called when the browser is idle after hydration), so
/// signing also works after the network is cut.
pub async fn preload() {
    let _ =
        sign_in_browser(String::new(), String::new(), Alg::HS256, KeyKind::SecretUtf8, String::new()).await;
    let _ = generate_in_browser(Alg::HS256).await;
}

/// The sign-mode panel: closed at first; opening it loads the signing code.
#[component]
pub fn SignPanel() -> impl IntoView {
    let state = use_debugger();
    let sign = use_context::<SignState>().expect("the page provides sign mode's state");
    let busy = RwSignal::new(false);
    let status = RwSignal::new(None::<String>);
    let output = RwSignal::new(None::<SignOutput>);

    // Re-sign whenever an input changes while sign mode is open (browser only).
    Effect::new(move |_| {
        if !sign.open.get() {
            return;
        }
        let inputs =
            (sign.header.get(), sign.payload.get(), sign.alg.get(), sign.key_kind.get(), sign.key_text.get());
        leptos::task::spawn_local(async move {
            let (header, payload, alg, kind, key) = inputs;
            output.set(Some(sign_in_browser(header, payload, alg, kind, key).await));
        });
    });

    let generate_key = move |_| {
        busy.set(true);
        let alg = sign.alg.get_untracked();
        // Let "Generating…" paint before RSA key generation takes the thread.
        set_timeout(
            move || {
                leptos::task::spawn_local(async move {
                    match generate_in_browser(alg).await {
                        Ok((text, kind)) => {
                            sign.key_kind.set(kind);
                            sign.key_text.set(text);
                        }
                        Err(e) => status.set(Some(format!("Key generation failed: {e}"))),
                    }
                    busy.set(false);
                });
            },
            Duration::from_millis(30),
        );
    };

    let token = move || output.read().as_ref().and_then(|o| o.token.clone().ok());
    let send_to_decoder = move |_| {
        let Some(out) = output.get_untracked() else { return };
        let Ok(token) = out.token else { return };
        state.load(&token, out.verify_key.as_ref().map(|(k, kind)| (k.as_str(), *kind)));
        crate::browser::focus("token-input");
    };
    let copy = move |_| {
        if let Some(token) = token() {
            leptos::task::spawn_local(async move {
                let copied = crate::browser::copy_text(token).await;
                status.set(Some(if copied { "Copied." } else { "Copy failed." }.to_owned()));
            });
        }
    };

    let alg_options = Alg::ALL
        .iter()
        .map(|a| view! { <option value=a.name()>{format!("{} — {}", a.name(), a.describe())}</option> })
        .collect_view();
    let kind_options =
        SIGN_KEY_KINDS.iter().map(|k| view! { <option value=k.as_str()>{k.label()}</option> }).collect_view();
    let json_error =
        |text: &str| serde_json::from_str::<serde_json::Value>(text).err().map(|e| e.to_string());

    view! {
        <details
            class="panel sign"
            data-testid="sign-mode"
            prop:open=move || sign.open.get()
            on:toggle=move |ev| {
                if let Some(open) = crate::browser::details_open(&ev) {
                    sign.open.set(open);
                }
            }
        >
            <summary id="sign-heading">"Sign a token"</summary>
            <p class="muted small">
                "Edit the header and payload, choose an algorithm and a key: the token below is signed as you type, in this browser."
            </p>
            <div class="sign-grid">
                <div>
                    <label for="sign-alg">"Algorithm"</label>
                    <select
                        id="sign-alg"
                        data-testid="sign-alg"
                        prop:value=move || sign.alg.get().name()
                        on:change=move |ev| {
                            if let Some(a) = Alg::parse(&event_target_value(&ev)) {
                                sign.alg.set(a);
                            }
                        }
                    >
                        {alg_options}
                    </select>
                    <label for="sign-header">"Header (JSON; alg is set for you)"</label>
                    <textarea
                        id="sign-header"
                        data-testid="sign-header"
                        rows="4"
                        spellcheck="false"
                        prop:value=move || sign.header.get()
                        on:input=move |ev| sign.header.set(event_target_value(&ev))
                    ></textarea>
                    <p class="error-text" data-testid="sign-header-error">{move || json_error(&sign.header.read())}</p>
                    <label for="sign-payload">"Payload (JSON)"</label>
                    <textarea
                        id="sign-payload"
                        data-testid="sign-payload"
                        rows="8"
                        spellcheck="false"
                        prop:value=move || sign.payload.get()
                        on:input=move |ev| sign.payload.set(event_target_value(&ev))
                    ></textarea>
                    <p class="error-text" data-testid="sign-payload-error">{move || json_error(&sign.payload.read())}</p>
                </div>
                <div>
                    <label for="sign-key-kind">"Signing key format"</label>
                    <select
                        id="sign-key-kind"
                        data-testid="sign-key-kind"
                        prop:value=move || sign.key_kind.get().as_str()
                        on:change=move |ev| sign.key_kind.set(KeyKind::parse(&event_target_value(&ev)).unwrap_or_default())
                    >
                        {kind_options}
                    </select>
                    <label for="sign-key">"Signing key (secret, private PEM or private JWK)"</label>
                    <textarea
                        id="sign-key"
                        data-testid="sign-key"
                        rows="6"
                        spellcheck="false"
                        autocomplete="off"
                        prop:value=move || sign.key_text.get()
                        on:input=move |ev| sign.key_text.set(event_target_value(&ev))
                    ></textarea>
                    <p class="muted small" data-testid="sign-key-status">
                        {move || output.read().as_ref().map(|o| o.key_status.clone())}
                    </p>
                    <button type="button" class="button" data-testid="generate-key" on:click=generate_key disabled=move || busy.get()>
                        {move || if busy.get() { "Generating…".to_owned() } else { format!("Generate a {} key", sign.alg.get().name()) }}
                    </button>
                </div>
            </div>
            <label for="signed-token">"Signed token"</label>
            <textarea id="signed-token" data-testid="signed-token" readonly rows="4" prop:value=move || token().unwrap_or_default()></textarea>
            <p class="error-text" role="alert" data-testid="sign-error">
                {move || output.read().as_ref().and_then(|o| o.token.clone().err())}
            </p>
            <div class="actions">
                <button type="button" class="button" on:click=copy disabled=move || token().is_none()>
                    "Copy token"
                </button>
                <button type="button" class="button primary" data-testid="send-to-decoder" on:click=send_to_decoder disabled=move || token().is_none()>
                    "Decode this token"
                </button>
                <span role="status" class="muted small">{move || status.get()}</span>
            </div>
        </details>
    }
}
