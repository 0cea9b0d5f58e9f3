//! The page for any unknown path.

use leptos::prelude::*;

/// "Not found", with the way back. Sets the HTTP status to 404 when rendered on the server.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    view! {
        <main class="page">
            <h1>"Page not found"</h1>
            <p>
                <a href="/">"Back to the debugger"</a>
            </p>
        </main>
    }
}
