//! The HTML shell and the app: the debugger at `/`, a "not found" page elsewhere.

use leptos::prelude::*;

use crate::pages::debugger::DebuggerPage;
use crate::pages::not_found::NotFound;

/// The document around the app, rendered on the server only. Title and stylesheet are static
/// markup here, so no head-management code goes to the browser.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light dark" />
                <title>"JWT Debugger"</title>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                // id="leptos": cargo-leptos hot-reloads this stylesheet in watch mode.
                <link id="leptos" rel="stylesheet" href="/pkg/jwt-debugger.css" />
                <AutoReload options=options.clone() />
                <PageScripts options />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Loads and hydrates the page's WebAssembly: leptos's `HydrationScripts`, without its habit of
/// writing the CSP nonce into the preloads' `crossorigin` attribute (where any script on the
/// page could read it). The nonce stays on the one inline script.
#[component]
fn PageScripts(
    /// The site's options (its package directory and output name).
    options: LeptosOptions,
) -> impl IntoView {
    let nonce = leptos::nonce::use_nonce();
    let js = format!("/{}/{}.js", options.site_pkg_dir, options.output_name);
    let wasm = format!("/{}/{}.wasm", options.site_pkg_dir, options.output_name);
    let script = format!(
        "import({js:?}).then((m) => m.default({{ module_or_path: {wasm:?} }}).then(() => m.hydrate()));"
    );
    view! {
        <link rel="modulepreload" href=js />
        <link rel="preload" href=wasm r#as="fetch" r#type="application/wasm" crossorigin="anonymous" />
        <script type="module" nonce=nonce>
            {script}
        </script>
    }
}

/// The path being rendered, on the server (the browser gets the server's answer, so hydration
/// renders the same page).
fn path_is_root() -> bool {
    #[cfg(feature = "ssr")]
    {
        use_context::<axum::http::request::Parts>().is_none_or(|parts| parts.uri.path() == "/")
    }
    #[cfg(not(feature = "ssr"))]
    {
        true
    }
}

/// The app: one page, the debugger, and a "not found" page for everything else. (One page
/// needs no client-side router, which keeps its code out of the WASM.)
#[component]
pub fn App() -> impl IntoView {
    let at_root = SharedValue::new(path_is_root).into_inner();
    view! {
        {move || {
            if at_root { view! { <DebuggerPage /> }.into_any() } else { view! { <NotFound /> }.into_any() }
        }}
    }
}
