# __init_subclass__ hooks: plugin registries and class keyword arguments
class Plugin:
    registry = {}
    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        key = name or cls.__name__.lower()
        Plugin.registry[key] = cls
        cls.key = key

class CsvReader(Plugin):
    pass
class JsonReader(Plugin, name="json"):
    pass
class Sub(JsonReader, name="json2"):
    pass

print(sorted(Plugin.registry))
print(CsvReader.key, JsonReader.key, Sub.key)
print(Plugin.registry["json"] is JsonReader)

class Strict:
    def __init_subclass__(cls, **kwargs):
        if not hasattr(cls, "run"):
            raise TypeError(f"{cls.__name__} must define run")
        super().__init_subclass__(**kwargs)

class Good(Strict):
    def run(self): return "ran"
print(Good().run())
try:
    class Bad(Strict):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Odd(CsvReader, colour="red"):
        pass
except TypeError as e:
    print(type(e).__name__, e)
print(type(Plugin.__dict__["__init_subclass__"]).__name__)
