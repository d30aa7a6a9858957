"""JSON Lines: one document per line, read as a stream so files of any size work.

Each line is an object with `text` or `html` (`text` wins when both are filled, as it
is already extracted) and optional string fields `url`, `title` and `published`.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import BinaryIO

from wirecoder.errors import InputError
from wirecoder.model import ContentKind, RawDocument
from wirecoder.sources.base import Item, SourceLimits, failure, too_large

_CONTENT_FIELDS: tuple[tuple[str, ContentKind], ...] = (("text", "text"), ("html", "html"))
_OPTIONAL_FIELDS = ("url", "title", "published")
_SKIP_BLOCK = 1 << 16


def read_jsonl(path: str, *, limits: SourceLimits) -> Iterator[Item]:
    """Yield a document or a failure per non-blank line (`path#L<n>`); E002 if none."""
    seen_any = False
    with open(path, "rb") as stream:
        for number, line in enumerate(_bounded_lines(stream, limits.max_bytes), start=1):
            source = f"{path}#L{number}"
            if line is None:
                seen_any = True
                yield failure(too_large(source, limits))
                continue
            if number == 1:
                line = line.removeprefix(codecs.BOM_UTF8)
            if not line.strip():
                continue
            seen_any = True
            try:
                yield _document(line, path=path, number=number)
            except InputError as exc:
                yield failure(exc, source)
    if not seen_any:
        raise InputError("E002", source=path)


def _bounded_lines(stream: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """Lines of at most `limit` bytes; None stands for a longer line, which is skipped."""
    while line := stream.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        while (rest := stream.readline(_SKIP_BLOCK)) and not rest.endswith(b"\n"):
            pass
        yield None


def _document(line: bytes, *, path: str, number: int) -> RawDocument:
    def bad(reason: str) -> InputError:
        return InputError("E009", source=path, line=number, reason=reason)

    try:
        record = json.loads(line)
    except UnicodeDecodeError:
        raise bad("not valid UTF-8") from None
    except json.JSONDecodeError as exc:
        raise bad(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise bad(f"expected a JSON object, got {type(record).__name__}")
    fields = {}
    for name in (*(key for key, _ in _CONTENT_FIELDS), *_OPTIONAL_FIELDS):
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise bad(f"field {name!r} must be a string")
        fields[name] = value
    present = [key for key, _ in _CONTENT_FIELDS if fields[key] is not None]
    if not present:
        raise bad("no 'text' or 'html' field")
    for key, kind in _CONTENT_FIELDS:
        content = fields[key]
        if content is not None and content.strip():
            return RawDocument(
                f"{path}#L{number}",
                content,
                kind,
                url=fields["url"],
                title=fields["title"],
                published=fields["published"],
            )
    raise bad(f"field {present[0]!r} is empty")
