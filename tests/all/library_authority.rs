//! Library code never holds more authority than the guest (SPEC §4.2): every
//! library function that turns guest text or names into code or objects, fed
//! hostile text, yields no module, namespace or builtin the guest was not given.

use crate::util::*;
use pyocap::{Policy, Value};

/// The evaluators: each takes a text and returns what the library made of it.
/// Found by grepping the frozen library the sandbox loads for `eval(`, `exec(`,
/// `compile(`, `getattr(builtins`, `builtins.` and `__import__`
/// (`annotationlib`, `typing`, `dataclasses`, `functools`, `collections`, `enum`).
const EVALUATORS: &str = r#"
import typing, dataclasses, functools, collections, enum

def annotated_class(text, module=None):
    class C:
        pass
    C.__annotations__ = {'x': text}
    if module is not None:
        C.__module__ = module
    return C

def hints_of_class(text):
    return typing.get_type_hints(annotated_class(text))['x']

def hints_of_class_in(module):
    return lambda text: typing.get_type_hints(annotated_class(text, module))['x']

def hints_with_namespaces(text):
    return typing.get_type_hints(annotated_class(text), globalns={}, localns={})['x']

def hints_of_function(text):
    def f():
        pass
    f.__annotations__ = {'return': text}
    return typing.get_type_hints(f)['return']

def forward_ref(text):
    return typing.ForwardRef(text).evaluate()

def forward_ref_in(module):
    return lambda text: typing.ForwardRef(text, module=module).evaluate()

def forward_ref_owner(text):
    return typing.ForwardRef(text).evaluate(owner=annotated_class('int'))

def forward_ref_format(fmt):
    return lambda text: typing.ForwardRef(text).evaluate(format=fmt)

def evaluate_forward_ref(text):
    return typing.evaluate_forward_ref(typing.ForwardRef(text))

def forward_ref_code(text):
    return typing.ForwardRef(text).__forward_code__

def dataclass_field(text):
    D = dataclasses.make_dataclass('D', [('x', text)])
    return typing.get_type_hints(D)['x']

def dataclass_module(text):
    D = dataclasses.make_dataclass('D', [('x', text)], module='typing')
    return D()

def dataclass_names(text):
    return dataclasses.make_dataclass('D', [text])

def singledispatch(text):
    @functools.singledispatch
    def f(x):
        return 0
    def g(x):
        return 1
    g.__annotations__ = {'x': text}
    f.register(g)
    return f.registry

def named_tuple(text):
    N = typing.NamedTuple('N', [('x', text)])
    return typing.get_type_hints(N)['x']

def typed_dict(text):
    T = typing.TypedDict('T', {'x': text})
    return typing.get_type_hints(T)['x']

def collections_namedtuple(text):
    return collections.namedtuple('N', [text])

def collections_namedtuple_module(text):
    return collections.namedtuple('N', ['a'], module=text)

def enum_names(text):
    return enum.Enum('E', text)

EVALUATORS = [
    hints_of_class, hints_with_namespaces, hints_of_function, forward_ref,
    forward_ref_owner, evaluate_forward_ref, forward_ref_code, dataclass_field,
    dataclass_module, dataclass_names, singledispatch, named_tuple, typed_dict,
    collections_namedtuple, collections_namedtuple_module, enum_names,
] + [hints_of_class_in(m) for m in ('typing', 'builtins', 'dataclasses', 'annotationlib', 'sys', 'collections', 'functools')] \
  + [forward_ref_in(m) for m in ('typing', 'builtins', 'annotationlib', 'sys', 'collections', 'dataclasses')] \
  + [forward_ref_format(f) for f in (1, 2, 3, 4)]
"#;

/// Texts that name or build what the guest was not given.
const HOSTILE: &[&str] = &[
    "__import__",
    "__import__('sys')",
    "__import__('builtins')",
    "__import__('types')",
    "__import__('ast')",
    "__import__('_weakref')",
    "__import__('annotationlib')",
    "__import__('typing')",
    "__import__('os')",
    "__builtins__",
    "builtins",
    "sys",
    "typing",
    "annotationlib",
    "globals()",
    "vars()",
    "locals()",
    "globals",
    "vars",
    "eval",
    "exec",
    "compile",
    "eval('1')",
    "exec('x = 1')",
    "compile('1', '', 'eval')",
    "open",
    "__loader__",
    "__spec__",
    "__build_class__",
    "[x for x in (1,) if __import__('sys')]",
    "(lambda: __import__('sys'))()",
    "(lambda: globals())()",
    "type(lambda: 0)",
    "(lambda: 0).__globals__",
    "().__class__.__base__.__subclasses__()",
    "getattr(__import__('builtins'), '__dict__')",
    "__import__('typing').__dict__",
    "ForwardRef",
    "_type_check",
    "_GenericAlias",
    "__name__",
    "__dict__",
    "int.__dict__",
    "import sys",
    "x: int",
    "x\nimport sys",
    "*__import__('sys')",
    "b'__import__(\"sys\")'",
];

/// A guest program that judges what it got: a module, a namespace (a dict
/// with `__name__`, `__builtins__` or `__loader__`), a frame or cell, or a
/// built-in function that is not one of its own builtins is an escape. (A code
/// object, `ForwardRef.__forward_code__`, is the sandbox pipeline's output and
/// has no attributes, SPEC §4.3.)
const JUDGE: &str = r#"
given = [__builtins__[k] for k in __builtins__]
import_given = __import__
def escape(r, depth=0):
    t = type(r).__name__
    if t in ('module', 'frame', 'cell'):
        return t
    if t == 'module_view' and r.__name__ not in ALLOWED:
        return 'module ' + r.__name__
    if isinstance(r, dict) and ('__builtins__' in r or '__name__' in r or '__loader__' in r):
        return 'namespace ' + repr(sorted(k for k in r if isinstance(k, str))[:8])
    if t in ('builtin_function_or_method', 'builtin_method') and not any(r is g for g in given):
        return 'builtin ' + r.__name__
    if depth < 2 and isinstance(r, (list, tuple, set, frozenset)):
        for x in r:
            e = escape(x, depth + 1)
            if e:
                return e
    if depth < 2 and isinstance(r, dict):
        for x in list(r.values()) + list(r.keys()):
            e = escape(x, depth + 1)
            if e:
                return e
    return None

escapes = []
kinds = {}
for ev in EVALUATORS:
    for text in HOSTILE:
        try:
            r = ev(text)
        except BaseException as e:
            kinds[type(e).__name__] = kinds.get(type(e).__name__, 0) + 1
            continue
        kinds['value'] = kinds.get('value', 0) + 1
        e = escape(r)
        if e:
            escapes.append((getattr(ev, '__name__', '?'), text, e))
"#;

#[test]
fn library_evaluators_yield_nothing_the_guest_was_not_given() {
    let mut policy = Policy::new();
    let allowed = ["typing", "dataclasses", "functools", "collections", "enum"];
    for m in allowed {
        policy.allow_import(m).unwrap();
    }
    let sb = sandbox_with(&policy);
    sb.exec(EVALUATORS).unwrap();
    sb.exec(&format!(
        "HOSTILE = {}\nALLOWED = {:?}",
        python_str_list(HOSTILE),
        allowed
    ))
    .unwrap();
    sb.exec(JUDGE).unwrap();
    let escapes = sb.eval("escapes").unwrap();
    assert_eq!(escapes, Value::List(vec![]), "escapes: {escapes:?}");
    // The evaluators did evaluate: ordinary text gives ordinary results.
    let kinds = sb.eval("kinds").unwrap();
    let Value::Dict(kinds) = kinds else {
        panic!("{kinds:?}")
    };
    let values = kinds
        .iter()
        .find(|(k, _)| *k == Value::from("value"))
        .map(|(_, v)| v.clone());
    assert!(
        matches!(values, Some(Value::Int(ref n)) if *n > 50u32.into()),
        "{kinds:?}"
    );
    assert_eq!(
        sb.eval("[hints_of_class('int'), forward_ref('list[int]') == list[int], hints_of_function('str')]")
            .unwrap(),
        sb.eval("[int, True, str]").unwrap()
    );
}

/// Python literal of a list of strings.
fn python_str_list(items: &[&str]) -> String {
    let quoted: Vec<String> = items
        .iter()
        .map(|s| {
            let escaped: String = s
                .chars()
                .flat_map(|c| match c {
                    '\\' => vec!['\\', '\\'],
                    '\'' => vec!['\\', '\''],
                    '\n' => vec!['\\', 'n'],
                    c => vec![c],
                })
                .collect();
            format!("'{escaped}'")
        })
        .collect();
    format!("[{}]", quoted.join(", "))
}

/// The import statement in text the library compiles imports as the guest, and
/// library code that imports `builtins` gets the guest's builtins, not the
/// interpreter's module.
#[test]
fn text_the_library_compiles_imports_as_the_guest() {
    let mut policy = Policy::new();
    policy.allow_import("typing").unwrap();
    let sb = sandbox_with(&policy);
    sb.exec("import typing").unwrap();
    // A forward reference resolving a builtin name goes through the library's
    // `builtins`: the guest's own functions.
    assert_eq!(
        sb.eval("typing.ForwardRef('len').evaluate() is len").unwrap(),
        Value::Bool(true)
    );
    assert_eq!(
        sb.eval("typing.ForwardRef('__import__').evaluate() is __import__")
            .unwrap(),
        Value::Bool(true)
    );
    assert_eq!(
        raises(&sb, "typing.ForwardRef('__import__').evaluate()('sys')"),
        "ModuleNotFoundError"
    );
    assert_eq!(
        raises(&sb, "typing.ForwardRef('exec').evaluate()"),
        "NameError"
    );
}

/// Every form of the import statement in guest code imports as the guest
/// (the statement is marked when the sandbox compiles it), binds what Python
/// binds, and is refused for what the policy does not grant, wherever it
/// stands.
#[test]
fn every_import_form_in_guest_code_is_the_guests() {
    let mut policy = Policy::new();
    policy.allow_import("math").unwrap();
    policy.allow_import("typing").unwrap();
    let sb = sandbox_with(&policy);
    sb.exec(
        "import math\nimport math as m\nfrom math import sqrt, pi as p\nfrom math import *\n\
         def f():\n    import math as inner\n    from math import floor\n    return inner.floor(2.5) + floor(1.5)\n\
         class C:\n    import math\n    k = math.e\n\
         g = (lambda: __import__('math'))()",
    )
    .unwrap();
    assert_eq!(
        sb.eval("[m is math, sqrt(4.0), p == math.pi, floor(2.9), f(), C.k == e, g is math, type(math).__name__]")
            .unwrap(),
        sb.eval("[True, 2.0, True, 2, 3, True, True, 'module_view']").unwrap()
    );
    // `from __future__` is compiler syntax: it works under every policy (its
    // run-time import is the library's, of data), and gives no module.
    sb.exec("from __future__ import annotations\ndef h(x: Nowhere) -> 'T': pass").unwrap();
    assert_eq!(
        sb.eval("h.__annotations__").unwrap().to_string(),
        "{'x': 'Nowhere', 'return': \"'T'\"}"
    );
    for refused in [
        "import sys",
        "import math.sys",
        "from math import sys",
        "import typing.re",
        "from . import x",
        "from .. import x",
        "from .math import x",
        "import builtins",
        "import annotationlib",
        "def f():\n    import sys\nf()",
        "import __future__",
        "__package__ = 'json'\nfrom .__future__ import x",
        "__package__ = 'json'\nfrom . import decoder",
        "[__import__('sys') for _ in (1,)]",
    ] {
        // A refused module is `ModuleNotFoundError`, a relative import
        // `ImportError` (its base class), as in CPython.
        let raised = raises(&sb, refused);
        assert!(matches!(raised.as_str(), "ImportError" | "ModuleNotFoundError"), "{refused}: {raised}");
    }
}
