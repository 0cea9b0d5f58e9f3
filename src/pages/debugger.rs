//! The debugger page at `/`.

use leptos::prelude::*;

use crate::components::demo_login::DemoLogin;

/// The page at `/`. For now: the course's demo log-in and the token it issues.
#[component]
pub fn DebuggerPage() -> impl IntoView {
    view! {
        <header class="site-header">
            <h1>"JWT Debugger"</h1>
            <p class="tagline">
                "Decode, explain and verify JSON Web Tokens. Tokens and keys stay in your browser."
            </p>
        </header>
        <main class="page">
            <DemoLogin />
        </main>
    }
}
