# import errors: ModuleNotFoundError for an unknown module, ImportError for a relative import, ValueError for bad arguments
try:
    import nosuchmodule_xyz
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name, isinstance(e, ImportError))
try:
    from . import x
except ImportError as e:
    print(type(e).__name__, e)
try:
    __import__('')
except ValueError as e:
    print(type(e).__name__, e)
try:
    __import__('json', level=-1)
except ValueError as e:
    print(type(e).__name__, e)
