# Checks upper/lower/title/capitalize/swapcase/casefold on ASCII and non-ASCII text
words = ["hello world", "HELLO", "ß", "straße", "İstanbul", "ǅungla", "ﬁne", "hello_wORLD-42x", "o'neil's", "ΣΊΣΥΦΟΣ", "ǈ", "ᾳ"]
for w in words:
    print(w, w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold())
print("aBc".swapcase().swapcase(), "Straße".casefold() == "STRASSE".casefold(), "ß".upper() == "SS")
print("they're bill's friends".title(), "3rd place".title(), "ΑΒΓ".lower(), "hello\u0301 world".title())
print("ÀÉÎ".lower(), "àéî".upper(), "ŉ".upper(), "µ".upper(), "ǰ".upper(), len("ﬃ".upper()))
print("".upper(), "123".title(), "a1b2".capitalize(), "ΌΣΟΣ ΟΣ".lower())
