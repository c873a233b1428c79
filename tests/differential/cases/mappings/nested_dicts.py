# Nested dicts: building, deep get, merging, walking, aliasing
config = {"db": {"host": "localhost", "port": 5432, "opts": {"ssl": True}}, "debug": False}
print(config["db"]["opts"]["ssl"], config.get("cache", {}).get("size", 128))
config["db"]["opts"]["timeout"] = 30
print(config)
def deep_get(d, path, default=None):
    for key in path.split("."):
        if not isinstance(d, dict) or key not in d:
            return default
        d = d[key]
    return d
print(deep_get(config, "db.port"), deep_get(config, "db.opts.x", "none"), deep_get(config, "debug.y"))
def deep_merge(a, b):
    out = dict(a)
    for k, v in b.items():
        out[k] = deep_merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out
print(deep_merge(config, {"db": {"port": 6543, "opts": {"ssl": False}}, "new": 1}))
def walk(d, prefix=""):
    for k, v in d.items():
        if isinstance(v, dict):
            yield from walk(v, prefix + k + "/")
        else:
            yield prefix + k, v
print(list(walk(config)))
tree = {}
for path in ["a/b/c", "a/b/d", "a/e", "f"]:
    node = tree
    for part in path.split("/"):
        node = node.setdefault(part, {})
print(tree)
shared = {"x": 1}
outer = {"p": shared, "q": shared}
outer["p"]["x"] = 2
print(outer, outer["p"] is outer["q"])
try:
    config["db"]["missing"]["x"]
except KeyError as e:
    print(type(e).__name__, e)
