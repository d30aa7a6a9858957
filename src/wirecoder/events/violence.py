"""Who did the violence and which kind it was.

CAMEO tells repression by a state's own forces (175), violence by non-state groups
(180) and mass killing (202) apart from fighting (190); violence and arrests told
without a doer still have one: an unidentified attacker, the state's police.
"""

from __future__ import annotations

from spacy.tokens import Token

from wirecoder.events.slots import SUBJECT_DEPS, is_passive, reduced_passive
from wirecoder.model import EventActor

# Things, not actors, that do violence in news sentences: "a car bomb killed".
_INSTRUMENTS = frozenset(
    {
        "explosion",
        "blast",
        "bomb",
        "bombing",
        "device",
        "mine",
        "shell",
        "rocket",
        "missile",
        "grenade",
        "gunfire",
        "airstrike",
        "strike",
        "attack",
        "fire",
        "shelling",
        "explosive",
        "drone",
    }
)


VIOLENT_ROOTS = frozenset({"18", "19", "20"})
# Acts CAMEO has no intent code for: announced, they are threats (13x).
COERCIVE_ROOTS = frozenset({"16", "17", "18", "19", "20"})
# Places where civilians gather: violence against them is violence against civilians.
PUBLIC_PLACES = frozenset(
    {
        "hotel",
        "church",
        "mosque",
        "temple",
        "synagogue",
        "shrine",
        "school",
        "market",
        "marketplace",
        "bazaar",
        "bus",
        "train",
        "hospital",
        "clinic",
        "village",
        "town",
        "city",
        "home",
        "house",
        "shop",
        "restaurant",
        "cafe",
        "mall",
        "stadium",
        "concert",
        "wedding",
        "funeral",
        "nightclub",
        "bar",
        "neighbourhood",
        "neighborhood",
        "camp",
        "hall",
        "theatre",
        "theater",
        "cinema",
        "station",
        "airport",
        "gathering",
        "rally",
        "crowd",
        "queue",
        "festival",
        "club",
    }
)
_STATE_FORCES = ("COP", "MIL", "GOV", "SPY")


_UNARMED = ("CVL", "OPP", "EDU", "MED", "REL", "REF", "LAB", "AGR", "HLH", "BUS")


# Armed groups that are not a state's, as bare agent codes.
NON_STATE = frozenset({"REB", "UAF", "INS", "CRM"})

# Crowds of a country's own people: their violence is a riot, not an armed attack.
CROWDS = frozenset({"OPP", "CVL", "LAB", "EDU", "AGR"})

# Victims who were protesting: a state's violence against them is repression however
# many die (the coder's own _PROTESTING is who may be a protest's source).
_DISSENTERS = ("OPP", "EDU", "LAB")

# The state's unarmed bodies: its offices, courts and parliament.
_CIVIL_STATE = frozenset({"GOV", "JUD", "LEG"})

_MASS = frozenset({"hundreds", "thousands", "tens", "scores"})


def violence_code(code: str, source: EventActor, target: EventActor | None, trigger: Token) -> str:
    """Which kind of violence a generic killing or attack (190) is, by who hits whom.

    CAMEO separates repression of unarmed people by the state's own forces (175), the
    violence of non-state groups against them (180), and mass killing (202) from
    conventional fighting (190); shooting a named public figure is an assassination
    (186) or an attempt (185); seizing people is abduction (181); a suicide, car or
    roadside bomb that kills or attacks is that kind of bombing (1831-1833); an armed
    group's capture of people is abduction (181), not arrest; a state's forces
    firing on their own unarmed people repress them (175). Two codes outside violence
    are told apart here too, because they also turn on who acts: a state's "strikes"
    are armed (190), not walkouts (143); a suspension of an aid agency's operations is
    its withdrawal (1663), not a military de-escalation (087).
    """
    doer = source.code or ""
    state = doer[3:].startswith(_STATE_FORCES)
    # A bare country is its forces; a bare "REB" (rebels of no known country) is not.
    # ("LAB", "OPP": people of no known country are no state either.)
    bare_state = len(doer) == 3 and doer not in NON_STATE and doer not in _UNARMED
    military = state or bare_state or doer.startswith("IGO")
    bombing = _bombing(trigger) if code[:3] in _BOMBABLE else None
    if bombing is not None and bombing != "183":
        return bombing  # a suicide, car or roadside bombing, whoever set it off
    # "killed in a bomb blast": a bombing, an air strike if a state's forces' (below).
    code = bombing or code
    if code == "143" and military and trigger.lemma_ == "boycott":
        return "163"  # "a boycott of the country by Saudi Arabia": a state's embargo
    if code == "143" and military and trigger.pos_ == "NOUN":
        return "190"  # "the first American strikes in Iraq": states and armies do not walk out
    if code == "192" and _peacekeeping(trigger):
        return "074"  # "peacekeepers landed in Dili to restore order": protection
    if code == "042" and doer[3:] in {"MIL", "COP"} and trigger.lemma_ == "arrive":
        # "Russian paratroopers began arriving in Kazakhstan": soldiers make no visits;
        # let in, they come to protect ("to restore law and order").
        return "074"
    if code == "173" and (doer in NON_STATE or doer[3:] in NON_STATE):
        return "181"  # "Hezbollah captured two Israeli soldiers": armed groups abduct
    if code == "152" and doer[3:] == "COP":
        return "151"  # police put on alert: the police's, not the army's, alert level
    if code == "183" and military:
        return "195"  # "NATO's bombing of Yugoslavia": a state's bombing is an air strike
    if code == "195" and not military and trigger.lemma_ in {"bomb", "bombing"}:
        return "183"  # "the rebel group bombed a police academy": no air force
    crowd = (doer[3:] if len(doer) > 3 else doer) in CROWDS  # "OPP": protesters unplaced
    if code == "154" and trigger.lemma_ == "mass" and crowd:
        return "141"  # "protesters massed outside the embassy": a demonstration
    if code == "190" and trigger.lemma_ in {"storm", "storming"} and crowd:
        return "145"  # "protesters stormed and set fire to the town hall": a riot
    if code == "192" and crowd and trigger.lemma_ in {"occupy", "occupation"}:
        return "144"  # "thousands of protesters occupied the main terminal": a blockade
    if code[:3] == "174" and _mass(trigger, 2000):
        return "201"  # "expelled tens of thousands of people": a mass expulsion
    if target is None or not target.code or not source.code:
        return code
    if code == "087" and target.code.startswith("NGO") and trigger.lemma_ == "suspend":
        return "1663"  # "suspended the operations of MSF": an aid agency stopped, not a war
    if (
        code[:3] in {"190", "193", "180", "182"}
        and not state
        and _political_person(target, trigger)
    ):
        return "186" if _fatal(trigger) else "185"
    people = len(target.code) > 3 and not target.code.startswith("IGO")
    if code in {"171", "1711"} and people and not target.code[3:].startswith("BUS"):
        return "181"  # "seized 280 pupils": people are abducted, not confiscated (firms are)
    if code == "145" and trigger.lemma_ == "storming" and doer[3:] == "MIL":
        return "190"  # "the storming of the school by special forces": an assault
    if code.startswith("145") and trigger.lemma_ in {"storm", "storming"} and state:
        return "171"  # police storming an embassy seize it; protesters storming riot
    # "CVL": people of no country named are still people.
    victims = target.code[3:] if len(target.code) > 3 else target.code
    unarmed = victims.startswith(_UNARMED)
    if code in {"180", "1823"} and unarmed and trigger.lemma_ in _KILLING and _mass(trigger, 100):
        return "202"  # "militants executed 300 men"
    if code == "190" and not military and victims in _CIVIL_STATE:
        return "180"  # "militants attacked the Chinese consulate": no battle with an army
    if code not in {"190", "193"} or not unarmed:
        return code
    own = state and source.code[:3] == target.code[:3]
    if code == "193":
        # "police opened fire on protesters": shooting at one's own unarmed people.
        return "175" if own else code
    massacre = "massacre" in {trigger.lemma_, trigger.head.lemma_}  # "a massacre, in which"
    if own and victims.startswith(_DISSENTERS) and not massacre:
        return "175"  # "security forces killed 1,400 people in the protests": repression
    if trigger.lemma_ in _KILLING and _mass(trigger, 100):
        return "202"
    if own:
        return "175"
    return "180" if not state else code


_KILLING = frozenset({"kill", "killing", "massacre", "execute", "slaughter", "murder", "behead"})


def _peacekeeping(trigger: Token) -> bool:
    """ "the first troops of an African Union peacekeeping force landed", "Marines
    landed ... to open the way for food aid": forces sent to keep peace or protect aid,
    by the doer's phrase or the purpose the clause gives."""
    doers = [c for c in trigger.children if c.dep_ in SUBJECT_DEPS]
    if any(t.lemma_.lower() in _PEACEKEEPERS for d in doers for t in d.subtree):
        return True
    return any(
        c.dep_ in {"advcl", "xcomp"} and c.lemma_ in _PROTECTING and c.i > trigger.i
        for c in trigger.children
    )


_PEACEKEEPERS = frozenset(
    {"peacekeeper", "peacekeeping", "multinational", "protection", "stabilisation", "stabilization"}
)
# What troops are sent in to do when they come to protect: "to restore order".
_PROTECTING = frozenset({"restore", "protect", "safeguard", "secure", "open", "guard", "deliver"})


def _mass(trigger: Token, at_least: float) -> bool:
    """Whether the people the act is done to are counted in the hundreds or more
    ("tens of thousands of people", "800,000 Tutsis", "the expulsion of 80,000")."""
    counted = [o for o in trigger.children if o.dep_ in {"dobj", "nsubjpass"}]
    if trigger.pos_ == "NOUN":
        counted += [o for p in trigger.children if p.lower_ == "of" for o in p.children]
    words = {t.lower_ for o in counted for t in o.subtree}
    if words & _MASS and (at_least <= 100 or words & {"thousands", "tens"}):
        return True
    return any(_number(t.text) >= at_least for o in counted for t in o.subtree if t.like_num)


_BOMBABLE = frozenset({"190", "180", "183", "193", "194"})
# Bombs by how they are delivered, as written in the doer's or the instrument's phrase.
_BOMBINGS = (
    ("1831", ("suicide bomber", "suicide bombing", "suicide attack", "suicide attacker")),
    ("1832", ("car bomb", "car bombing", "truck bomb", "vehicle bomb")),
    ("1833", ("roadside bomb", "roadside bombing", "improvised explosive device", "ied")),
    ("183", ("bomb", "bombing", "explosion", "blast")),  # "bomb blast", "bomb attack" too
)


def _bombing(trigger: Token) -> str | None:
    """ "a suicide bomber attacked", "killed by a roadside bomb", "killed in a car
    bombing": the doer's or instrument's phrase names the kind of bombing."""
    phrases = [c for c in trigger.children if c.dep_ in SUBJECT_DEPS]
    if not phrases and trigger.dep_ in {"advcl", "conj"} and trigger.pos_ == "VERB":
        # "a truck bomb exploded at an intersection, killing 300": the clause's doer.
        phrases = [c for c in trigger.head.children if c.dep_ in SUBJECT_DEPS]
    for prep in trigger.children:
        if prep.dep_ in {"agent", "prep"} and prep.lower_ in {"by", "in", "with"}:
            phrases += [o for o in prep.children if o.dep_ == "pobj"]
    for phrase in phrases:
        # The words up to the head ("suicide bombers in a boat", not "... against rebels
        # blamed for suicide bombings"), as written and as lemmas ("suicide bombers").
        named = phrase.doc[phrase.left_edge.i : phrase.i + 1]
        tokens = [t.lower_ for t in named] + ["|"] + [t.lemma_ for t in named]
        text = " ".join(tokens).replace("-", " ")
        text = f" {text} "
        for code, words in _BOMBINGS:
            if any(f" {w} " in text for w in words):
                return code
    return None


# Whose shooting is an assassination (attempt): officials, politicians, public figures.
_POLITICAL = ("GOV", "ELI", "OPP", "PTY", "LEG", "JUD", "MIL", "REL", "MED", "HRI")
_FATAL_LEMMAS = frozenset({"kill", "killing", "assassinate", "assassination", "murder", "slay"})


def _political_person(target: EventActor, trigger: Token) -> bool:
    """ "Prime Minister Robert Fico was shot", "a gunman opened fire on Imran Khan": a
    named person of public life as the victim."""
    if not target.code or not target.code[3:].startswith(_POLITICAL):
        return False
    span = trigger.doc.char_span(target.start, target.end, alignment_mode="expand")
    if span is None:
        return False
    # "He was shot dead": a person told of before, by a personal pronoun.
    return any(t.ent_type_ == "PERSON" or t.lower_ in _PERSONAL for t in span)


_PERSONAL = frozenset({"he", "she", "him", "her"})


def _fatal(trigger: Token) -> bool:
    """ "was shot dead", "killed": the victim died."""
    if trigger.lemma_ in _FATAL_LEMMAS:
        return True
    return any(c.lower_ == "dead" for c in trigger.children)


def _number(text: str) -> float:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return 0.0


# Acts only a state does, told in the passive without their doer, and who does them.
_AUTHORITY_BY_CODE = {
    "173": "COP",
    "172": "GOV",
    "171": "GOV",
    "174": "GOV",
    "091": "COP",
    "0841": "GOV",
    "116": "JUD",
    "0842": "GOV",
    "063": "GOV",  # extradited
    "075": "GOV",  # granted asylum
    "0862": "GOV",  # inspectors allowed in
    "1711": "GOV",  # land seized for resettlement
    "161": "GOV",  # diplomats expelled
}


def implied_authority(trigger: Token, code: str) -> str | None:
    """The agent code of the state body implied by an agentless passive ("was detained"
    -> COP), or None."""
    if trigger.pos_ == "NOUN" and code[:3] == "175":
        return "GOV"  # "the crackdown on protesters": repression is the state's by definition
    if trigger.pos_ != "VERB" or not (is_passive(trigger) or reduced_passive(trigger)):
        return None
    if any(c.dep_ == "agent" for c in trigger.children):
        return None
    return _AUTHORITY_BY_CODE.get(code) or _AUTHORITY_BY_CODE.get(code[:3])


def instruments(trigger: Token) -> list[Token]:
    """The weapons told as the doer of an act: "hit *by a missile*", "*a car bomb* killed"."""
    doers = [o for a in trigger.children if a.dep_ == "agent" for o in a.children]
    doers += [c for c in trigger.children if c.dep_ in SUBJECT_DEPS]
    return [d for d in doers if d.lemma_ in _INSTRUMENTS]


def unattributed_violence(trigger: Token, code: str) -> bool:
    """A violent act (CAMEO 18-20) told without its doer: a passive with no agent, an
    instrument as the subject, or an event noun whose doer no slot names (the caller
    requires a victim in every case)."""
    if code[:2] not in VIOLENT_ROOTS:
        return False
    if trigger.pos_ == "NOUN":
        return True  # "the bombing of a school", its doer unnamed
    if is_passive(trigger) or reduced_passive(trigger):
        # "killed by a roadside bomb": an instrument is no doer either.
        doers = [o for a in trigger.children if a.dep_ == "agent" for o in a.children]
        return all(o.lemma_ in _INSTRUMENTS for o in doers)
    subjects = [c for c in trigger.children if c.dep_ in SUBJECT_DEPS]
    if not subjects and trigger.dep_ == "advcl":
        # "a truck bomb exploded at an intersection, killing 300": the clause's bomb.
        subjects = [c for c in trigger.head.children if c.dep_ in SUBJECT_DEPS]
    return bool(subjects) and all(s.lemma_ in _INSTRUMENTS for s in subjects)


def by_nature(trigger: Token) -> bool:
    """ "a crowd crush killed 150", "the earthquake killed 300": deaths a disaster, not
    an actor, caused (also told by a participle: "floods swept the valley, killing")."""
    if trigger.lemma_ not in _KILLING and trigger.lemma_ != "die":
        return False
    causes = [c for c in trigger.children if c.dep_ in {"nsubj", "agent"}]
    causes += [g for c in causes if c.dep_ == "agent" for g in c.children]
    if trigger.tag_ == "VBG" and trigger.dep_ in {"advcl", "conj"}:
        if trigger.head.lemma_ in _MISHAPS:
            return True  # "the jet crashed onto the town, killing all 259 on board"
        causes += [c for c in trigger.head.children if c.dep_ == "nsubj"]
    return any(c.lemma_.lower() in _DISASTERS for c in causes)


# What crafts and buildings do by mishap, killing those aboard or inside.
_MISHAPS = frozenset({"crash", "collapse", "capsize", "derail", "sink"})


_DISASTERS = frozenset(
    {
        "crush",
        "stampede",
        "earthquake",
        "quake",
        "flood",
        "flooding",
        "landslide",
        "mudslide",
        "storm",
        "cyclone",
        "hurricane",
        "typhoon",
        "tsunami",
        "avalanche",
        "wildfire",
        "heatwave",
        "epidemic",
        "outbreak",
        "disease",
        "pandemic",
        "famine",
        "drought",
        "tornado",
        "eruption",
    }
)
