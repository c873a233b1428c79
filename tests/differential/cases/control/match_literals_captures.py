# match statement: literal, capture, wildcard, or-patterns, guards, None/True/False literals
def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case "hello":
            return "greeting"
        case None:
            return "nothing"
        case True:
            return "true"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case b"raw":
            return "bytes"
        case int(n) if n > 100:
            return f"big {n}"
        case str() as s if s.isupper():
            return f"shout {s}"
        case other:
            return f"other {other!r}"

for v in [0, 2, "hello", None, True, False, -1, 1.5, b"raw", 500, 50, "HEY", "hey", [1]]:
    print(repr(v), "->", describe(v))

def http(status):
    match status:
        case 200 | 201 | 204:
            return "ok"
        case 301 | 302 as code:
            return f"redirect {code}"
        case 404:
            return "not found"
        case _:
            return "error"
print([http(s) for s in (200, 204, 302, 404, 500)])
