# string.Template: substitute, safe_substitute, braces, $$ escapes, errors, identifiers, subclassing
import string
t = string.Template("$who likes ${what}s, costs $$${price}")
print(t.substitute(who="Tim", what="kung pao", price=5))
print(t.substitute({"who": "Ann", "what": "taco", "price": 3}, price=4))
print(t.safe_substitute(who="Bob"))
print(t.template, string.Template("${a}b$c").safe_substitute({"c": 1}))
try:
    t.substitute(who="x")
except KeyError as e:
    print(type(e).__name__, e)
try:
    string.Template("bad $ sign").substitute()
except ValueError as e:
    print(type(e).__name__, e)
print(string.Template("bad $ sign").safe_substitute(), string.Template("$x$y").substitute(x=1, y=2))
print(string.Template("$naïve and $_ok1").safe_substitute(_ok1="yes"))
print(string.Template("$a $b").get_identifiers() if hasattr(string.Template, "get_identifiers") else "n/a")
print(string.Template("$a ${b").is_valid() if hasattr(string.Template, "is_valid") else "n/a")
class Percent(string.Template):
    delimiter = "%"
print(Percent("%name is %%100").substitute(name="Z"))
class Dotted(string.Template):
    idpattern = r"[a-z]+(?:\.[a-z]+)*"
print(Dotted("$user.name!").substitute({"user.name": "eve"}))
