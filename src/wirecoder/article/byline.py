"""Bylines, including one that runs into the lead ("By Jane Roe Russian President ...")."""

from __future__ import annotations

import re
from dataclasses import dataclass

_PARTICLES = frozenset(
    {
        "de",
        "van",
        "von",
        "al",
        "bin",
        "ibn",
        "la",
        "le",
        "der",
        "den",
        "da",
        "del",
        "dos",
        "du",
        "di",
        "ter",
        "el",
        "abu",
    }
)
_PREFIXED = re.compile(r"^(al|el|ad|ar|as|ash|at|az|bin|ibn|abu|d|o)[-'’][A-Z]")
_BY = re.compile(r"^\s*by\s+(?=[A-Z])", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]\s*$")
_AGENCY_TAIL = re.compile(r"\s*[,|/]\s*(?P<agency>[A-Z][\w/&.' -]{1,40})$")
_SEPARATOR = re.compile(r"\s*(?:,|\band\b|&)\s*")
_MAX_NAME_TOKENS = 4


@dataclass(frozen=True, slots=True)
class Byline:
    authors: tuple[str, ...]
    text: str  # the byline as printed
    rest: str  # what follows it in the same paragraph (the lead), may be empty


def _bare(token: str) -> str:
    return token.strip(",\"“'")


def _is_particle(token: str) -> bool:
    return _bare(token).lower() in _PARTICLES


def _is_name_token(token: str) -> bool:
    bare = _bare(token)
    if not bare or bare.endswith(("'s", "’s")):
        return False
    return bare[0].isupper() or _is_particle(bare) or bool(_PREFIXED.match(bare))


def _core_length(tokens: list[str]) -> int:
    return sum(1 for t in tokens if not _is_particle(t))


def _opens_lead(
    token: str, following: str, lead_words: frozenset[str], titles: frozenset[str]
) -> bool:
    """Whether `token` begins the lead sentence rather than continuing a name."""
    bare = _bare(token).lower()
    if _is_particle(token):
        return False
    if bare in lead_words or bare.endswith(("'s", "’s")) or token[:1].islower():
        return True
    # "Kyrgyz President ...": an adjective we do not know is still a lead before a title.
    return _bare(following).lower() in titles


def _split_authors(names: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in _SEPARATOR.split(names) if p.strip())


def _short_byline(rest: str, titles: frozenset[str]) -> tuple[str, ...] | None:
    """Authors when the whole paragraph is the byline ("By A and B, Reuters")."""
    if _SENTENCE_END.search(rest) or len(rest.split()) > 10:
        return None
    names = rest.strip()
    agency = _AGENCY_TAIL.search(names)
    if agency and _split_authors(names[: agency.start()]):
        names = names[: agency.start()]
    authors = _split_authors(names)
    for author in authors:
        tokens = author.split()
        if not all(_is_name_token(t) for t in tokens):
            return None
        if _core_length(tokens) > _MAX_NAME_TOKENS or any(t.lower() in titles for t in tokens):
            return None
    return authors


def find_byline(
    paragraph: str, lead_words: frozenset[str], titles: frozenset[str] = frozenset()
) -> Byline | None:
    m = _BY.match(paragraph)
    if m is None:
        return None
    rest = paragraph[m.end() :]
    tokens = rest.split()
    if not tokens:
        return None
    authors = _short_byline(rest, titles)
    if authors is not None:
        return Byline(authors=authors, text=paragraph.strip(), rest="")
    # A byline that runs into the lead: take name tokens until one opens the sentence.
    end = 0
    current: list[str] = []
    for i, token in enumerate(tokens):
        if token.lower() in {"and", "&"} and len(current) >= 2:
            current = []
            end = i + 1
            continue
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if not _is_name_token(token):
            break
        if _core_length(current) >= 2 and _opens_lead(token, following, lead_words, titles):
            break
        current.append(token)
        end = i + 1
        if _core_length(current) >= _MAX_NAME_TOKENS:
            break
    if _core_length(current) < 2:
        return None
    offset = _token_end(rest, end)
    return Byline(
        authors=_split_authors(" ".join(tokens[:end])),
        text=(paragraph[: m.end()] + rest[:offset]).strip(),
        rest=rest[offset:].strip(),
    )


def _token_end(text: str, n: int) -> int:
    """Character offset just past the n-th whitespace-separated token of text."""
    pos = 0
    for _ in range(n):
        while pos < len(text) and text[pos].isspace():
            pos += 1
        while pos < len(text) and not text[pos].isspace():
            pos += 1
    return pos
