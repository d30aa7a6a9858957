"""Reported speech: what someone said, told, warned or argued, in the reporter's words.

Rules (recorded in `Quote.rule`):

- reported.said_that: a speech verb with a clause after it ("X said (that) ...",
  "X told reporters that ...", "X said in a statement that ...", "..., saying that ...");
- reported.inverted: the clause before the verb ("... , police said");
- reported.according_to: "According to X, ..." and "..., according to X".

The span is the reported content: the clause without its "that" and end punctuation. A
speech verb that frames a direct quote, sits inside one, is negated ("did not say") or
hangs on a verb like "omitted" / "declined" is not a statement. A statement nested inside
another one ("X said he had spoken to Y, who told him ...") stays part of the outer one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from wirecoder.model import Speaker
from wirecoder.quotes.lexicon import QuoteLexicon
from wirecoder.quotes.speakers import Speakers
from wirecoder.quotes.tokens import end_of

# Clauses under a speech verb that are not what was said ("said, after X began ...").
_CONTENT_MARKS = frozenset({"that"})
# Where a second statement starts inside the first one's clause ("..., while Y said ...").
_SPLIT_DEPS = frozenset({"advcl", "conj", "parataxis"})
_RELATIVES = frozenset({"who", "which", "that", "whom"})


@dataclass(frozen=True, slots=True)
class Statement:
    start: int
    end: int
    speaker: Speaker
    rule: str
    verb: int


class ReportedFinder:
    def __init__(
        self,
        doc: Doc,
        lexicon: QuoteLexicon,
        speakers: Speakers,
        *,
        quoted: Callable[[int], bool],
        framed: Callable[[int], bool],
        skip_verbs: set[int],
    ) -> None:
        self.doc = doc
        self.lex = lexicon
        self.speakers = speakers
        self.quoted = quoted
        self.framed = framed
        self.skip_verbs = skip_verbs

    def run(self) -> list[Statement]:
        found: list[Statement] = []
        for token in self.doc:
            if self.quoted(token.idx):
                continue
            if token.lower_ == "according":
                found.extend(self._according_to(token))
            elif self._speech_verb(token):
                found.extend(self._said_that(token))
        return _outermost(found)

    # -- X said that ... --------------------------------------------------------------
    def _speech_verb(self, token: Token) -> bool:
        if token.pos_ != "VERB" or token.lemma_.lower() not in self.lex.reported:
            return False
        if token.i in self.skip_verbs or any(c.dep_ == "neg" for c in token.children):
            return False
        return not (token.dep_ == "xcomp" and token.head.lemma_.lower() in self.lex.blocking_heads)

    def _said_that(self, verb: Token) -> list[Statement]:
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and self._content(c)]
        if not clauses:
            clauses = self._clause_after_prep(verb)
        if not clauses:
            return self._spliced(verb)
        speaker = self.speakers.for_verb(verb)
        if speaker is None:
            return []
        found = []
        for clause in clauses:
            bounds = self._bounds(clause)
            if bounds is None:
                continue
            rule = "reported.inverted" if clause.i < verb.i else "reported.said_that"
            found.append(Statement(bounds[0], bounds[1], speaker, rule, verb.i))
        return found

    def _spliced(self, verb: Token) -> list[Statement]:
        """ "Content, X announced, ...": parsed as a clause joined to the content by a
        comma (or as an aside); the content is the first clause without the verb's part."""
        head = verb.head
        spliced = verb.dep_ in {"conj", "parataxis"}
        if not spliced or head.i >= verb.i or head.pos_ not in {"VERB", "AUX"}:
            return []
        between = verb.doc[head.i + 1 : verb.i]
        if any(t.dep_ == "cc" and t.head.i == head.i for t in between):
            return []  # "X did this and Y said": two clauses, not one statement
        if not any(c.dep_ == "nsubj" for c in verb.children) or self.quoted(head.idx):
            return []
        speaker = self.speakers.for_verb(verb)
        bounds = self._bounds(head, without={t.i for t in verb.subtree})
        if speaker is None or bounds is None:
            return []
        return [Statement(bounds[0], bounds[1], speaker, "reported.inverted", verb.i)]

    def _content(self, clause: Token) -> bool:
        if self.framed(clause.idx):
            return False  # the clause is a direct quote framed by this verb
        marks = [c for c in clause.children if c.dep_ == "mark"]
        return all(m.lower_ in _CONTENT_MARKS for m in marks)

    def _clause_after_prep(self, verb: Token) -> list[Token]:
        """ "said in a statement that ...": the clause hangs on the statement noun."""
        found = []
        for prep in verb.children:
            if prep.dep_ != "prep":
                continue
            for noun in prep.children:
                for clause in noun.children:
                    if clause.dep_ not in {"acl", "relcl", "ccomp"} or clause.i < noun.i:
                        continue
                    marks = [c for c in clause.children if c.dep_ == "mark"]
                    if marks and all(m.lower_ == "that" for m in marks):
                        found.append(clause)
        return found

    def _bounds(self, clause: Token, *, without: set[int] | None = None) -> tuple[int, int] | None:
        cut: set[int] = set(without or ())
        for token in clause.subtree:
            if token.i != clause.i and self._starts_own_statement(token):
                cut.update(t.i for t in token.subtree)
                cut.update(t.i for t in token.children if t.dep_ in {"cc", "mark"})
        kept = {t.i for t in clause.subtree} - cut
        lo = hi = clause.i
        while lo - 1 in kept:
            lo -= 1
        while hi + 1 in kept:
            hi += 1
        tokens = [t for t in self.doc[lo : hi + 1] if not t.is_space]
        while tokens and (
            (tokens[0].is_punct and not tokens[0].is_quote)
            or (tokens[0].dep_ == "mark" and tokens[0].lower_ in _CONTENT_MARKS)
        ):
            tokens.pop(0)
        while tokens and ((tokens[-1].is_punct and not tokens[-1].is_quote) or tokens[-1].is_space):
            tokens.pop()
        while tokens and tokens[-1].dep_ == "cc":
            tokens.pop()
        if not tokens:
            return None
        return tokens[0].idx, end_of(tokens[-1])

    def _starts_own_statement(self, token: Token) -> bool:
        if token.dep_ not in _SPLIT_DEPS or not self._speech_verb(token):
            return False
        if token.dep_ == "advcl" and token.tag_ == "VBG":
            return True  # "..., arguing that ...": a statement of its own
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        return bool(subjects) and subjects[0].lower_ not in _RELATIVES

    # -- according to X ---------------------------------------------------------------
    def _according_to(self, according: Token) -> list[Statement]:
        to = next((c for c in according.children if c.lower_ == "to"), None)
        source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        if source is None:
            return []
        sentence = according.sent
        if any(self.quoted(t.idx) for t in sentence if not t.is_punct):
            return []  # the source of a direct quote, not a statement of its own
        before = [t for t in sentence if t.i < according.i and not t.is_space]
        if not [t for t in before if not t.is_punct]:
            tail = max(t.i for t in source.subtree) + 1
            content = [t for t in sentence if t.i >= tail]
        elif before[-1].text == ",":
            content = before[:-1]
        else:
            return []
        content = [t for t in content if not t.is_space]
        while content and content[0].is_punct and not content[0].is_quote:
            content.pop(0)
        while content and content[-1].is_punct and not content[-1].is_quote:
            content.pop()
        if not content or any(t.i in self.skip_verbs or self._speech_verb(t) for t in content):
            return []
        speaker = self.speakers.for_subject(source)
        if speaker is None:
            return []
        return [
            Statement(
                content[0].idx, end_of(content[-1]), speaker, "reported.according_to", according.i
            )
        ]


def _outermost(found: list[Statement]) -> list[Statement]:
    """Drop statements that lie inside another one."""
    kept = []
    for item in found:
        inside = any(
            other is not item
            and other.start <= item.start
            and item.end <= other.end
            and (other.end - other.start) > (item.end - item.start)
            for other in found
        )
        if not inside:
            kept.append(item)
    return kept
