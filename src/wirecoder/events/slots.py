"""Where the parts of an act sit in the dependency parse.

The subject of a trigger (through passives, control verbs, gerunds and accusations),
its object, dative, possessor or prepositional objects; the doer of an act a noun
names; whether a token meets a pattern's conditions. Pure functions of spaCy tokens.
"""

from __future__ import annotations

from spacy.tokens import Token

from wirecoder.events.modality import charging_verb
from wirecoder.events.patterns import PLACE_OBJECT, Pattern
from wirecoder.events.places import names_place

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})


# Where a pattern's complement verb hangs ("gave Belgrade 48 hours to withdraw": the
# small model often says advcl).
_COMPLEMENT_DEPS = {"NOUN": frozenset({"acl"}), "VERB": frozenset({"xcomp", "ccomp", "advcl"})}


def _complement(child: Token, deps: frozenset[str]) -> bool:
    """A complement clause of the trigger; the small model labels some infinitives
    advcl, but a participle there is an adjunct ("promised reforms, *responding* to the
    protests"). A noun's "that" clause the parser calls relative ("demands that he step
    down") is its complement: a relative clause has no "that" as a mark."""
    if "acl" in deps and child.dep_ == "relcl":
        return any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
    return child.dep_ in deps and not (child.dep_ == "advcl" and child.tag_ == "VBG")


class TriggerParse:
    """What `fits` reads around one trigger token, read once for all the patterns tried
    on it (a verb such as "suspend" has a dozen)."""

    __slots__ = ("_objects", "children", "token")

    def __init__(self, token: Token) -> None:
        self.token = token
        self.children = list(token.children)
        self._objects: dict[int, list[tuple[str, frozenset[str]]]] = {}

    def objects(self, prep: Token | None) -> list[tuple[str, frozenset[str]]]:
        """Each pattern object's lower-cased head lemma and the words of its phrase."""
        key = prep.i if prep is not None else -1
        found = self._objects.get(key)
        if found is None:
            found = self._objects[key] = [
                (head, words | {head})
                for o in _pattern_objects(self.token, prep)
                for words in (frozenset(w.lower() for w in _phrase_words(o)),)
                for head in _object_heads(o)
            ]
        return found


def fits(pattern: Pattern, trigger: Token | TriggerParse) -> bool:
    """Whether the trigger token meets the pattern's conditions, as the patterns README
    ("Matching") describes them: particle, required preposition (also under the
    particle), object words (the preposition's object where one is required; for a noun
    its `of` object or a modifier), complement, modifier."""
    if not pattern.conditions:
        return True
    parse = trigger if isinstance(trigger, TriggerParse) else TriggerParse(trigger)
    token = parse.token
    children = parse.children
    particle = None
    if pattern.particle:
        # The parser labels "stepped down" advmod and "pulled out of" prep as often as prt.
        particle = next(
            (
                c
                for c in children
                if c.dep_ in {"prt", "advmod", "prep"} and c.lower_ == pattern.particle
            ),
            None,
        )
        if particle is None:
            return False
    prep = None
    if pattern.requires_prep:
        candidates = [c for c in children if c.dep_ in {"prep", "agent", "dative"}]
        if particle is not None:
            candidates += [c for c in particle.children if c.dep_ == "prep"]  # "pull out of"
        # "accused the minister of corruption": the parser hangs it on the object.
        candidates += [
            c for o in children if o.dep_ == "dobj" for c in o.children if c.dep_ == "prep"
        ]
        # "insisted on Friday", "called on Tuesday": a date is no frame's object.
        prep = next(
            (c for c in candidates if c.lower_ == pattern.requires_prep and not _temporal(c)),
            None,
        )
        if prep is None:
            return False
    if pattern.objects and not any(
        pattern.accepts_words(head, words) for head, words in parse.objects(prep)
    ):
        return False
    if pattern.complement:
        deps = _COMPLEMENT_DEPS["NOUN" if token.pos_ == "NOUN" else "VERB"]
        if not any(_complement(c, deps) and c.lemma_ in pattern.complement for c in children):
            return False
    if pattern.modifiers:
        words = [c for c in children if c.dep_ not in _ARGUMENT_DEPS]
        if token.pos_ == "NOUN":
            words += list(token.doc[token.left_edge.i : token.i])  # "*air* strike"
        else:
            # "called the decision *hasty* and *unjustified*", "burned the pilot *alive*":
            # the parser may hang the predicate on the object.
            words += [
                x
                for c in children
                if c.dep_ in {"dobj", "oprd"}
                for g in c.children
                if g.dep_ in {"amod", "acomp"}
                for x in (g, *g.conjuncts)
            ]
            # "called it an act *of terrorism*"
            words += [o for c in children if c.dep_ == "oprd" for o in pobjs(c, {"of"})]
        if not any(w.lower_ in pattern.modifiers or w.lemma_ in pattern.modifiers for w in words):
            return False
    return True


# A modifier is any child but the subject: "took workers *hostage*" parses it as an object.
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# "dozens *of* houses", "a list *of* demands", "a new round *of* sanctions": the object
# is what is counted or collected.
_QUANTITY_HEADS = frozenset(
    {
        "dozen",
        "hundred",
        "thousand",
        "score",
        "number",
        "group",
        "handful",
        "million",
        "ton",
        "list",
        "series",
        "set",
        "raft",
        "string",
        "wave",
        "spate",
        "round",
        "package",
        "batch",
        "team",
        "contingent",
    }
)


def _pattern_objects(token: Token, prep: Token | None) -> list[Token]:
    """The words a pattern's `objects` are checked against: the required preposition's
    object, the verb's object (or a noun compounded to it: "suspended *aid* deliveries"),
    a noun's `of` object or modifiers (and the noun itself, for entries that name it:
    "hunger strike"); through quantity heads ("dozens *of* houses") and conjuncts."""
    found: list[Token] = []
    if prep is not None:
        found += [o for o in prep.children if o.dep_ in {"pobj", "pcomp"}]
    if token.pos_ == "NOUN":
        found += [token, *pobjs(token, {"of"})]
        found += [c for c in token.children if c.dep_ in {"compound", "amod", "nmod"}]
    else:
        objects = _objects(token)
        if not objects and reduced_passive(token) and token.dep_ == "acl":
            objects = [token.head]  # "missiles *supplied* by Britain"
            if token.head.dep_ == "pobj" and token.head.head.head.pos_ == "NOUN":
                # "the accord with Congo, *signed* in Pretoria", hung on "Congo"
                objects.append(token.head.head.head)
        elif not objects and token.dep_ == "relcl":
            objects = [token.head]  # "the agreement it *signed* with Eritrea"
        elif not objects and token.dep_ == "amod" and token.tag_ == "VBN":
            objects = [token.head]  # "African Union-*led* talks"
        # "suspended *aid* deliveries", "ended *mediation* efforts": the frame word
        # modifies a carrier noun.
        found += objects + [
            c for o in objects if o.pos_ == "NOUN" for c in o.children if c.dep_ == "compound"
        ]
    for obj in list(found):
        if obj.pos_ == "NUM" or obj.lemma_ in _QUANTITY_HEADS:
            found += pobjs(obj, {"of"})
        elif obj.lower_ == "it":
            found += _thing_before(obj)
        elif obj.lower_ in {"him", "her"}:  # "summoned her": the envoy named before
            found += _thing_before(obj, {"dobj", "pobj"})
    return found + [c for o in found for c in o.conjuncts]


def _thing_before(pronoun: Token, deps: frozenset[str] | set[str] | None = None) -> list[Token]:
    """ "agreed to a ceasefire ... accused the other of violating *it*": the nearest
    singular common noun before the pronoun in its sentence that heads an argument (of
    the kinds `deps` names: a person pronoun's antecedent is an object)."""
    sentence = pronoun.sent
    for i in range(pronoun.i - 1, sentence.start - 1, -1):
        noun = pronoun.doc[i]
        if noun.tag_ == "NN" and noun.dep_ in (deps or _ARGUMENTS):
            return [noun]
    return []


_ARGUMENTS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass"})


def _temporal(prep: Token) -> bool:
    objects = [o for o in prep.children if o.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in {"DATE", "TIME"} for o in objects)


def _object_heads(token: Token) -> tuple[str, ...]:
    """The words an object's head is matched as: its lemma, and `PLACE_OBJECT` for a
    named place."""
    lemma = token.lemma_.lower()
    return (lemma, PLACE_OBJECT) if names_place(token) else (lemma,)


def _phrase_words(token: Token) -> list[str]:
    subtree = list(token.subtree)
    head = token.head if token.dep_ in {"compound", "amod", "nmod"} else None
    words = [m.lemma_ for m in subtree] + [m.lower_ for m in subtree]
    if head is not None:  # "*troop* withdrawal": the modifier's phrase is the noun's
        words += [head.lemma_, head.lower_]
    return words


# Verbs that name the doer of an act as their object; wider than the accusations that
# make an act a claim (modality): "condemned X for the killing" names X without alleging.
_FAULTING = frozenset({"accuse", "blame", "charge", "suspect", "condemn", "criticise", "criticize"})


# "killed civilians in an attack", "for talks", "during a visit": the subject's own act.
_SHARED_ACT_PREPOSITIONS = frozenset({"in", "during", "for", "on", "with", "into", "through"})


_OBLIGATION_AUX = frozenset({"must", "should"})


def pobjs(token: Token, words: set[str]) -> list[Token]:
    """The objects of `token`'s prepositions named in `words` (a passive's "by" agent
    included); in "fired on protesters blocking roads", parsed as a clause after the
    preposition, the clause's subject."""
    return [
        o
        for p in token.children
        if p.dep_ in {"prep", "dative", "agent"} and p.lower_ in words
        for c in p.children
        for o in ([c] if c.dep_ == "pobj" else _clause_subjects(c))
    ]


def _clause_subjects(pcomp: Token) -> list[Token]:
    if pcomp.dep_ != "pcomp" or pcomp.tag_ != "VBG":
        return []
    if pcomp.head.lower_ == "with":
        return []  # "with 200,000 troops taking part": circumstance, not a partner
    return [s for s in pcomp.children if s.dep_ == "nsubj" and s.pos_ in {"NOUN", "PROPN"}]


def obliged_by(trigger: Token) -> Token | None:
    """ "Sudan must return the helicopter, Russia said": the speaker who demands it."""
    if trigger.pos_ != "VERB" or not any(
        c.dep_ == "aux" and c.lower_ in _OBLIGATION_AUX for c in trigger.children
    ):
        return None
    head = trigger.head
    if trigger.dep_ not in {"ccomp", "advcl", "conj"} or head.lemma_ not in _SPEECH_VERBS:
        return None
    return next((c for c in head.children if c.dep_ == "nsubj"), None)


def noun_doer(noun: Token) -> list[Token]:
    """Who does the act a noun names, from the clause around it: "Iran *held talks*",
    "killed civilians *in an attack*", "set up *a commission of inquiry*", "agreement
    *was expressed by* the ministers", "was received by X *for talks*"."""
    by = pobjs(noun, {"by"})
    if by:
        return by  # "the massacre of villagers by troops"
    if _protest_suffered(noun):
        return []  # "opened fire on a march", "stormed the protest camp": not theirs
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        return noun_doer(noun.head.head)  # "a commission of inquiry"
    if noun.dep_ == "compound" and noun.head.pos_ == "NOUN":
        return noun_doer(noun.head)  # "launched a mediation effort"
    if noun.dep_ == "nsubjpass":
        return pobjs(noun.head, {"by"})
    if noun.dep_ not in {"dobj", "pobj", "attr"}:
        return []
    owned = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "for" else None
    if (
        owned is not None
        and owned.lemma_ == "responsibility"
        and owned.dep_ == "dobj"
        and owned.head.lemma_ in _OWNING
    ):
        # "claimed responsibility for Friday's attack": the claimant's attack.
        return [c for c in owned.head.children if c.dep_ in SUBJECT_DEPS]
    if noun.dep_ == "pobj" and noun.head.lower_ not in _SHARED_ACT_PREPOSITIONS:
        return []  # "surrendered after a government offensive": not theirs
    verb = noun.head if noun.dep_ != "pobj" else noun.head.head
    if noun.dep_ == "pobj" and (verb.lemma_ in _DISOWNING or verb.head.lemma_ in _DISOWNING):
        return []  # "denied any role in the killing": whose it was is left open
    if noun.dep_ == "dobj" and any(c.dep_ == "oprd" for c in verb.children):
        return []  # "called the sanctions illegal": a judgment of someone else's act
    if noun.dep_ == "dobj" and verb.lemma_ in ANSWERING:
        return []  # "rejected opposition demands": the demands are not the rejecter's
    if noun.dep_ == "dobj" and verb.lemma_ in _JUDGING:
        return []  # "Kenya condemned the attack", "denounced the trip": someone else's
    if is_passive(verb):
        return pobjs(verb, {"by"})
    if verb.pos_ in {"VERB", "AUX"}:
        return slot_heads(verb, "subject")  # "agreed to undertake joint exercises"
    return [c for c in verb.children if c.dep_ in SUBJECT_DEPS]


def _authors(subject: Token) -> list[Token]:
    """ "a report by UN experts", "a statement from the foreign ministry": who wrote it."""
    if subject.lemma_ not in _DOCUMENTS:
        return []
    return pobjs(subject, {"by", "from"})


# Writings that say what their authors say.
_DOCUMENTS = frozenset(
    {"report", "statement", "study", "letter", "communique", "declaration", "resolution"}
)


def meeting_parties(noun: Token) -> list[Token]:
    """Who takes part in the meeting or deal a noun names, from the clause it sits in:
    "Sadat and Begin signed the accords *after 13 days of negotiations*", "agreed a
    deal with von der Leyen *at talks in Windsor*", "arrived *after months of
    negotiations* with ...". One party alone is no meeting: the coder drops a meeting
    with nobody else named ("said at talks in Geneva")."""
    between = pobjs(noun, {"between"})
    if between:
        return between
    phrase = noun
    while (
        phrase.dep_ == "pobj"
        and phrase.head.lower_ == "of"
        and phrase.head.head.pos_ == "NOUN"
        and phrase.head.head.dep_ in {"pobj", "dobj"}
    ):
        phrase = phrase.head.head  # "at the end of all-night negotiations"
    if phrase.dep_ != "pobj" or phrase.head.lower_ not in _MEETING_PREPOSITIONS:
        return []
    verb = phrase.head.head
    while verb.pos_ in {"NOUN", "PROPN"} and verb.dep_ in {"dobj", "pobj"}:
        # "normalised relations in a deal brokered by ...", "signed an accord with Peru's
        # president at talks" (misparsed), "agreed to a cessation of hostilities after
        # ten days of talks": the clause's verb.
        verb = verb.head if verb.dep_ == "dobj" else verb.head.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return []
    return clause_parties(verb)


def clause_parties(verb: Token) -> list[Token]:
    """The parties of what a verb does with another: its subjects and its `with`
    object ("Hadi signed a deal *with the group*"); none when it has no subject."""
    parties = slot_heads(verb, "subject")
    return [*parties, *pobjs(verb, {"with"})] if parties else []


def delivered_to(noun: Token) -> list[Token]:
    """Where the thing a noun names arrives: "aid began arriving *in Libya*", "supplies
    reached *Gaza*"."""
    subject = noun
    while subject.dep_ == "conj" and subject.head.pos_ == "NOUN":
        subject = subject.head  # "rescue teams and aid"
    if subject.dep_ != "nsubj":
        return []
    verbs = [subject.head, *(c for c in subject.head.children if c.dep_ == "xcomp")]
    places: list[Token] = []
    for verb in verbs:
        if verb.lemma_ == "reach":
            places += [c for c in verb.children if c.dep_ == "dobj"]
        elif verb.lemma_ in _ARRIVING:
            places += pobjs(verb, {"in", "into", "at", "to"})
    return places


# Verbs by which goods or people get somewhere.
_ARRIVING = frozenset({"arrive", "pour", "flow", "land", "enter", "cross"})

# Bodies named by what they do: "a commission of inquiry", "a mission of observers".
_BODIES = frozenset({"commission", "committee", "mission", "panel", "team", "board"})

# Particles a preposition may hang on: "pulled out *of*", "turned away *from*".
_PARTICLES = frozenset({"out", "away", "back", "off"})

# Prepositions that set an act at a meeting: "signed the accord *at* talks in ...".
_MEETING_PREPOSITIONS = frozenset({"at", "after", "during", "following", "in"})

# Verbs by which a group takes an act for its own ("claimed responsibility for").
_OWNING = frozenset({"claim", "take", "accept", "admit", "acknowledge", "assume"})

# Prepositions that introduce a verb's subject's own further act.
_MEANS_PREPOSITIONS = frozenset({"by", "with", "after", "before"})
# Verbs that set a condition on what follows "before": "demanded guarantees before ...".
_PRECONDITIONING = frozenset({"demand", "insist", "want", "seek", "require", "wait", "need"})

# Verbs that answer someone else's appeal, demand or offer named as their object.
ANSWERING = frozenset({"reject", "dismiss", "ignore", "defy", "spurn", "snub", "heed", "accept"})

# Verbs that judge an act named as their object, done by someone else.
_JUDGING = frozenset(
    {
        "condemn",
        "denounce",
        "criticise",
        "criticize",
        "decry",
        "deplore",
        "praise",
        "hail",
        "applaud",
        "welcome",
        "slam",
        "blast",
    }
)

# Verbs by which a party disowns an act named after them.
_DISOWNING = frozenset({"deny", "disclaim"})

# Gatherings of protest: force used on one is used on the protesters ("opened fire on
# a civil rights march"), and is no act of the one using it.
GATHERINGS = frozenset({"march", "rally", "protest", "demonstration", "procession", "vigil"})
# The verbs of force used on a protest.
_SUPPRESSING = frozenset(
    {
        "fire",
        "open",
        "shoot",
        "storm",
        "attack",
        "raid",
        "disperse",
        "break",
        "crush",
        "suppress",
        "charge",
        "clear",
        "quell",
        "bomb",
        "target",
        "ban",
        "block",
        "surround",
    }
)


def _protest_suffered(noun: Token) -> bool:
    """ "troops opened fire on a march", "police stormed the protest camp": a protest the
    clause's subject uses force on, which is not the subject's own."""
    if noun.lemma_ not in GATHERINGS:
        return False
    phrase = noun.head if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" else noun
    if phrase.dep_ == "pobj" and phrase.head.lower_ in {"on", "at", "against", "into"}:
        verb = phrase.head.head
    elif phrase.dep_ == "dobj":
        verb = phrase.head
    else:
        return False
    return verb.lemma_ in _SUPPRESSING


# Nouns of resolve whose holder does what the infinitive after them names.
_RESOLVE_NOUNS = frozenset({"decision", "plan", "move", "bid", "attempt", "effort", "resolve"})

# Verbs of appeal whose prepositional object does what follows ("called on X to ...").
_APPEALING = frozenset({"appeal", "call", "plead", "prevail"})

# Verbs whose subject, not object, does what follows: "promised Kyiv to send", and
# "summoned the ambassador to protest" (the summoner protests).
_SUBJECT_CONTROL = frozenset({"promise", "pledge", "vow", "offer", "threaten", "summon"})


def _accused(trigger: Token) -> list[Token]:
    """ "accused Russian forces of *shelling* hospitals": the accused does the act."""
    verb = charging_verb(trigger)
    if verb is None or verb.lemma_ not in _FAULTING:
        return []
    return [c for c in verb.children if c.dep_ == "dobj"]


_SPEECH_VERBS = frozenset(
    {
        "say",
        "tell",
        "argue",
        "claim",
        "declare",
        "charge",
        "complain",
        "insist",
        "announce",
        "reiterate",
        "stress",
        "state",
        "conclude",
        "repeat",
    }
)


_AMOUNT_WORDS = frozenset(
    {"$", "billion", "million", "trillion", "percent", "%", "bn"}
    | {"dollars", "euros", "pounds", "yen", "yuan", "rupees"}  # "46 billion dollars of"
)


def _objects(token: Token) -> list[Token]:
    """The trigger's objects; for an amount, what it is an amount of ("$330 billion of
    Tajik debts" -> debts)."""
    found = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass", "attr"}]
    # "gave Qatar *10 days* to comply": a counted span the parser calls an adverb, the
    # time given for an act ("imposed three weeks after ..." only dates).
    if any(_infinitive(c) for c in token.children):
        found += [
            c
            for c in token.children
            if c.dep_ == "npadvmod" and any(n.dep_ == "nummod" for n in c.children)
        ]
    for obj in list(found):
        if obj.pos_ == "NUM" or obj.lower_ in _AMOUNT_WORDS:
            found += pobjs(obj, {"of"})
    return found


def _infinitive(clause: Token) -> bool:
    return clause.dep_ in {"xcomp", "advcl"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
    )


def frame_objects(token: Token, pattern: Pattern) -> list[Token]:
    """The object words and complements a pattern names as part of its frame ("opened a
    *base*", "promised *investment*", "declined to *comment*"), which are not events of
    their own."""
    found = []
    if pattern.complement:
        deps = _COMPLEMENT_DEPS["NOUN" if token.pos_ == "NOUN" else "VERB"]
        # "gave him 15 days to vacate the palace and hand it over": both are asked.
        found += [
            x
            for c in token.children
            if _complement(c, deps) and c.lemma_ in pattern.complement
            for x in (c, *c.conjuncts)
        ]
    if pattern.requires_prep and token.pos_ != "NOUN":
        # "ordered a halt to the bombing": the object the preposition hangs on.
        found += [
            o
            for o in _objects(token)
            if any(c.dep_ == "prep" and c.lower_ == pattern.requires_prep for c in o.children)
        ]
    if not pattern.objects or token.pos_ == "NOUN":
        return found
    return found + [
        o
        for o in _objects(token)
        for words in (_phrase_words(o),)
        if any(pattern.accepts_object(head, words) for head in _object_heads(o))
    ]


def commands_forces(verb: Token) -> bool:
    """ "ordered the army to attack", "ordered his forces to advance": a command to
    armed forces (not "ordered France to withdraw"), whose act is the commander's."""
    return verb.lemma_ in _COMMANDING and any(
        c.dep_ == "dobj" and c.lemma_ in _FORCES for c in verb.children
    )


_COMMANDING = frozenset({"order", "command", "instruct", "direct"})
# The forces a leader commands, as the object of "ordered".
_FORCES = frozenset(
    {"army", "military", "troop", "force", "soldier", "police", "navy", "commander", "unit"}
)


def is_passive(token: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in token.children)


_BROKERING = frozenset({"broker", "mediate", "sponsor", "lead"})


def reduced_passive(token: Token) -> bool:
    """ "two engineers *seized* in Wardak", "free the protesters *detained* on Sunday"
    (which the small model may parse with the protesters as subject): a past participle
    with no auxiliary, describing its patient."""
    if token.pos_ != "VERB" or token.tag_ != "VBN":
        return False
    if any(c.dep_ in {"aux", "auxpass"} for c in token.children):
        return False
    if token.dep_ == "acl":
        return token.head.pos_ in {"NOUN", "PROPN"}
    # "soldiers executed 300 men", tagged VBN: a verb with an object is active.
    return (
        token.dep_ == "ccomp"
        and any(c.dep_ == "nsubj" for c in token.children)
        and not any(c.dep_ == "dobj" for c in token.children)
    )


def _agents(children: list[Token]) -> list[Token]:
    """The objects of a passive's "by" agent among the trigger's children (which the
    small model sometimes labels a plain preposition: "be offered asylum by Morocco")."""
    return [
        o
        for a in children
        if a.dep_ == "agent" or (a.dep_ == "prep" and a.lower_ == "by")
        for o in a.children
        if o.dep_ == "pobj"
    ]


def _patients(token: Token) -> list[Token]:
    found = [c for c in token.children if c.dep_ == "nsubj"]
    return found or ([token.head] if token.dep_ == "acl" else [])


def slot_heads(trigger: Token, slot: str) -> list[Token]:
    children = list(trigger.children)
    passive = is_passive(trigger)
    if slot == "subject":
        if reduced_passive(trigger):
            return _agents(children)
        described = trigger.pos_ == "VERB" and trigger.dep_ in {"acl", "amod"}
        if (
            described
            and trigger.head.lemma_ in _RESOLVE_NOUNS
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in children)
        ):
            # "NATO's decision to promise membership": who decided does it. (Who does
            # what "an offer" or "a request to ..." names is another matter.)
            return [c for c in trigger.head.children if c.dep_ == "poss"]
        if passive or (described and not any(c.dep_ in SUBJECT_DEPS for c in children)):
            # "a deal brokered by the Church" too; "an EU-brokered deal": the broker
            # before the hyphen.
            agents = _agents(children)
            if not agents and passive:
                # "could be offered asylum by Morocco": the agent hung on the object.
                agents = _agents([g for c in children if c.dep_ == "dobj" for g in c.children])
            if agents or passive or trigger.lemma_ not in _BROKERING:
                return agents
            # "Syrian-backed", "Israeli-occupied" describe; "EU-brokered" talks were held.
            return [c for c in children if c.dep_ in {"npadvmod", "compound"}]
        found = [c for c in children if c.dep_ in SUBJECT_DEPS]
        # "a report by UN experts accused Rwanda": the report's authors.
        found = [a for f in found for a in (_authors(f) or [f])]
        if found:
            return found
        accused = _accused(trigger)
        if accused:
            return accused
        parties = pobjs(trigger, {"between"})
        if parties and trigger.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}:
            return parties  # a gerund used as a noun: "Fighting between the army and ..."
        copula = trigger.dep_ == "acomp" and trigger.head.lemma_ == "be"
        if copula or (trigger.pos_ == "ADJ" and trigger.dep_ in {"acomp", "amod"}):
            # "Rakhmonov was supportive of", "he was worried by": the copula's subject.
            return [c for c in trigger.head.children if c.dep_ in SUBJECT_DEPS]
        # "forced Seoul to break off ties": the object controls the complement.
        # "pleaded with both sides to stop", where the small model says advcl.
        appeal = (
            trigger.dep_ == "advcl"
            and trigger.head.lemma_ in _APPEALING
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in children)
        )
        if trigger.dep_ == "xcomp" and commands_forces(trigger.head):
            # "Abiy ordered the army to attack": the one in command attacks.
            return [c for c in trigger.head.children if c.dep_ in SUBJECT_DEPS]
        if (trigger.dep_ == "xcomp" or appeal) and trigger.head.lemma_ not in _SUBJECT_CONTROL:
            controllers = [c for c in trigger.head.children if c.dep_ == "dobj"]
            if not controllers and trigger.head.lemma_ in _APPEALING:
                # "appealed to NATO to halt", "called on Iran to free", "pleaded with
                # both sides to stop": the party appealed to.
                controllers = [
                    c
                    for c in pobjs(trigger.head, {"to", "on", "with"})
                    if c.ent_type_ not in {"DATE", "TIME"}  # "called on Tuesday"
                ]
            if controllers:
                return controllers
        if trigger.dep_ == "conj" and is_passive(trigger.head):
            # "was sworn in and restored relations with Cuba": the one sworn in acts.
            patients = [c for c in trigger.head.children if c.dep_ == "nsubjpass"]
            if patients:
                return patients
        means = trigger.head.lower_ in _MEANS_PREPOSITIONS
        if trigger.head.lower_ == "before" and trigger.head.head.lemma_ in _PRECONDITIONING:
            return []  # "demanded guarantees before agreeing to return": not (yet) done
        if trigger.dep_ == "pcomp" and means and trigger.head.head.pos_ == "VERB":
            # "retaliated by ordering Czech diplomats to leave", "went ahead with closing
            # the base": the one who retaliated or went ahead does it.
            return slot_heads(trigger.head.head, "subject")
        to_clause = trigger.dep_ == "relcl" and any(c.lower_ == "to" for c in children)
        first = trigger.head.dep_ == "attr" and trigger.head.head.pos_ in {"VERB", "AUX"}
        if to_clause and first:
            # "Russia became the first country to recognise ...": the copula's subject.
            return slot_heads(trigger.head.head, "subject")
        if to_clause and trigger.head.dep_ == "appos":
            return [trigger.head.head]  # "Obama, the first sitting president to visit Laos"
        # "agreed to send troops", "met and signed": the subject of the governing verb.
        if trigger.dep_ in {"xcomp", "conj", "advcl"} and trigger.head.i != trigger.i:
            return slot_heads(trigger.head, "subject")
        if trigger.pos_ == "NOUN":
            return noun_doer(trigger)
        return []
    if slot == "speaker":  # "the country was sold off, the opposition leader said"
        head = trigger.head
        while head.dep_ in {"conj", "xcomp"} and head.head.i != head.i:
            head = head.head
        if trigger.dep_ in {"ccomp", "conj", "advcl"} and head.lemma_ in _SPEECH_VERBS:
            return [c for c in head.children if c.dep_ == "nsubj"]
        return []
    if slot == "object":
        deps = {"nsubjpass"} if passive else {"dobj"}
        if reduced_passive(trigger):
            return _patients(trigger)  # "protesters detained since Sunday": the protesters
        found = [c for c in children if c.dep_ in deps]
        if not found and passive and trigger.dep_ == "conj":
            # "Vajpayee crossed into Pakistan and was welcomed by Sharif": the first
            # verb's subject is the second's patient.
            return [c for c in trigger.head.children if c.dep_ in SUBJECT_DEPS]
        return found
    if slot == "complement_object":  # "urged its allies to back *Moldova's bid*"
        verbs = [c for c in children if c.dep_ in _COMPLEMENT_DEPS["VERB"]]
        return [o for v in verbs for o in v.children if o.dep_ == "dobj"]
    if slot == "parties":
        return meeting_parties(trigger)
    if slot == "dative":
        return [c for c in children if c.dep_ in {"dative", "iobj"} and c.pos_ != "ADP"]
    if slot == "poss":
        return [c for c in children if c.dep_ == "poss"]
    if slot == "compound":  # "US sanctions", "Russian invasion"
        found = [
            c
            for c in children
            if c.dep_ in {"compound", "amod", "nmod"}
            # "AU-led talks", "UN-brokered talks": the broker is no party.
            and not (c.tag_ == "VBN" and c.lemma_ in _BROKERING)
        ]
        of = trigger.head if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" else None
        if not found and of is not None and of.head.pos_ == "NOUN" and of.head.lemma_ in _BODIES:
            # "a UN commission of inquiry": the body's modifier is the inquiry's.
            found = [c for c in of.head.children if c.dep_ in {"compound", "amod", "nmod"}]
        return found
    if slot.startswith("prep:"):
        word = slot.split(":", 1)[1]
        # spaCy labels "sent aid to Nepal" dative, "attacked by" agent.
        preps = [c for c in children if c.dep_ in {"prep", "agent", "dative"} and c.lower_ == word]
        # "pulled its troops out of Niger": the preposition hung on the particle.
        preps += [
            g
            for c in children
            if c.dep_ in {"prt", "prep", "advmod"} and c.lower_ in _PARTICLES
            for g in c.children
            if g.dep_ == "prep" and g.lower_ == word
        ]
        # "open a base in Dushanbe", "withdraw troops from": prepositions of the object.
        # ... and of a noun's "of" object: "a suspension of air links *with* Serbia",
        # or its "by" object: "an attack by Serb gunmen *on* Kosovo police".
        if word == "between" and trigger.pos_ == "NOUN" and trigger.dep_ == "nsubj":
            # "fighting erupted in Khartoum between the army and the RSF"
            preps += [c for c in trigger.head.children if c.dep_ == "prep" and c.lower_ == word]
        carried = pobjs(trigger, {"of", "by"}) if trigger.pos_ == "NOUN" and word != "by" else []
        for obj in [*(c for c in children if c.dep_ == "dobj"), *carried]:
            preps += [c for c in obj.children if c.dep_ == "prep" and c.lower_ == word]
        found = [
            o
            for p in preps
            for c in p.children
            for o in ([c] if c.dep_ == "pobj" else _clause_subjects(c))
        ]
        if word == "between" and len(found) == 1 and not found[0].conjuncts:
            # "fighting between rebels seeking to restore Bosch and troops loyal to the
            # junta": the second party hung on a word inside the first's phrase.
            found += [
                t
                for t in found[0].subtree
                if t.dep_ == "conj" and t.pos_ == "NOUN" and t.head.i != found[0].i
            ][:1]
        return found
    return []


def is_within(token: Token, top: Token) -> bool:
    return top.left_edge.i <= token.i <= top.right_edge.i
