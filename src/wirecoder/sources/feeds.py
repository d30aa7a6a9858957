"""RSS and Atom feeds: one document per entry, from the linked page or the entry's content."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from typing import Any

import feedparser

from wirecoder.errors import InputError
from wirecoder.model import RawDocument
from wirecoder.sources.base import Item, SourceLimits, failure
from wirecoder.sources.decode import sniff
from wirecoder.sources.fetch import Fetcher, is_http_url, page_document


def read_feed(
    data: bytes,
    *,
    source: str,
    limits: SourceLimits,
    fetcher: Fetcher,
    base_url: str | None = None,
    content_type: str | None = None,
) -> Iterator[Item]:
    """Yield each entry of the feed in `data`, lazily; raise E008 when it is not a feed.

    Entries are named `<feed>#<n>` (1-based, in feed order).
    """
    if sniff(data) != "feed":
        reason = "no <rss>, <feed> or <rdf:RDF> root element"
        raise InputError("E008", source=source, reason=reason)
    headers = {}
    if base_url:
        # Lets feedparser resolve relative entry links against the feed's own URL.
        headers["content-location"] = base_url
    if content_type:
        headers["content-type"] = content_type
    # A stream, never bytes or str: feedparser treats a string as a path or URL to open.
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    entries: list[Any] = list(parsed.get("entries", []))
    if parsed.get("bozo") and not entries:
        reason = str(parsed.get("bozo_exception") or "unreadable XML")
        raise InputError("E008", source=source, reason=reason)
    for number, entry in enumerate(entries, start=1):
        yield _entry_item(entry, f"{source}#{number}", limits=limits, fetcher=fetcher)


def _entry_item(entry: Any, source: str, *, limits: SourceLimits, fetcher: Fetcher) -> Item:
    title = _string(entry.get("title"))
    published = _published(entry)
    # feedparser falls back to the entry id (often a `tag:` URI) when there is no link.
    link = _string(entry.get("link"))
    if link is not None and not is_http_url(link):
        link = None
    fetch_error: InputError | None = None
    if limits.fetch_feed_links and link is not None:
        try:
            return page_document(fetcher.get(link), source=source, title=title, published=published)
        except InputError as exc:
            fetch_error = exc
    content = _content(entry)
    if content:
        return RawDocument(source, content, "html", url=link, title=title, published=published)
    if fetch_error is not None:
        return failure(fetch_error, source)
    return failure(InputError("E002", source=source))


def _string(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _published(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        if key in entry and isinstance(entry[key], time.struct_time):
            return time.strftime("%Y-%m-%d", entry[key])
    return None


def _content(entry: Any) -> str | None:
    for part in entry.get("content") or ():
        if value := _string(part.get("value")):
            return value
    return _string(entry.get("summary"))
