//! Sign mode: edit header and payload JSON, choose the algorithm and key (or generate one), get
//! the signed token, copy it or send it to the decoder. The decoder never re-signs by itself.
//! Signing runs in the lazily loaded crypto module; key generation in its worker.

use std::time::Duration;

use jwt_core::sign::SignOutcome;
use jwt_core::{Alg, KeyKind};
use leptos::prelude::*;

use crate::components::copy_button::CopyButton;
use crate::components::json_editor::JsonEditor;
use crate::components::key_fields::KeyFields;
use crate::crypto::{self, SignRequest};
use crate::samples::HS256_SECRET;
use crate::state::{Debugger, use_debugger};

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
    /// Set when a token was handed over for editing: the payload editor takes the focus once
    /// it is on screen.
    pub focus_payload: RwSignal<bool>,
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
            focus_payload: RwSignal::new(false),
        }
    }

    /// Takes over a decoded header and payload for editing.
    pub fn edit(&self, header: &serde_json::Value, payload: &serde_json::Value) {
        if let Some(alg) = header.get("alg").and_then(|a| a.as_str()).and_then(Alg::parse) {
            self.alg.set(alg);
        }
        self.header.set(serde_json::to_string_pretty(header).unwrap_or_default());
        self.payload.set(serde_json::to_string_pretty(payload).unwrap_or_default());
        self.focus_payload.set(true);
        self.open.set(true);
    }
}

impl Default for SignState {
    fn default() -> Self {
        Self::new()
    }
}

/// The signing key formats offered.
const SIGN_KEY_KINDS: [KeyKind; 5] =
    [KeyKind::Auto, KeyKind::SecretUtf8, KeyKind::SecretBase64, KeyKind::SecretHex, KeyKind::Jwk];

/// The sign-mode panel: closed at first; opening it loads its code (and the signing code).
#[component]
pub fn SignPanel() -> impl IntoView {
    let state = use_debugger();
    let sign = use_context::<SignState>().unwrap_or_default();
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
            {move || {
                sign.open
                    .get()
                    .then(|| {
                        view! {
                            <Suspense fallback=|| {
                                view! {
                                    <p class="muted" role="status">
                                        "Loading sign mode…"
                                    </p>
                                }
                            }>{move || Suspend::new(async move { sign_body(state, sign).await })}</Suspense>
                        }
                    })
            }}
        </details>
    }
}

/// Loads sign mode's code ahead of use (after hydration), so it also works offline.
pub async fn preload() {
    #[cfg(all(feature = "hydrate", feature = "split"))]
    __preload_sign_body().await;
}

/// The body of sign mode. Its code (and the code it calls) is a lazily loaded chunk.
#[cfg_attr(feature = "split", lazy)]
async fn sign_body(state: Debugger, sign: SignState) -> AnyView {
    let busy = RwSignal::new(false);
    let status = RwSignal::new(None::<String>);
    let output = RwSignal::new(None::<Result<SignOutcome, String>>);

    // Re-sign whenever an input changes while sign mode is open (browser only).
    // A token handed over for editing: focus its payload once the editors are on screen.
    Effect::new(move |_| {
        if sign.focus_payload.get() {
            sign.focus_payload.set(false);
            // After this body is mounted (it is being mounted now).
            set_timeout(|| crate::browser::focus("sign-payload"), Duration::ZERO);
        }
    });
    let asked = StoredValue::new(0u64);
    Effect::new(move |_| {
        if !sign.open.get() {
            return;
        }
        let request = SignRequest {
            header: sign.header.get(),
            payload: sign.payload.get(),
            alg: sign.alg.get(),
            key_kind: sign.key_kind.get(),
            key_text: sign.key_text.get(),
        };
        let ticket = asked.get_value() + 1;
        asked.set_value(ticket);
        leptos::task::spawn_local(async move {
            let out = crypto::sign(request).await;
            if asked.get_value() == ticket {
                output.set(Some(out));
            }
        });
    });

    let generate_key = move |kind: jwt_core::KeygenKind| {
        busy.set(true);
        status.set(None);
        // Let "Generating…" paint before asking the worker.
        set_timeout(
            move || {
                leptos::task::spawn_local(async move {
                    match crypto::generate(kind).await {
                        Ok(Ok((text, kind))) => {
                            sign.key_kind.set(kind);
                            sign.key_text.set(text);
                        }
                        Ok(Err(e)) => status.set(Some(format!("Key generation failed: {}", e.message))),
                        Err(e) => status.set(Some(format!("Key generation failed: {e}"))),
                    }
                    busy.set(false);
                });
            },
            Duration::from_millis(30),
        );
    };

    let outcome = move || output.read().as_ref().and_then(|o| o.as_ref().ok()).cloned();
    let token = Signal::derive(move || outcome().and_then(|o| o.token.ok()).unwrap_or_default());
    let key_status = move || {
        outcome().map(|o| match o.key_status {
            Ok(status) => status,
            Err(e) => format!("Cannot use this key: {}", e.message),
        })
    };
    let (error, error_code) = (
        move || match output.read().as_ref() {
            Some(Ok(o)) => o.token.as_ref().err().map(|e| e.message.clone()),
            Some(Err(e)) => Some(e.clone()),
            None => None,
        },
        move || outcome().and_then(|o| o.token.err()).map(|e| e.code),
    );
    let send_to_decoder = move |_| {
        let Some(out) = outcome() else { return };
        let Ok(token) = out.token else { return };
        state.load(&token, out.verify_key.as_ref().map(|(k, kind)| (k.as_str(), *kind)));
        crate::browser::focus("token-input");
    };
    let alg_options = Alg::ALL
        .iter()
        .map(|a| view! { <option value=a.name()>{format!("{} — {}", a.name(), a.describe())}</option> })
        .collect_view();

    view! {
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
                <JsonEditor
                    id="sign-header"
                    label="Header (JSON; alg is set for you)"
                    testid="sign-header"
                    rows=4
                    text=sign.header
                />
                <JsonEditor
                    id="sign-payload"
                    label="Payload (JSON)"
                    testid="sign-payload"
                    rows=8
                    text=sign.payload
                />
            </div>
            <div>
                <KeyFields
                    kind_id="sign-key-kind"
                    text_id="sign-key"
                    kind_label="Signing key format"
                    text_label="Signing key (secret, private PEM or private JWK)"
                    kinds=&SIGN_KEY_KINDS
                    kind=sign.key_kind
                    text=Signal::derive(move || sign.key_text.get())
                    on_input=Callback::new(move |text: String| sign.key_text.set(text))
                    rows=6
                />
                <p class="muted small" data-testid="sign-key-status">
                    {key_status}
                </p>
                {move || {
                    crate::view_model::generate_buttons(sign.alg.get())
                        .into_iter()
                        .map(|(testid, label, kind)| {
                            view! {
                                <button
                                    type="button"
                                    class="button"
                                    data-testid=testid
                                    on:click=move |_| generate_key(kind)
                                    disabled=move || busy.get()
                                >
                                    {move || {
                                        if busy.get() { "Generating…".to_owned() } else { label.clone() }
                                    }}
                                </button>
                                " "
                            }
                        })
                        .collect::<Vec<_>>()
                }}
            </div>
        </div>
        <label for="signed-token">"Signed token"</label>
        <textarea
            id="signed-token"
            data-testid="signed-token"
            readonly
            rows="4"
            prop:value=move || token.get()
        ></textarea>
        <p class="error-text" role="alert" data-testid="sign-error" data-code=error_code>
            {error}
        </p>
        <div class="actions">
            <CopyButton label="Copy the signed token" text=token />
            <button
                type="button"
                class="button primary"
                data-testid="send-to-decoder"
                on:click=send_to_decoder
                disabled=move || token.read().is_empty()
            >
                "Decode this token"
            </button>
            <span role="status" class="muted small">
                {move || status.get()}
            </span>
        </div>
    }
    .into_any()
}
