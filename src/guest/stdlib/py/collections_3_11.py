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


# CPython's OrderedDict (C) names its views odict_keys, odict_values, odict_items.
def _view_repr(name):
    @_recursive_repr()
    def __repr__(self):
        return '%s(%r)' % (name, list(self))
    return __repr__


_OrderedDictKeysView.__repr__ = _view_repr('odict_keys')
_OrderedDictValuesView.__repr__ = _view_repr('odict_values')
_OrderedDictItemsView.__repr__ = _view_repr('odict_items')
del _view_repr
