//! The standard library for guests: RustPython's pure-Python standard library,
//! compiled into the binary at build time (`rustpython-pylib` with its sources
//! frozen), loaded per sandbox, with the guest's authority and no more.
//!
//! Two kinds of code import modules in a sandbox, told apart by the import
//! statement itself (see [`import`]):
//!
//! - **guest code** (every text compiled in the sandbox, whose import
//!   statements `compile::compile` marks) gets, for a module the policy allows, a
//!   [`ModuleView`]: a sealed, read-only object holding the module's public API
//!   (its `__all__`, or its public names), never a module object, never
//!   another module;
//! - **library code** (the frozen modules' own bytecode, the stand-ins, native
//!   code) gets real module objects, but only of the modules in
//!   [`LIBRARY_PYTHON`] and [`LIBRARY_NATIVE`] (pure computation) and of
//!   stand-ins without authority for `sys`, `os`, `time`, `_thread`,
//!   `warnings`, `inspect`, `_random` and `builtins`.
//!
//! Library code runs with the guest's builtins plus `exec`, `eval` and
//! `compile` (which `collections.namedtuple`, `dataclasses` and `typing` need),
//! which compile through the guest's pipeline; its `__import__` by name and
//! its `builtins` module are the guest's. Whatever a guest could reach inside
//! a library namespace therefore carries no authority the guest lacks; and the
//! namespaces themselves are out of its reach: no function exposes
//! `__globals__`, no frame is reachable, text is never run in a library
//! namespace, and once an import is done the `sys.modules` that library code
//! sees maps names to the same sealed views the guest gets, so a guest-chosen
//! `__module__` string (which `typing` and `dataclasses` resolve through
//! `sys.modules`) never leads to a library namespace.

mod doors;
mod files;
mod json;
mod regex;
mod sre_code;
mod view;

pub(crate) use files::{
    granted as files_granted, init_types as init_file_types, install as install_files, open as open_file,
    release as release_files,
};
pub(crate) use json::init_types as init_json_types;
pub(crate) use regex::{init_types as init_regex_types, release as release_regex};

use view::{init_types, module_view, ModuleView};
use super::state::with_state;
use std::cell::RefCell;
use rustpython_compiler_core::frozen::FrozenModule;
use rustpython_vm::builtins::{PyDict, PyDictRef, PyModule, PyStr};
use rustpython_vm::class::StaticType;
use rustpython_vm::function::FuncArgs;
use rustpython_vm::compiler::Mode;
use rustpython_vm::scope::Scope;
use rustpython_vm::{AsObject, PyObjectRef, PyPayload, PyResult, VirtualMachine};
use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

/// The frozen pure-Python standard library, by module name.
static FROZEN: LazyLock<HashMap<&'static str, FrozenModule>> =
    LazyLock::new(|| rustpython_pylib::FROZEN_STDLIB.decode().collect());

use crate::policy::IMPORTABLE_MODULES as GUEST_MODULES;

/// Frozen modules decoded once per process: plain data (no object of any
/// interpreter), from which each sandbox makes its own code object. Decoding
/// (decompressing and unmarshalling) was most of the cost of loading a
/// module's code; making the code object from the decoded form is not.
static DECODED: LazyLock<parking_lot::Mutex<HashMap<&'static str, Arc<DecodedCode>>>> =
    LazyLock::new(Default::default);

type DecodedCode = rustpython_vm::bytecode::CodeObject<rustpython_vm::bytecode::ConstantData>;

/// This sandbox's code object of the frozen module `name`, and whether it is
/// a package; `None` if the library has no such module.
///
/// A module is decoded on a short-lived thread of its own the first time any
/// sandbox of the process loads it, so the decoded form, which every
/// sandbox shares and none frees, is charged to no sandbox's memory account
/// (it is the host's, like the frozen library itself).
fn frozen_code(
    vm: &VirtualMachine,
    name: &str,
) -> Option<(rustpython_vm::PyRef<rustpython_vm::builtins::PyCode>, bool)> {
    use rustpython_vm::bytecode::AsBag;
    let (&key, frozen) = FROZEN.get_key_value(name)?;
    let cached = DECODED.lock().get(key).cloned();
    let decoded = match cached {
        Some(d) => d,
        None => {
            // Decoded and inserted on the decode thread, so neither the code
            // nor the map's growth is charged to this sandbox. If no thread
            // can be started, the same here (charged to this sandbox, once).
            let decode = move || {
                let decoded = Arc::new(frozen.code.decode(rustpython_vm::bytecode::BasicBag));
                DECODED.lock().entry(key).or_insert(decoded).clone()
            };
            std::thread::scope(|s| {
                std::thread::Builder::new()
                    .name("pyocap-decode".into())
                    .stack_size(16 << 20)
                    .spawn_scoped(s, decode)
                    .ok()
                    .and_then(|t| t.join().ok())
            })
            .unwrap_or_else(decode)
        }
    };
    let code = decoded.map_clone_bag(&(&vm.ctx).as_bag());
    Some((vm.ctx.new_code(code), frozen.package))
}

/// The sandbox's library: its module instances and their namespaces.
#[derive(Default)]
pub(crate) struct LibraryState {
    /// Loaded library modules, by name (this sandbox's own instances).
    modules: HashMap<String, PyObjectRef>,
    /// Whether the `encodings` package (codec search) is loaded.
    codecs_ready: bool,
    /// The namespaces of library modules: library `exec`/`eval` never run
    /// text in one of these.
    namespaces: Vec<PyDictRef>,
    /// The builtins of library code.
    builtins: Option<PyDictRef>,
    /// The dict that is `sys.modules` for library code.
    sys_modules: Option<PyDictRef>,
    /// Sealed views handed to the guest, by module name.
    views: HashMap<String, PyObjectRef>,
    /// What `random` seeds itself with when given no seed.
    random_seed: u64,
    /// The doors the policy granted: clock, entropy, the guest's `sys`.
    doors: doors::Doors,
    /// The interpreter's `exec` and `eval`, which the library's wrap.
    originals: Vec<(&'static str, PyObjectRef)>,
    /// How many imports are under way (they nest: library code imports).
    depth: usize,
}

impl LibraryState {
    fn new(vm: &VirtualMachine, policy: &crate::policy::Policy) -> Self {
        LibraryState {
            sys_modules: Some(vm.ctx.new_dict()),
            random_seed: policy.random_seed,
            doors: doors::Doors {
                clock: policy.clock.as_ref().map(|c| c.start()),
                entropy: policy.entropy,
                sys: policy.sys.clone(),
            },
            ..LibraryState::default()
        }
    }
}

thread_local! {
    /// This sandbox's library.
    static LIBRARY: RefCell<Option<LibraryState>> = const { RefCell::new(None) };
}

fn with_library<R>(f: impl FnOnce(&mut LibraryState) -> R) -> Option<R> {
    LIBRARY.with(|l| l.borrow_mut().as_mut().map(f))
}

/// Sets up the library of a sandbox: its state, the library's builtins (from
/// `original`, the interpreter's builtins before the guest's were
/// restricted) and its types.
pub(crate) fn install(
    vm: &VirtualMachine,
    policy: &crate::policy::Policy,
    original: &PyDictRef,
) -> PyResult<()> {
    LIBRARY.with(|l| *l.borrow_mut() = Some(LibraryState::new(vm, policy)));
    library_builtins(vm, original, &vm.builtins.dict())?;
    init_types(vm);
    Ok(())
}

/// Lets go of the library's modules (inside the interpreter, at tear-down).
pub(crate) fn release() {
    let library = LIBRARY.with(|l| l.borrow_mut().take());
    if let Some(library) = &library {
        for dict in &library.namespaces {
            dict.clear();
        }
        if let Some(m) = &library.sys_modules {
            m.clear();
        }
    }
    drop(library);
    super::state::set_library_loading(false);
}

/// Pure-Python modules library code may import besides the guest modules:
/// what those need. Each is a fresh instance per sandbox.
const LIBRARY_PYTHON: &[&str] = &[
    // Data only (the features' compiler flags): a guest's `from __future__
    // import ...` is left unmarked for the compiler, so it runs as this
    // library import (`compile/imports.rs`).
    "__future__",
    "_collections_abc",
    "_py_abc",
    "_pydatetime",
    "_pydecimal",
    "_strptime",
    "_weakrefset",
    "abc",
    "annotationlib",
    "ast",
    "collections._defaultdict",
    "codecs",
    "collections.abc",
    "contextlib",
    "copy",
    "contextvars",
    "copyreg",
    "json.decoder",
    "json.encoder",
    "json.scanner",
    "keyword",
    "numbers",
    "re._casefix",
    "re._compiler",
    "re._constants",
    "re._parser",
    "reprlib",
    "types",
    "weakref",
];

/// Native modules library code may import: pure computation over their
/// arguments, no files, clock, entropy, threads or interpreter internals.
///
/// `_abc` is not among them: its subclass check walked a class's
/// `__subclasses__()` list holding the list's lock while it asked each entry
/// (a guest `__subclasscheck__` that changed the list took the lock twice, an
/// interpreter panic); `abc` falls back to the pure-Python `_py_abc`.
const LIBRARY_NATIVE: &[&str] = &[
    "_ast",
    "_codecs",
    "_collections",
    "_contextvars",
    "_functools",
    "_heapq",
    "_json",
    "_operator",
    "_sre",
    "_string",
    "_struct",
    "_typing",
    "_types",
    "_weakref",
    "cmath",
    "itertools",
    "math",
    "unicodedata",
];

/// Stand-ins: modules library code imports whose real versions hold ambient
/// authority (clock, entropy, files, threads, frames). Written in Python; the
/// names in angle brackets are set by [`stand_in`] before the source runs.
const STAND_INS: &[(&str, &str)] = &[
    ("time", include_str!("py/time.py")),
    ("os", include_str!("py/os.py")),
    ("_thread", include_str!("py/thread.py")),
    ("warnings", include_str!("py/warnings.py")),
    ("inspect", include_str!("py/inspect.py")),
    ("_random", include_str!("py/random.py")),
    ("locale", include_str!("py/locale.py")),
];

/// Library modules whose answers differ from CPython 3.11's (RustPython's
/// library is CPython 3.13's), or that use a construct the sandbox refuses:
/// source run in the module's namespace once it is loaded, before anyone sees
/// it (SPEC §4.5).
const AS_CPYTHON_3_11: &[(&str, &str)] = &[
    ("collections", include_str!("py/collections_3_11.py")),
    ("_collections_abc", include_str!("py/collections_abc_3_11.py")),
];

/// Names copied from the real `sys` into the library's stand-in.
const SYS_NAMES: &[&str] = &[
    "byteorder",
    "exc_info",
    "exception",
    "flags",
    "float_info",
    "float_repr_style",
    "getdefaultencoding",
    "getrecursionlimit",
    "getsizeof",
    "hash_info",
    "hexversion",
    "implementation",
    "int_info",
    "intern",
    "maxsize",
    "maxunicode",
    "version",
    "version_info",
];

/// Whether library code may import `name`.
fn library_may_import(name: &str) -> bool {
    name == "sys"
        || name == "encodings"
        || name
            .strip_prefix("encodings.")
            .is_some_and(|m| !m.is_empty() && !m.contains('.'))
        || name == "builtins"
        || GUEST_MODULES.contains(&name)
        || LIBRARY_PYTHON.contains(&name)
        || LIBRARY_NATIVE.contains(&name)
        || STAND_INS.iter().any(|(n, _)| *n == name)
}

/// The library's builtins: the guest's (restricted) builtins plus what the
/// library's own code needs to run. Built once per sandbox, before the
/// guest's builtins are restricted, from the interpreter's originals.
pub(crate) fn library_builtins(
    vm: &VirtualMachine,
    original: &PyDictRef,
    guest: &PyDictRef,
) -> PyResult<PyDictRef> {
    let d = vm.ctx.new_dict();
    for (k, v) in guest.items_vec() {
        d.set_item(&*k, v, vm)?;
    }
    for name in crate::policy::DEFAULT_BUILTINS
        .iter()
        .chain(crate::policy::OPTIONAL_BUILTINS)
        .chain(&["exec", "eval", "compile"])
    {
        if let Some(v) = original.get_item_opt(*name, vm)? {
            d.set_item(*name, v, vm)?;
        }
    }
    // Library code that calls `__import__` by name imports as the guest; the
    // import statements of its frozen code are the library's (see `import`).
    d.set_item(
        "__import__",
        vm.new_function("__import__", import_as_guest).into(),
        vm,
    )?;
    for name in ["exec", "eval", "compile"] {
        if let Some(original) = d.get_item_opt(name, vm)? {
            with_library(|l| l.originals.push((name, original)));
        }
        let wrapped = vm.new_function(name, move |a: FuncArgs, vm: &VirtualMachine| {
            library_run(name, a, vm)
        });
        d.set_item(name, wrapped.into(), vm)?;
    }
    with_library(|l| l.builtins = Some(d.clone()));
    Ok(d)
}

/// The arguments of `__import__(name, globals, locals, fromlist, level)`.
struct ImportArgs {
    name: String,
    globals: Option<PyObjectRef>,
    fromlist: Option<PyObjectRef>,
    level: i64,
}

impl ImportArgs {
    fn parse(args: &FuncArgs, vm: &VirtualMachine) -> PyResult<Self> {
        let arg = |i: usize, key: &str| args.args.get(i).or_else(|| args.kwargs.get(key)).cloned();
        let name = arg(0, "name")
            .as_ref()
            .and_then(|n| n.downcast_ref::<PyStr>())
            .and_then(|s| s.to_str())
            .map(str::to_owned)
            .ok_or_else(|| vm.new_type_error("__import__() argument 1 must be str"))?;
        let level = arg(4, "level")
            .map(|l| l.try_to_value::<i64>(vm))
            .transpose()?
            .unwrap_or(0);
        Ok(ImportArgs {
            name,
            globals: arg(1, "globals"),
            fromlist: arg(3, "fromlist"),
            level,
        })
    }
}

/// The interpreter's own `__import__`, which RustPython calls for every import
/// statement (whatever the frame's builtins) and for native code
/// (`vm.import("typing")` inside `Generic[T]`, ...). Who is importing is
/// written in the statement itself, never read from frames or instructions:
/// every text compiled in the sandbox (guest source, and what the library's
/// `exec`/`eval`/`compile` run) goes through `compile::compile` (or, for a host's
/// `Sandbox::compile`, the same pipeline without the load), which marks its
/// import statements' module names (`compile::guest_import_prefix`, which no
/// identifier can spell). A marked name is the guest's import: sealed views
/// of the policy's modules. An unmarked one comes from code compiled into the
/// binary (the frozen library, the stand-ins) or from native code: the
/// library's import. No guest or library code can call this function by name:
/// the `__import__` in their builtins is the guest's (`import_as_guest`), and
/// the interpreter's builtins module is out of their reach (library code that
/// imports `builtins` gets [`builtins_for_library`]).
pub(crate) fn import(args: FuncArgs, vm: &VirtualMachine) -> PyResult {
    let ImportArgs {
        name,
        globals,
        fromlist,
        level,
    } = ImportArgs::parse(&args, vm)?;
    match name.strip_prefix(super::compile::guest_import_prefix()) {
        Some(guest) => guest_import_from(vm, guest, level, fromlist.as_ref()),
        None => in_window(vm, || {
            library_import(vm, &name, globals.as_ref(), fromlist, level)
        }),
    }
}

/// The `__import__` a guest can name (in its builtins, and in the library's):
/// always the guest's import, whoever calls it.
pub(crate) fn import_as_guest(args: FuncArgs, vm: &VirtualMachine) -> PyResult {
    let ImportArgs {
        name,
        fromlist,
        level,
        ..
    } = ImportArgs::parse(&args, vm)?;
    guest_import_from(vm, &name, level, fromlist.as_ref())
}

/// `exec`, `eval` and `compile` for library code: one pipeline for every text.
///
/// Text (`str`, or bytes read as UTF-8) is checked against the guest's source
/// bounds (`check_library_source`) and compiled by `compile::compile`, as guest
/// source is: its imports are the guest's, it is fuel-metered when the
/// sandbox is, its multiplications stay checked, its f-strings joined. Then:
/// - `compile(text, filename, mode)` returns that code object; with
///   `ast.PyCF_ONLY_AST` in its flags it parses only (`ast.parse`), which
///   builds data, not code;
/// - `compile()` of an AST object is refused: the interpreter's compiler
///   recurses over a guest-built tree natively (a cyclic or deep one overflows
///   the stack) and would bypass the pipeline;
/// - `exec`/`eval` run the code object in the namespace given, with the guest's
///   builtins where the namespace has none (field names in `dataclasses`,
///   forward references in `typing`: text built from guest data runs with the
///   guest's authority). A library module's own namespace is refused: text
///   run there would reach that module's globals and builtins.
fn library_run(which: &'static str, mut args: FuncArgs, vm: &VirtualMachine) -> PyResult {
    let text = check_library_source(which, &args, vm)?;
    let arg = |args: &FuncArgs, i: usize, key: &str| {
        args.args.get(i).or_else(|| args.kwargs.get(key)).cloned()
    };
    if which == "compile" {
        let flags = match arg(&args, 3, "flags") {
            Some(f) => f.try_to_value::<i64>(vm)?,
            None => 0,
        };
        let Some(text) = text else {
            return Err(vm.new_type_error(
                "compile() of an AST object is not available in this sandbox",
            ));
        };
        if flags & PYCF_ONLY_AST != 0 {
            return call_original(which, args, vm);
        }
        let filename = arg(&args, 1, "filename")
            .and_then(|f| f.downcast_ref::<PyStr>().map(|s| s.to_string_lossy().into_owned()))
            .unwrap_or_else(|| "<string>".to_owned());
        let mode = match arg(&args, 2, "mode")
            .and_then(|m| m.downcast_ref::<PyStr>().map(|s| s.to_string_lossy().into_owned()))
            .as_deref()
        {
            Some("exec") => Mode::Exec,
            Some("eval") => Mode::Eval,
            Some("single") => Mode::Single,
            _ => {
                return Err(vm.new_value_error(
                    "compile() mode must be 'exec', 'eval' or 'single'",
                ))
            }
        };
        return Ok(compile_text(vm, &text, mode, &filename)?.into());
    }
    let globals = arg(&args, 1, "globals");
    let globals = match globals {
        Some(g) if !vm.is_none(&g) => g,
        _ => {
            let g: PyObjectRef = vm.ctx.new_dict().into();
            args.kwargs.swap_remove("globals");
            if args.args.len() >= 2 {
                args.args[1] = g.clone();
            } else {
                args.args.truncate(1);
                args.args.push(g.clone());
            }
            g
        }
    };
    if with_library(|l| l.is_namespace(&globals)).unwrap_or(true) {
        return Err(vm.new_runtime_error(format!(
            "{which}() in a library module's namespace is not available in this sandbox"
        )));
    }
    if let Some(dict) = globals.downcast_ref::<PyDict>() {
        if !dict.contains_key("__builtins__", vm) {
            if let Some(b) = with_state(|s| s.guest_builtins.clone()).flatten() {
                dict.set_item("__builtins__", b, vm)?;
            }
        }
    }
    if let Some(text) = text {
        let mode = if which == "eval" { Mode::Eval } else { Mode::Exec };
        let code: PyObjectRef = compile_text(vm, &text, mode, "<string>")?.into();
        if args.args.is_empty() {
            args.kwargs.swap_remove("source");
            args.args.push(code);
        } else {
            args.args[0] = code;
        }
    }
    call_original(which, args, vm)
}

fn call_original(which: &'static str, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
    let original = with_library(|l| {
        l.originals
            .iter()
            .find(|(n, _)| *n == which)
            .map(|(_, f)| f.clone())
    })
    .flatten()
    .ok_or_else(|| vm.new_runtime_error(format!("{which} is not available")))?;
    original.call(args, vm)
}

/// `ast.PyCF_ONLY_AST`: `compile()` returns the parsed tree.
const PYCF_ONLY_AST: i64 = 0x400;

/// Compiles text for library code through the sandbox's pipeline.
fn compile_text(
    vm: &VirtualMachine,
    text: &str,
    mode: Mode,
    filename: &str,
) -> PyResult<rustpython_vm::PyRef<rustpython_vm::builtins::PyCode>> {
    let instrument = with_state(|s| s.fuel_metering).unwrap_or(true);
    super::compile::compile(vm, text, mode, filename, instrument)
        .map_err(|e| vm.new_syntax_error(&e, Some(text)))
}

/// Text that library code compiles can come from the guest: `typing` evaluates
/// a forward reference (an annotation string) with `eval`, `dataclasses` and
/// `namedtuple` build functions from field names. It gets the bounds of guest
/// source (§5.1), nesting loosened for generated code: a deeply nested
/// annotation (`'(' * 200000`) overflowed the parser's native stack, which
/// aborts the process, and `make_dataclass` with a thousand fields compiled an
/// `__eq__` whose compilation outgrew the memory ceiling. Too deep is a
/// `RecursionError`, too long a `MemoryError`.
/// Returns the text, or `None` for a source that is not text (a code object,
/// an AST).
fn check_library_source(
    which: &str,
    args: &FuncArgs,
    vm: &VirtualMachine,
) -> PyResult<Option<String>> {
    let source = args.args.first().or_else(|| args.kwargs.get("source"));
    let text = match source {
        Some(s) => match s.downcast_ref::<PyStr>() {
            Some(s) => s.to_string_lossy().into_owned(),
            None => match s.try_bytes_like(vm, |b| String::from_utf8_lossy(b).into_owned()) {
                Ok(text) => text,
                Err(_) => return Ok(None),
            },
        },
        None => return Ok(None),
    };
    let expression = match which {
        "eval" => true,
        "compile" => args
            .args
            .get(2)
            .or_else(|| args.kwargs.get("mode"))
            .and_then(|m| m.downcast_ref::<PyStr>())
            .is_some_and(|m| m.as_wtf8() == "eval"),
        _ => false,
    };
    let kind = if expression {
        super::compile::SourceKind::Expression
    } else {
        super::compile::SourceKind::Statements
    };
    let (max_bytes, max_nesting) = with_state(|s| s.source_limits).unwrap_or((1 << 20, 1000));
    // Generated code is long flat chains (a dataclass's `__eq__` is one `and`
    // of every field), which the estimate counts as nesting: four times the
    // guest's bound, at most the 10,000 levels tested to compile on the
    // minimum stack (a 500-field dataclass).
    let max_nesting = max_nesting.saturating_mul(4).min(10_000);
    match super::compile::check_source(&text, kind, max_bytes, max_nesting) {
        Ok(()) => Ok(Some(text)),
        Err(crate::error::GuestError::SourceTooDeep { limit }) => Err(vm.new_recursion_error(format!(
            "{which}(): the source nests deeper than {limit} levels"
        ))),
        Err(e) => Err(vm.new_memory_error(format!("{which}(): {e}"))),
    }
}

/// The `__import__` of the `encodings` package alone (its builtins, given when
/// it is loaded): the codec search calls `__import__('encodings.' + name)` by
/// name, which loads a codec module. Anything else imports as the guest.
fn import_for_codecs(args: FuncArgs, vm: &VirtualMachine) -> PyResult {
    let ImportArgs {
        name,
        globals,
        fromlist,
        level,
    } = ImportArgs::parse(&args, vm)?;
    if level != 0 || !name.starts_with("encodings.") {
        return guest_import_from(vm, &name, level, fromlist.as_ref());
    }
    in_window(vm, || {
        library_import(vm, &name, globals.as_ref(), fromlist, level)
    })
}

/// What library code gets for `import builtins` (`annotationlib` resolves
/// names there, `enum` and `operator` read it): a sealed, read-only view
/// holding the guest's builtins, every name. It holds the guest's authority
/// and no more: never the interpreter's builtins module (whose `__import__`
/// serves the library), nor `exec`, `eval` or `compile`, nor a namespace
/// (`builtins.__dict__` does not exist).
fn builtins_for_library(vm: &VirtualMachine) -> PyResult {
    let guest = with_state(|s| s.guest_builtins.clone())
        .flatten()
        .and_then(|b| super::sealed::sealed_dict(&b))
        .ok_or_else(|| vm.new_runtime_error("the guest's builtins are not set up"))?;
    let view = ModuleView {
        name: "builtins".to_owned(),
    }
    .into_ref_with_type(vm, ModuleView::static_type().to_owned())?;
    let dict = view
        .as_object()
        .dict()
        .ok_or_else(|| vm.new_runtime_error("module views have a namespace"))?;
    for (k, v) in guest.items_vec() {
        dict.set_item(&*k, v, vm)?;
    }
    Ok(view.into())
}

/// CPython 3.11's `sys.stdlib_module_names`: a refused import of one of these
/// says it is not allowed, rather than that it does not exist.
const CPYTHON_STDLIB: &[&str] = &[
    "__future__", "_abc", "_aix_support", "_ast", "_asyncio", "_bisect", "_blake2",
    "_bootsubprocess", "_bz2", "_codecs", "_codecs_cn", "_codecs_hk", "_codecs_iso2022",
    "_codecs_jp", "_codecs_kr", "_codecs_tw", "_collections", "_collections_abc",
    "_compat_pickle", "_compression", "_contextvars", "_crypt", "_csv", "_ctypes", "_curses",
    "_curses_panel", "_datetime", "_dbm", "_decimal", "_elementtree", "_frozen_importlib",
    "_frozen_importlib_external", "_functools", "_gdbm", "_hashlib", "_heapq", "_imp", "_io",
    "_json", "_locale", "_lsprof", "_lzma", "_markupbase", "_md5", "_msi", "_multibytecodec",
    "_multiprocessing", "_opcode", "_operator", "_osx_support", "_overlapped", "_pickle",
    "_posixshmem", "_posixsubprocess", "_py_abc", "_pydecimal", "_pyio", "_queue", "_random",
    "_scproxy", "_sha1", "_sha256", "_sha3", "_sha512", "_signal", "_sitebuiltins", "_socket",
    "_sqlite3", "_sre", "_ssl", "_stat", "_statistics", "_string", "_strptime", "_struct",
    "_symtable", "_thread", "_threading_local", "_tkinter", "_tokenize", "_tracemalloc",
    "_typing", "_uuid", "_warnings", "_weakref", "_weakrefset", "_winapi", "_zoneinfo", "abc",
    "aifc", "antigravity", "argparse", "array", "ast", "asynchat", "asyncio", "asyncore",
    "atexit", "audioop", "base64", "bdb", "binascii", "bisect", "builtins", "bz2", "cProfile",
    "calendar", "cgi", "cgitb", "chunk", "cmath", "cmd", "code", "codecs", "codeop",
    "collections", "colorsys", "compileall", "concurrent", "configparser", "contextlib",
    "contextvars", "copy", "copyreg", "crypt", "csv", "ctypes", "curses", "dataclasses",
    "datetime", "dbm", "decimal", "difflib", "dis", "distutils", "doctest", "email",
    "encodings", "ensurepip", "enum", "errno", "faulthandler", "fcntl", "filecmp", "fileinput",
    "fnmatch", "fractions", "ftplib", "functools", "gc", "genericpath", "getopt", "getpass",
    "gettext", "glob", "graphlib", "grp", "gzip", "hashlib", "heapq", "hmac", "html", "http",
    "idlelib", "imaplib", "imghdr", "imp", "importlib", "inspect", "io", "ipaddress",
    "itertools", "json", "keyword", "lib2to3", "linecache", "locale", "logging", "lzma",
    "mailbox", "mailcap", "marshal", "math", "mimetypes", "mmap", "modulefinder", "msilib",
    "msvcrt", "multiprocessing", "netrc", "nis", "nntplib", "nt", "ntpath", "nturl2path",
    "numbers", "opcode", "operator", "optparse", "os", "ossaudiodev", "pathlib", "pdb",
    "pickle", "pickletools", "pipes", "pkgutil", "platform", "plistlib", "poplib", "posix",
    "posixpath", "pprint", "profile", "pstats", "pty", "pwd", "py_compile", "pyclbr", "pydoc",
    "pydoc_data", "pyexpat", "queue", "quopri", "random", "re", "readline", "reprlib",
    "resource", "rlcompleter", "runpy", "sched", "secrets", "select", "selectors", "shelve",
    "shlex", "shutil", "signal", "site", "smtpd", "smtplib", "sndhdr", "socket",
    "socketserver", "spwd", "sqlite3", "sre_compile", "sre_constants", "sre_parse", "ssl",
    "stat", "statistics", "string", "stringprep", "struct", "subprocess", "sunau", "symtable",
    "sys", "sysconfig", "syslog", "tabnanny", "tarfile", "telnetlib", "tempfile", "termios",
    "textwrap", "this", "threading", "time", "timeit", "tkinter", "token", "tokenize",
    "tomllib", "trace", "traceback", "tracemalloc", "tty", "turtle", "turtledemo", "types",
    "typing", "unicodedata", "unittest", "urllib", "uu", "uuid", "venv", "warnings", "wave",
    "weakref", "webbrowser", "winreg", "winsound", "wsgiref", "xdrlib", "xml", "xmlrpc",
    "zipapp", "zipfile", "zipimport", "zlib", "zoneinfo",
];

/// The refusal of an import: `ModuleNotFoundError`, as CPython raises for a
/// module it cannot find (an `ImportError`, so fallbacks that catch that keep
/// working). A module this binary holds but the policy withholds says so; any
/// other name reads as CPython's "No module named".
fn refuse(vm: &VirtualMachine, name: &str) -> rustpython_vm::builtins::PyBaseExceptionRef {
    let top = name.split('.').next().unwrap_or(name);
    let known = CPYTHON_STDLIB.contains(&top)
        || FROZEN.contains_key(top)
        || vm.state.module_defs.contains_key(top)
        || GUEST_MODULES.contains(&top);
    let message = if known {
        format!("import of '{name}' is not allowed in this sandbox")
    } else {
        format!("No module named '{name}'")
    };
    let exc = vm.new_exception_msg(
        vm.ctx.exceptions.module_not_found_error.to_owned(),
        message.into(),
    );
    let _ = exc.as_object().set_attr("name", vm.ctx.new_str(name), vm);
    exc
}

/// Submodules that are part of their package for a guest: granted with it
/// (`collections.abc` is the abstract base classes `collections` is built
/// on: data and pure functions, nothing the package does not hold).
const PACKAGE_PARTS: &[(&str, &str)] = &[("collections.abc", "collections")];

/// The package whose grant includes submodule `name`, if it is one.
fn package_of(name: &str) -> Option<&'static str> {
    PACKAGE_PARTS
        .iter()
        .find(|(part, _)| *part == name)
        .map(|(_, package)| *package)
}

/// The guest's view of submodule `attribute` of the package whose view is
/// named `package`, if it is part of it (`from collections import abc`,
/// `collections.abc`), imported as the guest's own import.
pub(super) fn package_part(vm: &VirtualMachine, package: &str, attribute: &str) -> Option<PyResult> {
    let (part, _) = PACKAGE_PARTS
        .iter()
        .find(|(part, p)| *p == package && part.strip_prefix(package).and_then(|r| r.strip_prefix('.')) == Some(attribute))?;
    Some(guest_import(vm, part, 0))
}

/// A guest's `__import__(name, fromlist=...)`: as CPython, a dotted name
/// with no `fromlist` gives its top package (`import collections.abc` binds
/// `collections`), once the named module is imported.
fn guest_import_from(
    vm: &VirtualMachine,
    name: &str,
    level: i64,
    fromlist: Option<&PyObjectRef>,
) -> PyResult {
    let module = guest_import(vm, name, level)?;
    let no_fromlist = match fromlist {
        None => true,
        Some(f) if vm.is_none(f) => true,
        Some(f) => !f.clone().try_to_bool(vm)?,
    };
    match name.split_once('.') {
        Some((top, _)) if no_fromlist => guest_import(vm, top, 0),
        _ => Ok(module),
    }
}

/// A guest's import: only the policy's modules, absolute, as sealed views.
fn guest_import(vm: &VirtualMachine, name: &str, level: i64) -> PyResult {
    if level < 0 {
        return Err(vm.new_value_error("level must be >= 0"));
    }
    if name.is_empty() && level == 0 {
        return Err(vm.new_value_error("Empty module name"));
    }
    if level != 0 {
        // A guest's code is no package: CPython's error for a relative
        // import at the top level.
        return Err(vm.new_import_error(
            "attempted relative import with no known parent package",
            vm.ctx.new_str(name),
        ));
    }
    if name == "sys" {
        return guest_sys(vm);
    }
    let granted = package_of(name).unwrap_or(name);
    let provided = with_state(|s| (s.imports.contains(granted), s.modules.get(name).cloned()));
    let view = with_library(|l| l.views.get(name).cloned()).flatten();
    let (allowed, cached) = provided.map(|(allowed, module)| {
        (
            allowed,
            view.or(module),
        )
    })
    .unwrap_or((false, None));
    if !allowed {
        return Err(refuse(vm, name));
    }
    if let Some(view) = cached {
        return Ok(view);
    }
    // A package part loads after its package, as the import system does.
    if let Some(package) = package_of(name) {
        load_top(vm, package)?;
    }
    let module = load_top(vm, name)?;
    // Closing the import window made the view of every allowed module loaded.
    if let Some(view) = with_library(|l| l.views.get(name).cloned()).flatten() {
        return Ok(view);
    }
    let view = module_view(vm, name, &module)?;
    with_library(|l| l.views.insert(name.to_owned(), view.clone()));
    Ok(view)
}

/// The guest's `sys`, if the policy grants one: its own module (never the
/// library's, which holds `modules`), made once, seen as a sealed view.
fn guest_sys(vm: &VirtualMachine) -> PyResult {
    if let Some(view) = with_library(|l| l.views.get("sys").cloned()).flatten() {
        return Ok(view);
    }
    let Some(data) = with_library(|l| l.doors.sys.clone()).flatten() else {
        return Err(refuse(vm, "sys"));
    };
    let module = doors::guest_sys(vm, &data)?;
    let view = module_view(vm, "sys", &module)?;
    with_library(|l| l.views.insert("sys".to_owned(), view.clone()));
    Ok(view)
}

/// Loads `name` for a guest import, then turns the library's `sys.modules`
/// back into views.
fn load_top(vm: &VirtualMachine, name: &str) -> PyResult {
    in_window(vm, || load(vm, name))
}

/// Runs a library import: library code sees the real modules in its
/// `sys.modules` meanwhile, and the native types it creates get their
/// allowlists before anything else runs.
fn in_window(vm: &VirtualMachine, import: impl FnOnce() -> PyResult) -> PyResult {
    with_library(|l| l.open_window(vm)).transpose()?;
    // The codec search (`str(b, 'latin1')` in `re`) comes with the first import.
    let result = ensure_codecs(vm).and_then(|()| import());
    super::sweep::sweep(vm);
    let closed = close_window(vm);
    let module = result?;
    closed?;
    Ok(module)
}

/// Ends an import window: once the outermost import is done, the library's
/// `sys.modules` holds only sealed views of the modules the guest may import.
/// Views are made while the window is still open and outside the sandbox
/// state's borrow: making one may run the module's own `__getattr__`, which
/// may import (PEP 562: `typing.ForwardRef` imports `annotationlib`).
fn close_window(vm: &VirtualMachine) -> PyResult<()> {
    if with_library(|l| l.depth > 1).unwrap_or(true) {
        with_library(|l| {
            l.depth -= 1;
            super::state::set_library_loading(l.depth > 0);
        });
        return Ok(());
    }
    let outcome = (|| {
        // Each round may load more modules; there are finitely many.
        loop {
            let imports = with_state(|s| s.imports.clone()).unwrap_or_default();
            let pending = with_library(|l| l.missing_views(&imports)).unwrap_or_default();
            if pending.is_empty() {
                return Ok(());
            }
            for (name, module) in pending {
                let view = module_view(vm, &name, &module)?;
                with_library(|l| l.views.insert(name, view));
            }
        }
    })();
    let closed = with_library(|l| l.close_window(vm)).transpose();
    outcome.and(closed.map(|_| ()))
}

/// Loads the `encodings` package once per sandbox: it registers the codec
/// search function of this interpreter, which loads codecs (library modules)
/// on demand.
fn ensure_codecs(vm: &VirtualMachine) -> PyResult<()> {
    if with_library(|l| l.codecs_ready).unwrap_or(true) {
        return Ok(());
    }
    load(vm, "encodings")?;
    with_library(|l| l.codecs_ready = true);
    Ok(())
}

/// `__import__` for library code: absolute and relative imports, `fromlist`.
fn library_import(
    vm: &VirtualMachine,
    name: &str,
    globals: Option<&PyObjectRef>,
    fromlist: Option<PyObjectRef>,
    level: i64,
) -> PyResult {
    let full = if level > 0 {
        let globals = globals.and_then(|g| g.downcast_ref::<PyDict>());
        let package = globals
            .and_then(|g| g.get_item_opt("__package__", vm).ok().flatten())
            .and_then(|p| {
                p.downcast_ref::<PyStr>()
                    .and_then(|s| s.to_str().map(str::to_owned))
            })
            .ok_or_else(|| {
                vm.new_import_error("relative import outside a package", vm.ctx.new_str(name))
            })?;
        let mut base = package.as_str();
        for _ in 1..level {
            base = base.rsplit_once('.').map(|(b, _)| b).ok_or_else(|| {
                vm.new_import_error(
                    "relative import beyond the top package",
                    vm.ctx.new_str(name),
                )
            })?;
        }
        if name.is_empty() {
            base.to_owned()
        } else {
            format!("{base}.{name}")
        }
    } else {
        name.to_owned()
    };
    // Import every package on the way down.
    let mut path = String::new();
    let mut last = None;
    for part in full.split('.') {
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(part);
        last = Some(load(vm, &path)?);
    }
    let last = last.ok_or_else(|| refuse(vm, name))?;
    let fromlist: Vec<PyObjectRef> = match fromlist {
        Some(f) if !vm.is_none(&f) => f.try_to_value(vm)?,
        _ => Vec::new(),
    };
    if fromlist.is_empty() {
        if level > 0 {
            return Ok(last);
        }
        let top = full.split('.').next().unwrap_or(&full);
        return load(vm, top);
    }
    // `from package import submodule`.
    for item in fromlist {
        let Some(item) = item
            .downcast_ref::<PyStr>()
            .and_then(|s| s.to_str())
            .map(str::to_owned)
        else {
            continue;
        };
        if item == "*"
            || vm
                .get_attribute_opt(last.clone(), &*vm.ctx.new_str(item.as_str()))?
                .is_some()
        {
            continue;
        }
        let sub = format!("{full}.{item}");
        if library_may_import(&sub) {
            load(vm, &sub)?;
        }
    }
    Ok(last)
}

/// Loads (once per sandbox) the library module `name`.
fn load(vm: &VirtualMachine, name: &str) -> PyResult {
    if let Some(m) = with_library(|l| l.modules.get(name).cloned()).flatten() {
        return Ok(m);
    }
    if !library_may_import(name) {
        return Err(refuse(vm, name));
    }
    // A library module may have put another in sys.modules itself
    // (`collections` does so for `collections.abc`).
    let sys_modules = with_library(|l| l.sys_modules.clone()).flatten();
    if let Some(m) = sys_modules
        .map(|m| m.get_item_opt(name, vm))
        .transpose()?
        .flatten()
    {
        if m.downcast_ref::<PyModule>().is_some() {
            with_library(|l| l.modules.insert(name.to_owned(), m.clone()));
            return Ok(m);
        }
    }
    let module: PyObjectRef = if name == "sys" {
        sys_stand_in(vm)?
    } else if name == "builtins" {
        builtins_for_library(vm)?
    } else if let Some((_, source)) = STAND_INS.iter().find(|(n, _)| *n == name) {
        stand_in(vm, name, source)?
    } else if LIBRARY_NATIVE.contains(&name) {
        let m = rustpython_vm::import::import_builtin(vm, name)?;
        if name == "_string" {
            super::text::wrap_formatter_split(&m, vm)?;
        }
        if name == "math" {
            super::bounds::wrap_math(&m, vm)?;
            super::conform::wrap_math(&m, vm)?;
        }
        if name == "_functools" {
            super::conform::wrap_functools(&m, vm)?;
        }
        if name == "_sre" {
            regex::install(&m, vm)?;
        }
        if name == "itertools" {
            super::bounds::wrap_itertools(&m, vm)?;
        }
        if name == "_collections" {
            super::bounds::wrap_collections(&m, vm)?;
        }
        if name == "_typing" {
            super::bounds::wrap_typing(&m, vm)?;
        }
        if name == "_json" {
            json::install(&m, vm)?;
        }
        m
    } else {
        let (code, package) = match frozen_code(vm, name) {
            Some(found) => found,
            // The few modules the VM carries itself (codecs, copyreg).
            None => (
                rustpython_vm::import::make_frozen(vm, name).map_err(|_| refuse(vm, name))?,
                false,
            ),
        };
        let module = exec_frozen(vm, name, code, package)?;
        if let Some((_, source)) = AS_CPYTHON_3_11.iter().find(|(n, _)| *n == name) {
            let dict = module
                .dict()
                .ok_or_else(|| vm.new_runtime_error("a library module has a namespace"))?;
            run_source(vm, name, source, dict)?;
        }
        return Ok(module);
    };
    remember(vm, name, &module)?;
    Ok(module)
}

/// Records a loaded library module in the sandbox's cache and its library
/// `sys.modules`, and binds it in its parent package.
fn remember(vm: &VirtualMachine, name: &str, module: &PyObjectRef) -> PyResult<()> {
    with_library(|l| l.insert(vm, name, module.clone())).transpose()?;
    if let Some((parent, child)) = name.rsplit_once('.') {
        if let Some(p) = with_library(|l| l.modules.get(parent).cloned()).flatten() {
            p.set_attr(&*vm.ctx.new_str(child), module.clone(), vm)?;
        }
    }
    Ok(())
}

/// A fresh module for library code, and its namespace.
fn new_module(
    vm: &VirtualMachine,
    name: &str,
    package: bool,
) -> PyResult<(PyObjectRef, PyDictRef)> {
    let dict = vm.ctx.new_dict();
    let module: PyObjectRef = vm.new_module(name, dict.clone(), None).into();
    // After the module exists: creating it resets `__package__`.
    let parent = if package {
        name
    } else {
        name.rsplit_once('.').map_or("", |(p, _)| p)
    };
    dict.set_item("__package__", vm.ctx.new_str(parent).into(), vm)?;
    if package {
        dict.set_item("__path__", vm.ctx.new_list(Vec::new()).into(), vm)?;
    }
    let builtins = with_library(|l| l.builtins.clone())
        .flatten()
        .ok_or_else(|| vm.new_runtime_error("the library is not set up"))?;
    let builtins = if name == "encodings" {
        // The one namespace whose `__import__` loads library modules by name.
        let own = vm.ctx.new_dict();
        for (k, v) in builtins.items_vec() {
            own.set_item(&*k, v, vm)?;
        }
        own.set_item(
            "__import__",
            vm.new_function("__import__", import_for_codecs).into(),
            vm,
        )?;
        own
    } else {
        builtins
    };
    dict.set_item("__builtins__", builtins.into(), vm)?;
    with_library(|l| l.namespaces.push(dict.clone()));
    Ok((module, dict))
}

fn exec_frozen(
    vm: &VirtualMachine,
    name: &str,
    code: rustpython_vm::PyRef<rustpython_vm::builtins::PyCode>,
    package: bool,
) -> PyResult {
    let (module, dict) = new_module(vm, name, package)?;
    // Recorded before running, for circular imports.
    remember(vm, name, &module)?;
    if let Err(e) = vm.run_code_obj(code, Scope::with_builtins(None, dict, vm)) {
        with_library(|l| l.forget(vm, name));
        return Err(e);
    }
    // A module may replace itself in sys.modules (decimal does).
    let sys_modules = with_library(|l| l.sys_modules.clone()).flatten();
    if let Some(replaced) = sys_modules
        .map(|m| m.get_item_opt(name, vm))
        .transpose()?
        .flatten()
    {
        if !replaced.is(&module) {
            with_library(|l| l.modules.insert(name.to_owned(), replaced.clone()));
            return Ok(replaced);
        }
    }
    Ok(module)
}

/// A stand-in module, from our own Python source.
fn stand_in(vm: &VirtualMachine, name: &str, source: &str) -> PyResult {
    let (module, dict) = new_module(vm, name, false)?;
    if name == "_random" {
        // The real generator, to derive from; seeded by the sandbox's seed.
        let native = rustpython_vm::import::import_builtin(vm, "_random")?;
        super::bounds::wrap_random(&native, vm)?;
        doors::seed_natively(&native, vm)?;
        dict.set_item("_native", native, vm)?;
        let seed = with_library(|l| l.random_seed).unwrap_or(0);
        dict.set_item("_SEED", vm.ctx.new_int(seed).into(), vm)?;
    }
    if name == "_thread" {
        let native = rustpython_vm::import::import_builtin(vm, "_thread")?;
        for attr in ["allocate_lock", "LockType", "RLock"] {
            dict.set_item(attr, native.get_attr(attr, vm)?, vm)?;
        }
    }
    doors::provide(name, &dict, vm)?;
    if name == "os" {
        files::provide_os(&dict, vm)?;
    }
    run_source(vm, name, source, dict)?;
    Ok(module)
}

/// Runs the source of a stand-in in its namespace.
fn run_source(vm: &VirtualMachine, name: &str, source: &str, dict: PyDictRef) -> PyResult<()> {
    let code = vm
        .compile(
            source,
            rustpython_vm::compiler::Mode::Exec,
            format!("<pyocap {name}>"),
        )
        .map_err(|e| vm.new_runtime_error(format!("stand-in {name} does not compile: {e}")))?;
    vm.run_code_obj(code, Scope::with_builtins(None, dict, vm))?;
    Ok(())
}

/// The library's `sys`: constants and a few pure functions, and `modules`.
fn sys_stand_in(vm: &VirtualMachine) -> PyResult {
    let (module, dict) = new_module(vm, "sys", false)?;
    for name in SYS_NAMES {
        if let Some(v) = vm.get_attribute_opt(vm.sys_module.clone().into(), *name)? {
            dict.set_item(*name, v, vm)?;
        }
    }
    let modules = with_library(|l| l.sys_modules.clone())
        .flatten()
        .ok_or_else(|| vm.new_runtime_error("the library is not set up"))?;
    dict.set_item("modules", modules.into(), vm)?;
    dict.set_item("platform", vm.ctx.new_str("pyocap").into(), vm)?;
    dict.set_item("argv", vm.ctx.new_list(Vec::new()).into(), vm)?;
    dict.set_item("path", vm.ctx.new_list(Vec::new()).into(), vm)?;
    dict.set_item("warnoptions", vm.ctx.new_list(Vec::new()).into(), vm)?;
    dict.set_item("stdout", vm.ctx.none(), vm)?;
    dict.set_item("stderr", vm.ctx.none(), vm)?;
    dict.set_item("stdin", vm.ctx.none(), vm)?;
    run_source(vm, "sys", include_str!("py/sys.py"), dict)?;
    Ok(module)
}

impl LibraryState {
    fn is_namespace(&self, globals: &PyObjectRef) -> bool {
        self.namespaces.iter().any(|d| d.is(globals))
    }

    fn insert(&mut self, vm: &VirtualMachine, name: &str, module: PyObjectRef) -> PyResult<()> {
        if let Some(m) = &self.sys_modules {
            m.set_item(name, module.clone(), vm)?;
        }
        self.modules.insert(name.to_owned(), module);
        Ok(())
    }

    fn forget(&mut self, vm: &VirtualMachine, name: &str) {
        self.modules.remove(name);
        if let Some(m) = &self.sys_modules {
            let _ = m.del_item(name, vm);
        }
    }

    /// While library modules load, their `sys.modules` holds the modules.
    fn open_window(&mut self, vm: &VirtualMachine) -> PyResult<()> {
        self.depth += 1;
        super::state::set_library_loading(true);
        if self.depth > 1 {
            return Ok(());
        }
        let Some(m) = &self.sys_modules else {
            return Ok(());
        };
        m.clear();
        for (name, module) in &self.modules {
            m.set_item(name.as_str(), module.clone(), vm)?;
        }
        Ok(())
    }

    /// The modules the guest may import (`allowed`, the policy's) that are
    /// loaded (or in the library's `sys.modules`) and have no view yet.
    fn missing_views(
        &mut self,
        allowed: &std::collections::BTreeSet<String>,
    ) -> Vec<(String, PyObjectRef)> {
        self.adopt_sys_modules();
        self.modules
            .iter()
            .filter(|(name, _)| allowed.contains(*name) && !self.views.contains_key(*name))
            .map(|(name, module)| (name.clone(), module.clone()))
            .collect()
    }

    /// Keeps what library code put in its `sys.modules` itself.
    fn adopt_sys_modules(&mut self) {
        let Some(m) = &self.sys_modules else {
            return;
        };
        for (k, v) in m.items_vec() {
            if let (Some(k), true) = (
                k.downcast_ref::<PyStr>().and_then(|s| s.to_str()),
                v.downcast_ref::<PyModule>().is_some(),
            ) {
                self.modules.entry(k.to_owned()).or_insert(v);
            }
        }
    }

    /// Ends the outermost import: between imports, the library's `sys.modules`
    /// holds only the views (made by `close_window`) of the modules the guest
    /// may import.
    fn close_window(&mut self, vm: &VirtualMachine) -> PyResult<()> {
        self.depth = self.depth.saturating_sub(1);
        super::state::set_library_loading(self.depth > 0);
        self.adopt_sys_modules();
        let Some(m) = self.sys_modules.clone() else {
            return Ok(());
        };
        m.clear();
        for (name, view) in &self.views {
            if self.modules.contains_key(name) {
                m.set_item(name.as_str(), view.clone(), vm)?;
            }
        }
        Ok(())
    }
}
