"""pyocap for CPython: run untrusted Python in sandboxes, with your objects as capabilities.

A ``Sandbox`` is a RustPython interpreter on its own thread, with no authority
but what you grant: no files, network, clock, environment or imports unless a
policy allows them. Data (``None``, ``bool``, ``int``, ``float``, ``complex``,
``str``, ``bytes`` and ``tuple``/``list``/``dict``/``set``/``frozenset`` of data,
exact types only) is copied across; every other object crosses as a
capability: your objects reach the guest as opaque, filtered, revocable
proxies, and guest objects reach you as ``Capability`` proxies. See SPEC.md
(section 3.10, the CPython package) for the rules.
"""

from ._pyocap import (
    BoundMethod,
    Capability,
    Code,
    DeadlineExceeded,
    FuelExhausted,
    GuestError,
    GuestSyntaxError,
    LimitExceeded,
    MemoryLimit,
    Mount,
    OutputLimit,
    Pool,
    RevokedError,
    Sandbox,
    attenuate,
    is_revoked,
    revoke,
    unwrap,
)

__all__ = [
    "BoundMethod",
    "Capability",
    "Code",
    "DeadlineExceeded",
    "FuelExhausted",
    "GuestError",
    "GuestSyntaxError",
    "LimitExceeded",
    "MemoryLimit",
    "Mount",
    "OutputLimit",
    "Pool",
    "RevokedError",
    "Sandbox",
    "attenuate",
    "is_revoked",
    "revoke",
    "unwrap",
]
