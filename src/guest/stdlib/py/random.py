"""pyocap stand-in for `_random`, seen only by the standard library's own code in
a sandbox: the real generator, but seeding with None uses the sandbox's seed
(Config::random_seed) instead of the operating system's entropy, so `random`
is deterministic. The runtime sets `_native` and `_SEED`."""


class Random(_native.Random):
    def seed(self, a=None, *args, **kwargs):
        if a is None:
            a = _SEED
        return super().seed(a)


del _native
