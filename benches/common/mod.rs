//! Guest code several benches run, and the plain interpreter they (and
//! `examples/footprint.rs`) measure pyocap against.

/// A recursive `fib`, a `for` loop over a range and a `while` loop.
#[allow(dead_code)]
pub const GUEST: &str = "\
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def loop(n):
    total = 0
    for i in range(n):
        total += i
    return total

def spin(n):
    i = 0
    while i < n:
        i += 1
    return i
";

/// A plain RustPython 0.5 interpreter with the native modules a sandbox has,
/// no sandbox: the baseline of every "raw RustPython" figure.
#[allow(dead_code)]
pub fn raw_interpreter() -> rustpython_vm::Interpreter {
    let mut settings = rustpython_vm::Settings::default();
    settings.isolated = true;
    settings.ignore_environment = true;
    settings.import_site = false;
    settings.install_signal_handlers = false;
    let builder = rustpython_vm::Interpreter::builder(settings);
    let defs = rustpython_stdlib::stdlib_module_defs(&builder.ctx);
    builder.add_native_modules(&defs).build()
}
