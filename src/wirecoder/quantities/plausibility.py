"""Plausibility flags: a figure set against the size of the country it concerns.

Money is compared with the country's annual GDP (``gdp.tsv``), troop counts with its
active armed forces (``armed_forces.tsv``), using the thresholds of
``plausibility.yaml``. A flag never changes the value; it carries the figures behind it.

The country: one named in what the quantity refers to ("Tajik debts"), else the
countries named in its sentence (the largest one, so that a flag means the figure is
too big for every country in view), else the article's home country.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from wirecoder.quantities.finder import Found
from wirecoder.quantities.reference import Reference


@dataclass(frozen=True, slots=True)
class Context:
    """The countries (ISO3) a quantity may concern, nearest first."""

    refers_to: Sequence[str] = ()  # named in what it measures
    sentence: Sequence[str] = ()  # named elsewhere in its sentence
    home: str | None = None  # the article's dateline country
    measured_words: frozenset[str] = frozenset()  # lemmas of what it measures

    def candidates(self) -> Sequence[str]:
        if self.refers_to:
            return self.refers_to
        if self.sentence:
            return self.sentence
        return (self.home,) if self.home else ()


def _amount(value: float) -> str:
    return f"{value:.3g}"


def _people(value: float) -> str:
    return f"{value:,.0f}"


class Plausibility:
    def __init__(self, reference: Reference) -> None:
        self.reference = reference

    def flags(self, found: Found, text: str, context: Context, year: int | None) -> tuple[str, ...]:
        """The warnings for one quantity; ``text`` is how it is written."""
        if found.kind == "money":
            flag = self._money(found, context, year)
            return (flag,) if flag else ()
        if found.kind == "count" and found.count_kind == "military":
            return self._troops(found, text, context)
        return ()

    def _money(self, found: Found, context: Context, year: int | None) -> str | None:
        ref = self.reference
        currency = found.currency
        if currency is None:
            return None
        rate = currency.rate(year if year is not None else max(currency.per_usd, default=0))
        if not rate:
            return None
        usd = found.value / rate
        figures = [
            (gdp, ref_year, code)
            for code in context.candidates()
            if (hit := ref.gdp_in(code, year)) is not None
            for gdp, ref_year in (hit,)
        ]
        if not figures:
            return None
        gdp, ref_year, code = max(figures)
        limits = ref.thresholds
        is_debt = bool(context.measured_words & limits.debt_words)
        limit = limits.max_debt_gdp_ratio if is_debt else limits.max_gdp_ratio
        if gdp <= 0 or usd <= limit * gdp:
            return None
        amount = f"{_amount(found.value)} {currency.code}"
        if currency.code != "USD":
            amount += f" (~{_amount(usd)} USD)"
        name = ref.name.get(code, code)
        return (
            f"implausible: {amount} is {usd / gdp:.0f}x {name}'s GDP "
            f"(~{_amount(gdp)} USD in {ref_year})"
        )

    def _troops(self, found: Found, text: str, context: Context) -> tuple[str, ...]:
        ref = self.reference
        limits = ref.thresholds
        count = text
        if not limits.troops_min <= found.value <= limits.troops_max:
            low, high = _people(limits.troops_min), _people(limits.troops_max)
            return (f"implausible: {count} is outside the range of any one force ({low}-{high})",)
        sizes = [(ref.forces[c], c) for c in context.candidates() if c in ref.forces]
        if not sizes:
            return ()
        forces, code = max(sizes)
        ceiling = max(limits.max_forces_ratio * forces, limits.min_forces_ceiling)
        if found.value <= ceiling:
            return ()
        name = ref.name.get(code, code)
        ratio = f"{found.value / forces:.0f}x " if forces else "more than "
        return (
            f"implausible: {count} is {ratio}{name}'s active armed forces (~{_people(forces)})",
        )
