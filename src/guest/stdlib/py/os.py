"""pyocap stand-in for `os`, seen only by the standard library's own code in a
sandbox: no files, no environment, no entropy (randomness is a capability)."""


def urandom(n):
    raise PermissionError("no entropy in this sandbox: the host grants randomness as a capability")


class PathLike:
    """Only for isinstance checks."""


name = "pyocap"
sep = "/"
linesep = "\n"
environ = {}
