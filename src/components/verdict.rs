//! The verdict: signature and time as two separate results (icon, words and colour), warnings
//! in words, and the test contract's `data-*` attributes.

use leptos::prelude::*;

use crate::state::use_debugger;
use crate::view_model::{Badge, announcement, signature_badge, time_badge, verdict_attributes};

/// One result line: icon, title, detail.
#[component]
fn Result(
    /// What the result says.
    badge: Badge,
    /// `data-testid` of the line.
    testid: &'static str,
) -> impl IntoView {
    view! {
        <div class=format!("result tone-{}", badge.tone) data-testid=testid data-tone=badge.tone>
            <span class="icon" aria-hidden="true">{badge.icon}</span>
            <div>
                <strong class="result-title">{badge.title}</strong>
                <span class="result-detail">{badge.detail}</span>
            </div>
        </div>
    }
}

/// The verdict panel and its live region.
#[component]
pub fn Verdict() -> impl IntoView {
    let state = use_debugger();
    let attrs = Memo::new(move |_| verdict_attributes(&state.report.read()));
    let spoken = Memo::new(move |_| announcement(&state.report.read()));
    let warnings = move || {
        state
            .report
            .read()
            .warnings
            .iter()
            .map(|w| view! { <li data-warning=w.as_str()>{w.describe()}</li> })
            .collect_view()
    };
    view! {
        <section
            class="verdict"
            data-testid="verdict"
            aria-labelledby="verdict-heading"
            data-state=move || match (state.hydrated.get(), state.pending.get()) {
                (false, _) => "loading",
                (true, true) => "pending",
                (true, false) => "ready",
            }
            data-well-formed=move || attrs.read().well_formed
            data-alg=move || attrs.read().alg.clone()
            data-signature-valid=move || attrs.read().signature_valid
            data-error-kind=move || attrs.read().error_kind
            data-time-status=move || attrs.read().time_status
            data-warnings=move || attrs.read().warnings.clone()
        >
            <h2 id="verdict-heading">"Verdict"</h2>
            <div class="results">
                {move || {
                    let badge = if state.pending.get() {
                        Badge {
                            tone: "neutral",
                            icon: "…",
                            title: "Checking the signature…".to_owned(),
                            detail: "Loading the public-key code (once), then verifying in this browser.".to_owned(),
                        }
                    } else {
                        signature_badge(&state.report.read())
                    };
                    view! { <Result badge=badge testid="signature-result" /> }
                }}
                {move || view! { <Result badge=time_badge(&state.report.read()) testid="time-result" /> }}
            </div>
            <ul class="warnings" aria-label="Warnings">
                {warnings}
            </ul>
        </section>
        <p class="sr-only" role="status" aria-live="polite" data-testid="announcer">
            {move || spoken.get()}
        </p>
    }
}
