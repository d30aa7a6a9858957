"""The records that cross module boundaries.

Every record that points into an article carries character offsets into
`Article.text`; `CodedDocument.to_dict()` is the JSON contract that other tools read.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

ContentKind = Literal["text", "html"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input document as read from a source, before any cleaning.

    `source` names where it came from so errors and provenance can point back to it:
    a path, a URL, `-` for stdin, or `path#n` / `path#<record-id>` for an item
    inside a container (JSONL line, WARC record, feed entry).
    """

    source: str
    content: str
    kind: ContentKind
    url: str | None = None
    title: str | None = None
    published: str | None = None


@dataclass(frozen=True, slots=True)
class SourceFailure:
    """An input that could not be read; stored in `ingest_errors`, never raised mid-run."""

    source: str
    code: str
    reason: str


@dataclass(frozen=True, slots=True)
class Removed:
    """A segment cleaned out of the article, kept with the reason it was removed."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str | None = None
    date: str | None = None
    agency: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """A clean article: the text every later stage reads, and what describes it."""

    text: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    dateline: Dateline = field(default_factory=Dateline)
    source: str | None = None
    url: str | None = None
    site: str | None = None
    language: str | None = None
    removed: tuple[Removed, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of an actor, resolved to a CAMEO-style code.

    `how` says which rule resolved it (dictionary, title, apposition, adjective_agent,
    country, capital, organisation, media, coref_surname, coref_title, coref_pronoun);
    mentions of one real-world actor share `entity`.
    """

    text: str
    start: int
    end: int
    code: str
    name: str | None
    country: str | None
    sector: str | None
    how: str
    entity: int
    affiliation: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "code": self.code,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "how": self.how,
            "entity": self.entity,
            "affiliation": self.affiliation,
        }


@dataclass(frozen=True, slots=True)
class CodedDocument:
    """The result of `wirecoder.code()`: one article and everything coded from it."""

    doc_id: str
    article: Article
    actors: tuple[Mention, ...] = ()
    events: tuple[dict[str, Any], ...] = ()
    quotes: tuple[dict[str, Any], ...] = ()
    quantities: tuple[dict[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        art = self.article
        return {
            "doc_id": self.doc_id,
            "article": {
                "title": art.title,
                "authors": list(art.authors),
                "published": art.published,
                "dateline": asdict(art.dateline),
                "source": art.source,
                "url": art.url,
                "site": art.site,
                "language": art.language,
                "text": art.text,
                "removed": [asdict(r) for r in art.removed],
            },
            "actors": [mention.to_dict() for mention in self.actors],
            "events": list(self.events),
            "quotes": list(self.quotes),
            "quantities": list(self.quantities),
        }
