# Checks textwrap wrap/fill/shorten/dedent/indent with widths and options
import textwrap
text = ("The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor jugs. "
        "Supercalifragilisticexpialidocious is quite a long word indeed.")
print(textwrap.wrap(text, 30))
print(textwrap.fill(text, width=25, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap("Supercalifragilisticexpialidocious", 10), textwrap.wrap("", 10), textwrap.wrap("   ", 5))
print(textwrap.wrap("Supercalifragilisticexpialidocious", 10, break_long_words=False))
print(textwrap.shorten(text, width=40), "|", textwrap.shorten("Hello  world!", width=12, placeholder=" [..]"))
code = """
    def f():
        return 1
      # odd comment
"""
print(repr(textwrap.dedent(code)))
print(textwrap.indent("a\nb\n\nc", "> "), textwrap.indent("a\n\nb", "+", lambda line: True), sep="|")
print(textwrap.fill("a-b-c-d-e-f-g-h well-known hyphen-ated", 9))
w = textwrap.TextWrapper(width=20, max_lines=2, placeholder="...")
print(w.wrap(text), textwrap.wrap("tab\there and\tthere", 12, tabsize=4))
try:
    textwrap.wrap("x", 0)
except ValueError as e:
    print(type(e).__name__, e)
