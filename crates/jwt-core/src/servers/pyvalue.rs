//! JSON values as Python sees them in PyJWT's checks: truthiness, `int()`, and `repr()` of a str.

use serde_json::Value;

/// `bool(value)`: `None`, `False`, zero, and empty strings, lists and dicts are false.
pub(super) fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// What `int(value)` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PyInt {
    /// A whole number (saturated beyond `i128`, which only ever compares the same way).
    Int(i128),
    /// It raises (`ValueError`, `TypeError` or `OverflowError`).
    Raises,
    /// Text `int()` may read in ways the debugger does not follow (non-ASCII digits).
    Unknown,
}

/// `int(value)` of a JSON value: booleans are 0 and 1, floats are truncated, strings are read
/// as `int(str)` reads them, anything else raises.
pub(super) fn int(value: &Value) -> PyInt {
    match value {
        Value::Bool(b) => PyInt::Int(i128::from(*b)),
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => PyInt::Int(i128::from(i)),
            (_, Some(u), _) => PyInt::Int(i128::from(u)),
            // `as` saturates, and a float beyond i128 compares like its saturated value.
            (_, _, Some(f)) if f.is_finite() => PyInt::Int(f.trunc() as i128),
            _ => PyInt::Raises,
        },
        Value::String(s) => int_from_str(s),
        _ => PyInt::Raises,
    }
}

/// `int(text)`: optional white space around an optional sign and decimal digits, with single
/// underscores allowed between digits.
fn int_from_str(text: &str) -> PyInt {
    let t = text.trim_matches(is_py_space);
    let (negative, digits) = match t.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    if digits.chars().any(|c| !c.is_ascii() && c.is_numeric()) {
        return PyInt::Unknown;
    }
    let well_formed = !digits.is_empty()
        && !digits.starts_with('_')
        && !digits.ends_with('_')
        && !digits.contains("__")
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'_');
    if !well_formed {
        return PyInt::Raises;
    }
    let magnitude = digits
        .bytes()
        .filter(u8::is_ascii_digit)
        .fold(0i128, |n, d| n.saturating_mul(10).saturating_add(i128::from(d - b'0')));
    PyInt::Int(if negative { -magnitude } else { magnitude })
}

/// `str.isspace()` for what `int()` strips (Unicode white space and the separators U+001C–U+001F).
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `repr(text)` for printable ASCII text (`None` for anything else, which the debugger does
/// not spell as Python would).
pub(super) fn repr(text: &str) -> Option<String> {
    if !text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return None;
    }
    let quote = if text.contains('\'') && !text.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for c in text.chars() {
        if c == quote || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push(quote);
    Some(out)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn int_reads_like_python() {
        assert_eq!(int(&json!(" 4102444800 ")), PyInt::Int(4_102_444_800));
        assert_eq!(int(&json!("1_000")), PyInt::Int(1000));
        assert_eq!(int(&json!("-7")), PyInt::Int(-7));
        assert_eq!(int(&json!("+7")), PyInt::Int(7));
        for bad in ["4102444800.5", "", "_1", "1__0", "1_", "0x10", "soon", "- 1"] {
            assert_eq!(int(&json!(bad)), PyInt::Raises, "{bad}");
        }
        assert_eq!(int(&json!("٣")), PyInt::Unknown);
        assert_eq!(int(&json!(true)), PyInt::Int(1));
        assert_eq!(int(&json!(978307200.9)), PyInt::Int(978_307_200));
        assert_eq!(int(&json!(-1.5)), PyInt::Int(-1));
        assert_eq!(int(&json!(null)), PyInt::Raises);
        assert_eq!(int(&json!([1])), PyInt::Raises);
        // As Python: int(1e30) is the float's exact value.
        assert_eq!(int(&json!(1e30)), PyInt::Int(1_000_000_000_000_000_019_884_624_838_656));
    }

    #[test]
    fn truthiness_and_repr() {
        for falsy in [json!(null), json!(false), json!(0), json!(0.0), json!(""), json!([]), json!({})] {
            assert!(!truthy(&falsy), "{falsy}");
        }
        assert!(truthy(&json!("a")) && truthy(&json!([0])) && truthy(&json!(-1)));
        assert_eq!(repr("RS256").as_deref(), Some("'RS256'"));
        assert_eq!(repr("it's").as_deref(), Some("\"it's\""));
        assert_eq!(repr("a'\"b").as_deref(), Some("'a\\'\"b'"));
        assert_eq!(repr("é"), None);
    }
}
