"""pyocap stand-in for `_random`, seen only by the standard library's own code in
a sandbox: the real generator, but seeding with None uses the sandbox's seed
(Policy::random_seed), so `random` is deterministic, unless the policy grants
entropy (Policy::entropy): then it draws 32 bytes from the host's random
source, as CPython does from the operating system's. The runtime sets
`_native`, `_SEED`, `_ENTROPY` and `_urandom`."""


class Random(_native.Random):
    def seed(self, a=None, *args, **kwargs):
        if a is None:
            a = int.from_bytes(_urandom(32), "big") if _ENTROPY else _SEED
        return super().seed(a)


del _native
