# namedtuple _replace, _asdict, _make, _fields, _field_defaults and defaults=
from collections import namedtuple
Emp = namedtuple("Emp", "name dept salary", defaults=["eng", 100])
e = Emp("ann")
print(e, Emp._field_defaults, Emp("bob", "ops"), Emp("cy", salary=5))
e2 = e._replace(salary=200, dept="hr")
print(e2, e, e2 is e)
try:
    e._replace(age=3)
except ValueError as ex:
    print(type(ex).__name__, ex)
d = e2._asdict()
print(d, type(d).__name__, dict(d))
print(Emp._make(["dan", "qa", 50]), Emp(**d))
try:
    Emp._make(["too", "few"])
except TypeError as ex:
    print(type(ex).__name__, ex)
print(Emp._fields + ("extra",), Emp.__name__, Emp.salary.__doc__ if False else "doc-skipped")
Ext = namedtuple("Ext", Emp._fields + ("level",))
print(Ext(*e, level=1))
try:
    namedtuple("X", "a b", defaults=[1, 2, 3])
except TypeError as ex:
    print(type(ex).__name__, ex)
N = namedtuple("N", [])
print(N(), len(N()), N._fields)
Row = namedtuple("Row", "id val")
rows = [Row(i, v) for i, v in enumerate("xyz")]
print([r._asdict() for r in rows][:2], [r.val for r in rows if r.id > 0])
print(e._replace(), Emp.__doc__)
