# collections.ChainMap: lookup order, writes to first map, new_child/parents, maps
from collections import ChainMap
defaults = {"color": "red", "user": "guest", "size": 1}
env = {"user": "admin"}
cli = {"size": 3}
cm = ChainMap(cli, env, defaults)
print(cm["user"], cm["color"], cm["size"], cm.get("nope", "-"), "color" in cm, len(cm))
print(sorted(cm), sorted(cm.items()), dict(cm) == {"color": "red", "user": "admin", "size": 3})
cm["color"] = "blue"
print(cli, defaults["color"])
del cm["color"]
try:
    del cm["user"]
except KeyError as e:
    print(type(e).__name__, e)
child = cm.new_child({"user": "root"})
print(child["user"], child.parents["user"], child.maps[0], len(child.maps))
child2 = cm.new_child()
child2["tmp"] = 1
print(child2.maps[0], "tmp" in cm)
print(ChainMap(), ChainMap({}).maps, ChainMap({"a": 1}, {"b": 2}))
try:
    ChainMap()["x"]
except KeyError as e:
    print(type(e).__name__, e)
print(cm.pop("size"), cli, cm["size"])
try:
    cm.pop("size")
except KeyError as e:
    print(type(e).__name__, e)
merged = ChainMap({"a": 1}) | {"b": 2}
print(type(merged).__name__, sorted(merged.items()))
print(list(ChainMap({"b": 1, "a": 2}, {"c": 3, "a": 4})))
