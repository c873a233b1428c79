# textwrap: wrap, fill, dedent, indent, shorten
import textwrap
text = "The quick brown fox jumps over the lazy dog. " * 3
print(textwrap.wrap(text, width=25))
print(textwrap.fill(text, width=40, initial_indent="* ", subsequent_indent="  "))
print(repr(textwrap.dedent("    a\n      b\n    c\n")))
print(textwrap.indent("x\n\ny\n", "> "), textwrap.indent("x\ny", "+ ", lambda line: line.startswith("y")))
print(textwrap.shorten("Hello  world, this is rather long", width=15), textwrap.shorten("short", 10))
w = textwrap.TextWrapper(width=10, break_long_words=True, max_lines=2, placeholder="...")
print(w.wrap("supercalifragilistic expialidocious words here"))
print(textwrap.wrap("", 10), textwrap.wrap("tab\there", 8, expand_tabs=True))
try:
    textwrap.wrap("x", width=0)
except ValueError as e:
    print(type(e).__name__, e)
