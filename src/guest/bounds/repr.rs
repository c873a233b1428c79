//! Native reprs bounded (SPEC §5.6, §5.7): every native `__repr__` slot is
//! metered (a container's repr costs fuel per item and looks at the stop),
//! and the repr of a text is checked against the memory left before the
//! native repr writes it.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use parking_lot::Mutex;
use rustpython_vm::builtins::{PyByteArray, PyBytes, PyStr, PyType};
use rustpython_vm::{Py, PyObject, PyRef, PyResult, VirtualMachine};
use crate::guest::meter::reserve_bounded;

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
        // Only when the bound says the repr may not fit: the bytes each byte
        // takes in the repr, doubled (a non-ASCII byte of a text is part of
        // a character of 2 to 4 bytes, at most 10 in repr: 2.5 per byte).
        let exact = || {
            let doubled: [u8; 256] = std::array::from_fn(|b| match b as u8 {
                b'\t' | b'\n' | b'\r' | b'\\' | b'\'' | b'"' => 4,
                0..=0x1f | 0x7f => 8,
                0x20..=0x7e => 2,
                _ if is_str => 5,
                _ => 8,
            });
            let mut total = 0u64;
            for &b in data {
                total += u64::from(doubled[usize::from(b)]);
            }
            total as f64 / 2.0 + FRAME
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

/// A `__repr__` slot function.
type ReprFn = fn(&PyObject, &VirtualMachine) -> PyResult<PyRef<PyStr>>;

/// How many distinct native `__repr__` functions can be metered.
const REPRS: usize = 256;

/// The native `__repr__` each repr wrapper calls.
static REPR_ORIGINALS: [OnceLock<ReprFn>; REPRS] = [const { OnceLock::new() }; REPRS];
static REPR_ASSIGNED: Mutex<Vec<usize>> = Mutex::new(Vec::new());
/// Whether the repr wrapper of the same index marks its object in use: the
/// repr of an exclusive iterator type (`itertools.count` asks its counter's
/// repr holding its lock).
static REPR_EXCLUSIVE: [AtomicBool; REPRS] = [const { AtomicBool::new(false) }; REPRS];

macro_rules! repr_wrappers {
    ($($i:literal)*) => {
        /// One wrapper per slot of `REPR_ORIGINALS`: charges one unit of fuel
        /// (and ends the call if the guest was stopped), checks the size of a
        /// text's repr (`text::check_repr_size`), then calls the original.
        static REPR_WRAPPERS: [ReprFn; REPRS] = [$({
            fn wrapper(zelf: &PyObject, vm: &VirtualMachine) -> PyResult<PyRef<PyStr>> {
                crate::guest::meter::charge_native(vm)?;
                check_repr_size(zelf, vm)?;
                let _in_use = if REPR_EXCLUSIVE[$i].load(Ordering::Relaxed) {
                    Some(crate::guest::exclusive::enter(zelf, vm)?)
                } else {
                    None
                };
                match REPR_ORIGINALS[$i].get() {
                    Some(original) => original(zelf, vm),
                    None => Err(vm.new_runtime_error("repr is not available")),
                }
            }
            wrapper
        }),*];
    };
}
repr_wrappers!(0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95 96 97 98 99 100 101 102 103 104 105 106 107 108 109 110 111 112 113 114 115 116 117 118 119 120 121 122 123 124 125 126 127 128 129 130 131 132 133 134 135 136 137 138 139 140 141 142 143 144 145 146 147 148 149 150 151 152 153 154 155 156 157 158 159 160 161 162 163 164 165 166 167 168 169 170 171 172 173 174 175 176 177 178 179 180 181 182 183 184 185 186 187 188 189 190 191 192 193 194 195 196 197 198 199 200 201 202 203 204 205 206 207 208 209 210 211 212 213 214 215 216 217 218 219 220 221 222 223 224 225 226 227 228 229 230 231 232 233 234 235 236 237 238 239 240 241 242 243 244 245 246 247 248 249 250 251 252 253 254 255);

/// Meters the native `__repr__` of `ty`. Native code that builds a text from
/// the reprs of many objects — a container's repr (also its `str`, `%s`,
/// `print`), an exception's, a deque's — asks each item for its repr through
/// this slot, so every item costs fuel and looks at the stop: a repr of a
/// shared structure (`a = [a, a]` thirty times) ends at the deadline or out of
/// fuel, and one that amplifies a long string (`repr([s] * 1000)`) ends at
/// the first item after its growing buffer crossed the memory budget.
pub(crate) fn meter_repr(vm: &VirtualMachine, ty: &Py<PyType>) {
    let Some(original) = ty.slots.repr.load() else {
        return;
    };
    let addr = original as usize;
    let wrapped = REPR_WRAPPERS.iter().any(|w| *w as usize == addr);
    if let Some(i) = crate::guest::patch::assign_wrapper(original, addr, wrapped, &REPR_ORIGINALS, &REPR_ASSIGNED) {
        // The repr of an exclusive iterator type is its own function, never
        // `object`'s, which every type without one of its own inherits.
        let inherited = vm.ctx.types.object_type.slots.repr.load().map(|f| {
            let f = f as usize;
            REPR_WRAPPERS
                .iter()
                .position(|w| *w as usize == f)
                .and_then(|j| REPR_ORIGINALS[j].get().map(|o| *o as usize))
                .unwrap_or(f)
        });
        if crate::guest::exclusive::is_exclusive_iterator(ty, vm)
            && !crate::guest::iter::is_metered_iter_type(ty)
            && inherited != Some(addr)
        {
            REPR_EXCLUSIVE[i].store(true, Ordering::Relaxed);
        }
        ty.slots.repr.store(Some(REPR_WRAPPERS[i]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_native_repr_is_metered() {
        let _sandbox = crate::test_util::sandbox_with_every_module("");
        let reprs = REPR_ASSIGNED.lock().len();
        assert!(reprs > 40, "only {reprs} repr functions seen");
        assert!(
            reprs < REPRS,
            "{reprs} native repr functions: some may be unmetered"
        );
    }
}
