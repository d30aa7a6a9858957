"""Read every kind of input into `RawDocument` records, lazily, one spec after another.

A spec is `-` (stdin), an http(s) URL, a file, a directory (walked recursively) or a
glob. Files are read by extension: `.jsonl`/`.ndjson`, `.warc`/`.warc.gz`,
`.rss`/`.atom`/`.xml` feeds, `.html`/`.htm`/`.xhtml`; anything else is sniffed as HTML,
feed or plain text. An input that cannot be read becomes a `SourceFailure` in the
stream and the run goes on; items inside containers (JSONL lines, WARC records, feed
entries) fail one by one.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO

import httpx

from wirecoder.errors import InputError
from wirecoder.model import RawDocument, SourceFailure
from wirecoder.sources.base import Item, SourceLimits, failure, too_large
from wirecoder.sources.decode import sniff, to_document
from wirecoder.sources.feeds import read_feed
from wirecoder.sources.fetch import Fetcher, classify, is_http_url
from wirecoder.sources.files import expand_glob, is_glob, read_path, walk

__all__ = ["SourceLimits", "read_sources"]

_URL_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_DEFAULT_LIMITS = SourceLimits()


def read_sources(
    specs: Iterable[str],
    *,
    limits: SourceLimits = _DEFAULT_LIMITS,
    client: httpx.Client | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[RawDocument | SourceFailure]:
    """Yield the documents of every spec in order, and a failure for each bad input.

    Never raises for a bad input. Without `client`, one is made when the first URL is
    met and closed when the iterator ends.
    """
    fetcher = Fetcher(limits, client)
    try:
        for spec in specs:
            yield from _read_spec(spec, limits=limits, fetcher=fetcher, stdin=stdin)
    finally:
        fetcher.close()


def _read_spec(
    spec: str, *, limits: SourceLimits, fetcher: Fetcher, stdin: BinaryIO | None
) -> Iterator[Item]:
    if spec == "-":
        yield from _guarded(spec, _read_stdin(stdin, limits=limits, fetcher=fetcher))
    elif _URL_SCHEME.match(spec):
        if is_http_url(spec):
            yield from _guarded(spec, _read_url(spec, limits=limits, fetcher=fetcher))
        else:
            yield _failure("E013", spec, reason="only http:// and https:// URLs are read")
    elif os.path.isdir(spec):
        yield from _read_paths(spec, walk(spec), limits=limits, fetcher=fetcher)
    elif os.path.exists(spec):
        yield from _guarded(spec, read_path(spec, limits=limits, fetcher=fetcher))
    elif is_glob(spec):
        yield from _read_paths(spec, expand_glob(spec), limits=limits, fetcher=fetcher)
    else:
        yield _failure("E001", spec)


def _read_paths(
    spec: str, paths: Iterator[str | Item], *, limits: SourceLimits, fetcher: Fetcher
) -> Iterator[Item]:
    try:
        for path in paths:
            if isinstance(path, str):
                yield from _guarded(path, read_path(path, limits=limits, fetcher=fetcher))
            else:
                yield path
    except InputError as exc:
        yield failure(exc)
    except OSError as exc:
        yield _failure("E015", spec, reason=exc.strerror or str(exc))


def _guarded(source: str, items: Iterator[Item]) -> Iterator[Item]:
    """Pass items through, turning the error that stops `items` into a final failure."""
    try:
        yield from items
    except InputError as exc:
        yield failure(exc)
    except OSError as exc:
        yield _failure("E015", source, reason=exc.strerror or str(exc))


def _failure(code: str, source: str, **fields: object) -> Item:
    return failure(InputError(code, source=source, **fields))


def _read_stdin(
    stream: BinaryIO | None, *, limits: SourceLimits, fetcher: Fetcher
) -> Iterator[Item]:
    data = (stream or sys.stdin.buffer).read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        raise too_large("-", limits)
    if sniff(data) == "feed":
        yield from read_feed(data, source="-", limits=limits, fetcher=fetcher)
    else:
        yield to_document(data, source="-")


def _read_url(url: str, *, limits: SourceLimits, fetcher: Fetcher) -> Iterator[Item]:
    response = fetcher.get(url)
    payload = classify(response, source=url)
    if payload == "feed":
        yield from read_feed(
            response.body,
            source=url,
            limits=limits,
            fetcher=fetcher,
            base_url=response.url,
            content_type=response.content_type,
        )
    else:
        yield to_document(
            response.body, source=url, kind=payload, charset=response.charset, url=response.url
        )
