"""The membrane from CPython: CPython objects as capabilities, guest objects as proxies."""

import gc
import sys
import types
import weakref

import pytest

import pyocap


class Purse:
    def __init__(self, balance):
        self.balance = balance
        self._secret = "s3cret"
        self.log = []

    def deposit(self, amount, *, memo=None):
        if not isinstance(amount, int) or amount <= 0:
            raise ValueError("amount must be a positive int")
        self.balance += amount
        self.log.append(memo)
        return self.balance

    def withdraw(self, amount):
        self.balance -= amount
        return self.balance

    def me(self):
        return self

    def _admin(self):
        return "admin"

    def __len__(self):
        return 3


def test_cpython_object_is_a_capability(sb):
    purse = Purse(10)
    sb.grant("purse", purse)
    assert sb.eval("repr(purse)") == "<Purse capability>"
    assert sb.eval("purse.deposit(5)") == 15
    assert purse.balance == 15
    # Keyword arguments cross too.
    sb.exec("purse.deposit(1, memo='tip')")
    assert purse.log == [None, "tip"]
    # Fields are read from the object.
    assert sb.eval("purse.balance") == 16
    # Forwarded protocol.
    assert sb.eval("len(purse)") == 3


def test_private_names_never_pass_unless_listed(sb):
    purse = Purse(1)
    sb.grant("purse", purse)
    for expr in ("purse._secret", "purse._admin()", "purse.__dict__",
                 "purse.deposit.__self__", "purse.deposit.__func__"):
        with pytest.raises(pyocap.GuestError) as info:
            sb.eval(expr)
        assert info.value.type_name == "AttributeError", expr
    # Protocol names resolve on the proxy's own type, never on the object.
    assert sb.eval("purse.__class__.__name__") == "capability"
    assert sb.eval("purse.__init__.__name__") == "__init__"
    # Attribute writes are refused.
    with pytest.raises(pyocap.GuestError):
        sb.exec("purse.balance = 10**9")
    assert purse.balance == 1
    sb.grant("admin", purse, allow=["_admin"])
    assert sb.eval("admin._admin()") == "admin"
    with pytest.raises(pyocap.GuestError):
        sb.eval("admin.deposit(1)")


def test_allow_narrows_and_results_stay_narrow(sb):
    purse = Purse(10)
    sb.grant("p", purse, allow=["deposit", "me"])
    assert sb.eval("p.deposit(1)") == 11
    with pytest.raises(pyocap.GuestError) as info:
        sb.eval("p.withdraw(1)")
    assert info.value.type_name == "AttributeError"
    # What the capability returns is at most as authoritative as it (SPEC §3.7).
    with pytest.raises(pyocap.GuestError):
        sb.eval("p.me().withdraw(1)")
    assert sb.eval("p.me() is p") is True
    assert purse.balance == 11


def test_identity_per_object_and_grant(sb):
    purse = Purse(0)
    sb.grant("a", purse)
    sb.grant("b", purse)
    assert sb.eval("a is b") is True
    assert sb.eval("a.me() is a") is True
    sb.grant("narrow", purse, allow=["deposit"])
    assert sb.eval("narrow is a") is False


def test_a_cpython_object_comes_back_as_a_capability(sb):
    purse = Purse(0)
    sb.grant("purse", purse)
    sb.exec("def echo(x):\n    return x")
    # Never the object itself: generic code could apply more than the guest held.
    back = sb.call("echo", purse)
    assert isinstance(back, pyocap.Capability)
    assert pyocap.unwrap(back) is purse
    assert sb.eval("purse") is back
    assert sb.eval("[purse, {'k': purse}]") == [back, {"k": back}]
    # Through it, the host has what the guest had.
    assert back.deposit(2) == 2
    with pytest.raises(AttributeError):
        back._secret


def test_unwrap_can_require_names(sb):
    purse = Purse(3)
    sb.grant("facet", purse, allow=["deposit"])
    facet = sb.eval("facet")
    assert pyocap.unwrap(facet, require=["deposit"]) is purse
    with pytest.raises(PermissionError):
        pyocap.unwrap(facet, require=["withdraw"])
    sb.exec("class G:\n    pass\ng = G()")
    with pytest.raises(TypeError):
        pyocap.unwrap(sb.eval("g"))


def test_guest_objects_are_proxies(sb):
    sb.exec(
        "class Counter:\n"
        "    def __init__(self):\n"
        "        self.n = 0\n"
        "    def add(self, k=1):\n"
        "        self.n += k\n"
        "        return self.n\n"
        "    def __repr__(self):\n"
        "        raise RuntimeError('guest repr ran')\n"
        "    def __eq__(self, other):\n"
        "        raise RuntimeError('guest eq ran')\n"
        "    def __hash__(self):\n"
        "        raise RuntimeError('guest hash ran')\n"
        "c = Counter()\n"
        "def make():\n"
        "    return lambda x: x * 2\n"
    )
    c = sb.eval("c")
    assert isinstance(c, pyocap.Capability)
    assert c.add() == 1
    assert c.add(k=5) == 6
    assert c.n == 6
    # No guest code runs for repr, equality or hashing on the CPython side.
    assert repr(c) == "<pyocap.Capability Counter>"
    assert c == c and c != object()
    assert {c: 1}[c] == 1
    assert sb.eval("c") is c
    double = sb.call("make")
    assert double(21) == 42
    with pytest.raises(AttributeError):
        c.missing
    with pytest.raises(AttributeError):
        c.n = 5
    with pytest.raises(TypeError):
        type(c)()


def test_guest_protocols_forward(sb):
    sb.exec(
        "class Box:\n"
        "    def __init__(self):\n"
        "        self.items = [1, 2, 3]\n"
        "    def __len__(self):\n"
        "        return len(self.items)\n"
        "    def __iter__(self):\n"
        "        return iter(self.items)\n"
        "    def __contains__(self, x):\n"
        "        return x in self.items\n"
        "    def __getitem__(self, i):\n"
        "        return self.items[i]\n"
        "    def __enter__(self):\n"
        "        return 'entered'\n"
        "    def __exit__(self, t, v, tb):\n"
        "        global seen\n"
        "        seen = (t, v, tb)\n"
        "        return True\n"
        "box = Box()\n"
        "def gen():\n"
        "    yield 'a'\n"
        "    yield 'b'\n"
    )
    box = sb.eval("box")
    assert len(box) == 3
    assert list(box) == [1, 2, 3]
    assert 2 in box and 7 not in box
    assert box[1] == 2
    with box as entered:
        assert entered == "entered"
        raise KeyError("inside")
    # Data only: the class name and message, no traceback.
    assert sb.eval("seen") == ("KeyError", "'inside'", None)
    assert list(sb.eval("gen()")) == ["a", "b"]


def test_cpython_exceptions_reach_the_guest_fresh(sb):
    purse = Purse(0)
    sb.grant("purse", purse)
    sb.exec(
        "try:\n"
        "    purse.deposit(-1)\n"
        "except ValueError as e:\n"
        "    caught = (type(e).__name__, str(e), e.__traceback__ is not None, e.__context__)\n"
    )
    assert sb.eval("caught") == ("ValueError", "amount must be a positive int", True, None)

    class Weird(Exception):
        pass

    def boom():
        raise Weird("host detail")

    sb.grant("boom", boom)
    sb.exec("try:\n    boom()\nexcept Exception as e:\n    w = (type(e).__name__, str(e))\n")
    assert sb.eval("w") == ("HostError", "host detail")


def test_revocation(sb):
    purse = Purse(0)
    sb.grant("purse", purse)
    assert sb.eval("purse.deposit(1)") == 1
    sb.revoke()
    with pytest.raises(pyocap.GuestError) as info:
        sb.eval("purse.deposit(1)")
    assert info.value.type_name == "RevokedError"
    assert purse.balance == 1
    sb.exec("class A:\n    def f(self):\n        return 1\na = A()")
    a = sb.eval("a")
    narrow = pyocap.attenuate(a, ["f"])
    assert narrow.f() == 1
    pyocap.revoke(a)
    assert pyocap.is_revoked(narrow)
    with pytest.raises(pyocap.RevokedError):
        narrow.f()
    assert repr(narrow) == "<pyocap.Capability revoked>"


def test_attenuate_only_narrows(sb):
    sb.exec("class A:\n    def f(self):\n        return 1\n    def g(self):\n        return 2\na = A()")
    a = pyocap.attenuate(sb.eval("a"), ["f"])
    wider = pyocap.attenuate(a, ["f", "g"])
    assert wider.f() == 1
    with pytest.raises(AttributeError):
        wider.g()
    assert dir(wider) == ["f"]


def test_closing_releases_the_granted_objects():
    purse = Purse(0)
    ref = weakref.ref(purse)
    with pyocap.Sandbox() as s:
        s.grant("purse", purse)
        s.exec("def keep():\n    return purse.me()\nx = keep()")
    del purse
    gc.collect()
    assert ref() is None


def test_interpreter_internals_never_cross(sb):
    def gen():
        yield 1

    class Holder:
        def __init__(self):
            self.module = sys
            self.frame = sys._getframe()
            self.gen = gen()
            self.code = gen.__code__

        def get_module(self):
            return types

    sb.grant("h", Holder())
    for expr in ("h.module", "h.frame", "h.code", "h.get_module()"):
        with pytest.raises(pyocap.GuestError) as info:
            sb.eval(expr)
        assert "cannot cross the membrane" in info.value.message, expr
    # The generator itself is an opaque token: nothing behind it is reachable.
    with pytest.raises(pyocap.GuestError) as info:
        sb.eval("h.gen.gi_frame")
    assert info.value.type_name == "AttributeError"
    for internal in (sys, sys._getframe(), gen.__code__):
        with pytest.raises(TypeError):
            sb.grant("m", internal)


def test_nested_calls_in_both_directions(sb):
    calls = []

    def host_add(a, b):
        calls.append((a, b))
        # Back into the guest while the guest waits for this call: another
        # sandbox, since a sandbox cannot be re-entered from its own call.
        return a + b

    sb.grant("host_add", host_add)
    sb.exec("def twice(x):\n    return host_add(x, x)")
    assert sb.call("twice", 21) == 42
    with pyocap.Sandbox() as other:
        other.exec("def f(x):\n    return x + 1")
        f = other.eval("f")
        sb.grant("f", f)
        assert sb.eval("f(41)") == 42
    assert calls == [(21, 21)]


def test_deep_and_cyclic_data_is_refused(sb):
    deep = []
    for _ in range(1000):
        deep = [deep]
    with pytest.raises(ValueError):
        sb.grant("deep", deep)
    cyclic = []
    cyclic.append(cyclic)
    with pytest.raises(ValueError):
        sb.grant("cyclic", cyclic)
    with pytest.raises(ValueError):
        sb.call("len", cyclic)


def test_what_a_granted_object_hands_out_is_an_opaque_token(sb):
    import asyncio
    import functools
    import logging

    loop = asyncio.new_event_loop()
    made = []

    class Api:
        def __init__(self):
            self.log = logging.getLogger("pyocap-test")
            self.config = {"k": "v"}

        def fetch(self):
            return loop.create_future()

        def make(self):
            obj = Purse(5)
            made.append(obj)
            return obj

        def transfer(self, src, dst, amount):
            return (src, dst, amount)

        def partial(self):
            return functools.partial(self.transfer, "me", "alice")

        def keys(self):
            return {"secret": 1}.keys()

        def check(self, token):
            return pyocap.unwrap(token) is made[-1]

    sb.grant("api", Api())
    # CPython's own objects carry authority under public names; none of it
    # is reachable through what a granted object returns or holds.
    for expr in ("api.fetch().get_loop()", "api.log.manager", "api.log.info('x')",
                 "api.partial().func", "api.keys().mapping", "api.make().deposit(1)",
                 "api.make().balance"):
        with pytest.raises(pyocap.GuestError) as info:
            sb.eval(expr)
        assert info.value.type_name == "AttributeError", expr
    # Data still crosses, and a token can be held and handed back.
    assert sb.eval("api.config") == {"k": "v"}
    assert sb.eval("repr(api.make())") == "<Purse capability>"
    assert sb.eval("api.check(api.make())") is True
    # A token is never called: a filter governs names, not calling.
    with pytest.raises(pyocap.GuestError) as info:
        sb.eval("api.partial()('x')")
    assert info.value.type_name == "TypeError"
    loop.close()


def test_narrow_capabilities_never_come_back_wider(sb):
    import collections

    purse = Purse(10)

    class Bank:
        def ident(self, o):
            return o

        def hold(self, o):
            self.o = o

        def give(self):
            return self.o

    sb.grant("p", purse, allow=["deposit"])
    sb.grant("bank", Bank())
    sb.grant("dq", collections.deque())
    sb.grant("Purse", Purse)
    for expr in ("bank.ident(p).withdraw(5)", "(dq.append(p), dq.pop())[1].withdraw(1)",
                 "(bank.hold(p), bank.give())[1].withdraw(1)"):
        with pytest.raises(pyocap.GuestError) as info:
            sb.eval(expr)
        assert info.value.type_name == "AttributeError", expr
    assert sb.eval("bank.ident(p) is p") is True
    # An unbound method applied to the narrow purse gets a capability, not
    # the purse: the host's code fails instead of withdrawing.
    with pytest.raises(pyocap.GuestError):
        sb.eval("Purse.withdraw(p, 1)")
    assert purse.balance == 10
    # The host itself may still recognise its object.
    sb.exec("def back(x):\n    return x")
    narrow = sb.call("back", sb.eval("p"))
    assert narrow is sb.eval("p")
    assert isinstance(narrow, pyocap.Capability)
    assert pyocap.unwrap(narrow) is purse


def test_a_result_over_the_guests_budget_is_refused_before_it_is_copied():
    class Big:
        def text(self):
            return "x" * (100 << 20)

        def items(self):
            return list(range(2_000_000))

    with pyocap.Sandbox(memory=32 << 20) as s:
        s.grant("big", Big())
        for call in ("big.text()", "big.items()"):
            s.exec(f"try:\n    r = {call}\nexcept Exception as e:\n    r = str(e)")
            assert "memory budget" in s.eval("r"), call
        assert s.eval("1 + 1") == 2


def test_proxies_never_run_guest_code_implicitly(sb):
    calls = []
    sb.grant("ping", lambda: calls.append(1))
    sb.exec(
        "class O:\n"
        "    def __len__(self):\n"
        "        ping()\n"
        "        return 0\n"
        "    def __dir__(self):\n"
        "        ping()\n"
        "        return ['a']\n"
        "o = O()\n"
    )
    o = sb.eval("o")
    assert bool(o) is True
    assert calls == []
    # dir() asks the guest, with the GIL released (no deadlock).
    assert "a" in dir(o) or dir(o) == []


def test_an_output_callback_calling_its_own_sandbox_is_refused(sb):
    import sys

    seen = []
    old = sys.unraisablehook
    sys.unraisablehook = lambda u: seen.append(u.exc_value)
    try:
        sb.stream_output(lambda text: sb.exec("1"))
        sb.exec("print('hi')")
    finally:
        sys.unraisablehook = old
    assert any(isinstance(e, RuntimeError) for e in seen), seen


def test_a_sandbox_in_a_reference_cycle_is_collected():
    class Host:
        pass

    refs = []
    for _ in range(5):
        s = pyocap.Sandbox()
        h = Host()
        h.sb = s
        s.grant("h", h)
        s.stream_output(h.__init__)
        refs.append(weakref.ref(s))
        del s, h
    gc.collect()
    assert all(r() is None for r in refs)


def test_classes_reached_through_a_grant_are_not_callable(sb):
    import enum
    import os
    import subprocess

    class Job(subprocess.Popen):
        pass

    class Level(enum.StrEnum):
        LOW = "low"

    class Secretive:
        def __init__(self):
            self._pin = "1234"

    sb.grant("Job", Job)
    sb.grant("Level", Level)
    sb.grant("s", Secretive())
    with pytest.raises(pyocap.GuestError) as info:
        sb.eval("Job.mro()[1]('true')")
    assert info.value.type_name == "TypeError"
    # str.format through a granted class gets a capability, never the object
    # behind it: no `_` name, no globals.
    for fmt in ("'{0._pin}'", "'{0.__init__.__globals__}'"):
        with pytest.raises(pyocap.GuestError):
            sb.eval(f"Level.format({fmt}, s)")
    os.environ.setdefault("PYOCAP_TEST_SECRET", "x")


def test_a_guest_callbacks_arguments_cross_as_tokens(sb):
    class Item:
        def delete(self):
            return "deleted"

    class Inventory(list):
        pass

    inv = Inventory([Item(), Item()])
    sb.grant("inv", inv)
    sb.exec("got = []\ndef key(x):\n    got.append(x)\n    return 0\n")
    sb.exec("inv.sort(key=key)")
    with pytest.raises(pyocap.GuestError):
        sb.eval("got[0].delete()")
    # The host shares an object with its names on purpose.
    sb.exec("def handle(item):\n    return item.delete()")
    handle = sb.eval("handle")
    assert handle(sb.share(Item())) == "deleted"
    with pytest.raises(pyocap.GuestError):
        handle(Item())


def test_a_huge_host_error_message_is_cut_before_it_is_copied():
    class Table:
        def lookup(self, k):
            return {}[k]

    with pyocap.Sandbox(memory=32 << 20) as s:
        s.grant("t", Table())
        s.exec("try:\n    t.lookup('\\x01' * (26 << 20))\nexcept KeyError as e:\n    n = len(str(e))")
        assert s.eval("n") < 20_000  # cut to 4096 characters (then repr-quoted)


def test_the_objects_a_guest_keeps_alive_count_against_its_budget():
    class Factory:
        def make(self):
            return bytearray(256 << 10)

    with pyocap.Sandbox(memory=16 << 20) as s:
        s.grant("f", Factory())
        s.exec(
            "kept = []\n"
            "try:\n"
            "    for _ in range(1000):\n"
            "        kept.append(f.make())\n"
            "except Exception as e:\n"
            "    err = str(e)\n"
        )
        assert "memory budget" in s.eval("err")
        assert s.eval("len(kept)") < 64


def test_output_callbacks_changed_from_anywhere_do_not_deadlock():
    import threading

    with pyocap.Sandbox(timeout=5) as s:
        got = []

        def rotate():
            s.stream_output(got.append)

        s.grant("rotate", rotate)
        s.exec("print('a')\nrotate()\nprint('b')")
        stop = threading.Event()

        def flip():
            while not stop.is_set():
                s.stream_output(got.append)

        t = threading.Thread(target=flip)
        t.start()
        s.exec("for i in range(200):\n    print(i)")
        stop.set()
        t.join(timeout=10)
        assert not t.is_alive()
        assert "b\n" in "".join(got)


def test_closing_revokes_every_root_of_an_object():
    purse = Purse(1)
    ref = weakref.ref(purse)
    with pyocap.Sandbox() as s:
        s.grant("a", purse, allow=["deposit", "me"])
        s.grant("b", purse, allow=["withdraw", "me"])
        s.exec("x = a.me()")
    del purse
    gc.collect()
    assert ref() is None


def test_callables_an_object_holds_are_not_its_methods(sb):
    import functools
    import threading

    moved = []

    def transfer(src, dst, amount):
        moved.append((src, dst, amount))

    class Api:
        def __init__(self):
            self.callback = transfer
            self.Kind = Purse

        def ok(self):
            return "ok"

        @staticmethod
        def helper():
            return "static"

        @classmethod
        def make(cls):
            return "classmethod"

    sb.grant("pay", functools.partial(transfer, "me", "alice"))
    sb.grant("api", Api())
    sb.grant("timer", threading.Timer(3600, transfer))
    for expr in ("pay.func('bank', 'mallory', 10**6)", "api.callback('a', 'b', 1)",
                 "api.Kind(10**9)", "timer.function('a', 'b', 1)"):
        with pytest.raises(pyocap.GuestError) as info:
            sb.eval(expr)
        assert info.value.type_name in ("AttributeError", "TypeError"), expr
    assert moved == []
    # Methods of the object's type are methods; the granted partial itself
    # is callable.
    assert sb.eval("api.ok()") == "ok"
    assert sb.eval("api.helper()") == "static"
    assert sb.eval("api.make()") == "classmethod"
    sb.eval("pay(5)")
    assert moved == [("me", "alice", 5)]


def test_an_output_callback_may_replace_itself(sb):
    got = []

    def first(text):
        got.append(("first", text))
        sb.stream_output(lambda t: got.append(("second", t)))

    sb.stream_output(first)
    sb.exec("print('a')\nprint('b')")
    assert got[0] == ("first", "a\n")
    assert ("second", "b\n") in got
