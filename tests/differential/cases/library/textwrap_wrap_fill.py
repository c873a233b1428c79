# textwrap: wrap, fill, shorten, indent, dedent with widths and options
import textwrap

text = "The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor jugs."
print(textwrap.wrap(text, width=20))
print(textwrap.fill(text, width=30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.shorten(text, width=40), textwrap.shorten("a  b   c", 10), textwrap.shorten(text, 30, placeholder="..."))
print(textwrap.wrap("supercalifragilisticexpialidocious", 10), textwrap.wrap("", 5))
print(textwrap.wrap("a-very-long-hyphenated-word here", 8, break_on_hyphens=True))
print(textwrap.wrap("abcdefghij", 4, break_long_words=False))
code = """
    def f():
        return 1
    """
print(repr(textwrap.dedent(code)))
print(textwrap.indent("one\ntwo\n\nthree", "> "))
print(textwrap.indent("x\n\ny", "+", predicate=lambda l: True))
w = textwrap.TextWrapper(width=15, max_lines=2, placeholder=" [..]")
print(w.wrap(text))
print(textwrap.fill("tabs\there", 20, expand_tabs=True, tabsize=4))
