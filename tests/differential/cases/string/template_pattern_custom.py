# string.Template subclasses with custom delimiter/idpattern/braceidpattern/flags and a fully custom pattern
import string
import re
class Hash(string.Template):
    delimiter = "#"
print(Hash("#a and #{b} and ##").substitute(a=1, b=2))
class Upper(string.Template):
    idpattern = r"[A-Z]+"
    flags = 0
print(Upper("$ABC $abc").safe_substitute(ABC="yes", abc="no"))
class Braced(string.Template):
    braceidpattern = r"[a-z]+\.[a-z]+"
print(Braced("${user.name} $plain").substitute({"user.name": "ann", "plain": "p"}))
class Angle(string.Template):
    pattern = r"""
    <<(?:
      (?P<escaped><<) |
      (?P<named>[a-z]+)>> |
      (?P<braced>\{[a-z]+\})>> |
      (?P<invalid>)
    )"""
print(Angle("hi <<name>>, <<<< done").substitute(name="bob"))
print(isinstance(string.Template.pattern, re.Pattern), string.Template.delimiter, string.Template.idpattern)
try:
    Angle("<<BAD").substitute()
except ValueError as e:
    print(type(e).__name__, e)
try:
    string.Template("$x").substitute({"x": 1}, {"y": 2})
except TypeError as e:
    print(type(e).__name__, e)
print(string.Template("${x}y").substitute(x=[1, 2]), string.Template("$x").substitute(x=None))
