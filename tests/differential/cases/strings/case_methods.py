# upper/lower/title/capitalize/swapcase/casefold incl. unicode special cases and predicates
s = "hello WORLD, it's a 3rd-party test_case"
print(s.upper(), "|", s.lower(), "|", s.title(), "|", s.capitalize(), "|", s.swapcase())
print("ß".upper(), "ß".lower(), "ß".casefold(), "ß".title(), "ﬁ".upper(), "ŉ".upper(), len("ß".upper()))
print("İ".lower(), len("İ".lower()), "Σ".lower(), "ΌΣΟΣ".lower(), "ǆ".title(), "ǅ".upper(), "ǅ".lower())
print("Straße".casefold() == "STRASSE".casefold(), "Straße".lower() == "strasse", "ΜΆΪΟΣ".casefold())
print("hello world".title(), "they're bill's friends".title(), "3d printing".title(), "o'NEIL mcDONALD".title())
print("élan vital".capitalize(), "ÉLAN".capitalize(), "123abc".capitalize(), "".capitalize(), "ǆemal".capitalize())
print("Hello".isupper(), "HELLO".isupper(), "hello".islower(), "Hello World".istitle(), "Hello world".istitle())
print("123".isupper(), "A1".isupper(), "ß".islower(), "ǅ".istitle(), "ǅ".isupper(), "".istitle())
print("aBc".swapcase().swapcase(), "ﬀ".swapcase(), "µ".upper(), "ÿ".upper(), "ı".upper(), "ſ".upper())
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=str.casefold))
