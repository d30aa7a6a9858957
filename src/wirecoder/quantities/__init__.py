"""Quantities: numbers tied to what they count, with plausibility flags.

``extract_quantities`` reads money ("$330 billion" -> 3.3e11 USD, "€5m" -> 5e6 EUR),
percentages ("over 50 percent" -> 50 percent, qualifier ">"), durations ("over the next
five years" -> 5 year) and counts ("5,000 soldiers" -> 5000 soldier) from a parsed
article, says what each measures (``refers_to``) and flags figures that cannot be right
for the country they concern ("$330 billion of Tajik debts" is 143 times Tajikistan's
GDP). ``Quantity.event`` is left for the event coder to fill.

The words live in ``wirecoder/data/quantities`` (see ``lexicon`` and ``reference``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span

from wirecoder.actors.dictionary import ActorDictionary, load_dictionary
from wirecoder.model import Mention, Quantity
from wirecoder.quantities.countries import CountryNames
from wirecoder.quantities.finder import Found, QuantityFinder
from wirecoder.quantities.lexicon import Lexicon, load_lexicon, read_lexicon
from wirecoder.quantities.plausibility import Context, Plausibility
from wirecoder.quantities.reference import Reference, load_reference, read_reference
from wirecoder.quantities.refers import Refers

__all__ = [
    "Lexicon",
    "Reference",
    "extract_quantities",
    "load_lexicon",
    "load_reference",
    "read_lexicon",
    "read_reference",
]


def _sentence(doc: Doc, index: int) -> tuple[int, int]:
    if doc.has_annotation("DEP") or doc.has_annotation("SENT_START"):
        sent = doc[index].sent
        return sent.start, sent.end
    return 0, len(doc)


def extract_quantities(
    doc: Doc,
    mentions: Sequence[Mention] = (),
    *,
    home: str | None = None,
    year: int | None = None,
    dictionary: ActorDictionary | None = None,
    lexicon: Lexicon | None = None,
    reference: Reference | None = None,
) -> tuple[Quantity, ...]:
    """Every quantity in a parsed article, in text order.

    ``mentions`` (from ``wirecoder.actors.resolve``) and ``home`` (the dateline country,
    ISO3) tell which country a figure concerns; ``year`` (the article's) picks the GDP
    year to compare money with. Offsets are into ``doc.text``.
    """
    lexicon = lexicon or load_lexicon()
    reference = reference or load_reference()
    dictionary = dictionary or load_dictionary()
    named = CountryNames(dictionary, mentions)
    in_view = {m.country for m in mentions if m.country} | ({home} if home else set())
    found = QuantityFinder(lexicon).find(doc, in_view)
    refers = Refers(lexicon)
    checker = Plausibility(reference)

    measured = {f.start: refers.measured(doc, f) for f in found if f.kind != "duration"}
    linked = [(f, _text(measured[f.start])) for f in found if f.kind != "duration"]
    quantities = []
    for f in found:
        span = measured.get(f.start)
        duration = f.kind == "duration"
        refers_to = refers.duration(doc, f, linked) if duration else _text(span)
        context = _context(doc, f, span, named, home)
        quantity = _quantity(doc, f, refers_to)
        flags = checker.flags(f, quantity.text, context, year)
        quantities.append(replace(quantity, flags=flags) if flags else quantity)
    return tuple(quantities)


def _text(span: Span | None) -> str | None:
    return span.text if span is not None and span.text else None


def _context(
    doc: Doc, found: Found, span: Span | None, named: CountryNames, home: str | None
) -> Context:
    sent_start, sent_end = _sentence(doc, found.start)
    in_refers: list[str] = []
    words: frozenset[str] = frozenset()
    if span is not None and len(span):
        in_refers = named.between(doc, span.start, span.end)
        words = frozenset((t.lemma_ or t.text).lower() for t in span)
    return Context(
        refers_to=in_refers,
        sentence=named.between(doc, sent_start, sent_end),
        home=home,
        measured_words=words,
    )


def _quantity(doc: Doc, found: Found, refers_to: str | None) -> Quantity:
    first, last = doc[found.start], doc[found.end - 1]
    start, end = first.idx, last.idx + len(last.text)
    return Quantity(
        text=doc.text[start:end],
        value=found.value,
        unit=found.unit,
        start=start,
        end=end,
        qualifier=found.qualifier,
        refers_to=refers_to,
    )
