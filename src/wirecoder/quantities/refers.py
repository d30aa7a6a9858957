"""What a quantity measures (`Quantity.refers_to`), read from the dependency parse.

Money and percentages: the noun after "of/in/for" ("$330 billion of Tajik debts"), the
noun the amount modifies ("a $1.2 trillion budget", "over 50 percent Russian share"),
or the noun a linking verb ties it to ("investment amounting to $2 billion", "the
pipeline will cost $2.5bn"). Counts: the counted noun ("5,000 soldiers"). Durations:
the noun they modify ("a six-month ceasefire"), else what the act they belong to
measures ("provide investment ... over the next five years" -> "investment").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from wirecoder.quantities.finder import Found
from wirecoder.quantities.lexicon import Lexicon

_MODIFIER_DEPS = {"amod", "compound", "nmod", "poss", "npadvmod", "nummod", "quantmod"}
_PHRASE_DEPS = {"amod", "compound", "nmod", "poss", "case"}
_NOUNS = {"NOUN", "PROPN"}
_SKIP_AT_START = {"DET", "PUNCT", "CCONJ", "ADP", "NUM", "SYM", "PART"}


def noun_phrase(doc: Doc, noun: Token, outside: range = range(0)) -> Span:
    """The noun with the modifiers written before it, without determiners and without
    the tokens in ``outside`` (the quantity itself): "Tajik debts", "Russian share"."""
    start = noun.i
    for child in noun.lefts:
        if child.dep_ in _PHRASE_DEPS or (child.dep_ == "npadvmod" and child.i not in outside):
            start = min(start, child.left_edge.i)
    if outside and outside.start <= noun.i and start < outside.stop:
        start = max(start, outside.stop)
    while start < noun.i and (doc[start].pos_ in _SKIP_AT_START or doc[start].i in outside):
        start += 1
    return doc[start : noun.i + 1]


def _anchor(doc: Doc, found: Found) -> Token:
    """The token of the expression whose head lies outside it: where it hangs in the parse."""
    span = range(found.start, found.end)
    for token in doc[found.start : found.end]:
        if token.head.i not in span or token.head.i == token.i:
            return token
    return doc[found.end - 1]


def _climb_to_noun(token: Token, span: range) -> Token | None:
    """From a modifier up to the noun it modifies ("percent" -> "Russian" -> "share")."""
    current = token
    for _ in range(3):
        if current.dep_ not in _MODIFIER_DEPS or current.head.i == current.i:
            return None
        current = current.head
        if current.i in span:
            continue
        if current.pos_ in _NOUNS and current.i >= span.stop:
            return current
        if current.pos_ != "ADJ":
            return None
    return None


class Refers:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def measured(self, doc: Doc, found: Found) -> Span | None:
        """What a money amount, percentage or count measures, as written."""
        span = range(found.start, found.end)
        if found.kind == "count" and found.noun is not None:
            return noun_phrase(doc, doc[found.noun], range(found.start, found.amount_end))
        noun = self._measured_noun(doc, found)
        return noun_phrase(doc, noun, span) if noun is not None else None

    def _measured_noun(self, doc: Doc, found: Found) -> Token | None:
        span = range(found.start, found.end)
        anchor = _anchor(doc, found)
        for token in doc[found.start : found.end]:
            for child in token.rights:
                if child.i in span or child.dep_ != "prep":
                    continue
                if child.lower_ in self.lexicon.of_preps:
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    if objects and objects[0].pos_ in _NOUNS:
                        return objects[0]
        modified = _climb_to_noun(anchor, span)
        if modified is not None:
            return modified
        return self._linked_noun(doc, anchor)

    def _linked_noun(self, doc: Doc, anchor: Token) -> Token | None:
        """The noun a linking verb ties the amount to: "investment amounting to $2bn",
        "the pipeline will cost $2.5bn", "unemployment rose to 7.5 percent"."""
        verb = anchor.head
        if anchor.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in ("to", "at", "by"):
            verb = verb.head
        elif anchor.dep_ not in ("dobj", "attr", "npadvmod", "pobj", "conj"):
            return None
        if verb.lemma_.lower() not in self.lexicon.linking_verbs and verb.lower_ != "worth":
            return None
        if verb.dep_ in ("acl", "amod") and verb.head.pos_ in _NOUNS:
            return verb.head
        # A participle the parser left unattached ("investment amounting to ...").
        if verb.tag_ == "VBG" and verb.i > 0 and doc[verb.i - 1].pos_ in _NOUNS:
            return doc[verb.i - 1]
        subjects = [c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects and verb.dep_ in ("acomp", "prep") and verb.head.pos_ in ("AUX", "VERB"):
            subjects = [c for c in verb.head.lefts if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and subjects[0].pos_ in _NOUNS:
            return subjects[0]
        return None

    def duration(
        self, doc: Doc, found: Found, others: Sequence[tuple[Found, str | None]]
    ) -> str | None:
        """What a duration belongs to: the noun it modifies, the quantity of the act it
        is attached to, or that act's object."""
        span = range(found.start, found.end)
        unit = _anchor(doc, found)
        noun = _climb_to_noun(unit, span)
        if noun is not None:
            return noun_phrase(doc, noun, span).text
        head = unit.head
        if unit.dep_ == "pobj" and head.dep_ == "prep":
            if head.lower_ not in self.lexicon.duration_preps:
                return None
            act = head.head
        elif unit.dep_ in ("npadvmod", "dobj"):
            act = head  # "the siege lasted 18 months"
        else:
            return None
        if act.pos_ in _NOUNS:
            return noun_phrase(doc, act).text
        if act.pos_ not in ("VERB", "AUX"):
            return None
        inside = range(act.left_edge.i, act.right_edge.i + 1)
        for other, refers_to in others:
            if other.kind == "money" and other.start in inside and refers_to:
                return refers_to
        objects = [c for c in act.children if c.dep_ == "dobj" and c.pos_ in _NOUNS]
        if act.lemma_.lower() in self.lexicon.duration_verbs:
            # "the talks lasted three years": what lasts is the subject.
            objects = [c for c in act.children if c.dep_ in ("nsubj", "nsubjpass")] + objects
        objects = [c for c in objects if c.pos_ in _NOUNS and c.i not in span]
        return noun_phrase(doc, objects[0]).text if objects else None
