# urllib.parse URL structure: urlsplit, urlparse, unsplit, join, defrag.
import urllib.parse
from urllib.parse import urljoin, urlparse, urlsplit, urlunsplit

r = urlsplit("https://user:pw@Example.COM:8443/p/a;x?q=1&r=2#frag")
print(r.scheme, r.netloc, r.path, r.query, r.fragment)
print(r.hostname, r.port, r.username, r.password)
print(r)
print(r.geturl())
print(r[0], r[4], len(r), tuple(r) == ("https", "user:pw@Example.COM:8443", "/p/a;x", "q=1&r=2", "frag"))
scheme, netloc, path, query, fragment = r
print(scheme, netloc, path, query, fragment)
print(r._replace(fragment="").geturl())
for url in ["HTTP://x", "mailto:a@b", "//host/p", "path?x#y", "a:b", "1a:b", "http:/x",
            " \thttp://x\n/y", "http://[::1]:80/", "file:///etc/x", "http://h:/", "/only/path",
            "http://a.b/p?q#f#g", "http://user@host", "http://[fe80::1%25eth0]:8080/"]:
    s = urlsplit(url)
    print(s.scheme, s.netloc, s.path, s.query, s.fragment, s.hostname, s.port, s.username)
print(urlsplit("http://h/p#f", allow_fragments=False))
print(urlsplit("//h/p", scheme="https").scheme)
try:
    urlsplit("http://[::1/")
except ValueError as e:
    print("ValueError:", e)
for url in ["http://h:abc/", "http://h:99999/"]:
    try:
        urlsplit(url).port
    except ValueError as e:
        print("ValueError:", e)
p = urlparse("http://h/a;b/c;d?x")
print(p)
print(p.params, p.geturl())
print(urlparse("http://h/p;params?q"))
print(urlunsplit(("http", "h", "p", "q", "f")), urlunsplit(("http", "", "p", "", "")))
print(urlunsplit(("mailto", "", "a@b", "", "")), urlunsplit(("", "", "//x", "", "")))
print(urllib.parse.urlunparse(("https", "h", "/p", "a=1", "q", "")))
base = "http://a/b/c/d;p?q"
for ref in ["g:h", "g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s", "g?y#s", ";x",
            "g;x", "", ".", "./", "..", "../", "../g", "../..", "../../", "../../g",
            "../../../g", "/./g", "/../g", "g.", ".g", "g..", "..g", "./../g", "./g/.",
            "g/./h", "g/../h", "g;x=1/./y", "g;x=1/../y"]:
    print(repr(ref), urljoin(base, ref))
print(urljoin("http://a/b/", "c//d"), urljoin("http://a/b", "https://x/y"), urljoin("", "x"))
print(urljoin("http://a/b/c", ""), urljoin("https://h/dir/page.html", "img/x.png"))
print(urllib.parse.urldefrag("http://x/y#z"), urllib.parse.urldefrag("http://x/y"))
print(urllib.parse.urldefrag("http://x/y#z").geturl())
