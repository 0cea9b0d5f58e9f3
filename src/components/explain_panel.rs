//! The teaching view: the current token's signature computed step by step (in the lazily loaded
//! crypto module), only while the panel is open.

use jwt_core::{Alg, Explanation, KeyMaterial, PublicKey};
use leptos::prelude::*;

use crate::components::lazy_details::{LazyDetails, body};

use crate::crypto::{self, ExplainRequest};
use crate::state::{Debugger, use_debugger};

/// "How the signature is computed": closed at first; opening it loads its code, and the
/// explanation is computed only while it is open.
#[component]
pub fn ExplainPanel() -> impl IntoView {
    let state = use_debugger();
    let open = RwSignal::new(false);
    view! {
        <LazyDetails
            class="panel explain"
            testid="explain"
            summary="How the signature is computed, step by step"
            open=open
            body=body(move || explain_body(state, open))
            loading_note=true
        />
    }
}

/// Loads the teaching view's code ahead of use (after hydration), so it also works offline.
pub async fn preload() {
    #[cfg(all(feature = "hydrate", feature = "split"))]
    __preload_explain_body().await;
}

/// The teaching view's body. Its code is a lazily loaded chunk.
#[cfg_attr(feature = "split", lazy)]
async fn explain_body(state: Debugger, open: RwSignal<bool>) -> AnyView {
    let explanation = RwSignal::new(None::<Result<Explanation, String>>);

    Effect::new(move |_| {
        if !open.get() {
            return;
        }
        let decoded = state.decoded.read();
        let alg = decoded.alg.as_deref().and_then(Alg::parse);
        let (Some(alg), Some(signing_input), Some(signature)) =
            (alg, decoded.signing_input(), decoded.signature.clone())
        else {
            explanation.set(Some(Err("Needs a well-formed JWS with a supported algorithm.".to_owned())));
            return;
        };
        let secret = match state.light_key.read().as_ref().map(|k| &k.material) {
            Some(Ok(
                KeyMaterial::Secret { bytes, .. } | KeyMaterial::Public { key: PublicKey::Oct(bytes), .. },
            )) => Some(bytes.clone()),
            _ => None,
        };
        let request = ExplainRequest { alg, signing_input: signing_input.to_owned(), signature, secret };
        leptos::task::spawn_local(async move {
            explanation.set(Some(crypto::explain(request).await));
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
                    <ol class="steps" data-testid="explain-steps">
                        {rows}
                    </ol>
                    {matches}
                }
                .into_any()
            }
        })
    };
    body.into_any()
}
