# base64 errors: binascii.Error (a ValueError) with CPython's messages.
import base64
import binascii

cases = [b"YWJ", b"YW", b"Y", b"YQ=", b"YQ", b"Y Q = =", b"YQ==YQ==", b"=YQ==", b"YQ==\n", b"Y!Q==",
         b"YWJjZA==x", b"YW=J", b"====", b"YQ===", b"YWJjZGVm\nZ2g=", b"YWJjY"]
for data in cases:
    for validate in (False, True):
        try:
            print(data, validate, base64.b64decode(data, validate=validate))
        except binascii.Error as e:
            print(data, validate, "Error:", e)
for bad in [b"MFRGGZDFGE=====", b"MFRGGZDFG1======", b"mfrggzdfge======", b"MFRGGZDFGE=", b"M======="]:
    try:
        print(base64.b32decode(bad))
    except binascii.Error as e:
        print("Error:", e)
for bad in ["abcd", "ABC", "XY"]:
    try:
        print(base64.b16decode(bad))
    except binascii.Error as e:
        print("Error:", e)
try:
    base64.b64decode("\u00e9\u00e9")
except ValueError as e:
    print("ValueError:", e)
try:
    base64.b64encode("text")
except TypeError as e:
    print("TypeError:", e)
try:
    base64.b64decode(5)
except TypeError as e:
    print("TypeError:", e)
try:
    base64.b64decode(b"YWJ")
except ValueError as e:
    print("caught as ValueError:", e)
