//! The verdict: signature and time as two separate results (icon, words and colour), warnings
//! in words, and the test contract's `data-*` attributes.

use jwt_core::analyse::KeyReport;
use jwt_core::{KeyKind, KnownSecret};
use leptos::prelude::*;

use crate::state::use_debugger;
use crate::view_model::{
    Badge, Waiting, announcement, signature_badge, time_badge, verdict_attributes, warning_text,
};

/// One result line: icon, title, detail (updated in place as the badge changes).
#[component]
fn Result(
    /// What the result says.
    badge: Memo<Badge>,
    /// `data-testid` of the line.
    testid: &'static str,
) -> impl IntoView {
    view! {
        <div
            class=move || format!("result tone-{}", badge.read().tone)
            data-testid=testid
            data-tone=move || badge.read().tone
        >
            <span class="icon" aria-hidden="true">
                {move || badge.read().icon}
            </span>
            <div>
                <strong class="result-title">{move || badge.read().title.clone()}</strong>
                <span class="result-detail">{move || badge.read().detail.clone()}</span>
            </div>
        </div>
    }
}

/// The token is signed with a publicly known secret: anyone can forge tokens like it.
#[component]
fn KnownSecretBanner(known: KnownSecret) -> impl IntoView {
    let state = use_debugger();
    // Quoted as JSON, so white space and control characters show.
    let quoted = serde_json::to_string(&known.secret).unwrap_or_default();
    let secret = StoredValue::new(known.secret.clone());
    let use_it = move |_| {
        state.key_kind.set(KeyKind::SecretUtf8);
        state.set_key(&secret.read_value());
    };
    let in_key_box = move || *state.key_text.read() == *secret.read_value();
    view! {
        <div class="known-secret" data-testid="known-secret" data-secret=known.secret.clone()>
            <p class="known-secret-title">
                <strong>"Publicly known secret " <code>{quoted}</code></strong>
                " — anyone can forge tokens signed with it."
            </p>
            <p class="known-secret-detail small">
                "From: " {known.source} ". A server using it accepts forged tokens: use a long random secret "
                "(" <code>"jwt-debugger keygen hs256"</code> "). "
                <button
                    type="button"
                    class="link-button"
                    data-testid="known-secret-use"
                    on:click=use_it
                    hidden=in_key_box
                >
                    "Put it in the key box"
                </button>
            </p>
        </div>
    }
}

/// The verdict panel and its live region.
#[component]
pub fn Verdict() -> impl IntoView {
    let state = use_debugger();
    let known = Memo::new(move |_| state.known_secret());
    let attrs = Memo::new(move |_| {
        verdict_attributes(&state.verdict.read(), state.time_status.get(), known.read().is_some())
    });
    // While a pending answer is not late, the last badge and warnings stay (no flash).
    let signature = Memo::new(move |prev: Option<&Badge>| {
        if let Some(prev) = state.kept(prev) {
            return prev;
        }
        let key = state.check.read().as_ref().and_then(|c| c.as_ref().ok()).map(|c| c.key.clone());
        let key = key.unwrap_or_else(|| KeyReport::empty(state.key_kind.get()));
        let waiting = state.pending().then(|| {
            if crate::crypto::code_ready(crate::crypto::is_slow(&state.decoded.read())) {
                Waiting::ForCheck
            } else {
                Waiting::ForCode
            }
        });
        let mut badge = signature_badge(&state.verdict.read(), &key, waiting);
        if let Some(Err(why)) = state.check.read().as_ref() {
            badge.detail = why.clone();
        }
        badge
    });
    // Re-drawn every second only while it shows a countdown.
    let time = Memo::new(move |_| {
        time_badge(&state.decoded.read(), &state.verdict.read(), state.time_status.get(), state.now())
    });
    let spoken = Memo::new(move |_| {
        let (sig, time) = (signature.read(), time.read());
        // The countdown is not read out: only the titles.
        announcement(&sig, &time, state.verdict.read().signature_state())
    });
    // Re-drawn only when the warnings or their numbers change.
    let warnings = Memo::new(move |prev: Option<&Vec<(&'static str, String)>>| {
        if let Some(prev) = state.kept(prev) {
            return prev;
        }
        let check = state.check.read();
        let key = check.as_ref().and_then(|c| c.as_ref().ok()).map(|c| &c.key);
        let blank = KeyReport::empty(state.key_kind.get_untracked());
        let key = key.unwrap_or(&blank);
        state.verdict.read().warnings.iter().map(|w| (w.as_str(), warning_text(*w, key))).collect::<Vec<_>>()
    });
    let warnings = move || {
        warnings
            .get()
            .into_iter()
            .map(|(word, text)| view! { <li data-warning=word>{text}</li> })
            .collect_view()
    };
    view! {
        <section
            class="verdict"
            data-testid="verdict"
            aria-labelledby="verdict-heading"
            data-state=move || match (state.hydrated.get(), state.ready()) {
                (false, _) => "loading",
                (true, false) => "pending",
                (true, true) => "ready",
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
                <Result badge=signature testid="signature-result" />
                <Result badge=time testid="time-result" />
            </div>
            {move || known.get().map(|k| view! { <KnownSecretBanner known=k /> })}
            <ul class="warnings" aria-label="Warnings">
                {warnings}
            </ul>
        </section>
        <p class="sr-only" role="status" aria-live="polite" data-testid="announcer">
            {move || spoken.get()}
        </p>
    }
}
