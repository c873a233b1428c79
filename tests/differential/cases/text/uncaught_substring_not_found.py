# Checks a header parser using index/partition that ends with an uncaught ValueError
headers = "Host: example.com\r\nContent-Type: text/html; charset=utf-8\r\nX-Empty:\r\n"
parsed = {}
for line in headers.splitlines():
    key, sep, value = line.partition(":")
    parsed[key.strip().lower()] = value.strip()
print(sorted(parsed.items()))
ctype = parsed["content-type"]
mime, _, params = ctype.partition(";")
print(mime, params.strip().split("=", 1))
print(ctype.index("charset"), ctype.find("boundary"))
print(ctype.index("boundary"))
