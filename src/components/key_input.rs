//! The verification key: a text box and a format menu (auto-detected by default), and what the
//! key turned out to be: which secret readings verify, which JWKS member the `kid` chose.

use leptos::prelude::*;

use crate::jwt::KeyKind;
use crate::state::use_debugger;

/// Key box, format menu and key report.
#[component]
pub fn KeyInput() -> impl IntoView {
    let state = use_debugger();
    let options = KeyKind::CHOICES
        .iter()
        .map(|kind| view! { <option value=kind.as_str()>{kind.label()}</option> })
        .collect_view();
    let key_report = Memo::new(move |_| state.report.read().key.clone());
    let detected = move || {
        let key = key_report.read();
        let kind = if key.requested == KeyKind::Auto && key.detected != KeyKind::None {
            format!("Detected: {}", key.detected.label())
        } else {
            key.detected.label().to_owned()
        };
        let description = key.description.clone().map(|d| format!(" — {d}"));
        view! {
            <p data-testid="key-detected" data-kind=key.detected.as_str()>
                {kind}
                {description}
            </p>
        }
    };
    let error = move || {
        key_report.read().error.clone().map(|e| view! { <p class="error-text" role="alert" data-testid="key-error">{format!("Cannot read this key: {e}")}</p> })
    };
    let notes = move || {
        state
            .report
            .read()
            .key
            .notes
            .iter()
            .map(|n| view! { <p class="note-warn">{n.clone()}</p> })
            .collect_view()
    };
    let readings = move || {
        let key = key_report.read();
        if key.readings.is_empty() {
            return None;
        }
        let rows = key
            .readings
            .iter()
            .map(|r| {
                let (text, tone) = match r.verifies {
                    Some(true) => ("✓ verifies", "good"),
                    Some(false) => ("✗ does not verify", "bad"),
                    None => ("not valid in this encoding", "neutral"),
                };
                view! {
                    <tr data-reading=r.encoding.label() data-verifies=r.verifies.map_or("null", |v| if v { "true" } else { "false" })>
                        <th scope="row">{r.encoding.label()} {r.used.then_some(" (used)")}</th>
                        <td>{r.bytes.map_or_else(|| "–".to_owned(), |b| format!("{b} bytes"))}</td>
                        <td class=format!("tone-{tone}")>{text}</td>
                    </tr>
                }
            })
            .collect_view();
        let hint = key
            .readings
            .iter()
            .find(|r| !r.used && r.verifies == Some(true))
            .map(|r| view! {
                <p class="note-warn" data-testid="reading-hint">
                    {format!("The secret verifies when read as {} — choose \"{}\" as the key format.", r.encoding.label(), r.encoding.key_kind().label())}
                </p>
            });
        Some(view! {
            <table class="readings" data-testid="secret-readings">
                <caption>"The secret, read each way"</caption>
                <thead><tr><th scope="col">"Read as"</th><th scope="col">"Key length"</th><th scope="col">"Result"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            {hint}
        })
    };
    let set_members = move || {
        let key = key_report.read();
        if key.set.is_empty() {
            return None;
        }
        let items = key
            .set
            .iter()
            .map(|m| {
                let kid = m.kid.clone().unwrap_or_else(|| "(no kid)".to_owned());
                let result = match m.verifies {
                    Some(true) => " — ✓ verifies",
                    Some(false) => " — ✗ does not verify",
                    None if m.selected => " — not usable for this alg",
                    None => " — not selected by the token's kid",
                };
                let label = kid.clone();
                view! { <li data-kid=kid data-selected=m.selected.to_string()><code>{label}</code>{format!(": {}{result}", m.description)}</li> }
            })
            .collect_view();
        Some(
            view! { <ul class="set-members" data-testid="jwks-members" aria-label="Keys in the set">{items}</ul> },
        )
    };
    let initial = state.key_text.get_untracked();
    view! {
        <section class="verify" aria-labelledby="verify-heading">
            <h2 id="verify-heading">"Verify the signature"</h2>
            <label for="key-kind">"Key format"</label>
            <select
                id="key-kind"
                data-testid="key-kind"
                prop:value=move || state.key_kind.get().as_str()
                on:change=move |ev| state.key_kind.set(KeyKind::parse(&event_target_value(&ev)).unwrap_or_default())
            >
                {options}
            </select>
            <label for="key-input">"Secret, public key, certificate, JWK or JWKS"</label>
            <textarea
                id="key-input"
                data-testid="key-input"
                class="key-input"
                rows="5"
                spellcheck="false"
                autocomplete="off"
                autocapitalize="off"
                aria-describedby="key-privacy"
                prop:value=move || state.key_text.get()
                on:input=move |ev| state.key_text.set(event_target_value(&ev))
            >
                {initial}
            </textarea>
            <p id="key-privacy" class="muted small">
                "Keys stay in this browser: nothing you paste is sent anywhere, stored, or put in the address."
            </p>
            <div class="key-report" data-testid="key-report">
                {detected}
                {error}
                {notes}
                {readings}
                {set_members}
            </div>
        </section>
    }
}
