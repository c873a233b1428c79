"""pyocap stand-in for `warnings`, seen only by the standard library's own code
in a sandbox: warnings are dropped (the real module reaches frames and sys)."""


def warn(message, category=None, stacklevel=1, source=None, *, skip_file_prefixes=()):
    return None


def warn_explicit(*args, **kwargs):
    return None


def simplefilter(*args, **kwargs):
    return None


def filterwarnings(*args, **kwargs):
    return None


def _deprecated(name, message=None, *, remove, _version=None):
    return None


class catch_warnings:
    def __init__(self, *args, **kwargs):
        pass

    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


class deprecated:
    def __init__(self, message, /, *, category=DeprecationWarning, stacklevel=1):
        self.message = message

    def __call__(self, arg):
        return arg
