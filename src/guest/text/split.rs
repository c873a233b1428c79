//! `split`/`rsplit`/`splitlines` of `str`, `bytes` and `bytearray`, checked
//! against the memory left before they allocate their pieces (SPEC §5.6).

use num_traits::ToPrimitive;
use rustpython_vm::builtins::{PyInt, PyStr};
use rustpython_vm::common::wtf8::Wtf8;
use rustpython_vm::function::FuncArgs;
use rustpython_vm::{PyObject, PyResult, VirtualMachine};
use crate::guest::meter::{reserve_bounded, PIECE};
use crate::guest::patch::replace_method;

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
                memchr::memchr2_iter(b'\n', b'\r', data).count() + 1
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
