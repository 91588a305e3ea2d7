# str case conversion and character classification.

words = ["hello World", "ALL CAPS", "they're bill's friends", "123abc", "",
         "stra\u00dfe", "\u00c9COLE", "\u03a3\u0399\u03a3\u03a5\u03a6\u039f\u03a3", "o'neil mc-donald", "tItLe cAsE"]
for w in words:
    print(repr(w), repr(w.lower()), repr(w.upper()), repr(w.title()))
    print("  ", repr(w.capitalize()), repr(w.swapcase()), repr(w.casefold()))

samples = ["abc", "ABC", "Abc", "aBC", "123", "\u00b2", "\u0663", "12.5", "a1", " \t\n", "",
           "\u00e9t\u00e9", "Hello World", "Hello world", "_id", "2fast", "with space",
           "\u2167", "\x1c", "tab\there", "\u00bd"]
for s in samples:
    print(repr(s), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalpha(), s.isalnum(),
          s.isspace(), s.isupper(), s.islower(), s.istitle(), s.isidentifier(), s.isprintable(), s.isascii())

print(str.upper("abc"), list(map(str.lower, ["A", "B"])), list(map(str.strip, [" a ", "b "])))
print("\u0130".lower() == "i\u0307", "\ufb01".upper(), "\u00df".title())
