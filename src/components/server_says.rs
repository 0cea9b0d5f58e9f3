//! "What your server would say": for the token and key in the decoder and the options a server
//! passes, exactly what node `jsonwebtoken` 9 (`jwt.verify`) and PyJWT 2 (`jwt.decode`) would
//! return or throw — predicted by the core (`jwt_core::servers`) in the lazily loaded crypto
//! module, as the verdict is. Folded; its code loads when opened.

use jwt_core::servers::{NodeAnswer, PyJwtAnswer, ServerOptions, Servers};
use leptos::prelude::*;

use crate::components::lazy_details::{LazyDetails, body};

use crate::crypto::{self, ServersRequest};
use crate::state::{Debugger, use_debugger};

/// The panel.
#[component]
pub fn ServerSaysPanel() -> impl IntoView {
    let state = use_debugger();
    let open = RwSignal::new(false);
    view! {
        <LazyDetails
            class="panel server-says"
            testid="server-says"
            summary="What your server would say"
            open=open
            body=body(move || server_says_body(state, open))
        />
    }
}

/// Loads the panel's code ahead of use (after hydration), so it also works offline.
pub async fn preload() {
    #[cfg(all(feature = "hydrate", feature = "split"))]
    __preload_server_says_body().await;
}

/// The options as typed (text fields), turned into the libraries' options.
#[derive(Clone, Copy)]
struct Inputs {
    algorithms: RwSignal<String>,
    audience: RwSignal<String>,
    issuer: RwSignal<String>,
    subject: RwSignal<String>,
    max_age: RwSignal<String>,
    clock_tolerance: RwSignal<String>,
    ignore_expiration: RwSignal<bool>,
}

impl Inputs {
    fn new() -> Self {
        Self {
            algorithms: RwSignal::new(String::new()),
            audience: RwSignal::new(String::new()),
            issuer: RwSignal::new(String::new()),
            subject: RwSignal::new(String::new()),
            max_age: RwSignal::new(String::new()),
            clock_tolerance: RwSignal::new(String::new()),
            ignore_expiration: RwSignal::new(false),
        }
    }

    fn options(self) -> ServerOptions {
        crate::view_model::server_options(
            &self.algorithms.get(),
            &self.audience.get(),
            &self.issuer.get(),
            &self.subject.get(),
            &self.max_age.get(),
            &self.clock_tolerance.get(),
            self.ignore_expiration.get(),
        )
    }
}

/// The panel's body (a lazily loaded chunk).
#[cfg_attr(feature = "split", lazy)]
async fn server_says_body(state: Debugger, open: RwSignal<bool>) -> AnyView {
    let inputs = Inputs::new();
    let answer = RwSignal::new(None::<Result<Servers, String>>);
    let asked = StoredValue::new(0u64);
    // Asked again when the token, the key, an option or the judged time changes — not on every
    // clock tick (the time status and the clock override stand for the time).
    Effect::new(move |_| {
        if !open.get() {
            return;
        }
        let slow = crypto::is_slow(&state.decoded.read());
        let request = ServersRequest {
            token: state.token.get(),
            key_kind: state.key_kind.get(),
            key_text: state.key_text.get(),
            options: inputs.options(),
            now: {
                let _ = (state.time_status.get(), state.now_override.get(), state.leeway.get());
                state.now_untracked()
            },
        };
        let ticket = asked.get_value() + 1;
        asked.set_value(ticket);
        leptos::task::spawn_local(async move {
            let result = crypto::servers(request, slow).await;
            if asked.get_value() == ticket {
                answer.set(Some(result));
            }
        });
    });

    let field = |id: &'static str, label: &'static str, hint: &'static str, value: RwSignal<String>| {
        view! {
            <div class="opt">
                <label for=id>{label}</label>
                <input
                    id=id
                    data-testid=id
                    type="text"
                    placeholder=hint
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
            </div>
        }
    };
    let node = move || answer.get().map(|a| a.map(|s| s.node_jsonwebtoken));
    let pyjwt = move || answer.get().map(|a| a.map(|s| s.pyjwt));
    view! {
        <p class="muted small">
            "The options your server passes, and what each library would answer for the token and key above "
            "(the key as node's " <code>"jwt.verify(token, key, options)"</code> " and PyJWT's "
            <code>"jwt.decode(token, key, algorithms=…)"</code>
            " get it). Empty fields are options not given."
        </p>
        <div class="opts">
            {field("opt-algorithms", "algorithms", "e.g. HS256, RS256", inputs.algorithms)}
            {field("opt-audience", "audience", "one or more, comma-separated", inputs.audience)}
            {field("opt-issuer", "issuer", "one or more, comma-separated", inputs.issuer)}
            {field("opt-subject", "subject", "", inputs.subject)}
            {field("opt-max-age", "maxAge", "e.g. 6h, 3600", inputs.max_age)}
            {field("opt-clock-tolerance", "clockTolerance (s)", "0", inputs.clock_tolerance)}
            <div class="opt opt-check">
                <input
                    id="opt-ignore-expiration"
                    data-testid="opt-ignore-expiration"
                    type="checkbox"
                    prop:checked=move || inputs.ignore_expiration.get()
                    on:change=move |ev| inputs.ignore_expiration.set(event_target_checked(&ev))
                />
                <label for="opt-ignore-expiration">"ignoreExpiration"</label>
            </div>
        </div>
        <p class="error-text" data-testid="opt-error" role="status">
            {move || crate::view_model::clock_tolerance_problem(&inputs.clock_tolerance.read())}
        </p>
        <ul class="server-results" aria-live="polite">
            <li
                data-testid="server-node"
                data-ok=move || ok_word(node().and_then(|a| a.ok().and_then(|n| n.ok)))
                data-name=move || node().and_then(|a| a.ok()).and_then(|n| n.name).unwrap_or_default()
            >
                <strong>"node jsonwebtoken 9: "</strong>
                {move || {
                    node()
                        .map(|a| match a {
                            Ok(n) => node_line(&n),
                            Err(e) => e,
                        })
                }}
            </li>
            <li
                data-testid="server-pyjwt"
                data-ok=move || ok_word(pyjwt().and_then(|a| a.ok().and_then(|p| p.ok)))
                data-exception=move || {
                    pyjwt().and_then(|a| a.ok()).and_then(|p| p.exception).unwrap_or_default()
                }
            >
                <strong>"PyJWT 2: "</strong>
                {move || {
                    pyjwt()
                        .map(|a| match a {
                            Ok(p) => pyjwt_line(&p),
                            Err(e) => e,
                        })
                }}
            </li>
        </ul>
    }
    .into_any()
}

fn ok_word(ok: Option<bool>) -> &'static str {
    match ok {
        Some(true) => "true",
        Some(false) => "false",
        None => "null",
    }
}

fn node_line(n: &NodeAnswer) -> String {
    match (n.ok, &n.name, &n.message) {
        (Some(true), _, _) => "accepted: returns the payload".to_owned(),
        (_, Some(name), Some(message)) => format!("throws {name}: {message}"),
        (_, _, Some(message)) => message.clone(),
        _ => String::new(),
    }
}

fn pyjwt_line(p: &PyJwtAnswer) -> String {
    match (p.ok, &p.exception, &p.message) {
        (Some(true), _, _) => "accepted: returns the payload".to_owned(),
        (_, Some(exception), Some(message)) => format!("raises {exception}: {message}"),
        (_, _, Some(message)) => message.clone(),
        _ => String::new(),
    }
}
