"""From tokens to resolved actors: the mention a token belongs to, the antecedent of
a pronoun or relative, "his counterpart"."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from wirecoder.events.slots import SUBJECT_DEPS, is_passive, is_within, pobjs, slot_heads
from wirecoder.model import EventActor, Mention
from wirecoder.nlp import sentence_of


def mention_for(token: Token, by_token: dict[int, Mention]) -> Mention | None:
    if token.i in by_token:
        return by_token[token.i]
    for child in token.children:  # "his Pakistani counterpart Shaukat Aziz"
        if child.dep_ == "appos" and child.i in by_token:
            return by_token[child.i]
    for child in token.lefts:  # "Russian troops": the mention may start left of the head
        if child.dep_ == "poss" and child.pos_ == "PRON":
            continue  # "his counterpart" is not he
        if child.i in by_token:
            return by_token[child.i]
    for child in token.children:  # "the government of Tajikistan"
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.i in by_token:
                    return by_token[obj.i]
    return None


PRONOUNS = frozenset({"it", "they", "he", "she", "we"})


_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our"})


def antecedent_mention(token: Token, by_token: dict[int, Mention]) -> Mention | None:
    """The actor a pronoun subject ("the army said *it* had captured") or a possessed
    group ("Saudi Arabia rallied allies as *its warplanes* pounded") stands for: the
    subject of the nearest clause above it, when the resolver left it uncoded."""
    owned = token.dep_ in SUBJECT_DEPS and any(
        c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS for c in token.children
    )
    if token.lower_ in {"who", "which", "that"} and token.head.dep_ == "relcl":
        # "Scheffer, who is on a tour"; but in "the bombing of a base that killed", the
        # antecedent is the bombing, not an actor.
        return by_token.get(token.head.head.i)
    if token.lower_ in {"him", "her"} and token.dep_ in {"dobj", "dative", "pobj"}:
        # "summoned Pakistan's envoy and handed him a protest": the person acted on
        # before, not the one acting (nor "the police" accused of executing him).
        controllers = {d.i for d in slot_heads(token.head, "subject")}
        for i in range(token.i - 1, sentence_of(token).start - 1, -1):
            earlier = token.doc[i]
            if earlier.dep_ in {"dobj", "dative"} and earlier.pos_ in {"NOUN", "PROPN"}:
                if earlier.i in controllers:
                    continue
                found = mention_for(earlier, by_token)
                if found is not None:
                    return found
                break  # the nearest object names no actor: "holding the captain"
    if token.lower_ not in PRONOUNS and token.lower_ not in _POSSESSIVE_PRONOUNS and not owned:
        return None
    node = token
    # "Britain and Canada condemned it": an object pronoun is not its own clause's subject.
    own_clause = token.head if token.dep_ in {"dobj", "pobj", "dative"} else None
    while node.head.i != node.i:
        node = node.head
        if own_clause is not None and node.i == own_clause.i:
            continue
        doers = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
        if is_passive(node) and token.head.i != node.i:
            # "... was expressed by the ministers during their"; but in "it was worried
            # by the arrests", the pronoun's own clause names no one it stands for.
            doers += pobjs(node, {"by"})
        for child in doers:
            if child.i != token.i and not is_within(token, child):
                mention = mention_for(child, by_token)
                if mention is not None:
                    return mention
    if token.lower_ in {"they", "it"} and token.dep_ in SUBJECT_DEPS:
        return _previous_subject(token, by_token)
    return None


def _previous_subject(token: Token, by_token: dict[int, Mention]) -> Mention | None:
    """ "Chadian troops moved into Tine on Monday. *They* came under fire ...": the
    subject of the sentence before, when it agrees in number with the pronoun."""
    start = sentence_of(token).start
    if start == 0:
        return None
    root = sentence_of(token.doc[start - 1]).root
    for subject in (c for c in root.children if c.dep_ in SUBJECT_DEPS):
        plural = subject.tag_ in {"NNS", "NNPS"} or bool(subject.conjuncts)
        if plural == (token.lower_ == "they"):
            return mention_for(subject, by_token)
    return None


def plural_antecedents(token: Token, by_token: dict[int, Mention]) -> list[Mention]:
    """ "suspended MSF and the Norwegian Refugee Council, accusing *them* of ...": the
    nearest coordinated actors before an object pronoun, other than a subject."""
    for i in range(token.i - 1, sentence_of(token).start - 1, -1):
        if i not in by_token:
            continue
        phrase = token.doc[i]
        # The whole noun phrase, also when the parser folds "A and B" into one.
        while phrase.dep_ in {"compound", "nmod", "conj", "appos"} and phrase.head.i != phrase.i:
            phrase = phrase.head
        if phrase.dep_ in SUBJECT_DEPS:
            return []
        group = [by_token[t.i] for t in phrase.subtree if t.i in by_token and t.i < token.i]
        unique = list({id(m): m for m in group}.values())
        return unique if len(unique) > 1 else []
    return []


def pair_antecedents(token: Token, by_token: dict[int, Mention]) -> list[Mention]:
    """ "the two sides exchanged artillery fire", "the two pledged", "both countries
    agreed", "each side accused the other": the last actor named before the phrase and
    the nearest one before it of another country, of the same kind if there is one (two
    leaders, two states)."""
    if not _names_a_pair(token):
        return []
    before = sorted(
        {id(m): m for i, m in by_token.items() if i < token.i}.values(), key=lambda m: m.start
    )
    if not before:
        return []
    last = before[-1]
    others = [m for m in before if m.country and m.country != last.country]
    if not last.country or not others:
        return []
    alike = [m for m in others if (m.code or "")[3:] == (last.code or "")[3:]]
    return [(alike or others)[-1], last]


def _names_a_pair(token: Token) -> bool:
    children = {c.lower_ for c in token.children}
    if token.lower_ == "each":
        # "each accused the other": the pronoun with "the other" in its clause.
        return any(c.lower_ == "other" for c in token.head.children)
    if token.lower_ == "other":
        return "the" in children  # "each side accused the other"
    if token.lower_ in {"two", "both"}:
        return token.lower_ == "both" or "the" in children  # "the two", "both"
    if token.lemma_ not in _PAIRED:
        return False
    # "the two sides", "both countries", "each side accused the other"
    return ("the" in children and "two" in children) or bool(children & {"both", "each"})


# Nouns for the two parties of an act: "the two sides", "both countries".
_PAIRED = frozenset(
    {"side", "country", "leader", "man", "government", "nation", "neighbour", "neighbor", "rival"}
)


def neighbour_of(token: Token, by_token: dict[int, Mention]) -> Mention | None:
    """ "Algeria cut ties with Morocco, accusing *its neighbour* of hostile acts": the
    last actor named before the phrase whose country is not the possessor's."""
    if token.lemma_ not in {"neighbour", "neighbor"}:
        return None
    owner = next(
        (c for c in token.children if c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS),
        None,
    )
    own = antecedent_mention(owner, by_token) if owner is not None else None
    if own is None or not own.country:
        return None
    start = sentence_of(token).start
    others = [
        m
        for i, m in sorted(by_token.items())
        if start <= i < token.i and m.country and m.country != own.country
    ]
    # A neighbour is a state: a country named outright before one of its officials.
    states = [m for m in others if m.code == m.country]
    return (states or others)[-1] if others else None


def party_speaking(token: Token, by_token: dict[int, Mention]) -> list[Token]:
    """ "Lebanon's prime minister said he was gloomy about the talks with the IMF": the
    subject of the nearest clause above the token that names an actor, who speaks of
    talks or a meeting of their own."""
    node = token
    while node.head.i != node.i:
        node = node.head
        doers = [c for c in node.children if c.dep_ in SUBJECT_DEPS and not is_within(token, c)]
        found = [d for d in doers if mention_for(d, by_token) or antecedent_mention(d, by_token)]
        if found:
            return found
    return []


def as_counterpart(target: EventActor, sources: Sequence[EventActor]) -> EventActor:
    """ "met his Greek counterpart": the Greek holder of the source's office."""
    if not target.text.endswith(("counterpart", "counterparts")) or len(target.code or "") != 3:
        return target
    sector = next((s.code[3:] for s in sources if s.code and len(s.code) > 3), "")
    return EventActor(f"{target.code}{sector}", target.text, target.start, target.end)


def mentions_by_token(doc: Doc, mentions: Sequence[Mention]) -> dict[int, Mention]:
    index: dict[int, Mention] = {}
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            index.setdefault(token.i, mention)
    return index
