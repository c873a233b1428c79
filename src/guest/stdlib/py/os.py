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


# The files door (SPEC 4.8): every function below resolves paths in the
# directories the host mounted, and raises PermissionError without one.

def _path(p, what):
    if isinstance(p, str):
        return p
    raise TypeError(what + ": path should be string, not " + type(p).__name__)


def getcwd():
    return _fs_getcwd()


def listdir(path="."):
    return _fs_listdir(_path(path, "listdir"))


def mkdir(path, mode=0o777):
    _fs_mkdir(_path(path, "mkdir"))


def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = _split(_path(name, "makedirs"))
    if not tail:
        head, tail = _split(head)
    if head and tail and not _exists(head):
        makedirs(head, exist_ok=True)
    try:
        mkdir(name)
    except OSError:
        if not exist_ok or not _isdir(name):
            raise


def remove(path):
    _fs_remove(_path(path, "remove"))


unlink = remove


def rmdir(path):
    _fs_rmdir(_path(path, "rmdir"))


def rename(src, dst):
    _fs_rename(_path(src, "rename"), _path(dst, "rename"))


replace = rename


class stat_result:
    """What `stat` answers: the kind in st_mode (S_IFDIR or S_IFREG) and the size."""

    def __init__(self, is_dir, size):
        self.st_mode = 0o040755 if is_dir else 0o100644
        self.st_size = size

    def __repr__(self):
        return "os.stat_result(st_mode=%d, st_size=%d)" % (self.st_mode, self.st_size)


def stat(path):
    found = _fs_stat(_path(path, "stat"))
    if found is None:
        raise FileNotFoundError(2, "No such file or directory: " + repr(path))
    return stat_result(found[0], found[1])


def walk(top, topdown=True, onerror=None, followlinks=False):
    try:
        names = listdir(top)
    except OSError as e:
        if onerror is not None:
            onerror(e)
        return
    dirs = [n for n in names if _isdir(_join(top, n))]
    files = [n for n in names if not _isdir(_join(top, n))]
    if topdown:
        yield top, dirs, files
    for d in dirs:
        # As CPython: a link to a directory is listed, not entered.
        if followlinks or not _islink(_join(top, d)):
            yield from walk(_join(top, d), topdown, onerror, followlinks)
    if not topdown:
        yield top, dirs, files


def _exists(p):
    try:
        return _fs_stat(_path(p, "exists")) is not None
    except (OSError, ValueError):
        return False


def _isdir(p):
    try:
        found = _fs_stat(_path(p, "isdir"))
        return found is not None and found[0]
    except (OSError, ValueError):
        return False


def _isfile(p):
    try:
        found = _fs_stat(_path(p, "isfile"))
        return found is not None and not found[0]
    except (OSError, ValueError):
        return False


def _islink(p):
    try:
        found = _fs_stat(_path(p, "islink"))
        return found is not None and found[2]
    except (OSError, ValueError):
        return False


def _getsize(p):
    return stat(p).st_size


def _join(a, *parts):
    out = _path(a, "join")
    for b in parts:
        b = _path(b, "join")
        if b.startswith("/"):
            out = b
        elif not out or out.endswith("/"):
            out += b
        else:
            out += "/" + b
    return out


def _split(p):
    p = _path(p, "split")
    i = p.rfind("/") + 1
    head, tail = p[:i], p[i:]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head, tail


def _splitext(p):
    p = _path(p, "splitext")
    slash = p.rfind("/")
    dot = p.rfind(".")
    if dot > slash:
        start = slash + 1
        while start < dot and p[start] == ".":
            start += 1
        if start < dot:
            return p[:dot], p[dot:]
    return p, ""


def _normpath(p):
    p = _path(p, "normpath")
    if not p:
        return "."
    initial = 1 if p.startswith("/") else 0
    out = []
    for part in p.split("/"):
        if part in ("", "."):
            continue
        if part == ".." and out and out[-1] != "..":
            out.pop()
        elif part == ".." and initial:
            continue
        else:
            out.append(part)
    return "/" * initial + "/".join(out) or "."


def _abspath(p):
    p = _path(p, "abspath")
    return _normpath(p if p.startswith("/") else _join(getcwd(), p))


class _PathModule:
    """`os.path` for the mounted directories (POSIX rules)."""

    sep = "/"
    curdir = "."
    pardir = ".."
    exists = staticmethod(_exists)
    isdir = staticmethod(_isdir)
    isfile = staticmethod(_isfile)
    getsize = staticmethod(_getsize)
    islink = staticmethod(_islink)
    join = staticmethod(_join)
    split = staticmethod(_split)
    splitext = staticmethod(_splitext)
    normpath = staticmethod(_normpath)
    abspath = staticmethod(_abspath)

    @staticmethod
    def basename(p):
        return _split(p)[1]

    @staticmethod
    def dirname(p):
        return _split(p)[0]

    @staticmethod
    def isabs(p):
        return _path(p, "isabs").startswith("/")

    def __repr__(self):
        return "<module 'os.path'>"


path = _PathModule()
