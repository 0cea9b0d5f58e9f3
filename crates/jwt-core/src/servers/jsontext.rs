//! Where `JSON.parse` (V8 11, Node 20) and `json.loads` (CPython 3.11, its C scanner) stop on
//! text that is not JSON, and the exact message each gives.
//!
//! Values are never built here (serde_json reads them); these walkers only follow each parser's
//! steps to its first error, which no crate reports in these words. Both stop at serde_json's
//! nesting limit (128): deeper text gets no prediction.

/// How deep the walkers go.
const MAX_DEPTH: usize = 128;

/// How a parser takes a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Walk {
    /// It parses.
    Valid,
    /// It throws, with this message.
    Invalid(String),
    /// The debugger cannot tell (nesting deeper than it reads, or a message that would hold
    /// half of a surrogate pair).
    Unknown,
}

// ---------------------------------------------------------------------------------------- V8

/// `JSON.parse(text)` in V8.
pub(super) fn v8(text: &str) -> Walk {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut parser = V8 { s: &units, i: 0, depth: 0 };
    match parser.document() {
        Ok(()) => Walk::Valid,
        Err(V8Stop::TooDeep) => Walk::Unknown,
        Err(V8Stop::At(error)) => error.message(&units).map_or(Walk::Unknown, Walk::Invalid),
    }
}

/// V8's one-character JSON tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    Eos,
    String,
    Number,
    LBrace,
    RBrace,
    LBrack,
    RBrack,
    True,
    False,
    Null,
    Colon,
    Comma,
    Whitespace,
    Illegal,
}

fn token(unit: Option<u16>) -> Token {
    let Some(unit) = unit else { return Token::Eos };
    match u8::try_from(unit) {
        Ok(b'"') => Token::String,
        Ok(b'0'..=b'9' | b'-') => Token::Number,
        Ok(b'{') => Token::LBrace,
        Ok(b'}') => Token::RBrace,
        Ok(b'[') => Token::LBrack,
        Ok(b']') => Token::RBrack,
        Ok(b't') => Token::True,
        Ok(b'f') => Token::False,
        Ok(b'n') => Token::Null,
        Ok(b':') => Token::Colon,
        Ok(b',') => Token::Comma,
        Ok(b' ' | b'\t' | b'\r' | b'\n') => Token::Whitespace,
        _ => Token::Illegal,
    }
}

/// A V8 JSON error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum V8Error {
    /// "<text> at position <n>".
    Positioned(&'static str, usize),
    /// An unexpected token, in the generic words for it.
    Unexpected(Token, usize),
}

enum V8Stop {
    At(V8Error),
    TooDeep,
}

type V8Step = Result<(), V8Stop>;

fn positioned(text: &'static str, at: usize) -> V8Stop {
    V8Stop::At(V8Error::Positioned(text, at))
}

impl V8Error {
    fn message(self, s: &[u16]) -> Option<String> {
        match self {
            V8Error::Positioned(text, at) => Some(format!("{text} at position {at}")),
            V8Error::Unexpected(Token::Eos, _) => Some("Unexpected end of JSON input".to_owned()),
            V8Error::Unexpected(Token::Number, at) => {
                Some(format!("Unexpected number in JSON at position {at}"))
            }
            V8Error::Unexpected(Token::String, at) => {
                Some(format!("Unexpected string in JSON at position {at}"))
            }
            V8Error::Unexpected(_, at) => unexpected_token(s, at),
        }
    }
}

/// V8's "Unexpected token" message: the whole text when it is short (under 21 code units), else
/// ten units of context on each side of the token.
fn unexpected_token(s: &[u16], at: usize) -> Option<String> {
    const CONTEXT: usize = 10;
    let cut = |from: usize, to: usize| s.get(from..to).and_then(|units| String::from_utf16(units).ok());
    let len = s.len();
    let whole = cut(0, len);
    if let Some(special) =
        whole.as_deref().filter(|w| ["[object Object]", "undefined", "Infinity", "NaN"].contains(w))
    {
        return Some(format!("\"{special}\" is not valid JSON"));
    }
    let token = cut(at, at + 1)?;
    Some(if len < 2 * CONTEXT + 1 {
        format!("Unexpected token '{token}', \"{}\" is not valid JSON", whole?)
    } else if at < CONTEXT {
        format!("Unexpected token '{token}', \"{}\"... is not valid JSON", cut(0, at + CONTEXT)?)
    } else if at < len - CONTEXT {
        format!(
            "Unexpected token '{token}', ...\"{}\"... is not valid JSON",
            cut(at - CONTEXT, at + CONTEXT)?
        )
    } else {
        format!("Unexpected token '{token}', ...\"{}\" is not valid JSON", cut(at - CONTEXT, len)?)
    })
}

/// V8's JSON parser, reduced to finding its first error (`json-parser.cc`).
struct V8<'a> {
    s: &'a [u16],
    i: usize,
    depth: usize,
}

impl V8<'_> {
    fn current(&self) -> Option<u16> {
        self.s.get(self.i).copied()
    }

    fn is(&self, c: u8) -> bool {
        self.current() == Some(u16::from(c))
    }

    fn digit_here(&self) -> bool {
        self.current().is_some_and(|c| (u16::from(b'0')..=u16::from(b'9')).contains(&c))
    }

    fn skip_digits(&mut self) {
        while self.digit_here() {
            self.i += 1;
        }
    }

    /// The current character as an unexpected token.
    fn unexpected_here(&self) -> V8Stop {
        V8Stop::At(V8Error::Unexpected(token(self.current()), self.i))
    }

    /// `GetNextNonWhitespaceToken`.
    fn next_token(&mut self) -> Token {
        while token(self.current()) == Token::Whitespace {
            self.i += 1;
        }
        token(self.current())
    }

    /// `Check<token>`: consumes it if it is next.
    fn check(&mut self, expected: Token) -> bool {
        let found = self.next_token() == expected;
        if found {
            self.i += 1;
        }
        found
    }

    /// `ExpectNext<token>(message)`.
    fn expect_next(&mut self, expected: Token, message: &'static str) -> V8Step {
        if self.check(expected) { Ok(()) } else { Err(positioned(message, self.i)) }
    }

    fn document(&mut self) -> V8Step {
        self.value()?;
        self.expect_next(Token::Eos, "Unexpected non-whitespace character after JSON")
    }

    fn value(&mut self) -> V8Step {
        match self.next_token() {
            Token::Number => self.number(),
            Token::String => {
                self.i += 1;
                self.string()
            }
            Token::True => self.literal(b"true"),
            Token::False => self.literal(b"false"),
            Token::Null => self.literal(b"null"),
            Token::LBrace => self.nested(Self::object),
            Token::LBrack => self.nested(Self::array),
            _ => Err(self.unexpected_here()),
        }
    }

    fn nested(&mut self, body: fn(&mut Self) -> V8Step) -> V8Step {
        if self.depth >= MAX_DEPTH {
            return Err(V8Stop::TooDeep);
        }
        self.depth += 1;
        let result = body(self);
        self.depth -= 1;
        result
    }

    fn object(&mut self) -> V8Step {
        self.i += 1;
        if self.check(Token::RBrace) {
            return Ok(());
        }
        let mut expected_key = "Expected property name or '}' in JSON";
        loop {
            self.expect_next(Token::String, expected_key)?;
            expected_key = "Expected double-quoted property name in JSON";
            self.string()?;
            self.expect_next(Token::Colon, "Expected ':' after property name in JSON")?;
            self.value()?;
            if !self.check(Token::Comma) {
                break;
            }
        }
        self.expect_next(Token::RBrace, "Expected ',' or '}' after property value in JSON")
    }

    fn array(&mut self) -> V8Step {
        self.i += 1;
        if self.check(Token::RBrack) {
            return Ok(());
        }
        loop {
            self.value()?;
            if !self.check(Token::Comma) {
                break;
            }
        }
        self.expect_next(Token::RBrack, "Expected ',' or ']' after array element in JSON")
    }

    /// `ScanJsonString`, after the opening quote.
    fn string(&mut self) -> V8Step {
        loop {
            match self.current() {
                None => return Err(positioned("Unterminated string in JSON", self.i)),
                Some(0x22) => {
                    self.i += 1;
                    return Ok(());
                }
                Some(0x5c) => self.escape()?,
                Some(c) if c < 0x20 => {
                    return Err(positioned("Bad control character in string literal in JSON", self.i));
                }
                Some(_) => self.i += 1,
            }
        }
    }

    /// One escape, at its backslash.
    fn escape(&mut self) -> V8Step {
        self.i += 1;
        let Some(c) = self.current() else { return Err(V8Stop::At(V8Error::Unexpected(Token::Eos, self.i))) };
        match u8::try_from(c) {
            Err(_) => Err(self.unexpected_here()),
            Ok(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                self.i += 1;
                Ok(())
            }
            Ok(b'u') => {
                for _ in 0..4 {
                    self.i += 1;
                    if !self
                        .current()
                        .is_some_and(|h| char::from_u32(h.into()).is_some_and(|h| h.is_ascii_hexdigit()))
                    {
                        return Err(positioned("Bad Unicode escape in JSON", self.i));
                    }
                }
                self.i += 1;
                Ok(())
            }
            Ok(_) => Err(positioned("Bad escaped character in JSON", self.i)),
        }
    }

    /// `ParseJsonNumber`.
    fn number(&mut self) -> V8Step {
        let negative = self.is(b'-');
        if negative {
            self.i += 1;
        }
        if self.is(b'0') {
            self.i += 1;
            if self.digit_here() {
                return Err(V8Stop::At(V8Error::Unexpected(Token::Number, self.i)));
            }
            let number_part = b".eE-+".iter().any(|c| self.is(*c));
            if !number_part && !negative {
                return Ok(());
            }
        } else {
            let start = self.i;
            self.skip_digits();
            if self.i == start {
                return Err(positioned("No number after minus sign in JSON", self.i));
            }
        }
        if self.is(b'.') {
            self.i += 1;
            if !self.digit_here() {
                return Err(positioned("Unterminated fractional number in JSON", self.i));
            }
            self.skip_digits();
        }
        if self.is(b'e') || self.is(b'E') {
            self.i += 1;
            if self.is(b'-') || self.is(b'+') {
                self.i += 1;
            }
            if !self.digit_here() {
                return Err(positioned("Exponent part is missing a number in JSON", self.i));
            }
            self.skip_digits();
        }
        Ok(())
    }

    /// `ScanLiteral`: `true`, `false` or `null`, at its first character.
    fn literal(&mut self, word: &[u8]) -> V8Step {
        let matches = |s: &[u16]| s.iter().map(|u| u8::try_from(*u).ok()).eq(word.iter().map(|b| Some(*b)));
        if self.s.get(self.i..self.i + word.len()).is_some_and(matches) {
            self.i += word.len();
            return Ok(());
        }
        self.i += 1;
        for expected in word.iter().skip(1) {
            if !self.is(*expected) {
                return Err(self.unexpected_here());
            }
            self.i += 1;
        }
        Err(V8Stop::At(V8Error::Unexpected(Token::Eos, self.i)))
    }
}

// ------------------------------------------------------------------------------------ CPython

/// `json.loads(text)` in CPython, on the decoded text (code points).
pub(super) fn python(text: &[char]) -> Walk {
    let mut parser = Py { s: text, depth: 0 };
    match parser.document() {
        Ok(()) => Walk::Valid,
        Err(PyStop::At(message, at)) => Walk::Invalid(python_message(text, message, at)),
        Err(PyStop::TooDeep) => Walk::Unknown,
    }
}

/// `str(JSONDecodeError(message, text, at))`.
fn python_message(s: &[char], message: &str, at: usize) -> String {
    let before = s.get(..at).unwrap_or(s);
    let line = before.iter().filter(|c| **c == '\n').count() + 1;
    let column = before.iter().rposition(|c| *c == '\n').map_or(at + 1, |nl| at - nl);
    format!("{message}: line {line} column {column} (char {at})")
}

enum PyStop {
    At(&'static str, usize),
    TooDeep,
}

type PyStep = Result<usize, PyStop>;

fn py_error(message: &'static str, at: usize) -> PyStop {
    PyStop::At(message, at)
}

/// CPython's JSON scanner (`Modules/_json.c`), reduced to finding its first error; each step
/// returns where its value ends.
struct Py<'a> {
    s: &'a [char],
    depth: usize,
}

impl Py<'_> {
    fn at(&self, i: usize) -> Option<char> {
        self.s.get(i).copied()
    }

    fn digit(&self, i: usize) -> bool {
        self.at(i).is_some_and(|c| c.is_ascii_digit())
    }

    fn skip_space(&self, mut i: usize) -> usize {
        while matches!(self.at(i), Some(' ' | '\t' | '\n' | '\r')) {
            i += 1;
        }
        i
    }

    /// Whether `word` is at `i`, whole (the C scanner's `idx + len - 1 < length` test).
    fn has(&self, i: usize, word: &str) -> bool {
        word.chars().enumerate().all(|(k, c)| self.at(i + k) == Some(c))
    }

    fn document(&mut self) -> Result<(), PyStop> {
        let start = self.skip_space(0);
        let end = self.value(start)?;
        let end = self.skip_space(end);
        if end == self.s.len() { Ok(()) } else { Err(py_error("Extra data", end)) }
    }

    /// `scan_once` at `i`.
    fn value(&mut self, i: usize) -> PyStep {
        let Some(c) = self.at(i) else { return Err(py_error("Expecting value", i)) };
        match c {
            '"' => self.string(i + 1),
            '{' => self.nested(i + 1, Self::object),
            '[' => self.nested(i + 1, Self::array),
            'n' if self.has(i, "null") => Ok(i + 4),
            't' if self.has(i, "true") => Ok(i + 4),
            'f' if self.has(i, "false") => Ok(i + 5),
            'N' if self.has(i, "NaN") => Ok(i + 3),
            'I' if self.has(i, "Infinity") => Ok(i + 8),
            '-' if self.has(i, "-Infinity") => Ok(i + 9),
            _ => self.number(i),
        }
    }

    fn nested(&mut self, i: usize, body: fn(&mut Self, usize) -> PyStep) -> PyStep {
        if self.depth >= MAX_DEPTH {
            return Err(PyStop::TooDeep);
        }
        self.depth += 1;
        let result = body(self, i);
        self.depth -= 1;
        result
    }

    /// `_parse_object_unicode`, after the brace.
    fn object(&mut self, i: usize) -> PyStep {
        let mut i = self.skip_space(i);
        if self.at(i) != Some('}') {
            loop {
                if self.at(i) != Some('"') {
                    return Err(py_error("Expecting property name enclosed in double quotes", i));
                }
                i = self.skip_space(self.string(i + 1)?);
                if self.at(i) != Some(':') {
                    return Err(py_error("Expecting ':' delimiter", i));
                }
                let value_start = self.skip_space(i + 1);
                let value_end = self.value(value_start)?;
                i = self.skip_space(value_end);
                if self.at(i) == Some('}') {
                    break;
                }
                if self.at(i) != Some(',') {
                    return Err(py_error("Expecting ',' delimiter", i));
                }
                i = self.skip_space(i + 1);
            }
        }
        Ok(i + 1)
    }

    /// `_parse_array_unicode`, after the bracket.
    fn array(&mut self, i: usize) -> PyStep {
        let mut i = self.skip_space(i);
        if self.at(i) != Some(']') {
            loop {
                let value_end = self.value(i)?;
                i = self.skip_space(value_end);
                if self.at(i) == Some(']') {
                    break;
                }
                if self.at(i) != Some(',') {
                    return Err(py_error("Expecting ',' delimiter", i));
                }
                i = self.skip_space(i + 1);
            }
        }
        Ok(i + 1)
    }

    /// `_match_number_unicode` at `start`.
    fn number(&self, start: usize) -> PyStep {
        let len = self.s.len();
        let mut i = start;
        if self.at(i) == Some('-') {
            i += 1;
            if i >= len {
                return Err(py_error("Expecting value", start));
            }
        }
        match self.at(i) {
            Some('1'..='9') => {
                i += 1;
                while self.digit(i) {
                    i += 1;
                }
            }
            Some('0') => i += 1,
            _ => return Err(py_error("Expecting value", start)),
        }
        if i + 1 < len && self.at(i) == Some('.') && self.digit(i + 1) {
            i += 2;
            while self.digit(i) {
                i += 1;
            }
        }
        if i + 1 < len && matches!(self.at(i), Some('e' | 'E')) {
            let e_start = i;
            i += 1;
            if i + 1 < len && matches!(self.at(i), Some('-' | '+')) {
                i += 1;
            }
            while self.digit(i) {
                i += 1;
            }
            if !self.digit(i - 1) {
                i = e_start;
            }
        }
        Ok(i)
    }

    /// `scanstring_unicode`, after the opening quote at `start - 1`.
    fn string(&self, start: usize) -> PyStep {
        let begin = start - 1;
        let mut i = start;
        loop {
            match self.at(i) {
                None => return Err(py_error("Unterminated string starting at", begin)),
                Some('"') => return Ok(i + 1),
                Some('\\') => i = self.escape(i, begin)?,
                Some(c) if c <= '\u{1f}' => return Err(py_error("Invalid control character at", i)),
                Some(_) => i += 1,
            }
        }
    }

    /// One escape at the backslash `i`: where the string goes on.
    fn escape(&self, i: usize, begin: usize) -> PyStep {
        let Some(c) = self.at(i + 1) else { return Err(py_error("Unterminated string starting at", begin)) };
        match c {
            '"' | '\\' | '/' | 'b' | 'f' | 'n' | 'r' | 't' => Ok(i + 2),
            'u' => self.unicode_escape(i + 1),
            _ => Err(py_error("Invalid \\escape", i)),
        }
    }

    /// `\uXXXX` with its `u` at `u`, and a low surrogate escape after a high one.
    fn unicode_escape(&self, u: usize) -> PyStep {
        let end = u + 5;
        if end >= self.s.len() {
            return Err(py_error("Invalid \\uXXXX escape", u));
        }
        let value = self.hex4(u + 1).ok_or_else(|| py_error("Invalid \\uXXXX escape", u))?;
        let pair = (0xd800..0xdc00).contains(&value)
            && end + 6 < self.s.len()
            && self.at(end) == Some('\\')
            && self.at(end + 1) == Some('u');
        if !pair {
            return Ok(end);
        }
        let low = self.hex4(end + 2).ok_or_else(|| py_error("Invalid \\uXXXX escape", end + 1))?;
        Ok(if (0xdc00..0xe000).contains(&low) { end + 6 } else { end })
    }

    fn hex4(&self, i: usize) -> Option<u32> {
        (i..i + 4).try_fold(0, |n, k| Some(n * 16 + self.at(k)?.to_digit(16)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v8_message(text: &str) -> String {
        match v8(text) {
            Walk::Invalid(message) => message,
            other => format!("{other:?}"),
        }
    }

    fn py_message(text: &str) -> String {
        match python(&text.chars().collect::<Vec<_>>()) {
            Walk::Invalid(message) => message,
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn v8_messages_as_node_20_prints_them() {
        for (text, want) in [
            ("hello", "Unexpected token 'h', \"hello\" is not valid JSON"),
            ("", "Unexpected end of JSON input"),
            ("   ", "Unexpected end of JSON input"),
            ("{", "Expected property name or '}' in JSON at position 1"),
            ("{\"a\":}", "Unexpected token '}', \"{\"a\":}\" is not valid JSON"),
            ("{\"a\":1,}", "Expected double-quoted property name in JSON at position 7"),
            ("{\"a\":1}x", "Unexpected non-whitespace character after JSON at position 7"),
            ("\"abc", "Unterminated string in JSON at position 4"),
            ("undefined", "\"undefined\" is not valid JSON"),
            ("{\"a\":\"x\u{1}y\"}", "Bad control character in string literal in JSON at position 7"),
            ("{\"a\":\"\\q\"}", "Bad escaped character in JSON at position 7"),
            ("-", "No number after minus sign in JSON at position 1"),
            ("01", "Unexpected number in JSON at position 1"),
            ("1.e", "Unterminated fractional number in JSON at position 2"),
            ("1e+", "Exponent part is missing a number in JSON at position 3"),
            ("\"\\u12x3\"", "Bad Unicode escape in JSON at position 5"),
            ("\"a\\", "Unexpected end of JSON input"),
            ("tru", "Unexpected end of JSON input"),
            ("trux", "Unexpected token 'x', \"trux\" is not valid JSON"),
            ("{\"a\" 1}", "Expected ':' after property name in JSON at position 5"),
            ("[1 2]", "Expected ',' or ']' after array element in JSON at position 3"),
            ("\u{feff}{\"a\":1}", "Unexpected token '\u{feff}', \"\u{feff}{\"a\":1}\" is not valid JSON"),
            ("xyyyyyyyyyyyyyyyyyyyy", "Unexpected token 'x', \"xyyyyyyyyy\"... is not valid JSON"),
            (
                "[1,2,3,4,5,x,6,7,8,9,0,1,2,3]",
                "Unexpected token 'x', ...\"1,2,3,4,5,x,6,7,8,9,\"... is not valid JSON",
            ),
            ("{\"aaaaaaaaaaaaaaaaaaaa\":}", "Unexpected token '}', ...\"aaaaaaaa\":}\" is not valid JSON"),
        ] {
            assert_eq!(v8_message(text), want, "{text:?}");
        }
        assert_eq!(v8("{\"a\":[1,2.5e3,-0,true,null,\"\\u00e9\"]}"), Walk::Valid);
        assert_eq!(v8("\u{1f600}"), Walk::Unknown);
        assert_eq!(v8(&"[".repeat(200)), Walk::Unknown);
    }

    #[test]
    fn python_messages_as_cpython_prints_them() {
        for (text, want) in [
            ("hello", "Expecting value: line 1 column 1 (char 0)"),
            ("{", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
            ("{\"a\":}", "Expecting value: line 1 column 6 (char 5)"),
            ("[1,]", "Expecting value: line 1 column 4 (char 3)"),
            ("{\"a\":1,}", "Expecting property name enclosed in double quotes: line 1 column 8 (char 7)"),
            ("{\"a\":1}x", "Extra data: line 1 column 8 (char 7)"),
            ("\"abc", "Unterminated string starting at: line 1 column 1 (char 0)"),
            ("{\"a\":\"x\u{1}y\"}", "Invalid control character at: line 1 column 8 (char 7)"),
            ("   ", "Expecting value: line 1 column 4 (char 3)"),
            ("{\"a\":\"\\q\"}", "Invalid \\escape: line 1 column 7 (char 6)"),
            ("-", "Expecting value: line 1 column 1 (char 0)"),
            ("{\"a\" 1}", "Expecting ':' delimiter: line 1 column 6 (char 5)"),
            ("[1 2]", "Expecting ',' delimiter: line 1 column 4 (char 3)"),
            ("{\n\"a\":\n}", "Expecting value: line 3 column 1 (char 7)"),
            ("1.", "Extra data: line 1 column 2 (char 1)"),
            ("\"\\u0041", "Invalid \\uXXXX escape: line 1 column 3 (char 2)"),
        ] {
            assert_eq!(py_message(text), want, "{text:?}");
        }
        for valid in ["NaN", "[-Infinity, Infinity]", "1e400", "{\"a\": \"\\ud800\"}", "1E5", "0"] {
            assert_eq!(python(&valid.chars().collect::<Vec<_>>()), Walk::Valid, "{valid}");
        }
    }
}
