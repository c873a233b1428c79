# repr/str/format of dicts and sets with various key and value types
print({"a": 1, 2: "b", (3,): [4], None: {5}, 1.5: -0.0})
print({"quote'": 'dq"', "esc\n": "\t", "é": "\u00e9"})
print({}, set(), frozenset(), {1: {}}, {1: set()}, {1: frozenset()})
print(str({1: 2}), repr({1: 2}), f"{ {'k': 'v'} }", "%s" % {"p": 1}, format({1: 2}))
print({1, 2, 3}, {-1}, {(1, 2)}, {None}, {True}, {0.5})
d = {"self": None}
d["self"] = d
print(d)
s = {"only"}
print(s, sorted({"b", "a"}), str({"x"}))
print({1: b"bytes", 2: bytearray(b"ba"), 3: range(2), 4: 1j, 5: ...})
class K:
    def __repr__(self):
        return "K()"
print({K(): K()}, [{K()}])
print(dict.fromkeys([10**20, -5]), {2**63: "big"})
