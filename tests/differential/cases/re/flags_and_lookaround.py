# re flags IGNORECASE/MULTILINE/DOTALL/VERBOSE, inline flags, lookahead/lookbehind, non-greedy
import re
print(re.findall(r"cat", "Cat cAT cat", re.IGNORECASE), re.findall(r"(?i)straße", "STRASSE Straße"))
print(re.findall(r"^\w+", "one\ntwo\nthree", re.MULTILINE), re.findall(r"^\w+", "one\ntwo"))
print(re.findall(r"\w+$", "a1\nb2\n", re.M), re.search(r"a.b", "a\nb"), re.search(r"a.b", "a\nb", re.S).span())
pattern = re.compile(r"""
    (\d{3})   # area code
    [-.\s]?   # separator
    (\d{4})   # number
""", re.VERBOSE)
print(pattern.findall("555-1234 and 555 9876"))
print(re.findall(r"\d+(?=px)", "10px 20em 30px"), re.findall(r"\d+(?!px|\d)", "10px 20em 30px"))
print(re.findall(r"(?<=\$)\d+", "cost $30 or 40 or $5"), re.findall(r"(?<!\$)\b\d+", "cost $30 or 40"))
print(re.findall(r"<.+>", "<a><b>"), re.findall(r"<.+?>", "<a><b>"), re.match(r"a{2,4}?", "aaaa").group())
print(re.match(r"a*?b", "aaab").group(), re.findall(r"\d{2,}?", "12345"))
print(re.I | re.M == re.IGNORECASE | re.MULTILINE, re.compile("x", re.I | re.S).flags & re.I > 0)
print(re.findall(r"(?m)^#.*$", "#a\nb\n#c"), re.match(r"(?s:.)+", "a\nb").group() == "a\nb")
print(re.findall(r"[^\W\d_]+", "abc_123 déjà"), re.findall(r"\bé\w*", "été ça"))
print(re.search(r"(?i)[a-c]+", "xxABCaby").group(), re.findall(r"(?x) a b  c # comment", "abc abc"))
