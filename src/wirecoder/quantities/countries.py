"""Which countries a stretch of text names: from the resolved actor mentions, and from
country names and adjectives the actor dictionary knows ("Tajik debts" -> TJK)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from wirecoder.actors.dictionary import ActorDictionary
from wirecoder.model import Mention

# Longest country name written as separate tokens we try: "Bosnia and Herzegovina".
_MAX_WORDS = 3


class CountryNames:
    def __init__(self, dictionary: ActorDictionary, mentions: Sequence[Mention]) -> None:
        self.dictionary = dictionary
        self.mentions = tuple(m for m in mentions if m.country)

    def between(self, doc: Doc, start: int, end: int) -> list[str]:
        """ISO3 codes named in tokens ``start:end``, in the order they are written."""
        if start >= end:
            return []
        first, last = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
        found: list[tuple[int, str]] = [
            (m.start, m.country)
            for m in self.mentions
            if m.country and first <= m.start and m.end <= last
        ]
        i = start
        while i < end:
            step = 1
            if doc[i].text[:1].isupper():
                for size in range(min(_MAX_WORDS, end - i), 0, -1):
                    hit = self.dictionary.country_for_name(doc[i : i + size].text)
                    if hit is not None:
                        found.append((doc[i].idx, hit[0].code))
                        step = size
                        break
            i += step
        return list(dict.fromkeys(code for _, code in sorted(found)))
