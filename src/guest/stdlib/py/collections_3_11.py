# pyocap: run in the namespace of `collections` once it is loaded, so its
# answers are CPython 3.11's where RustPython's library (CPython 3.13's) differs
# (SPEC §4.5).

@_recursive_repr()
def __repr__(self):
    'Return repr(self).'
    if not self:
        return '%s()' % (self.__class__.__name__,)
    return '%s(%r)' % (self.__class__.__name__, list(self.items()))


OrderedDict.__repr__ = __repr__
del __repr__
