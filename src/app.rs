//! The HTML shell and the app: the debugger at `/`, a "not found" page elsewhere.

use leptos::prelude::*;

use crate::pages::debugger::DebuggerPage;
use crate::pages::not_found::NotFound;

/// public/favicon.svg as a data URL (a test checks they match).
const FAVICON: &str = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='6' fill='%231f5fbf'/%3E%3Ccircle cx='9' cy='16' r='3' fill='%23ff6b6b'/%3E%3Ccircle cx='16' cy='16' r='3' fill='%23c77dff'/%3E%3Ccircle cx='23' cy='16' r='3' fill='%234cc9f0'/%3E%3C/svg%3E";

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
                // The icon inline (public/favicon.svg, URL-encoded): one request fewer in the first
                // load (the CSP's img-src allows data:).
                <link rel="icon" href=FAVICON type="image/svg+xml" />
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

/// The modules the page's JS imports statically (URL paths), provided by the server (which reads
/// them from the built site) so the page can preload them.
#[derive(Clone, Debug, Default)]
pub struct ModulePreloads(pub std::sync::Arc<[String]>);

/// Loads and hydrates the page's WebAssembly: leptos's `HydrationScripts`, without its habit of
/// writing the CSP nonce into the preloads' `crossorigin` attribute (where any script on the
/// page could read it). The nonce stays on the one inline script.
#[component]
fn PageScripts(
    /// The site's options (its package directory and output name).
    options: LeptosOptions,
) -> impl IntoView {
    let nonce = leptos::nonce::use_nonce();
    let imports = use_context::<ModulePreloads>().map(|p| p.0).unwrap_or_default();
    let js = format!("/{}/{}.js", options.site_pkg_dir, options.output_name);
    let wasm = format!("/{}/{}.wasm", options.site_pkg_dir, options.output_name);
    let script = format!(
        "import({js:?}).then((m) => m.default({{ module_or_path: {wasm:?} }}).then(() => m.hydrate()));"
    );
    view! {
        <link rel="modulepreload" href=js />
        // What that module imports, fetched with it rather than after it (~20 ms sooner hydrated).
        {imports
            .iter()
            .map(|href| view! { <link rel="modulepreload" href=href.clone() /> })
            .collect::<Vec<_>>()}
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

#[cfg(test)]
mod tests {
    #[test]
    fn the_inline_icon_is_public_favicon_svg() {
        let file = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/favicon.svg"))
            .expect("public/favicon.svg");
        let inline = super::FAVICON
            .strip_prefix("data:image/svg+xml,")
            .expect("a data URL")
            .replace("%3C", "<")
            .replace("%3E", ">")
            .replace("%23", "#");
        assert_eq!(inline, file.trim().replace('"', "'"));
    }
}
