"""Quantities of the seed article (RFE/RL, Tajikistan, October 2004).

The article says Russia will write off "$330 billion" of Tajik debts: far more than
Tajikistan's whole economy (about $2 billion a year then), so the figure is flagged;
its value stays as written.
"""

from __future__ import annotations

import pytest

import wirecoder
from wirecoder.model import Quantity
from wirecoder.nlp import parse
from wirecoder.quantities import extract_quantities

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def found(seed_text: str) -> tuple[tuple[Quantity, ...], str]:
    coded = wirecoder.code(seed_text)
    text = coded.article.text
    return extract_quantities(parse(text), coded.actors, year=2004), text


def by_unit(found: tuple[tuple[Quantity, ...], str], unit: str) -> list[Quantity]:
    return [q for q in found[0] if q.unit == unit]


def test_offsets_point_into_the_article(found: tuple[tuple[Quantity, ...], str]) -> None:
    quantities, text = found
    assert quantities
    for q in quantities:
        assert text[q.start : q.end] == q.text
        assert q.event is None


def test_five_thousand_soldiers(found: tuple[tuple[Quantity, ...], str]) -> None:
    (soldiers,) = by_unit(found, "soldier")
    assert (soldiers.text, soldiers.value, soldiers.refers_to) == (
        "5,000 soldiers",
        5000,
        "soldiers",
    )
    assert soldiers.flags == ()  # a Russian base: well within Russia's forces


def test_debt_write_off_is_implausible_for_tajikistan(
    found: tuple[tuple[Quantity, ...], str],
) -> None:
    debt = next(q for q in by_unit(found, "USD") if q.text == "$330 billion")
    assert debt.value == 3.3e11
    assert debt.refers_to == "Tajik debts"
    (flag,) = debt.flags
    assert flag.startswith("implausible: 3.3e+11 USD is ")
    assert "Tajikistan's GDP" in flag and "in 2005)" in flag


def test_investment_over_five_years(found: tuple[tuple[Quantity, ...], str]) -> None:
    money = next(q for q in by_unit(found, "USD") if q.text == "$ 2 billion")
    assert (money.value, money.refers_to, money.flags) == (2e9, "investment", ())
    five = [q for q in by_unit(found, "year") if q.value == 5]
    assert len(five) == 1
    assert five[0].text == "five years" and five[0].start > money.end
    assert five[0].refers_to == "investment"


def test_over_half_the_industries(found: tuple[tuple[Quantity, ...], str]) -> None:
    (share,) = by_unit(found, "percent")
    assert (share.text, share.value, share.qualifier) == ("over 50 percent", 50, ">")
    assert share.refers_to == "Russian share"


def test_dates_are_not_quantities(found: tuple[tuple[Quantity, ...], str]) -> None:
    values = {q.value for q in found[0]}
    assert not values & {20, 2004, 11, 2001}
