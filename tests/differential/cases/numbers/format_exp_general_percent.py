# e/E, g/G, % and n presentation types for floats and ints, with precision and '#'
vals = [0.0, 1.0, 0.0001234, 123456.789, 1e16, 1.5e-7, -2.5, 100.0, 1e100, 0.1]
for v in vals:
    print(f"{v:e}|{v:.2E}|{v:g}|{v:.3g}|{v:G}|{v:#g}|{v:.0e}|{v:%}|{v:.1%}")
print(f"{12345:e}", f"{12345:g}", f"{10 ** 16:g}", f"{1:%}", f"{7:.3g}", f"{123456789:.3G}")
print(f"{0.00001:g}", f"{0.0001:g}", f"{1e6:g}", f"{1e5:g}", f"{123456:g}", f"{1234567:g}")
print(f"{2.5:.0g}", f"{1.0:#.3g}", f"{1.0:#.0f}", f"{1.0:#.0e}", f"{float('inf'):e}", f"{float('nan'):G}")
print(f"{-0.0:g}", f"{-0.0:e}", f"{0.5:.0%}", f"{1 / 3:.2%}", f"{2 / 3:10.4%}", f"{-1:+.1%}")
print(f"{1.5:n}", f"{1234.5:n}", f"{0.1:r}" if False else f"{0.1:.17g}", f"{5e-324:g}", f"{1.7976931348623157e308:.3e}")
print(f"{123.456:.10g}", f"{123.456:.2g}", f"{99999.5:.5g}", f"{9.9999:.4g}", f"{0.000099995:.4g}")
from decimal import Decimal
print(f"{Decimal('1234.5'):e}", f"{Decimal('0.00012'):g}", f"{Decimal('0.5'):%}")
