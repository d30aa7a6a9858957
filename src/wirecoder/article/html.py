"""HTML pages through trafilatura: body text and metadata, plus what the page held besides.

trafilatura decides what the article is (it leads public extraction benchmarks); we
only list the page's other visible lines as removed `page_furniture`, so that nothing
disappears silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import Document

_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
        "button",
        "label",
        "option",
    ]
)
_INVISIBLE = ("script", "style", "noscript", "template", "svg", "head")
# A page whose "article" is a few stray words is a broken page, not a story.
MIN_ARTICLE_WORDS = 5


@dataclass(frozen=True, slots=True)
class HtmlExtract:
    text: str
    title: str | None
    authors: tuple[str, ...]
    published: str | None
    site: str | None
    url: str | None
    furniture: tuple[str, ...]


def extract_html(html: str, *, url: str | None = None) -> HtmlExtract | None:
    """The article in an HTML page, or None when trafilatura finds none."""
    result = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        deduplicate=False,
    )
    if not isinstance(result, Document) or len((result.text or "").split()) < MIN_ARTICLE_WORDS:
        return None
    text = str(result.text)
    authors = tuple(a.strip() for a in re.split(r";|\band\b", result.author or "") if a.strip())
    return HtmlExtract(
        text=text,
        title=result.title or None,
        authors=authors,
        published=result.date or None,
        site=result.sitename or result.hostname or None,
        url=result.url or url,
        furniture=tuple(_furniture_lines(html, text)),
    )


def _visible_lines(html: str) -> list[str]:
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    for element in root.iter(*_INVISIBLE):
        element.drop_tree()
    for element in root.iter(etree.Element):
        if isinstance(element.tag, str) and element.tag in _BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return [line for line in lines if line]


def _furniture_lines(html: str, body: str) -> list[str]:
    """Visible lines of the page that are not part of the extracted body."""
    body_key = " ".join(body.split())
    body_lines = {" ".join(line.split()) for line in body.split("\n")}
    seen: set[str] = set()
    furniture = []
    for line in _visible_lines(html):
        # A menu item such as "Kazakhstan" also occurs inside the body; only a line of
        # some length found in the body, or a whole body line, is body text.
        in_body = line in body_lines or (len(line.split()) >= 4 and line in body_key)
        if in_body or line in seen:
            continue
        seen.add(line)
        furniture.append(line)
    return furniture
