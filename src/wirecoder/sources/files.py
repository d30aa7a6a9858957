"""Local inputs: files by extension or content, directories walked lazily, and globs."""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Iterator

from wirecoder.errors import InputError
from wirecoder.model import ContentKind
from wirecoder.sources.base import Item, SourceLimits, failure, too_large
from wirecoder.sources.decode import sniff, to_document
from wirecoder.sources.feeds import read_feed
from wirecoder.sources.fetch import Fetcher
from wirecoder.sources.jsonl import read_jsonl
from wirecoder.sources.warc import read_warc

JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})
WARC_EXTENSIONS = frozenset({".warc", ".warc.gz"})
FEED_EXTENSIONS = frozenset({".rss", ".atom", ".xml"})
HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml"})
TEXT_EXTENSIONS = frozenset({".txt", ".text"})
# What a directory walk picks up; named files and glob matches are read whatever
# their extension.
KNOWN_EXTENSIONS = (
    JSONL_EXTENSIONS | WARC_EXTENSIONS | FEED_EXTENSIONS | HTML_EXTENSIONS | TEXT_EXTENSIONS
)
GLOB_CHARACTERS = frozenset("*?[")


def extension(path: str) -> str:
    name = os.path.basename(path).lower()
    if name.endswith(".warc.gz"):
        return ".warc.gz"
    return os.path.splitext(name)[1]


def is_glob(spec: str) -> bool:
    return any(char in GLOB_CHARACTERS for char in spec)


def read_path(path: str, *, limits: SourceLimits, fetcher: Fetcher) -> Iterator[Item]:
    """Every item in one file, chosen by extension and then by content."""
    ext = extension(path)
    if ext in JSONL_EXTENSIONS:
        yield from read_jsonl(path, limits=limits)
        return
    if ext in WARC_EXTENSIONS:
        yield from read_warc(path, limits=limits)
        return
    data = read_bounded(path, limits=limits)
    if ext in FEED_EXTENSIONS or (ext not in HTML_EXTENSIONS and sniff(data) == "feed"):
        yield from read_feed(data, source=path, limits=limits, fetcher=fetcher)
        return
    kind: ContentKind | None = "html" if ext in HTML_EXTENSIONS else None
    yield to_document(data, source=path, kind=kind)


def read_bounded(path: str, *, limits: SourceLimits) -> bytes:
    """The file's bytes, refusing (E005) before reading anything bigger than the limit."""
    info = os.stat(path)
    if stat.S_ISREG(info.st_mode) and info.st_size > limits.max_bytes:
        raise too_large(path, limits)
    # Pipes and devices (`<(cmd)`, /dev/stdin) have no size: read one byte past the cap.
    with open(path, "rb") as stream:
        data = stream.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        raise too_large(path, limits)
    return data


def walk(directory: str) -> Iterator[str | Item]:
    """Paths of known files under `directory`, sorted, skipping hidden names; lazy.

    A folder that cannot be listed is yielded as a failure (E015) and skipped.
    """
    errors: list[OSError] = []
    for root, dirs, files in os.walk(directory, onerror=errors.append):
        yield from (_unreadable(exc) for exc in errors)
        errors.clear()
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and extension(name) in KNOWN_EXTENSIONS:
                yield os.path.join(root, name)
    yield from (_unreadable(exc) for exc in errors)


def expand_glob(pattern: str) -> Iterator[str | Item]:
    """Files matching `pattern` (folders among the matches are walked), each once."""
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        raise InputError("E014", source=pattern)
    seen: set[str] = set()
    for match in matches:
        paths = walk(match) if os.path.isdir(match) else iter([match])
        for path in paths:
            if isinstance(path, str):
                key = os.path.normpath(path)
                if key in seen:
                    continue
                seen.add(key)
            yield path


def _unreadable(exc: OSError) -> Item:
    source = str(exc.filename) if exc.filename is not None else "?"
    return failure(InputError("E015", source=source, reason=exc.strerror or str(exc)))
