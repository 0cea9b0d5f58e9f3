//! The debugger page at `/`: decode, verify and sign in the browser, as you type.

use leptos::prelude::*;

use crate::browser;
use crate::components::api_panel::ApiPanel;
use crate::components::claims_table::ClaimsTable;
use crate::components::clock_controls::ClockControls;
use crate::components::demo_bar::DemoBar;
use crate::components::demo_info::DemoInfo;
use crate::components::encoded_token::EncodedToken;
use crate::components::explain_panel::ExplainPanel;
use crate::components::json_panel::{JsonPanel, LenientPanel};
use crate::components::key_input::KeyInput;
use crate::components::lessons::LessonsPanel;
use crate::components::server_says::ServerSaysPanel;
use crate::components::sign_panel::{SignPanel, SignState};
use crate::components::token_input::TokenInput;
use crate::components::toolbar::Toolbar;
use crate::components::verdict::Verdict;
use jwt_core::KeyKind;

use crate::demo_users::{DemoApiVulnerable, DemoRoutes};
use crate::samples::SAMPLES;
use crate::state::Debugger;
use crate::view_model::Part;

/// The page at `/`.
#[component]
pub fn DebuggerPage() -> impl IntoView {
    let first = SAMPLES.first();
    let state =
        Debugger::new(first.map_or("", |s| s.token), first.map_or("", |s| s.key), first.map(|s| s.id));
    provide_context(state);
    let sign = SignState::new();
    provide_context(sign);

    // In the browser only: a shared token from the URL fragment, the live clock, and the
    // hydration marker for the verdict's data-state.
    Effect::new(move |_| {
        if let Some(token) = browser::fragment_param("token") {
            state.load(&token, Some(("", KeyKind::Auto)));
            browser::clear_fragment();
        }
        browser::every(1000, move || state.live_now.set(browser::unix_now()));
        browser::watch_requests();
        browser::watch_linked("main");
        state.hydrated.set(true);
        // Once the decoder is interactive, load the lazily loaded part of the core (public
        // keys, signing, key generation, the teaching view) so it works offline too.
        set_timeout(
            move || {
                state.lazy_ready.set(true);
                leptos::task::spawn_local(async {
                    let crypto = crate::crypto::load().await;
                    crate::crypto::preload_check().await;
                    crate::components::sign_panel::preload().await;
                    crate::components::explain_panel::preload().await;
                    crate::components::clock_controls::preload().await;
                    crate::components::api_panel::preload().await;
                    crate::components::lessons::preload().await;
                    crate::components::server_says::preload().await;
                    let worker = crate::crypto::load_worker().await;
                    if crypto.is_ok() && worker.is_ok() {
                        browser::set_root_attribute("data-offline-ready", Some("true"));
                    }
                })
            },
            std::time::Duration::from_millis(800),
        );
    });

    // A new token re-renders the linked pieces: the characters still hovered stay lit.
    Effect::new(move |_| {
        state.shown.track();
        browser::relight_linked();
    });

    let edit = move |_| {
        let decoded = state.decoded.get_untracked();
        if let (Some(header), Some(payload)) = (&decoded.header, &decoded.payload) {
            sign.edit(header, payload);
        }
    };

    // The server says whether its demo routes are on (they are off when it is hosted for a class
    // without them); the browser keeps what it rendered.
    let demo = SharedValue::new(|| use_context::<DemoRoutes>().is_none_or(|d| d.0)).into_inner();
    // And whether its demo API accepts forged tokens on purpose (`DEMO_API_VULNERABLE=true`).
    let vulnerable =
        SharedValue::new(|| use_context::<DemoApiVulnerable>().is_some_and(|v| v.0)).into_inner() && demo;

    let presenting = RwSignal::new(false);
    provide_context(crate::state::Presenting(presenting));

    view! {
        <Toolbar />
        {demo.then(|| view! { <DemoBar /> })}
        {vulnerable
            .then(|| {
                view! {
                    <p class="vulnerable-banner" role="alert" data-testid="vulnerable-banner">
                        <strong>"Vulnerable mode. "</strong>
                        "This server's demo API accepts forged tokens on purpose (alg none, its RS256 public key as an HS256 secret, keys embedded in the token), as naive verification code did — for demonstrations only (DEMO_API_VULNERABLE=true)."
                    </p>
                }
            })}
        <main class="page" id="main">
            <div class="columns">
                <section class="col col-encoded" aria-labelledby="encoded-heading">
                    <h2 id="encoded-heading">"Encoded"</h2>
                    <TokenInput />
                    <EncodedToken />
                    <ClockControls />
                    // On a projector the verdict sits under the token (as on jwt.io), leaving the
                    // right column to the decoded JSON: all of it fits one 1280×720 screen.
                    {move || presenting.get().then(|| view! { <Verdict /> })}
                </section>
                <section class="col col-decoded" aria-labelledby="decoded-heading">
                    {move || (!presenting.get()).then(|| view! { <Verdict /> })}

                    <div class="decoded">
                        <h2 id="decoded-heading">"Decoded"</h2>
                        <JsonPanel part=Part::Header />
                        <JsonPanel part=Part::Payload />
                        <LenientPanel />
                        <button
                            type="button"
                            class="link-button"
                            data-testid="edit-in-sign-mode"
                            on:click=edit
                            disabled=move || {
                                let d = state.shown.read();
                                d.header.is_none() || d.payload.is_none()
                            }
                        >
                            "Edit and re-sign in sign mode"
                        </button>
                    </div>
                    <KeyInput />
                    <ServerSaysPanel />
                    {demo.then(|| view! { <ApiPanel /> })}
                    {demo.then(|| view! { <LessonsPanel vulnerable /> })}
                </section>
            </div>
            <ClaimsTable />
            <ExplainPanel />
            <SignPanel />
            {demo.then(|| view! { <DemoInfo /> })}
        </main>
    }
    // Erase the (very deep) view type: keeps release builds within the compiler's limits.
    .into_any()
}
