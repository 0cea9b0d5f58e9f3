//! The teaching view: the current token's signature computed step by step. Its code is loaded
//! the first time the panel is opened.

use leptos::prelude::*;

use crate::jwt::{Alg, Explanation, KeyMaterial, PublicKey, b64, explain};
use crate::state::use_debugger;

/// Explains the signature (lazily loaded).
#[cfg_attr(feature = "split", lazy)]
async fn explain_in_browser(
    alg: Alg,
    signing_input: String,
    signature: Vec<u8>,
    secret: Option<Vec<u8>>,
) -> Explanation {
    explain(alg, &signing_input, &signature, secret.as_deref())
}

/// Fetches the teaching view's code ahead of use (see `sign_panel::preload`).
pub async fn preload() {
    let _ = explain_in_browser(Alg::HS256, String::new(), Vec::new(), None).await;
}

/// "How the signature is computed": closed at first, computed only while open.
#[component]
pub fn ExplainPanel() -> impl IntoView {
    let state = use_debugger();
    let open = RwSignal::new(false);
    let explanation = RwSignal::new(None::<Result<Explanation, &'static str>>);

    Effect::new(move |_| {
        if !open.get() {
            return;
        }
        let report = state.report.read();
        let alg = report.alg.as_deref().and_then(Alg::parse);
        let (Some(alg), true, 3) = (alg, report.well_formed, report.segments.len()) else {
            explanation.set(Some(Err("Needs a well-formed JWS with a supported algorithm.")));
            return;
        };
        let signing_input = report.token[..report.segments[1].range.end].to_owned();
        let signature =
            b64::decode_strict(&report.token[report.segments[2].range.clone()]).unwrap_or_default();
        let secret = match state.light_key.read().as_ref().map(|k| &k.material) {
            Some(Ok(KeyMaterial::Secret { bytes, .. })) => Some(bytes.clone()),
            Some(Ok(KeyMaterial::Public { key: PublicKey::Oct(bytes), .. })) => Some(bytes.clone()),
            _ => None,
        };
        leptos::task::spawn_local(async move {
            explanation.set(Some(Ok(explain_in_browser(alg, signing_input, signature, secret).await)));
        });
    });

    let body = move || {
        let current = explanation.get()?;
        Some(match current {
            Err(why) => view! { <p class="muted">{why}</p> }.into_any(),
            Ok(e) => {
                let matches = e.hmac_matches.map(|m| {
                    if m {
                        view! { <p class="tone-good">"✓ The recomputed HMAC equals the token's signature."</p> }.into_any()
                    } else {
                        view! { <p class="tone-bad">"✗ The recomputed HMAC differs from the token's signature."</p> }.into_any()
                    }
                });
                let rows = e
                    .steps
                    .into_iter()
                    .enumerate()
                    .map(|(i, step)| {
                        view! {
                            <li>
                                <strong>{format!("{}. {}", i + 1, step.label)}</strong>
                                <code class="step-value">{step.value}</code>
                                {step.note.map(|n| view! { <span class="muted small">{n}</span> })}
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <p>{format!("{} — {}", e.alg.name(), e.alg.describe())}</p>
                    <ol class="steps" data-testid="explain-steps">{rows}</ol>
                    {matches}
                }
                .into_any()
            }
        })
    };
    view! {
        <details
            class="panel explain"
            data-testid="explain"
            on:toggle=move |ev| {
                if let Some(is_open) = crate::browser::details_open(&ev) {
                    open.set(is_open);
                }
            }
        >
            <summary>"How the signature is computed, step by step"</summary>
            {body}
        </details>
    }
}
