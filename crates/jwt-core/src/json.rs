//! JSON for JOSE: serde_json, plus what it does not do by itself — refuse duplicate member
//! names (at any depth) and report where each top-level member's value sits in the text.

use std::cell::RefCell;
use std::fmt;
use std::ops::Range;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

/// Why bytes are not the JSON we need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonError {
    /// Not UTF-8; the first invalid byte is at `valid_up_to`.
    NotUtf8 { valid_up_to: usize },
    /// Not JSON.
    Syntax { message: String, line: usize, column: usize },
    /// The same member name twice in one object.
    Duplicate { name: String },
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsonError::NotUtf8 { valid_up_to } => {
                write!(f, "not UTF-8 (invalid byte at offset {valid_up_to})")
            }
            JsonError::Syntax { message, line, column } => {
                write!(f, "not JSON: {message} (line {line}, column {column})")
            }
            JsonError::Duplicate { name } => write!(f, "the member name \"{name}\" appears twice"),
        }
    }
}

/// Parses UTF-8 JSON, refusing duplicate member names in any object.
pub fn parse_strict(bytes: &[u8]) -> Result<Value, JsonError> {
    let text = std::str::from_utf8(bytes).map_err(|e| JsonError::NotUtf8 { valid_up_to: e.valid_up_to() })?;
    // The first duplicate name found, reported beside serde's error (which only stops parsing).
    let duplicate = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = Strict { duplicate: &duplicate }.deserialize(&mut de).and_then(|v| de.end().map(|()| v));
    match (parsed, duplicate.into_inner()) {
        (_, Some(name)) => Err(JsonError::Duplicate { name }),
        (Ok(value), None) => Ok(value),
        (Err(e), None) => {
            let message = e.to_string();
            // serde_json appends " at line L column C"; the position is reported on its own.
            let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m).to_owned();
            Err(JsonError::Syntax { message, line: e.line(), column: e.column() })
        }
    }
}

/// The byte range of each top-level member in `text` — from its name's opening quote to the end
/// of its value — in document order. Empty when `text` is not a JSON object. Used to connect a
/// claim (its name and its value) with its place in the token.
pub fn member_spans(text: &str) -> Vec<(String, Range<usize>)> {
    struct Spans<'a>(Vec<(String, &'a RawValue)>);
    impl<'de> Deserialize<'de> for Spans<'de> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = Spans<'de>;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("a JSON object")
                }
                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                    let mut out = Vec::new();
                    while let Some(key) = map.next_key::<String>()? {
                        out.push((key, map.next_value::<&'de RawValue>()?));
                    }
                    Ok(Spans(out))
                }
            }
            d.deserialize_map(V)
        }
    }
    let Ok(spans) = serde_json::from_str::<Spans<'_>>(text) else {
        return Vec::new();
    };
    let base = text.as_ptr() as usize;
    // Each name starts at the first quote after the previous member (or the opening brace).
    let mut previous_end = text.find('{').map_or(0, |b| b + 1);
    spans
        .0
        .into_iter()
        .map(|(name, raw)| {
            let value_start = raw.get().as_ptr() as usize - base;
            let value_end = value_start + raw.get().len();
            let name_start = text
                .get(previous_end..value_start)
                .and_then(|between| between.find('"'))
                .map_or(value_start, |q| previous_end + q);
            previous_end = value_end;
            (name, name_start..value_end)
        })
        .collect()
}

/// Deserializes a `Value` whose objects have unique member names; notes the first duplicate.
#[derive(Clone, Copy)]
struct Strict<'a> {
    duplicate: &'a RefCell<Option<String>>,
}

impl<'de> DeserializeSeed<'de> for Strict<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(v) = seq.next_element_seed(self)? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                *self.duplicate.borrow_mut() = Some(key);
                return Err(de::Error::custom("duplicate member name"));
            }
            let v = map.next_value_seed(self)?;
            object.insert(key, v);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn parses_json_keeping_member_order() {
        let v = parse_strict(br#"{"z":1,"a":[true,null,1.5,"x"],"m":{"k":-2}}"#).unwrap();
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["z", "a", "m"]);
        assert_eq!(v["a"][2], 1.5);
        assert_eq!(v["m"]["k"], -2);
    }

    #[test]
    fn refuses_duplicates_at_any_depth() {
        assert_eq!(
            parse_strict(br#"{"alg":"HS256","alg":"none"}"#),
            Err(JsonError::Duplicate { name: "alg".into() })
        );
        assert_eq!(parse_strict(br#"{"a":{"b":1,"b":2}}"#), Err(JsonError::Duplicate { name: "b".into() }));
        assert_eq!(
            parse_strict(br#"[{"x":1},{"x":1,"x":1}]"#),
            Err(JsonError::Duplicate { name: "x".into() })
        );
        // The same name in sibling objects is fine; escapes are compared decoded.
        assert!(parse_strict(br#"{"a":{"x":1},"b":{"x":1}}"#).is_ok());
        assert_eq!(parse_strict(br#"{"a":1,"\u0061":2}"#), Err(JsonError::Duplicate { name: "a".into() }));
    }

    #[test]
    fn reports_utf8_and_syntax_errors() {
        assert_eq!(parse_strict(b"{\"a\":\"\xff\"}"), Err(JsonError::NotUtf8 { valid_up_to: 6 }));
        assert!(matches!(parse_strict(b"{\"a\":1} x"), Err(JsonError::Syntax { .. })));
        assert!(matches!(parse_strict(b""), Err(JsonError::Syntax { .. })));
        assert!(matches!(parse_strict(b"hello"), Err(JsonError::Syntax { .. })));
        let deep = "[".repeat(10_000);
        assert!(matches!(parse_strict(deep.as_bytes()), Err(JsonError::Syntax { .. })));
    }

    #[test]
    fn spans_point_at_each_value() {
        let text = r#"{ "sub" : "1234", "n":[1, 2],"o":{"p":null} }"#;
        let spans = member_spans(text);
        let got: Vec<(&str, &str)> = spans.iter().map(|(k, r)| (k.as_str(), &text[r.clone()])).collect();
        assert_eq!(got, [("sub", "\"sub\" : \"1234\""), ("n", "\"n\":[1, 2]"), ("o", "\"o\":{\"p\":null}")]);
        assert!(member_spans("[1]").is_empty());
        assert!(member_spans("not json").is_empty());
    }
}
