"""Bytes to text: emptiness and binary checks, charset choice, and HTML/feed sniffing.

Plain text must be UTF-8 (or carry a BOM). HTML follows the declared charset, taken
from the transport (HTTP header) before the document (`<meta>` or XML declaration),
as browsers do; without a declaration it must be UTF-8.
"""

from __future__ import annotations

import codecs
import re
from typing import Literal

from wirecoder.errors import InputError
from wirecoder.model import ContentKind, RawDocument

Sniffed = Literal["html", "feed", "text"]

SNIFF_BYTES = 4096
BINARY_SAMPLE = 8192
MAX_CONTROL_SHARE = 0.10

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls that never appear in text; tab, newlines and form feed do.
_CONTROL_BYTES = bytes([*(b for b in range(32) if b not in (9, 10, 12, 13)), 127])
# Browsers read these labels as windows-1252 (WHATWG Encoding Standard), and pages
# declaring them routinely use its curly quotes and dashes in 0x80-0x9F.
_AS_WINDOWS_1252 = frozenset({"ascii", "latin-1", "iso8859-1"})

_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml\b[^>]*?encoding\s*=\s*["']([\w.:-]+)""", re.IGNORECASE)
_CONTENT_TYPE_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_PROLOG = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!doctype\b([^>]*)>)", re.DOTALL | re.IGNORECASE)
_FIRST_TAG = re.compile(rb"\s*<([A-Za-z][\w:.-]*)")
_FEED_ROOTS = frozenset({b"rss", b"feed", b"rdf:rdf"})
_HTML_ROOTS = frozenset({b"html", b"head", b"body"})
_HTML_TAG = re.compile(
    rb"<(?:html|head|body|title|meta|p|div|br|h[1-6]|article|section|span|table|ul|ol|li|"
    rb"script|style|link|a)\b",
    re.IGNORECASE,
)


def parse_content_type(value: str | None) -> tuple[str, str | None]:
    """`text/html; charset=UTF-8` -> (`text/html`, `UTF-8`); missing parts are "" / None."""
    if not value:
        return "", None
    media = value.split(";", 1)[0].strip().lower()
    match = _CONTENT_TYPE_CHARSET.search(value)
    return media, match.group(1) if match else None


def split_bom(data: bytes) -> tuple[str | None, bytes]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, data[len(bom) :]
    return None, data


def looks_binary(data: bytes) -> bool:
    sample = data[:BINARY_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > len(sample) * MAX_CONTROL_SHARE


def sniff(data: bytes) -> Sniffed:
    """What markup, if any, the document starts with (ASCII-compatible encodings)."""
    head = split_bom(data)[1][:SNIFF_BYTES]
    pos = 0
    while (prolog := _PROLOG.match(head, pos)) is not None:
        doctype = prolog.group(1)
        if doctype is not None and b"html" in doctype.lower():
            return "html"
        pos = prolog.end()
    first = _FIRST_TAG.match(head, pos)
    name = first.group(1).lower() if first else b""
    if name in _FEED_ROOTS:
        return "feed"
    if name in _HTML_ROOTS:
        return "html"
    if head.lstrip().startswith(b"<") and _HTML_TAG.search(head):
        return "html"
    return "text"


def declared_charset(head: bytes) -> str | None:
    """The charset an HTML document declares about itself in its first bytes."""
    head = head[:SNIFF_BYTES]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii") if match else None


def _codec(label: str | None, *, in_document: bool) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A document that could be read to find its own declaration is ASCII-compatible,
    # so a UTF-16/32 label there is wrong; browsers read such pages as UTF-8.
    if in_document and name.startswith(("utf-16", "utf-32")):
        return "utf-8"
    return "cp1252" if name in _AS_WINDOWS_1252 else name


def _candidates(body: bytes, kind: ContentKind, charset: str | None) -> list[str]:
    declared = [(charset, False)]
    if kind == "html":
        declared.append((declared_charset(body), True))
    ordered: list[str] = []
    for label, in_document in declared:
        codec = _codec(label, in_document=in_document)
        if codec is not None:
            ordered.append(codec)
        # Latin-1 reads the few bytes windows-1252 leaves undefined.
        if codec == "cp1252":
            ordered.append("latin-1")
    ordered.append("utf-8")
    return list(dict.fromkeys(ordered))


def decode(
    data: bytes, *, source: str, kind: ContentKind | None = None, charset: str | None = None
) -> tuple[str, ContentKind]:
    """Decode one document, sniffing HTML when `kind` is None; raise E002/E003/E004."""
    bom, body = split_bom(data)
    if not body.strip():
        raise InputError("E002", source=source)
    if bom in (None, "utf-8") and looks_binary(body):
        raise InputError("E003", source=source)
    if bom is not None:
        encodings = [bom]
    else:
        kind = kind or ("text" if sniff(body) == "text" else "html")
        encodings = _candidates(body, kind, charset)
    for encoding in encodings:
        try:
            text = body.decode(encoding)
        except (UnicodeDecodeError, LookupError):  # LookupError: a bytes codec like "hex"
            continue
        break
    else:
        raise InputError("E004", source=source)
    if not text.strip():
        raise InputError("E002", source=source)
    if kind is None:
        kind = "text" if sniff(text[:SNIFF_BYTES].encode("utf-8")) == "text" else "html"
    return text, kind


def to_document(
    data: bytes,
    *,
    source: str,
    kind: ContentKind | None = None,
    charset: str | None = None,
    url: str | None = None,
    title: str | None = None,
    published: str | None = None,
) -> RawDocument:
    text, kind = decode(data, source=source, kind=kind, charset=charset)
    return RawDocument(source, text, kind, url=url, title=title, published=published)
