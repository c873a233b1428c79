//! Formatting bounded by the memory budget and the stop (SPEC §5.6, §5.8):
//! `%` sums the sizes of the `str`/`bytes` arguments its template names
//! before it starts ([`percent_pieces`]); `str.format`/`format_map` are built
//! here field by field, each field costing one fuel unit and looking at the
//! stop, each piece checked against what is left before it is appended
//! ([`format`]); and the widths and precisions a format specification or a
//! `%` template writes are checked before the native formatter runs.

use std::sync::OnceLock;
use num_traits::ToPrimitive;
use rustpython_vm::builtins::{PyByteArray, PyBytes, PyDict, PyInt, PyStr, PyStrRef, PyTuple};
use rustpython_vm::common::format::{
    FieldName, FieldNamePart, FieldType, FormatConversion, FormatPart, FormatString, FromTemplate,
};
use rustpython_vm::common::wtf8::{Wtf8, Wtf8Buf};
use rustpython_vm::convert::ToPyException;
use rustpython_vm::function::FuncArgs;
use rustpython_vm::protocol::PyNumberBinaryFunc;
use rustpython_vm::{PyObject, PyObjectRef, PyResult, VirtualMachine};
use crate::guest::bounds::text_bytes;
use crate::guest::digits::check_decimal_digits;
use crate::guest::meter::{reserve, PIECE};
use crate::guest::patch::{guard_method, replace_method, typed_method, wrap_slot};
use crate::guest::state::with_state;

/// Bytes of output that one `%` conversion makes of `obj`, when `obj` is text
/// whose conversion no check interrupts: its length (`%s`), or a bound of its
/// repr (`%r`, `%a`: at most four bytes per byte, and quotes). Other objects
/// are converted by their own `__str__`/`__repr__`, which are metered.
fn percent_piece(obj: &PyObject, conversion: u8) -> f64 {
    let len = if let Some(s) = obj.downcast_ref::<PyStr>() {
        s.as_wtf8().len()
    } else if let Some(b) = obj.downcast_ref::<PyBytes>() {
        b.as_bytes().len()
    } else if let Some(b) = obj.downcast_ref::<PyByteArray>() {
        b.borrow_buf().len()
    } else {
        return 0.0;
    };
    match conversion {
        b'r' | b'a' => 4.0 * len as f64 + 3.0,
        _ => len as f64,
    }
}

/// What the conversions of a `%` template ask for.
#[derive(Default)]
pub(crate) struct PercentSizes {
    /// An upper bound of the bytes copied from text arguments.
    pub(crate) pieces: f64,
    /// The largest width or precision of a conversion (written, or a `*`
    /// argument); literal text between conversions does not count.
    pub(crate) largest: f64,
    /// The largest precision of a conversion.
    pub(crate) precision: f64,
    /// An `int` argument of a decimal conversion (`%d`, `%i`, `%u`) longer than
    /// the decimal digit limit (`digits::check_decimal_digits`).
    pub(crate) long_decimal: Option<PyObjectRef>,
}

/// Reads `template % values` as the formatting itself will: each conversion
/// of the template is matched with the argument it takes (the next item of a
/// tuple, the value of its `(key)` in a dict, or the single value), and its
/// width and precision (digits, or `*` taking an argument) are read.
pub(crate) fn percent_pieces(
    template: &[u8],
    is_bytes: bool,
    values: &PyObject,
    vm: &VirtualMachine,
) -> PercentSizes {
    let items: Option<&[PyObjectRef]> = values.downcast_ref::<PyTuple>().map(|t| t.as_slice());
    let dict = values.downcast_ref::<PyDict>();
    let mut next = 0usize;
    let mut take = || -> Option<PyObjectRef> {
        let item = match items {
            Some(items) => items.get(next).cloned(),
            None if next == 0 => Some(values.to_owned()),
            None => None,
        };
        next += 1;
        item
    };
    let (n, t) = (template.len(), template);
    let mut sizes = PercentSizes::default();
    let mut i = 0;
    while i < n {
        if t[i] != b'%' {
            i += 1;
            continue;
        }
        i += 1;
        if i < n && t[i] == b'%' {
            i += 1;
            continue;
        }
        let mut key = None;
        if i < n && t[i] == b'(' {
            let start = i + 1;
            let mut depth = 1;
            i += 1;
            while i < n && depth > 0 {
                match t[i] {
                    b'(' => depth += 1,
                    b')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            key = Some(&t[start..i.saturating_sub(1).max(start)]);
        }
        while i < n && b"#0- +".contains(&t[i]) {
            i += 1;
        }
        // The width, then the precision: digits, or `*` taking an argument.
        for precision in [false, true] {
            if precision {
                if i >= n || t[i] != b'.' {
                    break;
                }
                i += 1;
            }
            let mut number = 0.0f64;
            if i < n && t[i] == b'*' {
                number = take()
                    .as_deref()
                    .and_then(|a| a.downcast_ref::<PyInt>().map(|v| v.as_bigint().clone()))
                    .map_or(0.0, |v| v.to_f64().unwrap_or(f64::INFINITY).abs());
                i += 1;
            }
            while i < n && t[i].is_ascii_digit() {
                number = number * 10.0 + f64::from(t[i] - b'0');
                i += 1;
            }
            sizes.largest = sizes.largest.max(number);
            if precision {
                sizes.precision = sizes.precision.max(number);
            }
        }
        while i < n && b"hlL".contains(&t[i]) {
            i += 1;
        }
        let conversion = t.get(i).copied().unwrap_or(b's');
        i += 1;
        let arg = match (key, dict) {
            (Some(key), Some(dict)) => {
                let key: PyObjectRef = if is_bytes {
                    vm.ctx.new_bytes(key.to_vec()).into()
                } else {
                    match std::str::from_utf8(key) {
                        Ok(k) => vm.ctx.new_str(k).into(),
                        Err(_) => continue,
                    }
                };
                dict.get_item_opt(&*key, vm).ok().flatten()
            }
            (Some(_), None) => None,
            (None, _) => take(),
        };
        if let Some(arg) = arg {
            sizes.pieces += percent_piece(&arg, conversion);
            if matches!(conversion, b'd' | b'i' | b'u' | b's' | b'r' | b'a')
                && sizes.long_decimal.is_none()
                && crate::guest::digits::too_many_digits(&arg)
            {
                sizes.long_decimal = Some(arg);
            }
        }
    }
    sizes
}

/// `str.format` (`positional` and `keywords`) or `str.format_map` (`mapping`):
/// RustPython's algorithm, with each field charged one fuel unit (it may run
/// native conversions or guest code) and each piece checked against the
/// memory budget before it is appended.
pub(crate) fn format(
    template: &Wtf8,
    source: FieldSource<'_>,
    vm: &VirtualMachine,
) -> PyResult<Wtf8Buf> {
    reserve_parse(template, vm)?;
    let parsed = FormatString::from_str(template).map_err(|e| e.to_pyexception(vm))?;
    let mut auto = 0usize;
    let mut seen_index = false;
    let mut field = |field_type: FieldType| -> PyResult {
        match source {
            FieldSource::Args(args) => match field_type {
                FieldType::Auto => {
                    if seen_index {
                        return Err(vm.new_value_error(
                            "cannot switch from manual field specification to automatic field numbering",
                        ));
                    }
                    auto += 1;
                    args.args
                        .get(auto - 1)
                        .cloned()
                        .ok_or_else(|| vm.new_index_error("tuple index out of range"))
                }
                FieldType::Index(index) => {
                    if auto != 0 {
                        return Err(vm.new_value_error(
                            "cannot switch from automatic field numbering to manual field specification",
                        ));
                    }
                    seen_index = true;
                    args.args
                        .get(index)
                        .cloned()
                        .ok_or_else(|| vm.new_index_error("tuple index out of range"))
                }
                FieldType::Keyword(keyword) => keyword
                    .as_str()
                    .ok()
                    .and_then(|k| args.get_optional_kwarg(k))
                    .ok_or_else(|| vm.new_key_error(vm.ctx.new_str(keyword).into())),
            },
            FieldSource::Mapping(mapping) => match field_type {
                FieldType::Auto | FieldType::Index(_) => {
                    Err(vm.new_value_error("Format string contains positional fields"))
                }
                FieldType::Keyword(keyword) => mapping.get_item(&keyword, vm),
            },
        }
    };
    build(&parsed, &mut field, vm)
}

/// Reserves what parsing `template` takes. The parse is one native step: a
/// part per field (and per literal between them), and the literal text
/// copied. `'{}' * 10**7` parsed into gigabytes before the first check.
fn reserve_parse(template: &Wtf8, vm: &VirtualMachine) -> PyResult<()> {
    let braces = memchr::memchr_iter(b'{', template.as_bytes()).count();
    reserve(
        (braces as f64 + 1.0) * 2.0 * PIECE as f64 + template.len() as f64,
        "the format string",
        vm,
    )
}

/// Where `str.format` takes its fields from.
#[derive(Clone, Copy)]
pub(crate) enum FieldSource<'a> {
    /// `str.format(*args, **kwargs)`.
    Args(&'a FuncArgs),
    /// `str.format_map(mapping)`.
    Mapping(&'a PyObject),
}

fn build(
    parsed: &FormatString,
    field: &mut impl FnMut(FieldType) -> PyResult,
    vm: &VirtualMachine,
) -> PyResult<Wtf8Buf> {
    let mut out = Wtf8Buf::new();
    for part in &parsed.format_parts {
        let piece;
        let text: &Wtf8 = match part {
            FormatPart::Literal(literal) => literal,
            FormatPart::Field {
                field_name,
                conversion_spec,
                format_spec,
            } => {
                crate::guest::meter::charge_native(vm)?;
                let FieldName { field_type, parts } =
                    FieldName::parse(field_name).map_err(|e| e.to_pyexception(vm))?;
                let mut argument = field(field_type)?;
                for name_part in parts {
                    argument = match name_part {
                        FieldNamePart::Attribute(attribute) => {
                            argument.get_attr(&vm.ctx.new_str(attribute), vm)?
                        }
                        FieldNamePart::Index(index) => argument.get_item(&index, vm)?,
                        FieldNamePart::StringIndex(index) => argument.get_item(&index, vm)?,
                    };
                }
                let nested =
                    FormatString::from_str(format_spec).map_err(|e| e.to_pyexception(vm))?;
                let spec = build(&nested, field, vm)?;
                // An `int` written in decimal is bounded like its repr
                // (`digits::check_decimal_digits`); `str()` of one skips the repr.
                let conversion = conversion_spec.and_then(FormatConversion::from_char);
                if spec.is_empty() || matches!(conversion, Some(FormatConversion::Str)) {
                    crate::guest::digits::check_decimal_digits(&argument, vm)?;
                }
                let argument = match conversion {
                    Some(FormatConversion::Str) => argument.str(vm)?.into(),
                    Some(FormatConversion::Repr) => argument.repr(vm)?.into(),
                    Some(FormatConversion::Ascii) => {
                        rustpython_vm::stdlib::builtins::ascii(argument, vm)?.into()
                    }
                    Some(FormatConversion::Bytes) => vm.call_method(&argument, "decode", ())?,
                    None => argument,
                };
                piece = vm.format(&argument, vm.ctx.new_str(spec))?;
                piece.as_wtf8()
            }
        };
        append(&mut out, text, "str.format()", vm)?;
    }
    Ok(out)
}

/// Appends `text` to `out` if the longer text fits in what is left of the
/// budget (a piece of a few bytes is not checked).
pub(super) fn append(out: &mut Wtf8Buf, text: &Wtf8, what: &str, vm: &VirtualMachine) -> PyResult<()> {
    if text.len() > 64 {
        reserve((out.len() + text.len()) as f64, what, vm)?;
    }
    out.push_wtf8(text);
    Ok(())
}

/// The largest number written in a format specification or `%` template: an
/// upper bound of the width or precision it asks for.
fn largest_number(text: &[u8]) -> f64 {
    text.split(|b| !b.is_ascii_digit())
        .filter(|run| !run.is_empty())
        .map(|run| {
            std::str::from_utf8(run)
                .ok()
                .and_then(|r| r.parse::<f64>().ok())
                .unwrap_or(f64::INFINITY)
        })
        .fold(0.0, f64::max)
}

/// `format(x, spec)`, f-string `{x:spec}`: the width and precision.
fn check_format(zelf: &PyObject, args: &FuncArgs, vm: &VirtualMachine) -> PyResult<()> {
    if let Some(spec) = args.args.first().and_then(|s| text_bytes(s)) {
        check_precision(spec_precision(spec), vm)?;
        // A non-ASCII fill character takes up to four bytes per padding place.
        let fill = if spec.iter().any(|b| *b >= 0x80) { 4.0 } else { 1.0 };
        reserve(largest_number(spec) * fill, "the format specification", vm)?;
        // An `int` written in decimal (no presentation type, `d` or `n`).
        let presentation = spec.last().filter(|c| c.is_ascii_alphabetic() || **c == b'%');
        if matches!(presentation, None | Some(b'd' | b'n')) {
            check_decimal_digits(zelf, vm)?;
        }
        // An `int` in a float presentation is converted first, as CPython
        // does: too large for a float is `OverflowError` (RustPython wrote
        // `inf`: `'{:f}'.format(10**1000)`).
        if let (Some(b'e' | b'E' | b'f' | b'F' | b'g' | b'G' | b'%'), Some(int)) =
            (presentation, zelf.downcast_ref::<PyInt>())
        {
            rustpython_vm::builtins::try_bigint_to_f64(int.as_bigint(), vm)?;
        }
    }
    Ok(())
}

/// `template % values`: widths and precisions written in the template, and
/// those passed as `*` arguments.
fn check_percent(template: &PyObject, values: &PyObject, vm: &VirtualMachine) -> PyResult<()> {
    let copied;
    let text = match (text_bytes(template), template.downcast_ref::<PyByteArray>()) {
        (Some(text), _) => text,
        (None, Some(array)) => {
            copied = array.borrow_buf().to_vec();
            &copied[..]
        }
        (None, None) => return Ok(()),
    };
    let is_bytes = template.downcast_ref::<PyStr>().is_none();
    let sizes = percent_pieces(text, is_bytes, values, vm);
    if let Some(int) = &sizes.long_decimal {
        check_decimal_digits(int, vm)?;
    }
    check_precision(sizes.precision, vm)?;
    reserve(sizes.largest + sizes.pieces, "the % format", vm)
}

/// The largest precision a format may ask for. RustPython formats floats
/// (`e`, `g`, `%`) with Rust's formatter, which takes at most 65535 digits and
/// panics past it (`format(1.0, '.65536e')` stopped the sandbox as an
/// interpreter failure); CPython gives the digits. Refused with `ValueError`.
const MAX_PRECISION: f64 = 65_534.0;

fn check_precision(precision: f64, vm: &VirtualMachine) -> PyResult<()> {
    if precision > MAX_PRECISION {
        return Err(vm.new_value_error(format!(
            "precision {precision:.0} is too large in this sandbox (at most {MAX_PRECISION:.0})"
        )));
    }
    Ok(())
}

/// The precision of a format specification
/// (`[[fill]align][sign][z][#][0][width][grouping][.precision][type]`): the
/// digits after its last `.` (a `.` fill character is followed by an
/// alignment, not digits).
fn spec_precision(spec: &[u8]) -> f64 {
    spec.iter().rposition(|&b| b == b'.').map_or(0.0, |dot| {
        spec[dot + 1..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .fold(0.0, |n, &d| n * 10.0 + f64::from(d - b'0'))
    })
}

static REMAINDER: [OnceLock<PyNumberBinaryFunc>; 3] = [const { OnceLock::new() }; 3];

fn checked_remainder<const I: usize>(a: &PyObject, b: &PyObject, vm: &VirtualMachine) -> PyResult {
    check_percent(a, b, vm)?;
    (REMAINDER[I].get().expect("installed"))(a, b, vm)
}

pub(crate) fn install_formatting(vm: &VirtualMachine) {
    let t = &vm.ctx.types;
    for (i, ty) in [t.str_type, t.bytes_type, t.bytearray_type]
        .into_iter()
        .enumerate()
    {
        let checked = [
            checked_remainder::<0>,
            checked_remainder::<1>,
            checked_remainder::<2>,
        ][i] as PyNumberBinaryFunc;
        wrap_slot!(ty.slots.as_number.remainder, REMAINDER[i], checked);
        guard_method(
            ty,
            "__mod__",
            |zelf, args, vm| match args.args.first() {
                Some(values) => check_percent(zelf, values, vm),
                None => Ok(()),
            },
            vm,
        );
    }
    // `bool` has a `__format__` of its own (a sweep found it unchecked:
    // `format(True, '.70000e')` panicked).
    for ty in [t.int_type, t.bool_type, t.float_type, t.complex_type] {
        guard_method(ty, "__format__", check_format, vm);
    }
    replace_method(t.str_type, "__format__", vm, str_dunder_format);
}

/// `str.__format__`: the checks of [`check_format`], and the precision
/// applied here, in characters, before the native formatter pads. RustPython
/// padded first and then cut the padded text at a *byte* index: the padding
/// was lost (`'{:10.5}'.format('xylophone')` gave `'xylop'`) and a cut inside
/// a character was an interpreter panic (`'{:.1}'.format('\u00e9a')`).
fn str_dunder_format(
    zelf: PyObjectRef,
    args: FuncArgs,
    original: &PyObjectRef,
    vm: &VirtualMachine,
) -> PyResult {
    check_format(&zelf, &args, vm)?;
    let spec = match args.args.first().and_then(|s| s.downcast_ref::<PyStr>()) {
        Some(spec) if args.args.len() == 1 && args.kwargs.is_empty() => spec,
        _ => {
            let mut args = args;
            args.prepend_arg(zelf);
            return original.call(args, vm);
        }
    };
    let (rest, precision) = str_spec(spec.as_wtf8(), vm)?;
    let text = zelf.downcast_ref::<PyStr>().map(|s| s.as_wtf8()).unwrap_or_default();
    let cut = precision
        .and_then(|p| text.code_point_indices().nth(p))
        .map(|(end, _)| vm.ctx.new_str(text[..end].to_owned()).into());
    original.call((cut.unwrap_or(zelf), vm.ctx.new_str(rest)), vm)
}

/// A str format spec as the native formatter gets it, and the precision
/// taken out of it. The spec is
/// `[[fill]align][sign][z][#][0][width][grouping][.precision][type]` (only the
/// fill may be a `.` before the precision's). A `0` before the width with no
/// alignment given pads with zeros on the right, as CPython does for text
/// (`format('ab', '05')` is `'ab000'`; RustPython padded on the left). A
/// precision the native parser must refuse (too many digits) is left in.
fn str_spec(spec: &Wtf8, vm: &VirtualMachine) -> PyResult<(Wtf8Buf, Option<usize>)> {
    // Sixteen bytes per code point of a guest-chosen spec, reserved first.
    reserve(spec.len() as f64 * 16.0, "the format specification", vm)?;
    let points: Vec<(usize, Option<char>)> = spec
        .code_point_indices()
        .map(|(at, c)| (at, c.to_char()))
        .collect();
    let char_at = |i: usize| points.get(i).and_then(|(_, c)| *c);
    let byte = |i: usize| points.get(i).map_or(spec.len(), |(at, _)| *at);
    let is_align = |i: usize| matches!(char_at(i), Some('<' | '>' | '=' | '^'));
    let start = if is_align(1) {
        2
    } else if is_align(0) {
        1
    } else {
        0
    };
    // The flags CPython refuses for text, in its order, when the spec is a
    // text one (another presentation type is the native formatter's error).
    let mut i = start;
    let mut flags = Vec::new();
    while let Some(c @ ('+' | '-' | ' ' | 'z' | '#')) = char_at(i) {
        flags.push(c);
        i += 1;
    }
    let text_type = matches!(points.last().and_then(|(_, c)| *c), Some(c) if c == 's' || !(c.is_ascii_alphabetic() || c == '%'));
    if text_type {
        let refusal = if flags.contains(&' ') {
            Some("Space not allowed in string format specifier")
        } else if flags.iter().any(|c| matches!(c, '+' | '-')) {
            Some("Sign not allowed in string format specifier")
        } else if flags.contains(&'z') {
            Some("Negative zero coercion (z) not allowed in string format specifier")
        } else if flags.contains(&'#') {
            Some("Alternate form (#) not allowed in string format specifier")
        } else if start > 0 && char_at(start - 1) == Some('=') {
            Some("'=' alignment not allowed in string format specifier")
        } else {
            None
        };
        if let Some(message) = refusal {
            return Err(vm.new_value_error(message));
        }
    }
    let mut out = Wtf8Buf::new();
    let mut from = 0;
    if start == 0 {
        if char_at(i) == Some('0') && char_at(i + 1).is_some_and(|c| c.is_ascii_digit()) {
            out.push_str("0<");
            out.push_wtf8(&spec[..byte(i)]);
            from = byte(i + 1);
        }
    }
    let Some(dot) = (start..points.len()).find(|&i| char_at(i) == Some('.')) else {
        out.push_wtf8(&spec[from..]);
        return Ok((out, None));
    };
    let digits = (dot + 1..points.len())
        .take_while(|&i| char_at(i).is_some_and(|c| c.is_ascii_digit()))
        .count();
    if digits == 0 {
        return Err(vm.new_value_error("Format specifier missing precision"));
    }
    // Only flags, width and grouping come before the precision, and at most
    // the presentation type after it: a second precision (`'.2.1'`) went to
    // the native formatter, which cut at a byte.
    let flags_only = (start..dot).all(|i| {
        matches!(char_at(i), Some('+' | '-' | ' ' | 'z' | '#' | ',' | '_' | '0'..='9'))
    });
    if !flags_only || points.len() > dot + 2 + digits {
        return Err(vm.new_value_error(format!(
            "Invalid format specifier '{}' for object of type 'str'",
            spec.to_string_lossy()
        )));
    }
    let (at, to) = (byte(dot), byte(dot + 1 + digits));
    let Some(precision) = spec[at + 1..to].as_str().ok().and_then(|d| d.parse().ok()) else {
        out.push_wtf8(&spec[from..]);
        return Ok((out, None));
    };
    out.push_wtf8(&spec[from..at]);
    out.push_wtf8(&spec[to..]);
    Ok((out, Some(precision)))
}

/// Checks every replacement field of a format string (and the fields nested
/// in format specs): an attribute part may not start with `_`.
pub(crate) fn check_format_fields(text: &str, vm: &VirtualMachine) -> PyResult<()> {
    check_fields_at(text, 0, vm)
}

/// How deep format specs may nest fields (CPython's limit: "Max string
/// recursion exceeded" beyond it). Also bounds this checker's recursion.
const MAX_FORMAT_NESTING: usize = 2;

fn check_fields_at(text: &str, depth: usize, vm: &VirtualMachine) -> PyResult<()> {
    // Four bytes per character, before the copy (a long template was copied
    // before any check).
    reserve(text.len() as f64 * 4.0, "the format string", vm)?;
    // Braces are ASCII: byte offsets next to them are character boundaries.
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(k) = memchr::memchr2(b'{', b'}', &bytes[i..]) {
        i += k;
        match bytes[i] {
            b'{' if bytes.get(i + 1) == Some(&b'{') => i += 2,
            b'}' if bytes.get(i + 1) == Some(&b'}') => i += 2,
            b'{' if depth >= MAX_FORMAT_NESTING => {
                return Err(vm.new_value_error("Max string recursion exceeded"));
            }
            b'{' => {
                // Find the matching close brace.
                let mut open = 1;
                let mut j = i + 1;
                while j < bytes.len() && open > 0 {
                    match bytes[j] {
                        b'{' => open += 1,
                        b'}' => open -= 1,
                        _ => {}
                    }
                    j += 1;
                }
                check_field(&text[i + 1..j.saturating_sub(1).max(i + 1)], depth, vm)?;
                i = j;
            }
            _ => i += 1,
        }
    }
    Ok(())
}

fn check_field(inner: &str, depth: usize, vm: &VirtualMachine) -> PyResult<()> {
    // The field name ends at `!` or `:` outside an index.
    let mut in_index = false;
    let mut end = inner.len();
    for (k, c) in inner.char_indices() {
        match c {
            '[' => in_index = true,
            ']' => in_index = false,
            '!' | ':' if !in_index => {
                end = k;
                break;
            }
            _ => {}
        }
    }
    let (name, rest) = inner.split_at(end);
    let mut in_index = false;
    let mut attr = None::<String>;
    let check = |a: &Option<String>| -> PyResult<()> {
        match a {
            Some(a) if a.starts_with('_') => Err(vm.new_value_error(format!(
                "format field '{name}' names the attribute '{a}': fields may not name attributes starting with '_' in this sandbox"
            ))),
            _ => Ok(()),
        }
    };
    for c in name.chars() {
        match c {
            '[' if !in_index => {
                check(&attr)?;
                attr = None;
                in_index = true;
            }
            ']' if in_index => in_index = false,
            '.' if !in_index => {
                check(&attr)?;
                attr = Some(String::new());
            }
            c if !in_index => {
                if let Some(a) = attr.as_mut() {
                    a.push(c);
                }
            }
            _ => {}
        }
    }
    check(&attr)?;
    // Nested fields in the conversion or spec (their text is part of the
    // text already reserved).
    if memchr::memchr(b'{', rest.as_bytes()).is_some() {
        check_fields_at(rest, depth + 1, vm)?;
    }
    Ok(())
}

fn original_str_method(name: &str, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    with_state(|s| {
        s.original_str_methods
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, m)| m.clone())
    })
    .flatten()
    .ok_or_else(|| vm.new_runtime_error(format!("str.{name} is not available")))
}

/// `str.format`: the field check, then the metered build of `text`.
fn str_format(zelf: PyStrRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
    check_format_fields(&zelf.to_string_lossy(), vm)?;
    let out = format(zelf.as_wtf8(), FieldSource::Args(&args), vm)?;
    Ok(vm.ctx.new_str(out).into())
}

/// `str.format_map`: the field check, then the metered build of `text`.
fn str_format_map(zelf: PyStrRef, mapping: PyObjectRef, vm: &VirtualMachine) -> PyResult {
    check_format_fields(&zelf.to_string_lossy(), vm)?;
    let source = FieldSource::Mapping(&mapping);
    let out = format(zelf.as_wtf8(), source, vm)?;
    Ok(vm.ctx.new_str(out).into())
}

/// `_string.formatter_field_name_split` for `string.Formatter`: the same rule
/// as `str.format` (no attribute part starting with `_`).
pub(crate) fn wrap_formatter_split(module: &PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
    let original = module.get_attr("formatter_field_name_split", vm)?;
    with_state(|s| {
        s.original_str_methods
            .push(("formatter_field_name_split", original))
    });
    let wrapped = vm.new_function(
        "formatter_field_name_split",
        |field: PyStrRef, vm: &VirtualMachine| -> PyResult {
            check_field(&field.to_string_lossy(), 0, vm)?;
            let original = original_str_method("formatter_field_name_split", vm)?;
            let pair = original.call((field,), vm)?;
            let pair: rustpython_vm::PyRef<PyTuple> = pair.try_into_value(vm)?;
            Ok(pair.into())
        },
    );
    module.set_attr("formatter_field_name_split", wrapped, vm)?;
    Ok(())
}

/// Replaces `str.format` and `str.format_map` with the checked, metered
/// builds above (before the builtins are copied: the copies are of these).
pub(crate) fn install_str_format(vm: &VirtualMachine) {
    let str_type = vm.ctx.types.str_type;
    let mut attrs = str_type.attributes.write();
    attrs.insert(
        vm.ctx.intern_str("format"),
        typed_method(vm, "format", str_type, str_format),
    );
    attrs.insert(
        vm.ctx.intern_str("format_map"),
        typed_method(vm, "format_map", str_type, str_format_map),
    );
    drop(attrs);
    str_type.modified();
}
