"""Finding quantity expressions in a parsed article, token by token.

A quantity is a number (digits or words, with its scale: "1.2 million") and the unit it
is written with: a currency before or after it ("$330 billion", "2 billion roubles"), a
percent word, a duration ("five years", "six-month") or a counted noun ("5,000
soldiers"). Qualifiers written before or after ("over", "or more") are part of it.
Numbers with no unit (dates, years, "one of them") are not quantities.
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from typing import Literal

from spacy.tokens import Doc, Token

from wirecoder.quantities.lexicon import CountNoun, Currency, Lexicon
from wirecoder.quantities.numerals import NumberRead, read_number

Kind = Literal["money", "percent", "duration", "count"]

_RANGE_WORDS = {"and", "to", "or", "-", "\u2013", "\u2014"}
_HYPHENS = {"-", "\u2010", "\u2011", "\u2013"}
_DATE_LABELS = {"DATE", "TIME"}
_NOUNS = {"NOUN", "PROPN"}
# How far after the number the counted noun may be: "1.2 million Syrian refugees".
_NOUN_WINDOW = 4


@dataclass(frozen=True, slots=True)
class Found:
    """One quantity expression, by token indices into the doc."""

    kind: Kind
    value: float
    unit: str
    start: int  # first token, the qualifier included
    end: int  # after the last token, the unit included
    number: int  # first token of the amount itself (its currency symbol included)
    amount_end: int  # after the number and its scale words
    qualifier: str | None = None
    noun: int | None = None  # the counted noun, for counts
    count_kind: str | None = None  # "military", "people", ... from units.yaml
    currency: Currency | None = None
    scale: float = 1.0  # what scale words and abbreviations multiplied the number by


def _is_code(text: str) -> bool:
    return len(text) == 3 and text.isalpha() and text.isupper()


def _choose_currency(options: Sequence[Currency], countries: AbstractSet[str]) -> Currency:
    """Of currencies sharing a name ("peso"), the one of a country in view, else the first."""
    for currency in options:
        if any(code in countries for code in currency.countries):
            return currency
    return options[0]


def _count_noun(doc: Doc, noun: Token, lexicon: Lexicon) -> CountNoun | None:
    """The listed count noun a token is (two-word nouns first: "border guards")."""
    lemma = lexicon.plurals.get(noun.lower_) or (noun.lemma_ or noun.text).lower()
    forms = [lemma, noun.lower_]
    if noun.i > 0:
        previous = doc[noun.i - 1].lower_
        found = lexicon.counts.get([previous, lemma]) or lexicon.counts.get([previous, noun.lower_])
        if found is not None:
            return found
    for form in forms:
        found = lexicon.counts.get([form])
        if found is not None:
            return found
    return None


def _is_plural(noun: Token) -> bool:
    if noun.tag_:
        return noun.tag_ in ("NNS", "NNPS")
    return bool(noun.lemma_) and noun.lemma_.lower() != noun.lower_


def _is_modifier(token: Token) -> bool:
    """A word that may stand between a number and the noun it counts: adjectives,
    participles ("displaced"), names and model names ("30 F-16 jets")."""
    text = token.text
    model_name = any(c.isalpha() for c in text) and any(c.isdigit() for c in text)
    return (
        token.pos_ in ("ADJ", "PROPN", "NOUN", "ADV")
        or token.dep_ in ("amod", "compound")
        or text in _HYPHENS
        or model_name
    )


def _counted_noun(doc: Doc, last: Token, end: int) -> Token | None:
    """The noun a number counts: its syntactic head when that follows past modifiers
    only, else the first noun after it ("1.2 million Syrian refugees"). A number or "and"
    in between means a range, read by the second number."""
    head = last.head
    if (
        last.dep_ in ("nummod", "compound", "amod", "quantmod")
        and end <= head.i < end + _NOUN_WINDOW
        and head.pos_ in _NOUNS
        and all(_is_modifier(t) for t in doc[end : head.i])
    ):
        return head
    for token in doc[end : min(end + _NOUN_WINDOW, len(doc))]:
        if token.pos_ == "NOUN" and token.dep_ != "compound":
            return token
        if not _is_modifier(token):
            return None
    return None


def _looks_like_year(doc: Doc, start: int, read: NumberRead) -> bool:
    text = doc[start].text
    return read.scale == 1.0 and text.isdigit() and len(text) == 4 and 1000 <= read.value < 3000


def _beside_month(doc: Doc, start: int, end: int, lexicon: Lexicon) -> bool:
    before = doc[start - 1].lower_ if start > 0 else ""
    after = doc[end].lower_ if end < len(doc) else ""
    return before in lexicon.months or after in lexicon.months


def _money(read: NumberRead, i: int, currency: Currency, end: int) -> Found:
    value, scale = read.value, read.scale
    if read.abbreviation is not None:
        value, scale = value * read.abbreviation, scale * read.abbreviation
    else:
        end = max(end, read.end)
    return Found("money", value, currency.code, i, end, i, read.end, currency=currency, scale=scale)


class QuantityFinder:
    """Scans a doc for quantity expressions with one lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def find(self, doc: Doc, countries: AbstractSet[str] = frozenset()) -> list[Found]:
        """Every quantity expression in ``doc``; ``countries`` (ISO3) pick between
        currencies that share a name."""
        words = [token.text for token in doc]
        found: list[Found] = []
        i = 0
        while i < len(doc):
            match = self._match_at(doc, words, i, countries)
            if match is None:
                i += 1
                continue
            found.append(self._with_qualifiers(doc, words, match))
            i = match.end
        return found

    # -- one expression -----------------------------------------------------------------

    def _match_at(
        self,
        doc: Doc,
        words: list[str],
        i: int,
        countries: AbstractSet[str],
        *,
        in_range: bool = False,
    ) -> Found | None:
        lex = self.lexicon
        prefix = lex.currency_symbols.get(words[i])
        start = i + 1 if prefix is not None else i
        if start >= len(doc):
            return None
        read = read_number(words, start, lex)
        if read is None:
            return None
        if prefix is not None:
            found: Found | None = _money(read, i, prefix, read.abbreviation_end)
        else:
            found = self._currency_after(doc, words, read, i, countries)
        if found is None and read.abbreviation is not None and read.abbreviation_end == read.end:
            return None  # "5m" with no currency: five metres as likely as five million
        found = (
            found
            or self._percent(words, read, i)
            or self._duration(words, read, i)
            or self._count(doc, read, i)
        )
        if in_range:
            return found
        if found is None:
            return self._range(doc, words, read, i, countries)
        return self._scale_from_range(doc, words, found, countries)

    def _currency_after(
        self, doc: Doc, words: list[str], read: NumberRead, i: int, countries: AbstractSet[str]
    ) -> Found | None:
        lex = self.lexicon
        at = read.abbreviation_end
        if at >= len(doc) or doc[at].pos_ == "VERB":  # "the party won", not the won
            return None
        named = lex.currency_names.longest_at(words, at)
        if named is not None:
            options, end = named
            return _money(read, i, _choose_currency(options, countries), end)
        symbol = lex.currency_symbols.get(words[at])
        if symbol is not None and _is_code(words[at]):
            return _money(read, i, symbol, at + 1)
        return None

    def _percent(self, words: list[str], read: NumberRead, i: int) -> Found | None:
        lex = self.lexicon
        for table in (lex.points, lex.percent):
            hit = table.longest_at(words, read.end)
            if hit is not None:
                unit, end = hit
                return Found("percent", read.value, unit, i, end, i, read.end, scale=read.scale)
        return None

    def _duration(self, words: list[str], read: NumberRead, i: int) -> Found | None:
        lex = self.lexicon
        at = read.end + 1 if read.end < len(words) and words[read.end] in _HYPHENS else read.end
        hit = lex.durations.longest_at(words, at)
        if hit is None:
            return None
        unit, end = hit
        after = end + 1 if end < len(words) and words[end] in _HYPHENS else end
        if after < len(words) and words[after].lower() in lex.not_after_duration:
            return None  # an age or a point in time: "a 45-year-old", "two years ago"
        return Found("duration", read.value, unit, i, end, i, read.end, scale=read.scale)

    def _count(self, doc: Doc, read: NumberRead, i: int) -> Found | None:
        if any(t.ent_type_ in _DATE_LABELS for t in doc[i : read.end]):
            return None
        if _beside_month(doc, i, read.end, self.lexicon) or _looks_like_year(doc, i, read):
            return None
        noun = _counted_noun(doc, doc[read.end - 1], read.end)
        if noun is None:
            return None
        listed = _count_noun(doc, noun, self.lexicon)
        if listed is None:
            # An unlisted noun counts only when plainly plural: "two industries", not
            # "one day" or "the 5 May meeting".
            unit: str = (noun.lemma_ or noun.text).lower()
            if read.value < 2 or noun.pos_ != "NOUN" or not _is_plural(noun):
                return None
            if unit in self.lexicon.not_counts:
                return None
            kind = None
        else:
            unit, kind = listed.unit, listed.kind
        return Found(
            "count", read.value, unit, i, noun.i + 1, i, read.end,
            noun=noun.i, count_kind=kind, scale=read.scale,
        )  # fmt: skip

    def _range(
        self, doc: Doc, words: list[str], read: NumberRead, i: int, countries: AbstractSet[str]
    ) -> Found | None:
        """The first number of a range takes the unit of the second: "between 3,000 and
        5,000 troops", "2 to 3 million refugees"."""
        second = self._second_of_range(doc, words, read.end, countries)
        if second is None:
            return None
        value = read.value * (second.scale if read.scale == 1.0 else 1.0)
        return replace(second, value=value, start=i, end=read.end, number=i, amount_end=read.end)

    def _scale_from_range(
        self, doc: Doc, words: list[str], found: Found, countries: AbstractSet[str]
    ) -> Found:
        """The first amount of "$3 to $5 billion" is in billions too."""
        if found.scale != 1.0 or found.kind != "money":
            return found
        second = self._second_of_range(doc, words, found.end, countries)
        if second is None or second.unit != found.unit:
            return found
        return replace(found, value=found.value * second.scale, scale=second.scale)

    def _second_of_range(
        self, doc: Doc, words: list[str], at: int, countries: AbstractSet[str]
    ) -> Found | None:
        if at + 1 >= len(doc) or words[at].lower() not in _RANGE_WORDS:
            return None
        return self._match_at(doc, words, at + 1, countries, in_range=True)

    # -- qualifiers ---------------------------------------------------------------------

    def _with_qualifiers(self, doc: Doc, words: list[str], found: Found) -> Found:
        lex = self.lexicon
        parsed = doc.has_annotation("DEP") or doc.has_annotation("SENT_START")
        sentence_start = doc[found.start].sent.start if parsed else 0
        window = words[sentence_start : found.end + lex.qualifiers_after.longest]
        lower = [w.lower() for w in window]
        before = lex.qualifiers_before.longest_ending(lower, found.start - sentence_start)
        if before is not None:
            symbol, first = before
            return replace(found, qualifier=symbol, start=first + sentence_start)
        after = lex.qualifiers_after.longest_at(lower, found.end - sentence_start)
        if after is not None:
            symbol, last = after
            return replace(found, qualifier=symbol, end=last + sentence_start)
        return found
