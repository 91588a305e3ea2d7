# base64 encodings and their decoders on valid input.
import base64

for data in [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", b"\x00\xff\xfe\xfd"]:
    enc = base64.b64encode(data)
    print(data, enc, base64.b64decode(enc) == data, base64.b32encode(data), base64.b16encode(data))
print(base64.b64decode("Zm9vYmFy"), base64.b64decode(b"Zm9v\nYmFy"), base64.b64decode("Zm9vYg=="))
print(base64.standard_b64encode(b"\xfb\xff"), base64.standard_b64decode(b"+/8="))
print(base64.urlsafe_b64encode(b"\xfb\xff\xfe"), base64.urlsafe_b64decode("-__-"), base64.urlsafe_b64decode(b"-_8="))
print(base64.b64encode(b"\xff\xfe", altchars=b"-_"), base64.b64decode(b"__4=", altchars=b"-_"))
print(base64.b32decode(b"MFRGGZDFGE======"), base64.b32decode("mfrggzdfge======", casefold=True))
print(base64.b32decode(b"ME======"), base64.b32decode(b"MFRA===="), base64.b32decode(b"MFRGG==="), base64.b32decode(b"MFRGGZA="))
print(base64.b32decode(b"0O======", map01=b"L") == base64.b32decode(b"OO======"))
print(base64.b32hexencode(b"abc"), base64.b32hexdecode(b"C5H66==="))
print(base64.b16decode("ABCD"), base64.b16decode(b"abcd", casefold=True), base64.b16encode(b"\x01\xab"))
text = bytes([120] * 100)
lines = base64.encodebytes(text)
print(lines)
print(base64.decodebytes(lines) == text, base64.encodebytes(b""), base64.decodebytes(b"eHh4\neHh4\n"))
print(base64.b64decode("Y Q = ="), base64.b64decode(b"YQ==YQ=="), base64.b64decode(b"=YQ=="), base64.b64decode(b"YQ==\n"))
print(base64.b64decode(b"Y!Q=="), base64.b64decode(b"YWJjZA==x"), base64.b64decode(b"===="), base64.b64decode(b"YQ==="))
token = "dXNlcjpzZWNyZXQ="
print(base64.b64decode(token), base64.b64decode(token, validate=True))
