# string: constants, capwords, Template substitution and errors
import string

print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(string.punctuation, repr(string.whitespace), len(string.printable))
print(string.ascii_lowercase[::-1], string.ascii_uppercase[:5])
print(string.capwords("hello   wide\tworld"), string.capwords("a-b c-d", "-"))
t = string.Template("$who likes $what; ${who}s pay $$5")
print(t.substitute(who="Tim", what="kung pao"), t.safe_substitute(who="Ann"))
try:
    t.substitute(who="x")
except KeyError as e:
    print(type(e).__name__, e)
try:
    string.Template("bad $ sign").substitute()
except ValueError as e:
    print(type(e).__name__, e)
print(string.Template("$a$b").substitute({"a": 1}, b=2), t.template[:4])
print(t.get_identifiers() if hasattr(t, "get_identifiers") else "", t.is_valid() if hasattr(t, "is_valid") else "")
class Pct(string.Template):
    delimiter = "%"
print(Pct("%x + %{y} = %z").substitute(x=1, y=2, z=3))
print(sorted(set("hello world") & set(string.ascii_lowercase)))
