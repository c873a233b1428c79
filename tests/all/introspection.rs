//! The escape surface of the built-in types (SPEC §4.3): what guest code can no
//! longer reach, by every attribute route, and what still works.

use crate::util::{raises, sandbox, sandbox_with};
use pyocap::{Policy, Value};

const SETUP: &str = r#"
def f(a=1):
    x = a
    def inner():
        return x
    return inner
def g():
    yield 1
async def c():
    return 1
def tb():
    try:
        raise ValueError("v")
    except ValueError as e:
        return e
co = c()
"#;

#[test]
fn machinery_attributes_are_unreachable_by_every_route() {
    let sb = sandbox();
    sb.exec(SETUP).unwrap();
    for (obj, attr) in [
        ("f", "__globals__"),
        ("f", "__code__"),
        ("f", "__closure__"),
        ("f(1)", "__closure__"),
        ("f", "__builtins__"),
        ("f", "__defaults__"),
        ("f", "__kwdefaults__"),
        ("g()", "gi_frame"),
        ("g()", "gi_code"),
        ("g()", "gi_yieldfrom"),
        ("co", "cr_frame"),
        ("co", "cr_code"),
        ("co", "cr_await"),
        ("tb().__traceback__", "tb_frame"),
    ] {
        for route in [
            format!("{obj}.{attr}"),
            format!("getattr({obj}, '{attr}')"),
            format!("object.__getattribute__({obj}, '{attr}')"),
            format!("type({obj}).__dict__['{attr}']"),
        ] {
            let t = raises(&sb, &route);
            assert!(
                t == "AttributeError" || t == "KeyError" || t == "TypeError",
                "{route} raised {t}"
            );
        }
    }
    // Pickling gadgets refuse.
    for expr in [
        "(1).__reduce_ex__(2)",
        "object().__reduce__()",
        "f.__reduce_ex__(4)",
    ] {
        assert_eq!(raises(&sb, expr), "TypeError", "{expr}");
    }
    sb.exec("co.close()").unwrap();
}

#[test]
fn code_and_functions_cannot_be_built() {
    let sb = sandbox();
    sb.exec(SETUP).unwrap();
    for src in [
        "type(f)(None, {})",
        "type(f).__new__(type(f))",
        "type(tb().__traceback__)(None, None, 0, 0)",
    ] {
        let t = raises(&sb, src);
        assert!(
            t == "TypeError" || t == "AttributeError",
            "{src} raised {t}"
        );
    }
}

#[test]
fn builtin_functions_do_not_lead_to_modules() {
    let sb = sandbox();
    assert_eq!(sb.eval("len.__self__").unwrap(), Value::None);
    assert_eq!(sb.eval("print.__self__").unwrap(), Value::None);
    assert_eq!(
        sb.eval("[1].append.__self__").unwrap(),
        Value::List(vec![Value::from(1)])
    );
}

#[test]
fn format_strings_cannot_walk_private_attributes() {
    let mut p = Policy::new();
    p.allow_import("string").unwrap();
    let sb = sandbox_with(&p);
    sb.exec("import string\nclass H:\n    def __init__(self):\n        self._s = 'secret'\n        self.v = 5\nh = H()").unwrap();
    for src in [
        "'{0._s}'.format(h)",
        "'{0.__class__}'.format(h)",
        "'{x._s}'.format(x=h)",
        "'{0[0]._s}'.format([h])",
        "'{0:{1._s}}'.format(1, h)",
        "'{h._s}'.format_map({'h': h})",
        "type('S', (str,), {})('{0._s}').format(h)",
        "string.Formatter().format('{0._s}', h)",
    ] {
        assert_eq!(raises(&sb, src), "ValueError", "{src}");
    }
    // Deeply nested specs end in an ordinary error, whatever their depth.
    for n in [3, 100_000, 2_000_000] {
        let src = format!("('{{0:' * {n} + '}}' * {n}).format(1)");
        assert_eq!(raises(&sb, &src), "ValueError", "nesting {n}");
    }
    for (expr, want) in [
        ("'{0.v}|{0.v:>3}|{1[k]}'.format(h, {'k': 2})", "5|  5|2"),
        ("'{0:{1}}'.format(5, '>3')", "  5"),
        ("'{{literal}} {}'.format(1)", "{literal} 1"),
        ("string.Formatter().format('{0.v}', h)", "5"),
        ("f'{h._s}'", "secret"),
    ] {
        assert_eq!(sb.eval(expr).unwrap(), Value::Str(want.into()), "{expr}");
    }
}

#[test]
fn attribute_error_obj_reads_none() {
    let sb = sandbox();
    sb.exec("try:\n    (1).nope\nexcept AttributeError as e:\n    r = (e.name, e.obj)")
        .unwrap();
    assert_eq!(
        sb.eval("r").unwrap(),
        Value::Tuple(vec![Value::Str("nope".into()), Value::None])
    );
}

#[test]
fn native_types_stay_immutable_by_every_route() {
    let sb = sandbox();
    for src in [
        "object.__setattr__(int, 'x', 1)",
        "type.__dict__['__name__'].__set__(int, 'y')",
        "type.__dict__['__qualname__'].__set__(int, 'y')",
        "type.__dict__['__doc__'].__set__(int, 'y')",
        "type.__dict__['__module__'].__set__(int, 'y')",
        "type.__dict__['__bases__'].__set__(int, (object,))",
        "object.__delattr__(str, 'upper')",
    ] {
        assert_eq!(raises(&sb, src), "TypeError", "{src}");
    }
    assert_eq!(
        sb.eval("int.__name__ + str.upper('a')").unwrap(),
        Value::Str("intA".into())
    );
}

/// `types.MethodType(f, obj)` can be built (`contextlib.ExitStack` does), and
/// what it builds holds only what made it: its function still has no
/// globals, code or closure, and it cannot wrap a non-callable.
#[test]
fn a_bound_method_built_by_hand_holds_only_its_parts() {
    let sb = sandbox();
    sb.exec(
        "class A:\n    def m(self): return self\nMT = type(A().m)\n\
         def f(s, x): return (s, x)\nb = MT(f, 5)",
    )
    .unwrap();
    assert_eq!(
        sb.eval("[b(1), b.__self__, b.__func__ is f]").unwrap().to_string(),
        "[(5, 1), 5, True]"
    );
    for reach in ["b.__func__.__globals__", "b.__func__.__code__", "b.__func__.__closure__", "b.__globals__"] {
        assert_eq!(raises(&sb, reach), "AttributeError", "{reach}");
    }
    assert_eq!(raises(&sb, "MT(1, 2)"), "TypeError");
    assert_eq!(raises(&sb, "MT(f, None)"), "TypeError");
    assert_eq!(raises(&sb, "b.__reduce__()"), "TypeError");
}
