//! The JSON scanner of the `json` module: the sandbox's own, in place of
//! RustPython's `_json.make_scanner` and `_json.scanstring`.
//!
//! RustPython's scanner decodes a whole document in one native call, and a
//! guest chooses the document:
//! - it recursed once per nesting level with no depth check, so
//!   `json.loads('[' * 10**7)` overflowed the sandbox thread's stack, which
//!   aborts the process;
//! - it built every value with no look at the stop, so a short document that
//!   decodes into many objects (`'[' + '1.5,' * 4_000_000 + '1]'`: 16 MB of text,
//!   hundreds of MB of floats) ran past the memory ceiling and froze the thread,
//!   and a large one outlived its deadline;
//! - its number reader accepted `1e`, `1.` or `1-` and then unwrapped a failed
//!   parse (an interpreter panic), and read integers of any length with no
//!   digit limit;
//! - its string reader kept one vector entry per escape (12 bytes of memory per
//!   byte of `\n\n...`) and found a string's start from the beginning of the
//!   document (quadratic when called once per string).
//!
//! This scanner follows the standard library's pure-Python reference
//! (`json.scanner.py_make_scanner`, `json.decoder.JSONObject`, `JSONArray`,
//! `py_scanstring`) for what it accepts and what it returns, CPython's
//! scanner for its error messages and positions, and:
//! - enters the interpreter's recursion count for each array or object
//!   (`RecursionError` past the sandbox's recursion limit, as CPython's);
//! - charges one fuel unit per value and looks at the stop before each, so a
//!   memory trip, the deadline or the host's stop ends it within one value;
//! - reads integers through `int()` (its 4300-digit limit) beyond 18 digits;
//! - writes each string straight into its result (never more than its text).
//!
//! `encode_basestring` and `encode_basestring_ascii` (which `json.dumps` uses
//! for every string) are RustPython's, checked first: their result, up to six
//! bytes per byte of input, is measured exactly and reserved against the
//! memory budget ([`crate::guest::meter::reserve`]).

use crate::guest::meter::reserve;
use rustpython_vm::builtins::{PyBaseExceptionRef, PyStrRef, PyType};
use rustpython_vm::class::{PyClassImpl, StaticType};
use rustpython_vm::common::wtf8::{CodePoint, Wtf8, Wtf8Buf};
use rustpython_vm::function::OptionalArg;
use rustpython_vm::types::{Callable, Constructor};
use rustpython_vm::{pyclass, AsObject, Py, PyObjectRef, PyPayload, PyResult, VirtualMachine};
use std::collections::HashMap;

/// `_json.make_scanner`: made from a `JSONDecoder` (its `strict`, hooks and
/// number parsers), called as `scan_once(string, idx)`.
#[pyclass(module = "_json", name = "make_scanner")]
#[derive(Debug, PyPayload)]
pub(crate) struct Scanner {
    strict: bool,
    object_hook: Option<PyObjectRef>,
    object_pairs_hook: Option<PyObjectRef>,
    /// `None`: the built-in `float`.
    parse_float: Option<PyObjectRef>,
    /// `None`: the built-in `int`.
    parse_int: Option<PyObjectRef>,
    parse_constant: PyObjectRef,
}

impl Constructor for Scanner {
    type Args = (PyObjectRef,);

    fn py_new(_cls: &Py<PyType>, (ctx,): Self::Args, vm: &VirtualMachine) -> PyResult<Self> {
        let strict = ctx.get_attr("strict", vm)?.try_to_bool(vm)?;
        let hook = |name: &'static str| -> PyResult<Option<PyObjectRef>> {
            Ok(vm.option_if_none(ctx.get_attr(name, vm)?))
        };
        let object_hook = hook("object_hook")?;
        let object_pairs_hook = hook("object_pairs_hook")?;
        let parse_float = hook("parse_float")?.filter(|f| !f.is(vm.ctx.types.float_type));
        let parse_int = hook("parse_int")?.filter(|f| !f.is(vm.ctx.types.int_type));
        let parse_constant = ctx.get_attr("parse_constant", vm)?;
        Ok(Scanner {
            strict,
            object_hook,
            object_pairs_hook,
            parse_float,
            parse_int,
            parse_constant,
        })
    }
}

#[pyclass(flags(IMMUTABLETYPE), with(Constructor, Callable))]
impl Scanner {}

impl Callable for Scanner {
    type Args = (PyStrRef, isize);

    fn call(zelf: &Py<Self>, (string, idx): Self::Args, vm: &VirtualMachine) -> PyResult {
        if idx < 0 {
            return Err(vm.new_value_error("idx cannot be negative"));
        }
        let text = string.as_wtf8();
        let Some(pos) = byte_index(text, idx as usize) else {
            return Err(vm.new_stop_iteration(Some(vm.ctx.new_int(idx).into())));
        };
        let mut reader = Reader {
            scanner: zelf,
            string: &string,
            text,
            bytes: text.as_bytes(),
            pos,
            chars: idx as usize,
            memo: HashMap::new(),
        };
        match reader.value(vm) {
            Ok(value) => Ok(vm.new_tuple((value, reader.chars)).into()),
            Err(Fail::NoValue(at)) => Err(vm.new_stop_iteration(Some(vm.ctx.new_int(at).into()))),
            Err(Fail::Raised(exc)) => Err(exc),
        }
    }
}

/// Why no value was read.
enum Fail {
    /// No JSON value starts at this character index (`StopIteration`).
    NoValue(usize),
    Raised(PyBaseExceptionRef),
}

impl From<PyBaseExceptionRef> for Fail {
    fn from(exc: PyBaseExceptionRef) -> Self {
        Fail::Raised(exc)
    }
}

/// A decoding in progress: a byte position and the character index it is at
/// (every structural character of JSON is ASCII, so both move together except
/// inside strings).
struct Reader<'a> {
    scanner: &'a Scanner,
    string: &'a PyStrRef,
    text: &'a Wtf8,
    bytes: &'a [u8],
    pos: usize,
    chars: usize,
    /// One `str` per distinct key of this document, as the reference does.
    memo: HashMap<Wtf8Buf, PyStrRef>,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn advance(&mut self, ascii: usize) {
        self.pos += ascii;
        self.chars += ascii;
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.advance(1);
        }
    }

    fn starts_with(&self, word: &[u8]) -> bool {
        self.bytes[self.pos..].starts_with(word)
    }

    fn error(&self, msg: &str, at: usize, vm: &VirtualMachine) -> Fail {
        Fail::Raised(decode_error(msg, self.string, at, vm))
    }

    /// One value (`_scan_once`).
    fn value(&mut self, vm: &VirtualMachine) -> Result<PyObjectRef, Fail> {
        crate::guest::meter::charge_native(vm)?;
        let start = self.chars;
        let Some(first) = self.peek() else {
            return Err(Fail::NoValue(start));
        };
        match first {
            b'"' => {
                self.advance(1);
                let text = self.string_body(vm)?;
                return Ok(vm.ctx.new_str(text).into());
            }
            b'{' => {
                self.advance(1);
                return vm.with_recursion(
                    "while decoding a JSON object from a unicode string",
                    || Ok(self.object(vm)),
                )?;
            }
            b'[' => {
                self.advance(1);
                return vm
                    .with_recursion("while decoding a JSON array from a unicode string", || {
                        Ok(self.array(vm))
                    })?;
            }
            b'n' if self.starts_with(b"null") => {
                self.advance(4);
                return Ok(vm.ctx.none());
            }
            b't' if self.starts_with(b"true") => {
                self.advance(4);
                return Ok(vm.ctx.new_bool(true).into());
            }
            b'f' if self.starts_with(b"false") => {
                self.advance(5);
                return Ok(vm.ctx.new_bool(false).into());
            }
            _ => {}
        }
        if let Some(number) = self.number(vm)? {
            return Ok(number);
        }
        for constant in ["NaN", "Infinity", "-Infinity"] {
            if self.starts_with(constant.as_bytes()) {
                self.advance(constant.len());
                return Ok(self.scanner.parse_constant.call((constant,), vm)?);
            }
        }
        Err(Fail::NoValue(start))
    }

    /// A number at the position (`NUMBER_RE` of the reference:
    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`), or `None`.
    fn number(&mut self, vm: &VirtualMachine) -> PyResult<Option<PyObjectRef>> {
        let b = self.bytes;
        let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
        let start = self.pos;
        let mut i = start;
        if b.get(i) == Some(&b'-') {
            i += 1;
        }
        match b.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => {
                while digit(i) {
                    i += 1;
                }
            }
            _ => return Ok(None),
        }
        let mut is_float = false;
        if b.get(i) == Some(&b'.') && digit(i + 1) {
            i += 1;
            while digit(i) {
                i += 1;
            }
            is_float = true;
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            let mut j = i + 1;
            if matches!(b.get(j), Some(b'+' | b'-')) {
                j += 1;
            }
            if digit(j) {
                while digit(j) {
                    j += 1;
                }
                i = j;
                is_float = true;
            }
        }
        // ASCII by construction.
        let text = std::str::from_utf8(&b[start..i]).unwrap_or_default();
        let value = if is_float {
            match &self.scanner.parse_float {
                Some(parse) => parse.call((text,), vm)?,
                None => match text.parse::<f64>() {
                    Ok(x) => vm.ctx.new_float(x).into(),
                    Err(_) => return Err(vm.new_value_error(format!("invalid number {text}"))),
                },
            }
        } else {
            match (&self.scanner.parse_int, text.parse::<i64>()) {
                (Some(parse), _) => parse.call((text,), vm)?,
                (None, Ok(n)) => vm.ctx.new_int(n).into(),
                // Long integers go through `int()` and its digit limit.
                (None, Err(_)) => vm.ctx.types.int_type.as_object().call((text,), vm)?,
            }
        };
        self.advance(i - start);
        Ok(Some(value))
    }

    /// An array, after its `[` (`JSONArray`).
    fn array(&mut self, vm: &VirtualMachine) -> Result<PyObjectRef, Fail> {
        let mut values = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.advance(1);
            return Ok(vm.ctx.new_list(values).into());
        }
        loop {
            values.push(self.item(vm)?);
            self.skip_whitespace();
            match self.peek() {
                Some(b']') => {
                    self.advance(1);
                    return Ok(vm.ctx.new_list(values).into());
                }
                Some(b',') => {
                    self.advance(1);
                    self.skip_whitespace();
                    // CPython 3.11's words for a trailing comma (3.13's name it).
                    if self.peek() == Some(b']') {
                        return Err(self.error("Expecting value", self.chars, vm));
                    }
                }
                _ => return Err(self.error("Expecting ',' delimiter", self.chars, vm)),
            }
        }
    }

    /// A value inside a container: none there is a decoding error.
    fn item(&mut self, vm: &VirtualMachine) -> Result<PyObjectRef, Fail> {
        match self.value(vm) {
            Err(Fail::NoValue(at)) => Err(self.error("Expecting value", at, vm)),
            other => other,
        }
    }

    /// An object, after its `{` (`JSONObject`).
    fn object(&mut self, vm: &VirtualMachine) -> Result<PyObjectRef, Fail> {
        const NAME: &str = "Expecting property name enclosed in double quotes";
        let mut pairs: Vec<(PyObjectRef, PyObjectRef)> = Vec::new();
        self.skip_whitespace();
        match self.peek() {
            Some(b'}') => {
                self.advance(1);
                return Ok(self.finish_object(pairs, vm)?);
            }
            Some(b'"') => {}
            _ => return Err(self.error(NAME, self.chars, vm)),
        }
        loop {
            // At the key's opening quote.
            self.advance(1);
            let key = self.key(vm)?;
            self.skip_whitespace();
            if self.peek() != Some(b':') {
                return Err(self.error("Expecting ':' delimiter", self.chars, vm));
            }
            self.advance(1);
            self.skip_whitespace();
            let value = self.item(vm)?;
            pairs.push((key, value));
            self.skip_whitespace();
            match self.peek() {
                Some(b'}') => {
                    self.advance(1);
                    return Ok(self.finish_object(pairs, vm)?);
                }
                Some(b',') => {
                    self.advance(1);
                    self.skip_whitespace();
                    if self.peek() != Some(b'"') {
                        return Err(self.error(NAME, self.chars, vm));
                    }
                }
                _ => return Err(self.error("Expecting ',' delimiter", self.chars, vm)),
            }
        }
    }

    /// A key, after its opening quote: one `str` per distinct key.
    fn key(&mut self, vm: &VirtualMachine) -> Result<PyObjectRef, Fail> {
        let text = self.string_body(vm)?;
        if let Some(key) = self.memo.get(&text) {
            return Ok(key.clone().into());
        }
        let key = vm.ctx.new_str(text.clone());
        self.memo.insert(text, key.clone());
        Ok(key.into())
    }

    fn finish_object(
        &self,
        pairs: Vec<(PyObjectRef, PyObjectRef)>,
        vm: &VirtualMachine,
    ) -> PyResult {
        if let Some(hook) = &self.scanner.object_pairs_hook {
            // A tuple per pair and the list, made in one native loop: checked
            // against the budget first (a large object went past the ceiling).
            crate::guest::meter::reserve(
                (pairs.len() as f64 + 1.0) * crate::guest::meter::PIECE as f64,
                "json object_pairs_hook",
                vm,
            )?;
            let pairs: Vec<PyObjectRef> =
                pairs.into_iter().map(|p| vm.new_tuple(p).into()).collect();
            return hook.call((vm.ctx.new_list(pairs),), vm);
        }
        let dict = vm.ctx.new_dict();
        for (key, value) in pairs {
            dict.set_item(&*key, value, vm)?;
        }
        match &self.scanner.object_hook {
            Some(hook) => hook.call((dict,), vm),
            None => Ok(dict.into()),
        }
    }

    /// A string's text, after its opening quote; leaves the position after its
    /// closing quote.
    fn string_body(&mut self, vm: &VirtualMachine) -> Result<Wtf8Buf, Fail> {
        scan_string(
            self.text,
            &mut self.pos,
            &mut self.chars,
            self.scanner.strict,
        )
        .map_err(|e| self.error(e.message(), e.at, vm))
    }
}

/// A malformed string: what and where (a character index).
struct StringError {
    kind: StringErrorKind,
    at: usize,
}

enum StringErrorKind {
    Unterminated,
    Control,
    Escape,
    Unicode,
}

impl StringError {
    /// CPython's message.
    fn message(&self) -> &'static str {
        match self.kind {
            StringErrorKind::Unterminated => "Unterminated string starting at",
            StringErrorKind::Control => "Invalid control character at",
            StringErrorKind::Escape => "Invalid \\escape",
            StringErrorKind::Unicode => "Invalid \\uXXXX escape",
        }
    }
}

/// Reads a JSON string's body from byte `*pos` (after the opening quote, at
/// character index `*chars`) up to and past its closing quote, unescaping it.
/// The result is never longer than the text it was read from.
fn scan_string(
    text: &Wtf8,
    pos: &mut usize,
    chars: &mut usize,
    strict: bool,
) -> Result<Wtf8Buf, StringError> {
    let bytes = text.as_bytes();
    let begin = chars.saturating_sub(1);
    let unterminated = StringError {
        kind: StringErrorKind::Unterminated,
        at: begin,
    };
    let mut out = Wtf8Buf::new();
    loop {
        let run = bytes[*pos..]
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || (strict && b < 0x20));
        let Some(run) = run else {
            return Err(unterminated);
        };
        // The run ends at an ASCII byte: a character boundary.
        out.push_wtf8(&text[*pos..*pos + run]);
        *chars += count_chars(&bytes[*pos..*pos + run]);
        *pos += run;
        let terminator = bytes[*pos];
        *pos += 1;
        *chars += 1;
        match terminator {
            b'"' => return Ok(out),
            b'\\' => {}
            _ => {
                return Err(StringError {
                    kind: StringErrorKind::Control,
                    at: *chars - 1,
                })
            }
        }
        let Some(&escape) = bytes.get(*pos) else {
            return Err(unterminated);
        };
        let simple = match escape {
            b'"' => Some('"'),
            b'\\' => Some('\\'),
            b'/' => Some('/'),
            b'b' => Some('\x08'),
            b'f' => Some('\x0c'),
            b'n' => Some('\n'),
            b'r' => Some('\r'),
            b't' => Some('\t'),
            _ => None,
        };
        if let Some(c) = simple {
            out.push_char(c);
            *pos += 1;
            *chars += 1;
            continue;
        }
        if escape != b'u' {
            // At the backslash, as CPython's scanner.
            return Err(StringError {
                kind: StringErrorKind::Escape,
                at: *chars - 1,
            });
        }
        let invalid = |at| StringError {
            kind: StringErrorKind::Unicode,
            at,
        };
        // At the `u`.
        let mut unit = hex4(&bytes[*pos + 1..]).ok_or(invalid(*chars))?;
        *pos += 5;
        *chars += 5;
        if (0xd800..=0xdbff).contains(&unit) && bytes[*pos..].starts_with(b"\\u") {
            let low = hex4(&bytes[*pos + 2..]).ok_or(invalid(*chars + 1))?;
            if (0xdc00..=0xdfff).contains(&low) {
                unit = 0x10000 + (((unit - 0xd800) << 10) | (low - 0xdc00));
                *pos += 6;
                *chars += 6;
            }
        }
        // At most 0x10ffff: always a code point.
        out.push(CodePoint::from_u32(unit).unwrap_or(CodePoint::from_char('\u{fffd}')));
    }
}

/// Four hexadecimal digits at the start of `bytes`.
fn hex4(bytes: &[u8]) -> Option<u32> {
    let digits = bytes.get(..4)?;
    digits
        .iter()
        .try_fold(0u32, |n, &d| Some(n * 16 + char::from(d).to_digit(16)?))
}

/// Characters in a run of WTF-8 (bytes that do not continue a sequence).
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xc0 != 0x80).count()
}

/// The byte position of character `idx` of `text` (its end included).
fn byte_index(text: &Wtf8, idx: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if bytes.is_ascii() {
        return (idx <= bytes.len()).then_some(idx);
    }
    if idx == 0 {
        return Some(0);
    }
    let mut seen = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b & 0xc0 != 0x80 {
            if seen == idx {
                return Some(i);
            }
            seen += 1;
        }
    }
    (seen == idx).then_some(bytes.len())
}

/// `json.JSONDecodeError(msg, string, at)` (or whatever making it raised).
fn decode_error(
    msg: &str,
    string: &PyStrRef,
    at: usize,
    vm: &VirtualMachine,
) -> PyBaseExceptionRef {
    let make = || -> PyResult<PyBaseExceptionRef> {
        let cls = vm.import("json", 0)?.get_attr("JSONDecodeError", vm)?;
        let exc = cls.call((msg, string.clone(), at), vm)?;
        exc.downcast()
            .map_err(|_| vm.new_type_error("JSONDecodeError is not an exception"))
    };
    make().unwrap_or_else(|e| e)
}

/// `_json.scanstring(string, end, strict=True)`: the string whose body starts
/// at character `end` (after its quote), and the index after its closing quote.
fn scanstring(
    string: PyStrRef,
    end: isize,
    strict: OptionalArg<bool>,
    vm: &VirtualMachine,
) -> PyResult<(PyObjectRef, usize)> {
    let text = string.as_wtf8();
    let Some(mut pos) = usize::try_from(end).ok().and_then(|e| byte_index(text, e)) else {
        return Err(vm.new_value_error("end is out of bounds"));
    };
    let mut chars = end as usize;
    let body = scan_string(text, &mut pos, &mut chars, strict.unwrap_or(true))
        .map_err(|e| decode_error(e.message(), &string, e.at, vm))?;
    Ok((vm.ctx.new_str(body).into(), chars))
}

/// Bytes `json` writes for `text` as a JSON string (quotes included): an
/// upper bound of what `encode_basestring(_ascii)` allocates for it.
fn encoded_len(text: &Wtf8, ascii_only: bool) -> usize {
    text.code_points()
        .map(|c| match c.to_u32() {
            0x22 | 0x5c | 0x08 | 0x0c | 0x0a | 0x0d | 0x09 => 2,
            0..=0x1f => 6,
            0x20..=0x7e => 1,
            n if !ascii_only => CodePoint::from_u32(n).map_or(4, |c| c.len_wtf8()),
            0x7f..=0xffff => 6,
            _ => 12,
        })
        .sum::<usize>()
        + 2
}

/// `encode_basestring(_ascii)`: `text` as a JSON string, quotes included,
/// escaped as CPython's encoder does. RustPython's escaped DEL (`\x7f`) even
/// when non-ASCII text is written as is, wrote `\x0b` and `\x1b` as the
/// invalid `\u000` and `\u001`, and refused lone surrogates.
fn encode_string(text: &Wtf8, ascii_only: bool) -> Wtf8Buf {
    let mut out = Wtf8Buf::with_capacity(text.len() + 2);
    out.push_char('"');
    let unit = |out: &mut Wtf8Buf, n: u32| out.push_str(&format!("\\u{n:04x}"));
    for c in text.code_points() {
        match c.to_u32() {
            0x22 => out.push_str("\\\""),
            0x5c => out.push_str("\\\\"),
            0x0a => out.push_str("\\n"),
            0x0d => out.push_str("\\r"),
            0x09 => out.push_str("\\t"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            n @ 0..=0x1f => unit(&mut out, n),
            0x20..=0x7e => out.push(c),
            _ if !ascii_only => out.push(c),
            n @ 0x7f..=0xffff => unit(&mut out, n),
            n => {
                let n = n - 0x1_0000;
                unit(&mut out, 0xd800 | (n >> 10));
                unit(&mut out, 0xdc00 | (n & 0x3ff));
            }
        }
    }
    out.push_char('"');
    out
}

/// Makes the scanner's type (once per sandbox thread, before the type sweep).
pub(crate) fn init_types() {
    Scanner::make_static_type();
}

/// Puts the sandbox's scanner, `scanstring` and checked encoders into the
/// `_json` module about to be handed to the library.
pub(crate) fn install(module: &PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
    module.set_attr("make_scanner", Scanner::static_type().to_owned(), vm)?;
    module.set_attr("scanstring", vm.new_function("scanstring", scanstring), vm)?;
    for (name, ascii_only) in [
        ("encode_basestring", false),
        ("encode_basestring_ascii", true),
    ] {
        let checked = vm.new_function(name, move |text: PyStrRef, vm: &VirtualMachine| -> PyResult {
            reserve(
                encoded_len(text.as_wtf8(), ascii_only) as f64,
                "the JSON string",
                vm,
            )?;
            Ok(vm.ctx.new_str(encode_string(text.as_wtf8(), ascii_only)).into())
        });
        module.set_attr(name, checked, vm)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(s: &str) -> Result<(String, usize), (usize, &'static str)> {
        let text = Wtf8::new(s);
        let (mut pos, mut chars) = (1, 1);
        scan_string(text, &mut pos, &mut chars, true)
            .map(|out| (out.to_string(), chars))
            .map_err(|e| {
                let kind = match e.kind {
                    StringErrorKind::Unterminated => "unterminated",
                    StringErrorKind::Control => "control",
                    StringErrorKind::Escape => "escape",
                    StringErrorKind::Unicode => "unicode",
                };
                (e.at, kind)
            })
    }

    #[test]
    fn strings_unescape_like_the_reference() {
        assert_eq!(scan(r#""abc" tail"#), Ok(("abc".into(), 5)));
        assert_eq!(scan(r#""a\nb\"c""#), Ok(("a\nb\"c".into(), 9)));
        assert_eq!(scan(r#""é\u00e9""#), Ok(("éé".into(), 9)));
        assert_eq!(scan(r#""\ud83d\ude00""#), Ok(("😀".into(), 14)));
        assert_eq!(scan(r#""abc"#), Err((0, "unterminated")));
        assert_eq!(scan(r#""ab\"#), Err((0, "unterminated")));
        assert_eq!(scan("\"a\x01\""), Err((2, "control")));
        assert_eq!(scan(r#""a\x""#), Err((2, "escape")));
        assert_eq!(scan(r#""a\u12""#), Err((3, "unicode")));
        assert_eq!(scan(r#""\ud83d\uZZZZ""#), Err((8, "unicode")));
    }

    #[test]
    fn character_positions_count_code_points() {
        let text = Wtf8::new("éa😀b");
        assert_eq!(byte_index(text, 0), Some(0));
        assert_eq!(byte_index(text, 1), Some(2));
        assert_eq!(byte_index(text, 3), Some(7));
        assert_eq!(byte_index(text, 4), Some(8));
        assert_eq!(byte_index(text, 5), None);
        assert_eq!(encoded_len(Wtf8::new("a\0é😀"), true), 2 + 1 + 6 + 6 + 12);
        assert_eq!(encoded_len(Wtf8::new("a\0é😀"), false), 2 + 1 + 6 + 2 + 4);
    }
}
