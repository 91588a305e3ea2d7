# re syntax: Unicode classes, flags, verbose mode, escapes, errors.
import re

print(re.findall(r"\w+", "h\u00e9llo w\u00f6rld 123"), re.findall(r"[\w-]+", "a-b c_d \u00e9"))
print(re.findall(r"\d", "1\u0662\uff13"), re.findall(r"\d", "1\u0662", re.A), re.findall(r"\w+", "\u00e9a", re.ASCII))
print(re.findall(r"\s", "a\u00a0b\tc\x0bd"), re.findall(r"\S+", "a\u00a0b"), re.findall(r"\W", "a\u00e9!"))
print(re.findall(r"[\s]", "a b"), re.findall(r"[\D]", "1a\u0662"), re.findall(r"[\S\d]", "a 1"))
print(re.findall("\u00e9", "\u00c9\u00e9E", re.I), re.findall("[a-z]+", "ABC def", re.IGNORECASE))
print(re.findall("(?i:a)b", "ABab aB"), re.findall("(?i)AB", "ab"))
print(re.search("(?s:.)", "\n") is not None, re.search(".", "\n"), re.findall("(?-i:a)", "aA", re.I))
v = re.compile(r"""
    (\d+)    # number
    \s*      # optional space
    ([a-z]+) # unit \# not a comment
    [ ]x     # a literal space in a class
""", re.VERBOSE)
print(v.match("12 kg x").groups(), re.match(r"(?x) a b # comment", "ab").group())
print(re.match(r"a\ b", "a b", re.X).group(), re.findall(r"(?x)[ #]", "a #b"))
print(re.findall(r"\x41\u0042\U00000043\101\0", "ABCA\x00"), re.findall(r"\t\n", "a\t\nb"))
print(re.findall(r"[\x41-\x43]", "ABCD"), re.findall(r"\.\*\+", ".*+"), re.findall(r"\-\#", "-#"))
print(re.match(r"(?:ab)+", "ababc").group(), re.match(r"(a)(?:b)(c)", "abc").groups(), re.match("(?#comment)a", "a").group())
print(re.findall(r"a{2,3}", "aaaaaaa"), re.findall(r"a{2,3}?", "aaaaa"), re.match(r"a{0}", "a").group())
print(re.findall(r"\Bb", "ab b"), re.findall(r"\bb", "ab b"), re.findall(r"^$", ""), re.findall(r"(?m)^$", "a\n\nb"))
print(re.compile(r"(?i)x").flags == re.I | re.U, re.compile(r"(?ms)x").flags & re.M != 0, re.I, re.M, re.S, re.X, re.A, re.U)
for bad in ["(", "a)", "[a", "\\", "\\q", "(?P<1a>x)", "(?P<a>x)(?P<a>y)", "a(?i)b", "(?<x>a)",
            "a{2,1}", "\\x4", "\\777", "a**", "*a", "(?z)", "[z-a]", "(?#x", "[]", "(?P", "+"]:
    try:
        re.compile(bad)
        print("compiled", bad)
    except re.error as e:
        print("error:", e, "|", e.msg, e.pos)
try:
    re.compile("a\n(b")
except re.error as e:
    print(e, e.lineno, e.colno)
for bad_call in [lambda: re.search("a", b"a"), lambda: re.search(b"a", "a"), lambda: re.compile(re.compile("a"), re.I)]:
    try:
        bad_call()
    except (TypeError, ValueError) as e:
        print("error:", e)
print(re.compile(re.compile("abc")).pattern, re.compile("a") == re.compile("a"), re.compile("a") == re.compile("a", re.I))
