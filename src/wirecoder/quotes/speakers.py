"""Who is speaking: the subject of a speech verb, read through the actor mentions.

The subject's head is looked up among the mentions (which carry code, name and
affiliation); a pronoun goes through the mention the actor layer made of it to the
last named mention of the same entity, or else to the nearest person named before it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from wirecoder.model import Mention, Speaker

# The actor layer's `how` values that only ever describe a person.
PERSON_HOWS = frozenset(
    {
        "dictionary",
        "title",
        "apposition",
        "affiliation",
        "coref_surname",
        "coref_title",
        "coref_pronoun",
    }
)
_PERSONAL = frozenset({"he", "she", "him", "her"})
_PRONOUNS = _PERSONAL | frozenset({"it", "they", "we", "i", "you"})
_RELATIVES = frozenset({"who", "which", "that", "whom"})
# "a student who gave her name only as X": the words after which a name follows.
_NAME_GIVING = frozenset({"name", "surname"})
# Parts of a subject that are not its name: clauses, appositions, lists.
_NOT_CORE = frozenset({"relcl", "acl", "appos", "punct", "advcl", "conj", "cc"})
# A speech verb lends its subject down these links ("X took power but insisted that").
_INHERIT = frozenset({"conj", "xcomp"})
_AFFILIATION_PREPS = frozenset({"of", "at", "from"})


class Speakers:
    """Speaker lookups over one document's mentions."""

    def __init__(
        self,
        doc: Doc,
        mentions: Sequence[Mention],
        *,
        quoted: Callable[[int], bool] = lambda _at: False,
    ) -> None:
        self.doc = doc
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self.mentions]
        self._token_starts = [t.idx for t in doc]
        self.quoted = quoted

    # -- mentions -------------------------------------------------------------------
    def mention_over(self, start: int, end: int) -> Mention | None:
        """The longest mention overlapping [start, end)."""
        hits = [m for m in self._near(start, end) if m.start < end and start < m.end]
        return max(hits, key=lambda m: m.end - m.start) if hits else None

    def mentions_within(self, start: int, end: int) -> list[Mention]:
        return [m for m in self._near(start, end) if start <= m.start and m.end <= end]

    def _near(self, start: int, end: int) -> list[Mention]:
        hi = bisect_right(self._starts, end)
        return [m for m in self.mentions[:hi] if m.end > start]

    def is_person(self, token: Token) -> bool:
        if token.lower_ in _PERSONAL or token.ent_type_ == "PERSON":
            return True
        mention = self.mention_over(token.idx, token.idx + len(token))
        return mention is not None and mention.how in PERSON_HOWS

    # -- subjects -------------------------------------------------------------------
    def subject(self, verb: Token) -> Token | None:
        """The subject of a speech verb, borrowed from the verb it hangs on if needed."""
        current = verb
        for _ in range(6):
            subjects = [
                c for c in current.children if c.dep_ == "nsubj" and self._same_paragraph(c, verb)
            ]
            if subjects:
                chosen = self._best_subject(subjects, current)
                if chosen.lower_ in _RELATIVES:
                    return current.head if current.dep_ == "relcl" else None
                return chosen
            if current.i == verb.i:
                lost = self._lost_subject(verb)
                if lost is not None:
                    return lost
            # "..., saying that": the participle speaks for the clause it follows.
            participle = current.dep_ == "advcl" and current.tag_ == "VBG"
            if current.dep_ in _INHERIT or participle:
                current = current.head
                continue
            return None
        return None

    def _best_subject(self, subjects: list[Token], verb: Token) -> Token:
        """Of two subjects ("state news agency IRNA said"), the one that is an actor."""
        named = [s for s in subjects if self.mention_over(s.idx, s.idx + len(s)) is not None]
        pool = named or [s for s in subjects if s.ent_type_ == "PERSON"] or subjects
        return min(pool, key=lambda s: abs(verb.i - s.i))

    def _lost_subject(self, verb: Token) -> Token | None:
        """A subject the parser lost: "X, declared the winner, insisted" (X hangs on the
        aside), "May told parliament" (May read as a modal), or a parse run on from the
        paragraph before. The aside's subject, else the noun or name right before."""
        for child in verb.lefts:
            if child.dep_ == "parataxis":
                inner = [c for c in child.children if c.dep_ == "nsubj" and c.i < child.i]
                if inner and self._same_paragraph(inner[0], verb):
                    return inner[0]
        previous = verb.doc[verb.i - 1] if verb.i > 0 else None
        if previous is None or previous.dep_ == "nsubjpass" or previous.is_punct:
            return None
        if not self._same_paragraph(previous, verb):
            return None
        if previous.pos_ in {"NOUN", "PROPN"}:
            return previous
        mention = self.mention_over(previous.idx, previous.idx + len(previous))
        if mention is not None or self._by_surname(previous) is not None:
            return previous
        return None

    def _by_surname(self, token: Token) -> Mention | None:
        """A capitalised word the actor layer left alone that is the surname of a person
        named before ("Theresa May ... May told parliament")."""
        if not token.text[:1].isupper():
            return None
        for mention in reversed(self.mentions):
            if mention.end > token.idx or mention.how not in PERSON_HOWS - {"coref_pronoun"}:
                continue
            names = (mention.text.split()[-1:], (mention.name or "").split()[-1:])
            if any(token.text in found for found in names):
                return mention
        return None

    def _same_paragraph(self, a: Token, b: Token) -> bool:
        lo, hi = sorted((a.idx, b.idx))
        return "\n" not in self.doc.text[lo:hi]

    def for_verb(self, verb: Token) -> Speaker | None:
        subject = self.subject(verb)
        return self.for_subject(subject) if subject is not None else None

    def for_subject(self, subject: Token) -> Speaker | None:
        if subject.lower_ in _PRONOUNS:
            return self._for_pronoun(subject)
        subject = _named_inside(subject)
        mention = self.mention_over(subject.idx, subject.idx + len(subject))
        if mention is None:
            mention = self._by_surname(subject)
        if mention is not None:
            return self.for_mention(mention)
        prep = _affiliation_prep(subject)
        if prep is not None:
            return self._with_affiliation(subject, prep)
        start, end = _core(subject)
        text = self.doc.text[start:end]
        inner = self.mentions_within(start, end)
        inner.sort(key=lambda m: (m.how in {"country", "capital"}, m.start))
        if inner:
            best = inner[0]
            if best.how in PERSON_HOWS:
                return self.for_mention(best)  # "Others, such as X, say": X
            return Speaker(text, start, end, best.code, best.name, best.affiliation)
        return Speaker(text, start, end)

    def _with_affiliation(self, subject: Token, prep: Token) -> Speaker:
        """ "Analyst X of the Carnegie Endowment" with no mention of X: the person,
        coded by the body they speak for."""
        start, end = _core(subject, leave_out=prep)
        body = [t for t in prep.subtree if t.i != prep.i]
        body = _trim(body)
        while len(body) > 1 and body[0].dep_ == "det":
            body.pop(0)
        inner = self.mentions_within(body[0].idx, body[-1].idx + len(body[-1])) if body else []
        inner.sort(key=lambda m: (m.how in {"country", "capital"}, m.start))
        code = inner[0].code if inner else None
        affiliation = self.doc.text[body[0].idx : body[-1].idx + len(body[-1])] if body else None
        return Speaker(self.doc.text[start:end], start, end, code, None, affiliation)

    def for_mention(self, mention: Mention) -> Speaker:
        return Speaker(
            mention.text,
            mention.start,
            mention.end,
            mention.code,
            mention.name,
            mention.affiliation,
        )

    def _for_pronoun(self, pronoun: Token) -> Speaker | None:
        mention = self.mention_over(pronoun.idx, pronoun.idx + len(pronoun))
        named: Mention | None = None
        if mention is not None:
            earlier = [
                m
                for m in self.mentions
                if m.entity == mention.entity
                and m.how != "coref_pronoun"
                and m.end <= mention.start
                and not self.quoted(m.start)
            ]
            named = earlier[-1] if earlier else None
        if pronoun.lower_ in _PERSONAL:
            # The person who was last the subject of a sentence is the likelier "he"
            # or "she" when named after the actor layer's antecedent.
            closer = self._person_subject_between(named.end if named else 0, pronoun)
            if closer is not None:
                return self.for_subject(closer)
        if named is not None:
            return self.for_mention(named)
        if mention is not None:
            return self.for_mention(mention)
        return self.before(pronoun.idx, person=pronoun.lower_ in _PERSONAL)

    def _person_subject_between(self, start: int, pronoun: Token) -> Token | None:
        text = self.doc.text
        floor = max(start, text.rfind("\n", 0, max(0, text.rfind("\n", 0, pronoun.idx) - 1)))
        return self.person_subject_between(floor, pronoun.idx)

    def person_subject_between(self, start: int, end: int) -> Token | None:
        """The last person who is the subject of a clause in [start, end), outside quotes."""
        for token in reversed(self.doc[: self._token_before(end) + 1]):
            if token.idx < start:
                return None
            if token.dep_ != "nsubj" or self.quoted(token.idx) or token.lower_ in _PRONOUNS:
                continue
            if token.ent_type_ == "PERSON" or self._is_person_mention(token):
                return token
        return None

    def _token_before(self, offset: int) -> int:
        """Index of the last token starting before `offset` (-1 when none)."""
        return bisect_right(self._token_starts, offset - 1) - 1

    def _is_person_mention(self, token: Token) -> bool:
        mention = self.mention_over(token.idx, token.idx + len(token))
        return mention is not None and mention.how in PERSON_HOWS

    def before(self, offset: int, *, floor: int = 0, person: bool = True) -> Speaker | None:
        """The nearest mention ending before `offset` (and starting at `floor` or later)."""
        for mention in reversed(self.mentions):
            if mention.end > offset or mention.start < floor or self.quoted(mention.start):
                continue
            if person and mention.how not in PERSON_HOWS:
                continue
            if mention.how == "coref_pronoun":
                named = self._for_pronoun_mention(mention)
                if named is not None:
                    return named
            return self.for_mention(mention)
        return None

    def _for_pronoun_mention(self, mention: Mention) -> Speaker | None:
        for other in reversed(self.mentions):
            if (
                other.entity == mention.entity
                and other.how != "coref_pronoun"
                and other.end <= mention.start
            ):
                return self.for_mention(other)
        return None


def _named_inside(subject: Token) -> Token:
    """A common-noun subject that names its person: "a researcher ..., Lin Wei-chen",
    "a student who gave her name only as Shirin" → the name."""
    if subject.pos_ == "PROPN":
        return subject
    for child in subject.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            return child
    for child in subject.children:
        if child.dep_ not in {"relcl", "acl"}:
            continue
        seen_name_word = False
        for token in child.subtree:
            if token.lemma_.lower() in _NAME_GIVING:
                seen_name_word = True
            elif seen_name_word and token.pos_ == "PROPN":
                return token
    return subject


def _affiliation_prep(subject: Token) -> Token | None:
    """ "X of <body>" / "X at <body>": the preposition that links a named person to
    the body they speak for."""
    if subject.pos_ != "PROPN":
        return None
    for child in subject.rights:
        linked = child.dep_ == "prep" and child.lower_ in _AFFILIATION_PREPS
        if linked and any(t.pos_ == "PROPN" for t in child.subtree):
            return child
    return None


def _core(subject: Token, *, leave_out: Token | None = None) -> tuple[int, int]:
    """Character bounds of the subject without its clauses, appositions and lists."""
    tokens = [subject]
    for child in subject.children:
        if child.dep_ not in _NOT_CORE and (leave_out is None or child.i != leave_out.i):
            tokens.extend(child.subtree)
    text = subject.doc.text
    tokens = [
        t
        for t in tokens
        if not t.is_space and "\n" not in text[min(t.idx, subject.idx) : max(t.idx, subject.idx)]
    ]
    tokens.sort(key=lambda t: t.i)
    tokens = _trim(tokens) or [subject]
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _trim(tokens: list[Token]) -> list[Token]:
    """Without punctuation and quote marks at either end."""
    tokens = list(tokens)
    while tokens and (tokens[0].is_punct or tokens[0].is_quote or tokens[0].is_space):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_quote or tokens[-1].is_space):
        tokens.pop()
    return tokens
