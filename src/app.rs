//! The HTML shell and the app: the debugger at `/`, a "not found" page elsewhere.

use leptos::prelude::*;

use crate::pages::debugger::DebuggerPage;
use crate::pages::not_found::NotFound;

/// The icon: public/favicon.png (public/favicon.svg drawn at 32×32 by scripts/favicon-png.mjs) as
/// a data URL (a test checks they match). Not the SVG: Chromium parses an SVG icon on the page's
/// main thread as a document of its own, ~3 ms of every load (traced); a PNG costs it ~0.1 ms.
const FAVICON: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAABzUlEQVR4nOyXu0sjURjFz3czURHD7gi7iS7GYndhm921UxBFEbQTsRGEKFpYidhaWFn4B9iIhYVRa+1EEQMiWPoAKwWNr4jig4gkJjOfcwcmCOMUguRazK+Yufec4hy4HxeuhldEY4kYkdnFhAYCVeMDYfAFMbaZxVIy3hJ3dJKfqt712mCQZqzQdhQBq8xqLsdDl4ttJ0IKVvhCscIlMiuoiXl7XdOfGBDgWSjABA0KYu6BImS2IOI6KEJma9YvDGVQWEAxfgG/gPICmpfxjTIYK9lHUyBl7zeNCCaf/+Kay/A1UILeLz/xr0y3vb3MHRYfjnBvPEMrDyLSUI2KmpDtPZ6mkdq+QP4p974C46W76NROC/tucQKNTIxk6hHTf6Gx/HvBa64IIyAIUzcHiDT+gP5bL3j6n0ogQDhbO35fgRZx6anVlVa6PEcLRUMu7y3N4fMOYcKs8tR2srcuz9HSybTLe0tz8DyCiex/5Fm4hlASvzuEYbJrCCWprXPAYNcQekG1/RsMhfgXkV/AL2AV4Csog68EM+1AETJbWJfdNBQhs+23YbRvY4UIHSgizFhOzrV22UOYFxi1pCyKhBX+aBgYlmt6bah4nr8AAAD//7UJbrMAAAAGSURBVAMAFM6rjSzSilMAAAAASUVORK5CYII=";

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
                // The icon inline (public/favicon.png): one request fewer in the first load (the
                // CSP's img-src allows data:).
                <link rel="icon" href=FAVICON type="image/png" />
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
    fn the_inline_icon_is_public_favicon_png() {
        use base64::Engine as _;
        let file = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/public/favicon.png"))
            .expect("public/favicon.png");
        let inline = super::FAVICON.strip_prefix("data:image/png;base64,").expect("a PNG data URL");
        let inline = base64::engine::general_purpose::STANDARD.decode(inline).expect("base64");
        assert_eq!(inline, file);
    }
}
