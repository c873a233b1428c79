"""pyocap stand-in for `_thread`, seen only by the standard library's own code in
a sandbox: locks (the runtime sets allocate_lock, LockType and RLock from the
real module), one thread, no way to start another."""


def get_ident():
    return 1


error = RuntimeError
