"""The events the seed article must show (issue: event coding, "Must show")."""

from __future__ import annotations

import pytest

import wirecoder
from wirecoder.model import CodedDocument, Event

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def coded(seed_text: str) -> CodedDocument:
    return wirecoder.code(seed_text)


def _find(doc: CodedDocument, source: str, target: str | None, root: str) -> list[Event]:
    return [
        e
        for e in doc.events
        if e.source is not None
        and e.source.code == source
        and (e.target.code if e.target else None) == target
        and e.root == root
    ]


def test_putins_visit_to_the_country(coded: CodedDocument) -> None:
    (visit,) = _find(coded, "RUSGOV", "TJK", "04")
    assert (visit.cameo, visit.trigger, visit.rule) == ("042", "visit", "visit.n")
    assert visit.date == "2004-10-18" and visit.date_precision == "week"  # "this week"


def test_the_base_is_military_cooperation_placed_in_dushanbe(coded: CodedDocument) -> None:
    (base,) = _find(coded, "RUSGOV", "TJK", "06")
    assert base.cameo == "062" and base.rule == "open.base"
    assert base.place is not None and base.place.name == "Dushanbe"


def test_debt_write_off_and_investment_are_promised_aid(coded: CodedDocument) -> None:
    aid = {(e.source.code if e.source else None, e.trigger, e.modality) for e in coded.events}
    assert ("RUS", "write", "intended") in aid  # "Russia will write off ... Tajik debts"
    assert ("RUSGOV", "promised", "intended") in aid  # "promised more investment"
    for event in _find(coded, "RUS", "TJK", "03") + _find(coded, "RUSGOV", "TJK", "03"):
        assert event.cameo == "0331"
    # The object of the promise is not a second, asserted investment event.
    assert not [e for e in coded.events if e.trigger == "investment" and e.sentence == 2]


def test_pledge_of_caco_membership(coded: CodedDocument) -> None:
    (pledge,) = _find(coded, "RUSGOV", "IGOCASCAC", "03")
    assert pledge.modality == "intended" and pledge.trigger == "pledged"


def test_nato_tour_and_intent_to_agree(coded: CodedDocument) -> None:
    tours = _find(coded, "IGOWSTNAT", None, "04")
    assert [e.trigger for e in tours] == ["tour"]
    agree = [e for e in _find(coded, "IGOWSTNAT", None, "03") if e.trigger == "agree"]
    assert agree and agree[0].modality == "intended"


def test_rakhmonovs_support_for_the_us_is_dated_2001(coded: CodedDocument) -> None:
    (support,) = _find(coded, "TJKGOV", "USA", "05")
    assert support.trigger == "supportive"
    assert support.date == "2001-09" and support.historical
    assert support.date_precision == "month"


def test_opposition_criticism(coded: CodedDocument) -> None:
    (criticism,) = _find(coded, "TJKOPP", "TJK", "11")
    assert criticism.trigger == "sold" and criticism.rule == "sell_off.country"


def test_no_event_from_the_sites_notices(coded: CodedDocument) -> None:
    text = coded.article.text
    assert all(e.end <= len(text) for e in coded.events)
    notices = [r.text for r in coded.article.removed if r.reason != "pull_quote"]
    for event in coded.events:
        sentence = text[event.start : event.end]
        assert not any(sentence and sentence in notice for notice in notices)
