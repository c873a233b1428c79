# isinstance/issubclass with builtins, tuples of types, inheritance, ABCs, typing unions and errors
class Animal: pass
class Dog(Animal): pass
class Cat(Animal): pass
d = Dog()
print(isinstance(d, Dog), isinstance(d, Animal), isinstance(d, Cat), isinstance(d, (Cat, Dog)), isinstance(d, object))
print(issubclass(Dog, Animal), issubclass(Dog, Dog), issubclass(Animal, Dog), issubclass(Dog, (int, Animal)), issubclass(bool, int))
print(isinstance(1, int), isinstance(1.0, int), isinstance(True, int), isinstance("s", str), isinstance(b"", (str, bytes)))
print(isinstance([], list), isinstance((), list), isinstance({}, dict), isinstance(set(), frozenset), isinstance(None, type(None)))
print(isinstance(int, type), isinstance(type, type), isinstance(type, object), issubclass(type, object), isinstance(object, type))
print(isinstance(1, int | str), isinstance("x", int | None), isinstance(None, int | None), issubclass(bool, int | float))
print(isinstance(3, ((str, (list, int)),)), isinstance(d, ()), issubclass(Dog, ()))
class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == "magic"
class Magic(metaclass=Meta): pass
print(isinstance("magic", Magic), isinstance("plain", Magic), type(d).__name__, type(d) is Dog, Dog.__mro__[1].__name__)
for op in (lambda: isinstance(1, 1), lambda: issubclass(1, int), lambda: issubclass(int, "str"), lambda: isinstance(1, [int])):
    try:
        print(op())
    except TypeError as e:
        print(type(e).__name__, e)
from collections import abc
print(isinstance([], abc.Sequence), isinstance({}, abc.Mapping), isinstance(set(), abc.Set), isinstance("s", abc.Iterable))
print(isinstance(iter([]), abc.Iterator), isinstance(len, abc.Callable), issubclass(dict, abc.MutableMapping), isinstance(range(3), abc.Sequence))
