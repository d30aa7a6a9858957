"""The actor dictionary: shipped files, lookups, dated roles, user files, schema errors."""

from __future__ import annotations

import dataclasses
import doctest
import os
import re
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml

from wirecoder.actors import dictionary
from wirecoder.actors.dictionary import (
    DICTIONARY_VERSION,
    ActorDictionary,
    Institution,
    Person,
    Role,
    load_dictionary,
)
from wirecoder.errors import DataFileError

AGENT_CODES = {
    *("GOV", "MIL", "COP", "OPP", "REB", "INS", "MED", "BUS", "CVL", "LEG", "JUD", "PTY"),
    *("NGO", "IGO", "EDU", "HLH", "REF", "LAB", "AGR", "ELI", "SPY", "CRM", "UAF", "REL"),
    *("HRI", "ENV", "RAD", "MOD"),
}
PEOPLE_DIR = Path(dictionary.__file__).parents[1] / "data" / "actors" / "people"


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return load_dictionary()


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, needle: str) -> int:
    """1-based line of the only line containing ``needle``."""
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    assert len(hits) == 1, hits
    return hits[0]


# ---- the shipped files ----------------------------------------------------------------


def test_shipped_counts(actors: ActorDictionary) -> None:
    assert len(actors.countries) >= 190
    assert len(actors.organisations) >= 80
    assert set(actors.agent_by_code) >= AGENT_CODES
    assert {o.kind for o in actors.organisations} == {"igo", "ngo"}
    assert actors.version == DICTIONARY_VERSION
    assert actors.files[:4] == ("countries.yaml", "igos.yaml", "agents.yaml", "institutions.yaml")


def test_shipped_people_folder_is_loaded(actors: ActorDictionary) -> None:
    files = sorted(PEOPLE_DIR.glob("*.yaml")) if PEOPLE_DIR.is_dir() else []
    assert actors.files[4:] == tuple(f"people/{p.name}" for p in files)
    for path in files:
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            found = actors.people_for_name(entry["name"])
            assert any(p.country == entry["country"] for p in found), (path.name, entry["name"])


@pytest.mark.parametrize(
    ("text", "code", "how"),
    [
        ("Tajik", "TJK", "adjective"),
        ("Tajiks", "TJK", "adjective"),
        ("Dushanbe", "TJK", "capital"),
        ("Khujand", "TJK", "city"),
        ("tajikistan", "TJK", "name"),
        ("Russian", "RUS", "adjective"),
        ("Moscow", "RUS", "capital"),
        ("the Netherlands", "NLD", "name"),
        ("Côte d’Ivoire", "CIV", "name"),
        ("Guinea Bissau", "GNB", "name"),
        ("U.S.", "USA", "name"),
        ("US", "USA", "name"),
        ("Americans", "USA", "adjective"),
        ("Washington, D.C.", "USA", "capital"),
        ("Kiev", "UKR", "capital"),
        ("Tripoli", "LBY", "capital"),
        ("North Korean", "PRK", "adjective"),
        ("Congolese", "COD", "adjective"),
        ("Congo-Brazzaville", "COG", "name"),
        ("Congo", "COD", "name"),  # wire style: bare Congo is the DRC
        ("Congo Republic", "COG", "name"),
        ("Palestinian", "PSE", "adjective"),
        ("Kosovo", "KSV", "name"),
    ],
)
def test_country_for_name(actors: ActorDictionary, text: str, code: str, how: str) -> None:
    found = actors.country_for_name(text)
    assert found is not None
    assert (found[0].code, found[1]) == (code, how)


@pytest.mark.parametrize("text", ["us", "Who", "Jane's Defence Weekly", "Tajikistanis land", ""])
def test_country_for_name_misses(actors: ActorDictionary, text: str) -> None:
    assert actors.country_for_name(text) is None


def test_ambiguous_names_are_flagged(actors: ActorDictionary) -> None:
    for text in ("Jordan", "Georgia", "Georgian", "Chad", "Turkey", "Congo", "Korea", "Niger"):
        found = actors.country_for_name(text)
        assert found is not None and found[0].is_ambiguous(text), text
    tajikistan = actors.country_by_code["TJK"]
    assert not tajikistan.is_ambiguous("Tajik")
    assert tajikistan.capital == "Dushanbe"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("NATO", "IGOWSTNAT"),
        ("Nato", "IGOWSTNAT"),
        ("North Atlantic Treaty Organization", "IGOWSTNAT"),
        ("UN", "IGOUNO"),
        ("UN Security Council", "IGOUNO"),
        ("European Commission", "IGOEUREEC"),
        ("OSCE", "IGOEURSCE"),
        ("Shanghai Cooperation Organisation", "IGOCAS"),
        ("CSTO", "IGOCASCST"),
        ("Central Asian Cooperation Organization", "IGOCASCAC"),
        ("World Health Organization", "IGOUNOHLHWHO"),
        ("Amnesty International", "NGOHRIAMN"),
        ("Doctors Without Borders", "NGOHLHMSF"),
    ],
)
def test_organisation_for_name(actors: ActorDictionary, text: str, code: str) -> None:
    found = actors.organisation_for_name(text)
    assert found is not None and found.code == code


def test_organisation_acronyms_need_capitals(actors: ActorDictionary) -> None:
    assert actors.organisation_for_name("who") is None
    assert actors.organisation_for_name("WHO") is not None
    nato = actors.organisation_by_code["IGOWSTNAT"]
    assert {"USA", "TUR", "GBR"} <= set(nato.members) and not nato.derived
    assert actors.organisation_by_code["IGOCASCAC"].derived


@pytest.mark.parametrize(
    ("words", "code"),
    [
        ("troops", "MIL"),
        ("opposition", "OPP"),
        ("newspaper", "MED"),
        ("defence minister", "GOV"),
        ("the Russian defence ministry", "GOV"),
        ("officials", "GOV"),
        ("policemen", "COP"),
        ("police spokesman", "COP"),
        ("rebel commander", "REB"),
        ("military court", "JUD"),
        ("government troops", "MIL"),
        ("interior ministry troops", "MIL"),
        ("anti-government protesters", "OPP"),
        ("opposition figure", "OPP"),
        ("lawmakers", "LEG"),
        ("MPs", "LEG"),
        ("prosecutor's office", "JUD"),
        ("retired general", "ELI"),
        ("unidentified gunmen", "UAF"),
        ("insurgents", "INS"),
        ("human rights activists", "HRI"),
        (["the", "interior", "ministry", "troop"], "MIL"),
        (["Tajik", "opposition", "figure"], "OPP"),
    ],
)
def test_agent_for_words(actors: ActorDictionary, words: str | list[str], code: str) -> None:
    assert actors.agent_for_words(words) == code


def test_agent_for_words_without_agent(actors: ActorDictionary) -> None:
    assert actors.agent_for_words("Jane's Defence Weekly of Tuesday") is None
    assert actors.agent_for_words([]) is None
    match = actors.agent_match("senior defence ministry officials")
    assert match is not None and (match.agent.code, match.phrase) == ("GOV", "defence ministry")


def test_dictionary_is_immutable(actors: ActorDictionary) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        actors.version = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        actors.country_by_code["XXX"] = actors.countries[0]  # type: ignore[index]


def test_module_examples_run() -> None:
    assert doctest.testmod(dictionary).failed == 0


# ---- people and dated roles -----------------------------------------------------------

PEOPLE = """\
people:
  - name: Imomali Rakhmonov
    aliases: [Rakhmonov, Emomali Rahmon]
    country: TJK
    roles:
      - {code: TJKGOV, title: Chairman of the Supreme Council, start: 1992-11-19, end: 1994-11-16}
      - {code: TJKGOV, title: President, start: 1994-11-16, end: null}
  - name: Kofi Annan
    country: GHA
    roles:
      - {code: IGOUNO, title: Secretary-General, start: 1997-01-01, end: 2006-12-31}
  - name: Anna Example
    country: TJK
    roles:
      - {code: TJKGOV, title: Minister, start: 2001-01-01, end: 2005-12-31}
      - {code: TJKLEG, title: Speaker, start: 2003-06-01, end: 2004-12-31}
"""


@pytest.fixture
def with_people(tmp_path: Path) -> ActorDictionary:
    return load_dictionary([write(tmp_path, "people.yaml", PEOPLE)])


def one(actors: ActorDictionary, name: str) -> Person:
    found = [p for p in actors.people_for_name(name) if p.origin.path.endswith("people.yaml")]
    assert len(found) == 1
    return found[0]


def test_code_on_before_during_after_a_role(with_people: ActorDictionary) -> None:
    annan = one(with_people, "kofi annan")
    assert annan.code_on(date(1996, 12, 31)) == "GHAELI"
    assert annan.code_on(date(1997, 1, 1)) == "IGOUNO"
    assert annan.code_on(date(2006, 12, 31)) == "IGOUNO"  # the end day is inclusive
    assert annan.code_on(date(2007, 1, 1)) == "GHAELI"
    assert annan.code_on(datetime(2004, 10, 20, 12, 0)) == "IGOUNO"


def test_open_ended_and_overlapping_roles(with_people: ActorDictionary) -> None:
    rakhmonov = one(with_people, "Emomali Rahmon")
    assert rakhmonov.name == "Imomali Rakhmonov"
    assert rakhmonov.code_on(date(2004, 10, 20)) == "TJKGOV"
    assert rakhmonov.code_on(date(2030, 1, 1)) == "TJKGOV"
    role = rakhmonov.role_on(date(1994, 11, 16))  # handover day: the later role wins
    assert role is not None and role.title == "President"
    example = one(with_people, "Anna Example")
    assert example.code_on(date(2004, 1, 1)) == "TJKLEG"  # the later-starting of two roles
    assert example.code_on(date(2005, 6, 1)) == "TJKGOV"
    assert example.roles[0] == Role("TJKGOV", "Minister", date(2001, 1, 1), date(2005, 12, 31))


# ---- the user's files -----------------------------------------------------------------


def test_user_file_overrides_and_adds(tmp_path: Path) -> None:
    extra = write(
        tmp_path,
        "mine.yaml",
        """\
countries:
  - code: TJK
    name: Tajikistan
    names: [Tajikistan]
    adjectives: [Tojik]
    capital: Dushanbe
organisations:
  - {code: IGOCASXYZ, name: Pamir Water Council, names: [Pamir Water Council], kind: igo,
     members: [TJK, KGZ]}
agents:
  - {code: VET, label: veterans, words: [veteran, war veteran]}
people:
  - name: Dadejan Attaullah
    country: TJK
""",
    )
    actors = load_dictionary([extra])
    tojik = actors.country_for_name("Tojik")
    assert tojik is not None and tojik[0].code == "TJK"
    assert actors.country_for_name("Tajik") is None  # the user's entry replaced the list
    assert len(actors.countries) == len(load_dictionary().countries)
    council = actors.organisation_for_name("pamir water council")
    assert council is not None and council.code == "IGOCASXYZ"
    assert actors.agent_for_words("war veterans") == "VET"
    (attaullah,) = actors.people_for_name("Dadejan Attaullah")
    assert attaullah.code_on(date(2004, 10, 20)) == "TJKELI"
    assert actors.version != DICTIONARY_VERSION
    assert load_dictionary().country_for_name("Tajik") is not None  # shipped copy untouched


def test_later_user_file_wins(tmp_path: Path) -> None:
    first = write(tmp_path, "a.yaml", "people:\n  - {name: Jane Roe, country: TJK}\n")
    second = write(tmp_path, "b.yaml", "people:\n  - {name: Jane Roe, country: KGZ}\n")
    (jane,) = load_dictionary([first, second]).people_for_name("Jane Roe")
    assert jane.country == "KGZ"


def test_root_folder_combines_a_person_split_over_people_files(tmp_path: Path) -> None:
    (tmp_path / "people").mkdir()
    write(tmp_path, "countries.yaml", COUNTRIES)
    write(tmp_path, "igos.yaml", "- {code: IGOUNO, name: United Nations, names: [UN], kind: igo}\n")
    write(tmp_path, "agents.yaml", "- {code: GOV, label: government, words: [minister]}\n")
    write(tmp_path, "people/asia.yaml", BAN.format(role="{code: KORGOV, start: 2004-01-17}"))
    write(tmp_path, "people/igo.yaml", BAN.format(role="{code: IGOUNO, start: 2007-01-01}"))
    actors = load_dictionary(root=tmp_path)
    assert actors.files == (
        *("countries.yaml", "igos.yaml", "agents.yaml"),
        *("people/asia.yaml", "people/igo.yaml"),
    )
    (ban,) = actors.people_for_name("Ban")
    assert [r.code for r in ban.roles] == ["KORGOV", "IGOUNO"]
    assert ban.code_on(date(2005, 1, 1)) == "KORGOV"
    assert ban.code_on(date(2010, 1, 1)) == "IGOUNO"
    ghanaian = BAN.replace("KOR", "GHA").format(role="{code: IGOUNO, start: 2007-01-01}")
    write(tmp_path, "people/igo.yaml", ghanaian)
    with pytest.raises(DataFileError, match="country GHA"):
        load_dictionary(root=tmp_path)


COUNTRIES = """\
- {code: KOR, name: South Korea, names: [South Korea], adjectives: [South Korean], capital: Seoul}
- {code: GHA, name: Ghana, names: [Ghana], adjectives: [Ghanaian], capital: Accra}
"""
BAN = """\
- name: Ban Ki-moon
  aliases: [Ban]
  country: KOR
  roles:
    - {role}
"""


# ---- schema errors name the file and the line -----------------------------------------

GOOD_PERSON = "  - name: Jane Roe\n    country: TJK\n    roles:\n"


@pytest.mark.parametrize(
    ("text", "needle", "reason"),
    [
        (
            GOOD_PERSON + "      - {code: TJKGOV, start: 2004-13-01}\n",
            "2004-13-01",
            "not an ISO date",
        ),
        (
            GOOD_PERSON + "      - {code: TJKGOV, start: 20 Oct 2004}\n",
            "20 Oct 2004",
            "not an ISO date",
        ),
        (
            GOOD_PERSON + "      - {code: TJKGOV, start: 2004-10-20, end: 2003-01-01}\n",
            "2003-01-01",
            "ends (2003-01-01) before it starts",
        ),
        (
            GOOD_PERSON + "      - {code: tjkgov, start: 2004-10-20}\n",
            "tjkgov",
            "not an actor code",
        ),
        (
            GOOD_PERSON + "      - {code: XYZGOV, start: 2004-10-20}\n",
            "XYZGOV",
            "neither a country code nor IGO",
        ),
        (GOOD_PERSON + "      - {title: Minister, start: 2004-10-20}\n", "title", "'code'"),
        (GOOD_PERSON + "      - {code: TJKGOV, start: 2004-10-20, until: x}\n", "until", "until"),
        ("  - name: Jane Roe\n    country: Tajikistan\n", "Tajikistan", "not an ISO3 code"),
        ("  - name: Jane Roe\n    country: ZZZ\n", "Jane Roe", "ZZZ is not in the country list"),
        ("  - name: Jane Roe\n", "Jane Roe", "missing the required field 'country'"),
        (
            "  - {name: Jane Roe, country: TJK}\n  - {name: jane roe, country: TJK}\n",
            "jane roe",
            "repeats line 2",
        ),
    ],
)
def test_people_errors_name_file_and_line(
    tmp_path: Path, text: str, needle: str, reason: str
) -> None:
    body = "people:\n" + text
    path = write(tmp_path, "bad.yaml", body)
    with pytest.raises(DataFileError, match=re.escape(reason)) as caught:
        load_dictionary([path])
    assert caught.value.code == "E101"
    assert caught.value.fields["path"] == str(path)
    assert caught.value.fields["line"] == line_of(body, needle)
    assert f"bad.yaml:{line_of(body, needle)}:" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "needle", "reason"),
    [
        (
            "countries:\n  - code: Tjk\n    name: T\n    names: [T]\n    adjectives: []\n"
            "    capital: null\n",
            "Tjk",
            "not an ISO3 code",
        ),
        (
            "countries:\n  - code: TJK\n    name: Tajikistan\n    adjectives: []\n"
            "    capital: null\n",
            "code: TJK",
            "missing the required field 'names'",
        ),
        (
            "countries:\n  - {code: TJK, name: T, names: [T], adjectives: [], capital: X,"
            " ambiguous: [Y]}\n",
            "ambiguous",
            "'Y' is not one of TJK's",
        ),
        (
            "countries:\n  - {code: TJK, name: T, names: [T], adjectives: [], capital: X}\n"
            "  - {code: KGZ, name: K, names: [K, T], adjectives: [], capital: Z}\n",
            "KGZ",
            "'T' already names TJK",
        ),
        (
            "organisations:\n  - {code: NGOABC, name: A, names: [A], kind: igo}\n",
            "NGOABC",
            "does not start with IGO",
        ),
        ("agents:\n  - {code: GOVT, label: g, words: [x]}\n", "GOVT", "three capital letters"),
        ("agents:\n  - {code: GOV, label: g, words: [Minister]}\n", "Minister", "lower case"),
        (
            "agents:\n  - {code: GOV, label: g, words: [aide]}\n"
            "  - {code: MIL, label: m, words: [aide]}\n",
            "MIL",
            "'aide' is already GOV's",
        ),
        (
            "agents:\n  - {code: GOV, label: g, words: [aide]}\n"
            "  - {code: GOV, label: g, words: [envoy]}\n",
            "envoy",
            "code 'GOV' repeats line 2",
        ),
        ("actors:\n  - {code: GOV}\n", "actors", "unknown section 'actors'"),
        ("- {code: GOV}\n", "code", "must be a mapping with sections"),
        ("people:\n  - name: [unclosed\n", "unclosed", "not valid YAML"),
    ],
)
def test_other_errors_name_file_and_line(
    tmp_path: Path, text: str, needle: str, reason: str
) -> None:
    path = write(tmp_path, "bad.yaml", text)
    with pytest.raises(DataFileError, match=re.escape(reason)) as caught:
        load_dictionary([path])
    assert caught.value.fields["path"] == str(path)
    if reason != "not valid YAML":  # the parser reports where it gave up
        assert caught.value.fields["line"] == line_of(text, needle)


def test_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match=r"missing\.yaml:0"):
        load_dictionary([tmp_path / "missing.yaml"])


def test_public_names() -> None:
    import wirecoder.actors

    # The package also exports the resolver; the dictionary's own names must stay.
    assert {
        *("ActorDictionary", "Agent", "AgentMatch", "Country", "DICTIONARY_VERSION"),
        *("Organisation", "Origin", "Person", "Role", "load_dictionary"),
    } <= set(wirecoder.actors.__all__)


# ---- national institutions ------------------------------------------------------------

INSTITUTION_KINDS = {
    *("executive", "ministry", "intelligence", "legislature", "court", "military", "police"),
    *("media", "party", "company", "thinktank", "university", "armed_group", "other"),
}


def test_shipped_institutions(actors: ActorDictionary) -> None:
    institutions = actors.institutions
    assert len(institutions) >= 350
    kinds = [i.kind for i in institutions]
    assert set(kinds) == INSTITUTION_KINDS
    assert kinds.count("media") >= 120
    assert kinds.count("party") >= 60
    assert kinds.count("company") >= 50
    assert kinds.count("armed_group") >= 30
    assert kinds.count("thinktank") + kinds.count("university") >= 30
    for institution in institutions:
        assert institution.origin.path.endswith("institutions.yaml")
        if institution.country is None:
            assert institution.code[:3] not in actors.country_by_code, institution.name
        else:
            assert institution.code[:3] == institution.country, institution.name
            assert institution.code[3:] in actors.agent_by_code, institution.name
        assert actors.institution_for_name(institution.name) is institution


@pytest.mark.parametrize(
    ("text", "code", "kind"),
    [
        ("Kremlin", "RUSGOV", "executive"),
        ("the Kremlin", "RUSGOV", "executive"),
        ("Russian Foreign Ministry", "RUSGOV", "ministry"),
        ("CIA", "USASPY", "intelligence"),
        ("Central Intelligence Agency", "USASPY", "intelligence"),
        ("FBI", "USACOP", "police"),
        ("the Pentagon", "USAMIL", "ministry"),
        ("the Duma", "RUSLEG", "legislature"),
        ("State Duma", "RUSLEG", "legislature"),
        ("Élysée", "FRAGOV", "executive"),
        ("Elysee Palace", "FRAGOV", "executive"),
        ("Nezavisimaya Gazeta", "RUSMED", "media"),
        ("Nezavisimaya gazeta", "RUSMED", "media"),
        ("Jane's Defence Weekly", "GBRMED", "media"),
        ("Jane’s Defence Weekly", "GBRMED", "media"),
        ("RFE/RL", "USAMED", "media"),
        ("Radio Free Europe/Radio Liberty", "USAMED", "media"),
        ("Al Jazeera", "QATMED", "media"),
        ("ITAR-TASS", "RUSMED", "media"),
        ("Asia-Plus", "TJKMED", "media"),
        ("United Russia", "RUSPTY", "party"),
        ("Islamic Renaissance Party of Tajikistan", "TJKPTY", "party"),
        ("Gazprom", "RUSBUS", "company"),
        ("TALCO", "TJKBUS", "company"),
        ("Chatham House", "GBRNGO", "thinktank"),
        ("Carnegie Moscow Center", "RUSNGO", "thinktank"),
        ("SIPRI", "SWENGO", "thinktank"),
        ("Harvard", "USAEDU", "university"),
        ("Taliban", "AFGREB", "armed_group"),
        ("Hamas", "PSEREB", "armed_group"),
        ("Hezbollah", "LBNREB", "armed_group"),
        ("PKK", "TURREB", "armed_group"),
        ("al-Shabab", "SOMREB", "armed_group"),
        ("United Tajik Opposition", "TJKREB", "armed_group"),
    ],
)
def test_institution_for_name(actors: ActorDictionary, text: str, code: str, kind: str) -> None:
    found = actors.institution_for_name(text)
    assert found is not None and (found.code, found.kind) == (code, kind)
    assert not found.is_ambiguous(text)


def test_transnational_groups_have_no_country(actors: ActorDictionary) -> None:
    for text, code in (("al-Qaeda", "IMGMUSALQ"), ("ISIS", "IMGMUSISI"), ("Daesh", "IMGMUSISI")):
        found = actors.institution_for_name(text)
        assert found is not None and (found.code, found.country) == (code, None)


def test_institution_acronyms_capitals_and_ambiguity(actors: ActorDictionary) -> None:
    for text in ("cia", "ap", "Jane's Defence Weekly of Tuesday", "Tajikistan", ""):
        assert actors.institution_for_name(text) is None, text
    for text in ("Congress", "Senate", "The Times", "Guardian", "Shell", "Labour", "IS"):
        found = actors.institution_for_name(text)
        assert found is not None and found.is_ambiguous(text), text
    kremlin = actors.institution_for_name("Kremlin")
    ministry = actors.institution_for_name("Russian Foreign Ministry")
    assert kremlin is not None and ministry is not None
    assert kremlin.code == ministry.code and kremlin != ministry  # one code, two bodies
    with pytest.raises(dataclasses.FrozenInstanceError):
        kremlin.code = "RUSMIL"  # type: ignore[misc]


def test_institutions_default_to_none_in_a_hand_built_dictionary() -> None:
    built = ActorDictionary(countries=(), organisations=(), agents=(), people=())
    assert built.institutions == () and built.institution_for_name("Kremlin") is None
    gazprom = Institution("RUSBUS", "Gazprom", ("Gazprom",), "company", "RUS")
    built = ActorDictionary((), (), (), (), institutions=(gazprom,))
    assert built.institution_for_name("GAZPROM") is gazprom


def test_user_file_adds_and_replaces_institutions(tmp_path: Path) -> None:
    shipped = load_dictionary()
    extra = write(
        tmp_path,
        "mine.yaml",
        """\
institutions:
  - {code: TJKMED, name: Ozodagon Weekly Review, names: [Ozodagon Weekly Review], kind: media,
     country: TJK}
  - code: UZBGOV
    name: Fergana regional administration
    names: [Fergana regional administration, Ferghana]
    kind: executive
    country: UZB
  - {code: RUSGOV, name: Kremlin, names: [Kremlin], kind: other, country: RUS}
  - {code: IMGMUSXYZ, name: Example Network, names: [Example Network], kind: armed_group,
     country: null}
""",
    )
    actors = load_dictionary([extra])
    assert len(actors.institutions) == len(shipped.institutions) + 3
    weekly = actors.institution_for_name("ozodagon weekly review")
    assert weekly is not None and weekly.code == "TJKMED"
    assert weekly.origin.path == str(extra) and weekly.origin.line == 2
    ferghana = actors.institution_for_name("Ferghana")  # taken from the shipped Fergana News
    assert ferghana is not None and ferghana.code == "UZBGOV"
    kremlin = actors.institution_for_name("the Kremlin")
    assert kremlin is not None and kremlin.kind == "other"
    assert actors.institution_for_name("Moscow Kremlin") is None  # the entry was replaced
    network = actors.institution_for_name("Example Network")
    assert network is not None and network.country is None
    assert actors.version != DICTIONARY_VERSION
    untouched = shipped.institution_for_name("Ferghana")
    assert untouched is not None and untouched.code == "RUSMED"


def test_root_folder_institutions_file(tmp_path: Path) -> None:
    (tmp_path / "people").mkdir()
    write(tmp_path, "countries.yaml", COUNTRIES)
    write(tmp_path, "igos.yaml", "- {code: IGOUNO, name: United Nations, names: [UN], kind: igo}\n")
    write(tmp_path, "agents.yaml", "- {code: GOV, label: government, words: [minister]}\n")
    good = (
        "- {code: KORGOV, name: Blue House, names: [Blue House], kind: executive, country: KOR}\n"
    )
    write(tmp_path, "institutions.yaml", good)
    actors = load_dictionary(root=tmp_path)
    assert actors.files == ("countries.yaml", "igos.yaml", "agents.yaml", "institutions.yaml")
    found = actors.institution_for_name("the Blue House")
    assert found is not None and found.code == "KORGOV"
    bad = write(tmp_path, "institutions.yaml", good + good.replace("KORGOV", "KORMIL"))
    with pytest.raises(DataFileError, match="repeats line 1") as caught:
        load_dictionary(root=tmp_path)
    assert (caught.value.fields["path"], caught.value.fields["line"]) == (str(bad), 2)
    write(tmp_path, "institutions.yaml", good.replace("KORGOV", "KORSPY"))
    with pytest.raises(DataFileError, match="agent code SPY is not in the agent list"):
        load_dictionary(root=tmp_path)


RUS_BODY = (
    "  - {code: RUSGOV, name: Red House, names: [Red House], kind: executive, country: RUS}\n"
)


@pytest.mark.parametrize(
    ("text", "needle", "reason"),
    [
        (
            "  - {code: rusgov, name: A, names: [A], kind: executive, country: RUS}\n",
            "rusgov",
            "six capital letters",
        ),
        (
            "  - {code: RUSGOVX, name: A, names: [A], kind: executive, country: RUS}\n",
            "RUSGOVX",
            "six capital letters",
        ),
        (
            "  - {code: USAGOV, name: A, names: [A], kind: executive, country: RUS}\n",
            "USAGOV",
            "does not start with its country RUS",
        ),
        (
            "  - {code: RUSXYZ, name: A, names: [A], kind: executive, country: RUS}\n",
            "RUSXYZ",
            "agent code XYZ is not in the agent list",
        ),
        (
            "  - {code: ZZZGOV, name: A, names: [A], kind: executive, country: ZZZ}\n",
            "ZZZGOV",
            "country ZZZ is not in the country list",
        ),
        (
            "  - {code: RUSGOVXX, name: A, names: [A], kind: armed_group, country: null}\n",
            "RUSGOVXX",
            "starts with a country code",
        ),
        (
            "  - {code: IMG, name: A, names: [A], kind: armed_group, country: null}\n",
            "IMG",
            "at least three capitals or digits",
        ),
        (
            "  - {code: RUSGOV, name: A, names: [A], kind: Russia, country: Russia}\n",
            "kind: Russia",
            "kind 'Russia' is not one of executive",
        ),
        (
            "  - {code: RUSGOV, name: A, names: [A], kind: executive, country: Russia}\n",
            "Russia",
            "not an ISO3 code or null",
        ),
        (
            "  - {code: RUSGOV, name: A, names: [A], kind: executive, country: RUS,"
            " ambiguous: [B]}\n",
            "ambiguous",
            "ambiguous name 'B' is not one of 'A'",
        ),
        (
            "  - code: RUSGOV\n    name: A\n    kind: executive\n    country: RUS\n",
            "code: RUSGOV",
            "missing the required field 'names'",
        ),
        (
            "  - code: RUSGOV\n    name: A\n    names: []\n    kind: executive\n    country: RUS\n",
            "names: []",
            "names is empty",
        ),
        (
            "  - {code: RUSGOV, name: A, names: [A], kind: executive, country: RUS, seat: X}\n",
            "seat",
            "unknown institution field 'seat'",
        ),
        (RUS_BODY + RUS_BODY.replace("RUSGOV", "RUSMIL"), "RUSMIL", "repeats line 2"),
        (
            RUS_BODY + RUS_BODY.replace("RUSGOV", "RUSMIL").replace("name: Red", "name: Big"),
            "RUSMIL",
            "'Red House' already names RUSGOV (line 2)",
        ),
    ],
)
def test_institution_errors_name_file_and_line(
    tmp_path: Path, text: str, needle: str, reason: str
) -> None:
    body = "institutions:\n" + text
    path = write(tmp_path, "bad.yaml", body)
    with pytest.raises(DataFileError, match=re.escape(reason)) as caught:
        load_dictionary([path])
    assert caught.value.code == "E101"
    assert caught.value.fields["path"] == str(path)
    assert caught.value.fields["line"] == line_of(body, needle)


def test_agent_ties_break_the_same_way_under_any_hash_seed() -> None:
    # "border guard" and "border guards" are both listed: which phrase "border guards"
    # matches once depended on set order, so resolution changed from run to run.
    probe = (
        "from wirecoder.actors.dictionary import load_dictionary\n"
        "d = load_dictionary()\n"
        "for w in ('border guards', 'riot police', 'armed men', 'foreign secretaries'):\n"
        "    m = d.agent_match(w)\n"
        "    print(w, m and m.phrase)\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", probe],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        ).stdout
        for seed in (1, 2, 3, 4)
    }
    assert len(outputs) == 1
    assert "border guards border guards" in outputs.pop()
