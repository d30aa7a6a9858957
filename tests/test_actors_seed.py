"""Actors of the seed article: the cases an analyst checks first."""

from __future__ import annotations

import pytest

import wirecoder
from wirecoder.model import CodedDocument, Mention

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def coded(seed_text: str) -> CodedDocument:
    return wirecoder.code(seed_text)


def mentions(coded: CodedDocument, text: str) -> list[Mention]:
    return [m for m in coded.actors if m.text == text]


def test_offsets_point_into_the_article(coded: CodedDocument) -> None:
    for m in coded.actors:
        assert coded.article.text[m.start : m.end] == m.text


def test_putin_and_every_he_for_him_share_one_actor(coded: CodedDocument) -> None:
    putin = mentions(coded, "Vladimir Putin") + mentions(coded, "Putin")
    assert len(putin) >= 6
    assert {m.code for m in putin} == {"RUSGOV"}
    assert len({m.entity for m in putin}) == 1
    # "He also promised more investment" follows the lead about Putin.
    start = coded.article.text.index("He also promised")
    he = next(m for m in coded.actors if m.start == start)
    assert he.entity == putin[0].entity and he.how == "coref_pronoun"


def test_rakhmonov_is_tajik_government(coded: CodedDocument) -> None:
    (rakhmonov,) = mentions(coded, "Imomali Rakhmonov")
    assert rakhmonov.code == "TJKGOV"
    assert rakhmonov.name == "Emomali Rahmon"


def test_attaullah_is_tajik_opposition(coded: CodedDocument) -> None:
    found = mentions(coded, "Dadejan Attaullah") + mentions(coded, "Attaullah")
    assert len(found) == 2
    assert {m.code for m in found} == {"TJKOPP"}
    assert len({m.entity for m in found}) == 1


def test_de_hoop_scheffer_is_nato(coded: CodedDocument) -> None:
    found = mentions(coded, "Jaap de Hoop Scheffer") + mentions(coded, "de Hoop Scheffer")
    assert len(found) == 2
    assert {m.code for m in found} == {"IGOWSTNAT"}


def test_nezavisimaya_gazeta_is_russian_media(coded: CodedDocument) -> None:
    (paper,) = mentions(coded, "Nezavisimaya gazeta")
    assert paper.code == "RUSMED"


def test_vatanka_linked_to_janes(coded: CodedDocument) -> None:
    found = mentions(coded, "Alex Vatanka") + mentions(coded, "Vatanka")
    assert len(found) == 3
    assert {m.affiliation for m in found} == {"Jane's Defence Weekly"}
    assert len({m.entity for m in found}) == 1


def test_places_are_not_actors(coded: CodedDocument) -> None:
    text = coded.article.text
    located = text.index("new military base in the Tajik capital")
    in_tajikistan = text.index("in Tajikistan")
    starts = {m.start for m in coded.actors}
    assert in_tajikistan + 3 not in starts
    assert located not in starts
