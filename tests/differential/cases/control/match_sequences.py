# match sequence patterns: fixed length, starred captures, nested sequences, tuples vs lists, strings excluded
def shape(seq):
    match seq:
        case []:
            return "empty"
        case [x]:
            return f"one {x}"
        case [x, y]:
            return f"pair {x},{y}"
        case [first, *_, last] if first == last:
            return f"bookends {first}"
        case [0, *rest]:
            return f"starts with zero then {rest}"
        case [first, *middle, last]:
            return f"first={first} middle={middle} last={last}"

for s in [[], [7], (1, 2), [3, 9, 3], [0, 5, 6], [1, 2, 3, 4], range(3)]:
    print(shape(s))

def nested(v):
    match v:
        case [[a, b], [c, d]]:
            return a * d - b * c
        case [(x, y), *_]:
            return f"point {x},{y} first"
        case (str() as name, int() as age):
            return f"{name} is {age}"
        case _:
            return "no match"
print(nested([[1, 2], [3, 4]]), nested([(5, 6), 0]), nested(("ann", 30)))
print(nested("ab"), nested(b"ab"), nested({"a": 1}))
match "abc":
    case [*chars]:
        print("string matched sequence", chars)
    case str():
        print("strings are not sequences for match")
match (1, [2, (3, 4)]):
    case (a, [b, (c, *d)]):
        print(a, b, c, d)
