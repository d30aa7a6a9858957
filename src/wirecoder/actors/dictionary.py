"""Actor knowledge: countries, international bodies, agent words, people, institutions.

The shipped YAML files live in ``wirecoder/data/actors`` (``countries.yaml``,
``igos.yaml``, ``agents.yaml``, ``institutions.yaml`` and every ``people/*.yaml``); their
headers describe the fields. They are read once and checked, and users layer their own
files over them: a user file is a mapping with any of the sections ``countries``,
``organisations``, ``agents``, ``people`` and ``institutions``, whose entries add to the
shipped ones or replace the entry with the same code (a person or an institution: the
same name). Every schema error is a DataFileError naming the file and line.

>>> actors = load_dictionary()
>>> actors.country_for_name("Dushanbe")[0].code, actors.country_for_name("Tajik")[1]
('TJK', 'adjective')
>>> actors.organisation_for_name("NATO").code
'IGOWSTNAT'
>>> actors.agent_for_words("the defence minister")
'GOV'
>>> actors.institution_for_name("the Kremlin").code
'RUSGOV'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Generic, Literal, TypeVar, get_args

import yaml

from wirecoder.datafiles import NULL_TAG, NodeReader, is_null
from wirecoder.errors import DataFileError

How = Literal["name", "adjective", "capital", "city"]
# Lower rank wins when one spelling is both, e.g. Lebanon's Tripoli loses to Libya's capital.
_RANK: dict[How, int] = {"name": 0, "adjective": 1, "capital": 2, "city": 3}

_ISO3 = re.compile(r"[A-Z]{3}")
_AGENT_CODE = re.compile(r"[A-Z]{3}")
_ORG_CODE = re.compile(r"(IGO|NGO)[A-Z0-9]*")
_NATIONAL_CODE = re.compile(r"[A-Z]{6}")  # a country's ISO3 code + an agent code
_TRANSNATIONAL_CODE = re.compile(r"[A-Z]{3}[A-Z0-9]{3,}")
_ROLE_CODE = re.compile(r"[A-Z][A-Z0-9]{2,}")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SECTIONS = ("countries", "organisations", "agents", "people", "institutions")

InstitutionKind = Literal[
    "executive", "ministry", "intelligence", "legislature", "court", "military", "police",
    "media", "party", "company", "thinktank", "university", "armed_group", "other",
]  # fmt: skip
_INSTITUTION_KINDS: tuple[InstitutionKind, ...] = get_args(InstitutionKind)


@dataclass(frozen=True, slots=True)
class Origin:
    """Where an entry was read: file and line, kept for error messages and provenance."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


_NOWHERE = Origin("", 0)


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()  # the capital first, then other spellings
    cities: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()
    origin: Origin = field(default=_NOWHERE, compare=False)

    @property
    def capital(self) -> str | None:
        return self.capitals[0] if self.capitals else None

    def is_ambiguous(self, text: str) -> bool:
        """True for a name of this country that also means something else ("Jordan")."""
        return _fold(text).casefold() in {_fold(a).casefold() for a in self.ambiguous}


@dataclass(frozen=True, slots=True)
class Organisation:
    code: str
    name: str
    names: tuple[str, ...]
    kind: Literal["igo", "ngo"]
    members: tuple[str, ...] = ()
    derived: bool = False  # the code is ours, not the reference dictionary's
    ambiguous: tuple[str, ...] = ()
    origin: Origin = field(default=_NOWHERE, compare=False)

    def is_ambiguous(self, text: str) -> bool:
        return _fold(text).casefold() in {_fold(a).casefold() for a in self.ambiguous}


@dataclass(frozen=True, slots=True)
class Institution:
    """A national named body ("the Kremlin", "Gazprom", "the Taliban") and its actor code.

    Several institutions may share a code; they are keyed by name. ``country`` is None
    for a transnational group whose code names no state (al-Qaeda, IMGMUSALQ).
    """

    code: str
    name: str
    names: tuple[str, ...]
    kind: InstitutionKind
    country: str | None
    ambiguous: tuple[str, ...] = ()
    origin: Origin = field(default=_NOWHERE, compare=False)

    def is_ambiguous(self, text: str) -> bool:
        """True for a name of this body that is also a common word ("Shell", "Congress")."""
        return _fold(text).casefold() in {_fold(a).casefold() for a in self.ambiguous}


@dataclass(frozen=True, slots=True)
class Agent:
    """A CAMEO agent code and the lemmas and phrases that signal it."""

    code: str
    label: str
    words: tuple[str, ...]
    priority: int = 0
    origin: Origin = field(default=_NOWHERE, compare=False)


@dataclass(frozen=True, slots=True)
class AgentMatch:
    agent: Agent
    phrase: str  # the matched phrase as written in the data file


@dataclass(frozen=True, slots=True)
class Role:
    code: str
    title: str
    start: date
    end: date | None  # None: still held when the file was written
    approx: bool = False  # start or end known only to the month or year
    origin: Origin = field(default=_NOWHERE, compare=False)

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    country: str
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    origin: Origin = field(default=_NOWHERE, compare=False)

    def role_on(self, day: date) -> Role | None:
        """The role held on ``day``; where roles overlap, the one that started last."""
        if isinstance(day, datetime):
            day = day.date()
        held = [r for r in self.roles if r.covers(day)]
        return max(held, key=lambda r: r.start, default=None)

    def code_on(self, day: date) -> str:
        """The actor code on ``day``: the role's code, else the country's elite code."""
        role = self.role_on(day)
        return role.code if role is not None else f"{self.country}ELI"


# ---------------------------------------------------------------------------------------
# Name keys


def _fold(text: str) -> str:
    """Accents, curly quotes, hyphens, spacing and a leading "the" do not tell names apart."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = " ".join(re.sub(r"[-\u2010\u2011\u2013\u2014_]", " ", text).split())
    return text[4:] if text[:4].casefold() == "the " else text


def _is_acronym(name: str) -> bool:
    # Capitalised acronyms match only in capitals: "US" must not catch the pronoun "us".
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


E = TypeVar("E", "Country", "Organisation", "Institution")


class _NameIndex(Generic[E]):
    """Name -> (rank, entry), exact for acronyms and case-insensitive for the rest."""

    __slots__ = ("_exact", "_folded")

    def __init__(self) -> None:
        self._exact: dict[str, tuple[int, E]] = {}
        self._folded: dict[str, tuple[int, E]] = {}

    def slot(self, name: str) -> tuple[dict[str, tuple[int, E]], str]:
        key = _fold(name)
        return (self._exact, key) if _is_acronym(key) else (self._folded, key.casefold())

    def get(self, text: str) -> tuple[int, E] | None:
        key = _fold(text)
        found = self._exact.get(key)
        return found if found is not None else self._folded.get(key.casefold())


def _claim(index: _NameIndex[E], name: str, rank: int, entry: E) -> None:
    """Put ``entry`` under ``name``; two entries of one file may not claim one name."""
    table, key = index.slot(name)
    held = table.get(key)
    if held is not None:
        held_rank, other = held
        if other.code == entry.code or held_rank < rank:
            return
        if held_rank == rank and other.origin.path == entry.origin.path:
            first, second = sorted((other, entry), key=lambda e: e.origin.line)
            reason = (
                f"{second.code}: {name!r} already names {first.code} (line {first.origin.line})"
            )
            raise DataFileError(
                "E101", path=second.origin.path, line=second.origin.line, reason=reason
            )
    table[key] = (rank, entry)


# ---------------------------------------------------------------------------------------
# Agent phrases

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "men": ("man",),
    "women": ("woman",),
    "children": ("child",),
    "people": ("person",),
}


def _agent_tokens(words: str | Sequence[str]) -> list[str]:
    """Lower-case tokens with hyphens split and possessives and punctuation dropped."""
    parts = words.split() if isinstance(words, str) else list(words)
    tokens: list[str] = []
    for part in parts:
        part = _fold(part).casefold()  # also turns hyphens into spaces
        for piece in part.split():
            piece = piece.removesuffix("'s").strip(".,;:!?\"'()[]{}/")
            if piece:
                tokens.append(piece)
    return tokens


def _forms(token: str) -> tuple[str, ...]:
    """The singulars a token may be a plural of ("forces" -> "force"), then the token
    itself, in a fixed order so that ties between phrases break the same way every run
    (the token as written, tried first, wins them)."""
    forms = [*_IRREGULAR.get(token, ())]
    if token.endswith("men") and len(token) > 4:
        forms.append(token[:-3] + "man")
    if token.endswith("ies") and len(token) > 4:
        forms.append(token[:-3] + "y")
    if token.endswith("es") and len(token) > 3:
        forms.append(token[:-2])
    if token.endswith("s") and not token.endswith("ss") and len(token) > 2:
        forms.append(token[:-1])
    return (*dict.fromkeys(f for f in forms if f != token), token)


class _Trie:
    __slots__ = ("children", "match")

    def __init__(self) -> None:
        self.children: dict[str, _Trie] = {}
        self.match: AgentMatch | None = None


def _build_trie(agents: Iterable[Agent]) -> _Trie:
    root = _Trie()
    for agent in agents:
        for phrase in agent.words:
            node = root
            for token in _agent_tokens(phrase):
                node = node.children.setdefault(token, _Trie())
            held = node.match
            # A later file may move a phrase to another code; one file may not say both.
            if (
                held is not None
                and held.agent.code != agent.code
                and held.agent.origin.path == agent.origin.path
            ):
                reason = f"{agent.code}: {phrase!r} is already {held.agent.code}'s"
                raise DataFileError(
                    "E101", path=agent.origin.path, line=agent.origin.line, reason=reason
                )
            node.match = AgentMatch(agent, phrase)
    return root


def _matches_from(root: _Trie, tokens: list[str], start: int) -> Iterator[tuple[int, AgentMatch]]:
    """Every phrase that starts at ``tokens[start]``, with the index of its last token."""
    stack = [(root, start)]
    while stack:
        node, position = stack.pop()
        if node.match is not None and position > start:
            yield position - 1, node.match
        if position < len(tokens):
            for form in _forms(tokens[position]):
                child = node.children.get(form)
                if child is not None:
                    stack.append((child, position + 1))


# ---------------------------------------------------------------------------------------
# The dictionary


_ANSWER_CACHE_SIZE = 100_000


@dataclass(frozen=True, slots=True, eq=False)
class ActorDictionary:
    """Countries, organisations, agent words, people and institutions, with lookups."""

    countries: tuple[Country, ...]
    organisations: tuple[Organisation, ...]
    agents: tuple[Agent, ...]
    people: tuple[Person, ...]
    version: str = ""
    files: tuple[str, ...] = ()
    institutions: tuple[Institution, ...] = ()
    country_by_code: Mapping[str, Country] = field(init=False)
    organisation_by_code: Mapping[str, Organisation] = field(init=False)
    agent_by_code: Mapping[str, Agent] = field(init=False)
    _country_names: _NameIndex[Country] = field(init=False)
    _organisation_names: _NameIndex[Organisation] = field(init=False)
    _people_names: Mapping[str, tuple[Person, ...]] = field(init=False)
    _institution_names: _NameIndex[Institution] = field(init=False)
    _agent_trie: _Trie = field(init=False)
    # agent_match's answers: coding asks the same few phrases again and again.
    _agent_answers: dict[str | tuple[str, ...], AgentMatch | None] = field(init=False)

    def __post_init__(self) -> None:
        countries = _NameIndex[Country]()
        for country in self.countries:
            for how, names in _country_names(country):
                for name in names:
                    _claim(countries, name, _RANK[how], country)
        organisations = _NameIndex[Organisation]()
        for organisation in self.organisations:
            for name in (organisation.name, *organisation.names):
                _claim(organisations, name, 0, organisation)
        people: dict[str, list[Person]] = {}
        for person in self.people:
            for name in dict.fromkeys(_fold(n).casefold() for n in (person.name, *person.aliases)):
                people.setdefault(name, []).append(person)
        init = object.__setattr__
        by_code = MappingProxyType
        init(self, "country_by_code", by_code({c.code: c for c in self.countries}))
        init(self, "organisation_by_code", by_code({o.code: o for o in self.organisations}))
        init(self, "agent_by_code", by_code({a.code: a for a in self.agents}))
        init(self, "_country_names", countries)
        init(self, "_organisation_names", organisations)
        init(self, "_people_names", MappingProxyType({k: tuple(v) for k, v in people.items()}))
        institutions = _NameIndex[Institution]()
        for institution in self.institutions:
            for name in (institution.name, *institution.names):
                _claim(institutions, name, 0, institution)
        init(self, "_institution_names", institutions)
        init(self, "_agent_trie", _build_trie(self.agents))
        init(self, "_agent_answers", {})

    def __repr__(self) -> str:
        return (
            f"ActorDictionary({len(self.countries)} countries, {len(self.organisations)} "
            f"organisations, {len(self.agents)} agents, {len(self.people)} people, "
            f"version={self.version!r})"
        )

    def country_for_name(self, text: str) -> tuple[Country, How] | None:
        """The country a name, adjective, capital or city stands for, and which it was.

        A plural demonym ("Tajiks") is tried as its adjective when nothing else fits.
        """
        found = self._country_names.get(text)
        if found is None:
            key = _fold(text)
            if len(key) > 3 and key.casefold().endswith("s"):
                found = self._country_names.get(key[:-1])
                if found is not None and found[0] != _RANK["adjective"]:
                    found = None
        if found is None:
            return None
        rank, country = found
        return country, _HOW[rank]

    def organisation_for_name(self, text: str) -> Organisation | None:
        found = self._organisation_names.get(text)
        return None if found is None else found[1]

    def institution_for_name(self, text: str) -> Institution | None:
        """The national body a name stands for ("the Pentagon", "Nezavisimaya Gazeta").

        Names in capitals (CIA, AP) match only in capitals; the rest ignore case, accents,
        hyphens and a leading "the". Check ``is_ambiguous`` before trusting common words.
        """
        found = self._institution_names.get(text)
        return None if found is None else found[1]

    def people_for_name(self, text: str) -> list[Person]:
        """Everyone known by this full name or alias (several when names are shared)."""
        if text[:4].casefold() == "the ":
            return []  # "The Hague" is a place, whatever William Hague is called
        return list(self._people_names.get(_fold(text).casefold(), ()))

    def agent_match(self, words: str | Sequence[str]) -> AgentMatch | None:
        """The agent phrase that best explains ``words`` (text or lemmas).

        The longest phrase wins, then the agent's priority, then the rightmost phrase
        (the English head noun): "defence minister" -> GOV, "military court" -> JUD.
        """
        key = words if isinstance(words, str) else tuple(words)
        if key in self._agent_answers:
            return self._agent_answers[key]
        if len(self._agent_answers) > _ANSWER_CACHE_SIZE:
            self._agent_answers.clear()
        answer = self._agent_answers[key] = self._agent_match(words)
        return answer

    def _agent_match(self, words: str | Sequence[str]) -> AgentMatch | None:
        tokens = _agent_tokens(words)
        best: tuple[tuple[int, int, int], AgentMatch] | None = None
        for start in range(len(tokens)):
            for end, match in _matches_from(self._agent_trie, tokens, start):
                rank = (end - start + 1, match.agent.priority, end)
                if best is None or rank > best[0]:
                    best = (rank, match)
        return None if best is None else best[1]

    def agent_for_words(self, words: str | Sequence[str]) -> str | None:
        match = self.agent_match(words)
        return None if match is None else match.agent.code


_HOW: dict[int, How] = {rank: how for how, rank in _RANK.items()}


def _country_names(country: Country) -> Iterator[tuple[How, tuple[str, ...]]]:
    yield "name", (country.name, *country.names)
    yield "adjective", country.adjectives
    yield "capital", country.capitals
    yield "city", country.cities


# ---------------------------------------------------------------------------------------
# Reading YAML with line numbers


class _File(NodeReader):
    """One actor data file; entries may carry a free-text `note`."""

    def origin(self, node: yaml.Node) -> Origin:
        return Origin(self.path, node.start_mark.line + 1)

    def items(self, node: yaml.Node | None, what: str) -> list[yaml.Node]:
        if node is None or is_null(node):
            return []
        if not isinstance(node, yaml.SequenceNode):
            raise self.error(node, f"{what} must be a list")
        return list(node.value)

    def fields(
        self, node: yaml.Node, what: str, required: Iterable[str], optional: Iterable[str]
    ) -> dict[str, yaml.Node]:
        return super().fields(node, what, required, (*optional, "note"))

    def texts(self, node: yaml.Node | None, name: str) -> tuple[str, ...]:
        """A list of text, or one text standing for a one-item list."""
        if isinstance(node, yaml.ScalarNode) and node.tag != NULL_TAG:
            return (self.text(node, name),)
        return tuple(dict.fromkeys(self.text(item, name) for item in self.items(node, name)))

    def day(self, node: yaml.Node, name: str) -> date:
        value = self.text(node, name)
        try:
            if not _ISO_DATE.fullmatch(value):
                raise ValueError(value)
            return date.fromisoformat(value)
        except ValueError:
            raise self.error(node, f"{name} {value!r} is not an ISO date (YYYY-MM-DD)") from None

    def integer(self, node: yaml.Node | None, name: str) -> int:
        if node is None:
            return 0
        value = self.text(node, name)
        try:
            return int(value)
        except ValueError:
            raise self.error(node, f"{name} {value!r} is not a whole number") from None


def _read_country(f: _File, node: yaml.Node) -> Country:
    got = f.fields(node, "country", ("code", "name", "names", "adjectives", "capital"),
                   ("cities", "ambiguous"))  # fmt: skip
    names = f.texts(got["names"], "names")
    if not names:
        raise f.error(got["names"], "names is empty")
    country = Country(
        code=f.matching(got["code"], "code", _ISO3, "an ISO3 code (three capital letters)"),
        name=f.text(got["name"], "name"),
        names=names,
        adjectives=f.texts(got["adjectives"], "adjectives"),
        capitals=f.texts(got["capital"], "capital"),
        cities=f.texts(got.get("cities"), "cities"),
        ambiguous=f.texts(got.get("ambiguous"), "ambiguous"),
        origin=f.origin(node),
    )
    known = {_fold(n).casefold() for _, group in _country_names(country) for n in group}
    for word in country.ambiguous:
        if _fold(word).casefold() not in known:
            reason = f"ambiguous name {word!r} is not one of {country.code}'s"
            raise f.error(got["ambiguous"], reason)
    return country


def _read_organisation(f: _File, node: yaml.Node) -> Organisation:
    got = f.fields(node, "organisation", ("code", "name", "names", "kind"),
                   ("members", "derived", "ambiguous"))  # fmt: skip
    code = f.matching(got["code"], "code", _ORG_CODE, "IGO/NGO followed by capitals or digits")
    kind = f.text(got["kind"], "kind")
    if kind not in ("igo", "ngo"):
        raise f.error(got["kind"], f"kind {kind!r} is not igo or ngo")
    if not code.startswith(kind.upper()):
        raise f.error(got["code"], f"code {code} does not start with {kind.upper()} (kind {kind})")
    members = f.texts(got.get("members"), "members")
    for member in members:
        if not _ISO3.fullmatch(member):
            raise f.error(got["members"], f"member {member!r} is not an ISO3 code")
    names = f.texts(got["names"], "names")
    ambiguous = f.texts(got.get("ambiguous"), "ambiguous")
    folded = {_fold(n).casefold() for n in (f.text(got["name"], "name"), *names)}
    for word in ambiguous:
        if _fold(word).casefold() not in folded:
            raise f.error(got["ambiguous"], f"ambiguous name {word!r} is not one of {code}'s")
    return Organisation(
        code=code,
        name=f.text(got["name"], "name"),
        names=names,
        kind="igo" if kind == "igo" else "ngo",
        members=members,
        derived=f.flag(got.get("derived"), "derived"),
        ambiguous=ambiguous,
        origin=f.origin(node),
    )


def _read_agent(f: _File, node: yaml.Node) -> Agent:
    got = f.fields(node, "agent", ("code", "label", "words"), ("priority",))
    words = f.texts(got["words"], "words")
    if not words:
        raise f.error(got["words"], "words is empty")
    for word in words:
        if word != word.lower():
            raise f.error(got["words"], f"word {word!r} must be lower case (a lemma)")
    return Agent(
        code=f.matching(got["code"], "code", _AGENT_CODE, "three capital letters"),
        label=f.text(got["label"], "label"),
        words=words,
        priority=f.integer(got.get("priority"), "priority"),
        origin=f.origin(node),
    )


def _read_role(f: _File, node: yaml.Node) -> Role:
    got = f.fields(node, "role", ("code", "start"), ("title", "end", "approx"))
    start = f.day(got["start"], "start")
    end_node = got.get("end")
    end = None
    if end_node is not None and f.optional_text(end_node, "end") is not None:
        end = f.day(end_node, "end")
    if end is not None and end < start:
        raise f.error(end_node, f"role ends ({end}) before it starts ({start})")
    return Role(
        code=f.matching(got["code"], "code", _ROLE_CODE, "an actor code in capitals"),
        title=f.optional_text(got.get("title"), "title") or "",
        start=start,
        end=end,
        approx=f.flag(got.get("approx"), "approx"),
        origin=f.origin(node),
    )


def _read_person(f: _File, node: yaml.Node) -> Person:
    got = f.fields(node, "person", ("name", "country"), ("aliases", "roles"))
    country = f.matching(got["country"], "country", _ISO3, "an ISO3 code (three capital letters)")
    return Person(
        name=f.text(got["name"], "name"),
        country=country,
        aliases=f.texts(got.get("aliases"), "aliases"),
        roles=tuple(_read_role(f, item) for item in f.items(got.get("roles"), "roles")),
        origin=f.origin(node),
    )


def _read_institution(f: _File, node: yaml.Node) -> Institution:
    """Check the form of one institution; which codes exist is checked once all is read."""
    got = f.fields(node, "institution", ("code", "name", "names", "kind", "country"),
                   ("ambiguous",))  # fmt: skip
    name = f.text(got["name"], "name")
    names = f.texts(got["names"], "names")
    if not names:
        raise f.error(got["names"], "names is empty")
    text = f.text(got["kind"], "kind")
    kind = next((k for k in _INSTITUTION_KINDS if k == text), None)
    if kind is None:
        raise f.error(got["kind"], f"kind {text!r} is not one of {', '.join(_INSTITUTION_KINDS)}")
    country = f.optional_text(got["country"], "country")
    if country is None:
        form = "three capital letters and then at least three capitals or digits"
        code = f.matching(got["code"], "code", _TRANSNATIONAL_CODE, form)
    else:
        if not _ISO3.fullmatch(country):
            raise f.error(got["country"], f"country {country!r} is not an ISO3 code or null")
        form = "an ISO3 code and an agent code (six capital letters)"
        code = f.matching(got["code"], "code", _NATIONAL_CODE, form)
        if code[:3] != country:
            raise f.error(got["code"], f"code {code} does not start with its country {country}")
    ambiguous = f.texts(got.get("ambiguous"), "ambiguous")
    folded = {_fold(n).casefold() for n in (name, *names)}
    for word in ambiguous:
        if _fold(word).casefold() not in folded:
            raise f.error(got["ambiguous"], f"ambiguous name {word!r} is not one of {name!r}'s")
    return Institution(
        code=code,
        name=name,
        names=names,
        kind=kind,
        country=country,
        ambiguous=ambiguous,
        origin=f.origin(node),
    )


Entry = Country | Organisation | Agent | Person | Institution
_READERS: dict[str, Callable[[_File, yaml.Node], Entry]] = {
    "countries": _read_country,
    "organisations": _read_organisation,
    "agents": _read_agent,
    "people": _read_person,
    "institutions": _read_institution,
}


def _key(entry: Entry) -> str:
    if isinstance(entry, (Person, Institution)):
        return _fold(entry.name).casefold()
    return entry.code


@dataclass(frozen=True, slots=True)
class _Layer:
    """The entries of one file, by section; ``replaces`` is true for the user's files."""

    name: str
    data: bytes
    sections: Mapping[str, tuple[Entry, ...]]
    replaces: bool


def _read_layer(path: str, name: str, data: bytes, section: str | None) -> _Layer:
    """Read a shipped file (``section`` names what its list holds) or a user's file."""
    f = _File(path, data)
    parts: dict[str, yaml.Node | None] = {}
    if section is not None:
        parts[section] = f.root
    elif f.root is None:
        pass
    elif isinstance(f.root, yaml.MappingNode):
        for key, value in f.root.value:
            if key.value not in _SECTIONS:
                known = ", ".join(_SECTIONS)
                raise f.error(key, f"unknown section {key.value!r} (known: {known})")
            parts[key.value] = value
    else:
        raise f.error(f.root, f"a user file must be a mapping with sections {', '.join(_SECTIONS)}")
    sections: dict[str, tuple[Entry, ...]] = {}
    for part, node in parts.items():
        seen: dict[str, Entry] = {}
        entries = tuple(_READERS[part](f, item) for item in f.items(node, part))
        for entry in entries:
            other = seen.setdefault(_key(entry), entry)
            if other is not entry:
                what = "name" if isinstance(entry, (Person, Institution)) else "code"
                reason = f"{what} {_key(entry)!r} repeats line {other.origin.line}"
                raise DataFileError("E101", path=path, line=entry.origin.line, reason=reason)
        sections[part] = entries
    return _Layer(name, data, MappingProxyType(sections), replaces=section is None)


def _merge(layers: Sequence[_Layer], section: str) -> list[Entry]:
    """Later user files replace entries; shipped files may only split a person's roles.

    The shipped people files are written per region, so one person may appear in two of
    them (a foreign minister in asia.yaml, the same man as UN chief in igo_heads.yaml):
    those entries are combined, provided they agree on the country.
    """
    merged: dict[str, Entry] = {}
    for layer in layers:
        for entry in layer.sections.get(section, ()):
            other = merged.get(_key(entry))
            if other is not None and not layer.replaces:
                if not (isinstance(entry, Person) and isinstance(other, Person)):
                    reason = f"{_key(entry)!r} is already defined at {other.origin}"
                    raise DataFileError(
                        "E101", path=entry.origin.path, line=entry.origin.line, reason=reason
                    )
                entry = _combine(other, entry)
            if isinstance(entry, Institution):
                # Moved last, so its names win over shipped bodies that share one.
                merged.pop(_key(entry), None)
            merged[_key(entry)] = entry
    return list(merged.values())


def _combine(first: Person, second: Person) -> Person:
    if first.country != second.country:
        reason = f"{second.name}: country {second.country}, but {first.origin} says {first.country}"
        raise DataFileError("E101", path=second.origin.path, line=second.origin.line, reason=reason)
    return Person(
        name=first.name,
        country=first.country,
        aliases=tuple(dict.fromkeys((*first.aliases, *second.aliases))),
        roles=tuple(sorted((*first.roles, *second.roles), key=lambda r: r.start)),
        origin=first.origin,
    )


def _check_links(countries: Sequence[Country], others: Iterable[Entry]) -> None:
    """Codes that must name a known country: members, people's countries, role codes.

    A role code starts with a country code or is an IGO/NGO code. It may be another
    country's than the person's own: Shevardnadze was a Soviet (RUSGOV) minister first.
    """
    known = {c.code for c in countries}
    for entry in others:
        codes = entry.members if isinstance(entry, Organisation) else ()
        codes += (entry.country,) if isinstance(entry, Person) else ()
        for code in codes:
            if code not in known:
                reason = f"{_key(entry)}: country {code} is not in the country list"
                raise DataFileError(
                    "E101", path=entry.origin.path, line=entry.origin.line, reason=reason
                )
        for role in entry.roles if isinstance(entry, Person) else ():
            if not (role.code[:3] in known or role.code.startswith(("IGO", "NGO"))):
                reason = f"role code {role.code} starts with neither a country code nor IGO/NGO"
                raise DataFileError(
                    "E101", path=role.origin.path, line=role.origin.line, reason=reason
                )


def _build(layers: Sequence[_Layer]) -> ActorDictionary:
    countries = [e for e in _merge(layers, "countries") if isinstance(e, Country)]
    organisations = [e for e in _merge(layers, "organisations") if isinstance(e, Organisation)]
    agents = [e for e in _merge(layers, "agents") if isinstance(e, Agent)]
    people = [e for e in _merge(layers, "people") if isinstance(e, Person)]
    institutions = [e for e in _merge(layers, "institutions") if isinstance(e, Institution)]
    _check_links(countries, [*organisations, *people])
    _check_institutions(countries, agents, institutions)
    return ActorDictionary(
        countries=tuple(countries),
        organisations=tuple(organisations),
        agents=tuple(agents),
        people=tuple(people),
        version=_version(layers),
        files=tuple(layer.name for layer in layers),
        institutions=tuple(institutions),
    )


def _check_institutions(
    countries: Sequence[Country], agents: Sequence[Agent], institutions: Iterable[Institution]
) -> None:
    known = {c.code for c in countries}
    agent_codes = {a.code for a in agents}
    for entry in institutions:
        reason = _institution_problem(entry, known, agent_codes)
        if reason is not None:
            raise DataFileError(
                "E101", path=entry.origin.path, line=entry.origin.line, reason=reason
            )


def _institution_problem(entry: Institution, known: set[str], agent_codes: set[str]) -> str | None:
    """A national code is a known country's plus a known agent code; a transnational one
    must not start with a country code, or it would read as that country's."""
    if entry.country is None:
        if entry.code[:3] in known:
            return f"{entry.name}: code {entry.code} starts with a country code; give its country"
        return None
    if entry.country not in known:
        return f"{entry.name}: country {entry.country} is not in the country list"
    if entry.code[3:] not in agent_codes:
        return f"{entry.name}: agent code {entry.code[3:]} is not in the agent list"
    return None


def _version(layers: Iterable[_Layer]) -> str:
    digest = hashlib.sha256()
    for layer in layers:
        digest.update(layer.name.encode("utf-8") + b"\0" + layer.data + b"\0")
    return digest.hexdigest()[:12]


# ---------------------------------------------------------------------------------------
# Loading


def _data_folder() -> Path:
    return Path(str(resources.files("wirecoder") / "data" / "actors"))


def _files_in(folder: Path) -> list[tuple[str, Path, str]]:
    """(name, path, section) of every dictionary file in ``folder``, in load order."""
    files = [
        ("countries.yaml", folder / "countries.yaml", "countries"),
        ("igos.yaml", folder / "igos.yaml", "organisations"),
        ("agents.yaml", folder / "agents.yaml", "agents"),
    ]
    # Optional, so a folder laid out before institutions existed still loads.
    institutions = folder / "institutions.yaml"
    if institutions.is_file():
        files.append(("institutions.yaml", institutions, "institutions"))
    people = folder / "people"
    if people.is_dir():
        for path in sorted(people.iterdir()):
            if path.suffix in (".yaml", ".yml"):
                files.append((f"people/{path.name}", path, "people"))
    return files


def _layers_in(folder: Path) -> tuple[_Layer, ...]:
    layers = []
    for name, path, section in _files_in(folder):
        try:
            data = path.read_bytes()
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise DataFileError("E101", path=path, line=0, reason=reason) from exc
        layers.append(_read_layer(str(path), name, data, section))
    return tuple(layers)


@lru_cache(maxsize=1)
def _shipped_layers() -> tuple[_Layer, ...]:
    return _layers_in(_data_folder())


@lru_cache(maxsize=1)
def _shipped_dictionary() -> ActorDictionary:
    return _build(_shipped_layers())


def load_dictionary(extra: Sequence[Path] = (), *, root: Path | None = None) -> ActorDictionary:
    """The shipped actor dictionary (read once), with the user's ``extra`` files over it.

    Extra files are read on every call, in order; each may add entries or replace the
    entry with the same code (people and institutions: the same name). ``root`` swaps the
    shipped files for a folder laid out the same way (countries.yaml, igos.yaml,
    agents.yaml, people/, and optionally institutions.yaml).
    """
    if not extra and root is None:
        return _shipped_dictionary()
    layers = list(_shipped_layers() if root is None else _layers_in(Path(root)))
    for path in map(Path, extra):
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise DataFileError("E101", path=path, line=0, reason=exc.strerror or str(exc)) from exc
        layers.append(_read_layer(str(path), path.name, data, None))
    return _build(layers)


def _shipped_version() -> str:
    digest = hashlib.sha256()
    for name, path, _ in _files_in(_data_folder()):
        digest.update(name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


DICTIONARY_VERSION: str = _shipped_version()
