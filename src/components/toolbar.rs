//! The page's header: samples, theme, presentation mode and the share link.

use leptos::prelude::*;

use crate::browser;
use crate::samples::{SAMPLES, by_id};
use crate::state::use_debugger;
use jwt_core::KeyKind;

/// Themes: follow the system, or force one.
const THEMES: [(&str, &str); 3] = [("system", "System"), ("light", "Light"), ("dark", "Dark")];

/// Title and toolbar.
#[component]
pub fn Toolbar() -> impl IntoView {
    let state = use_debugger();
    let theme = RwSignal::new("system".to_owned());
    let presenting = crate::state::use_presenting();
    let share = RwSignal::new(None::<String>);
    let sample = RwSignal::new(String::new());

    // Display preferences (never tokens or keys) come back from local storage after hydration.
    Effect::new(move |_| {
        if let Some(t) = browser::load_preference("theme") {
            theme.set(t);
        }
        presenting.set(browser::load_preference("presentation").as_deref() == Some("on"));
    });
    Effect::new(move |_| {
        let t = theme.get();
        browser::set_root_attribute("data-theme", (t != "system").then_some(t.as_str()));
    });
    Effect::new(move |_| {
        browser::set_root_attribute("data-presentation", presenting.get().then_some("on"));
    });

    let copy_share = move |_| {
        let link = browser::share_link(&state.token.get_untracked());
        share.set(Some(link.clone()));
        leptos::task::spawn_local(async move {
            let _ = browser::copy_text(link).await;
        });
    };

    view! {
        <header class="site-header">
            <div class="brand">
                <h1>"JWT Debugger"</h1>
                <p class="tagline">
                    "Decode, explain, verify and sign JSON Web Tokens — in your browser, nothing leaves it."
                </p>
            </div>
            <div class="toolbar" role="toolbar" aria-label="Page tools">
                <div class="tool">
                    <label for="sample">"Load a sample"</label>
                    <select
                        id="sample"
                        data-testid="sample"
                        prop:value=move || sample.get()
                        on:change=move |ev| {
                            let id = event_target_value(&ev);
                            if let Some(s) = by_id(&id) {
                                state.load_sample(s);
                            }
                            sample.set(String::new());
                        }
                    >
                        <option value="">"Choose…"</option>
                        {SAMPLES
                            .iter()
                            .map(|s| view! { <option value=s.id>{s.label}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="tool">
                    <label for="theme">"Theme"</label>
                    <select
                        id="theme"
                        data-testid="theme"
                        prop:value=move || theme.get()
                        on:change=move |ev| {
                            let t = event_target_value(&ev);
                            browser::save_preference("theme", &t);
                            theme.set(t);
                        }
                    >
                        {THEMES.iter().map(|(v, l)| view! { <option value=*v>{*l}</option> }).collect_view()}
                    </select>
                </div>
                <button
                    type="button"
                    class="button"
                    data-testid="presentation"
                    aria-pressed=move || presenting.get().to_string()
                    on:click=move |_| {
                        let on = !presenting.get_untracked();
                        browser::save_preference("presentation", if on { "on" } else { "off" });
                        presenting.set(on);
                    }
                >
                    "Presentation mode"
                </button>
                <button type="button" class="button" data-testid="share" on:click=copy_share>
                    "Copy share link"
                </button>
                <button
                    data-testid="clear"
                    type="button"
                    class="button"
                    on:click=move |_| state.load("", Some(("", KeyKind::Auto)))
                >
                    "Clear"
                </button>
            </div>
            <p
                class="request-count muted small"
                data-testid="request-count"
                data-requests="0"
                data-with-token="0"
                title="Counted by the browser (Resource Timing). Only a click on Send to the demo API sends a token."
            >
                "Requests since this page loaded: "
                <span class="requests-n">"0"</span>
                " · carrying a token: "
                <span class="requests-t">"0"</span>
            </p>
            {move || {
                share
                    .get()
                    .map(|link| {
                        view! {
                            <p class="share-note" role="status">
                                <label for="share-link">
                                    "Share link (copied; the token is only in the # part, which browsers never send to a server)"
                                </label>
                                <input id="share-link" data-testid="share-link" readonly prop:value=link />
                            </p>
                        }
                    })
            }}
        </header>
    }
}
