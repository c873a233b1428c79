# ChainMap: lookup order, writes go to the first map, new_child/parents, maps, len/iteration
from collections import ChainMap
defaults = {"color": "red", "user": "guest", "debug": False}
env = {"user": "admin"}
cli = {"debug": True}
cm = ChainMap(cli, env, defaults)
print(cm["color"], cm["user"], cm["debug"], len(cm), sorted(cm))
cm["color"] = "blue"
print(cli, defaults["color"])
del cm["color"]
print(cm["color"], cli)
try:
    del cm["user"]
except KeyError as e:
    print(type(e).__name__, e)
child = cm.new_child({"user": "root"})
print(child["user"], child.parents["user"], len(child.maps), child.maps[0])
print(dict(child) == {"color": "red", "user": "root", "debug": True})
print(cm.get("nope", 0), "user" in cm, list(ChainMap({"a": 1}, {"b": 2, "a": 3}).items()))
print(ChainMap(), ChainMap({"a": 1}, {"b": 2}))
c2 = cm.new_child(m={"k": 1}) | {"z": 26}
print(type(c2).__name__, c2["z"], c2["k"])
