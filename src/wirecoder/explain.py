"""`wirecoder explain`: why each event row exists, and why a trigger gave none.

The article goes through the same stages as `code()` (`pipeline.parse_articles` for the
parse and the actor mentions), then the event coder, which returns the events and the
triggers it saw but did not code (`Seen`). Nothing is decided here: the coder's output
is grouped by sentence and each row is given the pattern it came from (its file and
line, and the slots it reads actors from). Reasons are the coder's, word for word.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span

from wirecoder.actors import ActorResolver
from wirecoder.article import extract_article
from wirecoder.events.coder import EventCoder, Seen, default_coder
from wirecoder.identity import document_id
from wirecoder.model import Event, Mention, RawDocument
from wirecoder.pipeline import parse_articles


@dataclass(frozen=True, slots=True)
class PatternNote:
    """Where a rule is written and which slots it reads; the Event does not record
    which of several slots filled it, so all are listed in the order they are tried."""

    id: str
    origin: str  # "file:line"
    source_slots: tuple[str, ...]
    target_slots: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "origin": self.origin,
            "source_slots": list(self.source_slots),
            "target_slots": list(self.target_slots),
        }


@dataclass(frozen=True, slots=True)
class ActorNote:
    """An actor mention inside the sentence, as the resolver coded it."""

    text: str
    code: str
    how: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "code": self.code,
            "how": self.how,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class CodedEvent:
    """An event listed under the sentence it was first told in."""

    index: int  # its position in the document's events, as in `wirecoder code --json`
    event: Event
    name: str  # the CAMEO code's name
    pattern: PatternNote | None  # None if the coder's pattern set lacks the rule

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "name": self.name,
            "pattern": self.pattern.to_dict() if self.pattern else None,
            **self.event.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class SeenTrigger:
    """A trigger whose pattern matched but which gave no event, with the coder's reason."""

    seen: Seen
    pattern: PatternNote | None

    def to_dict(self) -> dict[str, Any]:
        s = self.seen
        return {
            "trigger": s.trigger,
            "start": s.start,
            "end": s.end,
            "rule": s.rule,
            "reason": s.reason,
            "pattern": self.pattern.to_dict() if self.pattern else None,
        }


@dataclass(frozen=True, slots=True)
class Retold:
    """An event told again in this sentence; the coder keeps it once, at `sentence`."""

    index: int  # into the document's events
    sentence: int

    def to_dict(self) -> dict[str, Any]:
        return {"event": self.index, "sentence": self.sentence}


@dataclass(frozen=True, slots=True)
class SentenceExplanation:
    index: int
    text: str
    start: int
    end: int
    actors: tuple[ActorNote, ...]
    events: tuple[CodedEvent, ...]
    seen: tuple[SeenTrigger, ...]
    retold: tuple[Retold, ...]

    @property
    def has_findings(self) -> bool:
        """True if anything was coded, seen or retold here (actors alone do not count)."""
        return bool(self.events or self.seen or self.retold)

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "seen": [s.to_dict() for s in self.seen],
            "retold": [r.to_dict() for r in self.retold],
        }


@dataclass(frozen=True, slots=True)
class DocumentExplanation:
    source: str
    doc_id: str
    title: str | None
    published: str | None
    home: str | None  # the dateline's country, which places and actors lean on
    patterns_version: str
    sentences: tuple[SentenceExplanation, ...]

    @property
    def event_count(self) -> int:
        return sum(len(s.events) for s in self.sentences)

    @property
    def seen_count(self) -> int:
        return sum(len(s.seen) for s in self.sentences)

    def shown(self, *, everything: bool = False) -> tuple[SentenceExplanation, ...]:
        """The sentences with findings, or every sentence."""
        return self.sentences if everything else tuple(s for s in self.sentences if s.has_findings)

    def to_dict(self, *, everything: bool = True) -> dict[str, Any]:
        return {
            "source": self.source,
            "doc_id": self.doc_id,
            "title": self.title,
            "published": self.published,
            "home": self.home,
            "patterns_version": self.patterns_version,
            "sentence_count": len(self.sentences),
            "event_count": self.event_count,
            "seen_count": self.seen_count,
            "sentences": [s.to_dict() for s in self.shown(everything=everything)],
        }


def explain_document(
    raw: RawDocument,
    *,
    resolver: ActorResolver | None = None,
    coder: EventCoder | None = None,
) -> DocumentExplanation:
    """Code one document and explain it sentence by sentence. Raises InputError when
    it holds no article, as `code_raw` does."""
    article = extract_article(raw)
    (parsed,) = parse_articles([article], resolver=resolver)
    coder = coder or default_coder()
    events, seen = coder.code(parsed.doc, parsed.actors, article_date=parsed.day, home=parsed.home)
    sentences = list(parsed.doc.sents)
    retold = _retold(events, sentences)
    explained = tuple(
        SentenceExplanation(
            index=index,
            text=sentence.text,
            start=sentence.start_char,
            end=sentence.end_char,
            actors=tuple(_actor(m) for m in parsed.actors if _inside(m.start, sentence)),
            events=tuple(
                CodedEvent(i, e, coder.ontology.get(e.cameo).name, _pattern(coder, e.rule))
                for i, e in enumerate(events)
                if e.sentence == index
            ),
            seen=tuple(
                SeenTrigger(s, _pattern(coder, s.rule)) for s in seen if s.sentence == index
            ),
            retold=tuple(r for at, r in retold if at == index),
        )
        for index, sentence in enumerate(sentences)
    )
    return DocumentExplanation(
        source=raw.source,
        doc_id=document_id(article.text),
        title=article.title,
        published=article.published,
        home=parsed.home,
        patterns_version=coder.patterns.version,
        sentences=explained,
    )


def _inside(offset: int, sentence: Span) -> bool:
    return bool(sentence.start_char <= offset < sentence.end_char)


def _actor(mention: Mention) -> ActorNote:
    return ActorNote(mention.text, mention.code, mention.how, mention.start, mention.end)


def _pattern(coder: EventCoder, rule: str) -> PatternNote | None:
    if rule not in coder.patterns:
        return None
    p = coder.patterns.get(rule)
    return PatternNote(p.id, p.origin, p.source, p.targets)


def _retold(events: Sequence[Event], sentences: Sequence[Span]) -> list[tuple[int, Retold]]:
    """(sentence, Retold) for every other place a merged event was told."""
    found = []
    for index, event in enumerate(events):
        for location in event.also_at:
            if location.end is None:
                continue  # a removed segment, not a sentence of the text
            # The location ends where its sentence ends; its start may lie earlier.
            at = next((i for i, s in enumerate(sentences) if _inside(location.end - 1, s)), None)
            if at is not None:
                found.append((at, Retold(index, event.sentence)))
    return found
