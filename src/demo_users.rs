//! The course's built-in demo users. Whatever a user holds here becomes the claims of the
//! token `/auth/token` issues for them (plus `iat` and `exp`).

use serde::Serialize;

/// One demo user. Field order is the claim order in issued tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DemoUser {
    /// Numeric id, as in the course's user list.
    pub id: u32,
    /// Login name, the `token` of `/auth/bypass?token=<username>`.
    pub username: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Roles, most significant first.
    pub roles: &'static [&'static str],
}

/// Every demo user, in the order the page lists them.
pub const DEMO_USERS: [DemoUser; 4] = [
    DemoUser { id: 1, username: "admin", name: "Ada Admin", roles: &["admin"] },
    DemoUser { id: 2, username: "contributor", name: "Carl Contributor", roles: &["contributor"] },
    DemoUser { id: 3, username: "manager", name: "Mia Manager", roles: &["manager", "contributor"] },
    DemoUser { id: 4, username: "user", name: "Uma User", roles: &["user"] },
];

/// The logged-in demo user as the page knows it (the server provides it while rendering).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct SessionUser {
    /// Login name.
    pub username: String,
    /// Display name.
    pub name: String,
}

impl From<&DemoUser> for SessionUser {
    fn from(user: &DemoUser) -> Self {
        Self { username: user.username.to_owned(), name: user.name.to_owned() }
    }
}

/// Whether the server's demo routes (`/auth/*` and the demo API) are on; the server provides it
/// while rendering, and the page shows the demo log-in only when they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct DemoRoutes(pub bool);

/// Whether the demo API runs in its vulnerable mode (`DEMO_API_VULNERABLE=true`): the server
/// provides it while rendering, and the page then shows a red banner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct DemoApiVulnerable(pub bool);

/// Finds a demo user by id.
pub fn find_by_id(id: u32) -> Option<&'static DemoUser> {
    DEMO_USERS.iter().find(|u| u.id == id)
}

/// Finds a demo user by login name (exact, case-sensitive, like the course).
pub fn find_by_username(username: &str) -> Option<&'static DemoUser> {
    DEMO_USERS.iter().find(|u| u.username == username)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_user_by_exact_name() {
        for user in &DEMO_USERS {
            assert_eq!(find_by_username(user.username), Some(user));
        }
        assert_eq!(find_by_username("Admin"), None);
        assert_eq!(find_by_username(""), None);
    }

    #[test]
    fn ids_and_names_are_unique() {
        for (i, a) in DEMO_USERS.iter().enumerate() {
            for b in &DEMO_USERS[i + 1..] {
                assert_ne!(a.id, b.id);
                assert_ne!(a.username, b.username);
            }
        }
    }
}
