# html.escape and html.unescape.
import html
import json

print(html.escape("<a href=\"x\">'&'</a>"))
print(html.escape("\"<>\"", quote=False), html.escape(""), html.escape("plain text"))
print(html.escape("&amp; already"), html.escape("caf\u00e9 & \u20ac"))
for text in ["&amp;&lt;&gt;&quot;&#39;&#x27;", "&ampx &amp-x &notit; &notin; &copy2024",
             "&#65;&#x41 &#97 &#X62;", "&#0;|&#13;|&#128;|&#x80;|&#1;|&#xd800;|&#x110000;",
             "&#xfffe;|&#x1fffe;|&#xfdd0;|&#127;|&#159;|&#11;|&#12;",
             "&unknown; & &; &# &#x &#xZ", "a&b", "&AMP &AMPx &lt&gt",
             "&CounterClockwiseContourIntegral; &NotNestedGreaterGreater;",
             "&#99999999999999999999;", "&Eacute&eacute; &frac12&frac12; &nbsp;",
             "&hellip; &mdash; &rsquo; &euro; &trade; &apos;", "&amp;amp;", "&#x1F600;",
             "&lta &LT; &Lt; &gt=1", "&amp;&"]:
    print(json.dumps(html.unescape(text)))
round_trip = "<p class=\"c\">Tom & 'Jerry'</p>"
print(html.unescape(html.escape(round_trip)) == round_trip)
