# Checks str.splitlines with all line-boundary characters and keepends
s = "one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven\x1deight\x1enine\x85ten\u2028eleven\u2029twelve"
print(s.splitlines())
print(s.splitlines(True))
print("".splitlines(), "\n".splitlines(), "\n\n".splitlines(), "a\n".splitlines(), "a\n\nb".splitlines())
print("x\r\n".splitlines(keepends=True), "\r\r\n".splitlines(True), "no newline".splitlines())
print("a\nb".split("\n"), "a\nb\n".split("\n"), "a\nb\n".splitlines())
text = """first line
    indented

last"""
for i, line in enumerate(text.splitlines(), 1):
    print(i, repr(line))
