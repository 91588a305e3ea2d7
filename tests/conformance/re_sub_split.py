# re.sub, subn, split, escape and replacement templates.
import re

print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "me@home you@work"), re.sub("x*", "-", "abxd"), re.subn("a", "b", "aaa", count=2))
print(re.sub(r"(?P<n>\d)", r"<\g<n>\g<0>\g<1>>", "a1b2"), re.sub(r"\d", lambda m: str(int(m.group()) * 2), "a1b7"))
print(re.sub("a", r"\n", "a") == "\n", re.sub("a", r"\t|\\|\-", "a"), re.sub("(a)|b", r"[\1]", "ab"))
print(re.sub(r"\s+", " ", "  lots   of\n\tspace  "), re.sub(r"^\s+|\s+$", "", "  trim me  "))
print(re.sub("", "-", "abc"), re.sub("b*", "-", "abc"), re.sub("x", "y", ""), re.subn("", "-", "ab"))
print(re.sub(r"(\d+)", lambda m: "<" + m.group(1) + ">", "a 12 b 345"), re.sub("a", "b", "aaa", 1))
print(re.compile(r"(\d)").sub(r"[\1]", "a1"), re.compile("o").subn("0", "foo boo"))
print(re.sub(r"(?i)HELLO", "bye", "hello Hello HELLO"), re.sub("a", "b", "AaA", flags=re.I))
print(re.split(r"\W+", "Words, words, words."), re.split(r"(\W+)", "Words, words."), re.split(r"\W+", "a b c", maxsplit=1))
print(re.split(r"\b", "a b"), re.split("x*", "axbc"), re.split(r"(,)|(;)", "a,b;c"), re.split("z", "abc"))
print(re.split(r"\s*,\s*", "a , b,c ,d"), re.split("(?m)^", "a\nb\nc"), re.split(r"[;,]", ";a;;b,"))
print(re.escape("a.b*c?d e-f_g"), re.escape("100% [sure] {x} ^$|\\"), re.escape("caf\u00e9"))
print(re.escape(b"a.b"), re.findall(re.escape("1+1=2"), "is 1+1=2?"))
print(re.sub(rb"\xff", b"!", b"a\xffb"), re.findall(rb"\d", b"a1\xff2"), re.split(rb",", b"x,y"))
pairs = re.findall(r"(\w+)=(\w+)", "a=1, b=22, c=333")
print(pairs, len(pairs))
template = "Hello {name}, you are {age}"
print(re.sub(r"\{(\w+)\}", lambda m: {"name": "Ann", "age": "30"}[m.group(1)], template))
slug = re.sub(r"[^\w]+", "-", "Hello, World! Caf\u00e9")
print(slug)
print(re.sub(r"[\W_]+", "-", "H\u00e9llo, W\u00f6rld_x!"), re.findall(r"[^\W\d]+", "ab1cd \u00e92"))
m = re.search(r"(?P<k>\w+):(?P<v>\w+)", "key:val")
print(m.expand(r"\g<v>=\g<k>"), m.expand(r"\2-\1"))
for bad in [r"\g<x>", r"\3", r"\g<1", r"\q"]:
    try:
        re.sub(r"(a)(b)", bad, "ab")
    except (re.error, IndexError) as e:
        print("error:", e)
