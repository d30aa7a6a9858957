"""Modality of an event trigger: done, promised, denied, hypothetical or claimed.

Read from the parse around the trigger, never by dropping the event: a negated event is
kept with modality `negated` (and is not the positive event), a promise is `intended`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from wirecoder.model import Modality

_HYPOTHETICAL_AUX = frozenset({"could", "may", "might", "would", "should"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll"})
# Verbs whose complement is a promise or plan: "pledged to send", "plans to visit".
_INTENT_HEADS = frozenset(
    {
        "pledge",
        "promise",
        "vow",
        "plan",
        "intend",
        "offer",
        "agree",
        "undertake",
        "aim",
        "commit",
        "prepare",
        "expect",
        "hope",
        "seek",
        "want",
        "threaten",
    }
)
_PLEDGING = frozenset({"vow", "threaten", "promise", "pledge", "swear"})
# Nouns whose infinitive is a plan: "its plan to release", "a decision to withdraw".
_INTENT_NOUNS = _INTENT_HEADS | {"decision", "intention", "move", "bid", "readiness"}
_DENIAL_HEADS = frozenset({"deny", "reject", "dismiss", "refute"})
_CLAIM_HEADS = frozenset(
    {
        "say",
        "claim",
        "allege",
        "accuse",
        "report",
        "charge",
        "tell",
        "insist",
        "assert",
        "state",
        "announce",
        "add",
        "warn",
        "argue",
        "believe",
        "suspect",
    }
)
_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})


@dataclass(frozen=True, slots=True)
class Reading:
    modality: Modality
    reported_by: Token | None  # the speech verb's subject, when the event is reported
    cue: str | None  # the word that decided it, for `explain`
    # The intention was vowed or threatened ("vowed to shut the service down"), not just
    # planned or announced: a coercive act so promised is a threat.
    pledged: bool = False


def _children(token: Token, deps: set[str]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def read_modality(
    trigger: Token,
    source: Token | None,
    *,
    same_actor: Callable[[Token, Token], bool] | None = None,
    neutral: Callable[[Token], bool] | None = None,
) -> Reading:
    """The modality of the event at `trigger` whose source is the token `source`.

    `same_actor(speaker, source)` tells whether a speaker speaks for the source ("the
    foreign ministry said Iran would..."): an actor's own "would" is a plan, an
    onlooker's a guess. `neutral(speaker)` tells whether a speaker is a neutral
    fact-finder (a UN body, a court), whose reports of others' acts are told as fact.
    """
    accuser = _accuser(trigger) if trigger.pos_ == "NOUN" else None
    if accuser is not None:
        return Reading("claimed", accuser, accuser.head.text)  # "blamed Syria for the attack"
    verb = trigger
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        # "the investigation into the storming", also hung on the verb ("include him in
        # the investigation into the storming"): an act looked into happened.
        inquiry = verb.lower_ == "into" and trigger.pos_ == "NOUN" and verb.i == trigger.head.i
        if verb.dep_ == "prep" and (
            verb.lower_ in _BACKGROUND_PREPOSITIONS
            or verb.head.lemma_ in _REACTION_NOUNS
            or inquiry
        ):
            # "vowed revenge after the massacre", "in response to the drills": what the
            # verb reacts to happened, whatever the verb's own mood.
            return Reading("asserted", None, None)
        verb = verb.head  # "will travel to Shanghai for talks": the verb above the noun
    while verb.dep_ == "xcomp" and verb.head.lemma_ in _ASPECT_VERBS:
        verb = verb.head  # "would begin airlifting": the modal sits on "begin"
    for neg in _children(verb, {"neg"}):
        return Reading("negated", None, neg.text)
    if denied_charge(verb) is not None:
        return Reading("asserted", None, None)  # "..., a charge Damascus rejected"
    governor = verb.head if verb.dep_ in {"xcomp", "ccomp"} else None
    # "agreed that their countries should cooperate", "is willing to send": the promise
    # governs, whatever modal the complement carries.
    if (
        governor is not None
        and (governor.lemma_ in _INTENT_HEADS or governor.lemma_ in _INTENT_ADJECTIVES)
        and not _children(governor, {"neg"})
    ):
        return Reading("intended", None, governor.text, governor.lemma_ in _PLEDGING)
    if (
        verb.dep_ == "acl"
        and verb.head.lemma_ in _INTENT_NOUNS
        and any(a.lower_ == "to" for a in _children(verb, {"aux"}))
    ):
        return Reading("intended", None, verb.head.text)  # "its plan to release"
    for aux in _children(verb, {"aux", "auxpass"}):
        if aux.lower_ == "would" and source is not None:
            speaker = _own_statement(verb, source, same_actor)
            if speaker is not None:
                return Reading("intended", speaker, aux.text)
        if aux.lower_ in _HYPOTHETICAL_AUX:
            return Reading("hypothetical", None, aux.text)
    for mark in _children(verb, {"mark"}):
        if mark.lower_ in _CONDITIONAL_MARKS:
            return Reading("hypothetical", None, mark.text)
    if verb.dep_ == "advcl" and any(m.lower_ in _CONDITIONAL_MARKS for m in verb.children):
        return Reading("hypothetical", None, "if")
    accuser = _accuser(verb)
    if accuser is not None:
        return Reading("claimed", accuser, accuser.head.text)
    head = verb.head if verb.dep_ in {"xcomp", "ccomp"} else None
    if head is not None and head.lemma_ in _DENIAL_HEADS and denied_charge(head) is None:
        # (Not the clause a trailing "..., a charge X rejected" is misparsed to govern.)
        return Reading("negated", None, head.text)
    if head is not None and verb.dep_ == "xcomp" and head.lemma_ in _INTENT_HEADS:
        return Reading("intended", None, head.text, head.lemma_ in _PLEDGING)
    for aux in _children(verb, {"aux"}):
        if aux.lower_ in _FUTURE_AUX:
            return Reading("intended", None, aux.text)
        if aux.lower_ == "going" or (aux.lower_ == "to" and verb.dep_ == "xcomp"):
            continue
    if head is not None and verb.dep_ == "ccomp" and head.lemma_ in _CLAIM_HEADS:
        speaker = next(iter(_children(head, {"nsubj"})), None)
        # "India has suspended arms supplies, officials in New Delhi said": a state's
        # own officials report its acts, they do not allege them.
        own = (
            speaker is not None
            and source is not None
            and (_same(speaker, source) or (same_actor is not None and same_actor(speaker, source)))
        )
        own = own or (speaker is not None and neutral is not None and neutral(speaker))
        if speaker is not None and not own:
            return Reading("claimed", speaker, head.text)
        return Reading("asserted", speaker, head.text)
    return Reading("asserted", None, None)


def denied_charge(verb: Token) -> Token | None:
    """ "..., a charge Damascus rejected", "..., findings the government rejected as
    biased", read however the parser hangs them: the charge noun that opens the
    trailing phrase whose denying verb this is."""
    if verb.lemma_ not in _DENIAL_HEADS or verb.pos_ != "VERB":
        return None
    doc = verb.doc
    start = verb.sent.start
    for i in range(verb.i - 1, max(start, verb.i - 7) - 1, -1):
        token = doc[i]
        if token.is_punct:
            return None
        named = {token.lemma_, token.lower_.removesuffix("s")}  # "findings", as a verb
        if named & _CHARGE_WORDS and token.pos_ in {"NOUN", "VERB"}:
            before = doc[i - 1] if i > start else None
            if before is not None and before.pos_ == "DET" and i - 1 > start:
                before = doc[i - 2]
            return token if before is not None and before.text == "," else None
    return None


# Nouns by which a sentence names a charge it reports: "..., a charge X denied".
CHARGE_NOUNS = frozenset({"charge", "accusation", "allegation", "claim"})
# ... and a fact-finder's: "..., findings the government rejected".
_CHARGE_WORDS = CHARGE_NOUNS | {"finding"}


_BACKGROUND_PREPOSITIONS = frozenset({"after", "following", "since", "despite", "amid"})
# "in response to the drills", "in retaliation for the raid": what is answered happened.
_REACTION_NOUNS = frozenset({"response", "reaction", "retaliation", "reply", "answer"})
_INTENT_ADJECTIVES = frozenset(
    {"willing", "ready", "prepared", "committed", "determined", "eager", "keen"}
)
_ASPECT_VERBS = frozenset({"begin", "start", "continue", "resume", "keep", "stop", "finish"})
_ACCUSING = frozenset({"accuse", "blame", "charge", "suspect"})


def charging_verb(act: Token) -> Token | None:
    """The verb that charges someone with `act`: "accused Y *of shelling*", "condemned Y
    *for the killing*" (the caller decides which verbs count). "of shelling the town and
    attacking villages": every act of the list is charged."""
    while act.dep_ == "conj" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in act.children):
        act = act.head
    prep = act.head
    if act.dep_ not in {"pcomp", "pobj"} or prep.lower_ not in {"of", "for"}:
        return None
    charged = prep.head
    if charged.dep_ == "dobj" and (charged.pos_ in {"NOUN", "PROPN"} or charged.lower_ == "other"):
        # The parser often hangs "of shelling" on the accused: "accused [forces of ...]".
        return charged.head
    return charged


def _accuser(verb: Token) -> Token | None:
    """ "X accused Y of shelling": X, whose claim the shelling is."""
    charging = charging_verb(verb)
    if charging is None or charging.lemma_ not in _ACCUSING:
        return None
    return next(iter(_children(charging, {"nsubj"})), None)


_OWN_SPEECH = frozenset({"say", "announce", "tell", "state", "add", "confirm", "declare"})


def _own_statement(
    verb: Token, source: Token, same_actor: Callable[[Token, Token], bool] | None
) -> Token | None:
    """The speaker when `verb` is reported by its own actor: "Russia said it would"."""
    if verb.dep_ != "ccomp" or verb.head.lemma_ not in _OWN_SPEECH:
        return None
    speaker = next(iter(_children(verb.head, {"nsubj"})), None)
    if speaker is None:
        return None
    if _same(speaker, source) or (same_actor is not None and same_actor(speaker, source)):
        return speaker
    return None


def _same(a: Token, b: Token) -> bool:
    return a.i == b.i or a.lower_ in {"he", "she", "it", "they"} or b.lower_ == a.lower_


def refused(
    trigger: Token, source: Token | None, same_actor: Callable[[Token, Token], bool] | None
) -> bool:
    """ "Colombo said it would not cooperate", "Japan said it would not extradite him": an
    actor telling what it will not do refuses it (root 12), which the conventions code as
    the refusal, not as the act negated."""
    if trigger.pos_ != "VERB" or source is None:
        return False
    auxes = {c.lower_ for c in _children(trigger, {"aux"})}
    negated = any(c.lower_ in {"not", "n't", "never"} for c in _children(trigger, {"neg"}))
    if not negated or not auxes & {"would", "will", "'ll"}:
        return False
    if trigger.dep_ != "ccomp" or trigger.head.lemma_ not in _REFUSING_SPEECH:
        return False
    speaker = next(iter(_children(trigger.head, {"nsubj"})), None)
    if speaker is None:
        return False
    return _same(speaker, source) or (same_actor is not None and same_actor(speaker, source))


# Speech by which an actor tells what it will not do: "vowed that he would never step down".
_REFUSING_SPEECH = _OWN_SPEECH | {"vow", "insist", "stress", "reiterate", "make"}
