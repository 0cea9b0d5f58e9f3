//! Contract steps 1–3: size, normalising, empty; and the cleanup the page offers for pasted
//! quotes and JSON wrappers (which the contract does not do).

use serde_json::Value;

use super::{Decoded, MAX_INPUT_BYTES, Normalisation, Problem};
use crate::error::{ErrorKind, Warning};

/// Step 1: inputs over the limit are refused unparsed.
pub(super) fn check_size(input: &str) -> Result<(), Problem> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(Problem::new(
            ErrorKind::TooLarge,
            format!("{} bytes; the limit is {MAX_INPUT_BYTES}", input.len()),
        ));
    }
    Ok(())
}

impl Decoded {
    /// Step 2: trim SP/HT/CR/LF, strip a case-insensitive `Authorization:` header name and a
    /// `Bearer` + blanks, remove any SP/HT/CR/LF left inside.
    pub(super) fn normalise(&mut self, input: &str) {
        let (token, normalisation) = normalise(input);
        if normalisation.header_name_removed {
            self.warnings.push(Warning::AuthorizationHeaderRemoved);
        }
        if normalisation.bearer_removed {
            self.warnings.push(Warning::BearerPrefixRemoved);
        }
        if normalisation.whitespace_removed > 0 {
            self.warnings.push(Warning::WhitespaceRemoved);
        }
        self.token = token;
        self.normalisation = normalisation;
    }
}

fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

/// Removes a case-insensitive `word` followed by at least one of `separators`, then blanks.
fn strip_word<'a>(text: &'a str, word: &str, separators: &[char]) -> Option<&'a str> {
    let head = text.get(..word.len())?;
    if !head.eq_ignore_ascii_case(word) {
        return None;
    }
    let after = text.get(word.len()..)?;
    let stripped = after.trim_start_matches(separators);
    (stripped.len() < after.len()).then(|| stripped.trim_start_matches([' ', '\t']))
}

/// Contract step 2 on its own: the token without surrounding white space, an `Authorization:`
/// header name, `Bearer` and inner white space, and what was removed.
pub fn normalise(input: &str) -> (String, Normalisation) {
    let trimmed = input.trim_matches(is_ws);
    let mut n = Normalisation { trimmed: input.len() - trimmed.len(), ..Normalisation::default() };
    let mut rest = trimmed;
    // `Authorization: Bearer eyJ…`, as copied from the browser's developer tools.
    if let Some(after) = strip_word(rest, "authorization", &[':']) {
        n.header_name_removed = true;
        rest = after;
    }
    if let Some(after) = strip_word(rest, "bearer", &[' ', '\t'])
        && !after.is_empty()
    {
        n.bearer_removed = true;
        rest = after;
    }
    // White space is ASCII, so a white-space byte is a whole character and the pieces between
    // them are whole characters too: a byte loop, and a pasted 256 KiB token is copied in one
    // piece rather than character by character.
    let mut token = String::with_capacity(rest.len());
    let mut start = 0;
    for (i, b) in rest.bytes().enumerate() {
        if is_ws(char::from(b)) {
            token.push_str(rest.get(start..i).unwrap_or_default());
            start = i + 1;
            n.whitespace_removed += 1;
        }
    }
    token.push_str(rest.get(start..).unwrap_or_default());
    (token, n)
}

/// Surrounding quotes or a `{"token": "…"}` wrapper, which people paste from JSON and code.
/// The analysis itself never removes them (the contract does not); the page offers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleanup {
    /// The text without the wrapper.
    pub cleaned: String,
    /// What was removed, for the note shown to the user.
    pub removed: &'static str,
}

/// Suggests removing quotes or a JSON wrapper around a pasted token.
pub fn suggest_cleanup(input: &str) -> Option<Cleanup> {
    let t = input.trim();
    if t.starts_with('{')
        && let Ok(Value::Object(o)) = serde_json::from_str::<Value>(t)
    {
        let token = ["token", "access_token", "id_token", "jwt"]
            .iter()
            .find_map(|k| o.get(*k).and_then(Value::as_str))?;
        return Some(Cleanup { cleaned: token.to_owned(), removed: "the JSON around the token" });
    }
    for q in ['"', '\'', '`'] {
        if let Some(inner) = t.strip_prefix(q).and_then(|r| r.strip_suffix(q))
            && !inner.contains(q)
        {
            return Some(Cleanup { cleaned: inner.to_owned(), removed: "the surrounding quotes" });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn normalise_follows_step_2() {
        assert_eq!(
            normalise("  Bearer \t abc.def \r\n"),
            (
                "abc.def".into(),
                Normalisation {
                    header_name_removed: false,
                    bearer_removed: true,
                    whitespace_removed: 0,
                    trimmed: 5
                }
            )
        );
        assert_eq!(normalise("bEaReR x").0, "x");
        assert!(!normalise("Bearerx.y").1.bearer_removed);
        assert_eq!(normalise("Bearer").0, "Bearer");
        let (t, n) = normalise("a b\nc\td");
        assert_eq!((t.as_str(), n.whitespace_removed), ("abcd", 3));
        // Only SP, HT, CR, LF count; other whitespace stays (and later fails base64).
        assert_eq!(normalise("\u{a0}a").0, "\u{a0}a");
        assert_eq!(normalise("é").0, "é");
        // Runs of white space between and beside multi-byte characters.
        let (t, n) = normalise("é \u{2028}x\r\n\r\ny\u{1F600}\t\tz");
        assert_eq!((t.as_str(), n.whitespace_removed), ("é\u{2028}xy\u{1F600}z", 7));
    }

    #[test]
    fn authorization_header_names_are_removed_with_bearer() {
        let (t, n) = normalise("Authorization: Bearer eyJ.e30.sig");
        assert_eq!(t, "eyJ.e30.sig");
        assert!(n.header_name_removed && n.bearer_removed);
        let (t, n) = normalise("authorization:bearer  a.b.c");
        assert_eq!((t.as_str(), n.header_name_removed), ("a.b.c", true));
        let (t, n) = normalise("Authorization: a.b.c");
        assert_eq!((t.as_str(), n.header_name_removed, n.bearer_removed), ("a.b.c", true, false));
        // A name without its colon is not a header.
        assert_eq!(normalise("Authorization a.b.c").0, "Authorizationa.b.c");
    }

    #[test]
    fn cleanup_suggestions() {
        let cleaned = |t: &str| suggest_cleanup(t).map(|c| c.cleaned);
        assert_eq!(cleaned(" \"a.b.c\" ").as_deref(), Some("a.b.c"));
        assert_eq!(cleaned("'a.b.c'").as_deref(), Some("a.b.c"));
        assert_eq!(cleaned(r#"{"token":"a.b.c"}"#).as_deref(), Some("a.b.c"));
        assert_eq!(cleaned(r#"{"access_token":"x","other":1}"#).as_deref(), Some("x"));
        assert_eq!(suggest_cleanup("a.b.c"), None);
        assert_eq!(suggest_cleanup("\""), None);
        assert_eq!(suggest_cleanup(r#"{"nothing":1}"#), None);
    }
}
