# a missing attribute of a module names the module
import math, json
for name in ['tau2', '_private', 'sqrt']:
    try:
        print(getattr(math, name).__name__)
    except AttributeError as e:
        print(type(e).__name__, e)
print(hasattr(json, 'nope'), getattr(math, 'nope', 'default'))
