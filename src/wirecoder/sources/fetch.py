"""HTTP(S) fetching with a size cap, and what a response holds (page, text or feed)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import httpx

from wirecoder.errors import InputError
from wirecoder.model import ContentKind, RawDocument
from wirecoder.sources.base import SourceLimits, too_large
from wirecoder.sources.decode import parse_content_type, sniff, to_document

Payload = Literal["html", "text", "feed"]

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
    }
)
# Servers label unknown files with these; the bytes decide what they are.
_UNLABELLED = frozenset({"", "application/octet-stream"})


@dataclass(frozen=True, slots=True)
class Response:
    url: str
    body: bytes
    media_type: str
    charset: str | None

    @property
    def content_type(self) -> str:
        return self.media_type + (f"; charset={self.charset}" if self.charset else "")


def is_http_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


class Fetcher:
    """GETs URLs through one client: the caller's, or one made on first use and closed here."""

    def __init__(self, limits: SourceLimits, client: httpx.Client | None = None) -> None:
        self._limits = limits
        self._client = client
        self._owned: httpx.Client | None = None

    def _get_client(self) -> httpx.Client:
        if self._client is None:
            self._owned = self._client = httpx.Client(
                follow_redirects=True,
                max_redirects=self._limits.max_redirects,
                timeout=self._limits.timeout,
                headers={"User-Agent": self._limits.user_agent},
            )
        return self._client

    def close(self) -> None:
        if self._owned is not None:
            self._owned.close()
            self._owned = self._client = None

    def get(self, url: str) -> Response:
        """The body of `url` after redirects; raise E005/E006/E007."""
        limits = self._limits
        try:
            with self._get_client().stream("GET", url, follow_redirects=True) as response:
                if response.status_code >= 400:
                    raise InputError("E007", source=url, status=response.status_code)
                declared = response.headers.get("Content-Length", "")
                if declared.isdigit() and int(declared) > limits.max_bytes:
                    raise too_large(url, limits)
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > limits.max_bytes:
                        raise too_large(url, limits)
                    chunks.append(chunk)
                media_type, charset = parse_content_type(response.headers.get("Content-Type"))
                return Response(str(response.url), b"".join(chunks), media_type, charset)
        except httpx.TooManyRedirects:
            raise InputError("E006", source=url, reason="too many redirects") from None
        except httpx.TimeoutException:
            reason = f"timed out after {limits.timeout:g} s"
            raise InputError("E006", source=url, reason=reason) from None
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            raise InputError("E006", source=url, reason=_describe(exc)) from None


def _describe(exc: Exception) -> str:
    return str(exc) or type(exc).__name__


def classify(response: Response, *, source: str) -> Payload:
    """What a response is, from its Content-Type and its first bytes; raise E013."""
    sniffed = sniff(response.body)
    media = response.media_type
    if sniffed == "feed":
        return "feed"
    if media in HTML_TYPES:
        return "html"
    if media == "text/plain":
        return "text"
    if media in FEED_TYPES:
        # XHTML is served as XML too; anything else XML was meant to be a feed.
        return "html" if sniffed == "html" else "feed"
    if media in _UNLABELLED or media.startswith("text/"):
        return sniffed
    raise InputError("E013", source=source, reason=f"content type {media}")


def page_document(
    response: Response,
    *,
    source: str,
    title: str | None = None,
    published: str | None = None,
) -> RawDocument:
    """A fetched article page as a document; raise E013 when it is a feed or not text."""
    payload = classify(response, source=response.url)
    if payload == "feed":
        raise InputError("E013", source=response.url, reason="a feed, not an article page")
    kind: ContentKind = payload
    return to_document(
        response.body,
        source=source,
        kind=kind,
        charset=response.charset,
        url=response.url,
        title=title,
        published=published,
    )
