"""`code()`: the one place that knows the order of the stages."""

from __future__ import annotations

import re

from wirecoder.article import extract_article
from wirecoder.identity import document_id
from wirecoder.model import CodedDocument, RawDocument

_HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[\s>])", re.I)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:1000]))


def code_raw(raw: RawDocument) -> CodedDocument:
    """Code one raw document. Raises InputError when it holds no article."""
    article = extract_article(raw)
    return CodedDocument(doc_id=document_id(article.text), article=article)


def code(text_or_html: str, url: str | None = None, published: str | None = None) -> CodedDocument:
    """Code an article given as plain text or HTML, without touching the store.

    `published` (YYYY-MM-DD) is used when the document itself carries no date.
    """
    raw = RawDocument(
        source=url or "<string>",
        content=text_or_html,
        kind="html" if looks_like_html(text_or_html) else "text",
        url=url,
        published=published,
    )
    return code_raw(raw)
