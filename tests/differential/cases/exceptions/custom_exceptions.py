# custom exception classes: hierarchies, extra attributes, custom __str__, catching by base class (ends uncaught)
class AppError(Exception):
    """Base for application errors."""
class ValidationError(AppError):
    def __init__(self, field, message):
        super().__init__(field, message)
        self.field, self.message = field, message
    def __str__(self):
        return f"{self.field}: {self.message}"
class NotFound(AppError, LookupError):
    pass
def validate(user):
    if "name" not in user:
        raise NotFound("name")
    if len(user["name"]) < 2:
        raise ValidationError("name", "too short")
    return "valid"
for u in [{"name": "al"}, {"name": "x"}, {}]:
    try:
        print(validate(u))
    except ValidationError as e:
        print("validation:", e, e.field, e.args)
    except AppError as e:
        print("app error:", type(e).__name__, e, isinstance(e, LookupError))
print([c.__name__ for c in NotFound.__mro__])
print(AppError.__doc__, issubclass(ValidationError, Exception))
e = ValidationError("age", "negative")
print(repr(e), str(e))
class WithDefault(Exception):
    def __init__(self, msg="default message"):
        super().__init__(msg)
print(str(WithDefault()), repr(WithDefault("x")))
class NoSuper(Exception):
    def __init__(self, code):
        self.code = code
ns = NoSuper(404)
print(ns.code, ns.args, repr(str(ns)))
raise ValidationError("final", "uncaught on purpose")
