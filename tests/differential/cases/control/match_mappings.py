# match mapping patterns: required keys, extra keys ignored, **rest, nested values, value patterns via dotted names
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
class Codes:
    OK = 0
    FAIL = 1
def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k), **rest} if rest:
            return f"key {k} with {sorted(rest.items())}"
        case {"type": "key", "key": k}:
            return f"key {k}"
        case {"color": Color.RED}:
            return "red thing"
        case {"code": Codes.OK}:
            return "ok code"
        case {"code": Codes.FAIL | 2 as c}:
            return f"failure {c}"
        case {}:
            return f"other mapping with {len(event)} keys"
        case _:
            return "not a mapping"
events = [
    {"type": "click", "pos": (3, 4)}, {"type": "key", "key": "a"},
    {"type": "key", "key": "b", "shift": True, "alt": False}, {"type": "key", "key": 5},
    {"color": Color.RED, "size": 3}, {"color": Color.GREEN},
    {"code": 0}, {"code": 2}, {}, [("type", "click")],
]
for e in events:
    print(handle(e))
match Color.GREEN:
    case Color.RED:
        print("red")
    case Color.GREEN:
        print("green")
