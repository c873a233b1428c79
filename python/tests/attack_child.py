"""One attack payload through the CPython package (run by test_attacks.py in a
child process, under an address-space cap): the payload runs as the main
program of a sandbox with the widest policy, a `host` object granted with its
public names, then the host-side steps a real host takes."""

import gc
import sys

import pyocap

IMPORTABLE = [
    "abc", "bisect", "calendar", "collections", "contextlib", "dataclasses", "datetime",
    "decimal", "difflib", "enum", "fractions", "functools", "heapq", "itertools", "json",
    "math", "numbers", "operator", "random", "re", "statistics", "string", "textwrap",
    "typing",
]


class Host:
    def __init__(self, secret):
        self._secret = secret

    def balance(self):
        return 100

    def describe(self, x=None):
        return "host object"

    def call(self, f, *args):
        # Payloads hand in callbacks: the host calls them (guest code runs in
        # the guest).
        return f(*args)


def policy_imports():
    allowed = []
    for name in IMPORTABLE:
        try:
            pyocap.Sandbox(imports=[name]).close()
            allowed.append(name)
        except ValueError:
            pass
    return allowed


def main():
    path, secret, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    source = open(path, encoding="utf-8").read()
    imports = policy_imports()
    for run in range(runs):
        canary_id = sys.argv[4 + run]
        text = source.replace("PLACEHOLDER", canary_id)
        sb = pyocap.Sandbox(imports=imports, timeout=3.0, memory=256 << 20, max_output=1 << 20)
        sb.grant("host", Host(secret))
        try:
            sb.exec(text)
        except pyocap.GuestError as e:
            print("guest error:", type(e).__name__, e.type_name, str(e)[:200], repr(e)[:200])
            _ = e.traceback
        out = sb.output()
        sys.stdout.write(out)
        try:
            result = sb.eval("result")
            print("result:", repr(result)[:200], str(result)[:200])
        except pyocap.GuestError:
            pass
        sb.close()
        del sb
        gc.collect()
    print("END-OF-HOST-RUN")


if __name__ == "__main__":
    main()
