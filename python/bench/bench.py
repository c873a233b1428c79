"""Boundary-crossing costs of pyocap from CPython, beside RestrictedPython and Monty.

Measures, in one run and each with a plain-CPython baseline:

1. CPython -> guest call of ``def f(x): return x + 1`` (one call, ``f(1)``):
   pyocap ``sb.call("f", 1)``, a proxy ``f = sb.eval("f"); f(1)`` and
   ``sb.run(sb.compile_eval("f(1)"))``; RestrictedPython (the function it
   compiles is an ordinary CPython function, called in-process); Monty
   ``session.feed_run("f(1)")`` on a checked-out session (a worker subprocess).
2. guest -> CPython call of a host ``def add(a, b): return a + b`` in a guest
   loop of N iterations; the per-call cost is the loop with the call minus the
   same loop without it (``s = s + 1``), both run by the same engine.
3. Attribute reads across the boundary: CPython reading ``c.n`` of a guest
   object (pyocap ``c = sb.eval("C()")``), and a guest reading ``obj.n`` of a
   granted CPython object in a loop (loop minus the loop reading a constant).

Host-side rows subtract the cost of an empty CPython ``for`` loop. Every figure
is the median of several repetitions after a warm-up, timed with
``time.perf_counter``; the whole run takes well under a minute.

Run (from the repository root), in a virtual environment with the package
installed (``maturin develop --release`` in ``python/``, or a built wheel)::

    pip install RestrictedPython pydantic-monty   # only for the comparison rows
    python python/bench/bench.py

Without RestrictedPython or pydantic-monty their rows print ``n/a``.
"""

import statistics
import sys
import time
from importlib import metadata

REPS = 11  # repetitions per measurement; the median is reported

ROWS = []  # (section, engine, microseconds or None, note)


def row(section, engine, us, note=""):
    ROWS.append((section, engine, us, note))


def median_per_op(run, n, reps=REPS):
    """Median seconds per operation of ``run(n)`` (which performs n operations)."""
    run(max(1, n // 10))  # warm-up
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        run(n)
        times.append((time.perf_counter() - t) / n)
    return statistics.median(times)


def _empty(n):
    for _ in range(n):
        pass


EMPTY = None  # seconds per iteration of an empty CPython loop


def host_loop(op, n):
    """Per-call microseconds of ``op()`` called from a CPython loop, loop cost subtracted."""

    def run(k):
        for _ in range(k):
            op()

    return (median_per_op(run, n) - EMPTY) * 1e6


def guest_pair(run_with, run_without, n):
    """(with, without, difference) in microseconds per guest-loop iteration."""
    w = median_per_op(lambda _k: run_with(), n, reps=REPS) * 1e6
    wo = median_per_op(lambda _k: run_without(), n, reps=REPS) * 1e6
    return w, wo, w - wo


def loop_src(n, body):
    return f"s = 0\nfor i in range({n}):\n    s = {body}\n"


def version(dist):
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def short(e):
    text = f"{type(e).__name__}: {e}".splitlines()[0]
    return text[:90]


def add(a, b):
    return a + b


class Obj:
    def __init__(self):
        self.n = 1


GUEST_DEFS = (
    "def f(x):\n    return x + 1\n"
    "class C:\n    def __init__(self):\n        self.n = 1\n"
)

S1 = "1. CPython -> guest call `f(1)`"
S2 = "2. guest -> CPython call `add(s, 1)`"
S3a = "3a. CPython reads guest `c.n`"
S3b = "3b. guest reads host `obj.n`"

N_HOST = 20000  # host-side calls per repetition
N_GUEST = 20000  # guest loop iterations (in-process engines)
N_MONTY_CALLS = 200  # feed_run calls per repetition
N_MONTY_LOOP = 300  # guest loop iterations with a host round trip each


# ---------------------------------------------------------------------------


def bench_cpython():
    ns = {}
    exec(GUEST_DEFS, ns)
    f, c = ns["f"], ns["C"]()
    row(S1, "CPython (baseline)", host_loop(lambda: f(1), N_HOST), "plain function call")
    g = {"add": add, "obj": Obj()}
    with_ = compile(loop_src(N_GUEST, "add(s, 1)"), "<b>", "exec")
    without = compile(loop_src(N_GUEST, "s + 1"), "<b>", "exec")
    attr = compile(loop_src(N_GUEST, "s + obj.n"), "<b>", "exec")
    w, wo, d = guest_pair(lambda: exec(with_, g), lambda: exec(without, g), N_GUEST)
    row(S2, "CPython (baseline)", d, f"loop {w:.3f} - {wo:.3f} µs/iter")
    row(S3a, "CPython (baseline)", host_loop(lambda: c.n, N_HOST), "plain attribute read")
    w, wo, d = guest_pair(lambda: exec(attr, g), lambda: exec(without, g), N_GUEST)
    row(S3b, "CPython (baseline)", d, f"loop {w:.3f} - {wo:.3f} µs/iter")


def bench_pyocap():
    engine = "pyocap"
    try:
        import pyocap
    except Exception as e:  # pragma: no cover - the package under test
        for s in (S1, S2, S3a, S3b):
            row(s, engine, None, short(e))
        return
    try:
        with pyocap.Sandbox() as sb:
            sb.exec(GUEST_DEFS)
            call, run = sb.call, sb.run
            n1 = N_HOST // 4
            row(S1, "pyocap `sb.call(\"f\", 1)`", host_loop(lambda: call("f", 1), n1),
                "request to the sandbox thread, GIL released while waiting")
            f = sb.eval("f")
            row(S1, "pyocap proxy `f(1)`", host_loop(lambda: f(1), n1), "`f = sb.eval(\"f\")`, a Capability")
            code = sb.compile_eval("f(1)")
            row(S1, "pyocap `sb.run(compile_eval(\"f(1)\"))`", host_loop(lambda: run(code), n1),
                "precompiled expression")

            sb.grant("add", add)
            sb.grant("obj", Obj())
            # A host call costs far more than a loop iteration: fewer of them.
            n2 = N_GUEST // 10
            with_ = sb.compile(loop_src(n2, "add(s, 1)"))
            without = sb.compile(loop_src(n2, "s + 1"))
            w, wo, d = guest_pair(lambda: run(with_), lambda: run(without), n2)
            row(S2, "pyocap `sb.grant(\"add\", add)`", d, f"loop {w:.3f} - {wo:.3f} µs/iter")

            c = sb.eval("C()")
            row(S3a, "pyocap proxy `c.n`", host_loop(lambda: c.n, n1), "`c = sb.eval(\"C()\")`, a Capability")
            attr = sb.compile(loop_src(N_GUEST, "s + obj.n"))
            without = sb.compile(loop_src(N_GUEST, "s + 1"))
            w, wo, d = guest_pair(lambda: run(attr), lambda: run(without), N_GUEST)
            row(S3b, "pyocap `sb.grant(\"obj\", Obj())`", d, f"loop {w:.3f} - {wo:.3f} µs/iter")
    except Exception as e:
        row("pyocap", engine, None, "failed: " + short(e))


def bench_restricted():
    engine = "RestrictedPython"
    try:
        from RestrictedPython import compile_restricted, safe_globals
        from RestrictedPython.Eval import default_guarded_getiter
        from RestrictedPython.Guards import safer_getattr
    except Exception as e:
        for s in (S1, S2, S3a, S3b):
            row(s, engine, None, "not importable: " + short(e))
        return
    try:
        g = dict(safe_globals)
        g.update(
            __name__="guest",
            __metaclass__=type,  # lets the guest define a class
            _getattr_=safer_getattr,  # guarded `x.attr`
            _getiter_=default_guarded_getiter,  # guarded `for`
            _write_=lambda ob: ob,  # permissive: only so C.__init__ may set self.n
        )
        exec(compile_restricted(GUEST_DEFS, "<guest>", "exec"), g)
        f = g["f"]
        row(S1, engine, host_loop(lambda: f(1), N_HOST),
            "in-process: the compiled f is a plain CPython function")
        g["add"] = add
        g["obj"] = Obj()
        with_ = compile_restricted(loop_src(N_GUEST, "add(s, 1)"), "<guest>", "exec")
        without = compile_restricted(loop_src(N_GUEST, "s + 1"), "<guest>", "exec")
        attr = compile_restricted(loop_src(N_GUEST, "s + obj.n"), "<guest>", "exec")
        w, wo, d = guest_pair(lambda: exec(with_, g), lambda: exec(without, g), N_GUEST)
        row(S2, engine + " (add in globals)", d, f"loop {w:.3f} - {wo:.3f} µs/iter; a plain CPython call")
        exec(compile_restricted("c = C()\n", "<guest>", "exec"), g)
        c = g["c"]
        row(S3a, engine, host_loop(lambda: c.n, N_HOST),
            "the guest's object is a plain CPython object: no proxy")
        w, wo, d = guest_pair(lambda: exec(attr, g), lambda: exec(without, g), N_GUEST)
        row(S3b, engine + " (`_getattr_`=safer_getattr)", d, f"loop {w:.3f} - {wo:.3f} µs/iter")
    except Exception as e:
        row("RestrictedPython", engine, None, "failed: " + short(e))


def bench_monty():
    engine = "Monty"
    try:
        from pydantic_monty import ClassInstance, Monty
    except Exception as e:
        for s in (S1, S2, S3a, S3b):
            row(s, engine, None, "not importable: " + short(e))
        return
    try:
        with Monty(min_processes=1, max_processes=1) as pool:
            # max_suspensions (host round trips per checkout) defaults to 1000.
            with pool.checkout(limits={"max_suspensions": 10**7}) as session:
                feed = session.feed_run
                feed(GUEST_DEFS)
                row(S1, "Monty `session.feed_run(\"f(1)\")`",
                    host_loop(lambda: feed("f(1)"), N_MONTY_CALLS),
                    "parse + run in a worker subprocess; a guest function does not cross as a callable")

                n = N_MONTY_LOOP
                lookup = {"add": add}
                src_with = loop_src(n, "add(s, 1)")
                src_without = loop_src(n, "s + 1")
                w, wo, d = guest_pair(
                    lambda: feed(src_with, external_lookup=lookup), lambda: feed(src_without), n
                )
                row(S2, "Monty (`external_lookup={\"add\": add}`)", d,
                    f"loop {w:.3f} - {wo:.3f} µs/iter; one IPC round trip per call")

                c = feed("C()")
                row(S3a, engine, None,
                    f"n/a: `feed_run(\"C()\")` returns a {type(c).__name__}, a copied snapshot (`.attributes`), not a live proxy")

                src_attr = loop_src(n, "s + obj.n")
                lazy = ClassInstance(Obj(), lazy_attrs=["n"])
                w, wo, d = guest_pair(
                    lambda: feed(src_attr, inputs={"obj": lazy}),
                    lambda: feed(src_without, inputs={"obj": lazy}),
                    n,
                )
                row(S3b, "Monty `ClassInstance(obj, lazy_attrs=[\"n\"])`", d,
                    f"loop {w:.3f} - {wo:.3f} µs/iter; one IPC round trip per read")
                eager = ClassInstance(Obj(), eager_attrs=["n"])
                n3 = N_GUEST
                src_attr3 = loop_src(n3, "s + obj.n")
                src_without3 = loop_src(n3, "s + 1")
                w, wo, d = guest_pair(
                    lambda: feed(src_attr3, inputs={"obj": eager}),
                    lambda: feed(src_without3, inputs={"obj": eager}),
                    n3,
                )
                row(S3b, "Monty `ClassInstance(obj, eager_attrs=[\"n\"])`", d,
                    f"loop {w:.3f} - {wo:.3f} µs/iter; n copied in at feed time, not a live read")
    except Exception as e:
        row("Monty", engine, None, "failed: " + short(e))


def main():
    global EMPTY
    start = time.perf_counter()
    EMPTY = median_per_op(_empty, 10**6)
    print(f"Python {sys.version.split()[0]} ({sys.implementation.name}, {sys.platform})")
    print(
        f"pyocap {version('pyocap')}, RestrictedPython {version('RestrictedPython')}, "
        f"pydantic-monty {version('pydantic-monty')}"
    )
    print(f"median of {REPS} repetitions; host-side rows subtract an empty loop ({EMPTY * 1e9:.1f} ns/iter)\n")
    for bench in (bench_cpython, bench_pyocap, bench_restricted, bench_monty):
        bench()
    order = {s: i for i, s in enumerate((S1, S2, S3a, S3b))}
    ROWS.sort(key=lambda r: order.get(r[0], len(order)))  # stable: engines keep their order
    print("| measurement | engine | µs per op | note |")
    print("|---|---|---:|---|")
    for section, engine, us, note in ROWS:
        value = "n/a" if us is None else f"{us:.3f}"
        print(f"| {section} | {engine} | {value} | {note} |")
    print(f"\n(total {time.perf_counter() - start:.1f} s)")


if __name__ == "__main__":
    main()
