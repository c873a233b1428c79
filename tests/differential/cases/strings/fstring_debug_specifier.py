# the f-string = specifier: expression text kept verbatim, repr by default, with conversions and specs
x, name, items = 42, "Ann", [1, 2]
print(f"{x=}", f"{name=}", f"{items=}", f"{x = }", f"{x  =  }", f"{x + 1=}", f"{x*2 = }")
print(f"{name=!s}", f"{name=!r}", f"{name=!a}", f"{'é'=}", f"{x=:>6}", f"{x=:#x}", f"{3.14159=:.2f}")
print(f"{len(items)=}", f"{items[0]=}", f"{name.upper()=}", f"{name!r:>8}", f"{x==42=}", f"{x>1=}")
print(f"{None=}", f"{True=}", f"{1/3=:.3}", f"{-x=}", f"{'a' 'b'=}", f"{ x =}")
d = {"k": [1, 2]}
print(f"{d['k']=}", f"{d=}", f"{ d ['k'] [1] = }")
def f(a, b=2):
    return a * b
print(f"{f(3)=}", f"{f(3, b=4)=}", f"{[i for i in range(3)]=}")
val = 1234567.891
print(f"{val=:,.2f}", f"{val=:e}", f"{val=!s:>20}")
