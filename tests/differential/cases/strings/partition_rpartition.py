# str.partition and str.rpartition, with missing separators and multi-char separators
url = "https://example.com/path/to/page?x=1"
print(url.partition("://"), url.rpartition("/"), url.partition("?"), url.rpartition("#"))
print("key=value=more".partition("="), "key=value=more".rpartition("="))
print("no-sep".partition(":"), "no-sep".rpartition(":"), "".partition("x"), "".rpartition("x"))
print("abcabc".partition("bc"), "abcabc".rpartition("bc"), "aaa".partition("aa"), "aaa".rpartition("aa"))
print("naïve→café".partition("→"), "αβγ".rpartition("β"))
scheme, _, rest = url.partition("://")
host, _, path = rest.partition("/")
print(scheme, host, path)
head, sep, tail = "x:y".partition(":")
print(repr(head), repr(sep), repr(tail), type("a".partition("a")).__name__)
for sep in ("", None, 5):
    try:
        print("abc".partition(sep))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
