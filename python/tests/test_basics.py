"""The Sandbox API: running code, data crossing, errors, limits, pools."""

import threading

import pytest

import pyocap


def test_eval_exec_call(sb):
    assert sb.eval("6 * 7") == 42
    sb.exec("def area(w, h):\n    return w * h")
    assert sb.call("area", 6, 7) == 42


def test_data_is_copied_both_ways(sb):
    value = {
        "none": None,
        "flag": True,
        "big": 10**40,
        "f": 1.5,
        "c": 1 + 2j,
        "s": "h\u00e9llo",
        "b": b"\x00\xff",
        "t": (1, [2, 3]),
        "set": {1, 2},
        "fs": frozenset({"a"}),
    }
    sb.grant("value", value)
    sb.exec("value['t'][1].append(4)")
    # The guest changed its own copy only.
    assert value["t"] == (1, [2, 3])
    back = sb.eval("value")
    assert back["t"] == (1, [2, 3, 4])
    for key in ("none", "flag", "big", "f", "c", "s", "b", "set", "fs"):
        assert back[key] == value[key]
        assert type(back[key]) is type(value[key])
    assert sb.eval("type(value['big']).__name__") == "int"


def test_subclasses_of_data_are_not_data(sb):
    class MyInt(int):
        pass

    sb.grant("n", MyInt(3))
    # It arrived as a capability, not as an int the guest could compute with.
    assert sb.eval("repr(n)") == "<MyInt capability>"


def test_guest_exception_is_wrapped(sb):
    with pytest.raises(pyocap.GuestError) as info:
        sb.exec("raise ValueError('bad ' + 'input')")
    e = info.value
    assert e.type_name == "ValueError"
    assert e.message == "bad input"
    assert "ValueError: bad input" in e.traceback
    # A fresh exception of the package's class, not the guest's object.
    assert type(e) is pyocap.GuestError
    assert not isinstance(e, ValueError)


def test_syntax_error_has_location(sb):
    with pytest.raises(pyocap.GuestSyntaxError) as info:
        sb.exec("x = 1\ndef (:\n")
    assert info.value.lineno == 2
    assert info.value.offset >= 1
    assert isinstance(info.value, pyocap.GuestError)


def test_limits_have_their_own_classes():
    with pyocap.Sandbox(timeout=0.2) as s:
        with pytest.raises(pyocap.DeadlineExceeded) as info:
            s.exec("while True: pass")
        assert isinstance(info.value, pyocap.LimitExceeded)
        assert "deadline" in str(info.value)
        # Terminal: the sandbox refuses every later call.
        with pytest.raises(pyocap.GuestError):
            s.eval("1")
        assert s.stopped is not None
    with pyocap.Sandbox(fuel=1000) as s:
        with pytest.raises(pyocap.FuelExhausted):
            s.exec("while True: pass")
        assert s.fuel[0] == 1000
    with pyocap.Sandbox(memory=32 << 20) as s:
        with pytest.raises(pyocap.MemoryLimit):
            s.exec("x = [0] * (64 << 20)")
    with pyocap.Sandbox(max_output=100) as s:
        with pytest.raises(pyocap.OutputLimit):
            s.exec("while True: print('spam')")


def test_fuel_is_deterministic():
    readings = []
    for _ in range(3):
        with pyocap.Sandbox(fuel=10**6) as s:
            s.exec("t = 0\nfor i in range(1000):\n    t += i * i")
            readings.append(s.fuel)
    assert readings[0] == readings[1] == readings[2]
    assert readings[0][0] >= 1000
    assert readings[0][1] == 10**6 - readings[0][0]


def test_output_and_streaming(sb):
    sb.exec("print('one'); print('two', 3)")
    assert sb.output() == "one\ntwo 3\n"
    assert sb.output() == ""
    seen = []
    sb.stream_output(seen.append)
    sb.exec("for i in range(3): print(i)")
    assert "".join(seen) == "0\n1\n2\n"


def test_safe_by_default(sb):
    for source in ("import os", "open('/etc/passwd')", "__import__('sys')", "eval('1')"):
        with pytest.raises(pyocap.GuestError):
            sb.exec(source)


def test_policy_keywords():
    with pyocap.Sandbox(imports=["math"], builtins=["len", "print"]) as s:
        s.exec("import math\nx = math.floor(2.5)")
        assert s.eval("x") == 2
        with pytest.raises(pyocap.GuestError):
            s.eval("sorted([2, 1])")
    with pytest.raises(ValueError):
        pyocap.Sandbox(imports=["os"])
    with pytest.raises(ValueError):
        pyocap.Sandbox(builtins=["open"])
    with pytest.raises(ValueError):
        pyocap.Sandbox(timeout=-1)
    with pytest.raises(TypeError):
        pyocap.Sandbox(imports="math")
    with pyocap.Sandbox(seed=7, imports=["random"]) as a, pyocap.Sandbox(seed=7, imports=["random"]) as b:
        a.exec("import random\nr = random.random()")
        b.exec("import random\nr = random.random()")
        assert a.eval("r") == b.eval("r")


def test_compile_and_run(sb):
    code = sb.compile("total = sum(range(10))")
    assert code.source == "total = sum(range(10))"
    assert sb.run(code) is None
    assert sb.eval("total") == 45
    expr = sb.compile_eval("total * 2")
    with pyocap.Sandbox() as other:
        other.exec("total = 1")
        assert other.run(expr) == 2
    assert sb.run(expr) == 90


def test_close_and_context_manager():
    s = pyocap.Sandbox()
    assert not s.closed
    s.close()
    assert s.closed
    with pytest.raises(ValueError):
        s.eval("1")
    s.close()  # twice is fine
    with pyocap.Sandbox() as t:
        t.exec("x = 1")
    assert t.closed


def test_stop_from_another_thread():
    with pyocap.Sandbox(timeout=None) as s:
        timer = threading.Timer(0.2, s.stop)
        timer.start()
        with pytest.raises(pyocap.GuestError) as info:
            s.exec("while True: pass")
        timer.join()
        assert info.value.type_name == "Stopped"


def test_pool():
    pool = pyocap.Pool(2, preload=["math"], imports=["math"])
    assert pool.size == 2
    with pool.checkout(grants={"n": 5}) as s:
        assert s.eval("n + 1") == 6
        s.exec("import math")
    with pool.checkout() as s:
        # Never reused: a fresh guest.
        with pytest.raises(pyocap.GuestError):
            s.eval("n")
    with pytest.raises(ValueError):
        pyocap.Pool(2, imports=["os"])


def test_sandboxes_run_in_parallel_threads():
    results = {}

    def work(i):
        with pyocap.Sandbox() as s:
            s.exec("def f(n):\n    return sum(k * k for k in range(n))")
            results[i] = s.call("f", 20000 + i)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == {i: sum(k * k for k in range(20000 + i)) for i in range(4)}


def test_the_escrow_example_runs():
    import pathlib
    import subprocess
    import sys

    example = pathlib.Path(__file__).resolve().parent.parent / "examples" / "escrow.py"
    proc = subprocess.run([sys.executable, str(example)], capture_output=True, text=True, cwd="/", timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "honest contract: swapped" in proc.stdout
    assert "looping contract stopped: FuelExhausted" in proc.stdout


def test_doors_are_granted_by_keyword():
    with pyocap.Sandbox(imports=["time", "datetime", "random"]) as s:
        with pytest.raises(pyocap.GuestError) as e:
            s.eval("__import__('time').time()")
        assert e.value.type_name == "PermissionError"
        with pytest.raises(pyocap.GuestError):
            s.exec("import sys")
    fixed = pyocap.Sandbox(imports=["time", "datetime"], clock="fixed:2024-02-29T12:00:00Z")
    with fixed as s:
        assert s.eval("__import__('time').time()") == 1709208000.0
        assert s.eval("str(__import__('datetime').date.today())") == "2024-02-29"
    draw = "__import__('random').random()"
    a = pyocap.Sandbox(imports=["random"]).eval(draw)
    assert a == pyocap.Sandbox(imports=["random"]).eval(draw)
    assert pyocap.Sandbox(imports=["random"], entropy=True).eval(draw) != pyocap.Sandbox(
        imports=["random"], entropy=True
    ).eval(draw)
    with pyocap.Sandbox(argv=["plugin", "-v"]) as s:
        assert s.eval("__import__('sys').argv") == ["plugin", "-v"]
        s.exec("import sys\nprint('out', file=sys.stderr)")
        assert s.output() == "out\n"
    with pytest.raises(ValueError):
        pyocap.Sandbox(clock="tomorrow")


def test_a_sandbox_from_a_policy_file():
    toml = 'imports = ["json"]\nclock = "fixed:@0"\nmemory = "64MiB"\n[sys]\nargv = ["p"]\n'
    with pyocap.Sandbox.from_policy(toml, grants={"n": 2}) as s:
        assert s.eval("__import__('json').dumps([n, __import__('sys').argv])") == '[2, ["p"]]'
    for bad in ("imports = ['os']", "frobs = 1", "timeout = [", "builtins = ['eval']"):
        with pytest.raises(ValueError):
            pyocap.Sandbox.from_policy(bad)


def test_a_mounted_directory(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "words.txt").write_text("one two\nthree\n")
    (tmp_path / "secret.txt").write_text("host only")
    ro = pyocap.Mount(data)
    assert (ro.guest_path, ro.writable, ro.quota, ro.revoked) == ("/data", False, None, False)
    with pyocap.Sandbox() as s:
        # No mount, no door: neither `open` nor `os`.
        with pytest.raises(pyocap.GuestError) as e:
            s.eval("open('/data/words.txt')")
        assert e.value.type_name == "NameError"
        with pytest.raises(pyocap.GuestError):
            s.exec("import os")
    with pyocap.Sandbox(mounts=[ro]) as s:
        assert s.eval("open('/data/words.txt').read().split()") == ["one", "two", "three"]
        assert s.eval("__import__('os').listdir('/data')") == ["words.txt"]
        for escape in ("/data/../secret.txt", "/secret.txt", "/data/x\0"):
            with pytest.raises(pyocap.GuestError) as e:
                s.eval(f"open({escape!r}).read()")
            assert e.value.type_name in ("PermissionError", "FileNotFoundError", "ValueError")
            assert "host only" not in e.value.message and str(tmp_path) not in e.value.message
        with pytest.raises(pyocap.GuestError) as e:
            s.exec("open('/data/new.txt', 'w')")
        assert e.value.type_name == "PermissionError"
        s.exec("f = open('/data/words.txt')")
        assert ro.open_files == 1
        ro.revoke()
        assert ro.revoked and ro.open_files == 0
        with pytest.raises(pyocap.GuestError) as e:
            s.eval("f.read()")
        assert e.value.type_name in ("PermissionError", "ValueError", "OSError")
    out = tmp_path / "out"
    out.mkdir()
    rw = pyocap.Mount.parse(f"{out}:/out:rw:10")
    assert (rw.writable, rw.quota) == (True, 10)
    with pyocap.Sandbox(mounts=[rw, f"{data}:/data"]) as s:
        s.exec("with open('/out/a.txt', 'w') as f:\n    f.write('12345')")
        assert (out / "a.txt").read_text() == "12345" and rw.bytes_written == 5
        with pytest.raises(pyocap.GuestError) as e:
            s.exec("with open('/out/b.txt', 'w') as f:\n    f.write('123456')")
        assert e.value.type_name == "OSError"
        assert s.eval("open('/data/words.txt').readline()") == "one two\n"
    for bad in ("relative:/data", f"{data}:data", f"{data}:/data:rx"):
        with pytest.raises(ValueError):
            pyocap.Sandbox(mounts=[bad])
    with pytest.raises(TypeError):
        pyocap.Sandbox(mounts=str(data))
    with pytest.raises(ValueError):
        pyocap.Mount(tmp_path / "missing")
