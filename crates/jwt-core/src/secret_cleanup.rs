//! Secrets as they sit in a `.env` file: `JWT_SECRET_KEY='46a5…'`, `export KEY="…"`, a
//! trailing newline. dotenv (node's `dotenv`, Python's `python-dotenv`) gives the server the
//! value without the name, the quotes or the surrounding white space, so a student who pastes
//! the line as it is gets "invalid signature". This reads the text as dotenv would, so the
//! debugger can say so — it never cleans silently: the verdict is about the text as pasted.

use serde::{Deserialize, Serialize};

/// One thing a cleaned reading leaves out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "what", content = "text")]
pub enum Removed {
    /// White space (spaces, tabs, line breaks) around the secret.
    Whitespace,
    /// `export ` in front of the name.
    Export,
    /// `NAME=` in front of the value (the name).
    Name(String),
    /// Quotes around the value (the quote character).
    Quotes(char),
    /// An unquoted value's ` # comment`, which dotenv drops.
    Comment,
}

impl Removed {
    /// In words: "the quotes around it".
    pub fn describe(&self) -> String {
        match self {
            Removed::Whitespace => "the white space around it".to_owned(),
            Removed::Export => "\"export\" in front".to_owned(),
            Removed::Name(name) => format!("\"{name}=\" in front"),
            Removed::Quotes(q) => format!("the {q}{q} quotes around it"),
            Removed::Comment => "the # comment after it".to_owned(),
        }
    }
}

/// A secret text read as dotenv reads its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretCleanup {
    /// The value dotenv would hand the server.
    pub cleaned: String,
    /// What was left out, in order.
    pub removed: Vec<Removed>,
}

impl SecretCleanup {
    /// A sentence for people: why the pasted text differs from what the server uses.
    pub fn explain(&self) -> String {
        let what = self.removed.iter().map(Removed::describe).collect::<Vec<_>>();
        let list = match what.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        };
        let env_line = self.removed.iter().any(|r| matches!(r, Removed::Name(_) | Removed::Quotes(_)));
        if env_line {
            format!(
                "Your secret is written as in a .env file; dotenv removes {list}. Without {} it verifies.",
                if what.len() == 1 { "it" } else { "them" }
            )
        } else {
            format!(
                "Your secret has {list}. Without {} it verifies.",
                if what.len() == 1 { "it" } else { "them" }
            )
        }
    }
}

/// Reads `text` as dotenv reads a value; `None` when that changes nothing.
pub fn clean(text: &str) -> Option<SecretCleanup> {
    let mut removed = Vec::new();
    let trimmed = text.trim();
    if trimmed.len() != text.len() {
        removed.push(Removed::Whitespace);
    }
    let mut value = trimmed;
    let mut from_env_line = false;
    if !value.contains(['\n', '\r'])
        && let Some((export, name, rest)) = env_assignment(value)
    {
        if export {
            removed.push(Removed::Export);
        }
        removed.push(Removed::Name(name.to_owned()));
        value = rest.trim();
        from_env_line = true;
    }
    let cleaned = match unquote(value) {
        Some((quote, inner)) => {
            removed.push(Removed::Quotes(quote));
            inner.to_owned()
        }
        None if from_env_line => match value.find('#') {
            // dotenv stops an unquoted value at the first `#`.
            Some(at) => {
                removed.push(Removed::Comment);
                value.get(..at).unwrap_or(value).trim().to_owned()
            }
            None => value.to_owned(),
        },
        None => value.to_owned(),
    };
    (cleaned != text).then_some(SecretCleanup { cleaned, removed })
}

/// `[export ]NAME=rest` with a dotenv name (`[A-Za-z0-9_.-]+`, not starting with a digit).
fn env_assignment(line: &str) -> Option<(bool, &str, &str)> {
    let (export, rest) = match line.strip_prefix("export") {
        Some(after) if after.starts_with([' ', '\t']) => (true, after.trim_start()),
        _ => (false, line),
    };
    let (name, value) = rest.split_once('=')?;
    let name = name.trim_end();
    // A base64 secret's padding (`c2VjcmV0==`) is not an assignment.
    let valid = !name.is_empty()
        && !value.trim().chars().all(|c| c == '=')
        && !name.starts_with(|c: char| c.is_ascii_digit())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
    valid.then_some((export, name, value))
}

/// The text inside matching quotes (`'…'`, `"…"` or `` `…` ``).
fn unquote(value: &str) -> Option<(char, &str)> {
    let quote = value.chars().next().filter(|q| matches!(q, '\'' | '"' | '`'))?;
    let inner = value.strip_prefix(quote)?.strip_suffix(quote)?;
    Some((quote, inner))
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    const SECRET: &str = "46a5f1c0ffee";

    #[test]
    fn reads_env_lines_as_dotenv_does() {
        for pasted in [
            format!("'{SECRET}'"),
            format!("\"{SECRET}\""),
            format!("JWT_SECRET_KEY='{SECRET}'"),
            format!("JWT_SECRET_KEY={SECRET}"),
            format!("{SECRET}\n"),
            format!(" {SECRET}"),
            format!("export JWT_SECRET_KEY=\"{SECRET}\"\n"),
            format!("JWT_SECRET_KEY = {SECRET} # the course key"),
        ] {
            let cleanup = clean(&pasted).unwrap_or_else(|| panic!("{pasted:?}"));
            assert_eq!(cleanup.cleaned, SECRET, "{pasted:?}");
            assert!(!cleanup.explain().is_empty());
        }
    }

    #[test]
    fn leaves_plain_secrets_alone() {
        assert_eq!(clean(SECRET), None);
        assert_eq!(
            clean("a=b=c"),
            Some(SecretCleanup { cleaned: "b=c".into(), removed: vec![Removed::Name("a".into())] })
        );
        // Not a dotenv name: a base64 secret ending in '=' stays as it is.
        assert_eq!(clean("c2VjcmV0=="), None);
        assert_eq!(clean("'unbalanced"), None);
        // Several lines are not one assignment.
        assert_eq!(clean("A=1\nB=2").map(|c| c.removed), None);
    }

    #[test]
    fn explains_what_dotenv_removes() {
        let c = clean(&format!("JWT_SECRET_KEY='{SECRET}'")).unwrap_or_else(|| panic!("cleanup"));
        assert_eq!(c.removed, [Removed::Name("JWT_SECRET_KEY".into()), Removed::Quotes('\'')]);
        assert!(c.explain().contains(".env"), "{}", c.explain());
        assert!(c.explain().contains("JWT_SECRET_KEY="), "{}", c.explain());
        let c = clean(&format!("{SECRET}\n")).unwrap_or_else(|| panic!("cleanup"));
        assert_eq!(c.explain(), "Your secret has the white space around it. Without it it verifies.");
    }
}
