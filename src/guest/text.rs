//! Native text building bounded by the memory budget: the operations that
//! paste the same object into their result many times.
//!
//! A format template can name one long argument thousands of times
//! (`('%s' * 1000) % ((x,) * 1000)`, `'{0}{0}...'.format(x)`), and a
//! translation table can map every character to a long string. The result is
//! then far larger than anything the guest holds, and RustPython builds it in
//! one native call with no check between pieces: a buffer past the memory
//! ceiling would freeze the sandbox thread (see `alloc`). Here:
//!
//! - `%` formatting sums the sizes of the `str`/`bytes` arguments its template
//!   names, before it starts ([`percent_pieces`]);
//! - `str.format`/`str.format_map` are built here, field by field: each field
//!   costs one fuel unit and looks at the stop, and each piece is checked
//!   against what is left of the budget before it is appended ([`format`]);
//! - `str.translate` is built here, checking each string it appends
//!   ([`install_translate`]);
//! - an f-string with several fields is compiled as a checked concatenation
//!   ([`JoinFStrings`], [`Concat`]).
//!
//! A refusal is the catchable `MemoryError` of [`super::meter::reserve`].
//! Container reprs are bounded differently: every native `__repr__` is metered
//! (`harden`), so a repr that amplifies ends at its next item.

use super::meter::{reserve, reserve_bounded, PIECE};
use super::patch::replace_method;
use num_traits::ToPrimitive;
use ruff_python_ast::visitor::transformer::{walk_expr, Transformer};
use ruff_python_ast::{self as ast, AtomicNodeIndex, Expr};
use rustpython_vm::builtins::{PyByteArray, PyBytes, PyDict, PyInt, PyStr, PyTuple};
use rustpython_vm::class::{PyClassImpl, StaticType};
use rustpython_vm::common::format::{
    FieldName, FieldNamePart, FieldType, FormatConversion, FormatPart, FormatString, FromTemplate,
};
use rustpython_vm::common::wtf8::{CodePoint, Wtf8, Wtf8Buf};
use rustpython_vm::convert::{ToPyException, ToPyObject};
use rustpython_vm::function::FuncArgs;
use rustpython_vm::types::{Callable, Constructor};
use rustpython_vm::{
    pyclass, AsObject, Py, PyObject, PyObjectRef, PyPayload, PyRef, PyResult, VirtualMachine,
};

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
                && super::digits::too_many_digits(&arg)
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
    // The parse is one native step: a part per field (and per literal between
    // them), and the literal text copied. `'{}' * 10**7` parsed into
    // gigabytes before the first check.
    let braces = template.as_bytes().iter().filter(|&&b| b == b'{').count();
    reserve(
        (braces as f64 + 1.0) * 2.0 * PIECE as f64 + template.len() as f64,
        "the format string",
        vm,
    )?;
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
                super::meter::charge_native(vm)?;
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
                    super::digits::check_decimal_digits(&argument, vm)?;
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
fn append(out: &mut Wtf8Buf, text: &Wtf8, what: &str, vm: &VirtualMachine) -> PyResult<()> {
    if text.len() > 64 {
        reserve((out.len() + text.len()) as f64, what, vm)?;
    }
    out.push_wtf8(text);
    Ok(())
}

/// How a split finds its pieces.
#[derive(Clone, Copy)]
enum Splitter<'a> {
    /// `splitlines()`.
    Lines,
    /// `split()` / `rsplit()` with no separator: runs of non-whitespace.
    Whitespace,
    /// `split(sep)`.
    Separator(&'a [u8]),
}

impl Splitter<'_> {
    /// The most pieces `data` can give, from its length only.
    fn quick(self, data: &[u8]) -> usize {
        match self {
            Splitter::Lines => data.len() + 1,
            Splitter::Whitespace => data.len() / 2 + 1,
            Splitter::Separator(sep) => data.len() / sep.len().max(1) + 1,
        }
    }

    /// The most pieces `data` gives, counted (`is_str`: WTF-8 text, else bytes).
    fn count(self, data: &[u8], is_str: bool) -> usize {
        match self {
            Splitter::Separator(sep) if !sep.is_empty() => {
                memchr::memmem::find_iter(data, sep).count() + 1
            }
            Splitter::Separator(_) => 0,
            Splitter::Lines if !is_str => {
                data.iter().filter(|&&b| b == b'\n' || b == b'\r').count() + 1
            }
            // Every line boundary of `str.splitlines` (`\r\n` counted twice).
            Splitter::Lines => Wtf8::from_bytes(data).map_or(data.len() + 1, |text| {
                text.code_points()
                    .filter(|c| {
                        matches!(
                            c.to_u32(),
                            0x0a..=0x0d | 0x1c..=0x1e | 0x85 | 0x2028 | 0x2029
                        )
                    })
                    .count()
                    + 1
            }),
            Splitter::Whitespace => {
                let mut runs = 0;
                let mut inside = false;
                let mut step = |space: bool| {
                    if !space && !inside {
                        runs += 1;
                    }
                    inside = !space;
                };
                if is_str {
                    // Python's whitespace: Unicode's, and the separators
                    // U+001C..U+001F that Unicode does not count.
                    match Wtf8::from_bytes(data) {
                        Some(text) => text.code_points().for_each(|c| {
                            step(
                                c.to_char().is_some_and(char::is_whitespace)
                                    || (0x1c..=0x1f).contains(&c.to_u32()),
                            )
                        }),
                        None => return data.len() / 2 + 1,
                    }
                } else {
                    data.iter().for_each(|b| {
                        step(matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c))
                    });
                }
                runs
            }
        }
    }
}

/// Checks a split of `data` (`str.split`, `rsplit`, `splitlines`, and those
/// of `bytes` and `bytearray`) against what is left of the memory budget: its
/// result is one new object per piece, built in one native loop, so a short
/// text with many separators became far more memory than the guest held
/// (`('a\n' * 8_000_000).splitlines()`: 16 MB of text, over 700 MB of
/// pieces), past the ceiling. The bound from the length alone usually fits;
/// only when it does not are the pieces counted.
fn check_split(
    data: &[u8],
    is_str: bool,
    how: Splitter<'_>,
    most: usize,
    what: &str,
    vm: &VirtualMachine,
) -> PyResult<()> {
    let cost = |pieces: usize| {
        pieces
            .min(most)
            .saturating_mul(PIECE)
            .saturating_add(data.len()) as f64
    };
    reserve_bounded(
        cost(how.quick(data)),
        || cost(how.count(data, is_str)),
        what,
        vm,
    )
}

/// Installs the checked splits ([`check_split`]) on `str`, `bytes` and
/// `bytearray`.
pub(crate) fn install_split(vm: &VirtualMachine) {
    let types = [
        vm.ctx.types.str_type,
        vm.ctx.types.bytes_type,
        vm.ctx.types.bytearray_type,
    ];
    for ty in types {
        for name in ["split", "rsplit", "splitlines"] {
            replace_method(ty, name, vm, move |zelf, mut args, original, vm| {
                split_precheck(&zelf, &args, name, vm)?;
                args.prepend_arg(zelf);
                original.call(args, vm)
            });
        }
    }
}

/// The check of one split call; arguments the method would refuse are left
/// to it.
fn split_precheck(
    zelf: &PyObject,
    args: &FuncArgs,
    name: &str,
    vm: &VirtualMachine,
) -> PyResult<()> {
    // Static: this runs on every split (a formatted name was an allocation each).
    let what = match name {
        "split" => "split()",
        "rsplit" => "rsplit()",
        _ => "splitlines()",
    };
    let arg = |pos: usize, key: &str| args.args.get(pos).or_else(|| args.kwargs.get(key));
    if name == "splitlines" {
        return with_data(zelf, vm, |data, is_str| {
            check_split(data, is_str, Splitter::Lines, usize::MAX, what, vm)
        });
    }
    let most = match arg(1, "maxsplit").and_then(|m| m.downcast_ref::<PyInt>()) {
        Some(m) => m
            .as_bigint()
            .to_usize()
            .map_or(usize::MAX, |m| m.saturating_add(1)),
        None => usize::MAX,
    };
    match arg(0, "sep").filter(|s| !vm.is_none(s)) {
        None => with_data(zelf, vm, |data, is_str| {
            check_split(data, is_str, Splitter::Whitespace, most, what, vm)
        }),
        Some(sep) => {
            let sep_data = |f: &mut dyn FnMut(&[u8]) -> PyResult<()>| -> PyResult<()> {
                match sep.downcast_ref::<PyStr>() {
                    Some(s) => f(s.as_wtf8().as_bytes()),
                    // Not bytes-like: the method's own TypeError.
                    None => sep.try_bytes_like(vm, |b| f(b)).unwrap_or(Ok(())),
                }
            };
            with_data(zelf, vm, |data, is_str| {
                sep_data(&mut |sep| {
                    check_split(data, is_str, Splitter::Separator(sep), most, what, vm)
                })
            })
        }
    }
}

/// Runs `f` on the receiver's text (`str`, as WTF-8) or bytes.
fn with_data(
    zelf: &PyObject,
    vm: &VirtualMachine,
    f: impl FnOnce(&[u8], bool) -> PyResult<()>,
) -> PyResult<()> {
    match zelf.downcast_ref::<PyStr>() {
        Some(s) => f(s.as_wtf8().as_bytes(), true),
        None => zelf.try_bytes_like(vm, |b| f(b, false))?,
    }
}

/// Checks the repr of a `str`, `bytes` or `bytearray` (and so `ascii()`,
/// `%r`, `!r`, a container's repr item by item) against what is left of the
/// memory budget: a control character or byte becomes four (`\x00`), a
/// non-ASCII character up to two and a half times its bytes (`\U0001f600`),
/// so one long text's repr could pass the memory ceiling in one native call.
/// The bound from the length alone (four bytes per byte) usually fits; only
/// when it does not is the text read.
pub(crate) fn check_repr_size(zelf: &PyObject, vm: &VirtualMachine) -> PyResult<()> {
    let check = |data: &[u8], is_str: bool| -> PyResult<()> {
        // Quotes and a `bytearray(b'')` prefix.
        const FRAME: f64 = 16.0;
        let exact = || {
            data.iter()
                .map(|&b| match b {
                    b'\t' | b'\n' | b'\r' | b'\\' | b'\'' | b'"' => 2.0,
                    0..=0x1f | 0x7f => 4.0,
                    0x20..=0x7e => 1.0,
                    _ if is_str => 2.5,
                    _ => 4.0,
                })
                .sum::<f64>()
                + FRAME
        };
        reserve_bounded(data.len() as f64 * 4.0 + FRAME, exact, "repr()", vm)
    };
    if let Some(s) = zelf.downcast_ref::<PyStr>() {
        check(s.as_wtf8().as_bytes(), true)
    } else if let Some(b) = zelf.downcast_ref::<PyBytes>() {
        check(b.as_bytes(), false)
    } else if let Some(b) = zelf.downcast_ref::<PyByteArray>() {
        check(&b.borrow_buf(), false)
    } else {
        Ok(())
    }
}

/// `str.encode(encoding, errors)` with an error handler that writes a long
/// text for each character it cannot encode: `namereplace` (a character's
/// name, `\N{LATIN SMALL LETTER E WITH ACUTE}`: up to 92 bytes for one
/// character), `xmlcharrefreplace` and `backslashreplace` (up to 10). The
/// result is checked against what is left of the budget, counting every
/// character the codec may not encode (`('\xe9' * 7_000_000).encode('ascii',
/// 'namereplace')`, 14 MB of text, was 245 MB written in one native call, and
/// froze its thread at the ceiling).
pub(crate) fn install_encode(vm: &VirtualMachine) {
    replace_method(
        vm.ctx.types.str_type,
        "encode",
        vm,
        |zelf, mut args, original, vm| {
            let errors = args
                .args
                .get(1)
                .or_else(|| args.kwargs.get("errors"))
                .and_then(|e| e.downcast_ref::<PyStr>())
                .map(|e| e.as_wtf8().as_bytes().to_vec());
            let per_char = match errors.as_deref() {
                Some(b"namereplace") => 92,
                Some(b"xmlcharrefreplace" | b"backslashreplace") => 10,
                _ => 0,
            };
            if let (Some(text), true) = (zelf.downcast_ref::<PyStr>(), per_char > 0) {
                let data = text.as_wtf8().as_bytes();
                // A non-ASCII character is at least two bytes.
                let quick = data.len().saturating_mul(per_char / 2 + 1) as f64;
                let exact = || {
                    let encoding = args
                        .args
                        .first()
                        .or_else(|| args.kwargs.get("encoding"))
                        .and_then(|e| e.downcast_ref::<PyStr>())
                        .map(|e| {
                            e.as_wtf8()
                                .as_bytes()
                                .iter()
                                .filter(|b| !matches!(b, b'-' | b'_'))
                                .map(u8::to_ascii_lowercase)
                                .collect::<Vec<u8>>()
                        });
                    // The characters the codec may fail on, by the first byte
                    // of their UTF-8: UTF-8 fails only on surrogates (written
                    // as ED A0..BF ..), Latin-1 past U+00FF, others on any
                    // non-ASCII character.
                    let fails: fn(&[u8]) -> bool = match encoding.as_deref() {
                        None | Some(b"utf8" | b"u8") => {
                            |w| w[0] == 0xed && w.get(1).is_some_and(|&b| b >= 0xa0)
                        }
                        Some(b"latin1" | b"iso88591" | b"l1") => |w| w[0] >= 0xc4,
                        Some(_) => |w| w[0] >= 0xc0,
                    };
                    let non_ascii = (0..data.len()).filter(|&i| fails(&data[i..])).count();
                    let ascii = data.iter().filter(|&&b| b < 0x80).count();
                    (non_ascii * per_char + ascii) as f64
                };
                reserve_bounded(quick, exact, "str.encode()", vm)?;
            }
            args.prepend_arg(zelf);
            original.call(args, vm)
        },
    );
}

/// Replaces `str.translate` by RustPython's algorithm with each string the
/// table gives checked against the budget before it is appended: a table
/// mapping characters to long strings is refused with `MemoryError` before
/// the result outgrows the budget.
pub(crate) fn install_translate(vm: &VirtualMachine) {
    replace_method(
        vm.ctx.types.str_type,
        "translate",
        vm,
        |zelf, mut args, original, vm| {
            // Anything but `s.translate(table)` gets the original's own error.
            let (Some(s), [table], true) = (
                zelf.downcast_ref::<PyStr>(),
                args.args.as_slice(),
                args.kwargs.is_empty(),
            ) else {
                args.prepend_arg(zelf);
                return original.call(args, vm);
            };
            vm.get_method_or_type_error(table.clone(), vm.ctx.intern_str("__getitem__"), || {
                format!("'{}' object is not subscriptable", table.class().name())
            })?;
            let mut out = Wtf8Buf::new();
            for (i, cp) in s.as_wtf8().code_points().enumerate() {
                // A long text through a plain dict is one native loop: it looks
                // at the stop, and checks what the small pieces added (the
                // buffer's next growth) against the budget.
                if i % 4096 == 4095 {
                    super::meter::check_stopped(vm)?;
                    reserve(out.len() as f64, "str.translate()", vm)?;
                }
                match table.get_item(&*cp.to_u32().to_pyobject(vm), vm) {
                    Ok(value) => {
                        if let Some(text) = value.downcast_ref::<PyStr>() {
                            append(&mut out, text.as_wtf8(), "str.translate()", vm)?;
                        } else if let Some(int) = value.downcast_ref::<PyInt>() {
                            let mapped = num_traits::ToPrimitive::to_u32(int.as_bigint())
                                .and_then(CodePoint::from_u32)
                                .ok_or_else(|| {
                                    vm.new_value_error(
                                        "character mapping must be in range(0x110000)",
                                    )
                                })?;
                            out.push(mapped);
                        } else if !vm.is_none(&value) {
                            return Err(vm.new_type_error(
                                "character mapping must return integer, None or str",
                            ));
                        }
                    }
                    Err(e) if e.fast_isinstance(vm.ctx.exceptions.key_error) => out.push(cp),
                    Err(e) => return Err(e),
                }
            }
            Ok(vm.ctx.new_str(out).into())
        },
    );
}

/// The AST pass that builds every f-string with two or more replacement
/// fields through `<concat>(piece, ...)`, a [`Concat`] that checks the sum of
/// its pieces' sizes before it allocates: `BUILD_STRING` would paste
/// `f'{x}{x}{x}...'` of a long `x` into one unchecked allocation. Each field
/// becomes an f-string of its own (conversion, format spec and `=` debug text
/// kept), evaluated in the same order.
pub(crate) struct JoinFStrings;

impl Transformer for JoinFStrings {
    fn visit_expr(&self, expr: &mut Expr) {
        walk_expr(self, expr);
        if let Expr::BinOp(op) = expr {
            check_percent_literal(op);
            return;
        }
        let Expr::FString(f) = expr else {
            return;
        };
        check_plain_fields(f);
        let fields: usize = f
            .value
            .iter()
            .map(|part| match part {
                ast::FStringPart::FString(s) => s.elements.interpolations().count(),
                ast::FStringPart::Literal(_) => 0,
            })
            .sum();
        if fields < 2 {
            return;
        }
        let at = f.range;
        let literal = |value: Box<str>| {
            Expr::StringLiteral(ast::ExprStringLiteral {
                node_index: AtomicNodeIndex::NONE,
                range: at,
                value: ast::StringLiteralValue::single(ast::StringLiteral {
                    range: at,
                    node_index: AtomicNodeIndex::NONE,
                    value,
                    flags: ast::StringLiteralFlags::empty(),
                }),
            })
        };
        let mut pieces = Vec::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(s) => pieces.push(literal(s.value.clone())),
                ast::FStringPart::FString(s) => {
                    for element in s.elements.iter() {
                        match element {
                            ast::InterpolatedStringElement::Literal(l) => {
                                pieces.push(literal(l.value.clone()))
                            }
                            field @ ast::InterpolatedStringElement::Interpolation(_) => pieces
                                .push(Expr::FString(ast::ExprFString {
                                    node_index: AtomicNodeIndex::NONE,
                                    range: at,
                                    value: ast::FStringValue::single(ast::FString {
                                        range: at,
                                        node_index: AtomicNodeIndex::NONE,
                                        elements: vec![field.clone()].into(),
                                        flags: s.flags,
                                    }),
                                })),
                        }
                    }
                }
            }
        }
        *expr = Expr::Call(ast::ExprCall {
            node_index: AtomicNodeIndex::NONE,
            range: at,
            func: Box::new(super::marker::marked_literal("concat", at)),
            arguments: ast::Arguments {
                range: at,
                node_index: AtomicNodeIndex::NONE,
                args: pieces.into_boxed_slice(),
                keywords: Box::default(),
            },
        });
    }
}

/// Wraps the value of every field of `f` that may write an `int` in decimal
/// (no conversion or `!s`, and a spec that is absent, empty, computed when it
/// runs, or decimal) in `<field>(value)`, a [`FieldCheck`]: the interpreter
/// formats an exact `int` with an empty spec without its `__str__` or
/// `__format__` (a fast path), so `f'{10**5000}'` converted 5,000 digits past
/// the 4300-digit limit that `str()` and `format()` keep (and at the `int`
/// size limit, a native conversion of over a second).
fn check_plain_fields(f: &mut ast::ExprFString) {
    for part in f.value.iter_mut() {
        let ast::FStringPart::FString(s) = part else {
            continue;
        };
        for element in s.elements.iter_mut() {
            let ast::InterpolatedStringElement::Interpolation(field) = element else {
                continue;
            };
            // `!r` and `!a` go through the `int` repr, which is checked. Any
            // other field may reach the fast path: with no spec, an empty one
            // (`f'{x:}'`, or one that is empty only when it runs), or `!s`
            // before any spec. A field with a spec is checked only when its
            // value is an exact `int` of too many digits for decimal text,
            // which a non-decimal spec (`:x`) would not need: those pass.
            let by_str = matches!(
                field.conversion,
                ast::ConversionFlag::None | ast::ConversionFlag::Str
            );
            if !by_str {
                continue;
            }
            let decimal_only = field.conversion == ast::ConversionFlag::Str
                || field
                    .format_spec
                    .as_ref()
                    .is_none_or(|spec| spec_may_be_empty_or_decimal(spec));
            if !decimal_only {
                continue;
            }
            wrap_in_field_check(&mut field.expression);
        }
    }
}

/// Whether a format spec may write an `int` in decimal (or by the fast path):
/// empty, nested fields (known only when it runs), or literal text that does
/// not end in a non-decimal presentation type.
fn spec_may_be_empty_or_decimal(spec: &ast::InterpolatedStringFormatSpec) -> bool {
    let mut text = String::new();
    for element in spec.elements.iter() {
        match element {
            ast::InterpolatedStringElement::Literal(l) => text.push_str(&l.value),
            ast::InterpolatedStringElement::Interpolation(_) => return true,
        }
    }
    !matches!(
        text.chars().last(),
        Some('b' | 'o' | 'x' | 'X' | 'c' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')
    )
}

/// `value` becomes `<field>(value)` (see [`FieldCheck`]).
fn wrap_in_field_check(value: &mut Expr) {
    // The expression's own range: an `=` debug text is cut from it.
    let at = ruff_text_size::Ranged::range(&*value);
    let inner = std::mem::replace(
        value,
        Expr::NoneLiteral(ast::ExprNoneLiteral {
            node_index: AtomicNodeIndex::NONE,
            range: at,
        }),
    );
    *value = Expr::Call(ast::ExprCall {
        node_index: AtomicNodeIndex::NONE,
        range: at,
        func: Box::new(super::marker::marked_literal("field", at)),
        arguments: ast::Arguments {
            range: at,
            node_index: AtomicNodeIndex::NONE,
            args: vec![inner].into_boxed_slice(),
            keywords: Box::default(),
        },
    });
}

/// `'...%s...' % (a, b)` with a literal template and a literal tuple: the
/// compiler turns it into f-string code (CPython's optimization), which writes
/// an exact `int` by the fast path; each element whose conversion writes
/// decimal text (`s`, `r`, `a`, `d`, `i`, `u`) is wrapped in the field check.
/// A template this reading does not follow (a mapping key, `*`) is left alone
/// (the compiler does not turn those into f-string code either).
fn check_percent_literal(op: &mut ast::ExprBinOp) {
    if op.op != ast::Operator::Mod {
        return;
    }
    let (Expr::StringLiteral(template), Expr::Tuple(items)) = (&*op.left, &mut *op.right) else {
        return;
    };
    let Some(conversions) = percent_conversions(template.value.to_str()) else {
        return;
    };
    if conversions.len() != items.elts.len() {
        return;
    }
    for (item, conversion) in items.elts.iter_mut().zip(conversions) {
        if matches!(conversion, 's' | 'r' | 'a' | 'd' | 'i' | 'u') && !item.is_starred_expr() {
            wrap_in_field_check(item);
        }
    }
}

/// The conversion characters of a `%` template, in order, or `None` for a
/// template with a mapping key or a `*` width or precision.
fn percent_conversions(template: &str) -> Option<Vec<char>> {
    let mut out = Vec::new();
    let mut chars = template.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            continue;
        }
        loop {
            match chars.next()? {
                // `%%`: a literal percent sign, no argument.
                '%' => break,
                '(' | '*' => return None,
                '-' | '+' | ' ' | '#' | '0'..='9' | '.' | 'h' | 'l' | 'L' => continue,
                conversion => {
                    out.push(conversion);
                    break;
                }
            }
        }
    }
    Some(out)
}

/// The callable behind the marked `field` constant: returns its one argument,
/// after refusing an exact `int` of more than 4300 digits as `str()` does
/// ([`check_plain_fields`], [`check_percent_literal`]). Only compiled code
/// calls it.
#[pyclass(module = false, name = "fstring_field")]
#[derive(Debug, PyPayload)]
pub(crate) struct FieldCheck;

super::patch::refuse_construction!(FieldCheck);

#[pyclass(flags(IMMUTABLETYPE), with(Constructor, Callable))]
impl FieldCheck {}

impl Callable for FieldCheck {
    type Args = FuncArgs;

    fn call(_zelf: &Py<Self>, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let [value] = <[PyObjectRef; 1]>::try_from(args.args)
            .map_err(|_| vm.new_type_error("f-string field check takes one value"))?;
        if value.class().is(vm.ctx.types.int_type) {
            super::digits::check_decimal_digits(&value, vm)?;
        }
        Ok(value)
    }
}

/// The callable behind the marked `concat` constant of an f-string with
/// several fields: checks the sum of its pieces' sizes against the memory
/// budget, then writes them into one new `str`. Only compiled f-strings call
/// it (the constant is unforgeable, see `fuel::marker`), with `str` pieces.
#[pyclass(module = false, name = "fstring_concat")]
#[derive(Debug, PyPayload)]
pub(crate) struct Concat;

super::patch::refuse_construction!(Concat);

#[pyclass(flags(IMMUTABLETYPE), with(Constructor, Callable))]
impl Concat {}

impl Callable for Concat {
    type Args = FuncArgs;

    fn call(_zelf: &Py<Self>, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let mut pieces = Vec::with_capacity(args.args.len());
        let mut total = 0usize;
        for piece in &args.args {
            let Some(text) = piece.downcast_ref::<PyStr>() else {
                return Err(vm.new_type_error("f-string piece is not a str"));
            };
            total = total.saturating_add(text.as_wtf8().len());
            pieces.push(text.as_wtf8());
        }
        reserve(total as f64, "f-string", vm)?;
        let mut out = Wtf8Buf::with_capacity(total);
        for piece in pieces {
            out.push_wtf8(piece);
        }
        Ok(vm.ctx.new_str(out).into())
    }
}

thread_local! {
    /// The sandbox thread's [`Concat`] object.
    static CONCAT: std::cell::RefCell<Option<PyObjectRef>> = const { std::cell::RefCell::new(None) };
    /// The sandbox thread's [`FieldCheck`] object.
    static FIELD: std::cell::RefCell<Option<PyObjectRef>> = const { std::cell::RefCell::new(None) };
}

/// Makes the [`Concat`] and [`FieldCheck`] types (once per sandbox thread,
/// before the type sweep).
pub(crate) fn init_types() {
    Concat::make_static_type();
    FieldCheck::make_static_type();
}

/// This thread's [`FieldCheck`] object (made on first use).
pub(crate) fn field_object() -> PyObjectRef {
    FIELD.with(|c| {
        c.borrow_mut()
            .get_or_insert_with(|| {
                PyRef::new_ref(FieldCheck, FieldCheck::static_type().to_owned(), None).into()
            })
            .clone()
    })
}

/// This thread's [`Concat`] object (made on first use).
pub(crate) fn concat_object() -> PyObjectRef {
    CONCAT.with(|c| {
        c.borrow_mut()
            .get_or_insert_with(|| {
                PyRef::new_ref(Concat, Concat::static_type().to_owned(), None).into()
            })
            .clone()
    })
}

/// Drops this thread's [`Concat`] object (at sandbox teardown, on its thread).
pub(crate) fn release() {
    let _ = CONCAT.try_with(|c| c.borrow_mut().take());
    let _ = FIELD.try_with(|c| c.borrow_mut().take());
}
