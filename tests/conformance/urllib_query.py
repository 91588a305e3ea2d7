# urllib.parse query strings: parse_qsl, parse_qs and urlencode.
import json
from urllib.parse import parse_qs, parse_qsl, urlencode

print(parse_qsl("a=1&b=2&a=3"))
print(parse_qsl("a=1&b=&c&a=2&d=%C3%A9+x", keep_blank_values=True))
print(parse_qsl("a=1&b=&c&a=2"))
print(parse_qsl("&&a=1&&"), parse_qsl(""), parse_qsl("=x"), parse_qsl("a==b"))
print(parse_qsl("a=1;b=2"), parse_qsl("a=1;b=2", separator=";"))
print(parse_qsl("name=J%C3%BCrgen&city=K%C3%B6ln&note=a%2Bb+c"))
print(parse_qsl(b"a=1&b=%20"))
for bad in ["a=1&b", "a=1&&b=2"]:
    try:
        parse_qsl(bad, strict_parsing=True)
    except ValueError as e:
        print("ValueError:", e)
try:
    parse_qsl("a=1&b=2&c=3", max_num_fields=2)
except ValueError as e:
    print("ValueError:", e)
print(json.dumps(parse_qs("a=1&b=2&a=3"), sort_keys=True))
print(json.dumps(parse_qs("x=&y=1", keep_blank_values=True), sort_keys=True))
print(json.dumps(parse_qs("q=search+terms&page=2&tag=a&tag=b"), sort_keys=True))
print(parse_qs("only=1")["only"], len(parse_qs("")))
print(urlencode([("a", 1), ("b", "x y"), ("c", "\u00e9/&")]))
print(urlencode({"key": "value"}), urlencode([]))
print(urlencode({"k": [1, 2]}, doseq=True), urlencode([("k", (1, 2))]))
print(urlencode([("k", ["a", "b"]), ("s", "str")], doseq=True))
print(urlencode([("f", 0.1), ("t", True), ("n", None), ("big", 2 ** 65)]))
print(urlencode([("path", "/a/b")], safe="/"), urlencode([(b"k", b"v w")]))
print(urlencode([("q", "a b")], quote_via=lambda s, safe, enc, err: "<" + s + ">"))
print(urlencode([("q", "a b&c")]) == "q=a+b%26c")
try:
    urlencode("not pairs")
except TypeError as e:
    print("TypeError:", e)
