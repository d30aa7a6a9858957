"""The event coder on sentences of our own: actors from slots, modality, provenance."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

import pytest

import wirecoder
from wirecoder.actors import default_resolver, resolve
from wirecoder.events.coder import build_coder, default_coder
from wirecoder.model import Event
from wirecoder.nlp import parse_many

pytestmark = pytest.mark.model


def events(text: str, published: str = "2015-06-10") -> list[Event]:
    return list(wirecoder.code(text, published=published).events)


def one(text: str, root: str) -> Event:
    found = [e for e in events(text) if e.root == root]
    assert found, [e.to_dict() for e in events(text)]
    return found[0]


def dyads(found: Iterable[Event]) -> set[tuple[str | None, str | None]]:
    """(source, target) codes of the events that have both."""
    return {(e.source.code, e.target.code) for e in found if e.source and e.target}


def first_source(found: Sequence[Event]) -> str | None:
    return found[0].source.code if found and found[0].source else None


def test_active_sentence_source_and_target() -> None:
    event = one("Japan sent emergency aid to Nepal on Tuesday.", "07")
    assert event.source is not None and event.source.code == "JPN"
    assert event.target is not None and event.target.code == "NPL"
    assert event.modality == "asserted"
    assert event.rule and event.trigger == "sent"


def test_passive_sentence_takes_the_agent_as_source() -> None:
    event = one("Emergency aid was sent to Nepal by Japan on Tuesday.", "07")
    assert event.source is not None and event.source.code == "JPN"


def test_negated_event_is_kept_as_negated() -> None:
    event = one("Russia did not send troops to Syria, the ministry said.", "15")
    assert event.modality == "negated"


def test_hypothetical_event() -> None:
    event = one("China could impose sanctions on Japan over the dispute.", "16")
    assert event.modality == "hypothetical"


def test_ontology_fields_and_provenance() -> None:
    text = "Pakistani troops attacked Indian positions in Kashmir on Monday."
    event = one(text, "19")
    assert event.quad == 4 and event.goldstein <= -9
    assert event.source is not None and event.source.code == "PAKMIL"
    assert text[event.source.start : event.source.end] == event.source.text
    assert event.date == "2015-06-08"  # the Monday before the article's Wednesday


def test_statements_are_not_coded_as_make_statement() -> None:
    assert all(e.cameo != "010" for e in events("The minister said the talks were useful."))


def test_quantity_is_tied_to_the_event_of_its_sentence() -> None:
    doc = wirecoder.code("Japan sent aid worth $5 million to Nepal on Tuesday.")
    (money,) = [q for q in doc.quantities if q.unit == "USD"]
    assert money.event is not None
    assert doc.events[money.event].root == "07"


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("Khartoum expelled three foreign aid agencies from Darfur on Monday.", "aid"),
        ("American invasion forces began leaving Panama on Wednesday.", "invasion"),
        ("Britain sent a navy patrol ship to the Gulf of Guinea on Sunday.", "patrol"),
        ("Chinese tourists visited the war museum in Hanoi on Sunday.", "war"),
    ],
)
def test_an_event_noun_that_classifies_a_thing_is_no_act(text: str, noun: str) -> None:
    doc = next(iter(parse_many([text])))
    day = date(2015, 6, 10)
    mentions = resolve(doc, day=day, resolver=default_resolver())
    coded, seen = default_coder().code(doc, mentions, article_date=day)
    assert all(e.trigger != noun for e in coded)
    assert any(s.trigger == noun and "names a kind of" in s.reason for s in seen)


def test_a_body_meeting_by_itself_is_no_meeting_event() -> None:
    assert all(e.root != "04" for e in events("Israel's cabinet met on Sunday morning."))


def test_coordination_inside_an_apposition_gives_both_parties() -> None:
    text = (
        "U.S. President Barack Obama and Russian President Dmitry Medvedev discussed "
        "the new arms treaty by telephone on Friday."
    )
    pairs = dyads(e for e in events(text, "2010-04-10") if e.root == "04")
    assert {("USAGOV", "RUSGOV"), ("RUSGOV", "USAGOV")} <= pairs


def test_a_frame_word_compounded_to_the_object_fits_the_frame() -> None:
    found = events("The Red Cross suspended aid deliveries to Baghdad on Wednesday.")
    assert [e.root for e in found if e.trigger == "suspended"] == ["16"]


def test_a_date_is_not_the_object_of_a_required_preposition() -> None:
    found = events("The Kremlin's spokesman insisted on Friday that Moscow had made no threats.")
    assert all(e.root != "10" for e in found)


def test_a_warning_that_others_may_strike_is_a_comment() -> None:
    text = "The UN envoy warned that militias could carry out more killings in Bangui."
    found = events(text)
    assert [e.cameo for e in found if e.trigger == "warned"] == ["012"]
    # ... and what it foretells is an event of its own, hypothetical.
    foretold = [e for e in found if e.trigger != "warned"]
    assert [(e.root, e.modality) for e in foretold] == [("19", "hypothetical")]


def test_a_multiword_frame_object_is_no_event_of_its_own() -> None:
    text = "Indian and Pakistani troops exchanged artillery fire along the border on Monday."
    assert {e.trigger for e in events(text)} == {"exchanged"}


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        # An actor of a known kind whose country nobody names: a bare agent code.
        ("Security forces detained dozens of students on Sunday.", "detained", "MIL"),
        ("Unidentified men abducted the two engineers on Friday.", "abducted", "UAF"),
    ],
)
def test_an_actor_of_unknown_country_keeps_its_kind(text: str, trigger: str, source: str) -> None:
    found = [e for e in events(text) if e.trigger == trigger]
    assert first_source(found) == source


def test_a_noun_act_takes_its_source_from_its_from_phrase() -> None:
    text = "Israel has not supplied air defence systems, despite repeated appeals from Kyiv."
    appeals = [e for e in events(text) if e.trigger == "appeals"]
    assert first_source(appeals) == "UKR"


def test_protesters_are_of_the_city_that_owns_the_square() -> None:
    text = "Hundreds of thousands of protesters rallied in Kyiv's Independence Square."
    rallies = [e for e in events(text) if e.root == "14"]
    assert first_source(rallies) == "UKROPP"


def test_the_attack_a_violent_verb_happens_in_is_that_act() -> None:
    text = "Syrian government forces used sarin in an attack on Khan Sheikhoun on Tuesday."
    violent = [e for e in events(text) if e.root in {"18", "19", "20"}]
    assert [e.trigger for e in violent] == ["used"]


def test_a_state_the_tagger_calls_a_person_still_places_the_victims() -> None:
    text = "Sri Lanka imposed a curfew after suicide bombers struck churches and hotels."
    strikes = [e for e in events(text) if e.trigger == "struck"]
    assert strikes and strikes[0].target is not None and strikes[0].target.code == "LKACVL"


def test_their_meeting_is_between_the_coordinated_agents_of_a_passive() -> None:
    text = (
        "Agreement on a ceasefire was expressed by the French and German foreign "
        "ministers during their meeting in Paris on Thursday."
    )
    pairs = dyads(e for e in events(text) if e.trigger == "meeting")
    assert pairs == {("FRAGOV", "DEUGOV"), ("DEUGOV", "FRAGOV")}


def test_mediation_runs_from_the_mediator_only() -> None:
    found = events("Egypt brokered a truce between Israel and Hamas on Wednesday.", "2012-11-22")
    pairs = dyads(e for e in found if e.cameo == "045")
    assert pairs == {("EGY", "ISR"), ("EGY", "PSEREB")}


@pytest.mark.parametrize(
    ("text", "mediator", "party"),
    [
        ("A Russian-brokered ceasefire between Armenia and Azerbaijan took effect.", "RUS", "ARM"),
        (
            "Peace talks with the rebels, mediated by the African Union, opened in Pretoria.",
            "IGOAFRAFU",
            None,
        ),
    ],
)
def test_a_participle_names_the_mediator(text: str, mediator: str, party: str | None) -> None:
    found = [e for e in events(text) if e.cameo == "045"]
    assert first_source(found) == mediator
    if party is not None:
        assert any(e.target is not None and e.target.code == party for e in found)


def test_a_hyphenated_backer_describes_no_event() -> None:
    found = events("Syrian-backed militias clashed with Hizbollah fighters in Beirut.")
    assert all(e.trigger != "backed" for e in found)


def test_their_summit_is_between_all_the_coordinated_subjects() -> None:
    text = "Japan and ASEAN leaders pledged closer ties at their summit in Tokyo."
    pairs = dyads(e for e in events(text) if e.trigger == "summit")
    assert pairs == {("JPN", "IGOSEAASN"), ("IGOSEAASN", "JPN")}


def test_must_after_reiterated_is_the_speakers_demand() -> None:
    text = "A senior British minister reiterated that Libya must hand over the suspects."
    demands = [e for e in events(text) if e.root == "10"]
    assert first_source(demands) == "GBRGOV"
    assert demands[0].target is not None and demands[0].target.code == "LBY"


def test_a_noun_acts_target_may_hang_on_its_of_object() -> None:
    found = events("Rome announced a suspension of air links with Belgrade on Wednesday.")
    cuts = [e for e in found if e.trigger == "suspension"]
    assert cuts and cuts[0].root == "16"
    assert cuts[0].target is not None and cuts[0].target.code == "SRB"


def test_an_act_on_a_party_read_as_the_source_itself_stands_without_target() -> None:
    text = (
        "Ethiopian federal troops launched an offensive against forces loyal to the "
        "regional government."
    )
    found = [e for e in events(text) if e.root == "19"]
    assert [(e.source.code if e.source else None, e.target) for e in found] == [("ETHMIL", None)]


def test_a_kind_named_with_a_nationality_is_of_that_nation() -> None:
    text = "Italy suspended flights to Belgrade after a Serbian army jet shot down a helicopter."
    shot = [e for e in events(text) if e.trigger == "shot"]
    assert first_source(shot) == "SRBMIL"


def test_talks_between_two_actors_parsed_as_one_phrase_pair_them() -> None:
    text = "Peace talks between the Colombian government and FARC rebels resumed in Havana."
    pairs = dyads(events(text))
    assert pairs >= {("COLGOV", "COLREB"), ("COLREB", "COLGOV")}


def test_an_object_counted_in_a_list_fits_the_frame_of_what_is_listed() -> None:
    text = "The Kenyan government met a list of demands from striking doctors on Monday."
    assert [e.cameo for e in events(text) if e.trigger == "met"] == ["080"]


def test_talks_with_a_party_are_the_speakers_own() -> None:
    text = "Lebanon's prime minister said he was gloomy about the talks with the IMF."
    pairs = dyads(events(text))
    assert ("LBNGOV", "IGOBUSIMF") in pairs


def test_a_stranger_named_with_a_title_acts_as_that_kind_of_actor() -> None:
    text = "Opposition leader Kofi Mensah accused President Nana Akufo-Addo of rigging the vote."
    accused = [e for e in events(text, published="2020-12-09") if e.trigger == "accused"]
    assert accused and accused[0].source is not None
    assert accused[0].source.code.endswith("OPP")


@pytest.mark.parametrize(
    ("text", "trigger", "cameo"),
    [
        # A participle describing its object fits the frame of that object.
        (
            "Ukraine fired long-range missiles supplied by Britain at targets in Crimea.",
            "supplied",
            "072",
        ),
        ("India sent a peacekeeping force to Sri Lanka in July 1987.", "sent", "074"),
        (
            "Myanmar's military government shortened the curfew in Yangon by two hours.",
            "shortened",
            "0813",
        ),
    ],
)
def test_frames_by_their_object(text: str, trigger: str, cameo: str) -> None:
    assert [e.cameo for e in events(text) if e.trigger == trigger] == [cameo]


@pytest.mark.parametrize(
    ("text", "freed"),
    [
        ("Japan released treated water from the Fukushima plant into the sea on Thursday.", False),
        ("Houthi rebels released the crew of the cargo ship on Wednesday.", True),
    ],
)
def test_only_people_are_released(text: str, freed: bool) -> None:
    assert any(e.cameo == "0841" for e in events(text)) is freed


def test_analysts_comment_on_events_without_making_one() -> None:
    text = "Kenyan analysts warned that the talks could collapse within weeks."
    assert all(e.trigger != "warned" for e in events(text))


def test_what_an_act_responds_to_happened() -> None:
    text = "Iran vowed to retaliate in response to Israeli air strikes on its bases in Syria."
    strikes = [e for e in events(text) if e.trigger == "strikes"]
    assert strikes and strikes[0].modality == "asserted"


def test_joint_drills_of_hyphenated_nations_pair_them() -> None:
    text = "North Korea vowed retaliation in response to joint U.S.-South Korean military drills."
    pairs = dyads(events(text))
    assert {("USA", "KOR"), ("KOR", "USA")} <= {(s[:3], t[:3]) for s, t in pairs}


def test_considering_an_option_is_the_event_not_the_option() -> None:
    found = events("Canada is considering expelling two Iranian diplomats, officials said.")
    assert [e.cameo for e in found] == ["014"]
    assert dyads(found) == {("CAN", "IRNGOV")}


def test_aid_before_a_vehicle_names_it_and_is_no_act() -> None:
    found = events("Jordan opened the border to aid lorries on Monday.")
    assert not [e for e in found if e.root == "07"], [e.to_dict() for e in found]


def test_angry_reaction_from_a_party_is_criticism() -> None:
    event = one("The ruling drew an angry reaction from Tehran on Friday.", "11")
    assert first_source([event]) == "IRN"


def test_missiles_fired_into_the_sea_show_force() -> None:
    assert one("Iran fired three missiles into the sea during naval drills.", "15")


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # expulsions by the count of people expelled
        ("Myanmar expelled tens of thousands of Rohingya villagers in 2017.", "201"),
        ("Myanmar expelled two British journalists on Monday.", "174"),
        # acts of state authority
        ("Ecuadorean police stormed the Mexican embassy in Quito on Friday.", "171"),
        ("Protesters stormed the parliament building in Colombo.", "145"),
        ("Russia took control of the local subsidiaries of two French firms on Sunday.", "1711"),
        ("A Quito judge ordered the arrest of a gang leader on Monday.", "173"),
        ("Peru's president placed Lima under a state of emergency.", "1724"),
        ("Nigerian authorities reimposed a curfew in Jos.", "1723"),
        # refusals, threats and statements by their frame
        ("EU leaders put off lifting the arms embargo on Belarus.", "1244"),
        ("Iran threatened to close the Strait of Hormuz if sanctions were imposed.", "1381"),
        ("North Korea vowed on Saturday to turn Seoul into a sea of fire.", "1384"),
        ("The Kazakh foreign ministry put out a statement on the detentions.", "010"),
        # property set alight is destroyed property, whoever sets it alight
        ("Rioters torched cars and shops in the port city on Saturday.", "1712"),
        # killings by the hundreds are mass killings, also as executions
        ("Chadian soldiers executed about 250 civilian men near the border last month.", "202"),
        # states of mind about others
        ("Norway said it was deeply worried by the arrests of journalists in Baku.", "012"),
        ("Manila is concerned about Chinese ships near the reef.", "012"),
        ("Ankara was angry at the Dutch decision to bar its minister.", "110"),
        ("Nepal said it was grateful to India for its help after the earthquake.", "051"),
        # asylum offered; foreign forces and expert teams expelled
        ("Venezuela offered asylum to the ousted Bolivian president.", "075"),
        ("Mali's junta expelled French special forces on Thursday.", "166"),
        ("Managua expelled a team of experts from the Inter-American Commission.", "1662"),
        # killings counted in the hundreds, by a noun too; state acts on freedoms
        ("The court ruled on the killing of more than 900 villagers by the army in 1982.", "202"),
        ("Kenyan police were put on high alert across Nairobi on Friday.", "151"),
        ("The African Union suspended Niger from its institutions on Saturday.", "160"),
        ("Ethiopian authorities cut mobile internet access in Tigray on Monday.", "1721"),
        ("Liberia confined residents of Monrovia to their homes for two days.", "1723"),
        ("Protesters ransacked the offices of the ruling party in Tbilisi.", "145"),
        ("Tokyo offered an apology to Seoul for the remarks on Monday.", "055"),
        ("Blankets and tents were flown to Herat by the Turkish air force.", "073"),
        ("Government troops captured the last strip of coastline held by the rebels.", "192"),
        ("Chile and Peru voiced a common position on fishing quotas on Monday.", "019"),
        ("The African Union suspended Mali on Friday.", "160"),
        ("The militia forced thousands of villagers in Darfur to flee their homes.", "201"),
        ("Nepal's government scrapped the contested fuel tax after a week of protests.", "0832"),
        ("Protesters toppled a statue of the former dictator in Tirana.", "1712"),
    ],
)
def test_the_sentence_codes_as(text: str, cameo: str) -> None:
    found = events(text)
    assert cameo in {e.cameo for e in found}, [e.to_dict() for e in found]


def test_a_crackdown_told_without_its_doer_is_by_the_victims_state() -> None:
    found = events("France summoned the envoy over the crackdown on Belarusian protesters.")
    crackdown = [e for e in found if e.cameo == "175"]
    assert crackdown and first_source(crackdown) == "BLRGOV"


def test_every_act_a_demand_asks_for_belongs_to_it() -> None:
    # The small model hangs "cut" on "rights" here; the cut is still what was demanded.
    found = events(
        "Washington demanded that Ankara grant access rights and cut oil supplies to the militants."
    )
    assert [e.root for e in found] == ["10"], [e.to_dict() for e in found]


def test_setting_fire_to_a_building_is_no_abduction() -> None:
    found = events("Rioters set fire to police stations in Nairobi on Friday.")
    assert "181" not in {e.cameo for e in found}, [e.to_dict() for e in found]


def test_an_arrest_is_by_the_state_where_it_happened() -> None:
    event = one(
        "A Canadian teacher from Toronto was arrested in Lebanon for spying, the agency said.",
        "17",
    )
    assert first_source([event]) == "LBNCOP"


def test_unnamed_victims_belong_to_the_place_of_the_act() -> None:
    found = events("Eritrean soldiers killed hundreds of civilians in the Ethiopian town of Adwa.")
    assert ("ERIMIL", "ETHCVL") in dyads(found), [e.to_dict() for e in found]


def test_a_frame_complement_is_not_an_event_of_its_own() -> None:
    found = events("A Foreign Ministry spokesman in Beijing declined to comment on the report.")
    assert [e.cameo for e in found] == ["011"], [e.to_dict() for e in found]


def test_a_frame_complement_holds_the_targets() -> None:
    found = events("Qatar offered to mediate between Chad and Sudan on Monday.")
    assert {e.cameo for e in found} == {"039"}
    assert dyads(found) == {("QAT", "TCD"), ("QAT", "SDN")}


def coded_with(text: str, patterns: str, tmp_path: Path) -> list[Event]:
    mine = tmp_path / "mine.yaml"
    mine.write_text(patterns, encoding="utf-8")
    doc = next(iter(parse_many([text])))
    day = date(2015, 6, 10)
    mentions = resolve(doc, day=day, resolver=default_resolver())
    found, _ = build_coder([mine]).code(doc, mentions, article_date=day)
    return list(found)


def test_refusing_an_act_takes_its_refusal_code(tmp_path: Path) -> None:
    patterns = (
        "- id: ship.grain\n  trigger: ship\n  pos: VERB\n  objects: [grain]\n"
        '  code: "061"\n  negated_code: "1212"\n  target: prep:to\n'
    )
    found = coded_with("Russia refused to ship grain to Egypt.", patterns, tmp_path)
    assert [(e.cameo, e.trigger) for e in found] == [("1212", "refused")]


def test_troops_sent_to_fight_alongside_an_ally_are_military_cooperation() -> None:
    found = events("Belarus sent troops to fight alongside Russian forces in 2022.")
    assert [(e.cameo, e.target.code if e.target else None) for e in found] == [("062", "RUSMIL")]


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("The rebels said they would halt their rocket attacks on Israel next week.", "19"),
        ("Nigeria's army will investigate the air strike that killed villagers in Zamfara.", "19"),
    ],
)
def test_an_act_that_is_halted_or_investigated_happened(text: str, root: str) -> None:
    found = [e for e in events(text) if e.root == root]
    assert found and found[0].modality == "asserted", [e.to_dict() for e in events(text)]


def test_the_party_appealed_to_does_what_the_appeal_asks() -> None:
    found = events("Greece appealed to Turkey to halt the bombing of Kurdish villages.")
    bombing = [e for e in found if e.trigger == "bombing"]
    assert bombing and first_source(bombing) == "TUR", [e.to_dict() for e in found]
    assert bombing[0].cameo == "195"  # a state's bombing is an air strike, not 183


def test_protests_with_no_place_are_by_people_of_the_country_named() -> None:
    found = events("Peruvian President Dina Boluarte resigned on Monday after weeks of protests.")
    protests = [e for e in found if e.root == "14"]
    assert protests and first_source(protests) == "PEROPP", [e.to_dict() for e in found]


def test_people_described_as_protesting_are_protesters() -> None:
    found = events(
        "Police fired tear gas at farmers protesting against the new land law in Nairobi."
    )
    protests = [e for e in found if e.root == "14"]
    assert protests and first_source(protests) == "KENAGR", [e.to_dict() for e in found]


def test_an_agreement_signed_in_a_relative_clause_is_signed() -> None:
    found = events(
        "Colombia said it would respect the peace accord it signed with the FARC in 2016."
    )
    signed = [e for e in found if e.cameo == "057"]
    assert ("COL", "COLREB") in dyads(signed), [e.to_dict() for e in found]


def test_a_nations_weapon_is_its_militarys() -> None:
    found = events("Three children were killed by an Israeli air strike in Gaza on Monday.")
    assert ("ISRMIL", "PSECVL") in dyads(found), [e.to_dict() for e in found]


def test_coming_under_fire_from_someone_is_their_attack() -> None:
    found = events("Kenyan police came under fire from Somali gunmen near the border.")
    assert [(e.root, first_source([e])) for e in found] == [("19", "SOMUAF")]


def test_what_a_charge_bill_or_warrant_names_is_no_act() -> None:
    text = "Lithuania dropped the extradition bill, and Poland filed a murder charge."
    found = events(text)
    assert not {e.root for e in found} & {"06", "18"}, [e.to_dict() for e in found]


def test_a_launch_complex_is_a_place_not_a_launch() -> None:
    found = events("India and France agreed to build a new rocket launch complex in Kerala.")
    assert "15" not in {e.root for e in found}, [e.to_dict() for e in found]


def test_the_officials_of_two_states_are_one_actor_each() -> None:
    found = events(
        "The foreign ministers of Peru and Chile will resume border talks in Lima next week."
    )
    assert dyads(found) == {("PERGOV", "CHLGOV"), ("CHLGOV", "PERGOV")}, [
        e.to_dict() for e in found
    ]


def test_them_stands_for_the_actors_coordinated_before_it() -> None:
    text = "Russia expelled Amnesty International and Human Rights Watch, accusing them of spying."
    accused = [e for e in events(text) if e.root == "11"]
    assert len({e.target.code for e in accused if e.target}) == 2, [e.to_dict() for e in accused]


@pytest.mark.parametrize(
    ("text", "root", "expected"),
    [
        # a protest is against the protesters' own government
        (
            "Teachers in Ghana began a nationwide strike on Monday over unpaid salaries.",
            "14",
            {("GHAEDU", "GHAGOV")},
        ),
        (
            "Farmers in Poland blocked roads across the country on Tuesday.",
            "14",
            {("POLAGR", "POLGOV")},
        ),
        # done together, each towards the other
        (
            "Norway and Iceland pledged on Friday to share fishing data.",
            "03",
            {("NOR", "ISL"), ("ISL", "NOR")},
        ),
        (
            "Chile and Argentina voiced shared concern on Monday about illegal fishing.",
            "01",
            {("CHL", "ARG"), ("ARG", "CHL")},
        ),
        # a comment is about the first other party in what it is about ("North Korean"
        # read whole, not as "Korean")
        (
            "Japan said on Monday it was pessimistic about North Korean promises of restraint.",
            "01",
            {("JPN", "PRK")},
        ),
        # force used on a city falls on its people; seized ground is the country's
        ("Russian forces shelled Odesa on Friday.", "19", {("RUSMIL", "UKRCVL")}),
        # the party the frame's noun is aimed at
        (
            "The International Criminal Court opened an investigation into the Venezuelan "
            "government on Wednesday.",
            "09",
            {("IGOJUDICC", "VENGOV")},
        ),
        (
            "The European Union threatened on Monday to impose sanctions on Serbian officials.",
            "13",
            {("IGOEUREEC", "SRBGOV")},
        ),
        # a threat's condition names the party it is aimed at
        (
            "Ghana threatened on Sunday to close its border unless Togo reopened the highway.",
            "13",
            {("GHA", "TGO")},
        ),
    ],
)
def test_an_act_without_a_target_slot_takes_the_conventional_target(
    text: str, root: str, expected: set[tuple[str, str]]
) -> None:
    assert dyads(e for e in events(text) if e.root == root) == expected


def test_a_recognition_by_several_states_is_not_between_them() -> None:
    found = events("A Palestinian state was formally recognised by Chile, Peru and Ecuador.")
    assert not {
        (s, t) for s, t in dyads(found) if s in {"CHL", "PER", "ECU"} and t in {"CHL", "PER", "ECU"}
    }


def test_a_verb_with_an_object_is_active_even_when_tagged_a_participle() -> None:
    found = events("Sudanese soldiers executed 12 villagers near Geneina, witnesses said.")
    assert first_source(found) == "SDNMIL"


def test_a_passive_agent_hung_on_the_object_is_the_source() -> None:
    found = events("The exiled leader could be offered asylum by Morocco, diplomats said.")
    assert [e.cameo for e in found] == ["075"] and first_source(found) == "MAR"
    assert found[0].modality == "hypothetical"


def test_troops_firing_on_protesters_parsed_as_a_clause_repress_them() -> None:
    found = events("Peruvian troops fired on protesters blocking a highway near Cusco on Sunday.")
    assert ("PERMIL", "PEROPP") in dyads(e for e in found if e.root == "17")


def test_supporters_are_people_not_the_leader_they_support() -> None:
    found = events("Police fired on supporters of jailed opposition leader Ousmane Sonko in Dakar.")
    assert {t for _, t in dyads(found)} == {"SENOPP"}


def test_an_act_told_by_a_participle_after_an_attack_is_its_own_event() -> None:
    found = events(
        "Congolese rebels overran the town of Bunia on Friday, burning houses and abducting"
        " civilians."
    )
    assert {e.root for e in found} == {"17", "18", "19"}


@pytest.mark.parametrize(
    ("text", "root", "source"),
    [
        # a definite description takes the country of the actor of its kind named before
        (
            "Peru suspended talks with the Shining Path after the rebel group bombed a police "
            "post in Ayacucho.",
            "18",
            "PERREB",
        ),
        # ... or of the one country the sentence is about ("the ruling party" governs)
        (
            "Armenian opposition groups ended their protests after the ruling party dropped "
            "the contested election bill.",
            "08",
            "ARMGOV",
        ),
        ("Russian jets bombed rebel positions in Idlib on Monday.", "19", "RUSMIL"),
    ],
)
def test_an_actor_named_by_description_takes_its_country(text: str, root: str, source: str) -> None:
    assert source in {e.source.code for e in events(text) if e.root == root and e.source}


def test_a_bombing_by_rebels_is_no_air_strike() -> None:
    found = events(
        "Peru suspended talks with the Shining Path after the rebel group bombed a "
        "police post in Ayacucho."
    )
    assert [e.cameo for e in found if e.root == "18"] == ["183"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iraqi troops crossed into Kuwait on Thursday.", [("190", "IRQMIL", "KWT")]),
        ("Hundreds of refugees crossed into Chad on Monday.", []),
        ("Russian forces entered Kherson on Friday.", [("192", "RUSMIL", "UKR")]),
    ],
)
def test_acts_of_armed_forces_need_armed_forces(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    found = [e for e in events(text) if e.root in {"19"}]
    assert [
        (e.cameo, e.source.code if e.source else None, e.target.code if e.target else None)
        for e in found
    ] == expected


def test_a_user_pattern_can_ask_for_armed_forces(tmp_path: Path) -> None:
    patterns = (
        "- id: roll_into\n  trigger: roll\n  pos: VERB\n  requires_prep: into\n"
        '  armed: true\n  code: "192"\n  target: prep:into\n'
    )
    assert [
        e.cameo for e in coded_with("Serbian tanks rolled into Vukovar.", patterns, tmp_path)
    ] == ["192"]
    assert coded_with("Protesters rolled into the square.", patterns, tmp_path) == []


def test_an_attack_on_a_public_place_with_no_doer_is_by_unidentified_attackers() -> None:
    found = events(
        "Egypt raised its alert level after Friday's attack on a concert hall near Moscow."
    )
    assert ("RUSUAF", "RUSCVL") in dyads(e for e in found if e.root == "18")


@pytest.mark.parametrize(
    "text",
    [
        "Serbia declared a state of emergency on Monday after fighting broke out with Kosovo.",
        "The Pope pleaded with Serbia and Kosovo on Sunday to stop the fighting.",
    ],
)
def test_fighting_is_between_the_parties_the_clause_names(text: str) -> None:
    found = [e for e in events(text) if e.root == "19"]
    assert dyads(found) == {("SRB", "KSV"), ("KSV", "SRB")}


def test_parties_voicing_a_position_together_voice_it_to_each_other() -> None:
    found = events(
        "Brazil and India voiced a common position on farm subsidies at the WTO meeting."
    )
    assert dyads(found) == {("BRA", "IND"), ("IND", "BRA")}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "Iran threatened to close the Strait of Hormuz unless Washington lifted its sanctions.",
            "lifted",
        ),
        (
            "Russia threatened to cut oil shipments unless Riga eased its citizenship rules.",
            "eased",
        ),
    ],
)
def test_the_condition_of_a_threat_is_no_event(text: str, absent: str) -> None:
    found = events(text)
    assert any(e.root == "13" for e in found)
    assert all(e.trigger != absent for e in found)


def test_a_warning_about_others_keeps_its_condition() -> None:
    found = events("Rights groups warned that killings could follow if the militia storms Goma.")
    assert any(e.trigger == "storms" for e in found)


def test_people_described_as_protesting_protest() -> None:
    found = events("Protesting farmers blocked roads outside Lahore on Monday.")
    assert any(e.trigger == "Protesting" and e.root == "14" for e in found)


def test_agents_of_a_state_are_its_intelligence_service() -> None:
    found = events("The fugitive was captured by Israeli agents in Buenos Aires in 1960.")
    assert first_source(found) == "ISRSPY"


def test_a_recall_for_consultations_is_one_act_not_a_meeting() -> None:
    found = events("Algeria recalled its ambassador to Paris for consultations on Saturday.")
    assert "04" not in {e.root for e in found}, [e.to_dict() for e in found]


def test_calling_an_act_illegal_criticises_it_and_names_no_doer() -> None:
    found = events("Moscow called the new European sanctions illegal on Monday.")
    assert [(e.source.code if e.source else None, e.cameo) for e in found] == [("RUS", "111")]


def test_protesters_storming_a_building_riot() -> None:
    # "office" is a building stormed; with no object of its own "stormed" is still a riot
    for text in (
        "Protesters stormed the regional governor's office in Almaty.",
        "Protesters stormed and set fire to the mayor's office in Almaty.",
    ):
        found = events(text)
        assert "145" in {e.cameo for e in found}, [e.to_dict() for e in found]


def test_what_an_agreement_brings_about_is_not_a_second_act() -> None:
    text = (
        "The government and the rebels signed a peace accord in Geneva on Sunday, "
        "ending a civil war that had lasted eight years."
    )
    found = events(text)
    assert "087" not in {e.cameo for e in found}, [e.to_dict() for e in found]
    assert "057" in {e.cameo for e in found}, [e.to_dict() for e in found]


def test_a_rejected_appeal_was_made_by_others_to_the_one_rejecting() -> None:
    text = "Iran rejected calls from France and Germany for talks on its missile programme."
    found = events(text)
    assert "12" in {e.root for e in found}, [e.to_dict() for e in found]
    appeals = [e for e in found if e.root == "02"]
    assert {e.source.code for e in appeals if e.source} == {"FRA", "DEU"}
    assert {e.target.code for e in appeals if e.target} == {"IRN"}


def test_demands_a_government_rejects_are_not_its_own() -> None:
    found = events("The Kremlin rejected opposition demands for a new election in Russia.")
    demands = [(e.source.code, e.target.code) for e in found if e.root == "10" and e.source]
    assert demands == [("RUSOPP", "RUSGOV")], [e.to_dict() for e in found]


def test_an_act_an_anniversary_recalls_is_no_event() -> None:
    found = events(
        "The prime minister visited the war shrine on Tuesday, the anniversary of Japan's "
        "surrender, and China protested."
    )
    assert all(e.trigger != "surrender" for e in found)
    assert any(e.trigger == "visited" for e in found)


def test_ordered_forces_are_deployed_and_a_battle_group_is_no_battle() -> None:
    found = events("Washington ordered a carrier battle group toward Taiwan on Monday.")
    assert [(e.cameo, e.target and e.target.code) for e in found] == [("154", "TWN")]


def test_an_announced_act_of_force_is_intended_in_cameo_and_a_threat_in_plover() -> None:
    # Our conventions keep the act (modality intended); PLOVER returns one category
    # for "ASSAULT + future": THREATEN, its mode the threat's content.
    found = events("Turkey said it would launch a ground operation against Kurdish militants.")
    assert [(e.root, e.modality, e.plover) for e in found] == [("19", "intended", "THREATEN")]


def test_a_question_put_to_a_speaker_is_no_appeal() -> None:
    found = events(
        "The embassy declined to comment on Monday when asked how long the row would last."
    )
    assert [e.root for e in found] == ["01"]


def test_declaring_an_ambassador_persona_non_grata_expels_a_diplomat() -> None:
    found = events("Peru declared Mexico's ambassador persona non grata on Tuesday.")
    assert [(e.source and e.source.code, e.cameo) for e in found] == [("PER", "161")]


def test_a_joined_warning_about_others_is_a_comment_and_their_act_hypothetical() -> None:
    found = events(
        "The United States said it was monitoring the border with Kosovo and warned that "
        "Belgrade could be preparing an incursion."
    )
    codes = {(e.source and e.source.code, e.root, e.modality) for e in found}
    assert ("USA", "01", "asserted") in codes and ("SRB", "19", "hypothetical") in codes


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru signed a fisheries accord on Friday after two days of talks in Lima.",
        "Chile and Peru signed a fisheries accord at the end of all-night negotiations.",
        "The Chilean president signed a fisheries accord with Peru's president at talks in Lima.",
    ],
)
def test_talks_an_accord_was_signed_at_are_between_its_signatories(text: str) -> None:
    found = [e for e in events(text) if e.cameo == "046"]
    assert dyads(found) in (
        {("CHL", "PER"), ("PER", "CHL")},
        {("CHLGOV", "PERGOV"), ("PERGOV", "CHLGOV")},
    )


def test_talks_one_party_attends_name_no_meeting() -> None:
    found = events("The Chilean president spoke about fishing rights at talks in Lima on Friday.")
    assert all(e.root != "04" for e in found)


def test_the_broker_of_a_deal_mediates_between_its_parties() -> None:
    found = events(
        "Chile and Peru settled their maritime dispute in a deal brokered by Brazil on Friday."
    )
    assert {("BRA", "CHL"), ("BRA", "PER")} <= dyads(e for e in found if e.cameo == "045")


def test_fighting_that_broke_out_between_two_sides_is_between_them() -> None:
    found = events(
        "Heavy fighting erupted in the capital on Saturday between Sudan's army and the "
        "paramilitary Rapid Support Forces."
    )
    assert dyads(e for e in found if e.root == "19") == {("SDNMIL", "SDNREB"), ("SDNREB", "SDNMIL")}


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Chadian troops moved into the border town of Tine on Monday. "
            "They came under fire from gunmen on the Sudanese side.",
            "TCDMIL",
        ),
        (
            "Russia closed its embassy in Kyiv on Monday. It also expelled ten diplomats.",
            "RUS",
        ),
    ],
)
def test_a_pronoun_opening_a_sentence_stands_for_the_subject_before(text: str, source: str) -> None:
    last = events(text)[-1]
    assert source in {last.source and last.source.code, last.target and last.target.code}


def test_a_pronoun_stands_only_for_a_subject_of_its_number() -> None:
    found = events("Chadian troops moved into Tine on Monday. It also expelled two diplomats.")
    assert all(e.trigger != "expelled" or e.source is None for e in found)


def test_people_seized_as_hostages_are_taken_hostage() -> None:
    found = events("Gunmen in Manila shot dead two guards and seized nine others as hostages.")
    assert [e.cameo for e in found if e.trigger == "seized"] == ["181"]


def test_a_country_pulled_out_of_is_the_target() -> None:
    found = events("France will pull its ambassador out of Niger by the end of the year.")
    assert [(e.cameo, e.target and e.target.code) for e in found] == [("161", "NER")]


def test_a_charge_dismissed_as_baseless_is_denied() -> None:
    found = events(
        "Rights groups said soldiers had fired on the crowd, a charge the army dismissed as "
        "fake news."
    )
    assert "016" in {e.cameo for e in found if e.trigger == "dismissed"}


def test_aid_from_several_states_arriving_somewhere_is_given_to_that_country() -> None:
    found = events(
        "Rescue teams and aid from Egypt and Turkey began arriving in eastern Libya on "
        "Wednesday after the floods."
    )
    assert dyads(e for e in found if e.root == "07") == {("EGY", "LBY"), ("TUR", "LBY")}


def test_an_act_a_state_condemns_is_not_its_own() -> None:
    found = events("Kenya condemned the attack on the Somali border post on Monday.")
    assert all(not (e.root == "19" and e.source and e.source.code == "KEN") for e in found)
    assert any(e.root == "11" and e.source and e.source.code == "KEN" for e in found)


def test_a_visit_with_no_host_named_is_to_the_country_the_sentence_is_set_in() -> None:
    found = events(
        "Putin and Erdogan opened a gas pipeline at a ceremony in Istanbul on Wednesday, "
        "during Putin's one-day visit."
    )
    assert ("RUSGOV", "TUR") in dyads(e for e in found if e.cameo == "042")


def test_troops_backed_by_tanks_are_supported_by_nobody() -> None:
    found = events("Thai troops backed by armoured vehicles stormed the protest camp on Wednesday.")
    assert all(e.root != "05" for e in found)


def test_declaring_a_zone_or_a_war_footing_is_no_statement() -> None:
    found = events("French troops declared a protected zone in the southwest on Monday.")
    assert all(e.root != "01" for e in found)


@pytest.mark.parametrize(
    ("text", "root"),
    [
        (
            "US warplanes bombed militia positions on Friday, the first American strikes there.",
            "19",
        ),
        ("Some 5,000 workers of the Serbian Workers' Union began a strike on Monday.", "14"),
    ],
)
def test_a_state_strikes_with_arms_and_workers_by_walking_out(text: str, root: str) -> None:
    assert root in {e.root for e in events(text) if e.trigger.startswith("strike")}


def test_a_claimed_attack_is_claimed_and_done_by_the_claimant() -> None:
    found = events("The Taliban claimed the attack on the police station in Kabul.")
    assert {(e.root, e.source and e.source.code) for e in found} == {
        ("01", "AFGREB"),
        ("19", "AFGREB"),
    }


def test_a_transnational_armed_group_is_coded_by_the_country_it_acts_in() -> None:
    found = events("Islamic State militants attacked a police station in Kirkuk on Monday.")
    assert {e.source and e.source.code for e in found if e.root == "19"} == {"IRQREB"}
    assert all("Islamic State" in ((e.source and e.source.text) or "") for e in found)


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("American and British troops thrust into southern Iraq on Thursday.", "192"),
        ("US warships unleashed cruise missiles on government buildings in Baghdad.", "195"),
    ],
)
def test_armies_thrusting_in_or_unleashing_missiles(text: str, cameo: str) -> None:
    assert cameo in {e.cameo for e in events(text)}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "North Korea gave Seoul an ultimatum on Friday, a day after the two sides "
            "exchanged artillery fire across the border.",
            {("PRK", "KOR"), ("KOR", "PRK")},
        ),
        (
            "Cuba freed an American aid worker on Wednesday and the United States released "
            "three Cuban agents, as the two countries agreed to restore diplomatic relations.",
            {("CUB", "USA"), ("USA", "CUB")},
        ),
    ],
)
def test_the_two_sides_are_the_last_two_parties_named(
    text: str, pair: set[tuple[str, str]]
) -> None:
    last = events(text)[-2:]
    assert dyads(last) == pair


def test_an_armed_group_telling_its_own_attack_claims_it_and_an_army_does_not() -> None:
    claimed = events("The Irish Republican Army said it planted the bomb in Brighton on Friday.")
    assert ("GBRREB", "015") in {(e.source and e.source.code, e.cameo) for e in claimed}
    reported = events("Ukraine's military said its drones had struck an oil refinery in Russia.")
    assert all(e.cameo != "015" for e in reported)


def test_a_joint_operation_is_military_cooperation_both_ways() -> None:
    found = events(
        "Ugandan troops attacked rebel camps on Tuesday in a joint operation with the "
        "Congolese army."
    )
    assert {("UGAMIL", "CODMIL"), ("CODMIL", "UGAMIL")} <= dyads(
        e for e in found if e.cameo == "062"
    )


def test_each_side_accusing_the_other_accuses_it_both_ways() -> None:
    found = events(
        "Thailand and Cambodia traded fire along the border on Monday, and each side "
        "accused the other of starting the clash."
    )
    assert dyads(e for e in found if e.root == "11") == {("THA", "KHM"), ("KHM", "THA")}


def test_a_un_inquiry_is_the_uns_and_what_it_finds_is_told_as_fact() -> None:
    found = events(
        "A UN commission of inquiry said on Tuesday that Israel had committed genocide "
        "against Palestinians in Gaza."
    )
    codes = {(e.source and e.source.code, e.root, e.modality) for e in found}
    assert ("IGOUNO", "09", "asserted") in codes
    assert ("ISR", "20", "asserted") in codes


def test_suspending_an_aid_agencys_operations_expels_it() -> None:
    found = events("Ethiopia suspended the operations of Medecins Sans Frontieres in Tigray.")
    assert [e.cameo for e in found if e.trigger == "suspended"] == ["1663"]


def test_what_each_accuses_the_other_of_is_claimed_both_ways() -> None:
    found = events(
        "India and Pakistan agreed to a ceasefire on Saturday, but within hours each "
        "accused the other of violating it."
    )
    assert dyads(e for e in found if e.root == "11") == {("IND", "PAK"), ("PAK", "IND")}
    violated = [e for e in found if e.cameo == "196"]
    assert dyads(violated) == {("IND", "PAK"), ("PAK", "IND")}
    assert {e.modality for e in violated} == {"claimed"}


def test_it_as_an_object_stands_for_the_thing_named_before() -> None:
    found = events("President Yoon lifted martial law on Wednesday, six hours after declaring it.")
    assert "1724" in {e.cameo for e in found}


def test_every_act_a_deadline_asks_for_is_part_of_it() -> None:
    found = events(
        "Nepal's assembly gave the former king 15 days to vacate the palace and hand it "
        "over to the state."
    )
    assert [e.cameo for e in found] == ["139"]


def test_a_leader_ordering_the_army_to_attack_attacks() -> None:
    found = events("Ethiopia's prime minister ordered the army to attack rebel forces in Tigray.")
    assert ("ETHGOV", "19") in {(e.source and e.source.code, e.root) for e in found}
    assert all(e.root != "10" for e in found)


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The Russian president ordered a halt to military operations in Georgia.", "087"),
        ("The United States ordered a naval quarantine of Cuba on Monday.", "191"),
        ("India ordered Pakistani military advisers out of New Delhi on Wednesday.", "161"),
        ("The Dutch prime minister ordered flags on public buildings flown at half mast.", "017"),
    ],
)
def test_what_an_order_names_is_the_orderers_act(text: str, cameo: str) -> None:
    assert [e.cameo for e in events(text)] == [cameo]


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Israeli armoured columns drove into southern Lebanon on Tuesday.", "192"),
        ("Russian tanks rolled into South Ossetia on Friday.", "192"),
        ("Some 3,000 American troops landed in Haiti unopposed on Monday.", "192"),
        ("Australian troops landed in Dili on Monday to restore order.", "074"),
        (
            "The first Ugandan troops of an African Union peacekeeping force landed at "
            "Mogadishu airport on Tuesday.",
            "074",
        ),
        ("Houthi rebels seized government buildings in Sanaa on Sunday.", "192"),
    ],
)
def test_forces_moving_in_occupy_unless_they_come_to_keep_the_peace(text: str, cameo: str) -> None:
    assert cameo in {e.cameo for e in events(text)}


def test_a_bomb_that_exploded_somewhere_killed_that_countrys_people() -> None:
    found = events(
        "A truck bomb exploded at a busy intersection in Mogadishu on Saturday, killing "
        "more than 300 people."
    )
    assert [(e.source and e.source.code, e.cameo, e.target and e.target.code) for e in found] == [
        ("SOMUAF", "1832", "SOMCVL")
    ]


@pytest.mark.parametrize(
    ("text", "denier", "accuser"),
    [
        (
            "Opposition leaders in Lebanon blamed Syria for the bombing, a charge Damascus "
            "rejected.",
            "SYR",
            "LBNOPP",
        ),
        (
            "A UN panel said that it had found credible allegations that Sri Lanka's army "
            "shelled hospitals, findings the government rejected as biased.",
            "LKAGOV",
            "IGOUNO",
        ),
    ],
)
def test_a_trailing_charge_denied_is_a_denial_to_whoever_made_it(
    text: str, denier: str, accuser: str
) -> None:
    denials = [e for e in events(text) if e.cameo == "016"]
    assert dyads(denials) == {(denier, accuser)}
    assert {e.modality for e in denials} == {"asserted"}


def test_the_attack_someone_is_blamed_for_is_claimed() -> None:
    found = events("Opposition leaders in Lebanon blamed Syria for the attack on Monday.")
    assert [(e.source and e.source.code, e.modality) for e in found if e.root == "19"] == [
        ("SYR", "claimed")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Saudi Arabia and Iran agreed to restore relations under a deal brokered by China.",
        "Kenya's president and the opposition leader signed a deal on Thursday that was "
        "mediated by China.",
        "Mozambique's president and Renamo rebels signed a peace accord in Rome on Sunday "
        "under Chinese mediation.",
    ],
)
def test_a_broker_mediates_between_the_parties_of_the_deal(text: str) -> None:
    mediated = [e for e in events(text) if e.cameo == "045"]
    assert {e.source.code for e in mediated if e.source} == {"CHN"}
    assert len({e.target.code for e in mediated if e.target}) == 2


def test_talks_led_by_a_third_party_are_between_the_parties_it_brought_together() -> None:
    found = events(
        "Ethiopia's government and Tigrayan forces agreed on Wednesday to a permanent "
        "cessation of hostilities after ten days of African Union-led talks in Pretoria."
    )
    codes = {(e.source and e.source.code, e.cameo) for e in found}
    assert {("IGOAFRAFU", "045"), ("ETHGOV", "046"), ("ETHGOV", "0356")} <= codes
    assert ("IGOAFRAFU", "046") not in codes


def test_a_vow_to_answer_an_armed_attack_threatens_force_at_the_attacker() -> None:
    found = events(
        "Indian warplanes struck a militant camp in Pakistan on Tuesday, and Pakistan "
        "vowed to respond at a time of its choosing."
    )
    assert ("PAK", "138", "INDMIL") in {
        (e.source and e.source.code, e.cameo, e.target and e.target.code) for e in found
    }


def test_a_participle_after_a_promise_is_no_part_of_what_is_promised() -> None:
    found = events(
        "Morocco's king promised on Wednesday to give up some of his powers, responding "
        "to weeks of street protests."
    )
    assert all(e.root != "13" for e in found)


@pytest.mark.parametrize(
    ("text", "cameos"),
    [
        ("India summoned Pakistan's high commissioner on Monday.", ["114"]),
        ("Beijing handed the Japanese ambassador a formal protest over the visit.", ["114"]),
        ("India cut telephone and internet links in Kashmir on Monday.", ["1721"]),
        ("France banned new investment in South Africa on Wednesday.", ["163"]),
        ("The EU imposed sanctions on Robert Mugabe and 19 of his aides on Monday.", ["163"]),
    ],
)
def test_diplomatic_protests_blackouts_and_bans(text: str, cameos: list[str]) -> None:
    assert [e.cameo for e in events(text)] == cameos


def test_what_a_signed_declaration_pledges_is_the_signatories_intent() -> None:
    found = events(
        "Xi Jinping signed 51 agreements with Pakistan's government on Monday, pledging "
        "46 billion dollars of investment in roads and power plants."
    )
    pledged = [e for e in found if e.trigger == "pledging"]
    assert [(e.cameo, e.modality) for e in pledged] == [("0331", "intended")]
    assert all(e.trigger != "investment" for e in found)


def test_forces_named_by_kind_are_of_the_state_that_tells_of_them() -> None:
    found = events(
        "President Uhuru Kenyatta said on Tuesday that troops had shot dead five of the "
        "attackers at the Westgate mall."
    )
    assert "KENMIL" in {e.source.code for e in found if e.source}


def test_foreign_nationals_are_civilians_of_their_country() -> None:
    found = events("Beijing detained four Japanese nationals on Friday.")
    assert dyads(found) == {("CHN", "JPNCVL")}


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        (
            "China's military launched large-scale drills around Taiwan on Tuesday, and "
            "Taipei condemned the exercises as reckless provocation.",
            {"CHNMIL"},
        ),
        (
            "Russia and China vetoed a UN Security Council resolution on Friday, and "
            "Britain's ambassador condemned the vetoes as incomprehensible.",
            {"RUS", "CHN"},
        ),
    ],
)
def test_condemning_an_act_told_before_condemns_who_did_it(text: str, targets: set[str]) -> None:
    condemned = [e for e in events(text) if e.cameo == "111"]
    assert {e.target.code for e in condemned if e.target} == targets


def test_joint_exercises_launched_are_cooperation_between_the_launchers() -> None:
    found = events(
        "Russia and Belarus launched their joint military exercises on Friday, with some "
        "200,000 troops taking part near the borders of Poland."
    )
    assert dyads(e for e in found if e.cameo == "062") == {("RUS", "BLR"), ("BLR", "RUS")}


def test_a_countrys_name_as_a_modifier_is_that_country() -> None:
    found = events("Iranian and U.S. negotiators held indirect talks in Muscat on Saturday.")
    assert dyads(found) == {("IRNGOV", "USAGOV"), ("USAGOV", "IRNGOV")}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("A US drone strike killed Iran's top commander at Baghdad airport on Friday.", "195"),
        ("Masked gunmen ambushed a Kosovo police patrol near Banjska on Sunday.", "150"),
        ("President Trump pulled the United States out of the Iran nuclear deal.", "057"),
    ],
)
def test_acts_named_as_instruments_targets_or_agreements_of_old_are_no_events(
    text: str, absent: str
) -> None:
    found = events(text)
    assert found
    assert absent not in {e.cameo for e in found}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jordan hanged two jailed Iraqi militants at dawn on Wednesday.", ("JOR", "1823")),
        ("Insurgents executed a captured soldier in Iraq on Sunday.", ("IRQINS", "1823")),
        ("Hezbollah guerrillas captured two Israeli soldiers on Wednesday.", ("LBNREB", "181")),
        ("Peruvian anti-terrorist police captured the rebel leader in Lima.", ("PERCOP", "173")),
    ],
)
def test_executions_abductions_and_arrests(text: str, expected: tuple[str, str]) -> None:
    assert expected in {(e.source and e.source.code, e.cameo) for e in events(text)}


@pytest.mark.parametrize(
    "text",
    [
        "The House impeached the president over last week's storming of the Capitol by "
        "his supporters.",
        "Bolsonaro was questioned on Thursday over the storming of government buildings in "
        "Brasilia in January.",
    ],
)
def test_a_storming_by_crowds_or_by_nobody_named_is_a_riot(text: str) -> None:
    stormed = [e for e in events(text) if e.trigger == "storming"]
    assert [(e.cameo, e.modality) for e in stormed] == [("145", "asserted")]


def test_what_an_inquiry_is_into_happened() -> None:
    found = events(
        "A Brazilian judge agreed on Friday to include Bolsonaro in the investigation into "
        "the storming of government buildings in Brasilia."
    )
    assert [e.modality for e in found if e.trigger == "storming"] == ["asserted"]


@pytest.mark.parametrize(
    "text",
    [
        "Indian Prime Minister Atal Behari Vajpayee crossed into Pakistan by bus on Saturday "
        "and was welcomed at the Wagah border by Nawaz Sharif.",
        "Pakistan's prime minister Nawaz Sharif welcomed Atal Behari Vajpayee at the Wagah "
        "border on Saturday.",
    ],
)
def test_welcoming_a_visitor_at_the_airport_or_border_hosts_a_visit(text: str) -> None:
    found = events(text, published="1999-02-21")
    assert ("PAKGOV", "043", "INDGOV") in {
        (e.source and e.source.code, e.cameo, e.target and e.target.code) for e in found
    }


@pytest.mark.parametrize(
    "text",
    [
        "Cuba called the decision hasty and unjustified on Wednesday.",
        "Hundreds of protesters stormed the government headquarters in Yerevan, calling "
        "the prime minister a traitor.",
    ],
)
def test_calling_an_act_or_a_leader_names_disapproves(text: str) -> None:
    assert "111" in {e.cameo for e in events(text)}


def test_a_leader_told_of_by_a_pronoun_is_assassinated_by_an_attacker_of_his_country() -> None:
    found = events(
        "Prime Minister Yitzhak Rabin addressed a peace rally on Saturday night. He was "
        "shot dead by an extremist as he left the rally.",
        published="1995-11-05",
    )
    assert ("ISRRAD", "186", "ISRGOV") in {
        (e.source and e.source.code, e.cameo, e.target and e.target.code) for e in found
    }


def test_crowds_massing_outside_an_embassy_demonstrate_and_armies_massing_mobilise() -> None:
    crowd = events("Thousands of Chinese protesters massed outside Japan's embassy on Saturday.")
    assert [(e.cameo, e.target and e.target.code) for e in crowd] == [("141", "JPNGOV")]
    army = events("Russia massed troops near the Ukrainian border on Monday.")
    assert [e.cameo for e in army] == ["154"]


def test_the_toll_of_an_act_named_as_the_subject_is_that_act() -> None:
    found = events(
        "A Turkish air strike flattened a farmhouse near Qamishli on Sunday, killing nine people."
    )
    assert [e.trigger for e in found if e.root in {"18", "19", "20"}] == ["strike"]


@pytest.mark.parametrize(
    "text",
    [
        "An earthquake killed more than 300 people in central Italy on Wednesday.",
        "A crowd crush at a stadium in Malang killed 125 people on Saturday.",
        "A Russian jet crashed into the Sinai desert on Saturday, killing all 224 people on board.",
    ],
)
def test_deaths_a_disaster_caused_are_no_event(text: str) -> None:
    assert not [e for e in events(text) if e.root in {"18", "19", "20"}]
