"""From a raw document to a clean `Article` (HTML via trafilatura, text via our rules)."""

from __future__ import annotations

from datetime import date

from wirecoder.article.html import extract_html
from wirecoder.article.language import detect_language
from wirecoder.article.text import clean_text
from wirecoder.errors import InputError
from wirecoder.model import Article, RawDocument, Removed

__all__ = ["extract_article", "iso_date"]


def iso_date(value: str | None) -> date | None:
    """A YYYY-MM-DD prefix as a date, or None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def extract_article(raw: RawDocument) -> Article:
    """Clean one raw document. Raises InputError when no article text remains."""
    published = iso_date(raw.published)
    title = raw.title
    authors: tuple[str, ...] = ()
    site = None
    url = raw.url
    furniture: tuple[Removed, ...] = ()
    text = raw.content
    if raw.kind == "html":
        extract = extract_html(raw.content, url=raw.url)
        if extract is None:
            raise InputError("E011", source=raw.source)
        text = extract.text
        title = title or extract.title
        authors = extract.authors
        published = published or iso_date(extract.published)
        site = extract.site
        url = extract.url or url
        furniture = tuple(Removed(line, "page_furniture") for line in extract.furniture)
    cleaned = clean_text(text, title=title, published=published)
    body = "\n\n".join(cleaned.paragraphs)
    if not body.strip():
        raise InputError("E012", source=raw.source)
    dateline_date = iso_date(cleaned.dateline.date)
    published = published or dateline_date
    return Article(
        text=body,
        title=cleaned.title or title,
        authors=authors or cleaned.authors,
        published=published.isoformat() if published else None,
        dateline=cleaned.dateline,
        source=raw.source,
        url=url,
        site=site,
        language=detect_language(body),
        removed=furniture + tuple(cleaned.removed),
    )
