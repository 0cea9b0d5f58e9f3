//! Pretty-printed JSON cut into typed pieces, each tied to its top-level member, so a viewer can
//! colour the syntax and link every member to its place in the token. The text is exactly
//! `serde_json::to_string_pretty`.

use std::cell::{Cell, RefCell};
use std::io;
use std::ops::Range;
use std::rc::Rc;

use serde::Serialize;
use serde_json::Value;
use serde_json::ser::{Formatter, PrettyFormatter};

/// What a piece of JSON text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PieceKind {
    /// Braces, brackets, commas, colons and white space.
    Punct,
    /// A member name.
    Key,
    String,
    Number,
    Bool,
    Null,
}

/// One contiguous piece of the pretty text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Piece {
    /// What it is.
    pub kind: PieceKind,
    /// Where it is in [`Pretty::text`].
    pub range: Range<usize>,
    /// The index of the top-level member it belongs to, if any.
    pub member: Option<usize>,
}

/// Pretty JSON text and its pieces, which cover the text completely and in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pretty {
    /// `serde_json::to_string_pretty` of the value.
    pub text: String,
    /// The pieces of `text`.
    pub pieces: Vec<Piece>,
}

impl Pretty {
    /// The text of one piece.
    pub fn piece_text(&self, piece: &Piece) -> &str {
        &self.text[piece.range.clone()]
    }
}

/// Pretty-prints `value` and cuts the text into pieces.
pub fn pretty(value: &Value) -> Pretty {
    let pos = Rc::new(Cell::new(0));
    let mut out = Counting { buf: Vec::new(), pos: pos.clone() };
    let atoms = Rc::new(RefCell::new(Vec::new()));
    let formatter = Marking {
        inner: PrettyFormatter::new(),
        pos,
        atoms: atoms.clone(),
        depth: 0,
        member: None,
        in_key: false,
        start: 0,
    };
    let mut ser = serde_json::Serializer::with_formatter(&mut out, formatter);
    // Serialising a Value into memory cannot fail.
    let _ = value.serialize(&mut ser);
    let text = String::from_utf8(out.buf).unwrap_or_default();
    let pieces = fill_gaps(&atoms.borrow(), text.len());
    Pretty { text, pieces }
}

/// Adds punctuation pieces between the atoms so the pieces cover the whole text.
fn fill_gaps(atoms: &[Piece], len: usize) -> Vec<Piece> {
    let mut pieces = Vec::with_capacity(atoms.len() * 2 + 1);
    let mut at = 0;
    for (i, atom) in atoms.iter().enumerate() {
        if atom.range.start > at {
            let previous = i.checked_sub(1).and_then(|p| atoms.get(p)).and_then(|p| p.member);
            let member = if previous == atom.member { atom.member } else { None };
            pieces.push(Piece { kind: PieceKind::Punct, range: at..atom.range.start, member });
        }
        pieces.push(atom.clone());
        at = atom.range.end;
    }
    if at < len {
        pieces.push(Piece { kind: PieceKind::Punct, range: at..len, member: None });
    }
    pieces
}

/// A writer that counts what it has written.
struct Counting {
    buf: Vec<u8>,
    pos: Rc<Cell<usize>>,
}

impl io::Write for Counting {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(data);
        self.pos.set(self.buf.len());
        Ok(data.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A pretty formatter that notes where each atom (key, string, number, literal) is written.
struct Marking {
    inner: PrettyFormatter<'static>,
    pos: Rc<Cell<usize>>,
    atoms: Rc<RefCell<Vec<Piece>>>,
    depth: usize,
    member: Option<usize>,
    in_key: bool,
    start: usize,
}

impl Marking {
    fn atom<W: ?Sized + io::Write>(
        &mut self,
        kind: PieceKind,
        writer: &mut W,
        write: impl FnOnce(&mut PrettyFormatter<'static>, &mut W) -> io::Result<()>,
    ) -> io::Result<()> {
        let start = self.pos.get();
        write(&mut self.inner, writer)?;
        self.push(kind, start);
        Ok(())
    }

    fn push(&mut self, kind: PieceKind, start: usize) {
        let member = if self.depth >= 1 { self.member } else { None };
        self.atoms.borrow_mut().push(Piece { kind, range: start..self.pos.get(), member });
    }
}

impl Formatter for Marking {
    fn write_null<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.atom(PieceKind::Null, w, |f, w| f.write_null(w))
    }
    fn write_bool<W: ?Sized + io::Write>(&mut self, w: &mut W, v: bool) -> io::Result<()> {
        self.atom(PieceKind::Bool, w, |f, w| f.write_bool(w, v))
    }
    fn write_i64<W: ?Sized + io::Write>(&mut self, w: &mut W, v: i64) -> io::Result<()> {
        self.atom(PieceKind::Number, w, |f, w| f.write_i64(w, v))
    }
    fn write_u64<W: ?Sized + io::Write>(&mut self, w: &mut W, v: u64) -> io::Result<()> {
        self.atom(PieceKind::Number, w, |f, w| f.write_u64(w, v))
    }
    fn write_f64<W: ?Sized + io::Write>(&mut self, w: &mut W, v: f64) -> io::Result<()> {
        self.atom(PieceKind::Number, w, |f, w| f.write_f64(w, v))
    }
    fn write_number_str<W: ?Sized + io::Write>(&mut self, w: &mut W, v: &str) -> io::Result<()> {
        self.atom(PieceKind::Number, w, |f, w| f.write_number_str(w, v))
    }
    fn begin_string<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.start = self.pos.get();
        self.inner.begin_string(w)
    }
    fn end_string<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.end_string(w)?;
        let kind = if self.in_key { PieceKind::Key } else { PieceKind::String };
        self.push(kind, self.start);
        Ok(())
    }
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.inner.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth -= 1;
        self.inner.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.inner.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.inner.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth -= 1;
        self.inner.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.inner.begin_object_key(w, first)?;
        if self.depth == 1 {
            self.member = Some(self.member.map_or(0, |m| m + 1));
        }
        self.in_key = true;
        Ok(())
    }
    fn end_object_key<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.in_key = false;
        self.inner.end_object_key(w)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use serde_json::json;

    #[test]
    fn text_is_serde_pretty_and_pieces_cover_it() {
        let value = json!({"alg": "HS256", "n": [1, 2.5, {"deep": null}], "ok": true, "s": "a\"b"});
        let p = pretty(&value);
        assert_eq!(p.text, serde_json::to_string_pretty(&value).unwrap());
        let joined: String = p.pieces.iter().map(|x| p.piece_text(x)).collect();
        assert_eq!(joined, p.text);
        let kinds: Vec<(PieceKind, &str, Option<usize>)> = p
            .pieces
            .iter()
            .filter(|x| x.kind != PieceKind::Punct)
            .map(|x| (x.kind, p.piece_text(x), x.member))
            .collect();
        assert_eq!(
            kinds,
            [
                (PieceKind::Key, "\"alg\"", Some(0)),
                (PieceKind::String, "\"HS256\"", Some(0)),
                (PieceKind::Key, "\"n\"", Some(1)),
                (PieceKind::Number, "1", Some(1)),
                (PieceKind::Number, "2.5", Some(1)),
                (PieceKind::Key, "\"deep\"", Some(1)),
                (PieceKind::Null, "null", Some(1)),
                (PieceKind::Key, "\"ok\"", Some(2)),
                (PieceKind::Bool, "true", Some(2)),
                (PieceKind::Key, "\"s\"", Some(3)),
                (PieceKind::String, "\"a\\\"b\"", Some(3)),
            ]
        );
    }

    #[test]
    fn scalars_and_empty_objects() {
        assert_eq!(pretty(&json!({})).text, "{}");
        let p = pretty(&json!(42));
        assert_eq!((p.pieces.len(), p.pieces[0].kind, p.pieces[0].member), (1, PieceKind::Number, None));
    }
}
