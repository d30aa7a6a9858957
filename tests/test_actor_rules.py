"""Resolver rules for actors the dictionary does not name: titled strangers, group nouns."""

from __future__ import annotations

import pytest

import wirecoder

pytestmark = pytest.mark.model


def codes(text: str) -> dict[str, str]:
    doc = wirecoder.code(text, published="2011-05-10")
    return {m.text: m.code for m in doc.actors}


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        # No dateline: the country the sentence sets its scene in places the stranger.
        (
            "President Amadou Kelefa extended the night curfew in Abidjan on Monday.",
            "Amadou Kelefa",
            "CIVGOV",
        ),
        (
            "Lt. Gen. Pierre Dumarsais stepped down ahead of Haiti's first free vote.",
            "Pierre Dumarsais",
            "HTIMIL",
        ),
        # ... or the country of the domestic actors it acts on.
        (
            "Judge Ramon Aguirre charged 12 Peruvian police officers with torture.",
            "Ramon Aguirre",
            "PERJUD",
        ),
        # Who speaks for a body or a branch of a state takes its code.
        (
            "A spokesman for the Free Aceh Movement denied the report.",
            "spokesman",
            "IDNREB",
        ),
        ("A spokeswoman for the Syrian presidency declined to comment.", "spokeswoman", "SYRGOV"),
        # A name the tagger mistypes, described by an apposition.
        (
            "Kenzo Oshima, the United Nations Emergency Relief Coordinator, visited Basra.",
            "Kenzo Oshima",
            "IGOUNO",
        ),
        # Plural groups without a dateline: of the one country the sentence is set in.
        (
            "Opposition lawmakers booed Hungarian Prime Minister Ferenc Gyurcsany in parliament.",
            "Opposition lawmakers",
            "HUNOPP",
        ),
        # Group nouns with a nationality.
        ("Palestinian leaders rejected the plan on Sunday.", "Palestinian leaders", "PSEGOV"),
        ("Student leaders in Caracas called a strike.", "Student leaders", "VENEDU"),
        ("Palestinian prisoners began a hunger strike.", "Palestinian prisoners", "PSECVL"),
        # A plural agent phrase whose head alone names no agent.
        (
            "The Indian and Pakistani foreign secretaries met in Islamabad.",
            "Indian and Pakistani foreign secretaries",
            "INDGOV",
        ),
        (
            "Pakistani intelligence agencies warned of an attack.",
            "Pakistani intelligence agencies",
            "PAKSPY",
        ),
        # Two actors the parser joined in one phrase.
        (
            "Talks between the Colombian government and FARC rebels resumed in Havana.",
            "Colombian government",
            "COLGOV",
        ),
        (
            "Talks between the Colombian government and FARC rebels resumed in Havana.",
            "FARC rebels",
            "COLREB",
        ),
        # A people named after a country: its civilians.
        ("Thousands of Iraqi Kurds marched in Kirkuk.", "Iraqi Kurds", "IRQCVL"),
        # A title whose last word alone names no agent ("prince").
        ("Bahrain's crown prince met opposition leaders.", "Bahrain's crown prince", "BHRGOV"),
        # A named armed group the dictionary does not know: of the scene's country.
        (
            "The Islamist group Ansar Dine claimed the attack in Kidal.",
            "Ansar Dine",
            "MLIREB",
        ),
        ("Nepal's Maoists threatened to return to war.", "Nepal's Maoists", "NPLREB"),
    ],
)
def test_unknown_actor_is_placed(text: str, mention: str, code: str) -> None:
    assert codes(text).get(mention) == code


def test_a_country_acted_on_does_not_place_the_stranger() -> None:
    found = codes("Bishop Samuel Okonjo called for sanctions against Zimbabwe on Friday.")
    assert "Samuel Okonjo" not in found
    assert found.get("Zimbabwe") == "ZWE"


def test_two_scene_countries_leave_the_stranger_unplaced() -> None:
    found = codes("President Idriss Tamba flew from Ndjamena to Abuja for talks.")
    assert "Idriss Tamba" not in found


def test_the_hague_is_a_place_not_william_hague() -> None:
    found = codes("The court in The Hague ruled on Friday. The Hague said it would appeal.")
    assert "GBRGOV" not in found.values() and "GBRELI" not in found.values()
    assert codes("Foreign Secretary William Hague met Sergei Lavrov.")["William Hague"] == "GBRGOV"


def test_an_ambiguous_group_name_is_read_where_the_text_calls_it_a_group() -> None:
    found = codes("Madrid blamed the Basque separatist group ETA for the bombing.")
    assert found.get("ETA") == "ESPREB"
    assert "ETA" not in codes("The ETA of the convoy was noon, officials said.")


@pytest.mark.parametrize(
    ("text", "published", "mention", "code"),
    [
        (
            "Ayatollah Ruhollah Khomeini called on Muslims to act.",
            "1989-02-14",
            "Ruhollah Khomeini",
            "IRNGOV",
        ),
        ("President Idi Amin ordered the Asians to leave.", "1972-08-05", "Idi Amin", "UGAGOV"),
        ("Anwar Sadat flew to Jerusalem on Saturday.", "1977-11-19", "Anwar Sadat", "EGYGOV"),
    ],
)
def test_leaders_of_earlier_decades_are_known(
    text: str, published: str, mention: str, code: str
) -> None:
    doc = wirecoder.code(text, published=published)
    found = {m.text: m.code for m in doc.actors}
    assert any(mention in name and found[name] == code for name in found), found


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        # People for or against a leader act in the leader's country, and are not him.
        ("Anti-Gaddafi fighters entered Sirte on Thursday.", "Anti-Gaddafi fighters", "LBYREB"),
        ("Pro-Gaddafi forces shelled Misrata on Thursday.", "Pro-Gaddafi forces", "LBYMIL"),
    ],
)
def test_fighters_for_or_against_a_leader_are_of_his_country(
    text: str, mention: str, code: str
) -> None:
    found = codes(text)
    assert found.get(mention) == code
    assert "LBYGOV" not in found.values()


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        # Armed men a named leader commands are his country's, of their own kind.
        ("President Assad's troops recaptured the town.", "troops", "SYRMIL"),
        # A kind named after "and" shares the nationality of the one before it.
        ("US warships and bombers struck targets in Baghdad.", "bombers", "USAMIL"),
        # Warplanes and patrol boats by type.
        ("Turkish F-16s shot down the plane.", "Turkish F-16s", "TURMIL"),
        ("North Korean patrol boats seized the ship.", "North Korean patrol boats", "PRKMIL"),
        # A region's forces at war with the state are its rebels.
        ("Tigrayan forces entered Mekelle on Monday.", "Tigrayan forces", "ETHREB"),
    ],
)
def test_forces_take_their_commander_s_or_partner_s_country(
    text: str, mention: str, code: str
) -> None:
    assert codes(text).get(mention) == code
