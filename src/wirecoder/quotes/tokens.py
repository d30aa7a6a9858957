"""Character offsets ↔ spaCy tokens, for rules that mix the text and the parse."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Token

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
SENTENCE_END = frozenset({".", "!", "?"})


class TokenIndex:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._starts = [t.idx for t in doc]

    def within(self, start: int, end: int) -> list[Token]:
        """Tokens that start inside [start, end), spaces left out."""
        lo = bisect_left(self._starts, start)
        hi = bisect_left(self._starts, end)
        return [t for t in self.doc[lo:hi] if not t.is_space]

    def before(self, offset: int) -> Token | None:
        """The last non-space token that ends at or before `offset`."""
        i = bisect_right(self._starts, offset) - 1
        while i >= 0:
            token = self.doc[i]
            if not token.is_space and token.idx + len(token) <= offset:
                return token
            i -= 1
        return None

    def after(self, offset: int) -> list[Token]:
        """Non-space tokens starting at `offset` or later, in order."""
        lo = bisect_left(self._starts, offset)
        return [t for t in self.doc[lo:] if not t.is_space]


def end_of(token: Token) -> int:
    return token.idx + len(token)


def roots_of(tokens: list[Token]) -> list[Token]:
    """Tokens of a span whose head lies outside it (punctuation left out)."""
    inside = {t.i for t in tokens}
    return [t for t in tokens if not t.is_punct and (t.head.i not in inside or t.head.i == t.i)]
