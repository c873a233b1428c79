# pyocap: run in the namespace of `_collections_abc` once it is loaded. The
# views' repr used `str.format` with the fields `__class__` and `_mapping`,
# which the sandbox's `str.format` refuses (SPEC §4.3): the same text, built
# without a format field.

def __repr__(self):
    return '%s(%r)' % (self.__class__.__name__, self._mapping)


MappingView.__repr__ = __repr__
del __repr__
