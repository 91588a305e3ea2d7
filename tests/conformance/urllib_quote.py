# urllib.parse percent escapes: quote, quote_plus, unquote and friends.
import urllib.parse
from urllib.parse import quote, quote_plus, unquote, unquote_plus

print(quote("plain"), quote("a b"), quote("/path/to file"), quote("/path", safe=""))
print(quote("a&b=c?d#e"), quote("~user_name-1.0"), quote("caf\u00e9 \u20ac"))
print(quote("a:b;c", safe=":;"), quote("a/b", safe=b"/"), quote("\U0001f600"))
print(quote(b"\x00\xff bytes"), quote(""), quote("%41"))
print(quote_plus("a b&c=d/e"), quote_plus("a b", safe="/"), quote_plus("x+y"), quote_plus("no-space"))
print(quote_plus(b"b y t e s"), urllib.parse.quote_from_bytes(b"\xe2\x82\xac/x"))
print(unquote("%41%42%43"), unquote("caf%C3%A9"), unquote("%E2%82%AC%zz%4"), unquote("a+b"))
print(unquote("%e2%82%ac"), unquote("no-escapes"), unquote("%"), unquote("100%"))
print(unquote("%ff%fe") == "\ufffd\ufffd", unquote("%e2%82") == "\ufffd", unquote("%c3%28") == "\ufffd(")
print(unquote("%f0%9f%98%80") == "\U0001f600", unquote(b"%41b") == "Ab")
print(unquote_plus("a+b%20c%2Bd"), unquote_plus("%2B+%2b"))
print(urllib.parse.unquote_to_bytes("a%20b%ff"), urllib.parse.unquote_to_bytes(b"%41"))
for text in ["hello world", "a/b?c=d&e=f#g", "\u00e9\u00e8\u00ea", "1+1=2", "~._-"]:
    print(quote(text), quote_plus(text), unquote(quote(text)) == text, unquote_plus(quote_plus(text)) == text)
try:
    quote(5)
except TypeError as e:
    print("TypeError:", e)
