"""pyocap stand-in for `inspect`, seen only by the standard library's own code in
a sandbox (dataclasses uses it): no frames, no code objects, no signatures."""


def signature(obj, *args, **kwargs):
    raise ValueError("signatures are not available in this sandbox")


def unwrap(func, *, stop=None):
    f = func
    seen = {id(f)}
    while hasattr(f, "__wrapped__") and not (stop is not None and stop(f)):
        f = f.__wrapped__
        if id(f) in seen:
            raise ValueError("wrapper loop when unwrapping {!r}".format(func))
        seen.add(id(f))
    return f


def isclass(obj):
    return isinstance(obj, type)
