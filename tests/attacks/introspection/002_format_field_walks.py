# technique: format strings as data walking into private attributes: str.format, format_map, nested specs, str subclasses, string.Formatter
# source: original (pyocap; after the classic str.format sandbox escapes)
# goal: HOST_OBJECT
CANARY = "/tmp/ocap-canary-PLACEHOLDER"


class Holder:
    def __init__(self):
        self._hidden = "private-" + CANARY


class S(str):
    pass


h = Holder()
attempts = [
    ("format", lambda: "{0._hidden}".format(h)),
    ("format kw", lambda: "{h._hidden}".format(h=h)),
    ("format index then attr", lambda: "{0[0]._hidden}".format([h])),
    ("nested spec", lambda: "{0:{1._hidden}}".format(1, h)),
    ("format_map", lambda: "{h._hidden}".format_map({"h": h})),
    ("str subclass", lambda: S("{0._hidden}").format(h)),
    ("dunder", lambda: "{0.__class__.__init__}".format(h)),
]
try:
    import string
    attempts.append(("string.Formatter", lambda: string.Formatter().format("{0._hidden}", h)))
    attempts.append(("Formatter.get_field", lambda: string.Formatter().get_field("0._hidden", (h,), {})))
except ImportError:
    pass
for how, thunk in attempts:
    try:
        out = thunk()
    except (ValueError, AttributeError, KeyError, IndexError):
        continue
    print("ESCAPED:", how, "->", str(out)[:60])
print("contained")
