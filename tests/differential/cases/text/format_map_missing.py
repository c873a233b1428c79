# Checks str.format_map with dict subclasses defining __missing__ and custom mappings
class Default(dict):
    def __missing__(self, key):
        return "{" + key + "}"
tmpl = "Hello {name}, you owe {amount:.2f} to {creditor}"
print(tmpl.format_map(Default(name="Ana", amount=12.5)))
print("{a}{b}".format_map({"a": 1, "b": 2}), "{x[0]}".format_map({"x": [9]}))
class Upper:
    def __getitem__(self, key):
        return key.upper()
print("{foo} and {bar}".format_map(Upper()))
try:
    "{missing}".format_map({})
except KeyError as e:
    print(type(e).__name__, e)
try:
    tmpl.format(name="x")
except KeyError as e:
    print(type(e).__name__, e)
print("%(name)s/%(other)s" % Default(name="n", other="o"))
try:
    "%(nokey)s" % Default()
except KeyError as e:
    print(type(e).__name__, e)
d = {"user": {"id": 7, "tags": ["a", "b"]}}
print("{user[id]}:{user[tags][1]}".format_map(d), "{0}".format_map if False else "ok")
