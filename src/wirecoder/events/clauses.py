"""Which triggers are acts of their own, and which belong to another.

Appeals, demands, refusals and threats govern the act in their complement and code
it themselves; denials and announcements hand over to it; a purpose clause, the toll
of an attack or "in protest at" explain another act rather than adding one.
"""

from __future__ import annotations

from spacy.tokens import Token

from wirecoder.events.antecedents import PRONOUNS, mention_for
from wirecoder.events.modality import CHARGE_NOUNS
from wirecoder.events.patterns import Pattern
from wirecoder.events.slots import (
    SUBJECT_DEPS,
    clause_parties,
    meeting_parties,
    noun_doer,
    pobjs,
)
from wirecoder.events.violence import NON_STATE, VIOLENT_ROOTS
from wirecoder.model import Mention

# Appeals, demands, refusals and threats code the act they govern themselves.
GOVERNING_ROOTS = frozenset({"02", "10", "12", "13"})
# Considering a policy option (014) is the event; the option weighed is not one yet.
DELIBERATING = "014"


# A denial or an announcement whose content is an act codes the act, not itself.
CARRIER_LEMMAS = frozenset({"deny", "announce"})
# An authority that orders an act named by a noun ("ordered the arrest of", "ordered
# the expulsion of") does it; ordering someone *to* act stays a demand (10).
ORDERING = frozenset({"order", "authorise", "authorize"})


# Things an event noun can classify without naming an act: "aid convoys", "war crimes".
CLASSIFIED_NOUNS = frozenset(
    {
        "convoy",
        "truck",
        "lorry",
        "shipment",
        "delivery",
        "flight",
        "package",
        "programme",
        "program",
        "budget",
        "fund",
        "money",
        "agency",
        "organisation",
        "organization",
        "worker",
        "crime",
        "zone",
        "line",
        "route",
        "corridor",
        "site",
        "victim",
        "survivor",
        "mission",
        "team",
        "force",
        "group",  # "a carrier battle group", "an attack group"
        "helicopter",
        # "a war memorial", "the war museum": places that remember an act
        "memorial",
        "museum",
        "cemetery",
        "grave",
        "anniversary",
        # "a navy patrol ship", "patrol boats", "a reconnaissance plane"
        "ship",
        "boat",
        "vessel",
        "plane",
        "aircraft",
        "drone",
        "monitor",
        "observer",
        "inspector",
        # what an act is charged, tried or legislated as: "a murder charge", "the
        # extradition bill", "an arrest warrant"
        "charge",
        "case",
        "trial",
        "suspect",
        "conviction",
        "verdict",
        "bill",
        "law",
        "legislation",
        "warrant",
        "complex",
        "facility",
        "pad",
    }
)
# A request, demand or threat named by a noun ("rejected the request") happened before and
# is an event too; an offer or proposal (03) is only the frame of its answer.
PRIOR_ACTS = frozenset({"02", "10", "13"})


def ongoing_act(frame: str, act: str) -> bool:
    """Whether the act a frame names is under way or done, and so an event of its own:
    the fighting or protest something stops or halts (087), the attack it investigates
    (09) or claims (015): "urged NATO to halt the bombing", "will investigate the
    strike", "the Taliban claimed the attack"."""
    # (Lifting a blockade, 0872, eases a restriction; the blockade is its frame.)
    stops = frame in {"087", "0871", "015"} or frame.startswith("09")
    return stops and act[:2] in {"14", "18", "19", "20"}


def is_generic(code: str) -> bool:
    """ "020", "100", "120", "130": the family's code with no sub-type."""
    return len(code) == 3 and code.endswith("0")


def complements_of(token: Token) -> list[Token]:
    """The verbs (or event nouns) a trigger governs: "urged X *to lift*", "demanded that
    X *release*", "denied *carrying out* the attack", "refused *the release*"."""
    found = []
    for child in token.children:
        if child.dep_ in {"xcomp", "ccomp"}:
            found += [child, *child.conjuncts]
        elif child.dep_ in {"prep"} and child.lower_ in {"of", "for"}:
            # "accused X of shelling", "asked the IMF for a loan"
            found += [g for g in child.children if g.dep_ in {"pcomp", "pobj"}]
        elif child.dep_ == "dobj" and child.pos_ == "NOUN":
            found.append(child)
        elif child.dep_ == "advcl" and child.tag_ == "VBG" and _right_after(token, child):
            found.append(child)  # "put off lifting the embargo", parsed as advcl
    return found


def _right_after(token: Token, child: Token) -> bool:
    """ "put off *lifting*": the child follows the verb or its particle directly."""
    before = child.doc[child.i - 1] if child.i > 0 else None
    return before is not None and (
        before.i == token.i or (before.dep_ == "prt" and before.head.i == token.i)
    )


def fallback_targets(trigger: Token, code: str) -> list[list[Token]]:
    """Where a target may sit when the pattern's slots are empty, in the order to try.

    "demanded that Georgia release the officers": the complement's subject is the
    party asked; "threatened to cut gas supplies to Ukraine": the complement's
    recipient; "demanded the resignation of the government": the object's owner;
    "hosted Putin for talks": the host verb's object is the other party.
    """
    found: list[list[Token]] = []
    if code[:2] in GOVERNING_ROOTS:
        for child in trigger.children:
            if child.dep_ == "ccomp":
                found.append([c for c in child.children if c.dep_ in SUBJECT_DEPS])
            if child.dep_ in {"ccomp", "xcomp"}:
                found.append(pobjs(child, {"to", "on", "against", "into", "from"}))
                found.append([c for c in child.children if c.dep_ in {"dobj", "dative"}])
            if child.dep_ == "dobj":
                found.append(pobjs(child, {"of"}))
    if trigger.pos_ == "VERB" and trigger.dep_ in {"acl", "amod", "relcl"} and code[:2] == "04":
        # "an EU-brokered ceasefire between A and B", "talks mediated by the AU", "a deal
        # that was mediated by Annan": the parties of the act the participle describes.
        described = trigger.head
        if described.pos_ == "PROPN" and described.dep_ == "pobj":
            # "negotiations at Camp David brokered by Carter": the place is not brokered.
            described = described.head.head if described.head.head.pos_ == "NOUN" else described
        found.append(pobjs(described, {"between", "with"}))
        found.append(_signatories(described))
        found.append(noun_doer(described))
        found.append(meeting_parties(described))  # "signed accords at talks hosted by"
    if trigger.pos_ == "NOUN" and code == "045" and trigger.dep_ == "pobj":
        # "signed a peace accord under Italian mediation": between the signatories.
        found.append(_signatories(trigger))
    if trigger.pos_ == "NOUN" and code[:2] == "04":
        head = trigger.head
        if trigger.dep_ == "pobj":
            head = head.head
        if head.i != trigger.i and head.pos_ == "VERB":
            found.append([c for c in head.children if c.dep_ == "dobj" and c.i != trigger.i])
            found.append(pobjs(head, {"with"}))
            # "X was received by Y for talks": X is Y's other party.
            found.append([c for c in head.children if c.dep_ == "nsubjpass"])
    return [f for f in found if f]


def _signatories(deal: Token) -> list[Token]:
    """Who made the deal a noun names, from the verb it is the object of or the
    preposition it hangs on: "Hadi signed a deal *with the group*", "agreed ... *under*
    a deal", "signed an accord *under* Italian mediation": the verb's subjects and its
    `with` object, when it has subjects."""
    verb = deal.head
    if deal.dep_ == "pobj" and verb.lower_ in {"under", "in", "with"}:
        verb = verb.head
    elif deal.dep_ != "dobj":
        return []
    if verb.pos_ != "VERB":
        return []
    return clause_parties(verb)  # "agreed to restore relations under a deal"


def warning_code(warn: Token, by_token: dict[int, Mention]) -> str:
    """A warning that the warner itself will act ("warned that it would strike") is a
    threat (130); a warning that something else will happen ("warned that conditions
    were getting worse") is a pessimistic comment (012)."""
    for content in (c for c in warn.children if c.dep_ == "ccomp"):
        doers = [c for c in content.children if c.dep_ in SUBJECT_DEPS]
        warners = [c for c in warn.children if c.dep_ in SUBJECT_DEPS]
        if not warners and warn.dep_ == "conj":
            # "said it was monitoring ... and warned that Belgrade could ...": shared.
            warners = [c for c in warn.head.children if c.dep_ in SUBJECT_DEPS]
        if not doers or not warners:
            return "130"
        doer, warner = doers[0], warners[0]
        if doer.lower_ in PRONOUNS or doer.lower_ in {"we", "i"}:
            return "130"
        if doer.lemma_ in _PENALTIES:
            return "130"  # "warned that fresh sanctions could follow": the warner's own
        said, does = mention_for(warner, by_token), mention_for(doer, by_token)
        # ("Afghan officials warned that militants might attack": the state's foes.)
        if (
            said is not None
            and does is not None
            and said.code[:3] == does.code[:3]
            and _against_state(said.code) == _against_state(does.code)
        ):
            return "130"
        return "012"
    return "130"


def _against_state(code: str) -> bool:
    """Whether an actor code is of those who fight or oppose their state."""
    return code[3:6] in NON_STATE or code[3:6] == "OPP"


# What a warning says will follow, when it is the warner's to impose.
_PENALTIES = frozenset(
    {"sanction", "measure", "retaliation", "reprisal", "consequence", "penalty", "tariff"}
)


def asked_by_reporters(trigger: Token) -> bool:
    """ "declined to comment when asked about the row": a reporter's question."""
    return (
        trigger.lemma_ == "ask"
        and trigger.dep_ == "advcl"
        and not any(c.dep_ in {"nsubj", "nsubjpass", "dobj"} for c in trigger.children)
        and any(c.lower_ in {"when", "if"} for c in trigger.children)
    )


def commemorated(trigger: Token) -> bool:
    """ "on the anniversary of Japan's surrender": a past act recalled by a date."""
    return (
        trigger.dep_ == "pobj"
        and trigger.head.lower_ == "of"
        and trigger.head.head.lemma_ in _MEMORIAL_NOUNS
    )


_MEMORIAL_NOUNS = frozenset({"anniversary", "commemoration", "memorial"})


def in_protest_at(trigger: Token) -> bool:
    """ "pulled its troops out in protest at the report": the reason for another act."""
    return trigger.dep_ == "pobj" and trigger.head.lower_ == "in" and trigger.lemma_ == "protest"


_TOLL_VERBS = frozenset({"kill", "wound", "injure", "maim", "hurt"})


def is_toll(trigger: Token, triggers: dict[int, tuple[Token, Pattern]]) -> bool:
    """ "shelled Kharkiv, killing five civilians": the toll of a violent act already
    coded, told by a participle, is part of that act."""
    if not (
        trigger.lemma_ in _TOLL_VERBS  # "..., abducting civilians" is an act of its own
        and trigger.tag_ == "VBG"
        and trigger.dep_ in {"advcl", "conj", "xcomp"}
        and not any(c.dep_ in SUBJECT_DEPS for c in trigger.children)
    ):
        return False
    head = triggers.get(trigger.head.i)
    if head is not None and head[0].i != trigger.i and head[1].code[:2] in VIOLENT_ROOTS:
        return True
    # "an Israeli air strike flattened a building, killing 28 civilians": the toll of the
    # act named as the subject of the clause.
    # ("A truck bomb exploded, killing 300": a weapon, whose toll is the act told.)
    return any(
        c.dep_ in SUBJECT_DEPS
        and c.i in triggers
        and triggers[c.i][1].code[:2] in VIOLENT_ROOTS
        and c.lemma_ not in _WEAPONS
        for c in trigger.head.children
    )


_WEAPONS = frozenset(
    {"bomb", "missile", "rocket", "shell", "grenade", "mine", "device", "explosive", "torpedo"}
)


def part_of_violent_act(trigger: Token, triggers: dict[int, tuple[Token, Pattern]]) -> bool:
    """ "used sarin *in an attack* on Khan Sheikhoun", "killed five *in a raid*": the
    noun names the violent act its verb already codes; so does "a US drone *strike*
    killed the commander", the act as the verb's subject."""
    if trigger.pos_ == "NOUN" and trigger.dep_ == "nsubj":
        verb = triggers.get(trigger.head.i)
        return (
            verb is not None
            and verb[0].pos_ == "VERB"
            and verb[1].code[:2] in VIOLENT_ROOTS
            and triggers[trigger.i][1].code[:2] in VIOLENT_ROOTS
        )
    if trigger.pos_ != "NOUN" or trigger.dep_ != "pobj":
        return False
    preposition = trigger.head
    verb = triggers.get(preposition.head.i)
    return (
        preposition.lower_ in {"in", "during"}
        and verb is not None
        and verb[0].pos_ == "VERB"
        and verb[1].code[:2] in VIOLENT_ROOTS
        and triggers[trigger.i][1].code[:2] in VIOLENT_ROOTS
    )


def struck_posture(trigger: Token, triggers: dict[int, tuple[Token, Pattern]]) -> bool:
    """ "gunmen ambushed a police patrol", "attacked an army convoy on exercise": a show
    of force (15) that is the object of a violent act is its target, not an act."""
    if trigger.pos_ != "NOUN" or trigger.dep_ not in {"dobj", "nsubjpass"}:
        return False
    verb = triggers.get(trigger.head.i)
    return (
        verb is not None
        and verb[1].code[:2] in VIOLENT_ROOTS
        and triggers[trigger.i][1].code[:2] == "15"
    )


def result_of_agreement(trigger: Token, triggers: dict[int, tuple[Token, Pattern]]) -> bool:
    """ "signed a peace accord on Tuesday, *ending* a civil war": what the agreement brings
    about, told as its consequence, is not a second act."""
    if trigger.tag_ != "VBG" or trigger.dep_ != "advcl":
        return False
    if triggers[trigger.i][1].code[:2] == "03":
        return False  # "signed a declaration *pledging* to ...": what it says, an act too
    agreement = triggers.get(trigger.head.i)
    return agreement is not None and agreement[1].code[:2] in _AGREEING_ROOTS


# Agreements (05 cooperation, 03 intent to cooperate) whose consequence a participle tells.
_AGREEING_ROOTS = frozenset({"03", "05"})


def requested_act(trigger: Token) -> Token | None:
    """ "arrested Pinochet *at the request of* a Spanish judge", "deployed troops *at
    Maputo's request*": the verb whose act the request asked for, if the noun says so."""
    if trigger.lemma_ != "request" or trigger.dep_ != "pobj" or trigger.head.lower_ != "at":
        return None
    verb = trigger.head.head
    return verb if verb.pos_ in {"VERB", "AUX"} else None


def summed_up_charge(noun: Token) -> tuple[list[Token], list[Token]] | None:
    """ "activists said forces killed hundreds, *a charge* the government dismissed": a
    charge that sums up the clause it trails. Who made it (the clause's speaker, else its
    subject: "filed a case accusing Israel ..., a charge Israel denied") and whom it
    accuses (the reported clause's subject; none where a verb of its own makes the
    charge, as "accusing" and "claimed that" do), or None."""
    if noun.lemma_ not in _CHARGES or noun.dep_ not in {"npadvmod", "appos"}:
        return None
    clause = noun.head
    while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
        clause = clause.head  # "... blew up the dam, a charge ...", read as the dam's
    if clause.pos_ not in {"VERB", "AUX"}:
        return None
    subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
    speech = clause.head if clause.dep_ == "ccomp" else None
    if speech is not None and speech.lemma_ in _REPORTING | _ALLEGING:
        speakers = [c for c in speech.children if c.dep_ == "nsubj"]
        # "claimed that ..., an allegation ...": the alleging verb is the charge.
        return speakers, [] if speech.lemma_ in _ALLEGING else subjects
    return subjects, []


def charge_makers(charge: Token) -> list[Token]:
    """Who made the charge a trailing phrase sums up: the subject of the first verb
    before it that reports, alleges, blames or finds ("Amnesty said ..., a charge
    ...", "opposition leaders blamed Syria ..., a charge ...")."""
    for token in charge.sent:
        if token.i >= charge.i:
            break
        if token.pos_ == "VERB" and token.lemma_ in _REPORTING | _ALLEGING | _FAULT_FINDING:
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            if subjects:
                return subjects
    return []


_FAULT_FINDING = frozenset({"blame", "find"})  # besides alleging ones ("accuse")


# Nouns by which a sentence names its own reported claim: "..., a charge X denied".
_CHARGES = CHARGE_NOUNS
_REPORTING = frozenset({"say", "tell", "report", "insist", "add"})
_ALLEGING = frozenset({"allege", "claim", "charge", "accuse"})


def is_purpose(trigger: Token) -> bool:
    """ "sent troops to protect the monitors": a purpose clause (of an act coded in its
    own right, the caller checks), not an act of its own."""
    if trigger.lemma_ in _ERRANDS and trigger.dep_ == "pobj" and trigger.head.lower_ == "for":
        return True  # "recalled its ambassador for consultations": why the recall was made
    if trigger.lemma_ in _TRAVELLED_FOR and trigger.head.lemma_ in _TRAVELLING:
        return False  # "flew to Khartoum to mediate between the generals": what the trip did
    return (
        trigger.dep_ == "advcl"
        and trigger.pos_ == "VERB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children)
    )


# Acts a trip is made to do, and which the trip tells as done: "flew to Khartoum to mediate".
_TRAVELLED_FOR = frozenset({"mediate", "meet", "negotiate", "broker"})
_TRAVELLING = frozenset({"fly", "travel", "arrive", "go", "head", "come", "visit", "return"})
# Nouns that, after "for", say what a recall or summons is for.
_ERRANDS = frozenset({"consultation"})


_CONDITION_MARKS = frozenset({"if", "unless"})
_THREAT_LEMMAS = frozenset({"threaten", "vow", "ultimatum"})


def is_condition(clause: Token) -> bool:
    """ "... unless Kyiv paid its debts", "... if the blockade continues": a clause that
    states a condition."""
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in clause.children
    )


def threat_condition(
    trigger: Token, triggers: dict[int, tuple[Token, Pattern]], by_token: dict[int, Mention]
) -> Token | None:
    """ "threatened to cut gas supplies unless Kyiv paid its debts": the act a threat
    makes its condition is no event of its own; the threatening word, if so. A warning
    that others may act ("warned that killings could follow if ...") threatens nothing."""
    clause = trigger
    while clause.dep_ not in {"advcl", "ROOT"} and clause.head.i != clause.i:
        clause = clause.head
    if not is_condition(clause):
        return None
    for governor in (clause.head, clause.head.head):
        found = triggers.get(governor.i)
        if governor.lemma_ == "warn":
            if warning_code(governor, by_token) == "130":
                return governor
        elif governor.lemma_ in _THREAT_LEMMAS or (found is not None and found[1].code[:2] == "13"):
            return governor
    return None
