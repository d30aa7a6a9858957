"""HTML pages go through trafilatura; page furniture is listed, not lost."""

from __future__ import annotations

import pytest

import wirecoder
from wirecoder.errors import InputError
from wirecoder.model import RawDocument
from wirecoder.pipeline import code_raw

PAGE = """<!DOCTYPE html>
<html><head><title>Ministers meet in Vienna | Example Wire</title>
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2011-03-05T10:00:00Z">
<meta property="og:site_name" content="Example Wire"></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies</div>
<article>
<h1>Ministers meet in Vienna</h1>
<p>VIENNA, March 5 (Reuters) - The foreign ministers of Austria and Hungary met on Saturday
in Vienna to discuss a dispute over river pollution, officials said.</p>
<p>"We had a frank and constructive meeting," the Austrian minister told reporters after the
talks, which lasted four hours and covered a wide range of topics.</p>
<p>The two sides agreed to meet again in April, according to a joint statement released
after the meeting by both foreign ministries.</p>
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Storm hits coast</a></li></ul></aside>
<footer>&copy; 2011 Example Wire. All rights reserved.</footer>
</body></html>"""


def test_html_article_fields() -> None:
    doc = wirecoder.code(PAGE, url="https://wire.example.org/vienna")
    art = doc.article
    assert art.title == "Ministers meet in Vienna"
    assert art.authors == ("Jane Roe",)
    assert art.published == "2011-03-05"
    assert art.site == "Example Wire"
    assert art.dateline.place == "Vienna"
    assert art.dateline.agency == "Reuters"
    assert art.dateline.date == "2011-03-05"
    assert art.text.startswith("The foreign ministers of Austria and Hungary met")
    assert "Accept all cookies" not in art.text
    assert "All rights reserved" not in art.text
    assert art.language == "en"


def test_html_furniture_kept_as_removed() -> None:
    removed = wirecoder.code(PAGE).article.removed
    furniture = " ".join(r.text for r in removed if r.reason == "page_furniture")
    assert "Accept all cookies" in furniture
    assert "All rights reserved" in furniture
    assert any(r.reason == "dateline" for r in removed)


def test_malformed_html_is_handled() -> None:
    broken = "<html><body><p>Unclosed <b>bold <div><p>" + "<td>" * 50
    with pytest.raises(InputError, match=r"E011|E012"):
        code_raw(RawDocument(source="broken.html", content=broken, kind="html"))


def test_malformed_but_readable_html_still_extracts() -> None:
    body = " ".join(["The parliament voted on Tuesday to extend the mission."] * 6)
    broken = f"<html><body><div><p>{body}<p>{body}</div></span></table>"
    doc = code_raw(RawDocument(source="x.html", content=broken, kind="html"))
    assert "parliament voted" in doc.article.text


def test_published_argument_used_when_document_has_no_date() -> None:
    text = "Officials in Nairobi said on Monday that the talks would resume next week."
    assert wirecoder.code(text, published="2015-06-01").article.published == "2015-06-01"


def test_short_menu_item_also_in_body_is_furniture() -> None:
    page = PAGE.replace('<li><a href="/world">World</a></li>', "<li><a>Hungary</a></li>")
    removed = wirecoder.code(page).article.removed
    assert "Hungary" in [r.text for r in removed if r.reason == "page_furniture"]
