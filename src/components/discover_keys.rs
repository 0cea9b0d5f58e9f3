//! "Find the issuer's keys": on a click, the page asks its own server (`GET /api/keys`) for the
//! public keys the token's `iss` publishes (or those at a URL the person typed), and puts the
//! key set into the key box. Only that URL is sent — never the token or a key. The fetching code
//! is loaded on the first click.

use leptos::prelude::*;

use crate::state::use_debugger;
use crate::view_model::DiscoverOutcome;

/// Everything a click does but the status line, loaded on the first click: where to look,
/// `GET /api/keys?<param>=<url>` of this origin (no cookies), and what came of it.
#[cfg(feature = "hydrate")]
#[cfg_attr(feature = "split", lazy)]
async fn find_keys(typed: String, iss: Option<String>) -> DiscoverOutcome {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let failed = DiscoverOutcome::failed;
    let target = match crate::view_model::discover_target(&typed, iss.as_deref()) {
        Ok(target) => target,
        Err(reason) => return failed("no_url", &reason),
    };
    let unreachable = |_| failed("network", "this page's server could not be reached.");
    let Some(window) = web_sys::window() else { return failed("network", "no browser window") };
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    init.set_credentials(web_sys::RequestCredentials::Omit);
    let query =
        format!("/api/keys?{}={}", target.param, String::from(js_sys::encode_uri_component(&target.url)));
    let answer = async {
        let response: web_sys::Response =
            JsFuture::from(window.fetch_with_str_and_init(&query, &init)).await?.dyn_into()?;
        let text = JsFuture::from(response.text()?).await?;
        Ok::<_, wasm_bindgen::JsValue>((response.status(), text.as_string().unwrap_or_default()))
    };
    let (status, text) = match answer.await {
        Ok(answer) => answer,
        Err(e) => return unreachable(e),
    };
    crate::view_model::discover_outcome(status, &text, &target.url)
}

/// The URL field, the button and what came of it. The field is read on the click (nothing
/// else happens while typing in it).
#[component]
pub fn DiscoverKeys() -> impl IntoView {
    let state = use_debugger();
    let field = NodeRef::<leptos::html::Input>::new();
    let outcome = RwSignal::new(None::<DiscoverOutcome>);
    let find = move |_| {
        outcome.set(Some(DiscoverOutcome::looking()));
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            let typed = field.get_untracked().map(|input| input.value()).unwrap_or_default();
            let iss = state.decoded.with_untracked(|d| d.claim("iss")?.value.as_str().map(str::to_owned));
            let found = find_keys(typed, iss).await;
            if let Some(keys) = &found.key_text {
                state.key_kind.set(jwt_core::KeyKind::Jwks);
                state.set_key(keys);
            }
            outcome.set(Some(found));
        });
        #[cfg(not(feature = "hydrate"))]
        let _ = (state, field);
    };
    // The last search's outcome; a found set's only while the key box still holds it.
    let status = move || {
        let shown =
            outcome.get().filter(|o| o.key_text.as_ref().is_none_or(|k| state.key_text.with(|t| t == k)))?;
        Some(view! {
            <p
                class=format!("discover-status {}", shown.state)
                data-testid="discover-status"
                data-state=shown.state
                data-code=shown.code
                data-source=shown.source
                role="status"
            >
                {shown.text}
            </p>
        })
    };
    view! {
        <div class="discover" data-testid="discover">
            <label for="discover-url">"Issuer or key set URL (empty: the token's iss)"</label>
            <div class="discover-row">
                <input
                    id="discover-url"
                    data-testid="discover-url"
                    type="url"
                    placeholder="https://issuer.example"
                    spellcheck="false"
                    aria-describedby="discover-privacy"
                    node_ref=field
                />
                <button type="button" class="button" data-testid="discover-keys" on:click=find>
                    "Find the issuer's keys"
                </button>
            </div>
            <p id="discover-privacy" class="muted small">
                "Asks this page's server to fetch the issuer's published public keys (OpenID discovery). Only the URL is sent, never the token."
            </p>
            {status}
        </div>
    }
}
