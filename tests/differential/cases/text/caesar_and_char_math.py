# Checks character arithmetic with ord/chr: caesar cipher, vowel counts, char ranges
def caesar(s, k):
    out = []
    for ch in s:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - 97 + k) % 26 + 97))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - 65 + k) % 26 + 65))
        else:
            out.append(ch)
    return "".join(out)
msg = "Hello, World! Zebra-42 ñ"
enc = caesar(msg, 3)
print(enc, caesar(enc, -3), caesar(msg, 26) == msg, caesar(msg, -27))
print("".join(chr(c) for c in range(ord("a"), ord("z") + 1, 5)), [chr(0x3b1 + i) for i in range(4)])
print(sum(1 for ch in msg.lower() if ch in "aeiou"), [ch for ch in msg if ch.isupper()])
print({ch: msg.count(ch) for ch in sorted(set(msg)) if msg.count(ch) > 1})
print(bin(ord("A")), format(ord("€"), "04X"), "U+%04X" % ord("é"), hex(ord("😀")))
print("".join(reversed(msg)), msg[::-1] == "".join(reversed(msg)), list(enumerate("ab", 1)))
