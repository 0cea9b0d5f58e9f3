//! A folded panel whose body — and the lazily loaded code that builds it — arrives only when
//! it is first opened (sign mode, the clock, the teaching view, the demo API, the server
//! predictions, the lessons).

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;

/// Builds a panel's body: one type for every panel, so the panel's code exists once.
pub type Body = Arc<dyn Fn() -> Pin<Box<dyn Future<Output = AnyView> + Send>> + Send + Sync>;

/// A [`Body`] from a (lazily loaded) async function.
pub fn body<F, Fut>(build: F) -> Body
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = AnyView> + Send + 'static,
{
    Arc::new(move || Box::pin(build()))
}

/// `<details>` with a summary; the body is built by `body` once opened, inside a `Suspense`
/// (its chunk may still be loading). `open` follows the toggle, so a body can stop its work
/// while folded.
#[component]
pub fn LazyDetails(
    /// The element's classes.
    class: &'static str,
    /// Its `data-testid`.
    testid: &'static str,
    /// The summary's text.
    #[prop(into)]
    summary: Signal<String>,
    /// Whether it is open (set by the toggle).
    open: RwSignal<bool>,
    /// Builds the body (a lazily loaded function; see [`body`]).
    body: Body,
    /// Say "Loading…" while the body's code arrives (for bodies that are slow to come).
    #[prop(optional)]
    loading_note: bool,
) -> impl IntoView {
    let fallback = move || {
        loading_note.then(|| {
            view! {
                <p class="muted" role="status">
                    "Loading…"
                </p>
            }
        })
    };
    view! {
        <details
            class=class
            data-testid=testid
            on:toggle=move |ev| {
                if let Some(is_open) = crate::browser::details_open(&ev) {
                    open.set(is_open);
                }
            }
        >
            <summary>{move || summary.get()}</summary>
            {move || {
                let body = body.clone();
                open.get()
                    .then(move || {
                        view! {
                            <Suspense fallback=fallback>
                                {
                                    let body = body.clone();
                                    move || Suspend::new(body())
                                }
                            </Suspense>
                        }
                    })
            }}
        </details>
    }
}
