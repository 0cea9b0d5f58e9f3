//! "Send to the demo API": the token in the decoder, sent to `/api/me` or `/api/admin` of this
//! server in `Authorization: Bearer …` — only the token, only to this origin, only on the click —
//! with the answer shown as a student's API client would see it. Folded; its code loads lazily.

use leptos::prelude::*;

use crate::components::lazy_details::{LazyDetails, body};

use crate::state::{Debugger, use_debugger};

/// What the demo API answered.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiAnswer {
    /// HTTP status.
    pub status: u16,
    /// The `WWW-Authenticate` header, if any.
    pub challenge: Option<String>,
    /// The body (JSON, pretty-printed when it is JSON).
    pub body: String,
}

/// The demo API panel.
#[component]
pub fn ApiPanel() -> impl IntoView {
    let state = use_debugger();
    let open = RwSignal::new(false);
    view! {
        <LazyDetails
            class="panel api"
            testid="api-panel"
            summary="Send this token to the demo API"
            open=open
            body=body(move || api_body(state))
        />
    }
}

/// Loads the panel's code ahead of use (after hydration), so it also works offline.
pub async fn preload() {
    #[cfg(all(feature = "hydrate", feature = "split"))]
    __preload_api_body().await;
}

/// The panel's body (a lazily loaded chunk).
#[cfg_attr(feature = "split", lazy)]
async fn api_body(state: Debugger) -> AnyView {
    let path = RwSignal::new("/api/me".to_owned());
    let answer = RwSignal::new(None::<Result<ApiAnswer, String>>);
    let busy = RwSignal::new(false);
    let send = move |_| {
        let token = state.decoded.read_untracked().token.clone();
        let target = path.get_untracked();
        busy.set(true);
        leptos::task::spawn_local(async move {
            answer.set(Some(send_token(&target, &token).await));
            busy.set(false);
        });
    };
    let shown = move || {
        answer.get().map(|a| match a {
            Ok(a) => {
                let tone = if a.status < 300 { "good" } else { "bad" };
                view! {
                    <div
                        class=format!("api-response tone-{tone}")
                        data-testid="api-response"
                        data-status=a.status
                    >
                        <p>
                            <strong>{format!("{} {}", a.status, reason(a.status))}</strong>
                        </p>
                        {a
                            .challenge
                            .map(|c| {
                                view! {
                                    <p class="small">
                                        <code>"WWW-Authenticate: "</code>
                                        <code>{c}</code>
                                    </p>
                                }
                            })}
                        <pre class="json">{a.body}</pre>
                    </div>
                }
                .into_any()
            }
            Err(e) => view! {
                <p class="error-text" role="alert" data-testid="api-response" data-status="">
                    {e}
                </p>
            }
            .into_any(),
        })
    };
    view! {
        <p class="muted small">
            "Sends only the token in the decoder, to this server, in an "
            <code>"Authorization: Bearer …"</code>
            " header — as your own API client would. The demo API checks it as the course's Express app does with node jsonwebtoken (HS256 with the server's JWT_SECRET_KEY; RS256 tokens from "
            <code>"/auth/token?alg=RS256"</code> " with the issuer's key)."
        </p>
        <div class="field-row">
            <div>
                <label for="api-path">"Route"</label>
                <select
                    id="api-path"
                    data-testid="api-path"
                    prop:value=move || path.get()
                    on:change=move |ev| path.set(event_target_value(&ev))
                >
                    <option value="/api/me">"GET /api/me"</option>
                    <option value="/api/admin">"GET /api/admin (role admin)"</option>
                </select>
            </div>
            <button
                type="button"
                class="button"
                data-testid="send-to-api"
                on:click=send
                disabled=move || busy.get()
            >
                "Send to the demo API"
            </button>
        </div>
        <div aria-live="polite">{shown}</div>
    }
    .into_any()
}

/// Reason phrases of the statuses the demo API answers.
pub(crate) fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        _ => "",
    }
}

/// Sends `token` to `path` of this origin (no cookies: the token is the credential), counted
/// in the page's request indicator as a request that carried a token. Also the attack lessons'.
pub(crate) async fn send_token(path: &str, token: &str) -> Result<ApiAnswer, String> {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        use wasm_bindgen_futures::JsFuture;

        let window = web_sys::window().ok_or("no browser window")?;
        let headers = web_sys::Headers::new().map_err(|_| "cannot make headers".to_owned())?;
        headers.set("Authorization", &format!("Bearer {token}")).map_err(|_| {
            "This token cannot be sent in a header (it has characters headers do not allow).".to_owned()
        })?;
        let init = web_sys::RequestInit::new();
        init.set_method("GET");
        init.set_credentials(web_sys::RequestCredentials::Omit);
        init.set_headers(&headers);
        let network = |_| "The server could not be reached.".to_owned();
        crate::browser::note_token_sent();
        let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(path, &init))
            .await
            .map_err(network)?
            .dyn_into()
            .map_err(|_| "unexpected fetch result".to_owned())?;
        let challenge = response.headers().get("www-authenticate").ok().flatten();
        let text = JsFuture::from(response.text().map_err(network)?).await.map_err(network)?;
        let text = text.as_string().unwrap_or_default();
        let body = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|v| serde_json::to_string_pretty(&v).ok())
            .unwrap_or(text);
        Ok(ApiAnswer { status: response.status(), challenge, body })
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (path, token);
        Err("only in the browser".to_owned())
    }
}
