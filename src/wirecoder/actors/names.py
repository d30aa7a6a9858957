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
_GROUP_WORDS = frozenset(
    {"group", "organisation", "organization", "movement", "militia", "party", "faction"}
)
_GROUP_KINDS = frozenset({"armed_group", "party"})


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
        # Ambiguous names of armed groups and parties ("ETA"), read only where the text
        # calls them a group ("the Basque separatist group ETA").
        self._grouped: dict[str, Institution | None] = {}
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
        if readings is not _NONE and readings[2] is not None:
            return NameMatch(span, *readings)
        grouped = self._group_named(span)
        if grouped is not None:
            if readings is _NONE:
                return NameMatch(span, institution=grouped)
            people, organisation, _, country, how = readings
            return NameMatch(span, people, organisation, grouped, country, how)
        return None if readings is _NONE else NameMatch(span, *readings)

    def _group_named(self, span: Span) -> Institution | None:
        """An armed group or party whose name is ambiguous, where the word before it
        calls it one ("group ETA", "party PA")."""
        before = span.doc[span.start - 1] if span.start > 0 else None
        if before is None or before.lemma_.lower() not in _GROUP_WORDS:
            return None
        if span.text not in self._grouped:
            found = self.dictionary.institution_for_name(span.text)
            groups = found is not None and found.kind in _GROUP_KINDS
            self._grouped[span.text] = found if groups else None
        return self._grouped[span.text]

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
