# json errors: JSONDecodeError messages and attributes, encoder errors.
import json
from collections import OrderedDict

bad = ['', ' ', '[1,]', '{"a":1,}', '{"a" 1}', '{a:1}', '[1 2]', '"abc', '"a\nb"',
       '"\\x"', '"\\u12"', '"\\u"', '01', '1.', '-', '-x', 'nul', 'tru', '{"a":1', '[',
       '{"a":1}}', '[1]x', '{"a":', '{"a"', '{', '{"a":1 "b":2}', '[1,2', '"\\',
       '[1,\n 2,\n x]', '\ufeff1', '{"a": [1, 2}', '  [1] 2']
for text in bad:
    try:
        json.loads(text)
        print("no error for", json.dumps(text))
    except json.JSONDecodeError as e:
        print(json.dumps(text), "->", e, "|", e.msg, e.pos, e.lineno, e.colno)

try:
    json.loads("[")
except ValueError as e:
    print("caught as ValueError:", e)
print(isinstance(json.JSONDecodeError("m", "d", 0), json.JSONDecodeError))

err = json.JSONDecodeError("Custom", "ab\ncd", 4)
print(err, "|", err.msg, err.pos, err.lineno, err.colno)

try:
    json.loads(5)
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps(OrderedDict([((1, 2), 3)]))
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps([float("nan")], allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
try:
    json.dumps(OrderedDict([(1, "a"), ("b", 2)]), sort_keys=True)
except TypeError as e:
    print("TypeError:", e)
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print("ValueError:", e)
d = {}
d["self"] = d
try:
    json.dumps(d)
except ValueError as e:
    print("ValueError:", e)
try:
    json.dumps(1, bogus=1)
except TypeError as e:
    print("TypeError:", e)
