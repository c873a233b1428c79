# single and multi-level inheritance with super() calls and method overriding
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
    def describe(self):
        return f"{type(self).__name__}({self.name}): {self.speak()}"

class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def speak(self):
        return f"{self.name} barks"

class Puppy(Dog):
    def speak(self):
        return super().speak() + " softly"

p = Puppy("Rex", "lab")
print(p.describe())
print(p.breed, p.name)
print(isinstance(p, Animal), isinstance(p, Dog), issubclass(Puppy, Animal))
print(issubclass(Animal, Dog))
print(Animal("Cat").describe())
print(Dog.__bases__[0].__name__, Puppy.__base__.__name__)
print(super(Puppy, p).speak())
print(super(Dog, p).speak())
print([c.__name__ for c in Puppy.__mro__])
print(type(p) is Puppy, type(p) is Dog)
try:
    Dog("x")
except TypeError as e:
    print(type(e).__name__, e)
