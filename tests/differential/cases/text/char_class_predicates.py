# Checks isdigit/isnumeric/isdecimal/isalpha/isalnum/isspace/isupper/islower/istitle/isascii
samples = ["123", "١٢٣", "²", "½", "Ⅻ", "一", "abc", "ñandú", "abc123", "", " \t\n", "\u00a0", "\u200b",
           "ABC", "Abc Def", "aBC", "ǅ", "٣.5", "-1", "x²", "ß", "\x1c", "日本"]
for s in samples:
    print(repr(s), s.isdigit(), s.isnumeric(), s.isdecimal(), s.isalpha(), s.isalnum(), s.isspace(),
          s.isupper(), s.islower(), s.istitle(), s.isascii())
print("Hello World".istitle(), "Hello world".istitle(), "HELLO 1".isupper(), "hello ß".islower())
print("123abc".isalnum(), "12_3".isalnum(), "١٢٣".isdigit() and int("١٢٣") == 123 if False else "١٢٣".isdigit())
