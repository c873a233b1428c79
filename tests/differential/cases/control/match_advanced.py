# match statement: command parser with split(), as-patterns binding sub-structures, guards using bound names, fallthrough order
def run(command):
    match command.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return f"going {direction}"
        case ["go", other]:
            return f"cannot go {other}"
        case ["pick", "up", *items] if items:
            return f"picked {', '.join(items)}"
        case ["pick", "up"]:
            return "pick up what?"
        case ["drop", item, *_] as whole:
            return f"drop {item} ({len(whole)} words)"
        case ["quit" | "exit"]:
            return "bye"
        case []:
            return "say something"
        case [verb, *_]:
            return f"unknown verb {verb!r}"
for c in ["go north", "go up", "pick up sword shield", "pick up", "drop lamp now", "exit", "", "dance wildly"]:
    print(repr(c), "->", run(c))
def total(tree):
    match tree:
        case int(n):
            return n
        case (left, right):
            return total(left) + total(right)
        case {"value": v, "children": [*kids]}:
            return v + sum(total(k) for k in kids)
        case _:
            raise ValueError(f"bad node {tree!r}")
print(total((1, (2, 3))), total({"value": 10, "children": [1, (2, 2)]}))
try:
    total([1, 2, 3])
except ValueError as e:
    print(type(e).__name__, e)
match 42:
    case y: print("capture binds", y)
