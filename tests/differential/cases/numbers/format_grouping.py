# thousands separators , and _ in format specs for ints, floats, and other bases
print(f"{1234567:,}", f"{1234567:_}", f"{-1234567:,}", f"{123:,}", f"{0:,}", f"{1000:,}")
print(f"{1234567.891:,.2f}", f"{1234567.891:_.3f}", f"{-0.5:,.1f}", f"{1e10:,.0f}")
print(f"{0xdeadbeef:_x}", f"{0b101010101:_b}", f"{2 ** 32:_X}", f"{0o7777777:_o}", f"{255:#_x}")
print(f"{1234567:>15,}", f"{1234567:015,}", f"{-1234567:015,d}", f"{1234.5:012,.2f}", f"{1234567:^+15,}")
print(f"{10 ** 30:,}", f"{-10 ** 25:_d}")
print(format(1234567.0, ","), format(12345.678, ",g"), format(123456789.0, ",e"), format(0.1234, ",.1%"))
print(format(1234567, ",").replace(",", "."), "{:,}".format(9876543210), "{0:_}".format(10 ** 9))
from decimal import Decimal
print(format(Decimal("1234567.891"), ",.2f"), format(Decimal("-9876543"), ","))
for spec in (",_", "_,", ",s", ",x", ",b", ",c"):
    try:
        print(format(1234567, spec))
    except ValueError as e:
        print(type(e).__name__, e)
try:
    print(format("abc", ","))
except ValueError as e:
    print(type(e).__name__, e)
