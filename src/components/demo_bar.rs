//! The course's demo log-in as a compact bar at the top of the page: who is logged in, log-in
//! links for each demo user, "Get my token" and log-out. Log-in and log-out are plain links to
//! the server's routes, so they work before hydration too. "Get my token" puts the token into
//! the decoder and brings the verdict and the key box into view.

use leptos::prelude::*;

use crate::components::deferred::server_rendered;
use crate::demo_users::{DEMO_USERS, SessionUser};

/// What the "Get my token" button has produced so far (only the browser fetches).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
enum TokenState {
    Idle,
    Loading,
    Got(String),
    Failed(String),
}

/// Asks the server for the logged-in user's token (`GET /auth/token`, same-origin cookie). Its
/// code is loaded on the first click.
#[cfg(feature = "hydrate")]
#[cfg_attr(feature = "split", lazy)]
async fn fetch_demo_token() -> Result<String, String> {
    use serde::Deserialize;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    #[derive(Deserialize)]
    struct TokenBody {
        token: String,
    }

    let window = web_sys::window().ok_or("no browser window")?;
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    init.set_credentials(web_sys::RequestCredentials::SameOrigin);
    let network = |_| "The server could not be reached.".to_owned();
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init("/auth/token", &init))
        .await
        .map_err(network)?
        .dyn_into()
        .map_err(|_| "unexpected fetch result".to_owned())?;
    match response.status() {
        200 => {
            let text = JsFuture::from(response.text().map_err(network)?).await.map_err(network)?;
            let text = text.as_string().unwrap_or_default();
            serde_json::from_str::<TokenBody>(&text)
                .map(|body| body.token)
                .map_err(|e| format!("The server's answer was not the expected JSON: {e}"))
        }
        401 => Err("Not logged in: the server answered 401. Log in as a demo user first.".to_owned()),
        status => Err(format!("The server answered {status}.")),
    }
}

/// The session bar. Who is logged in and the log-in and log-out links are the server's HTML
/// (plain links: the browser hydrates none of it); "Get my token" and its result are live.
#[component]
pub fn DemoBar() -> impl IntoView {
    let token = RwSignal::new(TokenState::Idle);

    let debugger = crate::state::use_debugger();
    let get_token = move |_| {
        token.set(TokenState::Loading);
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            token.set(match fetch_demo_token().await {
                Ok(t) => {
                    // Into the decoder (a sample's key still in the key box is dropped: it
                    // would only say "invalid signature" for the server's token), then to the
                    // verdict, with the key box ready for JWT_SECRET_KEY.
                    debugger.load(&t, None);
                    crate::browser::reveal("verdict-heading", "key-input");
                    TokenState::Got(t)
                }
                Err(e) => TokenState::Failed(e),
            });
        });
        #[cfg(not(feature = "hydrate"))]
        let _ = debugger;
    };

    view! {
        <section class="demo-bar" aria-labelledby="demo-bar-heading" data-testid="demo-bar">
            {server_rendered("demo-bar-static", NodeRef::new(), session)}
            <button type="button" class="button primary small-button" on:click=get_token>
                "Get my token"
            </button>
            {server_rendered("demo-bar-static", NodeRef::new(), log_out)}
            <div class="demo-result">
                {move || match token.get() {
                    TokenState::Idle => ().into_any(),
                    TokenState::Loading => {
                        view! { <p role="status">"Asking the server for your token…"</p> }.into_any()
                    }
                    TokenState::Failed(reason) => {
                        view! {
                            <p class="error" role="alert" data-testid="demo-token-error">
                                {reason}
                            </p>
                        }
                            .into_any()
                    }
                    TokenState::Got(t) => {
                        view! {
                            <p role="status" class="small">
                                "Your token is in the decoder. Paste "
                                <code>"JWT_SECRET_KEY"</code>
                                " from the server's .env into the key box to verify it."
                            </p>
                            <details class="demo-token">
                                <summary>"Show it here to copy"</summary>
                                <label for="demo-token">"Your token (HS256, valid for 6 hours)"</label>
                                <textarea
                                    id="demo-token"
                                    data-testid="demo-token"
                                    readonly
                                    rows="3"
                                    prop:value=t
                                />
                            </details>
                        }
                            .into_any()
                    }
                }}
            </div>
        </section>
    }
}

/// The session's user (the server provides it while rendering).
fn user() -> Option<SessionUser> {
    use_context::<SessionUser>()
}

/// Who is logged in, and the log-in links when nobody is.
fn session() -> impl IntoView {
    let user = user();
    let status = match &user {
        Some(u) => format!("Logged in as {} ({})", u.name, u.username),
        None => "Not logged in".to_owned(),
    };
    let links = user.is_none().then(|| {
        view! {
            <span class="login-links" role="group" aria-label="Log in as a demo user">
                <span class="muted small">"Log in as"</span>
                {DEMO_USERS
                    .iter()
                    .map(|u| {
                        view! {
                            <a
                                class="button small-button"
                                href=format!("/auth/bypass?token={}", u.username)
                                aria-label=format!("Log in as {}", u.username)
                                title=format!("{} — {}", u.name, u.roles.join(", "))
                            >
                                {u.username}
                            </a>
                        }
                    })
                    .collect_view()}
            </span>
        }
    });

    view! {
        <h2 id="demo-bar-heading" class="sr-only">
            "Your demo session"
        </h2>
        <p class="session-status" data-testid="session-status" data-logged-in=user.is_some().to_string()>
            {status}
        </p>
        {links}
    }
}

/// The log-out link, when someone is logged in.
fn log_out() -> impl IntoView {
    user().map(|_| {
        view! {
            <a class="button small-button" href="/auth/logout">
                "Log out"
            </a>
        }
    })
}
