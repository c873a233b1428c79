//! What guest code may reach on the built-in types: an allowlist per type,
//! applied to the sandbox thread's own types before any guest code runs, and
//! again to the native types a library import creates.
//!
//! Two kinds of built-in type:
//!
//! - **machinery and root types** — `object`, `type`, functions, code, frames,
//!   tracebacks, generators and coroutines, cells, builtin functions, bound
//!   methods, `AttributeError` — keep exactly the names in [`explicit_allowlist`];
//!   everything else is removed (`__globals__`, `__code__`, `__closure__`,
//!   `__builtins__`, `__defaults__`, `gi_frame`, `tb_frame`, `f_back`,
//!   `__reduce_ex__`, ...);
//! - **value types** (numbers, strings, containers, iterators, descriptors,
//!   regular-expression objects, ...) keep their own methods and data-model
//!   names but lose the pickling protocol ([`VALUE_TYPE_DENIED`]), whose
//!   results name reconstructor functions.
//!
//! Code objects, functions, frames, tracebacks and cells cannot be constructed.
//! `object.__setattr__`/`__delattr__` refuse objects whose type has its own
//! attribute setter (CPython's rule). Format-string fields cannot name an
//! attribute that starts with `_`.
//!
//! The sweep also meters the native `__next__` and `__repr__` slots of every
//! type: native loops and native reprs cost fuel and look at the stop.

use super::state::with_state;
use parking_lot::Mutex;
use rustpython_vm::builtins::{PyList, PyStr, PyStrRef, PyTuple, PyType, PyTypeRef};
use rustpython_vm::function::{FuncArgs, PySetterValue};
use rustpython_vm::types::PyTypeFlags;
use rustpython_vm::{AsObject, Py, PyObject, PyObjectRef, PyRef, PyResult, VirtualMachine};
use std::collections::HashSet;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

/// Names every type inherits from `object`, for guests.
const OBJECT_ALLOWED: &[&str] = &[
    "__class__",
    "__doc__",
    "__init__",
    "__new__",
    "__repr__",
    "__str__",
    "__format__",
    "__hash__",
    "__eq__",
    "__ne__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
    "__getattribute__",
    "__setattr__",
    "__delattr__",
    "__dir__",
    "__sizeof__",
    "__init_subclass__",
    "__subclasshook__",
    // Present (library code compares with them) but refusing: see
    // `replace_methods`.
    "__reduce__",
    "__reduce_ex__",
];

/// Names of `type` (what every class has), for guests. `__subclasses__` is the
/// filtered one (classes defined in Python only).
const TYPE_ALLOWED: &[&str] = &[
    "__name__",
    "__qualname__",
    "__module__",
    "__doc__",
    "__dict__",
    "__mro__",
    "__bases__",
    "__base__",
    "mro",
    "__call__",
    "__new__",
    "__init__",
    "__repr__",
    "__getattribute__",
    "__setattr__",
    "__delattr__",
    "__dir__",
    "__sizeof__",
    "__instancecheck__",
    "__subclasscheck__",
    "__subclasses__",
    "__prepare__",
    "__or__",
    "__ror__",
    "__annotations__",
    "__annotate__",
    "__type_params__",
    "__text_signature__",
    "__abstractmethods__",
    "__basicsize__",
    "__itemsize__",
    "__flags__",
    "__dictoffset__",
    "__weakrefoffset__",
    "__firstlineno__",
    "__static_attributes__",
];

/// Functions: their name, documentation and annotations, and calling them.
/// Not `__globals__`, `__builtins__`, `__code__`, `__closure__`,
/// `__defaults__`, `__kwdefaults__` (they lead to namespaces and to objects
/// of the function's author).
const FUNCTION_ALLOWED: &[&str] = &[
    "__name__",
    "__qualname__",
    "__module__",
    "__doc__",
    "__dict__",
    "__annotations__",
    "__annotate__",
    "__type_params__",
    "__call__",
    "__get__",
    "__repr__",
];

/// Builtin functions: `__self__` is filtered (a module reads as `None`).
const BUILTIN_FUNCTION_ALLOWED: &[&str] = &[
    "__name__",
    "__qualname__",
    "__module__",
    "__doc__",
    "__text_signature__",
    "__self__",
    "__call__",
    "__repr__",
    "__eq__",
    "__hash__",
];

const BOUND_METHOD_ALLOWED: &[&str] = &[
    "__self__",
    "__func__",
    "__name__",
    "__qualname__",
    "__module__",
    "__doc__",
    "__call__",
    "__get__",
    "__repr__",
    "__eq__",
    "__hash__",
    "__getattribute__",
];

const GENERATOR_ALLOWED: &[&str] = &[
    "__iter__",
    "__next__",
    "send",
    "throw",
    "close",
    "__name__",
    "__qualname__",
    "gi_running",
    "gi_suspended",
    "__repr__",
    "__del__",
];

const COROUTINE_ALLOWED: &[&str] = &[
    "__await__",
    "send",
    "throw",
    "close",
    "__name__",
    "__qualname__",
    "cr_running",
    "cr_suspended",
    "__repr__",
    "__del__",
];

const ASYNC_GENERATOR_ALLOWED: &[&str] = &[
    "__aiter__",
    "__anext__",
    "asend",
    "athrow",
    "aclose",
    "__name__",
    "__qualname__",
    "ag_running",
    "__repr__",
    "__del__",
];

/// Tracebacks: the chain and line numbers, never the frame.
const TRACEBACK_ALLOWED: &[&str] = &["tb_next", "tb_lineno", "tb_lasti", "__dir__"];

/// Removed from every value type: the pickling protocol, whose results name
/// reconstructor functions of the import system's `copyreg`.
pub const VALUE_TYPE_DENIED: &[&str] = &[
    "__reduce__",
    "__reduce_ex__",
    "__getstate__",
    "__setstate__",
    "__getnewargs__",
    "__getnewargs_ex__",
];

/// The explicit allowlist of `ty`, if it is a machinery or root type.
fn explicit_allowlist(vm: &VirtualMachine, ty: &Py<PyType>) -> Option<&'static [&'static str]> {
    let t = &vm.ctx.types;
    let is = |other: &Py<PyType>| ty.is(other);
    Some(if is(t.object_type) {
        OBJECT_ALLOWED
    } else if is(t.type_type) {
        TYPE_ALLOWED
    } else if is(t.function_type) {
        FUNCTION_ALLOWED
    } else if is(t.builtin_function_or_method_type) || is(t.builtin_method_type) {
        BUILTIN_FUNCTION_ALLOWED
    } else if is(t.bound_method_type) {
        BOUND_METHOD_ALLOWED
    } else if is(t.generator_type) {
        GENERATOR_ALLOWED
    } else if is(t.coroutine_type) {
        COROUTINE_ALLOWED
    } else if is(t.async_generator) {
        ASYNC_GENERATOR_ALLOWED
    } else if is(t.traceback_type) {
        TRACEBACK_ALLOWED
    } else if is(t.frame_type) || is(t.code_type) || is(t.cell_type) {
        &[]
    } else {
        return None;
    })
}

/// Types that guests can never construct (a guest-built code object panics the
/// VM; a function, frame, traceback or cell built by hand would forge one of
/// the objects the allowlists above keep out of reach).
fn unconstructible(vm: &VirtualMachine) -> [&'static Py<PyType>; 5] {
    let t = &vm.ctx.types;
    [
        t.function_type,
        t.code_type,
        t.frame_type,
        t.traceback_type,
        t.cell_type,
    ]
}

thread_local! {
    /// Native types already reduced to their allowlist on this thread.
    static DONE: std::cell::RefCell<HashSet<usize>> = std::cell::RefCell::new(HashSet::new());
}

/// Applies the allowlists to every native type of this thread not seen yet
/// (all of them the first time; after a library import, the types it created).
pub(crate) fn sweep(vm: &VirtualMachine) {
    let mut stack: Vec<PyTypeRef> = vec![vm.ctx.types.object_type.to_owned()];
    let mut seen = HashSet::new();
    while let Some(ty) = stack.pop() {
        let addr = &*ty as *const Py<PyType> as usize;
        if !seen.insert(addr) {
            continue;
        }
        for sub in ty.subclasses.read().iter() {
            if let Some(sub) = sub.upgrade() {
                if let Ok(sub) = sub.downcast::<PyType>() {
                    stack.push(sub);
                }
            }
        }
        if ty.slots.flags.has_feature(PyTypeFlags::HEAPTYPE) {
            refuse_foreign_construction(vm, &ty);
            super::identity::replace_inherited(vm, &ty);
            continue;
        }
        let fresh = DONE.with(|d| d.borrow_mut().insert(addr));
        if fresh {
            refuse_foreign_construction(vm, &ty);
            super::identity::replace_inherited(vm, &ty);
            replace_debug_repr(vm, &ty);
            restrict(vm, &ty);
            meter_repr(vm, &ty);
            super::iter::meter_iteration(vm, &ty);
            super::finalize::defer_finalizer(&ty);
        }
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
                super::meter::charge_native(vm)?;
                super::text::check_repr_size(zelf, vm)?;
                let _in_use = if REPR_EXCLUSIVE[$i].load(Ordering::Relaxed) {
                    Some(super::exclusive::enter(zelf, vm)?)
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
fn meter_repr(vm: &VirtualMachine, ty: &Py<PyType>) {
    let Some(original) = ty.slots.repr.load() else {
        return;
    };
    let addr = original as usize;
    let wrapped = REPR_WRAPPERS.iter().any(|w| *w as usize == addr);
    if let Some(i) = super::patch::assign_wrapper(original, addr, wrapped, &REPR_ORIGINALS, &REPR_ASSIGNED) {
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
        if super::exclusive::is_exclusive_iterator(ty, vm)
            && !super::iter::is_metered_iter_type(ty)
            && inherited != Some(addr)
        {
            REPR_EXCLUSIVE[i].store(true, Ordering::Relaxed);
        }
        ty.slots.repr.store(Some(REPR_WRAPPERS[i]));
    }
}

fn restrict(vm: &VirtualMachine, ty: &Py<PyType>) {
    let allow = explicit_allowlist(vm, ty);
    let mut attrs = ty.attributes.write();
    let names: Vec<_> = attrs.keys().copied().collect();
    for name in names {
        let text = name.as_str();
        let keep = match allow {
            Some(list) => list.contains(&text),
            None => !VALUE_TYPE_DENIED.contains(&text),
        };
        if !keep {
            attrs.shift_remove(name);
        }
    }
    drop(attrs);
    if unconstructible(vm).iter().any(|t| ty.is(*t)) {
        ty.attributes
            .write()
            .shift_remove(vm.ctx.intern_str("__new__"));
        ty.slots.new.store(Some(refuse_new));
    }
    ty.modified();
}

/// Refuses guest construction of `ty` when its instances would not be what
/// its native code expects.
///
/// RustPython gives a native type without a constructor of its own the one of
/// its base (CPython marks such a type "cannot create instances"):
/// - with `object`'s, `t()`, `t.__new__(t)` and `object.__new__(t)` make an
///   object of class `t` whose payload is a plain object, and the type's native
///   slots, which read their payload without checking it, read past it
///   (`type(re.match('a', 'a'))()[0]` segfaulted);
/// - a struct sequence (`sys.float_info`, `sys.UnraisableHookArgs`, ...) made
///   by a guest is a tuple shorter than its fields, and its slots slice past
///   the end (a panic); only native code makes them in a sandbox.
///
/// Which types those are is decided here by structure, for every type the
/// sweep meets (after every import): a native type other than `object` whose
/// `__new__` slot is `object`'s, a native struct sequence, and a class defined
/// in Python that inherits the slot of such a type. Their
/// `__new__` slot then refuses, and so does `object.__new__(t)` (RustPython's
/// `__new__` wrapper requires the slot of the nearest native base to be the
/// wrapper's own: CPython's "is not safe" rule).
fn refuse_foreign_construction(vm: &VirtualMachine, ty: &Py<PyType>) {
    let object = vm.ctx.types.object_type;
    let new_of = |t: &Py<PyType>| t.slots.new.load().map(|f| f as usize);
    let refusing = Some(refuse_new as fn(PyTypeRef, FuncArgs, &VirtualMachine) -> PyResult as usize);
    if ty.is(object) || new_of(ty) == refusing {
        return;
    }
    // The nearest native type among `ty` and its bases.
    let mut native = ty.to_owned();
    while native.slots.flags.has_feature(PyTypeFlags::HEAPTYPE) {
        match native.base.clone() {
            Some(b) => native = b,
            None => return,
        }
    }
    let struct_sequence = |t: &Py<PyType>| {
        t.attributes
            .read()
            .contains_key(vm.ctx.intern_str("n_sequence_fields"))
    };
    let unconstructible = |t: &Py<PyType>| {
        new_of(t) == refusing
            || new_of(t) == new_of(object)
            || struct_sequence(t)
    };
    if !native.is(object) && new_of(ty) == new_of(&native) && unconstructible(&native) {
        ty.slots.new.store(Some(refuse_new));
    }
}

/// Native reprs that format a Python object with Rust's `Debug`, found by
/// reading every `{:?}` in RustPython 0.5's built-in types and the modules a
/// sandbox has: `typing.ParamSpecArgs` and `typing.ParamSpecKwargs` print
/// their `__origin__` so when it has no `__name__`. `Debug` of an object walks
/// everything it holds, without end through a cycle (a function's globals
/// hold the function): `repr(typing.ParamSpecArgs(functools.partial(lambda:
/// 0)))` overflowed the stack and killed the host. Their repr is CPython's:
/// the origin's `__name__`, or else its `repr()`, then `.args`/`.kwargs`. The
/// other `{:?}` uses format Rust values, strings or types (whose `Debug` is
/// shallow) in error messages.
const DEBUG_REPRS: &[(&str, &str)] = &[("ParamSpecArgs", "args"), ("ParamSpecKwargs", "kwargs")];

fn replace_debug_repr(vm: &VirtualMachine, ty: &Py<PyType>) {
    let name = ty.name();
    let module = ty
        .get_attr(vm.ctx.intern_str("__module__"))
        .and_then(|m| m.downcast_ref::<PyStr>().map(|s| s.to_string_lossy().into_owned()));
    if module.as_deref() != Some("typing") {
        return;
    }
    match DEBUG_REPRS.iter().find(|(n, _)| *n == &*name) {
        Some((_, "args")) => ty.slots.repr.store(Some(origin_repr::<0>)),
        Some(_) => ty.slots.repr.store(Some(origin_repr::<1>)),
        None => {}
    }
}

fn origin_repr<const KWARGS: u8>(zelf: &PyObject, vm: &VirtualMachine) -> PyResult<PyStrRef> {
    let origin = zelf.get_attr("__origin__", vm)?;
    let head = match vm.get_attribute_opt(origin.clone(), "__name__")? {
        Some(name) => name.str(vm)?,
        None => origin.repr(vm)?,
    };
    let suffix = if KWARGS == 1 { "kwargs" } else { "args" };
    Ok(vm.ctx.new_str(format!("{}.{suffix}", head.to_string_lossy())))
}

fn refuse_new(cls: PyTypeRef, _args: FuncArgs, vm: &VirtualMachine) -> PyResult {
    Err(vm.new_type_error(format!(
        "cannot create '{}' instances in this sandbox",
        cls.name()
    )))
}

/// Replaces the few methods whose behaviour, not only presence, matters:
/// `type.__subclasses__`, `object.__setattr__`/`__delattr__`, `str.format`,
/// `str.format_map`. Runs once per sandbox thread, before [`sweep`].
pub(crate) fn replace_methods(vm: &VirtualMachine) {
    let t = &vm.ctx.types;
    let set = |ty: &'static Py<PyType>, name: &str, value: PyObjectRef| {
        ty.attributes.write().insert(vm.ctx.intern_str(name), value);
        ty.modified();
    };
    set(
        t.type_type,
        "__subclasses__",
        super::patch::typed_method(vm, "__subclasses__", t.type_type, subclasses),
    );
    set(
        t.object_type,
        "__setattr__",
        super::patch::typed_method(
            vm,
            "__setattr__",
            t.object_type,
            |obj: PyObjectRef, name: PyStrRef, value: PyObjectRef, vm: &VirtualMachine| {
                object_setattr(&obj, &name, PySetterValue::Assign(value), vm)
            },
        ),
    );
    set(
        t.object_type,
        "__delattr__",
        super::patch::typed_method(
            vm,
            "__delattr__",
            t.object_type,
            |obj: PyObjectRef, name: PyStrRef, vm: &VirtualMachine| {
                object_setattr(&obj, &name, PySetterValue::Delete, vm)
            },
        ),
    );
    // The pickling protocol: present, because library code (enum) looks the
    // methods up, but refusing, because the results name reconstructor
    // functions of the import system's `copyreg`.
    for name in ["__reduce__", "__reduce_ex__"] {
        set(
            t.object_type,
            name,
            super::patch::typed_method(
                vm,
                name,
                t.object_type,
                |obj: PyObjectRef, _args: FuncArgs, vm: &VirtualMachine| -> PyResult {
                    Err(vm.new_type_error(format!(
                        "cannot pickle '{}' objects in this sandbox",
                        obj.class().name()
                    )))
                },
            ),
        );
    }
    // `AttributeError.obj` is the object whose attribute was missing; the
    // interpreter sets it on the errors it raises, so it may be an object the
    // library holds (a module) and the guest must not. A data descriptor
    // outranks the instance's dict: it always reads None, writes are dropped.
    let exc = vm.ctx.exceptions.attribute_error;
    let obj = rustpython_vm::builtins::PyGetSet::new("obj".to_owned(), exc)
        .with_get(|_zelf: PyObjectRef, vm: &VirtualMachine| vm.ctx.none())
        .with_set(
            |_zelf: PyObjectRef, _value: PySetterValue, _vm: &VirtualMachine| -> PyResult<()> {
                Ok(())
            },
        );
    set(
        exc,
        "obj",
        rustpython_vm::PyRef::new_ref(obj, t.getset_type.to_owned(), None).into(),
    );
    set(
        t.str_type,
        "format",
        super::patch::typed_method(vm, "format", t.str_type, str_format),
    );
    set(
        t.str_type,
        "format_map",
        super::patch::typed_method(vm, "format_map", t.str_type, str_format_map),
    );
}

/// `type.__subclasses__`, answering only for classes defined in Python, and
/// listing only such classes: the built-in types' subclasses include the
/// import system's classes (`BuiltinImporter.load_module('sys')`).
fn subclasses(zelf: PyTypeRef) -> PyList {
    if !zelf.slots.flags.has_feature(PyTypeFlags::HEAPTYPE) {
        return PyList::from(Vec::new());
    }
    let subs: Vec<PyObjectRef> = zelf
        .subclasses
        .read()
        .iter()
        .filter_map(|w| w.upgrade())
        .filter(|s| {
            s.downcast_ref::<PyType>()
                .is_some_and(|t| t.slots.flags.has_feature(PyTypeFlags::HEAPTYPE))
        })
        .collect();
    PyList::from(subs)
}

/// `object.__setattr__`, refusing (as CPython does) an object whose type sets
/// attributes its own way: a type, a sealed view, a module.
fn object_setattr(
    obj: &PyObject,
    name: &Py<PyStr>,
    value: PySetterValue,
    vm: &VirtualMachine,
) -> PyResult<()> {
    let object_slot = vm.ctx.types.object_type.slots.setattro.load();
    // The first built-in type of the object's class and its bases (no copy of
    // the MRO: this runs on every `object.__setattr__` call).
    let cls = obj.class();
    let is_native = |t: &Py<PyType>| !t.slots.flags.has_feature(PyTypeFlags::HEAPTYPE);
    let own_slot = if is_native(cls) {
        cls.slots.setattro.load()
    } else {
        cls.mro
            .read()
            .iter()
            .find(|t| is_native(t))
            .and_then(|t| t.slots.setattro.load())
    };
    let same = match (own_slot, object_slot) {
        (Some(a), Some(b)) => a as usize == b as usize,
        (None, None) => true,
        _ => false,
    };
    if !same {
        return Err(vm.new_type_error(format!(
            "can't apply object.__setattr__ to a '{}' object",
            obj.class().name()
        )));
    }
    obj.generic_setattr(name, value, vm)
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
    super::meter::reserve(text.len() as f64 * 4.0, "the format string", vm)?;
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '{' if chars.get(i + 1) == Some(&'{') => i += 2,
            '}' if chars.get(i + 1) == Some(&'}') => i += 2,
            '{' if depth >= MAX_FORMAT_NESTING => {
                return Err(vm.new_value_error("Max string recursion exceeded"));
            }
            '{' => {
                // Find the matching close brace.
                let mut open = 1;
                let mut j = i + 1;
                while j < chars.len() && open > 0 {
                    match chars[j] {
                        '{' => open += 1,
                        '}' => open -= 1,
                        _ => {}
                    }
                    j += 1;
                }
                let inner: String = chars[i + 1..j.saturating_sub(1).max(i + 1)]
                    .iter()
                    .collect();
                check_field(&inner, depth, vm)?;
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
    // Nested fields in the conversion or spec.
    check_fields_at(rest, depth + 1, vm)
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
    let out = super::text::format(zelf.as_wtf8(), super::text::FieldSource::Args(&args), vm)?;
    Ok(vm.ctx.new_str(out).into())
}

/// `str.format_map`: the field check, then the metered build of `text`.
fn str_format_map(zelf: PyStrRef, mapping: PyObjectRef, vm: &VirtualMachine) -> PyResult {
    check_format_fields(&zelf.to_string_lossy(), vm)?;
    let source = super::text::FieldSource::Mapping(&mapping);
    let out = super::text::format(zelf.as_wtf8(), source, vm)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every native type of a sandbox (all modules imported), as the sweep sees them.
    fn native_types(vm: &VirtualMachine) -> Vec<PyTypeRef> {
        let mut stack: Vec<PyTypeRef> = vec![vm.ctx.types.object_type.to_owned()];
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        while let Some(ty) = stack.pop() {
            if !seen.insert(&*ty as *const Py<PyType> as usize) {
                continue;
            }
            for sub in ty.subclasses.read().iter() {
                if let Some(sub) = sub.upgrade().and_then(|s| s.downcast::<PyType>().ok()) {
                    stack.push(sub);
                }
            }
            if !ty.slots.flags.has_feature(PyTypeFlags::HEAPTYPE) {
                out.push(ty);
            }
        }
        out
    }

    /// Guest code tries `t()`, `t.__new__(t)` and `object.__new__(t)`, and a
    /// subclass of `t`, for every native type of the sandbox (after every
    /// import): whatever it gets is never an object of a native class whose
    /// payload is a plain object (the payload its slots would read past), and
    /// using each object it got (repr, index, length, iteration, comparison,
    /// hash) ends in a value or a Python exception.
    #[test]
    fn no_native_type_is_constructed_with_a_foreign_payload() {
        let (_runtime, sb) = crate::test_util::sandbox_with_every_module("");
        sb.run_native(Box::new(|vm, globals| {
            let types: Vec<PyObjectRef> = native_types(vm).into_iter().map(Into::into).collect();
            assert!(types.len() > 150, "only {} native types", types.len());
            globals.set_item("native_types", vm.ctx.new_list(types).into(), vm)
        }))
        .unwrap();
        sb.exec(
            r#"
made = []
def attempts(t):
    yield lambda: t()
    yield lambda: t.__new__(t)
    yield lambda: object.__new__(t)
    def sub():
        class S(t):
            pass
        return S()
    yield sub
for t in native_types:
    for make in attempts(t):
        try:
            made.append(make())
        except BaseException:
            pass
uses = [repr, str, len, bool, hash, iter, lambda o: o[0], lambda o: o == o,
        lambda o: o < o, lambda o: o + o, lambda o: 0 in o, dir]
for o in made:
    for use in uses:
        try:
            use(o)
        except BaseException:
            pass
"#,
        )
        .unwrap_or_else(|e| panic!("{e:?} {}", sb.take_output()));
        sb.run_native(Box::new(|vm, globals| {
            let made = globals.get_item("made", vm)?;
            let made: Vec<PyObjectRef> = made.try_to_value(vm)?;
            assert!(made.len() > 50, "only {} objects made", made.len());
            let object = vm.ctx.types.object_type;
            for o in made {
                let mut native = o.class().to_owned();
                while native.slots.flags.has_feature(PyTypeFlags::HEAPTYPE) {
                    native = native.base.clone().expect("a base");
                }
                // A plain payload is right only for `object` itself and for a
                // native type whose own constructor makes it (`ast.AST`).
                let own_new = native.slots.new.load().map(|f| f as usize)
                    != object.slots.new.load().map(|f| f as usize);
                if o.downcastable::<rustpython_vm::builtins::PyBaseObject>() {
                    assert!(
                        native.is(object) || own_new,
                        "a '{}' object was made with a plain payload",
                        o.class().name()
                    );
                }
            }
            Ok(())
        }))
        .unwrap();
    }

    #[test]
    fn every_native_iterator_type_is_metered() {
        let _sandbox = crate::test_util::sandbox_with_every_module("");
        let assigned = super::super::iter::ASSIGNED.lock().len();
        assert!(assigned > 20, "only {assigned} iterator types seen");
        assert!(
            assigned < super::super::iter::METERED,
            "{assigned} native iterator types: some may be unmetered"
        );
        let reprs = REPR_ASSIGNED.lock().len();
        assert!(reprs > 40, "only {reprs} repr functions seen");
        assert!(
            reprs < REPRS,
            "{reprs} native repr functions: some may be unmetered"
        );
    }
}
