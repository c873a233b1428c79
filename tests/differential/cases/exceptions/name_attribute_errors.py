# NameError and AttributeError messages for modules, instances, classes, None and builtins; .name/.obj attributes
import math
def show(fn):
    try:
        fn()
    except (NameError, AttributeError) as e:
        print(type(e).__name__, "|", e)
class Thing:
    cls_attr = 1
    def __init__(self): self.inst = 2
def set_on_builtin():
    (5).real = 3
def set_on_object():
    object().attr = 1
def del_class_attr_via_instance():
    del Thing().cls_attr
show(lambda: undefined_variable)
show(lambda: len.nope)
show(lambda: None.upper())
show(lambda: (1).real_part)
show(lambda: "abc".appendx)
show(lambda: [].push(1))
show(lambda: {}.has_key("a"))
show(lambda: Thing().missing)
show(lambda: Thing.missing)
show(lambda: object().x)
show(lambda: math.tau2)
show(set_on_builtin)
show(set_on_object)
show(del_class_attr_via_instance)
try:
    Thing().nope
except AttributeError as err:
    print(err.name, type(err.obj).__name__)
try:
    not_defined_either
except NameError as err:
    print(err.name)
