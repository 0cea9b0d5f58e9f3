//! What the course's demo log-in is: its users and their roles, and its routes (the links are
//! in the session bar at the top).

use leptos::prelude::*;

use crate::components::deferred::server_rendered;
use crate::demo_users::DEMO_USERS;

/// The demo users and routes, explained: static text, rendered by the server only (the browser
/// keeps its HTML and hydrates none of it).
#[component]
pub fn DemoInfo() -> impl IntoView {
    view! {
        <section class="panel demo" aria-labelledby="demo-heading" data-testid="demo-info">
            {server_rendered("demo-info-text", NodeRef::new(), body)}
        </section>
    }
}

/// What the section says.
fn body() -> impl IntoView {
    let rows = DEMO_USERS
        .iter()
        .map(|u| {
            view! {
                <tr>
                    <th scope="row" data-label="Username">
                        <code>{u.username}</code>
                    </th>
                    <td data-label="Name">{u.name}</td>
                    <td data-label="Roles">{u.roles.join(", ")}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2 id="demo-heading">"Course demo log-in"</h2>
        <p>
            "The bar at the top logs you in as one of these users (no password), as the course's "
            <code>"/auth/bypass?token=<username>"</code> " does. " <code>"/auth/token"</code>
            " then answers with an HS256 token of that user, signed with the server's "
            <code>"JWT_SECRET_KEY"</code> " and valid for 6 hours."
        </p>
        <table class="demo-users-table cards">
            <caption>"Demo users"</caption>
            <thead>
                <tr>
                    <th scope="col">"Username"</th>
                    <th scope="col">"Name"</th>
                    <th scope="col">"Roles"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
