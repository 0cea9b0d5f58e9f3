//! Clock override and leeway, for demos and tests: judge `exp`/`nbf` at a chosen instant.
//! Folded away by default (its summary says whether the clock is live or fixed).

use jwt_core::time::iso8601;
use leptos::prelude::*;

use crate::components::lazy_details::{LazyDetails, body};

use crate::state::use_debugger;

/// The clock and leeway controls: folded; opening them loads their code.
#[component]
pub fn ClockControls() -> impl IntoView {
    let state = use_debugger();
    let open = RwSignal::new(false);
    let summary = move || match state.now_override.get() {
        Some(_) => "Clock: fixed",
        None if state.leeway.get() > 0 => "Clock: live, with leeway",
        None => "Clock: live",
    };
    view! {
        <LazyDetails
            class="clock"
            testid="clock"
            summary=Signal::derive(move || summary().to_owned())
            open=open
            body=body(move || clock_body(state))
        />
    }
}

/// Loads the clock controls' code ahead of use (after hydration), so it also works offline.
pub async fn preload() {
    #[cfg(all(feature = "hydrate", feature = "split"))]
    __preload_clock_body().await;
}

/// The controls themselves (a lazily loaded chunk).
#[cfg_attr(feature = "split", lazy)]
async fn clock_body(state: crate::state::Debugger) -> AnyView {
    let clock_text = move || {
        let now = state.now();
        let when = iso8601(now as f64).unwrap_or_default();
        match state.now_override.get() {
            Some(_) => format!("Times are judged at {when} (fixed)."),
            None => format!("Times are judged at {when} (live clock)."),
        }
    };
    view! {
        <fieldset class="clock">
            <legend>"Judge exp and nbf at"</legend>
            <div class="field-row">
                <div>
                    <label for="clock-now">"Judge times at (Unix seconds; empty = now)"</label>
                    <input
                        id="clock-now"
                        data-testid="clock-now"
                        type="number"
                        inputmode="numeric"
                        placeholder="live"
                        prop:value=move || {
                            state.now_override.get().map(|n| n.to_string()).unwrap_or_default()
                        }
                        on:input=move |ev| {
                            state.now_override.set(event_target_value(&ev).trim().parse().ok())
                        }
                    />
                </div>
                <div>
                    <label for="leeway">"Leeway (seconds)"</label>
                    <input
                        id="leeway"
                        data-testid="leeway"
                        type="number"
                        min="0"
                        inputmode="numeric"
                        prop:value=move || state.leeway.get().to_string()
                        on:input=move |ev| {
                            state.leeway.set(event_target_value(&ev).trim().parse().unwrap_or(0))
                        }
                    />
                </div>
                <button
                    type="button"
                    class="button"
                    on:click=move |_| {
                        state.now_override.set(None);
                        state.leeway.set(0);
                    }
                >
                    "Use the live clock"
                </button>
            </div>
            <p class="muted small" data-testid="clock-status">
                {clock_text}
            </p>
        </fieldset>
    }
    .into_any()
}
