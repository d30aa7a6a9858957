"""Quotation marks → quoted segments, on the text alone (no parse needed).

Only double marks open a quote: straight `"`, curly `“ ”`, low `„` and guillemets
`« »`. Single marks inside a double-quoted span are a quote within the quote and stay
part of it; a top-level single mark is an apostrophe far more often than a quote.

A paragraph that opens a quote and ends before closing it continues in the next
paragraph when that paragraph re-opens the quote (the news convention for a quote over
several paragraphs); such segments are linked by `continues`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_OPENERS = frozenset("“„«")
_CLOSERS = frozenset("”»")
_STRAIGHT = '"'
# Before a straight mark that opens: start, space, an opening bracket or a dash.
_OPEN_CONTEXT = frozenset(" \t([{—–-/")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Segment:
    """The words between one opening mark and its closing mark (or the paragraph end)."""

    start: int
    end: int
    open_at: int
    close_at: int | None
    paragraph: int
    paragraph_start: int
    paragraph_end: int

    @property
    def closed(self) -> bool:
        return self.close_at is not None

    @property
    def outer_end(self) -> int:
        """The first character after the closing mark (or the paragraph end)."""
        return self.close_at + 1 if self.close_at is not None else self.end


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    start: int
    end: int


def paragraphs(text: str) -> list[Paragraph]:
    return [Paragraph(i, m.start(), m.end()) for i, m in enumerate(_PARAGRAPH.finditer(text))]


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def find_segments(text: str) -> list[Segment]:
    """Every top-level double-quoted segment, in text order."""
    found: list[Segment] = []
    for para in paragraphs(text):
        found.extend(_scan(text, para))
    return found


def _opens_straight(text: str, at: int, start: int) -> bool:
    before = text[at - 1] if at > start else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return (before in _OPEN_CONTEXT or before in _OPENERS) and not after.isspace()


def _scan(text: str, para: Paragraph) -> Iterator[Segment]:
    open_at: int | None = None
    straight = False
    depth = 0
    for at in range(para.start, para.end):
        ch = text[at]
        if open_at is None:
            if ch in _OPENERS or (ch == _STRAIGHT and _opens_straight(text, at, para.start)):
                open_at, straight, depth = at, ch == _STRAIGHT, 1
            continue
        if straight and ch == _STRAIGHT:
            yield _segment(text, para, open_at, at)
            open_at = None
        elif not straight and ch in _OPENERS:
            depth += 1
        elif not straight and ch in _CLOSERS:
            depth -= 1
            if depth == 0:
                yield _segment(text, para, open_at, at)
                open_at = None
    if open_at is not None:
        yield _segment(text, para, open_at, None)


def _segment(text: str, para: Paragraph, open_at: int, close_at: int | None) -> Segment:
    start = open_at + 1
    end = close_at if close_at is not None else para.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Segment(
        start=start,
        end=end,
        open_at=open_at,
        close_at=close_at,
        paragraph=para.index,
        paragraph_start=para.start,
        paragraph_end=para.end,
    )


def chains(segments: list[Segment]) -> list[list[Segment]]:
    """Group segments into quotes that run over several paragraphs.

    An unclosed segment continues in the next paragraph when that paragraph starts with
    an opening mark; every other segment is a chain of one.
    """
    result: list[list[Segment]] = []
    current: list[Segment] = []
    for seg in segments:
        if current and current[-1].close_at is None and _reopens(current[-1], seg):
            current.append(seg)
            continue
        if current:
            result.append(current)
        current = [seg]
    if current:
        result.append(current)
    return result


def _reopens(previous: Segment, seg: Segment) -> bool:
    return seg.paragraph == previous.paragraph + 1 and seg.open_at == seg.paragraph_start


def sentence_initial(text: str, seg: Segment) -> bool:
    """Whether the opening mark starts a sentence (paragraph start or after . ! ?)."""
    at = seg.open_at - 1
    while at >= seg.paragraph_start and text[at].isspace():
        at -= 1
    if at < seg.paragraph_start:
        return True
    return text[at] in ".!?" or (text[at] in '”"' and at > 0 and text[at - 1] in ".!?")


def normal_key(text: str) -> str:
    """Words only, lower case: copies of one quote compare equal across punctuation."""
    return " ".join(w.lower() for w in _WORD.findall(text))
