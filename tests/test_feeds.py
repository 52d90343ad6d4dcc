"""RSS/Atom feeds (chorus/feeds.py)."""

from __future__ import annotations

import pytest

from chorus.errors import ChorusInputError
from chorus.feeds import html_to_text, looks_like_feed, parse_feed, read_feed

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Island Gazette</title>
  <link>https://gazette.example.com/</link>
  <item>
    <title>Quake kills two on Kos</title>
    <link>https://gazette.example.com/quake</link>
    <guid>gazette-quake-1</guid>
    <pubDate>Fri, 21 Jul 2017 08:30:00 GMT</pubDate>
    <description>Short teaser.</description>
    <content:encoded><![CDATA[<p>A magnitude 6.1 earthquake struck <b>Kos</b> on Friday.</p>
      <p>Two tourists died &amp; dozens were hurt.</p>
      <script>alert(1)</script>]]></content:encoded>
  </item>
  <item>
    <title>Ferry services resume</title>
    <link>https://gazette.example.com/ferry</link>
    <description>&lt;p&gt;Ferries to Kos sailed again on Saturday.&lt;/p&gt;</description>
  </item>
  <item><title></title><description></description></item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Tech Wire</title>
  <link href="https://techwire.example.org/"/>
  <id>urn:techwire</id>
  <updated>2012-06-11T18:00:00Z</updated>
  <entry>
    <title>Apple unveils Retina MacBook Pro</title>
    <id>urn:techwire:1</id>
    <link href="https://techwire.example.org/1"/>
    <published>2012-06-11T17:05:00Z</published>
    <summary type="html">&lt;p&gt;Apple showed a new laptop.&lt;/p&gt;</summary>
    <content type="html">&lt;p&gt;Apple unveiled a MacBook Pro with a Retina display in San Francisco.&lt;/p&gt;
      &lt;p&gt;It costs $2,199.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def test_rss_entries_become_documents(tmp_path):
    path = tmp_path / "gazette.rss"
    path.write_text(RSS, encoding="utf-8")
    docs = read_feed(path)
    assert [d.title for d in docs] == ["Quake kills two on Kos", "Ferry services resume"]
    quake = docs[0]
    assert quake.id == "gazette-quake-1"
    assert quake.date == "2017-07-21 08:30"
    assert quake.source == "Island Gazette"
    assert "Kos on Friday." in quake.text and "Two tourists died & dozens were hurt." in quake.text
    assert "<" not in quake.text and "alert" not in quake.text
    assert docs[1].id == "https://gazette.example.com/ferry"
    assert docs[1].text == "Ferries to Kos sailed again on Saturday."


def test_atom_entry_prefers_longer_content(tmp_path):
    path = tmp_path / "tech.atom"
    path.write_text(ATOM, encoding="utf-8")
    (doc,) = read_feed(path)
    assert doc.id == "urn:techwire:1"
    assert doc.date == "2012-06-11 17:05"
    assert doc.source == "Tech Wire"
    assert doc.text.split("\n\n") == ["Apple unveiled a MacBook Pro with a Retina display in San Francisco.", "It costs $2,199."]


def test_not_a_feed_is_an_input_error(tmp_path):
    assert looks_like_feed(RSS.encode()) and looks_like_feed(ATOM.encode())
    assert not looks_like_feed(b"<html><body><p>hi</p></body></html>")
    with pytest.raises(ChorusInputError):
        parse_feed(b"just some words, no feed", "plain.xml")
    with pytest.raises(ChorusInputError):
        read_feed(tmp_path / "missing.rss")


def test_html_to_text_keeps_paragraphs():
    assert html_to_text("<p>One &amp; two.</p><p>Three</p>") == "One & two.\n\nThree"
