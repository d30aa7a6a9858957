"""Finding dictionary names in a parsed document: one PhraseMatcher over every name.

The matcher proposes spans case-insensitively; the dictionary then confirms each one
with its own rules (acronyms only in capitals, accents and hyphens folded), so the two
never disagree about what a name means.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from wirecoder.actors.dictionary import (
    ActorDictionary,
    Country,
    Institution,
    Organisation,
    Person,
)

NameKind = Literal["person", "organisation", "institution", "country"]
_LABELS: tuple[NameKind, ...] = ("person", "organisation", "institution", "country")
_MAX_PATTERNS_PER_CALL = 5000


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A dictionary name found in the text, with every reading the dictionary allows."""

    span: Span
    people: tuple[Person, ...] = ()
    organisation: Organisation | None = None
    institution: Institution | None = None
    country: Country | None = None
    country_how: str | None = None

    @property
    def start(self) -> int:
        return int(self.span.start)

    @property
    def end(self) -> int:
        return int(self.span.end)


_Readings = tuple[
    tuple[Person, ...], Organisation | None, Institution | None, Country | None, str | None
]
_NONE: _Readings = ((), None, None, None, None)


def _names(dictionary: ActorDictionary) -> dict[NameKind, set[str]]:
    names: dict[NameKind, set[str]] = {label: set() for label in _LABELS}
    for person in dictionary.people:
        names["person"].update((person.name, *person.aliases))
    for organisation in dictionary.organisations:
        names["organisation"].update((organisation.name, *organisation.names))
    for institution in dictionary.institutions:
        names["institution"].update((institution.name, *institution.names))
    for country in dictionary.countries:
        names["country"].update(
            (country.name, *country.names, *country.adjectives, *country.capitals)
        )
    return names


class NameFinder:
    """Built once per dictionary and model vocabulary; `find` is cheap per document."""

    def __init__(self, dictionary: ActorDictionary, nlp: Language) -> None:
        self.dictionary = dictionary
        self._readings: dict[str, _Readings] = {}
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for label, names in _names(dictionary).items():
            ordered = sorted(n for n in names if n.strip())
            for i in range(0, len(ordered), _MAX_PATTERNS_PER_CALL):
                chunk = ordered[i : i + _MAX_PATTERNS_PER_CALL]
                self.matcher.add(label, [nlp.make_doc(name) for name in chunk])

    def find(self, doc: Doc) -> list[NameMatch]:
        """Longest confirmed names, not overlapping, in document order."""
        spans = []
        for _, start, end in self.matcher(doc):
            span = doc[start:end]
            if self._confirm(span) is not None:
                spans.append(span)
        return [m for span in filter_spans(spans) if (m := self._confirm(span)) is not None]

    def _confirm(self, span: Span) -> NameMatch | None:
        readings = self._readings.get(span.text)
        if readings is None:
            readings = self._readings[span.text] = self._read(span.text)
        if readings is _NONE:
            return None
        return NameMatch(span, *readings)

    def _read(self, text: str) -> _Readings:
        """Every reading the dictionary gives a name (memoised: names repeat)."""
        people = tuple(self.dictionary.people_for_name(text))
        organisation = self.dictionary.organisation_for_name(text)
        institution = self.dictionary.institution_for_name(text)
        if institution is not None and institution.is_ambiguous(text):
            institution = None  # "Congress", "the Guardian": too often something else
        found = self.dictionary.country_for_name(text)
        if found is not None and found[0].is_ambiguous(text) and not text[:1].isupper():
            found = None
        if not people and organisation is None and institution is None and found is None:
            return _NONE
        # A name in lower case is a word, not a name ("turkey", "chad").
        if not any(ch.isupper() for ch in text):
            return _NONE
        return (
            people,
            organisation,
            institution,
            found[0] if found else None,
            found[1] if found else None,
        )
