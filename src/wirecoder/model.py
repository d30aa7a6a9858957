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
class EventActor:
    """The source or target of an event: its code and the words it was read from."""

    code: str | None
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class EventPlace:
    name: str
    country: str | None
    latitude: float | None
    longitude: float | None
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "start": self.start,
            "end": self.end,
        }


Modality = Literal["asserted", "intended", "negated", "hypothetical", "claimed"]


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, when and where, with the rule that coded it."""

    source: EventActor | None
    target: EventActor | None
    cameo: str
    root: str
    quad: int
    goldstein: float
    plover: str | None
    plover_mode: str | None
    modality: Modality
    date: str | None
    date_precision: str | None
    historical: bool
    place: EventPlace | None
    sentence: int
    start: int
    end: int
    trigger: str
    rule: str
    reported_by: EventActor | None = None
    also_at: tuple[Location, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "root": self.root,
            "quad": self.quad,
            "goldstein": self.goldstein,
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "modality": self.modality,
            "date": self.date,
            "date_precision": self.date_precision,
            "historical": self.historical,
            "place": self.place.to_dict() if self.place else None,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "trigger": self.trigger,
            "rule": self.rule,
            "reported_by": self.reported_by.to_dict() if self.reported_by else None,
            "also_at": [loc.to_dict() for loc in self.also_at],
        }


@dataclass(frozen=True, slots=True)
class Location:
    """Another place a text occurs: characters of the article, or a removed segment
    (a pull quote the cleaner kept once) by its index in `Article.removed`."""

    start: int | None = None
    end: int | None = None
    removed: int | None = None

    def to_dict(self) -> dict[str, int]:
        if self.removed is not None:
            return {"removed": self.removed}
        return {"start": int(self.start or 0), "end": int(self.end or 0)}


@dataclass(frozen=True, slots=True)
class Speaker:
    text: str
    start: int
    end: int
    code: str | None = None
    name: str | None = None
    affiliation: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "code": self.code,
            "name": self.name,
            "affiliation": self.affiliation,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote (the words inside the marks) or reported speech (its content)."""

    text: str
    kind: Literal["direct", "reported"]
    start: int
    end: int
    speaker: Speaker | None = None
    also_at: tuple[Location, ...] = ()
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "kind": self.kind,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "start": self.start,
            "end": self.end,
            "also_at": [loc.to_dict() for loc in self.also_at],
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number tied to what it counts: "$330 billion" → 3.3e11 USD."""

    text: str
    value: float
    unit: str  # ISO 4217 currency code, "percent", "person", "soldier", "year", ...
    start: int
    end: int
    qualifier: str | None = None  # ">", "<", ">=", "<=", "~"
    refers_to: str | None = None  # the noun or phrase it measures
    event: int | None = None  # index into CodedDocument.events, when it belongs to one
    flags: tuple[str, ...] = ()  # plausibility warnings, with the figures behind them

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "value": self.value,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "refers_to": self.refers_to,
            "event": self.event,
            "flags": list(self.flags),
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class CodedDocument:
    """The result of `wirecoder.code()`: one article and everything coded from it."""

    doc_id: str
    article: Article
    actors: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    quantities: tuple[Quantity, ...] = ()

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
            "events": [event.to_dict() for event in self.events],
            "quotes": [quote.to_dict() for quote in self.quotes],
            "quantities": [quantity.to_dict() for quantity in self.quantities],
        }
