//! Views the browser does not hydrate. The server renders them in full; the browser keeps the
//! server's HTML — for good when it is static text ([`server_rendered`]), or until the view's
//! lazily loaded code builds the live view, which then takes its place ([`take_over`]). What
//! only reads the first screen's token stays out of the first load this way.

use leptos::prelude::*;

use crate::components::lazy_details::Body;

/// `<div class=class>` holding `view`, which only the server renders: the browser hydrates the
/// element without its children (the server's HTML stays as it is), and `view`'s code is not in
/// the page's WASM. [`take_over`] can replace the children later.
#[cfg(not(feature = "hydrate"))]
pub fn server_rendered<V: IntoView + 'static>(
    class: &'static str,
    node_ref: NodeRef<leptos::html::Div>,
    view: impl FnOnce() -> V,
) -> impl IntoView {
    view! {
        <div class=class node_ref=node_ref>
            {view()}
        </div>
    }
}

/// `<div class=class>` holding `view`, which only the server renders: the browser hydrates the
/// element without its children (the server's HTML stays as it is), and `view`'s code is not in
/// the page's WASM. [`take_over`] can replace the children later.
#[cfg(feature = "hydrate")]
pub fn server_rendered<V>(
    class: &'static str,
    node_ref: NodeRef<leptos::html::Div>,
    view: impl FnOnce() -> V,
) -> impl IntoView {
    let _ = view;
    view! { <div class=class node_ref=node_ref></div> }
}

/// In the browser: once what the view shows (`shows`) first differs from what the server
/// rendered, or the lazily loaded parts may load ([`Debugger::lazy_ready`]), whichever comes
/// first, loads the live view (`body`, a lazily loaded function), replaces the children of
/// `host` (the server's HTML) with it, and sets `live`. The live view belongs to the calling
/// component (its contexts, its lifetime). On the server this does nothing.
///
/// [`Debugger::lazy_ready`]: crate::state::Debugger::lazy_ready
pub fn take_over<T: PartialEq + 'static>(
    host: NodeRef<leptos::html::Div>,
    shows: impl Fn() -> T + 'static,
    body: Body,
    live: RwSignal<bool>,
) {
    #[cfg(feature = "hydrate")]
    {
        use leptos::tachys::view::{Mountable, Render};

        let lazy_ready = crate::state::use_debugger().lazy_ready;
        let first = untrack(&shows);
        let Some(owner) = Owner::current() else { return };
        // Keeps the live view's state (its reactive parts stop when it is dropped).
        let kept = StoredValue::new_local(None);
        Effect::new(move |started: Option<bool>| {
            // Once started, it reads nothing, so it never runs again.
            if started == Some(true) || !(lazy_ready.get() || shows() != first) {
                return started == Some(true);
            }
            let body = body.clone();
            // Built under the component's owner (its contexts; it lives as long as the
            // component), not the effect's, and tracked by nothing.
            untrack(|| {
                owner.with(|| {
                    let owner = owner.clone();
                    leptos::task::spawn_local_scoped(async move {
                        let view = body().await;
                        // Built and mounted in a task of its own: several views' code may
                        // arrive together, and each stays a short task.
                        crate::browser::in_next_task(move || {
                            owner.with(|| {
                                let Some(host) = host.get_untracked() else { return };
                                host.set_inner_html("");
                                let mut state = view.build();
                                state.mount(&host, None);
                                kept.set_value(Some(state));
                                // Its linked pieces light up with the others.
                                crate::browser::relight_linked();
                                live.set(true);
                            })
                        });
                    })
                })
            });
            true
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (host, shows, body, live);
}
