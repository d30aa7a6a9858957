"""Quotes of the seed article (RFE/RL, Tajikistan, 2004): what an analyst checks first.

Four quoted passages are direct quotes: Vatanka's split quote (two records, "A," X said.
"B."), Vatanka's next quote paragraph (no attribution: the speaker named just before),
de Hoop Scheffer's, and Attaullah's, whose pull-quote copy the cleaner removed. The
newspaper's words at the end ("greatly increasing its military presence in Central
Asia.") are left out on purpose: they sit inside the reporter's own sentence, whose
subject is Moscow, with no speech verb framing them, so a speaker would be a guess.
"""

from __future__ import annotations

import pytest

import wirecoder
from wirecoder.model import CodedDocument, Location, Quote
from wirecoder.nlp import parse
from wirecoder.quotes import extract_quotes
from wirecoder.quotes.marks import normal_key

pytestmark = pytest.mark.model

NOT_QUOTES = (
    "Jane's Defence Weekly",
    "war on terror",
    "Lines of Communication Agreement",
    "undesirable organization",
    "Nezavisimaya gazeta",
    "greatly increasing its military presence in Central Asia.",
)


@pytest.fixture(scope="module")
def coded(seed_text: str) -> CodedDocument:
    return wirecoder.code(seed_text)


@pytest.fixture(scope="module")
def quotes(coded: CodedDocument) -> tuple[Quote, ...]:
    doc = parse(coded.article.text)
    return extract_quotes(doc, coded.actors, removed=coded.article.removed)


def direct(quotes: tuple[Quote, ...]) -> list[Quote]:
    return [q for q in quotes if q.kind == "direct"]


def speaker_name(quote: Quote) -> str | None:
    return quote.speaker.name if quote.speaker else None


def test_offsets_point_into_the_article(coded: CodedDocument, quotes: tuple[Quote, ...]) -> None:
    text = coded.article.text
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
        if quote.speaker is not None:
            assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.text


def test_four_quoted_passages_with_their_speakers(quotes: tuple[Quote, ...]) -> None:
    found = direct(quotes)
    # The split quote is one passage in two records.
    passages = [q for q in found if q.rule != "direct.split"]
    assert [speaker_name(q) for q in passages] == [
        "Alex Vatanka",
        "Jaap de Hoop Scheffer",
        "Alex Vatanka",
        "Dadejan Attaullah",
    ]
    assert [q.rule for q in found] == [
        "direct.attributed",
        "direct.split",
        "direct.attributed",
        "direct.followon",
        "direct.attributed",
    ]


def test_vatanka_speaks_for_janes_defence_weekly(quotes: tuple[Quote, ...]) -> None:
    vatanka = [q for q in direct(quotes) if speaker_name(q) == "Alex Vatanka"]
    assert len(vatanka) == 3
    assert vatanka[0].text == "This is not just going on in Tajikistan,"
    assert vatanka[1].text.startswith("You have seen similar scenarios in Armenia;")
    assert vatanka[2].text.startswith("Russians are very, very apprehensive")
    for quote in vatanka:
        assert quote.speaker is not None
        assert quote.speaker.affiliation == "Jane's Defence Weekly"


def test_de_hoop_scheffer_quote_keeps_its_inner_marks(quotes: tuple[Quote, ...]) -> None:
    (quote,) = [q for q in direct(quotes) if speaker_name(q) == "Jaap de Hoop Scheffer"]
    assert quote.text.startswith("I am confident that very soon indeed [NATO]")
    assert "'Lines of Communication Agreement'" in quote.text
    assert quote.speaker is not None and quote.speaker.code == "IGOWSTNAT"


def test_attaullah_quote_points_at_the_removed_pull_quote(
    coded: CodedDocument, quotes: tuple[Quote, ...]
) -> None:
    (quote,) = [q for q in direct(quotes) if speaker_name(q) == "Dadejan Attaullah"]
    pulls = [i for i, r in enumerate(coded.article.removed) if r.reason == "pull_quote"]
    assert quote.also_at == tuple(Location(removed=i) for i in pulls)
    assert len(pulls) == 1
    assert quote.text.startswith("Yesterday, after a couple of years")
    assert quote.speaker is not None and quote.speaker.code == "TJKOPP"


def test_reported_statements_by_vatanka_and_putin(quotes: tuple[Quote, ...]) -> None:
    reported = {(speaker_name(q), q.text) for q in quotes if q.kind == "reported"}
    assert (
        "Alex Vatanka",
        "this coupling of military and economic support is increasingly a new Russian approach",
    ) in reported
    assert ("Alex Vatanka", "Russia is unhappy with the increasing U.S. and NATO presence") in (
        reported
    )
    putin = [text for name, text in reported if name == "Vladimir Putin"]
    assert any(t.startswith("Russia attaches a great deal of military importance") for t in putin)
    assert any(t.startswith("no country had equaled") for t in putin)


def test_omitted_to_say_is_not_a_statement(quotes: tuple[Quote, ...]) -> None:
    assert not [q for q in quotes if q.text.startswith("Russia is also planning")]


@pytest.mark.parametrize("phrase", NOT_QUOTES)
def test_names_and_scare_quotes_are_left_out(quotes: tuple[Quote, ...], phrase: str) -> None:
    # Quoted on its own: a quote that only contains it (de Hoop Scheffer's) is fine.
    assert not [q for q in direct(quotes) if normal_key(q.text) == normal_key(phrase)]
