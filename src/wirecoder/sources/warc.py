"""WARC archives (plain or record-gzipped): one document per HTML or text response.

Records are read one at a time from the file stream, each payload capped at
`max_bytes`, so memory stays bounded however large the archive is. warcio is lenient
about damage (it reads a truncated record as a short one), so truncation is checked
here: a record that ends before its Content-Length, or data after the last readable
record, stops the archive with E010; documents yielded before stay yielded.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from wirecoder.errors import InputError
from wirecoder.model import ContentKind
from wirecoder.sources.base import Item, SourceLimits, failure, too_large
from wirecoder.sources.decode import parse_content_type, to_document

_MAGIC = b"WARC/"
_GZIP_MAGIC = b"\x1f\x8b"
_DOCUMENT_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
_DRAIN_BLOCK = 1 << 16
_READ_ERRORS = (
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    EOFError,
    ValueError,
    zlib.error,
    OSError,
)


def read_warc(path: str, *, limits: SourceLimits) -> Iterator[Item]:
    with open(path, "rb") as stream:
        _check_magic(stream, path)
        size = stream.seek(0, io.SEEK_END)
        stream.seek(0)
        archive = ArchiveIterator(stream)
        records = iter(archive)
        while True:
            try:
                with _quiet():
                    record = next(records, None)
                    if record is None:
                        break
                    item = _record_item(record, path=path, offset=archive.offset, limits=limits)
            except _READ_ERRORS as exc:
                raise _broken(path, exc) from None
            if item is not None:
                yield item
        if archive.offset < size:
            reason = f"truncated or corrupt data at byte {archive.offset}"
            raise InputError("E010", source=path, reason=reason)


def _check_magic(stream: BinaryIO, path: str) -> None:
    head = stream.read(len(_MAGIC))
    if not head:
        raise InputError("E002", source=path)
    if head.startswith(_GZIP_MAGIC):
        stream.seek(0)
        try:
            head = gzip.GzipFile(fileobj=stream).read(len(_MAGIC))
        except (OSError, EOFError, zlib.error):
            head = b""
    stream.seek(0)
    if head != _MAGIC:
        reason = "not a WARC file: it does not start with a WARC/ record"
        raise InputError("E010", source=path, reason=reason)


def _record_item(record: Any, *, path: str, offset: int, limits: SourceLimits) -> Item | None:
    """The record's document, failure, or None when it holds no article; reads it through."""
    if record.format != "warc" or record.rec_type is None:
        raise ValueError(f"unreadable record header at byte {offset}")
    record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
    source = f"{path}#{record_id or offset}"
    item: Item | None = None
    media_type, charset = _payload_type(record)
    if media_type in _DOCUMENT_TYPES:
        payload = record.content_stream().read(limits.max_bytes + 1)
        if len(payload) > limits.max_bytes:
            item = failure(too_large(source, limits))
        else:
            url = record.rec_headers.get_header("WARC-Target-URI")
            kind: ContentKind = "text" if media_type == "text/plain" else "html"
            try:
                item = to_document(payload, source=source, kind=kind, charset=charset, url=url)
            except InputError as exc:
                item = failure(exc)
    raw = record.raw_stream
    while raw.read(_DRAIN_BLOCK):
        pass
    if getattr(raw, "limit", 0) > 0:
        raise ValueError(f"record {record_id or offset} is truncated")
    return item


def _payload_type(record: Any) -> tuple[str, str | None]:
    """Media type and charset of a successful HTTP response record, else ("", None)."""
    if record.rec_type != "response" or record.http_headers is None:
        return "", None
    # Redirects and error pages are archived too; they are not articles.
    if not str(record.http_headers.get_statuscode()).startswith("2"):
        return "", None
    return parse_content_type(record.http_headers.get_header("Content-Type"))


def _broken(path: str, exc: Exception) -> InputError:
    reason = " ".join(str(exc).split())[:200] or type(exc).__name__
    return InputError("E010", source=path, reason=reason)


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    # warcio writes warnings about damaged records straight to stderr; the damage is
    # reported through E010 instead.
    with contextlib.redirect_stderr(io.StringIO()):
        yield
