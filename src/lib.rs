//! jwt-debugger: a local, self-hosted JWT debugger.
//!
//! The same crate builds the server (feature `ssr`) and the browser bundle (feature `hydrate`).
//! The pure core is its own crate, `jwt_core` (also the CLI's); [`state`] and [`view_model`]
//! connect it to the components; [`crypto`] reaches its lazily loaded part; [`server`] exists
//! only on the server.

#![recursion_limit = "256"]

pub mod app;
pub mod browser;
#[cfg(feature = "ssr")]
pub mod cli;
pub mod components;
pub mod crypto;
pub mod demo_users;
#[cfg(feature = "ssr")]
pub mod discovery;
pub mod pages;
pub mod samples;
#[cfg(feature = "ssr")]
pub mod server;
pub mod state;
pub mod view_model;

/// Browser entry point: hydrate the server-rendered page, then mark `<html data-hydrated="true">`
/// so that end-to-end tests know event handlers are attached.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Hydration in a task of its own, not in the one that instantiated the module; and before
    // it, in a task of its own too, the core's work on the first sample: each stays under the
    // 50 ms a task may block the page. (The browser compiles each WebAssembly function when it
    // first runs: in a trace of a load, ~40 ms of compiling before hydration ended, whose task
    // took ~60 ms; in a profile, reading the first sample took ~12 ms of that task.)
    browser::in_next_task(|| {
        // Only where the server rendered the debugger (its token box): the "not found" page has
        // no token to read.
        if browser::has_element("token-input")
            && let Some(first) = samples::SAMPLES.first()
        {
            browser::count("jwt-debugger:warm-up");
            state::warm_up(first.token, first.key);
        }
        // The page's first read of local storage waits on the browser (the toolbar reads its
        // display preferences there when it hydrates): here, it is out of that task too.
        let _ = browser::load_preference("theme");
        browser::in_next_task(hydrate_now);
    });
}

#[cfg(feature = "hydrate")]
fn hydrate_now() {
    leptos::mount::hydrate_body(app::App);
    let Some(window) = web_sys::window() else { return };
    // Failing to set a test marker must not break the page.
    if let Some(root) = window.document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-hydrated", "true");
    }
    // For benchmarks: navigation start -> hydrated, as a performance mark.
    if let Some(performance) = window.performance() {
        let _ = performance.mark("jwt-debugger:hydrated");
    }
}
