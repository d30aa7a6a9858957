"""Actors: the dictionaries of countries, organisations, agent words and people."""

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

__all__ = [
    "DICTIONARY_VERSION",
    "ActorDictionary",
    "Agent",
    "AgentMatch",
    "Country",
    "Organisation",
    "Origin",
    "Person",
    "Role",
    "load_dictionary",
]
