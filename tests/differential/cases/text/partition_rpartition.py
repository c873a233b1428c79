# Checks str.partition and rpartition on present, missing, repeated and empty separators
for s in ["key=value", "key=value=more", "novalue", "=lead", "trail=", ""]:
    print(repr(s), s.partition('='), s.rpartition('='))
url = "https://example.com/path/page.html?x=1"
scheme, _, rest = url.partition("://")
host, _, path = rest.partition("/")
base, _, query = path.partition("?")
print(scheme, host, base, query, path.rpartition("/")[2], base.rpartition(".")[2])
print("aXbXc".partition("X"), "aXbXc".rpartition("X"), "abc".partition("abc"), "日本語テキスト".partition("語"))
for bad in ["", None]:
    try:
        "abc".partition(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
