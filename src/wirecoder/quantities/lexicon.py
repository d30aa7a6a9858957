"""The words of quantities, read once from ``wirecoder/data/quantities``.

``numbers.yaml`` (number and scale words), ``qualifiers.yaml`` ("over", "at least"),
``units.yaml`` (percent, durations, count nouns), ``currencies.yaml`` (names, symbols,
ISO 4217 codes) and ``links.yaml`` (words that tie an amount to what it measures); each
file's header describes its fields.

>>> lexicon = load_lexicon()
>>> lexicon.currency_symbols["€"].code, lexicon.scales["billion"]
('EUR', 1000000000.0)
>>> lexicon.qualifiers_before.longest_ending(["talk", "of", "more", "than"], 4)
('>', 2)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Generic, TypeVar

import yaml

from wirecoder.quantities._yaml import YamlFile

V = TypeVar("V")

QUALIFIERS = (">", "<", ">=", "<=", "~")


def singular_forms(word: str) -> tuple[str, ...]:
    """The word and what it would be without a plural ending ("debts" -> "debt")."""
    forms = [word]
    if len(word) > 3 and word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if len(word) > 3 and word.endswith("es"):
        forms.append(word[:-2])
    if len(word) > 2 and word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
    return tuple(forms)


class PhraseTable(Generic[V]):
    """Phrases of one or more lower-case words, matched against a run of tokens.

    With ``plural`` set, the last word also matches with a plural ending.
    """

    def __init__(self, entries: Iterable[tuple[str, V]], *, plural: bool = False) -> None:
        self._plural = plural
        table: dict[tuple[str, ...], V] = {}
        for phrase, value in entries:
            table.setdefault(tuple(phrase.lower().split()), value)
        self._table = MappingProxyType(table)
        self.longest = max((len(k) for k in table), default=0)

    def __contains__(self, phrase: object) -> bool:
        return isinstance(phrase, str) and self.get(phrase.lower().split()) is not None

    def get(self, words: Sequence[str]) -> V | None:
        key = tuple(w.lower() for w in words)
        if not key:
            return None
        found = self._table.get(key)
        if found is None and self._plural:
            for last in singular_forms(key[-1])[1:]:
                found = self._table.get((*key[:-1], last))
                if found is not None:
                    break
        return found

    def longest_at(self, words: Sequence[str], start: int) -> tuple[V, int] | None:
        """The longest phrase starting at ``words[start]``: (value, end)."""
        for size in range(min(self.longest, len(words) - start), 0, -1):
            found = self.get(words[start : start + size])
            if found is not None:
                return found, start + size
        return None

    def longest_ending(self, words: Sequence[str], end: int) -> tuple[V, int] | None:
        """The longest phrase ending right before ``words[end]``: (value, start)."""
        for size in range(min(self.longest, end), 0, -1):
            found = self.get(words[end - size : end])
            if found is not None:
                return found, end - size
        return None


@dataclass(frozen=True, slots=True)
class Currency:
    code: str  # ISO 4217
    names: tuple[str, ...]
    symbols: tuple[str, ...]
    countries: tuple[str, ...] = ()  # ISO3 codes of the countries that use it
    per_usd: Mapping[int, float] = field(default_factory=dict)  # by year, approximate

    def rate(self, year: int) -> float | None:
        """Units per US dollar in the year nearest ``year`` that has a rate."""
        if not self.per_usd:
            return None
        nearest = min(self.per_usd, key=lambda y: (abs(y - year), -y))
        return self.per_usd[nearest]


@dataclass(frozen=True, slots=True)
class CountNoun:
    unit: str  # the noun in the singular: "soldier", "person"
    kind: str  # "military", "people", "equipment"


@dataclass(frozen=True, slots=True)
class Lexicon:
    number_words: Mapping[str, float]
    scales: Mapping[str, float]
    abbreviations: Mapping[str, float]
    months: frozenset[str]
    qualifiers_before: PhraseTable[str]
    qualifiers_after: PhraseTable[str]
    percent: PhraseTable[str]
    points: PhraseTable[str]
    durations: PhraseTable[str]
    not_after_duration: frozenset[str]
    counts: PhraseTable[CountNoun]
    plurals: Mapping[str, str]
    not_counts: frozenset[str]
    currencies: tuple[Currency, ...]
    currency_names: PhraseTable[tuple[Currency, ...]]
    currency_symbols: Mapping[str, Currency]
    of_preps: frozenset[str]
    linking_verbs: frozenset[str]
    duration_preps: frozenset[str]
    duration_verbs: frozenset[str]


def data_folder() -> Path:
    return Path(str(resources.files("wirecoder") / "data" / "quantities"))


def _numbers(f: YamlFile, section: str) -> dict[str, float]:
    node = f.section(f.root, section)
    return {word.lower(): f.number(value, word) for word, value in f.mapping(node, section)}


def _qualifiers(f: YamlFile, section: str) -> PhraseTable[str]:
    entries: list[tuple[str, str]] = []
    for symbol, phrases in f.mapping(f.section(f.root, section), section):
        if symbol not in QUALIFIERS:
            raise f.error(phrases, f"unknown qualifier {symbol!r} (known: {QUALIFIERS})")
        entries.extend((phrase, symbol) for phrase in f.texts(phrases, f"{section} {symbol}"))
    return PhraseTable(entries)


def _read_currency(f: YamlFile, node: yaml.Node) -> Currency:
    fields = dict(f.mapping(node, "a currency"))
    for name in ("code", "names", "symbols"):
        if name not in fields:
            raise f.error(node, f"currency is missing the field {name!r}")
    unknown = set(fields) - {"code", "names", "symbols", "countries", "per_usd"}
    if unknown:
        raise f.error(node, f"unknown currency fields {sorted(unknown)}")
    code = f.text(fields["code"], "code")
    if len(code) != 3 or not code.isalpha() or not code.isupper():
        raise f.error(fields["code"], f"code {code!r} is not an ISO 4217 code")
    rates: dict[int, float] = {}
    if "per_usd" in fields:
        for year, value in f.mapping(fields["per_usd"], "per_usd"):
            if not year.isdigit():
                raise f.error(fields["per_usd"], f"per_usd year {year!r} is not a year")
            rates[int(year)] = f.number(value, f"per_usd {year}")
    countries = f.texts(fields["countries"], "countries") if "countries" in fields else ()
    return Currency(
        code=code,
        names=f.texts(fields["names"], "names"),
        symbols=tuple(dict.fromkeys((*f.texts(fields["symbols"], "symbols"), code))),
        countries=countries,
        per_usd=MappingProxyType(rates),
    )


@dataclass(frozen=True, slots=True)
class _Units:
    percent: PhraseTable[str]
    points: PhraseTable[str]
    durations: PhraseTable[str]
    not_after_duration: frozenset[str]
    counts: PhraseTable[CountNoun]
    plurals: Mapping[str, str]
    not_counts: frozenset[str]


def _read_units(f: YamlFile) -> _Units:
    root = f.root
    durations = [
        (word, unit)
        for unit, words in f.mapping(f.section(root, "durations"), "durations")
        for word in f.texts(words, f"durations {unit}")
    ]
    counts = [
        (noun, CountNoun(noun.lower(), kind))
        for kind, nouns in f.mapping(f.section(root, "counts"), "counts")
        for noun in f.texts(nouns, f"counts {kind}")
    ]
    plurals = {
        word.lower(): f.text(unit, word).lower()
        for word, unit in f.mapping(f.section(root, "plurals"), "plurals")
    }
    return _Units(
        percent=PhraseTable((p, "percent") for p in f.texts(f.section(root, "percent"), "percent")),
        points=PhraseTable(
            (p, "percentage point") for p in f.texts(f.section(root, "points"), "points")
        ),
        durations=PhraseTable(durations),
        not_after_duration=_words(f, "not_after_duration"),
        counts=PhraseTable(counts, plural=True),
        plurals=MappingProxyType(plurals),
        not_counts=_words(f, "not_counts"),
    )


def _words(f: YamlFile, section: str) -> frozenset[str]:
    return frozenset(w.lower() for w in f.texts(f.section(f.root, section), section))


def read_lexicon(folder: Path) -> Lexicon:
    numbers = YamlFile(folder / "numbers.yaml")
    qualifiers = YamlFile(folder / "qualifiers.yaml")
    units = YamlFile(folder / "units.yaml")
    money = YamlFile(folder / "currencies.yaml")
    links = YamlFile(folder / "links.yaml")
    currencies = tuple(
        _read_currency(money, node) for node in money.sequence(money.root, "the currencies")
    )
    by_name: dict[str, list[Currency]] = {}
    symbols: dict[str, Currency] = {}
    for currency in currencies:
        for name in currency.names:
            by_name.setdefault(name.lower(), []).append(currency)
        for symbol in currency.symbols:
            symbols.setdefault(symbol, currency)
    unit = _read_units(units)
    return Lexicon(
        number_words=MappingProxyType(_numbers(numbers, "words")),
        scales=MappingProxyType(_numbers(numbers, "scales")),
        abbreviations=MappingProxyType(_numbers(numbers, "abbreviations")),
        months=_words(numbers, "months"),
        qualifiers_before=_qualifiers(qualifiers, "before"),
        qualifiers_after=_qualifiers(qualifiers, "after"),
        currencies=currencies,
        currency_names=PhraseTable(((n, tuple(c)) for n, c in by_name.items()), plural=True),
        currency_symbols=MappingProxyType(symbols),
        of_preps=_words(links, "of_preps"),
        linking_verbs=_words(links, "linking_verbs"),
        duration_preps=_words(links, "duration_preps"),
        duration_verbs=_words(links, "duration_verbs"),
        percent=unit.percent,
        points=unit.points,
        durations=unit.durations,
        not_after_duration=unit.not_after_duration,
        counts=unit.counts,
        plurals=unit.plurals,
        not_counts=unit.not_counts,
    )


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The shipped lexicon, read and checked once per process."""
    return read_lexicon(data_folder())
