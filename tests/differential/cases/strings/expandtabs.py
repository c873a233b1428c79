# expandtabs with default and custom tab sizes, newlines reset the column
s = "a\tbc\tdef\tghij\tk"
print(repr(s.expandtabs()), repr(s.expandtabs(4)), repr(s.expandtabs(1)), repr(s.expandtabs(0)), repr(s.expandtabs(-3)))
print(repr("\t".expandtabs()), repr("\t\t".expandtabs(3)), repr("".expandtabs()), repr("no tabs".expandtabs(2)))
print(repr("12345678\tx".expandtabs(8)), repr("1234567\tx".expandtabs(8)))
print(repr("ab\tc\nxyz\td\r12\te".expandtabs(4)))
print(repr("日本\t語".expandtabs(4)), repr("é\tx".expandtabs(tabsize=3)))
table = "name\tqty\tprice\nbanana\t12\t0.25\nfig\t3\t1.5"
for line in table.expandtabs(8).splitlines():
    print(repr(line))
try:
    print("a\tb".expandtabs("4"))
except TypeError as e:
    print(type(e).__name__, e)
