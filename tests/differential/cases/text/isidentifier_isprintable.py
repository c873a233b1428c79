# Checks str.isidentifier and str.isprintable on ASCII, unicode and keywords
for s in ["x", "_", "_x1", "1x", "my-var", "", "class", "None", "π", "变量", "a b", "x\u0301", "ℕ", "℘", "·x", "x·", "🐍"]:
    print(repr(s), s.isidentifier())
for s in ["abc", "", " ", "\t", "\n", "é", "\u00a0", "\u200b", "\x7f", "日本", "\u2028", "🐍", "a\x00b", "\ufeff"]:
    print(repr(s), s.isprintable())
