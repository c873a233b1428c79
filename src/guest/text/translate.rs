//! `str.translate`, built here, each appended string checked against the
//! memory left (SPEC §5.6).

use rustpython_vm::builtins::{PyInt, PyStr};
use rustpython_vm::common::wtf8::{CodePoint, Wtf8Buf};
use rustpython_vm::convert::ToPyObject;
use rustpython_vm::{AsObject, VirtualMachine};
use crate::guest::meter::reserve;
use crate::guest::patch::replace_method;
use super::format::append;

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
                    crate::guest::meter::check_stopped(vm)?;
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
