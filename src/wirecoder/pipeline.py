"""`code()`: the one place that knows the order of the stages."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from wirecoder.article import extract_article, iso_date
from wirecoder.identity import document_id
from wirecoder.model import Article, CodedDocument, Event, Mention, Quantity, RawDocument

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from wirecoder.actors import ActorResolver

_HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[\s>])", re.I)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:1000]))


def code_raw(
    raw: RawDocument, *, nlp: bool = True, resolver: ActorResolver | None = None
) -> CodedDocument:
    """Code one raw document. Raises InputError when it holds no article.

    With `nlp=False` only the article is built (no spaCy pass, no actors): the fast
    path for ingesting text to code later.
    """
    article = extract_article(raw)
    coded = CodedDocument(doc_id=document_id(article.text), article=article)
    return code_nlp([coded], resolver=resolver)[0] if nlp else coded


def code_nlp(
    documents: Sequence[CodedDocument],
    *,
    resolver: ActorResolver | None = None,
    processes: int = 1,
) -> list[CodedDocument]:
    """The spaCy stages for documents whose article is built, parsed as one batch."""
    # Imported here so that text-only runs never pay for loading spaCy.
    from wirecoder.actors import default_resolver
    from wirecoder.events.coder import default_coder
    from wirecoder.quantities import extract_quantities
    from wirecoder.quotes import extract_quotes

    resolver = resolver or default_resolver()
    parsed = parse_articles([d.article for d in documents], resolver=resolver, processes=processes)
    coded = []
    for document, p in zip(documents, parsed, strict=True):
        doc, actors, day, home = p.doc, p.actors, p.day, p.home
        quantities = extract_quantities(
            doc, actors, home=home, year=day.year if day else None, dictionary=resolver.dictionary
        )
        quotes = extract_quotes(doc, actors, removed=document.article.removed)
        events, _ = default_coder().code(doc, actors, article_date=day, home=home)
        quantities = link_quantities(quantities, events)
        coded.append(
            replace(document, actors=actors, events=events, quotes=quotes, quantities=quantities)
        )
    return coded


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """What every later stage reads: the parse, the actor mentions, the article's day
    and the dateline's country (`home`)."""

    doc: Doc
    actors: tuple[Mention, ...]
    day: date | None
    home: str | None


def parse_articles(
    articles: Sequence[Article],
    *,
    resolver: ActorResolver | None = None,
    processes: int = 1,
) -> Iterator[ParsedArticle]:
    """Parse articles as one batch and resolve their actors: the stages shared by
    `code_nlp` and `wirecoder explain`, so both read the same parse and mentions."""
    from wirecoder.actors import default_resolver, home_country, resolve
    from wirecoder.nlp import parse_many

    resolver = resolver or default_resolver()
    parsed = parse_many((a.text for a in articles), processes=processes)
    for article, doc in zip(articles, parsed, strict=True):
        day = iso_date(article.published)
        actors = resolve(doc, day=day, place=article.dateline.place, resolver=resolver)
        home = home_country(resolver.dictionary, article.dateline.place)
        yield ParsedArticle(doc, actors, day, home)


def code(
    text_or_html: str,
    url: str | None = None,
    published: str | None = None,
    *,
    nlp: bool = True,
    resolver: ActorResolver | None = None,
) -> CodedDocument:
    """Code an article given as plain text or HTML, without touching the store.

    `published` (YYYY-MM-DD) is used when the document itself carries no date;
    `nlp=False` skips the spaCy stages; `resolver` carries the user's actor files.
    """
    raw = RawDocument(
        source=url or "<string>",
        content=text_or_html,
        kind="html" if looks_like_html(text_or_html) else "text",
        url=url,
        published=published,
    )
    return code_raw(raw, nlp=nlp, resolver=resolver)


def link_quantities(
    quantities: Sequence[Quantity], events: Sequence[Event]
) -> tuple[Quantity, ...]:
    """Tie each quantity to the event told in the same stretch of text, if any: "$2
    billion" to the promise of investment in its sentence."""
    linked = []
    for quantity in quantities:
        owner = next(
            (
                index
                for index, event in enumerate(events)
                if event.start <= quantity.start and quantity.end <= event.end
            ),
            None,
        )
        linked.append(replace(quantity, event=owner))
    return tuple(linked)
