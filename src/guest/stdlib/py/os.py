"""pyocap stand-in for `os`, seen only by the standard library's own code in a
sandbox: no files, no environment. Entropy is a capability (Policy::entropy):
the runtime sets `_urandom`, which raises PermissionError when it is not
granted."""


def urandom(n):
    return _urandom(n)


class PathLike:
    """Only for isinstance checks."""


name = "pyocap"
sep = "/"
linesep = "\n"
environ = {}
