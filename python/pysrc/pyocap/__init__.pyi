"""pyocap for CPython: run untrusted Python in sandboxes, with your objects as capabilities.

Data of the exact built-in types (``None``, ``bool``, ``int``, ``float``,
``complex``, ``str``, ``bytes``, and ``tuple``/``list``/``dict``/``set``/
``frozenset`` of data) is copied across the membrane. A CPython object you
hand over yourself (``grant``, ``grants=``, ``call``, ``share``) crosses as a capability that passes its public names (none starting with
``_``) or exactly an ``allow`` list. An object one of your objects hands the
guest (a method's result, an attribute) crosses with the narrowest
authority you granted it in that sandbox, or as an opaque token the guest
can only hand back (never call); so do the arguments you pass to a guest
object's call. Every capability reaches CPython as a :class:`Capability`,
also one to your own object (:func:`unwrap` recognises it). Modules, frames, tracebacks, code objects and cells
never cross.
"""

import os
from collections.abc import Callable, Iterable, Mapping
from typing import Any, final

Data = Any
"""A value that crosses: data is copied, anything else is a capability."""

class GuestError(Exception):
    """A call into a sandbox failed: the guest raised, or a limit or a stop ended it.

    The three strings were computed inside the sandbox; no guest object
    reaches CPython through an error.
    """

    type_name: str
    """The guest exception's class name (``"ValueError"``), or the kind of
    failure (``"DeadlineExceeded"``, ``"Stopped"``, ``"CrossingError"``...)."""
    message: str
    """``str()`` of the guest exception (16 KiB at most), or the failure's description."""
    traceback: str
    """The guest's traceback, CPython style (empty for failures that are not exceptions)."""

class GuestSyntaxError(GuestError):
    """The source did not compile."""

    lineno: int
    """1-based line of the error."""
    offset: int
    """1-based column of the error."""

class LimitExceeded(GuestError):
    """A resource limit ended the sandbox. Terminal: every later call fails too."""

class DeadlineExceeded(LimitExceeded):
    """The call ran longer than the sandbox's ``timeout``."""

class FuelExhausted(LimitExceeded):
    """The call used up its ``fuel`` (deterministic: the same program stops at the same point)."""

class MemoryLimit(LimitExceeded):
    """The guest held more memory than its ``memory`` budget."""

class OutputLimit(LimitExceeded):
    """The guest printed more than ``max_output`` bytes."""

class RevokedError(Exception):
    """The capability, or the sandbox it came from, has been revoked or closed."""

@final
class Capability:
    """A guest object (or another sandbox's), as CPython holds it.

    Attribute reads (``cap.name``), calls (``cap(...)``) and the forwarded
    protocols (``len``, ``iter``, ``next``, ``in``, ``[]``, ``with``) run in the
    sandbox that owns the object, through the capability's filter. ``repr``,
    equality and hashing are the proxy's own (by identity): no guest code
    runs for them. One proxy per capability, so ``sb.eval("f") is
    sb.eval("f")``. Attributes cannot be set or deleted.
    """

    def __getattr__(self, name: str) -> Any: ...
    def __call__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Any: ...
    def __next__(self) -> Any: ...
    def __contains__(self, item: Any) -> bool: ...
    def __getitem__(self, key: Any) -> Any: ...
    def __enter__(self) -> Any: ...
    def __exit__(self, exc_type: Any = None, exc: Any = None, tb: Any = None) -> bool:
        """The guest's ``__exit__`` gets the exception's class name and message, or ``None``s."""

@final
class BoundMethod:
    """A method read through a capability (``cap.method``): calling it calls the guest's method."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any: ...

@final
class Code:
    """Source compiled once by :meth:`Sandbox.compile` or :meth:`Sandbox.compile_eval`."""

    @property
    def source(self) -> str:
        """The source it was compiled from."""

@final
class Sandbox:
    """One guest interpreter on its own thread, with no authority but what is granted.

    :param builtins: the guest's builtins (replaces the default safe set);
        a forbidden name (``open``, ``eval``...) is ``ValueError``.
    :param imports: modules the guest may import (from pyocap's vetted list);
        any other is ``ValueError``.
    :param grants: ``{name: value}`` granted as :meth:`grant` grants them.
    :param timeout: seconds per call (default 5.0; ``None``: no deadline).
    :param fuel: deterministic units per call (default ``None``: unmetered).
    :param memory: bytes of memory (default 256 MiB; ``None``: unbounded).
    :param max_output: bytes of output (default 1 MiB).
    :param seed: the seed of the guest's ``random``.
    :param clock: a clock to grant: ``"system"``, ``"fixed:2024-02-29T12:00:00Z"``
        (always that instant; ``"fixed:@UNIX_SECONDS"``) or
        ``"running:INSTANT*SPEED"``. ``time.time()``, ``datetime.now()`` and
        ``date.today()`` read it, ``time.sleep`` waits on it. Default: none
        (they raise ``PermissionError``).
    :param entropy: grant the host's random source (``random.seed()``,
        ``random.SystemRandom``); default ``False``: ``random`` is seeded by
        ``seed`` and the same on every run.
    :param argv: grant ``import sys``, with this ``sys.argv`` (its
        ``stdout``/``stderr`` are the guest's output).
    :param mounts: directories to grant, each a :class:`Mount` or a string
        ``"HOST_DIR:GUEST_PATH[:ro|rw][:QUOTA]"``; with one, the guest gets
        ``open`` and ``import os`` (``listdir``, ``stat``, ``walk``,
        ``os.path``...), bound to the mounted directories only.

    Every call releases the GIL while the guest runs, and runs CPython's
    signal handlers while it waits: Ctrl-C stops the guest (and any sandbox
    it waits for in turn) and raises ``KeyboardInterrupt``. Use it as a
    context manager or call :meth:`close`.
    """

    def __init__(
        self,
        *,
        builtins: Iterable[str] | None = None,
        imports: Iterable[str] | None = None,
        grants: Mapping[str, Any] | None = None,
        timeout: float | None = 5.0,
        fuel: int | None = None,
        memory: int | None = 256 << 20,
        max_output: int = 1 << 20,
        seed: int | None = None,
        clock: str | None = None,
        entropy: bool = False,
        argv: Iterable[str] | None = None,
        mounts: Iterable[Mount | str] | None = None,
    ) -> None: ...
    @staticmethod
    def from_policy(toml: str, *, grants: Mapping[str, Any] | None = None) -> Sandbox:
        """A sandbox of a policy file's text (TOML; every key optional, as
        ``pyocap run --policy`` reads it: ``imports``, ``timeout``, ``memory``,
        ``clock``, ``entropy``, ``[sys]``...). A bad file is ``ValueError``."""
    def exec(self, source: str) -> None:
        """Runs statements in the guest's global namespace."""
    def eval(self, expr: str) -> Any:
        """The value of one expression, copied out (objects come out as capabilities)."""
    def call(self, name: str, *args: Any) -> Any:
        """Calls the guest's global ``name``; arguments cross as :meth:`grant` carries them."""
    def compile(self, source: str) -> Code:
        """Compiles statements once, for :meth:`run` here or in another sandbox."""
    def compile_eval(self, expr: str) -> Code:
        """Compiles one expression once; :meth:`run` gives its value."""
    def run(self, code: Code) -> Any:
        """Runs compiled code: its value for :meth:`compile_eval`, else ``None``."""
    def grant(self, name: str, obj: Any, allow: Iterable[str] | None = None) -> None:
        """Binds the guest's global ``name`` to ``obj``.

        Data is copied. Any other object is granted as a capability passing
        its public names, or exactly the names in ``allow`` (which may list
        ``_`` names); a :class:`Capability` can only be narrowed.
        """
    def share(self, obj: Any, allow: Iterable[str] | None = None) -> Capability:
        """A capability to ``obj`` for this sandbox's guest, as :meth:`grant` binds it.

        For handing an object to a guest's callback with its names: the
        arguments of a :class:`Capability`'s call cross as opaque tokens.
        """
    def revoke(self) -> None:
        """Revokes everything this sandbox was ever given, at once."""
    def output(self) -> str:
        """What the guest printed since the last call of ``output()``."""
    def stream_output(self, callback: Callable[[str], object]) -> None:
        """Hands the guest's output to ``callback(text)`` as it is printed."""
    def set_fuel(self, units: int | None) -> None:
        """The fuel of each following call (``None``: unmetered)."""
    @property
    def fuel(self) -> tuple[int, int | None]:
        """``(consumed, remaining)`` of the last call."""
    @property
    def stopped(self) -> str | None:
        """Why the sandbox was stopped (a limit, a stop), or ``None``."""
    @property
    def memory_used(self) -> int:
        """Bytes the guest holds now."""
    @property
    def memory_peak(self) -> int:
        """The most bytes the guest has held at once."""
    def stop(self) -> bool:
        """Stops the guest from any thread: its running call and every later one fail."""
    def close(self) -> None:
        """Stops the sandbox, revokes what it was given and releases it."""
    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called."""
    def __enter__(self) -> Sandbox: ...
    def __exit__(self, *args: object) -> bool: ...

@final
class Mount:
    """A host directory a sandbox sees at a virtual path (SPEC §4.8).

    Paths resolve only inside it: ``..``, NUL bytes, links that lead out and
    anything but regular files and directories are refused, and no host path
    reaches the guest. The same object granted to several sandboxes is one
    mount: one quota, one revocation.

    :param host_dir: an existing directory.
    :param guest_path: where the guest sees it: absolute, no ``.``/``..``, not ``/``.
    :param writable: whether the guest may create, write, remove and rename.
    :param quota: the most bytes writes may add up to (``None``: no bound).
    """

    def __init__(
        self,
        host_dir: str | os.PathLike[str],
        guest_path: str = "/data",
        *,
        writable: bool = False,
        quota: int | None = None,
    ) -> None: ...
    @staticmethod
    def parse(spec: str) -> Mount:
        """``"HOST_DIR:GUEST_PATH[:ro|rw][:QUOTA]"``, as ``pyocap run --mount`` reads it."""
    def revoke(self) -> None:
        """Closes every file opened through the mount and refuses every later use."""
    @property
    def revoked(self) -> bool: ...
    @property
    def guest_path(self) -> str: ...
    @property
    def host_dir(self) -> str: ...
    @property
    def writable(self) -> bool: ...
    @property
    def quota(self) -> int | None: ...
    @property
    def bytes_written(self) -> int:
        """Bytes written through the mount (what the quota counts)."""
    @property
    def open_files(self) -> int:
        """Files open through the mount now, in every sandbox."""

@final
class Pool:
    """A warm pool of sandboxes of one policy (the keywords of :class:`Sandbox` but ``grants``).

    ``preload`` lists modules each sandbox imports while it waits.
    """

    def __init__(
        self,
        size: int,
        preload: Iterable[str] | None = None,
        *,
        builtins: Iterable[str] | None = None,
        imports: Iterable[str] | None = None,
        timeout: float | None = 5.0,
        fuel: int | None = None,
        memory: int | None = 256 << 20,
        max_output: int = 1 << 20,
        seed: int | None = None,
        clock: str | None = None,
        entropy: bool = False,
        argv: Iterable[str] | None = None,
        mounts: Iterable[Mount | str] | None = None,
    ) -> None: ...
    def checkout(self, grants: Mapping[str, Any] | None = None) -> Sandbox:
        """A started sandbox of the pool's policy, never handed out again."""
    @property
    def ready(self) -> int:
        """How many sandboxes are started and waiting."""
    @property
    def size(self) -> int:
        """The number of sandboxes the pool keeps started."""

def revoke(cap: Capability) -> None:
    """Revokes a capability and everything derived from it, in every sandbox."""

def attenuate(cap: Capability, allow: Iterable[str]) -> Capability:
    """A capability to the same object passing only the names of ``allow`` that ``cap`` passes."""

def is_revoked(cap: Capability) -> bool:
    """Whether the capability has been revoked."""

def unwrap(cap: Capability, require: Iterable[str] | None = None) -> Any:
    """The CPython object a capability designates.

    A capability to one of your objects always comes back to CPython as a
    :class:`Capability` (never the object), so generic code (``str.format``,
    an identity function, a container, an unbound method) never applies more
    than the guest held. Code that must recognise its own objects (an issuer
    checking a payment) calls this; with ``require``, only if the capability
    passes each of those names (``PermissionError`` otherwise).
    ``TypeError`` for a guest object, ``RevokedError`` once revoked.
    """
