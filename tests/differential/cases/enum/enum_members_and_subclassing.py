# enum introspection: __members__, _member_map_, dir-free checks, extending with methods, errors
from enum import Enum, IntEnum, EnumMeta
class Base(Enum):
    def label(self):
        return self.name.replace("_", " ").title()
class Fruit(Base):
    GREEN_APPLE = 1
    RIPE_BANANA = 2
print([f.label() for f in Fruit], type(Fruit) is EnumMeta, issubclass(Fruit, Base))
try:
    class More(Fruit):
        KIWI = 3
except TypeError as e:
    print(type(e).__name__, e)
print(list(Fruit.__members__.items()))
print(Fruit.GREEN_APPLE.__class__ is Fruit, Fruit.RIPE_BANANA._value_, Fruit.RIPE_BANANA._name_)
print(list(reversed(Fruit)), Fruit(1) is Fruit.GREEN_APPLE, bool(Fruit.GREEN_APPLE))
try:
    Fruit.KIWI = 3
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del Fruit.GREEN_APPLE
except AttributeError as e:
    print(type(e).__name__, e)
class Empty(Enum):
    pass
print(list(Empty), len(Empty), Empty.__members__ == {})
match Fruit(2):
    case Fruit.GREEN_APPLE:
        print("green")
    case Fruit.RIPE_BANANA:
        print("banana")
