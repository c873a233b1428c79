# str.splitlines: every line boundary, keepends, trailing newlines, versus split("\n")
text = "one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven\x1deight\x1enine\x85ten\u2028eleven\u2029twelve"
print(text.splitlines())
print(len(text.splitlines(True)), [repr(l[-1]) for l in text.splitlines(True)[:-1]])
print("a\n\nb\n".splitlines(), "a\n\nb\n".splitlines(keepends=True), "a\n\nb\n".split("\n"))
print("".splitlines(), "\n".splitlines(), "\n\n".splitlines(True), "\r\n".splitlines(), "\n\r".splitlines(), "x".splitlines())
print("no newline".splitlines(True), "\r\r\n".splitlines(True), "abc\r".splitlines())
poem = """Roses are red,
  Violets are blue,

Sugar is sweet."""
for i, line in enumerate(poem.splitlines(), 1):
    print(f"{i:2}: {line.strip() or '<blank>'}")
print([l for l in poem.splitlines() if l.strip()], sum(1 for _ in poem.splitlines()))
print(b"a\nb\r\nc\rd\x0be".splitlines(), b"x\n".splitlines(True))
