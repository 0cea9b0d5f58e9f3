//! The verification key: a text box and a format menu (auto-detected by default), and what the
//! key turned out to be: which secret readings verify, which JWKS member the `kid` chose, and —
//! for a secret pasted as it sits in a `.env` file — the reading dotenv would give the server.

use jwt_core::KeyKind;
use jwt_core::analyse::KeyReport;
use leptos::prelude::*;

use crate::components::deferred::{server_rendered, take_over};
use crate::components::discover_keys::DiscoverKeys;
use crate::components::key_fields::KeyFields;
use crate::components::lazy_details::body;
use crate::state::{Debugger, use_debugger};
use crate::view_model::{key_detected, reading_hint, reading_row, set_member_text};

/// The report of the key as last read (the key-free one while a public key is pending).
fn key_report(state: Debugger) -> Memo<Option<KeyReport>> {
    Memo::new(move |_| match state.shown_check.read().as_ref() {
        Some(Ok(check)) => Some(check.key.clone()),
        _ => None,
    })
}

/// Key box, format menu and key report. What the key was read as is named at once; the rest of
/// the report (errors, notes, readings, key set members) keeps the server's HTML until its
/// lazily loaded code takes over — when the report first changes, or with the other lazily
/// loaded parts ([`Debugger::key_report_live`]).
#[component]
pub fn KeyInput() -> impl IntoView {
    let state = use_debugger();
    let key_report = key_report(state);
    let host = NodeRef::new();
    take_over(host, move || state.shown_check.get(), body(details_late), state.key_report_live);
    let pending_kind = Memo::new(move |_| {
        state.pending_shown().then(|| match state.key_kind.get() {
            KeyKind::Auto => jwt_core::keys::detect(&state.key_text.read()),
            kind => kind,
        })
    });
    let detected = move || {
        let key = key_report.get().unwrap_or_else(|| KeyReport::empty(state.key_kind.get()));
        let (kind, text) = key_detected(&key, pending_kind.get());
        view! {
            <p data-testid="key-detected" data-kind=kind.as_str()>
                {text}
            </p>
        }
    };
    view! {
        <section class="verify" aria-labelledby="verify-heading">
            <h2 id="verify-heading">"Verify the signature"</h2>
            <KeyFields
                kind_id="key-kind"
                text_id="key-input"
                kind_label="Key format"
                text_label="Secret, public key, certificate, JWK or JWKS"
                kinds=&KeyKind::CHOICES
                kind=state.key_kind
                text=Signal::derive(move || state.key_text.get())
                on_input=Callback::new(move |text: String| state.set_key(&text))
                rows=5
                described_by="key-privacy"
            />
            <p id="key-privacy" class="muted small">
                "Keys stay in this browser: nothing you paste is sent anywhere, stored, or put in the address."
            </p>
            <DiscoverKeys />
            <div class="key-report" data-testid="key-report">
                {detected}
                {server_rendered("key-report-details", host, details)}
            </div>
        </section>
    }
}

/// The key report after the kind it was read as: errors, the `.env` clean-up, notes, the secret's
/// readings and the key set's members.
fn details() -> AnyView {
    let state = use_debugger();
    let key_report = key_report(state);
    let error = move || {
        let key = key_report.get()?;
        let message = key.error.clone()?;
        let code = key.error_code.map(|c| c.as_str()).unwrap_or_default();
        Some(view! {
            <p class="error-text" role="alert" data-testid="key-error" data-code=code>
                {format!("Cannot read this key: {message}")}
            </p>
        })
    };
    let notes = move || {
        key_report
            .get()
            .map(|k| k.notes.into_iter().map(|n| view! { <p class="note-warn">{n}</p> }).collect_view())
    };
    let cleanup = move || {
        let key = key_report.get()?;
        let cleanup = key.cleanup.filter(|c| c.verifies)?;
        Some(view! {
            <div class="note-warn key-cleanup" data-testid="key-cleanup" role="status">
                <p>{cleanup.explanation}</p>
                <p class="muted small">"The verdict above is about the text as you pasted it."</p>
                <button
                    type="button"
                    class="button small-button"
                    data-testid="key-fix"
                    on:click=move |_| {
                        if let Some(c) = jwt_core::secret_cleanup::clean(&state.key_text.get_untracked()) {
                            state.set_key(&c.cleaned);
                        }
                    }
                >
                    "Use the secret without them"
                </button>
            </div>
        })
    };
    let readings = move || {
        let key = key_report.get()?;
        if key.readings.is_empty() {
            return None;
        }
        let cleanup_words = key.cleanup.as_ref().map(|c| {
            c.removed.iter().map(|r| format!("without {}", r.describe())).collect::<Vec<_>>().join(", ")
        });
        let rows = key
            .readings
            .iter()
            .map(|r| {
                let row = reading_row(r, cleanup_words.as_deref());
                view! {
                    <tr
                        data-reading=r.encoding.label()
                        data-cleaned=r.cleaned.to_string()
                        data-verifies=row.verifies
                    >
                        <th scope="row">{row.label}</th>
                        <td>{row.length}</td>
                        <td class=format!("tone-{}", row.tone)>{row.result}</td>
                    </tr>
                }
            })
            .collect_view();
        let hint = reading_hint(&key).map(|h| {
            view! {
                <p class="note-warn" data-testid="reading-hint">
                    {h}
                </p>
            }
        });
        Some(view! {
            <table class="readings" data-testid="secret-readings">
                <caption>"The secret, read each way"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Read as"</th>
                        <th scope="col">"Key length"</th>
                        <th scope="col">"Result"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            {hint}
        })
    };
    let set_members = move || {
        let key = key_report.get()?;
        if key.set.is_empty() {
            return None;
        }
        let items = key
            .set
            .iter()
            .map(|m| {
                let (kid, text) = set_member_text(m);
                let attr = kid.clone();
                view! {
                    <li data-kid=attr data-selected=m.selected.to_string()>
                        <code>{kid}</code>
                        {text}
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <ul class="set-members" data-testid="jwks-members" aria-label="Keys in the set">
                {items}
            </ul>
        })
    };
    view! {
        {error}
        {cleanup}
        {notes}
        {readings}
        {set_members}
    }
    .into_any()
}

/// [`details`], in a lazily loaded chunk.
#[cfg_attr(feature = "split", lazy)]
async fn details_late() -> AnyView {
    details()
}
