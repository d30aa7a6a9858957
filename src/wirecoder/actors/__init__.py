"""The actor layer: dictionaries, name finding, resolution and coreference."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from wirecoder.actors.dictionary import (
    DICTIONARY_VERSION,
    ActorDictionary,
    Agent,
    AgentMatch,
    Country,
    Organisation,
    Origin,
    Person,
    Role,
    load_dictionary,
)
from wirecoder.actors.names import NameFinder
from wirecoder.actors.resolver import ActorResolver
from wirecoder.model import Mention
from wirecoder.nlp import load_nlp

__all__ = [
    "DICTIONARY_VERSION",
    "ActorDictionary",
    "ActorResolver",
    "Agent",
    "AgentMatch",
    "Country",
    "Organisation",
    "Origin",
    "Person",
    "Role",
    "build_resolver",
    "default_resolver",
    "home_country",
    "load_dictionary",
    "resolve",
]


def build_resolver(extra: Sequence[Path] = ()) -> ActorResolver:
    """A resolver over the shipped dictionaries plus the user's files (`--actors`)."""
    dictionary = load_dictionary(tuple(extra))
    return ActorResolver(dictionary, NameFinder(dictionary, load_nlp()))


@lru_cache(maxsize=1)
def default_resolver() -> ActorResolver:
    return build_resolver()


def home_country(dictionary: ActorDictionary, place: str | None) -> str | None:
    """The country of a dateline place ("Prague" → CZE), if the dictionary knows it."""
    if not place:
        return None
    found = dictionary.country_for_name(place)
    return found[0].code if found else None


def resolve(
    doc: Doc,
    *,
    day: date | None,
    place: str | None = None,
    resolver: ActorResolver | None = None,
) -> tuple[Mention, ...]:
    """Every actor mention in a parsed article; undated articles use today's roles."""
    resolver = resolver or default_resolver()
    home = home_country(resolver.dictionary, place)
    return tuple(resolver.resolve(doc, day=day or date.today(), home=home))
